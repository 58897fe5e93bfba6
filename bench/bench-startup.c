/* bench-startup.c — how long `crepitus` takes from exec to a visible window on a clinic of
 * 100,000 patients, against a bare AdwApplicationWindow, in one run
 *
 *   bench-startup [FOLDER] [N-PATIENTS] [RUNS]
 *
 * Needs an X display (xvfb-run -a meson test --benchmark -C build bench-startup). Generates the
 * clinic of bench-clinic in a new database in FOLDER (CREPITUS_BENCH_CLINIC=PATH uses an
 * existing one instead), then starts, in turn, the bare window (BENCH_BARE_WINDOW) and
 * `crepitus --db CLINIC` (CREPITUS_BIN), RUNS times each after one warm-up of each, and times
 * each from just before the fork to the first drawing into its new top-level window, as the X
 * server reports it (the Damage extension): the first frame on screen. Prints the median of
 * each and their ratio; the goal is 1.15 at most. For context it also times the bare window
 * with a header bar and a line of text (`bench-bare-window --header`): the least any usable
 * window draws, fonts and all, which the empty window does not.
 */
#include "config.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#include "bench-clinic-data.h"
#include "bench-util.h"

#define GOAL 1.15

static int damage_event_base;

static void
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "%s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* Windows of the process being timed go away with it: their Damage objects too. */
static int
ignore_x_errors (Display     *display,
                 XErrorEvent *event)
{
  return 0;
}

/* Starts @argv and returns how long, in µs, until its first top-level window is drawn into
 * after being mapped; then ends it. */
static gint64
time_to_first_frame (Display    *display,
                     const char *const *argv,
                     const char *const *envp)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) mapped = g_hash_table_new (NULL, NULL);
  gint64 start, deadline, visible = -1;
  GPid pid;
  int status;

  start = g_get_monotonic_time ();
  /* Their standard error is left out: without a session bus every one of them says so, which
   * would bury the figures. One that fails shows no window and stops the benchmark. */
  if (!g_spawn_async (NULL, (char **) argv, (char **) envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid,
                      &error))
    die (argv[0], error);
  deadline = start + 30 * G_USEC_PER_SEC;

  while (visible < 0 && g_get_monotonic_time () < deadline)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

      if (XPending (display) == 0)
        poll (&fd, 1, 100);
      while (visible < 0 && XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == CreateNotify)
            /* Watched from its creation, before anything can be drawn into it. */
            XDamageCreate (display, event.xcreatewindow.window, XDamageReportNonEmpty);
          else if (event.type == MapNotify)
            g_hash_table_add (mapped, GSIZE_TO_POINTER (event.xmap.window));
          else if (event.type == damage_event_base + XDamageNotify)
            {
              XDamageNotifyEvent *damage = (XDamageNotifyEvent *) &event;

              if (g_hash_table_contains (mapped, GSIZE_TO_POINTER (damage->drawable)))
                visible = g_get_monotonic_time ();
            }
        }
    }
  if (visible < 0)
    {
      fprintf (stderr, "%s: no window was drawn within 30 s\n", argv[0]);
      exit (1);
    }

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  /* Let the server forget it before the next one starts. */
  XSync (display, True);
  g_usleep (200000);
  XSync (display, True);
  return visible - start;
}

