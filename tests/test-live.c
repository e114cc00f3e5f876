/* test-live.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Live updates: two stores on one real server, as two clerks have it
 * open. What one commits reaches the other through LISTEN/NOTIFY
 * (se_store_listen ()), from the main loop; a listener whose connection
 * the server ends connects again and reads again what it holds. */

#include <string.h>

#include "se-csv.h"
#include "se-error.h"
#include "se-organisation.h"
#include "se-record.h"
#include "se-store.h"
#include "se-store-jobs.h"
#include "se-test-db.h"
#include "se-test-util.h"

/* How long a test waits for what should come in milliseconds before it
 * fails: long enough for a slow machine under a sanitizer */
#define WAIT_S 10

typedef struct
{
  char    *dir;
  char    *path;
  SeStore *a; /* one clerk's window */
  SeStore *b; /* another's, which listens */
  gint64   id;
  guint    n_changed;    /* B's "changed" */
  guint    n_live_flips; /* B's notify::live */
  GArray  *seen;         /* B's record-changed: Seen */
} Fixture;

typedef struct
{
  gint64 id;
  int    change;
} Seen;

static void
on_changed (SeStore *store,
            Fixture *f)
{
  f->n_changed++;
}

static void
on_record_changed (SeStore *store,
                   GType    type,
                   gint64   id,
                   int      change,
                   Fixture *f)
{
  Seen seen = { id, change };

  g_array_append_val (f->seen, seen);
}

static void
on_live (SeStore    *store,
         GParamSpec *pspec,
         Fixture    *f)
{
  f->n_live_flips++;
}

/* Runs the main loop until @cond holds, for WAIT_S at most */
#define WAIT_FOR(cond) \
  G_STMT_START \
  { \
    gint64 end_ = g_get_monotonic_time () + WAIT_S * G_USEC_PER_SEC; \
    while (!(cond)) \
      { \
        if (g_get_monotonic_time () > end_) \
          g_error ("%s did not happen within %d s", #cond, WAIT_S); \
        if (!g_main_context_iteration (NULL, FALSE)) \
          g_usleep (1000); \
      } \
  } \
  G_STMT_END

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) org = SE_RECORD (se_organisation_new ());

  f->dir = se_test_make_dir ();
  f->path = se_test_db_new (f->dir, "test.db");
  f->a = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->b = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->seen = g_array_new (FALSE, FALSE, sizeof (Seen));

  se_record_set_string (org, "name", "Stadt Essen");
  g_assert_true (se_store_save (f->a, org, NULL, &error));
  g_assert_no_error (error);
  f->id = se_record_get_id (org);

  g_signal_connect (f->b, "changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->b, "record-changed", G_CALLBACK (on_record_changed), f);
  g_signal_connect (f->b, "notify::live", G_CALLBACK (on_live), f);

  g_assert_false (se_store_get_live (f->b));
  se_store_listen (f->b);
  /* Listening, B reads again what it holds, in case something was
   * committed between its reading and its listening */
  WAIT_FOR (se_store_get_live (f->b) && f->n_changed == 1);
  f->n_changed = 0;
  f->n_live_flips = 0;
  g_array_set_size (f->seen, 0);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_array_unref (f->seen);
  se_test_remove_dir (f->dir);
  se_test_db_free (f->path);
  g_free (f->dir);
}

static void
save_name (SeStore    *store,
           SeRecord   *record,
           const char *name)
{
  g_autoptr(GError) error = NULL;

  se_record_set_string (record, "name", name);
  g_assert_true (se_store_save (store, record, NULL, &error));
  g_assert_no_error (error);
}

static gint64
query_int (const char *conninfo,
           const char *sql)
{
  PGconn   *conn = PQconnectdb (conninfo);
  PGresult *res = PQexec (conn, sql);
  gint64    value;

  if (PQresultStatus (res) != PGRES_TUPLES_OK || PQntuples (res) != 1)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  value = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  PQfinish (conn);
  return value;
}

/* A saves a record B holds: B's object takes the new name, and B tells
 * its receivers, without being asked to look */
