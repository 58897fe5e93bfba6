/* test-history.c — a patient's visits over time (crepitus-history.c): which visits count, the
 * clinically important NPRS changes, the chart's axes for 0, 1, 2 and 50 visits, and the
 * chart in the clinician summary read back with poppler */
#include "config.h"

#include "crepitus-history.h"
#include "crepitus-test-pdf.h"

typedef struct
{
  char            *dir;
  CrepitusPatient *patient;
  GPtrArray       *assessments;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("crepitus-history-XXXXXX", &error);
  g_assert_no_error (error);
  f->patient = crepitus_patient_new ();
  crepitus_patient_set_family_name (f->patient, "Nowak");
  crepitus_patient_set_birth_date (f->patient, "1970-05-01");
  f->assessments = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->assessments);
  g_object_unref (f->patient);
  crepitus_test_remove_tree (f->dir);
  g_free (f->dir);
  assert_poppler_quiet ();
}

/* A visit on @date with NPRS @nprs (-1: not asked) and an ODI of every section at @odi_each
 * (-1: not recorded), id @id. */
static CrepitusAssessment *
add_visit (Fixture    *f,
           gint64      id,
           const char *date,
           int         nprs,
           int         odi_each)
{
  CrepitusAssessment *a = crepitus_assessment_new (f->patient);

  crepitus_assessment_set_id (a, id);
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
  g_ptr_array_add (f->assessments, a);
  return a;
}

static void
test_no_visits (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CrepitusHistory) history = crepitus_history_new (f->assessments);
  g_autoptr(CrepitusHistory) from_null = crepitus_history_new (NULL);

  g_assert_cmpuint (crepitus_history_get_n_visits (history), ==, 0);
  g_assert_cmpuint (crepitus_history_get_n_visits (from_null), ==, 0);
  g_assert_false (crepitus_history_has_chart (history));
  g_assert_false (crepitus_history_has_chart (NULL));
  g_assert_cmpuint (crepitus_history_get_n_important (history), ==, 0);
  g_assert_nonnull (crepitus_history_empty_text (history));
  g_assert_false (crepitus_history_date_labelled (history, 0, 5));
  g_assert_null (crepitus_history_find_visit (history, 1));
}

static void
test_one_visit (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CrepitusHistory) history = NULL;
  const CrepitusHistoryVisit *visit;

  add_visit (f, 1, "2026-01-05", 7, 3);
  history = crepitus_history_new (f->assessments);

  g_assert_cmpuint (crepitus_history_get_n_visits (history), ==, 1);
  g_assert_false (crepitus_history_has_chart (history));
  g_assert_nonnull (crepitus_history_empty_text (history));
  /* A lone visit in the middle, its date shown. */
  g_assert_cmpfloat (crepitus_history_x (history, 0), ==, 0.5);
  g_assert_true (crepitus_history_date_labelled (history, 0, 1));
  visit = crepitus_history_get_visit (history, 0);
  g_assert_cmpint (visit->scores.nprs, ==, 7);
  g_assert_cmpint (visit->scores.odi_percent, ==, 60);
  g_assert_false (visit->nprs_compared);
  g_assert_false (visit->nprs_important);
}

static void
test_two_visits (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CrepitusHistory) history = NULL;
  const CrepitusHistoryVisit *later;

  /* Given latest first: the history is by date. */
  add_visit (f, 2, "2026-02-02", 4, 1);
  add_visit (f, 1, "2026-01-05", 7, 3);
  history = crepitus_history_new (f->assessments);

  g_assert_cmpuint (crepitus_history_get_n_visits (history), ==, 2);
  g_assert_true (crepitus_history_has_chart (history));
  g_assert_null (crepitus_history_empty_text (history));
  g_assert_cmpstr (crepitus_history_get_visit (history, 0)->date, ==, "2026-01-05");
  g_assert_cmpfloat (crepitus_history_x (history, 0), ==, 0);
  g_assert_cmpfloat (crepitus_history_x (history, 1), ==, 1);
  g_assert_true (crepitus_history_date_labelled (history, 0, 2));
  g_assert_true (crepitus_history_date_labelled (history, 1, 2));
  later = crepitus_history_get_visit (history, 1);
  g_assert_cmpint (later->nprs_change, ==, -3);
  g_assert_true (later->nprs_important);
  g_assert_cmpuint (crepitus_history_get_n_important (history), ==, 1);
}

