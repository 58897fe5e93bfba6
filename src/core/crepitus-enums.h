/* crepitus-enums.h — the single-choice fields as enums: 0 is "not recorded", the nicks are
 * catalog keys */
#pragma once

#include <glib-object.h>

#include "crepitus-catalog.h"

G_BEGIN_DECLS

/* Every single-choice field has a "not recorded" state 0 distinct from any value; value N is
 * the catalog entry at index N - 1 of the field's list, whose key is the enum's nick. */

typedef enum
{
  CREPITUS_SIDE_NOT_RECORDED,
  CREPITUS_SIDE_LEFT,
  CREPITUS_SIDE_RIGHT,
  CREPITUS_SIDE_BOTH,
} CrepitusSide;

typedef enum
{
  CREPITUS_SOUND_NOT_RECORDED,
  CREPITUS_SOUND_POP,
  CREPITUS_SOUND_CLICK,
  CREPITUS_SOUND_GRINDING,
  CREPITUS_SOUND_GRATING,
} CrepitusSound;

typedef enum
{
  CREPITUS_FREQUENCY_NOT_RECORDED,
  CREPITUS_FREQUENCY_ISOLATED,
  CREPITUS_FREQUENCY_OCCASIONAL,
  CREPITUS_FREQUENCY_FREQUENT,
  CREPITUS_FREQUENCY_CONSTANT,
} CrepitusFrequency;

typedef enum
{
  CREPITUS_SEX_NOT_RECORDED,
  CREPITUS_SEX_FEMALE,
  CREPITUS_SEX_MALE,
  CREPITUS_SEX_OTHER,
  CREPITUS_SEX_UNKNOWN,
} CrepitusSex;

typedef enum
{
  CREPITUS_JUDGEMENT_NOT_ASSESSED,
  CREPITUS_JUDGEMENT_UNLIKELY,
  CREPITUS_JUDGEMENT_POSSIBLE,
  CREPITUS_JUDGEMENT_LIKELY,
} CrepitusJudgement;

typedef enum
{
  CREPITUS_SCOLIOSIS_NOT_RECORDED,
  CREPITUS_SCOLIOSIS_NONE,
  CREPITUS_SCOLIOSIS_LEFT_CONVEX,
  CREPITUS_SCOLIOSIS_RIGHT_CONVEX,
} CrepitusScoliosis;

typedef enum
{
  CREPITUS_LORDOSIS_NOT_RECORDED,
  CREPITUS_LORDOSIS_NORMAL,
  CREPITUS_LORDOSIS_INCREASED,
  CREPITUS_LORDOSIS_DECREASED,
  CREPITUS_LORDOSIS_UNEVEN,
} CrepitusLordosis;

typedef enum
{
  CREPITUS_PELVIC_TILT_NOT_RECORDED,
  CREPITUS_PELVIC_TILT_NEUTRAL,
  CREPITUS_PELVIC_TILT_ANTERIOR,
  CREPITUS_PELVIC_TILT_POSTERIOR,
} CrepitusPelvicTilt;

typedef enum
{
  CREPITUS_KYPHOSIS_NOT_RECORDED,
  CREPITUS_KYPHOSIS_NORMAL,
  CREPITUS_KYPHOSIS_INCREASED,
} CrepitusKyphosis;

/* A yes/no field: three states. */
typedef enum
{
  CREPITUS_TRISTATE_NOT_RECORDED,
  CREPITUS_TRISTATE_NO,
  CREPITUS_TRISTATE_YES,
} CrepitusTristate;

GType crepitus_side_get_type        (void) G_GNUC_CONST;
GType crepitus_sound_get_type       (void) G_GNUC_CONST;
GType crepitus_frequency_get_type   (void) G_GNUC_CONST;
GType crepitus_sex_get_type         (void) G_GNUC_CONST;
GType crepitus_judgement_get_type   (void) G_GNUC_CONST;
GType crepitus_scoliosis_get_type   (void) G_GNUC_CONST;
GType crepitus_lordosis_get_type    (void) G_GNUC_CONST;
GType crepitus_pelvic_tilt_get_type (void) G_GNUC_CONST;
GType crepitus_kyphosis_get_type    (void) G_GNUC_CONST;
GType crepitus_tristate_get_type    (void) G_GNUC_CONST;

#define CREPITUS_TYPE_SIDE        (crepitus_side_get_type ())
#define CREPITUS_TYPE_SOUND       (crepitus_sound_get_type ())
#define CREPITUS_TYPE_FREQUENCY   (crepitus_frequency_get_type ())
#define CREPITUS_TYPE_SEX         (crepitus_sex_get_type ())
#define CREPITUS_TYPE_JUDGEMENT   (crepitus_judgement_get_type ())
#define CREPITUS_TYPE_SCOLIOSIS   (crepitus_scoliosis_get_type ())
#define CREPITUS_TYPE_LORDOSIS    (crepitus_lordosis_get_type ())
#define CREPITUS_TYPE_PELVIC_TILT (crepitus_pelvic_tilt_get_type ())
#define CREPITUS_TYPE_KYPHOSIS    (crepitus_kyphosis_get_type ())
#define CREPITUS_TYPE_TRISTATE    (crepitus_tristate_get_type ())

/* The catalog key of enum @value of a single-choice field on @list, %NULL when not recorded. */
const char *crepitus_choice_to_key   (CrepitusList  list,
                                      int           value);

/* The enum value of @key on @list: 0 (not recorded) for %NULL, -1 for an unknown key. */
int         crepitus_choice_from_key (CrepitusList  list,
                                      const char   *key);

G_END_DECLS
