/* crepitus-checklist-page.c — the eight-factor checklist of one assessment (CLINICAL.md §2)
 *
 * A row per factor of the catalog (CrepitusFactorRow), and beside each the clinician tips
 * that bear on it, as the core decides them (crepitus_triage_dup_factor_tips) after every
 * edit.
 */
#define G_LOG_DOMAIN "crepitus-checklist-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-checklist-page.h"
#include "crepitus-factor-row.h"
#include "crepitus-triage.h"

struct _CrepitusChecklistPage
{
  AdwBin               parent_instance;
  CrepitusAssessment  *assessment;      /* the model this page edits; owned */
  GPtrArray           *rows;            /* CrepitusFactorRow, in catalog order */

  /* template children */
  AdwPreferencesGroup *factors_group;
};

G_DEFINE_FINAL_TYPE (CrepitusChecklistPage, crepitus_checklist_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_ASSESSMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The tips follow every edit of the assessment or of a factor; the state follows signing. */
static void
crepitus_checklist_page_update (CrepitusChecklistPage *self)
{
  g_autoptr(CrepitusTriage) triage = NULL;
  gboolean editable;

  if (self->assessment == NULL)
    return;

  triage = crepitus_triage_compute (self->assessment);
  editable = !crepitus_assessment_is_read_only (self->assessment);
  for (guint i = 0; i < self->rows->len; i++)
    {
      CrepitusFactorRow *row = self->rows->pdata[i];
      CrepitusFactorRecord *record = crepitus_factor_row_get_record (row);
      g_auto(GStrv) tips = crepitus_triage_dup_factor_tips (self->assessment, triage,
                                                            crepitus_factor_record_get_key (record));

      crepitus_factor_row_set_tips (row, (const char * const *) tips);
      crepitus_factor_row_set_editable (row, editable);
    }
}

static void
disconnect_assessment (CrepitusChecklistPage *self)
{
  g_signal_handlers_disconnect_by_func (self->assessment, crepitus_checklist_page_update, self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      CrepitusFactorRow *row = self->rows->pdata[i];

      g_signal_handlers_disconnect_by_func (crepitus_factor_row_get_record (row),
                                            crepitus_checklist_page_update, self);
      crepitus_factor_row_set_record (row, NULL);
    }
}

/* GObject */

static void
crepitus_checklist_page_dispose (GObject *object)
{
  CrepitusChecklistPage *self = CREPITUS_CHECKLIST_PAGE (object);

  crepitus_checklist_page_set_assessment (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_CHECKLIST_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crepitus_checklist_page_parent_class)->dispose (object);
}

static void
crepitus_checklist_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CrepitusChecklistPage *self = CREPITUS_CHECKLIST_PAGE (object);

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
crepitus_checklist_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CrepitusChecklistPage *self = CREPITUS_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      crepitus_checklist_page_set_assessment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_checklist_page_class_init (CrepitusChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_checklist_page_dispose;
  object_class->get_property = crepitus_checklist_page_get_property;
  object_class->set_property = crepitus_checklist_page_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, CREPITUS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CREPITUS_TYPE_FACTOR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusChecklistPage, factors_group);
}

static void
crepitus_checklist_page_init (CrepitusChecklistPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrepitusAssessment *
crepitus_checklist_page_get_assessment (CrepitusChecklistPage *self)
{
  g_return_val_if_fail (CREPITUS_IS_CHECKLIST_PAGE (self), NULL);

  return self->assessment;
}

void
crepitus_checklist_page_set_assessment (CrepitusChecklistPage *self,
                                        CrepitusAssessment    *assessment)
{
  guint n_factors;
  const CrepitusFactor *factors = crepitus_catalog_factors (&n_factors);

  g_return_if_fail (CREPITUS_IS_CHECKLIST_PAGE (self));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    disconnect_assessment (self);
  g_set_object (&self->assessment, assessment);
  if (assessment != NULL)
    {
      for (guint i = 0; i < n_factors; i++)
        {
          CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment,
                                                                         factors[i].key);

          /* The rows of the factors, built for the first assessment. */
          if (i == self->rows->len)
            {
              GtkWidget *row = g_object_new (CREPITUS_TYPE_FACTOR_ROW, NULL);

              adw_preferences_group_add (self->factors_group, row);
              g_ptr_array_add (self->rows, row);
            }
          crepitus_factor_row_set_record (self->rows->pdata[i], record);
          g_signal_connect_swapped (record, "notify",
                                    G_CALLBACK (crepitus_checklist_page_update), self);
        }
      g_signal_connect_swapped (assessment, "notify",
                                G_CALLBACK (crepitus_checklist_page_update), self);
      crepitus_checklist_page_update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}
