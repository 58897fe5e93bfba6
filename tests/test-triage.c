/* test-triage.c — every row and clause of CLINICAL.md §4 */
#include "config.h"

#include "crepitus-json.h"
#include "crepitus-triage.h"

typedef struct
{
  const char *name;
  const char *assessment;   /* members of "assessment" besides the date */
  const char *expected;     /* the one-line result */
} TriageCase;

/* Every red flag, by byte order, written out here rather than read from the catalog. */
static const char * const all_red_flags[] = {
  "bilateral-neurological-symptoms", "bladder-bowel-dysfunction", "cancer-history", "fever",
  "immunosuppression", "iv-drug-use", "night-pain", "progressive-weakness", "saddle-anaesthesia",
  "sexual-dysfunction", "significant-trauma", "steroid-use-osteoporosis",
  "unexplained-weight-loss",
};

static const TriageCase cases[] = {
  /* benign */
  { "nothing-recorded", "",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },
  { "isolated-pop", "\"sound\": \"pop\", \"frequency\": \"isolated\", \"pain_score\": 0",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },
  { "occasional-five-weeks", "\"frequency\": \"occasional\", \"duration_weeks\": 5",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },
  { "grinding-without-pain", "\"sound\": \"grinding\", \"pain_score\": 0",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },
  { "side-both-is-not-a-red-flag", "\"side\": \"both\"",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },
  { "history-alone", "\"history\": [\"sciatica\", \"disc-herniation\", \"spinal-surgery\"]",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },

  /* monitor */
  { "frequent", "\"frequency\": \"frequent\"",
    "{\"level\": \"monitor\", \"reasons\": [\"frequency:frequent\"], \"recommendations\": [\"follow-up\", \"self-care\"]}" },
  { "constant-and-persistent", "\"frequency\": \"constant\", \"duration_weeks\": 52",
    "{\"level\": \"monitor\", \"reasons\": [\"frequency:constant\", \"persistent\"], \"recommendations\": [\"follow-up\", \"self-care\"]}" },
  { "persistent-at-six-weeks", "\"frequency\": \"occasional\", \"duration_weeks\": 6",
    "{\"level\": \"monitor\", \"reasons\": [\"persistent\"], \"recommendations\": [\"follow-up\", \"self-care\"]}" },
  { "persistent-without-frequency", "\"duration_weeks\": 6",
    "{\"level\": \"monitor\", \"reasons\": [\"persistent\"], \"recommendations\": [\"follow-up\", \"self-care\"]}" },

  /* refer */
  { "pain-from-score-alone", "\"pain_score\": 1",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:pain\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "pain-from-symptom-alone", "\"symptoms\": [\"pain\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:pain\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "pain-symptom-with-score-zero", "\"symptoms\": [\"pain\"], \"pain_score\": 0",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:pain\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "stiffness", "\"symptoms\": [\"stiffness\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:stiffness\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "every-non-neurological-symptom",
    "\"symptoms\": [\"functional-limitation\", \"swelling\", \"limited-rom\", \"stiffness\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:functional-limitation\", \"symptom:limited-rom\", \"symptom:stiffness\", \"symptom:swelling\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "clinical-md-example", "\"symptoms\": [\"numbness\"], \"pain_score\": 4",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:numbness\", \"symptom:pain\"], \"recommendations\": [\"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },
  { "weakness-without-duration", "\"symptoms\": [\"weakness\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:weakness\"], \"recommendations\": [\"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },
  { "tingling-five-weeks", "\"symptoms\": [\"tingling\"], \"duration_weeks\": 5",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:tingling\"], \"recommendations\": [\"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },
  { "tingling-six-weeks", "\"symptoms\": [\"tingling\"], \"duration_weeks\": 6",
    "{\"level\": \"refer\", \"reasons\": [\"persistent\", \"symptom:tingling\"], \"recommendations\": [\"consider-imaging\", \"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },
  { "grinding-with-pain", "\"sound\": \"grinding\", \"pain_score\": 3",
    "{\"level\": \"refer\", \"reasons\": [\"sound:grinding\", \"symptom:pain\"], \"recommendations\": [\"cartilage-assessment\", \"medical-evaluation\", \"self-care\"]}" },
  { "grating-with-pain-symptom", "\"sound\": \"grating\", \"symptoms\": [\"pain\"]",
    "{\"level\": \"refer\", \"reasons\": [\"sound:grating\", \"symptom:pain\"], \"recommendations\": [\"cartilage-assessment\", \"medical-evaluation\", \"self-care\"]}" },
  { "click-with-pain-persistent", "\"sound\": \"click\", \"pain_score\": 2, \"duration_weeks\": 6",
    "{\"level\": \"refer\", \"reasons\": [\"persistent\", \"sound:click\", \"symptom:pain\"], \"recommendations\": [\"cartilage-assessment\", \"consider-imaging\", \"medical-evaluation\", \"self-care\"]}" },
  { "grinding-with-stiffness-no-pain", "\"sound\": \"grinding\", \"symptoms\": [\"stiffness\"], \"duration_weeks\": 20",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:stiffness\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "pop-with-pain-persistent", "\"sound\": \"pop\", \"pain_score\": 5, \"duration_weeks\": 30",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:pain\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "refer-beats-monitor", "\"frequency\": \"constant\", \"symptoms\": [\"swelling\"], \"duration_weeks\": 8",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:swelling\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "neuro-and-sound-persistent",
    "\"sound\": \"grinding\", \"symptoms\": [\"numbness\", \"pain\"], \"duration_weeks\": 6",
    "{\"level\": \"refer\", \"reasons\": [\"persistent\", \"sound:grinding\", \"symptom:numbness\", \"symptom:pain\"], \"recommendations\": [\"cartilage-assessment\", \"consider-imaging\", \"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },
  { "both-sides-with-numbness", "\"side\": \"both\", \"symptoms\": [\"numbness\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:numbness\"], \"recommendations\": [\"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },

  /* urgent */
  { "fever", "\"red_flags\": [\"fever\"]",
    "{\"level\": \"urgent\", \"reasons\": [\"red-flag:fever\"], \"recommendations\": [\"consider-imaging\", \"urgent-medical-review\"]}" },
  { "urgent-beats-refer", "\"red_flags\": [\"night-pain\"], \"symptoms\": [\"pain\", \"stiffness\"], \"frequency\": \"constant\"",
    "{\"level\": \"urgent\", \"reasons\": [\"red-flag:night-pain\"], \"recommendations\": [\"consider-imaging\", \"urgent-medical-review\"]}" },
  { "cancer-without-neurological-symptom", "\"red_flags\": [\"cancer-history\"], \"pain_score\": 6",
    "{\"level\": \"urgent\", \"reasons\": [\"red-flag:cancer-history\"], \"recommendations\": [\"consider-imaging\", \"urgent-medical-review\"]}" },
  { "every-urgent-flag",
    "\"red_flags\": [\"steroid-use-osteoporosis\", \"iv-drug-use\", \"immunosuppression\", \"night-pain\", \"significant-trauma\", \"fever\", \"unexplained-weight-loss\", \"cancer-history\"]",
    "{\"level\": \"urgent\", \"reasons\": [\"red-flag:cancer-history\", \"red-flag:fever\", \"red-flag:immunosuppression\", \"red-flag:iv-drug-use\", \"red-flag:night-pain\", \"red-flag:significant-trauma\", \"red-flag:steroid-use-osteoporosis\", \"red-flag:unexplained-weight-loss\"], \"recommendations\": [\"consider-imaging\", \"urgent-medical-review\"]}" },

  /* emergency */
  { "saddle-anaesthesia", "\"red_flags\": [\"saddle-anaesthesia\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:saddle-anaesthesia\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "emergency-beats-urgent", "\"red_flags\": [\"fever\", \"bladder-bowel-dysfunction\"], \"symptoms\": [\"pain\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:bladder-bowel-dysfunction\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "cancer-clause", "\"red_flags\": [\"cancer-history\"], \"symptoms\": [\"numbness\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:cancer-history\", \"symptom:numbness\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "cancer-clause-every-neurological-symptom",
    "\"red_flags\": [\"cancer-history\", \"fever\"], \"symptoms\": [\"weakness\", \"tingling\", \"numbness\", \"pain\", \"stiffness\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:cancer-history\", \"symptom:numbness\", \"symptom:tingling\", \"symptom:weakness\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "emergency-flag-with-cancer-no-neuro", "\"red_flags\": [\"cancer-history\", \"progressive-weakness\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:progressive-weakness\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "emergency-flag-and-cancer-clause",
    "\"red_flags\": [\"sexual-dysfunction\", \"cancer-history\"], \"symptoms\": [\"tingling\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:cancer-history\", \"red-flag:sexual-dysfunction\", \"symptom:tingling\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "every-emergency-flag",
    "\"red_flags\": [\"progressive-weakness\", \"bilateral-neurological-symptoms\", \"sexual-dysfunction\", \"bladder-bowel-dysfunction\", \"saddle-anaesthesia\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:bilateral-neurological-symptoms\", \"red-flag:bladder-bowel-dysfunction\", \"red-flag:progressive-weakness\", \"red-flag:saddle-anaesthesia\", \"red-flag:sexual-dysfunction\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
};

static void
test_case (gconstpointer data)
{
  const TriageCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"format\": \"crepitus-assessment\", \"version\": 1, "
                                           "\"patient\": {\"family_name\": \"Test\"}, "
                                           "\"assessment\": {\"date\": \"2026-01-05\"%s%s}}",
                                           c->assessment[0] ? ", " : "", c->assessment);
  g_autoptr(CrepitusAssessment) assessment = crepitus_json_read (json, strlen (json), &error);
  g_autoptr(CrepitusTriage) triage = NULL;
  g_autofree char *line = NULL;

  g_assert_no_error (error);
  triage = crepitus_triage_compute (assessment);
  line = crepitus_triage_to_json (triage);
  g_assert_null (strchr (line, '\n'));

  /* None of these cases asked about an absent flag: every flag not present is not asked. */
  {
    g_autoptr(GString) expected = g_string_new (c->expected);
    gboolean first = TRUE;

    g_string_truncate (expected, expected->len - 1);
    g_string_append (expected, ", \"not_asked\": [");
    for (guint i = 0; i < G_N_ELEMENTS (all_red_flags); i++)
      {
        g_autofree char *quoted = g_strdup_printf ("\"%s\"", all_red_flags[i]);

        if (strstr (c->assessment, quoted) != NULL)
          continue;
        g_string_append_printf (expected, "%s%s", first ? "" : ", ", quoted);
        first = FALSE;
      }
    g_string_append (expected, "]}");
    g_assert_cmpstr (line, ==, expected->str);
  }
}

typedef struct
{
  const char *name;
  const char *assessment;
  const char *expected;
} ScreenCase;

/* The screen never changes the level; "not_asked" lists the flags in neither list. */
static const ScreenCase screen_cases[] = {
  { "complete-negative",
    "\"red_flags_absent\": [\"saddle-anaesthesia\", \"bladder-bowel-dysfunction\", "
    "\"sexual-dysfunction\", \"bilateral-neurological-symptoms\", \"progressive-weakness\", "
    "\"cancer-history\", \"unexplained-weight-loss\", \"fever\", \"significant-trauma\", "
    "\"night-pain\", \"immunosuppression\", \"iv-drug-use\", \"steroid-use-osteoporosis\"]",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", "
    "\"self-care\"], \"not_asked\": []}" },
  { "two-not-asked",
    "\"red_flags\": [\"fever\"], \"red_flags_absent\": [\"saddle-anaesthesia\", "
    "\"bladder-bowel-dysfunction\", \"sexual-dysfunction\", \"bilateral-neurological-symptoms\", "
    "\"progressive-weakness\", \"cancer-history\", \"unexplained-weight-loss\", "
    "\"significant-trauma\", \"immunosuppression\", \"iv-drug-use\"]",
    "{\"level\": \"urgent\", \"reasons\": [\"red-flag:fever\"], \"recommendations\": "
    "[\"consider-imaging\", \"urgent-medical-review\"], \"not_asked\": [\"night-pain\", "
    "\"steroid-use-osteoporosis\"]}" },
  { "absent-flags-trigger-nothing",
    "\"red_flags_absent\": [\"saddle-anaesthesia\", \"cancer-history\"], "
    "\"symptoms\": [\"tingling\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:tingling\"], \"recommendations\": "
    "[\"medical-evaluation\", \"neurological-assessment\", \"self-care\"], \"not_asked\": "
    "[\"bilateral-neurological-symptoms\", \"bladder-bowel-dysfunction\", \"fever\", "
    "\"immunosuppression\", \"iv-drug-use\", \"night-pain\", \"progressive-weakness\", "
    "\"sexual-dysfunction\", \"significant-trauma\", \"steroid-use-osteoporosis\", "
    "\"unexplained-weight-loss\"]}" },
};

static void
test_screen_case (gconstpointer data)
{
  const ScreenCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"format\": \"crepitus-assessment\", \"version\": 1, "
                                           "\"patient\": {\"family_name\": \"Test\"}, "
                                           "\"assessment\": {\"date\": \"2026-01-05\", %s}}",
                                           c->assessment);
  g_autoptr(CrepitusAssessment) assessment = crepitus_json_read (json, strlen (json), &error);
  g_autoptr(CrepitusTriage) triage = NULL;
  g_autofree char *line = NULL;

  g_assert_no_error (error);
  triage = crepitus_triage_compute (assessment);
  line = crepitus_triage_to_json (triage);
  g_assert_cmpstr (line, ==, c->expected);
}

/* The model, not only JSON: an edit changes the outcome live. */
static void
test_live_update (void)
{
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (NULL);
  CrepitusTriage *triage;

  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, CREPITUS_LEVEL_BENIGN);
  crepitus_triage_free (triage);

  crepitus_assessment_set_pain_score (assessment, 2);
  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, CREPITUS_LEVEL_REFER);
  crepitus_triage_free (triage);

  crepitus_assessment_set_member (assessment, CREPITUS_LIST_RED_FLAG, "saddle-anaesthesia", TRUE);
  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, CREPITUS_LEVEL_EMERGENCY);
  crepitus_triage_free (triage);

  crepitus_assessment_set_member (assessment, CREPITUS_LIST_RED_FLAG, "saddle-anaesthesia", FALSE);
  crepitus_assessment_set_pain_score (assessment, -1);
  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, CREPITUS_LEVEL_BENIGN);
  crepitus_triage_free (triage);
}

/* Judgements, findings and posture inform the clinician; they never change the level. */
static void
test_factors_do_not_change_level (void)
{
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (NULL);
  g_autoptr(CrepitusTriage) triage = NULL;
  CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, "nerve-impingement");

  crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_LIKELY);
  crepitus_factor_record_set_finding (record, "radicular-pain-avoidance", TRUE);
  crepitus_assessment_set_scoliosis (assessment, CREPITUS_SCOLIOSIS_LEFT_CONVEX);
  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, CREPITUS_LEVEL_BENIGN);
}

