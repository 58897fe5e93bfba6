/* crepitus-pdf-layout.c — flowing text on PDF pages with libharu: wrap, headings, boxes, pages
 *
 * libharu draws text at a given position and nothing more: it has no line breaking that
 * understands UTF-8 (HPDF_Page_MeasureText splits multi-byte characters), no paragraphs,
 * lists or pagination. So this is a small layout engine of our own: text is broken into
 * words, measured with the font's own advance widths (the same widths libharu writes into
 * the PDF) and wrapped into lines (crepitus-pdf-text.c), and the lines are placed on pages
 * here, starting a new page when one is full. A heading stays with the first lines after it,
 * a box stays on one page when it fits on one, and the footer ("Page N of M") is drawn once
 * the number of pages is known: libharu keeps every page open, so drawing on an earlier page
 * later is fine.
 *
 * The fonts, their glyph coverage and the libharu document are set up in crepitus-pdf-fonts.c.
 */
#define G_LOG_DOMAIN "crepitus-pdf-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-locale.h"
#include "crepitus-pdf-layout-private.h"

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

static const Color rule_grey = { 0.65, 0.65, 0.65 };

typedef enum
{
  BLOCK_TEXT,
  BLOCK_RULE,
  BLOCK_SPACE,
  BLOCK_IMAGE,
  BLOCK_DRAWING,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  GPtrArray *lines;          /* Line *, for BLOCK_TEXT */
  double     height;         /* for BLOCK_RULE, BLOCK_SPACE, BLOCK_IMAGE and BLOCK_DRAWING */
  double     rule_width;     /* for BLOCK_RULE and BLOCK_DRAWING; 0 for the whole width */
  HPDF_Image image;          /* for BLOCK_IMAGE, owned by the document */
  double     image_width;
  CrepitusPdfDrawFunc draw_func;   /* for BLOCK_DRAWING */
  gpointer            draw_data;
  GDestroyNotify      draw_destroy;
  double     space_before;
  double     space_after;
} Block;

/* What is placed on pages: a single block that may break anywhere between lines, or a box of
 * blocks kept on one page when it fits. */
struct _Item
{
  GPtrArray          *blocks;        /* Block * */
  gboolean            is_box;
  CrepitusPdfBoxKind  box_kind;
  gboolean            keep_with_next;
  double              space_before;
  double              space_after;
};

G_DEFINE_QUARK (crepitus-pdf-layout-error-quark, crepitus_pdf_layout_error)

/* Blocks and items */

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->lines, g_ptr_array_unref);
  if (block->draw_destroy != NULL)
    block->draw_destroy (block->draw_data);
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
    case CREPITUS_PDF_BOX_NOTICE:
    case CREPITUS_PDF_BOX_NEUTRAL:
    case CREPITUS_PDF_BOX_CALM:
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

void
crepitus_pdf_layout_draw_text (CrepitusPdfLayout *self,
                               CrepitusPdfStyle   style,
                               const Color       *color,
                               double             x,
                               double             baseline,
                               const char        *text)
{
  const Style *s = &crepitus_pdf_styles[style];

  /* After any libharu error nothing more is drawn; crepitus_pdf_check_hpdf() reports it. */
  if (self->page == NULL)
    return;
  HPDF_Page_BeginText (self->page);
  HPDF_Page_SetFontAndSize (self->page, self->fonts[s->font], s->size);
  set_fill (self->page, color != NULL ? color : &s->color);
  HPDF_Page_TextOut (self->page, x, baseline, text);
  /* Every glyph drawn is one the font's subset keeps. */
  crepitus_pdf_subset_note_text (self, s->font, text);
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

      crepitus_pdf_layout_draw_text (self, segment->style, NULL, left + segment->x, baseline,
                                     segment->text);
    }
}

