/* test-store-pg.c — what only a shared server has: rooms at once, the server's own guards,
 * notifications, a server lost and back, schemas refused, backup and restore across backends
 *
 * Runs on a PostgreSQL server of its own (crepitus-store-testing.h). "Rooms" are other
 * processes, forked, each with its own connection.
 */
#include "config.h"

#include <sys/wait.h>
#include <unistd.h>

#include "crepitus-json.h"
#include "crepitus-test-store.h"

typedef struct
{
  char          *uri;
  CrepitusStore *store;
  guint          n_failures;
  GError        *last_failure;
} Fixture;

static void
on_write_failed (CrepitusStore *store,
                 GError        *error,
                 Fixture       *fixture)
{
  fixture->n_failures++;
  g_clear_error (&fixture->last_failure);
  fixture->last_failure = g_error_copy (error);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->uri = crepitus_test_pg_new_database ();
  fixture->store = crepitus_test_open_store (fixture->uri);
  crepitus_store_set_clinician (fixture->store, "Dr Room One");
  g_signal_connect (fixture->store, "write-failed", G_CALLBACK (on_write_failed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_error (&fixture->last_failure);
  crepitus_test_pg_drop_database (fixture->uri);
  g_free (fixture->uri);
}

/* Another room: a process of its own */

typedef void (*RoomFunc) (const char *uri,
                          gpointer    data);

/* Forks a room that runs @func on a connection of its own, then exits: 0 when it returned. */
static pid_t
start_room (const char *uri,
            RoomFunc    func,
            gpointer    data)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      func (uri, data);
      _exit (0);
    }
  return pid;
}

