/* crepitus-measures-page.c — the measures and examination tests of one assessment, scored
 * (CLINICAL.md §7)
 *
 * The NPRS (the intake's pain score, shown here), the ODI's ten sections, STarT Back's nine
 * items, Beighton's nine points and the five tests, under short labels of Crepitus's own from
 * the catalog. Each edit builds the measures anew and records them through the field table,
 * which checks them as every other entrance does. The scores under each title and the
 * suggestions come from crepitus-scores.c and follow every edit; a suggestion is a row the
 * clinician accepts (ticking the finding and raising a factor not assessed to possible,
 * through the factor record's fields as the Checklist does) or dismisses.
 *
 * STarT Back and Beighton record answers for every item (CLINICAL.md §6 has no unanswered
 * item), so each starts unrecorded behind a switch: turning it on records it, every item at
 * Disagree or No until changed, in sight.
 */
#define G_LOG_DOMAIN "crepitus-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-choices.h"
#include "crepitus-measures-page.h"
#include "crepitus-scores.h"

struct _CrepitusMeasuresPage
{
  AdwBin               parent_instance;
  CrepitusAssessment  *assessment;      /* the model this page edits; owned */
  gboolean             updating;        /* filling the rows from the model */
  GHashTable          *dismissed;       /* factor keys whose suggestion was dismissed */
  char                *shown;           /* the suggestions the rows show */
  GPtrArray           *suggestion_rows;

  AdwComboRow         *odi_rows[CREPITUS_ODI_N_SECTIONS];
  GtkSwitch           *start_back_switches[CREPITUS_START_BACK_N_ITEMS];
  AdwComboRow         *bothersomeness_row;
  GtkSwitch           *beighton_switches[CREPITUS_BEIGHTON_N_ITEMS];
  AdwComboRow         *test_rows[CREPITUS_N_TESTS];

  /* template children */
  AdwPreferencesGroup *suggestions_group;
  AdwPreferencesGroup *nprs_group;
  AdwActionRow        *nprs_row;
  AdwPreferencesGroup *odi_group;
  AdwPreferencesGroup *start_back_group;
  GtkSwitch           *start_back_switch;
  AdwPreferencesGroup *beighton_group;
  GtkSwitch           *beighton_switch;
  AdwPreferencesGroup *tests_group;
};

G_DEFINE_FINAL_TYPE (CrepitusMeasuresPage, crepitus_measures_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_ASSESSMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The sides a test is recorded on: each result but not-done comes with one, so a test row
 * offers "—", "Not done", then each result with each side. */
#define N_SIDES 3

static const CrepitusField *
field (CrepitusRecord  record,
       const char     *property)
{
  const CrepitusField *found = crepitus_field_find (record, property);

  g_assert (found != NULL);
  return found;
}

/* The position in a test row of what the measures record. */
static guint
test_position (const CrepitusMeasures *measures,
               guint                   test)
{
  int result = measures->tests[test].result;

  if (result < 0)
    return 0;
  if (result == 0)
    return 1;
  return 2 + (result - 1) * N_SIDES + MAX (measures->tests[test].side, 0);
}

static void
set_test_position (CrepitusMeasures *measures,
                   guint             test,
                   guint             position)
{
  measures->tests[test].result = position == 0 ? -1 : position == 1 ? 0 :
                                 1 + (int) (position - 2) / N_SIDES;
  measures->tests[test].side = position < 2 ? -1 : (int) (position - 2) % N_SIDES;
}

static GListModel *
test_model (void)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("—"));
  gtk_string_list_append (model, crepitus_catalog_label (CREPITUS_LIST_TEST_RESULT, "not-done"));
  for (guint result = 1; result < crepitus_catalog_count (CREPITUS_LIST_TEST_RESULT); result++)
    for (guint side = 0; side < N_SIDES; side++)
      {
        /* Translators: a test's result and its side, e.g. "Positive · Left leg" */
        g_autofree char *label =
          g_strdup_printf (_("%s · %s"),
                           crepitus_catalog_label (CREPITUS_LIST_TEST_RESULT,
                                                   crepitus_catalog_key (CREPITUS_LIST_TEST_RESULT,
                                                                         result)),
                           crepitus_catalog_label (CREPITUS_LIST_SIDE,
                                                   crepitus_catalog_key (CREPITUS_LIST_SIDE, side)));

        gtk_string_list_append (model, label);
      }
  return G_LIST_MODEL (model);
}

/* Recording */

