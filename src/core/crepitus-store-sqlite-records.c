/* crepitus-store-sqlite-records.c — patients, assessments, factors, signing and the audit log */
#define G_LOG_DOMAIN "crepitus-store-sqlite-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-store-sqlite-private.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/* A stored value the model refuses: the file was changed outside Crepitus. */
static gboolean
stored_value_error (CrepitusStoreDb  *db,
                    GError          **error)
{
  g_prefix_error (error, _("%s: a stored value cannot be read: "), db->path);
  return FALSE;
}

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

/* The column of each field, as the audit log names it. */
static const char * const patient_columns[CREPITUS_STORE_N_PATIENT_FIELDS] = {
  [CREPITUS_STORE_PATIENT_MRN] = "mrn",
  [CREPITUS_STORE_PATIENT_FAMILY_NAME] = "family_name",
  [CREPITUS_STORE_PATIENT_GIVEN_NAME] = "given_name",
  [CREPITUS_STORE_PATIENT_BIRTH_DATE] = "birth_date",
  [CREPITUS_STORE_PATIENT_SEX] = "sex",
  [CREPITUS_STORE_PATIENT_LANGUAGE] = "language",
};

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

gint64
crepitus_sqlite_insert_patient (CrepitusStoreDb  *db,
                                CrepitusPatient  *patient,
                                GError          **error)
{
  g_auto(CrepitusSqliteSearchKeys) keys = { NULL };
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = crepitus_sqlite_prepare (db, "INSERT INTO patients (" PATIENT_COLUMNS ", family_key, "
                                      "given_key, mrn_key, created_at, updated_at) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                      NOW ", " NOW ")", error);
  if (stmt == NULL)
    return -1;
  for (guint field = 0; field < CREPITUS_STORE_N_PATIENT_FIELDS; field++)
    {
      g_autoptr(GVariant) value = crepitus_store_patient_get_value (patient, field);

      crepitus_sqlite_bind_value (stmt, field + 1, value);
    }
  crepitus_sqlite_search_keys_init (&keys, crepitus_patient_get_family_name (patient),
                                    crepitus_patient_get_given_name (patient),
                                    crepitus_patient_get_mrn (patient));
  crepitus_sqlite_bind_text (stmt, 7, keys.family);
  crepitus_sqlite_bind_text (stmt, 8, keys.given);
  crepitus_sqlite_bind_text (stmt, 9, keys.mrn);
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

gboolean
crepitus_sqlite_update_patient (CrepitusStoreDb            *db,
                                gint64                      id,
                                CrepitusStorePatientField   field,
                                GVariant                   *value,
                                GError                    **error)
{
  g_autoptr(GVariant) old_value = NULL;
  gboolean changed;

  if (!update_column (db, "SELECT " PATIENT_COLUMNS " FROM patients WHERE id = ?1",
                      patient_updates[field], CREPITUS_SQLITE_PATIENT, id, field, value,
                      &old_value, &changed, error))
    return FALSE;
  if (!changed)
    return TRUE;

  if ((field == CREPITUS_STORE_PATIENT_MRN || field == CREPITUS_STORE_PATIENT_FAMILY_NAME ||
       field == CREPITUS_STORE_PATIENT_GIVEN_NAME) &&
      !crepitus_sqlite_refresh_search_keys (db, id, TRUE, error))
    return FALSE;
  return audit (db, "update", "patient", id, patient_columns[field], old_value, value, error);
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

      if (!crepitus_sqlite_column_value (db, stmt, field + 1, &value, error))
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

CrepitusPatient *
crepitus_sqlite_load_patient (CrepitusStoreDb  *db,
                              gint64            id,
                              GError          **error)
{
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, "SELECT id, " PATIENT_COLUMNS " FROM patients "
                                                    "WHERE id = ?1", error);
  CrepitusPatient *patient;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crepitus_sqlite_step_record (db, stmt, CREPITUS_SQLITE_PATIENT, id, error))
    return NULL;
  patient = patient_from_row (db, stmt, error);
  crepitus_sqlite_reset (stmt);
  return patient;
}

