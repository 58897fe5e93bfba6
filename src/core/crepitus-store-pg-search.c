/* crepitus-store-pg-search.c — finding patients as a name is typed, on a PostgreSQL server
 *
 * The same folded keys as SQLite's, computed here in C (crepitus-search.h), since no
 * collation of the server folds ł, ø or ß the way the store does: family_key, given_key and
 * mrn_key of each patient, and the list's order (family_key, given_key, birth date with "not
 * recorded" first, id), all compared byte by byte (COLLATE "C") as SQLite compares them.
 *
 * The index. A typed word matches a patient when it starts a word of the keys. Every patient
 * has a row in patient_search for each distinct beginning, of one, two or three characters,
 * of each word of its keys (its "terms": "muller" gives m, mu, mul), carrying the patient's
 * place in the list's order and, for checking the other typed words, all its words. One
 * B-tree, (term, family_key, given_key, birth_key, patient_id) INCLUDE (words), then answers
 * every keystroke from the index alone, in the list's order: the rows of one term are read in
 * order and stop at the page; a count reads the rows of one term (from a narrower index of
 * (term, patient_id) when no other word is to be checked). The driving term is the
 * longest typed (three characters at most; a longer word is its first three, then checked
 * whole), so a count reads at most the patients sharing the first letter of a word; every
 * other typed word is checked on the same index row (strpos on words).
 *
 * Why not pg_trgm (which Debian's postgresql-contrib has): trigram indexes find substrings
 * without order, so each keystroke would have to fetch and sort every match (tens of
 * thousands for a first letter) to show the first page, and one or two typed letters give no
 * trigram at all. A text_pattern_ops index on the keys alone finds the first word of a name
 * but not the others (a given name, the second word of a double family name, the MRN).
 * The price of this one is its size, about a dozen rows a patient, and a few rows rewritten
 * when a name, MRN or birth date changes.
 */
#define G_LOG_DOMAIN "crepitus-store-pg-search"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "crepitus-search.h"
#include "crepitus-store-pg-private.h"

/* The longest term, in characters. */
#define TERM_LENGTH 3

#define PATIENT_ORDER "family_key, given_key, coalesce (birth_date, ''), id"
#define TERM_ORDER "family_key, given_key, birth_key, patient_id"

/* Search keys and terms */

