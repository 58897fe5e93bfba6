/* crepitus-catalog-factors.c — the eight-factor checklist of CLINICAL.md §2 and its explanations */
#include "config.h"
#include <glib/gi18n.h>
#include "crepitus-catalog-private.h"

static const CrepitusFinding joint_cavitation_findings[] = {
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "gas-release-pop", N_("Gas release pop"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("A quick fall in pressure inside the joint lets gases dissolved in the synovial fluid, "
       "such as nitrogen, oxygen and carbon dioxide, come out as a bubble, and its sudden "
       "formation or collapse gives a single crisp pop. The noise usually cannot be reproduced "
       "straight away because the gas needs time to dissolve again, and patients often "
       "describe a feeling of ease or looseness afterwards. Record it when the history and the "
       "sound fit this pattern."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("A quick change of pressure in a back joint forms a tiny gas bubble that pops, and your "
       "back may then feel looser.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "facet-joint-involvement", N_("Facet joint involvement"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("The facet joints at the back of each lumbar segment are small synovial joints that "
       "cavitate readily. Hip and leg movements, especially when combined with trunk rotation, "
       "pass twisting loads up the kinetic chain and briefly change the pressure in these joints, "
       "so a movement of the leg can produce a pop that is felt in the back. Note the side and "
       "level of the pop and whether extension with rotation reproduces it."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The small joints at the back of your spine can pop when a leg movement slightly twists "
       "your lower back.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "painless-unrestricted", N_("Painless and unrestricted"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("When the pop comes without pain, swelling or other signs of inflammation and the range "
       "of motion is full, cavitation is most likely a harmless by-product of normal joint "
       "mechanics. Many people have such noises throughout life with no ill effect. Provided "
       "there are no red flags or neurological symptoms, this finding supports reassurance and "
       "simple self-care rather than further investigation."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The pop does not hurt, and you can still move freely.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "pathological-sound", N_("Grating, clicking or grinding sound"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("A rough grating or grinding noise, or a click that recurs with each repetition, differs "
       "from the single clean pop of cavitation and may point to cartilage wear, facet joint "
       "osteoarthritis or another structural change, above all when it hurts. Describe the "
       "character of the sound, whether it repeats on every movement and whether it is painful, "
       "and examine the segment; a painful sound of this kind calls for a closer look at the "
       "joint surfaces."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("A rough, grinding or repeated clicking sound is not an ordinary pop, so the joint "
       "needs a closer look, mainly if it hurts.") },
};

static const CrepitusFinding muscle_imbalances_findings[] = {
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "weak-gluteus-medius", N_("Weak gluteus medius"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("The gluteus medius keeps the pelvis level in single-leg stance and powers hip "
       "abduction. When it is weak the pelvis drops towards the opposite side or the trunk "
       "leans, and the quadratus lumborum on the same side often takes over, side-bending the "
       "lumbar spine and loading its facet joints unevenly. Look for a positive Trendelenburg "
       "test, a lateral trunk shift in stance and reduced resisted abduction strength."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The muscle at the side of your hip that keeps your pelvis level is weak, so your lower "
       "back works harder.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "weak-gluteus-maximus", N_("Weak gluteus maximus"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("The gluteus maximus is the main hip extensor and helps to steady the pelvis and "
       "sacroiliac joint. If it is weak or switches on late, the patient extends the hip by "
       "arching the lumbar spine and overusing the back extensors and hamstrings, which raises "
       "facet joint loading with every stride or lift. Test resisted hip extension and watch the "
       "order of muscle activation in prone hip extension or a bridge."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Your big buttock muscle does too little when you push your leg back, so your lower "
       "back takes extra strain.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "tight-hip-flexors", N_("Tight hip flexors"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Short hip flexors, particularly the iliopsoas and rectus femoris, pull the pelvis into "
       "anterior tilt and deepen the lumbar lordosis, pressing the posterior joints together. "
       "When the leg moves behind the body, the lumbar spine extends further to make up for the "
       "missing hip range, which can provoke a pop. The modified Thomas test and the resting "
       "position of the pelvis in standing help to identify this pattern."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The muscles at the front of your hip are tight, which tips your pelvis forward and "
       "arches your lower back.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "weak-core", N_("Weak core"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("The transverse abdominis, the internal and external obliques, the rectus abdominis and "
       "the multifidus work together to stiffen the trunk so that the spine stays under control "
       "while the limbs move. If this group is weak or activates late, the lumbar segments can "
       "move too much or unevenly as the leg moves. Assess with abdominal drawing-in, plank and "
       "side-bridge endurance, and trunk control during leg-raise tasks."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The deep muscles of your tummy and back that hold your spine steady could be stronger.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "quadratus-lumborum-compensation", N_("Quadratus lumborum compensation"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("When the hip abductors cannot hold the pelvis steady, the quadratus lumborum on the same "
       "side often hitches the pelvis or bends the trunk sideways to do the job instead. During "
       "abduction or swing of the leg this side-bends the lumbar spine and loads the facet joints "
       "unevenly, which may lead to cavitation or facet irritation. Look for hip hiking, a "
       "sideways trunk lean and an overactive or tender quadratus lumborum."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("A deep muscle at the side of your lower back is doing the job of a weak hip muscle, "
       "which bends your spine sideways.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "piriformis-tightness", N_("Piriformis tightness"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("The piriformis runs from the sacrum to the top of the thigh bone and influences hip "
       "rotation and sacroiliac joint mechanics. When it is tight or overactive, often as "
       "compensation for weak gluteals, it limits internal rotation and changes how load "
       "passes through the pelvis as the leg moves. Buttock pain that spreads down the leg is "
       "how radicular pain presents, not piriformis tightness: assess it as nerve root "
       "involvement, with a neurological examination, before considering this finding. Compare "
       "passive hip rotation on both sides and palpate the muscle for tenderness."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("A small deep muscle in your buttock is tight, which can limit how your hip turns and "
       "how your pelvis moves.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "pelvic-tilt-or-rotation", N_("Pelvic tilt or rotation"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Unequal pull between the trunk and hip muscles can leave the pelvis tipped forwards or "
       "backwards, or turned to one side, at rest or during movement. The lumbar spine then "
       "starts each movement from an altered position and its joints are loaded unevenly, so "
       "compression builds on one side and is released suddenly as the leg moves. Compare the "
       "iliac crests and spines in standing and watch the pelvis during leg movements."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Uneven pull from your hip muscles tips or twists your pelvis a little, so one side of "
       "your lower back takes more strain.") },
};

static const CrepitusFinding ligament_elasticity_findings[] = {
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "reduced-passive-stability", N_("Reduced passive stability"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("The ligamentum flavum and the interspinous and supraspinous ligaments tie neighbouring "
       "vertebrae together and limit excessive motion, particularly in flexion. When their "
       "restraint is reduced, the segment relies more on muscle control and may stray from its "
       "usual path as leg movement loads the pelvis and spine. Segmental mobility testing and the "
       "prone instability test help, and a painful catch during movement may suggest "
       "instability."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The ligaments, tough bands that hold your back bones steady, give less support, so "
       "your muscles must do more work.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "sudden-joint-release", N_("Sudden joint release"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("As forces from the moving leg travel through the pelvis, the ligaments normally keep the "
       "facet and sacroiliac joints gliding smoothly. When their tension is abnormal, the joint "
       "surfaces can gap briefly and snap back, or tension stored in the capsule can let go all at "
       "once, with an audible pop. Find out which joint reproduces it and whether the release is "
       "painful or followed by relief."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("As your leg moves, a joint in your lower back or pelvis opens a little and springs "
       "back, and you hear a pop.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "hypermobility", N_("Hypermobility"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Generalised joint hypermobility, as seen in hypermobile Ehlers-Danlos syndrome and related "
       "conditions, weakens ligamentous restraint so that spinal and sacroiliac joints can move "
       "past their usual range. This may cause frequent pops and, over time, bouts of facet "
       "irritation, subluxation and pain. Record the Beighton score against the age-adjusted "
       "threshold and any connective tissue disorder; management centres on muscular control "
       "rather than stretching."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Your joints bend more than most people’s, so the joints in your back can move further "
       "than usual and pop more often.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "stiffness-scarring", N_("Ligament stiffness or scarring"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Ligaments that have lost their give through scarring after injury or surgery, or through "
       "degeneration, restrict normal joint motion and shift load onto neighbouring segments and "
       "soft tissues. As the leg moves, tension can build against the restriction and then be "
       "released abruptly with a pop. Look for segmental stiffness on passive testing, a history "
       "of injury or spinal surgery, and extra movement at the levels above or below."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Some bands that hold your spine together have become stiffer, often after an old "
       "injury, so tension builds up and then lets go.") },
};

static const CrepitusFinding spinal_alignment_findings[] = {
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "scoliosis-rotational-instability", N_("Scoliosis with rotational instability"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("A sideways curve of the spine, with the vertebral rotation that comes with it, loads the "
       "facet joints asymmetrically. Keeping the trunk balanced while the leg moves needs extra "
       "compensation around the curve, which can let a segment rotate abruptly and cavitate or "
       "sublux. Note which way the curve is convex, whether it is structural or postural on the "
       "forward bend test, and whether the pop arises near the apex or the ends of the curve."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Your spine curves a little to one side, so when you move your leg some joints twist more "
       "than others and may pop.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "lordosis-facet-compression", N_("Increased lordosis with facet compression"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("An exaggerated lumbar lordosis, or swayback, puts the facet joints under more "
       "compression, and hip extension adds to it. A sudden drop in pressure within a compressed "
       "facet can then cause a pop, most often on one side when the curve is uneven. Judge the "
       "depth and symmetry of the lordosis and check whether extension combined with rotation "
       "brings on the sound."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The inward curve of your lower back is deeper than usual, which presses the small "
       "joints at the back of your spine together.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "pelvic-tilt-sij-dysfunction", N_("Pelvic tilt with sacroiliac dysfunction"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Anterior pelvic tilt deepens the lumbar curve and posterior tilt flattens it, and either "
       "changes how the sacroiliac joints move. With the pelvis out of neutral, leg movement can "
       "bring abnormal sacroiliac motion or compensatory lumbar movement, so the pop may come from "
       "the sacroiliac joint itself or from the facets. Sacroiliac provocation tests such as "
       "FABER and the site of the sound help to tell the two apart."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Your pelvis tips forward or back, which changes how the joint between your spine and "
       "pelvis moves, so it may pop.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "hyperkyphosis-forward-head", N_("Hyperkyphosis or forward head posture"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("A rounded upper back and a forward head posture belong mainly to the thoracic and "
       "cervical spine, but the body keeps its balance by changing the lumbar curve and the "
       "position of the pelvis lower down. These adaptations alter how the lumbar joints are "
       "loaded when the leg moves and may contribute to facet movement or cavitation. Look at "
       "whole-spine posture, not only the lumbar region, when explaining the pop."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("A rounded upper back or a forward head makes your lower back change shape to keep you "
       "balanced, so it may pop more.") },
};

static const CrepitusFinding nerve_impingement_findings[] = {
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "altered-muscle-activation", N_("Altered muscle activation"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Impaired nerve supply can weaken muscles, provoke spasm or upset the timing of muscle "
       "activation. Irritation of the sciatic nerve, for instance, may inhibit the gluteals so "
       "that the lumbar paraspinal muscles take over during leg movement, stressing the facet "
       "joints and making cavitation more likely. Test myotomes and reflexes and compare "
       "activation patterns between the two sides."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("An irritated nerve sends weaker or muddled signals to some muscles, so other muscles in "
       "your back step in and strain your joints.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "protective-posture", N_("Protective posture"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Pain and inflammation from a compressed nerve lead to muscle guarding and protective "
       "postures; in lumbar spinal stenosis, for example, patients often stoop forward because "
       "flexion gives the nerves more room. Holding such a posture changes how load is shared "
       "across the lumbar segments, so the facet joints may move unusually and pop when the leg "
       "moves. Note the posture the patient adopts and whether symptoms ease on bending "
       "forward."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("To protect an irritated nerve, your body may hold your back bent or stiff, which "
       "changes how its joints move.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "radicular-pain-avoidance", N_("Radicular pain with movement avoidance"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Pain travelling along a nerve root leads patients to avoid provoking movements and to "
       "compensate, for example by changing their gait or the way they lift the leg when a disc "
       "herniation compresses the L5 root. These compensations place unusual stress on the "
       "lumbar spine and pelvis and can produce pops. Map where the leg pain travels and observe "
       "walking and leg-raise tasks for avoidance strategies."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Pain running down your leg from an irritated nerve can change how you walk or lift "
       "your leg, which strains your lower back.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "chronic-instability-degeneration", N_("Chronic instability or degeneration"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Long-standing nerve compression, through persistent changes in muscle activation and "
       "compensation, may hasten wear of the facet joints and discs. The segmental instability "
       "that results, often with inflammation and altered joint lubrication, can show itself as "
       "pops at the affected levels. Consider this when nerve-related symptoms have lasted for "
       "months and the pops are becoming more frequent."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("If a nerve has been irritated for a long time, the way you move can slowly loosen your "
       "back joints and discs.") },
};

static const CrepitusFinding disc_degeneration_findings[] = {
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "disc-height-loss", N_("Loss of disc height"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("A thinner, less elastic disc narrows the space between vertebrae, changes the alignment "
       "and loading of the facet joints and absorbs shock less well. The facets then carry a "
       "larger share of the load and may cavitate or sublux during leg movement. Height loss is "
       "usually seen on imaging; clinically, look for segmental stiffness or instability and "
       "pain with sustained loading."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The cushion between two of your back bones has become thinner, so the small joints behind "
       "it carry more of your weight.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "altered-gait-mechanics", N_("Altered gait mechanics"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("People with a degenerated lower lumbar disc, such as at L5-S1, often change the way they "
       "walk or raise the leg to avoid discomfort. This atypical pattern loads the facet joints in "
       "unusual ways and can lead to sudden cavitation or subluxation while walking or lifting "
       "the leg. Observe gait, stride length and trunk motion, and relate any changes to the "
       "movements that provoke the pop."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Your back may lead you to walk or lift your leg differently, which can put extra "
       "strain on the joints of your back.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "foraminal-narrowing", N_("Foraminal narrowing"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Loss of disc height narrows the intervertebral foramen and can compress the exiting nerve "
       "root, and the weakness and guarding that follow disturb spinal mechanics. Compromise of "
       "the L4 root at L4-L5, for example, may weaken the quadriceps and lead to compensatory "
       "hip flexion and lumbar extension as the leg moves, stressing the facet joints. Check "
       "dermatomes, myotomes and reflexes, including the knee jerk for L4, and record any "
       "neurological symptom."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The gap where a nerve leaves your spine is narrower, which can press on the nerve and "
       "weaken some leg muscles.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "adjacent-segment-stress", N_("Adjacent segment stress"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("When one segment degenerates and becomes stiff or unstable, the levels next to it take up "
       "more motion and load, and this can speed up their own degeneration, notably after spinal "
       "fusion. Pops arising above or below a known degenerated disc may reflect this process. "
       "Examine the neighbouring segments and note any history of spinal surgery."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("When one part of your spine gets stiff or loose, the parts next to it work harder, so "
       "they may start to pop too.") },
};

static const CrepitusFinding inflammation_findings[] = {
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "synovial-inflammation", N_("Synovial inflammation"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Inflammation of the synovial lining of the facet joints, as in osteoarthritis or "
       "rheumatoid arthritis, increases joint fluid and capsular swelling and disturbs normal "
       "joint motion. An inflamed fold of synovium can also be caught briefly between the joint "
       "surfaces and pop as it is freed. Typical signs are tenderness over the facet, pain on "
       "extension and rotation, and stiffness that eases once the patient gets moving."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The lining of a small joint in your back is swollen, often from arthritis, so the "
       "joint moves less smoothly and can pop.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "muscle-spasm-guarding", N_("Muscle spasm and guarding"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Inflamed or strained tissue triggers involuntary protective contraction of the "
       "surrounding muscles. The spasm changes how load passes through the spinal joints, so "
       "that leg movement may make a facet or another structure shift suddenly and pop, as can "
       "happen after a strain of the lumbar muscles. Palpate for paraspinal spasm, look for a "
       "protective shift or reduced movement and ask about recent injury."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Your back muscles tighten to protect a sore area, which pulls unevenly on the joints "
       "and can make them pop.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "ligament-irritation", N_("Ligament irritation"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Long-standing inflammation can leave ligaments lax or, through fibrosis, stiffer, and "
       "either change undermines joint stability. Chronic inflammation of the sacroiliac joint "
       "is one example: its supporting ligaments may slacken, allowing excess sacroiliac motion "
       "and pops during leg movement or weight bearing. Use sacroiliac provocation tests and ask "
       "about inflammatory back pain or a known inflammatory arthritis."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Long-lasting irritation has made some ligaments, the tough bands around your spine or "
       "pelvis, looser or stiffer.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "nerve-root-inflammation", N_("Nerve root inflammation"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Inflammation around a nerve root, as with a disc herniation or spinal stenosis, causes "
       "radicular pain such as sciatica and makes movement more sensitive. Pain-driven guarding "
       "and altered motor control change joint mechanics, and a pop may occur as the patient "
       "tries to raise the leg. Assess radicular symptoms and neurological signs; numbness, "
       "tingling or weakness call for a neurological assessment."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("An inflamed nerve in your back, as in sciatica, can make your leg hurt and your "
       "muscles tense, changing how your back moves.") },
};

static const CrepitusFinding movement_mechanics_findings[] = {
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "guarded-movement-pattern", N_("Guarded movement pattern"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("After an episode of low back pain many people keep moving cautiously, bracing with the "
       "lumbar muscles instead of using the gluteals and hamstrings to move the leg. This "
       "raises compression and shear in the facet joints and can provoke pops, and the habit "
       "often outlasts the pain. Watch hip extension and leg-raise tasks for excessive lumbar "
       "muscle activity and late gluteal activation."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("After back pain, you may keep using your back muscles instead of your buttock and "
       "thigh muscles, which strains your back.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "reduced-hip-mobility", N_("Reduced hip mobility"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("When hip flexion, extension or rotation is limited, the lumbar spine supplies the missing "
       "movement in bending, picking things up or turning the trunk. This extra lumbar motion "
       "overloads the facet joints and discs and can lead to instability or cavitation. Measure "
       "passive hip range in every direction and compare how much the hips and the lumbar spine "
       "each contribute to forward bending and rotation."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Your hips do not move as freely as they could, so your lower back bends and twists more to "
       "make up for it.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "poor-core-stability", N_("Poor core stability"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Without adequate trunk stability the spine is not held steady while the legs move, so "
       "lumbar motion becomes poorly controlled and joint loading rises. This finding concerns "
       "control of the trunk during everyday tasks, as distinct from the strength of single "
       "muscles recorded under muscle imbalances. Look for trunk sway or loss of a neutral spine "
       "during leg raises, single-leg stance and lifting."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Your tummy and back muscles do not yet keep your spine steady while your legs move, so "
       "your lower back moves too much.") },
  /* Translators: a finding of the checklist: a short label for clinicians (window, clinician summary) */
  { "faulty-lifting-twisting", N_("Faulty lifting or twisting"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Lifting with a rounded back, twisting while carrying a load or turning the trunk with the "
       "feet fixed concentrates stress on the lumbar joints and discs. Repeated in daily life, "
       "these habits keep the abnormal loading, and the pops, going. Watch the patient lift and "
       "turn, and teach hinging at the hips, keeping loads close and turning with the feet as "
       "part of the advice on body mechanics."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Bending, lifting or twisting in a way that loads your lower back makes pops more "
       "likely, and small changes in how you lift help.") },
};

const CrepitusFactor crepitus_catalog_factor_table[8] = {
  /* Translators: the name of a factor of the eight-factor checklist (window, clinician summary) */
  { "joint-cavitation", N_("Joint cavitation"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Cavitation is the rapid appearance and collapse of a gas bubble in synovial fluid when a "
       "joint’s volume or internal pressure changes quickly. Leg movements can transmit twisting "
       "forces through the pelvis to the lumbar facet joints and set it off there. On its own it "
       "is usually benign; what matters is whether pain, swelling or lost range come with it, and "
       "whether the noise is a clean pop rather than a grating or grinding sound."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The pop is most often a tiny gas bubble bursting in the fluid of a back joint, like "
       "cracking your knuckles."),
    "§1",
    joint_cavitation_findings, G_N_ELEMENTS (joint_cavitation_findings),
    /* Translators: the factor's name on the patient handout, in plain words */
    N_("Gas bubbles in a joint") },
  /* Translators: the name of a factor of the eight-factor checklist (window, clinician summary) */
  { "muscle-imbalances", N_("Muscle imbalances"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Differences in strength, flexibility or timing between the trunk muscles and the hip "
       "stabilisers change how the pelvis and lumbar spine are controlled when the leg moves. A "
       "common pattern is weak gluteals with tight hip flexors, which lets the pelvis tip forward "
       "or rotate so that the lumbar joints are compressed unevenly and then release with a pop. "
       "Assess the strength, length and activation of the core, gluteal, hip flexor, piriformis "
       "and quadratus lumborum muscles on both sides."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Some muscles around your hips, tummy and back may be weaker or tighter than others, so "
       "your lower back moves unevenly and pops."),
    "§2",
    muscle_imbalances_findings, G_N_ELEMENTS (muscle_imbalances_findings),
    /* Translators: the factor's name on the patient handout, in plain words */
    N_("Uneven muscles") },
  /* Translators: the name of a factor of the eight-factor checklist (window, clinician summary) */
  { "ligament-elasticity", N_("Ligament elasticity"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Spinal ligaments provide passive restraint and guide segmental motion, and their "
       "viscoelastic behaviour decides how far and how smoothly a joint moves under load. Both "
       "too much give and too little, from scarring or degeneration, can let the facet or "
       "sacroiliac joints shift or release abruptly as forces from the leg reach the spine. The "
       "ligaments usually set the scene for a pop rather than make the sound themselves; take "
       "the Beighton score and any connective tissue disorder into account."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The tough bands that hold your spine together may be too loose or too stiff, so a "
       "joint can shift with a pop."),
    "§3",
    ligament_elasticity_findings, G_N_ELEMENTS (ligament_elasticity_findings),
    /* Translators: the factor's name on the patient handout, in plain words */
    N_("Loose or stiff ligaments") },
  /* Translators: the name of a factor of the eight-factor checklist (window, clinician summary) */
  { "spinal-alignment", N_("Spinal alignment"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("The shape of the spine determines how load is shared among its joints. Scoliosis, an "
       "increased or uneven lumbar lordosis, pelvic tilt and even upper back postures such as "
       "hyperkyphosis change the starting position and symmetry of the lumbar facet and "
       "sacroiliac joints, so that leg movements load them unevenly. Record the posture findings "
       "and relate them to the side and site of the pop, since structural and postural causes "
       "are managed differently."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The natural curves of your spine may be a little uneven, so some joints in your lower "
       "back carry more load."),
    "§4",
    spinal_alignment_findings, G_N_ELEMENTS (spinal_alignment_findings),
    /* Translators: the factor's name on the patient handout, in plain words */
    N_("The shape of your spine") },
  /* Translators: the name of a factor of the eight-factor checklist (window, clinician summary) */
  { "nerve-impingement", N_("Nerve impingement"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("A compressed lumbar nerve root makes no sound itself, but it changes which muscles are "
       "recruited and how the patient moves, and those changes can load the joints in ways that "
       "lead to pops. Its clinical weight lies in the symptoms that come with it: radiating leg "
       "pain, numbness, tingling or weakness call for a neurological examination, and any red "
       "flag takes priority. Positive straight leg raise or slump tests support this factor."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("An irritated nerve in your back does not make the pop, but it can change how your "
       "muscles work and how you move."),
    "§5",
    nerve_impingement_findings, G_N_ELEMENTS (nerve_impingement_findings),
    /* Translators: the factor's name on the patient handout, in plain words */
    N_("An irritated nerve") },
  /* Translators: the name of a factor of the eight-factor checklist (window, clinician summary) */
  { "disc-degeneration", N_("Disc degeneration"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Degenerating intervertebral discs lose height and resilience, absorb shock less well and "
       "pass more load to the facet joints and other posterior structures. The pop comes not from "
       "the disc but from the instability and compensatory movement that follow, and it is not in "
       "itself a sign of serious disease. Degeneration can also narrow the foramina, irritate "
       "nerve roots and shift stress to neighbouring levels; imaging is kept for persistent or "
       "neurological presentations."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The cushions between the bones of your spine have become a little thinner, which is "
       "very common and changes how nearby joints move."),
    "§6",
    disc_degeneration_findings, G_N_ELEMENTS (disc_degeneration_findings),
    /* Translators: the factor's name on the patient handout, in plain words */
    N_("Thinner discs") },
  /* Translators: the name of a factor of the eight-factor checklist (window, clinician summary) */
  { "inflammation", N_("Inflammation"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("Inflammation in the lumbar region, whatever its cause, affects joints, muscles, ligaments "
       "and nerve roots, and each can alter spinal mechanics enough to produce pops when the leg "
       "moves. Unlike painless cavitation, pops in an inflamed spine usually come with pain, "
       "stiffness or swelling, which gives them their clinical weight. Look for inflammatory "
       "features such as prolonged morning stiffness, and screen for red flags including fever "
       "and night pain."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("Swelling and irritation in your lower back can make joints, muscles and nerves more "
       "sensitive and change how your back moves."),
    "§7",
    inflammation_findings, G_N_ELEMENTS (inflammation_findings),
    /* Translators: the factor's name on the patient handout, in plain words */
    N_("Swelling and irritation") },
  /* Translators: the name of a factor of the eight-factor checklist (window, clinician summary) */
  { "movement-mechanics", N_("Movement mechanics"),
    /* Translators: for clinicians: one paragraph, in the words of a clinical text */
    N_("How efficiently and evenly a person moves decides how load is shared between the hips, "
       "the trunk and the lumbar spine. Compensatory patterns in lifting, twisting or walking "
       "concentrate compression and shear on the facet joints, whose surfaces then part and meet "
       "again abruptly with a pop. A movement assessment looks for guarded patterns, stiff hips, "
       "poor trunk control and faulty lifting or twisting, which are the targets of corrective "
       "exercise and advice on body mechanics."),
    /* Translators: for the patient handout: one plain sentence, the patient addressed as
     * in the rest of the handout, no clinical jargon */
    N_("The way you bend, lift, twist or walk may strain your lower back, and learning to move "
       "differently can reduce the pops."),
    "§8",
    movement_mechanics_findings, G_N_ELEMENTS (movement_mechanics_findings),
    /* Translators: the factor's name on the patient handout, in plain words */
    N_("The way you move") },
};
