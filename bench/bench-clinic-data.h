/* bench-clinic-data.h — a working clinic, generated for the benchmarks */
#pragma once

#include "crepitus-store.h"

G_BEGIN_DECLS

/* Stores @n_patients patients with three assessments each in @store, in one transaction, the
 * same every time (a fixed seed): the earlier two visits signed with a complete red-flag
 * screen, the latest unsigned. */
gboolean bench_generate_clinic (CrepitusStore  *store,
                                guint           n_patients,
                                GError        **error);

G_END_DECLS
