/* crepitus-scores.c — the scores of the measures and what they suggest (CLINICAL.md §7)
 *
 * Every rule of §7's "score" column is here, once: the window, the clinician summary and
 * `crepitus score` ask these functions. A score never changes the triage level.
 */
#define G_LOG_DOMAIN "crepitus-scores"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crepitus-catalog.h"
#include "crepitus-locale.h"
#include "crepitus-scores.h"

/* STarT Back: item 9 counts 1 from this answer on ("very much", "extremely"). */
#define START_BACK_ITEM9_FROM      3
/* The psychosocial subscale: items 5–8 (indices 4–7) and item 9. */
#define START_BACK_SUBSCALE_FIRST  4
/* Risk: total ≤ 3 low; subscale ≥ 4 high; medium otherwise. */
#define START_BACK_LOW_MAX         3
#define START_BACK_HIGH_SUBSCALE   4

int
crepitus_scores_odi_percent (int sum,
                             int answered)
{
  if (answered <= 0 || sum < 0)
    return -1;
  /* sum / (5 × answered) × 100 + ½, in whole numbers: no floating point to round wrongly. */
  return (200 * sum + 5 * answered) / (10 * answered);
}

int
crepitus_scores_odi_band (int percent)
{
  if (percent <= 20)
    return 0;
  if (percent <= 40)
    return 1;
  if (percent <= 60)
    return 2;
  if (percent <= 80)
    return 3;
  return 4;
}

int
crepitus_scores_beighton_threshold (int age)
{
  if (age < 0)
    return CREPITUS_BEIGHTON_THRESHOLD_ADULT;
  if (age < 18)
    return CREPITUS_BEIGHTON_THRESHOLD_CHILD;
  if (age <= 50)
    return CREPITUS_BEIGHTON_THRESHOLD_ADULT;
  return CREPITUS_BEIGHTON_THRESHOLD_OLDER;
}

void
crepitus_scores_compute (const CrepitusMeasures *measures,
                         int                     nprs,
                         int                     age,
                         CrepitusScores         *scores)
{
  g_return_if_fail (scores != NULL);

  memset (scores, 0, sizeof *scores);
  scores->nprs = nprs >= 0 && nprs <= 10 ? nprs : -1;
  scores->odi_percent = -1;
  scores->odi_band = -1;
  scores->start_back_risk = -1;
  scores->beighton_age = age >= 0 ? age : -1;
  scores->beighton_threshold = crepitus_scores_beighton_threshold (age);
  if (measures == NULL)
    return;

  if (measures->has_odi)
    {
      int sum = 0, answered = 0;

      for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
        if (measures->odi[i] >= 0)
          {
            sum += measures->odi[i];
            answered++;
          }
      scores->odi_recorded = TRUE;
      scores->odi_unanswered = CREPITUS_ODI_N_SECTIONS - answered;
      scores->odi_scored = scores->odi_unanswered <= 1;
      if (scores->odi_scored)
        {
          scores->odi_percent = crepitus_scores_odi_percent (sum, answered);
          scores->odi_band = crepitus_scores_odi_band (scores->odi_percent);
        }
    }

  if (measures->has_start_back)
    {
      scores->start_back_recorded = TRUE;
      scores->start_back_scored = measures->bothersomeness >= 0;
      if (scores->start_back_scored)
        {
          int item9 = measures->bothersomeness >= START_BACK_ITEM9_FROM ? 1 : 0;

          for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
            if (measures->start_back_items[i] == 1)
              {
                scores->start_back_total++;
                if (i >= START_BACK_SUBSCALE_FIRST)
                  scores->start_back_subscale++;
              }
          scores->start_back_total += item9;
          scores->start_back_subscale += item9;
          if (scores->start_back_total <= START_BACK_LOW_MAX)
            scores->start_back_risk = 0;
          else if (scores->start_back_subscale >= START_BACK_HIGH_SUBSCALE)
            scores->start_back_risk = 2;
          else
            scores->start_back_risk = 1;
        }
    }

  if (measures->has_beighton)
    {
      scores->beighton_recorded = TRUE;
      for (guint i = 0; i < CREPITUS_BEIGHTON_N_ITEMS; i++)
        if (measures->beighton[i])
          scores->beighton_total++;
      scores->beighton_hypermobile = scores->beighton_total >= scores->beighton_threshold;
    }
}

