/* test-report-handout.c — the patient handout by level (CLINICAL.md §5), read back with poppler
 *
 * For each level: what page 1 holds and in which order, what never appears, the safety net
 * whole on page 1 whatever else was recorded, and the size of the text.
 */
#include "config.h"

#include "crepitus-test-levels.h"
#include "crepitus-test-pdf.h"
#include "crepitus-triage.h"

typedef struct
{
  char *dir;   /* a fresh folder for the test's files */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("crepitus-handout-XXXXXX", &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (poppler_messages, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  assert_poppler_quiet ();
  crepitus_test_remove_tree (f->dir);
  g_free (f->dir);
}

static const CrepitusReportOptions patient_a4 = { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4 };

static PopplerDocument *
write_handout (Fixture                     *f,
               CrepitusAssessment          *assessment,
               const CrepitusReportOptions *options)
{
  g_autofree char *path = write_report_in (f->dir, assessment, options, "handout.pdf", NULL);

  return open_pdf (path);
}


/* Words that never reach the patient: the clinician's level names and reason labels. */
static void
assert_no_clinician_words (const char *text)
{
  for (CrepitusLevel level = CREPITUS_LEVEL_URGENT; level <= CREPITUS_LEVEL_BENIGN; level++)
    assert_lacks (text, crepitus_triage_level_title (level));
  assert_lacks (text, "Symptom:");
  assert_lacks (text, "Red flag:");
  assert_lacks (text, "Pops:");
  assert_lacks (text, "NICE");
  assert_lacks (text, "Pops on rising from a chair");   /* the clinician's notes */
  assert_lacks (text, "Oswestry");
}

/* Reassurance (FAQ 1, "usually harmless"), only at benign and monitor after a full screen. */
static void
assert_no_reassurance (const char *text)
{
  assert_lacks (text, crepitus_catalog_guidance_text ("what-the-pop-is"));
  assert_lacks (text, crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, "what-the-pop-is"));
  assert_lacks (text, "harmless");
  assert_lacks (text, "no treatment");
}

/* Self-care and exercise (FAQ 4, FAQ 5): never at emergency or urgent. */
static void
assert_no_self_care (const char *text)
{
  assert_lacks (text, crepitus_catalog_guidance_text ("self-care"));
  assert_lacks (text, crepitus_catalog_guidance_text ("muscle-balance"));
  assert_lacks (text, crepitus_triage_recommendation_text ("self-care", CREPITUS_LEVEL_REFER));
  assert_lacks (text, "exercise");
  assert_lacks (text, "stretch");
}

static void
assert_no_factors (const char *text)
{
  const CrepitusFactor *muscles = crepitus_catalog_factor ("muscle-imbalances");

  assert_lacks (text, "What may play a part");
  assert_lacks (text, crepitus_catalog_gettext (muscles->patient));
  assert_lacks (text, crepitus_catalog_gettext (muscles->patient_label));
}

/* What comes after the safety net below urgent, in this order (CLINICAL.md §5). */
static void
assert_below_urgent_sections (const char *text)
{
  const CrepitusFactor *muscles = crepitus_catalog_factor ("muscle-imbalances");
  g_autofree char *lead = g_strdup_printf ("%s (possible):",
                                           crepitus_catalog_gettext (muscles->patient_label));
  g_autofree char *heading = crepitus_catalog_safety_net_heading (NULL);
  const char * const sections[] = {
    heading,
    crepitus_catalog_same_day_heading (),
    crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, "when-to-seek-care"),
    crepitus_catalog_guidance_text ("when-to-seek-care"),
    crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, "self-care"),
    crepitus_catalog_guidance_text ("self-care"),
    crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, "muscle-balance"),
    crepitus_catalog_guidance_text ("muscle-balance"),
    crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, "diagnosis"),
    crepitus_catalog_guidance_text ("diagnosis"),
    "What may play a part",
    lead,
    crepitus_catalog_gettext (muscles->patient),
    crepitus_catalog_gettext (crepitus_catalog_finding (muscles, "weak-core")->patient),
    NULL
  };

  assert_in_order (text, sections);
}

/* The level box: what to do now is the largest text on page 1, and nothing else is as large. */
static void
assert_level_box_largest (PopplerDocument *document,
                          const char      *action)
{
  double largest = page_largest_size (document, 0);
  g_autofree char *largest_text = page_text_by_size (document, 0, largest - 0.01, TRUE);
  g_autofree char *expected = normalize (action);

  g_assert_cmpfloat (largest, >=, 20);
  g_assert_cmpstr (largest_text, ==, expected);
}

