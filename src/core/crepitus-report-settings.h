/* crepitus-report-settings.h — the report options a person sets, read from the settings */
#pragma once

#include "crepitus-report.h"

G_BEGIN_DECLS

/* What every report made from the settings shares: the clinic's details, the emergency
 * number, the logo and the paper. The command line and the window read them here, so that
 * both make the same report. */
typedef struct
{
  char   *clinic_name;
  char   *clinic_address;
  char   *clinic_phone;
  char   *emergency_number;
  char   *logo_path;        /* the clinic-logo setting, or %NULL when empty */
  GBytes *logo;             /* the logo checked, or %NULL */
  GError *logo_error;       /* why the logo set is left out, or %NULL */
  char   *paper;            /* "a4" or "letter" */
  char   *folder;           /* where reports are saved: the report-folder setting, or the
                             * default folder when it is empty */
} CrepitusReportSettings;

/* Reads the settings (their schema defaults when the schema is not installed) into @self,
 * and the clinic logo; a logo that cannot be used leaves @self->logo_error set. */
void     crepitus_report_settings_load   (CrepitusReportSettings *self);

/* Sets the clinic fields, the emergency number, the logo and the paper of @options to those
 * of @self, which must outlive @options. */
void     crepitus_report_settings_apply  (const CrepitusReportSettings *self,
                                          CrepitusReportOptions        *options);

/* Frees what @self holds. */
void     crepitus_report_settings_clear  (CrepitusReportSettings *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrepitusReportSettings, crepitus_report_settings_clear)

G_END_DECLS
