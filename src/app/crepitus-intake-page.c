/* crepitus-intake-page.c — the intake of one assessment (CLINICAL.md §1)
 *
 * Every row is bound to a field of the field table: its choices, its check rows and what it
 * accepts come from there (crepitus-choices.h), and each valid edit is set on the assessment
 * at once, for the store to save. Nothing shows a value the clinician did not record: each
 * field says "Not recorded" until it is set, and can be set back to it.
 */
#define G_LOG_DOMAIN "crepitus-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-choices.h"
#include "crepitus-intake-page.h"

struct _CrepitusIntakePage
{
  AdwBin               parent_instance;
  CrepitusAssessment  *assessment;      /* the model this page edits; owned */
  gboolean             updating;        /* filling the rows from the model */
  GPtrArray           *combos;          /* AdwComboRow bound to a field */
  GPtrArray           *entries;         /* AdwEntryRow bound to a field */
  GPtrArray           *checks;          /* GtkCheckButton of a key of a set field */

  /* template children */
  AdwPreferencesGroup *visit_group;
  AdwPreferencesGroup *pop_group;
  AdwPreferencesGroup *location_group;
  AdwPreferencesGroup *movement_group;
  AdwPreferencesGroup *symptom_group;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *follow_up_group;
  AdwPreferencesGroup *notes_group;
  AdwEntryRow         *date_row;
  AdwEntryRow         *clinician_row;
  AdwComboRow         *side_row;
  AdwComboRow         *sound_row;
  AdwComboRow         *frequency_row;
  AdwEntryRow         *duration_row;
  AdwComboRow         *pain_row;
  AdwEntryRow         *review_row;
  GtkTextView         *notes_view;
};

G_DEFINE_FINAL_TYPE (CrepitusIntakePage, crepitus_intake_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_ASSESSMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const CrepitusField *
field (const char *property)
{
  const CrepitusField *found = crepitus_field_find (CREPITUS_RECORD_ASSESSMENT, property);

  g_assert (found != NULL);
  return found;
}

/* From the model to the rows */

static void
crepitus_intake_page_update (CrepitusIntakePage *self)
{
  CrepitusAssessment *a = self->assessment;
  gboolean editable;

  if (a == NULL)
    return;

  self->updating = TRUE;
  for (guint i = 0; i < self->combos->len; i++)
    crepitus_choices_combo_update (self->combos->pdata[i], G_OBJECT (a));
  for (guint i = 0; i < self->entries->len; i++)
    crepitus_choices_entry_update (self->entries->pdata[i], G_OBJECT (a));
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = self->checks->pdata[i];

      gtk_check_button_set_active (check,
                                   crepitus_assessment_has (a,
                                                            crepitus_choices_row_field (check)->list,
                                                            crepitus_choices_check_key (check)));
    }
  crepitus_choices_text_view_update (self->notes_view, G_OBJECT (a));

  /* A signed assessment is read-only: every control says so. */
  editable = !crepitus_assessment_is_read_only (a);
  gtk_widget_set_sensitive (GTK_WIDGET (self->visit_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pop_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->location_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->movement_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->symptom_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->history_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_up_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_group), editable);
  self->updating = FALSE;
}

/* From the rows to the model */

static void
on_choice_selected_cb (AdwComboRow        *row,
                       GParamSpec         *pspec,
                       CrepitusIntakePage *self)
{
  if (!self->updating && self->assessment != NULL)
    crepitus_choices_combo_selected (row, G_OBJECT (self->assessment));
}

static void
on_text_changed_cb (AdwEntryRow        *row,
                    CrepitusIntakePage *self)
{
  if (!self->updating && self->assessment != NULL)
    crepitus_choices_entry_changed (row, G_OBJECT (self->assessment));
}

static void
on_check_toggled_cb (GtkCheckButton     *check,
                     CrepitusIntakePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->assessment == NULL)
    return;
  if (!crepitus_choices_field_set_member (crepitus_choices_row_field (check),
                                          G_OBJECT (self->assessment),
                                          crepitus_choices_check_key (check),
                                          gtk_check_button_get_active (check), &error))
    {
      g_warning ("%s", error->message);
      crepitus_intake_page_update (self);
    }
}

static void
on_notes_changed_cb (CrepitusIntakePage *self)
{
  if (!self->updating && self->assessment != NULL)
    crepitus_choices_text_view_changed (self->notes_view, G_OBJECT (self->assessment));
}

