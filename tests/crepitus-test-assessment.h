/* crepitus-test-assessment.h — a window on a new database with one patient and a new
 * assessment of theirs open, for the tests of the assessment's pages (Xvfb) */
#pragma once

#include <glib/gstdio.h>

#include "crepitus-application-private.h"
#include "crepitus-assessment-view.h"
#include "crepitus-window.h"
#include "crepitus-test-ui.h"
#include "crepitus-test-util.h"

G_BEGIN_DECLS

typedef struct
{
  char                   *tmpdir;
  char                   *db;
  CrepitusApplication    *app;
  CrepitusWindow         *window;
  CrepitusAssessmentView *view;
} CrepitusTestAssessment;

/* Opens the window on a new database with the patient Lucía García (born @birth_date, or with
 * no birth date when %NULL or empty), found in the list, and starts an assessment of theirs. */
static inline void
crepitus_test_assessment_set_up (CrepitusTestAssessment *fixture,
                                 const char             *birth_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("org.crepitus.Crepitus");
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  GtkWidget *list;

  fixture->tmpdir = g_dir_make_tmp ("crepitus-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->tmpdir, "clinic.db", NULL);
  g_settings_set_string (settings, "clinician-name", "Dr. Ana Ruiz");

  fixture->app = crepitus_application_new (fixture->db, NULL);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = CREPITUS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (fixture->app))->data);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  crepitus_test_wait_for (!crepitus_application_get_store_opening (fixture->app));

  crepitus_patient_set_family_name (patient, "García");
  crepitus_patient_set_given_name (patient, "Lucía");
  if (birth_date != NULL && *birth_date != '\0')
    crepitus_patient_set_birth_date (patient, birth_date);
  g_assert_true (crepitus_store_save_patient (crepitus_application_get_store (fixture->app),
                                              patient, NULL, &error));
  g_assert_no_error (error);

  /* Found in the list, opened, and a new assessment started: it opens at once. */
  list = crepitus_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY);
  g_signal_emit_by_name (list, "search-changed");
  list = crepitus_test_find_styled (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW,
                                    "navigation-sidebar");
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_nonnull (crepitus_window_get_patient (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-assessment", NULL);
  fixture->view = CREPITUS_ASSESSMENT_VIEW (crepitus_test_find_widget (GTK_WIDGET (fixture->window),
                                                                      CREPITUS_TYPE_ASSESSMENT_VIEW));
  g_assert_nonnull (fixture->view);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
}

/* Closes the window and removes the database. */
static inline void
crepitus_test_assessment_tear_down (CrepitusTestAssessment *fixture)
{
  gpointer weak = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_close (GTK_WINDOW (fixture->window));
  crepitus_test_wait_for (weak == NULL);
  g_clear_object (&fixture->app);
  crepitus_test_flush ();
  crepitus_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->db);
}

/* The assessment open in the view. */
static inline CrepitusAssessment *
crepitus_test_assessment_open (CrepitusTestAssessment *fixture)
{
  return crepitus_assessment_view_get_assessment (fixture->view);
}

/* The assessment as stored, read through a second connection as another program would. */
static inline CrepitusAssessment *
crepitus_test_assessment_stored (CrepitusTestAssessment *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = crepitus_store_open (fixture->db, &error);
  CrepitusAssessment *assessment;

  g_assert_no_error (error);
  assessment = crepitus_store_load_assessment (store,
                                               crepitus_assessment_get_id (
                                                 crepitus_test_assessment_open (fixture)),
                                               &error);
  g_assert_no_error (error);
  return assessment;
}

/* The page @name of the view, shown. */
static inline GtkWidget *
crepitus_test_assessment_show_page (CrepitusTestAssessment *fixture,
                                    const char             *name)
{
  GtkWidget *stack = crepitus_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_VIEW_STACK);
  GtkWidget *page;

  crepitus_assessment_view_set_page (fixture->view, name);
  page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), name);
  crepitus_test_wait_for (gtk_widget_get_mapped (page));
  return page;
}

G_END_DECLS
