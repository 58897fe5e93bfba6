/* crepitus-store-testing-pg.c — a PostgreSQL server of the tests' own, and hooks into the
 * PostgreSQL backend for tests and benchmarks
 *
 * The server: initdb and pg_ctl of PostgreSQL 15 in a new temporary folder, listening on a
 * Unix socket in that folder only (listen_addresses = ''), trusting its local users, run as
 * nobody when the tests run as root (PostgreSQL refuses to run as root; CI runs as root). A
 * reaper process, in a session of its own, waits on a pipe that only this process holds: when
 * the process ends, however it ends (a failed assertion aborts it; meson may kill it), the
 * pipe closes and the reaper stops the server and removes the folder. A normal exit waits for
 * the reaper, so no server outlives the test.
 *
 * The only SQL built at run time here names databases (made of digits and a fixed prefix,
 * quoted with PQescapeIdentifier) and tables (from a fixed list); values are bound.
 */
#define G_LOG_DOMAIN "crepitus-store-testing"

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "crepitus-store-pg-private.h"
#include "crepitus-store-testing.h"

#define DEFAULT_BINDIR "/usr/lib/postgresql/15/bin"
#define SUPERUSER "crepitus"

static struct
{
  char     *root;        /* the temporary folder: data/, the socket, the log */
  char     *data;
  char     *bindir;
  gboolean  as_nobody;   /* run as root: the server runs as nobody */
  uid_t     uid;
  gid_t     gid;
  pid_t     reaper;
  int       reaper_fd;   /* the write end of the reaper's pipe; -1: none */
  guint     n_databases;
} server = { .reaper_fd = -1 };

/* Stops the server when the process ends, however it ends (see the top of the file). */
static const char reaper_script[] =
  "cat >/dev/null\n"
  "pid=$(head -n 1 \"$2/postmaster.pid\" 2>/dev/null)\n"
  "if [ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null; then\n"
  "  kill -QUIT \"$pid\"\n"
  "  i=0\n"
  "  while kill -0 \"$pid\" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done\n"
  "  kill -KILL \"$pid\" 2>/dev/null\n"
  "fi\n"
  "rm -rf \"$1\"\n";

/* Runs @argv (a program of the server's bin folder and its arguments) as the server's user,
 * failing the test with its output when it fails. */
static void
run_server_program (const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (server.as_nobody)
    {
      g_ptr_array_add (args, g_strdup ("setpriv"));
      g_ptr_array_add (args, g_strdup_printf ("--reuid=%u", (guint) server.uid));
      g_ptr_array_add (args, g_strdup_printf ("--regid=%u", (guint) server.gid));
      g_ptr_array_add (args, g_strdup ("--clear-groups"));
      g_ptr_array_add (args, g_strdup ("--"));
    }
  g_ptr_array_add (args, g_build_filename (server.bindir, argv[0], NULL));
  for (gsize i = 1; argv[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (argv[i]));
  g_ptr_array_add (args, NULL);

  if (!g_spawn_sync (server.root, (char **) args->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s\n%s", argv[0], error->message, out != NULL ? out : "");
}

static pid_t
postmaster_pid (void)
{
  g_autofree char *pid_file = g_build_filename (server.data, "postmaster.pid", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (pid_file, &contents, NULL, NULL))
    return -1;
  return (pid_t) g_ascii_strtoll (contents, NULL, 10);
}

static void
start_postmaster (void)
{
  g_autofree char *log = g_build_filename (server.root, "server.log", NULL);

  run_server_program ((const char *[]) { "pg_ctl", "start", "-w", "-s", "-t", "120", "-D",
                                         server.data, "-l", log, NULL });
}

static void
stop_at_exit (void)
{
  if (server.reaper_fd < 0 || server.reaper <= 0)
    return;
  close (server.reaper_fd);
  server.reaper_fd = -1;
  /* Only the process that started the reaper waits for it (a forked child gets ECHILD). */
  waitpid (server.reaper, NULL, 0);
}

static void
start_reaper (void)
{
  int fds[2];
  pid_t pid;

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, NULL))
    g_error ("pipe: %s", g_strerror (errno));
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      /* Async-signal-safe calls only, until exec. */
      setsid ();
      dup2 (fds[0], 0);
      execl ("/bin/sh", "sh", "-c", reaper_script, "sh", server.root, server.data, (char *) NULL);
      _exit (127);
    }
  close (fds[0]);
  server.reaper = pid;
  server.reaper_fd = fds[1];
  atexit (stop_at_exit);
}

