/* crepitus-window.c — the main window: patients, their details and their assessments */
#define G_LOG_DOMAIN "crepitus-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-assessment-view.h"
#include "crepitus-clinician-dialog.h"
#include "crepitus-locale.h"
#include "crepitus-new-patient-dialog.h"
#include "crepitus-patient-page.h"
#include "crepitus-patient-results.h"
#include "crepitus-server-link.h"
#include "crepitus-preferences-window.h"
#include "crepitus-settings.h"
#include "crepitus-store.h"
#include "crepitus-window.h"

struct _CrepitusWindow
{
  AdwApplicationWindow  parent_instance;
  GSettings            *settings;        /* NULL when the schema is not installed */
  CrepitusStore        *store;           /* NULL when the database could not be opened */
  CrepitusServerLink   *link;            /* follows a shared server; with the store */
  guint                 follow_id;       /* pending refresh after other rooms' changes */
  GtkWidget            *empty_child;     /* the empty list's New Patient button; owned */
  char                 *empty_title;     /* and its words, shown again after a Retry */
  char                 *empty_description;
  CrepitusPatient      *patient;         /* the selected patient, watched by the store */
  GListStore           *assessments;     /* of the selected patient */
  guint                 reload_id;       /* pending refresh of the list after an edit */
  gboolean              asked_clinician;
  gboolean              drawn;           /* its first frame is on its way */
  gboolean              close_confirmed; /* closing with unsaved edits was confirmed */
  CrepitusPatientPage  *patient_page;    /* made when a patient is first shown */
  CrepitusAssessmentView *assessment_view; /* made when an assessment is first opened */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwLeaflet           *content_leaflet;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  AdwStatusPage        *empty_page;
  GtkListView          *patient_list;
  AdwWindowTitle       *content_title;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkRevealer          *server_revealer;
  GtkLabel             *server_label;
  GtkStack             *content_stack;
  GtkWidget            *new_assessment_button;
};

G_DEFINE_FINAL_TYPE (CrepitusWindow, crepitus_window, ADW_TYPE_APPLICATION_WINDOW)

static void crepitus_window_reload_patients (CrepitusWindow *self,
                                             gint64          select_id);

/* Errors stay on screen until dismissed: they say what happened and what to do. */
static void
crepitus_window_show_error (CrepitusWindow *self,
                            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
on_error_dismissed_cb (CrepitusWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
on_write_failed_cb (CrepitusWindow *self,
                    const GError   *error)
{
  /* A server out of reach keeps the edit: the server bar says so, not an error. */
  if (g_error_matches (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE))
    return;
  crepitus_window_show_error (self, error->message);
}

/* The server bar: shown while the clinic's server is out of reach or edits wait for it. */
static void
crepitus_window_update_server_bar (CrepitusWindow *self)
{
  guint n_unsaved = self->store != NULL ? crepitus_store_get_n_unsaved (self->store) : 0;
  gboolean connected = self->link == NULL || crepitus_server_link_get_connected (self->link);
  g_autofree char *waiting = NULL;
  g_autofree char *text = NULL;

  if (n_unsaved > 0)
    waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u edit is kept here, marked unsaved, and is saved "
                                            "as soon as the server is back.",
                                            "%u edits are kept here, marked unsaved, and are "
                                            "saved as soon as the server is back.",
                                            n_unsaved), n_unsaved);
  else
    waiting = g_strdup (_("Edits made meanwhile are kept here, marked unsaved, and saved as soon "
                          "as the server is back."));
  if (!connected)
    {
      g_autofree char *address = crepitus_store_dup_server_address (self->store);

      /* Translators: %s is where the server is ("HOST, port PORT"); then what happens to
       * the edits made meanwhile */
      text = g_strdup_printf (_("The clinic’s server at %s cannot be reached. %s"),
                              address, waiting);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->server_label),
                                   crepitus_server_link_get_problem (self->link));
    }
  else if (n_unsaved > 0)
    text = g_steal_pointer (&waiting);
  if (text != NULL)
    gtk_label_set_text (self->server_label, text);
  gtk_revealer_set_reveal_child (self->server_revealer, text != NULL);
}

