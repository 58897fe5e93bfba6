/* crepitus-triage.c — the referral rules of CLINICAL.md §4 as a pure function
 *
 * Exactly one level: the first row, top to bottom, whose trigger holds; only that level's
 * reasons and recommendations are given. Red flags are never inferred from other fields, and
 * a missing field triggers nothing.
 *
 * Which clinician tips (§5) bear on an assessment is decided here too, from the triggers of
 * each tip in the catalog.
 */
#define G_LOG_DOMAIN "crepitus-triage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <jansson.h>

#include "crepitus-triage.h"
#include "crepitus-locale.h"

G_DEFINE_BOXED_TYPE (CrepitusTriage, crepitus_triage, crepitus_triage_copy, crepitus_triage_free)

static const char * const neurological_symptoms[] = { "numbness", "tingling", "weakness" };

/* Symptoms other than pain that trigger `refer` (FAQ 1, FAQ 3). */
static const char * const refer_symptoms[] = {
  "stiffness", "limited-rom", "numbness", "tingling", "weakness", "swelling",
  "functional-limitation",
};

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted by plain byte order, without duplicates, as a NULL-terminated array. */
static char **
sorted_unique (GPtrArray *items)
{
  GPtrArray *out = g_ptr_array_new ();

  g_ptr_array_sort (items, compare_strings);
  for (guint i = 0; i < items->len; i++)
    if (out->len == 0 || strcmp (g_ptr_array_index (out, out->len - 1), items->pdata[i]) != 0)
      g_ptr_array_add (out, g_strdup (items->pdata[i]));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static gboolean
has_neurological_symptom (CrepitusAssessment *assessment)
{
  for (guint i = 0; i < G_N_ELEMENTS (neurological_symptoms); i++)
    if (crepitus_assessment_has (assessment, CREPITUS_LIST_SYMPTOM, neurological_symptoms[i]))
      return TRUE;
  return FALSE;
}

/* grinding, grating or click (§1 of the article); pop is cavitation, and a missing sound is
 * not pathological. */
static gboolean
has_pathological_sound (CrepitusAssessment *assessment)
{
  CrepitusSound sound = crepitus_assessment_get_sound (assessment);

  return sound == CREPITUS_SOUND_CLICK || sound == CREPITUS_SOUND_GRINDING ||
         sound == CREPITUS_SOUND_GRATING;
}

static void
add_red_flags_of_tier (CrepitusAssessment  *assessment,
                       CrepitusRedFlagTier  tier,
                       GPtrArray           *reasons)
{
  guint n;
  const CrepitusCatalogEntry *flags = crepitus_catalog_entries (CREPITUS_LIST_RED_FLAG, &n);

  for (guint i = 0; i < n; i++)
    if (crepitus_catalog_red_flag_tier (flags[i].key) == tier &&
        crepitus_assessment_has (assessment, CREPITUS_LIST_RED_FLAG, flags[i].key))
      g_ptr_array_add (reasons, g_strconcat ("red-flag:", flags[i].key, NULL));
}

static void
add_present_symptoms (CrepitusAssessment *assessment,
                      const char * const *keys,
                      guint               n_keys,
                      GPtrArray          *reasons)
{
  for (guint i = 0; i < n_keys; i++)
    if (crepitus_assessment_has (assessment, CREPITUS_LIST_SYMPTOM, keys[i]))
      g_ptr_array_add (reasons, g_strconcat ("symptom:", keys[i], NULL));
}

CrepitusTriage *
crepitus_triage_compute (CrepitusAssessment *assessment)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) recommendations = g_ptr_array_new ();
  CrepitusTriage *triage;
  gboolean pain, neuro, pathological, persistent, cancer_clause;
  CrepitusFrequency frequency;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), NULL);

  pain = crepitus_assessment_has_pain (assessment);
  neuro = has_neurological_symptom (assessment);
  pathological = has_pathological_sound (assessment);
  persistent = crepitus_assessment_is_persistent (assessment);
  frequency = crepitus_assessment_get_frequency (assessment);

  triage = g_new0 (CrepitusTriage, 1);

  /* emergency [guideline]: suspected cauda equina or progressive deficit, or metastatic spinal
   * cord compression (cancer history with a neurological symptom). */
  add_red_flags_of_tier (assessment, CREPITUS_RED_FLAG_EMERGENCY, reasons);
  cancer_clause = neuro && crepitus_assessment_has (assessment, CREPITUS_LIST_RED_FLAG,
                                                    "cancer-history");
  if (reasons->len > 0 || cancer_clause)
    {
      triage->level = CREPITUS_LEVEL_EMERGENCY;
      if (cancer_clause)
        {
          g_ptr_array_add (reasons, g_strdup ("red-flag:cancer-history"));
          add_present_symptoms (assessment, neurological_symptoms,
                                G_N_ELEMENTS (neurological_symptoms), reasons);
        }
      g_ptr_array_add (recommendations, "emergency-care-now");
      g_ptr_array_add (recommendations, "consider-imaging");
      goto out;
    }

  /* urgent [guideline]: possible cancer, infection or fracture. */
  add_red_flags_of_tier (assessment, CREPITUS_RED_FLAG_URGENT, reasons);
  if (reasons->len > 0)
    {
      triage->level = CREPITUS_LEVEL_URGENT;
      g_ptr_array_add (recommendations, "urgent-medical-review");
      g_ptr_array_add (recommendations, "consider-imaging");
      goto out;
    }

  /* refer: pain, or any other associated symptom (FAQ 1, FAQ 3). */
  add_present_symptoms (assessment, refer_symptoms, G_N_ELEMENTS (refer_symptoms), reasons);
  if (pain || reasons->len > 0)
    {
      gboolean sound_with_pain = pathological && pain;

      triage->level = CREPITUS_LEVEL_REFER;
      if (pain)
        g_ptr_array_add (reasons, g_strdup ("symptom:pain"));
      g_ptr_array_add (recommendations, "medical-evaluation");
      g_ptr_array_add (recommendations, "self-care");
      if (neuro)
        g_ptr_array_add (recommendations, "neurological-assessment");
      if (sound_with_pain)
        {
          g_ptr_array_add (reasons, g_strconcat ("sound:",
                                                 crepitus_choice_to_key (CREPITUS_LIST_SOUND,
                                                                         crepitus_assessment_get_sound (assessment)),
                                                 NULL));
          g_ptr_array_add (recommendations, "cartilage-assessment");
        }
      /* Tip 5, FAQ 6 */
      if (persistent && (neuro || sound_with_pain))
        {
          g_ptr_array_add (reasons, g_strdup ("persistent"));
          g_ptr_array_add (recommendations, "consider-imaging");
        }
      goto out;
    }

  /* monitor: frequent or constant pops, or persistent (FAQ 1). */
  if (frequency == CREPITUS_FREQUENCY_FREQUENT || frequency == CREPITUS_FREQUENCY_CONSTANT ||
      persistent)
    {
      triage->level = CREPITUS_LEVEL_MONITOR;
      if (frequency == CREPITUS_FREQUENCY_FREQUENT || frequency == CREPITUS_FREQUENCY_CONSTANT)
        g_ptr_array_add (reasons, g_strconcat ("frequency:",
                                               crepitus_choice_to_key (CREPITUS_LIST_FREQUENCY,
                                                                       frequency),
                                               NULL));
      if (persistent)
        g_ptr_array_add (reasons, g_strdup ("persistent"));
      g_ptr_array_add (recommendations, "follow-up");
      g_ptr_array_add (recommendations, "self-care");
      goto out;
    }

  /* benign: none of the above (FAQ 1). */
  triage->level = CREPITUS_LEVEL_BENIGN;
  g_ptr_array_add (recommendations, "reassurance");
  g_ptr_array_add (recommendations, "self-care");

