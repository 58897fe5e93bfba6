/* crepitus-store-sqlite-private.h — what the source files of the SQLite backend share
 *
 * The backend is a file per seam: crepitus-store-sqlite.c (its table, errors, statements and
 * transactions), -schema.c (creating, opening, checking and migrating the file), -records.c
 * (patients, assessments, factors, signing, the audit log), -search.c (search keys and the
 * plans that search them), -backup.c (backup and restore) and -copy.c (the whole clinic as
 * plain rows, to and from another backend). Each group below is defined in the file it
 * names.
 *
 * Values are always bound, never spliced into SQL. Statements come from
 * crepitus_sqlite_prepare, which keeps them for the life of the connection: step them with
 * crepitus_sqlite_step_row or crepitus_sqlite_step_done, which reset them once they are
 * done or fail and turn a failure into CREPITUS_STORE_ERROR.
 */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "crepitus-store-private.h"

G_BEGIN_DECLS

/* Now, as every timestamp of the file is written: ISO 8601 UTC with milliseconds. */
#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/* "CREP" in the header of every Crepitus database (PRAGMA application_id). */
#define DATABASE_APPLICATION_ID 0x43524550

/* SQL from the table of fields (crepitus-store-sqlite.c, with crepitus_sql() and
 * crepitus_columns()). */

/* "SELECT <columns> FROM <table> WHERE id = ?1" (patients and assessments). */
const char      *crepitus_sqlite_select_sql (CrepitusRecord  record);
/* "UPDATE <table> SET <column of @field> = ?1, updated_at = now WHERE id = ?2". */
const char      *crepitus_sqlite_update_sql (CrepitusRecord  record,
                                             guint           field);
/* The INSERT of a patient (the fields, then the three search keys: ?1…?N+3) or of an
 * assessment (the patient id, then the fields: ?1…?N+1). */
const char      *crepitus_sqlite_insert_sql (CrepitusRecord  record);

typedef struct _FileLock FileLock;

struct _CrepitusStoreDb
{
  sqlite3    *sqlite;
  char       *path;
  GHashTable *statements;   /* SQL text (static) → prepared sqlite3_stmt */
  FileLock   *lock;         /* the shared flock of the file, while a store has it open */
  char       *clinician;    /* who acts, for the audit log; %NULL when not known */
  GArray     *superseded;   /* while loading a dump: pairs of ids to link */
  guint       bulk : 1;     /* tests: every transaction is a savepoint of one outer one */
};

/* Errors (crepitus-store-sqlite.c) */

/* A record that a statement may not find. */
typedef enum
{
  CREPITUS_SQLITE_PATIENT,
  CREPITUS_SQLITE_ASSESSMENT,
} CrepitusSqliteRecord;

/* Sets @error from the SQLite result code @rc, naming @path; returns %FALSE. */
gboolean crepitus_sqlite_set_error_code  (const char            *path,
                                          int                    rc,
                                          const char            *detail,
                                          GError               **error);
/* Sets @error from @rc and the connection's message; returns %FALSE. */
gboolean crepitus_sqlite_set_error       (CrepitusStoreDb       *db,
                                          int                    rc,
                                          GError               **error);
/* Sets @error from an errno of a file operation on @path; returns %FALSE. */
gboolean crepitus_sqlite_set_errno_error (const char            *path,
                                          int                    saved_errno,
                                          GError               **error);
/* Sets @error to say that there is no @record @id; returns %FALSE. */
gboolean crepitus_sqlite_not_found       (CrepitusStoreDb       *db,
                                          CrepitusSqliteRecord   record,
                                          gint64                 id,
                                          GError               **error);

/* Statements (crepitus-store-sqlite.c) */

/* The connection's statement for @sql, a static string, prepared on first use. */
sqlite3_stmt *crepitus_sqlite_prepare      (CrepitusStoreDb       *db,
                                            const char            *sql,
                                            GError               **error);
/* Resets @stmt and clears its bindings. */
void          crepitus_sqlite_reset        (sqlite3_stmt          *stmt);
/* Binds a value (%NULL, "x" or "s") or text (%NULL binds NULL) to parameter @index. */
void          crepitus_sqlite_bind_value   (sqlite3_stmt          *stmt,
                                            int                    index,
                                            GVariant              *value);
