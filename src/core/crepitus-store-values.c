/* crepitus-store-values.c — how a field of the table becomes a stored value and back, and the
 * table's rule applied to an edit before it is written
 *
 * Stored values are GVariant: %NULL for not recorded, "s" for text (keys, dates, a set of
 * keys as a JSON array in catalog order, measures as §6 JSON) and "x" for integers and
 * booleans. Every backend stores these and nothing else.
 */
#define G_LOG_DOMAIN "crepitus-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <jansson.h>

#include "crepitus-json.h"
#include "crepitus-store-private.h"

static char *
keys_to_json (const char * const *keys)
{
  json_t *array = json_array ();
  char *dumped, *result;

  for (gsize i = 0; keys[i] != NULL; i++)
    json_array_append_new (array, json_string (keys[i]));
  dumped = json_dumps (array, JSON_COMPACT);
  json_decref (array);
  result = g_strdup (dumped);
  free (dumped);
  return result;
}

static gboolean
corrupt (GError     **error,
         const char  *path,
         const char  *problem)
{
  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT, "%s: %s", path,
               problem);
  return FALSE;
}

/* The keys of a stored JSON array of strings. */
static char **
keys_from_json (const char  *text,
                const char  *path,
                GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  json_t *array, *item;
  size_t i;

  array = json_loads (text, JSON_REJECT_DUPLICATES, NULL);
  if (!json_is_array (array))
    {
      json_decref (array);
      corrupt (error, path, _("is not a list of keys"));
      return NULL;
    }
  json_array_foreach (array, i, item)
    {
      if (!json_is_string (item))
        {
          json_decref (array);
          corrupt (error, path, _("is not a list of keys"));
          return NULL;
        }
      g_strv_builder_add (builder, json_string_value (item));
    }
  json_decref (array);
  return g_strv_builder_end (builder);
}

GVariant *
crepitus_store_get_value (const CrepitusField *field,
                          GObject             *object)
{
  g_auto(GValue) plain = G_VALUE_INIT;
  GVariant *value = NULL;

  crepitus_field_get (field, object, &plain);
  if (!crepitus_field_is_recorded (field, &plain))
    return NULL;

  switch (field->kind)
    {
    case CREPITUS_FIELD_TEXT:
    case CREPITUS_FIELD_DATE:
    case CREPITUS_FIELD_KEY:
      /* Checked before any write; never hand GVariant a string it would refuse. */
      if (g_utf8_validate (g_value_get_string (&plain), -1, NULL))
        value = g_variant_new_string (g_value_get_string (&plain));
      break;
    case CREPITUS_FIELD_SET:
      value = g_variant_new_take_string (keys_to_json (g_value_get_boxed (&plain)));
      break;
    case CREPITUS_FIELD_INTEGER:
    case CREPITUS_FIELD_BOOLEAN:
      value = g_variant_new_int64 (g_value_get_int (&plain));
      break;
    case CREPITUS_FIELD_MEASURES:
      value = g_variant_new_take_string (crepitus_json_measures_to_string (g_value_get_boxed (&plain)));
      break;
    default:
      g_assert_not_reached ();
    }
  return value != NULL ? g_variant_ref_sink (value) : NULL;
}

