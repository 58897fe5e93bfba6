/* bench-json-errors.c — what naming the path of jansson's own errors costs
 *
 * A document of N filler entries (about 125 bytes each) with a number too large at its end:
 * the whole read (jansson parses to the error, then crepitus-json-path.c scans the text before
 * it) against the scan alone. Prints the timings of 20 runs of each.
 */
#include "config.h"

#include "bench-util.h"
#include "crepitus-json.h"
#include "crepitus-json-path.h"

#define RUNS 20

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 80000;
  g_autoptr(GString) text = g_string_new ("{\"format\": \"crepitus-assessment\", \"version\": 1, "
                                          "\"patient\": {\"family_name\": \"Kim\"}, "
                                          "\"assessment\": {\"date\": \"2025-06-01\", \"x\": [");
  g_autoptr(GArray) reads = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) scans = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *what_read = NULL;
  g_autofree char *what_scan = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s[\"%0100u\", {\"k\": [1, 2, 3]}]", i > 0 ? ", " : "", i);
  g_string_append (text, "], \"pain_score\": 99999999999999999999}}");

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      gint64 start = g_get_monotonic_time ();
      CrepitusAssessment *assessment = crepitus_json_read (text->str, text->len, &error);

      g_array_append_vals (reads, (gint64[]) { g_get_monotonic_time () - start }, 1);
      g_assert (assessment == NULL);
      g_assert (g_str_has_prefix (error->message, "assessment.pain_score: "));

      start = g_get_monotonic_time ();
      path = crepitus_json_path_at (text->str, text->len, text->len - 2, NULL);
      g_array_append_vals (scans, (gint64[]) { g_get_monotonic_time () - start }, 1);
      g_assert (g_str_equal (path, "assessment.pain_score"));
    }

  what_read = g_strdup_printf ("read to the error, %.1f MB", text->len / 1e6);
  what_scan = g_strdup_printf ("path scan alone, %.1f MB", text->len / 1e6);
  bench_report (what_read, reads);
  bench_report (what_scan, scans);
  return 0;
}
