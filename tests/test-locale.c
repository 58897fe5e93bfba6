/* test-locale.c — a report language's translations, read from Crepitus's own catalogs
 *
 * Runs with LC_ALL=C.UTF-8 and LANGUAGE=de: the UI is in German (glibc honours LANGUAGE under
 * C.UTF-8) while no German locale is compiled, so every report language here is read by
 * crepitus-locale.c, not by glibc.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "crepitus-catalog.h"
#include "crepitus-locale.h"
#include "crepitus-test-pdf.h"

/* A compiled catalog made here, byte by byte (the layout of GNU gettext's .mo): @pairs is
 * msgid, translation, … sorted by msgid; "" first for the header. */
static GBytes *
make_mo (const char * const *pairs,
         guint               n_pairs)
{
  GByteArray *mo = g_byte_array_new ();
  guint32 header[7] = { 0x950412de, 0, n_pairs, 28, 28 + 8 * n_pairs, 0, 28 + 16 * n_pairs };
  guint32 offset = 28 + 16 * n_pairs;
  GByteArray *strings = g_byte_array_new ();
  g_autofree guint32 *originals = g_new0 (guint32, 2 * n_pairs);
  g_autofree guint32 *translations = g_new0 (guint32, 2 * n_pairs);

  for (guint i = 0; i < n_pairs; i++)
    for (guint which = 0; which < 2; which++)
      {
        const char *text = pairs[2 * i + which];
        /* "\x01" stands for the NUL between a msgid and its plural, or between forms. */
        g_autofree char *copy = g_strdup (text);
        guint32 length = (guint32) strlen (copy);
        guint32 *table = which == 0 ? originals : translations;

        g_strdelimit (copy, "\x01", '\0');
        table[2 * i] = length;
        table[2 * i + 1] = offset + strings->len;
        g_byte_array_append (strings, (const guint8 *) copy, length + 1);
      }
  g_byte_array_append (mo, (const guint8 *) header, sizeof header);
  g_byte_array_append (mo, (const guint8 *) originals, 8 * n_pairs);
  g_byte_array_append (mo, (const guint8 *) translations, 8 * n_pairs);
  g_byte_array_append (mo, strings->data, strings->len);
  g_byte_array_unref (strings);
  return g_byte_array_free_to_bytes (mo);
}

static const char *header =
  "Content-Type: text/plain; charset=UTF-8\n"
  "Plural-Forms: nplurals=3; "
  "plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n";

