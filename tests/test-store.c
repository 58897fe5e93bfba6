/* test-store.c — the store: create, migrate, autosave every kind of field, import, export; on
 * SQLite, or on PostgreSQL with CREPITUS_TEST_BACKEND=postgresql */
#include "config.h"

#include <jansson.h>
#include <sys/stat.h>

#include "crepitus-json.h"
#include "crepitus-test-store.h"

typedef struct
{
  char          *tmpdir;
  char          *path;
  CrepitusStore *store;
  guint          n_failures;    /* ::write-failed emissions */
  GError        *last_failure;
} Fixture;

static void
on_write_failed (CrepitusStore *store,
                 GError        *error,
                 Fixture       *fixture)
{
  fixture->n_failures++;
  g_clear_error (&fixture->last_failure);
  fixture->last_failure = g_error_copy (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = crepitus_test_new_location (&fixture->tmpdir);
  fixture->store = crepitus_test_open_store (fixture->path);
  g_signal_connect (fixture->store, "write-failed", G_CALLBACK (on_write_failed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_error (&fixture->last_failure);
  crepitus_test_remove_location (fixture->path, fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->tmpdir);
}

static void
assert_same_json (const char *a,
                  const char *b)
{
  json_t *ja = json_loads (a, 0, NULL);
  json_t *jb = json_loads (b, 0, NULL);

  g_assert_nonnull (ja);
  g_assert_nonnull (jb);
  if (!json_equal (ja, jb))
    g_error ("JSON values differ:\n%s\n---\n%s", a, b);
  json_decref (ja);
  json_decref (jb);
}

/* Opening */

static void
test_open_creates_private_files (void)
{
  g_autofree char *tmpdir = crepitus_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (tmpdir, "new", "crepitus", NULL);
  g_autofree char *path = g_build_filename (folder, "crepitus.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusPatient) patient = NULL;
  GStatBuf st;

  store = crepitus_test_open_store (path);
  g_assert_cmpstr (crepitus_store_get_path (store), ==, path);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  patient = crepitus_test_add_patient (store, "Ng", NULL, NULL, NULL);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (crepitus_store_testing_file_version (path), ==, crepitus_store_schema_version ());

  g_clear_object (&store);
  crepitus_test_remove_tree (tmpdir);
}

static void
test_open_default_path (void)
{
  g_autofree char *path = crepitus_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "crepitus", "crepitus.db",
                                                NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_open_empty_file (void)
{
  g_autofree char *tmpdir = crepitus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "empty.db", NULL);
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A crash right after creating the file leaves it empty: that is a new database. */
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  store = crepitus_test_open_store (path);
  g_assert_cmpint (crepitus_store_testing_file_version (path), ==, crepitus_store_schema_version ());

  g_clear_object (&store);
  crepitus_test_remove_tree (tmpdir);
}

/* Migrations: from an empty file and from every earlier version, the data survives. */
static void
test_migrations_every_version (void)
{
  guint latest = crepitus_store_schema_version ();

  g_assert_cmpuint (latest, >=, 1);
  for (guint from = 0; from <= latest; from++)
    {
      g_autofree char *tmpdir = NULL;
      g_autofree char *path = crepitus_test_new_location (&tmpdir);
      g_autoptr(CrepitusStore) store = NULL;
      g_autoptr(CrepitusPatient) added = NULL;
      g_autoptr(GPtrArray) patients = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("from version %u to %u", from, latest);
      g_assert_true (crepitus_store_testing_create_at (path, from, &error));
      g_assert_no_error (error);
      g_assert_cmpint (crepitus_store_testing_file_version (path), ==, from);

      for (int pass = 0; pass < 2; pass++)
        {
          /* The second pass reopens at the latest version: nothing to do. */
          store = crepitus_test_open_store (path);
          g_assert_cmpint (crepitus_store_testing_file_version (path), ==, latest);

          for (guint version = 1; version <= from; version++)
            {
              g_autoptr(CrepitusPatient) patient = NULL;
              g_autoptr(CrepitusAssessment) assessment = NULL;
              g_autofree char *family = g_strdup_printf ("Sample-v%u", version);

              patient = crepitus_store_load_patient (store, 1000 + version, &error);
              g_assert_no_error (error);
              g_assert_cmpstr (crepitus_patient_get_family_name (patient), ==, family);
              assessment = crepitus_store_load_assessment (store, 2000 + version, &error);
              g_assert_no_error (error);
              g_assert_cmpint (crepitus_patient_get_id (crepitus_assessment_get_patient (assessment)),
                               ==, 1000 + version);
            }
          if (from >= 1)
            {
              g_autoptr(CrepitusAssessment) v1 = crepitus_store_load_assessment (store, 2001, &error);

              g_assert_no_error (error);
              g_assert_cmpstr (crepitus_assessment_get_date (v1), ==, "2026-01-05");
              g_assert_cmpint (crepitus_assessment_get_side (v1), ==, CREPITUS_SIDE_LEFT);
              g_assert_true (crepitus_assessment_has (v1, CREPITUS_LIST_SYMPTOM, "pain"));
              g_assert_cmpint (crepitus_assessment_get_pain_score (v1), ==, 3);
              g_assert_true (crepitus_assessment_get_measures (v1)->has_beighton);
              g_assert_cmpint (crepitus_factor_record_get_judgement (
                                 crepitus_assessment_get_factor (v1, "joint-cavitation")),
                               ==, CREPITUS_JUDGEMENT_LIKELY);
            }

          if (pass == 0)
            added = crepitus_test_add_patient (store, "Added", NULL, NULL, NULL);
          patients = crepitus_store_list_patients (store, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (patients->len, ==, from + 1);
          g_assert_true (crepitus_store_check_integrity (store, &error));
          g_assert_no_error (error);
          g_clear_pointer (&patients, g_ptr_array_unref);
          g_clear_object (&store);
        }

      crepitus_test_remove_location (path, tmpdir);
    }
}

/* Patients and assessments */

static void
test_patients_add_load_list (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CrepitusPatient) a = NULL;
  g_autoptr(CrepitusPatient) b = NULL;
  g_autoptr(CrepitusPatient) loaded = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GError) error = NULL;

  a = crepitus_test_add_patient (fixture->store, "García", "Lucía", "1984-03-12", "A-1001");
  crepitus_patient_set_sex (a, CREPITUS_SEX_FEMALE);
  crepitus_patient_set_language (a, "es");
  g_assert_true (crepitus_store_save_patient (fixture->store, a, NULL, &error));
  g_assert_no_error (error);
  b = crepitus_test_add_patient (fixture->store, "O’Brien", NULL, NULL, NULL);
  g_assert_cmpint (crepitus_patient_get_id (b), >, crepitus_patient_get_id (a));

  loaded = crepitus_test_reload_patient (fixture->path, crepitus_patient_get_id (a));
  g_assert_cmpint (crepitus_patient_get_id (loaded), ==, crepitus_patient_get_id (a));
  g_assert_cmpstr (crepitus_patient_get_mrn (loaded), ==, "A-1001");
  g_assert_cmpstr (crepitus_patient_get_family_name (loaded), ==, "García");
  g_assert_cmpstr (crepitus_patient_get_given_name (loaded), ==, "Lucía");
  g_assert_cmpstr (crepitus_patient_get_birth_date (loaded), ==, "1984-03-12");
  g_assert_cmpint (crepitus_patient_get_sex (loaded), ==, CREPITUS_SEX_FEMALE);
  g_assert_cmpstr (crepitus_patient_get_language (loaded), ==, "es");

  patients = crepitus_store_list_patients (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, ==, 2);
  g_assert_cmpstr (crepitus_patient_get_family_name (patients->pdata[0]), ==, "García");
  g_assert_cmpstr (crepitus_patient_get_family_name (patients->pdata[1]), ==, "O’Brien");
  g_assert_null (crepitus_patient_get_given_name (patients->pdata[1]));

  g_clear_object (&loaded);
  loaded = crepitus_store_load_patient (fixture->store, 999, &error);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_assert_nonnull (strstr (error->message, fixture->path));
}

static void
test_assessments_ordered_by_date (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(CrepitusPatient) other = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *dates[] = { "2026-05-01", "2025-01-09", "2026-05-01", "2024-12-31" };
  gint64 ids[G_N_ELEMENTS (dates)];

  patient = crepitus_test_add_patient (fixture->store, "Okafor", "Chidi", "1990-01-01", NULL);
  other = crepitus_test_add_patient (fixture->store, "Other", NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(CrepitusAssessment) a = crepitus_test_add_assessment (fixture->store, patient,
                                                                      dates[i]);

      ids[i] = crepitus_assessment_get_id (a);
    }
  g_object_unref (crepitus_test_add_assessment (fixture->store, other, "2026-01-01"));

  list = crepitus_store_list_assessments (fixture->store, patient, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (crepitus_assessment_get_id (list->pdata[0]), ==, ids[3]);
  g_assert_cmpint (crepitus_assessment_get_id (list->pdata[1]), ==, ids[1]);
  g_assert_cmpint (crepitus_assessment_get_id (list->pdata[2]), ==, ids[0]);
  g_assert_cmpint (crepitus_assessment_get_id (list->pdata[3]), ==, ids[2]);
  for (guint i = 0; i < list->len; i++)
    g_assert_true (crepitus_assessment_get_patient (list->pdata[i]) == patient);
}

/* Autosave */

typedef struct
{
  CrepitusPatient    *patient;
  CrepitusAssessment *assessment;
} Watched;

static void
watched_set_up (Fixture *fixture,
                Watched *watched)
{
  watched->patient = crepitus_test_add_patient (fixture->store, "Silva", "Ana", "1980-02-29",
                                                "C-3");
  watched->assessment = crepitus_test_add_assessment (fixture->store, watched->patient,
                                                      "2026-11-02");
  crepitus_store_watch_assessment (fixture->store, watched->assessment);
}

static void
watched_clear (Watched *watched)
{
  g_clear_object (&watched->assessment);
  g_clear_object (&watched->patient);
}

static void
test_autosave_text_and_enum (Fixture       *fixture,
                             gconstpointer  data)
{
  Watched w = { 0 };
  g_autoptr(CrepitusAssessment) stored = NULL;

  watched_set_up (fixture, &w);
  crepitus_assessment_set_notes (w.assessment, "Pops on rising.\nTwice a day.");
  crepitus_assessment_set_clinician (w.assessment, "B. Clinician");
  crepitus_assessment_set_sound (w.assessment, CREPITUS_SOUND_CLICK);
  crepitus_assessment_set_frequency (w.assessment, CREPITUS_FREQUENCY_CONSTANT);
  crepitus_assessment_set_side (w.assessment, CREPITUS_SIDE_RIGHT);
  crepitus_assessment_set_pain_score (w.assessment, 0);
  crepitus_assessment_set_duration_weeks (w.assessment, 12);
  crepitus_assessment_set_date (w.assessment, "2026-10-30");
  crepitus_patient_set_given_name (w.patient, "Ana Luísa");
  crepitus_patient_set_sex (w.patient, CREPITUS_SEX_UNKNOWN);
  crepitus_patient_set_language (w.patient, "pt_BR");
  g_assert_cmpuint (fixture->n_failures, ==, 0);

  stored = crepitus_test_reload_assessment (fixture->path,
                                            crepitus_assessment_get_id (w.assessment));
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Pops on rising.\nTwice a day.");
  g_assert_cmpstr (crepitus_assessment_get_clinician (stored), ==, "B. Clinician");
  g_assert_cmpint (crepitus_assessment_get_sound (stored), ==, CREPITUS_SOUND_CLICK);
  g_assert_cmpint (crepitus_assessment_get_frequency (stored), ==, CREPITUS_FREQUENCY_CONSTANT);
  g_assert_cmpint (crepitus_assessment_get_side (stored), ==, CREPITUS_SIDE_RIGHT);
  g_assert_cmpint (crepitus_assessment_get_pain_score (stored), ==, 0);
  g_assert_cmpint (crepitus_assessment_get_duration_weeks (stored), ==, 12);
  g_assert_cmpstr (crepitus_assessment_get_date (stored), ==, "2026-10-30");
  {
    CrepitusPatient *p = crepitus_assessment_get_patient (stored);

    g_assert_cmpstr (crepitus_patient_get_given_name (p), ==, "Ana Luísa");
    g_assert_cmpint (crepitus_patient_get_sex (p), ==, CREPITUS_SEX_UNKNOWN);
    g_assert_cmpstr (crepitus_patient_get_language (p), ==, "pt_BR");
  }

  /* Back to "not recorded". */
  crepitus_assessment_set_notes (w.assessment, "");
  crepitus_assessment_set_sound (w.assessment, CREPITUS_SOUND_NOT_RECORDED);
  crepitus_assessment_set_pain_score (w.assessment, -1);
  crepitus_patient_set_given_name (w.patient, NULL);
  g_clear_object (&stored);
  stored = crepitus_test_reload_assessment (fixture->path,
                                            crepitus_assessment_get_id (w.assessment));
  g_assert_null (crepitus_assessment_get_notes (stored));
  g_assert_cmpint (crepitus_assessment_get_sound (stored), ==, CREPITUS_SOUND_NOT_RECORDED);
  g_assert_cmpint (crepitus_assessment_get_pain_score (stored), ==, -1);
  g_assert_null (crepitus_patient_get_given_name (crepitus_assessment_get_patient (stored)));
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  watched_clear (&w);
}

static void
test_autosave_sets (Fixture       *fixture,
                    gconstpointer  data)
{
  Watched w = { 0 };
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_auto(GStrv) symptoms = NULL;

  watched_set_up (fixture, &w);
  crepitus_assessment_set_member (w.assessment, CREPITUS_LIST_SYMPTOM, "tingling", TRUE);
  crepitus_assessment_set_member (w.assessment, CREPITUS_LIST_SYMPTOM, "pain", TRUE);
  crepitus_assessment_set_member (w.assessment, CREPITUS_LIST_LOCATION, "sacroiliac-left", TRUE);
  crepitus_assessment_set_member (w.assessment, CREPITUS_LIST_MOVEMENT, "walking", TRUE);
  crepitus_assessment_set_member (w.assessment, CREPITUS_LIST_HISTORY, "sciatica", TRUE);
  crepitus_assessment_set_member (w.assessment, CREPITUS_LIST_RED_FLAG, "fever", TRUE);
  crepitus_assessment_set_member (w.assessment, CREPITUS_LIST_RED_FLAG, "fever", FALSE);

  stored = crepitus_test_reload_assessment (fixture->path,
                                            crepitus_assessment_get_id (w.assessment));
  symptoms = crepitus_assessment_dup_keys (stored, CREPITUS_LIST_SYMPTOM);
  g_assert_cmpuint (g_strv_length (symptoms), ==, 2);
  g_assert_cmpstr (symptoms[0], ==, "pain");
  g_assert_cmpstr (symptoms[1], ==, "tingling");
  g_assert_true (crepitus_assessment_has (stored, CREPITUS_LIST_LOCATION, "sacroiliac-left"));
  g_assert_true (crepitus_assessment_has (stored, CREPITUS_LIST_MOVEMENT, "walking"));
  g_assert_true (crepitus_assessment_has (stored, CREPITUS_LIST_HISTORY, "sciatica"));
  g_assert_false (crepitus_assessment_has (stored, CREPITUS_LIST_RED_FLAG, "fever"));
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  watched_clear (&w);
}

static void
test_autosave_factors (Fixture       *fixture,
                       gconstpointer  data)
{
  Watched w = { 0 };
  g_autoptr(CrepitusAssessment) stored = NULL;
  CrepitusFactorRecord *record, *stored_record;

  watched_set_up (fixture, &w);
  record = crepitus_assessment_get_factor (w.assessment, "muscle-imbalances");
  crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_POSSIBLE);
  crepitus_factor_record_set_finding (record, "weak-core", TRUE);
  crepitus_factor_record_set_finding (record, "weak-gluteus-medius", TRUE);
  crepitus_factor_record_set_notes (record, "Trendelenburg positive on the right.");
  crepitus_factor_record_set_notes (crepitus_assessment_get_factor (w.assessment, "inflammation"),
                                    "None seen.");
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "factors"), ==, 2);

  stored = crepitus_test_reload_assessment (fixture->path,
                                            crepitus_assessment_get_id (w.assessment));
  stored_record = crepitus_assessment_get_factor (stored, "muscle-imbalances");
  g_assert_cmpint (crepitus_factor_record_get_judgement (stored_record), ==,
                   CREPITUS_JUDGEMENT_POSSIBLE);
  g_assert_true (crepitus_factor_record_has_finding (stored_record, "weak-core"));
  g_assert_true (crepitus_factor_record_has_finding (stored_record, "weak-gluteus-medius"));
  g_assert_false (crepitus_factor_record_has_finding (stored_record, "tight-hip-flexors"));
  g_assert_cmpstr (crepitus_factor_record_get_notes (stored_record), ==,
                   "Trendelenburg positive on the right.");
  g_assert_cmpstr (crepitus_factor_record_get_notes (crepitus_assessment_get_factor (stored,
                                                                                     "inflammation")),
                   ==, "None seen.");

  /* Emptied again: the row goes. */
  crepitus_factor_record_set_notes (crepitus_assessment_get_factor (w.assessment, "inflammation"),
                                    NULL);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "factors"), ==, 1);
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  watched_clear (&w);
}