static void
on_server_retry_cb (CrepitusWindow *self)
{
  if (self->link != NULL)
    crepitus_server_link_retry (self->link);
}

static char *
patient_display_name (CrepitusPatient *patient)
{
  const char *given = crepitus_patient_get_given_name (patient);

  /* Text is kept as given; white space alone shows as nothing. */
  if (crepitus_text_is_blank (given))
    return g_strdup (crepitus_patient_get_family_name (patient));
  /* Translators: a patient's name in lists: family name, given name */
  return g_strdup_printf (_("%s, %s"), crepitus_patient_get_family_name (patient), given);
}

static char *
patient_display_details (CrepitusPatient *patient)
{
  g_autofree char *birth = crepitus_locale_format_date (NULL,
                                                        crepitus_patient_get_birth_date (patient));
  const char *mrn = crepitus_patient_get_mrn (patient);

  if (crepitus_text_is_blank (mrn))
    mrn = NULL;
  if (birth != NULL && mrn != NULL)
    /* Translators: birth date · medical record number */
    return g_strdup_printf (_("%s · %s"), birth, mrn);
  if (birth != NULL)
    return g_steal_pointer (&birth);
  if (mrn != NULL)
    return g_strdup (mrn);
  return g_strdup (_("No birth date recorded"));
}

static void
crepitus_window_update_title (CrepitusWindow *self)
{
  if (self->patient == NULL)
    {
      adw_window_title_set_title (self->content_title, _("Crepitus"));
      adw_window_title_set_subtitle (self->content_title, NULL);
    }
  else
    {
      g_autofree char *name = patient_display_name (self->patient);
      g_autofree char *details = patient_display_details (self->patient);

      adw_window_title_set_title (self->content_title, name);
      adw_window_title_set_subtitle (self->content_title, details);
    }
}

static gboolean
reload_after_edit_cb (gpointer data)
{
  CrepitusWindow *self = data;

  self->reload_id = 0;
  crepitus_window_reload_patients (self, self->patient != NULL
                                         ? crepitus_patient_get_id (self->patient) : -1);
  return G_SOURCE_REMOVE;
}

/* A name, birth date or MRN edit moves the patient in the list: refresh it once typing
 * pauses. */
static void
on_patient_notify_cb (CrepitusWindow *self)
{
  crepitus_window_update_title (self);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_id = g_timeout_add (400, reload_after_edit_cb, self);
}

static void
crepitus_window_load_assessments (CrepitusWindow *self)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->assessments);
  if (self->store == NULL || self->patient == NULL)
    return;

  assessments = crepitus_store_list_assessments (self->store, self->patient, &error);
  if (assessments == NULL)
    {
      crepitus_window_show_error (self, error->message);
      return;
    }
  /* The assessment open stays the one object that its pages edit and its row shows. */
  if (self->assessment_view != NULL &&
      crepitus_assessment_view_get_assessment (self->assessment_view) != NULL)
    {
      CrepitusAssessment *open = crepitus_assessment_view_get_assessment (self->assessment_view);

      for (guint i = 0; i < assessments->len; i++)
        if (crepitus_assessment_get_id (assessments->pdata[i]) == crepitus_assessment_get_id (open))
          {
            g_object_unref (assessments->pdata[i]);
            assessments->pdata[i] = g_object_ref (open);
          }
    }
  g_list_store_splice (self->assessments, 0, 0, assessments->pdata, assessments->len);
}

/* Other rooms (a shared server) */

static gboolean follow_cb (gpointer data);

/* Another room changed a record: the list follows once the burst of its edits pauses, and the
 * patient and assessment open here show what it stored. */
