/* crepitus-store-testing.h — hooks into the SQLite backend for tests and benchmarks
 *
 * They reach past the model on purpose, and live in the tests' own library: the crepitus
 * program ships none of them.
 */
#pragma once

#include "crepitus-store-private.h"

G_BEGIN_DECLS

/* How long a write waits for another program's lock, in milliseconds. */
void     crepitus_store_testing_set_busy_timeout (CrepitusStore *self,
                                                  int            milliseconds);
/* Caps the file at its current size plus @extra_pages pages, as a full disk would. */
gboolean crepitus_store_testing_limit_pages      (CrepitusStore *self,
                                                  gint64         extra_pages,
                                                  GError       **error);
/* How many matches outside the first word of the family name a page of search results may
 * sort before it scans the list's order instead: 0 always scans; G_MAXUINT restores the
 * default. */
void     crepitus_store_testing_set_search_sort_limit (guint limit);
/* Runs every later transaction of @self as a savepoint of one outer transaction, until
 * crepitus_store_testing_end_bulk commits it (generating large databases quickly). */
gboolean crepitus_store_testing_begin_bulk       (CrepitusStore *self,
                                                  GError       **error);
gboolean crepitus_store_testing_end_bulk         (CrepitusStore *self,
                                                  GError       **error);
/* The number of rows in "patients", "assessments", "factors" or "audit". */
gint64   crepitus_store_testing_count_rows       (CrepitusStore *self,
                                                  const char    *table);
/* The user_version of the file at @path, or -1. */
gint64   crepitus_store_testing_file_version     (const char    *path);
/* Creates a database at @path with migrations 1…@version only, each followed by its sample
 * rows (a patient with family name "Sample-vN"). */
gboolean crepitus_store_testing_create_at        (const char    *path,
                                                  guint          version,
                                                  GError       **error);
/* Sets the user_version of the Crepitus database at @path. */
gboolean crepitus_store_testing_set_version      (const char    *path,
                                                  guint          version,
                                                  GError       **error);
/* Creates an SQLite database of another program at @path. */
gboolean crepitus_store_testing_create_foreign   (const char    *path,
                                                  GError       **error);
/* In a child process: takes the write lock of @path, writes one byte to @ready_fd, waits
 * until @release_fd is closed, then exits. */
G_GNUC_NORETURN
void     crepitus_store_testing_hold_lock        (const char    *path,
                                                  int            ready_fd,
                                                  int            release_fd);

G_END_DECLS
