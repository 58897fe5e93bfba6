/* crepitus-choices.c — what a form shows of a field and how it records it
 *
 * The forms hold no rule of their own: a value is built in the field table's plain form
 * (crepitus-fields.h), checked by crepitus_field_validate() and set by crepitus_field_set().
 */
#define G_LOG_DOMAIN "crepitus-choices"

#include "config.h"

#include <glib/gi18n.h>

#include "crepitus-choices.h"

GListModel *
crepitus_choices_model (CrepitusList list)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  /* Translators: the choice for a field that is not recorded */
  gtk_string_list_append (model, _("—"));
  for (guint i = 0; i < crepitus_catalog_count (list); i++)
    gtk_string_list_append (model, crepitus_catalog_label (list, crepitus_catalog_key (list, i)));
  return G_LIST_MODEL (model);
}

/* Whether the field's list gives "not recorded" a key of its own (a judgement's
 * not-assessed). */
static gboolean
has_own_unset (const CrepitusField *field)
{
  return field->kind == CREPITUS_FIELD_KEY && (field->flags & CREPITUS_FIELD_FIRST_UNSET);
}

GListModel *
crepitus_choices_field_model (const CrepitusField *field,
                              const char          *unset)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  g_return_val_if_fail (field != NULL, NULL);

  if (!has_own_unset (field))
    gtk_string_list_append (model, unset);
  switch (field->kind)
    {
    case CREPITUS_FIELD_KEY:
      for (guint i = 0; i < crepitus_catalog_count (field->list); i++)
        gtk_string_list_append (model, crepitus_catalog_label (field->list,
                                                               crepitus_catalog_key (field->list,
                                                                                     i)));
      break;
    case CREPITUS_FIELD_INTEGER:
      for (int i = field->min; i <= field->max; i++)
        {
          g_autofree char *number = g_strdup_printf ("%d", i);

          gtk_string_list_append (model, number);
        }
      break;
    case CREPITUS_FIELD_BOOLEAN:
      gtk_string_list_append (model, _("No"));
      gtk_string_list_append (model, _("Yes"));
      break;
    default:
      g_return_val_if_reached (G_LIST_MODEL (model));
    }
  return G_LIST_MODEL (model);
}

guint
crepitus_choices_field_position (const CrepitusField *field,
                                 GObject             *object)
{
  g_auto(GValue) value = G_VALUE_INIT;
  int index;

  g_return_val_if_fail (field != NULL, 0);

  crepitus_field_get (field, object, &value);
  if (!crepitus_field_is_recorded (field, &value))
    return 0;
  switch (field->kind)
    {
    case CREPITUS_FIELD_KEY:
      index = crepitus_catalog_index (field->list, g_value_get_string (&value));
      if (index < 0)
        return 0;
      return has_own_unset (field) ? (guint) index : (guint) index + 1;
    case CREPITUS_FIELD_INTEGER:
      if (g_value_get_int (&value) < field->min || g_value_get_int (&value) > field->max)
        return 0;
      return g_value_get_int (&value) - field->min + 1;
    case CREPITUS_FIELD_BOOLEAN:
      return g_value_get_int (&value) + 1;
    default:
      g_return_val_if_reached (0);
    }
}

/* Checks @value with the field table and records it. */
static gboolean
record (const CrepitusField  *field,
        GObject              *object,
        const GValue         *value,
        GError              **error)
{
  if (!crepitus_field_validate (field, object, value, error))
    return FALSE;
  if (!crepitus_field_set (field, object, value))
    {
      g_set_error_literal (error, CREPITUS_FIELD_ERROR, CREPITUS_FIELD_ERROR_INVALID,
                           _("the value cannot be recorded"));
      return FALSE;
    }
  return TRUE;
}

