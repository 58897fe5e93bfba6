/* crepitus-store-sqlite-search.c — the search keys of patients and the plans that find them */
#define G_LOG_DOMAIN "crepitus-store-sqlite-search"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crepitus-search.h"
#include "crepitus-store-sqlite-private.h"

/* Search keys: the names and MRN folded by crepitus_search_fold, kept with the patient and in
 * the FTS5 table patient_words. */

void
crepitus_sqlite_search_keys_init (CrepitusSqliteSearchKeys *keys,
                                  const char               *family_name,
                                  const char               *given_name,
                                  const char               *mrn)
{
  keys->family = crepitus_search_fold (family_name);
  keys->given = crepitus_search_fold (given_name);
  keys->mrn = crepitus_search_fold (mrn);
}

void
crepitus_sqlite_search_keys_clear (CrepitusSqliteSearchKeys *keys)
{
  g_clear_pointer (&keys->family, g_free);
  g_clear_pointer (&keys->given, g_free);
  g_clear_pointer (&keys->mrn, g_free);
}

/* Writes the words of @keys as row @id of patient_words: the first word of the family name
 * (a range of the list's order) apart from every other word. */
gboolean
crepitus_sqlite_write_words (CrepitusStoreDb                 *db,
                             gint64                           id,
                             const CrepitusSqliteSearchKeys  *keys,
                             gboolean                         replace,
                             GError                         **error)
{
  const char *space = strchr (keys->family, ' ');
  g_autofree char *head = space != NULL ? g_strndup (keys->family, space - keys->family)
                                        : g_strdup (keys->family);
  g_autofree char *rest = g_strjoin (" ", space != NULL ? space + 1 : "", keys->given,
                                     keys->mrn, NULL);
  sqlite3_stmt *stmt;

  if (replace)
    {
      stmt = crepitus_sqlite_prepare (db, "DELETE FROM patient_words WHERE rowid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!crepitus_sqlite_step_done (db, stmt, error))
        return FALSE;
    }

  stmt = crepitus_sqlite_prepare (db, "INSERT INTO patient_words (rowid, head, rest) "
                                      "VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  crepitus_sqlite_bind_text (stmt, 2, head);
  crepitus_sqlite_bind_text (stmt, 3, g_strstrip (rest));
  return crepitus_sqlite_step_done (db, stmt, error);
}

gboolean
crepitus_sqlite_refresh_search_keys (CrepitusStoreDb  *db,
                                     gint64            id,
                                     gboolean          replace,
                                     GError          **error)
{
  g_auto(CrepitusSqliteSearchKeys) keys = { NULL };
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "SELECT family_name, given_name, mrn FROM patients "
                                      "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crepitus_sqlite_step_record (db, stmt, CREPITUS_SQLITE_PATIENT, id, error))
    return FALSE;
  crepitus_sqlite_search_keys_init (&keys, (const char *) sqlite3_column_text (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2));
  crepitus_sqlite_reset (stmt);

  stmt = crepitus_sqlite_prepare (db, "UPDATE patients SET family_key = ?1, given_key = ?2, "
                                      "mrn_key = ?3 WHERE id = ?4", error);
  if (stmt == NULL)
    return FALSE;
  crepitus_sqlite_bind_text (stmt, 1, keys.family);
  crepitus_sqlite_bind_text (stmt, 2, keys.given);
  crepitus_sqlite_bind_text (stmt, 3, keys.mrn);
  sqlite3_bind_int64 (stmt, 4, id);
  return crepitus_sqlite_step_done (db, stmt, error) &&
         crepitus_sqlite_write_words (db, id, &keys, replace, error);
}

gboolean
crepitus_sqlite_fill_search_keys (CrepitusStoreDb  *db,
                                  GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->sqlite, "SELECT id FROM patients ORDER BY id", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return crepitus_sqlite_set_error (db, rc, error);
  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!crepitus_sqlite_refresh_search_keys (db, g_array_index (ids, gint64, i), FALSE, error))
      return FALSE;
  return TRUE;
}

/* crepitus_words_match (TYPED, KEY…): whether each space-separated word of TYPED starts some
 * word of the KEYs. The store registers it on each connection; the schema never uses it. */
static gboolean
words_match (const char         *typed,
             const char * const *keys,
             guint               n_keys)
{
  const char *word = typed;

  while (word != NULL && *word != '\0')
    {
      const char *end = strchr (word, ' ');
      gsize length = end != NULL ? (gsize) (end - word) : strlen (word);
      gboolean found = FALSE;

      for (guint i = 0; i < n_keys && !found; i++)
        for (const char *p = keys[i]; p != NULL && !found; p = strchr (p, ' '))
          {
            if (*p == ' ')
              p++;
            found = strncmp (p, word, length) == 0;
          }
      if (!found)
        return FALSE;
      word = end != NULL ? end + 1 : NULL;
    }
  return TRUE;
}

void
crepitus_sqlite_words_match_function (sqlite3_context  *context,
                                      int               argc,
                                      sqlite3_value   **argv)
{
  const char *keys[3] = { NULL };
  const char *typed = (const char *) sqlite3_value_text (argv[0]);

  g_assert (argc >= 1 && argc <= 1 + (int) G_N_ELEMENTS (keys));
  for (int i = 1; i < argc; i++)
    keys[i - 1] = (const char *) sqlite3_value_text (argv[i]);
  sqlite3_result_int (context, words_match (typed, keys, argc - 1));
}

/* Search (crepitus_store_search_patients): the order of the list is family_key, given_key,
 * birth_date (not recorded first), id, an index of its own. A typed word matches a patient
 * when it starts a word of the keys. Counting uses the FTS5 index; a page comes from the
 * first of three plans that fits:
 *  - a typed word starts few words outside the head (of at most
 *    crepitus_sqlite_search_sort_limit patients): its matches are a range of the order (the
 *    head) plus few others; merge the first rows of the range with the others, sorted;
 *  - few matches in all (each word common, but not together): sort them;
 *  - otherwise every typed word is common outside the head, where it is spread over the
 *    order, and so are their matches: scan the order and stop at the page. */

guint crepitus_sqlite_search_sort_limit = CREPITUS_SQLITE_SEARCH_SORT_LIMIT;   /* tests change it */
#define PATIENT_ORDER "family_key, given_key, birth_date, id"
#define WORDS_MATCH(typed) \
  "crepitus_words_match (" typed ", family_key, given_key, mrn_key)"
/* Sorts before the patient with keys ?1, ?2, birth date ?3 and id ?4. */
#define BEFORE_KEYS \
  "(family_key, given_key) <= (?1, ?2) AND (family_key < ?1 OR given_key < ?2 OR " \
  "ifnull (birth_date, '') < ifnull (?3, '') OR " \
  "(ifnull (birth_date, '') IS ifnull (?3, '') AND id < ?4))"

/* An FTS5 query from folded words: each a quoted prefix, so that what was typed is never
 * query syntax; @column restricts it. */
static char *
fts_query (const char         *column,
           const char * const *words)
{
  GString *query = g_string_new (NULL);

  if (column != NULL)
    g_string_append_printf (query, "%s : ", column);
  for (gsize i = 0; words[i] != NULL; i++)
    {
      g_autofree char *quoted = NULL;
      GString *phrase = g_string_new (words[i]);

      g_string_replace (phrase, "\"", "\"\"", 0);
      quoted = g_string_free (phrase, FALSE);
      g_string_append_printf (query, "%s\"%s\"*", i > 0 ? " " : "", quoted);
    }
  return g_string_free (query, FALSE);
}

/* The first string greater than every string starting with @prefix. */
static char *
prefix_end (const char *prefix)
{
  char *end = g_strdup (prefix);
  gsize length = strlen (end);

  /* The last byte of UTF-8 text is never 0xFF; SQLite compares text byte by byte. */
  g_assert (length > 0);
  end[length - 1]++;
  return end;
}

static gint64
query_count (CrepitusStoreDb  *db,
             sqlite3_stmt     *stmt,
             GError          **error)
{
  int rc = crepitus_sqlite_step_row (db, stmt, error);
  gint64 count = -1;

  if (rc == SQLITE_ROW)
    {
      count = sqlite3_column_int64 (stmt, 0);
      crepitus_sqlite_reset (stmt);
    }
  else if (rc == SQLITE_DONE)
    crepitus_sqlite_set_error (db, rc, error);
  return count;
}

/* Binds the FTS5 query of @words (restricted to @column) to @index of @stmt. */
static void
bind_fts (sqlite3_stmt       *stmt,
          int                 index,
          const char         *column,
          const char * const *words)
{
  sqlite3_bind_text (stmt, index, fts_query (column, words), -1, g_free);
}

gboolean
crepitus_sqlite_count_patients (CrepitusStoreDb     *db,
                                const char * const  *typed,
                                guint               *count,
                                GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 n;

  if (typed[0] == NULL)
    stmt = crepitus_sqlite_prepare (db, "SELECT count(*) FROM patients", error);
  else
    stmt = crepitus_sqlite_prepare (db, "SELECT count(*) FROM patient_words "
                                        "WHERE patient_words MATCH ?1", error);
  if (stmt == NULL)
    return FALSE;
  if (typed[0] != NULL)
    bind_fts (stmt, 1, NULL, typed);
  n = query_count (db, stmt, error);
  if (n < 0)
    return FALSE;
  *count = MIN (n, G_MAXUINT);
  return TRUE;
}

typedef enum
{
  PLAN_SCAN,     /* scan the order */
  PLAN_SORT,     /* sort every match */
  PLAN_MERGE,    /* merge a range of the order with a few others */
} SearchPlan;

/* At most @limit + 1: how many patients the FTS5 query of @words (in @column) matches. */
static gint64
count_up_to (CrepitusStoreDb     *db,
             const char          *column,
             const char * const  *words,
             gint64               limit,
             GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "SELECT count(*) FROM (SELECT 1 FROM patient_words "
                                      "WHERE patient_words MATCH ?1 LIMIT ?2)", error);
  if (stmt == NULL)
    return -1;
  bind_fts (stmt, 1, column, words);
  sqlite3_bind_int64 (stmt, 2, limit + 1);
  return query_count (db, stmt, error);
}

