/* crepitus-window.c — the main window: header bar, primary menu, patients */
#define G_LOG_DOMAIN "crepitus-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-clinician-dialog.h"
#include "crepitus-settings.h"
#include "crepitus-window.h"

struct _CrepitusWindow
{
  AdwApplicationWindow  parent_instance;
  GSettings            *settings;       /* NULL when the schema is not installed */
  gboolean              asked_clinician;

  /* template children */
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (CrepitusWindow, crepitus_window, ADW_TYPE_APPLICATION_WINDOW)

static void
crepitus_window_restore_size (CrepitusWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 400));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
crepitus_window_change_clinician (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CrepitusWindow *self = CREPITUS_WINDOW (widget);
  CrepitusClinicianDialog *dialog = crepitus_clinician_dialog_new (GTK_WINDOW (self),
                                                                   self->settings);

  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ask_clinician_cb (gpointer data)
{
  GtkWidget *self = data;

  if (gtk_widget_get_mapped (self))
    gtk_widget_activate_action (self, "win.change-clinician", NULL);
  return G_SOURCE_REMOVE;
}

/* The first time the window is shown, ask who is using Crepitus (DESIGN.md "Who is acting"). */
static void
crepitus_window_map (GtkWidget *widget)
{
  CrepitusWindow *self = CREPITUS_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *name = NULL;

  GTK_WIDGET_CLASS (crepitus_window_parent_class)->map (widget);

  if (self->settings == NULL || self->asked_clinician)
    return;
  self->asked_clinician = TRUE;
  if (CREPITUS_IS_APPLICATION (app) &&
      crepitus_application_get_clinician (CREPITUS_APPLICATION (app)) != NULL)
    return;
  name = g_settings_get_string (self->settings, "clinician-name");
  /* After the window is on screen, so that the dialog stacks above it. */
  if (*name == '\0')
    g_idle_add_full (G_PRIORITY_LOW, ask_clinician_cb, g_object_ref (self), g_object_unref);
}

static gboolean
crepitus_window_close_request (GtkWindow *window)
{
  CrepitusWindow *self = CREPITUS_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (crepitus_window_parent_class)->close_request (window);
}

static void
crepitus_window_dispose (GObject *object)
{
  CrepitusWindow *self = CREPITUS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crepitus_window_parent_class)->dispose (object);
}

static void
crepitus_window_class_init (CrepitusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crepitus_window_dispose;
  widget_class->map = crepitus_window_map;
  window_class->close_request = crepitus_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, empty_page);

  gtk_widget_class_install_action (widget_class, "win.change-clinician", NULL,
                                   crepitus_window_change_clinician);
}

static void
crepitus_window_init (CrepitusWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = crepitus_settings_new ();
  crepitus_window_restore_size (self);
}

CrepitusWindow *
crepitus_window_new (CrepitusApplication *application)
{
  return g_object_new (CREPITUS_TYPE_WINDOW, "application", application, NULL);
}

void
crepitus_window_show_store_error (CrepitusWindow *self,
                                  const GError   *error)
{
  g_return_if_fail (CREPITUS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->empty_page, _("The database cannot be opened"));
  {
    g_autofree char *escaped = g_markup_escape_text (error->message, -1);

    /* The description is markup; a path may hold an ampersand. */
    adw_status_page_set_description (self->empty_page, escaped);
  }
}
