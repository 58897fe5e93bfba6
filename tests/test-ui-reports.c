/* test-ui-reports.c — the Summary page's reports under Xvfb: the handout button writes a PDF
 * with the patient's name and the level, a second press a second file, an unwritable folder
 * shows its error, and the window goes on while a long report is made */
#include "config.h"

#include <unistd.h>

#include <gtk/gtkunixprint.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "crepitus-application-private.h"
#include "crepitus-assessment-view.h"
#include "crepitus-locale.h"
#include "crepitus-report-actions.h"
#include "crepitus-triage.h"
#include "crepitus-window.h"
#include "crepitus-test-pdf.h"
#include "crepitus-test-ui.h"

typedef struct
{
  char                   *tmpdir;
  char                   *db;
  char                   *folder;   /* TMPDIR/reports, the report-folder setting */
  CrepitusApplication    *app;
  CrepitusWindow         *window;
  CrepitusAssessmentView *view;
  CrepitusReportActions  *actions;
} Fixture;

/* A window on a new database with one patient, a new assessment of theirs open on its
 * Summary page. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("org.crepitus.Crepitus");
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  GtkWidget *stack, *page, *list;

  fixture->tmpdir = g_dir_make_tmp ("crepitus-ui-reports-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->tmpdir, "clinic.db", NULL);
  fixture->folder = g_build_filename (fixture->tmpdir, "reports", NULL);
  g_settings_set_string (settings, "clinician-name", "Dr. Ana Ruiz");
  g_settings_set_string (settings, "report-folder", fixture->folder);

  fixture->app = crepitus_application_new (fixture->db, NULL);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window =
    CREPITUS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (fixture->app))->data);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  crepitus_test_wait_for (!crepitus_application_get_store_opening (fixture->app));

  crepitus_patient_set_family_name (patient, "García");
  crepitus_patient_set_given_name (patient, "Lucía");
  g_assert_true (crepitus_store_save_patient (crepitus_application_get_store (fixture->app),
                                              patient, NULL, &error));
  g_assert_no_error (error);

  list = crepitus_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY);
  g_signal_emit_by_name (list, "search-changed");
  list = crepitus_test_find_styled (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW,
                                    "navigation-sidebar");
  g_signal_emit_by_name (list, "activate", 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-assessment", NULL);
  fixture->view =
    CREPITUS_ASSESSMENT_VIEW (crepitus_test_find_widget (GTK_WIDGET (fixture->window),
                                                         CREPITUS_TYPE_ASSESSMENT_VIEW));
  g_assert_nonnull (fixture->view);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));

  crepitus_assessment_view_set_page (fixture->view, "summary");
  stack = crepitus_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_VIEW_STACK);
  page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "summary");
  crepitus_test_wait_for (gtk_widget_get_mapped (page));
  fixture->actions =
    CREPITUS_REPORT_ACTIONS (crepitus_test_find_widget (page, CREPITUS_TYPE_REPORT_ACTIONS));
  g_assert_nonnull (fixture->actions);
  g_assert_true (crepitus_report_actions_get_assessment (fixture->actions) ==
                 crepitus_assessment_view_get_assessment (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer weak = fixture->window;

  if (fixture->window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
      gtk_window_close (GTK_WINDOW (fixture->window));
      crepitus_test_wait_for (weak == NULL);
    }
  g_clear_object (&fixture->app);
  crepitus_test_flush ();
  g_chmod (fixture->folder, 0700);
  crepitus_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->db);
  g_free (fixture->folder);
}

static GtkWidget *
button (Fixture    *fixture,
        const char *label)
{
  GtkWidget *found = crepitus_test_find_button (GTK_WIDGET (fixture->actions), label);

  g_assert_nonnull (found);
  g_assert_true (gtk_widget_get_mapped (found));
  return found;
}

/* Presses the handout button and waits for the report to be made. */
static void
press_and_wait (Fixture    *fixture,
                const char *label)
{
  g_signal_emit_by_name (button (fixture, label), "clicked");
  crepitus_test_wait_for (!crepitus_report_actions_get_busy (fixture->actions));
}

