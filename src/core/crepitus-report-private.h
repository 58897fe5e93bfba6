/* crepitus-report-private.h — what the report's files share
 *
 * crepitus-report.c sets a report up (options, page header, document, file);
 * crepitus-report-handout.c writes the patient handout and crepitus-report-summary.c the
 * clinician summary, from the catalog's and the triage's words.
 */
#pragma once

#include "crepitus-locale.h"
#include "crepitus-pdf-layout.h"
#include "crepitus-report.h"
#include "crepitus-triage.h"

G_BEGIN_DECLS

typedef struct
{
  CrepitusAssessment          *assessment;
  CrepitusPatient             *patient;       /* may be NULL */
  const CrepitusReportOptions *options;
  CrepitusTriage              *triage;
  CrepitusPdfLayout           *layout;        /* owned */

  /* Drawn on every page: sanitised once, so that a substitution in them counts once. */
  char                        *clinic_name;
  char                        *clinic_contact;
  char                        *patient_name;
  char                        *patient_details;
  char                        *banner_title;  /* the handout's first words at emergency, urgent */
  char                        *banner_text;
  CrepitusPdfImage            *logo;          /* the clinic's, in the layout's document */
  gboolean                     logo_left_out;
  gboolean                     short_header;  /* the page header's lines cut to a third */
} Report;

/* crepitus-report.c */

/* Whether @text holds anything but white space. */
gboolean     crepitus_report_is_set          (const char          *text);
/* "Not recorded", translated. */
const char  *crepitus_report_not_recorded    (void);
/* "None recorded", translated. */
const char  *crepitus_report_none_recorded   (void);
/* The label of a single-choice value, or "Not recorded". */
const char  *crepitus_report_choice_label    (CrepitusList         list,
                                              int                  value);
/* The labels of the keys of @list recorded, separated by semicolons, or %NULL when none is. */
char        *crepitus_report_join_labels     (CrepitusAssessment  *assessment,
                                              CrepitusList         list);
/* The patient's name as printed (a new string). */
char        *crepitus_report_patient_name    (CrepitusPatient     *patient);
/* The triage's recommendations in catalog order (keys, not owned). */
GPtrArray   *crepitus_report_recommendations_in_order (const CrepitusTriage *triage);
/* The emergency number of @options as printed, or %NULL when none is set (a new string). */
char        *crepitus_report_emergency_number (const CrepitusReportOptions *options);

/* crepitus-report-handout.c */

/* Writes the patient handout on @report's layout; with @safety_net_early, the safety net
 * comes straight after the result. Returns whether the safety net is on page 1. */
gboolean     crepitus_report_write_handout   (Report              *report,
                                              gboolean             safety_net_early);

/* crepitus-report-summary.c */

/* How the clinician summary makes room for its red-flag screen on page 1, each way tried in
 * turn until the screen fits: what yields, and what never does (the reasons' words). */
typedef enum
{
  CREPITUS_SUMMARY_ROOMY,            /* a reason a line, their sources, then the screen */
  CREPITUS_SUMMARY_SOURCES_LATE,     /* the sources after the screen */
  CREPITUS_SUMMARY_SCREEN_COMPACT,   /* and the screen's table in smaller, tighter type */
  CREPITUS_SUMMARY_REASONS_RUN_IN,   /* and the reasons run on in one paragraph */
  CREPITUS_SUMMARY_HEADER_SHORT,     /* and the page header's long lines cut shorter */
  CREPITUS_SUMMARY_N_FITS
} CrepitusSummaryFit;

/* Writes the clinician summary on @report's layout, laid out as @fit says. Returns whether
 * the red-flag screen is whole on page 1. */
gboolean     crepitus_report_write_summary   (Report              *report,
                                              CrepitusSummaryFit   fit);
/* Where the record stands, on one line: "Signed by NAME on DATE", "Not signed", with
 * "Amends assessment N" and "Superseded by assessment N" (a new string). */
char        *crepitus_report_status_line     (CrepitusAssessment  *assessment);

G_END_DECLS