/* Removes @path and what it holds. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static double
median_ms (GArray *times)
{
  g_array_sort (times, bench_compare_times);
  return g_array_index (times, gint64, times->len / 2) / 1000.0;
}

static void
print_times (const char *what,
             GArray     *times)
{
  g_array_sort (times, bench_compare_times);
  printf ("  %-38s median %7.1f ms   (min %7.1f, max %7.1f, n=%u)\n", what, median_ms (times),
          g_array_index (times, gint64, 0) / 1000.0,
          g_array_index (times, gint64, times->len - 1) / 1000.0, times->len);
}

/* The clinic: generated in @folder, or the one of CREPITUS_BENCH_CLINIC. */
static char *
prepare_clinic (const char *folder,
                guint       n_patients)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  const char *existing = g_getenv ("CREPITUS_BENCH_CLINIC");
  char *path;
  gint64 start;

  if (existing != NULL)
    return g_strdup (existing);

  path = g_build_filename (folder, "clinic.db", NULL);
  start = g_get_monotonic_time ();
  store = crepitus_store_open (path, &error);
  if (store == NULL)
    die (path, error);
  crepitus_store_set_clinician (store, "Dr Generator");
  if (!bench_generate_clinic (store, n_patients, &error))
    die ("generate", error);
  g_clear_object (&store);
  printf ("Generated %u patients, %u assessments in %.1f s\n", n_patients, 3 * n_patients,
          (g_get_monotonic_time () - start) / 1e6);
  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autofree char *clinic = NULL;
  g_autofree char *data_home = NULL;
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) header_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) crepitus_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) envp = NULL;
  const char *crepitus = g_getenv ("CREPITUS_BIN");
  const char *bare = g_getenv ("BENCH_BARE_WINDOW");
  guint n_patients = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  guint runs = argc > 3 ? (guint) atoi (argv[3]) : 10;
  int damage_error_base;
  Display *display;
  double ratio;

  if (crepitus == NULL || bare == NULL)
    {
      fprintf (stderr, "bench-startup: set CREPITUS_BIN and BENCH_BARE_WINDOW\n");
      return 1;
    }
  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      /* Skipped, for meson: run it under xvfb-run. */
      printf ("bench-startup: no X display; run it under xvfb-run\n");
      return 77;
    }
  if (!XDamageQueryExtension (display, &damage_event_base, &damage_error_base))
    {
      printf ("bench-startup: the X server has no Damage extension\n");
      return 77;
    }
  XSetErrorHandler (ignore_x_errors);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  folder = g_build_filename (argc > 1 ? argv[1] : g_get_tmp_dir (), "crepitus-startup-XXXXXX",
                             NULL);
  if (g_mkdtemp (folder) == NULL)
    {
      perror (folder);
      return 1;
    }
  clinic = prepare_clinic (folder, n_patients);

  /* Both run alike: no settings written anywhere, a data folder of their own. */
  data_home = g_build_filename (folder, "data", NULL);
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);

  {
    const char *bare_argv[] = { bare, NULL };
    const char *header_argv[] = { bare, "--header", NULL };
    const char *crepitus_argv[] = { crepitus, "--db", clinic, "--clinician", "Dr Bench", NULL };

    /* Warm-up: the libraries, fonts, icons and the database in the page cache. */
    time_to_first_frame (display, bare_argv, (const char * const *) envp);
    time_to_first_frame (display, header_argv, (const char * const *) envp);
    time_to_first_frame (display, crepitus_argv, (const char * const *) envp);
    for (guint i = 0; i < runs; i++)
      {
        gint64 t;

        t = time_to_first_frame (display, bare_argv, (const char * const *) envp);
        g_array_append_val (bare_times, t);
        t = time_to_first_frame (display, header_argv, (const char * const *) envp);
        g_array_append_val (header_times, t);
        t = time_to_first_frame (display, crepitus_argv, (const char * const *) envp);
        g_array_append_val (crepitus_times, t);
      }
  }

  printf ("exec → first frame of the window (GSK_RENDERER=%s):\n",
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  print_times ("bare AdwApplicationWindow", bare_times);
  {
    g_autofree char *what = g_strdup_printf ("crepitus, %u patients", n_patients);

    print_times (what, crepitus_times);
  }
  ratio = median_ms (crepitus_times) / median_ms (bare_times);
  printf ("  %-38s %.2f× (goal ≤ %.2f×)\n", "ratio", ratio, GOAL);
  print_times ("for context: bare + header bar + text", header_times);
  printf ("  %-38s %.2f×\n", "crepitus / that",
          median_ms (crepitus_times) / median_ms (header_times));

  XCloseDisplay (display);
  if (g_getenv ("CREPITUS_BENCH_CLINIC") == NULL &&
      g_strcmp0 (g_getenv ("CREPITUS_BENCH_KEEP"), "1") != 0)
    bench_remove_database (clinic);
  else
    printf ("Kept %s\n", clinic);
  remove_tree (data_home);
  g_rmdir (folder);
  return 0;
}
