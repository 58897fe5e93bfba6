/* bench-report.c — a report in a fresh process beside LibreOffice on the same content
 *
 * Spawns `crepitus report` N times for the patient handout and the clinician summary of
 * tests/fixtures/example.json and prints the median and 99th percentile wall time per run,
 * the peak resident memory of a run, the file's size and its pages, beside `crepitus
 * --version` (what starting the binary alone costs). Then, in the same run, LibreOffice
 * converts the handout's text as HTML to PDF (`soffice --headless --convert-to pdf`, the route
 * GNU Health takes), timed the same way, and the ratios are printed. Without LibreOffice it
 * says "soffice not installed" and times Crepitus alone.
 *
 * The goals for the handout: at most 17 KB, a median of at most 12 ms and a peak of
 * at most 15 MB (LibreOffice measured 1.05 s, 209 MB and 17 KB on the machine of issue 13).
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <poppler.h>

#define N_RUNS        50
#define N_SOFFICE     5

typedef struct
{
  double median_ms;
  double p99_ms;
  double min_ms;
  double peak_mb;     /* the largest peak resident set of a run, in MiB */
  gint64 size;        /* of the output file, bytes */
} Figures;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The @fraction quantile of @times (sorted), nearest rank. */
static double
quantile (GArray *times,
          double  fraction)
{
  guint rank = (guint) (fraction * times->len + 0.999999);

  return g_array_index (times, double, CLAMP (rank, 1, times->len) - 1);
}

/* Runs @argv to its end; returns the wall time in ms. With @peak_kb, the run is for memory:
 * it receives the peak resident set of the process and of the children it waited for
 * (LibreOffice's launcher runs soffice.bin). */
static double
run_once (const char * const *argv,
          long               *peak_kb)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status;
  gint64 start = g_get_monotonic_time ();
  /* Timed runs leave descriptors open: GLib then uses posix_spawn rather than a fork of this
   * process and a walk over every descriptor, which would be counted in the child's time. A
   * run for memory forks: a posix_spawn child shares this process's memory until it execs,
   * and its peak would be this process's. */
  GSpawnFlags flags = G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                      G_SPAWN_STDERR_TO_DEV_NULL |
                      (peak_kb == NULL ? G_SPAWN_LEAVE_DESCRIPTORS_OPEN : 0);

  if (!g_spawn_async (NULL, (char **) argv, NULL, flags, NULL, NULL, &pid, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("%s: wait4 failed", argv[0]);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed (status %d)", argv[0], status);
  if (peak_kb != NULL)
    *peak_kb = MAX (*peak_kb, usage.ru_maxrss);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static Figures
time_runs (const char * const *argv,
           guint               n_runs,
           const char         *out)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  Figures figures = { 0 };
  long peak_kb = 0;
  GStatBuf st;

  run_once (argv, &peak_kb);   /* the page cache, LibreOffice's profile; the peak */
  for (guint i = 0; i < n_runs; i++)
    {
      double ms = run_once (argv, NULL);

      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  figures.median_ms = quantile (times, 0.5);
  figures.p99_ms = quantile (times, 0.99);
  figures.min_ms = quantile (times, 0);
  figures.peak_mb = peak_kb / 1024.0;
  if (out != NULL && g_stat (out, &st) == 0)
    figures.size = st.st_size;
  return figures;
}

static int
read_pdf (const char *path,
          char      **text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  GString *all = g_string_new (NULL);
  int n;

  g_assert_no_error (error);
  n = poppler_document_get_n_pages (document);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (all, page_text);
      g_string_append_c (all, '\n');
      g_object_unref (page);
    }
  g_object_unref (document);
  if (text != NULL)
    *text = g_string_free (all, FALSE);
  else
    g_string_free (all, TRUE);
  return n;
}

static void
print_figures (const char    *what,
               guint          n_runs,
               const Figures *f,
               int            pages)
{
  g_print ("%-10s fresh process, %u runs: median %.1f ms, p99 %.1f ms, min %.1f ms; "
           "peak %.1f MB; %" G_GINT64_FORMAT " bytes (%.1f KB), %d page%s\n",
           what, n_runs, f->median_ms, f->p99_ms, f->min_ms, f->peak_mb, f->size,
           f->size / 1024.0, pages, pages == 1 ? "" : "s");
}

static Figures
bench (const char *bin,
       const char *input,
       const char *audience,
       const char *out)
{
  const char * const argv[] = { bin, "report", input, "--audience", audience, "-o", out, NULL };

  return time_runs (argv, N_RUNS, out);
}

static void
bench_start (const char *bin)
{
  const char * const argv[] = { bin, "--version", NULL };
  Figures figures = time_runs (argv, N_RUNS, NULL);

  g_print ("%-10s fresh process, %u runs: median %.1f ms, p99 %.1f ms; peak %.1f MB "
           "(crepitus --version)\n",
           "start", N_RUNS, figures.median_ms, figures.p99_ms, figures.peak_mb);
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

/* The handout's text as a plain HTML page: its lines as paragraphs. */
static char *
handout_html (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *html = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                "<title>Patient handout</title>"
                                "<style>body { font-family: 'DejaVu Sans'; font-size: 12pt }"
                                "</style></head><body>\n");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      escaped = g_markup_escape_text (lines[i], -1);
      g_string_append_printf (html, "<p>%s</p>\n", escaped);
    }
  g_string_append (html, "</body></html>\n");
  return g_string_free (html, FALSE);
}

