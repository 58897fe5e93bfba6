/* test-catalog.c — every key of CLINICAL.md §1–§7 present exactly once, every text written */
#include "config.h"

#include "crepitus-assessment.h"
#include "crepitus-catalog.h"
#include "crepitus-triage.h"

typedef struct
{
  CrepitusList  list;
  const char   *keys[16];
} ExpectedList;

/* Copied from CLINICAL.md, in its order. */
static const ExpectedList expected_lists[] = {
  { CREPITUS_LIST_SIDE, { "left", "right", "both" } },
  { CREPITUS_LIST_LOCATION, { "lumbar-left", "lumbar-central", "lumbar-right",
                              "sacroiliac-left", "sacroiliac-right" } },
  { CREPITUS_LIST_SOUND, { "pop", "click", "grinding", "grating" } },
  { CREPITUS_LIST_FREQUENCY, { "isolated", "occasional", "frequent", "constant" } },
  { CREPITUS_LIST_MOVEMENT, { "trunk-rotation", "leg-extension", "leg-raise", "leg-abduction",
                              "walking", "lifting", "bending", "twisting" } },
  { CREPITUS_LIST_SYMPTOM, { "pain", "stiffness", "limited-rom", "numbness", "tingling",
                             "weakness", "swelling", "functional-limitation" } },
  { CREPITUS_LIST_HISTORY, { "low-back-pain", "hypermobility", "scoliosis", "osteoarthritis",
                             "rheumatoid-arthritis", "disc-herniation", "spinal-stenosis",
                             "sciatica", "spinal-surgery" } },
  { CREPITUS_LIST_RED_FLAG, { "saddle-anaesthesia", "bladder-bowel-dysfunction",
                              "sexual-dysfunction", "bilateral-neurological-symptoms",
                              "progressive-weakness", "cancer-history",
                              "unexplained-weight-loss", "fever", "significant-trauma",
                              "night-pain", "immunosuppression", "iv-drug-use",
                              "steroid-use-osteoporosis" } },
  { CREPITUS_LIST_JUDGEMENT, { "not-assessed", "unlikely", "possible", "likely" } },
  { CREPITUS_LIST_FACTOR, { "joint-cavitation", "muscle-imbalances", "ligament-elasticity",
                            "spinal-alignment", "nerve-impingement", "disc-degeneration",
                            "inflammation", "movement-mechanics" } },
  { CREPITUS_LIST_SCOLIOSIS, { "none", "left-convex", "right-convex" } },
  { CREPITUS_LIST_LORDOSIS, { "normal", "increased", "decreased", "uneven" } },
  { CREPITUS_LIST_PELVIC_TILT, { "neutral", "anterior", "posterior" } },
  { CREPITUS_LIST_KYPHOSIS, { "normal", "increased" } },
  { CREPITUS_LIST_TIP, { "monitor-associated-symptoms", "evaluate-movement-patterns",
                         "assess-muscular-balance", "consider-spinal-alignment",
                         "rule-out-underlying-pathology", "implement-targeted-interventions",
                         "promote-proper-body-mechanics" } },
  { CREPITUS_LIST_GUIDANCE, { "what-the-pop-is", "possible-causes", "when-to-seek-care",
                              "muscle-balance", "self-care", "diagnosis" } },
  { CREPITUS_LIST_LEVEL, { "emergency", "urgent", "refer", "monitor", "benign" } },
  { CREPITUS_LIST_RECOMMENDATION, { "emergency-care-now", "urgent-medical-review",
                                    "medical-evaluation", "neurological-assessment",
                                    "cartilage-assessment", "consider-imaging", "follow-up",
                                    "self-care", "reassurance" } },
  { CREPITUS_LIST_SEX, { "female", "male", "other", "unknown" } },
  { CREPITUS_LIST_LANGUAGE, { "en", "de", "es", "fr", "pt_BR", "pl" } },
  { CREPITUS_LIST_MEASURE, { "nprs", "odi", "start_back", "beighton", "tests" } },
  { CREPITUS_LIST_TEST, { "straight-leg-raise", "slump", "faber", "prone-instability",
                          "trendelenburg" } },
  { CREPITUS_LIST_TEST_RESULT, { "not-done", "negative", "positive" } },
  { CREPITUS_LIST_BOTHERSOMENESS, { "not-at-all", "slightly", "moderately", "very-much",
                                    "extremely" } },
  { CREPITUS_LIST_ODI_BAND, { "minimal", "moderate", "severe", "crippling", "bed-bound" } },
  { CREPITUS_LIST_START_BACK_RISK, { "low", "medium", "high" } },
};

