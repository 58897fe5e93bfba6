/* crepitus-store-pg.c — the PostgreSQL backend's table, its connection, errors, statements,
 * transactions and notifications
 *
 * One connection per store, to a clinic's server given as a libpq URI; the password, when the
 * server asks for one, comes from libpq's password file or a service file, and TLS is as the
 * URI's sslmode says. A connection that was lost is made again before the next transaction or
 * read: an edit that could not be stored fails with CREPITUS_STORE_ERROR_UNREACHABLE, and the
 * next one works once the server is back. Nothing is acknowledged before its COMMIT is.
 */
#define G_LOG_DOMAIN "crepitus-store-pg"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "crepitus-store-pg-private.h"

/* Type OIDs of the results it reads (pg_type.h is a server header). */
#define BOOLOID    16
#define INT8OID    20
#define INT2OID    21
#define INT4OID    23

/* How long an edit waits for another workstation's lock on the same record. */
#define LOCK_TIMEOUT "5s"

/* The server's oldest version with what the schema uses (string_to_table, EXECUTE FUNCTION). */
#define SERVER_VERSION_MIN 140000

/* Parameters */

void
crepitus_pg_params_clear (CrepitusPgParams *params)
{
  for (guint i = 0; i < params->n; i++)
    g_clear_pointer (&params->owned[i], g_free);
  params->n = 0;
}

static void
add_owned (CrepitusPgParams *params,
           char             *text)
{
  g_assert (params->n < CREPITUS_PG_MAX_PARAMS);
  params->owned[params->n] = text;
  params->values[params->n] = text;
  params->n++;
}

void
crepitus_pg_add_text (CrepitusPgParams *params,
                      const char       *text)
{
  add_owned (params, g_strdup (text));
}

void
crepitus_pg_add_int (CrepitusPgParams *params,
                     gint64            number)
{
  add_owned (params, g_strdup_printf ("%" G_GINT64_FORMAT, number));
}

void
crepitus_pg_add_value (CrepitusPgParams *params,
                       GVariant         *value)
{
  if (value == NULL)
    add_owned (params, NULL);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    crepitus_pg_add_int (params, g_variant_get_int64 (value));
  else
    crepitus_pg_add_text (params, g_variant_get_string (value, NULL));
}

/* Errors */

/* The first line of a libpq message, without "connection to server … failed: " and the
 * server's "FATAL:  ". */
static char *
short_message (const char *message)
{
  g_autofree char *line = g_strndup (message != NULL ? message : "",
                                     strcspn (message != NULL ? message : "", "\r\n"));
  const char *text = line;
  const char *failed;

  if (g_str_has_prefix (text, "connection to server") &&
      (failed = strstr (text, " failed: ")) != NULL)
    text = failed + strlen (" failed: ");
  if (g_str_has_prefix (text, "FATAL:"))
    text += strlen ("FATAL:");
  while (*text == ' ')
    text++;
  return g_strdup (*text != '\0' ? text : _("no reason given"));
}

/* "HOST, port PORT" of the server @conn connects to. */
static char *
server_address (PGconn *conn)
{
  const char *host = conn != NULL ? PQhost (conn) : NULL;
  const char *port = conn != NULL ? PQport (conn) : NULL;

  if (host == NULL || *host == '\0')
    host = "localhost";
  if (port == NULL || *port == '\0')
    port = "5432";
  /* Translators: where a database server is: a host name or socket folder, then a port */
  return g_strdup_printf (_("%s, port %s"), host, port);
}

static gboolean
set_unreachable (CrepitusStoreDb  *db,
                 const char       *detail,
                 GError          **error)
{
  g_autofree char *address = server_address (db->conn);
  g_autofree char *reason = short_message (detail);

  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE,
               _("%s: the connection to the database server at %s was lost (%s); this was not "
                 "stored; try again once the server is back (what was saved before is safe)"),
               db->path, address, reason);
  return FALSE;
}

/* The connection could not be made again. */
static gboolean
set_still_unreachable (CrepitusStoreDb  *db,
                       GError          **error)
{
  g_autofree char *address = server_address (db->conn);
  g_autofree char *reason = short_message (PQerrorMessage (db->conn));

  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE,
               _("%s: the database server at %s cannot be reached (%s); this was not stored; "
                 "try again once the server is back (what was saved before is safe)"),
               db->path, address, reason);
  return FALSE;
}

