/* crepitus-report-summary.c — the clinician summary (see crepitus-report.c) */
#define G_LOG_DOMAIN "crepitus-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-report-private.h"
#include "crepitus-pdf-chart.h"
#include "crepitus-scores.h"

/* The clinician summary */

static void
field_take (CrepitusPdfLayout *layout,
            const char        *label,
            char              *value)
{
  crepitus_pdf_layout_field (layout, label, value);
  g_free (value);
}

/* To whom and how soon; monitor and benign refer nowhere, with the review when one is booked
 * (a new string). */
static char *
referral_text (Report *report)
{
  const char *level = crepitus_triage_level_key (report->triage->level);
  const char *to = crepitus_catalog_referral_to (level);
  const char *when = crepitus_catalog_referral_when (level);
  int review_weeks = crepitus_assessment_get_review_weeks (report->assessment);
  g_autofree char *review = NULL;

  if (when != NULL)
    /* Translators: a referral, to whom and how soon, e.g. "Emergency department — now" */
    return g_strdup_printf (R_("%1$s — %2$s"), to, when);

  if (review_weeks > 0)
    review = g_strdup_printf (RN_ ("review in %d week",
                                   "review in %d weeks", review_weeks),
                              review_weeks);
  else
    review = g_strdup (R_("no review booked"));
  /* Translators: no referral, and the review, e.g. "None — review in 4 weeks" */
  return g_strdup_printf (R_("%1$s — %2$s"), to, review);
}

/* The level in its colour first, and the referral in it. */
static void
summary_banner (Report *report)
{
  static const CrepitusPdfBoxKind colours[] = {
    [CREPITUS_LEVEL_EMERGENCY] = CREPITUS_PDF_BOX_ALERT,
    [CREPITUS_LEVEL_URGENT] = CREPITUS_PDF_BOX_WARNING,
    [CREPITUS_LEVEL_REFER] = CREPITUS_PDF_BOX_NOTICE,
    [CREPITUS_LEVEL_MONITOR] = CREPITUS_PDF_BOX_NEUTRAL,
    [CREPITUS_LEVEL_BENIGN] = CREPITUS_PDF_BOX_CALM,
  };
  CrepitusLevel level = report->triage->level;
  g_autofree char *referral = referral_text (report);

  crepitus_pdf_layout_begin_box (report->layout, colours[level]);
  crepitus_pdf_layout_paragraph (report->layout, CREPITUS_PDF_STYLE_BANNER,
                                 crepitus_triage_level_title (level));
  crepitus_pdf_layout_lead_paragraph (report->layout, R_("Referral:"), referral);
  crepitus_pdf_layout_end_box (report->layout);
}

/* The reasons in clinical words, a line each, or with @run_in one after the other in one
 * paragraph; their sources are cited once each (summary_sources()), so that many reasons
 * leave room for the red-flag screen on page 1. */
static void
summary_reasons (Report   *report,
                 gboolean  run_in)
{
  CrepitusPdfLayout *layout = report->layout;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING, R_("Reason for referral"));
  if (report->triage->reasons[0] == NULL)
    crepitus_pdf_layout_bullet (layout, 0, NULL, R_("None: no referral rule applies."));
  for (guint i = 0; report->triage->reasons[i] != NULL; i++)
    {
      g_autofree char *reason = crepitus_triage_reason_text (report->triage->reasons[i]);

      g_ptr_array_add (reasons, g_strconcat (reason, ".", NULL));
      if (!run_in)
        crepitus_pdf_layout_bullet (layout, 0, g_ptr_array_index (reasons, i), NULL);
    }
  if (run_in && reasons->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (reasons, NULL);
      joined = g_strjoinv ("  ", (char **) reasons->pdata);
      crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BODY, joined);
    }
}

/* Where the reasons' rules come from (a guideline, or sections of the source article): each
 * source once, in the order the reasons first use it. */
