/* crepitus-cli-audit.c — `crepitus audit [ID]`: who wrote what and when, for one assessment
 * (its own rows and its factors') or for everything */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <jansson.h>

#include "crepitus-cli-private.h"

static void
set_text (json_t     *object,
          const char *key,
          const char *value)
{
  json_object_set_new (object, key, value != NULL ? json_string (value) : json_null ());
}

int
crepitus_cli_audit (const CrepitusGlobalOptions *options,
                    int                          argc,
                    char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  gint64 id = -1;
  json_t *array;

  if (!crepitus_cli_parse_options ("audit", _("[ID]"), entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc > 2)
    return crepitus_cli_usage_error ("audit", _("expected at most the id of one assessment"));
  if (argc == 2 && !crepitus_cli_parse_id ("audit", argv[1], &id))
    return CREPITUS_EXIT_USAGE;

  store = crepitus_cli_open_store_to_read (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;

  /* An assessment that never existed is an error, not an empty log. */
  if (id >= 0)
    {
      g_autoptr(CrepitusAssessment) assessment = crepitus_store_load_assessment (store, id,
                                                                                 &error);

      if (assessment == NULL)
        {
          crepitus_cli_store_error (crepitus_store_get_path (store), "crepitus audit", error);
          return CREPITUS_EXIT_ERROR;
        }
    }

  rows = crepitus_store_list_audit (store, id, &error);
  if (rows == NULL)
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), "crepitus audit", error);
      return CREPITUS_EXIT_ERROR;
    }

  if (!as_json)
    {
      for (guint i = 0; i < rows->len; i++)
        {
          CrepitusAuditEntry *entry = rows->pdata[i];
          g_autofree char *clinician = crepitus_cli_field (entry->clinician);
          g_autofree char *field = crepitus_cli_field (entry->field);
          g_autofree char *old_value = crepitus_cli_field (entry->old_value);
          g_autofree char *new_value = crepitus_cli_field (entry->new_value);

          /* One record a line, id first (DESIGN.md's command line). */
          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
                   entry->id, entry->at, clinician, entry->action, entry->record,
                   entry->record_id, field, old_value, new_value);
        }
      return CREPITUS_EXIT_OK;
    }

  array = json_array ();
  for (guint i = 0; i < rows->len; i++)
    {
      CrepitusAuditEntry *entry = rows->pdata[i];
      json_t *object = json_object ();

      json_object_set_new (object, "id", json_integer (entry->id));
      set_text (object, "at", entry->at);
      set_text (object, "clinician", entry->clinician);
      set_text (object, "action", entry->action);
      set_text (object, "record", entry->record);
      json_object_set_new (object, "record_id", json_integer (entry->record_id));
      set_text (object, "field", entry->field);
      set_text (object, "old_value", entry->old_value);
      set_text (object, "new_value", entry->new_value);
      json_array_append_new (array, object);
    }
  crepitus_cli_print_json (array);
  return CREPITUS_EXIT_OK;
}
