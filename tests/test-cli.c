/* test-cli.c — the command line: help, version, usage errors, no display needed */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "crepitus-test-util.h"

static void
test_help_without_display (void)
{
  g_auto(CrepitusRun) run = { 0 };

  crepitus_run (&run, NULL, (const char *[]) { "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (strstr (run.out, "Usage:") != NULL);
  g_assert_true (strstr (run.out, "--db") != NULL);
  g_assert_true (strstr (run.out, "opens its window") != NULL);
  g_assert_true (strstr (run.out, "\n  check ") != NULL);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_version (void)
{
  g_auto(CrepitusRun) run = { 0 };

  crepitus_run (&run, NULL, (const char *[]) { "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "crepitus " PACKAGE_VERSION "\n");
}

static void
test_unknown_command (void)
{
  g_auto(CrepitusRun) run = { 0 };

  crepitus_run (&run, NULL, (const char *[]) { "frobnicate", "x", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
  g_assert_true (strstr (run.err, "frobnicate") != NULL);
}

static void
test_unknown_option (void)
{
  g_auto(CrepitusRun) run = { 0 };

  crepitus_run (&run, NULL, (const char *[]) { "--frobnicate", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
  g_assert_true (strstr (run.err, "--frobnicate") != NULL);
}

static void
test_option_without_argument (void)
{
  g_auto(CrepitusRun) run = { 0 };

  crepitus_run (&run, NULL, (const char *[]) { "--db", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
}

/* Without its PostgreSQL module (a package without it) a server's location is refused in one
 * line naming it, without a password, and nothing else changes: files still work. */
static void
test_no_pg_module (void)
{
  g_auto(CrepitusRun) run = { 0 };
  g_auto(CrepitusRun) version = { 0 };
  const char * const env[] = { "CREPITUS_PG_MODULE=/nonexistent/libcrepitus-store-pg.so", NULL };

  crepitus_run_env (&run, NULL, env, (const char *[]) {
    "--db", "postgresql://crepitus@clinic-server/crepitus", "list", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "postgresql://crepitus@clinic-server/crepitus"));
  g_assert_nonnull (strstr (run.err, "without PostgreSQL"));
  crepitus_run_env (&version, NULL, env, (const char *[]) { "--version", NULL });
  g_assert_cmpint (version.status, ==, 0);
}

/* An empty path and a URI other than postgresql:// are wrong usage, said in one line; no
 * file or folder appears (test-cli-pg.c: a server's URI). */
static void
test_db_not_a_path (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("crepitus-cli-XXXXXX", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  static const char * const values[] = { "", "mysql://clinic.example/crepitus" };

  g_assert_cmpint (g_chdir (tmpdir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_auto(CrepitusRun) run = { 0 };
      g_autoptr(GDir) dir = NULL;

      crepitus_run (&run, NULL, (const char *[]) { "--db", values[i], "list", NULL });
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
      g_assert_true (g_str_has_prefix (run.err, "crepitus: --db"));
      dir = g_dir_open (tmpdir, 0, NULL);
      g_assert_null (g_dir_read_name (dir));
    }
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

static void
test_triage_file (void)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "example.json", NULL);

  crepitus_run (&run, NULL, (const char *[]) { "triage", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "{\"level\": \"benign\", \"reasons\": [], "
                                "\"recommendations\": [\"reassurance\", \"self-care\"], "
                                "\"not_asked\": [\"bilateral-neurological-symptoms\", "
                                "\"bladder-bowel-dysfunction\", \"cancer-history\", \"fever\", "
                                "\"immunosuppression\", \"iv-drug-use\", \"night-pain\", "
                                "\"progressive-weakness\", \"saddle-anaesthesia\", "
                                "\"sexual-dysfunction\", \"significant-trauma\", "
                                "\"steroid-use-osteoporosis\", \"unexplained-weight-loss\"]}\n");
}

static void
test_triage_stdin (void)
{
  g_auto(CrepitusRun) run = { 0 };
  const char *input = "{\"format\": \"crepitus-assessment\", \"version\": 1, "
                      "\"patient\": {\"family_name\": \"Nowak\"}, \"assessment\": "
                      "{\"date\": \"2026-01-05\", \"red_flags\": [\"cancer-history\"], "
                      "\"red_flags_absent\": [\"saddle-anaesthesia\", \"bladder-bowel-dysfunction\", "
                      "\"sexual-dysfunction\", \"bilateral-neurological-symptoms\", "
                      "\"progressive-weakness\", \"unexplained-weight-loss\", \"fever\", "
                      "\"significant-trauma\", \"immunosuppression\", \"iv-drug-use\"], "
                      "\"symptoms\": [\"weakness\"]}}";

  crepitus_run (&run, input, (const char *[]) { "triage", "-", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "{\"level\": \"emergency\", \"reasons\": [\"red-flag:cancer-history\", "
                                "\"symptom:weakness\"], \"recommendations\": [\"consider-imaging\", "
                                "\"emergency-care-now\"], \"not_asked\": [\"night-pain\", "
                                "\"steroid-use-osteoporosis\"]}\n");
}

static void
test_triage_invalid (void)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("crepitus-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  const char *input = "{\"format\": \"crepitus-assessment\", \"version\": 1, "
                      "\"patient\": {\"family_name\": \"Nowak\"}, \"assessment\": "
                      "{\"date\": \"2026-01-05\", \"symptoms\": [\"pain\", \"numb\"]}}";
  g_autofree char *expected = g_strdup_printf ("%s: assessment.symptoms[1]: unknown symptom \"numb\"\n",
                                               path);

  g_assert_true (g_file_set_contents (path, input, -1, NULL));
  crepitus_run (&run, NULL, (const char *[]) { "triage", path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_triage_syntax_error_stdin (void)
{
  g_auto(CrepitusRun) run = { 0 };

  crepitus_run (&run, "{\"format\": }", (const char *[]) { "triage", "-", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "-: line 1, column "));
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
}

/* What jansson refuses itself (CLINICAL.md §6: a value out of range, a NUL character in text,
 * a repeated key) names the path like any other error, keeping jansson's line and column: one
 * line, exit status 1, from triage and from import alike. */
static void
test_jansson_errors_name_the_path (void)
{
  static const struct
  {
    const char *assessment;   /* after the date */
    const char *expected;
  } cases[] = {
    { ", \"pain_score\": 99999999999999999999",
      "-: assessment.pain_score: line 1, column 154: a number is too large\n" },
    { ", \"pain_score\": 1e999",
      "-: assessment.pain_score: line 1, column 139: a number is too large\n" },
    { ", \"notes\": \"Pops\\u0000\"",
      "-: assessment.notes: line 1, column 141: a NUL character (\\u0000) is not allowed in text\n" },
    { ", \"notes\": \"a\", \"notes\": \"b\"",
      "-: assessment.notes: line 1, column 141: \"notes\" is listed twice\n" },
  };
  g_autofree char *tmpdir = g_dir_make_tmp ("crepitus-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (tmpdir, "crepitus.db", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input = g_strdup_printf ("{\"format\": \"crepitus-assessment\", "
                                                "\"version\": 1, \"patient\": {\"family_name\": "
                                                "\"Kim\"}, \"assessment\": {\"date\": "
                                                "\"2025-06-01\"%s}}", cases[i].assessment);
      g_auto(CrepitusRun) triage = { 0 };
      g_auto(CrepitusRun) import = { 0 };

      crepitus_run (&triage, input, (const char *[]) { "triage", "-", NULL });
      g_assert_cmpint (triage.status, ==, 1);
      g_assert_cmpstr (triage.out, ==, "");
      g_assert_cmpstr (triage.err, ==, cases[i].expected);

      crepitus_run (&import, input, (const char *[]) { "--db", db, "import", "-", NULL });
      g_assert_cmpint (import.status, ==, 1);
      g_assert_cmpstr (import.out, ==, "");
      g_assert_cmpstr (import.err, ==, cases[i].expected);
    }
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

static void
test_triage_missing_file (void)
{
  g_auto(CrepitusRun) run = { 0 };

  crepitus_run (&run, NULL, (const char *[]) { "triage", "/nonexistent/crepitus.json", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "/nonexistent/crepitus.json: "));
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
}

static void
test_triage_usage (void)
{
  const char *const *usages[] = {
    (const char *[]) { "triage", NULL },
    (const char *[]) { "triage", "a.json", "b.json", NULL },
    (const char *[]) { "triage", "--bogus", "a.json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usages); i++)
    {
      g_auto(CrepitusRun) run = { 0 };

      crepitus_run (&run, NULL, usages[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
    }
}

/* An import that fails into a database made for it leaves no file behind. */
static void
test_failed_first_import_leaves_nothing (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("crepitus-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (tmpdir, "new.db", NULL);
  g_auto(CrepitusRun) run = { 0 };
  g_autoptr(GDir) dir = NULL;

  crepitus_run (&run, "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": "
                      "{\"family_name\": \"Ng\"}, \"assessment\": {\"date\": \"2026-01-05\", "
                      "\"sound\": \"boom\"}}",
                (const char *[]) { "--db", db, "import", "-", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
  dir = g_dir_open (tmpdir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crepitus/cli/help-without-display", test_help_without_display);
  g_test_add_func ("/crepitus/cli/version", test_version);
  g_test_add_func ("/crepitus/cli/no-pg-module", test_no_pg_module);
  g_test_add_func ("/crepitus/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/crepitus/cli/db-not-a-path", test_db_not_a_path);
  g_test_add_func ("/crepitus/cli/failed-first-import-leaves-nothing",
                   test_failed_first_import_leaves_nothing);
  g_test_add_func ("/crepitus/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/crepitus/cli/option-without-argument", test_option_without_argument);

  g_test_add_func ("/crepitus/cli/triage/file", test_triage_file);
  g_test_add_func ("/crepitus/cli/triage/stdin", test_triage_stdin);
  g_test_add_func ("/crepitus/cli/triage/invalid", test_triage_invalid);
  g_test_add_func ("/crepitus/cli/triage/syntax-error-stdin", test_triage_syntax_error_stdin);
  g_test_add_func ("/crepitus/cli/triage/jansson-errors-name-the-path",
                   test_jansson_errors_name_the_path);
  g_test_add_func ("/crepitus/cli/triage/missing-file", test_triage_missing_file);
  g_test_add_func ("/crepitus/cli/triage/usage", test_triage_usage);

  return g_test_run ();
}
