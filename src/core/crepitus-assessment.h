/* crepitus-assessment.h — the patient and one assessment of them (CLINICAL.md §1–§3, §6, §7) */
#pragma once

#include <glib-object.h>

#include "crepitus-catalog.h"

G_BEGIN_DECLS

/* Every single-choice field has a "not recorded" state 0 distinct from any value; value N is
 * the catalog entry at index N - 1 of the field's list, whose key is the enum's nick. */

typedef enum
{
  CREPITUS_SIDE_NOT_RECORDED,
  CREPITUS_SIDE_LEFT,
  CREPITUS_SIDE_RIGHT,
  CREPITUS_SIDE_BOTH,
} CrepitusSide;

typedef enum
{
  CREPITUS_SOUND_NOT_RECORDED,
  CREPITUS_SOUND_POP,
  CREPITUS_SOUND_CLICK,
  CREPITUS_SOUND_GRINDING,
  CREPITUS_SOUND_GRATING,
} CrepitusSound;

typedef enum
{
  CREPITUS_FREQUENCY_NOT_RECORDED,
  CREPITUS_FREQUENCY_ISOLATED,
  CREPITUS_FREQUENCY_OCCASIONAL,
  CREPITUS_FREQUENCY_FREQUENT,
  CREPITUS_FREQUENCY_CONSTANT,
} CrepitusFrequency;

typedef enum
{
  CREPITUS_SEX_NOT_RECORDED,
  CREPITUS_SEX_FEMALE,
  CREPITUS_SEX_MALE,
  CREPITUS_SEX_OTHER,
  CREPITUS_SEX_UNKNOWN,
} CrepitusSex;

typedef enum
{
  CREPITUS_JUDGEMENT_NOT_ASSESSED,
  CREPITUS_JUDGEMENT_UNLIKELY,
  CREPITUS_JUDGEMENT_POSSIBLE,
  CREPITUS_JUDGEMENT_LIKELY,
} CrepitusJudgement;

typedef enum
{
  CREPITUS_SCOLIOSIS_NOT_RECORDED,
  CREPITUS_SCOLIOSIS_NONE,
  CREPITUS_SCOLIOSIS_LEFT_CONVEX,
  CREPITUS_SCOLIOSIS_RIGHT_CONVEX,
} CrepitusScoliosis;

typedef enum
{
  CREPITUS_LORDOSIS_NOT_RECORDED,
  CREPITUS_LORDOSIS_NORMAL,
  CREPITUS_LORDOSIS_INCREASED,
  CREPITUS_LORDOSIS_DECREASED,
  CREPITUS_LORDOSIS_UNEVEN,
} CrepitusLordosis;

typedef enum
{
  CREPITUS_PELVIC_TILT_NOT_RECORDED,
  CREPITUS_PELVIC_TILT_NEUTRAL,
  CREPITUS_PELVIC_TILT_ANTERIOR,
  CREPITUS_PELVIC_TILT_POSTERIOR,
} CrepitusPelvicTilt;

typedef enum
{
  CREPITUS_KYPHOSIS_NOT_RECORDED,
  CREPITUS_KYPHOSIS_NORMAL,
  CREPITUS_KYPHOSIS_INCREASED,
} CrepitusKyphosis;

/* A yes/no field: three states. */
typedef enum
{
  CREPITUS_TRISTATE_NOT_RECORDED,
  CREPITUS_TRISTATE_NO,
  CREPITUS_TRISTATE_YES,
} CrepitusTristate;

GType crepitus_side_get_type        (void) G_GNUC_CONST;
GType crepitus_sound_get_type       (void) G_GNUC_CONST;
GType crepitus_frequency_get_type   (void) G_GNUC_CONST;
GType crepitus_sex_get_type         (void) G_GNUC_CONST;
GType crepitus_judgement_get_type   (void) G_GNUC_CONST;
GType crepitus_scoliosis_get_type   (void) G_GNUC_CONST;
GType crepitus_lordosis_get_type    (void) G_GNUC_CONST;
GType crepitus_pelvic_tilt_get_type (void) G_GNUC_CONST;
GType crepitus_kyphosis_get_type    (void) G_GNUC_CONST;
GType crepitus_tristate_get_type    (void) G_GNUC_CONST;

