/* crepitus-store-pg-loader.c — the PostgreSQL backend, loaded when a server is asked for
 *
 * libpq brings OpenSSL, Kerberos, LDAP and GnuTLS with it: twenty libraries and about 6 MB that
 * a workstation on its database file never needs (each command and report would pay 15 ms to
 * load them). The backend (crepitus-store-pg*.c) is therefore a module, libcrepitus-store-pg,
 * opened at the first postgresql:// location; it takes the core from the executable, which
 * exports it. A program that links the backend itself (the tests) uses it as it is. A Crepitus
 * built without libpq, or installed without the module, refuses a server in one clear line.
 */
#define G_LOG_DOMAIN "crepitus-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "crepitus-modules.h"
#include "crepitus-store-private.h"

/* Defined only where the backend is linked in (crepitus-store-pg.c). */
extern const CrepitusStoreBackend crepitus_store_pg_backend __attribute__ ((weak));

const CrepitusStoreBackend *
crepitus_store_pg_backend_get (const char  *location,
                               GError     **error)
{
  static GMutex lock;
  static const CrepitusStoreBackend *loaded;
  static char *problem;
  g_autofree char *shown = NULL;

  if (&crepitus_store_pg_backend != NULL)
    return &crepitus_store_pg_backend;

  g_mutex_lock (&lock);
  if (loaded == NULL && problem == NULL)
    {
      g_autofree char *path = crepitus_module_find ("crepitus-store-pg", "core",
                                                    "CREPITUS_PG_MODULE");
      GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      gpointer symbol = NULL;

      if (module != NULL && g_module_symbol (module, "crepitus_store_pg_backend", &symbol))
        {
          /* libpq and its libraries cannot be unloaded safely. */
          g_module_make_resident (module);
          loaded = symbol;
        }
      else
        {
          problem = g_strdup (g_module_error ());
          if (module != NULL)
            g_module_close (module);
        }
    }
  g_mutex_unlock (&lock);
  if (loaded != NULL)
    return loaded;

  shown = crepitus_store_location_for_display (location);
  g_debug ("no PostgreSQL module: %s", problem);
  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
               _("%s: this Crepitus was built or installed without PostgreSQL (libpq); use a "
                 "database file, or a Crepitus with its PostgreSQL module"), shown);
  return NULL;
}