static void
test_autosave_posture_and_measures (Fixture       *fixture,
                                    gconstpointer  data)
{
  Watched w = { 0 };
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();

  watched_set_up (fixture, &w);
  crepitus_assessment_set_scoliosis (w.assessment, CREPITUS_SCOLIOSIS_LEFT_CONVEX);
  crepitus_assessment_set_lordosis (w.assessment, CREPITUS_LORDOSIS_UNEVEN);
  crepitus_assessment_set_pelvic_tilt (w.assessment, CREPITUS_PELVIC_TILT_NEUTRAL);
  crepitus_assessment_set_kyphosis (w.assessment, CREPITUS_KYPHOSIS_INCREASED);
  crepitus_assessment_set_forward_head (w.assessment, CREPITUS_TRISTATE_NO);
  crepitus_assessment_set_posture_notes (w.assessment, "Shoulders level.");

  measures->has_odi = TRUE;
  for (guint i = 0; i < CREPITUS_ODI_N_SECTIONS; i++)
    measures->odi[i] = i % 6;
  measures->odi[7] = -1;
  measures->has_beighton = TRUE;
  measures->beighton[8] = TRUE;
  measures->tests[1].result = 2;   /* slump positive */
  measures->tests[1].side = 0;     /* left */
  crepitus_assessment_set_measures (w.assessment, measures);

  stored = crepitus_test_reload_assessment (fixture->path,
                                            crepitus_assessment_get_id (w.assessment));
  g_assert_cmpint (crepitus_assessment_get_scoliosis (stored), ==, CREPITUS_SCOLIOSIS_LEFT_CONVEX);
  g_assert_cmpint (crepitus_assessment_get_lordosis (stored), ==, CREPITUS_LORDOSIS_UNEVEN);
  g_assert_cmpint (crepitus_assessment_get_pelvic_tilt (stored), ==, CREPITUS_PELVIC_TILT_NEUTRAL);
  g_assert_cmpint (crepitus_assessment_get_kyphosis (stored), ==, CREPITUS_KYPHOSIS_INCREASED);
  g_assert_cmpint (crepitus_assessment_get_forward_head (stored), ==, CREPITUS_TRISTATE_NO);
  g_assert_cmpstr (crepitus_assessment_get_posture_notes (stored), ==, "Shoulders level.");
  g_assert_true (crepitus_measures_equal (crepitus_assessment_get_measures (stored), measures));

  crepitus_assessment_set_forward_head (w.assessment, CREPITUS_TRISTATE_NOT_RECORDED);
  crepitus_assessment_set_measures (w.assessment, NULL);
  g_clear_object (&stored);
  stored = crepitus_test_reload_assessment (fixture->path,
                                            crepitus_assessment_get_id (w.assessment));
  g_assert_cmpint (crepitus_assessment_get_forward_head (stored), ==, CREPITUS_TRISTATE_NOT_RECORDED);
  g_assert_true (crepitus_measures_is_empty (crepitus_assessment_get_measures (stored)));
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  watched_clear (&w);
}

