/* crepitus-store-autosave.c — the store's autosave: every edit of a watched model is stored
 * as it is made, and an edit a shared server could not take waits, marked unsaved
 *
 * Each edit of a watched patient, assessment or factor record is written in its own
 * transaction before the notify handler returns. On a file that is the whole story: an edit
 * is stored or refused. A server may be out of reach (CREPITUS_STORE_ERROR_UNREACHABLE): the
 * edit then stays in the model, is listed here as unsaved (in the order it was made), and is
 * written when crepitus_store_save_unsaved() finds the server again; edits made meanwhile
 * queue behind it, so the server receives them in the order they were made. An edit the
 * server refuses once it is back (an assessment signed in another room) is dropped from the
 * list and reported as ::write-failed, like any refused edit.
 *
 * A record changed in another room is brought into the watched model with the autosave held
 * back (crepitus_store_refresh), except the fields this workstation has not saved yet: those
 * are this room's latest word, and are written when the server is back.
 */
#define G_LOG_DOMAIN "crepitus-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-store-private.h"

typedef struct
{
  CrepitusStore        *store;
  GObject              *object;       /* NULL once finalized */
  gulong                handler;
  CrepitusFactorRecord *factors[8];   /* assessments: owned */
  gulong                factor_handlers[8];
} Watch;

/* An edit not stored yet: the property of @object (%NULL: the whole record, when it was to be
 * created), or the factor record @factor of assessment @object. */
typedef struct
{
  GObject    *object;                 /* owned: the edit lives until it is stored */
  const char *property;               /* interned */
  const char *factor;                 /* interned */
} Unsaved;

struct _CrepitusStoreAutosave
{
  CrepitusStore *store;
  GHashTable    *watches;             /* watched GObject → Watch */
  GQueue         unsaved;             /* of Unsaved, oldest first */
  gboolean       saving;              /* in crepitus_store_save_unsaved */
};

static void
unsaved_free (gpointer data)
{
  Unsaved *unsaved = data;

  g_object_unref (unsaved->object);
  g_free (unsaved);
}

static gboolean
is_unreachable (const GError *error)
{
  return g_error_matches (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE);
}

/* Writes one edit, as the notify handlers do. */
static gboolean
save_edit (CrepitusStore  *store,
           GObject        *object,
           const char     *property,
           const char     *factor,
           GError        **error)
{
  if (CREPITUS_IS_PATIENT (object))
    return crepitus_store_save_patient (store, CREPITUS_PATIENT (object), property, error);
  if (factor != NULL)
    return crepitus_store_save_factor (store, CREPITUS_ASSESSMENT (object), factor, error);
  return crepitus_store_save_assessment (store, CREPITUS_ASSESSMENT (object), property, error);
}

static void
queue_unsaved (CrepitusStoreAutosave *self,
               GObject               *object,
               const char            *property,
               const char            *factor)
{
  Unsaved *unsaved;

  property = g_intern_string (property);
  factor = g_intern_string (factor);
  for (GList *l = self->unsaved.head; l != NULL; l = l->next)
    {
      Unsaved *queued = l->data;

      /* Writing a field writes its latest value: one entry each is enough. */
      if (queued->object == object && queued->property == property && queued->factor == factor)
        return;
    }
  unsaved = g_new0 (Unsaved, 1);
  unsaved->object = g_object_ref (object);
  unsaved->property = property;
  unsaved->factor = factor;
  g_queue_push_tail (&self->unsaved, unsaved);
}

/* An edit of a watched model: written now, or queued behind the unsaved ones. */
static void
autosave (CrepitusStoreAutosave *self,
          GObject               *object,
          const char            *property,
          const char            *factor)
{
  g_autoptr(GError) error = NULL;
  guint before = self->unsaved.length;

  if (before > 0 && !crepitus_store_save_unsaved (self->store, NULL))
    {
      queue_unsaved (self, object, property, factor);
      if (self->unsaved.length != before)
        crepitus_store_emit_unsaved_changed (self->store);
      return;
    }
  if (save_edit (self->store, object, property, factor, &error))
    return;
  if (is_unreachable (error))
    {
      queue_unsaved (self, object, property, factor);
      crepitus_store_emit_unsaved_changed (self->store);
    }
  crepitus_store_emit_write_failed (self->store, error);
}

