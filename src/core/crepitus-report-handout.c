/* crepitus-report-handout.c — the patient handout (CLINICAL.md §5, "The patient handout, by
 * level")
 *
 * What a patient reads first decides what they do. Page 1 holds, in this order: at emergency
 * and urgent the level box with what to do now in the largest text on the page (drawn with
 * the page header, crepitus-report.c), the result in plain words, then by level the reasons
 * and what happens next, and the safety net. The safety net is never split and never leaves
 * page 1: when what comes before it would push it over, crepitus_report_write() lays the
 * handout out again with the safety net straight after the result and the rest after it.
 *
 * What each level never shows: reassurance except at benign and monitor with a complete
 * red-flag screen; no self-care or exercise at emergency and urgent; nothing after the safety
 * net at emergency. The clinician's notes stay in the clinician summary.
 */
#define G_LOG_DOMAIN "crepitus-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-report-private.h"

static gboolean
is_below_urgent (CrepitusLevel level)
{
  return level != CREPITUS_LEVEL_EMERGENCY && level != CREPITUS_LEVEL_URGENT;
}

/* The result in plain words; below urgent with the level's name, and the review beside it. */
static void
handout_result (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  CrepitusLevel level = report->triage->level;
  int review_weeks = crepitus_assessment_get_review_weeks (report->assessment);

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, R_("Your result"));
  if (is_below_urgent (level))
    {
      const char *name = crepitus_catalog_level_patient_name (crepitus_triage_level_key (level));

      if (review_weeks > 0)
        {
          g_autofree char *review =
            g_strdup_printf (RN_ ("Come back in %d week",
                                  "Come back in %d weeks", review_weeks),
                             review_weeks);
          /* Translators: the result and the review beside it, e.g. "Keep an eye on the
           * pops — Come back in 4 weeks" */
          g_autofree char *line = g_strdup_printf (R_("%1$s — %2$s"), name, review);

          crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SUBHEADING, line);
        }
      else
        crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SUBHEADING, name);
    }
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BODY,
                                 crepitus_triage_level_advice (level));
}

static int
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const char *reason_a = *(const char * const *) a;
  const char *reason_b = *(const char * const *) b;
  int order = crepitus_catalog_reason_order (reason_a) - crepitus_catalog_reason_order (reason_b);

  return order != 0 ? order : strcmp (reason_a, reason_b);
}

/* The reasons as the patient would say them, red flags first. */
static void
handout_reasons (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  for (guint i = 0; report->triage->reasons[i] != NULL; i++)
    g_ptr_array_add (reasons, report->triage->reasons[i]);
  if (reasons->len == 0)
    return;
  g_ptr_array_sort (reasons, compare_reasons);

  /* Kept on one page, so that no reason is left without its heading. */
  crepitus_pdf_layout_begin_box (layout, CREPITUS_PDF_BOX_GROUP);
  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                               R_("Why we came to this result"));
  for (guint i = 0; i < reasons->len; i++)
    {
      const char *text = crepitus_catalog_reason_patient_text (reasons->pdata[i]);

      if (text != NULL)
        crepitus_pdf_layout_bullet (layout, 0, NULL, text);
      else
        {
          /* A reason the catalog has no sentence for yet is still given, in its label. */
          g_autofree char *label = crepitus_triage_reason_text (reasons->pdata[i]);

          crepitus_pdf_layout_bullet (layout, 0, NULL, label);
        }
    }
  crepitus_pdf_layout_end_box (layout);
}

/* What happens next: the level's recommendations other than what the level box, the
 * reassurance and the self-care section already say. */
static void
handout_next (Report *report)
{
  static const char * const said_elsewhere[] = {
    "emergency-care-now", "urgent-medical-review", "self-care", "reassurance", NULL
  };
  CrepitusPdfLayout *layout = report->layout;
  CrepitusLevel level = report->triage->level;
  g_autoptr(GPtrArray) recommendations = crepitus_report_recommendations_in_order (report->triage);
  gboolean any = FALSE;

  for (guint i = 0; i < recommendations->len; i++)
    {
      const char *key = recommendations->pdata[i];

      if (g_strv_contains (said_elsewhere, key))
        continue;
      if (!any)
        {
          crepitus_pdf_layout_begin_box (layout, CREPITUS_PDF_BOX_GROUP);
          crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                       R_("What happens next"));
        }
      any = TRUE;
      crepitus_pdf_layout_bullet (layout, 0, NULL, crepitus_triage_recommendation_text (key, level));
    }
  if (any)
    crepitus_pdf_layout_end_box (layout);
}

/* "Usually harmless" (FAQ 1) only at benign and monitor, and only once every red flag was
 * asked about (CLINICAL.md §4): a screen not done cannot reassure. */
static void
handout_reassurance (Report *report)
{
  CrepitusLevel level = report->triage->level;

  if ((level != CREPITUS_LEVEL_BENIGN && level != CREPITUS_LEVEL_MONITOR) ||
      report->triage->not_asked[0] != NULL)
    return;

  crepitus_pdf_layout_begin_box (report->layout, CREPITUS_PDF_BOX_GROUP);
  crepitus_pdf_layout_heading (report->layout, CREPITUS_PDF_STYLE_SUBHEADING,
                               crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, "what-the-pop-is"));
  crepitus_pdf_layout_paragraph (report->layout, CREPITUS_PDF_STYLE_BODY,
                                 crepitus_catalog_guidance_text ("what-the-pop-is"));
  crepitus_pdf_layout_end_box (report->layout);
}

