/* fuzz-logo.c — libFuzzer target: any bytes as a clinic logo. What the check accepts, libharu
 * draws in a PDF that is finished without an error; what it refuses comes with a reason. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "crepitus-pdf-layout.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A broken promise is a finding: the fuzzer reports the abort with its input. */
static void
check (gboolean    holds,
       const char *what)
{
  if (!holds)
    {
      g_printerr ("fuzz-logo: %s\n", what);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GBytes) normal = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(CrepitusPdfLayout) layout = NULL;
  CrepitusPdfImage *image;
  guint width = 0, height = 0, width_again = 0, height_again = 0;

  normal = crepitus_pdf_png_normalize (bytes, 0, 0, &width, &height, &error);
  if (normal == NULL)
    {
      check (error != NULL && error->message[0] != '\0', "a refusal without a reason");
      return 0;
    }
  check (width >= 1 && width <= CREPITUS_PDF_IMAGE_MAX_SIDE, "width out of range");
  check (height >= 1 && height <= CREPITUS_PDF_IMAGE_MAX_SIDE, "height out of range");

  /* What it writes, it reads again, the same size. */
  again = crepitus_pdf_png_normalize (normal, 0, 0, &width_again, &height_again, &error);
  check (again != NULL, "its own output refused");
  check (width_again == width && height_again == height, "its own output changed size");
  g_clear_pointer (&again, g_bytes_unref);
  /* Made smaller, it keeps within the box and its proportions. */
  again = crepitus_pdf_png_normalize (bytes, 64, 16, &width_again, &height_again, &error);
  check (again != NULL, "refused when made smaller");
  check (width_again <= MAX (64, 1) && height_again <= 16 && width_again >= 1 &&
         height_again >= 1, "not made to fit");

  layout = crepitus_pdf_layout_new (595.276, 841.89, &error);
  check (layout != NULL, "no layout (fonts)");
  image = crepitus_pdf_layout_load_png (layout, bytes, &error);
  check (image != NULL, "accepted, then not loaded");
  crepitus_pdf_layout_image (layout, image, 160, 48);
  crepitus_pdf_layout_paragraph (layout, CREPITUS_PDF_STYLE_BODY, "Clinic");
  check (crepitus_pdf_layout_finish (layout, "fuzz-logo", &error), "libharu reported an error");
  pdf = crepitus_pdf_layout_save (layout, &error);
  check (pdf != NULL && g_bytes_get_size (pdf) > 0, "no PDF");
  return 0;
}
