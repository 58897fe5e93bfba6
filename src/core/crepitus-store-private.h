/* crepitus-store-private.h — the store's backend interface and value encoding
 *
 * CrepitusStore (crepitus-store*.c) owns the model side: which field changed, the rules of the
 * table of fields, autosave, import matching, turning models into rows and back. A backend
 * owns the storage: SQL, transactions, and turning its failures into CREPITUS_STORE_ERROR. It
 * takes and returns plain values only — rows of GVariant, one per field of the table
 * (crepitus-fields.h), whose columns it stores: %NULL for not recorded, "s" for text (catalog
 * keys, dates, JSON arrays of keys, measures JSON) and "x" for integers. It never sees a
 * model object and never calls back into the store. Two backends implement the table: SQLite
 * (crepitus-store-sqlite*.c), the embedded default, and PostgreSQL (crepitus-store-pg*.c), a
 * clinic's shared server; crepitus_store_backend_for() picks one from the database's location.
 */
#pragma once

#include "crepitus-store.h"

G_BEGIN_DECLS

/* The stored fields of each record: the positions of the table of fields (crepitus-fields.h),
 * whose rows name the columns. */
typedef enum
{
  CREPITUS_STORE_PATIENT_MRN,
  CREPITUS_STORE_PATIENT_FAMILY_NAME,
  CREPITUS_STORE_PATIENT_GIVEN_NAME,
  CREPITUS_STORE_PATIENT_BIRTH_DATE,
  CREPITUS_STORE_PATIENT_SEX,
  CREPITUS_STORE_PATIENT_LANGUAGE,
  CREPITUS_STORE_N_PATIENT_FIELDS
} CrepitusStorePatientField;


typedef enum
{
  CREPITUS_STORE_ASSESSMENT_DATE,
  CREPITUS_STORE_ASSESSMENT_CLINICIAN,
  CREPITUS_STORE_ASSESSMENT_SIDE,
  CREPITUS_STORE_ASSESSMENT_LOCATION,
  CREPITUS_STORE_ASSESSMENT_SOUND,
  CREPITUS_STORE_ASSESSMENT_FREQUENCY,
  CREPITUS_STORE_ASSESSMENT_DURATION_WEEKS,
  CREPITUS_STORE_ASSESSMENT_PROVOKING_MOVEMENTS,
  CREPITUS_STORE_ASSESSMENT_PAIN_SCORE,
  CREPITUS_STORE_ASSESSMENT_SYMPTOMS,
  CREPITUS_STORE_ASSESSMENT_RED_FLAGS,
  CREPITUS_STORE_ASSESSMENT_RED_FLAGS_ABSENT,
  CREPITUS_STORE_ASSESSMENT_HISTORY,
  CREPITUS_STORE_ASSESSMENT_SCOLIOSIS,
  CREPITUS_STORE_ASSESSMENT_LORDOSIS,
  CREPITUS_STORE_ASSESSMENT_PELVIC_TILT,
  CREPITUS_STORE_ASSESSMENT_KYPHOSIS,
  CREPITUS_STORE_ASSESSMENT_FORWARD_HEAD,
  CREPITUS_STORE_ASSESSMENT_POSTURE_NOTES,
  CREPITUS_STORE_ASSESSMENT_MEASURES,
  CREPITUS_STORE_ASSESSMENT_NOTES,
  CREPITUS_STORE_ASSESSMENT_REVIEW_WEEKS,
  CREPITUS_STORE_N_ASSESSMENT_FIELDS
} CrepitusStoreAssessmentField;


typedef enum
{
  CREPITUS_STORE_FACTOR_JUDGEMENT,
  CREPITUS_STORE_FACTOR_FINDINGS,
  CREPITUS_STORE_FACTOR_NOTES,
  CREPITUS_STORE_N_FACTOR_FIELDS
} CrepitusStoreFactorField;

/* Value encoding, shared by every backend (crepitus-store-values.c): what @field of @object
 * holds as a stored value (a new reference, %NULL when not recorded), and back; set refuses,
 * naming the problem, a value no model can hold. */
GVariant *crepitus_store_get_value    (const CrepitusField  *field,
                                       GObject              *object);
gboolean  crepitus_store_set_value    (const CrepitusField  *field,
                                       GObject              *object,
                                       GVariant             *value,
                                       GError              **error);