static void
summary_sources (Report *report)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; report->triage->reasons[i] != NULL; i++)
    {
      const char *source = crepitus_catalog_reason_source (report->triage->reasons[i]);

      if (source != NULL && !g_ptr_array_find_with_equal_func (sources, source, g_str_equal, NULL))
        g_ptr_array_add (sources, (gpointer) source);
    }
  if (sources->len == 0)
    return;
  g_ptr_array_add (sources, NULL);
  joined = g_strjoinv (" · ", (char **) sources->pdata);
  /* Translators: before the list of where the reasons for referral come from */
  crepitus_pdf_layout_lead_paragraph (report->layout, R_("Sources:"), joined);
}

/* The recommendations, written to the clinician who receives the letter. */
static void
summary_recommendations (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  CrepitusLevel level = report->triage->level;
  const char *level_key = crepitus_triage_level_key (level);
  g_autoptr(GPtrArray) recommendations = crepitus_report_recommendations_in_order (report->triage);

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING, R_("Recommendations"));
  for (guint i = 0; i < recommendations->len; i++)
    {
      const char *key = recommendations->pdata[i];
      g_autofree char *lead = g_strconcat (crepitus_catalog_label (CREPITUS_LIST_RECOMMENDATION,
                                                                   key), ".", NULL);

      crepitus_pdf_layout_bullet (layout, 0, lead,
                                  crepitus_catalog_recommendation_clinician_text (key, level_key));
    }

  /* The handout reassures only after a complete screen (CLINICAL.md §4). */
  if ((level == CREPITUS_LEVEL_BENIGN || level == CREPITUS_LEVEL_MONITOR) &&
      report->triage->not_asked[0] != NULL)
    crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BODY,
                                   R_("The handout gives no reassurance until the red-flag screen "
                                     "is complete."));
}

/* All thirteen red flags, each present, absent or not asked, with the patient's age beside
 * them: a negative screen must be told from one never done. Age alone does not change the
 * level; it is there to be weighed. The table is kept on one page; with @compact, in smaller
 * type, so that it fits on page 1 after many reasons. */
static void
summary_screen (Report   *report,
                gboolean  compact)
{
  CrepitusPdfStyle body = compact ? CREPITUS_PDF_STYLE_COMPACT : CREPITUS_PDF_STYLE_BODY;
  CrepitusPdfStyle strong = compact ? CREPITUS_PDF_STYLE_COMPACT_STRONG :
                                      CREPITUS_PDF_STYLE_STRONG;
  CrepitusPdfLayout *layout = report->layout;
  CrepitusAssessment *assessment = report->assessment;
  const CrepitusCatalogEntry *flags;
  guint n, n_not_asked = g_strv_length (report->triage->not_asked), n_present = 0;
  int age = report->patient != NULL ?
            crepitus_patient_get_age_on (report->patient, crepitus_assessment_get_date (assessment)) :
            -1;
  g_autofree char *summary = NULL;
  g_autofree char *age_text = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *age_sentence = NULL;
  g_autofree const char **labels = NULL;
  double label_width;

  flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);
  /* One column for the flags, as wide as the longest in this language (in bold, the widest
   * a row can be), so that every answer starts at the same place. */
  labels = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    labels[i] = crepitus_catalog_gettext (flags[i].label);
  label_width = crepitus_pdf_layout_label_width (layout, strong, labels, 300);
  for (guint i = 0; i < n; i++)
    if (crepitus_assessment_get_red_flag (assessment, flags[i].key) == CREPITUS_RED_FLAG_PRESENT)
      n_present++;

  if (n_not_asked > 0)
    /* Translators: %u is the number of red flags not asked about */
    summary = g_strdup_printf (RN_ ("Red-flag screen incomplete: %u not asked",
                                    "Red-flag screen incomplete: %u not asked",
                                    n_not_asked),
                               n_not_asked);
  else if (n_present == 0)
    summary = g_strdup (R_("Red-flag screen complete: negative"));
  else
    /* Translators: %u is the number of red flags present */
    summary = g_strdup_printf (RN_ ("Red-flag screen complete: %u present",
                                    "Red-flag screen complete: %u present", n_present),
                               n_present);

  if (age >= 0)
    /* Translators: %d is the patient's age in years */
    age_text = g_strdup_printf (RN_ ("Patient aged %d on the assessment date",
                                     "Patient aged %d on the assessment date", age),
                                age);
  else
    age_text = g_strdup (R_("Patient’s age not recorded"));

  crepitus_pdf_layout_begin_box (layout, CREPITUS_PDF_BOX_GROUP);
  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, R_("Red-flag screen"));
  /* The screen's outcome, then the age beside it: on one line when they fit. */
  outcome = g_strconcat (summary, ".", NULL);
  age_sentence = g_strconcat (age_text, ".", NULL);
  crepitus_pdf_layout_lead_paragraph (layout, outcome, age_sentence);
  for (guint i = 0; i < n; i++)
    {
      CrepitusRedFlagState state = crepitus_assessment_get_red_flag (assessment, flags[i].key);
      const char *label = crepitus_catalog_gettext (flags[i].label);

      switch (state)
        {
        case CREPITUS_RED_FLAG_PRESENT:
          crepitus_pdf_layout_table_row (layout, label_width, strong, label,
                                         strong, R_("Present"));
          break;
        case CREPITUS_RED_FLAG_ABSENT:
          crepitus_pdf_layout_table_row (layout, label_width, body, label,
                                         body, R_("Absent"));
          break;
        case CREPITUS_RED_FLAG_NOT_ASKED:
        default:
          crepitus_pdf_layout_table_row (layout, label_width, body, label,
                                         body, R_("Not asked"));
          break;
        }
    }
  crepitus_pdf_layout_end_box (layout);
}