/* Adds the terms of @key (folded words separated by spaces) to @terms. */
static void
add_terms (GHashTable *terms,
           const char *key)
{
  g_auto(GStrv) words = g_strsplit (key, " ", -1);

  for (gsize i = 0; words[i] != NULL; i++)
    {
      const char *end = words[i];

      for (guint n = 0; n < TERM_LENGTH && *end != '\0'; n++)
        {
          end = g_utf8_next_char (end);
          g_hash_table_add (terms, g_strndup (words[i], end - words[i]));
        }
    }
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The terms of a patient with these keys, sorted byte by byte, each once. */
static GPtrArray *
patient_terms (const char *family_key,
               const char *given_key,
               const char *mrn_key)
{
  g_autoptr(GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer term;

  add_terms (terms, family_key);
  add_terms (terms, given_key);
  add_terms (terms, mrn_key);
  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, &term, NULL))
    {
      g_ptr_array_add (sorted, term);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (sorted, compare_terms);
  return sorted;
}

gboolean
crepitus_pg_write_search_keys (CrepitusStoreDb  *db,
                               gint64            id,
                               const char       *family_name,
                               const char       *given_name,
                               const char       *mrn,
                               const char       *birth_date,
                               gboolean          replace,
                               GError          **error)
{
  g_autofree char *family = crepitus_search_fold (family_name);
  g_autofree char *given = crepitus_search_fold (given_name);
  g_autofree char *mrn_key = crepitus_search_fold (mrn);
  g_autofree char *words = g_strjoin (" ", "", family, given, mrn_key, NULL);
  g_autoptr(GPtrArray) terms = patient_terms (family, given, mrn_key);
  g_autofree char *joined = NULL;
  g_auto(CrepitusPgParams) params = { 0 };

  /* A new patient is inserted with its keys; a changed one has them written, and its terms
   * replaced. */
  if (replace)
    {
      g_auto(CrepitusPgParams) patient = { 0 };

      crepitus_pg_add_int (&params, id);
      crepitus_pg_add_text (&params, family);
      crepitus_pg_add_text (&params, given);
      crepitus_pg_add_text (&params, mrn_key);
      crepitus_pg_add_int (&patient, id);
      if (!crepitus_pg_send (db, "UPDATE patients SET family_key = $2, given_key = $3, "
                                 "mrn_key = $4 WHERE id = $1", &params, error) ||
          !crepitus_pg_send (db, "DELETE FROM patient_search WHERE patient_id = $1", &patient,
                             error))
        return FALSE;
    }
  if (terms->len == 0)
    return TRUE;

  /* Terms hold letters and digits only: one parameter, split on the server. */
  g_ptr_array_add (terms, NULL);
  joined = g_strjoinv (" ", (char **) terms->pdata);
  crepitus_pg_params_clear (&params);
  crepitus_pg_add_text (&params, joined);
  crepitus_pg_add_text (&params, family);
  crepitus_pg_add_text (&params, given);
  crepitus_pg_add_text (&params, birth_date != NULL ? birth_date : "");
  crepitus_pg_add_int (&params, id);
  crepitus_pg_add_text (&params, words);
  return crepitus_pg_send (db, "INSERT INTO patient_search (term, family_key, given_key, "
                               "birth_key, patient_id, words) "
                               "SELECT term, $2, $3, $4, $5, $6 "
                               "FROM string_to_table ($1, ' ') AS term", &params, error);
}

void
crepitus_pg_add_patient_keys (CrepitusPgParams  *params,
                              GVariant * const  *patient)
{
  static const CrepitusStorePatientField fields[] = {
    CREPITUS_STORE_PATIENT_FAMILY_NAME,
    CREPITUS_STORE_PATIENT_GIVEN_NAME,
    CREPITUS_STORE_PATIENT_MRN,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GVariant *value = patient[fields[i]];
      const char *text = value != NULL ? g_variant_get_string (value, NULL) : NULL;
      g_autofree char *key = crepitus_search_fold (text);

      crepitus_pg_add_text (params, key);
    }
}

gboolean
crepitus_pg_refresh_search_keys (CrepitusStoreDb  *db,
                                 gint64            id,
                                 GError          **error)
{
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  crepitus_pg_add_int (&params, id);
  result = crepitus_pg_exec (db, "SELECT family_name, given_name, mrn, birth_date FROM patients "
                                 "WHERE id = $1", &params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return crepitus_pg_not_found (db, TRUE, id, error);
  return crepitus_pg_write_search_keys (db, id, crepitus_pg_text (result, 0, 0),
                                        crepitus_pg_text (result, 0, 1),
                                        crepitus_pg_text (result, 0, 2),
                                        crepitus_pg_text (result, 0, 3), TRUE, error);
}

gboolean
crepitus_pg_fill_search_keys (CrepitusStoreDb  *db,
                              GError          **error)
{
  g_autoptr(PGresult) result = NULL;

  result = crepitus_pg_exec (db, "SELECT id, family_name, given_name, mrn, birth_date "
                                 "FROM patients ORDER BY id", NULL, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    if (!crepitus_pg_write_search_keys (db, crepitus_pg_int (result, i, 0),
                                        crepitus_pg_text (result, i, 1),
                                        crepitus_pg_text (result, i, 2),
                                        crepitus_pg_text (result, i, 3),
                                        crepitus_pg_text (result, i, 4), TRUE, error))
      return FALSE;
  return TRUE;
}

gboolean
crepitus_pg_check_search_keys (CrepitusStoreDb  *db,
                               GError          **error)
{
  g_autoptr(PGresult) result = NULL;

  result = crepitus_pg_exec (db, "SELECT p.id, family_name, given_name, mrn, family_key, "
                                 "given_key, mrn_key, coalesce (birth_date, ''), "
                                 "(SELECT string_agg (term || '/' || birth_key || '/' || "
                                 "family_key || '/' || given_key || '/' || words, '|' "
                                 "ORDER BY term) FROM patient_search s "
                                 "WHERE s.patient_id = p.id) FROM patients p ORDER BY p.id",
                             NULL, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    {
      g_autofree char *family = crepitus_search_fold (crepitus_pg_text (result, i, 1));
      g_autofree char *given = crepitus_search_fold (crepitus_pg_text (result, i, 2));
      g_autofree char *mrn = crepitus_search_fold (crepitus_pg_text (result, i, 3));
      g_autofree char *words = g_strjoin (" ", "", family, given, mrn, NULL);
      g_autoptr(GPtrArray) terms = patient_terms (family, given, mrn);
      g_autoptr(GString) expected = g_string_new (NULL);
      const char *stored = crepitus_pg_text (result, i, 8);

      for (guint t = 0; t < terms->len; t++)
        g_string_append_printf (expected, "%s%s/%s/%s/%s/%s", t > 0 ? "|" : "",
                                (char *) terms->pdata[t], crepitus_pg_text (result, i, 7),
                                family, given, words);
      if (g_strcmp0 (family, crepitus_pg_text (result, i, 4)) != 0 ||
          g_strcmp0 (given, crepitus_pg_text (result, i, 5)) != 0 ||
          g_strcmp0 (mrn, crepitus_pg_text (result, i, 6)) != 0 ||
          g_strcmp0 (expected->str, stored != NULL ? stored : "") != 0)
        {
          g_autofree char *detail = NULL;

          detail = g_strdup_printf (_("the search keys of patient %" PRId64 " do not "
                                      "match its names"), crepitus_pg_int (result, i, 0));

          return crepitus_pg_corrupt (db, detail, error);
        }
    }
  return TRUE;
}

/* Search */

/* The term of a typed word: its first TERM_LENGTH characters. */
static char *
term_of (const char *word)
{
  const char *end = word;

  for (guint n = 0; n < TERM_LENGTH && *end != '\0'; n++)
    end = g_utf8_next_char (end);
  return g_strndup (word, end - word);
}

static gboolean
all_digits (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* The typed word whose term has the fewest rows, as far as can be told without asking: the
 * longest term, and of those one with a letter (every patient has an MRN of digits). */
static guint
choose_driver (const char * const *typed)
{
  guint best = 0;
  glong best_length = -1;
  gboolean best_letters = FALSE;

  for (guint i = 0; typed[i] != NULL; i++)
    {
      glong length = MIN (g_utf8_strlen (typed[i], -1), TERM_LENGTH);
      gboolean letters = !all_digits (typed[i]);

      if (length > best_length || (length == best_length && letters && !best_letters))
        {
          best = i;
          best_length = length;
          best_letters = letters;
        }
    }
  return best;
}

/* The WHERE clause of a search for @typed (some words), its parameters from $@first: the
 * driving term, then " word" for every word the term alone does not check. */
static char *
search_where (const char * const  *typed,
              guint                first,
              CrepitusPgParams    *params)
{
  guint driver = choose_driver (typed);
  g_autofree char *term = term_of (typed[driver]);
  GString *where = g_string_new (NULL);

  g_string_printf (where, "term = $%u", first + params->n);
  crepitus_pg_add_text (params, term);
  for (guint i = 0; typed[i] != NULL; i++)
    if (i != driver || !g_str_equal (term, typed[i]))
      {
        g_autofree char *word = g_strconcat (" ", typed[i], NULL);

        g_string_append_printf (where, " AND strpos (words, $%u) > 0", first + params->n);
        crepitus_pg_add_text (params, word);
      }
  return g_string_free (where, FALSE);
}

gboolean
crepitus_pg_count_patients (CrepitusStoreDb     *db,
                            const char * const  *typed,
                            guint               *count,
                            GError             **error)
{
  g_auto(CrepitusPgParams) params = { 0 };
  g_autofree char *where = NULL;
  gint64 n;

  if (typed[0] == NULL)
    {
      if (!crepitus_pg_query_int (db, "SELECT count(*) FROM patients", NULL, &n, error))
        return FALSE;
    }
  else
    {
      where = search_where (typed, 1, &params);
      if (!crepitus_pg_query_int (db, crepitus_sql ("SELECT count(*) FROM patient_search WHERE ",
                                                    where, NULL),
                                  &params, &n, error))
        return FALSE;
    }
  *count = MIN (n, G_MAXUINT);
  return TRUE;
}

GPtrArray *
crepitus_pg_search_patients (CrepitusStoreDb     *db,
                             const char * const  *typed,
                             guint                offset,
                             guint                limit,
                             GError             **error)
{
  g_autoptr(GPtrArray) patients = NULL;
  const char *columns = crepitus_columns (CREPITUS_RECORD_PATIENT);
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  g_autofree char *where = NULL;

  crepitus_pg_add_int (&params, limit);
  crepitus_pg_add_int (&params, offset);
  if (typed[0] == NULL)
    result = crepitus_pg_exec (db, crepitus_sql ("SELECT id, ", columns, " FROM patients "
                                                 "ORDER BY " PATIENT_ORDER
                                                 " LIMIT $1 OFFSET $2", NULL),
                               &params, error);
  else
    {
      where = search_where (typed, 1, &params);
      result = crepitus_pg_exec (db, crepitus_sql ("SELECT p.id, ", columns, " FROM "
                                                   "(SELECT " TERM_ORDER " FROM patient_search "
                                                   "WHERE ", where, " ORDER BY " TERM_ORDER
                                                   " LIMIT $1 OFFSET $2) s "
                                                   "JOIN patients p ON p.id = s.patient_id "
                                                   "ORDER BY s.family_key, s.given_key, "
                                                   "s.birth_key, s.patient_id", NULL),
                                 &params, error);
    }
  if (result == NULL)
    return NULL;
  patients = g_ptr_array_new_with_free_func ((GDestroyNotify) crepitus_store_row_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      CrepitusStoreRow *row = crepitus_pg_row (db, result, i, CREPITUS_RECORD_PATIENT, 1, error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (patients, row);
    }
  return g_steal_pointer (&patients);
}

/* Whether each word of @typed starts some word of @keys. */
static gboolean
words_match (const char * const *typed,
             const char         *keys)
{
  for (guint i = 0; typed[i] != NULL; i++)
    {
      g_autofree char *word = g_strconcat (" ", typed[i], NULL);

      if (strstr (keys, word) == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
crepitus_pg_find_patient (CrepitusStoreDb     *db,
                          const char * const  *typed,
                          gint64               id,
                          gboolean            *found,
                          guint               *position,
                          GError             **error)
{
  g_auto(CrepitusPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *where = NULL;
  gint64 before;

  *found = FALSE;
  crepitus_pg_add_int (&params, id);
  result = crepitus_pg_exec (db, "SELECT family_key, given_key, coalesce (birth_date, ''), "
                                 "mrn_key FROM patients WHERE id = $1", &params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return TRUE;
  keys = g_strjoin (" ", "", crepitus_pg_text (result, 0, 0), crepitus_pg_text (result, 0, 1),
                    crepitus_pg_text (result, 0, 3), NULL);
  if (!words_match (typed, keys))
    return TRUE;

  crepitus_pg_params_clear (&params);
  crepitus_pg_add_text (&params, crepitus_pg_text (result, 0, 0));
  crepitus_pg_add_text (&params, crepitus_pg_text (result, 0, 1));
  crepitus_pg_add_text (&params, crepitus_pg_text (result, 0, 2));
  crepitus_pg_add_int (&params, id);
  if (typed[0] == NULL)
    {
      if (!crepitus_pg_query_int (db, "SELECT count(*) FROM patients WHERE (" PATIENT_ORDER
                                      ") < ($1, $2, $3, $4)", &params, &before, error))
        return FALSE;
    }
  else
    {
      where = search_where (typed, 1, &params);
      if (!crepitus_pg_query_int (db, crepitus_sql ("SELECT count(*) FROM patient_search WHERE ",
                                                    where, " AND (" TERM_ORDER
                                                    ") < ($1, $2, $3, $4)", NULL),
                                  &params, &before, error))
        return FALSE;
    }
  *found = TRUE;
  *position = MIN (before, G_MAXUINT);
  return TRUE;
}
