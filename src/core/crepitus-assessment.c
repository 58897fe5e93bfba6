/* crepitus-assessment.c — one assessment of a patient (CLINICAL.md §1–§3, §6, §7) */
#define G_LOG_DOMAIN "crepitus-assessment"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "crepitus-assessment.h"
#include "crepitus-fields.h"

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* The sets of keys an assessment records, and the property of each. */
enum
{
  SET_LOCATION,
  SET_MOVEMENT,
  SET_SYMPTOM,
  SET_HISTORY,
  SET_RED_FLAG,
  SET_RED_FLAG_ABSENT,
  N_SETS
};

struct _CrepitusAssessment
{
  GObject               parent_instance;
  gint64                id;                  /* -1 until stored */
  CrepitusPatient      *patient;
  char                 *date;
  char                 *clinician;
  CrepitusSide          side;
  CrepitusSound         sound;
  CrepitusFrequency     frequency;
  int                   duration_weeks;      /* -1 not recorded */
  int                   pain_score;          /* -1 not asked */
  int                   review_weeks;        /* -1 no review booked */
  guint32               sets[N_SETS];        /* bit i: catalog entry i */
  CrepitusFactorRecord *factors[8];
  CrepitusScoliosis     scoliosis;
  CrepitusLordosis      lordosis;
  CrepitusPelvicTilt    pelvic_tilt;
  CrepitusKyphosis      kyphosis;
  CrepitusTristate      forward_head;
  char                 *posture_notes;
  CrepitusMeasures     *measures;
  char                 *notes;
  char                 *signed_by;
  char                 *signed_at;           /* ISO 8601 UTC */
  gint64                superseded_by;       /* -1 none */
  gint64                amends;              /* -1 none */
  gboolean              entered_in_error;
};

G_DEFINE_FINAL_TYPE (CrepitusAssessment, crepitus_assessment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PATIENT,
  PROP_DATE,
  PROP_CLINICIAN,
  PROP_SIDE,
  PROP_LOCATION,
  PROP_SOUND,
  PROP_FREQUENCY,
  PROP_DURATION_WEEKS,
  PROP_PROVOKING_MOVEMENTS,
  PROP_PAIN_SCORE,
  PROP_SYMPTOMS,
  PROP_HISTORY,
  PROP_RED_FLAGS,
  PROP_RED_FLAGS_ABSENT,
  PROP_SCOLIOSIS,
  PROP_LORDOSIS,
  PROP_PELVIC_TILT,
  PROP_KYPHOSIS,
  PROP_FORWARD_HEAD,
  PROP_POSTURE_NOTES,
  PROP_MEASURES,
  PROP_NOTES,
  PROP_REVIEW_WEEKS,
  PROP_SIGNED_BY,
  PROP_SIGNED_AT,
  PROP_SUPERSEDED_BY,
  PROP_AMENDS,
  PROP_ENTERED_IN_ERROR,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const struct
{
  CrepitusList list;
  guint        prop;
} set_info[N_SETS] = {
  [SET_LOCATION] = { CREPITUS_LIST_LOCATION, PROP_LOCATION },
  [SET_MOVEMENT] = { CREPITUS_LIST_MOVEMENT, PROP_PROVOKING_MOVEMENTS },
  [SET_SYMPTOM] = { CREPITUS_LIST_SYMPTOM, PROP_SYMPTOMS },
  [SET_HISTORY] = { CREPITUS_LIST_HISTORY, PROP_HISTORY },
  [SET_RED_FLAG] = { CREPITUS_LIST_RED_FLAG, PROP_RED_FLAGS },
  [SET_RED_FLAG_ABSENT] = { CREPITUS_LIST_RED_FLAG, PROP_RED_FLAGS_ABSENT },
};

static int
set_for_list (CrepitusList list)
{
  for (int i = 0; i < N_SETS; i++)
    if (set_info[i].list == list)
      return i;
  return -1;
}

#define ASSESSMENT_TEXT_ACCESSORS(field, PROP)                                  \
  const char *                                                                  \
  crepitus_assessment_get_##field (CrepitusAssessment *self)                    \
  {                                                                             \
    g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), NULL);                 \
    return self->field;                                                         \
  }                                                                             \
  void                                                                          \
  crepitus_assessment_set_##field (CrepitusAssessment *self,                    \
                                   const char         *value)                   \
  {                                                                             \
    g_return_if_fail (CREPITUS_IS_ASSESSMENT (self));                           \
    if (crepitus_text_replace (&self->field, value))                                     \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
  }