static const struct
{
  const char *factor;
  const char *findings[8];
} expected_findings[] = {
  { "joint-cavitation", { "gas-release-pop", "facet-joint-involvement", "painless-unrestricted",
                          "pathological-sound" } },
  { "muscle-imbalances", { "weak-gluteus-medius", "weak-gluteus-maximus", "tight-hip-flexors",
                           "weak-core", "quadratus-lumborum-compensation",
                           "piriformis-tightness", "pelvic-tilt-or-rotation" } },
  { "ligament-elasticity", { "reduced-passive-stability", "sudden-joint-release",
                             "hypermobility", "stiffness-scarring" } },
  { "spinal-alignment", { "scoliosis-rotational-instability", "lordosis-facet-compression",
                          "pelvic-tilt-sij-dysfunction", "hyperkyphosis-forward-head" } },
  { "nerve-impingement", { "altered-muscle-activation", "protective-posture",
                           "radicular-pain-avoidance", "chronic-instability-degeneration" } },
  { "disc-degeneration", { "disc-height-loss", "altered-gait-mechanics", "foraminal-narrowing",
                           "adjacent-segment-stress" } },
  { "inflammation", { "synovial-inflammation", "muscle-spasm-guarding", "ligament-irritation",
                      "nerve-root-inflammation" } },
  { "movement-mechanics", { "guarded-movement-pattern", "reduced-hip-mobility",
                            "poor-core-stability", "faulty-lifting-twisting" } },
};

static void
assert_text (const char *text)
{
  g_autofree char *stripped = NULL;

  g_assert_nonnull (text);
  stripped = g_strstrip (g_strdup (text));
  g_assert_cmpuint (strlen (stripped), >, 0);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_lists (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (expected_lists); l++)
    {
      const ExpectedList *expected = &expected_lists[l];
      guint n_expected = 0, n;
      const CrepitusCatalogEntry *entries = crepitus_catalog_entries (expected->list, &n);

      while (expected->keys[n_expected] != NULL)
        n_expected++;
      g_assert_cmpuint (n, ==, n_expected);

      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpstr (entries[i].key, ==, expected->keys[i]);
          g_assert_cmpint (crepitus_catalog_index (expected->list, expected->keys[i]), ==, i);
          assert_text (crepitus_catalog_label (expected->list, expected->keys[i]));
          /* exactly once */
          for (guint j = i + 1; j < n; j++)
            g_assert_cmpstr (entries[i].key, !=, entries[j].key);
        }
      g_assert_cmpint (crepitus_catalog_index (expected->list, "no-such-key"), ==, -1);
      g_assert_null (crepitus_catalog_label (expected->list, "no-such-key"));
      g_assert_null (crepitus_catalog_key (expected->list, n));
      assert_text (crepitus_catalog_list_noun (expected->list));
    }
}

static void
test_measure_item_lists (void)
{
  g_assert_cmpuint (crepitus_catalog_count (CREPITUS_LIST_ODI_SECTION), ==, CREPITUS_ODI_N_SECTIONS);
  g_assert_cmpuint (crepitus_catalog_count (CREPITUS_LIST_START_BACK_ITEM), ==,
                    CREPITUS_START_BACK_N_ITEMS);
  g_assert_cmpuint (crepitus_catalog_count (CREPITUS_LIST_BEIGHTON_ITEM), ==,
                    CREPITUS_BEIGHTON_N_ITEMS);
  g_assert_cmpuint (crepitus_catalog_count (CREPITUS_LIST_TEST), ==, CREPITUS_N_TESTS);
  for (CrepitusList list = CREPITUS_LIST_ODI_SECTION; list <= CREPITUS_LIST_BEIGHTON_ITEM; list++)
    for (guint i = 0; i < crepitus_catalog_count (list); i++)
      assert_text (crepitus_catalog_label (list, crepitus_catalog_key (list, i)));
}

