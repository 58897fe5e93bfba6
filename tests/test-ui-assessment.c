/* test-ui-assessment.c — an assessment opened in the window: the intake filled through the
 * widgets and read back from a second store, the red-flag screen, the checklist, the live
 * summary, signing, amending, entered in error and the keyboard (Xvfb) */
#include "config.h"

#include <glib/gstdio.h>

#include "crepitus-application-private.h"
#include "crepitus-assessment-view.h"
#include "crepitus-patient-page.h"
#include "crepitus-window.h"
#include "crepitus-test-assessment.h"

typedef CrepitusTestAssessment Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  crepitus_test_assessment_set_up (fixture, NULL);
  g_assert_cmpstr (crepitus_assessment_view_get_page (fixture->view), ==, "intake");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crepitus_test_assessment_tear_down (fixture);
}

static CrepitusAssessment *
open_assessment (Fixture *fixture)
{
  return crepitus_test_assessment_open (fixture);
}

static CrepitusAssessment *
stored (Fixture *fixture)
{
  return crepitus_test_assessment_stored (fixture);
}

static GtkWidget *
show_page (Fixture    *fixture,
           const char *name)
{
  return crepitus_test_assessment_show_page (fixture, name);
}

static GtkWidget *
row (GtkWidget  *page,
     const char *title)
{
  GtkWidget *found = crepitus_test_find_row (page, title);

  if (found == NULL)
    g_error ("no row titled “%s…”", title);
  return found;
}

/* The check box of the check row titled @title. */
static GtkWidget *
check (GtkWidget  *page,
       const char *title)
{
  return crepitus_test_find_widget (row (page, title), GTK_TYPE_CHECK_BUTTON);
}

/* As a click would: a button's "clicked", a check box's "activate". */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, GTK_IS_CHECK_BUTTON (button) ? "activate" : "clicked");
}

/* Selects the choice labelled @label of combo row @combo. */
static void
choose (GtkWidget  *combo,
        const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
          return;
        }
    }
  g_error ("no choice “%s”", label);
}

static const char *
chosen (GtkWidget *combo)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model,
                                                           adw_combo_row_get_selected (ADW_COMBO_ROW (combo)));

  return g_intern_string (gtk_string_object_get_string (item));
}

/* Types @text at the end of @editable, a character at a time. */
static void
type_text (GtkWidget  *editable,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (editable), p, g_utf8_next_char (p) - p, &position);
    }
}

static void
set_text_view (GtkWidget  *page,
               const char *text)
{
  GtkWidget *view = crepitus_test_find_widget (page, GTK_TYPE_TEXT_VIEW);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* The level the summary shows, by name. */
static const char *
summary_level (Fixture *fixture)
{
  GtkWidget *summary = show_page (fixture, "summary");
  GtkWidget *title = crepitus_test_find_styled (summary, GTK_TYPE_LABEL, "title-2");

  return gtk_label_get_text (GTK_LABEL (title));
}

/* The level shown in the patient's list of assessments. */
static const char *
listed_level (Fixture *fixture)
{
  GtkWidget *list = crepitus_test_find_styled (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX,
                                               "crepitus-assessments");
  GtkWidget *first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));

  return gtk_label_get_text (GTK_LABEL (crepitus_test_find_styled (first, GTK_TYPE_LABEL,
                                                                   "crepitus-level")));
}

