/* test-store-backup.c — backup with SQLite's online backup, and restore: checked, refused
 * while the database is in use, the replaced file kept */
#include "config.h"

#include <sqlite3.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crepitus-test-store.h"

typedef struct
{
  char *tmpdir;
  char *path;      /* the database */
  char *backup;    /* a backup of it, once made */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->tmpdir = crepitus_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->tmpdir, "data", "crepitus.db", NULL);
  fixture->backup = g_build_filename (fixture->tmpdir, "backups", "monday.db", NULL);
  {
    g_autofree char *backups = g_path_get_dirname (fixture->backup);

    g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crepitus_test_remove_tree (fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->backup);
  g_free (fixture->tmpdir);
}

/* A database with a patient, a signed assessment, an edit and their audit rows. */
static void
fill (CrepitusStore *store)
{
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  crepitus_store_set_clinician (store, "Dr Backup");
  patient = crepitus_test_add_patient (store, "Østergaard", "Søren", "1955-09-09", "B-55");
  assessment = crepitus_test_add_screened_assessment (store, patient, "2026-06-06");
  crepitus_store_watch_assessment (store, assessment);
  crepitus_assessment_set_notes (assessment, "Backed up.");
  g_assert_true (crepitus_store_sign (store, crepitus_assessment_get_id (assessment), "Dr Backup",
                                      &error));
  g_assert_no_error (error);
}

/* What a store on @path holds, as text: the patients in search order, each assessment as
 * its §6 document, and the number of audit rows. */
static char *
describe (const char *path)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (path);
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  patients = crepitus_store_search_patients (store, "", 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < patients->len; i++)
    {
      g_autoptr(GPtrArray) assessments = crepitus_store_list_assessments (store, patients->pdata[i],
                                                                          &error);

      g_assert_no_error (error);
      g_string_append_printf (text, "%s\n", crepitus_patient_get_family_name (patients->pdata[i]));
      for (guint j = 0; j < assessments->len; j++)
        {
          CrepitusAssessment *assessment = assessments->pdata[j];
          gint64 id = crepitus_assessment_get_id (assessment);
          g_autofree char *json = crepitus_store_export_json (store, id, &error);

          g_assert_no_error (error);
          g_string_append_printf (text, "%s %s\n", json,
                                  crepitus_assessment_get_signed_by (assessment));
        }
    }
  g_string_append_printf (text, "audit %" G_GINT64_FORMAT "\n",
                          crepitus_store_testing_count_rows (store, "audit"));
  g_assert_true (crepitus_store_check_integrity (store, &error));
  g_assert_no_error (error);
  return g_string_free (text, FALSE);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

