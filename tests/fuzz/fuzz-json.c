/* fuzz-json.c — libFuzzer target: any bytes through the JSON reader (and the scanner that
 * names the path of jansson's errors); a document it accepts writes, reads again and writes
 * the same, with the same triage */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crepitus-json.h"
#include "crepitus-json-path.h"
#include "crepitus-triage.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A broken promise is a finding: the fuzzer reports the abort with its input. */
static void
check (gboolean    holds,
       const char *what)
{
  if (!holds)
    {
      g_printerr ("fuzz-json: %s\n", what);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(CrepitusAssessment) again = NULL;
  g_autoptr(CrepitusTriage) triage = NULL;
  g_autoptr(CrepitusTriage) triage_again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *line = NULL;
  g_autofree char *line_again = NULL;

  /* The scanner that names the path of jansson's errors, at any position of any bytes (the
   * reader calls it only where jansson stopped). */
  for (size_t position = 0; position <= size; position += size / 4 + 1)
    {
      g_autofree char *key = NULL;
      g_autofree char *path = crepitus_json_path_at ((const char *) data, size, position, &key);

      check (path != NULL, "no path");
      check (key == NULL || g_str_has_suffix (path, key), "the key does not end the path");
    }

  assessment = crepitus_json_read ((const char *) data, size, &error);
  if (assessment == NULL)
    {
      check (error != NULL, "refused without a message");
      check (g_utf8_validate (error->message, -1, NULL), "a message is not valid UTF-8");
      check (strchr (error->message, '\n') == NULL, "a message is not one line");
      return 0;
    }
  check (error == NULL, "accepted with a message");

  written = crepitus_json_write (assessment);
  again = crepitus_json_read (written, strlen (written), &error);
  if (again == NULL)
    g_printerr ("fuzz-json: %s\n%s", error->message, written);
  check (again != NULL, "its own output is refused");
  rewritten = crepitus_json_write (again);
  check (g_str_equal (written, rewritten), "writing twice differs");

  triage = crepitus_triage_compute (assessment);
  triage_again = crepitus_triage_compute (again);
  line = crepitus_triage_to_json (triage);
  line_again = crepitus_triage_to_json (triage_again);
  check (g_str_equal (line, line_again), "the triage changed on the round trip");
  return 0;
}
