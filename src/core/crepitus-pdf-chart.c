/* crepitus-pdf-chart.c — the chart of a patient's NPRS and ODI across visits, drawn with
 * libharu's path operators
 *
 * What is charted and which changes are marked comes from crepitus-history.c, as in the
 * window; only the drawing is here. Printed, so colours are fixed and every mark also has a
 * shape and words (a dashed ODI line, rings and "+3" at the important changes).
 */
#define G_LOG_DOMAIN "crepitus-pdf-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-locale.h"
#include "crepitus-pdf-chart.h"
#include "crepitus-pdf-layout-private.h"

#define AXIS_WIDTH    30.0    /* room for the tick labels left and right of the plot */
#define LEGEND_HEIGHT 18.0
#define DATES_HEIGHT  16.0
#define MARK_RADIUS   3.0
#define MIN_LABEL_GAP 16.0    /* between visits, for the size of a change beside its ring */

static const Color nprs_colour = { 0.10, 0.37, 0.71 };    /* blue */
static const Color odi_colour = { 0.80, 0.40, 0.00 };     /* orange */
static const Color mark_colour = { 0.75, 0.11, 0.16 };    /* red */
static const Color grid_colour = { 0.82, 0.82, 0.82 };
static const Color axis_colour = { 0.40, 0.40, 0.40 };

typedef struct
{
  CrepitusPdfLayout *layout;
  HPDF_Page          page;
  double             left, right, top, bottom;   /* the plot area */
} Chart;

static void
stroke_colour (HPDF_Page    page,
               const Color *colour)
{
  HPDF_Page_SetRGBStroke (page, colour->r, colour->g, colour->b);
}

static void
fill_colour (HPDF_Page    page,
             const Color *colour)
{
  HPDF_Page_SetRGBFill (page, colour->r, colour->g, colour->b);
}

/* Small text at @x (its left, centre or right by @align -1, 0, 1), @baseline; returns its
 * width. */
static double
chart_text (Chart       *chart,
            double       x,
            double       baseline,
            int          align,
            const Color *colour,
            const char  *text)
{
  g_autofree char *clean = crepitus_pdf_layout_sanitize (chart->layout, CREPITUS_PDF_STYLE_SMALL,
                                                         text);
  double width = crepitus_pdf_text_width (chart->layout, CREPITUS_PDF_STYLE_SMALL, clean, -1);

  if (align == 0)
    x -= width / 2;
  else if (align > 0)
    x -= width;
  crepitus_pdf_layout_draw_text (chart->layout, CREPITUS_PDF_STYLE_SMALL, colour, x, baseline,
                                 clean);
  return width;
}

static double
text_width (Chart      *chart,
            const char *text)
{
  g_autofree char *clean = crepitus_pdf_layout_sanitize (chart->layout, CREPITUS_PDF_STYLE_SMALL,
                                                         text);

  return crepitus_pdf_text_width (chart->layout, CREPITUS_PDF_STYLE_SMALL, clean, -1);
}

static double
x_of (Chart                 *chart,
      const CrepitusHistory *history,
      guint                  index)
{
  /* Points kept off the axes by a margin so that marks are not cut. */
  double inset = 10;

  return chart->left + inset +
         crepitus_history_x (history, index) * (chart->right - chart->left - 2 * inset);
}

static double
y_of (Chart *chart,
      int    value,
      int    max)
{
  return chart->bottom + (double) value / max * (chart->top - chart->bottom);
}

