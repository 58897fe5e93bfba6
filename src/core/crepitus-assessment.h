/* crepitus-assessment.h — one assessment of a patient (CLINICAL.md §1–§3, §6, §7) */
#pragma once

#include <glib-object.h>

#include "crepitus-catalog.h"
#include "crepitus-enums.h"
#include "crepitus-factor-record.h"
#include "crepitus-fields.h"
#include "crepitus-measures.h"
#include "crepitus-patient.h"

G_BEGIN_DECLS

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

/* The red-flag screen (CLINICAL.md §1): each flag present, absent (asked and denied) or not
 * asked. "red-flags" and "red-flags-absent" are its two sets of keys; a flag is in one at
 * most. */
typedef enum
{
  CREPITUS_RED_FLAG_NOT_ASKED,
  CREPITUS_RED_FLAG_ABSENT,
  CREPITUS_RED_FLAG_PRESENT,
} CrepitusRedFlagState;

CrepitusRedFlagState  crepitus_assessment_get_red_flag        (CrepitusAssessment *self,
                                                               const char         *key);
/* Records red flag @key as @state (leaving the other list first). */
void                  crepitus_assessment_set_red_flag        (CrepitusAssessment *self,
                                                               const char         *key,
                                                               CrepitusRedFlagState state);
/* The red flags asked about and found absent, in catalog order (a new array). */
char                **crepitus_assessment_dup_red_flags_absent (CrepitusAssessment *self);
/* The red flags in neither list, in catalog order (a new array). */
char                **crepitus_assessment_dup_red_flags_not_asked (CrepitusAssessment *self);
/* Whether every red flag was asked about. */
gboolean              crepitus_assessment_is_screen_complete  (CrepitusAssessment *self);

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
/* Weeks until the clinician wants to see the patient again, 1–52, or -1 (none booked). */
int                   crepitus_assessment_get_review_weeks    (CrepitusAssessment *self);
void                  crepitus_assessment_set_review_weeks    (CrepitusAssessment *self,
                                                               int                 weeks);

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
/* Where an assessment stands, most final first: entered in error, superseded (by an
 * amendment), signed, or not signed yet. */
typedef enum
{
  CREPITUS_ASSESSMENT_NOT_SIGNED,
  CREPITUS_ASSESSMENT_SIGNED,
  CREPITUS_ASSESSMENT_SUPERSEDED,
  CREPITUS_ASSESSMENT_ENTERED_IN_ERROR,
} CrepitusAssessmentStatus;

/* The one answer to where @self stands; every reader of the status asks it. */
CrepitusAssessmentStatus crepitus_assessment_get_status       (CrepitusAssessment *self);
/* The status of a stored record from its marks, for a reader that holds no assessment (the
 * store's write check); crepitus_assessment_get_status() is this of its own marks. */
CrepitusAssessmentStatus crepitus_assessment_status_from      (gboolean is_signed,
                                                               gint64   superseded_by,
                                                               gboolean entered_in_error);
/* The key of @status for machine-readable output: "unsigned", "signed", "superseded" or
 * "entered-in-error". */
const char           *crepitus_assessment_status_key          (CrepitusAssessmentStatus status);

/* Whether the assessment can no longer change: signed, superseded or entered in error. */
gboolean              crepitus_assessment_is_read_only        (CrepitusAssessment *self);

/* Whether the patient has pain (CLINICAL.md §1: `pain` in symptoms, or pain_score ≥ 1). */
gboolean              crepitus_assessment_has_pain            (CrepitusAssessment *self);
/* Whether the pop is persistent (duration_weeks ≥ 6; a missing duration never is). */
gboolean              crepitus_assessment_is_persistent       (CrepitusAssessment *self);

G_END_DECLS
