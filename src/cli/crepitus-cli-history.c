/* crepitus-cli-history.c — `crepitus history PATIENT-ID`: a patient's assessments, their
 * triage and scores, without those entered in error; the scores and the important NPRS
 * changes as crepitus-history.c computes them for the window and the summary's chart */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <jansson.h>

#include "crepitus-cli-private.h"
#include "crepitus-history.h"
#include "crepitus-triage.h"

/* The score columns: NPRS, ODI %, STarT Back risk, Beighton total; empty when not scored. */
static char *
dup_score_columns (const CrepitusScores *scores)
{
  g_autofree char *nprs = scores->nprs >= 0 ? g_strdup_printf ("%d", scores->nprs) : NULL;
  g_autofree char *odi = scores->odi_recorded && scores->odi_scored ?
                         g_strdup_printf ("%d", scores->odi_percent) : NULL;
  const char *risk = scores->start_back_recorded && scores->start_back_scored ?
                     crepitus_catalog_key (CREPITUS_LIST_START_BACK_RISK,
                                           scores->start_back_risk) : NULL;
  g_autofree char *beighton = scores->beighton_recorded ?
                              g_strdup_printf ("%d", scores->beighton_total) : NULL;

  return g_strjoin ("\t", nprs != NULL ? nprs : "", odi != NULL ? odi : "",
                    risk != NULL ? risk : "", beighton != NULL ? beighton : "", NULL);
}

/* The same scores as members of @object, left out when not scored; a visit of the history
 * also gets its NPRS change from the visit before and whether it is clinically important. */
static void
add_scores (json_t                     *object,
            const CrepitusScores       *scores,
            const CrepitusHistoryVisit *visit)
{
  if (scores->nprs >= 0)
    json_object_set_new (object, "nprs", json_integer (scores->nprs));
  if (scores->odi_recorded && scores->odi_scored)
    json_object_set_new (object, "odi", json_integer (scores->odi_percent));
  if (scores->start_back_recorded && scores->start_back_scored)
    json_object_set_new (object, "start_back",
                         json_string (crepitus_catalog_key (CREPITUS_LIST_START_BACK_RISK,
                                                            scores->start_back_risk)));
  if (scores->beighton_recorded)
    json_object_set_new (object, "beighton", json_integer (scores->beighton_total));
  if (visit != NULL && visit->nprs_compared)
    {
      json_object_set_new (object, "nprs_change", json_integer (visit->nprs_change));
      json_object_set_new (object, "nprs_important", json_boolean (visit->nprs_important));
    }
}

int
crepitus_cli_history (const CrepitusGlobalOptions *options,
                      int                          argc,
                      char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(CrepitusHistory) history = NULL;
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

  history = crepitus_history_new (assessments);
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
      const CrepitusHistoryVisit *visit = NULL;
      CrepitusScores superseded_scores;
      const CrepitusScores *scores;

      /* Kept in the database, never part of the patient's history. */
      if (status == CREPITUS_ASSESSMENT_ENTERED_IN_ERROR)
        continue;
      /* A superseded original is listed for the record, outside the visits charted. */
      visit = crepitus_history_find_visit (history, crepitus_assessment_get_id (assessment));
      if (visit == NULL)
        crepitus_scores_compute_for (assessment, &superseded_scores);
      scores = visit != NULL ? &visit->scores : &superseded_scores;

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
          add_scores (object, scores, visit);
          json_array_append_new (array, object);
        }
      else
        {
          g_autofree char *name = crepitus_cli_field (clinician);
          g_autofree char *score_columns = dup_score_columns (scores);

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n",
                   crepitus_assessment_get_id (assessment),
                   crepitus_assessment_get_date (assessment), name, level,
                   crepitus_assessment_status_key (status), score_columns);
        }
    }

  if (as_json)
    crepitus_cli_print_json (array);
  else
    json_decref (array);
  return CREPITUS_EXIT_OK;
}
