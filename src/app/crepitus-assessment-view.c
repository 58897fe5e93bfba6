/* crepitus-assessment-view.c — one assessment open: its pages, signing, amending
 *
 * The leaflet's page after the patient: a header with a view switcher over the six pages
 * (each its own class taking the assessment), Sign, and a menu with Amend and Entered in
 * Error. Signing, amending and marking go through the store, which refuses what the rules
 * refuse (an incomplete red-flag screen) with a message that is shown as it is. A signed
 * assessment is read-only: its pages turn every control off, and a bar at the top says who
 * signed it and when, with Amend beside it. On a shared server out of reach, each field whose
 * edit waits to be saved is marked unsaved until the server takes it.
 */
#define G_LOG_DOMAIN "crepitus-assessment-view"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-assessment-view.h"
#include "crepitus-checklist-page.h"
#include "crepitus-factor-row.h"
#include "crepitus-intake-page.h"
#include "crepitus-locale.h"
#include "crepitus-measures-page.h"
#include "crepitus-posture-page.h"
#include "crepitus-red-flags-page.h"
#include "crepitus-summary-page.h"

struct _CrepitusAssessmentView
{
  AdwBin                 parent_instance;
  CrepitusAssessment    *assessment;    /* the model shown; owned */
  CrepitusStore         *store;         /* signs, amends and marks it; owned */

  /* template children */
  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *title;
  AdwViewSwitcher       *wide_switcher;
  AdwViewSwitcher       *narrow_switcher;
  GtkWidget             *sign_button;
  GtkRevealer           *status_revealer;
  GtkWidget             *status_bar;
  GtkImage              *status_icon;
  GtkLabel              *status_label;
  GtkWidget             *amend_button;
  AdwViewStack          *view_stack;
  AdwViewStackPage      *red_flags_stack_page;
  CrepitusIntakePage    *intake_page;
  CrepitusRedFlagsPage  *red_flags_page;
  CrepitusChecklistPage *checklist_page;
  CrepitusPosturePage   *posture_page;
  CrepitusMeasuresPage  *measures_page;
  CrepitusSummaryPage   *summary_page;
};

