/* crepitus-fields.c — the table of fields: the one place a field's rule lives */
#define G_LOG_DOMAIN "crepitus-fields"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-enums.h"
#include "crepitus-fields.h"
#include "crepitus-json.h"
#include "crepitus-measures.h"

G_DEFINE_QUARK (crepitus-field-error-quark, crepitus_field_error)

/* Sane maximum lengths of text, in characters: far above any real name or note (a 1,800-word
 * note is about 11,000), far below what breaks a PDF's document information (64 KiB). */
#define MRN_LENGTH 64
#define NAME_LENGTH 200
#define NOTES_LENGTH 50000

#define P CREPITUS_RECORD_PATIENT
#define A CREPITUS_RECORD_ASSESSMENT
#define F CREPITUS_RECORD_FACTOR

/* In canonical §6 order within each JSON object. */
static const CrepitusField patient_fields[] = {
  { P, "patient.mrn", "mrn", "patient", "mrn", "mrn", CREPITUS_FIELD_TEXT,
    .max_length = MRN_LENGTH },
  { P, "patient.family_name", "family_name", "patient", "family-name", "family_name",
    CREPITUS_FIELD_TEXT, .flags = CREPITUS_FIELD_REQUIRED, .max_length = NAME_LENGTH },
  { P, "patient.given_name", "given_name", "patient", "given-name", "given_name",
    CREPITUS_FIELD_TEXT, .max_length = NAME_LENGTH },
  { P, "patient.birth_date", "birth_date", "patient", "birth-date", "birth_date",
    CREPITUS_FIELD_DATE },
  { P, "patient.sex", "sex", "patient", "sex", "sex", CREPITUS_FIELD_KEY, CREPITUS_LIST_SEX,
    .flags = CREPITUS_FIELD_ENUM },
  { P, "patient.language", "language", "patient", "language", "language", CREPITUS_FIELD_KEY,
    CREPITUS_LIST_LANGUAGE },
};

