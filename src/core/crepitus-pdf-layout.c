/* crepitus-pdf-layout.c — flowing text on PDF pages with libharu: wrap, headings, boxes, pages
 *
 * libharu draws text at a given position and nothing more: it has no line breaking that
 * understands UTF-8 (HPDF_Page_MeasureText splits multi-byte characters), no paragraphs,
 * lists or pagination. So this file is a small layout engine of our own: text is broken into
 * words, measured with the font's own advance widths (the same widths libharu writes into
 * the PDF), wrapped into lines, and the lines are placed on pages, starting a new page when
 * one is full. A heading stays with the first lines after it, a box stays on one page when
 * it fits on one, and the footer ("Page N of M") is drawn once the number of pages is known:
 * libharu keeps every page open, so drawing on an earlier page later is fine.
 *
 * Fonts are found through fontconfig, never by path, and every character is checked against
 * the font with FreeType before it reaches libharu, which would draw a box for a missing
 * glyph and silently drop anything above U+FFFF.
 */
#define G_LOG_DOMAIN "crepitus-pdf-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hpdf.h>

#include "crepitus-pdf-layout.h"

#define MARGIN_LEFT     56.0
#define MARGIN_RIGHT    56.0
#define MARGIN_TOP      48.0
#define MARGIN_BOTTOM   64.0
#define FOOTER_RULE     14.0     /* below the text area */
#define FOOTER_BASELINE 28.0     /* below the text area */
#define BOX_PADDING     10.0
#define BULLET_INDENT   16.0     /* per level */
#define BULLET_HANG     14.0
#define FIELD_LABEL     150.0    /* width of the label column */
#define EPSILON         0.01

typedef enum
{
  FONT_REGULAR,
  FONT_BOLD,
  N_FONTS
} FontId;

typedef struct
{
  double r, g, b;
} Color;

typedef struct
{
  FontId font;
  double size;
  double leading;
  Color  color;
} Style;

#define BLACK  { 0.0, 0.0, 0.0 }
#define GREY   { 0.33, 0.33, 0.33 }
#define ACCENT { 0.08, 0.27, 0.45 }

static const Color rule_grey = { 0.65, 0.65, 0.65 };

static const Style styles[CREPITUS_PDF_N_STYLES] = {
  [CREPITUS_PDF_STYLE_BODY] = { FONT_REGULAR, 11.0, 15.5, BLACK },
  [CREPITUS_PDF_STYLE_STRONG] = { FONT_BOLD, 11.0, 15.5, BLACK },
  [CREPITUS_PDF_STYLE_SMALL] = { FONT_REGULAR, 9.0, 12.0, GREY },
  [CREPITUS_PDF_STYLE_SMALL_STRONG] = { FONT_BOLD, 9.0, 12.0, BLACK },
  [CREPITUS_PDF_STYLE_SUBHEADING] = { FONT_BOLD, 11.5, 16.0, BLACK },
  [CREPITUS_PDF_STYLE_HEADING] = { FONT_BOLD, 14.0, 19.0, ACCENT },
  [CREPITUS_PDF_STYLE_TITLE] = { FONT_BOLD, 20.0, 26.0, BLACK },
  [CREPITUS_PDF_STYLE_BANNER] = { FONT_BOLD, 13.0, 18.0, BLACK },
};

/* What fontconfig is asked for, and what the match must be. */
static const struct
{
  const char *pattern;
  const char *name;     /* for messages */
  gboolean    bold;
} font_queries[N_FONTS] = {
  [FONT_REGULAR] = { "DejaVu Sans:weight=regular:slant=roman", "DejaVu Sans", FALSE },
  [FONT_BOLD] = { "DejaVu Sans:weight=bold:slant=roman", "DejaVu Sans Bold", TRUE },
};

/* A run of text in one style, at @x from the frame's left edge. */
typedef struct
{
  double            x;
  CrepitusPdfStyle  style;
  char             *text;
} Segment;

typedef struct
{
  GArray *segments;   /* Segment */
  double  height;     /* the advance to the next line */
  double  baseline;   /* from the top of the line */
} Line;

typedef enum
{
  BLOCK_TEXT,
  BLOCK_RULE,
  BLOCK_SPACE,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  GPtrArray *lines;          /* Line *, for BLOCK_TEXT */
  double     height;         /* for BLOCK_RULE and BLOCK_SPACE */
  double     rule_width;     /* for BLOCK_RULE; 0 for the whole width */
  double     space_before;
  double     space_after;
} Block;

/* What is placed on pages: a single block that may break anywhere between lines, or a box of
 * blocks kept on one page when it fits. */
typedef struct
{
  GPtrArray          *blocks;        /* Block * */
  gboolean            is_box;
  CrepitusPdfBoxKind  box_kind;
  gboolean            keep_with_next;
  double              space_before;
  double              space_after;
} Item;

