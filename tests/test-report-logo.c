/* test-report-logo.c — the clinic's logo and details in the report header, from the settings
 *
 * Real PNG files (made with libpng), real settings (the memory backend), real PDFs read back
 * with poppler and `pdfimages`. A logo that cannot be used is a message naming the file and
 * what is wrong, and the report is made without it.
 */
#include "config.h"

#include "crepitus-report-settings.h"
#include "crepitus-settings.h"
#include "crepitus-test-logo.h"
#include "crepitus-test-pdf.h"

typedef struct
{
  char      *dir;
  GSettings *settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("crepitus-logo-XXXXXX", &error);
  g_assert_no_error (error);
  f->settings = crepitus_settings_new ();
  g_assert_nonnull (f->settings);
  g_ptr_array_set_size (poppler_messages, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *keys[] = { "clinic-name", "clinic-address", "clinic-phone", "clinic-logo",
                         "emergency-number", "paper-size", NULL };

  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (f->settings, keys[i]);
  assert_poppler_quiet ();
  g_clear_object (&f->settings);
  crepitus_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The patient handout made as the command line and the window make it: from the settings. */
static char *
handout_from_settings (Fixture                *f,
                       CrepitusReportSettings *settings,
                       CrepitusReportStats    *stats)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT };

  crepitus_report_settings_load (settings);
  crepitus_report_settings_apply (settings, &options);
  return write_report_in (f->dir, assessment, &options, "handout.pdf", stats);
}

static void
test_logo_and_clinic_in_header (Fixture       *f,
                                gconstpointer  data)
{
  g_auto(CrepitusReportSettings) settings = { 0 };
  g_autofree char *logo = g_build_filename (f->dir, "logo.png", NULL);
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autoptr(Document) document = NULL;
  g_autoptr(Page) page = NULL;
  g_auto(GStrv) images = NULL;
  GList *mapping;
  double width, height;
  const char *header[] = { "Clinica del Sol", "12 Calle Mayor, Sevilla", "Phone 955 000 111",
                           NULL };
  CrepitusReportStats stats = { 0 };

  crepitus_test_write_png (logo, 600, 200);
  g_settings_set_string (f->settings, "clinic-name", "Clinica del Sol");
  g_settings_set_string (f->settings, "clinic-address", "12 Calle Mayor\nSevilla");
  g_settings_set_string (f->settings, "clinic-phone", "955 000 111");
  g_settings_set_string (f->settings, "clinic-logo", logo);
  g_settings_set_string (f->settings, "emergency-number", "112");
  g_settings_set_string (f->settings, "paper-size", "letter");

  path = handout_from_settings (f, &settings, &stats);
  g_assert_no_error (settings.logo_error);
  g_assert_false (stats.logo_left_out);

  document = open_pdf (path);
  first = page_text (document, 0);
  assert_in_order (first, header);
  assert_contains (first, "Call 112");
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.5);

  /* The logo on the page, scaled into the header: at most 160 × 48 points, in proportion. */
  mapping = poppler_page_get_image_mapping (page);
  g_assert_cmpuint (g_list_length (mapping), ==, 1);
  {
    PopplerImageMapping *image = mapping->data;
    double w = image->area.x2 - image->area.x1, h = image->area.y2 - image->area.y1;

    g_assert_cmpfloat_with_epsilon (w, 144, 0.5);
    g_assert_cmpfloat_with_epsilon (h, 48, 0.5);
    /* In the header, above the clinic's name. */
    g_assert_cmpfloat (image->area.y1, <, 100);
  }
  poppler_page_free_image_mapping (mapping);

  images = crepitus_test_pdf_images (path);
  if (images == NULL)
    {
      g_test_skip ("pdfimages (poppler-utils) is not installed");
      return;
    }
  /* On every page, whole: 600 × 200 pixels. */
  g_assert_cmpuint (g_strv_length (images), ==, poppler_document_get_n_pages (document));
  g_assert_cmpstr (images[0], ==, "1 600x200");
}

