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

G_END_DECLS
