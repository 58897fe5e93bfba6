/* test-ui-measures.c — the Measures page in the window: the measures recorded through the
 * widgets and read back from a second store, the scores as they change, the suggestions
 * accepted and dismissed, the scores on the Summary page, a signed assessment read-only
 * (Xvfb) */
#include "config.h"

#include <glib/gstdio.h>

#include "crepitus-application-private.h"
#include "crepitus-assessment-view.h"
#include "crepitus-window.h"
#include "crepitus-test-assessment.h"

typedef CrepitusTestAssessment Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  crepitus_test_assessment_set_up (fixture, data);
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
row (GtkWidget  *root,
     const char *title)
{
  GtkWidget *found = crepitus_test_find_row (root, title);

  if (found == NULL)
    g_error ("no row titled “%s…”", title);
  return found;
}

/* The preferences group titled @title under @root. */
static GtkWidget *
group (GtkWidget  *root,
       const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = group (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
description (GtkWidget  *page,
             const char *title)
{
  GtkWidget *found = group (page, title);

  g_assert_nonnull (found);
  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (found));
}

/* The switch in the header of group @title: whether the measure is recorded. */
static GtkSwitch *
recorded_switch (GtkWidget  *page,
                 const char *title)
{
  GtkWidget *suffix = NULL;
  GtkSwitch *found;

  g_object_get (group (page, title), "header-suffix", &suffix, NULL);
  g_assert_true (GTK_IS_SWITCH (suffix));
  found = GTK_SWITCH (suffix);
  g_object_unref (suffix);
  return found;
}

/* Sets the switch of the row titled @title, as a click would. */
static void
toggle (GtkWidget  *root,
        const char *title,
        gboolean    active)
{
  GtkWidget *found = crepitus_test_find_widget (row (root, title), GTK_TYPE_SWITCH);

  g_assert_nonnull (found);
  g_assert_true (gtk_widget_is_sensitive (found));
  gtk_switch_set_active (GTK_SWITCH (found), active);
}

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

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The subtitle of the Summary page's row for @measure in its Measures block. */
static const char *
summary_score (Fixture    *fixture,
               const char *measure)
{
  GtkWidget *block = group (show_page (fixture, "summary"), "Measures");

  g_assert_nonnull (block);
  g_assert_true (gtk_widget_get_visible (block));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row (block, measure)));
}

/* The ODI through its ten rows: scored live, not scored with two unanswered, saved. */
static void
test_odi (Fixture       *fixture,
          gconstpointer  data)
{
  GtkWidget *page = show_page (fixture, "measures");
  static const char * const sections[] = {
    "Pain intensity", "Personal care", "Lifting", "Walking", "Sitting", "Standing",
    "Sleeping", "Sex life", "Social life", "Travelling",
  };
  static const char * const answers[] = { "1", "2", "1", "1", "0", "1", "1", "0", "3", "2" };

  g_assert_true (g_str_has_prefix (description (page, "Oswestry Disability Index"),
                                   "Not recorded"));
  g_assert_false (gtk_widget_get_visible (group (show_page (fixture, "summary"), "Measures")));
  page = show_page (fixture, "measures");

  choose (row (group (page, "Oswestry Disability Index"), "Pain intensity"), "1");
  g_assert_cmpstr (description (page, "Oswestry Disability Index"), ==,
                   "Not scored: 9 sections unanswered (at most 1)");
  for (guint i = 1; i < G_N_ELEMENTS (sections); i++)
    choose (row (group (page, "Oswestry Disability Index"), sections[i]), answers[i]);
  g_assert_cmpstr (description (page, "Oswestry Disability Index"), ==,
                   "24% — Moderate disability");

  /* One unanswered: 11 of 45; two: not scored. */
  choose (row (group (page, "Oswestry Disability Index"), "Pain intensity"), "—");
  g_assert_cmpstr (description (page, "Oswestry Disability Index"), ==,
                   "24% — Moderate disability (one section unanswered)");
  choose (row (group (page, "Oswestry Disability Index"), "Personal care"), "—");
  g_assert_cmpstr (description (page, "Oswestry Disability Index"), ==,
                   "Not scored: 2 sections unanswered (at most 1)");
  g_assert_cmpstr (summary_score (fixture, "Oswestry"), ==,
                   "Not scored: 2 sections unanswered (at most 1)");

  page = show_page (fixture, "measures");
  choose (row (group (page, "Oswestry Disability Index"), "Personal care"), "5");
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);
    const CrepitusMeasures *measures = crepitus_assessment_get_measures (back);

    g_assert_true (measures->has_odi);
    g_assert_cmpint (measures->odi[0], ==, -1);
    g_assert_cmpint (measures->odi[1], ==, 5);
    g_assert_cmpint (measures->odi[8], ==, 3);
  }
  g_assert_cmpstr (summary_score (fixture, "Oswestry"), ==,
                   "31% — Moderate disability (one section unanswered)");
}