static const CrepitusField assessment_fields[] = {
  { A, "assessment.date", "date", "assessment", "date", "date", CREPITUS_FIELD_DATE,
    .flags = CREPITUS_FIELD_REQUIRED },
  { A, "assessment.clinician", "clinician", "assessment", "clinician", "clinician",
    CREPITUS_FIELD_TEXT, .max_length = NAME_LENGTH },
  { A, "assessment.side", "side", "assessment", "side", "side", CREPITUS_FIELD_KEY,
    CREPITUS_LIST_SIDE, .flags = CREPITUS_FIELD_ENUM },
  { A, "assessment.location", "location", "assessment", "location", "location",
    CREPITUS_FIELD_SET, CREPITUS_LIST_LOCATION },
  { A, "assessment.sound", "sound", "assessment", "sound", "sound", CREPITUS_FIELD_KEY,
    CREPITUS_LIST_SOUND, .flags = CREPITUS_FIELD_ENUM },
  { A, "assessment.frequency", "frequency", "assessment", "frequency", "frequency",
    CREPITUS_FIELD_KEY, CREPITUS_LIST_FREQUENCY, .flags = CREPITUS_FIELD_ENUM },
  { A, "assessment.duration_weeks", "duration_weeks", "assessment", "duration-weeks",
    "duration_weeks", CREPITUS_FIELD_INTEGER, .min = 0, .max = 520 },
  { A, "assessment.provoking_movements", "provoking_movements", "assessment",
    "provoking-movements", "provoking_movements", CREPITUS_FIELD_SET, CREPITUS_LIST_MOVEMENT },
  { A, "assessment.pain_score", "pain_score", "assessment", "pain-score", "pain_score",
    CREPITUS_FIELD_INTEGER, .min = 0, .max = 10 },
  { A, "assessment.symptoms", "symptoms", "assessment", "symptoms", "symptoms",
    CREPITUS_FIELD_SET, CREPITUS_LIST_SYMPTOM },
  { A, "assessment.red_flags", "red_flags", "assessment", "red-flags", "red_flags",
    CREPITUS_FIELD_SET, CREPITUS_LIST_RED_FLAG, .disjoint_from = "red-flags-absent" },
  { A, "assessment.red_flags_absent", "red_flags_absent", "assessment", "red-flags-absent",
    "red_flags_absent", CREPITUS_FIELD_SET, CREPITUS_LIST_RED_FLAG,
    .disjoint_from = "red-flags" },
  { A, "assessment.history", "history", "assessment", "history", "history",
    CREPITUS_FIELD_SET, CREPITUS_LIST_HISTORY },
  /* "factors" comes here in §6 order: factor records have a table of their own. */
  { A, "assessment.posture.scoliosis", "scoliosis", "assessment.posture", "scoliosis",
    "scoliosis", CREPITUS_FIELD_KEY, CREPITUS_LIST_SCOLIOSIS, .flags = CREPITUS_FIELD_ENUM },
  { A, "assessment.posture.lordosis", "lordosis", "assessment.posture", "lordosis",
    "lordosis", CREPITUS_FIELD_KEY, CREPITUS_LIST_LORDOSIS, .flags = CREPITUS_FIELD_ENUM },
  { A, "assessment.posture.pelvic_tilt", "pelvic_tilt", "assessment.posture", "pelvic-tilt",
    "pelvic_tilt", CREPITUS_FIELD_KEY, CREPITUS_LIST_PELVIC_TILT,
    .flags = CREPITUS_FIELD_ENUM },
  { A, "assessment.posture.kyphosis", "kyphosis", "assessment.posture", "kyphosis",
    "kyphosis", CREPITUS_FIELD_KEY, CREPITUS_LIST_KYPHOSIS, .flags = CREPITUS_FIELD_ENUM },
  { A, "assessment.posture.forward_head", "forward_head", "assessment.posture",
    "forward-head", "forward_head", CREPITUS_FIELD_BOOLEAN },
  { A, "assessment.posture.notes", "notes", "assessment.posture", "posture-notes",
    "posture_notes", CREPITUS_FIELD_TEXT, .max_length = NOTES_LENGTH },
  { A, "assessment.measures", "measures", "assessment", "measures", "measures",
    CREPITUS_FIELD_MEASURES },
  { A, "assessment.notes", "notes", "assessment", "notes", "notes", CREPITUS_FIELD_TEXT,
    .max_length = NOTES_LENGTH },
  { A, "assessment.review_weeks", "review_weeks", "assessment", "review-weeks",
    "review_weeks", CREPITUS_FIELD_INTEGER, .min = 1, .max = 52 },
};

static const CrepitusField factor_fields[] = {
  { F, "judgement", "judgement", NULL, "judgement", "judgement", CREPITUS_FIELD_KEY,
    CREPITUS_LIST_JUDGEMENT, .flags = CREPITUS_FIELD_ENUM | CREPITUS_FIELD_FIRST_UNSET },
  { F, "findings", "findings", NULL, "findings", "findings", CREPITUS_FIELD_SET,
    .flags = CREPITUS_FIELD_FINDINGS },
  { F, "notes", "notes", NULL, "notes", "notes", CREPITUS_FIELD_TEXT,
    .max_length = NOTES_LENGTH },
};

#undef P
#undef A
#undef F

static const struct
{
  const CrepitusField *fields;
  guint                n_fields;
} tables[CREPITUS_N_RECORDS] = {
  [CREPITUS_RECORD_PATIENT] = { patient_fields, G_N_ELEMENTS (patient_fields) },
  [CREPITUS_RECORD_ASSESSMENT] = { assessment_fields, G_N_ELEMENTS (assessment_fields) },
  [CREPITUS_RECORD_FACTOR] = { factor_fields, G_N_ELEMENTS (factor_fields) },
};

const CrepitusField *
crepitus_fields (CrepitusRecord  record,
                 guint          *n_fields)
{
  g_return_val_if_fail (record < CREPITUS_N_RECORDS, NULL);

  if (n_fields != NULL)
    *n_fields = tables[record].n_fields;
  return tables[record].fields;
}