GPtrArray *
crepitus_sqlite_patients_from_rows (CrepitusStoreDb  *db,
                                    sqlite3_stmt     *stmt,
                                    GError          **error)
{
  g_autoptr(GPtrArray) patients = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      CrepitusPatient *patient = patient_from_row (db, stmt, error);

      if (patient == NULL)
        {
          crepitus_sqlite_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (patients, patient);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&patients) : NULL;
}

GPtrArray *
crepitus_sqlite_list_patients (CrepitusStoreDb  *db,
                               GError          **error)
{
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, "SELECT id, " PATIENT_COLUMNS " FROM patients "
                                                    "ORDER BY id", error);

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

#define ASSESSMENT_COLUMNS \
  "date, clinician, side, location, sound, frequency, duration_weeks, provoking_movements, " \
  "pain_score, symptoms, red_flags, red_flags_absent, history, scoliosis, lordosis, "        \
  "pelvic_tilt, kyphosis, forward_head, posture_notes, measures, notes, review_weeks"

/* Signing: who, when, the amendment that replaced it, the one it amends, entered in error. */
#define STATUS_COLUMNS "signed_by, signed_at, superseded_by, amends, entered_in_error"

/* The column of each field, as the audit log names it. */
static const char * const assessment_columns[CREPITUS_STORE_N_ASSESSMENT_FIELDS] = {
  [CREPITUS_STORE_ASSESSMENT_DATE] = "date",
  [CREPITUS_STORE_ASSESSMENT_CLINICIAN] = "clinician",
  [CREPITUS_STORE_ASSESSMENT_SIDE] = "side",
  [CREPITUS_STORE_ASSESSMENT_LOCATION] = "location",
  [CREPITUS_STORE_ASSESSMENT_SOUND] = "sound",
  [CREPITUS_STORE_ASSESSMENT_FREQUENCY] = "frequency",
  [CREPITUS_STORE_ASSESSMENT_DURATION_WEEKS] = "duration_weeks",
  [CREPITUS_STORE_ASSESSMENT_PROVOKING_MOVEMENTS] = "provoking_movements",
  [CREPITUS_STORE_ASSESSMENT_PAIN_SCORE] = "pain_score",
  [CREPITUS_STORE_ASSESSMENT_SYMPTOMS] = "symptoms",
  [CREPITUS_STORE_ASSESSMENT_HISTORY] = "history",
  [CREPITUS_STORE_ASSESSMENT_RED_FLAGS] = "red_flags",
  [CREPITUS_STORE_ASSESSMENT_RED_FLAGS_ABSENT] = "red_flags_absent",
  [CREPITUS_STORE_ASSESSMENT_SCOLIOSIS] = "scoliosis",
  [CREPITUS_STORE_ASSESSMENT_LORDOSIS] = "lordosis",
  [CREPITUS_STORE_ASSESSMENT_PELVIC_TILT] = "pelvic_tilt",
  [CREPITUS_STORE_ASSESSMENT_KYPHOSIS] = "kyphosis",
  [CREPITUS_STORE_ASSESSMENT_FORWARD_HEAD] = "forward_head",
  [CREPITUS_STORE_ASSESSMENT_POSTURE_NOTES] = "posture_notes",
  [CREPITUS_STORE_ASSESSMENT_MEASURES] = "measures",
  [CREPITUS_STORE_ASSESSMENT_NOTES] = "notes",
  [CREPITUS_STORE_ASSESSMENT_REVIEW_WEEKS] = "review_weeks",
};

