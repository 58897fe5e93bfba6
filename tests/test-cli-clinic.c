/* test-cli-clinic.c — list --search, sign, amend, entered-in-error, audit, backup, restore */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <jansson.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crepitus-store.h"
#include "crepitus-test-util.h"

typedef CrepitusTestDb Fixture;

/* Runs `crepitus --db DB [--clinician NAME] ARGS…`. */
static void
run_as (Fixture            *fixture,
        CrepitusRun        *run,
        const char         *clinician,
        const char         *input,
        const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fixture->db);
  if (clinician != NULL)
    {
      g_ptr_array_add (argv, (char *) "--clinician");
      g_ptr_array_add (argv, (char *) clinician);
    }
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  crepitus_run (run, input, (const char * const *) argv->pdata);
}

static void
assert_ok (CrepitusRun *run,
           const char  *out)
{
  if (run->status != 0)
    g_error ("exit %d: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
  if (out != NULL)
    g_assert_cmpstr (run->out, ==, out);
}

/* One line on standard error starting with @start, nothing on standard output. */
static void
assert_error_line (CrepitusRun *run,
                   int          status,
                   const char  *start)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpuint (crepitus_count_lines (run->err), ==, 1);
  if (!g_str_has_prefix (run->err, start))
    g_error ("“%s” does not start with “%s”", run->err, start);
}

static void
import (Fixture    *fixture,
        const char *document,
        const char *expected_id)
{
  g_auto(CrepitusRun) run = { 0 };
  g_autofree char *line = g_strconcat (expected_id, "\n", NULL);

  run_as (fixture, &run, NULL, document, (const char *[]) { "import", "-", NULL });
  assert_ok (&run, line);
}

/* A complete, negative red-flag screen: signing needs one. */
#define ALL_RED_FLAGS \
  "[\"saddle-anaesthesia\", \"bladder-bowel-dysfunction\", \"sexual-dysfunction\", " \
  "\"bilateral-neurological-symptoms\", \"progressive-weakness\", \"cancer-history\", " \
  "\"unexplained-weight-loss\", \"fever\", \"significant-trauma\", \"night-pain\", " \
  "\"immunosuppression\", \"iv-drug-use\", \"steroid-use-osteoporosis\"]"

static char *
patient_document (const char *family,
                  const char *given,
                  const char *mrn,
                  const char *date)
{
  return g_strdup_printf ("{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": "
                          "{\"mrn\": \"%s\", \"family_name\": \"%s\", \"given_name\": \"%s\"}, "
                          "\"assessment\": {\"date\": \"%s\", \"notes\": \"Private note.\", "
                          "\"red_flags_absent\": " ALL_RED_FLAGS "}}",
                          mrn, family, given, date);
}

static void
import_patients (Fixture *fixture)
{
  static const char * const patients[][3] = {
    { "Müller", "Hans", "A-1001" }, { "Nowak", "Łukasz", "B-2002" }, { "Øster", "Ida", "C-3003" },
    { "García", "Lucía", "D-4004" }, { "Muller", "Anna", "E-5005" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (patients); i++)
    {
      g_autofree char *document = patient_document (patients[i][0], patients[i][1],
                                                    patients[i][2], "2026-02-02");
      g_autofree char *id = g_strdup_printf ("%u", i + 1);

      import (fixture, document, id);
    }
}

static void
test_list_search (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *query; const char *out; } cases[] = {
    { "mul", "5\tMuller\tAnna\t\tE-5005\n1\tMüller\tHans\t\tA-1001\n" },
    { "MÜL hans", "1\tMüller\tHans\t\tA-1001\n" },
    { "lukasz", "2\tNowak\tŁukasz\t\tB-2002\n" },
    { "ŁUKASZ", "2\tNowak\tŁukasz\t\tB-2002\n" },
    { "oster", "3\tØster\tIda\t\tC-3003\n" },
    { "ØSTER", "3\tØster\tIda\t\tC-3003\n" },
    { "garcia luc", "4\tGarcía\tLucía\t\tD-4004\n" },
    { "A-1001", "1\tMüller\tHans\t\tA-1001\n" },
    { "\"a-1001\" OR *", "" },
    { "NEAR(", "" },
    { "", "4\tGarcía\tLucía\t\tD-4004\n5\tMuller\tAnna\t\tE-5005\n1\tMüller\tHans\t\tA-1001\n"
          "2\tNowak\tŁukasz\t\tB-2002\n3\tØster\tIda\t\tC-3003\n" },
  };

  import_patients (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CrepitusRun) run = { 0 };

      run_as (fixture, &run, NULL, NULL, (const char *[]) { "list", "--search", cases[i].query,
                                                            NULL });
      assert_ok (&run, cases[i].out);
    }

  /* Without --search, by id as before; --json with --search. */
  {
    g_auto(CrepitusRun) run = { 0 };
    g_auto(CrepitusRun) json_run = { 0 };
    json_t *array;

    run_as (fixture, &run, NULL, NULL, (const char *[]) { "list", NULL });
    assert_ok (&run, NULL);
    g_assert_true (g_str_has_prefix (run.out, "1\tMüller\tHans"));
    run_as (fixture, &json_run, NULL, NULL,
            (const char *[]) { "list", "--json", "--search", "mul", NULL });
    assert_ok (&json_run, NULL);
    array = json_loads (json_run.out, 0, NULL);
    g_assert_cmpuint (json_array_size (array), ==, 2);
    g_assert_cmpstr (json_string_value (json_object_get (json_array_get (array, 0), "family_name")),
                     ==, "Muller");
    json_decref (array);
  }
}

