/* crepitus-store-sqlite-copy.c — the whole clinic of an SQLite file as plain rows: read to
 * restore it into a server, written to make a server's backup
 *
 * The backends' plain-row interface (dump and load_*, crepitus-store-private.h): every
 * patient, assessment with its factors and state, and audit row, with its id and timestamps.
 */
#define G_LOG_DOMAIN "crepitus-store-sqlite-copy"

#include "config.h"

#include "crepitus-store-sqlite-private.h"

/* The row of @record at the current row of @stmt: its id in column 0, its fields from
 * @first. */
static CrepitusStoreRow *
read_row (CrepitusStoreDb  *db,
          sqlite3_stmt     *stmt,
          CrepitusRecord    record,
          int               first,
          GError          **error)
{
  g_autoptr(CrepitusStoreRow) row = crepitus_store_row_new (record);

  for (guint field = 0; field < row->n_values; field++)
    if (!crepitus_sqlite_column_value (db, stmt, first + field, &row->values[field], error))
      return NULL;
  row->id = sqlite3_column_int64 (stmt, 0);
  return g_steal_pointer (&row);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
dump_patients (CrepitusStoreDb             *db,
               const CrepitusStoreBackend  *target,
               CrepitusStoreDb             *target_db,
               GError                     **error)
{
  const char *columns = crepitus_columns (CREPITUS_RECORD_PATIENT);
  guint n_fields;
  sqlite3_stmt *stmt;
  int rc;

  crepitus_fields (CREPITUS_RECORD_PATIENT, &n_fields);
  stmt = crepitus_sqlite_prepare (db, crepitus_sql ("SELECT id, ", columns,
                                                    ", created_at, updated_at FROM patients "
                                                    "ORDER BY id", NULL),
                                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(CrepitusStoreRow) row = read_row (db, stmt, CREPITUS_RECORD_PATIENT, 1, error);
      CrepitusStoreStamps stamps = {
        column_text (stmt, 1 + n_fields),
        column_text (stmt, 2 + n_fields),
      };

      if (row == NULL || !target->load_dumped_patient (target_db, row, &stamps, error))
        {
          crepitus_sqlite_reset (stmt);
          return FALSE;
        }
    }
  return rc == SQLITE_DONE;
}

/* Steps @factors, whose rows are in order of assessment, past those of assessments before
 * @id, adding those of @id to @rows; @rc is its last result. */
static gboolean
collect_factors (CrepitusStoreDb  *db,
                 sqlite3_stmt     *factors,
                 int              *rc,
                 gint64            id,
                 GPtrArray        *rows,
                 GError          **error)
{
  while (*rc == SQLITE_ROW && sqlite3_column_int64 (factors, 0) <= id)
    {
      if (sqlite3_column_int64 (factors, 0) == id)
        {
          CrepitusStoreRow *row = read_row (db, factors, CREPITUS_RECORD_FACTOR, 2, error);

          if (row == NULL)
            return FALSE;
          row->factor = g_strdup (column_text (factors, 1));
          g_ptr_array_add (rows, row);
        }
      *rc = crepitus_sqlite_step_row (db, factors, error);
    }
  return *rc == SQLITE_ROW || *rc == SQLITE_DONE;
}

static gboolean
dump_assessments (CrepitusStoreDb             *db,
                  const CrepitusStoreBackend  *target,
                  CrepitusStoreDb             *target_db,
                  GError                     **error)
{
  const char *factor_columns = crepitus_columns (CREPITUS_RECORD_FACTOR);
  const char *columns = crepitus_columns (CREPITUS_RECORD_ASSESSMENT);
  sqlite3_stmt *stmt, *factors;
  guint n_fields;
  int rc, factors_rc, status;
  gboolean ok = TRUE;

  crepitus_fields (CREPITUS_RECORD_ASSESSMENT, &n_fields);
  status = 2 + n_fields;
  factors = crepitus_sqlite_prepare (db, crepitus_sql ("SELECT assessment_id, factor, ",
                                                       factor_columns, " FROM factors "
                                                       "ORDER BY assessment_id, factor",
                                                       NULL),
                                     error);
  stmt = crepitus_sqlite_prepare (db, crepitus_sql ("SELECT id, patient_id, ", columns,
                                                    ", signed_by, signed_at, superseded_by, "
                                                    "amends, entered_in_error, created_at, "
                                                    "updated_at FROM assessments "
                                                    "ORDER BY id", NULL),
                                  error);
  if (stmt == NULL || factors == NULL)
    return FALSE;

  factors_rc = crepitus_sqlite_step_row (db, factors, error);
  while (ok && (rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(CrepitusStoreAssessmentRow) row = g_new0 (CrepitusStoreAssessmentRow, 1);
      CrepitusStoreStamps stamps = {
        column_text (stmt, status + 5),
        column_text (stmt, status + 6),
      };

      row->row = read_row (db, stmt, CREPITUS_RECORD_ASSESSMENT, 2, error);
      row->factors = g_ptr_array_new_with_free_func ((GDestroyNotify) crepitus_store_row_free);
      ok = row->row != NULL &&
           collect_factors (db, factors, &factors_rc, row->row->id, row->factors, error);
      if (!ok)
        break;
      row->patient_id = sqlite3_column_int64 (stmt, 1);
      row->state.signed_by = g_strdup (column_text (stmt, status));
      row->state.signed_at = g_strdup (column_text (stmt, status + 1));
      row->state.superseded_by = sqlite3_column_type (stmt, status + 2) == SQLITE_NULL
                                 ? -1 : sqlite3_column_int64 (stmt, status + 2);
      row->amends = sqlite3_column_type (stmt, status + 3) == SQLITE_NULL
                    ? -1 : sqlite3_column_int64 (stmt, status + 3);
      row->state.entered_in_error = sqlite3_column_int (stmt, status + 4) != 0;
      ok = target->load_dumped_assessment (target_db, row, &stamps, error);
    }
  crepitus_sqlite_reset (stmt);
  crepitus_sqlite_reset (factors);
  return ok && rc == SQLITE_DONE;
}

static gboolean
dump_audit (CrepitusStoreDb             *db,
            const CrepitusStoreBackend  *target,
            CrepitusStoreDb             *target_db,
            GError                     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = crepitus_sqlite_prepare (db, "SELECT id, at, clinician, action, record, record_id, "
                                      "field, old_value, new_value FROM audit ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      CrepitusAuditEntry entry = {
        sqlite3_column_int64 (stmt, 0),
        (char *) column_text (stmt, 1),
        (char *) column_text (stmt, 2),
        (char *) column_text (stmt, 3),
        (char *) column_text (stmt, 4),
        sqlite3_column_int64 (stmt, 5),
        (char *) column_text (stmt, 6),
        (char *) column_text (stmt, 7),
        (char *) column_text (stmt, 8),
      };

      if (!target->load_dumped_audit (target_db, &entry, error))
        {
          crepitus_sqlite_reset (stmt);
          return FALSE;
        }
    }
  return rc == SQLITE_DONE;
}

gboolean
crepitus_sqlite_dump (CrepitusStoreDb             *db,
                      const CrepitusStoreBackend  *target,
                      CrepitusStoreDb             *target_db,
                      GError                     **error)
{
  gboolean ok;

  /* One read transaction: one snapshot of the file. */
  if (!crepitus_sqlite_exec (db, "BEGIN", error))
    return FALSE;
  ok = dump_patients (db, target, target_db, error) &&
       dump_assessments (db, target, target_db, error) &&
       dump_audit (db, target, target_db, error);
  crepitus_sqlite_exec (db, "ROLLBACK", NULL);
  return ok;
}

/* Loading a dump: rows as they are, ids and timestamps kept. */

gboolean
crepitus_sqlite_load_dumped_patient (CrepitusStoreDb            *db,
                              const CrepitusStoreRow     *patient,
                              const CrepitusStoreStamps  *stamps,
                              GError                    **error)
{
  g_auto(CrepitusSqliteSearchKeys) keys = { NULL };
  const char *columns = crepitus_columns (CREPITUS_RECORD_PATIENT);
  guint n = patient->n_values;
  sqlite3_stmt *stmt;

#define TEXT(field) (patient->values[field] != NULL \
                     ? g_variant_get_string (patient->values[field], NULL) : NULL)
  crepitus_sqlite_search_keys_init (&keys, TEXT (CREPITUS_STORE_PATIENT_FAMILY_NAME),
                                    TEXT (CREPITUS_STORE_PATIENT_GIVEN_NAME),
                                    TEXT (CREPITUS_STORE_PATIENT_MRN));
#undef TEXT
  stmt = crepitus_sqlite_prepare (db, crepitus_sql ("INSERT INTO patients (", columns,
                                                    ", family_key, given_key, mrn_key, "
                                                    "created_at, updated_at, id) VALUES "
                                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                                    "?10, ?11, ?12)", NULL),
                                  error);
  G_STATIC_ASSERT (CREPITUS_STORE_N_PATIENT_FIELDS == 6);
  if (stmt == NULL)
    return FALSE;
  for (guint field = 0; field < n; field++)
    crepitus_sqlite_bind_value (stmt, field + 1, patient->values[field]);
  crepitus_sqlite_bind_text (stmt, n + 1, keys.family);
  crepitus_sqlite_bind_text (stmt, n + 2, keys.given);
  crepitus_sqlite_bind_text (stmt, n + 3, keys.mrn);
  crepitus_sqlite_bind_text (stmt, n + 4, stamps->created_at);
  crepitus_sqlite_bind_text (stmt, n + 5, stamps->updated_at);
  sqlite3_bind_int64 (stmt, n + 6, patient->id);
  return crepitus_sqlite_step_done (db, stmt, error) &&
         crepitus_sqlite_write_words (db, patient->id, &keys, FALSE, error);
}

