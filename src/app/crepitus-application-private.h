/* crepitus-application-private.h — for tests: how the application opens its database */
#pragma once

#include "crepitus-application.h"
#include "crepitus-store-private.h"

G_BEGIN_DECLS

/* Opens the database with @flags at startup (tests use a read-only connection, since they
 * run as root in CI, where file permissions do not stop writing). */
void crepitus_application_set_store_flags (CrepitusApplication    *self,
                                           CrepitusStoreOpenFlags  flags);

G_END_DECLS
