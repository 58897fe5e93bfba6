/* crepitus-json.c — the interchange format of CLINICAL.md §6 (jansson)
 *
 * jansson parses strictly (duplicate keys, \u0000, invalid UTF-8, integer overflow and
 * runaway nesting are syntax errors with a line and column; crepitus-json-path.c names the
 * path of the first four); this file enforces every rule of §6 on top, naming the path of
 * what breaks one.
 */
#define G_LOG_DOMAIN "crepitus-json"

#include "config.h"

#include <inttypes.h>

#include <stdarg.h>
#include <glib/gi18n-lib.h>
#include <jansson.h>

#include "crepitus-fields.h"
#include "crepitus-json.h"
#include "crepitus-json-path.h"

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
  va_list args;

  va_start (args, format);
  crepitus_path_error_valist (reader->error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_INVALID,
                              path, format, args);
  va_end (args);
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
    return fail (reader, path, _("%" PRId64 " is out of range (%d to %d)"),
                 (int64_t) number, min, max);
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

/* The keys of JSON object @section: its fields in the table, then @extra. */
static GStrv
section_keys (CrepitusRecord      record,
              const char         *section,
              const char * const *extra)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const CrepitusField *fields;
  guint n_fields;

  fields = crepitus_fields (record, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].section, section) == 0)
      g_strv_builder_add (builder, fields[i].json_key);
  if (extra != NULL)
    g_strv_builder_addv (builder, (const char **) extra);
  return g_strv_builder_end (builder);
}

static gboolean read_measures_value (Reader           *reader,
                                     json_t           *value,
                                     CrepitusMeasures *measures);

/* The JSON value @json of @field (%NULL: absent) in its plain form (crepitus-fields.h), after
 * checking its JSON type; the field's own rule is checked by crepitus_field_validate(). */
static gboolean
json_to_plain (Reader              *reader,
               const CrepitusField *field,
               const char          *path,
               json_t              *json,
               GValue              *value)
{
  crepitus_field_init_value (field, value);
  if (json == NULL)
    return TRUE;

  switch (field->kind)
    {
    case CREPITUS_FIELD_TEXT:
    case CREPITUS_FIELD_DATE:
    case CREPITUS_FIELD_KEY:
      {
        const char *text = NULL;

        if (!get_text (reader, path, json, &text))
          return FALSE;
        g_value_set_string (value, text);
        return TRUE;
      }
    case CREPITUS_FIELD_SET:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        json_t *item;
        size_t i;

        if (!json_is_array (json))
          return fail (reader, path, _("must be an array"));
        json_array_foreach (json, i, item)
          {
            if (!json_is_string (item))
              {
                g_autofree char *where = g_strdup_printf ("%s[%zu]", path, i);

                return fail (reader, where, _("must be a string"));
              }
            g_strv_builder_add (builder, json_string_value (item));
          }
        g_value_take_boxed (value, g_strv_builder_end (builder));
        return TRUE;
      }
    case CREPITUS_FIELD_INTEGER:
      {
        json_int_t number;

        if (!json_is_integer (json))
          return fail (reader, path, _("must be a whole number from %d to %d"), field->min,
                       field->max);
        number = json_integer_value (json);
        if (number < field->min || number > field->max)
          return fail (reader, path, _("%" PRId64 " is out of range (%d to %d)"),
                       (int64_t) number, field->min, field->max);
        g_value_set_int (value, (int) number);
        return TRUE;
      }
    case CREPITUS_FIELD_BOOLEAN:
      if (!json_is_boolean (json))
        return fail (reader, path, _("must be true or false"));
      g_value_set_int (value, json_is_true (json));
      return TRUE;
    case CREPITUS_FIELD_MEASURES:
      {
        g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();

        if (!read_measures_value (reader, json, measures))
          return FALSE;
        g_value_take_boxed (value, g_steal_pointer (&measures));
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* Reads the fields of @record that live in JSON object @object (@section), checking each
 * with the table's rule, into @target. */
static gboolean
read_section (Reader         *reader,
              CrepitusRecord  record,
              const char     *section,
              json_t         *object,
              GObject        *target)
{
  const CrepitusField *fields;
  guint n_fields;

  fields = crepitus_fields (record, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const CrepitusField *field = &fields[i];
      g_autofree char *path = NULL;
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) local_error = NULL;

      if (g_strcmp0 (field->section, section) != 0)
        continue;
      path = crepitus_field_path (field, target);
      if (!json_to_plain (reader, field, path, json_object_get (object, field->json_key),
                          &value))
        return FALSE;
      if (!crepitus_field_validate (field, target, &value, &local_error))
        {
          g_set_error_literal (reader->error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_INVALID,
                               local_error->message);
          return FALSE;
        }
      if (!crepitus_field_set (field, target, &value))
        g_return_val_if_reached (FALSE);
    }
  return TRUE;
}

/* Reads JSON object @object at @path: only known keys, then every field of @section. */
static gboolean
read_object (Reader             *reader,
             const char         *path,
             CrepitusRecord      record,
             const char         *section,
             const char * const *extra,
             json_t             *object,
             GObject            *target)
{
  g_auto(GStrv) keys = section_keys (record, section, extra);

  return check_keys (reader, path, object, (const char * const *) keys) &&
         read_section (reader, record, section, object, target);
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
          !read_object (reader, path, CREPITUS_RECORD_FACTOR, NULL, NULL, factor_object,
                        G_OBJECT (crepitus_assessment_get_factor (assessment, key))))
        return FALSE;
    }
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
read_assessment (Reader             *reader,
                 json_t             *object,
                 CrepitusAssessment *assessment)
{
  static const char * const objects[] = { "factors", "posture", NULL };
  json_t *posture;

  if (!read_object (reader, "assessment", CREPITUS_RECORD_ASSESSMENT, "assessment", objects,
                    object,
                    G_OBJECT (assessment)) ||
      !read_factors (reader, json_object_get (object, "factors"), assessment))
    return FALSE;

  posture = json_object_get (object, "posture");
  return posture == NULL ||
         (get_object (reader, "assessment.posture", posture, &posture) &&
          read_object (reader, "assessment.posture", CREPITUS_RECORD_ASSESSMENT,
                       "assessment.posture", NULL, posture, G_OBJECT (assessment)));
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
      !read_object (reader, "patient", CREPITUS_RECORD_PATIENT, "patient", NULL,
                    patient_object, G_OBJECT (patient)))
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
 * about jansson itself; @key is the key of a duplicate key error, when known. */
