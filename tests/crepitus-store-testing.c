/* crepitus-store-testing.c — hooks into the backends for tests and benchmarks; SQLite's here,
 * PostgreSQL's in crepitus-store-testing-pg.c
 *
 * The only SQL built at run time here are PRAGMAs (which take no parameters), from integers.
 */
#define G_LOG_DOMAIN "crepitus-store-testing"

#include "config.h"

#include <unistd.h>

#include "crepitus-store-sqlite-private.h"
#include "crepitus-store-testing.h"

void
crepitus_store_testing_set_busy_timeout (CrepitusStore *self,
                                         int            milliseconds)
{
#if HAVE_POSTGRESQL
  if (crepitus_store_testing_is_pg (self))
    {
      crepitus_store_testing_pg_set_lock_timeout (self, milliseconds);
      return;
    }
#endif
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

  if (!crepitus_sqlite_query_int (db, "PRAGMA page_count", &pages, error))
    return FALSE;
  /* PRAGMAs take no parameters; the value is an integer of ours. */
  pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + extra_pages);
  return crepitus_sqlite_query_int (db, pragma, &limit, error);
}

void
crepitus_store_testing_set_search_sort_limit (guint limit)
{
  crepitus_sqlite_search_sort_limit = limit != G_MAXUINT ? limit
                                                         : CREPITUS_SQLITE_SEARCH_SORT_LIMIT;
}

gboolean
crepitus_store_testing_begin_bulk (CrepitusStore  *self,
                                   GError        **error)
{
  CrepitusStoreDb *db = crepitus_store_get_db (self);

#if HAVE_POSTGRESQL
  if (crepitus_store_testing_is_pg (self))
    return crepitus_store_testing_pg_begin_bulk (self, error);
#endif
  g_return_val_if_fail (!db->bulk, FALSE);
  if (!crepitus_sqlite_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  db->bulk = TRUE;
  return TRUE;
}

gboolean
crepitus_store_testing_end_bulk (CrepitusStore  *self,
                                 GError        **error)
{
  CrepitusStoreDb *db = crepitus_store_get_db (self);

#if HAVE_POSTGRESQL
  if (crepitus_store_testing_is_pg (self))
    return crepitus_store_testing_pg_end_bulk (self, error);
#endif
  g_return_val_if_fail (db->bulk, FALSE);
  db->bulk = FALSE;
  return crepitus_sqlite_exec (db, "COMMIT", error);
}

gint64
crepitus_store_testing_count_rows (CrepitusStore *self,
                                   const char    *table)
{
  CrepitusStoreDb *db = crepitus_store_get_db (self);
  const char *sql;
  gint64 count = -1;

#if HAVE_POSTGRESQL
  if (crepitus_store_testing_is_pg (self))
    return crepitus_store_testing_pg_count_rows (self, table);
#endif
  if (g_str_equal (table, "patients"))
    sql = "SELECT count(*) FROM patients";
  else if (g_str_equal (table, "assessments"))
    sql = "SELECT count(*) FROM assessments";
  else if (g_str_equal (table, "factors"))
    sql = "SELECT count(*) FROM factors";
  else if (g_str_equal (table, "audit"))
    sql = "SELECT count(*) FROM audit";
  else
    g_return_val_if_reached (-1);

  if (!crepitus_sqlite_query_int (db, sql, &count, NULL))
    return -1;
  return count;
}

gint64
crepitus_store_testing_file_version (const char *path)
{
  g_autoptr(CrepitusStoreDb) db = NULL;
  gint64 version = -1;

#if HAVE_POSTGRESQL
  if (crepitus_store_location_is_server (path))
    return crepitus_store_testing_pg_version (path);
#endif
  db = crepitus_sqlite_connect (path, TRUE, FALSE, NULL);
  if (db == NULL || !crepitus_sqlite_query_int (db, "PRAGMA user_version", &version, NULL))
    return -1;
  return version;
}

gboolean
crepitus_store_testing_create_at (const char  *path,
                                  guint        version,
                                  GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = NULL;

  g_return_val_if_fail (version <= crepitus_store_schema_version (), FALSE);

#if HAVE_POSTGRESQL
  if (crepitus_store_location_is_server (path))
    return crepitus_store_testing_pg_create_at (path, version, error);
#endif
  db = crepitus_sqlite_connect (path, FALSE, TRUE, error);
  return db != NULL && crepitus_sqlite_configure (db, FALSE, error) &&
         crepitus_sqlite_migrate (db, 0, version, TRUE, error);
}

gboolean
crepitus_store_testing_set_version (const char  *path,
                                    guint        version,
                                    GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = NULL;
  g_autofree char *pragma = NULL;

#if HAVE_POSTGRESQL
  if (crepitus_store_location_is_server (path))
    return crepitus_store_testing_pg_set_version (path, version, error);
#endif
  db = crepitus_sqlite_connect (path, FALSE, FALSE, error);
  if (db == NULL)
    return FALSE;
  /* PRAGMAs take no parameters; the value is an integer of ours. */
  pragma = g_strdup_printf ("PRAGMA user_version = %u", version);
  return crepitus_sqlite_exec (db, pragma, error);
}

gboolean
crepitus_store_testing_create_foreign (const char  *path,
                                       GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = crepitus_sqlite_connect (path, FALSE, TRUE, error);

  return db != NULL &&
         crepitus_sqlite_exec (db, "CREATE TABLE recipes (name TEXT); "
                                   "INSERT INTO recipes VALUES ('bread');", error);
}

void
crepitus_store_testing_hold_lock (const char *path,
                                  int         ready_fd,
                                  int         release_fd)
{
  g_autoptr(CrepitusStoreDb) db = crepitus_sqlite_connect (path, FALSE, FALSE, NULL);
  char byte = 0;

  if (db == NULL || !crepitus_sqlite_exec (db, "BEGIN EXCLUSIVE", NULL) ||
      write (ready_fd, &byte, 1) != 1)
    _exit (1);
  /* Hold the lock until the parent closes its end. */
  while (read (release_fd, &byte, 1) > 0)
    ;
  _exit (0);
}
