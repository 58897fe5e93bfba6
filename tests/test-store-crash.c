/* test-store-crash.c — a process killed at any moment loses no acknowledged edit
 *
 * A child opens the store and makes numbered autosaved edits, writing each number to a pipe
 * once the edit has returned (acknowledged). The parent kills it with SIGKILL after a random
 * delay, then checks that the file passes integrity_check and holds every acknowledged edit.
 * Edits cycle through the kinds of write the store makes: a new patient, a new assessment,
 * a factor record, a field of the assessment.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crepitus-test-store.h"

#define N_ROUNDS     60
#define MIN_DELAY_MS  1
#define MAX_DELAY_MS 30
#define N_KINDS       4

static void
on_child_write_failed (CrepitusStore *store,
                       GError        *error,
                       gpointer       data)
{
  _exit (3);
}

static char *
family_for (guint round,
            guint edit)
{
  return g_strdup_printf ("R%u-E%u", round, edit - edit % N_KINDS);
}

/* What the child writes once the database is open, before any edit. */
#define READY G_MAXUINT

G_GNUC_NORETURN
static void
child_main (const char *path,
            guint       round,
            int         fd)
{
  g_autoptr(GError) error = NULL;
  CrepitusStore *store = crepitus_store_open (path, &error);
  CrepitusPatient *patient = NULL;
  CrepitusAssessment *assessment = NULL;

  if (store == NULL)
    _exit (2);
  g_signal_connect (store, "write-failed", G_CALLBACK (on_child_write_failed), NULL);
  /* Open: the parent's clock starts now, so a busy machine still kills among edits. */
  if (write (fd, &(guint) { READY }, sizeof (guint)) != sizeof (guint))
    _exit (5);

  for (guint edit = 0;; edit++)
    {
      switch (edit % N_KINDS)
        {
        case 0:
          {
            g_autofree char *family = family_for (round, edit);

            g_clear_object (&assessment);
            g_clear_object (&patient);
            patient = crepitus_patient_new ();
            crepitus_store_watch_patient (store, patient);
            crepitus_patient_set_family_name (patient, family);
            if (crepitus_patient_get_id (patient) < 0)
              _exit (4);
          }
          break;
        case 1:
          assessment = crepitus_assessment_new (patient);
          crepitus_store_watch_assessment (store, assessment);
          crepitus_assessment_set_date (assessment, "2026-03-04");
          if (crepitus_assessment_get_id (assessment) < 0)
            _exit (4);
          break;
        case 2:
          crepitus_factor_record_set_judgement (crepitus_assessment_get_factor (assessment,
                                                                               "joint-cavitation"),
                                                CREPITUS_JUDGEMENT_LIKELY);
          break;
        case 3:
          {
            g_autofree char *notes = g_strdup_printf ("edit %u", edit);

            crepitus_assessment_set_notes (assessment, notes);
          }
          break;
        default:
          g_assert_not_reached ();
        }

      /* Acknowledged: the edit has returned, so it is committed. */
      if (write (fd, &edit, sizeof edit) != sizeof edit)
        _exit (5);
    }
}

/* Every edit up to @last of @round is in the file. */
static void
check_round (CrepitusStore *store,
             guint          round,
             gint64         last)
{
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GHashTable) by_family = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  patients = crepitus_store_list_patients (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < patients->len; i++)
    g_hash_table_insert (by_family,
                         (gpointer) crepitus_patient_get_family_name (patients->pdata[i]),
                         patients->pdata[i]);

  for (gint64 first = 0; first <= last; first += N_KINDS)
    {
      g_autofree char *family = family_for (round, first);
      CrepitusPatient *patient = g_hash_table_lookup (by_family, family);
      g_autoptr(GPtrArray) assessments = NULL;
      CrepitusAssessment *assessment;

      if (patient == NULL)
        g_error ("round %u: acknowledged edit %" G_GINT64_FORMAT " (patient) is lost", round, first);
      if (last < first + 1)
        break;

      assessments = crepitus_store_list_assessments (store, patient, &error);
      g_assert_no_error (error);
      if (assessments->len != 1)
        g_error ("round %u: acknowledged edit %" G_GINT64_FORMAT " (assessment) is lost",
                 round, first + 1);
      assessment = assessments->pdata[0];
      g_assert_cmpstr (crepitus_assessment_get_date (assessment), ==, "2026-03-04");
      if (last < first + 2)
        break;

      if (crepitus_factor_record_get_judgement (crepitus_assessment_get_factor (assessment,
                                                                               "joint-cavitation"))
          != CREPITUS_JUDGEMENT_LIKELY)
        g_error ("round %u: acknowledged edit %" G_GINT64_FORMAT " (factor) is lost", round,
                 first + 2);
      if (last < first + 3)
        break;

      {
        g_autofree char *notes = g_strdup_printf ("edit %" G_GINT64_FORMAT, first + 3);

        if (g_strcmp0 (crepitus_assessment_get_notes (assessment), notes) != 0)
          g_error ("round %u: acknowledged edit %" G_GINT64_FORMAT " (notes) is lost", round,
                   first + 3);
      }
    }
}

static void
test_sigkill_loses_nothing_acknowledged (void)
{
  g_autofree char *tmpdir = crepitus_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "crash.db", NULL);
  g_autoptr(GArray) acknowledged = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint total = 0;
  gint64 start = g_get_monotonic_time ();

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(CrepitusStore) store = NULL;
      g_autoptr(GError) error = NULL;
      int fds[2], status;
      gint64 last = -1;
      guint edit;
      guint delay = g_test_rand_int_range (MIN_DELAY_MS, MAX_DELAY_MS + 1);
      pid_t pid;
      ssize_t n;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          child_main (path, round, fds[1]);
        }
      close (fds[1]);

      g_assert_cmpint (read (fds[0], &edit, sizeof edit), ==, sizeof edit);
      g_assert_cmpuint (edit, ==, READY);
      /* The kill lands among edits, however busy the machine: after the first one is
       * acknowledged, somewhere in the next @delay milliseconds of them. */
      g_assert_cmpint (read (fds[0], &edit, sizeof edit), ==, sizeof edit);
      g_assert_cmpuint (edit, ==, 0);
      last = 0;
      g_usleep (delay * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        g_error ("round %u: the child exited with status %d before it was killed", round,
                 WEXITSTATUS (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      while ((n = read (fds[0], &edit, sizeof edit)) == sizeof edit)
        {
          g_assert_cmpint (edit, ==, last + 1);
          last = edit;
        }
      g_assert_cmpint (n, ==, 0);
      close (fds[0]);
      total += last + 1;
      g_test_message ("round %u: killed after %u ms, %" G_GINT64_FORMAT " edits acknowledged",
                      round, delay, last + 1);

      store = crepitus_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (crepitus_store_check_integrity (store, &error));
      g_assert_no_error (error);
      /* This round's edits, and every earlier round's still. */
      g_array_append_val (acknowledged, last);
      for (guint r = 0; r <= round; r++)
        check_round (store, r, g_array_index (acknowledged, gint64, r));
    }

  g_test_message ("%u edits acknowledged over %u kills in %.1f s", total, N_ROUNDS,
                  (g_get_monotonic_time () - start) / 1e6);
  crepitus_test_remove_tree (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crepitus/store/crash/sigkill-loses-nothing-acknowledged",
                   test_sigkill_loses_nothing_acknowledged);

  return g_test_run ();
}
