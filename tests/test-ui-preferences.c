/* test-ui-preferences.c — the preferences window (Xvfb): opened from the primary menu and with
 * Ctrl+comma, each row changes its key (the memory backend), and the next report shows it;
 * the rest of the primary menu: About, with the application's icon, and the shortcuts */
#include "config.h"

#include <glib/gstdio.h>

#include "crepitus-application.h"
#include "crepitus-preferences-window.h"
#include "crepitus-report-settings.h"
#include "crepitus-settings.h"
#include "crepitus-window.h"
#include "crepitus-test-logo.h"
#include "crepitus-test-pdf.h"
#include "crepitus-test-ui.h"

typedef struct
{
  char                *tmpdir;
  CrepitusApplication *app;
  GSettings           *settings;
  GtkWindow           *window;
} Fixture;

static const char *person_keys[] = {
  "clinician-name", "clinic-name", "clinic-address", "clinic-phone", "clinic-logo",
  "emergency-number", "report-folder", "paper-size", "default-report-language", "database",
  NULL
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->tmpdir = g_dir_make_tmp ("crepitus-prefs-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->tmpdir, "test.db", NULL);
  f->settings = crepitus_settings_new ();
  g_assert_nonnull (f->settings);
  /* Not the first start: the window does not ask who is using it. */
  g_settings_set_string (f->settings, "clinician-name", "A. Clinician");
  g_ptr_array_set_size (poppler_messages, 0);

  f->app = crepitus_application_new (db, NULL);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  f->window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  g_assert_true (CREPITUS_IS_WINDOW (f->window));
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  crepitus_test_wait_for (!crepitus_application_get_store_opening (f->app));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *prefs = crepitus_test_find_toplevel (CREPITUS_TYPE_PREFERENCES_WINDOW);

  if (prefs != NULL)
    gtk_window_destroy (prefs);
  gtk_window_destroy (f->window);
  crepitus_test_flush ();
  g_clear_object (&f->app);
  for (guint i = 0; person_keys[i] != NULL; i++)
    g_settings_reset (f->settings, person_keys[i]);
  g_clear_object (&f->settings);
  crepitus_test_flush ();
  assert_poppler_quiet ();
  crepitus_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static CrepitusPreferencesWindow *
open_preferences (Fixture *f)
{
  GtkWindow *prefs;

  g_assert_true (crepitus_test_press (GTK_WIDGET (f->window), "<Control>comma"));
  crepitus_test_wait_for ((prefs = crepitus_test_find_toplevel (CREPITUS_TYPE_PREFERENCES_WINDOW)) != NULL);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (prefs)));
  g_assert_true (gtk_window_get_transient_for (prefs) == f->window);
  return CREPITUS_PREFERENCES_WINDOW (prefs);
}

static GtkWidget *
row (CrepitusPreferencesWindow *prefs,
     const char                *title)
{
  GtkWidget *found = crepitus_test_find_row (GTK_WIDGET (prefs), title);

  if (found == NULL)
    g_error ("no row “%s” in the preferences", title);
  return found;
}

/* A GtkLabel under @root whose text holds @text, or %NULL. */
static GtkWidget *
find_label_with (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks @button_label in @row_title, picks @file in the chooser that opens and accepts. */
static void
choose_file (CrepitusPreferencesWindow *prefs,
             const char                *row_title,
             const char                *path)
{
  GtkWidget *button = crepitus_test_find_button (row (prefs, row_title), "Choose…");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkNativeDialog *chooser;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  chooser = crepitus_preferences_window_get_chooser (prefs);
  g_assert_nonnull (chooser);
  g_object_ref (chooser);
  g_assert_true (gtk_native_dialog_get_transient_for (chooser) == GTK_WINDOW (prefs));
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
  g_assert_no_error (error);
  crepitus_test_wait_for (({ g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
                             chosen != NULL && g_file_equal (chosen, file); }));
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_assert_null (crepitus_preferences_window_get_chooser (prefs));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
type_into (CrepitusPreferencesWindow *prefs,
           const char                *row_title,
           const char                *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (prefs, row_title)), text);
}