/* The table's rule for @field of @object, as a CREPITUS_STORE_ERROR_INVALID "PATH: PROBLEM;
 * nothing was stored"; and for every field of @record. */
gboolean  crepitus_store_check_field  (const CrepitusField  *field,
                                       GObject              *object,
                                       GError              **error);
gboolean  crepitus_store_check_record (CrepitusRecord        record,
                                       GObject              *object,
                                       GError              **error);

/* Sets a CREPITUS_STORE_ERROR_INVALID "PATH: PROBLEM; nothing was stored". */
G_GNUC_PRINTF (3, 4)
gboolean  crepitus_store_refuse       (GError              **error,
                                       const char           *path,
                                       const char           *format,
                                       ...);

/* A stored record as plain values, which is all a backend sees of the model: one value per
 * field of the record's table (crepitus-fields.h), in the table's order, %NULL when not
 * recorded. */
typedef struct
{
  gint64     id;           /* -1 until stored */
  char      *factor;       /* factor records: the factor's key */
  guint      n_values;
  GVariant  *values[];
} CrepitusStoreRow;

/* A new row of @record with every value not recorded. */
CrepitusStoreRow *crepitus_store_row_new         (CrepitusRecord           record);
void              crepitus_store_row_free        (CrepitusStoreRow        *row);
/* Whether the row records nothing (a factor record that is not assessed, for one). */
gboolean          crepitus_store_row_is_empty    (const CrepitusStoreRow  *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusStoreRow, crepitus_store_row_free)

/* What makes a stored assessment read-only. */
typedef struct
{
  char     *signed_by;          /* %NULL while unsigned */
  char     *signed_at;
  gint64    superseded_by;      /* -1: none */
  gboolean  entered_in_error;
} CrepitusStoreAssessmentState;

void      crepitus_store_assessment_state_clear (CrepitusStoreAssessmentState *state);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrepitusStoreAssessmentState,
                                  crepitus_store_assessment_state_clear)

/* A stored assessment as plain values: its fields, its patient, what it amends, its signing
 * state and its stored factor records. */
typedef struct
{
  CrepitusStoreRow             *row;
  gint64                        patient_id;
  gint64                        amends;     /* -1: none */
  CrepitusStoreAssessmentState  state;
  GPtrArray                    *factors;    /* CrepitusStoreRow of each factor stored */
} CrepitusStoreAssessmentRow;

void      crepitus_store_assessment_row_free    (CrepitusStoreAssessmentRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusStoreAssessmentRow, crepitus_store_assessment_row_free)

/* Model and rows (crepitus-store-values.c): the row of @object, and @object filled from a row
 * (refusing, naming the field, a stored value no model can hold). */
CrepitusStoreRow *crepitus_store_row_from_object (CrepitusRecord           record,
                                                  GObject                 *object);
gboolean          crepitus_store_row_to_object   (const CrepitusStoreRow  *row,
                                                  CrepitusRecord           record,
                                                  GObject                 *object,
                                                  GError                 **error);

/* The models of stored rows, refused with the database's path when a value cannot be held. */
CrepitusPatient    *crepitus_store_patient_from_row    (CrepitusStore                     *self,
                                                        const CrepitusStoreRow            *row,
                                                        GError                           **error);
/* The patients of @rows (CrepitusStoreRow, consumed; %NULL passes an error through). */
GPtrArray          *crepitus_store_patients_from_rows  (CrepitusStore                     *self,
                                                        GPtrArray                         *rows,
                                                        GError                           **error);
CrepitusAssessment *crepitus_store_assessment_from_row (CrepitusStore                     *self,
                                                        const CrepitusStoreAssessmentRow  *row,
                                                        CrepitusPatient                   *patient,
                                                        GError                           **error);
/* The rows of the eight factor records of @assessment, in checklist order. */
GPtrArray          *crepitus_store_factor_rows         (CrepitusAssessment                *assessment);

/* When a dumped record was made and last changed (ISO 8601 UTC with milliseconds). */
typedef struct
{
  const char *created_at;
  const char *updated_at;
} CrepitusStoreStamps;

/* Another connection changed @record ("patient" or "assessment") @id. */
typedef void (*CrepitusStoreChangeFunc) (const char *record,
                                         gint64      id,
                                         gpointer    data);

typedef enum
{
  CREPITUS_STORE_OPEN_DEFAULT   = 0,
  CREPITUS_STORE_OPEN_READ_ONLY = 1 << 0,   /* tests: a connection that cannot write */
} CrepitusStoreOpenFlags;

