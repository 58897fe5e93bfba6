/* crepitus-factor-row.h — one factor of the checklist as judged in an assessment */
#pragma once

#include <adwaita.h>

#include "crepitus-factor-record.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_FACTOR_ROW (crepitus_factor_row_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusFactorRow, crepitus_factor_row, CREPITUS, FACTOR_ROW, AdwExpanderRow)

CrepitusFactorRecord *crepitus_factor_row_get_record   (CrepitusFactorRow    *self);
/* Shows and edits @record: its judgement, findings and notes. */
void                  crepitus_factor_row_set_record   (CrepitusFactorRow    *self,
                                                        CrepitusFactorRecord *record);
gboolean              crepitus_factor_row_get_editable (CrepitusFactorRow    *self);
/* Whether the record may change (%FALSE once the assessment is signed). */
void                  crepitus_factor_row_set_editable (CrepitusFactorRow    *self,
                                                        gboolean              editable);
/* Shows the clinician tips with @keys (CREPITUS_LIST_TIP) under the factor. */
void                  crepitus_factor_row_set_tips     (CrepitusFactorRow    *self,
                                                        const char * const   *keys);

G_END_DECLS
