/* crepitus-catalog-reports.c — the words of the reports (CLINICAL.md §5)
 *
 * The patient handout's words that are not a keyed list of their own: the level names a
 * patient understands, every triage reason as a patient sentence, and the safety net. And the
 * clinician summary's: the referral of each level and the recommendations written to a
 * clinician. Every text is N_() here and translated where it is shown.
 *
 * Patient text is plain: no sentence over 25 words, Flesch–Kincaid grade 8 or below as a
 * whole, and no frightening word where a plain one serves (tests/test-catalog.c checks).
 */
#define G_LOG_DOMAIN "crepitus-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-catalog-private.h"
#include "crepitus-locale.h"

/* The level names on the handout, in the order of the levels (CREPITUS_LIST_LEVEL). */
static const char *level_patient_names[] = {
  /* Translators: a triage level's name on the patient handout, in plain words */
  N_("Emergency"),
  /* Translators: a triage level's name on the patient handout, in plain words */
  N_("Urgent"),
  /* Translators: a triage level's name on the patient handout, in plain words */
  N_("See a doctor or physiotherapist"),
  /* Translators: a triage level's name on the patient handout, in plain words */
  N_("Keep an eye on the pops"),
  /* Translators: a triage level's name on the patient handout, in plain words */
  N_("Look after your back at home"),
};

/* Where each triage rule comes from (CLINICAL.md §4): a guideline, or sections of the source
 * article. The clinician summary cites each once. */
enum
{
  SOURCE_CAUDA_EQUINA,
  SOURCE_SERIOUS_PATHOLOGY,
  SOURCE_NEUROLOGICAL_SYMPTOM,
  SOURCE_SYMPTOM,
  SOURCE_SOUND,
  SOURCE_FREQUENCY,
  SOURCE_PERSISTENT,
  N_SOURCES
};

static const char *reason_sources[] = {
  /* Translators: a citation of the guidelines a triage rule follows (clinician summary): keep
   * "NICE NG59" as it is; "cauda equina syndrome red flags" as a clinician would cite them */
  [SOURCE_CAUDA_EQUINA] = N_("NICE NG59; cauda equina syndrome red flags"),
  /* Translators: a citation of the guidelines a triage rule follows (clinician summary): keep
   * the guideline names ("NICE NG59", "NICE CKS Back pain – low") as they are */
  [SOURCE_SERIOUS_PATHOLOGY] = N_("NICE NG59; NICE CKS Back pain – low"),
  /* Translators: a citation of the sections of the source article a triage rule comes from
   * (clinician summary): question 3 of its FAQ and its first tip; keep the numbers */
  [SOURCE_NEUROLOGICAL_SYMPTOM] = N_("Article FAQ 3, Tip 1"),
  /* Translators: a citation of the sections of the source article a triage rule comes from
   * (clinician summary): questions 1 and 3 of its FAQ; keep the numbers */
  [SOURCE_SYMPTOM] = N_("Article FAQ 1, FAQ 3"),
  /* Translators: a citation of the section of the source article a triage rule comes from
   * (clinician summary): its section 1, on pathological joint sounds; keep "§1" */
  [SOURCE_SOUND] = N_("Article §1 (pathological sounds)"),
  /* Translators: a citation of the section of the source article a triage rule comes from
   * (clinician summary): question 1 of its FAQ; keep the number */
  [SOURCE_FREQUENCY] = N_("Article FAQ 1"),
  /* Translators: a citation of the sections of the source article a triage rule comes from
   * (clinician summary): questions 1 and 6 of its FAQ and its fifth tip; keep the numbers */
  [SOURCE_PERSISTENT] = N_("Article FAQ 1, FAQ 6, Tip 5"),
};

/* Every reason the triage gives (CLINICAL.md §4), as the patient would say it, in the order
 * the handout lists them: red flags, symptoms, the sound, how often, how long; and where its
 * rule comes from. A red flag's source is its tier's, whichever level it comes at. */