/* Records @measures in the assessment when the field table accepts them. */
static void
record_measures (CrepitusMeasuresPage   *self,
                 const CrepitusMeasures *measures)
{
  const CrepitusField *measures_field = field (CREPITUS_RECORD_ASSESSMENT, "measures");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  crepitus_field_init_value (measures_field, &value);
  g_value_set_boxed (&value, measures);
  if (!crepitus_field_validate (measures_field, G_OBJECT (self->assessment), &value, &error) ||
      !crepitus_field_set (measures_field, G_OBJECT (self->assessment), &value))
    g_message ("measures not recorded: %s", error != NULL ? error->message : "");
}

static gboolean
any_odi_answered (const CrepitusMeasures *measures)
{
  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    if (measures->odi[i] >= 0)
      return TRUE;
  return FALSE;
}

static void
on_odi_selected_cb (AdwComboRow          *row,
                    GParamSpec           *pspec,
                    CrepitusMeasuresPage *self)
{
  g_autoptr(CrepitusMeasures) measures = NULL;

  if (self->updating || self->assessment == NULL)
    return;
  measures = crepitus_measures_copy (crepitus_assessment_get_measures (self->assessment));
  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    if (self->odi_rows[i] == row)
      measures->odi[i] = (int) adw_combo_row_get_selected (row) - 1;
  /* Every section back to unanswered: the ODI is no longer recorded. */
  measures->has_odi = any_odi_answered (measures);
  record_measures (self, measures);
}

static void
on_recorded_switch_cb (GtkSwitch            *toggle,
                       GParamSpec           *pspec,
                       CrepitusMeasuresPage *self)
{
  g_autoptr(CrepitusMeasures) measures = NULL;
  gboolean active = gtk_switch_get_active (toggle);

  if (self->updating || self->assessment == NULL)
    return;
  measures = crepitus_measures_copy (crepitus_assessment_get_measures (self->assessment));
  if (toggle == self->start_back_switch)
    {
      measures->has_start_back = active;
      for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
        measures->start_back_items[i] = active ? 0 : -1;
      measures->bothersomeness = -1;
    }
  else
    {
      measures->has_beighton = active;
      for (guint i = 0; i < CREPITUS_BEIGHTON_N_ITEMS; i++)
        measures->beighton[i] = FALSE;
    }
  record_measures (self, measures);
}

static void
on_item_switch_cb (GtkSwitch            *toggle,
                   GParamSpec           *pspec,
                   CrepitusMeasuresPage *self)
{
  g_autoptr(CrepitusMeasures) measures = NULL;
  gboolean active = gtk_switch_get_active (toggle);

  if (self->updating || self->assessment == NULL)
    return;
  measures = crepitus_measures_copy (crepitus_assessment_get_measures (self->assessment));
  for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
    if (self->start_back_switches[i] == toggle && measures->has_start_back)
      measures->start_back_items[i] = active ? 1 : 0;
  for (guint i = 0; i < CREPITUS_BEIGHTON_N_ITEMS; i++)
    if (self->beighton_switches[i] == toggle && measures->has_beighton)
      measures->beighton[i] = active;
  record_measures (self, measures);
}

static void
on_bothersomeness_selected_cb (AdwComboRow          *row,
                               GParamSpec           *pspec,
                               CrepitusMeasuresPage *self)
{
  g_autoptr(CrepitusMeasures) measures = NULL;

  if (self->updating || self->assessment == NULL)
    return;
  measures = crepitus_measures_copy (crepitus_assessment_get_measures (self->assessment));
  if (!measures->has_start_back)
    return;
  measures->bothersomeness = (int) adw_combo_row_get_selected (row) - 1;
  record_measures (self, measures);
}

static void
on_test_selected_cb (AdwComboRow          *row,
                     GParamSpec           *pspec,
                     CrepitusMeasuresPage *self)
{
  g_autoptr(CrepitusMeasures) measures = NULL;

  if (self->updating || self->assessment == NULL)
    return;
  measures = crepitus_measures_copy (crepitus_assessment_get_measures (self->assessment));
  for (guint i = 0; i < CREPITUS_N_TESTS; i++)
    if (self->test_rows[i] == row)
      set_test_position (measures, i, adw_combo_row_get_selected (row));
  record_measures (self, measures);
}

/* Suggestions */

/* Ticks the finding and raises a factor not assessed to possible, through the factor
 * record's fields as the Checklist page records them (so autosave and audit follow). */
