/* crepitus-intake-page.h — the intake of one assessment (CLINICAL.md §1) */
#pragma once

#include <adwaita.h>

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_INTAKE_PAGE (crepitus_intake_page_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusIntakePage, crepitus_intake_page, CREPITUS, INTAKE_PAGE, AdwBin)

CrepitusAssessment *crepitus_intake_page_get_assessment (CrepitusIntakePage *self);
/* Shows and edits @assessment (the model; the store autosaves what the page sets on it). */
void                crepitus_intake_page_set_assessment (CrepitusIntakePage *self,
                                                         CrepitusAssessment *assessment);

G_END_DECLS
