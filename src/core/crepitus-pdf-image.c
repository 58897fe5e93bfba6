/* crepitus-pdf-image.c — PNG images made safe for libharu with libpng first
 *
 * libharu decodes a PNG with libpng, but its libpng error handler returns instead of jumping
 * out, which libpng answers by aborting the process: a damaged PNG given to libharu ends the
 * program, and one that fails part of the way leaves a half-made image in the document. It
 * also reads palette images of fewer than 8 bits with transparency past the end of their
 * rows. So an image is decoded here first, whole, with libpng's errors caught, onto white,
 * and written again as a plain 8-bit RGB PNG: that is all libharu is ever given.
 */
#define G_LOG_DOMAIN "crepitus-pdf-image"

#include "config.h"

#include <png.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crepitus-pdf-layout-private.h"

/* The size written in the header, looked at before libpng decodes anything: a forged header
 * then costs no memory. */
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

static gboolean
too_large (guint    width,
           guint    height,
           GError **error)
{
  if (width <= CREPITUS_PDF_IMAGE_MAX_SIDE && height <= CREPITUS_PDF_IMAGE_MAX_SIDE)
    return FALSE;
  g_set_error (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_IMAGE,
               /* Translators: %1$u × %2$u is the size of an image in pixels, %3$u the largest
                * side allowed */
               _("the image is %1$u × %2$u pixels; it may be at most %3$u pixels on each side"),
               width, height, (guint) CREPITUS_PDF_IMAGE_MAX_SIDE);
  return TRUE;
}

static void
set_damaged (GError     **error,
             const char  *reason)
{
  g_set_error (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_IMAGE,
               /* Translators: %s is the PNG library's reason, in English */
               _("the PNG image is damaged (%s)"), reason);
}

/* @pixels (RGB, @width × @height) averaged down to fit @max_width × @max_height with its
 * proportions kept, or %NULL when it fits already; the new size in @width and @height. */
static guint8 *
shrink (const guint8 *pixels,
        guint        *width,
        guint        *height,
        guint         max_width,
        guint         max_height)
{
  guint w = *width, h = *height, ow, oh;
  double scale;
  guint8 *out;

  if ((max_width == 0 || w <= max_width) && (max_height == 0 || h <= max_height))
    return NULL;
  scale = MIN (max_width > 0 ? (double) max_width / w : 1.0,
               max_height > 0 ? (double) max_height / h : 1.0);
  ow = MAX (1, (guint) (w * scale + 0.5));
  oh = MAX (1, (guint) (h * scale + 0.5));
  out = g_malloc ((gsize) ow * oh * 3);

  /* Each pixel of the result is the mean of the block of the original it covers. */
  for (guint oy = 0; oy < oh; oy++)
    {
      guint y0 = (guint) ((guint64) oy * h / oh);
      guint y1 = MAX (y0 + 1, (guint) ((guint64) (oy + 1) * h / oh));

      for (guint ox = 0; ox < ow; ox++)
        {
          guint x0 = (guint) ((guint64) ox * w / ow);
          guint x1 = MAX (x0 + 1, (guint) ((guint64) (ox + 1) * w / ow));
          guint64 sum[3] = { 0, 0, 0 };
          guint64 n = (guint64) (x1 - x0) * (y1 - y0);

          for (guint y = y0; y < y1; y++)
            for (guint x = x0; x < x1; x++)
              for (guint c = 0; c < 3; c++)
                sum[c] += pixels[((gsize) y * w + x) * 3 + c];
          for (guint c = 0; c < 3; c++)
            out[((gsize) oy * ow + ox) * 3 + c] = (guint8) ((sum[c] + n / 2) / n);
        }
    }
  *width = ow;
  *height = oh;
  return out;
}

GBytes *
crepitus_pdf_png_normalize (GBytes  *png,
                            guint    max_width,
                            guint    max_height,
                            guint   *width_out,
                            guint   *height_out,
                            GError **error)
{
  /* White: the paper the logo is printed on. */
  static const png_color white = { 255, 255, 255 };
  png_image image = { .version = PNG_IMAGE_VERSION };
  g_autofree guint8 *pixels = NULL;
  g_autofree guint8 *smaller = NULL;
  g_autofree guint8 *out = NULL;
  png_alloc_size_t out_size = 0;
  const guint8 *data;
  gsize size;
  guint width, height;

  g_return_val_if_fail (png != NULL, NULL);

  data = g_bytes_get_data (png, &size);
  if (size < 8 || png_sig_cmp (data, 0, 8) != 0)
    {
      g_set_error_literal (error, CREPITUS_PDF_LAYOUT_ERROR, CREPITUS_PDF_LAYOUT_ERROR_IMAGE,
                           _("it is not a PNG image"));
      return NULL;
    }
  if (header_dimensions (data, size, &width, &height) && too_large (width, height, error))
    return NULL;

  /* Decoded whole, whatever its kind (palette, grey, 16-bit, interlaced, transparent), to
   * 8-bit RGB on white... */
  if (!png_image_begin_read_from_memory (&image, data, size))
    {
      set_damaged (error, image.message);
      png_image_free (&image);
      return NULL;
    }
  if (too_large (image.width, image.height, error))
    {
      png_image_free (&image);
      return NULL;
    }
  image.format = PNG_FORMAT_RGB;
  pixels = g_try_malloc (PNG_IMAGE_SIZE (image));
  if (pixels == NULL)
    {
      png_image_free (&image);
      set_damaged (error, "out of memory");
      return NULL;
    }
  if (!png_image_finish_read (&image, &white, pixels, 0, NULL))
    {
      set_damaged (error, image.message);
      png_image_free (&image);
      return NULL;
    }

  /* ...no larger than it will be drawn... */
  width = image.width;
  height = image.height;
  png_image_free (&image);
  smaller = shrink (pixels, &width, &height, max_width, max_height);
  if (smaller != NULL)
    g_free (g_steal_pointer (&pixels));

  /* ...then written again as the simplest PNG there is: libharu draws it without a soft mask
   * and without meeting any of the kinds it mishandles. */
  memset (&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = PNG_FORMAT_RGB;
  if (!png_image_write_to_memory (&image, NULL, &out_size, FALSE,
                                  smaller != NULL ? smaller : pixels, 0, NULL) ||
      (out = g_try_malloc (out_size)) == NULL ||
      !png_image_write_to_memory (&image, out, &out_size, FALSE,
                                  smaller != NULL ? smaller : pixels, 0, NULL))
    {
      set_damaged (error, image.message[0] != '\0' ? image.message : "out of memory");
      png_image_free (&image);
      return NULL;
    }
  png_image_free (&image);

  if (width_out != NULL)
    *width_out = image.width;
  if (height_out != NULL)
    *height_out = image.height;
  return g_bytes_new_take (g_steal_pointer (&out), out_size);
}

CrepitusPdfImage *
crepitus_pdf_layout_load_png (CrepitusPdfLayout  *self,
                              GBytes             *png,
                              GError            **error)
{
  g_autoptr(GBytes) normal = NULL;
  HPDF_Image image;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (png != NULL, NULL);

  normal = crepitus_pdf_png_normalize (png, 0, 0, NULL, NULL, error);
  if (normal == NULL)
    return NULL;

  data = g_bytes_get_data (normal, &size);
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
