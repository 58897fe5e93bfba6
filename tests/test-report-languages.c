/* test-report-languages.c — the handout and the clinician summary in one shipped language
 *
 * Run once per language of po/LINGUAS (CREPITUS_TEST_LANGUAGE), under LC_ALL=C.UTF-8 with no
 * other locale compiled: the words come from Crepitus's own catalogs. The expected sentences
 * are the catalog's, asked in the report's language (this thread's locale, as while a report
 * is written); German is checked against known sentences too.
 */
#include "config.h"

#include "crepitus-catalog.h"
#include "crepitus-locale.h"
#include "crepitus-test-levels.h"
#include "crepitus-test-logo.h"
#include "crepitus-test-pdf.h"

static const struct
{
  const char *language;
  const char *letters;   /* its own letters, each must come back from the PDF intact */
} special_letters[] = {
  { "de", "ß ä ö ü Ä Ü" },
  { "es", "ñ á é í ó ú" },
  { "fr", "ç é è à ê" },
  { "pt_BR", "ã ç õ á é ê" },
  { "pl", "ł ą ę ś ż ó" },
};

static const char *language;
static CrepitusLocale *locale;
static char *dir;
static GString *everything;   /* the text of every report this test made */

/* The text frame of every page: 56 pt left and right (crepitus-pdf-layout.c). Boxes are drawn
 * inside it, so a word that overflowed its box would cross it. */
#define FRAME_MARGIN 56.0

static void
assert_inside_frame (PopplerDocument *document)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(Page) page = poppler_document_get_page (document, i);
      g_autofree PopplerRectangle *rects = NULL;
      g_autofree char *text = poppler_page_get_text (page);
      guint n_rects = 0;
      double width, height;
      const char *p = text;

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint j = 0; j < n_rects && *p != '\0'; j++, p = g_utf8_next_char (p))
        {
          if (g_unichar_isspace (g_utf8_get_char (p)) || rects[j].x2 <= rects[j].x1)
            continue;
          if (rects[j].x1 < FRAME_MARGIN - 1 || rects[j].x2 > width - FRAME_MARGIN + 1)
            g_error ("page %d: “%.20s” crosses the text frame (%.1f to %.1f of %.1f)", i + 1, p,
                     rects[j].x1, rects[j].x2, width);
        }
    }
}

static char *
write_and_read (CrepitusAssessment          *assessment,
                const CrepitusReportOptions *options,
                const char                  *name,
                char                       **first_page)
{
  CrepitusReportStats stats = { 0 };
  g_autofree char *path = write_report_in (dir, assessment, options, name, &stats);
  g_autoptr(Document) document = open_pdf (path);
  char *text = document_text (document);

  /* Every glyph of the language is in the fonts: nothing drawn as a substitute. */
  g_assert_cmpuint (stats.substituted, ==, 0);
  assert_inside_frame (document);
  if (first_page != NULL)
    *first_page = page_text (document, 0);
  g_string_append (everything, text);
  g_string_append_c (everything, ' ');
  return text;
}

/* Every factor likely with every finding, and posture recorded: the longest handout. */
static void
record_everything (CrepitusAssessment *assessment)
{
  const CrepitusFactor *factors;
  guint n;

  factors = crepitus_catalog_factors (&n);
  for (guint i = 0; i < n; i++)
    {
      CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, factors[i].key);

      crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_LIKELY);
      for (guint j = 0; j < factors[i].n_findings; j++)
        crepitus_factor_record_set_finding (record, factors[i].findings[j].key, TRUE);
    }
}

/* For each level, screened or not, plain or with everything recorded, on A4 and on Letter:
 * the safety net whole on page 1, in the language. */