static void
test_factors_and_findings (void)
{
  guint n_factors, total = 0;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n_factors, ==, G_N_ELEMENTS (expected_findings));
  for (guint f = 0; f < n_factors; f++)
    {
      guint n_expected = 0;

      g_assert_cmpstr (factors[f].key, ==, expected_findings[f].factor);
      g_assert_true (crepitus_catalog_factor (factors[f].key) == &factors[f]);
      assert_text (factors[f].label);
      assert_text (factors[f].clinician);
      assert_text (factors[f].patient);
      assert_text (factors[f].patient_label);
      assert_text (factors[f].source);

      while (expected_findings[f].findings[n_expected] != NULL)
        n_expected++;
      g_assert_cmpuint (factors[f].n_findings, ==, n_expected);

      for (guint i = 0; i < factors[f].n_findings; i++)
        {
          const CrepitusFinding *finding = &factors[f].findings[i];

          g_assert_cmpstr (finding->key, ==, expected_findings[f].findings[i]);
          assert_text (finding->label);
          assert_text (finding->clinician);
          assert_text (finding->patient);
          /* A patient explanation is one sentence. */
          g_assert_null (strstr (finding->patient, ". "));
          /* Each finding key belongs to one factor only. */
          g_assert_false (g_hash_table_contains (seen, finding->key));
          g_hash_table_add (seen, (gpointer) finding->key);
          g_assert_true (crepitus_catalog_finding_owner (finding->key) == &factors[f]);
          g_assert_true (crepitus_catalog_finding (&factors[f], finding->key) == finding);
          total++;
        }
    }
  g_assert_cmpuint (total, ==, 35);
  g_assert_null (crepitus_catalog_factor ("no-such-factor"));
  g_assert_null (crepitus_catalog_finding_owner ("no-such-finding"));
  g_assert_null (crepitus_catalog_finding (&factors[0], "weak-core"));
}

static void
test_texts (void)
{
  guint n;
  const CrepitusCatalogEntry *entries;

  entries = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);
  for (guint i = 0; i < n; i++)
    {
      assert_text (crepitus_catalog_red_flag_patient_text (entries[i].key));
      g_assert_cmpint (crepitus_catalog_red_flag_tier (entries[i].key), ==,
                       i < 5 ? CREPITUS_RED_FLAG_EMERGENCY : CREPITUS_RED_FLAG_URGENT);
    }

  entries = crepitus_catalog_entries (CREPITUS_LIST_TIP, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *source = g_strdup_printf ("Tip %u", i + 1);

      assert_text (crepitus_catalog_tip_text (entries[i].key));
      g_assert_cmpstr (crepitus_catalog_tip_source (entries[i].key), ==, source);
    }

  entries = crepitus_catalog_entries (CREPITUS_LIST_GUIDANCE, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *source = g_strdup_printf ("FAQ %u", i + 1);

      assert_text (crepitus_catalog_guidance_text (entries[i].key));
      g_assert_cmpstr (crepitus_catalog_guidance_source (entries[i].key), ==, source);
    }
  /* FAQ 5's caveat: self-care does not replace advice. */
  g_assert_nonnull (strstr (crepitus_catalog_guidance_text ("self-care"), "does not replace"));

  entries = crepitus_catalog_entries (CREPITUS_LIST_LEVEL, &n);
  for (guint i = 0; i < n; i++)
    {
      assert_text (crepitus_catalog_level_advice (entries[i].key));
      assert_text (crepitus_triage_level_title (i));
      assert_text (crepitus_triage_level_advice (i));
    }

  entries = crepitus_catalog_entries (CREPITUS_LIST_RECOMMENDATION, &n);
  for (guint i = 0; i < n; i++)
    for (CrepitusLevel level = CREPITUS_LEVEL_EMERGENCY; level <= CREPITUS_LEVEL_BENIGN; level++)
      assert_text (crepitus_triage_recommendation_text (entries[i].key, level));
}

