/* test-cli-read-only.c — the commands that only read work on a database the user may read but
 * not write (nor its folder); the ones that write say so in one line */
#include "config.h"

#include <unistd.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "crepitus-test-util.h"

typedef struct
{
  char *tmpdir;
  char *bin;      /* a copy of crepitus that the other user may run */
  char *db;
  char *out_dir;  /* where the other user may write a backup */
} Fixture;

/* Runs crepitus on the fixture's database as a user who may read it but not write it: as
 * "nobody" when the tests run as root (root writes whatever the permissions say), else as
 * ourselves once the file and its folder are read-only. */
static void
run_as_reader (Fixture            *fixture,
               CrepitusRun        *run,
               const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (getuid () == 0)
    {
      g_ptr_array_add (args, (char *) "setpriv");
      g_ptr_array_add (args, (char *) "--reuid=nobody");
      g_ptr_array_add (args, (char *) "--regid=nogroup");
      g_ptr_array_add (args, (char *) "--clear-groups");
    }
  g_ptr_array_add (args, fixture->bin);
  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, fixture->db);
  for (gsize i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  if (run->status != 0)
    g_test_message ("%s", run->err);
}

static void
test_read_only_commands (void)
{
  Fixture fixture = { 0 };
  g_autofree char *document = crepitus_test_fixture_text ("example.json");
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  static const char * const readers[][4] = {
    { "list", NULL },
    { "export", "1", NULL },
    { "triage", "--id", "1", NULL },
    { "history", "1", NULL },
    { "audit", "1", NULL },
  };

  fixture.tmpdir = g_dir_make_tmp ("crepitus-read-only-XXXXXX", NULL);
  fixture.bin = g_build_filename (fixture.tmpdir, "crepitus", NULL);
  fixture.db = g_build_filename (fixture.tmpdir, "data", "crepitus.db", NULL);
  fixture.out_dir = g_build_filename (fixture.tmpdir, "out", NULL);
  backup = g_build_filename (fixture.out_dir, "backup.db", NULL);

  /* The database, made and closed as its owner. */
  {
    g_auto(CrepitusRun) run = { 0 };

    crepitus_run (&run, document, (const char *[]) { "--db", fixture.db, "import", "-", NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (g_getenv ("CREPITUS_BIN"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (fixture.bin, contents, length, NULL));
  g_assert_cmpint (g_mkdir (fixture.out_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (fixture.out_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (fixture.bin, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture.tmpdir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture.db, getuid () == 0 ? 0644 : 0444), ==, 0);
  {
    g_autofree char *data = g_path_get_dirname (fixture.db);

    g_assert_cmpint (g_chmod (data, 0555), ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_auto(CrepitusRun) run = { 0 };

      run_as_reader (&fixture, &run, readers[i]);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpstr (run.out, !=, "");
    }
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as_reader (&fixture, &run, (const char *[]) { "backup", backup, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  }
  /* Writing is refused in one line that says why. */
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as_reader (&fixture, &run, (const char *[]) { "--clinician", "Dr R", "sign", "1", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
    g_assert_nonnull (strstr (run.err, "cannot be written"));
  }

  {
    g_autofree char *data = g_path_get_dirname (fixture.db);

    g_chmod (data, 0700);
  }
  crepitus_test_remove_tree (fixture.tmpdir);
  g_free (fixture.tmpdir);
  g_free (fixture.bin);
  g_free (fixture.db);
  g_free (fixture.out_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crepitus/cli/read-only-commands", test_read_only_commands);
  return g_test_run ();
}
