/* crepitus-measures.c — measures and examination tests as recorded (CLINICAL.md §7) */
#define G_LOG_DOMAIN "crepitus-measures"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "crepitus-measures.h"

/* Measures */

G_DEFINE_BOXED_TYPE (CrepitusMeasures, crepitus_measures,
                     crepitus_measures_copy, crepitus_measures_free)

CrepitusMeasures *
crepitus_measures_new (void)
{
  CrepitusMeasures *measures = g_new0 (CrepitusMeasures, 1);

  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    measures->odi[i] = -1;
  for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
    measures->start_back_items[i] = -1;
  measures->bothersomeness = -1;
  for (guint i = 0; i < CREPITUS_N_TESTS; i++)
    {
      measures->tests[i].result = -1;
      measures->tests[i].side = -1;
    }
  return measures;
}

CrepitusMeasures *
crepitus_measures_copy (const CrepitusMeasures *measures)
{
  return measures != NULL ? g_memdup2 (measures, sizeof *measures) : crepitus_measures_new ();
}

void
crepitus_measures_free (CrepitusMeasures *measures)
{
  g_free (measures);
}

gboolean
crepitus_measures_equal (const CrepitusMeasures *a,
                         const CrepitusMeasures *b)
{
  g_autoptr(CrepitusMeasures) empty = crepitus_measures_new ();

  if (a == NULL)
    a = empty;
  if (b == NULL)
    b = empty;

  if (a->has_odi != b->has_odi || a->has_start_back != b->has_start_back ||
      a->has_beighton != b->has_beighton || a->bothersomeness != b->bothersomeness)
    return FALSE;
  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    if (a->odi[i] != b->odi[i])
      return FALSE;
  for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
    if (a->start_back_items[i] != b->start_back_items[i])
      return FALSE;
  for (guint i = 0; i < CREPITUS_BEIGHTON_N_ITEMS; i++)
    if (!a->beighton[i] != !b->beighton[i])
      return FALSE;
  for (guint i = 0; i < CREPITUS_N_TESTS; i++)
    if (a->tests[i].result != b->tests[i].result || a->tests[i].side != b->tests[i].side)
      return FALSE;
  return TRUE;
}

gboolean
crepitus_measures_is_empty (const CrepitusMeasures *measures)
{
  return crepitus_measures_equal (measures, NULL);
}
