/* test-ui-patient-page.c — patient details edited in place, validated on the field (Xvfb) */
#include "config.h"

#include "crepitus-patient-page.h"
#include "crepitus-test-ui.h"

static void
test_edit_in_place (void)
{
  GtkWidget *window = gtk_window_new ();
  CrepitusPatientPage *page = g_object_new (CREPITUS_TYPE_PATIENT_PAGE, NULL);
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autoptr(GListStore) assessments = g_list_store_new (CREPITUS_TYPE_ASSESSMENT);
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (patient);
  GtkWidget *family, *birth, *language, *sex;

  crepitus_patient_page_set_assessments (page, G_LIST_MODEL (assessments));
  crepitus_patient_set_family_name (patient, "Nowak");
  crepitus_patient_set_birth_date (patient, "1970-05-01");
  crepitus_patient_set_language (patient, "de");
  crepitus_patient_page_set_patient (page, patient);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  crepitus_test_wait_for (gtk_widget_get_mapped (window));

  family = crepitus_test_find_row (GTK_WIDGET (page), "Family");
  birth = crepitus_test_find_row (GTK_WIDGET (page), "Birth");
  language = crepitus_test_find_row (GTK_WIDGET (page), "Preferred");
  sex = crepitus_test_find_row (GTK_WIDGET (page), "Sex");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (family)), ==, "Nowak");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "1970-05-01");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (language)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sex)), ==, 0);

  /* A valid edit reaches the model at once. */
  gtk_editable_set_text (GTK_EDITABLE (family), "Nowak-Kowalska");
  g_assert_cmpstr (crepitus_patient_get_family_name (patient), ==, "Nowak-Kowalska");

  /* An empty family name is refused on the field; the last valid name stays. */
  gtk_editable_set_text (GTK_EDITABLE (family), "");
  g_assert_cmpstr (crepitus_patient_get_family_name (patient), ==, "Nowak-Kowalska");
  g_assert_true (gtk_widget_has_css_class (family, "error"));
  gtk_editable_set_text (GTK_EDITABLE (family), "Kowalska");
  g_assert_false (gtk_widget_has_css_class (family, "error"));
  g_assert_cmpstr (crepitus_patient_get_family_name (patient), ==, "Kowalska");

  /* A half-typed or future birth date never reaches the model (replacing the text clears the
   * field first, which clears the date: an emptied field is "not recorded"). */
  gtk_editable_delete_text (GTK_EDITABLE (birth), 6, -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "1970-0");
  g_assert_cmpstr (crepitus_patient_get_birth_date (patient), ==, "1970-05-01");
  g_assert_true (gtk_widget_has_css_class (birth, "error"));
  gtk_editable_set_text (GTK_EDITABLE (birth), "2999-01-01");
  g_assert_null (crepitus_patient_get_birth_date (patient));
  g_assert_true (gtk_widget_has_css_class (birth, "error"));
  /* An edit of another field keeps what is being typed in the invalid one, still marked. */
  gtk_editable_set_text (GTK_EDITABLE (birth), "1971-0");
  gtk_editable_set_text (GTK_EDITABLE (crepitus_test_find_row (GTK_WIDGET (page), "Medical")),
                         "K-1");
  g_assert_cmpstr (crepitus_patient_get_mrn (patient), ==, "K-1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth)), ==, "1971-0");
  g_assert_true (gtk_widget_has_css_class (birth, "error"));
  gtk_editable_set_text (GTK_EDITABLE (birth), "1971-02-03");
  g_assert_cmpstr (crepitus_patient_get_birth_date (patient), ==, "1971-02-03");
  g_assert_false (gtk_widget_has_css_class (birth, "error"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (sex), CREPITUS_SEX_FEMALE);
  g_assert_cmpint (crepitus_patient_get_sex (patient), ==, CREPITUS_SEX_FEMALE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (language), 0);
  g_assert_null (crepitus_patient_get_language (patient));

  /* An edit of the model elsewhere shows in the field. */
  crepitus_patient_set_given_name (patient, "Ewa");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crepitus_test_find_row (GTK_WIDGET (page), "Given"))),
                   ==, "Ewa");

  /* The assessments, with their triage level. */
  crepitus_assessment_set_date (assessment, "2026-01-05");
  crepitus_assessment_set_clinician (assessment, "Dr. Lis");
  crepitus_assessment_set_pain_score (assessment, 4);
  g_list_store_append (assessments, assessment);
  crepitus_test_flush ();
  {
    GtkWidget *row = crepitus_test_find_row (GTK_WIDGET (page), "2026-01-05");

    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Dr. Lis"));
  }

  /* Signed, superseded and entered-in-error assessments say so. */
  {
    g_autoptr(CrepitusAssessment) signed_one = crepitus_assessment_new (patient);
    g_autoptr(CrepitusAssessment) superseded = crepitus_assessment_new (patient);
    g_autoptr(CrepitusAssessment) in_error = crepitus_assessment_new (patient);
    GtkWidget *row;

    crepitus_assessment_set_date (signed_one, "2026-02-01");
    crepitus_assessment_set_signed_by (signed_one, "Dr. Lis");
    crepitus_assessment_set_date (superseded, "2026-03-01");
    crepitus_assessment_set_signed_by (superseded, "Dr. Lis");
    crepitus_assessment_set_superseded_by (superseded, 77);
    crepitus_assessment_set_date (in_error, "2026-04-01");
    crepitus_assessment_set_entered_in_error (in_error, TRUE);
    g_list_store_append (assessments, signed_one);
    g_list_store_append (assessments, superseded);
    g_list_store_append (assessments, in_error);
    crepitus_test_flush ();

    row = crepitus_test_find_row (GTK_WIDGET (page), "2026-01-05");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not signed yet");
    row = crepitus_test_find_row (GTK_WIDGET (page), "2026-02-01");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Signed by Dr. Lis");
    row = crepitus_test_find_row (GTK_WIDGET (page), "2026-03-01");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "Superseded by amendment 77");
    row = crepitus_test_find_row (GTK_WIDGET (page), "2026-04-01");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Entered in error");
    g_assert_true (gtk_widget_has_css_class (row, "crepitus-entered-in-error"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A field left as spaces is what an emptied one is: "not recorded", or, for the family name,
 * refused with its message. Text a document gave (a given name of one space, stored as given)
 * stays while no one edits it. */
static void
test_blank_entries (void)
{
  GtkWidget *window = gtk_window_new ();
  CrepitusPatientPage *page = g_object_new (CREPITUS_TYPE_PATIENT_PAGE, NULL);
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autoptr(GListStore) assessments = g_list_store_new (CREPITUS_TYPE_ASSESSMENT);
  GtkWidget *family, *given, *birth, *mrn, *problem;

  crepitus_patient_page_set_assessments (page, G_LIST_MODEL (assessments));
  crepitus_patient_set_family_name (patient, "Nowak");
  crepitus_patient_set_given_name (patient, " ");
  crepitus_patient_set_birth_date (patient, "1970-05-01");
  crepitus_patient_set_mrn (patient, "N-1");
  crepitus_patient_page_set_patient (page, patient);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  crepitus_test_wait_for (gtk_widget_get_mapped (window));

  family = crepitus_test_find_row (GTK_WIDGET (page), "Family");
  given = crepitus_test_find_row (GTK_WIDGET (page), "Given");
  birth = crepitus_test_find_row (GTK_WIDGET (page), "Birth");
  mrn = crepitus_test_find_row (GTK_WIDGET (page), "Medical");
  problem = crepitus_test_find_styled (GTK_WIDGET (page), GTK_TYPE_LABEL, "error");
  g_assert_nonnull (problem);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (given)), ==, " ");
  g_assert_cmpstr (crepitus_patient_get_given_name (patient), ==, " ");

  gtk_editable_set_text (GTK_EDITABLE (family), "   ");
  g_assert_cmpstr (crepitus_patient_get_family_name (patient), ==, "Nowak");
  g_assert_true (gtk_widget_has_css_class (family, "error"));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "must not be empty"));
  gtk_editable_set_text (GTK_EDITABLE (family), " Nowak ");
  g_assert_cmpstr (crepitus_patient_get_family_name (patient), ==, " Nowak ");
  g_assert_false (gtk_widget_get_visible (problem));

  gtk_editable_set_text (GTK_EDITABLE (birth), "  ");
  g_assert_null (crepitus_patient_get_birth_date (patient));
  g_assert_false (gtk_widget_has_css_class (birth, "error"));
  gtk_editable_set_text (GTK_EDITABLE (given), "\t ");
  g_assert_null (crepitus_patient_get_given_name (patient));
  /* Spaces typed over a name record nothing, and stay in the row being typed in. */
  gtk_editable_set_text (GTK_EDITABLE (given), "Ewa");
  g_assert_cmpstr (crepitus_patient_get_given_name (patient), ==, "Ewa");
  gtk_widget_grab_focus (given);
  crepitus_test_wait_for (gtk_widget_get_state_flags (given) & GTK_STATE_FLAG_FOCUS_WITHIN);
  gtk_editable_set_text (GTK_EDITABLE (given), " ");
  g_assert_null (crepitus_patient_get_given_name (patient));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (given)), ==, " ");
  gtk_editable_set_text (GTK_EDITABLE (mrn), "  ");
  g_assert_null (crepitus_patient_get_mrn (patient));
  g_assert_false (gtk_widget_get_visible (problem));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/crepitus/ui/patient-page/edit-in-place", test_edit_in_place);
  g_test_add_func ("/crepitus/ui/patient-page/blank-entries", test_blank_entries);

  return g_test_run ();
}
