/* crepitus-window.h — the main window */
#pragma once

#include <adwaita.h>

#include "crepitus-application.h"
#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_WINDOW (crepitus_window_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusWindow, crepitus_window, CREPITUS, WINDOW, AdwApplicationWindow)

/* A new main window of @application. */
CrepitusWindow *crepitus_window_new              (CrepitusApplication *application);

/* Shows that the database could not be opened, and why, in place of the patients. */
void            crepitus_window_show_store_error (CrepitusWindow      *self,
                                                  const GError        *error);

/* The patient shown, or %NULL. */
CrepitusPatient *crepitus_window_get_patient (CrepitusWindow *self);

G_END_DECLS
