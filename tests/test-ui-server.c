/* test-ui-server.c — the window on a clinic's PostgreSQL server: a server out of reach at
 * start (its message and Retry), the other rooms' changes followed as they are made (a patient
 * added, an assessment signed), and the server lost mid-session (the edit kept in its field,
 * marked unsaved, and saved once the server is back) (Xvfb, a server of the test's own) */
#include "config.h"

#include "crepitus-application-private.h"
#include "crepitus-assessment-view.h"
#include "crepitus-window.h"
#include "crepitus-store-testing.h"
#include "crepitus-test-store.h"
#include "crepitus-test-ui.h"

typedef struct
{
  char                *uri;
  CrepitusApplication *app;
  CrepitusWindow      *window;
  CrepitusStore       *room_two;   /* another workstation's connection */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.crepitus.Crepitus");

  g_settings_set_string (settings, "clinician-name", "Dr. Room One");
  fixture->uri = crepitus_test_pg_new_database ();
  fixture->room_two = crepitus_test_open_store (fixture->uri);
  crepitus_store_set_clinician (fixture->room_two, "Dr. Room Two");
}

static void
start_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->app = crepitus_application_new (fixture->uri, NULL);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = CREPITUS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (fixture->app))->data);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  crepitus_test_wait_for (!crepitus_application_get_store_opening (fixture->app));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer weak = fixture->window;

  if (fixture->window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      crepitus_test_wait_for (weak == NULL);
    }
  g_clear_object (&fixture->app);
  crepitus_test_flush ();
  g_clear_object (&fixture->room_two);
  crepitus_test_pg_drop_database (fixture->uri);
  g_free (fixture->uri);
}

static CrepitusStore *
window_store (Fixture *fixture)
{
  return crepitus_application_get_store (fixture->app);
}

/* Whether the patient list shows a row whose name starts with @family. */
static gboolean
list_shows (Fixture    *fixture,
            const char *family)
{
  GtkWidget *list = crepitus_test_find_styled (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW,
                                               "navigation-sidebar");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrepitusPatient) patient = g_list_model_get_item (model, i);

      if (g_strcmp0 (crepitus_patient_get_family_name (patient), family) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkRevealer *
server_bar (Fixture *fixture)
{
  GtkWidget *bar = crepitus_test_find_styled (GTK_WIDGET (fixture->window), GTK_TYPE_BOX,
                                              "crepitus-server-bar");

  g_assert_nonnull (bar);
  return GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER));
}

/* Opens patient @family from the list and starts an assessment of theirs in the window. */
static CrepitusAssessmentView *
open_new_assessment (Fixture    *fixture,
                     const char *family)
{
  GtkWidget *list = crepitus_test_find_styled (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW,
                                               "navigation-sidebar");
  GtkWidget *view;

  crepitus_test_wait_for (list_shows (fixture, family));
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpstr (crepitus_patient_get_family_name (crepitus_window_get_patient (fixture->window)),
                   ==, family);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-assessment", NULL);
  view = crepitus_test_find_widget (GTK_WIDGET (fixture->window), CREPITUS_TYPE_ASSESSMENT_VIEW);
  g_assert_nonnull (view);
  crepitus_test_wait_for (gtk_widget_get_mapped (view));
  g_assert_nonnull (crepitus_assessment_view_get_assessment (CREPITUS_ASSESSMENT_VIEW (view)));
  return CREPITUS_ASSESSMENT_VIEW (view);
}

/* The server is down when Crepitus starts: the window names it, with host and port, and
 * offers Retry; once the server is back, Retry opens the clinic. */
static void
test_unreachable_then_retry (Fixture       *fixture,
                             gconstpointer  data)
{
  const GError *error;
  AdwStatusPage *page;
  GtkWidget *retry;

  crepitus_test_pg_server_kill ();
  start_window (fixture);
  g_assert_null (window_store (fixture));
  error = crepitus_application_get_store_error (fixture->app);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE);
  page = crepitus_test_find_status_page (GTK_WIDGET (fixture->window),
                                         "The Clinic’s Server Cannot Be Reached");
  g_assert_nonnull (page);
  g_test_message ("%s", adw_status_page_get_description (page));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), ", port "));
  /* Nothing can be stored: no New Patient, but Retry. */
  g_assert_null (crepitus_test_find_button (GTK_WIDGET (page), "_New Patient"));
  retry = crepitus_test_find_button (GTK_WIDGET (page), "_Retry");
  g_assert_nonnull (retry);

  /* Still down: Retry says so again. */
  g_signal_emit_by_name (retry, "clicked");
  crepitus_test_wait_for (!crepitus_application_get_store_opening (fixture->app));
  g_assert_null (window_store (fixture));
  crepitus_test_wait_for (crepitus_test_find_status_page (GTK_WIDGET (fixture->window),
                                                          "The Clinic’s Server Cannot Be Reached")
                          != NULL);

  crepitus_test_pg_server_restart ();
  page = crepitus_test_find_status_page (GTK_WIDGET (fixture->window),
                                         "The Clinic’s Server Cannot Be Reached");
  retry = crepitus_test_find_button (GTK_WIDGET (page), "_Retry");
  g_signal_emit_by_name (retry, "clicked");
  crepitus_test_wait_for (!crepitus_application_get_store_opening (fixture->app));
  g_assert_no_error (crepitus_application_get_store_error (fixture->app));
  g_assert_nonnull (window_store (fixture));
  g_assert_cmpstr (crepitus_store_get_backend_name (window_store (fixture)), ==, "postgresql");
  crepitus_test_wait_for (crepitus_test_find_status_page (GTK_WIDGET (fixture->window),
                                                          "No patients yet") != NULL);
}