/* Every kind of PNG is drawn, on white: libharu is given each as plain RGB (it reads a small
 * palette with transparency past the end of its rows, and aborts on a damaged file). */
static void
test_kinds (Fixture       *f,
            gconstpointer  data)
{
  static const struct { const char *name; png_uint_32 format; } kinds[] = {
    { "palette-1-bit-transparent", PNG_FORMAT_RGBA_COLORMAP },
    { "grey-alpha", PNG_FORMAT_GA },
    { "grey", PNG_FORMAT_GRAY },
    { "rgba-16-bit", PNG_FORMAT_LINEAR_RGB_ALPHA },
    { "bgr", PNG_FORMAT_BGR },
  };
  g_autoptr(CrepitusAssessment) assessment = load_example ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *file = g_strconcat (kinds[i].name, ".png", NULL);
      g_autofree char *logo = g_build_filename (f->dir, file, NULL);
      g_autofree char *pdf_name = g_strconcat (kinds[i].name, ".pdf", NULL);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(Document) document = NULL;
      g_autoptr(Page) page = NULL;
      g_auto(GStrv) images = NULL;
      CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT };
      CrepitusReportStats stats = { 0 };
      GList *mapping;

      g_test_message ("%s", kinds[i].name);
      crepitus_test_write_png_format (logo, 97, 31, kinds[i].format);
      bytes = crepitus_report_logo_load (logo, &error);
      g_assert_no_error (error);
      options.clinic_logo = bytes;
      path = write_report_in (f->dir, assessment, &options, pdf_name, &stats);
      g_assert_false (stats.logo_left_out);
      document = open_pdf (path);
      page = poppler_document_get_page (document, 0);
      mapping = poppler_page_get_image_mapping (page);
      g_assert_cmpuint (g_list_length (mapping), ==, 1);
      poppler_page_free_image_mapping (mapping);
      images = crepitus_test_pdf_images (path);
      if (images != NULL)
        g_assert_cmpstr (images[0], ==, "1 97x31");
    }
}

/* A large logo is kept at 300 pixels an inch of the header's box (160 × 48 points): every
 * report then carries 400 × 200 pixels, not 4000 × 2000. */
static void
test_large_logo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autofree char *logo = g_build_filename (f->dir, "large.png", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Document) document = NULL;
  g_autoptr(Page) page = NULL;
  g_auto(GStrv) images = NULL;
  CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT };
  PopplerImageMapping *image;
  GList *mapping;

  crepitus_test_write_png (logo, 4000, 2000);
  bytes = crepitus_report_logo_load (logo, &error);
  g_assert_no_error (error);
  options.clinic_logo = bytes;
  path = write_report_in (f->dir, assessment, &options, "handout.pdf", NULL);
  document = open_pdf (path);
  page = poppler_document_get_page (document, 0);
  mapping = poppler_page_get_image_mapping (page);
  g_assert_cmpuint (g_list_length (mapping), ==, 1);
  image = mapping->data;
  g_assert_cmpfloat_with_epsilon (image->area.x2 - image->area.x1, 96, 0.5);
  g_assert_cmpfloat_with_epsilon (image->area.y2 - image->area.y1, 48, 0.5);
  poppler_page_free_image_mapping (mapping);
  images = crepitus_test_pdf_images (path);
  if (images != NULL)
    g_assert_cmpstr (images[0], ==, "1 400x200");
}

typedef struct
{
  const char *name;
  const char *reason;   /* in the message */
} Broken;

