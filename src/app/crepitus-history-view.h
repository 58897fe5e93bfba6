/* crepitus-history-view.h — a patient's visits over time: a table and a chart */
#pragma once

#include <adwaita.h>

#include "crepitus-history-chart.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_HISTORY_VIEW (crepitus_history_view_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusHistoryView, crepitus_history_view, CREPITUS, HISTORY_VIEW, AdwBin)

/* A view with no assessments. */
GtkWidget             *crepitus_history_view_new             (void);
/* The assessments shown, or %NULL. */
GListModel            *crepitus_history_view_get_assessments (CrepitusHistoryView *self);
/* Shows the history of @assessments (CrepitusAssessment, of one patient), following their
 * edits. */
void                   crepitus_history_view_set_assessments (CrepitusHistoryView *self,
                                                              GListModel          *assessments);
/* The history shown (updated on the next idle after an edit), or %NULL. */
const CrepitusHistory *crepitus_history_view_get_history     (CrepitusHistoryView *self);
/* The chart. */
CrepitusHistoryChart  *crepitus_history_view_get_chart       (CrepitusHistoryView *self);
/* The table of visits: a header row, then a row a visit. */
GtkGrid               *crepitus_history_view_get_table       (CrepitusHistoryView *self);

G_END_DECLS
