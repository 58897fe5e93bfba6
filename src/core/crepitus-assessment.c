/* crepitus-assessment.c — the patient and one assessment of them (CLINICAL.md §1–§3, §6, §7) */
#define G_LOG_DOMAIN "crepitus-assessment"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "crepitus-assessment.h"

/* Enum types: the nicks are the catalog keys. */

G_DEFINE_ENUM_TYPE (CrepitusSide, crepitus_side,
  G_DEFINE_ENUM_VALUE (CREPITUS_SIDE_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SIDE_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SIDE_RIGHT, "right"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SIDE_BOTH, "both"))

G_DEFINE_ENUM_TYPE (CrepitusSound, crepitus_sound,
  G_DEFINE_ENUM_VALUE (CREPITUS_SOUND_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SOUND_POP, "pop"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SOUND_CLICK, "click"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SOUND_GRINDING, "grinding"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SOUND_GRATING, "grating"))

G_DEFINE_ENUM_TYPE (CrepitusFrequency, crepitus_frequency,
  G_DEFINE_ENUM_VALUE (CREPITUS_FREQUENCY_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_FREQUENCY_ISOLATED, "isolated"),
  G_DEFINE_ENUM_VALUE (CREPITUS_FREQUENCY_OCCASIONAL, "occasional"),
  G_DEFINE_ENUM_VALUE (CREPITUS_FREQUENCY_FREQUENT, "frequent"),
  G_DEFINE_ENUM_VALUE (CREPITUS_FREQUENCY_CONSTANT, "constant"))

G_DEFINE_ENUM_TYPE (CrepitusSex, crepitus_sex,
  G_DEFINE_ENUM_VALUE (CREPITUS_SEX_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SEX_FEMALE, "female"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SEX_MALE, "male"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SEX_OTHER, "other"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SEX_UNKNOWN, "unknown"))

G_DEFINE_ENUM_TYPE (CrepitusJudgement, crepitus_judgement,
  G_DEFINE_ENUM_VALUE (CREPITUS_JUDGEMENT_NOT_ASSESSED, "not-assessed"),
  G_DEFINE_ENUM_VALUE (CREPITUS_JUDGEMENT_UNLIKELY, "unlikely"),
  G_DEFINE_ENUM_VALUE (CREPITUS_JUDGEMENT_POSSIBLE, "possible"),
  G_DEFINE_ENUM_VALUE (CREPITUS_JUDGEMENT_LIKELY, "likely"))

G_DEFINE_ENUM_TYPE (CrepitusScoliosis, crepitus_scoliosis,
  G_DEFINE_ENUM_VALUE (CREPITUS_SCOLIOSIS_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SCOLIOSIS_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SCOLIOSIS_LEFT_CONVEX, "left-convex"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SCOLIOSIS_RIGHT_CONVEX, "right-convex"))

G_DEFINE_ENUM_TYPE (CrepitusLordosis, crepitus_lordosis,
  G_DEFINE_ENUM_VALUE (CREPITUS_LORDOSIS_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_LORDOSIS_NORMAL, "normal"),
  G_DEFINE_ENUM_VALUE (CREPITUS_LORDOSIS_INCREASED, "increased"),
  G_DEFINE_ENUM_VALUE (CREPITUS_LORDOSIS_DECREASED, "decreased"),
  G_DEFINE_ENUM_VALUE (CREPITUS_LORDOSIS_UNEVEN, "uneven"))

G_DEFINE_ENUM_TYPE (CrepitusPelvicTilt, crepitus_pelvic_tilt,
  G_DEFINE_ENUM_VALUE (CREPITUS_PELVIC_TILT_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_PELVIC_TILT_NEUTRAL, "neutral"),
  G_DEFINE_ENUM_VALUE (CREPITUS_PELVIC_TILT_ANTERIOR, "anterior"),
  G_DEFINE_ENUM_VALUE (CREPITUS_PELVIC_TILT_POSTERIOR, "posterior"))

