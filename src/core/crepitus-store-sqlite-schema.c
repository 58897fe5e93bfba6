/* crepitus-store-sqlite-schema.c — the SQLite backend's file: open, check, migrate, lock */
#define G_LOG_DOMAIN "crepitus-store-sqlite-schema"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "crepitus-store-sqlite-private.h"

#define BUSY_TIMEOUT_MS 5000
#define SQLITE_HEADER "SQLite format 3"   /* and its NUL: 16 bytes */

/* Migrations: migration N (index N - 1) takes a database from user_version N - 1 to N in one
 * transaction. Append; never edit one that has shipped. */
static const char * const migrations[] = {
  /* 1: patients, their assessments, and the factor records of each. Keys of the catalog are
   * stored as text, NULL when not recorded; sets of keys as JSON arrays in catalog order. */
  "PRAGMA application_id = 1129465168;\n"    /* 0x43524550 */
  "CREATE TABLE patients (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  mrn         TEXT UNIQUE CHECK (mrn <> ''),\n"
  "  family_name TEXT NOT NULL CHECK (trim (family_name) <> ''),\n"
  "  given_name  TEXT CHECK (given_name <> ''),\n"
  "  birth_date  TEXT CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  sex         TEXT CHECK (sex IN ('female', 'male', 'other', 'unknown')),\n"
  "  language    TEXT CHECK (language <> ''),\n"
  "  created_at  TEXT NOT NULL,\n"
  "  updated_at  TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE INDEX patients_name ON patients (family_name, given_name, birth_date);\n"
  "CREATE TABLE assessments (\n"
  "  id                  INTEGER PRIMARY KEY,\n"
  "  patient_id          INTEGER NOT NULL REFERENCES patients (id) ON DELETE RESTRICT,\n"
  "  date                TEXT NOT NULL\n"
  "                      CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  clinician           TEXT CHECK (clinician <> ''),\n"
  "  side                TEXT CHECK (side IN ('left', 'right', 'both')),\n"
  "  location            TEXT CHECK (location GLOB '[[]*]'),\n"
  "  sound               TEXT CHECK (sound <> ''),\n"
  "  frequency           TEXT CHECK (frequency <> ''),\n"
  "  duration_weeks      INTEGER CHECK (duration_weeks BETWEEN 0 AND 520),\n"
  "  provoking_movements TEXT CHECK (provoking_movements GLOB '[[]*]'),\n"
  "  pain_score          INTEGER CHECK (pain_score BETWEEN 0 AND 10),\n"
  "  symptoms            TEXT CHECK (symptoms GLOB '[[]*]'),\n"
  "  history             TEXT CHECK (history GLOB '[[]*]'),\n"
  "  red_flags           TEXT CHECK (red_flags GLOB '[[]*]'),\n"
  "  scoliosis           TEXT CHECK (scoliosis <> ''),\n"
  "  lordosis            TEXT CHECK (lordosis <> ''),\n"
  "  pelvic_tilt         TEXT CHECK (pelvic_tilt <> ''),\n"
  "  kyphosis            TEXT CHECK (kyphosis <> ''),\n"
  "  forward_head        INTEGER CHECK (forward_head IN (0, 1)),\n"
  "  posture_notes       TEXT CHECK (posture_notes <> ''),\n"
  "  measures            TEXT CHECK (measures GLOB '{*}'),\n"
  "  notes               TEXT CHECK (notes <> ''),\n"
  "  created_at          TEXT NOT NULL,\n"
  "  updated_at          TEXT NOT NULL\n"
  ") STRICT;\n"
  "CREATE INDEX assessments_patient ON assessments (patient_id, date, id);\n"
  "CREATE TABLE factors (\n"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,\n"
  "  factor        TEXT NOT NULL,\n"
  "  judgement     TEXT CHECK (judgement IN ('unlikely', 'possible', 'likely')),\n"
  "  findings      TEXT CHECK (findings GLOB '[[]*]'),\n"
  "  notes         TEXT CHECK (notes <> ''),\n"
  "  PRIMARY KEY (assessment_id, factor)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "PRAGMA user_version = 1;\n",

  /* 2: a working clinic. Search keys of each patient, folded in C (migration_steps) because
   * SQLite cannot fold ł, ø or ß: the patient list's order, and an FTS5 index of the words of
   * the names and MRN, split into the first word of the family name (head: a range of the
   * order) and every other word (rest). Signing, amending and entered-in-error marks, which
   * make an assessment read-only. The audit log, append-only. */
  "ALTER TABLE patients ADD COLUMN family_key TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE patients ADD COLUMN given_key TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE patients ADD COLUMN mrn_key TEXT NOT NULL DEFAULT '';\n"
  "CREATE INDEX patients_order ON patients (family_key, given_key, birth_date, id, mrn_key);\n"
  "CREATE VIRTUAL TABLE patient_words USING fts5 (head, rest, tokenize = 'ascii',\n"
  "                                               detail = 'column', prefix = '1 2 3');\n"
  "ALTER TABLE assessments ADD COLUMN signed_by TEXT CHECK (signed_by <> '');\n"
  "ALTER TABLE assessments ADD COLUMN signed_at TEXT\n"
  "  CHECK (signed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z');\n"
  "ALTER TABLE assessments ADD COLUMN superseded_by INTEGER REFERENCES assessments (id);\n"
  "ALTER TABLE assessments ADD COLUMN amends INTEGER REFERENCES assessments (id);\n"
  "ALTER TABLE assessments ADD COLUMN entered_in_error INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (entered_in_error IN (0, 1));\n"
  "CREATE TABLE audit (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  at        TEXT NOT NULL,\n"
  "  clinician TEXT CHECK (clinician <> ''),\n"
  "  action    TEXT NOT NULL\n"
  "            CHECK (action IN ('insert', 'update', 'sign', 'amend', 'entered-in-error')),\n"
  "  record    TEXT NOT NULL CHECK (record IN ('patient', 'assessment', 'factor')),\n"
  "  record_id INTEGER NOT NULL,\n"
  "  field     TEXT,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX audit_record ON audit (record, record_id);\n"
  /* What the store refuses with a clear message, the file refuses too. */
  "CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit\n"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;\n"
  "CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit\n"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;\n"
  "CREATE TRIGGER assessments_never_deleted BEFORE DELETE ON assessments\n"
  "  BEGIN SELECT RAISE (ABORT, 'assessments are never deleted'); END;\n"
  "CREATE TRIGGER assessments_read_only BEFORE UPDATE OF patient_id, date, clinician, side,\n"
  "  location, sound, frequency, duration_weeks, provoking_movements, pain_score, symptoms,\n"
  "  history, red_flags, scoliosis, lordosis, pelvic_tilt, kyphosis, forward_head,\n"
  "  posture_notes, measures, notes, amends ON assessments\n"
  "  WHEN OLD.signed_by IS NOT NULL OR OLD.superseded_by IS NOT NULL OR OLD.entered_in_error\n"
  "  BEGIN SELECT RAISE (ABORT, 'the assessment is read-only'); END;\n"
  "CREATE TRIGGER assessments_signed_once BEFORE UPDATE OF signed_by, signed_at ON assessments\n"
  "  WHEN OLD.signed_by IS NOT NULL OR OLD.entered_in_error\n"
  "  BEGIN SELECT RAISE (ABORT, 'the assessment is read-only'); END;\n"
  "CREATE TRIGGER assessments_status_kept BEFORE UPDATE OF superseded_by, entered_in_error\n"
  "  ON assessments\n"
  "  WHEN OLD.superseded_by IS NOT NULL OR OLD.entered_in_error\n"
  "  BEGIN SELECT RAISE (ABORT, 'the assessment is read-only'); END;\n"
  "CREATE TRIGGER factors_read_only_insert BEFORE INSERT ON factors\n"
  "  WHEN (SELECT signed_by IS NOT NULL OR superseded_by IS NOT NULL OR entered_in_error\n"
  "        FROM assessments WHERE id = NEW.assessment_id)\n"
  "  BEGIN SELECT RAISE (ABORT, 'the assessment is read-only'); END;\n"
  "CREATE TRIGGER factors_read_only_update BEFORE UPDATE ON factors\n"
  "  WHEN (SELECT signed_by IS NOT NULL OR superseded_by IS NOT NULL OR entered_in_error\n"
  "        FROM assessments WHERE id = OLD.assessment_id)\n"
  "  BEGIN SELECT RAISE (ABORT, 'the assessment is read-only'); END;\n"
  "CREATE TRIGGER factors_read_only_delete BEFORE DELETE ON factors\n"
  "  WHEN (SELECT signed_by IS NOT NULL OR superseded_by IS NOT NULL OR entered_in_error\n"
  "        FROM assessments WHERE id = OLD.assessment_id)\n"
  "  BEGIN SELECT RAISE (ABORT, 'the assessment is read-only'); END;\n"
  "PRAGMA user_version = 2;\n",

  /* 3: the red-flag screen (the flags asked about and found absent; a flag in neither list
   * was not asked, which is how every earlier assessment reads) and when to review. */
  "ALTER TABLE assessments ADD COLUMN red_flags_absent TEXT\n"
  "  CHECK (red_flags_absent GLOB '[[]*]');\n"
  "ALTER TABLE assessments ADD COLUMN review_weeks INTEGER\n"
  "  CHECK (review_weeks BETWEEN 1 AND 52);\n"
  "DROP TRIGGER assessments_read_only;\n"
  "CREATE TRIGGER assessments_read_only BEFORE UPDATE OF patient_id, date, clinician, side,\n"
  "  location, sound, frequency, duration_weeks, provoking_movements, pain_score, symptoms,\n"
  "  history, red_flags, red_flags_absent, scoliosis, lordosis, pelvic_tilt, kyphosis,\n"
  "  forward_head, posture_notes, measures, notes, review_weeks, amends ON assessments\n"
  "  WHEN OLD.signed_by IS NOT NULL OR OLD.superseded_by IS NOT NULL OR OLD.entered_in_error\n"
  "  BEGIN SELECT RAISE (ABORT, 'the assessment is read-only'); END;\n"
  "PRAGMA user_version = 3;\n",

  /* 4: patients are guarded like assessments: never deleted, their id never changed, so that
   * no program that writes past Crepitus (with foreign keys off, as the sqlite3 shell has
   * them) can orphan a signed assessment. */
  "CREATE TRIGGER patients_never_deleted BEFORE DELETE ON patients\n"
  "  BEGIN SELECT RAISE (ABORT, 'patients are never deleted'); END;\n"
  "CREATE TRIGGER patients_id_kept BEFORE UPDATE OF id ON patients\n"
  "  BEGIN SELECT RAISE (ABORT, 'a patient keeps its id'); END;\n"
  "PRAGMA user_version = 4;\n",
};