static void
test_fifty_visits (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrepitusHistory) history = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (3, G_DATE_JANUARY, 2022);
  guint labelled = 0;
  double last_x = -1;

  /* Weekly, NPRS 0, 1, 2, 3 … 9, 0 … (a change of 1, then 9 down at each wrap), given in a
   * scrambled order. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GDate) day = g_date_copy (date);
      char text[16];
      guint k = (i * 7) % 50;

      g_date_add_days (day, 7 * k);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
      add_visit (f, k + 1, text, k % 10, k % 6);
    }
  history = crepitus_history_new (f->assessments);

  g_assert_cmpuint (crepitus_history_get_n_visits (history), ==, 50);
  g_assert_true (crepitus_history_has_chart (history));
  for (guint i = 0; i < 50; i++)
    {
      const CrepitusHistoryVisit *visit = crepitus_history_get_visit (history, i);
      double x = crepitus_history_x (history, i);

      g_assert_cmpint (visit->id, ==, i + 1);
      g_assert_cmpfloat (x, >, last_x);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, 1);
      last_x = x;
      if (crepitus_history_date_labelled (history, i, 8))
        labelled++;
      g_assert_cmpint (visit->scores.nprs, <=, CREPITUS_HISTORY_NPRS_MAX);
      g_assert_cmpint (visit->scores.odi_percent, <=, CREPITUS_HISTORY_ODI_MAX);
      g_assert_cmpint (visit->nprs_important, ==, i > 0 && i % 10 == 0);
    }
  g_assert_cmpfloat (last_x, ==, 1);
  /* Dates thinned to what fits, the first and the last always among them. */
  g_assert_true (crepitus_history_date_labelled (history, 0, 8));
  g_assert_true (crepitus_history_date_labelled (history, 49, 8));
  g_assert_cmpuint (labelled, >=, 5);
  g_assert_cmpuint (labelled, <=, 8);
  g_assert_cmpuint (crepitus_history_get_n_important (history), ==, 4);
}

/* NPRS 7, 6, 3, not asked, 5, 5, 3: a change of 2 or more from the last visit where NPRS was
 * asked is marked, in either direction; 1 is not. */
static void
test_important_changes (Fixture       *f,
                        gconstpointer  data)
{
  static const int nprs[] = { 7, 6, 3, -1, 5, 5, 3 };
  static const gboolean marked[] = { FALSE, FALSE, TRUE, FALSE, TRUE, FALSE, TRUE };
  static const int change[] = { 0, -1, -3, 0, 2, 0, -2 };
  g_autoptr(CrepitusHistory) history = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (nprs); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-0%u-01", i + 1);

      add_visit (f, i + 1, date, nprs[i], -1);
    }
  history = crepitus_history_new (f->assessments);

  for (guint i = 0; i < G_N_ELEMENTS (nprs); i++)
    {
      const CrepitusHistoryVisit *visit = crepitus_history_get_visit (history, i);

      g_assert_cmpint (visit->nprs_important, ==, marked[i]);
      g_assert_cmpint (visit->nprs_change, ==, change[i]);
      g_assert_cmpint (visit->nprs_compared, ==, i != 0 && i != 3);
    }
  g_assert_cmpuint (crepitus_history_get_n_important (history), ==, 3);

  {
    g_autofree char *cell = crepitus_history_dup_cell (crepitus_history_get_visit (history, 2),
                                                       CREPITUS_HISTORY_NPRS);
    g_autofree char *plain = crepitus_history_dup_cell (crepitus_history_get_visit (history, 1),
                                                        CREPITUS_HISTORY_NPRS);
    g_autofree char *none = crepitus_history_dup_cell (crepitus_history_get_visit (history, 3),
                                                       CREPITUS_HISTORY_NPRS);

    g_assert_cmpstr (cell, ==, "3 (-3)");
    g_assert_cmpstr (plain, ==, "6");
    g_assert_cmpstr (none, ==, "—");
  }
}

/* Superseded and entered-in-error assessments are not visits, and a change is measured
 * across them. */
