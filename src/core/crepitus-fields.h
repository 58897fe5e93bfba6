/* crepitus-fields.h — the table of fields: the one place a field's rule lives */
#pragma once

#include <glib-object.h>

#include "crepitus-catalog.h"

G_BEGIN_DECLS

/* Date checks shared by the JSON reader, the store and the window. */

/* Parses a strict ISO 8601 calendar date YYYY-MM-DD into @date. */
gboolean crepitus_date_parse        (const char *text,
                                     GDate      *date);
/* Today's local date as YYYY-MM-DD. */
char    *crepitus_date_today        (void);
/* Whether @text is a valid date not after today (local); sets a message naming the problem. */
gboolean crepitus_date_check        (const char *text,
                                     GError    **error);

/* Whether @name is a usable family name (not empty, not only spaces); sets a message. */
gboolean crepitus_family_name_check (const char *name,
                                     GError    **error);

/* Replaces the text of a text field; an empty string is "not recorded" (%NULL). Returns
 * whether it changed. */
gboolean crepitus_text_replace       (char       **field,
                                     const char  *value);

G_END_DECLS
