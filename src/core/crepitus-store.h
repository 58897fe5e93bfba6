/* crepitus-store.h — the durable database: open, migrate, autosave, import and export */
#pragma once

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_STORE_ERROR (crepitus_store_error_quark ())

/* Every message names the database file or server (or, for a refused edit, the §6 path of the
 * field) and says what to do. A failed write leaves every earlier commit intact. */
typedef enum
{
  CREPITUS_STORE_ERROR_NOT_A_DATABASE,  /* not a Crepitus database; left untouched */
  CREPITUS_STORE_ERROR_CORRUPT,         /* damaged; left untouched */
  CREPITUS_STORE_ERROR_NEWER_SCHEMA,    /* written by a newer Crepitus */
  CREPITUS_STORE_ERROR_READ_ONLY,       /* the file or its folder cannot be written */
  CREPITUS_STORE_ERROR_FULL,            /* the disk is full */
  CREPITUS_STORE_ERROR_LOCKED,          /* another program holds the database */
  CREPITUS_STORE_ERROR_INVALID,         /* the edit breaks a rule of CLINICAL.md §6 */
  CREPITUS_STORE_ERROR_NOT_FOUND,       /* no patient or assessment with that id */
  CREPITUS_STORE_ERROR_CONFLICT,        /* an import or MRN disagrees with a stored patient */
  CREPITUS_STORE_ERROR_FAILED,          /* any other failure of the database */
  CREPITUS_STORE_ERROR_SIGNED,          /* the assessment is signed, superseded or entered in
                                         * error: it is read-only */
  CREPITUS_STORE_ERROR_UNREACHABLE,     /* the database server cannot be reached, or the
                                         * connection to it was lost: the edit was not stored,
                                         * and may be tried again once it is back */
} CrepitusStoreError;

GQuark               crepitus_store_error_quark      (void);

/* One row of the audit log: a write, by whom, when. */
typedef struct
{
  gint64  id;
  char   *at;          /* ISO 8601 UTC, with milliseconds */
  char   *clinician;   /* %NULL when not known */
  char   *action;      /* insert, update, sign, amend or entered-in-error */
  char   *record;      /* patient, assessment or factor */
  gint64  record_id;   /* the patient or the assessment (a factor's is its assessment's) */
  char   *field;       /* the column (FACTOR.column for a factor); %NULL: the whole record */
  char   *old_value;   /* as stored; %NULL: not recorded */
  char   *new_value;
} CrepitusAuditEntry;

/* Frees @entry. */
void                 crepitus_audit_entry_free       (CrepitusAuditEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusAuditEntry, crepitus_audit_entry_free)

#define CREPITUS_TYPE_STORE (crepitus_store_get_type ())
G_DECLARE_FINAL_TYPE (CrepitusStore, crepitus_store, CREPITUS, STORE, GObject)

/* The default database: $XDG_DATA_HOME/crepitus/crepitus.db. */
char                *crepitus_store_default_path     (void);

/* Where a database is: the path of an SQLite file, or a libpq connection URI
 * (postgresql://… or postgres://…) for a clinic's PostgreSQL server. Whether @location is
 * such a URI. */
gboolean             crepitus_store_location_is_server    (const char *location);

/* Whether @location is a URI that holds a password (in its user information or as a
 * password parameter): the command line and the settings never take one. */
gboolean             crepitus_store_location_has_password (const char *location);

/* Whether @location may be used as a database location (--db, the database setting, the
 * preferences): a path, or a postgresql:// URI without a password. Otherwise %FALSE with
 * CREPITUS_STORE_ERROR_INVALID saying what is wrong and what to do, naming nothing of
 * @location (the caller names it, with crepitus_store_location_for_display()). */
gboolean             crepitus_store_location_check        (const char  *location,
                                                           GError     **error);

/* @location as it may be printed: a URI with any password taken out, a path as it is. */
char                *crepitus_store_location_for_display  (const char *location);

/* The schema version this Crepitus writes (the number of its migrations). */
guint                crepitus_store_schema_version   (void);

/* Opens the database at @path, creating it (folder 0700, file 0600) when missing and
 * migrating it to the current schema; refuses, untouched, a file that is not a Crepitus
 * database, one cut short or one of a newer schema. It reads only what it needs: damage
 * elsewhere is found by crepitus_store_check_integrity() or when the page is read. */
CrepitusStore       *crepitus_store_open             (const char          *path,
                                                      GError             **error);

/* Opens the existing database at @path to read it only: nothing is created, migrated or
 * written, so a file the user may read but not write serves every command that only reads;
 * every write through it is refused with CREPITUS_STORE_ERROR_READ_ONLY. */