/* How a clinician summary's file name ends, in the UI's language: "NAME DATE summary.pdf". */
static char *
summary_suffix (void)
{
  g_autofree char *stem = g_strdup_printf (_("%1$s %2$s summary"), "NAME", "DATE");

  return g_strconcat (strstr (stem, "DATE") + strlen ("DATE"), ".pdf", NULL);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(Document) document = open_pdf (path);

  return document_text (document);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static GtkWidget *
error_label (Fixture *fixture)
{
  return crepitus_test_find_styled (GTK_WIDGET (fixture->actions), GTK_TYPE_LABEL, "error");
}

/* The handout button writes the handout into the report folder (made for it); a second
 * press makes a second file, the first one kept. */
static void
test_handout (Fixture       *fixture,
              gconstpointer  data)
{
  CrepitusAssessment *assessment = crepitus_assessment_view_get_assessment (fixture->view);
  g_autoptr(CrepitusTriage) triage = NULL;
  g_autofree char *date = g_strdup (crepitus_assessment_get_date (assessment));
  g_autofree char *name = g_strdup_printf ("Lucía García %s.pdf", date);
  g_autofree char *name2 = g_strdup_printf ("Lucía García %s (2).pdf", date);
  g_autofree char *first = g_build_filename (fixture->folder, name, NULL);
  g_autofree char *second = g_build_filename (fixture->folder, name2, NULL);
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  GtkWidget *last_row;
  const char *level;

  /* A sign that makes it more than "look after your back". */
  crepitus_assessment_set_member (assessment, CREPITUS_LIST_RED_FLAG, "saddle-anaesthesia", TRUE);
  triage = crepitus_triage_compute (assessment);
  /* The patient has no language and no default is set: the report is in English, whatever
   * the UI's language. */
  crepitus_locale_set_thread_default (crepitus_locale_get ("en", NULL));
  level = crepitus_catalog_level_patient_name (crepitus_triage_level_key (triage->level));
  crepitus_locale_set_thread_default (NULL);
  g_assert_false (g_file_test (fixture->folder, G_FILE_TEST_EXISTS));

  press_and_wait (fixture, _("Patient _Handout"));
  g_assert_cmpstr (crepitus_report_actions_get_last_path (fixture->actions), ==, first);
  text = pdf_text (first);
  g_assert_nonnull (strstr (text, "Lucía García"));
  if (strstr (text, level) == NULL)
    g_error ("the handout does not say the level “%s”:\n%s", level, text);
  g_assert_false (gtk_widget_get_visible (error_label (fixture)));

  /* The row of the last report names it, with Open and Print. */
  last_row = crepitus_test_find_row (GTK_WIDGET (fixture->actions), name);
  g_assert_nonnull (last_row);
  g_assert_true (gtk_widget_get_visible (last_row));
  g_assert_nonnull (crepitus_test_find_button (last_row, _("_Open")));
  g_assert_nonnull (crepitus_test_find_button (last_row, _("_Print…")));

  /* Print asks where, in the print dialog; cancelled, nothing more happens. */
  g_signal_emit_by_name (crepitus_test_find_button (last_row, _("_Print…")), "clicked");
  crepitus_test_wait_for (crepitus_test_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG) != NULL);
  gtk_dialog_response (GTK_DIALOG (crepitus_test_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG)),
                       GTK_RESPONSE_CANCEL);
  crepitus_test_wait_for (crepitus_test_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG) == NULL);

  press_and_wait (fixture, _("Patient _Handout"));
  g_assert_cmpstr (crepitus_report_actions_get_last_path (fixture->actions), ==, second);
  text2 = pdf_text (second);
  g_assert_nonnull (strstr (text2, "Lucía García"));
  g_assert_cmpstr (text2, ==, text);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_entries (fixture->folder), ==, 2);

  /* The clinician summary too, beside them. */
  press_and_wait (fixture, _("Clinician Su_mmary"));
  {
    g_autofree char *suffix = summary_suffix ();

    g_assert_true (g_str_has_suffix (crepitus_report_actions_get_last_path (fixture->actions),
                                     suffix));
  }
  g_assert_cmpuint (count_entries (fixture->folder), ==, 3);
}

/* A patient seen before: the clinician summary made in the window charts both visits, the
 * important fall in pain marked. */
