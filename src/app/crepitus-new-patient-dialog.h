/* crepitus-new-patient-dialog.h — asks the details of a new patient, validated on the field */
#pragma once

#include <adwaita.h>

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_NEW_PATIENT_DIALOG (crepitus_new_patient_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusNewPatientDialog, crepitus_new_patient_dialog, CREPITUS,
                      NEW_PATIENT_DIALOG, AdwWindow)

/* A new dialog over @parent; it emits ::create with the patient when the clinician confirms. */
CrepitusNewPatientDialog *crepitus_new_patient_dialog_new         (GtkWindow                *parent);

/* The patient the fields describe now, or %NULL when a field is invalid. */
CrepitusPatient          *crepitus_new_patient_dialog_dup_patient (CrepitusNewPatientDialog *self);

G_END_DECLS
