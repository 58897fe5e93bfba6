/* crepitus-cli-export.c — `crepitus export ID`: a stored assessment as a §6 document */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-cli-private.h"

int
crepitus_cli_export (const CrepitusGlobalOptions *options,
                     int                          argc,
                     char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autofree char *document = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 id;

  if (!crepitus_cli_parse_options ("export", _("ID"), entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 2)
    return crepitus_cli_usage_error ("export", _("expected the id of one assessment"));
  if (!crepitus_cli_parse_id ("export", argv[1], &id))
    return CREPITUS_EXIT_USAGE;

  store = crepitus_cli_open_store_to_read (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;

  document = crepitus_store_export_json (store, id, &error);
  if (document == NULL)
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), "crepitus export", error);
      return CREPITUS_EXIT_ERROR;
    }

  g_print ("%s", document);
  return CREPITUS_EXIT_OK;
}
