/* crepitus-patient-page.c — a patient’s details, editable in place, assessments and history
 *
 * Each field writes to the patient as soon as what it holds is valid, so the store saves it
 * at once; while a field is invalid (an empty family name, a half-typed or future date) it is
 * marked and the last valid value stays saved.
 */
#define G_LOG_DOMAIN "crepitus-patient-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-choices.h"
#include "crepitus-history-view.h"
#include "crepitus-locale.h"
#include "crepitus-patient-page.h"
#include "crepitus-triage.h"

struct _CrepitusPatientPage
{
  AdwBin               parent_instance;
  CrepitusPatient     *patient;        /* owned */
  GListModel          *assessments;    /* owned */
  gboolean             updating;       /* filling the fields from the model */

  /* template children */
  AdwEntryRow         *family_row;
  AdwEntryRow         *given_row;
  AdwEntryRow         *birth_row;
  AdwEntryRow         *mrn_row;
  AdwComboRow         *sex_row;
  AdwComboRow         *language_row;
  GtkLabel            *problem_label;
  GtkListBox          *assessment_list;
  CrepitusHistoryView *history_view;
};

G_DEFINE_FINAL_TYPE (CrepitusPatientPage, crepitus_patient_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_PATIENT, PROP_ASSESSMENTS, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { ASSESSMENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_problem (CrepitusPatientPage *self,
              AdwEntryRow         *row,
              const GError        *error)
{
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  if (error != NULL)
    {
      /* Translators: a form's field, then what is wrong with it: "Family name: must not be
       * empty" */
      g_autofree char *problem = g_strdup_printf (_("%s: %s"),
                                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                  crepitus_field_error_problem (error));

      gtk_label_set_text (self->problem_label, problem);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label),
                          gtk_widget_has_css_class (GTK_WIDGET (self->family_row), "error") ||
                          gtk_widget_has_css_class (GTK_WIDGET (self->birth_row), "error") ||
                          gtk_widget_has_css_class (GTK_WIDGET (self->given_row), "error") ||
                          gtk_widget_has_css_class (GTK_WIDGET (self->mrn_row), "error"));
}

/* Records what was typed in @row for the patient's field @property, by the field's rule, and
 * shows the problem when it is refused (the model keeps its last valid value). */
static void
record_text (CrepitusPatientPage *self,
             AdwEntryRow         *row,
             const char          *property)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->patient == NULL)
    return;
  crepitus_field_set_text (crepitus_field_find (CREPITUS_RECORD_PATIENT, property),
                           G_OBJECT (self->patient), gtk_editable_get_text (GTK_EDITABLE (row)),
                           &error);
  show_problem (self, row, error);
}

static void
on_family_changed_cb (CrepitusPatientPage *self)
{
  record_text (self, self->family_row, "family-name");
}

static void
on_birth_changed_cb (CrepitusPatientPage *self)
{
  /* Empty clears the birth date: it becomes "not recorded". */
  record_text (self, self->birth_row, "birth-date");
}

static void
on_given_changed_cb (CrepitusPatientPage *self)
{
  record_text (self, self->given_row, "given-name");
}

static void
on_mrn_changed_cb (CrepitusPatientPage *self)
{
  record_text (self, self->mrn_row, "mrn");
}

static void
on_sex_selected_cb (CrepitusPatientPage *self)
{
  guint selected = adw_combo_row_get_selected (self->sex_row);

  if (!self->updating && self->patient != NULL && selected != GTK_INVALID_LIST_POSITION)
    crepitus_patient_set_sex (self->patient, selected);
}

