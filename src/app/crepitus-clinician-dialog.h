/* crepitus-clinician-dialog.h — asks the clinician's name (GSettings clinician-name) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CREPITUS_TYPE_CLINICIAN_DIALOG (crepitus_clinician_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusClinicianDialog, crepitus_clinician_dialog, CREPITUS,
                      CLINICIAN_DIALOG, AdwMessageDialog)

/* A dialog over @parent that saves the name typed into @settings' clinician-name. */
CrepitusClinicianDialog *crepitus_clinician_dialog_new      (GtkWindow               *parent,
                                                             GSettings               *settings);

/* The entry where the name is typed. */
GtkEditable             *crepitus_clinician_dialog_get_entry (CrepitusClinicianDialog *self);

G_END_DECLS
