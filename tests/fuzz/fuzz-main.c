/* fuzz-main.c — runs a libFuzzer target over files without libFuzzer: the seed corpus and the
 * inputs of every finding once fixed, as a regression test in the ordinary build */
#include "config.h"

#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
main (int   argc,
      char *argv[])
{
  guint runs = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          g_printerr ("%s: not a folder\n", argv[i]);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_get_contents (path, &contents, &length, NULL))
            return 1;
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
          runs++;
        }
    }
  g_print ("%u inputs\n", runs);
  return runs > 0 ? 0 : 1;
}
