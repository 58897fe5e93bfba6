/* test-json.c — the interchange format of CLINICAL.md §6: reading, canonical writing, errors */
#include "config.h"

#include <jansson.h>

#include "crepitus-json.h"
#include "crepitus-json-path.h"

static char *
fixture_contents (const char *name,
                  gsize      *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static CrepitusAssessment *
read_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  CrepitusAssessment *assessment = crepitus_json_read (json, strlen (json), &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  return assessment;
}

static void
test_read_example (void)
{
  gsize length;
  g_autofree char *json = fixture_contents ("example.json", &length);
  g_autoptr(CrepitusAssessment) a = read_ok (json);
  CrepitusPatient *p = crepitus_assessment_get_patient (a);
  CrepitusFactorRecord *cavitation = crepitus_assessment_get_factor (a, "joint-cavitation");
  const CrepitusMeasures *measures = crepitus_assessment_get_measures (a);

  g_assert_cmpstr (crepitus_patient_get_mrn (p), ==, "A-1001");
  g_assert_cmpstr (crepitus_patient_get_family_name (p), ==, "García");
  g_assert_cmpstr (crepitus_patient_get_given_name (p), ==, "Lucía");
  g_assert_cmpstr (crepitus_patient_get_birth_date (p), ==, "1984-03-12");
  g_assert_cmpint (crepitus_patient_get_sex (p), ==, CREPITUS_SEX_FEMALE);
  g_assert_cmpstr (crepitus_patient_get_language (p), ==, "es");
  g_assert_cmpint (crepitus_patient_get_age_on (p, "2026-11-20"), ==, 42);
  g_assert_cmpint (crepitus_patient_get_age_on (p, "2026-03-11"), ==, 41);

  g_assert_cmpstr (crepitus_assessment_get_date (a), ==, "2026-11-20");
  g_assert_cmpstr (crepitus_assessment_get_clinician (a), ==, "A. Clinician");
  g_assert_cmpint (crepitus_assessment_get_side (a), ==, CREPITUS_SIDE_LEFT);
  g_assert_true (crepitus_assessment_has (a, CREPITUS_LIST_LOCATION, "lumbar-left"));
  g_assert_false (crepitus_assessment_has (a, CREPITUS_LIST_LOCATION, "lumbar-right"));
  g_assert_cmpint (crepitus_assessment_get_sound (a), ==, CREPITUS_SOUND_POP);
  g_assert_cmpint (crepitus_assessment_get_frequency (a), ==, CREPITUS_FREQUENCY_OCCASIONAL);
  g_assert_cmpint (crepitus_assessment_get_duration_weeks (a), ==, 3);
  g_assert_true (crepitus_assessment_has (a, CREPITUS_LIST_MOVEMENT, "leg-extension"));
  g_assert_cmpint (crepitus_assessment_get_pain_score (a), ==, 0);
  g_assert_true (crepitus_assessment_has (a, CREPITUS_LIST_HISTORY, "low-back-pain"));
  g_assert_cmpint (crepitus_factor_record_get_judgement (cavitation), ==, CREPITUS_JUDGEMENT_LIKELY);
  g_assert_true (crepitus_factor_record_has_finding (cavitation, "painless-unrestricted"));
  g_assert_true (crepitus_factor_record_is_empty (crepitus_assessment_get_factor (a, "inflammation")));
  g_assert_cmpint (crepitus_assessment_get_pelvic_tilt (a), ==, CREPITUS_PELVIC_TILT_ANTERIOR);
  /* false is recorded, distinct from not recorded */
  g_assert_cmpint (crepitus_assessment_get_forward_head (a), ==, CREPITUS_TRISTATE_NO);
  g_assert_true (measures->has_odi);
  g_assert_cmpint (measures->odi[1], ==, 1);
  g_assert_false (measures->has_beighton);
  g_assert_cmpstr (crepitus_assessment_get_notes (a), ==, "Pops on rising from a chair.");
}

/* Absent means not recorded, never a default. */
static void
test_absent_is_not_recorded (void)
{
  g_autoptr(CrepitusAssessment) a =
    read_ok ("{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": "
             "{\"family_name\": \"Kim\"}, \"assessment\": {\"date\": \"2025-06-01\"}}");

  g_assert_cmpint (crepitus_assessment_get_side (a), ==, CREPITUS_SIDE_NOT_RECORDED);
  g_assert_cmpint (crepitus_assessment_get_sound (a), ==, CREPITUS_SOUND_NOT_RECORDED);
  g_assert_cmpint (crepitus_assessment_get_frequency (a), ==, CREPITUS_FREQUENCY_NOT_RECORDED);
  g_assert_cmpint (crepitus_assessment_get_duration_weeks (a), ==, -1);
  g_assert_cmpint (crepitus_assessment_get_pain_score (a), ==, -1);
  g_assert_cmpint (crepitus_assessment_get_forward_head (a), ==, CREPITUS_TRISTATE_NOT_RECORDED);
  g_assert_null (crepitus_assessment_get_clinician (a));
  g_assert_null (crepitus_patient_get_birth_date (crepitus_assessment_get_patient (a)));
  g_assert_cmpint (crepitus_patient_get_sex (crepitus_assessment_get_patient (a)), ==,
                   CREPITUS_SEX_NOT_RECORDED);
  g_assert_true (crepitus_measures_is_empty (crepitus_assessment_get_measures (a)));
}

static void
assert_canonical_fixture (const char *name)
{
  gsize length;
  g_autofree char *json = fixture_contents (name, &length);
  g_autoptr(CrepitusAssessment) a = read_ok (json);
  g_autofree char *written = crepitus_json_write (a);

  /* Canonical input comes back byte for byte (and so as the same JSON value). */
  g_assert_cmpstr (written, ==, json);
}

static void
test_round_trip_example (void)
{
  assert_canonical_fixture ("example.json");
}

static void
test_round_trip_full (void)
{
  assert_canonical_fixture ("full.json");
}

/* Text is stored as given (§6), white space alone too: a note of spaces is a note, and only
 * "" is left out. */
static void
test_round_trip_whitespace (void)
{
  assert_canonical_fixture ("whitespace-text.json");
}

/* Any valid document, canonical or not, exports to the canonical form of the same value. */
static void
test_canonical_form (void)
{
  gsize compact_length, full_length;
  g_autofree char *compact = fixture_contents ("full-compact.json", &compact_length);
  g_autofree char *full = fixture_contents ("full.json", &full_length);
  g_autoptr(CrepitusAssessment) a = read_ok (compact);
  g_autofree char *written = crepitus_json_write (a);

  g_assert_cmpstr (written, ==, full);
}

static void
test_canonical_leaves_out_empty (void)
{
  g_autoptr(CrepitusAssessment) a =
    read_ok ("\xEF\xBB\xBF{\"format\": \"crepitus-assessment\", \"version\": 1, "
             "\"patient\": {\"family_name\": \"Kim\", \"mrn\": \"\", \"given_name\": \"\"}, "
             "\"assessment\": {\"date\": \"2025-06-01\", \"clinician\": \"\", \"symptoms\": [], "
             "\"red_flags\": [], \"notes\": \"\", \"posture\": {}, \"measures\": {}, "
             "\"factors\": {\"inflammation\": {\"judgement\": \"not-assessed\", "
             "\"findings\": [], \"notes\": \"\"}}}}");
  g_autofree char *written = crepitus_json_write (a);
  json_error_t error;
  json_t *value = json_loads (written, 0, &error);
  json_t *expected = json_loads ("{\"format\": \"crepitus-assessment\", \"version\": 1, "
                                 "\"patient\": {\"family_name\": \"Kim\"}, "
                                 "\"assessment\": {\"date\": \"2025-06-01\"}}", 0, &error);

  g_assert_nonnull (value);
  g_assert_true (json_equal (value, expected));
  json_decref (value);
  json_decref (expected);
}

/* Text is stored as given: no Unicode normalisation. */
static void
test_text_as_given (void)
{
  /* "é" decomposed (e + U+0301) stays decomposed. */
  g_autoptr(CrepitusAssessment) a =
    read_ok ("{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": "
             "{\"family_name\": \"Ine\\u0301s  \"}, \"assessment\": {\"date\": \"2025-06-01\"}}");

  g_assert_cmpstr (crepitus_patient_get_family_name (crepitus_assessment_get_patient (a)), ==,
                   "Ine\xCC\x81s  ");
}

typedef struct
{
  const char *name;
  const char *json;
  const char *message;
} ErrorCase;

#define DOC(patient, assessment) \
  "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": {" patient "}, " \
  "\"assessment\": {\"date\": \"2026-01-05\"" assessment "}}"
#define PATIENT "\"family_name\": \"Kim\""

static const ErrorCase error_cases[] = {
  /* the two examples of CLINICAL.md and the issue */
  { "unknown-symptom", DOC (PATIENT, ", \"symptoms\": [\"pain\", \"numb\"]"),
    "assessment.symptoms[1]: unknown symptom \"numb\"" },
  { "finding-of-another-factor",
    DOC (PATIENT, ", \"factors\": {\"joint-cavitation\": {\"findings\": [\"weak-core\"]}}"),
    "assessment.factors.joint-cavitation.findings[0]: \"weak-core\" is not a finding of joint-cavitation" },
  /* unknown keys at any depth */
  { "unknown-top-key", DOC (PATIENT, "") "", NULL },
  { "unknown-patient-key", DOC (PATIENT ", \"age\": 40", ""), "patient.age: unknown key \"age\"" },
  { "unknown-assessment-key", DOC (PATIENT, ", \"colour\": \"red\""),
    "assessment.colour: unknown key \"colour\"" },
  { "unknown-posture-key", DOC (PATIENT, ", \"posture\": {\"tilt\": \"neutral\"}"),
    "assessment.posture.tilt: unknown key \"tilt\"" },
  { "unknown-factor-key",
    DOC (PATIENT, ", \"factors\": {\"inflammation\": {\"judgment\": \"likely\"}}"),
    "assessment.factors.inflammation.judgment: unknown key \"judgment\"" },
  { "unknown-factor", DOC (PATIENT, ", \"factors\": {\"gout\": {}}"),
    "assessment.factors.gout: unknown factor \"gout\"" },
  { "unknown-finding",
    DOC (PATIENT, ", \"factors\": {\"inflammation\": {\"findings\": [\"gout\"]}}"),
    "assessment.factors.inflammation.findings[0]: unknown finding \"gout\"" },
  { "unknown-measure", DOC (PATIENT, ", \"measures\": {\"sf36\": [1]}"),
    "assessment.measures.sf36: unknown key \"sf36\"" },
  { "nprs-in-measures", DOC (PATIENT, ", \"measures\": {\"nprs\": 3}"),
    "assessment.measures.nprs: NPRS is recorded as assessment.pain_score, not in measures" },
  /* unknown values */
  { "unknown-sound", DOC (PATIENT, ", \"sound\": \"crack\""), "assessment.sound: unknown sound \"crack\"" },
  { "unknown-side", DOC (PATIENT, ", \"side\": \"middle\""), "assessment.side: unknown side \"middle\"" },
  { "unknown-red-flag", DOC (PATIENT, ", \"red_flags\": [\"fever\", \"chills\"]"),
    "assessment.red_flags[1]: unknown red flag \"chills\"" },
  { "unknown-judgement",
    DOC (PATIENT, ", \"factors\": {\"inflammation\": {\"judgement\": \"certain\"}}"),
    "assessment.factors.inflammation.judgement: unknown judgement \"certain\"" },
  { "unknown-sex", DOC (PATIENT ", \"sex\": \"f\"", ""), "patient.sex: unknown sex \"f\"" },
  { "unknown-language", DOC (PATIENT ", \"language\": \"it\"", ""),
    "patient.language: unknown language \"it\"" },
  { "unknown-test", DOC (PATIENT, ", \"measures\": {\"tests\": {\"lasegue\": {\"result\": \"positive\", \"side\": \"left\"}}}"),
    "assessment.measures.tests.lasegue: unknown test \"lasegue\"" },
  /* sets */
  { "repeated-key", DOC (PATIENT, ", \"location\": [\"lumbar-left\", \"lumbar-left\"]"),
    "assessment.location[1]: \"lumbar-left\" is listed twice" },
  { "repeated-finding",
    DOC (PATIENT, ", \"factors\": {\"inflammation\": {\"findings\": [\"muscle-spasm-guarding\", \"muscle-spasm-guarding\"]}}"),
    "assessment.factors.inflammation.findings[1]: \"muscle-spasm-guarding\" is listed twice" },
  /* types */
  { "set-not-array", DOC (PATIENT, ", \"symptoms\": \"pain\""), "assessment.symptoms: must be an array" },
  { "set-item-not-string", DOC (PATIENT, ", \"history\": [1]"), "assessment.history[0]: must be a string" },
  { "integer-as-string", DOC (PATIENT, ", \"duration_weeks\": \"3\""),
    "assessment.duration_weeks: must be a whole number from 0 to 520" },
  { "integer-as-real", DOC (PATIENT, ", \"pain_score\": 3.0"),
    "assessment.pain_score: must be a whole number from 0 to 10" },
  { "forward-head-not-boolean", DOC (PATIENT, ", \"posture\": {\"forward_head\": \"yes\"}"),
    "assessment.posture.forward_head: must be true or false" },
  { "notes-not-string", DOC (PATIENT, ", \"notes\": 5"), "assessment.notes: must be a string" },
  { "patient-not-object", "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": [], \"assessment\": {}}",
    "patient: must be an object" },
  /* ranges */
  { "pain-too-high", DOC (PATIENT, ", \"pain_score\": 11"), "assessment.pain_score: 11 is out of range (0 to 10)" },
  { "pain-negative", DOC (PATIENT, ", \"pain_score\": -1"), "assessment.pain_score: -1 is out of range (0 to 10)" },
  { "duration-too-long", DOC (PATIENT, ", \"duration_weeks\": 521"),
    "assessment.duration_weeks: 521 is out of range (0 to 520)" },
  { "duration-huge", DOC (PATIENT, ", \"duration_weeks\": 9223372036854775807"),
    "assessment.duration_weeks: 9223372036854775807 is out of range (0 to 520)" },
  { "review-too-soon", DOC (PATIENT, ", \"review_weeks\": 0"),
    "assessment.review_weeks: 0 is out of range (1 to 52)" },
  { "review-too-late", DOC (PATIENT, ", \"review_weeks\": 53"),
    "assessment.review_weeks: 53 is out of range (1 to 52)" },
  { "review-as-real", DOC (PATIENT, ", \"review_weeks\": 4.0"),
    "assessment.review_weeks: must be a whole number from 1 to 52" },
  /* the red-flag screen */
  { "red-flag-present-and-absent",
    DOC (PATIENT, ", \"red_flags\": [\"fever\", \"night-pain\"], \"red_flags_absent\": [\"iv-drug-use\", \"night-pain\"]"),
    "assessment.red_flags_absent[1]: \"night-pain\" is also listed in assessment.red_flags" },
  { "red-flag-absent-unknown", DOC (PATIENT, ", \"red_flags_absent\": [\"headache\"]"),
    "assessment.red_flags_absent[0]: unknown red flag \"headache\"" },
  { "red-flag-absent-twice", DOC (PATIENT, ", \"red_flags_absent\": [\"fever\", \"fever\"]"),
    "assessment.red_flags_absent[1]: \"fever\" is listed twice" },
  { "family-name-no-break-space", DOC ("\"family_name\": \"\u00a0\"", ""),
    "patient.family_name: must not be empty" },
  /* required fields */
  { "format-missing", "{\"version\": 1}", "format: is required" },
  { "format-wrong", "{\"format\": \"csv\", \"version\": 1}", "format: must be \"crepitus-assessment\"" },
  { "version-missing", "{\"format\": \"crepitus-assessment\"}", "version: is required" },
  { "version-2", "{\"format\": \"crepitus-assessment\", \"version\": 2}",
    "version: unsupported version 2 (this Crepitus reads version 1)" },
  { "version-string", "{\"format\": \"crepitus-assessment\", \"version\": \"1\"}",
    "version: unsupported version \"1\" (this Crepitus reads version 1)" },
  { "family-name-missing", DOC ("\"given_name\": \"Ann\"", ""), "patient.family_name: is required" },
  { "family-name-empty", DOC ("\"family_name\": \"\"", ""), "patient.family_name: must not be empty" },
  { "family-name-blank", DOC ("\"family_name\": \"  \\t\"", ""), "patient.family_name: must not be empty" },
  { "date-missing", "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": {" PATIENT "}, \"assessment\": {}}",
    "assessment.date: is required" },
  { "patient-missing", "{\"format\": \"crepitus-assessment\", \"version\": 1, \"assessment\": {}}",
    "patient: is required" },
  /* dates */
  { "date-invalid", "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": {" PATIENT "}, \"assessment\": {\"date\": \"2026-02-30\"}}",
    "assessment.date: \"2026-02-30\" is not a date of the form YYYY-MM-DD" },
  { "date-not-iso", "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": {" PATIENT "}, \"assessment\": {\"date\": \"05/01/2026\"}}",
    "assessment.date: \"05/01/2026\" is not a date of the form YYYY-MM-DD" },
  { "date-blank", "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": {" PATIENT "}, \"assessment\": {\"date\": \" \"}}",
    "assessment.date: \" \" is not a date of the form YYYY-MM-DD" },
  { "birth-date-blank", DOC (PATIENT ", \"birth_date\": \"  \"", ""),
    "patient.birth_date: \"  \" is not a date of the form YYYY-MM-DD" },
  { "birth-date-padded", DOC (PATIENT ", \"birth_date\": \"1984-03-12 \"", ""),
    "patient.birth_date: \"1984-03-12 \" is not a date of the form YYYY-MM-DD" },
  { "family-name-spaces", DOC ("\"family_name\": \"   \"", ""), "patient.family_name: must not be empty" },
  { "date-in-future", NULL, NULL },  /* built at run time: tomorrow */
  { "birth-after-assessment", DOC (PATIENT ", \"birth_date\": \"2026-01-06\"", ""),
    "patient.birth_date: 2026-01-06 is after the assessment date 2026-01-05" },
  /* measures */
  { "odi-nine", DOC (PATIENT, ", \"measures\": {\"odi\": [0,0,0,0,0,0,0,0,0]}"),
    "assessment.measures.odi: must have exactly 10 entries, not 9" },
  { "odi-six", DOC (PATIENT, ", \"measures\": {\"odi\": [0,0,0,6,0,0,0,0,0,0]}"),
    "assessment.measures.odi[3]: 6 is out of range (0 to 5)" },
  { "odi-real", DOC (PATIENT, ", \"measures\": {\"odi\": [0,0,0,2.5,0,0,0,0,0,0]}"),
    "assessment.measures.odi[3]: must be a whole number from 0 to 5, or null" },
  { "start-back-two", DOC (PATIENT, ", \"measures\": {\"start_back\": {\"items\": [0,0,2,0,0,0,0,0]}}"),
    "assessment.measures.start_back.items[2]: 2 is out of range (0 to 1)" },
  { "start-back-seven", DOC (PATIENT, ", \"measures\": {\"start_back\": {\"items\": [0,0,0,0,0,0,0]}}"),
    "assessment.measures.start_back.items: must have exactly 8 entries, not 7" },
  { "start-back-bothersomeness", DOC (PATIENT, ", \"measures\": {\"start_back\": {\"items\": [0,0,0,0,0,0,0,0], \"bothersomeness\": \"a-lot\"}}"),
    "assessment.measures.start_back.bothersomeness: unknown bothersomeness \"a-lot\"" },
  { "beighton-not-boolean", DOC (PATIENT, ", \"measures\": {\"beighton\": [true,false,true,true,false,false,false,false,1]}"),
    "assessment.measures.beighton[8]: must be true or false" },
  { "beighton-ten", DOC (PATIENT, ", \"measures\": {\"beighton\": [true,false,true,true,false,false,false,false,true,true]}"),
    "assessment.measures.beighton: must have exactly 9 entries, not 10" },
  { "test-without-side", DOC (PATIENT, ", \"measures\": {\"tests\": {\"slump\": {\"result\": \"positive\"}}}"),
    "assessment.measures.tests.slump.side: is required unless the test was not done" },
  { "test-without-result", DOC (PATIENT, ", \"measures\": {\"tests\": {\"slump\": {\"side\": \"left\"}}}"),
    "assessment.measures.tests.slump.result: is required" },
  /* not JSON */
  { "empty-file", "", "the file is empty" },
  { "blank-file", " \n\t ", "the file is empty" },
  { "top-level-array", "[1, 2]", "document: must be a JSON object" },
  { "top-level-number", "42", "document: must be a JSON object" },
  { "top-level-string", "\"crepitus\"", "document: must be a JSON object" },
  { "syntax", "{\"format\": \"crepitus-assessment\",\n \"version\": 1,,}", "line 2, column 15: " },
  { "trailing-garbage", "{} {}", "line 1, column " },
  { "top-level-huge", "1e999", "line 1, column " },
  /* what jansson refuses itself names the path too, with jansson's line and column */
  { "duplicate-key", "{\"format\": \"crepitus-assessment\", \"format\": \"x\"}",
    "format: line 1, column 42: \"format\" is listed twice" },
  { "duplicate-nested-key",
    DOC (PATIENT, ", \"posture\": {\"kyphosis\": \"normal\",\n \"kyphosis\": \"increased\"}"),
    "assessment.posture.kyphosis: line 2, column 11: \"kyphosis\" is listed twice" },
  { "duplicate-escaped-key", DOC (PATIENT, ", \"notes\": \"a\", \"n\\u006ftes\": \"b\""),
    "assessment.notes: line 1, column 146: \"notes\" is listed twice" },
  { "duplicate-factor",
    DOC (PATIENT, ", \"factors\": {\"inflammation\": {}, \"inflammation\": {}}"),
    "assessment.factors.inflammation: line 1, column 166: \"inflammation\" is listed twice" },
  { "escaped-nul", "{\"format\": \"crepitus-\\u0000\"}",
    "format: line 1, column 28: a NUL character (\\u0000) is not allowed in text" },
  { "notes-nul", DOC (PATIENT, ", \"notes\": \"Pops\\u0000 on rising\""),
    "assessment.notes: line 1, column 151: a NUL character (\\u0000) is not allowed in text" },
  { "finding-nul",
    DOC (PATIENT, ", \"factors\": {\"inflammation\": {\"findings\": [\"muscle-spasm-guarding\", \"ligament-irritation\\u0000\"]}}"),
    "assessment.factors.inflammation.findings[1]: line 1, column 214: a NUL character (\\u0000) is not allowed in text" },
  { "key-nul", DOC (PATIENT, ", \"no\\u0000tes\": \"x\""),
    "assessment.no\\u0000tes: line 1, column 133: a NUL character (\\u0000) is not allowed in text" },
  { "invalid-utf8", "{\"format\": \"crepitus-\xC3\x28\"}",
    "format: line 1, column 21: the file is not valid UTF-8 text" },
  { "huge-integer", "{\"version\": 123456789012345678901234567890}",
    "version: line 1, column 42: a number is too large" },
  { "huge-real", "{\"version\": 1e999}",
    "version: line 1, column 17: a number is too large" },
  { "pain-score-huge", DOC (PATIENT, ", \"pain_score\": 99999999999999999999"),
    "assessment.pain_score: line 1, column 154: a number is too large" },
  { "pain-score-huge-real", DOC (PATIENT, ", \"pain_score\": 1e999"),
    "assessment.pain_score: line 1, column 139: a number is too large" },
  { "odi-huge", DOC (PATIENT, ", \"measures\": {\"odi\": [0, 1, 2, -1e400, 0, 0, 0, 0, 0, 0]}"),
    "assessment.measures.odi[3]: line 1, column 156: a number is too large" },
};

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autofree char *json = NULL;
  g_autofree char *message = NULL;

  if (g_str_equal (c->name, "date-in-future"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
      g_autofree char *date = g_date_time_format (tomorrow, "%Y-%m-%d");

      json = g_strdup_printf ("{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": "
                              "{" PATIENT "}, \"assessment\": {\"date\": \"%s\"}}", date);
      message = g_strdup_printf ("assessment.date: %s is after today", date);
    }
  else if (g_str_equal (c->name, "unknown-top-key"))
    {
      json = g_strdup ("{\"format\": \"crepitus-assessment\", \"version\": 1, \"extra\": true}");
      message = g_strdup ("extra: unknown key \"extra\"");
    }
  else
    {
      json = g_strdup (c->json);
      message = g_strdup (c->message);
    }

  assessment = crepitus_json_read (json, strlen (json), &error);
  g_assert_null (assessment);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CREPITUS_JSON_ERROR);
  if (g_str_has_suffix (message, ": ") || g_str_has_suffix (message, "column "))
    {
      g_assert_cmpint (error->code, ==, CREPITUS_JSON_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, message));
      g_assert_cmpuint (strlen (error->message), >, strlen (message) + 3);
    }
  else
    {
      g_assert_cmpstr (error->message, ==, message);
      /* A message that names a path is about a rule of §6, whoever found it. */
      if (!g_str_has_prefix (message, "the file "))
        g_assert_cmpint (error->code, ==, CREPITUS_JSON_ERROR_INVALID);
    }
  g_assert_null (strchr (error->message, '\n'));
}

