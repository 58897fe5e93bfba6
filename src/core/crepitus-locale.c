/* crepitus-locale.c — translations for a chosen language, independent of the UI's
 *
 * The patient's handout is in the patient's language whatever the clinician's screen is in,
 * and it must be so where only C.UTF-8 or the UI's locale is compiled (a Flatpak): glibc's
 * uselocale() would need the report's locale installed. So Crepitus reads its own compiled
 * catalogs (.mo) here, with their Plural-Forms (crepitus-locale-plural.c), and every string
 * a report puts on paper is looked up in the report's CrepitusLocale. A string the catalog
 * lacks stays English. A .mo is a file on disk: every offset is checked, a translation that
 * is not UTF-8 or whose printf directives differ from its original's is not used.
 */
#define G_LOG_DOMAIN "crepitus-locale"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "crepitus-locale.h"

#define MO_MAGIC         0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u
#define MO_HEADER_SIZE   28

struct _CrepitusLocale
{
  char                     *language;
  GBytes                   *data;        /* the file; translations point into it */
  GHashTable               *messages;    /* msgid (its singular) → Translation */
  guint                     n_plurals;
  CrepitusPluralExpression *plural;      /* %NULL: English's n != 1 */
};

typedef struct
{
  const char *original;         /* msgid, then msgid_plural if any, NUL-separated */
  gsize       original_length;  /* of both, without the last NUL */
  const char *text;             /* the forms, each NUL-terminated, one after the other */
  gsize       length;           /* of all of them, without the last NUL */
} Translation;

/* Names of the shipped languages in their own language. */
static const struct
{
  const char *code;
  const char *name;
} native_names[] = {
  { "en", "English" },
  { "de", "Deutsch" },
  { "es", "Español" },
  { "fr", "Français" },
  { "pl", "Polski" },
  { "pt_BR", "Português (Brasil)" },
};

G_DEFINE_QUARK (crepitus-locale-error-quark, crepitus_locale_error)

const char * const *
crepitus_locale_shipped_languages (void)
{
  static char **languages = NULL;

  if (g_once_init_enter (&languages))
    {
      /* CREPITUS_LINGUAS is po/LINGUAS, read by meson.build: the one list of languages. */
      g_autofree char *all = g_strconcat ("en ", CREPITUS_LINGUAS, NULL);

      g_once_init_leave (&languages, g_strsplit_set (g_strstrip (all), " ", -1));
    }
  return (const char * const *) languages;
}

gboolean
crepitus_locale_is_shipped (const char *language)
{
  return language != NULL &&
         g_strv_contains (crepitus_locale_shipped_languages (), language);
}

const char *
crepitus_locale_native_name (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (native_names); i++)
    if (g_strcmp0 (native_names[i].code, language) == 0)
      return native_names[i].name;
  return language;
}

char *
crepitus_locale_describe_shipped (void)
{
  return g_strjoinv (", ", (char **) crepitus_locale_shipped_languages ());
}

const char *
crepitus_locale_dir (void)
{
  static char *from_executable;
  const char *dir = g_getenv ("CREPITUS_LOCALEDIR");

  if (dir != NULL && *dir != '\0')
    return dir;
  /* An installation moved elsewhere (or unpacked under a DESTDIR) finds its catalogs from
   * where its executable is, as it finds its modules (crepitus-modules.c). */
  if (g_once_init_enter (&from_executable))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      char *found = NULL;

      if (exe != NULL && *LOCALEDIR_FROM_BINDIR != '\0')
        {
          g_autofree char *bindir = g_path_get_dirname (exe);
          g_autofree char *path = g_build_filename (bindir, LOCALEDIR_FROM_BINDIR, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            found = g_canonicalize_filename (path, NULL);
        }
      g_once_init_leave (&from_executable, found != NULL ? found : g_strdup (LOCALEDIR));
    }
  return from_executable;
}

