/* test-store-signing.c — signing, amending, entered in error, and the audit log; on SQLite, or
 * on PostgreSQL with CREPITUS_TEST_BACKEND=postgresql */
#include "config.h"

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

/* Every message logged while the tests run: patient names and notes must never be there. */
static GString *logged;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      g_string_append_printf (logged, "%s\n", (const char *) fields[i].value);
  return g_log_writer_default (level, fields, n_fields, user_data);
}

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
  crepitus_store_set_clinician (fixture->store, "Dr Desk");
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

static char *
export (Fixture *fixture,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  char *text = crepitus_store_export_json (fixture->store, id, &error);

  g_assert_no_error (error);
  return text;
}

/* A stored, watched assessment with a few fields and a factor. */
static CrepitusAssessment *
add_watched (Fixture *fixture)
{
  g_autoptr(CrepitusPatient) patient = crepitus_test_add_patient (fixture->store, "Kowalczyk",
                                                                  "Zofia", "1961-07-08", "P-9");
  CrepitusAssessment *assessment = crepitus_test_add_screened_assessment (fixture->store,
                                                                          patient,
                                                                          "2026-04-01");

  crepitus_store_watch_assessment (fixture->store, assessment);
  crepitus_assessment_set_notes (assessment, "Pops when climbing stairs.");
  crepitus_factor_record_set_judgement (crepitus_assessment_get_factor (assessment,
                                                                        "joint-cavitation"),
                                        CREPITUS_JUDGEMENT_LIKELY);
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  return assessment;
}

static void
assert_refused (Fixture    *fixture,
                guint       n_failures,
                const char *message)
{
  g_assert_cmpuint (fixture->n_failures, ==, n_failures);
  g_assert_error (fixture->last_failure, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED);
  g_assert_cmpstr (fixture->last_failure->message, ==, message);
}