static gboolean
is_connection_state (const char *state)
{
  return state != NULL &&
         (g_str_has_prefix (state, "08") || g_str_equal (state, "57P01") ||
          g_str_equal (state, "57P02") || g_str_equal (state, "57P03"));
}

gboolean
crepitus_pg_set_error (CrepitusStoreDb  *db,
                       const PGresult   *result,
                       GError          **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                       : NULL;
  g_autofree char *detail = short_message (primary != NULL ? primary
                                                           : PQerrorMessage (db->conn));

  /* What libpq says itself carries no SQLSTATE: the connection failed ("server closed the
   * connection unexpectedly"), sometimes before libpq marks it so. */
  if (PQstatus (db->conn) != CONNECTION_OK || state == NULL || is_connection_state (state))
    return set_unreachable (db, primary != NULL ? primary : PQerrorMessage (db->conn), error);

  if (g_str_equal (state, "CR001"))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED,
                 _("%s: the server refused the edit (%s); amend the assessment to change it "
                   "(nothing was stored)"), db->path, detail);
  else if (g_str_equal (state, "23505"))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT,
                 _("%s: the database refused the edit (%s); nothing was stored"),
                 db->path, detail);
  else if (g_str_has_prefix (state, "23") || g_str_equal (state, "CR002"))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID,
                 _("%s: the database refused the edit (%s); nothing was stored"),
                 db->path, detail);
  else if (g_str_equal (state, "25006"))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY,
                 _("%s: the database was opened to read only; nothing was stored"), db->path);
  else if (g_str_equal (state, "42501"))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY,
                 _("%s: the server does not let this user do that (%s); ask whoever runs "
                   "the server (what was saved before is safe)"), db->path, detail);
  else if (g_str_has_prefix (state, "53"))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FULL,
                 _("%s: the database server is out of space or memory (%s); ask whoever runs "
                   "it, then try again (what was saved before is safe)"), db->path, detail);
  else if (g_str_equal (state, "55P03") || g_str_equal (state, "40001") ||
           g_str_equal (state, "40P01") || g_str_equal (state, "57014"))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED,
                 _("%s: the record is being changed on another workstation; try again (what "
                   "was saved before is safe)"), db->path);
  else if (g_str_has_prefix (state, "XX"))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT,
                 _("%s: the database is damaged (%s); it was left as it is; restore it from a "
                   "backup"), db->path, detail);
  else
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
                 "%s: %s", db->path, detail);
  return FALSE;
}

gboolean
crepitus_pg_not_found (CrepitusStoreDb  *db,
                       gboolean          patient,
                       gint64            id,
                       GError          **error)
{
  if (patient)
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_FOUND,
                 _("%s: there is no patient %" PRId64), db->path, id);
  else
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_FOUND,
                 _("%s: there is no assessment %" PRId64), db->path, id);
  return FALSE;
}

gboolean
crepitus_pg_corrupt (CrepitusStoreDb  *db,
                     const char       *detail,
                     GError          **error)
{
  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT,
               _("%s: the database is damaged (%s); it was left as it is; restore it from a "
                 "backup"), db->path, detail);
  return FALSE;
}

/* The connection */

static void
ignore_notice (void       *data,
               const char *message)
{
  /* Notices (a NOTICE of the server) are not errors; nothing goes to the terminal. */
}

/* What every connection sets once made, or made again. */
static gboolean
set_up_session (CrepitusStoreDb  *db,
                GError          **error)
{
  g_hash_table_remove_all (db->statements);
  if (PQserverVersion (db->conn) < SERVER_VERSION_MIN)
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
                   _("%s: the database server runs PostgreSQL %d; Crepitus needs version 14 "
                     "or later"), db->path, PQserverVersion (db->conn) / 10000);
      return FALSE;
    }
  /* Changes by other workstations arrive as notifications on this channel. Each statement
   * has one right plan whatever its values (the index of its first column): planned once,
   * not again for each of its first executions. */
  return crepitus_pg_exec_simple (db, "SET lock_timeout = '" LOCK_TIMEOUT "'; "
                                      "SET plan_cache_mode = force_generic_plan; "
                                      "LISTEN crepitus", error) &&
         (!db->read_only ||
          crepitus_pg_exec_simple (db, "SET default_transaction_read_only = on", error));
}

/* Whether @result failed because the connection did (or may have). */
static gboolean
connection_failed (CrepitusStoreDb *db,
                   const PGresult  *result)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  return PQstatus (db->conn) != CONNECTION_OK || state == NULL || is_connection_state (state);
}

