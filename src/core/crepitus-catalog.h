/* crepitus-catalog.h — the clinical content of CLINICAL.md as static tables with stable keys */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One keyed value: a stable key (never translated) and its label (N_(), translate with
 * crepitus_catalog_gettext()). */
typedef struct
{
  const char *key;
  const char *label;
} CrepitusCatalogEntry;

/* The keyed lists of CLINICAL.md, each in a stable order. */
typedef enum
{
  CREPITUS_LIST_SIDE,                  /* §1 side */
  CREPITUS_LIST_LOCATION,              /* §1 location */
  CREPITUS_LIST_SOUND,                 /* §1 sound */
  CREPITUS_LIST_FREQUENCY,             /* §1 frequency */
  CREPITUS_LIST_MOVEMENT,              /* §1 provoking_movements */
  CREPITUS_LIST_SYMPTOM,               /* §1 symptoms */
  CREPITUS_LIST_HISTORY,               /* §1 history */
  CREPITUS_LIST_RED_FLAG,              /* §4 red flags */
  CREPITUS_LIST_JUDGEMENT,             /* §2 judgements */
  CREPITUS_LIST_FACTOR,                /* §2 factors */
  CREPITUS_LIST_SCOLIOSIS,             /* §3 */
  CREPITUS_LIST_LORDOSIS,              /* §3 */
  CREPITUS_LIST_PELVIC_TILT,           /* §3 */
  CREPITUS_LIST_KYPHOSIS,              /* §3 */
  CREPITUS_LIST_TIP,                   /* §5 clinician tips */
  CREPITUS_LIST_GUIDANCE,              /* §5 patient guidance */
  CREPITUS_LIST_LEVEL,                 /* §4 triage levels */
  CREPITUS_LIST_RECOMMENDATION,        /* §4 recommendations */
  CREPITUS_LIST_SEX,                   /* §6 patient.sex */
  CREPITUS_LIST_LANGUAGE,              /* §6 patient.language */
  CREPITUS_LIST_MEASURE,               /* §7 measures */
  CREPITUS_LIST_TEST,                  /* §7 examination tests */
  CREPITUS_LIST_TEST_RESULT,           /* §7 test results */
  CREPITUS_LIST_BOTHERSOMENESS,        /* §7 STarT Back item 9 */
  CREPITUS_LIST_ODI_SECTION,           /* §7 ODI sections (keys of Crepitus's own) */
  CREPITUS_LIST_START_BACK_ITEM,       /* §7 STarT Back items 1–8 (short labels of our own) */
  CREPITUS_LIST_BEIGHTON_ITEM,         /* §7 Beighton points, in the order of CLINICAL.md */
  CREPITUS_LIST_ODI_BAND,              /* §7 ODI bands (clinician summary and window only) */
  CREPITUS_LIST_START_BACK_RISK,       /* §7 STarT Back risk groups */
  CREPITUS_N_LISTS
} CrepitusList;

/* A finding of a factor, with its explanations. */
typedef struct
{
  const char *key;
  const char *label;          /* N_() short label for the checklist */
  const char *clinician;      /* N_() one paragraph for clinicians */
  const char *patient;        /* N_() one plain-language sentence for patients */
} CrepitusFinding;

/* A factor of the eight-factor checklist, with its findings. */
typedef struct
{
  const char            *key;
  const char            *label;       /* N_() */
  const char            *clinician;   /* N_() one paragraph for clinicians */
  const char            *patient;     /* N_() one plain-language sentence for patients */
  const char            *source;      /* the article section, not translated ("§1") */
  const CrepitusFinding *findings;
  guint                  n_findings;
  const char            *patient_label; /* N_() its name on the patient handout */
} CrepitusFactor;

/* A red flag (CLINICAL.md §4): the level it triggers and the guideline it follows. */
typedef enum
{
  CREPITUS_RED_FLAG_EMERGENCY,   /* suspected cauda equina or progressive deficit */
  CREPITUS_RED_FLAG_URGENT,      /* possible cancer, infection or fracture */
} CrepitusRedFlagTier;

/* What a trigger of a clinician tip (CLINICAL.md §5) looks at. */
typedef enum
{
  CREPITUS_TIP_WHEN_ALWAYS,         /* nothing: the tip bears on every assessment */
  CREPITUS_TIP_WHEN_RECORDED,       /* a set of keys (MOVEMENT, SYMPTOM, HISTORY, RED_FLAG) */
  CREPITUS_TIP_WHEN_CHOSEN,         /* a single-choice field (SIDE, SOUND, FREQUENCY, posture) */
  CREPITUS_TIP_WHEN_FORWARD_HEAD,   /* whether the head is held forward (@list unused) */
  CREPITUS_TIP_WHEN_JUDGED,         /* the judgement of factors (FACTOR) */
  CREPITUS_TIP_WHEN_RECOMMENDED,    /* the triage's recommendations (RECOMMENDATION) */
} CrepitusTipWhen;

/* One thing that brings a clinician tip up: @when holds for a key of @list in @keys, e.g. a
 * movement recorded, a posture value chosen, a factor judged one of @values, a recommendation
 * made. A tip bears on an assessment when any one of its triggers holds. */
typedef struct
{
  CrepitusTipWhen     when;
  CrepitusList        list;      /* what @keys are keys of */
  const char * const *keys;      /* %NULL-terminated; %NULL for any key of @list */
  const char * const *values;    /* CREPITUS_TIP_WHEN_JUDGED: the judgements that count */
} CrepitusTipTrigger;

/* Translates a catalog string (N_() in the tables) with the crepitus domain. */
const char            *crepitus_catalog_gettext      (const char   *msgid) G_GNUC_FORMAT (1);

