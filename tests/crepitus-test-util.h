/* crepitus-test-util.h — running the crepitus binary from tests */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;   /* exit status */
  char *out;      /* standard output */
  char *err;      /* standard error */
} CrepitusRun;

static inline void
crepitus_run_clear (CrepitusRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrepitusRun, crepitus_run_clear)

/* Runs `crepitus ARGV…` with no display and no session bus, feeding @input on stdin, with
 * the variables of @env ("NAME=VALUE", may be %NULL) set for it. */
static inline void
crepitus_run_env (CrepitusRun        *run,
                  const char         *input,
                  const char * const *env,
                  const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *bin = g_getenv ("CREPITUS_BIN");

  g_assert_nonnull (bin);
  g_ptr_array_add (args, (char *) bin);
  for (gsize i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_unsetenv (launcher, "GSETTINGS_SCHEMA_DIR");
  for (gsize i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_assert_nonnull (pair[1]);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL,
                                 &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/* Runs `crepitus ARGV…` with no display and no session bus, feeding @input on stdin. */
static inline void
crepitus_run (CrepitusRun        *run,
              const char         *input,
              const char * const *argv)
{
  crepitus_run_env (run, input, NULL, argv);
}

/* Number of lines in @text (a final line without newline counts). */
static inline guint
crepitus_count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n' || p[1] == '\0')
      n++;
  return n;
}

/* Removes @path and everything below it (permissions are restored first). */
static inline void
crepitus_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          crepitus_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* The contents of tests/fixtures/@name. */
static inline char *
crepitus_test_fixture_text (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* A temporary folder and the path of a database in it, for tests of the command line. */
typedef struct
{
  char *tmpdir;
  char *db;
} CrepitusTestDb;

static inline void
crepitus_test_db_set_up (CrepitusTestDb *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("crepitus-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->tmpdir, "crepitus.db", NULL);
}

static inline void
crepitus_test_db_tear_down (CrepitusTestDb *fixture,
                            gconstpointer   data)
{
  crepitus_test_remove_tree (fixture->tmpdir);
  g_free (fixture->db);
  g_free (fixture->tmpdir);
}

G_END_DECLS