void          crepitus_sqlite_bind_text    (sqlite3_stmt          *stmt,
                                            int                    index,
                                            const char            *text);
/* The value in column @column of the current row, or %NULL for NULL. */
gboolean      crepitus_sqlite_column_value (CrepitusStoreDb       *db,
                                            sqlite3_stmt          *stmt,
                                            int                    column,
                                            GVariant             **value,
                                            GError               **error);
/* Steps @stmt to its next row. Returns SQLITE_ROW while there is one to read (reset @stmt
 * with crepitus_sqlite_reset once finished with it); otherwise resets @stmt and returns
 * SQLITE_DONE after the last row, or the code of a failure, with @error set. */
int           crepitus_sqlite_step_row     (CrepitusStoreDb       *db,
                                            sqlite3_stmt          *stmt,
                                            GError               **error);
/* Runs @stmt, which returns no rows (sqlite3_changes64 then counts the rows it changed). */
gboolean      crepitus_sqlite_step_done    (CrepitusStoreDb       *db,
                                            sqlite3_stmt          *stmt,
                                            GError               **error);
/* Steps @stmt to the row of @record @id: %TRUE with the row to read (reset @stmt with
 * crepitus_sqlite_reset once read); otherwise @stmt is reset and @error set, to not found
 * when there is no row. */
gboolean      crepitus_sqlite_step_record  (CrepitusStoreDb       *db,
                                            sqlite3_stmt          *stmt,
                                            CrepitusSqliteRecord   record,
                                            gint64                 id,
                                            GError               **error);
/* Runs @sql, one or more statements without parameters. */
gboolean      crepitus_sqlite_exec         (CrepitusStoreDb       *db,
                                            const char            *sql,
                                            GError               **error);
/* The integer that a one-value statement (a PRAGMA) returns. */
gboolean      crepitus_sqlite_query_int    (CrepitusStoreDb       *db,
                                            const char            *sql,
                                            gint64                *result,
                                            GError               **error);

/* Opening, checks and migrations (crepitus-store-sqlite-schema.c) */

/* A connection to @path, with the settings every connection has. */
CrepitusStoreDb *crepitus_sqlite_connect         (const char              *path,
                                                  gboolean                 read_only,
                                                  gboolean                 create,
                                                  GError                 **error);
/* A connection that only reads the file of @uri (of the database at @path) as immutable:
 * for a file no one writes, in a folder this process may not write. */
CrepitusStoreDb *crepitus_sqlite_connect_uri     (const char              *uri,
                                                  const char              *path,
                                                  GError                 **error);
/* Closes the connection and frees @db. */
void             crepitus_sqlite_close           (CrepitusStoreDb         *db);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusStoreDb, crepitus_sqlite_close)

/* WAL, durable commits, foreign keys: only once the file is known to be ours. */
gboolean         crepitus_sqlite_configure       (CrepitusStoreDb         *db,
                                                  gboolean                 read_only,
                                                  GError                 **error);
/* Runs migrations @from + 1 … @to, each in its transaction; @with_samples: each followed by
 * its sample rows (tests). */
gboolean         crepitus_sqlite_migrate         (CrepitusStoreDb         *db,
                                                  guint                    from,
                                                  guint                    to,
                                                  gboolean                 with_samples,
                                                  GError                 **error);
/* Refuses, before SQLite sees it, a file that is not an SQLite database at all; @fd is open
 * on the file at @path. */
gboolean         crepitus_sqlite_check_header    (int                      fd,
                                                  const char              *path,
                                                  GError                 **error);
/* Runs @pragma (quick_check or integrity_check), failing with what it found. */
gboolean         crepitus_sqlite_quick_check     (CrepitusStoreDb         *db,
                                                  const char              *pragma,
                                                  GError                 **error);
/* Whether a store of this process has the file of @st open. */
gboolean         crepitus_sqlite_file_lock_held  (const GStatBuf          *st);

CrepitusStoreDb *crepitus_sqlite_open            (const char              *path,
                                                  CrepitusStoreOpenFlags   flags,
                                                  GError                 **error);
gboolean         crepitus_sqlite_check_integrity (CrepitusStoreDb         *db,
                                                  GError                 **error);

