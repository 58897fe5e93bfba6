/* crepitus-settings.h — the settings schema, usable without an installed schema */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CREPITUS_SETTINGS_SCHEMA_ID "org.crepitus.Crepitus"

/* Returns the application's settings, or %NULL when the schema is not installed
 * (a headless command then uses the schema's defaults). */
GSettings *crepitus_settings_new         (void);

/* The string value of @key, or its schema default when the schema is missing. */
char      *crepitus_settings_dup_string  (const char *key);

G_END_DECLS