/* The part of a migration that SQL cannot do, run after its SQL in the same transaction;
 * %NULL when there is none. */
static gboolean (* const migration_steps[]) (CrepitusStoreDb *, GError **) = {
  NULL,
  crepitus_sqlite_fill_search_keys,
  NULL,
  NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migration_steps) == G_N_ELEMENTS (migrations));

/* For tests: rows valid right after each migration, which every later migration must carry
 * over. Add one with each migration. */
static const char * const migration_samples[] = {
  "INSERT INTO patients VALUES (1001, 'S-1', 'Sample-v1', 'Ada', '1970-01-02', 'female', 'en',\n"
  "                             '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');\n"
  "INSERT INTO assessments (id, patient_id, date, side, symptoms, pain_score, measures, notes,\n"
  "                         created_at, updated_at)\n"
  "  VALUES (2001, 1001, '2026-01-05', 'left', '[\"pain\"]', 3, '{\"beighton\":"
  "[true,false,false,false,false,false,false,false,true]}', 'Sample v1',\n"
  "          '2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z');\n"
  "INSERT INTO factors VALUES (2001, 'joint-cavitation', 'likely', '[\"gas-release-pop\"]', NULL);\n",

  "INSERT INTO patients (id, mrn, family_name, given_name, birth_date, sex, language, created_at,\n"
  "                      updated_at, family_key, given_key, mrn_key)\n"
  "  VALUES (1002, 'S-2', 'Sample-v2', 'Łukasz', '1971-02-03', 'male', 'pl',\n"
  "          '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'sample v2', 'lukasz', 's 2');\n"
  "INSERT INTO patient_words (rowid, head, rest) VALUES (1002, 'sample', 'v2 lukasz s 2');\n"
  "INSERT INTO assessments (id, patient_id, date, notes, signed_by, signed_at, created_at,\n"
  "                         updated_at)\n"
  "  VALUES (2002, 1002, '2026-02-05', 'Sample v2', 'Dr Sample', '2026-02-05T10:00:00.000Z',\n"
  "          '2026-02-05T09:00:00Z', '2026-02-05T10:00:00Z');\n"
  "INSERT INTO audit (at, clinician, action, record, record_id, field, old_value, new_value)\n"
  "  VALUES ('2026-02-05T10:00:00.000Z', 'Dr Sample', 'sign', 'assessment', 2002, 'signed_by',\n"
  "          NULL, 'Dr Sample');\n",

  "INSERT INTO patients (id, family_name, created_at, updated_at, family_key)\n"
  "  VALUES (1003, 'Sample-v3', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', 'sample v3');\n"
  "INSERT INTO patient_words (rowid, head, rest) VALUES (1003, 'sample', 'v3');\n"
  "INSERT INTO assessments (id, patient_id, date, red_flags, red_flags_absent, review_weeks,\n"
  "                         notes, created_at, updated_at)\n"
  "  VALUES (2003, 1003, '2026-03-05', '[\"fever\"]', '[\"night-pain\"]', 4, 'Sample v3',\n"
  "          '2026-03-05T09:00:00Z', '2026-03-05T09:00:00Z');\n",

  "INSERT INTO patients (id, family_name, created_at, updated_at, family_key)\n"
  "  VALUES (1004, 'Sample-v4', '2026-04-01T00:00:00Z', '2026-04-01T00:00:00Z', 'sample v4');\n"
  "INSERT INTO patient_words (rowid, head, rest) VALUES (1004, 'sample', 'v4');\n"
  "INSERT INTO assessments (id, patient_id, date, notes, created_at, updated_at)\n"
  "  VALUES (2004, 1004, '2026-04-05', 'Sample v4', '2026-04-05T09:00:00Z',\n"
  "          '2026-04-05T09:00:00Z');\n",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migration_samples) == G_N_ELEMENTS (migrations));

