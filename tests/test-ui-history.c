/* test-ui-history.c — the History view of a patient: its table and its chart for 0, 1, 2 and
 * 50 visits, the marked NPRS changes, the light and the dark style, edits followed, and the
 * view on the patient page (Xvfb) */
#include "config.h"

#include "crepitus-history-view.h"
#include "crepitus-patient-page.h"
#include "crepitus-test-ui.h"

typedef struct
{
  GtkWidget           *window;
  CrepitusHistoryView *view;
  CrepitusPatient     *patient;
  GListStore          *assessments;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->patient = crepitus_patient_new ();
  crepitus_patient_set_family_name (f->patient, "Nowak");
  f->assessments = g_list_store_new (CREPITUS_TYPE_ASSESSMENT);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  f->view = CREPITUS_HISTORY_VIEW (crepitus_history_view_new ());
  crepitus_history_view_set_assessments (f->view, G_LIST_MODEL (f->assessments));
  gtk_window_set_child (GTK_WINDOW (f->window),
                        g_object_new (GTK_TYPE_SCROLLED_WINDOW, "child", f->view, NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  crepitus_test_wait_for (gtk_widget_get_mapped (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->assessments);
  g_object_unref (f->patient);
}

static CrepitusAssessment *
add_visit (Fixture    *f,
           const char *date,
           int         nprs,
           int         odi_each)
{
  g_autoptr(CrepitusAssessment) a = crepitus_assessment_new (f->patient);

  crepitus_assessment_set_id (a, g_list_model_get_n_items (G_LIST_MODEL (f->assessments)) + 1);
  crepitus_assessment_set_date (a, date);
  crepitus_assessment_set_clinician (a, "Dr Ana Ruiz");
  crepitus_assessment_set_pain_score (a, nprs);
  if (odi_each >= 0)
    {
      g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();

      measures->has_odi = TRUE;
      for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
        measures->odi[i] = odi_each;
      crepitus_assessment_set_measures (a, measures);
    }
  g_list_store_append (f->assessments, a);
  return a;
}

static void
add_visits (Fixture *f,
            guint    n)
{
  g_autoptr(GDate) date = g_date_new_dmy (3, G_DATE_JANUARY, 2022);

  for (guint i = 0; i < n; i++)
    {
      char day[16];

      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      add_visit (f, day, (i * 3) % 11, i % 6);
      g_date_add_days (date, 7);
    }
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
}

/* Waits until the window has been painted once more. */
static void
wait_for_paint (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (f->window);
  guint painted = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gtk_widget_queue_draw (f->window);
  crepitus_test_wait_for (painted > 0);
  g_signal_handler_disconnect (clock, id);
}

/* Waits for the view to show @n visits (it rebuilds on idle after changes). */
static void
wait_for_visits (Fixture *f,
                 guint    n)
{
#define SHOWN(f) crepitus_history_view_get_history ((f)->view)
  crepitus_test_wait_for (SHOWN (f) != NULL && crepitus_history_get_n_visits (SHOWN (f)) == n);
#undef SHOWN
  crepitus_test_flush ();
  wait_for_paint (f);
}

/* The label of the table at @column, @row (0 is the header). */
static GtkLabel *
cell (Fixture *f,
      int      column,
      int      row)
{
  GtkWidget *child = gtk_grid_get_child_at (crepitus_history_view_get_table (f->view), column, row);

  return child != NULL ? GTK_LABEL (child) : NULL;
}

/* The chart as GTK draws it (cairo ARGB32 pixels, premultiplied), @width × @height. */
static guchar *
render_chart (Fixture *f,
              int     *width,
              int     *height)
{
  GtkWidget *chart = GTK_WIDGET (crepitus_history_view_get_chart (f->view));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (chart);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (chart);
  *height = gtk_widget_get_height (chart);
  g_assert_cmpint (*width, >=, 320);
  g_assert_cmpint (*height, >=, 220);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), *width, *height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, *width * 4);
  return pixels;
}

/* Pixels of the chart drawn in a strong blue (the accent: the NPRS line and dots). */
static guint
count_accent (const guchar *pixels,
              int           width,
              int           height)
{
  guint n = 0;

  for (int i = 0; i < width * height; i++)
    {
      const guchar *p = pixels + 4 * i;   /* B, G, R, A */

      if (p[3] > 200 && p[0] > p[2] + 60 && p[0] > p[1] + 20)
        n++;
    }
  return n;
}

/* The chart for 0, 1, 2 and 50 visits: no crash, a row a visit in the table, and the NPRS
 * line drawn once there are points to join. */
static void
test_sizes (Fixture       *f,
            gconstpointer  data)
{
  static const guint sizes[] = { 0, 1, 2, 50 };
  guint accent[G_N_ELEMENTS (sizes)];

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree guchar *pixels = NULL;
      const CrepitusHistory *history;
      GtkWidget *table = GTK_WIDGET (crepitus_history_view_get_table (f->view));
      int width, height;

      g_list_store_remove_all (f->assessments);
      add_visits (f, sizes[s]);
      wait_for_visits (f, sizes[s]);
      history = crepitus_history_view_get_history (f->view);

      g_assert_cmpint (crepitus_history_has_chart (history), ==, sizes[s] >= 2);
      g_assert_cmpint (gtk_widget_get_visible (table), ==, sizes[s] > 0);
      if (sizes[s] > 0)
        {
          g_assert_cmpstr (gtk_label_get_text (cell (f, 0, 0)), ==, "Date");
          g_assert_cmpstr (gtk_label_get_text (cell (f, 0, 1)), ==, "2022-01-03");
          g_assert_nonnull (cell (f, CREPITUS_HISTORY_BEIGHTON, sizes[s]));
          g_assert_null (cell (f, 0, sizes[s] + 1));
        }
      pixels = render_chart (f, &width, &height);
      accent[s] = count_accent (pixels, width, height);
    }
  /* The key's sample line only, then a dot, then a line, then fifty dots and their line. */
  g_assert_cmpuint (accent[0], >, 0);
  g_assert_cmpuint (accent[1], >, accent[0]);
  g_assert_cmpuint (accent[2], >, accent[1]);
  g_assert_cmpuint (accent[3], >, accent[2]);
}

