/* crepitus-history-chart.c — the chart of a patient's NPRS and ODI across visits
 *
 * Drawn with cairo through GtkSnapshot (gtk_snapshot_append_cairo, GTK 4.8) from the model of
 * crepitus-history.c, which also decides which NPRS changes are marked. Colours come from the
 * style (the foreground, the accent, the warning and error colours), so the chart reads in
 * the dark style as in the light; every mark also has a shape and words, never colour alone.
 */
#define G_LOG_DOMAIN "crepitus-history-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-history-chart.h"
#include "crepitus-locale.h"

#define AXIS_WIDTH    34.0
#define LEGEND_HEIGHT 26.0
#define DATES_HEIGHT  24.0
#define MARK_RADIUS   4.0
#define MIN_LABEL_GAP 22.0    /* between visits, for the size of a change beside its ring */

struct _CrepitusHistoryChart
{
  GtkWidget        parent_instance;
  CrepitusHistory *history;        /* owned */
};

G_DEFINE_FINAL_TYPE (CrepitusHistoryChart, crepitus_history_chart, GTK_TYPE_WIDGET)

typedef struct
{
  GtkWidget *widget;
  cairo_t   *cr;
  GdkRGBA    fg, nprs, odi, mark, grid;
  double     left, right, top, bottom;
} Chart;

/* A named colour of the theme (libadwaita's accent_color, warning_color, error_color), or
 * @fallback. */
static GdkRGBA
theme_colour (GtkWidget  *widget,
              const char *name,
              const char *fallback)
{
  GdkRGBA colour;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &colour))
    gdk_rgba_parse (&colour, fallback);
G_GNUC_END_IGNORE_DEPRECATIONS
  return colour;
}

static GdkRGBA
foreground (GtkWidget *widget)
{
  GdkRGBA colour;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &colour);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
#endif
  return colour;
}

/* @text at @x (its left, centre or right by @align -1, 0, 1), its middle at @y; returns its
 * width. */