const CrepitusField *
crepitus_field_find (CrepitusRecord  record,
                     const char     *property)
{
  g_return_val_if_fail (record < CREPITUS_N_RECORDS, NULL);

  for (guint i = 0; i < tables[record].n_fields; i++)
    if (g_strcmp0 (tables[record].fields[i].property, property) == 0)
      return &tables[record].fields[i];
  return NULL;
}

guint
crepitus_field_index (const CrepitusField *field)
{
  return field - tables[field->record].fields;
}

char *
crepitus_field_path (const CrepitusField *field,
                     GObject             *object)
{
  g_autofree char *factor = NULL;

  if (field->record != CREPITUS_RECORD_FACTOR)
    return g_strdup (field->path);
  if (object != NULL)
    g_object_get (object, "key", &factor, NULL);
  return g_strdup_printf ("assessment.factors.%s.%s", factor != NULL ? factor : "?", field->path);
}

/* Text */

gboolean
crepitus_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
crepitus_text_replace (char       **field,
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

/* Plain values */

static GType
plain_type (const CrepitusField *field)
{
  switch (field->kind)
    {
    case CREPITUS_FIELD_TEXT:
    case CREPITUS_FIELD_DATE:
    case CREPITUS_FIELD_KEY:
      return G_TYPE_STRING;
    case CREPITUS_FIELD_SET:
      return G_TYPE_STRV;
    case CREPITUS_FIELD_INTEGER:
    case CREPITUS_FIELD_BOOLEAN:
      return G_TYPE_INT;
    case CREPITUS_FIELD_MEASURES:
      return CREPITUS_TYPE_MEASURES;
    default:
      g_assert_not_reached ();
    }
}

void
crepitus_field_init_value (const CrepitusField *field,
                           GValue              *value)
{
  g_value_init (value, plain_type (field));
  if (G_VALUE_HOLDS_INT (value))
    g_value_set_int (value, -1);
}

void
crepitus_field_get (const CrepitusField *field,
                    GObject             *object,
                    GValue              *value)
{
  crepitus_field_init_value (field, value);

  switch (field->kind)
    {
    case CREPITUS_FIELD_KEY:
      if (field->flags & CREPITUS_FIELD_ENUM)
        {
          int choice = 0;
          int index;

          g_object_get (object, field->property, &choice, NULL);
          index = (field->flags & CREPITUS_FIELD_FIRST_UNSET) ? choice : choice - 1;
          if (choice <= 0)
            g_value_set_string (value, NULL);
          else if (index < (int) crepitus_catalog_count (field->list))
            g_value_set_string (value, crepitus_catalog_key (field->list, index));
          else
            /* A value no entry of the list has: its number, which is no key. */
            g_value_take_string (value, g_strdup_printf ("%d", choice));
          return;
        }
      G_GNUC_FALLTHROUGH;
    case CREPITUS_FIELD_TEXT:
    case CREPITUS_FIELD_DATE:
    case CREPITUS_FIELD_SET:
    case CREPITUS_FIELD_INTEGER:
    case CREPITUS_FIELD_MEASURES:
      g_object_get_property (object, field->property, value);
      return;
    case CREPITUS_FIELD_BOOLEAN:
      {
        int state = CREPITUS_TRISTATE_NOT_RECORDED;

        g_object_get (object, field->property, &state, NULL);
        g_value_set_int (value, state == CREPITUS_TRISTATE_NOT_RECORDED ? -1
                                : state == CREPITUS_TRISTATE_YES);
        return;
      }
    default:
      g_assert_not_reached ();
    }
}

gboolean
crepitus_field_set (const CrepitusField *field,
                    GObject             *object,
                    const GValue        *value)
{
  g_return_val_if_fail (G_VALUE_HOLDS (value, plain_type (field)), FALSE);

  switch (field->kind)
    {
    case CREPITUS_FIELD_TEXT:
    case CREPITUS_FIELD_DATE:
      /* As given: the model holds "" as not recorded. */
      g_object_set_property (object, field->property, value);
      return TRUE;
    case CREPITUS_FIELD_KEY:
      {
        const char *key = g_value_get_string (value);
        int index = key != NULL ? crepitus_catalog_index (field->list, key) : -1;

        if (key != NULL && index < 0)
          return FALSE;
        if (!(field->flags & CREPITUS_FIELD_ENUM))
          g_object_set (object, field->property, key, NULL);
        else if (field->flags & CREPITUS_FIELD_FIRST_UNSET)
          g_object_set (object, field->property, MAX (index, 0), NULL);
        else
          g_object_set (object, field->property, index + 1, NULL);
        return TRUE;
      }
    case CREPITUS_FIELD_SET:
      {
        const char * const *keys = g_value_get_boxed (value);
        g_autofree char *factor_key = NULL;
        const CrepitusFactor *factor = NULL;

        if (field->flags & CREPITUS_FIELD_FINDINGS)
          {
            g_object_get (object, "key", &factor_key, NULL);
            factor = crepitus_catalog_factor (factor_key);
          }
        /* The model holds only known keys, each once. */
        for (gsize i = 0; keys != NULL && keys[i] != NULL; i++)
          if ((factor != NULL ? crepitus_catalog_finding (factor, keys[i]) == NULL
                              : crepitus_catalog_index (field->list, keys[i]) < 0) ||
              g_strv_contains (keys + i + 1, keys[i]))
            return FALSE;
        g_object_set_property (object, field->property, value);
        return TRUE;
      }
    case CREPITUS_FIELD_INTEGER:
      if (g_value_get_int (value) < -1 || g_value_get_int (value) > field->max)
        return FALSE;
      g_object_set_property (object, field->property, value);
      return TRUE;
    case CREPITUS_FIELD_BOOLEAN:
      {
        int plain = g_value_get_int (value);

        if (plain < -1 || plain > 1)
          return FALSE;
        g_object_set (object, field->property,
                      plain < 0 ? CREPITUS_TRISTATE_NOT_RECORDED
                                : plain ? CREPITUS_TRISTATE_YES : CREPITUS_TRISTATE_NO, NULL);
        return TRUE;
      }
    case CREPITUS_FIELD_MEASURES:
      g_object_set_property (object, field->property, value);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

gboolean
crepitus_field_is_recorded (const CrepitusField *field,
                            const GValue        *value)
{
  switch (field->kind)
    {
    case CREPITUS_FIELD_TEXT:
    case CREPITUS_FIELD_DATE:
      /* Text is stored as given (§6): only "" records nothing; white space is text, and a
       * date of white space is a date to check (and refuse). */
      return g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0';
    case CREPITUS_FIELD_KEY:
      return g_value_get_string (value) != NULL;
    case CREPITUS_FIELD_SET:
      {
        const char * const *keys = g_value_get_boxed (value);

        return keys != NULL && keys[0] != NULL;
      }
    case CREPITUS_FIELD_INTEGER:
    case CREPITUS_FIELD_BOOLEAN:
      /* -1 is not recorded; any other number, in range or not, is there to be checked. */
      return g_value_get_int (value) != -1;
    case CREPITUS_FIELD_MEASURES:
      return !crepitus_measures_is_empty (g_value_get_boxed (value));
    default:
      g_assert_not_reached ();
    }
}

/* Validation */

gboolean
crepitus_path_error_valist (GError     **error,
                            GQuark       domain,
                            int          code,
                            const char  *path,
                            const char  *format,
                            va_list      args)
{
  g_autofree char *problem = g_strdup_vprintf (format, args);
  g_autofree char *message = g_strdup_printf ("%s: %s", path, problem);

  g_set_error_literal (error, domain, code, message);
  /* Keys and values quoted from a document may hold line breaks or other controls. */
  if (error != NULL && *error != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = crepitus_text_one_line (message);
    }
  return FALSE;
}

char *
crepitus_text_one_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *line = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (line, "\\u%04X", c);
      else
        g_string_append_unichar (line, c);
    }
  return g_string_free (line, FALSE);
}

G_GNUC_PRINTF (3, 4)
static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  crepitus_path_error_valist (error, CREPITUS_FIELD_ERROR, CREPITUS_FIELD_ERROR_INVALID, path,
                              format, args);
  va_end (args);
  return FALSE;
}