/* Changes of 2 or more marked in the table (and ringed in the chart from the same model). */
static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  add_visit (f, "2026-01-05", 7, 3);
  add_visit (f, "2026-02-02", 6, 2);
  add_visit (f, "2026-03-02", 3, 1);
  wait_for_visits (f, 3);

  g_assert_cmpstr (gtk_label_get_text (cell (f, CREPITUS_HISTORY_NPRS, 2)), ==, "6");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell (f, CREPITUS_HISTORY_NPRS, 2)),
                                            "error"));
  g_assert_cmpstr (gtk_label_get_text (cell (f, CREPITUS_HISTORY_NPRS, 3)), ==, "3 (-3)");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell (f, CREPITUS_HISTORY_NPRS, 3)),
                                           "error"));
  g_assert_cmpstr (gtk_label_get_text (cell (f, CREPITUS_HISTORY_ODI, 3)), ==, "20");
  g_assert_cmpuint (crepitus_history_get_n_important (crepitus_history_view_get_history (f->view)),
                    ==, 1);
}

/* Luminance of the pixel at @x, @y, 0–255. */
static int
luminance (const guchar *pixels,
           int           width,
           int           x,
           int           y)
{
  const guchar *p = pixels + 4 * (y * width + x);

  return (p[0] + p[1] + p[2]) / 3;
}

