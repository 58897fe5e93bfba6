/* crepitus-report-settings.c — the report options a person sets, read from the settings
 *
 * The report itself never reads GSettings: it is given its options. This is where the
 * command line and the window turn the settings into those options.
 */
#define G_LOG_DOMAIN "crepitus-report-settings"

#include "config.h"

#include "crepitus-fields.h"
#include "crepitus-report-settings.h"
#include "crepitus-settings.h"

void
crepitus_report_settings_load (CrepitusReportSettings *self)
{
  g_autofree char *logo_path = NULL;

  g_return_if_fail (self != NULL);

  crepitus_report_settings_clear (self);
  self->clinic_name = crepitus_settings_dup_string ("clinic-name");
  self->clinic_address = crepitus_settings_dup_string ("clinic-address");
  self->clinic_phone = crepitus_settings_dup_string ("clinic-phone");
  self->emergency_number = crepitus_settings_dup_string ("emergency-number");
  self->paper = crepitus_settings_dup_string ("paper-size");
  self->folder = crepitus_settings_dup_string ("report-folder");
  if (crepitus_text_is_blank (self->folder))
    {
      g_free (self->folder);
      self->folder = crepitus_report_default_folder ();
    }
  else if (g_str_equal (self->folder, "~") || g_str_has_prefix (self->folder, "~/"))
    {
      /* A leading ~ is the home folder, as a person writes it. */
      char *home = g_build_filename (g_get_home_dir (), self->folder + 1, NULL);

      g_free (self->folder);
      self->folder = home;
    }

  logo_path = crepitus_settings_dup_string ("clinic-logo");
  if (!crepitus_text_is_blank (logo_path))
    {
      self->logo_path = g_steal_pointer (&logo_path);
      self->logo = crepitus_report_logo_load (self->logo_path, &self->logo_error);
    }
}

void
crepitus_report_settings_apply (const CrepitusReportSettings *self,
                                CrepitusReportOptions        *options)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (options != NULL);

  options->clinic_name = self->clinic_name;
  options->clinic_address = self->clinic_address;
  options->clinic_phone = self->clinic_phone;
  options->emergency_number = self->emergency_number;
  options->clinic_logo = self->logo;
  if (!crepitus_report_paper_from_string (self->paper, &options->paper))
    options->paper = CREPITUS_REPORT_PAPER_A4;
}

void
crepitus_report_settings_clear (CrepitusReportSettings *self)
{
  g_clear_pointer (&self->clinic_name, g_free);
  g_clear_pointer (&self->clinic_address, g_free);
  g_clear_pointer (&self->clinic_phone, g_free);
  g_clear_pointer (&self->emergency_number, g_free);
  g_clear_pointer (&self->logo_path, g_free);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_clear_error (&self->logo_error);
  g_clear_pointer (&self->paper, g_free);
  g_clear_pointer (&self->folder, g_free);
}