out:
  triage->reasons = sorted_unique (reasons);
  triage->recommendations = sorted_unique (recommendations);
  /* Asking never changes the level (§4): the screen is reported beside it. */
  {
    g_auto(GStrv) not_asked = crepitus_assessment_dup_red_flags_not_asked (assessment);
    g_autoptr(GPtrArray) keys = g_ptr_array_new ();

    for (gsize i = 0; not_asked[i] != NULL; i++)
      g_ptr_array_add (keys, not_asked[i]);
    triage->not_asked = sorted_unique (keys);
  }
  return triage;
}

CrepitusTriage *
crepitus_triage_copy (const CrepitusTriage *triage)
{
  CrepitusTriage *copy;

  g_return_val_if_fail (triage != NULL, NULL);

  copy = g_new0 (CrepitusTriage, 1);
  copy->level = triage->level;
  copy->reasons = g_strdupv (triage->reasons);
  copy->recommendations = g_strdupv (triage->recommendations);
  copy->not_asked = g_strdupv (triage->not_asked);
  return copy;
}

void
crepitus_triage_free (CrepitusTriage *triage)
{
  if (triage == NULL)
    return;
  g_strfreev (triage->reasons);
  g_strfreev (triage->recommendations);
  g_strfreev (triage->not_asked);
  g_free (triage);
}

