/* crepitus-json.h — the interchange format of CLINICAL.md §6 (jansson) */
#pragma once

#include "crepitus-assessment.h"

G_BEGIN_DECLS

#define CREPITUS_JSON_ERROR (crepitus_json_error_quark ())

typedef enum
{
  CREPITUS_JSON_ERROR_SYNTAX,    /* not JSON: the message starts "line L, column C: " */
  CREPITUS_JSON_ERROR_INVALID,   /* breaks a rule of §6: "PATH: PROBLEM"; when jansson found
                                  * it (a number too large, a repeated key, \u0000, bytes
                                  * not UTF-8), "PATH: line L, column C: PROBLEM" */
} CrepitusJsonError;

GQuark              crepitus_json_error_quark (void);

/* Reads one document (a leading UTF-8 byte-order mark is ignored). Returns the assessment,
 * whose patient property holds the patient, or %NULL with an error naming the path. */
CrepitusAssessment *crepitus_json_read        (const char          *data,
                                               gsize                length,
                                               GError             **error);

/* Writes @assessment and its patient in canonical form, two-space indented, with a final
 * newline. */
char               *crepitus_json_write       (CrepitusAssessment  *assessment);

/* The §6 object of assessment.measures as compact JSON ("{}" when nothing is recorded). */
char               *crepitus_json_measures_to_string   (const CrepitusMeasures  *measures);

/* Reads the §6 object of assessment.measures; errors name the path as in a document. */
CrepitusMeasures   *crepitus_json_measures_from_string (const char              *text,
                                                        GError                 **error);

G_END_DECLS