static double
chart_text (Chart         *chart,
            double         x,
            double         y,
            int            align,
            const GdkRGBA *colour,
            const char    *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (chart->widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  if (align == 0)
    x -= width / 2.0;
  else if (align > 0)
    x -= width;
  gdk_cairo_set_source_rgba (chart->cr, colour);
  cairo_move_to (chart->cr, x, y - height / 2.0);
  pango_cairo_show_layout (chart->cr, layout);
  cairo_new_path (chart->cr);
  return width;
}

static double
text_width (Chart      *chart,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (chart->widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static double
x_of (Chart                 *chart,
      const CrepitusHistory *history,
      guint                  index)
{
  double inset = 12;

  return chart->left + inset +
         crepitus_history_x (history, index) * (chart->right - chart->left - 2 * inset);
}

static double
y_of (Chart *chart,
      int    value,
      int    max)
{
  return chart->bottom - (double) value / max * (chart->bottom - chart->top);
}

static void
draw_grid (Chart *chart)
{
  cairo_t *cr = chart->cr;

  cairo_set_line_width (cr, 1);
  for (int v = 0; v <= CREPITUS_HISTORY_NPRS_MAX; v += CREPITUS_HISTORY_NPRS_STEP)
    {
      double y = round (y_of (chart, v, CREPITUS_HISTORY_NPRS_MAX)) + 0.5;
      g_autofree char *nprs = g_strdup_printf ("%d", v);
      g_autofree char *odi = g_strdup_printf ("%d", v * CREPITUS_HISTORY_ODI_MAX /
                                                    CREPITUS_HISTORY_NPRS_MAX);

      gdk_cairo_set_source_rgba (cr, &chart->grid);
      cairo_move_to (cr, chart->left, y);
      cairo_line_to (cr, chart->right, y);
      cairo_stroke (cr);
      chart_text (chart, chart->left - 6, y, 1, &chart->nprs, nprs);
      chart_text (chart, chart->right + 6, y, -1, &chart->odi, odi);
    }
  gdk_cairo_set_source_rgba (cr, &chart->fg);
  cairo_move_to (cr, chart->left + 0.5, chart->top);
  cairo_line_to (cr, chart->left + 0.5, chart->bottom + 0.5);
  cairo_line_to (cr, chart->right - 0.5, chart->bottom + 0.5);
  cairo_line_to (cr, chart->right - 0.5, chart->top);
  cairo_stroke (cr);
}

static void
draw_dates (Chart                 *chart,
            const CrepitusHistory *history)
{
  guint n = crepitus_history_get_n_visits (history);
  /* Every date has the same digits and separators in the UI's format. */
  g_autofree char *widest = crepitus_locale_format_date (NULL, "2000-12-28");
  double date_width = text_width (chart, widest) + 12;
  guint max_labels = MAX (1, (guint) ((chart->right - chart->left) / date_width));

  gdk_cairo_set_source_rgba (chart->cr, &chart->fg);
  for (guint i = 0; i < n; i++)
    {
      double x = round (x_of (chart, history, i)) + 0.5;

      gdk_cairo_set_source_rgba (chart->cr, &chart->fg);
      cairo_move_to (chart->cr, x, chart->bottom);
      cairo_line_to (chart->cr, x, chart->bottom + 4);
      cairo_stroke (chart->cr);
      if (crepitus_history_date_labelled (history, i, max_labels))
        {
          g_autofree char *label =
            crepitus_history_dup_cell (crepitus_history_get_visit (history, i),
                                       CREPITUS_HISTORY_DATE);

          chart_text (chart, x, chart->bottom + 14, 0, &chart->fg, label);
        }
    }
}

static gboolean
value_of (const CrepitusHistoryVisit *visit,
          gboolean                    nprs,
          int                        *value)
{
  if (nprs && visit->scores.nprs >= 0)
    *value = visit->scores.nprs;
  else if (!nprs && visit->scores.odi_recorded && visit->scores.odi_scored)
    *value = visit->scores.odi_percent;
  else
    return FALSE;
  return TRUE;
}

/* One series: a line through the visits where it is recorded (NPRS solid with dots, ODI
 * dashed with squares), and the important NPRS changes ringed with their size. */
static void
draw_series (Chart                 *chart,
             const CrepitusHistory *history,
             gboolean               nprs)
{
  cairo_t *cr = chart->cr;
  guint n = crepitus_history_get_n_visits (history);
  const GdkRGBA *colour = nprs ? &chart->nprs : &chart->odi;
  int max = nprs ? CREPITUS_HISTORY_NPRS_MAX : CREPITUS_HISTORY_ODI_MAX;
  gboolean started = FALSE;
  static const double dash[] = { 6, 4 };
  int value;

  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  gdk_cairo_set_source_rgba (cr, colour);
  if (!nprs)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  for (guint i = 0; i < n; i++)
    {
      if (!value_of (crepitus_history_get_visit (history, i), nprs, &value))
        continue;
      if (started)
        cairo_line_to (cr, x_of (chart, history, i), y_of (chart, value, max));
      else
        cairo_move_to (cr, x_of (chart, history, i), y_of (chart, value, max));
      started = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      const CrepitusHistoryVisit *visit = crepitus_history_get_visit (history, i);
      double x, y;

      if (!value_of (visit, nprs, &value))
        continue;
      x = x_of (chart, history, i);
      y = y_of (chart, value, max);
      gdk_cairo_set_source_rgba (cr, colour);
      cairo_new_path (cr);
      if (nprs)
        cairo_arc (cr, x, y, MARK_RADIUS, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, x - MARK_RADIUS, y - MARK_RADIUS, 2 * MARK_RADIUS, 2 * MARK_RADIUS);
      cairo_fill (cr);
      if (nprs && visit->nprs_important)
        {
          g_autofree char *change = g_strdup_printf ("%+d", visit->nprs_change);

          gdk_cairo_set_source_rgba (cr, &chart->mark);
          cairo_set_line_width (cr, 2);
          cairo_new_path (cr);
          cairo_arc (cr, x, y, MARK_RADIUS + 4, 0, 2 * G_PI);
          cairo_stroke (cr);
          /* The size of the change in words while visits are far enough apart: below a
           * fall, above a rise, away from the line that led to it. */
          if (n < 2 || x_of (chart, history, 1) - x_of (chart, history, 0) >= MIN_LABEL_GAP)
            chart_text (chart, x, visit->nprs_change < 0 ? y + MARK_RADIUS + 14
                                                         : y - MARK_RADIUS - 14,
                        0, &chart->mark, change);
        }
    }
}

static void
draw_legend (Chart  *chart,
             double  x,
             double  y)
{
  cairo_t *cr = chart->cr;
  static const double dash[] = { 6, 4 };

  cairo_set_line_width (cr, 2);
  gdk_cairo_set_source_rgba (cr, &chart->nprs);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 20, y);
  cairo_stroke (cr);
  x += 26;
  x += chart_text (chart, x, y, -1, &chart->fg, crepitus_history_nprs_label ()) + 18;

  gdk_cairo_set_source_rgba (cr, &chart->odi);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 20, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  x += 26;
  x += chart_text (chart, x, y, -1, &chart->fg, crepitus_history_odi_label ()) + 18;

  gdk_cairo_set_source_rgba (cr, &chart->mark);
  cairo_new_path (cr);
  cairo_arc (cr, x + 8, y, MARK_RADIUS + 4, 0, 2 * G_PI);
  cairo_stroke (cr);
  x += 22;
  chart_text (chart, x, y, -1, &chart->fg, crepitus_history_important_label ());
}

static void
crepitus_history_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  CrepitusHistoryChart *self = CREPITUS_HISTORY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const char *empty = crepitus_history_empty_text (self->history);
  Chart chart = { widget, NULL };

  if (width <= 2 * AXIS_WIDTH + 24 || height <= LEGEND_HEIGHT + DATES_HEIGHT + 24)
    return;

  chart.cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  chart.fg = foreground (widget);
  chart.nprs = theme_colour (widget, "accent_color", "#1c71d8");
  chart.odi = theme_colour (widget, "warning_color", "#ae7b03");
  chart.mark = theme_colour (widget, "error_color", "#c01c28");
  chart.grid = chart.fg;
  chart.grid.alpha *= 0.15;
  chart.left = AXIS_WIDTH;
  chart.right = width - AXIS_WIDTH;
  chart.top = LEGEND_HEIGHT + 20;
  chart.bottom = height - DATES_HEIGHT;

  draw_legend (&chart, chart.left, LEGEND_HEIGHT / 2);
  draw_grid (&chart);
  if (self->history != NULL)
    {
      draw_dates (&chart, self->history);
      draw_series (&chart, self->history, FALSE);
      draw_series (&chart, self->history, TRUE);
    }
  if (empty != NULL)
    {
      GdkRGBA dim = chart.fg;

      dim.alpha *= 0.7;
      chart_text (&chart, (chart.left + chart.right) / 2, chart.top + 20, 0, &dim, empty);
    }
  cairo_destroy (chart.cr);
}

static void
crepitus_history_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 640;
    }
  else
    {
      *minimum = 220;
      *natural = 280;
    }
}