gboolean
crepitus_choices_field_choose (const CrepitusField  *field,
                               GObject              *object,
                               guint                 position,
                               GError              **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (field != NULL, FALSE);

  crepitus_field_init_value (field, &value);
  switch (field->kind)
    {
    case CREPITUS_FIELD_KEY:
      if (has_own_unset (field) && position > 0)
        g_value_set_string (&value, crepitus_catalog_key (field->list, position));
      else if (!has_own_unset (field) && position > 0)
        g_value_set_string (&value, crepitus_catalog_key (field->list, position - 1));
      break;
    case CREPITUS_FIELD_INTEGER:
      if (position > 0)
        g_value_set_int (&value, field->min + (int) position - 1);
      break;
    case CREPITUS_FIELD_BOOLEAN:
      if (position > 0)
        g_value_set_int (&value, (int) position - 1);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  return record (field, object, &value, error);
}

char *
crepitus_choices_field_dup_text (const CrepitusField *field,
                                 GObject             *object)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (field != NULL, NULL);

  crepitus_field_get (field, object, &value);
  if (!crepitus_field_is_recorded (field, &value))
    return g_strdup ("");
  if (G_VALUE_HOLDS_INT (&value))
    return g_strdup_printf ("%d", g_value_get_int (&value));
  return g_value_dup_string (&value);
}

gboolean
crepitus_choices_field_set_text (const CrepitusField  *field,
                                 GObject              *object,
                                 const char           *text,
                                 GError              **error)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return crepitus_field_set_text (field, object, text, error);
}

gboolean
crepitus_choices_field_set_member (const CrepitusField  *field,
                                   GObject              *object,
                                   const char           *key,
                                   gboolean              present,
                                   GError              **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *keys;
  g_auto(GStrv) changed = NULL;

  g_return_val_if_fail (field != NULL && field->kind == CREPITUS_FIELD_SET, FALSE);

  crepitus_field_get (field, object, &value);
  keys = g_value_get_boxed (&value);
  if (keys != NULL && g_strv_contains (keys, key) == present)
    return TRUE;
  for (gsize i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_str_equal (keys[i], key))
      g_strv_builder_add (builder, keys[i]);
  if (present)
    g_strv_builder_add (builder, key);
  changed = g_strv_builder_end (builder);
  g_value_set_boxed (&value, changed);
  return record (field, object, &value, error);
}

/* Rows bound to a field */

#define FIELD_KEY "crepitus-field"
#define UNSET_KEY "crepitus-unset-label"
#define PROBLEM_KEY "crepitus-problem-label"

const CrepitusField *
crepitus_choices_row_field (gpointer row)
{
  return g_object_get_data (G_OBJECT (row), FIELD_KEY);
}

void
crepitus_choices_combo_setup (AdwComboRow         *row,
                              const CrepitusField *field,
                              const char          *unset)
{
  g_autoptr(GListModel) model = crepitus_choices_field_model (field, unset);

  g_return_if_fail (field != NULL);

  g_object_set_data (G_OBJECT (row), FIELD_KEY, (gpointer) field);
  adw_combo_row_set_model (row, model);
}

void
crepitus_choices_combo_update (AdwComboRow *row,
                               GObject     *object)
{
  guint position = crepitus_choices_field_position (crepitus_choices_row_field (row), object);

  if (adw_combo_row_get_selected (row) != position)
    adw_combo_row_set_selected (row, position);
}

void
crepitus_choices_combo_selected (AdwComboRow *row,
                                 GObject     *object)
{
  g_autoptr(GError) error = NULL;
  guint position = adw_combo_row_get_selected (row);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  if (!crepitus_choices_field_choose (crepitus_choices_row_field (row), object, position, &error))
    {
      g_warning ("%s", error->message);
      crepitus_choices_combo_update (row, object);
    }
}

/* @title without its mnemonic underscores ("_Review" → "Review", "__" → "_"). */
static char *
plain_title (const char *title)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

