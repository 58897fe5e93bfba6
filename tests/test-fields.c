/* test-fields.c — every field's valid and invalid examples through the three entrances (JSON
 * import, the store API, the widgets' validator), which must give the same verdict; and the
 * red-flag screen through import, export, reload and signing */
#include "config.h"

#include <jansson.h>
#include <sqlite3.h>

#include "crepitus-json.h"
#include "crepitus-test-store.h"
#include "crepitus-triage.h"

typedef struct
{
  const char *path;          /* the §6 path; factor fields under joint-cavitation */
  const char *valid[4];      /* JSON values */
  const char *invalid[4];
} FieldExamples;

#define FACTOR "assessment.factors.joint-cavitation."

static const FieldExamples examples[] = {
  { "patient.mrn", { "\"A-1001\"", "\"  \"" }, { NULL } },
  { "patient.family_name", { "\"García\"", "\" Ng \"" },
    { "\"\"", "\"\\u00a0\"", "\" \\t\\u2003\"" } },
  { "patient.given_name", { "\"Lucía\"" }, { NULL } },
  { "patient.birth_date", { "\"1984-03-12\"", "\"\"" },
    { "\"1984-02-30\"", "\"12/03/1984\"", "\"9999-01-01\"", "\" \"" } },
  { "patient.sex", { "\"female\"", "\"unknown\"" }, { "\"f\"", "\"\"" } },
  { "patient.language", { "\"pl\"", "\"pt_BR\"" }, { "\"klingon\"", "\"pt-BR\"" } },
  { "assessment.date", { "\"2026-01-05\"" },
    { "\"2026-13-01\"", "\"\"", "\"9999-12-31\"", "\" 2026-01-05\"" } },
  { "assessment.clinician", { "\"Dr. Æsir\"", "\"\\t\"" }, { NULL } },
  { "assessment.side", { "\"left\"", "\"both\"" }, { "\"up\"" } },
  { "assessment.location", { "[\"lumbar-left\", \"sacroiliac-right\"]", "[]" },
    { "[\"lumbar\"]", "[\"lumbar-left\", \"lumbar-left\"]" } },
  { "assessment.sound", { "\"grating\"" }, { "\"crack\"" } },
  { "assessment.frequency", { "\"constant\"" }, { "\"sometimes\"" } },
  { "assessment.duration_weeks", { "0", "520" }, { "521", "-5" } },
  { "assessment.provoking_movements", { "[\"walking\"]" }, { "[\"running\"]" } },
  { "assessment.pain_score", { "0", "10" }, { "11", "-2" } },
  { "assessment.symptoms", { "[\"pain\", \"tingling\"]" }, { "[\"itch\"]" } },
  { "assessment.red_flags", { "[\"fever\"]" }, { "[\"headache\"]", "[\"fever\", \"fever\"]" } },
  { "assessment.red_flags_absent", { "[\"fever\", \"night-pain\"]" },
    { "[\"headache\"]", "[\"night-pain\", \"night-pain\"]" } },
  { "assessment.history", { "[\"sciatica\"]" }, { "[\"gout\"]" } },
  { "assessment.posture.scoliosis", { "\"none\"" }, { "\"left\"" } },
  { "assessment.posture.lordosis", { "\"uneven\"" }, { "\"flat\"" } },
  { "assessment.posture.pelvic_tilt", { "\"anterior\"" }, { "\"lateral\"" } },
  { "assessment.posture.kyphosis", { "\"increased\"" }, { "\"decreased\"" } },
  { "assessment.posture.forward_head", { "true", "false" }, { NULL } },
  { "assessment.posture.notes", { "\"Flat back.\"" }, { NULL } },
  { "assessment.notes", { "\"Pops on rising.\"", "\"   \"" }, { NULL } },
  { "assessment.review_weeks", { "1", "52" }, { "0", "53" } },
  { FACTOR "judgement", { "\"likely\"", "\"not-assessed\"" }, { "\"maybe\"" } },
  { FACTOR "findings", { "[\"gas-release-pop\"]" }, { "[\"weak-core\"]", "[\"nope\"]" } },
  { FACTOR "notes", { "\"Clean pop.\"" }, { NULL } },
};

typedef struct
{
  const CrepitusField *field;
  const char          *json;
  gboolean             valid;
} Example;

