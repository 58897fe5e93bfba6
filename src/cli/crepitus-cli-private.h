/* crepitus-cli-private.h — helpers shared by the headless commands */
#pragma once

#include <gio/gio.h>

#include "crepitus-cli.h"
#include "crepitus-store.h"

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

/* The assessment file at @path ("-": standard input), read by the JSON reader; %NULL, with
 * one line printed naming the file and the problem, when it cannot be read or is not one. */
CrepitusAssessment *crepitus_cli_read_assessment (const char *path);

/* Who is acting (DESIGN.md "Who is acting"): --clinician, else the clinician-name setting;
 * %NULL when both are empty. */
char     *crepitus_cli_dup_clinician (const CrepitusGlobalOptions *options);

/* Where the database is: --db, else the database setting, else the default file; %NULL
 * (with one line printed) when the setting holds a password. */
char     *crepitus_cli_dup_db_path   (const CrepitusGlobalOptions *options);

/* Opens the database of --db, or the default one, acting as crepitus_cli_dup_clinician(); on
 * error prints one line and returns %NULL. */
CrepitusStore *crepitus_cli_open_store  (const CrepitusGlobalOptions *options);

/* The same for a command that only reads: a database the user may read but not write is
 * opened to read only. */
CrepitusStore *crepitus_cli_open_store_to_read (const CrepitusGlobalOptions *options);

/* A field of a tab-separated line: empty when %NULL, tabs and line breaks as spaces. */
char     *crepitus_cli_field         (const char  *text);

/* Prints @error of the store at @db_path on one line: as it is when it names the database
 * file or @where, else after @where (the input it is about). */
void      crepitus_cli_store_error   (const char    *db_path,
                                      const char    *where,
                                      const GError  *error);

/* Parses @text as the id of a patient or an assessment; on error prints a usage error. */
gboolean  crepitus_cli_parse_id      (const char  *command,
                                      const char  *text,
                                      gint64      *id);

/* Writes @json (a jansson value, consumed) to standard output, two-space indented. */
void      crepitus_cli_print_json    (gpointer     json);

int       crepitus_cli_amend         (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_audit         (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_backup        (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_check         (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_entered_in_error (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_restore       (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_where         (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_sign          (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_export        (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_history       (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_import        (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_list          (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_score         (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);
int       crepitus_cli_triage        (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);

int       crepitus_cli_report        (const CrepitusGlobalOptions *options,
                                      int                          argc,
                                      char                       **argv);

G_END_DECLS