static void
summary_patient (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  CrepitusPatient *patient = report->patient;
  const char *birth = patient != NULL ? crepitus_patient_get_birth_date (patient) : NULL;
  const char *mrn = patient != NULL ? crepitus_patient_get_mrn (patient) : NULL;
  const char *language = patient != NULL ? crepitus_patient_get_language (patient) : NULL;
  g_autofree char *shown_birth = crepitus_locale_format_date (crepitus_locale_get_thread_default (),
                                                              birth);
  int sex = patient != NULL ? crepitus_patient_get_sex (patient) : 0;
  int age = patient != NULL ?
            crepitus_patient_get_age_on (patient, crepitus_assessment_get_date (report->assessment)) :
            -1;

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, R_("Patient"));
  field_take (layout, R_("Name"), crepitus_report_patient_name (patient));
  crepitus_pdf_layout_field (layout, R_("MRN"),
                             crepitus_report_is_set (mrn) ? mrn : crepitus_report_not_recorded ());
  if (crepitus_report_is_set (birth) && age >= 0)
    /* Translators: %s is the birth date (in the numeric format of YYYY-MM-DD), %d the age in
     * years */
    field_take (layout, R_("Birth date"), g_strdup_printf (R_("%s (aged %d)"), shown_birth, age));
  else
    crepitus_pdf_layout_field (layout, R_("Birth date"),
                               crepitus_report_is_set (birth) ? shown_birth :
                               crepitus_report_not_recorded ());
  crepitus_pdf_layout_field (layout, R_("Sex"), crepitus_report_choice_label (CREPITUS_LIST_SEX, sex));
  crepitus_pdf_layout_field (layout, R_("Language"),
                             crepitus_report_is_set (language) ?
                             crepitus_catalog_label (CREPITUS_LIST_LANGUAGE, language) :
                             crepitus_report_not_recorded ());
}