static void
test_intake_read_back (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *intake = show_page (fixture, "intake");
  g_autoptr(CrepitusAssessment) back = NULL;
  g_auto(GStrv) locations = NULL;
  g_auto(GStrv) movements = NULL;
  g_auto(GStrv) symptoms = NULL;
  g_auto(GStrv) history = NULL;
  GtkWidget *duration = row (intake, "Weeks since");
  GtkWidget *sound = row (intake, "S_ound");

  /* Nothing is recorded that the clinician did not record: side is proposed, the rest says
   * so. */
  g_assert_cmpstr (chosen (row (intake, "S_ide")), ==, "Left leg");
  g_assert_cmpstr (chosen (sound), ==, "Not recorded");
  g_assert_cmpstr (chosen (row (intake, "_Pain")), ==, "Not asked");
  g_assert_nonnull (crepitus_test_find_widget (duration, GTK_TYPE_LABEL));

  gtk_editable_set_text (GTK_EDITABLE (row (intake, "_Date")), "2026-01-15");
  gtk_editable_set_text (GTK_EDITABLE (row (intake, "C_linician")), "Dr. Okafor");
  choose (row (intake, "S_ide"), "Both legs");
  choose (sound, "Grinding");
  choose (row (intake, "_Frequency"), "Occasional");
  gtk_editable_set_text (GTK_EDITABLE (duration), "12");
  click (check (intake, "Lower back, centre"));
  click (check (intake, "Sacroiliac joint, right"));
  click (check (intake, "Trunk rotation"));
  click (check (intake, "Walking"));
  choose (row (intake, "_Pain"), "4");
  click (check (intake, "Stiffness"));
  click (check (intake, "Numbness"));
  click (check (intake, "Osteoarthritis"));
  gtk_editable_set_text (GTK_EDITABLE (row (intake, "_Review")), "8");
  set_text_view (intake, "Pops on the stairs.");

  /* A value the field table refuses is said under the field and not recorded: typing on to
   * 1200 keeps 120. */
  type_text (duration, "00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (duration)), ==, "1200");
  g_assert_true (gtk_widget_has_css_class (duration, "error"));
  {
    GtkWidget *group = gtk_widget_get_ancestor (duration, ADW_TYPE_PREFERENCES_GROUP);
    GtkWidget *problem = crepitus_test_find_styled (group, GTK_TYPE_LABEL, "error");

    g_assert_true (gtk_widget_get_visible (problem));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem)), ==,
                     "Weeks since first noticed: 1200 is out of range (0 to 520)");
  }
  g_assert_cmpint (crepitus_assessment_get_duration_weeks (open_assessment (fixture)), ==, 120);
  gtk_editable_set_text (GTK_EDITABLE (duration), "10");
  g_assert_false (gtk_widget_has_css_class (duration, "error"));

  /* Set back to not recorded. */
  choose (sound, "Not recorded");
  click (check (intake, "Walking"));

  back = stored (fixture);
  g_assert_cmpstr (crepitus_assessment_get_date (back), ==, "2026-01-15");
  g_assert_cmpstr (crepitus_assessment_get_clinician (back), ==, "Dr. Okafor");
  g_assert_cmpint (crepitus_assessment_get_side (back), ==, CREPITUS_SIDE_BOTH);
  g_assert_cmpint (crepitus_assessment_get_sound (back), ==, CREPITUS_SOUND_NOT_RECORDED);
  g_assert_cmpint (crepitus_assessment_get_frequency (back), ==, CREPITUS_FREQUENCY_OCCASIONAL);
  g_assert_cmpint (crepitus_assessment_get_duration_weeks (back), ==, 10);
  g_assert_cmpint (crepitus_assessment_get_pain_score (back), ==, 4);
  g_assert_cmpint (crepitus_assessment_get_review_weeks (back), ==, 8);
  g_assert_cmpstr (crepitus_assessment_get_notes (back), ==, "Pops on the stairs.");
  locations = crepitus_assessment_dup_keys (back, CREPITUS_LIST_LOCATION);
  movements = crepitus_assessment_dup_keys (back, CREPITUS_LIST_MOVEMENT);
  symptoms = crepitus_assessment_dup_keys (back, CREPITUS_LIST_SYMPTOM);
  history = crepitus_assessment_dup_keys (back, CREPITUS_LIST_HISTORY);
  g_assert_cmpstrv (locations, ((const char *[]) { "lumbar-central", "sacroiliac-right", NULL }));
  g_assert_cmpstrv (movements, ((const char *[]) { "trunk-rotation", NULL }));
  g_assert_cmpstrv (symptoms, ((const char *[]) { "stiffness", "numbness", NULL }));
  g_assert_cmpstrv (history, ((const char *[]) { "osteoarthritis", NULL }));

  /* Emptied fields are not recorded any more. */
  gtk_editable_set_text (GTK_EDITABLE (duration), "");
  gtk_editable_set_text (GTK_EDITABLE (row (intake, "_Review")), "");
  choose (row (intake, "_Pain"), "Not asked");
  /* So are fields left as spaces: a form cannot show white space apart from nothing. */
  gtk_editable_set_text (GTK_EDITABLE (row (intake, "C_linician")), "  ");
  set_text_view (intake, " \n ");
  g_clear_object (&back);
  back = stored (fixture);
  g_assert_cmpint (crepitus_assessment_get_duration_weeks (back), ==, -1);
  g_assert_cmpint (crepitus_assessment_get_review_weeks (back), ==, -1);
  g_assert_cmpint (crepitus_assessment_get_pain_score (back), ==, -1);
  g_assert_null (crepitus_assessment_get_clinician (back));
  g_assert_null (crepitus_assessment_get_notes (back));

  /* An edit of the model elsewhere shows in the fields. */
  crepitus_assessment_set_frequency (open_assessment (fixture), CREPITUS_FREQUENCY_CONSTANT);
  g_assert_cmpstr (chosen (row (intake, "_Frequency")), ==, "Constant");
}