gboolean
crepitus_sqlite_load_dumped_assessment (CrepitusStoreDb                   *db,
                                 const CrepitusStoreAssessmentRow  *assessment,
                                 const CrepitusStoreStamps         *stamps,
                                 GError                           **error)
{
  const CrepitusStoreRow *row = assessment->row;
  guint n = row->n_values;
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_string_printf (sql, "INSERT INTO assessments (patient_id, %s, id, amends, created_at, "
                        "updated_at) VALUES (",
                   crepitus_columns (CREPITUS_RECORD_ASSESSMENT));
  for (guint i = 1; i <= n + 5; i++)
    g_string_append_printf (sql, "%s?%u", i > 1 ? ", " : "", i);
  g_string_append_c (sql, ')');
  stmt = crepitus_sqlite_prepare (db, g_intern_string (sql->str), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment->patient_id);
  for (guint field = 0; field < n; field++)
    crepitus_sqlite_bind_value (stmt, field + 2, row->values[field]);
  sqlite3_bind_int64 (stmt, n + 2, row->id);
  if (assessment->amends >= 0)
    sqlite3_bind_int64 (stmt, n + 3, assessment->amends);
  else
    sqlite3_bind_null (stmt, n + 3);
  crepitus_sqlite_bind_text (stmt, n + 4, stamps->created_at);
  crepitus_sqlite_bind_text (stmt, n + 5, stamps->updated_at);
  if (!crepitus_sqlite_step_done (db, stmt, error))
    return FALSE;

  /* The factors before the signature, which makes them read-only. */
  for (guint i = 0; i < assessment->factors->len; i++)
    {
      const CrepitusStoreRow *factor = assessment->factors->pdata[i];

      const char *columns = crepitus_columns (CREPITUS_RECORD_FACTOR);

      stmt = crepitus_sqlite_prepare (db, crepitus_sql ("INSERT INTO factors "
                                                        "(assessment_id, factor, ", columns,
                                                        ") VALUES (?1, ?2, ?3, ?4, ?5)",
                                                        NULL),
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->id);
      crepitus_sqlite_bind_text (stmt, 2, factor->factor);
      for (guint field = 0; field < factor->n_values; field++)
        crepitus_sqlite_bind_value (stmt, field + 3, factor->values[field]);
      if (!crepitus_sqlite_step_done (db, stmt, error))
        return FALSE;
    }

  if (assessment->state.signed_by != NULL || assessment->state.entered_in_error)
    {
      stmt = crepitus_sqlite_prepare (db, "UPDATE assessments SET signed_by = ?2, signed_at = ?3, "
                                          "entered_in_error = ?4 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->id);
      crepitus_sqlite_bind_text (stmt, 2, assessment->state.signed_by);
      crepitus_sqlite_bind_text (stmt, 3, assessment->state.signed_at);
      sqlite3_bind_int (stmt, 4, assessment->state.entered_in_error ? 1 : 0);
      if (!crepitus_sqlite_step_done (db, stmt, error))
        return FALSE;
    }
  /* The amendment that supersedes it comes later. */
  if (assessment->state.superseded_by >= 0)
    {
      gint64 pair[2] = { row->id, assessment->state.superseded_by };

      if (db->superseded == NULL)
        db->superseded = g_array_new (FALSE, FALSE, sizeof pair);
      g_array_append_val (db->superseded, pair);
    }
  return TRUE;
}

gboolean
crepitus_sqlite_load_dumped_audit (CrepitusStoreDb           *db,
                            const CrepitusAuditEntry  *entry,
                            GError                   **error)
{
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "INSERT INTO audit (id, at, clinician, action, record, "
                                      "record_id, field, old_value, new_value) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->id);
  crepitus_sqlite_bind_text (stmt, 2, entry->at);
  crepitus_sqlite_bind_text (stmt, 3, entry->clinician);
  crepitus_sqlite_bind_text (stmt, 4, entry->action);
  crepitus_sqlite_bind_text (stmt, 5, entry->record);
  sqlite3_bind_int64 (stmt, 6, entry->record_id);
  crepitus_sqlite_bind_text (stmt, 7, entry->field);
  crepitus_sqlite_bind_text (stmt, 8, entry->old_value);
  crepitus_sqlite_bind_text (stmt, 9, entry->new_value);
  return crepitus_sqlite_step_done (db, stmt, error);
}

gboolean
crepitus_sqlite_finish_load (CrepitusStoreDb  *db,
                             GError          **error)
{
  g_autoptr(GArray) superseded = g_steal_pointer (&db->superseded);

  for (guint i = 0; superseded != NULL && i < superseded->len; i++)
    {
      gint64 *pair = &g_array_index (superseded, gint64, 2 * i);
      sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, "UPDATE assessments SET superseded_by = ?2 "
                                                        "WHERE id = ?1", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pair[0]);
      sqlite3_bind_int64 (stmt, 2, pair[1]);
      if (!crepitus_sqlite_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}
