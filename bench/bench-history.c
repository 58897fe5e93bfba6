/* bench-history.c — a patient's history over visits: how long the model, loading it from a
 * database and the clinician summary with its chart take, for 2, 50 and 500 visits
 *
 *   bench-history FOLDER
 *
 * Prints a line per measure (median and 99th percentile of repeated runs) and the summary's
 * size with and without the chart.
 */
#include "config.h"

#include "crepitus-history.h"
#include "crepitus-report.h"
#include "bench-util.h"

static GPtrArray *
make_visits (CrepitusPatient *patient,
             guint            n)
{
  GPtrArray *visits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) date = g_date_new_dmy (3, G_DATE_JANUARY, 2016);

  for (guint i = 0; i < n; i++)
    {
      CrepitusAssessment *a = crepitus_assessment_new (patient);
      g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();
      char day[16];

      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      g_date_add_days (date, 7);
      crepitus_assessment_set_date (a, day);
      crepitus_assessment_set_clinician (a, "Dr Ana Ruiz");
      crepitus_assessment_set_pain_score (a, (i * 3) % 11);
      measures->has_odi = TRUE;
      for (guint k = 0; k < CREPITUS_ODI_N_SECTIONS; k++)
        measures->odi[k] = (i + k) % 6;
      crepitus_assessment_set_measures (a, measures);
      g_ptr_array_add (visits, a);
    }
  return visits;
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gsize) st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 2, 50, 500 };

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-history FOLDER\n");
      return 2;
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
      g_autoptr(GPtrArray) visits = NULL;
      g_autoptr(GArray) model = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) with_chart = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) without = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(CrepitusHistory) history = NULL;
      g_autofree char *db = g_strdup_printf ("%s/bench-history-%u.db", argv[1], sizes[s]);
      g_autofree char *pdf = g_strdup_printf ("%s/bench-history-%u.pdf", argv[1], sizes[s]);
      g_autofree char *plain = g_strdup_printf ("%s/bench-history-%u-plain.pdf", argv[1],
                                                sizes[s]);
      g_autoptr(CrepitusStore) store = NULL;
      CrepitusReportOptions options = { .audience = CREPITUS_REPORT_CLINICIAN };
      gsize chart_size, plain_size;
      char what[64];

      crepitus_patient_set_family_name (patient, "Nowak");
      visits = make_visits (patient, sizes[s]);

      for (guint r = 0; r < 200; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(CrepitusHistory) h = crepitus_history_new (visits);
          gint64 t = g_get_monotonic_time () - start;

          g_array_append_val (model, t);
        }
      g_snprintf (what, sizeof what, "history model, %u visits", sizes[s]);
      bench_report (what, model);

      bench_remove_database (db);
      store = crepitus_store_open (db, &error);
      g_assert_no_error (error);
      crepitus_store_save_patient (store, patient, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < visits->len; i++)
        {
          crepitus_store_save_assessment (store, visits->pdata[i], NULL, &error);
          g_assert_no_error (error);
        }
      for (guint r = 0; r < 20; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(CrepitusHistory) h = crepitus_history_load (store, patient, &error);
          gint64 t = g_get_monotonic_time () - start;

          g_assert_no_error (error);
          g_array_append_val (load, t);
        }
      g_snprintf (what, sizeof what, "history loaded from SQLite, %u visits", sizes[s]);
      bench_report (what, load);

      history = crepitus_history_new (visits);
      for (guint r = 0; r < 20; r++)
        {
          gint64 start = g_get_monotonic_time ();
          gint64 t;

          options.history = history;
          crepitus_report_write (visits->pdata[visits->len - 1], &options, pdf, NULL, &error);
          g_assert_no_error (error);
          t = g_get_monotonic_time () - start;
          g_array_append_val (with_chart, t);

          start = g_get_monotonic_time ();
          options.history = NULL;
          crepitus_report_write (visits->pdata[visits->len - 1], &options, plain, NULL, &error);
          g_assert_no_error (error);
          t = g_get_monotonic_time () - start;
          g_array_append_val (without, t);
        }
      g_snprintf (what, sizeof what, "summary with chart, %u visits", sizes[s]);
      bench_report (what, with_chart);
      g_snprintf (what, sizeof what, "summary without chart, %u visits", sizes[s]);
      bench_report (what, without);
      chart_size = file_size (pdf);
      plain_size = file_size (plain);
      printf ("summary size, %u visits: %zu bytes with the chart, %zu without (+%zd)\n",
              sizes[s], chart_size, plain_size, (gssize) chart_size - (gssize) plain_size);

      g_clear_object (&store);
      bench_remove_database (db);
      g_remove (pdf);
      g_remove (plain);
    }
  return 0;
}