static void
test_saddle_anaesthesia (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *flags = show_page (fixture, "red-flags");
  GtkWidget *saddle = row (flags, "Saddle anaesthesia");

  /* Every flag starts not asked. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (crepitus_test_find_button (saddle, "Not asked"))));
  g_assert_cmpstr (summary_level (fixture), ==, "Likely harmless");
  g_assert_cmpstr (listed_level (fixture), ==, "Likely harmless");

  show_page (fixture, "red-flags");
  click (crepitus_test_find_button (saddle, "Yes"));
  g_assert_cmpint (crepitus_assessment_get_red_flag (open_assessment (fixture), "saddle-anaesthesia"),
                   ==, CREPITUS_RED_FLAG_PRESENT);
  g_assert_cmpstr (summary_level (fixture), ==, "Emergency");
  {
    GtkWidget *summary = show_page (fixture, "summary");
    GtkWidget *panel = crepitus_test_find_styled (summary, GTK_TYPE_BOX, "crepitus-level-panel");

    /* Its colour, its icon and its words. */
    g_assert_true (gtk_widget_has_css_class (panel, "level-panel-emergency"));
    g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (crepitus_test_find_widget (panel, GTK_TYPE_IMAGE))),
                     ==, "dialog-error-symbolic");
    g_assert_nonnull (crepitus_test_find_row (summary, "Red flag: Saddle anaesthesia"));
    g_assert_nonnull (crepitus_test_find_row (summary, "Emergency care now"));
  }
  /* The list of assessments follows. */
  g_assert_cmpstr (listed_level (fixture), ==, "Emergency");
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);

    g_assert_cmpint (crepitus_assessment_get_red_flag (back, "saddle-anaesthesia"), ==,
                     CREPITUS_RED_FLAG_PRESENT);
  }

  show_page (fixture, "red-flags");
  click (crepitus_test_find_button (saddle, "No"));
  g_assert_cmpstr (summary_level (fixture), ==, "Likely harmless");
  g_assert_cmpstr (listed_level (fixture), ==, "Likely harmless");
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);

    g_assert_cmpint (crepitus_assessment_get_red_flag (back, "saddle-anaesthesia"), ==,
                     CREPITUS_RED_FLAG_ABSENT);
  }
}

