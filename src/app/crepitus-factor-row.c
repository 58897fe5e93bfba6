/* crepitus-factor-row.c — one factor of the checklist as judged in an assessment
 *
 * Collapsed, the row shows the factor and its judgement; expanded, the judgement, the factor's
 * findings as check rows (each with its clinician explanation a click away), the notes and
 * the tips that bear on it. The findings and explanations come from the catalog.
 */
#define G_LOG_DOMAIN "crepitus-factor-row"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-catalog.h"
#include "crepitus-choices.h"
#include "crepitus-factor-row.h"

struct _CrepitusFactorRow
{
  AdwExpanderRow        parent_instance;
  CrepitusFactorRecord *record;      /* the model this row edits; owned */
  gboolean              editable;
  gboolean              updating;    /* filling the rows from the model */
  const CrepitusFactor *factor;      /* of the record; its rows are built */
  GPtrArray            *checks;      /* GtkCheckButton of each finding */
  GPtrArray            *finding_rows;
  AdwEntryRow          *notes_row;
  GPtrArray            *tip_rows;

  /* template children */
  GtkLabel             *about_label;
  AdwComboRow          *judgement_row;
};

G_DEFINE_FINAL_TYPE (CrepitusFactorRow, crepitus_factor_row, ADW_TYPE_EXPANDER_ROW)

enum { PROP_0, PROP_RECORD, PROP_EDITABLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const CrepitusField *
field (const char *property)
{
  const CrepitusField *found = crepitus_field_find (CREPITUS_RECORD_FACTOR, property);

  g_assert (found != NULL);
  return found;
}

static void
crepitus_factor_row_update (CrepitusFactorRow *self)
{
  g_auto(GStrv) findings = NULL;
  g_autofree char *subtitle = NULL;
  const char *judgement;
  CrepitusJudgement judged;
  guint n_findings;

  if (self->record == NULL)
    return;

  self->updating = TRUE;
  crepitus_choices_combo_update (self->judgement_row, G_OBJECT (self->record));
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = self->checks->pdata[i];

      gtk_check_button_set_active (check,
                                   crepitus_factor_record_has_finding (self->record,
                                                                       crepitus_choices_check_key (check)));
    }
  crepitus_choices_entry_update (self->notes_row, G_OBJECT (self->record));

  /* Collapsed, the row still says how the factor was judged. */
  judged = crepitus_factor_record_get_judgement (self->record);
  judgement = crepitus_catalog_label (CREPITUS_LIST_JUDGEMENT,
                                      crepitus_catalog_key (CREPITUS_LIST_JUDGEMENT, judged));
  findings = crepitus_factor_record_dup_findings (self->record);
  n_findings = g_strv_length (findings);
  if (n_findings > 0)
    /* Translators: a factor's judgement, then how many findings were recorded */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u finding",
                                             "%s · %u findings", n_findings),
                                judgement, n_findings);
  else
    subtitle = g_strdup (judgement);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  for (guint i = 0; i < crepitus_catalog_count (CREPITUS_LIST_JUDGEMENT); i++)
    {
      g_autofree char *css = g_strdup_printf ("judged-%s",
                                              crepitus_catalog_key (CREPITUS_LIST_JUDGEMENT, i));

      if (i == (guint) judged)
        gtk_widget_add_css_class (GTK_WIDGET (self), css);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), css);
    }
  self->updating = FALSE;
}

static void
on_judgement_selected_cb (CrepitusFactorRow *self)
{
  if (!self->updating && self->record != NULL)
    crepitus_choices_combo_selected (self->judgement_row, G_OBJECT (self->record));
}

static void
on_finding_toggled_cb (GtkCheckButton    *check,
                       CrepitusFactorRow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->record == NULL)
    return;
  if (!crepitus_choices_field_set_member (field ("findings"), G_OBJECT (self->record),
                                          crepitus_choices_check_key (check),
                                          gtk_check_button_get_active (check), &error))
    {
      g_warning ("%s", error->message);
      crepitus_factor_row_update (self);
    }
}

static void
on_notes_changed_cb (AdwEntryRow       *row,
                     CrepitusFactorRow *self)
{
  if (!self->updating && self->record != NULL)
    crepitus_choices_entry_changed (row, G_OBJECT (self->record));
}

/* The clinician explanation of a finding, built when first asked for. */
static void
create_explanation_cb (GtkMenuButton *button,
                       gpointer       user_data)
{
  const CrepitusFinding *finding = user_data;
  GtkWidget *label = gtk_label_new (crepitus_catalog_gettext (finding->clinician));
  GtkWidget *popover = gtk_popover_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 52);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  g_object_set (label, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, "margin-end", 6,
                NULL);
  gtk_popover_set_child (GTK_POPOVER (popover), label);
  gtk_menu_button_set_popover (button, popover);
}

static void
crepitus_factor_row_update_sensitivity (CrepitusFactorRow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->judgement_row), self->editable);
  for (guint i = 0; i < self->checks->len; i++)
    gtk_widget_set_sensitive (self->checks->pdata[i], self->editable);
  /* The explanations stay at hand: only the check boxes and what they do are turned off. */
  for (guint i = 0; i < self->finding_rows->len; i++)
    gtk_list_box_row_set_activatable (self->finding_rows->pdata[i], self->editable);
  if (self->notes_row != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->notes_row), self->editable);
}

