/* test-report-letter.c — the clinician summary as a referral letter (CLINICAL.md §5), read back
 * with poppler: the level and the referral first, the red-flag screen as a table, and the
 * record's status in the footer, for records built through the model and the store.
 */
#include "config.h"

#include "crepitus-store.h"
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

  f->dir = g_dir_make_tmp ("crepitus-letter-XXXXXX", &error);
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

static const CrepitusReportOptions letter_options = {
  CREPITUS_REPORT_CLINICIAN, CREPITUS_REPORT_PAPER_A4, "en",
  "Northside Spine Clinic", "1 High Street\nLeeds LS1 1AA", "0113 000 0000",
};

static PopplerDocument *
write_letter (Fixture            *f,
              CrepitusAssessment *assessment)
{
  g_autofree char *path = write_report_in (f->dir, assessment, &letter_options, "letter.pdf",
                                           NULL);

  return open_pdf (path);
}

/* Every red flag not yet asked about is asked and found absent. */
static void
complete_screen (CrepitusAssessment *assessment)
{
  guint n;
  const CrepitusCatalogEntry *flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);

  for (guint i = 0; i < n; i++)
    if (crepitus_assessment_get_red_flag (assessment, flags[i].key) == CREPITUS_RED_FLAG_NOT_ASKED)
      crepitus_assessment_set_red_flag (assessment, flags[i].key, CREPITUS_RED_FLAG_ABSENT);
}

/* The banner and the referral of each level: to whom and how soon, or the review. */
static void
test_referral (Fixture       *f,
               gconstpointer  data)
{
  const struct
  {
    CrepitusLevel  level;
    const char    *referral;
    const char    *reason;
  } cases[] = {
    { CREPITUS_LEVEL_EMERGENCY, "Referral: Emergency department — now",
      "Red flag: Saddle anaesthesia." },
    { CREPITUS_LEVEL_URGENT, "Referral: A doctor — the same or next day", "Red flag: Fever." },
    { CREPITUS_LEVEL_REFER, "Referral: GP or musculoskeletal service — routine",
      "Symptom: Pain." },
    { CREPITUS_LEVEL_MONITOR, "Referral: None — review in 4 weeks", "Pops: Frequent." },
    { CREPITUS_LEVEL_BENIGN, "Referral: None — no review booked",
      "None: no referral rule applies." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrepitusAssessment) assessment = load_example ();
      g_autoptr(CrepitusTriage) triage = NULL;
      g_autoptr(Document) document = NULL;
      g_autofree char *page = NULL;
      g_autofree char *text = NULL;

      switch (cases[i].level)
        {
        case CREPITUS_LEVEL_EMERGENCY:
          crepitus_assessment_set_red_flag (assessment, "saddle-anaesthesia",
                                            CREPITUS_RED_FLAG_PRESENT);
          break;
        case CREPITUS_LEVEL_URGENT:
          crepitus_assessment_set_red_flag (assessment, "fever", CREPITUS_RED_FLAG_PRESENT);
          break;
        case CREPITUS_LEVEL_REFER:
          crepitus_assessment_set_pain_score (assessment, 4);
          break;
        case CREPITUS_LEVEL_MONITOR:
          crepitus_assessment_set_frequency (assessment, CREPITUS_FREQUENCY_FREQUENT);
          crepitus_assessment_set_review_weeks (assessment, 4);
          break;
        case CREPITUS_LEVEL_BENIGN:
        default:
          break;
        }
      triage = crepitus_triage_compute (assessment);
      g_assert_cmpint (triage->level, ==, cases[i].level);

      document = write_letter (f, assessment);
      page = page_text (document, 0);
      text = document_text (document);
      {
        const char * const order[] = {
          "Clinician summary",
          crepitus_triage_level_title (cases[i].level),
          cases[i].referral,
          "Reason for referral",
          cases[i].reason,
          "Red-flag screen",
          NULL
        };

        assert_in_order (page, order);
      }

      /* Recommendations are written to the clinician. */
      for (guint r = 0; triage->recommendations[r] != NULL; r++)
        assert_contains (text, crepitus_catalog_recommendation_clinician_text (triage->recommendations[r],
                                                                              crepitus_triage_level_key (cases[i].level)));
      assert_lacks (text, "leaflet");
      assert_lacks (text, "Follow the");
    }
}