/* Makes the connection again. */
static gboolean
reconnect (CrepitusStoreDb  *db,
           GError          **error)
{
  PQreset (db->conn);
  if (PQstatus (db->conn) != CONNECTION_OK)
    return set_still_unreachable (db, error);
  g_debug ("connected again to the database server");
  return set_up_session (db, error);
}

/* Makes the connection again when it was lost, outside a transaction. */
static gboolean
ensure_connection (CrepitusStoreDb  *db,
                   GError          **error)
{
  if (PQstatus (db->conn) == CONNECTION_OK)
    return TRUE;
  if (db->in_transaction)
    return set_unreachable (db, PQerrorMessage (db->conn), error);
  return reconnect (db, error);
}

/* Sets @error for a connection @conn to @shown that could not be made. */
static void
set_connect_error (PGconn      *conn,
                   const char  *shown,
                   GError     **error)
{
  g_autofree char *address = server_address (conn);
  g_autofree char *reason = short_message (PQerrorMessage (conn));

  if (PQconnectionNeedsPassword (conn))
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
                 _("%s: the database server at %s asks for a password, and none was found; "
                   "put it in libpq’s password file (~/.pgpass) or a service file, never on "
                   "the command line"), shown, address);
  else if (strstr (PQerrorMessage (conn), "FATAL") != NULL)
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
                 _("%s: the database server at %s refused the connection (%s)"), shown, address,
                 reason);
  else
    g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE,
                 _("%s: the database server at %s cannot be reached (%s); check that it runs "
                   "and that this computer may connect to it, then try again"), shown, address,
                 reason);
}

CrepitusStoreDb *
crepitus_pg_connect (const char  *uri,
                     gboolean     read_only,
                     GError     **error)
{
  /* Later keywords override earlier ones: the URI may set the timeouts, never the encoding.
   * Over TCP, a server that vanished (a cable pulled) is noticed within seconds, not after
   * the system's own timeouts of many minutes. */
  const char * const keywords[] = { "connect_timeout", "keepalives_idle", "keepalives_interval",
                                    "keepalives_count", "tcp_user_timeout",
                                    "fallback_application_name", "dbname", "client_encoding",
                                    NULL };
  const char * const values[] = { "10", "10", "5", "3", "20000", "crepitus", uri, "UTF8", NULL };
  g_autoptr(CrepitusStoreDb) db = g_new0 (CrepitusStoreDb, 1);

  db->uri = g_strdup (uri);
  db->path = crepitus_store_location_for_display (uri);
  db->read_only = read_only;
  db->statements = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  db->conn = PQconnectdbParams (keywords, values, 1);
  if (db->conn == NULL)
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
                   _("%s: out of memory"), db->path);
      return NULL;
    }
  PQsetNoticeProcessor (db->conn, ignore_notice, NULL);
  if (PQstatus (db->conn) != CONNECTION_OK)
    {
      set_connect_error (db->conn, db->path, error);
      return NULL;
    }
  if (!set_up_session (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

void
crepitus_pg_close (CrepitusStoreDb *db)
{
  if (db->conn != NULL)
    PQfinish (db->conn);
  g_clear_pointer (&db->statements, g_hash_table_unref);
  g_clear_pointer (&db->superseded, g_array_unref);
  g_free (db->clinician);
  g_free (db->path);
  g_free (db->uri);
  g_free (db);
}

/* Statements */

/* The name of the statement prepared for @sql on this connection, preparing it. */
static const char *
prepare (CrepitusStoreDb  *db,
         const char       *sql,
         PGresult        **failed)
{
  g_autoptr(PGresult) result = NULL;
  char *name = g_hash_table_lookup (db->statements, sql);

  *failed = NULL;
  if (name != NULL)
    return name;
  name = g_strdup_printf ("crepitus_%u", ++db->n_prepared);
  result = PQprepare (db->conn, name, sql, 0, NULL);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_free (name);
      *failed = g_steal_pointer (&result);
      return NULL;
    }
  g_hash_table_insert (db->statements, (gpointer) sql, name);
  return name;
}

PGresult *
crepitus_pg_exec (CrepitusStoreDb         *db,
                  const char              *sql,
                  const CrepitusPgParams  *params,
                  GError                 **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(PGresult) result = NULL;
      ExecStatusType status;
      const char *name;

      if (!ensure_connection (db, error))
        return NULL;
      name = prepare (db, sql, &result);
      if (name != NULL)
        result = PQexecPrepared (db->conn, name, params != NULL ? (int) params->n : 0,
                                 params != NULL ? params->values : NULL, NULL, NULL, 0);
      status = PQresultStatus (result);
      if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return g_steal_pointer (&result);
      /* Lost between two transactions (the server restarted): once more, connected again. */
      if (connection_failed (db, result) && !db->in_transaction && attempt == 0)
        {
          if (!reconnect (db, error))
            return NULL;
          continue;
        }
      crepitus_pg_set_error (db, result, error);
      return NULL;
    }
}

