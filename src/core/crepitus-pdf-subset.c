/* crepitus-pdf-subset.c — each font embedded with only the glyphs a report draws
 *
 * libharu embeds a TrueType font whole in its tables (glyph names, hinting, a cmap of every
 * character) and gives its CID font a width for every character the font has and a
 * CIDToGIDMap of 65,536 entries: about 90 KB a DejaVu face, in every report. Before the
 * document is written, each font is cut to the characters drawn (noted by the layout as it
 * draws): HarfBuzz's subsetter makes the font file, and the CID font's /W, /CIDToGIDMap and
 * /ToUnicode are rewritten for those characters only, through libharu's own dictionaries.
 * libharu then finds the font descriptor made and writes it as it is. Text keeps its codes
 * (each character's code point, libharu's Identity-H), so what the layout measured and drew
 * is untouched.
 */
#define G_LOG_DOMAIN "crepitus-pdf-subset"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <hb-subset.h>

#include "crepitus-pdf-layout-private.h"

void
crepitus_pdf_subset_note_text (CrepitusPdfLayout *self,
                               guint              font,
                               const char        *text)
{
  guint8 *used = self->used[font];

  /* Sanitised text: valid UTF-8 in the Basic Multilingual Plane. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c <= 0xFFFF)
        used[c >> 3] |= 1 << (c & 7);
    }
}

/* The code points drawn in @font, ascending; a space when none is (the font stays valid). */
static GArray *
used_characters (CrepitusPdfLayout *self,
                 guint              font)
{
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (guint16));

  for (guint c = 0; c <= 0xFFFF; c++)
    if (self->used[font][c >> 3] & (1 << (c & 7)))
      {
        guint16 code = c;

        g_array_append_val (chars, code);
      }
  if (chars->len == 0)
    {
      guint16 space = ' ';

      g_array_append_val (chars, space);
    }
  return chars;
}

/* Six capital letters naming the subset (ISO 32000 9.6.4), the same for the same characters,
 * so that the same input still gives the same bytes. */
static void
subset_tag (GArray *chars,
            guint   font,
            char    tag[7])
{
  guint32 hash = 2166136261u ^ font;

  for (guint i = 0; i < chars->len; i++)
    hash = (hash ^ g_array_index (chars, guint16, i)) * 16777619u;
  for (guint i = 0; i < 6; i++)
    {
      tag[i] = 'A' + hash % 26;
      hash /= 26;
    }
  tag[6] = '\0';
}

static hb_blob_t *
make_subset (const char  *file,
             int          index,
             GArray      *chars,
             GArray      *gids)
{
  static const hb_tag_t dropped[] = {
    /* Shaping and kerning tables: a PDF viewer draws the glyphs it is given. */
    HB_TAG ('G', 'S', 'U', 'B'), HB_TAG ('G', 'P', 'O', 'S'), HB_TAG ('G', 'D', 'E', 'F'),
    HB_TAG ('k', 'e', 'r', 'n'), HB_TAG ('g', 'a', 's', 'p'), HB_TAG ('h', 'd', 'm', 'x'),
    HB_TAG ('V', 'D', 'M', 'X'), HB_TAG ('L', 'T', 'S', 'H'),
  };
  hb_blob_t *blob = hb_blob_create_from_file_or_fail (file);
  hb_face_t *face = NULL;
  hb_face_t *subset = NULL;
  hb_font_t *font = NULL;
  hb_subset_input_t *input = NULL;
  hb_blob_t *result = NULL;

  if (blob == NULL)
    return NULL;
  face = hb_face_create (blob, index);
  input = hb_subset_input_create_or_fail ();
  if (input == NULL)
    goto out;
  for (guint i = 0; i < chars->len; i++)
    hb_set_add (hb_subset_input_unicode_set (input), g_array_index (chars, guint16, i));
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), dropped[i]);
  /* Hinting is for screens at small sizes; PDF viewers scale outlines. Glyph names go too
   * (the default): /ToUnicode says what each glyph is. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING);

  subset = hb_subset_or_fail (face, input);
  if (subset == NULL)
    goto out;

  font = hb_font_create (subset);
  for (guint i = 0; i < chars->len; i++)
    {
      hb_codepoint_t gid = 0;
      guint16 value;

      /* A character the font lacks was substituted before it was drawn; 0 is .notdef. */
      hb_font_get_nominal_glyph (font, g_array_index (chars, guint16, i), &gid);
      value = gid;
      g_array_append_val (gids, value);
    }
  result = hb_face_reference_blob (subset);

