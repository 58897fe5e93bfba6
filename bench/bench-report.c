/* bench-report.c — a report in a fresh process: how long it takes and how large it is
 *
 * Spawns `crepitus report` N times for the patient handout and the clinician summary of
 * tests/fixtures/example.json and prints the median and 99th percentile wall time per run,
 * the size and the number of pages, beside `crepitus --version` (what starting the binary
 * alone costs: it links GTK). When LibreOffice is installed it also times
 * `soffice --headless --convert-to pdf` on the handout's text, for comparison.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <poppler.h>

#define N_RUNS 50

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

static double
run_once (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
count_pages (const char *path,
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
      g_object_unref (page);
    }
  g_object_unref (document);
  *text = g_string_free (all, FALSE);
  return n;
}

static void
bench (const char *bin,
       const char *input,
       const char *audience,
       const char *out,
       char      **text)
{
  const char * const argv[] = { bin, "report", input, "--audience", audience, "-o", out, NULL };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf st;
  int pages;

  run_once (argv);   /* warm the page cache */
  for (guint i = 0; i < N_RUNS; i++)
    {
      double ms = run_once (argv);

      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  pages = count_pages (out, text);

  g_print ("%-10s fresh process, %u runs: median %.1f ms, p99 %.1f ms, min %.1f ms; "
           "%lld bytes (%.0f KB), %d page%s\n",
           audience, N_RUNS, quantile (times, 0.5), quantile (times, 0.99), quantile (times, 0),
           (long long) st.st_size, st.st_size / 1024.0, pages, pages == 1 ? "" : "s");
}

static void
bench_start (const char *bin)
{
  const char * const argv[] = { bin, "--version", NULL };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  run_once (argv);
  for (guint i = 0; i < N_RUNS; i++)
    {
      double ms = run_once (argv);

      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  g_print ("%-10s fresh process, %u runs: median %.1f ms, p99 %.1f ms (crepitus --version)\n",
           "start", N_RUNS, quantile (times, 0.5), quantile (times, 0.99));
}

static void
bench_libreoffice (const char *dir,
                   const char *text)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *txt = g_build_filename (dir, "handout.txt", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  if (soffice == NULL)
    soffice = g_find_program_in_path ("libreoffice");
  if (soffice == NULL)
    {
      g_print ("LibreOffice is not installed: not timed (the issue gives 3.5 s a handout)\n");
      return;
    }

  g_assert_true (g_file_set_contents (txt, text, -1, NULL));
  for (guint i = 0; i < 5; i++)
    {
      const char * const argv[] = { soffice, "--headless", "--convert-to", "pdf", "--outdir", dir,
                                    txt, NULL };
      double ms = run_once (argv);

      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  g_print ("LibreOffice --convert-to pdf of the handout's text, 5 runs: median %.0f ms\n",
           quantile (times, 0.5));
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
  g_autofree char *handout = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *summary = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *handout_text = NULL;
  g_autofree char *summary_text = NULL;

  g_assert_no_error (error);
  if (bin == NULL || srcdir == NULL)
    g_error ("set CREPITUS_BIN and G_TEST_SRCDIR (meson test --benchmark does)");
  input = g_build_filename (srcdir, "fixtures", "example.json", NULL);

  bench_start (bin);
  bench (bin, input, "patient", handout, &handout_text);
  bench (bin, input, "clinician", summary, &summary_text);
  bench_libreoffice (dir, handout_text);

  g_unlink (handout);
  g_unlink (summary);
  g_rmdir (dir);
  return 0;
}
