/* test-triage.c — every row and clause of CLINICAL.md §4 */
#include "config.h"

#include "crepitus-json.h"
#include "crepitus-triage.h"

typedef struct
{
  const char *name;
  const char *assessment;   /* members of "assessment" besides the date */
  const char *expected;     /* the one-line result */
} TriageCase;

/* Every red flag, by byte order, written out here rather than read from the catalog. */
static const char * const all_red_flags[] = {
  "bilateral-neurological-symptoms", "bladder-bowel-dysfunction", "cancer-history", "fever",
  "immunosuppression", "iv-drug-use", "night-pain", "progressive-weakness", "saddle-anaesthesia",
  "sexual-dysfunction", "significant-trauma", "steroid-use-osteoporosis",
  "unexplained-weight-loss",
};

static const TriageCase cases[] = {
  /* benign */
  { "nothing-recorded", "",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },
  { "isolated-pop", "\"sound\": \"pop\", \"frequency\": \"isolated\", \"pain_score\": 0",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },
  { "occasional-five-weeks", "\"frequency\": \"occasional\", \"duration_weeks\": 5",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },
  { "grinding-without-pain", "\"sound\": \"grinding\", \"pain_score\": 0",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },
  { "side-both-is-not-a-red-flag", "\"side\": \"both\"",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },
  { "history-alone", "\"history\": [\"sciatica\", \"disc-herniation\", \"spinal-surgery\"]",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", \"self-care\"]}" },

  /* monitor */
  { "frequent", "\"frequency\": \"frequent\"",
    "{\"level\": \"monitor\", \"reasons\": [\"frequency:frequent\"], \"recommendations\": [\"follow-up\", \"self-care\"]}" },
  { "constant-and-persistent", "\"frequency\": \"constant\", \"duration_weeks\": 52",
    "{\"level\": \"monitor\", \"reasons\": [\"frequency:constant\", \"persistent\"], \"recommendations\": [\"follow-up\", \"self-care\"]}" },
  { "persistent-at-six-weeks", "\"frequency\": \"occasional\", \"duration_weeks\": 6",
    "{\"level\": \"monitor\", \"reasons\": [\"persistent\"], \"recommendations\": [\"follow-up\", \"self-care\"]}" },
  { "persistent-without-frequency", "\"duration_weeks\": 6",
    "{\"level\": \"monitor\", \"reasons\": [\"persistent\"], \"recommendations\": [\"follow-up\", \"self-care\"]}" },

  /* refer */
  { "pain-from-score-alone", "\"pain_score\": 1",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:pain\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "pain-from-symptom-alone", "\"symptoms\": [\"pain\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:pain\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "pain-symptom-with-score-zero", "\"symptoms\": [\"pain\"], \"pain_score\": 0",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:pain\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "stiffness", "\"symptoms\": [\"stiffness\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:stiffness\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "every-non-neurological-symptom",
    "\"symptoms\": [\"functional-limitation\", \"swelling\", \"limited-rom\", \"stiffness\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:functional-limitation\", \"symptom:limited-rom\", \"symptom:stiffness\", \"symptom:swelling\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "clinical-md-example", "\"symptoms\": [\"numbness\"], \"pain_score\": 4",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:numbness\", \"symptom:pain\"], \"recommendations\": [\"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },
  { "weakness-without-duration", "\"symptoms\": [\"weakness\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:weakness\"], \"recommendations\": [\"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },
  { "tingling-five-weeks", "\"symptoms\": [\"tingling\"], \"duration_weeks\": 5",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:tingling\"], \"recommendations\": [\"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },
  { "tingling-six-weeks", "\"symptoms\": [\"tingling\"], \"duration_weeks\": 6",
    "{\"level\": \"refer\", \"reasons\": [\"persistent\", \"symptom:tingling\"], \"recommendations\": [\"consider-imaging\", \"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },
  { "grinding-with-pain", "\"sound\": \"grinding\", \"pain_score\": 3",
    "{\"level\": \"refer\", \"reasons\": [\"sound:grinding\", \"symptom:pain\"], \"recommendations\": [\"cartilage-assessment\", \"medical-evaluation\", \"self-care\"]}" },
  { "grating-with-pain-symptom", "\"sound\": \"grating\", \"symptoms\": [\"pain\"]",
    "{\"level\": \"refer\", \"reasons\": [\"sound:grating\", \"symptom:pain\"], \"recommendations\": [\"cartilage-assessment\", \"medical-evaluation\", \"self-care\"]}" },
  { "click-with-pain-persistent", "\"sound\": \"click\", \"pain_score\": 2, \"duration_weeks\": 6",
    "{\"level\": \"refer\", \"reasons\": [\"persistent\", \"sound:click\", \"symptom:pain\"], \"recommendations\": [\"cartilage-assessment\", \"consider-imaging\", \"medical-evaluation\", \"self-care\"]}" },
  { "grinding-with-stiffness-no-pain", "\"sound\": \"grinding\", \"symptoms\": [\"stiffness\"], \"duration_weeks\": 20",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:stiffness\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "pop-with-pain-persistent", "\"sound\": \"pop\", \"pain_score\": 5, \"duration_weeks\": 30",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:pain\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "refer-beats-monitor", "\"frequency\": \"constant\", \"symptoms\": [\"swelling\"], \"duration_weeks\": 8",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:swelling\"], \"recommendations\": [\"medical-evaluation\", \"self-care\"]}" },
  { "neuro-and-sound-persistent",
    "\"sound\": \"grinding\", \"symptoms\": [\"numbness\", \"pain\"], \"duration_weeks\": 6",
    "{\"level\": \"refer\", \"reasons\": [\"persistent\", \"sound:grinding\", \"symptom:numbness\", \"symptom:pain\"], \"recommendations\": [\"cartilage-assessment\", \"consider-imaging\", \"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },
  { "both-sides-with-numbness", "\"side\": \"both\", \"symptoms\": [\"numbness\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:numbness\"], \"recommendations\": [\"medical-evaluation\", \"neurological-assessment\", \"self-care\"]}" },

  /* urgent */
  { "fever", "\"red_flags\": [\"fever\"]",
    "{\"level\": \"urgent\", \"reasons\": [\"red-flag:fever\"], \"recommendations\": [\"consider-imaging\", \"urgent-medical-review\"]}" },
  { "urgent-beats-refer", "\"red_flags\": [\"night-pain\"], \"symptoms\": [\"pain\", \"stiffness\"], \"frequency\": \"constant\"",
    "{\"level\": \"urgent\", \"reasons\": [\"red-flag:night-pain\"], \"recommendations\": [\"consider-imaging\", \"urgent-medical-review\"]}" },
  { "cancer-without-neurological-symptom", "\"red_flags\": [\"cancer-history\"], \"pain_score\": 6",
    "{\"level\": \"urgent\", \"reasons\": [\"red-flag:cancer-history\"], \"recommendations\": [\"consider-imaging\", \"urgent-medical-review\"]}" },
  { "every-urgent-flag",
    "\"red_flags\": [\"steroid-use-osteoporosis\", \"iv-drug-use\", \"immunosuppression\", \"night-pain\", \"significant-trauma\", \"fever\", \"unexplained-weight-loss\", \"cancer-history\"]",
    "{\"level\": \"urgent\", \"reasons\": [\"red-flag:cancer-history\", \"red-flag:fever\", \"red-flag:immunosuppression\", \"red-flag:iv-drug-use\", \"red-flag:night-pain\", \"red-flag:significant-trauma\", \"red-flag:steroid-use-osteoporosis\", \"red-flag:unexplained-weight-loss\"], \"recommendations\": [\"consider-imaging\", \"urgent-medical-review\"]}" },

  /* emergency */
  { "saddle-anaesthesia", "\"red_flags\": [\"saddle-anaesthesia\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:saddle-anaesthesia\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "emergency-beats-urgent", "\"red_flags\": [\"fever\", \"bladder-bowel-dysfunction\"], \"symptoms\": [\"pain\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:bladder-bowel-dysfunction\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "cancer-clause", "\"red_flags\": [\"cancer-history\"], \"symptoms\": [\"numbness\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:cancer-history\", \"symptom:numbness\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "cancer-clause-every-neurological-symptom",
    "\"red_flags\": [\"cancer-history\", \"fever\"], \"symptoms\": [\"weakness\", \"tingling\", \"numbness\", \"pain\", \"stiffness\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:cancer-history\", \"symptom:numbness\", \"symptom:tingling\", \"symptom:weakness\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "emergency-flag-with-cancer-no-neuro", "\"red_flags\": [\"cancer-history\", \"progressive-weakness\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:progressive-weakness\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "emergency-flag-and-cancer-clause",
    "\"red_flags\": [\"sexual-dysfunction\", \"cancer-history\"], \"symptoms\": [\"tingling\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:cancer-history\", \"red-flag:sexual-dysfunction\", \"symptom:tingling\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
  { "every-emergency-flag",
    "\"red_flags\": [\"progressive-weakness\", \"bilateral-neurological-symptoms\", \"sexual-dysfunction\", \"bladder-bowel-dysfunction\", \"saddle-anaesthesia\"]",
    "{\"level\": \"emergency\", \"reasons\": [\"red-flag:bilateral-neurological-symptoms\", \"red-flag:bladder-bowel-dysfunction\", \"red-flag:progressive-weakness\", \"red-flag:saddle-anaesthesia\", \"red-flag:sexual-dysfunction\"], \"recommendations\": [\"consider-imaging\", \"emergency-care-now\"]}" },
};

static void
test_case (gconstpointer data)
{
  const TriageCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"format\": \"crepitus-assessment\", \"version\": 1, "
                                           "\"patient\": {\"family_name\": \"Test\"}, "
                                           "\"assessment\": {\"date\": \"2026-01-05\"%s%s}}",
                                           c->assessment[0] ? ", " : "", c->assessment);
  g_autoptr(CrepitusAssessment) assessment = crepitus_json_read (json, strlen (json), &error);
  g_autoptr(CrepitusTriage) triage = NULL;
  g_autofree char *line = NULL;

  g_assert_no_error (error);
  triage = crepitus_triage_compute (assessment);
  line = crepitus_triage_to_json (triage);
  g_assert_null (strchr (line, '\n'));

  /* None of these cases asked about an absent flag: every flag not present is not asked. */
  {
    g_autoptr(GString) expected = g_string_new (c->expected);
    gboolean first = TRUE;

    g_string_truncate (expected, expected->len - 1);
    g_string_append (expected, ", \"not_asked\": [");
    for (guint i = 0; i < G_N_ELEMENTS (all_red_flags); i++)
      {
        g_autofree char *quoted = g_strdup_printf ("\"%s\"", all_red_flags[i]);

        if (strstr (c->assessment, quoted) != NULL)
          continue;
        g_string_append_printf (expected, "%s%s", first ? "" : ", ", quoted);
        first = FALSE;
      }
    g_string_append (expected, "]}");
    g_assert_cmpstr (line, ==, expected->str);
  }
}

typedef struct
{
  const char *name;
  const char *assessment;
  const char *expected;
} ScreenCase;

/* The screen never changes the level; "not_asked" lists the flags in neither list. */
static const ScreenCase screen_cases[] = {
  { "complete-negative",
    "\"red_flags_absent\": [\"saddle-anaesthesia\", \"bladder-bowel-dysfunction\", "
    "\"sexual-dysfunction\", \"bilateral-neurological-symptoms\", \"progressive-weakness\", "
    "\"cancer-history\", \"unexplained-weight-loss\", \"fever\", \"significant-trauma\", "
    "\"night-pain\", \"immunosuppression\", \"iv-drug-use\", \"steroid-use-osteoporosis\"]",
    "{\"level\": \"benign\", \"reasons\": [], \"recommendations\": [\"reassurance\", "
    "\"self-care\"], \"not_asked\": []}" },
  { "two-not-asked",
    "\"red_flags\": [\"fever\"], \"red_flags_absent\": [\"saddle-anaesthesia\", "
    "\"bladder-bowel-dysfunction\", \"sexual-dysfunction\", \"bilateral-neurological-symptoms\", "
    "\"progressive-weakness\", \"cancer-history\", \"unexplained-weight-loss\", "
    "\"significant-trauma\", \"immunosuppression\", \"iv-drug-use\"]",
    "{\"level\": \"urgent\", \"reasons\": [\"red-flag:fever\"], \"recommendations\": "
    "[\"consider-imaging\", \"urgent-medical-review\"], \"not_asked\": [\"night-pain\", "
    "\"steroid-use-osteoporosis\"]}" },
  { "absent-flags-trigger-nothing",
    "\"red_flags_absent\": [\"saddle-anaesthesia\", \"cancer-history\"], "
    "\"symptoms\": [\"tingling\"]",
    "{\"level\": \"refer\", \"reasons\": [\"symptom:tingling\"], \"recommendations\": "
    "[\"medical-evaluation\", \"neurological-assessment\", \"self-care\"], \"not_asked\": "
    "[\"bilateral-neurological-symptoms\", \"bladder-bowel-dysfunction\", \"fever\", "
    "\"immunosuppression\", \"iv-drug-use\", \"night-pain\", \"progressive-weakness\", "
    "\"sexual-dysfunction\", \"significant-trauma\", \"steroid-use-osteoporosis\", "
    "\"unexplained-weight-loss\"]}" },
};

static void
test_screen_case (gconstpointer data)
{
  const ScreenCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"format\": \"crepitus-assessment\", \"version\": 1, "
                                           "\"patient\": {\"family_name\": \"Test\"}, "
                                           "\"assessment\": {\"date\": \"2026-01-05\", %s}}",
                                           c->assessment);
  g_autoptr(CrepitusAssessment) assessment = crepitus_json_read (json, strlen (json), &error);
  g_autoptr(CrepitusTriage) triage = NULL;
  g_autofree char *line = NULL;

  g_assert_no_error (error);
  triage = crepitus_triage_compute (assessment);
  line = crepitus_triage_to_json (triage);
  g_assert_cmpstr (line, ==, c->expected);
}

/* The model, not only JSON: an edit changes the outcome live. */
static void
test_live_update (void)
{
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (NULL);
  CrepitusTriage *triage;

  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, CREPITUS_LEVEL_BENIGN);
  crepitus_triage_free (triage);

  crepitus_assessment_set_pain_score (assessment, 2);
  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, CREPITUS_LEVEL_REFER);
  crepitus_triage_free (triage);

  crepitus_assessment_set_member (assessment, CREPITUS_LIST_RED_FLAG, "saddle-anaesthesia", TRUE);
  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, CREPITUS_LEVEL_EMERGENCY);
  crepitus_triage_free (triage);

  crepitus_assessment_set_member (assessment, CREPITUS_LIST_RED_FLAG, "saddle-anaesthesia", FALSE);
  crepitus_assessment_set_pain_score (assessment, -1);
  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, CREPITUS_LEVEL_BENIGN);
  crepitus_triage_free (triage);
}