const char *
crepitus_test_pg_server_start (gboolean durable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *initdb = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *settings = NULL;
  const char *bindir = g_getenv ("CREPITUS_PG_BINDIR");

  if (server.root != NULL)
    return server.root;

  server.bindir = g_strdup (bindir != NULL ? bindir : DEFAULT_BINDIR);
  initdb = g_build_filename (server.bindir, "initdb", NULL);
  if (!g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is missing: install postgresql-15 (make deps does), or set CREPITUS_PG_BINDIR",
             initdb);

  {
    g_autofree char *made = g_dir_make_tmp ("crepitus-pg-XXXXXX", &error);

    g_assert_no_error (error);
    server.root = g_canonicalize_filename (made, NULL);
  }
  server.data = g_build_filename (server.root, "data", NULL);
  server.as_nobody = geteuid () == 0;
  if (server.as_nobody)
    {
      struct passwd *nobody = getpwnam ("nobody");
      struct group *nogroup = getgrnam ("nogroup");

      g_assert_nonnull (nobody);
      server.uid = nobody->pw_uid;
      server.gid = nogroup != NULL ? nogroup->gr_gid : nobody->pw_gid;
      g_assert_cmpint (chown (server.root, server.uid, server.gid), ==, 0);
    }
  /* From here on, whatever happens, the reaper removes the folder and stops the server. */
  start_reaper ();

  run_server_program ((const char *[]) { "initdb", "-D", server.data, "-U", SUPERUSER,
                                         "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8",
                                         "--no-sync", NULL });
  conf = g_build_filename (server.data, "postgresql.conf", NULL);
  settings = g_strdup_printf ("\n# crepitus tests\n"
                              "listen_addresses = ''\n"
                              "unix_socket_directories = '%s'\n"
                              "unix_socket_permissions = 0700\n"
                              "max_connections = 60\n"
                              "fsync = %s\n"
                              "full_page_writes = %s\n"
                              "shared_buffers = %s\n"
                              "log_min_messages = warning\n",
                              server.root, durable ? "on" : "off", durable ? "on" : "off",
                              durable ? "256MB" : "32MB");
  {
    g_autofree char *contents = NULL;
    g_autofree char *all = NULL;

    g_file_get_contents (conf, &contents, NULL, &error);
    g_assert_no_error (error);
    all = g_strconcat (contents, settings, NULL);
    /* Written in place: the file stays the server user's. */
    g_file_set_contents_full (conf, all, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
    g_assert_no_error (error);
  }
  start_postmaster ();
  g_test_message ("PostgreSQL test server in %s", server.root);
  return server.root;
}

const char *
crepitus_test_pg_server (void)
{
  return crepitus_test_pg_server_start (FALSE);
}

void
crepitus_test_pg_server_kill (void)
{
  pid_t pid = postmaster_pid ();

  g_assert_cmpint (pid, >, 0);
  /* An immediate shutdown: no checkpoint, crash recovery on the next start. */
  g_assert_cmpint (kill (pid, SIGQUIT), ==, 0);
  for (guint i = 0; i < 400 && kill (pid, 0) == 0; i++)
    g_usleep (25 * 1000);
  g_assert_cmpint (kill (pid, 0), !=, 0);
}

void
crepitus_test_pg_server_restart (void)
{
  start_postmaster ();
}

static PGconn *
connect_maintenance (void)
{
  const char * const keywords[] = { "host", "dbname", "user", NULL };
  const char * const values[] = { crepitus_test_pg_server (), "postgres", SUPERUSER, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, 0);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("the test server: %s", PQerrorMessage (conn));
  return conn;
}

/* Runs "@command NAME@tail" on the server's maintenance database. */
static void
exec_maintenance (const char *command,
                  const char *name,
                  const char *tail)
{
  PGconn *conn = connect_maintenance ();
  char *quoted = PQescapeIdentifier (conn, name, strlen (name));
  g_autofree char *sql = g_strconcat (command, " ", quoted, tail, NULL);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfreemem (quoted);
  PQfinish (conn);
}

char *
crepitus_test_pg_new_database (void)
{
  g_autofree char *name = g_strdup_printf ("crepitus_test_%u_%u", (guint) getpid (),
                                           ++server.n_databases);

  exec_maintenance ("CREATE DATABASE", name, "");
  return g_strdup_printf ("postgresql:///%s?host=%s&user=" SUPERUSER, name,
                          crepitus_test_pg_server ());
}

void
crepitus_test_pg_drop_database (const char *uri)
{
  const char *start = strstr (uri, ":///");
  g_autofree char *name = NULL;

  g_return_if_fail (start != NULL);
  start += strlen (":///");
  name = g_strndup (start, strcspn (start, "?"));
  exec_maintenance ("DROP DATABASE", name, " WITH (FORCE)");
}

/* Hooks into the PostgreSQL backend */

gboolean
crepitus_store_testing_is_pg (CrepitusStore *self)
{
  return g_str_equal (crepitus_store_get_backend_name (self), "postgresql");
}

gint64
crepitus_store_testing_pg_count_rows (CrepitusStore *self,
                                      const char    *table)
{
  static const char * const tables[] = { "patients", "assessments", "factors", "audit",
                                         "patient_search" };
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (table, tables[i]))
      {
        if (!crepitus_pg_query_int (crepitus_store_get_db (self),
                                    crepitus_sql ("SELECT count(*) FROM ", tables[i], NULL),
                                    NULL, &count, &error))
          g_error ("%s", error->message);
        return count;
      }
  g_return_val_if_reached (-1);
}