/* The axes are drawn in the style's foreground: dark on light, light on dark. */
static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  int axis_light, axis_dark;

  add_visits (f, 3);
  wait_for_visits (f, 3);
  for (int s = 0; s < 2; s++)
    {
      g_autofree guchar *pixels = NULL;
      int width, height;

      adw_style_manager_set_color_scheme (style, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                        : ADW_COLOR_SCHEME_FORCE_DARK);
      crepitus_test_wait_for (adw_style_manager_get_dark (style) == (s == 1));
      crepitus_test_flush ();
      wait_for_paint (f);
      pixels = render_chart (f, &width, &height);
      /* The left axis, halfway down the plot. */
      if (s == 0)
        axis_light = luminance (pixels, width, 34, height / 2);
      else
        axis_dark = luminance (pixels, width, 34, height / 2);
    }
  g_assert_cmpint (axis_light, <, 100);
  g_assert_cmpint (axis_dark, >, 150);
}

/* Edits of an assessment, a new one, and a superseded original reach the view. */
static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  CrepitusAssessment *first = add_visit (f, "2026-01-05", 7, -1);
  CrepitusAssessment *second;

  wait_for_visits (f, 1);
  second = add_visit (f, "2026-02-02", 6, -1);
  wait_for_visits (f, 2);
  g_assert_cmpstr (gtk_label_get_text (cell (f, CREPITUS_HISTORY_NPRS, 2)), ==, "6");

  crepitus_assessment_set_pain_score (second, 2);
  crepitus_test_wait_for (g_str_equal (gtk_label_get_text (cell (f, CREPITUS_HISTORY_NPRS, 2)),
                                       "2 (-5)"));

  crepitus_assessment_set_signed_by (first, "Dr Ana Ruiz");
  crepitus_assessment_set_superseded_by (first, 3);
  wait_for_visits (f, 1);
  g_assert_cmpstr (gtk_label_get_text (cell (f, CREPITUS_HISTORY_DATE, 1)), ==, "2026-02-02");
  g_assert_cmpstr (gtk_label_get_text (cell (f, CREPITUS_HISTORY_NPRS, 1)), ==, "2");
}

/* The patient page shows the history of the assessments it lists. */
static void
test_patient_page (void)
{
  GtkWidget *window = gtk_window_new ();
  CrepitusPatientPage *page = g_object_new (CREPITUS_TYPE_PATIENT_PAGE, NULL);
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autoptr(GListStore) assessments = g_list_store_new (CREPITUS_TYPE_ASSESSMENT);
  const CrepitusHistory *history;
  CrepitusHistoryView *view;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CrepitusAssessment) a = crepitus_assessment_new (patient);

      crepitus_assessment_set_date (a, i == 0 ? "2026-01-05" : "2026-02-02");
      crepitus_assessment_set_pain_score (a, i == 0 ? 8 : 4);
      g_list_store_append (assessments, a);
    }
  crepitus_patient_set_family_name (patient, "Nowak");
  crepitus_patient_page_set_patient (page, patient);
  crepitus_patient_page_set_assessments (page, G_LIST_MODEL (assessments));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  crepitus_test_wait_for (gtk_widget_get_mapped (window));

  view = CREPITUS_HISTORY_VIEW (crepitus_test_find_widget (GTK_WIDGET (page),
                                                          CREPITUS_TYPE_HISTORY_VIEW));
  g_assert_nonnull (view);
  g_assert_true (crepitus_history_view_get_assessments (view) == G_LIST_MODEL (assessments));
  history = crepitus_history_view_get_history (view);
  g_assert_cmpuint (crepitus_history_get_n_visits (history), ==, 2);
  g_assert_cmpuint (crepitus_history_get_n_important (history), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/crepitus/ui/history/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("sizes", test_sizes);
  ADD ("marks", test_marks);
  ADD ("dark", test_dark);
  ADD ("follows-edits", test_follows_edits);
  g_test_add_func ("/crepitus/ui/history/patient-page", test_patient_page);

#undef ADD

  return g_test_run ();
}
