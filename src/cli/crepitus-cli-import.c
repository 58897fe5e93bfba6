/* crepitus-cli-import.c — `crepitus import FILE.json`: store an assessment, print its id */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>

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
  const char *path;
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

  store = crepitus_cli_open_store (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;

  /* One transaction: the whole document is stored, or nothing. */
  id = crepitus_store_import_json (store, contents, length, &error);
  if (id < 0)
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), path, error);
      return CREPITUS_EXIT_ERROR;
    }

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return CREPITUS_EXIT_OK;
}
