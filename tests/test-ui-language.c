/* test-ui-language.c — the window opens in the desktop's language (Xvfb)
 *
 * Run once per shipped language with LANGUAGE=LANG under LC_ALL=C.UTF-8, as `LANGUAGE=de
 * crepitus` would be: no locale but C.UTF-8 is compiled, and glibc's gettext still follows
 * LANGUAGE there (not under plain C). The expected words are the language's catalog, read by
 * crepitus-locale.c, so that the window is checked against what translators wrote.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-application.h"
#include "crepitus-locale.h"
#include "crepitus-history-view.h"
#include "crepitus-patient-page.h"
#include "crepitus-window.h"
#include "crepitus-test-ui.h"
#include "crepitus-test-util.h"

static const char *language;

/* @msgid in the language under test, asserting that it is translated. */
static const char *
translated (const char *msgid)
{
  const char *text = crepitus_locale_gettext (crepitus_locale_get (language, NULL), msgid);

  g_assert_cmpstr (text, !=, msgid);
  return text;
}

static void
test_window_in_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crepitus-ui-language-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "clinic.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("org.crepitus.Crepitus");
  g_autoptr(CrepitusApplication) app = NULL;
  GtkWindow *window;
  gpointer weak;

  g_assert_no_error (error);
  g_settings_set_string (settings, "clinician-name", "Dr. Test");
  app = crepitus_application_new (db, NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));
  crepitus_test_wait_for (!crepitus_application_get_store_opening (app));

  /* The empty list, its words and its button in the language; none in English. */
  g_assert_nonnull (crepitus_test_find_status_page (GTK_WIDGET (window),
                                                    translated ("No patients yet")));
  g_assert_null (crepitus_test_find_status_page (GTK_WIDGET (window), "No patients yet"));
  g_assert_nonnull (crepitus_test_find_button (GTK_WIDGET (window), translated ("_New Patient")));
  g_assert_null (crepitus_test_find_button (GTK_WIDGET (window), "_New Patient"));
  {
    GtkWidget *entry = crepitus_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
    g_autofree char *placeholder = NULL;

    g_object_get (entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, translated ("Search by name or record number"));
  }

  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (window);
  crepitus_test_wait_for (weak == NULL);
  crepitus_test_flush ();
  crepitus_test_remove_tree (dir);
}

/* Whether a GtkLabel under @root reads @text. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The window's dates are in the language's numeric format (its translation of "YYYY-MM-DD"):
 * the list of assessments and the history table, never ISO. */
static void
test_dates_in_language (void)
{
  GtkWidget *window = gtk_window_new ();
  CrepitusPatientPage *page = g_object_new (CREPITUS_TYPE_PATIENT_PAGE, NULL);
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (patient);
  g_autoptr(GListStore) assessments = g_list_store_new (CREPITUS_TYPE_ASSESSMENT);
  g_autofree char *shown = crepitus_locale_format_date (crepitus_locale_get (language, NULL),
                                                        "2026-02-03");
  g_autofree char *row_title = g_strdup_printf ("%s · ", shown);

  g_assert_cmpstr (shown, !=, "2026-02-03");
  crepitus_patient_set_family_name (patient, "Nowak");
  crepitus_assessment_set_date (assessment, "2026-02-03");
  crepitus_assessment_set_clinician (assessment, "Dr. Test");
  g_list_store_append (assessments, assessment);
  crepitus_patient_page_set_patient (page, patient);
  crepitus_patient_page_set_assessments (page, G_LIST_MODEL (assessments));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  crepitus_test_wait_for (gtk_widget_get_mapped (window));

  g_assert_nonnull (crepitus_test_find_row (GTK_WIDGET (page), row_title));
  g_assert_null (crepitus_test_find_row (GTK_WIDGET (page), "2026-02-03"));
  g_assert_true (has_label (crepitus_test_find_widget (GTK_WIDGET (page),
                                                      CREPITUS_TYPE_HISTORY_VIEW), shown));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  language = g_getenv ("CREPITUS_TEST_LANGUAGE");
  g_assert_nonnull (language);
  crepitus_locale_setup_ui ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/crepitus/ui/language/window", test_window_in_language);
  g_test_add_func ("/crepitus/ui/language/dates", test_dates_in_language);

  return g_test_run ();
}
