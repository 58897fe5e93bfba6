/* crepitus-store.c — the durable database: autosave of the model, the §6 rules, import and
 * export
 *
 * This file knows the model and the rules; the backend (crepitus-store-sqlite*.c for a file,
 * crepitus-store-pg*.c for a server) knows the storage. Every edit is checked here first,
 * then written by the backend in its own transaction before the notify handler returns
 * (crepitus-store-autosave.c; an edit a server out of reach could not take waits there).
 */
#define G_LOG_DOMAIN "crepitus-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <jansson.h>

#include "crepitus-json.h"
#include "crepitus-search.h"
#include "crepitus-store-private.h"

G_DEFINE_QUARK (crepitus-store-error-quark, crepitus_store_error)

static const CrepitusField *
patient_field (guint field)
{
  return &crepitus_fields (CREPITUS_RECORD_PATIENT, NULL)[field];
}

static const CrepitusField *
assessment_field (guint field)
{
  return &crepitus_fields (CREPITUS_RECORD_ASSESSMENT, NULL)[field];
}

static gboolean
assessment_check (CrepitusAssessment  *assessment,
                  GError             **error)
{
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);

  if (!crepitus_store_check_record (CREPITUS_RECORD_ASSESSMENT, G_OBJECT (assessment), error))
    return FALSE;
  for (guint i = 0; i < n_factors; i++)
    if (!crepitus_store_check_record (CREPITUS_RECORD_FACTOR,
                                      G_OBJECT (crepitus_assessment_get_factor (assessment,
                                                                                factors[i].key)),
                                      error))
      return FALSE;
  return TRUE;
}

/* Signing state: written by crepitus_store_sign and its kin, never autosaved. */
gboolean
crepitus_store_is_status_property (const char *property)
{
  static const char * const status[] = {
    "signed-by", "signed-at", "superseded-by", "amends", "entered-in-error", NULL
  };

  return g_strv_contains (status, property);
}

static int
field_for_property (CrepitusRecord  record,
                    const char     *property)
{
  const CrepitusField *field = crepitus_field_find (record, property);

  return field != NULL ? (int) crepitus_field_index (field) : -1;
}

/* The store */

struct _CrepitusStore
{
  GObject                     parent_instance;
  const CrepitusStoreBackend *backend;
  CrepitusStoreDb            *db;
  char                       *path;
  char                       *clinician; /* who acts, for the audit log; %NULL: not known */
  CrepitusStoreAutosave      *autosave;  /* crepitus-store-autosave.c */
};

G_DEFINE_FINAL_TYPE (CrepitusStore, crepitus_store, G_TYPE_OBJECT)

