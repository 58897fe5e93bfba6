/* crepitus-history-chart.h — the chart of a patient's NPRS and ODI across visits */
#pragma once

#include <gtk/gtk.h>

#include "crepitus-history.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_HISTORY_CHART (crepitus_history_chart_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusHistoryChart, crepitus_history_chart, CREPITUS, HISTORY_CHART,
                      GtkWidget)

/* A chart with nothing to chart yet. */
GtkWidget             *crepitus_history_chart_new         (void);
/* The history charted (owned by the chart), or %NULL. */
const CrepitusHistory *crepitus_history_chart_get_history (CrepitusHistoryChart *self);
/* Charts @history (the chart takes it; %NULL: nothing to chart). */
void                   crepitus_history_chart_set_history (CrepitusHistoryChart *self,
                                                           CrepitusHistory      *history);

G_END_DECLS
