/* test-ui-patients.c — the clinician's path through the window: a new patient, found again
 * by a folded spelling, an assessment; a second window on the same database; a read-only
 * database (Xvfb) */
#include "config.h"

#include <glib/gstdio.h>

#include "crepitus-application-private.h"
#include "crepitus-new-patient-dialog.h"
#include "crepitus-window.h"
#include "crepitus-test-ui.h"
#include "crepitus-test-util.h"

typedef struct
{
  char                *tmpdir;
  char                *db;
  CrepitusApplication *app;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("org.crepitus.Crepitus");

  fixture->tmpdir = g_dir_make_tmp ("crepitus-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->tmpdir, "clinic.db", NULL);
  /* The clinician has been asked before. */
  g_settings_set_string (settings, "clinician-name", "Dr. Ana Ruiz");
}

static void
start_app (Fixture                *fixture,
           CrepitusStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  fixture->app = crepitus_application_new (fixture->db, NULL);
  crepitus_application_set_store_flags (fixture->app, flags);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
}

static void
stop_app (Fixture *fixture)
{
  /* A registered GtkApplication is not finalized outside g_application_run(), so its store
   * stays open; the next one opens its own connection to the file, as another process would. */
  g_clear_object (&fixture->app);
  crepitus_test_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->app);
  crepitus_test_flush ();
  crepitus_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->db);
}

static CrepitusWindow *
open_window (Fixture *fixture)
{
  GList *windows;
  CrepitusWindow *window;

  g_application_activate (G_APPLICATION (fixture->app));
  windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
  g_assert_nonnull (windows);
  window = CREPITUS_WINDOW (windows->data);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));
  /* The database opens in a thread; the list fills once it is open. */
  crepitus_test_wait_for (!crepitus_application_get_store_opening (fixture->app));
  return window;
}

static void
close_window (Fixture        *fixture,
              CrepitusWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  crepitus_test_wait_for (gtk_application_get_windows (GTK_APPLICATION (fixture->app)) == NULL);
  crepitus_test_wait_for (weak == NULL);
}

static GtkListView *
patient_list (CrepitusWindow *window)
{
  return GTK_LIST_VIEW (crepitus_test_find_styled (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW,
                                                   "navigation-sidebar"));
}

/* Types @text in the search entry as a person would, and waits for the list. */
static guint
search (CrepitusWindow *window,
        const char     *text)
{
  GtkWidget *entry = crepitus_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  GListModel *model;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* GtkSearchEntry reports a change after a short pause; do not wait for it. */
  g_signal_emit_by_name (entry, "search-changed");
  model = G_LIST_MODEL (gtk_list_view_get_model (patient_list (window)));
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static CrepitusPatient *
listed_patient (CrepitusWindow *window,
                guint           position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (patient_list (window)));

  return g_list_model_get_item (model, position);
}

static void
open_listed_patient (CrepitusWindow *window,
                     guint           position)
{
  g_signal_emit_by_name (patient_list (window), "activate", position);
  crepitus_test_flush ();
}

static guint
n_assessment_rows (CrepitusWindow *window)
{
  GtkWidget *list = crepitus_test_find_styled (GTK_WIDGET (window), GTK_TYPE_LIST_BOX,
                                               "crepitus-assessments");
  guint n = 0;

  g_assert_nonnull (list);
  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

static void
create_patient_through_dialog (CrepitusWindow *window,
                               const char     *family,
                               const char     *mrn)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-patient", NULL);
  crepitus_test_wait_for (crepitus_test_find_toplevel (CREPITUS_TYPE_NEW_PATIENT_DIALOG) != NULL);
  dialog = crepitus_test_find_toplevel (CREPITUS_TYPE_NEW_PATIENT_DIALOG);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  gtk_editable_set_text (GTK_EDITABLE (crepitus_test_find_row (GTK_WIDGET (dialog), "Family")),
                         family);
  gtk_editable_set_text (GTK_EDITABLE (crepitus_test_find_row (GTK_WIDGET (dialog), "Given")),
                         "Zoë");
  gtk_editable_set_text (GTK_EDITABLE (crepitus_test_find_row (GTK_WIDGET (dialog), "Birth")),
                         "1950-02-28");
  gtk_editable_set_text (GTK_EDITABLE (crepitus_test_find_row (GTK_WIDGET (dialog), "Medical")),
                         mrn);
  g_signal_emit_by_name (crepitus_test_find_button (GTK_WIDGET (dialog), "C_reate"), "clicked");
  crepitus_test_wait_for (crepitus_test_find_toplevel (CREPITUS_TYPE_NEW_PATIENT_DIALOG) == NULL);
}