gint64
crepitus_store_testing_pg_version (const char *uri)
{
  g_autoptr(CrepitusStoreDb) db = crepitus_pg_connect (uri, TRUE, NULL);
  gint64 version = -1;

  if (db == NULL || !crepitus_pg_read_version (db, &version, NULL))
    return -1;
  return version;
}

gboolean
crepitus_store_testing_pg_create_at (const char  *uri,
                                     guint        version,
                                     GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = crepitus_pg_connect (uri, FALSE, error);

  return db != NULL && crepitus_pg_migrate (db, 0, version, TRUE, error);
}

gboolean
crepitus_store_testing_pg_set_version (const char  *uri,
                                       guint        version,
                                       GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = crepitus_pg_connect (uri, FALSE, error);
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  if (db == NULL)
    return FALSE;
  crepitus_pg_add_int (&params, version);
  result = crepitus_pg_exec (db, "UPDATE crepitus_schema SET version = $1", &params, error);
  return result != NULL;
}

gboolean
crepitus_store_testing_pg_exec (CrepitusStore  *self,
                                const char     *sql,
                                GError        **error)
{
  return crepitus_pg_exec_simple (crepitus_store_get_db (self), sql, error);
}

gint64
crepitus_store_testing_pg_database_size (CrepitusStore *self)
{
  gint64 size = -1;

  if (!crepitus_pg_query_int (crepitus_store_get_db (self),
                              "SELECT pg_database_size (current_database ())", NULL, &size, NULL))
    return -1;
  return size;
}

gboolean
crepitus_store_testing_pg_exec_id (CrepitusStore  *self,
                                   const char     *sql,
                                   gint64          id,
                                   GError        **error)
{
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  crepitus_pg_add_int (&params, id);
  result = crepitus_pg_exec (crepitus_store_get_db (self), sql, &params, error);
  return result != NULL;
}

gboolean
crepitus_store_testing_pg_begin_bulk (CrepitusStore  *self,
                                      GError        **error)
{
  CrepitusStoreDb *db = crepitus_store_get_db (self);

  g_return_val_if_fail (!db->bulk, FALSE);
  if (!crepitus_pg_exec_simple (db, "BEGIN", error))
    return FALSE;
  db->in_transaction = TRUE;
  db->bulk = TRUE;
  return TRUE;
}

gboolean
crepitus_store_testing_pg_end_bulk (CrepitusStore  *self,
                                    GError        **error)
{
  CrepitusStoreDb *db = crepitus_store_get_db (self);

  g_return_val_if_fail (db->bulk, FALSE);
  db->bulk = FALSE;
  db->in_transaction = FALSE;
  return crepitus_pg_exec_simple (db, "COMMIT", error);
}

void
crepitus_store_testing_pg_set_lock_timeout (CrepitusStore *self,
                                            int            milliseconds)
{
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) error = NULL;

  crepitus_pg_add_int (&params, milliseconds);
  result = crepitus_pg_exec (crepitus_store_get_db (self),
                             "SELECT set_config ('lock_timeout', $1 || 'ms', false)", &params,
                             &error);
  g_assert_no_error (error);
}