struct _CrepitusPdfLayout
{
  HPDF_Doc             doc;
  HPDF_Font            fonts[N_FONTS];
  double               ascent[N_FONTS];     /* per point of size */
  double               descent[N_FONTS];    /* per point of size, positive */
  FT_Library           ft_library;
  FT_Face              faces[N_FONTS];
  gunichar             substitute;
  guint                n_substituted;

  HPDF_STATUS          error_no;            /* the first error libharu reported */
  HPDF_STATUS          error_detail;

  double               page_width;
  double               page_height;
  GPtrArray           *pages;               /* HPDF_Page */
  HPDF_Page            page;                /* the current page, or NULL before the first */
  double               y;                   /* top of the free space on the current page */
  gboolean             at_top;              /* nothing placed below the page's header yet */
  double               pending_space;       /* space owed after the last block placed */

  CrepitusPdfPageFunc  page_func;
  gpointer             page_data;
  gboolean             in_page_func;

  Item                *box;                 /* the box being filled, between begin and end */
  double               inset;               /* of the frame inside that box */
  GPtrArray           *pending;             /* Item *, waiting to be kept with the next */

  const Item          *placing_box;         /* a box split across pages while placing it */
  double               box_top;             /* top of its part on the current page */
};

G_DEFINE_QUARK (crepitus-pdf-layout-error-quark, crepitus_pdf_layout_error)

/* Fonts */

typedef struct
{
  char *file;
  int   index;
} FontFile;

/* fontconfig is asked once per process: its answer does not change while we run. */
static FontFile font_files[N_FONTS];
G_LOCK_DEFINE_STATIC (font_files);

static gboolean
pattern_has_family (FcPattern  *pattern,
                    const char *family)
{
  FcChar8 *value;

  for (int i = 0; FcPatternGetString (pattern, FC_FAMILY, i, &value) == FcResultMatch; i++)
    if (g_str_equal ((const char *) value, family))
      return TRUE;
  return FALSE;
}

