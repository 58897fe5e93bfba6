/* crepitus-pdf-layout.h — flowing text on PDF pages with libharu: wrap, headings, boxes, pages */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CREPITUS_PDF_LAYOUT_ERROR (crepitus_pdf_layout_error_quark ())

typedef enum
{
  CREPITUS_PDF_LAYOUT_ERROR_FONT,   /* a font was not found or could not be loaded */
  CREPITUS_PDF_LAYOUT_ERROR_PDF,    /* libharu reported an error */
  CREPITUS_PDF_LAYOUT_ERROR_IMAGE,  /* an image that is not a PNG, is damaged or too large */
} CrepitusPdfLayoutError;

/* The largest width and height of an image, in pixels. */
#define CREPITUS_PDF_IMAGE_MAX_SIDE 4000

/* The text styles; each is one font, size, leading and colour. */
typedef enum
{
  CREPITUS_PDF_STYLE_BODY,          /* 12 pt regular */
  CREPITUS_PDF_STYLE_STRONG,        /* 12 pt bold */
  CREPITUS_PDF_STYLE_SMALL,         /* 9 pt regular, grey: page headers and footers */
  CREPITUS_PDF_STYLE_SMALL_STRONG,  /* 9 pt bold */
  CREPITUS_PDF_STYLE_SUBHEADING,    /* 13 pt bold */
  CREPITUS_PDF_STYLE_HEADING,       /* 15 pt bold, accent colour */
  CREPITUS_PDF_STYLE_TITLE,         /* 20 pt bold */
  CREPITUS_PDF_STYLE_BANNER,        /* 15 pt bold */
  CREPITUS_PDF_STYLE_ACTION,        /* 22 pt bold: what to do now, the largest on a page */
  CREPITUS_PDF_STYLE_COMPACT,       /* 10 pt regular, tightly led: a table that must fit */
  CREPITUS_PDF_STYLE_COMPACT_STRONG, /* 10 pt bold, tightly led */
  CREPITUS_PDF_N_STYLES
} CrepitusPdfStyle;

/* How a box is drawn. */
typedef enum
{
  CREPITUS_PDF_BOX_GROUP,     /* no border: only kept on one page when it fits */
  CREPITUS_PDF_BOX_OUTLINE,   /* a red border: the safety net */
  CREPITUS_PDF_BOX_ALERT,     /* a thick red border on a tinted ground */
  CREPITUS_PDF_BOX_WARNING,   /* a thick amber border on a tinted ground */
  CREPITUS_PDF_BOX_NOTICE,    /* a thick blue border on a tinted ground */
  CREPITUS_PDF_BOX_NEUTRAL,   /* a thick grey border on a tinted ground */
  CREPITUS_PDF_BOX_CALM,      /* a thick green border on a tinted ground */
} CrepitusPdfBoxKind;

typedef struct _CrepitusPdfLayout CrepitusPdfLayout;

/* An image loaded into a layout's document; owned by the document. */
typedef struct _CrepitusPdfImage CrepitusPdfImage;

/* Draws what starts every page (a running header), at the top of page @page_number (from 1). */
typedef void (*CrepitusPdfPageFunc) (CrepitusPdfLayout *layout,
                                     guint              page_number,
                                     gpointer           user_data);

/* Draws on @page (an HPDF_Page) inside the rectangle @width × @height points whose top left
 * corner is (@left, @top) in PDF coordinates (y grows upwards). */
typedef void (*CrepitusPdfDrawFunc) (CrepitusPdfLayout *layout,
                                     gpointer           page,
                                     double             left,
                                     double             top,
                                     double             width,
                                     double             height,
                                     gpointer           user_data);

/* The domain of CrepitusPdfLayoutError. */
GQuark             crepitus_pdf_layout_error_quark (void);

/* A new document of pages @width × @height points, with DejaVu Sans and Sans Bold embedded. */
CrepitusPdfLayout *crepitus_pdf_layout_new        (double              width,
                                                   double              height,
                                                   GError            **error);
/* Frees @self and its document. */
void               crepitus_pdf_layout_free       (CrepitusPdfLayout  *self);

/* Calls @func at the top of every new page, before anything else is placed on it. */
void               crepitus_pdf_layout_set_page_func (CrepitusPdfLayout  *self,
                                                      CrepitusPdfPageFunc func,
                                                      gpointer            user_data);

/* Sets the document information; @created is the creation date (UTC is written). */
void               crepitus_pdf_layout_set_info   (CrepitusPdfLayout  *self,
                                                   const char         *title,
                                                   const char         *author,
                                                   const char         *subject,
                                                   const char         *creator,
                                                   GDateTime          *created);

/* @text with every character the font of @style lacks, and every one above U+FFFF, replaced
 * by a visible substitute; each replacement is counted. Text placed on the page goes through
 * this already; call it to count text once that is drawn on every page. */
char              *crepitus_pdf_layout_sanitize   (CrepitusPdfLayout  *self,
                                                   CrepitusPdfStyle    style,
                                                   const char         *text);

/* A paragraph in @style; a newline in @text starts a new line. */
void               crepitus_pdf_layout_paragraph  (CrepitusPdfLayout  *self,
                                                   CrepitusPdfStyle    style,
                                                   const char         *text);

