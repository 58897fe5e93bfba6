/* test-cli-report.c — `crepitus report`: the PDF it writes, its usage errors and exit codes */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "crepitus-test-pdf.h"

typedef struct
{
  char *dir;
  char *example;    /* tests/fixtures/example.json */
  char *out;        /* DIR/out.pdf */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("crepitus-cli-report-XXXXXX", &error);
  g_assert_no_error (error);
  f->example = g_test_build_filename (G_TEST_DIST, "fixtures", "example.json", NULL);
  f->out = g_build_filename (f->dir, "out.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  crepitus_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->example);
  g_free (f->out);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The text of the PDF at @path, white space made single spaces. */
static char *
pdf_text (const char *path)
{
  g_autoptr(Document) document = open_pdf (path);

  return document_text (document);
}

static void
assert_usage_error (CrepitusRun *run,
                    Fixture     *f,
                    const char  *mentions)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpuint (crepitus_count_lines (run->err), ==, 1);
  if (strstr (run->err, mentions) == NULL)
    g_error ("“%s” should mention “%s”", run->err, mentions);
  g_assert_cmpuint (count_entries (f->dir), ==, 0);
}

static void
test_patient (Fixture       *f,
              gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *text = NULL;

  /* No --lang: the patient's language (Spanish in the example). */
  crepitus_run (&run, NULL, (const char *[]) {
    "report", f->example, "--audience", "patient", "-o", f->out, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  text = pdf_text (f->out);
  g_assert_nonnull (strstr (text, "Lucía García"));
  /* No settings schema installed: the safety net says "emergency services", in Spanish. */
  g_assert_nonnull (strstr (text, "Llame al número de emergencias o vaya ahora a un servicio "
                                  "de urgencias si:"));
  g_assert_null (strstr (text, "emergency"));
  g_assert_null (strstr (text, "Clinician summary"));
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
  assert_poppler_quiet ();
}

static void
test_clinician_from_stdin (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (f->example, &json, NULL, NULL));
  crepitus_run (&run, json, (const char *[]) {
    "report", "-", "--audience", "clinician", "--paper", "letter", "--lang", "en",
    "--output", f->out, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  text = pdf_text (f->out);
  g_assert_nonnull (strstr (text, "Clinician summary"));
  g_assert_nonnull (strstr (text, "Pops on rising from a chair."));
  g_assert_nonnull (strstr (text, "Referral: None — no review booked"));
  g_assert_nonnull (strstr (text, "Red-flag screen incomplete: 13 not asked"));
  g_assert_null (strstr (text, "leaflet"));
  /* A file has no record status: the letter is not signed. */
  g_assert_nonnull (strstr (text, "Clinician summary · Not signed"));
  assert_poppler_quiet ();
}

/* The clinic's settings reach the reports: the emergency number in the safety net, the
 * clinic's details in the letter's footer. */
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *config = g_build_filename (f->dir, "config", NULL);
  g_autofree char *keyfile_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  g_autofree char *schema_env = g_strconcat ("GSETTINGS_SCHEMA_DIR=",
                                             g_getenv ("GSETTINGS_SCHEMA_DIR"), NULL);
  g_autofree char *config_env = g_strconcat ("XDG_CONFIG_HOME=", config, NULL);
  const char * const env[] = { schema_env, config_env, "GSETTINGS_BACKEND=keyfile", NULL };
  g_autofree char *letter = g_build_filename (f->dir, "letter.pdf", NULL);

  g_assert_nonnull (g_getenv ("GSETTINGS_SCHEMA_DIR"));
  g_assert_cmpint (g_mkdir_with_parents (keyfile_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile,
                                      "[org/crepitus/Crepitus]\n"
                                      "emergency-number='999'\n"
                                      "clinic-name='Northside Spine Clinic'\n"
                                      "clinic-phone='0113 000 0000'\n", -1, NULL));

  {
    g_auto(CrepitusRun) run = { 0 };
    g_autofree char *text = NULL;

    crepitus_run_env (&run, NULL, env, (const char *[]) {
      "report", f->example, "--audience", "patient", "--lang", "en", "-o", f->out, NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_text (f->out);
    g_assert_nonnull (strstr (text, "Call 999 or go to an emergency department now if:"));
    g_assert_null (strstr (text, "emergency services"));
  }
  {
    g_auto(CrepitusRun) run = { 0 };
    g_autofree char *text = NULL;

    crepitus_run_env (&run, NULL, env, (const char *[]) {
      "report", f->example, "--audience", "clinician", "--lang", "en", "-o", letter, NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_text (letter);
    assert_row (text, "Clinic", "Northside Spine Clinic");
    assert_row (text, "Phone", "0113 000 0000");
    assert_row (text, "Record", "Not signed");
  }
  assert_poppler_quiet ();
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  {
    g_auto(CrepitusRun) run = { 0 };

    crepitus_run (&run, NULL, (const char *[]) {
      "report", f->example, "--audience", "patient", NULL });
    assert_usage_error (&run, f, "-o");
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    /* "-" is standard input's name only: no file called "-" appears. */
    crepitus_run (&run, NULL, (const char *[]) {
      "report", f->example, "--audience", "patient", "-o", "-", NULL });
    assert_usage_error (&run, f, "-o");
    g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    crepitus_run (&run, NULL, (const char *[]) { "report", f->example, "-o", f->out, NULL });
    assert_usage_error (&run, f, "--audience");
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    crepitus_run (&run, NULL, (const char *[]) {
      "report", f->example, "--audience", "family", "-o", f->out, NULL });
    assert_usage_error (&run, f, "family");
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    crepitus_run (&run, NULL, (const char *[]) {
      "report", f->example, "--audience", "patient", "--paper", "a5", "-o", f->out, NULL });
    assert_usage_error (&run, f, "a5");
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    crepitus_run (&run, NULL, (const char *[]) {
      "report", f->example, "--audience", "patient", "--lang", "xx", "-o", f->out, NULL });
    /* An unknown language: the message lists the shipped ones. */
    assert_usage_error (&run, f, "“xx”: use one of en, de, es, fr, pl, pt_BR");
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    crepitus_run (&run, NULL, (const char *[]) {
      "report", "--audience", "patient", "-o", f->out, NULL });
    assert_usage_error (&run, f, "FILE.json");
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    crepitus_run (&run, NULL, (const char *[]) {
      "report", f->example, "--audience", "patient", "-o", f->out, "--colour", NULL });
    assert_usage_error (&run, f, "--colour");
  }
}

static void
test_invalid_json (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *input = g_build_filename (f->dir, "bad.json", NULL);
  const char *json = "{\"format\": \"crepitus-assessment\", \"version\": 1,"
                     " \"patient\": {\"family_name\": \"Nowak\"},"
                     " \"assessment\": {\"date\": \"2024-05-01\", \"sound\": \"boom\"}}";
  g_autofree char *prefix = g_strconcat (input, ": assessment.sound: ", NULL);

  g_assert_true (g_file_set_contents (input, json, -1, NULL));
  crepitus_run (&run, NULL, (const char *[]) {
    "report", input, "--audience", "patient", "-o", f->out, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
  if (!g_str_has_prefix (run.err, prefix))
    g_error ("“%s” should start with “%s”", run.err, prefix);
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

static void
test_missing_input (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *input = g_build_filename (f->dir, "nothing.json", NULL);

  crepitus_run (&run, NULL, (const char *[]) {
    "report", input, "--audience", "patient", "-o", f->out, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, input));
  g_assert_cmpuint (count_entries (f->dir), ==, 0);
}

static void
test_unwritable_output (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *out = g_build_filename (f->dir, "no-such-folder", "out.pdf", NULL);

  crepitus_run (&run, NULL, (const char *[]) {
    "report", f->example, "--audience", "patient", "-o", out, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, out));
  g_assert_nonnull (strstr (run.err, "could not write"));
  g_assert_cmpuint (count_entries (f->dir), ==, 0);
}

static void
test_substitution_warning (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;

  g_assert_true (g_file_get_contents (f->example, &json, NULL, NULL));
  edited = g_string_new (json);
  g_assert_cmpuint (g_string_replace (edited, "Pops on rising from a chair.",
                                      "Pops on rising \U0001F4A5 from a chair.", 1), ==, 1);

  crepitus_run (&run, edited->str, (const char *[]) {
    "report", "-", "--audience", "clinician", "-o", f->out, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "warning"));
  g_assert_nonnull (strstr (run.err, " 1 character"));

  text = pdf_text (f->out);
  g_assert_nonnull (strstr (text, "Pops on rising \uFFFD from a chair."));
}

static void
test_no_fonts (Fixture       *f,
               gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *config = g_build_filename (f->dir, "fonts.conf", NULL);
  g_autofree char *env = g_strconcat ("FONTCONFIG_FILE=", config, NULL);
  g_autofree char *cache = g_build_filename (f->dir, "cache", NULL);
  g_autofree char *config_text =
    g_strdup_printf ("<?xml version=\"1.0\"?>\n<fontconfig><cachedir>%s</cachedir></fontconfig>\n",
                     cache);

  /* A fontconfig that knows no fonts: a clear error, and no file. */
  g_assert_true (g_file_set_contents (config, config_text, -1, NULL));
  crepitus_run_env (&run, NULL, (const char *[]) { env, NULL }, (const char *[]) {
    "report", f->example, "--audience", "patient", "-o", f->out, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, f->out));
  g_assert_nonnull (strstr (run.err, "DejaVu Sans"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The font names in the PDF at @path, sorted, joined by spaces, their subset tags left out. */
static char *
pdf_font_names (const char *path)
{
  g_autoptr(Document) document = open_pdf (path);
  g_autoptr(FontInfo) info = poppler_font_info_new (document);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  PopplerFontsIter *iter = NULL;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (document), &iter));
  do
    {
      const char *name = poppler_fonts_iter_get_name (iter);
      const char *plus = strchr (name, '+');

      g_ptr_array_add (names, g_strdup (plus != NULL ? plus + 1 : name));
    }
  while (poppler_fonts_iter_next (iter));
  poppler_fonts_iter_free (iter);
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* fontconfig's answer is remembered in the cache folder, and checked before it is used: a
 * remembered answer that has the faces the wrong way round is not believed, and one made
 * under another fontconfig set-up is not used with this one. */
static void
test_font_cache (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *cache_home = g_build_filename (f->dir, "cache-home", NULL);
  g_autofree char *cache_env = g_strconcat ("XDG_CACHE_HOME=", cache_home, NULL);
  g_autofree char *cache = g_build_filename (cache_home, "crepitus", "fonts.ini", NULL);
  g_autofree char *config = g_build_filename (f->dir, "fonts.conf", NULL);
  g_autofree char *config_env = g_strconcat ("FONTCONFIG_FILE=", config, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *regular = NULL, *bold = NULL, *regular_stamp = NULL, *bold_stamp = NULL;
  g_auto(CrepitusRun) first = { 0 };
  g_auto(CrepitusRun) swapped = { 0 };
  g_auto(CrepitusRun) other_config = { 0 };

  crepitus_run_env (&first, NULL, (const char *[]) { cache_env, NULL }, (const char *[]) {
    "report", f->example, "--audience", "patient", "-o", f->out, NULL });
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_file_test (cache, G_FILE_TEST_IS_REGULAR));
  expected = pdf_font_names (f->out);
  g_assert_cmpstr (expected, ==, "DejaVuSans,Book DejaVuSans-Bold,Bold");

  /* The remembered faces swapped, stamps and all. */
  g_assert_true (g_key_file_load_from_file (key_file, cache, G_KEY_FILE_NONE, NULL));
  regular = g_key_file_get_string (key_file, "fonts", "regular", NULL);
  bold = g_key_file_get_string (key_file, "fonts", "bold", NULL);
  regular_stamp = g_key_file_get_string (key_file, "fonts", "regular-stamp", NULL);
  bold_stamp = g_key_file_get_string (key_file, "fonts", "bold-stamp", NULL);
  g_assert_nonnull (regular);
  g_assert_nonnull (bold_stamp);
  g_key_file_set_string (key_file, "fonts", "regular", bold);
  g_key_file_set_string (key_file, "fonts", "bold", regular);
  g_key_file_set_string (key_file, "fonts", "regular-stamp", bold_stamp);
  g_key_file_set_string (key_file, "fonts", "bold-stamp", regular_stamp);
  g_assert_true (g_key_file_save_to_file (key_file, cache, NULL));
  g_unlink (f->out);
  crepitus_run_env (&swapped, NULL, (const char *[]) { cache_env, NULL }, (const char *[]) {
    "report", f->example, "--audience", "patient", "-o", f->out, NULL });
  g_assert_cmpint (swapped.status, ==, 0);
  names = pdf_font_names (f->out);
  g_assert_cmpstr (names, ==, expected);

  /* A fontconfig that knows no fonts: the remembered answer is not used. */
  g_assert_true (g_file_set_contents (config, "<?xml version=\"1.0\"?>\n<fontconfig/>\n", -1,
                                      NULL));
  g_unlink (f->out);
  crepitus_run_env (&other_config, NULL, (const char *[]) { cache_env, config_env, NULL },
                    (const char *[]) {
    "report", f->example, "--audience", "patient", "-o", f->out, NULL });
  g_assert_cmpint (other_config.status, ==, 1);
  g_assert_nonnull (strstr (other_config.err, "DejaVu Sans"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

/* `--id ID` reports on a stored assessment with the same text as its exported JSON gives. */
static void
test_by_id (Fixture       *f,
            gconstpointer  data)
{
  static const char * const audiences[] = { "patient", "clinician" };
  g_autofree char *db = g_build_filename (f->dir, "crepitus.db", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "exported.json", NULL);
  g_autofree char *from_file = g_build_filename (f->dir, "from-file.pdf", NULL);
  g_auto(CrepitusRun) import = { 0 };
  g_auto(CrepitusRun) export = { 0 };

  crepitus_run (&import, NULL, (const char *[]) { "--db", db, "import", f->example, NULL });
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.out, ==, "1\n");
  crepitus_run (&export, NULL, (const char *[]) { "--db", db, "export", "1", NULL });
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_set_contents (exported, export.out, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (audiences); i++)
    {
      g_auto(CrepitusRun) by_id = { 0 };
      g_auto(CrepitusRun) by_file = { 0 };
      g_autofree char *id_text = NULL;
      g_autofree char *file_text = NULL;

      crepitus_run (&by_id, NULL, (const char *[]) {
        "--db", db, "report", "--id", "1", "--audience", audiences[i], "-o", f->out, NULL });
      g_assert_cmpstr (by_id.err, ==, "");
      g_assert_cmpint (by_id.status, ==, 0);
      crepitus_run (&by_file, NULL, (const char *[]) {
        "report", exported, "--audience", audiences[i], "-o", from_file, NULL });
      g_assert_cmpint (by_file.status, ==, 0);

      id_text = pdf_text (f->out);
      file_text = pdf_text (from_file);
      g_assert_nonnull (strstr (id_text, "Lucía García"));
      g_assert_cmpstr (id_text, ==, file_text);
    }
  assert_poppler_quiet ();
}

/* A stored patient seen twice: the clinician summary made by id charts the two visits, the
 * important change of pain marked; the handout has no chart. */
static void
test_by_id_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "crepitus.db", NULL);
  g_autofree char *earlier = g_build_filename (f->dir, "earlier.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GString) edited = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *handout = NULL;
  g_auto(CrepitusRun) first = { 0 };
  g_auto(CrepitusRun) second = { 0 };
  g_auto(CrepitusRun) by_id = { 0 };
  g_auto(CrepitusRun) german = { 0 };
  g_auto(CrepitusRun) patient = { 0 };

  /* The example (pain 0 on 2026-11-20) after a visit with pain 6 on 2026-10-02. */
  g_assert_true (g_file_get_contents (f->example, &json, NULL, NULL));
  edited = g_string_new (json);
  g_assert_cmpuint (g_string_replace (edited, "\"date\": \"2026-11-20\"", "\"date\": \"2026-10-02\"",
                                      0), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"pain_score\": 0", "\"pain_score\": 6", 0), ==, 1);
  g_assert_true (g_file_set_contents (earlier, edited->str, -1, NULL));
  crepitus_run (&first, NULL, (const char *[]) { "--db", db, "import", earlier, NULL });
  g_assert_cmpint (first.status, ==, 0);
  crepitus_run (&second, NULL, (const char *[]) { "--db", db, "import", f->example, NULL });
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, ==, "2\n");

  crepitus_run (&by_id, NULL, (const char *[]) {
    "--db", db, "report", "--id", "2", "--audience", "clinician", "--lang", "en", "-o", f->out,
    NULL });
  g_assert_cmpstr (by_id.err, ==, "");
  g_assert_cmpint (by_id.status, ==, 0);
  summary = pdf_text (f->out);
  g_assert_nonnull (strstr (summary, "Pain and disability across visits"));
  g_assert_nonnull (strstr (summary, "2026-10-02"));
  g_assert_nonnull (strstr (summary, "-6"));

  /* The chart's dates are the report's language's, as every other date on it. */
  crepitus_run (&german, NULL, (const char *[]) {
    "--db", db, "report", "--id", "2", "--audience", "clinician", "--lang", "de", "-o", f->out,
    NULL });
  g_assert_cmpint (german.status, ==, 0);
  g_clear_pointer (&summary, g_free);
  summary = pdf_text (f->out);
  g_assert_nonnull (strstr (summary, "02.10.2026"));
  g_assert_null (strstr (summary, "2026-10-02"));

  crepitus_run (&patient, NULL, (const char *[]) {
    "--db", db, "report", "--id", "2", "--audience", "patient", "--lang", "en", "-o", f->out,
    NULL });
  g_assert_cmpint (patient.status, ==, 0);
  handout = pdf_text (f->out);
  g_assert_null (strstr (handout, "Pain and disability across visits"));
  assert_poppler_quiet ();
}

static void
test_by_id_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "crepitus.db", NULL);
  g_auto(CrepitusRun) import = { 0 };
  g_auto(CrepitusRun) missing = { 0 };
  g_auto(CrepitusRun) both = { 0 };
  g_auto(CrepitusRun) bad = { 0 };

  crepitus_run (&import, NULL, (const char *[]) { "--db", db, "import", f->example, NULL });
  g_assert_cmpint (import.status, ==, 0);

  crepitus_run (&missing, NULL, (const char *[]) {
    "--db", db, "report", "--id", "7", "--audience", "patient", "-o", f->out, NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpuint (crepitus_count_lines (missing.err), ==, 1);
  g_assert_nonnull (strstr (missing.err, "7"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));

  crepitus_run (&both, NULL, (const char *[]) {
    "--db", db, "report", f->example, "--id", "1", "--audience", "patient", "-o", f->out, NULL });
  g_assert_cmpint (both.status, ==, 2);
  g_assert_nonnull (strstr (both.err, "not both"));

  crepitus_run (&bad, NULL, (const char *[]) {
    "--db", db, "report", "--id", "one", "--audience", "patient", "-o", f->out, NULL });
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  crepitus_test_pdf_init ();

#define ADD(path, func) \
  g_test_add ("/crepitus/cli/report/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("patient", test_patient);
  ADD ("clinician-from-stdin", test_clinician_from_stdin);
  ADD ("settings", test_settings);
  ADD ("usage-errors", test_usage_errors);
  ADD ("invalid-json", test_invalid_json);
  ADD ("missing-input", test_missing_input);
  ADD ("unwritable-output", test_unwritable_output);
  ADD ("substitution-warning", test_substitution_warning);
  ADD ("no-fonts", test_no_fonts);
  ADD ("font-cache", test_font_cache);
  ADD ("by-id", test_by_id);
  ADD ("by-id-errors", test_by_id_errors);
  ADD ("by-id-history", test_by_id_history);

#undef ADD

  return g_test_run ();
}