out:
  if (font != NULL)
    hb_font_destroy (font);
  if (subset != NULL)
    hb_face_destroy (subset);
  if (input != NULL)
    hb_subset_input_destroy (input);
  hb_face_destroy (face);
  hb_blob_destroy (blob);
  return result;
}

/* /W: the width of each character drawn, consecutive codes grouped as `c [w1 w2 …]`. */
static gboolean
set_widths (HPDF_Font  font,
            HPDF_Dict  descendant,
            GArray    *chars)
{
  HPDF_Array widths = HPDF_Array_New (descendant->mmgr);
  HPDF_Array run = NULL;
  guint previous = G_MAXUINT;

  if (widths == NULL || HPDF_Dict_Add (descendant, "W", widths) != HPDF_OK)
    return FALSE;
  for (guint i = 0; i < chars->len; i++)
    {
      guint c = g_array_index (chars, guint16, i);

      if (run == NULL || c != previous + 1)
        {
          run = HPDF_Array_New (descendant->mmgr);
          if (run == NULL ||
              HPDF_Array_AddNumber (widths, c) != HPDF_OK ||
              HPDF_Array_Add (widths, run) != HPDF_OK)
            return FALSE;
        }
      if (HPDF_Array_AddNumber (run, HPDF_Font_GetUnicodeWidth (font, c)) != HPDF_OK)
        return FALSE;
      previous = c;
    }
  return TRUE;
}

/* A new stream object in @xref, as @parent's @key (replacing what it held); compressed. */
static HPDF_Dict
new_stream (HPDF_Dict   parent,
            HPDF_Xref   xref,
            const char *key)
{
  HPDF_Dict stream = HPDF_DictStream_New (parent->mmgr, xref);

  if (stream == NULL || HPDF_Dict_Add (parent, key, stream) != HPDF_OK)
    return NULL;
  stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return stream;
}

/* /CIDToGIDMap: two bytes a code, up to the highest drawn, each the glyph in the subset. */
static gboolean
set_cid_to_gid_map (HPDF_Dict  descendant,
                    HPDF_Xref  xref,
                    GArray    *chars,
                    GArray    *gids)
{
  guint n = g_array_index (chars, guint16, chars->len - 1) + 1;
  g_autofree guint8 *map = g_malloc0 (n * 2);
  HPDF_Dict stream = new_stream (descendant, xref, "CIDToGIDMap");

  if (stream == NULL)
    return FALSE;
  for (guint i = 0; i < chars->len; i++)
    {
      guint c = g_array_index (chars, guint16, i);
      guint gid = g_array_index (gids, guint16, i);

      map[2 * c] = gid >> 8;
      map[2 * c + 1] = gid & 0xFF;
    }
  return HPDF_Stream_Write (stream->stream, map, n * 2) == HPDF_OK;
}

/* /ToUnicode: each code drawn to its character. The one libharu 2.3 attaches is a copy of its
 * encoding CMap, with a "begincidrange" that a ToUnicode map cannot hold (poppler warns about
 * it on every page, and copy and paste is left to guess); its content is replaced, or a map
 * added when there is none. */
static gboolean
set_to_unicode (HPDF_Font  font,
                HPDF_Xref  xref,
                GArray    *chars)
{
  /* The keys of an encoding CMap's stream, which a ToUnicode stream has no use for. */
  static const char * const cmap_keys[] = { "Type", "CMapName", "CIDSystemInfo", "WMode" };
  HPDF_Dict cmap = HPDF_Dict_GetItem (font, "ToUnicode", HPDF_OCLASS_DICT);
  g_autoptr(GString) text = g_string_new ("/CIDInit /ProcSet findresource begin\n"
                                          "12 dict begin\n"
                                          "begincmap\n"
                                          "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
                                          "/Supplement 0 >> def\n"
                                          "/CMapName /Adobe-Identity-UCS def\n"
                                          "/CMapType 2 def\n"
                                          "1 begincodespacerange\n"
                                          "<0000> <FFFF>\n"
                                          "endcodespacerange\n");

  /* At most 100 entries a block. */
  for (guint i = 0; i < chars->len; i += 100)
    {
      guint count = MIN (100, chars->len - i);

      g_string_append_printf (text, "%u beginbfchar\n", count);
      for (guint j = i; j < i + count; j++)
        {
          guint c = g_array_index (chars, guint16, j);

          g_string_append_printf (text, "<%04X> <%04X>\n", c, c);
        }
      g_string_append (text, "endbfchar\n");
    }
  g_string_append (text, "endcmap\n"
                         "CMapName currentdict /CMap defineresource pop\n"
                         "end\n"
                         "end\n");

  if (cmap != NULL && cmap->stream != NULL)
    {
      HPDF_MemStream_FreeData (cmap->stream);
      for (guint i = 0; i < G_N_ELEMENTS (cmap_keys); i++)
        HPDF_Dict_RemoveElement (cmap, cmap_keys[i]);   /* absent is fine */
      cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    }
  else if ((cmap = new_stream (font, xref, "ToUnicode")) == NULL)
    return FALSE;
  return HPDF_Stream_WriteStr (cmap->stream, text->str) == HPDF_OK;
}