/* One open database of a backend. */
typedef struct _CrepitusStoreDb CrepitusStoreDb;

typedef struct _CrepitusStoreBackend CrepitusStoreBackend;

struct _CrepitusStoreBackend
{
  const char *name;

  /* Opens or creates, checks and migrates the database at @path. */
  CrepitusStoreDb    *(*open)              (const char              *path,
                                            CrepitusStoreOpenFlags   flags,
                                            GError                 **error);
  void                (*close)             (CrepitusStoreDb         *db);

  /* A write transaction: begin takes the write lock (waiting up to the busy timeout). */
  gboolean            (*begin)             (CrepitusStoreDb         *db,
                                            GError                 **error);
  gboolean            (*commit)            (CrepitusStoreDb         *db,
                                            GError                 **error);
  void                (*rollback)          (CrepitusStoreDb         *db);

  gint64              (*insert_patient)    (CrepitusStoreDb         *db,
                                            const CrepitusStoreRow  *patient,
                                            GError                 **error);
  gboolean            (*update_patient)    (CrepitusStoreDb         *db,
                                            gint64                   id,
                                            CrepitusStorePatientField field,
                                            GVariant                *value,
                                            GError                 **error);
  CrepitusStoreRow   *(*load_patient)      (CrepitusStoreDb         *db,
                                            gint64                   id,
                                            GError                 **error);
  /* Every patient (CrepitusStoreRow), by id. */
  GPtrArray          *(*list_patients)     (CrepitusStoreDb         *db,
                                            GError                 **error);
  /* Ids of patients whose MRN is @mrn. */
  GArray             *(*find_by_mrn)       (CrepitusStoreDb         *db,
                                            const char              *mrn,
                                            GError                 **error);
  /* Ids of patients with exactly this family name, given name (%NULL matches not
   * recorded) and birth date. */
  GArray             *(*find_by_name)      (CrepitusStoreDb         *db,
                                            const char              *family_name,
                                            const char              *given_name,
                                            const char              *birth_date,
                                            GError                 **error);
  /* The earliest date of the patient's assessments, or %NULL when there is none. */
  gboolean            (*earliest_date)     (CrepitusStoreDb         *db,
                                            gint64                   patient_id,
                                            char                   **date,
                                            GError                 **error);

  /* Inserts the assessment with its factor records (CrepitusStoreRow; the empty ones are not
   * stored). */
  gint64              (*insert_assessment) (CrepitusStoreDb         *db,
                                            gint64                   patient_id,
                                            const CrepitusStoreRow  *assessment,
                                            GPtrArray               *factors,
                                            GError                 **error);
  gboolean            (*update_assessment) (CrepitusStoreDb         *db,
                                            gint64                   id,
                                            CrepitusStoreAssessmentField field,
                                            GVariant                *value,
                                            GError                 **error);
  gboolean            (*move_assessment)   (CrepitusStoreDb         *db,
                                            gint64                   id,
                                            gint64                   patient_id,
                                            GError                 **error);
  /* Writes the record (deleting its row when it is empty). */
  gboolean            (*save_factor)       (CrepitusStoreDb         *db,
                                            gint64                   assessment_id,
                                            const CrepitusStoreRow  *record,
                                            GError                 **error);
  /* The assessment with @id, its factor records and its state. */
  CrepitusStoreAssessmentRow *(*load_assessment) (CrepitusStoreDb   *db,
                                                  gint64             id,
                                                  GError           **error);
  /* Ids of the patient's assessments by date, then id. */
  GArray             *(*list_assessments)  (CrepitusStoreDb         *db,
                                            gint64                   patient_id,
                                            GError                 **error);

  gboolean            (*check_integrity)   (CrepitusStoreDb         *db,
                                            GError                 **error);

  /* Search: @typed are the distinct words of what was typed, folded (crepitus_search_words);
   * none matches every patient. The order is that of crepitus_store_search_patients. */
  gboolean            (*count_patients)    (CrepitusStoreDb         *db,
                                            const char * const      *typed,
                                            guint                   *count,
                                            GError                 **error);
  /* The patients (CrepitusStoreRow) of a page. */
  GPtrArray          *(*search_patients)   (CrepitusStoreDb         *db,
                                            const char * const      *typed,
                                            guint                    offset,
                                            guint                    limit,
                                            GError                 **error);
  /* Sets @found, and @position when found; a patient that does not exist is not found. */
  gboolean            (*find_patient)      (CrepitusStoreDb         *db,
                                            const char * const      *typed,
                                            gint64                   id,
                                            gboolean                *found,
                                            guint                   *position,
                                            GError                 **error);