static void
draw_grid (Chart *chart)
{
  HPDF_Page page = chart->page;

  HPDF_Page_SetLineWidth (page, 0.4);
  stroke_colour (page, &grid_colour);
  for (int v = 0; v <= CREPITUS_HISTORY_NPRS_MAX; v += CREPITUS_HISTORY_NPRS_STEP)
    {
      double y = y_of (chart, v, CREPITUS_HISTORY_NPRS_MAX);
      g_autofree char *nprs = g_strdup_printf ("%d", v);
      g_autofree char *odi = g_strdup_printf ("%d", v * CREPITUS_HISTORY_ODI_MAX /
                                                    CREPITUS_HISTORY_NPRS_MAX);

      HPDF_Page_MoveTo (page, chart->left, y);
      HPDF_Page_LineTo (page, chart->right, y);
      HPDF_Page_Stroke (page);
      chart_text (chart, chart->left - 4, y - 3, 1, &nprs_colour, nprs);
      chart_text (chart, chart->right + 4, y - 3, -1, &odi_colour, odi);
    }
  HPDF_Page_SetLineWidth (page, 0.8);
  stroke_colour (page, &axis_colour);
  HPDF_Page_MoveTo (page, chart->left, chart->top);
  HPDF_Page_LineTo (page, chart->left, chart->bottom);
  HPDF_Page_LineTo (page, chart->right, chart->bottom);
  HPDF_Page_LineTo (page, chart->right, chart->top);
  HPDF_Page_Stroke (page);
}

static void
draw_dates (Chart                 *chart,
            const CrepitusHistory *history)
{
  guint n = crepitus_history_get_n_visits (history);
  /* Every date has the same digits and separators in the report's format. */
  g_autofree char *widest = crepitus_locale_format_date (NULL, "2000-12-28");
  double date_width = text_width (chart, widest) + 8;
  guint max_labels = MAX (1, (guint) ((chart->right - chart->left) / date_width));

  HPDF_Page_SetLineWidth (chart->page, 0.8);
  stroke_colour (chart->page, &axis_colour);
  for (guint i = 0; i < n; i++)
    {
      double x = x_of (chart, history, i);

      HPDF_Page_MoveTo (chart->page, x, chart->bottom);
      HPDF_Page_LineTo (chart->page, x, chart->bottom - 3);
      HPDF_Page_Stroke (chart->page);
      if (crepitus_history_date_labelled (history, i, max_labels))
        {
          g_autofree char *label =
            crepitus_history_dup_cell (crepitus_history_get_visit (history, i),
                                       CREPITUS_HISTORY_DATE);

          chart_text (chart, x, chart->bottom - 12, 0, NULL, label);
        }
    }
}