/* STarT Back: recorded by its switch, every item visible at Disagree; item 9 counts from
 * "Very much"; the risk group follows the psychosocial subscale. */
static void
test_start_back (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *page = show_page (fixture, "measures");
  GtkWidget *start_back = group (page, "STarT Back Screening");

  g_assert_false (gtk_widget_is_sensitive (crepitus_test_find_widget (row (start_back, "1 ·"),
                                                                      GTK_TYPE_SWITCH)));
  gtk_switch_set_active (recorded_switch (page, "STarT Back Screening"), TRUE);
  g_assert_cmpstr (description (page, "STarT Back Screening"), ==,
                   "Not scored: item 9 unanswered");
  toggle (start_back, "1 ·", TRUE);
  toggle (start_back, "5 ·", TRUE);
  toggle (start_back, "6 ·", TRUE);
  toggle (start_back, "7 ·", TRUE);
  choose (row (start_back, "9 ·"), "Moderately");
  g_assert_cmpstr (description (page, "STarT Back Screening"), ==,
                   "4 of 9, psychosocial subscale 3 of 5 — Medium risk");
  choose (row (start_back, "9 ·"), "Very much");
  g_assert_cmpstr (description (page, "STarT Back Screening"), ==,
                   "5 of 9, psychosocial subscale 4 of 5 — High risk");
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);
    const CrepitusMeasures *measures = crepitus_assessment_get_measures (back);

    g_assert_true (measures->has_start_back);
    g_assert_cmpint (measures->start_back_items[0], ==, 1);
    g_assert_cmpint (measures->start_back_items[1], ==, 0);
    g_assert_cmpint (measures->bothersomeness, ==, 3);
  }
  g_assert_cmpstr (summary_score (fixture, "STarT Back"), ==,
                   "5 of 9, psychosocial subscale 4 of 5 — High risk");

  /* Turned off: no longer recorded. */
  page = show_page (fixture, "measures");
  gtk_switch_set_active (recorded_switch (page, "STarT Back Screening"), FALSE);
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);

    g_assert_true (crepitus_measures_is_empty (crepitus_assessment_get_measures (back)));
  }
}

static GtkWidget *
suggestion (GtkWidget  *page,
            const char *title)
{
  GtkWidget *suggestions = group (page, "Suggested by the Measures");

  if (!gtk_widget_get_visible (suggestions))
    return NULL;
  return crepitus_test_find_row (suggestions, title);
}