static void
test_remaining_no_then_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *flags = show_page (fixture, "red-flags");
  CrepitusAssessment *a = open_assessment (fixture);
  GtkWidget *undo;

  click (crepitus_test_find_button (row (flags, "Fever"), "Yes"));
  click (crepitus_test_find_button (flags, "Remaining: _No"));
  g_assert_true (crepitus_assessment_is_screen_complete (a));
  g_assert_cmpint (crepitus_assessment_get_red_flag (a, "fever"), ==, CREPITUS_RED_FLAG_PRESENT);
  g_assert_cmpint (crepitus_assessment_get_red_flag (a, "night-pain"), ==,
                   CREPITUS_RED_FLAG_ABSENT);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (crepitus_test_find_button (row (flags, "Immunosuppression"), "No"))));
  g_assert_nonnull (crepitus_test_find_row (flags, "Red-flag screen complete"));
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);

    g_assert_true (crepitus_assessment_is_screen_complete (back));
  }

  /* The toast's Undo puts back what it recorded, and only that. */
  crepitus_test_wait_for ((undo = crepitus_test_find_button (flags, "_Undo")) != NULL);
  click (undo);
  g_assert_cmpint (crepitus_assessment_get_red_flag (a, "fever"), ==, CREPITUS_RED_FLAG_PRESENT);
  g_assert_cmpint (crepitus_assessment_get_red_flag (a, "night-pain"), ==,
                   CREPITUS_RED_FLAG_NOT_ASKED);
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);
    g_auto(GStrv) not_asked = crepitus_assessment_dup_red_flags_not_asked (back);

    g_assert_cmpuint (g_strv_length (not_asked), ==, 12);
    g_assert_cmpint (crepitus_assessment_get_red_flag (back, "fever"), ==,
                     CREPITUS_RED_FLAG_PRESENT);
  }
  g_assert_nonnull (crepitus_test_find_row (flags, "Red-flag screen incomplete: 12 not asked"));
}

