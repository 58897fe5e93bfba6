/* crepitus-test-levels.h — assessments at each triage level, and the handout's safety net,
 * for the handout tests (in English and in every shipped language) */
#pragma once

#include "crepitus-test-pdf.h"
#include "crepitus-triage.h"

G_BEGIN_DECLS

typedef enum
{
  SCREEN_INCOMPLETE,   /* only the flags found present were asked about */
  SCREEN_COMPLETE,     /* every other flag asked about and absent */
} Screen;

/* The example of CLINICAL.md §6 (an occasional pop, nothing else) made to come out at @level
 * through the model, with a factor judged possible. */
static inline CrepitusAssessment *
assessment_at (CrepitusLevel level,
               Screen        screen)
{
  CrepitusAssessment *assessment = load_example ();
  CrepitusFactorRecord *muscles = crepitus_assessment_get_factor (assessment, "muscle-imbalances");
  g_autoptr(CrepitusTriage) triage = NULL;

  switch (level)
    {
    case CREPITUS_LEVEL_EMERGENCY:
      crepitus_assessment_set_red_flag (assessment, "saddle-anaesthesia",
                                        CREPITUS_RED_FLAG_PRESENT);
      crepitus_assessment_set_member (assessment, CREPITUS_LIST_SYMPTOM, "numbness", TRUE);
      break;
    case CREPITUS_LEVEL_URGENT:
      crepitus_assessment_set_red_flag (assessment, "fever", CREPITUS_RED_FLAG_PRESENT);
      break;
    case CREPITUS_LEVEL_REFER:
      crepitus_assessment_set_member (assessment, CREPITUS_LIST_SYMPTOM, "pain", TRUE);
      crepitus_assessment_set_member (assessment, CREPITUS_LIST_SYMPTOM, "tingling", TRUE);
      break;
    case CREPITUS_LEVEL_MONITOR:
      crepitus_assessment_set_frequency (assessment, CREPITUS_FREQUENCY_FREQUENT);
      crepitus_assessment_set_review_weeks (assessment, 4);
      break;
    case CREPITUS_LEVEL_BENIGN:
    default:
      break;
    }
  crepitus_factor_record_set_judgement (muscles, CREPITUS_JUDGEMENT_POSSIBLE);
  crepitus_factor_record_set_finding (muscles, "weak-core", TRUE);

  if (screen == SCREEN_COMPLETE)
    {
      guint n;
      const CrepitusCatalogEntry *flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);

      for (guint i = 0; i < n; i++)
        if (crepitus_assessment_get_red_flag (assessment, flags[i].key) == CREPITUS_RED_FLAG_NOT_ASKED)
          crepitus_assessment_set_red_flag (assessment, flags[i].key, CREPITUS_RED_FLAG_ABSENT);
      g_assert_true (crepitus_assessment_is_screen_complete (assessment));
    }
  else
    g_assert_false (crepitus_assessment_is_screen_complete (assessment));

  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, level);
  return assessment;
}

/* The safety net, whole and in order: the emergency signs under the heading that says what to
 * do, and below urgent the signs that need a doctor the same day. */
static inline void
assert_safety_net (const char *page,
                   const char *number,
                   gboolean    same_day)
{
  g_autofree char *heading = crepitus_catalog_safety_net_heading (number);
  g_autoptr(GPtrArray) needles = g_ptr_array_new ();
  const CrepitusCatalogEntry *flags;
  guint n;

  g_ptr_array_add (needles, heading);
  flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);
  for (guint i = 0; i < n; i++)
    if (crepitus_catalog_red_flag_tier (flags[i].key) == CREPITUS_RED_FLAG_EMERGENCY)
      g_ptr_array_add (needles, (char *) crepitus_catalog_red_flag_patient_text (flags[i].key));
  if (same_day)
    {
      g_ptr_array_add (needles, (char *) crepitus_catalog_same_day_heading ());
      for (guint i = 0; crepitus_catalog_same_day_sign (i) != NULL; i++)
        g_ptr_array_add (needles, (char *) crepitus_catalog_same_day_sign (i));
    }
  g_ptr_array_add (needles, NULL);
  assert_in_order (page, (const char * const *) needles->pdata);
  if (!same_day)
    assert_lacks (page, crepitus_catalog_same_day_heading ());
}

G_END_DECLS
