/* crepitus-scores.h — the scores of the measures and what they suggest (CLINICAL.md §7) */
#pragma once

#include <glib.h>

#include "crepitus-assessment.h"
#include "crepitus-measures.h"

G_BEGIN_DECLS

/* Beighton thresholds of generalised hypermobility (2017 criteria, by age on the assessment
 * date); the adult one when the age is not known. */
#define CREPITUS_BEIGHTON_THRESHOLD_CHILD  6   /* under 18 */
#define CREPITUS_BEIGHTON_THRESHOLD_ADULT  5   /* 18 to 50 */
#define CREPITUS_BEIGHTON_THRESHOLD_OLDER  4   /* over 50 */

/* The scores of one assessment's measures; each part is meaningful only when its measure is
 * recorded. Indices are positions in the catalog lists named beside them. */
typedef struct
{
  int      nprs;                 /* 0–10, -1 when not asked */

  gboolean odi_recorded;
  int      odi_unanswered;       /* sections unanswered, 0–10 */
  gboolean odi_scored;           /* at most one section unanswered */
  int      odi_percent;          /* 0–100, rounded half up; when scored */
  int      odi_band;             /* CREPITUS_LIST_ODI_BAND; when scored */

  gboolean start_back_recorded;
  gboolean start_back_scored;    /* item 9 answered */
  int      start_back_total;     /* 0–9; when scored */
  int      start_back_subscale;  /* psychosocial, items 5–9, 0–5; when scored */
  int      start_back_risk;      /* CREPITUS_LIST_START_BACK_RISK; when scored */

  gboolean beighton_recorded;
  int      beighton_total;       /* 0–9 */
  int      beighton_age;         /* on the assessment date, -1 when not known */
  int      beighton_threshold;   /* for that age (the adult one when not known) */
  gboolean beighton_hypermobile; /* total at or above the threshold */
} CrepitusScores;

/* The scores of @measures (%NULL: nothing recorded) for a patient of @age whole years on the
 * assessment date (-1 when the birth date is not recorded), with @nprs (the intake's
 * pain_score, -1 when not asked). A pure function: the window, the reports and `crepitus
 * score` all ask it. */
void        crepitus_scores_compute        (const CrepitusMeasures *measures,
                                            int                     nprs,
                                            int                     age,
                                            CrepitusScores         *scores);

/* crepitus_scores_compute() of @assessment: its measures, pain score and the patient's age on
 * its date. */
void        crepitus_scores_compute_for    (CrepitusAssessment     *assessment,
                                            CrepitusScores         *scores);

/* The ODI formula alone: @sum of @answered sections ÷ (5 × @answered) × 100, rounded half up
 * to a whole percent; -1 when nothing is answered. */
int         crepitus_scores_odi_percent    (int                     sum,
                                            int                     answered);

/* The band of an ODI percentage (CREPITUS_LIST_ODI_BAND): 0–20, 21–40, 41–60, 61–80, 81–100. */
int         crepitus_scores_odi_band       (int                     percent);

/* The Beighton threshold at @age (-1: not known, the adult one). */
int         crepitus_scores_beighton_threshold (int                 age);

/* Whether any score can be shown: NPRS asked or a scored measure recorded. */
gboolean    crepitus_scores_any            (const CrepitusScores   *scores);

/* A score in words for a clinician (translated; a new string), or %NULL when @measure_key
 * ("nprs", "odi", "start_back", "beighton") is not recorded. @with_band: the ODI's band too. */
char       *crepitus_scores_dup_text       (const CrepitusScores   *scores,
                                            const char             *measure_key,
                                            gboolean                with_band);

/* What a measure suggests to the clinician, never applied by itself (CLINICAL.md §7): tick
 * @finding of @factor (when not %NULL) and raise @factor from not assessed to possible. */
typedef struct
{
  const char *factor;            /* a factor key */
  const char *finding;           /* a finding key of @factor, or %NULL */
} CrepitusSuggestion;

/* The suggestions of @measures and @scores, in a stable order (at most one a factor); a new
 * array of pointers to static suggestions. */
GPtrArray  *crepitus_scores_dup_suggestions (const CrepitusMeasures *measures,
                                             const CrepitusScores   *scores);

/* Why @suggestion is made, in words for a clinician (translated; a new string). */
char       *crepitus_scores_dup_suggestion_reason (const CrepitusSuggestion *suggestion,
                                                   const CrepitusMeasures   *measures,
                                                   const CrepitusScores     *scores);

/* Whether accepting @suggestion would still change @assessment: its finding is not ticked, or
 * (a suggestion without a finding) its factor is not assessed. */
gboolean    crepitus_suggestion_is_pending (const CrepitusSuggestion *suggestion,
                                            CrepitusAssessment       *assessment);

G_END_DECLS