/* Whether the schema of @db is exactly what migrations 1…@version make (tables, columns,
 * indexes, triggers); refuses, naming @where and every difference, a file changed outside
 * Crepitus (crepitus-store-sqlite-verify.c). */
gboolean         crepitus_sqlite_verify_schema   (CrepitusStoreDb         *db,
                                                  guint                    version,
                                                  const char              *where,
                                                  GError                 **error);

/* Patients (crepitus-store-sqlite-records.c) */

gint64           crepitus_sqlite_insert_patient     (CrepitusStoreDb            *db,
                                                     const CrepitusStoreRow     *patient,
                                                     GError                    **error);
gboolean         crepitus_sqlite_update_patient     (CrepitusStoreDb            *db,
                                                     gint64                      id,
                                                     CrepitusStorePatientField   field,
                                                     GVariant                   *value,
                                                     GError                    **error);
CrepitusStoreRow *crepitus_sqlite_load_patient      (CrepitusStoreDb            *db,
                                                     gint64                      id,
                                                     GError                    **error);
GPtrArray       *crepitus_sqlite_list_patients      (CrepitusStoreDb            *db,
                                                     GError                    **error);
/* Every patient (CrepitusStoreRow) the bound @stmt (id, then crepitus_columns)
 * returns, in its order; @stmt is reset. */
GPtrArray       *crepitus_sqlite_patients_from_rows (CrepitusStoreDb            *db,
                                                     sqlite3_stmt               *stmt,
                                                     GError                    **error);
GArray          *crepitus_sqlite_find_by_mrn        (CrepitusStoreDb            *db,
                                                     const char                 *mrn,
                                                     GError                    **error);
GArray          *crepitus_sqlite_find_by_name       (CrepitusStoreDb            *db,
                                                     const char                 *family_name,
                                                     const char                 *given_name,
                                                     const char                 *birth_date,
                                                     GError                    **error);

/* Assessments and their factors (crepitus-store-sqlite-records.c) */

gboolean            crepitus_sqlite_earliest_date     (CrepitusStoreDb               *db,
                                                       gint64                         patient_id,
                                                       char                         **date,
                                                       GError                       **error);
gint64              crepitus_sqlite_insert_assessment (CrepitusStoreDb               *db,
                                                       gint64                         patient_id,
                                                       const CrepitusStoreRow        *assessment,
                                                       GPtrArray                     *factors,
                                                       GError                       **error);
gboolean            crepitus_sqlite_update_assessment (CrepitusStoreDb               *db,
                                                       gint64                         id,
                                                       CrepitusStoreAssessmentField   field,
                                                       GVariant                      *value,
                                                       GError                       **error);
gboolean            crepitus_sqlite_move_assessment   (CrepitusStoreDb               *db,
                                                       gint64                         id,
                                                       gint64                         patient_id,
                                                       GError                       **error);
gboolean            crepitus_sqlite_save_factor       (CrepitusStoreDb               *db,
                                                       gint64                         assessment_id,
                                                       const CrepitusStoreRow        *record,
                                                       GError                       **error);
CrepitusStoreAssessmentRow *crepitus_sqlite_load_assessment (CrepitusStoreDb  *db,
                                                             gint64            id,
                                                             GError          **error);
GArray             *crepitus_sqlite_list_assessments  (CrepitusStoreDb               *db,
                                                       gint64                         patient_id,
                                                       GError                       **error);

/* Signing and the audit log (crepitus-store-sqlite-records.c) */

/* The clinician every later write is audited as. */
void       crepitus_sqlite_set_clinician         (CrepitusStoreDb               *db,
                                                  const char                    *clinician);
gboolean   crepitus_sqlite_assessment_state      (CrepitusStoreDb               *db,
                                                  gint64                         id,
                                                  CrepitusStoreAssessmentState  *state,
                                                  GError                       **error);
gboolean   crepitus_sqlite_sign_assessment       (CrepitusStoreDb               *db,
                                                  gint64                         id,
                                                  const char                    *clinician,
                                                  GError                       **error);
gint64     crepitus_sqlite_amend_assessment      (CrepitusStoreDb               *db,
                                                  gint64                         id,
                                                  const char                    *clinician,
                                                  GError                       **error);
gboolean   crepitus_sqlite_mark_entered_in_error (CrepitusStoreDb               *db,
                                                  gint64                         id,
                                                  const char                    *clinician,
                                                  GError                       **error);