const char *
crepitus_triage_level_key (CrepitusLevel level)
{
  return crepitus_catalog_key (CREPITUS_LIST_LEVEL, level);
}

static json_t *
string_array (char **items)
{
  json_t *array = json_array ();

  for (gsize i = 0; items[i] != NULL; i++)
    json_array_append_new (array, json_string (items[i]));
  return array;
}

char *
crepitus_triage_to_json (const CrepitusTriage *triage)
{
  json_t *object;
  char *dumped, *result;

  g_return_val_if_fail (triage != NULL, NULL);

  object = json_object ();
  json_object_set_new (object, "level", json_string (crepitus_triage_level_key (triage->level)));
  json_object_set_new (object, "reasons", string_array (triage->reasons));
  json_object_set_new (object, "recommendations", string_array (triage->recommendations));
  json_object_set_new (object, "not_asked", string_array (triage->not_asked));
  dumped = json_dumps (object, JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
  json_decref (object);

  /* jansson allocates with malloc; hand back GLib memory. */
  result = g_strdup (dumped);
  free (dumped);
  return result;
}

const char *
crepitus_triage_level_title (CrepitusLevel level)
{
  return crepitus_catalog_label (CREPITUS_LIST_LEVEL, crepitus_triage_level_key (level));
}

const char *
crepitus_triage_level_advice (CrepitusLevel level)
{
  return crepitus_catalog_level_advice (crepitus_triage_level_key (level));
}

char *
crepitus_triage_reason_text (const char *reason)
{
  const char *colon;
  g_autofree char *kind = NULL;
  const char *key;

  g_return_val_if_fail (reason != NULL, NULL);

  if (strcmp (reason, "persistent") == 0)
    return g_strdup (T_("Present for six weeks or more"));

  colon = strchr (reason, ':');
  if (colon == NULL)
    return g_strdup (reason);
  kind = g_strndup (reason, colon - reason);
  key = colon + 1;

  if (strcmp (kind, "red-flag") == 0)
    /* Translators: %s is a red flag, e.g. "Saddle anaesthesia" */
    return g_strdup_printf (T_("Red flag: %s"),
                            crepitus_catalog_label (CREPITUS_LIST_RED_FLAG, key));
  if (strcmp (kind, "symptom") == 0)
    /* Translators: %s is a symptom, e.g. "Numbness" */
    return g_strdup_printf (T_("Symptom: %s"), crepitus_catalog_label (CREPITUS_LIST_SYMPTOM, key));
  if (strcmp (kind, "sound") == 0)
    /* Translators: %s is a sound, e.g. "Grinding" */
    return g_strdup_printf (T_("%s sound with pain"), crepitus_catalog_label (CREPITUS_LIST_SOUND, key));
  if (strcmp (kind, "frequency") == 0)
    /* Translators: %s is how often, e.g. "Frequent" */
    return g_strdup_printf (T_("Pops: %s"), crepitus_catalog_label (CREPITUS_LIST_FREQUENCY, key));

  return g_strdup (reason);
}

const char *
crepitus_triage_recommendation_text (const char    *key,
                                     CrepitusLevel  level)
{
  return crepitus_catalog_recommendation_text (key, crepitus_triage_level_key (level));
}

/* Tips */

/* The key of single-choice field @list's value, %NULL when not recorded. */
static const char *
chosen_key (CrepitusAssessment *assessment,
            CrepitusList        list)
{
  int value;

  switch (list)
    {
    case CREPITUS_LIST_SIDE:
      value = crepitus_assessment_get_side (assessment);
      break;
    case CREPITUS_LIST_SOUND:
      value = crepitus_assessment_get_sound (assessment);
      break;
    case CREPITUS_LIST_FREQUENCY:
      value = crepitus_assessment_get_frequency (assessment);
      break;
    case CREPITUS_LIST_SCOLIOSIS:
      value = crepitus_assessment_get_scoliosis (assessment);
      break;
    case CREPITUS_LIST_LORDOSIS:
      value = crepitus_assessment_get_lordosis (assessment);
      break;
    case CREPITUS_LIST_PELVIC_TILT:
      value = crepitus_assessment_get_pelvic_tilt (assessment);
      break;
    case CREPITUS_LIST_KYPHOSIS:
      value = crepitus_assessment_get_kyphosis (assessment);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return crepitus_choice_to_key (list, value);
}

/* Whether @key is one of @keys (%NULL: any key). */
static gboolean
is_one_of (const char * const *keys,
           const char         *key)
{
  return key != NULL && (keys == NULL || g_strv_contains (keys, key));
}

/* Whether @trigger holds for @key, a key of its list. */
static gboolean
trigger_holds_for_key (const CrepitusTipTrigger *trigger,
                       CrepitusAssessment       *assessment,
                       const CrepitusTriage     *triage,
                       const char               *key)
{
  CrepitusFactorRecord *record;

  switch (trigger->when)
    {
    case CREPITUS_TIP_WHEN_RECORDED:
      return crepitus_assessment_has (assessment, trigger->list, key);
    case CREPITUS_TIP_WHEN_JUDGED:
      record = crepitus_assessment_get_factor (assessment, key);
      return is_one_of (trigger->values,
                        crepitus_catalog_key (CREPITUS_LIST_JUDGEMENT,
                                              crepitus_factor_record_get_judgement (record)));
    case CREPITUS_TIP_WHEN_RECOMMENDED:
      return g_strv_contains ((const char * const *) triage->recommendations, key);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
trigger_holds (const CrepitusTipTrigger *trigger,
               CrepitusAssessment       *assessment,
               const CrepitusTriage     *triage)
{
  const CrepitusCatalogEntry *entries;
  guint n;

  switch (trigger->when)
    {
    case CREPITUS_TIP_WHEN_ALWAYS:
      return TRUE;
    case CREPITUS_TIP_WHEN_CHOSEN:
      return is_one_of (trigger->keys, chosen_key (assessment, trigger->list));
    case CREPITUS_TIP_WHEN_FORWARD_HEAD:
      return crepitus_assessment_get_forward_head (assessment) == CREPITUS_TRISTATE_YES;
    case CREPITUS_TIP_WHEN_RECORDED:
    case CREPITUS_TIP_WHEN_JUDGED:
    case CREPITUS_TIP_WHEN_RECOMMENDED:
      entries = crepitus_catalog_entries (trigger->list, &n);
      for (guint i = 0; i < n; i++)
        if (is_one_of (trigger->keys, entries[i].key) &&
            trigger_holds_for_key (trigger, assessment, triage, entries[i].key))
          return TRUE;
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

char **
crepitus_triage_dup_tips (CrepitusAssessment   *assessment,
                          const CrepitusTriage *triage)
{
  g_autoptr(CrepitusTriage) computed = NULL;
  GPtrArray *keys;
  const CrepitusCatalogEntry *tips;
  guint n;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), NULL);

  if (triage == NULL)
    triage = computed = crepitus_triage_compute (assessment);

  keys = g_ptr_array_new ();
  tips = crepitus_catalog_entries (CREPITUS_LIST_TIP, &n);
  for (guint i = 0; i < n; i++)
    {
      guint n_triggers;
      const CrepitusTipTrigger *triggers = crepitus_catalog_tip_triggers (tips[i].key,
                                                                          &n_triggers);

      for (guint j = 0; j < n_triggers; j++)
        if (trigger_holds (&triggers[j], assessment, triage))
          {
            g_ptr_array_add (keys, g_strdup (tips[i].key));
            break;
          }
    }
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (keys, FALSE);
}

/* Whether a trigger of tip @key looks at the judgement of @factor. */
static gboolean
tip_concerns_factor (const char *key,
                     const char *factor)
{
  guint n_triggers;
  const CrepitusTipTrigger *triggers = crepitus_catalog_tip_triggers (key, &n_triggers);

  for (guint i = 0; i < n_triggers; i++)
    if (triggers[i].when == CREPITUS_TIP_WHEN_JUDGED && is_one_of (triggers[i].keys, factor))
      return TRUE;
  return FALSE;
}

char **
crepitus_triage_dup_factor_tips (CrepitusAssessment   *assessment,
                                 const CrepitusTriage *triage,
                                 const char           *factor)
{
  g_auto(GStrv) tips = NULL;
  GPtrArray *keys;

  g_return_val_if_fail (CREPITUS_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (crepitus_catalog_factor (factor) != NULL, NULL);

  tips = crepitus_triage_dup_tips (assessment, triage);
  keys = g_ptr_array_new ();
  for (guint i = 0; tips[i] != NULL; i++)
    if (tip_concerns_factor (tips[i], factor))
      g_ptr_array_add (keys, g_strdup (tips[i]));
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (keys, FALSE);
}