/* The screen as a table of all thirteen flags, present, absent and not asked, with the age. */
static void
test_screen_table (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(CrepitusAssessment) negative = load_example ();
  g_autoptr(Document) document = NULL;
  g_autoptr(Document) negative_document = NULL;
  g_autofree char *page = NULL;
  g_autofree char *negative_page = NULL;
  guint n;
  const CrepitusCatalogEntry *flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);

  crepitus_assessment_set_red_flag (assessment, "saddle-anaesthesia", CREPITUS_RED_FLAG_PRESENT);
  crepitus_assessment_set_red_flag (assessment, "fever", CREPITUS_RED_FLAG_ABSENT);
  crepitus_assessment_set_red_flag (assessment, "night-pain", CREPITUS_RED_FLAG_ABSENT);
  document = write_letter (f, assessment);
  page = page_text (document, 0);

  /* All on page 1, after the reason for referral, in catalog order. */
  {
    const char * const order[] = {
      "Reason for referral",
      "Red-flag screen",
      "Red-flag screen incomplete: 10 not asked",
      "Patient aged 42 on the assessment date",
      crepitus_catalog_label (CREPITUS_LIST_RED_FLAG, flags[0].key),
      crepitus_catalog_label (CREPITUS_LIST_RED_FLAG, flags[n - 1].key),
      NULL
    };

    assert_in_order (page, order);
  }
  for (guint i = 0; i < n; i++)
    {
      const char *label = crepitus_catalog_label (CREPITUS_LIST_RED_FLAG, flags[i].key);
      const char *state = "Not asked";

      if (g_str_equal (flags[i].key, "saddle-anaesthesia"))
        state = "Present";
      else if (g_str_equal (flags[i].key, "fever") || g_str_equal (flags[i].key, "night-pain"))
        state = "Absent";
      assert_row (page, label, state);
    }

  /* A negative screen is told from one never done. */
  complete_screen (negative);
  negative_document = write_letter (f, negative);
  negative_page = page_text (negative_document, 0);
  assert_contains (negative_page, "Red-flag screen complete: negative");
  assert_lacks (negative_page, "incomplete");
  assert_lacks (negative_page, "Not asked");
  for (guint i = 0; i < n; i++)
    assert_row (negative_page, crepitus_catalog_label (CREPITUS_LIST_RED_FLAG, flags[i].key),
                "Absent");
}

/* The letter in the order of CLINICAL.md §5, ending with its footer block. */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(Document) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, "muscle-imbalances");
  const char * const order[] = {
    "Clinician summary",
    "Emergency", "Referral: Emergency department — now",
    "Reason for referral", "Red flag: Saddle anaesthesia.",
    crepitus_catalog_reason_source ("red-flag:saddle-anaesthesia"),
    "Red-flag screen",
    "Recommendations", "Emergency care now.",
    crepitus_catalog_recommendation_clinician_text ("emergency-care-now", "emergency"),
    "Consider imaging.", "Emergency MRI is usually needed.",
    "Patient", "A-1001", "1984-03-12 (aged 42)",
    "Presentation", "Left leg", "Trunk rotation; Leg extension", "0 out of 10",
    "Eight-factor checklist",
    "Joint cavitation (article §1): Likely", "Gas release pop",
    "Muscle imbalances (article §2): Possible", "Weak core", "Notes: Guarding on the left.",
    "Posture and alignment", "Anterior",
    "Measures as recorded", "Oswestry Disability Index", "Personal care: 1",
    "Assessment notes", "Pops on rising from a chair.",
    "Clinician tips", crepitus_catalog_tip_text ("monitor-associated-symptoms"),
    crepitus_catalog_tip_text ("assess-muscular-balance"),
    "Clinic", "Northside Spine Clinic", "Address", "1 High Street", "Leeds LS1 1AA",
    "Phone", "0113 000 0000", "Clinician", "A. Clinician", "Record", "Not signed",
    NULL
  };

  crepitus_assessment_set_red_flag (assessment, "saddle-anaesthesia", CREPITUS_RED_FLAG_PRESENT);
  crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_POSSIBLE);
  crepitus_factor_record_set_finding (record, "weak-core", TRUE);
  crepitus_factor_record_set_notes (record, "Guarding on the left.");

  document = write_letter (f, assessment);
  text = document_text (document);
  assert_in_order (text, order);

  /* Each page says whether the record is signed. */
  for (int p = 0; p < poppler_document_get_n_pages (document); p++)
    {
      g_autofree char *page = page_text (document, p);

      assert_contains (page, "Lucía García · Clinician summary · Not signed");
    }
  last = page_text (document, poppler_document_get_n_pages (document) - 1);
  assert_row (last, "Record", "Not signed");
}

/* At benign with a screen not done, the letter says the handout held back its reassurance. */
static void
test_reassurance_withheld (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(Document) document = write_letter (f, assessment);
  g_autofree char *text = document_text (document);
  g_autoptr(Document) complete = NULL;
  g_autofree char *complete_text = NULL;

  assert_contains (text, "The handout gives no reassurance until the red-flag screen is complete.");
  complete_screen (assessment);
  complete = write_letter (f, assessment);
  complete_text = document_text (complete);
  assert_lacks (complete_text, "The handout gives no reassurance");
}

/* The footer of records signed, amended, superseded and entered in error, as the store leaves
 * them. */
