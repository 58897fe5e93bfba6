/* crepitus-modules.h — where Crepitus's loadable modules are */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The path of Crepitus's module @name (libNAME.so): the value of the environment variable
 * @override_env when it is set; else beside the executable in @build_subdir (a build tree), or
 * in the module folder found from the executable's folder (an installation that was moved);
 * else the configured module folder. A new string. */
char *crepitus_module_find (const char *name,
                            const char *build_subdir,
                            const char *override_env);

G_END_DECLS
