/* test-ui-new-patient.c — the New Patient dialog validates on the field (Xvfb) */
#include "config.h"

#include "crepitus-new-patient-dialog.h"
#include "crepitus-test-ui.h"

static void
on_create (CrepitusNewPatientDialog *dialog,
           CrepitusPatient          *patient,
           CrepitusPatient         **out)
{
  g_set_object (out, patient);
}

static void
test_validation (void)
{
  CrepitusNewPatientDialog *dialog = crepitus_new_patient_dialog_new (NULL);
  g_autoptr(CrepitusPatient) created = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d");
  GtkWidget *family, *birth, *create, *problem, *language;

  g_signal_connect (dialog, "create", G_CALLBACK (on_create), &created);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_nullify_pointer), &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  family = crepitus_test_find_row (GTK_WIDGET (dialog), "Family");
  birth = crepitus_test_find_row (GTK_WIDGET (dialog), "Birth");
  language = crepitus_test_find_row (GTK_WIDGET (dialog), "Preferred");
  create = crepitus_test_find_button (GTK_WIDGET (dialog), "C_reate");
  problem = crepitus_test_find_styled (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error");
  g_assert_nonnull (family);
  g_assert_nonnull (birth);
  g_assert_nonnull (create);
  g_assert_nonnull (problem);

  /* Keyboard first: typing goes to the family name. */
  {
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));

    g_assert_nonnull (focus);
    g_assert_true (focus == family || gtk_widget_is_ancestor (focus, family));
  }

  /* No family name: nothing can be created. */
  g_assert_false (gtk_widget_get_sensitive (create));

  gtk_editable_set_text (GTK_EDITABLE (family), "Müller");
  g_assert_true (gtk_widget_get_sensitive (create));

  /* A birth date in the future is refused on the field, with a message. */
  gtk_editable_set_text (GTK_EDITABLE (birth), future);
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "after today"));
  g_assert_true (gtk_widget_has_css_class (birth, "error"));

  gtk_editable_set_text (GTK_EDITABLE (birth), "1984-02-30");
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "YYYY-MM-DD"));

  gtk_editable_set_text (GTK_EDITABLE (birth), "1984-02-29");
  g_assert_true (gtk_widget_get_sensitive (create));
  g_assert_false (gtk_widget_get_visible (problem));

  /* Not recorded unless chosen; chosen values are recorded. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (language), 6);

  g_signal_emit_by_name (create, "clicked");
  g_assert_nonnull (created);
  g_assert_cmpstr (crepitus_patient_get_family_name (created), ==, "Müller");
  g_assert_cmpstr (crepitus_patient_get_birth_date (created), ==, "1984-02-29");
  g_assert_null (crepitus_patient_get_given_name (created));
  g_assert_cmpint (crepitus_patient_get_sex (created), ==, CREPITUS_SEX_NOT_RECORDED);
  g_assert_cmpstr (crepitus_patient_get_language (created), ==, "pl");

  /* The dialog closes after creating. */
  crepitus_test_wait_for (dialog == NULL);
}

/* Fields left as spaces are not recorded; a family name of spaces is refused. */
static void
test_blank_fields (void)
{
  CrepitusNewPatientDialog *dialog = crepitus_new_patient_dialog_new (NULL);
  g_autoptr(CrepitusPatient) created = NULL;
  GtkWidget *family, *create;

  g_signal_connect (dialog, "create", G_CALLBACK (on_create), &created);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_nullify_pointer), &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  family = crepitus_test_find_row (GTK_WIDGET (dialog), "Family");
  create = crepitus_test_find_button (GTK_WIDGET (dialog), "C_reate");

  gtk_editable_set_text (GTK_EDITABLE (family), "  ");
  g_assert_false (gtk_widget_get_sensitive (create));
  gtk_editable_set_text (GTK_EDITABLE (family), "Lee ");
  gtk_editable_set_text (GTK_EDITABLE (crepitus_test_find_row (GTK_WIDGET (dialog), "Given")),
                         "  ");
  gtk_editable_set_text (GTK_EDITABLE (crepitus_test_find_row (GTK_WIDGET (dialog), "Birth")),
                         " ");
  gtk_editable_set_text (GTK_EDITABLE (crepitus_test_find_row (GTK_WIDGET (dialog), "Medical")),
                         "\t");
  g_assert_true (gtk_widget_get_sensitive (create));

  g_signal_emit_by_name (create, "clicked");
  g_assert_nonnull (created);
  g_assert_cmpstr (crepitus_patient_get_family_name (created), ==, "Lee ");
  g_assert_null (crepitus_patient_get_given_name (created));
  g_assert_null (crepitus_patient_get_birth_date (created));
  g_assert_null (crepitus_patient_get_mrn (created));
  crepitus_test_wait_for (dialog == NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/crepitus/ui/new-patient/validation", test_validation);
  g_test_add_func ("/crepitus/ui/new-patient/blank-fields", test_blank_fields);

  return g_test_run ();
}
