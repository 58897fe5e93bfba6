/* crepitus-cli-list.c — `crepitus list`: the stored patients, one a line */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <jansson.h>

#include "crepitus-cli-private.h"

/* A field of a tab-separated line: empty when not recorded, tabs and line breaks as spaces. */
static char *
field (const char *text)
{
  return g_strdelimit (g_strdup (text != NULL ? text : ""), "\t\r\n", ' ');
}

static void
set_text (json_t     *object,
          const char *key,
          const char *value)
{
  if (value != NULL)
    json_object_set_new (object, key, json_string (value));
}

int
crepitus_cli_list (const CrepitusGlobalOptions *options,
                   int                          argc,
                   char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  json_t *array;

  if (!crepitus_cli_parse_options ("list", "", entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 1)
    return crepitus_cli_usage_error ("list", _("takes no arguments"));

  store = crepitus_cli_open_store (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;

  patients = crepitus_store_list_patients (store, &error);
  if (patients == NULL)
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), "crepitus list", error);
      return CREPITUS_EXIT_ERROR;
    }

  if (!as_json)
    {
      for (guint i = 0; i < patients->len; i++)
        {
          CrepitusPatient *patient = patients->pdata[i];
          g_autofree char *family = field (crepitus_patient_get_family_name (patient));
          g_autofree char *given = field (crepitus_patient_get_given_name (patient));
          g_autofree char *birth = field (crepitus_patient_get_birth_date (patient));
          g_autofree char *mrn = field (crepitus_patient_get_mrn (patient));

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", crepitus_patient_get_id (patient),
                   family, given, birth, mrn);
        }
      return CREPITUS_EXIT_OK;
    }

  array = json_array ();
  for (guint i = 0; i < patients->len; i++)
    {
      CrepitusPatient *patient = patients->pdata[i];
      json_t *object = json_object ();

      json_object_set_new (object, "id", json_integer (crepitus_patient_get_id (patient)));
      set_text (object, "family_name", crepitus_patient_get_family_name (patient));
      set_text (object, "given_name", crepitus_patient_get_given_name (patient));
      set_text (object, "birth_date", crepitus_patient_get_birth_date (patient));
      set_text (object, "mrn", crepitus_patient_get_mrn (patient));
      json_array_append_new (array, object);
    }
  crepitus_cli_print_json (array);
  return CREPITUS_EXIT_OK;
}
