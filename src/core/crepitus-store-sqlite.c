/* crepitus-store-sqlite.c — the store's SQLite backend: schema, migrations, every statement
 *
 * Every connection runs in WAL mode with synchronous=FULL, so a commit that returned is on
 * the disk and survives a crash or a power loss; foreign keys are on; a write waits for
 * another program's lock up to the busy timeout. Values are always bound, never spliced into
 * SQL; the only SQL built at run time are PRAGMAs (which take no parameters) in test hooks,
 * from integers.
 */
#define G_LOG_DOMAIN "crepitus-store-sqlite"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "crepitus-store-private.h"

/* "CREP" in the header of every Crepitus database (PRAGMA application_id). */
#define DATABASE_APPLICATION_ID 0x43524550
#define BUSY_TIMEOUT_MS 5000
#define SQLITE_HEADER "SQLite format 3"   /* and its NUL: 16 bytes */

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

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
};

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
};

G_STATIC_ASSERT (G_N_ELEMENTS (migration_samples) == G_N_ELEMENTS (migrations));

struct _CrepitusStoreDb
{
  sqlite3    *sqlite;
  char       *path;
  GHashTable *statements;   /* SQL text (static) → prepared sqlite3_stmt */
};

guint
crepitus_store_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* Errors */

static gboolean
set_error_code (const char  *path,
                int          rc,
                const char  *detail,
                GError     **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FULL,
                   _("%s: the disk is full; free some space, then try again (what was saved "
                     "before is safe)"), path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED,
                   _("%s: the database is in use by another program; close it, then try "
                     "again (what was saved before is safe)"), path);
      break;
    case SQLITE_READONLY:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY,
                   _("%s: the database cannot be written (the file or its folder is "
                     "read-only); allow writing there or choose another place (what was "
                     "saved before is safe)"), path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT,
                   _("%s: the database is damaged (%s); it was left as it is; restore it "
                     "from a backup"), path, detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_A_DATABASE,
                   _("%s: this file is not a Crepitus database; it was left as it is; "
                     "choose another file"), path);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
                   _("%s: the database refused the edit (%s); nothing was stored"),
                   path, detail);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
                   _("%s: the database cannot be opened (%s); check that its folder exists "
                     "and can be written"), path, detail);
      break;
    case SQLITE_IOERR:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
                   _("%s: reading or writing the disk failed (%s); check the disk, then try "
                     "again"), path, detail);
      break;
    default:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
                   "%s: %s", path, detail);
      break;
    }
  return FALSE;
}

static gboolean
set_sqlite_error (CrepitusStoreDb  *db,
                  int               rc,
                  GError          **error)
{
  return set_error_code (db->path, rc, sqlite3_errmsg (db->sqlite), error);
}

static gboolean
set_errno_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY,
                 _("%s: the database cannot be written (%s); allow writing there or choose "
                   "another place"), path, g_strerror (saved_errno));
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FULL,
                 _("%s: the disk is full; free some space, then try again"), path);
  else
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
                 _("%s: the database cannot be opened (%s)"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Statements */

static sqlite3_stmt *
prepare (CrepitusStoreDb  *db,
         const char       *sql,
         GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v3 (db->sqlite, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
      return NULL;
    }
  g_hash_table_insert (db->statements, (gpointer) sql, stmt);
  return stmt;
}

static void
done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            GVariant     *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  else
    sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* The value in column @column of the current row, or %NULL for NULL. */
static gboolean
column_value (CrepitusStoreDb  *db,
              sqlite3_stmt     *stmt,
              int               column,
              GVariant        **value,
              GError          **error)
{
  const char *text;

  *value = NULL;
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      *value = g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (stmt, column)));
      return TRUE;
    case SQLITE_TEXT:
      text = (const char *) sqlite3_column_text (stmt, column);
      if (text != NULL && g_utf8_validate (text, sqlite3_column_bytes (stmt, column), NULL))
        {
          *value = g_variant_ref_sink (g_variant_new_string (text));
          return TRUE;
        }
      break;
    default:
      break;
    }
  return set_error_code (db->path, SQLITE_CORRUPT, _("a value of the wrong type"), error);
}

