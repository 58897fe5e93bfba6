/* crepitus-test-logo.h — clinic logos for the tests: PNG files made here, and the images of a
 * PDF listed by `pdfimages -list` (poppler-utils) */
#pragma once

#include <png.h>
#include <string.h>

#include <glib/gstdio.h>

G_BEGIN_DECLS

/* Writes a @width × @height RGBA PNG to @path: a blue ground with a white bar. */
static inline void
crepitus_test_write_png (const char *path,
                         guint       width,
                         guint       height)
{
  png_image image = { 0 };
  g_autofree guint8 *pixels = g_malloc ((gsize) width * height * 4);

  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        guint8 *p = pixels + ((gsize) y * width + x) * 4;
        gboolean bar = y > height / 3 && y < 2 * height / 3;

        p[0] = bar ? 255 : 0x35;
        p[1] = bar ? 255 : 0x84;
        p[2] = bar ? 255 : 0xe4;
        p[3] = 255;
      }
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = PNG_FORMAT_RGBA;
  g_assert_true (png_image_write_to_file (&image, path, 0, pixels, 0, NULL));
}

/* Writes a @width × @height PNG of one of libpng's simplified formats to @path, half of it
 * transparent when the format has alpha: a 1-bit palette with transparency
 * (PNG_FORMAT_RGBA_COLORMAP), grey and alpha (PNG_FORMAT_GA), 16-bit RGBA
 * (PNG_FORMAT_LINEAR_RGB_ALPHA)… */
static inline void
crepitus_test_write_png_format (const char *path,
                                guint       width,
                                guint       height,
                                png_uint_32 format)
{
  png_image image = { 0 };
  g_autofree guint8 *pixels = NULL;
  guint8 colormap[2 * 4] = { 0x1a, 0x5f, 0xb4, 255, 255, 255, 255, 0 };

  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = format;
  if (format & PNG_FORMAT_FLAG_COLORMAP)
    image.colormap_entries = 2;
  pixels = g_malloc0 (PNG_IMAGE_SIZE (image));
  if (format & PNG_FORMAT_FLAG_COLORMAP)
    for (gsize i = 0; i < (gsize) width * height; i++)
      pixels[i] = (i % width) < width / 2 ? 0 : 1;
  else
    {
      gsize bytes = PNG_IMAGE_SAMPLE_COMPONENT_SIZE (format);
      gsize channels = PNG_IMAGE_SAMPLE_CHANNELS (format);

      for (gsize i = 0; i < (gsize) width * height; i++)
        for (gsize c = 0; c < channels * bytes; c++)
          /* Opaque dark on the left half, clear on the right. */
          pixels[i * channels * bytes + c] =
            (format & PNG_FORMAT_FLAG_ALPHA) && c / bytes == channels - 1 ?
            ((i % width) < width / 2 ? 255 : 0) : 0x30;
    }
  g_assert_true (png_image_write_to_file (&image, path, 0, pixels, 0,
                                          (format & PNG_FORMAT_FLAG_COLORMAP) ? colormap : NULL));
}

/* Writes the first @length bytes of @source to @path (a PNG cut short). */
static inline void
crepitus_test_truncate_copy (const char *source,
                             const char *path,
                             gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize size;

  g_file_get_contents (source, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, <, size);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* The images (not their soft masks) of the PDF at @path as `pdfimages -list` reads them:
 * "PAGE WIDTHxHEIGHT" each, or %NULL when pdfimages is not installed. */
static inline GStrv
crepitus_test_pdf_images (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) images = g_strv_builder_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *pdfimages = g_find_program_in_path ("pdfimages");
  const char *argv[] = { pdfimages, "-list", path, NULL };
  int status;

  if (pdfimages == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (err, ==, "");

  lines = g_strsplit (out, "\n", -1);
  /* Two lines of header, then: page num type width height color comp bpc enc … */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint j = 0; fields[j] != NULL; j++)
        if (*fields[j] != '\0')
          g_ptr_array_add (words, fields[j]);
      if (words->len < 5 || !g_str_equal (words->pdata[2], "image"))
        continue;
      {
        g_autofree char *image = g_strdup_printf ("%s %sx%s", (char *) words->pdata[0],
                                                  (char *) words->pdata[3],
                                                  (char *) words->pdata[4]);

        g_strv_builder_add (images, image);
      }
    }
  return g_strv_builder_end (images);
}

G_END_DECLS