static void
test_imaging_wording (void)
{
  const char *refer = crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_REFER);
  const char *urgent = crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_URGENT);
  const char *emergency = crepitus_triage_recommendation_text ("consider-imaging",
                                                               CREPITUS_LEVEL_EMERGENCY);

  g_assert_cmpstr (refer, ==, "A specialist may arrange an MRI scan if the result would change "
                              "your treatment.");
  g_assert_nonnull (strstr (urgent, "may arrange imaging to look for a serious cause such as "
                                    "infection, fracture or a tumour"));
  g_assert_nonnull (strstr (emergency, "n emergency MRI scan is usually needed"));
  /* The handout never tells a patient to ask for a scan, nor that one rules a cause out. */
  for (CrepitusLevel level = CREPITUS_LEVEL_EMERGENCY; level <= CREPITUS_LEVEL_BENIGN; level++)
    {
      const char *text = crepitus_triage_recommendation_text ("consider-imaging", level);

      g_assert_null (strstr (text, "ask for"));
      g_assert_null (strstr (text, "rule out"));
      g_assert_null (strstr (text, "X-ray"));
    }
  /* Nor does the clinician's tip 5: imaging is not routine (NICE NG59). */
  g_assert_null (strstr (crepitus_catalog_tip_text ("rule-out-underlying-pathology"), "exclude"));
  g_assert_nonnull (strstr (crepitus_catalog_tip_text ("rule-out-underlying-pathology"),
                            "not routine"));
  g_assert_nonnull (strstr (crepitus_catalog_recommendation_clinician_text ("consider-imaging",
                                                                            "refer"),
                            "not routine"));
}

/* Words of the sentences a patient reads: letters, digits and apostrophes. */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '\'' || c == 0x2019;
}

/* Syllables by the vowel-group rule: each run of a, e, i, o, u or y is one, a final silent e
 * (not "-le") is none, and every word has at least one. */
static guint
count_syllables (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize length = strlen (lower);
  gboolean in_group = FALSE;
  guint n = 0;

  for (const char *p = lower; *p != '\0'; p++)
    {
      gboolean vowel = strchr ("aeiouy", *p) != NULL;

      if (vowel && !in_group)
        n++;
      in_group = vowel;
    }
  if (n > 1 && length >= 2 && lower[length - 1] == 'e' && lower[length - 2] != 'l')
    n--;
  return MAX (n, 1);
}

typedef struct
{
  guint  words;
  guint  syllables;
  guint  sentences;
  guint  longest;          /* words in the longest sentence */
  char  *longest_text;
} Readability;

/* Adds @text: sentences end at ".", "!" or "?" followed by a space, and at the end of the
 * text (a heading or a list item is a sentence of its own). */
static void
readability_add (Readability *r,
                 const char  *text)
{
  const char *sentence = text;
  guint words = 0;
  GString *word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0 || ((c == '.' || c == '!' || c == '?') &&
                                (p[1] == '\0' || p[1] == ' '));

      if (c != 0 && is_word_char (c))
        g_string_append_unichar (word, c);
      else if (word->len > 0)
        {
          words++;
          r->syllables += count_syllables (word->str);
          g_string_truncate (word, 0);
        }

      if (end && words > 0)
        {
          r->words += words;
          r->sentences++;
          if (words > r->longest)
            {
              r->longest = words;
              g_free (r->longest_text);
              r->longest_text = g_strndup (sentence, p - sentence + 1);
            }
          if (words > 25)
            g_error ("a patient sentence of %u words: “%.*s”", words, (int) (p - sentence + 1),
                     sentence);
          words = 0;
        }
      if (end)
        sentence = p + 1;
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
}