static void
test_save (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(SeRecord) live_b = se_store_lookup (f->b, SE_TYPE_ORGANISATION, f->id);
  g_autoptr(SeRecord) live_a = se_store_lookup (f->a, SE_TYPE_ORGANISATION, f->id);
  g_autoptr(SeRecord) mine = se_record_copy (live_a);
  gint64 saved;

  save_name (f->a, mine, "Stadt Essen, Amt 15");
  saved = g_get_monotonic_time ();
  WAIT_FOR (f->n_changed == 1);
  g_test_message ("B heard of A's save after %.0f ms",
                  (g_get_monotonic_time () - saved) / 1000.0);
  g_assert_cmpstr (se_record_get_string (live_b, "name"), ==, "Stadt Essen, Amt 15");
  g_assert_cmpint (se_record_get_row_version (live_b), ==, 2);
  g_assert_cmpuint (f->seen->len, ==, 1);
  g_assert_cmpint (g_array_index (f->seen, Seen, 0).id, ==, f->id);
  g_assert_cmpint (g_array_index (f->seen, Seen, 0).change, ==, SE_STORE_CHANGE_UPDATE);

  /* B saves, and reports its save itself; A hears of it */
  {
    g_autoptr(SeRecord) theirs = se_record_copy (live_b);

    save_name (f->b, theirs, "Stadt Essen, Amt 10");
    g_assert_cmpuint (f->n_changed, ==, 2);
    se_store_listen (f->a);
    WAIT_FOR (g_strcmp0 (se_record_get_string (live_a, "name"), "Stadt Essen, Amt 10") == 0);
    g_assert_true (se_store_get_live (f->a));
  }
}

/* A adds a record and deletes another: B's list gains the one and loses
 * the other */
static void
test_insert_delete (Fixture      *f,
                    gconstpointer data)
{
  GListModel *list_b = se_store_get_list (f->b, SE_TYPE_ORGANISATION);
  g_autoptr(SeRecord) org = SE_RECORD (se_organisation_new ());
  g_autoptr(SeRecord) old = se_store_lookup (f->a, SE_TYPE_ORGANISATION, f->id);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (list_b), ==, 1);

  save_name (f->a, org, "Kreis Unna");
  WAIT_FOR (g_list_model_get_n_items (list_b) == 2);
  g_assert_cmpint (g_array_index (f->seen, Seen, 0).change, ==, SE_STORE_CHANGE_INSERT);

  g_assert_true (se_store_delete (f->a, old, &error));
  g_assert_no_error (error);
  WAIT_FOR (g_list_model_get_n_items (list_b) == 1);
  {
    g_autoptr(SeRecord) left = g_list_model_get_item (list_b, 0);

    g_assert_cmpstr (se_record_get_string (left, "name"), ==, "Kreis Unna");
  }
  g_assert_cmpint (g_array_index (f->seen, Seen, f->seen->len - 1).change, ==,
                   SE_STORE_CHANGE_DELETE);
  g_assert_cmpuint (f->n_changed, ==, 2);
}

/* A transaction is told at its COMMIT, whole: nothing of it before, and
 * nothing at all of one rolled back */
static void
test_transaction (Fixture      *f,
                  gconstpointer data)
{
  GListModel *list_b = se_store_get_list (f->b, SE_TYPE_ORGANISATION);
  g_autoptr(GError) error = NULL;

  g_assert_true (se_store_begin (f->a, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SeRecord) org = SE_RECORD (se_organisation_new ());

      save_name (f->a, org, "Amt");
    }
  /* as long as B would take to hear */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpuint (f->n_changed, ==, 0);
  se_store_rollback (f->a);

  g_assert_true (se_store_begin (f->a, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SeRecord) org = SE_RECORD (se_organisation_new ());

      save_name (f->a, org, "Amt");
    }
  g_assert_true (se_store_commit (f->a, &error));
  g_assert_no_error (error);
  WAIT_FOR (g_list_model_get_n_items (list_b) == 4);
  g_assert_cmpuint (f->n_changed, ==, 1);
}

/* A CSV import (a bulk insert, which the row triggers leave out) shows
 * up in B's list when it commits, all of it at once */
static void
test_import (Fixture      *f,
             gconstpointer data)
{
  GListModel *list_b = se_store_get_list (f->b, SE_TYPE_ORGANISATION);
  g_autoptr(GString) csv = g_string_new ("id;name;country\n");
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint i = 1; i <= 500; i++)
    g_string_append_printf (csv, ";Amt Nummer %u;DE\n", i);
  in = g_memory_input_stream_new_from_data (csv->str, (gssize) csv->len, NULL);
  g_assert_true (se_csv_import (f->a, SE_TYPE_ORGANISATION, in, &n, &problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 500);

  WAIT_FOR (g_list_model_get_n_items (list_b) == 501);
  g_assert_cmpuint (f->n_changed, ==, 1);
}

/* The server ends B's listener (a restart, an administrator): it
 * connects again, and reads again what it holds, for A's save in
 * between never reached it */
