/* crepitus-patient.c — the patient (CLINICAL.md §6 "patient") */
#define G_LOG_DOMAIN "crepitus-patient"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "crepitus-fields.h"
#include "crepitus-patient.h"

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

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
    if (crepitus_text_replace (&self->field, value))                                     \
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