static void
assert_room_succeeded (pid_t pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* A room's edit of one field of an assessment, autosaved. */
typedef struct
{
  gint64      assessment;
  const char *notes;
  int         ready_fd;     /* written once the edit is about to be made; -1: none */
} RoomEdit;

static void
room_edit_notes (const char *uri,
                 gpointer    data)
{
  RoomEdit *edit = data;
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (uri);
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  char byte = 1;

  crepitus_store_set_clinician (store, "Dr Room Two");
  assessment = crepitus_store_load_assessment (store, edit->assessment, &error);
  g_assert_no_error (error);
  if (edit->ready_fd >= 0)
    g_assert_cmpint (write (edit->ready_fd, &byte, 1), ==, 1);
  crepitus_assessment_set_notes (assessment, edit->notes);
  g_assert_true (crepitus_store_save_assessment (store, assessment, "notes", &error));
  g_assert_no_error (error);
}

static CrepitusAssessment *
add_assessment (Fixture    *fixture,
                const char *family,
                const char *mrn)
{
  g_autoptr(CrepitusPatient) patient = crepitus_test_add_patient (fixture->store, family, NULL,
                                                                  "1970-01-01", mrn);

  return crepitus_test_add_screened_assessment (fixture->store, patient, "2026-05-01");
}

/* Two rooms editing different patients never wait on each other, even while one of them is
 * in the middle of a transaction; the same patient does wait, up to the lock timeout. */
static void
test_rooms_never_wait (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) mine = add_assessment (fixture, "Mine", "R-1");
  g_autoptr(CrepitusAssessment) theirs = add_assessment (fixture, "Theirs", "R-2");
  g_autoptr(CrepitusStore) other = crepitus_test_open_store (fixture->uri);
  g_autoptr(CrepitusAssessment) same = NULL;
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(GError) error = NULL;
  RoomEdit edit = { crepitus_assessment_get_id (theirs), "Edited in room two.", -1 };
  gint64 start, elapsed;
  pid_t room;

  /* Room one holds its edit of its own assessment uncommitted. */
  g_assert_true (crepitus_store_testing_begin_bulk (fixture->store, &error));
  crepitus_store_watch_assessment (fixture->store, mine);
  crepitus_assessment_set_notes (mine, "Edited in room one, not committed yet.");
  g_assert_cmpuint (fixture->n_failures, ==, 0);

  /* Room two, a process of its own, edits another patient's: no wait. */
  start = g_get_monotonic_time ();
  room = start_room (fixture->uri, room_edit_notes, &edit);
  assert_room_succeeded (room);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("the other room's edit took %.1f ms", elapsed / 1000.0);
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);
  stored = crepitus_test_reload_assessment (fixture->uri, crepitus_assessment_get_id (theirs));
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Edited in room two.");

  /* The same assessment waits for room one, then says so. */
  crepitus_store_testing_set_busy_timeout (other, 300);
  same = crepitus_store_load_assessment (other, crepitus_assessment_get_id (mine), &error);
  g_assert_no_error (error);
  crepitus_assessment_set_notes (same, "Blocked.");
  g_assert_false (crepitus_store_save_assessment (other, same, "notes", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* Once room one is done, room two may edit it. */
  g_assert_true (crepitus_store_testing_end_bulk (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (crepitus_store_save_assessment (other, same, "notes", &error));
  g_assert_no_error (error);
}

/* The same field in two rooms at once: the later write wins, and the audit log holds both,
 * each with the value it replaced. */
static void
test_same_field_last_write_wins (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = add_assessment (fixture, "Shared", "S-1");
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = crepitus_assessment_get_id (assessment);
  RoomEdit edit = { id, "Room two's notes.", -1 };
  int fds[2];
  char byte;
  pid_t room;
  guint n_notes = 0;

  g_assert_cmpint (pipe (fds), ==, 0);
  edit.ready_fd = fds[1];

  /* Room one writes first and holds its transaction while room two writes the same field. */
  g_assert_true (crepitus_store_testing_begin_bulk (fixture->store, &error));
  crepitus_store_watch_assessment (fixture->store, assessment);
  crepitus_assessment_set_notes (assessment, "Room one's notes.");
  room = start_room (fixture->uri, room_edit_notes, &edit);
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &byte, 1), ==, 1);
  close (fds[0]);
  g_usleep (300 * 1000);
  g_assert_true (crepitus_store_testing_end_bulk (fixture->store, &error));
  g_assert_no_error (error);
  assert_room_succeeded (room);

  stored = crepitus_test_reload_assessment (fixture->uri, id);
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Room two's notes.");
  entries = crepitus_store_list_audit (fixture->store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      CrepitusAuditEntry *entry = entries->pdata[i];

      if (g_strcmp0 (entry->field, "notes") != 0)
        continue;
      if (n_notes++ == 0)
        {
          g_assert_cmpstr (entry->clinician, ==, "Dr Room One");
          g_assert_null (entry->old_value);
          g_assert_cmpstr (entry->new_value, ==, "Room one's notes.");
        }
      else
        {
          g_assert_cmpstr (entry->clinician, ==, "Dr Room Two");
          g_assert_cmpstr (entry->old_value, ==, "Room one's notes.");
          g_assert_cmpstr (entry->new_value, ==, "Room two's notes.");
        }
    }
  g_assert_cmpuint (n_notes, ==, 2);
}

/* Many edits from several rooms at once: none lost, each audited. */
static void
room_many_edits (const char *uri,
                 gpointer    data)
{
  gint64 id = GPOINTER_TO_SIZE (data);
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (uri);
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  assessment = crepitus_store_load_assessment (store, id, &error);
  g_assert_no_error (error);
  crepitus_store_watch_assessment (store, assessment);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *notes = g_strdup_printf ("Edit %u.", i);

      crepitus_assessment_set_notes (assessment, notes);
      crepitus_assessment_set_pain_score (assessment, i % 11);
    }
  /* Each of those was committed before its notify returned. */
  {
    g_autoptr(CrepitusStore) check = crepitus_test_open_store (uri);
    g_autoptr(CrepitusAssessment) stored = crepitus_store_load_assessment (check, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "Edit 49.");
  }
}

