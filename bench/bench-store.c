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
#include "bench-util.h"

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
  bench_report ("edit of assessment notes", notes);
  bench_report ("edit of a factor judgement", factors);
  bench_report ("new patient (family name)", patients);
  g_array_append_vals (notes, factors->data, factors->len);
  bench_report ("all edits of an assessment", notes);

  g_clear_object (&store);
  bench_remove_database (path);
  g_rmdir (folder);
  return failures == 0 ? 0 : 1;
}
