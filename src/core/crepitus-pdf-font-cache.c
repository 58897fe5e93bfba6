/* crepitus-pdf-font-cache.c — fontconfig's answer, remembered between processes
 *
 * Loading fontconfig's configuration (parsing some fifty XML files) takes about 5 ms: more than
 * anything else in a report made by a fresh `crepitus report`. Its answer — which files are
 * DejaVu Sans and DejaVu Sans Bold — is kept in the user's cache folder with a stamp of what
 * could change it: the files and folders of fontconfig's configuration and caches (their
 * modification times and sizes), the variables that point fontconfig elsewhere, and the font
 * files themselves. A different stamp means asking fontconfig again. The caller still checks,
 * with FreeType, that each file is the face asked for.
 */
#define G_LOG_DOMAIN "crepitus-pdf-fonts"

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "crepitus-pdf-layout-private.h"

#define GROUP "fonts"

static const char * const font_keys[N_FONTS] = { "regular", "bold" };

static char *
cache_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "crepitus", "fonts.ini", NULL);
}

static void
stamp_path (GString    *stamp,
            const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    g_string_append_printf (stamp, "%s:%lld:%lld:%lld;", path, (long long) st.st_mtime,
                            (long long) st.st_ctime, (long long) st.st_size);
  else
    g_string_append_printf (stamp, "%s:-;", path);
}

/* What fontconfig's answer depends on, as one line. */
static char *
config_stamp (void)
{
  static const char * const variables[] = {
    "FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME", "XDG_CONFIG_HOME",
    "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_DATA_DIRS",
  };
  const char *config = g_get_user_config_dir ();
  const char *cache = g_get_user_cache_dir ();
  const char *home = g_get_home_dir ();
  const char *file = g_getenv ("FONTCONFIG_FILE");
  const char *path = g_getenv ("FONTCONFIG_PATH");
  GString *stamp = g_string_new (NULL);
  g_autofree char *user_dir = g_build_filename (config, "fontconfig", NULL);
  g_autofree char *user_conf = g_build_filename (config, "fontconfig", "fonts.conf", NULL);
  g_autofree char *user_conf_d = g_build_filename (config, "fontconfig", "conf.d", NULL);
  g_autofree char *user_cache = g_build_filename (cache, "fontconfig", NULL);
  g_autofree char *old_conf = g_build_filename (home, ".fonts.conf", NULL);
  g_autofree char *old_conf_d = g_build_filename (home, ".fonts.conf.d", NULL);
  g_autofree char *old_fonts = g_build_filename (home, ".fonts", NULL);
  g_autofree char *user_fonts = g_build_filename (g_get_user_data_dir (), "fonts", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    g_string_append_printf (stamp, "%s=%s;", variables[i],
                            g_getenv (variables[i]) != NULL ? g_getenv (variables[i]) : "");
  if (file != NULL)
    stamp_path (stamp, file);
  if (path != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (path, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        stamp_path (stamp, dirs[i]);
    }
  stamp_path (stamp, "/etc/fonts");
  stamp_path (stamp, "/etc/fonts/fonts.conf");
  stamp_path (stamp, "/etc/fonts/conf.d");
  stamp_path (stamp, "/etc/fonts/local.conf");
  stamp_path (stamp, "/var/cache/fontconfig");
  stamp_path (stamp, user_dir);
  stamp_path (stamp, user_conf);
  stamp_path (stamp, user_conf_d);
  stamp_path (stamp, user_cache);
  stamp_path (stamp, old_conf);
  stamp_path (stamp, old_conf_d);
  stamp_path (stamp, old_fonts);
  stamp_path (stamp, user_fonts);
  return g_string_free (stamp, FALSE);
}

static char *
file_stamp (const char *path)
{
  GString *stamp = g_string_new (NULL);

  stamp_path (stamp, path);
  return g_string_free (stamp, FALSE);
}

gboolean
crepitus_pdf_font_cache_lookup (char **files,
                                int   *indexes)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = cache_path ();
  g_autofree char *stamp = NULL;
  g_autofree char *cached_stamp = NULL;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  stamp = config_stamp ();
  cached_stamp = g_key_file_get_string (key_file, GROUP, "stamp", NULL);
  if (g_strcmp0 (stamp, cached_stamp) != 0)
    return FALSE;

  for (guint i = 0; i < N_FONTS; i++)
    {
      g_autofree char *stamp_key = g_strconcat (font_keys[i], "-stamp", NULL);
      g_autofree char *index_key = g_strconcat (font_keys[i], "-index", NULL);
      g_autofree char *file = g_key_file_get_string (key_file, GROUP, font_keys[i], NULL);
      g_autofree char *cached_file_stamp = g_key_file_get_string (key_file, GROUP, stamp_key,
                                                                  NULL);
      g_autofree char *current_file_stamp = NULL;
      g_autoptr(GError) error = NULL;
      int index;

      if (file == NULL || !g_path_is_absolute (file))
        return FALSE;
      index = g_key_file_get_integer (key_file, GROUP, index_key, &error);
      if (error != NULL || index < 0)
        return FALSE;
      current_file_stamp = file_stamp (file);
      if (g_strcmp0 (current_file_stamp, cached_file_stamp) != 0)
        return FALSE;
      files[i] = g_steal_pointer (&file);
      indexes[i] = index;
    }
  return TRUE;
}

void
crepitus_pdf_font_cache_store (char * const *files,
                               const int    *indexes)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = cache_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *stamp = config_stamp ();
  g_autofree char *data = NULL;

  g_key_file_set_string (key_file, GROUP, "stamp", stamp);
  for (guint i = 0; i < N_FONTS; i++)
    {
      g_autofree char *stamp_key = g_strconcat (font_keys[i], "-stamp", NULL);
      g_autofree char *index_key = g_strconcat (font_keys[i], "-index", NULL);
      g_autofree char *file_stamp_text = file_stamp (files[i]);

      g_key_file_set_string (key_file, GROUP, font_keys[i], files[i]);
      g_key_file_set_integer (key_file, GROUP, index_key, indexes[i]);
      g_key_file_set_string (key_file, GROUP, stamp_key, file_stamp_text);
    }
  data = g_key_file_to_data (key_file, NULL, NULL);
  /* Only a way to be quicker: a cache that cannot be written is no error. */
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents (path, data, -1, NULL);
}

void
crepitus_pdf_font_cache_forget (void)
{
  g_autofree char *path = cache_path ();

  g_unlink (path);
}
