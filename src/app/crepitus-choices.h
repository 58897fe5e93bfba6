/* crepitus-choices.h — the drop-down choices of a keyed field */
#pragma once

#include <gtk/gtk.h>

#include "crepitus-catalog.h"

G_BEGIN_DECLS

/* "—" (not recorded) at position 0, then the label of each key of @list in catalog order, so
 * that position N is the catalog entry N - 1 (the enum value of the field). */
GListModel *crepitus_choices_model (CrepitusList list);

G_END_DECLS
