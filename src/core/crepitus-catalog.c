/* crepitus-catalog.c — the clinical content of CLINICAL.md as static tables with stable keys
 *
 * Keys never change once released and are never translated; every text is N_() here and
 * translated where it is shown. Adding a value is one row in a table plus its translations.
 * The factors and findings, with their explanations, are in crepitus-catalog-factors.c.
 */
#define G_LOG_DOMAIN "crepitus-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-catalog-private.h"
#include "crepitus-locale.h"

/* §1 Presentation */

static const CrepitusCatalogEntry sides[] = {
  { "left", N_("Left leg") },
  { "right", N_("Right leg") },
  { "both", N_("Both legs") },
};

static const CrepitusCatalogEntry locations[] = {
  { "lumbar-left", N_("Lower back, left side") },
  { "lumbar-central", N_("Lower back, centre") },
  { "lumbar-right", N_("Lower back, right side") },
  { "sacroiliac-left", N_("Sacroiliac joint, left") },
  { "sacroiliac-right", N_("Sacroiliac joint, right") },
};

static const CrepitusCatalogEntry sounds[] = {
  { "pop", N_("Pop") },
  { "click", N_("Click") },
  { "grinding", N_("Grinding") },
  { "grating", N_("Grating") },
};

static const CrepitusCatalogEntry frequencies[] = {
  { "isolated", N_("Isolated") },
  { "occasional", N_("Occasional") },
  { "frequent", N_("Frequent") },
  { "constant", N_("Constant") },
};

static const CrepitusCatalogEntry movements[] = {
  { "trunk-rotation", N_("Trunk rotation") },
  { "leg-extension", N_("Leg extension") },
  { "leg-raise", N_("Leg raise") },
  { "leg-abduction", N_("Leg abduction") },
  { "walking", N_("Walking") },
  { "lifting", N_("Lifting") },
  { "bending", N_("Bending") },
  { "twisting", N_("Twisting") },
};

static const CrepitusCatalogEntry symptoms[] = {
  { "pain", N_("Pain") },
  { "stiffness", N_("Stiffness") },
  { "limited-rom", N_("Limited range of motion") },
  { "numbness", N_("Numbness") },
  { "tingling", N_("Tingling") },
  { "weakness", N_("Weakness in the leg or foot") },
  { "swelling", N_("Swelling") },
  { "functional-limitation", N_("Difficulty with daily activities") },
};

static const CrepitusCatalogEntry histories[] = {
  { "low-back-pain", N_("Low back pain") },
  { "hypermobility", N_("Hypermobility (including Ehlers-Danlos syndrome)") },
  { "scoliosis", N_("Scoliosis") },
  { "osteoarthritis", N_("Osteoarthritis") },
  { "rheumatoid-arthritis", N_("Rheumatoid arthritis") },
  { "disc-herniation", N_("Disc herniation") },
  { "spinal-stenosis", N_("Spinal stenosis") },
  { "sciatica", N_("Sciatica") },
  { "spinal-surgery", N_("Spinal surgery") },
};

/* §4 Red flags: the first five trigger `emergency`, the rest `urgent` (see red_flag_tier). */
static const CrepitusCatalogEntry red_flags[] = {
  { "saddle-anaesthesia", N_("Saddle anaesthesia") },
  { "bladder-bowel-dysfunction", N_("New bladder or bowel dysfunction") },
  { "sexual-dysfunction", N_("New sexual dysfunction") },
  { "bilateral-neurological-symptoms", N_("Neurological symptoms in both legs") },
  { "progressive-weakness", N_("Progressive leg weakness") },
  { "cancer-history", N_("History of cancer") },
  { "unexplained-weight-loss", N_("Unexplained weight loss") },
  { "fever", N_("Fever") },
  { "significant-trauma", N_("Significant trauma") },
  { "night-pain", N_("Pain at night or at rest") },
  { "immunosuppression", N_("Immunosuppression") },
  { "iv-drug-use", N_("Intravenous drug use") },
  { "steroid-use-osteoporosis", N_("Long-term steroid use or osteoporosis") },
};
#define N_EMERGENCY_RED_FLAGS 5

