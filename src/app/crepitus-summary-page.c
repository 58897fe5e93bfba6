/* crepitus-summary-page.c — the live triage of one assessment (CLINICAL.md §4)
 *
 * The level as a panel in its colour, with an icon and its name (never the colour alone);
 * while the red-flag screen is incomplete, a row that says so and opens the Red Flags page;
 * the reasons and recommendations in clinician words; the factors judged likely or possible;
 * the review; the tips; and, in a block of their own, the scores of the measures
 * (crepitus-scores.c). Everything comes from crepitus_triage_compute(), the scores and the
 * catalog, and follows every edit.
 */
#define G_LOG_DOMAIN "crepitus-summary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-report-actions.h"
#include "crepitus-scores.h"
#include "crepitus-summary-page.h"
#include "crepitus-triage.h"

struct _CrepitusSummaryPage
{
  AdwBin               parent_instance;
  CrepitusAssessment  *assessment;      /* the model this page shows; owned */
  char                *shown;           /* what the rows show, to rebuild only on change */
  GPtrArray           *reason_rows;
  GPtrArray           *recommendation_rows;
  GPtrArray           *factor_rows;
  GPtrArray           *tip_rows;
  char                *scores_shown;    /* what the scores block shows */
  GPtrArray           *score_rows;

  /* template children */
  GtkWidget           *level_panel;
  GtkImage            *level_icon;
  GtkLabel            *level_title;
  AdwActionRow        *screen_row;
  GtkImage            *screen_icon;
  GtkWidget           *screen_arrow;
  AdwPreferencesGroup *reasons_group;
  AdwPreferencesGroup *recommendations_group;
  AdwPreferencesGroup *factors_group;
  AdwActionRow        *review_row;
  AdwPreferencesGroup *scores_group;
  AdwPreferencesGroup *tips_group;
};

G_DEFINE_FINAL_TYPE (CrepitusSummaryPage, crepitus_summary_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_ASSESSMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The icon beside each level's name: a shape, so that the colour is never alone. */
static const char *
level_icon_name (CrepitusLevel level)
{
  switch (level)
    {
    case CREPITUS_LEVEL_EMERGENCY:
      return "dialog-error-symbolic";
    case CREPITUS_LEVEL_URGENT:
      return "dialog-warning-symbolic";
    case CREPITUS_LEVEL_REFER:
      return "emblem-important-symbolic";
    case CREPITUS_LEVEL_MONITOR:
      return "view-reveal-symbolic";
    case CREPITUS_LEVEL_BENIGN:
    default:
      return "emblem-ok-symbolic";
    }
}

/* Replaces the rows of @group in @rows by one per title and subtitle of @items (pairs,
 * %NULL-terminated). */
static void
replace_rows (AdwPreferencesGroup *group,
              GPtrArray           *rows,
              GPtrArray           *items)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);

  for (guint i = 0; i + 1 < items->len; i += 2)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), items->pdata[i]);
      if (items->pdata[i + 1] != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), items->pdata[i + 1]);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (group), rows->len > 0);
}

static void
add_item (GPtrArray  *items,
          char       *title,
          char       *subtitle)
{
  g_ptr_array_add (items, title);
  g_ptr_array_add (items, subtitle);
}

static void
update_level (CrepitusSummaryPage  *self,
              const CrepitusTriage *triage)
{
  for (int level = CREPITUS_LEVEL_EMERGENCY; level <= CREPITUS_LEVEL_BENIGN; level++)
    {
      g_autofree char *css = g_strdup_printf ("level-panel-%s", crepitus_triage_level_key (level));

      if (level == (int) triage->level)
        gtk_widget_add_css_class (self->level_panel, css);
      else
        gtk_widget_remove_css_class (self->level_panel, css);
    }
  gtk_image_set_from_icon_name (self->level_icon, level_icon_name (triage->level));
  gtk_label_set_text (self->level_title, crepitus_triage_level_title (triage->level));
}