static void
accept_suggestion (CrepitusMeasuresPage     *self,
                   const CrepitusSuggestion *suggestion)
{
  CrepitusFactorRecord *record = crepitus_assessment_get_factor (self->assessment,
                                                                 suggestion->factor);
  g_autoptr(GError) error = NULL;

  if (suggestion->finding != NULL &&
      !crepitus_choices_field_set_member (field (CREPITUS_RECORD_FACTOR, "findings"),
                                          G_OBJECT (record), suggestion->finding, TRUE, &error))
    g_message ("suggestion not accepted: %s", error->message);
  if (error == NULL &&
      crepitus_factor_record_get_judgement (record) == CREPITUS_JUDGEMENT_NOT_ASSESSED &&
      !crepitus_choices_field_choose (field (CREPITUS_RECORD_FACTOR, "judgement"),
                                      G_OBJECT (record),
                                      crepitus_catalog_index (CREPITUS_LIST_JUDGEMENT, "possible"),
                                      &error))
    g_message ("suggestion not accepted: %s", error->message);
}

static void crepitus_measures_page_update (CrepitusMeasuresPage *self);

static void
on_suggestion_clicked_cb (GtkButton            *button,
                          CrepitusMeasuresPage *self)
{
  const CrepitusSuggestion *suggestion = g_object_get_data (G_OBJECT (button),
                                                            "crepitus-suggestion");

  if (self->assessment == NULL || suggestion == NULL)
    return;
  if (g_object_get_data (G_OBJECT (button), "crepitus-accept") != NULL)
    accept_suggestion (self, suggestion);
  else
    g_hash_table_add (self->dismissed, (gpointer) suggestion->factor);
  /* Accepting changed a factor record, which this page follows already; dismissing changed
   * nothing recorded. (The button is held while its signal runs: its row may go.) */
  crepitus_measures_page_update (self);
}

static GtkWidget *
suggestion_button (CrepitusMeasuresPage     *self,
                   const CrepitusSuggestion *suggestion,
                   const char               *label,
                   gboolean                  accept)
{
  /* No mnemonic: several suggestions may be offered at once. */
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (accept)
    gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data (G_OBJECT (button), "crepitus-suggestion", (gpointer) suggestion);
  g_object_set_data (G_OBJECT (button), "crepitus-accept", GINT_TO_POINTER (accept));
  g_signal_connect (button, "clicked", G_CALLBACK (on_suggestion_clicked_cb), self);
  return button;
}

/* What the suggestion does, in the catalog's words: "Hypermobility (Ligament elasticity)". */
static char *
suggestion_title (const CrepitusSuggestion *suggestion)
{
  const CrepitusFactor *factor = crepitus_catalog_factor (suggestion->factor);
  const CrepitusFinding *finding = suggestion->finding != NULL ?
                                   crepitus_catalog_finding (factor, suggestion->finding) : NULL;

  if (finding != NULL)
    /* Translators: a suggested finding, then its factor */
    return g_strdup_printf (_("Suggests %s (%s)"), crepitus_catalog_gettext (finding->label),
                            crepitus_catalog_gettext (factor->label));
  /* Translators: a suggested factor of the checklist */
  return g_strdup_printf (_("Suggests %s"), crepitus_catalog_gettext (factor->label));
}

static void
update_suggestions (CrepitusMeasuresPage *self,
                    const CrepitusScores *scores)
{
  const CrepitusMeasures *measures = crepitus_assessment_get_measures (self->assessment);
  g_autoptr(GPtrArray) suggestions = crepitus_scores_dup_suggestions (measures, scores);
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  g_autoptr(GString) shown = g_string_new (NULL);

  /* Nothing is offered on an assessment that can no longer change. */
  if (!crepitus_assessment_is_read_only (self->assessment))
    for (guint i = 0; i < suggestions->len; i++)
      {
        const CrepitusSuggestion *suggestion = suggestions->pdata[i];
        g_autofree char *reason = crepitus_scores_dup_suggestion_reason (suggestion, measures,
                                                                         scores);

        if (g_hash_table_contains (self->dismissed, suggestion->factor) ||
            !crepitus_suggestion_is_pending (suggestion, self->assessment))
          continue;
        g_ptr_array_add (pending, (gpointer) suggestion);
        g_string_append_printf (shown, "%s\n%s\n", suggestion->factor, reason);
      }
  if (self->shown != NULL && g_str_equal (self->shown, shown->str))
    return;
  g_free (self->shown);
  self->shown = g_strdup (shown->str);

  for (guint i = 0; i < self->suggestion_rows->len; i++)
    adw_preferences_group_remove (self->suggestions_group, self->suggestion_rows->pdata[i]);
  g_ptr_array_set_size (self->suggestion_rows, 0);
  for (guint i = 0; i < pending->len; i++)
    {
      const CrepitusSuggestion *suggestion = pending->pdata[i];
      g_autofree char *title = suggestion_title (suggestion);
      g_autofree char *reason = crepitus_scores_dup_suggestion_reason (suggestion, measures,
                                                                       scores);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 suggestion_button (self, suggestion, _("Dismiss"), FALSE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 suggestion_button (self, suggestion, _("Accept"), TRUE));
      gtk_widget_add_css_class (row, "crepitus-suggestion");
      adw_preferences_group_add (self->suggestions_group, row);
      g_ptr_array_add (self->suggestion_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group), pending->len > 0);
}