static void
test_emergency (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = assessment_at (CREPITUS_LEVEL_EMERGENCY,
                                                            SCREEN_INCOMPLETE);
  g_autoptr(Document) document = write_handout (f, assessment, &patient_a4);
  g_autofree char *page = page_text (document, 0);
  g_autofree char *text = document_text (document);
  g_autofree char *action = crepitus_catalog_emergency_action (NULL);
  g_autofree char *box = g_strdup_printf ("%s %s", crepitus_catalog_level_patient_name ("emergency"),
                                          action);
  const char *last_sign = crepitus_catalog_red_flag_patient_text ("progressive-weakness");
  const char * const order[] = {
    "Lucía García",
    "Your result",
    crepitus_triage_level_advice (CREPITUS_LEVEL_EMERGENCY),
    "Why we came to this result",
    crepitus_catalog_reason_patient_text ("red-flag:saddle-anaesthesia"),
    NULL
  };

  /* The level box first, then the result and the reasons, then the safety net. */
  if (!g_str_has_prefix (page, box))
    g_error ("page 1 should start with “%s”: %s", box, page);
  assert_in_order (page, order);
  assert_safety_net (strstr (page, order[4]), NULL, FALSE);
  assert_level_box_largest (document, action);
  g_assert_true (g_str_equal (action, "Go to an emergency department now, or call emergency "
                                      "services."));

  /* Nothing else on page 1: the safety net ends it. What the hospital will do (CLINICAL.md
   * §4's emergency wording of consider-imaging) is overleaf, and only that. */
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  g_assert_cmpstr (strstr (page, last_sign) + strlen (last_sign), ==,
                   " Lucía García · Patient handout Page 1 of 2");
  {
    g_autofree char *overleaf = page_text (document, 1);
    const char *imaging = crepitus_triage_recommendation_text ("consider-imaging",
                                                               CREPITUS_LEVEL_EMERGENCY);
    g_autofree char *expected = g_strdup_printf ("What happens next • %s Lucía García · "
                                                 "Patient handout Page 2 of 2", imaging);

    g_assert_cmpstr (imaging, ==, "An emergency MRI scan is usually needed.");
    g_assert_nonnull (g_strrstr (overleaf, expected));
    assert_lacks (page, imaging);
  }

  assert_no_reassurance (text);
  assert_no_self_care (text);
  assert_no_factors (text);
  assert_no_clinician_words (text);
  assert_lacks (text, "base of the spine");
}

static void
test_urgent (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = assessment_at (CREPITUS_LEVEL_URGENT,
                                                            SCREEN_COMPLETE);
  g_autoptr(Document) document = write_handout (f, assessment, &patient_a4);
  g_autofree char *page = page_text (document, 0);
  g_autofree char *text = document_text (document);
  const char *action = crepitus_triage_recommendation_text ("urgent-medical-review",
                                                            CREPITUS_LEVEL_URGENT);
  g_autofree char *box = g_strdup_printf ("%s %s", crepitus_catalog_level_patient_name ("urgent"),
                                          action);
  const char * const order[] = {
    "Lucía García",
    "Your result",
    crepitus_triage_level_advice (CREPITUS_LEVEL_URGENT),
    "Why we came to this result",
    crepitus_catalog_reason_patient_text ("red-flag:fever"),
    NULL
  };

  if (!g_str_has_prefix (page, box))
    g_error ("page 1 should start with “%s”: %s", box, page);
  assert_in_order (page, order);
  assert_safety_net (strstr (page, order[4]), NULL, FALSE);
  assert_level_box_largest (document, action);

  /* After the safety net, what the doctor may do, in the words of CLINICAL.md §4. */
  assert_contains (strstr (text, crepitus_catalog_red_flag_patient_text ("progressive-weakness")),
                   crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_URGENT));

  /* A complete screen does not bring reassurance at urgent. */
  assert_no_reassurance (text);
  assert_no_self_care (text);
  assert_no_factors (text);
  assert_no_clinician_words (text);
}