static const CrepitusField *
field_for_path (const char *path)
{
  for (CrepitusRecord record = 0; record < CREPITUS_N_RECORDS; record++)
    {
      guint n_fields;
      const CrepitusField *fields = crepitus_fields (record, &n_fields);

      for (guint i = 0; i < n_fields; i++)
        {
          g_autofree char *full = record == CREPITUS_RECORD_FACTOR
                                  ? g_strconcat (FACTOR, fields[i].path, NULL)
                                  : g_strdup (fields[i].path);

          if (g_str_equal (full, path))
            return &fields[i];
        }
    }
  g_error ("no field at %s", path);
}

/* The document of a patient and an assessment with @json at @path (replacing what the base
 * document has there). */
static char *
document_with (const char *path,
               const char *json)
{
  g_autoptr(GError) error = NULL;
  json_t *root = json_loads ("{\"format\": \"crepitus-assessment\", \"version\": 1,"
                             " \"patient\": {\"family_name\": \"Base\"},"
                             " \"assessment\": {\"date\": \"2026-01-05\","
                             "  \"factors\": {\"joint-cavitation\": {}}, \"posture\": {}}}",
                             0, NULL);
  json_t *value = json_loads (json, JSON_DECODE_ANY, NULL);
  g_auto(GStrv) parts = NULL;
  json_t *object = root;
  char *dumped, *result;
  guint n;

  g_assert_nonnull (value);
  parts = g_strsplit (path, ".", -1);
  n = g_strv_length (parts);
  for (guint i = 0; i + 1 < n; i++)
    object = json_object_get (object, parts[i]);
  json_object_set_new (object, parts[n - 1], value);
  dumped = json_dumps (root, 0);
  json_decref (root);
  result = g_strdup (dumped);
  free (dumped);
  return result;
}

/* The example's JSON value in the field's plain form; %FALSE when the test cannot say it
 * (a JSON value of the wrong type, which only the JSON entrance can meet). */
static void
plain_value (const Example *example,
             GValue        *value)
{
  json_t *json = json_loads (example->json, JSON_DECODE_ANY, NULL);

  crepitus_field_init_value (example->field, value);
  if (json_is_string (json))
    g_value_set_string (value, json_string_value (json));
  else if (json_is_integer (json))
    g_value_set_int (value, (int) json_integer_value (json));
  else if (json_is_boolean (json))
    g_value_set_int (value, json_is_true (json));
  else if (json_is_array (json))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      json_t *item;
      size_t i;

      json_array_foreach (json, i, item)
        g_strv_builder_add (builder, json_string_value (item));
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else
    g_assert_not_reached ();
  json_decref (json);
}