/* A body paragraph that starts with @lead in bold (@lead may be %NULL). */
void               crepitus_pdf_layout_lead_paragraph (CrepitusPdfLayout *self,
                                                       const char        *lead,
                                                       const char        *text);

/* A document title. */
void               crepitus_pdf_layout_title      (CrepitusPdfLayout  *self,
                                                   const char         *text);

/* A section heading, kept on the same page as what follows it. */
void               crepitus_pdf_layout_heading    (CrepitusPdfLayout  *self,
                                                   CrepitusPdfStyle    style,
                                                   const char         *text);

/* A bulleted item at @level (0 or 1), starting with @lead in bold when not %NULL. */
void               crepitus_pdf_layout_bullet     (CrepitusPdfLayout  *self,
                                                   guint               level,
                                                   const char         *lead,
                                                   const char         *text);

/* A label in a left column and its value wrapped beside it. */
void               crepitus_pdf_layout_field      (CrepitusPdfLayout  *self,
                                                   const char         *label,
                                                   const char         *value);

/* A row of a two-column table: @label in @label_style, right-aligned in a column @label_width
 * points wide (so that each row reads back as one line), @value in @value_style wrapped
 * beside it. */
void               crepitus_pdf_layout_table_row  (CrepitusPdfLayout  *self,
                                                   double              label_width,
                                                   CrepitusPdfStyle    label_style,
                                                   const char         *label,
                                                   CrepitusPdfStyle    value_style,
                                                   const char         *value);
/* The @label_width of crepitus_pdf_layout_table_row() that holds the widest of @labels
 * (%NULL-terminated, valid UTF-8 the fonts cover, such as catalog text) in @label_style, at
 * least @min_width: each row's value then starts at the same place, whatever the language. */
double             crepitus_pdf_layout_label_width (CrepitusPdfLayout *self,
                                                    CrepitusPdfStyle   label_style,
                                                    const char * const *labels,
                                                    double             min_width);

/* A horizontal line @width points long (0 for the whole width). */
void               crepitus_pdf_layout_rule       (CrepitusPdfLayout  *self,
                                                   double              width);

/* @png decoded whole with libpng (at most CREPITUS_PDF_IMAGE_MAX_SIDE pixels on each side),
 * put on white, made to fit @max_width × @max_height pixels (0: any) with its proportions
 * kept, and written again as a plain 8-bit RGB PNG, the only kind given to libharu. Its size
 * comes out in @width and @height (may be %NULL); %NULL with @error set, in words for the
 * person who chose the file, when it is not a PNG, is damaged or too large. */
GBytes            *crepitus_pdf_png_normalize     (GBytes             *png,
                                                   guint               max_width,
                                                   guint               max_height,
                                                   guint              *width,
                                                   guint              *height,
                                                   GError            **error);

/* Loads @png, through crepitus_pdf_png_normalize(), into @self's document; %NULL with @error
 * set when it cannot be used (the document is unharmed). */
CrepitusPdfImage  *crepitus_pdf_layout_load_png   (CrepitusPdfLayout  *self,
                                                   GBytes             *png,
                                                   GError            **error);

/* @image at the left of the frame, scaled to fit @max_width × @max_height points with its
 * proportions kept (never enlarged beyond one pixel a point). */
void               crepitus_pdf_layout_image      (CrepitusPdfLayout  *self,
                                                   CrepitusPdfImage   *image,
                                                   double              max_width,
                                                   double              max_height);
/* A drawing @height points high across the frame, kept on one page: @func draws it when it
 * is placed; @destroy (may be %NULL) frees @user_data once the layout is done with it. */
void               crepitus_pdf_layout_drawing    (CrepitusPdfLayout  *self,
                                                   double              height,
                                                   CrepitusPdfDrawFunc func,
                                                   gpointer            user_data,
                                                   GDestroyNotify      destroy);

/* What follows starts a new page, unless nothing is on the current one yet. Not in a box. */
void               crepitus_pdf_layout_page_break (CrepitusPdfLayout  *self);

/* Vertical space (dropped at the top of a page). */
void               crepitus_pdf_layout_space      (CrepitusPdfLayout  *self,
                                                   double              points);

/* What follows until crepitus_pdf_layout_end_box() is one box, kept on one page when it
 * fits on one. Boxes do not nest. */
void               crepitus_pdf_layout_begin_box  (CrepitusPdfLayout  *self,
                                                   CrepitusPdfBoxKind  kind);
/* Ends the box begun by crepitus_pdf_layout_begin_box() and places it. */
void               crepitus_pdf_layout_end_box    (CrepitusPdfLayout  *self);

/* Draws the footer of every page (@footer on the left, "Page N of M" on the right) and
 * checks that libharu reported no error. Call it once, after the content. */
gboolean           crepitus_pdf_layout_finish     (CrepitusPdfLayout  *self,
                                                   const char         *footer,
                                                   GError            **error);

/* The finished document as bytes. */
GBytes            *crepitus_pdf_layout_save       (CrepitusPdfLayout  *self,
                                                   GError            **error);

/* Number of pages so far. */
guint              crepitus_pdf_layout_get_n_pages (CrepitusPdfLayout *self);

/* Number of characters replaced by a substitute so far. */
guint              crepitus_pdf_layout_get_n_substituted (CrepitusPdfLayout *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrepitusPdfLayout, crepitus_pdf_layout_free)

G_END_DECLS