static void
test_checklist_saved (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *checklist = show_page (fixture, "checklist");
  GtkWidget *factor = row (checklist, "Muscle imbalances");
  g_autoptr(CrepitusAssessment) back = NULL;
  CrepitusFactorRecord *record;
  g_auto(GStrv) findings = NULL;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (factor), TRUE);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (factor)), ==, "Not assessed");
  g_assert_null (crepitus_test_find_row (factor, "Tip: Assess muscular balance"));

  choose (row (factor, "_Judgement"), "Possible");
  click (check (factor, "Weak gluteus medius"));
  click (check (factor, "Tight hip flexors"));
  gtk_editable_set_text (GTK_EDITABLE (row (factor, "_Notes")), "Trendelenburg positive on the left.");

  /* The row says how it was judged; the tips that bear on it appear. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (factor)), ==,
                   "Possible · 2 findings");
  g_assert_nonnull (crepitus_test_find_row (factor, "Tip: Assess muscular balance"));
  /* The clinician explanation is at hand. */
  g_assert_nonnull (crepitus_test_find_widget (row (factor, "Weak gluteus medius"),
                                               GTK_TYPE_MENU_BUTTON));

  back = stored (fixture);
  record = crepitus_assessment_get_factor (back, "muscle-imbalances");
  findings = crepitus_factor_record_dup_findings (record);
  g_assert_cmpint (crepitus_factor_record_get_judgement (record), ==, CREPITUS_JUDGEMENT_POSSIBLE);
  g_assert_cmpstrv (findings, ((const char *[]) { "weak-gluteus-medius", "tight-hip-flexors", NULL }));
  g_assert_cmpstr (crepitus_factor_record_get_notes (record), ==,
                   "Trendelenburg positive on the left.");

  /* The summary lists it among the factors judged likely or possible. */
  g_assert_nonnull (crepitus_test_find_row (show_page (fixture, "summary"), "Muscle imbalances"));
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  crepitus_test_wait_for (crepitus_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  return ADW_MESSAGE_DIALOG (crepitus_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  crepitus_test_wait_for (crepitus_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static void
assert_read_only (Fixture *fixture)
{
  GtkWidget *intake = show_page (fixture, "intake");
  GtkWidget *flags, *checklist, *posture;

  g_assert_false (gtk_widget_is_sensitive (row (intake, "S_ide")));
  g_assert_false (gtk_widget_is_sensitive (row (intake, "_Date")));
  g_assert_false (gtk_widget_is_sensitive (check (intake, "Walking")));
  g_assert_false (gtk_widget_is_sensitive (crepitus_test_find_widget (intake, GTK_TYPE_TEXT_VIEW)));
  flags = show_page (fixture, "red-flags");
  g_assert_false (gtk_widget_is_sensitive (crepitus_test_find_button (row (flags, "Fever"), "Yes")));
  g_assert_false (gtk_widget_is_sensitive (crepitus_test_find_button (flags, "Remaining: _No")));
  checklist = show_page (fixture, "checklist");
  g_assert_false (gtk_widget_is_sensitive (row (checklist, "_Judgement")));
  g_assert_false (gtk_widget_is_sensitive (check (checklist, "Gas release pop")));
  g_assert_false (gtk_widget_is_sensitive (row (checklist, "_Notes")));
  posture = show_page (fixture, "posture");
  g_assert_false (gtk_widget_is_sensitive (row (posture, "Sc_oliosis")));
}

static void
test_sign (Fixture       *fixture,
           gconstpointer  data)
{
  CrepitusAssessment *a = open_assessment (fixture);
  CrepitusStore *store = crepitus_application_get_store (fixture->app);
  AdwMessageDialog *dialog;
  GtkWidget *status;
  gint64 id = crepitus_assessment_get_id (a);

  /* Refused while the screen is incomplete, with the flags named; nothing changes. */
  click (crepitus_test_find_button (GTK_WIDGET (fixture->view), "_Sign"));
  dialog = wait_for_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "red-flag screen is incomplete"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "saddle-anaesthesia"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "13 flags not asked"));
  answer (dialog, "red-flags");
  g_assert_cmpstr (crepitus_assessment_view_get_page (fixture->view), ==, "red-flags");
  g_assert_null (crepitus_assessment_get_signed_by (a));
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);

    g_assert_cmpint (crepitus_assessment_get_status (back), ==, CREPITUS_ASSESSMENT_NOT_SIGNED);
  }

  /* Once every flag was asked, accepted: by the clinician acting, now. */
  click (crepitus_test_find_button (show_page (fixture, "red-flags"), "Remaining: _No"));
  click (crepitus_test_find_button (GTK_WIDGET (fixture->view), "_Sign"));
  g_assert_null (crepitus_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (crepitus_assessment_get_signed_by (a), ==, "Dr. Ana Ruiz");
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);

    g_assert_cmpint (crepitus_assessment_get_status (back), ==, CREPITUS_ASSESSMENT_SIGNED);
    g_assert_cmpstr (crepitus_assessment_get_signed_by (back), ==, "Dr. Ana Ruiz");
  }
  status = crepitus_test_find_styled (GTK_WIDGET (fixture->view), GTK_TYPE_BOX,
                                      "crepitus-status-bar");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (status))));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (crepitus_test_find_widget (status, GTK_TYPE_LABEL))),
                                   "Signed by Dr. Ana Ruiz on "));
  g_assert_false (gtk_widget_get_visible (crepitus_test_find_button (GTK_WIDGET (fixture->view), "_Sign")));
  g_assert_true (gtk_widget_get_visible (crepitus_test_find_button (status, "_Amend…")));

  /* Read-only: every control is off, and the store refuses an edit made anyway. */
  assert_read_only (fixture);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrepitusAssessment) copy = crepitus_store_load_assessment (store, id, &error);

    g_assert_no_error (error);
    crepitus_assessment_set_notes (copy, "Changed after signing.");
    g_assert_false (crepitus_store_save_assessment (store, copy, "notes", &error));
    g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED);
  }

  /* Amend, confirmed: the correction opens in its place, editable; the original stays. */
  click (crepitus_test_find_button (status, "_Amend…"));
  dialog = wait_for_dialog ();
  answer (dialog, "amend");
  g_assert_true (open_assessment (fixture) != a);
  g_assert_cmpint (crepitus_assessment_get_amends (open_assessment (fixture)), ==, id);
  g_assert_cmpint (crepitus_assessment_get_status (open_assessment (fixture)), ==,
                   CREPITUS_ASSESSMENT_NOT_SIGNED);
  g_assert_true (gtk_widget_is_sensitive (row (show_page (fixture, "intake"), "S_ide")));
  g_assert_true (gtk_widget_get_visible (crepitus_test_find_button (GTK_WIDGET (fixture->view), "_Sign")));
  g_assert_cmpint (crepitus_assessment_get_superseded_by (a), ==,
                   crepitus_assessment_get_id (open_assessment (fixture)));
  {
    GtkWidget *list = crepitus_test_find_styled (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX,
                                                 "crepitus-assessments");

    /* Both in the patient's list: the correction and the original it supersedes. */
    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  }
}

