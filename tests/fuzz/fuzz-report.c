/* fuzz-report.c — libFuzzer target: any document the JSON reader accepts makes both reports,
 * on both papers, as a real PDF file (long, right-to-left, combining, emoji and control text
 * in the seeds) */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "crepitus-json.h"
#include "crepitus-report.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *folder;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autofree char *path = NULL;

  if (folder == NULL)
    folder = g_dir_make_tmp ("crepitus-fuzz-XXXXXX", NULL);
  assessment = crepitus_json_read ((const char *) data, size, NULL);
  if (assessment == NULL || folder == NULL)
    return 0;

  path = g_build_filename (folder, "report.pdf", NULL);
  for (int audience = 0; audience < 2; audience++)
    {
      CrepitusReportOptions options = {
        .audience = audience,
        .paper = audience ? CREPITUS_REPORT_PAPER_LETTER : CREPITUS_REPORT_PAPER_A4,
        .language = "en",
        .clinic_name = "Clinic",
      };
      g_autoptr(GError) error = NULL;
      CrepitusReportStats stats = { 0 };

      if (crepitus_report_write (assessment, &options, path, &stats, &error))
        {
          GStatBuf st;

          /* A report that was written is a whole PDF of at least one page. */
          if (stats.pages < 1 || g_stat (path, &st) != 0 || st.st_size < 100)
            abort ();
          g_unlink (path);
        }
      else if (error == NULL || !g_str_has_prefix (error->message, path))
        {
          /* Refused: with a message that names the file, and nothing left behind. */
          abort ();
        }
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        abort ();
    }
  return 0;
}
