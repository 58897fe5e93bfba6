/* main.c — `crepitus` opens the window; `crepitus COMMAND …` runs headless */
#define G_LOG_DOMAIN "crepitus"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "crepitus-cli.h"
#include "crepitus-locale.h"
#include "crepitus-modules.h"
#include "crepitus-settings.h"
#include "crepitus-store.h"

typedef int (*CrepitusWindowMain) (const char *argv0,
                                   const char *db_path,
                                   const char *clinician);

/* GTK is loaded only here, so that headless commands never pay for it. */
static int
run_window (const char *argv0,
            const char *db_path,
            const char *clinician)
{
  /* Beside the executable in the build tree, else where it is installed. */
  g_autofree char *path = crepitus_module_find ("crepitus-window", "app",
                                                "CREPITUS_WINDOW_MODULE");
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  CrepitusWindowMain window_main;

  if (module == NULL || !g_module_symbol (module, "crepitus_window_main",
                                          (gpointer *) &window_main))
    {
      g_printerr ("crepitus: ");
      g_printerr (_("cannot open the window: %s"), g_module_error ());
      g_printerr ("\n");
      return CREPITUS_EXIT_ERROR;
    }
  /* The module stays loaded: GTK cannot be unloaded. */
  return window_main (argv0, db_path, clinician);
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
      N_("Use the database file at PATH, or the clinic’s server at a postgresql:// URI, "
         "instead of the default one"), N_("PATH") },
    { "clinician", 0, 0, G_OPTION_ARG_STRING, &clinician,
      N_("Act as the clinician NAME"), N_("NAME") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  crepitus_locale_setup_ui ();

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

  /* Nothing printed holds a password (crepitus_store_location_for_display). */
  if (db_path != NULL && !crepitus_store_location_check (db_path, &error))
    {
      g_autofree char *shown = crepitus_store_location_for_display (db_path);

      g_printerr ("crepitus: ");
      /* Translators: --db “LOCATION”: what is wrong with it */
      g_printerr (_("--db “%s”: %s"), shown, error->message);
      g_printerr ("\n");
      return CREPITUS_EXIT_USAGE;
    }

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

  /* The window, like every command, uses the database setting when --db is not given. */
  if (db_path == NULL)
    {
      g_autofree char *setting = crepitus_settings_dup_string ("database");

      if (setting != NULL && *g_strstrip (setting) != '\0')
        {
          if (!crepitus_store_location_check (setting, &error))
            {
              g_autofree char *shown = crepitus_store_location_for_display (setting);

              g_printerr ("crepitus: ");
              /* Translators: the database setting (LOCATION): what is wrong with it */
              g_printerr (_("the database setting (%s): %s"), shown, error->message);
              g_printerr ("\n");
              return CREPITUS_EXIT_ERROR;
            }
          db_path = g_steal_pointer (&setting);
        }
    }
  return run_window (args[0], db_path, clinician);
}
