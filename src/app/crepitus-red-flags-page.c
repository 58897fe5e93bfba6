/* crepitus-red-flags-page.c — the red-flag screen of one assessment (CLINICAL.md §1, §4)
 *
 * Each of the catalog's red flags is a three-way choice, Not asked / No / Yes, starting at Not
 * asked; the emergency tier is grouped apart from the urgent one. "Remaining: No" records
 * every flag still not asked as No, with a toast that undoes it.
 */
#define G_LOG_DOMAIN "crepitus-red-flags-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-red-flags-page.h"

/* The three choices of a flag, in the order shown, and their style (ui/style.css). */
static const CrepitusRedFlagState states[] = {
  CREPITUS_RED_FLAG_NOT_ASKED, CREPITUS_RED_FLAG_ABSENT, CREPITUS_RED_FLAG_PRESENT,
};
static const char * const state_classes[] = {
  "crepitus-flag-not-asked", "crepitus-flag-no", "crepitus-flag-yes",
};

typedef struct
{
  const char      *key;                        /* the red flag */
  GtkWidget       *row;
  GtkToggleButton *toggles[G_N_ELEMENTS (states)];
} FlagRow;

struct _CrepitusRedFlagsPage
{
  AdwBin               parent_instance;
  CrepitusAssessment  *assessment;      /* the model this page edits; owned */
  gboolean             updating;        /* filling the rows from the model */
  GArray              *flags;           /* FlagRow, in catalog order */

  /* template children */
  AdwToastOverlay     *toast_overlay;
  AdwActionRow        *screen_row;
  GtkWidget           *remaining_button;
  AdwPreferencesGroup *emergency_group;
  AdwPreferencesGroup *urgent_group;
};

G_DEFINE_FINAL_TYPE (CrepitusRedFlagsPage, crepitus_red_flags_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_ASSESSMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
crepitus_red_flags_page_update (CrepitusRedFlagsPage *self)
{
  g_auto(GStrv) not_asked = NULL;
  guint n_not_asked;
  gboolean editable;

  if (self->assessment == NULL)
    return;

  self->updating = TRUE;
  for (guint i = 0; i < self->flags->len; i++)
    {
      FlagRow *flag = &g_array_index (self->flags, FlagRow, i);
      CrepitusRedFlagState state = crepitus_assessment_get_red_flag (self->assessment, flag->key);

      for (guint j = 0; j < G_N_ELEMENTS (states); j++)
        gtk_toggle_button_set_active (flag->toggles[j], states[j] == state);
      if (state == CREPITUS_RED_FLAG_PRESENT)
        gtk_widget_add_css_class (flag->row, "crepitus-flag-present");
      else
        gtk_widget_remove_css_class (flag->row, "crepitus-flag-present");
    }

  not_asked = crepitus_assessment_dup_red_flags_not_asked (self->assessment);
  n_not_asked = g_strv_length (not_asked);
  if (n_not_asked == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->screen_row),
                                     _("Red-flag screen complete"));
      adw_action_row_set_subtitle (self->screen_row, _("Every sign was asked about."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->screen_row), "crepitus-screen-incomplete");
    }
  else
    {
      g_autofree char *title = NULL;

      /* Translators: %u is how many red flags were not asked about */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Red-flag screen incomplete: %u not asked",
                                            "Red-flag screen incomplete: %u not asked",
                                            n_not_asked), n_not_asked);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->screen_row), title);
      adw_action_row_set_subtitle (self->screen_row,
                                   _("The assessment can be signed once every sign was asked "
                                     "about."));
      gtk_widget_add_css_class (GTK_WIDGET (self->screen_row), "crepitus-screen-incomplete");
    }

  /* A signed assessment is read-only: every control says so. */
  editable = !crepitus_assessment_is_read_only (self->assessment);
  gtk_widget_set_sensitive (self->remaining_button, editable && n_not_asked > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->emergency_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->urgent_group), editable);
  self->updating = FALSE;
}

static void
on_choice_toggled_cb (GtkToggleButton      *toggle,
                      CrepitusRedFlagsPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (toggle), "crepitus-key");
  CrepitusRedFlagState state = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle),
                                                                   "crepitus-state"));

  /* Only the choice made: the one left is toggled off as part of it. */
  if (self->updating || self->assessment == NULL || !gtk_toggle_button_get_active (toggle))
    return;
  crepitus_assessment_set_red_flag (self->assessment, key, state);
}

/* Undo of "Remaining: No": the flags it recorded, where they are still No. */
static void
on_undo_clicked_cb (AdwToast             *toast,
                    CrepitusRedFlagsPage *self)
{
  CrepitusAssessment *assessment = g_object_get_data (G_OBJECT (toast), "crepitus-assessment");
  const char * const *keys = g_object_get_data (G_OBJECT (toast), "crepitus-keys");

  if (assessment != self->assessment || crepitus_assessment_is_read_only (assessment))
    return;
  for (gsize i = 0; keys[i] != NULL; i++)
    if (crepitus_assessment_get_red_flag (assessment, keys[i]) == CREPITUS_RED_FLAG_ABSENT)
      crepitus_assessment_set_red_flag (assessment, keys[i], CREPITUS_RED_FLAG_NOT_ASKED);
}

