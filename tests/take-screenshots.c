/* take-screenshots.c — screenshots of the window on a realistic assessment, each page in the
 * light and the dark style, for data/screenshots/ and for looking at (not a test)
 *
 *   take-screenshots OUTPUT-FOLDER
 *
 * Needs a display (data/screenshots/take-screenshots.sh runs it under xvfb-run). The window
 * is rendered by GTK itself into PNG files: what a clinician would see, without the desktop
 * around it.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "crepitus-locale.h"
#include "crepitus-application-private.h"
#include "crepitus-assessment-view.h"
#include "crepitus-history-view.h"
#include "crepitus-patient-page.h"
#include "crepitus-preferences-window.h"
#include "crepitus-window.h"
#include "crepitus-test-ui.h"
#include "crepitus-test-util.h"

#define WIDTH 1200
#define HEIGHT 820

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("take-screenshots: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* A patient with a visit the way a clinician would have recorded it, nearly finished: two
 * red flags still to ask about. */
static CrepitusAssessment *
record_visit (CrepitusStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autofree char *today = crepitus_date_today ();
  CrepitusAssessment *a;
  CrepitusFactorRecord *record;
  static const char * const others[][4] = {
    { "Nowak", "Ewa", "1962-11-04", "A-0982" },
    { "Okafor", "Chidi", "1991-06-17", "A-1044" },
    { "Lindqvist", "Maja", "1978-01-30", "A-1107" },
    { "Müller", "Jürgen", "1955-08-22", "A-0871" },
    { "Sørensen", "Freja", "2001-04-09", "A-1153" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(CrepitusPatient) other = crepitus_patient_new ();

      crepitus_patient_set_family_name (other, others[i][0]);
      crepitus_patient_set_given_name (other, others[i][1]);
      crepitus_patient_set_birth_date (other, others[i][2]);
      crepitus_patient_set_mrn (other, others[i][3]);
      if (!crepitus_store_save_patient (store, other, NULL, &error))
        die ("patient", error);
    }

  crepitus_patient_set_family_name (patient, "García");
  crepitus_patient_set_given_name (patient, "Lucía");
  crepitus_patient_set_birth_date (patient, "1984-03-12");
  crepitus_patient_set_mrn (patient, "A-1001");
  crepitus_patient_set_sex (patient, CREPITUS_SEX_FEMALE);
  crepitus_patient_set_language (patient, "es");
  if (!crepitus_store_save_patient (store, patient, NULL, &error))
    die ("patient", error);

  a = crepitus_assessment_new (patient);
  crepitus_assessment_set_date (a, today);
  crepitus_assessment_set_clinician (a, "Dr Ana Ruiz");
  crepitus_assessment_set_side (a, CREPITUS_SIDE_LEFT);
  crepitus_assessment_set_member (a, CREPITUS_LIST_LOCATION, "lumbar-left", TRUE);
  crepitus_assessment_set_member (a, CREPITUS_LIST_LOCATION, "sacroiliac-left", TRUE);
  crepitus_assessment_set_sound (a, CREPITUS_SOUND_CLICK);
  crepitus_assessment_set_frequency (a, CREPITUS_FREQUENCY_FREQUENT);
  crepitus_assessment_set_duration_weeks (a, 8);
  crepitus_assessment_set_member (a, CREPITUS_LIST_MOVEMENT, "trunk-rotation", TRUE);
  crepitus_assessment_set_member (a, CREPITUS_LIST_MOVEMENT, "leg-extension", TRUE);
  crepitus_assessment_set_member (a, CREPITUS_LIST_MOVEMENT, "lifting", TRUE);
  crepitus_assessment_set_pain_score (a, 3);
  crepitus_assessment_set_member (a, CREPITUS_LIST_SYMPTOM, "pain", TRUE);
  crepitus_assessment_set_member (a, CREPITUS_LIST_SYMPTOM, "stiffness", TRUE);
  crepitus_assessment_set_member (a, CREPITUS_LIST_SYMPTOM, "tingling", TRUE);
  crepitus_assessment_set_member (a, CREPITUS_LIST_HISTORY, "low-back-pain", TRUE);
  for (guint i = 0; i < crepitus_catalog_count (CREPITUS_LIST_RED_FLAG); i++)
    {
      const char *flag = crepitus_catalog_key (CREPITUS_LIST_RED_FLAG, i);

      if (!g_str_equal (flag, "fever") && !g_str_equal (flag, "night-pain"))
        crepitus_assessment_set_red_flag (a, flag, CREPITUS_RED_FLAG_ABSENT);
    }
  record = crepitus_assessment_get_factor (a, "joint-cavitation");
  crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_LIKELY);
  crepitus_factor_record_set_finding (record, "gas-release-pop", TRUE);
  crepitus_factor_record_set_finding (record, "facet-joint-involvement", TRUE);
  crepitus_factor_record_set_notes (record, "Single pop on extension with rotation, eases after.");
  record = crepitus_assessment_get_factor (a, "muscle-imbalances");
  crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_POSSIBLE);
  crepitus_factor_record_set_finding (record, "weak-gluteus-medius", TRUE);
  crepitus_factor_record_set_finding (record, "tight-hip-flexors", TRUE);
  record = crepitus_assessment_get_factor (a, "nerve-impingement");
  crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_UNLIKELY);
  crepitus_assessment_set_scoliosis (a, CREPITUS_SCOLIOSIS_NONE);
  crepitus_assessment_set_lordosis (a, CREPITUS_LORDOSIS_INCREASED);
  crepitus_assessment_set_pelvic_tilt (a, CREPITUS_PELVIC_TILT_ANTERIOR);
  crepitus_assessment_set_kyphosis (a, CREPITUS_KYPHOSIS_NORMAL);
  crepitus_assessment_set_forward_head (a, CREPITUS_TRISTATE_NO);
  crepitus_assessment_set_posture_notes (a, "Standing: mild anterior pelvic tilt, lumbar "
                                            "lordosis increased; level shoulders.");
  crepitus_assessment_set_notes (a, "Pops when getting out of the car and rising from a chair. "
                                    "Tingling down the left buttock after long drives.");
  crepitus_assessment_set_review_weeks (a, 6);
  {
    g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();
    static const int odi[] = { 2, 1, 2, 1, 2, 1, 1, -1, 1, 2 };
    static const int items[] = { 1, 0, 0, 0, 1, 0, 1, 0 };

    measures->has_odi = TRUE;
    memcpy (measures->odi, odi, sizeof odi);
    measures->has_start_back = TRUE;
    memcpy (measures->start_back_items, items, sizeof items);
    measures->bothersomeness = 2;
    measures->has_beighton = TRUE;
    for (guint i = 0; i < 5; i++)
      measures->beighton[i] = TRUE;
    measures->tests[0].result = 2;    /* straight leg raise positive, left */
    measures->tests[0].side = 0;
    measures->tests[4].result = 1;    /* Trendelenburg negative, both */
    measures->tests[4].side = 2;
    crepitus_assessment_set_measures (a, measures);
  }
  if (!crepitus_store_save_assessment (store, a, NULL, &error))
    die ("assessment", error);
  return a;
}