/* Each red flag as a sign a patient recognises: the handout's safety net lists the first
 * five. */
static const char *red_flag_patient_texts[] = {
  N_("Numbness or tingling around your bottom, genitals or inner thighs"),
  N_("New loss of bladder or bowel control, or new trouble passing urine"),
  N_("A new loss of feeling or function during sex"),
  N_("Numbness, tingling or weakness in both legs"),
  N_("Leg weakness that is getting worse, or a foot that drags"),
  N_("Cancer, now or in the past"),
  N_("Weight loss without trying"),
  N_("A fever, or feeling generally unwell"),
  N_("Back pain that started after a fall, an accident or a hard blow"),
  N_("Back pain at night or at rest, not only when you move"),
  N_("A weak immune system, from an illness or from medicines"),
  N_("Injecting drugs"),
  N_("Steroid medicines taken for a long time, or thin bones (osteoporosis)"),
};

/* §2 */

static const CrepitusCatalogEntry judgements[] = {
  { "not-assessed", N_("Not assessed") },
  { "unlikely", N_("Unlikely") },
  { "possible", N_("Possible") },
  { "likely", N_("Likely") },
};

/* §3 Posture and alignment */

static const CrepitusCatalogEntry scolioses[] = {
  { "none", N_("None") },
  { "left-convex", N_("Left convex") },
  { "right-convex", N_("Right convex") },
};

static const CrepitusCatalogEntry lordoses[] = {
  { "normal", N_("Normal") },
  { "increased", N_("Increased") },
  { "decreased", N_("Decreased") },
  { "uneven", N_("Uneven") },
};

static const CrepitusCatalogEntry pelvic_tilts[] = {
  { "neutral", N_("Neutral") },
  { "anterior", N_("Anterior") },
  { "posterior", N_("Posterior") },
};

static const CrepitusCatalogEntry kyphoses[] = {
  { "normal", N_("Normal") },
  { "increased", N_("Increased") },
};

/* §3 in plain words for the patient handout: one sentence per value, in list order. */
static const char *scoliosis_patient_texts[] = {
  N_("Seen from behind, your spine is straight."),
  N_("Seen from behind, your spine curves a little to the side, bulging to the left "
     "(scoliosis)."),
  N_("Seen from behind, your spine curves a little to the side, bulging to the right "
     "(scoliosis)."),
};

static const char *lordosis_patient_texts[] = {
  N_("The inward curve of your lower back is normal."),
  N_("Your lower back curves inward more than usual."),
  N_("Your lower back is flatter than usual."),
  N_("The inward curve of your lower back is uneven."),
};

static const char *pelvic_tilt_patient_texts[] = {
  N_("Your pelvis is level, tipped neither forward nor back."),
  N_("Your pelvis tips forward, which makes your lower back arch more."),
  N_("Your pelvis tips backward, which flattens your lower back."),
};

static const char *kyphosis_patient_texts[] = {
  N_("The curve of your upper back is normal."),
  N_("Your upper back is more rounded than usual."),
};

static const char *forward_head_patient_texts[] = {
  N_("You hold your head well balanced over your shoulders."),
  N_("You tend to hold your head forward of your shoulders, which strains the neck and "
     "upper back."),
};

/* §5 Clinician tips, the article's seven in order */

static const CrepitusCatalogEntry tips[] = {
  { "monitor-associated-symptoms", N_("Monitor associated symptoms") },
  { "evaluate-movement-patterns", N_("Evaluate movement patterns") },
  { "assess-muscular-balance", N_("Assess muscular balance") },
  { "consider-spinal-alignment", N_("Consider spinal alignment") },
  { "rule-out-underlying-pathology", N_("Rule out underlying pathology") },
  { "implement-targeted-interventions", N_("Implement targeted interventions") },
  { "promote-proper-body-mechanics", N_("Promote proper body mechanics") },
};