/* Pipelines: a dump loaded without a round trip for each row. */

/* Statements sent before the answers are read: few enough that the answers never fill the
 * socket while the server waits for them to be read. */
#define PIPELINE_DEPTH 256

/* Reads the answers of every statement sent, up to the synchronisation point; the first
 * failure sets @error. */
static gboolean
pipeline_drain (CrepitusStoreDb  *db,
                GError          **error)
{
  g_autoptr(GError) failure = NULL;

  if (db->n_pending == 0)
    return TRUE;
  if (!PQpipelineSync (db->conn))
    return set_unreachable (db, PQerrorMessage (db->conn), error);
  for (;;)
    {
      g_autoptr(PGresult) result = PQgetResult (db->conn);
      ExecStatusType status;

      if (result == NULL)
        {
          if (PQstatus (db->conn) != CONNECTION_OK)
            return set_unreachable (db, PQerrorMessage (db->conn), error);
          continue;
        }
      status = PQresultStatus (result);
      if (status == PGRES_PIPELINE_SYNC)
        break;
      if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK &&
          status != PGRES_PIPELINE_ABORTED && failure == NULL)
        crepitus_pg_set_error (db, result, &failure);
    }
  db->n_pending = 0;
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }
  return TRUE;
}

gboolean
crepitus_pg_pipeline_begin (CrepitusStoreDb  *db,
                            GError          **error)
{
  g_return_val_if_fail (db->in_transaction && !db->pipeline, FALSE);
  if (!PQenterPipelineMode (db->conn))
    return crepitus_pg_set_error (db, NULL, error);
  db->pipeline = TRUE;
  db->n_pending = 0;
  return TRUE;
}

gboolean
crepitus_pg_pipeline_end (CrepitusStoreDb  *db,
                          GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (db->pipeline, FALSE);
  ok = pipeline_drain (db, error);
  db->pipeline = FALSE;
  if (!PQexitPipelineMode (db->conn) && ok)
    return crepitus_pg_set_error (db, NULL, error);
  return ok;
}

gboolean
crepitus_pg_send (CrepitusStoreDb         *db,
                  const char              *sql,
                  const CrepitusPgParams  *params,
                  GError                 **error)
{
  const char *name;

  if (!db->pipeline)
    {
      g_autoptr(PGresult) result = crepitus_pg_exec (db, sql, params, error);

      return result != NULL;
    }
  name = g_hash_table_lookup (db->statements, sql);
  if (name == NULL)
    {
      char *made = g_strdup_printf ("crepitus_%u", ++db->n_prepared);

      if (!PQsendPrepare (db->conn, made, sql, 0, NULL))
        {
          g_free (made);
          return set_unreachable (db, PQerrorMessage (db->conn), error);
        }
      g_hash_table_insert (db->statements, (gpointer) sql, made);
      name = made;
      db->n_pending++;
    }
  if (!PQsendQueryPrepared (db->conn, name, params != NULL ? (int) params->n : 0,
                            params != NULL ? params->values : NULL, NULL, NULL, 0))
    return set_unreachable (db, PQerrorMessage (db->conn), error);
  return ++db->n_pending < PIPELINE_DEPTH || pipeline_drain (db, error);
}

gboolean
crepitus_pg_exec_simple (CrepitusStoreDb  *db,
                         const char       *sql,
                         GError          **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(PGresult) result = NULL;

      if (!ensure_connection (db, error))
        return FALSE;
      result = PQexec (db->conn, sql);
      if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
        return TRUE;
      if (connection_failed (db, result) && !db->in_transaction && attempt == 0)
        {
          if (!reconnect (db, error))
            return FALSE;
          continue;
        }
      return crepitus_pg_set_error (db, result, error);
    }
}

