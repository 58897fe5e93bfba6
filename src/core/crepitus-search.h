/* crepitus-search.h — folding names and numbers into search keys */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text folded for case- and accent-insensitive search: lower case, marks removed, and the
 * letters that have no decomposition spelled out (ł→l, ø→o, đ→d, ß→ss, æ→ae, œ→oe, þ→th).
 * Anything that is not a letter or digit becomes a single space. A new string. */
char  *crepitus_search_fold   (const char *text);

/* The words of @text after folding, for prefix matching; a new array. */
char **crepitus_search_words  (const char *text);

G_END_DECLS