/* Runs a statement that returns no rows; returns the number of rows it changed, or -1. */
static gint64
run (CrepitusStoreDb  *db,
     sqlite3_stmt     *stmt,
     GError          **error)
{
  int rc = sqlite3_step (stmt);

  done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (db, rc, error);
      return -1;
    }
  return sqlite3_changes64 (db->sqlite);
}

static gboolean
exec (CrepitusStoreDb  *db,
      const char       *sql,
      GError          **error)
{
  int rc = sqlite3_exec (db->sqlite, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || set_sqlite_error (db, rc, error);
}

/* The integer that a one-value statement (a PRAGMA) returns. */
static gboolean
query_int (CrepitusStoreDb  *db,
           const char       *sql,
           gint64           *result,
           GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->sqlite, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *result = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_sqlite_error (db, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

typedef enum { PATIENT, ASSESSMENT } Record;

static gboolean
not_found (CrepitusStoreDb  *db,
           Record            record,
           gint64            id,
           GError          **error)
{
  if (record == PATIENT)
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_FOUND,
                 _("%s: there is no patient %" PRId64), db->path, id);
  else
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_FOUND,
                 _("%s: there is no assessment %" PRId64), db->path, id);
  return FALSE;
}

/* A stored value the model refuses: the file was changed outside Crepitus. */
static gboolean
stored_value_error (CrepitusStoreDb  *db,
                    GError          **error)
{
  g_prefix_error (error, _("%s: a stored value cannot be read: "), db->path);
  return FALSE;
}

/* Opening */

static void
db_free (CrepitusStoreDb *db)
{
  if (db->statements != NULL)
    g_hash_table_unref (db->statements);
  /* Closing the last connection checkpoints the WAL into the database file. */
  sqlite3_close_v2 (db->sqlite);
  g_free (db->path);
  g_free (db);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusStoreDb, db_free)

/* Creates the empty file (and its folder) with owner-only permissions. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd, saved_errno;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return set_errno_error (path, errno, error);

  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return errno == EEXIST || set_errno_error (path, errno, error);
  if (fchmod (fd, 0600) != 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      return set_errno_error (path, saved_errno, error);
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

/* Refuses, before SQLite sees it, a file that is not an SQLite database at all. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  char header[16] = { 0 };
  ssize_t n;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return set_errno_error (path, errno, error);
  n = read (fd, header, sizeof header);
  close (fd);

  /* An empty file is a database not yet written (a crash right after creating it). */
  if (n == 0)
    return TRUE;
  if (n != sizeof header || memcmp (header, SQLITE_HEADER, sizeof header) != 0)
    return set_error_code (path, SQLITE_NOTADB, NULL, error);
  return TRUE;
}