/* The primary menu has the item, and Ctrl+comma opens the window. */
static void
test_opens_from_menu (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *menu_button = crepitus_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  gboolean found = FALSE;

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          if (g_strcmp0 (action, "win.show-preferences") == 0)
            {
              g_assert_cmpstr (label, ==, "_Preferences");
              found = TRUE;
            }
        }
    }
  g_assert_true (found);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-preferences", NULL));
  crepitus_test_wait_for (crepitus_test_find_toplevel (CREPITUS_TYPE_PREFERENCES_WINDOW) != NULL);
  gtk_window_destroy (crepitus_test_find_toplevel (CREPITUS_TYPE_PREFERENCES_WINDOW));
  crepitus_test_flush ();

  open_preferences (f);
}

static void
test_rows_change_keys (Fixture       *f,
                       gconstpointer  data)
{
  CrepitusPreferencesWindow *prefs = open_preferences (f);
  g_autofree char *logo = g_build_filename (f->tmpdir, "logo.png", NULL);
  g_autofree char *folder = g_build_filename (f->tmpdir, "reports", NULL);
  g_autofree char *value = NULL;
  g_auto(CrepitusReportSettings) report_settings = { 0 };
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(Document) document = NULL;
  g_autoptr(Page) page = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_auto(GStrv) images = NULL;
  CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT };
  double width, height;
  const char *header[] = { "Clínica del Sol", "12 Calle Mayor", "Phone 955 000 111",
                           "Call 112", NULL };

  /* Every key a person sets has its row. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (prefs, "_Your Name"))), ==,
                   "A. Clinician");

  type_into (prefs, "_Your Name", "Dr. Ana Ruiz ");
  value = g_settings_get_string (f->settings, "clinician-name");
  g_assert_cmpstr (value, ==, "Dr. Ana Ruiz");
  g_clear_pointer (&value, g_free);
  /* Never blank: the row says so and the name stays. */
  type_into (prefs, "_Your Name", "   ");
  g_assert_true (gtk_widget_has_css_class (row (prefs, "_Your Name"), "error"));
  value = g_settings_get_string (f->settings, "clinician-name");
  g_assert_cmpstr (value, ==, "Dr. Ana Ruiz");
  g_clear_pointer (&value, g_free);

  type_into (prefs, "Clinic _Name", "Clínica del Sol");
  type_into (prefs, "_Address", "12 Calle Mayor");
  type_into (prefs, "_Phone", "955 000 111");
  type_into (prefs, "_Emergency Number", "112");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (prefs, "P_aper Size")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (prefs, "Default Report _Language")), 2);

  crepitus_test_write_png (logo, 320, 120);
  choose_file (prefs, "_Logo", logo);
  g_mkdir (folder, 0700);
  choose_file (prefs, "Report _Folder", folder);

  {
    const struct { const char *key; const char *value; } expected[] = {
      { "clinic-name", "Clínica del Sol" }, { "clinic-address", "12 Calle Mayor" },
      { "clinic-phone", "955 000 111" }, { "emergency-number", "112" },
      { "paper-size", "letter" }, { "default-report-language", "es" },
      { "clinic-logo", logo }, { "report-folder", folder },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *got = g_settings_get_string (f->settings, expected[i].key);

        g_assert_cmpstr (got, ==, expected[i].value);
      }
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (prefs, "_Logo"))), ==, logo);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (prefs, "Report _Folder"))),
                   ==, folder);

  /* The next report shows them. */
  crepitus_report_settings_load (&report_settings);
  g_assert_cmpstr (report_settings.folder, ==, folder);
  crepitus_report_settings_apply (&report_settings, &options);
  path = write_report_in (f->tmpdir, assessment, &options, "handout.pdf", NULL);
  document = open_pdf (path);
  first = page_text (document, 0);
  assert_in_order (first, header);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
  images = crepitus_test_pdf_images (path);
  if (images != NULL)
    g_assert_cmpstr (images[0], ==, "1 320x120");

  /* Set back: the rows follow; reports go to the default folder again. */
  g_signal_emit_by_name (crepitus_test_find_widget (row (prefs, "Report _Folder"), GTK_TYPE_BUTTON),
                         "clicked");
  crepitus_report_settings_load (&report_settings);
  {
    g_autofree char *default_folder = crepitus_report_default_folder ();

    g_assert_cmpstr (report_settings.folder, ==, default_folder);
    g_assert_true (g_str_has_suffix (default_folder, G_DIR_SEPARATOR_S "Crepitus"));
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (prefs, "Report _Folder"))),
                                     default_folder));
  }
  g_signal_emit_by_name (crepitus_test_find_widget (row (prefs, "_Logo"), GTK_TYPE_BUTTON), "clicked");
  value = g_settings_get_string (f->settings, "clinic-logo");
  g_assert_cmpstr (value, ==, "");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (prefs, "_Logo"))),
                                   "None"));
}

