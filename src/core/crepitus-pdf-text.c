/* crepitus-pdf-text.c — text for PDF pages measured and wrapped into lines
 *
 * libharu has no line breaking that understands UTF-8 (HPDF_Page_MeasureText splits
 * multi-byte characters), so text is broken into words here, measured with the font's own
 * advance widths (the same widths libharu writes into the PDF) and wrapped into lines.
 */
#define G_LOG_DOMAIN "crepitus-pdf-text"

#include "config.h"

#include "crepitus-pdf-layout-private.h"

/* Measuring */

double
crepitus_pdf_text_width (CrepitusPdfLayout *self,
                         CrepitusPdfStyle   style,
                         const char        *text,
                         gssize             length)
{
  HPDF_Font font = self->fonts[crepitus_pdf_styles[style].font];
  const char *end = length < 0 ? text + strlen (text) : text + length;
  gint64 units = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    units += HPDF_Font_GetUnicodeWidth (font, g_utf8_get_char (p));
  return units * crepitus_pdf_styles[style].size / 1000.0;
}

/* Lines */

static void
segment_clear (gpointer data)
{
  Segment *segment = data;

  g_free (segment->text);
}

static Line *
line_new (void)
{
  Line *line = g_new0 (Line, 1);

  line->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  g_array_set_clear_func (line->segments, segment_clear);
  return line;
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_array_unref (line->segments);
  g_free (line);
}

/* Appends @text at @x; joins it to the last segment when that one ends where it starts. */
static void
line_add (Line             *line,
          double            x,
          CrepitusPdfStyle  style,
          const char       *spaces,
          const char       *text,
          gboolean          joins)
{
  Segment segment;

  if (joins && line->segments->len > 0)
    {
      Segment *last = &g_array_index (line->segments, Segment, line->segments->len - 1);

      if (last->style == style)
        {
          char *joined = g_strconcat (last->text, spaces, text, NULL);

          g_free (last->text);
          last->text = joined;
          return;
        }
    }
  segment.x = x;
  segment.style = style;
  segment.text = g_strdup (text);
  g_array_append_val (line->segments, segment);
}

/* Sets the line's height and baseline from the largest style on it. */
static void
line_finish (CrepitusPdfLayout *self,
             Line              *line,
             CrepitusPdfStyle   base_style)
{
  line->height = 0;
  line->baseline = 0;
  for (guint i = 0; i <= line->segments->len; i++)
    {
      CrepitusPdfStyle s = i < line->segments->len ?
                           g_array_index (line->segments, Segment, i).style : base_style;
      const Style *style = &crepitus_pdf_styles[s];
      double glyphs = style->size * (self->ascent[style->font] + self->descent[style->font]);
      double baseline = (style->leading - glyphs) / 2 + style->size * self->ascent[style->font];

      line->height = MAX (line->height, style->leading);
      line->baseline = MAX (line->baseline, baseline);
    }
}

/* A word: pieces of text in one style each, with no break opportunity between them. */
typedef struct
{
  CrepitusPdfStyle  style;
  GString          *text;
} Piece;

typedef struct
{
  GArray           *pieces;      /* Piece */
  guint             n_spaces;    /* spaces before the word */
  CrepitusPdfStyle  space_style;
  guint             n_breaks;    /* line breaks before the word */
} Word;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_string_free (piece->text, TRUE);
}

static void
word_free (gpointer data)
{
  Word *word = data;

  g_array_unref (word->pieces);
  g_free (word);
}

static GPtrArray *
split_words (CrepitusPdfLayout *self,
             const Run         *runs,
             guint              n_runs)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  Word *word = NULL;
  guint n_spaces = 0, n_breaks = 0;
  CrepitusPdfStyle space_style = runs[0].style;

  for (guint r = 0; r < n_runs; r++)
    {
      g_autofree char *text = crepitus_pdf_layout_sanitize (self, runs[r].style, runs[r].text);

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          const char *next = g_utf8_next_char (p);
          Piece *piece;

          if (*p == ' ')
            {
              word = NULL;
              n_spaces++;
              space_style = runs[r].style;
              continue;
            }
          if (*p == '\n')
            {
              word = NULL;
              n_breaks++;
              n_spaces = 0;
              continue;
            }

          if (word == NULL)
            {
              word = g_new0 (Word, 1);
              word->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
              g_array_set_clear_func (word->pieces, piece_clear);
              word->n_spaces = n_spaces;
              word->space_style = space_style;
              word->n_breaks = n_breaks;
              n_spaces = n_breaks = 0;
              g_ptr_array_add (words, word);
            }

          piece = word->pieces->len > 0 ?
                  &g_array_index (word->pieces, Piece, word->pieces->len - 1) : NULL;
          if (piece == NULL || piece->style != runs[r].style)
            {
              Piece new_piece = { runs[r].style, g_string_new (NULL) };

              g_array_append_val (word->pieces, new_piece);
              piece = &g_array_index (word->pieces, Piece, word->pieces->len - 1);
            }
          g_string_append_len (piece->text, p, next - p);
        }
    }
  return words;
}

