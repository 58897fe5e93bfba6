/* crepitus-store-testing.h — hooks into the backends for tests and benchmarks, and a
 * PostgreSQL server of the tests' own
 *
 * They reach past the model on purpose, and live in the tests' own library: the crepitus
 * program ships none of them. Those that take a store or a location work on both backends
 * (an SQLite path, or a postgresql:// URI) unless they say otherwise.
 */
#pragma once

#include "crepitus-store-private.h"

G_BEGIN_DECLS

/* How long a write waits for another program's lock, in milliseconds (PostgreSQL: another
 * connection's lock on the same row). */
void     crepitus_store_testing_set_busy_timeout (CrepitusStore *self,
                                                  int            milliseconds);
/* SQLite: caps the file at its current size plus @extra_pages pages, as a full disk would. */
gboolean crepitus_store_testing_limit_pages      (CrepitusStore *self,
                                                  gint64         extra_pages,
                                                  GError       **error);
/* SQLite: how many matches outside the first word of the family name a page of search
 * results may sort before it scans the list's order instead: 0 always scans; G_MAXUINT
 * restores the default. */
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
/* The schema version of the database at @path, or -1. */
gint64   crepitus_store_testing_file_version     (const char    *path);
/* Creates a database at @path with migrations 1…@version only, each followed by its sample
 * rows (a patient with family name "Sample-vN"). */
gboolean crepitus_store_testing_create_at        (const char    *path,
                                                  guint          version,
                                                  GError       **error);
/* Sets the schema version of the Crepitus database at @path. */
gboolean crepitus_store_testing_set_version      (const char    *path,
                                                  guint          version,
                                                  GError       **error);
/* SQLite: creates a database of another program at @path. */
gboolean crepitus_store_testing_create_foreign   (const char    *path,
                                                  GError       **error);
/* SQLite, in a child process: takes the write lock of @path, writes one byte to @ready_fd, waits
 * until @release_fd is closed, then exits. */
G_GNUC_NORETURN
void     crepitus_store_testing_hold_lock        (const char    *path,
                                                  int            ready_fd,
                                                  int            release_fd);

/* A PostgreSQL 15 server of the process's own (crepitus-store-testing-pg.c): started on first
 * use in a new temporary folder, on a Unix socket there only, as nobody when run as root;
 * stopped, and the folder removed, when the process ends however it ends. @durable: fsync on
 * (benchmarks), else off (tests). Returns the folder, the socket's host. */
const char *crepitus_test_pg_server_start  (gboolean     durable);
const char *crepitus_test_pg_server        (void);
/* A new empty database on it, as a URI; and dropping it. */
char       *crepitus_test_pg_new_database  (void);
void        crepitus_test_pg_drop_database (const char  *uri);
/* Stops the server at once, as a crash would (an immediate shutdown), and starts it again. */
void        crepitus_test_pg_server_kill    (void);
void        crepitus_test_pg_server_restart (void);

/* PostgreSQL's side of the hooks above, and what only it has. */
gboolean crepitus_store_testing_is_pg              (CrepitusStore *self);
gint64   crepitus_store_testing_pg_count_rows      (CrepitusStore *self,
                                                    const char    *table);
gint64   crepitus_store_testing_pg_version         (const char    *uri);
gboolean crepitus_store_testing_pg_create_at       (const char    *uri,
                                                    guint          version,
                                                    GError       **error);
gboolean crepitus_store_testing_pg_set_version     (const char    *uri,
                                                    guint          version,
                                                    GError       **error);
gboolean crepitus_store_testing_pg_begin_bulk      (CrepitusStore *self,
                                                    GError       **error);
gboolean crepitus_store_testing_pg_end_bulk        (CrepitusStore *self,
                                                    GError       **error);
void     crepitus_store_testing_pg_set_lock_timeout (CrepitusStore *self,
                                                    int            milliseconds);
/* Runs constant SQL on the store's connection (VACUUM ANALYZE for a benchmark, a trigger
 * dropped to see the store refuse the database). */
gboolean crepitus_store_testing_pg_exec            (CrepitusStore *self,
                                                    const char    *sql,
                                                    GError       **error);
/* The size of the store's server database, in bytes. */
gint64   crepitus_store_testing_pg_database_size   (CrepitusStore *self);
/* Runs @sql (a constant statement, @id bound to $1) on the store's connection: what another
 * client of the server may try. */
gboolean crepitus_store_testing_pg_exec_id         (CrepitusStore *self,
                                                    const char    *sql,
                                                    gint64         id,
                                                    GError       **error);

G_END_DECLS
