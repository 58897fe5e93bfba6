/* crepitus-store-sqlite-records.c — patients, assessments, factors, signing and the audit log */
#define G_LOG_DOMAIN "crepitus-store-sqlite-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-store-sqlite-private.h"

/* The audit log: one row for each write, in the write's transaction. */

void
crepitus_sqlite_set_clinician (CrepitusStoreDb *db,
                               const char      *clinician)
{
  g_free (db->clinician);
  db->clinician = clinician != NULL && *clinician != '\0' ? g_strdup (clinician) : NULL;
}

/* Whether @a and @b hold the same value (%NULL: not recorded). */
static gboolean
same_value (GVariant *a,
            GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_variant_equal (a, b);
}

static void
bind_audit_value (sqlite3_stmt *stmt,
                  int           index,
                  GVariant     *value)
{
  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
      sqlite3_bind_text (stmt, index, number, -1, SQLITE_TRANSIENT);
    }
  else
    crepitus_sqlite_bind_value (stmt, index, value);
}

/* Appends a row to the audit log: @field is a column (FACTOR.column for a factor), or %NULL
 * for the whole record. */
static gboolean
audit_row (CrepitusStoreDb  *db,
           const char       *clinician,
           const char       *action,
           const char       *record,
           gint64            record_id,
           const char       *field,
           GVariant         *old_value,
           GVariant         *new_value,
           GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "INSERT INTO audit (at, clinician, action, record, "
                                      "record_id, field, old_value, new_value) "
                                      "VALUES (" NOW ", ?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  crepitus_sqlite_bind_text (stmt, 1, clinician);
  crepitus_sqlite_bind_text (stmt, 2, action);
  crepitus_sqlite_bind_text (stmt, 3, record);
  sqlite3_bind_int64 (stmt, 4, record_id);
  crepitus_sqlite_bind_text (stmt, 5, field);
  bind_audit_value (stmt, 6, old_value);
  bind_audit_value (stmt, 7, new_value);
  return crepitus_sqlite_step_done (db, stmt, error);
}

/* A row for a write by the store's clinician. */
static gboolean
audit (CrepitusStoreDb  *db,
       const char       *action,
       const char       *record,
       gint64            record_id,
       const char       *field,
       GVariant         *old_value,
       GVariant         *new_value,
       GError          **error)
{
  return audit_row (db, db->clinician, action, record, record_id, field, old_value, new_value,
                    error);
}

/* Patients */

/* The text of a stored text value, or %NULL. */
static const char *
text_of (GVariant *value)
{
  return value != NULL ? g_variant_get_string (value, NULL) : NULL;
}

gint64
crepitus_sqlite_insert_patient (CrepitusStoreDb         *db,
                                const CrepitusStoreRow  *patient,
                                GError                 **error)
{
  g_auto(CrepitusSqliteSearchKeys) keys = { NULL };
  guint n = patient->n_values;
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = crepitus_sqlite_prepare (db, crepitus_sqlite_insert_sql (CREPITUS_RECORD_PATIENT), error);
  if (stmt == NULL)
    return -1;
  for (guint field = 0; field < n; field++)
    crepitus_sqlite_bind_value (stmt, field + 1, patient->values[field]);
  crepitus_sqlite_search_keys_init (&keys,
                                    text_of (patient->values[CREPITUS_STORE_PATIENT_FAMILY_NAME]),
                                    text_of (patient->values[CREPITUS_STORE_PATIENT_GIVEN_NAME]),
                                    text_of (patient->values[CREPITUS_STORE_PATIENT_MRN]));
  crepitus_sqlite_bind_text (stmt, n + 1, keys.family);
  crepitus_sqlite_bind_text (stmt, n + 2, keys.given);
  crepitus_sqlite_bind_text (stmt, n + 3, keys.mrn);
  if (!crepitus_sqlite_step_done (db, stmt, error))
    return -1;
  id = sqlite3_last_insert_rowid (db->sqlite);

  if (!crepitus_sqlite_write_words (db, id, &keys, FALSE, error) ||
      !audit (db, "insert", "patient", id, NULL, NULL, NULL, error))
    return -1;
  return id;
}

/* The stored value of @column of the row that @select (bound to an id) returns. */
static gboolean
stored_value (CrepitusStoreDb       *db,
              sqlite3_stmt          *select,
              CrepitusSqliteRecord   record,
              gint64                 id,
              int                    column,
              GVariant             **value,
              GError               **error)
{
  gboolean ok;

  if (!crepitus_sqlite_step_record (db, select, record, id, error))
    return FALSE;
  ok = crepitus_sqlite_column_value (db, select, column, value, error);
  crepitus_sqlite_reset (select);
  return ok;
}