#define CREPITUS_TYPE_SIDE        (crepitus_side_get_type ())
#define CREPITUS_TYPE_SOUND       (crepitus_sound_get_type ())
#define CREPITUS_TYPE_FREQUENCY   (crepitus_frequency_get_type ())
#define CREPITUS_TYPE_SEX         (crepitus_sex_get_type ())
#define CREPITUS_TYPE_JUDGEMENT   (crepitus_judgement_get_type ())
#define CREPITUS_TYPE_SCOLIOSIS   (crepitus_scoliosis_get_type ())
#define CREPITUS_TYPE_LORDOSIS    (crepitus_lordosis_get_type ())
#define CREPITUS_TYPE_PELVIC_TILT (crepitus_pelvic_tilt_get_type ())
#define CREPITUS_TYPE_KYPHOSIS    (crepitus_kyphosis_get_type ())
#define CREPITUS_TYPE_TRISTATE    (crepitus_tristate_get_type ())

/* The catalog key of enum @value of a single-choice field on @list, %NULL when not recorded. */
const char *crepitus_choice_to_key   (CrepitusList  list,
                                      int           value);

/* The enum value of @key on @list: 0 (not recorded) for %NULL, -1 for an unknown key. */
int         crepitus_choice_from_key (CrepitusList  list,
                                      const char   *key);

/* Measures as recorded (CLINICAL.md §7); -1 means "not recorded" or "unanswered". */
#define CREPITUS_ODI_N_SECTIONS        10
#define CREPITUS_START_BACK_N_ITEMS     8
#define CREPITUS_BEIGHTON_N_ITEMS       9
#define CREPITUS_N_TESTS                5

typedef struct
{
  gboolean has_odi;
  int      odi[CREPITUS_ODI_N_SECTIONS];              /* 0–5, -1 unanswered */
  gboolean has_start_back;
  int      start_back_items[CREPITUS_START_BACK_N_ITEMS]; /* 0 or 1 */
  int      bothersomeness;                            /* index in the list, -1 not recorded */
  gboolean has_beighton;
  gboolean beighton[CREPITUS_BEIGHTON_N_ITEMS];
  struct
  {
    int result;                                       /* index in TEST_RESULT, -1 not recorded */
    int side;                                         /* index in SIDE, -1 not recorded */
  } tests[CREPITUS_N_TESTS];
} CrepitusMeasures;

#define CREPITUS_TYPE_MEASURES (crepitus_measures_get_type ())
GType             crepitus_measures_get_type  (void) G_GNUC_CONST;

/* New, empty measures: nothing recorded. */
CrepitusMeasures *crepitus_measures_new       (void);
CrepitusMeasures *crepitus_measures_copy      (const CrepitusMeasures *measures);
void              crepitus_measures_free      (CrepitusMeasures       *measures);
/* Whether @a and @b record the same (NULL equals empty). */
gboolean          crepitus_measures_equal     (const CrepitusMeasures *a,
                                               const CrepitusMeasures *b);
/* Whether nothing is recorded in @measures (NULL is empty). */
gboolean          crepitus_measures_is_empty  (const CrepitusMeasures *measures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusMeasures, crepitus_measures_free)

/* Date checks shared by the JSON reader, the store and the window. */

/* Parses a strict ISO 8601 calendar date YYYY-MM-DD into @date. */
gboolean crepitus_date_parse        (const char *text,
                                     GDate      *date);
/* Today's local date as YYYY-MM-DD. */
char    *crepitus_date_today        (void);
/* Whether @text is a valid date not after today (local); sets a message naming the problem. */
gboolean crepitus_date_check        (const char *text,
                                     GError    **error);

/* Whether @name is a usable family name (not empty, not only spaces); sets a message. */
gboolean crepitus_family_name_check (const char *name,
                                     GError    **error);

/* The patient. */

#define CREPITUS_TYPE_PATIENT (crepitus_patient_get_type ())
G_DECLARE_FINAL_TYPE (CrepitusPatient, crepitus_patient, CREPITUS, PATIENT, GObject)

CrepitusPatient *crepitus_patient_new             (void);
gint64           crepitus_patient_get_id          (CrepitusPatient *self);
void             crepitus_patient_set_id          (CrepitusPatient *self,
                                                   gint64           id);
const char      *crepitus_patient_get_mrn         (CrepitusPatient *self);
void             crepitus_patient_set_mrn         (CrepitusPatient *self,
                                                   const char      *mrn);
const char      *crepitus_patient_get_family_name (CrepitusPatient *self);
void             crepitus_patient_set_family_name (CrepitusPatient *self,
                                                   const char      *family_name);
const char      *crepitus_patient_get_given_name  (CrepitusPatient *self);
void             crepitus_patient_set_given_name  (CrepitusPatient *self,
                                                   const char      *given_name);
const char      *crepitus_patient_get_birth_date  (CrepitusPatient *self);
void             crepitus_patient_set_birth_date  (CrepitusPatient *self,
                                                   const char      *birth_date);
