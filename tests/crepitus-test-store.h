/* crepitus-test-store.h — temporary databases for the store's tests */
#pragma once

#include <glib/gstdio.h>

#include "crepitus-store-testing.h"
#include "crepitus-test-util.h"

G_BEGIN_DECLS

/* A new temporary folder. */
static inline char *
crepitus_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *tmpdir = g_dir_make_tmp ("crepitus-store-XXXXXX", &error);

  g_assert_no_error (error);
  return tmpdir;
}

/* Whether the store's tests run on PostgreSQL (CREPITUS_TEST_BACKEND=postgresql: a server of
 * the test's own, crepitus-store-testing.h) rather than SQLite. */
static inline gboolean
crepitus_test_backend_is_pg (void)
{
  return g_strcmp0 (g_getenv ("CREPITUS_TEST_BACKEND"), "postgresql") == 0;
}

/* A new database for one test on the backend of the run: a file in a new temporary folder
 * (@tmpdir), or a new database on the test server (@tmpdir %NULL). */
static inline char *
crepitus_test_new_location (char **tmpdir)
{
#if HAVE_POSTGRESQL
  if (crepitus_test_backend_is_pg ())
    {
      *tmpdir = NULL;
      return crepitus_test_pg_new_database ();
    }
#endif
  *tmpdir = crepitus_test_make_tmpdir ();
  return g_build_filename (*tmpdir, "crepitus.db", NULL);
}

/* Removes what crepitus_test_new_location made (no store may have it open). */
static inline void
crepitus_test_remove_location (const char *location,
                               const char *tmpdir)
{
  if (tmpdir != NULL)
    crepitus_test_remove_tree (tmpdir);
#if HAVE_POSTGRESQL
  else
    crepitus_test_pg_drop_database (location);
#endif
}

/* Opens @path, failing the test on error. */
static inline CrepitusStore *
crepitus_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  CrepitusStore *store = crepitus_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The contents of @path, failing the test on error. */
static inline GBytes *
crepitus_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* A stored patient with family name @family (and the given fields when not %NULL). */
static inline CrepitusPatient *
crepitus_test_add_patient (CrepitusStore *store,
                           const char    *family,
                           const char    *given,
                           const char    *birth_date,
                           const char    *mrn)
{
  g_autoptr(GError) error = NULL;
  CrepitusPatient *patient = crepitus_patient_new ();

  crepitus_patient_set_family_name (patient, family);
  crepitus_patient_set_given_name (patient, given);
  crepitus_patient_set_birth_date (patient, birth_date);
  crepitus_patient_set_mrn (patient, mrn);
  crepitus_store_save_patient (store, patient, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crepitus_patient_get_id (patient), >, 0);
  return patient;
}

/* A stored assessment of @patient on @date. */
static inline CrepitusAssessment *
crepitus_test_add_assessment (CrepitusStore   *store,
                              CrepitusPatient *patient,
                              const char      *date)
{
  g_autoptr(GError) error = NULL;
  CrepitusAssessment *assessment = crepitus_assessment_new (patient);

  crepitus_assessment_set_date (assessment, date);
  crepitus_store_save_assessment (store, assessment, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crepitus_assessment_get_id (assessment), >, 0);
  return assessment;
}

/* A stored assessment of @patient on @date whose red-flag screen is complete and negative, as
 * signing needs. */
static inline CrepitusAssessment *
crepitus_test_add_screened_assessment (CrepitusStore   *store,
                                       CrepitusPatient *patient,
                                       const char      *date)
{
  g_autoptr(GError) error = NULL;
  CrepitusAssessment *assessment = crepitus_assessment_new (patient);
  guint n_flags;
  const CrepitusCatalogEntry *flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n_flags);

  crepitus_assessment_set_date (assessment, date);
  for (guint i = 0; i < n_flags; i++)
    crepitus_assessment_set_red_flag (assessment, flags[i].key, CREPITUS_RED_FLAG_ABSENT);
  crepitus_store_save_assessment (store, assessment, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crepitus_assessment_get_id (assessment), >, 0);
  return assessment;
}

/* The assessment @id as a second store on the database at @path sees it. */
static inline CrepitusAssessment *
crepitus_test_reload_assessment (const char *path,
                                 gint64      id)
{
  g_autoptr(CrepitusStore) other = crepitus_test_open_store (path);
  g_autoptr(GError) error = NULL;
  CrepitusAssessment *assessment = crepitus_store_load_assessment (other, id, &error);

  g_assert_no_error (error);
  return assessment;
}

/* The patient @id as a second store on the database at @path sees it. */
static inline CrepitusPatient *
crepitus_test_reload_patient (const char *path,
                              gint64      id)
{
  g_autoptr(CrepitusStore) other = crepitus_test_open_store (path);
  g_autoptr(GError) error = NULL;
  CrepitusPatient *patient = crepitus_store_load_patient (other, id, &error);

  g_assert_no_error (error);
  return patient;
}

G_END_DECLS