  /* The clinician every later write is audited as (%NULL: not known). Every write above
   * appends its rows to the audit log in its own transaction. */
  void                (*set_clinician)     (CrepitusStoreDb         *db,
                                            const char              *clinician);
  gboolean            (*assessment_state)  (CrepitusStoreDb         *db,
                                            gint64                   id,
                                            CrepitusStoreAssessmentState *state,
                                            GError                 **error);
  /* Signs an unsigned assessment as @clinician, now. */
  gboolean            (*sign_assessment)   (CrepitusStoreDb         *db,
                                            gint64                   id,
                                            const char              *clinician,
                                            GError                 **error);
  /* Copies a signed assessment and its factors into a new unsigned one that amends it, and
   * marks it superseded by the copy; returns the copy's id, or -1. */
  gint64              (*amend_assessment)  (CrepitusStoreDb         *db,
                                            gint64                   id,
                                            const char              *clinician,
                                            GError                 **error);
  gboolean            (*mark_entered_in_error) (CrepitusStoreDb     *db,
                                            gint64                   id,
                                            const char              *clinician,
                                            GError                 **error);
  /* The audit rows of assessment @assessment_id and its factors, or every row for -1. */
  GPtrArray          *(*list_audit)        (CrepitusStoreDb         *db,
                                            gint64                   assessment_id,
                                            GError                 **error);

  /* A checked copy of the database at @path. */
  gboolean            (*backup)            (CrepitusStoreDb         *db,
                                            const char              *path,
                                            GError                 **error);
  /* Puts the backup at @backup_path (an SQLite file) in place of the database at @path: for
   * SQLite a file open nowhere, replaced and kept aside (@kept_path); for PostgreSQL an empty
   * server database, filled. */
  gboolean            (*restore)           (const char              *path,
                                            const char              *backup_path,
                                            char                   **kept_path,
                                            GError                 **error);

  /* A whole clinic between backends (a server's backup as an SQLite file, and its restore):
   * dump reads every patient, then every assessment with its factors and state, then every
   * audit row, in id order from one consistent snapshot, and hands each to the
   * load_dumped_* of @target, inside a write transaction of @target_db; those keep ids and
   * timestamps, and finish_load then writes what refers forward (superseded_by) and where
   * new ids start. */
  gboolean            (*dump)              (CrepitusStoreDb                   *db,
                                            const CrepitusStoreBackend        *target,
                                            CrepitusStoreDb                   *target_db,
                                            GError                           **error);
  gboolean     (*load_dumped_patient)    (CrepitusStoreDb                   *db,
                                        const CrepitusStoreRow            *patient,
                                        const CrepitusStoreStamps         *stamps,
                                        GError                           **error);
  gboolean     (*load_dumped_assessment) (CrepitusStoreDb                   *db,
                                        const CrepitusStoreAssessmentRow  *assessment,
                                        const CrepitusStoreStamps         *stamps,
                                        GError                           **error);
  gboolean     (*load_dumped_audit)      (CrepitusStoreDb                   *db,
                                        const CrepitusAuditEntry          *entry,
                                        GError                           **error);
  gboolean            (*finish_load)       (CrepitusStoreDb                   *db,
                                            GError                           **error);

  /* Changes made through other connections (PostgreSQL's LISTEN/NOTIFY); %NULL for a backend
   * without them. read_changes hands every change received so far to @func, without
   * waiting; change_fd becomes readable when one arrives (-1 while disconnected). */
  void                (*set_change_func)   (CrepitusStoreDb         *db,
                                            CrepitusStoreChangeFunc  func,
                                            gpointer                 data);
  gboolean            (*read_changes)      (CrepitusStoreDb         *db,
                                            GError                 **error);
  int                 (*change_fd)         (CrepitusStoreDb         *db);
  /* Where the server is, as people name it ("HOST, port PORT"); a new string. */
  char               *(*dup_address)       (CrepitusStoreDb         *db);
};

