/* crepitus-store-sqlite-verify.c — a file's schema held against what the migrations make
 *
 * A database whose triggers were dropped, or a backup whose guards were taken off before a
 * signed assessment was edited, must not be opened or restored as if nothing happened. The
 * expected schema of each version is made once per process in memory by the migrations
 * themselves, so it can never drift from them; the file's tables, columns, indexes and
 * triggers must be the same, to the letter of their SQL.
 */
#define G_LOG_DOMAIN "crepitus-store-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-store-sqlite-private.h"

/* SQLite's own tables (sqlite_sequence, sqlite_stat1, …) are not part of the schema. */
#define SCHEMA_SQL "SELECT type, name, tbl_name, sql FROM sqlite_schema " \
                   "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name"

typedef struct
{
  char *type;
  char *name;
  char *sql;
} SchemaEntry;

static void
schema_entry_free (gpointer data)
{
  SchemaEntry *entry = data;

  g_free (entry->type);
  g_free (entry->name);
  g_free (entry->sql);
  g_free (entry);
}

/* The schema of @db: name → SchemaEntry. */
static GHashTable *
read_schema (CrepitusStoreDb  *db,
             GError          **error)
{
  g_autoptr(GHashTable) schema = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        schema_entry_free);
  sqlite3_stmt *stmt = crepitus_sqlite_prepare (db, SCHEMA_SQL, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      SchemaEntry *entry = g_new0 (SchemaEntry, 1);

      entry->type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->sql = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_hash_table_replace (schema, entry->name, entry);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&schema) : NULL;
}

/* What the migrations up to @version make, made once per version. */
static GHashTable *
expected_schema (guint    version,
                 GError **error)
{
  static GMutex lock;
  static GHashTable *cache;   /* version → schema; kept for the life of the process */
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autoptr(CrepitusStoreDb) memory = NULL;
  GHashTable *schema;

  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  schema = g_hash_table_lookup (cache, GUINT_TO_POINTER (version));
  if (schema != NULL)
    return schema;

  memory = crepitus_sqlite_connect (":memory:", FALSE, TRUE, error);
  if (memory == NULL || !crepitus_sqlite_migrate (memory, 0, version, FALSE, error))
    return NULL;
  schema = read_schema (memory, error);
  if (schema != NULL)
    g_hash_table_insert (cache, GUINT_TO_POINTER (version), schema);
  return schema;
}

static const char *
type_noun (const char *type)
{
  if (g_strcmp0 (type, "table") == 0)
    return _("table");
  if (g_strcmp0 (type, "index") == 0)
    return _("index");
  if (g_strcmp0 (type, "trigger") == 0)
    return _("trigger");
  if (g_strcmp0 (type, "view") == 0)
    return _("view");
  return type;
}

gboolean
crepitus_sqlite_verify_schema (CrepitusStoreDb  *db,
                               guint             version,
                               const char       *where,
                               GError          **error)
{
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) names = NULL;
  g_autofree char *list = NULL;
  GHashTable *expected;
  SchemaEntry *entry;

  expected = expected_schema (version, error);
  actual = read_schema (db, error);
  if (expected == NULL || actual == NULL)
    return FALSE;

  /* In a stable order: what is missing or changed, then what was added. */
  names = g_list_sort (g_hash_table_get_keys (expected), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      SchemaEntry *want = g_hash_table_lookup (expected, l->data);
      SchemaEntry *have = g_hash_table_lookup (actual, l->data);

      if (have == NULL)
        /* Translators: "trigger “assessments_read_only” is missing" */
        g_ptr_array_add (differences, g_strdup_printf (_("%s “%s” is missing"),
                                                       type_noun (want->type), want->name));
      else if (g_strcmp0 (have->type, want->type) != 0 || g_strcmp0 (have->sql, want->sql) != 0)
        g_ptr_array_add (differences, g_strdup_printf (_("%s “%s” was changed"),
                                                       type_noun (want->type), want->name));
    }
  g_clear_pointer (&names, g_list_free);
  names = g_list_sort (g_hash_table_get_keys (actual), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_hash_table_contains (expected, l->data))
      {
        entry = g_hash_table_lookup (actual, l->data);
        g_ptr_array_add (differences, g_strdup_printf (_("%s “%s” was added"),
                                                       type_noun (entry->type), entry->name));
      }

  if (differences->len == 0)
    return TRUE;
  g_ptr_array_add (differences, NULL);
  list = g_strjoinv ("; ", (char **) differences->pdata);
  g_set_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT,
               _("%s: its structure was changed outside Crepitus (%s); it is left as it is — "
                 "restore a backup, or ask whoever changed it"), where, list);
  return FALSE;
}
