/* crepitus-history.c — a patient's visits over time and the chart of their NPRS and ODI
 *
 * The window's History view, the clinician summary's chart and `crepitus history` all read
 * this model, so that they agree on which visits count, their scores and which NPRS changes
 * are clinically important.
 */
#define G_LOG_DOMAIN "crepitus-history"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-catalog.h"
#include "crepitus-history.h"
#include "crepitus-locale.h"

struct _CrepitusHistory
{
  GArray *visits;        /* CrepitusHistoryVisit, by date then id */
  guint   n_important;
};

static void
visit_clear (gpointer data)
{
  CrepitusHistoryVisit *visit = data;

  g_clear_pointer (&visit->date, g_free);
  g_clear_pointer (&visit->clinician, g_free);
}

static int
compare_visits (gconstpointer a,
                gconstpointer b)
{
  const CrepitusHistoryVisit *va = a;
  const CrepitusHistoryVisit *vb = b;
  int by_date = g_strcmp0 (va->date, vb->date);

  if (by_date != 0)
    return by_date;
  return (va->id > vb->id) - (va->id < vb->id);
}

gboolean
crepitus_history_includes (CrepitusAssessment *assessment)
{
  CrepitusAssessmentStatus status = crepitus_assessment_get_status (assessment);

  return status != CREPITUS_ASSESSMENT_SUPERSEDED &&
         status != CREPITUS_ASSESSMENT_ENTERED_IN_ERROR;
}

CrepitusHistory *
crepitus_history_new (GPtrArray *assessments)
{
  CrepitusHistory *self = g_new0 (CrepitusHistory, 1);
  int last_nprs = -1;

  self->visits = g_array_new (FALSE, TRUE, sizeof (CrepitusHistoryVisit));
  g_array_set_clear_func (self->visits, visit_clear);

  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      CrepitusAssessment *assessment = assessments->pdata[i];
      g_autoptr(CrepitusTriage) triage = NULL;
      CrepitusHistoryVisit visit = { 0 };

      if (!crepitus_history_includes (assessment))
        continue;
      triage = crepitus_triage_compute (assessment);
      visit.id = crepitus_assessment_get_id (assessment);
      visit.date = g_strdup (crepitus_assessment_get_date (assessment));
      visit.clinician = g_strdup (crepitus_assessment_get_clinician (assessment));
      visit.level = triage->level;
      crepitus_scores_compute_for (assessment, &visit.scores);
      g_array_append_val (self->visits, visit);
    }
  g_array_sort (self->visits, compare_visits);

  /* A change is measured from the last earlier visit where NPRS was asked: consecutive
   * points of the NPRS line. */
  for (guint i = 0; i < self->visits->len; i++)
    {
      CrepitusHistoryVisit *visit = &g_array_index (self->visits, CrepitusHistoryVisit, i);

      if (visit->scores.nprs < 0)
        continue;
      if (last_nprs >= 0)
        {
          visit->nprs_change = visit->scores.nprs - last_nprs;
          visit->nprs_compared = TRUE;
          visit->nprs_important = ABS (visit->nprs_change) >= CREPITUS_HISTORY_NPRS_IMPORTANT;
          if (visit->nprs_important)
            self->n_important++;
        }
      last_nprs = visit->scores.nprs;
    }
  return self;
}

CrepitusHistory *
crepitus_history_load (CrepitusStore    *store,
                       CrepitusPatient  *patient,
                       GError          **error)
{
  g_autoptr(GPtrArray) assessments = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (patient != NULL, NULL);

  assessments = crepitus_store_list_assessments (store, patient, error);
  if (assessments == NULL)
    return NULL;
  return crepitus_history_new (assessments);
}

void
crepitus_history_free (CrepitusHistory *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->visits);
  g_free (self);
}

guint
crepitus_history_get_n_visits (const CrepitusHistory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->visits->len;
}

const CrepitusHistoryVisit *
crepitus_history_get_visit (const CrepitusHistory *self,
                            guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->visits->len, NULL);

  return &g_array_index (self->visits, CrepitusHistoryVisit, index);
}

const CrepitusHistoryVisit *
crepitus_history_find_visit (const CrepitusHistory *self,
                             gint64                 id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->visits->len; i++)
    if (g_array_index (self->visits, CrepitusHistoryVisit, i).id == id)
      return &g_array_index (self->visits, CrepitusHistoryVisit, i);
  return NULL;
}

guint
crepitus_history_get_n_important (const CrepitusHistory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_important;
}