static const struct
{
  const char *reason;
  const char *patient;
  guint       source;
} reason_texts[] = {
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:saddle-anaesthesia",
    N_("You have numbness or tingling around your bottom, genitals or inner thighs."),
    SOURCE_CAUDA_EQUINA },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:bladder-bowel-dysfunction",
    N_("You have new trouble passing urine or controlling your bladder or bowels."),
    SOURCE_CAUDA_EQUINA },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:sexual-dysfunction",
    N_("You have a new loss of feeling or function during sex."), SOURCE_CAUDA_EQUINA },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:bilateral-neurological-symptoms",
    N_("You have numbness, tingling or weakness in both legs."), SOURCE_CAUDA_EQUINA },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:progressive-weakness",
    N_("The weakness in your leg or foot is getting worse."), SOURCE_CAUDA_EQUINA },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:cancer-history", N_("You have had cancer."), SOURCE_SERIOUS_PATHOLOGY },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:unexplained-weight-loss", N_("You are losing weight without trying."),
    SOURCE_SERIOUS_PATHOLOGY },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:fever", N_("You have a fever or feel generally unwell."), SOURCE_SERIOUS_PATHOLOGY },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:significant-trauma",
    N_("Your back pain started after a fall, an accident or a hard blow."),
    SOURCE_SERIOUS_PATHOLOGY },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:night-pain", N_("Your back hurts at night or at rest, not only when you move."),
    SOURCE_SERIOUS_PATHOLOGY },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:immunosuppression",
    N_("Your immune system is weak because of an illness or medicines."),
    SOURCE_SERIOUS_PATHOLOGY },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:iv-drug-use", N_("You inject drugs."), SOURCE_SERIOUS_PATHOLOGY },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "red-flag:steroid-use-osteoporosis",
    N_("You have taken steroid medicines for a long time, or you have thin bones."),
    SOURCE_SERIOUS_PATHOLOGY },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "symptom:pain", N_("The pop comes with pain."), SOURCE_SYMPTOM },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "symptom:stiffness", N_("Your back feels stiff."), SOURCE_SYMPTOM },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "symptom:limited-rom", N_("You cannot move your back as far as usual."), SOURCE_SYMPTOM },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "symptom:numbness", N_("Part of your leg or foot feels numb."), SOURCE_NEUROLOGICAL_SYMPTOM },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "symptom:tingling", N_("You have tingling or pins and needles."), SOURCE_NEUROLOGICAL_SYMPTOM },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "symptom:weakness", N_("Your leg or foot feels weak."), SOURCE_NEUROLOGICAL_SYMPTOM },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "symptom:swelling", N_("You have some swelling."), SOURCE_SYMPTOM },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "symptom:functional-limitation", N_("The problem makes daily tasks harder."), SOURCE_SYMPTOM },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "sound:click", N_("Your back makes a clicking sound that hurts."), SOURCE_SOUND },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "sound:grinding", N_("Your back makes a grinding sound that hurts."), SOURCE_SOUND },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "sound:grating", N_("Your back makes a rough, grating sound that hurts."), SOURCE_SOUND },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "frequency:frequent", N_("The pops happen often."), SOURCE_FREQUENCY },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "frequency:constant", N_("The pops happen nearly all the time."), SOURCE_FREQUENCY },
  /* Translators: why the handout came to its result: one sentence as the patient would say it */
  { "persistent", N_("It has gone on for six weeks or more."), SOURCE_PERSISTENT },
};

/* The safety net on every handout: its heading says what to do, as the emergency action does
 * (both are in the functions below, as formats). */
/* Translators: who the patient calls when no emergency number is set: "Call emergency
 * services or go to …", "… or call emergency services." */
static const char *emergency_services = N_("emergency services");

/* Below urgent: the urgent red flags that can appear later, in plain words (NICE CKS). */
static const char *same_day_heading = N_("See a doctor the same day if:");
static const char *same_day_signs[] = {
  /* Translators: a sign that needs a doctor the same day, in the patient handout's safety net */
  N_("A fever"),
  /* Translators: a sign that needs a doctor the same day, in the patient handout's safety net */
  N_("Weight loss without trying"),
  /* Translators: a sign that needs a doctor the same day, in the patient handout's safety net */
  N_("Back pain at night that does not ease"),
  /* Translators: a sign that needs a doctor the same day, in the patient handout's safety net */
  N_("A fall or an injury"),
};

/* The clinician summary: the referral of each level, to whom and how soon (CLINICAL.md §5),
 * in the order of the levels; monitor and benign refer nowhere. */
static const struct
{
  const char *to;
  const char *when;
} referrals[] = {
  /* Translators: the clinician summary's referral: to whom, and how soon ("Emergency department
   * — now") */
  { N_("Emergency department"), N_("now") },
  /* Translators: the clinician summary's referral: to whom, and how soon ("Emergency department
   * — now") */
  { N_("A doctor"), N_("the same or next day") },
  /* Translators: the clinician summary's referral: to whom, and how soon ("Emergency department
   * — now") */
  { N_("GP or musculoskeletal service"), N_("routine") },
  /* Translators: the clinician summary's referral: to whom, and how soon ("Emergency department
   * — now") */
  { N_("None"), NULL },
  /* Translators: the clinician summary's referral: to whom, and how soon ("Emergency department
   * — now") */
  { N_("None"), NULL },
};

