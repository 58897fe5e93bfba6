/* crepitus-fields.h — the table of fields: the one place a field's rule lives
 *
 * A row per field of a patient, an assessment and a factor record: its §6 JSON path, its
 * GObject property, its database column, its kind and its keys or range. The JSON reader and
 * writer, the store (columns, updates, audit field names) and the window's validation all
 * read it, and ask crepitus_field_validate() for a verdict, so every entrance agrees.
 *
 * Values cross this interface in a plain form, whatever the model holds:
 *   text, date, key         G_TYPE_STRING (%NULL: not recorded)
 *   set of keys             G_TYPE_STRV (%NULL or empty: not recorded)
 *   integer range, boolean  G_TYPE_INT (-1: not recorded; a boolean is 0 or 1)
 *   measures                CREPITUS_TYPE_MEASURES (%NULL or empty: not recorded)
 * Text is stored as given, white space included (CLINICAL.md §6); "" is not recorded. A
 * required text of white space only is empty; a date is YYYY-MM-DD exactly. What is typed in
 * a form is read by crepitus_field_value_from_text(), where blank is nothing typed.
 */
#pragma once

#include <stdarg.h>

#include <glib-object.h>

#include "crepitus-catalog.h"

G_BEGIN_DECLS

#define CREPITUS_FIELD_ERROR (crepitus_field_error_quark ())

typedef enum
{
  CREPITUS_FIELD_ERROR_INVALID,   /* the value breaks the field's rule (CLINICAL.md §6) */
} CrepitusFieldError;

GQuark crepitus_field_error_quark (void);

/* Which record a field belongs to. */
typedef enum
{
  CREPITUS_RECORD_PATIENT,
  CREPITUS_RECORD_ASSESSMENT,
  CREPITUS_RECORD_FACTOR,
  CREPITUS_N_RECORDS
} CrepitusRecord;

typedef enum
{
  CREPITUS_FIELD_TEXT,       /* free text, stored as given */
  CREPITUS_FIELD_DATE,       /* YYYY-MM-DD, not after today */
  CREPITUS_FIELD_KEY,        /* one key of the field's list */
  CREPITUS_FIELD_SET,        /* a set of keys of the list (findings: of the record's factor) */
  CREPITUS_FIELD_INTEGER,    /* a whole number from min to max */
  CREPITUS_FIELD_BOOLEAN,    /* yes or no */
  CREPITUS_FIELD_MEASURES,   /* CLINICAL.md §7, read and written as §6 JSON */
} CrepitusFieldKind;

typedef enum
{
  CREPITUS_FIELD_REQUIRED       = 1 << 0,  /* must be recorded */
  CREPITUS_FIELD_ENUM           = 1 << 1,  /* KEY: the property is an enum, 0 not recorded */
  CREPITUS_FIELD_FIRST_UNSET    = 1 << 2,  /* KEY: the list's first key means not recorded */
  CREPITUS_FIELD_FINDINGS       = 1 << 3,  /* SET: the findings of the record's factor */
} CrepitusFieldFlags;

typedef struct
{
  CrepitusRecord      record;
  const char         *path;          /* §6 path; for a factor, after "assessment.factors.KEY." */
  const char         *json_key;      /* the key in its JSON object */
  const char         *section;       /* its JSON object: "patient", "assessment",
                                      * "assessment.posture", or %NULL for a factor */
  const char         *property;      /* the GObject property of the model */
  const char         *column;        /* the database column */
  CrepitusFieldKind   kind;
  CrepitusList        list;          /* KEY and SET (not findings) */
  int                 min;           /* INTEGER */
  int                 max;
  CrepitusFieldFlags  flags;
  const char         *disjoint_from; /* SET: the property of a set it shares no key with */
  int                 max_length;    /* TEXT: the most characters it may hold */
} CrepitusField;

/* The fields of @record in canonical §6 order; @n_fields is set to their number. */
const CrepitusField *crepitus_fields             (CrepitusRecord       record,
                                                  guint               *n_fields);