/* Whether the file holds nothing yet: no tables, no version, no application id. */
static gboolean
is_blank (CrepitusStoreDb  *db,
          gboolean         *blank,
          GError          **error)
{
  gint64 n_objects;

  if (!query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;
  *blank = n_objects == 0;
  return TRUE;
}

static gboolean
quick_check (CrepitusStoreDb  *db,
             const char       *pragma,
             GError          **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->sqlite, pragma, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (row, "ok") != 0)
        {
          if (problems->len > 0)
            g_string_append (problems, "; ");
          g_string_append (problems, row != NULL ? row : "?");
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    return set_sqlite_error (db, rc, error);
  if (problems->len > 0)
    {
      if (problems->len > 200)
        g_string_truncate (problems, 200);
      return set_error_code (db->path, SQLITE_CORRUPT, problems->str, error);
    }
  return TRUE;
}

static gboolean
migrate (CrepitusStoreDb  *db,
         guint             from,
         guint             to,
         gboolean          with_samples,
         GError          **error)
{
  for (guint version = from; version < to; version++)
    {
      gint64 reached = -1;

      if (!exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec (db, migrations[version], error) ||
          (with_samples && !exec (db, migration_samples[version], error)) ||
          !query_int (db, "PRAGMA user_version", &reached, error))
        {
          exec (db, "ROLLBACK", NULL);
          return FALSE;
        }
      g_assert (reached == version + 1);
      if (!exec (db, "COMMIT", error))
        {
          if (!sqlite3_get_autocommit (db->sqlite))
            exec (db, "ROLLBACK", NULL);
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

/* A connection, with the settings every connection has. */
static CrepitusStoreDb *
db_connect (const char  *path,
         gboolean     read_only,
         gboolean     create,
         GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = g_new0 (CrepitusStoreDb, 1);
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
              (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_EXRESCODE;
  int rc;

  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (NULL, NULL, NULL, statement_free);
  rc = sqlite3_open_v2 (path, &db->sqlite, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
      return NULL;
    }
  sqlite3_busy_timeout (db->sqlite, BUSY_TIMEOUT_MS);
  /* No writes to the schema behind SQLite's back, no double-quoted string literals. */
  sqlite3_db_config (db->sqlite, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db->sqlite, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db->sqlite, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db->sqlite, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  return g_steal_pointer (&db);
}

/* WAL, durable commits, foreign keys: only once the file is known to be ours. */
static gboolean
configure (CrepitusStoreDb  *db,
           gboolean          read_only,
           GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db->sqlite, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      wal = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, error);
  if (!wal && !read_only)
    return set_error_code (db->path, SQLITE_CANTOPEN,
                           _("write-ahead logging is not available"), error);

  return exec (db, "PRAGMA synchronous = FULL", error) &&
         exec (db, "PRAGMA foreign_keys = ON", error);
}

static CrepitusStoreDb *
sqlite_open (const char              *path,
             CrepitusStoreOpenFlags   flags,
             GError                 **error)
{
  g_autoptr(CrepitusStoreDb) db = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  gboolean read_only = (flags & CREPITUS_STORE_OPEN_READ_ONLY) != 0;
  gboolean created = FALSE;
  gint64 application_id, version;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      if (errno != ENOENT)
        {
          set_errno_error (path, errno, error);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
      created = TRUE;
    }
  else if (!S_ISREG (st.st_mode))
    {
      set_error_code (path, SQLITE_NOTADB, NULL, error);
      return NULL;
    }
  else if (!check_header (path, error))
    return NULL;

  /* The database, its -wal and its -shm must all be writable: say so now rather than at the
   * first edit. (Root passes these checks whatever the permissions.) */
  if (!read_only && (access (path, R_OK | W_OK) != 0 || access (folder, W_OK | X_OK) != 0))
    {
      set_error_code (path, SQLITE_READONLY, NULL, error);
      return NULL;
    }

  /* Never SQLITE_OPEN_CREATE here: a file that is not ours is only ever read. */
  db = db_connect (path, read_only, FALSE, error);
  if (db == NULL)
    return NULL;

  if (!query_int (db, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, "PRAGMA user_version", &version, error))
    return NULL;

  if (application_id != DATABASE_APPLICATION_ID)
    {
      gboolean blank = FALSE;

      if (!is_blank (db, &blank, error))
        return NULL;
      if (application_id != 0 || version != 0 || !blank)
        {
          set_error_code (path, SQLITE_NOTADB, NULL, error);
          return NULL;
        }
      created = TRUE;
    }

  if (version > (gint64) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NEWER_SCHEMA,
                   _("%s: the database was written by a newer Crepitus (schema version %"
                     PRId64 "; this Crepitus reads up to version %u); update "
                     "Crepitus to open it"), path, version, (guint) G_N_ELEMENTS (migrations));
      return NULL;
    }

  if (!created && !quick_check (db, "PRAGMA quick_check", error))
    return NULL;

  if (!configure (db, read_only, error) ||
      !migrate (db, version, G_N_ELEMENTS (migrations), FALSE, error))
    return NULL;

  return g_steal_pointer (&db);
}

static void
sqlite_close (CrepitusStoreDb *db)
{
  db_free (db);
}

/* Transactions */

static gboolean
sqlite_begin (CrepitusStoreDb  *db,
              GError          **error)
{
  sqlite3_stmt *stmt = prepare (db, "BEGIN IMMEDIATE", error);

  return stmt != NULL && run (db, stmt, error) >= 0;
}

static void
sqlite_rollback (CrepitusStoreDb *db)
{
  /* After some errors (a full disk among them) SQLite has rolled back already. */
  if (!sqlite3_get_autocommit (db->sqlite))
    exec (db, "ROLLBACK", NULL);
}

static gboolean
sqlite_commit (CrepitusStoreDb  *db,
               GError          **error)
{
  sqlite3_stmt *stmt = prepare (db, "COMMIT", error);

  if (stmt != NULL && run (db, stmt, error) >= 0)
    return TRUE;
  sqlite_rollback (db);
  return FALSE;
}

/* Patients */

#define PATIENT_COLUMNS "mrn, family_name, given_name, birth_date, sex, language"

static const char * const patient_updates[CREPITUS_STORE_N_PATIENT_FIELDS] = {
#define UPDATE(column) "UPDATE patients SET " column " = ?1, updated_at = " NOW " WHERE id = ?2"
  [CREPITUS_STORE_PATIENT_MRN] = UPDATE ("mrn"),
  [CREPITUS_STORE_PATIENT_FAMILY_NAME] = UPDATE ("family_name"),
  [CREPITUS_STORE_PATIENT_GIVEN_NAME] = UPDATE ("given_name"),
  [CREPITUS_STORE_PATIENT_BIRTH_DATE] = UPDATE ("birth_date"),
  [CREPITUS_STORE_PATIENT_SEX] = UPDATE ("sex"),
  [CREPITUS_STORE_PATIENT_LANGUAGE] = UPDATE ("language"),
#undef UPDATE
};

static gint64
sqlite_insert_patient (CrepitusStoreDb  *db,
                       CrepitusPatient  *patient,
                       GError          **error)
{
  sqlite3_stmt *stmt = prepare (db, "INSERT INTO patients (" PATIENT_COLUMNS ", created_at, "
                                    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " NOW ", "
                                    NOW ")", error);

  if (stmt == NULL)
    return -1;
  for (guint field = 0; field < CREPITUS_STORE_N_PATIENT_FIELDS; field++)
    {
      g_autoptr(GVariant) value = crepitus_store_patient_get_value (patient, field);

      bind_value (stmt, field + 1, value);
    }
  if (run (db, stmt, error) < 0)
    return -1;
  return sqlite3_last_insert_rowid (db->sqlite);
}

static gboolean
sqlite_update_patient (CrepitusStoreDb            *db,
                       gint64                      id,
                       CrepitusStorePatientField   field,
                       GVariant                   *value,
                       GError                    **error)
{
  sqlite3_stmt *stmt = prepare (db, patient_updates[field], error);
  gint64 changed;

  if (stmt == NULL)
    return FALSE;
  bind_value (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);
  changed = run (db, stmt, error);
  if (changed < 0)
    return FALSE;
  return changed == 1 || not_found (db, PATIENT, id, error);
}

/* The patient in the current row of @stmt: id, then the fields in order. */
static CrepitusPatient *
patient_from_row (CrepitusStoreDb  *db,
                  sqlite3_stmt     *stmt,
                  GError          **error)
{
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();

  for (guint field = 0; field < CREPITUS_STORE_N_PATIENT_FIELDS; field++)
    {
      g_autoptr(GVariant) value = NULL;

      if (!column_value (db, stmt, field + 1, &value, error))
        return NULL;
      if (!crepitus_store_patient_set_value (patient, field, value, error))
        {
          stored_value_error (db, error);
          return NULL;
        }
    }
  crepitus_patient_set_id (patient, sqlite3_column_int64 (stmt, 0));
  return g_steal_pointer (&patient);
}

static CrepitusPatient *
sqlite_load_patient (CrepitusStoreDb  *db,
                     gint64            id,
                     GError          **error)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT id, " PATIENT_COLUMNS " FROM patients WHERE id = ?1",
                                error);
  CrepitusPatient *patient = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    patient = patient_from_row (db, stmt, error);
  else if (rc == SQLITE_DONE)
    not_found (db, PATIENT, id, error);
  else
    set_sqlite_error (db, rc, error);
  done (stmt);
  return patient;
}

static GPtrArray *
sqlite_list_patients (CrepitusStoreDb  *db,
                      GError          **error)
{
  g_autoptr(GPtrArray) patients = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = prepare (db, "SELECT id, " PATIENT_COLUMNS " FROM patients ORDER BY id",
                                error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrepitusPatient *patient = patient_from_row (db, stmt, error);

      if (patient == NULL)
        {
          done (stmt);
          return NULL;
        }
      g_ptr_array_add (patients, patient);
    }
  done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&patients);
}

/* The ids a bound statement returns. */
static GArray *
collect_ids (CrepitusStoreDb  *db,
             sqlite3_stmt     *stmt,
             GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  done (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static GArray *
sqlite_find_by_mrn (CrepitusStoreDb  *db,
                    const char       *mrn,
                    GError          **error)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT id FROM patients WHERE mrn = ?1 ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, mrn);
  return collect_ids (db, stmt, error);
}

static GArray *
sqlite_find_by_name (CrepitusStoreDb  *db,
                     const char       *family_name,
                     const char       *given_name,
                     const char       *birth_date,
                     GError          **error)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT id FROM patients WHERE family_name = ?1 AND "
                                    "given_name IS ?2 AND birth_date IS ?3 ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, family_name);
  bind_text (stmt, 2, given_name);
  bind_text (stmt, 3, birth_date);
  return collect_ids (db, stmt, error);
}

