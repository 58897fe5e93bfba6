/* crepitus-cli.h — the headless commands */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Options that come before the command (DESIGN.md "Command line"). */
typedef struct
{
  char *db_path;     /* --db, or NULL for the default database */
  char *clinician;   /* --clinician, or NULL for GSettings clinician-name */
} CrepitusGlobalOptions;

/* Exit statuses of every command. */
enum
{
  CREPITUS_EXIT_OK    = 0,
  CREPITUS_EXIT_ERROR = 1,
  CREPITUS_EXIT_USAGE = 2,
};

/* The commands and their one-line descriptions, for `crepitus --help`. */
char *crepitus_cli_describe_commands (void);

/* Runs the command in @argv[0] headless; returns the process exit status. */
int   crepitus_cli_run               (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);

G_END_DECLS
