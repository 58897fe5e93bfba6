/* crepitus-store-pg-copy.c — a clinic's server database as plain rows: its backup as an SQLite
 * file, and the restore of one into an empty server database
 *
 * Both go through the backends' plain-row interface (dump and load_*, crepitus-store-private.h):
 * every patient, assessment with its factors and state, and audit row, with its id and
 * timestamps. A backup reads one consistent snapshot while the rooms keep working; a restore
 * is one transaction into a database that holds no record, or nothing.
 */
#define G_LOG_DOMAIN "crepitus-store-pg-copy"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "crepitus-store-pg-private.h"

/* Rows fetched from a cursor at a time. */
#define BATCH "2000"

/* A cursor of the dump's snapshot, read a batch at a time. */
typedef struct
{
  CrepitusStoreDb *db;
  const char      *fetch;   /* "FETCH n FROM name" */
  PGresult        *batch;
  int              row;
  gboolean         done;
} Cursor;

static void
cursor_clear (Cursor *cursor)
{
  g_clear_pointer (&cursor->batch, PQclear);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cursor, cursor_clear)

/* Declares cursor @name for @query (constant SQL without parameters). */
static gboolean
cursor_open (Cursor           *cursor,
             CrepitusStoreDb  *db,
             const char       *name,
             const char       *query,
             GError          **error)
{
  cursor->db = db;
  cursor->fetch = crepitus_sql ("FETCH " BATCH " FROM ", name, NULL);
  cursor->row = -1;
  return crepitus_pg_exec_simple (db, crepitus_sql ("DECLARE ", name, " NO SCROLL CURSOR FOR ",
                                                    query, NULL),
                                  error);
}

/* Moves to the next row: %TRUE with cursor->batch and cursor->row to read; %FALSE at the end
 * (cursor->done) or on error. */
static gboolean
cursor_next (Cursor  *cursor,
             GError **error)
{
  if (cursor->done)
    return FALSE;
  if (cursor->batch != NULL && cursor->row + 1 < PQntuples (cursor->batch))
    {
      cursor->row++;
      return TRUE;
    }
  g_clear_pointer (&cursor->batch, PQclear);
  cursor->batch = crepitus_pg_query_simple (cursor->db, cursor->fetch, error);
  if (cursor->batch == NULL)
    return FALSE;
  cursor->row = 0;
  cursor->done = PQntuples (cursor->batch) == 0;
  return !cursor->done;
}

static gboolean
dump_patients (CrepitusStoreDb             *db,
               const CrepitusStoreBackend  *target,
               CrepitusStoreDb             *target_db,
               GError                     **error)
{
  g_auto(Cursor) cursor = { 0 };
  guint n_fields;

  crepitus_fields (CREPITUS_RECORD_PATIENT, &n_fields);
  if (!cursor_open (&cursor, db, "dump_patients",
                    crepitus_sql ("SELECT id, ", crepitus_columns (CREPITUS_RECORD_PATIENT),
                                  ", created_at, updated_at FROM patients ORDER BY id", NULL),
                    error))
    return FALSE;
  while (cursor_next (&cursor, error))
    {
      g_autoptr(CrepitusStoreRow) row = crepitus_pg_row (db, cursor.batch, cursor.row,
                                                         CREPITUS_RECORD_PATIENT, 1, error);
      CrepitusStoreStamps stamps = {
        crepitus_pg_text (cursor.batch, cursor.row, 1 + n_fields),
        crepitus_pg_text (cursor.batch, cursor.row, 2 + n_fields),
      };

      if (row == NULL || !target->load_dumped_patient (target_db, row, &stamps, error))
        return FALSE;
    }
  return cursor.done;
}