static gboolean
query_font (FcConfig  *config,
            FontId     id,
            FontFile  *out,
            GError   **error)
{
  FcPattern *pattern;
  FcPattern *match;
  FcResult result;
  FcChar8 *file = NULL;
  FcChar8 *format = NULL;
  int weight = 0, index = 0;
  gboolean ok;

  pattern = FcNameParse ((const FcChar8 *) font_queries[id].pattern);
  if (pattern == NULL)
    g_error ("fontconfig could not parse “%s”", font_queries[id].pattern);
  FcConfigSubstitute (config, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (config, pattern, &result);
  FcPatternDestroy (pattern);

  /* fontconfig always proposes something; only DejaVu Sans in TrueType (the one format
   * libharu embeds) will do. */
  ok = match != NULL &&
       pattern_has_family (match, "DejaVu Sans") &&
       FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch &&
       FcPatternGetString (match, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
       g_str_equal ((const char *) format, "TrueType") &&
       FcPatternGetInteger (match, FC_WEIGHT, 0, &weight) == FcResultMatch &&
       (weight >= FC_WEIGHT_BOLD) == font_queries[id].bold;
  if (ok)
    {
      if (FcPatternGetInteger (match, FC_INDEX, 0, &index) != FcResultMatch)
        index = 0;
      out->file = g_strdup ((const char *) file);
      out->index = index;
    }
  if (match != NULL)
    FcPatternDestroy (match);

  if (!ok)
    g_set_error (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_FONT,
                 /* Translators: %s is a font name, e.g. "DejaVu Sans Bold" */
                 _("the font %s was not found (install the DejaVu fonts)"),
                 font_queries[id].name);
  return ok;
}

static gboolean
find_fonts (FontFile  *files,
            GError   **error)
{
  gboolean ok = TRUE;

  G_LOCK (font_files);
  if (font_files[FONT_REGULAR].file == NULL || font_files[FONT_BOLD].file == NULL)
    {
      /* A configuration of our own, dropped once the fonts are found: the answer is kept for
       * the life of the process, and no fontconfig state stays behind (the default
       * configuration holds memory through encoded pointers that leak checkers cannot
       * follow, and the application's toolkit has its own anyway). */
      FcConfig *config = FcInitLoadConfigAndFonts ();

      if (config == NULL)
        {
          g_set_error_literal (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_FONT,
                               _("fontconfig could not load its configuration"));
          ok = FALSE;
        }
      for (guint i = 0; i < N_FONTS && ok; i++)
        if (font_files[i].file == NULL)
          ok = query_font (config, i, &font_files[i], error);
      if (config != NULL)
        FcConfigDestroy (config);
    }
  for (guint i = 0; i < N_FONTS; i++)
    files[i] = font_files[i];
  G_UNLOCK (font_files);
  return ok;
}

static void
on_hpdf_error (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  CrepitusPdfLayout *self = user_data;

  if (self->error_no == HPDF_OK)
    {
      self->error_no = error_no;
      self->error_detail = detail_no;
    }
}

static gboolean
check_hpdf (CrepitusPdfLayout  *self,
            GError            **error)
{
  if (self->error_no == HPDF_OK)
    return TRUE;
  g_set_error (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_PDF,
               /* Translators: the numbers are libharu's error and detail codes */
               _("the PDF library failed (error 0x%04X, detail %u)"),
               (guint) self->error_no, (guint) self->error_detail);
  return FALSE;
}

static gboolean
load_fonts (CrepitusPdfLayout  *self,
            GError            **error)
{
  FontFile files[N_FONTS];

  if (!find_fonts (files, error))
    return FALSE;

  if (FT_Init_FreeType (&self->ft_library) != 0)
    {
      self->ft_library = NULL;
      g_set_error_literal (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_FONT,
                           _("FreeType could not be initialised"));
      return FALSE;
    }

  for (guint i = 0; i < N_FONTS; i++)
    {
      const char *name;

      if (FT_New_Face (self->ft_library, files[i].file, files[i].index, &self->faces[i]) != 0)
        {
          self->faces[i] = NULL;
          g_set_error (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_FONT,
                       /* Translators: %s is a font file */
                       _("the font file %s could not be read"), files[i].file);
          return FALSE;
        }

      if (files[i].index == 0)
        name = HPDF_LoadTTFontFromFile (self->doc, files[i].file, HPDF_TRUE);
      else
        name = HPDF_LoadTTFontFromFile2 (self->doc, files[i].file, files[i].index, HPDF_TRUE);
      if (name != NULL)
        self->fonts[i] = HPDF_GetFont (self->doc, name, "UTF-8");
      if (name == NULL || self->fonts[i] == NULL || !check_hpdf (self, NULL))
        {
          g_set_error (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_FONT,
                       _("the font file %s could not be loaded into the PDF"), files[i].file);
          return FALSE;
        }
      self->ascent[i] = HPDF_Font_GetAscent (self->fonts[i]) / 1000.0;
      self->descent[i] = ABS (HPDF_Font_GetDescent (self->fonts[i])) / 1000.0;
    }

  /* U+FFFD when every font has it, else a question mark. */
  self->substitute = 0xFFFD;
  for (guint i = 0; i < N_FONTS; i++)
    if (FT_Get_Char_Index (self->faces[i], 0xFFFD) == 0)
      self->substitute = '?';
  return TRUE;
}

/* Text */

char *
crepitus_pdf_layout_sanitize (CrepitusPdfLayout *self,
                              CrepitusPdfStyle   style,
                              const char        *text)
{
  FT_Face face;
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (style < CREPITUS_PDF_N_STYLES, NULL);

  if (text == NULL)
    return g_strdup ("");

  face = self->faces[styles[style].font];
  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Line ends of any convention become '\n'; a tab is a space. */
      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      if (c == '\n' || c == 0x2028 || c == 0x2029)
        {
          g_string_append_c (out, '\n');
          continue;
        }
      if (c == '\t')
        {
          g_string_append_c (out, ' ');
          continue;
        }

      if (c > 0xFFFF || FT_Get_Char_Index (face, c) == 0)
        {
          c = self->substitute;
          self->n_substituted++;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The advance of @text (already sanitised) in @style, in points. */
static double
text_width (CrepitusPdfLayout *self,
            CrepitusPdfStyle   style,
            const char        *text,
            gssize             length)
{
  HPDF_Font font = self->fonts[styles[style].font];
  const char *end = length < 0 ? text + strlen (text) : text + length;
  gint64 units = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    units += HPDF_Font_GetUnicodeWidth (font, g_utf8_get_char (p));
  return units * styles[style].size / 1000.0;
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
      const Style *style = &styles[s];
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

typedef struct
{
  CrepitusPdfStyle  style;
  const char       *text;
} Run;

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
          double advance = text_width (w->self, piece->style, p, g_utf8_next_char (p) - p);

          if (w->x + chunk + advance > w->width + EPSILON && (w->x > 0 || chunk > 0))
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

      width += text_width (w->self, piece->style, piece->text->str, piece->text->len);
    }

  if (w->line->segments->len > 0 && word->n_spaces > 0)
    {
      spaces = g_strnfill (word->n_spaces, ' ');
      space = text_width (w->self, word->space_style, spaces, -1);
    }

  if (w->line->segments->len > 0 && w->x + space + width > w->width + EPSILON)
    {
      wrapper_break (w);
      space = 0;
      g_clear_pointer (&spaces, g_free);
    }

  if (width > w->width + EPSILON)
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
      w->x += text_width (w->self, piece->style, piece->text->str, piece->text->len);
    }
}

/* Wraps @runs into lines of @width points starting @left points into the frame; @marker (a
 * bullet or a label) is put at @marker_x on the first line. */
static GPtrArray *
wrap_runs (CrepitusPdfLayout *self,
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

/* Blocks and items */

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->lines, g_ptr_array_unref);
  g_free (block);
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_ptr_array_unref (item->blocks);
  g_free (item);
}

static Item *
item_new (void)
{
  Item *item = g_new0 (Item, 1);

  item->blocks = g_ptr_array_new_with_free_func (block_free);
  return item;
}

static double
block_height (const Block *block)
{
  double height = 0;

  if (block->kind != BLOCK_TEXT)
    return block->height;
  for (guint i = 0; i < block->lines->len; i++)
    height += ((Line *) block->lines->pdata[i])->height;
  return height;
}

static double
box_line_width (CrepitusPdfBoxKind kind)
{
  switch (kind)
    {
    case CREPITUS_PDF_BOX_GROUP:
      return 0;
    case CREPITUS_PDF_BOX_OUTLINE:
      return 1.5;
    case CREPITUS_PDF_BOX_ALERT:
    case CREPITUS_PDF_BOX_WARNING:
    default:
      return 2.5;
    }
}

static double
box_inset (CrepitusPdfBoxKind kind)
{
  return kind == CREPITUS_PDF_BOX_GROUP ? 0 : BOX_PADDING + box_line_width (kind);
}

/* The height of @item's content, spaces between its blocks included. */
static double
item_height (const Item *item)
{
  double height = 0;

  for (guint i = 0; i < item->blocks->len; i++)
    {
      const Block *block = item->blocks->pdata[i];

      if (i > 0)
        height += MAX (((Block *) item->blocks->pdata[i - 1])->space_after, block->space_before);
      height += block_height (block);
    }
  if (item->is_box)
    height += 2 * box_inset (item->box_kind);
  return height;
}

/* Placement */

static double
text_area_height (CrepitusPdfLayout *self)
{
  return self->page_height - MARGIN_TOP - MARGIN_BOTTOM;
}

static double
frame_width (CrepitusPdfLayout *self)
{
  return self->page_width - MARGIN_LEFT - MARGIN_RIGHT;
}

static void
set_fill (HPDF_Page    page,
          const Color *color)
{
  HPDF_Page_SetRGBFill (page, color->r, color->g, color->b);
}

static void
set_stroke (HPDF_Page    page,
            const Color *color)
{
  HPDF_Page_SetRGBStroke (page, color->r, color->g, color->b);
}

static void
draw_text (CrepitusPdfLayout *self,
           CrepitusPdfStyle   style,
           double             x,
           double             baseline,
           const char        *text)
{
  HPDF_Page_BeginText (self->page);
  HPDF_Page_SetFontAndSize (self->page, self->fonts[styles[style].font], styles[style].size);
  set_fill (self->page, &styles[style].color);
  HPDF_Page_TextOut (self->page, x, baseline, text);
  HPDF_Page_EndText (self->page);
}

static void
draw_line (CrepitusPdfLayout *self,
           const Line        *line,
           double             left)
{
  double baseline = self->y - line->baseline;

  for (guint i = 0; i < line->segments->len; i++)
    {
      const Segment *segment = &g_array_index (line->segments, Segment, i);

      draw_text (self, segment->style, left + segment->x, baseline, segment->text);
    }
}

static void
draw_box (CrepitusPdfLayout  *self,
          CrepitusPdfBoxKind  kind,
          double              top,
          double              bottom,
          gboolean            filled)
{
  static const Color alert_line = { 0.70, 0.10, 0.10 };
  static const Color alert_fill = { 0.99, 0.91, 0.91 };
  static const Color warning_line = { 0.72, 0.45, 0.0 };
  static const Color warning_fill = { 1.0, 0.95, 0.84 };
  double line_width = box_line_width (kind);
  double half = line_width / 2;
  const Color *fill = NULL;

  if (kind == CREPITUS_PDF_BOX_GROUP)
    return;

  HPDF_Page_SetLineWidth (self->page, line_width);
  set_stroke (self->page, kind == CREPITUS_PDF_BOX_WARNING ? &warning_line : &alert_line);
  if (filled && kind == CREPITUS_PDF_BOX_ALERT)
    fill = &alert_fill;
  else if (filled && kind == CREPITUS_PDF_BOX_WARNING)
    fill = &warning_fill;
  if (fill != NULL)
    set_fill (self->page, fill);

  HPDF_Page_Rectangle (self->page, MARGIN_LEFT + half, bottom + half,
                       frame_width (self) - line_width, top - bottom - line_width);
  if (fill != NULL)
    HPDF_Page_FillStroke (self->page);
  else
    HPDF_Page_Stroke (self->page);
}

static void
new_page (CrepitusPdfLayout *self)
{
  /* The page header is never split. */
  if (self->in_page_func)
    return;

  /* A box split across pages is closed at the bottom of this page, open on the next. */
  if (self->placing_box != NULL && self->page != NULL)
    draw_box (self, self->placing_box->box_kind, self->box_top,
              MAX (self->y - BOX_PADDING / 2, MARGIN_BOTTOM), FALSE);

  self->page = HPDF_AddPage (self->doc);
  g_ptr_array_add (self->pages, self->page);
  HPDF_Page_SetWidth (self->page, self->page_width);
  HPDF_Page_SetHeight (self->page, self->page_height);
  self->y = self->page_height - MARGIN_TOP;

  if (self->page_func != NULL)
    {
      self->in_page_func = TRUE;
      self->page_func (self, self->pages->len, self->page_data);
      self->in_page_func = FALSE;
    }
  self->at_top = TRUE;
  self->pending_space = 0;

  if (self->placing_box != NULL)
    {
      self->box_top = self->y;
      self->y -= BOX_PADDING;
    }
}

static gboolean
fits (CrepitusPdfLayout *self,
      double             height)
{
  return self->y - height >= MARGIN_BOTTOM - EPSILON;
}

/* The space owed before a block or item with @space_before. */
static double
gap_before (CrepitusPdfLayout *self,
            double             space_before)
{
  return self->at_top ? 0 : MAX (self->pending_space, space_before);
}

static void
place_block (CrepitusPdfLayout *self,
             const Block       *block,
             double             left,
             gboolean           first_in_box)
{
  if (block->kind == BLOCK_SPACE)
    {
      /* Space is dropped at the top of a page (but kept at the top of a box) and never pushes
       * past the foot of the page. */
      if (!self->at_top || first_in_box)
        self->y -= MIN (self->pending_space + block->height, MAX (self->y - MARGIN_BOTTOM, 0));
      self->pending_space = 0;
      return;
    }

  /* A box's padding stands in for the space before its first block. */
  if (!first_in_box)
    self->y -= gap_before (self, block->space_before);

  if (block->kind == BLOCK_RULE)
    {
      double y;

      if (!fits (self, block->height) && !self->at_top)
        new_page (self);
      y = self->y - block->height / 2;
      HPDF_Page_SetLineWidth (self->page, 0.6);
      set_stroke (self->page, &rule_grey);
      HPDF_Page_MoveTo (self->page, MARGIN_LEFT + left, y);
      HPDF_Page_LineTo (self->page, MARGIN_LEFT + left + block->rule_width, y);
      HPDF_Page_Stroke (self->page);
      self->y -= block->height;
    }
  else
    {
      for (guint i = 0; i < block->lines->len; i++)
        {
          const Line *line = block->lines->pdata[i];

          /* Never a page break at the top of a new page: a header taller than the page
           * would otherwise add pages for ever. */
          if (!fits (self, line->height) && !self->at_top)
            new_page (self);
          draw_line (self, line, MARGIN_LEFT + left);
          self->y -= line->height;
          self->at_top = FALSE;
        }
    }
  self->at_top = FALSE;
  self->pending_space = block->space_after;
}

/* The height @item needs on this page before it may break: a box that fits on a page whole,
 * otherwise its first two lines (no lone first line at the foot of a page). */
static double
first_part_height (CrepitusPdfLayout *self,
                   const Item        *item)
{
  const Block *first;
  double height = 0;

  if (item->is_box && item_height (item) <= text_area_height (self))
    return item_height (item);
  if (item->blocks->len == 0)
    return 0;

  first = item->blocks->pdata[0];
  if (first->kind != BLOCK_TEXT)
    height = block_height (first);
  else
    for (guint i = 0; i < first->lines->len && i < 2; i++)
      height += ((Line *) first->lines->pdata[i])->height;
  if (item->is_box)
    height += box_inset (item->box_kind);
  return height;
}

static void
place_item (CrepitusPdfLayout *self,
            const Item        *item)
{
  double inset, height;

  if (!item->is_box)
    {
      for (guint i = 0; i < item->blocks->len; i++)
        place_block (self, item->blocks->pdata[i], 0, FALSE);
      return;
    }

  inset = box_inset (item->box_kind);
  height = item_height (item);
  self->y -= gap_before (self, item->space_before);
  self->at_top = FALSE;

  if (fits (self, height) || self->in_page_func)
    {
      double top = self->y;

      draw_box (self, item->box_kind, top, top - height, TRUE);
      self->y -= inset;
      for (guint i = 0; i < item->blocks->len; i++)
        place_block (self, item->blocks->pdata[i], inset, i == 0);
      self->y = top - height;
    }
  else
    {
      /* Taller than the page: an open border on each page it spans. */
      self->placing_box = item;
      self->box_top = self->y;
      self->y -= inset;
      for (guint i = 0; i < item->blocks->len; i++)
        place_block (self, item->blocks->pdata[i], inset, i == 0);
      self->y -= inset;
      draw_box (self, item->box_kind, self->box_top, MAX (self->y, MARGIN_BOTTOM), FALSE);
      self->placing_box = NULL;
    }
  self->at_top = FALSE;
  self->pending_space = item->space_after;
}

/* Places the headings waiting for what follows them, then @item (may be %NULL). */
static void
flush (CrepitusPdfLayout *self,
       Item              *item)
{
  if (self->page == NULL)
    new_page (self);

  if (!self->at_top)
    {
      double need = 0, pending_space = self->pending_space;

      for (guint i = 0; i < self->pending->len; i++)
        {
          const Item *waiting = self->pending->pdata[i];

          need += MAX (pending_space, waiting->space_before) + item_height (waiting);
          pending_space = waiting->space_after;
        }
      if (item != NULL)
        need += MAX (pending_space, item->space_before) + first_part_height (self, item);
      if (!fits (self, need))
        new_page (self);
    }

  for (guint i = 0; i < self->pending->len; i++)
    place_item (self, self->pending->pdata[i]);
  g_ptr_array_set_size (self->pending, 0);
  if (item != NULL)
    place_item (self, item);
}

static void
submit_item (CrepitusPdfLayout *self,
             Item              *item)
{
  if (item->blocks->len == 0)
    {
      item_free (item);
      return;
    }
  if (self->in_page_func)
    {
      place_item (self, item);
      item_free (item);
      return;
    }
  if (item->keep_with_next)
    {
      g_ptr_array_add (self->pending, item);
      return;
    }
  flush (self, item);
  item_free (item);
}

static void
submit_block (CrepitusPdfLayout *self,
              Block             *block,
              gboolean           keep_with_next)
{
  Item *item;

  if (block->kind == BLOCK_TEXT && block->lines->len == 0)
    {
      block_free (block);
      return;
    }
  if (self->box != NULL)
    {
      g_ptr_array_add (self->box->blocks, block);
      return;
    }
  item = item_new ();
  g_ptr_array_add (item->blocks, block);
  item->keep_with_next = keep_with_next;
  item->space_before = block->space_before;
  item->space_after = block->space_after;
  submit_item (self, item);
}

/* The width of the frame new blocks are wrapped to. */
static double
current_width (CrepitusPdfLayout *self)
{
  return frame_width (self) - 2 * self->inset;
}

static void
add_text (CrepitusPdfLayout *self,
          const Run         *runs,
          guint              n_runs,
          double             left,
          const char        *marker,
          CrepitusPdfStyle   marker_style,
          double             marker_x,
          double             space_before,
          double             space_after,
          gboolean           keep_with_next)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->lines = wrap_runs (self, runs, n_runs, left, current_width (self) - left,
                            marker, marker_style, marker_x);
  block->space_before = space_before;
  block->space_after = space_after;
  submit_block (self, block, keep_with_next);
}

