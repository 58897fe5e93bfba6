/* crepitus-cli-import.c — `crepitus import FILE.json`: store an assessment, print its id */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crepitus-cli-private.h"

int
crepitus_cli_import (const CrepitusGlobalOptions *options,
                     int                          argc,
                     char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autofree char *contents = NULL;
  GOptionEntry entries[] = { { NULL } };
  static const char * const database_suffixes[] = { "-wal", "-shm", "" };
  g_autofree char *db_path = NULL;
  const char *path;
  gboolean existed;
  gsize length;
  gint64 id;

  if (!crepitus_cli_parse_options ("import", _("FILE.json"), entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 2)
    return crepitus_cli_usage_error ("import", _("expected one FILE.json (or - for standard input)"));
  path = argv[1];

  if (!crepitus_cli_read_input (path, &contents, &length, &error))
    {
      crepitus_cli_error (path, error->message);
      return CREPITUS_EXIT_ERROR;
    }

  db_path = crepitus_cli_dup_db_path (options);
  if (db_path == NULL)
    return CREPITUS_EXIT_ERROR;
  /* A server's database is never removed. */
  existed = crepitus_store_location_is_server (db_path) ||
            g_file_test (db_path, G_FILE_TEST_EXISTS);
  store = crepitus_cli_open_store (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;

  /* One transaction: the whole document is stored, or nothing. */
  id = crepitus_store_import_json (store, contents, length, &error);
  if (id < 0)
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), path, error);
      /* A database made for this import alone holds nothing: it goes, with SQLite's files. */
      if (!existed)
        {
          g_clear_object (&store);
          for (guint i = 0; i < G_N_ELEMENTS (database_suffixes); i++)
            {
              g_autofree char *file = g_strconcat (db_path, database_suffixes[i], NULL);

              g_unlink (file);
            }
        }
      return CREPITUS_EXIT_ERROR;
    }

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return CREPITUS_EXIT_OK;
}