static const char * const factor_columns[CREPITUS_STORE_N_FACTOR_FIELDS] = {
  [CREPITUS_STORE_FACTOR_JUDGEMENT] = "judgement",
  [CREPITUS_STORE_FACTOR_FINDINGS] = "findings",
  [CREPITUS_STORE_FACTOR_NOTES] = "notes",
};

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
  [CREPITUS_STORE_ASSESSMENT_RED_FLAGS_ABSENT] = UPDATE ("red_flags_absent"),
  [CREPITUS_STORE_ASSESSMENT_SCOLIOSIS] = UPDATE ("scoliosis"),
  [CREPITUS_STORE_ASSESSMENT_LORDOSIS] = UPDATE ("lordosis"),
  [CREPITUS_STORE_ASSESSMENT_PELVIC_TILT] = UPDATE ("pelvic_tilt"),
  [CREPITUS_STORE_ASSESSMENT_KYPHOSIS] = UPDATE ("kyphosis"),
  [CREPITUS_STORE_ASSESSMENT_FORWARD_HEAD] = UPDATE ("forward_head"),
  [CREPITUS_STORE_ASSESSMENT_POSTURE_NOTES] = UPDATE ("posture_notes"),
  [CREPITUS_STORE_ASSESSMENT_MEASURES] = UPDATE ("measures"),
  [CREPITUS_STORE_ASSESSMENT_NOTES] = UPDATE ("notes"),
  [CREPITUS_STORE_ASSESSMENT_REVIEW_WEEKS] = UPDATE ("review_weeks"),
#undef UPDATE
};

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
save_factor (CrepitusStoreDb       *db,
             gint64                 assessment_id,
             CrepitusFactorRecord  *record,
             gboolean               audited,
             GError               **error)
{
  const char *key = crepitus_factor_record_get_key (record);
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
      new_values[field] = crepitus_store_factor_get_value (record, field);
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

  if (crepitus_factor_record_is_empty (record))
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
        g_autofree char *name = g_strconcat (key, ".", factor_columns[field], NULL);

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
crepitus_sqlite_save_factor (CrepitusStoreDb       *db,
                             gint64                 assessment_id,
                             CrepitusFactorRecord  *record,
                             GError               **error)
{
  return save_factor (db, assessment_id, record, TRUE, error);
}

gint64
crepitus_sqlite_insert_assessment (CrepitusStoreDb     *db,
                                   gint64               patient_id,
                                   CrepitusAssessment  *assessment,
                                   GError             **error)
{
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = crepitus_sqlite_prepare (db, "INSERT INTO assessments (patient_id, " ASSESSMENT_COLUMNS
                                      ", created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                      "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
                                      "?19, ?20, ?21, ?22, ?23, " NOW ", " NOW ")", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, patient_id);
  for (guint field = 0; field < CREPITUS_STORE_N_ASSESSMENT_FIELDS; field++)
    {
      g_autoptr(GVariant) value = crepitus_store_assessment_get_value (assessment, field);

      crepitus_sqlite_bind_value (stmt, field + 2, value);
    }
  if (!crepitus_sqlite_step_done (db, stmt, error))
    return -1;
  id = sqlite3_last_insert_rowid (db->sqlite);

  for (guint i = 0; i < n_factors; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, factors[i].key);

      if (!crepitus_factor_record_is_empty (record) &&
          !save_factor (db, id, record, FALSE, error))
        return -1;
    }
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
  g_autoptr(GVariant) old_value = NULL;
  gboolean changed;

  if (!update_column (db, "SELECT " ASSESSMENT_COLUMNS " FROM assessments WHERE id = ?1",
                      assessment_updates[field], CREPITUS_SQLITE_ASSESSMENT, id, field, value,
                      &old_value, &changed, error))
    return FALSE;
  return !changed ||
         audit (db, "update", "assessment", id, assessment_columns[field], old_value, value,
                error);
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

static gboolean
load_factors (CrepitusStoreDb     *db,
              CrepitusAssessment  *assessment,
              gint64               id,
              GError             **error)
{
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, "SELECT factor, judgement, findings, notes "
                                                    "FROM factors WHERE assessment_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      CrepitusFactorRecord *record;

      if (key == NULL || crepitus_catalog_factor (key) == NULL)
        {
          crepitus_sqlite_reset (stmt);
          return crepitus_sqlite_set_error_code (db->path, SQLITE_CORRUPT, _("an unknown factor"),
                                                 error);
        }
      record = crepitus_assessment_get_factor (assessment, key);
      for (guint field = 0; field < CREPITUS_STORE_N_FACTOR_FIELDS; field++)
        {
          g_autoptr(GVariant) value = NULL;

          if (!crepitus_sqlite_column_value (db, stmt, field + 1, &value, error))
            {
              crepitus_sqlite_reset (stmt);
              return FALSE;
            }
          if (!crepitus_store_factor_set_value (record, field, value, error))
            {
              crepitus_sqlite_reset (stmt);
              return stored_value_error (db, error);
            }
        }
    }
  return rc == SQLITE_DONE;
}