static const char *tip_texts[] = {
  N_("Ask about pain, numbness, tingling and weakness alongside the sound: any of them changes "
     "the picture and points to nerve involvement or a structural cause worth investigating."),
  N_("Watch the movements that bring on the sound and look for compensations or a reduced "
     "range that could be loading the lumbar spine unevenly."),
  N_("Test strength and flexibility of the trunk, hip and leg muscles; an imbalance changes "
     "how the spine is loaded and makes pops and discomfort more likely."),
  N_("Examine the whole spine for scoliosis, altered lordosis or kyphosis, which load the "
     "joints asymmetrically."),
  N_("Imaging is not routine (NICE NG59): when symptoms persist with neurological signs, or a "
     "serious cause is suspected, refer for MRI in specialist care if the result would change "
     "management. A plain X-ray shows neither a disc herniation nor a compressed nerve."),
  N_("Treat what you find — muscle imbalance, faulty movement or alignment — with specific "
     "exercise, manual therapy or postural correction."),
  N_("Teach safe lifting, good posture and movement strategies that spare the lower back in "
     "daily life."),
};

static const char *tip_sources[] = {
  "Tip 1", "Tip 2", "Tip 3", "Tip 4", "Tip 5", "Tip 6", "Tip 7",
};

/* What brings each tip up on the clinician summary, in the order of tips[]: any one of its
 * triggers (crepitus_triage_dup_tips() evaluates them). */