/* The database row takes a location once applied, and only one that may be used: never a
 * password, never another kind of URI; empty is this workstation's file again. */
static void
test_database_row (Fixture       *f,
                   gconstpointer  data)
{
  CrepitusPreferencesWindow *prefs = open_preferences (f);
  GtkWidget *database = row (prefs, "_Database");
  const char *server = "postgresql://crepitus@clinic-server/crepitus?sslmode=verify-full";
  const char *refused[] = {
    "postgresql://crepitus:s3cret@clinic-server/crepitus",
    "postgresql://clinic-server/crepitus?password=s3cret",
    "mysql://clinic-server/crepitus",
  };
  g_autofree char *value = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (database)), ==, "");
  /* Typing is not applying: half an address is no database. */
  type_into (prefs, "_Database", "postgresql://crepi");
  value = g_settings_get_string (f->settings, "database");
  g_assert_cmpstr (value, ==, "");
  g_clear_pointer (&value, g_free);

  type_into (prefs, "_Database", server);
  g_signal_emit_by_name (database, "apply");
  value = g_settings_get_string (f->settings, "database");
  g_assert_cmpstr (value, ==, server);
  g_clear_pointer (&value, g_free);
  g_assert_false (gtk_widget_has_css_class (database, "error"));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      type_into (prefs, "_Database", refused[i]);
      g_signal_emit_by_name (database, "apply");
      g_assert_true (gtk_widget_has_css_class (database, "error"));
      g_test_message ("%s", gtk_widget_get_tooltip_text (database));
      value = g_settings_get_string (f->settings, "database");
      g_assert_cmpstr (value, ==, server);
      g_clear_pointer (&value, g_free);
    }
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (database), "postgresql://"));

  type_into (prefs, "_Database", "  ");
  g_signal_emit_by_name (database, "apply");
  g_assert_false (gtk_widget_has_css_class (database, "error"));
  value = g_settings_get_string (f->settings, "database");
  g_assert_cmpstr (value, ==, "");
}

/* A logo that cannot be used is refused with the reason, and one that broke since it was set
 * says so in its row; the report is made without it. */
static void
test_broken_logo (Fixture       *f,
                  gconstpointer  data)
{
  CrepitusPreferencesWindow *prefs = open_preferences (f);
  g_autofree char *good = g_build_filename (f->tmpdir, "good.png", NULL);
  g_autofree char *broken = g_build_filename (f->tmpdir, "broken.png", NULL);
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CrepitusReportSettings) report_settings = { 0 };
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(Document) document = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) images = NULL;
  CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT };
  GtkWidget *logo_row = row (prefs, "_Logo");

  g_file_set_contents (broken, "GIF89a, not a PNG", -1, &error);
  g_assert_no_error (error);
  choose_file (prefs, "_Logo", broken);
  value = g_settings_get_string (f->settings, "clinic-logo");
  g_assert_cmpstr (value, ==, "");
  crepitus_test_wait_for (find_label_with (GTK_WIDGET (prefs), "it is not a PNG image") != NULL);
  g_assert_nonnull (find_label_with (GTK_WIDGET (prefs), "broken.png: the clinic logo cannot be used"));

  /* Set when it was good, then overwritten by something else. */
  crepitus_test_write_png (good, 64, 64);
  choose_file (prefs, "_Logo", good);
  g_assert_false (gtk_widget_has_css_class (logo_row, "error"));
  crepitus_test_truncate_copy (good, good, 100);
  g_settings_set_string (f->settings, "clinic-logo", "");
  g_settings_set_string (f->settings, "clinic-logo", good);
  g_assert_true (gtk_widget_has_css_class (logo_row, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (logo_row)),
                            "the PNG image is damaged"));

  crepitus_report_settings_load (&report_settings);
  g_assert_nonnull (report_settings.logo_error);
  crepitus_report_settings_apply (&report_settings, &options);
  path = write_report_in (f->tmpdir, assessment, &options, "handout.pdf", NULL);
  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
  images = crepitus_test_pdf_images (path);
  if (images != NULL)
    g_assert_cmpuint (g_strv_length (images), ==, 0);
}