static void
test_summary_chart (Fixture       *fixture,
                    gconstpointer  data)
{
  CrepitusAssessment *assessment = crepitus_assessment_view_get_assessment (fixture->view);
  CrepitusStore *store = crepitus_application_get_store (fixture->app);
  g_autoptr(CrepitusAssessment) earlier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  earlier = crepitus_assessment_new (crepitus_window_get_patient (fixture->window));
  crepitus_assessment_set_date (earlier, "2026-01-05");
  crepitus_assessment_set_pain_score (earlier, 7);
  g_assert_true (crepitus_store_save_assessment (store, earlier, NULL, &error));
  g_assert_no_error (error);
  crepitus_assessment_set_pain_score (assessment, 2);

  press_and_wait (fixture, _("Clinician Su_mmary"));
  text = pdf_text (crepitus_report_actions_get_last_path (fixture->actions));
  if (strstr (text, "Pain and disability across visits") == NULL || strstr (text, "-5") == NULL)
    g_error ("the clinician summary has no chart of the two visits:\n%s", text);
  /* Every label of the chart is whole: its glyphs are in the embedded subset. */
  g_assert_nonnull (strstr (text, "2026-01-05"));
  g_assert_nonnull (strstr (text, "Pain (NPRS 0–10)"));
  g_assert_nonnull (strstr (text, "Disability (ODI %)"));
}

/* The report language: every shipped language, each by its own name, English first; the
 * patient's is chosen, and another can be. The report is in the language chosen whatever the
 * UI's (this test runs with an English UI and again with a German one). */
static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  CrepitusAssessment *assessment = crepitus_assessment_view_get_assessment (fixture->view);
  GtkWidget *row = crepitus_test_find_row (GTK_WIDGET (fixture->actions), _("_Language"));
  GtkWidget *drop_down = crepitus_test_find_widget (row, GTK_TYPE_DROP_DOWN);
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
  const char * const *shipped = crepitus_locale_shipped_languages ();
  const char *names[] = { "English", "Deutsch", "Español", "Français", "Polski",
                          "Português (Brasil)", NULL };
  g_autofree char *german = NULL;
  g_autofree char *english = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, g_strv_length ((char **) shipped));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (names) - 1);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), ==, names[i]);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");

  /* The patient's language is chosen as it is set on the Intake page. */
  crepitus_patient_set_language (crepitus_assessment_get_patient (assessment), "de");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down)), ==, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");
  press_and_wait (fixture, _("Patient _Handout"));
  german = pdf_text (crepitus_report_actions_get_last_path (fixture->actions));
  g_assert_nonnull (strstr (german, "Ihr Ergebnis"));
  g_assert_nonnull (strstr (german, "Rufen Sie den Rettungsdienst an"));
  g_assert_null (strstr (german, "Your result"));

  /* English chosen for this report: English, the patient's language notwithstanding. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 0);
  press_and_wait (fixture, _("Patient _Handout"));
  english = pdf_text (crepitus_report_actions_get_last_path (fixture->actions));
  g_assert_nonnull (strstr (english, "Your result"));
  g_assert_null (strstr (english, "Ihr Ergebnis"));
}

/* A folder that cannot be written: the error is in the window, naming it; nothing is left
 * behind, and the buttons work again. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.crepitus.Crepitus");
  g_autofree char *blocker = g_build_filename (fixture->tmpdir, "blocker", NULL);
  g_autofree char *folder = NULL;
  GtkWidget *label;

  if (geteuid () != 0)
    {
      /* A folder of ours without write permission. */
      folder = g_strdup (fixture->folder);
      g_assert_cmpint (g_mkdir (folder, 0500), ==, 0);
    }
  else
    {
      /* Root writes anywhere: a file stands where the folder's parent should be. */
      g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
      folder = g_build_filename (blocker, "reports", NULL);
      g_settings_set_string (settings, "report-folder", folder);
    }

  press_and_wait (fixture, _("Patient _Handout"));
  label = error_label (fixture);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  if (strstr (gtk_label_get_text (GTK_LABEL (label)), folder) == NULL)
    g_error ("the error “%s” does not name the folder %s", gtk_label_get_text (GTK_LABEL (label)),
             folder);
  g_assert_null (crepitus_report_actions_get_last_path (fixture->actions));
  g_assert_cmpuint (count_entries (fixture->folder), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (button (fixture, _("Patient _Handout"))));

  /* Once the folder can be written, the error goes. */
  g_settings_set_string (settings, "report-folder", fixture->folder);
  g_chmod (fixture->folder, 0700);
  press_and_wait (fixture, _("Patient _Handout"));
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_cmpuint (count_entries (fixture->folder), ==, 1);
}