GPtrArray *crepitus_sqlite_list_audit            (CrepitusStoreDb               *db,
                                                  gint64                         assessment_id,
                                                  GError                       **error);

/* Search keys (crepitus-store-sqlite-search.c) */

/* The search keys of a patient: the names and MRN folded by crepitus_search_fold, kept with
 * the patient and in the FTS5 table patient_words. */
typedef struct
{
  char *family;
  char *given;
  char *mrn;
} CrepitusSqliteSearchKeys;

void     crepitus_sqlite_search_keys_init     (CrepitusSqliteSearchKeys        *keys,
                                               const char                      *family_name,
                                               const char                      *given_name,
                                               const char                      *mrn);
void     crepitus_sqlite_search_keys_clear    (CrepitusSqliteSearchKeys        *keys);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrepitusSqliteSearchKeys, crepitus_sqlite_search_keys_clear)

/* Writes the words of @keys as row @id of patient_words (@replace: in place of its row). */
gboolean crepitus_sqlite_write_words          (CrepitusStoreDb                 *db,
                                               gint64                           id,
                                               const CrepitusSqliteSearchKeys  *keys,
                                               gboolean                         replace,
                                               GError                         **error);
/* Recomputes the keys of patient @id from its stored names and MRN. */
gboolean crepitus_sqlite_refresh_search_keys  (CrepitusStoreDb                 *db,
                                               gint64                           id,
                                               gboolean                         replace,
                                               GError                         **error);
/* Migration 2: the keys of every patient stored before it. */
gboolean crepitus_sqlite_fill_search_keys     (CrepitusStoreDb                 *db,
                                               GError                         **error);
/* The SQL function crepitus_words_match (TYPED, KEY…), registered on each connection. */
void     crepitus_sqlite_words_match_function (sqlite3_context                 *context,
                                               int                              argc,
                                               sqlite3_value                  **argv);

/* Search (crepitus-store-sqlite-search.c) */

/* How many matches outside the first word of the family name a page of search results may
 * sort before it scans the list's order instead (0: always scan). */
#define CREPITUS_SQLITE_SEARCH_SORT_LIMIT 500
extern guint crepitus_sqlite_search_sort_limit;

gboolean   crepitus_sqlite_count_patients  (CrepitusStoreDb     *db,
                                            const char * const  *typed,
                                            guint               *count,
                                            GError             **error);
GPtrArray *crepitus_sqlite_search_patients (CrepitusStoreDb     *db,
                                            const char * const  *typed,
                                            guint                offset,
                                            guint                limit,
                                            GError             **error);
gboolean   crepitus_sqlite_find_patient    (CrepitusStoreDb     *db,
                                            const char * const  *typed,
                                            gint64               id,
                                            gboolean            *found,
                                            guint               *position,
                                            GError             **error);

/* The whole clinic as plain rows (crepitus-store-sqlite-copy.c) */

gboolean crepitus_sqlite_dump            (CrepitusStoreDb                   *db,
                                          const CrepitusStoreBackend        *target,
                                          CrepitusStoreDb                   *target_db,
                                          GError                           **error);
gboolean crepitus_sqlite_load_dumped_patient    (CrepitusStoreDb                   *db,
                                          const CrepitusStoreRow            *patient,
                                          const CrepitusStoreStamps         *stamps,
                                          GError                           **error);
gboolean crepitus_sqlite_load_dumped_assessment (CrepitusStoreDb                   *db,
                                          const CrepitusStoreAssessmentRow  *assessment,
                                          const CrepitusStoreStamps         *stamps,
                                          GError                           **error);
gboolean crepitus_sqlite_load_dumped_audit      (CrepitusStoreDb                   *db,
                                          const CrepitusAuditEntry          *entry,
                                          GError                           **error);
gboolean crepitus_sqlite_finish_load     (CrepitusStoreDb                   *db,
                                          GError                           **error);

/* Backup and restore (crepitus-store-sqlite-backup.c) */

gboolean crepitus_sqlite_backup  (CrepitusStoreDb  *db,
                                  const char       *path,
                                  GError          **error);
gboolean crepitus_sqlite_restore (const char       *path,
                                  const char       *backup_path,
                                  char            **kept_path,
                                  GError          **error);

G_END_DECLS
