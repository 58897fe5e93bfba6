/* crepitus-report.c — the PDF patient handout and clinician summary (libharu)
 *
 * The handout is what the patient takes home: plain words, the outcome and what to do next,
 * self-care, and always the emergency signs in a box. The clinician summary is everything
 * recorded, with the triage reasons and where each rule comes from. Clinical sentences come
 * from the catalog and the triage only; this file arranges them (crepitus-pdf-layout.c does
 * the typesetting). Dates are printed numerically as recorded, YYYY-MM-DD.
 */
#define G_LOG_DOMAIN "crepitus-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "crepitus-pdf-layout.h"
#include "crepitus-report.h"
#include "crepitus-triage.h"

/* Points: ISO 216 A4 and US Letter. */
#define A4_WIDTH      595.276
#define A4_HEIGHT     841.890
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

typedef struct
{
  CrepitusAssessment          *assessment;
  CrepitusPatient             *patient;       /* may be NULL */
  const CrepitusReportOptions *options;
  CrepitusTriage              *triage;
  CrepitusPdfLayout           *layout;

  /* Drawn on every page: sanitised once, so that a substitution in them counts once. */
  char                        *clinic_name;
  char                        *clinic_contact;
  char                        *patient_name;
  char                        *patient_details;
  char                        *banner_title;  /* the handout's first words at emergency, urgent */
  char                        *banner_text;
} Report;

G_DEFINE_QUARK (crepitus-report-error-quark, crepitus_report_error)

gboolean
crepitus_report_audience_from_string (const char             *text,
                                      CrepitusReportAudience *audience)
{
  g_return_val_if_fail (audience != NULL, FALSE);

  if (g_strcmp0 (text, "patient") == 0)
    *audience = CREPITUS_REPORT_PATIENT;
  else if (g_strcmp0 (text, "clinician") == 0)
    *audience = CREPITUS_REPORT_CLINICIAN;
  else
    return FALSE;
  return TRUE;
}

gboolean
crepitus_report_paper_from_string (const char          *text,
                                   CrepitusReportPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_strcmp0 (text, "a4") == 0)
    *paper = CREPITUS_REPORT_PAPER_A4;
  else if (g_strcmp0 (text, "letter") == 0)
    *paper = CREPITUS_REPORT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

gboolean
crepitus_report_language_available (const char *language)
{
  /* Until the language issues land, every report is in English. */
  return language == NULL || g_str_equal (language, "en");
}

/* Whether @text holds anything but white space. */
static gboolean
is_set (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* The page header is drawn on every page, so it must stay a few lines long whatever was
 * typed: @text is cut to @max_chars characters with an ellipsis (the body has it whole). */
static char *
header_text (const char *text,
             glong       max_chars)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max_chars - 1);
  return g_strconcat (start, "…", NULL);
}

/* Words */

static const char *
not_recorded (void)
{
  return _("Not recorded");
}

static const char *
none_recorded (void)
{
  return _("None recorded");
}

/* The label of a single-choice value, or "Not recorded". */
static const char *
choice_label (CrepitusList list,
              int          value)
{
  const char *label = crepitus_catalog_label (list, crepitus_choice_to_key (list, value));

  return label != NULL ? label : not_recorded ();
}

/* The labels of the keys of @list recorded, separated by semicolons (labels hold commas), or
 * %NULL when none is. */
static char *
join_labels (CrepitusAssessment *assessment,
             CrepitusList        list)
{
  g_auto(GStrv) keys = crepitus_assessment_dup_keys (assessment, list);
  GString *text;

  if (keys == NULL || keys[0] == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, crepitus_catalog_label (list, keys[i]));
    }
  return g_string_free (text, FALSE);
}