static void
show_problem (AdwEntryRow  *row,
              const GError *error)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), PROBLEM_KEY);

  if (error == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      if (label != NULL)
        gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (label == NULL)
    return;

  {
    /* Translators: a form's field, then what is wrong with it: "Review in (weeks): 60 is out
     * of range (1 to 52)" */
    g_autofree char *title = plain_title (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    g_autofree char *problem = g_strdup_printf (_("%s: %s"), title,
                                                crepitus_field_error_problem (error));

    gtk_label_set_text (label, problem);
    gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  }
}

void
crepitus_choices_entry_setup (AdwEntryRow         *row,
                              const CrepitusField *field,
                              const char          *unset,
                              AdwPreferencesGroup *group)
{
  GtkWidget *problem;

  g_return_if_fail (field != NULL);

  g_object_set_data (G_OBJECT (row), FIELD_KEY, (gpointer) field);
  if (unset != NULL)
    {
      GtkWidget *label = gtk_label_new (unset);

      gtk_widget_add_css_class (label, "dim-label");
      /* Added and removed as the field is recorded or not (hidden, it would still leave its
       * space): the row keeps it meanwhile. */
      g_object_set_data_full (G_OBJECT (row), UNSET_KEY, g_object_ref_sink (label),
                              g_object_unref);
    }

  if (group == NULL)
    return;
  problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_set_margin_top (problem, 6);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  adw_preferences_group_add (group, problem);
  g_object_set_data (G_OBJECT (row), PROBLEM_KEY, problem);
}

void
crepitus_choices_entry_update (AdwEntryRow *row,
                               GObject     *object)
{
  const CrepitusField *field = crepitus_choices_row_field (row);
  g_autofree char *text = crepitus_choices_field_dup_text (field, object);
  GtkWidget *unset = g_object_get_data (G_OBJECT (row), UNSET_KEY);

  if (unset != NULL && *text == '\0' && gtk_widget_get_parent (unset) == NULL)
    adw_entry_row_add_suffix (row, unset);
  else if (unset != NULL && *text != '\0' && gtk_widget_get_parent (unset) != NULL)
    adw_entry_row_remove (row, unset);
  /* A row marked invalid keeps what the clinician is typing; the model keeps the last valid
   * value until the row is valid again. A row being typed in keeps its spelling ("07"). */
  if (gtk_widget_has_css_class (GTK_WIDGET (row), "error") ||
      (gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_FOCUS_WITHIN))
    return;
  /* Only when different: setting the text moves the cursor. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
crepitus_choices_entry_reset (AdwEntryRow *row)
{
  show_problem (row, NULL);
}

void
crepitus_choices_entry_changed (AdwEntryRow *row,
                                GObject     *object)
{
  g_autoptr(GError) error = NULL;

  crepitus_choices_field_set_text (crepitus_choices_row_field (row), object,
                                   gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  show_problem (row, error);
}

void
crepitus_choices_text_view_setup (GtkTextView         *view,
                                  const CrepitusField *field)
{
  g_return_if_fail (field != NULL && field->kind == CREPITUS_FIELD_TEXT);

  g_object_set_data (G_OBJECT (view), FIELD_KEY, (gpointer) field);
}

static char *
text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
crepitus_choices_text_view_update (GtkTextView *view,
                                   GObject     *object)
{
  const CrepitusField *field = crepitus_choices_row_field (view);
  g_autofree char *shown = text_view_dup_text (view);
  g_autofree char *recorded = crepitus_choices_field_dup_text (field, object);

  /* Only when different: setting the text moves the cursor. White space being typed records
   * nothing (crepitus_field_value_from_text()): it stays while the clinician types. */
  if (g_strcmp0 (shown, recorded) == 0 ||
      (*recorded == '\0' && crepitus_text_is_blank (shown) &&
       (gtk_widget_get_state_flags (GTK_WIDGET (view)) & GTK_STATE_FLAG_FOCUS_WITHIN)))
    return;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), recorded, -1);
}

void
crepitus_choices_text_view_changed (GtkTextView *view,
                                    GObject     *object)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = text_view_dup_text (view);

  /* Free text: only text that is not UTF-8 is refused, which a text view never holds. */
  if (!crepitus_choices_field_set_text (crepitus_choices_row_field (view), object, text, &error))
    g_warning ("%s", error->message);
}

GtkWidget *
crepitus_choices_check_row_new (const char      *title,
                                const char      *key,
                                GtkCheckButton **check)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (box), "crepitus-key", g_strdup (key), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), box);
  *check = GTK_CHECK_BUTTON (box);
  return row;
}

const char *
crepitus_choices_check_key (GtkCheckButton *check)
{
  return g_object_get_data (G_OBJECT (check), "crepitus-key");
}
