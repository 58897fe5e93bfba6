/* crepitus-factor-record.h — one factor of the checklist as judged in an assessment */
#pragma once

#include <glib-object.h>

#include "crepitus-enums.h"

G_BEGIN_DECLS

/* One factor of the checklist as judged in an assessment. */

#define CREPITUS_TYPE_FACTOR_RECORD (crepitus_factor_record_get_type ())
G_DECLARE_FINAL_TYPE (CrepitusFactorRecord, crepitus_factor_record, CREPITUS, FACTOR_RECORD, GObject)

/* The factor's catalog key. */
const char        *crepitus_factor_record_get_key        (CrepitusFactorRecord *self);
CrepitusJudgement  crepitus_factor_record_get_judgement  (CrepitusFactorRecord *self);
void               crepitus_factor_record_set_judgement  (CrepitusFactorRecord *self,
                                                          CrepitusJudgement     judgement);
/* The findings recorded, in catalog order (a new array). */
char             **crepitus_factor_record_dup_findings   (CrepitusFactorRecord *self);
gboolean           crepitus_factor_record_has_finding    (CrepitusFactorRecord *self,
                                                          const char           *finding);
/* Adds or removes @finding, which must be one of the factor's findings. */
void               crepitus_factor_record_set_finding    (CrepitusFactorRecord *self,
                                                          const char           *finding,
                                                          gboolean              present);
const char        *crepitus_factor_record_get_notes      (CrepitusFactorRecord *self);
void               crepitus_factor_record_set_notes      (CrepitusFactorRecord *self,
                                                          const char           *notes);
/* Whether nothing is recorded: not assessed, no findings, no notes. */
gboolean           crepitus_factor_record_is_empty       (CrepitusFactorRecord *self);

G_END_DECLS