static void
test_left_out (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CrepitusHistory) history = NULL;
  CrepitusAssessment *superseded, *in_error;

  add_visit (f, 1, "2026-01-05", 7, -1);
  superseded = add_visit (f, 2, "2026-02-02", 1, -1);
  crepitus_assessment_set_signed_by (superseded, "Dr Ana Ruiz");
  crepitus_assessment_set_superseded_by (superseded, 3);
  add_visit (f, 3, "2026-02-02", 6, -1);
  in_error = add_visit (f, 4, "2026-03-02", 0, -1);
  crepitus_assessment_set_entered_in_error (in_error, TRUE);
  add_visit (f, 5, "2026-04-06", 6, -1);
  history = crepitus_history_new (f->assessments);

  g_assert_false (crepitus_history_includes (superseded));
  g_assert_false (crepitus_history_includes (in_error));
  g_assert_cmpuint (crepitus_history_get_n_visits (history), ==, 3);
  g_assert_null (crepitus_history_find_visit (history, 2));
  g_assert_null (crepitus_history_find_visit (history, 4));
  g_assert_nonnull (crepitus_history_find_visit (history, 3));
  g_assert_cmpint (crepitus_history_find_visit (history, 3)->nprs_change, ==, -1);
  g_assert_cmpint (crepitus_history_find_visit (history, 5)->nprs_change, ==, 0);
  g_assert_cmpuint (crepitus_history_get_n_important (history), ==, 0);
}

static void
test_cells (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CrepitusHistory) history = NULL;
  g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();
  CrepitusAssessment *a = add_visit (f, 1, "2026-01-05", -1, -1);
  static const char * const expected[] = {
    "2026-01-05", "Dr Ana Ruiz", NULL, "—", "52", NULL, "5/9",
  };

  measures->has_odi = TRUE;
  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    measures->odi[i] = i < 6 ? 3 : 2;
  measures->has_start_back = TRUE;
  for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
    measures->start_back_items[i] = 1;
  measures->bothersomeness = crepitus_catalog_index (CREPITUS_LIST_BOTHERSOMENESS, "extremely");
  measures->has_beighton = TRUE;
  for (guint i = 0; i < 5; i++)
    measures->beighton[i] = TRUE;
  crepitus_assessment_set_measures (a, measures);
  history = crepitus_history_new (f->assessments);

  for (int column = 0; column < CREPITUS_HISTORY_N_COLUMNS; column++)
    {
      g_autofree char *cell = crepitus_history_dup_cell (crepitus_history_get_visit (history, 0),
                                                         column);

      g_assert_nonnull (crepitus_history_column_title (column));
      if (expected[column] != NULL)
        g_assert_cmpstr (cell, ==, expected[column]);
      else
        g_assert_cmpstr (cell, !=, "—");
    }
  {
    g_autofree char *risk = crepitus_history_dup_cell (crepitus_history_get_visit (history, 0),
                                                       CREPITUS_HISTORY_START_BACK);

    g_assert_cmpstr (risk, ==, crepitus_catalog_label (CREPITUS_LIST_START_BACK_RISK, "high"));
  }
}

static PopplerDocument *
write_summary (Fixture               *f,
               const CrepitusHistory *history,
               const char            *name)
{
  g_autoptr(CrepitusAssessment) example = load_example ();
  CrepitusReportOptions options = { .audience = CREPITUS_REPORT_CLINICIAN, .history = history };
  g_autofree char *path = write_report_in (f->dir, example, &options, name, NULL);

  return open_pdf (path);
}

/* The chart in the clinician summary from two visits on: its title, its key, the dates and
 * the size of each important change are text a reader (and poppler) finds. */
static void
test_pdf_chart (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CrepitusHistory) history = NULL;
  g_autoptr(Document) document = NULL;
  g_autofree char *text = NULL;

  add_visit (f, 1, "2026-01-05", 7, 3);
  add_visit (f, 2, "2026-02-02", 6, 2);
  add_visit (f, 3, "2026-03-02", 3, 1);
  history = crepitus_history_new (f->assessments);
  document = write_summary (f, history, "chart.pdf");
  text = document_text (document);

  assert_in_order (text, (const char *[]) {
    "Measures as recorded", "Pain and disability across visits", "Pain (NPRS 0–10)",
    "Disability (ODI %)", "NPRS change of 2 or more", NULL });
  assert_contains (text, "2026-01-05");
  assert_contains (text, "2026-02-02");
  assert_contains (text, "2026-03-02");
  assert_contains (text, "-3");
  /* The axes: NPRS 0–10 on the left, ODI 0–100 on the right. */
  assert_contains (text, "100");
}

