/* crepitus-clinician-dialog.c — asks the clinician's name (GSettings clinician-name)
 *
 * Asked once, at the first start of the window, and from the primary menu afterwards.
 */
#define G_LOG_DOMAIN "crepitus-clinician-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-assessment.h"
#include "crepitus-clinician-dialog.h"

struct _CrepitusClinicianDialog
{
  AdwMessageDialog  parent_instance;
  GSettings        *settings;
  GtkEntry         *entry;
};

G_DEFINE_FINAL_TYPE (CrepitusClinicianDialog, crepitus_clinician_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
name_is_valid (CrepitusClinicianDialog *self)
{
  return !crepitus_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
on_entry_changed_cb (CrepitusClinicianDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save",
                                           name_is_valid (self));
}

/* Enter in the name saves and closes, as the Save button does. */
static void
on_entry_activate_cb (CrepitusClinicianDialog *self)
{
  if (!name_is_valid (self))
    return;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "save");
  gtk_window_close (GTK_WINDOW (self));
}

static void
crepitus_clinician_dialog_response (AdwMessageDialog *dialog,
                                    const char       *response)
{
  CrepitusClinicianDialog *self = CREPITUS_CLINICIAN_DIALOG (dialog);

  if (g_strcmp0 (response, "save") == 0 && name_is_valid (self) && self->settings != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

      g_settings_set_string (self->settings, "clinician-name", name);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (crepitus_clinician_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (crepitus_clinician_dialog_parent_class)->response (dialog, response);
}

static void
crepitus_clinician_dialog_dispose (GObject *object)
{
  CrepitusClinicianDialog *self = CREPITUS_CLINICIAN_DIALOG (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crepitus_clinician_dialog_parent_class)->dispose (object);
}

static void
crepitus_clinician_dialog_class_init (CrepitusClinicianDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = crepitus_clinician_dialog_dispose;
  dialog_class->response = crepitus_clinician_dialog_response;
}

static void
crepitus_clinician_dialog_init (CrepitusClinicianDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_set_heading (dialog, _("Who Is Using Crepitus?"));
  adw_message_dialog_set_body (dialog, _("Your name signs the assessments you record and "
                                         "appears in the audit log. You can change it later "
                                         "from the main menu."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Later"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, _("Your name, as it should appear on reports"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clinician name"), -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (self->entry));
  on_entry_changed_cb (self);
}

CrepitusClinicianDialog *
crepitus_clinician_dialog_new (GtkWindow *parent,
                               GSettings *settings)
{
  CrepitusClinicianDialog *self = g_object_new (CREPITUS_TYPE_CLINICIAN_DIALOG,
                                                "transient-for", parent,
                                                "modal", TRUE,
                                                "destroy-with-parent", TRUE,
                                                NULL);

  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  if (settings != NULL)
    {
      g_autofree char *current = g_settings_get_string (settings, "clinician-name");

      gtk_editable_set_text (GTK_EDITABLE (self->entry), current);
    }
  return self;
}

GtkEditable *
crepitus_clinician_dialog_get_entry (CrepitusClinicianDialog *self)
{
  g_return_val_if_fail (CREPITUS_IS_CLINICIAN_DIALOG (self), NULL);

  return GTK_EDITABLE (self->entry);
}
