/* crepitus-report-actions.h — the Summary page's reports: handout and summary as PDF */
#pragma once

#include <adwaita.h>

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_REPORT_ACTIONS (crepitus_report_actions_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusReportActions, crepitus_report_actions, CREPITUS, REPORT_ACTIONS,
                      AdwPreferencesGroup)

GtkWidget          *crepitus_report_actions_new            (void);

CrepitusAssessment *crepitus_report_actions_get_assessment (CrepitusReportActions *self);
void                crepitus_report_actions_set_assessment (CrepitusReportActions *self,
                                                            CrepitusAssessment    *assessment);

/* Whether a report is being made (in a worker thread). */
gboolean            crepitus_report_actions_get_busy       (CrepitusReportActions *self);

/* The path of the last report made here, or %NULL. */
const char         *crepitus_report_actions_get_last_path  (CrepitusReportActions *self);

G_END_DECLS