static char *
syntax_problem (const json_error_t *json_error,
                const char         *key)
{
  switch (json_error_code (json_error))
    {
    case json_error_null_character:
    case json_error_null_byte_in_key:
      return g_strdup (_("a NUL character (\\u0000) is not allowed in text"));
    case json_error_invalid_utf8:
      return g_strdup (_("the file is not valid UTF-8 text"));
    case json_error_numeric_overflow:
      return g_strdup (_("a number is too large"));
    case json_error_stack_overflow:
      return g_strdup (_("the document is nested too deeply"));
    case json_error_premature_end_of_input:
      return g_strdup (_("the file ends too early"));
    case json_error_duplicate_key:
      if (key != NULL)
        return g_strdup_printf (_("\"%s\" is listed twice"), key);
      G_GNUC_FALLTHROUGH;
    default:
      /* jansson cuts its text at a byte count, which may split a character in two (and may
       * quote bytes of a file that is not UTF-8): every message is valid UTF-8, on one line
       * (set_syntax_error). */
      return g_strdup (json_error->text);
    }
}

/* The path of what jansson refused in @data, for the errors about one value or key (§6:
 * errors name the path), and the key it ends with; %NULL for the other errors, and for the
 * document itself. @base is the path of @data in a document ("" for a document). */
static char *
syntax_path (const json_error_t  *json_error,
             const char          *data,
             gsize                length,
             const char          *base,
             char               **key)
{
  g_autofree char *path = NULL;

  *key = NULL;
  switch (json_error_code (json_error))
    {
    case json_error_null_character:
    case json_error_null_byte_in_key:
    case json_error_invalid_utf8:
    case json_error_numeric_overflow:
    case json_error_duplicate_key:
      break;
    default:
      return NULL;
    }
  if (json_error->position < 0)
    return NULL;
  path = crepitus_json_path_at (data, length, (gsize) json_error->position, key);
  if (base[0] != '\0' && path[0] != '\0')
    return g_strconcat (base, path[0] == '[' ? "" : ".", path, NULL);
  if (base[0] != '\0')
    return g_strdup (base);
  return path[0] != '\0' ? g_steal_pointer (&path) : NULL;
}

/* The error of a document (at @base, "" for a whole one) jansson could not parse:
 * "PATH: line L, column C: PROBLEM" when it was about one value or key, else
 * "line L, column C: PROBLEM". */
static void
set_syntax_error (GError             **error,
                  const json_error_t  *json_error,
                  const char          *data,
                  gsize                length,
                  const char          *base)
{
  g_autofree char *key = NULL;
  g_autofree char *path = syntax_path (json_error, data, length, base, &key);
  g_autofree char *problem = syntax_problem (json_error, key);
  g_autofree char *line = crepitus_text_one_line (problem);
  g_autofree char *where = NULL;

  where = g_strdup_printf (_("line %d, column %d: %s"), json_error->line, json_error->column,
                           line);
  if (path == NULL)
    {
      g_set_error_literal (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_SYNTAX, where);
      return;
    }
  {
    Reader reader = { error, NULL };

    fail (&reader, path, "%s", where);
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
      set_syntax_error (error, &json_error, data, length, "");
      return NULL;
    }

  assessment = crepitus_assessment_new (NULL);
  ok = read_document (&reader, root, assessment);
  json_decref (root);

  return ok ? g_steal_pointer (&assessment) : NULL;
}

