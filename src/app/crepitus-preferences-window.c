/* crepitus-preferences-window.c — the settings a person sets, each applied as it changes
 *
 * One row for each key of the schema that a person sets (the window-* keys are the window's
 * own). Text rows are bound to their key; the clinician's name follows its rule (never blank,
 * as in the dialog that first asks it); the logo is checked as the report will check it, and
 * a file that cannot be used is refused with the reason; files and folders are chosen with
 * GtkFileChooserNative, through the portal inside Flatpak.
 */
#define G_LOG_DOMAIN "crepitus-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-catalog.h"
#include "crepitus-fields.h"
#include "crepitus-locale.h"
#include "crepitus-preferences-window.h"
#include "crepitus-report.h"
#include "crepitus-report-settings.h"
#include "crepitus-store.h"

struct _CrepitusPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkNativeDialog      *chooser;          /* the file chooser open, or NULL */

  AdwEntryRow          *clinician_row;
  AdwEntryRow          *clinic_name_row;
  AdwEntryRow          *clinic_address_row;
  AdwEntryRow          *clinic_phone_row;
  AdwActionRow         *logo_row;
  GtkButton            *logo_button;
  GtkButton            *logo_clear_button;
  AdwEntryRow          *emergency_row;
  AdwEntryRow          *database_row;
  AdwActionRow         *folder_row;
  GtkButton            *folder_button;
  GtkButton            *folder_reset_button;
  AdwComboRow          *paper_row;
  AdwComboRow          *language_row;
};

G_DEFINE_FINAL_TYPE (CrepitusPreferencesWindow, crepitus_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The values of the paper-size key, in the order of its row. */
static const CrepitusCatalogEntry papers[] = {
  { "a4", N_("A4") },
  { "letter", N_("US Letter") },
};

/* Choice rows: the key's string value <-> the row's position */

typedef struct
{
  const CrepitusCatalogEntry *entries;
  guint                       n_entries;
} Choices;

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const Choices *choices = user_data;
  const char *key = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < choices->n_entries; i++)
    if (g_str_equal (choices->entries[i].key, key))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const Choices *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= choices->n_entries)
    return NULL;
  return g_variant_new_string (choices->entries[position].key);
}

static void
bind_choices (CrepitusPreferencesWindow  *self,
              AdwComboRow                *row,
              const char                 *key,
              const CrepitusCatalogEntry *entries,
              guint                       n_entries,
              gboolean                    translate)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  Choices *choices = g_new0 (Choices, 1);

  for (guint i = 0; i < n_entries; i++)
    gtk_string_list_append (labels, translate ? _(entries[i].label) : entries[i].label);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));

  choices->entries = entries;
  choices->n_entries = n_entries;
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping, choices, g_free);
}

/* The clinician's name: never blank, stored without surrounding spaces */

static void
on_clinician_changed_cb (CrepitusPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->clinician_row));
  g_autofree char *name = NULL;
  g_autofree char *current = NULL;

  if (self->settings == NULL)
    return;
  if (crepitus_text_is_blank (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->clinician_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->clinician_row),
                                   _("Your name cannot be empty: it signs your assessments"));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->clinician_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clinician_row), NULL);

  name = g_strstrip (g_strdup (text));
  current = g_settings_get_string (self->settings, "clinician-name");
  if (!g_str_equal (name, current))
    g_settings_set_string (self->settings, "clinician-name", name);
}

static void
on_clinician_name_setting_cb (GSettings                 *settings,
                              const char                *key,
                              CrepitusPreferencesWindow *self)
{
  g_autofree char *name = g_settings_get_string (settings, key);
  g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->clinician_row))));

  /* Changed elsewhere (the dialog, another window): show it, unless it is what is typed. */
  if (!g_str_equal (name, shown))
    gtk_editable_set_text (GTK_EDITABLE (self->clinician_row), name);
}

/* The logo */

static void
show_message (CrepitusPreferencesWindow *self,
              const char                *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);   /* a title is markup */
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_timeout (toast, 0);   /* stays until dismissed: it says what to do */
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* The database: a location is taken only when it may be used (crepitus_store_location_check),
 * and applied, not as each character is typed: half an address is no database. */
static void
on_database_apply_cb (CrepitusPreferencesWindow *self)
{
  g_autofree char *location = g_strstrip (g_strdup (gtk_editable_get_text (
                                                        GTK_EDITABLE (self->database_row))));
  g_autoptr(GError) error = NULL;

  if (*location != '\0' && !crepitus_store_location_check (location, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->database_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_row), error->message);
      show_message (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->database_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_row), NULL);
  g_settings_set_string (self->settings, "database", location);
}

/* The row says which file is the logo, or why the one set cannot be used. */
static void
update_logo_row (CrepitusPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "clinic-logo");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) logo = NULL;
  GtkWidget *row = GTK_WIDGET (self->logo_row);

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->logo_clear_button), !crepitus_text_is_blank (path));
  if (crepitus_text_is_blank (path))
    {
      adw_action_row_set_subtitle (self->logo_row, _("None: a PNG image printed in the header "
                                                     "of reports"));
      return;
    }
  logo = crepitus_report_logo_load (path, &error);
  if (logo == NULL)
    {
      gtk_widget_add_css_class (row, "error");
      adw_action_row_set_subtitle (self->logo_row, error->message);
      return;
    }
  adw_action_row_set_subtitle (self->logo_row, path);
}

static void
set_logo_file (CrepitusPreferencesWindow *self,
               GFile                     *file)
{
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      show_message (self, _("The logo must be a file on this computer"));
      return;
    }
  /* Checked now, as the report will check it: a file that cannot be used is refused here,
   * with the reason, rather than left out of every report. */
  logo = crepitus_report_logo_load (path, &error);
  if (logo == NULL)
    {
      show_message (self, error->message);
      return;
    }
  g_settings_set_string (self->settings, "clinic-logo", path);
}

