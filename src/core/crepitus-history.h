/* crepitus-history.h — a patient's visits over time and the chart of their NPRS and ODI
 * (CLINICAL.md §7): computed once here, drawn by the window, the clinician summary and
 * printed by `crepitus history` */
#pragma once

#include <glib.h>

#include "crepitus-assessment.h"
#include "crepitus-scores.h"
#include "crepitus-store.h"
#include "crepitus-triage.h"

G_BEGIN_DECLS

/* An NPRS change between consecutive visits at least this large is clinically important. */
#define CREPITUS_HISTORY_NPRS_IMPORTANT 2

/* The NPRS and ODI axes of the chart: fixed, so that charts of different patients compare. */
#define CREPITUS_HISTORY_NPRS_MAX   10
#define CREPITUS_HISTORY_NPRS_STEP  2
#define CREPITUS_HISTORY_ODI_MAX    100
#define CREPITUS_HISTORY_ODI_STEP   20

/* One visit: an assessment that is neither superseded nor entered in error. */
typedef struct
{
  gint64          id;
  char           *date;            /* YYYY-MM-DD */
  char           *clinician;       /* %NULL when not recorded */
  CrepitusLevel   level;
  CrepitusScores  scores;          /* crepitus_scores_compute_for() of the assessment */
  int             nprs_change;     /* NPRS minus that of the last earlier visit with an NPRS;
                                    * 0 when either is not asked */
  gboolean        nprs_compared;   /* both were asked: nprs_change is a change */
  gboolean        nprs_important;  /* |nprs_change| ≥ CREPITUS_HISTORY_NPRS_IMPORTANT */
} CrepitusHistoryVisit;

/* The columns of the table of visits. */
typedef enum
{
  CREPITUS_HISTORY_DATE,
  CREPITUS_HISTORY_CLINICIAN,
  CREPITUS_HISTORY_LEVEL,
  CREPITUS_HISTORY_NPRS,
  CREPITUS_HISTORY_ODI,
  CREPITUS_HISTORY_START_BACK,
  CREPITUS_HISTORY_BEIGHTON,
  CREPITUS_HISTORY_N_COLUMNS
} CrepitusHistoryColumn;

typedef struct _CrepitusHistory CrepitusHistory;

/* Whether @assessment is a visit of the history: superseded and entered-in-error assessments
 * are left out. */
gboolean              crepitus_history_includes        (CrepitusAssessment *assessment);

/* The history of @assessments (CrepitusAssessment, of one patient, in any order): its
 * visits by date (then id), their scores, and the clinically important NPRS changes. */
CrepitusHistory      *crepitus_history_new             (GPtrArray          *assessments);
/* The history of @patient's stored assessments (for a report's chart); %NULL with @error set
 * when the store cannot list them. */
CrepitusHistory      *crepitus_history_load            (CrepitusStore      *store,
                                                        CrepitusPatient    *patient,
                                                        GError            **error);
/* Frees @self and its visits. */
void                  crepitus_history_free            (CrepitusHistory    *self);

/* Number of visits. */
guint                 crepitus_history_get_n_visits    (const CrepitusHistory *self);
/* The visit at @index (0 is the earliest). */
const CrepitusHistoryVisit *crepitus_history_get_visit (const CrepitusHistory *self,
                                                        guint                  index);
/* The visit of assessment @id, or %NULL when it is not in the history. */
const CrepitusHistoryVisit *crepitus_history_find_visit (const CrepitusHistory *self,
                                                         gint64                 id);
/* Number of visits with a clinically important NPRS change from the visit before. */
guint                 crepitus_history_get_n_important (const CrepitusHistory *self);
/* Whether there is a trend to chart: two visits or more. */
gboolean              crepitus_history_has_chart       (const CrepitusHistory *self);

/* Where the visit at @index sits across the chart, 0 (left) to 1 (right); a lone visit is
 * in the middle. */
double                crepitus_history_x               (const CrepitusHistory *self,
                                                        guint                  index);
/* Whether the visit at @index gets its date under the axis when at most @max_labels dates
 * fit: every k-th visit, and always the last. */
gboolean              crepitus_history_date_labelled   (const CrepitusHistory *self,
                                                        guint                  index,
                                                        guint                  max_labels);

/* The chart's words (translated, static): its title, the NPRS and ODI series, the mark of an
 * important change, and what shows when there is nothing to chart yet (%NULL with two
 * visits or more). */
const char           *crepitus_history_chart_title     (void);
const char           *crepitus_history_nprs_label      (void);
const char           *crepitus_history_odi_label       (void);
const char           *crepitus_history_important_label (void);
const char           *crepitus_history_empty_text      (const CrepitusHistory *self);

/* The title of a column of the table (translated, static). */
const char           *crepitus_history_column_title    (CrepitusHistoryColumn  column);
/* What the table shows for @visit in @column (a new string; "—" when not recorded). */
char                 *crepitus_history_dup_cell        (const CrepitusHistoryVisit *visit,
                                                        CrepitusHistoryColumn       column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusHistory, crepitus_history_free)

G_END_DECLS