guint
crepitus_store_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* File locks. Every store holds a shared flock on its database file for as long as it is
 * open, and crepitus_store_restore takes an exclusive one, so a restore can tell that the
 * file is in use. SQLite's own locks are POSIX record locks, independent of flock on Linux.
 * But closing any descriptor of a file drops every POSIX lock the process holds on it,
 * SQLite's included: the process keeps one descriptor per file, shared by its stores, and
 * closes it only once the last of them is closed. */

struct _FileLock
{
  dev_t dev;
  ino_t ino;
  int   fd;
  guint users;
};

static GMutex file_locks_mutex;
static GPtrArray *file_locks;   /* FileLock *, guarded by file_locks_mutex */

static FileLock *
file_lock_find (dev_t dev,
                ino_t ino)
{
  for (guint i = 0; file_locks != NULL && i < file_locks->len; i++)
    {
      FileLock *lock = file_locks->pdata[i];

      if (lock->dev == dev && lock->ino == ino)
        return lock;
    }
  return NULL;
}

gboolean
crepitus_sqlite_file_lock_held (const GStatBuf *st)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&file_locks_mutex);

  return file_lock_find (st->st_dev, st->st_ino) != NULL;
}

/* Takes the shared lock of the file at @path, waiting while a restore replaces it. */
static FileLock *
file_lock_acquire (const char  *path,
                   GError     **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&file_locks_mutex);

  for (guint attempt = 0; attempt < 10; attempt++)
    {
      GStatBuf st, locked;
      FileLock *lock;
      int fd;

      if (g_stat (path, &st) != 0)
        {
          crepitus_sqlite_set_errno_error (path, errno, error);
          return NULL;
        }
      lock = file_lock_find (st.st_dev, st.st_ino);
      if (lock != NULL)
        {
          lock->users++;
          return lock;
        }

      fd = open (path, O_RDONLY | O_CLOEXEC);
      if (fd < 0)
        {
          crepitus_sqlite_set_errno_error (path, errno, error);
          return NULL;
        }
      while (flock (fd, LOCK_SH) != 0)
        if (errno != EINTR)
          {
            crepitus_sqlite_set_errno_error (path, errno, error);
            close (fd);
            return NULL;
          }
      /* A restore may have put another file in its place meanwhile: lock that one. */
      if (fstat (fd, &locked) != 0 || g_stat (path, &st) != 0 ||
          locked.st_dev != st.st_dev || locked.st_ino != st.st_ino)
        {
          close (fd);
          continue;
        }

      lock = g_new0 (FileLock, 1);
      lock->dev = st.st_dev;
      lock->ino = st.st_ino;
      lock->fd = fd;
      lock->users = 1;
      if (file_locks == NULL)
        file_locks = g_ptr_array_new ();
      g_ptr_array_add (file_locks, lock);
      return lock;
    }

  crepitus_sqlite_set_error_code (path, SQLITE_BUSY, NULL, error);
  return NULL;
}

