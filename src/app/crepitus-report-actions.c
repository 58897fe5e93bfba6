/* crepitus-report-actions.c — the Summary page's reports: the patient handout and the
 * clinician summary as PDF, in one press
 *
 * The language (the order of DESIGN.md, among the shipped languages) and
 * the paper size (from the paper-size setting) are chosen here. A press copies what the
 * report needs — a snapshot of the assessment and the settings' strings — and a GTask thread
 * makes the PDF from that copy into the report-folder setting's folder (Documents/Crepitus
 * when empty) as a new file; the window never waits for it and no widget is touched off the
 * main thread. Then a toast offers to open the file; the row of the last report opens it
 * (gtk_show_uri) and prints it (GtkPrintUnixDialog, the PDF as the job's file). An error is
 * shown in the group, where it stays until the next report.
 */
#define G_LOG_DOMAIN "crepitus-report-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtkunixprint.h>

#include "crepitus-application.h"
#include "crepitus-catalog.h"
#include "crepitus-history.h"
#include "crepitus-report-actions.h"
#include "crepitus-locale.h"
#include "crepitus-report.h"
#include "crepitus-report-settings.h"
#include "crepitus-settings.h"

struct _CrepitusReportActions
{
  AdwPreferencesGroup  parent_instance;
  CrepitusAssessment  *assessment;      /* the model reports are made of; owned */
  GStrv                languages;       /* the codes of language_drop_down's items */
  GCancellable        *cancellable;     /* of the report being made, or NULL */
  char                *last_path;       /* the last report made here */