gboolean
crepitus_store_set_value (const CrepitusField  *field,
                          GObject              *object,
                          GVariant             *value,
                          GError              **error)
{
  g_autofree char *path = crepitus_field_path (field, object);
  g_auto(GValue) plain = G_VALUE_INIT;
  gboolean is_text = field->kind != CREPITUS_FIELD_INTEGER && field->kind != CREPITUS_FIELD_BOOLEAN;
  const char *text = NULL;

  crepitus_field_init_value (field, &plain);
  if (value != NULL &&
      !g_variant_is_of_type (value, is_text ? G_VARIANT_TYPE_STRING : G_VARIANT_TYPE_INT64))
    return corrupt (error, path, _("holds a value of the wrong type"));
  if (value != NULL && is_text)
    text = g_variant_get_string (value, NULL);

  switch (field->kind)
    {
    case CREPITUS_FIELD_TEXT:
    case CREPITUS_FIELD_KEY:
      g_value_set_string (&plain, text);
      break;
    case CREPITUS_FIELD_DATE:
      if (text != NULL && !crepitus_date_parse (text, NULL))
        {
          g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT,
                       _("%s: “%s” is not a date"), path, text);
          return FALSE;
        }
      g_value_set_string (&plain, text);
      break;
    case CREPITUS_FIELD_SET:
      if (text != NULL)
        {
          char **keys = keys_from_json (text, path, error);

          if (keys == NULL)
            return FALSE;
          g_value_take_boxed (&plain, keys);
        }
      break;
    case CREPITUS_FIELD_INTEGER:
    case CREPITUS_FIELD_BOOLEAN:
      if (value != NULL)
        {
          gint64 number = g_variant_get_int64 (value);
          gint64 max = field->kind == CREPITUS_FIELD_INTEGER ? field->max : 1;

          if (number < 0 || number > max)
            {
              g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT,
                           _("%s: %" PRId64 " is out of range"), path, number);
              return FALSE;
            }
          g_value_set_int (&plain, (int) number);
        }
      break;
    case CREPITUS_FIELD_MEASURES:
      if (text != NULL)
        {
          g_autoptr(GError) local_error = NULL;
          CrepitusMeasures *measures = crepitus_json_measures_from_string (text, &local_error);

          if (measures == NULL)
            return corrupt (error, path, local_error->message);
          g_value_take_boxed (&plain, measures);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (!crepitus_field_set (field, object, &plain))
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT,
                   _("%s: unknown key “%s”"), path, text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
crepitus_store_refuse (GError     **error,
                       const char  *path,
                       const char  *format,
                       ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
               _("%s: %s; nothing was stored"), path, problem);
  return FALSE;
}

gboolean
crepitus_store_check_field (const CrepitusField  *field,
                            GObject              *object,
                            GError              **error)
{
  g_auto(GValue) plain = G_VALUE_INIT;
  g_autoptr(GError) local_error = NULL;

  crepitus_field_get (field, object, &plain);
  if (crepitus_field_validate (field, object, &plain, &local_error))
    return TRUE;
  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
               _("%s; nothing was stored"), local_error->message);
  return FALSE;
}

gboolean
crepitus_store_check_record (CrepitusRecord   record,
                             GObject         *object,
                             GError         **error)
{
  guint n_fields;
  const CrepitusField *fields = crepitus_fields (record, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (!crepitus_store_check_field (&fields[i], object, error))
      return FALSE;
  return TRUE;
}

/* Rows */

CrepitusStoreRow *
crepitus_store_row_new (CrepitusRecord record)
{
  guint n_fields;
  CrepitusStoreRow *row;

  crepitus_fields (record, &n_fields);
  row = g_malloc0 (sizeof (CrepitusStoreRow) + n_fields * sizeof (GVariant *));
  row->id = -1;
  row->n_values = n_fields;
  return row;
}

void
crepitus_store_row_free (CrepitusStoreRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < row->n_values; i++)
    g_clear_pointer (&row->values[i], g_variant_unref);
  g_free (row->factor);
  g_free (row);
}

gboolean
crepitus_store_row_is_empty (const CrepitusStoreRow *row)
{
  for (guint i = 0; i < row->n_values; i++)
    if (row->values[i] != NULL)
      return FALSE;
  return TRUE;
}

void
crepitus_store_assessment_row_free (CrepitusStoreAssessmentRow *row)
{
  if (row == NULL)
    return;
  crepitus_store_row_free (row->row);
  crepitus_store_assessment_state_clear (&row->state);
  g_clear_pointer (&row->factors, g_ptr_array_unref);
  g_free (row);
}

CrepitusStoreRow *
crepitus_store_row_from_object (CrepitusRecord  record,
                                GObject        *object)
{
  const CrepitusField *fields = crepitus_fields (record, NULL);
  CrepitusStoreRow *row = crepitus_store_row_new (record);

  for (guint i = 0; i < row->n_values; i++)
    row->values[i] = crepitus_store_get_value (&fields[i], object);
  if (record == CREPITUS_RECORD_FACTOR)
    g_object_get (object, "key", &row->factor, NULL);
  return row;
}