gboolean
crepitus_store_save_unsaved (CrepitusStore  *store,
                             GError        **error)
{
  CrepitusStoreAutosave *self;
  gboolean changed = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (CREPITUS_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = crepitus_store_get_autosave (store);
  /* Saving an edit may store a patient, which stores the assessments waiting for it. */
  if (self->saving)
    return TRUE;
  self->saving = TRUE;
  while (ok && !g_queue_is_empty (&self->unsaved))
    {
      Unsaved *unsaved = g_queue_peek_head (&self->unsaved);
      g_autoptr(GError) local_error = NULL;

      if (!save_edit (store, unsaved->object, unsaved->property, unsaved->factor,
                      &local_error) && is_unreachable (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
          break;
        }
      /* Stored, or refused for good: either way it waits no more. */
      if (local_error != NULL)
        crepitus_store_emit_write_failed (store, local_error);
      unsaved_free (g_queue_pop_head (&self->unsaved));
      changed = TRUE;
    }
  self->saving = FALSE;
  if (changed)
    crepitus_store_emit_unsaved_changed (store);
  return ok;
}

guint
crepitus_store_get_n_unsaved (CrepitusStore *store)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (store), 0);
  return crepitus_store_get_autosave (store)->unsaved.length;
}

gboolean
crepitus_store_is_unsaved (CrepitusStore *store,
                           gpointer       object,
                           const char    *property)
{
  CrepitusStoreAutosave *self;

  g_return_val_if_fail (CREPITUS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  self = crepitus_store_get_autosave (store);
  for (GList *l = self->unsaved.head; l != NULL; l = l->next)
    {
      Unsaved *unsaved = l->data;

      if (CREPITUS_IS_FACTOR_RECORD (object))
        {
          if (unsaved->factor != NULL && CREPITUS_IS_ASSESSMENT (unsaved->object) &&
              crepitus_assessment_get_factor (CREPITUS_ASSESSMENT (unsaved->object),
                                              unsaved->factor) == object)
            return TRUE;
        }
      else if (unsaved->object == object && unsaved->factor == NULL &&
               (property == NULL || unsaved->property == NULL ||
                g_str_equal (unsaved->property, property)))
        return TRUE;
    }
  return FALSE;
}

/* Watches */

static gboolean
assessment_is_ready (CrepitusAssessment *assessment)
{
  CrepitusPatient *patient = crepitus_assessment_get_patient (assessment);

  return patient != NULL && crepitus_patient_get_id (patient) >= 0 &&
         crepitus_assessment_get_date (assessment) != NULL;
}

void
crepitus_store_autosave_patient_stored (CrepitusStoreAutosave *self,
                                        CrepitusPatient       *patient)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer object;

  /* Watched assessments of @patient wait for it to be stored; store them now. */
  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    if (CREPITUS_IS_ASSESSMENT (object) &&
        crepitus_assessment_get_patient (object) == patient &&
        crepitus_assessment_get_id (object) < 0 &&
        assessment_is_ready (object))
      g_ptr_array_add (waiting, g_object_ref (object));

  for (guint i = 0; i < waiting->len; i++)
    autosave (self, waiting->pdata[i], NULL, NULL);
}

static void
on_watched_finalized (gpointer  data,
                      GObject  *where_the_object_was)
{
  Watch *watch = data;
  CrepitusStoreAutosave *self = crepitus_store_get_autosave (watch->store);

  watch->object = NULL;
  g_hash_table_remove (self->watches, where_the_object_was);
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  if (watch->object != NULL)
    {
      g_signal_handler_disconnect (watch->object, watch->handler);
      g_object_weak_unref (watch->object, on_watched_finalized, watch);
    }
  for (guint i = 0; i < G_N_ELEMENTS (watch->factors); i++)
    if (watch->factors[i] != NULL)
      {
        g_signal_handler_disconnect (watch->factors[i], watch->factor_handlers[i]);
        g_object_unref (watch->factors[i]);
      }
  g_free (watch);
}

static void
on_patient_notify (CrepitusPatient *patient,
                   GParamSpec      *pspec,
                   CrepitusStore   *store)
{
  if (g_str_equal (pspec->name, "id"))
    return;
  /* A patient is created only once it has a family name. */
  if (crepitus_patient_get_id (patient) < 0 && crepitus_patient_get_family_name (patient) == NULL)
    return;
  autosave (crepitus_store_get_autosave (store), G_OBJECT (patient), pspec->name, NULL);
}

static void
on_assessment_notify (CrepitusAssessment *assessment,
                      GParamSpec         *pspec,
                      CrepitusStore      *store)
{
  if (g_str_equal (pspec->name, "id") || crepitus_store_is_status_property (pspec->name))
    return;
  if (g_str_equal (pspec->name, "patient") && crepitus_assessment_get_patient (assessment) != NULL)
    crepitus_store_watch_patient (store, crepitus_assessment_get_patient (assessment));
  /* An assessment is created once its patient is stored and it has a date. */
  if (crepitus_assessment_get_id (assessment) < 0 && !assessment_is_ready (assessment))
    return;
  autosave (crepitus_store_get_autosave (store), G_OBJECT (assessment), pspec->name, NULL);
}

