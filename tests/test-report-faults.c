/* test-report-faults.c — reports that libharu cannot make fail cleanly, and output paths that
 * are not files are refused */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "crepitus-report.h"
#include "crepitus-test-util.h"

/* A name far longer than any field allows (the model holds what it is given; the field table
 * refuses it at every entrance) still never crashes a report: libharu refuses the document
 * information, the report says so, and no file is left. */
static void
test_libharu_error_reported (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("crepitus-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "report.pdf", NULL);
  g_autofree char *huge = g_strnfill (70000, 'x');
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (patient);
  g_autoptr(GError) error = NULL;
  CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4, "en" };

  crepitus_patient_set_family_name (patient, huge);
  crepitus_assessment_set_date (assessment, "2026-01-05");
  crepitus_assessment_set_clinician (assessment, huge);

  for (int audience = 0; audience < 2; audience++)
    {
      options.audience = audience;
      g_assert_false (crepitus_report_write (assessment, &options, path, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_clear_error (&error);
    }
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

/* -o names a FIFO, a device or a folder: refused in one line, and the node is still what it
 * was. */
static void
test_output_not_a_file (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("crepitus-report-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (tmpdir, "pipe", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "example.json", NULL);
  const char *targets[] = { fifo, "/dev/null", tmpdir };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_auto(CrepitusRun) run = { 0 };
      GStatBuf st;

      crepitus_run (&run, NULL, (const char *[]) { "report", fixture, "--audience", "patient",
                                                   "-o", targets[i], NULL });
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
      g_assert_nonnull (strstr (run.err, "not a regular file"));
      g_assert_cmpint (g_stat (targets[i], &st), ==, 0);
      g_assert_false (S_ISREG (st.st_mode));
    }
  g_assert_cmpint (g_unlink (fifo), ==, 0);
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crepitus/report/faults/libharu-error-reported", test_libharu_error_reported);
  g_test_add_func ("/crepitus/report/faults/output-not-a-file", test_output_not_a_file);
  return g_test_run ();
}