static void
crepitus_history_chart_finalize (GObject *object)
{
  CrepitusHistoryChart *self = CREPITUS_HISTORY_CHART (object);

  g_clear_pointer (&self->history, crepitus_history_free);

  G_OBJECT_CLASS (crepitus_history_chart_parent_class)->finalize (object);
}

static void
crepitus_history_chart_class_init (CrepitusHistoryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crepitus_history_chart_finalize;

  widget_class->snapshot = crepitus_history_chart_snapshot;
  widget_class->measure = crepitus_history_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "crepitus-history-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
crepitus_history_chart_init (CrepitusHistoryChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  crepitus_history_chart_title (), -1);
}

GtkWidget *
crepitus_history_chart_new (void)
{
  return g_object_new (CREPITUS_TYPE_HISTORY_CHART, NULL);
}

const CrepitusHistory *
crepitus_history_chart_get_history (CrepitusHistoryChart *self)
{
  g_return_val_if_fail (CREPITUS_IS_HISTORY_CHART (self), NULL);

  return self->history;
}

void
crepitus_history_chart_set_history (CrepitusHistoryChart *self,
                                    CrepitusHistory      *history)
{
  g_return_if_fail (CREPITUS_IS_HISTORY_CHART (self));

  if (self->history == history)
    return;
  g_clear_pointer (&self->history, crepitus_history_free);
  self->history = history;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