/* Call only once the store's SQLite connection is closed. */
static void
file_lock_release (FileLock *lock)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&file_locks_mutex);

  if (--lock->users > 0)
    return;
  g_ptr_array_remove (file_locks, lock);
  close (lock->fd);
  g_free (lock);
}

/* Opening. Every connection runs in WAL mode with synchronous=FULL, so a commit that returned
 * is on the disk and survives a crash or a power loss; foreign keys are on; a write waits for
 * another program's lock up to the busy timeout. */

void
crepitus_sqlite_close (CrepitusStoreDb *db)
{
  if (db->statements != NULL)
    g_hash_table_unref (db->statements);
  /* Closing the last connection checkpoints the WAL into the database file. */
  sqlite3_close_v2 (db->sqlite);
  if (db->lock != NULL)
    file_lock_release (db->lock);
  g_clear_pointer (&db->superseded, g_array_unref);
  g_free (db->clinician);
  g_free (db->path);
  g_free (db);
}

/* Creates the empty file (and its folder) with owner-only permissions. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd, saved_errno;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return crepitus_sqlite_set_errno_error (path, errno, error);

  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return errno == EEXIST || crepitus_sqlite_set_errno_error (path, errno, error);
  if (fchmod (fd, 0600) != 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      return crepitus_sqlite_set_errno_error (path, saved_errno, error);
    }
  close (fd);

  /* The new name is durable only once its folder is. */
  fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