static void
test_safety_net_on_page_one (void)
{
  const CrepitusReportPaper papers[] = { CREPITUS_REPORT_PAPER_A4, CREPITUS_REPORT_PAPER_LETTER };

  for (CrepitusLevel level = CREPITUS_LEVEL_EMERGENCY; level <= CREPITUS_LEVEL_BENIGN; level++)
    for (Screen screen = SCREEN_INCOMPLETE; screen <= SCREEN_COMPLETE; screen++)
      for (guint full = 0; full < 2; full++)
        for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
          {
            g_autoptr(CrepitusAssessment) assessment = NULL;
            CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT, papers[p], language };
            g_autofree char *page = NULL;
            g_autofree char *text = NULL;

            /* A complete screen cannot come out at emergency or urgent without its flag. */
            assessment = assessment_at (level, screen);
            if (full)
              record_everything (assessment);
            text = write_and_read (assessment, &options, "handout.pdf", &page);
            g_test_message ("level %d, screen %d, everything %u, paper %u", level, screen, full, p);
            assert_safety_net (page, NULL,
                               level != CREPITUS_LEVEL_EMERGENCY && level != CREPITUS_LEVEL_URGENT);
          }
}

/* The most reasons each referring level can give (CLINICAL.md §4): emergency 9 (the five cauda
 * equina flags, cancer with the three neurological symptoms), urgent 8 (its eight flags),
 * refer 10 (pain, the seven other symptoms, a painful grinding, persistent). */
static CrepitusAssessment *
assessment_with_most_reasons (CrepitusLevel level)
{
  static const char * const symptoms[] = {
    "pain", "stiffness", "limited-rom", "numbness", "tingling", "weakness", "swelling",
    "functional-limitation",
  };
  CrepitusAssessment *assessment = load_example ();
  g_autoptr(CrepitusTriage) triage = NULL;
  guint n;
  const CrepitusCatalogEntry *flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);

  for (guint i = 0; i < n; i++)
    {
      CrepitusRedFlagTier tier = crepitus_catalog_red_flag_tier (flags[i].key);

      if ((level == CREPITUS_LEVEL_EMERGENCY &&
           (tier == CREPITUS_RED_FLAG_EMERGENCY || g_str_equal (flags[i].key, "cancer-history"))) ||
          (level == CREPITUS_LEVEL_URGENT && tier == CREPITUS_RED_FLAG_URGENT))
        crepitus_assessment_set_red_flag (assessment, flags[i].key, CREPITUS_RED_FLAG_PRESENT);
    }
  for (guint i = 0; i < G_N_ELEMENTS (symptoms); i++)
    if ((level == CREPITUS_LEVEL_EMERGENCY && i >= 3 && i <= 5) || level == CREPITUS_LEVEL_REFER)
      crepitus_assessment_set_member (assessment, CREPITUS_LIST_SYMPTOM, symptoms[i], TRUE);
  if (level == CREPITUS_LEVEL_REFER)
    {
      crepitus_assessment_set_sound (assessment, CREPITUS_SOUND_GRINDING);
      crepitus_assessment_set_duration_weeks (assessment, 12);
    }

  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, level);
  g_assert_cmpuint (g_strv_length (triage->reasons), ==,
                    level == CREPITUS_LEVEL_EMERGENCY ? 9 :
                    level == CREPITUS_LEVEL_URGENT ? 8 : 10);
  return assessment;
}

/* The clinician summary's page 1 holds the red-flag screen whole, all thirteen flags and the
 * patient's age, after the most reasons each level can give, on A4 and on Letter, with no
 * clinic, a clinic's name, address, phone and logo in the page header, and a header as long
 * as it gets (CLINICAL.md §5). */
