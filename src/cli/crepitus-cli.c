/* crepitus-cli.c — the headless commands: no display, no D-Bus, no installed schema needed */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include <gio/gunixinputstream.h>
#include <jansson.h>

#include "crepitus-cli-private.h"
#include "crepitus-json.h"
#include "crepitus-settings.h"

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
  { "triage", N_("Print the referral triage of an assessment file or a stored assessment"),
    crepitus_cli_triage },
  { "import", N_("Store an assessment file; print the new assessment’s id"), crepitus_cli_import },
  { "export", N_("Print a stored assessment as an assessment file"), crepitus_cli_export },
  { "list", N_("List the stored patients"), crepitus_cli_list },
  { "history", N_("List a patient’s assessments with their triage"), crepitus_cli_history },
  { "score", N_("Print the scores of a stored assessment’s measures and what they suggest"),
    crepitus_cli_score },
  { "report", N_("Write the patient handout or the clinician summary as PDF"), crepitus_cli_report },
  { "sign", N_("Sign a stored assessment as the clinician acting; it is read-only from then on"),
    crepitus_cli_sign },
  { "amend", N_("Copy a signed assessment into a new one to correct; print the new id"),
    crepitus_cli_amend },
  { "entered-in-error", N_("Mark a stored assessment as entered in error (kept, left out of "
                           "the history)"), crepitus_cli_entered_in_error },
  { "audit", N_("List the audit log, of one assessment or of everything"), crepitus_cli_audit },
  { "backup", N_("Copy the database, checked, to a new file"), crepitus_cli_backup },
  { "restore", N_("Replace the database with a backup, keeping the replaced file beside it; "
                   "on a server, load it into an empty database"), crepitus_cli_restore },
  { "check", N_("Check every page of the database for damage (backup and restore check "
                 "too)"), crepitus_cli_check },
  { "where", N_("Print where the database is (a file, or a server’s URI without its "
                "password) and which backend keeps it"), crepitus_cli_where },
  { NULL, NULL, NULL },
};

void
crepitus_cli_error (const char *where,
                    const char *problem)
{
  g_autofree char *line = g_strdup_printf ("%s: %s", where, problem);

  /* One line, whatever the problem text holds. */
  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("%s\n", line);
}

int
crepitus_cli_usage_error (const char *command,
                          const char *problem)
{
  g_autofree char *where = g_strconcat ("crepitus ", command, NULL);

  crepitus_cli_error (where, problem);
  return CREPITUS_EXIT_USAGE;
}

gboolean
crepitus_cli_parse_options (const char   *command,
                            const char   *parameter_string,
                            GOptionEntry *entries,
                            int          *argc,
                            char       ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameters = g_strdup_printf ("%s %s", command, parameter_string);

  context = g_option_context_new (parameters);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* The strv variant frees the options it takes out: they belong to main's copy of argv. */
  if (!g_option_context_parse_strv (context, argv, &error))
    {
      crepitus_cli_usage_error (command, error->message);
      return FALSE;
    }
  *argc = g_strv_length (*argv);
  return TRUE;
}

gboolean
crepitus_cli_read_input (const char  *path,
                         char       **contents,
                         gsize       *length,
                         GError     **error)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;

  if (g_strcmp0 (path, "-") != 0)
    return g_file_get_contents (path, contents, length, error);

  input = g_unix_input_stream_new (0, FALSE);
  output = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (output, input, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return FALSE;
  *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output));
  /* NUL-terminate for callers that want a string; the length stays exact. */
  *contents = g_malloc (*length + 1);
  memcpy (*contents, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)), *length);
  (*contents)[*length] = '\0';
  return TRUE;
}

CrepitusAssessment *
crepitus_cli_read_assessment (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  CrepitusAssessment *assessment;
  gsize length;

  if (!crepitus_cli_read_input (path, &contents, &length, &error))
    {
      crepitus_cli_error (path, error->message);
      return NULL;
    }
  assessment = crepitus_json_read (contents, length, &error);
  if (assessment == NULL)
    crepitus_cli_error (path, error->message);
  return assessment;
}

char *
crepitus_cli_dup_clinician (const CrepitusGlobalOptions *options)
{
  g_autofree char *name = g_strdup (options->clinician);

  if (name == NULL || *g_strstrip (name) == '\0')
    {
      g_free (name);
      name = crepitus_settings_dup_string ("clinician-name");
      if (name != NULL)
        g_strstrip (name);
    }
  if (name == NULL || *name == '\0')
    return NULL;
  return g_steal_pointer (&name);
}