enum { WRITE_FAILED, CHANGED_ELSEWHERE, UNSAVED_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

CrepitusStoreAutosave *
crepitus_store_get_autosave (CrepitusStore *self)
{
  return self->autosave;
}

void
crepitus_store_emit_write_failed (CrepitusStore *self,
                                  const GError  *error)
{
  g_signal_emit (self, signals[WRITE_FAILED], 0, error);
}

void
crepitus_store_emit_unsaved_changed (CrepitusStore *self)
{
  g_signal_emit (self, signals[UNSAVED_CHANGED], 0);
}

/* Rows and models: the backend sees only rows (crepitus-store-values.c converts). */

static CrepitusPatient *
load_patient (CrepitusStore  *self,
              gint64          id,
              GError        **error)
{
  g_autoptr(CrepitusStoreRow) row = self->backend->load_patient (self->db, id, error);

  return row != NULL ? crepitus_store_patient_from_row (self, row, error) : NULL;
}

/* The assessment stored with @id, of @patient (loaded when %NULL). */
static CrepitusAssessment *
load_assessment (CrepitusStore    *self,
                 gint64            id,
                 CrepitusPatient  *patient,
                 GError          **error)
{
  g_autoptr(CrepitusStoreAssessmentRow) row = self->backend->load_assessment (self->db, id, error);
  g_autoptr(CrepitusPatient) loaded = NULL;

  if (row == NULL)
    return NULL;
  if (patient == NULL)
    {
      loaded = load_patient (self, row->patient_id, error);
      if (loaded == NULL)
        return NULL;
      patient = loaded;
    }
  return crepitus_store_assessment_from_row (self, row, patient, error);
}

/* Inserts @assessment of stored patient @patient_id with its factor records. */
static gint64
backend_insert_assessment (CrepitusStore       *self,
                           gint64               patient_id,
                           CrepitusAssessment  *assessment,
                           GError             **error)
{
  g_autoptr(CrepitusStoreRow) row = crepitus_store_row_from_object (CREPITUS_RECORD_ASSESSMENT,
                                                                    G_OBJECT (assessment));
  g_autoptr(GPtrArray) factors = crepitus_store_factor_rows (assessment);

  return self->backend->insert_assessment (self->db, patient_id, row, factors, error);
}

static gint64
backend_insert_patient (CrepitusStore    *self,
                        CrepitusPatient  *patient,
                        GError          **error)
{
  g_autoptr(CrepitusStoreRow) row = crepitus_store_row_from_object (CREPITUS_RECORD_PATIENT,
                                                                    G_OBJECT (patient));

  return self->backend->insert_patient (self->db, row, error);
}


gboolean
crepitus_store_begin (CrepitusStore  *self,
                      GError        **error)
{
  return self->backend->begin (self->db, error);
}

/* Commits when @ok, else rolls back: either way the transaction is over. */
gboolean
crepitus_store_finish (CrepitusStore  *self,
                       gboolean        ok,
                       GError        **error)
{
  if (!ok)
    {
      self->backend->rollback (self->db);
      return FALSE;
    }
  return self->backend->commit (self->db, error);
}

/* The checks that need the stored data; run inside the write transaction. */

static gboolean
check_mrn_free (CrepitusStore  *self,
                gint64          patient_id,
                const char     *mrn,
                GError        **error)
{
  g_autoptr(GArray) ids = NULL;

  if (mrn == NULL)
    return TRUE;
  ids = self->backend->find_by_mrn (self->db, mrn, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) != patient_id)
      {
        g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT,
                     _("patient.mrn: “%s” is already the MRN of patient %" PRId64
                       "; nothing was stored"), mrn, g_array_index (ids, gint64, i));
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_birth_date_stored (CrepitusStore  *self,
                         gint64          patient_id,
                         const char     *birth_date,
                         GError        **error)
{
  g_autofree char *earliest = NULL;

  if (birth_date == NULL || patient_id < 0)
    return TRUE;
  if (!self->backend->earliest_date (self->db, patient_id, &earliest, error))
    return FALSE;
  if (earliest != NULL && strcmp (birth_date, earliest) > 0)
    return crepitus_store_refuse (error, "patient.birth_date", _("%s is after the date of an assessment (%s)"),
                   birth_date, earliest);
  return TRUE;
}

static gboolean
check_date_stored (CrepitusStore  *self,
                   gint64          patient_id,
                   const char     *date,
                   GError        **error)
{
  g_autoptr(CrepitusPatient) stored = NULL;
  const char *birth_date;

  stored = load_patient (self, patient_id, error);
  if (stored == NULL)
    return FALSE;
  birth_date = crepitus_patient_get_birth_date (stored);
  if (birth_date != NULL && date != NULL && strcmp (birth_date, date) > 0)
    return crepitus_store_refuse (error, "assessment.date", _("%s is before the patient’s birth date %s"),
                   date, birth_date);
  return TRUE;
}

static gboolean
check_patient_field_stored (CrepitusStore              *self,
                            gint64                      patient_id,
                            CrepitusStorePatientField   field,
                            GVariant                   *value,
                            GError                    **error)
{
  if (field != CREPITUS_STORE_PATIENT_MRN && field != CREPITUS_STORE_PATIENT_BIRTH_DATE)
    return TRUE;
  if (value == NULL)
    return TRUE;
  if (field == CREPITUS_STORE_PATIENT_MRN)
    return check_mrn_free (self, patient_id, g_variant_get_string (value, NULL), error);
  return check_birth_date_stored (self, patient_id, g_variant_get_string (value, NULL), error);
}

/* Writes: one transaction each. */

static gboolean
insert_patient (CrepitusStore    *self,
                CrepitusPatient  *patient,
                GError          **error)
{
  g_autoptr(GVariant) mrn = NULL;
  gint64 id = -1;
  gboolean ok;

  if (!crepitus_store_check_record (CREPITUS_RECORD_PATIENT, G_OBJECT (patient), error))
    return FALSE;

  mrn = crepitus_store_get_value (patient_field (CREPITUS_STORE_PATIENT_MRN), G_OBJECT (patient));
  if (!crepitus_store_begin (self, error))
    return FALSE;
  ok = check_patient_field_stored (self, -1, CREPITUS_STORE_PATIENT_MRN, mrn, error) &&
       (id = backend_insert_patient (self, patient, error)) >= 0;
  if (!crepitus_store_finish (self, ok, error))
    return FALSE;

  crepitus_patient_set_id (patient, id);
  return TRUE;
}

static gboolean
update_patient_fields (CrepitusStore              *self,
                       CrepitusPatient            *patient,
                       const guint                *fields,
                       guint                       n_fields,
                       GError                    **error)
{
  gint64 id = crepitus_patient_get_id (patient);
  gboolean ok = TRUE;

  for (guint i = 0; i < n_fields; i++)
    if (!crepitus_store_check_field (patient_field (fields[i]), G_OBJECT (patient), error))
      return FALSE;

  if (!crepitus_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_fields; i++)
    {
      g_autoptr(GVariant) value = crepitus_store_get_value (patient_field (fields[i]), G_OBJECT (patient));

      ok = check_patient_field_stored (self, id, fields[i], value, error) &&
           self->backend->update_patient (self->db, id, fields[i], value, error);
    }
  return crepitus_store_finish (self, ok, error);
}

static gboolean
insert_assessment (CrepitusStore       *self,
                   CrepitusAssessment  *assessment,
                   GError             **error)
{
  CrepitusPatient *patient = crepitus_assessment_get_patient (assessment);
  gint64 id = -1;
  gboolean ok;

  if (patient == NULL || crepitus_patient_get_id (patient) < 0)
    return crepitus_store_refuse (error, "patient", _("the patient is not stored yet (it needs a family name)"));
  if (!assessment_check (assessment, error))
    return FALSE;

  if (!crepitus_store_begin (self, error))
    return FALSE;
  ok = check_date_stored (self, crepitus_patient_get_id (patient),
                          crepitus_assessment_get_date (assessment), error) &&
       (id = backend_insert_assessment (self, crepitus_patient_get_id (patient),
                                               assessment, error)) >= 0;
  if (!crepitus_store_finish (self, ok, error))
    return FALSE;

  crepitus_assessment_set_id (assessment, id);
  return TRUE;
}

/* Refuses an edit of a signed, superseded or entered-in-error assessment, saying what to do;
 * run inside the write transaction. */
static gboolean
check_writable (CrepitusStore  *self,
                gint64          id,
                GError        **error)
{
  g_auto(CrepitusStoreAssessmentState) state = { NULL };

  if (!self->backend->assessment_state (self->db, id, &state, error))
    return FALSE;
  switch (crepitus_assessment_status_from (state.signed_by != NULL, state.superseded_by,
                                           state.entered_in_error))
    {
    case CREPITUS_ASSESSMENT_ENTERED_IN_ERROR:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED,
                   _("assessment %" PRId64 " is marked entered in error; it cannot change "
                     "(nothing was stored)"), id);
      return FALSE;
    case CREPITUS_ASSESSMENT_SUPERSEDED:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED,
                   _("assessment %" PRId64 " is superseded by assessment %" PRId64 "; change "
                     "that one instead (nothing was stored)"), id, state.superseded_by);
      return FALSE;
    case CREPITUS_ASSESSMENT_SIGNED:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED,
                   _("assessment %" PRId64 " is signed; amend it to change it (nothing was "
                     "stored)"), id);
      return FALSE;
    case CREPITUS_ASSESSMENT_NOT_SIGNED:
    default:
      return TRUE;
    }
}