typedef struct
{
  CrepitusPdfLayout *self;
  GPtrArray         *lines;
  Line              *line;
  CrepitusPdfStyle   base_style;
  double             left;      /* where text starts, from the frame's left edge */
  double             width;     /* available to text */
  double             x;         /* pen position on the current line, from @left */
} Wrapper;

static void
wrapper_break (Wrapper *w)
{
  line_finish (w->self, w->line, w->base_style);
  g_ptr_array_add (w->lines, w->line);
  w->line = line_new ();
  w->x = 0;
}

/* Places a word too wide for any line, cutting it between characters. */
static void
wrapper_add_long_word (Wrapper    *w,
                       const Word *word)
{
  for (guint i = 0; i < word->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (word->pieces, Piece, i);
      const char *start = piece->text->str;
      double chunk = 0;

      for (const char *p = start; *p != '\0'; p = g_utf8_next_char (p))
        {
          double advance = crepitus_pdf_text_width (w->self, piece->style, p,
                                                    g_utf8_next_char (p) - p);

          if (w->x + chunk + advance > w->width + CREPITUS_PDF_EPSILON && (w->x > 0 || chunk > 0))
            {
              if (p > start)
                {
                  g_autofree char *part = g_strndup (start, p - start);

                  line_add (w->line, w->left + w->x, piece->style, "", part, w->x > 0);
                }
              wrapper_break (w);
              start = p;
              chunk = 0;
            }
          chunk += advance;
        }
      if (*start != '\0')
        {
          line_add (w->line, w->left + w->x, piece->style, "", start, w->x > 0);
          w->x += chunk;
        }
    }
}

static void
wrapper_add_word (Wrapper    *w,
                  const Word *word)
{
  double width = 0, space = 0;
  g_autofree char *spaces = NULL;

  for (guint i = 0; i < word->n_breaks; i++)
    wrapper_break (w);

  for (guint i = 0; i < word->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (word->pieces, Piece, i);

      width += crepitus_pdf_text_width (w->self, piece->style, piece->text->str, piece->text->len);
    }

  if (w->line->segments->len > 0 && word->n_spaces > 0)
    {
      spaces = g_strnfill (word->n_spaces, ' ');
      space = crepitus_pdf_text_width (w->self, word->space_style, spaces, -1);
    }

  if (w->line->segments->len > 0 && w->x + space + width > w->width + CREPITUS_PDF_EPSILON)
    {
      wrapper_break (w);
      space = 0;
      g_clear_pointer (&spaces, g_free);
    }

  if (width > w->width + CREPITUS_PDF_EPSILON)
    {
      wrapper_add_long_word (w, word);
      return;
    }

  w->x += space;
  for (guint i = 0; i < word->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (word->pieces, Piece, i);

      /* Spaces are kept in the text, so that it reads back as written. */
      line_add (w->line, w->left + w->x, piece->style,
                i == 0 && spaces != NULL && word->space_style == piece->style ? spaces : "",
                piece->text->str, w->x > 0);
      w->x += crepitus_pdf_text_width (w->self, piece->style, piece->text->str, piece->text->len);
    }
}

/* Wrapping */

GPtrArray *
crepitus_pdf_text_wrap (CrepitusPdfLayout *self,
                        const Run         *runs,
                        guint              n_runs,
                        double             left,
                        double             width,
                        const char        *marker,
                        CrepitusPdfStyle   marker_style,
                        double             marker_x)
{
  g_autoptr(GPtrArray) words = split_words (self, runs, n_runs);
  Wrapper w = { self, g_ptr_array_new_with_free_func (line_free), line_new (), runs[0].style,
                left, MAX (width, 1.0), 0 };

  for (guint i = 0; i < words->len; i++)
    wrapper_add_word (&w, words->pdata[i]);
  if (w.line->segments->len > 0)
    {
      line_finish (self, w.line, w.base_style);
      g_ptr_array_add (w.lines, w.line);
    }
  else
    line_free (w.line);

  if (marker != NULL && w.lines->len > 0)
    {
      Line *first = w.lines->pdata[0];
      g_autofree char *text = crepitus_pdf_layout_sanitize (self, marker_style, marker);
      Segment segment = { marker_x, marker_style, g_steal_pointer (&text) };

      g_array_prepend_val (first->segments, segment);
      line_finish (self, first, w.base_style);
    }
  return w.lines;
}