/* Room two adds a patient: room one's list shows them within a second (measured, and held to
 * a few seconds here so that a busy machine does not fail it); room two signs the assessment
 * room one has open: it turns read-only there. */
static void
test_follows_other_rooms (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(CrepitusAssessment) theirs = NULL;
  g_autoptr(GError) error = NULL;
  CrepitusAssessmentView *view;
  CrepitusAssessment *ours;
  GtkWidget *sign;
  gint64 start;

  start_window (fixture);
  g_assert_false (list_shows (fixture, "Nowak"));

  start = g_get_monotonic_time ();
  patient = crepitus_test_add_patient (fixture->room_two, "Nowak", "Zofia", "1961-02-03", "N-1");
  crepitus_test_wait_for (list_shows (fixture, "Nowak"));
  g_test_message ("a patient added in room two was in room one's list after %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  view = open_new_assessment (fixture, "Nowak");
  ours = crepitus_assessment_view_get_assessment (view);
  sign = crepitus_test_find_button (GTK_WIDGET (view), "_Sign");
  g_assert_nonnull (sign);
  g_assert_true (gtk_widget_get_sensitive (sign));

  /* Room two screens the red flags, edits the notes and signs. */
  theirs = crepitus_store_load_assessment (fixture->room_two, crepitus_assessment_get_id (ours),
                                           &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) flags = crepitus_assessment_dup_red_flags_not_asked (theirs);

    for (guint i = 0; flags[i] != NULL; i++)
      crepitus_assessment_set_red_flag (theirs, flags[i], CREPITUS_RED_FLAG_ABSENT);
  }
  crepitus_assessment_set_notes (theirs, "Seen in room two.");
  g_assert_true (crepitus_store_save_assessment (fixture->room_two, theirs, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (crepitus_store_sign (fixture->room_two, crepitus_assessment_get_id (ours),
                                      "Dr. Room Two", &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  crepitus_test_wait_for (crepitus_assessment_get_status (ours) == CREPITUS_ASSESSMENT_SIGNED);
  g_test_message ("an assessment signed in room two was read-only in room one after %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpstr (crepitus_assessment_get_signed_by (ours), ==, "Dr. Room Two");
  g_assert_cmpstr (crepitus_assessment_get_notes (ours), ==, "Seen in room two.");
  crepitus_test_wait_for (!gtk_widget_get_visible (sign));
  /* Nothing of room two's came back from room one as an edit of its own. */
  g_assert_cmpuint (crepitus_store_get_n_unsaved (window_store (fixture)), ==, 0);
}

/* The server lost while an assessment is open: the edit made meanwhile stays in its field,
 * marked unsaved, the window says the server is away, and once it is back the edit is saved
 * and the marks go. */
static void
test_lost_mid_session (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(GError) error = NULL;
  CrepitusAssessmentView *view;
  CrepitusAssessment *ours;
  GtkWidget *notes;
  GtkTextBuffer *buffer;
  GtkRevealer *bar;

  patient = crepitus_test_add_patient (fixture->room_two, "Kowalski", "Jan", "1958-07-09", "K-1");
  start_window (fixture);
  view = open_new_assessment (fixture, "Kowalski");
  ours = crepitus_assessment_view_get_assessment (view);
  bar = server_bar (fixture);
  g_assert_false (gtk_revealer_get_reveal_child (bar));

  notes = crepitus_test_find_widget (GTK_WIDGET (view), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (notes);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));

  crepitus_test_pg_server_kill ();
  gtk_text_buffer_set_text (buffer, "Typed while the server was away.", -1);
  crepitus_test_wait_for (g_strcmp0 (crepitus_assessment_get_notes (ours),
                                     "Typed while the server was away.") == 0);
  crepitus_test_wait_for (gtk_revealer_get_reveal_child (bar));
  g_assert_cmpuint (crepitus_store_get_n_unsaved (window_store (fixture)), ==, 1);
  g_assert_true (gtk_widget_has_css_class (notes, "unsaved"));
  {
    GtkWidget *label = crepitus_test_find_widget (GTK_WIDGET (bar), GTK_TYPE_LABEL);
    const char *text = gtk_label_get_text (GTK_LABEL (label));

    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "port"));
    g_assert_nonnull (strstr (text, "unsaved"));
  }
  /* The text stays where it was typed. */
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "Typed while the server was away.");
  }

  /* Closing now would lose it: the window asks, and stays open. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  {
    GtkWindow *dialog = crepitus_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "Close Without Saving?");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
    crepitus_test_flush ();
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  crepitus_test_pg_server_restart ();
  crepitus_test_wait_for (crepitus_store_get_n_unsaved (window_store (fixture)) == 0);
  crepitus_test_wait_for (!gtk_revealer_get_reveal_child (bar));
  g_assert_false (gtk_widget_has_css_class (notes, "unsaved"));
  stored = crepitus_test_reload_assessment (fixture->uri, crepitus_assessment_get_id (ours));
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Typed while the server was away.");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  crepitus_test_pg_server_start (FALSE);

#define ADD(path, func) \
  g_test_add ("/crepitus/ui/server/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("unreachable-then-retry", test_unreachable_then_retry);
  ADD ("follows-other-rooms", test_follows_other_rooms);
  ADD ("lost-mid-session", test_lost_mid_session);
#undef ADD

  return g_test_run ();
}