static void
summary_intake (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  CrepitusAssessment *assessment = report->assessment;
  int weeks = crepitus_assessment_get_duration_weeks (assessment);
  int pain = crepitus_assessment_get_pain_score (assessment);
  g_autofree char *locations = crepitus_report_join_labels (assessment, CREPITUS_LIST_LOCATION);
  g_autofree char *movements = crepitus_report_join_labels (assessment, CREPITUS_LIST_MOVEMENT);
  g_autofree char *symptoms = crepitus_report_join_labels (assessment, CREPITUS_LIST_SYMPTOM);
  g_autofree char *history = crepitus_report_join_labels (assessment, CREPITUS_LIST_HISTORY);

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, R_("Presentation"));
  crepitus_pdf_layout_field (layout, R_("Side"),
                             crepitus_report_choice_label (CREPITUS_LIST_SIDE,
                                                           crepitus_assessment_get_side (assessment)));
  crepitus_pdf_layout_field (layout, R_("Where it is felt"),
                             locations != NULL ? locations : crepitus_report_not_recorded ());
  crepitus_pdf_layout_field (layout, R_("Sound"),
                             crepitus_report_choice_label (CREPITUS_LIST_SOUND,
                                                           crepitus_assessment_get_sound (assessment)));
  crepitus_pdf_layout_field (layout, R_("Frequency"),
                             crepitus_report_choice_label (CREPITUS_LIST_FREQUENCY,
                                                           crepitus_assessment_get_frequency (assessment)));
  if (weeks >= 0)
    field_take (layout, R_("Duration"),
                g_strdup_printf (RN_ ("%d week", "%d weeks", weeks), weeks));
  else
    crepitus_pdf_layout_field (layout, R_("Duration"), crepitus_report_not_recorded ());
  crepitus_pdf_layout_field (layout, R_("Provoking movements"),
                             movements != NULL ? movements : crepitus_report_not_recorded ());
  if (pain >= 0)
    /* Translators: %d is the pain score 0–10 */
    field_take (layout, R_("Pain (NPRS)"), g_strdup_printf (R_("%d out of 10"), pain));
  else
    crepitus_pdf_layout_field (layout, R_("Pain (NPRS)"), crepitus_report_not_recorded ());
  crepitus_pdf_layout_field (layout, R_("Symptoms"),
                             symptoms != NULL ? symptoms : crepitus_report_none_recorded ());
  crepitus_pdf_layout_field (layout, R_("History"),
                             history != NULL ? history : crepitus_report_none_recorded ());
}

static void
summary_factors (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const CrepitusFactor *factors = NULL;
  guint n;

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, R_("Eight-factor checklist"));

  factors = crepitus_catalog_factors (&n);
  for (guint i = 0; i < n; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (report->assessment,
                                                                     factors[i].key);
      const char *notes = crepitus_factor_record_get_notes (record);
      g_auto(GStrv) findings = crepitus_factor_record_dup_findings (record);
      g_autofree char *title = NULL;

      /* Translators: %1$s is a factor, %2$s the article section it comes from, e.g. "§1" */
      title = g_strdup_printf (R_("%1$s (article %2$s):"),
                               crepitus_catalog_gettext (factors[i].label), factors[i].source);

      crepitus_pdf_layout_begin_box (layout, CREPITUS_PDF_BOX_GROUP);
      /* The judgement's list starts with not-assessed: its values are the list's indices. */
      crepitus_pdf_layout_lead_paragraph (layout, title,
                                          crepitus_catalog_label (CREPITUS_LIST_JUDGEMENT,
                                                                  crepitus_catalog_key (CREPITUS_LIST_JUDGEMENT,
                                                                                        crepitus_factor_record_get_judgement (record))));
      for (guint j = 0; findings[j] != NULL; j++)
        {
          const CrepitusFinding *finding = crepitus_catalog_finding (&factors[i], findings[j]);

          if (finding != NULL)
            crepitus_pdf_layout_bullet (layout, 0, NULL, crepitus_catalog_gettext (finding->label));
        }
      if (crepitus_report_is_set (notes))
        crepitus_pdf_layout_lead_paragraph (layout, R_("Notes:"), notes);
      crepitus_pdf_layout_end_box (layout);
    }
}