CrepitusSex      crepitus_patient_get_sex         (CrepitusPatient *self);
void             crepitus_patient_set_sex         (CrepitusPatient *self,
                                                   CrepitusSex      sex);
const char      *crepitus_patient_get_language    (CrepitusPatient *self);
void             crepitus_patient_set_language    (CrepitusPatient *self,
                                                   const char      *language);
/* Age in whole years on @date (YYYY-MM-DD), or -1 when either date is not recorded. */
int              crepitus_patient_get_age_on      (CrepitusPatient *self,
                                                   const char      *date);

/* One factor of the checklist as judged in an assessment. */

#define CREPITUS_TYPE_FACTOR_RECORD (crepitus_factor_record_get_type ())
G_DECLARE_FINAL_TYPE (CrepitusFactorRecord, crepitus_factor_record, CREPITUS, FACTOR_RECORD, GObject)

/* The factor's catalog key. */
const char        *crepitus_factor_record_get_key        (CrepitusFactorRecord *self);
CrepitusJudgement  crepitus_factor_record_get_judgement  (CrepitusFactorRecord *self);
void               crepitus_factor_record_set_judgement  (CrepitusFactorRecord *self,
                                                          CrepitusJudgement     judgement);
/* The findings recorded, in catalog order (a new array). */
char             **crepitus_factor_record_dup_findings   (CrepitusFactorRecord *self);
gboolean           crepitus_factor_record_has_finding    (CrepitusFactorRecord *self,
                                                          const char           *finding);
/* Adds or removes @finding, which must be one of the factor's findings. */
void               crepitus_factor_record_set_finding    (CrepitusFactorRecord *self,
                                                          const char           *finding,
                                                          gboolean              present);
const char        *crepitus_factor_record_get_notes      (CrepitusFactorRecord *self);
void               crepitus_factor_record_set_notes      (CrepitusFactorRecord *self,
                                                          const char           *notes);
/* Whether nothing is recorded: not assessed, no findings, no notes. */
gboolean           crepitus_factor_record_is_empty       (CrepitusFactorRecord *self);

/* The assessment. */

#define CREPITUS_TYPE_ASSESSMENT (crepitus_assessment_get_type ())
G_DECLARE_FINAL_TYPE (CrepitusAssessment, crepitus_assessment, CREPITUS, ASSESSMENT, GObject)

/* A new assessment with nothing recorded, of @patient (may be %NULL). */
CrepitusAssessment   *crepitus_assessment_new                 (CrepitusPatient    *patient);
gint64                crepitus_assessment_get_id              (CrepitusAssessment *self);
void                  crepitus_assessment_set_id              (CrepitusAssessment *self,
                                                               gint64              id);
CrepitusPatient      *crepitus_assessment_get_patient         (CrepitusAssessment *self);
void                  crepitus_assessment_set_patient         (CrepitusAssessment *self,
                                                               CrepitusPatient    *patient);
const char           *crepitus_assessment_get_date            (CrepitusAssessment *self);
void                  crepitus_assessment_set_date            (CrepitusAssessment *self,
                                                               const char         *date);
const char           *crepitus_assessment_get_clinician       (CrepitusAssessment *self);
void                  crepitus_assessment_set_clinician       (CrepitusAssessment *self,
                                                               const char         *clinician);
CrepitusSide          crepitus_assessment_get_side            (CrepitusAssessment *self);
void                  crepitus_assessment_set_side            (CrepitusAssessment *self,
                                                               CrepitusSide        side);
CrepitusSound         crepitus_assessment_get_sound           (CrepitusAssessment *self);
void                  crepitus_assessment_set_sound           (CrepitusAssessment *self,
                                                               CrepitusSound       sound);
CrepitusFrequency     crepitus_assessment_get_frequency       (CrepitusAssessment *self);
void                  crepitus_assessment_set_frequency       (CrepitusAssessment *self,
                                                               CrepitusFrequency   frequency);
/* Weeks since first noticed, 0–520, or -1 when not recorded. */
int                   crepitus_assessment_get_duration_weeks  (CrepitusAssessment *self);
void                  crepitus_assessment_set_duration_weeks  (CrepitusAssessment *self,
                                                               int                 weeks);
/* NPRS 0–10 during the provoking movement, or -1 when not asked. */
int                   crepitus_assessment_get_pain_score      (CrepitusAssessment *self);
void                  crepitus_assessment_set_pain_score      (CrepitusAssessment *self,
                                                               int                 score);

