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
  /* Translators: the leg whose movement brings the pop on (intake, "Side") */
  { "left", N_("Left leg") },
  /* Translators: the leg whose movement brings the pop on (intake, "Side") */
  { "right", N_("Right leg") },
  /* Translators: the leg whose movement brings the pop on (intake, "Side") */
  { "both", N_("Both legs") },
};

static const CrepitusCatalogEntry locations[] = {
  /* Translators: where in the lower back the pop is felt (intake, "Location") */
  { "lumbar-left", N_("Lower back, left side") },
  /* Translators: where in the lower back the pop is felt (intake, "Location") */
  { "lumbar-central", N_("Lower back, centre") },
  /* Translators: where in the lower back the pop is felt (intake, "Location") */
  { "lumbar-right", N_("Lower back, right side") },
  /* Translators: where in the lower back the pop is felt (intake, "Location") */
  { "sacroiliac-left", N_("Sacroiliac joint, left") },
  /* Translators: where in the lower back the pop is felt (intake, "Location") */
  { "sacroiliac-right", N_("Sacroiliac joint, right") },
};

static const CrepitusCatalogEntry sounds[] = {
  /* Translators: the kind of sound, a noun (intake, "Sound") */
  { "pop", N_("Pop") },
  /* Translators: the kind of sound, a noun (intake, "Sound") */
  { "click", N_("Click") },
  /* Translators: the kind of sound, a noun (intake, "Sound") */
  { "grinding", N_("Grinding") },
  /* Translators: the kind of sound, a noun (intake, "Sound") */
  { "grating", N_("Grating") },
};

static const CrepitusCatalogEntry frequencies[] = {
  /* Translators: how often the pops come, an adjective (intake, "Frequency") */
  { "isolated", N_("Isolated") },
  /* Translators: how often the pops come, an adjective (intake, "Frequency") */
  { "occasional", N_("Occasional") },
  /* Translators: how often the pops come, an adjective (intake, "Frequency") */
  { "frequent", N_("Frequent") },
  /* Translators: how often the pops come, an adjective (intake, "Frequency") */
  { "constant", N_("Constant") },
};

static const CrepitusCatalogEntry movements[] = {
  /* Translators: a movement that brings the pop on, a noun (intake) */
  { "trunk-rotation", N_("Trunk rotation") },
  /* Translators: a movement that brings the pop on, a noun (intake) */
  { "leg-extension", N_("Leg extension") },
  /* Translators: a movement that brings the pop on, a noun (intake) */
  { "leg-raise", N_("Leg raise") },
  /* Translators: a movement that brings the pop on, a noun (intake) */
  { "leg-abduction", N_("Leg abduction") },
  /* Translators: a movement that brings the pop on, a noun (intake) */
  { "walking", N_("Walking") },
  /* Translators: a movement that brings the pop on, a noun (intake) */
  { "lifting", N_("Lifting") },
  /* Translators: a movement that brings the pop on, a noun (intake) */
  { "bending", N_("Bending") },
  /* Translators: a movement that brings the pop on, a noun (intake) */
  { "twisting", N_("Twisting") },
};

static const CrepitusCatalogEntry symptoms[] = {
  /* Translators: a symptom that comes with the pop (intake) */
  { "pain", N_("Pain") },
  /* Translators: a symptom that comes with the pop (intake) */
  { "stiffness", N_("Stiffness") },
  /* Translators: a symptom that comes with the pop (intake) */
  { "limited-rom", N_("Limited range of motion") },
  /* Translators: a symptom that comes with the pop (intake) */
  { "numbness", N_("Numbness") },
  /* Translators: a symptom that comes with the pop (intake) */
  { "tingling", N_("Tingling") },
  /* Translators: a symptom that comes with the pop (intake) */
  { "weakness", N_("Weakness in the leg or foot") },
  /* Translators: a symptom that comes with the pop (intake) */
  { "swelling", N_("Swelling") },
  /* Translators: a symptom that comes with the pop (intake) */
  { "functional-limitation", N_("Difficulty with daily activities") },
};