/* Writes @fields, the patient (when @move) and @factors of a stored assessment. */
static gboolean
update_assessment (CrepitusStore          *self,
                   CrepitusAssessment     *assessment,
                   const guint            *fields,
                   guint                   n_fields,
                   gboolean                move,
                   CrepitusFactorRecord  **factors,
                   guint                   n_factors,
                   GError                **error)
{
  CrepitusPatient *patient = crepitus_assessment_get_patient (assessment);
  gint64 id = crepitus_assessment_get_id (assessment);
  gboolean ok = TRUE;

  if (patient == NULL || crepitus_patient_get_id (patient) < 0)
    return crepitus_store_refuse (error, "patient", _("the patient is not stored yet (it needs a family name)"));
  for (guint i = 0; i < n_fields; i++)
    if (!crepitus_store_check_field (assessment_field (fields[i]), G_OBJECT (assessment), error))
      return FALSE;
  for (guint i = 0; i < n_factors; i++)
    if (!crepitus_store_check_record (CREPITUS_RECORD_FACTOR, G_OBJECT (factors[i]), error))
      return FALSE;

  if (!crepitus_store_begin (self, error))
    return FALSE;
  ok = check_writable (self, id, error);
  if (ok && move)
    ok = self->backend->move_assessment (self->db, id, crepitus_patient_get_id (patient), error);
  for (guint i = 0; ok && i < n_fields; i++)
    {
      g_autoptr(GVariant) value = crepitus_store_get_value (assessment_field (fields[i]), G_OBJECT (assessment));

      if (fields[i] == CREPITUS_STORE_ASSESSMENT_DATE)
        ok = check_date_stored (self, crepitus_patient_get_id (patient),
                                crepitus_assessment_get_date (assessment), error);
      ok = ok && self->backend->update_assessment (self->db, id, fields[i], value, error);
    }
  for (guint i = 0; ok && i < n_factors; i++)
    {
      g_autoptr(CrepitusStoreRow) row = crepitus_store_row_from_object (CREPITUS_RECORD_FACTOR,
                                                                        G_OBJECT (factors[i]));

      ok = self->backend->save_factor (self->db, id, row, error);
    }
  return crepitus_store_finish (self, ok, error);
}

