/* test-store-tamper.c — files changed outside Crepitus: guards dropped, backups tampered with,
 * patients deleted behind its back, columns missing, permissions of an empty file */
#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "crepitus-test-store.h"

typedef struct
{
  char *tmpdir;
  char *path;
  char *backup;
  gint64 signed_id;
} Fixture;

/* Runs @sql on the file at @path as another program would: foreign keys off, no guard of
 * Crepitus's own. Returns SQLite's result. */
static int
run_elsewhere (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
  return rc;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = crepitus_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->tmpdir, "crepitus.db", NULL);
  fixture->backup = g_build_filename (fixture->tmpdir, "backup.db", NULL);

  store = crepitus_test_open_store (fixture->path);
  crepitus_store_set_clinician (store, "Dr Guard");
  patient = crepitus_test_add_patient (store, "Kowalska", "Ewa", "1960-01-01", "G-1");
  assessment = crepitus_test_add_screened_assessment (store, patient, "2026-05-05");
  fixture->signed_id = crepitus_assessment_get_id (assessment);
  g_assert_true (crepitus_store_sign (store, fixture->signed_id, "Dr Guard", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crepitus_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->backup);
}

/* The store refuses @path with a damaged-file error that names it and @needle, and leaves the
 * file as it was. */
static void
assert_refused_untouched (const char *path,
                          const char *needle)
{
  g_autoptr(GBytes) before = crepitus_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  store = crepitus_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_null (strchr (error->message, '\n'));
  after = crepitus_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_dropped_trigger_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_assert_cmpint (run_elsewhere (fixture->path, "DROP TRIGGER assessments_read_only"), ==,
                   SQLITE_OK);
  assert_refused_untouched (fixture->path, "“assessments_read_only” is missing");
}

static void
test_added_trigger_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_assert_cmpint (run_elsewhere (fixture->path,
                                  "CREATE TRIGGER sneaky AFTER INSERT ON audit "
                                  "BEGIN DELETE FROM factors; END"), ==, SQLITE_OK);
  assert_refused_untouched (fixture->path, "“sneaky” was added");
}

/* Without migration 1's columns, a clear message, never SQLite's own words. */
static void
test_missing_column_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *old = g_build_filename (fixture->tmpdir, "old.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (crepitus_store_testing_create_at (old, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_elsewhere (old, "ALTER TABLE assessments DROP COLUMN posture_notes"), ==,
                   SQLITE_OK);
  assert_refused_untouched (old, "“assessments” was changed");
}

/* A backup whose guards were taken off to edit a signed assessment and delete audit rows is
 * not restored; the database stays as it was. */
static void
test_tampered_backup_not_restored (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (crepitus_store_backup (store, fixture->backup, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  sql = g_strdup_printf ("DROP TRIGGER assessments_read_only;"
                         "DROP TRIGGER audit_append_only_delete;"
                         "UPDATE assessments SET notes = 'Edited after signing' "
                         "WHERE id = %" G_GINT64_FORMAT ";"
                         "DELETE FROM audit;", fixture->signed_id);
  g_assert_cmpint (run_elsewhere (fixture->backup, sql), ==, SQLITE_OK);

  before = crepitus_test_read_bytes (fixture->path);
  g_assert_false (crepitus_store_restore (fixture->path, fixture->backup, &kept, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, fixture->backup));
  g_assert_nonnull (strstr (error->message, "“assessments_read_only” is missing"));
  g_assert_nonnull (strstr (error->message, "“audit_append_only_delete” is missing"));
  g_assert_null (kept);
  after = crepitus_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Another program cannot delete a patient, nor change its id: a signed assessment is never
 * orphaned. */
static void
test_patients_guarded (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_elsewhere (fixture->path, "PRAGMA foreign_keys = OFF; DELETE FROM patients"),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (run_elsewhere (fixture->path, "UPDATE patients SET id = id + 100"), ==,
                   SQLITE_CONSTRAINT);

  store = crepitus_test_open_store (fixture->path);
  assessment = crepitus_store_load_assessment (store, fixture->signed_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crepitus_patient_get_family_name (crepitus_assessment_get_patient (assessment)),
                   ==, "Kowalska");
}

/* An empty file made by someone else becomes a database readable by its owner only. */
static void
test_empty_file_becomes_private (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->tmpdir, "empty.db", NULL);
  g_autoptr(CrepitusStore) store = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_cmpint (g_chmod (empty, 0644), ==, 0);
  store = crepitus_test_open_store (empty);
  g_assert_cmpint (g_stat (empty, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crepitus/store/tamper/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("dropped-trigger-refused", test_dropped_trigger_refused);
  ADD ("added-trigger-refused", test_added_trigger_refused);
  ADD ("missing-column-refused", test_missing_column_refused);
  ADD ("tampered-backup-not-restored", test_tampered_backup_not_restored);
  ADD ("patients-guarded", test_patients_guarded);
  ADD ("empty-file-becomes-private", test_empty_file_becomes_private);
#undef ADD

  return g_test_run ();
}