static const CrepitusCatalogEntry histories[] = {
  /* Translators: a condition in the patient's history (intake) */
  { "low-back-pain", N_("Low back pain") },
  /* Translators: a condition in the patient's history (intake) */
  { "hypermobility", N_("Hypermobility (including Ehlers-Danlos syndrome)") },
  /* Translators: a condition in the patient's history (intake) */
  { "scoliosis", N_("Scoliosis") },
  /* Translators: a condition in the patient's history (intake) */
  { "osteoarthritis", N_("Osteoarthritis") },
  /* Translators: a condition in the patient's history (intake) */
  { "rheumatoid-arthritis", N_("Rheumatoid arthritis") },
  /* Translators: a condition in the patient's history (intake) */
  { "disc-herniation", N_("Disc herniation") },
  /* Translators: a condition in the patient's history (intake) */
  { "spinal-stenosis", N_("Spinal stenosis") },
  /* Translators: a condition in the patient's history (intake) */
  { "sciatica", N_("Sciatica") },
  /* Translators: a condition in the patient's history (intake) */
  { "spinal-surgery", N_("Spinal surgery") },
};

/* §4 Red flags: the first five trigger `emergency`, the rest `urgent` (see red_flag_tier). */
static const CrepitusCatalogEntry red_flags[] = {
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "saddle-anaesthesia", N_("Saddle anaesthesia") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "bladder-bowel-dysfunction", N_("New bladder or bowel dysfunction") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "sexual-dysfunction", N_("New sexual dysfunction") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "bilateral-neurological-symptoms", N_("Neurological symptoms in both legs") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "progressive-weakness", N_("Progressive leg weakness") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "cancer-history", N_("History of cancer") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "unexplained-weight-loss", N_("Unexplained weight loss") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "fever", N_("Fever") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "significant-trauma", N_("Significant trauma") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "night-pain", N_("Pain at night or at rest") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "immunosuppression", N_("Immunosuppression") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "iv-drug-use", N_("Intravenous drug use") },
  /* Translators: a red flag, in clinical words (window, clinician summary); the patient's words
   * are separate */
  { "steroid-use-osteoporosis", N_("Long-term steroid use or osteoporosis") },
};
#define N_EMERGENCY_RED_FLAGS 5

/* Each red flag as a sign a patient recognises: the handout's safety net lists the first
 * five. */