static void
test_autosave_patient_needs_family_name (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (patient);
  g_autoptr(CrepitusPatient) stored = NULL;
  g_autoptr(CrepitusAssessment) stored_assessment = NULL;

  crepitus_store_watch_assessment (fixture->store, assessment);
  crepitus_patient_set_given_name (patient, "Kai");
  crepitus_patient_set_birth_date (patient, "2001-06-15");
  crepitus_assessment_set_date (assessment, "2026-11-03");
  crepitus_assessment_set_notes (assessment, "Waiting for a name.");
  crepitus_factor_record_set_judgement (crepitus_assessment_get_factor (assessment, "inflammation"),
                                        CREPITUS_JUDGEMENT_UNLIKELY);
  g_assert_cmpint (crepitus_patient_get_id (patient), ==, -1);
  g_assert_cmpint (crepitus_assessment_get_id (assessment), ==, -1);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "patients"), ==, 0);
  g_assert_cmpuint (fixture->n_failures, ==, 0);

  /* The family name creates the patient, and the waiting assessment with everything typed. */
  crepitus_patient_set_family_name (patient, "Tanaka");
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  g_assert_cmpint (crepitus_patient_get_id (patient), >, 0);
  g_assert_cmpint (crepitus_assessment_get_id (assessment), >, 0);

  stored = crepitus_test_reload_patient (fixture->path, crepitus_patient_get_id (patient));
  g_assert_cmpstr (crepitus_patient_get_family_name (stored), ==, "Tanaka");
  g_assert_cmpstr (crepitus_patient_get_given_name (stored), ==, "Kai");
  g_assert_cmpstr (crepitus_patient_get_birth_date (stored), ==, "2001-06-15");
  stored_assessment = crepitus_test_reload_assessment (fixture->path,
                                                       crepitus_assessment_get_id (assessment));
  g_assert_cmpstr (crepitus_assessment_get_notes (stored_assessment), ==, "Waiting for a name.");
  g_assert_cmpint (crepitus_factor_record_get_judgement (
                     crepitus_assessment_get_factor (stored_assessment, "inflammation")),
                   ==, CREPITUS_JUDGEMENT_UNLIKELY);
}

