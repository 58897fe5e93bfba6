/* test-store-faults.c — every fault is a clear error naming the file, and loses nothing */
#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crepitus-test-store.h"

typedef struct
{
  char *tmpdir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->tmpdir = crepitus_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->tmpdir, "crepitus.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crepitus_test_remove_tree (fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->tmpdir);
}

/* The message starts with the file's path. */
static void
assert_names_file (const GError *error,
                   const char   *path)
{
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  g_test_message ("%s", error->message);
}

static gboolean
exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Opening @path fails with @code and leaves every byte of the file as it was, with no
 * -wal or -shm file beside it. */
static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = crepitus_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  store = crepitus_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CREPITUS_STORE_ERROR, code);
  assert_names_file (error, path);

  after = crepitus_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (exists (wal));
  g_assert_false (exists (shm));
}

/* Opening @path succeeds, but the whole-file check (crepitus check) reports it damaged; every
 * byte of the file stays as it was, with no -wal or -shm file left beside it. */
static void
assert_check_finds_damage (const char *path)
{
  g_autoptr(GBytes) before = crepitus_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  store = crepitus_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (crepitus_store_check_integrity (store, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT);
  assert_names_file (error, path);
  g_clear_object (&store);

  after = crepitus_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (exists (wal));
  g_assert_false (exists (shm));
}

/* A database with @n patients, each with an assessment and long notes, closed. */
static void
fill_database (const char *path,
               guint       n)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (path);
  g_autofree char *notes = g_strnfill (600, 'n');

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *family = g_strdup_printf ("Patient %u", i);
      g_autoptr(CrepitusPatient) patient = crepitus_test_add_patient (store, family, NULL, NULL,
                                                                      NULL);
      g_autoptr(CrepitusAssessment) assessment = crepitus_test_add_assessment (store, patient,
                                                                               "2026-01-01");
      g_autoptr(GError) error = NULL;

      crepitus_assessment_set_notes (assessment, notes);
      crepitus_store_save_assessment (store, assessment, "notes", &error);
      g_assert_no_error (error);
    }
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (fixture->tmpdir, "notes.txt", NULL);
  g_autofree char *noise = g_build_filename (fixture->tmpdir, "noise.bin", NULL);
  g_autofree char *foreign = g_build_filename (fixture->tmpdir, "recipes.db", NULL);
  g_autofree char *folder = g_build_filename (fixture->tmpdir, "folder.db", NULL);
  guint8 bytes[8192];

  g_file_set_contents (text, "Shopping list:\n- bread\n- milk\n", -1, &error);
  g_assert_no_error (error);
  assert_refused_untouched (text, CREPITUS_STORE_ERROR_NOT_A_DATABASE);

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  g_file_set_contents (noise, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);
  assert_refused_untouched (noise, CREPITUS_STORE_ERROR_NOT_A_DATABASE);

  /* An SQLite database, but another program's. */
  g_assert_true (crepitus_store_testing_create_foreign (foreign, &error));
  g_assert_no_error (error);
  assert_refused_untouched (foreign, CREPITUS_STORE_ERROR_NOT_A_DATABASE);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  {
    g_autoptr(CrepitusStore) store = crepitus_store_open (folder, &error);

    g_assert_null (store);
    g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_A_DATABASE);
  }
}

static void
overwrite (const char *path,
           goffset     offset,
           gsize       length)
{
  FILE *file = fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  for (gsize i = 0; i < length; i++)
    fputc (0xA5 ^ (i & 0xff), file);
  fclose (file);
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  gsize size;

  fill_database (fixture->path, 60);
  whole = crepitus_test_read_bytes (fixture->path);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, >=, 16 * 4096);

  /* Pages in the middle overwritten: opening reads no more than it needs (a large clinic's
   * window opens at once), so the whole-file check finds the damage, naming the file, and
   * nothing was written. */
  overwrite (fixture->path, 3 * 4096, 3 * 4096);
  assert_check_finds_damage (fixture->path);

  /* Cut in half: shorter than its header says, refused at open. */
  g_file_set_contents (fixture->path, g_bytes_get_data (whole, NULL), size / 2, NULL);
  assert_refused_untouched (fixture->path, CREPITUS_STORE_ERROR_CORRUPT);
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  guint newer = crepitus_store_schema_version () + 3;
  g_autofree char *versions = NULL;

  fill_database (fixture->path, 1);
  g_assert_true (crepitus_store_testing_set_version (fixture->path, newer, &error));
  g_assert_no_error (error);

  assert_refused_untouched (fixture->path, CREPITUS_STORE_ERROR_NEWER_SCHEMA);
  store = crepitus_store_open (fixture->path, &error);
  versions = g_strdup_printf ("schema version %u; this Crepitus reads up to version %u", newer,
                              crepitus_store_schema_version ());
  g_assert_nonnull (strstr (error->message, versions));
}