/* Writes @value into column @column of row @id (@update binds the value, then the id) when it
 * differs from what @select returns; @old_value receives what was stored and @changed whether
 * anything was written. */
static gboolean
update_column (CrepitusStoreDb       *db,
               const char            *select,
               const char            *update,
               CrepitusSqliteRecord   record,
               gint64                 id,
               int                    column,
               GVariant              *value,
               GVariant             **old_value,
               gboolean              *changed,
               GError               **error)
{
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, select, error);

  *changed = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!stored_value (db, stmt, record, id, column, old_value, error))
    return FALSE;
  if (same_value (*old_value, value))
    return TRUE;

  stmt = crepitus_sqlite_prepare (db, update, error);
  if (stmt == NULL)
    return FALSE;
  crepitus_sqlite_bind_value (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!crepitus_sqlite_step_done (db, stmt, error))
    return FALSE;
  *changed = TRUE;
  return TRUE;
}

/* Writes @value into @field of patient or assessment @id when it differs from what is stored,
 * with its audit row; @changed says whether it did. */
static gboolean
update_field (CrepitusStoreDb  *db,
              CrepitusRecord    record,
              gint64            id,
              guint             field,
              GVariant         *value,
              gboolean         *changed,
              GError          **error)
{
  gboolean patient = record == CREPITUS_RECORD_PATIENT;
  g_autoptr(GVariant) old_value = NULL;

  if (!update_column (db, crepitus_sqlite_select_sql (record),
                      crepitus_sqlite_update_sql (record, field),
                      patient ? CREPITUS_SQLITE_PATIENT : CREPITUS_SQLITE_ASSESSMENT, id, field,
                      value, &old_value, changed, error))
    return FALSE;
  return !*changed ||
         audit (db, "update", patient ? "patient" : "assessment", id,
                crepitus_fields (record, NULL)[field].column, old_value, value, error);
}

gboolean
crepitus_sqlite_update_patient (CrepitusStoreDb            *db,
                                gint64                      id,
                                CrepitusStorePatientField   field,
                                GVariant                   *value,
                                GError                    **error)
{
  gboolean changed;

  if (!update_field (db, CREPITUS_RECORD_PATIENT, id, field, value, &changed, error))
    return FALSE;
  /* The search keys follow the names and the MRN. */
  return !changed ||
         (field != CREPITUS_STORE_PATIENT_MRN && field != CREPITUS_STORE_PATIENT_FAMILY_NAME &&
          field != CREPITUS_STORE_PATIENT_GIVEN_NAME) ||
         crepitus_sqlite_refresh_search_keys (db, id, TRUE, error);
}

/* The row of @record in the current row of @stmt: the id, then the fields in the table's
 * order from column @first. */
static CrepitusStoreRow *
row_from_statement (CrepitusStoreDb  *db,
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

CrepitusStoreRow *
crepitus_sqlite_load_patient (CrepitusStoreDb  *db,
                              gint64            id,
                              GError          **error)
{
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, crepitus_sql ("SELECT id, ",
                                                                  crepitus_columns (CREPITUS_RECORD_PATIENT),
                                                                  " FROM patients WHERE id = ?1",
                                                                  NULL),
                                                error);
  CrepitusStoreRow *row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crepitus_sqlite_step_record (db, stmt, CREPITUS_SQLITE_PATIENT, id, error))
    return NULL;
  row = row_from_statement (db, stmt, CREPITUS_RECORD_PATIENT, 1, error);
  crepitus_sqlite_reset (stmt);
  return row;
}

GPtrArray *
crepitus_sqlite_patients_from_rows (CrepitusStoreDb  *db,
                                    sqlite3_stmt     *stmt,
                                    GError          **error)
{
  g_autoptr(GPtrArray) patients = g_ptr_array_new_with_free_func ((GDestroyNotify) crepitus_store_row_free);
  int rc;

  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      CrepitusStoreRow *row = row_from_statement (db, stmt, CREPITUS_RECORD_PATIENT, 1, error);

      if (row == NULL)
        {
          crepitus_sqlite_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (patients, row);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&patients) : NULL;
}