static void
test_entered_in_error (Fixture       *fixture,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *status;

  /* Asked first; cancelling changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.entered-in-error", NULL);
  answer (wait_for_dialog (), "cancel");
  g_assert_false (crepitus_assessment_get_entered_in_error (open_assessment (fixture)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assessment.entered-in-error", NULL);
  dialog = wait_for_dialog ();
  answer (dialog, "mark");
  g_assert_true (crepitus_assessment_get_entered_in_error (open_assessment (fixture)));
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);

    g_assert_cmpint (crepitus_assessment_get_status (back), ==,
                     CREPITUS_ASSESSMENT_ENTERED_IN_ERROR);
  }
  status = crepitus_test_find_styled (GTK_WIDGET (fixture->view), GTK_TYPE_BOX,
                                      "crepitus-status-bar");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (crepitus_test_find_widget (status, GTK_TYPE_LABEL))),
                                   "Entered in error"));
  assert_read_only (fixture);
  /* The list says so too. */
  {
    GtkWidget *list = crepitus_test_find_styled (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX,
                                                 "crepitus-assessments");
    GtkWidget *first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));

    g_assert_true (gtk_widget_has_css_class (first, "crepitus-entered-in-error"));
  }
}

/* Every control of @page, reached by Tab alone from the window. */
static void
assert_tab_reaches_every_control (GtkWindow *window,
                                  GtkWidget *page)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GPtrArray *stack = g_ptr_array_new ();

  /* The controls: rows that edit, check boxes, toggles, switches, buttons and text views. */
  g_ptr_array_add (stack, page);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      /* A control turned off (a measure not recorded yet) is rightly passed over. */
      if (!gtk_widget_get_visible (widget) || !gtk_widget_get_sensitive (widget))
        continue;
      if (ADW_IS_COMBO_ROW (widget) || ADW_IS_ENTRY_ROW (widget) || GTK_IS_CHECK_BUTTON (widget) ||
          GTK_IS_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_SWITCH (widget))
        g_ptr_array_add (controls, widget);
      if (ADW_IS_COMBO_ROW (widget) || ADW_IS_ENTRY_ROW (widget) || GTK_IS_BUTTON (widget))
        continue;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_free (stack, TRUE);
  g_assert_cmpuint (controls->len, >=, 6);

  gtk_window_set_focus (window, NULL);
  for (guint i = 0; i < 2000; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        continue;
      for (focus = gtk_window_get_focus (window); focus != NULL; focus = gtk_widget_get_parent (focus))
        g_hash_table_add (reached, focus);
    }
  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = controls->pdata[i];
      GtkWidget *list_row = gtk_widget_get_ancestor (control, GTK_TYPE_LIST_BOX_ROW);

      /* A check row's box is reached through its row, which toggles it. */
      if (!g_hash_table_contains (reached, control) &&
          !(GTK_IS_CHECK_BUTTON (control) && list_row != NULL &&
            g_hash_table_contains (reached, list_row)))
        g_error ("%s “%s” is not reached with Tab", G_OBJECT_TYPE_NAME (control),
                 ADW_IS_PREFERENCES_ROW (control)
                 ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (control))
                 : GTK_IS_BUTTON (control) ? gtk_button_get_label (GTK_BUTTON (control)) : "");
    }
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *targets)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      GtkWidget *target = gtk_label_get_mnemonic_widget (GTK_LABEL (widget));
      GtkWidget *seen = g_hash_table_lookup (targets, GUINT_TO_POINTER (key));

      if (target == NULL)
        target = widget;
      if (seen != NULL && seen != target)
        g_error ("Alt+%s is the mnemonic of both “%s” and “%s”", gdk_keyval_name (key),
                 G_OBJECT_TYPE_NAME (seen), G_OBJECT_TYPE_NAME (target));
      g_hash_table_insert (targets, GUINT_TO_POINTER (key), target);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, targets);
}

