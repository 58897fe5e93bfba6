/* crepitus-patient.h — the patient (CLINICAL.md §6 "patient") */
#pragma once

#include <glib-object.h>

#include "crepitus-enums.h"

G_BEGIN_DECLS

/* The patient. */

#define CREPITUS_TYPE_PATIENT (crepitus_patient_get_type ())
G_DECLARE_FINAL_TYPE (CrepitusPatient, crepitus_patient, CREPITUS, PATIENT, GObject)

CrepitusPatient *crepitus_patient_new             (void);
gint64           crepitus_patient_get_id          (CrepitusPatient *self);
void             crepitus_patient_set_id          (CrepitusPatient *self,
                                                   gint64           id);
const char      *crepitus_patient_get_mrn         (CrepitusPatient *self);
void             crepitus_patient_set_mrn         (CrepitusPatient *self,
                                                   const char      *mrn);
const char      *crepitus_patient_get_family_name (CrepitusPatient *self);
void             crepitus_patient_set_family_name (CrepitusPatient *self,
                                                   const char      *family_name);
const char      *crepitus_patient_get_given_name  (CrepitusPatient *self);
void             crepitus_patient_set_given_name  (CrepitusPatient *self,
                                                   const char      *given_name);
const char      *crepitus_patient_get_birth_date  (CrepitusPatient *self);
void             crepitus_patient_set_birth_date  (CrepitusPatient *self,
                                                   const char      *birth_date);
CrepitusSex      crepitus_patient_get_sex         (CrepitusPatient *self);
void             crepitus_patient_set_sex         (CrepitusPatient *self,
                                                   CrepitusSex      sex);
const char      *crepitus_patient_get_language    (CrepitusPatient *self);
void             crepitus_patient_set_language    (CrepitusPatient *self,
                                                   const char      *language);
/* Age in whole years on @date (YYYY-MM-DD), or -1 when either date is not recorded. */
int              crepitus_patient_get_age_on      (CrepitusPatient *self,
                                                   const char      *date);

G_END_DECLS
