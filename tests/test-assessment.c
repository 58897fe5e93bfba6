/* test-assessment.c — the model objects: a property and one notify for every field */
#include "config.h"

#include <gio/gio.h>

#include "crepitus-assessment.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GHashTable *counts = user_data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
count_of (GHashTable *counts,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

/* Sets every writable property to a value different from its default, twice: the first set
 * notifies that property once, the second (unchanged) not at all. */
static void
assert_every_property_notifies (GObject *object)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_props;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                   &n_props);

  g_signal_connect (object, "notify", G_CALLBACK (count_notify), counts);

  for (guint i = 0; i < n_props; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      g_value_init (&value, pspec->value_type);
      if (G_IS_PARAM_SPEC_STRING (pspec))
        g_value_set_string (&value, "2020-02-02");
      else if (G_IS_PARAM_SPEC_INT (pspec))
        g_value_set_int (&value, 3);
      else if (G_IS_PARAM_SPEC_INT64 (pspec))
        g_value_set_int64 (&value, 42);
      else if (G_IS_PARAM_SPEC_ENUM (pspec))
        g_value_set_enum (&value, 2);
      else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
        g_value_set_boolean (&value, TRUE);
      else if (pspec->value_type == G_TYPE_STRV)
        {
          /* the first key of the matching list */
          static const struct { const char *name; const char *key; } keys[] = {
            { "location", "lumbar-central" }, { "provoking-movements", "walking" },
            { "symptoms", "tingling" }, { "history", "sciatica" }, { "red-flags", "fever" }, { "red-flags-absent", "night-pain" },
            { "findings", "weak-core" },
          };
          for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
            if (g_str_equal (keys[k].name, pspec->name))
              g_value_take_boxed (&value, g_strdupv ((char *[]) { (char *) keys[k].key, NULL }));
          g_assert_nonnull (g_value_get_boxed (&value));
        }
      else if (pspec->value_type == CREPITUS_TYPE_MEASURES)
        {
          g_autoptr(CrepitusMeasures) measures = crepitus_measures_new ();

          measures->has_beighton = TRUE;
          measures->beighton[8] = TRUE;
          g_value_set_boxed (&value, measures);
        }
      else if (pspec->value_type == CREPITUS_TYPE_PATIENT)
        g_value_take_object (&value, crepitus_patient_new ());
      else
        g_assert_not_reached ();

      g_object_set_property (object, pspec->name, &value);
      g_assert_cmpuint (count_of (counts, pspec->name), ==, 1);
      g_object_set_property (object, pspec->name, &value);
      g_assert_cmpuint (count_of (counts, pspec->name), ==, 1);

      /* and the value reads back */
      {
        g_auto(GValue) back = G_VALUE_INIT;

        g_value_init (&back, pspec->value_type);
        g_object_get_property (object, pspec->name, &back);
        if (pspec->value_type == G_TYPE_STRV)
          g_assert_true (g_strv_equal (g_value_get_boxed (&value), g_value_get_boxed (&back)));
        else if (pspec->value_type == CREPITUS_TYPE_MEASURES)
          g_assert_true (crepitus_measures_equal (g_value_get_boxed (&value),
                                                  g_value_get_boxed (&back)));
        else
          g_assert_cmpint (g_param_values_cmp (pspec, &value, &back), ==, 0);
      }
    }
  g_signal_handlers_disconnect_by_func (object, count_notify, counts);
}

static void
test_patient_properties (void)
{
  g_autoptr(CrepitusPatient) patient = crepitus_patient_new ();

  g_assert_cmpint (crepitus_patient_get_id (patient), ==, -1);
  assert_every_property_notifies (G_OBJECT (patient));
}

static void
test_assessment_properties (void)
{
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (NULL);
  guint n_props;
  g_autofree GParamSpec **pspecs =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (assessment), &n_props);
  static const char * const fields[] = {
    "date", "clinician", "side", "location", "sound", "frequency", "duration-weeks",
    "provoking-movements", "pain-score", "symptoms", "history", "red-flags", "scoliosis",
    "lordosis", "pelvic-tilt", "kyphosis", "forward-head", "posture-notes", "measures", "notes",
  };

  /* every field of §1, §3 and §6 has a property */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (assessment), fields[i]));

  assert_every_property_notifies (G_OBJECT (assessment));
}

static void
test_assessment_signing_state (void)
{
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (NULL);

  /* A new assessment is unsigned, amends nothing and is superseded by nothing. */
  g_assert_null (crepitus_assessment_get_signed_by (assessment));
  g_assert_null (crepitus_assessment_get_signed_at (assessment));
  g_assert_cmpint (crepitus_assessment_get_superseded_by (assessment), ==, -1);
  g_assert_cmpint (crepitus_assessment_get_amends (assessment), ==, -1);
  g_assert_false (crepitus_assessment_get_entered_in_error (assessment));
  g_assert_false (crepitus_assessment_is_read_only (assessment));

  crepitus_assessment_set_amends (assessment, 7);
  g_assert_false (crepitus_assessment_is_read_only (assessment));
  crepitus_assessment_set_signed_by (assessment, "A. Clinician");
  g_assert_true (crepitus_assessment_is_read_only (assessment));
  crepitus_assessment_set_signed_by (assessment, NULL);
  crepitus_assessment_set_superseded_by (assessment, 8);
  g_assert_true (crepitus_assessment_is_read_only (assessment));
  crepitus_assessment_set_superseded_by (assessment, -1);
  crepitus_assessment_set_entered_in_error (assessment, TRUE);
  g_assert_true (crepitus_assessment_is_read_only (assessment));
}

