/* crepitus-report.c — the PDF patient handout and clinician summary (libharu)
 *
 * This file sets a report up: options, the page header, the document and the file it is
 * written to. The handout is written by crepitus-report-handout.c, the clinician summary by
 * crepitus-report-summary.c. Clinical sentences come from the catalog and the triage only;
 * those files arrange them (crepitus-pdf-layout.c does the typesetting). Every word on paper
 * is in the report's language (crepitus-locale.c), dates in its numeric format.
 */
#define G_LOG_DOMAIN "crepitus-report"
#define _GNU_SOURCE   /* renameat2 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "crepitus-json.h"
#include "crepitus-report-private.h"

/* Points: ISO 216 A4 and US Letter. */
#define A4_WIDTH      595.276
#define A4_HEIGHT     841.890
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

/* The box the clinic logo is scaled to fit, in points: a header, not a letterhead. */
#define LOGO_MAX_WIDTH  160.0
#define LOGO_MAX_HEIGHT 48.0

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
  return language == NULL || crepitus_locale_is_shipped (language);
}

const char *
crepitus_report_choose_language (const char *patient_language,
                                 const char *default_language)
{
  /* DESIGN.md: the patient's language, else the default-report-language setting, else en;
   * the first of them that reports are available in. */
  if (patient_language != NULL && *patient_language != '\0' &&
      crepitus_report_language_available (patient_language))
    return patient_language;
  if (default_language != NULL && *default_language != '\0' &&
      crepitus_report_language_available (default_language))
    return default_language;
  return "en";
}

/* Whether @text holds anything but white space. */
gboolean
crepitus_report_is_set (const char *text)
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

const char *
crepitus_report_not_recorded (void)
{
  return R_("Not recorded");
}

const char *
crepitus_report_none_recorded (void)
{
  return R_("None recorded");
}

/* The label of a single-choice value, or "Not recorded". */
const char *
crepitus_report_choice_label (CrepitusList list,
              int          value)
{
  const char *label = crepitus_catalog_label (list, crepitus_choice_to_key (list, value));

  return label != NULL ? label : crepitus_report_not_recorded ();
}

/* The labels of the keys of @list recorded, separated by semicolons (labels hold commas), or
 * %NULL when none is. */
