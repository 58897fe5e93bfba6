/* crepitus-json.c — the interchange format of CLINICAL.md §6 (jansson)
 *
 * jansson parses strictly (duplicate keys, \u0000, invalid UTF-8, integer overflow and
 * runaway nesting are syntax errors with a line and column); this file enforces every rule
 * of §6 on top, naming the path of what breaks one.
 */
#define G_LOG_DOMAIN "crepitus-json"

#include "config.h"

#include <stdarg.h>
#include <glib/gi18n-lib.h>
#include <jansson.h>

#include "crepitus-json.h"

#define FORMAT_NAME "crepitus-assessment"
#define FORMAT_VERSION 1

G_DEFINE_QUARK (crepitus-json-error-quark, crepitus_json_error)

typedef struct
{
  GError     **error;
  const char  *today;
} Reader;

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Reader     *reader,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (reader->error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_INVALID,
               "%s: %s", path, problem);
  return FALSE;
}

static char *
child_path (const char *path,
            const char *key)
{
  return g_strconcat (path, ".", key, NULL);
}

/* Every key of @object must be one of @allowed. */
static gboolean
check_keys (Reader             *reader,
            const char         *path,
            json_t             *object,
            const char * const *allowed)
{
  const char *key;
  json_t *value;

  json_object_foreach (object, key, value)
    {
      if (!g_strv_contains (allowed, key))
        {
          g_autofree char *where = path[0] ? child_path (path, key) : g_strdup (key);

          return fail (reader, where, _("unknown key \"%s\""), key);
        }
    }
  return TRUE;
}

static gboolean
get_object (Reader      *reader,
            const char  *path,
            json_t      *value,
            json_t     **out)
{
  *out = NULL;
  if (!json_is_object (value))
    return fail (reader, path, _("must be an object"));
  *out = value;
  return TRUE;
}

/* A text field: a string with no NUL (jansson rejects \u0000 already). Empty means not
 * recorded. */
static gboolean
get_text (Reader      *reader,
          const char  *path,
          json_t      *value,
          const char **out)
{
  if (value == NULL)
    {
      *out = NULL;
      return TRUE;
    }
  if (!json_is_string (value))
    return fail (reader, path, _("must be a string"));
  if (strlen (json_string_value (value)) != json_string_length (value))
    return fail (reader, path, _("contains a NUL character"));
  *out = json_string_value (value);
  return TRUE;
}

static gboolean
get_integer (Reader     *reader,
             const char *path,
             json_t     *value,
             int         min,
             int         max,
             int        *out)
{
  json_int_t number;

  if (value == NULL)
    {
      *out = -1;
      return TRUE;
    }
  if (!json_is_integer (value))
    return fail (reader, path, _("must be a whole number from %d to %d"), min, max);
  number = json_integer_value (value);
  if (number < min || number > max)
    return fail (reader, path, _("%" JSON_INTEGER_FORMAT " is out of range (%d to %d)"),
                 number, min, max);
  *out = (int) number;
  return TRUE;
}

/* A single keyed value: the enum value (index + 1), 0 when absent. */
static gboolean
get_choice (Reader       *reader,
            const char   *path,
            json_t       *value,
            CrepitusList  list,
            int          *out)
{
  int index;

  if (value == NULL)
    {
      *out = 0;
      return TRUE;
    }
  if (!json_is_string (value))
    return fail (reader, path, _("must be a string"));
  index = crepitus_catalog_index (list, json_string_value (value));
  if (index < 0)
    return fail (reader, path, _("unknown %s \"%s\""), crepitus_catalog_list_noun (list),
                 json_string_value (value));
  *out = index + 1;
  return TRUE;
}

/* A set of keys of @list: an array of strings, each known and listed once. */
static gboolean
get_key_set (Reader       *reader,
             const char   *path,
             json_t       *value,
             CrepitusList  list,
             guint32      *out)
{
  size_t i;
  json_t *item;

  *out = 0;
  if (value == NULL)
    return TRUE;
  if (!json_is_array (value))
    return fail (reader, path, _("must be an array"));

  json_array_foreach (value, i, item)
    {
      g_autofree char *where = g_strdup_printf ("%s[%zu]", path, i);
      int index;

      if (!json_is_string (item))
        return fail (reader, where, _("must be a string"));
      index = crepitus_catalog_index (list, json_string_value (item));
      if (index < 0)
        return fail (reader, where, _("unknown %s \"%s\""), crepitus_catalog_list_noun (list),
                     json_string_value (item));
      if (*out & (1u << index))
        return fail (reader, where, _("\"%s\" is listed twice"), json_string_value (item));
      *out |= 1u << index;
    }
  return TRUE;
}