static void
test_plural_expressions (void)
{
  static const struct
  {
    const char *expression;
    gulong      n;
    gulong      index;
  } cases[] = {
    { "(n != 1);", 0, 1 }, { "(n != 1);", 1, 0 }, { "(n != 1);", 2, 1 },
    { "(n > 1);", 0, 0 }, { "(n > 1);", 1, 0 }, { "(n > 1);", 2, 1 },
    { "0;", 7, 0 },
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", 1, 0 },
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", 2, 1 },
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", 4, 1 },
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", 5, 2 },
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", 12, 2 },
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", 22, 1 },
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", 112, 2 },
    /* Russian's, with "!" and a division that is never by zero here. */
    { "n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2", 21, 0 },
    { "!(n/2 - 1)", 2, 1 }, { "!(n/2 - 1)", 5, 0 }, { "n/0 + n%0", 9, 0 },
    { "1 + 2 * 3 - 4", 0, 3 }, { "n <= 3 || n >= 10", 5, 0 }, { "n <= 3 || n >= 10", 10, 1 },
  };
  static const char *invalid[] = {
    "", ";", "n ==", "(n != 1", "n != 1)", "n ? 1", "m", "n = 1", "n != 1; x",
    "99999999999999999999999999", "n & 1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrepitusPluralExpression) expression =
        crepitus_plural_expression_parse (cases[i].expression);

      g_assert_nonnull (expression);
      if (crepitus_plural_expression_eval (expression, cases[i].n) != cases[i].index)
        g_error ("%s for n = %lu should be %lu", cases[i].expression, cases[i].n, cases[i].index);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    if (crepitus_plural_expression_parse (invalid[i]) != NULL)
      g_error ("“%s” should not parse", invalid[i]);

  /* Nesting is bounded: a hostile catalog cannot exhaust the stack. */
  {
    GString *deep = g_string_new (NULL);

    for (guint i = 0; i < 10000; i++)
      g_string_append (deep, "(!");
    g_string_append (deep, "n");
    for (guint i = 0; i < 10000; i++)
      g_string_append_c (deep, ')');
    g_assert_null (crepitus_plural_expression_parse (deep->str));
    g_string_free (deep, TRUE);
  }
}

/* What the catalog lacks, or holds in a form that cannot be used, stays English. */
static void
test_fallback (void)
{
  const char *pairs[] = {
    "", header,
    "%d week\x01%d weeks", "%d tydzień\x01%d tygodnie\x01%d tygodni",
    "%s is bad", "%s %s %d",                  /* asks for arguments it is not given */
    "Bad bytes", "Z\xff\xfe",                 /* not UTF-8 */
    "Hello", "Cześć",
    "Reordered %1$s and %2$s", "%2$s i %1$s",
    "Signed by %1$s on %2$s", "Podpisano %2$s",   /* leaves out an argument: fortify aborts */
    "Mixed %1$s and %2$s", "%2$s i %s",           /* numbered and not */
    "Two forms only\x01Two forms only (plural)", "Tylko\x01Tylko dwie",
    /* Its plural is not the caller's: the caller's integer must never reach its "%s". */
    "%d day\x01%s days", "%s\x01%s\x01%s",
    "%1$s of %2$s\x01%3$d of them", "%1$s %2$s %3$d\x01%3$d %2$s %1$s\x01%2$s %1$s %3$d",
  };
  g_autoptr(GBytes) data = make_mo (pairs, G_N_ELEMENTS (pairs) / 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusLocale) locale = crepitus_locale_new_from_data ("pl", data, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (crepitus_locale_gettext (locale, "Hello"), ==, "Cześć");
  g_assert_cmpstr (crepitus_locale_gettext (locale, "Not in the catalog"), ==,
                   "Not in the catalog");
  g_assert_cmpstr (crepitus_locale_gettext (locale, "%s is bad"), ==, "%s is bad");
  g_assert_cmpstr (crepitus_locale_gettext (locale, "Bad bytes"), ==, "Bad bytes");
  g_assert_cmpstr (crepitus_locale_gettext (locale, "Reordered %1$s and %2$s"), ==, "%2$s i %1$s");
  g_assert_cmpstr (crepitus_locale_gettext (locale, "Signed by %1$s on %2$s"), ==,
                   "Signed by %1$s on %2$s");
  g_assert_cmpstr (crepitus_locale_gettext (locale, "Mixed %1$s and %2$s"), ==,
                   "Mixed %1$s and %2$s");
  /* Polish's three forms, by its Plural-Forms. */
  g_assert_cmpstr (crepitus_locale_ngettext (locale, "%d week", "%d weeks", 1), ==, "%d tydzień");
  g_assert_cmpstr (crepitus_locale_ngettext (locale, "%d week", "%d weeks", 3), ==, "%d tygodnie");
  g_assert_cmpstr (crepitus_locale_ngettext (locale, "%d week", "%d weeks", 5), ==, "%d tygodni");
  g_assert_cmpstr (crepitus_locale_ngettext (locale, "%d week", "%d weeks", 22), ==, "%d tygodnie");
  /* A form the catalog does not have: English's. */
  g_assert_cmpstr (crepitus_locale_ngettext (locale, "Two forms only", "Two forms only (plural)",
                                             5),
                   ==, "Two forms only (plural)");
  g_assert_cmpstr (crepitus_locale_ngettext (locale, "Untranslated", "Untranslateds", 1), ==,
                   "Untranslated");
  g_assert_cmpstr (crepitus_locale_ngettext (locale, "Untranslated", "Untranslateds", 5), ==,
                   "Untranslateds");
  /* Only the whole original finds a translation: singular and plural alike. */
  g_assert_cmpstr (crepitus_locale_ngettext (locale, "%d day", "%d days", 5), ==, "%d days");
  g_assert_cmpstr (crepitus_locale_gettext (locale, "%1$s of %2$s"), ==, "%1$s of %2$s");
  g_assert_cmpstr (crepitus_locale_ngettext (locale, "Hello", "Hellos", 1), ==, "Hello");
  g_assert_cmpstr (crepitus_locale_gettext (locale, "%d week"), ==, "%d week");
  g_assert_cmpuint (crepitus_locale_get_n_messages (locale), ==, 6);
}

/* A .mo is a file on disk: cut short, its offsets out of bounds, a header that cannot be
 * read, it is refused with a message; never read past its end. */
static void
test_damaged (void)
{
  const char *pairs[] = { "", header, "Hello", "Cześć" };
  g_autoptr(GBytes) good = make_mo (pairs, 2);
  gsize size;
  const guint8 *bytes = g_bytes_get_data (good, &size);

  for (gsize cut = 0; cut < size; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new (bytes, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(CrepitusLocale) locale = crepitus_locale_new_from_data ("pl", part, &error);

      g_assert_null (locale);
      g_assert_error (error, CREPITUS_LOCALE_ERROR, CREPITUS_LOCALE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "pl"));
    }
  {
    g_autofree guint8 *copy = g_memdup2 (bytes, size);
    g_autoptr(GBytes) data = NULL;
    g_autoptr(GError) error = NULL;
    guint32 huge = 0xfffffff0;

    memcpy (copy + 28 + 8 + 4, &huge, sizeof huge);   /* the offset of the second msgid */
    data = g_bytes_new (copy, size);
    g_assert_null (crepitus_locale_new_from_data ("pl", data, &error));
    g_assert_error (error, CREPITUS_LOCALE_ERROR, CREPITUS_LOCALE_ERROR_INVALID);
  }
  {
    const char *bad_header[] = { "", "Plural-Forms: nplurals=2; plural=n +;\n" };
    g_autoptr(GBytes) data = make_mo (bad_header, 1);
    g_autoptr(GError) error = NULL;

    g_assert_null (crepitus_locale_new_from_data ("pl", data, &error));
    g_assert_error (error, CREPITUS_LOCALE_ERROR, CREPITUS_LOCALE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Plural-Forms"));
  }
}

/* The shipped languages are po/LINGUAS, English first, each by its own name. */
static void
test_shipped (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *linguas = NULL;
  g_auto(GStrv) lines = NULL;
  const char * const *shipped = crepitus_locale_shipped_languages ();
  guint n = 1;
  g_autofree char *described = crepitus_locale_describe_shipped ();

  g_assert_true (g_file_get_contents (path, &linguas, NULL, NULL));
  lines = g_strsplit (linguas, "\n", -1);
  g_assert_cmpstr (shipped[0], ==, "en");
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0' && lines[i][0] != '#')
      g_assert_cmpstr (shipped[n++], ==, lines[i]);
  g_assert_null (shipped[n]);
  g_assert_cmpstr (described, ==, "en, de, es, fr, pl, pt_BR");

  g_assert_cmpstr (crepitus_locale_native_name ("de"), ==, "Deutsch");
  g_assert_cmpstr (crepitus_locale_native_name ("es"), ==, "Español");
  g_assert_cmpstr (crepitus_locale_native_name ("fr"), ==, "Français");
  g_assert_cmpstr (crepitus_locale_native_name ("pl"), ==, "Polski");
  g_assert_cmpstr (crepitus_locale_native_name ("pt_BR"), ==, "Português (Brasil)");
  g_assert_false (crepitus_locale_is_shipped ("xx"));
  g_assert_false (crepitus_locale_is_shipped (NULL));

  /* Every shipped language has its catalog in the build, read whole. */
  for (guint i = 1; shipped[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      CrepitusLocale *locale = crepitus_locale_get (shipped[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (crepitus_locale_get_language (locale), ==, shipped[i]);
      g_assert_cmpuint (crepitus_locale_get_n_messages (locale), >, 900);
      g_assert_true (crepitus_locale_get (shipped[i], NULL) == locale);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (crepitus_locale_get ("xx", &error));
    g_assert_error (error, CREPITUS_LOCALE_ERROR, CREPITUS_LOCALE_ERROR_UNKNOWN);
    g_assert_nonnull (strstr (error->message, "en, de, es, fr, pl, pt_BR"));
  }
}

/* Polish's three plural forms, from the shipped catalog. */
static void
test_polish_plurals (void)
{
  CrepitusLocale *pl = crepitus_locale_get ("pl", NULL);
  const gulong ns[] = { 1, 2, 4, 5, 11, 12, 21, 22, 25, 104 };
  const guint forms[] = { 0, 1, 1, 2, 2, 2, 2, 1, 2, 1 };
  const char *words[] = { "%d tydzień", "%d tygodnie", "%d tygodni" };

  for (guint i = 0; i < G_N_ELEMENTS (ns); i++)
    {
      g_assert_cmpuint (crepitus_locale_plural_index (pl, ns[i]), ==, forms[i]);
      g_assert_cmpstr (crepitus_locale_ngettext (pl, "%d week", "%d weeks", ns[i]), ==,
                       words[forms[i]]);
    }
  /* French and Brazilian Portuguese: 0 is singular. */
  g_assert_cmpuint (crepitus_locale_plural_index (crepitus_locale_get ("fr", NULL), 0), ==, 0);
  g_assert_cmpuint (crepitus_locale_plural_index (crepitus_locale_get ("pt_BR", NULL), 0), ==, 0);
  g_assert_cmpuint (crepitus_locale_plural_index (crepitus_locale_get ("de", NULL), 0), ==, 1);
}

static void
test_dates (void)
{
  CrepitusLocale *de = crepitus_locale_get ("de", NULL);
  CrepitusLocale *en = crepitus_locale_get ("en", NULL);
  g_autofree char *german = crepitus_locale_format_date (de, "2026-11-20");
  g_autofree char *english = crepitus_locale_format_date (en, "2026-11-20");
  g_autofree char *signed_at = crepitus_locale_format_date (de, "2026-11-21T09:30:00Z");
  g_autofree char *not_a_date = crepitus_locale_format_date (de, "2026-02-30");

  g_assert_cmpstr (german, ==, "20.11.2026");
  g_assert_cmpstr (english, ==, "2026-11-20");
  g_assert_cmpstr (signed_at, ==, "21.11.2026");
  g_assert_cmpstr (not_a_date, ==, "2026-02-30");

  /* No locale given: the window's dates in the UI's language (German here), a report's in
   * the report's while it is written. */
  {
    CrepitusLocale *fr = crepitus_locale_get ("fr", NULL);
    g_autofree char *ui = crepitus_locale_format_date (NULL, "2026-11-20");
    g_autofree char *in_report = NULL;
    CrepitusLocale *previous = crepitus_locale_set_thread_default (fr);

    in_report = crepitus_locale_format_date (NULL, "2026-11-20");
    crepitus_locale_set_thread_default (previous);
    g_assert_cmpstr (ui, ==, "20.11.2026");
    g_assert_cmpstr (in_report, ==, "20/11/2026");
  }
}

/* The UI's language and the report's are independent: a German UI (LANGUAGE=de) writes an
 * English report, and a German one, and the UI stays German. */
static void
test_independent_of_ui (void)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("crepitus-locale-XXXXXX", NULL);
  CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4, "en" };
  g_autofree char *english_path = NULL;
  g_autofree char *german_path = NULL;
  g_autofree char *english = NULL;
  g_autofree char *german = NULL;

  g_assert_cmpstr (_("Fever"), ==, "Fieber");
  english_path = write_report_in (dir, assessment, &options, "en.pdf", NULL);
  options.language = "de";
  german_path = write_report_in (dir, assessment, &options, "de.pdf", NULL);
  g_assert_cmpstr (_("Fever"), ==, "Fieber");
  /* Nothing of the report's language is left on this thread. */
  g_assert_null (crepitus_locale_get_thread_default ());
  g_assert_cmpstr (crepitus_catalog_gettext ("Fever"), ==, "Fieber");

  {
    g_autoptr(Document) document = open_pdf (english_path);

    english = document_text (document);
  }
  {
    g_autoptr(Document) document = open_pdf (german_path);

    german = document_text (document);
  }
  assert_contains (english, "Your result");
  assert_contains (english, "Call emergency services or go to an emergency department now if:");
  assert_lacks (english, "Ihr Ergebnis");
  assert_contains (german, "Ihr Ergebnis");
  assert_contains (german, "Rufen Sie den Rettungsdienst an oder gehen Sie sofort in eine "
                           "Notaufnahme, wenn:");
  assert_contains (german, "Untersucht am 20.11.2026");
  assert_lacks (german, "Your result");
  crepitus_test_remove_tree (dir);
  assert_poppler_quiet ();
}

/* `crepitus` where the desktop's locale is not compiled (LANG=de_DE.UTF-8 here): the UI is
 * German all the same, through C.UTF-8 and LANGUAGE. */
static void
test_uncompiled_desktop_locale (void)
{
  g_auto(CrepitusRun) run = { 0 };
  const char *env[] = { "LC_ALL=", "LANGUAGE=", "LANG=de_DE.UTF-8", NULL };

  if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
    {
      setlocale (LC_ALL, "");
      g_test_skip ("de_DE.UTF-8 is compiled on this machine");
      return;
    }
  setlocale (LC_ALL, "");
  crepitus_run_env (&run, NULL, env, (const char *[]) { "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "[BEFEHL [ARGUMENT…]]");
}

int
main (int   argc,
      char *argv[])
{
  crepitus_locale_setup_ui ();
  g_test_init (&argc, &argv, NULL);
  crepitus_test_pdf_init ();

  g_test_add_func ("/crepitus/locale/plural-expressions", test_plural_expressions);
  g_test_add_func ("/crepitus/locale/fallback", test_fallback);
  g_test_add_func ("/crepitus/locale/damaged", test_damaged);
  g_test_add_func ("/crepitus/locale/shipped", test_shipped);
  g_test_add_func ("/crepitus/locale/polish-plurals", test_polish_plurals);
  g_test_add_func ("/crepitus/locale/dates", test_dates);
  g_test_add_func ("/crepitus/locale/independent-of-ui", test_independent_of_ui);
  g_test_add_func ("/crepitus/locale/uncompiled-desktop-locale", test_uncompiled_desktop_locale);

  return g_test_run ();
}