CrepitusAssessment *
crepitus_sqlite_load_assessment (CrepitusStoreDb  *db,
                                 gint64            id,
                                 CrepitusPatient  *patient,
                                 GError          **error)
{
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(CrepitusPatient) loaded = NULL;
  const int status = 1 + CREPITUS_STORE_N_ASSESSMENT_FIELDS;
  sqlite3_stmt *stmt;
  gint64 patient_id;

  stmt = crepitus_sqlite_prepare (db, "SELECT patient_id, " ASSESSMENT_COLUMNS ", " STATUS_COLUMNS
                                      " FROM assessments WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crepitus_sqlite_step_record (db, stmt, CREPITUS_SQLITE_ASSESSMENT, id, error))
    return NULL;

  patient_id = sqlite3_column_int64 (stmt, 0);
  assessment = crepitus_assessment_new (NULL);
  for (guint field = 0; field < CREPITUS_STORE_N_ASSESSMENT_FIELDS; field++)
    {
      g_autoptr(GVariant) value = NULL;

      if (!crepitus_sqlite_column_value (db, stmt, field + 1, &value, error))
        {
          crepitus_sqlite_reset (stmt);
          return NULL;
        }
      if (!crepitus_store_assessment_set_value (assessment, field, value, error))
        {
          crepitus_sqlite_reset (stmt);
          stored_value_error (db, error);
          return NULL;
        }
    }
  crepitus_assessment_set_signed_by (assessment,
                                     (const char *) sqlite3_column_text (stmt, status));
  crepitus_assessment_set_signed_at (assessment,
                                     (const char *) sqlite3_column_text (stmt, status + 1));
  if (sqlite3_column_type (stmt, status + 2) != SQLITE_NULL)
    crepitus_assessment_set_superseded_by (assessment, sqlite3_column_int64 (stmt, status + 2));
  if (sqlite3_column_type (stmt, status + 3) != SQLITE_NULL)
    crepitus_assessment_set_amends (assessment, sqlite3_column_int64 (stmt, status + 3));
  crepitus_assessment_set_entered_in_error (assessment, sqlite3_column_int (stmt, status + 4));
  crepitus_sqlite_reset (stmt);

  if (!load_factors (db, assessment, id, error))
    return NULL;

  if (patient == NULL)
    {
      loaded = crepitus_sqlite_load_patient (db, patient_id, error);
      if (loaded == NULL)
        return NULL;
      patient = loaded;
    }
  crepitus_assessment_set_patient (assessment, patient);
  crepitus_assessment_set_id (assessment, id);
  return g_steal_pointer (&assessment);
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
  stmt = crepitus_sqlite_prepare (db, "INSERT INTO assessments (patient_id, " ASSESSMENT_COLUMNS
                                      ", amends, created_at, updated_at) "
                                      "SELECT patient_id, " ASSESSMENT_COLUMNS ", id, " NOW ", "
                                      NOW " FROM assessments WHERE id = ?1", error);
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
