/* test-report.c — the PDF handout and clinician summary, read back with poppler */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "crepitus-test-pdf.h"
#include "crepitus-triage.h"

#define A4_WIDTH      595.276
#define A4_HEIGHT     841.890
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

typedef struct
{
  char *dir;   /* a fresh folder for the test's files */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("crepitus-report-XXXXXX", &error);
  g_assert_no_error (error);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_ptr_array_set_size (poppler_messages, 0);
}

/* Removes @path and, when it is a folder, what it holds. */
static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  assert_poppler_quiet ();
  crepitus_test_remove_tree (f->dir);
  g_free (f->dir);
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

/* g_ptr_array_sort passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces ("" when empty). */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static CrepitusAssessment *
load_emergency (void)
{
  CrepitusAssessment *assessment = load_example ();

  crepitus_assessment_set_member (assessment, CREPITUS_LIST_RED_FLAG, "saddle-anaesthesia", TRUE);
  crepitus_assessment_set_member (assessment, CREPITUS_LIST_SYMPTOM, "numbness", TRUE);
  return assessment;
}

static const CrepitusReportOptions patient_a4 = { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4 };
static const CrepitusReportOptions clinician_a4 = { CREPITUS_REPORT_CLINICIAN, CREPITUS_REPORT_PAPER_A4 };

static char *
write_report (Fixture                     *f,
              CrepitusAssessment          *assessment,
              const CrepitusReportOptions *options,
              const char                  *name,
              CrepitusReportStats         *stats)
{
  return write_report_in (f->dir, assessment, options, name, stats);
}

static PopplerDocument *
write_and_open (Fixture                     *f,
                CrepitusAssessment          *assessment,
                const CrepitusReportOptions *options,
                CrepitusReportStats         *stats)
{
  g_autofree char *path = write_report (f, assessment, options, "report.pdf", stats);

  return open_pdf (path);
}

/* Every character is drawn inside the page, clear of its edges. */
static void
assert_inside_pages (PopplerDocument *document)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(Page) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *rects = NULL;
      double width, height;
      guint n_rects = 0, index = 0, n_checked = 0;

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (const char *p = text; *p != '\0' && index < n_rects; p = g_utf8_next_char (p), index++)
        {
          const PopplerRectangle *r = &rects[index];

          if (g_unichar_isspace (g_utf8_get_char (p)))
            continue;
          n_checked++;
          /* The text area is 56 pt from the sides; the header and footer keep 24 pt clear. */
          if (r->x1 < 56 - 0.5 || r->x2 > width - 56 + 0.5 || r->y1 < 24 || r->y2 > height - 24)
            g_error ("page %d: “%.20s” at (%.1f, %.1f)–(%.1f, %.1f) runs into the margin of a "
                     "%.0f × %.0f page", i + 1, p, r->x1, r->y1, r->x2, r->y2, width, height);
        }
      g_assert_cmpuint (n_checked, >, 0);
    }
}

/* A note of 10,000 characters: words of several scripts and one word too long for a line. */
static char *
long_note (GPtrArray *words)
{
  static const char * const stems[] = { "słowo", "Wort", "слово", "λέξη", "word", "palabra" };
  GString *note = g_string_new (NULL);

  for (guint i = 0; g_utf8_strlen (note->str, -1) < 10000; i++)
    {
      char *word;

      if (i == 700)
        word = g_strnfill (400, 'x');   /* wider than a line: it has to be cut */
      else
        word = g_strdup_printf ("%s%04u", stems[i % G_N_ELEMENTS (stems)], i);
      if (note->len > 0)
        g_string_append_c (note, i % 97 == 0 ? '\n' : ' ');
      g_string_append (note, word);
      g_ptr_array_add (words, word);
    }
  return g_string_free (note, FALSE);
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_long_note (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(Document) document = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *note = long_note (words);
  g_autofree char *long_word = g_strnfill (400, 'x');
  g_autofree char *text = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *last_page = NULL;
  CrepitusReportStats stats = { 0 };
  int n_pages;

  g_assert_cmpint (g_utf8_strlen (note, -1), >=, 10000);
  crepitus_assessment_set_notes (assessment, note);
  document = write_and_open (f, assessment, &clinician_a4, &stats);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >=, 4);
  g_assert_cmpuint (stats.pages, ==, n_pages);
  g_assert_cmpuint (stats.substituted, ==, 0);

  /* Every word, in order; the one cut across lines whole once line breaks are taken out. */
  text = document_text (document);
  g_ptr_array_remove_index (words, 700);
  g_ptr_array_add (words, NULL);
  assert_in_order (text, (const char * const *) words->pdata);
  bare = strip_spaces (text);
  g_assert_nonnull (strstr (bare, long_word));

  /* It flows over several pages, each with the header and "Page N of M". */
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *page = page_text (document, i);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n_pages);

      g_assert_true (g_str_has_prefix (page, "Lucía García"));
      assert_contains (page, footer);
    }
  last_page = page_text (document, n_pages - 1);
  assert_row (last_page, "Record", "Not signed");

  assert_inside_pages (document);
}