extern const CrepitusStoreBackend crepitus_store_sqlite_backend;
/* The PostgreSQL backend, loaded at its first use (crepitus-store-pg-loader.c); %NULL with
 * @error naming @location when this Crepitus has none. */
const CrepitusStoreBackend *crepitus_store_pg_backend_get (const char  *location,
                                                           GError     **error);

/* The backend of the database at @location: PostgreSQL for a postgresql:// or postgres:// URI,
 * SQLite for a path; %NULL (with @error set) for any other URI (crepitus-store-location.c). */
const CrepitusStoreBackend *crepitus_store_backend_for (const char  *location,
                                                        GError     **error);

/* The change function of every store: emits ::changed-elsewhere on @store. */
void             crepitus_store_changed_elsewhere   (const char                  *record,
                                                     gint64                       id,
                                                     gpointer                     store);

/* Whether the file at @path is a Crepitus database (an earlier backup, say): SQLite's header
 * and Crepitus's application id, read from the file's first bytes (crepitus-store-sqlite-backup.c). */
gboolean         crepitus_store_file_is_database    (const char                  *path);

/* Writes a checked SQLite file of the whole clinic in @source_db at @path (0600, moved into
 * place once complete), through @source's dump (crepitus-store-sqlite-backup.c). */
gboolean         crepitus_store_sqlite_write_backup (const CrepitusStoreBackend  *source,
                                                     CrepitusStoreDb             *source_db,
                                                     const char                  *path,
                                                     GError                     **error);
/* Opens a checked working copy of the SQLite backup at @backup_path, migrated to this schema,
 * to dump it; the copy is @temporary, to remove once closed (crepitus-store-sqlite-backup.c). */
CrepitusStoreDb *crepitus_store_sqlite_open_backup  (const char                  *backup_path,
                                                     char                       **temporary,
                                                     GError                     **error);

/* Opens with @flags (tests). */
CrepitusStore   *crepitus_store_open_full (const char              *path,
                                           CrepitusStoreOpenFlags   flags,
                                           GError                 **error);

/* For the store's own files (crepitus-store-*.c): its backend, a write transaction (finish
 * commits when @ok, else rolls back), and the signing state of the watched models of
 * assessment @id brought up to date. */
const CrepitusStoreBackend *crepitus_store_get_backend (CrepitusStore  *self);
gboolean         crepitus_store_begin                  (CrepitusStore  *self,
                                                        GError        **error);
gboolean         crepitus_store_finish                 (CrepitusStore  *self,
                                                        gboolean        ok,
                                                        GError        **error);
void             crepitus_store_refresh_watched_state  (CrepitusStore  *self,
                                                        gint64          id);

/* SQL from the table of fields, for both backends (crepitus-store-values.c). Only the table's
 * column names, which are constants, are put into SQL this way; values are always bound. Each
 * result is interned (it lives as long as the program), as statement caches want their keys. */

/* The columns of @record's fields, comma-separated, in the table's order. */
const char *crepitus_columns (CrepitusRecord  record);
/* The concatenation of the strings up to %NULL. */
G_GNUC_NULL_TERMINATED
const char *crepitus_sql     (const char     *first,
                                    ...);

/* The autosave of @self (crepitus-store-autosave.c): its watches and the edits a server out
 * of reach could not take yet. */
typedef struct _CrepitusStoreAutosave CrepitusStoreAutosave;

CrepitusStoreAutosave *crepitus_store_autosave_new            (CrepitusStore         *store);
/* Stops every watch and forgets the unsaved edits (the store is being closed). */
void                   crepitus_store_autosave_clear          (CrepitusStoreAutosave *self);
void                   crepitus_store_autosave_free           (CrepitusStoreAutosave *self);
/* @patient was just created: its watched assessments that waited for it are stored now. */
void                   crepitus_store_autosave_patient_stored (CrepitusStoreAutosave *self,
                                                               CrepitusPatient       *patient);
CrepitusStoreAutosave *crepitus_store_get_autosave            (CrepitusStore         *self);
void                   crepitus_store_emit_write_failed       (CrepitusStore         *self,
                                                               const GError          *error);
void                   crepitus_store_emit_unsaved_changed    (CrepitusStore         *self);
/* Whether @property of an assessment is its signing state, which is never autosaved. */
gboolean               crepitus_store_is_status_property      (const char            *property);

/* The backend's database of @self. */
CrepitusStoreDb *crepitus_store_get_db    (CrepitusStore           *self);

G_END_DECLS
