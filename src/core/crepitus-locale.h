/* crepitus-locale.h — translations for a chosen language, independent of the UI's */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CREPITUS_LOCALE_ERROR (crepitus_locale_error_quark ())

typedef enum
{
  CREPITUS_LOCALE_ERROR_UNKNOWN,     /* a language Crepitus does not ship */
  CREPITUS_LOCALE_ERROR_MISSING,     /* a shipped language whose catalog is not installed */
  CREPITUS_LOCALE_ERROR_INVALID,     /* a catalog file that is not a valid .mo */
} CrepitusLocaleError;

/* One language's translations of Crepitus's own strings, read from its compiled catalog. */
typedef struct _CrepitusLocale CrepitusLocale;

/* A string a report puts on paper: marked for xgettext (keyword R_, see po/meson.build) and
 * translated in the language of the report this thread is writing (English when none). */
#define R_(msgid) crepitus_locale_gettext (crepitus_locale_get_thread_default (), (msgid))
/* The plural form of R_(): keyword RN_:1,2. */
#define RN_(msgid, msgid_plural, n) \
  crepitus_locale_ngettext (crepitus_locale_get_thread_default (), (msgid), (msgid_plural), (n))

/* A string the core shares between the window and reports (triage, scores, the catalog's
 * sentences): in the language of the report this thread is writing, else in the UI's
 * (gettext). Keywords T_ and TN_:1,2. */
#define T_(msgid) crepitus_locale_translate ((msgid))
#define TN_(msgid, msgid_plural, n) crepitus_locale_ntranslate ((msgid), (msgid_plural), (n))

/* Sets the UI's language up, as `crepitus` does first: the desktop's locale (setlocale), the
 * crepitus domain from crepitus_locale_dir() in UTF-8. When the desktop's locale is not
 * compiled here (a Flatpak runtime, a minimal system), C.UTF-8 with the language kept in
 * LANGUAGE, which glibc honours under C.UTF-8 (not under C). */
void                crepitus_locale_setup_ui           (void);

/* The domain of CrepitusLocaleError. */
GQuark              crepitus_locale_error_quark        (void);

/* The languages reports can be written in: "en" then po/LINGUAS, %NULL-terminated. */
const char * const *crepitus_locale_shipped_languages  (void);

/* Whether @language is one of crepitus_locale_shipped_languages(). */
gboolean            crepitus_locale_is_shipped         (const char     *language);

/* @language's name in that language ("Deutsch", "Português (Brasil)"); the code when the
 * name is not known. */
const char         *crepitus_locale_native_name        (const char     *language);

/* The shipped languages as one line for a message: "en, de, es, fr, pl, pt_BR" (new string). */
char               *crepitus_locale_describe_shipped   (void);

/* Where compiled catalogs are: $CREPITUS_LOCALEDIR, else the configured localedir. */
const char         *crepitus_locale_dir                (void);

/* The translations for @language, a shipped language: English has none; every other reads
 * LOCALEDIR/LANGUAGE/LC_MESSAGES/crepitus.mo. Thread-safe; the result is shared and lives
 * as long as the program. */
CrepitusLocale     *crepitus_locale_get                (const char     *language,
                                                        GError        **error);

/* Reads a compiled catalog from @data (any bytes: every offset is checked). For tests and
 * the fuzz target; free with crepitus_locale_free(). */
CrepitusLocale     *crepitus_locale_new_from_data      (const char     *language,
                                                        GBytes         *data,
                                                        GError        **error);

void                crepitus_locale_free               (CrepitusLocale *locale);

/* The language code of @locale ("en" for %NULL). */
const char         *crepitus_locale_get_language       (CrepitusLocale *locale);

/* The number of translated messages @locale holds. */
guint               crepitus_locale_get_n_messages     (CrepitusLocale *locale);

/* @msgid translated in @locale, or @msgid itself when @locale is %NULL (English) or has no
 * translation of it: the fallback to English is per string. */
const char         *crepitus_locale_gettext            (CrepitusLocale *locale,
                                                        const char     *msgid) G_GNUC_FORMAT (2);

/* The form of @msgid/@msgid_plural for @n, by @locale's Plural-Forms (English: n != 1). */
const char         *crepitus_locale_ngettext           (CrepitusLocale *locale,
                                                        const char     *msgid,
                                                        const char     *msgid_plural,
                                                        gulong          n)
  G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

/* The index of the plural form @locale uses for @n (0 for English's "one"). */
guint               crepitus_locale_plural_index       (CrepitusLocale *locale,
                                                        gulong          n);

/* @iso_date (YYYY-MM-DD, or the start of a longer ISO 8601 time) in @locale's numeric date
 * format (a translatable string); @iso_date itself when it is not a date (new string). With
 * @locale %NULL: the report's language while a report is written, else the UI's (as
 * crepitus_locale_translate()). */
char               *crepitus_locale_format_date        (CrepitusLocale *locale,
                                                        const char     *iso_date);

/* @msgid in this thread's report language (crepitus_locale_get_thread_default()) while a
 * report is written, else through the UI's gettext. */
const char         *crepitus_locale_translate          (const char     *msgid) G_GNUC_FORMAT (1);

/* The plural form of crepitus_locale_translate(). */
const char         *crepitus_locale_ntranslate         (const char     *msgid,
                                                        const char     *msgid_plural,
                                                        gulong          n)
  G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);

/* The translations this thread's reports are written in (%NULL: English). Reports set it
 * while they are written, so that the catalog and the report's R_() strings follow the
 * report's language, never the UI's. */
CrepitusLocale     *crepitus_locale_get_thread_default (void);

/* Makes @locale this thread's (R_(), crepitus_catalog_gettext()) and returns the one it
 * replaces, to be given back to crepitus_locale_set_thread_default() when done. */
CrepitusLocale     *crepitus_locale_set_thread_default (CrepitusLocale *locale);

/* Parses a C plural expression (the "plural=" of a Plural-Forms header); %NULL when it is
 * not valid. Free with crepitus_plural_expression_free(). */
typedef struct _CrepitusPluralExpression CrepitusPluralExpression;
CrepitusPluralExpression *crepitus_plural_expression_parse (const char *text);
gulong              crepitus_plural_expression_eval    (const CrepitusPluralExpression *expression,
                                                        gulong                          n);
void                crepitus_plural_expression_free    (CrepitusPluralExpression *expression);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusLocale, crepitus_locale_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusPluralExpression, crepitus_plural_expression_free)

G_END_DECLS
