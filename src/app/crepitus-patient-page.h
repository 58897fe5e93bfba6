/* crepitus-patient-page.h — a patient’s details, editable in place, assessments and history */
#pragma once

#include <adwaita.h>

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_PATIENT_PAGE (crepitus_patient_page_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusPatientPage, crepitus_patient_page, CREPITUS, PATIENT_PAGE, AdwBin)

CrepitusPatient *crepitus_patient_page_get_patient     (CrepitusPatientPage *self);
/* Shows and edits @patient (the model; the store autosaves what the page sets on it). */
void             crepitus_patient_page_set_patient     (CrepitusPatientPage *self,
                                                        CrepitusPatient     *patient);
GListModel      *crepitus_patient_page_get_assessments (CrepitusPatientPage *self);
/* Lists @assessments (CrepitusAssessment, by date). */
void             crepitus_patient_page_set_assessments (CrepitusPatientPage *self,
                                                        GListModel          *assessments);

G_END_DECLS