/* Recommendations written to the clinician, in the order of CREPITUS_LIST_RECOMMENDATION. */
static const char *recommendation_clinician_texts[] = {
  /* Translators: a recommendation written to the clinician (clinician summary) */
  N_("Emergency assessment now: suspected cauda equina syndrome, progressive neurological "
     "deficit or metastatic spinal cord compression."),
  /* Translators: a recommendation written to the clinician (clinician summary) */
  N_("Medical review the same or next day to look for cancer, infection or fracture."),
  /* Translators: a recommendation written to the clinician (clinician summary) */
  N_("Examination of the lumbar spine, pelvis and hips by a GP or physiotherapist."),
  /* Translators: a recommendation written to the clinician (clinician summary) */
  N_("Neurological examination of the lower limbs: sensation, power and reflexes."),
  /* Translators: a recommendation written to the clinician (clinician summary) */
  N_("Assess the painful grinding, grating or clicking for cartilage or facet joint "
     "degeneration."),
  NULL, /* consider-imaging: worded per level, below */
  /* Translators: a recommendation written to the clinician (clinician summary) */
  N_("Review for a change in the pops or new symptoms."),
  /* Translators: a recommendation written to the clinician (clinician summary) */
  N_("The patient has been given self-care advice: posture, core and back strengthening, and "
     "lifting technique."),
  /* Translators: a recommendation written to the clinician (clinician summary) */
  N_("Explain that isolated, painless pops are usually benign (article FAQ 1)."),
};

/* CLINICAL.md §4: imaging is not routine outside specialist care (NICE NG59). */
static const char *imaging_clinician_refer =
  N_("Imaging is not routine (NICE NG59): consider MRI in specialist care only if the result "
     "would change management. A plain X-ray shows neither a disc nor a nerve.");
static const char *imaging_clinician_urgent =
  N_("Imaging as indicated to look for infection, fracture or malignancy.");
static const char *imaging_clinician_emergency =
  N_("Emergency MRI is usually needed.");

G_STATIC_ASSERT (G_N_ELEMENTS (reason_sources) == N_SOURCES);
G_STATIC_ASSERT (G_N_ELEMENTS (level_patient_names) == 5);
G_STATIC_ASSERT (G_N_ELEMENTS (referrals) == 5);
G_STATIC_ASSERT (G_N_ELEMENTS (recommendation_clinician_texts) == 9);

const char *
crepitus_catalog_level_patient_name (const char *level_key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_LEVEL, level_key);

  return index < 0 ? NULL : crepitus_catalog_gettext (level_patient_names[index]);
}

const char *
crepitus_catalog_reason_patient_text (const char *reason)
{
  for (guint i = 0; reason != NULL && i < G_N_ELEMENTS (reason_texts); i++)
    if (strcmp (reason_texts[i].reason, reason) == 0)
      return crepitus_catalog_gettext (reason_texts[i].patient);
  return NULL;
}

const char *
crepitus_catalog_reason_source (const char *reason)
{
  for (guint i = 0; reason != NULL && i < G_N_ELEMENTS (reason_texts); i++)
    if (strcmp (reason_texts[i].reason, reason) == 0)
      return crepitus_catalog_gettext (reason_sources[reason_texts[i].source]);
  return NULL;
}

int
crepitus_catalog_reason_order (const char *reason)
{
  for (guint i = 0; reason != NULL && i < G_N_ELEMENTS (reason_texts); i++)
    if (strcmp (reason_texts[i].reason, reason) == 0)
      return (int) i;
  return G_N_ELEMENTS (reason_texts);
}

/* @number without the white space around it, or "emergency services". */
static char *
number_or_services (const char *number)
{
  g_autofree char *stripped = g_strstrip (g_strdup (number != NULL ? number : ""));

  if (*stripped == '\0')
    return g_strdup (crepitus_catalog_gettext (emergency_services));
  return g_steal_pointer (&stripped);
}

char *
crepitus_catalog_emergency_action (const char *number)
{
  g_autofree char *call = number_or_services (number);

  /* Translators: what to do now at emergency; %s is the emergency number (e.g. 112) or
   * "emergency services" */
  return g_strdup_printf (T_("Go to an emergency department now, or call %s."), call);
}

char *
crepitus_catalog_safety_net_heading (const char *number)
{
  g_autofree char *call = number_or_services (number);

  /* Translators: the heading of the emergency signs on every handout; %s is the emergency
   * number (e.g. 112) or "emergency services" */
  return g_strdup_printf (T_("Call %s or go to an emergency department now if:"), call);
}

const char *
crepitus_catalog_same_day_heading (void)
{
  return crepitus_catalog_gettext (same_day_heading);
}

const char *
crepitus_catalog_same_day_sign (guint index)
{
  return index < G_N_ELEMENTS (same_day_signs) ?
         crepitus_catalog_gettext (same_day_signs[index]) : NULL;
}