static double
readability_grade (const Readability *r)
{
  return 0.39 * r->words / r->sentences + 11.8 * r->syllables / r->words - 15.59;
}

static void
test_syllables (void)
{
  g_assert_cmpuint (count_syllables ("pop"), ==, 1);
  g_assert_cmpuint (count_syllables ("the"), ==, 1);
  g_assert_cmpuint (count_syllables ("muscle"), ==, 2);
  g_assert_cmpuint (count_syllables ("move"), ==, 1);
  g_assert_cmpuint (count_syllables ("physiotherapist"), ==, 5);
  g_assert_cmpuint (count_syllables ("tingling"), ==, 2);
}

/* CLINICAL.md §5: every sentence a patient reads has 25 words at most, and all of it
 * together reads at Flesch–Kincaid grade 8 or below. */
static void
test_patient_readability (void)
{
  g_auto(GStrv) texts = crepitus_catalog_dup_patient_texts ();
  Readability r = { 0 };
  double grade;

  g_assert_cmpuint (g_strv_length (texts), >, 120);
  for (guint i = 0; texts[i] != NULL; i++)
    readability_add (&r, texts[i]);
  grade = readability_grade (&r);
  g_test_message ("patient text: %u words, %u sentences, %u syllables: grade %.2f; "
                  "longest sentence %u words: %s", r.words, r.sentences, r.syllables, grade,
                  r.longest, r.longest_text);
  g_assert_cmpfloat (grade, <=, 8.0);
  g_assert_cmpuint (r.longest, <=, 25);
  g_free (r.longest_text);
}

/* No frightening word where a plain one serves, and reassurance only where it is meant. */
static void
test_patient_words (void)
{
  static const char * const frightening[] = { "worn", "wear", "wobbl", "pinch", NULL };
  static const char * const reassuring[] = { "harmless", "no harm", "not harmful",
                                             "no treatment", NULL };
  g_auto(GStrv) texts = crepitus_catalog_dup_patient_texts ();
  const char *reassurance[] = {
    crepitus_catalog_guidance_text ("what-the-pop-is"),
    crepitus_catalog_recommendation_text ("reassurance", "benign"),
    NULL
  };

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (texts[i], -1);

      for (guint j = 0; frightening[j] != NULL; j++)
        if (strstr (lower, frightening[j]) != NULL)
          g_error ("“%s” in patient text: %s", frightening[j], texts[i]);
      if (g_strv_contains (reassurance, texts[i]))
        continue;
      for (guint j = 0; reassuring[j] != NULL; j++)
        if (strstr (lower, reassuring[j]) != NULL)
          g_error ("reassurance (“%s”) outside the reassurance texts: %s", reassuring[j],
                   texts[i]);
    }
  g_assert_nonnull (strstr (reassurance[0], "usually harmless"));

  /* A new problem with the bladder is what matters; spinal cord compression can be at any
   * level, so the emergency result does not place it at the base of the spine. */
  g_assert_true (g_str_has_prefix (crepitus_catalog_red_flag_patient_text ("bladder-bowel-dysfunction"),
                                   "New "));
  g_assert_nonnull (strstr (crepitus_catalog_reason_patient_text ("red-flag:bladder-bowel-dysfunction"),
                            "new"));
  g_assert_null (strstr (crepitus_triage_level_advice (CREPITUS_LEVEL_EMERGENCY), "base"));
}

/* Every reason the triage can give has a sentence for the patient, and the handout's level
 * names are the patient's words. */