static void
test_sign_amend_entered_in_error (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *first = patient_document ("Kowalska", "Ewa", "K-1", "2026-01-10");
  g_autofree char *second = patient_document ("Kowalska", "Ewa", "K-1", "2026-03-10");
  g_autofree char *db_prefix = g_strconcat (fixture->db, ": ", NULL);

  import (fixture, first, "1");
  import (fixture, second, "2");

  /* Who signs must be known. */
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as (fixture, &run, NULL, NULL, (const char *[]) { "sign", "1", NULL });
    assert_error_line (&run, 2, "crepitus sign: who is acting is not known; pass --clinician");
  }
  {
    g_auto(CrepitusRun) run = { 0 };
    g_auto(GStrv) fields = NULL;

    run_as (fixture, &run, "Dr Signer", NULL, (const char *[]) { "sign", "1", NULL });
    assert_ok (&run, NULL);
    fields = g_strsplit (run.out, "\t", -1);
    g_assert_cmpuint (g_strv_length (fields), ==, 3);
    g_assert_cmpstr (fields[0], ==, "1");
    g_assert_cmpstr (fields[1], ==, "Dr Signer");
    g_assert_true (g_str_has_suffix (fields[2], "Z\n"));
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as (fixture, &run, "Dr Signer", NULL, (const char *[]) { "sign", "1", NULL });
    assert_error_line (&run, 1, "crepitus sign: assessment 1 is already signed");
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as (fixture, &run, "Dr Signer", NULL, (const char *[]) { "sign", "99", NULL });
    assert_error_line (&run, 1, db_prefix);
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as (fixture, &run, "Dr Amender", NULL, (const char *[]) { "amend", "2", NULL });
    assert_error_line (&run, 1, "crepitus amend: assessment 2 is not signed");
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as (fixture, &run, "Dr Amender", NULL, (const char *[]) { "amend", "1", NULL });
    assert_ok (&run, "3\n");
  }
  {
    g_auto(CrepitusRun) original = { 0 };
    g_auto(CrepitusRun) copy = { 0 };

    run_as (fixture, &original, NULL, NULL, (const char *[]) { "export", "1", NULL });
    run_as (fixture, &copy, NULL, NULL, (const char *[]) { "export", "3", NULL });
    assert_ok (&copy, original.out);
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as (fixture, &run, "Dr Marker", NULL, (const char *[]) { "entered-in-error", "2", NULL });
    assert_ok (&run, "2\n");
  }

  /* The history: the superseded original marked, the amendment, not the one in error. */
  {
    g_auto(CrepitusRun) run = { 0 };
    g_auto(CrepitusRun) json_run = { 0 };
    json_t *array;

    run_as (fixture, &run, NULL, NULL, (const char *[]) { "history", "1", NULL });
    assert_ok (&run, "1\t2026-01-10\t\tbenign\tsuperseded\t\t\t\t\n"
                     "3\t2026-01-10\t\tbenign\tunsigned\t\t\t\t\n");
    run_as (fixture, &json_run, NULL, NULL, (const char *[]) { "history", "--json", "1", NULL });
    assert_ok (&json_run, NULL);
    array = json_loads (json_run.out, 0, NULL);
    g_assert_cmpuint (json_array_size (array), ==, 2);
    g_assert_cmpstr (json_string_value (json_object_get (json_array_get (array, 0), "signed_by")),
                     ==, "Dr Signer");
    g_assert_cmpint (json_integer_value (json_object_get (json_array_get (array, 0),
                                                          "superseded_by")), ==, 3);
    g_assert_cmpint (json_integer_value (json_object_get (json_array_get (array, 1), "amends")),
                     ==, 1);
    json_decref (array);
  }

  /* Usage. */
  {
    const char *const *usages[] = {
      (const char *[]) { "sign", NULL },
      (const char *[]) { "sign", "one", NULL },
      (const char *[]) { "amend", "1", "2", NULL },
      (const char *[]) { "entered-in-error", "0", NULL },
      (const char *[]) { "audit", "1", "2", NULL },
      (const char *[]) { "audit", "x", NULL },
      (const char *[]) { "backup", NULL },
      (const char *[]) { "backup", "-", NULL },
      (const char *[]) { "restore", NULL },
      (const char *[]) { "restore", "a.db", "b.db", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (usages); i++)
      {
        g_auto(CrepitusRun) run = { 0 };

        run_as (fixture, &run, "Dr Signer", NULL, usages[i]);
        assert_error_line (&run, 2, "crepitus ");
      }
  }
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *document = patient_document ("Wójcik", "Piotr", "W-1", "2026-01-10");
  g_autofree char *db_prefix = g_strconcat (fixture->db, ": ", NULL);

  import (fixture, document, "1");
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as (fixture, &run, "Dr Signer", NULL, (const char *[]) { "sign", "1", NULL });
    assert_ok (&run, NULL);
  }
  {
    g_auto(CrepitusRun) run = { 0 };
    g_auto(GStrv) lines = NULL;
    g_auto(GStrv) insert = NULL;
    g_auto(GStrv) sign = NULL;

    run_as (fixture, &run, NULL, NULL, (const char *[]) { "audit", "1", NULL });
    assert_ok (&run, NULL);
    lines = g_strsplit (run.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_cmpstr (lines[3], ==, "");
    /* id, at, clinician, action, record, record id, field, old value, new value */
    insert = g_strsplit (lines[0], "\t", -1);
    g_assert_cmpuint (g_strv_length (insert), ==, 9);
    g_assert_cmpstr (insert[0], ==, "2");   /* the patient's insert is 1 */
    g_assert_true (g_str_has_suffix (insert[1], "Z"));
    g_assert_cmpstr (insert[2], ==, "");
    g_assert_cmpstr (insert[3], ==, "insert");
    g_assert_cmpstr (insert[4], ==, "assessment");
    g_assert_cmpstr (insert[5], ==, "1");
    sign = g_strsplit (lines[1], "\t", -1);
    g_assert_cmpstr (sign[0], ==, "3");
    g_assert_cmpstr (sign[2], ==, "Dr Signer");
    g_assert_cmpstr (sign[3], ==, "sign");
    g_assert_cmpstr (sign[6], ==, "signed_by");
    g_assert_cmpstr (sign[7], ==, "");
    g_assert_cmpstr (sign[8], ==, "Dr Signer");
  }
  {
    g_auto(CrepitusRun) run = { 0 };
    json_t *array, *row;

    run_as (fixture, &run, NULL, NULL, (const char *[]) { "audit", "--json", NULL });
    assert_ok (&run, NULL);
    array = json_loads (run.out, 0, NULL);
    g_assert_cmpuint (json_array_size (array), ==, 4);
    row = json_array_get (array, 0);
    g_assert_cmpstr (json_string_value (json_object_get (row, "record")), ==, "patient");
    g_assert_true (json_is_null (json_object_get (row, "clinician")));
    g_assert_true (json_is_null (json_object_get (row, "field")));
    row = json_array_get (array, 3);
    g_assert_cmpstr (json_string_value (json_object_get (row, "field")), ==, "signed_at");
    g_assert_true (json_is_null (json_object_get (row, "old_value")));
    json_decref (array);
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as (fixture, &run, NULL, NULL, (const char *[]) { "audit", "42", NULL });
    assert_error_line (&run, 1, db_prefix);
  }
  /* Who imports is audited too; names and notes reach only the output asked for. */
  {
    g_autofree char *other = patient_document ("Zieliński", "Jan", "Z-2", "2026-01-11");
    g_auto(CrepitusRun) run = { 0 };
    g_auto(CrepitusRun) audit = { 0 };

    run_as (fixture, &run, "Dr Import", other, (const char *[]) { "import", "-", NULL });
    assert_ok (&run, "2\n");
    run_as (fixture, &audit, NULL, NULL, (const char *[]) { "audit", "2", NULL });
    assert_ok (&audit, NULL);
    g_assert_nonnull (strstr (audit.out, "\tDr Import\tinsert\tassessment\t2\t"));
    g_assert_null (strstr (audit.out, "Zieliński"));
  }
}

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->tmpdir, "monday.db", NULL);
  g_autofree char *text = g_build_filename (fixture->tmpdir, "notes.txt", NULL);
  g_autofree char *document = patient_document ("Lewandowska", "Maria", "L-1", "2026-01-10");
  g_autofree char *later = patient_document ("Later", "One", "L-2", "2026-01-10");
  g_autofree char *before = NULL;
  g_autofree char *kept = NULL;
  GStatBuf st;

  import (fixture, document, "1");
  {
    g_auto(CrepitusRun) run = { 0 };
    g_auto(CrepitusRun) list = { 0 };

    run_as (fixture, &run, NULL, NULL, (const char *[]) { "backup", backup, NULL });
    assert_ok (&run, "");
    g_assert_cmpint (g_stat (backup, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
    run_as (fixture, &list, NULL, NULL, (const char *[]) { "list", NULL });
    before = g_strdup (list.out);
  }
  {
    g_auto(CrepitusRun) run = { 0 };

    run_as (fixture, &run, NULL, NULL, (const char *[]) { "backup", fixture->db, NULL });
    assert_error_line (&run, 1, fixture->db);
  }
  import (fixture, later, "2");

  /* Refused while another process has the database open. */
  {
    g_auto(CrepitusRun) run = { 0 };
    g_autofree char *start = g_strconcat (fixture->db, ": the database is open in another "
                                          "program (close Crepitus there first)", NULL);
    int ready[2], release[2], status;
    char byte;
    pid_t pid;

    g_assert_cmpint (pipe (ready), ==, 0);
    g_assert_cmpint (pipe (release), ==, 0);
    pid = fork ();
    g_assert_cmpint (pid, >=, 0);
    if (pid == 0)
      {
        CrepitusStore *store;

        close (ready[0]);
        close (release[1]);
        store = crepitus_store_open (fixture->db, NULL);
        if (store == NULL || write (ready[1], "x", 1) != 1)
          _exit (1);
        while (read (release[0], &byte, 1) > 0)
          ;
        g_object_unref (store);
        _exit (0);
      }
    close (ready[1]);
    close (release[0]);
    g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);

    run_as (fixture, &run, NULL, NULL, (const char *[]) { "restore", backup, NULL });
    assert_error_line (&run, 1, start);

    close (release[1]);
    close (ready[0]);
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }

  /* Not a database: the file is named. */
  {
    g_auto(CrepitusRun) run = { 0 };
    g_autofree char *start = g_strconcat (text, ": this file is not a Crepitus database", NULL);

    g_assert_true (g_file_set_contents (text, "hello\n", -1, NULL));
    run_as (fixture, &run, NULL, NULL, (const char *[]) { "restore", text, NULL });
    assert_error_line (&run, 1, start);
  }

  {
    g_auto(CrepitusRun) run = { 0 };
    g_auto(CrepitusRun) list = { 0 };
    g_autofree char *prefix = g_strconcat (fixture->db, ".replaced-", NULL);

    run_as (fixture, &run, NULL, NULL, (const char *[]) { "restore", backup, NULL });
    assert_ok (&run, NULL);
    g_assert_true (g_str_has_prefix (run.out, prefix));
    g_assert_true (g_str_has_suffix (run.out, "\n"));
    kept = g_strndup (run.out, strlen (run.out) - 1);
    g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
    run_as (fixture, &list, NULL, NULL, (const char *[]) { "list", NULL });
    assert_ok (&list, before);
  }
}