static char *
patient_name (CrepitusPatient *patient)
{
  const char *given = patient != NULL ? crepitus_patient_get_given_name (patient) : NULL;
  const char *family = patient != NULL ? crepitus_patient_get_family_name (patient) : NULL;

  if (is_set (given) && is_set (family))
    /* Translators: a patient's name: %1$s is the given name, %2$s the family name */
    return g_strdup_printf (_("%1$s %2$s"), given, family);
  if (is_set (family))
    return g_strdup (family);
  if (is_set (given))
    return g_strdup (given);
  return g_strdup (_("Unnamed patient"));
}

static gboolean
is_recommended (const CrepitusTriage *triage,
                const char           *recommendation)
{
  return g_strv_contains ((const char * const *) triage->recommendations, recommendation);
}

/* The triage's recommendations in catalog order, which puts what to do first (emergency care
 * before imaging); the triage itself sorts them by key. */
static GPtrArray *
recommendations_in_order (const CrepitusTriage *triage)
{
  GPtrArray *keys = g_ptr_array_new ();
  const CrepitusCatalogEntry *entries;
  guint n;

  entries = crepitus_catalog_entries (CREPITUS_LIST_RECOMMENDATION, &n);
  for (guint i = 0; i < n; i++)
    if (is_recommended (triage, entries[i].key))
      g_ptr_array_add (keys, (char *) entries[i].key);
  return keys;
}

/* The header, on every page */

static char *
clinic_contact (const CrepitusReportOptions *options)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (is_set (options->clinic_address))
    {
      g_auto(GStrv) lines = g_strsplit_set (options->clinic_address, "\r\n", -1);

      /* An address typed on several lines reads as one. */
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strstrip (lines[i]);
          if (*lines[i] == '\0')
            continue;
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, lines[i]);
        }
    }
  if (is_set (options->clinic_phone))
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: %s is the clinic's phone number */
      g_string_append_printf (text, _("Phone %s"), options->clinic_phone);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static char *
patient_details (Report *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *mrn = report->patient != NULL ? crepitus_patient_get_mrn (report->patient) : NULL;
  const char *birth = report->patient != NULL ?
                      crepitus_patient_get_birth_date (report->patient) : NULL;
  const char *date = crepitus_assessment_get_date (report->assessment);
  const char *clinician = crepitus_assessment_get_clinician (report->assessment);

  if (is_set (mrn))
    /* Translators: %s is the patient's medical record number */
    g_ptr_array_add (parts, g_strdup_printf (_("MRN %s"), mrn));
  if (is_set (birth))
    /* Translators: %s is the birth date, YYYY-MM-DD */
    g_ptr_array_add (parts, g_strdup_printf (_("Born %s"), birth));
  if (is_set (date))
    /* Translators: %s is the date of the assessment, YYYY-MM-DD */
    g_ptr_array_add (parts, g_strdup_printf (_("Assessed %s"), date));
  if (is_set (clinician))
    /* Translators: %s is the clinician's name */
    g_ptr_array_add (parts, g_strdup_printf (_("Clinician %s"), clinician));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
draw_page_header (CrepitusPdfLayout *layout,
                  guint              page_number,
                  gpointer           user_data)
{
  Report *report = user_data;

  /* At emergency and urgent the handout says so before anything else. */
  if (page_number == 1 && report->banner_title != NULL)
    {
      crepitus_pdf_layout_begin_box (layout, report->triage->level == CREPITUS_LEVEL_EMERGENCY ?
                                             CREPITUS_PDF_BOX_ALERT : CREPITUS_PDF_BOX_WARNING);
      crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BANNER, report->banner_title);
      crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_STRONG, report->banner_text);
      crepitus_pdf_layout_end_box (layout);
    }

  if (report->clinic_name != NULL)
    crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SUBHEADING, report->clinic_name);
  if (report->clinic_contact != NULL)
    crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SMALL, report->clinic_contact);
  if (report->clinic_name != NULL || report->clinic_contact != NULL)
    crepitus_pdf_layout_rule (layout, 0);
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_STRONG, report->patient_name);
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SMALL, report->patient_details);
  crepitus_pdf_layout_rule (layout, 0);
  crepitus_pdf_layout_space (layout, 6);
}

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
  recommendations = recommendations_in_order (report->triage);
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