static void
test_rooms_at_once (Fixture       *fixture,
                    gconstpointer  data)
{
  pid_t rooms[3];
  gint64 ids[G_N_ELEMENTS (rooms)];
  gint64 audit_before = crepitus_store_testing_count_rows (fixture->store, "audit");

  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    {
      g_autofree char *family = g_strdup_printf ("Room %u", i);
      g_autofree char *mrn = g_strdup_printf ("M-%u", i);
      g_autoptr(CrepitusAssessment) assessment = add_assessment (fixture, family, mrn);

      ids[i] = crepitus_assessment_get_id (assessment);
    }
  audit_before = crepitus_store_testing_count_rows (fixture->store, "audit");
  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    rooms[i] = start_room (fixture->uri, room_many_edits, GSIZE_TO_POINTER (ids[i]));
  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    assert_room_succeeded (rooms[i]);
  /* 50 notes and 50 pain scores (the first is 0, from not recorded) a room. */
  g_assert_cmpint (crepitus_store_testing_count_rows (fixture->store, "audit") - audit_before,
                   ==, 3 * 100);
}

/* Signing */

/* A signed assessment refuses edits from every room, and from any other client of the
 * server: its guards are the server's own. */
static void
test_signed_refused_everywhere (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = add_assessment (fixture, "Signed", "G-1");
  g_autoptr(CrepitusStore) other = crepitus_test_open_store (fixture->uri);
  g_autoptr(CrepitusAssessment) stale = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = crepitus_assessment_get_id (assessment);
  static const char * const refused[] = {
    "UPDATE assessments SET notes = 'Changed behind the store' WHERE id = $1",
    "UPDATE assessments SET signed_by = 'Someone else' WHERE id = $1",
    "INSERT INTO factors (assessment_id, factor, judgement) VALUES ($1, 'inflammation', 'likely')",
    "DELETE FROM assessments WHERE id = $1",
    "UPDATE audit SET new_value = 'forged' WHERE record_id = $1",
    "DELETE FROM audit WHERE record_id = $1",
  };

  /* Room two loaded it before it was signed. */
  stale = crepitus_store_load_assessment (other, id, &error);
  g_assert_no_error (error);
  g_assert_true (crepitus_store_sign (fixture->store, id, "Dr Room One", &error));
  g_assert_no_error (error);

  crepitus_assessment_set_notes (stale, "Too late.");
  g_assert_false (crepitus_store_save_assessment (other, stale, "notes", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED);
  g_clear_error (&error);
  crepitus_factor_record_set_judgement (crepitus_assessment_get_factor (stale, "inflammation"),
                                        CREPITUS_JUDGEMENT_LIKELY);
  g_assert_false (crepitus_store_save_factor (other, stale, "inflammation", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_SIGNED);
  g_clear_error (&error);

  /* Past the store, straight to the server. */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_false (crepitus_store_testing_pg_exec_id (other, refused[i], id, &error));
      g_assert_nonnull (error);
      g_assert_true (error->code == CREPITUS_STORE_ERROR_SIGNED ||
                     error->code == CREPITUS_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (crepitus_store_testing_pg_exec (other, "TRUNCATE audit", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autoptr(CrepitusAssessment) stored = crepitus_test_reload_assessment (fixture->uri, id);

    g_assert_cmpstr (crepitus_assessment_get_signed_by (stored), ==, "Dr Room One");
    g_assert_null (crepitus_assessment_get_notes (stored));
  }
}

/* Notifications: what one room stores, the others hear of. */

static void
on_changed_elsewhere (CrepitusStore *store,
                      const char    *record,
                      gint64         id,
                      GPtrArray     *heard)
{
  g_ptr_array_add (heard, g_strdup_printf ("%s %" G_GINT64_FORMAT, record, id));
}

static void
test_changes_heard (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CrepitusStore) other = crepitus_test_open_store (fixture->uri);
  g_autoptr(GPtrArray) heard = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrepitusAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *patient = NULL;
  g_autofree char *signed_one = NULL;
  gint64 id;

  g_signal_connect (other, "changed-elsewhere", G_CALLBACK (on_changed_elsewhere), heard);
  g_signal_connect (fixture->store, "changed-elsewhere", G_CALLBACK (on_changed_elsewhere), own);
  g_assert_cmpint (crepitus_store_get_change_fd (other), >=, 0);
  g_assert_cmpstr (crepitus_store_get_backend_name (other), ==, "postgresql");

  assessment = add_assessment (fixture, "Heard", "H-1");
  id = crepitus_assessment_get_id (assessment);
  g_assert_true (crepitus_store_sign (fixture->store, id, "Dr Room One", &error));
  patient = g_strdup_printf ("patient %" G_GINT64_FORMAT,
                             crepitus_patient_get_id (
                               crepitus_assessment_get_patient (assessment)));
  signed_one = g_strdup_printf ("assessment %" G_GINT64_FORMAT, id);

  /* Within a second, as the window will follow it. */
  for (guint i = 0; i < 100 && heard->len < 2; i++)
    {
      g_assert_true (crepitus_store_read_changes (other, &error));
      g_assert_no_error (error);
      if (heard->len < 2)
        g_usleep (10 * 1000);
    }
  g_assert_true (g_ptr_array_find_with_equal_func (heard, patient, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (heard, signed_one, g_str_equal, NULL));

  /* A room's own changes are not news to it. */
  g_assert_true (crepitus_store_read_changes (fixture->store, &error));
  g_assert_cmpuint (own->len, ==, 0);
}

/* Another room's change brought into this room's model: its fields, its factors and its
 * signing state, without being written back as an edit of this room. */
static void
test_refresh_from_elsewhere (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CrepitusStore) other = crepitus_test_open_store (fixture->uri);
  g_autoptr(CrepitusAssessment) assessment = add_assessment (fixture, "Follow", "F-1");
  g_autoptr(CrepitusAssessment) seen = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = crepitus_assessment_get_id (assessment);
  guint n_entries;

  crepitus_store_set_clinician (other, "Dr Room Two");
  seen = crepitus_store_load_assessment (other, id, &error);
  g_assert_no_error (error);
  crepitus_store_watch_assessment (other, seen);
  entries = crepitus_store_list_audit (fixture->store, id, &error);
  g_assert_no_error (error);
  n_entries = entries->len;
  g_clear_pointer (&entries, g_ptr_array_unref);

  crepitus_store_watch_assessment (fixture->store, assessment);
  crepitus_assessment_set_notes (assessment, "Written in room one.");
  crepitus_factor_record_set_judgement (crepitus_assessment_get_factor (assessment,
                                                                        "inflammation"),
                                        CREPITUS_JUDGEMENT_POSSIBLE);
  g_assert_true (crepitus_store_sign (fixture->store, id, "Dr Room One", &error));
  g_assert_no_error (error);

  g_assert_null (crepitus_assessment_get_signed_by (seen));
  g_assert_true (crepitus_store_refresh (other, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crepitus_assessment_get_notes (seen), ==, "Written in room one.");
  g_assert_cmpint (crepitus_factor_record_get_judgement (
                     crepitus_assessment_get_factor (seen, "inflammation")),
                   ==, CREPITUS_JUDGEMENT_POSSIBLE);
  g_assert_cmpstr (crepitus_assessment_get_signed_by (seen), ==, "Dr Room One");
  g_assert_cmpuint (crepitus_assessment_get_status (seen), ==, CREPITUS_ASSESSMENT_SIGNED);

  /* Room two wrote nothing: the audit holds room one's edits and the signature only. */
  entries = crepitus_store_list_audit (fixture->store, id, &error);
  g_assert_no_error (error);
  for (guint i = n_entries; i < entries->len; i++)
    g_assert_cmpstr (((CrepitusAuditEntry *) entries->pdata[i])->clinician, ==, "Dr Room One");
  g_assert_cmpuint (entries->len, >=, n_entries + 3);
}

/* The server lost and back */

/* The server killed mid-session: the edit made meanwhile is reported, clearly, naming the
 * server, and waits in its model, unsaved, with those made after it; once the server is back
 * they are saved in the order they were made; nothing acknowledged is lost. */
static void
test_server_killed_and_restarted (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = add_assessment (fixture, "Crash", "C-1");
  g_autoptr(CrepitusAssessment) stored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = crepitus_assessment_get_id (assessment);
  const char *expected_notes[] = {
    "Before the crash.", "While the server is down.", "After the restart.",
  };
  guint n_notes = 0;
  guint n_unsaved_changes = 0;

  g_signal_connect_swapped (fixture->store, "unsaved-changed", G_CALLBACK (count_signal),
                            &n_unsaved_changes);
  crepitus_store_watch_assessment (fixture->store, assessment);
  for (guint i = 0; i < 20; i++)
    crepitus_assessment_set_pain_score (assessment, i % 11);
  crepitus_assessment_set_notes (assessment, "Before the crash.");
  g_assert_cmpuint (fixture->n_failures, ==, 0);
  g_assert_cmpuint (crepitus_store_get_n_unsaved (fixture->store), ==, 0);

  crepitus_test_pg_server_kill ();
  crepitus_assessment_set_notes (assessment, "While the server is down.");
  g_assert_cmpuint (fixture->n_failures, ==, 1);
  g_assert_error (fixture->last_failure, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE);
  g_test_message ("%s", fixture->last_failure->message);
  g_assert_true (g_str_has_prefix (fixture->last_failure->message, fixture->uri));
  g_assert_nonnull (strstr (fixture->last_failure->message, ", port "));
  g_assert_null (strchr (fixture->last_failure->message, '\n'));
  /* The edit stays in its field, unsaved; the next one waits behind it, unsaid. */
  g_assert_cmpstr (crepitus_assessment_get_notes (assessment), ==, "While the server is down.");
  g_assert_true (crepitus_store_is_unsaved (fixture->store, assessment, "notes"));
  g_assert_false (crepitus_store_is_unsaved (fixture->store, assessment, "pain-score"));
  crepitus_assessment_set_pain_score (assessment, 3);
  crepitus_factor_record_set_judgement (crepitus_assessment_get_factor (assessment,
                                                                        "joint-cavitation"),
                                        CREPITUS_JUDGEMENT_LIKELY);
  g_assert_cmpuint (fixture->n_failures, ==, 1);
  g_assert_cmpuint (crepitus_store_get_n_unsaved (fixture->store), ==, 3);
  g_assert_true (crepitus_store_is_unsaved (fixture->store, assessment, "pain-score"));
  g_assert_true (crepitus_store_is_unsaved (fixture->store,
                                            crepitus_assessment_get_factor (assessment,
                                                                            "joint-cavitation"),
                                            NULL));
  g_assert_cmpuint (n_unsaved_changes, ==, 3);
  /* Reads say so too, without waiting; so does saving while the server is still away. */
  g_assert_null (crepitus_store_load_assessment (fixture->store, id, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_cmpint (crepitus_store_get_change_fd (fixture->store), ==, -1);
  g_assert_false (crepitus_store_save_unsaved (fixture->store, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_cmpuint (crepitus_store_get_n_unsaved (fixture->store), ==, 3);

  crepitus_test_pg_server_restart ();
  g_assert_true (crepitus_store_save_unsaved (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crepitus_store_get_n_unsaved (fixture->store), ==, 0);
  g_assert_false (crepitus_store_is_unsaved (fixture->store, assessment, NULL));
  stored = crepitus_test_reload_assessment (fixture->uri, id);
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "While the server is down.");
  g_assert_cmpint (crepitus_assessment_get_pain_score (stored), ==, 3);
  g_assert_cmpint (crepitus_factor_record_get_judgement (
                     crepitus_assessment_get_factor (stored, "joint-cavitation")),
                   ==, CREPITUS_JUDGEMENT_LIKELY);
  g_clear_object (&stored);

  crepitus_assessment_set_notes (assessment, "After the restart.");
  g_assert_cmpuint (fixture->n_failures, ==, 1);
  g_assert_cmpint (crepitus_store_get_change_fd (fixture->store), >=, 0);

  stored = crepitus_test_reload_assessment (fixture->uri, id);
  g_assert_cmpstr (crepitus_assessment_get_notes (stored), ==, "After the restart.");
  entries = crepitus_store_list_audit (fixture->store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      CrepitusAuditEntry *entry = entries->pdata[i];

      if (g_strcmp0 (entry->field, "notes") == 0)
        {
          g_assert_cmpuint (n_notes, <, G_N_ELEMENTS (expected_notes));
          g_assert_cmpstr (entry->new_value, ==, expected_notes[n_notes++]);
        }
    }
  g_assert_cmpuint (n_notes, ==, G_N_ELEMENTS (expected_notes));
  g_assert_true (crepitus_store_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

/* Schemas */

/* A newer schema, another program's tables, a guard taken off: each refused, untouched. */
static void
test_refused_databases (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  CrepitusStore *store;
  guint latest = crepitus_store_schema_version ();

  g_assert_true (crepitus_store_testing_set_version (fixture->uri, latest + 1, &error));
  g_assert_no_error (error);
  store = crepitus_store_open (fixture->uri, &error);
  g_assert_null (store);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NEWER_SCHEMA);
  expected = g_strdup_printf ("%s: the database was written by a newer Crepitus (schema version "
                              "%u; this Crepitus reads up to version %u); update Crepitus to "
                              "open it", fixture->uri, latest + 1, latest);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_true (crepitus_store_testing_set_version (fixture->uri, latest, &error));

  /* A guard dropped on the server. */
  g_assert_true (crepitus_store_testing_pg_exec (fixture->store,
                                                 "DROP TRIGGER assessments_read_only "
                                                 "ON assessments", &error));
  g_assert_no_error (error);
  store = crepitus_store_open (fixture->uri, &error);
  g_assert_null (store);
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "assessments_read_only"));
  g_clear_error (&error);
  g_assert_false (crepitus_store_check_integrity (fixture->store, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Another program's database. */
  {
    g_autofree char *foreign = crepitus_test_pg_new_database ();
    g_autoptr(CrepitusStore) blank = crepitus_test_open_store (foreign);

    /* Made a Crepitus database by opening it; now a table of another program beside a
     * schema of its own. */
    g_assert_true (crepitus_store_testing_pg_exec (blank, "DROP TABLE crepitus_schema", &error));
    g_assert_no_error (error);
    store = crepitus_store_open (foreign, &error);
    g_assert_null (store);
    g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_NOT_A_DATABASE);
    g_clear_error (&error);
    g_clear_object (&blank);
    crepitus_test_pg_drop_database (foreign);
  }
}

/* Two rooms opening a new database at once migrate it once, both. */
static void
room_open (const char *uri,
           gpointer    data)
{
  g_autoptr(CrepitusStore) store = crepitus_test_open_store (uri);

  g_object_unref (crepitus_test_add_patient (store, "Opened", NULL, NULL, NULL));
}

static void
test_migrate_at_once (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *uri = crepitus_test_pg_new_database ();
  pid_t rooms[3];

  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    rooms[i] = start_room (uri, room_open, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
    assert_room_succeeded (rooms[i]);
  g_assert_cmpint (crepitus_store_testing_file_version (uri), ==, crepitus_store_schema_version ());
  {
    g_autoptr(CrepitusStore) store = crepitus_test_open_store (uri);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (crepitus_store_testing_count_rows (store, "patients"), ==, 3);
    g_assert_true (crepitus_store_check_integrity (store, &error));
    g_assert_no_error (error);
  }
  crepitus_test_pg_drop_database (uri);
}

/* Reading only: nothing is written, nothing migrated. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CrepitusAssessment) assessment = add_assessment (fixture, "Reader", "Q-1");
  g_autoptr(CrepitusStore) reader = NULL;
  g_autoptr(CrepitusAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;

  reader = crepitus_store_open_read_only (fixture->uri, &error);
  g_assert_no_error (error);
  loaded = crepitus_store_load_assessment (reader, crepitus_assessment_get_id (assessment), &error);
  g_assert_no_error (error);
  crepitus_assessment_set_notes (loaded, "Not stored.");
  g_assert_false (crepitus_store_save_assessment (reader, loaded, "notes", &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_READ_ONLY);
}

/* Backup and restore across backends */

/* A clinic with every kind of record: signed, amended, entered in error, with factors. */
static void
fill_clinic (CrepitusStore *store)
{
  g_autofree char *text = crepitus_test_fixture_text ("every-field.json");
  g_autoptr(CrepitusPatient) patient = NULL;
  g_autoptr(CrepitusAssessment) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, amendment;

  id = crepitus_store_import_json (store, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (crepitus_store_sign (store, id, "Dr Signer", &error));
  amendment = crepitus_store_amend (store, id, "Dr Amender", &error);
  g_assert_no_error (error);
  g_assert_cmpint (amendment, >, id);
  patient = crepitus_test_add_patient (store, "Ærø", "Łukasz", "1980-01-01", "Z-9");
  other = crepitus_test_add_assessment (store, patient, "2026-01-01");
  g_assert_true (crepitus_store_mark_entered_in_error (store, crepitus_assessment_get_id (other),
                                                       "Dr Marker", &error));
  g_assert_no_error (error);
  g_object_unref (crepitus_test_add_patient (store, "Solo", NULL, NULL, NULL));
}

/* Every patient, assessment (as §6 JSON, with its state) and audit row of @store, as text. */
static char *
describe_clinic (CrepitusStore *store)
{
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  patients = crepitus_store_list_patients (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < patients->len; i++)
    {
      g_autoptr(GPtrArray) assessments = crepitus_store_list_assessments (store, patients->pdata[i],
                                                                          &error);

      g_assert_no_error (error);
      g_string_append_printf (text, "patient %" G_GINT64_FORMAT "\n",
                              crepitus_patient_get_id (patients->pdata[i]));
      for (guint j = 0; j < assessments->len; j++)
        {
          CrepitusAssessment *a = assessments->pdata[j];
          g_autofree char *json = crepitus_json_write (a);

          g_string_append_printf (text, "assessment %" G_GINT64_FORMAT " signed %s at %s "
                                  "superseded %" G_GINT64_FORMAT " amends %" G_GINT64_FORMAT
                                  " error %d\n%s\n", crepitus_assessment_get_id (a),
                                  crepitus_assessment_get_signed_by (a),
                                  crepitus_assessment_get_signed_at (a),
                                  crepitus_assessment_get_superseded_by (a),
                                  crepitus_assessment_get_amends (a),
                                  crepitus_assessment_get_entered_in_error (a), json);
        }
    }
  audit = crepitus_store_list_audit (store, -1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      CrepitusAuditEntry *e = audit->pdata[i];

      g_string_append_printf (text, "audit %" G_GINT64_FORMAT " %s %s %s %s %" G_GINT64_FORMAT
                              " %s %s %s\n", e->id, e->at, e->clinician, e->action, e->record,
                              e->record_id, e->field, e->old_value, e->new_value);
    }
  return g_string_free (text, FALSE);
}

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *tmpdir = crepitus_test_make_tmpdir ();
  g_autofree char *backup = g_build_filename (tmpdir, "clinic.db", NULL);
  g_autofree char *restored_uri = crepitus_test_pg_new_database ();
  g_autofree char *kept = NULL;
  g_autofree char *original = NULL;
  g_autofree char *in_file = NULL;
  g_autofree char *in_restored = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  fill_clinic (fixture->store);
  original = describe_clinic (fixture->store);
  g_assert_true (crepitus_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* An SQLite file that opens anywhere, checked whole, the same clinic. */
  {
    g_autoptr(CrepitusStore) file = crepitus_test_open_store (backup);

    g_assert_cmpstr (crepitus_store_get_backend_name (file), ==, "sqlite");
    g_assert_true (crepitus_store_check_integrity (file, &error));
    g_assert_no_error (error);
    in_file = describe_clinic (file);
    g_assert_cmpstr (in_file, ==, original);
  }

  /* Restored into an empty server database: the same clinic again, ids and all; new ids
   * come after. */
  g_assert_true (crepitus_store_restore (restored_uri, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_null (kept);
  {
    g_autoptr(CrepitusStore) restored = crepitus_test_open_store (restored_uri);
    g_autoptr(CrepitusPatient) added = NULL;

    in_restored = describe_clinic (restored);
    g_assert_cmpstr (in_restored, ==, original);
    g_assert_true (crepitus_store_check_integrity (restored, &error));
    g_assert_no_error (error);
    added = crepitus_test_add_patient (restored, "After", NULL, NULL, NULL);
    g_assert_cmpint (crepitus_patient_get_id (added), >, 3);
  }

  /* Never into a database with records. */
  g_assert_false (crepitus_store_restore (fixture->uri, backup, &kept, &error));
  g_assert_error (error, CREPITUS_STORE_ERROR, CREPITUS_STORE_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, fixture->uri));
  g_clear_error (&error);
  {
    g_autofree char *unchanged = describe_clinic (fixture->store);

    g_assert_cmpstr (unchanged, ==, original);
  }

  crepitus_test_pg_drop_database (restored_uri);
  crepitus_test_remove_tree (tmpdir);
}

/* A backup made by an older Crepitus is migrated on its way in. */
static void
test_restore_older_backup (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *tmpdir = crepitus_test_make_tmpdir ();
  g_autofree char *backup = g_build_filename (tmpdir, "old.db", NULL);
  g_autofree char *uri = crepitus_test_pg_new_database ();
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (crepitus_store_testing_create_at (backup, 2, &error));
  g_assert_no_error (error);
  g_assert_true (crepitus_store_restore (uri, backup, &kept, &error));
  g_assert_no_error (error);
  /* The backup itself is only read. */
  g_assert_cmpint (crepitus_store_testing_file_version (backup), ==, 2);
  {
    g_autoptr(CrepitusStore) store = crepitus_test_open_store (uri);
    g_autoptr(CrepitusAssessment) signed_one = crepitus_store_load_assessment (store, 2002,
                                                                               &error);
    g_autoptr(GPtrArray) found = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (crepitus_assessment_get_signed_by (signed_one), ==, "Dr Sample");
    found = crepitus_store_search_patients (store, "lukasz", 0, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_true (crepitus_store_check_integrity (store, &error));
    g_assert_no_error (error);
  }
  crepitus_test_pg_drop_database (uri);
  crepitus_test_remove_tree (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/crepitus/store/postgresql/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("rooms/never-wait", test_rooms_never_wait);
  ADD ("rooms/same-field-last-write-wins", test_same_field_last_write_wins);
  ADD ("rooms/at-once", test_rooms_at_once);
  ADD ("rooms/signed-refused-everywhere", test_signed_refused_everywhere);
  ADD ("rooms/changes-heard", test_changes_heard);
  ADD ("rooms/refresh-from-elsewhere", test_refresh_from_elsewhere);
  ADD ("schema/refused", test_refused_databases);
  ADD ("schema/migrate-at-once", test_migrate_at_once);
  ADD ("read-only", test_read_only);
  ADD ("backup-restore", test_backup_restore);
  ADD ("restore-older-backup", test_restore_older_backup);
  /* Last: it stops the server. */
  ADD ("faults/server-killed-and-restarted", test_server_killed_and_restarted);
#undef ADD

  return g_test_run ();
}
