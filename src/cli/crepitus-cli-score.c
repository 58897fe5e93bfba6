/* crepitus-cli-score.c — `crepitus score ID`: the scores of a stored assessment's measures
 * (CLINICAL.md §7) and what they suggest, as crepitus-scores.c computes them */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <jansson.h>

#include "crepitus-cli-private.h"
#include "crepitus-scores.h"

static const char *
key_at (CrepitusList list,
        int          index)
{
  return crepitus_catalog_key (list, index);
}

static json_t *
scores_to_json (gint64                  id,
                const CrepitusScores   *scores,
                GPtrArray              *suggestions)
{
  json_t *object = json_object ();
  json_t *array = json_array ();

  json_object_set_new (object, "id", json_integer (id));
  if (scores->nprs >= 0)
    json_object_set_new (object, "nprs", json_integer (scores->nprs));
  if (scores->odi_recorded)
    {
      json_t *odi = json_object ();

      json_object_set_new (odi, "scored", json_boolean (scores->odi_scored));
      if (scores->odi_scored)
        {
          json_object_set_new (odi, "percent", json_integer (scores->odi_percent));
          json_object_set_new (odi, "band", json_string (key_at (CREPITUS_LIST_ODI_BAND,
                                                                 scores->odi_band)));
        }
      json_object_set_new (odi, "unanswered", json_integer (scores->odi_unanswered));
      json_object_set_new (object, "odi", odi);
    }
  if (scores->start_back_recorded)
    {
      json_t *start_back = json_object ();

      json_object_set_new (start_back, "scored", json_boolean (scores->start_back_scored));
      if (scores->start_back_scored)
        {
          json_object_set_new (start_back, "total", json_integer (scores->start_back_total));
          json_object_set_new (start_back, "psychosocial",
                               json_integer (scores->start_back_subscale));
          json_object_set_new (start_back, "risk",
                               json_string (key_at (CREPITUS_LIST_START_BACK_RISK,
                                                    scores->start_back_risk)));
        }
      json_object_set_new (object, "start_back", start_back);
    }
  if (scores->beighton_recorded)
    {
      json_t *beighton = json_object ();

      json_object_set_new (beighton, "total", json_integer (scores->beighton_total));
      json_object_set_new (beighton, "age", scores->beighton_age >= 0 ?
                                            json_integer (scores->beighton_age) : json_null ());
      json_object_set_new (beighton, "threshold", json_integer (scores->beighton_threshold));
      json_object_set_new (beighton, "hypermobile", json_boolean (scores->beighton_hypermobile));
      json_object_set_new (object, "beighton", beighton);
    }
  for (guint i = 0; i < suggestions->len; i++)
    {
      const CrepitusSuggestion *suggestion = suggestions->pdata[i];
      json_t *item = json_object ();

      json_object_set_new (item, "factor", json_string (suggestion->factor));
      if (suggestion->finding != NULL)
        json_object_set_new (item, "finding", json_string (suggestion->finding));
      json_array_append_new (array, item);
    }
  json_object_set_new (object, "suggestions", array);
  return object;
}

/* One line a score: id, measure, score, its reading, and a detail (tab-separated). */
static void
print_scores (gint64                id,
              const CrepitusScores *scores,
              GPtrArray            *suggestions)
{
  if (scores->nprs >= 0)
    g_print ("%" G_GINT64_FORMAT "\tnprs\t%d\n", id, scores->nprs);
  if (scores->odi_recorded && scores->odi_scored)
    g_print ("%" G_GINT64_FORMAT "\todi\t%d\t%s\t%d\n", id, scores->odi_percent,
             key_at (CREPITUS_LIST_ODI_BAND, scores->odi_band), scores->odi_unanswered);
  else if (scores->odi_recorded)
    g_print ("%" G_GINT64_FORMAT "\todi\t\tnot-scored\t%d\n", id, scores->odi_unanswered);
  if (scores->start_back_recorded && scores->start_back_scored)
    g_print ("%" G_GINT64_FORMAT "\tstart_back\t%d\t%s\t%d\n", id, scores->start_back_total,
             key_at (CREPITUS_LIST_START_BACK_RISK, scores->start_back_risk),
             scores->start_back_subscale);
  else if (scores->start_back_recorded)
    g_print ("%" G_GINT64_FORMAT "\tstart_back\t\tnot-scored\t\n", id);
  if (scores->beighton_recorded)
    g_print ("%" G_GINT64_FORMAT "\tbeighton\t%d\t%s\t%d\n", id, scores->beighton_total,
             scores->beighton_hypermobile ? "hypermobile" : "below-threshold",
             scores->beighton_threshold);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const CrepitusSuggestion *suggestion = suggestions->pdata[i];

      g_print ("%" G_GINT64_FORMAT "\tsuggestion\t%s\t%s\n", id, suggestion->factor,
               suggestion->finding != NULL ? suggestion->finding : "");
    }
}

int
crepitus_cli_score (const CrepitusGlobalOptions *options,
                    int                          argc,
                    char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };
  CrepitusScores scores;
  gint64 id;

  if (!crepitus_cli_parse_options ("score", _("ID"), entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 2)
    return crepitus_cli_usage_error ("score", _("expected the id of one assessment"));
  if (!crepitus_cli_parse_id ("score", argv[1], &id))
    return CREPITUS_EXIT_USAGE;

  store = crepitus_cli_open_store_to_read (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;
  assessment = crepitus_store_load_assessment (store, id, &error);
  if (assessment == NULL)
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), "crepitus score", error);
      return CREPITUS_EXIT_ERROR;
    }

  crepitus_scores_compute_for (assessment, &scores);
  suggestions = crepitus_scores_dup_suggestions (crepitus_assessment_get_measures (assessment),
                                                 &scores);
  if (as_json)
    crepitus_cli_print_json (scores_to_json (id, &scores, suggestions));
  else
    print_scores (id, &scores, suggestions);
  return CREPITUS_EXIT_OK;
}