G_DEFINE_FINAL_TYPE (CrepitusAssessmentView, crepitus_assessment_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_ASSESSMENT, PROP_STORE, PROP_PAGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { AMENDED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The keyboard: held by the window while the view is on screen, wherever the focus is. */
static const struct
{
  const char *trigger;
  const char *action;
  const char *page;
} shortcuts[] = {
  { "<Alt>1", "assessment.show-page", "intake" },
  { "<Alt>2", "assessment.show-page", "red-flags" },
  { "<Alt>3", "assessment.show-page", "checklist" },
  { "<Alt>4", "assessment.show-page", "posture" },
  { "<Alt>5", "assessment.show-page", "measures" },
  { "<Alt>6", "assessment.show-page", "summary" },
  { "<Control>Return", "assessment.sign", NULL },
  { "<Control>KP_Enter", "assessment.sign", NULL },
  { "Escape", "assessment.back", NULL },
};

/* The state of the assessment shown */

/* When it was signed (ISO 8601 UTC), in local time as a person reads it. */
static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  /* Translators: a date and time as strftime() formats it, e.g. "2026-11-20 14:05" */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

static void
crepitus_assessment_view_update (CrepitusAssessmentView *self)
{
  CrepitusAssessmentStatus status = CREPITUS_ASSESSMENT_NOT_SIGNED;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_auto(GStrv) not_asked = NULL;
  gboolean has_store = self->store != NULL && self->assessment != NULL;

  if (self->assessment != NULL)
    {
      CrepitusPatient *patient = crepitus_assessment_get_patient (self->assessment);
      const char *clinician = crepitus_assessment_get_clinician (self->assessment);
      g_autofree char *date =
        crepitus_locale_format_date (NULL, crepitus_assessment_get_date (self->assessment));

      status = crepitus_assessment_get_status (self->assessment);
      not_asked = crepitus_assessment_dup_red_flags_not_asked (self->assessment);
      /* Whose assessment it is, always in sight. */
      /* Text is kept as given; white space alone shows as nothing. */
      if (patient != NULL && !crepitus_text_is_blank (crepitus_patient_get_given_name (patient)))
        /* Translators: a patient's name in lists: family name, given name */
        title = g_strdup_printf (_("%s, %s"), crepitus_patient_get_family_name (patient),
                                 crepitus_patient_get_given_name (patient));
      else if (patient != NULL)
        title = g_strdup (crepitus_patient_get_family_name (patient));
      /* Translators: the header of an assessment: its date, then its clinician */
      subtitle = g_strdup_printf (_("Assessment of %s · %s"), date != NULL ? date : "",
                                  !crepitus_text_is_blank (clinician) ? clinician
                                  : _("no clinician recorded"));
    }
  adw_window_title_set_title (self->title, title != NULL ? title : _("Assessment"));
  adw_window_title_set_subtitle (self->title, subtitle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.sign",
                                 has_store && status == CREPITUS_ASSESSMENT_NOT_SIGNED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.amend",
                                 has_store && status == CREPITUS_ASSESSMENT_SIGNED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.entered-in-error",
                                 has_store && (status == CREPITUS_ASSESSMENT_NOT_SIGNED ||
                                               status == CREPITUS_ASSESSMENT_SIGNED));
  gtk_widget_set_visible (self->sign_button, status == CREPITUS_ASSESSMENT_NOT_SIGNED);
  gtk_widget_set_visible (self->amend_button, status == CREPITUS_ASSESSMENT_SIGNED);

  /* The Red Flags page says how many are left to ask. */
  adw_view_stack_page_set_needs_attention (self->red_flags_stack_page,
                                           not_asked != NULL && not_asked[0] != NULL);
  adw_view_stack_page_set_badge_number (self->red_flags_stack_page,
                                        not_asked != NULL ? g_strv_length (not_asked) : 0);

  switch (status)
    {
    case CREPITUS_ASSESSMENT_SIGNED:
      {
        g_autofree char *when = local_time (crepitus_assessment_get_signed_at (self->assessment));

        /* Translators: who signed the assessment, then when */
        text = g_strdup_printf (_("Signed by %s on %s. It can no longer be changed; amend it to "
                                  "correct it."),
                                crepitus_assessment_get_signed_by (self->assessment), when);
        gtk_image_set_from_icon_name (self->status_icon, "changes-prevent-symbolic");
        break;
      }
    case CREPITUS_ASSESSMENT_SUPERSEDED:
      {
        gint64 amendment = crepitus_assessment_get_superseded_by (self->assessment);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, amendment);

        /* Translators: %s is the number of the assessment that corrects this one */
        text = g_strdup_printf (_("Superseded by amendment %s. This assessment stays as it was "
                                  "signed."), id);
        gtk_image_set_from_icon_name (self->status_icon, "changes-prevent-symbolic");
        break;
      }
    case CREPITUS_ASSESSMENT_ENTERED_IN_ERROR:
      text = g_strdup (_("Entered in error. It is kept for the record and left out of the "
                         "patient’s history."));
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      break;
    case CREPITUS_ASSESSMENT_NOT_SIGNED:
    default:
      break;
    }
  if (text != NULL)
    gtk_label_set_text (self->status_label, text);
  gtk_revealer_set_reveal_child (self->status_revealer, text != NULL);
}

/* Messages */

static void
show_toast (CrepitusAssessmentView *self,
            const char             *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* The store's message, from a capital letter. */
static char *
sentence (const char *message)
{
  g_autofree char *first = g_utf8_strup (message, g_utf8_next_char (message) - message);

  return g_strconcat (first, g_utf8_next_char (message), NULL);
}

static AdwMessageDialog *
message_dialog_new (CrepitusAssessmentView *self,
                    const char             *heading,
                    const char             *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

static void
on_refusal_response_cb (AdwMessageDialog       *dialog,
                        const char             *response,
                        CrepitusAssessmentView *self)
{
  if (g_strcmp0 (response, "red-flags") == 0)
    crepitus_assessment_view_set_page (self, "red-flags");
}

/* What the store refused, and why, in its own words. */
static void
show_refusal (CrepitusAssessmentView *self,
              const char             *heading,
              const GError           *error)
{
  g_autofree char *body = sentence (error->message);
  AdwMessageDialog *dialog = message_dialog_new (self, heading, body);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  /* Signing needs every red flag asked: offer to go and ask them. */
  if (self->assessment != NULL && !crepitus_assessment_is_screen_complete (self->assessment))
    {
      adw_message_dialog_add_response (dialog, "red-flags", _("_Ask the Remaining Signs"));
      adw_message_dialog_set_response_appearance (dialog, "red-flags", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "red-flags");
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_refusal_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
crepitus_assessment_view_back (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);

  if (leaflet != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
crepitus_assessment_view_show_page (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  crepitus_assessment_view_set_page (CREPITUS_ASSESSMENT_VIEW (widget),
                                     g_variant_get_string (parameter, NULL));
}

static void
crepitus_assessment_view_sign (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CrepitusAssessmentView *self = CREPITUS_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *signed_by = NULL;

  if (self->store == NULL || self->assessment == NULL)
    return;
  if (!crepitus_store_sign (self->store, crepitus_assessment_get_id (self->assessment),
                            crepitus_store_get_clinician (self->store), &error))
    {
      show_refusal (self, _("Not Signed"), error);
      return;
    }
  /* Translators: %s is the clinician who just signed */
  signed_by = g_strdup_printf (_("Signed by %s"), crepitus_store_get_clinician (self->store));
  show_toast (self, signed_by);
}

static void
on_amend_response_cb (AdwMessageDialog       *dialog,
                      const char             *response,
                      CrepitusAssessmentView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 amendment;

  if (g_strcmp0 (response, "amend") != 0 || self->store == NULL || self->assessment == NULL)
    return;
  amendment = crepitus_store_amend (self->store, crepitus_assessment_get_id (self->assessment),
                                    crepitus_store_get_clinician (self->store), &error);
  if (amendment < 0)
    {
      show_refusal (self, _("Not Amended"), error);
      return;
    }
  g_signal_emit (self, signals[AMENDED], 0, amendment);
  show_toast (self, _("Amendment started: correct it here and sign it"));
}

static void
crepitus_assessment_view_amend (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CrepitusAssessmentView *self = CREPITUS_ASSESSMENT_VIEW (widget);
  AdwMessageDialog *dialog;

  dialog = message_dialog_new (self, _("Amend This Assessment?"),
                               _("A new, unsigned copy is made for your corrections. This "
                                 "assessment stays as it was signed, marked as superseded by "
                                 "the copy."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "amend", _("_Amend"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "amend", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "amend");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_amend_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_entered_in_error_response_cb (AdwMessageDialog       *dialog,
                                 const char             *response,
                                 CrepitusAssessmentView *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "mark") != 0 || self->store == NULL || self->assessment == NULL)
    return;
  if (!crepitus_store_mark_entered_in_error (self->store,
                                             crepitus_assessment_get_id (self->assessment),
                                             crepitus_store_get_clinician (self->store), &error))
    {
      show_refusal (self, _("Not Marked"), error);
      return;
    }
  show_toast (self, _("Marked as entered in error"));
}

static void
crepitus_assessment_view_entered_in_error (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  CrepitusAssessmentView *self = CREPITUS_ASSESSMENT_VIEW (widget);
  AdwMessageDialog *dialog;

  dialog = message_dialog_new (self, _("Mark as Entered in Error?"),
                               _("Use this for an assessment recorded for the wrong patient or "
                                 "by mistake. It is kept, read-only, and left out of the "
                                 "patient’s history. This cannot be undone."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "mark", _("_Mark"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "mark", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_entered_in_error_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_visible_page_cb (CrepitusAssessmentView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* GObject */

/* Unsaved edits (a shared server out of reach) */

static void
mark_unsaved (GtkWidget *widget,
              gboolean   unsaved)
{
  if (unsaved == gtk_widget_has_css_class (widget, "unsaved"))
    return;
  if (unsaved)
    {
      gtk_widget_add_css_class (widget, "unsaved");
      gtk_widget_set_tooltip_text (widget, _("Not saved yet: the server cannot be reached. "
                                             "It is saved as soon as the server is back."));
    }
  else
    {
      gtk_widget_remove_css_class (widget, "unsaved");
      gtk_widget_set_tooltip_text (widget, NULL);
    }
}

/* Marks each row under @widget bound to a field, or to a factor record, whose edit waits. */
static void
mark_unsaved_rows (CrepitusAssessmentView *self,
                   GtkWidget              *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const CrepitusField *field = g_object_get_data (G_OBJECT (child), "crepitus-field");

      if (CREPITUS_IS_FACTOR_ROW (child))
        {
          CrepitusFactorRecord *record = crepitus_factor_row_get_record (CREPITUS_FACTOR_ROW (child));

          mark_unsaved (child, record != NULL &&
                               crepitus_store_is_unsaved (self->store, record, NULL));
          continue;
        }
      if (field != NULL && field->record != CREPITUS_RECORD_FACTOR)
        {
          gpointer object = field->record == CREPITUS_RECORD_PATIENT
                            ? (gpointer) crepitus_assessment_get_patient (self->assessment)
                            : (gpointer) self->assessment;

          mark_unsaved (child, object != NULL &&
                               crepitus_store_is_unsaved (self->store, object, field->property));
        }
      mark_unsaved_rows (self, child);
    }
}

static void
on_unsaved_changed_cb (CrepitusAssessmentView *self)
{
  if (self->assessment != NULL && self->store != NULL)
    mark_unsaved_rows (self, GTK_WIDGET (self->view_stack));
}

static void
crepitus_assessment_view_dispose (GObject *object)
{
  CrepitusAssessmentView *self = CREPITUS_ASSESSMENT_VIEW (object);

  crepitus_assessment_view_set_assessment (self, NULL);
  /* The switchers let go of the stack before it goes (libadwaita 1.2 would otherwise unparent
   * buttons of pages already gone). */
  if (self->wide_switcher != NULL)
    adw_view_switcher_set_stack (self->wide_switcher, NULL);
  if (self->narrow_switcher != NULL)
    adw_view_switcher_set_stack (self->narrow_switcher, NULL);
  /* The bin's child is a template child: the bin lets go of it first, so that it is not
   * unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_ASSESSMENT_VIEW);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_unsaved_changed_cb, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crepitus_assessment_view_parent_class)->dispose (object);
}

static void
crepitus_assessment_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CrepitusAssessmentView *self = CREPITUS_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PAGE:
      g_value_set_string (value, crepitus_assessment_view_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_assessment_view_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CrepitusAssessmentView *self = CREPITUS_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      crepitus_assessment_view_set_assessment (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      crepitus_assessment_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      crepitus_assessment_view_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_assessment_view_class_init (CrepitusAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_assessment_view_dispose;
  object_class->get_property = crepitus_assessment_view_get_property;
  object_class->set_property = crepitus_assessment_view_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, CREPITUS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CREPITUS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "intake",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrepitusAssessmentView::amended:
   * @id: the new assessment, an unsigned copy of the one shown, which it supersedes
   */
  signals[AMENDED] = g_signal_new ("amended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CREPITUS_TYPE_INTAKE_PAGE);
  g_type_ensure (CREPITUS_TYPE_RED_FLAGS_PAGE);
  g_type_ensure (CREPITUS_TYPE_CHECKLIST_PAGE);
  g_type_ensure (CREPITUS_TYPE_POSTURE_PAGE);
  g_type_ensure (CREPITUS_TYPE_MEASURES_PAGE);
  g_type_ensure (CREPITUS_TYPE_SUMMARY_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, title);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, wide_switcher);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, narrow_switcher);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, sign_button);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, status_bar);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, status_label);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, amend_button);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, red_flags_stack_page);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, intake_page);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, red_flags_page);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, checklist_page);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, posture_page);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, measures_page);
  gtk_widget_class_bind_template_child (widget_class, CrepitusAssessmentView, summary_page);

  gtk_widget_class_install_action (widget_class, "assessment.back", NULL,
                                   crepitus_assessment_view_back);
  gtk_widget_class_install_action (widget_class, "assessment.show-page", "s",
                                   crepitus_assessment_view_show_page);
  gtk_widget_class_install_action (widget_class, "assessment.sign", NULL,
                                   crepitus_assessment_view_sign);
  gtk_widget_class_install_action (widget_class, "assessment.amend", NULL,
                                   crepitus_assessment_view_amend);
  gtk_widget_class_install_action (widget_class, "assessment.entered-in-error", NULL,
                                   crepitus_assessment_view_entered_in_error);

  /* Shortcuts: the table above (Alt+1…Alt+6, Ctrl+Return, Escape), held by the window while
   * the view is on screen; see crepitus_assessment_view_init(). */
}

