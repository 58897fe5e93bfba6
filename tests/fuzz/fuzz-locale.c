/* fuzz-locale.c — libFuzzer target: any bytes as a compiled catalog (.mo); what it accepts is
 * only ever used safely: every form it gives a printf is one the original's arguments fit */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crepitus-locale.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusLocale) locale = crepitus_locale_new_from_data ("xx", bytes, &error);
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(CrepitusPluralExpression) expression = NULL;

  /* The same bytes as a Plural-Forms expression. */
  expression = crepitus_plural_expression_parse (text);
  if (expression != NULL)
    for (gulong n = 0; n < 30; n++)
      crepitus_plural_expression_eval (expression, n);

  if (locale == NULL)
    {
      if (error == NULL || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return 0;
    }

  for (gulong n = 0; n < 120; n++)
    {
      g_autofree char *weeks = g_strdup_printf (crepitus_locale_ngettext (locale, "%d week",
                                                                          "%d weeks", n),
                                                (int) n);

      if (!g_utf8_validate (weeks, -1, NULL))
        abort ();
    }
  {
    g_autofree char *name = g_strdup_printf (crepitus_locale_gettext (locale, "%1$s %2$s"),
                                             "Lucía", "García");
    g_autofree char *signed_by =
      g_strdup_printf (crepitus_locale_gettext (locale, "Signed by %1$s on %2$s"),
                       "A. Clinician", "2026-11-21");
    g_autofree char *date = crepitus_locale_format_date (locale, "2026-11-20");

    if (!g_utf8_validate (name, -1, NULL) || !g_utf8_validate (signed_by, -1, NULL) ||
        !g_utf8_validate (date, -1, NULL) ||
        !g_utf8_validate (crepitus_locale_gettext (locale, "Your result"), -1, NULL))
      abort ();
  }
  return 0;
}