static void
test_reason_patient_texts (void)
{
  static const char * const others[] = {
    "sound:click", "sound:grinding", "sound:grating", "frequency:frequent",
    "frequency:constant", "persistent", NULL
  };
  const CrepitusList lists[] = { CREPITUS_LIST_RED_FLAG, CREPITUS_LIST_SYMPTOM };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint n;
      const CrepitusCatalogEntry *entries = crepitus_catalog_entries (lists[l], &n);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *reason = g_strconcat (lists[l] == CREPITUS_LIST_RED_FLAG ?
                                                 "red-flag:" : "symptom:", entries[i].key, NULL);
          const char *text = crepitus_catalog_reason_patient_text (reason);

          assert_text (text);
          assert_text (crepitus_catalog_reason_source (reason));
          g_assert_true (g_str_has_suffix (text, "."));
          g_assert_false (g_hash_table_contains (seen, text));
          g_hash_table_add (seen, (gpointer) text);
        }
    }
  for (guint i = 0; others[i] != NULL; i++)
    {
      assert_text (crepitus_catalog_reason_patient_text (others[i]));
      assert_text (crepitus_catalog_reason_source (others[i]));
      g_assert_cmpint (crepitus_catalog_reason_order (others[i]), <,
                       crepitus_catalog_reason_order ("no-such-reason"));
    }
  g_assert_null (crepitus_catalog_reason_patient_text ("symptom:nonsense"));
  g_assert_null (crepitus_catalog_reason_source ("symptom:nonsense"));
  /* A red flag's source is its tier's guideline, at whichever level it is a reason. */
  g_assert_cmpstr (crepitus_catalog_reason_source ("red-flag:saddle-anaesthesia"), ==,
                   "NICE NG59; cauda equina syndrome red flags");
  g_assert_cmpstr (crepitus_catalog_reason_source ("red-flag:cancer-history"), ==,
                   "NICE NG59; NICE CKS Back pain – low");
  g_assert_cmpint (crepitus_catalog_reason_order ("red-flag:saddle-anaesthesia"), <,
                   crepitus_catalog_reason_order ("symptom:pain"));

  g_assert_cmpstr (crepitus_catalog_level_patient_name ("refer"), ==,
                   "See a doctor or physiotherapist");
  for (guint i = 0; i < crepitus_catalog_count (CREPITUS_LIST_LEVEL); i++)
    {
      const char *key = crepitus_catalog_key (CREPITUS_LIST_LEVEL, i);

      assert_text (crepitus_catalog_level_patient_name (key));
      assert_text (crepitus_catalog_referral_to (key));
    }
  g_assert_null (crepitus_catalog_referral_when ("benign"));
  g_assert_cmpstr (crepitus_catalog_referral_when ("emergency"), ==, "now");
}

static void
test_safety_net_words (void)
{
  g_autofree char *heading = crepitus_catalog_safety_net_heading (NULL);
  g_autofree char *blank = crepitus_catalog_safety_net_heading ("  ");
  g_autofree char *numbered = crepitus_catalog_safety_net_heading (" 112 ");
  g_autofree char *action = crepitus_catalog_emergency_action ("999");
  guint n = 0;

  g_assert_cmpstr (heading, ==, "Call emergency services or go to an emergency department now if:");
  g_assert_cmpstr (blank, ==, heading);
  g_assert_cmpstr (numbered, ==, "Call 112 or go to an emergency department now if:");
  g_assert_cmpstr (action, ==, "Go to an emergency department now, or call 999.");
  g_assert_cmpstr (crepitus_catalog_same_day_heading (), ==, "See a doctor the same day if:");
  while (crepitus_catalog_same_day_sign (n) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 4);

  /* The recommendations to a clinician never point to a leaflet. */
  for (guint i = 0; i < crepitus_catalog_count (CREPITUS_LIST_RECOMMENDATION); i++)
    {
      const char *key = crepitus_catalog_key (CREPITUS_LIST_RECOMMENDATION, i);

      for (guint l = 0; l < crepitus_catalog_count (CREPITUS_LIST_LEVEL); l++)
        {
          const char *text =
            crepitus_catalog_recommendation_clinician_text (key, crepitus_catalog_key (CREPITUS_LIST_LEVEL, l));

          assert_text (text);
          g_assert_null (strstr (text, "leaflet"));
        }
    }
}

