/* crepitus-cli-sign.c — `crepitus sign ID`, `crepitus amend ID` and
 * `crepitus entered-in-error ID`: what the clinician acting does to a stored assessment */
#define G_LOG_DOMAIN "crepitus-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-cli-private.h"

typedef enum { SIGN, AMEND, ENTERED_IN_ERROR } Action;

static const char * const command_names[] = {
  [SIGN] = "sign",
  [AMEND] = "amend",
  [ENTERED_IN_ERROR] = "entered-in-error",
};

static int
run_action (const CrepitusGlobalOptions  *options,
            Action                        action,
            int                           argc,
            char                        **argv)
{
  const char *command = command_names[action];
  g_autofree char *where = g_strconcat ("crepitus ", command, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusStore) store = NULL;
  g_autofree char *clinician = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 id, result = -1;

  if (!crepitus_cli_parse_options (command, _("ID"), entries, &argc, &argv))
    return CREPITUS_EXIT_USAGE;
  if (argc != 2)
    return crepitus_cli_usage_error (command, _("expected the id of one assessment"));
  if (!crepitus_cli_parse_id (command, argv[1], &id))
    return CREPITUS_EXIT_USAGE;

  /* The clinician signs: never an assessment signed by no one. */
  clinician = crepitus_cli_dup_clinician (options);
  if (clinician == NULL)
    return crepitus_cli_usage_error (command,
                                     _("who is acting is not known; pass --clinician NAME "
                                       "before the command, or set your name in the window"));

  store = crepitus_cli_open_store (options);
  if (store == NULL)
    return CREPITUS_EXIT_ERROR;

  switch (action)
    {
    case SIGN:
      result = crepitus_store_sign (store, id, clinician, &error) ? id : -1;
      break;
    case AMEND:
      result = crepitus_store_amend (store, id, clinician, &error);
      break;
    case ENTERED_IN_ERROR:
      result = crepitus_store_mark_entered_in_error (store, id, clinician, &error) ? id : -1;
      break;
    default:
      g_assert_not_reached ();
    }
  if (result < 0)
    {
      crepitus_cli_store_error (crepitus_store_get_path (store), where, error);
      return CREPITUS_EXIT_ERROR;
    }

  if (action == SIGN)
    {
      g_autoptr(CrepitusAssessment) assessment = crepitus_store_load_assessment (store, id,
                                                                                 &error);
      g_autofree char *name = NULL;

      if (assessment == NULL)
        {
          crepitus_cli_store_error (crepitus_store_get_path (store), where, error);
          return CREPITUS_EXIT_ERROR;
        }
      name = crepitus_cli_field (crepitus_assessment_get_signed_by (assessment));
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", id, name,
               crepitus_assessment_get_signed_at (assessment));
    }
  else
    g_print ("%" G_GINT64_FORMAT "\n", result);
  return CREPITUS_EXIT_OK;
}

int
crepitus_cli_sign (const CrepitusGlobalOptions *options,
                   int                          argc,
                   char                       **argv)
{
  return run_action (options, SIGN, argc, argv);
}

int
crepitus_cli_amend (const CrepitusGlobalOptions *options,
                    int                          argc,
                    char                       **argv)
{
  return run_action (options, AMEND, argc, argv);
}

int
crepitus_cli_entered_in_error (const CrepitusGlobalOptions *options,
                               int                          argc,
                               char                       **argv)
{
  return run_action (options, ENTERED_IN_ERROR, argc, argv);
}