/* Building the rows from the field table */

static void
bind_combo (CrepitusIntakePage *self,
            AdwComboRow        *row,
            const char         *property,
            const char         *unset)
{
  crepitus_choices_combo_setup (row, field (property), unset);
  g_ptr_array_add (self->combos, row);
}

static void
bind_entry (CrepitusIntakePage  *self,
            AdwEntryRow         *row,
            const char          *property,
            const char          *unset,
            AdwPreferencesGroup *group)
{
  crepitus_choices_entry_setup (row, field (property), unset, group);
  g_ptr_array_add (self->entries, row);
}

/* A check row for each key of set @property, at the end of @group. */
static void
bind_set (CrepitusIntakePage  *self,
          AdwPreferencesGroup *group,
          const char          *property)
{
  const CrepitusField *set = field (property);

  for (guint i = 0; i < crepitus_catalog_count (set->list); i++)
    {
      const char *key = crepitus_catalog_key (set->list, i);
      GtkCheckButton *check;
      GtkWidget *row = crepitus_choices_check_row_new (crepitus_catalog_label (set->list, key),
                                                       key, &check);

      g_object_set_data (G_OBJECT (check), "crepitus-field", (gpointer) set);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->checks, check);
    }
}

/* GObject */

static void
crepitus_intake_page_dispose (GObject *object)
{
  CrepitusIntakePage *self = CREPITUS_INTAKE_PAGE (object);

  crepitus_intake_page_set_assessment (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_INTAKE_PAGE);
  g_clear_pointer (&self->combos, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (crepitus_intake_page_parent_class)->dispose (object);
}

static void
crepitus_intake_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrepitusIntakePage *self = CREPITUS_INTAKE_PAGE (object);

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
crepitus_intake_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CrepitusIntakePage *self = CREPITUS_INTAKE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      crepitus_intake_page_set_assessment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_intake_page_class_init (CrepitusIntakePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_intake_page_dispose;
  object_class->get_property = crepitus_intake_page_get_property;
  object_class->set_property = crepitus_intake_page_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, CREPITUS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-intake-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, visit_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, pop_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, location_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, movement_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, symptom_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, history_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, follow_up_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, date_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, clinician_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, side_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, sound_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, pain_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, review_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusIntakePage, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
}

static void
crepitus_intake_page_init (CrepitusIntakePage *self)
{
  self->combos = g_ptr_array_new ();
  self->entries = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  bind_entry (self, self->date_row, "date", NULL, self->visit_group);
  bind_entry (self, self->clinician_row, "clinician", _("Not recorded"), self->visit_group);
  bind_combo (self, self->side_row, "side", _("Not recorded"));
  bind_combo (self, self->sound_row, "sound", _("Not recorded"));
  bind_combo (self, self->frequency_row, "frequency", _("Not recorded"));
  bind_entry (self, self->duration_row, "duration-weeks", _("Not recorded"), self->pop_group);
  bind_set (self, self->location_group, "location");
  bind_set (self, self->movement_group, "provoking-movements");
  /* Translators: the pain score when the patient was not asked */
  bind_combo (self, self->pain_row, "pain-score", _("Not asked"));
  bind_set (self, self->symptom_group, "symptoms");
  bind_set (self, self->history_group, "history");
  /* Translators: no review booked */
  bind_entry (self, self->review_row, "review-weeks", _("None"), self->follow_up_group);
  crepitus_choices_text_view_setup (self->notes_view, field ("notes"));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_notes_changed_cb), self);
  self->updating = FALSE;
}

CrepitusAssessment *
crepitus_intake_page_get_assessment (CrepitusIntakePage *self)
{
  g_return_val_if_fail (CREPITUS_IS_INTAKE_PAGE (self), NULL);

  return self->assessment;
}

void
crepitus_intake_page_set_assessment (CrepitusIntakePage *self,
                                     CrepitusAssessment *assessment)
{
  g_return_if_fail (CREPITUS_IS_INTAKE_PAGE (self));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_func (self->assessment, crepitus_intake_page_update, self);
  g_set_object (&self->assessment, assessment);
  if (assessment != NULL)
    {
      g_signal_connect_swapped (assessment, "notify", G_CALLBACK (crepitus_intake_page_update),
                                self);
      /* A new assessment starts with no row marked invalid. */
      for (guint i = 0; i < self->entries->len; i++)
        crepitus_choices_entry_reset (self->entries->pdata[i]);
      crepitus_intake_page_update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}