static gboolean
through_json (CrepitusStore *store,
              const Example *example)
{
  g_autofree char *document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 id;

  path = example->field->record == CREPITUS_RECORD_FACTOR
         ? g_strconcat (FACTOR, example->field->path, NULL)
         : g_strdup (example->field->path);
  document = document_with (path, example->json);
  id = crepitus_store_import_json (store, document, strlen (document), &error);
  if (error != NULL)
    {
      g_test_message ("JSON: %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, path));
    }
  return id >= 0;
}

/* The record of @example's field: a stored patient, assessment or factor record. */
static GObject *
stored_record (CrepitusAssessment *assessment,
               CrepitusRecord      record)
{
  switch (record)
    {
    case CREPITUS_RECORD_PATIENT:
      return G_OBJECT (crepitus_assessment_get_patient (assessment));
    case CREPITUS_RECORD_ASSESSMENT:
      return G_OBJECT (assessment);
    case CREPITUS_RECORD_FACTOR:
      return G_OBJECT (crepitus_assessment_get_factor (assessment, "joint-cavitation"));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
through_store (CrepitusStore *store,
               const Example *example)
{
  g_autoptr(CrepitusPatient) patient = crepitus_test_add_patient (store, "Base", NULL, NULL,
                                                                  NULL);
  g_autoptr(CrepitusAssessment) assessment = crepitus_test_add_assessment (store, patient,
                                                                           "2026-01-05");
  GObject *record = stored_record (assessment, example->field->record);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  plain_value (example, &value);
  /* A value the model cannot even hold (an unknown key of an enum) is refused there. */
  if (!crepitus_field_set (example->field, record, &value))
    return FALSE;
  switch (example->field->record)
    {
    case CREPITUS_RECORD_PATIENT:
      saved = crepitus_store_save_patient (store, patient, example->field->property, &error);
      break;
    case CREPITUS_RECORD_ASSESSMENT:
      saved = crepitus_store_save_assessment (store, assessment, example->field->property,
                                              &error);
      break;
    default:
      saved = crepitus_store_save_factor (store, assessment, "joint-cavitation", &error);
      break;
    }
  if (!saved)
    {
      g_autofree char *path = crepitus_field_path (example->field, record);

      g_test_message ("store: %s", error->message);
      g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, path));
    }
  return saved;
}

static gboolean
through_validator (CrepitusStore *store,
                   const Example *example)
{
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (crepitus_patient_new ());
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  gboolean valid;

  g_object_unref (crepitus_assessment_get_patient (assessment));
  plain_value (example, &value);
  valid = crepitus_field_validate (example->field,
                                   stored_record (assessment, example->field->record),
                                   &value, &error);
  if (!valid)
    {
      g_test_message ("validator: %s", error->message);
      g_assert_error (error, CREPITUS_FIELD_ERROR, CREPITUS_FIELD_ERROR_INVALID);
      g_assert_cmpstr (crepitus_field_error_problem (error), !=, error->message);
    }
  return valid;
}

/* One database for the imports and one for the edits, shared by every example (each adds
 * its own patient and assessment): opening two files for each of a hundred examples made the
 * test slow under a sanitizer. */
static char *shared_tmpdir;
static CrepitusStore *shared_json_store;
static CrepitusStore *shared_store;

static void
test_same_verdict (gconstpointer data)
{
  const Example *example = data;
  CrepitusStore *json_store = shared_json_store;
  CrepitusStore *store = shared_store;
  gboolean json = through_json (json_store, example);
  gboolean stored = through_store (store, example);
  gboolean validator = through_validator (store, example);

  g_test_message ("%s = %s: JSON %d, store %d, validator %d", example->field->path,
                  example->json, json, stored, validator);
  g_assert_cmpint (json, ==, example->valid);
  g_assert_cmpint (stored, ==, example->valid);
  g_assert_cmpint (validator, ==, example->valid);
}

/* Every field of the table has examples here, so a new field cannot skip this test. */
static void
test_every_field_has_examples (void)
{
  for (CrepitusRecord record = 0; record < CREPITUS_N_RECORDS; record++)
    {
      guint n_fields;
      const CrepitusField *fields = crepitus_fields (record, &n_fields);

      for (guint i = 0; i < n_fields; i++)
        {
          gboolean found = fields[i].kind == CREPITUS_FIELD_MEASURES;

          for (guint e = 0; e < G_N_ELEMENTS (examples) && !found; e++)
            found = field_for_path (examples[e].path) == &fields[i];
          if (!found)
            g_error ("no examples for %s", fields[i].path);
        }
    }
}

/* The screen through import, export and a reload from a second store. */
static void
test_screen_round_trip (void)
{
  g_autofree char *tmpdir = crepitus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "crepitus.db", NULL);
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (path);
  g_autoptr(CrepitusAssessment) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_auto(GStrv) absent = NULL;
  const char *document =
    "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": {\"family_name\": \"Ng\"},"
    " \"assessment\": {\"date\": \"2026-01-05\", \"red_flags_absent\": [\"night-pain\","
    " \"saddle-anaesthesia\"], \"red_flags\": [\"fever\"], \"review_weeks\": 6}}";
  const char *expected =
    "{\n  \"format\": \"crepitus-assessment\",\n  \"version\": 1,\n  \"patient\": {\n"
    "    \"family_name\": \"Ng\"\n  },\n  \"assessment\": {\n    \"date\": \"2026-01-05\",\n"
    "    \"red_flags\": [\n      \"fever\"\n    ],\n    \"red_flags_absent\": [\n"
    "      \"saddle-anaesthesia\",\n      \"night-pain\"\n    ],\n    \"review_weeks\": 6\n  }\n}\n";
  gint64 id;

  id = crepitus_store_import_json (store, document, strlen (document), &error);
  g_assert_no_error (error);
  exported = crepitus_store_export_json (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, expected);

  reloaded = crepitus_test_reload_assessment (path, id);
  g_assert_cmpint (crepitus_assessment_get_red_flag (reloaded, "fever"), ==,
                   CREPITUS_RED_FLAG_PRESENT);
  g_assert_cmpint (crepitus_assessment_get_red_flag (reloaded, "night-pain"), ==,
                   CREPITUS_RED_FLAG_ABSENT);
  g_assert_cmpint (crepitus_assessment_get_red_flag (reloaded, "iv-drug-use"), ==,
                   CREPITUS_RED_FLAG_NOT_ASKED);
  g_assert_cmpint (crepitus_assessment_get_review_weeks (reloaded), ==, 6);
  absent = crepitus_assessment_dup_red_flags_absent (reloaded);
  g_assert_cmpuint (g_strv_length (absent), ==, 2);

  /* Moving a flag from absent to present through the model saves both lists. */
  crepitus_store_watch_assessment (store, reloaded);
  crepitus_assessment_set_red_flag (reloaded, "night-pain", CREPITUS_RED_FLAG_PRESENT);
  crepitus_store_unwatch (store, reloaded);
  g_clear_object (&reloaded);
  reloaded = crepitus_test_reload_assessment (path, id);
  g_assert_cmpint (crepitus_assessment_get_red_flag (reloaded, "night-pain"), ==,
                   CREPITUS_RED_FLAG_PRESENT);
  g_assert_cmpint (crepitus_assessment_get_red_flag (reloaded, "saddle-anaesthesia"), ==,
                   CREPITUS_RED_FLAG_ABSENT);

  g_clear_object (&store);
  crepitus_test_remove_tree (tmpdir);
}

/* Signing needs a complete screen: refused with every flag not asked named, then accepted. */
static void
test_sign_needs_complete_screen (void)
{
  g_autofree char *tmpdir = crepitus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "crepitus.db", NULL);
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (path);
  g_autoptr(CrepitusPatient) patient = crepitus_test_add_patient (store, "Ng", NULL, NULL, NULL);
  g_autoptr(CrepitusAssessment) assessment = crepitus_test_add_assessment (store, patient,
                                                                           "2026-01-05");
  g_autoptr(CrepitusAssessment) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n_flags;
  const CrepitusCatalogEntry *flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n_flags);
  gint64 id = crepitus_assessment_get_id (assessment);

  crepitus_store_watch_assessment (store, assessment);
  for (guint i = 0; i + 2 < n_flags; i++)
    crepitus_assessment_set_red_flag (assessment, flags[i].key, CREPITUS_RED_FLAG_ABSENT);

  g_assert_false (crepitus_store_sign (store, id, "Dr. Lis", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, flags[n_flags - 2].key));
  g_assert_nonnull (strstr (error->message, flags[n_flags - 1].key));
  g_assert_null (strstr (error->message, flags[0].key));
  reloaded = crepitus_test_reload_assessment (path, id);
  g_assert_null (crepitus_assessment_get_signed_by (reloaded));
  g_clear_error (&error);
  g_clear_object (&reloaded);

  crepitus_assessment_set_red_flag (assessment, flags[n_flags - 2].key, CREPITUS_RED_FLAG_PRESENT);
  crepitus_assessment_set_red_flag (assessment, flags[n_flags - 1].key, CREPITUS_RED_FLAG_ABSENT);
  crepitus_store_unwatch (store, assessment);
  g_assert_true (crepitus_store_sign (store, id, "Dr. Lis", &error));
  g_assert_no_error (error);
  reloaded = crepitus_test_reload_assessment (path, id);
  g_assert_cmpstr (crepitus_assessment_get_signed_by (reloaded), ==, "Dr. Lis");
  g_assert_true (crepitus_assessment_is_screen_complete (reloaded));

  g_clear_object (&store);
  crepitus_test_remove_tree (tmpdir);
}

