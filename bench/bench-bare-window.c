/* bench-bare-window.c — the yardstick of bench-startup: an AdwApplication that opens an empty
 * AdwApplicationWindow of Crepitus's default size, and nothing else; with --header, the least
 * a usable window draws: a header bar with a title, and a line of text */
#include "config.h"

#include <adwaita.h>

static gboolean with_header;

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Crepitus");
  if (with_header)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *header = adw_header_bar_new ();
      GtkWidget *label = gtk_label_new ("Opening the database…");

      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                       adw_window_title_new ("Patients", NULL));
      gtk_box_append (GTK_BOX (box), header);
      gtk_widget_set_vexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
    }
  /* The default of the window-width and window-height settings. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  with_header = argc > 1 && g_str_equal (argv[1], "--header");
  /* Like `crepitus --db PATH`: an instance of its own. */
  app = adw_application_new ("org.crepitus.BenchBareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