#define KEYS(...) ((const char * const[]) { __VA_ARGS__, NULL })
#define ALWAYS { CREPITUS_TIP_WHEN_ALWAYS }
#define ANY_RECORDED(list) { CREPITUS_TIP_WHEN_RECORDED, CREPITUS_LIST_##list, NULL }
#define RECORDED(list, ...) \
  { CREPITUS_TIP_WHEN_RECORDED, CREPITUS_LIST_##list, KEYS (__VA_ARGS__) }
#define CHOSEN(list, ...) \
  { CREPITUS_TIP_WHEN_CHOSEN, CREPITUS_LIST_##list, KEYS (__VA_ARGS__) }
#define FORWARD_HEAD { CREPITUS_TIP_WHEN_FORWARD_HEAD }
#define POSSIBLE_OR_LIKELY(...) \
  { CREPITUS_TIP_WHEN_JUDGED, CREPITUS_LIST_FACTOR, KEYS (__VA_ARGS__), \
    KEYS ("possible", "likely") }
#define RECOMMENDED(...) \
  { CREPITUS_TIP_WHEN_RECOMMENDED, CREPITUS_LIST_RECOMMENDATION, KEYS (__VA_ARGS__) }
#define TRIGGERS(...) \
  { (const CrepitusTipTrigger[]) { __VA_ARGS__ }, \
    G_N_ELEMENTS (((const CrepitusTipTrigger[]) { __VA_ARGS__ })) }

static const struct
{
  const CrepitusTipTrigger *triggers;
  guint                     n_triggers;
} tip_triggers[] = {
  /* monitor-associated-symptoms: Tip 1 is the basis of every triage */
  TRIGGERS (ALWAYS),
  /* evaluate-movement-patterns */
  TRIGGERS (POSSIBLE_OR_LIKELY ("movement-mechanics"),
            ANY_RECORDED (MOVEMENT)),
  /* assess-muscular-balance */
  TRIGGERS (POSSIBLE_OR_LIKELY ("muscle-imbalances")),
  /* consider-spinal-alignment: the factor, or any posture finding other than normal */
  TRIGGERS (POSSIBLE_OR_LIKELY ("spinal-alignment"),
            CHOSEN (SCOLIOSIS, "left-convex", "right-convex"),
            CHOSEN (LORDOSIS, "increased", "decreased", "uneven"),
            CHOSEN (PELVIC_TILT, "anterior", "posterior"),
            CHOSEN (KYPHOSIS, "increased"),
            FORWARD_HEAD),
  /* rule-out-underlying-pathology */
  TRIGGERS (RECOMMENDED ("consider-imaging"),
            POSSIBLE_OR_LIKELY ("disc-degeneration", "nerve-impingement", "inflammation")),
  /* implement-targeted-interventions: a factor that treatment can change */
  TRIGGERS (POSSIBLE_OR_LIKELY ("muscle-imbalances", "ligament-elasticity", "spinal-alignment",
                                "movement-mechanics")),
  /* promote-proper-body-mechanics */
  TRIGGERS (POSSIBLE_OR_LIKELY ("movement-mechanics"),
            RECORDED (MOVEMENT, "lifting", "bending", "twisting")),
};

#undef ALWAYS
#undef ANY_RECORDED
#undef RECORDED
#undef CHOSEN
#undef FORWARD_HEAD
#undef POSSIBLE_OR_LIKELY
#undef RECOMMENDED
#undef TRIGGERS
#undef KEYS

/* §5 Patient guidance, from the article's FAQ. The keys are Crepitus's own. */

static const CrepitusCatalogEntry guidance[] = {
  { "what-the-pop-is", N_("What the pop usually is") },
  { "possible-causes", N_("What can cause it") },
  { "when-to-seek-care", N_("When to seek care") },
  { "muscle-balance", N_("Muscle balance") },
  { "self-care", N_("Looking after your back") },
  { "diagnosis", N_("How the cause is found") },
};

static const char *guidance_texts[] = {
  N_("A pop in your lower back when you move your leg is common. Without pain or other "
     "symptoms, it is usually harmless and needs no treatment. Most often it is a tiny gas "
     "bubble in a joint of the spine, or a tendon or ligament moving over bone."),
  N_("Several things can play a part. They include gas bubbles in the small joints of the "
     "spine, and muscles that are weak or tight. Loose or stiff ligaments, the shape of the "
     "spine, thinner discs, swelling and the way you move can also play a part."),
  N_("See a doctor or physiotherapist if the pop comes with pain, stiffness or less movement "
     "than usual. Also see one if you have numbness, tingling or weakness in a leg or foot, or "
     "if the pops keep happening."),
  N_("The muscles around your spine, tummy and hips work as a team. When some are weak and "
     "others are tight, the joints take an uneven load. Making the weak ones stronger and "
     "stretching the tight ones helps."),
  N_("Sit and stand tall, and keep active. Regular exercise makes your tummy and back muscles "
     "stronger. Lift with your knees bent and the load close to your body. This does not "
     "replace advice from your doctor or physiotherapist if the problem goes on or worries "
     "you."),
  N_("The cause is usually found by talking with you and examining your back and how you move. "
     "Scans are needed only sometimes, when the result would change your treatment."),
};

static const char *guidance_sources[] = {
  "FAQ 1", "FAQ 2", "FAQ 3", "FAQ 4", "FAQ 5", "FAQ 6",
};

/* §4 Triage levels and recommendations */

static const CrepitusCatalogEntry levels[] = {
  { "emergency", N_("Emergency") },
  { "urgent", N_("Urgent medical review") },
  { "refer", N_("Refer for evaluation") },
  { "monitor", N_("Monitor") },
  { "benign", N_("Likely harmless") },
};

static const char *level_advice[] = {
  N_("Some of what you told us can be a sign of pressure on the nerves in your spine. This "
     "needs treatment within hours."),
  N_("Some of what you told us needs a doctor to check for a serious cause. This should happen "
     "today or tomorrow."),
  N_("The pop comes with other symptoms. A doctor or physiotherapist should examine your back "
     "to find out why."),
  N_("The pops happen often or have gone on for some weeks. So far they come with no pain or "
     "other symptoms."),
  N_("The pop comes with no pain or other symptoms."),
};

static const CrepitusCatalogEntry recommendations[] = {
  { "emergency-care-now", N_("Emergency care now") },
  { "urgent-medical-review", N_("Urgent medical review") },
  { "medical-evaluation", N_("Medical evaluation") },
  { "neurological-assessment", N_("Neurological assessment") },
  { "cartilage-assessment", N_("Cartilage assessment") },
  { "consider-imaging", N_("Consider imaging") },
  { "follow-up", N_("Follow-up") },
  { "self-care", N_("Self-care") },
  { "reassurance", N_("Reassurance") },
};

static const char *recommendation_texts[] = {
  N_("Go to an emergency department now, or call emergency services."),
  N_("See a doctor today or tomorrow."),
  N_("A doctor or physiotherapist will examine your back and how you move."),
  N_("They will also check the nerves to your legs: feeling, strength and reflexes."),
  N_("They will look closely at the joint, because a rough or clicking sound with pain can "
     "come from its cartilage."),
  NULL, /* consider-imaging: worded per level, below */
  N_("Come back for a check-up, sooner if the pops change or other symptoms start."),
  N_("Follow the self-care advice in this leaflet."),
  N_("The pop itself needs no treatment."),
};

/* CLINICAL.md §4: NICE NG59 advises against routine imaging outside specialist care, and the
 * handout never tells a patient to ask for a scan. */
static const char *imaging_refer =
  N_("A specialist may arrange an MRI scan if the result would change your treatment.");
static const char *imaging_urgent =
  N_("The doctor may arrange imaging to look for a serious cause such as infection, fracture or "
     "a tumour.");
static const char *imaging_emergency =
  N_("An emergency MRI scan is usually needed.");

/* §6 Patient */

static const CrepitusCatalogEntry sexes[] = {
  { "female", N_("Female") },
  { "male", N_("Male") },
  { "other", N_("Other") },
  { "unknown", N_("Unknown") },
};

/* Each language by its own name, as a patient would look for it. */
static const CrepitusCatalogEntry languages[] = {
  { "en", "English" },
  { "de", "Deutsch" },
  { "es", "Español" },
  { "fr", "Français" },
  { "pt_BR", "Português (Brasil)" },
  { "pl", "Polski" },
};

/* §7 Measures and examination tests */

static const CrepitusCatalogEntry measures[] = {
  { "nprs", N_("Pain intensity (NPRS)") },
  { "odi", N_("Oswestry Disability Index") },
  { "start_back", N_("STarT Back screening") },
  { "beighton", N_("Beighton score") },
  { "tests", N_("Examination tests") },
};

static const CrepitusCatalogEntry tests[] = {
  { "straight-leg-raise", N_("Straight leg raise") },
  { "slump", N_("Slump test") },
  { "faber", N_("FABER test") },
  { "prone-instability", N_("Prone instability test") },
  { "trendelenburg", N_("Trendelenburg test") },
};

static const CrepitusCatalogEntry test_results[] = {
  { "not-done", N_("Not done") },
  { "negative", N_("Negative") },
  { "positive", N_("Positive") },
};

static const CrepitusCatalogEntry bothersomeness[] = {
  { "not-at-all", N_("Not at all") },
  { "slightly", N_("Slightly") },
  { "moderately", N_("Moderately") },
  { "very-much", N_("Very much") },
  { "extremely", N_("Extremely") },
};

/* Short labels of Crepitus's own; the licensed questionnaire wording is not reproduced. */
static const CrepitusCatalogEntry odi_sections[] = {
  { "pain-intensity", N_("Pain intensity") },
  { "personal-care", N_("Personal care") },
  { "lifting", N_("Lifting") },
  { "walking", N_("Walking") },
  { "sitting", N_("Sitting") },
  { "standing", N_("Standing") },
  { "sleeping", N_("Sleeping") },
  { "sex-life", N_("Sex life") },
  { "social-life", N_("Social life") },
  { "travelling", N_("Travelling") },
};

static const CrepitusCatalogEntry start_back_items[] = {
  { "leg-pain", N_("1 · Pain spreading down the leg") },
  { "shoulder-neck-pain", N_("2 · Shoulder or neck pain") },
  { "walking-distance", N_("3 · Walks only short distances") },
  { "dressing", N_("4 · Slower to get dressed") },
  { "activity-safety", N_("5 · Feels activity is unsafe") },
  { "worry", N_("6 · Frequent worrying thoughts") },
  { "outlook", N_("7 · Feels it will never improve") },
  { "enjoyment", N_("8 · Less enjoyment of life") },
};

static const CrepitusCatalogEntry beighton_items[] = {
  { "little-finger-left", N_("Little finger beyond 90°, left") },
  { "little-finger-right", N_("Little finger beyond 90°, right") },
  { "thumb-left", N_("Thumb to forearm, left") },
  { "thumb-right", N_("Thumb to forearm, right") },
  { "elbow-left", N_("Elbow beyond 10°, left") },
  { "elbow-right", N_("Elbow beyond 10°, right") },
  { "knee-left", N_("Knee beyond 10°, left") },
  { "knee-right", N_("Knee beyond 10°, right") },
  { "palms-to-floor", N_("Palms flat on the floor") },
};

/* §7 scores: the ODI's bands (for clinicians only, never on the handout) and STarT Back's
 * risk groups. */
static const CrepitusCatalogEntry odi_bands[] = {
  { "minimal", N_("Minimal disability") },
  { "moderate", N_("Moderate disability") },
  { "severe", N_("Severe disability") },
  { "crippling", N_("Crippling back pain") },
  { "bed-bound", N_("Bed-bound") },
};

static const CrepitusCatalogEntry start_back_risks[] = {
  { "low", N_("Low risk") },
  { "medium", N_("Medium risk") },
  { "high", N_("High risk") },
};

/* The factors as plain entries, filled once from the factor table. */
static CrepitusCatalogEntry factor_entries[G_N_ELEMENTS (crepitus_catalog_factor_table)];

#define LIST(array, noun) { array, G_N_ELEMENTS (array), noun }

static const struct
{
  const CrepitusCatalogEntry *entries;
  guint                       n_entries;
  const char                 *noun;
} lists[CREPITUS_N_LISTS] = {
  [CREPITUS_LIST_SIDE] = LIST (sides, "side"),
  [CREPITUS_LIST_LOCATION] = LIST (locations, "location"),
  [CREPITUS_LIST_SOUND] = LIST (sounds, "sound"),
  [CREPITUS_LIST_FREQUENCY] = LIST (frequencies, "frequency"),
  [CREPITUS_LIST_MOVEMENT] = LIST (movements, "provoking movement"),
  [CREPITUS_LIST_SYMPTOM] = LIST (symptoms, "symptom"),
  [CREPITUS_LIST_HISTORY] = LIST (histories, "history item"),
  [CREPITUS_LIST_RED_FLAG] = LIST (red_flags, "red flag"),
  [CREPITUS_LIST_JUDGEMENT] = LIST (judgements, "judgement"),
  [CREPITUS_LIST_FACTOR] = LIST (factor_entries, "factor"),
  [CREPITUS_LIST_SCOLIOSIS] = LIST (scolioses, "scoliosis value"),
  [CREPITUS_LIST_LORDOSIS] = LIST (lordoses, "lordosis value"),
  [CREPITUS_LIST_PELVIC_TILT] = LIST (pelvic_tilts, "pelvic tilt"),
  [CREPITUS_LIST_KYPHOSIS] = LIST (kyphoses, "kyphosis value"),
  [CREPITUS_LIST_TIP] = LIST (tips, "tip"),
  [CREPITUS_LIST_GUIDANCE] = LIST (guidance, "guidance"),
  [CREPITUS_LIST_LEVEL] = LIST (levels, "triage level"),
  [CREPITUS_LIST_RECOMMENDATION] = LIST (recommendations, "recommendation"),
  [CREPITUS_LIST_SEX] = LIST (sexes, "sex"),
  [CREPITUS_LIST_LANGUAGE] = LIST (languages, "language"),
  [CREPITUS_LIST_MEASURE] = LIST (measures, "measure"),
  [CREPITUS_LIST_TEST] = LIST (tests, "test"),
  [CREPITUS_LIST_TEST_RESULT] = LIST (test_results, "test result"),
  [CREPITUS_LIST_BOTHERSOMENESS] = LIST (bothersomeness, "bothersomeness"),
  [CREPITUS_LIST_ODI_SECTION] = LIST (odi_sections, "ODI section"),
  [CREPITUS_LIST_START_BACK_ITEM] = LIST (start_back_items, "STarT Back item"),
  [CREPITUS_LIST_BEIGHTON_ITEM] = LIST (beighton_items, "Beighton item"),
  [CREPITUS_LIST_ODI_BAND] = LIST (odi_bands, "ODI band"),
  [CREPITUS_LIST_START_BACK_RISK] = LIST (start_back_risks, "STarT Back risk group"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (red_flag_patient_texts) == G_N_ELEMENTS (red_flags));
G_STATIC_ASSERT (G_N_ELEMENTS (scoliosis_patient_texts) == G_N_ELEMENTS (scolioses));
G_STATIC_ASSERT (G_N_ELEMENTS (lordosis_patient_texts) == G_N_ELEMENTS (lordoses));
G_STATIC_ASSERT (G_N_ELEMENTS (pelvic_tilt_patient_texts) == G_N_ELEMENTS (pelvic_tilts));
G_STATIC_ASSERT (G_N_ELEMENTS (kyphosis_patient_texts) == G_N_ELEMENTS (kyphoses));
G_STATIC_ASSERT (G_N_ELEMENTS (tip_texts) == G_N_ELEMENTS (tips));
G_STATIC_ASSERT (G_N_ELEMENTS (tip_sources) == G_N_ELEMENTS (tips));
G_STATIC_ASSERT (G_N_ELEMENTS (tip_triggers) == G_N_ELEMENTS (tips));
G_STATIC_ASSERT (G_N_ELEMENTS (guidance_texts) == G_N_ELEMENTS (guidance));
G_STATIC_ASSERT (G_N_ELEMENTS (guidance_sources) == G_N_ELEMENTS (guidance));
G_STATIC_ASSERT (G_N_ELEMENTS (level_advice) == G_N_ELEMENTS (levels));
G_STATIC_ASSERT (G_N_ELEMENTS (recommendation_texts) == G_N_ELEMENTS (recommendations));

static void
ensure_factor_entries (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (factor_entries); i++)
        {
          factor_entries[i].key = crepitus_catalog_factor_table[i].key;
          factor_entries[i].label = crepitus_catalog_factor_table[i].label;
        }
      g_once_init_leave (&initialized, 1);
    }
}

const char *
crepitus_catalog_gettext (const char *msgid)
{
  /* While a report is written on this thread, its language, never the UI's. */
  return crepitus_locale_translate (msgid);
}

const CrepitusCatalogEntry *
crepitus_catalog_entries (CrepitusList  list,
                          guint        *n_entries)
{
  g_return_val_if_fail (list < CREPITUS_N_LISTS, NULL);

  if (list == CREPITUS_LIST_FACTOR)
    ensure_factor_entries ();
  if (n_entries != NULL)
    *n_entries = lists[list].n_entries;
  return lists[list].entries;
}

guint
crepitus_catalog_count (CrepitusList list)
{
  g_return_val_if_fail (list < CREPITUS_N_LISTS, 0);

  return lists[list].n_entries;
}

int
crepitus_catalog_index (CrepitusList  list,
                        const char   *key)
{
  const CrepitusCatalogEntry *entries;
  guint n;

  g_return_val_if_fail (list < CREPITUS_N_LISTS, -1);

  if (key == NULL)
    return -1;

  entries = crepitus_catalog_entries (list, &n);
  for (guint i = 0; i < n; i++)
    if (strcmp (entries[i].key, key) == 0)
      return (int) i;
  return -1;
}

const char *
crepitus_catalog_key (CrepitusList list,
                      int          index)
{
  const CrepitusCatalogEntry *entries;
  guint n;

  g_return_val_if_fail (list < CREPITUS_N_LISTS, NULL);

  entries = crepitus_catalog_entries (list, &n);
  if (index < 0 || (guint) index >= n)
    return NULL;
  return entries[index].key;
}

const char *
crepitus_catalog_label (CrepitusList  list,
                        const char   *key)
{
  int index = crepitus_catalog_index (list, key);

  if (index < 0)
    return NULL;
  return crepitus_catalog_gettext (lists[list].entries[index].label);
}

const char *
crepitus_catalog_list_noun (CrepitusList list)
{
  g_return_val_if_fail (list < CREPITUS_N_LISTS, NULL);

  return lists[list].noun;
}

const CrepitusFactor *
crepitus_catalog_factors (guint *n_factors)
{
  if (n_factors != NULL)
    *n_factors = G_N_ELEMENTS (crepitus_catalog_factor_table);
  return crepitus_catalog_factor_table;
}

const CrepitusFactor *
crepitus_catalog_factor (const char *key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_FACTOR, key);

  return index < 0 ? NULL : &crepitus_catalog_factor_table[index];
}