/* The rows of @factor: a check row with its explanation for each finding, then the notes. */
static void
build_rows (CrepitusFactorRow    *self,
            const CrepitusFactor *factor)
{
  self->factor = factor;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 crepitus_catalog_gettext (factor->label));
  gtk_label_set_text (self->about_label, crepitus_catalog_gettext (factor->clinician));

  for (guint i = 0; i < factor->n_findings; i++)
    {
      const CrepitusFinding *finding = &factor->findings[i];
      const char *label = crepitus_catalog_gettext (finding->label);
      GtkCheckButton *check;
      GtkWidget *row = crepitus_choices_check_row_new (label, finding->key, &check);
      GtkWidget *about = gtk_menu_button_new ();
      /* Translators: %s is a finding of the checklist */
      g_autofree char *about_label = g_strdup_printf (_("About “%s”"), label);

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (about), "help-about-symbolic");
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (about), create_explanation_cb,
                                             (gpointer) finding, NULL);
      gtk_widget_set_valign (about, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (about, about_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (about), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      about_label, -1);
      gtk_widget_add_css_class (about, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), about);
      g_signal_connect (check, "toggled", G_CALLBACK (on_finding_toggled_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->checks, check);
      g_ptr_array_add (self->finding_rows, row);
    }

  self->notes_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes_row), _("_Notes"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->notes_row), TRUE);
  crepitus_choices_entry_setup (self->notes_row, field ("notes"), _("Not recorded"), NULL);
  g_signal_connect (self->notes_row, "changed", G_CALLBACK (on_notes_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->notes_row));
  crepitus_factor_row_update_sensitivity (self);
}

/* GObject */

static void
crepitus_factor_row_dispose (GObject *object)
{
  CrepitusFactorRow *self = CREPITUS_FACTOR_ROW (object);

  crepitus_factor_row_set_record (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_FACTOR_ROW);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_clear_pointer (&self->tip_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crepitus_factor_row_parent_class)->dispose (object);
}

static void
crepitus_factor_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrepitusFactorRow *self = CREPITUS_FACTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_factor_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CrepitusFactorRow *self = CREPITUS_FACTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      crepitus_factor_row_set_record (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      crepitus_factor_row_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_factor_row_class_init (CrepitusFactorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_factor_row_dispose;
  object_class->get_property = crepitus_factor_row_get_property;
  object_class->set_property = crepitus_factor_row_set_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, CREPITUS_TYPE_FACTOR_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-factor-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusFactorRow, about_label);
  gtk_widget_class_bind_template_child (widget_class, CrepitusFactorRow, judgement_row);
  gtk_widget_class_bind_template_callback (widget_class, on_judgement_selected_cb);
}

static void
crepitus_factor_row_init (CrepitusFactorRow *self)
{
  self->editable = TRUE;
  self->checks = g_ptr_array_new ();
  self->finding_rows = g_ptr_array_new ();
  self->tip_rows = g_ptr_array_new ();
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  crepitus_choices_combo_setup (self->judgement_row, field ("judgement"), NULL);
  self->updating = FALSE;
}

CrepitusFactorRecord *
crepitus_factor_row_get_record (CrepitusFactorRow *self)
{
  g_return_val_if_fail (CREPITUS_IS_FACTOR_ROW (self), NULL);

  return self->record;
}

void
crepitus_factor_row_set_record (CrepitusFactorRow    *self,
                                CrepitusFactorRecord *record)
{
  g_return_if_fail (CREPITUS_IS_FACTOR_ROW (self));

  if (self->record == record)
    return;

  if (self->record != NULL)
    g_signal_handlers_disconnect_by_func (self->record, crepitus_factor_row_update, self);
  g_set_object (&self->record, record);
  if (record != NULL)
    {
      const char *key = crepitus_factor_record_get_key (record);
      const CrepitusFactor *factor = crepitus_catalog_factor (key);

      /* A row shows one factor for good: its rows are built for the first record. */
      g_return_if_fail (self->factor == NULL || self->factor == factor);
      if (self->factor == NULL)
        build_rows (self, factor);
      crepitus_choices_entry_reset (self->notes_row);
      g_signal_connect_swapped (record, "notify", G_CALLBACK (crepitus_factor_row_update), self);
      crepitus_factor_row_update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

gboolean
crepitus_factor_row_get_editable (CrepitusFactorRow *self)
{
  g_return_val_if_fail (CREPITUS_IS_FACTOR_ROW (self), FALSE);

  return self->editable;
}

void
crepitus_factor_row_set_editable (CrepitusFactorRow *self,
                                  gboolean           editable)
{
  g_return_if_fail (CREPITUS_IS_FACTOR_ROW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  crepitus_factor_row_update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

void
crepitus_factor_row_set_tips (CrepitusFactorRow  *self,
                              const char * const *keys)
{
  g_return_if_fail (CREPITUS_IS_FACTOR_ROW (self));

  /* Unchanged, as after most edits: nothing to rebuild. */
  if (self->tip_rows->len == g_strv_length ((char **) keys))
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < self->tip_rows->len; i++)
        same = g_strcmp0 (g_object_get_data (self->tip_rows->pdata[i], "crepitus-key"),
                          keys[i]) == 0;
      if (same)
        return;
    }

  for (guint i = 0; i < self->tip_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->tip_rows->pdata[i]);
  g_ptr_array_set_size (self->tip_rows, 0);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

      /* Translators: %s is the name of a clinician tip, e.g. "Assess muscular balance" */
      g_autofree char *title = g_strdup_printf (_("Tip: %s"),
                                                crepitus_catalog_label (CREPITUS_LIST_TIP, keys[i]));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), crepitus_catalog_tip_text (keys[i]));
      g_object_set_data_full (G_OBJECT (row), "crepitus-key", g_strdup (keys[i]), g_free);
      gtk_widget_add_css_class (row, "crepitus-tip");
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Tip"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->tip_rows, row);
    }
}
