/* test-store-search.c — patient search through the store: folding, typed syntax, order,
 * paging, and keys kept up to date by autosave, import and migration; on SQLite (with each of
 * its plans), or on PostgreSQL with CREPITUS_TEST_BACKEND=postgresql */
#include "config.h"

#include "crepitus-search.h"
#include "crepitus-test-store.h"

typedef struct
{
  char          *tmpdir;
  char          *path;
  CrepitusStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = crepitus_test_new_location (&fixture->tmpdir);
  fixture->store = crepitus_test_open_store (fixture->path);
  /* data: the plan every page uses (see crepitus-store-sqlite.c, Search). */
  crepitus_store_testing_set_search_sort_limit (GPOINTER_TO_UINT (data));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crepitus_store_testing_set_search_sort_limit (G_MAXUINT);
  g_clear_object (&fixture->store);
  crepitus_test_remove_location (fixture->path, fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->tmpdir);
}

#define SORTING  GUINT_TO_POINTER (G_MAXUINT)   /* the default */
#define SCANNING GUINT_TO_POINTER (0)           /* never sorts */
#define MIXED    GUINT_TO_POINTER (20)          /* sorts a few, scans for the others */

static void
add_patient (Fixture    *fixture,
             const char *family,
             const char *given,
             const char *birth_date,
             const char *mrn)
{
  g_object_unref (crepitus_test_add_patient (fixture->store, family, given, birth_date, mrn));
}