void
crepitus_locale_setup_ui (void)
{
  if (setlocale (LC_ALL, "") == NULL)
    {
      const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
      const char *language_list = g_getenv ("LANGUAGE");
      const char *wanted = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (names) && wanted == NULL; i++)
        {
          const char *value = g_getenv (names[i]);

          if (value != NULL && *value != '\0')
            wanted = value;
        }
      /* "de_DE.UTF-8@euro" asks for de_DE: gettext tries de_DE, then de. */
      if (wanted != NULL && !g_str_has_prefix (wanted, "C") && strcmp (wanted, "POSIX") != 0 &&
          (language_list == NULL || *language_list == '\0'))
        {
          g_autofree char *language = g_strndup (wanted, strcspn (wanted, ".@"));

          g_setenv ("LANGUAGE", language, TRUE);
        }
      setlocale (LC_ALL, "C.UTF-8");
    }
  bindtextdomain (GETTEXT_PACKAGE, crepitus_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static guint32
read_u32 (const guint8 *data,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string at entry @index of the table at @table: its offset and length checked against
 * @size, NUL-terminated in the file. */
static const char *
mo_string (const guint8 *data,
           gsize         size,
           guint32       table,
           guint32       index,
           gboolean      swapped,
           gsize        *length_out)
{
  guint64 entry = (guint64) table + (guint64) index * 8;
  guint32 length, offset;

  if (entry + 8 > size)
    return NULL;
  length = read_u32 (data + entry, swapped);
  offset = read_u32 (data + entry + 4, swapped);
  if ((guint64) offset + length >= size || data[offset + length] != '\0')
    return NULL;
  *length_out = length;
  return (const char *) data + offset;
}

/* Adds the printf conversions of @text to @specs, each as "position:conversion", so that a
 * translation that moves its arguments about (%2$s … %1$s) still matches its original. */
static void
add_format_specs (GPtrArray  *specs,
                  const char *text,
                  gsize       length,
                  gboolean   *positional_out)
{
  guint sequential = 0;

  for (gsize i = 0; i < length; i++)
    {
      guint position = 0;
      gsize j, start;

      if (text[i] != '%')
        continue;
      if (i + 1 < length && text[i + 1] == '%')
        {
          i++;
          continue;
        }
      j = i + 1;
      while (j < length && g_ascii_isdigit (text[j]) && position < 10000)
        position = position * 10 + (guint) (text[j++] - '0');
      if (j < length && text[j] == '$' && position > 0)
        {
          start = ++j;
          *positional_out = TRUE;
        }
      else
        {
          position = ++sequential;
          start = j = i + 1;
        }
      /* Flags, width, precision and length modifiers, then the conversion itself. */
      while (j < length && strchr ("-+ #0'123456789.*hlLqjzt", text[j]) != NULL)
        j++;
      if (j < length)
        j++;
      g_ptr_array_add (specs, g_strdup_printf ("%u:%.*s", position, (int) (j - start),
                                               text + start));
      i = j - 1;
    }
}

static gboolean
str_in_array (GPtrArray  *array,
              const char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), text))
      return TRUE;
  return FALSE;
}

/* Whether each form of @translation is valid UTF-8 and asks printf only for what its
 * original (@original: msgid, then msgid_plural) gives it: a catalog cannot make a report
 * read an argument that is not there. A form that numbers its arguments (%2$s) must use each
 * of the original's: a fortified printf aborts on an argument left out (found by fuzz-locale),
 * and on numbered and unnumbered ones mixed. */
