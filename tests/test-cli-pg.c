/* test-cli-pg.c — the command line on a clinic's PostgreSQL server: --db and the database
 * setting, no password ever taken or printed, an unreachable server in one line, backup to an
 * SQLite file and restore into an empty server database */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "crepitus-store-testing.h"
#include "crepitus-test-util.h"

typedef struct
{
  char *dir;
  char *uri;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("crepitus-cli-pg-XXXXXX", NULL);
  f->uri = crepitus_test_pg_new_database ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  crepitus_test_pg_drop_database (f->uri);
  crepitus_test_remove_tree (f->dir);
  g_free (f->uri);
  g_free (f->dir);
}

/* Runs crepitus with --db @db and @argv, and checks it succeeded; its output. */
static char *
run_ok (const char         *db,
        const char         *input,
        const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(CrepitusRun) run = { 0 };

  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, (char *) db);
  g_ptr_array_add (args, (char *) "--clinician");
  g_ptr_array_add (args, (char *) "Dr Server");
  for (gsize i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  crepitus_run (&run, input, (const char * const *) args->pdata);
  if (run.status != 0)
    g_error ("crepitus %s: exit %d: %s", argv[0], run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  return g_steal_pointer (&run.out);
}

static gint64
import_example (const char *db)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "every-field.json",
                                                 NULL);
  g_autofree char *out = run_ok (db, NULL, (const char *[]) { "import", path, NULL });

  return g_ascii_strtoll (out, NULL, 10);
}

/* Import, list, export, sign and audit through a server, as through a file. */
static void
test_commands (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *fixture = crepitus_test_fixture_text ("every-field.json");
  g_autofree char *exported = NULL;
  g_autofree char *list = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *where = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *other_scheme = NULL;
  gint64 id = import_example (f->uri);

  g_assert_cmpint (id, >, 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  exported = run_ok (f->uri, NULL, (const char *[]) { "export", id_text, NULL });
  g_assert_cmpstr (exported, ==, fixture);
  list = run_ok (f->uri, NULL, (const char *[]) { "list", "--search", "kowal zof", NULL });
  g_assert_nonnull (strstr (list, "Nowak-Kowalska"));
  g_free (run_ok (f->uri, NULL, (const char *[]) { "sign", id_text, NULL }));
  audit = run_ok (f->uri, NULL, (const char *[]) { "audit", id_text, NULL });
  g_assert_nonnull (strstr (audit, "\tDr Server\tsign\tassessment\t"));

  /* The whole database checked: the server's guards and the search index. */
  {
    g_autofree char *check = run_ok (f->uri, NULL, (const char *[]) { "check", NULL });

    g_assert_cmpstr (check, ==, "ok\n");
  }

  /* Where it is connected, and the other scheme libpq takes. */
  where = run_ok (f->uri, NULL, (const char *[]) { "where", NULL });
  g_assert_true (g_str_has_prefix (where, f->uri));
  g_assert_true (g_str_has_suffix (where, "\tpostgresql\n"));
  other_scheme = g_strconcat ("postgres://", f->uri + strlen ("postgresql://"), NULL);
  g_free (list);
  list = run_ok (other_scheme, NULL, (const char *[]) { "list", NULL });
  g_assert_nonnull (strstr (list, "Nowak-Kowalska"));
}

/* A password is never taken from the command line, nor printed from anywhere. */
static void
test_no_password (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const refused[] = {
    "postgresql://crepitus:s3cret@localhost/crepitus",
    "postgresql:///crepitus?host=/tmp&password=s3cret",
    "postgres://crepitus:s3cret@localhost:5433/crepitus?sslmode=require",
    "postgresql:///crepitus?sslpassword=s3cret",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(CrepitusRun) run = { 0 };

      crepitus_run (&run, NULL, (const char *[]) { "--db", refused[i], "list", NULL });
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
      g_assert_null (strstr (run.err, "s3cret"));
      g_assert_nonnull (strstr (run.err, "~/.pgpass"));
      g_assert_cmpstr (run.out, ==, "");
    }
}

/* Another URI is no file name: wrong usage, and no folder named after it. */
static void
test_other_uri (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  static const char * const values[] = { "mysql://clinic.example/crepitus",
                                         "https://user:s3cret@clinic.example/x" };

  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_auto(CrepitusRun) run = { 0 };
      g_autoptr(GDir) dir = NULL;

      crepitus_run (&run, NULL, (const char *[]) { "--db", values[i], "list", NULL });
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
      g_assert_true (g_str_has_prefix (run.err, "crepitus: --db"));
      g_assert_null (strstr (run.err, "s3cret"));
      dir = g_dir_open (f->dir, 0, NULL);
      g_assert_null (g_dir_read_name (dir));
    }
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

/* A server that cannot be reached: one line that names its host and port. */
static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-server", NULL);
  g_autofree char *socket_uri = g_strdup_printf ("postgresql:///crepitus?host=%s&port=5499",
                                                 missing);
  const struct { const char *uri; const char *host; const char *port; } cases[] = {
    { socket_uri, missing, "5499" },
    { "postgresql://crepitus@127.0.0.1:1/crepitus", "127.0.0.1", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CrepitusRun) run = { 0 };
      g_autofree char *address = g_strdup_printf ("at %s, port %s", cases[i].host,
                                                  cases[i].port);

      crepitus_run (&run, NULL, (const char *[]) { "--db", cases[i].uri, "list", NULL });
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
      g_assert_true (g_str_has_prefix (run.err, cases[i].uri));
      g_assert_nonnull (strstr (run.err, address));
      g_assert_nonnull (strstr (run.err, "cannot be reached"));
    }
}

