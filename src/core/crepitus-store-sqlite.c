/* crepitus-store-sqlite.c — the SQLite backend's table, its errors, statements and transactions */
#define G_LOG_DOMAIN "crepitus-store-sqlite"

#include "config.h"

#include <errno.h>
#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "crepitus-store-sqlite-private.h"

/* Errors */

gboolean
crepitus_sqlite_set_error_code (const char  *path,
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

gboolean
crepitus_sqlite_set_error (CrepitusStoreDb  *db,
                           int               rc,
                           GError          **error)
{
  return crepitus_sqlite_set_error_code (db->path, rc, sqlite3_errmsg (db->sqlite), error);
}

gboolean
crepitus_sqlite_set_errno_error (const char  *path,
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

sqlite3_stmt *
crepitus_sqlite_prepare (CrepitusStoreDb  *db,
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
      crepitus_sqlite_set_error (db, rc, error);
      return NULL;
    }
  g_hash_table_insert (db->statements, (gpointer) sql, stmt);
  return stmt;
}

void
crepitus_sqlite_reset (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
crepitus_sqlite_bind_value (sqlite3_stmt *stmt,
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

void
crepitus_sqlite_bind_text (sqlite3_stmt *stmt,
                           int           index,
                           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gboolean
crepitus_sqlite_column_value (CrepitusStoreDb  *db,
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
  return crepitus_sqlite_set_error_code (db->path, SQLITE_CORRUPT, _("a value of the wrong type"),
                                         error);
}

int
crepitus_sqlite_step_row (CrepitusStoreDb  *db,
                          sqlite3_stmt     *stmt,
                          GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return rc;
  crepitus_sqlite_reset (stmt);
  if (rc != SQLITE_DONE)
    crepitus_sqlite_set_error (db, rc, error);
  return rc;
}

gboolean
crepitus_sqlite_step_done (CrepitusStoreDb  *db,
                           sqlite3_stmt     *stmt,
                           GError          **error)
{
  int rc = crepitus_sqlite_step_row (db, stmt, error);

  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE;
  crepitus_sqlite_reset (stmt);
  return crepitus_sqlite_set_error (db, rc, error);
}

gboolean
crepitus_sqlite_exec (CrepitusStoreDb  *db,
                      const char       *sql,
                      GError          **error)
{
  int rc = sqlite3_exec (db->sqlite, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || crepitus_sqlite_set_error (db, rc, error);
}

gboolean
crepitus_sqlite_query_int (CrepitusStoreDb  *db,
                           const char       *sql,
                           gint64           *result,
                           GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->sqlite, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return crepitus_sqlite_set_error (db, rc, error);
  rc = crepitus_sqlite_step_row (db, stmt, error);
  if (rc == SQLITE_ROW)
    *result = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    crepitus_sqlite_set_error (db, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

gboolean
crepitus_sqlite_not_found (CrepitusStoreDb       *db,
                           CrepitusSqliteRecord   record,
                           gint64                 id,
                           GError               **error)
{
  if (record == CREPITUS_SQLITE_PATIENT)
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_FOUND,
                 _("%s: there is no patient %" PRId64), db->path, id);
  else
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_FOUND,
                 _("%s: there is no assessment %" PRId64), db->path, id);
  return FALSE;
}

gboolean
crepitus_sqlite_step_record (CrepitusStoreDb       *db,
                             sqlite3_stmt          *stmt,
                             CrepitusSqliteRecord   record,
                             gint64                 id,
                             GError               **error)
{
  int rc = crepitus_sqlite_step_row (db, stmt, error);

  if (rc == SQLITE_DONE)
    crepitus_sqlite_not_found (db, record, id, error);
  return rc == SQLITE_ROW;
}

/* Transactions */

static gboolean
crepitus_sqlite_begin (CrepitusStoreDb  *db,
                       GError          **error)
{
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, db->bulk ? "SAVEPOINT edit" : "BEGIN IMMEDIATE",
                                                error);

  return stmt != NULL && crepitus_sqlite_step_done (db, stmt, error);
}

static void
crepitus_sqlite_rollback (CrepitusStoreDb *db)
{
  /* After some errors (a full disk among them) SQLite has rolled back already. */
  if (sqlite3_get_autocommit (db->sqlite))
    return;
  if (db->bulk)
    crepitus_sqlite_exec (db, "ROLLBACK TO edit; RELEASE edit", NULL);
  else
    crepitus_sqlite_exec (db, "ROLLBACK", NULL);
}

static gboolean
crepitus_sqlite_commit (CrepitusStoreDb  *db,
                        GError          **error)
{
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, db->bulk ? "RELEASE edit" : "COMMIT", error);

  if (stmt != NULL && crepitus_sqlite_step_done (db, stmt, error))
    return TRUE;
  crepitus_sqlite_rollback (db);
  return FALSE;
}

/* SQL from the table of fields */

static const char * const record_tables[CREPITUS_N_RECORDS] = {
  [CREPITUS_RECORD_PATIENT] = "patients",
  [CREPITUS_RECORD_ASSESSMENT] = "assessments",
  [CREPITUS_RECORD_FACTOR] = "factors",
};

const char *
crepitus_sqlite_select_sql (CrepitusRecord record)
{
  return crepitus_sql ("SELECT ", crepitus_columns (record), " FROM ",
                              record_tables[record], " WHERE id = ?1", NULL);
}

const char *
crepitus_sqlite_update_sql (CrepitusRecord record,
                            guint          field)
{
  return crepitus_sql ("UPDATE ", record_tables[record], " SET ",
                              crepitus_fields (record, NULL)[field].column,
                              " = ?1, updated_at = " NOW " WHERE id = ?2", NULL);
}

const char *
crepitus_sqlite_insert_sql (CrepitusRecord record)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n_fields;

  crepitus_fields (record, &n_fields);
  if (record == CREPITUS_RECORD_PATIENT)
    {
      g_string_printf (sql, "INSERT INTO patients (%s, family_key, given_key, mrn_key, "
                            "created_at, updated_at) VALUES (", crepitus_columns (record));
      for (guint i = 1; i <= n_fields + 3; i++)
        g_string_append_printf (sql, "?%u, ", i);
    }
  else
    {
      g_string_printf (sql, "INSERT INTO assessments (patient_id, %s, created_at, updated_at) "
                            "VALUES (", crepitus_columns (record));
      for (guint i = 1; i <= n_fields + 1; i++)
        g_string_append_printf (sql, "?%u, ", i);
    }
  g_string_append (sql, NOW ", " NOW ")");
  return g_intern_string (sql->str);
}

const CrepitusStoreBackend crepitus_store_sqlite_backend = {
  .name = "sqlite",
  .open = crepitus_sqlite_open,
  .close = crepitus_sqlite_close,
  .begin = crepitus_sqlite_begin,
  .commit = crepitus_sqlite_commit,
  .rollback = crepitus_sqlite_rollback,
  .insert_patient = crepitus_sqlite_insert_patient,
  .update_patient = crepitus_sqlite_update_patient,
  .load_patient = crepitus_sqlite_load_patient,
  .list_patients = crepitus_sqlite_list_patients,
  .find_by_mrn = crepitus_sqlite_find_by_mrn,
  .find_by_name = crepitus_sqlite_find_by_name,
  .earliest_date = crepitus_sqlite_earliest_date,
  .insert_assessment = crepitus_sqlite_insert_assessment,
  .update_assessment = crepitus_sqlite_update_assessment,
  .move_assessment = crepitus_sqlite_move_assessment,
  .save_factor = crepitus_sqlite_save_factor,
  .load_assessment = crepitus_sqlite_load_assessment,
  .list_assessments = crepitus_sqlite_list_assessments,
  .check_integrity = crepitus_sqlite_check_integrity,
  .count_patients = crepitus_sqlite_count_patients,
  .search_patients = crepitus_sqlite_search_patients,
  .find_patient = crepitus_sqlite_find_patient,
  .set_clinician = crepitus_sqlite_set_clinician,
  .assessment_state = crepitus_sqlite_assessment_state,
  .sign_assessment = crepitus_sqlite_sign_assessment,
  .amend_assessment = crepitus_sqlite_amend_assessment,
  .mark_entered_in_error = crepitus_sqlite_mark_entered_in_error,
  .list_audit = crepitus_sqlite_list_audit,
  .backup = crepitus_sqlite_backup,
  .restore = crepitus_sqlite_restore,
  .dump = crepitus_sqlite_dump,
  .load_dumped_patient = crepitus_sqlite_load_dumped_patient,
  .load_dumped_assessment = crepitus_sqlite_load_dumped_assessment,
  .load_dumped_audit = crepitus_sqlite_load_dumped_audit,
  .finish_load = crepitus_sqlite_finish_load,
};