char *
crepitus_cli_dup_db_path (const CrepitusGlobalOptions *options)
{
  g_autofree char *setting = NULL;
  g_autoptr(GError) error = NULL;

  if (options->db_path != NULL)
    return g_strdup (options->db_path);

  /* The database setting: a clinic's server, or another file; empty: the default file. */
  setting = crepitus_settings_dup_string ("database");
  if (setting == NULL || *g_strstrip (setting) == '\0')
    return crepitus_store_default_path ();
  if (!crepitus_store_location_check (setting, &error))
    {
      g_autofree char *shown = crepitus_store_location_for_display (setting);
      /* Translators: the database setting (LOCATION): what is wrong with it */
      g_autofree char *problem = g_strdup_printf (_("the database setting (%s): %s"), shown,
                                                  error->message);

      crepitus_cli_error ("crepitus", problem);
      return NULL;
    }
  return g_steal_pointer (&setting);
}

CrepitusStore *
crepitus_cli_open_store (const CrepitusGlobalOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = crepitus_cli_dup_db_path (options);
  g_autofree char *clinician = NULL;
  CrepitusStore *store;

  if (path == NULL)
    return NULL;
  store = crepitus_store_open (path, &error);
  if (store == NULL)
    {
      g_autofree char *shown = crepitus_store_location_for_display (path);

      crepitus_cli_store_error (shown, shown, error);
      return NULL;
    }
  clinician = crepitus_cli_dup_clinician (options);
  crepitus_store_set_clinician (store, clinician);
  return store;
}

CrepitusStore *
crepitus_cli_open_store_to_read (const CrepitusGlobalOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = crepitus_cli_dup_db_path (options);
  g_autofree char *folder = NULL;
  CrepitusStore *store;

  if (path == NULL)
    return NULL;
  /* A database the user may read but not write (nor its folder, where SQLite keeps its
   * -wal and -shm) is opened to read only; any other as usual, created or updated. A
   * server says itself what this user may do. */
  folder = g_path_get_dirname (path);
  if (crepitus_store_location_is_server (path) || !g_file_test (path, G_FILE_TEST_EXISTS) ||
      (access (path, W_OK) == 0 && access (folder, W_OK | X_OK) == 0))
    return crepitus_cli_open_store (options);
  store = crepitus_store_open_read_only (path, &error);
  if (store == NULL)
    crepitus_cli_store_error (path, path, error);
  return store;
}

char *
crepitus_cli_field (const char *text)
{
  return g_strdelimit (g_strdup (text != NULL ? text : ""), "\t\r\n", ' ');
}

void
crepitus_cli_store_error (const char   *db_path,
                          const char   *where,
                          const GError *error)
{
  g_autofree char *prefix = g_strconcat (db_path, ": ", NULL);
  g_autofree char *where_prefix = g_strconcat (where, ": ", NULL);

  /* The store names the database file itself when the problem is the file's, and the other
   * file (a backup) when it is that one's. */
  if (g_str_has_prefix (error->message, prefix))
    crepitus_cli_error (db_path, error->message + strlen (prefix));
  else if (g_str_has_prefix (error->message, where_prefix))
    crepitus_cli_error (where, error->message + strlen (where_prefix));
  else
    crepitus_cli_error (where, error->message);
}

gboolean
crepitus_cli_parse_id (const char *command,
                       const char *text,
                       gint64     *id)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &number, NULL))
    {
      g_autofree char *problem = g_strdup_printf (_("“%s” is not an id (a whole number from 1)"),
                                                  text);

      crepitus_cli_usage_error (command, problem);
      return FALSE;
    }
  *id = number;
  return TRUE;
}

void
crepitus_cli_print_json (gpointer json)
{
  char *text = json_dumps (json, JSON_INDENT (2) | JSON_PRESERVE_ORDER);

  g_print ("%s\n", text);
  free (text);
  json_decref (json);
}

char *
crepitus_cli_describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (gsize i = 0; commands[i].name != NULL; i++)
    g_string_append_printf (text, "\n  %-17s %s", commands[i].name, _(commands[i].summary));
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