/* The sets of keys: @list is LOCATION, MOVEMENT, SYMPTOM, HISTORY or RED_FLAG. */
gboolean              crepitus_assessment_has                 (CrepitusAssessment *self,
                                                               CrepitusList        list,
                                                               const char         *key);
/* Adds or removes @key, which must be a key of @list. */
void                  crepitus_assessment_set_member          (CrepitusAssessment *self,
                                                               CrepitusList        list,
                                                               const char         *key,
                                                               gboolean            present);
/* The keys of @list recorded, in catalog order (a new array). */
char                **crepitus_assessment_dup_keys            (CrepitusAssessment *self,
                                                               CrepitusList        list);

/* The record of factor @key (owned by the assessment). */
CrepitusFactorRecord *crepitus_assessment_get_factor          (CrepitusAssessment *self,
                                                               const char         *key);

CrepitusScoliosis     crepitus_assessment_get_scoliosis       (CrepitusAssessment *self);
void                  crepitus_assessment_set_scoliosis       (CrepitusAssessment *self,
                                                               CrepitusScoliosis   value);
CrepitusLordosis      crepitus_assessment_get_lordosis        (CrepitusAssessment *self);
void                  crepitus_assessment_set_lordosis        (CrepitusAssessment *self,
                                                               CrepitusLordosis    value);
CrepitusPelvicTilt    crepitus_assessment_get_pelvic_tilt     (CrepitusAssessment *self);
void                  crepitus_assessment_set_pelvic_tilt     (CrepitusAssessment *self,
                                                               CrepitusPelvicTilt  value);
CrepitusKyphosis      crepitus_assessment_get_kyphosis        (CrepitusAssessment *self);
void                  crepitus_assessment_set_kyphosis        (CrepitusAssessment *self,
                                                               CrepitusKyphosis    value);
CrepitusTristate      crepitus_assessment_get_forward_head    (CrepitusAssessment *self);
void                  crepitus_assessment_set_forward_head    (CrepitusAssessment *self,
                                                               CrepitusTristate    value);
const char           *crepitus_assessment_get_posture_notes   (CrepitusAssessment *self);
void                  crepitus_assessment_set_posture_notes   (CrepitusAssessment *self,
                                                               const char         *notes);

/* The measures as recorded (never %NULL; empty when nothing is recorded). */
const CrepitusMeasures *crepitus_assessment_get_measures      (CrepitusAssessment *self);
void                  crepitus_assessment_set_measures        (CrepitusAssessment *self,
                                                               const CrepitusMeasures *measures);

const char           *crepitus_assessment_get_notes           (CrepitusAssessment *self);
void                  crepitus_assessment_set_notes           (CrepitusAssessment *self,
                                                               const char         *notes);

/* Signing (DESIGN.md "Identifiers"): set by the store, never autosaved from the model. */

/* The clinician who signed the assessment, or %NULL while it is unsigned. */
const char           *crepitus_assessment_get_signed_by       (CrepitusAssessment *self);
void                  crepitus_assessment_set_signed_by       (CrepitusAssessment *self,
                                                               const char         *clinician);
/* When it was signed, ISO 8601 UTC with milliseconds, or %NULL while unsigned. */
const char           *crepitus_assessment_get_signed_at       (CrepitusAssessment *self);
void                  crepitus_assessment_set_signed_at       (CrepitusAssessment *self,
                                                               const char         *signed_at);
/* The id of the amendment that replaced this assessment, or -1. */
gint64                crepitus_assessment_get_superseded_by   (CrepitusAssessment *self);
void                  crepitus_assessment_set_superseded_by   (CrepitusAssessment *self,
                                                               gint64              id);
/* The id of the assessment this one amends, or -1. */
gint64                crepitus_assessment_get_amends          (CrepitusAssessment *self);
void                  crepitus_assessment_set_amends          (CrepitusAssessment *self,
                                                               gint64              id);
/* Whether the assessment was marked as entered in error. */
gboolean              crepitus_assessment_get_entered_in_error (CrepitusAssessment *self);
void                  crepitus_assessment_set_entered_in_error (CrepitusAssessment *self,
                                                                gboolean            value);
/* Whether the assessment can no longer change: signed, superseded or entered in error. */
gboolean              crepitus_assessment_is_read_only        (CrepitusAssessment *self);

/* Whether the patient has pain (CLINICAL.md §1: `pain` in symptoms, or pain_score ≥ 1). */
gboolean              crepitus_assessment_has_pain            (CrepitusAssessment *self);
/* Whether the pop is persistent (duration_weeks ≥ 6; a missing duration never is). */
gboolean              crepitus_assessment_is_persistent       (CrepitusAssessment *self);

G_END_DECLS