gboolean
crepitus_store_save_patient (CrepitusStore    *self,
                             CrepitusPatient  *patient,
                             const char       *property,
                             GError          **error)
{
  guint all[CREPITUS_STORE_N_PATIENT_FIELDS];
  guint field;
  int found;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CREPITUS_IS_PATIENT (patient), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (property, "id") == 0)
    return TRUE;

  if (crepitus_patient_get_id (patient) < 0)
    {
      if (!insert_patient (self, patient, error))
        return FALSE;
      crepitus_store_autosave_patient_stored (self->autosave, patient);
      return TRUE;
    }

  if (property == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        all[i] = i;
      return update_patient_fields (self, patient, all, G_N_ELEMENTS (all), error);
    }

  found = field_for_property (CREPITUS_RECORD_PATIENT, property);
  g_return_val_if_fail (found >= 0, FALSE);
  field = found;
  return update_patient_fields (self, patient, &field, 1, error);
}

gboolean
crepitus_store_save_assessment (CrepitusStore       *self,
                                CrepitusAssessment  *assessment,
                                const char          *property,
                                GError             **error)
{
  guint n_factors;
  const CrepitusFactor *catalog = crepitus_catalog_factors (&n_factors);
  guint field;
  int found;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (property, "id") == 0)
    return TRUE;

  if (crepitus_assessment_get_id (assessment) < 0)
    return insert_assessment (self, assessment, error);

  if (property == NULL)
    {
      guint all[CREPITUS_STORE_N_ASSESSMENT_FIELDS];
      CrepitusFactorRecord *factors[8];

      g_assert (n_factors == G_N_ELEMENTS (factors));
      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        all[i] = i;
      for (guint i = 0; i < n_factors; i++)
        factors[i] = crepitus_assessment_get_factor (assessment, catalog[i].key);
      return update_assessment (self, assessment, all, G_N_ELEMENTS (all), TRUE,
                                factors, n_factors, error);
    }

  if (g_str_equal (property, "patient"))
    return update_assessment (self, assessment, NULL, 0, TRUE, NULL, 0, error);
  if (crepitus_store_is_status_property (property))
    return TRUE;

  found = field_for_property (CREPITUS_RECORD_ASSESSMENT, property);
  g_return_val_if_fail (found >= 0, FALSE);
  field = found;
  return update_assessment (self, assessment, &field, 1, FALSE, NULL, 0, error);
}

gboolean
crepitus_store_save_factor (CrepitusStore       *self,
                            CrepitusAssessment  *assessment,
                            const char          *factor,
                            GError             **error)
{
  CrepitusFactorRecord *record;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  record = crepitus_assessment_get_factor (assessment, factor);
  g_return_val_if_fail (record != NULL, FALSE);

  if (crepitus_assessment_get_id (assessment) < 0)
    return insert_assessment (self, assessment, error);
  return update_assessment (self, assessment, NULL, 0, FALSE, &record, 1, error);
}