static void
on_changed_elsewhere_cb (CrepitusWindow *self,
                         const char     *record,
                         gint64          id)
{
  g_autoptr(GError) error = NULL;
  CrepitusAssessment *open = self->assessment_view != NULL
                             ? crepitus_assessment_view_get_assessment (self->assessment_view)
                             : NULL;

  if (g_str_equal (record, "patient") && self->patient != NULL &&
      crepitus_patient_get_id (self->patient) == id &&
      !crepitus_store_refresh (self->store, self->patient, &error))
    g_debug ("%s", error->message);
  if (g_str_equal (record, "assessment") && open != NULL && crepitus_assessment_get_id (open) == id &&
      !crepitus_store_refresh (self->store, open, &error))
    g_debug ("%s", error->message);
  if (self->follow_id == 0)
    self->follow_id = g_timeout_add (150, follow_cb, self);
}

/* The server is back: what changed while it was away came without a word. */
static void
on_reconnected_cb (CrepitusWindow *self)
{
  on_changed_elsewhere_cb (self, "patient", self->patient != NULL
                                            ? crepitus_patient_get_id (self->patient) : -1);
  if (self->assessment_view != NULL &&
      crepitus_assessment_view_get_assessment (self->assessment_view) != NULL)
    on_changed_elsewhere_cb (self, "assessment",
                             crepitus_assessment_get_id (
                               crepitus_assessment_view_get_assessment (self->assessment_view)));
}

/* The assessment open */

static void
crepitus_window_close_assessment (CrepitusWindow *self)
{
  CrepitusAssessment *open;

  if (self->assessment_view == NULL)
    return;
  open = crepitus_assessment_view_get_assessment (self->assessment_view);
  if (open != NULL && self->store != NULL)
    crepitus_store_unwatch (self->store, open);
  crepitus_assessment_view_set_assessment (self->assessment_view, NULL);
  adw_leaflet_set_visible_child (self->content_leaflet, self->content);
}

static void crepitus_window_open_assessment (CrepitusWindow     *self,
                                             CrepitusAssessment *assessment);

/* Reloads the patient's assessments and opens the one stored with @id: the list's object,
 * so that its row follows every edit. */
static void
crepitus_window_open_listed (CrepitusWindow *self,
                             gint64          id)
{
  GListModel *listed = G_LIST_MODEL (self->assessments);

  crepitus_window_load_assessments (self);
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(CrepitusAssessment) assessment = g_list_model_get_item (listed, i);

      if (crepitus_assessment_get_id (assessment) == id)
        {
          crepitus_window_open_assessment (self, assessment);
          return;
        }
    }
}

/* The amendment of the assessment open takes its place. */
static void
on_amended_cb (CrepitusWindow         *self,
               gint64                  id,
               CrepitusAssessmentView *view)
{
  crepitus_window_open_listed (self, id);
}

/* Opens @assessment, of the patient shown, on the leaflet's next page; every edit of it is
 * saved as it is made. The view is made the first time, not at start-up. */
static void
crepitus_window_open_assessment (CrepitusWindow     *self,
                                 CrepitusAssessment *assessment)
{
  CrepitusAssessment *open = NULL;

  if (self->assessment_view == NULL)
    {
      self->assessment_view = g_object_new (CREPITUS_TYPE_ASSESSMENT_VIEW, NULL);
      g_signal_connect_object (self->assessment_view, "amended", G_CALLBACK (on_amended_cb), self,
                               G_CONNECT_SWAPPED);
      adw_leaflet_append (self->content_leaflet, GTK_WIDGET (self->assessment_view));
    }

  open = crepitus_assessment_view_get_assessment (self->assessment_view);
  if (open != assessment)
    {
      if (open != NULL && self->store != NULL)
        crepitus_store_unwatch (self->store, open);
      if (self->store != NULL)
        crepitus_store_watch_assessment (self->store, assessment);
      crepitus_assessment_view_set_store (self->assessment_view, self->store);
      crepitus_assessment_view_set_assessment (self->assessment_view, assessment);
    }
  adw_leaflet_set_visible_child (self->content_leaflet, GTK_WIDGET (self->assessment_view));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  crepitus_assessment_view_set_page (self->assessment_view, "intake");
}

