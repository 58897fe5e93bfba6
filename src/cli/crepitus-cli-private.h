/* crepitus-cli-private.h — helpers shared by the headless commands */
#pragma once

#include <gio/gio.h>

#include "crepitus-cli.h"

G_BEGIN_DECLS

/* Prints "WHERE: PROBLEM" on one line of standard error. */
void      crepitus_cli_error         (const char  *where,
                                      const char  *problem);

/* Prints a usage error for @command on one line of standard error; returns 2. */
int       crepitus_cli_usage_error   (const char  *command,
                                      const char  *problem);

/* Parses the command's own options out of @argv (a tail of a GStrv: the options taken out are
 * freed); on error prints one line and returns FALSE. */
gboolean  crepitus_cli_parse_options (const char   *command,
                                      const char   *parameter_string,
                                      GOptionEntry *entries,
                                      int          *argc,
                                      char       ***argv);

/* Reads @path whole, or standard input for "-". */
gboolean  crepitus_cli_read_input    (const char  *path,
                                      char       **contents,
                                      gsize       *length,
                                      GError     **error);

int       crepitus_cli_triage        (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);

int       crepitus_cli_report        (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);

G_END_DECLS
