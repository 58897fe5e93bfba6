/* crepitus-store-pg-private.h — what the source files of the PostgreSQL backend share
 *
 * The backend is a file per seam, as SQLite's is: crepitus-store-pg.c (its table, the
 * connection and its faults, errors, statements, transactions, notifications),
 * -schema.c (migrations, opening and checking a server database), -records.c (patients,
 * assessments, factors, signing, the audit log), -search.c (search terms and the queries
 * that use them) and -copy.c (the whole clinic as plain rows: backup to an SQLite file and
 * restore from one). Each group below is defined in the file it names.
 *
 * Values are always bound (PQexecPrepared, text format), never spliced into SQL: statements
 * are prepared once per connection from constant text or from the table of fields' column
 * names. Every autosaved edit is its own transaction; the server's triggers refuse what the
 * store refuses (a signed assessment's edits, a change to the audit log), for every client.
 */
#pragma once

#include <libpq-fe.h>

#include "crepitus-store-private.h"

G_BEGIN_DECLS

/* The backend table of this module (libcrepitus-store-pg; crepitus-store-pg-loader.c). */
extern const CrepitusStoreBackend crepitus_store_pg_backend;

/* Now, as every timestamp is written: ISO 8601 UTC with milliseconds, as SQLite writes it. */
#define PG_NOW "to_char (statement_timestamp () AT TIME ZONE 'UTC', " \
               "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

/* The most parameters a statement binds. */
#define CREPITUS_PG_MAX_PARAMS 32

/* Each backend defines the database it opens; this is the PostgreSQL one's. */
struct _CrepitusStoreDb
{
  PGconn                  *conn;
  char                    *uri;           /* as given, to connect again */
  char                    *path;          /* where, as printed: the URI without a password */
  GHashTable              *statements;    /* SQL text → name of its prepared statement */
  guint                    n_prepared;
  char                    *clinician;     /* who acts, for the audit log; %NULL: not known */
  CrepitusStoreChangeFunc  changed;
  gpointer                 changed_data;
  GArray                  *superseded;    /* while loading a dump: pairs of ids to link */
  guint                    n_pending;     /* statements sent down the pipeline, unanswered */
  guint                    pipeline : 1;  /* loading a dump: statements sent, not waited for */
  guint                    read_only : 1;
  guint                    in_transaction : 1;
  guint                    bulk : 1;      /* tests: every transaction a savepoint of one */
};

/* Parameters of a statement, as text. */
typedef struct
{
  guint        n;
  const char  *values[CREPITUS_PG_MAX_PARAMS];
  char        *owned[CREPITUS_PG_MAX_PARAMS];
} CrepitusPgParams;

void     crepitus_pg_params_clear (CrepitusPgParams *params);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrepitusPgParams, crepitus_pg_params_clear)

/* Appends text (%NULL: SQL NULL), an integer, or a stored value (%NULL, "x" or "s"). */
void     crepitus_pg_add_text     (CrepitusPgParams *params,
                                   const char       *text);
void     crepitus_pg_add_int      (CrepitusPgParams *params,
                                   gint64            number);