/* The family names (and given names) of the patients matching @query, in order. */
static char *
search_names (Fixture    *fixture,
              const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  GString *names = g_string_new (NULL);
  guint count = 0;

  patients = crepitus_store_search_patients (fixture->store, query, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_true (crepitus_store_count_patients (fixture->store, query, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, patients->len);

  for (guint i = 0; i < patients->len; i++)
    {
      CrepitusPatient *patient = patients->pdata[i];
      const char *given = crepitus_patient_get_given_name (patient);
      guint position = G_MAXUINT;

      g_string_append_printf (names, "%s%s%s%s", i > 0 ? "|" : "",
                              crepitus_patient_get_family_name (patient),
                              given != NULL ? " " : "", given != NULL ? given : "");
      g_assert_true (crepitus_store_find_patient (fixture->store, query,
                                                  crepitus_patient_get_id (patient), &position,
                                                  &error));
      g_assert_no_error (error);
      g_assert_cmpuint (position, ==, i);
    }
  return g_string_free (names, FALSE);
}

static void
assert_search (Fixture    *fixture,
               const char *query,
               const char *expected)
{
  g_autofree char *names = search_names (fixture, query);

  if (g_strcmp0 (names, expected) != 0)
    g_error ("search “%s”: got “%s”, expected “%s”", query, names, expected);
}

static void
add_folding_patients (Fixture *fixture)
{
  add_patient (fixture, "Müller", "Hans", "1960-01-01", "M-1");
  add_patient (fixture, "Nowak", "Łukasz", "1970-01-01", "N-2");
  add_patient (fixture, "Øster", "Ida", "1980-01-01", "O-3");
  add_patient (fixture, "Đorđević", "Dragan", "1975-01-01", "D-4");
  add_patient (fixture, "Straße", "Uwe", "1965-01-01", "S-5");
  add_patient (fixture, "Ærø", "Freja", "1990-01-01", "E-6");
  add_patient (fixture, "Cœur", "Léa", "1985-01-01", "C-7");
  add_patient (fixture, "Smith", "John", "1950-01-01", "X-8");
}

/* Case and accents, including letters with no decomposition, and their upper case. */
static void
test_folding (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct { const char *query; const char *expected; } cases[] = {
    { "mul", "Müller Hans" }, { "MUL", "Müller Hans" }, { "Müller", "Müller Hans" },
    { "MÜLLER", "Müller Hans" },
    { "lukasz", "Nowak Łukasz" }, { "ŁUKASZ", "Nowak Łukasz" }, { "łuk", "Nowak Łukasz" },
    { "oster", "Øster Ida" }, { "ØSTER", "Øster Ida" }, { "øst", "Øster Ida" },
    { "dordevic", "Đorđević Dragan" }, { "ĐORĐ", "Đorđević Dragan" },
    { "strasse", "Straße Uwe" }, { "STRASSE", "Straße Uwe" }, { "straß", "Straße Uwe" },
    { "STRAẞE", "Straße Uwe" },
    { "aero", "Ærø Freja" }, { "ÆRØ", "Ærø Freja" }, { "ær", "Ærø Freja" },
    { "coeur", "Cœur Léa" }, { "CŒUR", "Cœur Léa" }, { "lea", "Cœur Léa" },
    { "LÉA", "Cœur Léa" },
    { "nobody", "" },
  };

  add_folding_patients (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_search (fixture, cases[i].query, cases[i].expected);
}

/* Every typed word must start a word of the names or the MRN. */
static void
test_words_and_mrn (Fixture       *fixture,
                    gconstpointer  data)
{
  add_patient (fixture, "García", "Lucía", "1984-03-12", "A-1001");
  add_patient (fixture, "García", "Pedro", "1990-05-06", "B-1002");
  add_patient (fixture, "Lucas", "Smith", "1970-01-01", "C-2001");
  add_patient (fixture, "García-López", "María José", NULL, "D-1001");

  assert_search (fixture, "garcia luc", "García Lucía");
  assert_search (fixture, "luc garcia", "García Lucía");
  assert_search (fixture, "GARCÍA", "García Lucía|García Pedro|García-López María José");
  assert_search (fixture, "lopez", "García-López María José");
  assert_search (fixture, "maria garcia", "García-López María José");
  assert_search (fixture, "luc", "García Lucía|Lucas Smith");
  /* The MRN is folded like a name: A-1001 is the words "a" and "1001". */
  assert_search (fixture, "A-1001", "García Lucía");
  assert_search (fixture, "a-1001", "García Lucía");
  assert_search (fixture, "1001", "García Lucía|García-López María José");
  assert_search (fixture, "b 1002", "García Pedro");
  assert_search (fixture, "100", "García Lucía|García Pedro|García-López María José");
  assert_search (fixture, "garcia garcia", "García Lucía|García Pedro|García-López María José");
  assert_search (fixture, "garcia nobody", "");
}

/* What is typed is never query syntax: FTS5 operators, quotes and stars are only text. */
static void
test_typed_syntax (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct { const char *query; const char *expected; } cases[] = {
    { "\"", "Müller Hans|Near Nora|Or Otto|Orwell Anne" },
    { "*", "Müller Hans|Near Nora|Or Otto|Orwell Anne" },
    { "-", "Müller Hans|Near Nora|Or Otto|Orwell Anne" },
    { "^", "Müller Hans|Near Nora|Or Otto|Orwell Anne" },
    { "()", "Müller Hans|Near Nora|Or Otto|Orwell Anne" },
    { "mul*", "Müller Hans" },
    { "\"mul", "Müller Hans" },
    { "mul\"", "Müller Hans" },
    { "-mul", "Müller Hans" },
    { "^mul", "Müller Hans" },
    { "OR", "Or Otto|Orwell Anne" },
    { "mul OR hans", "" },
    { "NEAR(", "Near Nora" },
    { "NEAR(mul hans)", "" },
    { "AND", "" },
    { "NOT mul", "" },
    { "family_key:mul", "" },
    { "head:mul", "" },
    { "{head rest}: mul", "" },
    { "mul +", "Müller Hans" },
    { "hans:", "Müller Hans" },
  };

  add_patient (fixture, "Müller", "Hans", NULL, NULL);
  add_patient (fixture, "Or", "Otto", NULL, NULL);
  add_patient (fixture, "Orwell", "Anne", NULL, NULL);
  add_patient (fixture, "Near", "Nora", NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_search (fixture, cases[i].query, cases[i].expected);
}

/* Family name, given name, birth date (not recorded first), then id; folded, so that an
 * accent does not move a name to the end of the list. */
static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CrepitusPatient) first = NULL;
  g_autoptr(CrepitusPatient) second = NULL;
  g_autoptr(GError) error = NULL;
  guint position = 0;

  add_patient (fixture, "Zimmer", "Anna", NULL, NULL);
  add_patient (fixture, "Muller", "Bernd", "1970-01-01", NULL);
  add_patient (fixture, "Müller", "Anna", "1990-01-01", NULL);
  add_patient (fixture, "Müller", "Anna", "1980-01-01", NULL);
  add_patient (fixture, "Müller", "Anna", NULL, NULL);
  add_patient (fixture, "Øster", "Ida", NULL, NULL);
  add_patient (fixture, "Oster", "Carl", NULL, NULL);
  add_patient (fixture, "Ángel", NULL, NULL, NULL);
  add_patient (fixture, "Abbott", "Zoe", NULL, NULL);
  first = crepitus_test_add_patient (fixture->store, "Twin", "Same", "2000-01-01", NULL);
  second = crepitus_test_add_patient (fixture->store, "Twin", "Same", "2000-01-01", NULL);

  assert_search (fixture, "",
                 "Abbott Zoe|Ángel|Müller Anna|Müller Anna|Müller Anna|Muller Bernd|"
                 "Oster Carl|Øster Ida|Twin Same|Twin Same|Zimmer Anna");
  assert_search (fixture, "anna", "Müller Anna|Müller Anna|Müller Anna|Zimmer Anna");
  assert_search (fixture, "mul", "Müller Anna|Müller Anna|Müller Anna|Muller Bernd");

  /* The birth dates within one name, then the ids. */
  {
    g_autoptr(GPtrArray) page = crepitus_store_search_patients (fixture->store, "müller anna",
                                                                0, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 3);
    g_assert_null (crepitus_patient_get_birth_date (page->pdata[0]));
    g_assert_cmpstr (crepitus_patient_get_birth_date (page->pdata[1]), ==, "1980-01-01");
    g_assert_cmpstr (crepitus_patient_get_birth_date (page->pdata[2]), ==, "1990-01-01");
  }
  g_assert_true (crepitus_store_find_patient (fixture->store, "twin",
                                              crepitus_patient_get_id (first), &position, &error));
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (crepitus_store_find_patient (fixture->store, "twin",
                                              crepitus_patient_get_id (second), &position, &error));
  g_assert_cmpuint (position, ==, 1);

  /* A patient that does not match, or does not exist, is not found; that is no error. */
  g_assert_false (crepitus_store_find_patient (fixture->store, "zimmer",
                                               crepitus_patient_get_id (first), &position,
                                               &error));
  g_assert_no_error (error);
  g_assert_false (crepitus_store_find_patient (fixture->store, "", 424242, &position, &error));
  g_assert_no_error (error);
}

/* The store's answer, checked against a plain reading of the rules over every patient. */

typedef struct
{
  gint64  id;
  char   *family;
  char   *given;
  char   *birth_date;
  char  **words;
} Expected;

static void
expected_free (gpointer data)
{
  Expected *e = data;

  g_free (e->family);
  g_free (e->given);
  g_free (e->birth_date);
  g_strfreev (e->words);
  g_free (e);
}

static int
expected_compare (gconstpointer a,
                  gconstpointer b)
{
  const Expected *x = *(const Expected **) a, *y = *(const Expected **) b;
  int cmp;

  if ((cmp = strcmp (x->family, y->family)) != 0 || (cmp = strcmp (x->given, y->given)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (x->birth_date, y->birth_date)) != 0)
    return cmp;
  return (x->id > y->id) - (x->id < y->id);
}

static gboolean
expected_matches (const Expected *e,
                  const char     *query)
{
  g_auto(GStrv) typed = crepitus_search_words (query);

  for (gsize i = 0; typed[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (gsize j = 0; e->words[j] != NULL && !found; j++)
        found = g_str_has_prefix (e->words[j], typed[i]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static void
test_paging (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const families[] = {
    "Müller", "Muller", "Møller", "Łukaszewicz", "García", "Garcia-Lopez", "Østergaard",
    "Nguyễn", "Smith", "Straße", "Ærenlund", "Zając", "Dubois", "O'Brien",
  };
  static const char * const givens[] = {
    "Anna", "Łukasz", "Lucía", "Søren", "Hans Peter", NULL, "Zoé", "Marta",
  };
  static const char * const queries[] = {
    "", "m", "mu", "mul", "mo", "l", "lu", "luk", "g", "garcia", "garcia l", "o", "os",
    "oster", "s", "anna", "a", "hans p", "z", "1", "12", "x-12", "nobody", "m a", "zoe 1",
    "anna 2",
  };
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (expected_free);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (crepitus_store_testing_begin_bulk (fixture->store, &error));
  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    for (guint g = 0; g < G_N_ELEMENTS (givens); g++)
      for (guint k = 0; k < 3; k++, n++)
        {
          g_autofree char *birth = k == 0 ? NULL : g_strdup_printf ("19%02u-0%u-1%u", n % 90, k,
                                                                    n % 10);
          g_autofree char *mrn = n % 4 == 0 ? NULL : g_strdup_printf ("X-%u", n);
          g_autoptr(CrepitusPatient) patient = NULL;
          g_autofree char *text = NULL;
          Expected *e = g_new0 (Expected, 1);

          patient = crepitus_test_add_patient (fixture->store, families[f], givens[g], birth, mrn);
          e->id = crepitus_patient_get_id (patient);
          e->family = crepitus_search_fold (families[f]);
          e->given = crepitus_search_fold (givens[g]);
          e->birth_date = g_strdup (birth);
          text = g_strjoin (" ", families[f], givens[g] != NULL ? givens[g] : "",
                            mrn != NULL ? mrn : "", NULL);
          e->words = crepitus_search_words (text);
          g_ptr_array_add (expected, e);
        }
  g_assert_true (crepitus_store_testing_end_bulk (fixture->store, &error));
  g_ptr_array_sort (expected, expected_compare);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) matches = g_ptr_array_new ();
      guint count = 0;

      for (guint i = 0; i < expected->len; i++)
        if (expected_matches (expected->pdata[i], queries[q]))
          g_ptr_array_add (matches, expected->pdata[i]);

      g_test_message ("query “%s”: %u matches", queries[q], matches->len);
      g_assert_true (crepitus_store_count_patients (fixture->store, queries[q], &count, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count, ==, matches->len);

      /* Pages of several sizes, from several offsets, past the end too. */
      for (guint size = 1; size <= 64; size *= 4)
        for (guint offset = 0; offset <= matches->len + size; offset += size * 3 + 1)
          {
            g_autoptr(GPtrArray) page = crepitus_store_search_patients (fixture->store, queries[q],
                                                                        offset, size, &error);

            g_assert_no_error (error);
            g_assert_cmpuint (page->len, ==, MIN (size, matches->len - MIN (offset, matches->len)));
            for (guint i = 0; i < page->len; i++)
              g_assert_cmpint (crepitus_patient_get_id (page->pdata[i]), ==,
                               ((Expected *) matches->pdata[offset + i])->id);
          }

      for (guint i = 0; i < matches->len; i += 7)
        {
          guint position = G_MAXUINT;

          g_assert_true (crepitus_store_find_patient (fixture->store, queries[q],
                                                      ((Expected *) matches->pdata[i])->id,
                                                      &position, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (position, ==, i);
        }
    }
}

/* Keys follow the names: autosave, import. */
static void
test_keys_follow_edits (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(GError) error = NULL;
  const char *document =
    "{\"format\": \"crepitus-assessment\", \"version\": 1,"
    " \"patient\": {\"mrn\": \"Q-77\", \"family_name\": \"Łęcki\", \"given_name\": \"Œdipe\"},"
    " \"assessment\": {\"date\": \"2026-03-03\"}}";

  patient = crepitus_test_add_patient (fixture->store, "Smith", "John", NULL, "K-1");
  crepitus_store_watch_patient (fixture->store, patient);
  assert_search (fixture, "smith", "Smith John");

  crepitus_patient_set_family_name (patient, "Øberg");
  assert_search (fixture, "smith", "");
  assert_search (fixture, "OBER", "Øberg John");
  crepitus_patient_set_given_name (patient, "Jürgen");
  assert_search (fixture, "john", "");
  assert_search (fixture, "jur ober", "Øberg Jürgen");
  crepitus_patient_set_mrn (patient, "Z-9");
  assert_search (fixture, "k-1", "");
  assert_search (fixture, "z-9", "Øberg Jürgen");
  crepitus_patient_set_given_name (patient, NULL);
  assert_search (fixture, "jur", "");
  assert_search (fixture, "ober", "Øberg");

  g_assert_cmpint (crepitus_store_import_json (fixture->store, document, strlen (document),
                                               &error), >, 0);
  g_assert_no_error (error);
  assert_search (fixture, "lecki", "Łęcki Œdipe");
  assert_search (fixture, "oed q-77", "Łęcki Œdipe");
  assert_search (fixture, "", "Łęcki Œdipe|Øberg");

  g_assert_true (crepitus_store_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

/* Migration 2 folds the names of the patients stored before it. */
static void
test_migration_fills_keys (void)
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = crepitus_test_new_location (&tmpdir);
  g_autoptr(CrepitusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Fixture fixture = { tmpdir, path, NULL };

  g_assert_true (crepitus_store_testing_create_at (path, 1, &error));
  g_assert_no_error (error);
  store = crepitus_test_open_store (path);
  fixture.store = store;

  assert_search (&fixture, "", "Sample-v1 Ada");
  assert_search (&fixture, "sample", "Sample-v1 Ada");
  assert_search (&fixture, "SAMPLE V1 ADA", "Sample-v1 Ada");
  assert_search (&fixture, "s-1", "Sample-v1 Ada");
  assert_search (&fixture, "v2", "");
  g_assert_true (crepitus_store_check_integrity (store, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  crepitus_test_remove_location (path, tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* SQLite's plans each; PostgreSQL has one. */
#define ADD(path, func)                                                                       \
  g_test_add ("/crepitus/store/search/" path, Fixture, SORTING, fixture_set_up, func,         \
              fixture_tear_down);                                                             \
  if (!crepitus_test_backend_is_pg ())                                                        \
    {                                                                                         \
      g_test_add ("/crepitus/store/search/scanning/" path, Fixture, SCANNING, fixture_set_up, \
                  func, fixture_tear_down);                                                   \
      g_test_add ("/crepitus/store/search/mixed/" path, Fixture, MIXED, fixture_set_up, func, \
                  fixture_tear_down);                                                         \
    }

  ADD ("folding", test_folding);
  ADD ("words-and-mrn", test_words_and_mrn);
  ADD ("typed-syntax", test_typed_syntax);
  ADD ("order", test_order);
  ADD ("paging", test_paging);
  ADD ("keys-follow-edits", test_keys_follow_edits);
  g_test_add_func ("/crepitus/store/search/migration-fills-keys", test_migration_fills_keys);
#undef ADD

  return g_test_run ();
}