static void
on_assessment_activated_cb (CrepitusWindow     *self,
                            CrepitusAssessment *assessment)
{
  crepitus_window_open_assessment (self, assessment);
}

static void
crepitus_window_show_patient (CrepitusWindow  *self,
                              CrepitusPatient *patient)
{
  if (self->patient != NULL && patient != NULL &&
      crepitus_patient_get_id (self->patient) == crepitus_patient_get_id (patient))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return;
    }

  crepitus_window_close_assessment (self);
  if (self->patient != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->patient, on_patient_notify_cb, self);
      if (self->store != NULL)
        crepitus_store_unwatch (self->store, self->patient);
      g_clear_object (&self->patient);
    }

  if (patient != NULL)
    {
      self->patient = g_object_ref (patient);
      if (self->store != NULL)
        crepitus_store_watch_patient (self->store, patient);
      g_signal_connect_swapped (patient, "notify", G_CALLBACK (on_patient_notify_cb), self);
    }

  /* Made the first time, not at start-up: the first frame does not wait for it. */
  if (self->patient_page == NULL && patient != NULL)
    {
      self->patient_page = g_object_new (CREPITUS_TYPE_PATIENT_PAGE, NULL);
      crepitus_patient_page_set_assessments (self->patient_page, G_LIST_MODEL (self->assessments));
      g_signal_connect_object (self->patient_page, "assessment-activated",
                               G_CALLBACK (on_assessment_activated_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->patient_page), "patient");
    }
  if (self->patient_page != NULL)
    crepitus_patient_page_set_patient (self->patient_page, patient);
  crepitus_window_load_assessments (self);
  crepitus_window_update_title (self);
  gtk_stack_set_visible_child_name (self->content_stack, patient != NULL ? "patient" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-assessment",
                                 patient != NULL && self->store != NULL);
  gtk_widget_set_visible (self->new_assessment_button, patient != NULL);
  if (patient != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_patient_activated_cb (CrepitusWindow *self,
                         guint           position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->patient_list));
  g_autoptr(CrepitusPatient) patient = g_list_model_get_item (model, position);

  if (patient != NULL)
    crepitus_window_show_patient (self, patient);
}

static void
crepitus_window_reload_patients (CrepitusWindow *self,
                                 gint64          select_id)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(CrepitusPatientResults) results = NULL;
  g_autoptr(GError) error = NULL;
  GtkSingleSelection *selection;
  guint n_items;

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  results = crepitus_patient_results_new (self->store, query, &error);
  if (results == NULL)
    {
      crepitus_window_show_error (self, error->message);
      return;
    }

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (results)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  if (select_id >= 0)
    {
      guint position = crepitus_patient_results_find (results, select_id);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (selection, position);
    }
  gtk_list_view_set_model (self->patient_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (results));
  if (n_items > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (*query != '\0')
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static gboolean
follow_cb (gpointer data)
{
  CrepitusWindow *self = data;

  self->follow_id = 0;
  crepitus_window_reload_patients (self, self->patient != NULL
                                         ? crepitus_patient_get_id (self->patient) : -1);
  crepitus_window_load_assessments (self);
  return G_SOURCE_REMOVE;
}

static void
on_search_changed_cb (CrepitusWindow *self)
{
  crepitus_window_reload_patients (self, self->patient != NULL
                                         ? crepitus_patient_get_id (self->patient) : -1);
}

/* Enter in the search opens the first patient found. */
static void
on_search_activate_cb (CrepitusWindow *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->patient_list));

  if (model != NULL && g_list_model_get_n_items (model) > 0)
    on_patient_activated_cb (self, 0);
}

