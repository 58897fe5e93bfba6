/* crepitus-settings.c — the settings schema, usable without an installed schema */
#define G_LOG_DOMAIN "crepitus-settings"

#include "config.h"

#include "crepitus-settings.h"

/* Defaults of the string keys, mirrored from data/org.crepitus.Crepitus.gschema.xml so that
 * headless commands behave the same with or without an installed schema. */
static const struct {
  const char *key;
  const char *value;
} string_defaults[] = {
  { "clinician-name", "" },
  { "clinic-name", "" },
  { "clinic-address", "" },
  { "clinic-phone", "" },
  { "clinic-logo", "" },
  { "emergency-number", "" },
  { "report-folder", "" },
  { "paper-size", "a4" },
  { "default-report-language", "en" },
  { "database", "" },
};

GSettings *
crepitus_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, CREPITUS_SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

char *
crepitus_settings_dup_string (const char *key)
{
  g_autoptr(GSettings) settings = crepitus_settings_new ();

  g_return_val_if_fail (key != NULL, NULL);

  if (settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;

      g_object_get (settings, "settings-schema", &schema, NULL);
      if (g_settings_schema_has_key (schema, key))
        {
          g_autoptr(GVariant) value = g_settings_get_value (settings, key);

          if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            return g_variant_dup_string (value, NULL);
        }
    }

  for (gsize i = 0; i < G_N_ELEMENTS (string_defaults); i++)
    if (g_str_equal (string_defaults[i].key, key))
      return g_strdup (string_defaults[i].value);

  g_return_val_if_reached (NULL);
}
