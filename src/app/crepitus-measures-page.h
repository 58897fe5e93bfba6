/* crepitus-measures-page.h — the measures and examination tests of one assessment, scored
 * (CLINICAL.md §7) */
#pragma once

#include <adwaita.h>

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_MEASURES_PAGE (crepitus_measures_page_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusMeasuresPage, crepitus_measures_page, CREPITUS, MEASURES_PAGE, AdwBin)

CrepitusAssessment *crepitus_measures_page_get_assessment (CrepitusMeasuresPage *self);
/* Shows, scores and edits the measures of @assessment. */
void                crepitus_measures_page_set_assessment (CrepitusMeasuresPage *self,
                                                           CrepitusAssessment   *assessment);

G_END_DECLS