CrepitusStore       *crepitus_store_open_read_only   (const char          *path,
                                                      GError             **error);

/* Where the database is, as it may be printed: the path of the file, or the server's URI
 * without a password. Every message of the store names it so. */
const char          *crepitus_store_get_path         (CrepitusStore       *self);

/* Which backend holds the database: "sqlite" or "postgresql". */
const char          *crepitus_store_get_backend_name (CrepitusStore       *self);

/* The file descriptor that becomes readable when another workstation changes a record on a
 * shared server (watch it, then call crepitus_store_read_changes); -1 when there is none
 * (SQLite, or while the server cannot be reached). */
int                  crepitus_store_get_change_fd    (CrepitusStore       *self);

/* Where the shared server is, as people name it ("HOST, port PORT"); %NULL for a file. */
char                *crepitus_store_dup_server_address (CrepitusStore     *self);

/* Emits ::changed-elsewhere for each record another workstation changed since the last call,
 * without waiting; %FALSE when the server cannot be reached. */
gboolean             crepitus_store_read_changes     (CrepitusStore       *self,
                                                      GError             **error);

/* Sets who acts through @self (DESIGN.md "Who is acting"): every later write is audited as
 * @clinician (%NULL or empty: not known). */
void                 crepitus_store_set_clinician    (CrepitusStore       *self,
                                                      const char          *clinician);

/* Who acts through @self, or %NULL. */
const char          *crepitus_store_get_clinician    (CrepitusStore       *self);

/* Saves @property of @patient (a property name, or %NULL for every field) in one
 * transaction; a patient without id is inserted, which needs a family name. */
gboolean             crepitus_store_save_patient     (CrepitusStore       *self,
                                                      CrepitusPatient     *patient,
                                                      const char          *property,
                                                      GError             **error);

/* The patient stored with @id, not watched. */
CrepitusPatient     *crepitus_store_load_patient     (CrepitusStore       *self,
                                                      gint64               id,
                                                      GError             **error);

/* Every patient (CrepitusPatient), by id. */
GPtrArray           *crepitus_store_list_patients    (CrepitusStore       *self,
                                                      GError             **error);

/* The patients whose family name, given name or MRN has, for each word of @query, a word
 * starting with it (case- and accent-insensitive, crepitus-search.h), ordered by family name,
 * given name, birth date and id; @limit of them from @offset. An empty query matches every
 * patient. */
GPtrArray           *crepitus_store_search_patients  (CrepitusStore       *self,
                                                      const char          *query,
                                                      guint                offset,
                                                      guint                limit,
                                                      GError             **error);

/* How many patients match @query. */
gboolean             crepitus_store_count_patients   (CrepitusStore       *self,
                                                      const char          *query,
                                                      guint               *count,
                                                      GError             **error);

/* The position of patient @id among those matching @query; %FALSE when it does not match. */
gboolean             crepitus_store_find_patient     (CrepitusStore       *self,
                                                      const char          *query,
                                                      gint64               id,
                                                      guint               *position,
                                                      GError             **error);

/* Saves @property of @assessment (a property name, or %NULL for every field) in one
 * transaction; an assessment without id is inserted, which needs a date and a stored
 * patient. */
gboolean             crepitus_store_save_assessment  (CrepitusStore       *self,
                                                      CrepitusAssessment  *assessment,
                                                      const char          *property,
                                                      GError             **error);

/* Saves the judgement, findings and notes of factor @factor of a stored @assessment. */
gboolean             crepitus_store_save_factor      (CrepitusStore       *self,
                                                      CrepitusAssessment  *assessment,
                                                      const char          *factor,
                                                      GError             **error);

/* The assessment stored with @id, with its patient, not watched. */
CrepitusAssessment  *crepitus_store_load_assessment  (CrepitusStore       *self,
                                                      gint64               id,
                                                      GError             **error);

/* The assessments of stored @patient (CrepitusAssessment sharing @patient), by date then
 * id. */
GPtrArray           *crepitus_store_list_assessments (CrepitusStore       *self,
                                                      CrepitusPatient     *patient,
                                                      GError             **error);

/* Autosaves every later edit of @patient, each in its own transaction before the notify
 * returns; a refused or failed edit emits ::write-failed and stores nothing. */
void                 crepitus_store_watch_patient    (CrepitusStore       *self,
                                                      CrepitusPatient     *patient);

/* Autosaves every later edit of @assessment, its factors and its patient. */
void                 crepitus_store_watch_assessment (CrepitusStore       *self,
                                                      CrepitusAssessment  *assessment);