/* What the issue found misleading in the article's reading stays fixed. */
static void
test_clinician_texts (void)
{
  const CrepitusFactor *cavitation = crepitus_catalog_factor ("joint-cavitation");
  const CrepitusFactor *muscles = crepitus_catalog_factor ("muscle-imbalances");
  const char *gas = crepitus_catalog_finding (cavitation, "gas-release-pop")->clinician;
  const char *piriformis = crepitus_catalog_finding (muscles, "piriformis-tightness")->clinician;

  g_assert_null (strstr (gas, "mostly nitrogen"));
  g_assert_nonnull (strstr (gas, "nitrogen, oxygen and carbon dioxide"));
  g_assert_nonnull (strstr (piriformis, "radicular"));
  g_assert_null (strstr (piriformis, "consider it when buttock pain"));
}

static void
test_enum_nicks_are_keys (void)
{
  static const struct
  {
    GType        (*get_type) (void);
    CrepitusList  list;
  } enums[] = {
    { crepitus_side_get_type, CREPITUS_LIST_SIDE },
    { crepitus_sound_get_type, CREPITUS_LIST_SOUND },
    { crepitus_frequency_get_type, CREPITUS_LIST_FREQUENCY },
    { crepitus_sex_get_type, CREPITUS_LIST_SEX },
    { crepitus_scoliosis_get_type, CREPITUS_LIST_SCOLIOSIS },
    { crepitus_lordosis_get_type, CREPITUS_LIST_LORDOSIS },
    { crepitus_pelvic_tilt_get_type, CREPITUS_LIST_PELVIC_TILT },
    { crepitus_kyphosis_get_type, CREPITUS_LIST_KYPHOSIS },
  };

  for (guint e = 0; e < G_N_ELEMENTS (enums); e++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[e].get_type ());
      guint n = crepitus_catalog_count (enums[e].list);

      /* value 0 is "not recorded", then one value per catalog entry */
      g_assert_cmpuint (klass->n_values, ==, n + 1);
      g_assert_cmpstr (g_enum_get_value (klass, 0)->value_nick, ==, "not-recorded");
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpstr (g_enum_get_value (klass, i + 1)->value_nick, ==,
                           crepitus_catalog_key (enums[e].list, i));
          g_assert_cmpstr (crepitus_choice_to_key (enums[e].list, i + 1), ==,
                           crepitus_catalog_key (enums[e].list, i));
          g_assert_cmpint (crepitus_choice_from_key (enums[e].list,
                                                     crepitus_catalog_key (enums[e].list, i)),
                           ==, i + 1);
        }
      g_assert_null (crepitus_choice_to_key (enums[e].list, 0));
      g_assert_cmpint (crepitus_choice_from_key (enums[e].list, NULL), ==, 0);
      g_assert_cmpint (crepitus_choice_from_key (enums[e].list, "nonsense"), ==, -1);
    }

  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (CREPITUS_TYPE_JUDGEMENT);

    for (guint i = 0; i < crepitus_catalog_count (CREPITUS_LIST_JUDGEMENT); i++)
      g_assert_cmpstr (g_enum_get_value (klass, i)->value_nick, ==,
                       crepitus_catalog_key (CREPITUS_LIST_JUDGEMENT, i));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crepitus/catalog/lists", test_lists);
  g_test_add_func ("/crepitus/catalog/measure-items", test_measure_item_lists);
  g_test_add_func ("/crepitus/catalog/factors-and-findings", test_factors_and_findings);
  g_test_add_func ("/crepitus/catalog/texts", test_texts);
  g_test_add_func ("/crepitus/catalog/imaging-wording", test_imaging_wording);
  g_test_add_func ("/crepitus/catalog/syllables", test_syllables);
  g_test_add_func ("/crepitus/catalog/patient-readability", test_patient_readability);
  g_test_add_func ("/crepitus/catalog/patient-words", test_patient_words);
  g_test_add_func ("/crepitus/catalog/reason-patient-texts", test_reason_patient_texts);
  g_test_add_func ("/crepitus/catalog/safety-net-words", test_safety_net_words);
  g_test_add_func ("/crepitus/catalog/clinician-texts", test_clinician_texts);
  g_test_add_func ("/crepitus/catalog/enum-nicks-are-keys", test_enum_nicks_are_keys);

  return g_test_run ();
}
