/* bench-store.c — how long one autosaved edit takes to be durable (commit with fsync)
 *
 *   bench-store [FOLDER] [N]
 *
 * Makes N autosaved edits of each kind in a new database in FOLDER (default: the temporary
 * folder; pick one on the disk you care about, not a tmpfs) and prints the median and the
 * 99th percentile of the time each edit took to return, which includes its commit.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "crepitus-store.h"

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *times)
{
  guint n = times->len;
  guint p99 = (guint) (0.99 * n + 0.999) - 1;
  gint64 sum = 0;

  g_array_sort (times, compare_times);
  for (guint i = 0; i < n; i++)
    sum += g_array_index (times, gint64, i);
  printf ("%-32s n=%u  median %.3f ms  p99 %.3f ms  mean %.3f ms  max %.3f ms\n", what, n,
          g_array_index (times, gint64, n / 2) / 1000.0,
          g_array_index (times, gint64, p99) / 1000.0,
          sum / 1000.0 / n,
          g_array_index (times, gint64, n - 1) / 1000.0);
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (patient);
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) factors = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) patients = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  CrepitusFactorRecord *record;
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 500;
  guint failures = 0;

  folder = g_build_filename (argc > 1 ? argv[1] : g_get_tmp_dir (), "crepitus-bench-XXXXXX",
                             NULL);
  if (g_mkdtemp (folder) == NULL)
    {
      perror (folder);
      return 1;
    }
  path = g_build_filename (folder, "bench.db", NULL);

  store = crepitus_store_open (path, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  crepitus_store_watch_assessment (store, assessment);
  crepitus_patient_set_family_name (patient, "Benchmark");
  crepitus_assessment_set_date (assessment, "2026-01-01");
  record = crepitus_assessment_get_factor (assessment, "joint-cavitation");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Edit number %u of the notes.", i);
      gint64 start, end;

      /* An UPDATE of one column of the assessment. */
      start = g_get_monotonic_time ();
      crepitus_assessment_set_notes (assessment, text);
      end = g_get_monotonic_time () - start;
      g_array_append_val (notes, end);

      /* An upsert of a factor record. */
      start = g_get_monotonic_time ();
      crepitus_factor_record_set_judgement (record, 1 + i % 3);
      end = g_get_monotonic_time () - start;
      g_array_append_val (factors, end);
    }

  for (guint i = 0; i < n / 5; i++)
    {
      g_autoptr(CrepitusPatient) other = crepitus_patient_new ();
      gint64 start, end;

      crepitus_store_watch_patient (store, other);
      start = g_get_monotonic_time ();
      crepitus_patient_set_family_name (other, "Another");
      end = g_get_monotonic_time () - start;
      g_array_append_val (patients, end);
      failures += crepitus_patient_get_id (other) < 0;
    }

  printf ("Durable commit of one autosaved edit (WAL, synchronous=FULL) in %s\n", folder);
  report ("edit of assessment notes", notes);
  report ("edit of a factor judgement", factors);
  report ("new patient (family name)", patients);
  g_array_append_vals (notes, factors->data, factors->len);
  report ("all edits of an assessment", notes);

  g_clear_object (&store);
  remove_database (path);
  g_rmdir (folder);
  return failures == 0 ? 0 : 1;
}