static void
test_inside_page (Fixture       *f,
                  gconstpointer  data)
{
  const CrepitusReportOptions options[] = {
    { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4, NULL,
      "Klinika Kręgosłupa — a clinic name long enough to need more than one line of the header",
      "ul. Długa 1\n00-001 Warszawa", "+48 22 000 00 00" },
    { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_LETTER },
    { CREPITUS_REPORT_CLINICIAN, CREPITUS_REPORT_PAPER_A4 },
    { CREPITUS_REPORT_CLINICIAN, CREPITUS_REPORT_PAPER_LETTER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autoptr(CrepitusAssessment) assessment = load_emergency ();
      g_autoptr(Document) document = NULL;
      CrepitusPatient *patient = crepitus_assessment_get_patient (assessment);

      crepitus_patient_set_given_name (patient, "Maria-Magdalena Aleksandra Konstantynopolitańczykowianeczka");
      crepitus_assessment_set_posture_notes (assessment,
                                             "https://example.org/a/very/long/address/without/any/spaces/in/it/at/all/that/is/wider/than/a/line/of/the/page");
      document = write_and_open (f, assessment, &options[i], NULL);
      assert_inside_pages (document);
    }
}

/* Names and a clinic as long as anyone may type: the header stays short and on the page. */
static void
test_huge_header (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(Document) document = NULL;
  g_autoptr(GString) family = g_string_new (NULL);
  g_autofree char *clinic = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  CrepitusReportOptions options = { CREPITUS_REPORT_CLINICIAN, CREPITUS_REPORT_PAPER_A4 };
  CrepitusReportStats stats = { 0 };

  for (guint i = 0; family->len < 10000; i++)
    g_string_append_printf (family, "Nazwisko%u ", i);
  crepitus_patient_set_family_name (crepitus_assessment_get_patient (assessment), family->str);
  clinic = g_strnfill (3000, 'K');
  options.clinic_name = clinic;
  options.clinic_address = clinic;

  document = write_and_open (f, assessment, &options, &stats);
  g_assert_cmpuint (stats.pages, <=, 20);
  assert_inside_pages (document);

  /* Each page starts with the header cut short, then the details. */
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *page = page_text (document, i);
      const char *ellipsis = strstr (page, "…");
      const char *details = strstr (page, "MRN A-1001");

      g_assert_true (g_str_has_prefix (page, "KKKKKKKKKK"));
      g_assert_nonnull (ellipsis);
      g_assert_nonnull (details);
      g_assert_cmpint (details - page, <, 1500);
    }

  /* The body has the name whole, word after word across the pages. */
  text = document_text (document);
  words = g_strsplit (g_strstrip (family->str), " ", -1);
  assert_in_order (text, (const char * const *) words);
}

/* Each font embeds only the glyphs drawn, and every character drawn is there: Latin with
 * diacritics, Polish and Cyrillic come back out of the text. */
static void
test_fonts_subset (Fixture       *f,
                   gconstpointer  data)
{
  static const char json[] =
    "{\"format\": \"crepitus-assessment\", \"version\": 1,"
    " \"patient\": {\"given_name\": \"Łucja Żaneta\", \"family_name\": \"Ślęzak-Щукина\"},"
    " \"assessment\": {\"date\": \"2026-11-20\","
    " \"notes\": \"Zażółć gęślą jaźń. Съешь же ещё этих мягких булок. Ça déjà vu, façade.\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) example = load_example ();
  g_autoptr(CrepitusAssessment) assessment = crepitus_json_read (json, strlen (json), &error);
  g_autofree char *handout = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(Document) document = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  /* The handout of CLINICAL.md's example, two pages: smaller than LibreOffice makes it
   * (17 KB; whole DejaVu faces made it 184 KB). */
  handout = write_report (f, example, &patient_a4, "handout.pdf", NULL);
  g_assert_cmpint (g_stat (handout, &st), ==, 0);
  g_assert_cmpint (st.st_size, <=, 17 * 1024);

  summary = write_report (f, assessment, &clinician_a4, "summary.pdf", NULL);
  document = open_pdf (summary);
  text = document_text (document);
  assert_contains (text, "Łucja Żaneta Ślęzak-Щукина");
  assert_contains (text, "Zażółć gęślą jaźń. Съешь же ещё этих мягких булок. Ça déjà vu, façade.");
  g_assert_cmpint (g_stat (summary, &st), ==, 0);
  g_assert_cmpint (st.st_size, <=, 24 * 1024);
}

