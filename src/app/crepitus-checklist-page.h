/* crepitus-checklist-page.h — the eight-factor checklist of one assessment (CLINICAL.md §2) */
#pragma once

#include <adwaita.h>

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_CHECKLIST_PAGE (crepitus_checklist_page_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusChecklistPage, crepitus_checklist_page, CREPITUS, CHECKLIST_PAGE, AdwBin)

CrepitusAssessment *crepitus_checklist_page_get_assessment (CrepitusChecklistPage *self);
/* Shows and edits the factors of @assessment. */
void                crepitus_checklist_page_set_assessment (CrepitusChecklistPage *self,
                                                            CrepitusAssessment    *assessment);

G_END_DECLS
