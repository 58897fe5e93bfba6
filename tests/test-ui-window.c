/* test-ui-window.c — the main window opens, shows the empty state and closes (Xvfb) */
#include "config.h"

#include <glib/gstdio.h>

#include "crepitus-application.h"
#include "crepitus-clinician-dialog.h"
#include "crepitus-window.h"
#include "crepitus-test-ui.h"
#include "crepitus-test-util.h"

typedef struct
{
  char                *tmpdir;
  CrepitusApplication *app;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  fixture->tmpdir = g_dir_make_tmp ("crepitus-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->tmpdir, "test.db", NULL);
  if (data != NULL)
    {
      /* A file that is not a database, where the database should be. */
      g_file_set_contents (db, data, -1, &error);
      g_assert_no_error (error);
    }

  fixture->app = crepitus_application_new (db, NULL);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->app);
  crepitus_test_flush ();
  crepitus_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static GtkWindow *
first_window (CrepitusApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  return windows != NULL ? windows->data : NULL;
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *window;
  AdwStatusPage *empty;

  /* The window comes first; the database is opened in a thread meanwhile, and the list says
   * so until it is open. */
  g_application_activate (G_APPLICATION (fixture->app));
  window = first_window (fixture->app);
  g_assert_true (CREPITUS_IS_WINDOW (window));
  g_assert_true (crepitus_application_get_store_opening (fixture->app));
  {
    GtkWidget *spinner = crepitus_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SPINNER);
    GtkWidget *stack = gtk_widget_get_ancestor (spinner, GTK_TYPE_STACK);

    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "loading");
  }
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));
  crepitus_test_wait_for (!crepitus_application_get_store_opening (fixture->app));
  g_assert_nonnull (crepitus_application_get_store (fixture->app));
  g_assert_null (crepitus_application_get_store_error (fixture->app));

  empty = crepitus_test_find_status_page (GTK_WIDGET (window), "No patients yet");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (empty)));

  /* A header bar with the primary menu. */
  {
    GtkWidget *menu_button = crepitus_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);

    g_assert_nonnull (crepitus_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
    g_assert_nonnull (menu_button);
    g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  }

  gtk_window_close (window);
  crepitus_test_wait_for (first_window (fixture->app) == NULL);
}

static void
test_store_error (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWindow *window;
  AdwStatusPage *page;
  const GError *error;

  /* The window still opens, and says why there are no patients. */
  g_application_activate (G_APPLICATION (fixture->app));
  window = first_window (fixture->app);
  g_assert_true (CREPITUS_IS_WINDOW (window));
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));
  crepitus_test_wait_for (!crepitus_application_get_store_opening (fixture->app));
  g_assert_null (crepitus_application_get_store (fixture->app));
  error = crepitus_application_get_store_error (fixture->app);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_A_DATABASE);

  page = crepitus_test_find_status_page (GTK_WIDGET (window), "The database cannot be opened");
  g_assert_nonnull (page);
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "test.db"));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "not a Crepitus database"));

  gtk_window_close (window);
  crepitus_test_wait_for (first_window (fixture->app) == NULL);
}

static void
test_ctrl_q_quits (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(GStrv) accels = NULL;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (fixture->app));
  window = first_window (fixture->app);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.quit");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>q");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  crepitus_test_wait_for (first_window (fixture->app) == NULL);
}

static void
test_first_start_asks_clinician (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.crepitus.Crepitus");
  CrepitusClinicianDialog *dialog;
  GtkWindow *window;

  g_settings_reset (settings, "clinician-name");
  g_application_activate (G_APPLICATION (fixture->app));
  window = first_window (fixture->app);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));

  crepitus_test_wait_for (crepitus_test_find_toplevel (CREPITUS_TYPE_CLINICIAN_DIALOG) != NULL);
  dialog = CREPITUS_CLINICIAN_DIALOG (crepitus_test_find_toplevel (CREPITUS_TYPE_CLINICIAN_DIALOG));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (crepitus_clinician_dialog_get_entry (dialog), "  Dr. Ana Ruiz ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  /* Enter in the name saves and closes. */
  g_signal_emit_by_name (crepitus_clinician_dialog_get_entry (dialog), "activate");
  crepitus_test_wait_for (crepitus_test_find_toplevel (CREPITUS_TYPE_CLINICIAN_DIALOG) == NULL);

  {
    g_autofree char *name = g_settings_get_string (settings, "clinician-name");

    g_assert_cmpstr (name, ==, "Dr. Ana Ruiz");
  }

  /* Asked once: a new window does not ask again. */
  gtk_window_close (window);
  crepitus_test_wait_for (first_window (fixture->app) == NULL);
  g_application_activate (G_APPLICATION (fixture->app));
  window = first_window (fixture->app);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));
  crepitus_test_flush ();
  g_assert_null (crepitus_test_find_toplevel (CREPITUS_TYPE_CLINICIAN_DIALOG));
  gtk_window_close (window);
  crepitus_test_wait_for (first_window (fixture->app) == NULL);
}

/* The window opens at the size it was closed at. */
static void
test_size_remembered (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.crepitus.Crepitus");
  GtkWindow *window;
  int width, height;

  g_settings_set_string (settings, "clinician-name", "Dr. Test");
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_application_activate (G_APPLICATION (fixture->app));
  window = first_window (fixture->app);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtk_window_set_default_size (window, 900, 640);
  gtk_window_close (window);
  crepitus_test_wait_for (first_window (fixture->app) == NULL);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  g_application_activate (G_APPLICATION (fixture->app));
  window = first_window (fixture->app);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_close (window);
  crepitus_test_wait_for (first_window (fixture->app) == NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/crepitus/ui/window/empty-state", Fixture, NULL,
              fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/crepitus/ui/window/store-error", Fixture, "Not a database.\n",
              fixture_set_up, test_store_error, fixture_tear_down);
  g_test_add ("/crepitus/ui/window/ctrl-q-quits", Fixture, NULL,
              fixture_set_up, test_ctrl_q_quits, fixture_tear_down);

  g_test_add ("/crepitus/ui/window/first-start-asks-clinician", Fixture, NULL,
              fixture_set_up, test_first_start_asks_clinician, fixture_tear_down);

  g_test_add ("/crepitus/ui/window/size-remembered", Fixture, NULL,
              fixture_set_up, test_size_remembered, fixture_tear_down);

  return g_test_run ();
}