/* Reads */

CrepitusPatient *
crepitus_store_load_patient (CrepitusStore  *self,
                             gint64          id,
                             GError        **error)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  return load_patient (self, id, error);
}

GPtrArray *
crepitus_store_list_patients (CrepitusStore  *self,
                              GError        **error)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  return crepitus_store_patients_from_rows (self, self->backend->list_patients (self->db, error),
                                            error);
}

/* Search */

/* The distinct folded words of @query. */
static char **
typed_words (const char *query)
{
  g_auto(GStrv) words = crepitus_search_words (query);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (gsize i = 0; words[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) words + i + 1, words[i]))
      g_strv_builder_add (builder, words[i]);
  return g_strv_builder_end (builder);
}

GPtrArray *
crepitus_store_search_patients (CrepitusStore  *self,
                                const char     *query,
                                guint           offset,
                                guint           limit,
                                GError        **error)
{
  g_auto(GStrv) typed = NULL;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  typed = typed_words (query);
  return crepitus_store_patients_from_rows (self,
                                            self->backend->search_patients (self->db,
                                                                            (const char * const *) typed,
                                                                            offset, limit, error),
                                            error);
}

gboolean
crepitus_store_count_patients (CrepitusStore  *self,
                               const char     *query,
                               guint          *count,
                               GError        **error)
{
  g_auto(GStrv) typed = NULL;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  typed = typed_words (query);
  return self->backend->count_patients (self->db, (const char * const *) typed, count, error);
}

gboolean
crepitus_store_find_patient (CrepitusStore  *self,
                             const char     *query,
                             gint64          id,
                             guint          *position,
                             GError        **error)
{
  g_auto(GStrv) typed = NULL;
  gboolean found = FALSE;
  guint at = 0;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), FALSE);

  typed = typed_words (query);
  if (!self->backend->find_patient (self->db, (const char * const *) typed, id, &found, &at,
                                    error) || !found)
    return FALSE;
  if (position != NULL)
    *position = at;
  return TRUE;
}

CrepitusAssessment *
crepitus_store_load_assessment (CrepitusStore  *self,
                                gint64          id,
                                GError        **error)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  return load_assessment (self, id, NULL, error);
}

GPtrArray *
crepitus_store_list_assessments (CrepitusStore    *self,
                                 CrepitusPatient  *patient,
                                 GError          **error)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  g_return_val_if_fail (CREPITUS_IS_PATIENT (patient), NULL);

  assessments = g_ptr_array_new_with_free_func (g_object_unref);
  if (crepitus_patient_get_id (patient) < 0)
    return g_steal_pointer (&assessments);

  ids = self->backend->list_assessments (self->db, crepitus_patient_get_id (patient), error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      CrepitusAssessment *assessment =
        load_assessment (self, g_array_index (ids, gint64, i), patient, error);

      if (assessment == NULL)
        return NULL;
      g_ptr_array_add (assessments, assessment);
    }
  return g_steal_pointer (&assessments);
}

/* Import and export */

static gboolean
conflict (GError     **error,
          gint64       stored_id,
          const char  *path,
          const char  *ours,
          const char  *theirs)
{
  /* Names stay out of the message: it may end up on a terminal or in a log. */
  if (g_str_equal (path, "patient.family_name") || g_str_equal (path, "patient.given_name"))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT,
                 _("%s: differs from the stored patient %" PRId64
                   " with the same MRN; correct the file or the patient, then import again"),
                 path, stored_id);
  else
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT,
                 _("%s: %s differs from the stored patient %" PRId64
                   " (%s); correct the file or the patient, then import again"),
                 path, ours, stored_id, theirs);
  return FALSE;
}

/* The stored patient @patient is, filled in with what only the document records; or a new
 * one. Runs inside the import's transaction. */