/* Makes the broken logo @name in @dir and returns its path. */
static char *
make_broken (const char *dir,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  if (g_str_equal (name, "missing.png"))
    return path;
  if (g_str_equal (name, "text.png"))
    g_file_set_contents (path, "not a picture\n", -1, &error);
  else if (g_str_equal (name, "truncated.png"))
    {
      g_autofree char *whole = g_build_filename (dir, "whole.png", NULL);

      crepitus_test_write_png (whole, 400, 300);
      crepitus_test_truncate_copy (whole, path, 200);
    }
  else if (g_str_equal (name, "huge.png"))
    crepitus_test_write_png (path, 4001, 2);
  else if (g_str_equal (name, "heavy.png"))
    {
      /* A valid PNG padded past 2 MB. */
      g_autofree char *contents = NULL;
      gsize length;
      GString *big;

      crepitus_test_write_png (path, 10, 10);
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      big = g_string_new_len (contents, length);
      while (big->len <= CREPITUS_REPORT_LOGO_MAX_BYTES)
        g_string_append_c (big, '\0');
      g_file_set_contents (path, big->str, big->len, &error);
      g_string_free (big, TRUE);
    }
  else if (g_str_equal (name, "folder.png"))
    g_mkdir (path, 0700);
  else
    g_assert_not_reached ();
  g_assert_no_error (error);
  return path;
}

static void
test_broken_logo (Fixture       *f,
                  gconstpointer  data)
{
  const Broken *broken = data;
  g_auto(CrepitusReportSettings) settings = { 0 };
  g_autofree char *logo = make_broken (f->dir, broken->name);
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autoptr(Document) document = NULL;
  g_autoptr(Page) page = NULL;
  g_auto(GStrv) images = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GList *mapping;
  CrepitusReportStats stats = { 0 };

  /* The message names the file and what is wrong with it. */
  bytes = crepitus_report_logo_load (logo, &error);
  g_assert_null (bytes);
  g_assert_error (error, CREPITUS_REPORT_ERROR, CREPITUS_REPORT_ERROR_LOGO);
  g_assert_true (g_str_has_prefix (error->message, logo));
  assert_contains (error->message, "the clinic logo cannot be used");
  assert_contains (error->message, broken->reason);

  /* The report is made, whole, without it. */
  g_settings_set_string (f->settings, "clinic-name", "Clinica del Sol");
  g_settings_set_string (f->settings, "clinic-logo", logo);
  path = handout_from_settings (f, &settings, &stats);
  g_assert_nonnull (settings.logo_error);
  g_assert_cmpstr (settings.logo_error->message, ==, error->message);
  g_assert_null (settings.logo);

  document = open_pdf (path);
  first = page_text (document, 0);
  assert_contains (first, "Clinica del Sol");
  assert_contains (first, "Call emergency services");
  page = poppler_document_get_page (document, 0);
  mapping = poppler_page_get_image_mapping (page);
  g_assert_null (mapping);
  images = crepitus_test_pdf_images (path);
  if (images != NULL)
    g_assert_cmpuint (g_strv_length (images), ==, 0);
}

/* A caller that hands the report a PNG it did not check: the report is still made, without
 * the logo, and says so. */
static void
test_unchecked_logo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autofree char *whole = g_build_filename (f->dir, "whole.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Document) document = NULL;
  g_auto(GStrv) images = NULL;
  CrepitusReportOptions options = { CREPITUS_REPORT_CLINICIAN };
  CrepitusReportStats stats = { 0 };
  gsize length;

  crepitus_test_write_png (whole, 300, 300);
  g_file_get_contents (whole, &contents, &length, &error);
  g_assert_no_error (error);
  cut = g_bytes_new (contents, length - 40);
  options.clinic_logo = cut;
  options.clinic_name = "Clinica del Sol";

  path = write_report_in (f->dir, assessment, &options, "summary.pdf", &stats);
  g_assert_true (stats.logo_left_out);
  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
  images = crepitus_test_pdf_images (path);
  if (images != NULL)
    g_assert_cmpuint (g_strv_length (images), ==, 0);
}

/* `crepitus report` with a logo set in its settings file: drawn when it can be, else the
 * report is made without it and one line on standard error says why. */
