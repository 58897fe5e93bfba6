/* crepitus-window-main.c — the entry point of the window module, loaded by `crepitus` */
#define G_LOG_DOMAIN "crepitus-window-main"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "crepitus-application.h"

/* Runs the application until its last window closes; returns the exit status. */
G_MODULE_EXPORT int crepitus_window_main (const char *argv0,
                                          const char *db_path,
                                          const char *clinician);

int
crepitus_window_main (const char *argv0,
                      const char *db_path,
                      const char *clinician)
{
  g_autoptr(CrepitusApplication) app = crepitus_application_new (db_path, clinician);
  char *args[] = { (char *) argv0, NULL };

  g_set_application_name (_("Crepitus"));
  return g_application_run (G_APPLICATION (app), 1, args);
}
