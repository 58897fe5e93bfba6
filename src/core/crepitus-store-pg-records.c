/* crepitus-store-pg-records.c — patients, assessments, factors, signing and the audit log on a
 * PostgreSQL server
 *
 * As the SQLite backend does (crepitus-store-sqlite-records.c), with what several
 * workstations at once need: the row an edit changes is locked while its old value is read
 * (FOR NO KEY UPDATE), so that two rooms editing the same field both leave their row in the
 * audit log, old value and new, and the later one wins; edits of different records never wait
 * on each other.
 */
#define G_LOG_DOMAIN "crepitus-store-pg-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-store-pg-private.h"

static const char * const record_tables[CREPITUS_N_RECORDS] = {
  [CREPITUS_RECORD_PATIENT] = "patients",
  [CREPITUS_RECORD_ASSESSMENT] = "assessments",
  [CREPITUS_RECORD_FACTOR] = "factors",
};

/* The audit log: one row for each write, in the write's transaction. */

void
crepitus_pg_set_clinician (CrepitusStoreDb *db,
                           const char      *clinician)
{
  g_free (db->clinician);
  db->clinician = clinician != NULL && *clinician != '\0' ? g_strdup (clinician) : NULL;
}

static gboolean
same_value (GVariant *a,
            GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_variant_equal (a, b);
}

/* Appends a row to the audit log: @field is a column (FACTOR.column for a factor), or %NULL
 * for the whole record. Integers are logged as their decimal text. */
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
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  crepitus_pg_add_text (&params, clinician);
  crepitus_pg_add_text (&params, action);
  crepitus_pg_add_text (&params, record);
  crepitus_pg_add_int (&params, record_id);
  crepitus_pg_add_text (&params, field);
  crepitus_pg_add_value (&params, old_value);
  crepitus_pg_add_value (&params, new_value);
  result = crepitus_pg_exec (db, "INSERT INTO audit (at, clinician, action, record, record_id, "
                                 "field, old_value, new_value) "
                                 "VALUES (" PG_NOW ", $1, $2, $3, $4, $5, $6, $7)",
                             &params, error);
  return result != NULL;
}

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

static const char *
text_of (GVariant *value)
{
  return value != NULL ? g_variant_get_string (value, NULL) : NULL;
}

/* Patients */

gint64
crepitus_pg_insert_patient (CrepitusStoreDb         *db,
                            const CrepitusStoreRow  *patient,
                            GError                 **error)
{
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  gint64 id;

  for (guint field = 0; field < patient->n_values; field++)
    crepitus_pg_add_value (&params, patient->values[field]);
  crepitus_pg_add_patient_keys (&params, patient->values);
  result = crepitus_pg_exec (db, crepitus_sql ("INSERT INTO patients (",
                                               crepitus_columns (CREPITUS_RECORD_PATIENT),
                                               ", family_key, given_key, mrn_key, "
                                               "created_at, updated_at) VALUES "
                                               "($1, $2, $3, $4, $5, $6, $7, $8, $9, " PG_NOW
                                               ", " PG_NOW ") RETURNING id", NULL),
                             &params, error);
  G_STATIC_ASSERT (CREPITUS_STORE_N_PATIENT_FIELDS == 6);
  if (result == NULL)
    return -1;
  id = crepitus_pg_int (result, 0, 0);
  if (!crepitus_pg_write_search_keys (db, id,
                                      text_of (patient->values[CREPITUS_STORE_PATIENT_FAMILY_NAME]),
                                      text_of (patient->values[CREPITUS_STORE_PATIENT_GIVEN_NAME]),
                                      text_of (patient->values[CREPITUS_STORE_PATIENT_MRN]),
                                      text_of (patient->values[CREPITUS_STORE_PATIENT_BIRTH_DATE]),
                                      FALSE, error) ||
      !audit (db, "insert", "patient", id, NULL, NULL, NULL, error))
    return -1;
  return id;
}