static void
on_back_clicked_cb (CrepitusWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
setup_patient_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_patient_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  CrepitusPatient *patient = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autofree char *name_text = patient_display_name (patient);
  g_autofree char *details_text = patient_display_details (patient);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", name_text, details_text);

  gtk_label_set_text (GTK_LABEL (name), name_text);
  gtk_label_set_text (GTK_LABEL (details), details_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
on_new_patient_created_cb (CrepitusWindow  *self,
                           CrepitusPatient *patient)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!crepitus_store_save_patient (self->store, patient, NULL, &error))
    {
      crepitus_window_show_error (self, error->message);
      return;
    }

  /* Show the new patient: clear the search so the list holds them, then open them. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  crepitus_window_reload_patients (self, crepitus_patient_get_id (patient));
  crepitus_window_show_patient (self, patient);
}

static void
crepitus_window_new_patient (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CrepitusWindow *self = CREPITUS_WINDOW (widget);
  CrepitusNewPatientDialog *dialog = crepitus_new_patient_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "create", G_CALLBACK (on_new_patient_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The clinician acting now (DESIGN.md "Who is acting"). */
static char *
crepitus_window_dup_clinician (CrepitusWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!CREPITUS_IS_APPLICATION (app))
    return NULL;
  return crepitus_application_dup_acting_clinician (CREPITUS_APPLICATION (app));
}

static void
crepitus_window_new_assessment (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CrepitusWindow *self = CREPITUS_WINDOW (widget);
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = crepitus_date_today ();
  g_autofree char *clinician = crepitus_window_dup_clinician (self);

  if (self->store == NULL || self->patient == NULL)
    return;

  assessment = crepitus_assessment_new (self->patient);
  crepitus_assessment_set_date (assessment, today);
  crepitus_assessment_set_clinician (assessment, clinician);
  /* Proposed as left, the side of the article; the clinician changes it if not. */
  crepitus_assessment_set_side (assessment, CREPITUS_SIDE_LEFT);
  if (!crepitus_store_save_assessment (self->store, assessment, NULL, &error))
    {
      crepitus_window_show_error (self, error->message);
      return;
    }

  crepitus_window_open_listed (self, crepitus_assessment_get_id (assessment));
}