static void
test_summary_screen_on_page_one (void)
{
  const CrepitusReportPaper papers[] = { CREPITUS_REPORT_PAPER_A4, CREPITUS_REPORT_PAPER_LETTER };
  g_autofree char *logo_path = g_build_filename (dir, "logo.png", NULL);
  g_autoptr(GBytes) logo = NULL;
  g_autofree char *age = NULL;
  g_autofree char *first_reason = NULL;
  guint n;
  const CrepitusCatalogEntry *flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);
  const char *heading = crepitus_locale_gettext (locale, "Red-flag screen");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(GString) long_address = g_string_new (NULL);

  while (long_name->len < 400)
    g_string_append (long_name, "Northside Spine and Musculoskeletal Clinic Department ");
  while (long_address->len < 800)
    g_string_append (long_address, "Unit 4, Riverside Business Park, Long Lane\n");

  /* A wide logo, as large as the header draws one. */
  crepitus_test_write_png (logo_path, 800, 240);
  logo = crepitus_report_logo_load (logo_path, &error);
  g_assert_no_error (error);
  age = g_strdup_printf (crepitus_locale_ngettext (locale, "Patient aged %d on the assessment date",
                                                   "Patient aged %d on the assessment date", 42),
                         42);
  g_assert_cmpstr (heading, !=, "Red-flag screen");

  for (CrepitusLevel level = CREPITUS_LEVEL_EMERGENCY; level <= CREPITUS_LEVEL_REFER; level++)
    for (guint clinic = 0; clinic < 3; clinic++)
      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        {
          g_autoptr(CrepitusAssessment) assessment = assessment_with_most_reasons (level);
          g_autoptr(CrepitusTriage) triage = crepitus_triage_compute (assessment);
          CrepitusReportOptions options = {
            CREPITUS_REPORT_CLINICIAN, papers[p], language,
            clinic == 1 ? "Northside Spine and Musculoskeletal Clinic" :
            clinic == 2 ? long_name->str : NULL,
            clinic == 1 ? "Unit 4, Riverside Business Park\nLong Lane\nLeeds LS1 1AA" :
            clinic == 2 ? long_address->str : NULL,
            clinic ? "0113 000 0000" : NULL, NULL, clinic ? logo : NULL, NULL,
          };
          g_autofree char *page = NULL;
          g_autofree char *text = NULL;
          g_autofree char *reason = crepitus_triage_reason_text (triage->reasons[0]);

          /* The longest header: every line as long as the header takes it. */
          if (clinic == 2)
            crepitus_patient_set_family_name (crepitus_assessment_get_patient (assessment),
                                              long_name->str);
          g_test_message ("level %d, clinic %u, paper %u", level, clinic, p);
          text = write_and_read (assessment, &options, "summary-reasons.pdf", &page);
          /* The reasons' words stay, on page 1, before the screen. */
          {
            const char * const order[] = { reason, heading, age, NULL };

            assert_in_order (page, order);
          }
          for (guint i = 0; i < n; i++)
            assert_contains (page, crepitus_catalog_label (CREPITUS_LIST_RED_FLAG, flags[i].key));
          /* Every reason's source is cited, once. */
          for (guint i = 0; triage->reasons[i] != NULL; i++)
            {
              const char *source = crepitus_catalog_reason_source (triage->reasons[i]);
              const char *found = strstr (text, source);

              g_assert_nonnull (found);
              g_assert_null (strstr (found + strlen (source), source));
            }
        }
}

/* The handout: the language's words, none of the English catalog's sentences. */
static void
test_handout_translated (void)
{
  g_autoptr(CrepitusAssessment) assessment = assessment_at (CREPITUS_LEVEL_REFER, SCREEN_COMPLETE);
  CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4, language };
  g_autofree char *text = NULL;
  g_auto(GStrv) translated = NULL;
  g_auto(GStrv) english = NULL;
  const char *headings[] = { "Your result", "Why we came to this result", "What happens next",
                             "What may play a part" };
  g_autofree char *date = crepitus_locale_format_date (locale, "2026-11-20");

  record_everything (assessment);
  text = write_and_read (assessment, &options, "refer.pdf", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      const char *heading = crepitus_locale_gettext (locale, headings[i]);

      g_assert_cmpstr (heading, !=, headings[i]);
      assert_contains (text, heading);
      assert_lacks (text, headings[i]);
    }
  assert_contains (text, date);

  /* The catalog's patient sentences, in English and in the language, side by side. */
  translated = crepitus_catalog_dup_patient_texts ();
  crepitus_locale_set_thread_default (crepitus_locale_get ("en", NULL));
  english = crepitus_catalog_dup_patient_texts ();
  crepitus_locale_set_thread_default (locale);
  g_assert_cmpuint (g_strv_length (english), ==, g_strv_length (translated));
  for (guint i = 0; english[i] != NULL; i++)
    {
      /* None is left in English on the handouts: short labels aside (a word may well be a
       * part of another), and those the language writes the same ("Urgent" in French). */
      if (!g_str_equal (english[i], translated[i]) && strlen (english[i]) > 24)
        assert_lacks (everything->str, english[i]);
      else if (strlen (english[i]) > 24)
        g_error ("not translated in %s: “%s”", language, english[i]);
    }
}