void     crepitus_pg_add_value    (CrepitusPgParams *params,
                                   GVariant         *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Errors and statements (crepitus-store-pg.c) */

/* Sets @error from a failed @result (its SQLSTATE) or, without one, from the connection;
 * returns %FALSE. */
gboolean  crepitus_pg_set_error       (CrepitusStoreDb         *db,
                                       const PGresult          *result,
                                       GError                 **error);
/* Sets @error to say that there is no patient (@patient) or assessment @id. */
gboolean  crepitus_pg_not_found       (CrepitusStoreDb         *db,
                                       gboolean                 patient,
                                       gint64                   id,
                                       GError                 **error);
/* Sets @error to a damaged value or schema: @detail. */
gboolean  crepitus_pg_corrupt         (CrepitusStoreDb         *db,
                                       const char              *detail,
                                       GError                 **error);
/* Runs @sql (a static or interned string, prepared once per connection) with @params (may be
 * %NULL); the result of a command or a query, or %NULL with @error set. Outside a transaction
 * a lost connection is made again, once, before the statement is given up. */
PGresult *crepitus_pg_exec            (CrepitusStoreDb         *db,
                                       const char              *sql,
                                       const CrepitusPgParams  *params,
                                       GError                 **error);
/* Runs @sql with @params, whose result is not read: in a pipeline (loading a dump), sent and
 * answered later, its failure reported by a later call; otherwise as crepitus_pg_exec. */
gboolean  crepitus_pg_send            (CrepitusStoreDb         *db,
                                       const char              *sql,
                                       const CrepitusPgParams  *params,
                                       GError                 **error);
/* Loading a dump: statements of crepitus_pg_send are sent down a pipeline, in a transaction,
 * without waiting for each answer; end waits for them all. */
gboolean  crepitus_pg_pipeline_begin  (CrepitusStoreDb         *db,
                                       GError                 **error);
gboolean  crepitus_pg_pipeline_end    (CrepitusStoreDb         *db,
                                       GError                 **error);
/* Runs @sql, one or more constant statements without parameters. */
gboolean  crepitus_pg_exec_simple     (CrepitusStoreDb         *db,
                                       const char              *sql,
                                       GError                 **error);
/* The result of @sql, one constant statement without parameters that cannot be prepared
 * (a cursor's FETCH), or %NULL with @error set. */
PGresult *crepitus_pg_query_simple    (CrepitusStoreDb         *db,
                                       const char              *sql,
                                       GError                 **error);
/* The one integer the one row of @sql with @params returns. */
gboolean  crepitus_pg_query_int       (CrepitusStoreDb         *db,
                                       const char              *sql,
                                       const CrepitusPgParams  *params,
                                       gint64                  *result,
                                       GError                 **error);
/* The value of @column in @row of @result: %NULL for NULL, "x" for integers and booleans,
 * "s" for text; refuses text that is not UTF-8. */
gboolean  crepitus_pg_value           (CrepitusStoreDb         *db,
                                       const PGresult          *result,
                                       int                      row,
                                       int                      column,
                                       GVariant               **value,
                                       GError                 **error);
/* The text or integer of a column that is never NULL where it is read. */
const char *crepitus_pg_text          (const PGresult          *result,
                                       int                      row,
                                       int                      column);
gint64    crepitus_pg_int             (const PGresult          *result,
                                       int                      row,
                                       int                      column);
/* The row of @record at @row of @result: its id in column 0, its fields from @first. */
CrepitusStoreRow *crepitus_pg_row     (CrepitusStoreDb         *db,
                                       const PGresult          *result,
                                       int                      row,
                                       CrepitusRecord           record,
                                       int                      first,
                                       GError                 **error);

/* The connection (crepitus-store-pg.c) */

/* Connects to @uri; on failure sets @error naming the server's host and port. */
CrepitusStoreDb *crepitus_pg_connect  (const char              *uri,
                                       gboolean                 read_only,
                                       GError                 **error);
void             crepitus_pg_close    (CrepitusStoreDb         *db);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusStoreDb, crepitus_pg_close)

gboolean         crepitus_pg_begin    (CrepitusStoreDb         *db,
                                       GError                 **error);
gboolean         crepitus_pg_commit   (CrepitusStoreDb         *db,
                                       GError                 **error);
void             crepitus_pg_rollback (CrepitusStoreDb         *db);

/* Schema (crepitus-store-pg-schema.c) */

CrepitusStoreDb *crepitus_pg_open            (const char              *uri,
                                              CrepitusStoreOpenFlags   flags,
                                              GError                 **error);
/* The schema version of the database (0: blank); refuses one that holds another program's
 * tables. */
gboolean         crepitus_pg_read_version    (CrepitusStoreDb         *db,
                                              gint64                  *version,
                                              GError                 **error);
/* Runs migrations @from + 1 … @to, each in its transaction; @with_samples: each followed by
 * its sample rows (tests). */
gboolean         crepitus_pg_migrate         (CrepitusStoreDb         *db,
                                              guint                    from,
                                              guint                    to,
                                              gboolean                 with_samples,
                                              GError                 **error);