static void
on_logo_chooser_response_cb (GtkNativeDialog           *chooser,
                             int                        response,
                             CrepitusPreferencesWindow *self)
{
  g_autoptr(GtkNativeDialog) done = g_steal_pointer (&self->chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      set_logo_file (self, file);
    }
}

static void
on_folder_chooser_response_cb (GtkNativeDialog           *chooser,
                               int                        response,
                               CrepitusPreferencesWindow *self)
{
  g_autoptr(GtkNativeDialog) done = g_steal_pointer (&self->chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path == NULL)
        show_message (self, _("The report folder must be a folder on this computer"));
      else
        g_settings_set_string (self->settings, "report-folder", path);
    }
}

static void
open_chooser (CrepitusPreferencesWindow *self,
              GtkFileChooserNative      *chooser,
              GCallback                  on_response)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_object (chooser, "response", on_response, self, 0);
  gtk_native_dialog_show (self->chooser);
}

static void
on_logo_choose_clicked_cb (CrepitusPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose the Clinic Logo"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));

  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  open_chooser (self, chooser, G_CALLBACK (on_logo_chooser_response_cb));
}

static void
on_logo_clear_clicked_cb (CrepitusPreferencesWindow *self)
{
  g_settings_reset (self->settings, "clinic-logo");
}

/* The report folder */

static void
update_folder_row (CrepitusPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "report-folder");
  g_autofree char *folder = crepitus_report_default_folder ();
  g_autofree char *shown = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->folder_reset_button), !crepitus_text_is_blank (path));
  if (crepitus_text_is_blank (path))
    /* Translators: %s is the default report folder */
    shown = g_strdup_printf (_("%s (the default)"), folder);
  adw_action_row_set_subtitle (self->folder_row, shown != NULL ? shown : path);
}

static void
on_folder_choose_clicked_cb (CrepitusPreferencesWindow *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose the Report Folder"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                 _("_Cancel"));

  open_chooser (self, chooser, G_CALLBACK (on_folder_chooser_response_cb));
}

static void
on_folder_reset_clicked_cb (CrepitusPreferencesWindow *self)
{
  g_settings_reset (self->settings, "report-folder");
}

static void
on_setting_changed_cb (GSettings                 *settings,
                       const char                *key,
                       CrepitusPreferencesWindow *self)
{
  if (g_str_equal (key, "clinic-logo"))
    update_logo_row (self);
  else if (g_str_equal (key, "report-folder"))
    update_folder_row (self);
}

/* The class */

static void
crepitus_preferences_window_dispose (GObject *object)
{
  CrepitusPreferencesWindow *self = CREPITUS_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crepitus_preferences_window_parent_class)->dispose (object);
}

static void
crepitus_preferences_window_class_init (CrepitusPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, clinician_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, clinic_name_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, clinic_address_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, clinic_phone_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, logo_button);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, logo_clear_button);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, emergency_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, folder_button);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, folder_reset_button);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPreferencesWindow, language_row);
  gtk_widget_class_bind_template_callback (widget_class, on_clinician_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_database_apply_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
crepitus_preferences_window_init (CrepitusPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The languages reports are written in (crepitus_locale_shipped_languages()), as choices: made
 * once, they live as long as the program. */
static const CrepitusCatalogEntry *
report_languages (guint *n_languages)
{
  static CrepitusCatalogEntry *entries;
  static guint n_entries;

  if (g_once_init_enter (&entries))
    {
      const char * const *codes = crepitus_locale_shipped_languages ();
      CrepitusCatalogEntry *made;

      n_entries = g_strv_length ((char **) codes);
      made = g_new0 (CrepitusCatalogEntry, n_entries);
      for (guint i = 0; i < n_entries; i++)
        {
          made[i].key = codes[i];
          made[i].label = crepitus_locale_native_name (codes[i]);
        }
      g_once_init_leave (&entries, made);
    }
  *n_languages = n_entries;
  return entries;
}

CrepitusPreferencesWindow *
crepitus_preferences_window_new (GtkWindow *parent,
                                 GSettings *settings)
{
  CrepitusPreferencesWindow *self;
  const CrepitusCatalogEntry *languages;
  guint n_languages;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CREPITUS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

  on_clinician_name_setting_cb (settings, "clinician-name", self);
  g_signal_connect_object (settings, "changed::clinician-name",
                           G_CALLBACK (on_clinician_name_setting_cb), self, 0);
  g_settings_bind (settings, "clinic-name", self->clinic_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "clinic-address", self->clinic_address_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "clinic-phone", self->clinic_phone_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "emergency-number", self->emergency_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *location = g_settings_get_string (settings, "database");

    gtk_editable_set_text (GTK_EDITABLE (self->database_row), location);
  }
  bind_choices (self, self->paper_row, "paper-size", papers, G_N_ELEMENTS (papers), TRUE);
  languages = report_languages (&n_languages);
  /* Each language reports are written in, by its own name, untranslated. */
  bind_choices (self, self->language_row, "default-report-language", languages, n_languages,
                FALSE);

  g_signal_connect_object (settings, "changed", G_CALLBACK (on_setting_changed_cb), self, 0);
  update_logo_row (self);
  update_folder_row (self);
  return self;
}

GtkNativeDialog *
crepitus_preferences_window_get_chooser (CrepitusPreferencesWindow *self)
{
  g_return_val_if_fail (CREPITUS_IS_PREFERENCES_WINDOW (self), NULL);

  return self->chooser;
}