static void
summary_posture (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  CrepitusAssessment *assessment = report->assessment;
  const char *notes = crepitus_assessment_get_posture_notes (assessment);
  const char *forward_head;

  switch (crepitus_assessment_get_forward_head (assessment))
    {
    case CREPITUS_TRISTATE_YES:
      forward_head = R_("Yes");
      break;
    case CREPITUS_TRISTATE_NO:
      forward_head = R_("No");
      break;
    case CREPITUS_TRISTATE_NOT_RECORDED:
    default:
      forward_head = crepitus_report_not_recorded ();
      break;
    }

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, R_("Posture and alignment"));
  crepitus_pdf_layout_field (layout, R_("Scoliosis"),
                             crepitus_report_choice_label (CREPITUS_LIST_SCOLIOSIS,
                                           crepitus_assessment_get_scoliosis (assessment)));
  crepitus_pdf_layout_field (layout, R_("Lordosis"),
                             crepitus_report_choice_label (CREPITUS_LIST_LORDOSIS,
                                           crepitus_assessment_get_lordosis (assessment)));
  crepitus_pdf_layout_field (layout, R_("Pelvic tilt"),
                             crepitus_report_choice_label (CREPITUS_LIST_PELVIC_TILT,
                                           crepitus_assessment_get_pelvic_tilt (assessment)));
  crepitus_pdf_layout_field (layout, R_("Kyphosis"),
                             crepitus_report_choice_label (CREPITUS_LIST_KYPHOSIS,
                                           crepitus_assessment_get_kyphosis (assessment)));
  crepitus_pdf_layout_field (layout, R_("Forward head"), forward_head);
  if (crepitus_report_is_set (notes))
    crepitus_pdf_layout_field (layout, R_("Notes"), notes);
}

static void
measure_item (CrepitusPdfLayout *layout,
              const char        *label,
              const char        *value)
{
  /* Translators: a label before its value, e.g. "Walking:" */
  g_autofree char *lead = g_strdup_printf (R_("%s:"), label);

  crepitus_pdf_layout_bullet (layout, 0, lead, value);
}

/* The scores of the measures (crepitus-scores.c), the ODI with its band: the letter is the
 * one report that names the band (CLINICAL.md §7). The pain score is in the presentation. */
static void
summary_scores (Report *report)
{
  static const char * const keys[] = { "odi", "start_back", "beighton" };
  CrepitusPdfLayout *layout = report->layout;
  CrepitusScores scores;

  crepitus_scores_compute_for (report->assessment, &scores);
  if (!scores.odi_recorded && !scores.start_back_recorded && !scores.beighton_recorded)
    return;

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, R_("Scores"));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      char *text = crepitus_scores_dup_text (&scores, keys[i], TRUE);

      if (text != NULL)
        field_take (layout, crepitus_catalog_label (CREPITUS_LIST_MEASURE, keys[i]), text);
    }
}

