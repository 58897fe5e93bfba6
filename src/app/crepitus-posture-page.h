/* crepitus-posture-page.h — the posture and alignment notes of one assessment (CLINICAL.md §3) */
#pragma once

#include <adwaita.h>

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_POSTURE_PAGE (crepitus_posture_page_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusPosturePage, crepitus_posture_page, CREPITUS, POSTURE_PAGE, AdwBin)

CrepitusAssessment *crepitus_posture_page_get_assessment (CrepitusPosturePage *self);
/* Shows and edits the posture of @assessment. */
void                crepitus_posture_page_set_assessment (CrepitusPosturePage *self,
                                                          CrepitusAssessment  *assessment);

G_END_DECLS
