/* crepitus-triage.h — the referral rules of CLINICAL.md §4 as a pure function */
#pragma once

#include "crepitus-assessment.h"

G_BEGIN_DECLS

typedef enum
{
  CREPITUS_LEVEL_EMERGENCY,
  CREPITUS_LEVEL_URGENT,
  CREPITUS_LEVEL_REFER,
  CREPITUS_LEVEL_MONITOR,
  CREPITUS_LEVEL_BENIGN,
} CrepitusLevel;

/* The outcome: one level, and that level's reasons and recommendations, each sorted by
 * byte order with no duplicates; and the red flags not asked, which never change the level. */
typedef struct
{
  CrepitusLevel   level;
  char          **reasons;           /* "red-flag:KEY", "symptom:KEY", "sound:KEY", … */
  char          **recommendations;   /* CREPITUS_LIST_RECOMMENDATION keys */
  char          **not_asked;         /* red flags in neither list, by byte order (§4) */
} CrepitusTriage;

#define CREPITUS_TYPE_TRIAGE (crepitus_triage_get_type ())
GType           crepitus_triage_get_type      (void) G_GNUC_CONST;

/* Applies CLINICAL.md §4 to @assessment. */
CrepitusTriage *crepitus_triage_compute       (CrepitusAssessment   *assessment);
CrepitusTriage *crepitus_triage_copy          (const CrepitusTriage *triage);
void            crepitus_triage_free          (CrepitusTriage       *triage);

/* The level's key ("refer"). */
const char     *crepitus_triage_level_key     (CrepitusLevel         level);

/* The §4 result as one line of JSON: {"level": …, "reasons": […], "recommendations": […],
 * "not_asked": […]}. */
char           *crepitus_triage_to_json       (const CrepitusTriage *triage);

/* The translated name of @level ("Refer for evaluation"). */
const char     *crepitus_triage_level_title   (CrepitusLevel         level);

/* The result at @level in plain words for the patient (translated). */
const char     *crepitus_triage_level_advice  (CrepitusLevel         level);

/* A reason in words ("Symptom: numbness"), translated; a new string. */
char           *crepitus_triage_reason_text   (const char           *reason);

/* The text of recommendation @key at @level (translated); consider-imaging depends on it. */
const char     *crepitus_triage_recommendation_text (const char    *key,
                                                     CrepitusLevel  level);

/* The keys of the clinician tips (CLINICAL.md §5) that bear on @assessment, in catalog order,
 * as their catalog triggers decide; @triage is its triage, or %NULL to compute it. */
char          **crepitus_triage_dup_tips      (CrepitusAssessment   *assessment,
                                               const CrepitusTriage *triage);

/* The tips of crepitus_triage_dup_tips() that concern factor @factor: those a judgement of
 * @factor brings up (whatever brought them up this time), in catalog order; for the
 * checklist, beside the factor. */
char          **crepitus_triage_dup_factor_tips (CrepitusAssessment   *assessment,
                                                 const CrepitusTriage *triage,
                                                 const char           *factor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusTriage, crepitus_triage_free)

G_END_DECLS