static gboolean
dump_assessments (CrepitusStoreDb             *db,
                  const CrepitusStoreBackend  *target,
                  CrepitusStoreDb             *target_db,
                  GError                     **error)
{
  g_auto(Cursor) assessments = { 0 };
  g_auto(Cursor) factors = { 0 };
  gboolean more_factors;
  guint n_fields;
  int status;

  crepitus_fields (CREPITUS_RECORD_ASSESSMENT, &n_fields);
  status = 2 + n_fields;
  if (!cursor_open (&assessments, db, "dump_assessments",
                    crepitus_sql ("SELECT id, patient_id, ",
                                  crepitus_columns (CREPITUS_RECORD_ASSESSMENT),
                                  ", signed_by, signed_at, superseded_by, amends, "
                                  "entered_in_error, created_at, updated_at "
                                  "FROM assessments ORDER BY id", NULL),
                    error) ||
      !cursor_open (&factors, db, "dump_factors",
                    crepitus_sql ("SELECT assessment_id, factor, ",
                                  crepitus_columns (CREPITUS_RECORD_FACTOR),
                                  " FROM factors ORDER BY assessment_id, factor", NULL),
                    error))
    return FALSE;

  more_factors = cursor_next (&factors, error);
  if (!more_factors && !factors.done)
    return FALSE;
  while (cursor_next (&assessments, error))
    {
      g_autoptr(CrepitusStoreAssessmentRow) row = g_new0 (CrepitusStoreAssessmentRow, 1);
      const PGresult *batch = assessments.batch;
      int i = assessments.row;
      CrepitusStoreStamps stamps = {
        crepitus_pg_text (batch, i, status + 5),
        crepitus_pg_text (batch, i, status + 6),
      };

      row->row = crepitus_pg_row (db, batch, i, CREPITUS_RECORD_ASSESSMENT, 2, error);
      if (row->row == NULL)
        return FALSE;
      row->patient_id = crepitus_pg_int (batch, i, 1);
      row->state.signed_by = g_strdup (crepitus_pg_text (batch, i, status));
      row->state.signed_at = g_strdup (crepitus_pg_text (batch, i, status + 1));
      row->state.superseded_by = PQgetisnull (batch, i, status + 2) ? -1
                                 : crepitus_pg_int (batch, i, status + 2);
      row->amends = PQgetisnull (batch, i, status + 3) ? -1
                    : crepitus_pg_int (batch, i, status + 3);
      row->state.entered_in_error = crepitus_pg_int (batch, i, status + 4) != 0;

      /* Its factors, in the same order of assessment ids. */
      row->factors = g_ptr_array_new_with_free_func ((GDestroyNotify) crepitus_store_row_free);
      while (more_factors && crepitus_pg_int (factors.batch, factors.row, 0) <= row->row->id)
        {
          if (crepitus_pg_int (factors.batch, factors.row, 0) == row->row->id &&
              !crepitus_pg_factor_rows (db, factors.batch, factors.row, 1, row->factors, error))
            return FALSE;
          more_factors = cursor_next (&factors, error);
          if (!more_factors && !factors.done)
            return FALSE;
        }
      if (!target->load_dumped_assessment (target_db, row, &stamps, error))
        return FALSE;
    }
  return assessments.done;
}

static gboolean
dump_audit (CrepitusStoreDb             *db,
            const CrepitusStoreBackend  *target,
            CrepitusStoreDb             *target_db,
            GError                     **error)
{
  g_auto(Cursor) cursor = { 0 };

  if (!cursor_open (&cursor, db, "dump_audit",
                    "SELECT id, at, clinician, action, record, record_id, field, old_value, "
                    "new_value FROM audit ORDER BY id", error))
    return FALSE;
  while (cursor_next (&cursor, error))
    {
      const PGresult *batch = cursor.batch;
      int i = cursor.row;
      CrepitusAuditEntry entry = {
        crepitus_pg_int (batch, i, 0),
        (char *) crepitus_pg_text (batch, i, 1),
        (char *) crepitus_pg_text (batch, i, 2),
        (char *) crepitus_pg_text (batch, i, 3),
        (char *) crepitus_pg_text (batch, i, 4),
        crepitus_pg_int (batch, i, 5),
        (char *) crepitus_pg_text (batch, i, 6),
        (char *) crepitus_pg_text (batch, i, 7),
        (char *) crepitus_pg_text (batch, i, 8),
      };

      if (!target->load_dumped_audit (target_db, &entry, error))
        return FALSE;
    }
  return cursor.done;
}