static void
test_texts (void)
{
  g_autofree char *flag = crepitus_triage_reason_text ("red-flag:fever");
  g_autofree char *symptom = crepitus_triage_reason_text ("symptom:limited-rom");
  g_autofree char *sound = crepitus_triage_reason_text ("sound:grinding");
  g_autofree char *frequency = crepitus_triage_reason_text ("frequency:constant");
  g_autofree char *persistent = crepitus_triage_reason_text ("persistent");

  g_assert_nonnull (strstr (flag, "Fever"));
  g_assert_nonnull (strstr (symptom, "Limited range of motion"));
  g_assert_nonnull (strstr (sound, "Grinding"));
  g_assert_nonnull (strstr (frequency, "Constant"));
  g_assert_nonnull (strstr (persistent, "six weeks"));

  g_assert_nonnull (strstr (crepitus_catalog_reason_source ("red-flag:saddle-anaesthesia"), "NICE"));
  g_assert_nonnull (strstr (crepitus_catalog_reason_source ("red-flag:fever"), "NICE"));
  g_assert_nonnull (strstr (crepitus_catalog_reason_source ("sound:click"), "§1"));
  g_assert_nonnull (strstr (crepitus_catalog_reason_source ("symptom:pain"), "FAQ 3"));
  g_assert_nonnull (strstr (crepitus_catalog_reason_source ("frequency:frequent"), "FAQ 1"));
  g_assert_nonnull (strstr (crepitus_catalog_reason_source ("persistent"), "Tip 5"));

  g_assert_cmpstr (crepitus_triage_level_key (CREPITUS_LEVEL_MONITOR), ==, "monitor");
  g_assert_cmpstr (crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_URGENT),
                   !=, crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_REFER));
  g_assert_cmpstr (crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_EMERGENCY),
                   !=, crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_URGENT));
}