static void
test_autosave_watch_stores_new (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (patient);
  g_autoptr(CrepitusAssessment) stored = NULL;

  /* Filled in before anyone watched: watching stores it, there is no unsaved state. */
  crepitus_patient_set_family_name (patient, "Early");
  crepitus_assessment_set_date (assessment, "2026-11-04");
  crepitus_assessment_set_clinician (assessment, "C. Clinician");
  crepitus_store_watch_assessment (fixture->store, assessment);
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  g_assert_cmpint (crepitus_patient_get_id (patient), >, 0);
  g_assert_cmpint (crepitus_assessment_get_id (assessment), >, 0);

  stored = crepitus_test_reload_assessment (fixture->path, crepitus_assessment_get_id (assessment));
  g_assert_cmpstr (crepitus_assessment_get_clinician (stored), ==, "C. Clinician");
  g_assert_cmpstr (crepitus_patient_get_family_name (crepitus_assessment_get_patient (stored)),
                   ==, "Early");
}

static void
test_autosave_assessment_needs_date (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;

  patient = crepitus_test_add_patient (fixture->store, "Dubois", NULL, NULL, NULL);
  assessment = crepitus_assessment_new (patient);
  crepitus_store_watch_assessment (fixture->store, assessment);
  crepitus_assessment_set_sound (assessment, CREPITUS_SOUND_POP);
  g_assert_cmpint (crepitus_assessment_get_id (assessment), ==, -1);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "assessments"), ==, 0);

  crepitus_assessment_set_date (assessment, "2026-11-01");
  g_assert_cmpint (crepitus_assessment_get_id (assessment), >, 0);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "assessments"), ==, 1);
  g_assert_cmpuint (fixture->n_failures, ==, 0);
}