gboolean         crepitus_pg_check_integrity (CrepitusStoreDb         *db,
                                              GError                 **error);
/* New ids come after those of rows stored with their ids (samples, a restored backup); the
 * audit log's from @version 2. */
gboolean         crepitus_pg_sync_sequences  (CrepitusStoreDb         *db,
                                              guint                    version,
                                              GError                 **error);

/* Patients, assessments, factors (crepitus-store-pg-records.c) */

gint64           crepitus_pg_insert_patient     (CrepitusStoreDb               *db,
                                                 const CrepitusStoreRow        *patient,
                                                 GError                       **error);
gboolean         crepitus_pg_update_patient     (CrepitusStoreDb               *db,
                                                 gint64                         id,
                                                 CrepitusStorePatientField      field,
                                                 GVariant                      *value,
                                                 GError                       **error);
CrepitusStoreRow *crepitus_pg_load_patient      (CrepitusStoreDb               *db,
                                                 gint64                         id,
                                                 GError                       **error);
GPtrArray       *crepitus_pg_list_patients      (CrepitusStoreDb               *db,
                                                 GError                       **error);
GArray          *crepitus_pg_find_by_mrn        (CrepitusStoreDb               *db,
                                                 const char                    *mrn,
                                                 GError                       **error);
GArray          *crepitus_pg_find_by_name       (CrepitusStoreDb               *db,
                                                 const char                    *family_name,
                                                 const char                    *given_name,
                                                 const char                    *birth_date,
                                                 GError                       **error);
gboolean         crepitus_pg_earliest_date      (CrepitusStoreDb               *db,
                                                 gint64                         patient_id,
                                                 char                         **date,
                                                 GError                       **error);
gint64           crepitus_pg_insert_assessment  (CrepitusStoreDb               *db,
                                                 gint64                         patient_id,
                                                 const CrepitusStoreRow        *assessment,
                                                 GPtrArray                     *factors,
                                                 GError                       **error);
gboolean         crepitus_pg_update_assessment  (CrepitusStoreDb               *db,
                                                 gint64                         id,
                                                 CrepitusStoreAssessmentField   field,
                                                 GVariant                      *value,
                                                 GError                       **error);
gboolean         crepitus_pg_move_assessment    (CrepitusStoreDb               *db,
                                                 gint64                         id,
                                                 gint64                         patient_id,
                                                 GError                       **error);
gboolean         crepitus_pg_save_factor        (CrepitusStoreDb               *db,
                                                 gint64                         assessment_id,
                                                 const CrepitusStoreRow        *record,
                                                 GError                       **error);
CrepitusStoreAssessmentRow *crepitus_pg_load_assessment (CrepitusStoreDb       *db,
                                                         gint64                 id,
                                                         GError               **error);
GArray          *crepitus_pg_list_assessments   (CrepitusStoreDb               *db,
                                                 gint64                         patient_id,
                                                 GError                       **error);
/* Writes a factor record (deleting its row when it is empty); @audited: one audit row for
 * each changed field. */
gboolean         crepitus_pg_write_factor       (CrepitusStoreDb               *db,
                                                 gint64                         assessment_id,
                                                 const CrepitusStoreRow        *record,
                                                 gboolean                       audited,
                                                 GError                       **error);
/* The INSERT of an assessment: the patient id, then the fields ($1…$N+1); @loading: then its
 * id, what it amends and its two timestamps, as a dump gives them. */
const char      *crepitus_pg_insert_assessment_sql (gboolean                    loading);
/* The factor records (CrepitusStoreRow) of @result from @first (the factor's key, then its
 * fields), appended to @factors. */
gboolean         crepitus_pg_factor_rows        (CrepitusStoreDb               *db,
                                                 const PGresult                *result,
                                                 int                            row,
                                                 int                            first,
                                                 GPtrArray                     *factors,
                                                 GError                       **error);

/* Signing and the audit log (crepitus-store-pg-records.c) */

void       crepitus_pg_set_clinician         (CrepitusStoreDb               *db,
                                              const char                    *clinician);