G_DEFINE_ENUM_TYPE (CrepitusKyphosis, crepitus_kyphosis,
  G_DEFINE_ENUM_VALUE (CREPITUS_KYPHOSIS_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_KYPHOSIS_NORMAL, "normal"),
  G_DEFINE_ENUM_VALUE (CREPITUS_KYPHOSIS_INCREASED, "increased"))

G_DEFINE_ENUM_TYPE (CrepitusTristate, crepitus_tristate,
  G_DEFINE_ENUM_VALUE (CREPITUS_TRISTATE_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_TRISTATE_NO, "no"),
  G_DEFINE_ENUM_VALUE (CREPITUS_TRISTATE_YES, "yes"))

const char *
crepitus_choice_to_key (CrepitusList list,
                        int          value)
{
  if (value <= 0)
    return NULL;
  return crepitus_catalog_key (list, value - 1);
}

int
crepitus_choice_from_key (CrepitusList  list,
                          const char   *key)
{
  int index;

  if (key == NULL)
    return 0;
  index = crepitus_catalog_index (list, key);
  return index < 0 ? -1 : index + 1;
}

/* Measures */

G_DEFINE_BOXED_TYPE (CrepitusMeasures, crepitus_measures,
                     crepitus_measures_copy, crepitus_measures_free)

CrepitusMeasures *
crepitus_measures_new (void)
{
  CrepitusMeasures *measures = g_new0 (CrepitusMeasures, 1);

  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    measures->odi[i] = -1;
  for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
    measures->start_back_items[i] = -1;
  measures->bothersomeness = -1;
  for (guint i = 0; i < CREPITUS_N_TESTS; i++)
    {
      measures->tests[i].result = -1;
      measures->tests[i].side = -1;
    }
  return measures;
}

CrepitusMeasures *
crepitus_measures_copy (const CrepitusMeasures *measures)
{
  return measures != NULL ? g_memdup2 (measures, sizeof *measures) : crepitus_measures_new ();
}

void
crepitus_measures_free (CrepitusMeasures *measures)
{
  g_free (measures);
}

gboolean
crepitus_measures_equal (const CrepitusMeasures *a,
                         const CrepitusMeasures *b)
{
  g_autoptr(CrepitusMeasures) empty = crepitus_measures_new ();

  if (a == NULL)
    a = empty;
  if (b == NULL)
    b = empty;

  if (a->has_odi != b->has_odi || a->has_start_back != b->has_start_back ||
      a->has_beighton != b->has_beighton || a->bothersomeness != b->bothersomeness)
    return FALSE;
  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    if (a->odi[i] != b->odi[i])
      return FALSE;
  for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
    if (a->start_back_items[i] != b->start_back_items[i])
      return FALSE;
  for (guint i = 0; i < CREPITUS_BEIGHTON_N_ITEMS; i++)
    if (!a->beighton[i] != !b->beighton[i])
      return FALSE;
  for (guint i = 0; i < CREPITUS_N_TESTS; i++)
    if (a->tests[i].result != b->tests[i].result || a->tests[i].side != b->tests[i].side)
      return FALSE;
  return TRUE;
}

gboolean
crepitus_measures_is_empty (const CrepitusMeasures *measures)
{
  return crepitus_measures_equal (measures, NULL);
}

/* Dates */

gboolean
crepitus_date_parse (const char *text,
                     GDate      *date)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