static gboolean
translation_is_safe (const char *original,
                     gsize       original_length,
                     const char *translation,
                     gsize       translation_length)
{
  g_autoptr(GPtrArray) allowed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func (g_free);
  gsize offset = 0;

  if (!g_utf8_validate_len (translation, translation_length, NULL))
    {
      /* A NUL between forms is not UTF-8's business: check form by form. */
      while (offset <= translation_length)
        {
          gsize form_length = strlen (translation + offset);

          if (!g_utf8_validate_len (translation + offset, form_length, NULL))
            return FALSE;
          offset += form_length + 1;
        }
    }
  if (memchr (original, '%', original_length) == NULL &&
      memchr (translation, '%', translation_length) == NULL)
    return TRUE;

  offset = 0;
  while (offset <= original_length)
    {
      gsize form_length = strlen (original + offset);
      gboolean positional = FALSE;

      add_format_specs (allowed, original + offset, form_length, &positional);
      offset += form_length + 1;
    }
  offset = 0;
  while (offset <= translation_length)
    {
      gsize form_length = strlen (translation + offset);
      gboolean positional = FALSE;
      guint n_sequential = 0;

      g_ptr_array_set_size (used, 0);
      add_format_specs (used, translation + offset, form_length, &positional);
      for (guint i = 0; i < used->len; i++)
        if (!str_in_array (allowed, g_ptr_array_index (used, i)))
          return FALSE;
      if (positional)
        {
          /* Each of the original's arguments, and only numbered ones. */
          for (guint i = 0; i < allowed->len; i++)
            if (!str_in_array (used, g_ptr_array_index (allowed, i)))
              return FALSE;
          for (const char *p = translation + offset; (p = strchr (p, '%')) != NULL; p++)
            {
              if (p[1] == '%')
                {
                  p++;
                  continue;
                }
              if (!g_ascii_isdigit (p[1]))
                n_sequential++;
              else
                {
                  const char *q = p + 1;

                  while (g_ascii_isdigit (*q))
                    q++;
                  if (*q != '$')
                    n_sequential++;
                }
            }
          if (n_sequential > 0)
            return FALSE;
        }
      offset += form_length + 1;
    }
  return TRUE;
}

/* Reads "nplurals=N; plural=EXPRESSION;" from the catalog's header. */
static gboolean
parse_plural_forms (CrepitusLocale *locale,
                    const char     *header)
{
  const char *line = strstr (header, "Plural-Forms:");
  g_autofree char *forms = NULL;
  const char *nplurals, *plural;
  char *end;
  guint64 n;

  if (line == NULL)
    return TRUE;   /* none: English's rule */
  forms = g_strndup (line, strcspn (line, "\n"));
  nplurals = strstr (forms, "nplurals=");
  plural = strstr (forms, "plural=");
  if (nplurals == NULL || plural == NULL)
    return FALSE;
  /* "nplurals=" holds "plural=": find the one that is not part of it. */
  while (plural != NULL && plural > forms && plural[-1] == 'n')
    plural = strstr (plural + 1, "plural=");
  if (plural == NULL)
    return FALSE;
  n = g_ascii_strtoull (nplurals + strlen ("nplurals="), &end, 10);
  if (n < 1 || n > 16)
    return FALSE;
  locale->n_plurals = (guint) n;
  /* A file may hold the header twice: the last one counts. */
  g_clear_pointer (&locale->plural, crepitus_plural_expression_free);
  locale->plural = crepitus_plural_expression_parse (plural + strlen ("plural="));
  return locale->plural != NULL;
}