gboolean   crepitus_pg_assessment_state      (CrepitusStoreDb               *db,
                                              gint64                         id,
                                              CrepitusStoreAssessmentState  *state,
                                              GError                       **error);
gboolean   crepitus_pg_sign_assessment       (CrepitusStoreDb               *db,
                                              gint64                         id,
                                              const char                    *clinician,
                                              GError                       **error);
gint64     crepitus_pg_amend_assessment      (CrepitusStoreDb               *db,
                                              gint64                         id,
                                              const char                    *clinician,
                                              GError                       **error);
gboolean   crepitus_pg_mark_entered_in_error (CrepitusStoreDb               *db,
                                              gint64                         id,
                                              const char                    *clinician,
                                              GError                       **error);
GPtrArray *crepitus_pg_list_audit            (CrepitusStoreDb               *db,
                                              gint64                         assessment_id,
                                              GError                       **error);

/* Search (crepitus-store-pg-search.c) */

/* Writes the terms of patient @id (in patient_search) from its names, MRN and birth date;
 * @replace: a stored patient whose keys (in patients) and terms are replaced, rather than
 * one just inserted with its keys (crepitus_pg_patient_keys). */
gboolean   crepitus_pg_write_search_keys    (CrepitusStoreDb     *db,
                                             gint64               id,
                                             const char          *family_name,
                                             const char          *given_name,
                                             const char          *mrn,
                                             const char          *birth_date,
                                             gboolean             replace,
                                             GError             **error);
/* Appends the search keys of a patient (family_key, given_key, mrn_key) to @params. */
void       crepitus_pg_add_patient_keys     (CrepitusPgParams    *params,
                                             GVariant * const    *patient);
/* The same from what is stored of patient @id. */
gboolean   crepitus_pg_refresh_search_keys  (CrepitusStoreDb     *db,
                                             gint64               id,
                                             GError             **error);
/* Migration 2: the keys of every patient stored before it. */
gboolean   crepitus_pg_fill_search_keys     (CrepitusStoreDb     *db,
                                             GError             **error);
gboolean   crepitus_pg_count_patients       (CrepitusStoreDb     *db,
                                             const char * const  *typed,
                                             guint               *count,
                                             GError             **error);
GPtrArray *crepitus_pg_search_patients      (CrepitusStoreDb     *db,
                                             const char * const  *typed,
                                             guint                offset,
                                             guint                limit,
                                             GError             **error);
gboolean   crepitus_pg_find_patient         (CrepitusStoreDb     *db,
                                             const char * const  *typed,
                                             gint64               id,
                                             gboolean            *found,
                                             guint               *position,
                                             GError             **error);
/* Whether the stored keys and terms of every patient are those of its names. */
gboolean   crepitus_pg_check_search_keys    (CrepitusStoreDb     *db,
                                             GError             **error);

/* The whole clinic (crepitus-store-pg-copy.c) */

gboolean   crepitus_pg_dump            (CrepitusStoreDb                   *db,
                                        const CrepitusStoreBackend        *target,
                                        CrepitusStoreDb                   *target_db,
                                        GError                           **error);
gboolean   crepitus_pg_load_dumped_patient    (CrepitusStoreDb                   *db,
                                        const CrepitusStoreRow            *patient,
                                        const CrepitusStoreStamps         *stamps,
                                        GError                           **error);
gboolean   crepitus_pg_load_dumped_assessment (CrepitusStoreDb                   *db,
                                        const CrepitusStoreAssessmentRow  *assessment,
                                        const CrepitusStoreStamps         *stamps,
                                        GError                           **error);
gboolean   crepitus_pg_load_dumped_audit      (CrepitusStoreDb                   *db,
                                        const CrepitusAuditEntry          *entry,
                                        GError                           **error);
gboolean   crepitus_pg_finish_load     (CrepitusStoreDb                   *db,
                                        GError                           **error);
gboolean   crepitus_pg_backup          (CrepitusStoreDb                   *db,
                                        const char                        *path,
                                        GError                           **error);
gboolean   crepitus_pg_restore         (const char                        *uri,
                                        const char                        *backup_path,
                                        char                             **kept_path,
                                        GError                           **error);

G_END_DECLS