/* The model shown */

static void
set_description (AdwPreferencesGroup  *group,
                 const CrepitusScores *scores,
                 const char           *measure_key,
                 const char           *unrecorded)
{
  g_autofree char *text = crepitus_scores_dup_text (scores, measure_key, TRUE);

  adw_preferences_group_set_description (group, text != NULL ? text : unrecorded);
}

static void
crepitus_measures_page_update (CrepitusMeasuresPage *self)
{
  const CrepitusMeasures *measures;
  CrepitusScores scores;
  g_autofree char *nprs = NULL;
  gboolean editable;

  if (self->assessment == NULL)
    return;

  measures = crepitus_assessment_get_measures (self->assessment);
  crepitus_scores_compute_for (self->assessment, &scores);
  editable = !crepitus_assessment_is_read_only (self->assessment);

  self->updating = TRUE;
  nprs = crepitus_scores_dup_text (&scores, "nprs", FALSE);
  adw_action_row_set_subtitle (self->nprs_row,
                               nprs != NULL ? nprs : _("Not asked: recorded on the Intake page"));

  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    adw_combo_row_set_selected (self->odi_rows[i], measures->has_odi ? measures->odi[i] + 1 : 0);
  set_description (self->odi_group, &scores, "odi",
                   _("Not recorded. Choose 0 to 5 for each section answered."));

  gtk_switch_set_active (self->start_back_switch, measures->has_start_back);
  for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
    {
      gtk_switch_set_active (self->start_back_switches[i],
                             measures->has_start_back && measures->start_back_items[i] == 1);
      gtk_widget_set_sensitive (GTK_WIDGET (self->start_back_switches[i]),
                                measures->has_start_back);
    }
  adw_combo_row_set_selected (self->bothersomeness_row,
                              measures->has_start_back ? measures->bothersomeness + 1 : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bothersomeness_row), measures->has_start_back);
  set_description (self->start_back_group, &scores, "start_back",
                   _("Not recorded. Turn it on to answer items 1 to 9."));

  gtk_switch_set_active (self->beighton_switch, measures->has_beighton);
  for (guint i = 0; i < CREPITUS_BEIGHTON_N_ITEMS; i++)
    {
      gtk_switch_set_active (self->beighton_switches[i],
                             measures->has_beighton && measures->beighton[i]);
      gtk_widget_set_sensitive (GTK_WIDGET (self->beighton_switches[i]), measures->has_beighton);
    }
  set_description (self->beighton_group, &scores, "beighton",
                   _("Not recorded. Turn it on to record the nine points."));

  for (guint i = 0; i < CREPITUS_N_TESTS; i++)
    adw_combo_row_set_selected (self->test_rows[i], test_position (measures, i));

  /* A signed assessment is read-only: every control says so. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->odi_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_back_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->beighton_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tests_group), editable);
  update_suggestions (self, &scores);
  self->updating = FALSE;
}

static void
connect_factors (CrepitusMeasuresPage *self,
                 gboolean              connect)
{
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);

  for (guint i = 0; i < n_factors; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (self->assessment,
                                                                     factors[i].key);

      if (connect)
        g_signal_connect_swapped (record, "notify", G_CALLBACK (crepitus_measures_page_update),
                                  self);
      else
        g_signal_handlers_disconnect_by_func (record, crepitus_measures_page_update, self);
    }
}

/* The rows, built once from the catalog */

static GtkSwitch *
add_switch_row (AdwPreferencesGroup  *group,
                const char           *title,
                CrepitusMeasuresPage *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_item_switch_cb), self);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (toggle);
}

static AdwComboRow *
add_combo_row (AdwPreferencesGroup  *group,
               const char           *title,
               GListModel           *model,
               GCallback             callback,
               CrepitusMeasuresPage *self)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  g_signal_connect (row, "notify::selected", callback, self);
  adw_preferences_group_add (group, row);
  g_object_unref (model);
  return ADW_COMBO_ROW (row);
}