/* The font descriptor, with the subset as /FontFile2: libharu makes one only when it has
 * none, from the whole font. */
static gboolean
set_descriptor (HPDF_Font  font,
                HPDF_Xref  xref,
                hb_blob_t *subset)
{
  HPDF_FontAttr attr = (HPDF_FontAttr) font->attr;
  HPDF_FontDef def = attr->fontdef;
  HPDF_TTFontDefAttr def_attr = (HPDF_TTFontDefAttr) def->attr;
  HPDF_Dict descriptor = HPDF_Dict_New (font->mmgr);
  HPDF_Dict data;
  unsigned int length;
  const char *bytes = hb_blob_get_data (subset, &length);
  HPDF_STATUS ret = HPDF_OK;

  if (descriptor == NULL || HPDF_Xref_Add (xref, descriptor) != HPDF_OK)
    return FALSE;
  data = new_stream (descriptor, xref, "FontFile2");
  if (data == NULL)
    return FALSE;
  ret += HPDF_Stream_Write (data->stream, (const HPDF_BYTE *) bytes, length);
  ret += HPDF_Dict_AddNumber (data, "Length1", length);

  ret += HPDF_Dict_AddName (descriptor, "Type", "FontDescriptor");
  ret += HPDF_Dict_AddNumber (descriptor, "Ascent", def->ascent);
  ret += HPDF_Dict_AddNumber (descriptor, "Descent", def->descent);
  ret += HPDF_Dict_AddNumber (descriptor, "Flags", def->flags);
  ret += HPDF_Dict_Add (descriptor, "FontBBox", HPDF_Box_Array_New (font->mmgr, def->font_bbox));
  ret += HPDF_Dict_AddName (descriptor, "FontName", def_attr->base_font);
  ret += HPDF_Dict_AddNumber (descriptor, "ItalicAngle", def->italic_angle);
  ret += HPDF_Dict_AddNumber (descriptor, "StemV", def->stemv);
  ret += HPDF_Dict_AddNumber (descriptor, "XHeight", def->x_height);
  if (ret != HPDF_OK)
    return FALSE;
  def->descriptor = descriptor;
  return TRUE;
}

static gboolean
subset_font (CrepitusPdfLayout *self,
             guint              id,
             const char        *file,
             int                index)
{
  HPDF_Font font = self->fonts[id];
  HPDF_FontAttr attr = (HPDF_FontAttr) font->attr;
  HPDF_TTFontDefAttr def_attr = (HPDF_TTFontDefAttr) attr->fontdef->attr;
  g_autoptr(GArray) chars = used_characters (self, id);
  g_autoptr(GArray) gids = g_array_new (FALSE, FALSE, sizeof (guint16));
  g_autofree char *name = NULL;
  hb_blob_t *subset;
  char tag[7];
  gboolean ok;

  subset = make_subset (file, index, chars, gids);
  if (subset == NULL)
    return FALSE;

  /* The subset's name: TAG+Name, which libharu also gives the Type 0 font. */
  subset_tag (chars, id, tag);
  name = g_strdup_printf ("%s+%s", tag, def_attr->base_font);
  g_strlcpy (def_attr->base_font, name, sizeof def_attr->base_font);

  ok = set_widths (font, attr->descendant_font, chars) &&
       set_cid_to_gid_map (attr->descendant_font, attr->xref, chars, gids) &&
       set_to_unicode (font, attr->xref, chars) &&
       set_descriptor (font, attr->xref, subset) &&
       crepitus_pdf_check_hpdf (self, NULL);
  hb_blob_destroy (subset);
  return ok;
}

gboolean
crepitus_pdf_subset_fonts (CrepitusPdfLayout  *self,
                           GError            **error)
{
  for (guint i = 0; i < N_FONTS; i++)
    if (!subset_font (self, i, self->font_files[i], self->font_indexes[i]))
      {
        g_set_error (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_FONT,
                     /* Translators: %s is a font file */
                     _("the glyphs of the font file %s could not be embedded"),
                     self->font_files[i]);
        return FALSE;
      }
  return TRUE;
}
