/* crepitus-report-summary.c — the clinician summary (see crepitus-report.c) */
#define G_LOG_DOMAIN "crepitus-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-report-private.h"

/* The clinician summary */

static void
field_take (CrepitusPdfLayout *layout,
            const char        *label,
            char              *value)
{
  crepitus_pdf_layout_field (layout, label, value);
  g_free (value);
}

static void
summary_triage (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  CrepitusLevel level = report->triage->level;
  g_autoptr(GPtrArray) recommendations = NULL;

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Triage"));
  crepitus_pdf_layout_field (layout, _("Level"), crepitus_triage_level_title (level));

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING, _("Reasons"));
  if (report->triage->reasons[0] == NULL)
    crepitus_pdf_layout_bullet (layout, 0, NULL, _("None: no referral rule applies."));
  for (guint i = 0; report->triage->reasons[i] != NULL; i++)
    {
      g_autofree char *reason = crepitus_triage_reason_text (report->triage->reasons[i]);
      /* Translators: %s is where a triage rule comes from, e.g. "NICE NG59" */
      g_autofree char *source = g_strdup_printf (_("Source: %s"),
                                                 crepitus_triage_reason_source (report->triage->reasons[i]));
      g_autofree char *lead = g_strconcat (reason, ".", NULL);

      crepitus_pdf_layout_bullet (layout, 0, lead, source);
    }

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING, _("Recommendations"));
  recommendations = crepitus_report_recommendations_in_order (report->triage);
  for (guint i = 0; i < recommendations->len; i++)
    {
      const char *key = recommendations->pdata[i];
      g_autofree char *lead = g_strconcat (crepitus_catalog_label (CREPITUS_LIST_RECOMMENDATION,
                                                                   key), ".", NULL);

      crepitus_pdf_layout_bullet (layout, 0, lead, crepitus_triage_recommendation_text (key, level));
    }
}