static gboolean
count_tick_cb (gpointer data)
{
  guint *ticks = data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* A report of 1,800 words is made while the main loop goes on: the press returns before the
 * file exists, with the buttons waiting and the spinner turning, and the loop runs other
 * work (a timer) until the file is there. */
static void
test_responsive (Fixture       *fixture,
                 gconstpointer  data)
{
  CrepitusAssessment *assessment = crepitus_assessment_view_get_assessment (fixture->view);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *text = NULL;
  GtkWidget *handout = button (fixture, _("Patient _Handout"));
  GtkWidget *summary = button (fixture, _("Clinician Su_mmary"));
  GtkWidget *spinner = crepitus_test_find_widget (GTK_WIDGET (fixture->actions), GTK_TYPE_SPINNER);
  guint ticks = 0, id;
  gint64 start;

  for (guint i = 0; i < 1800; i++)
    g_string_append_printf (notes, "%sword%u", i % 12 == 11 ? ".\n" : " ", i);
  crepitus_assessment_set_notes (assessment, notes->str);
  /* What the edit sets off in the window (autosave, the summary, the notes' layout) is done
   * before the press. */
  crepitus_test_flush ();

  /* The clinician summary: the notes are in it, 1,800 words over several pages. */
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (summary, "clicked");
  /* Back from the press: the report is still being made. */
  g_assert_true (crepitus_report_actions_get_busy (fixture->actions));
  g_assert_false (gtk_widget_get_sensitive (handout));
  g_assert_false (gtk_widget_get_sensitive (summary));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_null (crepitus_report_actions_get_last_path (fixture->actions));

  id = g_timeout_add (1, count_tick_cb, &ticks);
  crepitus_test_wait_for (!crepitus_report_actions_get_busy (fixture->actions));
  g_source_remove (id);
  g_test_message ("%u timer ticks in the %.0f ms the report took", ticks,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (ticks, >=, 1);

  g_assert_true (gtk_widget_get_sensitive (handout));
  g_assert_true (gtk_widget_get_sensitive (summary));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_nonnull (crepitus_report_actions_get_last_path (fixture->actions));
  text = pdf_text (crepitus_report_actions_get_last_path (fixture->actions));
  g_assert_nonnull (strstr (text, "Lucía García"));
  g_assert_nonnull (strstr (text, "word0"));
  g_assert_nonnull (strstr (text, "word1799"));
}

/* Whether @path holds a report under its own name (not a hidden temporary file). */
static gboolean
has_pdf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".pdf"))
      return TRUE;
  return FALSE;
}

/* The window closed while a long report is being made: the report is still finished, whole,
 * and nothing else is left in the folder. */
static void
test_close_while_writing (Fixture       *fixture,
                          gconstpointer  data)
{
  CrepitusAssessment *assessment = crepitus_assessment_view_get_assessment (fixture->view);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gpointer weak = fixture->window;
  const char *name;

  for (guint i = 0; i < 1800; i++)
    g_string_append_printf (notes, "%sword%u", i % 12 == 11 ? ".\n" : " ", i);
  crepitus_assessment_set_notes (assessment, notes->str);
  crepitus_test_flush ();

  g_signal_emit_by_name (button (fixture, _("Clinician Su_mmary")), "clicked");
  g_assert_true (crepitus_report_actions_get_busy (fixture->actions));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  fixture->actions = NULL;
  crepitus_test_wait_for (weak == NULL);

  /* The file appears under its name when it is whole; the temporary one is gone. */
  crepitus_test_wait_for (has_pdf (fixture->folder));
  g_assert_cmpuint (count_entries (fixture->folder), ==, 1);
  dir = g_dir_open (fixture->folder, 0, NULL);
  name = g_dir_read_name (dir);
  {
    g_autofree char *suffix = summary_suffix ();

    g_assert_true (g_str_has_suffix (name, suffix));
  }
  path = g_build_filename (fixture->folder, name, NULL);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "word1799"));
}

int
main (int   argc,
      char *argv[])
{
  /* As `crepitus` does: the UI's language is the desktop's (LANGUAGE=de for the second run). */
  crepitus_locale_setup_ui ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  crepitus_test_pdf_init ();

#define ADD(path, func) \
  g_test_add ("/crepitus/ui/reports/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("language", test_language);
  ADD ("handout", test_handout);
  ADD ("summary-chart", test_summary_chart);
  ADD ("unwritable", test_unwritable);
  ADD ("responsive", test_responsive);
  ADD ("close-while-writing", test_close_while_writing);

#undef ADD

  return g_test_run ();
}