/* The SQL CHECKs are the file's own guard: each column the table names exists, and refuses
 * what the table refuses where a CHECK can say it. The test writes past the store on
 * purpose, as another program would. */
static void
test_checks_hold_against_table (void)
{
  static const char * const tables[CREPITUS_N_RECORDS] = { "patients", "assessments", "factors" };
  g_autofree char *tmpdir = crepitus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "crepitus.db", NULL);
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (path);
  g_autoptr(CrepitusPatient) patient = crepitus_test_add_patient (store, "Base", NULL, NULL, NULL);
  g_autoptr(CrepitusAssessment) assessment = crepitus_test_add_assessment (store, patient,
                                                                           "2026-01-05");
  sqlite3 *db = NULL;

  crepitus_store_watch_assessment (store, assessment);
  crepitus_factor_record_set_notes (crepitus_assessment_get_factor (assessment,
                                                                    "joint-cavitation"),
                                    "A factor row to write past.");
  crepitus_store_unwatch (store, assessment);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);

  for (CrepitusRecord record = 0; record < CREPITUS_N_RECORDS; record++)
    {
      guint n_fields;
      const CrepitusField *fields = crepitus_fields (record, &n_fields);

      for (guint i = 0; i < n_fields; i++)
        {
          const CrepitusField *field = &fields[i];
          g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1", tables[record],
                                                  field->column);
          g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
          sqlite3_stmt *stmt = NULL;
          int n_ints = 0;
          gint64 ints[2];

          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
          switch (field->kind)
            {
            case CREPITUS_FIELD_INTEGER:
              ints[n_ints++] = field->min - 1;
              ints[n_ints++] = (gint64) field->max + 1;
              break;
            case CREPITUS_FIELD_BOOLEAN:
              ints[n_ints++] = 2;
              break;
            case CREPITUS_FIELD_SET:
            case CREPITUS_FIELD_MEASURES:
              g_ptr_array_add (refused, g_strdup ("not JSON"));
              break;
            case CREPITUS_FIELD_DATE:
              g_ptr_array_add (refused, g_strdup ("05/01/2026"));
              break;
            default:
              /* Text and keys: never an empty string (not recorded is NULL). */
              g_ptr_array_add (refused, g_strdup (""));
              break;
            }
          for (guint v = 0; v < refused->len + n_ints; v++)
            {
              if (v < refused->len)
                sqlite3_bind_text (stmt, 1, refused->pdata[v], -1, SQLITE_TRANSIENT);
              else
                sqlite3_bind_int64 (stmt, 1, ints[v - refused->len]);
              if (sqlite3_step (stmt) != SQLITE_CONSTRAINT)
                g_error ("%s.%s accepts a value the table refuses", tables[record],
                         field->column);
              sqlite3_reset (stmt);
            }
          sqlite3_finalize (stmt);
        }
    }
  sqlite3_close (db);
  g_clear_object (&store);
  crepitus_test_remove_tree (tmpdir);
}