static gboolean
get_date (Reader      *reader,
          const char  *path,
          json_t      *value,
          const char **out)
{
  const char *text;

  if (!get_text (reader, path, value, &text))
    return FALSE;
  *out = text;
  if (text == NULL)
    return TRUE;
  if (!crepitus_date_parse (text, NULL))
    return fail (reader, path, _("\"%s\" is not a date of the form YYYY-MM-DD"), text);
  /* Fixed-width ISO dates compare as strings. */
  if (strcmp (text, reader->today) > 0)
    return fail (reader, path, _("%s is after today"), text);
  return TRUE;
}

static void
set_members (CrepitusAssessment *assessment,
             CrepitusList        list,
             guint32             mask)
{
  for (guint i = 0; i < crepitus_catalog_count (list); i++)
    if (mask & (1u << i))
      crepitus_assessment_set_member (assessment, list, crepitus_catalog_key (list, i), TRUE);
}

static gboolean
read_patient (Reader          *reader,
              json_t          *object,
              CrepitusPatient *patient)
{
  static const char * const keys[] = {
    "mrn", "family_name", "given_name", "birth_date", "sex", "language", NULL
  };
  const char *mrn, *family, *given, *birth, *language_key;
  int sex, language;

  if (!check_keys (reader, "patient", object, keys) ||
      !get_text (reader, "patient.mrn", json_object_get (object, "mrn"), &mrn) ||
      !get_text (reader, "patient.family_name", json_object_get (object, "family_name"), &family) ||
      !get_text (reader, "patient.given_name", json_object_get (object, "given_name"), &given) ||
      !get_date (reader, "patient.birth_date", json_object_get (object, "birth_date"), &birth) ||
      !get_choice (reader, "patient.sex", json_object_get (object, "sex"), CREPITUS_LIST_SEX, &sex) ||
      !get_choice (reader, "patient.language", json_object_get (object, "language"),
                   CREPITUS_LIST_LANGUAGE, &language))
    return FALSE;

  if (family == NULL && json_object_get (object, "family_name") == NULL)
    return fail (reader, "patient.family_name", _("is required"));
  if (!crepitus_family_name_check (family, NULL))
    return fail (reader, "patient.family_name", _("must not be empty"));

  language_key = crepitus_choice_to_key (CREPITUS_LIST_LANGUAGE, language);
  crepitus_patient_set_mrn (patient, mrn);
  crepitus_patient_set_family_name (patient, family);
  crepitus_patient_set_given_name (patient, given);
  crepitus_patient_set_birth_date (patient, birth);
  crepitus_patient_set_sex (patient, sex);
  crepitus_patient_set_language (patient, language_key);
  return TRUE;
}

static gboolean
read_factor (Reader               *reader,
             const char           *path,
             json_t               *object,
             const CrepitusFactor *factor,
             CrepitusFactorRecord *record)
{
  static const char * const keys[] = { "judgement", "findings", "notes", NULL };
  g_autofree char *judgement_path = child_path (path, "judgement");
  g_autofree char *findings_path = child_path (path, "findings");
  g_autofree char *notes_path = child_path (path, "notes");
  json_t *findings = json_object_get (object, "findings");
  const char *notes;
  int judgement;

  if (!check_keys (reader, path, object, keys) ||
      !get_choice (reader, judgement_path, json_object_get (object, "judgement"),
                   CREPITUS_LIST_JUDGEMENT, &judgement) ||
      !get_text (reader, notes_path, json_object_get (object, "notes"), &notes))
    return FALSE;

  /* The judgement's list starts with not-assessed, which is its "not recorded" state. */
  crepitus_factor_record_set_judgement (record, judgement > 0 ? judgement - 1 : 0);
  crepitus_factor_record_set_notes (record, notes);

  if (findings != NULL)
    {
      size_t i;
      json_t *item;

      if (!json_is_array (findings))
        return fail (reader, findings_path, _("must be an array"));
      json_array_foreach (findings, i, item)
        {
          g_autofree char *where = g_strdup_printf ("%s[%zu]", findings_path, i);
          const char *key;

          if (!json_is_string (item))
            return fail (reader, where, _("must be a string"));
          key = json_string_value (item);
          if (crepitus_catalog_finding (factor, key) == NULL)
            {
              if (crepitus_catalog_finding_owner (key) != NULL)
                return fail (reader, where, _("\"%s\" is not a finding of %s"), key, factor->key);
              return fail (reader, where, _("unknown finding \"%s\""), key);
            }
          if (crepitus_factor_record_has_finding (record, key))
            return fail (reader, where, _("\"%s\" is listed twice"), key);
          crepitus_factor_record_set_finding (record, key, TRUE);
        }
    }
  return TRUE;
}