/* Beighton over 50 (threshold 4): hypermobility suggested, never ticked until accepted. */
static void
test_beighton_suggestion (Fixture       *fixture,
                          gconstpointer  data)
{
  CrepitusAssessment *a = open_assessment (fixture);
  CrepitusFactorRecord *ligaments = crepitus_assessment_get_factor (a, "ligament-elasticity");
  GtkWidget *page = show_page (fixture, "measures");
  GtkWidget *beighton = group (page, "Beighton Score");
  GtkWidget *offered;

  gtk_switch_set_active (recorded_switch (page, "Beighton Score"), TRUE);
  toggle (beighton, "Little finger beyond 90°, left", TRUE);
  toggle (beighton, "Little finger beyond 90°, right", TRUE);
  toggle (beighton, "Thumb to forearm, left", TRUE);
  g_assert_true (g_str_has_prefix (description (page, "Beighton Score"),
                                   "3 of 9 — below the threshold (threshold 4 at age "));
  g_assert_null (suggestion (page, "Suggests"));

  toggle (beighton, "Palms flat on the floor", TRUE);
  g_assert_true (g_str_has_prefix (description (page, "Beighton Score"),
                                   "4 of 9 — generalised hypermobility (threshold 4 at age "));
  offered = suggestion (page, "Suggests Hypermobility (Ligament elasticity)");
  g_assert_nonnull (offered);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (offered)), ==,
                   "Beighton score 4 of 9 reaches the threshold of 4");
  /* Offered, not applied. */
  g_assert_false (crepitus_factor_record_has_finding (ligaments, "hypermobility"));
  g_assert_cmpint (crepitus_factor_record_get_judgement (ligaments), ==,
                   CREPITUS_JUDGEMENT_NOT_ASSESSED);

  click (crepitus_test_find_button (offered, "Accept"));
  g_assert_true (crepitus_factor_record_has_finding (ligaments, "hypermobility"));
  g_assert_cmpint (crepitus_factor_record_get_judgement (ligaments), ==,
                   CREPITUS_JUDGEMENT_POSSIBLE);
  g_assert_null (suggestion (page, "Suggests"));
  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);
    CrepitusFactorRecord *record = crepitus_assessment_get_factor (back, "ligament-elasticity");

    g_assert_true (crepitus_factor_record_has_finding (record, "hypermobility"));
    g_assert_cmpint (crepitus_factor_record_get_judgement (record), ==,
                     CREPITUS_JUDGEMENT_POSSIBLE);
    g_assert_true (crepitus_assessment_get_measures (back)->beighton[8]);
  }
  g_assert_true (g_str_has_prefix (summary_score (fixture, "Beighton"), "4 of 9 — generalised"));
}

/* Without a birth date, the adult threshold, said so. */
static void
test_beighton_no_birth_date (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *page = show_page (fixture, "measures");
  GtkWidget *beighton = group (page, "Beighton Score");

  gtk_switch_set_active (recorded_switch (page, "Beighton Score"), TRUE);
  toggle (beighton, "Knee beyond 10°, left", TRUE);
  toggle (beighton, "Knee beyond 10°, right", TRUE);
  toggle (beighton, "Elbow beyond 10°, left", TRUE);
  toggle (beighton, "Elbow beyond 10°, right", TRUE);
  g_assert_cmpstr (description (page, "Beighton Score"), ==,
                   "4 of 9 — below the threshold (adult threshold 5: birth date not recorded)");
  g_assert_null (suggestion (page, "Suggests"));
}

/* The tests: a positive straight leg raise suggests nerve impingement (accepted), a positive
 * Trendelenburg a weak gluteus medius (dismissed); a judgement already made is left alone. */