static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *config = g_build_filename (f->dir, "config", NULL);
  g_autofree char *keyfile_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  g_autofree char *schema_env = g_strconcat ("GSETTINGS_SCHEMA_DIR=",
                                             g_getenv ("GSETTINGS_SCHEMA_DIR"), NULL);
  g_autofree char *config_env = g_strconcat ("XDG_CONFIG_HOME=", config, NULL);
  const char * const env[] = { schema_env, config_env, "GSETTINGS_BACKEND=keyfile", NULL };
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "fixtures", "example.json", NULL);
  g_autofree char *good = g_build_filename (f->dir, "good.png", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.png", NULL);
  g_autofree char *out = g_build_filename (f->dir, "handout.pdf", NULL);

  g_assert_cmpint (g_mkdir_with_parents (keyfile_dir, 0700), ==, 0);
  crepitus_test_write_png (good, 200, 100);
  crepitus_test_truncate_copy (good, broken, 300);

  for (guint i = 0; i < 2; i++)
    {
      g_auto(CrepitusRun) run = { 0 };
      g_autofree char *contents = g_strdup_printf ("[org/crepitus/Crepitus]\n"
                                                   "clinic-name='Clinica del Sol'\n"
                                                   "clinic-logo='%s'\n", i == 0 ? good : broken);
      g_autoptr(Document) document = NULL;
      g_autofree char *first = NULL;
      g_auto(GStrv) images = NULL;

      g_assert_true (g_file_set_contents (keyfile, contents, -1, NULL));
      g_remove (out);
      crepitus_run_env (&run, NULL, env, (const char *[]) {
        "report", example, "--audience", "patient", "-o", out, NULL });
      g_assert_cmpint (run.status, ==, 0);
      if (i == 0)
        g_assert_cmpstr (run.err, ==, "");
      else
        {
          g_autofree char *expected =
            g_strdup_printf ("%s: the clinic logo cannot be used: the PNG image is damaged", broken);

          g_assert_true (g_str_has_prefix (run.err, expected));
          g_assert_true (g_str_has_suffix (run.err, "(the report is made without it)\n"));
          g_assert_cmpuint (crepitus_count_lines (run.err), ==, 1);
        }
      document = open_pdf (out);
      first = page_text (document, 0);
      assert_contains (first, "Clinica del Sol");
      images = crepitus_test_pdf_images (out);
      if (images != NULL)
        g_assert_cmpuint (g_strv_length (images), ==, i == 0 ? 2 : 0);
    }
}

static const Broken broken_logos[] = {
  { "missing.png", "there is no such file" },
  { "text.png", "it is not a PNG image" },
  { "truncated.png", "the PNG image is damaged" },
  { "huge.png", "4001 × 2 pixels; it may be at most 4000 pixels on each side" },
  { "heavy.png", "larger than 2 MB" },
  { "folder.png", "it is not a file" },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  crepitus_test_pdf_init ();

  g_test_add ("/crepitus/report/logo/in-header", Fixture, NULL, fixture_set_up,
              test_logo_and_clinic_in_header, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (broken_logos); i++)
    {
      g_autofree char *name = g_strdup_printf ("/crepitus/report/logo/broken/%s",
                                               broken_logos[i].name);

      g_test_add (name, Fixture, &broken_logos[i], fixture_set_up, test_broken_logo,
                  fixture_tear_down);
    }
  g_test_add ("/crepitus/report/logo/large", Fixture, NULL, fixture_set_up, test_large_logo,
              fixture_tear_down);
  g_test_add ("/crepitus/report/logo/kinds", Fixture, NULL, fixture_set_up, test_kinds,
              fixture_tear_down);
  g_test_add ("/crepitus/report/logo/unchecked", Fixture, NULL, fixture_set_up,
              test_unchecked_logo, fixture_tear_down);
  g_test_add ("/crepitus/report/logo/command-line", Fixture, NULL, fixture_set_up,
              test_command_line, fixture_tear_down);
  return g_test_run ();
}