static void
bench_libreoffice (const char    *dir,
                   const char    *text,
                   const Figures *crepitus)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *html = g_build_filename (dir, "handout.html", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *profile = g_build_filename (dir, "soffice-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *contents = handout_html (text);
  Figures figures;
  int pages;

  if (soffice == NULL)
    {
      g_print ("soffice not installed: LibreOffice not timed (issue 13 measured 1.05 s, 209 MB, "
               "17 KB for the handout)\n");
      return;
    }

  g_assert_true (g_file_set_contents (html, contents, -1, NULL));
  g_unlink (pdf);
  {
    /* Writer's HTML filter, as GNU Health's reports take it; a profile of its own, so that a
     * running LibreOffice is not asked instead. */
    const char * const argv[] = { soffice, profile_arg, "--headless", "--convert-to",
                                  "pdf:writer_pdf_Export", "--outdir", dir, html, NULL };

    figures = time_runs (argv, N_SOFFICE, pdf);
  }
  pages = read_pdf (pdf, NULL);
  print_figures ("soffice", N_SOFFICE, &figures, pages);
  g_print ("ratio      LibreOffice / Crepitus, the handout: %.0fx the time (median), "
           "%.1fx the peak memory, %.2fx the size\n",
           figures.median_ms / crepitus->median_ms, figures.peak_mb / crepitus->peak_mb,
           (double) figures.size / crepitus->size);
  g_unlink (html);
  g_unlink (pdf);
  remove_tree (profile);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("CREPITUS_BIN");
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *input = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crepitus-bench-XXXXXX", &error);
  g_autofree char *handout = g_build_filename (dir, "crepitus-handout.pdf", NULL);
  g_autofree char *summary = g_build_filename (dir, "crepitus-summary.pdf", NULL);
  g_autofree char *handout_text = NULL;
  Figures handout_figures;
  Figures summary_figures;

  g_assert_no_error (error);
  if (bin == NULL || srcdir == NULL)
    g_error ("set CREPITUS_BIN and G_TEST_SRCDIR (meson test --benchmark does)");
  input = g_build_filename (srcdir, "fixtures", "example.json", NULL);

  /* Every run before this process reads a PDF (poppler): it stays small. */
  bench_start (bin);
  handout_figures = bench (bin, input, "patient", handout);
  summary_figures = bench (bin, input, "clinician", summary);
  print_figures ("patient", N_RUNS, &handout_figures, read_pdf (handout, &handout_text));
  print_figures ("clinician", N_RUNS, &summary_figures, read_pdf (summary, NULL));
  g_print ("goals      handout <= 17 KB: %s; median <= 12 ms: %s; peak <= 15 MB: %s\n",
           handout_figures.size <= 17 * 1024 ? "met" : "NOT met",
           handout_figures.median_ms <= 12 ? "met" : "NOT met",
           handout_figures.peak_mb <= 15 ? "met" : "NOT met");
  bench_libreoffice (dir, handout_text, &handout_figures);

  g_unlink (handout);
  g_unlink (summary);
  g_rmdir (dir);
  return 0;
}