static void
test_examination_tests (Fixture       *fixture,
                        gconstpointer  data)
{
  CrepitusAssessment *a = open_assessment (fixture);
  CrepitusFactorRecord *nerve = crepitus_assessment_get_factor (a, "nerve-impingement");
  CrepitusFactorRecord *muscles = crepitus_assessment_get_factor (a, "muscle-imbalances");
  GtkWidget *page = show_page (fixture, "measures");
  GtkWidget *tests = group (page, "Examination Tests");
  GtkWidget *offered;

  choose (row (tests, "Straight leg raise"), "Negative · Left leg");
  g_assert_null (suggestion (page, "Suggests"));
  choose (row (tests, "Straight leg raise"), "Positive · Left leg");
  offered = suggestion (page, "Suggests Nerve impingement");
  g_assert_nonnull (offered);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (offered)), ==,
                   "Straight leg raise: Positive");
  choose (row (tests, "Slump"), "Positive · Both legs");
  offered = suggestion (page, "Suggests Nerve impingement");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (offered)), ==,
                   "Straight leg raise: Positive; Slump test: Positive");
  click (crepitus_test_find_button (offered, "Accept"));
  g_assert_cmpint (crepitus_factor_record_get_judgement (nerve), ==, CREPITUS_JUDGEMENT_POSSIBLE);
  g_assert_null (suggestion (page, "Suggests Nerve"));

  /* Judged likely already, with the finding not ticked: accepting ticks it and keeps
   * "likely". Dismissed first, it is not offered again. */
  crepitus_factor_record_set_judgement (muscles, CREPITUS_JUDGEMENT_LIKELY);
  choose (row (tests, "Trendelenburg"), "Positive · Right leg");
  offered = suggestion (page, "Suggests Weak gluteus medius");
  g_assert_nonnull (offered);
  click (crepitus_test_find_button (offered, "Dismiss"));
  g_assert_null (suggestion (page, "Suggests"));
  g_assert_false (crepitus_factor_record_has_finding (muscles, "weak-gluteus-medius"));
  choose (row (tests, "FABER"), "Not done");
  g_assert_null (suggestion (page, "Suggests"));

  {
    g_autoptr(CrepitusAssessment) back = stored (fixture);
    const CrepitusMeasures *measures = crepitus_assessment_get_measures (back);

    g_assert_cmpint (crepitus_factor_record_get_judgement (crepitus_assessment_get_factor (back, "nerve-impingement")),
                     ==, CREPITUS_JUDGEMENT_POSSIBLE);
    g_assert_cmpint (measures->tests[0].result, ==, 2);
    g_assert_cmpint (measures->tests[0].side, ==, 0);
    g_assert_cmpint (measures->tests[1].side, ==, 2);
    g_assert_cmpint (measures->tests[2].result, ==, 0);
    g_assert_cmpint (measures->tests[2].side, ==, -1);
    g_assert_cmpint (measures->tests[4].side, ==, 1);
  }
}

/* Signed: the measures read-only like the rest, and nothing offered. */
static void
test_signed_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  CrepitusAssessment *a = open_assessment (fixture);
  GtkWidget *page = show_page (fixture, "measures");

  choose (row (group (page, "Examination Tests"), "Trendelenburg"), "Positive · Left leg");
  g_assert_nonnull (suggestion (page, "Suggests"));
  click (crepitus_test_find_button (show_page (fixture, "red-flags"), "Remaining: _No"));
  click (crepitus_test_find_button (GTK_WIDGET (fixture->view), "_Sign"));
  g_assert_nonnull (crepitus_assessment_get_signed_by (a));

  page = show_page (fixture, "measures");
  g_assert_false (gtk_widget_is_sensitive (row (group (page, "Examination Tests"), "Trendelenburg")));
  g_assert_false (gtk_widget_is_sensitive (row (group (page, "Oswestry Disability Index"), "Lifting")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (recorded_switch (page, "Beighton Score"))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (recorded_switch (page, "STarT Back Screening"))));
  g_assert_null (suggestion (page, "Suggests"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, birth, func) \
  g_test_add ("/crepitus/ui/measures/" path, Fixture, birth, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("odi", "", test_odi);
  ADD ("start-back", "", test_start_back);
  ADD ("beighton-suggestion", "1970-01-01", test_beighton_suggestion);
  ADD ("beighton-no-birth-date", "", test_beighton_no_birth_date);
  ADD ("examination-tests", "", test_examination_tests);
  ADD ("signed-read-only", "", test_signed_read_only);
#undef ADD

  return g_test_run ();
}
