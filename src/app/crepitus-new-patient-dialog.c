/* crepitus-new-patient-dialog.c — asks the details of a new patient, validated on the field */
#define G_LOG_DOMAIN "crepitus-new-patient-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-choices.h"
#include "crepitus-new-patient-dialog.h"

struct _CrepitusNewPatientDialog
{
  AdwWindow     parent_instance;

  /* template children */
  GtkButton    *create_button;
  AdwEntryRow  *family_row;
  AdwEntryRow  *given_row;
  AdwEntryRow  *birth_row;
  AdwComboRow  *sex_row;
  AdwEntryRow  *mrn_row;
  AdwComboRow  *language_row;
  GtkLabel     *problem_label;
};

G_DEFINE_FINAL_TYPE (CrepitusNewPatientDialog, crepitus_new_patient_dialog, ADW_TYPE_WINDOW)

enum { CREATE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Checks every field; shows the first problem under the fields. Returns whether all are valid. */
static gboolean
crepitus_new_patient_dialog_validate (CrepitusNewPatientDialog *self,
                                      gboolean                  show_missing_name)
{
  const char *family = gtk_editable_get_text (GTK_EDITABLE (self->family_row));
  const char *birth = gtk_editable_get_text (GTK_EDITABLE (self->birth_row));
  g_autoptr(GError) birth_error = NULL;
  g_autoptr(GError) family_error = NULL;
  gboolean family_ok =
    crepitus_field_validate_text (crepitus_field_find (CREPITUS_RECORD_PATIENT, "family-name"),
                                  NULL, family, &family_error);
  gboolean birth_ok =
    crepitus_field_validate_text (crepitus_field_find (CREPITUS_RECORD_PATIENT, "birth-date"),
                                  NULL, birth, &birth_error);
  g_autofree char *problem = NULL;

  set_row_error (self->family_row, !family_ok && (show_missing_name || *family != '\0'));
  set_row_error (self->birth_row, !birth_ok);

  /* Translators: a form's field, then what is wrong with it: "Family name: must not be
   * empty" */
  if (!birth_ok)
    problem = g_strdup_printf (_("%s: %s"),
                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->birth_row)),
                               crepitus_field_error_problem (birth_error));
  else if (!family_ok && (show_missing_name || *family != '\0'))
    problem = g_strdup_printf (_("%s: %s"),
                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->family_row)),
                               crepitus_field_error_problem (family_error));

  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), family_ok && birth_ok);

  return family_ok && birth_ok;
}

static void
on_field_changed_cb (CrepitusNewPatientDialog *self)
{
  crepitus_new_patient_dialog_validate (self, FALSE);
}

CrepitusPatient *
crepitus_new_patient_dialog_dup_patient (CrepitusNewPatientDialog *self)
{
  const struct
  {
    AdwEntryRow *row;
    const char  *property;
  } rows[] = {
    { self->family_row, "family-name" },
    { self->given_row, "given-name" },
    { self->birth_row, "birth-date" },
    { self->mrn_row, "mrn" },
  };
  CrepitusPatient *patient;
  guint sex, language;

  g_return_val_if_fail (CREPITUS_IS_NEW_PATIENT_DIALOG (self), NULL);

  if (!crepitus_new_patient_dialog_validate (self, TRUE))
    return NULL;

  sex = adw_combo_row_get_selected (self->sex_row);
  language = adw_combo_row_get_selected (self->language_row);

  patient = crepitus_patient_new ();
  /* By each field's rule for what is typed: blank is not recorded. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!crepitus_field_set_text (crepitus_field_find (CREPITUS_RECORD_PATIENT, rows[i].property),
                                    G_OBJECT (patient),
                                    gtk_editable_get_text (GTK_EDITABLE (rows[i].row)), &error))
        {
          /* Given name and MRN are not checked as they are typed: say it here. */
          /* Translators: a form's field, then what is wrong with it: "Family name: must not
           * be empty" */
          g_autofree char *problem =
            g_strdup_printf (_("%s: %s"),
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i].row)),
                             crepitus_field_error_problem (error));

          gtk_label_set_text (self->problem_label, problem);
          gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
          g_object_unref (patient);
          return NULL;
        }
    }
  /* Position 0 of each drop-down is "—", not recorded. */
  crepitus_patient_set_sex (patient, sex == GTK_INVALID_LIST_POSITION ? 0 : sex);
  crepitus_patient_set_language (patient,
                                 language == GTK_INVALID_LIST_POSITION || language == 0
                                 ? NULL
                                 : crepitus_catalog_key (CREPITUS_LIST_LANGUAGE, language - 1));
  return patient;
}

static void
on_create_cb (CrepitusNewPatientDialog *self)
{
  g_autoptr(CrepitusPatient) patient = crepitus_new_patient_dialog_dup_patient (self);

  if (patient == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->family_row));
      return;
    }

  g_signal_emit (self, signals[CREATE], 0, patient);
  gtk_window_close (GTK_WINDOW (self));
}

static void
crepitus_new_patient_dialog_class_init (CrepitusNewPatientDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * CrepitusNewPatientDialog::create:
   * @patient: the new patient, not yet stored
   */
  signals[CREATE] = g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CREPITUS_TYPE_PATIENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-new-patient-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusNewPatientDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, CrepitusNewPatientDialog, family_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusNewPatientDialog, given_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusNewPatientDialog, birth_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusNewPatientDialog, sex_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusNewPatientDialog, mrn_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusNewPatientDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusNewPatientDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crepitus_new_patient_dialog_init (CrepitusNewPatientDialog *self)
{
  g_autoptr(GListModel) sexes = crepitus_choices_model (CREPITUS_LIST_SEX);
  g_autoptr(GListModel) languages = crepitus_choices_model (CREPITUS_LIST_LANGUAGE);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->sex_row, sexes);
  adw_combo_row_set_model (self->language_row, languages);
  crepitus_new_patient_dialog_validate (self, FALSE);
  /* Keyboard first: the clinician types the family name straight away. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->family_row));
}

CrepitusNewPatientDialog *
crepitus_new_patient_dialog_new (GtkWindow *parent)
{
  return g_object_new (CREPITUS_TYPE_NEW_PATIENT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