char *
crepitus_report_join_labels (CrepitusAssessment *assessment,
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

char *
crepitus_report_patient_name (CrepitusPatient *patient)
{
  const char *given = patient != NULL ? crepitus_patient_get_given_name (patient) : NULL;
  const char *family = patient != NULL ? crepitus_patient_get_family_name (patient) : NULL;

  if (crepitus_report_is_set (given) && crepitus_report_is_set (family))
    /* Translators: a patient's name: %1$s is the given name, %2$s the family name */
    return g_strdup_printf (R_("%1$s %2$s"), given, family);
  if (crepitus_report_is_set (family))
    return g_strdup (family);
  if (crepitus_report_is_set (given))
    return g_strdup (given);
  return g_strdup (R_("Unnamed patient"));
}

static gboolean
is_recommended (const CrepitusTriage *triage,
                const char           *recommendation)
{
  return g_strv_contains ((const char * const *) triage->recommendations, recommendation);
}

/* The triage's recommendations in catalog order, which puts what to do first (emergency care
 * before imaging); the triage itself sorts them by key. */
GPtrArray *
crepitus_report_recommendations_in_order (const CrepitusTriage *triage)
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

  if (crepitus_report_is_set (options->clinic_address))
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
  if (crepitus_report_is_set (options->clinic_phone))
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: %s is the clinic's phone number */
      g_string_append_printf (text, R_("Phone %s"), options->clinic_phone);
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

  if (crepitus_report_is_set (mrn))
    /* Translators: %s is the patient's medical record number */
    g_ptr_array_add (parts, g_strdup_printf (R_("MRN %s"), mrn));
  if (crepitus_report_is_set (birth))
    {
      g_autofree char *shown = crepitus_locale_format_date (crepitus_locale_get_thread_default (),
                                                            birth);

      /* Translators: %s is the birth date, in the numeric format of YYYY-MM-DD */
      g_ptr_array_add (parts, g_strdup_printf (R_("Born %s"), shown));
    }
  if (crepitus_report_is_set (date))
    {
      g_autofree char *shown = crepitus_locale_format_date (crepitus_locale_get_thread_default (),
                                                            date);

      /* Translators: %s is the date of the assessment, in the numeric format of YYYY-MM-DD */
      g_ptr_array_add (parts, g_strdup_printf (R_("Assessed %s"), shown));
    }
  if (crepitus_report_is_set (clinician))
    /* Translators: %s is the clinician's name */
    g_ptr_array_add (parts, g_strdup_printf (R_("Clinician %s"), clinician));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
draw_page_header (CrepitusPdfLayout *layout,
                  guint              page_number,
                  gpointer           user_data)
{
  Report *report = user_data;

  /* At emergency and urgent the handout's level box comes before anything else: the level,
   * then what to do now in the largest text on the page (CLINICAL.md §5). */
  if (page_number == 1 && report->banner_title != NULL)
    {
      crepitus_pdf_layout_begin_box (layout, report->triage->level == CREPITUS_LEVEL_EMERGENCY ?
                                             CREPITUS_PDF_BOX_ALERT : CREPITUS_PDF_BOX_WARNING);
      crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BANNER, report->banner_title);
      crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_ACTION, report->banner_text);
      crepitus_pdf_layout_end_box (layout);
    }

  if (report->logo != NULL)
    crepitus_pdf_layout_image (layout, report->logo, LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT);
  if (report->clinic_name != NULL)
    crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SUBHEADING, report->clinic_name);
  if (report->clinic_contact != NULL)
    crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SMALL, report->clinic_contact);
  if (report->clinic_name != NULL || report->clinic_contact != NULL || report->logo != NULL)
    crepitus_pdf_layout_rule (layout, 0);
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_STRONG, report->patient_name);
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_SMALL, report->patient_details);
  crepitus_pdf_layout_rule (layout, 0);
  crepitus_pdf_layout_space (layout, 6);
}

/* The clinic logo */

static GBytes *
logo_error (GError     **error,
            const char  *path,
            const char  *reason)
{
  g_set_error (error, CREPITUS_REPORT_ERROR, CREPITUS_REPORT_ERROR_LOGO,
               /* Translators: %1$s is the logo's file, %2$s what is wrong with it */
               _("%1$s: the clinic logo cannot be used: %2$s"), path, reason);
  return NULL;
}

GBytes *
crepitus_report_logo_load (const char  *path,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) normal = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  /* Looked at before it is read: a huge file is refused without loading it. */
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      return logo_error (error, path, saved_errno == ENOENT ? _("there is no such file")
                                                            : g_strerror (saved_errno));
    }
  if (!S_ISREG (st.st_mode))
    return logo_error (error, path, _("it is not a file"));
  if (st.st_size > CREPITUS_REPORT_LOGO_MAX_BYTES)
    return logo_error (error, path, _("the file is larger than 2 MB; save the logo smaller"));
  if (g_access (path, R_OK) != 0)
    {
      int saved_errno = errno;

      return logo_error (error, path, g_strerror (saved_errno));
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    return logo_error (error, path, local_error->message);
  if (length > CREPITUS_REPORT_LOGO_MAX_BYTES)
    return logo_error (error, path, _("the file is larger than 2 MB; save the logo smaller"));

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  /* Kept at 300 pixels an inch of the box it is drawn in: a large logo costs each report
   * nothing more. */
  normal = crepitus_pdf_png_normalize (bytes, LOGO_MAX_WIDTH * 300 / 72, LOGO_MAX_HEIGHT * 300 / 72,
                                       NULL, NULL, &local_error);
  if (normal == NULL)
    return logo_error (error, path, local_error->message);
  return g_steal_pointer (&normal);
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

/* A report goes to a regular file or a new name, never over a device, a FIFO, a folder or a
 * terminal (renaming over /dev/stdout would replace the device node itself). */
static gboolean
check_output (const char  *path,
              GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || S_ISREG (st.st_mode))
    return TRUE;
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               /* Translators: %s is where a report was to be written */
               _("%s: could not write the report: not a regular file; give the name of a new "
                 "or existing PDF file"), path);
  return FALSE;
}

