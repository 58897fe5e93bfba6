/* test-cli.c — the command line: help, version, usage errors, no display needed */
#include "config.h"

#include <gio/gio.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crepitus/cli/help-without-display", test_help_without_display);
  g_test_add_func ("/crepitus/cli/version", test_version);
  g_test_add_func ("/crepitus/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/crepitus/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/crepitus/cli/option-without-argument", test_option_without_argument);

  return g_test_run ();
}
