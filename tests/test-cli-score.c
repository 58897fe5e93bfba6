/* test-cli-score.c — `crepitus score ID`: the computed scores of a stored assessment, plain
 * and --json, and the errors */
#include "config.h"

#include <gio/gio.h>
#include <jansson.h>

#include "crepitus-test-util.h"

typedef CrepitusTestDb Fixture;

/* Pain 4; ODI 12 of 45 (one unanswered); STarT Back 5, subscale 4; Beighton 5 at age 42; a
 * positive slump and Trendelenburg. */
static const char document[] =
  "{\"format\": \"crepitus-assessment\", \"version\": 1,"
  " \"patient\": {\"family_name\": \"García\", \"birth_date\": \"1984-03-12\"},"
  " \"assessment\": {\"date\": \"2026-11-20\", \"pain_score\": 4,"
  "  \"measures\": {\"odi\": [0, 2, 1, null, 3, 2, 1, 0, 2, 1],"
  "   \"start_back\": {\"items\": [1, 0, 0, 0, 1, 1, 1, 0], \"bothersomeness\": \"very-much\"},"
  "   \"beighton\": [true, true, true, true, false, false, false, false, true],"
  "   \"tests\": {\"slump\": {\"result\": \"positive\", \"side\": \"left\"},"
  "             \"faber\": {\"result\": \"negative\", \"side\": \"both\"},"
  "             \"trendelenburg\": {\"result\": \"positive\", \"side\": \"right\"}}}}}";

/* Two sections unanswered, item 9 left out, nothing else. */
static const char unscored[] =
  "{\"format\": \"crepitus-assessment\", \"version\": 1,"
  " \"patient\": {\"family_name\": \"Nowak\"},"
  " \"assessment\": {\"date\": \"2026-11-20\","
  "  \"measures\": {\"odi\": [0, 2, null, null, 3, 2, 1, 0, 2, 1],"
  "   \"start_back\": {\"items\": [1, 0, 0, 0, 1, 1, 1, 0]},"
  "   \"beighton\": [true, true, true, true, true, false, false, false, false]}}}";

static void
run_db (Fixture            *fixture,
        CrepitusRun        *run,
        const char         *input,
        const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fixture->db);
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  crepitus_run (run, input, (const char * const *) argv->pdata);
}

static void
import (Fixture    *fixture,
        const char *text,
        const char *expected_id)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *line = g_strconcat (expected_id, "\n", NULL);

  run_db (fixture, &run, text, (const char *[]) { "import", "-", NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, line);
}

static void
test_plain (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };

  import (fixture, document, "1");
  run_db (fixture, &run, NULL, (const char *[]) { "score", "1", NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "1\tnprs\t4\n"
                   "1\todi\t27\tmoderate\t1\n"
                   "1\tstart_back\t5\thigh\t4\n"
                   "1\tbeighton\t5\thypermobile\t5\n"
                   "1\tsuggestion\tligament-elasticity\thypermobility\n"
                   "1\tsuggestion\tnerve-impingement\t\n"
                   "1\tsuggestion\tmuscle-imbalances\tweak-gluteus-medius\n");
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  json_error_t json_error;
  json_t *root, *expected;

  import (fixture, document, "1");
  run_db (fixture, &run, NULL, (const char *[]) { "score", "--json", "1", NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  root = json_loads (run.out, 0, &json_error);
  g_assert_nonnull (root);
  expected = json_loads ("{\"id\": 1, \"nprs\": 4,"
                         " \"odi\": {\"scored\": true, \"percent\": 27, \"band\": \"moderate\","
                         "          \"unanswered\": 1},"
                         " \"start_back\": {\"scored\": true, \"total\": 5, \"psychosocial\": 4,"
                         "                 \"risk\": \"high\"},"
                         " \"beighton\": {\"total\": 5, \"age\": 42, \"threshold\": 5,"
                         "               \"hypermobile\": true},"
                         " \"suggestions\": ["
                         "  {\"factor\": \"ligament-elasticity\", \"finding\": \"hypermobility\"},"
                         "  {\"factor\": \"nerve-impingement\"},"
                         "  {\"factor\": \"muscle-imbalances\", \"finding\": \"weak-gluteus-medius\"}]}",
                         0, &json_error);
  g_assert_nonnull (expected);
  if (!json_equal (root, expected))
    g_error ("unexpected scores: %s", run.out);
  json_decref (root);
  json_decref (expected);
}

/* Recorded but not scored: said so, never guessed; the adult threshold without a birth date. */
static void
test_not_scored (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  g_auto(CrepitusRun) json_run = { 0 };
  json_error_t json_error;
  json_t *root;

  import (fixture, unscored, "1");
  run_db (fixture, &run, NULL, (const char *[]) { "score", "1", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "1\todi\t\tnot-scored\t2\n"
                   "1\tstart_back\t\tnot-scored\t\n"
                   "1\tbeighton\t5\thypermobile\t5\n"
                   "1\tsuggestion\tligament-elasticity\thypermobility\n");

  run_db (fixture, &json_run, NULL, (const char *[]) { "score", "1", "--json", NULL });
  root = json_loads (json_run.out, 0, &json_error);
  g_assert_nonnull (root);
  g_assert_true (json_is_false (json_object_get (json_object_get (root, "odi"), "scored")));
  g_assert_null (json_object_get (json_object_get (root, "odi"), "percent"));
  g_assert_true (json_is_null (json_object_get (json_object_get (root, "beighton"), "age")));
  g_assert_null (json_object_get (root, "nprs"));
  json_decref (root);
}

/* `crepitus export` gives the measures as recorded, not their scores. */
static void
test_export_as_recorded (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(CrepitusRun) run = { 0 };
  json_error_t json_error;
  json_t *exported, *original;

  import (fixture, document, "1");
  run_db (fixture, &run, NULL, (const char *[]) { "export", "1", NULL });
  g_assert_cmpint (run.status, ==, 0);
  exported = json_loads (run.out, 0, &json_error);
  original = json_loads (document, 0, &json_error);
  g_assert_nonnull (exported);
  g_assert_nonnull (original);
  g_assert_true (json_equal (json_object_get (json_object_get (exported, "assessment"), "measures"),
                             json_object_get (json_object_get (original, "assessment"), "measures")));
  g_assert_null (strstr (run.out, "percent"));
  g_assert_null (strstr (run.out, "risk"));
  json_decref (exported);
  json_decref (original);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(CrepitusRun) missing = { 0 };
  g_auto(CrepitusRun) usage = { 0 };
  g_auto(CrepitusRun) bad_id = { 0 };

  import (fixture, document, "1");
  run_db (fixture, &missing, NULL, (const char *[]) { "score", "99", NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_cmpuint (crepitus_count_lines (missing.err), ==, 1);
  g_assert_nonnull (strstr (missing.err, "99"));

  run_db (fixture, &usage, NULL, (const char *[]) { "score", NULL });
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_cmpuint (crepitus_count_lines (usage.err), ==, 1);

  run_db (fixture, &bad_id, NULL, (const char *[]) { "score", "twelve", NULL });
  g_assert_cmpint (bad_id.status, ==, 2);
  g_assert_cmpuint (crepitus_count_lines (bad_id.err), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crepitus/cli/score/" path, Fixture, NULL, crepitus_test_db_set_up, func, \
              crepitus_test_db_tear_down)
  ADD ("plain", test_plain);
  ADD ("json", test_json);
  ADD ("not-scored", test_not_scored);
  ADD ("export-as-recorded", test_export_as_recorded);
  ADD ("errors", test_errors);
#undef ADD

  return g_test_run ();
}
