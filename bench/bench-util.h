/* bench-util.h — timings and temporary databases shared by the benchmarks */
#pragma once

#include <stdio.h>
#include <glib.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

static int
bench_compare_times (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Prints one line: @what, the count, median, 99th percentile, mean and max of @times (µs). */
static inline void
bench_report (const char *what,
              GArray     *times)
{
  guint n = times->len;
  guint p99 = (guint) (0.99 * n + 0.999) - 1;
  gint64 sum = 0;

  g_array_sort (times, bench_compare_times);
  for (guint i = 0; i < n; i++)
    sum += g_array_index (times, gint64, i);
  printf ("%-44s n=%-5u median %8.3f ms  p99 %8.3f ms  mean %8.3f ms  max %8.3f ms\n", what, n,
          g_array_index (times, gint64, n / 2) / 1000.0,
          g_array_index (times, gint64, p99) / 1000.0,
          sum / 1000.0 / n,
          g_array_index (times, gint64, n - 1) / 1000.0);
}

/* Removes the database at @path with its write-ahead log and shared memory files. */
static inline void
bench_remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

G_END_DECLS
