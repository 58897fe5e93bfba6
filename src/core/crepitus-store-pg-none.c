/* crepitus-store-pg-none.c — a Crepitus built without libpq (meson -Dpostgresql=disabled, or
 * a runtime without it): a server's location is refused in one clear line */
#define G_LOG_DOMAIN "crepitus-store-pg"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-store-private.h"

static gboolean
refuse (const char  *uri,
        GError     **error)
{
  g_autofree char *shown = crepitus_store_location_for_display (uri);

  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
               _("%s: this Crepitus was built without PostgreSQL (libpq); use a database file, "
                 "or a Crepitus built with it"), shown);
  return FALSE;
}

static CrepitusStoreDb *
crepitus_pg_none_open (const char              *uri,
                       CrepitusStoreOpenFlags   flags,
                       GError                 **error)
{
  refuse (uri, error);
  return NULL;
}

static gboolean
crepitus_pg_none_restore (const char  *uri,
                          const char  *backup_path,
                          char       **kept_path,
                          GError     **error)
{
  *kept_path = NULL;
  return refuse (uri, error);
}

/* Nothing else is ever called: no database of it is ever open. */
const CrepitusStoreBackend crepitus_store_pg_backend = {
  .name = "postgresql",
  .open = crepitus_pg_none_open,
  .restore = crepitus_pg_none_restore,
};