static void
test_refer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = assessment_at (CREPITUS_LEVEL_REFER,
                                                            SCREEN_COMPLETE);
  g_autoptr(Document) document = write_handout (f, assessment, &patient_a4);
  g_autofree char *page = page_text (document, 0);
  g_autofree char *text = document_text (document);
  const char * const order[] = {
    "Lucía García",
    "Your result",
    "See a doctor or physiotherapist",
    crepitus_triage_level_advice (CREPITUS_LEVEL_REFER),
    "Why we came to this result",
    crepitus_catalog_reason_patient_text ("symptom:pain"),
    crepitus_catalog_reason_patient_text ("symptom:tingling"),
    "What happens next",
    crepitus_triage_recommendation_text ("medical-evaluation", CREPITUS_LEVEL_REFER),
    crepitus_triage_recommendation_text ("neurological-assessment", CREPITUS_LEVEL_REFER),
    NULL
  };

  assert_in_order (page, order);
  assert_safety_net (strstr (page, order[9]), NULL, TRUE);
  assert_below_urgent_sections (text);

  /* No level box, and no reassurance even after a complete screen. */
  g_assert_true (g_str_has_prefix (page, "Lucía García"));
  assert_no_reassurance (text);
  assert_no_clinician_words (text);
}

static void
test_monitor (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = assessment_at (CREPITUS_LEVEL_MONITOR,
                                                            SCREEN_COMPLETE);
  g_autoptr(Document) document = write_handout (f, assessment, &patient_a4);
  g_autofree char *page = page_text (document, 0);
  g_autofree char *text = document_text (document);
  const char * const order[] = {
    "Your result",
    "Keep an eye on the pops — Come back in 4 weeks",
    crepitus_triage_level_advice (CREPITUS_LEVEL_MONITOR),
    "Why we came to this result",
    crepitus_catalog_reason_patient_text ("frequency:frequent"),
    crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, "what-the-pop-is"),
    crepitus_catalog_guidance_text ("what-the-pop-is"),
    NULL
  };

  assert_in_order (page, order);
  assert_safety_net (strstr (page, order[6]), NULL, TRUE);
  assert_below_urgent_sections (text);
  assert_contains (text, crepitus_triage_recommendation_text ("follow-up", CREPITUS_LEVEL_MONITOR));
  assert_no_clinician_words (text);
}

static void
test_benign (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = assessment_at (CREPITUS_LEVEL_BENIGN,
                                                            SCREEN_COMPLETE);
  g_autoptr(Document) document = write_handout (f, assessment, &patient_a4);
  g_autofree char *page = page_text (document, 0);
  g_autofree char *text = document_text (document);
  const char * const order[] = {
    "Lucía García",
    "Your result",
    "Look after your back at home",
    crepitus_triage_level_advice (CREPITUS_LEVEL_BENIGN),
    crepitus_catalog_guidance_text ("what-the-pop-is"),
    NULL
  };

  assert_in_order (page, order);
  assert_safety_net (strstr (page, order[4]), NULL, TRUE);
  assert_below_urgent_sections (text);
  assert_lacks (text, "Why we came to this result");
  assert_contains (text, "usually harmless");
  assert_no_clinician_words (text);
}

/* Without a complete red-flag screen, benign and monitor give no reassurance: the result,
 * then straight the safety net. */
static void
test_incomplete_screen (Fixture       *f,
                        gconstpointer  data)
{
  const CrepitusLevel levels[] = { CREPITUS_LEVEL_BENIGN, CREPITUS_LEVEL_MONITOR };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr(CrepitusAssessment) assessment = assessment_at (levels[i], SCREEN_INCOMPLETE);
      g_autoptr(Document) document = write_handout (f, assessment, &patient_a4);
      g_autofree char *page = page_text (document, 0);
      g_autofree char *text = document_text (document);
      const char *result = crepitus_triage_level_advice (levels[i]);

      assert_contains (page, result);
      assert_safety_net (strstr (page, result), NULL, TRUE);
      assert_below_urgent_sections (text);
      assert_no_reassurance (text);
    }
}

/* The clinic's emergency number, in the level box and in the safety net's heading. */
static void
test_emergency_number (Fixture       *f,
                       gconstpointer  data)
{
  CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4 };
  const CrepitusLevel levels[] = { CREPITUS_LEVEL_EMERGENCY, CREPITUS_LEVEL_BENIGN };

  options.emergency_number = " 112 ";
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr(CrepitusAssessment) assessment = assessment_at (levels[i], SCREEN_COMPLETE);
      g_autoptr(Document) document = write_handout (f, assessment, &options);
      g_autofree char *page = page_text (document, 0);

      if (levels[i] == CREPITUS_LEVEL_EMERGENCY)
        g_assert_true (g_str_has_prefix (page, "Emergency Go to an emergency department now, or "
                                               "call 112."));
      assert_safety_net (page, "112", levels[i] != CREPITUS_LEVEL_EMERGENCY);
      assert_contains (page, "Call 112 or go to an emergency department now if:");
      assert_lacks (page, "emergency services");
    }
}

