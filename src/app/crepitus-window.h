/* crepitus-window.h — the main window */
#pragma once

#include <adwaita.h>

#include "crepitus-application.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_WINDOW (crepitus_window_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusWindow, crepitus_window, CREPITUS, WINDOW, AdwApplicationWindow)

/* A new main window of @application. */
CrepitusWindow *crepitus_window_new (CrepitusApplication *application);

G_END_DECLS
