/* crepitus-pdf-fonts.c — the PDF layout's fonts and document: fontconfig, FreeType, libharu
 *
 * Fonts are found through fontconfig, never by path, and every character is checked against
 * the font with FreeType before it reaches libharu, which would draw a box for a missing
 * glyph and silently drop anything above U+FFFF. libharu reads each font's metrics and cmap
 * but keeps no copy of the file: crepitus-pdf-subset.c embeds the glyphs drawn, with the
 * font's /W, /CIDToGIDMap and /ToUnicode (the one libharu 2.3 writes is malformed).
 */
#define G_LOG_DOMAIN "crepitus-pdf-fonts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <fontconfig/fontconfig.h>

#include "crepitus-pdf-layout-private.h"

#define BLACK  { 0.0, 0.0, 0.0 }
#define GREY   { 0.33, 0.33, 0.33 }
#define ACCENT { 0.08, 0.27, 0.45 }

const Style crepitus_pdf_styles[CREPITUS_PDF_N_STYLES] = {
  [CREPITUS_PDF_STYLE_BODY] = { FONT_REGULAR, 12.0, 16.5, BLACK },
  [CREPITUS_PDF_STYLE_STRONG] = { FONT_BOLD, 12.0, 16.5, BLACK },
  [CREPITUS_PDF_STYLE_SMALL] = { FONT_REGULAR, 9.0, 12.0, GREY },
  [CREPITUS_PDF_STYLE_SMALL_STRONG] = { FONT_BOLD, 9.0, 12.0, BLACK },
  [CREPITUS_PDF_STYLE_SUBHEADING] = { FONT_BOLD, 13.0, 18.0, BLACK },
  [CREPITUS_PDF_STYLE_HEADING] = { FONT_BOLD, 15.0, 20.0, ACCENT },
  [CREPITUS_PDF_STYLE_TITLE] = { FONT_BOLD, 20.0, 26.0, BLACK },
  [CREPITUS_PDF_STYLE_BANNER] = { FONT_BOLD, 15.0, 20.0, BLACK },
  [CREPITUS_PDF_STYLE_ACTION] = { FONT_BOLD, 22.0, 28.0, BLACK },
  [CREPITUS_PDF_STYLE_COMPACT] = { FONT_REGULAR, 10.0, 12.5, BLACK },
  [CREPITUS_PDF_STYLE_COMPACT_STRONG] = { FONT_BOLD, 10.0, 12.5, BLACK },
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

/* Whether the face at @file, @index is DejaVu Sans in the weight of @id, as fontconfig would
 * have answered: what a remembered answer must still be. */
static gboolean
face_is (FT_Library  library,
         const char *file,
         int         index,
         FontId      id)
{
  FT_Face face;
  gboolean ok;

  if (FT_New_Face (library, file, index, &face) != 0)
    return FALSE;
  ok = g_strcmp0 (face->family_name, "DejaVu Sans") == 0 &&
       FT_IS_SFNT (face) && !FT_HAS_MULTIPLE_MASTERS (face) &&
       ((face->style_flags & FT_STYLE_FLAG_BOLD) != 0) == font_queries[id].bold &&
       (face->style_flags & FT_STYLE_FLAG_ITALIC) == 0;
  FT_Done_Face (face);
  return ok;
}

/* The answer remembered by crepitus-pdf-font-cache.c, when it still holds. */
static gboolean
find_cached_fonts (void)
{
  char *files[N_FONTS] = { NULL };
  int indexes[N_FONTS] = { 0 };
  FT_Library library = NULL;
  gboolean ok;

  if (!crepitus_pdf_font_cache_lookup (files, indexes))
    return FALSE;
  ok = FT_Init_FreeType (&library) == 0;
  if (!ok)
    library = NULL;
  for (guint i = 0; i < N_FONTS && ok; i++)
    ok = face_is (library, files[i], indexes[i], i);
  if (library != NULL)
    FT_Done_FreeType (library);
  for (guint i = 0; i < N_FONTS; i++)
    {
      if (ok)
        {
          font_files[i].file = files[i];
          font_files[i].index = indexes[i];
        }
      else
        g_free (files[i]);
    }
  return ok;
}

static gboolean
find_fonts (FontFile  *files,
            GError   **error)
{
  gboolean ok = TRUE;

  G_LOCK (font_files);
  if ((font_files[FONT_REGULAR].file == NULL || font_files[FONT_BOLD].file == NULL) &&
      !find_cached_fonts ())
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
      if (ok)
        {
          char *paths[N_FONTS];
          int indexes[N_FONTS];

          for (guint i = 0; i < N_FONTS; i++)
            {
              paths[i] = font_files[i].file;
              indexes[i] = font_files[i].index;
            }
          crepitus_pdf_font_cache_store (paths, indexes);
        }
      else
        crepitus_pdf_font_cache_forget ();
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

gboolean
crepitus_pdf_check_hpdf (CrepitusPdfLayout  *self,
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

/* HPDF_GetFont() for the UTF-8 encoder builds the CID font's /W and /CIDToGIDMap by looking
 * each of the 65,536 codes up in the font's cmap, one segment after another: two thirds of
 * the time a report took. crepitus_pdf_subset_fonts() replaces both with the characters
 * drawn, so the font is made while its cmap is, for the moment, a single empty segment (every
 * code to glyph 0); the real cmap, which measuring uses, is put back straight after. */
static HPDF_Font
get_font (CrepitusPdfLayout *self,
          const char        *name)
{
  static HPDF_UINT16 end_count = 0xFFFF, start_count = 0xFFFF, range_offset = 0;
  static HPDF_INT16 delta = 1;    /* 0xFFFF + 1: glyph 0 */
  HPDF_FontDef def = HPDF_GetFontDef (self->doc, name);
  HPDF_TTFontDefAttr attr;
  HPDF_TTF_CmapRange saved;
  HPDF_Font font;

  if (def == NULL || def->type != HPDF_FONTDEF_TYPE_TRUETYPE ||
      ((HPDF_TTFontDefAttr) def->attr)->cmap.format != 4)
    return HPDF_GetFont (self->doc, name, "UTF-8");

  attr = def->attr;
  saved = attr->cmap;
  attr->cmap.seg_count_x2 = 2;
  attr->cmap.end_count = &end_count;
  attr->cmap.start_count = &start_count;
  attr->cmap.id_delta = &delta;
  attr->cmap.id_range_offset = &range_offset;
  font = HPDF_GetFont (self->doc, name, "UTF-8");
  attr->cmap = saved;
  return font;
}

/* Reading a font for libharu from the mapped file: its own file reader asks stdio for every
 * two or four bytes of the tables, which was a fifth of a report's instructions. */
static HPDF_STATUS
mapped_read (HPDF_Stream  stream,
             HPDF_BYTE   *ptr,
             HPDF_UINT   *size)
{
  MappedFont *font = stream->attr;
  gsize length = g_mapped_file_get_length (font->file);
  gsize n = MIN ((gsize) *size, length - font->position);

  memcpy (ptr, g_mapped_file_get_contents (font->file) + font->position, n);
  font->position += n;
  if (n < *size)
    {
      *size = n;
      return HPDF_SetError (stream->error, HPDF_STREAM_EOF, 0);
    }
  return HPDF_OK;
}

static HPDF_STATUS
mapped_seek (HPDF_Stream     stream,
             HPDF_INT        position,
             HPDF_WhenceMode mode)
{
  MappedFont *font = stream->attr;
  gint64 length = g_mapped_file_get_length (font->file);
  gint64 target = position;

  if (mode == HPDF_SEEK_CUR)
    target += font->position;
  else if (mode == HPDF_SEEK_END)
    target += length;
  if (target < 0 || target > length)
    return HPDF_SetError (stream->error, HPDF_FILE_IO_ERROR, 0);
  font->position = target;
  return HPDF_OK;
}

static HPDF_INT32
mapped_tell (HPDF_Stream stream)
{
  MappedFont *font = stream->attr;

  return font->position;
}

static HPDF_UINT32
mapped_size (HPDF_Stream stream)
{
  MappedFont *font = stream->attr;

  return g_mapped_file_get_length (font->file);
}

/* Loads the TrueType face @index of @file into @self's document as libharu's
 * HPDF_LoadTTFontFromFile2() does (not embedded), from a mapping of the file; returns its
 * name in the document. */
static const char *
load_font_def (CrepitusPdfLayout *self,
               MappedFont        *font,
               const char        *file,
               int                index)
{
  HPDF_Stream stream;
  HPDF_FontDef def;

  font->file = g_mapped_file_new (file, FALSE, NULL);
  font->position = 0;
  if (font->file == NULL || g_mapped_file_get_length (font->file) > G_MAXINT32)
    return NULL;
  stream = HPDF_CallbackReader_New (self->doc->mmgr, mapped_read, mapped_seek, mapped_tell,
                                    mapped_size, font);
  if (stream == NULL)
    return NULL;
  /* The definition reads what it needs and frees the stream: the font is not embedded. */
  def = index == 0 ? HPDF_TTFontDef_Load (self->doc->mmgr, stream, HPDF_FALSE) :
                     HPDF_TTFontDef_Load2 (self->doc->mmgr, stream, index, HPDF_FALSE);
  if (def == NULL)
    return NULL;
  if (HPDF_Doc_RegisterFontDef (self->doc, def) != HPDF_OK)
    return NULL;
  return def->base_font;
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

      self->font_files[i] = files[i].file;
      self->font_indexes[i] = files[i].index;
      /* Not embedded by libharu: crepitus_pdf_subset_fonts() embeds what is drawn. */
      name = load_font_def (self, &self->mapped[i], files[i].file, files[i].index);
      if (name != NULL)
        self->fonts[i] = get_font (self, name);
      if (name == NULL || self->fonts[i] == NULL || !crepitus_pdf_check_hpdf (self, NULL))
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

gboolean
crepitus_pdf_document_open (CrepitusPdfLayout  *self,
                            GError            **error)
{
  self->doc = HPDF_New (on_hpdf_error, self);
  if (self->doc == NULL)
    {
      g_set_error_literal (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_PDF,
                           _("the PDF library could not start"));
      return FALSE;
    }
  HPDF_SetCompressionMode (self->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (self->doc);
  HPDF_SetCurrentEncoder (self->doc, "UTF-8");
  return crepitus_pdf_check_hpdf (self, error) && load_fonts (self, error);
}

void
crepitus_pdf_document_close (CrepitusPdfLayout *self)
{
  for (guint i = 0; i < N_FONTS; i++)
    if (self->faces[i] != NULL)
      FT_Done_Face (self->faces[i]);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->mapped[i].file, g_mapped_file_unref);
  if (self->ft_library != NULL)
    FT_Done_FreeType (self->ft_library);
  if (self->doc != NULL)
    HPDF_Free (self->doc);
}

/* Text coverage */

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

  face = self->faces[crepitus_pdf_styles[style].font];
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