/* The database setting points the headless commands at the server too, schema installed. */
static void
test_setting (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *config = g_build_filename (f->dir, "config", NULL);
  g_autofree char *keyfile_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  g_autofree char *schema_env = g_strconcat ("GSETTINGS_SCHEMA_DIR=",
                                             g_getenv ("GSETTINGS_SCHEMA_DIR"), NULL);
  g_autofree char *config_env = g_strconcat ("XDG_CONFIG_HOME=", config, NULL);
  const char * const env[] = { schema_env, config_env, "GSETTINGS_BACKEND=keyfile", NULL };
  g_autofree char *contents = g_strdup_printf ("[org/crepitus/Crepitus]\ndatabase='%s'\n",
                                               f->uri);

  g_assert_nonnull (g_getenv ("GSETTINGS_SCHEMA_DIR"));
  g_assert_cmpint (g_mkdir_with_parents (keyfile_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, contents, -1, NULL));
  {
    g_auto(CrepitusRun) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("%s\tpostgresql\n", f->uri);

    crepitus_run_env (&run, NULL, env, (const char *[]) { "where", NULL });
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
  }

  /* A password in the setting is refused, and not printed. */
  g_assert_true (g_file_set_contents (keyfile, "[org/crepitus/Crepitus]\n"
                                      "database='postgresql://crepitus:s3cret@localhost/x'\n",
                                      -1, NULL));
  {
    g_auto(CrepitusRun) run = { 0 };

    crepitus_run_env (&run, NULL, env, (const char *[]) { "list", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
    g_assert_null (strstr (run.err, "s3cret"));
    g_assert_nonnull (strstr (run.err, "database setting"));
  }
}

/* A backup of a server is an SQLite file that opens anywhere; it is restored into an empty
 * server database, and only into one. */
static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "monday.db", NULL);
  g_autofree char *restored = crepitus_test_pg_new_database ();
  g_autofree char *id_text = NULL;
  g_autofree char *from_server = NULL;
  g_autofree char *from_file = NULL;
  g_autofree char *from_restored = NULL;
  g_autofree char *audit_server = NULL;
  g_autofree char *audit_restored = NULL;
  gint64 id = import_example (f->uri);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_free (run_ok (f->uri, NULL, (const char *[]) { "sign", id_text, NULL }));
  g_free (run_ok (f->uri, NULL, (const char *[]) { "backup", backup, NULL }));

  from_server = run_ok (f->uri, NULL, (const char *[]) { "export", id_text, NULL });
  from_file = run_ok (backup, NULL, (const char *[]) { "export", id_text, NULL });
  g_assert_cmpstr (from_file, ==, from_server);
  {
    g_autofree char *where = run_ok (backup, NULL, (const char *[]) { "where", NULL });

    g_assert_true (g_str_has_suffix (where, "\tsqlite\n"));
  }

  g_free (run_ok (restored, NULL, (const char *[]) { "restore", backup, NULL }));
  from_restored = run_ok (restored, NULL, (const char *[]) { "export", id_text, NULL });
  g_assert_cmpstr (from_restored, ==, from_server);
  audit_server = run_ok (f->uri, NULL, (const char *[]) { "audit", NULL });
  audit_restored = run_ok (restored, NULL, (const char *[]) { "audit", NULL });
  g_assert_cmpstr (audit_restored, ==, audit_server);

  /* Never into a database that holds a clinic already. */
  {
    g_auto(CrepitusRun) run = { 0 };

    crepitus_run (&run, NULL, (const char *[]) { "--db", f->uri, "restore", backup, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
    g_assert_nonnull (strstr (run.err, "only into an empty database"));
  }
  crepitus_test_pg_drop_database (restored);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crepitus/cli/postgresql/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("commands", test_commands);
  ADD ("no-password", test_no_password);
  ADD ("other-uri", test_other_uri);
  ADD ("unreachable", test_unreachable);
  ADD ("setting", test_setting);
  ADD ("backup-restore", test_backup_restore);
#undef ADD

  return g_test_run ();
}
