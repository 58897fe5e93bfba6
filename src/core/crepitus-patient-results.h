/* crepitus-patient-results.h — the patients matching a search, as a list model that pages */
#pragma once

#include <gio/gio.h>

#include "crepitus-store.h"

G_BEGIN_DECLS

#define CREPITUS_PATIENT_RESULTS_PAGE_SIZE 50

#define CREPITUS_TYPE_PATIENT_RESULTS (crepitus_patient_results_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusPatientResults, crepitus_patient_results, CREPITUS,
                      PATIENT_RESULTS, GObject)

/* The patients of @store matching @query (every patient for an empty one), in the store's
 * order; pages of CREPITUS_PATIENT_RESULTS_PAGE_SIZE are read only when a row needs them. */
CrepitusPatientResults *crepitus_patient_results_new  (CrepitusStore          *store,
                                                       const char             *query,
                                                       GError                **error);

/* The position of the patient with @id, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint                   crepitus_patient_results_find (CrepitusPatientResults *self,
                                                       gint64                  id);

G_END_DECLS