static gboolean
read_factors (Reader             *reader,
              json_t             *value,
              CrepitusAssessment *assessment)
{
  const char *key;
  json_t *item;
  json_t *object;

  if (value == NULL)
    return TRUE;
  if (!get_object (reader, "assessment.factors", value, &object))
    return FALSE;

  json_object_foreach (object, key, item)
    {
      g_autofree char *path = child_path ("assessment.factors", key);
      const CrepitusFactor *factor = crepitus_catalog_factor (key);
      json_t *factor_object;

      if (factor == NULL)
        return fail (reader, path, _("unknown factor \"%s\""), key);
      if (!get_object (reader, path, item, &factor_object) ||
          !read_factor (reader, path, factor_object, factor,
                        crepitus_assessment_get_factor (assessment, key)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_posture (Reader             *reader,
              json_t             *value,
              CrepitusAssessment *assessment)
{
  static const char * const keys[] = {
    "scoliosis", "lordosis", "pelvic_tilt", "kyphosis", "forward_head", "notes", NULL
  };
  json_t *object, *forward_head;
  int scoliosis, lordosis, pelvic_tilt, kyphosis;
  const char *notes;

  if (value == NULL)
    return TRUE;
  if (!get_object (reader, "assessment.posture", value, &object) ||
      !check_keys (reader, "assessment.posture", object, keys) ||
      !get_choice (reader, "assessment.posture.scoliosis", json_object_get (object, "scoliosis"),
                   CREPITUS_LIST_SCOLIOSIS, &scoliosis) ||
      !get_choice (reader, "assessment.posture.lordosis", json_object_get (object, "lordosis"),
                   CREPITUS_LIST_LORDOSIS, &lordosis) ||
      !get_choice (reader, "assessment.posture.pelvic_tilt",
                   json_object_get (object, "pelvic_tilt"), CREPITUS_LIST_PELVIC_TILT,
                   &pelvic_tilt) ||
      !get_choice (reader, "assessment.posture.kyphosis", json_object_get (object, "kyphosis"),
                   CREPITUS_LIST_KYPHOSIS, &kyphosis) ||
      !get_text (reader, "assessment.posture.notes", json_object_get (object, "notes"), &notes))
    return FALSE;

  forward_head = json_object_get (object, "forward_head");
  if (forward_head != NULL && !json_is_boolean (forward_head))
    return fail (reader, "assessment.posture.forward_head", _("must be true or false"));

  crepitus_assessment_set_scoliosis (assessment, scoliosis);
  crepitus_assessment_set_lordosis (assessment, lordosis);
  crepitus_assessment_set_pelvic_tilt (assessment, pelvic_tilt);
  crepitus_assessment_set_kyphosis (assessment, kyphosis);
  if (forward_head != NULL)
    crepitus_assessment_set_forward_head (assessment, json_is_true (forward_head)
                                                      ? CREPITUS_TRISTATE_YES
                                                      : CREPITUS_TRISTATE_NO);
  crepitus_assessment_set_posture_notes (assessment, notes);
  return TRUE;
}

static gboolean
check_array_length (Reader     *reader,
                    const char *path,
                    json_t     *value,
                    size_t      length)
{
  if (!json_is_array (value))
    return fail (reader, path, _("must be an array of %zu entries"), length);
  if (json_array_size (value) != length)
    return fail (reader, path, _("must have exactly %zu entries, not %zu"), length,
                 json_array_size (value));
  return TRUE;
}

/* Fills @measures from @value, the object at assessment.measures. */
static gboolean
read_measures_value (Reader           *reader,
                     json_t           *value,
                     CrepitusMeasures *measures)
{
  static const char * const keys[] = { "odi", "start_back", "beighton", "tests", NULL };
  json_t *object, *item;
  size_t i;

  if (!get_object (reader, "assessment.measures", value, &object))
    return FALSE;
  if (json_object_get (object, "nprs") != NULL)
    return fail (reader, "assessment.measures.nprs",
                 _("NPRS is recorded as assessment.pain_score, not in measures"));
  if (!check_keys (reader, "assessment.measures", object, keys))
    return FALSE;

  if ((value = json_object_get (object, "odi")) != NULL)
    {
      if (!check_array_length (reader, "assessment.measures.odi", value,
                               CREPITUS_ODI_N_SECTIONS))
        return FALSE;
      json_array_foreach (value, i, item)
        {
          g_autofree char *where = g_strdup_printf ("assessment.measures.odi[%zu]", i);

          if (json_is_null (item))
            measures->odi[i] = -1;
          else if (!json_is_integer (item))
            return fail (reader, where, _("must be a whole number from 0 to 5, or null"));
          else if (!get_integer (reader, where, item, 0, 5, &measures->odi[i]))
            return FALSE;
        }
      measures->has_odi = TRUE;
    }

  if ((value = json_object_get (object, "start_back")) != NULL)
    {
      static const char * const sb_keys[] = { "items", "bothersomeness", NULL };
      json_t *start_back, *items;
      int bothersomeness;

      if (!get_object (reader, "assessment.measures.start_back", value, &start_back) ||
          !check_keys (reader, "assessment.measures.start_back", start_back, sb_keys))
        return FALSE;
      items = json_object_get (start_back, "items");
      if (items == NULL)
        return fail (reader, "assessment.measures.start_back.items", _("is required"));
      if (!check_array_length (reader, "assessment.measures.start_back.items", items,
                               CREPITUS_START_BACK_N_ITEMS))
        return FALSE;
      json_array_foreach (items, i, item)
        {
          g_autofree char *where =
            g_strdup_printf ("assessment.measures.start_back.items[%zu]", i);

          if (!json_is_integer (item))
            return fail (reader, where, _("must be 0 or 1"));
          if (!get_integer (reader, where, item, 0, 1, &measures->start_back_items[i]))
            return FALSE;
        }
      if (!get_choice (reader, "assessment.measures.start_back.bothersomeness",
                       json_object_get (start_back, "bothersomeness"),
                       CREPITUS_LIST_BOTHERSOMENESS, &bothersomeness))
        return FALSE;
      measures->bothersomeness = bothersomeness - 1;
      measures->has_start_back = TRUE;
    }

  if ((value = json_object_get (object, "beighton")) != NULL)
    {
      if (!check_array_length (reader, "assessment.measures.beighton", value,
                               CREPITUS_BEIGHTON_N_ITEMS))
        return FALSE;
      json_array_foreach (value, i, item)
        {
          if (!json_is_boolean (item))
            {
              g_autofree char *where = g_strdup_printf ("assessment.measures.beighton[%zu]", i);

              return fail (reader, where, _("must be true or false"));
            }
          measures->beighton[i] = json_is_true (item);
        }
      measures->has_beighton = TRUE;
    }

  if ((value = json_object_get (object, "tests")) != NULL)
    {
      json_t *tests;
      const char *key;

      if (!get_object (reader, "assessment.measures.tests", value, &tests))
        return FALSE;
      json_object_foreach (tests, key, item)
        {
          static const char * const test_keys[] = { "result", "side", NULL };
          g_autofree char *path = child_path ("assessment.measures.tests", key);
          g_autofree char *result_path = child_path (path, "result");
          g_autofree char *side_path = child_path (path, "side");
          int test = crepitus_catalog_index (CREPITUS_LIST_TEST, key);
          json_t *test_object;
          int result, side;

          if (test < 0)
            return fail (reader, path, _("unknown test \"%s\""), key);
          if (!get_object (reader, path, item, &test_object) ||
              !check_keys (reader, path, test_object, test_keys))
            return FALSE;
          if (json_object_get (test_object, "result") == NULL)
            return fail (reader, result_path, _("is required"));
          if (!get_choice (reader, result_path, json_object_get (test_object, "result"),
                           CREPITUS_LIST_TEST_RESULT, &result) ||
              !get_choice (reader, side_path, json_object_get (test_object, "side"),
                           CREPITUS_LIST_SIDE, &side))
            return FALSE;
          if (side == 0 && g_strcmp0 (crepitus_choice_to_key (CREPITUS_LIST_TEST_RESULT, result),
                                      "not-done") != 0)
            return fail (reader, side_path, _("is required unless the test was not done"));
          measures->tests[test].result = result - 1;
          measures->tests[test].side = side - 1;
        }
    }

  return TRUE;
}

static gboolean
read_measures (Reader             *reader,
               json_t             *value,
               CrepitusAssessment *assessment)
{
  g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();

  if (value == NULL)
    return TRUE;
  if (!read_measures_value (reader, value, measures))
    return FALSE;
  crepitus_assessment_set_measures (assessment, measures);
  return TRUE;
}

static gboolean
read_assessment (Reader             *reader,
                 json_t             *object,
                 CrepitusAssessment *assessment)
{
  static const char * const keys[] = {
    "date", "clinician", "side", "location", "sound", "frequency", "duration_weeks",
    "provoking_movements", "pain_score", "symptoms", "history", "red_flags", "factors",
    "posture", "measures", "notes", NULL
  };
  static const struct
  {
    const char   *key;
    CrepitusList  list;
  } sets[] = {
    { "location", CREPITUS_LIST_LOCATION },
    { "provoking_movements", CREPITUS_LIST_MOVEMENT },
    { "symptoms", CREPITUS_LIST_SYMPTOM },
    { "history", CREPITUS_LIST_HISTORY },
    { "red_flags", CREPITUS_LIST_RED_FLAG },
  };
  const char *date, *clinician, *notes;
  int side, sound, frequency, duration, pain;

  if (!check_keys (reader, "assessment", object, keys))
    return FALSE;

  if (json_object_get (object, "date") == NULL)
    return fail (reader, "assessment.date", _("is required"));
  if (!get_date (reader, "assessment.date", json_object_get (object, "date"), &date))
    return FALSE;
  if (date == NULL)
    return fail (reader, "assessment.date", _("must not be empty"));

  if (!get_text (reader, "assessment.clinician", json_object_get (object, "clinician"),
                 &clinician) ||
      !get_choice (reader, "assessment.side", json_object_get (object, "side"),
                   CREPITUS_LIST_SIDE, &side) ||
      !get_choice (reader, "assessment.sound", json_object_get (object, "sound"),
                   CREPITUS_LIST_SOUND, &sound) ||
      !get_choice (reader, "assessment.frequency", json_object_get (object, "frequency"),
                   CREPITUS_LIST_FREQUENCY, &frequency) ||
      !get_integer (reader, "assessment.duration_weeks",
                    json_object_get (object, "duration_weeks"), 0, 520, &duration) ||
      !get_integer (reader, "assessment.pain_score", json_object_get (object, "pain_score"),
                    0, 10, &pain) ||
      !get_text (reader, "assessment.notes", json_object_get (object, "notes"), &notes))
    return FALSE;

  crepitus_assessment_set_date (assessment, date);
  crepitus_assessment_set_clinician (assessment, clinician);
  crepitus_assessment_set_side (assessment, side);
  crepitus_assessment_set_sound (assessment, sound);
  crepitus_assessment_set_frequency (assessment, frequency);
  crepitus_assessment_set_duration_weeks (assessment, duration);
  crepitus_assessment_set_pain_score (assessment, pain);
  crepitus_assessment_set_notes (assessment, notes);

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *path = child_path ("assessment", sets[i].key);
      guint32 mask;

      if (!get_key_set (reader, path, json_object_get (object, sets[i].key), sets[i].list, &mask))
        return FALSE;
      set_members (assessment, sets[i].list, mask);
    }

  return read_factors (reader, json_object_get (object, "factors"), assessment) &&
         read_posture (reader, json_object_get (object, "posture"), assessment) &&
         read_measures (reader, json_object_get (object, "measures"), assessment);
}

static gboolean
read_document (Reader             *reader,
               json_t             *root,
               CrepitusAssessment *assessment)
{
  static const char * const keys[] = { "format", "version", "patient", "assessment", NULL };
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  json_t *format, *version, *patient_object, *assessment_object;
  const char *birth;

  if (!json_is_object (root))
    return fail (reader, _("document"), _("must be a JSON object"));
  format = json_object_get (root, "format");
  if (format == NULL)
    return fail (reader, "format", _("is required"));
  if (!json_is_string (format) || strcmp (json_string_value (format), FORMAT_NAME) != 0)
    return fail (reader, "format", _("must be \"%s\""), FORMAT_NAME);

  version = json_object_get (root, "version");
  if (version == NULL)
    return fail (reader, "version", _("is required"));
  if (!json_is_integer (version) || json_integer_value (version) != FORMAT_VERSION)
    {
      g_autofree char *text = json_dumps (version, JSON_ENCODE_ANY);

      return fail (reader, "version", _("unsupported version %s (this Crepitus reads version %d)"),
                   text, FORMAT_VERSION);
    }

  if (!check_keys (reader, "", root, keys))
    return FALSE;

  patient_object = json_object_get (root, "patient");
  if (patient_object == NULL)
    return fail (reader, "patient", _("is required"));
  if (!get_object (reader, "patient", patient_object, &patient_object) ||
      !read_patient (reader, patient_object, patient))
    return FALSE;

  assessment_object = json_object_get (root, "assessment");
  if (assessment_object == NULL)
    return fail (reader, "assessment", _("is required"));
  if (!get_object (reader, "assessment", assessment_object, &assessment_object) ||
      !read_assessment (reader, assessment_object, assessment))
    return FALSE;

  birth = crepitus_patient_get_birth_date (patient);
  if (birth != NULL && strcmp (birth, crepitus_assessment_get_date (assessment)) > 0)
    return fail (reader, "patient.birth_date", _("%s is after the assessment date %s"),
                 birth, crepitus_assessment_get_date (assessment));

  crepitus_assessment_set_patient (assessment, patient);
  return TRUE;
}

/* jansson's message, in words for the person who made the file where jansson's words are
 * about jansson itself. */
static const char *
syntax_problem (const json_error_t *json_error)
{
  switch (json_error_code (json_error))
    {
    case json_error_null_character:
      return _("a NUL character (\\u0000) is not allowed in text");
    case json_error_invalid_utf8:
      return _("the file is not valid UTF-8 text");
    case json_error_numeric_overflow:
      return _("a number is too large");
    case json_error_stack_overflow:
      return _("the document is nested too deeply");
    case json_error_premature_end_of_input:
      return _("the file ends too early");
    default:
      return json_error->text;
    }
}

CrepitusAssessment *
crepitus_json_read (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autofree char *today = crepitus_date_today ();
  Reader reader = { error, today };
  json_error_t json_error;
  json_t *root;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  {
    gsize i = 0;

    while (i < length && g_ascii_isspace (data[i]))
      i++;
    if (i == length)
      {
        g_set_error (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_SYNTAX,
                     _("the file is empty"));
        return NULL;
      }
  }

  /* jansson stops at a raw NUL byte as if the text ended there: refuse it first. */
  {
    const char *nul = memchr (data, '\0', length);

    if (nul != NULL)
      {
        int line = 1, column = 1;

        for (const char *p = data; p < nul; p++)
          {
            if (*p == '\n')
              {
                line++;
                column = 1;
              }
            else if (((guchar) *p & 0xC0) != 0x80)
              column++;
          }
        g_set_error (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_SYNTAX,
                     _("line %d, column %d: %s"), line, column,
                     _("a NUL byte is not allowed in the file"));
        return NULL;
      }
  }

  root = json_loadb (data, length, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &json_error);
  if (root == NULL)
    {
      g_set_error (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_SYNTAX,
                   _("line %d, column %d: %s"), json_error.line, json_error.column,
                   syntax_problem (&json_error));
      return NULL;
    }

  assessment = crepitus_assessment_new (NULL);
  ok = read_document (&reader, root, assessment);
  json_decref (root);

  return ok ? g_steal_pointer (&assessment) : NULL;
}

/* Writing: only what is recorded, keys in the order of CLINICAL.md §6. */

static void
set_text (json_t     *object,
          const char *key,
          const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_new (object, key, json_string (value));
}

static void
set_choice (json_t       *object,
            const char   *key,
            CrepitusList  list,
            int           value)
{
  const char *text = crepitus_choice_to_key (list, value);

  if (text != NULL)
    json_object_set_new (object, key, json_string (text));
}

static void
set_key_array (json_t     *object,
               const char *key,
               char      **keys)
{
  json_t *array;

  if (keys == NULL || keys[0] == NULL)
    return;
  array = json_array ();
  for (gsize i = 0; keys[i] != NULL; i++)
    json_array_append_new (array, json_string (keys[i]));
  json_object_set_new (object, key, array);
}

static json_t *
write_measures (const CrepitusMeasures *measures)
{
  json_t *object = json_object ();
  json_t *tests = json_object ();

  if (measures->has_odi)
    {
      json_t *odi = json_array ();

      for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
        json_array_append_new (odi, measures->odi[i] < 0 ? json_null ()
                                                         : json_integer (measures->odi[i]));
      json_object_set_new (object, "odi", odi);
    }
  if (measures->has_start_back)
    {
      json_t *start_back = json_object ();
      json_t *items = json_array ();

      for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
        json_array_append_new (items, json_integer (MAX (measures->start_back_items[i], 0)));
      json_object_set_new (start_back, "items", items);
      set_choice (start_back, "bothersomeness", CREPITUS_LIST_BOTHERSOMENESS,
                  measures->bothersomeness + 1);
      json_object_set_new (object, "start_back", start_back);
    }
  if (measures->has_beighton)
    {
      json_t *beighton = json_array ();

      for (guint i = 0; i < CREPITUS_BEIGHTON_N_ITEMS; i++)
        json_array_append_new (beighton, json_boolean (measures->beighton[i]));
      json_object_set_new (object, "beighton", beighton);
    }
  for (guint i = 0; i < CREPITUS_N_TESTS; i++)
    {
      json_t *test;

      if (measures->tests[i].result < 0)
        continue;
      test = json_object ();
      set_choice (test, "result", CREPITUS_LIST_TEST_RESULT, measures->tests[i].result + 1);
      set_choice (test, "side", CREPITUS_LIST_SIDE, measures->tests[i].side + 1);
      json_object_set_new (tests, crepitus_catalog_key (CREPITUS_LIST_TEST, i), test);
    }
  if (json_object_size (tests) > 0)
    json_object_set_new (object, "tests", tests);
  else
    json_decref (tests);

  return object;
}

char *
crepitus_json_write (CrepitusAssessment *assessment)
{
  CrepitusPatient *patient;
  json_t *root, *p, *a, *factors, *posture;
  guint n_factors;
  const CrepitusFactor *catalog_factors = crepitus_catalog_factors (&n_factors);
  char *dumped, *result;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), NULL);

  patient = crepitus_assessment_get_patient (assessment);

  root = json_object ();
  json_object_set_new (root, "format", json_string (FORMAT_NAME));
  json_object_set_new (root, "version", json_integer (FORMAT_VERSION));

  p = json_object ();
  if (patient != NULL)
    {
      set_text (p, "mrn", crepitus_patient_get_mrn (patient));
      set_text (p, "family_name", crepitus_patient_get_family_name (patient));
      set_text (p, "given_name", crepitus_patient_get_given_name (patient));
      set_text (p, "birth_date", crepitus_patient_get_birth_date (patient));
      set_choice (p, "sex", CREPITUS_LIST_SEX, crepitus_patient_get_sex (patient));
      set_text (p, "language", crepitus_patient_get_language (patient));
    }
  json_object_set_new (root, "patient", p);

  a = json_object ();
  set_text (a, "date", crepitus_assessment_get_date (assessment));
  set_text (a, "clinician", crepitus_assessment_get_clinician (assessment));
  set_choice (a, "side", CREPITUS_LIST_SIDE, crepitus_assessment_get_side (assessment));
  {
    g_auto(GStrv) keys = crepitus_assessment_dup_keys (assessment, CREPITUS_LIST_LOCATION);
    set_key_array (a, "location", keys);
  }
  set_choice (a, "sound", CREPITUS_LIST_SOUND, crepitus_assessment_get_sound (assessment));
  set_choice (a, "frequency", CREPITUS_LIST_FREQUENCY,
              crepitus_assessment_get_frequency (assessment));
  if (crepitus_assessment_get_duration_weeks (assessment) >= 0)
    json_object_set_new (a, "duration_weeks",
                         json_integer (crepitus_assessment_get_duration_weeks (assessment)));
  {
    g_auto(GStrv) keys = crepitus_assessment_dup_keys (assessment, CREPITUS_LIST_MOVEMENT);
    set_key_array (a, "provoking_movements", keys);
  }
  if (crepitus_assessment_get_pain_score (assessment) >= 0)
    json_object_set_new (a, "pain_score",
                         json_integer (crepitus_assessment_get_pain_score (assessment)));
  {
    g_auto(GStrv) symptoms = crepitus_assessment_dup_keys (assessment, CREPITUS_LIST_SYMPTOM);
    g_auto(GStrv) history = crepitus_assessment_dup_keys (assessment, CREPITUS_LIST_HISTORY);
    g_auto(GStrv) red_flags = crepitus_assessment_dup_keys (assessment, CREPITUS_LIST_RED_FLAG);

    set_key_array (a, "symptoms", symptoms);
    set_key_array (a, "history", history);
    set_key_array (a, "red_flags", red_flags);
  }

  factors = json_object ();
  for (guint i = 0; i < n_factors; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment,
                                                                     catalog_factors[i].key);
      g_auto(GStrv) findings = NULL;
      json_t *f;

      if (crepitus_factor_record_is_empty (record))
        continue;
      f = json_object ();
      if (crepitus_factor_record_get_judgement (record) != CREPITUS_JUDGEMENT_NOT_ASSESSED)
        json_object_set_new (f, "judgement",
                             json_string (crepitus_catalog_key (CREPITUS_LIST_JUDGEMENT,
                                                                crepitus_factor_record_get_judgement (record))));
      findings = crepitus_factor_record_dup_findings (record);
      set_key_array (f, "findings", findings);
      set_text (f, "notes", crepitus_factor_record_get_notes (record));
      json_object_set_new (factors, catalog_factors[i].key, f);
    }
  if (json_object_size (factors) > 0)
    json_object_set_new (a, "factors", factors);
  else
    json_decref (factors);

  posture = json_object ();
  set_choice (posture, "scoliosis", CREPITUS_LIST_SCOLIOSIS,
              crepitus_assessment_get_scoliosis (assessment));
  set_choice (posture, "lordosis", CREPITUS_LIST_LORDOSIS,
              crepitus_assessment_get_lordosis (assessment));
  set_choice (posture, "pelvic_tilt", CREPITUS_LIST_PELVIC_TILT,
              crepitus_assessment_get_pelvic_tilt (assessment));
  set_choice (posture, "kyphosis", CREPITUS_LIST_KYPHOSIS,
              crepitus_assessment_get_kyphosis (assessment));
  if (crepitus_assessment_get_forward_head (assessment) != CREPITUS_TRISTATE_NOT_RECORDED)
    json_object_set_new (posture, "forward_head",
                         json_boolean (crepitus_assessment_get_forward_head (assessment) ==
                                       CREPITUS_TRISTATE_YES));
  set_text (posture, "notes", crepitus_assessment_get_posture_notes (assessment));
  if (json_object_size (posture) > 0)
    json_object_set_new (a, "posture", posture);
  else
    json_decref (posture);

  if (!crepitus_measures_is_empty (crepitus_assessment_get_measures (assessment)))
    json_object_set_new (a, "measures",
                         write_measures (crepitus_assessment_get_measures (assessment)));

  set_text (a, "notes", crepitus_assessment_get_notes (assessment));
  json_object_set_new (root, "assessment", a);

  dumped = json_dumps (root, JSON_INDENT (2) | JSON_PRESERVE_ORDER);
  json_decref (root);
  result = g_strconcat (dumped, "\n", NULL);
  free (dumped);
  return result;
}

char *
crepitus_json_measures_to_string (const CrepitusMeasures *measures)
{
  g_autoptr(CrepitusMeasures) empty = crepitus_measures_new ();
  json_t *object;
  char *dumped, *result;

  object = write_measures (measures != NULL ? measures : empty);
  dumped = json_dumps (object, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref (object);
  result = g_strdup (dumped);
  free (dumped);
  return result;
}

CrepitusMeasures *
crepitus_json_measures_from_string (const char  *text,
                                    GError     **error)
{
  g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();
  g_autofree char *today = crepitus_date_today ();
  Reader reader = { error, today };
  json_error_t json_error;
  json_t *root;
  gboolean ok;

  g_return_val_if_fail (text != NULL, NULL);

  root = json_loads (text, JSON_REJECT_DUPLICATES, &json_error);
  if (root == NULL)
    {
      g_set_error (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_SYNTAX,
                   _("line %d, column %d: %s"), json_error.line, json_error.column,
                   syntax_problem (&json_error));
      return NULL;
    }
  ok = read_measures_value (&reader, root, measures);
  json_decref (root);

  return ok ? g_steal_pointer (&measures) : NULL;
}
