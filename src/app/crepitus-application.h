/* crepitus-application.h — the GTK application */
#pragma once

#include <adwaita.h>

#include "crepitus-store.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_APPLICATION (crepitus_application_get_type ())

G_DECLARE_FINAL_TYPE (CrepitusApplication, crepitus_application, CREPITUS, APPLICATION, AdwApplication)

/* A new application; @db_path and @clinician are the global options or %NULL. */
CrepitusApplication *crepitus_application_new           (const char          *db_path,
                                                         const char          *clinician);

/* The --db path, or %NULL for the default database. */
const char          *crepitus_application_get_db_path   (CrepitusApplication *self);

/* The clinician acting (DESIGN.md "Who is acting"): --clinician, else GSettings
 * clinician-name; %NULL when neither is set. A new string. */
char                *crepitus_application_dup_acting_clinician (CrepitusApplication *self);

/* The --clinician name, or %NULL to use GSettings clinician-name. */
const char          *crepitus_application_get_clinician (CrepitusApplication *self);
/* The database, opened in a thread; %NULL before it is open or when it could not be opened.
 * Notified ("store", then "store-opening") once the opening is over. */
CrepitusStore       *crepitus_application_get_store     (CrepitusApplication *self);

/* Opens the database in a thread, if that has not started yet: the window asks once it has
 * drawn its first frame. */
void                 crepitus_application_open_store    (CrepitusApplication *self);
/* Opens the database again after it could not be opened (a server out of reach: Retry). */
void                 crepitus_application_retry_store   (CrepitusApplication *self);

/* Whether the database is still to be opened, from startup until its opening is over. */
gboolean             crepitus_application_get_store_opening (CrepitusApplication *self);

/* Why the database could not be opened, or %NULL. */
const GError        *crepitus_application_get_store_error (CrepitusApplication *self);

G_END_DECLS