static void
write_handout (Report *report)
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
  recommendations = recommendations_in_order (report->triage);
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
  field_take (layout, _("Name"), patient_name (patient));
  crepitus_pdf_layout_field (layout, _("MRN"), is_set (mrn) ? mrn : not_recorded ());
  if (is_set (birth) && age >= 0)
    /* Translators: %s is the birth date (YYYY-MM-DD), %d the age in years */
    field_take (layout, _("Birth date"), g_strdup_printf (_("%s (aged %d)"), birth, age));
  else
    crepitus_pdf_layout_field (layout, _("Birth date"), is_set (birth) ? birth : not_recorded ());
  crepitus_pdf_layout_field (layout, _("Sex"),
                             choice_label (CREPITUS_LIST_SEX,
                                           patient != NULL ? crepitus_patient_get_sex (patient) : 0));
  crepitus_pdf_layout_field (layout, _("Language"),
                             is_set (language) ?
                             crepitus_catalog_label (CREPITUS_LIST_LANGUAGE, language) :
                             not_recorded ());
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
  g_autofree char *locations = join_labels (assessment, CREPITUS_LIST_LOCATION);
  g_autofree char *movements = join_labels (assessment, CREPITUS_LIST_MOVEMENT);
  g_autofree char *symptoms = join_labels (assessment, CREPITUS_LIST_SYMPTOM);
  g_autofree char *history = join_labels (assessment, CREPITUS_LIST_HISTORY);
  g_autofree char *red_flags = join_labels (assessment, CREPITUS_LIST_RED_FLAG);

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Presentation"));
  crepitus_pdf_layout_field (layout, _("Side"),
                             choice_label (CREPITUS_LIST_SIDE, crepitus_assessment_get_side (assessment)));
  crepitus_pdf_layout_field (layout, _("Where it is felt"),
                             locations != NULL ? locations : not_recorded ());
  crepitus_pdf_layout_field (layout, _("Sound"),
                             choice_label (CREPITUS_LIST_SOUND, crepitus_assessment_get_sound (assessment)));
  crepitus_pdf_layout_field (layout, _("Frequency"),
                             choice_label (CREPITUS_LIST_FREQUENCY,
                                           crepitus_assessment_get_frequency (assessment)));
  if (weeks >= 0)
    field_take (layout, _("Duration"),
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", weeks), weeks));
  else
    crepitus_pdf_layout_field (layout, _("Duration"), not_recorded ());
  crepitus_pdf_layout_field (layout, _("Provoking movements"),
                             movements != NULL ? movements : not_recorded ());
  if (pain >= 0)
    /* Translators: %d is the pain score 0–10 */
    field_take (layout, _("Pain (NPRS)"), g_strdup_printf (_("%d out of 10"), pain));
  else
    crepitus_pdf_layout_field (layout, _("Pain (NPRS)"), not_recorded ());
  crepitus_pdf_layout_field (layout, _("Symptoms"), symptoms != NULL ? symptoms : none_recorded ());
  crepitus_pdf_layout_field (layout, _("History"), history != NULL ? history : none_recorded ());

  /* Age alone does not change the level; it stands beside the red flags to be weighed. */
  if (age >= 0)
    field_take (layout, _("Red flags"),
                /* Translators: %s is a list of red flags (or "None recorded"), %d an age */
                g_strdup_printf (_("%s — patient aged %d on the assessment date"),
                                 red_flags != NULL ? red_flags : none_recorded (), age));
  else
    field_take (layout, _("Red flags"),
                /* Translators: %s is a list of red flags (or "None recorded") */
                g_strdup_printf (_("%s — age not recorded"),
                                 red_flags != NULL ? red_flags : none_recorded ()));
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
      if (is_set (notes))
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
      forward_head = not_recorded ();
      break;
    }

  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING, _("Posture and alignment"));
  crepitus_pdf_layout_field (layout, _("Scoliosis"),
                             choice_label (CREPITUS_LIST_SCOLIOSIS,
                                           crepitus_assessment_get_scoliosis (assessment)));
  crepitus_pdf_layout_field (layout, _("Lordosis"),
                             choice_label (CREPITUS_LIST_LORDOSIS,
                                           crepitus_assessment_get_lordosis (assessment)));
  crepitus_pdf_layout_field (layout, _("Pelvic tilt"),
                             choice_label (CREPITUS_LIST_PELVIC_TILT,
                                           crepitus_assessment_get_pelvic_tilt (assessment)));
  crepitus_pdf_layout_field (layout, _("Kyphosis"),
                             choice_label (CREPITUS_LIST_KYPHOSIS,
                                           crepitus_assessment_get_kyphosis (assessment)));
  crepitus_pdf_layout_field (layout, _("Forward head"), forward_head);
  if (is_set (notes))
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
      measure_item (layout, _("9 · Bothersomeness"), bother != NULL ? bother : not_recorded ());
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
  crepitus_pdf_layout_field (layout, _("Clinician"), is_set (clinician) ? clinician : "");
  crepitus_pdf_layout_field (layout, _("Date"), is_set (date) ? date : "");
  crepitus_pdf_layout_end_box (layout);
}