static void
draw_box (CrepitusPdfLayout  *self,
          CrepitusPdfBoxKind  kind,
          double              top,
          double              bottom,
          gboolean            filled)
{
  /* Border and ground of each kind; the outline of the safety net has no ground. */
  static const struct
  {
    Color line;
    Color fill;
  } colours[] = {
    [CREPITUS_PDF_BOX_OUTLINE] = { { 0.70, 0.10, 0.10 }, { 1.0, 1.0, 1.0 } },
    [CREPITUS_PDF_BOX_ALERT] = { { 0.70, 0.10, 0.10 }, { 0.99, 0.91, 0.91 } },
    [CREPITUS_PDF_BOX_WARNING] = { { 0.72, 0.45, 0.0 }, { 1.0, 0.95, 0.84 } },
    [CREPITUS_PDF_BOX_NOTICE] = { { 0.08, 0.33, 0.62 }, { 0.90, 0.94, 0.99 } },
    [CREPITUS_PDF_BOX_NEUTRAL] = { { 0.40, 0.40, 0.45 }, { 0.94, 0.94, 0.95 } },
    [CREPITUS_PDF_BOX_CALM] = { { 0.15, 0.50, 0.25 }, { 0.91, 0.97, 0.92 } },
  };
  double line_width = box_line_width (kind);
  double half = line_width / 2;
  const Color *fill = NULL;

  if (kind == CREPITUS_PDF_BOX_GROUP || self->page == NULL)
    return;

  HPDF_Page_SetLineWidth (self->page, line_width);
  set_stroke (self->page, &colours[kind].line);
  if (filled && kind != CREPITUS_PDF_BOX_OUTLINE)
    fill = &colours[kind].fill;
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

  /* libharu refuses every page once it has met an error (a document information string too
   * long, say): stop drawing there; the error is reported when the document is finished. */
  self->page = self->error_no == HPDF_OK ? HPDF_AddPage (self->doc) : NULL;
  if (self->page == NULL)
    {
      self->y = self->page_height - MARGIN_TOP;
      self->at_top = TRUE;
      return;
    }
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
  return self->y - height >= MARGIN_BOTTOM - CREPITUS_PDF_EPSILON;
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

  if (block->kind == BLOCK_IMAGE)
    {
      if (!fits (self, block->height) && !self->at_top)
        new_page (self);
      if (self->page != NULL)
        HPDF_Page_DrawImage (self->page, block->image, MARGIN_LEFT + left,
                             self->y - block->height, block->image_width, block->height);
      self->y -= block->height;
    }
  else if (block->kind == BLOCK_RULE)
    {
      double y;

      if (!fits (self, block->height) && !self->at_top)
        new_page (self);
      y = self->y - block->height / 2;
      if (self->page == NULL)
        return;
      HPDF_Page_SetLineWidth (self->page, 0.6);
      set_stroke (self->page, &rule_grey);
      HPDF_Page_MoveTo (self->page, MARGIN_LEFT + left, y);
      HPDF_Page_LineTo (self->page, MARGIN_LEFT + left + block->rule_width, y);
      HPDF_Page_Stroke (self->page);
      self->y -= block->height;
    }
  else if (block->kind == BLOCK_DRAWING)
    {
      if (!fits (self, block->height) && !self->at_top)
        new_page (self);
      if (self->page != NULL)
        {
          HPDF_Page_GSave (self->page);
          block->draw_func (self, self->page, MARGIN_LEFT + left, self->y, block->rule_width,
                            block->height, block->draw_data);
          HPDF_Page_GRestore (self->page);
        }
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
  block->lines = crepitus_pdf_text_wrap (self, runs, n_runs, left, current_width (self) - left,
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
  if (!crepitus_pdf_document_open (self, error))
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
  crepitus_pdf_document_close (self);
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

  add_text (self, &run, 1, 0, NULL, style, 0, 0, crepitus_pdf_styles[style].size * 0.55, FALSE);
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

  add_text (self, &run, 1, 0, NULL, 0, 0, crepitus_pdf_styles[style].size * 1.1, 4, TRUE);
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

/* A label and its value beside it; with @right_aligned the label ends just before the value,
 * so that text read back from the page keeps each row together. */
static void
add_row (CrepitusPdfLayout *self,
         double             label_width,
         CrepitusPdfStyle   label_style,
         const char        *label,
         CrepitusPdfStyle   value_style,
         const char        *value,
         gboolean           right_aligned,
         double             space_after)
{
  g_autofree char *clean_label = NULL;
  Run run = { value_style, value };
  double width;

  /* Measure the label as it will be drawn; sanitising here counts its substitutions once. */
  clean_label = crepitus_pdf_layout_sanitize (self, label_style, label);
  width = crepitus_pdf_text_width (self, label_style, clean_label, -1);
  if (width <= label_width - 8)
    add_text (self, &run, 1, label_width, clean_label, label_style,
              right_aligned ? label_width - 8 - width : 0, 0, space_after, FALSE);
  else
    {
      /* A label too long for its column (a long translation) leads its value instead. */
      g_autofree char *lead = g_strconcat (clean_label, " ", NULL);
      Run runs[] = {
        { label_style, lead },
        { value_style, value },
      };

      add_text (self, runs, G_N_ELEMENTS (runs), 0, NULL, 0, 0, 0, space_after, FALSE);
    }
}

void
crepitus_pdf_layout_field (CrepitusPdfLayout *self,
                           const char        *label,
                           const char        *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);

  add_row (self, FIELD_LABEL, CREPITUS_PDF_STYLE_STRONG, label, CREPITUS_PDF_STYLE_BODY, value,
           FALSE, 3);
}

void
crepitus_pdf_layout_table_row (CrepitusPdfLayout *self,
                               double             label_width,
                               CrepitusPdfStyle   label_style,
                               const char        *label,
                               CrepitusPdfStyle   value_style,
                               const char        *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (label_style < CREPITUS_PDF_N_STYLES && value_style < CREPITUS_PDF_N_STYLES);

  add_row (self, CLAMP (label_width, 0, current_width (self) / 2 + FIELD_LABEL), label_style,
           label, value_style, value, TRUE, 1.5);
}

double
crepitus_pdf_layout_label_width (CrepitusPdfLayout  *self,
                                 CrepitusPdfStyle    label_style,
                                 const char * const *labels,
                                 double              min_width)
{
  double width = min_width;

  g_return_val_if_fail (self != NULL, min_width);
  g_return_val_if_fail (label_style < CREPITUS_PDF_N_STYLES, min_width);

  /* add_row()'s gap of 8 points between the label and its value, and a point to spare. */
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    width = MAX (width, crepitus_pdf_text_width (self, label_style, labels[i], -1) + 9);
  return width;
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
crepitus_pdf_layout_image (CrepitusPdfLayout *self,
                           CrepitusPdfImage  *image,
                           double             max_width,
                           double             max_height)
{
  Block *block;
  double width, height, scale;

  g_return_if_fail (self != NULL);
  g_return_if_fail (image != NULL);

  width = HPDF_Image_GetWidth ((HPDF_Image) image);
  height = HPDF_Image_GetHeight ((HPDF_Image) image);
  if (width <= 0 || height <= 0)
    return;
  scale = MIN (1.0, MIN (MIN (max_width, current_width (self)) / width, max_height / height));

  block = g_new0 (Block, 1);
  block->kind = BLOCK_IMAGE;
  block->image = (HPDF_Image) image;
  block->image_width = width * scale;
  block->height = height * scale;
  block->space_after = 4;
  submit_block (self, block, FALSE);
}

void
crepitus_pdf_layout_page_break (CrepitusPdfLayout *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->box == NULL);

  flush (self, NULL);
  if (!self->at_top)
    new_page (self);
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
crepitus_pdf_layout_drawing (CrepitusPdfLayout   *self,
                             double               height,
                             CrepitusPdfDrawFunc  func,
                             gpointer             user_data,
                             GDestroyNotify       destroy)
{
  Block *block = g_new0 (Block, 1);

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  block->kind = BLOCK_DRAWING;
  block->height = CLAMP (height, 0, text_area_height (self));
  block->rule_width = current_width (self);
  block->draw_func = func;
  block->draw_data = user_data;
  block->draw_destroy = destroy;
  block->space_before = 6;
  block->space_after = 6;
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
  double ellipsis = crepitus_pdf_text_width (self, style, "…", -1);
  g_autofree char *start = NULL;
  double used = 0;
  const char *p;

  if (crepitus_pdf_text_width (self, style, text, -1) <= width)
    return g_strdup (text);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      double advance = crepitus_pdf_text_width (self, style, p, g_utf8_next_char (p) - p);

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
      g_autofree char *number = g_strdup_printf (R_("Page %u of %u"), i + 1, n_pages);
      g_autofree char *clean_number = crepitus_pdf_layout_sanitize (self, CREPITUS_PDF_STYLE_SMALL,
                                                                    number);
      double number_width = crepitus_pdf_text_width (self, CREPITUS_PDF_STYLE_SMALL,
                                                     clean_number, -1);
      g_autofree char *left = fit_text (self, CREPITUS_PDF_STYLE_SMALL, clean_footer,
                                        frame_width (self) - number_width - 24);

      self->page = self->pages->pdata[i];
      HPDF_Page_SetLineWidth (self->page, 0.6);
      set_stroke (self->page, &rule_grey);
      HPDF_Page_MoveTo (self->page, MARGIN_LEFT, rule_y);
      HPDF_Page_LineTo (self->page, self->page_width - MARGIN_RIGHT, rule_y);
      HPDF_Page_Stroke (self->page);
      if (*left != '\0')
        crepitus_pdf_layout_draw_text (self, CREPITUS_PDF_STYLE_SMALL, NULL, MARGIN_LEFT, baseline,
                                       left);
      crepitus_pdf_layout_draw_text (self, CREPITUS_PDF_STYLE_SMALL, NULL,
                                     self->page_width - MARGIN_RIGHT - number_width, baseline,
                                     clean_number);
    }

  return crepitus_pdf_check_hpdf (self, error);
}

GBytes *
crepitus_pdf_layout_save (CrepitusPdfLayout  *self,
                          GError            **error)
{
  HPDF_UINT32 size, read;
  guint8 *data;

  g_return_val_if_fail (self != NULL, NULL);

  if (!crepitus_pdf_subset_fonts (self, error))
    return NULL;
  if (HPDF_SaveToStream (self->doc) != HPDF_OK)
    {
      if (crepitus_pdf_check_hpdf (self, error))
        g_set_error_literal (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_PDF,
                             _("the PDF library could not write the document"));
      return NULL;
    }
  if (!crepitus_pdf_check_hpdf (self, error))
    return NULL;
  size = read = HPDF_GetStreamSize (self->doc);
  data = g_malloc (MAX (size, 1));
  if (size == 0 || HPDF_ReadFromStream (self->doc, data, &read) != HPDF_OK || read != size)
    {
      g_free (data);
      if (crepitus_pdf_check_hpdf (self, error))
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