const CrepitusFinding *
crepitus_catalog_finding (const CrepitusFactor *factor,
                          const char           *key)
{
  g_return_val_if_fail (factor != NULL, NULL);

  if (key == NULL)
    return NULL;
  for (guint i = 0; i < factor->n_findings; i++)
    if (strcmp (factor->findings[i].key, key) == 0)
      return &factor->findings[i];
  return NULL;
}

const CrepitusFactor *
crepitus_catalog_finding_owner (const char *finding_key)
{
  for (guint i = 0; i < G_N_ELEMENTS (crepitus_catalog_factor_table); i++)
    if (crepitus_catalog_finding (&crepitus_catalog_factor_table[i], finding_key) != NULL)
      return &crepitus_catalog_factor_table[i];
  return NULL;
}

CrepitusRedFlagTier
crepitus_catalog_red_flag_tier (const char *key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_RED_FLAG, key);

  g_return_val_if_fail (index >= 0, CREPITUS_RED_FLAG_URGENT);

  return index < N_EMERGENCY_RED_FLAGS ? CREPITUS_RED_FLAG_EMERGENCY : CREPITUS_RED_FLAG_URGENT;
}

const char *
crepitus_catalog_red_flag_patient_text (const char *key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_RED_FLAG, key);

  return index < 0 ? NULL : crepitus_catalog_gettext (red_flag_patient_texts[index]);
}