void
crepitus_scores_compute_for (CrepitusAssessment *assessment,
                             CrepitusScores     *scores)
{
  CrepitusPatient *patient;
  int age = -1;

  g_return_if_fail (CREPITUS_IS_ASSESSMENT (assessment));

  patient = crepitus_assessment_get_patient (assessment);
  if (patient != NULL)
    age = crepitus_patient_get_age_on (patient, crepitus_assessment_get_date (assessment));
  crepitus_scores_compute (crepitus_assessment_get_measures (assessment),
                           crepitus_assessment_get_pain_score (assessment), age, scores);
}

gboolean
crepitus_scores_any (const CrepitusScores *scores)
{
  return scores->nprs >= 0 || scores->odi_recorded || scores->start_back_recorded ||
         scores->beighton_recorded;
}

static const char *
label_at (CrepitusList list,
          int          index)
{
  return crepitus_catalog_label (list, crepitus_catalog_key (list, index));
}

char *
crepitus_scores_dup_text (const CrepitusScores *scores,
                          const char           *measure_key,
                          gboolean              with_band)
{
  g_return_val_if_fail (scores != NULL && measure_key != NULL, NULL);

  if (g_str_equal (measure_key, "nprs"))
    {
      if (scores->nprs < 0)
        return NULL;
      /* Translators: the pain score, 0 to 10 */
      return g_strdup_printf (T_("%d out of 10"), scores->nprs);
    }
  if (g_str_equal (measure_key, "odi"))
    {
      if (!scores->odi_recorded)
        return NULL;
      if (!scores->odi_scored)
        return g_strdup_printf (TN_ ("Not scored: %d section unanswered (at most 1)",
                                     "Not scored: %d sections unanswered (at most 1)",
                                     scores->odi_unanswered),
                                scores->odi_unanswered);
      if (with_band && scores->odi_unanswered > 0)
        /* Translators: the ODI, its band, and that one section was not answered */
        return g_strdup_printf (T_("%d%% — %s (one section unanswered)"), scores->odi_percent,
                                label_at (CREPITUS_LIST_ODI_BAND, scores->odi_band));
      if (with_band)
        /* Translators: the ODI as a percentage, then its band, e.g. "24% — Moderate disability" */
        return g_strdup_printf (T_("%d%% — %s"), scores->odi_percent,
                                label_at (CREPITUS_LIST_ODI_BAND, scores->odi_band));
      if (scores->odi_unanswered > 0)
        return g_strdup_printf (T_("%d%% (one section unanswered)"), scores->odi_percent);
      return g_strdup_printf (T_("%d%%"), scores->odi_percent);
    }
  if (g_str_equal (measure_key, "start_back"))
    {
      if (!scores->start_back_recorded)
        return NULL;
      if (!scores->start_back_scored)
        return g_strdup (T_("Not scored: item 9 unanswered"));
      /* Translators: STarT Back: total of 9, psychosocial subscale of 5, then the risk group */
      return g_strdup_printf (T_("%d of 9, psychosocial subscale %d of 5 — %s"),
                              scores->start_back_total, scores->start_back_subscale,
                              label_at (CREPITUS_LIST_START_BACK_RISK, scores->start_back_risk));
    }
  if (g_str_equal (measure_key, "beighton"))
    {
      g_autofree char *threshold = NULL;

      if (!scores->beighton_recorded)
        return NULL;
      if (scores->beighton_age >= 0)
        /* Translators: the Beighton threshold, then the patient's age in years */
        threshold = g_strdup_printf (T_("threshold %d at age %d"), scores->beighton_threshold,
                                     scores->beighton_age);
      else
        threshold = g_strdup_printf (T_("adult threshold %d: birth date not recorded"),
                                     scores->beighton_threshold);
      /* Translators: the Beighton score of 9, whether it reaches the threshold, and which */
      return g_strdup_printf (T_("%d of 9 — %s (%s)"), scores->beighton_total,
                              scores->beighton_hypermobile ? T_("generalised hypermobility")
                                                           : T_("below the threshold"),
                              threshold);
    }
  g_return_val_if_reached (NULL);
}