/* Each refused edit emits ::write-failed once, with @code and @path, and stores nothing. */
static void
assert_refused (Fixture    *fixture,
                guint      *n_failures,
                int         code,
                const char *path)
{
  (*n_failures)++;
  g_assert_cmpuint (fixture->n_failures, ==, *n_failures);
  g_assert_error (fixture->last_failure, CREPITUS_STORE_ERROR, code);
  if (!g_str_has_prefix (fixture->last_failure->message, path))
    g_error ("“%s” does not start with %s", fixture->last_failure->message, path);
}

static void
test_autosave_refuses_invalid_edits (Fixture       *fixture,
                                     gconstpointer  data)
{
  Watched w = { 0 };
  g_autoptr(CrepitusPatient) other = NULL;
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = NULL;
  guint n = 0;

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) next = g_date_time_add_days (now, 1);

    tomorrow = g_date_time_format (next, "%Y-%m-%d");
  }

  other = crepitus_test_add_patient (fixture->store, "Other", NULL, NULL, "TAKEN");
  watched_set_up (fixture, &w);
  crepitus_assessment_set_notes (w.assessment, "Kept.");

  crepitus_patient_set_family_name (w.patient, "");
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "patient.family_name:");
  crepitus_patient_set_family_name (w.patient, " \t ");
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "patient.family_name:");
  crepitus_patient_set_birth_date (w.patient, tomorrow);
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "patient.birth_date:");
  crepitus_patient_set_birth_date (w.patient, "2026-11-10");   /* after the assessment */
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "patient.birth_date:");
  crepitus_patient_set_birth_date (w.patient, "1980-02-30");
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "patient.birth_date:");
  crepitus_patient_set_language (w.patient, "xx");
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "patient.language:");
  crepitus_patient_set_mrn (w.patient, "TAKEN");
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_CONFLICT, "patient.mrn:");
  crepitus_patient_set_given_name (w.patient, "\xff\xfe");
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "patient.given_name:");

  crepitus_assessment_set_date (w.assessment, tomorrow);
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "assessment.date:");
  crepitus_assessment_set_date (w.assessment, "1970-01-01");   /* before the birth date */
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "assessment.date:");
  crepitus_assessment_set_date (w.assessment, NULL);
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "assessment.date:");
  crepitus_assessment_set_pain_score (w.assessment, 11);
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "assessment.pain_score:");
  crepitus_assessment_set_duration_weeks (w.assessment, 521);
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "assessment.duration_weeks:");
  crepitus_assessment_set_sound (w.assessment, 99);
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "assessment.sound:");
  measures->tests[0].result = 2;   /* positive, but no side */
  crepitus_assessment_set_measures (w.assessment, measures);
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "assessment.measures.tests");
  measures->tests[0].result = -1;
  measures->has_odi = TRUE;
  measures->odi[2] = 6;
  crepitus_assessment_set_measures (w.assessment, measures);
  assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "assessment.measures.odi[2]:");

  /* The database holds what it held before any of these. */
  stored = crepitus_test_reload_assessment (fixture->path,
                                            crepitus_assessment_get_id (w.assessment));
  {
    CrepitusPatient *p = crepitus_assessment_get_patient (stored);

    g_assert_cmpstr (crepitus_patient_get_family_name (p), ==, "Silva");
    g_assert_cmpstr (crepitus_patient_get_given_name (p), ==, "Ana");
    g_assert_cmpstr (crepitus_patient_get_birth_date (p), ==, "1980-02-29");
    g_assert_cmpstr (crepitus_patient_get_mrn (p), ==, "C-3");
    g_assert_null (crepitus_patient_get_language (p));
  }
  g_assert_cmpstr (crepitus_assessment_get_date (stored), ==, "2026-11-02");
  g_assert_cmpint (crepitus_assessment_get_pain_score (stored), ==, -1);
  g_assert_cmpint (crepitus_assessment_get_sound (stored), ==, CREPITUS_SOUND_NOT_RECORDED);
  g_assert_true (crepitus_measures_is_empty (crepitus_assessment_get_measures (stored)));
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Kept.");

  /* The synchronous call reports the same error directly. */
  g_assert_false (crepitus_store_save_patient (fixture->store, w.patient, "family-name", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Fixing the field stores it. */
  crepitus_assessment_set_pain_score (w.assessment, 4);
  crepitus_patient_set_family_name (w.patient, "Silva Santos");
  g_assert_cmpuint (fixture->n_failures, ==, n);
  g_clear_object (&stored);
  stored = crepitus_test_reload_assessment (fixture->path,
                                            crepitus_assessment_get_id (w.assessment));
  g_assert_cmpint (crepitus_assessment_get_pain_score (stored), ==, 4);
  g_assert_cmpstr (crepitus_patient_get_family_name (crepitus_assessment_get_patient (stored)),
                   ==, "Silva Santos");

  /* A new patient with a blank family name is refused too. */
  {
    g_autoptr(CrepitusPatient) blank = crepitus_patient_new ();

    crepitus_store_watch_patient (fixture->store, blank);
    crepitus_patient_set_family_name (blank, "   ");
    assert_refused (fixture, &n, CREPITUS_STORE_ERROR_INVALID, "patient.family_name:");
    g_assert_cmpint (crepitus_patient_get_id (blank), ==, -1);
    g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "patients"), ==, 2);
  }
  watched_clear (&w);
}

