/* crepitus-assessment-view.h — one assessment open: its pages, signing, amending */
#pragma once

#include <adwaita.h>

#include "crepitus-store.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_ASSESSMENT_VIEW (crepitus_assessment_view_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusAssessmentView, crepitus_assessment_view, CREPITUS, ASSESSMENT_VIEW, AdwBin)

CrepitusAssessment *crepitus_assessment_view_get_assessment (CrepitusAssessmentView *self);
/* Shows @assessment on its pages (the model; the store autosaves what they set on it). */
void                crepitus_assessment_view_set_assessment (CrepitusAssessmentView *self,
                                                             CrepitusAssessment     *assessment);
CrepitusStore      *crepitus_assessment_view_get_store      (CrepitusAssessmentView *self);
/* Signs, amends and marks through @store, as the clinician acting on it. */
void                crepitus_assessment_view_set_store      (CrepitusAssessmentView *self,
                                                             CrepitusStore          *store);
/* The page shown: "intake", "red-flags", "checklist", "posture" or "summary". */
const char         *crepitus_assessment_view_get_page       (CrepitusAssessmentView *self);
void                crepitus_assessment_view_set_page       (CrepitusAssessmentView *self,
                                                             const char             *page);

G_END_DECLS
