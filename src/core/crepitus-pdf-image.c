/* crepitus-pdf-image.c — PNG images checked with libpng before libharu is given them
 *
 * libharu decodes a PNG with libpng but its libpng error handler returns instead of jumping
 * out, which libpng answers by aborting the process: a damaged PNG given to libharu ends the
 * program, and one that fails part of the way leaves a half-made image in the document. So
 * an image is decoded here first, whole, the way libharu will decode it (the same libpng
 * calls, 16-bit samples stripped to 8), with libpng's errors caught; only an image that
 * decodes cleanly reaches libharu.
 */
#define G_LOG_DOMAIN "crepitus-pdf-image"

#include "config.h"

#include <png.h>
#include <setjmp.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crepitus-pdf-layout-private.h"

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
  char         *message;   /* libpng's first error */
} Reader;

static void
on_png_error (png_structp      png,
              png_const_charp  message)
{
  Reader *reader = png_get_error_ptr (png);

  if (reader->message == NULL)
    reader->message = g_strdup (message);
  png_longjmp (png, 1);
}

static void
on_png_warning (png_structp      png,
                png_const_charp  message)
{
  /* A warning leaves the image usable, as it does in libharu. */
}

static void
on_png_read (png_structp png,
             png_bytep   out,
             png_size_t  length)
{
  Reader *reader = png_get_io_ptr (png);

  if (length > reader->size - reader->offset)
    png_error (png, "the file ends in the middle of the image");
  memcpy (out, reader->data + reader->offset, length);
  reader->offset += length;
}

/* Decodes every row of the PNG in @reader; the dimensions come out in @width and @height.
 * Returns 0, 1 when libpng failed (@reader->message says why), 2 when the image is too
 * large. Kept apart from its caller, so that nothing the caller owns lives across setjmp. */
static int
decode (Reader *reader,
        guint  *width,
        guint  *height)
{
  png_structp png;
  png_infop info = NULL;
  png_bytep volatile row = NULL;
  volatile int status = 0;

  png = png_create_read_struct (PNG_LIBPNG_VER_STRING, reader, on_png_error, on_png_warning);
  if (png == NULL)
    return 1;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_read_struct (&png, NULL, NULL);
      return 1;
    }

  if (setjmp (png_jmpbuf (png)) != 0)
    {
      status = 1;
      goto out;
    }

  png_set_read_fn (png, reader, on_png_read);
  /* Never allocate for more than the image can hold: a forged header is refused here. */
  png_set_user_limits (png, CREPITUS_PDF_IMAGE_MAX_SIDE, CREPITUS_PDF_IMAGE_MAX_SIDE);
  png_read_info (png, info);
  *width = png_get_image_width (png, info);
  *height = png_get_image_height (png, info);
  if (*width > CREPITUS_PDF_IMAGE_MAX_SIDE || *height > CREPITUS_PDF_IMAGE_MAX_SIDE)
    {
      status = 2;
      goto out;
    }
  if (png_get_bit_depth (png, info) == 16)
    png_set_strip_16 (png);
  {
    int passes = png_set_interlace_handling (png);

    png_read_update_info (png, info);
    row = png_malloc (png, png_get_rowbytes (png, info));
    for (int pass = 0; pass < passes; pass++)
      for (guint y = 0; y < *height; y++)
        png_read_row (png, row, NULL);
  }

out:
  if (row != NULL)
    png_free (png, row);
  png_destroy_read_struct (&png, &info, NULL);
  return status;
}

/* libpng refuses a header wider or taller than its user limits before reading on. */
static gboolean
header_dimensions (const guint8 *data,
                   gsize         size,
                   guint        *width,
                   guint        *height)
{
  /* The signature, then the IHDR chunk: length, type, width, height (big-endian). */
  if (size < 24 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;
  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
  return TRUE;
}

gboolean
crepitus_pdf_png_check (GBytes  *png,
                        guint   *width_out,
                        guint   *height_out,
                        GError **error)
{
  Reader reader = { 0 };
  guint width = 0, height = 0;
  int status;

  g_return_val_if_fail (png != NULL, FALSE);

  reader.data = g_bytes_get_data (png, &reader.size);
  if (reader.size < 8 || png_sig_cmp (reader.data, 0, 8) != 0)
    {
      g_set_error_literal (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_IMAGE,
                           _("it is not a PNG image"));
      return FALSE;
    }
  if (header_dimensions (reader.data, reader.size, &width, &height) &&
      (width > CREPITUS_PDF_IMAGE_MAX_SIDE || height > CREPITUS_PDF_IMAGE_MAX_SIDE))
    status = 2;
  else
    status = decode (&reader, &width, &height);

  if (status == 2)
    g_set_error (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_IMAGE,
                 /* Translators: %1$u × %2$u is the size of an image in pixels, %3$u the largest
                  * side allowed */
                 _("the image is %1$u × %2$u pixels; it may be at most %3$u pixels on each side"),
                 width, height, (guint) CREPITUS_PDF_IMAGE_MAX_SIDE);
  else if (status != 0)
    g_set_error (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_IMAGE,
                 /* Translators: %s is the PNG library's reason, in English */
                 _("the PNG image is damaged (%s)"),
                 reader.message != NULL ? reader.message : "out of memory");
  g_free (reader.message);
  if (status != 0)
    return FALSE;

  if (width_out != NULL)
    *width_out = width;
  if (height_out != NULL)
    *height_out = height;
  return TRUE;
}

CrepitusPdfImage *
crepitus_pdf_layout_load_png (CrepitusPdfLayout  *self,
                              GBytes             *png,
                              GError            **error)
{
  HPDF_Image image;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (png != NULL, NULL);

  if (!crepitus_pdf_png_check (png, NULL, NULL, error))
    return NULL;

  data = g_bytes_get_data (png, &size);
  image = HPDF_LoadPngImageFromMem (self->doc, data, (HPDF_UINT) size);
  if (image == NULL)
    {
      /* Not expected after the check; the document goes on without the image. */
      HPDF_ResetError (self->doc);
      self->error_no = HPDF_OK;
      self->error_detail = 0;
      g_set_error_literal (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_IMAGE,
                           _("the PDF library could not read the image"));
      return NULL;
    }
  return (CrepitusPdfImage *) image;
}
