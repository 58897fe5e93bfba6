/* crepitus-json-path.h — the §6 path at a byte of a JSON text, for jansson's own errors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The §6 path ("assessment.symptoms[2]", "patient.mrn") of the value or object key that ends
 * at byte @position of @data, a JSON text whose first @position bytes jansson read without
 * error; "" for the document itself. @key (optional) is set to the key the path ends with, or
 * %NULL when it ends with an index or is "". Any bytes are safe. A new string. */
char *crepitus_json_path_at (const char  *data,
                             gsize        length,
                             gsize        position,
                             char       **key);

G_END_DECLS