/* Renders @window into @folder/@name.png, as GTK draws it. */
static void
save_png (GtkWindow  *window,
          const char *folder,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    die (path, NULL);
  g_print ("%s\n", path);
}

/* No focus ring and no selected text in a picture. */
static void
unfocus (GtkWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  if (focus != NULL && GTK_IS_EDITABLE (focus))
    gtk_editable_select_region (GTK_EDITABLE (focus), 0, 0);
  gtk_window_set_focus (window, NULL);
}

/* Lets layout, style and bindings settle. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 300 * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char * const schemes[] = { "light", "dark" };
  static const char * const pages[] = { "intake", "red-flags", "checklist", "posture", "measures",
                                         "summary" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(CrepitusApplication) app = NULL;
  g_autoptr(CrepitusAssessment) visit = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db = NULL;
  const char *folder;
  CrepitusWindow *window;
  CrepitusAssessmentView *view;
  AdwStyleManager *style;

  /* In the desktop's language, as `crepitus` (LANGUAGE=de take-screenshots.sh for German). */
  crepitus_locale_setup_ui ();
  gtk_init ();
  adw_init ();
  if (argc != 2)
    {
      g_printerr ("usage: take-screenshots OUTPUT-FOLDER\n");
      return 2;
    }
  folder = argv[1];
  g_mkdir_with_parents (folder, 0755);

  /* A quiet, GNOME-looking desktop: Cantarell when it is installed, no animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  {
    PangoFontMap *fonts = pango_cairo_font_map_get_default ();
    PangoFontFamily **families;
    int n;

    pango_font_map_list_families (fonts, &families, &n);
    for (int i = 0; i < n; i++)
      if (g_str_equal (pango_font_family_get_name (families[i]), "Cantarell"))
        g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
    g_free (families);
  }

  settings = g_settings_new ("org.crepitus.Crepitus");
  g_settings_set_string (settings, "clinician-name", "Dr Ana Ruiz");
  g_settings_set_int (settings, "window-width", WIDTH);
  g_settings_set_int (settings, "window-height", HEIGHT);

  tmpdir = g_dir_make_tmp ("crepitus-screenshots-XXXXXX", &error);
  if (tmpdir == NULL)
    die ("temporary folder", error);
  db = g_build_filename (tmpdir, "clinic.db", NULL);
  {
    g_autoptr(CrepitusStore) store = crepitus_store_open (db, &error);

    if (store == NULL)
      die (db, error);
    crepitus_store_set_clinician (store, "Dr Ana Ruiz");
    visit = record_visit (store);
  }

  app = crepitus_application_new (db, NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    die ("register", error);
  g_application_activate (G_APPLICATION (app));
  window = CREPITUS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));
  crepitus_test_wait_for (!crepitus_application_get_store_opening (app));
  style = adw_style_manager_get_default ();

  /* The patient list and the patient. */
  {
    GtkWidget *list = crepitus_test_find_styled (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW,
                                                 "navigation-sidebar");
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(CrepitusPatient) patient = g_list_model_get_item (model, i);

        if (g_str_equal (crepitus_patient_get_family_name (patient), "García"))
          {
            /* Selected, as a click would leave it. */
            gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i, TRUE);
            g_signal_emit_by_name (list, "activate", i);
          }
      }
  }
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autofree char *name = g_strdup_printf ("patient-%s", schemes[s]);

      adw_style_manager_set_color_scheme (style, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                        : ADW_COLOR_SCHEME_FORCE_DARK);
      settle ();
      save_png (GTK_WINDOW (window), folder, name);
    }

  /* The assessment, page by page. */
  {
    CrepitusPatientPage *patient_page =
      CREPITUS_PATIENT_PAGE (crepitus_test_find_widget (GTK_WIDGET (window),
                                                        CREPITUS_TYPE_PATIENT_PAGE));
    GListModel *assessments = crepitus_patient_page_get_assessments (patient_page);
    g_autoptr(CrepitusAssessment) listed = g_list_model_get_item (assessments, 0);

    g_signal_emit_by_name (patient_page, "assessment-activated", listed);
  }
  view = CREPITUS_ASSESSMENT_VIEW (crepitus_test_find_widget (GTK_WIDGET (window),
                                                              CREPITUS_TYPE_ASSESSMENT_VIEW));
  /* A factor open, as a clinician working through the checklist would have it: its
   * judgement, findings, notes and the tip that bears on it. */
  {
    GtkWidget *factor = crepitus_test_find_row (GTK_WIDGET (view), "Muscle imbalances");

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (factor), TRUE);
  }
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      adw_style_manager_set_color_scheme (style, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                        : ADW_COLOR_SCHEME_FORCE_DARK);
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", pages[p], schemes[s]);

          crepitus_assessment_view_set_page (view, pages[p]);
          unfocus (GTK_WINDOW (window));
          settle ();
          save_png (GTK_WINDOW (window), folder, name);
        }
      /* The end of the intake: history, follow-up and notes. */
      {
        g_autofree char *name = g_strdup_printf ("intake-end-%s", schemes[s]);
        GtkWidget *intake = crepitus_test_find_widget (GTK_WIDGET (view), ADW_TYPE_PREFERENCES_PAGE);
        GtkWidget *scrolled = crepitus_test_find_widget (intake, GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment;

        crepitus_assessment_view_set_page (view, "intake");
        unfocus (GTK_WINDOW (window));
        settle ();
        adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        settle ();
        save_png (GTK_WINDOW (window), folder, name);
        gtk_adjustment_set_value (adjustment, 0);
      }
    }

  /* Signed: read-only, who signed it and when. */
  {
    CrepitusAssessment *open = crepitus_assessment_view_get_assessment (view);

    for (guint i = 0; i < crepitus_catalog_count (CREPITUS_LIST_RED_FLAG); i++)
      if (crepitus_assessment_get_red_flag (open, crepitus_catalog_key (CREPITUS_LIST_RED_FLAG, i))
          == CREPITUS_RED_FLAG_NOT_ASKED)
        crepitus_assessment_set_red_flag (open, crepitus_catalog_key (CREPITUS_LIST_RED_FLAG, i),
                                          CREPITUS_RED_FLAG_ABSENT);
    gtk_widget_activate_action (GTK_WIDGET (view), "assessment.sign", NULL);
    crepitus_assessment_view_set_page (view, "summary");
    for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
      {
        g_autofree char *name = g_strdup_printf ("signed-%s", schemes[s]);

        adw_style_manager_set_color_scheme (style, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                          : ADW_COLOR_SCHEME_FORCE_DARK);
        unfocus (GTK_WINDOW (window));
        settle ();
        save_png (GTK_WINDOW (window), folder, name);
      }
  }

  /* The preferences, filled in as a clinic would. */
  g_settings_set_string (settings, "clinic-name", "Clínica del Sol");
  g_settings_set_string (settings, "clinic-address", "12 Calle Mayor, 41001 Sevilla");
  g_settings_set_string (settings, "clinic-phone", "+34 955 000 111");
  g_settings_set_string (settings, "emergency-number", "112");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preferences", NULL);
  {
    GtkWindow *prefs = crepitus_test_find_toplevel (CREPITUS_TYPE_PREFERENCES_WINDOW);

    crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (prefs)));
    for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
      {
        g_autofree char *name = g_strdup_printf ("preferences-%s", schemes[s]);

        adw_style_manager_set_color_scheme (style, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                          : ADW_COLOR_SCHEME_FORCE_DARK);
        unfocus (prefs);
        settle ();
        save_png (prefs, folder, name);
      }
    gtk_window_destroy (prefs);
  }

  /* The History view of a patient followed over six visits. */
  {
    static const struct { const char *date; int nprs; int odi; } visits[] = {
      { "2026-03-02", 8, 3 }, { "2026-04-13", 7, 3 }, { "2026-05-25", 4, 2 },
      { "2026-07-06", 5, 2 }, { "2026-08-17", 2, 1 }, { "2026-10-05", 2, 1 },
    };
    g_autoptr(GListStore) assessments = g_list_store_new (CREPITUS_TYPE_ASSESSMENT);
    GtkWidget *history_window = gtk_window_new ();
    GtkWidget *history = crepitus_history_view_new ();

    for (guint i = 0; i < G_N_ELEMENTS (visits); i++)
      {
        g_autoptr(CrepitusAssessment) a = crepitus_assessment_new (crepitus_assessment_get_patient (visit));
        g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();

        crepitus_assessment_set_id (a, i + 1);
        crepitus_assessment_set_date (a, visits[i].date);
        crepitus_assessment_set_clinician (a, i % 2 == 0 ? "Dr Ana Ruiz" : "Dr Tomás Vidal");
        crepitus_assessment_set_pain_score (a, visits[i].nprs);
        measures->has_odi = TRUE;
        for (guint k = 0; k < CREPITUS_ODI_N_SECTIONS; k++)
          measures->odi[k] = visits[i].odi + (k % 3 == 0);
        crepitus_assessment_set_measures (a, measures);
        g_list_store_append (assessments, a);
      }
    crepitus_history_view_set_assessments (CREPITUS_HISTORY_VIEW (history),
                                           G_LIST_MODEL (assessments));
    gtk_widget_set_margin_start (history, 24);
    gtk_widget_set_margin_end (history, 24);
    gtk_widget_set_margin_top (history, 24);
    gtk_widget_set_margin_bottom (history, 24);
    gtk_window_set_child (GTK_WINDOW (history_window), history);
    gtk_window_set_default_size (GTK_WINDOW (history_window), 820, 560);
    gtk_window_present (GTK_WINDOW (history_window));
    crepitus_test_wait_for (gtk_widget_get_mapped (history_window));
    for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
      {
        g_autofree char *name = g_strdup_printf ("history-%s", schemes[s]);

        adw_style_manager_set_color_scheme (style, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                          : ADW_COLOR_SCHEME_FORCE_DARK);
        settle ();
        save_png (GTK_WINDOW (history_window), folder, name);
      }
    gtk_window_destroy (GTK_WINDOW (history_window));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  crepitus_test_flush ();
  crepitus_test_remove_tree (tmpdir);
  return 0;
}
