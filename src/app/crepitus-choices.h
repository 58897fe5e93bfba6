/* crepitus-choices.h — what a form shows of a field and how it records it: choices, text and
 * check rows, each value checked by the field table (crepitus-fields.h) before it is set */
#pragma once

#include <adwaita.h>

#include "crepitus-catalog.h"
#include "crepitus-fields.h"

G_BEGIN_DECLS

/* "—" (not recorded) at position 0, then the label of each key of @list in catalog order, so
 * that position N is the catalog entry N - 1 (the enum value of the field). */
GListModel *crepitus_choices_model            (CrepitusList          list);

/* The choices of a single-choice @field (KEY, INTEGER or BOOLEAN) for a drop-down: @unset
 * ("Not recorded") at position 0 unless the field's list has its own first key for it, then
 * the catalog labels, the whole numbers from the field's minimum to its maximum, or No and
 * Yes. */
GListModel *crepitus_choices_field_model      (const CrepitusField  *field,
                                               const char           *unset);

/* The position in crepitus_choices_field_model() of what @object records in @field. */
guint       crepitus_choices_field_position   (const CrepitusField  *field,
                                               GObject              *object);

/* Records the choice at @position in @field of @object when the field table accepts it. */
gboolean    crepitus_choices_field_choose     (const CrepitusField  *field,
                                               GObject              *object,
                                               guint                 position,
                                               GError              **error);

/* What @object records in text, date or integer @field as it is typed ("" when not
 * recorded); a new string. */
char       *crepitus_choices_field_dup_text   (const CrepitusField  *field,
                                               GObject              *object);

/* Records @text, as typed, in @field of @object when the field table accepts it; empty text
 * records nothing ("not recorded") when the field is optional. */
gboolean    crepitus_choices_field_set_text   (const CrepitusField  *field,
                                               GObject              *object,
                                               const char           *text,
                                               GError              **error);

/* Adds @key to set @field of @object, or removes it, when the field table accepts it. */
gboolean    crepitus_choices_field_set_member (const CrepitusField  *field,
                                               GObject              *object,
                                               const char           *key,
                                               gboolean              present,
                                               GError              **error);

/* Rows bound to a field: the row keeps its field; the page passes the model object. */

/* Gives @row the choices of @field (crepitus_choices_field_model()). */
void        crepitus_choices_combo_setup      (AdwComboRow          *row,
                                               const CrepitusField  *field,
                                               const char           *unset);

/* Selects in @row what @object records. */
void        crepitus_choices_combo_update     (AdwComboRow          *row,
                                               GObject              *object);

/* Records the choice of @row in @object; a choice the field table refuses is shown again as
 * what @object records. */
void        crepitus_choices_combo_selected   (AdwComboRow          *row,
                                               GObject              *object);

/* Makes @row, of @group, the text of @field: @unset is shown beside it while nothing is
 * recorded (%NULL for a required field), and what the field table says of an invalid text
 * under @group (when not %NULL; the row is marked invalid either way). */
void        crepitus_choices_entry_setup      (AdwEntryRow          *row,
                                               const CrepitusField  *field,
                                               const char           *unset,
                                               AdwPreferencesGroup  *group);

/* Shows in @row what @object records, unless the row holds an invalid text being typed. */
void        crepitus_choices_entry_update     (AdwEntryRow          *row,
                                               GObject              *object);

/* Records the text of @row in @object when it is valid, else marks the row and says why;
 * the last valid value stays recorded. */
void        crepitus_choices_entry_changed    (AdwEntryRow          *row,
                                               GObject              *object);

/* Clears what @row said of an invalid text (a new model is shown). */
void        crepitus_choices_entry_reset      (AdwEntryRow          *row);

/* Makes @view the free text of @field. */
void        crepitus_choices_text_view_setup  (GtkTextView          *view,
                                               const CrepitusField  *field);

/* Shows in @view what @object records, unless it already shows it. */
void        crepitus_choices_text_view_update (GtkTextView          *view,
                                               GObject              *object);

/* Records the text of @view in @object. */
void        crepitus_choices_text_view_changed (GtkTextView         *view,
                                                GObject             *object);

/* The field of a row set up by one of the functions above. */
const CrepitusField *crepitus_choices_row_field (gpointer            row);

/* A row with a check box in front of @title, checked when @key is recorded; the key is in
 * the check box's "crepitus-key" data. Returns the row; *@check receives the check box. */
GtkWidget  *crepitus_choices_check_row_new    (const char           *title,
                                               const char           *key,
                                               GtkCheckButton      **check);

/* The key of a check box made by crepitus_choices_check_row_new(). */
const char *crepitus_choices_check_key        (GtkCheckButton       *check);

G_END_DECLS