gboolean
crepitus_sqlite_check_header (int          fd,
                              const char  *path,
                              GError     **error)
{
  char header[16] = { 0 };
  ssize_t n;

  n = pread (fd, header, sizeof header, 0);
  if (n < 0)
    return crepitus_sqlite_set_errno_error (path, errno, error);

  /* An empty file is a database not yet written (a crash right after creating it). */
  if (n == 0)
    return TRUE;
  if (n != sizeof header || memcmp (header, SQLITE_HEADER, sizeof header) != 0)
    return crepitus_sqlite_set_error_code (path, SQLITE_NOTADB, NULL, error);
  return TRUE;
}

/* Whether the file holds nothing yet: no tables, no version, no application id. */
static gboolean
is_blank (CrepitusStoreDb  *db,
          gboolean         *blank,
          GError          **error)
{
  gint64 n_objects;

  if (!crepitus_sqlite_query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;
  *blank = n_objects == 0;
  return TRUE;
}

gboolean
crepitus_sqlite_quick_check (CrepitusStoreDb  *db,
                             const char       *pragma,
                             GError          **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->sqlite, pragma, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return crepitus_sqlite_set_error (db, rc, error);
  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (row, "ok") != 0)
        {
          if (problems->len > 0)
            g_string_append (problems, "; ");
          g_string_append (problems, row != NULL ? row : "?");
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  if (problems->len > 0)
    {
      if (problems->len > 200)
        g_string_truncate (problems, 200);
      return crepitus_sqlite_set_error_code (db->path, SQLITE_CORRUPT, problems->str, error);
    }
  return TRUE;
}

gboolean
crepitus_sqlite_migrate (CrepitusStoreDb  *db,
                         guint             from,
                         guint             to,
                         gboolean          with_samples,
                         GError          **error)
{
  for (guint version = from; version < to; version++)
    {
      gint64 reached = -1;

      if (!crepitus_sqlite_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!crepitus_sqlite_exec (db, migrations[version], error) ||
          (migration_steps[version] != NULL && !migration_steps[version] (db, error)) ||
          (with_samples && !crepitus_sqlite_exec (db, migration_samples[version], error)) ||
          !crepitus_sqlite_query_int (db, "PRAGMA user_version", &reached, error))
        {
          crepitus_sqlite_exec (db, "ROLLBACK", NULL);
          return FALSE;
        }
      g_assert (reached == version + 1);
      if (!crepitus_sqlite_exec (db, "COMMIT", error))
        {
          if (!sqlite3_get_autocommit (db->sqlite))
            crepitus_sqlite_exec (db, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  return TRUE;
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* A connection to @filename (a path, or a URI with SQLITE_OPEN_URI in @flags) of the database
 * at @path. */
static CrepitusStoreDb *
connect_with (const char  *filename,
              const char  *path,
              int          flags,
              GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = g_new0 (CrepitusStoreDb, 1);
  int rc;

  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (NULL, NULL, NULL, statement_free);
  rc = sqlite3_open_v2 (filename, &db->sqlite, flags | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      crepitus_sqlite_set_error (db, rc, error);
      return NULL;
    }
  sqlite3_busy_timeout (db->sqlite, BUSY_TIMEOUT_MS);
  /* No writes to the schema behind SQLite's back, no double-quoted string literals. */
  sqlite3_db_config (db->sqlite, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db->sqlite, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db->sqlite, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db->sqlite, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  rc = sqlite3_create_function_v2 (db->sqlite, "crepitus_words_match", 4,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
                                   crepitus_sqlite_words_match_function, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      crepitus_sqlite_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&db);
}

CrepitusStoreDb *
crepitus_sqlite_connect (const char  *path,
                         gboolean     read_only,
                         gboolean     create,
                         GError     **error)
{
  return connect_with (path, path,
                       (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                       (create ? SQLITE_OPEN_CREATE : 0),
                       error);
}

CrepitusStoreDb *
crepitus_sqlite_connect_uri (const char  *uri,
                             const char  *path,
                             GError     **error)
{
  g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

  return connect_with (immutable, path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
}

gboolean
crepitus_sqlite_configure (CrepitusStoreDb  *db,
                           gboolean          read_only,
                           GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db->sqlite, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return crepitus_sqlite_set_error (db, rc, error);
  rc = crepitus_sqlite_step_row (db, stmt, error);
  if (rc == SQLITE_ROW)
    wal = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  else if (rc == SQLITE_DONE)
    crepitus_sqlite_set_error (db, rc, error);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;
  if (!wal && !read_only)
    return crepitus_sqlite_set_error_code (db->path, SQLITE_CANTOPEN,
                                           _("write-ahead logging is not available"), error);

  return crepitus_sqlite_exec (db, "PRAGMA synchronous = FULL", error) &&
         crepitus_sqlite_exec (db, "PRAGMA foreign_keys = ON", error);
}

/* A connection that only reads a file in a folder it may not write cannot make the -shm
 * that WAL mode shares between connections. When no -wal holds changes (the database was
 * closed cleanly: nobody writes it now), the file alone is the whole database, read as
 * immutable; otherwise the writer must be left to finish. Replaces *@db when it must. */
static gboolean
readable_here (CrepitusStoreDb **db,
               GError          **error)
{
  g_autofree char *wal = g_strconcat ((*db)->path, "-wal", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) local_error = NULL;
  CrepitusStoreDb *immutable;
  FileLock *lock;
  GStatBuf st;
  gint64 ignored;

  if (crepitus_sqlite_query_int (*db, "PRAGMA schema_version", &ignored, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED,
                   _("%s: another program is writing the database, and this folder cannot be "
                     "written to read along with it; try again once it is closed"),
                   (*db)->path);
      return FALSE;
    }

  uri = g_filename_to_uri ((*db)->path, NULL, error);
  if (uri == NULL)
    return FALSE;
  immutable = crepitus_sqlite_connect_uri (uri, (*db)->path, error);
  if (immutable == NULL)
    return FALSE;
  lock = g_steal_pointer (&(*db)->lock);
  crepitus_sqlite_close (*db);
  immutable->lock = lock;
  *db = immutable;
  return TRUE;
}

CrepitusStoreDb *
crepitus_sqlite_open (const char              *path,
                      CrepitusStoreOpenFlags   flags,
                      GError                 **error)
{
  g_autoptr(CrepitusStoreDb) db = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  gboolean read_only = (flags & CREPITUS_STORE_OPEN_READ_ONLY) != 0;
  gboolean created = FALSE;
  gint64 application_id, version;
  FileLock *lock;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      if (errno != ENOENT || read_only)
        {
          crepitus_sqlite_set_errno_error (path, errno, error);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
      created = TRUE;
    }
  else if (!S_ISREG (st.st_mode))
    {
      crepitus_sqlite_set_error_code (path, SQLITE_NOTADB, NULL, error);
      return NULL;
    }

  lock = file_lock_acquire (path, error);
  if (lock == NULL)
    return NULL;
  if (!created && !crepitus_sqlite_check_header (lock->fd, path, error))
    {
      file_lock_release (lock);
      return NULL;
    }

  /* The database, its -wal and its -shm must all be writable: say so now rather than at the
   * first edit. (Root passes these checks whatever the permissions.) */
  if (!read_only && (access (path, R_OK | W_OK) != 0 || access (folder, W_OK | X_OK) != 0))
    {
      file_lock_release (lock);
      crepitus_sqlite_set_error_code (path, SQLITE_READONLY, NULL, error);
      return NULL;
    }

  /* Never SQLITE_OPEN_CREATE here: a file that is not ours is only ever read. */
  db = crepitus_sqlite_connect (path, read_only, FALSE, error);
  if (db == NULL)
    {
      file_lock_release (lock);
      return NULL;
    }
  db->lock = lock;

  if (read_only && !readable_here (&db, error))
    return NULL;
  if (!crepitus_sqlite_query_int (db, "PRAGMA application_id", &application_id, error) ||
      !crepitus_sqlite_query_int (db, "PRAGMA user_version", &version, error))
    return NULL;

  if (application_id != DATABASE_APPLICATION_ID)
    {
      gboolean blank = FALSE;

      if (!is_blank (db, &blank, error))
        return NULL;
      if (application_id != 0 || version != 0 || !blank)
        {
          crepitus_sqlite_set_error_code (path, SQLITE_NOTADB, NULL, error);
          return NULL;
        }
      /* An empty file someone else made becomes a database its owner alone reads. */
      if (!read_only && g_chmod (path, 0600) != 0)
        {
          crepitus_sqlite_set_errno_error (path, errno, error);
          return NULL;
        }
    }

  if (version > (gint64) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NEWER_SCHEMA,
                   _("%s: the database was written by a newer Crepitus (schema version %"
                     PRId64 "; this Crepitus reads up to version %u); update "
                     "Crepitus to open it"), path, version, (guint) G_N_ELEMENTS (migrations));
      return NULL;
    }

  /* Exactly the schema this version's migrations made: no guard dropped, nothing added. A
   * few rows of sqlite_schema, not a check of every page: on a large clinic's file that took
   * most of a second at each open. SQLite still refuses a file shorter than its header says
   * and reports a damaged page when it reads one; the whole file is checked by backup,
   * restore and `crepitus check` (crepitus_sqlite_check_integrity). */
  if (!crepitus_sqlite_verify_schema (db, version, path, error))
    return NULL;

  /* Reading only, nothing is written: not even a migration. */
  if (read_only && version < (gint64) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY,
                   _("%s: the database was written by an older Crepitus and must be updated "
                     "first; open it once where it can be written"), path);
      return NULL;
    }

  if (!crepitus_sqlite_configure (db, read_only, error) ||
      !crepitus_sqlite_migrate (db, version, G_N_ELEMENTS (migrations), FALSE, error))
    return NULL;

  return g_steal_pointer (&db);
}

gboolean
crepitus_sqlite_check_integrity (CrepitusStoreDb  *db,
                                 GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!crepitus_sqlite_quick_check (db, "PRAGMA integrity_check", error))
    return FALSE;
  /* SQLite's check does not look inside the search index (a command that writes nothing,
   * refused to a read-only connection). */
  if (!sqlite3_db_readonly (db->sqlite, "main") &&
      !crepitus_sqlite_exec (db, "INSERT INTO patient_words (patient_words) "
                                 "VALUES ('integrity-check')", error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db->sqlite, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return crepitus_sqlite_set_error (db, rc, error);
  rc = crepitus_sqlite_step_row (db, stmt, error);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return crepitus_sqlite_set_error_code (db->path, SQLITE_CORRUPT,
                                           _("a reference to a missing record"), error);
  return rc == SQLITE_DONE;
}