crepitus_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
crepitus_date_check (const char  *text,
                     GError     **error)
{
  g_autofree char *today = crepitus_date_today ();

  if (!crepitus_date_parse (text, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date of the form YYYY-MM-DD"), text != NULL ? text : "");
      return FALSE;
    }
  /* Fixed-width ISO dates compare as strings. */
  if (strcmp (text, today) > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is after today"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
crepitus_family_name_check (const char  *name,
                            GError     **error)
{
  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The family name must not be empty"));
  return FALSE;
}

/* Text fields keep what was typed; an empty string is "not recorded". */
static gboolean
replace_text (char       **field,
              const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Patient */

struct _CrepitusPatient
{
  GObject      parent_instance;
  gint64       id;            /* -1 until stored */
  char        *mrn;
  char        *family_name;
  char        *given_name;
  char        *birth_date;    /* YYYY-MM-DD */
  CrepitusSex  sex;
  char        *language;      /* a CREPITUS_LIST_LANGUAGE key */
};

G_DEFINE_FINAL_TYPE (CrepitusPatient, crepitus_patient, G_TYPE_OBJECT)

enum {
  PATIENT_PROP_0,
  PATIENT_PROP_ID,
  PATIENT_PROP_MRN,
  PATIENT_PROP_FAMILY_NAME,
  PATIENT_PROP_GIVEN_NAME,
  PATIENT_PROP_BIRTH_DATE,
  PATIENT_PROP_SEX,
  PATIENT_PROP_LANGUAGE,
  PATIENT_N_PROPS
};
static GParamSpec *patient_properties[PATIENT_N_PROPS];

#define PATIENT_TEXT_ACCESSORS(field, PROP)                                     \
  const char *                                                                  \
  crepitus_patient_get_##field (CrepitusPatient *self)                          \
  {                                                                             \
    g_return_val_if_fail (CREPITUS_IS_PATIENT (self), NULL);                    \
    return self->field;                                                         \
  }                                                                             \
  void                                                                          \
  crepitus_patient_set_##field (CrepitusPatient *self,                          \
                                const char      *value)                         \
  {                                                                             \
    g_return_if_fail (CREPITUS_IS_PATIENT (self));                              \
    if (replace_text (&self->field, value))                                     \
      g_object_notify_by_pspec (G_OBJECT (self), patient_properties[PROP]);     \
  }

PATIENT_TEXT_ACCESSORS (mrn, PATIENT_PROP_MRN)
PATIENT_TEXT_ACCESSORS (family_name, PATIENT_PROP_FAMILY_NAME)
PATIENT_TEXT_ACCESSORS (given_name, PATIENT_PROP_GIVEN_NAME)
PATIENT_TEXT_ACCESSORS (birth_date, PATIENT_PROP_BIRTH_DATE)
PATIENT_TEXT_ACCESSORS (language, PATIENT_PROP_LANGUAGE)

gint64
crepitus_patient_get_id (CrepitusPatient *self)
{
  g_return_val_if_fail (CREPITUS_IS_PATIENT (self), -1);
  return self->id;
}

void
crepitus_patient_set_id (CrepitusPatient *self,
                         gint64           id)
{
  g_return_if_fail (CREPITUS_IS_PATIENT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), patient_properties[PATIENT_PROP_ID]);
}

CrepitusSex
crepitus_patient_get_sex (CrepitusPatient *self)
{
  g_return_val_if_fail (CREPITUS_IS_PATIENT (self), CREPITUS_SEX_NOT_RECORDED);
  return self->sex;
}

void
crepitus_patient_set_sex (CrepitusPatient *self,
                          CrepitusSex      sex)
{
  g_return_if_fail (CREPITUS_IS_PATIENT (self));
  if (self->sex == sex)
    return;
  self->sex = sex;
  g_object_notify_by_pspec (G_OBJECT (self), patient_properties[PATIENT_PROP_SEX]);
}

int
crepitus_patient_get_age_on (CrepitusPatient *self,
                             const char      *date)
{
  GDate birth, on;
  int age;

  g_return_val_if_fail (CREPITUS_IS_PATIENT (self), -1);

  if (!crepitus_date_parse (self->birth_date, &birth) || !crepitus_date_parse (date, &on))
    return -1;
  if (g_date_compare (&birth, &on) > 0)
    return -1;

  age = g_date_get_year (&on) - g_date_get_year (&birth);
  if (g_date_get_month (&on) < g_date_get_month (&birth) ||
      (g_date_get_month (&on) == g_date_get_month (&birth) &&
       g_date_get_day (&on) < g_date_get_day (&birth)))
    age--;
  return age;
}

static void
crepitus_patient_finalize (GObject *object)
{
  CrepitusPatient *self = CREPITUS_PATIENT (object);

  g_free (self->mrn);
  g_free (self->family_name);
  g_free (self->given_name);
  g_free (self->birth_date);
  g_free (self->language);

  G_OBJECT_CLASS (crepitus_patient_parent_class)->finalize (object);
}

static void
crepitus_patient_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrepitusPatient *self = CREPITUS_PATIENT (object);

  switch (prop_id)
    {
    case PATIENT_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PATIENT_PROP_MRN:
      g_value_set_string (value, self->mrn);
      break;
    case PATIENT_PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;
    case PATIENT_PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;
    case PATIENT_PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;
    case PATIENT_PROP_SEX:
      g_value_set_enum (value, self->sex);
      break;
    case PATIENT_PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_patient_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrepitusPatient *self = CREPITUS_PATIENT (object);

  switch (prop_id)
    {
    case PATIENT_PROP_ID:
      crepitus_patient_set_id (self, g_value_get_int64 (value));
      break;
    case PATIENT_PROP_MRN:
      crepitus_patient_set_mrn (self, g_value_get_string (value));
      break;
    case PATIENT_PROP_FAMILY_NAME:
      crepitus_patient_set_family_name (self, g_value_get_string (value));
      break;
    case PATIENT_PROP_GIVEN_NAME:
      crepitus_patient_set_given_name (self, g_value_get_string (value));
      break;
    case PATIENT_PROP_BIRTH_DATE:
      crepitus_patient_set_birth_date (self, g_value_get_string (value));
      break;
    case PATIENT_PROP_SEX:
      crepitus_patient_set_sex (self, g_value_get_enum (value));
      break;
    case PATIENT_PROP_LANGUAGE:
      crepitus_patient_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
crepitus_patient_class_init (CrepitusPatientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crepitus_patient_finalize;
  object_class->get_property = crepitus_patient_get_property;
  object_class->set_property = crepitus_patient_set_property;

  patient_properties[PATIENT_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, -1, G_MAXINT64, -1, RW_FLAGS);
  patient_properties[PATIENT_PROP_MRN] =
    g_param_spec_string ("mrn", NULL, NULL, NULL, RW_FLAGS);
  patient_properties[PATIENT_PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL, NULL, RW_FLAGS);
  patient_properties[PATIENT_PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL, NULL, RW_FLAGS);
  patient_properties[PATIENT_PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", NULL, NULL, NULL, RW_FLAGS);
  patient_properties[PATIENT_PROP_SEX] =
    g_param_spec_enum ("sex", NULL, NULL, CREPITUS_TYPE_SEX, CREPITUS_SEX_NOT_RECORDED, RW_FLAGS);
  patient_properties[PATIENT_PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL, RW_FLAGS);
  g_object_class_install_properties (object_class, PATIENT_N_PROPS, patient_properties);
}

static void
crepitus_patient_init (CrepitusPatient *self)
{
  self->id = -1;
}

CrepitusPatient *
crepitus_patient_new (void)
{
  return g_object_new (CREPITUS_TYPE_PATIENT, NULL);
}

/* Factor record */

struct _CrepitusFactorRecord
{
  GObject                parent_instance;
  const CrepitusFactor  *factor;
  CrepitusJudgement      judgement;
  guint32                findings;   /* bit i: finding i of the factor */
  char                  *notes;
};

G_DEFINE_FINAL_TYPE (CrepitusFactorRecord, crepitus_factor_record, G_TYPE_OBJECT)

enum {
  FACTOR_PROP_0,
  FACTOR_PROP_KEY,
  FACTOR_PROP_JUDGEMENT,
  FACTOR_PROP_FINDINGS,
  FACTOR_PROP_NOTES,
  FACTOR_N_PROPS
};
static GParamSpec *factor_properties[FACTOR_N_PROPS];

const char *
crepitus_factor_record_get_key (CrepitusFactorRecord *self)
{
  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), NULL);
  return self->factor->key;
}

CrepitusJudgement
crepitus_factor_record_get_judgement (CrepitusFactorRecord *self)
{
  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), CREPITUS_JUDGEMENT_NOT_ASSESSED);
  return self->judgement;
}

void
crepitus_factor_record_set_judgement (CrepitusFactorRecord *self,
                                      CrepitusJudgement     judgement)
{
  g_return_if_fail (CREPITUS_IS_FACTOR_RECORD (self));
  if (self->judgement == judgement)
    return;
  self->judgement = judgement;
  g_object_notify_by_pspec (G_OBJECT (self), factor_properties[FACTOR_PROP_JUDGEMENT]);
}

static int
finding_index (const CrepitusFactor *factor,
               const char           *key)
{
  const CrepitusFinding *finding = crepitus_catalog_finding (factor, key);

  return finding == NULL ? -1 : (int) (finding - factor->findings);
}

char **
crepitus_factor_record_dup_findings (CrepitusFactorRecord *self)
{
  GStrvBuilder *builder;
  char **result;

  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->factor->n_findings; i++)
    if (self->findings & (1u << i))
      g_strv_builder_add (builder, self->factor->findings[i].key);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

gboolean
crepitus_factor_record_has_finding (CrepitusFactorRecord *self,
                                    const char           *finding)
{
  int index;

  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), FALSE);

  index = finding_index (self->factor, finding);
  return index >= 0 && (self->findings & (1u << index)) != 0;
}