CrepitusLocale *
crepitus_locale_new_from_data (const char  *language,
                               GBytes      *data,
                               GError     **error)
{
  g_autoptr(CrepitusLocale) locale = g_new0 (CrepitusLocale, 1);
  const guint8 *bytes;
  gsize size;
  guint32 magic, revision, n_strings, originals, translations;
  gboolean swapped;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  locale->language = g_strdup (language);
  locale->data = g_bytes_ref (data);
  locale->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  locale->n_plurals = 2;
  bytes = g_bytes_get_data (data, &size);

  if (size < MO_HEADER_SIZE)
    goto invalid;
  memcpy (&magic, bytes, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto invalid;
  swapped = magic == MO_MAGIC_SWAPPED;
  revision = read_u32 (bytes + 4, swapped);
  n_strings = read_u32 (bytes + 8, swapped);
  originals = read_u32 (bytes + 12, swapped);
  translations = read_u32 (bytes + 16, swapped);
  /* Major revisions 0 and 1 share this layout (1 adds system-dependent strings, unused). */
  if ((revision >> 16) > 1)
    goto invalid;
  if ((guint64) originals + (guint64) n_strings * 8 > size ||
      (guint64) translations + (guint64) n_strings * 8 > size)
    goto invalid;

  for (guint32 i = 0; i < n_strings; i++)
    {
      gsize original_length, translation_length;
      const char *original = mo_string (bytes, size, originals, i, swapped, &original_length);
      const char *translation = mo_string (bytes, size, translations, i, swapped,
                                           &translation_length);
      Translation *entry;

      if (original == NULL || translation == NULL)
        goto invalid;
      if (*original == '\0')
        {
          if (!parse_plural_forms (locale, translation))
            {
              g_set_error (error, CREPITUS_LOCALE_ERROR, CREPITUS_LOCALE_ERROR_INVALID,
                           /* Translators: %s is a language code */
                           _("the translations for “%s” have a Plural-Forms header that "
                             "cannot be read"), language);
              return NULL;
            }
          continue;
        }
      if (translation_length == 0 ||
          !translation_is_safe (original, original_length, translation, translation_length))
        continue;   /* English for this one */
      entry = g_new (Translation, 1);
      entry->original = original;
      entry->original_length = original_length;
      entry->text = translation;
      entry->length = translation_length;
      g_hash_table_replace (locale->messages, (gpointer) original, entry);
    }
  return g_steal_pointer (&locale);

invalid:
  g_set_error (error, CREPITUS_LOCALE_ERROR, CREPITUS_LOCALE_ERROR_INVALID,
               /* Translators: %s is a language code */
               _("the translations for “%s” are not a valid compiled catalog (.mo)"), language);
  return NULL;
}

void
crepitus_locale_free (CrepitusLocale *locale)
{
  if (locale == NULL)
    return;
  g_clear_pointer (&locale->messages, g_hash_table_unref);
  g_clear_pointer (&locale->plural, crepitus_plural_expression_free);
  g_clear_pointer (&locale->data, g_bytes_unref);
  g_free (locale->language);
  g_free (locale);
}

CrepitusLocale *
crepitus_locale_get (const char  *language,
                     GError     **error)
{
  static GMutex lock;
  static GHashTable *loaded = NULL;   /* language → CrepitusLocale, kept for the program */
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  CrepitusLocale *locale;
  gsize length;

  if (!crepitus_locale_is_shipped (language))
    {
      g_autofree char *shipped = crepitus_locale_describe_shipped ();

      g_set_error (error, CREPITUS_LOCALE_ERROR, CREPITUS_LOCALE_ERROR_UNKNOWN,
                   /* Translators: %1$s is a language code, %2$s the list of codes */
                   _("there is no language “%1$s”; Crepitus ships %2$s"),
                   language != NULL ? language : "", shipped);
      return NULL;
    }
  locker = g_mutex_locker_new (&lock);
  if (loaded == NULL)
    loaded = g_hash_table_new (g_str_hash, g_str_equal);
  locale = g_hash_table_lookup (loaded, language);
  if (locale != NULL)
    return locale;
  if (g_str_equal (language, "en"))
    {
      /* English is the msgids themselves: a locale with no messages, so that a report in
       * English is still a report's locale, not the UI's gettext. */
      locale = g_new0 (CrepitusLocale, 1);
      locale->language = g_strdup ("en");
      locale->messages = g_hash_table_new (g_str_hash, g_str_equal);
      locale->n_plurals = 2;
      g_hash_table_insert (loaded, locale->language, locale);
      return locale;
    }

  path = g_build_filename (crepitus_locale_dir (), language, "LC_MESSAGES",
                           GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CREPITUS_LOCALE_ERROR, CREPITUS_LOCALE_ERROR_MISSING,
                   /* Translators: %1$s is a language code, %2$s the reason */
                   _("the translations for “%1$s” are not installed: %2$s"), language,
                   local_error->message);
      return NULL;
    }
  data = g_bytes_new_take (g_steal_pointer (&contents), length);
  locale = crepitus_locale_new_from_data (language, data, error);
  if (locale == NULL)
    return NULL;
  g_hash_table_insert (loaded, locale->language, locale);
  return locale;
}

const char *
crepitus_locale_get_language (CrepitusLocale *locale)
{
  return locale != NULL ? locale->language : "en";
}

guint
crepitus_locale_get_n_messages (CrepitusLocale *locale)
{
  return locale != NULL ? g_hash_table_size (locale->messages) : 0;
}

/* The translation of exactly @msgid and @msgid_plural (%NULL: a message without plural).
 * The catalog's entry is checked against its own original (translation_is_safe), so the
 * whole original must be the caller's: an entry for "%d week" whose plural is "%s" would
 * otherwise hand the caller's integer to a "%s" (found by fuzz-locale). */