static void
on_language_selected_cb (CrepitusPatientPage *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->updating || self->patient == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  crepitus_patient_set_language (self->patient,
                                 selected == 0 ? NULL
                                               : crepitus_catalog_key (CREPITUS_LIST_LANGUAGE,
                                                                       selected - 1));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  /* A row marked invalid keeps what the clinician is typing; the model keeps the last valid
   * value until the row is valid again. */
  if (gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    return;
  /* Only when different: setting the text moves the cursor of a row being typed in. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
crepitus_patient_page_update_fields (CrepitusPatientPage *self)
{
  CrepitusPatient *p = self->patient;
  int language;

  if (p == NULL)
    return;

  self->updating = TRUE;
  set_row_text (self->family_row, crepitus_patient_get_family_name (p));
  set_row_text (self->given_row, crepitus_patient_get_given_name (p));
  set_row_text (self->birth_row, crepitus_patient_get_birth_date (p));
  set_row_text (self->mrn_row, crepitus_patient_get_mrn (p));
  adw_combo_row_set_selected (self->sex_row, crepitus_patient_get_sex (p));
  language = crepitus_catalog_index (CREPITUS_LIST_LANGUAGE, crepitus_patient_get_language (p));
  adw_combo_row_set_selected (self->language_row, language + 1);
  self->updating = FALSE;
}

/* Where the assessment stands: entered in error, superseded, signed, or in progress. */
static char *
assessment_status (CrepitusAssessment *assessment,
                   const char        **css_class)
{
  switch (crepitus_assessment_get_status (assessment))
    {
    case CREPITUS_ASSESSMENT_ENTERED_IN_ERROR:
      *css_class = "crepitus-entered-in-error";
      return g_strdup (_("Entered in error"));
    case CREPITUS_ASSESSMENT_SUPERSEDED:
      {
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               crepitus_assessment_get_superseded_by (assessment));

        *css_class = "crepitus-superseded";
        /* Translators: %s is the number of the assessment that replaced this one */
        return g_strdup_printf (_("Superseded by amendment %s"), id);
      }
    case CREPITUS_ASSESSMENT_SIGNED:
      *css_class = "crepitus-signed";
      /* Translators: %s is the clinician who signed */
      return g_strdup_printf (_("Signed by %s"), crepitus_assessment_get_signed_by (assessment));
    case CREPITUS_ASSESSMENT_NOT_SIGNED:
    default:
      *css_class = "crepitus-unsigned";
      return g_strdup (_("Not signed yet"));
    }
}

/* The row follows every edit of its assessment: its level, its status. */
static void
update_assessment_row (GtkWidget          *row,
                       GParamSpec         *pspec,
                       CrepitusAssessment *assessment)
{
  static const char * const status_classes[] = {
    "crepitus-unsigned", "crepitus-signed", "crepitus-superseded", "crepitus-entered-in-error",
  };
  g_autoptr(CrepitusTriage) triage = crepitus_triage_compute (assessment);
  const char *clinician = crepitus_assessment_get_clinician (assessment);
  GtkWidget *level = g_object_get_data (G_OBJECT (row), "crepitus-level");
  const char *status_class = NULL;
  g_autofree char *status = assessment_status (assessment, &status_class);
  g_autofree char *title = NULL;
  g_autofree char *date = crepitus_locale_format_date (NULL,
                                                       crepitus_assessment_get_date (assessment));

  /* Translators: an assessment in the list: its date, then the clinician */
  title = g_strdup_printf (_("%s · %s"), date != NULL ? date : "",
                           clinician != NULL ? clinician : _("no clinician recorded"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), status);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (row, status_classes[i]);
  gtk_widget_add_css_class (row, status_class);

  gtk_label_set_text (GTK_LABEL (level), crepitus_triage_level_title (triage->level));
  for (int i = CREPITUS_LEVEL_EMERGENCY; i <= CREPITUS_LEVEL_BENIGN; i++)
    {
      g_autofree char *level_class = g_strdup_printf ("level-%s", crepitus_triage_level_key (i));

      if (i == (int) triage->level)
        gtk_widget_add_css_class (level, level_class);
      else
        gtk_widget_remove_css_class (level, level_class);
    }
}

static GtkWidget *
create_assessment_row (gpointer item,
                       gpointer user_data)
{
  CrepitusAssessment *assessment = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *level = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (level, "crepitus-level");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "crepitus-level", level);
  update_assessment_row (row, NULL, assessment);
  g_signal_connect_object (assessment, "notify", G_CALLBACK (update_assessment_row), row,
                           G_CONNECT_SWAPPED);
  return row;
}

static void
on_assessment_activated_cb (CrepitusPatientPage *self,
                            GtkListBoxRow       *row)
{
  g_autoptr(CrepitusAssessment) assessment = NULL;

  if (self->assessments == NULL)
    return;
  assessment = g_list_model_get_item (self->assessments, gtk_list_box_row_get_index (row));
  if (assessment != NULL)
    g_signal_emit (self, signals[ASSESSMENT_ACTIVATED], 0, assessment);
}