static void
test_fonts_embedded (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(Document) document = write_and_open (f, assessment, &patient_a4, NULL);
  g_autoptr(FontInfo) info = poppler_font_info_new (document);
  PopplerFontsIter *iter = NULL;
  gboolean regular = FALSE, bold = FALSE;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (document), &iter));
  g_assert_nonnull (iter);
  do
    {
      const char *name = poppler_fonts_iter_get_name (iter);

      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      g_assert_true (poppler_fonts_iter_is_subset (iter));
      if (strstr (name, "DejaVuSans-Bold") != NULL)
        bold = TRUE;
      else if (strstr (name, "DejaVuSans") != NULL)
        regular = TRUE;
      else
        g_error ("unexpected font %s", name);
    }
  while (poppler_fonts_iter_next (iter));
  poppler_fonts_iter_free (iter);
  g_assert_true (regular);
  g_assert_true (bold);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  GMappedFile *file = g_mapped_file_new (path, FALSE, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (file);
  g_mapped_file_unref (file);
  return bytes;
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  g_autoptr(GBytes) bytes_c = NULL;
  g_autoptr(Document) document = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
  a = write_report (f, assessment, &clinician_a4, "a.pdf", NULL);
  g_usleep (1100 * 1000);   /* a clock that leaked into the file would now differ */
  b = write_report (f, assessment, &clinician_a4, "b.pdf", NULL);
  bytes_a = read_bytes (a);
  bytes_b = read_bytes (b);
  g_assert_cmpuint (g_bytes_get_size (bytes_a), >, 1000);
  g_assert_true (g_bytes_equal (bytes_a, bytes_b));

  document = open_pdf (a);
  g_assert_cmpint (poppler_document_get_creation_date (document), ==, 1700000000);

  /* The date does reach the file. */
  g_setenv ("SOURCE_DATE_EPOCH", "1700000001", TRUE);
  c = write_report (f, assessment, &clinician_a4, "c.pdf", NULL);
  bytes_c = read_bytes (c);
  g_assert_false (g_bytes_equal (bytes_a, bytes_c));
}

static void
test_paper (Fixture       *f,
            gconstpointer  data)
{
  const struct
  {
    CrepitusReportAudience audience;
    CrepitusReportPaper    paper;
    double                 width;
    double                 height;
  } cases[] = {
    { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4, A4_WIDTH, A4_HEIGHT },
    { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_LETTER, LETTER_WIDTH, LETTER_HEIGHT },
    { CREPITUS_REPORT_CLINICIAN, CREPITUS_REPORT_PAPER_LETTER, LETTER_WIDTH, LETTER_HEIGHT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrepitusAssessment) assessment = load_example ();
      CrepitusReportOptions options = { cases[i].audience, cases[i].paper };
      g_autoptr(Document) document = write_and_open (f, assessment, &options, NULL);

      for (int p = 0; p < poppler_document_get_n_pages (document); p++)
        {
          g_autoptr(Page) page = poppler_document_get_page (document, p);
          double width, height;

          poppler_page_get_size (page, &width, &height);
          g_assert_cmpfloat_with_epsilon (width, cases[i].width, 0.01);
          g_assert_cmpfloat_with_epsilon (height, cases[i].height, 0.01);
        }
    }
}

static void
test_scripts (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(Document) handout = NULL;
  g_autoptr(Document) summary = NULL;
  g_autofree char *handout_text = NULL;
  g_autofree char *summary_text = NULL;
  CrepitusPatient *patient = crepitus_assessment_get_patient (assessment);
  CrepitusReportStats stats = { 0 };
  const char *notes = "Zażółć gęślą jaźń. Съешь же ещё этих мягких французских булок. "
                      "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Größe, façade, naïve.";

  crepitus_patient_set_given_name (patient, "Łucja Ελένη Наталья");
  crepitus_assessment_set_notes (assessment, notes);

  handout = write_and_open (f, assessment, &patient_a4, &stats);
  g_assert_cmpuint (stats.substituted, ==, 0);
  handout_text = document_text (handout);
  g_assert_true (g_str_has_prefix (handout_text, "Łucja Ελένη Наталья García"));

  summary = write_and_open (f, assessment, &clinician_a4, &stats);
  g_assert_cmpuint (stats.substituted, ==, 0);
  summary_text = document_text (summary);
  assert_contains (summary_text, notes);
}