static void
test_autosave_unwatch_and_finalize (Fixture       *fixture,
                                    gconstpointer  data)
{
  Watched w = { 0 };
  g_autoptr(CrepitusAssessment) stored = NULL;
  gint64 id;

  watched_set_up (fixture, &w);
  id = crepitus_assessment_get_id (w.assessment);
  crepitus_assessment_set_notes (w.assessment, "Saved.");
  crepitus_store_unwatch (fixture->store, w.assessment);
  crepitus_assessment_set_notes (w.assessment, "Not saved.");
  crepitus_factor_record_set_notes (crepitus_assessment_get_factor (w.assessment, "inflammation"),
                                    "Not saved either.");
  stored = crepitus_test_reload_assessment (fixture->path, id);
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Saved.");
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "factors"), ==, 0);

  /* Watch again, then let the model go first: the store must not touch it afterwards. */
  crepitus_store_watch_assessment (fixture->store, w.assessment);
  crepitus_store_watch_assessment (fixture->store, w.assessment);
  crepitus_assessment_set_notes (w.assessment, "Saved again.");
  watched_clear (&w);
  g_clear_object (&stored);
  stored = crepitus_test_reload_assessment (fixture->path, id);
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Saved again.");

  /* And the store first: the model lives on, unwatched. */
  w.patient = crepitus_test_add_patient (fixture->store, "Later", NULL, NULL, NULL);
  w.assessment = crepitus_test_add_assessment (fixture->store, w.patient, "2026-11-02");
  crepitus_store_watch_assessment (fixture->store, w.assessment);
  g_clear_object (&fixture->store);
  crepitus_assessment_set_notes (w.assessment, "After the store.");
  watched_clear (&w);
}

static void
test_autosave_move_assessment (Fixture       *fixture,
                               gconstpointer  data)
{
  Watched w = { 0 };
  g_autoptr(CrepitusPatient) other = NULL;
  g_autoptr(CrepitusAssessment) stored = NULL;

  watched_set_up (fixture, &w);
  other = crepitus_test_add_patient (fixture->store, "Moved", NULL, NULL, NULL);
  crepitus_assessment_set_patient (w.assessment, other);
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  stored = crepitus_test_reload_assessment (fixture->path,
                                            crepitus_assessment_get_id (w.assessment));
  g_assert_cmpint (crepitus_patient_get_id (crepitus_assessment_get_patient (stored)), ==,
                   crepitus_patient_get_id (other));
  watched_clear (&w);
}

/* Import and export */

