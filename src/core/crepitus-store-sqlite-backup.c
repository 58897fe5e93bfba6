/* crepitus-store-sqlite-backup.c — the SQLite backend's checked backups and their restore */
#define G_LOG_DOMAIN "crepitus-store-sqlite-backup"

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

/* Makes the new name of a file in @folder durable. */
static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* A new empty file (0600) beside @path, for a copy that is renamed into place once complete. */
static char *
create_temporary (const char  *path,
                  GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.partial-XXXXXX", name);
  char *temporary = g_build_filename (folder, template, NULL);
  int fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      crepitus_sqlite_set_errno_error (path, errno, error);
      g_free (temporary);
      return NULL;
    }
  close (fd);
  return temporary;
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Turns the copy at @temporary (messages name @path) into a single file in rollback-journal
 * mode, checks it whole, and makes it durable. */
static gboolean
finish_copy (const char  *temporary,
             const char  *path,
             GError     **error)
{
  g_autoptr(CrepitusStoreDb) copy = crepitus_sqlite_connect (temporary, FALSE, FALSE, error);
  gboolean ok;
  int fd;

  if (copy == NULL)
    return FALSE;
  g_free (copy->path);
  copy->path = g_strdup (path);
  ok = crepitus_sqlite_exec (copy, "PRAGMA journal_mode = DELETE", error) &&
       crepitus_sqlite_quick_check (copy, "PRAGMA integrity_check", error);
  g_clear_pointer (&copy, crepitus_sqlite_close);
  if (!ok)
    return FALSE;

  fd = open (temporary, O_RDWR | O_CLOEXEC);
  if (fd < 0 || fchmod (fd, 0600) != 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      return crepitus_sqlite_set_errno_error (path, saved_errno, error);
    }
  close (fd);
  return TRUE;
}

gboolean
crepitus_store_file_is_database (const char *path)
{
  guint8 header[72];
  guint32 application_id;
  gboolean read_whole;
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    return FALSE;
  read_whole = pread (fd, header, sizeof header, 0) == sizeof header;
  close (fd);
  /* The 16-byte "SQLite format 3" header; the application id is big-endian at offset 68. */
  memcpy (&application_id, header + 68, sizeof application_id);
  return read_whole && memcmp (header, "SQLite format 3", 16) == 0 &&
         GUINT32_FROM_BE (application_id) == DATABASE_APPLICATION_ID;
}

/* Whether @a and @b name the same file, or would. */
static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *canonical_a = g_canonicalize_filename (a, NULL);
  g_autofree char *canonical_b = g_canonicalize_filename (b, NULL);
  GStatBuf st_a, st_b;

  if (g_stat (a, &st_a) == 0 && g_stat (b, &st_b) == 0)
    return st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
  return g_str_equal (canonical_a, canonical_b);
}

static gboolean
refuse_live_file (const char  *live,
                  const char  *other,
                  GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (live, suffixes[i], NULL);

      if (same_file (file, other))
        {
          g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT,
                       _("%s: this is the database itself (or one of its files); choose "
                         "another file"), other);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
crepitus_sqlite_backup (CrepitusStoreDb  *db,
                        const char       *path,
                        GError          **error)
{
  g_autofree char *temporary = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!refuse_live_file (db->path, path, error))
    return FALSE;
  temporary = create_temporary (path, error);
  if (temporary == NULL)
    return FALSE;

  /* One pass in one read transaction: a consistent snapshot, while others keep writing. */
  rc = sqlite3_open_v2 (temporary, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", db->sqlite, "main");
      if (backup == NULL)
        rc = sqlite3_extended_errcode (copy);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          rc = rc == SQLITE_DONE ? sqlite3_backup_finish (backup)
                                 : (sqlite3_backup_finish (backup), rc);
        }
    }
  if (rc != SQLITE_OK)
    crepitus_sqlite_set_error_code (path, rc, copy != NULL ? sqlite3_errmsg (copy) : NULL, error);
  sqlite3_close (copy);

  if (rc != SQLITE_OK || !finish_copy (temporary, path, error))
    {
      remove_database_files (temporary);
      return FALSE;
    }
  if (g_rename (temporary, path) != 0)
    {
      crepitus_sqlite_set_errno_error (path, errno, error);
      remove_database_files (temporary);
      return FALSE;
    }
  sync_folder (folder);
  return TRUE;
}