/* A database written by the previous version (2, before the screen) opens with its rows
 * intact; its assessments read as "not asked" and with no review booked. */
static void
test_version_2_migrated (void)
{
  g_autofree char *tmpdir = crepitus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "crepitus.db", NULL);
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(CrepitusAssessment) signed_v2 = NULL;
  g_autoptr(CrepitusAssessment) v1 = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) not_asked = NULL;
  g_autofree char *exported = NULL;

  g_assert_true (crepitus_store_testing_create_at (path, 2, &error));
  g_assert_no_error (error);
  store = crepitus_test_open_store (path);
  g_assert_cmpint (crepitus_store_testing_file_version (path), ==,
                   crepitus_store_schema_version ());

  signed_v2 = crepitus_store_load_assessment (store, 2002, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crepitus_assessment_get_signed_by (signed_v2), ==, "Dr Sample");
  g_assert_cmpstr (crepitus_patient_get_given_name (crepitus_assessment_get_patient (signed_v2)),
                   ==, "Łukasz");
  not_asked = crepitus_assessment_dup_red_flags_not_asked (signed_v2);
  g_assert_cmpuint (g_strv_length (not_asked), ==,
                    crepitus_catalog_count (CREPITUS_LIST_RED_FLAG));
  g_assert_cmpint (crepitus_assessment_get_review_weeks (signed_v2), ==, -1);

  v1 = crepitus_store_load_assessment (store, 2001, &error);
  g_assert_no_error (error);
  g_assert_true (crepitus_assessment_has (v1, CREPITUS_LIST_SYMPTOM, "pain"));
  g_assert_cmpint (crepitus_assessment_get_pain_score (v1), ==, 3);
  exported = crepitus_store_export_json (store, 2001, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (exported, "red_flags_absent"));
  g_assert_nonnull (strstr (exported, "\"notes\": \"Sample v1\""));

  /* Signed before the screen existed: still read-only, never silently re-signed. */
  crepitus_store_watch_assessment (store, signed_v2);
  crepitus_assessment_set_red_flag (signed_v2, "fever", CREPITUS_RED_FLAG_ABSENT);
  crepitus_store_unwatch (store, signed_v2);
  g_clear_object (&signed_v2);
  signed_v2 = crepitus_store_load_assessment (store, 2002, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crepitus_assessment_get_red_flag (signed_v2, "fever"), ==,
                   CREPITUS_RED_FLAG_NOT_ASKED);

  g_clear_object (&store);
  crepitus_test_remove_tree (tmpdir);
}

