/* crepitus-cli-history.c — `crepitus history PATIENT-ID`: a patient's assessments and triage,
 * without those entered in error */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <jansson.h>

#include "crepitus-cli-private.h"
#include "crepitus-triage.h"

int
crepitus_cli_history (const CrepitusGlobalOptions *options,
                      int                          argc,
                      char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  json_t *array;
  gint64 id;

  if (!crepitus_cli_parse_options ("history", _("PATIENT-ID"), entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 2)
    return crepitus_cli_usage_error ("history", _("expected the id of one patient"));
  if (!crepitus_cli_parse_id ("history", argv[1], &id))
    return CREPITUS_EXIT_USAGE;

  store = crepitus_cli_open_store_to_read (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;

  patient = crepitus_store_load_patient (store, id, &error);
  if (patient != NULL)
    assessments = crepitus_store_list_assessments (store, patient, &error);
  if (assessments == NULL)
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), "crepitus history", error);
      return CREPITUS_EXIT_ERROR;
    }

  array = json_array ();
  for (guint i = 0; i < assessments->len; i++)
    {
      CrepitusAssessment *assessment = assessments->pdata[i];
      g_autoptr(CrepitusTriage) triage = crepitus_triage_compute (assessment);
      const char *level = crepitus_triage_level_key (triage->level);
      const char *clinician = crepitus_assessment_get_clinician (assessment);
      const char *signed_by = crepitus_assessment_get_signed_by (assessment);
      gint64 superseded_by = crepitus_assessment_get_superseded_by (assessment);
      gint64 amends = crepitus_assessment_get_amends (assessment);

      CrepitusAssessmentStatus status = crepitus_assessment_get_status (assessment);

      /* Kept in the database, never part of the patient's history. */
      if (status == CREPITUS_ASSESSMENT_ENTERED_IN_ERROR)
        continue;

      if (as_json)
        {
          json_t *object = json_object ();

          json_object_set_new (object, "id", json_integer (crepitus_assessment_get_id (assessment)));
          json_object_set_new (object, "date", json_string (crepitus_assessment_get_date (assessment)));
          if (clinician != NULL)
            json_object_set_new (object, "clinician", json_string (clinician));
          json_object_set_new (object, "level", json_string (level));
          json_object_set_new (object, "status",
                               json_string (crepitus_assessment_status_key (status)));
          if (signed_by != NULL)
            {
              json_object_set_new (object, "signed_by", json_string (signed_by));
              json_object_set_new (object, "signed_at",
                                   json_string (crepitus_assessment_get_signed_at (assessment)));
            }
          if (superseded_by >= 0)
            json_object_set_new (object, "superseded_by", json_integer (superseded_by));
          if (amends >= 0)
            json_object_set_new (object, "amends", json_integer (amends));
          json_array_append_new (array, object);
        }
      else
        {
          g_autofree char *name = crepitus_cli_field (clinician);

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
                   crepitus_assessment_get_id (assessment),
                   crepitus_assessment_get_date (assessment), name, level,
                   crepitus_assessment_status_key (status));
        }
    }

  if (as_json)
    crepitus_cli_print_json (array);
  else
    json_decref (array);
  return CREPITUS_EXIT_OK;
}
