/* test-scores.c — every scoring rule and suggestion of CLINICAL.md §7, at its edges */
#include "config.h"

#include <string.h>

#include "crepitus-json.h"
#include "crepitus-scores.h"

static CrepitusMeasures *
odi_with (const int *answers)
{
  CrepitusMeasures *measures = crepitus_measures_new ();

  measures->has_odi = TRUE;
  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    measures->odi[i] = answers[i];
  return measures;
}

static void
score (const CrepitusMeasures *measures,
       int                     age,
       CrepitusScores         *scores)
{
  crepitus_scores_compute (measures, -1, age, scores);
}

static void
test_nothing_recorded (void)
{
  CrepitusScores scores;

  crepitus_scores_compute (NULL, -1, -1, &scores);
  g_assert_false (crepitus_scores_any (&scores));
  g_assert_null (crepitus_scores_dup_text (&scores, "odi", TRUE));
  g_assert_null (crepitus_scores_dup_text (&scores, "nprs", TRUE));

  crepitus_scores_compute (NULL, 7, -1, &scores);
  g_assert_true (crepitus_scores_any (&scores));
  g_assert_cmpint (scores.nprs, ==, 7);
}

static void
test_odi_unanswered (void)
{
  CrepitusScores scores;
  g_autofree char *text = NULL;
  g_autoptr(CrepitusMeasures) none = odi_with ((int[]) { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 });
  g_autoptr(CrepitusMeasures) all = odi_with ((int[]) { 1, 2, 1, 1, 0, 1, 1, 0, 3, 2 });
  g_autoptr(CrepitusMeasures) one = odi_with ((int[]) { 1, 2, 1, 1, 0, 1, 1, -1, 3, 2 });
  g_autoptr(CrepitusMeasures) two = odi_with ((int[]) { 1, 2, 1, 1, 0, 1, 1, -1, -1, 2 });

  /* All unanswered: recorded, not scored. */
  score (none, -1, &scores);
  g_assert_true (scores.odi_recorded);
  g_assert_false (scores.odi_scored);
  g_assert_cmpint (scores.odi_unanswered, ==, 10);
  text = crepitus_scores_dup_text (&scores, "odi", TRUE);
  g_assert_cmpstr (text, ==, "Not scored: 10 sections unanswered (at most 1)");
  g_clear_pointer (&text, g_free);

  /* Every section: 12 of 50. */
  score (all, -1, &scores);
  g_assert_true (scores.odi_scored);
  g_assert_cmpint (scores.odi_percent, ==, 24);
  g_assert_cmpstr (crepitus_catalog_key (CREPITUS_LIST_ODI_BAND, scores.odi_band), ==, "moderate");
  text = crepitus_scores_dup_text (&scores, "odi", TRUE);
  g_assert_cmpstr (text, ==, "24% — Moderate disability");
  g_clear_pointer (&text, g_free);
  text = crepitus_scores_dup_text (&scores, "odi", FALSE);
  g_assert_cmpstr (text, ==, "24%");
  g_clear_pointer (&text, g_free);

  /* One unanswered: 12 of 45 = 26.67 → 27. */
  score (one, -1, &scores);
  g_assert_true (scores.odi_scored);
  g_assert_cmpint (scores.odi_unanswered, ==, 1);
  g_assert_cmpint (scores.odi_percent, ==, 27);
  text = crepitus_scores_dup_text (&scores, "odi", TRUE);
  g_assert_cmpstr (text, ==, "27% — Moderate disability (one section unanswered)");
  g_clear_pointer (&text, g_free);

  /* Two unanswered: not scored. */
  score (two, -1, &scores);
  g_assert_false (scores.odi_scored);
  g_assert_cmpint (scores.odi_unanswered, ==, 2);
  g_assert_cmpint (scores.odi_percent, ==, -1);
}