static const char *red_flag_patient_texts[] = {
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("Numbness or tingling around your bottom, genitals or inner thighs"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("New loss of bladder or bowel control, or new trouble passing urine"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("A new loss of feeling or function during sex"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("Numbness, tingling or weakness in both legs"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("Leg weakness that is getting worse, or a foot that drags"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("Cancer, now or in the past"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("Weight loss without trying"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("A fever, or feeling generally unwell"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("Back pain that started after a fall, an accident or a hard blow"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("Back pain at night or at rest, not only when you move"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("A weak immune system, from an illness or from medicines"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("Injecting drugs"),
  /* Translators: a red flag in plain words for the patient handout's safety net */
  N_("Steroid medicines taken for a long time, or thin bones (osteoporosis)"),
};

/* §2 */

static const CrepitusCatalogEntry judgements[] = {
  /* Translators: the clinician's judgement of a factor as a cause of the pop */
  { "not-assessed", N_("Not assessed") },
  /* Translators: the clinician's judgement of a factor as a cause of the pop */
  { "unlikely", N_("Unlikely") },
  /* Translators: the clinician's judgement of a factor as a cause of the pop */
  { "possible", N_("Possible") },
  /* Translators: the clinician's judgement of a factor as a cause of the pop */
  { "likely", N_("Likely") },
};

/* §3 Posture and alignment */

static const CrepitusCatalogEntry scolioses[] = {
  /* Translators: scoliosis as observed (Posture page, clinician summary) */
  { "none", N_("None") },
  /* Translators: scoliosis as observed (Posture page, clinician summary) */
  { "left-convex", N_("Left convex") },
  /* Translators: scoliosis as observed (Posture page, clinician summary) */
  { "right-convex", N_("Right convex") },
};

static const CrepitusCatalogEntry lordoses[] = {
  /* Translators: the lumbar lordosis as observed (Posture page, clinician summary) */
  { "normal", N_("Normal") },
  /* Translators: the lumbar lordosis as observed (Posture page, clinician summary) */
  { "increased", N_("Increased") },
  /* Translators: the lumbar lordosis as observed (Posture page, clinician summary) */
  { "decreased", N_("Decreased") },
  /* Translators: the lumbar lordosis as observed (Posture page, clinician summary) */
  { "uneven", N_("Uneven") },
};

static const CrepitusCatalogEntry pelvic_tilts[] = {
  /* Translators: the pelvic tilt as observed (Posture page, clinician summary) */
  { "neutral", N_("Neutral") },
  /* Translators: the pelvic tilt as observed (Posture page, clinician summary) */
  { "anterior", N_("Anterior") },
  /* Translators: the pelvic tilt as observed (Posture page, clinician summary) */
  { "posterior", N_("Posterior") },
};

static const CrepitusCatalogEntry kyphoses[] = {
  /* Translators: the thoracic kyphosis as observed (Posture page, clinician summary) */
  { "normal", N_("Normal") },
  /* Translators: the thoracic kyphosis as observed (Posture page, clinician summary) */
  { "increased", N_("Increased") },
};

/* §3 in plain words for the patient handout: one sentence per value, in list order. */
static const char *scoliosis_patient_texts[] = {
  /* Translators: the patient's posture in plain words, for the handout */
  N_("Seen from behind, your spine is straight."),
  /* Translators: the patient's posture in plain words, for the handout */
  N_("Seen from behind, your spine curves a little to the side, bulging to the left "
     "(scoliosis)."),
  /* Translators: the patient's posture in plain words, for the handout */
  N_("Seen from behind, your spine curves a little to the side, bulging to the right "
     "(scoliosis)."),
};

static const char *lordosis_patient_texts[] = {
  /* Translators: the patient's posture in plain words, for the handout */
  N_("The inward curve of your lower back is normal."),
  /* Translators: the patient's posture in plain words, for the handout */
  N_("Your lower back curves inward more than usual."),
  /* Translators: the patient's posture in plain words, for the handout */
  N_("Your lower back is flatter than usual."),
  /* Translators: the patient's posture in plain words, for the handout */
  N_("The inward curve of your lower back is uneven."),
};

static const char *pelvic_tilt_patient_texts[] = {
  /* Translators: the patient's posture in plain words, for the handout */
  N_("Your pelvis is level, tipped neither forward nor back."),
  /* Translators: the patient's posture in plain words, for the handout */
  N_("Your pelvis tips forward, which makes your lower back arch more."),
  /* Translators: the patient's posture in plain words, for the handout */
  N_("Your pelvis tips backward, which flattens your lower back."),
};

static const char *kyphosis_patient_texts[] = {
  /* Translators: the patient's posture in plain words, for the handout */
  N_("The curve of your upper back is normal."),
  /* Translators: the patient's posture in plain words, for the handout */
  N_("Your upper back is more rounded than usual."),
};

static const char *forward_head_patient_texts[] = {
  /* Translators: the patient's posture in plain words, for the handout */
  N_("You hold your head well balanced over your shoulders."),
  /* Translators: the patient's posture in plain words, for the handout */
  N_("You tend to hold your head forward of your shoulders, which strains the neck and "
     "upper back."),
};

/* §5 Clinician tips, the article's seven in order */

static const CrepitusCatalogEntry tips[] = {
  /* Translators: the title of a clinician tip, an instruction to the clinician */
  { "monitor-associated-symptoms", N_("Monitor associated symptoms") },
  /* Translators: the title of a clinician tip, an instruction to the clinician */
  { "evaluate-movement-patterns", N_("Evaluate movement patterns") },
  /* Translators: the title of a clinician tip, an instruction to the clinician */
  { "assess-muscular-balance", N_("Assess muscular balance") },
  /* Translators: the title of a clinician tip, an instruction to the clinician */
  { "consider-spinal-alignment", N_("Consider spinal alignment") },
  /* Translators: the title of a clinician tip, an instruction to the clinician */
  { "rule-out-underlying-pathology", N_("Rule out underlying pathology") },
  /* Translators: the title of a clinician tip, an instruction to the clinician */
  { "implement-targeted-interventions", N_("Implement targeted interventions") },
  /* Translators: the title of a clinician tip, an instruction to the clinician */
  { "promote-proper-body-mechanics", N_("Promote proper body mechanics") },
};

static const char *tip_texts[] = {
  /* Translators: a clinician tip: one paragraph for clinicians */
  N_("Ask about pain, numbness, tingling and weakness alongside the sound: any of them changes "
     "the picture and points to nerve involvement or a structural cause worth investigating."),
  /* Translators: a clinician tip: one paragraph for clinicians */
  N_("Watch the movements that bring on the sound and look for compensations or a reduced "
     "range that could be loading the lumbar spine unevenly."),
  /* Translators: a clinician tip: one paragraph for clinicians */
  N_("Test strength and flexibility of the trunk, hip and leg muscles; an imbalance changes "
     "how the spine is loaded and makes pops and discomfort more likely."),
  /* Translators: a clinician tip: one paragraph for clinicians */
  N_("Examine the whole spine for scoliosis, altered lordosis or kyphosis, which load the "
     "joints asymmetrically."),
  /* Translators: a clinician tip: one paragraph for clinicians */
  N_("Imaging is not routine (NICE NG59): when symptoms persist with neurological signs, or a "
     "serious cause is suspected, refer for MRI in specialist care if the result would change "
     "management. A plain X-ray shows neither a disc herniation nor a compressed nerve."),
  /* Translators: a clinician tip: one paragraph for clinicians */
  N_("Treat what you find — muscle imbalance, faulty movement or alignment — with specific "
     "exercise, manual therapy or postural correction."),
  /* Translators: a clinician tip: one paragraph for clinicians */
  N_("Teach safe lifting, good posture and movement strategies that spare the lower back in "
     "daily life."),
};

static const char *tip_sources[] = {
  /* Translators: a citation of the source article's section a clinician tip comes from (its
   * tips are numbered 1 to 7); keep the number */
  N_("Tip 1"),
  /* Translators: a citation of the source article's section a clinician tip comes from (its
   * tips are numbered 1 to 7); keep the number */
  N_("Tip 2"),
  /* Translators: a citation of the source article's section a clinician tip comes from (its
   * tips are numbered 1 to 7); keep the number */
  N_("Tip 3"),
  /* Translators: a citation of the source article's section a clinician tip comes from (its
   * tips are numbered 1 to 7); keep the number */
  N_("Tip 4"),
  /* Translators: a citation of the source article's section a clinician tip comes from (its
   * tips are numbered 1 to 7); keep the number */
  N_("Tip 5"),
  /* Translators: a citation of the source article's section a clinician tip comes from (its
   * tips are numbered 1 to 7); keep the number */
  N_("Tip 6"),
  /* Translators: a citation of the source article's section a clinician tip comes from (its
   * tips are numbered 1 to 7); keep the number */
  N_("Tip 7"),
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
  /* Translators: a heading of the patient handout's guidance, read by the patient at home */
  { "what-the-pop-is", N_("What the pop usually is") },
  /* Translators: a heading of the patient handout's guidance, read by the patient at home */
  { "possible-causes", N_("What can cause it") },
  /* Translators: a heading of the patient handout's guidance, read by the patient at home */
  { "when-to-seek-care", N_("When to seek care") },
  /* Translators: a heading of the patient handout's guidance, read by the patient at home */
  { "muscle-balance", N_("Muscle balance") },
  /* Translators: a heading of the patient handout's guidance, read by the patient at home */
  { "self-care", N_("Looking after your back") },
  /* Translators: a heading of the patient handout's guidance, read by the patient at home */
  { "diagnosis", N_("How the cause is found") },
};

static const char *guidance_texts[] = {
  /* Translators: guidance for the patient handout: plain words, the patient addressed as in the
   * rest of the handout */
  N_("A pop in your lower back when you move your leg is common. Without pain or other "
     "symptoms, it is usually harmless and needs no treatment. Most often it is a tiny gas "
     "bubble in a joint of the spine, or a tendon or ligament moving over bone."),
  /* Translators: guidance for the patient handout: plain words, the patient addressed as in the
   * rest of the handout */
  N_("Several things can play a part. They include gas bubbles in the small joints of the "
     "spine, and muscles that are weak or tight. Loose or stiff ligaments, the shape of the "
     "spine, thinner discs, swelling and the way you move can also play a part."),
  /* Translators: guidance for the patient handout: plain words, the patient addressed as in the
   * rest of the handout */
  N_("See a doctor or physiotherapist if the pop comes with pain, stiffness or less movement "
     "than usual. Also see one if you have numbness, tingling or weakness in a leg or foot, or "
     "if the pops keep happening."),
  /* Translators: guidance for the patient handout: plain words, the patient addressed as in the
   * rest of the handout */
  N_("The muscles around your spine, tummy and hips work as a team. When some are weak and "
     "others are tight, the joints take an uneven load. Making the weak ones stronger and "
     "stretching the tight ones helps."),
  /* Translators: guidance for the patient handout: plain words, the patient addressed as in the
   * rest of the handout */
  N_("Sit and stand tall, and keep active. Regular exercise makes your tummy and back muscles "
     "stronger. Lift with your knees bent and the load close to your body. This does not "
     "replace advice from your doctor or physiotherapist if the problem goes on or worries "
     "you."),
  /* Translators: guidance for the patient handout: plain words, the patient addressed as in the
   * rest of the handout */
  N_("The cause is usually found by talking with you and examining your back and how you move. "
     "Scans are needed only sometimes, when the result would change your treatment."),
};

static const char *guidance_sources[] = {
  /* Translators: a citation of the source article's question a piece of guidance comes from
   * (its FAQ, questions 1 to 6); keep the number */
  N_("FAQ 1"),
  /* Translators: a citation of the source article's question a piece of guidance comes from
   * (its FAQ, questions 1 to 6); keep the number */
  N_("FAQ 2"),
  /* Translators: a citation of the source article's question a piece of guidance comes from
   * (its FAQ, questions 1 to 6); keep the number */
  N_("FAQ 3"),
  /* Translators: a citation of the source article's question a piece of guidance comes from
   * (its FAQ, questions 1 to 6); keep the number */
  N_("FAQ 4"),
  /* Translators: a citation of the source article's question a piece of guidance comes from
   * (its FAQ, questions 1 to 6); keep the number */
  N_("FAQ 5"),
  /* Translators: a citation of the source article's question a piece of guidance comes from
   * (its FAQ, questions 1 to 6); keep the number */
  N_("FAQ 6"),
};

/* §4 Triage levels and recommendations */

static const CrepitusCatalogEntry levels[] = {
  /* Translators: a triage level, as the clinician sees it (window, clinician summary) */
  { "emergency", N_("Emergency") },
  /* Translators: a triage level, as the clinician sees it (window, clinician summary) */
  { "urgent", N_("Urgent medical review") },
  /* Translators: a triage level, as the clinician sees it (window, clinician summary) */
  { "refer", N_("Refer for evaluation") },
  /* Translators: a triage level, as the clinician sees it (window, clinician summary) */
  { "monitor", N_("Monitor") },
  /* Translators: a triage level, as the clinician sees it (window, clinician summary) */
  { "benign", N_("Likely harmless") },
};

static const char *level_advice[] = {
  /* Translators: what the patient should do now: the handout's result for a triage level */
  N_("Some of what you told us can be a sign of pressure on the nerves in your spine. This "
     "needs treatment within hours."),
  /* Translators: what the patient should do now: the handout's result for a triage level */
  N_("Some of what you told us needs a doctor to check for a serious cause. This should happen "
     "today or tomorrow."),
  /* Translators: what the patient should do now: the handout's result for a triage level */
  N_("The pop comes with other symptoms. A doctor or physiotherapist should examine your back "
     "to find out why."),
  /* Translators: what the patient should do now: the handout's result for a triage level */
  N_("The pops happen often or have gone on for some weeks. So far they come with no pain or "
     "other symptoms."),
  /* Translators: what the patient should do now: the handout's result for a triage level */
  N_("The pop comes with no pain or other symptoms."),
};

static const CrepitusCatalogEntry recommendations[] = {
  /* Translators: a recommendation, as the clinician summary names it */
  { "emergency-care-now", N_("Emergency care now") },
  /* Translators: a recommendation, as the clinician summary names it */
  { "urgent-medical-review", N_("Urgent medical review") },
  /* Translators: a recommendation, as the clinician summary names it */
  { "medical-evaluation", N_("Medical evaluation") },
  /* Translators: a recommendation, as the clinician summary names it */
  { "neurological-assessment", N_("Neurological assessment") },
  /* Translators: a recommendation, as the clinician summary names it */
  { "cartilage-assessment", N_("Cartilage assessment") },
  /* Translators: a recommendation, as the clinician summary names it */
  { "consider-imaging", N_("Consider imaging") },
  /* Translators: a recommendation, as the clinician summary names it */
  { "follow-up", N_("Follow-up") },
  /* Translators: a recommendation, as the clinician summary names it */
  { "self-care", N_("Self-care") },
  /* Translators: a recommendation, as the clinician summary names it */
  { "reassurance", N_("Reassurance") },
};

static const char *recommendation_texts[] = {
  /* Translators: what happens next: one plain sentence for the patient handout */
  N_("Go to an emergency department now, or call emergency services."),
  /* Translators: what happens next: one plain sentence for the patient handout */
  N_("See a doctor today or tomorrow."),
  /* Translators: what happens next: one plain sentence for the patient handout */
  N_("A doctor or physiotherapist will examine your back and how you move."),
  /* Translators: what happens next: one plain sentence for the patient handout */
  N_("They will also check the nerves to your legs: feeling, strength and reflexes."),
  /* Translators: what happens next: one plain sentence for the patient handout */
  N_("They will look closely at the joint, because a rough or clicking sound with pain can "
     "come from its cartilage."),
  NULL, /* consider-imaging: worded per level, below */
  /* Translators: what happens next: one plain sentence for the patient handout */
  N_("Come back for a check-up, sooner if the pops change or other symptoms start."),
  /* Translators: what happens next: one plain sentence for the patient handout */
  N_("Follow the self-care advice in this leaflet."),
  /* Translators: what happens next: one plain sentence for the patient handout */
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
  /* Translators: the result of an examination test (Measures page, clinician summary) */
  { "not-done", N_("Not done") },
  /* Translators: the result of an examination test (Measures page, clinician summary) */
  { "negative", N_("Negative") },
  /* Translators: the result of an examination test (Measures page, clinician summary) */
  { "positive", N_("Positive") },
};

static const CrepitusCatalogEntry bothersomeness[] = {
  /* Translators: STarT Back item 9: how bothersome the back pain was in the last two weeks */
  { "not-at-all", N_("Not at all") },
  /* Translators: STarT Back item 9: how bothersome the back pain was in the last two weeks */
  { "slightly", N_("Slightly") },
  /* Translators: STarT Back item 9: how bothersome the back pain was in the last two weeks */
  { "moderately", N_("Moderately") },
  /* Translators: STarT Back item 9: how bothersome the back pain was in the last two weeks */
  { "very-much", N_("Very much") },
  /* Translators: STarT Back item 9: how bothersome the back pain was in the last two weeks */
  { "extremely", N_("Extremely") },
};

/* Short labels of Crepitus's own; the licensed questionnaire wording is not reproduced. */
static const CrepitusCatalogEntry odi_sections[] = {
  /* Translators: a section of the Oswestry Disability Index */
  { "pain-intensity", N_("Pain intensity") },
  /* Translators: a section of the Oswestry Disability Index */
  { "personal-care", N_("Personal care") },
  /* Translators: a section of the Oswestry Disability Index */
  { "lifting", N_("Lifting") },
  /* Translators: a section of the Oswestry Disability Index */
  { "walking", N_("Walking") },
  /* Translators: a section of the Oswestry Disability Index */
  { "sitting", N_("Sitting") },
  /* Translators: a section of the Oswestry Disability Index */
  { "standing", N_("Standing") },
  /* Translators: a section of the Oswestry Disability Index */
  { "sleeping", N_("Sleeping") },
  /* Translators: a section of the Oswestry Disability Index */
  { "sex-life", N_("Sex life") },
  /* Translators: a section of the Oswestry Disability Index */
  { "social-life", N_("Social life") },
  /* Translators: a section of the Oswestry Disability Index */
  { "travelling", N_("Travelling") },
};

static const CrepitusCatalogEntry start_back_items[] = {
  /* Translators: a short label of a STarT Back item (not the licensed wording) */
  { "leg-pain", N_("1 · Pain spreading down the leg") },
  /* Translators: a short label of a STarT Back item (not the licensed wording) */
  { "shoulder-neck-pain", N_("2 · Shoulder or neck pain") },
  /* Translators: a short label of a STarT Back item (not the licensed wording) */
  { "walking-distance", N_("3 · Walks only short distances") },
  /* Translators: a short label of a STarT Back item (not the licensed wording) */
  { "dressing", N_("4 · Slower to get dressed") },
  /* Translators: a short label of a STarT Back item (not the licensed wording) */
  { "activity-safety", N_("5 · Feels activity is unsafe") },
  /* Translators: a short label of a STarT Back item (not the licensed wording) */
  { "worry", N_("6 · Frequent worrying thoughts") },
  /* Translators: a short label of a STarT Back item (not the licensed wording) */
  { "outlook", N_("7 · Feels it will never improve") },
  /* Translators: a short label of a STarT Back item (not the licensed wording) */
  { "enjoyment", N_("8 · Less enjoyment of life") },
};

static const CrepitusCatalogEntry beighton_items[] = {
  /* Translators: a point of the Beighton score */
  { "little-finger-left", N_("Little finger beyond 90°, left") },
  /* Translators: a point of the Beighton score */
  { "little-finger-right", N_("Little finger beyond 90°, right") },
  /* Translators: a point of the Beighton score */
  { "thumb-left", N_("Thumb to forearm, left") },
  /* Translators: a point of the Beighton score */
  { "thumb-right", N_("Thumb to forearm, right") },
  /* Translators: a point of the Beighton score */
  { "elbow-left", N_("Elbow beyond 10°, left") },
  /* Translators: a point of the Beighton score */
  { "elbow-right", N_("Elbow beyond 10°, right") },
  /* Translators: a point of the Beighton score */
  { "knee-left", N_("Knee beyond 10°, left") },
  /* Translators: a point of the Beighton score */
  { "knee-right", N_("Knee beyond 10°, right") },
  /* Translators: a point of the Beighton score */
  { "palms-to-floor", N_("Palms flat on the floor") },
};

/* §7 scores: the ODI's bands (for clinicians only, never on the handout) and STarT Back's
 * risk groups. */
static const CrepitusCatalogEntry odi_bands[] = {
  /* Translators: a band of the Oswestry Disability Index (clinician summary and window only) */
  { "minimal", N_("Minimal disability") },
  /* Translators: a band of the Oswestry Disability Index (clinician summary and window only) */
  { "moderate", N_("Moderate disability") },
  /* Translators: a band of the Oswestry Disability Index (clinician summary and window only) */
  { "severe", N_("Severe disability") },
  /* Translators: a band of the Oswestry Disability Index (clinician summary and window only) */
  { "crippling", N_("Crippling back pain") },
  /* Translators: a band of the Oswestry Disability Index (clinician summary and window only) */
  { "bed-bound", N_("Bed-bound") },
};

static const CrepitusCatalogEntry start_back_risks[] = {
  /* Translators: a STarT Back risk group */
  { "low", N_("Low risk") },
  /* Translators: a STarT Back risk group */
  { "medium", N_("Medium risk") },
  /* Translators: a STarT Back risk group */
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

  return index < 0 ? NULL : crepitus_catalog_gettext (tip_sources[index]);
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

  return index < 0 ? NULL : crepitus_catalog_gettext (guidance_sources[index]);
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
