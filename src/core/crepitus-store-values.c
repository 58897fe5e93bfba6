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
