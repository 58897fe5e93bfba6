/* crepitus-summary-page.h — the live triage of one assessment (CLINICAL.md §4) */
#pragma once

#include <adwaita.h>

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_SUMMARY_PAGE (crepitus_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusSummaryPage, crepitus_summary_page, CREPITUS, SUMMARY_PAGE, AdwBin)

CrepitusAssessment *crepitus_summary_page_get_assessment (CrepitusSummaryPage *self);
/* Shows the triage of @assessment, following every edit. */
void                crepitus_summary_page_set_assessment (CrepitusSummaryPage *self,
                                                          CrepitusAssessment  *assessment);

G_END_DECLS