/* The plan for @typed (some words); for PLAN_MERGE, @driver is the typed word that starts a
 * word outside the head of the fewest patients. */
static gboolean
choose_plan (CrepitusStoreDb     *db,
             const char * const  *typed,
             SearchPlan          *plan,
             int                 *driver,
             GError             **error)
{
  gint64 fewest = crepitus_sqlite_search_sort_limit, n;

  *plan = PLAN_SCAN;
  *driver = -1;
  if (crepitus_sqlite_search_sort_limit == 0)
    return TRUE;

  for (int i = 0; typed[i] != NULL; i++)
    {
      const char *word[] = { typed[i], NULL };

      if ((n = count_up_to (db, "rest", word, fewest, error)) < 0)
        return FALSE;
      if (n <= fewest)
        {
          fewest = n;
          *driver = i;
          *plan = PLAN_MERGE;
        }
    }
  if (*plan == PLAN_MERGE)
    return TRUE;

  if ((n = count_up_to (db, NULL, typed, crepitus_sqlite_search_sort_limit, error)) < 0)
    return FALSE;
  if (n <= crepitus_sqlite_search_sort_limit)
    *plan = PLAN_SORT;
  return TRUE;
}

typedef struct
{
  gint64  id;
  char   *family_key;
  char   *given_key;
  char   *birth_date;
} OrderKey;