static gint64
match_patient (CrepitusStore    *self,
               CrepitusPatient  *patient,
               GError          **error)
{
  g_autoptr(CrepitusPatient) stored = NULL;
  g_autoptr(GArray) ids = NULL;
  const char *mrn = crepitus_patient_get_mrn (patient);
  const char *birth_date = crepitus_patient_get_birth_date (patient);
  gint64 id;

  if (mrn != NULL)
    {
      ids = self->backend->find_by_mrn (self->db, mrn, error);
      if (ids == NULL)
        return -1;
    }
  /* Without a birth date, a name alone is too weak to merge two records. */
  if ((ids == NULL || ids->len == 0) && birth_date != NULL)
    {
      g_clear_pointer (&ids, g_array_unref);
      ids = self->backend->find_by_name (self->db, crepitus_patient_get_family_name (patient),
                                         crepitus_patient_get_given_name (patient), birth_date,
                                         error);
      if (ids == NULL)
        return -1;
    }

  if (ids == NULL || ids->len == 0)
    return backend_insert_patient (self, patient, error);
  if (ids->len > 1)
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT,
                   _("patient: matches %u stored patients; give the patient an MRN, then "
                     "import again"), ids->len);
      return -1;
    }

  id = g_array_index (ids, gint64, 0);
  stored = load_patient (self, id, error);
  if (stored == NULL)
    return -1;

  for (guint field = 0; field < CREPITUS_STORE_N_PATIENT_FIELDS; field++)
    {
      g_autoptr(GVariant) ours = crepitus_store_get_value (patient_field (field), G_OBJECT (patient));
      g_autoptr(GVariant) theirs = crepitus_store_get_value (patient_field (field), G_OBJECT (stored));

      if (ours == NULL || (theirs != NULL && g_variant_equal (ours, theirs)))
        continue;
      if (theirs != NULL)
        {
          conflict (error, id, patient_field (field)->path, g_variant_get_string (ours, NULL),
                    g_variant_get_string (theirs, NULL));
          return -1;
        }
      /* Recorded only in the document: the stored patient learns it. */
      if (!check_patient_field_stored (self, id, field, ours, error) ||
          !self->backend->update_patient (self->db, id, field, ours, error))
        return -1;
    }
  return id;
}

gint64
crepitus_store_import (CrepitusStore       *self,
                       CrepitusAssessment  *assessment,
                       GError             **error)
{
  CrepitusPatient *patient;
  gint64 patient_id = -1, id = -1;
  gboolean ok;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), -1);
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), -1);
  patient = crepitus_assessment_get_patient (assessment);
  g_return_val_if_fail (CREPITUS_IS_PATIENT (patient), -1);

  if (!crepitus_store_check_record (CREPITUS_RECORD_PATIENT, G_OBJECT (patient), error) ||
      !assessment_check (assessment, error))
    return -1;

  if (!crepitus_store_begin (self, error))
    return -1;
  ok = (patient_id = match_patient (self, patient, error)) >= 0 &&
       check_date_stored (self, patient_id, crepitus_assessment_get_date (assessment), error) &&
       (id = backend_insert_assessment (self, patient_id, assessment, error)) >= 0;
  if (!crepitus_store_finish (self, ok, error))
    return -1;

  crepitus_patient_set_id (patient, patient_id);
  crepitus_assessment_set_id (assessment, id);
  return id;
}

gint64
crepitus_store_import_json (CrepitusStore  *self,
                            const char     *data,
                            gsize           length,
                            GError        **error)
{
  g_autoptr(CrepitusAssessment) assessment = NULL;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), -1);

  assessment = crepitus_json_read (data, length, error);
  if (assessment == NULL)
    return -1;
  return crepitus_store_import (self, assessment, error);
}

char *
crepitus_store_export_json (CrepitusStore  *self,
                            gint64          id,
                            GError        **error)
{
  g_autoptr(CrepitusAssessment) assessment = NULL;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);

  assessment = crepitus_store_load_assessment (self, id, error);
  if (assessment == NULL)
    return NULL;
  return crepitus_json_write (assessment);
}

gboolean
crepitus_store_check_integrity (CrepitusStore  *self,
                                GError        **error)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), FALSE);
  return self->backend->check_integrity (self->db, error);
}

/* Backup and restore */

gboolean
crepitus_store_backup (CrepitusStore  *self,
                       const char     *path,
                       GError        **error)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A backup goes to a new file, or replaces an earlier backup (a Crepitus database): never
   * another file that happens to have the name. Both backends write the same kind of file. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !crepitus_store_file_is_database (path))
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT,
                   _("%s: the file exists and is not a Crepitus database; a backup goes to a "
                     "new file or replaces an earlier backup, so choose another name (nothing "
                     "was written)"), path);
      return FALSE;
    }
  return self->backend->backup (self->db, path, error);
}