static gboolean
sqlite_earliest_date (CrepitusStoreDb  *db,
                      gint64            patient_id,
                      char            **date,
                      GError          **error)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT min (date) FROM assessments WHERE patient_id = ?1",
                                error);
  int rc;

  *date = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  done (stmt);
  return rc == SQLITE_ROW || set_sqlite_error (db, rc, error);
}

/* Assessments */

#define ASSESSMENT_COLUMNS \
  "date, clinician, side, location, sound, frequency, duration_weeks, provoking_movements, " \
  "pain_score, symptoms, history, red_flags, scoliosis, lordosis, pelvic_tilt, kyphosis, "   \
  "forward_head, posture_notes, measures, notes"

static const char * const assessment_updates[CREPITUS_STORE_N_ASSESSMENT_FIELDS] = {
#define UPDATE(column) "UPDATE assessments SET " column " = ?1, updated_at = " NOW " WHERE id = ?2"
  [CREPITUS_STORE_ASSESSMENT_DATE] = UPDATE ("date"),
  [CREPITUS_STORE_ASSESSMENT_CLINICIAN] = UPDATE ("clinician"),
  [CREPITUS_STORE_ASSESSMENT_SIDE] = UPDATE ("side"),
  [CREPITUS_STORE_ASSESSMENT_LOCATION] = UPDATE ("location"),
  [CREPITUS_STORE_ASSESSMENT_SOUND] = UPDATE ("sound"),
  [CREPITUS_STORE_ASSESSMENT_FREQUENCY] = UPDATE ("frequency"),
  [CREPITUS_STORE_ASSESSMENT_DURATION_WEEKS] = UPDATE ("duration_weeks"),
  [CREPITUS_STORE_ASSESSMENT_PROVOKING_MOVEMENTS] = UPDATE ("provoking_movements"),
  [CREPITUS_STORE_ASSESSMENT_PAIN_SCORE] = UPDATE ("pain_score"),
  [CREPITUS_STORE_ASSESSMENT_SYMPTOMS] = UPDATE ("symptoms"),
  [CREPITUS_STORE_ASSESSMENT_HISTORY] = UPDATE ("history"),
  [CREPITUS_STORE_ASSESSMENT_RED_FLAGS] = UPDATE ("red_flags"),
  [CREPITUS_STORE_ASSESSMENT_SCOLIOSIS] = UPDATE ("scoliosis"),
  [CREPITUS_STORE_ASSESSMENT_LORDOSIS] = UPDATE ("lordosis"),
  [CREPITUS_STORE_ASSESSMENT_PELVIC_TILT] = UPDATE ("pelvic_tilt"),
  [CREPITUS_STORE_ASSESSMENT_KYPHOSIS] = UPDATE ("kyphosis"),
  [CREPITUS_STORE_ASSESSMENT_FORWARD_HEAD] = UPDATE ("forward_head"),
  [CREPITUS_STORE_ASSESSMENT_POSTURE_NOTES] = UPDATE ("posture_notes"),
  [CREPITUS_STORE_ASSESSMENT_MEASURES] = UPDATE ("measures"),
  [CREPITUS_STORE_ASSESSMENT_NOTES] = UPDATE ("notes"),
#undef UPDATE
};

