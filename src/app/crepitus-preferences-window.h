/* crepitus-preferences-window.h — the settings a person sets, each applied as it changes */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CREPITUS_TYPE_PREFERENCES_WINDOW (crepitus_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusPreferencesWindow, crepitus_preferences_window, CREPITUS,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A preferences window over @parent editing @settings (the application's schema). */
CrepitusPreferencesWindow *crepitus_preferences_window_new (GtkWindow *parent,
                                                            GSettings *settings);

/* The file chooser the Logo or Report Folder row opened and that is waiting for an answer,
 * or %NULL: for tests, which answer it with a "response" signal. */
GtkNativeDialog           *crepitus_preferences_window_get_chooser (CrepitusPreferencesWindow *self);

G_END_DECLS