static void
on_factor_notify (CrepitusFactorRecord *record,
                  GParamSpec           *pspec,
                  Watch                *watch)
{
  CrepitusAssessment *assessment = CREPITUS_ASSESSMENT (watch->object);

  if (crepitus_assessment_get_id (assessment) < 0 && !assessment_is_ready (assessment))
    return;
  autosave (crepitus_store_get_autosave (watch->store), watch->object, NULL,
            crepitus_factor_record_get_key (record));
}

static Watch *
watch_object (CrepitusStore *store,
              GObject       *object,
              GCallback      callback)
{
  CrepitusStoreAutosave *self = crepitus_store_get_autosave (store);
  Watch *watch;

  if (g_hash_table_contains (self->watches, object))
    return NULL;

  watch = g_new0 (Watch, 1);
  watch->store = store;
  watch->object = object;
  watch->handler = g_signal_connect (object, "notify", callback, store);
  g_object_weak_ref (object, on_watched_finalized, watch);
  g_hash_table_insert (self->watches, object, watch);
  return watch;
}

void
crepitus_store_watch_patient (CrepitusStore   *self,
                              CrepitusPatient *patient)
{
  g_return_if_fail (CREPITUS_IS_STORE (self));
  g_return_if_fail (CREPITUS_IS_PATIENT (patient));

  if (watch_object (self, G_OBJECT (patient), G_CALLBACK (on_patient_notify)) == NULL)
    return;
  /* No edit is left behind: a new patient that already has a family name is stored now. */
  if (crepitus_patient_get_id (patient) < 0 && crepitus_patient_get_family_name (patient) != NULL)
    autosave (crepitus_store_get_autosave (self), G_OBJECT (patient), NULL, NULL);
}

void
crepitus_store_watch_assessment (CrepitusStore      *self,
                                 CrepitusAssessment *assessment)
{
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);
  Watch *watch;

  g_return_if_fail (CREPITUS_IS_STORE (self));
  g_return_if_fail (CREPITUS_IS_ASSESSMENT (assessment));

  if (crepitus_assessment_get_patient (assessment) != NULL)
    crepitus_store_watch_patient (self, crepitus_assessment_get_patient (assessment));

  watch = watch_object (self, G_OBJECT (assessment), G_CALLBACK (on_assessment_notify));
  if (watch == NULL)
    return;
  g_assert (n_factors == G_N_ELEMENTS (watch->factors));
  for (guint i = 0; i < n_factors; i++)
    {
      watch->factors[i] = g_object_ref (crepitus_assessment_get_factor (assessment,
                                                                        factors[i].key));
      watch->factor_handlers[i] = g_signal_connect (watch->factors[i], "notify",
                                                    G_CALLBACK (on_factor_notify), watch);
    }

  /* No edit is left behind: a new assessment that can be stored is stored now. */
  if (crepitus_assessment_get_id (assessment) < 0 && assessment_is_ready (assessment))
    autosave (crepitus_store_get_autosave (self), G_OBJECT (assessment), NULL, NULL);
}

void
crepitus_store_unwatch (CrepitusStore *self,
                        gpointer       object)
{
  g_return_if_fail (CREPITUS_IS_STORE (self));
  g_return_if_fail (G_IS_OBJECT (object));

  g_hash_table_remove (crepitus_store_get_autosave (self)->watches, object);
}

/* Changes made elsewhere */

void
crepitus_store_refresh_watched_state (CrepitusStore *store,
                                      gint64         id)
{
  CrepitusStoreAutosave *self = crepitus_store_get_autosave (store);
  const CrepitusStoreBackend *backend = crepitus_store_get_backend (store);
  g_auto(CrepitusStoreAssessmentState) state = { NULL };
  GHashTableIter iter;
  gpointer object;

  if (!backend->assessment_state (crepitus_store_get_db (store), id, &state, NULL))
    return;
  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    if (CREPITUS_IS_ASSESSMENT (object) && crepitus_assessment_get_id (object) == id)
      {
        crepitus_assessment_set_signed_by (object, state.signed_by);
        crepitus_assessment_set_signed_at (object, state.signed_at);
        crepitus_assessment_set_superseded_by (object, state.superseded_by);
        crepitus_assessment_set_entered_in_error (object, state.entered_in_error);
      }
}