static gboolean
sqlite_save_factor (CrepitusStoreDb       *db,
                    gint64                 assessment_id,
                    CrepitusFactorRecord  *record,
                    GError               **error)
{
  sqlite3_stmt *stmt;
  gint64 changed;

  /* The assessment changed too, and must exist. */
  stmt = prepare (db, "UPDATE assessments SET updated_at = " NOW " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  changed = run (db, stmt, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    return not_found (db, ASSESSMENT, assessment_id, error);

  if (crepitus_factor_record_is_empty (record))
    {
      stmt = prepare (db, "DELETE FROM factors WHERE assessment_id = ?1 AND factor = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      bind_text (stmt, 2, crepitus_factor_record_get_key (record));
      return run (db, stmt, error) >= 0;
    }

  stmt = prepare (db, "INSERT INTO factors (assessment_id, factor, judgement, findings, notes) "
                      "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (assessment_id, factor) DO "
                      "UPDATE SET judgement = excluded.judgement, findings = excluded.findings, "
                      "notes = excluded.notes", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  bind_text (stmt, 2, crepitus_factor_record_get_key (record));
  for (guint field = 0; field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
    {
      g_autoptr(GVariant) value = crepitus_store_factor_get_value (record, field);

      bind_value (stmt, field + 3, value);
    }
  return run (db, stmt, error) >= 0;
}

static gint64
sqlite_insert_assessment (CrepitusStoreDb     *db,
                          gint64               patient_id,
                          CrepitusAssessment  *assessment,
                          GError             **error)
{
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = prepare (db, "INSERT INTO assessments (patient_id, " ASSESSMENT_COLUMNS ", created_at, "
                      "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                      "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, " NOW ", " NOW ")", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  for (guint field = 0; field < CREPITUS_STORE_N_ASSESSMENT_FIELDS; field++)
    {
      g_autoptr(GVariant) value = crepitus_store_assessment_get_value (assessment, field);

      bind_value (stmt, field + 2, value);
    }
  if (run (db, stmt, error) < 0)
    return -1;
  id = sqlite3_last_insert_rowid (db->sqlite);

  for (guint i = 0; i < n_factors; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, factors[i].key);

      if (!crepitus_factor_record_is_empty (record) &&
          !sqlite_save_factor (db, id, record, error))
        return -1;
    }
  return id;
}

static gboolean
sqlite_update_assessment (CrepitusStoreDb               *db,
                          gint64                         id,
                          CrepitusStoreAssessmentField   field,
                          GVariant                      *value,
                          GError                       **error)
{
  sqlite3_stmt *stmt = prepare (db, assessment_updates[field], error);
  gint64 changed;

  if (stmt == NULL)
    return FALSE;
  bind_value (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);
  changed = run (db, stmt, error);
  if (changed < 0)
    return FALSE;
  return changed == 1 || not_found (db, ASSESSMENT, id, error);
}

static gboolean
sqlite_move_assessment (CrepitusStoreDb  *db,
                        gint64            id,
                        gint64            patient_id,
                        GError          **error)
{
  sqlite3_stmt *stmt = prepare (db, "UPDATE assessments SET patient_id = ?1, updated_at = " NOW
                                    " WHERE id = ?2", error);
  gint64 changed;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  sqlite3_bind_int64 (stmt, 2, id);
  changed = run (db, stmt, error);
  if (changed < 0)
    return FALSE;
  return changed == 1 || not_found (db, ASSESSMENT, id, error);
}

static gboolean
load_factors (CrepitusStoreDb     *db,
              CrepitusAssessment  *assessment,
              gint64               id,
              GError             **error)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT factor, judgement, findings, notes FROM factors "
                                    "WHERE assessment_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      CrepitusFactorRecord *record;

      if (key == NULL || crepitus_catalog_factor (key) == NULL)
        {
          done (stmt);
          return set_error_code (db->path, SQLITE_CORRUPT, _("an unknown factor"), error);
        }
      record = crepitus_assessment_get_factor (assessment, key);
      for (guint field = 0; field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
        {
          g_autoptr(GVariant) value = NULL;

          if (!column_value (db, stmt, field + 1, &value, error))
            {
              done (stmt);
              return FALSE;
            }
          if (!crepitus_store_factor_set_value (record, field, value, error))
            {
              done (stmt);
              return stored_value_error (db, error);
            }
        }
    }
  done (stmt);
  return rc == SQLITE_DONE || set_sqlite_error (db, rc, error);
}

static CrepitusAssessment *
sqlite_load_assessment (CrepitusStoreDb  *db,
                        gint64            id,
                        CrepitusPatient  *patient,
                        GError          **error)
{
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(CrepitusPatient) loaded = NULL;
  sqlite3_stmt *stmt = prepare (db, "SELECT patient_id, " ASSESSMENT_COLUMNS " FROM assessments "
                                    "WHERE id = ?1", error);
  gint64 patient_id;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      done (stmt);
      if (rc == SQLITE_DONE)
        not_found (db, ASSESSMENT, id, error);
      else
        set_sqlite_error (db, rc, error);
      return NULL;
    }

  patient_id = sqlite3_column_int64 (stmt, 0);
  assessment = crepitus_assessment_new (NULL);
  for (guint field = 0; field < CREPITUS_STORE_N_ASSESSMENT_FIELDS; field++)
    {
      g_autoptr(GVariant) value = NULL;

      if (!column_value (db, stmt, field + 1, &value, error))
        {
          done (stmt);
          return NULL;
        }
      if (!crepitus_store_assessment_set_value (assessment, field, value, error))
        {
          done (stmt);
          stored_value_error (db, error);
          return NULL;
        }
    }
  done (stmt);

  if (!load_factors (db, assessment, id, error))
    return NULL;

  if (patient == NULL)
    {
      loaded = sqlite_load_patient (db, patient_id, error);
      if (loaded == NULL)
        return NULL;
      patient = loaded;
    }
  crepitus_assessment_set_patient (assessment, patient);
  crepitus_assessment_set_id (assessment, id);
  return g_steal_pointer (&assessment);
}

static GArray *
sqlite_list_assessments (CrepitusStoreDb  *db,
                         gint64            patient_id,
                         GError          **error)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT id FROM assessments WHERE patient_id = ?1 "
                                    "ORDER BY date, id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  return collect_ids (db, stmt, error);
}