/* Copies the file at @from to the new file @to, durably. */
static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  char buffer[64 * 1024];
  int in, out;
  gboolean ok = TRUE;
  ssize_t n;

  in = open (from, O_RDONLY | O_CLOEXEC);
  if (in < 0)
    return crepitus_sqlite_set_errno_error (from, errno, error);
  out = open (to, O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (out < 0)
    {
      close (in);
      return crepitus_sqlite_set_errno_error (to, errno, error);
    }
  while (ok && (n = read (in, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          ok = errno == EINTR || crepitus_sqlite_set_errno_error (from, errno, error);
          continue;
        }
      for (ssize_t written = 0, w; ok && written < n; written += MAX (w, 0))
        {
          w = write (out, buffer + written, n - written);
          if (w < 0 && errno != EINTR)
            ok = crepitus_sqlite_set_errno_error (to, errno, error);
        }
    }
  if (ok && fsync (out) != 0)
    ok = crepitus_sqlite_set_errno_error (to, errno, error);
  close (in);
  close (out);
  return ok;
}

/* Checks the copy of a backup: a Crepitus database this Crepitus can read, undamaged. */
static gboolean
check_backup (const char  *temporary,
              const char  *backup_path,
              GError     **error)
{
  g_autoptr(CrepitusStoreDb) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 application_id, version;
  int fd;
  gboolean ok;

  fd = open (temporary, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return crepitus_sqlite_set_errno_error (backup_path, errno, error);
  ok = crepitus_sqlite_check_header (fd, backup_path, error);
  if (ok && lseek (fd, 0, SEEK_END) == 0)
    ok = crepitus_sqlite_set_error_code (backup_path, SQLITE_NOTADB, NULL, error);
  close (fd);
  if (!ok)
    return FALSE;

  copy = crepitus_sqlite_connect (temporary, FALSE, FALSE, error);
  if (copy == NULL)
    return FALSE;
  g_free (copy->path);
  copy->path = g_strdup (backup_path);
  if (!crepitus_sqlite_query_int (copy, "PRAGMA application_id", &application_id, &local_error) ||
      !crepitus_sqlite_query_int (copy, "PRAGMA user_version", &version, &local_error))
    goto failed;
  if (application_id != DATABASE_APPLICATION_ID)
    return crepitus_sqlite_set_error_code (backup_path, SQLITE_NOTADB, NULL, error);
  if (version > (gint64) crepitus_store_schema_version ())
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NEWER_SCHEMA,
                   _("%s: the backup was written by a newer Crepitus (schema version %"
                     PRId64 "; this Crepitus reads up to version %u); update Crepitus to "
                     "restore it"), backup_path, version, crepitus_store_schema_version ());
      return FALSE;
    }
  /* An older schema is migrated when the database is next opened; a changed one is refused
   * now, before it replaces anything. */
  if (!crepitus_sqlite_verify_schema (copy, version, backup_path, error))
    return FALSE;
  if (crepitus_sqlite_quick_check (copy, "PRAGMA integrity_check", &local_error) &&
      crepitus_sqlite_exec (copy, "PRAGMA journal_mode = DELETE", &local_error))
    return TRUE;

failed:
  if (g_error_matches (local_error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT,
                 _("%s: the backup is damaged; nothing was restored; choose another backup"),
                 backup_path);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
in_use_error (const char  *path,
              GError     **error)
{
  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED,
               _("%s: the database is open in another program (close Crepitus there first); "
                 "nothing was restored"), path);
  return FALSE;
}

/* Empties the WAL of the database at @path into it, which no one else has open. */
static gboolean
checkpoint (const char  *path,
            GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = crepitus_sqlite_connect (path, FALSE, FALSE, NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean busy;
  int rc;

  /* A damaged file is replaced as it is, and kept. */
  if (db == NULL)
    return TRUE;
  rc = sqlite3_prepare_v2 (db->sqlite, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = crepitus_sqlite_step_row (db, stmt, NULL);
  if (rc == SQLITE_ROW)
    busy = sqlite3_column_int (stmt, 0) != 0;
  else
    busy = (rc & 0xff) == SQLITE_BUSY;
  sqlite3_finalize (stmt);
  /* A reader without Crepitus's lock: an older Crepitus, or another program. */
  if (busy)
    return in_use_error (path, error);

  /* A program that has the file open but reads nothing now (the sqlite3 shell at its prompt)
   * still holds its share of the WAL index: SQLite's own exclusive lock cannot be had while
   * any connection has the database open. A program that opened the file and has not read it
   * yet holds nothing, and is not seen (README, "Where data lives"). A short wait: a reader in
   * the middle of a query is done in milliseconds, one at a prompt never is. */
  sqlite3_busy_timeout (db->sqlite, 250);
  if (!crepitus_sqlite_exec (db, "PRAGMA locking_mode = EXCLUSIVE", NULL) ||
      !crepitus_sqlite_exec (db, "BEGIN EXCLUSIVE", NULL))
    return in_use_error (path, error);
  busy = !crepitus_sqlite_exec (db, "SELECT count(*) FROM sqlite_master", NULL);
  crepitus_sqlite_exec (db, "ROLLBACK", NULL);
  if (busy)
    return in_use_error (path, error);
  return TRUE;
}

/* A name beside @path for the file a restore replaces: PATH.replaced-YYYYMMDD-HHMMSS. */
static char *
kept_name (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 0;; n++)
    {
      char *name = n == 0 ? g_strdup_printf ("%s.replaced-%s", path, stamp)
                          : g_strdup_printf ("%s.replaced-%s-%u", path, stamp, n);

      if (!g_file_test (name, G_FILE_TEST_EXISTS))
        return name;
      g_free (name);
    }
}

/* Puts the database at @path aside as @kept, with what is left of its WAL. */
static gboolean
keep_replaced (const char  *path,
               const char  *kept,
               GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  GStatBuf st;

  /* A hard link first: the database's name never goes missing, even for a moment. */
  if (link (path, kept) != 0 && g_rename (path, kept) != 0)
    return crepitus_sqlite_set_errno_error (kept, errno, error);
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_autofree char *kept_wal = g_strconcat (kept, "-wal", NULL);

      if (g_rename (wal, kept_wal) != 0)
        return crepitus_sqlite_set_errno_error (kept_wal, errno, error);
    }
  g_unlink (wal);
  g_unlink (shm);
  return TRUE;
}

gboolean
crepitus_sqlite_restore (const char  *path,
                         const char  *backup_path,
                         char       **kept_path,
                         GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *backup_wal = g_strconcat (backup_path, "-wal", NULL);
  g_autofree char *temporary = NULL;
  g_autofree char *kept = NULL;
  GStatBuf st, locked;
  gboolean ok = FALSE;
  int fd = -1;

  *kept_path = NULL;
  if (!refuse_live_file (path, backup_path, error))
    return FALSE;
  if (g_stat (backup_path, &st) != 0)
    return crepitus_sqlite_set_errno_error (backup_path, errno, error);
  if (!S_ISREG (st.st_mode))
    return crepitus_sqlite_set_error_code (backup_path, SQLITE_NOTADB, NULL, error);
  if (g_stat (backup_wal, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED,
                   _("%s: part of this database is still in %s (it is open, or was not "
                     "closed); close the program using it, or make a backup with “crepitus "
                     "backup”, then restore that"), backup_path, backup_wal);
      return FALSE;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return crepitus_sqlite_set_errno_error (path, errno, error);
  temporary = create_temporary (path, error);
  if (temporary == NULL)
    return FALSE;
  if (!copy_file (backup_path, temporary, error) ||
      !check_backup (temporary, backup_path, error))
    goto out;

  if (g_stat (path, &st) == 0)
    {
      /* Never a descriptor of a file a store of this process has open (see File locks in
       * crepitus-store-sqlite-schema.c). */
      if (crepitus_sqlite_file_lock_held (&st))
        {
          in_use_error (path, error);
          goto out;
        }
      fd = open (path, O_RDONLY | O_CLOEXEC);
      if (fd < 0)
        {
          crepitus_sqlite_set_errno_error (path, errno, error);
          goto out;
        }
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          if (errno == EWOULDBLOCK)
            in_use_error (path, error);
          else
            crepitus_sqlite_set_errno_error (path, errno, error);
          goto out;
        }
      if (fstat (fd, &locked) != 0 || g_stat (path, &st) != 0 ||
          locked.st_dev != st.st_dev || locked.st_ino != st.st_ino)
        {
          in_use_error (path, error);
          goto out;
        }
      if (!checkpoint (path, error))
        goto out;
      kept = kept_name (path);
      if (!keep_replaced (path, kept, error))
        goto out;
    }
  else if (errno != ENOENT)
    {
      crepitus_sqlite_set_errno_error (path, errno, error);
      goto out;
    }

  if (g_rename (temporary, path) != 0)
    {
      crepitus_sqlite_set_errno_error (path, errno, error);
      goto out;
    }
  g_clear_pointer (&temporary, g_free);
  sync_folder (folder);
  *kept_path = g_steal_pointer (&kept);
  ok = TRUE;

out:
  if (temporary != NULL)
    remove_database_files (temporary);
  if (fd >= 0)
    close (fd);
  return ok;
}

/* Backups of another backend (a clinic's server): an SQLite file of the same clinic, made
 * through the plain-row interface, checked whole like any backup. */

gboolean
crepitus_store_sqlite_write_backup (const CrepitusStoreBackend  *source,
                                    CrepitusStoreDb             *source_db,
                                    const char                  *path,
                                    GError                     **error)
{
  g_autofree char *temporary = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  CrepitusStoreDb *copy;
  gboolean ok;

  temporary = create_temporary (path, error);
  if (temporary == NULL)
    return FALSE;
  /* An empty file is a new database: made with this schema, then filled in one transaction. */
  copy = crepitus_sqlite_open (temporary, CREPITUS_STORE_OPEN_DEFAULT, error);
  ok = copy != NULL;
  if (ok)
    {
      g_free (copy->path);
      copy->path = g_strdup (path);
      ok = crepitus_store_sqlite_backend.begin (copy, error);
      if (ok)
        {
          ok = source->dump (source_db, &crepitus_store_sqlite_backend, copy, error) &&
               crepitus_sqlite_finish_load (copy, error);
          ok = ok ? crepitus_store_sqlite_backend.commit (copy, error)
                  : (crepitus_store_sqlite_backend.rollback (copy), FALSE);
        }
      crepitus_sqlite_close (copy);
    }
  if (!ok || !finish_copy (temporary, path, error))
    {
      remove_database_files (temporary);
      return FALSE;
    }
  if (g_rename (temporary, path) != 0)
    {
      crepitus_sqlite_set_errno_error (path, errno, error);
      remove_database_files (temporary);
      return FALSE;
    }
  sync_folder (folder);
  return TRUE;
}

CrepitusStoreDb *
crepitus_store_sqlite_open_backup (const char  *backup_path,
                                   char       **temporary,
                                   GError     **error)
{
  g_autofree char *backup_wal = g_strconcat (backup_path, "-wal", NULL);
  g_autofree char *copy = g_build_filename (g_get_tmp_dir (), "crepitus-restore-XXXXXX", NULL);
  CrepitusStoreDb *db;
  GStatBuf st;
  int fd;

  if (g_stat (backup_path, &st) != 0)
    {
      crepitus_sqlite_set_errno_error (backup_path, errno, error);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      crepitus_sqlite_set_error_code (backup_path, SQLITE_NOTADB, NULL, error);
      return NULL;
    }
  if (g_stat (backup_wal, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED,
                   _("%s: part of this database is still in %s (it is open, or was not "
                     "closed); close the program using it, or make a backup with “crepitus "
                     "backup”, then restore that"), backup_path, backup_wal);
      return NULL;
    }

  /* A working copy, so that the backup itself is only ever read; migrated when older. */
  fd = g_mkstemp_full (copy, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      crepitus_sqlite_set_errno_error (copy, errno, error);
      return NULL;
    }
  close (fd);
  if (!copy_file (backup_path, copy, error) || !check_backup (copy, backup_path, error))
    {
      remove_database_files (copy);
      return NULL;
    }
  db = crepitus_sqlite_open (copy, CREPITUS_STORE_OPEN_DEFAULT, error);
  if (db == NULL)
    {
      remove_database_files (copy);
      return NULL;
    }
  g_free (db->path);
  db->path = g_strdup (backup_path);
  *temporary = g_steal_pointer (&copy);
  return db;
}