static void
update_screen (CrepitusSummaryPage *self)
{
  g_auto(GStrv) not_asked = crepitus_assessment_dup_red_flags_not_asked (self->assessment);
  guint n = g_strv_length (not_asked);

  if (n == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->screen_row),
                                     _("Red-flag screen complete"));
      adw_action_row_set_subtitle (self->screen_row, _("Every sign was asked about."));
      gtk_image_set_from_icon_name (self->screen_icon, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->screen_row), "crepitus-screen-incomplete");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->screen_row), FALSE);
      gtk_widget_set_visible (self->screen_arrow, FALSE);
    }
  else
    {
      g_autoptr(GString) flags = g_string_new (NULL);
      g_autofree char *title = NULL;

      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            /* Translators: between the names of red flags in a list */
            g_string_append (flags, _(", "));
          g_string_append (flags, crepitus_catalog_label (CREPITUS_LIST_RED_FLAG, not_asked[i]));
        }
      /* Translators: %u is how many red flags were not asked about */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Red-flag screen incomplete: %u not asked",
                                            "Red-flag screen incomplete: %u not asked", n), n);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->screen_row), title);
      adw_action_row_set_subtitle (self->screen_row, flags->str);
      gtk_image_set_from_icon_name (self->screen_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->screen_row), "crepitus-screen-incomplete");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->screen_row), TRUE);
      gtk_widget_set_visible (self->screen_arrow, TRUE);
    }
}

/* The scores of the measures (CLINICAL.md §7), a block of their own beside the triage,
 * which they never change: a row for each measure recorded, the ODI with its band. */
static void
update_scores (CrepitusSummaryPage *self)
{
  static const char * const keys[] = { "nprs", "odi", "start_back", "beighton" };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) shown = g_string_new (NULL);
  CrepitusScores scores;

  crepitus_scores_compute_for (self->assessment, &scores);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      char *text = crepitus_scores_dup_text (&scores, keys[i], TRUE);

      if (text == NULL)
        continue;
      add_item (items, g_strdup (crepitus_catalog_label (CREPITUS_LIST_MEASURE, keys[i])), text);
      g_string_append_printf (shown, "%s\x1f%s\x1e", keys[i], text);
    }
  if (g_strcmp0 (shown->str, self->scores_shown) == 0)
    return;
  g_free (self->scores_shown);
  self->scores_shown = g_strdup (shown->str);
  replace_rows (self->scores_group, self->score_rows, items);
}

static void
crepitus_summary_page_update (CrepitusSummaryPage *self)
{
  g_autoptr(CrepitusTriage) triage = NULL;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) recommendations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) factors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tips = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_auto(GStrv) tip_keys = NULL;
  g_autofree char *review = NULL;
  guint n_factors;
  const CrepitusFactor *catalog = crepitus_catalog_factors (&n_factors);
  int weeks;

  if (self->assessment == NULL)
    return;

  triage = crepitus_triage_compute (self->assessment);
  update_level (self, triage);
  update_screen (self);
  update_scores (self);

  for (guint i = 0; triage->reasons[i] != NULL; i++)
    add_item (reasons, crepitus_triage_reason_text (triage->reasons[i]), NULL);
  for (guint i = 0; triage->recommendations[i] != NULL; i++)
    add_item (recommendations,
              g_strdup (crepitus_catalog_label (CREPITUS_LIST_RECOMMENDATION,
                                                triage->recommendations[i])),
              /* The clinician's words, as in the referral letter, never the handout's. */
              g_strdup (crepitus_catalog_recommendation_clinician_text (
                triage->recommendations[i], crepitus_triage_level_key (triage->level))));
  for (guint i = 0; i < n_factors; i++)
    {
      CrepitusJudgement judgement =
        crepitus_factor_record_get_judgement (crepitus_assessment_get_factor (self->assessment,
                                                                              catalog[i].key));

      if (judgement == CREPITUS_JUDGEMENT_LIKELY || judgement == CREPITUS_JUDGEMENT_POSSIBLE)
        add_item (factors, g_strdup (crepitus_catalog_gettext (catalog[i].label)),
                  g_strdup (crepitus_catalog_label (CREPITUS_LIST_JUDGEMENT,
                                                    crepitus_catalog_key (CREPITUS_LIST_JUDGEMENT,
                                                                          judgement))));
    }
  if (factors->len == 0)
    add_item (factors, g_strdup (_("None yet")),
              g_strdup (_("Judge the factors on the Checklist page.")));
  tip_keys = crepitus_triage_dup_tips (self->assessment, triage);
  for (guint i = 0; tip_keys[i] != NULL; i++)
    add_item (tips, g_strdup (crepitus_catalog_label (CREPITUS_LIST_TIP, tip_keys[i])),
              g_strdup (crepitus_catalog_tip_text (tip_keys[i])));

  weeks = crepitus_assessment_get_review_weeks (self->assessment);
  if (weeks > 0)
    /* Translators: when the clinician wants to see the patient again */
    review = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d week", "In %d weeks", weeks),
                              weeks);
  else
    review = g_strdup (_("No review booked"));
  adw_action_row_set_subtitle (self->review_row, review);

  /* Rebuilt only when something shown changed, not at each letter of the notes. */
  for (GPtrArray **list = (GPtrArray *[]) { reasons, recommendations, factors, tips, NULL };
       *list != NULL; list++)
    {
      for (guint i = 0; i < (*list)->len; i++)
        g_string_append_printf (shown, "%s\x1f", (char *) ((*list)->pdata[i] != NULL
                                                           ? (*list)->pdata[i] : ""));
      g_string_append_c (shown, '\x1e');
    }
  if (g_strcmp0 (shown->str, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_strdup (shown->str);

  replace_rows (self->reasons_group, self->reason_rows, reasons);
  replace_rows (self->recommendations_group, self->recommendation_rows, recommendations);
  replace_rows (self->factors_group, self->factor_rows, factors);
  replace_rows (self->tips_group, self->tip_rows, tips);
}

static void
connect_model (CrepitusSummaryPage *self,
               gboolean             connect)
{
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);

  for (guint i = 0; i < n_factors; i++)
    {
      GObject *record = G_OBJECT (crepitus_assessment_get_factor (self->assessment,
                                                                  factors[i].key));

      if (connect)
        g_signal_connect_swapped (record, "notify",
                                  G_CALLBACK (crepitus_summary_page_update), self);
      else
        g_signal_handlers_disconnect_by_func (record, crepitus_summary_page_update, self);
    }
  if (connect)
    g_signal_connect_swapped (self->assessment, "notify",
                              G_CALLBACK (crepitus_summary_page_update), self);
  else
    g_signal_handlers_disconnect_by_func (self->assessment, crepitus_summary_page_update, self);
}