static void
test_factor_record_properties (void)
{
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (NULL);
  CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, "muscle-imbalances");

  g_assert_cmpstr (crepitus_factor_record_get_key (record), ==, "muscle-imbalances");
  g_assert_true (crepitus_factor_record_is_empty (record));
  assert_every_property_notifies (G_OBJECT (record));
  g_assert_false (crepitus_factor_record_is_empty (record));
}

static void
test_not_recorded_defaults (void)
{
  g_autoptr(CrepitusAssessment) a = crepitus_assessment_new (NULL);
  g_auto(GStrv) symptoms = crepitus_assessment_dup_keys (a, CREPITUS_LIST_SYMPTOM);

  g_assert_cmpint (crepitus_assessment_get_side (a), ==, CREPITUS_SIDE_NOT_RECORDED);
  g_assert_cmpint (crepitus_assessment_get_pain_score (a), ==, -1);
  g_assert_cmpint (crepitus_assessment_get_duration_weeks (a), ==, -1);
  g_assert_cmpint (crepitus_assessment_get_forward_head (a), ==, CREPITUS_TRISTATE_NOT_RECORDED);
  g_assert_cmpuint (g_strv_length (symptoms), ==, 0);
  g_assert_false (crepitus_assessment_has_pain (a));
  g_assert_false (crepitus_assessment_is_persistent (a));
}

static void
test_sets_in_catalog_order (void)
{
  g_autoptr(CrepitusAssessment) a = crepitus_assessment_new (NULL);
  g_auto(GStrv) keys = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect (a, "notify", G_CALLBACK (count_notify), counts);
  crepitus_assessment_set_member (a, CREPITUS_LIST_SYMPTOM, "weakness", TRUE);
  crepitus_assessment_set_member (a, CREPITUS_LIST_SYMPTOM, "pain", TRUE);
  crepitus_assessment_set_member (a, CREPITUS_LIST_SYMPTOM, "pain", TRUE);
  g_assert_cmpuint (count_of (counts, "symptoms"), ==, 2);
  keys = crepitus_assessment_dup_keys (a, CREPITUS_LIST_SYMPTOM);
  g_assert_cmpstrv (keys, ((const char *[]) { "pain", "weakness", NULL }));
  g_assert_true (crepitus_assessment_has_pain (a));
  crepitus_assessment_set_member (a, CREPITUS_LIST_SYMPTOM, "pain", FALSE);
  g_assert_false (crepitus_assessment_has_pain (a));
  g_assert_cmpuint (count_of (counts, "symptoms"), ==, 3);
}

static void
test_empty_text_is_not_recorded (void)
{
  g_autoptr(CrepitusAssessment) a = crepitus_assessment_new (NULL);

  crepitus_assessment_set_notes (a, "");
  g_assert_null (crepitus_assessment_get_notes (a));
  crepitus_assessment_set_notes (a, " x ");
  g_assert_cmpstr (crepitus_assessment_get_notes (a), ==, " x ");
}

static void
test_dates (void)
{
  const CrepitusField *date_field = crepitus_field_find (CREPITUS_RECORD_ASSESSMENT, "date");
  g_autoptr(GError) error = NULL;
  g_autofree char *today = crepitus_date_today ();
  GDate date;

  g_assert_true (crepitus_date_parse ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  g_assert_false (crepitus_date_parse ("2023-02-29", NULL));
  g_assert_false (crepitus_date_parse ("2023-2-28", NULL));
  g_assert_false (crepitus_date_parse ("2023-02-28T00", NULL));
  g_assert_false (crepitus_date_parse ("", NULL));
  g_assert_false (crepitus_date_parse (NULL, NULL));
  g_assert_false (crepitus_date_parse ("0000-01-01", NULL));

  g_assert_true (crepitus_field_validate_text (date_field, NULL, today, &error));
  g_assert_no_error (error);
  g_assert_false (crepitus_field_validate_text (date_field, NULL, "9999-12-31", &error));
  g_assert_nonnull (strstr (error->message, "after today"));
}

static void
test_age (void)
{
  g_autoptr(CrepitusPatient) p = crepitus_patient_new ();

  g_assert_cmpint (crepitus_patient_get_age_on (p, "2026-01-01"), ==, -1);
  crepitus_patient_set_birth_date (p, "2008-02-29");
  g_assert_cmpint (crepitus_patient_get_age_on (p, "2026-02-28"), ==, 17);
  g_assert_cmpint (crepitus_patient_get_age_on (p, "2026-03-01"), ==, 18);
  g_assert_cmpint (crepitus_patient_get_age_on (p, "2008-02-29"), ==, 0);
  g_assert_cmpint (crepitus_patient_get_age_on (p, "2000-01-01"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crepitus/assessment/patient-properties", test_patient_properties);
  g_test_add_func ("/crepitus/assessment/assessment-properties", test_assessment_properties);
  g_test_add_func ("/crepitus/assessment/signing-state", test_assessment_signing_state);
  g_test_add_func ("/crepitus/assessment/factor-record-properties", test_factor_record_properties);
  g_test_add_func ("/crepitus/assessment/not-recorded-defaults", test_not_recorded_defaults);
  g_test_add_func ("/crepitus/assessment/sets-in-catalog-order", test_sets_in_catalog_order);
  g_test_add_func ("/crepitus/assessment/empty-text-is-not-recorded", test_empty_text_is_not_recorded);
  g_test_add_func ("/crepitus/assessment/dates", test_dates);
  g_test_add_func ("/crepitus/assessment/age", test_age);

  return g_test_run ();
}