static gboolean
validate_date (const char  *path,
               const char  *text,
               GError     **error)
{
  g_autofree char *today = NULL;

  if (!crepitus_date_parse (text, NULL))
    return invalid (error, path, _("\"%s\" is not a date of the form YYYY-MM-DD"), text);
  today = crepitus_date_today ();
  /* Fixed-width ISO dates compare as strings. */
  if (strcmp (text, today) > 0)
    return invalid (error, path, _("%s is after today"), text);
  return TRUE;
}

static gboolean
validate_key_set (const CrepitusField  *field,
                  GObject              *object,
                  const char           *path,
                  const char * const   *keys,
                  GError              **error)
{
  g_autofree char *factor_key = NULL;
  g_auto(GStrv) other = NULL;
  const CrepitusFactor *factor = NULL;

  if (field->flags & CREPITUS_FIELD_FINDINGS)
    {
      if (object != NULL)
        g_object_get (object, "key", &factor_key, NULL);
      factor = crepitus_catalog_factor (factor_key);
      g_return_val_if_fail (factor != NULL, FALSE);
    }
  if (field->disjoint_from != NULL && object != NULL)
    g_object_get (object, field->disjoint_from, &other, NULL);

  for (gsize i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%zu]", path, i);
      const char *key = keys[i];

      if (factor != NULL && crepitus_catalog_finding (factor, key) == NULL)
        {
          if (crepitus_catalog_finding_owner (key) != NULL)
            return invalid (error, where, _("\"%s\" is not a finding of %s"), key, factor->key);
          return invalid (error, where, _("unknown finding \"%s\""), key);
        }
      if (factor == NULL && crepitus_catalog_index (field->list, key) < 0)
        return invalid (error, where, _("unknown %s \"%s\""),
                        crepitus_catalog_list_noun (field->list), key);
      for (gsize j = 0; j < i; j++)
        if (g_str_equal (keys[j], key))
          return invalid (error, where, _("\"%s\" is listed twice"), key);
      if (other != NULL && g_strv_contains ((const char * const *) other, key))
        {
          const CrepitusField *other_field = crepitus_field_find (field->record,
                                                                  field->disjoint_from);

          /* Translators: a red flag cannot be both present and absent */
          return invalid (error, where, _("\"%s\" is also listed in %s"), key,
                          other_field->path);
        }
    }
  return TRUE;
}