/* Writing: only what is recorded, keys in the order of CLINICAL.md §6. */

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

/* The JSON of plain @value of @field, or %NULL when it records nothing. */
static json_t *
plain_to_json (const CrepitusField *field,
               const GValue        *value)
{
  if (!crepitus_field_is_recorded (field, value))
    return NULL;

  switch (field->kind)
    {
    case CREPITUS_FIELD_TEXT:
    case CREPITUS_FIELD_DATE:
    case CREPITUS_FIELD_KEY:
      return json_string (g_value_get_string (value));
    case CREPITUS_FIELD_SET:
      {
        const char * const *keys = g_value_get_boxed (value);
        json_t *array = json_array ();

        for (gsize i = 0; keys[i] != NULL; i++)
          json_array_append_new (array, json_string (keys[i]));
        return array;
      }
    case CREPITUS_FIELD_INTEGER:
      return json_integer (g_value_get_int (value));
    case CREPITUS_FIELD_BOOLEAN:
      return json_boolean (g_value_get_int (value));
    case CREPITUS_FIELD_MEASURES:
      return write_measures (g_value_get_boxed (value));
    default:
      g_assert_not_reached ();
    }
}

/* Sets what @source records of @field in @object. */
static void
write_field (json_t              *object,
             const CrepitusField *field,
             GObject             *source)
{
  g_auto(GValue) value = G_VALUE_INIT;
  json_t *json;

  crepitus_field_get (field, source, &value);
  json = plain_to_json (field, &value);
  if (json != NULL)
    json_object_set_new (object, field->json_key, json);
}

/* Sets in @object the fields of @record of JSON object @section that @source records. */
static void
write_section (json_t         *object,
               CrepitusRecord  record,
               const char     *section,
               GObject        *source)
{
  const CrepitusField *fields;
  guint n_fields;

  fields = crepitus_fields (record, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].section, section) == 0)
      write_field (object, &fields[i], source);
}

/* Adds @child to @object under @key unless it is empty. */
static void
set_object (json_t     *object,
            const char *key,
            json_t     *child)
{
  if (json_object_size (child) > 0)
    json_object_set (object, key, child);
}

static json_t *
write_factors (CrepitusAssessment *assessment)
{
  json_t *factors = json_object ();
  guint n_factors;
  const CrepitusFactor *catalog_factors = crepitus_catalog_factors (&n_factors);

  for (guint i = 0; i < n_factors; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment,
                                                                     catalog_factors[i].key);
      json_t *factor;

      if (crepitus_factor_record_is_empty (record))
        continue;
      factor = json_object ();
      write_section (factor, CREPITUS_RECORD_FACTOR, NULL, G_OBJECT (record));
      set_object (factors, catalog_factors[i].key, factor);
      json_decref (factor);
    }
  return factors;
}

char *
crepitus_json_write (CrepitusAssessment *assessment)
{
  CrepitusPatient *patient;
  const CrepitusField *fields;
  guint n_fields;
  json_t *root, *p, *a, *factors, *posture;
  gboolean posture_placed = FALSE;
  char *dumped, *result;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), NULL);

  patient = crepitus_assessment_get_patient (assessment);

  root = json_object ();
  json_object_set_new (root, "format", json_string (FORMAT_NAME));
  json_object_set_new (root, "version", json_integer (FORMAT_VERSION));

  p = json_object ();
  if (patient != NULL)
    write_section (p, CREPITUS_RECORD_PATIENT, "patient", G_OBJECT (patient));
  json_object_set_new (root, "patient", p);

  /* In the table's order; factors, then posture, where the posture fields begin. */
  a = json_object ();
  factors = write_factors (assessment);
  posture = json_object ();
  fields = crepitus_fields (CREPITUS_RECORD_ASSESSMENT, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      gboolean in_posture = g_strcmp0 (fields[i].section, "assessment.posture") == 0;

      if (in_posture && !posture_placed)
        {
          set_object (a, "factors", factors);
          json_object_set (a, "posture", posture);
          posture_placed = TRUE;
        }
      write_field (in_posture ? posture : a, &fields[i], G_OBJECT (assessment));
    }
  if (json_object_size (posture) == 0)
    json_object_del (a, "posture");
  json_decref (posture);
  json_decref (factors);
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
      set_syntax_error (error, &json_error, text, strlen (text), "assessment.measures");
      return NULL;
    }
  ok = read_measures_value (&reader, root, measures);
  json_decref (root);

  return ok ? g_steal_pointer (&measures) : NULL;
}