static void
test_sign_makes_read_only (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = add_watched (fixture);
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(CrepitusPatient) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *message = NULL;
  gint64 id = crepitus_assessment_get_id (assessment);
  gint64 audit_rows;

  g_assert_false (crepitus_assessment_is_read_only (assessment));
  g_assert_true (crepitus_store_sign (fixture->store, id, "Dr Signer", &error));
  g_assert_no_error (error);

  /* The watched model learns it. */
  g_assert_cmpstr (crepitus_assessment_get_signed_by (assessment), ==, "Dr Signer");
  g_assert_true (g_str_has_suffix (crepitus_assessment_get_signed_at (assessment), "Z"));
  g_assert_true (crepitus_assessment_is_read_only (assessment));

  stored = crepitus_test_reload_assessment (fixture->path, id);
  g_assert_cmpstr (crepitus_assessment_get_signed_by (stored), ==, "Dr Signer");
  g_assert_cmpstr (crepitus_assessment_get_signed_at (stored), ==,
                   crepitus_assessment_get_signed_at (assessment));
  g_assert_cmpint (crepitus_assessment_get_superseded_by (stored), ==, -1);

  /* Every kind of save is refused, says what to do, and stores nothing. */
  before = export (fixture, id);
  audit_rows = crepitus_store_testing_count_rows (fixture->store, "audit");
  message = g_strdup_printf ("assessment %" G_GINT64_FORMAT " is signed; amend it to change it "
                             "(nothing was stored)", id);
  crepitus_assessment_set_notes (assessment, "Changed after signing.");
  assert_refused (fixture, 1, message);
  crepitus_assessment_set_pain_score (assessment, 7);
  assert_refused (fixture, 2, message);
  crepitus_factor_record_set_finding (crepitus_assessment_get_factor (assessment,
                                                                      "joint-cavitation"),
                                      "gas-release-pop", TRUE);
  assert_refused (fixture, 3, message);
  crepitus_factor_record_set_judgement (crepitus_assessment_get_factor (assessment,
                                                                        "joint-cavitation"),
                                        CREPITUS_JUDGEMENT_NOT_ASSESSED);
  assert_refused (fixture, 4, message);
  other = crepitus_test_add_patient (fixture->store, "Other", NULL, NULL, NULL);
  audit_rows++;
  crepitus_assessment_set_patient (assessment, other);
  assert_refused (fixture, 5, message);
  g_assert_false (crepitus_store_save_assessment (fixture->store, assessment, NULL, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED);
  g_clear_error (&error);

  after = export (fixture, id);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "audit"), ==, audit_rows);

  /* Signing twice, an unknown id, no name. */
  g_assert_false (crepitus_store_sign (fixture->store, id, "Dr Signer", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_false (crepitus_store_sign (fixture->store, 9999, "Dr Signer", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (crepitus_store_sign (fixture->store, id, "", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The patient's own details stay editable. */
  crepitus_patient_set_given_name (crepitus_assessment_get_patient (assessment), "Zosia");
  g_assert_cmpuint (fixture->n_failures, ==, 5);
}

static void
test_amend (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *text = crepitus_test_fixture_text ("every-field.json");
  g_autoptr(CrepitusAssessment) original = NULL;
  g_autoptr(CrepitusAssessment) amendment = NULL;
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original_json = NULL;
  g_autofree char *amendment_json = NULL;
  g_autofree char *message = NULL;
  gint64 id, new_id, third;

  id = crepitus_store_import_json (fixture->store, text, strlen (text), &error);
  g_assert_no_error (error);

  /* An unsigned assessment is edited, not amended. */
  g_assert_cmpint (crepitus_store_amend (fixture->store, id, "Dr Signer", &error), ==, -1);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (crepitus_store_sign (fixture->store, id, "Dr Signer", &error));
  original_json = export (fixture, id);
  new_id = crepitus_store_amend (fixture->store, id, "Dr Amender", &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, id);

  /* Every field and factor copied, same patient, same date. */
  amendment_json = export (fixture, new_id);
  g_assert_cmpstr (amendment_json, ==, original_json);
  g_assert_cmpstr (amendment_json, ==, text);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "patients"), ==, 1);

  /* The original keeps its id, stays readable, and is superseded. */
  original = crepitus_store_load_assessment (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crepitus_assessment_get_superseded_by (original), ==, new_id);
  g_assert_cmpstr (crepitus_assessment_get_signed_by (original), ==, "Dr Signer");
  g_assert_true (crepitus_assessment_is_read_only (original));

  amendment = crepitus_store_load_assessment (fixture->store, new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crepitus_assessment_get_amends (amendment), ==, id);
  g_assert_null (crepitus_assessment_get_signed_by (amendment));
  g_assert_false (crepitus_assessment_is_read_only (amendment));

  /* The amendment is edited like any unsigned assessment; the original refuses. */
  crepitus_store_watch_assessment (fixture->store, amendment);
  crepitus_assessment_set_notes (amendment, "Corrected: pops on the right.");
  crepitus_factor_record_set_notes (crepitus_assessment_get_factor (amendment, "inflammation"),
                                    "Corrected too.");
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  stored = crepitus_test_reload_assessment (fixture->path, new_id);
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Corrected: pops on the right.");
  crepitus_store_watch_assessment (fixture->store, original);
  crepitus_assessment_set_notes (original, "Not allowed.");
  message = g_strdup_printf ("assessment %" G_GINT64_FORMAT " is superseded by assessment %"
                             G_GINT64_FORMAT "; change that one instead (nothing was stored)",
                             id, new_id);
  assert_refused (fixture, 1, message);
  g_clear_pointer (&amendment_json, g_free);
  amendment_json = export (fixture, id);
  g_assert_cmpstr (amendment_json, ==, original_json);

  /* A superseded assessment is not amended again: the latest one is. */
  g_assert_cmpint (crepitus_store_amend (fixture->store, id, "Dr Amender", &error), ==, -1);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_true (crepitus_store_sign (fixture->store, new_id, "Dr Amender", &error));
  third = crepitus_store_amend (fixture->store, new_id, "Dr Amender", &error);
  g_assert_no_error (error);
  g_assert_cmpint (third, >, new_id);
  /* The watched amendment learns that it is superseded now. */
  g_assert_cmpint (crepitus_assessment_get_superseded_by (amendment), ==, third);
}

static void
test_entered_in_error (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = add_watched (fixture);
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = crepitus_assessment_get_id (assessment);

  g_assert_true (crepitus_store_mark_entered_in_error (fixture->store, id, "Dr Desk", &error));
  g_assert_no_error (error);
  g_assert_true (crepitus_assessment_get_entered_in_error (assessment));

  /* Kept and readable, never deleted; read-only. */
  stored = crepitus_test_reload_assessment (fixture->path, id);
  g_assert_true (crepitus_assessment_get_entered_in_error (stored));
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Pops when climbing stairs.");
  list = crepitus_store_list_assessments (fixture->store,
                                          crepitus_assessment_get_patient (assessment), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (crepitus_assessment_get_entered_in_error (list->pdata[0]));

  message = g_strdup_printf ("assessment %" G_GINT64_FORMAT " is marked entered in error; it "
                             "cannot change (nothing was stored)", id);
  crepitus_assessment_set_notes (assessment, "Too late.");
  assert_refused (fixture, 1, message);

  g_assert_false (crepitus_store_mark_entered_in_error (fixture->store, id, "Dr Desk", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_false (crepitus_store_sign (fixture->store, id, "Dr Desk", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_cmpint (crepitus_store_amend (fixture->store, id, "Dr Desk", &error), ==, -1);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED);
  g_clear_error (&error);
  g_assert_false (crepitus_store_mark_entered_in_error (fixture->store, 777, "Dr Desk", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_FOUND);
}

/* The audit log */

typedef struct
{
  const char *clinician;
  const char *action;
  const char *record;
  gint64      record_id;
  const char *field;
  const char *old_value;
  const char *new_value;
} Row;

static void
assert_rows (GPtrArray *entries,
             guint      from,
             const Row *rows,
             guint      n_rows)
{
  g_assert_cmpuint (entries->len, ==, from + n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      CrepitusAuditEntry *entry = entries->pdata[from + i];

      g_test_message ("row %u: %s %s %s %" G_GINT64_FORMAT " %s", from + i, entry->action,
                      entry->record, entry->clinician, entry->record_id, entry->field);
      g_assert_cmpstr (entry->clinician, ==, rows[i].clinician);
      g_assert_cmpstr (entry->action, ==, rows[i].action);
      g_assert_cmpstr (entry->record, ==, rows[i].record);
      g_assert_cmpint (entry->record_id, ==, rows[i].record_id);
      g_assert_cmpstr (entry->field, ==, rows[i].field);
      g_assert_cmpstr (entry->old_value, ==, rows[i].old_value);
      g_assert_cmpstr (entry->new_value, ==, rows[i].new_value);
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$",
                                           entry->at, 0, 0));
      if (i > 0)
        g_assert_cmpint (entry->id, >, ((CrepitusAuditEntry *) entries->pdata[from + i - 1])->id);
    }
}

static GPtrArray *
list_audit (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = crepitus_store_list_audit (fixture->store, id, &error);

  g_assert_no_error (error);
  return entries;
}

static void
test_audit_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (patient);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, "muscle-imbalances");
  gint64 pid, id, new_id;
  g_autofree char *pid_text = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *new_id_text = NULL;

  /* A complete, negative screen from the start (signing needs it): part of the insert. */
  {
    guint n_flags;
    const CrepitusCatalogEntry *flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG,
                                                                  &n_flags);

    for (guint i = 0; i < n_flags; i++)
      crepitus_assessment_set_red_flag (assessment, flags[i].key, CREPITUS_RED_FLAG_ABSENT);
  }
  crepitus_store_watch_assessment (fixture->store, assessment);
  crepitus_patient_set_family_name (patient, "Wiśniewska");
  crepitus_assessment_set_date (assessment, "2026-05-05");
  pid = crepitus_patient_get_id (patient);
  id = crepitus_assessment_get_id (assessment);
  g_assert_cmpint (id, >, 0);

  crepitus_patient_set_given_name (patient, "Ewa");
  crepitus_patient_set_given_name (patient, "Ewelina");
  crepitus_assessment_set_notes (assessment, "First note.");
  crepitus_assessment_set_notes (assessment, "Second note.");
  crepitus_assessment_set_pain_score (assessment, 3);
  crepitus_assessment_set_member (assessment, CREPITUS_LIST_SYMPTOM, "pain", TRUE);
  crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_POSSIBLE);
  crepitus_factor_record_set_finding (record, "weak-core", TRUE);
  crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_NOT_ASSESSED);
  crepitus_factor_record_set_finding (record, "weak-core", FALSE);
  /* Saving what is stored already changes nothing, and logs nothing. */
  g_assert_true (crepitus_store_save_assessment (fixture->store, assessment, NULL, &error));
  g_assert_true (crepitus_store_save_patient (fixture->store, patient, NULL, &error));
  g_assert_no_error (error);

  pid_text = g_strdup_printf ("%" G_GINT64_FORMAT, pid);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  {
    const Row rows[] = {
      { "Dr Desk", "insert", "patient", pid, NULL, NULL, NULL },
      { "Dr Desk", "insert", "assessment", id, NULL, NULL, NULL },
      { "Dr Desk", "update", "patient", pid, "given_name", NULL, "Ewa" },
      { "Dr Desk", "update", "patient", pid, "given_name", "Ewa", "Ewelina" },
      { "Dr Desk", "update", "assessment", id, "notes", NULL, "First note." },
      { "Dr Desk", "update", "assessment", id, "notes", "First note.", "Second note." },
      { "Dr Desk", "update", "assessment", id, "pain_score", NULL, "3" },
      { "Dr Desk", "update", "assessment", id, "symptoms", NULL, "[\"pain\"]" },
      { "Dr Desk", "update", "factor", id, "muscle-imbalances.judgement", NULL, "possible" },
      { "Dr Desk", "update", "factor", id, "muscle-imbalances.findings", NULL, "[\"weak-core\"]" },
      { "Dr Desk", "update", "factor", id, "muscle-imbalances.judgement", "possible", NULL },
      { "Dr Desk", "update", "factor", id, "muscle-imbalances.findings", "[\"weak-core\"]", NULL },
    };

    entries = list_audit (fixture, -1);
    assert_rows (entries, 0, rows, G_N_ELEMENTS (rows));
  }

  /* Sign, amend and mark are audited as the clinician who did them. */
  g_assert_true (crepitus_store_sign (fixture->store, id, "Dr Signer", &error));
  new_id = crepitus_store_amend (fixture->store, id, "Dr Amender", &error);
  g_assert_no_error (error);
  new_id_text = g_strdup_printf ("%" G_GINT64_FORMAT, new_id);
  g_assert_true (crepitus_store_mark_entered_in_error (fixture->store, new_id, "Dr Marker",
                                                       &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrepitusAssessment) signed_one = crepitus_store_load_assessment (fixture->store, id,
                                                                               &error);
    const Row rows[] = {
      { "Dr Signer", "sign", "assessment", id, "signed_by", NULL, "Dr Signer" },
      { "Dr Signer", "sign", "assessment", id, "signed_at", NULL,
        crepitus_assessment_get_signed_at (signed_one) },
      { "Dr Amender", "amend", "assessment", new_id, "amends", NULL, id_text },
      { "Dr Amender", "amend", "assessment", id, "superseded_by", NULL, new_id_text },
      { "Dr Marker", "entered-in-error", "assessment", new_id, "entered_in_error", "0", "1" },
    };

    g_clear_pointer (&entries, g_ptr_array_unref);
    entries = list_audit (fixture, -1);
    assert_rows (entries, 12, rows, G_N_ELEMENTS (rows));
  }

  /* One assessment: its own rows and its factors', not the patient's. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list_audit (fixture, new_id);
  {
    const Row rows[] = {
      { "Dr Amender", "amend", "assessment", new_id, "amends", NULL, id_text },
      { "Dr Marker", "entered-in-error", "assessment", new_id, "entered_in_error", "0", "1" },
    };

    assert_rows (entries, 0, rows, G_N_ELEMENTS (rows));
  }
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list_audit (fixture, id);
  g_assert_cmpuint (entries->len, ==, 12);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpstr (((CrepitusAuditEntry *) entries->pdata[i])->record, !=, "patient");

  /* An unknown clinician is audited as not known. */
  crepitus_store_set_clinician (fixture->store, NULL);
  crepitus_patient_set_language (patient, "pl");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list_audit (fixture, -1);
  {
    const Row rows[] = { { NULL, "update", "patient", pid, "language", NULL, "pl" } };

    assert_rows (entries, 17, rows, 1);
  }
  g_assert_cmpuint (fixture->n_failures, ==, 0);

  /* Names and notes went to the database, never to a log. */
  g_assert_null (strstr (logged->str, "Wiśniewska"));
  g_assert_null (strstr (logged->str, "Ewelina"));
  g_assert_null (strstr (logged->str, "Second note."));
}

static void
test_audit_import (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = crepitus_test_fixture_text ("example.json");
  g_autoptr(CrepitusPatient) named = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, pid;
  const char *doc =
    "{\"format\": \"crepitus-assessment\", \"version\": 1,"
    " \"patient\": {\"mrn\": \"K-9\", \"family_name\": \"Kim\", \"given_name\": \"Min-jun\","
    " \"birth_date\": \"1975-05-05\"}, \"assessment\": {\"date\": \"2026-09-09\"}}";

  crepitus_store_set_clinician (fixture->store, "Dr Import");
  id = crepitus_store_import_json (fixture->store, text, strlen (text), &error);
  g_assert_no_error (error);
  entries = list_audit (fixture, -1);
  {
    CrepitusAuditEntry *patient_row = entries->pdata[0];
    const Row rows[] = {
      { "Dr Import", "insert", "patient", patient_row->record_id, NULL, NULL, NULL },
      { "Dr Import", "insert", "assessment", id, NULL, NULL, NULL },
    };

    assert_rows (entries, 0, rows, G_N_ELEMENTS (rows));
  }

  /* A known patient learns the MRN of a document: one update row, in the same transaction. */
  named = crepitus_test_add_patient (fixture->store, "Kim", "Min-jun", "1975-05-05", NULL);
  pid = crepitus_patient_get_id (named);
  id = crepitus_store_import_json (fixture->store, doc, strlen (doc), &error);
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list_audit (fixture, -1);
  {
    const Row rows[] = {
      { "Dr Import", "insert", "patient", pid, NULL, NULL, NULL },
      { "Dr Import", "update", "patient", pid, "mrn", NULL, "K-9" },
      { "Dr Import", "insert", "assessment", id, NULL, NULL, NULL },
    };

    assert_rows (entries, 2, rows, G_N_ELEMENTS (rows));
  }

  /* A refused import writes no row. */
  g_assert_cmpint (crepitus_store_import_json (fixture->store, doc, strlen (doc) - 1, &error),
                   ==, -1);
  g_clear_error (&error);
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "audit"), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  logged = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crepitus/store/signing/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("sign-makes-read-only", test_sign_makes_read_only);
  ADD ("amend", test_amend);
  ADD ("entered-in-error", test_entered_in_error);
  ADD ("audit-rows", test_audit_rows);
  ADD ("audit-import", test_audit_import);
#undef ADD

  {
    int status = g_test_run ();

    g_string_free (logged, TRUE);
    return status;
  }
}