static void
crepitus_assessment_view_init (CrepitusAssessmentView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (on_visible_page_cb), self);

  /* The shortcuts of the table above, in the window's hands (managed) so that they work
   * wherever the focus is, but only while the view is on screen. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (shortcuts[i].trigger);
      GtkShortcut *shortcut = gtk_shortcut_new (trigger, gtk_named_action_new (shortcuts[i].action));

      if (shortcuts[i].page != NULL)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_string (shortcuts[i].page));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  crepitus_assessment_view_update (self);
}

CrepitusAssessment *
crepitus_assessment_view_get_assessment (CrepitusAssessmentView *self)
{
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT_VIEW (self), NULL);

  return self->assessment;
}

void
crepitus_assessment_view_set_assessment (CrepitusAssessmentView *self,
                                         CrepitusAssessment     *assessment)
{
  g_return_if_fail (CREPITUS_IS_ASSESSMENT_VIEW (self));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_func (self->assessment, crepitus_assessment_view_update,
                                          self);
  g_set_object (&self->assessment, assessment);
  if (assessment != NULL)
    g_signal_connect_swapped (assessment, "notify", G_CALLBACK (crepitus_assessment_view_update),
                              self);
  crepitus_intake_page_set_assessment (self->intake_page, assessment);
  crepitus_red_flags_page_set_assessment (self->red_flags_page, assessment);
  crepitus_checklist_page_set_assessment (self->checklist_page, assessment);
  crepitus_posture_page_set_assessment (self->posture_page, assessment);
  crepitus_measures_page_set_assessment (self->measures_page, assessment);
  crepitus_summary_page_set_assessment (self->summary_page, assessment);
  crepitus_assessment_view_update (self);
  on_unsaved_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

CrepitusStore *
crepitus_assessment_view_get_store (CrepitusAssessmentView *self)
{
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT_VIEW (self), NULL);

  return self->store;
}

void
crepitus_assessment_view_set_store (CrepitusAssessmentView *self,
                                    CrepitusStore          *store)
{
  g_return_if_fail (CREPITUS_IS_ASSESSMENT_VIEW (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_unsaved_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "unsaved-changed", G_CALLBACK (on_unsaved_changed_cb), self);
  crepitus_assessment_view_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
crepitus_assessment_view_get_page (CrepitusAssessmentView *self)
{
  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
crepitus_assessment_view_set_page (CrepitusAssessmentView *self,
                                   const char             *page)
{
  GtkWidget *child;

  g_return_if_fail (CREPITUS_IS_ASSESSMENT_VIEW (self));

  child = adw_view_stack_get_child_by_name (self->view_stack, page);
  g_return_if_fail (child != NULL);

  adw_view_stack_set_visible_child (self->view_stack, child);
  /* The keyboard follows: the page's first control has the focus. */
  if (gtk_widget_get_mapped (child))
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}