/* The clinician summary: the language's headings and dates, no English heading. */
static void
test_summary_translated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "full.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  CrepitusReportOptions options = { CREPITUS_REPORT_CLINICIAN, CREPITUS_REPORT_PAPER_A4, language };
  g_autofree char *text = NULL;
  g_autofree char *first_page = NULL;
  const char *headings[] = { "Clinician summary", "Reason for referral", "Recommendations",
                             "Red-flag screen", "Presentation", "Eight-factor checklist",
                             "Posture and alignment", "Clinician tips", "Measures as recorded" };
  g_autofree char *date = crepitus_locale_format_date (locale, "2026-11-20");
  g_autofree char *footer = g_strdup_printf (crepitus_locale_gettext (locale, "Page %u of %u"),
                                             1, 1);
  char *of;

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  assessment = crepitus_json_read (json, strlen (json), &error);
  g_assert_no_error (error);
  /* Its notes hold an emoji, which no report font has. */
  crepitus_assessment_set_notes (assessment, "Notes");
  text = write_and_read (assessment, &options, "summary.pdf", &first_page);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      const char *heading = crepitus_locale_gettext (locale, headings[i]);

      g_assert_cmpstr (heading, !=, headings[i]);
      assert_contains (text, heading);
      assert_lacks (text, headings[i]);
    }
  assert_contains (text, date);
  /* ISO dates are left only where the language writes its dates so (or its translators have
   * not said yet: check-po-LANG fails then). */
  if (!g_str_equal (date, "2026-11-20"))
    assert_lacks (text, "2026-11-20");
  /* "Page 1 of N", in the language. */
  of = strstr (footer, " 1");
  g_assert_nonnull (of);
  of[2] = '\0';
  assert_contains (first_page, footer);
}

/* Known sentences of the German handout, ß and umlauts as written. */
static void
test_german_sentences (void)
{
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  CrepitusReportOptions options = { CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4, "de" };
  g_autofree char *text = write_and_read (assessment, &options, "de.pdf", NULL);

  assert_contains (text, "Ihr Ergebnis");
  assert_contains (text, "Sorgen Sie zu Hause für Ihren Rücken");
  assert_contains (text, "Rufen Sie den Rettungsdienst an oder gehen Sie sofort in eine "
                         "Notaufnahme, wenn:");
  assert_contains (text, "Regelmäßige Bewegung kräftigt Ihre Bauch- und Rückenmuskeln.");
  assert_contains (text, "Untersucht am 20.11.2026");
  assert_contains (text, "Seite 1 von");
}

/* The German clinician summary cites its sources in German: the guideline's name as it is,
 * the words around it translated; the tips' passages too. */
static void
test_german_sources (void)
{
  g_autoptr(CrepitusAssessment) assessment = NULL;
  CrepitusReportOptions options = { CREPITUS_REPORT_CLINICIAN, CREPITUS_REPORT_PAPER_A4, "de" };
  g_autofree char *text = NULL;

  assessment = assessment_with_most_reasons (CREPITUS_LEVEL_EMERGENCY);
  text = write_and_read (assessment, &options, "de-summary.pdf", NULL);
  assert_contains (text, "Quellen: NICE NG59; Red Flags des Cauda-equina-Syndroms");
  assert_contains (text, "Artikel FAQ 3, Hinweis 1");
  assert_contains (text, "(Hinweis 1).");
  assert_lacks (text, "cauda equina syndrome red flags");
  assert_lacks (text, "Sources");
  assert_lacks (text, "Article");
  assert_lacks (text, "(Tip ");
}