static void
test_substitution (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(Document) document = NULL;
  g_autofree char *text = NULL;
  CrepitusReportStats stats = { 0 };

  /* U+1F600 is above U+FFFF; U+6F22 is a CJK ideograph DejaVu Sans does not have. */
  crepitus_assessment_set_notes (assessment, "before \U0001F600 middle \u6F22 after");
  document = write_and_open (f, assessment, &clinician_a4, &stats);
  g_assert_cmpuint (stats.substituted, ==, 2);

  text = document_text (document);
  assert_contains (text, "before \uFFFD middle \uFFFD after");
  assert_lacks (text, "\U0001F600");
  assert_lacks (text, "\u6F22");
}

static void
test_metadata (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(Document) document = NULL;
  g_autoptr(Document) bare = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *page = NULL;
  g_autofree char *bare_page = NULL;
  CrepitusReportOptions options = {
    CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4, "en",
    "Przychodnia Świętokrzyska", "ul. Długa 1\n00-001 Warszawa", "+48 22 000 00 00",
  };
  GStatBuf st;

  g_setenv ("SOURCE_DATE_EPOCH", "1767225600", TRUE);   /* 2026-01-01 00:00:00 UTC */
  path = write_report (f, assessment, &options, "handout.pdf", NULL);
  document = open_pdf (path);

  title = poppler_document_get_title (document);
  author = poppler_document_get_author (document);
  subject = poppler_document_get_subject (document);
  g_assert_cmpstr (title, ==, "Patient handout: Lucía García");
  g_assert_cmpstr (author, ==, "Przychodnia Świętokrzyska");
  g_assert_nonnull (strstr (subject, "2026-11-20"));
  g_assert_cmpint (poppler_document_get_creation_date (document), ==, 1767225600);

  /* Only its owner may read it. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The clinic's details head the page; without them, nothing stands in their place. */
  page = page_text (document, 0);
  g_assert_true (g_str_has_prefix (page, "Przychodnia Świętokrzyska ul. Długa 1, 00-001 Warszawa · "
                                         "Phone +48 22 000 00 00 Lucía García"));
  bare = write_and_open (f, assessment, &patient_a4, NULL);
  bare_page = page_text (bare, 0);
  g_assert_true (g_str_has_prefix (bare_page, "Lucía García MRN A-1001 · Born 1984-03-12 · "
                                              "Assessed 2026-11-20 · Clinician A. Clinician"));
  assert_lacks (bare_page, "Phone");
}

static void
assert_write_fails (Fixture    *f,
                    const char *path,
                    const char *expected_listing)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (crepitus_report_write (assessment, &patient_a4, path, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, error->code);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "could not write"));
  g_assert_null (strchr (error->message, '\n'));

  /* Nothing left behind: no report, no temporary file. */
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, expected_listing);
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing", "out.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "out.pdf", NULL);

  /* A folder that does not exist. */
  assert_write_fails (f, missing, "");

  /* A target that is a folder: the temporary file is made, then must go again. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_write_fails (f, folder, "out.pdf");
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  /* A folder without write permission (root may write anywhere: nothing to test then). */
  if (geteuid () != 0)
    {
      g_autofree char *listing = NULL;

      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      assert_write_fails (f, in_locked, "locked");
      listing = list_dir (locked);
      g_assert_cmpstr (listing, ==, "");
    }
}

static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "xx.pdf", NULL);
  g_autofree char *listing = NULL;
  CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4, "xx" };

  /* A language Crepitus does not ship: the message lists those it does; nothing is left. */
  g_assert_false (crepitus_report_write (assessment, &options, path, NULL, &error));
  g_assert_error (error, CREPITUS_REPORT_ERROR, CREPITUS_REPORT_ERROR_LANGUAGE);
  g_assert_nonnull (strstr (error->message, "“xx”"));
  g_assert_nonnull (strstr (error->message, "en, de, es, fr, pl, pt_BR"));
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "");

  /* English whatever the patient's language, when asked for. */
  g_clear_error (&error);
  options.language = "en";
  g_assert_cmpstr (crepitus_patient_get_language (crepitus_assessment_get_patient (assessment)),
                   ==, "es");
  g_assert_true (crepitus_report_write (assessment, &options, path, NULL, &error));
  g_assert_no_error (error);
}