static void
order_key_clear (gpointer data)
{
  OrderKey *key = data;

  g_free (key->family_key);
  g_free (key->given_key);
  g_free (key->birth_date);
}

/* The order of the patient list, as SQLite sorts it. */
static int
order_key_compare (const OrderKey *a,
                   const OrderKey *b)
{
  int cmp;

  if ((cmp = strcmp (a->family_key, b->family_key)) != 0 ||
      (cmp = strcmp (a->given_key, b->given_key)) != 0)
    return cmp;
  if (a->birth_date == NULL || b->birth_date == NULL)
    cmp = (a->birth_date != NULL) - (b->birth_date != NULL);
  else
    cmp = strcmp (a->birth_date, b->birth_date);
  if (cmp != 0)
    return cmp;
  return (a->id > b->id) - (a->id < b->id);
}

/* The rows of @stmt (id, family_key, given_key, birth_date) as OrderKeys. */
static GArray *
collect_order_keys (CrepitusStoreDb  *db,
                    sqlite3_stmt     *stmt,
                    GError          **error)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (OrderKey));
  int rc;

  g_array_set_clear_func (keys, order_key_clear);
  while ((rc = crepitus_sqlite_step_row (db, stmt, error)) == SQLITE_ROW)
    {
      OrderKey key = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
      };

      if (key.family_key == NULL || key.given_key == NULL)
        {
          order_key_clear (&key);
          crepitus_sqlite_reset (stmt);
          crepitus_sqlite_set_error_code (db->path, SQLITE_CORRUPT, _("a search key is missing"),
                                          error);
          return NULL;
        }
      g_array_append_val (keys, key);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&keys) : NULL;
}