/* One series: a line through the visits where it is recorded, and a mark at each. */
static void
draw_series (Chart                 *chart,
             const CrepitusHistory *history,
             gboolean               nprs)
{
  HPDF_Page page = chart->page;
  guint n = crepitus_history_get_n_visits (history);
  const Color *colour = nprs ? &nprs_colour : &odi_colour;
  gboolean started = FALSE;

  HPDF_Page_SetLineWidth (page, 1.6);
  stroke_colour (page, colour);
  fill_colour (page, colour);
  if (!nprs)
    {
      static const HPDF_UINT16 dash[] = { 5, 3 };

      HPDF_Page_SetDash (page, dash, 2, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      const CrepitusHistoryVisit *visit = crepitus_history_get_visit (history, i);
      double x = x_of (chart, history, i);
      double y;

      if (nprs && visit->scores.nprs >= 0)
        y = y_of (chart, visit->scores.nprs, CREPITUS_HISTORY_NPRS_MAX);
      else if (!nprs && visit->scores.odi_recorded && visit->scores.odi_scored)
        y = y_of (chart, visit->scores.odi_percent, CREPITUS_HISTORY_ODI_MAX);
      else
        continue;
      if (started)
        HPDF_Page_LineTo (page, x, y);
      else
        HPDF_Page_MoveTo (page, x, y);
      started = TRUE;
    }
  if (started)
    HPDF_Page_Stroke (page);
  HPDF_Page_SetDash (page, NULL, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      const CrepitusHistoryVisit *visit = crepitus_history_get_visit (history, i);
      double x = x_of (chart, history, i);

      if (nprs && visit->scores.nprs >= 0)
        {
          double y = y_of (chart, visit->scores.nprs, CREPITUS_HISTORY_NPRS_MAX);

          HPDF_Page_Circle (page, x, y, MARK_RADIUS);
          HPDF_Page_Fill (page);
          if (visit->nprs_important)
            {
              g_autofree char *change = g_strdup_printf ("%+d", visit->nprs_change);

              HPDF_Page_SetLineWidth (page, 1.4);
              stroke_colour (page, &mark_colour);
              HPDF_Page_Circle (page, x, y, MARK_RADIUS + 3);
              HPDF_Page_Stroke (page);
              /* The size of the change in words while visits are far enough apart: below
               * a fall, above a rise, away from the line that led to it. */
              if (n < 2 || x_of (chart, history, 1) - x_of (chart, history, 0) >= MIN_LABEL_GAP)
                chart_text (chart, x, visit->nprs_change < 0 ? y - MARK_RADIUS - 13
                                                             : y + MARK_RADIUS + 6,
                            0, &mark_colour, change);
              fill_colour (page, colour);
            }
        }
      else if (!nprs && visit->scores.odi_recorded && visit->scores.odi_scored)
        {
          double y = y_of (chart, visit->scores.odi_percent, CREPITUS_HISTORY_ODI_MAX);

          HPDF_Page_Rectangle (page, x - MARK_RADIUS, y - MARK_RADIUS, 2 * MARK_RADIUS,
                               2 * MARK_RADIUS);
          HPDF_Page_Fill (page);
        }
    }
}

/* The key above the plot: what each line and mark means. */
static void
draw_legend (Chart  *chart,
             double  left,
             double  baseline)
{
  HPDF_Page page = chart->page;
  static const HPDF_UINT16 dash[] = { 5, 3 };
  double x = left;

  HPDF_Page_SetLineWidth (page, 1.6);
  stroke_colour (page, &nprs_colour);
  HPDF_Page_MoveTo (page, x, baseline + 3);
  HPDF_Page_LineTo (page, x + 18, baseline + 3);
  HPDF_Page_Stroke (page);
  x += 22;
  x += chart_text (chart, x, baseline, -1, NULL, crepitus_history_nprs_label ()) + 14;

  stroke_colour (page, &odi_colour);
  HPDF_Page_SetDash (page, dash, 2, 0);
  HPDF_Page_MoveTo (page, x, baseline + 3);
  HPDF_Page_LineTo (page, x + 18, baseline + 3);
  HPDF_Page_Stroke (page);
  HPDF_Page_SetDash (page, NULL, 0, 0);
  x += 22;
  x += chart_text (chart, x, baseline, -1, NULL, crepitus_history_odi_label ()) + 14;

  HPDF_Page_SetLineWidth (page, 1.4);
  stroke_colour (page, &mark_colour);
  HPDF_Page_Circle (page, x + 6, baseline + 3, MARK_RADIUS + 3);
  HPDF_Page_Stroke (page);
  x += 16;
  chart_text (chart, x, baseline, -1, NULL, crepitus_history_important_label ());
}

static void
draw_chart (CrepitusPdfLayout *layout,
            gpointer           page,
            double             left,
            double             top,
            double             width,
            double             height,
            gpointer           user_data)
{
  const CrepitusHistory *history = user_data;
  Chart chart = { layout, page, 0, 0, 0, 0 };

  chart.left = left + AXIS_WIDTH;
  chart.right = left + width - AXIS_WIDTH;
  chart.top = top - LEGEND_HEIGHT - 16;
  chart.bottom = top - height + DATES_HEIGHT;

  draw_legend (&chart, left, top - 12);
  draw_grid (&chart);
  draw_dates (&chart, history);
  draw_series (&chart, history, FALSE);
  draw_series (&chart, history, TRUE);
}

void
crepitus_pdf_chart_add (CrepitusPdfLayout     *layout,
                        const CrepitusHistory *history)
{
  g_return_if_fail (layout != NULL);

  if (!crepitus_history_has_chart (history))
    return;
  crepitus_pdf_layout_heading (layout, CREPITUS_PDF_STYLE_HEADING,
                               crepitus_history_chart_title ());
  crepitus_pdf_layout_drawing (layout, CREPITUS_PDF_CHART_HEIGHT, draw_chart,
                               (gpointer) history, NULL);
}