/* Stops autosaving @object (a watched patient or assessment). */
void                 crepitus_store_unwatch          (CrepitusStore       *self,
                                                      gpointer             object);

/* On a shared server out of reach an autosaved edit is not lost: it stays in its model,
 * unsaved, and later edits wait behind it (::unsaved-changed says when the list changes).
 * crepitus_store_save_unsaved() writes them, oldest first, once the server is back; %FALSE
 * with CREPITUS_STORE_ERROR_UNREACHABLE while it is still out of reach. An edit the server
 * refuses then is dropped and reported by ::write-failed. */
gboolean             crepitus_store_save_unsaved     (CrepitusStore       *self,
                                                      GError             **error);
/* How many edits wait to be saved. */
guint                crepitus_store_get_n_unsaved    (CrepitusStore       *self);
/* Whether an edit of @property of @object (a watched patient or assessment; %NULL: any of its
 * properties), or of factor record @object, waits to be saved. */
gboolean             crepitus_store_is_unsaved       (CrepitusStore       *self,
                                                      gpointer             object,
                                                      const char          *property);
/* Brings @object (a patient or assessment, watched or not) up to date with what is stored,
 * without autosaving it again: what another workstation changed appears in it. A field with
 * an unsaved edit keeps that edit. */
gboolean             crepitus_store_refresh          (CrepitusStore       *self,
                                                      gpointer             object,
                                                      GError             **error);

/* Stores @assessment (as read by crepitus_json_read) in one transaction, matching its
 * patient by MRN, else by family name, given name and birth date, else creating it.
 * Returns the new assessment id, or -1. */
gint64               crepitus_store_import           (CrepitusStore       *self,
                                                      CrepitusAssessment  *assessment,
                                                      GError             **error);

/* Reads a CLINICAL.md §6 document and imports it; returns the new assessment id, or -1. */
gint64               crepitus_store_import_json      (CrepitusStore       *self,
                                                      const char          *data,
                                                      gsize                length,
                                                      GError             **error);

/* The canonical §6 document of the assessment stored with @id. */
char                *crepitus_store_export_json      (CrepitusStore       *self,
                                                      gint64               id,
                                                      GError             **error);

/* Checks the whole file (SQLite integrity, the search index and foreign keys): every page is
 * read, which takes a while on a large clinic's database (`crepitus check`). */
gboolean             crepitus_store_check_integrity  (CrepitusStore       *self,
                                                      GError             **error);

/* Signs stored assessment @id as @clinician, now: from then on it is read-only (every save
 * of it or its factors is refused with CREPITUS_STORE_ERROR_SIGNED). */
gboolean             crepitus_store_sign             (CrepitusStore       *self,
                                                      gint64               id,
                                                      const char          *clinician,
                                                      GError             **error);

/* Amends signed assessment @id as @clinician: a new, unsigned assessment of the same patient
 * and date copies every field and factor and records that it amends @id; @id keeps its id,
 * stays readable and is marked superseded by the new one. Returns the new id, or -1. */
gint64               crepitus_store_amend            (CrepitusStore       *self,
                                                      gint64               id,
                                                      const char          *clinician,
                                                      GError             **error);

/* Marks assessment @id as entered in error, as @clinician: it is kept, read-only, and left
 * out of the patient's triage history. */
gboolean             crepitus_store_mark_entered_in_error (CrepitusStore  *self,
                                                      gint64               id,
                                                      const char          *clinician,
                                                      GError             **error);

/* The audit log (CrepitusAuditEntry), oldest first: the rows of assessment @assessment_id
 * and its factors, or every row when it is -1. */
GPtrArray           *crepitus_store_list_audit       (CrepitusStore       *self,
                                                      gint64               assessment_id,
                                                      GError             **error);

/* Copies the database, as it is now, to a new file at @path (0600) with SQLite's online
 * backup, checks the copy whole, then moves it into place; never over the database itself.
 * From a server, the whole clinic is written the same way as an SQLite file, which opens
 * anywhere. */
gboolean             crepitus_store_backup           (CrepitusStore       *self,
                                                      const char          *path,
                                                      GError             **error);

/* Replaces the database at @path with a copy of @backup_path, after checking that the backup
 * is an undamaged Crepitus database of this or an older schema. Refused while any program has
 * the database open. The replaced file is kept beside it, its name in @kept_path (%NULL when
 * there was none). For a server (@path a postgresql:// URI) the backup is loaded into its
 * database, which must hold no record yet; nothing is replaced. */
gboolean             crepitus_store_restore          (const char          *path,
                                                      const char          *backup_path,
                                                      char               **kept_path,
                                                      GError             **error);

G_END_DECLS
