/* crepitus-cli-backup.c — `crepitus backup OUT.db`, `crepitus restore IN.db`, `crepitus check`
 * and `crepitus where`: the commands that look after the database */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <jansson.h>

#include "crepitus-cli-private.h"

int
crepitus_cli_backup (const CrepitusGlobalOptions *options,
                     int                          argc,
                     char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!crepitus_cli_parse_options ("backup", _("OUT.db"), entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 2 || *argv[1] == '\0' || g_str_equal (argv[1], "-"))
    return crepitus_cli_usage_error ("backup", _("expected the file to write, OUT.db"));

  store = crepitus_cli_open_store_to_read (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;

  if (!crepitus_store_backup (store, argv[1], &error))
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), argv[1], error);
      return CREPITUS_EXIT_ERROR;
    }
  return CREPITUS_EXIT_OK;
}

int
crepitus_cli_restore (const CrepitusGlobalOptions *options,
                      int                          argc,
                      char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!crepitus_cli_parse_options ("restore", _("IN.db"), entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 2 || *argv[1] == '\0' || g_str_equal (argv[1], "-"))
    return crepitus_cli_usage_error ("restore", _("expected the backup to restore, IN.db"));

  /* The database is not opened here: restore needs it closed everywhere. */
  path = crepitus_cli_dup_db_path (options);
  if (path == NULL)
    return CREPITUS_EXIT_ERROR;
  if (!crepitus_store_restore (path, argv[1], &kept, &error))
    {
      g_autofree char *shown = crepitus_store_location_for_display (path);

      crepitus_cli_store_error (shown, argv[1], error);
      return CREPITUS_EXIT_ERROR;
    }
  if (kept != NULL)
    g_print ("%s\n", kept);
  return CREPITUS_EXIT_OK;
}

/* Opening the database reads only what it needs; this reads every page. */
int
crepitus_cli_check (const CrepitusGlobalOptions *options,
                    int                          argc,
                    char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!crepitus_cli_parse_options ("check", "", entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 1)
    return crepitus_cli_usage_error ("check", _("expected no argument"));

  store = crepitus_cli_open_store (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;

  if (!crepitus_store_check_integrity (store, &error))
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), crepitus_store_get_path (store),
                                error);
      return CREPITUS_EXIT_ERROR;
    }
  /* Translators: `crepitus check` found no damage */
  g_print ("%s\n", _("ok"));
  return CREPITUS_EXIT_OK;
}

int
crepitus_cli_where (const CrepitusGlobalOptions *options,
                    int                          argc,
                    char                       **argv)
{
  g_autoptr(CrepitusStore) store = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!crepitus_cli_parse_options ("where", "", entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 1)
    return crepitus_cli_usage_error ("where", _("takes no arguments"));

  /* Opened, so that what is printed is where it is connected, never a password. */
  store = crepitus_cli_open_store_to_read (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;
  if (as_json)
    {
      json_t *object = json_object ();

      json_object_set_new (object, "location", json_string (crepitus_store_get_path (store)));
      json_object_set_new (object, "backend",
                           json_string (crepitus_store_get_backend_name (store)));
      json_object_set_new (object, "schema_version",
                           json_integer (crepitus_store_schema_version ()));
      crepitus_cli_print_json (object);
    }
  else
    g_print ("%s\t%s\n", crepitus_store_get_path (store), crepitus_store_get_backend_name (store));
  return CREPITUS_EXIT_OK;
}