/* The fields have mnemonics, none of them taken twice on the same screen. */
static void
test_mnemonics (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const pages[] = { "intake", "red-flags", "checklist", "posture" };

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row (show_page (fixture, "checklist"),
                                                         "Joint cavitation")), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);

      show_page (fixture, pages[i]);
      crepitus_test_flush ();
      collect_mnemonics (GTK_WIDGET (fixture->window), targets);
      /* Sign, and at least one field of the page. */
      g_assert_true (g_hash_table_contains (targets, GUINT_TO_POINTER (GDK_KEY_s)));
      g_assert_cmpuint (g_hash_table_size (targets), >=, 2);
    }
  {
    g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);

    show_page (fixture, "intake");
    collect_mnemonics (GTK_WIDGET (fixture->window), targets);
    g_assert_true (g_hash_table_lookup (targets, GUINT_TO_POINTER (GDK_KEY_d)) ==
                   row (show_page (fixture, "intake"), "_Date"));
    g_assert_cmpuint (g_hash_table_size (targets), >=, 9);
  }
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *content_leaflet = gtk_widget_get_ancestor (GTK_WIDGET (fixture->view), ADW_TYPE_LEAFLET);

  /* Alt+1 to Alt+6 show the pages, wherever the focus is. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_assert_true (crepitus_test_press (window, "<Alt>3"));
  g_assert_cmpstr (crepitus_assessment_view_get_page (fixture->view), ==, "checklist");
  g_assert_true (crepitus_test_press (window, "<Alt>5"));
  g_assert_cmpstr (crepitus_assessment_view_get_page (fixture->view), ==, "measures");
  g_assert_true (crepitus_test_press (window, "<Alt>6"));
  g_assert_cmpstr (crepitus_assessment_view_get_page (fixture->view), ==, "summary");
  g_assert_true (crepitus_test_press (window, "<Alt>2"));
  g_assert_cmpstr (crepitus_assessment_view_get_page (fixture->view), ==, "red-flags");
  /* The focus follows into the page. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         show_page (fixture, "red-flags")));
  g_assert_true (crepitus_test_press (window, "<Alt>1"));
  g_assert_cmpstr (crepitus_assessment_view_get_page (fixture->view), ==, "intake");

  /* Every control of each page is reached with Tab. */
  assert_tab_reaches_every_control (GTK_WINDOW (window), show_page (fixture, "intake"));
  assert_tab_reaches_every_control (GTK_WINDOW (window), show_page (fixture, "red-flags"));
  assert_tab_reaches_every_control (GTK_WINDOW (window), show_page (fixture, "posture"));
  assert_tab_reaches_every_control (GTK_WINDOW (window), show_page (fixture, "measures"));

  /* Ctrl+Return signs (here refused: nothing was asked). */
  g_assert_true (crepitus_test_press (window, "<Control>Return"));
  answer (wait_for_dialog (), "close");

  /* The shortcuts window, Ctrl+?. */
  g_assert_true (crepitus_test_press (window, "<Control>question"));
  crepitus_test_wait_for (crepitus_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL);
  gtk_window_destroy (crepitus_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  /* Escape goes back to the patient; the page shortcuts then do nothing. */
  g_assert_true (crepitus_test_press (window, "Escape"));
  crepitus_test_wait_for (!gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (content_leaflet)) !=
                 GTK_WIDGET (fixture->view));
  g_assert_false (crepitus_test_press (window, "<Alt>3"));

  /* Activating the assessment in the list opens it again. */
  {
    CrepitusPatientPage *page = CREPITUS_PATIENT_PAGE (crepitus_test_find_widget (window,
                                                                                  CREPITUS_TYPE_PATIENT_PAGE));
    GtkWidget *list = crepitus_test_find_styled (window, GTK_TYPE_LIST_BOX, "crepitus-assessments");

    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
    g_assert_nonnull (page);
    g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (content_leaflet)) ==
                   GTK_WIDGET (fixture->view));
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/crepitus/ui/assessment/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("intake-read-back", test_intake_read_back);
  ADD ("saddle-anaesthesia-emergency", test_saddle_anaesthesia);
  ADD ("remaining-no-then-undo", test_remaining_no_then_undo);
  ADD ("checklist-saved", test_checklist_saved);
  ADD ("sign-amend", test_sign);
  ADD ("entered-in-error", test_entered_in_error);
  ADD ("keyboard", test_keyboard);
  ADD ("mnemonics", test_mnemonics);
#undef ADD

  return g_test_run ();
}