/* Which clinician tips bear on an assessment (CLINICAL.md §5): the assessment is built through
 * the model from @recorded, words "KIND:KEY" or "KIND:KEY=VALUE" (see build_assessment), and
 * @expected is every tip that must come back, in catalog order: any other must not. */
typedef struct
{
  const char *name;
  const char *recorded;
  const char *expected;
} TipCase;

static const TipCase tip_cases[] = {
  { "nothing-recorded", "",
    "monitor-associated-symptoms" },
  { "unlikely-normal-and-not-recorded-bring-nothing",
    "factor:movement-mechanics=unlikely factor:muscle-imbalances=not-assessed "
    "factor:spinal-alignment=unlikely factor:disc-degeneration=unlikely "
    "scoliosis:none lordosis:normal pelvic-tilt:neutral kyphosis:normal forward-head:no",
    "monitor-associated-symptoms" },
  { "symptoms-history-and-sound-bring-nothing",
    "symptom:stiffness symptom:numbness history:scoliosis history:disc-herniation "
    "sound:grinding frequency:constant",
    "monitor-associated-symptoms" },
  { "factor-without-a-tip", "factor:joint-cavitation=likely factor:ligament-elasticity=unlikely",
    "monitor-associated-symptoms" },

  /* judgements */
  { "movement-mechanics-possible", "factor:movement-mechanics=possible",
    "monitor-associated-symptoms evaluate-movement-patterns implement-targeted-interventions "
    "promote-proper-body-mechanics" },
  { "muscle-imbalances-likely", "factor:muscle-imbalances=likely",
    "monitor-associated-symptoms assess-muscular-balance implement-targeted-interventions" },
  { "ligament-elasticity-possible", "factor:ligament-elasticity=possible",
    "monitor-associated-symptoms implement-targeted-interventions" },
  { "spinal-alignment-likely", "factor:spinal-alignment=likely",
    "monitor-associated-symptoms consider-spinal-alignment implement-targeted-interventions" },
  { "disc-degeneration-possible", "factor:disc-degeneration=possible",
    "monitor-associated-symptoms rule-out-underlying-pathology" },
  { "nerve-impingement-likely", "factor:nerve-impingement=likely",
    "monitor-associated-symptoms rule-out-underlying-pathology" },
  { "inflammation-possible", "factor:inflammation=possible",
    "monitor-associated-symptoms rule-out-underlying-pathology" },

  /* provoking movements */
  { "any-movement", "movement:walking movement:leg-raise",
    "monitor-associated-symptoms evaluate-movement-patterns" },
  { "lifting", "movement:lifting",
    "monitor-associated-symptoms evaluate-movement-patterns promote-proper-body-mechanics" },
  { "bending", "movement:bending",
    "monitor-associated-symptoms evaluate-movement-patterns promote-proper-body-mechanics" },
  { "twisting", "movement:twisting",
    "monitor-associated-symptoms evaluate-movement-patterns promote-proper-body-mechanics" },

  /* posture other than normal */
  { "scoliosis", "scoliosis:right-convex",
    "monitor-associated-symptoms consider-spinal-alignment" },
  { "lordosis", "lordosis:uneven",
    "monitor-associated-symptoms consider-spinal-alignment" },
  { "pelvic-tilt", "pelvic-tilt:anterior",
    "monitor-associated-symptoms consider-spinal-alignment" },
  { "kyphosis", "kyphosis:increased",
    "monitor-associated-symptoms consider-spinal-alignment" },
  { "forward-head", "forward-head:yes",
    "monitor-associated-symptoms consider-spinal-alignment" },

  /* imaging recommended by the triage */
  { "urgent-red-flag", "red-flag:fever",
    "monitor-associated-symptoms rule-out-underlying-pathology" },
  { "emergency-red-flag", "red-flag:saddle-anaesthesia",
    "monitor-associated-symptoms rule-out-underlying-pathology" },
  { "persistent-neurological-symptom", "symptom:tingling weeks:6",
    "monitor-associated-symptoms rule-out-underlying-pathology" },
  { "neurological-symptom-not-yet-persistent", "symptom:tingling weeks:5",
    "monitor-associated-symptoms" },
  { "persistent-grinding-with-pain", "sound:grinding pain:3 weeks:8",
    "monitor-associated-symptoms rule-out-underlying-pathology" },

  { "every-tip",
    "factor:movement-mechanics=likely factor:muscle-imbalances=possible "
    "factor:spinal-alignment=possible factor:inflammation=likely",
    "monitor-associated-symptoms evaluate-movement-patterns assess-muscular-balance "
    "consider-spinal-alignment rule-out-underlying-pathology implement-targeted-interventions "
    "promote-proper-body-mechanics" },
};