static gint64
import_text (Fixture     *fixture,
             const char  *text,
             GError     **error)
{
  return crepitus_store_import_json (fixture->store, text, strlen (text), error);
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *name = data;
  g_autofree char *text = crepitus_test_fixture_text (name);
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = import_text (fixture, text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  exported = crepitus_store_export_json (fixture->store, id, &error);
  g_assert_no_error (error);
  assert_same_json (text, exported);
  /* The fixtures are canonical: even the bytes agree. */
  g_assert_cmpstr (exported, ==, text);
}

static void
test_import_matching (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = crepitus_test_fixture_text ("example.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) first = NULL;
  g_autoptr(CrepitusAssessment) second = NULL;
  g_autoptr(CrepitusPatient) named = NULL;
  gint64 id1, id2, id3;

  /* New patient, then the same MRN: the same patient, a second assessment. */
  id1 = import_text (fixture, text, &error);
  g_assert_no_error (error);
  id2 = import_text (fixture, text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, >, id1);
  first = crepitus_store_load_assessment (fixture->store, id1, &error);
  g_assert_no_error (error);
  second = crepitus_store_load_assessment (fixture->store, id2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crepitus_patient_get_id (crepitus_assessment_get_patient (first)), ==,
                   crepitus_patient_get_id (crepitus_assessment_get_patient (second)));
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "patients"), ==, 1);

  /* No MRN: matched by family name, given name and birth date; the MRN stays. */
  {
    g_autofree char *no_mrn = g_strdup (text);
    char *mrn = strstr (no_mrn, "    \"mrn\": \"A-1001\",\n");

    memmove (mrn, mrn + strlen ("    \"mrn\": \"A-1001\",\n"),
             strlen (mrn + strlen ("    \"mrn\": \"A-1001\",\n")) + 1);
    id3 = import_text (fixture, no_mrn, &error);
    g_assert_no_error (error);
    g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "patients"), ==, 1);
  }

  /* A patient known by name without MRN learns the MRN of a document. */
  named = crepitus_test_add_patient (fixture->store, "Kim", "Min-jun", "1975-05-05", NULL);
  {
    const char *doc =
      "{\"format\": \"crepitus-assessment\", \"version\": 1,"
      " \"patient\": {\"mrn\": \"K-9\", \"family_name\": \"Kim\", \"given_name\": \"Min-jun\","
      " \"birth_date\": \"1975-05-05\", \"language\": \"en\"},"
      " \"assessment\": {\"date\": \"2026-09-09\"}}";
    g_autoptr(CrepitusPatient) stored = NULL;

    import_text (fixture, doc, &error);
    g_assert_no_error (error);
    stored = crepitus_store_load_patient (fixture->store, crepitus_patient_get_id (named), &error);
    g_assert_cmpstr (crepitus_patient_get_mrn (stored), ==, "K-9");
    g_assert_cmpstr (crepitus_patient_get_language (stored), ==, "en");
    g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "patients"), ==, 2);
  }

  /* Same name, no birth date: too weak a match, a new patient. */
  {
    const char *doc =
      "{\"format\": \"crepitus-assessment\", \"version\": 1,"
      " \"patient\": {\"family_name\": \"Kim\", \"given_name\": \"Min-jun\"},"
      " \"assessment\": {\"date\": \"2026-09-09\"}}";

    import_text (fixture, doc, &error);
    g_assert_no_error (error);
    g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "patients"), ==, 3);
  }
  (void) id3;
}

static void
assert_import_conflict (Fixture    *fixture,
                        const char *text,
                        const char *from,
                        const char *to,
                        const char *message)
{
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 patients = crepitus_store_testing_count_rows (fixture->store, "patients");
  gint64 assessments = crepitus_store_testing_count_rows (fixture->store, "assessments");
  gint64 factors = crepitus_store_testing_count_rows (fixture->store, "factors");
  char *at = strstr (text, from);
  GString *s;

  g_assert_nonnull (at);
  s = g_string_new_len (text, at - text);
  g_string_append (s, to);
  g_string_append (s, at + strlen (from));
  changed = g_string_free (s, FALSE);

  g_assert_cmpint (import_text (fixture, changed, &error), ==, -1);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "patients"), ==, patients);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "assessments"), ==,
                   assessments);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "factors"), ==, factors);
}

static void
test_import_conflicts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = crepitus_test_fixture_text ("example.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) first = NULL;
  gint64 id, patient_id;
  g_autofree char *message = NULL;

  id = import_text (fixture, text, &error);
  g_assert_no_error (error);
  first = crepitus_store_load_assessment (fixture->store, id, &error);
  g_assert_no_error (error);
  patient_id = crepitus_patient_get_id (crepitus_assessment_get_patient (first));

  message = g_strdup_printf ("patient.birth_date: 1984-03-21 differs from the stored patient %"
                             G_GINT64_FORMAT " (1984-03-12); correct the file or the patient, "
                             "then import again", patient_id);
  assert_import_conflict (fixture, text, "\"1984-03-12\"", "\"1984-03-21\"", message);
  g_free (message);
  message = g_strdup_printf ("patient.family_name: differs from the stored patient %"
                             G_GINT64_FORMAT " with the same MRN; correct the file or the "
                             "patient, then import again", patient_id);
  assert_import_conflict (fixture, text, "\"García\"", "\"Garcia\"", message);
  g_free (message);
  message = g_strdup_printf ("patient.sex: male differs from the stored patient %"
                             G_GINT64_FORMAT " (female); correct the file or the patient, "
                             "then import again", patient_id);
  assert_import_conflict (fixture, text, "\"female\"", "\"male\"", message);

  /* Two stored patients with the same name and birth date and no MRN: ambiguous. */
  g_object_unref (crepitus_test_add_patient (fixture->store, "Twin", NULL, "2000-01-01", NULL));
  g_object_unref (crepitus_test_add_patient (fixture->store, "Twin", NULL, "2000-01-01", NULL));
  {
    const char *doc =
      "{\"format\": \"crepitus-assessment\", \"version\": 1,"
      " \"patient\": {\"family_name\": \"Twin\", \"birth_date\": \"2000-01-01\"},"
      " \"assessment\": {\"date\": \"2026-09-09\"}}";

    g_assert_cmpint (import_text (fixture, doc, &error), ==, -1);
    g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT);
    g_assert_true (g_str_has_prefix (error->message, "patient: matches 2 stored patients"));
  }
}