/* Integer and enum fields: the setter returns early when unchanged, then notifies. */
#define ASSESSMENT_VALUE_ACCESSORS(Type, field, PROP, fallback)                 \
  Type                                                                          \
  crepitus_assessment_get_##field (CrepitusAssessment *self)                    \
  {                                                                             \
    g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), fallback);             \
    return self->field;                                                         \
  }                                                                             \
  void                                                                          \
  crepitus_assessment_set_##field (CrepitusAssessment *self,                    \
                                   Type                value)                   \
  {                                                                             \
    g_return_if_fail (CREPITUS_IS_ASSESSMENT (self));                           \
    if (self->field == value)                                                   \
      return;                                                                   \
    self->field = value;                                                        \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);               \
  }

ASSESSMENT_TEXT_ACCESSORS (date, PROP_DATE)
ASSESSMENT_TEXT_ACCESSORS (clinician, PROP_CLINICIAN)
ASSESSMENT_TEXT_ACCESSORS (posture_notes, PROP_POSTURE_NOTES)
ASSESSMENT_TEXT_ACCESSORS (notes, PROP_NOTES)
ASSESSMENT_TEXT_ACCESSORS (signed_by, PROP_SIGNED_BY)
ASSESSMENT_TEXT_ACCESSORS (signed_at, PROP_SIGNED_AT)
ASSESSMENT_VALUE_ACCESSORS (gint64, id, PROP_ID, -1)
ASSESSMENT_VALUE_ACCESSORS (CrepitusSide, side, PROP_SIDE, 0)
ASSESSMENT_VALUE_ACCESSORS (CrepitusSound, sound, PROP_SOUND, 0)
ASSESSMENT_VALUE_ACCESSORS (CrepitusFrequency, frequency, PROP_FREQUENCY, 0)
ASSESSMENT_VALUE_ACCESSORS (int, duration_weeks, PROP_DURATION_WEEKS, -1)
ASSESSMENT_VALUE_ACCESSORS (int, pain_score, PROP_PAIN_SCORE, -1)
ASSESSMENT_VALUE_ACCESSORS (int, review_weeks, PROP_REVIEW_WEEKS, -1)
ASSESSMENT_VALUE_ACCESSORS (CrepitusScoliosis, scoliosis, PROP_SCOLIOSIS, 0)
ASSESSMENT_VALUE_ACCESSORS (CrepitusLordosis, lordosis, PROP_LORDOSIS, 0)
ASSESSMENT_VALUE_ACCESSORS (CrepitusPelvicTilt, pelvic_tilt, PROP_PELVIC_TILT, 0)
ASSESSMENT_VALUE_ACCESSORS (CrepitusKyphosis, kyphosis, PROP_KYPHOSIS, 0)
ASSESSMENT_VALUE_ACCESSORS (CrepitusTristate, forward_head, PROP_FORWARD_HEAD, 0)
ASSESSMENT_VALUE_ACCESSORS (gint64, superseded_by, PROP_SUPERSEDED_BY, -1)
ASSESSMENT_VALUE_ACCESSORS (gint64, amends, PROP_AMENDS, -1)

gboolean
crepitus_assessment_get_entered_in_error (CrepitusAssessment *self)
{
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), FALSE);
  return self->entered_in_error;
}

void
crepitus_assessment_set_entered_in_error (CrepitusAssessment *self,
                                          gboolean            value)
{
  g_return_if_fail (CREPITUS_IS_ASSESSMENT (self));

  value = !!value;
  if (self->entered_in_error == value)
    return;
  self->entered_in_error = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTERED_IN_ERROR]);
}

