/* crepitus-server-link.h — a window's link to a shared database server: it hears the other
 * workstations' changes as they are made, notices when the server is lost, and saves the edits
 * that waited once it is back */
#pragma once

#include <glib-object.h>

#include "crepitus-store.h"

G_BEGIN_DECLS

#define CREPITUS_TYPE_SERVER_LINK (crepitus_server_link_get_type ())
G_DECLARE_FINAL_TYPE (CrepitusServerLink, crepitus_server_link, CREPITUS, SERVER_LINK, GObject)

/* Follows @store: its ::changed-elsewhere is emitted as the server's notifications arrive. For
 * a store without a server (SQLite) the link is always connected and does nothing. */
CrepitusServerLink *crepitus_server_link_new            (CrepitusStore      *store);

/* Whether the server can be reached (the "connected" property). */
gboolean            crepitus_server_link_get_connected  (CrepitusServerLink *self);

/* Why it cannot, while it cannot: the store's message naming the server; else %NULL. */
const char         *crepitus_server_link_get_problem    (CrepitusServerLink *self);

/* Tries the server now rather than at the next retry (once a second while it is lost). */
void                crepitus_server_link_retry          (CrepitusServerLink *self);

G_END_DECLS
