/* crepitus-pdf-layout-private.h — what the PDF layout's files share: the layout, its lines
 *
 * crepitus-pdf-fonts.c finds the fonts, checks glyph coverage and sets up the libharu document;
 * crepitus-pdf-subset.c embeds only the glyphs drawn;
 * crepitus-pdf-text.c measures text and wraps it into lines; crepitus-pdf-layout.c places the
 * lines on pages and draws them.
 */
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hpdf.h>

#include "crepitus-pdf-layout.h"

G_BEGIN_DECLS

/* Lengths closer than this, in points, are equal: widths are sums of floating-point advances. */
#define CREPITUS_PDF_EPSILON 0.01

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

/* The font, size, leading and colour of each CrepitusPdfStyle (crepitus-pdf-fonts.c). */
extern const Style crepitus_pdf_styles[CREPITUS_PDF_N_STYLES];

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

/* Text in one style, as given to the layout (not yet sanitised). */
typedef struct
{
  CrepitusPdfStyle  style;
  const char       *text;
} Run;

/* A font file mapped for libharu to read, and where it reads (crepitus-pdf-fonts.c). */
typedef struct
{
  GMappedFile *file;
  gsize        position;
} MappedFont;

/* What is placed on pages (crepitus-pdf-layout.c). */
typedef struct _Item Item;

struct _CrepitusPdfLayout
{
  HPDF_Doc             doc;
  HPDF_Font            fonts[N_FONTS];
  double               ascent[N_FONTS];     /* per point of size */
  double               descent[N_FONTS];    /* per point of size, positive */
  FT_Library           ft_library;
  FT_Face              faces[N_FONTS];
  const char          *font_files[N_FONTS]; /* fontconfig's answer, kept for the process */
  int                  font_indexes[N_FONTS];
  MappedFont           mapped[N_FONTS];
  guint8               used[N_FONTS][0x10000 / 8];  /* a bit per code point drawn */
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

/* crepitus-pdf-fonts.c */

/* Creates @self's libharu document and loads the fonts into it and into FreeType. */
gboolean   crepitus_pdf_document_open  (CrepitusPdfLayout  *self,
                                        GError            **error);
/* Frees what crepitus_pdf_document_open() made, also after it failed part of the way. */
void       crepitus_pdf_document_close (CrepitusPdfLayout  *self);
/* Whether libharu has reported no error so far; sets @error when it has. */
gboolean   crepitus_pdf_check_hpdf     (CrepitusPdfLayout  *self,
                                        GError            **error);

/* crepitus-pdf-font-cache.c */

/* The font files fontconfig answered before, when nothing it depends on has changed since:
 * the files (newly allocated) and face indexes of FONT_REGULAR and FONT_BOLD. */
gboolean   crepitus_pdf_font_cache_lookup (char         **files,
                                           int           *indexes);
/* Remembers fontconfig's answer for the next process; quietly nothing when it cannot. */
void       crepitus_pdf_font_cache_store  (char * const  *files,
                                           const int     *indexes);
/* Drops the remembered answer. */
void       crepitus_pdf_font_cache_forget (void);

/* crepitus-pdf-subset.c */

/* Notes the characters of @text (sanitised) as drawn in @font. */
void       crepitus_pdf_subset_note_text (CrepitusPdfLayout  *self,
                                          guint               font,
                                          const char         *text);
/* Embeds in each font only the glyphs of the characters drawn; before the document is saved. */
gboolean   crepitus_pdf_subset_fonts   (CrepitusPdfLayout  *self,
                                        GError            **error);

/* crepitus-pdf-text.c */

/* The advance of @text (already sanitised) in @style, in points; @length in bytes, or -1. */
double     crepitus_pdf_text_width     (CrepitusPdfLayout  *self,
                                        CrepitusPdfStyle    style,
                                        const char         *text,
                                        gssize              length);
/* Wraps @runs into lines (Line *) of @width points starting @left points into the frame;
 * @marker (a bullet or a label) is put at @marker_x on the first line. */
GPtrArray *crepitus_pdf_text_wrap      (CrepitusPdfLayout  *self,
                                        const Run          *runs,
                                        guint               n_runs,
                                        double              left,
                                        double              width,
                                        const char         *marker,
                                        CrepitusPdfStyle    marker_style,
                                        double              marker_x);

G_END_DECLS