/* The positions the store and its backends name are those of the table of fields. */
static void
test_store_positions (void)
{
  const CrepitusField *patient = crepitus_fields (CREPITUS_RECORD_PATIENT, NULL);
  const CrepitusField *assessment = crepitus_fields (CREPITUS_RECORD_ASSESSMENT, NULL);
  guint n_patient, n_assessment, n_factor;

  g_assert_cmpstr (patient[CREPITUS_STORE_PATIENT_MRN].column, ==, "mrn");
  g_assert_cmpstr (patient[CREPITUS_STORE_PATIENT_FAMILY_NAME].column, ==, "family_name");
  g_assert_cmpstr (patient[CREPITUS_STORE_PATIENT_GIVEN_NAME].column, ==, "given_name");
  g_assert_cmpstr (patient[CREPITUS_STORE_PATIENT_BIRTH_DATE].column, ==, "birth_date");
  g_assert_cmpstr (assessment[CREPITUS_STORE_ASSESSMENT_DATE].column, ==, "date");
  crepitus_fields (CREPITUS_RECORD_PATIENT, &n_patient);
  crepitus_fields (CREPITUS_RECORD_ASSESSMENT, &n_assessment);
  crepitus_fields (CREPITUS_RECORD_FACTOR, &n_factor);
  g_assert_cmpuint (n_patient, ==, CREPITUS_STORE_N_PATIENT_FIELDS);
  g_assert_cmpuint (n_assessment, ==, CREPITUS_STORE_N_ASSESSMENT_FIELDS);
  g_assert_cmpuint (n_factor, ==, CREPITUS_STORE_N_FACTOR_FIELDS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint valid = 0; valid < 2; valid++)
      {
        const char * const *values = valid ? examples[e].valid : examples[e].invalid;

        for (guint v = 0; v < 4 && values[v] != NULL; v++)
          {
            Example *example = g_new0 (Example, 1);
            g_autofree char *name = NULL;

            example->field = field_for_path (examples[e].path);
            example->json = values[v];
            example->valid = valid;
            g_ptr_array_add (cases, example);
            name = g_strdup_printf ("/crepitus/fields/%s/%s-%u", examples[e].path,
                                    valid ? "valid" : "invalid", v);
            g_test_add_data_func (name, example, test_same_verdict);
          }
      }
  /* Every text field's longest value and one character more (é: characters, not bytes). */
  for (CrepitusRecord record = 0; record < CREPITUS_N_RECORDS; record++)
    {
      guint n_fields;
      const CrepitusField *fields = crepitus_fields (record, &n_fields);

      for (guint i = 0; i < n_fields; i++)
        for (guint valid = 0; fields[i].kind == CREPITUS_FIELD_TEXT && valid < 2; valid++)
          {
            Example *example = g_new0 (Example, 1);
            g_autoptr(GString) json = g_string_new ("\"");
            g_autofree char *name = NULL;

            g_assert_cmpint (fields[i].max_length, >, 0);
            for (int c = 0; c < fields[i].max_length + (valid ? 0 : 1); c++)
              g_string_append (json, "é");
            g_string_append_c (json, '"');
            example->field = &fields[i];
            example->json = g_intern_string (json->str);
            example->valid = valid;
            g_ptr_array_add (cases, example);
            name = g_strdup_printf ("/crepitus/fields/%s/%s-length", fields[i].path,
                                    valid ? "longest" : "too-long");
            g_test_add_data_func (name, example, test_same_verdict);
          }
    }
  g_test_add_func ("/crepitus/fields/every-field-has-examples", test_every_field_has_examples);
  g_test_add_func ("/crepitus/fields/screen-round-trip", test_screen_round_trip);
  g_test_add_func ("/crepitus/fields/sign-needs-complete-screen", test_sign_needs_complete_screen);
  g_test_add_func ("/crepitus/fields/checks-hold-against-table", test_checks_hold_against_table);
  g_test_add_func ("/crepitus/fields/version-2-migrated", test_version_2_migrated);
  g_test_add_func ("/crepitus/fields/store-positions", test_store_positions);

  {
    g_autofree char *json_path = NULL;
    g_autofree char *path = NULL;
    int status;

    shared_tmpdir = crepitus_test_make_tmpdir ();
    json_path = g_build_filename (shared_tmpdir, "imported.db", NULL);
    path = g_build_filename (shared_tmpdir, "edited.db", NULL);
    shared_json_store = crepitus_test_open_store (json_path);
    shared_store = crepitus_test_open_store (path);
    status = g_test_run ();
    g_clear_object (&shared_store);
    g_clear_object (&shared_json_store);
    crepitus_test_remove_tree (shared_tmpdir);
    g_free (shared_tmpdir);
    return status;
  }
}