static void
crepitus_patient_page_dispose (GObject *object)
{
  CrepitusPatientPage *self = CREPITUS_PATIENT_PAGE (object);

  crepitus_patient_page_set_patient (self, NULL);
  g_clear_object (&self->assessments);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_PATIENT_PAGE);

  G_OBJECT_CLASS (crepitus_patient_page_parent_class)->dispose (object);
}

static void
crepitus_patient_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CrepitusPatientPage *self = CREPITUS_PATIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATIENT:
      g_value_set_object (value, self->patient);
      break;
    case PROP_ASSESSMENTS:
      g_value_set_object (value, self->assessments);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_patient_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CrepitusPatientPage *self = CREPITUS_PATIENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATIENT:
      crepitus_patient_page_set_patient (self, g_value_get_object (value));
      break;
    case PROP_ASSESSMENTS:
      crepitus_patient_page_set_assessments (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_patient_page_class_init (CrepitusPatientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_patient_page_dispose;
  object_class->get_property = crepitus_patient_page_get_property;
  object_class->set_property = crepitus_patient_page_set_property;

  properties[PROP_PATIENT] =
    g_param_spec_object ("patient", NULL, NULL, CREPITUS_TYPE_PATIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSESSMENTS] =
    g_param_spec_object ("assessments", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrepitusPatientPage::assessment-activated:
   * @assessment: the assessment of the list that was activated, to open
   */
  signals[ASSESSMENT_ACTIVATED] =
    g_signal_new ("assessment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CREPITUS_TYPE_ASSESSMENT);

  g_type_ensure (CREPITUS_TYPE_HISTORY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-patient-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusPatientPage, family_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPatientPage, given_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPatientPage, birth_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPatientPage, mrn_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPatientPage, sex_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPatientPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPatientPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPatientPage, assessment_list);
  gtk_widget_class_bind_template_child (widget_class, CrepitusPatientPage, history_view);
  gtk_widget_class_bind_template_callback (widget_class, on_family_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_given_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_birth_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mrn_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sex_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_assessment_activated_cb);
}

static void
crepitus_patient_page_init (CrepitusPatientPage *self)
{
  g_autoptr(GListModel) sexes = crepitus_choices_model (CREPITUS_LIST_SEX);
  g_autoptr(GListModel) languages = crepitus_choices_model (CREPITUS_LIST_LANGUAGE);

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->sex_row, sexes);
  adw_combo_row_set_model (self->language_row, languages);
  self->updating = FALSE;
}

CrepitusPatient *
crepitus_patient_page_get_patient (CrepitusPatientPage *self)
{
  g_return_val_if_fail (CREPITUS_IS_PATIENT_PAGE (self), NULL);

  return self->patient;
}

void
crepitus_patient_page_set_patient (CrepitusPatientPage *self,
                                   CrepitusPatient     *patient)
{
  g_return_if_fail (CREPITUS_IS_PATIENT_PAGE (self));

  if (self->patient == patient)
    return;

  if (self->patient != NULL)
    g_signal_handlers_disconnect_by_func (self->patient, crepitus_patient_page_update_fields, self);
  g_set_object (&self->patient, patient);
  if (patient != NULL)
    {
      g_signal_connect_swapped (patient, "notify",
                                G_CALLBACK (crepitus_patient_page_update_fields), self);
      gtk_widget_remove_css_class (GTK_WIDGET (self->family_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->birth_row), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
      crepitus_patient_page_update_fields (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATIENT]);
}

GListModel *
crepitus_patient_page_get_assessments (CrepitusPatientPage *self)
{
  g_return_val_if_fail (CREPITUS_IS_PATIENT_PAGE (self), NULL);

  return self->assessments;
}

void
crepitus_patient_page_set_assessments (CrepitusPatientPage *self,
                                       GListModel          *assessments)
{
  g_return_if_fail (CREPITUS_IS_PATIENT_PAGE (self));

  if (!g_set_object (&self->assessments, assessments))
    return;

  gtk_list_box_bind_model (self->assessment_list, assessments, create_assessment_row, NULL, NULL);
  crepitus_history_view_set_assessments (self->history_view, assessments);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENTS]);
}
