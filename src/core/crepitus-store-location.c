/* crepitus-store-location.c — where a database is: a file for SQLite, a URI for a server
 *
 * A location is the path of an SQLite file, or a libpq connection URI
 * (postgresql://[user@]host[:port]/dbname[?param=value&…]) for a clinic's PostgreSQL server.
 * A URI is printed without its password, and the command line and the settings never take
 * one: libpq reads it from its password file (~/.pgpass) or a service file instead.
 */
#define G_LOG_DOMAIN "crepitus-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-store-private.h"

static const char * const server_schemes[] = { "postgresql://", "postgres://" };

/* The parameters whose value is a secret. */
static const char * const secret_parameters[] = { "password", "sslpassword" };

gboolean
crepitus_store_location_is_server (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (server_schemes); i++)
    if (g_ascii_strncasecmp (location, server_schemes[i], strlen (server_schemes[i])) == 0)
      return TRUE;
  return FALSE;
}

/* Where the part after "scheme://" starts, or %NULL for a location that is no URI. */
static const char *
after_scheme (const char *location)
{
  const char *separator = strstr (location, "://");

  if (separator == NULL || separator == location)
    return NULL;
  for (const char *p = location; p < separator; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '-' && *p != '.')
      return NULL;
  return separator + 3;
}

/* The password in the user information of @rest (after the scheme), as libpq finds it: from
 * the first ':' to the first '@' that comes before any '/'. Sets @start and @end around
 * ":password"; %FALSE when there is none. */
static gboolean
find_userinfo_password (const char  *rest,
                        const char **start,
                        const char **end)
{
  const char *at = rest;
  const char *colon;

  while (*at != '\0' && *at != '@' && *at != '/')
    at++;
  if (*at != '@')
    return FALSE;
  colon = memchr (rest, ':', at - rest);
  if (colon == NULL)
    return FALSE;
  *start = colon;
  *end = at;
  return TRUE;
}

static gboolean
is_secret_parameter (const char *parameter,
                     gsize       length)
{
  const char *equals = memchr (parameter, '=', length);
  g_autofree char *key = g_strndup (parameter, equals != NULL ? (gsize) (equals - parameter)
                                                              : length);
  g_autofree char *decoded = g_uri_unescape_string (key, NULL);

  /* A key that does not decode is not printed either. */
  if (decoded == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (secret_parameters); i++)
    if (g_ascii_strcasecmp (decoded, secret_parameters[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
crepitus_store_location_has_password (const char *location)
{
  const char *rest, *start, *end, *query;

  g_return_val_if_fail (location != NULL, FALSE);

  rest = after_scheme (location);
  if (rest == NULL)
    return FALSE;
  if (find_userinfo_password (rest, &start, &end))
    return TRUE;
  query = strchr (rest, '?');
  for (const char *p = query != NULL ? query + 1 : NULL; p != NULL && *p != '\0';)
    {
      const char *amp = strchr (p, '&');
      gsize length = amp != NULL ? (gsize) (amp - p) : strlen (p);

      if (length > 0 && is_secret_parameter (p, length))
        return TRUE;
      p = amp != NULL ? amp + 1 : NULL;
    }
  return FALSE;
}

gboolean
crepitus_store_location_check (const char  *location,
                               GError     **error)
{
  g_return_val_if_fail (location != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (crepitus_text_is_blank (location))
    {
      g_set_error_literal (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
                           _("the path of a database file or a postgresql:// URI is needed"));
      return FALSE;
    }
  /* A password would show in the list of processes, the shell's history and the settings:
   * libpq reads it from its password file or a service file. */
  if (crepitus_store_location_has_password (location))
    {
      g_set_error_literal (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
                           _("a password does not belong here; put it in libpq’s password file "
                             "(~/.pgpass) or a service file"));
      return FALSE;
    }
  /* Any other URI is not a file name either: never make folders named after one. */
  if (strstr (location, "://") != NULL && !crepitus_store_location_is_server (location))
    {
      g_set_error_literal (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
                           _("only the path of a database file or a postgresql:// URI is "
                             "supported"));
      return FALSE;
    }
  return TRUE;
}

char *
crepitus_store_location_for_display (const char *location)
{
  GString *shown;
  const char *rest, *start, *end, *query;
  gboolean first = TRUE;

  g_return_val_if_fail (location != NULL, NULL);

  rest = after_scheme (location);
  if (rest == NULL)
    return g_strdup (location);

  shown = g_string_new_len (location, rest - location);
  if (find_userinfo_password (rest, &start, &end))
    {
      g_string_append_len (shown, rest, start - rest);
      rest = end;
    }
  query = strchr (rest, '?');
  if (query == NULL)
    {
      g_string_append (shown, rest);
      return g_string_free (shown, FALSE);
    }
  g_string_append_len (shown, rest, query - rest);
  for (const char *p = query + 1; p != NULL && *p != '\0';)
    {
      const char *amp = strchr (p, '&');
      gsize length = amp != NULL ? (gsize) (amp - p) : strlen (p);

      if (length > 0 && !is_secret_parameter (p, length))
        {
          g_string_append_c (shown, first ? '?' : '&');
          g_string_append_len (shown, p, length);
          first = FALSE;
        }
      p = amp != NULL ? amp + 1 : NULL;
    }
  return g_string_free (shown, FALSE);
}

const CrepitusStoreBackend *
crepitus_store_backend_for (const char  *location,
                            GError     **error)
{
  g_autofree char *shown = NULL;

  if (crepitus_store_location_is_server (location))
    return crepitus_store_pg_backend_get (location, error);
  if (after_scheme (location) == NULL)
    return &crepitus_store_sqlite_backend;

  /* Never a file named after a URI. */
  shown = crepitus_store_location_for_display (location);
  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_A_DATABASE,
               _("%s: Crepitus opens the path of a database file or a postgresql:// URI, "
                 "nothing else"), shown);
  return NULL;
}

const char *
crepitus_store_get_backend_name (CrepitusStore *self)
{
  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  return crepitus_store_get_backend (self)->name;
}

/* Changes made elsewhere (a shared server's notifications) */

void
crepitus_store_changed_elsewhere (const char *record,
                                  gint64      id,
                                  gpointer    store)
{
  g_signal_emit_by_name (store, "changed-elsewhere", record, id);
}

int
crepitus_store_get_change_fd (CrepitusStore *self)
{
  const CrepitusStoreBackend *backend;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), -1);
  backend = crepitus_store_get_backend (self);
  return backend->change_fd != NULL ? backend->change_fd (crepitus_store_get_db (self)) : -1;
}

char *
crepitus_store_dup_server_address (CrepitusStore *self)
{
  const CrepitusStoreBackend *backend;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), NULL);
  backend = crepitus_store_get_backend (self);
  return backend->dup_address != NULL ? backend->dup_address (crepitus_store_get_db (self)) : NULL;
}

gboolean
crepitus_store_read_changes (CrepitusStore  *self,
                             GError        **error)
{
  const CrepitusStoreBackend *backend;

  g_return_val_if_fail (CREPITUS_IS_STORE (self), FALSE);
  backend = crepitus_store_get_backend (self);
  return backend->read_changes == NULL ||
         backend->read_changes (crepitus_store_get_db (self), error);
}