gboolean
crepitus_assessment_is_read_only (CrepitusAssessment *self)
{
  return crepitus_assessment_get_status (self) != CREPITUS_ASSESSMENT_NOT_SIGNED;
}

CrepitusAssessmentStatus
crepitus_assessment_get_status (CrepitusAssessment *self)
{
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), CREPITUS_ASSESSMENT_NOT_SIGNED);

  return crepitus_assessment_status_from (self->signed_by != NULL, self->superseded_by,
                                          self->entered_in_error);
}

CrepitusAssessmentStatus
crepitus_assessment_status_from (gboolean is_signed,
                                 gint64   superseded_by,
                                 gboolean entered_in_error)
{
  if (entered_in_error)
    return CREPITUS_ASSESSMENT_ENTERED_IN_ERROR;
  if (superseded_by >= 0)
    return CREPITUS_ASSESSMENT_SUPERSEDED;
  if (is_signed)
    return CREPITUS_ASSESSMENT_SIGNED;
  return CREPITUS_ASSESSMENT_NOT_SIGNED;
}

const char *
crepitus_assessment_status_key (CrepitusAssessmentStatus status)
{
  static const char * const keys[] = {
    [CREPITUS_ASSESSMENT_NOT_SIGNED] = "unsigned",
    [CREPITUS_ASSESSMENT_SIGNED] = "signed",
    [CREPITUS_ASSESSMENT_SUPERSEDED] = "superseded",
    [CREPITUS_ASSESSMENT_ENTERED_IN_ERROR] = "entered-in-error",
  };

  g_return_val_if_fail (status < G_N_ELEMENTS (keys), NULL);
  return keys[status];
}

CrepitusPatient *
crepitus_assessment_get_patient (CrepitusAssessment *self)
{
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), NULL);
  return self->patient;
}

void
crepitus_assessment_set_patient (CrepitusAssessment *self,
                                 CrepitusPatient    *patient)
{
  g_return_if_fail (CREPITUS_IS_ASSESSMENT (self));
  g_return_if_fail (patient == NULL || CREPITUS_IS_PATIENT (patient));

  if (g_set_object (&self->patient, patient))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT]);
}

static void
assessment_set_mask (CrepitusAssessment *self,
                     int                 set,
                     guint32             mask)
{
  if (self->sets[set] == mask)
    return;
  self->sets[set] = mask;
  g_object_notify_by_pspec (G_OBJECT (self), properties[set_info[set].prop]);
}

gboolean
crepitus_assessment_has (CrepitusAssessment *self,
                         CrepitusList        list,
                         const char         *key)
{
  int set = set_for_list (list);
  int index;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (set >= 0, FALSE);

  index = crepitus_catalog_index (list, key);
  return index >= 0 && (self->sets[set] & (1u << index)) != 0;
}

void
crepitus_assessment_set_member (CrepitusAssessment *self,
                                CrepitusList        list,
                                const char         *key,
                                gboolean            present)
{
  int set = set_for_list (list);
  int index;

  g_return_if_fail (CREPITUS_IS_ASSESSMENT (self));
  g_return_if_fail (set >= 0);
  index = crepitus_catalog_index (list, key);
  g_return_if_fail (index >= 0);

  if (present)
    assessment_set_mask (self, set, self->sets[set] | (1u << index));
  else
    assessment_set_mask (self, set, self->sets[set] & ~(1u << index));
}

static char **
set_dup_keys (CrepitusAssessment *self,
              int                 set)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  CrepitusList list = set_info[set].list;
  guint n = crepitus_catalog_count (list);

  for (guint i = 0; i < n; i++)
    if (self->sets[set] & (1u << i))
      g_strv_builder_add (builder, crepitus_catalog_key (list, i));
  return g_strv_builder_end (builder);
}

char **
crepitus_assessment_dup_keys (CrepitusAssessment *self,
                              CrepitusList        list)
{
  int set = set_for_list (list);

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (set >= 0, NULL);

  return set_dup_keys (self, set);
}

