/* crepitus-test-pdf.h — reading reports back with poppler, for the report tests */
#pragma once

#include <poppler.h>

#include "crepitus-json.h"
#include "crepitus-report.h"
#include "crepitus-test-util.h"

G_BEGIN_DECLS

/* Local names, so that the cleanups do not clash with a poppler that defines its own. */
typedef PopplerDocument Document;
typedef PopplerPage     Page;
typedef PopplerFontInfo FontInfo;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Document, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FontInfo, g_object_unref)

/* What poppler-glib said while reading the test's documents: it logs every syntax problem it
 * meets ("Invalid 'begincidrange' operator in ToUnicode CMap") at INFO level in its domain,
 * which no assertion would see otherwise. Call crepitus_test_pdf_init() first; every test
 * ends with none. */
static GPtrArray *poppler_messages;

static inline void
on_poppler_log (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        user_data)
{
  g_ptr_array_add (poppler_messages, g_strdup (message));
}

static inline void
crepitus_test_pdf_init (void)
{
  poppler_messages = g_ptr_array_new_with_free_func (g_free);
  g_log_set_handler ("Poppler", G_LOG_LEVEL_MASK, on_poppler_log, NULL);
}

static inline void
assert_poppler_quiet (void)
{
  if (poppler_messages->len > 0)
    g_error ("poppler reported a problem reading a report: %s",
             (const char *) poppler_messages->pdata[0]);
}

/* The example of CLINICAL.md §6: a benign pop, with an ODI recorded. */
static inline CrepitusAssessment *
load_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "example.json", NULL);
  g_autofree char *contents = NULL;
  CrepitusAssessment *assessment;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  assessment = crepitus_json_read (contents, length, &error);
  g_assert_no_error (error);
  return assessment;
}

/* Writes the report on @assessment to @dir/@name; returns its path. */
static inline char *
write_report_in (const char                  *dir,
                 CrepitusAssessment          *assessment,
                 const CrepitusReportOptions *options,
                 const char                  *name,
                 CrepitusReportStats         *stats)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (crepitus_report_write (assessment, options, path, stats, &error));
  g_assert_no_error (error);
  return path;
}

static inline PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* @text with every run of white space made one space, as a reader sees it. */
static inline char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static inline char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(Page) page = poppler_document_get_page (document, index);
  g_autofree char *text = NULL;

  g_assert_nonnull (page);
  text = poppler_page_get_text (page);
  return normalize (text);
}

static inline char *
document_text (PopplerDocument *document)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);

      if (all->len > 0)
        g_string_append_c (all, ' ');
      g_string_append (all, text);
    }
  return g_string_free (all, FALSE);
}

/* Asserts that each of @needles is in @haystack, in this order. */
static inline void
assert_in_order (const char         *haystack,
                 const char * const *needles)
{
  const char *from = haystack;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      g_autofree char *needle = normalize (needles[i]);
      const char *found = strstr (from, needle);

      if (found == NULL)
        g_error ("“%.200s” is missing (or out of order) after: %.300s", needle, from);
      from = found + strlen (needle);
    }
}

static inline void
assert_contains (const char *haystack,
                 const char *needle)
{
  const char *needles[] = { needle, NULL };

  assert_in_order (haystack, needles);
}

static inline void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” should not be in: %s", needle, haystack);
}

/* Asserts that a table row reads back as @label then @value: poppler joins the two columns
 * of a row, with or without a space. */
static inline void
assert_row (const char *haystack,
            const char *label,
            const char *value)
{
  g_autofree char *spaced = g_strconcat (label, " ", value, NULL);
  g_autofree char *joined = g_strconcat (label, value, NULL);

  if (strstr (haystack, spaced) == NULL && strstr (haystack, joined) == NULL)
    g_error ("no row “%s | %s” in: %s", label, value, haystack);
}

/* The text of page @index drawn at @min_size points or more when @larger, else below it. */
static inline char *
page_text_by_size (PopplerDocument *document,
                   int              index,
                   double           min_size,
                   gboolean         larger)
{
  g_autoptr(Page) page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);
  GList *attributes = poppler_page_get_text_attributes (page);
  GString *out = g_string_new (NULL);
  glong length = g_utf8_strlen (text, -1);

  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;

      if ((a->font_size >= min_size) == larger && a->start_index < length)
        {
          const char *start = g_utf8_offset_to_pointer (text, a->start_index);
          const char *end = g_utf8_offset_to_pointer (text, MIN (a->end_index + 1, length));

          g_string_append_len (out, start, end - start);
          g_string_append_c (out, ' ');
        }
    }
  poppler_page_free_text_attributes (attributes);
  {
    g_autofree char *raw = g_string_free (out, FALSE);

    return normalize (raw);
  }
}

/* The largest font size on page @index. */
static inline double
page_largest_size (PopplerDocument *document,
                   int              index)
{
  g_autoptr(Page) page = poppler_document_get_page (document, index);
  GList *attributes = poppler_page_get_text_attributes (page);
  double largest = 0;

  for (GList *l = attributes; l != NULL; l = l->next)
    largest = MAX (largest, ((PopplerTextAttributes *) l->data)->font_size);
  poppler_page_free_text_attributes (attributes);
  return largest;
}

G_END_DECLS