/* The files of @folder whose names start with @prefix. */
static guint
count_files (const char *folder,
             const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) header = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *backups = g_path_get_dirname (fixture->backup);
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *kept_contents = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *backup_wal = g_strconcat (fixture->backup, "-wal", NULL);

  fill (store);
  original = describe (fixture->path);

  /* The backup is made while the store is open, and is a single private file. */
  g_assert_true (crepitus_store_backup (store, fixture->backup, &error));
  g_assert_no_error (error);
  assert_mode (fixture->backup, 0600);
  g_assert_false (g_file_test (backup_wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (backups, "."), ==, 0);
  header = crepitus_test_read_bytes (fixture->backup);
  /* Bytes 18 and 19: 1 for a rollback journal, 2 for WAL. */
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (header, NULL))[18], ==, 1);
  copied = describe (fixture->backup);
  g_assert_cmpstr (copied, ==, original);

  /* A second backup over the first one is fine. */
  g_assert_true (crepitus_store_backup (store, fixture->backup, &error));
  g_assert_no_error (error);

  /* Later work, then the store is closed and the backup restored. */
  g_object_unref (crepitus_test_add_patient (store, "Later", NULL, NULL, NULL));
  g_clear_object (&store);
  changed = describe (fixture->path);
  g_assert_cmpstr (changed, !=, original);

  g_assert_true (crepitus_store_restore (fixture->path, fixture->backup, &kept, &error));
  g_assert_no_error (error);
  restored = describe (fixture->path);
  g_assert_cmpstr (restored, ==, original);
  assert_mode (fixture->path, 0600);

  /* The replaced file is kept beside it, whole. */
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, fixture->path));
  g_assert_true (g_regex_match_simple ("\\.replaced-\\d{8}-\\d{6}$", kept, 0, 0));
  kept_contents = describe (kept);
  g_assert_cmpstr (kept_contents, ==, changed);
  g_assert_cmpuint (count_files (folder, "."), ==, 0);

  /* The backup itself is untouched, and restoring it again keeps another file. */
  {
    g_autofree char *again = NULL;
    g_autofree char *other_kept = NULL;

    g_clear_pointer (&copied, g_free);
    copied = describe (fixture->backup);
    g_assert_cmpstr (copied, ==, original);
    g_assert_true (crepitus_store_restore (fixture->path, fixture->backup, &other_kept, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (other_kept, !=, kept);
    again = describe (fixture->path);
    g_assert_cmpstr (again, ==, original);
  }
}

static void
test_restore_without_database (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (fixture->tmpdir, "new", "place", "crepitus.db", NULL);
  g_autofree char *original = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *kept = NULL;

  fill (store);
  g_assert_true (crepitus_store_backup (store, fixture->backup, &error));
  g_clear_object (&store);
  original = describe (fixture->path);

  g_assert_true (crepitus_store_restore (other, fixture->backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_null (kept);
  restored = describe (other);
  g_assert_cmpstr (restored, ==, original);
}

static void
test_backup_refuses_the_database (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;

  fill (store);
  g_assert_false (crepitus_store_backup (store, fixture->path, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (crepitus_store_backup (store, wal, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Nor any other file that is not a Crepitus database: a document keeps its contents. */
  {
    g_autofree char *dir = g_path_get_dirname (fixture->path);
    g_autofree char *letter = g_build_filename (dir, "letter.odt", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (letter, "Dear colleague", -1, NULL));
    g_assert_false (crepitus_store_backup (store, letter, &error));
    g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT);
    g_assert_true (g_str_has_prefix (error->message, letter));
    g_assert_nonnull (strstr (error->message, "nothing was written"));
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (letter, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "Dear colleague");
    g_assert_cmpint (g_unlink (letter), ==, 0);
  }
  g_clear_object (&store);

  before = describe (fixture->path);
  g_assert_false (crepitus_store_restore (fixture->path, fixture->path, &kept, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT);
  g_assert_null (kept);
  after = describe (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

/* Restore refuses, and changes nothing, while another process has the database open. */
static void
test_restore_refused_while_open (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *kept = NULL;
  g_autofree char *expected = g_strconcat (fixture->path, ": the database is open in another "
                                           "program (close Crepitus there first); nothing was "
                                           "restored", NULL);
  int ready[2], release[2], status;
  char byte;
  pid_t pid;

  fill (store);
  g_assert_true (crepitus_store_backup (store, fixture->backup, &error));
  g_object_unref (crepitus_test_add_patient (store, "After the backup", NULL, NULL, NULL));

  /* A store of this very process. */
  g_assert_false (crepitus_store_restore (fixture->path, fixture->backup, &kept, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_clear_object (&store);

  /* Another process opens the store and keeps it open. */
  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (release), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      CrepitusStore *child_store;

      close (ready[0]);
      close (release[1]);
      child_store = crepitus_store_open (fixture->path, NULL);
      if (child_store == NULL || write (ready[1], "x", 1) != 1)
        _exit (1);
      while (read (release[0], &byte, 1) > 0)
        ;
      g_object_unref (child_store);
      _exit (0);
    }
  close (ready[1]);
  close (release[0]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);

  before = crepitus_test_read_bytes (fixture->path);
  g_assert_false (crepitus_store_restore (fixture->path, fixture->backup, &kept, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_null (kept);
  after = crepitus_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (folder, "crepitus.db.replaced"), ==, 0);
  g_assert_cmpuint (count_files (folder, "."), ==, 0);

  close (release[1]);
  close (ready[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* Closed there: now it works. */
  g_assert_true (crepitus_store_restore (fixture->path, fixture->backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
}

/* Another program (the sqlite3 shell, a script) that has the database open and idle, without
 * Crepitus's lock, stops a restore too. */
static void
test_restore_refused_while_open_elsewhere (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *kept = NULL;
  int ready[2], release[2], status;
  char byte;
  pid_t pid;

  fill (store);
  g_assert_true (crepitus_store_backup (store, fixture->backup, &error));
  g_object_unref (crepitus_test_add_patient (store, "After the backup", NULL, NULL, NULL));
  g_clear_object (&store);

  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (release), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      close (ready[0]);
      close (release[1]);
      /* What the shell does: open, read once, then wait at its prompt. */
      if (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          sqlite3_exec (db, "SELECT count(*) FROM patients", NULL, NULL, NULL) != SQLITE_OK ||
          write (ready[1], "x", 1) != 1)
        _exit (1);
      while (read (release[0], &byte, 1) > 0)
        ;
      sqlite3_close (db);
      _exit (0);
    }
  close (ready[1]);
  close (release[0]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);

  before = crepitus_test_read_bytes (fixture->path);
  g_assert_false (crepitus_store_restore (fixture->path, fixture->backup, &kept, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_null (kept);
  after = crepitus_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  close (release[1]);
  close (ready[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_true (crepitus_store_restore (fixture->path, fixture->backup, &kept, &error));
  g_assert_no_error (error);
}

/* A store opened while nothing restores sees the restored file, not the replaced one. */
static void
test_store_opens_the_restored_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  g_autofree char *kept = NULL;

  fill (store);
  g_assert_true (crepitus_store_backup (store, fixture->backup, &error));
  g_object_unref (crepitus_test_add_patient (store, "Gone", NULL, NULL, NULL));
  g_clear_object (&store);

  g_assert_true (crepitus_store_restore (fixture->path, fixture->backup, &kept, &error));
  store = crepitus_test_open_store (fixture->path);
  patients = crepitus_store_search_patients (store, "gone", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, ==, 0);
  g_object_unref (crepitus_test_add_patient (store, "After the restore", NULL, NULL, NULL));
  g_assert_cmpint (crepitus_store_testing_count_rows (store, "patients"), ==, 2);
}

/* What restore refuses, leaving the database as it was. */
static void
assert_restore_refused (Fixture    *fixture,
                        const char *backup,
                        int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = crepitus_test_read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *kept = NULL;
  g_autofree char *prefix = g_strconcat (backup, ": ", NULL);

  g_assert_false (crepitus_store_restore (fixture->path, backup, &kept, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_null (kept);
  after = crepitus_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (folder, "crepitus.db."), ==, 0);
  g_assert_cmpuint (count_files (folder, "."), ==, 0);
}

static void
test_restore_checks_the_backup (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = g_build_filename (fixture->tmpdir, "newer.db", NULL);
  g_autofree char *foreign = g_build_filename (fixture->tmpdir, "foreign.db", NULL);
  g_autofree char *text = g_build_filename (fixture->tmpdir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (fixture->tmpdir, "empty.db", NULL);
  g_autofree char *damaged = g_build_filename (fixture->tmpdir, "damaged.db", NULL);
  g_autofree char *older = g_build_filename (fixture->tmpdir, "older.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->tmpdir, "missing.db", NULL);
  g_autofree char *kept = NULL;

  fill (store);
  g_assert_true (crepitus_store_backup (store, newer, &error));
  g_assert_true (crepitus_store_backup (store, damaged, &error));
  g_clear_object (&store);

  g_assert_true (crepitus_store_testing_set_version (newer, crepitus_store_schema_version () + 1,
                                                     &error));
  assert_restore_refused (fixture, newer, CREPITUS_STORE_ERROR_NEWER_SCHEMA);

  g_assert_true (crepitus_store_testing_create_foreign (foreign, &error));
  assert_restore_refused (fixture, foreign, CREPITUS_STORE_ERROR_NOT_A_DATABASE);

  g_assert_true (g_file_set_contents (text, "Not a database at all.\n", -1, &error));
  assert_restore_refused (fixture, text, CREPITUS_STORE_ERROR_NOT_A_DATABASE);
  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  assert_restore_refused (fixture, empty, CREPITUS_STORE_ERROR_NOT_A_DATABASE);

  /* Garbage over the pages after the header. */
  {
    g_autoptr(GBytes) bytes = crepitus_test_read_bytes (damaged);
    gsize size;
    g_autofree guint8 *contents = g_bytes_unref_to_data (g_bytes_ref (bytes), &size);

    for (gsize i = 4096 + 100; i < size; i += 7)
      contents[i] ^= 0x5a;
    g_assert_true (g_file_set_contents (damaged, (const char *) contents, size, &error));
    assert_restore_refused (fixture, damaged, CREPITUS_STORE_ERROR_CORRUPT);
  }

  {
    g_autoptr(GError) missing_error = NULL;

    g_assert_false (crepitus_store_restore (fixture->path, missing, &kept, &missing_error));
    g_assert_nonnull (missing_error);
  }

  /* An older schema is fine: it is migrated when next opened. */
  g_assert_true (crepitus_store_testing_create_at (older, 1, &error));
  g_assert_no_error (error);
  g_assert_true (crepitus_store_restore (fixture->path, older, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crepitus_store_testing_file_version (fixture->path), ==, 1);
  store = crepitus_test_open_store (fixture->path);
  g_assert_cmpint (crepitus_store_testing_file_version (fixture->path), ==,
                   crepitus_store_schema_version ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crepitus/store/backup/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("restore-without-database", test_restore_without_database);
  ADD ("refuses-the-database", test_backup_refuses_the_database);
  ADD ("restore-refused-while-open", test_restore_refused_while_open);
  ADD ("restore-refused-while-open-elsewhere", test_restore_refused_while_open_elsewhere);
  ADD ("store-opens-the-restored-file", test_store_opens_the_restored_file);
  ADD ("restore-checks-the-backup", test_restore_checks_the_backup);
#undef ADD

  return g_test_run ();
}
