/* crepitus-posture-page.c — the posture and alignment notes of one assessment (CLINICAL.md §3)
 *
 * Each row is bound to a field of the field table (crepitus-choices.h); each starts at "Not
 * recorded" and can be set back to it.
 */
#define G_LOG_DOMAIN "crepitus-posture-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-choices.h"
#include "crepitus-posture-page.h"

struct _CrepitusPosturePage
{
  AdwBin               parent_instance;
  CrepitusAssessment  *assessment;      /* the model this page edits; owned */
  gboolean             updating;        /* filling the rows from the model */

  /* template children */
  AdwPreferencesGroup *posture_group;
  AdwPreferencesGroup *notes_group;
  AdwComboRow         *scoliosis_row;
  AdwComboRow         *lordosis_row;
  AdwComboRow         *pelvic_tilt_row;
  AdwComboRow         *kyphosis_row;
  AdwComboRow         *forward_head_row;
  GtkTextView         *notes_view;
};

G_DEFINE_FINAL_TYPE (CrepitusPosturePage, crepitus_posture_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_ASSESSMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const CrepitusField *
field (const char *property)
{
  const CrepitusField *found = crepitus_field_find (CREPITUS_RECORD_ASSESSMENT, property);

  g_assert (found != NULL);
  return found;
}

static void
crepitus_posture_page_update (CrepitusPosturePage *self)
{
  GObject *a = G_OBJECT (self->assessment);
  gboolean editable;

  if (a == NULL)
    return;

  self->updating = TRUE;
  crepitus_choices_combo_update (self->scoliosis_row, a);
  crepitus_choices_combo_update (self->lordosis_row, a);
  crepitus_choices_combo_update (self->pelvic_tilt_row, a);
  crepitus_choices_combo_update (self->kyphosis_row, a);
  crepitus_choices_combo_update (self->forward_head_row, a);
  crepitus_choices_text_view_update (self->notes_view, a);

  /* A signed assessment is read-only: every control says so. */
  editable = !crepitus_assessment_is_read_only (self->assessment);
  gtk_widget_set_sensitive (GTK_WIDGET (self->posture_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_group), editable);
  self->updating = FALSE;
}

static void
on_choice_selected_cb (AdwComboRow         *row,
                       GParamSpec          *pspec,
                       CrepitusPosturePage *self)
{
  if (!self->updating && self->assessment != NULL)
    crepitus_choices_combo_selected (row, G_OBJECT (self->assessment));
}

static void
on_notes_changed_cb (CrepitusPosturePage *self)
{
  if (!self->updating && self->assessment != NULL)
    crepitus_choices_text_view_changed (self->notes_view, G_OBJECT (self->assessment));
}

/* GObject */

static void
crepitus_posture_page_dispose (GObject *object)
{
  CrepitusPosturePage *self = CREPITUS_POSTURE_PAGE (object);

  crepitus_posture_page_set_assessment (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_POSTURE_PAGE);

  G_OBJECT_CLASS (crepitus_posture_page_parent_class)->dispose (object);
}

static void
crepitus_posture_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CrepitusPosturePage *self = CREPITUS_POSTURE_PAGE (object);

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
crepitus_posture_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CrepitusPosturePage *self = CREPITUS_POSTURE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      crepitus_posture_page_set_assessment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_posture_page_class_init (CrepitusPosturePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_posture_page_dispose;
  object_class->get_property = crepitus_posture_page_get_property;
  object_class->set_property = crepitus_posture_page_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, CREPITUS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-posture-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusPosturePage, posture_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPosturePage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPosturePage, scoliosis_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPosturePage, lordosis_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPosturePage, pelvic_tilt_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPosturePage, kyphosis_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPosturePage, forward_head_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPosturePage, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_selected_cb);
}

static void
crepitus_posture_page_init (CrepitusPosturePage *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  crepitus_choices_combo_setup (self->scoliosis_row, field ("scoliosis"), _("Not recorded"));
  crepitus_choices_combo_setup (self->lordosis_row, field ("lordosis"), _("Not recorded"));
  crepitus_choices_combo_setup (self->pelvic_tilt_row, field ("pelvic-tilt"), _("Not recorded"));
  crepitus_choices_combo_setup (self->kyphosis_row, field ("kyphosis"), _("Not recorded"));
  crepitus_choices_combo_setup (self->forward_head_row, field ("forward-head"),
                                _("Not recorded"));
  crepitus_choices_text_view_setup (self->notes_view, field ("posture-notes"));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_notes_changed_cb), self);
  self->updating = FALSE;
}

CrepitusAssessment *
crepitus_posture_page_get_assessment (CrepitusPosturePage *self)
{
  g_return_val_if_fail (CREPITUS_IS_POSTURE_PAGE (self), NULL);

  return self->assessment;
}

void
crepitus_posture_page_set_assessment (CrepitusPosturePage *self,
                                      CrepitusAssessment  *assessment)
{
  g_return_if_fail (CREPITUS_IS_POSTURE_PAGE (self));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_func (self->assessment, crepitus_posture_page_update, self);
  g_set_object (&self->assessment, assessment);
  if (assessment != NULL)
    {
      g_signal_connect_swapped (assessment, "notify", G_CALLBACK (crepitus_posture_page_update),
                                self);
      crepitus_posture_page_update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}
