/* test-cli-store.c — import, export, list, history and triage --id on a database */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <jansson.h>
#include <sys/stat.h>

#include "crepitus-test-util.h"

typedef CrepitusTestDb Fixture;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

/* Runs `crepitus --db DB ARGS…`. */
static void
run_db (Fixture     *fixture,
        CrepitusRun *run,
        const char  *input,
        const char  *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fixture->db);
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  crepitus_run (run, input, (const char * const *) argv->pdata);
}

/* One line on standard error, nothing on standard output, exit status @status. */
static void
assert_error_line (CrepitusRun *run,
                   int          status,
                   const char  *start)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpuint (crepitus_count_lines (run->err), ==, 1);
  if (!g_str_has_prefix (run->err, start))
    g_error ("“%s” does not start with “%s”", run->err, start);
}

static void
import_fixture (Fixture    *fixture,
                const char *name,
                const char *expected_id)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *path = fixture_path (name);
  g_autofree char *line = g_strconcat (expected_id, "\n", NULL);

  run_db (fixture, &run, NULL, (const char *[]) { "import", path, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, line);
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  /* whitespace-text.json: text is stored and exported as given, white space alone too. */
  const char *names[] = { "example.json", "every-field.json", "whitespace-text.json" };

  import_fixture (fixture, "example.json", "1");
  import_fixture (fixture, "every-field.json", "2");
  import_fixture (fixture, "whitespace-text.json", "3");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(CrepitusRun) run = { 0 };
      g_autofree char *id = g_strdup_printf ("%u", i + 1);
      g_autofree char *text = crepitus_test_fixture_text (names[i]);
      json_t *a, *b;

      run_db (fixture, &run, NULL, (const char *[]) { "export", id, NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      a = json_loads (text, 0, NULL);
      b = json_loads (run.out, 0, NULL);
      g_assert_true (json_equal (a, b));
      json_decref (a);
      json_decref (b);
      g_assert_cmpstr (run.out, ==, text);
    }
}

static void
test_import_stdin (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *text = crepitus_test_fixture_text ("example.json");

  run_db (fixture, &run, text, (const char *[]) { "import", "-", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1\n");
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_auto(CrepitusRun) json_run = { 0 };
  const char *minimal =
    "{\"format\": \"crepitus-assessment\", \"version\": 1,"
    " \"patient\": {\"family_name\": \"Tab\\there\"}, \"assessment\": {\"date\": \"2026-01-01\"}}";
  json_t *array;

  import_fixture (fixture, "example.json", "1");
  {
    g_auto(CrepitusRun) imported = { 0 };

    run_db (fixture, &imported, minimal, (const char *[]) { "import", "-", NULL });
    g_assert_cmpstr (imported.out, ==, "2\n");
  }

  run_db (fixture, &run, NULL, (const char *[]) { "list", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "1\tGarcía\tLucía\t1984-03-12\tA-1001\n"
                   "2\tTab here\t\t\t\n");

  run_db (fixture, &json_run, NULL, (const char *[]) { "list", "--json", NULL });
  g_assert_cmpint (json_run.status, ==, 0);
  array = json_loads (json_run.out, 0, NULL);
  g_assert_true (json_is_array (array));
  g_assert_cmpuint (json_array_size (array), ==, 2);
  g_assert_cmpint (json_integer_value (json_object_get (json_array_get (array, 0), "id")), ==, 1);
  g_assert_cmpstr (json_string_value (json_object_get (json_array_get (array, 0), "mrn")), ==,
                   "A-1001");
  g_assert_cmpstr (json_string_value (json_object_get (json_array_get (array, 1), "family_name")),
                   ==, "Tab\there");
  g_assert_null (json_object_get (json_array_get (array, 1), "given_name"));
  json_decref (array);
}

static void
test_history_and_triage (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_auto(CrepitusRun) json_run = { 0 };
  g_auto(CrepitusRun) stored = { 0 };
  g_auto(CrepitusRun) from_file = { 0 };
  g_autofree char *full = fixture_path ("every-field.json");
  g_autofree char *earlier = NULL;
  json_t *array;

  import_fixture (fixture, "example.json", "1");
  /* The same patient, an earlier visit with a red flag. */
  {
    g_autofree char *text = crepitus_test_fixture_text ("example.json");
    g_auto(CrepitusRun) imported = { 0 };
    GString *s = g_string_new (text);

    g_string_replace (s, "\"2026-11-20\"", "\"2025-02-03\"", 1);
    g_string_replace (s, "\"history\":", "\"red_flags\": [\"fever\"],\n    \"history\":", 1);
    earlier = g_string_free (s, FALSE);
    run_db (fixture, &imported, earlier, (const char *[]) { "import", "-", NULL });
    g_assert_cmpstr (imported.err, ==, "");
    g_assert_cmpstr (imported.out, ==, "2\n");
  }

  run_db (fixture, &run, NULL, (const char *[]) { "history", "1", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "2\t2025-02-03\tA. Clinician\turgent\tunsigned\t0\t4\t\t\n"
                   "1\t2026-11-20\tA. Clinician\tbenign\tunsigned\t0\t4\t\t\n");

  run_db (fixture, &json_run, NULL, (const char *[]) { "history", "--json", "1", NULL });
  g_assert_cmpint (json_run.status, ==, 0);
  array = json_loads (json_run.out, 0, NULL);
  g_assert_cmpuint (json_array_size (array), ==, 2);
  g_assert_cmpstr (json_string_value (json_object_get (json_array_get (array, 0), "level")), ==,
                   "urgent");
  g_assert_cmpstr (json_string_value (json_object_get (json_array_get (array, 1), "date")), ==,
                   "2026-11-20");
  json_decref (array);

  /* triage --id agrees with triage FILE. */
  import_fixture (fixture, "every-field.json", "3");
  run_db (fixture, &stored, NULL, (const char *[]) { "triage", "--id", "3", NULL });
  g_assert_cmpint (stored.status, ==, 0);
  crepitus_run (&from_file, NULL, (const char *[]) { "triage", full, NULL });
  g_assert_cmpint (from_file.status, ==, 0);
  g_assert_cmpstr (stored.out, ==, from_file.out);
  g_assert_true (g_str_has_prefix (stored.out, "{\"level\": \"emergency\""));
}

/* A visit of example.json's patient on @date with NPRS @nprs (-1: not asked) and, when
 * @measures is not %NULL, those measures (JSON). */
static void
import_visit (Fixture    *fixture,
              const char *date,
              int         nprs,
              const char *measures,
              const char *expected_id)
{
  g_autofree char *text = crepitus_test_fixture_text ("example.json");
  g_autofree char *line = g_strconcat (expected_id, "\n", NULL);
  g_auto(CrepitusRun) run = { 0 };
  json_t *document = json_loads (text, 0, NULL);
  json_t *assessment = json_object_get (document, "assessment");
  char *dumped;

  json_object_set_new (assessment, "date", json_string (date));
  if (nprs >= 0)
    json_object_set_new (assessment, "pain_score", json_integer (nprs));
  else
    json_object_del (assessment, "pain_score");
  if (measures != NULL)
    json_object_set_new (assessment, "measures", json_loads (measures, 0, NULL));
  else
    json_object_del (assessment, "measures");
  dumped = json_dumps (document, 0);
  run_db (fixture, &run, dumped, (const char *[]) { "import", "-", NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, line);
  free (dumped);
  json_decref (document);
}

/* The score columns of `crepitus history` and, in --json, the NPRS change from the visit
 * before and whether it is clinically important: as the window and the summary's chart. */
static void
test_history_scores (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(CrepitusRun) in_error = { 0 };
  g_auto(CrepitusRun) run = { 0 };
  g_auto(CrepitusRun) json_run = { 0 };
  g_auto(GStrv) lines = NULL;
  json_t *array;
  static const char * const columns[][4] = {
    { "7", "52", "high", "5" },
    { "6", "40", "", "" },
    { "3", "20", "", "" },
    { "", "", "", "" },
    { "5", "", "", "" },
  };

  import_visit (fixture, "2026-01-05", 7,
                "{\"odi\": [3, 3, 2, 3, 2, 3, 2, 2, 3, 3], "
                "\"start_back\": {\"items\": [1, 1, 1, 1, 1, 1, 1, 0], "
                "\"bothersomeness\": \"extremely\"}, "
                "\"beighton\": [true, true, true, true, true, false, false, false, false]}", "1");
  import_visit (fixture, "2026-02-02", 6, "{\"odi\": [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]}", "2");
  import_visit (fixture, "2026-02-20", 0, NULL, "3");
  import_visit (fixture, "2026-03-02", 3, "{\"odi\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}", "4");
  import_visit (fixture, "2026-04-06", -1, NULL, "5");
  import_visit (fixture, "2026-05-04", 5, NULL, "6");
  run_db (fixture, &in_error, NULL,
          (const char *[]) { "--clinician", "Dr Marker", "entered-in-error", "3", NULL });
  g_assert_cmpint (in_error.status, ==, 0);

  run_db (fixture, &run, NULL, (const char *[]) { "history", "1", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (columns) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      /* id, date, clinician, level, status, then NPRS, ODI %, STarT Back risk, Beighton. */
      g_assert_cmpuint (g_strv_length (fields), ==, 9);
      g_assert_cmpstr (fields[1], !=, "2026-02-20");
      for (guint c = 0; c < 4; c++)
        g_assert_cmpstr (fields[5 + c], ==, columns[i][c]);
    }

  run_db (fixture, &json_run, NULL, (const char *[]) { "history", "--json", "1", NULL });
  g_assert_cmpint (json_run.status, ==, 0);
  array = json_loads (json_run.out, 0, NULL);
  g_assert_cmpuint (json_array_size (array), ==, 5);
  {
    json_t *first = json_array_get (array, 0);
    json_t *second = json_array_get (array, 1);
    json_t *third = json_array_get (array, 2);
    json_t *unasked = json_array_get (array, 3);
    json_t *last = json_array_get (array, 4);

    g_assert_cmpint (json_integer_value (json_object_get (first, "nprs")), ==, 7);
    g_assert_cmpint (json_integer_value (json_object_get (first, "odi")), ==, 52);
    g_assert_cmpstr (json_string_value (json_object_get (first, "start_back")), ==, "high");
    g_assert_cmpint (json_integer_value (json_object_get (first, "beighton")), ==, 5);
    g_assert_null (json_object_get (first, "nprs_change"));
    g_assert_cmpint (json_integer_value (json_object_get (second, "nprs_change")), ==, -1);
    g_assert_true (json_is_false (json_object_get (second, "nprs_important")));
    /* Against the visit before, not the one entered in error. */
    g_assert_cmpint (json_integer_value (json_object_get (third, "id")), ==, 4);
    g_assert_cmpint (json_integer_value (json_object_get (third, "nprs_change")), ==, -3);
    g_assert_true (json_is_true (json_object_get (third, "nprs_important")));
    g_assert_null (json_object_get (unasked, "nprs"));
    g_assert_null (json_object_get (unasked, "nprs_important"));
    g_assert_cmpint (json_integer_value (json_object_get (last, "nprs_change")), ==, 2);
    g_assert_true (json_is_true (json_object_get (last, "nprs_important")));
    g_assert_null (json_object_get (last, "odi"));
  }
  json_decref (array);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *example = fixture_path ("example.json");
  g_autofree char *db_prefix = g_strconcat (fixture->db, ": ", NULL);

  import_fixture (fixture, "example.json", "1");

  {
    g_auto(CrepitusRun) run = { 0 };

    run_db (fixture, &run, NULL, (const char *[]) { "export", "99", NULL });
    assert_error_line (&run, 1, db_prefix);
    g_assert_nonnull (strstr (run.err, "no assessment 99"));
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    run_db (fixture, &run, NULL, (const char *[]) { "history", "42", NULL });
    assert_error_line (&run, 1, db_prefix);
    g_assert_nonnull (strstr (run.err, "no patient 42"));
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    run_db (fixture, &run, NULL, (const char *[]) { "triage", "--id", "7", NULL });
    assert_error_line (&run, 1, db_prefix);
  }
  /* Wrong usage. */
  {
    const char *const *usages[] = {
      (const char *[]) { "export", NULL },
      (const char *[]) { "export", "abc", NULL },
      (const char *[]) { "export", "0", NULL },
      (const char *[]) { "export", "1", "2", NULL },
      (const char *[]) { "history", NULL },
      (const char *[]) { "history", "--csv", "1", NULL },
      (const char *[]) { "list", "extra", NULL },
      (const char *[]) { "import", NULL },
      (const char *[]) { "triage", "--id", "1", example, NULL },
      (const char *[]) { "triage", "--id", "one", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (usages); i++)
      {
        g_auto(CrepitusRun) run = { 0 };

        run_db (fixture, &run, NULL, usages[i]);
        assert_error_line (&run, 2, "crepitus ");
      }
  }
  /* An invalid document: its path and the field, and nothing stored. */
  {
    g_auto(CrepitusRun) run = { 0 };
    g_auto(CrepitusRun) list = { 0 };
    g_autofree char *bad = g_build_filename (fixture->tmpdir, "bad.json", NULL);
    g_autofree char *text = crepitus_test_fixture_text ("every-field.json");
    g_autofree char *start = g_strconcat (bad, ": assessment.measures.odi[4]: ", NULL);
    GString *s = g_string_new (text);

    g_string_replace (s, "        5,\n", "        6,\n", 1);
    g_file_set_contents (bad, s->str, -1, NULL);
    g_string_free (s, TRUE);
    run_db (fixture, &run, NULL, (const char *[]) { "import", bad, NULL });
    assert_error_line (&run, 1, start);

    run_db (fixture, &list, NULL, (const char *[]) { "list", NULL });
    g_assert_cmpuint (crepitus_count_lines (list.out), ==, 1);
  }
  /* A conflict with the stored patient names the field. */
  {
    g_auto(CrepitusRun) run = { 0 };
    g_autofree char *text = crepitus_test_fixture_text ("example.json");
    GString *s = g_string_new (text);

    g_string_replace (s, "1984-03-12", "1984-03-21", 1);
    run_db (fixture, &run, s->str, (const char *[]) { "import", "-", NULL });
    g_string_free (s, TRUE);
    assert_error_line (&run, 1, "-: patient.birth_date: 1984-03-21 differs from the stored "
                                "patient 1 (1984-03-12)");
  }
  {
    g_auto(CrepitusRun) run = { 0 };
    g_autofree char *missing = g_build_filename (fixture->tmpdir, "missing.json", NULL);
    g_autofree char *start = g_strconcat (missing, ": ", NULL);

    run_db (fixture, &run, NULL, (const char *[]) { "import", missing, NULL });
    assert_error_line (&run, 1, start);
  }
  /* --db on a file that is not a database. */
  {
    g_auto(CrepitusRun) run = { 0 };
    g_autofree char *start = g_strconcat (example, ": ", NULL);

    crepitus_run (&run, NULL, (const char *[]) { "--db", example, "list", NULL });
    assert_error_line (&run, 1, start);
    g_assert_nonnull (strstr (run.err, "not a Crepitus database"));
  }
}

static void
test_default_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *folder = g_build_filename (fixture->tmpdir, "crepitus", NULL);
  g_autofree char *db = g_build_filename (folder, "crepitus.db", NULL);
  g_autofree char *example = fixture_path ("example.json");
  g_autofree char *old = g_strdup (g_getenv ("XDG_DATA_HOME"));
  GStatBuf st;

  g_setenv ("XDG_DATA_HOME", fixture->tmpdir, TRUE);
  crepitus_run (&run, NULL, (const char *[]) { "import", example, NULL });
  if (old != NULL)
    g_setenv ("XDG_DATA_HOME", old, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "1\n");
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* `crepitus check` reads every page; opening alone does not. */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_auto(CrepitusRun) damaged = { 0 };
  g_autofree char *start = g_strconcat (fixture->db, ": ", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  import_fixture (fixture, "example.json", "1");
  import_fixture (fixture, "every-field.json", "2");
  run_db (fixture, &run, NULL, (const char *[]) { "check", NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok\n");

  /* Every page after the first two overwritten: found, naming the file, in one line. */
  g_assert_true (g_file_get_contents (fixture->db, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 3 * 4096);
  for (gsize i = 2 * 4096; i < length; i++)
    contents[i] = (char) (0xA5 ^ (i & 0xff));
  g_assert_true (g_file_set_contents (fixture->db, contents, length, NULL));
  run_db (fixture, &damaged, NULL, (const char *[]) { "check", NULL });
  assert_error_line (&damaged, 1, start);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crepitus/cli/store/" path, Fixture, NULL, crepitus_test_db_set_up, func, \
              crepitus_test_db_tear_down)

  ADD ("import-export", test_import_export);
  ADD ("import-stdin", test_import_stdin);
  ADD ("list", test_list);
  ADD ("history-and-triage", test_history_and_triage);
  ADD ("history-scores", test_history_scores);
  ADD ("errors", test_errors);
  ADD ("default-database", test_default_database);
  ADD ("check", test_check);
#undef ADD

  return g_test_run ();
}