/* The field of @record whose property is @property, or %NULL. */
const CrepitusField *crepitus_field_find         (CrepitusRecord       record,
                                                  const char          *property);

/* The position of @field in crepitus_fields() of its record. */
guint                crepitus_field_index        (const CrepitusField *field);

/* The §6 path of @field on @object (a factor record names its factor); a new string. */
char                *crepitus_field_path         (const CrepitusField *field,
                                                  GObject             *object);

/* Initialises @value to the plain type of @field, not recorded. */
void                 crepitus_field_init_value   (const CrepitusField *field,
                                                  GValue              *value);

/* Reads @field of @object into @value (uninitialised) in its plain form. */
void                 crepitus_field_get          (const CrepitusField *field,
                                                  GObject             *object,
                                                  GValue              *value);

/* Sets @field of @object from its plain form; %FALSE when the model cannot hold @value
 * (validate first: this gives no reason). */
gboolean             crepitus_field_set          (const CrepitusField *field,
                                                  GObject             *object,
                                                  const GValue        *value);

/* Whether @value (plain form) records something. */
gboolean             crepitus_field_is_recorded  (const CrepitusField *field,
                                                  const GValue        *value);

/* Whether @value (plain form) may be recorded in @field of @object (%NULL when there is no
 * record yet; a factor's findings need their record). Rules that involve another field of
 * the same record (a red flag both present and absent) are checked against @object. Sets a
 * CREPITUS_FIELD_ERROR_INVALID "PATH: PROBLEM" message, as CLINICAL.md §6 words it. */
gboolean             crepitus_field_validate     (const CrepitusField *field,
                                                  GObject             *object,
                                                  const GValue        *value,
                                                  GError             **error);

/* What was typed in a form's entry for @field (text, date, key or a whole number) as its
 * plain form in @value (uninitialised), checked by crepitus_field_validate(). Blank typed
 * text is nothing typed: not recorded (a form cannot show white space apart from nothing);
 * other text is taken as typed. */
gboolean             crepitus_field_value_from_text (const CrepitusField *field,
                                                     GObject             *object,
                                                     const char          *text,
                                                     GValue              *value,
                                                     GError             **error);

/* crepitus_field_value_from_text() without the value. */
gboolean             crepitus_field_validate_text (const CrepitusField *field,
                                                   GObject             *object,
                                                   const char          *text,
                                                   GError             **error);

/* Records in @field of @object what was typed in a form's entry, when valid
 * (crepitus_field_value_from_text()). */
gboolean             crepitus_field_set_text      (const CrepitusField *field,
                                                   GObject             *object,
                                                   const char          *text,
                                                   GError             **error);

/* The problem alone, without the path, of an error from crepitus_field_validate() (what a
 * form shows under the field). */
const char          *crepitus_field_error_problem (const GError        *error);

/* Sets @error to "PATH: PROBLEM", as every message about a field of CLINICAL.md §6 reads, the
 * problem made from @format; returns %FALSE. */
gboolean             crepitus_path_error_valist  (GError             **error,
                                                  GQuark               domain,
                                                  int                  code,
                                                  const char          *path,
                                                  const char          *format,
                                                  va_list              args) G_GNUC_PRINTF (5, 0);

/* @text as one line of valid UTF-8, as every message is: control characters and line
 * separators written as \uXXXX, invalid bytes as U+FFFD. A new string. */
char                *crepitus_text_one_line      (const char          *text);

/* Whether @text is empty after Unicode whitespace (%NULL is). */
gboolean             crepitus_text_is_blank      (const char          *text);

/* Replaces the text of a text field; an empty string is "not recorded" (%NULL). Returns
 * whether it changed. */
gboolean             crepitus_text_replace       (char               **field,
                                                  const char          *value);

/* Dates */

/* Parses a strict ISO 8601 calendar date YYYY-MM-DD into @date (may be %NULL). */
gboolean             crepitus_date_parse         (const char          *text,
                                                  GDate               *date);
/* Today's local date as YYYY-MM-DD. */
char                *crepitus_date_today         (void);

G_END_DECLS