CrepitusRedFlagState
crepitus_assessment_get_red_flag (CrepitusAssessment *self,
                                  const char         *key)
{
  int index;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), CREPITUS_RED_FLAG_NOT_ASKED);
  index = crepitus_catalog_index (CREPITUS_LIST_RED_FLAG, key);
  g_return_val_if_fail (index >= 0, CREPITUS_RED_FLAG_NOT_ASKED);

  if (self->sets[SET_RED_FLAG] & (1u << index))
    return CREPITUS_RED_FLAG_PRESENT;
  if (self->sets[SET_RED_FLAG_ABSENT] & (1u << index))
    return CREPITUS_RED_FLAG_ABSENT;
  return CREPITUS_RED_FLAG_NOT_ASKED;
}

void
crepitus_assessment_set_red_flag (CrepitusAssessment   *self,
                                  const char           *key,
                                  CrepitusRedFlagState  state)
{
  guint32 bit;
  int index;

  g_return_if_fail (CREPITUS_IS_ASSESSMENT (self));
  index = crepitus_catalog_index (CREPITUS_LIST_RED_FLAG, key);
  g_return_if_fail (index >= 0);

  /* Leave the other list first: the record never holds a flag in both. */
  bit = 1u << index;
  if (state != CREPITUS_RED_FLAG_PRESENT)
    assessment_set_mask (self, SET_RED_FLAG, self->sets[SET_RED_FLAG] & ~bit);
  if (state != CREPITUS_RED_FLAG_ABSENT)
    assessment_set_mask (self, SET_RED_FLAG_ABSENT, self->sets[SET_RED_FLAG_ABSENT] & ~bit);
  if (state == CREPITUS_RED_FLAG_PRESENT)
    assessment_set_mask (self, SET_RED_FLAG, self->sets[SET_RED_FLAG] | bit);
  else if (state == CREPITUS_RED_FLAG_ABSENT)
    assessment_set_mask (self, SET_RED_FLAG_ABSENT, self->sets[SET_RED_FLAG_ABSENT] | bit);
}

char **
crepitus_assessment_dup_red_flags_absent (CrepitusAssessment *self)
{
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), NULL);
  return set_dup_keys (self, SET_RED_FLAG_ABSENT);
}

char **
crepitus_assessment_dup_red_flags_not_asked (CrepitusAssessment *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint32 asked;
  guint n;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), NULL);

  asked = self->sets[SET_RED_FLAG] | self->sets[SET_RED_FLAG_ABSENT];
  n = crepitus_catalog_count (CREPITUS_LIST_RED_FLAG);
  for (guint i = 0; i < n; i++)
    if (!(asked & (1u << i)))
      g_strv_builder_add (builder, crepitus_catalog_key (CREPITUS_LIST_RED_FLAG, i));
  return g_strv_builder_end (builder);
}

gboolean
crepitus_assessment_is_screen_complete (CrepitusAssessment *self)
{
  guint n;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), FALSE);

  n = crepitus_catalog_count (CREPITUS_LIST_RED_FLAG);
  return (self->sets[SET_RED_FLAG] | self->sets[SET_RED_FLAG_ABSENT]) == (1u << n) - 1;
}

static void
assessment_set_keys (CrepitusAssessment  *self,
                     int                  set,
                     const char * const  *keys)
{
  guint32 mask = 0;

  for (gsize i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      int index = crepitus_catalog_index (set_info[set].list, keys[i]);

      if (index < 0)
        g_critical ("“%s” is not a %s", keys[i], crepitus_catalog_list_noun (set_info[set].list));
      else
        mask |= 1u << index;
    }
  assessment_set_mask (self, set, mask);
}

CrepitusFactorRecord *
crepitus_assessment_get_factor (CrepitusAssessment *self,
                                const char         *key)
{
  int index;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), NULL);
  index = crepitus_catalog_index (CREPITUS_LIST_FACTOR, key);
  g_return_val_if_fail (index >= 0, NULL);

  return self->factors[index];
}

const CrepitusMeasures *
crepitus_assessment_get_measures (CrepitusAssessment *self)
{
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), NULL);
  return self->measures;
}

