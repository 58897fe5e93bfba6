/* crepitus-cli-report.c — `crepitus report FILE.json|--id ID --audience … -o OUT.pdf`: a PDF
 * report, of an assessment file or of a stored assessment */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-cli-private.h"
#include "crepitus-history.h"
#include "crepitus-locale.h"
#include "crepitus-report.h"
#include "crepitus-report-settings.h"
#include "crepitus-settings.h"

/* The stored assessment @id, and its patient's visits for the clinician summary's chart. */
static CrepitusAssessment *
load_stored (const CrepitusGlobalOptions  *options,
             gint64                        id,
             CrepitusHistory             **history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = crepitus_cli_open_store_to_read (options);
  g_autoptr(CrepitusAssessment) assessment = NULL;

  if (store == NULL)
    return NULL;
  assessment = crepitus_store_load_assessment (store, id, &error);
  if (assessment != NULL)
    *history = crepitus_history_load (store, crepitus_assessment_get_patient (assessment), &error);
  if (assessment == NULL || *history == NULL)
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), "crepitus report", error);
      return NULL;
    }
  return g_steal_pointer (&assessment);
}

int
crepitus_cli_report (const CrepitusGlobalOptions *options,
                     int                          argc,
                     char                       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(CrepitusHistory) history = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *audience_text = NULL;
  g_autofree char *language = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *output = NULL;
  g_auto(CrepitusReportSettings) settings = { 0 };
  CrepitusReportOptions report_options = { 0 };
  CrepitusReportStats stats = { 0 };
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text,
      N_("Report on the stored assessment ID instead of a file"), N_("ID") },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &audience_text,
      N_("Who the report is for: patient (the handout) or clinician (the summary)"),
      N_("AUDIENCE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language,
      NULL /* lang_help */, N_("CODE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text,
      N_("The paper size: a4 or letter (default: the paper-size setting)"), N_("SIZE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to OUT.pdf"), N_("OUT.pdf") },
    { NULL }
  };
  gint64 id = 0;
  g_autofree char *shipped_languages = crepitus_locale_describe_shipped ();
  /* Translators: %s is the list of language codes, e.g. "en, de, es" */
  g_autofree char *lang_help = g_strdup_printf (_("The language of the report: one of %s (default: "
                                                  "the patient’s, else the default-report-language "
                                                  "setting, else en)"), shipped_languages);

  for (guint i = 0; entries[i].long_name != NULL; i++)
    if (g_str_equal (entries[i].long_name, "lang"))
      entries[i].description = lang_help;

  if (!crepitus_cli_parse_options ("report",
                                   _("FILE.json|--id ID --audience patient|clinician -o OUT.pdf"),
                                   entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (id_text != NULL)
    {
      if (argc != 1)
        return crepitus_cli_usage_error ("report", _("give either FILE.json or --id ID, not both"));
      if (!crepitus_cli_parse_id ("report", id_text, &id))
        return CREPITUS_EXIT_USAGE;
    }
  else if (argc != 2)
    return crepitus_cli_usage_error ("report",
                                     _("expected one FILE.json (or - for standard input), "
                                       "or --id ID"));

  if (audience_text == NULL)
    return crepitus_cli_usage_error ("report", _("--audience patient or --audience clinician is required"));
  if (!crepitus_report_audience_from_string (audience_text, &report_options.audience))
    {
      g_autofree char *problem = g_strdup_printf (_("unknown audience “%s”: use patient or clinician"),
                                                  audience_text);

      return crepitus_cli_usage_error ("report", problem);
    }

  if (language != NULL && !crepitus_locale_is_shipped (language))
    {
      g_autofree char *shipped = crepitus_locale_describe_shipped ();
      g_autofree char *problem =
        /* Translators: %1$s is what was given, %2$s the list of language codes */
        g_strdup_printf (_("unknown report language “%1$s”: use one of %2$s"), language, shipped);

      return crepitus_cli_usage_error ("report", problem);
    }

  crepitus_report_settings_load (&settings);
  crepitus_report_settings_apply (&settings, &report_options);
  if (paper_text == NULL)
    paper_text = g_strdup (settings.paper);
  if (!crepitus_report_paper_from_string (paper_text, &report_options.paper))
    {
      g_autofree char *problem = g_strdup_printf (_("unknown paper size “%s”: use a4 or letter"),
                                                  paper_text);

      return crepitus_cli_usage_error ("report", problem);
    }

  /* "-" is standard input only (DESIGN.md), never a file called "-" by surprise. */
  if (output == NULL || *output == '\0' || g_str_equal (output, "-"))
    return crepitus_cli_usage_error ("report", _("-o OUT.pdf is required"));

  /* The same assessment whichever way it comes: a stored one reads as its export would. */
  assessment = id_text != NULL ? load_stored (options, id, &history) : crepitus_cli_read_assessment (argv[1]);
  if (assessment == NULL)
    return CREPITUS_EXIT_ERROR;
  report_options.history = history;

  /* DESIGN.md's order: --lang, the patient's language, default-report-language, English. */
  if (language == NULL)
    {
      CrepitusPatient *patient = crepitus_assessment_get_patient (assessment);
      g_autofree char *default_language = crepitus_settings_dup_string ("default-report-language");

      language = g_strdup (crepitus_report_choose_language (patient != NULL ?
                                                            crepitus_patient_get_language (patient) :
                                                            NULL,
                                                            default_language));
    }
  report_options.language = language;


  /* A logo that cannot be used costs the patient nothing: the report is made without it. */
  if (settings.logo_error != NULL)
    {
      g_autofree char *line = g_strdup (settings.logo_error->message);

      g_printerr (_("%s (the report is made without it)\n"), g_strdelimit (line, "\r\n", ' '));
    }

  if (!crepitus_report_write (assessment, &report_options, output, &stats, &error))
    {
      /* The message names the file already. */
      g_autofree char *line = g_strdup (error->message);

      g_printerr ("%s\n", g_strdelimit (line, "\r\n", ' '));
      return CREPITUS_EXIT_ERROR;
    }

  if (stats.substituted > 0)
    {
      g_printerr ("%s: ", output);
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "warning: %u character is not in the report font and is shown as “�”",
                               "warning: %u characters are not in the report font and are shown as “�”",
                               stats.substituted),
                  stats.substituted);
      g_printerr ("\n");
    }
  return CREPITUS_EXIT_OK;
}