/* GObject */

static void
crepitus_summary_page_dispose (GObject *object)
{
  CrepitusSummaryPage *self = CREPITUS_SUMMARY_PAGE (object);

  crepitus_summary_page_set_assessment (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_SUMMARY_PAGE);
  g_clear_pointer (&self->reason_rows, g_ptr_array_unref);
  g_clear_pointer (&self->recommendation_rows, g_ptr_array_unref);
  g_clear_pointer (&self->factor_rows, g_ptr_array_unref);
  g_clear_pointer (&self->tip_rows, g_ptr_array_unref);
  g_clear_pointer (&self->score_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->scores_shown, g_free);

  G_OBJECT_CLASS (crepitus_summary_page_parent_class)->dispose (object);
}

static void
crepitus_summary_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CrepitusSummaryPage *self = CREPITUS_SUMMARY_PAGE (object);

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
crepitus_summary_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CrepitusSummaryPage *self = CREPITUS_SUMMARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      crepitus_summary_page_set_assessment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_summary_page_class_init (CrepitusSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_summary_page_dispose;
  object_class->get_property = crepitus_summary_page_get_property;
  object_class->set_property = crepitus_summary_page_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, CREPITUS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CREPITUS_TYPE_REPORT_ACTIONS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, level_panel);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, level_icon);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, level_title);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, screen_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, screen_icon);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, screen_arrow);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, recommendations_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, factors_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, review_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, scores_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusSummaryPage, tips_group);
}

static void
crepitus_summary_page_init (CrepitusSummaryPage *self)
{
  self->reason_rows = g_ptr_array_new ();
  self->recommendation_rows = g_ptr_array_new ();
  self->factor_rows = g_ptr_array_new ();
  self->tip_rows = g_ptr_array_new ();
  self->score_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrepitusAssessment *
crepitus_summary_page_get_assessment (CrepitusSummaryPage *self)
{
  g_return_val_if_fail (CREPITUS_IS_SUMMARY_PAGE (self), NULL);

  return self->assessment;
}

void
crepitus_summary_page_set_assessment (CrepitusSummaryPage *self,
                                      CrepitusAssessment  *assessment)
{
  g_return_if_fail (CREPITUS_IS_SUMMARY_PAGE (self));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    connect_model (self, FALSE);
  g_set_object (&self->assessment, assessment);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->scores_shown, g_free);
  if (assessment != NULL)
    {
      connect_model (self, TRUE);
      crepitus_summary_page_update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}