/* Writes @value into @field of patient or assessment @id when it differs from what is stored,
 * with its audit row; the row stays locked until the transaction ends. */
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
  const char *column = crepitus_fields (record, NULL)[field].column;
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GVariant) old_value = NULL;

  *changed = FALSE;
  crepitus_pg_add_int (&params, id);
  result = crepitus_pg_exec (db, crepitus_sql ("SELECT ", column, " FROM ",
                                               record_tables[record],
                                               " WHERE id = $1 FOR NO KEY UPDATE", NULL),
                             &params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return crepitus_pg_not_found (db, patient, id, error);
  if (!crepitus_pg_value (db, result, 0, 0, &old_value, error))
    return FALSE;
  if (same_value (old_value, value))
    return TRUE;

  g_clear_pointer (&result, PQclear);
  crepitus_pg_params_clear (&params);
  crepitus_pg_add_value (&params, value);
  crepitus_pg_add_int (&params, id);
  result = crepitus_pg_exec (db, crepitus_sql ("UPDATE ", record_tables[record], " SET ",
                                               column, " = $1, updated_at = " PG_NOW
                                               " WHERE id = $2", NULL),
                             &params, error);
  if (result == NULL)
    return FALSE;
  *changed = TRUE;
  return audit (db, "update", patient ? "patient" : "assessment", id, column, old_value, value,
                error);
}

gboolean
crepitus_pg_update_patient (CrepitusStoreDb            *db,
                            gint64                      id,
                            CrepitusStorePatientField   field,
                            GVariant                   *value,
                            GError                    **error)
{
  gboolean changed;

  if (!update_field (db, CREPITUS_RECORD_PATIENT, id, field, value, &changed, error))
    return FALSE;
  /* The search keys follow the names and the MRN, and the terms the birth date too. */
  return !changed ||
         (field != CREPITUS_STORE_PATIENT_MRN && field != CREPITUS_STORE_PATIENT_FAMILY_NAME &&
          field != CREPITUS_STORE_PATIENT_GIVEN_NAME &&
          field != CREPITUS_STORE_PATIENT_BIRTH_DATE) ||
         crepitus_pg_refresh_search_keys (db, id, error);
}

CrepitusStoreRow *
crepitus_pg_load_patient (CrepitusStoreDb  *db,
                          gint64            id,
                          GError          **error)
{
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  crepitus_pg_add_int (&params, id);
  result = crepitus_pg_exec (db, crepitus_sql ("SELECT id, ",
                                               crepitus_columns (CREPITUS_RECORD_PATIENT),
                                               " FROM patients WHERE id = $1", NULL),
                             &params, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      crepitus_pg_not_found (db, TRUE, id, error);
      return NULL;
    }
  return crepitus_pg_row (db, result, 0, CREPITUS_RECORD_PATIENT, 1, error);
}

