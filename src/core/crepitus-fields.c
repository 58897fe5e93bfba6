/* crepitus-fields.c — the table of fields: the one place a field's rule lives */
#define G_LOG_DOMAIN "crepitus-fields"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "crepitus-fields.h"

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