static void
test_odi_rounding (void)
{
  CrepitusScores scores;
  g_autoptr(CrepitusMeasures) low = odi_with ((int[]) { 1, 1, 0, 0, 0, 0, 0, 0, 0, -1 });
  g_autoptr(CrepitusMeasures) high = odi_with ((int[]) { 2, 2, 2, 1, 0, 0, 0, 0, 0, -1 });

  /* Exactly .5 rounds up, never to even; .499… down. */
  g_assert_cmpint (crepitus_scores_odi_percent (1, 8), ==, 3);    /* 2.5 */
  g_assert_cmpint (crepitus_scores_odi_percent (3, 8), ==, 8);    /* 7.5 */
  g_assert_cmpint (crepitus_scores_odi_percent (5, 8), ==, 13);   /* 12.5 */
  g_assert_cmpint (crepitus_scores_odi_percent (0, 10), ==, 0);
  g_assert_cmpint (crepitus_scores_odi_percent (50, 10), ==, 100);
  g_assert_cmpint (crepitus_scores_odi_percent (45, 9), ==, 100);
  g_assert_cmpint (crepitus_scores_odi_percent (0, 0), ==, -1);

  /* Nine answered, the nearest to .5 that the ODI gives: 2/45 = 4.44 → 4, 7/45 = 15.56 → 16. */
  score (low, -1, &scores);
  g_assert_cmpint (scores.odi_percent, ==, 4);
  score (high, -1, &scores);
  g_assert_cmpint (scores.odi_percent, ==, 16);
}