static gboolean
sqlite_check_integrity (CrepitusStoreDb  *db,
                        GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!quick_check (db, "PRAGMA integrity_check", error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db->sqlite, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return set_error_code (db->path, SQLITE_CORRUPT, _("a reference to a missing record"), error);
  return rc == SQLITE_DONE || set_sqlite_error (db, rc, error);
}

const CrepitusStoreBackend crepitus_store_sqlite_backend = {
  .name = "sqlite",
  .open = sqlite_open,
  .close = sqlite_close,
  .begin = sqlite_begin,
  .commit = sqlite_commit,
  .rollback = sqlite_rollback,
  .insert_patient = sqlite_insert_patient,
  .update_patient = sqlite_update_patient,
  .load_patient = sqlite_load_patient,
  .list_patients = sqlite_list_patients,
  .find_by_mrn = sqlite_find_by_mrn,
  .find_by_name = sqlite_find_by_name,
  .earliest_date = sqlite_earliest_date,
  .insert_assessment = sqlite_insert_assessment,
  .update_assessment = sqlite_update_assessment,
  .move_assessment = sqlite_move_assessment,
  .save_factor = sqlite_save_factor,
  .load_assessment = sqlite_load_assessment,
  .list_assessments = sqlite_list_assessments,
  .check_integrity = sqlite_check_integrity,
};

/* Test hooks */

void
crepitus_store_testing_set_busy_timeout (CrepitusStore *self,
                                         int            milliseconds)
{
  sqlite3_busy_timeout (crepitus_store_get_db (self)->sqlite, milliseconds);
}

gboolean
crepitus_store_testing_limit_pages (CrepitusStore  *self,
                                    gint64          extra_pages,
                                    GError        **error)
{
  CrepitusStoreDb *db = crepitus_store_get_db (self);
  g_autofree char *pragma = NULL;
  gint64 pages, limit;

  if (!query_int (db, "PRAGMA page_count", &pages, error))
    return FALSE;
  /* PRAGMAs take no parameters; the value is an integer of ours. */
  pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + extra_pages);
  return query_int (db, pragma, &limit, error);
}