/* The item of the primary menu for @action: its label, or %NULL when there is none. */
static char *
menu_label (GtkWindow  *window,
            const char *action)
{
  GtkWidget *menu_button = crepitus_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *item_action = NULL;
          char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &item_action);
          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          if (g_strcmp0 (item_action, action) == 0)
            return label;
          g_free (label);
        }
    }
  return NULL;
}

static void
test_about (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *label = menu_label (f->window, "app.about");
  GtkWindow *about;

  g_assert_cmpstr (label, ==, "_About Crepitus");
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  crepitus_test_wait_for ((about = crepitus_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Crepitus");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  /* Its icon is found, from the application's resources, installed or not. */
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==,
                   APPLICATION_ID);
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          APPLICATION_ID));
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          APPLICATION_ID "-symbolic"));
  gtk_window_destroy (about);
}

static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *label = menu_label (f->window, "win.show-shortcuts");
  GtkWindow *shortcuts;
  gboolean found = FALSE;

  g_assert_cmpstr (label, ==, "_Keyboard Shortcuts");
  g_assert_true (crepitus_test_press (GTK_WIDGET (f->window), "<Control>question"));
  crepitus_test_wait_for ((shortcuts = crepitus_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)) != NULL);
  /* It lists the preferences' shortcut (read from the resource the window is built from). */
  {
    g_autoptr(GtkBuilder) builder =
      gtk_builder_new_from_resource (RESOURCE_PREFIX "/crepitus-shortcuts-window.ui");
    GSList *objects = gtk_builder_get_objects (builder);

    for (GSList *l = objects; l != NULL; l = l->next)
      if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        {
          g_autofree char *accel = NULL;
          g_autofree char *title = NULL;

          g_object_get (l->data, "accelerator", &accel, "title", &title, NULL);
          if (g_strcmp0 (accel, "<Control>comma") == 0 && g_strcmp0 (title, "Preferences") == 0)
            found = TRUE;
        }
    g_slist_free (objects);
    gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts")));
  }
  g_assert_true (found);
  gtk_window_destroy (shortcuts);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  crepitus_test_pdf_init ();

  g_test_add ("/crepitus/ui/preferences/opens-from-menu", Fixture, NULL,
              fixture_set_up, test_opens_from_menu, fixture_tear_down);
  g_test_add ("/crepitus/ui/preferences/rows-change-keys", Fixture, NULL,
              fixture_set_up, test_rows_change_keys, fixture_tear_down);
  g_test_add ("/crepitus/ui/preferences/database", Fixture, NULL,
              fixture_set_up, test_database_row, fixture_tear_down);
  g_test_add ("/crepitus/ui/preferences/broken-logo", Fixture, NULL,
              fixture_set_up, test_broken_logo, fixture_tear_down);
  g_test_add ("/crepitus/ui/menu/about", Fixture, NULL, fixture_set_up, test_about,
              fixture_tear_down);
  g_test_add ("/crepitus/ui/menu/shortcuts", Fixture, NULL, fixture_set_up, test_shortcuts,
              fixture_tear_down);
  return g_test_run ();
}
