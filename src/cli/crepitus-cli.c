/* crepitus-cli.c — the headless commands: no display, no D-Bus, no installed schema needed */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-cli.h"

typedef int (*CrepitusCommandFunc) (const CrepitusGlobalOptions *options,
                                    int                          argc,
                                    char                       **argv);

typedef struct
{
  const char          *name;
  const char          *summary;   /* N_() */
  CrepitusCommandFunc  func;
} CrepitusCommand;

static const CrepitusCommand commands[] = {
  { NULL, NULL, NULL },
};

char *
crepitus_cli_describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (gsize i = 0; commands[i].name != NULL; i++)
    g_string_append_printf (text, "\n  %-10s %s", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "\n\n%s",
                          _("Without a command, Crepitus opens its window."));

  return g_string_free (text, FALSE);
}

int
crepitus_cli_run (const CrepitusGlobalOptions *options,
                  int                          argc,
                  char                       **argv)
{
  g_return_val_if_fail (argc > 0, CREPITUS_EXIT_USAGE);

  for (gsize i = 0; commands[i].name != NULL; i++)
    if (g_str_equal (commands[i].name, argv[0]))
      return commands[i].func (options, argc, argv);

  g_printerr ("crepitus: ");
  g_printerr (_("unknown command “%s”; see “crepitus --help”"), argv[0]);
  g_printerr ("\n");
  return CREPITUS_EXIT_USAGE;
}