static void
test_odi_bands (void)
{
  static const struct { int percent; const char *band; } cases[] = {
    { 0, "minimal" }, { 20, "minimal" }, { 21, "moderate" }, { 40, "moderate" },
    { 41, "severe" }, { 60, "severe" }, { 61, "crippling" }, { 80, "crippling" },
    { 81, "bed-bound" }, { 100, "bed-bound" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (crepitus_catalog_key (CREPITUS_LIST_ODI_BAND,
                                           crepitus_scores_odi_band (cases[i].percent)),
                     ==, cases[i].band);

  /* Through the whole rule: 10 and 11 of 50 points, either side of 20%. */
  {
    CrepitusScores scores;
    g_autoptr(CrepitusMeasures) ten = odi_with ((int[]) { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 });
    g_autoptr(CrepitusMeasures) eleven = odi_with ((int[]) { 2, 1, 1, 1, 1, 1, 1, 1, 1, 1 });

    score (ten, -1, &scores);
    g_assert_cmpint (scores.odi_percent, ==, 20);
    g_assert_cmpstr (crepitus_catalog_key (CREPITUS_LIST_ODI_BAND, scores.odi_band), ==, "minimal");
    score (eleven, -1, &scores);
    g_assert_cmpint (scores.odi_percent, ==, 22);
    g_assert_cmpstr (crepitus_catalog_key (CREPITUS_LIST_ODI_BAND, scores.odi_band), ==, "moderate");
  }
}

static CrepitusMeasures *
start_back_with (const int *items,
                 const char *bothersomeness)
{
  CrepitusMeasures *measures = crepitus_measures_new ();

  measures->has_start_back = TRUE;
  for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
    measures->start_back_items[i] = items[i];
  measures->bothersomeness = bothersomeness != NULL ?
                             crepitus_catalog_index (CREPITUS_LIST_BOTHERSOMENESS, bothersomeness) :
                             -1;
  return measures;
}

static const char *
risk (const CrepitusScores *scores)
{
  return crepitus_catalog_key (CREPITUS_LIST_START_BACK_RISK, scores->start_back_risk);
}

static void
test_start_back_item9 (void)
{
  static const struct { const char *answer; int counts; } cases[] = {
    { "not-at-all", 0 }, { "slightly", 0 }, { "moderately", 0 }, { "very-much", 1 },
    { "extremely", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrepitusMeasures) measures =
        start_back_with ((int[]) { 1, 1, 1, 0, 1, 1, 1, 0 }, cases[i].answer);
      CrepitusScores scores;

      score (measures, -1, &scores);
      g_assert_true (scores.start_back_scored);
      g_assert_cmpint (scores.start_back_total, ==, 6 + cases[i].counts);
      g_assert_cmpint (scores.start_back_subscale, ==, 3 + cases[i].counts);
      /* Subscale 3 is medium, 4 is high. */
      g_assert_cmpstr (risk (&scores), ==, cases[i].counts ? "high" : "medium");
    }
}

static void
test_start_back_risk (void)
{
  CrepitusScores scores;
  g_autofree char *text = NULL;
  g_autoptr(CrepitusMeasures) zero = start_back_with ((int[]) { 0, 0, 0, 0, 0, 0, 0, 0 },
                                                      "not-at-all");
  /* Total 3, all of it psychosocial: low all the same. */
  g_autoptr(CrepitusMeasures) three = start_back_with ((int[]) { 0, 0, 0, 0, 1, 1, 0, 0 },
                                                       "extremely");
  /* Total 4, subscale 3: medium. */
  g_autoptr(CrepitusMeasures) medium = start_back_with ((int[]) { 1, 0, 0, 0, 1, 1, 1, 0 },
                                                        "slightly");
  /* Total 4, subscale 4: high. */
  g_autoptr(CrepitusMeasures) high = start_back_with ((int[]) { 0, 0, 0, 0, 1, 1, 1, 1 },
                                                      "moderately");
  g_autoptr(CrepitusMeasures) unanswered = start_back_with ((int[]) { 1, 1, 1, 1, 1, 1, 1, 1 },
                                                            NULL);
  g_autoptr(CrepitusMeasures) all = start_back_with ((int[]) { 1, 1, 1, 1, 1, 1, 1, 1 },
                                                     "extremely");

  score (zero, -1, &scores);
  g_assert_cmpint (scores.start_back_total, ==, 0);
  g_assert_cmpstr (risk (&scores), ==, "low");
  score (three, -1, &scores);
  g_assert_cmpint (scores.start_back_total, ==, 3);
  g_assert_cmpint (scores.start_back_subscale, ==, 3);
  g_assert_cmpstr (risk (&scores), ==, "low");
  score (medium, -1, &scores);
  g_assert_cmpint (scores.start_back_total, ==, 4);
  g_assert_cmpint (scores.start_back_subscale, ==, 3);
  g_assert_cmpstr (risk (&scores), ==, "medium");
  score (high, -1, &scores);
  g_assert_cmpint (scores.start_back_total, ==, 4);
  g_assert_cmpint (scores.start_back_subscale, ==, 4);
  g_assert_cmpstr (risk (&scores), ==, "high");
  text = crepitus_scores_dup_text (&scores, "start_back", TRUE);
  g_assert_cmpstr (text, ==, "4 of 9, psychosocial subscale 4 of 5 — High risk");
  g_clear_pointer (&text, g_free);
  score (all, -1, &scores);
  g_assert_cmpint (scores.start_back_total, ==, 9);
  g_assert_cmpint (scores.start_back_subscale, ==, 5);

  /* Item 9 unanswered (a file may leave it out): not scored, never guessed. */
  score (unanswered, -1, &scores);
  g_assert_true (scores.start_back_recorded);
  g_assert_false (scores.start_back_scored);
  g_assert_cmpint (scores.start_back_risk, ==, -1);
  text = crepitus_scores_dup_text (&scores, "start_back", TRUE);
  g_assert_cmpstr (text, ==, "Not scored: item 9 unanswered");
}

static CrepitusMeasures *
beighton_with (int yes)
{
  CrepitusMeasures *measures = crepitus_measures_new ();

  measures->has_beighton = TRUE;
  for (int i = 0; i < yes; i++)
    measures->beighton[i] = TRUE;
  return measures;
}

static void
test_beighton_thresholds (void)
{
  static const struct { int age; int threshold; } cases[] = {
    { 0, 6 }, { 17, 6 }, { 18, 5 }, { 34, 5 }, { 50, 5 }, { 51, 4 }, { 90, 4 }, { -1, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrepitusMeasures) below = beighton_with (cases[i].threshold - 1);
      g_autoptr(CrepitusMeasures) at = beighton_with (cases[i].threshold);
      CrepitusScores scores;

      score (below, cases[i].age, &scores);
      g_assert_cmpint (scores.beighton_threshold, ==, cases[i].threshold);
      g_assert_cmpint (scores.beighton_total, ==, cases[i].threshold - 1);
      g_assert_false (scores.beighton_hypermobile);
      score (at, cases[i].age, &scores);
      g_assert_true (scores.beighton_hypermobile);
    }
}

static void
test_beighton_text (void)
{
  g_autoptr(CrepitusMeasures) five = beighton_with (5);
  CrepitusScores scores;
  g_autofree char *adult = NULL;
  g_autofree char *child = NULL;

  score (five, -1, &scores);
  adult = crepitus_scores_dup_text (&scores, "beighton", TRUE);
  g_assert_cmpstr (adult, ==,
                   "5 of 9 — generalised hypermobility (adult threshold 5: birth date not recorded)");
  score (five, 17, &scores);
  child = crepitus_scores_dup_text (&scores, "beighton", TRUE);
  g_assert_cmpstr (child, ==, "5 of 9 — below the threshold (threshold 6 at age 17)");
}

/* The age on the assessment date: the day before the 18th birthday is still under 18. */
static void
test_beighton_age_from_dates (void)
{
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(CrepitusMeasures) five = beighton_with (5);
  CrepitusScores scores;

  crepitus_patient_set_family_name (patient, "Test");
  crepitus_patient_set_birth_date (patient, "2008-06-15");
  assessment = crepitus_assessment_new (patient);
  crepitus_assessment_set_measures (assessment, five);

  crepitus_assessment_set_date (assessment, "2026-06-14");
  crepitus_scores_compute_for (assessment, &scores);
  g_assert_cmpint (scores.beighton_age, ==, 17);
  g_assert_false (scores.beighton_hypermobile);

  crepitus_assessment_set_date (assessment, "2026-06-15");
  crepitus_scores_compute_for (assessment, &scores);
  g_assert_cmpint (scores.beighton_age, ==, 18);
  g_assert_true (scores.beighton_hypermobile);

  /* No birth date: the adult threshold, said so. */
  crepitus_patient_set_birth_date (patient, NULL);
  crepitus_scores_compute_for (assessment, &scores);
  g_assert_cmpint (scores.beighton_age, ==, -1);
  g_assert_cmpint (scores.beighton_threshold, ==, 5);
  g_assert_true (scores.beighton_hypermobile);
}

static void
set_test (CrepitusMeasures *measures,
          const char       *test,
          const char       *result)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_TEST, test);

  measures->tests[index].result = crepitus_catalog_index (CREPITUS_LIST_TEST_RESULT, result);
  measures->tests[index].side = crepitus_catalog_index (CREPITUS_LIST_SIDE, "left");
}