static void
test_import_invalid_stores_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *text = crepitus_test_fixture_text ("every-field.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;

  g_assert_cmpint (import_text (fixture, "{\"format\": \"crepitus-assessment\"", &error), ==, -1);
  g_assert_error (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_SYNTAX);
  g_clear_error (&error);

  /* Invalid deep inside, after the patient and most of the assessment. */
  bad = g_strdup (text);
  memcpy (strstr (bad, "\"very-much\""), "\"very-mush\"", strlen ("\"very-mush\""));
  g_assert_cmpint (import_text (fixture, bad, &error), ==, -1);
  g_assert_error (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "assessment.measures.start_back.bothersomeness"));
  g_clear_error (&error);

  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "patients"), ==, 0);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "assessments"), ==, 0);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "factors"), ==, 0);
}

static void
test_export_not_found (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = crepitus_store_export_json (fixture->store, 42, &error);
  g_autofree char *expected = g_strdup_printf ("%s: there is no assessment 42", fixture->path);

  g_assert_null (exported);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_measures_json (void)
{
  g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();
  g_autoptr(CrepitusMeasures) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = crepitus_json_measures_to_string (NULL);
  g_autofree char *text = NULL;

  g_assert_cmpstr (empty, ==, "{}");
  measures->has_start_back = TRUE;
  for (guint i = 0; i < CREPITUS_START_BACK_N_ITEMS; i++)
    measures->start_back_items[i] = i % 2;
  measures->bothersomeness = 4;
  measures->tests[4].result = 0;
  text = crepitus_json_measures_to_string (measures);
  g_assert_cmpstr (text, ==, "{\"start_back\":{\"items\":[0,1,0,1,0,1,0,1],"
                             "\"bothersomeness\":\"extremely\"},"
                             "\"tests\":{\"trendelenburg\":{\"result\":\"not-done\"}}}");
  read = crepitus_json_measures_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (crepitus_measures_equal (read, measures));

  g_clear_pointer (&read, crepitus_measures_free);
  read = crepitus_json_measures_from_string ("{\"beighton\": [true]}", &error);
  g_assert_null (read);
  g_assert_error (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "assessment.measures.beighton:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crepitus/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  /* Files: SQLite's alone. */
  if (!crepitus_test_backend_is_pg ())
    {
      g_test_add_func ("/crepitus/store/open/creates-private-files",
                       test_open_creates_private_files);
      g_test_add_func ("/crepitus/store/open/default-path", test_open_default_path);
      g_test_add_func ("/crepitus/store/open/empty-file-is-new", test_open_empty_file);
    }
  g_test_add_func ("/crepitus/store/migrations/every-version", test_migrations_every_version);
  g_test_add_func ("/crepitus/store/json/measures", test_measures_json);
  ADD ("patients/add-load-list", test_patients_add_load_list);
  ADD ("assessments/ordered-by-date", test_assessments_ordered_by_date);
  ADD ("autosave/text-and-enum", test_autosave_text_and_enum);
  ADD ("autosave/sets", test_autosave_sets);
  ADD ("autosave/factors", test_autosave_factors);
  ADD ("autosave/posture-and-measures", test_autosave_posture_and_measures);
  ADD ("autosave/patient-needs-family-name", test_autosave_patient_needs_family_name);
  ADD ("autosave/assessment-needs-date", test_autosave_assessment_needs_date);
  ADD ("autosave/watch-stores-new", test_autosave_watch_stores_new);
  ADD ("autosave/refuses-invalid-edits", test_autosave_refuses_invalid_edits);
  ADD ("autosave/unwatch-and-finalize", test_autosave_unwatch_and_finalize);
  ADD ("autosave/move-assessment", test_autosave_move_assessment);
  ADD ("import/matching", test_import_matching);
  ADD ("import/conflicts", test_import_conflicts);
  ADD ("import/invalid-stores-nothing", test_import_invalid_stores_nothing);
  ADD ("export/not-found", test_export_not_found);
  g_test_add ("/crepitus/store/export/round-trip-example", Fixture, "example.json",
              fixture_set_up, test_export_round_trip, fixture_tear_down);
  g_test_add ("/crepitus/store/export/round-trip-full", Fixture, "every-field.json",
              fixture_set_up, test_export_round_trip, fixture_tear_down);
  /* Text as given (§6): white space alone, around a name, in every text field. */
  g_test_add ("/crepitus/store/export/round-trip-whitespace", Fixture, "whitespace-text.json",
              fixture_set_up, test_export_round_trip, fixture_tear_down);
#undef ADD

  return g_test_run ();
}