/* The German flags are longer than the table's usual column: every answer still starts at
 * the same place, none run on from its flag. */
static void
test_german_screen_aligned (void)
{
  g_autoptr(CrepitusAssessment) assessment = assessment_with_most_reasons (CREPITUS_LEVEL_EMERGENCY);
  CrepitusReportOptions options = { CREPITUS_REPORT_CLINICIAN, CREPITUS_REPORT_PAPER_A4, "de" };
  CrepitusReportStats stats = { 0 };
  g_autofree char *path = write_report_in (dir, assessment, &options, "de-aligned.pdf", &stats);
  g_autoptr(Document) document = open_pdf (path);
  g_autoptr(GObject) page_object = G_OBJECT (poppler_document_get_page (document, 0));
  PopplerPage *page = POPPLER_PAGE (page_object);
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rectangles = NULL;
  guint n_rectangles = 0, n_answers = 0;
  double left = -1;

  g_assert_true (poppler_page_get_text_layout (page, &rectangles, &n_rectangles));
  for (const char *p = text; (p = strstr (p, "Vorhanden")) != NULL; p++)
    {
      glong offset = g_utf8_pointer_to_offset (text, p);

      g_assert_cmpuint (offset, <, n_rectangles);
      if (left < 0)
        left = rectangles[offset].x1;
      if (ABS (rectangles[offset].x1 - left) > 0.5)
        g_error ("an answer starts at %.1f, the first at %.1f", rectangles[offset].x1, left);
      n_answers++;
    }
  g_free (rectangles);
  /* The flags present, each answered in the column. */
  g_assert_cmpuint (n_answers, >=, 6);
}

/* Run last: the letters of the language, out of everything the tests above made. */
static void
test_special_letters (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (special_letters); i++)
    if (g_str_equal (special_letters[i].language, language))
      {
        g_auto(GStrv) letters = g_strsplit (special_letters[i].letters, " ", -1);

        for (guint j = 0; letters[j] != NULL; j++)
          if (strstr (everything->str, letters[j]) == NULL)
            g_error ("“%s” is not in any %s report", letters[j], language);
        return;
      }
  g_error ("no special letters listed for %s", language);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  crepitus_test_pdf_init ();

  language = g_getenv ("CREPITUS_TEST_LANGUAGE");
  g_assert_nonnull (language);
  locale = crepitus_locale_get (language, &error);
  g_assert_no_error (error);
  /* The catalog answers in the report's language, as while a report is written. */
  crepitus_locale_set_thread_default (locale);
  dir = g_dir_make_tmp ("crepitus-languages-XXXXXX", &error);
  g_assert_no_error (error);
  everything = g_string_new (NULL);

  g_test_add_func ("/crepitus/report/languages/safety-net-on-page-one",
                   test_safety_net_on_page_one);
  g_test_add_func ("/crepitus/report/languages/handout", test_handout_translated);
  g_test_add_func ("/crepitus/report/languages/summary", test_summary_translated);
  g_test_add_func ("/crepitus/report/languages/summary-screen-on-page-one",
                   test_summary_screen_on_page_one);
  if (g_str_equal (language, "de"))
    {
      g_test_add_func ("/crepitus/report/languages/german-sentences", test_german_sentences);
      g_test_add_func ("/crepitus/report/languages/german-sources", test_german_sources);
      g_test_add_func ("/crepitus/report/languages/german-screen-aligned",
                       test_german_screen_aligned);
    }
  g_test_add_func ("/crepitus/report/languages/special-letters", test_special_letters);

  status = g_test_run ();
  assert_poppler_quiet ();
  crepitus_test_remove_tree (dir);
  g_free (dir);
  g_string_free (everything, TRUE);
  return status;
}