static char *
suggestions_of (const CrepitusMeasures *measures,
                int                     age)
{
  CrepitusScores scores;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  score (measures, age, &scores);
  suggestions = crepitus_scores_dup_suggestions (measures, &scores);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const CrepitusSuggestion *suggestion = suggestions->pdata[i];
      g_autofree char *reason = crepitus_scores_dup_suggestion_reason (suggestion, measures,
                                                                       &scores);

      g_string_append_printf (text, "%s%s/%s <%s>", i > 0 ? " " : "", suggestion->factor,
                              suggestion->finding != NULL ? suggestion->finding : "-", reason);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_suggestions (void)
{
  g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();
  g_autoptr(CrepitusMeasures) four = beighton_with (4);
  g_autofree char *none = suggestions_of (measures, -1);
  g_autofree char *negative = NULL;
  g_autofree char *slr = NULL;
  g_autofree char *both = NULL;
  g_autofree char *all = NULL;
  g_autofree char *young = NULL;
  g_autofree char *old = NULL;

  g_assert_cmpstr (none, ==, "");
  set_test (measures, "straight-leg-raise", "negative");
  set_test (measures, "faber", "positive");
  set_test (measures, "prone-instability", "positive");
  set_test (measures, "trendelenburg", "not-done");
  negative = suggestions_of (measures, -1);
  g_assert_cmpstr (negative, ==, "");

  set_test (measures, "straight-leg-raise", "positive");
  slr = suggestions_of (measures, -1);
  g_assert_cmpstr (slr, ==, "nerve-impingement/- <Straight leg raise: Positive>");

  set_test (measures, "slump", "positive");
  both = suggestions_of (measures, -1);
  g_assert_cmpstr (both, ==,
                   "nerve-impingement/- <Straight leg raise: Positive; Slump test: Positive>");

  set_test (measures, "trendelenburg", "positive");
  measures->has_beighton = TRUE;
  for (guint i = 0; i < 6; i++)
    measures->beighton[i] = TRUE;
  all = suggestions_of (measures, 30);
  g_assert_cmpstr (all, ==,
                   "ligament-elasticity/hypermobility <Beighton score 6 of 9 reaches the threshold of 5> "
                   "nerve-impingement/- <Straight leg raise: Positive; Slump test: Positive> "
                   "muscle-imbalances/weak-gluteus-medius <Trendelenburg test: Positive>");

  /* Four points: hypermobility over 50 only. */
  young = suggestions_of (four, 50);
  g_assert_cmpstr (young, ==, "");
  old = suggestions_of (four, 51);
  g_assert_cmpstr (old, ==,
                   "ligament-elasticity/hypermobility <Beighton score 4 of 9 reaches the threshold of 4>");
}

static void
test_suggestion_pending (void)
{
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (NULL);
  g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();
  g_autoptr(GPtrArray) suggestions = NULL;
  CrepitusFactorRecord *muscles = crepitus_assessment_get_factor (assessment, "muscle-imbalances");
  CrepitusFactorRecord *nerve = crepitus_assessment_get_factor (assessment, "nerve-impingement");
  CrepitusScores scores;

  set_test (measures, "trendelenburg", "positive");
  set_test (measures, "slump", "positive");
  crepitus_assessment_set_measures (assessment, measures);
  crepitus_scores_compute_for (assessment, &scores);
  suggestions = crepitus_scores_dup_suggestions (measures, &scores);
  g_assert_cmpuint (suggestions->len, ==, 2);

  g_assert_true (crepitus_suggestion_is_pending (suggestions->pdata[0], assessment));
  g_assert_true (crepitus_suggestion_is_pending (suggestions->pdata[1], assessment));
  crepitus_factor_record_set_judgement (nerve, CREPITUS_JUDGEMENT_UNLIKELY);
  g_assert_false (crepitus_suggestion_is_pending (suggestions->pdata[0], assessment));
  crepitus_factor_record_set_judgement (muscles, CREPITUS_JUDGEMENT_LIKELY);
  g_assert_true (crepitus_suggestion_is_pending (suggestions->pdata[1], assessment));
  crepitus_factor_record_set_finding (muscles, "weak-gluteus-medius", TRUE);
  g_assert_false (crepitus_suggestion_is_pending (suggestions->pdata[1], assessment));
}

/* A score never changes the triage level; the scores come from the file as read. */
static void
test_from_document (void)
{
  static const char document[] =
    "{\"format\": \"crepitus-assessment\", \"version\": 1,"
    " \"patient\": {\"family_name\": \"García\", \"birth_date\": \"1984-03-12\"},"
    " \"assessment\": {\"date\": \"2026-11-20\", \"pain_score\": 4,"
    "  \"measures\": {\"odi\": [0, 2, 1, null, 3, 2, 1, 0, 2, 1],"
    "   \"start_back\": {\"items\": [1, 0, 0, 1, 0, 1, 0, 0], \"bothersomeness\": \"moderately\"},"
    "   \"beighton\": [true, false, true, true, false, false, false, false, true]}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = crepitus_json_read (document, strlen (document), &error);
  CrepitusScores scores;

  g_assert_no_error (error);
  crepitus_scores_compute_for (assessment, &scores);
  g_assert_cmpint (scores.nprs, ==, 4);
  g_assert_cmpint (scores.odi_percent, ==, 27);   /* 12 of 45 */
  g_assert_cmpint (scores.start_back_total, ==, 3);
  g_assert_cmpint (scores.start_back_subscale, ==, 1);
  g_assert_cmpstr (risk (&scores), ==, "low");
  g_assert_cmpint (scores.beighton_total, ==, 4);
  g_assert_cmpint (scores.beighton_age, ==, 42);
  g_assert_false (scores.beighton_hypermobile);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crepitus/scores/nothing-recorded", test_nothing_recorded);
  g_test_add_func ("/crepitus/scores/odi-unanswered", test_odi_unanswered);
  g_test_add_func ("/crepitus/scores/odi-rounding", test_odi_rounding);
  g_test_add_func ("/crepitus/scores/odi-bands", test_odi_bands);
  g_test_add_func ("/crepitus/scores/start-back-item9", test_start_back_item9);
  g_test_add_func ("/crepitus/scores/start-back-risk", test_start_back_risk);
  g_test_add_func ("/crepitus/scores/beighton-thresholds", test_beighton_thresholds);
  g_test_add_func ("/crepitus/scores/beighton-text", test_beighton_text);
  g_test_add_func ("/crepitus/scores/beighton-age-from-dates", test_beighton_age_from_dates);
  g_test_add_func ("/crepitus/scores/suggestions", test_suggestions);
  g_test_add_func ("/crepitus/scores/suggestion-pending", test_suggestion_pending);
  g_test_add_func ("/crepitus/scores/from-document", test_from_document);

  return g_test_run ();
}
