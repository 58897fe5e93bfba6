/* crepitus-cli-list.c — `crepitus list [--search TEXT]`: the stored patients, one a line */
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
  g_autofree char *search = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the patients whose family name, given name or MRN has a word starting with each "
         "word of TEXT (case and accents aside), by name"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  json_t *array;

  if (!crepitus_cli_parse_options ("list", "", entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 1)
    return crepitus_cli_usage_error ("list", _("takes no arguments"));

  store = crepitus_cli_open_store_to_read (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;

  /* Without --search, every patient by id, as before; with it, the window's order. */
  if (search != NULL)
    patients = crepitus_store_search_patients (store, search, 0, G_MAXUINT, &error);
  else
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
          g_autofree char *family = crepitus_cli_field (crepitus_patient_get_family_name (patient));
          g_autofree char *given = crepitus_cli_field (crepitus_patient_get_given_name (patient));
          g_autofree char *birth = crepitus_cli_field (crepitus_patient_get_birth_date (patient));
          g_autofree char *mrn = crepitus_cli_field (crepitus_patient_get_mrn (patient));

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