/* @bytes in a new temporary file in @dir named after @base, fsync'ed, readable by its owner
 * only; returns its path, or %NULL with @error about @path (what the report was to be). */
static char *
write_temp (const char  *dir,
            const char  *base,
            const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  g_autofree char *temp = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  int fd, saved_errno;

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return NULL;
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
  return g_steal_pointer (&temp);

fail:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  set_write_error (error, path, saved_errno);
  return NULL;
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
  g_autofree char *temp = write_temp (dir, base, path, bytes, error);
  int saved_errno;

  if (temp == NULL)
    return FALSE;
  /* Again at the last moment: the name may have become something else meanwhile. */
  if (!check_output (path, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, path) == 0)
    return TRUE;
  saved_errno = errno;
  g_unlink (temp);
  set_write_error (error, path, saved_errno);
  return FALSE;
}

/* Gives the complete file @temp the name @path unless @path exists (then FALSE with errno
 * EEXIST): renameat2's RENAME_NOREPLACE, or a hard link where the file system lacks it. */
static gboolean
place_new (const char *temp,
           const char *path)
{
  if (renameat2 (AT_FDCWD, temp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
    return TRUE;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return FALSE;
  if (link (temp, path) != 0)
    return FALSE;
  g_unlink (temp);
  return TRUE;
}

/* A name for a file: what a file system or a file manager would stumble on becomes a space
 * or goes (separators, control characters, a leading dot), and it stays a sensible length. */
static char *
file_name_part (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0' && n < 80; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c) || g_unichar_isspace (c))
        c = ' ';
      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      if (c == '.' && out->len == 0)
        continue;
      g_string_append_unichar (out, c);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
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

/* What a report holds for one layout: a second layout starts from nothing. */
static void
report_clear_layout (Report *report)
{
  g_clear_pointer (&report->clinic_name, g_free);
  g_clear_pointer (&report->clinic_contact, g_free);
  g_clear_pointer (&report->patient_name, g_free);
  g_clear_pointer (&report->patient_details, g_free);
  g_clear_pointer (&report->banner_title, g_free);
  g_clear_pointer (&report->banner_text, g_free);
  report->logo = NULL;   /* freed with its document */
  g_clear_pointer (&report->layout, crepitus_pdf_layout_free);
}

static void
report_clear (Report *report)
{
  report_clear_layout (report);
  g_clear_pointer (&report->triage, crepitus_triage_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Report, report_clear)

static void
report_prepare_header (Report *report)
{
  CrepitusPdfLayout *layout = report->layout;
  const CrepitusReportOptions *options = report->options;
  g_autofree char *full_contact = clinic_contact (options);
  g_autofree char *full_name = crepitus_report_patient_name (report->patient);
  g_autofree char *full_details = patient_details (report);
  /* A third as long when the clinician summary needs the room for its red-flag screen. */
  glong scale = report->short_header ? 3 : 1;
  g_autofree char *contact = full_contact != NULL ? header_text (full_contact, 300 / scale) : NULL;
  g_autofree char *name = header_text (full_name, 150 / scale);
  g_autofree char *details = header_text (full_details, 300 / scale);
  CrepitusLevel level = report->triage->level;

  if (crepitus_report_is_set (options->clinic_name))
    {
      g_autofree char *clinic = header_text (options->clinic_name, 150 / scale);

      report->clinic_name = crepitus_pdf_layout_sanitize (layout, CREPITUS_PDF_STYLE_SUBHEADING,
                                                          clinic);
    }
  if (contact != NULL)
    report->clinic_contact = crepitus_pdf_layout_sanitize (layout, CREPITUS_PDF_STYLE_SMALL,
                                                           contact);
  if (options->clinic_logo != NULL)
    {
      /* A logo not checked with crepitus_report_logo_load() that turns out unusable is left
       * out rather than costing the patient the report. */
      report->logo = crepitus_pdf_layout_load_png (layout, options->clinic_logo, NULL);
      report->logo_left_out = report->logo == NULL;
    }
  report->patient_name = crepitus_pdf_layout_sanitize (layout, CREPITUS_PDF_STYLE_STRONG, name);
  report->patient_details = crepitus_pdf_layout_sanitize (layout, CREPITUS_PDF_STYLE_SMALL,
                                                          details);

  if (options->audience == CREPITUS_REPORT_PATIENT && level == CREPITUS_LEVEL_EMERGENCY)
    {
      g_autofree char *number = crepitus_report_emergency_number (options);

      report->banner_title = g_strdup (crepitus_catalog_level_patient_name ("emergency"));
      report->banner_text = crepitus_catalog_emergency_action (number);
    }
  else if (options->audience == CREPITUS_REPORT_PATIENT && level == CREPITUS_LEVEL_URGENT)
    {
      report->banner_title = g_strdup (crepitus_catalog_level_patient_name ("urgent"));
      report->banner_text = g_strdup (crepitus_triage_recommendation_text ("urgent-medical-review",
                                                                           level));
    }
}

char *
crepitus_report_emergency_number (const CrepitusReportOptions *options)
{
  g_autofree char *number = NULL;

  if (!crepitus_report_is_set (options->emergency_number))
    return NULL;
  /* A number, cut short if a whole sentence was typed: it stands in the largest text. */
  number = g_strstrip (g_strdup (options->emergency_number));
  return header_text (number, 40);
}

/* Starts @report's document on the paper of its options, with its information and page
 * header. */
static gboolean
report_begin (Report     *report,
              const char *title,
              const char *subject,
              GDateTime  *created,
              GError    **error)
{
  const CrepitusReportOptions *options = report->options;
  const char *author;

  if (options->paper == CREPITUS_REPORT_PAPER_LETTER)
    report->layout = crepitus_pdf_layout_new (LETTER_WIDTH, LETTER_HEIGHT, error);
  else
    report->layout = crepitus_pdf_layout_new (A4_WIDTH, A4_HEIGHT, error);
  if (report->layout == NULL)
    return FALSE;

  report_prepare_header (report);
  crepitus_pdf_layout_set_page_func (report->layout, draw_page_header, report);
  author = crepitus_report_is_set (options->clinic_name) ? options->clinic_name :
           crepitus_assessment_get_clinician (report->assessment);
  crepitus_pdf_layout_set_info (report->layout, title, author, subject,
                                "Crepitus " PACKAGE_VERSION, created);
  return TRUE;
}

/* The PDF of the report on @assessment, written while its language is this thread's. */
static GBytes *
report_make_in_language (CrepitusAssessment          *assessment,
             const CrepitusReportOptions *options,
             const char                  *where,
             CrepitusReportStats         *stats_out,
             GError                     **error)
{
  g_auto(Report) report = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *shown_date = NULL;
  gboolean patient;

  patient = options->audience == CREPITUS_REPORT_PATIENT;
  report.assessment = assessment;
  report.patient = crepitus_assessment_get_patient (assessment);
  report.options = options;
  report.triage = crepitus_triage_compute (assessment);

  name = crepitus_report_patient_name (report.patient);
  /* Translators: the PDF's title; %s is the patient's name */
  title = g_strdup_printf (patient ? R_("Patient handout: %s") : R_("Clinician summary: %s"), name);
  shown_date = crepitus_locale_format_date (crepitus_locale_get_thread_default (),
                                            crepitus_assessment_get_date (assessment));
  /* Translators: the PDF's subject; %s is the date of the assessment */
  subject = g_strdup_printf (R_("Lower back popping on leg movement, assessment of %s"),
                             shown_date);
  created = creation_date ();

  if (!report_begin (&report, title, subject, created, error))
    {
      g_prefix_error (error, "%s: ", where);
      return NULL;
    }

  if (patient)
    {
      /* The safety net never leaves page 1: when what comes before it in the order of
       * CLINICAL.md §5 would push it over, the handout is laid out again with the safety net
       * straight after the result, and the rest after it. */
      if (!crepitus_report_write_handout (&report, FALSE))
        {
          report_clear_layout (&report);
          if (!report_begin (&report, title, subject, created, error))
            {
              g_prefix_error (error, "%s: ", where);
              return NULL;
            }
          crepitus_report_write_handout (&report, TRUE);
        }
      /* Translators: the page footer; %s is the patient's name */
      footer = g_strdup_printf (R_("%s · Patient handout"), name);
    }
  else
    {
      g_autofree char *status = crepitus_report_status_line (assessment);

      /* The red-flag screen never leaves page 1 (CLINICAL.md §5): when what comes before it
       * would push it over, the letter is laid out again, each way of CrepitusSummaryFit in
       * turn, each more compact than the one before. */
      for (CrepitusSummaryFit fit = CREPITUS_SUMMARY_ROOMY;
           !crepitus_report_write_summary (&report, fit) && fit + 1 < CREPITUS_SUMMARY_N_FITS;
           fit++)
        {
          report_clear_layout (&report);
          report.short_header = fit + 1 >= CREPITUS_SUMMARY_HEADER_SHORT;
          if (!report_begin (&report, title, subject, created, error))
            {
              g_prefix_error (error, "%s: ", where);
              return NULL;
            }
        }
      /* Translators: the page footer; %1$s is the patient's name, %2$s the record's status,
       * e.g. "Not signed" */
      footer = g_strdup_printf (R_("%1$s · Clinician summary · %2$s"), name, status);
    }

  if (!crepitus_pdf_layout_finish (report.layout, footer, error) ||
      (bytes = crepitus_pdf_layout_save (report.layout, error)) == NULL)
    {
      g_prefix_error (error, "%s: ", where);
      return NULL;
    }

  if (stats_out != NULL)
    {
      stats_out->pages = crepitus_pdf_layout_get_n_pages (report.layout);
      stats_out->substituted = crepitus_pdf_layout_get_n_substituted (report.layout);
      stats_out->logo_left_out = report.logo_left_out;
    }
  return g_steal_pointer (&bytes);
}

/* The PDF of the report on @assessment; messages start with @where (the file it is for).
 * Everything it puts on paper is in the report's language, whatever the UI's: the catalog
 * and R_() ask this thread's CrepitusLocale while it is written. */
static GBytes *
report_make (CrepitusAssessment          *assessment,
             const CrepitusReportOptions *options,
             const char                  *where,
             CrepitusReportStats         *stats_out,
             GError                     **error)
{
  g_autoptr(GError) local_error = NULL;
  CrepitusLocale *locale, *previous;
  GBytes *bytes;

  locale = crepitus_locale_get (options->language != NULL ? options->language : "en",
                                &local_error);
  if (locale == NULL)
    {
      g_set_error (error, CREPITUS_REPORT_ERROR, CREPITUS_REPORT_ERROR_LANGUAGE,
                   "%s: %s", where, local_error->message);
      return NULL;
    }
  previous = crepitus_locale_set_thread_default (locale);
  bytes = report_make_in_language (assessment, options, where, stats_out, error);
  crepitus_locale_set_thread_default (previous);
  return bytes;
}

gboolean
crepitus_report_write (CrepitusAssessment          *assessment,
                       const CrepitusReportOptions *options,
                       const char                  *path,
                       CrepitusReportStats         *stats_out,
                       GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  CrepitusReportStats stats = { 0 };

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_output (path, error))
    return FALSE;
  bytes = report_make (assessment, options, path, &stats, error);
  if (bytes == NULL || !write_file (path, bytes, error))
    return FALSE;
  if (stats_out != NULL)
    *stats_out = stats;
  return TRUE;
}

char *
crepitus_report_file_stem (CrepitusAssessment          *assessment,
                           const CrepitusReportOptions *options)
{
  CrepitusPatient *patient = crepitus_assessment_get_patient (assessment);
  g_autofree char *name = crepitus_report_patient_name (patient);
  g_autofree char *name_part = file_name_part (name);
  const char *date = crepitus_assessment_get_date (assessment);
  g_autofree char *today = NULL;

  if (!crepitus_report_is_set (date))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = today = g_date_time_format (now, "%Y-%m-%d");
    }
  if (*name_part == '\0')
    {
      g_free (name_part);
      name_part = g_strdup (_("Unnamed patient"));
    }
  if (options->audience == CREPITUS_REPORT_CLINICIAN)
    /* Translators: the file name of a clinician summary, without “.pdf”: %1$s is the
     * patient's name, %2$s the date of the assessment, YYYY-MM-DD */
    return g_strdup_printf (_("%1$s %2$s summary"), name_part, date);
  /* Translators: the file name of a patient handout, without “.pdf”: %1$s is the patient's
   * name, %2$s the date of the assessment, YYYY-MM-DD */
  return g_strdup_printf (_("%1$s %2$s"), name_part, date);
}

/* The folder that reports go to when the report-folder setting is empty: Documents/Crepitus. */
char *
crepitus_report_default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_strcmp0 (documents, g_get_home_dir ()) != 0)
    return g_build_filename (documents, "Crepitus", NULL);
  return g_build_filename (g_get_home_dir (), "Documents", "Crepitus", NULL);
}

