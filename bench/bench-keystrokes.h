/* bench-keystrokes.h — what is typed to search a generated clinic, a keystroke at a time, and
 * how long the store takes to answer (bench-clinic.c, bench-server.c) */
#pragma once

#include <stdio.h>
#include <stdlib.h>

#include "crepitus-store.h"

G_BEGIN_DECLS

#define PAGE 50

/* What is typed, a keystroke at a time. */
static const char * const typed[] = {
  "müller", "lukasz", "oster", "garcia lucia", "nguyen", "wisniewski", "sorensen", "dordevic",
  "kowalczyk zofia", "maria", "smith john", "straße", "K-012345",
};

/* The count and the first page of the patients matching every prefix of each typed text, as
 * the window asks for them a keystroke at a time, @rounds times: the time of each keystroke
 * (µs) in @keystrokes, and in @short_keystrokes or @long_keystrokes by what was typed so far;
 * the slowest in @slowest. */
static inline void
bench_time_keystrokes (CrepitusStore *store,
                       guint          rounds,
                       GArray        *keystrokes,
                       GArray        *short_keystrokes,
                       GArray        *long_keystrokes,
                       GString       *slowest)
{
  g_autoptr(GError) error = NULL;
  gint64 worst = 0;

  for (guint round = 0; round < rounds; round++)
    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        const char *end = typed[i];

        while (*end != '\0')
          {
            g_autoptr(GPtrArray) page = NULL;
            g_autofree char *prefix = NULL;
            guint count = 0;
            gint64 start, t;

            end = g_utf8_next_char (end);
            prefix = g_strndup (typed[i], end - typed[i]);
            start = g_get_monotonic_time ();
            if (!crepitus_store_count_patients (store, prefix, &count, &error) ||
                (page = crepitus_store_search_patients (store, prefix, 0, PAGE, &error)) == NULL)
              {
                fprintf (stderr, "%s: %s\n", prefix, error->message);
                exit (1);
              }
            t = g_get_monotonic_time () - start;
            g_array_append_val (keystrokes, t);
            if (g_utf8_strlen (prefix, -1) <= 2)
              g_array_append_val (short_keystrokes, t);
            else
              g_array_append_val (long_keystrokes, t);
            if (t > worst)
              {
                worst = t;
                g_string_printf (slowest, "“%s” (%u matches) %.3f ms", prefix, count, t / 1000.0);
              }
          }
      }
}

G_END_DECLS
