/* bench-bare-window.c — the yardstick of bench-startup: an AdwApplication that opens an empty
 * AdwApplicationWindow of Crepitus's default size, and nothing else */
#include "config.h"

#include <adwaita.h>

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Crepitus");
  /* The default of the window-width and window-height settings. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  /* Like `crepitus --db PATH`: an instance of its own. */
  app = adw_application_new ("org.crepitus.BenchBareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
