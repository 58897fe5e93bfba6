/* crepitus-history-view.c — a patient's visits over time: a chart of NPRS and ODI, then a
 * table of the visits (date, clinician, triage, NPRS, ODI %, STarT Back risk, Beighton)
 *
 * Which visits count, their scores and the important NPRS changes come from
 * crepitus-history.c; this view only shows them, and rebuilds once after a burst of edits.
 */
#define G_LOG_DOMAIN "crepitus-history-view"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-history-view.h"

struct _CrepitusHistoryView
{
  AdwBin                parent_instance;
  GListModel           *assessments;    /* owned */
  GPtrArray            *followed;       /* CrepitusAssessment whose edits are followed; refs */
  guint                 rebuild_id;

  CrepitusHistoryChart *chart;
  GtkGrid              *table;
};

G_DEFINE_FINAL_TYPE (CrepitusHistoryView, crepitus_history_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_ASSESSMENTS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void queue_rebuild (CrepitusHistoryView *self);

static void
unfollow (CrepitusHistoryView *self)
{
  for (guint i = 0; i < self->followed->len; i++)
    g_signal_handlers_disconnect_by_func (self->followed->pdata[i], queue_rebuild, self);
  g_ptr_array_set_size (self->followed, 0);
}

static void
fill_table (CrepitusHistoryView   *self,
            const CrepitusHistory *history)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);

  for (int column = 0; column < CREPITUS_HISTORY_N_COLUMNS; column++)
    {
      GtkWidget *label = gtk_label_new (crepitus_history_column_title (column));

      gtk_label_set_xalign (GTK_LABEL (label), column >= CREPITUS_HISTORY_NPRS ? 1 : 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->table, label, column, 0, 1, 1);
    }
  for (guint i = 0; i < crepitus_history_get_n_visits (history); i++)
    {
      const CrepitusHistoryVisit *visit = crepitus_history_get_visit (history, i);

      for (int column = 0; column < CREPITUS_HISTORY_N_COLUMNS; column++)
        {
          g_autofree char *text = crepitus_history_dup_cell (visit, column);
          GtkWidget *label = gtk_label_new (text);

          gtk_label_set_xalign (GTK_LABEL (label), column >= CREPITUS_HISTORY_NPRS ? 1 : 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), column == CREPITUS_HISTORY_CLINICIAN ?
                                   PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
          if (column >= CREPITUS_HISTORY_NPRS)
            gtk_widget_add_css_class (label, "numeric");
          if (column == CREPITUS_HISTORY_NPRS && visit->nprs_important)
            gtk_widget_add_css_class (label, "error");
          gtk_grid_attach (self->table, label, column, i + 1, 1, 1);
        }
    }
}

static void
rebuild (CrepitusHistoryView *self)
{
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  CrepitusHistory *history;
  guint n = self->assessments != NULL ? g_list_model_get_n_items (self->assessments) : 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  unfollow (self);
  for (guint i = 0; i < n; i++)
    {
      CrepitusAssessment *assessment = g_list_model_get_item (self->assessments, i);

      g_ptr_array_add (assessments, assessment);
      g_ptr_array_add (self->followed, g_object_ref (assessment));
      g_signal_connect_swapped (assessment, "notify", G_CALLBACK (queue_rebuild), self);
    }
  history = crepitus_history_new (assessments);
  fill_table (self, history);
  gtk_widget_set_visible (GTK_WIDGET (self->table), crepitus_history_get_n_visits (history) > 0);
  crepitus_history_chart_set_history (self->chart, history);
}

static gboolean
rebuild_cb (gpointer data)
{
  CrepitusHistoryView *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (CrepitusHistoryView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static void
crepitus_history_view_dispose (GObject *object)
{
  CrepitusHistoryView *self = CREPITUS_HISTORY_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->followed != NULL)
    unfollow (self);
  if (self->assessments != NULL)
    g_signal_handlers_disconnect_by_func (self->assessments, queue_rebuild, self);
  g_clear_object (&self->assessments);

  G_OBJECT_CLASS (crepitus_history_view_parent_class)->dispose (object);
}

static void
crepitus_history_view_finalize (GObject *object)
{
  CrepitusHistoryView *self = CREPITUS_HISTORY_VIEW (object);

  g_clear_pointer (&self->followed, g_ptr_array_unref);

  G_OBJECT_CLASS (crepitus_history_view_parent_class)->finalize (object);
}

static void
crepitus_history_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CrepitusHistoryView *self = CREPITUS_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENTS:
      g_value_set_object (value, self->assessments);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_history_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CrepitusHistoryView *self = CREPITUS_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENTS:
      crepitus_history_view_set_assessments (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_history_view_class_init (CrepitusHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_history_view_dispose;
  object_class->finalize = crepitus_history_view_finalize;
  object_class->get_property = crepitus_history_view_get_property;
  object_class->set_property = crepitus_history_view_set_property;

  properties[PROP_ASSESSMENTS] =
    g_param_spec_object ("assessments", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "crepitus-history-view");
}

static void
crepitus_history_view_init (CrepitusHistoryView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  self->followed = g_ptr_array_new_with_free_func (g_object_unref);
  self->chart = CREPITUS_HISTORY_CHART (crepitus_history_chart_new ());
  self->table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->table, 18);
  gtk_grid_set_row_spacing (self->table, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "crepitus-history-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Visits"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chart));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->table));
  adw_bin_set_child (ADW_BIN (self), box);
  rebuild (self);
}

GtkWidget *
crepitus_history_view_new (void)
{
  return g_object_new (CREPITUS_TYPE_HISTORY_VIEW, NULL);
}

GListModel *
crepitus_history_view_get_assessments (CrepitusHistoryView *self)
{
  g_return_val_if_fail (CREPITUS_IS_HISTORY_VIEW (self), NULL);

  return self->assessments;
}

void
crepitus_history_view_set_assessments (CrepitusHistoryView *self,
                                       GListModel          *assessments)
{
  g_return_if_fail (CREPITUS_IS_HISTORY_VIEW (self));

  if (self->assessments == assessments)
    return;
  if (self->assessments != NULL)
    g_signal_handlers_disconnect_by_func (self->assessments, queue_rebuild, self);
  g_set_object (&self->assessments, assessments);
  if (assessments != NULL)
    g_signal_connect_swapped (assessments, "items-changed", G_CALLBACK (queue_rebuild), self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENTS]);
}

const CrepitusHistory *
crepitus_history_view_get_history (CrepitusHistoryView *self)
{
  g_return_val_if_fail (CREPITUS_IS_HISTORY_VIEW (self), NULL);

  return crepitus_history_chart_get_history (self->chart);
}

CrepitusHistoryChart *
crepitus_history_view_get_chart (CrepitusHistoryView *self)
{
  g_return_val_if_fail (CREPITUS_IS_HISTORY_VIEW (self), NULL);

  return self->chart;
}

GtkGrid *
crepitus_history_view_get_table (CrepitusHistoryView *self)
{
  g_return_val_if_fail (CREPITUS_IS_HISTORY_VIEW (self), NULL);

  return self->table;
}
