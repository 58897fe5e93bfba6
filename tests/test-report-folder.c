/* test-report-folder.c — reports saved into a folder: names, never replacing, errors, copies */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "crepitus-test-pdf.h"

typedef struct
{
  char *dir;      /* a fresh folder */
  char *folder;   /* DIR/Documents/Crepitus: not made yet */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("crepitus-report-folder-XXXXXX", &error);
  g_assert_no_error (error);
  f->folder = g_build_filename (f->dir, "Documents", "Crepitus", NULL);
  g_ptr_array_set_size (poppler_messages, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  assert_poppler_quiet ();
  g_chmod (f->dir, 0700);
  crepitus_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->folder);
}

static const CrepitusReportOptions patient_a4 = {
  CREPITUS_REPORT_PATIENT, CREPITUS_REPORT_PAPER_A4
};
static const CrepitusReportOptions clinician_a4 = {
  CREPITUS_REPORT_CLINICIAN, CREPITUS_REPORT_PAPER_A4
};

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The first report is "NAME DATE.pdf" in a folder made for it, readable by its owner only;
 * the next is "NAME DATE (2).pdf", and the first is still whole. */
static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected = g_build_filename (f->folder, "Lucía García 2026-11-20.pdf", NULL);
  g_autofree char *expected2 = g_build_filename (f->folder, "Lucía García 2026-11-20 (2).pdf",
                                                 NULL);
  g_autoptr(Document) document = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_true (crepitus_report_write_new (assessment, &patient_a4, f->folder, &first, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, expected);
  g_assert_cmpint (g_stat (f->folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (crepitus_report_write_new (assessment, &patient_a4, f->folder, &second, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, expected2);

  g_assert_true (crepitus_report_write_new (assessment, &clinician_a4, f->folder, &summary, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (summary, "Lucía García 2026-11-20 summary.pdf"));
  /* Three files, no temporary one left. */
  g_assert_cmpuint (count_entries (f->folder), ==, 3);

  document = open_pdf (first);
  text = document_text (document);
  assert_contains (text, "Lucía García");
}

/* What a file system cannot hold in a name never reaches it. */
static void
test_unsafe_name (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  CrepitusPatient *patient = crepitus_assessment_get_patient (assessment);
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;

  crepitus_patient_set_given_name (patient, "../../etc");
  crepitus_patient_set_family_name (patient, "a/b\tc");
  g_assert_true (crepitus_report_write_new (assessment, &patient_a4, f->folder, &path, NULL,
                                            &error));
  g_assert_no_error (error);
  base = g_path_get_basename (path);
  g_assert_cmpstr (base, ==, "etc a b c 2026-11-20.pdf");
  g_assert_cmpuint (count_entries (f->folder), ==, 1);
}

/* A folder that cannot be written: an error naming it, and nothing left behind. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autofree char *path = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes in any folder");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (f->folder, 0700), ==, 0);
  g_assert_cmpint (g_chmod (f->folder, 0500), ==, 0);
  g_assert_false (crepitus_report_write_new (assessment, &patient_a4, f->folder, &path, NULL,
                                             &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_nonnull (strstr (error->message, f->folder));
  g_assert_null (path);
  g_assert_cmpuint (count_entries (f->folder), ==, 0);
}

/* A file where the folder should be: the error names it. */
static void
test_folder_is_a_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autofree char *file = g_build_filename (f->dir, "Documents", NULL);
  g_autofree char *path = NULL;

  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  g_assert_false (crepitus_report_write_new (assessment, &patient_a4, f->folder, &path, NULL,
                                             &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, f->folder));
}

/* The copy a report is made from in another thread says what the original says, where the
 * record stands included, and does not follow later edits. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = load_example ();
  g_autoptr(CrepitusAssessment) copy = NULL;
  g_autofree char *path = NULL;
  g_autoptr(Document) document = NULL;
  g_autofree char *text = NULL;

  crepitus_assessment_set_signed_by (assessment, "A. Clinician");
  crepitus_assessment_set_signed_at (assessment, "2026-11-21T09:00:00.000Z");
  copy = crepitus_report_snapshot (assessment, &error);
  g_assert_no_error (error);
  crepitus_assessment_set_notes (assessment, "Changed after the copy.");

  g_assert_true (crepitus_report_write_new (copy, &clinician_a4, f->folder, &path, NULL, &error));
  g_assert_no_error (error);
  document = open_pdf (path);
  text = document_text (document);
  assert_contains (text, "Signed by A. Clinician on 2026-11-21");
  assert_contains (text, "Pops on rising from a chair.");
  g_assert_null (strstr (text, "Changed after the copy."));
}

static void
test_choose_language (void)
{
  /* DESIGN.md's order: the patient's, else the setting's, else English; a language that is
   * not shipped is passed over. */
  g_assert_cmpstr (crepitus_report_choose_language ("es", "de"), ==, "es");
  g_assert_cmpstr (crepitus_report_choose_language (NULL, NULL), ==, "en");
  g_assert_cmpstr (crepitus_report_choose_language ("en", "de"), ==, "en");
  g_assert_cmpstr (crepitus_report_choose_language ("pl", "en"), ==, "pl");
  g_assert_cmpstr (crepitus_report_choose_language (NULL, "pt_BR"), ==, "pt_BR");
  g_assert_cmpstr (crepitus_report_choose_language ("", "fr"), ==, "fr");
  g_assert_cmpstr (crepitus_report_choose_language ("xx", "yy"), ==, "en");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  crepitus_test_pdf_init ();

#define ADD(path, func) \
  g_test_add ("/crepitus/report/folder/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("names", test_names);
  ADD ("unsafe-name", test_unsafe_name);
  ADD ("unwritable", test_unwritable);
  ADD ("folder-is-a-file", test_folder_is_a_file);
  ADD ("snapshot", test_snapshot);
  g_test_add_func ("/crepitus/report/folder/choose-language", test_choose_language);

#undef ADD

  return g_test_run ();
}