/* The measures as recorded, after their scores. */
static void
summary_measures (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const CrepitusMeasures *measures = crepitus_assessment_get_measures (report->assessment);
  gboolean any_test = FALSE;

  if (crepitus_measures_is_empty (measures))
    return;

  summary_scores (report);
  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, R_("Measures as recorded"));

  if (measures->has_odi)
    {
      crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                   crepitus_catalog_label (CREPITUS_LIST_MEASURE, "odi"));
      crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SMALL,
                                     R_("Answer to each section, 0 to 5."));
      for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
        {
          g_autofree char *value = measures->odi[i] >= 0 ? g_strdup_printf ("%d", measures->odi[i]) :
                                                           g_strdup (R_("Unanswered"));

          measure_item (layout, crepitus_catalog_label (CREPITUS_LIST_ODI_SECTION,
                                                        crepitus_catalog_key (CREPITUS_LIST_ODI_SECTION, i)),
                        value);
        }
    }

  if (measures->has_start_back)
    {
      const char *bother = crepitus_catalog_label (CREPITUS_LIST_BOTHERSOMENESS,
                                                   crepitus_catalog_key (CREPITUS_LIST_BOTHERSOMENESS,
                                                                         measures->bothersomeness));

      crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                   crepitus_catalog_label (CREPITUS_LIST_MEASURE, "start_back"));
      for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
        measure_item (layout,
                      crepitus_catalog_label (CREPITUS_LIST_START_BACK_ITEM,
                                              crepitus_catalog_key (CREPITUS_LIST_START_BACK_ITEM, i)),
                      measures->start_back_items[i] == 1 ? R_("Agree") : R_("Disagree"));
      measure_item (layout, R_("9 · Bothersomeness"), bother != NULL ? bother : crepitus_report_not_recorded ());
    }

  if (measures->has_beighton)
    {
      crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                   crepitus_catalog_label (CREPITUS_LIST_MEASURE, "beighton"));
      for (guint i = 0; i < CREPITUS_BEIGHTON_N_ITEMS; i++)
        measure_item (layout,
                      crepitus_catalog_label (CREPITUS_LIST_BEIGHTON_ITEM,
                                              crepitus_catalog_key (CREPITUS_LIST_BEIGHTON_ITEM, i)),
                      measures->beighton[i] ? R_("Yes") : R_("No"));
    }

  for (guint i = 0; i < CREPITUS_N_TESTS; i++)
    {
      const char *result = crepitus_catalog_label (CREPITUS_LIST_TEST_RESULT,
                                                   crepitus_catalog_key (CREPITUS_LIST_TEST_RESULT,
                                                                         measures->tests[i].result));
      const char *side = crepitus_catalog_label (CREPITUS_LIST_SIDE,
                                                 crepitus_catalog_key (CREPITUS_LIST_SIDE,
                                                                       measures->tests[i].side));
      g_autofree char *value = NULL;

      if (result == NULL)
        continue;
      if (!any_test)
        {
          crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                       crepitus_catalog_label (CREPITUS_LIST_MEASURE, "tests"));
          any_test = TRUE;
        }
      /* Translators: a test result and its side, e.g. "Positive (Left leg)" */
      value = side != NULL ? g_strdup_printf (R_("%s (%s)"), result, side) : g_strdup (result);
      measure_item (layout,
                    crepitus_catalog_label (CREPITUS_LIST_TEST, crepitus_catalog_key (CREPITUS_LIST_TEST, i)),
                    value);
    }
}

/* The tips that bear on the assessment, as the core decides from the catalog. */
static void
summary_tips (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  g_auto(GStrv) tips = crepitus_triage_dup_tips (report->assessment, report->triage);

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, R_("Clinician tips"));
  for (guint i = 0; tips[i] != NULL; i++)
    {
      /* Translators: %1$s is a tip, %2$s the article passage, e.g. "Tip 3" */
      g_autofree char *lead = g_strdup_printf (R_("%1$s (%2$s)."),
                                               crepitus_catalog_label (CREPITUS_LIST_TIP, tips[i]),
                                               crepitus_catalog_tip_source (tips[i]));

      crepitus_pdf_layout_bullet (layout, 0, lead, crepitus_catalog_tip_text (tips[i]));
    }
}

/* Where the record stands, a line each: signed or not, and its place among amendments. */
static GPtrArray *
status_lines (CrepitusAssessment *assessment)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *signed_by = crepitus_assessment_get_signed_by (assessment);
  const char *signed_at = crepitus_assessment_get_signed_at (assessment);
  gint64 amends = crepitus_assessment_get_amends (assessment);
  gint64 superseded_by = crepitus_assessment_get_superseded_by (assessment);

  if (crepitus_report_is_set (signed_by))
    {
      /* The date of the signature, as the rest of the report prints dates. */
      g_autofree char *date = crepitus_report_is_set (signed_at) ?
                              crepitus_locale_format_date (crepitus_locale_get_thread_default (),
                                                           signed_at) :
                              g_strdup (crepitus_report_not_recorded ());

      /* Translators: %1$s is the clinician who signed, %2$s the date (in the numeric format of
       * YYYY-MM-DD) */
      g_ptr_array_add (lines, g_strdup_printf (R_("Signed by %1$s on %2$s"), signed_by, date));
    }
  else
    g_ptr_array_add (lines, g_strdup (R_("Not signed")));
  if (amends > 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, amends);

      /* Translators: %s is the id of the assessment this one corrects */
      g_ptr_array_add (lines, g_strdup_printf (R_("Amends assessment %s"), id));
    }
  if (superseded_by > 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, superseded_by);

      /* Translators: %s is the id of the assessment that corrects this one */
      g_ptr_array_add (lines, g_strdup_printf (R_("Superseded by assessment %s"), id));
    }
  if (crepitus_assessment_get_status (assessment) == CREPITUS_ASSESSMENT_ENTERED_IN_ERROR)
    g_ptr_array_add (lines, g_strdup (R_("Entered in error")));
  return lines;
}

