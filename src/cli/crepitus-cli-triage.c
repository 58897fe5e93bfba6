/* crepitus-cli-triage.c — `crepitus triage FILE.json`: the §4 result on one line */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-cli-private.h"
#include "crepitus-json.h"
#include "crepitus-triage.h"

int
crepitus_cli_triage (const CrepitusGlobalOptions *options,
                     int                          argc,
                     char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(CrepitusTriage) triage = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *line = NULL;
  GOptionEntry entries[] = { { NULL } };
  const char *path;
  gsize length;

  if (!crepitus_cli_parse_options ("triage", _("FILE.json"), entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 2)
    return crepitus_cli_usage_error ("triage", _("expected one FILE.json (or - for standard input)"));
  path = argv[1];

  if (!crepitus_cli_read_input (path, &contents, &length, &error))
    {
      crepitus_cli_error (path, error->message);
      return CREPITUS_EXIT_ERROR;
    }

  assessment = crepitus_json_read (contents, length, &error);
  if (assessment == NULL)
    {
      crepitus_cli_error (path, error->message);
      return CREPITUS_EXIT_ERROR;
    }

  triage = crepitus_triage_compute (assessment);
  line = crepitus_triage_to_json (triage);
  g_print ("%s\n", line);
  return CREPITUS_EXIT_OK;
}
