/* main.c — `crepitus` opens the window; `crepitus COMMAND …` runs headless */
#define G_LOG_DOMAIN "crepitus"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "crepitus-application.h"
#include "crepitus-cli.h"

static void
setup_gettext (void)
{
  const char *localedir = g_getenv ("CREPITUS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *clinician = NULL;
  g_autofree char *commands = NULL;
  gboolean show_version = FALSE;
  g_auto(GStrv) args = NULL;
  int n_args;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database at PATH instead of the default one"), N_("PATH") },
    { "clinician", 0, 0, G_OPTION_ARG_STRING, &clinician,
      N_("Act as the clinician NAME"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  setup_gettext ();

  /* Work on a copy so that GOptionContext may rearrange it. */
  args = g_strdupv (argv);
  n_args = argc;

  context = g_option_context_new (_("[COMMAND [ARGUMENT…]]"));
  g_option_context_set_summary (context,
                                _("Assess lower back popping on leg movement, triage it and "
                                  "hand the patient a summary."));
  commands = crepitus_cli_describe_commands ();
  g_option_context_set_description (context, commands);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Global options come before the command; everything after it is the command's. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("crepitus: %s\n", error->message);
      return CREPITUS_EXIT_USAGE;
    }
  n_args = g_strv_length (args);

  if (show_version)
    {
      g_print ("crepitus %s\n", PACKAGE_VERSION);
      return CREPITUS_EXIT_OK;
    }

  if (n_args > 1)
    {
      CrepitusGlobalOptions options = { db_path, clinician };

      if (args[1][0] == '-' && args[1][1] != '\0')
        {
          g_printerr ("crepitus: ");
          g_printerr (_("unknown option “%s”; see “crepitus --help”"), args[1]);
          g_printerr ("\n");
          return CREPITUS_EXIT_USAGE;
        }

      return crepitus_cli_run (&options, n_args - 1, args + 1);
    }

  {
    g_autoptr(CrepitusApplication) app = crepitus_application_new (db_path, clinician);

    g_set_application_name (_("Crepitus"));
    return g_application_run (G_APPLICATION (app), 1, args);
  }
}
