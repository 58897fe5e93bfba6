/* crepitus-choices.c — the drop-down choices of a keyed field */
#define G_LOG_DOMAIN "crepitus-choices"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-choices.h"

GListModel *
crepitus_choices_model (CrepitusList list)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  /* Translators: the choice for a field that is not recorded */
  gtk_string_list_append (model, _("—"));
  for (guint i = 0; i < crepitus_catalog_count (list); i++)
    gtk_string_list_append (model, crepitus_catalog_label (list, crepitus_catalog_key (list, i)));
  return G_LIST_MODEL (model);
}
