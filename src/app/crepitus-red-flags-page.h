/* crepitus-red-flags-page.h — the red-flag screen of one assessment (CLINICAL.md §1, §4) */
#pragma once

#include <adwaita.h>

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_RED_FLAGS_PAGE (crepitus_red_flags_page_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusRedFlagsPage, crepitus_red_flags_page, CREPITUS, RED_FLAGS_PAGE, AdwBin)

CrepitusAssessment *crepitus_red_flags_page_get_assessment (CrepitusRedFlagsPage *self);
/* Shows and edits the red-flag screen of @assessment. */
void                crepitus_red_flags_page_set_assessment (CrepitusRedFlagsPage *self,
                                                            CrepitusAssessment   *assessment);

G_END_DECLS
