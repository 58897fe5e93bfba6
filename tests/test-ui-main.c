/* test-ui-main.c — `crepitus` with no command loads the window module and opens the window */
#include "config.h"

#include <signal.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "crepitus-test-util.h"

static void
test_opens_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crepitus-main-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "main.db", NULL);
  g_autoptr(GSubprocess) process = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("CREPITUS_BIN"),
                              "--db", db, "--clinician", "Dr. Test", NULL);
  g_assert_no_error (error);

  /* The application opens its database at startup, inside the module. */
  while (!g_file_test (db, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_usleep (20000);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  /* And keeps running with its window open. */
  g_usleep (300000);
  g_assert_nonnull (g_subprocess_get_identifier (process));

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  crepitus_test_remove_tree (dir);
}

static void
test_missing_module (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_subprocess_launcher_setenv (launcher, "CREPITUS_WINDOW_MODULE", "/nonexistent/window.so", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("CREPITUS_BIN"), NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_true (g_str_has_prefix (err, "crepitus: "));
  g_assert_nonnull (strstr (err, "window"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crepitus/ui/main/opens-window", test_opens_window);
  g_test_add_func ("/crepitus/ui/main/missing-module", test_missing_module);

  return g_test_run ();
}