  /* template children */
  AdwActionRow        *language_row;
  GtkDropDown         *language_drop_down;
  GtkDropDown         *paper_drop_down;
  AdwActionRow        *last_row;
  GtkLabel            *error_label;
  GtkWidget           *handout_button;
  GtkWidget           *summary_button;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (CrepitusReportActions, crepitus_report_actions, ADW_TYPE_PREFERENCES_GROUP)

enum { PROP_0, PROP_ASSESSMENT, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* What a report is made of: copies, owned by the task, never a widget. */
typedef struct
{
  GApplication          *application;  /* held until the file is whole; may be NULL */
  CrepitusAssessment    *assessment;   /* a snapshot */
  CrepitusReportOptions  options;      /* its strings below */
  char                  *language;
  CrepitusReportSettings settings;     /* the clinic, the logo, the folder */
  CrepitusHistory       *history;      /* the patient's visits, for the summary's chart */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->application);
  g_clear_object (&job->assessment);
  g_free (job->language);
  crepitus_report_settings_clear (&job->settings);
  g_clear_pointer (&job->history, crepitus_history_free);
  g_free (job);
}

static char *
setting (GSettings  *settings,
         const char *key)
{
  return settings != NULL ? g_settings_get_string (settings, key) :
                            crepitus_settings_dup_string (key);
}


static void
set_busy (CrepitusReportActions *self,
          gboolean               busy)
{
  gtk_widget_set_sensitive (self->handout_button, !busy);
  gtk_widget_set_sensitive (self->summary_button, !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (CrepitusReportActions *self,
            const char            *message)
{
  /* A print job may end after the window closed. */
  if (self->error_label == NULL)
    return;
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Opening and printing */

static void
open_file (CrepitusReportActions *self,
           const char            *path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_open_clicked_cb (CrepitusReportActions *self)
{
  if (self->last_path != NULL)
    open_file (self, self->last_path);
}

static void
on_toast_open_cb (AdwToast              *toast,
                  CrepitusReportActions *self)
{
  const char *path = g_object_get_data (G_OBJECT (toast), "crepitus-path");

  open_file (self, path);
}

static void
on_print_job_done (GtkPrintJob  *job,
                   gpointer      user_data,
                   const GError *error)
{
  CrepitusReportActions *self = user_data;

  if (error != NULL)
    show_error (self, error->message);
}

static void
on_print_response_cb (GtkDialog *dialog,
                      int        response,
                      gpointer   user_data)
{
  CrepitusReportActions *self = user_data;
  GtkPrintUnixDialog *print_dialog = GTK_PRINT_UNIX_DIALOG (dialog);
  const char *path = g_object_get_data (G_OBJECT (dialog), "crepitus-path");

  if (response == GTK_RESPONSE_OK)
    {
      GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (print_dialog);
      g_autoptr(GtkPrintSettings) settings = gtk_print_unix_dialog_get_settings (print_dialog);
      GtkPageSetup *page_setup = gtk_print_unix_dialog_get_page_setup (print_dialog);
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_path_get_basename (path);
      g_autoptr(GtkPrintJob) job = NULL;

      if (printer != NULL && !gtk_printer_accepts_pdf (printer))
        show_error (self, _("This printer does not accept PDF files; choose another one."));
      else if (printer != NULL)
        {
          job = gtk_print_job_new (title, printer, settings, page_setup);
          if (!gtk_print_job_set_source_file (job, path, &error))
            show_error (self, error->message);
          else
            gtk_print_job_send (job, on_print_job_done, g_object_ref (self), g_object_unref);
        }
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (self);
}

static void
print_file (CrepitusReportActions *self,
            const char            *path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = gtk_print_unix_dialog_new (_("Print Report"),
                                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);

  /* The PDF is printed as it is: no page set-up to offer. */
  gtk_print_unix_dialog_set_embed_page_setup (GTK_PRINT_UNIX_DIALOG (dialog), FALSE);
  gtk_print_unix_dialog_set_manual_capabilities (GTK_PRINT_UNIX_DIALOG (dialog), 0);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "crepitus-path", g_strdup (path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_print_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_print_clicked_cb (CrepitusReportActions *self)
{
  if (self->last_path != NULL)
    print_file (self, self->last_path);
}

/* Making a report */

static void
make_report_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  char *path = NULL;
  CrepitusReportPaper paper = job->options.paper;

  /* The same settings as `crepitus report`: the clinic, its logo (read and checked here, off
   * the main loop), the folder. A logo that cannot be used is left out of the report, and the
   * page says why once it is made. The paper is the page's choice. */
  crepitus_report_settings_load (&job->settings);
  crepitus_report_settings_apply (&job->settings, &job->options);
  job->options.paper = paper;
  if (crepitus_report_write_new (job->assessment, &job->options, job->settings.folder, &path, NULL,
                                 &error))
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_error (task, error);
}

static void
on_report_made (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CrepitusReportActions *self = CREPITUS_REPORT_ACTIONS (source);
  CrepitusReportAudience audience = GPOINTER_TO_INT (user_data);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  GtkWidget *overlay;
  GtkWidget *title;
  GtkWidget *print;
  AdwToast *toast;

  /* In the main thread: the task may be freed in the worker's. */
  if (job->application != NULL)
    g_application_release (job->application);
  g_clear_object (&job->application);

  /* Disposed meanwhile (the window closed): the report is in its folder all the same. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (path == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Made; a logo left out still says why. */
  show_error (self, job->settings.logo_error != NULL ? job->settings.logo_error->message : NULL);
  g_free (self->last_path);
  self->last_path = g_strdup (path);

  name = g_path_get_basename (path);
  folder = g_path_get_dirname (path);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->last_row), name);
  adw_action_row_set_subtitle (self->last_row, folder);
  gtk_widget_set_visible (GTK_WIDGET (self->last_row), TRUE);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  /* A toast has one button: Open; Print sits in its title. */
  toast = adw_toast_new ("");
  title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (title),
                  gtk_label_new (audience == CREPITUS_REPORT_PATIENT ?
                                 _("Patient handout saved") : _("Clinician summary saved")));
  print = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (print, "flat");
  g_signal_connect_object (print, "clicked", G_CALLBACK (on_print_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (title), print);
  adw_toast_set_custom_title (toast, title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "crepitus-path", g_steal_pointer (&path), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_open_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
make_report (CrepitusReportActions  *self,
             CrepitusReportAudience  audience)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *paper = NULL;
  Job *job;
  guint language = gtk_drop_down_get_selected (self->language_drop_down);

  if (self->assessment == NULL || self->cancellable != NULL)
    return;

  job = g_new0 (Job, 1);
  job->assessment = crepitus_report_snapshot (self->assessment, &error);
  if (job->assessment == NULL)
    {
      job_free (job);
      show_error (self, error->message);
      return;
    }
  job->language = g_strdup (self->languages != NULL && language < g_strv_length (self->languages) ?
                            self->languages[language] : "en");
  /* The patient's visits, read here in the main thread where the store lives (a
   * millisecond for fifty visits); the thread reads only this copy. */
  if (audience == CREPITUS_REPORT_CLINICIAN)
    {
      CrepitusStore *store = CREPITUS_IS_APPLICATION (app)
                             ? crepitus_application_get_store (CREPITUS_APPLICATION (app)) : NULL;
      CrepitusPatient *patient = crepitus_assessment_get_patient (self->assessment);
      g_autoptr(GError) history_error = NULL;

      if (store != NULL && patient != NULL && crepitus_patient_get_id (patient) >= 0)
        job->history = crepitus_history_load (store, patient, &history_error);
      if (history_error != NULL)
        g_debug ("no chart: %s", history_error->message);
      job->options.history = job->history;
    }
  job->options.audience = audience;
  job->options.paper = gtk_drop_down_get_selected (self->paper_drop_down) == 1 ?
                       CREPITUS_REPORT_PAPER_LETTER : CREPITUS_REPORT_PAPER_A4;
  job->options.language = job->language;

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_report_made, GINT_TO_POINTER (audience));
  g_task_set_source_tag (task, make_report);
  g_task_set_task_data (task, job, job_free);
  /* The application stays until the file is whole, even when its last window closes. */
  job->application = app != NULL ? G_APPLICATION (app) : g_application_get_default ();
  if (job->application != NULL)
    g_application_hold (g_object_ref (job->application));
  g_task_run_in_thread (task, make_report_thread);
}

static void
on_handout_clicked_cb (CrepitusReportActions *self)
{
  make_report (self, CREPITUS_REPORT_PATIENT);
}

static void
on_summary_clicked_cb (CrepitusReportActions *self)
{
  make_report (self, CREPITUS_REPORT_CLINICIAN);
}

/* Choices */

/* The shipped languages (po/LINGUAS, English first), each by its own name; the one selected
 * is the first of DESIGN.md's order: the patient's, the setting's, English. */
static void
update_languages (CrepitusReportActions *self)
{
  g_autoptr(GSettings) settings = crepitus_settings_new ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *default_language = setting (settings, "default-report-language");
  CrepitusPatient *patient = self->assessment != NULL ?
                             crepitus_assessment_get_patient (self->assessment) : NULL;
  const char *wanted = patient != NULL ? crepitus_patient_get_language (patient) : NULL;
  const char *chosen = crepitus_report_choose_language (wanted, default_language);
  const char * const *shipped = crepitus_locale_shipped_languages ();
  guint selected = 0;

  for (guint i = 0; shipped[i] != NULL; i++)
    {
      if (g_str_equal (shipped[i], chosen))
        selected = i;
      g_strv_builder_add (codes, shipped[i]);
      gtk_string_list_append (names, crepitus_locale_native_name (shipped[i]));
    }
  g_strfreev (self->languages);
  self->languages = g_strv_builder_end (codes);
  gtk_drop_down_set_model (self->language_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->language_drop_down, selected);

  /* Say so when the patient's own language cannot be had yet. */
  if (wanted != NULL && *wanted != '\0' && !crepitus_report_language_available (wanted))
    {
      g_autofree char *subtitle =
        /* Translators: %s is a language by its own name, e.g. "Español" */
        g_strdup_printf (_("Reports in the patient’s language, %s, are not available yet"),
                         crepitus_catalog_label (CREPITUS_LIST_LANGUAGE, wanted));

      adw_action_row_set_subtitle (self->language_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->language_row, "");
}

static void
update_paper (CrepitusReportActions *self)
{
  g_autoptr(GSettings) settings = crepitus_settings_new ();
  g_autofree char *paper_text = setting (settings, "paper-size");
  CrepitusReportPaper paper = CREPITUS_REPORT_PAPER_A4;

  crepitus_report_paper_from_string (paper_text, &paper);
  gtk_drop_down_set_selected (self->paper_drop_down, paper == CREPITUS_REPORT_PAPER_LETTER);
}

/* GObject */

static void
crepitus_report_actions_dispose (GObject *object)
{
  CrepitusReportActions *self = CREPITUS_REPORT_ACTIONS (object);

  g_cancellable_cancel (self->cancellable);
  crepitus_report_actions_set_assessment (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_REPORT_ACTIONS);

  G_OBJECT_CLASS (crepitus_report_actions_parent_class)->dispose (object);
}

static void
crepitus_report_actions_finalize (GObject *object)
{
  CrepitusReportActions *self = CREPITUS_REPORT_ACTIONS (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->last_path, g_free);

  G_OBJECT_CLASS (crepitus_report_actions_parent_class)->finalize (object);
}

static void
crepitus_report_actions_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CrepitusReportActions *self = CREPITUS_REPORT_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, crepitus_report_actions_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_report_actions_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CrepitusReportActions *self = CREPITUS_REPORT_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      crepitus_report_actions_set_assessment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_report_actions_class_init (CrepitusReportActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_report_actions_dispose;
  object_class->finalize = crepitus_report_actions_finalize;
  object_class->get_property = crepitus_report_actions_get_property;
  object_class->set_property = crepitus_report_actions_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, CREPITUS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-report-actions.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusReportActions, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusReportActions, language_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CrepitusReportActions, paper_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CrepitusReportActions, last_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusReportActions, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrepitusReportActions, handout_button);
  gtk_widget_class_bind_template_child (widget_class, CrepitusReportActions, summary_button);
  gtk_widget_class_bind_template_child (widget_class, CrepitusReportActions, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_handout_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
}

static void
crepitus_report_actions_init (CrepitusReportActions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_languages (self);
  update_paper (self);
}

GtkWidget *
crepitus_report_actions_new (void)
{
  return g_object_new (CREPITUS_TYPE_REPORT_ACTIONS, NULL);
}

CrepitusAssessment *
crepitus_report_actions_get_assessment (CrepitusReportActions *self)
{
  g_return_val_if_fail (CREPITUS_IS_REPORT_ACTIONS (self), NULL);

  return self->assessment;
}

void
crepitus_report_actions_set_assessment (CrepitusReportActions *self,
                                        CrepitusAssessment    *assessment)
{
  g_return_if_fail (CREPITUS_IS_REPORT_ACTIONS (self));

  if (self->assessment == assessment)
    return;
  if (self->assessment != NULL && crepitus_assessment_get_patient (self->assessment) != NULL)
    g_signal_handlers_disconnect_by_func (crepitus_assessment_get_patient (self->assessment),
                                          update_languages, self);
  g_set_object (&self->assessment, assessment);
  /* The language follows the patient's, as it is edited on the Intake page. */
  if (assessment != NULL && crepitus_assessment_get_patient (assessment) != NULL)
    g_signal_connect_object (crepitus_assessment_get_patient (assessment), "notify::language",
                             G_CALLBACK (update_languages), self, G_CONNECT_SWAPPED);
  /* A report already being made of the previous assessment still lands in its folder. */
  show_error (self, NULL);
  update_languages (self);
  update_paper (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

gboolean
crepitus_report_actions_get_busy (CrepitusReportActions *self)
{
  g_return_val_if_fail (CREPITUS_IS_REPORT_ACTIONS (self), FALSE);

  return self->cancellable != NULL;
}

const char *
crepitus_report_actions_get_last_path (CrepitusReportActions *self)
{
  g_return_val_if_fail (CREPITUS_IS_REPORT_ACTIONS (self), NULL);

  return self->last_path;
}
