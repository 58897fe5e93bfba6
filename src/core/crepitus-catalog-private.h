/* crepitus-catalog-private.h — tables shared between the catalog's source files */
#pragma once

#include "crepitus-catalog.h"

G_BEGIN_DECLS

/* The eight factors of CLINICAL.md §2, in checklist order (crepitus-catalog-factors.c). */
extern const CrepitusFactor crepitus_catalog_factor_table[8];

G_END_DECLS