/* Signing needs a complete red-flag screen: one line naming every flag not asked. */
static void
test_sign_needs_screen (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *document =
    "{\"format\": \"crepitus-assessment\", \"version\": 1, \"patient\": {\"family_name\": "
    "\"Nowak\"}, \"assessment\": {\"date\": \"2026-01-10\", \"red_flags\": [\"fever\"], "
    "\"red_flags_absent\": [\"saddle-anaesthesia\", \"bladder-bowel-dysfunction\", "
    "\"sexual-dysfunction\", \"bilateral-neurological-symptoms\", \"progressive-weakness\", "
    "\"cancer-history\", \"unexplained-weight-loss\", \"significant-trauma\", "
    "\"immunosuppression\", \"iv-drug-use\"]}}";
  g_auto(CrepitusRun) run = { 0 };
  g_auto(CrepitusRun) history = { 0 };

  import (fixture, document, "1");
  run_as (fixture, &run, "Dr Signer", NULL, (const char *[]) { "sign", "1", NULL });
  assert_error_line (&run, 1, "crepitus sign: assessment 1 cannot be signed: the red-flag screen "
                              "is incomplete, 2 flags not asked: night-pain, "
                              "steroid-use-osteoporosis (nothing was changed)");
  run_as (fixture, &history, NULL, NULL, (const char *[]) { "history", "1", NULL });
  g_assert_nonnull (strstr (history.out, "\tunsigned"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crepitus/cli/clinic/" path, Fixture, NULL, crepitus_test_db_set_up, func, \
              crepitus_test_db_tear_down)

  ADD ("list-search", test_list_search);
  ADD ("sign-amend-entered-in-error", test_sign_amend_entered_in_error);
  ADD ("sign-needs-screen", test_sign_needs_screen);
  ADD ("audit", test_audit);
  ADD ("backup-restore", test_backup_restore);
#undef ADD

  return g_test_run ();
}