static int
choice (CrepitusList  list,
        const char   *key)
{
  int value = crepitus_choice_from_key (list, key);

  g_assert_cmpint (value, >, 0);
  return value;
}

static int
number (const char *text)
{
  guint64 value = 0;
  g_autoptr(GError) error = NULL;

  g_ascii_string_to_unsigned (text, 10, 0, 100, &value, &error);
  g_assert_no_error (error);
  return (int) value;
}

/* Builds an assessment through the model from words "KIND:KEY" (movement, symptom, history,
 * red-flag, scoliosis, lordosis, pelvic-tilt, kyphosis, sound, frequency, pain, weeks),
 * "factor:KEY=JUDGEMENT" and "forward-head:yes|no". */
static CrepitusAssessment *
build_assessment (const char *recorded)
{
  CrepitusAssessment *assessment = crepitus_assessment_new (NULL);
  g_auto(GStrv) words = g_strsplit (recorded, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      const char *kind, *key;

      if (*words[i] == '\0')
        continue;
      parts = g_strsplit (words[i], ":", 2);
      g_assert_nonnull (parts[1]);
      kind = parts[0];
      key = parts[1];

      if (g_str_equal (kind, "factor"))
        {
          g_auto(GStrv) judged = g_strsplit (key, "=", 2);
          int judgement;

          g_assert_nonnull (judged[1]);
          judgement = crepitus_catalog_index (CREPITUS_LIST_JUDGEMENT, judged[1]);
          g_assert_cmpint (judgement, >=, 0);
          crepitus_factor_record_set_judgement (crepitus_assessment_get_factor (assessment,
                                                                                judged[0]),
                                                judgement);
        }
      else if (g_str_equal (kind, "movement"))
        crepitus_assessment_set_member (assessment, CREPITUS_LIST_MOVEMENT, key, TRUE);
      else if (g_str_equal (kind, "symptom"))
        crepitus_assessment_set_member (assessment, CREPITUS_LIST_SYMPTOM, key, TRUE);
      else if (g_str_equal (kind, "history"))
        crepitus_assessment_set_member (assessment, CREPITUS_LIST_HISTORY, key, TRUE);
      else if (g_str_equal (kind, "red-flag"))
        crepitus_assessment_set_member (assessment, CREPITUS_LIST_RED_FLAG, key, TRUE);
      else if (g_str_equal (kind, "scoliosis"))
        crepitus_assessment_set_scoliosis (assessment, choice (CREPITUS_LIST_SCOLIOSIS, key));
      else if (g_str_equal (kind, "lordosis"))
        crepitus_assessment_set_lordosis (assessment, choice (CREPITUS_LIST_LORDOSIS, key));
      else if (g_str_equal (kind, "pelvic-tilt"))
        crepitus_assessment_set_pelvic_tilt (assessment, choice (CREPITUS_LIST_PELVIC_TILT, key));
      else if (g_str_equal (kind, "kyphosis"))
        crepitus_assessment_set_kyphosis (assessment, choice (CREPITUS_LIST_KYPHOSIS, key));
      else if (g_str_equal (kind, "forward-head"))
        crepitus_assessment_set_forward_head (assessment, g_str_equal (key, "yes") ?
                                                          CREPITUS_TRISTATE_YES :
                                                          CREPITUS_TRISTATE_NO);
      else if (g_str_equal (kind, "sound"))
        crepitus_assessment_set_sound (assessment, choice (CREPITUS_LIST_SOUND, key));
      else if (g_str_equal (kind, "frequency"))
        crepitus_assessment_set_frequency (assessment, choice (CREPITUS_LIST_FREQUENCY, key));
      else if (g_str_equal (kind, "pain"))
        crepitus_assessment_set_pain_score (assessment, number (key));
      else if (g_str_equal (kind, "weeks"))
        crepitus_assessment_set_duration_weeks (assessment, number (key));
      else
        g_error ("unknown kind “%s” in a tip case", kind);
    }
  return assessment;
}