/* Public API */

CrepitusPdfLayout *
crepitus_pdf_layout_new (double   width,
                         double   height,
                         GError **error)
{
  g_autoptr(CrepitusPdfLayout) self = g_new0 (CrepitusPdfLayout, 1);

  g_return_val_if_fail (width > MARGIN_LEFT + MARGIN_RIGHT + FIELD_LABEL, NULL);
  g_return_val_if_fail (height > MARGIN_TOP + MARGIN_BOTTOM, NULL);

  self->page_width = width;
  self->page_height = height;
  self->pages = g_ptr_array_new ();
  self->pending = g_ptr_array_new_with_free_func (item_free);

  self->doc = HPDF_New (on_hpdf_error, self);
  if (self->doc == NULL)
    {
      g_set_error_literal (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_PDF,
                           _("the PDF library could not start"));
      return NULL;
    }
  HPDF_SetCompressionMode (self->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (self->doc);
  HPDF_SetCurrentEncoder (self->doc, "UTF-8");
  if (!check_hpdf (self, error) || !load_fonts (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
crepitus_pdf_layout_free (CrepitusPdfLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->box, item_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  for (guint i = 0; i < N_FONTS; i++)
    if (self->faces[i] != NULL)
      FT_Done_Face (self->faces[i]);
  if (self->ft_library != NULL)
    FT_Done_FreeType (self->ft_library);
  if (self->doc != NULL)
    HPDF_Free (self->doc);
  g_free (self);
}

void
crepitus_pdf_layout_set_page_func (CrepitusPdfLayout   *self,
                                   CrepitusPdfPageFunc  func,
                                   gpointer             user_data)
{
  g_return_if_fail (self != NULL);

  self->page_func = func;
  self->page_data = user_data;
}

/* Document information is not drawn, so it only has to stay in the Basic Multilingual Plane
 * (libharu's limit) and free of control characters. */
static char *
info_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0xFFFF)
        c = 0xFFFD;
      else if (g_unichar_iscntrl (c))
        c = ' ';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
set_info_text (CrepitusPdfLayout *self,
               HPDF_InfoType      type,
               const char        *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL || *text == '\0')
    return;
  clean = info_text (text);
  HPDF_SetInfoAttr (self->doc, type, clean);
}

void
crepitus_pdf_layout_set_info (CrepitusPdfLayout *self,
                              const char        *title,
                              const char        *author,
                              const char        *subject,
                              const char        *creator,
                              GDateTime         *created)
{
  g_return_if_fail (self != NULL);

  set_info_text (self, HPDF_INFO_TITLE, title);
  set_info_text (self, HPDF_INFO_AUTHOR, author);
  set_info_text (self, HPDF_INFO_SUBJECT, subject);
  set_info_text (self, HPDF_INFO_CREATOR, creator);
  if (created != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (created);
      HPDF_Date date = {
        g_date_time_get_year (utc), g_date_time_get_month (utc),
        g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
        g_date_time_get_minute (utc), g_date_time_get_second (utc), 'Z', 0, 0,
      };

      HPDF_SetInfoDateAttr (self->doc, HPDF_INFO_CREATION_DATE, date);
    }
}

void
crepitus_pdf_layout_paragraph (CrepitusPdfLayout *self,
                               CrepitusPdfStyle   style,
                               const char        *text)
{
  Run run = { style, text };

  g_return_if_fail (self != NULL);
  g_return_if_fail (style < CREPITUS_PDF_N_STYLES);

  add_text (self, &run, 1, 0, NULL, style, 0, 0, styles[style].size * 0.55, FALSE);
}

void
crepitus_pdf_layout_lead_paragraph (CrepitusPdfLayout *self,
                                    const char        *lead,
                                    const char        *text)
{
  g_autofree char *lead_space = lead != NULL ? g_strconcat (lead, " ", NULL) : NULL;
  Run runs[] = {
    { CREPITUS_PDF_STYLE_STRONG, lead_space },
    { CREPITUS_PDF_STYLE_BODY, text },
  };

  g_return_if_fail (self != NULL);

  if (lead == NULL)
    add_text (self, runs + 1, 1, 0, NULL, 0, 0, 0, 6, FALSE);
  else
    add_text (self, runs, G_N_ELEMENTS (runs), 0, NULL, 0, 0, 0, 6, FALSE);
}

void
crepitus_pdf_layout_title (CrepitusPdfLayout *self,
                           const char        *text)
{
  Run run = { CREPITUS_PDF_STYLE_TITLE, text };

  g_return_if_fail (self != NULL);

  add_text (self, &run, 1, 0, NULL, 0, 0, 6, 8, TRUE);
}

void
crepitus_pdf_layout_heading (CrepitusPdfLayout *self,
                             CrepitusPdfStyle   style,
                             const char        *text)
{
  Run run = { style, text };

  g_return_if_fail (self != NULL);
  g_return_if_fail (style < CREPITUS_PDF_N_STYLES);

  add_text (self, &run, 1, 0, NULL, 0, 0, styles[style].size * 1.1, 4, TRUE);
}

void
crepitus_pdf_layout_bullet (CrepitusPdfLayout *self,
                            guint              level,
                            const char        *lead,
                            const char        *text)
{
  g_autofree char *lead_space = lead != NULL ? g_strconcat (lead, " ", NULL) : NULL;
  Run runs[] = {
    { CREPITUS_PDF_STYLE_STRONG, lead_space },
    { CREPITUS_PDF_STYLE_BODY, text },
  };
  double indent = MIN (level, 3) * BULLET_INDENT;
  const char *bullet = level == 0 ? "•" : "–";

  g_return_if_fail (self != NULL);

  if (lead == NULL)
    add_text (self, runs + 1, 1, indent + BULLET_HANG, bullet, CREPITUS_PDF_STYLE_BODY, indent,
              0, 3, FALSE);
  else if (text == NULL || *text == '\0')
    add_text (self, runs, 1, indent + BULLET_HANG, bullet, CREPITUS_PDF_STYLE_BODY, indent,
              0, 3, FALSE);
  else
    add_text (self, runs, G_N_ELEMENTS (runs), indent + BULLET_HANG, bullet,
              CREPITUS_PDF_STYLE_BODY, indent, 0, 3, FALSE);
}

void
crepitus_pdf_layout_field (CrepitusPdfLayout *self,
                           const char        *label,
                           const char        *value)
{
  g_autofree char *clean_label = NULL;
  Run run = { CREPITUS_PDF_STYLE_BODY, value };

  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);

  /* Measure the label as it will be drawn; sanitising here counts its substitutions once. */
  clean_label = crepitus_pdf_layout_sanitize (self, CREPITUS_PDF_STYLE_STRONG, label);
  if (text_width (self, CREPITUS_PDF_STYLE_STRONG, clean_label, -1) <= FIELD_LABEL - 8)
    add_text (self, &run, 1, FIELD_LABEL, clean_label, CREPITUS_PDF_STYLE_STRONG, 0, 0, 3, FALSE);
  else
    {
      /* A label too long for its column (a long translation) leads its value instead. */
      g_autofree char *lead = g_strconcat (clean_label, " ", NULL);
      Run runs[] = {
        { CREPITUS_PDF_STYLE_STRONG, lead },
        { CREPITUS_PDF_STYLE_BODY, value },
      };

      add_text (self, runs, G_N_ELEMENTS (runs), 0, NULL, 0, 0, 0, 3, FALSE);
    }
}

void
crepitus_pdf_layout_rule (CrepitusPdfLayout *self,
                          double             width)
{
  Block *block = g_new0 (Block, 1);

  g_return_if_fail (self != NULL);

  block->kind = BLOCK_RULE;
  block->height = 8;
  block->rule_width = width > 0 ? MIN (width, current_width (self)) : current_width (self);
  submit_block (self, block, FALSE);
}

void
crepitus_pdf_layout_space (CrepitusPdfLayout *self,
                           double             points)
{
  Block *block = g_new0 (Block, 1);

  g_return_if_fail (self != NULL);

  block->kind = BLOCK_SPACE;
  block->height = MAX (points, 0);
  submit_block (self, block, FALSE);
}

void
crepitus_pdf_layout_begin_box (CrepitusPdfLayout  *self,
                               CrepitusPdfBoxKind  kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->box == NULL);

  self->box = item_new ();
  self->box->is_box = TRUE;
  self->box->box_kind = kind;
  self->box->space_before = kind == CREPITUS_PDF_BOX_GROUP ? 6 : 12;
  self->box->space_after = kind == CREPITUS_PDF_BOX_GROUP ? 6 : 12;
  self->inset = box_inset (kind);
}