/* The ids at @offset… of the merge of two sorted lists of keys with no patient in common. */
static GArray *
merge_ids (GArray *a,
           GArray *b,
           guint   offset,
           guint   limit)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint i = 0, j = 0, position = 0;

  while ((i < a->len || j < b->len) && ids->len < limit)
    {
      OrderKey *next;

      if (j >= b->len ||
          (i < a->len && order_key_compare (&g_array_index (a, OrderKey, i),
                                            &g_array_index (b, OrderKey, j)) < 0))
        next = &g_array_index (a, OrderKey, i++);
      else
        next = &g_array_index (b, OrderKey, j++);
      if (position++ >= offset)
        g_array_append_val (ids, next->id);
    }
  return ids;
}

/* The first @n matches whose family name starts with @driver, and the first @n others,
 * each in the order of the list. */
static gboolean
driver_matches (CrepitusStoreDb     *db,
                const char * const  *typed,
                const char          *driver,
                gint64               n,
                GArray             **head,
                GArray             **rest,
                GError             **error)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) typed);
  g_autofree char *end = prefix_end (driver);
  const char *word[] = { driver, NULL };
  sqlite3_stmt *stmt;

  stmt = crepitus_sqlite_prepare (db, "SELECT id, family_key, given_key, birth_date FROM patients "
                                      "WHERE family_key >= ?1 AND family_key < ?2 AND "
                                      WORDS_MATCH ("?3") " ORDER BY " PATIENT_ORDER " LIMIT ?4",
                                      error);
  if (stmt == NULL)
    return FALSE;
  crepitus_sqlite_bind_text (stmt, 1, driver);
  crepitus_sqlite_bind_text (stmt, 2, end);
  crepitus_sqlite_bind_text (stmt, 3, joined);
  sqlite3_bind_int64 (stmt, 4, n);
  *head = collect_order_keys (db, stmt, error);
  if (*head == NULL)
    return FALSE;

  stmt = crepitus_sqlite_prepare (db, "SELECT id, family_key, given_key, birth_date FROM patients "
                                      "WHERE id IN (SELECT rowid FROM patient_words "
                                      "WHERE patient_words MATCH ?1) "
                                      "AND NOT (family_key >= ?2 AND family_key < ?3) AND "
                                      WORDS_MATCH ("?4") " ORDER BY " PATIENT_ORDER " LIMIT ?5",
                                      error);
  if (stmt == NULL)
    return FALSE;
  bind_fts (stmt, 1, "rest", word);
  crepitus_sqlite_bind_text (stmt, 2, driver);
  crepitus_sqlite_bind_text (stmt, 3, end);
  crepitus_sqlite_bind_text (stmt, 4, joined);
  sqlite3_bind_int64 (stmt, 5, n);
  *rest = collect_order_keys (db, stmt, error);
  return *rest != NULL;
}

