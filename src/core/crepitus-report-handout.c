/* crepitus-report-handout.c — the patient handout (see crepitus-report.c) */
#define G_LOG_DOMAIN "crepitus-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-report-private.h"

/* The patient handout */

static void
handout_result (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  CrepitusLevel level = report->triage->level;
  g_autoptr(GPtrArray) recommendations = NULL;

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Your result"));
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                 crepitus_triage_level_title (level));
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BODY,
                                 crepitus_triage_level_advice (level));

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING, _("What to do next"));
  recommendations = crepitus_report_recommendations_in_order (report->triage);
  for (guint i = 0; i < recommendations->len; i++)
    crepitus_pdf_layout_bullet (layout, 0, NULL,
                                crepitus_triage_recommendation_text (recommendations->pdata[i], level));

  if (report->triage->reasons[0] != NULL)
    {
      crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                   _("Why we came to this result"));
      for (guint i = 0; report->triage->reasons[i] != NULL; i++)
        {
          const char *reason = report->triage->reasons[i];

          /* Red flags in the words a patient recognises. */
          if (g_str_has_prefix (reason, "red-flag:"))
            crepitus_pdf_layout_bullet (layout, 0, NULL,
                                        crepitus_catalog_red_flag_patient_text (reason +
                                                                                strlen ("red-flag:")));
          else
            {
              g_autofree char *text = crepitus_triage_reason_text (reason);

              crepitus_pdf_layout_bullet (layout, 0, NULL, text);
            }
        }
    }
}

static void
handout_factors (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const CrepitusFactor *factors;
  gboolean any = FALSE;
  guint n;

  factors = crepitus_catalog_factors (&n);
  for (guint i = 0; i < n; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (report->assessment,
                                                                     factors[i].key);
      CrepitusJudgement judgement = crepitus_factor_record_get_judgement (record);
      g_auto(GStrv) findings = NULL;
      g_autofree char *lead = NULL;

      if (judgement != CREPITUS_JUDGEMENT_LIKELY && judgement != CREPITUS_JUDGEMENT_POSSIBLE)
        continue;

      if (!any)
        {
          crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING,
                                       _("What may play a part"));
          any = TRUE;
        }

      lead = judgement == CREPITUS_JUDGEMENT_LIKELY ?
             /* Translators: %s is a factor, e.g. "Muscle imbalances" */
             g_strdup_printf (_("%s (likely):"), crepitus_catalog_gettext (factors[i].label)) :
             /* Translators: %s is a factor, e.g. "Muscle imbalances" */
             g_strdup_printf (_("%s (possible):"), crepitus_catalog_gettext (factors[i].label));
      crepitus_pdf_layout_bullet (layout, 0, lead, crepitus_catalog_gettext (factors[i].patient));

      findings = crepitus_factor_record_dup_findings (record);
      for (guint j = 0; findings[j] != NULL; j++)
        {
          const CrepitusFinding *finding = crepitus_catalog_finding (&factors[i], findings[j]);

          if (finding != NULL)
            crepitus_pdf_layout_bullet (layout, 1, NULL, crepitus_catalog_gettext (finding->patient));
        }
    }
}

static void
handout_posture (Report *report)
{
  CrepitusAssessment *assessment = report->assessment;
  const struct
  {
    CrepitusList list;
    int          value;
  } fields[] = {
    { CREPITUS_LIST_SCOLIOSIS, crepitus_assessment_get_scoliosis (assessment) },
    { CREPITUS_LIST_LORDOSIS, crepitus_assessment_get_lordosis (assessment) },
    { CREPITUS_LIST_PELVIC_TILT, crepitus_assessment_get_pelvic_tilt (assessment) },
    { CREPITUS_LIST_KYPHOSIS, crepitus_assessment_get_kyphosis (assessment) },
  };
  CrepitusTristate forward_head = crepitus_assessment_get_forward_head (assessment);
  gboolean any = forward_head != CREPITUS_TRISTATE_NOT_RECORDED;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    any = any || fields[i].value != 0;
  if (!any)
    return;

  /* Only what was recorded; the free-text posture notes are the clinician's. */
  crepitus_pdf_layout_heading (report->layout, CREPITUS_PDF_STYLE_HEADING, _("Your posture"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *key = crepitus_choice_to_key (fields[i].list, fields[i].value);

      if (key != NULL)
        crepitus_pdf_layout_bullet (report->layout, 0, NULL,
                                    crepitus_catalog_posture_patient_text (fields[i].list, key));
    }
  if (forward_head != CREPITUS_TRISTATE_NOT_RECORDED)
    crepitus_pdf_layout_bullet (report->layout, 0, NULL,
                                crepitus_catalog_forward_head_patient_text (forward_head ==
                                                                            CREPITUS_TRISTATE_YES));
}

/* The safety net every patient leaves with, whatever the result. */
static void
handout_seek_care (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const CrepitusCatalogEntry *flags;
  guint n;

  crepitus_pdf_layout_begin_box (layout, CREPITUS_PDF_BOX_OUTLINE);
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                 _("Seek care urgently if you notice any of these"));
  flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);
  for (guint i = 0; i < n; i++)
    if (crepitus_catalog_red_flag_tier (flags[i].key) == CREPITUS_RED_FLAG_EMERGENCY)
      crepitus_pdf_layout_bullet (layout, 0, NULL,
                                  crepitus_catalog_red_flag_patient_text (flags[i].key));
  crepitus_pdf_layout_space (layout, 4);
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_STRONG,
                                 crepitus_catalog_recommendation_text ("emergency-care-now",
                                                                       "emergency"));
  crepitus_pdf_layout_end_box (layout);
}

void
crepitus_report_write_handout (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;

  crepitus_pdf_layout_title (layout, _("About the pop in your lower back"));

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING,
                               crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, "what-the-pop-is"));
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BODY,
                                 crepitus_catalog_guidance_text ("what-the-pop-is"));

  handout_result (report);
  handout_factors (report);
  handout_posture (report);

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING,
                               crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, "self-care"));
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BODY,
                                 crepitus_catalog_guidance_text ("self-care"));

  handout_seek_care (report);
}