/* Judgements, findings and posture inform the clinician; they never change the level. */
static void
test_factors_do_not_change_level (void)
{
  g_autoptr(CrepitusAssessment) assessment = crepitus_assessment_new (NULL);
  g_autoptr(CrepitusTriage) triage = NULL;
  CrepitusFactorRecord *record = crepitus_assessment_get_factor (assessment, "nerve-impingement");

  crepitus_factor_record_set_judgement (record, CREPITUS_JUDGEMENT_LIKELY);
  crepitus_factor_record_set_finding (record, "radicular-pain-avoidance", TRUE);
  crepitus_assessment_set_scoliosis (assessment, CREPITUS_SCOLIOSIS_LEFT_CONVEX);
  triage = crepitus_triage_compute (assessment);
  g_assert_cmpint (triage->level, ==, CREPITUS_LEVEL_BENIGN);
}

static void
test_texts (void)
{
  g_autofree char *flag = crepitus_triage_reason_text ("red-flag:fever");
  g_autofree char *symptom = crepitus_triage_reason_text ("symptom:limited-rom");
  g_autofree char *sound = crepitus_triage_reason_text ("sound:grinding");
  g_autofree char *frequency = crepitus_triage_reason_text ("frequency:constant");
  g_autofree char *persistent = crepitus_triage_reason_text ("persistent");

  g_assert_nonnull (strstr (flag, "Fever"));
  g_assert_nonnull (strstr (symptom, "Limited range of motion"));
  g_assert_nonnull (strstr (sound, "Grinding"));
  g_assert_nonnull (strstr (frequency, "Constant"));
  g_assert_nonnull (strstr (persistent, "six weeks"));

  g_assert_nonnull (strstr (crepitus_triage_reason_source ("red-flag:saddle-anaesthesia"), "NICE"));
  g_assert_nonnull (strstr (crepitus_triage_reason_source ("red-flag:fever"), "NICE"));
  g_assert_nonnull (strstr (crepitus_triage_reason_source ("sound:click"), "§1"));
  g_assert_nonnull (strstr (crepitus_triage_reason_source ("symptom:pain"), "FAQ 3"));
  g_assert_nonnull (strstr (crepitus_triage_reason_source ("frequency:frequent"), "FAQ 1"));
  g_assert_nonnull (strstr (crepitus_triage_reason_source ("persistent"), "Tip 5"));

  g_assert_cmpstr (crepitus_triage_level_key (CREPITUS_LEVEL_MONITOR), ==, "monitor");
  g_assert_cmpstr (crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_URGENT),
                   !=, crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_REFER));
  g_assert_cmpstr (crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_EMERGENCY),
                   !=, crepitus_triage_recommendation_text ("consider-imaging", CREPITUS_LEVEL_URGENT));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/crepitus/triage/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (screen_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/crepitus/triage/screen/%s", screen_cases[i].name);

      g_test_add_data_func (path, &screen_cases[i], test_screen_case);
    }
  g_test_add_func ("/crepitus/triage/live-update", test_live_update);
  g_test_add_func ("/crepitus/triage/factors-do-not-change-level", test_factors_do_not_change_level);
  g_test_add_func ("/crepitus/triage/texts", test_texts);

  return g_test_run ();
}