GPtrArray *
crepitus_sqlite_list_patients (CrepitusStoreDb  *db,
                               GError          **error)
{
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, crepitus_sql ("SELECT id, ",
                                                                  crepitus_columns (CREPITUS_RECORD_PATIENT),
                                                                  " FROM patients ORDER BY id",
                                                                  NULL),
                                                error);

  return stmt != NULL ? crepitus_sqlite_patients_from_rows (db, stmt, error) : NULL;
}

/* The ids a bound statement returns. */
static GArray *
collect_ids (CrepitusStoreDb  *db,
             sqlite3_stmt     *stmt,
             GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

GArray *
crepitus_sqlite_find_by_mrn (CrepitusStoreDb  *db,
                             const char       *mrn,
                             GError          **error)
{
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, "SELECT id FROM patients WHERE mrn = ?1 "
                                                    "ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  crepitus_sqlite_bind_text (stmt, 1, mrn);
  return collect_ids (db, stmt, error);
}

GArray *
crepitus_sqlite_find_by_name (CrepitusStoreDb  *db,
                              const char       *family_name,
                              const char       *given_name,
                              const char       *birth_date,
                              GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "SELECT id FROM patients WHERE family_name = ?1 AND "
                                      "given_name IS ?2 AND birth_date IS ?3 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  crepitus_sqlite_bind_text (stmt, 1, family_name);
  crepitus_sqlite_bind_text (stmt, 2, given_name);
  crepitus_sqlite_bind_text (stmt, 3, birth_date);
  return collect_ids (db, stmt, error);
}

gboolean
crepitus_sqlite_earliest_date (CrepitusStoreDb  *db,
                               gint64            patient_id,
                               char            **date,
                               GError          **error)
{
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, "SELECT min (date) FROM assessments "
                                                    "WHERE patient_id = ?1", error);
  int rc;

  *date = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  rc = crepitus_sqlite_step_row (db, stmt, error);
  if (rc == SQLITE_DONE)
    return crepitus_sqlite_set_error (db, rc, error);
  if (rc != SQLITE_ROW)
    return FALSE;
  *date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  crepitus_sqlite_reset (stmt);
  return TRUE;
}

/* Assessments */

/* Signing: who, when, the amendment that replaced it, the one it amends, entered in error. */
#define STATUS_COLUMNS "signed_by, signed_at, superseded_by, amends, entered_in_error"

/* Runs @stmt, which changes assessment @id: not found when it changed no row. */
static gboolean
step_changed (CrepitusStoreDb  *db,
              sqlite3_stmt     *stmt,
              gint64            id,
              GError          **error)
{
  return crepitus_sqlite_step_done (db, stmt, error) &&
         (sqlite3_changes64 (db->sqlite) > 0 ||
          crepitus_sqlite_not_found (db, CREPITUS_SQLITE_ASSESSMENT, id, error));
}

/* Writes the record (deleting its row when it is empty); @audited: one audit row for each
 * changed field (an assessment's insert row covers the factors stored with it). */