/* Suggestions */

static const CrepitusSuggestion suggestion_hypermobility = { "ligament-elasticity",
                                                             "hypermobility" };
static const CrepitusSuggestion suggestion_nerve = { "nerve-impingement", NULL };
static const CrepitusSuggestion suggestion_gluteus = { "muscle-imbalances",
                                                       "weak-gluteus-medius" };

static gboolean
test_positive (const CrepitusMeasures *measures,
               const char             *test)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_TEST, test);

  return measures->tests[index].result ==
         crepitus_catalog_index (CREPITUS_LIST_TEST_RESULT, "positive");
}

GPtrArray *
crepitus_scores_dup_suggestions (const CrepitusMeasures *measures,
                                 const CrepitusScores   *scores)
{
  GPtrArray *suggestions = g_ptr_array_new ();

  if (measures == NULL)
    return suggestions;
  if (scores->beighton_recorded && scores->beighton_hypermobile)
    g_ptr_array_add (suggestions, (gpointer) &suggestion_hypermobility);
  if (test_positive (measures, "straight-leg-raise") || test_positive (measures, "slump"))
    g_ptr_array_add (suggestions, (gpointer) &suggestion_nerve);
  if (test_positive (measures, "trendelenburg"))
    g_ptr_array_add (suggestions, (gpointer) &suggestion_gluteus);
  return suggestions;
}

char *
crepitus_scores_dup_suggestion_reason (const CrepitusSuggestion *suggestion,
                                       const CrepitusMeasures   *measures,
                                       const CrepitusScores     *scores)
{
  static const char * const nerve_tests[] = { "straight-leg-raise", "slump", NULL };
  static const char * const gluteus_tests[] = { "trendelenburg", NULL };
  const char * const *tests;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (suggestion == &suggestion_hypermobility)
    /* Translators: why hypermobility is suggested: the Beighton score and its threshold */
    return g_strdup_printf (T_("Beighton score %d of 9 reaches the threshold of %d"),
                            scores->beighton_total, scores->beighton_threshold);

  tests = suggestion == &suggestion_nerve ? nerve_tests : gluteus_tests;
  for (guint i = 0; tests[i] != NULL; i++)
    if (test_positive (measures, tests[i]))
      /* Translators: a test and its result, e.g. "Slump test: Positive" */
      g_ptr_array_add (parts, g_strdup_printf (T_("%s: %s"),
                                               crepitus_catalog_label (CREPITUS_LIST_TEST,
                                                                       tests[i]),
                                               crepitus_catalog_label (CREPITUS_LIST_TEST_RESULT,
                                                                       "positive")));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between positive tests */
  return g_strjoinv (T_("; "), (char **) parts->pdata);
}

gboolean
crepitus_suggestion_is_pending (const CrepitusSuggestion *suggestion,
                                CrepitusAssessment       *assessment)
{
  CrepitusFactorRecord *record;

  g_return_val_if_fail (suggestion != NULL, FALSE);
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), FALSE);

  record = crepitus_assessment_get_factor (assessment, suggestion->factor);
  if (suggestion->finding != NULL)
    return !crepitus_factor_record_has_finding (record, suggestion->finding);
  return crepitus_factor_record_get_judgement (record) == CREPITUS_JUDGEMENT_NOT_ASSESSED;
}