gboolean
crepitus_pg_dump (CrepitusStoreDb             *db,
                  const CrepitusStoreBackend  *target,
                  CrepitusStoreDb             *target_db,
                  GError                     **error)
{
  gboolean ok;

  /* One snapshot: what every room had committed when the dump began. */
  if (!crepitus_pg_exec_simple (db, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", error))
    return FALSE;
  db->in_transaction = TRUE;
  ok = dump_patients (db, target, target_db, error) &&
       dump_assessments (db, target, target_db, error) &&
       dump_audit (db, target, target_db, error);
  crepitus_pg_rollback (db);
  return ok;
}

/* Loading a dump: rows as they are, ids and timestamps kept. */

gboolean
crepitus_pg_load_dumped_patient (CrepitusStoreDb            *db,
                          const CrepitusStoreRow     *patient,
                          const CrepitusStoreStamps  *stamps,
                          GError                    **error)
{
  g_auto(CrepitusPgParams) params = { 0 };
  GVariant * const *values = patient->values;

  for (guint field = 0; field < patient->n_values; field++)
    crepitus_pg_add_value (&params, values[field]);
  crepitus_pg_add_patient_keys (&params, values);
  crepitus_pg_add_int (&params, patient->id);
  crepitus_pg_add_text (&params, stamps->created_at);
  crepitus_pg_add_text (&params, stamps->updated_at);
  G_STATIC_ASSERT (CREPITUS_STORE_N_PATIENT_FIELDS == 6);
  if (!crepitus_pg_send (db, crepitus_sql ("INSERT INTO patients (",
                                           crepitus_columns (CREPITUS_RECORD_PATIENT),
                                           ", family_key, given_key, mrn_key, id, created_at, "
                                           "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                                           "$8, $9, $10, $11, $12)", NULL),
                         &params, error))
    return FALSE;
#define TEXT(field) (values[field] != NULL ? g_variant_get_string (values[field], NULL) : NULL)
  return crepitus_pg_write_search_keys (db, patient->id, TEXT (CREPITUS_STORE_PATIENT_FAMILY_NAME),
                                        TEXT (CREPITUS_STORE_PATIENT_GIVEN_NAME),
                                        TEXT (CREPITUS_STORE_PATIENT_MRN),
                                        TEXT (CREPITUS_STORE_PATIENT_BIRTH_DATE), FALSE, error);
#undef TEXT
}

gboolean
crepitus_pg_load_dumped_assessment (CrepitusStoreDb                   *db,
                                    const CrepitusStoreAssessmentRow  *assessment,
                                    const CrepitusStoreStamps         *stamps,
                                    GError                           **error)
{
  const CrepitusStoreRow *row = assessment->row;
  g_auto(CrepitusPgParams) params = { 0 };

  crepitus_pg_add_int (&params, assessment->patient_id);
  for (guint field = 0; field < row->n_values; field++)
    crepitus_pg_add_value (&params, row->values[field]);
  crepitus_pg_add_int (&params, row->id);
  if (assessment->amends >= 0)
    crepitus_pg_add_int (&params, assessment->amends);
  else
    crepitus_pg_add_text (&params, NULL);
  crepitus_pg_add_text (&params, stamps->created_at);
  crepitus_pg_add_text (&params, stamps->updated_at);
  if (!crepitus_pg_send (db, crepitus_pg_insert_assessment_sql (TRUE), &params, error))
    return FALSE;

  /* The factors before the signature, which makes them read-only. */
  for (guint i = 0; i < assessment->factors->len; i++)
    {
      const CrepitusStoreRow *factor = assessment->factors->pdata[i];

      crepitus_pg_params_clear (&params);
      crepitus_pg_add_int (&params, row->id);
      crepitus_pg_add_text (&params, factor->factor);
      for (guint field = 0; field < factor->n_values; field++)
        crepitus_pg_add_value (&params, factor->values[field]);
      if (!crepitus_pg_send (db, crepitus_sql ("INSERT INTO factors (assessment_id, factor, ",
                                               crepitus_columns (CREPITUS_RECORD_FACTOR),
                                               ") VALUES ($1, $2, $3, $4, $5)", NULL),
                             &params, error))
        return FALSE;
    }

  if (assessment->state.signed_by != NULL || assessment->state.entered_in_error)
    {
      crepitus_pg_params_clear (&params);
      crepitus_pg_add_int (&params, row->id);
      crepitus_pg_add_text (&params, assessment->state.signed_by);
      crepitus_pg_add_text (&params, assessment->state.signed_at);
      crepitus_pg_add_text (&params, assessment->state.entered_in_error ? "true" : "false");
      if (!crepitus_pg_send (db, "UPDATE assessments SET signed_by = $2, signed_at = $3, "
                                 "entered_in_error = $4 WHERE id = $1", &params, error))
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
crepitus_pg_load_dumped_audit (CrepitusStoreDb           *db,
                               const CrepitusAuditEntry  *entry,
                               GError                   **error)
{
  g_auto(CrepitusPgParams) params = { 0 };

  crepitus_pg_add_int (&params, entry->id);
  crepitus_pg_add_text (&params, entry->at);
  crepitus_pg_add_text (&params, entry->clinician);
  crepitus_pg_add_text (&params, entry->action);
  crepitus_pg_add_text (&params, entry->record);
  crepitus_pg_add_int (&params, entry->record_id);
  crepitus_pg_add_text (&params, entry->field);
  crepitus_pg_add_text (&params, entry->old_value);
  crepitus_pg_add_text (&params, entry->new_value);
  return crepitus_pg_send (db, "INSERT INTO audit (id, at, clinician, action, record, record_id, "
                               "field, old_value, new_value) "
                               "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", &params, error);
}

gboolean
crepitus_pg_finish_load (CrepitusStoreDb  *db,
                         GError          **error)
{
  g_autoptr(GArray) superseded = g_steal_pointer (&db->superseded);

  for (guint i = 0; superseded != NULL && i < superseded->len; i++)
    {
      gint64 *pair = &g_array_index (superseded, gint64, 2 * i);
      g_auto(CrepitusPgParams) params = { 0 };
      g_autoptr(PGresult) result = NULL;

      crepitus_pg_add_int (&params, pair[0]);
      crepitus_pg_add_int (&params, pair[1]);
      result = crepitus_pg_exec (db, "UPDATE assessments SET superseded_by = $2 WHERE id = $1",
                                 &params, error);
      if (result == NULL)
        return FALSE;
    }
  return crepitus_pg_sync_sequences (db, crepitus_store_schema_version (), error);
}

/* Backup and restore */

gboolean
crepitus_pg_backup (CrepitusStoreDb  *db,
                    const char       *path,
                    GError          **error)
{
  return crepitus_store_sqlite_write_backup (&crepitus_store_pg_backend, db, path, error);
}

/* Refuses, in the restore's transaction, a database that holds any record. */
static gboolean
check_empty (CrepitusStoreDb  *db,
             GError          **error)
{
  gint64 n_patients, n_records;

  /* No room writes while the backup goes in. */
  if (!crepitus_pg_exec_simple (db, "LOCK TABLE patients, assessments, factors, audit "
                                    "IN EXCLUSIVE MODE", error) ||
      !crepitus_pg_query_int (db, "SELECT count(*) FROM patients", NULL, &n_patients, error) ||
      !crepitus_pg_query_int (db, "SELECT (SELECT count(*) FROM assessments) + "
                                  "(SELECT count(*) FROM audit)", NULL, &n_records, error))
    return FALSE;
  if (n_patients == 0 && n_records == 0)
    return TRUE;
  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT,
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: the database already holds %" PRId64 " patient; a "
                            "backup is restored only into an empty database (create a new one "
                            "on the server, then restore into it); nothing was restored",
                            "%s: the database already holds %" PRId64 " patients; a "
                            "backup is restored only into an empty database (create a new one "
                            "on the server, then restore into it); nothing was restored",
                            n_patients),
               db->path, n_patients);
  return FALSE;
}

gboolean
crepitus_pg_restore (const char  *uri,
                     const char  *backup_path,
                     char       **kept_path,
                     GError     **error)
{
  g_autoptr(CrepitusStoreDb) db = NULL;
  static const char * const sqlite_suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *temporary = NULL;
  CrepitusStoreDb *source;
  gboolean ok;

  /* Nothing is replaced, so nothing is kept. */
  *kept_path = NULL;
  source = crepitus_store_sqlite_open_backup (backup_path, &temporary, error);
  if (source == NULL)
    return FALSE;
  db = crepitus_pg_open (uri, CREPITUS_STORE_OPEN_DEFAULT, error);
  ok = db != NULL && crepitus_pg_begin (db, error);
  if (ok)
    {
      /* Rows sent down a pipeline: no round trip for each. */
      ok = check_empty (db, error) && crepitus_pg_pipeline_begin (db, error);
      if (ok)
        {
          ok = crepitus_store_sqlite_backend.dump (source, &crepitus_store_pg_backend, db, error);
          ok = crepitus_pg_pipeline_end (db, ok ? error : NULL) && ok;
        }
      ok = ok && crepitus_pg_finish_load (db, error);
      ok = ok ? crepitus_pg_commit (db, error) : (crepitus_pg_rollback (db), FALSE);
    }
  /* What autovacuum would do within a minute of so large a load, done now: the search reads
   * its index alone once the table's pages are known to be visible, and the planner needs
   * the statistics. Only the tables' owner may; anyone else leaves it to autovacuum. */
  if (ok && !crepitus_pg_exec_simple (db, "VACUUM (ANALYZE) patients, patient_search, "
                                          "assessments, factors, audit", NULL))
    g_debug ("the restored tables were left for autovacuum to analyze");
  crepitus_store_sqlite_backend.close (source);
  for (guint i = 0; i < G_N_ELEMENTS (sqlite_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (temporary, sqlite_suffixes[i], NULL);

      g_unlink (file);
    }
  return ok;
}