gboolean
crepitus_store_row_to_object (const CrepitusStoreRow  *row,
                              CrepitusRecord           record,
                              GObject                 *object,
                              GError                 **error)
{
  const CrepitusField *fields = crepitus_fields (record, NULL);

  for (guint i = 0; i < row->n_values; i++)
    if (!crepitus_store_set_value (&fields[i], object, row->values[i], error))
      return FALSE;
  return TRUE;
}

/* A stored value the model refuses: the file was changed outside Crepitus. */
static gpointer
stored_value_error (CrepitusStore  *self,
                    GError        **error)
{
  g_prefix_error (error, _("%s: a stored value cannot be read: "), crepitus_store_get_path (self));
  return NULL;
}

CrepitusPatient *
crepitus_store_patient_from_row (CrepitusStore           *self,
                                 const CrepitusStoreRow  *row,
                                 GError                 **error)
{
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();

  if (!crepitus_store_row_to_object (row, CREPITUS_RECORD_PATIENT, G_OBJECT (patient), error))
    return stored_value_error (self, error);
  crepitus_patient_set_id (patient, row->id);
  return g_steal_pointer (&patient);
}

GPtrArray *
crepitus_store_patients_from_rows (CrepitusStore  *self,
                                   GPtrArray      *rows,
                                   GError        **error)
{
  g_autoptr(GPtrArray) owned = rows;
  g_autoptr(GPtrArray) patients = NULL;

  if (rows == NULL)
    return NULL;
  patients = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      CrepitusPatient *patient = crepitus_store_patient_from_row (self, rows->pdata[i], error);

      if (patient == NULL)
        return NULL;
      g_ptr_array_add (patients, patient);
    }
  return g_steal_pointer (&patients);
}

CrepitusAssessment *
crepitus_store_assessment_from_row (CrepitusStore                     *self,
                                    const CrepitusStoreAssessmentRow  *row,
                                    CrepitusPatient                   *patient,
                                    GError                           **error)
{
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (NULL);

  if (!crepitus_store_row_to_object (row->row, CREPITUS_RECORD_ASSESSMENT, G_OBJECT (assessment),
                                     error))
    return stored_value_error (self, error);
  for (guint i = 0; i < row->factors->len; i++)
    {
      CrepitusStoreRow *factor = row->factors->pdata[i];
      CrepitusFactorRecord *record;

      if (crepitus_catalog_factor (factor->factor) == NULL)
        {
          g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT,
                       _("assessment.factors: unknown factor “%s”"),
                       factor->factor != NULL ? factor->factor : "");
          return stored_value_error (self, error);
        }
      record = crepitus_assessment_get_factor (assessment, factor->factor);
      if (!crepitus_store_row_to_object (factor, CREPITUS_RECORD_FACTOR, G_OBJECT (record), error))
        return stored_value_error (self, error);
    }
  crepitus_assessment_set_signed_by (assessment, row->state.signed_by);
  crepitus_assessment_set_signed_at (assessment, row->state.signed_at);
  crepitus_assessment_set_superseded_by (assessment, row->state.superseded_by);
  crepitus_assessment_set_amends (assessment, row->amends);
  crepitus_assessment_set_entered_in_error (assessment, row->state.entered_in_error);
  crepitus_assessment_set_patient (assessment, patient);
  crepitus_assessment_set_id (assessment, row->row->id);
  return g_steal_pointer (&assessment);
}

GPtrArray *
crepitus_store_factor_rows (CrepitusAssessment *assessment)
{
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);
  GPtrArray *rows = g_ptr_array_new_full (n_factors, (GDestroyNotify) crepitus_store_row_free);

  for (guint i = 0; i < n_factors; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, factors[i].key);

      g_ptr_array_add (rows, crepitus_store_row_from_object (CREPITUS_RECORD_FACTOR,
                                                             G_OBJECT (record)));
    }
  return rows;
}

/* SQL from the table of fields */

const char *
crepitus_sql (const char *first,
                    ...)
{
  g_autoptr(GString) sql = g_string_new (first);
  const char *part;
  va_list args;

  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_string_append (sql, part);
  va_end (args);
  return g_intern_string (sql->str);
}

const char *
crepitus_columns (CrepitusRecord record)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  guint n_fields;
  const CrepitusField *fields = crepitus_fields (record, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (columns, "%s%s", i > 0 ? ", " : "", fields[i].column);
  return g_intern_string (columns->str);
}