PGresult *
crepitus_pg_query_simple (CrepitusStoreDb  *db,
                          const char       *sql,
                          GError          **error)
{
  g_autoptr(PGresult) result = NULL;

  if (!ensure_connection (db, error))
    return NULL;
  result = PQexec (db->conn, sql);
  if (PQresultStatus (result) == PGRES_TUPLES_OK || PQresultStatus (result) == PGRES_COMMAND_OK)
    return g_steal_pointer (&result);
  crepitus_pg_set_error (db, result, error);
  return NULL;
}

gboolean
crepitus_pg_query_int (CrepitusStoreDb         *db,
                       const char              *sql,
                       const CrepitusPgParams  *params,
                       gint64                  *value,
                       GError                 **error)
{
  g_autoptr(PGresult) result = crepitus_pg_exec (db, sql, params, error);

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1 || PQnfields (result) != 1 || PQgetisnull (result, 0, 0))
    return crepitus_pg_corrupt (db, _("a count is missing"), error);
  *value = crepitus_pg_int (result, 0, 0);
  return TRUE;
}

const char *
crepitus_pg_text (const PGresult *result,
                  int             row,
                  int             column)
{
  return PQgetisnull (result, row, column) ? NULL : PQgetvalue (result, row, column);
}

gint64
crepitus_pg_int (const PGresult *result,
                 int             row,
                 int             column)
{
  const char *text = PQgetvalue (result, row, column);

  if (PQftype (result, column) == BOOLOID)
    return text[0] == 't';
  return g_ascii_strtoll (text, NULL, 10);
}

gboolean
crepitus_pg_value (CrepitusStoreDb  *db,
                   const PGresult   *result,
                   int               row,
                   int               column,
                   GVariant        **value,
                   GError          **error)
{
  const char *text;

  *value = NULL;
  if (PQgetisnull (result, row, column))
    return TRUE;
  switch (PQftype (result, column))
    {
    case BOOLOID:
    case INT2OID:
    case INT4OID:
    case INT8OID:
      *value = g_variant_ref_sink (g_variant_new_int64 (crepitus_pg_int (result, row, column)));
      return TRUE;
    default:
      text = PQgetvalue (result, row, column);
      if (!g_utf8_validate (text, PQgetlength (result, row, column), NULL))
        return crepitus_pg_corrupt (db, _("a value of the wrong type"), error);
      *value = g_variant_ref_sink (g_variant_new_string (text));
      return TRUE;
    }
}

CrepitusStoreRow *
crepitus_pg_row (CrepitusStoreDb  *db,
                 const PGresult   *result,
                 int               row,
                 CrepitusRecord    record,
                 int               first,
                 GError          **error)
{
  g_autoptr(CrepitusStoreRow) stored = crepitus_store_row_new (record);

  for (guint field = 0; field < stored->n_values; field++)
    if (!crepitus_pg_value (db, result, row, first + field, &stored->values[field], error))
      return NULL;
  stored->id = crepitus_pg_int (result, row, 0);
  return g_steal_pointer (&stored);
}

/* Transactions: each autosaved edit is one. */

gboolean
crepitus_pg_begin (CrepitusStoreDb  *db,
                   GError          **error)
{
  if (db->bulk)
    return crepitus_pg_exec_simple (db, "SAVEPOINT edit", error);
  g_return_val_if_fail (!db->in_transaction, FALSE);
  if (!crepitus_pg_exec_simple (db, "BEGIN", error))
    return FALSE;
  db->in_transaction = TRUE;
  return TRUE;
}

void
crepitus_pg_rollback (CrepitusStoreDb *db)
{
  if (db->pipeline)
    {
      pipeline_drain (db, NULL);
      PQexitPipelineMode (db->conn);
      db->pipeline = FALSE;
    }
  if (db->bulk)
    {
      if (PQstatus (db->conn) == CONNECTION_OK)
        crepitus_pg_exec_simple (db, "ROLLBACK TO edit; RELEASE edit", NULL);
      return;
    }
  if (PQstatus (db->conn) == CONNECTION_OK)
    crepitus_pg_exec_simple (db, "ROLLBACK", NULL);
  db->in_transaction = FALSE;
}