static void
test_patient_found_and_kept (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *today = crepitus_date_today ();
  CrepitusWindow *window;
  CrepitusPatient *shown;

  start_app (fixture, CREPITUS_STORE_OPEN_DEFAULT);
  window = open_window (fixture);
  g_assert_nonnull (crepitus_test_find_status_page (GTK_WIDGET (window), "No patients yet"));

  create_patient_through_dialog (window, "Łukasiewicz-Øster", "B-2002");

  /* The new patient is open, and stored. */
  shown = crepitus_window_get_patient (window);
  g_assert_nonnull (shown);
  g_assert_cmpint (crepitus_patient_get_id (shown), >, 0);
  g_assert_cmpstr (crepitus_patient_get_family_name (shown), ==, "Łukasiewicz-Øster");

  /* Found again by folded spellings, upper or lower case, of any name or the MRN. */
  {
    static const char * const queries[] = { "lukasiewicz", "LUKAS", "oster", "ØST", "zoe",
                                            "luk zo", "b-2002", "2002" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(CrepitusPatient) found = NULL;

        g_assert_cmpuint (search (window, queries[i]), ==, 1);
        found = listed_patient (window, 0);
        g_assert_cmpint (crepitus_patient_get_id (found), ==, crepitus_patient_get_id (shown));
      }
  }
  g_assert_cmpuint (search (window, "nowak"), ==, 0);
  g_assert_nonnull (crepitus_test_find_status_page (GTK_WIDGET (window), "No Patients Found"));

  /* An assessment, dated today, by the clinician. */
  g_assert_cmpuint (n_assessment_rows (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-assessment", NULL);
  g_assert_cmpuint (n_assessment_rows (window), ==, 1);

  /* Close the window; a new one on the same database has everything. */
  close_window (fixture, window);
  stop_app (fixture);

  start_app (fixture, CREPITUS_STORE_OPEN_DEFAULT);
  window = open_window (fixture);
  g_assert_cmpuint (search (window, ""), ==, 1);
  g_assert_cmpuint (search (window, "øster"), ==, 1);
  open_listed_patient (window, 0);
  shown = crepitus_window_get_patient (window);
  g_assert_nonnull (shown);
  g_assert_cmpstr (crepitus_patient_get_given_name (shown), ==, "Zoë");
  g_assert_cmpstr (crepitus_patient_get_birth_date (shown), ==, "1950-02-28");
  g_assert_cmpstr (crepitus_patient_get_mrn (shown), ==, "B-2002");
  g_assert_cmpuint (n_assessment_rows (window), ==, 1);
  {
    g_autofree char *title = g_strdup_printf ("%s · Dr. Ana Ruiz", today);

    g_assert_nonnull (crepitus_test_find_row (GTK_WIDGET (window), title));
  }

  /* An edit in place is saved as typed: a third start sees it. */
  gtk_editable_set_text (GTK_EDITABLE (crepitus_test_find_row (GTK_WIDGET (window), "Given")),
                         "Zoë Anna");
  close_window (fixture, window);
  stop_app (fixture);

  start_app (fixture, CREPITUS_STORE_OPEN_DEFAULT);
  window = open_window (fixture);
  g_assert_cmpuint (search (window, "anna"), ==, 1);
  close_window (fixture, window);
  stop_app (fixture);
}

static void
test_read_only_database (Fixture       *fixture,
                         gconstpointer  data)
{
  CrepitusWindow *window;
  GtkWidget *error_label;

  /* A database with one patient in it. */
  start_app (fixture, CREPITUS_STORE_OPEN_DEFAULT);
  window = open_window (fixture);
  create_patient_through_dialog (window, "Łukasiewicz-Øster", "B-2002");
  close_window (fixture, window);
  stop_app (fixture);

  /* The same file, now not writable. */
  start_app (fixture, CREPITUS_STORE_OPEN_READ_ONLY);
  window = open_window (fixture);
  g_assert_cmpuint (search (window, ""), ==, 1);
  open_listed_patient (window, 0);

  /* A new patient cannot be stored: the window says so and keeps running. */
  create_patient_through_dialog (window, "Nowak", "C-3003");
  error_label = crepitus_test_find_styled (GTK_WIDGET (window), GTK_TYPE_BOX, "crepitus-error-bar");
  g_assert_nonnull (error_label);
  crepitus_test_wait_for (gtk_widget_get_mapped (error_label));
  {
    GtkWidget *label = crepitus_test_find_widget (error_label, GTK_TYPE_LABEL);

    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "cannot be written"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "clinic.db"));
  }

  /* A new assessment is refused too, and shown again after the first message was dismissed. */
  g_signal_emit_by_name (crepitus_test_find_button (error_label, "_Dismiss"), "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (error_label))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-assessment", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (error_label))));
  g_assert_cmpuint (n_assessment_rows (window), ==, 0);
  close_window (fixture, window);
  stop_app (fixture);

  /* Nothing already saved was lost. */
  start_app (fixture, CREPITUS_STORE_OPEN_DEFAULT);
  window = open_window (fixture);
  g_assert_cmpuint (search (window, "lukasiewicz"), ==, 1);
  g_assert_cmpuint (search (window, "nowak"), ==, 0);
  close_window (fixture, window);
  stop_app (fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/crepitus/ui/patients/found-and-kept", Fixture, NULL,
              fixture_set_up, test_patient_found_and_kept, fixture_tear_down);
  g_test_add ("/crepitus/ui/patients/read-only-database", Fixture, NULL,
              fixture_set_up, test_read_only_database, fixture_tear_down);

  return g_test_run ();
}