/* Runs @argv; its standard output and error go to @out and @err. */
static int
run_tool (const char * const  *argv,
          char               **out,
          char               **err)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  return status;
}

/* @err without the lines a reader prints whatever the document (mutool built without colour
 * management says so on every run). */
static char *
strip_tool_noise (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0' && strstr (lines[i], "ICC support is not available") == NULL)
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

/* The text map of the fonts is well formed: poppler (the library, and pdftotext), qpdf and
 * mupdf read both reports without a word of complaint. The readers installed are used; the
 * library's check always runs. */
static void
test_readers_quiet (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = load_emergency ();
  const CrepitusReportOptions *options[] = { &patient_a4, &clinician_a4 };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *path = write_report (f, assessment, options[i], "report.pdf", NULL);
      g_autoptr(Document) document = open_pdf (path);
      g_autofree char *text = document_text (document);
      g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
      g_autofree char *qpdf = g_find_program_in_path ("qpdf");
      g_autofree char *mutool = g_find_program_in_path ("mutool");

      /* Reading the text is what parses the ToUnicode maps. */
      assert_contains (text, "Lucía García");
      assert_poppler_quiet ();

      if (pdftotext != NULL)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;

          g_assert_cmpint (run_tool ((const char *[]) { pdftotext, path, "-", NULL }, &out, &err),
                           ==, 0);
          g_assert_cmpstr (err, ==, "");
          g_assert_nonnull (strstr (out, "Lucía García"));
        }
      else
        g_test_message ("pdftotext not installed (poppler-utils): not run");

      if (qpdf != NULL)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;

          g_assert_cmpint (run_tool ((const char *[]) { qpdf, "--check", path, NULL }, &out, &err),
                           ==, 0);
          g_assert_cmpstr (err, ==, "");
          g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
          g_assert_null (strstr (out, "WARNING"));
        }
      else
        g_test_message ("qpdf not installed: not run");

      if (mutool != NULL)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          g_autofree char *complaints = NULL;

          g_assert_cmpint (run_tool ((const char *[]) {
                             mutool, "draw", "-q", "-F", "txt", "-o", "/dev/null", path, NULL },
                             &out, &err), ==, 0);
          complaints = strip_tool_noise (err);
          g_assert_cmpstr (complaints, ==, "");
        }
      else
        g_test_message ("mutool not installed (mupdf-tools): not run");
    }
}

static void
test_parse_options (void)
{
  CrepitusReportAudience audience;
  CrepitusReportPaper paper;

  g_assert_true (crepitus_report_audience_from_string ("patient", &audience));
  g_assert_cmpint (audience, ==, CREPITUS_REPORT_PATIENT);
  g_assert_true (crepitus_report_audience_from_string ("clinician", &audience));
  g_assert_cmpint (audience, ==, CREPITUS_REPORT_CLINICIAN);
  g_assert_false (crepitus_report_audience_from_string ("Patient", &audience));
  g_assert_false (crepitus_report_audience_from_string (NULL, &audience));

  g_assert_true (crepitus_report_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, CREPITUS_REPORT_PAPER_A4);
  g_assert_true (crepitus_report_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, CREPITUS_REPORT_PAPER_LETTER);
  g_assert_false (crepitus_report_paper_from_string ("A5", &paper));

  g_assert_true (crepitus_report_language_available (NULL));
  g_assert_true (crepitus_report_language_available ("en"));
  g_assert_true (crepitus_report_language_available ("pl"));
  g_assert_true (crepitus_report_language_available ("pt_BR"));
  g_assert_false (crepitus_report_language_available ("pt"));
  g_assert_false (crepitus_report_language_available ("xx"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  crepitus_test_pdf_init ();

#define ADD(path, func) \
  g_test_add ("/crepitus/report/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("long-note", test_long_note);
  ADD ("inside-page", test_inside_page);
  ADD ("huge-header", test_huge_header);
  ADD ("fonts-embedded", test_fonts_embedded);
  ADD ("fonts-subset", test_fonts_subset);
  ADD ("deterministic", test_deterministic);
  ADD ("paper", test_paper);
  ADD ("scripts", test_scripts);
  ADD ("substitution", test_substitution);
  ADD ("metadata", test_metadata);
  ADD ("unwritable", test_unwritable);
  ADD ("language", test_language);
  ADD ("readers-quiet", test_readers_quiet);
  g_test_add_func ("/crepitus/report/parse-options", test_parse_options);

#undef ADD

  return g_test_run ();
}
