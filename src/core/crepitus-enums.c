/* crepitus-enums.c — the enum types of single-choice fields and their catalog keys */
#define G_LOG_DOMAIN "crepitus-enums"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "crepitus-enums.h"

/* Enum types: the nicks are the catalog keys. */

G_DEFINE_ENUM_TYPE (CrepitusSide, crepitus_side,
  G_DEFINE_ENUM_VALUE (CREPITUS_SIDE_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SIDE_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SIDE_RIGHT, "right"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SIDE_BOTH, "both"))

G_DEFINE_ENUM_TYPE (CrepitusSound, crepitus_sound,
  G_DEFINE_ENUM_VALUE (CREPITUS_SOUND_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SOUND_POP, "pop"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SOUND_CLICK, "click"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SOUND_GRINDING, "grinding"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SOUND_GRATING, "grating"))

G_DEFINE_ENUM_TYPE (CrepitusFrequency, crepitus_frequency,
  G_DEFINE_ENUM_VALUE (CREPITUS_FREQUENCY_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_FREQUENCY_ISOLATED, "isolated"),
  G_DEFINE_ENUM_VALUE (CREPITUS_FREQUENCY_OCCASIONAL, "occasional"),
  G_DEFINE_ENUM_VALUE (CREPITUS_FREQUENCY_FREQUENT, "frequent"),
  G_DEFINE_ENUM_VALUE (CREPITUS_FREQUENCY_CONSTANT, "constant"))

G_DEFINE_ENUM_TYPE (CrepitusSex, crepitus_sex,
  G_DEFINE_ENUM_VALUE (CREPITUS_SEX_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SEX_FEMALE, "female"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SEX_MALE, "male"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SEX_OTHER, "other"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SEX_UNKNOWN, "unknown"))

G_DEFINE_ENUM_TYPE (CrepitusJudgement, crepitus_judgement,
  G_DEFINE_ENUM_VALUE (CREPITUS_JUDGEMENT_NOT_ASSESSED, "not-assessed"),
  G_DEFINE_ENUM_VALUE (CREPITUS_JUDGEMENT_UNLIKELY, "unlikely"),
  G_DEFINE_ENUM_VALUE (CREPITUS_JUDGEMENT_POSSIBLE, "possible"),
  G_DEFINE_ENUM_VALUE (CREPITUS_JUDGEMENT_LIKELY, "likely"))

G_DEFINE_ENUM_TYPE (CrepitusScoliosis, crepitus_scoliosis,
  G_DEFINE_ENUM_VALUE (CREPITUS_SCOLIOSIS_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SCOLIOSIS_NONE, "none"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SCOLIOSIS_LEFT_CONVEX, "left-convex"),
  G_DEFINE_ENUM_VALUE (CREPITUS_SCOLIOSIS_RIGHT_CONVEX, "right-convex"))

G_DEFINE_ENUM_TYPE (CrepitusLordosis, crepitus_lordosis,
  G_DEFINE_ENUM_VALUE (CREPITUS_LORDOSIS_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_LORDOSIS_NORMAL, "normal"),
  G_DEFINE_ENUM_VALUE (CREPITUS_LORDOSIS_INCREASED, "increased"),
  G_DEFINE_ENUM_VALUE (CREPITUS_LORDOSIS_DECREASED, "decreased"),
  G_DEFINE_ENUM_VALUE (CREPITUS_LORDOSIS_UNEVEN, "uneven"))

G_DEFINE_ENUM_TYPE (CrepitusPelvicTilt, crepitus_pelvic_tilt,
  G_DEFINE_ENUM_VALUE (CREPITUS_PELVIC_TILT_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_PELVIC_TILT_NEUTRAL, "neutral"),
  G_DEFINE_ENUM_VALUE (CREPITUS_PELVIC_TILT_ANTERIOR, "anterior"),
  G_DEFINE_ENUM_VALUE (CREPITUS_PELVIC_TILT_POSTERIOR, "posterior"))

G_DEFINE_ENUM_TYPE (CrepitusKyphosis, crepitus_kyphosis,
  G_DEFINE_ENUM_VALUE (CREPITUS_KYPHOSIS_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_KYPHOSIS_NORMAL, "normal"),
  G_DEFINE_ENUM_VALUE (CREPITUS_KYPHOSIS_INCREASED, "increased"))

G_DEFINE_ENUM_TYPE (CrepitusTristate, crepitus_tristate,
  G_DEFINE_ENUM_VALUE (CREPITUS_TRISTATE_NOT_RECORDED, "not-recorded"),
  G_DEFINE_ENUM_VALUE (CREPITUS_TRISTATE_NO, "no"),
  G_DEFINE_ENUM_VALUE (CREPITUS_TRISTATE_YES, "yes"))

const char *
crepitus_choice_to_key (CrepitusList list,
                        int          value)
{
  if (value <= 0)
    return NULL;
  return crepitus_catalog_key (list, value - 1);
}

int
crepitus_choice_from_key (CrepitusList  list,
                          const char   *key)
{
  int index;

  if (key == NULL)
    return 0;
  index = crepitus_catalog_index (list, key);
  return index < 0 ? -1 : index + 1;
}