char *
crepitus_report_status_line (CrepitusAssessment *assessment)
{
  g_autoptr(GPtrArray) lines = status_lines (assessment);

  g_ptr_array_add (lines, NULL);
  return g_strjoinv (" · ", (char **) lines->pdata);
}

/* The letter's footer block: who sends it, and where the record stands. */
static void
summary_footer (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const CrepitusReportOptions *options = report->options;
  const char *clinician = crepitus_assessment_get_clinician (report->assessment);
  g_autoptr(GPtrArray) lines = status_lines (report->assessment);
  g_autofree char *status = NULL;

  g_ptr_array_add (lines, NULL);
  status = g_strjoinv ("\n", (char **) lines->pdata);

  crepitus_pdf_layout_begin_box (layout, CREPITUS_PDF_BOX_GROUP);
  crepitus_pdf_layout_space (layout, 12);
  crepitus_pdf_layout_rule (layout, 0);
  if (crepitus_report_is_set (options->clinic_name))
    crepitus_pdf_layout_field (layout, R_("Clinic"), options->clinic_name);
  if (crepitus_report_is_set (options->clinic_address))
    crepitus_pdf_layout_field (layout, R_("Address"), options->clinic_address);
  if (crepitus_report_is_set (options->clinic_phone))
    crepitus_pdf_layout_field (layout, R_("Phone"), options->clinic_phone);
  crepitus_pdf_layout_field (layout, R_("Clinician"),
                             crepitus_report_is_set (clinician) ? clinician :
                             crepitus_report_not_recorded ());
  crepitus_pdf_layout_field (layout, R_("Record"), status);
  crepitus_pdf_layout_end_box (layout);
}

gboolean
crepitus_report_write_summary (Report             *report,
                               CrepitusSummaryFit  fit)
{
  gboolean sources_late = fit >= CREPITUS_SUMMARY_SOURCES_LATE;
  gboolean screen_on_first_page;
  CrepitusPdfLayout *layout = report->layout;
  const char *notes = crepitus_assessment_get_notes (report->assessment);

  crepitus_pdf_layout_title (layout, R_("Clinician summary"));
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SMALL,
                                 R_("Lower back popping on leg movement: assessment and referral "
                                   "letter."));

  /* A referral letter (CLINICAL.md §5): the level, to whom and how soon, why, the red-flag
   * screen, then what was found, and who sends it. */
  summary_banner (report);
  summary_reasons (report, fit >= CREPITUS_SUMMARY_REASONS_RUN_IN);
  if (!sources_late)
    summary_sources (report);
  summary_screen (report, fit >= CREPITUS_SUMMARY_SCREEN_COMPACT);
  screen_on_first_page = crepitus_pdf_layout_get_n_pages (layout) == 1;
  if (sources_late)
    summary_sources (report);
  summary_recommendations (report);
  summary_patient (report);
  summary_intake (report);
  summary_factors (report);
  summary_posture (report);
  summary_measures (report);
  crepitus_pdf_chart_add (layout, report->options->history);

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, R_("Assessment notes"));
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BODY,
                                 crepitus_report_is_set (notes) ? notes :
                                 crepitus_report_none_recorded ());

  summary_tips (report);
  summary_footer (report);
  return screen_on_first_page;
}