static void
on_write_failed (CrepitusStore  *store,
                 GError         *error,
                 GError        **out)
{
  g_clear_error (out);
  *out = g_error_copy (error);
}

static void
test_read_only_connection (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusStore) check = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failed = NULL;

  fill_database (fixture->path, 1);

  /* What a read-only file system does to SQLite, whoever runs the test. */
  store = crepitus_store_open_full (fixture->path, CREPITUS_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "write-failed", G_CALLBACK (on_write_failed), &failed);
  patients = crepitus_store_list_patients (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, ==, 1);

  assessment = crepitus_store_load_assessment (store, 1, &error);
  g_assert_no_error (error);
  crepitus_store_watch_assessment (store, assessment);
  crepitus_assessment_set_notes (assessment, "Cannot be written.");
  g_assert_error (failed, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY);
  assert_names_file (failed, fixture->path);

  {
    g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();

    crepitus_patient_set_family_name (patient, "New");
    g_assert_false (crepitus_store_save_patient (store, patient, NULL, &error));
    g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  check = crepitus_test_open_store (fixture->path);
  stored = crepitus_store_load_assessment (check, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (crepitus_assessment_get_notes (stored)), ==, 600);
  g_assert_cmpint (crepitus_store_testing_count_rows (check, "patients"), ==, 1);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->tmpdir, "locked", NULL);
  g_autofree char *existing = g_build_filename (folder, "existing.db", NULL);
  g_autofree char *missing = g_build_filename (folder, "missing.db", NULL);
  g_autofree char *below = g_build_filename (folder, "sub", "below.db", NULL);
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      /* Root writes through any permission; the read-only connection test covers SQLite's
       * side of it. */
      g_test_skip ("permissions do not apply to root");
      return;
    }

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  fill_database (existing, 1);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

  store = crepitus_store_open (existing, &error);
  g_assert_null (store);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY);
  assert_names_file (error, existing);
  g_clear_error (&error);

  store = crepitus_store_open (missing, &error);
  g_assert_null (store);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY);
  assert_names_file (error, missing);
  g_clear_error (&error);

  store = crepitus_store_open (below, &error);
  g_assert_null (store);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A read-only file in a writable folder. */
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
  g_assert_cmpint (g_chmod (existing, 0400), ==, 0);
  store = crepitus_store_open (existing, &error);
  g_assert_null (store);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (g_chmod (existing, 0600), ==, 0);
  store = crepitus_test_open_store (existing);
  g_assert_cmpint (crepitus_store_testing_count_rows (store, "patients"), ==, 1);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusStore) check = NULL;
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failed = NULL;
  /* Longer than a page's room, within the longest note there may be. */
  g_autofree char *big = g_strnfill (40 * 1024, 'x');

  store = crepitus_test_open_store (fixture->path);
  g_signal_connect (store, "write-failed", G_CALLBACK (on_write_failed), &failed);
  patient = crepitus_test_add_patient (store, "Full", NULL, NULL, NULL);
  assessment = crepitus_test_add_assessment (store, patient, "2026-06-01");
  crepitus_store_watch_assessment (store, assessment);
  crepitus_assessment_set_notes (assessment, "Saved before the disk filled.");
  g_assert_null (failed);

  g_assert_true (crepitus_store_testing_limit_pages (store, 0, &error));
  g_assert_no_error (error);

  crepitus_assessment_set_notes (assessment, big);
  g_assert_error (failed, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FULL);
  assert_names_file (failed, fixture->path);
  g_assert_nonnull (strstr (failed->message, "disk is full"));
  g_clear_error (&failed);

  crepitus_factor_record_set_notes (crepitus_assessment_get_factor (assessment, "inflammation"),
                                    big);
  g_assert_error (failed, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FULL);
  g_clear_error (&failed);

  /* New patients, with the longest names there may be, until the pages are full. */
  {
    g_autofree char *name = g_strnfill (200, 'y');
    guint added = 0;

    for (; added < 1000; added++)
      {
        g_autoptr(CrepitusPatient) another = crepitus_patient_new ();

        crepitus_patient_set_family_name (another, name);
        crepitus_patient_set_given_name (another, name);
        if (!crepitus_store_save_patient (store, another, NULL, &error))
          break;
      }
    g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FULL);
    g_clear_error (&error);
    g_test_message ("%u patients fitted before the disk was full", added);
  }

  /* A small edit still fits in the pages the file has. */
  crepitus_assessment_set_pain_score (assessment, 2);
  g_assert_null (failed);

  check = crepitus_test_open_store (fixture->path);
  g_assert_true (crepitus_store_check_integrity (check, &error));
  g_assert_no_error (error);
  stored = crepitus_store_load_assessment (check, crepitus_assessment_get_id (assessment), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Saved before the disk filled.");
  g_assert_cmpint (crepitus_assessment_get_pain_score (stored), ==, 2);
  g_assert_cmpint (crepitus_store_testing_count_rows (check, "factors"), ==, 0);
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failed = NULL;
  int ready[2], release[2], status;
  gint64 start;
  char byte;
  pid_t pid;

  store = crepitus_test_open_store (fixture->path);
  g_signal_connect (store, "write-failed", G_CALLBACK (on_write_failed), &failed);
  patient = crepitus_test_add_patient (store, "Locked", NULL, NULL, NULL);
  assessment = crepitus_test_add_assessment (store, patient, "2026-06-01");
  crepitus_store_watch_assessment (store, assessment);
  crepitus_assessment_set_notes (assessment, "Before the lock.");

  /* Another process takes the write lock and keeps it. */
  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (release), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (ready[0]);
      close (release[1]);
      crepitus_store_testing_hold_lock (fixture->path, ready[1], release[0]);
    }
  close (ready[1]);
  close (release[0]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);

  crepitus_store_testing_set_busy_timeout (store, 200);
  start = g_get_monotonic_time ();
  crepitus_assessment_set_notes (assessment, "During the lock.");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 150 * 1000);
  g_assert_error (failed, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED);
  assert_names_file (failed, fixture->path);
  g_assert_nonnull (strstr (failed->message, "in use by another program"));
  g_clear_error (&failed);

  {
    g_autoptr(CrepitusPatient) another = crepitus_patient_new ();

    crepitus_patient_set_family_name (another, "Waiting");
    g_assert_false (crepitus_store_save_patient (store, another, NULL, &error));
    g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED);
    g_clear_error (&error);
  }

  /* Reading still works while another program writes. */
  stored = crepitus_store_load_assessment (store, crepitus_assessment_get_id (assessment), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Before the lock.");

  close (release[1]);
  close (ready[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  crepitus_assessment_set_notes (assessment, "After the lock.");
  g_assert_null (failed);
  g_clear_object (&stored);
  stored = crepitus_store_load_assessment (store, crepitus_assessment_get_id (assessment), &error);
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "After the lock.");
  g_assert_cmpint (crepitus_store_testing_count_rows (store, "patients"), ==, 1);
}

static void
test_invalid_import (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *documents[] = {
    "",
    "not json",
    "{\"format\": \"crepitus-assessment\", \"version\": 2}",
    "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": {\"family_name\": \"X\"},"
    " \"assessment\": {\"date\": \"2026-01-01\", \"factors\": {\"joint-cavitation\":"
    " {\"findings\": [\"weak-core\"]}}}}",
    "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": {\"family_name\": \"X\","
    " \"birth_date\": \"2026-02-01\"}, \"assessment\": {\"date\": \"2026-01-01\"}}",
    "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": {\"family_name\": \" \"},"
    " \"assessment\": {\"date\": \"2026-01-01\"}}",
  };

  fill_database (fixture->path, 3);
  store = crepitus_test_open_store (fixture->path);
  g_clear_object (&store);
  before = crepitus_test_read_bytes (fixture->path);
  store = crepitus_test_open_store (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_assert_cmpint (crepitus_store_import_json (store, documents[i], strlen (documents[i]),
                                                   &error), ==, -1);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }
  g_assert_cmpint (crepitus_store_testing_count_rows (store, "patients"), ==, 3);
  g_assert_cmpint (crepitus_store_testing_count_rows (store, "assessments"), ==, 3);
  g_assert_cmpint (crepitus_store_testing_count_rows (store, "factors"), ==, 0);
  g_clear_object (&store);

  /* Not a byte written. */
  after = crepitus_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crepitus/store/faults/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("not-a-database", test_not_a_database);
  ADD ("corrupt", test_corrupt);
  ADD ("newer-schema", test_newer_schema);
  ADD ("read-only-connection", test_read_only_connection);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("disk-full", test_disk_full);
  ADD ("locked", test_locked);
  ADD ("invalid-import", test_invalid_import);
#undef ADD

  return g_test_run ();
}