gboolean
crepitus_history_has_chart (const CrepitusHistory *self)
{
  return self != NULL && self->visits->len >= 2;
}

double
crepitus_history_x (const CrepitusHistory *self,
                    guint                  index)
{
  g_return_val_if_fail (self != NULL, 0.5);

  if (self->visits->len < 2)
    return 0.5;
  return (double) MIN (index, self->visits->len - 1) / (self->visits->len - 1);
}

gboolean
crepitus_history_date_labelled (const CrepitusHistory *self,
                                guint                  index,
                                guint                  max_labels)
{
  guint n, step;

  g_return_val_if_fail (self != NULL, FALSE);

  n = self->visits->len;
  if (index >= n)
    return FALSE;
  if (index == n - 1)
    return TRUE;
  step = (n + MAX (max_labels, 1) - 1) / MAX (max_labels, 1);
  step = MAX (step, 1);
  /* Every step-th date, but none so close to the last that the two would overlap. */
  return index % step == 0 && (n - 1 - index) * 2 >= step;
}

const char *
crepitus_history_chart_title (void)
{
  return T_("Pain and disability across visits");
}

const char *
crepitus_history_nprs_label (void)
{
  return T_("Pain (NPRS 0–10)");
}

const char *
crepitus_history_odi_label (void)
{
  return T_("Disability (ODI %)");
}

const char *
crepitus_history_important_label (void)
{
  return T_("NPRS change of 2 or more");
}

const char *
crepitus_history_empty_text (const CrepitusHistory *self)
{
  guint n = self != NULL ? self->visits->len : 0;

  if (n == 0)
    return T_("No visits yet: the chart starts with the first assessment.");
  if (n == 1)
    return T_("One visit so far: the trend shows from the second visit.");
  return NULL;
}

const char *
crepitus_history_column_title (CrepitusHistoryColumn column)
{
  switch (column)
    {
    case CREPITUS_HISTORY_DATE:
      return T_("Date");
    case CREPITUS_HISTORY_CLINICIAN:
      return T_("Clinician");
    case CREPITUS_HISTORY_LEVEL:
      return T_("Triage");
    case CREPITUS_HISTORY_NPRS:
      return T_("NPRS");
    case CREPITUS_HISTORY_ODI:
      return T_("ODI %");
    case CREPITUS_HISTORY_START_BACK:
      return T_("STarT Back risk");
    case CREPITUS_HISTORY_BEIGHTON:
      return T_("Beighton");
    case CREPITUS_HISTORY_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
crepitus_history_dup_cell (const CrepitusHistoryVisit *visit,
                           CrepitusHistoryColumn       column)
{
  const CrepitusScores *scores = &visit->scores;

  switch (column)
    {
    case CREPITUS_HISTORY_DATE:
      /* In the report's language in a report, the UI's in the window. */
      return crepitus_locale_format_date (NULL, visit->date);
    case CREPITUS_HISTORY_CLINICIAN:
      return g_strdup (visit->clinician != NULL ? visit->clinician : "—");
    case CREPITUS_HISTORY_LEVEL:
      return g_strdup (crepitus_triage_level_title (visit->level));
    case CREPITUS_HISTORY_NPRS:
      if (scores->nprs < 0)
        return g_strdup ("—");
      if (visit->nprs_important)
        /* Translators: an NPRS score and its change from the visit before, e.g. "7 (+3)" */
        return g_strdup_printf (T_("%d (%+d)"), scores->nprs, visit->nprs_change);
      return g_strdup_printf ("%d", scores->nprs);
    case CREPITUS_HISTORY_ODI:
      if (!scores->odi_recorded)
        return g_strdup ("—");
      if (!scores->odi_scored)
        return g_strdup (T_("not scored"));
      return g_strdup_printf ("%d", scores->odi_percent);
    case CREPITUS_HISTORY_START_BACK:
      if (!scores->start_back_recorded)
        return g_strdup ("—");
      if (!scores->start_back_scored)
        return g_strdup (T_("not scored"));
      return g_strdup (crepitus_catalog_label (CREPITUS_LIST_START_BACK_RISK,
                                               crepitus_catalog_key (CREPITUS_LIST_START_BACK_RISK,
                                                                     scores->start_back_risk)));
    case CREPITUS_HISTORY_BEIGHTON:
      if (!scores->beighton_recorded)
        return g_strdup ("—");
      /* Translators: a Beighton score out of 9 */
      return g_strdup_printf (T_("%d/9"), scores->beighton_total);
    case CREPITUS_HISTORY_N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}