/* The safety net every patient leaves with, whatever the result: the emergency signs under a
 * heading that says what to do, and below urgent the signs that need a doctor the same day.
 * Returns whether it is on page 1. */
static gboolean
handout_safety_net (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  g_autofree char *number = crepitus_report_emergency_number (report->options);
  g_autofree char *heading = crepitus_catalog_safety_net_heading (number);
  const CrepitusCatalogEntry *flags;
  guint n;

  crepitus_pdf_layout_begin_box (layout, CREPITUS_PDF_BOX_OUTLINE);
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SUBHEADING, heading);
  flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);
  for (guint i = 0; i < n; i++)
    if (crepitus_catalog_red_flag_tier (flags[i].key) == CREPITUS_RED_FLAG_EMERGENCY)
      crepitus_pdf_layout_bullet (layout, 0, NULL,
                                  crepitus_catalog_red_flag_patient_text (flags[i].key));

  if (is_below_urgent (report->triage->level))
    {
      crepitus_pdf_layout_space (layout, 6);
      crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                     crepitus_catalog_same_day_heading ());
      for (guint i = 0; crepitus_catalog_same_day_sign (i) != NULL; i++)
        crepitus_pdf_layout_bullet (layout, 0, NULL, crepitus_catalog_same_day_sign (i));
    }
  crepitus_pdf_layout_end_box (layout);

  /* A box that fits on a page is placed whole as soon as it ends. */
  return crepitus_pdf_layout_get_n_pages (layout) == 1;
}

/* A section of guidance, kept on one page. */
static void
handout_guidance (Report     *report,
                  const char *key)
{
  crepitus_pdf_layout_begin_box (report->layout, CREPITUS_PDF_BOX_GROUP);
  crepitus_pdf_layout_heading (report->layout, CREPITUS_PDF_STYLE_HEADING,
                               crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, key));
  crepitus_pdf_layout_paragraph (report->layout, CREPITUS_PDF_STYLE_BODY,
                                 crepitus_catalog_guidance_text (key));
  crepitus_pdf_layout_end_box (report->layout);
}

/* The factors judged likely or possible, with their patient sentences. */
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
                                       R_("What may play a part"));
          any = TRUE;
        }

      lead = judgement == CREPITUS_JUDGEMENT_LIKELY ?
             /* Translators: %s is a factor as the patient reads it, e.g. "Uneven muscles" */
             g_strdup_printf (R_("%s (likely):"),
                              crepitus_catalog_gettext (factors[i].patient_label)) :
             /* Translators: %s is a factor as the patient reads it, e.g. "Uneven muscles" */
             g_strdup_printf (R_("%s (possible):"),
                              crepitus_catalog_gettext (factors[i].patient_label));
      /* A factor stays on one page with its findings. */
      crepitus_pdf_layout_begin_box (layout, CREPITUS_PDF_BOX_GROUP);
      crepitus_pdf_layout_bullet (layout, 0, lead, crepitus_catalog_gettext (factors[i].patient));

      findings = crepitus_factor_record_dup_findings (record);
      for (guint j = 0; findings[j] != NULL; j++)
        {
          const CrepitusFinding *finding = crepitus_catalog_finding (&factors[i], findings[j]);

          if (finding != NULL)
            crepitus_pdf_layout_bullet (layout, 1, NULL, crepitus_catalog_gettext (finding->patient));
        }
      crepitus_pdf_layout_end_box (layout);
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

  /* Only what was recorded, on one page; the free-text posture notes are the clinician's. */
  crepitus_pdf_layout_begin_box (report->layout, CREPITUS_PDF_BOX_GROUP);
  crepitus_pdf_layout_heading (report->layout, CREPITUS_PDF_STYLE_HEADING, R_("Your posture"));
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
  crepitus_pdf_layout_end_box (report->layout);
}

/* What comes between the result and the safety net in the order of CLINICAL.md §5: the reasons
 * (benign has none), what happens next at refer, the reassurance at monitor and benign. */
static void
handout_before_safety_net (Report *report)
{
  handout_reasons (report);
  if (report->triage->level == CREPITUS_LEVEL_REFER)
    handout_next (report);
  handout_reassurance (report);
}

gboolean
crepitus_report_write_handout (Report   *report,
                               gboolean  safety_net_early)
{
  CrepitusLevel level = report->triage->level;
  gboolean on_first_page;

  handout_result (report);
  if (!safety_net_early)
    handout_before_safety_net (report);
  on_first_page = handout_safety_net (report);
  if (safety_net_early)
    handout_before_safety_net (report);

  /* After the safety net: what the doctor may do at urgent, the check-up at monitor. At
   * emergency nothing else goes on page 1 (CLINICAL.md §5): what the hospital will do (the
   * emergency MRI scan, §4) is overleaf. */
  if (level == CREPITUS_LEVEL_EMERGENCY && crepitus_pdf_layout_get_n_pages (report->layout) == 1)
    crepitus_pdf_layout_page_break (report->layout);
  if (level == CREPITUS_LEVEL_URGENT || level == CREPITUS_LEVEL_MONITOR ||
      level == CREPITUS_LEVEL_EMERGENCY)
    handout_next (report);

  /* Below urgent: when to seek care, self-care, muscle balance, how the cause is found, then
   * what may play a part (FAQ 3, 5, 4, 6 and the factors). */
  if (is_below_urgent (level))
    {
      handout_guidance (report, "when-to-seek-care");
      handout_guidance (report, "self-care");
      handout_guidance (report, "muscle-balance");
      handout_guidance (report, "diagnosis");
      handout_factors (report);
      handout_posture (report);
    }
  return on_first_page;
}