static void
test_tip_case (gconstpointer data)
{
  const TipCase *c = data;
  g_autoptr(CrepitusAssessment) assessment = build_assessment (c->recorded);
  g_autoptr(CrepitusTriage) triage = crepitus_triage_compute (assessment);
  g_auto(GStrv) tips = crepitus_triage_dup_tips (assessment, triage);
  g_auto(GStrv) computed = crepitus_triage_dup_tips (assessment, NULL);
  g_autofree char *joined = g_strjoinv (" ", tips);

  g_assert_cmpstr (joined, ==, c->expected);
  g_assert_true (g_strv_equal ((const char * const *) computed, (const char * const *) tips));
}

/* Beside each factor of the checklist: the tips that bear on the assessment and that a
 * judgement of that factor brings up, whatever brought them up this time. */
static void
test_factor_tips (void)
{
  g_autoptr(CrepitusAssessment) assessment =
    build_assessment ("factor:movement-mechanics=likely factor:inflammation=possible "
                      "movement:lifting");
  g_autoptr(CrepitusTriage) triage = crepitus_triage_compute (assessment);
  g_auto(GStrv) mechanics = crepitus_triage_dup_factor_tips (assessment, triage,
                                                             "movement-mechanics");
  g_auto(GStrv) inflammation = crepitus_triage_dup_factor_tips (assessment, NULL, "inflammation");
  g_auto(GStrv) disc = crepitus_triage_dup_factor_tips (assessment, triage, "disc-degeneration");
  g_auto(GStrv) cavitation = crepitus_triage_dup_factor_tips (assessment, triage,
                                                              "joint-cavitation");
  g_autofree char *joined = g_strjoinv (" ", mechanics);

  g_assert_cmpstr (joined, ==, "evaluate-movement-patterns implement-targeted-interventions "
                               "promote-proper-body-mechanics");
  g_assert_cmpstr (inflammation[0], ==, "rule-out-underlying-pathology");
  g_assert_null (inflammation[1]);
  /* The same tip beside another factor it names, though that one was not judged. */
  g_assert_cmpstr (disc[0], ==, "rule-out-underlying-pathology");
  g_assert_null (disc[1]);
  /* Tips brought up by no judgement (Tip 1) stand beside no factor. */
  g_assert_null (cavitation[0]);
}