gboolean
crepitus_field_validate (const CrepitusField  *field,
                         GObject              *object,
                         const GValue         *value,
                         GError              **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (G_VALUE_HOLDS (value, plain_type (field)), FALSE);

  path = crepitus_field_path (field, object);

  if (!crepitus_field_is_recorded (field, value))
    {
      if (!(field->flags & CREPITUS_FIELD_REQUIRED))
        return TRUE;
      if (field->kind == CREPITUS_FIELD_TEXT && g_value_get_string (value) != NULL)
        return invalid (error, path, _("must not be empty"));
      return invalid (error, path, _("is required"));
    }

  switch (field->kind)
    {
    case CREPITUS_FIELD_TEXT:
      {
        const char *text = g_value_get_string (value);
        glong length;

        if (!g_utf8_validate (text, -1, NULL))
          return invalid (error, path, _("is not valid UTF-8 text"));
        /* A name of white space only is empty in substance. */
        if ((field->flags & CREPITUS_FIELD_REQUIRED) && crepitus_text_is_blank (text))
          return invalid (error, path, _("must not be empty"));
        length = g_utf8_strlen (text, -1);
        if (field->max_length > 0 && length > field->max_length)
          return invalid (error, path,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "is too long: %ld character, at most %d",
                                       "is too long: %ld characters, at most %d", length),
                          length, field->max_length);
        return TRUE;
      }
    case CREPITUS_FIELD_DATE:
      return validate_date (path, g_value_get_string (value), error);
    case CREPITUS_FIELD_KEY:
      if (crepitus_catalog_index (field->list, g_value_get_string (value)) < 0)
        return invalid (error, path, _("unknown %s \"%s\""),
                        crepitus_catalog_list_noun (field->list), g_value_get_string (value));
      return TRUE;
    case CREPITUS_FIELD_SET:
      return validate_key_set (field, object, path, g_value_get_boxed (value), error);
    case CREPITUS_FIELD_INTEGER:
      if (g_value_get_int (value) < field->min || g_value_get_int (value) > field->max)
        return invalid (error, path, _("%d is out of range (%d to %d)"), g_value_get_int (value),
                        field->min, field->max);
      return TRUE;
    case CREPITUS_FIELD_BOOLEAN:
      if (g_value_get_int (value) < 0 || g_value_get_int (value) > 1)
        return invalid (error, path, _("must be true or false"));
      return TRUE;
    case CREPITUS_FIELD_MEASURES:
      {
        g_autofree char *text = crepitus_json_measures_to_string (g_value_get_boxed (value));
        g_autoptr(CrepitusMeasures) reread = NULL;
        g_autoptr(GError) local_error = NULL;

        /* What cannot be written as §6 JSON and read back breaks a rule of §7; the reader
         * names the path inside the measures. */
        reread = crepitus_json_measures_from_string (text, &local_error);
        if (reread == NULL)
          {
            g_set_error_literal (error, CREPITUS_FIELD_ERROR, CREPITUS_FIELD_ERROR_INVALID,
                                 local_error->message);
            return FALSE;
          }
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

gboolean
crepitus_field_value_from_text (const CrepitusField  *field,
                                GObject              *object,
                                const char           *text,
                                GValue               *value,
                                GError              **error)
{
  /* A form shows an entry of white space as it shows an empty one: nothing typed ("", not
   * recorded; a required one "must not be empty"). Kept, it would be a value no one sees.
   * What a document gives is stored as given (§6): this is for forms only. */
  gboolean blank = crepitus_text_is_blank (text);

  crepitus_field_init_value (field, value);
  switch (field->kind)
    {
    case CREPITUS_FIELD_TEXT:
    case CREPITUS_FIELD_DATE:
      g_value_set_string (value, blank ? "" : text);
      break;
    case CREPITUS_FIELD_KEY:
      g_value_set_string (value, blank ? NULL : text);
      break;
    case CREPITUS_FIELD_INTEGER:
      {
        guint64 number;

        if (blank)
          break;
        if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &number, NULL))
          {
            g_autofree char *path = crepitus_field_path (field, object);

            return invalid (error, path, _("must be a whole number from %d to %d"),
                            field->min, field->max);
          }
        g_value_set_int (value, (int) number);
        break;
      }
    default:
      g_return_val_if_reached (FALSE);
    }
  return crepitus_field_validate (field, object, value, error);
}

gboolean
crepitus_field_validate_text (const CrepitusField  *field,
                              GObject              *object,
                              const char           *text,
                              GError              **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  return crepitus_field_value_from_text (field, object, text, &value, error);
}

gboolean
crepitus_field_set_text (const CrepitusField  *field,
                         GObject              *object,
                         const char           *text,
                         GError              **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!crepitus_field_value_from_text (field, object, text, &value, error))
    return FALSE;
  if (!crepitus_field_set (field, object, &value))
    {
      g_autofree char *path = crepitus_field_path (field, object);

      return invalid (error, path, _("the value cannot be recorded"));
    }
  return TRUE;
}

const char *
crepitus_field_error_problem (const GError *error)
{
  const char *colon;

  g_return_val_if_fail (error != NULL, NULL);

  colon = strstr (error->message, ": ");
  return colon != NULL ? colon + 2 : error->message;
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
