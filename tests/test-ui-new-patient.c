/* test-ui-new-patient.c — the New Patient dialog validates on the field (Xvfb) */
#include "config.h"

#include "crepitus-new-patient-dialog.h"
#include "crepitus-test-ui.h"

typedef struct
{
  GtkWidget *family;
  GtkWidget *birth;
  GtkWidget *create;
  GtkWidget *problem;
  GtkWidget *sex;
  GtkWidget *language;
} Rows;

static void
find_rows (GtkWidget *widget,
           Rows      *rows)
{
  if (ADW_IS_ENTRY_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      if (g_str_has_prefix (title, "Family"))
        rows->family = widget;
      else if (g_str_has_prefix (title, "Birth"))
        rows->birth = widget;
    }
  else if (ADW_IS_COMBO_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      if (g_str_equal (title, "Sex"))
        rows->sex = widget;
      else
        rows->language = widget;
    }
  else if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "C_reate") == 0)
    rows->create = widget;
  else if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    rows->problem = widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_rows (child, rows);
}

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
  Rows rows = { 0 };

  g_signal_connect (dialog, "create", G_CALLBACK (on_create), &created);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_nullify_pointer), &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  crepitus_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  find_rows (GTK_WIDGET (dialog), &rows);
  g_assert_nonnull (rows.family);
  g_assert_nonnull (rows.birth);
  g_assert_nonnull (rows.create);
  g_assert_nonnull (rows.problem);

  /* No family name: nothing can be created. */
  g_assert_false (gtk_widget_get_sensitive (rows.create));

  gtk_editable_set_text (GTK_EDITABLE (rows.family), "Müller");
  g_assert_true (gtk_widget_get_sensitive (rows.create));

  /* A birth date in the future is refused on the field, with a message. */
  gtk_editable_set_text (GTK_EDITABLE (rows.birth), future);
  g_assert_false (gtk_widget_get_sensitive (rows.create));
  g_assert_true (gtk_widget_get_visible (rows.problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (rows.problem)), "after today"));
  g_assert_true (gtk_widget_has_css_class (rows.birth, "error"));

  gtk_editable_set_text (GTK_EDITABLE (rows.birth), "1984-02-30");
  g_assert_false (gtk_widget_get_sensitive (rows.create));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (rows.problem)), "YYYY-MM-DD"));

  gtk_editable_set_text (GTK_EDITABLE (rows.birth), "1984-02-29");
  g_assert_true (gtk_widget_get_sensitive (rows.create));
  g_assert_false (gtk_widget_get_visible (rows.problem));

  /* Not recorded unless chosen; chosen values are recorded. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rows.language), 6);

  g_signal_emit_by_name (rows.create, "clicked");
  g_assert_nonnull (created);
  g_assert_cmpstr (crepitus_patient_get_family_name (created), ==, "Müller");
  g_assert_cmpstr (crepitus_patient_get_birth_date (created), ==, "1984-02-29");
  g_assert_null (crepitus_patient_get_given_name (created));
  g_assert_cmpint (crepitus_patient_get_sex (created), ==, CREPITUS_SEX_NOT_RECORDED);
  g_assert_cmpstr (crepitus_patient_get_language (created), ==, "pl");

  /* The dialog closes after creating. */
  crepitus_test_wait_for (dialog == NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/crepitus/ui/new-patient/validation", test_validation);

  return g_test_run ();
}
