/* crepitus-application.c — the GTK application: actions, accelerators, windows */
#define G_LOG_DOMAIN "crepitus-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-application-private.h"
#include "crepitus-settings.h"
#include "crepitus-window.h"

struct _CrepitusApplication
{
  AdwApplication  parent_instance;
  char           *db_path;       /* --db, or NULL */
  char           *clinician;     /* --clinician, or NULL */
  CrepitusStore  *store;         /* opened at startup; NULL while opening or when it failed */
  GError         *store_error;   /* why it failed */
  gboolean        store_opening; /* the database is not open yet, nor has it failed */
  gboolean        open_started;  /* its thread was started */
  GSettings      *settings;      /* NULL when the schema is not installed */
  CrepitusStoreOpenFlags store_flags;
};

G_DEFINE_FINAL_TYPE (CrepitusApplication, crepitus_application, ADW_TYPE_APPLICATION)

enum { PROP_0, PROP_DB_PATH, PROP_CLINICIAN, PROP_STORE, PROP_STORE_OPENING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
crepitus_application_quit_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  CrepitusApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows first so that each saves its size, then quit. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  /* A window may stay open: it asks first when edits wait for the clinic's server. */
  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    g_application_quit (G_APPLICATION (self));
}

static void
crepitus_application_about_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  CrepitusApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Crepitus developers", NULL };

  adw_show_about_window (window,
                         "application-name", _("Crepitus"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Crepitus developers"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", _("© 2026 The Crepitus developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Assess lower back popping on leg movement, triage it "
                                       "and hand the patient a summary."),
                         /* Translators: put your names here, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

char *
crepitus_application_dup_acting_clinician (CrepitusApplication *self)
{
  char *name = NULL;

  g_return_val_if_fail (CREPITUS_IS_APPLICATION (self), NULL);

  if (self->clinician != NULL && *self->clinician != '\0')
    name = g_strdup (self->clinician);
  else if (self->settings != NULL)
    name = g_settings_get_string (self->settings, "clinician-name");
  if (name != NULL && *g_strstrip (name) == '\0')
    g_clear_pointer (&name, g_free);
  return name;
}

/* The audit log follows the clinician acting, also when the name changes. */
static void
update_store_clinician (CrepitusApplication *self)
{
  g_autofree char *name = crepitus_application_dup_acting_clinician (self);

  if (self->store != NULL)
    crepitus_store_set_clinician (self->store, name);
}

static void
on_clinician_name_changed (GSettings           *settings,
                           const char          *key,
                           CrepitusApplication *self)
{
  update_store_clinician (self);
}

/* Opening the database */

typedef struct
{
  char                   *path;
  CrepitusStoreOpenFlags  flags;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_free (open->path);
  g_free (open);
}

static void
open_store_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  OpenData *open = task_data;
  GError *error = NULL;
  CrepitusStore *store = crepitus_store_open_full (open->path, open->flags, &error);
  g_autoptr(GPtrArray) first_page = NULL;
  guint count;

  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* What the window asks first, asked here once: the pages it reads are then in SQLite's
   * cache, and the list fills without keeping the window from drawing (tens of
   * milliseconds on a clinic of 100,000 patients). Its errors are the window's to show. */
  if (crepitus_store_count_patients (store, "", &count, NULL))
    first_page = crepitus_store_search_patients (store, "", 0, 50, NULL);
  g_task_return_pointer (task, store, g_object_unref);
}

static void
open_store_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CrepitusApplication *self = CREPITUS_APPLICATION (object);

  self->store = g_task_propagate_pointer (G_TASK (result), &self->store_error);
  self->store_opening = FALSE;
  update_store_clinician (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE_OPENING]);
}

void
crepitus_application_open_store (CrepitusApplication *self)
{
  g_autoptr(GTask) task = NULL;
  OpenData *open;

  g_return_if_fail (CREPITUS_IS_APPLICATION (self));

  if (self->open_started || !self->store_opening)
    return;
  self->open_started = TRUE;

  task = g_task_new (self, NULL, open_store_done, NULL);
  open = g_new0 (OpenData, 1);
  open->path = self->db_path != NULL ? g_strdup (self->db_path) : crepitus_store_default_path ();
  open->flags = self->store_flags;
  g_task_set_source_tag (task, crepitus_application_open_store);
  g_task_set_task_data (task, open, open_data_free);
  g_task_run_in_thread (task, open_store_thread);
}