gboolean
crepitus_store_restore (const char  *path,
                        const char  *backup_path,
                        char       **kept_path,
                        GError     **error)
{
  g_autofree char *kept = NULL;
  const CrepitusStoreBackend *backend;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  backend = crepitus_store_backend_for (path, error);
  if (backend == NULL || !backend->restore (path, backup_path, &kept, error))
    return FALSE;
  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}

/* Life cycle */

char *
crepitus_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "crepitus", "crepitus.db", NULL);
}

CrepitusStore *
crepitus_store_open_full (const char              *path,
                          CrepitusStoreOpenFlags   flags,
                          GError                 **error)
{
  g_autoptr(CrepitusStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CREPITUS_TYPE_STORE, NULL);
  self->backend = crepitus_store_backend_for (path, error);
  if (self->backend == NULL)
    return NULL;
  self->path = crepitus_store_location_for_display (path);
  self->db = self->backend->open (path, flags, error);
  if (self->db == NULL)
    return NULL;
  if (self->backend->set_change_func != NULL)
    self->backend->set_change_func (self->db, crepitus_store_changed_elsewhere, self);
  return g_steal_pointer (&self);
}

CrepitusStore *
crepitus_store_open (const char  *path,
                     GError     **error)
{
  return crepitus_store_open_full (path, CREPITUS_STORE_OPEN_DEFAULT, error);
}

CrepitusStore *
crepitus_store_open_read_only (const char  *path,
                               GError     **error)
{
  return crepitus_store_open_full (path, CREPITUS_STORE_OPEN_READ_ONLY, error);
}

const char *
crepitus_store_get_path (CrepitusStore *self)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  return self->path;
}

void
crepitus_store_set_clinician (CrepitusStore *self,
                              const char    *clinician)
{
  g_return_if_fail (CREPITUS_IS_STORE (self));

  if (clinician != NULL && (*clinician == '\0' || !g_utf8_validate (clinician, -1, NULL)))
    clinician = NULL;
  g_free (self->clinician);
  self->clinician = g_strdup (clinician);
  self->backend->set_clinician (self->db, self->clinician);
}

const char *
crepitus_store_get_clinician (CrepitusStore *self)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  return self->clinician;
}

const CrepitusStoreBackend *
crepitus_store_get_backend (CrepitusStore *self)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  return self->backend;
}

CrepitusStoreDb *
crepitus_store_get_db (CrepitusStore *self)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  return self->db;
}

static void
crepitus_store_dispose (GObject *object)
{
  CrepitusStore *self = CREPITUS_STORE (object);

  crepitus_store_autosave_clear (self->autosave);

  G_OBJECT_CLASS (crepitus_store_parent_class)->dispose (object);
}

static void
crepitus_store_finalize (GObject *object)
{
  CrepitusStore *self = CREPITUS_STORE (object);

  if (self->db != NULL)
    self->backend->close (self->db);
  crepitus_store_autosave_free (self->autosave);
  g_free (self->clinician);
  g_free (self->path);

  G_OBJECT_CLASS (crepitus_store_parent_class)->finalize (object);
}

static void
crepitus_store_class_init (CrepitusStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crepitus_store_dispose;
  object_class->finalize = crepitus_store_finalize;


  /**
   * CrepitusStore::write-failed:
   * @error: what was refused or failed, naming the field or the file
   *
   * An autosaved edit was not stored; the database is as it was before the edit.
   */
  signals[WRITE_FAILED] =
    g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* ::changed-elsewhere (record: "patient" or "assessment", id): another workstation stored
   * a change of it on the shared server (emitted by crepitus_store_read_changes). */
  signals[CHANGED_ELSEWHERE] =
    g_signal_new ("changed-elsewhere", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  /* ::unsaved-changed: the edits a shared server could not take yet changed
   * (crepitus_store_get_n_unsaved, crepitus_store_is_unsaved). */
  signals[UNSAVED_CHANGED] =
    g_signal_new ("unsaved-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crepitus_store_init (CrepitusStore *self)
{
  self->autosave = crepitus_store_autosave_new (self);
}