static void
write_summary (Report *report)
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
                                 is_set (notes) ? notes : none_recorded ());

  summary_signature (report);
}

/* Writing the file */

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* Translators: %1$s is a file, %2$s the system's reason */
               _("%1$s: could not write the report: %2$s"), path, g_strerror (saved_errno));
}

/* Through a temporary file in the target folder, so that the report appears whole or not at
 * all, readable by its owner only. */
static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  int fd, saved_errno;

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }

  /* The umask may have taken more than asked; never less than 0600 is also wrong. */
  if (fchmod (fd, 0600) != 0)
    goto fail;
  while (size > 0)
    {
      gssize written = write (fd, data, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        goto fail;
      data += written;
      size -= written;
    }
  if (fsync (fd) != 0)
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;
  if (g_rename (temp, path) != 0)
    goto fail;
  return TRUE;

fail:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  set_write_error (error, path, saved_errno);
  return FALSE;
}

/* $SOURCE_DATE_EPOCH when it is a valid time, so that builds and tests are reproducible. */
static GDateTime *
creation_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL &&
      g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    {
      GDateTime *date = g_date_time_new_from_unix_utc ((gint64) seconds);

      if (date != NULL)
        return date;
    }
  return g_date_time_new_now_utc ();
}

static void
report_clear (Report *report)
{
  g_clear_pointer (&report->triage, crepitus_triage_free);
  g_clear_pointer (&report->clinic_name, g_free);
  g_clear_pointer (&report->clinic_contact, g_free);
  g_clear_pointer (&report->patient_name, g_free);
  g_clear_pointer (&report->patient_details, g_free);
  g_clear_pointer (&report->banner_title, g_free);
  g_clear_pointer (&report->banner_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Report, report_clear)

static void
report_prepare_header (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const CrepitusReportOptions *options = report->options;
  g_autofree char *full_contact = clinic_contact (options);
  g_autofree char *full_name = patient_name (report->patient);
  g_autofree char *full_details = patient_details (report);
  g_autofree char *contact = full_contact != NULL ? header_text (full_contact, 300) : NULL;
  g_autofree char *name = header_text (full_name, 150);
  g_autofree char *details = header_text (full_details, 300);
  CrepitusLevel level = report->triage->level;

  if (is_set (options->clinic_name))
    {
      g_autofree char *clinic = header_text (options->clinic_name, 150);

      report->clinic_name = crepitus_pdf_layout_sanitize (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                                          clinic);
    }
  if (contact != NULL)
    report->clinic_contact = crepitus_pdf_layout_sanitize (layout, CREPITUS_PDF_STYLE_SMALL,
                                                           contact);
  report->patient_name = crepitus_pdf_layout_sanitize (layout, CREPITUS_PDF_STYLE_STRONG, name);
  report->patient_details = crepitus_pdf_layout_sanitize (layout, CREPITUS_PDF_STYLE_SMALL,
                                                          details);

  if (options->audience == CREPITUS_REPORT_PATIENT &&
      (level == CREPITUS_LEVEL_EMERGENCY || level == CREPITUS_LEVEL_URGENT))
    {
      report->banner_title = g_strdup (crepitus_triage_level_title (level));
      report->banner_text =
        g_strdup (crepitus_triage_recommendation_text (level == CREPITUS_LEVEL_EMERGENCY ?
                                                       "emergency-care-now" :
                                                       "urgent-medical-review",
                                                       level));
    }
}

gboolean
crepitus_report_write (CrepitusAssessment          *assessment,
                       const CrepitusReportOptions *options,
                       const char                  *path,
                       CrepitusReportStats         *stats_out,
                       GError                     **error)
{
  g_auto(Report) report = { 0 };
  g_autoptr(CrepitusPdfLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *footer = NULL;
  const char *author;
  gboolean patient;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!crepitus_report_language_available (options->language))
    {
      g_set_error (error, CREPITUS_REPORT_ERROR, CREPITUS_REPORT_ERROR_LANGUAGE,
                   /* Translators: %1$s is a file, %2$s a language code */
                   _("%1$s: reports are only available in English until translations are "
                     "added (asked for “%2$s”)"), path, options->language);
      return FALSE;
    }

  if (options->paper == CREPITUS_REPORT_PAPER_LETTER)
    layout = crepitus_pdf_layout_new (LETTER_WIDTH, LETTER_HEIGHT, error);
  else
    layout = crepitus_pdf_layout_new (A4_WIDTH, A4_HEIGHT, error);
  if (layout == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  patient = options->audience == CREPITUS_REPORT_PATIENT;
  report.assessment = assessment;
  report.patient = crepitus_assessment_get_patient (assessment);
  report.options = options;
  report.triage = crepitus_triage_compute (assessment);
  report.layout = layout;
  report_prepare_header (&report);
  crepitus_pdf_layout_set_page_func (layout, draw_page_header, &report);

  name = patient_name (report.patient);
  /* Translators: the PDF's title; %s is the patient's name */
  title = g_strdup_printf (patient ? _("Patient handout: %s") : _("Clinician summary: %s"), name);
  /* Translators: the PDF's subject; %s is the date of the assessment */
  subject = g_strdup_printf (_("Lower back popping on leg movement, assessment of %s"),
                             crepitus_assessment_get_date (assessment));
  author = is_set (options->clinic_name) ? options->clinic_name :
           crepitus_assessment_get_clinician (assessment);
  created = creation_date ();
  crepitus_pdf_layout_set_info (layout, title, author, subject, "Crepitus " PACKAGE_VERSION,
                                created);

  if (patient)
    write_handout (&report);
  else
    write_summary (&report);

  /* Translators: the page footer; %s is the patient's name */
  footer = g_strdup_printf (patient ? _("%s · Patient handout") : _("%s · Clinician summary"), name);
  if (!crepitus_pdf_layout_finish (layout, footer, error) ||
      (bytes = crepitus_pdf_layout_save (layout, error)) == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  if (!write_file (path, bytes, error))
    return FALSE;

  if (stats_out != NULL)
    {
      stats_out->pages = crepitus_pdf_layout_get_n_pages (layout);
      stats_out->substituted = crepitus_pdf_layout_get_n_substituted (layout);
    }
  return TRUE;
}