/* Every trigger in the catalog names keys of its own list, so that a misspelt key cannot
 * silently never match; every tip has a trigger. */
static void
test_tip_triggers_name_catalog_keys (void)
{
  guint n_tips;
  const CrepitusCatalogEntry *tips = crepitus_catalog_entries (CREPITUS_LIST_TIP, &n_tips);

  g_assert_cmpuint (n_tips, ==, 7);
  g_assert_null (crepitus_catalog_tip_triggers ("no-such-tip", NULL));
  for (guint i = 0; i < n_tips; i++)
    {
      guint n_triggers = 0;
      const CrepitusTipTrigger *triggers = crepitus_catalog_tip_triggers (tips[i].key,
                                                                          &n_triggers);

      g_assert_nonnull (triggers);
      g_assert_cmpuint (n_triggers, >, 0);
      for (guint j = 0; j < n_triggers; j++)
        {
          const CrepitusTipTrigger *t = &triggers[j];

          for (guint k = 0; t->keys != NULL && t->keys[k] != NULL; k++)
            if (crepitus_catalog_index (t->list, t->keys[k]) < 0)
              g_error ("tip %s: “%s” is not a %s", tips[i].key, t->keys[k],
                       crepitus_catalog_list_noun (t->list));
          for (guint k = 0; t->values != NULL && t->values[k] != NULL; k++)
            g_assert_cmpint (crepitus_catalog_index (CREPITUS_LIST_JUDGEMENT, t->values[k]), >=, 0);
          if (t->when == CREPITUS_TIP_WHEN_JUDGED)
            g_assert_cmpint (t->list, ==, CREPITUS_LIST_FACTOR);
          if (t->when == CREPITUS_TIP_WHEN_RECOMMENDED)
            g_assert_cmpint (t->list, ==, CREPITUS_LIST_RECOMMENDATION);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/crepitus/triage/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (screen_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/crepitus/triage/screen/%s", screen_cases[i].name);

      g_test_add_data_func (path, &screen_cases[i], test_screen_case);
    }
  g_test_add_func ("/crepitus/triage/live-update", test_live_update);
  g_test_add_func ("/crepitus/triage/factors-do-not-change-level", test_factors_do_not_change_level);
  g_test_add_func ("/crepitus/triage/texts", test_texts);

  for (guint i = 0; i < G_N_ELEMENTS (tip_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/crepitus/triage/tips/%s", tip_cases[i].name);

      g_test_add_data_func (path, &tip_cases[i], test_tip_case);
    }
  g_test_add_func ("/crepitus/triage/tips/beside-their-factor", test_factor_tips);
  g_test_add_func ("/crepitus/triage/tips/triggers-name-catalog-keys",
                   test_tip_triggers_name_catalog_keys);

  return g_test_run ();
}