gboolean
crepitus_report_write_new (CrepitusAssessment          *assessment,
                           const CrepitusReportOptions *options,
                           const char                  *folder,
                           char                       **path_out,
                           CrepitusReportStats         *stats_out,
                           GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *first = NULL;
  g_autofree char *temp = NULL;
  CrepitusReportStats stats = { 0 };
  int saved_errno;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stem = crepitus_report_file_stem (assessment, options);
  first = g_strdup_printf ("%s%s%s.pdf", folder, G_DIR_SEPARATOR_S, stem);

  /* Only the person's own folder: reports hold health data. */
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %1$s is a folder, %2$s the system's reason */
                   _("%1$s: could not make the folder for reports: %2$s"), folder,
                   g_strerror (saved_errno));
      return FALSE;
    }

  bytes = report_make (assessment, options, first, &stats, error);
  if (bytes == NULL)
    return FALSE;
  temp = write_temp (folder, stem, first, bytes, error);
  if (temp == NULL)
    return FALSE;

  /* The first free name, "NAME DATE.pdf", then "NAME DATE (2).pdf", …: an earlier report
   * is never replaced. */
  for (guint n = 1; n < 10000; n++)
    {
      g_autofree char *path = n == 1 ? g_strdup (first) :
                              g_strdup_printf ("%s%s%s (%u).pdf", folder, G_DIR_SEPARATOR_S,
                                               stem, n);

      if (place_new (temp, path))
        {
          if (path_out != NULL)
            *path_out = g_steal_pointer (&path);
          if (stats_out != NULL)
            *stats_out = stats;
          return TRUE;
        }
      if (errno != EEXIST)
        {
          saved_errno = errno;
          g_unlink (temp);
          set_write_error (error, path, saved_errno);
          return FALSE;
        }
    }
  g_unlink (temp);
  set_write_error (error, first, EEXIST);
  return FALSE;
}

CrepitusAssessment *
crepitus_report_snapshot (CrepitusAssessment  *assessment,
                          GError             **error)
{
  g_autofree char *json = NULL;
  CrepitusAssessment *copy;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), NULL);

  /* The interchange format holds everything a report reads but where the record stands. */
  json = crepitus_json_write (assessment);
  copy = crepitus_json_read (json, strlen (json), error);
  if (copy == NULL)
    return NULL;
  crepitus_assessment_set_signed_by (copy, crepitus_assessment_get_signed_by (assessment));
  crepitus_assessment_set_signed_at (copy, crepitus_assessment_get_signed_at (assessment));
  crepitus_assessment_set_superseded_by (copy, crepitus_assessment_get_superseded_by (assessment));
  crepitus_assessment_set_amends (copy, crepitus_assessment_get_amends (assessment));
  crepitus_assessment_set_entered_in_error (copy,
                                            crepitus_assessment_get_entered_in_error (assessment));
  return copy;
}