static gboolean
values_equal (const GValue *a,
              const GValue *b,
              GParamSpec   *pspec)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);
      const char * const none[] = { NULL };

      return g_strv_equal (x != NULL ? x : none, y != NULL ? y : none);
    }
  if (G_VALUE_HOLDS (a, CREPITUS_TYPE_MEASURES))
    return crepitus_measures_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Sets every readable and writable property of @to that differs in @from, but "id",
 * "patient" and those @skip says this workstation has not saved. */
static void
copy_properties (GObject       *to,
                 GObject       *from,
                 CrepitusStore *store,
                 gboolean       check_unsaved)
{
  guint n_specs;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (to),
                                                                   &n_specs);

  g_object_freeze_notify (to);
  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) now = G_VALUE_INIT;
      g_auto(GValue) stored = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (specs[i]->flags & G_PARAM_CONSTRUCT_ONLY) ||
          g_str_equal (specs[i]->name, "id") || g_str_equal (specs[i]->name, "patient") ||
          g_str_equal (specs[i]->name, "key"))
        continue;
      if (check_unsaved && crepitus_store_is_unsaved (store, to, specs[i]->name))
        continue;
      g_value_init (&now, specs[i]->value_type);
      g_value_init (&stored, specs[i]->value_type);
      g_object_get_property (to, specs[i]->name, &now);
      g_object_get_property (from, specs[i]->name, &stored);
      if (!values_equal (&now, &stored, specs[i]))
        g_object_set_property (to, specs[i]->name, &stored);
    }
  g_object_thaw_notify (to);
}

static void
block_watch (Watch    *watch,
             gboolean  block)
{
  void (*func) (gpointer, gulong) = block ? g_signal_handler_block : g_signal_handler_unblock;

  func (watch->object, watch->handler);
  for (guint i = 0; i < G_N_ELEMENTS (watch->factors); i++)
    if (watch->factors[i] != NULL)
      func (watch->factors[i], watch->factor_handlers[i]);
}

gboolean
crepitus_store_refresh (CrepitusStore  *store,
                        gpointer        object,
                        GError        **error)
{
  CrepitusStoreAutosave *self;
  g_autoptr(GObject) stored = NULL;
  Watch *watch;

  g_return_val_if_fail (CREPITUS_IS_STORE (store), FALSE);
  g_return_val_if_fail (CREPITUS_IS_PATIENT (object) || CREPITUS_IS_ASSESSMENT (object), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = crepitus_store_get_autosave (store);
  if (CREPITUS_IS_PATIENT (object))
    {
      if (crepitus_patient_get_id (object) < 0)
        return TRUE;
      stored = G_OBJECT (crepitus_store_load_patient (store, crepitus_patient_get_id (object),
                                                      error));
    }
  else
    {
      if (crepitus_assessment_get_id (object) < 0)
        return TRUE;
      stored = G_OBJECT (crepitus_store_load_assessment (store,
                                                         crepitus_assessment_get_id (object),
                                                         error));
    }
  if (stored == NULL)
    return FALSE;

  /* What another room stored is not an edit of this one: the autosave is held back. */
  watch = g_hash_table_lookup (self->watches, object);
  if (watch != NULL)
    block_watch (watch, TRUE);
  copy_properties (object, stored, store, TRUE);
  if (CREPITUS_IS_ASSESSMENT (object))
    {
      guint n_factors;
      const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);

      for (guint i = 0; i < n_factors; i++)
        {
          CrepitusFactorRecord *record = crepitus_assessment_get_factor (object, factors[i].key);

          if (!crepitus_store_is_unsaved (store, record, NULL))
            copy_properties (G_OBJECT (record),
                             G_OBJECT (crepitus_assessment_get_factor (CREPITUS_ASSESSMENT (stored),
                                                                       factors[i].key)),
                             store, FALSE);
        }
    }
  if (watch != NULL)
    block_watch (watch, FALSE);
  return TRUE;
}

/* Life cycle */

CrepitusStoreAutosave *
crepitus_store_autosave_new (CrepitusStore *store)
{
  CrepitusStoreAutosave *self = g_new0 (CrepitusStoreAutosave, 1);

  self->store = store;
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, watch_free);
  g_queue_init (&self->unsaved);
  return self;
}

void
crepitus_store_autosave_clear (CrepitusStoreAutosave *self)
{
  g_hash_table_remove_all (self->watches);
  g_queue_clear_full (&self->unsaved, unsaved_free);
}

void
crepitus_store_autosave_free (CrepitusStoreAutosave *self)
{
  crepitus_store_autosave_clear (self);
  g_hash_table_unref (self->watches);
  g_free (self);
}