gint64
crepitus_store_testing_count_rows (CrepitusStore *self,
                                   const char    *table)
{
  CrepitusStoreDb *db = crepitus_store_get_db (self);
  const char *sql;
  gint64 count = -1;

  if (g_str_equal (table, "patients"))
    sql = "SELECT count(*) FROM patients";
  else if (g_str_equal (table, "assessments"))
    sql = "SELECT count(*) FROM assessments";
  else if (g_str_equal (table, "factors"))
    sql = "SELECT count(*) FROM factors";
  else
    g_return_val_if_reached (-1);

  if (!query_int (db, sql, &count, NULL))
    return -1;
  return count;
}

gint64
crepitus_store_testing_file_version (const char *path)
{
  g_autoptr(CrepitusStoreDb) db = db_connect (path, TRUE, FALSE, NULL);
  gint64 version = -1;

  if (db == NULL || !query_int (db, "PRAGMA user_version", &version, NULL))
    return -1;
  return version;
}

gboolean
crepitus_store_testing_create_at (const char  *path,
                                  guint        version,
                                  GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = NULL;

  g_return_val_if_fail (version <= G_N_ELEMENTS (migrations), FALSE);

  db = db_connect (path, FALSE, TRUE, error);
  return db != NULL && configure (db, FALSE, error) && migrate (db, 0, version, TRUE, error);
}

gboolean
crepitus_store_testing_set_version (const char  *path,
                                    guint        version,
                                    GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = db_connect (path, FALSE, FALSE, error);
  g_autofree char *pragma = NULL;

  if (db == NULL)
    return FALSE;
  /* PRAGMAs take no parameters; the value is an integer of ours. */
  pragma = g_strdup_printf ("PRAGMA user_version = %u", version);
  return exec (db, pragma, error);
}

gboolean
crepitus_store_testing_create_foreign (const char  *path,
                                       GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = db_connect (path, FALSE, TRUE, error);

  return db != NULL &&
         exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread');",
               error);
}

void
crepitus_store_testing_hold_lock (const char *path,
                                  int         ready_fd,
                                  int         release_fd)
{
  g_autoptr(CrepitusStoreDb) db = db_connect (path, FALSE, FALSE, NULL);
  char byte = 0;

  if (db == NULL || !exec (db, "BEGIN EXCLUSIVE", NULL) || write (ready_fd, &byte, 1) != 1)
    _exit (1);
  /* Hold the lock until the parent closes its end. */
  while (read (release_fd, &byte, 1) > 0)
    ;
  _exit (0);
}