/* Built when first asked for: start-up does not pay for it. */
static void
crepitus_window_show_shortcuts (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_PREFIX "/crepitus-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
crepitus_window_show_preferences (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CrepitusWindow *self = CREPITUS_WINDOW (widget);

  if (self->settings == NULL)
    return;
  gtk_window_present (GTK_WINDOW (crepitus_preferences_window_new (GTK_WINDOW (self),
                                                                   self->settings)));
}

static void
crepitus_window_focus_search (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CrepitusWindow *self = CREPITUS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
crepitus_window_change_clinician (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CrepitusWindow *self = CREPITUS_WINDOW (widget);
  CrepitusClinicianDialog *dialog = crepitus_clinician_dialog_new (GTK_WINDOW (self),
                                                                   self->settings);

  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ask_clinician_cb (gpointer data)
{
  GtkWidget *self = data;

  if (gtk_widget_get_mapped (self))
    gtk_widget_activate_action (self, "win.change-clinician", NULL);
  return G_SOURCE_REMOVE;
}

/* The database is opened once the window is on screen: its first frame waits for nothing. */
static void
on_first_frame_cb (GdkFrameClock  *clock,
                   CrepitusWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, self);
  if (CREPITUS_IS_APPLICATION (app))
    crepitus_application_open_store (CREPITUS_APPLICATION (app));
}

/* The first time the window is shown, ask who is using Crepitus (DESIGN.md "Who is acting"). */
static void
crepitus_window_map (GtkWidget *widget)
{
  CrepitusWindow *self = CREPITUS_WINDOW (widget);
  g_autofree char *name = NULL;

  GTK_WIDGET_CLASS (crepitus_window_parent_class)->map (widget);

  if (!self->drawn)
    {
      self->drawn = TRUE;
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (on_first_frame_cb), self, 0);
    }

  if (self->settings == NULL || self->asked_clinician)
    return;
  self->asked_clinician = TRUE;
  name = crepitus_window_dup_clinician (self);
  /* After the window is on screen, so that the dialog stacks above it. */
  if (name == NULL || *name == '\0')
    g_idle_add_full (G_PRIORITY_LOW, ask_clinician_cb, g_object_ref (self), g_object_unref);
}

static void
crepitus_window_restore_size (CrepitusWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 400));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
on_close_unsaved_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              CrepitusWindow   *self)
{
  if (g_str_equal (response, "close"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Edits that wait for the clinic's server live only in this window: closing loses them. */
static gboolean
crepitus_window_confirm_close (CrepitusWindow *self)
{
  guint n_unsaved;
  AdwMessageDialog *dialog;

  if (self->close_confirmed || self->store == NULL)
    return TRUE;
  n_unsaved = crepitus_store_get_n_unsaved (self->store);
  if (n_unsaved == 0)
    return TRUE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Close Without Saving?"), NULL));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The clinic’s server cannot be reached, and %u "
                                               "edit has not been saved. Closing Crepitus now "
                                               "loses it; kept open, it is saved as soon as the "
                                               "server is back.",
                                               "The clinic’s server cannot be reached, and %u "
                                               "edits have not been saved. Closing Crepitus now "
                                               "loses them; kept open, they are saved as soon as "
                                               "the server is back.",
                                               n_unsaved), n_unsaved);
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Open"),
                                    "close", _("_Close and Lose Edits"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static gboolean
crepitus_window_close_request (GtkWindow *window)
{
  CrepitusWindow *self = CREPITUS_WINDOW (window);

  if (!crepitus_window_confirm_close (self))
    return TRUE;

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (crepitus_window_parent_class)->close_request (window);
}

/* Shows the patients of @app's database once it is open, or why it could not be opened. */
static void
on_store_opening_cb (CrepitusWindow      *self,
                     GParamSpec          *pspec,
                     CrepitusApplication *app)
{
  if (self->store != NULL)
    return;
  if (crepitus_application_get_store_opening (app))
    {
      /* Opened again (Retry): the list says so until it is. */
      if (crepitus_application_get_store (app) == NULL)
        gtk_stack_set_visible_child_name (self->list_stack, "loading");
      return;
    }

  if (crepitus_application_get_store (app) != NULL)
    {
      self->store = g_object_ref (crepitus_application_get_store (app));
      g_signal_connect_object (self->store, "write-failed",
                               G_CALLBACK (on_write_failed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "unsaved-changed",
                               G_CALLBACK (crepitus_window_update_server_bar), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "changed-elsewhere",
                               G_CALLBACK (on_changed_elsewhere_cb), self, G_CONNECT_SWAPPED);
      self->link = crepitus_server_link_new (self->store);
      g_signal_connect_object (self->link, "notify::connected",
                               G_CALLBACK (crepitus_window_update_server_bar), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->link, "reconnected", G_CALLBACK (on_reconnected_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-patient", self->store != NULL);
  if (self->store != NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, self->empty_title);
      adw_status_page_set_description (self->empty_page, self->empty_description);
      adw_status_page_set_child (self->empty_page, self->empty_child);
    }
  crepitus_window_reload_patients (self, -1);
  if (self->patient == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "none");
  if (self->store == NULL && crepitus_application_get_store_error (app) != NULL)
    crepitus_window_show_store_error (self, crepitus_application_get_store_error (app));
}

/* The first frame never waits for the database: the list says it is loading until then. */
static void
crepitus_window_attach (CrepitusWindow      *self,
                        CrepitusApplication *app)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-patient", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-assessment", FALSE);
  if (app == NULL)
    {
      crepitus_window_reload_patients (self, -1);
      gtk_stack_set_visible_child_name (self->content_stack, "none");
      return;
    }

  gtk_stack_set_visible_child_name (self->list_stack, "loading");
  g_signal_connect_object (app, "notify::store-opening", G_CALLBACK (on_store_opening_cb), self,
                           G_CONNECT_SWAPPED);
  on_store_opening_cb (self, NULL, app);
}

static void
crepitus_window_dispose (GObject *object)
{
  CrepitusWindow *self = CREPITUS_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->follow_id, g_source_remove);
  g_clear_object (&self->link);
  if (self->patient != NULL)
    crepitus_window_show_patient (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_WINDOW);
  self->assessment_view = NULL;
  self->patient_page = NULL;
  g_clear_object (&self->assessments);
  g_clear_object (&self->store);
  g_clear_object (&self->empty_child);
  g_clear_pointer (&self->empty_title, g_free);
  g_clear_pointer (&self->empty_description, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crepitus_window_parent_class)->dispose (object);
}

static void
crepitus_window_class_init (CrepitusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crepitus_window_dispose;
  widget_class->map = crepitus_window_map;
  window_class->close_request = crepitus_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, content_leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, patient_list);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, server_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, server_label);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CrepitusWindow, new_assessment_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_patient_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_error_dismissed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_server_retry_cb);

  gtk_widget_class_install_action (widget_class, "win.new-patient", NULL,
                                   crepitus_window_new_patient);
  gtk_widget_class_install_action (widget_class, "win.new-assessment", NULL,
                                   crepitus_window_new_assessment);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL,
                                   crepitus_window_focus_search);
  gtk_widget_class_install_action (widget_class, "win.change-clinician", NULL,
                                   crepitus_window_change_clinician);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL,
                                   crepitus_window_show_shortcuts);
  gtk_widget_class_install_action (widget_class, "win.show-preferences", NULL,
                                   crepitus_window_show_preferences);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-patient", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-assessment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.show-preferences", NULL);
}

