/* crepitus-server-link.c — a window's link to a shared database server
 *
 * The store gives a file descriptor that becomes readable when another workstation's change
 * arrives (LISTEN/NOTIFY), or when the connection breaks. The link watches it on the main
 * loop, so the other rooms' changes reach the window within a moment and the window never
 * waits on the network for them. While the server is lost, and while edits wait to be saved,
 * it tries again once a second: each try is one connection attempt over the store's socket,
 * which fails at once when the server is down. When the server is back the waiting edits are
 * saved in order and ::reconnected tells the window to read again what it shows (the
 * notifications sent while it was away are lost with the connection).
 */
#define G_LOG_DOMAIN "crepitus-server-link"

#include "config.h"

#include <glib-unix.h>

#include "crepitus-server-link.h"

#define RETRY_INTERVAL_MS 1000

struct _CrepitusServerLink
{
  GObject        parent_instance;
  CrepitusStore *store;
  gboolean       shared;      /* a server, not a file */
  gboolean       connected;
  char          *problem;
  int            fd;          /* watched; -1: none */
  guint          fd_id;
  guint          retry_id;
};

G_DEFINE_FINAL_TYPE (CrepitusServerLink, crepitus_server_link, G_TYPE_OBJECT)

enum { PROP_0, PROP_CONNECTED, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { RECONNECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void link_arm (CrepitusServerLink *self);

static gboolean
retry_cb (gpointer data)
{
  CrepitusServerLink *self = data;

  self->retry_id = 0;
  crepitus_server_link_retry (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (CrepitusServerLink *self)
{
  if (self->retry_id == 0)
    self->retry_id = g_timeout_add (RETRY_INTERVAL_MS, retry_cb, self);
}

static void
set_connected (CrepitusServerLink *self,
               const GError       *error)
{
  gboolean connected = error == NULL;

  g_free (self->problem);
  self->problem = error != NULL ? g_strdup (error->message) : NULL;
  if (!connected)
    schedule_retry (self);
  if (self->connected == connected)
    return;
  self->connected = connected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  if (connected)
    g_signal_emit (self, signals[RECONNECTED], 0);
}

static gboolean
is_unreachable (const GError *error)
{
  return g_error_matches (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE);
}

static gboolean
on_readable_cb (int           fd,
                GIOCondition  condition,
                gpointer      data)
{
  CrepitusServerLink *self = data;
  g_autoptr(GError) error = NULL;

  if (crepitus_store_read_changes (self->store, &error))
    return G_SOURCE_CONTINUE;
  if (!is_unreachable (error))
    {
      g_warning ("%s", error->message);
      return G_SOURCE_CONTINUE;
    }
  /* The connection broke: its descriptor is closed; a new one comes with the next. */
  self->fd_id = 0;
  self->fd = -1;
  set_connected (self, error);
  return G_SOURCE_REMOVE;
}

/* Watches the connection's descriptor (a new one after each reconnection). */
static void
link_arm (CrepitusServerLink *self)
{
  int fd = crepitus_store_get_change_fd (self->store);

  if (fd == self->fd && (fd < 0 || self->fd_id != 0))
    return;
  g_clear_handle_id (&self->fd_id, g_source_remove);
  self->fd = fd;
  if (fd >= 0)
    self->fd_id = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR, on_readable_cb, self);
}

void
crepitus_server_link_retry (CrepitusServerLink *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CREPITUS_IS_SERVER_LINK (self));

  if (!self->shared)
    return;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  /* Reading the changes makes the connection again when it was lost. */
  if (crepitus_store_read_changes (self->store, &error) &&
      crepitus_store_save_unsaved (self->store, &error))
    {
      link_arm (self);
      set_connected (self, NULL);
      return;
    }
  if (!is_unreachable (error))
    g_warning ("%s", error->message);
  link_arm (self);
  set_connected (self, error);
}

static void
on_write_failed_cb (CrepitusServerLink *self,
                    const GError       *error)
{
  if (is_unreachable (error))
    set_connected (self, error);
}

static void
on_unsaved_changed_cb (CrepitusServerLink *self)
{
  /* Edits wait: try them again soon, even while the link still thinks itself connected. */
  if (crepitus_store_get_n_unsaved (self->store) > 0)
    schedule_retry (self);
}

static void
crepitus_server_link_dispose (GObject *object)
{
  CrepitusServerLink *self = CREPITUS_SERVER_LINK (object);

  g_clear_handle_id (&self->fd_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crepitus_server_link_parent_class)->dispose (object);
}

static void
crepitus_server_link_finalize (GObject *object)
{
  CrepitusServerLink *self = CREPITUS_SERVER_LINK (object);

  g_free (self->problem);

  G_OBJECT_CLASS (crepitus_server_link_parent_class)->finalize (object);
}

static void
crepitus_server_link_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrepitusServerLink *self = CREPITUS_SERVER_LINK (object);

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, self->connected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_server_link_class_init (CrepitusServerLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crepitus_server_link_dispose;
  object_class->finalize = crepitus_server_link_finalize;
  object_class->get_property = crepitus_server_link_get_property;

  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::reconnected: the server is back after it was lost; what the window shows may have
   * changed meanwhile without a word. */
  signals[RECONNECTED] =
    g_signal_new ("reconnected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crepitus_server_link_init (CrepitusServerLink *self)
{
  self->connected = TRUE;
  self->fd = -1;
}

CrepitusServerLink *
crepitus_server_link_new (CrepitusStore *store)
{
  CrepitusServerLink *self;

  g_return_val_if_fail (CREPITUS_IS_STORE (store), NULL);

  self = g_object_new (CREPITUS_TYPE_SERVER_LINK, NULL);
  self->store = g_object_ref (store);
  self->shared = g_strcmp0 (crepitus_store_get_backend_name (store), "postgresql") == 0;
  if (!self->shared)
    return self;
  g_signal_connect_swapped (store, "write-failed", G_CALLBACK (on_write_failed_cb), self);
  g_signal_connect_swapped (store, "unsaved-changed", G_CALLBACK (on_unsaved_changed_cb), self);
  link_arm (self);
  return self;
}

gboolean
crepitus_server_link_get_connected (CrepitusServerLink *self)
{
  g_return_val_if_fail (CREPITUS_IS_SERVER_LINK (self), TRUE);
  return self->connected;
}

const char *
crepitus_server_link_get_problem (CrepitusServerLink *self)
{
  g_return_val_if_fail (CREPITUS_IS_SERVER_LINK (self), NULL);
  return self->problem;
}