static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (f->dir, "crepitus.db", NULL);
  g_autoptr(CrepitusStore) store = crepitus_store_open (db, &error);
  g_autoptr(CrepitusAssessment) example = load_example ();
  g_autoptr(CrepitusAssessment) original = NULL;
  g_autoptr(CrepitusAssessment) amendment = NULL;
  g_autoptr(CrepitusAssessment) signed_amendment = NULL;
  gint64 id, amended_id;

  g_assert_no_error (error);
  crepitus_store_set_clinician (store, "Dr Desk");
  complete_screen (example);
  id = crepitus_store_import (store, example, &error);
  g_assert_no_error (error);
  g_assert_true (crepitus_store_sign (store, id, "Dr Desk", &error));
  g_assert_no_error (error);
  amended_id = crepitus_store_amend (store, id, "Dr Desk", &error);
  g_assert_no_error (error);
  g_assert_cmpint (amended_id, >, id);

  /* The original: signed, then superseded by its amendment. */
  original = crepitus_store_load_assessment (store, id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(Document) document = write_letter (f, original);
    g_autofree char *text = document_text (document);
    g_autofree char *date = g_strndup (crepitus_assessment_get_signed_at (original), 10);
    g_autofree char *signed_line = g_strdup_printf ("Signed by Dr Desk on %s", date);
    g_autofree char *superseded = g_strdup_printf ("Superseded by assessment %" G_GINT64_FORMAT,
                                                   amended_id);

    g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", date, 0, 0));
    assert_row (text, "Record", signed_line);
    assert_contains (text, superseded);
    assert_lacks (text, "Not signed");
  }

  /* The amendment: not signed yet, and says what it amends. */
  amendment = crepitus_store_load_assessment (store, amended_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(Document) document = write_letter (f, amendment);
    g_autofree char *text = document_text (document);
    g_autofree char *amends = g_strdup_printf ("Amends assessment %" G_GINT64_FORMAT, id);
    const char * const order[] = { "Record", "Not signed", amends, NULL };

    assert_in_order (text, order);
    assert_lacks (text, "Signed by");
    assert_lacks (text, "Superseded");
  }

  /* Signed in its turn. */
  g_assert_true (crepitus_store_sign (store, amended_id, "Dr Desk", &error));
  g_assert_no_error (error);
  signed_amendment = crepitus_store_load_assessment (store, amended_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(Document) document = write_letter (f, signed_amendment);
    g_autofree char *page = page_text (document, 0);
    g_autofree char *text = document_text (document);
    g_autofree char *amends = g_strdup_printf ("Amends assessment %" G_GINT64_FORMAT, id);
    const char * const order[] = { "Record", "Signed by Dr Desk on ", amends, NULL };

    assert_in_order (text, order);
    assert_contains (page, "Clinician summary · Signed by Dr Desk on ");
    assert_lacks (text, "Not signed");
  }

  /* Marked as entered in error: kept, and the letter says so. */
  g_assert_true (crepitus_store_mark_entered_in_error (store, amended_id, "Dr Desk", &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrepitusAssessment) marked = crepitus_store_load_assessment (store, amended_id,
                                                                          &error);
    g_autoptr(Document) document = NULL;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    document = write_letter (f, marked);
    text = document_text (document);
    assert_contains (text, "Entered in error");
  }
}

/* The scores in the letter's measures section, the ODI with its band (the one report that
 * names it), before the answers as recorded; a score never changes the level. */
static void
test_scores (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();
  g_autoptr(CrepitusTriage) before = crepitus_triage_compute (assessment);
  g_autoptr(CrepitusTriage) after = NULL;
  g_autoptr(Document) document = NULL;
  g_autofree char *text = NULL;
  static const int odi[] = { 1, 2, 1, 1, 0, 1, 1, 0, 3, 2 };
  static const int items[] = { 1, 0, 0, 0, 1, 1, 1, 0 };
  const char * const order[] = {
    "Posture and alignment",
    "Scores",
    "Oswestry Disability Index", "24% — Moderate disability",
    "STarT Back screening", "5 of 9, psychosocial subscale 4 of 5 — High risk",
    "Beighton score", "5 of 9 — generalised hypermobility",
    "threshold 5 at age 42",
    "Measures as recorded",
    "Assessment notes",
    NULL
  };

  measures->has_odi = TRUE;
  memcpy (measures->odi, odi, sizeof odi);
  measures->has_start_back = TRUE;
  memcpy (measures->start_back_items, items, sizeof items);
  measures->bothersomeness = crepitus_catalog_index (CREPITUS_LIST_BOTHERSOMENESS, "extremely");
  measures->has_beighton = TRUE;
  for (guint i = 0; i < 5; i++)
    measures->beighton[i] = TRUE;
  crepitus_assessment_set_measures (assessment, measures);
  after = crepitus_triage_compute (assessment);
  g_assert_cmpint (after->level, ==, before->level);

  document = write_letter (f, assessment);
  text = document_text (document);
  assert_in_order (text, order);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  crepitus_test_pdf_init ();

#define ADD(path, func) \
  g_test_add ("/crepitus/report/letter/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("referral", test_referral);
  ADD ("screen-table", test_screen_table);
  ADD ("order", test_order);
  ADD ("reassurance-withheld", test_reassurance_withheld);
  ADD ("status", test_status);
  ADD ("scores", test_scores);

#undef ADD

  return g_test_run ();
}
