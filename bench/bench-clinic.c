/* bench-clinic.c — the store of a working clinic: 100,000 patients, three assessments each
 *
 *   bench-clinic [FOLDER] [N-PATIENTS]
 *
 * Generates a clinic in a new database in FOLDER (default: the temporary folder; pick one on
 * the disk you care about, not a tmpfs) through the store's API, in one transaction, then
 * prints: how long opening it takes; how long the patient list takes per keystroke (count and
 * first page of 50, as the window does) while names and an MRN are typed letter by letter;
 * how long one autosaved, durable edit takes; and the size of the database.
 * CREPITUS_BENCH_KEEP=1 keeps the database.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "crepitus-store-testing.h"
#include "bench-clinic-data.h"
#include "bench-keystrokes.h"
#include "bench-util.h"


static void
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "%s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) short_keystrokes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) long_keystrokes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) renames = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) slowest = g_string_new (NULL);
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  guint n_patients = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  gint64 start, worst = 0;
  guint total = 0;

  folder = g_build_filename (argc > 1 ? argv[1] : g_get_tmp_dir (), "crepitus-bench-XXXXXX",
                             NULL);
  if (g_mkdtemp (folder) == NULL)
    {
      perror (folder);
      return 1;
    }
  path = g_build_filename (folder, "clinic.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);

  /* The clinic. */
  start = g_get_monotonic_time ();
  store = crepitus_store_open (path, &error);
  if (store == NULL)
    die (path, error);
  crepitus_store_set_clinician (store, "Dr Generator");
  if (!bench_generate_clinic (store, n_patients, &error))
    die ("generate", error);
  g_clear_object (&store);
  printf ("Generated %u patients, %u assessments (2 of 3 signed) in %.1f s in %s\n", n_patients,
          3 * n_patients, (g_get_monotonic_time () - start) / 1e6, folder);

  /* Opening: what the window waits for before it lists patients (no check of every page). */
  for (guint i = 0; i < 5; i++)
    {
      gint64 t;

      start = g_get_monotonic_time ();
      store = crepitus_store_open (path, &error);
      t = g_get_monotonic_time () - start;
      if (store == NULL)
        die (path, error);
      g_array_append_val (opens, t);
      if (i < 4)
        g_clear_object (&store);
    }
  printf ("Database %.1f MB (%.1f MB with its WAL); %" G_GINT64_FORMAT " audit rows\n",
          file_size (path) / 1e6, (file_size (path) + file_size (wal)) / 1e6,
          crepitus_store_testing_count_rows (store, "audit"));
  bench_report ("open (warm cache)", opens);

  /* Per keystroke: the count and the first page, as the window asks for them. */
  for (guint round = 0; round < 5; round++)
    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        const char *end = typed[i];

        while (*end != '\0')
          {
            g_autoptr(GPtrArray) page = NULL;
            g_autofree char *prefix = NULL;
            guint count = 0;
            gint64 t;

            end = g_utf8_next_char (end);
            prefix = g_strndup (typed[i], end - typed[i]);
            start = g_get_monotonic_time ();
            if (!crepitus_store_count_patients (store, prefix, &count, &error))
              die (prefix, error);
            page = crepitus_store_search_patients (store, prefix, 0, PAGE, &error);
            if (page == NULL)
              die (prefix, error);
            t = g_get_monotonic_time () - start;
            g_array_append_val (keystrokes, t);
            if (g_utf8_strlen (prefix, -1) <= 2)
              g_array_append_val (short_keystrokes, t);
            else
              g_array_append_val (long_keystrokes, t);
            if (round == 0)
              total += count;
            if (t > worst)
              {
                worst = t;
                g_string_printf (slowest, "“%s” (%u matches) %.3f ms", prefix, count, t / 1000.0);
              }
          }
      }
  bench_report ("keystroke: count + first page of 50", keystrokes);
  bench_report ("  typed so far: 1-2 letters", short_keystrokes);
  bench_report ("  typed so far: 3 letters or more", long_keystrokes);
  printf ("  slowest keystroke: %s\n", slowest->str);

  /* Scrolling the whole list: pages far down. */
  for (guint offset = 0; offset < n_patients; offset += n_patients / 50)
    {
      g_autoptr(GPtrArray) page = NULL;
      gint64 t;

      start = g_get_monotonic_time ();
      page = crepitus_store_search_patients (store, "", offset, PAGE, &error);
      t = g_get_monotonic_time () - start;
      if (page == NULL)
        die ("page", error);
      g_array_append_val (pages, t);
    }
  bench_report ("page of 50 of the whole list, any offset", pages);

  /* One autosaved, durable edit of an unsigned assessment, and of a patient's name. */
  {
    g_autoptr(CrepitusAssessment) assessment = crepitus_store_load_assessment (store, 3, &error);
    CrepitusPatient *patient;

    if (assessment == NULL)
      die ("load", error);
    patient = crepitus_assessment_get_patient (assessment);
    crepitus_store_watch_assessment (store, assessment);
    for (guint i = 0; i < 300; i++)
      {
        g_autofree char *text = g_strdup_printf ("Edit number %u of the notes.", i);
        g_autofree char *name = g_strdup_printf ("Kowalczyk-%u", i);
        gint64 t;

        start = g_get_monotonic_time ();
        crepitus_assessment_set_notes (assessment, text);
        t = g_get_monotonic_time () - start;
        g_array_append_val (edits, t);

        start = g_get_monotonic_time ();
        crepitus_patient_set_family_name (patient, name);
        t = g_get_monotonic_time () - start;
        g_array_append_val (renames, t);
      }
    {
      g_autoptr(CrepitusAssessment) stored = crepitus_store_load_assessment (store, 3, &error);

      if (stored == NULL ||
          g_strcmp0 (crepitus_assessment_get_notes (stored), "Edit number 299 of the notes.") != 0)
        die ("autosave", error);
    }
  }
  bench_report ("autosaved edit of notes (durable)", edits);
  bench_report ("autosaved edit of a family name (durable)", renames);

  g_clear_object (&store);
  printf ("Database after closing: %.1f MB\n", file_size (path) / 1e6);
  (void) total;

  /* CREPITUS_BENCH_KEEP=1 keeps the clinic for a closer look. */
  if (g_strcmp0 (g_getenv ("CREPITUS_BENCH_KEEP"), "1") == 0)
    printf ("Kept %s\n", path);
  else
    {
      bench_remove_database (path);
      g_rmdir (folder);
    }
  return 0;
}