void
crepitus_pdf_layout_end_box (CrepitusPdfLayout *self)
{
  Item *box;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->box != NULL);

  box = g_steal_pointer (&self->box);
  self->inset = 0;
  if (box->blocks->len > 0)
    {
      const Block *first = box->blocks->pdata[0];
      const Block *last = box->blocks->pdata[box->blocks->len - 1];

      box->space_before = MAX (box->space_before, first->space_before);
      box->space_after = MAX (box->space_after, last->space_after);
    }
  submit_item (self, box);
}

/* @text, shortened with an ellipsis to at most @width points (in one pass: a name may be
 * thousands of characters long). */
static char *
fit_text (CrepitusPdfLayout *self,
          CrepitusPdfStyle   style,
          const char        *text,
          double             width)
{
  double ellipsis = text_width (self, style, "…", -1);
  g_autofree char *start = NULL;
  double used = 0;
  const char *p;

  if (text_width (self, style, text, -1) <= width)
    return g_strdup (text);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      double advance = text_width (self, style, p, g_utf8_next_char (p) - p);

      if (used + advance + ellipsis > width)
        break;
      used += advance;
    }
  start = g_strndup (text, p - text);
  return g_strconcat (g_strchomp (start), "…", NULL);
}

gboolean
crepitus_pdf_layout_finish (CrepitusPdfLayout  *self,
                            const char         *footer,
                            GError            **error)
{
  g_autofree char *clean_footer = NULL;
  double rule_y = MARGIN_BOTTOM - FOOTER_RULE;
  double baseline = MARGIN_BOTTOM - FOOTER_BASELINE;
  guint n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->box == NULL, FALSE);

  flush (self, NULL);
  n_pages = self->pages->len;
  clean_footer = crepitus_pdf_layout_sanitize (self, CREPITUS_PDF_STYLE_SMALL,
                                               footer != NULL ? footer : "");

  for (guint i = 0; i < n_pages; i++)
    {
      /* Translators: the page footer, e.g. "Page 1 of 2" */
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);
      g_autofree char *clean_number = crepitus_pdf_layout_sanitize (self, CREPITUS_PDF_STYLE_SMALL,
                                                                    number);
      double number_width = text_width (self, CREPITUS_PDF_STYLE_SMALL, clean_number, -1);
      g_autofree char *left = fit_text (self, CREPITUS_PDF_STYLE_SMALL, clean_footer,
                                        frame_width (self) - number_width - 24);

      self->page = self->pages->pdata[i];
      HPDF_Page_SetLineWidth (self->page, 0.6);
      set_stroke (self->page, &rule_grey);
      HPDF_Page_MoveTo (self->page, MARGIN_LEFT, rule_y);
      HPDF_Page_LineTo (self->page, self->page_width - MARGIN_RIGHT, rule_y);
      HPDF_Page_Stroke (self->page);
      if (*left != '\0')
        draw_text (self, CREPITUS_PDF_STYLE_SMALL, MARGIN_LEFT, baseline, left);
      draw_text (self, CREPITUS_PDF_STYLE_SMALL, self->page_width - MARGIN_RIGHT - number_width,
                 baseline, clean_number);
    }

  return check_hpdf (self, error);
}

GBytes *
crepitus_pdf_layout_save (CrepitusPdfLayout  *self,
                          GError            **error)
{
  HPDF_UINT32 size, read;
  guint8 *data;

  g_return_val_if_fail (self != NULL, NULL);

  if (HPDF_SaveToStream (self->doc) != HPDF_OK)
    {
      if (check_hpdf (self, error))
        g_set_error_literal (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_PDF,
                             _("the PDF library could not write the document"));
      return NULL;
    }
  if (!check_hpdf (self, error))
    return NULL;
  size = read = HPDF_GetStreamSize (self->doc);
  data = g_malloc (MAX (size, 1));
  if (size == 0 || HPDF_ReadFromStream (self->doc, data, &read) != HPDF_OK || read != size)
    {
      g_free (data);
      if (check_hpdf (self, error))
        g_set_error_literal (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_PDF,
                             _("the PDF library produced no document"));
      return NULL;
    }
  return g_bytes_new_take (data, size);
}

guint
crepitus_pdf_layout_get_n_pages (CrepitusPdfLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

guint
crepitus_pdf_layout_get_n_substituted (CrepitusPdfLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_substituted;
}