void
crepitus_application_retry_store (CrepitusApplication *self)
{
  g_return_if_fail (CREPITUS_IS_APPLICATION (self));

  if (self->store != NULL || self->store_opening)
    return;
  g_clear_error (&self->store_error);
  self->store_opening = TRUE;
  self->open_started = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE_OPENING]);
  crepitus_application_open_store (self);
}

static const GActionEntry app_actions[] = {
  { "quit", crepitus_application_quit_action },
  { "about", crepitus_application_about_action },
};

static void
crepitus_application_startup (GApplication *application)
{
  CrepitusApplication *self = CREPITUS_APPLICATION (application);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (crepitus_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  /* The database is opened in a thread once the window has drawn its first frame
   * (crepitus_application_open_store): it never waits for a large clinic's file, a slow disk
   * or a lock held elsewhere, nor shares the processor with it. The window opens even when
   * the database does not; it shows why. */
  self->store_opening = TRUE;

  self->settings = crepitus_settings_new ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::clinician-name",
                             G_CALLBACK (on_clinician_name_changed), self, 0);
  update_store_clinician (self);
}

static void
crepitus_application_shutdown (GApplication *application)
{
  CrepitusApplication *self = CREPITUS_APPLICATION (application);

  /* The thread opening the database hands it over before it is closed. */
  while (self->open_started && self->store_opening)
    g_main_context_iteration (NULL, TRUE);

  G_APPLICATION_CLASS (crepitus_application_parent_class)->shutdown (application);

  /* Closing checkpoints the write-ahead log into the database file. */
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
}

static void
crepitus_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  /* The window follows the database's opening: loading, then its patients or why not. */
  if (window == NULL)
    window = GTK_WINDOW (crepitus_window_new (CREPITUS_APPLICATION (application)));

  gtk_window_present (window);
}

static void
crepitus_application_finalize (GObject *object)
{
  CrepitusApplication *self = CREPITUS_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->clinician, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (crepitus_application_parent_class)->finalize (object);
}

static void
crepitus_application_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrepitusApplication *self = CREPITUS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      g_value_set_string (value, self->db_path);
      break;
    case PROP_CLINICIAN:
      g_value_set_string (value, self->clinician);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STORE_OPENING:
      g_value_set_boolean (value, self->store_opening);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_application_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CrepitusApplication *self = CREPITUS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DB_PATH:
      self->db_path = g_value_dup_string (value);
      break;
    case PROP_CLINICIAN:
      self->clinician = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_application_class_init (CrepitusApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = crepitus_application_finalize;
  object_class->get_property = crepitus_application_get_property;
  object_class->set_property = crepitus_application_set_property;

  app_class->startup = crepitus_application_startup;
  app_class->shutdown = crepitus_application_shutdown;
  app_class->activate = crepitus_application_activate;

  properties[PROP_DB_PATH] =
    g_param_spec_string ("db-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLINICIAN] =
    g_param_spec_string ("clinician", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CREPITUS_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_OPENING] =
    g_param_spec_boolean ("store-opening", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crepitus_application_init (CrepitusApplication *self)
{
}

CrepitusApplication *
crepitus_application_new (const char *db_path,
                          const char *clinician)
{
  /* A window on another database runs as its own instance (DESIGN.md, issue "store"). */
  GApplicationFlags flags = db_path != NULL ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS;

  return g_object_new (CREPITUS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PREFIX,
                       "db-path", db_path,
                       "clinician", clinician,
                       NULL);
}

const char *
crepitus_application_get_db_path (CrepitusApplication *self)
{
  g_return_val_if_fail (CREPITUS_IS_APPLICATION (self), NULL);

  return self->db_path;
}

const char *
crepitus_application_get_clinician (CrepitusApplication *self)
{
  g_return_val_if_fail (CREPITUS_IS_APPLICATION (self), NULL);

  return self->clinician;
}

CrepitusStore *
crepitus_application_get_store (CrepitusApplication *self)
{
  g_return_val_if_fail (CREPITUS_IS_APPLICATION (self), NULL);

  return self->store;
}

gboolean
crepitus_application_get_store_opening (CrepitusApplication *self)
{
  g_return_val_if_fail (CREPITUS_IS_APPLICATION (self), FALSE);

  return self->store_opening;
}

const GError *
crepitus_application_get_store_error (CrepitusApplication *self)
{
  g_return_val_if_fail (CREPITUS_IS_APPLICATION (self), NULL);

  return self->store_error;
}

void
crepitus_application_set_store_flags (CrepitusApplication    *self,
                                      CrepitusStoreOpenFlags  flags)
{
  g_return_if_fail (CREPITUS_IS_APPLICATION (self));

  self->store_flags = flags;
}