GPtrArray *
crepitus_sqlite_search_patients (CrepitusStoreDb     *db,
                                 const char * const  *typed,
                                 guint                offset,
                                 guint                limit,
                                 GError             **error)
{
  g_autoptr(GPtrArray) patients = g_ptr_array_new_with_free_func ((GDestroyNotify) crepitus_store_row_free);
  g_autofree char *joined = g_strjoinv (" ", (char **) typed);
  SearchPlan plan = PLAN_SCAN;
  sqlite3_stmt *stmt;
  int driver = -1;

  if (typed[0] != NULL && !choose_plan (db, typed, &plan, &driver, error))
    return NULL;

  if (plan == PLAN_MERGE)
    {
      g_autoptr(GArray) head = NULL;
      g_autoptr(GArray) rest = NULL;
      g_autoptr(GArray) ids = NULL;

      if (!driver_matches (db, typed, typed[driver], (gint64) offset + limit, &head, &rest,
                           error))
        return NULL;
      ids = merge_ids (head, rest, offset, limit);
      for (guint i = 0; i < ids->len; i++)
        {
          CrepitusStoreRow *patient;

          patient = crepitus_sqlite_load_patient (db, g_array_index (ids, gint64, i), error);

          if (patient == NULL)
            return NULL;
          g_ptr_array_add (patients, patient);
        }
      return g_steal_pointer (&patients);
    }

  if (plan == PLAN_SORT)
    stmt = crepitus_sqlite_prepare (db, crepitus_sql ("SELECT id, ",
                                                      crepitus_columns (CREPITUS_RECORD_PATIENT),
                                                      " FROM patients WHERE id IN "
                                                      "(SELECT rowid FROM patient_words "
                                                      "WHERE patient_words MATCH ?4) AND "
                                                      WORDS_MATCH ("?1") " ORDER BY "
                                                      PATIENT_ORDER " LIMIT ?2 OFFSET ?3",
                                                      NULL),
                                    error);
  else
    stmt = crepitus_sqlite_prepare (db, crepitus_sql ("SELECT id, ",
                                                      crepitus_columns (CREPITUS_RECORD_PATIENT),
                                                      " FROM patients WHERE ?1 = '' OR "
                                                      WORDS_MATCH ("?1") " ORDER BY "
                                                      PATIENT_ORDER " LIMIT ?2 OFFSET ?3",
                                                      NULL),
                                    error);
  if (stmt == NULL)
    return NULL;
  crepitus_sqlite_bind_text (stmt, 1, joined);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  if (plan == PLAN_SORT)
    bind_fts (stmt, 4, NULL, typed);
  return crepitus_sqlite_patients_from_rows (db, stmt, error);
}

static void
bind_before (sqlite3_stmt   *stmt,
             const OrderKey *key)
{
  crepitus_sqlite_bind_text (stmt, 1, key->family_key);
  crepitus_sqlite_bind_text (stmt, 2, key->given_key);
  crepitus_sqlite_bind_text (stmt, 3, key->birth_date);
  sqlite3_bind_int64 (stmt, 4, key->id);
}