/* @n_words words of a clinician's note (each a word the handout never uses). */
static char *
long_note (guint n_words)
{
  GString *note = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (note, "%sclinote%04u", i > 0 ? (i % 40 == 0 ? "\n" : " ") : "", i);
  return g_string_free (note, FALSE);
}

/* Everything that can be recorded, and as long as it can be: every factor likely with every
 * finding and a note of 1,800 words, the notes and posture notes as long, all posture
 * recorded. */
static void
record_everything (CrepitusAssessment *assessment)
{
  g_autofree char *note = long_note (1800);
  const CrepitusFactor *factors;
  guint n;

  factors = crepitus_catalog_factors (&n);
  for (guint i = 0; i < n; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, factors[i].key);

      crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_LIKELY);
      for (guint j = 0; j < factors[i].n_findings; j++)
        crepitus_factor_record_set_finding (record, factors[i].findings[j].key, TRUE);
      crepitus_factor_record_set_notes (record, note);
    }
  crepitus_assessment_set_notes (assessment, note);
  crepitus_assessment_set_posture_notes (assessment, note);
  crepitus_assessment_set_scoliosis (assessment, CREPITUS_SCOLIOSIS_LEFT_CONVEX);
  crepitus_assessment_set_lordosis (assessment, CREPITUS_LORDOSIS_UNEVEN);
  crepitus_assessment_set_kyphosis (assessment, CREPITUS_KYPHOSIS_INCREASED);
  crepitus_assessment_set_forward_head (assessment, CREPITUS_TRISTATE_YES);
}

/* The safety net is never split and never leaves page 1: not with an 1,800-word note, every
 * reason a level can have, a header as long as it can be, on the smaller paper. */
static void
test_safety_net_first_page (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *clinic = g_strnfill (200, 'K');
  const char *number = "999 or 112 from any phone, free of charge, day or night";
  const CrepitusLevel levels[] = {
    CREPITUS_LEVEL_EMERGENCY, CREPITUS_LEVEL_URGENT, CREPITUS_LEVEL_REFER,
    CREPITUS_LEVEL_MONITOR, CREPITUS_LEVEL_BENIGN,
  };
  const CrepitusReportOptions options[] = {
    { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4 },
    { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_LETTER, NULL, clinic, clinic, clinic,
      number },
  };

  for (guint o = 0; o < G_N_ELEMENTS (options); o++)
    for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
      {
        g_autoptr(CrepitusAssessment) assessment = assessment_at (levels[l], SCREEN_COMPLETE);
        g_autoptr(Document) document = NULL;
        g_autofree char *page = NULL;
        g_autofree char *text = NULL;
        g_autofree char *shown_number = NULL;
        g_autofree char *start = g_utf8_substring (number, 0, 39);
        CrepitusPatient *patient = crepitus_assessment_get_patient (assessment);
        guint n;
        const CrepitusCatalogEntry *entries;

        record_everything (assessment);
        /* Every reason of the level: all the symptoms, with a grinding sound, for six months;
         * at emergency and urgent all their red flags (and cancer with neurological signs). */
        entries = crepitus_catalog_entries (CREPITUS_LIST_SYMPTOM, &n);
        for (guint i = 0; i < n && levels[l] <= CREPITUS_LEVEL_REFER; i++)
          crepitus_assessment_set_member (assessment, CREPITUS_LIST_SYMPTOM, entries[i].key, TRUE);
        if (levels[l] == CREPITUS_LEVEL_REFER)
          {
            crepitus_assessment_set_sound (assessment, CREPITUS_SOUND_GRINDING);
            crepitus_assessment_set_duration_weeks (assessment, 26);
          }
        entries = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);
        for (guint i = 0; i < n; i++)
          if ((levels[l] == CREPITUS_LEVEL_EMERGENCY) ||
              (levels[l] == CREPITUS_LEVEL_URGENT &&
               crepitus_catalog_red_flag_tier (entries[i].key) == CREPITUS_RED_FLAG_URGENT &&
               !g_str_equal (entries[i].key, "cancer-history")))
            crepitus_assessment_set_red_flag (assessment, entries[i].key, CREPITUS_RED_FLAG_PRESENT);
        if (options[o].clinic_name != NULL)
          {
            crepitus_patient_set_given_name (patient, clinic);
            crepitus_patient_set_family_name (patient, clinic);
            crepitus_patient_set_mrn (patient, clinic);
          }
        {
          g_autoptr(CrepitusTriage) triage = crepitus_triage_compute (assessment);

          g_assert_cmpint (triage->level, ==, levels[l]);
        }

        document = write_handout (f, assessment, &options[o]);
        page = page_text (document, 0);
        text = document_text (document);
        /* A number typed too long is cut short (it stands in the largest text). */
        shown_number = options[o].emergency_number != NULL ?
                       g_strconcat (start, "…", NULL) : NULL;
        assert_safety_net (page, shown_number, levels[l] > CREPITUS_LEVEL_URGENT);
        for (int p = 1; p < poppler_document_get_n_pages (document); p++)
          {
            g_autofree char *later = page_text (document, p);

            assert_lacks (later, "go to an emergency department now if:");
          }
        /* The clinician's notes stay out of the handout; every reason is in it, after the
         * safety net when it had to make room. */
        assert_lacks (text, "clinote");
        {
          g_autoptr(CrepitusTriage) triage = crepitus_triage_compute (assessment);

          for (guint i = 0; triage->reasons[i] != NULL; i++)
            assert_contains (text, crepitus_catalog_reason_patient_text (triage->reasons[i]));
        }
      }
}