/* The entries of @list, in their stable order; @n_entries receives their number. */
const CrepitusCatalogEntry *crepitus_catalog_entries (CrepitusList  list,
                                                      guint        *n_entries);

/* Number of entries in @list. */
guint                  crepitus_catalog_count        (CrepitusList  list);

/* Position of @key in @list, or -1 when @key is not one of its keys. */
int                    crepitus_catalog_index        (CrepitusList  list,
                                                      const char   *key);

/* The key at @index of @list, or %NULL when out of range. */
const char            *crepitus_catalog_key          (CrepitusList  list,
                                                      int           index);

/* The translated label of @key in @list, or %NULL when @key is unknown. */
const char            *crepitus_catalog_label        (CrepitusList  list,
                                                      const char   *key);

/* The JSON/DB name of @list's field ("symptom", "red flag"), for error messages. */
const char            *crepitus_catalog_list_noun    (CrepitusList  list);

/* The eight factors in checklist order; @n_factors receives 8. */
const CrepitusFactor  *crepitus_catalog_factors      (guint        *n_factors);

/* The factor with @key, or %NULL. */
const CrepitusFactor  *crepitus_catalog_factor       (const char   *key);

/* The finding @key of @factor, or %NULL when it is not one of @factor's findings. */
const CrepitusFinding *crepitus_catalog_finding      (const CrepitusFactor *factor,
                                                      const char           *key);

/* The factor that owns finding @finding_key, or %NULL when no factor has it. */
const CrepitusFactor  *crepitus_catalog_finding_owner (const char  *finding_key);

/* The tier of red flag @key; @key must be a red flag. */
CrepitusRedFlagTier    crepitus_catalog_red_flag_tier (const char  *key);

/* A plain-language explanation of red flag @key for patients (translated). */
const char            *crepitus_catalog_red_flag_patient_text (const char *key);

/* Posture value @key of @list (SCOLIOSIS, LORDOSIS, PELVIC_TILT or KYPHOSIS) in plain words
 * for the patient (translated), or %NULL when @key is not one of @list's keys. */
const char            *crepitus_catalog_posture_patient_text (CrepitusList  list,
                                                              const char   *key);

/* Whether the head is held forward, in plain words for the patient (translated). */
const char            *crepitus_catalog_forward_head_patient_text (gboolean forward_head);

/* The text of clinician tip @key (translated), or %NULL. */
const char            *crepitus_catalog_tip_text     (const char   *key);

/* The article passage tip @key comes from ("Tip 5"), translated, or %NULL. */
const char            *crepitus_catalog_tip_source   (const char   *key);

/* What brings tip @key up, any one of them, or %NULL for an unknown key; @n_triggers receives
 * their number. Evaluated by crepitus_triage_dup_tips(). */
const CrepitusTipTrigger *crepitus_catalog_tip_triggers (const char *key,
                                                         guint      *n_triggers);

/* The plain-language text of patient guidance @key (translated), or %NULL. */
const char            *crepitus_catalog_guidance_text (const char  *key);

/* The article passage guidance @key comes from ("FAQ 5"), translated, or %NULL. */
const char            *crepitus_catalog_guidance_source (const char *key);

/* The result at triage level @key in plain words for the patient (translated). */
const char            *crepitus_catalog_level_advice (const char   *key);

/* The text of recommendation @key at triage level @level_key for the patient (translated): the
 * wording of consider-imaging depends on the level (CLINICAL.md §4). */
const char            *crepitus_catalog_recommendation_text (const char *key,
                                                             const char *level_key);

/* The words of the reports (crepitus-catalog-reports.c). */

/* What triage level @level_key is called on the patient handout ("See a doctor or
 * physiotherapist"), translated. */
const char            *crepitus_catalog_level_patient_name (const char *level_key);

/* Triage reason @reason ("symptom:pain") as a sentence for the patient (translated), or %NULL
 * when the triage never gives it. */
const char            *crepitus_catalog_reason_patient_text (const char *reason);

/* Where the rule behind triage reason @reason comes from, a guideline or sections of the source
 * article ("NICE NG59; cauda equina syndrome red flags"), translated; %NULL when the triage
 * never gives it. */
const char            *crepitus_catalog_reason_source (const char *reason);

/* Where @reason comes in the handout's list of reasons (red flags first); unknown ones last. */
int                    crepitus_catalog_reason_order (const char   *reason);

/* What to do now at emergency: go to an emergency department or call @number (%NULL or blank:
 * "emergency services"). A new string. */
char                  *crepitus_catalog_emergency_action (const char *number);

/* The heading of the emergency signs on every handout, the same instruction with @number (%NULL
 * or blank: "emergency services"). A new string. */
char                  *crepitus_catalog_safety_net_heading (const char *number);

/* "See a doctor the same day if:", translated: the heading of the signs below urgent. */
const char            *crepitus_catalog_same_day_heading (void);

/* The sign at @index of those calling for a doctor the same day (translated), or %NULL past
 * the last. */
const char            *crepitus_catalog_same_day_sign (guint        index);

/* Where the clinician summary refers at level @level_key ("Emergency department", "None"). */
const char            *crepitus_catalog_referral_to  (const char   *level_key);

/* How soon ("now", "routine"), or %NULL when the level refers nowhere. */
const char            *crepitus_catalog_referral_when (const char  *level_key);

/* Recommendation @key at level @level_key written to a clinician (translated). */
const char            *crepitus_catalog_recommendation_clinician_text (const char *key,
                                                                       const char *level_key);

/* Every text of the catalog that a patient reads, translated (a new array): for checks of
 * plain language. */
char                 **crepitus_catalog_dup_patient_texts (void);

G_END_DECLS