static void
on_remaining_clicked_cb (CrepitusRedFlagsPage *self)
{
  g_auto(GStrv) not_asked = NULL;
  AdwToast *toast;
  guint n;

  if (self->assessment == NULL || crepitus_assessment_is_read_only (self->assessment))
    return;

  not_asked = crepitus_assessment_dup_red_flags_not_asked (self->assessment);
  n = g_strv_length (not_asked);
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    crepitus_assessment_set_red_flag (self->assessment, not_asked[i], CREPITUS_RED_FLAG_ABSENT);

  /* Translators: %u red flags not asked about were just recorded as absent */
  toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "%u sign recorded as No",
                                             "%u signs recorded as No", n), n);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "crepitus-keys", g_steal_pointer (&not_asked),
                          (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (toast), "crepitus-assessment",
                          g_object_ref (self->assessment), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A row of three choices for each red flag, in the group of its tier. */
static void
build_flag_rows (CrepitusRedFlagsPage *self)
{
  const char *labels[G_N_ELEMENTS (states)] = {
    /* Translators: a red flag that was not asked about */
    C_("red flag", "Not asked"),
    /* Translators: a red flag asked about and found absent */
    C_("red flag", "No"),
    /* Translators: a red flag found present */
    C_("red flag", "Yes"),
  };

  for (guint i = 0; i < crepitus_catalog_count (CREPITUS_LIST_RED_FLAG); i++)
    {
      FlagRow flag = { crepitus_catalog_key (CREPITUS_LIST_RED_FLAG, i) };
      const char *label = crepitus_catalog_label (CREPITUS_LIST_RED_FLAG, flag.key);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      flag.row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (flag.row), label);
      gtk_widget_add_css_class (box, "linked");
      gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      for (guint j = 0; j < G_N_ELEMENTS (states); j++)
        {
          GtkWidget *toggle = gtk_toggle_button_new_with_label (labels[j]);
          /* Translators: a red flag, then the choice: "Fever: Yes" */
          g_autofree char *accessible = g_strdup_printf (_("%s: %s"), label, labels[j]);

          flag.toggles[j] = GTK_TOGGLE_BUTTON (toggle);
          if (j > 0)
            gtk_toggle_button_set_group (flag.toggles[j], flag.toggles[0]);
          g_object_set_data (G_OBJECT (toggle), "crepitus-key", (gpointer) flag.key);
          g_object_set_data (G_OBJECT (toggle), "crepitus-state", GINT_TO_POINTER (states[j]));
          gtk_widget_add_css_class (toggle, state_classes[j]);
          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          accessible, -1);
          g_signal_connect (toggle, "toggled", G_CALLBACK (on_choice_toggled_cb), self);
          gtk_box_append (GTK_BOX (box), toggle);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (flag.row), box);
      adw_preferences_group_add (crepitus_catalog_red_flag_tier (flag.key) ==
                                 CREPITUS_RED_FLAG_EMERGENCY ? self->emergency_group
                                                             : self->urgent_group,
                                 flag.row);
      g_array_append_val (self->flags, flag);
    }
}

/* GObject */

static void
crepitus_red_flags_page_dispose (GObject *object)
{
  CrepitusRedFlagsPage *self = CREPITUS_RED_FLAGS_PAGE (object);

  crepitus_red_flags_page_set_assessment (self, NULL);
  /* The bin's child is a template child: the bin lets go of it first, so that it is not
   * unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CREPITUS_TYPE_RED_FLAGS_PAGE);
  g_clear_pointer (&self->flags, g_array_unref);

  G_OBJECT_CLASS (crepitus_red_flags_page_parent_class)->dispose (object);
}

static void
crepitus_red_flags_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CrepitusRedFlagsPage *self = CREPITUS_RED_FLAGS_PAGE (object);

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
crepitus_red_flags_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CrepitusRedFlagsPage *self = CREPITUS_RED_FLAGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      crepitus_red_flags_page_set_assessment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crepitus_red_flags_page_class_init (CrepitusRedFlagsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crepitus_red_flags_page_dispose;
  object_class->get_property = crepitus_red_flags_page_get_property;
  object_class->set_property = crepitus_red_flags_page_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, CREPITUS_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/crepitus-red-flags-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrepitusRedFlagsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrepitusRedFlagsPage, screen_row);
  gtk_widget_class_bind_template_child (widget_class, CrepitusRedFlagsPage, remaining_button);
  gtk_widget_class_bind_template_child (widget_class, CrepitusRedFlagsPage, emergency_group);
  gtk_widget_class_bind_template_child (widget_class, CrepitusRedFlagsPage, urgent_group);
  gtk_widget_class_bind_template_callback (widget_class, on_remaining_clicked_cb);
}

static void
crepitus_red_flags_page_init (CrepitusRedFlagsPage *self)
{
  self->flags = g_array_new (FALSE, TRUE, sizeof (FlagRow));
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  build_flag_rows (self);
  self->updating = FALSE;
}

CrepitusAssessment *
crepitus_red_flags_page_get_assessment (CrepitusRedFlagsPage *self)
{
  g_return_val_if_fail (CREPITUS_IS_RED_FLAGS_PAGE (self), NULL);

  return self->assessment;
}

void
crepitus_red_flags_page_set_assessment (CrepitusRedFlagsPage *self,
                                        CrepitusAssessment   *assessment)
{
  g_return_if_fail (CREPITUS_IS_RED_FLAGS_PAGE (self));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_func (self->assessment, crepitus_red_flags_page_update,
                                          self);
  g_set_object (&self->assessment, assessment);
  if (assessment != NULL)
    {
      g_signal_connect_swapped (assessment, "notify",
                                G_CALLBACK (crepitus_red_flags_page_update), self);
      crepitus_red_flags_page_update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}