gboolean
crepitus_pg_commit (CrepitusStoreDb  *db,
                    GError          **error)
{
  g_autoptr(PGresult) result = NULL;

  if (db->bulk)
    {
      if (crepitus_pg_exec_simple (db, "RELEASE edit", error))
        return TRUE;
      crepitus_pg_rollback (db);
      return FALSE;
    }
  result = PQexec (db->conn, "COMMIT");
  db->in_transaction = FALSE;
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    return crepitus_pg_set_error (db, result, error);
  /* A transaction that failed earlier ends in a ROLLBACK, which reports success. */
  if (!g_str_equal (PQcmdStatus (result), "COMMIT"))
    {
      g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_FAILED,
                   _("%s: the server rolled the edit back; nothing was stored"), db->path);
      return FALSE;
    }
  return TRUE;
}

/* Notifications: a trigger of each patient and assessment tells the channel "crepitus"
 * "patient ID" or "assessment ID" when its transaction commits. */

static void
crepitus_pg_set_change_func (CrepitusStoreDb         *db,
                             CrepitusStoreChangeFunc  func,
                             gpointer                 data)
{
  db->changed = func;
  db->changed_data = data;
}

static gboolean
crepitus_pg_read_changes (CrepitusStoreDb  *db,
                          GError          **error)
{
  PGnotify *notify;

  if (!ensure_connection (db, error))
    return FALSE;
  if (!PQconsumeInput (db->conn))
    return set_unreachable (db, PQerrorMessage (db->conn), error);
  while ((notify = PQnotifies (db->conn)) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (notify->extra, " ", 2);
      gint64 id;

      /* This connection's own changes are known already. */
      if (notify->be_pid != PQbackendPID (db->conn) && db->changed != NULL &&
          g_strv_length (parts) == 2 &&
          (g_str_equal (parts[0], "patient") || g_str_equal (parts[0], "assessment")) &&
          g_ascii_string_to_signed (parts[1], 10, 1, G_MAXINT64, &id, NULL))
        db->changed (parts[0], id, db->changed_data);
      PQfreemem (notify);
    }
  return TRUE;
}

static int
crepitus_pg_change_fd (CrepitusStoreDb *db)
{
  return PQstatus (db->conn) == CONNECTION_OK ? PQsocket (db->conn) : -1;
}

static char *
crepitus_pg_dup_address (CrepitusStoreDb *db)
{
  return server_address (db->conn);
}

const CrepitusStoreBackend crepitus_store_pg_backend = {
  .name = "postgresql",
  .open = crepitus_pg_open,
  .close = crepitus_pg_close,
  .begin = crepitus_pg_begin,
  .commit = crepitus_pg_commit,
  .rollback = crepitus_pg_rollback,
  .insert_patient = crepitus_pg_insert_patient,
  .update_patient = crepitus_pg_update_patient,
  .load_patient = crepitus_pg_load_patient,
  .list_patients = crepitus_pg_list_patients,
  .find_by_mrn = crepitus_pg_find_by_mrn,
  .find_by_name = crepitus_pg_find_by_name,
  .earliest_date = crepitus_pg_earliest_date,
  .insert_assessment = crepitus_pg_insert_assessment,
  .update_assessment = crepitus_pg_update_assessment,
  .move_assessment = crepitus_pg_move_assessment,
  .save_factor = crepitus_pg_save_factor,
  .load_assessment = crepitus_pg_load_assessment,
  .list_assessments = crepitus_pg_list_assessments,
  .check_integrity = crepitus_pg_check_integrity,
  .count_patients = crepitus_pg_count_patients,
  .search_patients = crepitus_pg_search_patients,
  .find_patient = crepitus_pg_find_patient,
  .set_clinician = crepitus_pg_set_clinician,
  .assessment_state = crepitus_pg_assessment_state,
  .sign_assessment = crepitus_pg_sign_assessment,
  .amend_assessment = crepitus_pg_amend_assessment,
  .mark_entered_in_error = crepitus_pg_mark_entered_in_error,
  .list_audit = crepitus_pg_list_audit,
  .backup = crepitus_pg_backup,
  .restore = crepitus_pg_restore,
  .dump = crepitus_pg_dump,
  .load_dumped_patient = crepitus_pg_load_dumped_patient,
  .load_dumped_assessment = crepitus_pg_load_dumped_assessment,
  .load_dumped_audit = crepitus_pg_load_dumped_audit,
  .finish_load = crepitus_pg_finish_load,
  .set_change_func = crepitus_pg_set_change_func,
  .read_changes = crepitus_pg_read_changes,
  .change_fd = crepitus_pg_change_fd,
  .dup_address = crepitus_pg_dup_address,
};