/* Body text is 12 pt or larger: only the page header's details and the footer are smaller. */
static void
test_text_size (Fixture       *f,
                gconstpointer  data)
{
  for (CrepitusLevel level = CREPITUS_LEVEL_EMERGENCY; level <= CREPITUS_LEVEL_BENIGN; level++)
    {
      g_autoptr(CrepitusAssessment) assessment = assessment_at (level, SCREEN_COMPLETE);
      g_autoptr(Document) document = NULL;

      record_everything (assessment);
      document = write_handout (f, assessment, &patient_a4);
      for (int p = 0; p < poppler_document_get_n_pages (document); p++)
        {
          g_autofree char *small = page_text_by_size (document, p, 11.99, FALSE);
          g_autofree char *footer = g_strdup_printf ("Lucía García · Patient handout Page %d of %d",
                                                     p + 1, poppler_document_get_n_pages (document));
          g_autoptr(GString) rest = g_string_new (small);

          g_string_replace (rest, "MRN A-1001 · Born 1984-03-12 · Assessed 2026-11-20 · "
                                  "Clinician A. Clinician", "", 0);
          g_string_replace (rest, footer, "", 0);
          g_strstrip (rest->str);
          if (*rest->str != '\0')
            g_error ("text smaller than 12 pt on page %d of the handout at %s: “%s”", p + 1,
                     crepitus_triage_level_key (level), rest->str);
        }
    }
}

/* One handout of each level rendered, for a person to look at: CREPITUS_HANDOUT_PNG_DIR. */
static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  const char *out = g_getenv ("CREPITUS_HANDOUT_PNG_DIR");

  if (out == NULL)
    {
      g_test_skip ("set CREPITUS_HANDOUT_PNG_DIR to keep a PDF of each level there");
      return;
    }
  for (CrepitusLevel level = CREPITUS_LEVEL_EMERGENCY; level <= CREPITUS_LEVEL_BENIGN; level++)
    {
      g_autoptr(CrepitusAssessment) assessment = assessment_at (level, SCREEN_COMPLETE);
      g_autofree char *name = g_strdup_printf ("%s.pdf", crepitus_triage_level_key (level));
      g_autofree char *path = write_report_in (out, assessment, &patient_a4, name, NULL);

      g_test_message ("%s", path);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  crepitus_test_pdf_init ();

#define ADD(path, func) \
  g_test_add ("/crepitus/report/handout/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("emergency", test_emergency);
  ADD ("urgent", test_urgent);
  ADD ("refer", test_refer);
  ADD ("monitor", test_monitor);
  ADD ("benign", test_benign);
  ADD ("incomplete-screen", test_incomplete_screen);
  ADD ("emergency-number", test_emergency_number);
  ADD ("safety-net-first-page", test_safety_net_first_page);
  ADD ("text-size", test_text_size);
  ADD ("render", test_render);

#undef ADD

  return g_test_run ();
}