static void
summary_patient (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  CrepitusPatient *patient = report->patient;
  const char *birth = patient != NULL ? crepitus_patient_get_birth_date (patient) : NULL;
  const char *mrn = patient != NULL ? crepitus_patient_get_mrn (patient) : NULL;
  const char *language = patient != NULL ? crepitus_patient_get_language (patient) : NULL;
  int age = patient != NULL ?
            crepitus_patient_get_age_on (patient, crepitus_assessment_get_date (report->assessment)) :
            -1;

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Patient"));
  field_take (layout, _("Name"), crepitus_report_patient_name (patient));
  crepitus_pdf_layout_field (layout, _("MRN"), crepitus_report_is_set (mrn) ? mrn : crepitus_report_not_recorded ());
  if (crepitus_report_is_set (birth) && age >= 0)
    /* Translators: %s is the birth date (YYYY-MM-DD), %d the age in years */
    field_take (layout, _("Birth date"), g_strdup_printf (_("%s (aged %d)"), birth, age));
  else
    crepitus_pdf_layout_field (layout, _("Birth date"), crepitus_report_is_set (birth) ? birth : crepitus_report_not_recorded ());
  crepitus_pdf_layout_field (layout, _("Sex"),
                             crepitus_report_choice_label (CREPITUS_LIST_SEX,
                                           patient != NULL ? crepitus_patient_get_sex (patient) : 0));
  crepitus_pdf_layout_field (layout, _("Language"),
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
  int age = report->patient != NULL ?
            crepitus_patient_get_age_on (report->patient, crepitus_assessment_get_date (assessment)) :
            -1;
  g_autofree char *locations = crepitus_report_join_labels (assessment, CREPITUS_LIST_LOCATION);
  g_autofree char *movements = crepitus_report_join_labels (assessment, CREPITUS_LIST_MOVEMENT);
  g_autofree char *symptoms = crepitus_report_join_labels (assessment, CREPITUS_LIST_SYMPTOM);
  g_autofree char *history = crepitus_report_join_labels (assessment, CREPITUS_LIST_HISTORY);
  g_autofree char *red_flags = crepitus_report_join_labels (assessment, CREPITUS_LIST_RED_FLAG);

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Presentation"));
  crepitus_pdf_layout_field (layout, _("Side"),
                             crepitus_report_choice_label (CREPITUS_LIST_SIDE, crepitus_assessment_get_side (assessment)));
  crepitus_pdf_layout_field (layout, _("Where it is felt"),
                             locations != NULL ? locations : crepitus_report_not_recorded ());
  crepitus_pdf_layout_field (layout, _("Sound"),
                             crepitus_report_choice_label (CREPITUS_LIST_SOUND, crepitus_assessment_get_sound (assessment)));
  crepitus_pdf_layout_field (layout, _("Frequency"),
                             crepitus_report_choice_label (CREPITUS_LIST_FREQUENCY,
                                           crepitus_assessment_get_frequency (assessment)));
  if (weeks >= 0)
    field_take (layout, _("Duration"),
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", weeks), weeks));
  else
    crepitus_pdf_layout_field (layout, _("Duration"), crepitus_report_not_recorded ());
  crepitus_pdf_layout_field (layout, _("Provoking movements"),
                             movements != NULL ? movements : crepitus_report_not_recorded ());
  if (pain >= 0)
    /* Translators: %d is the pain score 0–10 */
    field_take (layout, _("Pain (NPRS)"), g_strdup_printf (_("%d out of 10"), pain));
  else
    crepitus_pdf_layout_field (layout, _("Pain (NPRS)"), crepitus_report_not_recorded ());
  crepitus_pdf_layout_field (layout, _("Symptoms"), symptoms != NULL ? symptoms : crepitus_report_none_recorded ());
  crepitus_pdf_layout_field (layout, _("History"), history != NULL ? history : crepitus_report_none_recorded ());

  /* Age alone does not change the level; it stands beside the red flags to be weighed. */
  if (age >= 0)
    field_take (layout, _("Red flags"),
                /* Translators: %s is a list of red flags (or "None recorded"), %d an age */
                g_strdup_printf (_("%s — patient aged %d on the assessment date"),
                                 red_flags != NULL ? red_flags : crepitus_report_none_recorded (), age));
  else
    field_take (layout, _("Red flags"),
                /* Translators: %s is a list of red flags (or "None recorded") */
                g_strdup_printf (_("%s — age not recorded"),
                                 red_flags != NULL ? red_flags : crepitus_report_none_recorded ()));
}

static void
summary_factors (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const CrepitusFactor *factors = NULL;
  guint n;

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Eight-factor checklist"));

  factors = crepitus_catalog_factors (&n);
  for (guint i = 0; i < n; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (report->assessment,
                                                                     factors[i].key);
      const char *notes = crepitus_factor_record_get_notes (record);
      g_auto(GStrv) findings = crepitus_factor_record_dup_findings (record);
      g_autofree char *title = NULL;

      /* Translators: %1$s is a factor, %2$s the article section it comes from, e.g. "§1" */
      title = g_strdup_printf (_("%1$s (article %2$s):"),
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
        crepitus_pdf_layout_lead_paragraph (layout, _("Notes:"), notes);
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
      forward_head = _("Yes");
      break;
    case CREPITUS_TRISTATE_NO:
      forward_head = _("No");
      break;
    case CREPITUS_TRISTATE_NOT_RECORDED:
    default:
      forward_head = crepitus_report_not_recorded ();
      break;
    }

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Posture and alignment"));
  crepitus_pdf_layout_field (layout, _("Scoliosis"),
                             crepitus_report_choice_label (CREPITUS_LIST_SCOLIOSIS,
                                           crepitus_assessment_get_scoliosis (assessment)));
  crepitus_pdf_layout_field (layout, _("Lordosis"),
                             crepitus_report_choice_label (CREPITUS_LIST_LORDOSIS,
                                           crepitus_assessment_get_lordosis (assessment)));
  crepitus_pdf_layout_field (layout, _("Pelvic tilt"),
                             crepitus_report_choice_label (CREPITUS_LIST_PELVIC_TILT,
                                           crepitus_assessment_get_pelvic_tilt (assessment)));
  crepitus_pdf_layout_field (layout, _("Kyphosis"),
                             crepitus_report_choice_label (CREPITUS_LIST_KYPHOSIS,
                                           crepitus_assessment_get_kyphosis (assessment)));
  crepitus_pdf_layout_field (layout, _("Forward head"), forward_head);
  if (crepitus_report_is_set (notes))
    crepitus_pdf_layout_field (layout, _("Notes"), notes);
}

static void
measure_item (CrepitusPdfLayout *layout,
              const char        *label,
              const char        *value)
{
  /* Translators: a label before its value, e.g. "Walking:" */
  g_autofree char *lead = g_strdup_printf (_("%s:"), label);

  crepitus_pdf_layout_bullet (layout, 0, lead, value);
}

/* The measures as recorded; their scores come with the measures issue. */
static void
summary_measures (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const CrepitusMeasures *measures = crepitus_assessment_get_measures (report->assessment);
  gboolean any_test = FALSE;

  if (crepitus_measures_is_empty (measures))
    return;

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Measures as recorded"));

  if (measures->has_odi)
    {
      crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                   crepitus_catalog_label (CREPITUS_LIST_MEASURE, "odi"));
      crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SMALL,
                                     _("Answer to each section, 0 to 5."));
      for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
        {
          g_autofree char *value = measures->odi[i] >= 0 ? g_strdup_printf ("%d", measures->odi[i]) :
                                                           g_strdup (_("Unanswered"));

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
                      measures->start_back_items[i] == 1 ? _("Agree") : _("Disagree"));
      measure_item (layout, _("9 · Bothersomeness"), bother != NULL ? bother : crepitus_report_not_recorded ());
    }

  if (measures->has_beighton)
    {
      crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                   crepitus_catalog_label (CREPITUS_LIST_MEASURE, "beighton"));
      for (guint i = 0; i < CREPITUS_BEIGHTON_N_ITEMS; i++)
        measure_item (layout,
                      crepitus_catalog_label (CREPITUS_LIST_BEIGHTON_ITEM,
                                              crepitus_catalog_key (CREPITUS_LIST_BEIGHTON_ITEM, i)),
                      measures->beighton[i] ? _("Yes") : _("No"));
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
      value = side != NULL ? g_strdup_printf (_("%s (%s)"), result, side) : g_strdup (result);
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

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Clinician tips"));
  for (guint i = 0; tips[i] != NULL; i++)
    {
      /* Translators: %1$s is a tip, %2$s the article passage, e.g. "Tip 3" */
      g_autofree char *lead = g_strdup_printf (_("%1$s (%2$s)."),
                                               crepitus_catalog_label (CREPITUS_LIST_TIP, tips[i]),
                                               crepitus_catalog_tip_source (tips[i]));

      crepitus_pdf_layout_bullet (layout, 0, lead, crepitus_catalog_tip_text (tips[i]));
    }
}

static void
summary_signature (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const char *clinician = crepitus_assessment_get_clinician (report->assessment);
  const char *date = crepitus_assessment_get_date (report->assessment);

  crepitus_pdf_layout_begin_box (layout, CREPITUS_PDF_BOX_GROUP);
  crepitus_pdf_layout_space (layout, 40);
  crepitus_pdf_layout_rule (layout, 240);
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SMALL, _("Signature"));
  crepitus_pdf_layout_field (layout, _("Clinician"), crepitus_report_is_set (clinician) ? clinician : "");
  crepitus_pdf_layout_field (layout, _("Date"), crepitus_report_is_set (date) ? date : "");
  crepitus_pdf_layout_end_box (layout);
}

void
crepitus_report_write_summary (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const char *notes = crepitus_assessment_get_notes (report->assessment);

  crepitus_pdf_layout_title (layout, _("Clinician summary"));
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SMALL,
                                 _("Lower back popping on leg movement: assessment and referral "
                                   "triage."));

  summary_triage (report);
  summary_patient (report);
  summary_intake (report);
  summary_factors (report);
  summary_posture (report);
  summary_measures (report);
  summary_tips (report);

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Assessment notes"));
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BODY,
                                 crepitus_report_is_set (notes) ? notes : crepitus_report_none_recorded ());

  summary_signature (report);
}