static Translation *
lookup (CrepitusLocale *locale,
        const char     *msgid,
        const char     *msgid_plural)
{
  Translation *entry = g_hash_table_lookup (locale->messages, msgid);
  gsize singular_length = strlen (msgid);

  if (entry == NULL)
    return NULL;
  if (msgid_plural == NULL)
    return entry->original_length == singular_length ? entry : NULL;
  if (entry->original_length != singular_length + 1 + strlen (msgid_plural) ||
      strcmp (entry->original + singular_length + 1, msgid_plural) != 0)
    return NULL;
  return entry;
}

const char *
crepitus_locale_gettext (CrepitusLocale *locale,
                         const char     *msgid)
{
  Translation *entry;

  if (locale == NULL || msgid == NULL || *msgid == '\0')
    return msgid;
  entry = lookup (locale, msgid, NULL);
  return entry != NULL ? entry->text : msgid;
}

guint
crepitus_locale_plural_index (CrepitusLocale *locale,
                              gulong          n)
{
  gulong index;

  if (locale == NULL || locale->plural == NULL)
    return n != 1;
  index = crepitus_plural_expression_eval (locale->plural, n);
  return index < locale->n_plurals ? (guint) index : 0;
}

const char *
crepitus_locale_ngettext (CrepitusLocale *locale,
                          const char     *msgid,
                          const char     *msgid_plural,
                          gulong          n)
{
  Translation *entry = locale != NULL ? lookup (locale, msgid, msgid_plural) : NULL;
  guint index;
  gsize offset = 0;

  if (entry == NULL)
    return n == 1 ? msgid : msgid_plural;
  index = crepitus_locale_plural_index (locale, n);
  /* The index-th of the NUL-separated forms, when the catalog has that many. */
  for (guint i = 0; i < index; i++)
    {
      offset += strlen (entry->text + offset) + 1;
      if (offset > entry->length)
        return n == 1 ? msgid : msgid_plural;
    }
  return entry->text + offset;
}

char *
crepitus_locale_format_date (CrepitusLocale *locale,
                             const char     *iso_date)
{
  GString *text;
  const char *format;
  int year, month, day;

  if (iso_date == NULL)
    return NULL;
  if (strlen (iso_date) < 10 || iso_date[4] != '-' || iso_date[7] != '-' ||
      sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (iso_date);

  /* Translators: the numeric date on reports: YYYY is the year, MM the month, DD the day, each
   * with its leading zeros; put them in your language's order with its separators (German:
   * DD.MM.YYYY). */
  format = locale != NULL ? crepitus_locale_gettext (locale, N_("YYYY-MM-DD")) :
                            crepitus_locale_translate ("YYYY-MM-DD");
  text = g_string_new (NULL);
  for (const char *p = format; *p != '\0';)
    {
      if (g_str_has_prefix (p, "YYYY"))
        {
          g_string_append_printf (text, "%04d", year);
          p += 4;
        }
      else if (g_str_has_prefix (p, "MM"))
        {
          g_string_append_printf (text, "%02d", month);
          p += 2;
        }
      else if (g_str_has_prefix (p, "DD"))
        {
          g_string_append_printf (text, "%02d", day);
          p += 2;
        }
      else
        g_string_append_c (text, *p++);
    }
  return g_string_free (text, FALSE);
}

static GPrivate thread_locale;

CrepitusLocale *
crepitus_locale_get_thread_default (void)
{
  return g_private_get (&thread_locale);
}

CrepitusLocale *
crepitus_locale_set_thread_default (CrepitusLocale *locale)
{
  CrepitusLocale *previous = g_private_get (&thread_locale);

  g_private_set (&thread_locale, locale);
  return previous;
}

const char *
crepitus_locale_translate (const char *msgid)
{
  CrepitusLocale *locale = g_private_get (&thread_locale);

  if (msgid == NULL || *msgid == '\0')
    return msgid;
  return locale != NULL ? crepitus_locale_gettext (locale, msgid) :
                          g_dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
crepitus_locale_ntranslate (const char *msgid,
                            const char *msgid_plural,
                            gulong      n)
{
  CrepitusLocale *locale = g_private_get (&thread_locale);

  return locale != NULL ? crepitus_locale_ngettext (locale, msgid, msgid_plural, n) :
                          g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
}