/* The scanner that names the path of jansson's errors reads structure, not what strings hold,
 * and names a key as jansson decodes it. */
static void
test_path_at (void)
{
  static const struct
  {
    const char *text;   /* up to the position */
    const char *path;
    const char *key;
  } cases[] = {
    { "", "", NULL },
    { "{\"a\": 1", "a", "a" },
    { "{\"a\": 1, ", "", NULL },
    { "{\"a\": {\"b\": [1, 2, {\"c\"", "a.b[2].c", "c" },
    { "{\"a\": \"}{][,\\\"\", \"b\": [\"]\", 7", "b[1]", NULL },
    { "{\"a\": [[1], [2, 3", "a[1][1]", NULL },
    { "{\"a\": [{\"x\": 1}, {\"y\": 1}], \"z\"", "z", "z" },
    { "{\"n\\u006f\\ttes\\u0000\\ud83d\\ude00\\ud800\": 1", "no\ttes\\u0000\xF0\x9F\x98\x80\xEF\xBF\xBD",
      "no\ttes\\u0000\xF0\x9F\x98\x80\xEF\xBF\xBD" },
    { "{\"a\": \"cut here", "a", "a" },
    { "{\"cut key", "", NULL },
    { "{\"a\\", "", NULL },
    { "]]}}{\"a\":[", "a[0]", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *path = crepitus_json_path_at (cases[i].text, strlen (cases[i].text),
                                                     strlen (cases[i].text), &key);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (path, ==, cases[i].path);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

/* A raw NUL byte in the file (not only \u0000) is an error, never the end of the text. */
static void
test_raw_nul (void)
{
  static const char json[] = "{\"format\": \"crepitus-assessment\"}\0garbage";
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = crepitus_json_read (json, sizeof json - 1, &error);

  g_assert_null (assessment);
  g_assert_error (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "line 1, column 34: "));
}

/* Runaway nesting is an error, not a stack overflow. */
static void
test_deep_nesting (void)
{
  gsize depth = 100000;
  g_autofree char *json = g_malloc (depth * 2 + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrepitusAssessment) assessment = NULL;

  memset (json, '[', depth);
  memset (json + depth, ']', depth);
  json[depth * 2] = '\0';
  assessment = crepitus_json_read (json, depth * 2, &error);
  g_assert_null (assessment);
  g_assert_error (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_SYNTAX);
}

/* Whatever the bytes, reading never crashes: mutate a valid document at every position. */
static void
test_mutations_never_crash (void)
{
  gsize length;
  g_autofree char *json = fixture_contents ("full.json", &length);
  static const char replacements[] = { '\0', '"', '{', '}', '[', ']', ',', ':', '9', '\xff', 'x' };

  for (gsize i = 0; i < length; i += 3)
    for (guint r = 0; r < G_N_ELEMENTS (replacements); r++)
      {
        g_autofree char *copy = g_memdup2 (json, length);
        g_autoptr(GError) error = NULL;
        g_autoptr(CrepitusAssessment) assessment = NULL;

        copy[i] = replacements[r];
        assessment = crepitus_json_read (copy, length, &error);
        g_assert_true ((assessment == NULL) != (error == NULL));
        /* Truncated documents too. */
        g_clear_error (&error);
        g_clear_object (&assessment);
        assessment = crepitus_json_read (json, i, &error);
        g_assert_true ((assessment == NULL) != (error == NULL));
      }
}

/* jansson quotes the text near a syntax error cut at a byte: a character split in two must
 * not reach a message, which is always valid UTF-8. */
static void
test_syntax_message_is_utf8 (void)
{
  static const char * const documents[] = {
    "{\"a\": \"\\u\xc3\x80\xc3\x80\"}",
    "\".50x\\u\xc3\x80}\\unull\"\xc3 ",
    "[\"\\u\xe2\x82\xac\xe2\x82\xac\"]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrepitusAssessment) assessment = crepitus_json_read (documents[i],
                                                                     strlen (documents[i]),
                                                                     &error);

      g_assert_null (assessment);
      g_assert_error (error, CREPITUS_JSON_ERROR, CREPITUS_JSON_ERROR_SYNTAX);
      g_test_message ("%s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crepitus/json/read-example", test_read_example);
  g_test_add_func ("/crepitus/json/absent-is-not-recorded", test_absent_is_not_recorded);
  g_test_add_func ("/crepitus/json/round-trip-example", test_round_trip_example);
  g_test_add_func ("/crepitus/json/round-trip-full", test_round_trip_full);
  g_test_add_func ("/crepitus/json/round-trip-whitespace", test_round_trip_whitespace);
  g_test_add_func ("/crepitus/json/canonical-form", test_canonical_form);
  g_test_add_func ("/crepitus/json/canonical-leaves-out-empty", test_canonical_leaves_out_empty);
  g_test_add_func ("/crepitus/json/text-as-given", test_text_as_given);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/crepitus/json/error/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_error);
    }
  g_test_add_func ("/crepitus/json/path-at", test_path_at);
  g_test_add_func ("/crepitus/json/raw-nul", test_raw_nul);
  g_test_add_func ("/crepitus/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/crepitus/json/mutations-never-crash", test_mutations_never_crash);
  g_test_add_func ("/crepitus/json/syntax-message-is-utf8", test_syntax_message_is_utf8);

  return g_test_run ();
}