static void
test_reconnect (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(SeRecord) live_b = se_store_lookup (f->b, SE_TYPE_ORGANISATION, f->id);
  g_autoptr(SeRecord) live_a = se_store_lookup (f->a, SE_TYPE_ORGANISATION, f->id);
  g_autoptr(SeRecord) mine = se_record_copy (live_a);
  const char      *listener = "SELECT count (*) FROM pg_stat_activity"
                              " WHERE application_name = 'staff-exchange listener'"
                              " AND datname = current_database ()";
  g_autofree char *kill = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM"
                                           " pg_stat_activity WHERE application_name ="
                                           " 'staff-exchange listener' AND datname = '%s'",
                                           f->path + strlen ("dbname="));

  g_assert_cmpint (query_int (f->path, listener), ==, 1);
  query_int (f->path, kill);
  while (query_int (f->path, listener) != 0)
    g_usleep (10000);

  /* B has not run its loop since: the listener is gone, and B does not
   * know yet */
  save_name (f->a, mine, "Stadt Essen, Amt 15");
  g_assert_true (se_store_get_live (f->b));

  WAIT_FOR (f->n_live_flips == 2 && se_store_get_live (f->b) && f->n_changed > 0);
  g_assert_cmpstr (se_record_get_string (live_b, "name"), ==, "Stadt Essen, Amt 15");
  g_assert_cmpint (query_int (f->path, listener), ==, 1);

  /* and hears again */
  f->n_changed = 0;
  save_name (f->a, mine, "Stadt Essen");
  WAIT_FOR (f->n_changed == 1);
  g_assert_cmpstr (se_record_get_string (live_b, "name"), ==, "Stadt Essen");
}

static void
on_presence (SeStore *store,
             GType    type,
             gint64   id,
             guint   *n)
{
  (*n)++;
}

/* Who is editing: A edits the record, B's store says who, and is told
 * when that starts and ends; A's own store never names A */
static void
test_presence (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(SeRecord) live_a = se_store_lookup (f->a, SE_TYPE_ORGANISATION, f->id);
  g_autoptr(SeRecord) live_b = se_store_lookup (f->b, SE_TYPE_ORGANISATION, f->id);
  g_autofree char *editor = NULL;
  guint            n = 0;

  g_signal_connect (f->b, "presence-changed", G_CALLBACK (on_presence), &n);
  g_assert_null (se_store_dup_editor (f->b, live_b));

  se_store_set_editing (f->a, live_a);
  WAIT_FOR (n == 1);
  editor = se_store_dup_editor (f->b, live_b);
  g_assert_cmpstr (editor, ==, g_getenv ("PGUSER"));
  g_assert_null (se_store_dup_editor (f->a, live_a));
  /* the same record again changes nothing */
  se_store_set_editing (f->a, live_a);

  se_store_set_editing (f->a, NULL);
  WAIT_FOR (n == 2);
  g_assert_null (se_store_dup_editor (f->b, live_b));
  g_assert_cmpuint (f->seen->len, ==, 0);
}

static void
on_maintenance (guint *n)
{
  (*n)++;
}

static void
bulk_failed (gpointer      user_data,
             guint         tag,
             const GError *error)
{
  g_assert_not_reached ();
}

/* While A imports (a bulk insert, its transaction open), B's save is
 * refused at once and says who; B's store says who is importing; once A
 * is done, B saves */
static void
test_maintenance (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(SeRecord) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint            n = 0;

  g_signal_connect_swapped (f->b, "maintenance-changed", G_CALLBACK (on_maintenance), &n);
  g_assert_null (se_store_dup_maintainer (f->b));
  g_assert_true (se_store_begin (f->a, &error));
  g_assert_no_error (error);
  g_assert_true (_se_store_bulk_begin (f->a, SE_TYPE_ORGANISATION, bulk_failed, NULL, &error));
  g_assert_no_error (error);

  /* B hears of it while it runs, not at its end */
  WAIT_FOR (n == 1);
  who = se_store_dup_maintainer (f->b);
  g_assert_cmpstr (who, ==, g_getenv ("PGUSER"));
  before = se_test_db_checksum (f->path);
  {
    g_autoptr(SeRecord) live = se_store_lookup (f->b, SE_TYPE_ORGANISATION, f->id);
    mine = se_record_copy (live);
  }
  se_record_set_string (mine, "name", "Stadt Essen, Amt 15");
  g_assert_false (se_store_save (f->b, mine, NULL, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_BUSY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, g_getenv ("PGUSER")));
  g_clear_error (&error);

  se_store_rollback (f->a);
  WAIT_FOR (n == 2);
  after = se_test_db_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (se_store_dup_maintainer (f->b));
  g_assert_true (se_store_save (f->b, mine, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/live/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("save", test_save);
  ADD ("insert-delete", test_insert_delete);
  ADD ("transaction", test_transaction);
  ADD ("import", test_import);
  ADD ("reconnect", test_reconnect);
  ADD ("presence", test_presence);
  ADD ("maintenance", test_maintenance);

  return g_test_run ();
}
