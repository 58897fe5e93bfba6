/* crepitus-test-ui.h — helpers for tests that open real windows under Xvfb */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

static gboolean
crepitus_test_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @condition holds, failing the test after 10 s. */
#define crepitus_test_wait_for(condition)                                          \
  G_STMT_START {                                                                   \
    gboolean timed_out_ = FALSE;                                                   \
    guint id_ = g_timeout_add_seconds (10, crepitus_test_timeout_cb, &timed_out_); \
    while (!(condition) && !timed_out_)                                            \
      g_main_context_iteration (NULL, TRUE);                                       \
    if (!timed_out_)                                                               \
      g_source_remove (id_);                                                       \
    if (!(condition))                                                              \
      g_error ("timed out waiting for %s", #condition);                            \
  } G_STMT_END

/* Lets pending idle work (layout, bindings) run. */
static inline void
crepitus_test_flush (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The first descendant of @root (depth first) of @type, or %NULL. */
static inline GtkWidget *
crepitus_test_find_widget (GtkWidget *root,
                           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = crepitus_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first descendant of @root (depth first) of @type with style class @css_class, or %NULL. */
static inline GtkWidget *
crepitus_test_find_styled (GtkWidget  *root,
                           GType       type,
                           const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = crepitus_test_find_styled (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first AdwPreferencesRow under @root whose title starts with @title_prefix, or %NULL. */
static inline GtkWidget *
crepitus_test_find_row (GtkWidget  *root,
                        const char *title_prefix)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title_prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = crepitus_test_find_row (child, title_prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first GtkButton under @root labelled @label (with its mnemonic underscore), or %NULL. */
static inline GtkWidget *
crepitus_test_find_button (GtkWidget  *root,
                           const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = crepitus_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A visible toplevel window of @type, or %NULL. */
static inline GtkWindow *
crepitus_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* The mapped AdwStatusPage titled @title under @root, or %NULL. */
static inline AdwStatusPage *
crepitus_test_find_status_page (GtkWidget  *root,
                                const char *title)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (root)), title) == 0)
    return ADW_STATUS_PAGE (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = crepitus_test_find_status_page (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Presses @accel ("<Alt>3") as GTK would dispatch it to a shortcut under @root: the first
 * shortcut controller of a mapped, sensitive widget that has a shortcut for it runs it.
 * Returns whether one did. (GTK 4 has no public way to send a key event in a test.) */
static inline gboolean
crepitus_test_press (GtkWidget  *root,
                     const char *accel)
{
  GtkShortcutTrigger *wanted = gtk_shortcut_trigger_parse_string (accel);
  GListModel *controllers = gtk_widget_observe_controllers (root);
  gboolean done = FALSE;

  g_assert_nonnull (wanted);
  for (guint i = 0; !done && i < g_list_model_get_n_items (controllers); i++)
    {
      GObject *controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) && gtk_widget_get_mapped (root) &&
          gtk_widget_is_sensitive (root))
        for (guint j = 0; !done && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            GtkShortcut *shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

            if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
              done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                   GTK_SHORTCUT_ACTION_EXCLUSIVE, root,
                                                   gtk_shortcut_get_arguments (shortcut));
            g_object_unref (shortcut);
          }
      g_object_unref (controller);
    }
  g_object_unref (controllers);
  g_object_unref (wanted);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       !done && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    done = crepitus_test_press (child, accel);
  return done;
}

G_END_DECLS