void
crepitus_assessment_set_measures (CrepitusAssessment     *self,
                                  const CrepitusMeasures *measures)
{
  g_return_if_fail (CREPITUS_IS_ASSESSMENT (self));

  if (crepitus_measures_equal (self->measures, measures))
    return;
  crepitus_measures_free (self->measures);
  self->measures = crepitus_measures_copy (measures);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURES]);
}

gboolean
crepitus_assessment_has_pain (CrepitusAssessment *self)
{
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), FALSE);
  return crepitus_assessment_has (self, CREPITUS_LIST_SYMPTOM, "pain") || self->pain_score >= 1;
}

gboolean
crepitus_assessment_is_persistent (CrepitusAssessment *self)
{
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), FALSE);
  return self->duration_weeks >= 6;
}

static void
crepitus_assessment_dispose (GObject *object)
{
  CrepitusAssessment *self = CREPITUS_ASSESSMENT (object);

  g_clear_object (&self->patient);
  for (guint i = 0; i < G_N_ELEMENTS (self->factors); i++)
    g_clear_object (&self->factors[i]);

  G_OBJECT_CLASS (crepitus_assessment_parent_class)->dispose (object);
}

static void
crepitus_assessment_finalize (GObject *object)
{
  CrepitusAssessment *self = CREPITUS_ASSESSMENT (object);

  g_free (self->date);
  g_free (self->clinician);
  g_free (self->posture_notes);
  g_free (self->notes);
  g_free (self->signed_by);
  g_free (self->signed_at);
  crepitus_measures_free (self->measures);

  G_OBJECT_CLASS (crepitus_assessment_parent_class)->finalize (object);
}

