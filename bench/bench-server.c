/* bench-server.c — a clinic of 100,000 patients on PostgreSQL over its Unix socket, beside the
 * same clinic in SQLite, in one run
 *
 *   bench-server [FOLDER] [N-PATIENTS]
 *
 * Starts a PostgreSQL 15 server of its own in FOLDER (default: the temporary folder) with
 * fsync on, so that a commit is as durable as SQLite's (synchronous = FULL); generates the
 * clinic in an SQLite file through the store, as bench-clinic does; restores that file into
 * an empty server database through the backends' plain-row interface; then prints, for each
 * backend: the patient list per keystroke (count and first page of 50, as the window asks
 * for them) while names and an MRN are typed letter by letter, one autosaved durable edit,
 * and three processes making 200 autosaved edits each at once, with what was lost.
 * The server is stopped and its folder removed at the end, however the run ends.
 */
#include "config.h"

#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>

#include "crepitus-store-testing.h"
#include "bench-clinic-data.h"
#include "bench-keystrokes.h"
#include "bench-util.h"

#define N_ROOMS 3
#define ROOM_EDITS 200
#define EDITS 300

G_GNUC_NORETURN static void
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

static void
time_search (const char    *backend,
             CrepitusStore *store)
{
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) short_keystrokes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) long_keystrokes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) slowest_first = g_string_new (NULL);
  g_autoptr(GString) slowest = g_string_new (NULL);
  g_autofree char *what = g_strdup_printf ("%s: keystroke, count + first page", backend);

  /* The first round reads the index from the disk's cache into the database's own; a window
   * in use has it there. Both are shown. */
  bench_time_keystrokes (store, 1, first, short_keystrokes, long_keystrokes, slowest_first);
  bench_time_keystrokes (store, 4, later, short_keystrokes, long_keystrokes, slowest);
  g_array_append_vals (keystrokes, first->data, first->len);
  g_array_append_vals (keystrokes, later->data, later->len);
  bench_report (what, keystrokes);
  bench_report ("  first round of the typing", first);
  bench_report ("  rounds 2-5 of the same typing", later);
  bench_report ("  typed so far: 1-2 letters", short_keystrokes);
  bench_report ("  typed so far: 3 letters or more", long_keystrokes);
  printf ("  slowest keystroke: first round %s; later %s\n", slowest_first->str, slowest->str);
}

/* One autosaved, durable edit of an unsigned assessment's notes, and of a patient's name. */
static void
time_edits (const char    *backend,
            CrepitusStore *store,
            gint64         id)
{
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) renames = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf ("%s: autosaved edit of notes", backend);
  g_autofree char *rename = g_strdup_printf ("%s: autosaved edit of a family name", backend);
  CrepitusPatient *patient;

  assessment = crepitus_store_load_assessment (store, id, &error);
  if (assessment == NULL)
    die ("load", error);
  patient = crepitus_assessment_get_patient (assessment);
  crepitus_store_watch_assessment (store, assessment);
  for (guint i = 0; i < EDITS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Edit number %u of the notes.", i);
      g_autofree char *name = g_strdup_printf ("Kowalczyk-%u", i);
      gint64 start, t;

      start = g_get_monotonic_time ();
      crepitus_assessment_set_notes (assessment, text);
      t = g_get_monotonic_time () - start;
      g_array_append_val (edits, t);

      start = g_get_monotonic_time ();
      crepitus_patient_set_family_name (patient, name);
      t = g_get_monotonic_time () - start;
      g_array_append_val (renames, t);
    }
  bench_report (what, edits);
  bench_report (rename, renames);
}

/* A room: a process of its own (this program again, with --room), its own connection,
 * ROOM_EDITS autosaved edits of one assessment; the time of each is written to @fd. A fresh
 * process rather than a fork: SQLite must not share a forked process with its parent's open
 * connection. */
G_GNUC_NORETURN static void
room (const char *location,
      gint64      id,
      guint       number,
      int         fd)
{
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  guint n_failures = 0;

  store = crepitus_store_open (location, &error);
  if (store == NULL)
    die (location, error);
  assessment = crepitus_store_load_assessment (store, id, &error);
  if (assessment == NULL)
    die ("load", error);
  for (guint i = 0; i < ROOM_EDITS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Room %u, edit %u.", number, i);
      gint64 start = g_get_monotonic_time (), t;

      crepitus_assessment_set_notes (assessment, text);
      if (!crepitus_store_save_assessment (store, assessment, "notes", &error))
        {
          fprintf (stderr, "room %u: %s\n", number, error->message);
          g_clear_error (&error);
          n_failures++;
        }
      t = g_get_monotonic_time () - start;
      if (write (fd, &t, sizeof t) != sizeof t)
        _exit (2);
    }
  g_clear_object (&assessment);
  g_clear_object (&store);
  _exit (n_failures == 0 ? 0 : 1);
}

/* N_ROOMS processes, each editing its own assessment ROOM_EDITS times at once; then what was
 * stored is checked against what each was told was saved. */