static void
build_rows (CrepitusMeasuresPage *self)
{
  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    {
      GtkStringList *answers = gtk_string_list_new (NULL);

      gtk_string_list_append (answers, _("—"));
      for (int answer = 0; answer <= 5; answer++)
        {
          g_autofree char *text = g_strdup_printf ("%d", answer);

          gtk_string_list_append (answers, text);
        }
      self->odi_rows[i] =
        add_combo_row (self->odi_group,
                       crepitus_catalog_label (CREPITUS_LIST_ODI_SECTION,
                                               crepitus_catalog_key (CREPITUS_LIST_ODI_SECTION, i)),
                       G_LIST_MODEL (answers), G_CALLBACK (on_odi_selected_cb), self);
    }

  for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
    self->start_back_switches[i] =
      add_switch_row (self->start_back_group,
                      crepitus_catalog_label (CREPITUS_LIST_START_BACK_ITEM,
                                              crepitus_catalog_key (CREPITUS_LIST_START_BACK_ITEM, i)),
                      self);
  self->bothersomeness_row = add_combo_row (self->start_back_group, _("9 · Bothersomeness"),
                                            crepitus_choices_model (CREPITUS_LIST_BOTHERSOMENESS),
                                            G_CALLBACK (on_bothersomeness_selected_cb), self);

  for (guint i = 0; i < CREPITUS_BEIGHTON_N_ITEMS; i++)
    self->beighton_switches[i] =
      add_switch_row (self->beighton_group,
                      crepitus_catalog_label (CREPITUS_LIST_BEIGHTON_ITEM,
                                              crepitus_catalog_key (CREPITUS_LIST_BEIGHTON_ITEM, i)),
                      self);

  for (guint i = 0; i < CREPITUS_N_TESTS; i++)
    self->test_rows[i] =
      add_combo_row (self->tests_group,
                     crepitus_catalog_label (CREPITUS_LIST_TEST,
                                             crepitus_catalog_key (CREPITUS_LIST_TEST, i)),
                     test_model (), G_CALLBACK (on_test_selected_cb), self);
}

/* GObject */

static void
crepitus_measures_page_dispose (GObject *object)
{
  CrepitusMeasuresPage *self = CREPITUS_MEASURES_PAGE (object);

  crepitus_measures_page_set_assessment (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_MEASURES_PAGE);
  g_clear_pointer (&self->suggestion_rows, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (crepitus_measures_page_parent_class)->dispose (object);
}

static void
crepitus_measures_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CrepitusMeasuresPage *self = CREPITUS_MEASURES_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_measures_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CrepitusMeasuresPage *self = CREPITUS_MEASURES_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      crepitus_measures_page_set_assessment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_measures_page_class_init (CrepitusMeasuresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_measures_page_dispose;
  object_class->get_property = crepitus_measures_page_get_property;
  object_class->set_property = crepitus_measures_page_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, CREPITUS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-measures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusMeasuresPage, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusMeasuresPage, nprs_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusMeasuresPage, nprs_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusMeasuresPage, odi_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusMeasuresPage, start_back_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusMeasuresPage, start_back_switch);
  gtk_widget_class_bind_template_child (widget_class, CrepitusMeasuresPage, beighton_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusMeasuresPage, beighton_switch);
  gtk_widget_class_bind_template_child (widget_class, CrepitusMeasuresPage, tests_group);
  gtk_widget_class_bind_template_callback (widget_class, on_recorded_switch_cb);
}

static void
crepitus_measures_page_init (CrepitusMeasuresPage *self)
{
  self->updating = TRUE;
  self->dismissed = g_hash_table_new (g_str_hash, g_str_equal);
  self->suggestion_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  build_rows (self);
  self->updating = FALSE;
}

CrepitusAssessment *
crepitus_measures_page_get_assessment (CrepitusMeasuresPage *self)
{
  g_return_val_if_fail (CREPITUS_IS_MEASURES_PAGE (self), NULL);

  return self->assessment;
}

void
crepitus_measures_page_set_assessment (CrepitusMeasuresPage *self,
                                       CrepitusAssessment   *assessment)
{
  g_return_if_fail (CREPITUS_IS_MEASURES_PAGE (self));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->assessment, crepitus_measures_page_update, self);
      connect_factors (self, FALSE);
    }
  g_set_object (&self->assessment, assessment);
  /* What was dismissed was dismissed for the assessment shown. */
  g_hash_table_remove_all (self->dismissed);
  g_clear_pointer (&self->shown, g_free);
  if (assessment != NULL)
    {
      g_signal_connect_swapped (assessment, "notify", G_CALLBACK (crepitus_measures_page_update),
                                self);
      connect_factors (self, TRUE);
      crepitus_measures_page_update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}