static void
factor_record_set_findings_mask (CrepitusFactorRecord *self,
                                 guint32               mask)
{
  if (self->findings == mask)
    return;
  self->findings = mask;
  g_object_notify_by_pspec (G_OBJECT (self), factor_properties[FACTOR_PROP_FINDINGS]);
}

void
crepitus_factor_record_set_finding (CrepitusFactorRecord *self,
                                    const char           *finding,
                                    gboolean              present)
{
  int index;

  g_return_if_fail (CREPITUS_IS_FACTOR_RECORD (self));
  index = finding_index (self->factor, finding);
  g_return_if_fail (index >= 0);

  if (present)
    factor_record_set_findings_mask (self, self->findings | (1u << index));
  else
    factor_record_set_findings_mask (self, self->findings & ~(1u << index));
}

const char *
crepitus_factor_record_get_notes (CrepitusFactorRecord *self)
{
  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), NULL);
  return self->notes;
}

void
crepitus_factor_record_set_notes (CrepitusFactorRecord *self,
                                  const char           *notes)
{
  g_return_if_fail (CREPITUS_IS_FACTOR_RECORD (self));
  if (replace_text (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), factor_properties[FACTOR_PROP_NOTES]);
}

gboolean
crepitus_factor_record_is_empty (CrepitusFactorRecord *self)
{
  g_return_val_if_fail (CREPITUS_IS_FACTOR_RECORD (self), TRUE);
  return self->judgement == CREPITUS_JUDGEMENT_NOT_ASSESSED && self->findings == 0 &&
         self->notes == NULL;
}

