/* crepitus-cli-triage.c — `crepitus triage FILE.json` or `crepitus triage --id ID`: the §4
 * result on one line */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-cli-private.h"
#include "crepitus-triage.h"

static CrepitusAssessment *
load_stored (const CrepitusGlobalOptions *options,
             gint64                       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = crepitus_cli_open_store_to_read (options);
  CrepitusAssessment *assessment;

  if (store == NULL)
    return NULL;
  assessment = crepitus_store_load_assessment (store, id, &error);
  if (assessment == NULL)
    crepitus_cli_store_error (crepitus_store_get_path (store), "crepitus triage", error);
  return assessment;
}

int
crepitus_cli_triage (const CrepitusGlobalOptions *options,
                     int                          argc,
                     char                       **argv)
{
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(CrepitusTriage) triage = NULL;
  g_autofree char *line = NULL;
  g_autofree char *id_text = NULL;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text,
      N_("Triage the stored assessment ID instead of a file"), N_("ID") },
    { NULL }
  };
  gint64 id;

  if (!crepitus_cli_parse_options ("triage", _("FILE.json | --id ID"), entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;

  if (id_text != NULL)
    {
      if (argc != 1)
        return crepitus_cli_usage_error ("triage", _("give either FILE.json or --id ID, not both"));
      if (!crepitus_cli_parse_id ("triage", id_text, &id))
        return CREPITUS_EXIT_USAGE;
      assessment = load_stored (options, id);
    }
  else
    {
      if (argc != 2)
        return crepitus_cli_usage_error ("triage",
                                         _("expected one FILE.json (or - for standard input), "
                                           "or --id ID"));
      assessment = crepitus_cli_read_assessment (argv[1]);
    }
  if (assessment == NULL)
    return CREPITUS_EXIT_ERROR;

  triage = crepitus_triage_compute (assessment);
  line = crepitus_triage_to_json (triage);
  g_print ("%s\n", line);
  return CREPITUS_EXIT_OK;
}
