/* crepitus-modules.c — where Crepitus's loadable modules are
 *
 * The window (GTK) and the PostgreSQL backend (libpq, with OpenSSL, Kerberos and LDAP behind
 * it) are modules, loaded only when they are needed: a command on a database file starts
 * without either.
 */
#define G_LOG_DOMAIN "crepitus-modules"

#include "config.h"

#include <gmodule.h>

#include "crepitus-modules.h"

char *
crepitus_module_find (const char *name,
                      const char *build_subdir,
                      const char *override_env)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *override = override_env != NULL ? g_getenv (override_env) : NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (override != NULL)
    return g_strdup (override);
  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *file = g_module_build_path (NULL, name);
      char *path = g_build_filename (dir, build_subdir, file, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
      if (*PKGLIBDIR_FROM_BINDIR != '\0')
        {
          path = g_build_filename (dir, PKGLIBDIR_FROM_BINDIR, file, NULL);
          if (g_file_test (path, G_FILE_TEST_EXISTS))
            return path;
          g_free (path);
        }
    }
  return g_module_build_path (PKGLIBDIR, name);
}