static void
crepitus_factor_record_finalize (GObject *object)
{
  CrepitusFactorRecord *self = CREPITUS_FACTOR_RECORD (object);

  g_free (self->notes);

  G_OBJECT_CLASS (crepitus_factor_record_parent_class)->finalize (object);
}

static void
crepitus_factor_record_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CrepitusFactorRecord *self = CREPITUS_FACTOR_RECORD (object);

  switch (prop_id)
    {
    case FACTOR_PROP_KEY:
      g_value_set_string (value, self->factor->key);
      break;
    case FACTOR_PROP_JUDGEMENT:
      g_value_set_enum (value, self->judgement);
      break;
    case FACTOR_PROP_FINDINGS:
      g_value_take_boxed (value, crepitus_factor_record_dup_findings (self));
      break;
    case FACTOR_PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_factor_record_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CrepitusFactorRecord *self = CREPITUS_FACTOR_RECORD (object);

  switch (prop_id)
    {
    case FACTOR_PROP_KEY:
      self->factor = crepitus_catalog_factor (g_value_get_string (value));
      g_assert (self->factor != NULL);
      break;
    case FACTOR_PROP_JUDGEMENT:
      crepitus_factor_record_set_judgement (self, g_value_get_enum (value));
      break;
    case FACTOR_PROP_FINDINGS:
      {
        const char * const *keys = g_value_get_boxed (value);
        guint32 mask = 0;

        for (gsize i = 0; keys != NULL && keys[i] != NULL; i++)
          {
            int index = finding_index (self->factor, keys[i]);

            if (index < 0)
              g_critical ("“%s” is not a finding of %s", keys[i], self->factor->key);
            else
              mask |= 1u << index;
          }
        factor_record_set_findings_mask (self, mask);
      }
      break;
    case FACTOR_PROP_NOTES:
      crepitus_factor_record_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_factor_record_class_init (CrepitusFactorRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crepitus_factor_record_finalize;
  object_class->get_property = crepitus_factor_record_get_property;
  object_class->set_property = crepitus_factor_record_set_property;

  factor_properties[FACTOR_PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  factor_properties[FACTOR_PROP_JUDGEMENT] =
    g_param_spec_enum ("judgement", NULL, NULL, CREPITUS_TYPE_JUDGEMENT,
                       CREPITUS_JUDGEMENT_NOT_ASSESSED, RW_FLAGS);
  factor_properties[FACTOR_PROP_FINDINGS] =
    g_param_spec_boxed ("findings", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  factor_properties[FACTOR_PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, RW_FLAGS);
  g_object_class_install_properties (object_class, FACTOR_N_PROPS, factor_properties);
}

static void
crepitus_factor_record_init (CrepitusFactorRecord *self)
{
}

/* Assessment */

/* The sets of keys an assessment records, and the property of each. */
enum { SET_LOCATION, SET_MOVEMENT, SET_SYMPTOM, SET_HISTORY, SET_RED_FLAG, N_SETS };

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
  PROP_SCOLIOSIS,
  PROP_LORDOSIS,
  PROP_PELVIC_TILT,
  PROP_KYPHOSIS,
  PROP_FORWARD_HEAD,
  PROP_POSTURE_NOTES,
  PROP_MEASURES,
  PROP_NOTES,
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
    if (replace_text (&self->field, value))                                     \
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
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), FALSE);
  return self->signed_by != NULL || self->superseded_by >= 0 || self->entered_in_error;
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

char **
crepitus_assessment_dup_keys (CrepitusAssessment *self,
                              CrepitusList        list)
{
  int set = set_for_list (list);
  GStrvBuilder *builder;
  char **result;
  guint n;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (set >= 0, NULL);

  n = crepitus_catalog_count (list);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    if (self->sets[set] & (1u << i))
      g_strv_builder_add (builder, crepitus_catalog_key (list, i));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
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
    case PROP_LOCATION:
    case PROP_PROVOKING_MOVEMENTS:
    case PROP_SYMPTOMS:
    case PROP_HISTORY:
    case PROP_RED_FLAGS:
      for (int set = 0; set < N_SETS; set++)
        if (set_info[set].prop == prop_id)
          g_value_take_boxed (value, crepitus_assessment_dup_keys (self, set_info[set].list));
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
    case PROP_LOCATION:
    case PROP_PROVOKING_MOVEMENTS:
    case PROP_SYMPTOMS:
    case PROP_HISTORY:
    case PROP_RED_FLAGS:
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
    g_param_spec_int ("duration-weeks", NULL, NULL, -1, 520, -1, RW_FLAGS);
  properties[PROP_PROVOKING_MOVEMENTS] =
    g_param_spec_boxed ("provoking-movements", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  properties[PROP_PAIN_SCORE] =
    g_param_spec_int ("pain-score", NULL, NULL, -1, 10, -1, RW_FLAGS);
  properties[PROP_SYMPTOMS] =
    g_param_spec_boxed ("symptoms", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  properties[PROP_HISTORY] =
    g_param_spec_boxed ("history", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
  properties[PROP_RED_FLAGS] =
    g_param_spec_boxed ("red-flags", NULL, NULL, G_TYPE_STRV, RW_FLAGS);
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