static void
test_pdf_no_chart (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrepitusHistory) one = NULL;
  g_autoptr(Document) with_one = NULL;
  g_autoptr(Document) without = NULL;
  g_autofree char *one_text = NULL;
  g_autofree char *none_text = NULL;

  add_visit (f, 1, "2026-01-05", 7, 3);
  one = crepitus_history_new (f->assessments);
  with_one = write_summary (f, one, "one.pdf");
  without = write_summary (f, NULL, "none.pdf");
  one_text = document_text (with_one);
  none_text = document_text (without);

  assert_lacks (one_text, "across visits");
  assert_lacks (none_text, "across visits");
  g_assert_cmpint (poppler_document_get_n_pages (with_one), ==,
                   poppler_document_get_n_pages (without));
}

/* Fifty visits: the chart still fits its place, with the first and last dates. */
static void
test_pdf_fifty (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CrepitusHistory) history = NULL;
  g_autoptr(Document) document = NULL;
  g_autoptr(Document) without = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (3, G_DATE_JANUARY, 2022);

  for (guint i = 0; i < 50; i++)
    {
      char day[16];

      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      add_visit (f, i + 1, day, (i * 3) % 11, i % 6);
      g_date_add_days (date, 7);
    }
  history = crepitus_history_new (f->assessments);
  document = write_summary (f, history, "fifty.pdf");
  without = write_summary (f, NULL, "without.pdf");
  text = document_text (document);

  assert_contains (text, "Pain and disability across visits");
  assert_contains (text, "2022-01-03");
  assert_contains (text, crepitus_history_get_visit (history, 49)->date);
  /* At most one page more than the summary without it. */
  g_assert_cmpint (poppler_document_get_n_pages (document), <=,
                   poppler_document_get_n_pages (without) + 1);
}

/* The history of a patient's stored visits, from a real SQLite file: what a report on a
 * stored assessment charts. */
static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (f->dir, "clinic.db", NULL);
  g_autoptr(CrepitusStore) store = crepitus_store_open (db, &error);
  g_autoptr(CrepitusHistory) history = NULL;
  g_autoptr(Document) document = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (crepitus_store_save_patient (store, f->patient, NULL, &error));
  g_assert_no_error (error);
  add_visit (f, -1, "2026-03-02", 3, 1);
  add_visit (f, -1, "2026-01-05", 7, 3);
  for (guint i = 0; i < f->assessments->len; i++)
    {
      g_assert_true (crepitus_store_save_assessment (store, f->assessments->pdata[i], NULL,
                                                     &error));
      g_assert_no_error (error);
    }

  history = crepitus_history_load (store, f->patient, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crepitus_history_get_n_visits (history), ==, 2);
  g_assert_cmpstr (crepitus_history_get_visit (history, 0)->date, ==, "2026-01-05");
  g_assert_cmpint (crepitus_history_get_visit (history, 1)->nprs_change, ==, -4);
  g_assert_cmpint (crepitus_history_get_visit (history, 1)->scores.odi_percent, ==, 20);

  document = write_summary (f, history, "stored.pdf");
  text = document_text (document);
  assert_contains (text, "Pain and disability across visits");
  assert_contains (text, "-4");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  crepitus_test_pdf_init ();

#define ADD(path, func) \
  g_test_add ("/crepitus/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("no-visits", test_no_visits);
  ADD ("one-visit", test_one_visit);
  ADD ("two-visits", test_two_visits);
  ADD ("fifty-visits", test_fifty_visits);
  ADD ("important-changes", test_important_changes);
  ADD ("left-out", test_left_out);
  ADD ("cells", test_cells);
  ADD ("pdf-chart", test_pdf_chart);
  ADD ("pdf-no-chart", test_pdf_no_chart);
  ADD ("pdf-fifty", test_pdf_fifty);
  ADD ("load", test_load);

#undef ADD

  return g_test_run ();
}
