/* crepitus-report.h — the PDF patient handout and clinician summary (libharu) */
#pragma once

#include "crepitus-assessment.h"
#include "crepitus-history.h"

G_BEGIN_DECLS

#define CREPITUS_REPORT_ERROR (crepitus_report_error_quark ())

typedef enum
{
  CREPITUS_REPORT_ERROR_LANGUAGE,   /* a language not shipped, or its catalog not installed */
  CREPITUS_REPORT_ERROR_FAILED,     /* the PDF could not be made (fonts, libharu) */
  CREPITUS_REPORT_ERROR_LOGO,       /* the clinic logo is missing, too large or not a PNG */
} CrepitusReportError;

/* Who the report is for. */
typedef enum
{
  CREPITUS_REPORT_PATIENT,     /* the handout the patient takes home */
  CREPITUS_REPORT_CLINICIAN,   /* the clinician summary (referral letter) */
} CrepitusReportAudience;

typedef enum
{
  CREPITUS_REPORT_PAPER_A4,
  CREPITUS_REPORT_PAPER_LETTER,
} CrepitusReportPaper;

typedef struct
{
  CrepitusReportAudience  audience;
  CrepitusReportPaper     paper;
  const char             *language;         /* a shipped language (crepitus-locale.h); %NULL:
                                             * "en" */
  const char             *clinic_name;      /* each may be %NULL or empty: then left out */
  const char             *clinic_address;
  const char             *clinic_phone;
  const char             *emergency_number; /* the handout's number to call; %NULL or empty:
                                             * "emergency services" */
  GBytes                 *clinic_logo;      /* a PNG from crepitus_report_logo_load(), drawn
                                             * in the page header; %NULL: none */
  const CrepitusHistory  *history;          /* the patient's visits, charted in the clinician
                                             * summary from two visits on; may be %NULL */
} CrepitusReportOptions;

/* The largest clinic logo file, in bytes. */
#define CREPITUS_REPORT_LOGO_MAX_BYTES (2 * 1024 * 1024)

typedef struct
{
  guint pages;
  guint substituted;   /* characters the fonts lack, drawn as a visible substitute */
  gboolean logo_left_out;  /* the options' logo could not be drawn (not checked first) */
} CrepitusReportStats;

/* The domain of CrepitusReportError. */
GQuark   crepitus_report_error_quark         (void);

/* Parses "patient" or "clinician". */
gboolean crepitus_report_audience_from_string (const char             *text,
                                               CrepitusReportAudience *audience);

/* Parses "a4" or "letter" (the values of the paper-size setting). */
gboolean crepitus_report_paper_from_string   (const char             *text,
                                               CrepitusReportPaper    *paper);

/* Whether reports can be written in @language: English and po/LINGUAS (%NULL: English). */
gboolean crepitus_report_language_available  (const char             *language);

/* Reads the clinic logo at @path and checks that a report can draw it: a PNG of at most
 * CREPITUS_REPORT_LOGO_MAX_BYTES and 4000 pixels a side that decodes whole. Returns it as the
 * report will draw it (on white, as plain RGB). The error, in the domain
 * CREPITUS_REPORT_ERROR, starts with @path and says what is wrong. */
GBytes  *crepitus_report_logo_load           (const char             *path,
                                              GError                **error);
/* The language a report is written in when none is asked for (DESIGN.md): @patient_language,
 * else @default_language (the setting), else "en" — the first that reports are available in. */
const char *crepitus_report_choose_language  (const char             *patient_language,
                                              const char             *default_language);

/* Writes the report on @assessment to @path: through a temporary file in the same folder,
 * mode 0600, renamed into place; on error nothing is left behind and the message starts
 * with @path. The creation date is $SOURCE_DATE_EPOCH when set, so that the same input gives
 * the same bytes. @stats_out (may be %NULL) receives the number of pages and substitutions. */
gboolean crepitus_report_write               (CrepitusAssessment          *assessment,
                                              const CrepitusReportOptions *options,
                                              const char                  *path,
                                              CrepitusReportStats         *stats_out,
                                              GError                     **error);

/* The name a report on @assessment is saved under, without ".pdf": the patient's name and
 * the assessment's date (today when it has none), made safe for a file name. */
char     *crepitus_report_file_stem          (CrepitusAssessment          *assessment,
                                              const CrepitusReportOptions *options);

/* Where reports go when the report-folder setting is empty: ~/Documents/Crepitus. */
char     *crepitus_report_default_folder     (void);

/* Writes the report on @assessment as a new file in @folder (made, 0700, when missing), named
 * by crepitus_report_file_stem() — "NAME DATE.pdf", else "NAME DATE (2).pdf" and so on: an
 * earlier file is never replaced. The file appears whole or not at all. @path_out receives
 * its path. Safe in any thread for an @assessment no other thread touches. */
gboolean  crepitus_report_write_new          (CrepitusAssessment          *assessment,
                                              const CrepitusReportOptions *options,
                                              const char                  *folder,
                                              char                       **path_out,
                                              CrepitusReportStats         *stats_out,
                                              GError                     **error);

/* A copy of @assessment with everything a report reads, for making the report in another
 * thread while the window goes on editing the original. */
CrepitusAssessment *crepitus_report_snapshot (CrepitusAssessment  *assessment,
                                              GError             **error);

G_END_DECLS