GPtrArray *
crepitus_pg_list_patients (CrepitusStoreDb  *db,
                           GError          **error)
{
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(PGresult) result = NULL;

  result = crepitus_pg_exec (db, crepitus_sql ("SELECT id, ",
                                               crepitus_columns (CREPITUS_RECORD_PATIENT),
                                               " FROM patients ORDER BY id", NULL),
                             NULL, error);
  if (result == NULL)
    return NULL;
  patients = g_ptr_array_new_with_free_func ((GDestroyNotify) crepitus_store_row_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      CrepitusStoreRow *row = crepitus_pg_row (db, result, i, CREPITUS_RECORD_PATIENT, 1, error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (patients, row);
    }
  return g_steal_pointer (&patients);
}

/* The ids in column 0 of the rows of @sql with @params. */
static GArray *
collect_ids (CrepitusStoreDb         *db,
             const char              *sql,
             const CrepitusPgParams  *params,
             GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PGresult) result = crepitus_pg_exec (db, sql, params, error);

  if (result == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 id = crepitus_pg_int (result, i, 0);

      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

GArray *
crepitus_pg_find_by_mrn (CrepitusStoreDb  *db,
                         const char       *mrn,
                         GError          **error)
{
  g_auto(CrepitusPgParams) params = { 0 };

  crepitus_pg_add_text (&params, mrn);
  return collect_ids (db, "SELECT id FROM patients WHERE mrn = $1 ORDER BY id", &params, error);
}

GArray *
crepitus_pg_find_by_name (CrepitusStoreDb  *db,
                          const char       *family_name,
                          const char       *given_name,
                          const char       *birth_date,
                          GError          **error)
{
  g_auto(CrepitusPgParams) params = { 0 };

  crepitus_pg_add_text (&params, family_name);
  crepitus_pg_add_text (&params, given_name);
  crepitus_pg_add_text (&params, birth_date);
  return collect_ids (db, "SELECT id FROM patients WHERE family_name = $1 "
                          "AND given_name IS NOT DISTINCT FROM $2::text "
                          "AND birth_date IS NOT DISTINCT FROM $3::text ORDER BY id",
                      &params, error);
}

gboolean
crepitus_pg_earliest_date (CrepitusStoreDb  *db,
                           gint64            patient_id,
                           char            **date,
                           GError          **error)
{
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  *date = NULL;
  crepitus_pg_add_int (&params, patient_id);
  result = crepitus_pg_exec (db, "SELECT min (date) FROM assessments WHERE patient_id = $1",
                             &params, error);
  if (result == NULL)
    return FALSE;
  *date = g_strdup (crepitus_pg_text (result, 0, 0));
  return TRUE;
}

/* Assessments */

/* Signing: who, when, the amendment that replaced it, the one it amends, entered in error. */
#define STATUS_COLUMNS "signed_by, signed_at, superseded_by, amends, entered_in_error"

/* Runs @sql, which changes assessment @id: not found when it changed no row. */
static gboolean
exec_changed (CrepitusStoreDb         *db,
              const char              *sql,
              const CrepitusPgParams  *params,
              gint64                   id,
              GError                 **error)
{
  g_autoptr(PGresult) result = crepitus_pg_exec (db, sql, params, error);

  if (result == NULL)
    return FALSE;
  if (g_strcmp0 (PQcmdTuples (result), "0") == 0)
    return crepitus_pg_not_found (db, FALSE, id, error);
  return TRUE;
}

/* Writes the record (deleting its row when it is empty); @audited: one audit row for each
 * changed field (an assessment's insert row covers the factors stored with it). */
gboolean
crepitus_pg_write_factor (CrepitusStoreDb         *db,
             gint64                   assessment_id,
             const CrepitusStoreRow  *record,
             gboolean                 audited,
             GError                 **error)
{
  const CrepitusField *fields = crepitus_fields (CREPITUS_RECORD_FACTOR, NULL);
  GVariant *old_values[CREPITUS_STORE_N_FACTOR_FIELDS] = { NULL };
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  gboolean changed = FALSE, ok = FALSE;

  /* The assessment changed too, and must exist; its row is locked, as for any edit of it. */
  crepitus_pg_add_int (&params, assessment_id);
  if (!exec_changed (db, "UPDATE assessments SET updated_at = " PG_NOW " WHERE id = $1", &params,
                     assessment_id, error))
    return FALSE;

  crepitus_pg_add_text (&params, record->factor);
  result = crepitus_pg_exec (db, "SELECT judgement, findings, notes FROM factors "
                                 "WHERE assessment_id = $1 AND factor = $2", &params, error);
  if (result == NULL)
    return FALSE;
  for (guint field = 0; field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
    {
      if (PQntuples (result) > 0 &&
          !crepitus_pg_value (db, result, 0, field, &old_values[field], error))
        goto out;
      changed |= !same_value (old_values[field], record->values[field]);
    }
  if (!changed)
    {
      ok = TRUE;
      goto out;
    }

  g_clear_pointer (&result, PQclear);
  if (crepitus_store_row_is_empty (record))
    result = crepitus_pg_exec (db, "DELETE FROM factors WHERE assessment_id = $1 AND factor = $2",
                               &params, error);
  else
    {
      for (guint field = 0; field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
        crepitus_pg_add_value (&params, record->values[field]);
      result = crepitus_pg_exec (db, "INSERT INTO factors (assessment_id, factor, judgement, "
                                     "findings, notes) VALUES ($1, $2, $3, $4, $5) "
                                     "ON CONFLICT (assessment_id, factor) DO UPDATE SET "
                                     "judgement = excluded.judgement, findings = "
                                     "excluded.findings, notes = excluded.notes",
                                 &params, error);
    }
  ok = result != NULL;

  for (guint field = 0; ok && audited && field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
    if (!same_value (old_values[field], record->values[field]))
      {
        g_autofree char *name = g_strconcat (record->factor, ".", fields[field].column, NULL);

        ok = audit (db, "update", "factor", assessment_id, name, old_values[field],
                    record->values[field], error);
      }

out:
  for (guint field = 0; field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
    g_clear_pointer (&old_values[field], g_variant_unref);
  return ok;
}

gboolean
crepitus_pg_save_factor (CrepitusStoreDb         *db,
                         gint64                   assessment_id,
                         const CrepitusStoreRow  *record,
                         GError                 **error)
{
  return crepitus_pg_write_factor (db, assessment_id, record, TRUE, error);
}

const char *
crepitus_pg_insert_assessment_sql (gboolean loading)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n_fields;

  crepitus_fields (CREPITUS_RECORD_ASSESSMENT, &n_fields);
  g_string_printf (sql, "INSERT INTO assessments (patient_id, %s, %screated_at, updated_at) "
                        "VALUES (", crepitus_columns (CREPITUS_RECORD_ASSESSMENT),
                   loading ? "id, amends, " : "");
  for (guint i = 1; i <= n_fields + 1 + (loading ? 4 : 0); i++)
    g_string_append_printf (sql, "$%u, ", i);
  if (!loading)
    g_string_append (sql, PG_NOW ", " PG_NOW ", ");
  g_string_truncate (sql, sql->len - 2);
  g_string_append (sql, ") RETURNING id");
  return g_intern_string (sql->str);
}

gint64
crepitus_pg_insert_assessment (CrepitusStoreDb         *db,
                               gint64                   patient_id,
                               const CrepitusStoreRow  *assessment,
                               GPtrArray               *factors,
                               GError                 **error)
{
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  gint64 id;

  crepitus_pg_add_int (&params, patient_id);
  for (guint field = 0; field < assessment->n_values; field++)
    crepitus_pg_add_value (&params, assessment->values[field]);
  result = crepitus_pg_exec (db, crepitus_pg_insert_assessment_sql (FALSE), &params, error);
  if (result == NULL)
    return -1;
  id = crepitus_pg_int (result, 0, 0);

  for (guint i = 0; factors != NULL && i < factors->len; i++)
    if (!crepitus_store_row_is_empty (factors->pdata[i]) &&
        !crepitus_pg_write_factor (db, id, factors->pdata[i], FALSE, error))
      return -1;
  if (!audit (db, "insert", "assessment", id, NULL, NULL, NULL, error))
    return -1;
  return id;
}

gboolean
crepitus_pg_update_assessment (CrepitusStoreDb               *db,
                               gint64                         id,
                               CrepitusStoreAssessmentField   field,
                               GVariant                      *value,
                               GError                       **error)
{
  gboolean changed;

  return update_field (db, CREPITUS_RECORD_ASSESSMENT, id, field, value, &changed, error);
}

gboolean
crepitus_pg_move_assessment (CrepitusStoreDb  *db,
                             gint64            id,
                             gint64            patient_id,
                             GError          **error)
{
  g_autoptr(GVariant) old_value = NULL;
  g_autoptr(GVariant) new_value = g_variant_ref_sink (g_variant_new_int64 (patient_id));
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  crepitus_pg_add_int (&params, id);
  result = crepitus_pg_exec (db, "SELECT patient_id FROM assessments WHERE id = $1 "
                                 "FOR NO KEY UPDATE", &params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return crepitus_pg_not_found (db, FALSE, id, error);
  if (!crepitus_pg_value (db, result, 0, 0, &old_value, error))
    return FALSE;
  if (same_value (old_value, new_value))
    return TRUE;

  g_clear_pointer (&result, PQclear);
  crepitus_pg_add_int (&params, patient_id);
  result = crepitus_pg_exec (db, "UPDATE assessments SET patient_id = $2, updated_at = " PG_NOW
                                 " WHERE id = $1", &params, error);
  return result != NULL &&
         audit (db, "update", "assessment", id, "patient_id", old_value, new_value, error);
}

gboolean
crepitus_pg_factor_rows (CrepitusStoreDb  *db,
                         const PGresult   *result,
                         int               row,
                         int               first,
                         GPtrArray        *factors,
                         GError          **error)
{
  g_autoptr(CrepitusStoreRow) factor = crepitus_store_row_new (CREPITUS_RECORD_FACTOR);

  for (guint field = 0; field < factor->n_values; field++)
    if (!crepitus_pg_value (db, result, row, first + 1 + field, &factor->values[field], error))
      return FALSE;
  factor->factor = g_strdup (crepitus_pg_text (result, row, first));
  g_ptr_array_add (factors, g_steal_pointer (&factor));
  return TRUE;
}

/* The state columns of @result from @first (STATUS_COLUMNS) into @row. */
static void
read_state (const PGresult              *result,
            int                          first,
            CrepitusStoreAssessmentRow  *row)
{
  row->state.signed_by = g_strdup (crepitus_pg_text (result, 0, first));
  row->state.signed_at = g_strdup (crepitus_pg_text (result, 0, first + 1));
  row->state.superseded_by = PQgetisnull (result, 0, first + 2) ? -1
                             : crepitus_pg_int (result, 0, first + 2);
  row->amends = PQgetisnull (result, 0, first + 3) ? -1 : crepitus_pg_int (result, 0, first + 3);
  row->state.entered_in_error = crepitus_pg_int (result, 0, first + 4) != 0;
}

CrepitusStoreAssessmentRow *
crepitus_pg_load_assessment (CrepitusStoreDb  *db,
                             gint64            id,
                             GError          **error)
{
  g_autoptr(CrepitusStoreAssessmentRow) row = g_new0 (CrepitusStoreAssessmentRow, 1);
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  guint n_fields;

  crepitus_fields (CREPITUS_RECORD_ASSESSMENT, &n_fields);
  crepitus_pg_add_int (&params, id);
  result = crepitus_pg_exec (db, crepitus_sql ("SELECT id, patient_id, ",
                                               crepitus_columns (CREPITUS_RECORD_ASSESSMENT),
                                               ", " STATUS_COLUMNS
                                               " FROM assessments WHERE id = $1", NULL),
                             &params, error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      crepitus_pg_not_found (db, FALSE, id, error);
      return NULL;
    }
  row->row = crepitus_pg_row (db, result, 0, CREPITUS_RECORD_ASSESSMENT, 2, error);
  if (row->row == NULL)
    return NULL;
  row->patient_id = crepitus_pg_int (result, 0, 1);
  read_state (result, 2 + n_fields, row);

  g_clear_pointer (&result, PQclear);
  result = crepitus_pg_exec (db, crepitus_sql ("SELECT factor, ",
                                               crepitus_columns (CREPITUS_RECORD_FACTOR),
                                               " FROM factors WHERE assessment_id = $1 "
                                               "ORDER BY factor", NULL),
                             &params, error);
  if (result == NULL)
    return NULL;
  row->factors = g_ptr_array_new_with_free_func ((GDestroyNotify) crepitus_store_row_free);
  for (int i = 0; i < PQntuples (result); i++)
    if (!crepitus_pg_factor_rows (db, result, i, 0, row->factors, error))
      return NULL;
  return g_steal_pointer (&row);
}

GArray *
crepitus_pg_list_assessments (CrepitusStoreDb  *db,
                              gint64            patient_id,
                              GError          **error)
{
  g_auto(CrepitusPgParams) params = { 0 };

  crepitus_pg_add_int (&params, patient_id);
  return collect_ids (db, "SELECT id FROM assessments WHERE patient_id = $1 ORDER BY date, id",
                      &params, error);
}

/* Signing */

gboolean
crepitus_pg_assessment_state (CrepitusStoreDb               *db,
                              gint64                         id,
                              CrepitusStoreAssessmentState  *state,
                              GError                       **error)
{
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  crepitus_pg_add_int (&params, id);
  /* In a write transaction the row is locked: a signature stored elsewhere meanwhile is
   * waited for, then seen, and no one signs it while this edit is being stored. */
  if (db->in_transaction)
    result = crepitus_pg_exec (db, "SELECT signed_by, signed_at, superseded_by, entered_in_error "
                                   "FROM assessments WHERE id = $1 FOR NO KEY UPDATE",
                               &params, error);
  else
    result = crepitus_pg_exec (db, "SELECT signed_by, signed_at, superseded_by, entered_in_error "
                                   "FROM assessments WHERE id = $1", &params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return crepitus_pg_not_found (db, FALSE, id, error);
  state->signed_by = g_strdup (crepitus_pg_text (result, 0, 0));
  state->signed_at = g_strdup (crepitus_pg_text (result, 0, 1));
  state->superseded_by = PQgetisnull (result, 0, 2) ? -1 : crepitus_pg_int (result, 0, 2);
  state->entered_in_error = crepitus_pg_int (result, 0, 3) != 0;
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
crepitus_pg_sign_assessment (CrepitusStoreDb  *db,
                             gint64            id,
                             const char       *clinician,
                             GError          **error)
{
  g_autoptr(GVariant) signer = text_value (clinician);
  g_autoptr(GVariant) signed_at = NULL;
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  crepitus_pg_add_int (&params, id);
  crepitus_pg_add_text (&params, clinician);
  result = crepitus_pg_exec (db, "UPDATE assessments SET signed_by = $2, signed_at = " PG_NOW
                                 ", updated_at = " PG_NOW " WHERE id = $1 RETURNING signed_at",
                             &params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return crepitus_pg_not_found (db, FALSE, id, error);
  signed_at = text_value (crepitus_pg_text (result, 0, 0));
  return audit_row (db, clinician, "sign", "assessment", id, "signed_by", NULL, signer, error) &&
         audit_row (db, clinician, "sign", "assessment", id, "signed_at", NULL, signed_at, error);
}

gint64
crepitus_pg_amend_assessment (CrepitusStoreDb  *db,
                              gint64            id,
                              const char       *clinician,
                              GError          **error)
{
  const char *columns = crepitus_columns (CREPITUS_RECORD_ASSESSMENT);
  g_autoptr(GVariant) original = int64_value (id);
  g_autoptr(GVariant) amendment = NULL;
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  gint64 new_id;

  /* A copy of every field and factor, dated as the original; unsigned. */
  crepitus_pg_add_int (&params, id);
  result = crepitus_pg_exec (db, crepitus_sql ("INSERT INTO assessments (patient_id, ", columns,
                                               ", amends, created_at, updated_at) "
                                               "SELECT patient_id, ", columns, ", id, " PG_NOW
                                               ", " PG_NOW " FROM assessments WHERE id = $1 "
                                               "RETURNING id", NULL),
                             &params, error);
  if (result == NULL)
    return -1;
  if (PQntuples (result) == 0)
    {
      crepitus_pg_not_found (db, FALSE, id, error);
      return -1;
    }
  new_id = crepitus_pg_int (result, 0, 0);
  amendment = int64_value (new_id);

  g_clear_pointer (&result, PQclear);
  crepitus_pg_add_int (&params, new_id);
  result = crepitus_pg_exec (db, "INSERT INTO factors (assessment_id, factor, judgement, findings, "
                                 "notes) SELECT $2, factor, judgement, findings, notes "
                                 "FROM factors WHERE assessment_id = $1", &params, error);
  if (result == NULL)
    return -1;
  g_clear_pointer (&result, PQclear);
  result = crepitus_pg_exec (db, "UPDATE assessments SET superseded_by = $2, updated_at = " PG_NOW
                                 " WHERE id = $1", &params, error);
  if (result == NULL ||
      !audit_row (db, clinician, "amend", "assessment", new_id, "amends", NULL, original, error) ||
      !audit_row (db, clinician, "amend", "assessment", id, "superseded_by", NULL, amendment,
                  error))
    return -1;
  return new_id;
}

gboolean
crepitus_pg_mark_entered_in_error (CrepitusStoreDb  *db,
                                   gint64            id,
                                   const char       *clinician,
                                   GError          **error)
{
  g_autoptr(GVariant) no = int64_value (0);
  g_autoptr(GVariant) yes = int64_value (1);
  g_auto(CrepitusPgParams) params = { 0 };

  crepitus_pg_add_int (&params, id);
  return exec_changed (db, "UPDATE assessments SET entered_in_error = true, updated_at = " PG_NOW
                           " WHERE id = $1", &params, id, error) &&
         audit_row (db, clinician, "entered-in-error", "assessment", id, "entered_in_error", no,
                    yes, error);
}

GPtrArray *
crepitus_pg_list_audit (CrepitusStoreDb  *db,
                        gint64            assessment_id,
                        GError          **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

#define AUDIT_COLUMNS "id, at, clinician, action, record, record_id, field, old_value, new_value"
  if (assessment_id < 0)
    result = crepitus_pg_exec (db, "SELECT " AUDIT_COLUMNS " FROM audit ORDER BY id", NULL, error);
  else
    {
      crepitus_pg_add_int (&params, assessment_id);
      result = crepitus_pg_exec (db, "SELECT " AUDIT_COLUMNS " FROM audit "
                                     "WHERE record IN ('assessment', 'factor') "
                                     "AND record_id = $1 ORDER BY id", &params, error);
    }
#undef AUDIT_COLUMNS
  if (result == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) crepitus_audit_entry_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      CrepitusAuditEntry *entry = g_new0 (CrepitusAuditEntry, 1);

      entry->id = crepitus_pg_int (result, i, 0);
      entry->at = g_strdup (crepitus_pg_text (result, i, 1));
      entry->clinician = g_strdup (crepitus_pg_text (result, i, 2));
      entry->action = g_strdup (crepitus_pg_text (result, i, 3));
      entry->record = g_strdup (crepitus_pg_text (result, i, 4));
      entry->record_id = crepitus_pg_int (result, i, 5);
      entry->field = g_strdup (crepitus_pg_text (result, i, 6));
      entry->old_value = g_strdup (crepitus_pg_text (result, i, 7));
      entry->new_value = g_strdup (crepitus_pg_text (result, i, 8));
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}