const char *
crepitus_catalog_posture_patient_text (CrepitusList  list,
                                       const char   *key)
{
  int index = crepitus_catalog_index (list, key);

  if (index < 0)
    return NULL;

  switch (list)
    {
    case CREPITUS_LIST_SCOLIOSIS:
      return crepitus_catalog_gettext (scoliosis_patient_texts[index]);
    case CREPITUS_LIST_LORDOSIS:
      return crepitus_catalog_gettext (lordosis_patient_texts[index]);
    case CREPITUS_LIST_PELVIC_TILT:
      return crepitus_catalog_gettext (pelvic_tilt_patient_texts[index]);
    case CREPITUS_LIST_KYPHOSIS:
      return crepitus_catalog_gettext (kyphosis_patient_texts[index]);
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
crepitus_catalog_forward_head_patient_text (gboolean forward_head)
{
  return crepitus_catalog_gettext (forward_head_patient_texts[forward_head ? 1 : 0]);
}

const char *
crepitus_catalog_tip_text (const char *key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_TIP, key);

  return index < 0 ? NULL : crepitus_catalog_gettext (tip_texts[index]);
}

const char *
crepitus_catalog_tip_source (const char *key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_TIP, key);

  return index < 0 ? NULL : tip_sources[index];
}

const CrepitusTipTrigger *
crepitus_catalog_tip_triggers (const char *key,
                               guint      *n_triggers)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_TIP, key);

  if (n_triggers != NULL)
    *n_triggers = index < 0 ? 0 : tip_triggers[index].n_triggers;
  return index < 0 ? NULL : tip_triggers[index].triggers;
}

const char *
crepitus_catalog_guidance_text (const char *key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_GUIDANCE, key);

  return index < 0 ? NULL : crepitus_catalog_gettext (guidance_texts[index]);
}

const char *
crepitus_catalog_guidance_source (const char *key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_GUIDANCE, key);

  return index < 0 ? NULL : guidance_sources[index];
}

const char *
crepitus_catalog_level_advice (const char *key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_LEVEL, key);

  return index < 0 ? NULL : crepitus_catalog_gettext (level_advice[index]);
}

const char *
crepitus_catalog_recommendation_text (const char *key,
                                      const char *level_key)
{
  int index = crepitus_catalog_index (CREPITUS_LIST_RECOMMENDATION, key);

  if (index < 0)
    return NULL;

  if (g_strcmp0 (key, "consider-imaging") == 0)
    {
      if (g_strcmp0 (level_key, "emergency") == 0)
        return crepitus_catalog_gettext (imaging_emergency);
      if (g_strcmp0 (level_key, "urgent") == 0)
        return crepitus_catalog_gettext (imaging_urgent);
      return crepitus_catalog_gettext (imaging_refer);
    }

  return crepitus_catalog_gettext (recommendation_texts[index]);
}
