/* crepitus-store-signing.c — signing, amending and marking entered in error, and the audit
 * log: what makes an assessment read-only, each change in one transaction */
#define G_LOG_DOMAIN "crepitus-store"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "crepitus-store-private.h"

void
crepitus_store_assessment_state_clear (CrepitusStoreAssessmentState *state)
{
  g_clear_pointer (&state->signed_by, g_free);
  g_clear_pointer (&state->signed_at, g_free);
}

static gboolean
check_clinician (const char  *clinician,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (crepitus_text_is_blank (clinician))
    {
      g_set_error_literal (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
                           _("the clinician’s name is needed to sign, amend or mark an "
                             "assessment; nothing was stored"));
      return FALSE;
    }
  /* Whoever signs is a clinician's name as an assessment records it. */
  if (crepitus_field_validate_text (crepitus_field_find (CREPITUS_RECORD_ASSESSMENT, "clinician"),
                                    NULL, clinician, &local_error))
    return TRUE;
  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
               _("%s; nothing was stored"), local_error->message);
  return FALSE;
}

typedef enum { SIGN, AMEND, MARK } StatusChange;

/* Whether @change may happen to assessment @id in @state; sets a message saying what to do
 * when not. */
static gboolean
check_status_change (gint64                               id,
                     const CrepitusStoreAssessmentState  *state,
                     StatusChange                         change,
                     GError                             **error)
{
  switch (crepitus_assessment_status_from (state->signed_by != NULL, state->superseded_by,
                                           state->entered_in_error))
    {
    case CREPITUS_ASSESSMENT_ENTERED_IN_ERROR:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED,
                   _("assessment %" PRId64 " is already marked entered in error; nothing was "
                     "changed"), id);
      return FALSE;
    case CREPITUS_ASSESSMENT_SUPERSEDED:
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED,
                   _("assessment %" PRId64 " is superseded by assessment %" PRId64 "; use that "
                     "one instead (nothing was changed)"), id, state->superseded_by);
      return FALSE;
    case CREPITUS_ASSESSMENT_SIGNED:
      if (change != SIGN)
        return TRUE;
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED,
                   _("assessment %" PRId64 " is already signed; nothing was changed"), id);
      return FALSE;
    case CREPITUS_ASSESSMENT_NOT_SIGNED:
    default:
      if (change != AMEND)
        return TRUE;
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
                   _("assessment %" PRId64 " is not signed; change it directly instead of "
                     "amending it (nothing was changed)"), id);
      return FALSE;
    }
}

/* Signing needs a complete red-flag screen (CLINICAL.md §4): refused, naming every flag not
 * asked. */
static gboolean
check_screen_complete (CrepitusStore  *self,
                       gint64          id,
                       GError        **error)
{
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_auto(GStrv) not_asked = NULL;
  g_autofree char *list = NULL;

  assessment = crepitus_store_load_assessment (self, id, error);
  if (assessment == NULL)
    return FALSE;
  not_asked = crepitus_assessment_dup_red_flags_not_asked (assessment);
  if (not_asked[0] == NULL)
    return TRUE;
  list = g_strjoinv (", ", not_asked);
  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE,
                            "assessment %" PRId64 " cannot be signed: the red-flag screen is "
                            "incomplete, %u flag not asked: %s (nothing was changed)",
                            "assessment %" PRId64 " cannot be signed: the red-flag screen is "
                            "incomplete, %u flags not asked: %s (nothing was changed)",
                            g_strv_length (not_asked)),
               id, g_strv_length (not_asked), list);
  return FALSE;
}

/* Runs @change of assessment @id in one transaction; returns the new id of an amendment, @id
 * otherwise, or -1. */
static gint64
change_status (CrepitusStore  *self,
               gint64          id,
               const char     *clinician,
               StatusChange    change,
               GError        **error)
{
  g_auto(CrepitusStoreAssessmentState) state = { NULL };
  gint64 result = id;
  gboolean ok;

  if (!check_clinician (clinician, error) || !crepitus_store_begin (self, error))
    return -1;
  ok = crepitus_store_get_backend (self)->assessment_state (crepitus_store_get_db (self), id, &state, error) &&
       check_status_change (id, &state, change, error) &&
       (change != SIGN || check_screen_complete (self, id, error));
  if (ok)
    switch (change)
      {
      case SIGN:
        ok = crepitus_store_get_backend (self)->sign_assessment (crepitus_store_get_db (self), id, clinician, error);
        break;
      case AMEND:
        ok = (result = crepitus_store_get_backend (self)->amend_assessment (crepitus_store_get_db (self), id, clinician, error)) >= 0;
        break;
      case MARK:
        ok = crepitus_store_get_backend (self)->mark_entered_in_error (crepitus_store_get_db (self), id, clinician, error);
        break;
      default:
        g_assert_not_reached ();
      }
  if (!crepitus_store_finish (self, ok, error))
    return -1;

  crepitus_store_refresh_watched_state (self, id);
  return result;
}

gboolean
crepitus_store_sign (CrepitusStore  *self,
                     gint64          id,
                     const char     *clinician,
                     GError        **error)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return change_status (self, id, clinician, SIGN, error) >= 0;
}

gint64
crepitus_store_amend (CrepitusStore  *self,
                      gint64          id,
                      const char     *clinician,
                      GError        **error)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return change_status (self, id, clinician, AMEND, error);
}

gboolean
crepitus_store_mark_entered_in_error (CrepitusStore  *self,
                                      gint64          id,
                                      const char     *clinician,
                                      GError        **error)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return change_status (self, id, clinician, MARK, error) >= 0;
}

/* The audit log */

void
crepitus_audit_entry_free (CrepitusAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->clinician);
  g_free (entry->action);
  g_free (entry->record);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

GPtrArray *
crepitus_store_list_audit (CrepitusStore  *self,
                           gint64          assessment_id,
                           GError        **error)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  return crepitus_store_get_backend (self)->list_audit (crepitus_store_get_db (self), assessment_id, error);
}