static void
crepitus_assessment_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrepitusAssessment *self = CREPITUS_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PATIENT:
      g_value_set_object (value, self->patient);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_CLINICIAN:
      g_value_set_string (value, self->clinician);
      break;
    case PROP_SIDE:
      g_value_set_enum (value, self->side);
      break;
    case PROP_SOUND:
      g_value_set_enum (value, self->sound);
      break;
    case PROP_FREQUENCY:
      g_value_set_enum (value, self->frequency);
      break;
    case PROP_DURATION_WEEKS:
      g_value_set_int (value, self->duration_weeks);
      break;
    case PROP_PAIN_SCORE:
      g_value_set_int (value, self->pain_score);
      break;
    case PROP_REVIEW_WEEKS:
      g_value_set_int (value, self->review_weeks);
      break;
    case PROP_LOCATION:
    case PROP_PROVOKING_MOVEMENTS:
    case PROP_SYMPTOMS:
    case PROP_HISTORY:
    case PROP_RED_FLAGS:
    case PROP_RED_FLAGS_ABSENT:
      for (int set = 0; set < N_SETS; set++)
        if (set_info[set].prop == prop_id)
          g_value_take_boxed (value, set_dup_keys (self, set));
      break;
    case PROP_SCOLIOSIS:
      g_value_set_enum (value, self->scoliosis);
      break;
    case PROP_LORDOSIS:
      g_value_set_enum (value, self->lordosis);
      break;
    case PROP_PELVIC_TILT:
      g_value_set_enum (value, self->pelvic_tilt);
      break;
    case PROP_KYPHOSIS:
      g_value_set_enum (value, self->kyphosis);
      break;
    case PROP_FORWARD_HEAD:
      g_value_set_enum (value, self->forward_head);
      break;
    case PROP_POSTURE_NOTES:
      g_value_set_string (value, self->posture_notes);
      break;
    case PROP_MEASURES:
      g_value_set_boxed (value, self->measures);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_SIGNED_BY:
      g_value_set_string (value, self->signed_by);
      break;
    case PROP_SIGNED_AT:
      g_value_set_string (value, self->signed_at);
      break;
    case PROP_SUPERSEDED_BY:
      g_value_set_int64 (value, self->superseded_by);
      break;
    case PROP_AMENDS:
      g_value_set_int64 (value, self->amends);
      break;
    case PROP_ENTERED_IN_ERROR:
      g_value_set_boolean (value, self->entered_in_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_assessment_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CrepitusAssessment *self = CREPITUS_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      crepitus_assessment_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PATIENT:
      crepitus_assessment_set_patient (self, g_value_get_object (value));
      break;
    case PROP_DATE:
      crepitus_assessment_set_date (self, g_value_get_string (value));
      break;
    case PROP_CLINICIAN:
      crepitus_assessment_set_clinician (self, g_value_get_string (value));
      break;
    case PROP_SIDE:
      crepitus_assessment_set_side (self, g_value_get_enum (value));
      break;
    case PROP_SOUND:
      crepitus_assessment_set_sound (self, g_value_get_enum (value));
      break;
    case PROP_FREQUENCY:
      crepitus_assessment_set_frequency (self, g_value_get_enum (value));
      break;
    case PROP_DURATION_WEEKS:
      crepitus_assessment_set_duration_weeks (self, g_value_get_int (value));
      break;
    case PROP_PAIN_SCORE:
      crepitus_assessment_set_pain_score (self, g_value_get_int (value));
      break;
    case PROP_REVIEW_WEEKS:
      crepitus_assessment_set_review_weeks (self, g_value_get_int (value));
      break;
    case PROP_LOCATION:
    case PROP_PROVOKING_MOVEMENTS:
    case PROP_SYMPTOMS:
    case PROP_HISTORY:
    case PROP_RED_FLAGS:
    case PROP_RED_FLAGS_ABSENT:
      for (int set = 0; set < N_SETS; set++)
        if (set_info[set].prop == prop_id)
          assessment_set_keys (self, set, g_value_get_boxed (value));
      break;
    case PROP_SCOLIOSIS:
      crepitus_assessment_set_scoliosis (self, g_value_get_enum (value));
      break;
    case PROP_LORDOSIS:
      crepitus_assessment_set_lordosis (self, g_value_get_enum (value));
      break;
    case PROP_PELVIC_TILT:
      crepitus_assessment_set_pelvic_tilt (self, g_value_get_enum (value));
      break;
    case PROP_KYPHOSIS:
      crepitus_assessment_set_kyphosis (self, g_value_get_enum (value));
      break;
    case PROP_FORWARD_HEAD:
      crepitus_assessment_set_forward_head (self, g_value_get_enum (value));
      break;
    case PROP_POSTURE_NOTES:
      crepitus_assessment_set_posture_notes (self, g_value_get_string (value));
      break;
    case PROP_MEASURES:
      crepitus_assessment_set_measures (self, g_value_get_boxed (value));
      break;
    case PROP_NOTES:
      crepitus_assessment_set_notes (self, g_value_get_string (value));
      break;
    case PROP_SIGNED_BY:
      crepitus_assessment_set_signed_by (self, g_value_get_string (value));
      break;
    case PROP_SIGNED_AT:
      crepitus_assessment_set_signed_at (self, g_value_get_string (value));
      break;
    case PROP_SUPERSEDED_BY:
      crepitus_assessment_set_superseded_by (self, g_value_get_int64 (value));
      break;
    case PROP_AMENDS:
      crepitus_assessment_set_amends (self, g_value_get_int64 (value));
      break;
    case PROP_ENTERED_IN_ERROR:
      crepitus_assessment_set_entered_in_error (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* An integer property: -1 is "not recorded", and its top is the field table's (the one
 * place its range is written; crepitus_field_validate() checks the bottom). */
static GParamSpec *
count_property (const char *name)
{
  const CrepitusField *field = crepitus_field_find (CREPITUS_RECORD_ASSESSMENT, name);

  g_assert (field != NULL && field->kind == CREPITUS_FIELD_INTEGER);
  return g_param_spec_int (name, NULL, NULL, -1, field->max, -1, RW_FLAGS);
}

static void
crepitus_assessment_class_init (CrepitusAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crepitus_assessment_dispose;
  object_class->finalize = crepitus_assessment_finalize;
  object_class->get_property = crepitus_assessment_get_property;
  object_class->set_property = crepitus_assessment_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, -1, G_MAXINT64, -1, RW_FLAGS);
  properties[PROP_PATIENT] =
    g_param_spec_object ("patient", NULL, NULL, CREPITUS_TYPE_PATIENT, RW_FLAGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_CLINICIAN] =
    g_param_spec_string ("clinician", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_SIDE] =
    g_param_spec_enum ("side", NULL, NULL, CREPITUS_TYPE_SIDE, 0, RW_FLAGS);
  properties[PROP_LOCATION] =
    g_param_spec_boxed ("location", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  properties[PROP_SOUND] =
    g_param_spec_enum ("sound", NULL, NULL, CREPITUS_TYPE_SOUND, 0, RW_FLAGS);
  properties[PROP_FREQUENCY] =
    g_param_spec_enum ("frequency", NULL, NULL, CREPITUS_TYPE_FREQUENCY, 0, RW_FLAGS);
  properties[PROP_DURATION_WEEKS] =
    count_property ("duration-weeks");
  properties[PROP_PROVOKING_MOVEMENTS] =
    g_param_spec_boxed ("provoking-movements", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  properties[PROP_PAIN_SCORE] =
    count_property ("pain-score");
  properties[PROP_SYMPTOMS] =
    g_param_spec_boxed ("symptoms", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  properties[PROP_HISTORY] =
    g_param_spec_boxed ("history", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  properties[PROP_RED_FLAGS] =
    g_param_spec_boxed ("red-flags", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  properties[PROP_RED_FLAGS_ABSENT] =
    g_param_spec_boxed ("red-flags-absent", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  properties[PROP_SCOLIOSIS] =
    g_param_spec_enum ("scoliosis", NULL, NULL, CREPITUS_TYPE_SCOLIOSIS, 0, RW_FLAGS);
  properties[PROP_LORDOSIS] =
    g_param_spec_enum ("lordosis", NULL, NULL, CREPITUS_TYPE_LORDOSIS, 0, RW_FLAGS);
  properties[PROP_PELVIC_TILT] =
    g_param_spec_enum ("pelvic-tilt", NULL, NULL, CREPITUS_TYPE_PELVIC_TILT, 0, RW_FLAGS);
  properties[PROP_KYPHOSIS] =
    g_param_spec_enum ("kyphosis", NULL, NULL, CREPITUS_TYPE_KYPHOSIS, 0, RW_FLAGS);
  properties[PROP_FORWARD_HEAD] =
    g_param_spec_enum ("forward-head", NULL, NULL, CREPITUS_TYPE_TRISTATE, 0, RW_FLAGS);
  properties[PROP_POSTURE_NOTES] =
    g_param_spec_string ("posture-notes", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_MEASURES] =
    g_param_spec_boxed ("measures", NULL, NULL, CREPITUS_TYPE_MEASURES, RW_FLAGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_REVIEW_WEEKS] =
    count_property ("review-weeks");
  properties[PROP_SIGNED_BY] =
    g_param_spec_string ("signed-by", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_SIGNED_AT] =
    g_param_spec_string ("signed-at", NULL, NULL, NULL, RW_FLAGS);
  properties[PROP_SUPERSEDED_BY] =
    g_param_spec_int64 ("superseded-by", NULL, NULL, -1, G_MAXINT64, -1, RW_FLAGS);
  properties[PROP_AMENDS] =
    g_param_spec_int64 ("amends", NULL, NULL, -1, G_MAXINT64, -1, RW_FLAGS);
  properties[PROP_ENTERED_IN_ERROR] =
    g_param_spec_boolean ("entered-in-error", NULL, NULL, FALSE, RW_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crepitus_assessment_init (CrepitusAssessment *self)
{
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);

  self->id = -1;
  self->superseded_by = -1;
  self->amends = -1;
  self->duration_weeks = -1;
  self->pain_score = -1;
  self->review_weeks = -1;
  self->measures = crepitus_measures_new ();
  g_assert (n_factors == G_N_ELEMENTS (self->factors));
  for (guint i = 0; i < n_factors; i++)
    self->factors[i] = g_object_new (CREPITUS_TYPE_FACTOR_RECORD, "key", factors[i].key, NULL);
}

CrepitusAssessment *
crepitus_assessment_new (CrepitusPatient *patient)
{
  return g_object_new (CREPITUS_TYPE_ASSESSMENT, "patient", patient, NULL);
}