const char *
crepitus_catalog_referral_to (const char *level_key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_LEVEL, level_key);

  return index < 0 ? NULL : crepitus_catalog_gettext (referrals[index].to);
}

const char *
crepitus_catalog_referral_when (const char *level_key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_LEVEL, level_key);

  return index < 0 || referrals[index].when == NULL ? NULL :
         crepitus_catalog_gettext (referrals[index].when);
}

const char *
crepitus_catalog_recommendation_clinician_text (const char *key,
                                                const char *level_key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_RECOMMENDATION, key);

  if (index < 0)
    return NULL;

  if (g_strcmp0 (key, "consider-imaging") == 0)
    {
      if (g_strcmp0 (level_key, "emergency") == 0)
        return crepitus_catalog_gettext (imaging_clinician_emergency);
      if (g_strcmp0 (level_key, "urgent") == 0)
        return crepitus_catalog_gettext (imaging_clinician_urgent);
      return crepitus_catalog_gettext (imaging_clinician_refer);
    }

  return crepitus_catalog_gettext (recommendation_clinician_texts[index]);
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL)
    g_ptr_array_add (texts, g_strdup (text));
}

char **
crepitus_catalog_dup_patient_texts (void)
{
  static const CrepitusList posture_lists[] = {
    CREPITUS_LIST_SCOLIOSIS, CREPITUS_LIST_LORDOSIS, CREPITUS_LIST_PELVIC_TILT,
    CREPITUS_LIST_KYPHOSIS,
  };
  GPtrArray *texts = g_ptr_array_new ();
  const CrepitusCatalogEntry *entries;
  const CrepitusFactor *factors;
  guint n;

  factors = crepitus_catalog_factors (&n);
  for (guint i = 0; i < n; i++)
    {
      add_text (texts, crepitus_catalog_gettext (factors[i].patient_label));
      add_text (texts, crepitus_catalog_gettext (factors[i].patient));
      for (guint j = 0; j < factors[i].n_findings; j++)
        add_text (texts, crepitus_catalog_gettext (factors[i].findings[j].patient));
    }

  entries = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);
  for (guint i = 0; i < n; i++)
    add_text (texts, crepitus_catalog_red_flag_patient_text (entries[i].key));
  for (guint i = 0; i < G_N_ELEMENTS (reason_texts); i++)
    add_text (texts, crepitus_catalog_gettext (reason_texts[i].patient));

  entries = crepitus_catalog_entries (CREPITUS_LIST_GUIDANCE, &n);
  for (guint i = 0; i < n; i++)
    {
      add_text (texts, crepitus_catalog_label (CREPITUS_LIST_GUIDANCE, entries[i].key));
      add_text (texts, crepitus_catalog_guidance_text (entries[i].key));
    }

  entries = crepitus_catalog_entries (CREPITUS_LIST_LEVEL, &n);
  for (guint i = 0; i < n; i++)
    {
      add_text (texts, crepitus_catalog_level_patient_name (entries[i].key));
      add_text (texts, crepitus_catalog_level_advice (entries[i].key));
    }

  entries = crepitus_catalog_entries (CREPITUS_LIST_RECOMMENDATION, &n);
  for (guint i = 0; i < n; i++)
    {
      const char *refer = crepitus_catalog_recommendation_text (entries[i].key, "refer");

      add_text (texts, refer);
      for (guint l = 0; l < crepitus_catalog_count (CREPITUS_LIST_LEVEL); l++)
        {
          const char *level = crepitus_catalog_key (CREPITUS_LIST_LEVEL, l);
          const char *text = crepitus_catalog_recommendation_text (entries[i].key, level);

          if (g_strcmp0 (text, refer) != 0)
            add_text (texts, text);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (posture_lists); i++)
    {
      entries = crepitus_catalog_entries (posture_lists[i], &n);
      for (guint j = 0; j < n; j++)
        add_text (texts, crepitus_catalog_posture_patient_text (posture_lists[i], entries[j].key));
    }
  add_text (texts, crepitus_catalog_forward_head_patient_text (FALSE));
  add_text (texts, crepitus_catalog_forward_head_patient_text (TRUE));

  g_ptr_array_add (texts, crepitus_catalog_emergency_action (NULL));
  g_ptr_array_add (texts, crepitus_catalog_safety_net_heading (NULL));
  add_text (texts, crepitus_catalog_same_day_heading ());
  for (guint i = 0; crepitus_catalog_same_day_sign (i) != NULL; i++)
    add_text (texts, crepitus_catalog_same_day_sign (i));

  g_ptr_array_add (texts, NULL);
  return (char **) g_ptr_array_free (texts, FALSE);
}
