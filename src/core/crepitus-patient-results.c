/* crepitus-patient-results.c — the patients matching a search, as a list model that pages
 *
 * A clinic may hold 100,000 patients: the model knows how many match, and reads a page of
 * rows from the store only when a list row is bound to one of them. A few pages are kept.
 */
#define G_LOG_DOMAIN "crepitus-patient-results"

#include "config.h"

#include "crepitus-patient-results.h"

#define MAX_CACHED_PAGES 16

struct _CrepitusPatientResults
{
  GObject        parent_instance;
  CrepitusStore *store;
  char          *query;
  guint          n_items;
  GHashTable    *pages;     /* page number → GPtrArray of CrepitusPatient */
};

static void crepitus_patient_results_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrepitusPatientResults, crepitus_patient_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      crepitus_patient_results_list_model_init))

static GType
crepitus_patient_results_get_item_type (GListModel *model)
{
  return CREPITUS_TYPE_PATIENT;
}

static guint
crepitus_patient_results_get_n_items (GListModel *model)
{
  return CREPITUS_PATIENT_RESULTS (model)->n_items;
}

static gpointer
crepitus_patient_results_get_item (GListModel *model,
                                   guint       position)
{
  CrepitusPatientResults *self = CREPITUS_PATIENT_RESULTS (model);
  guint page = position / CREPITUS_PATIENT_RESULTS_PAGE_SIZE;
  guint index = position % CREPITUS_PATIENT_RESULTS_PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      g_autoptr(GError) error = NULL;

      rows = crepitus_store_search_patients (self->store, self->query,
                                             page * CREPITUS_PATIENT_RESULTS_PAGE_SIZE,
                                             CREPITUS_PATIENT_RESULTS_PAGE_SIZE, &error);
      if (rows == NULL)
        {
          /* The database went away under the list: the window shows the store's error. */
          g_debug ("Could not read page %u of the patient list: %s", page, error->message);
          return NULL;
        }
      if (g_hash_table_size (self->pages) >= MAX_CACHED_PAGES)
        g_hash_table_remove_all (self->pages);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
    }

  return index < rows->len ? g_object_ref (g_ptr_array_index (rows, index)) : NULL;
}

static void
crepitus_patient_results_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = crepitus_patient_results_get_item_type;
  iface->get_n_items = crepitus_patient_results_get_n_items;
  iface->get_item = crepitus_patient_results_get_item;
}

static void
crepitus_patient_results_finalize (GObject *object)
{
  CrepitusPatientResults *self = CREPITUS_PATIENT_RESULTS (object);

  g_clear_object (&self->store);
  g_free (self->query);
  g_hash_table_unref (self->pages);

  G_OBJECT_CLASS (crepitus_patient_results_parent_class)->finalize (object);
}

static void
crepitus_patient_results_class_init (CrepitusPatientResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crepitus_patient_results_finalize;
}

static void
crepitus_patient_results_init (CrepitusPatientResults *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

CrepitusPatientResults *
crepitus_patient_results_new (CrepitusStore  *store,
                              const char     *query,
                              GError        **error)
{
  g_autoptr(CrepitusPatientResults) self = NULL;

  g_return_val_if_fail (CREPITUS_IS_STORE (store), NULL);

  self = g_object_new (CREPITUS_TYPE_PATIENT_RESULTS, NULL);
  self->store = g_object_ref (store);
  self->query = g_strdup (query != NULL ? query : "");
  if (!crepitus_store_count_patients (store, self->query, &self->n_items, error))
    return NULL;
  return g_steal_pointer (&self);
}

guint
crepitus_patient_results_find (CrepitusPatientResults *self,
                               gint64                  id)
{
  guint position;

  g_return_val_if_fail (CREPITUS_IS_PATIENT_RESULTS (self), G_MAXUINT);

  if (!crepitus_store_find_patient (self->store, self->query, id, &position, NULL))
    return G_MAXUINT;
  return position;
}