gboolean
crepitus_sqlite_find_patient (CrepitusStoreDb     *db,
                              const char * const  *typed,
                              gint64               id,
                              gboolean            *found,
                              guint               *position,
                              GError             **error)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) typed);
  g_autofree char *mrn_key = NULL;
  OrderKey key = { id, NULL, NULL, NULL };
  const char *keys[3];
  sqlite3_stmt *stmt;
  gint64 before = 0, n;
  SearchPlan plan = PLAN_SCAN;
  int driver = -1;
  gboolean ok = FALSE;
  int rc;

  *found = FALSE;
  stmt = crepitus_sqlite_prepare (db, "SELECT family_key, given_key, birth_date, mrn_key "
                                      "FROM patients WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = crepitus_sqlite_step_row (db, stmt, error);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE;
  key.family_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  key.given_key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  key.birth_date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  mrn_key = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  crepitus_sqlite_reset (stmt);

  keys[0] = key.family_key;
  keys[1] = key.given_key;
  keys[2] = mrn_key;
  if (!words_match (joined, keys, G_N_ELEMENTS (keys)))
    {
      order_key_clear (&key);
      return TRUE;
    }

  if (typed[0] != NULL && !choose_plan (db, typed, &plan, &driver, error))
    goto out;

  if (plan == PLAN_SORT)
    {
      stmt = crepitus_sqlite_prepare (db, "SELECT count(*) FROM patients WHERE " BEFORE_KEYS
                                          " AND id IN (SELECT rowid FROM patient_words "
                                          "WHERE patient_words MATCH ?5) AND " WORDS_MATCH ("?6"),
                                          error);
      if (stmt == NULL)
        goto out;
      bind_before (stmt, &key);
      bind_fts (stmt, 5, NULL, typed);
      crepitus_sqlite_bind_text (stmt, 6, joined);
      if ((before = query_count (db, stmt, error)) < 0)
        goto out;
    }
  else if (plan == PLAN_MERGE)
    {
      g_autofree char *end = prefix_end (typed[driver]);
      const char *word[] = { typed[driver], NULL };

      stmt = crepitus_sqlite_prepare (db, "SELECT count(*) FROM patients WHERE " BEFORE_KEYS
                                          " AND family_key >= ?5 AND family_key < ?6 AND "
                                          WORDS_MATCH ("?7"), error);
      if (stmt == NULL)
        goto out;
      bind_before (stmt, &key);
      crepitus_sqlite_bind_text (stmt, 5, typed[driver]);
      crepitus_sqlite_bind_text (stmt, 6, end);
      crepitus_sqlite_bind_text (stmt, 7, joined);
      if ((n = query_count (db, stmt, error)) < 0)
        goto out;
      before = n;

      stmt = crepitus_sqlite_prepare (db, "SELECT count(*) FROM patients WHERE " BEFORE_KEYS
                                          " AND id IN (SELECT rowid FROM patient_words "
                                          "WHERE patient_words MATCH ?5) AND "
                                          "NOT (family_key >= ?6 AND family_key < ?7) AND "
                                          WORDS_MATCH ("?8"), error);
      if (stmt == NULL)
        goto out;
      bind_before (stmt, &key);
      bind_fts (stmt, 5, "rest", word);
      crepitus_sqlite_bind_text (stmt, 6, typed[driver]);
      crepitus_sqlite_bind_text (stmt, 7, end);
      crepitus_sqlite_bind_text (stmt, 8, joined);
      if ((n = query_count (db, stmt, error)) < 0)
        goto out;
      before += n;
    }
  else
    {
      stmt = crepitus_sqlite_prepare (db, "SELECT count(*) FROM patients WHERE " BEFORE_KEYS
                                          " AND (?5 = '' OR " WORDS_MATCH ("?5") ")", error);
      if (stmt == NULL)
        goto out;
      bind_before (stmt, &key);
      crepitus_sqlite_bind_text (stmt, 5, joined);
      if ((before = query_count (db, stmt, error)) < 0)
        goto out;
    }

  *found = TRUE;
  *position = MIN (before, G_MAXUINT);
  ok = TRUE;

out:
  order_key_clear (&key);
  return ok;
}