static void
rooms_at_once (const char    *backend,
               const char    *location,
               CrepitusStore *store,
               const gint64  *ids)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf ("%s: %d rooms x %d edits at once, per edit", backend,
                                           N_ROOMS, ROOM_EDITS);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  gint64 audit_before = crepitus_store_testing_count_rows (store, "audit");
  gint64 start = g_get_monotonic_time (), elapsed, t;
  GPid pids[N_ROOMS];
  int outs[N_ROOMS];
  guint lost = 0, failed = 0;

  for (guint r = 0; r < N_ROOMS; r++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ids[r]);
      g_autofree char *number = g_strdup_printf ("%u", r);
      const char *argv[] = { self, "--room", location, id, number, NULL };

      if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                     NULL, &pids[r], NULL, &outs[r], NULL, &error))
        die ("room", error);
    }
  /* Each room writes its times as it goes: read them all, then wait. */
  for (guint r = 0; r < N_ROOMS; r++)
    {
      while (read (outs[r], &t, sizeof t) == sizeof t)
        g_array_append_val (times, t);
      close (outs[r]);
    }
  for (guint r = 0; r < N_ROOMS; r++)
    {
      int status = 0;

      waitpid (pids[r], &status, 0);
      failed += !WIFEXITED (status) || WEXITSTATUS (status) != 0;
      g_spawn_close_pid (pids[r]);
    }
  elapsed = g_get_monotonic_time () - start;

  /* Nothing lost: each room's last edit is stored, and every edit has its audit row. */
  for (guint r = 0; r < N_ROOMS; r++)
    {
      g_autoptr(CrepitusAssessment) stored = crepitus_store_load_assessment (store, ids[r], &error);
      g_autofree char *last = g_strdup_printf ("Room %u, edit %u.", r, ROOM_EDITS - 1);

      if (stored == NULL)
        die ("load", error);
      lost += g_strcmp0 (crepitus_assessment_get_notes (stored), last) != 0;
    }
  bench_report (what, times);
  printf ("  %u edits in %.2f s (%.0f a second); rooms failed: %u; last edits missing: %u; "
          "audit rows %" G_GINT64_FORMAT " of %d\n", times->len, elapsed / 1e6,
          times->len / (elapsed / 1e6), failed, lost,
          crepitus_store_testing_count_rows (store, "audit") - audit_before, N_ROOMS * ROOM_EDITS);
}

static void
bench_backend (const char    *backend,
               const char    *location,
               CrepitusStore *store)
{
  /* The third visit of each patient is unsigned: ids 3, 6, 9… */
  const gint64 room_ids[N_ROOMS] = { 3, 6, 9 };

  time_search (backend, store);
  time_edits (backend, store, 12);
  rooms_at_once (backend, location, store, room_ids);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) file = NULL;
  g_autoptr(CrepitusStore) server = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *kept = NULL;
  guint n_patients = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  gint64 start, size;

  if (argc == 5 && g_str_equal (argv[1], "--room"))
    room (argv[2], g_ascii_strtoll (argv[3], NULL, 10), atoi (argv[4]), 1);

  /* The server's folder, and the restore's working copy, on the disk of FOLDER. */
  if (argc > 1)
    g_setenv ("TMPDIR", argv[1], TRUE);
  folder = g_build_filename (g_get_tmp_dir (), "crepitus-bench-XXXXXX", NULL);
  if (g_mkdtemp (folder) == NULL)
    {
      perror (folder);
      return 1;
    }
  path = g_build_filename (folder, "clinic.db", NULL);

  start = g_get_monotonic_time ();
  crepitus_test_pg_server_start (TRUE);
  uri = crepitus_test_pg_new_database ();
  printf ("PostgreSQL server of its own (fsync on) on a Unix socket, ready in %.1f s\n",
          (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  file = crepitus_store_open (path, &error);
  if (file == NULL)
    die (path, error);
  crepitus_store_set_clinician (file, "Dr Generator");
  if (!bench_generate_clinic (file, n_patients, &error))
    die ("generate", error);
  g_clear_object (&file);
  printf ("Generated %u patients, %u assessments (2 of 3 signed) in SQLite in %.1f s\n",
          n_patients, 3 * n_patients, (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  if (!crepitus_store_restore (uri, path, &kept, &error))
    die ("restore", error);
  printf ("Restored into the server through the plain-row interface (and analyzed) in %.1f s\n",
          (g_get_monotonic_time () - start) / 1e6);

  file = crepitus_store_open (path, &error);
  if (file == NULL)
    die (path, error);
  server = crepitus_store_open (uri, &error);
  if (server == NULL)
    die (uri, error);

  /* The restore ends with VACUUM (ANALYZE), as autovacuum would soon after. */
  size = crepitus_store_testing_pg_database_size (server);
  printf ("Server database %.1f MB; SQLite file %.1f MB\n\n", size / 1e6,
          file_size (path) / 1e6);

  bench_backend ("SQLite", path, file);
  printf ("\n");
  bench_backend ("PostgreSQL", uri, server);

  g_clear_object (&file);
  g_clear_object (&server);
  bench_remove_database (path);
  g_rmdir (folder);
  return 0;
}
