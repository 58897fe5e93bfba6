/* crepitus-measures.h — measures and examination tests as recorded (CLINICAL.md §7) */
#pragma once

#include <glib-object.h>

#include "crepitus-enums.h"

G_BEGIN_DECLS

/* Measures as recorded (CLINICAL.md §7); -1 means "not recorded" or "unanswered". */
#define CREPITUS_ODI_N_SECTIONS        10
#define CREPITUS_START_BACK_N_ITEMS     8
#define CREPITUS_BEIGHTON_N_ITEMS       9
#define CREPITUS_N_TESTS                5

typedef struct
{
  gboolean has_odi;
  int      odi[CREPITUS_ODI_N_SECTIONS];              /* 0–5, -1 unanswered */
  gboolean has_start_back;
  int      start_back_items[CREPITUS_START_BACK_N_ITEMS]; /* 0 or 1 */
  int      bothersomeness;                            /* index in the list, -1 not recorded */
  gboolean has_beighton;
  gboolean beighton[CREPITUS_BEIGHTON_N_ITEMS];
  struct
  {
    int result;                                       /* index in TEST_RESULT, -1 not recorded */
    int side;                                         /* index in SIDE, -1 not recorded */
  } tests[CREPITUS_N_TESTS];
} CrepitusMeasures;

#define CREPITUS_TYPE_MEASURES (crepitus_measures_get_type ())
GType             crepitus_measures_get_type  (void) G_GNUC_CONST;

/* New, empty measures: nothing recorded. */
CrepitusMeasures *crepitus_measures_new       (void);
CrepitusMeasures *crepitus_measures_copy      (const CrepitusMeasures *measures);
void              crepitus_measures_free      (CrepitusMeasures       *measures);
/* Whether @a and @b record the same (NULL equals empty). */
gboolean          crepitus_measures_equal     (const CrepitusMeasures *a,
                                               const CrepitusMeasures *b);
/* Whether nothing is recorded in @measures (NULL is empty). */
gboolean          crepitus_measures_is_empty  (const CrepitusMeasures *measures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusMeasures, crepitus_measures_free)

G_END_DECLS