static gboolean
save_factor (CrepitusStoreDb         *db,
             gint64                   assessment_id,
             const CrepitusStoreRow  *record,
             gboolean                 audited,
             GError                 **error)
{
  const CrepitusField *fields = crepitus_fields (CREPITUS_RECORD_FACTOR, NULL);
  const char *key = record->factor;
  GVariant *old_values[CREPITUS_STORE_N_FACTOR_FIELDS] = { NULL };
  GVariant *new_values[CREPITUS_STORE_N_FACTOR_FIELDS] = { NULL };
  gboolean changed = FALSE, ok = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  stmt = crepitus_sqlite_prepare (db, "SELECT judgement, findings, notes FROM factors "
                                      "WHERE assessment_id = ?1 AND factor = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  crepitus_sqlite_bind_text (stmt, 2, key);
  rc = crepitus_sqlite_step_row (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      for (guint field = 0; field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
        if (!crepitus_sqlite_column_value (db, stmt, field, &old_values[field], error))
          {
            crepitus_sqlite_reset (stmt);
            goto out;
          }
      crepitus_sqlite_reset (stmt);
    }
  else if (rc != SQLITE_DONE)
    goto out;

  for (guint field = 0; field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
    {
      new_values[field] = record->values[field] != NULL ? g_variant_ref (record->values[field])
                                                        : NULL;
      changed |= !same_value (old_values[field], new_values[field]);
    }

  /* The assessment changed too, and must exist. */
  stmt = crepitus_sqlite_prepare (db, "UPDATE assessments SET updated_at = " NOW " WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (!step_changed (db, stmt, assessment_id, error))
    goto out;
  if (!changed)
    {
      ok = TRUE;
      goto out;
    }

  if (crepitus_store_row_is_empty (record))
    {
      stmt = crepitus_sqlite_prepare (db, "DELETE FROM factors "
                                          "WHERE assessment_id = ?1 AND factor = ?2", error);
      if (stmt == NULL)
        goto out;
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      crepitus_sqlite_bind_text (stmt, 2, key);
    }
  else
    {
      stmt = crepitus_sqlite_prepare (db, "INSERT INTO factors (assessment_id, factor, judgement, "
                                          "findings, notes) VALUES (?1, ?2, ?3, ?4, ?5) "
                                          "ON CONFLICT (assessment_id, factor) DO UPDATE SET "
                                          "judgement = excluded.judgement, findings = "
                                          "excluded.findings, notes = excluded.notes", error);
      if (stmt == NULL)
        goto out;
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      crepitus_sqlite_bind_text (stmt, 2, key);
      for (guint field = 0; field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
        crepitus_sqlite_bind_value (stmt, field + 3, new_values[field]);
    }
  if (!crepitus_sqlite_step_done (db, stmt, error))
    goto out;

  ok = TRUE;
  for (guint field = 0; audited && ok && field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
    if (!same_value (old_values[field], new_values[field]))
      {
        g_autofree char *name = g_strconcat (key, ".", fields[field].column, NULL);

        ok = audit (db, "update", "factor", assessment_id, name, old_values[field],
                    new_values[field], error);
      }

out:
  for (guint field = 0; field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
    {
      g_clear_pointer (&old_values[field], g_variant_unref);
      g_clear_pointer (&new_values[field], g_variant_unref);
    }
  return ok;
}

gboolean
crepitus_sqlite_save_factor (CrepitusStoreDb         *db,
                             gint64                   assessment_id,
                             const CrepitusStoreRow  *record,
                             GError                 **error)
{
  return save_factor (db, assessment_id, record, TRUE, error);
}

gint64
crepitus_sqlite_insert_assessment (CrepitusStoreDb         *db,
                                   gint64                   patient_id,
                                   const CrepitusStoreRow  *assessment,
                                   GPtrArray               *factors,
                                   GError                 **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = crepitus_sqlite_prepare (db, crepitus_sqlite_insert_sql (CREPITUS_RECORD_ASSESSMENT),
                                  error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  for (guint field = 0; field < assessment->n_values; field++)
    crepitus_sqlite_bind_value (stmt, field + 2, assessment->values[field]);
  if (!crepitus_sqlite_step_done (db, stmt, error))
    return -1;
  id = sqlite3_last_insert_rowid (db->sqlite);

  for (guint i = 0; factors != NULL && i < factors->len; i++)
    if (!crepitus_store_row_is_empty (factors->pdata[i]) &&
        !save_factor (db, id, factors->pdata[i], FALSE, error))
      return -1;
  if (!audit (db, "insert", "assessment", id, NULL, NULL, NULL, error))
    return -1;
  return id;
}

gboolean
crepitus_sqlite_update_assessment (CrepitusStoreDb               *db,
                                   gint64                         id,
                                   CrepitusStoreAssessmentField   field,
                                   GVariant                      *value,
                                   GError                       **error)
{
  gboolean changed;

  return update_field (db, CREPITUS_RECORD_ASSESSMENT, id, field, value, &changed, error);
}

gboolean
crepitus_sqlite_move_assessment (CrepitusStoreDb  *db,
                                 gint64            id,
                                 gint64            patient_id,
                                 GError          **error)
{
  g_autoptr(GVariant) old_value = NULL;
  g_autoptr(GVariant) new_value = g_variant_ref_sink (g_variant_new_int64 (patient_id));
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "SELECT patient_id FROM assessments WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!stored_value (db, stmt, CREPITUS_SQLITE_ASSESSMENT, id, 0, &old_value, error))
    return FALSE;
  if (same_value (old_value, new_value))
    return TRUE;

  stmt = crepitus_sqlite_prepare (db, "UPDATE assessments SET patient_id = ?1, updated_at = " NOW
                                      " WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  sqlite3_bind_int64 (stmt, 2, id);
  return crepitus_sqlite_step_done (db, stmt, error) &&
         audit (db, "update", "assessment", id, "patient_id", old_value, new_value, error);
}

/* The stored factor records (CrepitusStoreRow) of assessment @id. */
static GPtrArray *
load_factors (CrepitusStoreDb  *db,
              gint64            id,
              GError          **error)
{
  g_autoptr(GPtrArray) factors = g_ptr_array_new_with_free_func ((GDestroyNotify) crepitus_store_row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = crepitus_sqlite_prepare (db, crepitus_sql ("SELECT assessment_id, factor, ",
                                                    crepitus_columns (CREPITUS_RECORD_FACTOR),
                                                    " FROM factors WHERE assessment_id = ?1",
                                                    NULL),
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      CrepitusStoreRow *row = row_from_statement (db, stmt, CREPITUS_RECORD_FACTOR, 2, error);

      if (row == NULL)
        {
          crepitus_sqlite_reset (stmt);
          return NULL;
        }
      row->factor = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (factors, row);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&factors) : NULL;
}

CrepitusStoreAssessmentRow *
crepitus_sqlite_load_assessment (CrepitusStoreDb  *db,
                                 gint64            id,
                                 GError          **error)
{
  g_autoptr(CrepitusStoreAssessmentRow) row = g_new0 (CrepitusStoreAssessmentRow, 1);
  guint n_fields;
  int status;
  sqlite3_stmt *stmt;

  crepitus_fields (CREPITUS_RECORD_ASSESSMENT, &n_fields);
  status = 2 + n_fields;
  stmt = crepitus_sqlite_prepare (db, crepitus_sql ("SELECT id, patient_id, ",
                                                    crepitus_columns (CREPITUS_RECORD_ASSESSMENT),
                                                    ", " STATUS_COLUMNS
                                                    " FROM assessments WHERE id = ?1",
                                                    NULL),
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crepitus_sqlite_step_record (db, stmt, CREPITUS_SQLITE_ASSESSMENT, id, error))
    return NULL;

  row->row = row_from_statement (db, stmt, CREPITUS_RECORD_ASSESSMENT, 2, error);
  if (row->row == NULL)
    {
      crepitus_sqlite_reset (stmt);
      return NULL;
    }
  row->patient_id = sqlite3_column_int64 (stmt, 1);
  row->state.signed_by = g_strdup ((const char *) sqlite3_column_text (stmt, status));
  row->state.signed_at = g_strdup ((const char *) sqlite3_column_text (stmt, status + 1));
  row->state.superseded_by = sqlite3_column_type (stmt, status + 2) != SQLITE_NULL
                             ? sqlite3_column_int64 (stmt, status + 2) : -1;
  row->amends = sqlite3_column_type (stmt, status + 3) != SQLITE_NULL
                ? sqlite3_column_int64 (stmt, status + 3) : -1;
  row->state.entered_in_error = sqlite3_column_int (stmt, status + 4);
  crepitus_sqlite_reset (stmt);

  row->factors = load_factors (db, id, error);
  if (row->factors == NULL)
    return NULL;
  return g_steal_pointer (&row);
}

GArray *
crepitus_sqlite_list_assessments (CrepitusStoreDb  *db,
                                  gint64            patient_id,
                                  GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "SELECT id FROM assessments WHERE patient_id = ?1 "
                                      "ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  return collect_ids (db, stmt, error);
}

/* Signing */

gboolean
crepitus_sqlite_assessment_state (CrepitusStoreDb               *db,
                                  gint64                         id,
                                  CrepitusStoreAssessmentState  *state,
                                  GError                       **error)
{
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "SELECT signed_by, signed_at, superseded_by, "
                                      "entered_in_error FROM assessments WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crepitus_sqlite_step_record (db, stmt, CREPITUS_SQLITE_ASSESSMENT, id, error))
    return FALSE;
  state->signed_by = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  state->signed_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  state->superseded_by = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                         ? -1 : sqlite3_column_int64 (stmt, 2);
  state->entered_in_error = sqlite3_column_int (stmt, 3) != 0;
  crepitus_sqlite_reset (stmt);
  return TRUE;
}

static GVariant *
int64_value (gint64 number)
{
  return g_variant_ref_sink (g_variant_new_int64 (number));
}

static GVariant *
text_value (const char *text)
{
  return g_variant_ref_sink (g_variant_new_string (text));
}

gboolean
crepitus_sqlite_sign_assessment (CrepitusStoreDb  *db,
                                 gint64            id,
                                 const char       *clinician,
                                 GError          **error)
{
  g_autoptr(GVariant) signer = text_value (clinician);
  g_autoptr(GVariant) signed_at = NULL;
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "UPDATE assessments SET signed_by = ?1, signed_at = " NOW
                                      ", updated_at = " NOW " WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  crepitus_sqlite_bind_text (stmt, 1, clinician);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_changed (db, stmt, id, error))
    return FALSE;

  stmt = crepitus_sqlite_prepare (db, "SELECT signed_at FROM assessments WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return stored_value (db, stmt, CREPITUS_SQLITE_ASSESSMENT, id, 0, &signed_at, error) &&
         audit_row (db, clinician, "sign", "assessment", id, "signed_by", NULL, signer, error) &&
         audit_row (db, clinician, "sign", "assessment", id, "signed_at", NULL, signed_at, error);
}

gint64
crepitus_sqlite_amend_assessment (CrepitusStoreDb  *db,
                                  gint64            id,
                                  const char       *clinician,
                                  GError          **error)
{
  g_autoptr(GVariant) original = int64_value (id);
  g_autoptr(GVariant) amendment = NULL;
  sqlite3_stmt *stmt;
  gint64 new_id;

  /* A copy of every field and factor, dated as the original; unsigned. */
  stmt = crepitus_sqlite_prepare (db, crepitus_sql ("INSERT INTO assessments (patient_id, ",
                                                    crepitus_columns (CREPITUS_RECORD_ASSESSMENT),
                                                    ", amends, created_at, updated_at) "
                                                    "SELECT patient_id, ",
                                                    crepitus_columns (CREPITUS_RECORD_ASSESSMENT),
                                                    ", id, " NOW ", " NOW
                                                    " FROM assessments WHERE id = ?1",
                                                    NULL),
                                  error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_changed (db, stmt, id, error))
    return -1;
  new_id = sqlite3_last_insert_rowid (db->sqlite);
  amendment = int64_value (new_id);

  stmt = crepitus_sqlite_prepare (db, "INSERT INTO factors (assessment_id, factor, judgement, "
                                      "findings, notes) "
                                      "SELECT ?2, factor, judgement, findings, notes FROM factors "
                                      "WHERE assessment_id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, new_id);
  if (!crepitus_sqlite_step_done (db, stmt, error))
    return -1;

  stmt = crepitus_sqlite_prepare (db, "UPDATE assessments SET superseded_by = ?2, updated_at = " NOW
                                      " WHERE id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, new_id);
  if (!crepitus_sqlite_step_done (db, stmt, error) ||
      !audit_row (db, clinician, "amend", "assessment", new_id, "amends", NULL, original,
                  error) ||
      !audit_row (db, clinician, "amend", "assessment", id, "superseded_by", NULL, amendment,
                  error))
    return -1;
  return new_id;
}

gboolean
crepitus_sqlite_mark_entered_in_error (CrepitusStoreDb  *db,
                                       gint64            id,
                                       const char       *clinician,
                                       GError          **error)
{
  g_autoptr(GVariant) no = int64_value (0);
  g_autoptr(GVariant) yes = int64_value (1);
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "UPDATE assessments SET entered_in_error = 1, "
                                      "updated_at = " NOW " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_changed (db, stmt, id, error))
    return FALSE;
  return audit_row (db, clinician, "entered-in-error", "assessment", id, "entered_in_error", no,
                    yes, error);
}

GPtrArray *
crepitus_sqlite_list_audit (CrepitusStoreDb  *db,
                            gint64            assessment_id,
                            GError          **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) crepitus_audit_entry_free);
#define AUDIT_COLUMNS "id, at, clinician, action, record, record_id, field, old_value, new_value"
  if (assessment_id < 0)
    stmt = crepitus_sqlite_prepare (db, "SELECT " AUDIT_COLUMNS " FROM audit ORDER BY id", error);
  else
    stmt = crepitus_sqlite_prepare (db, "SELECT " AUDIT_COLUMNS " FROM audit "
                                        "WHERE record IN ('assessment', 'factor') "
                                        "AND record_id = ?1 ORDER BY id", error);
#undef AUDIT_COLUMNS
  if (stmt == NULL)
    return NULL;
  if (assessment_id >= 0)
    sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      CrepitusAuditEntry *entry = g_new0 (CrepitusAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->clinician = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->record = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->record_id = sqlite3_column_int64 (stmt, 5);
      entry->field = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      entry->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      entry->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      g_ptr_array_add (entries, entry);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&entries) : NULL;
}