static void
crepitus_window_init (CrepitusWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->assessments = g_list_store_new (CREPITUS_TYPE_ASSESSMENT);
  self->empty_child = g_object_ref (adw_status_page_get_child (self->empty_page));
  self->empty_title = g_strdup (adw_status_page_get_title (self->empty_page));
  self->empty_description = g_strdup (adw_status_page_get_description (self->empty_page));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_patient_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_patient_row_cb), NULL);
  gtk_list_view_set_factory (self->patient_list, factory);

  /* Typing anywhere in the window searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  self->settings = crepitus_settings_new ();
  /* Without the schema installed there is nothing to set. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-preferences", self->settings != NULL);
  crepitus_window_restore_size (self);
}

CrepitusWindow *
crepitus_window_new (CrepitusApplication *application)
{
  CrepitusWindow *self = g_object_new (CREPITUS_TYPE_WINDOW, "application", application, NULL);

  crepitus_window_attach (self, application);
  return self;
}

CrepitusPatient *
crepitus_window_get_patient (CrepitusWindow *self)
{
  g_return_val_if_fail (CREPITUS_IS_WINDOW (self), NULL);

  return self->patient;
}

static void
crepitus_window_retry_store (CrepitusWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (CREPITUS_IS_APPLICATION (app))
    crepitus_application_retry_store (CREPITUS_APPLICATION (app));
}

void
crepitus_window_show_store_error (CrepitusWindow *self,
                                  const GError   *error)
{
  g_return_if_fail (CREPITUS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->empty_page, _("The database cannot be opened"));
  /* No "New Patient" where no patient can be stored; a server out of reach may come back. */
  adw_status_page_set_child (self->empty_page, NULL);
  if (g_error_matches (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE))
    {
      GtkWidget *retry = gtk_button_new_with_mnemonic (_("_Retry"));

      adw_status_page_set_icon_name (self->empty_page, "network-offline-symbolic");
      adw_status_page_set_title (self->empty_page, _("The Clinic’s Server Cannot Be Reached"));
      gtk_widget_set_halign (retry, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (retry, "pill");
      gtk_widget_add_css_class (retry, "suggested-action");
      g_signal_connect_swapped (retry, "clicked", G_CALLBACK (crepitus_window_retry_store), self);
      adw_status_page_set_child (self->empty_page, retry);
    }
  {
    g_autofree char *escaped = g_markup_escape_text (error->message, -1);

    /* The description is markup; a path may hold an ampersand. */
    adw_status_page_set_description (self->empty_page, escaped);
  }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}
