/* test-conflict.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* No lost update: two stores on one database, as two clerks have it open,
 * each with a record read before the other saved. Run on a file and, as
 * test-conflict-pg, on a server. */

#include <string.h>

#include "se-error.h"
#include "se-organisation.h"
#include "se-record.h"
#include "se-store.h"
#include "se-test-db.h"
#include "se-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  SeStore *a; /* one clerk's window */
  SeStore *b; /* another's */
  gint64   id;
} Fixture;

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

  se_record_set_string (org, "name", "Stadt Essen");
  se_record_set_string (org, "country", "DE");
  g_assert_true (se_store_save (f->a, org, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (se_record_get_row_version (org), ==, 1);
  f->id = se_record_get_id (org);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  se_test_remove_dir (f->dir);
  se_test_db_free (f->path);
  g_free (f->dir);
}

/* A copy to edit of the record as @store has it */
static SeRecord *
open_copy (SeStore *store,
           gint64   id)
{
  g_autoptr(SeRecord) live = se_store_lookup (store, SE_TYPE_ORGANISATION, id);

  g_assert_nonnull (live);
  return se_record_copy (live);
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

/* Each save moves the version on by one, on the row and on the record */
static void
test_versions (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(SeRecord) copy = open_copy (f->a, f->id);
  g_autoptr(SeRecord) again = NULL;

  g_assert_cmpint (se_record_get_row_version (copy), ==, 1);
  save_name (f->a, copy, "Stadt Essen (Ruhr)");
  g_assert_cmpint (se_record_get_row_version (copy), ==, 2);
  save_name (f->a, copy, "Stadt Essen");
  g_assert_cmpint (se_record_get_row_version (copy), ==, 3);

  /* as read back by the other store */
  again = open_copy (f->b, f->id);
  g_assert_cmpint (se_record_get_row_version (again), ==, 3);
}

/* A saves, then B saves what it read before: B's save is refused with the
 * stored record, and nothing of it is written. Saving B's values on top
 * of the stored version ("Save Mine Anyway") then goes through. */
static void
test_save_after_save (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(SeRecord) mine = open_copy (f->a, f->id);
  g_autoptr(SeRecord) theirs = open_copy (f->b, f->id);
  g_autoptr(SeRecord) live_b = se_store_lookup (f->b, SE_TYPE_ORGANISATION, f->id);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDateTime) at = NULL;
  SeRecord *stored;

  save_name (f->a, mine, "Stadt Essen, Amt 15");

  before = se_test_db_checksum (f->path);
  se_record_set_string (theirs, "name", "Stadt Essen, Amt 10");
  g_assert_false (se_store_save (f->b, theirs, NULL, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Organisation"));
  g_assert_nonnull (strstr (error->message, "opened here"));
  stored = se_store_error_get_stored (error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (se_record_get_string (stored, "name"), ==, "Stadt Essen, Amt 15");
  g_assert_cmpint (se_record_get_row_version (stored), ==, 2);
  at = se_store_error_dup_time (error);
  g_assert_nonnull (at);
  if (se_test_backend () == SE_TEST_PG)
    g_assert_cmpstr (se_store_error_get_actor (error), ==, g_getenv ("PGUSER"));
  else
    g_assert_null (se_store_error_get_actor (error));

  /* nothing written, and B's copy and listed record as they were */
  after = se_test_db_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (se_record_get_string (theirs, "name"), ==, "Stadt Essen, Amt 10");
  g_assert_cmpint (se_record_get_row_version (theirs), ==, 1);
  g_assert_cmpstr (se_record_get_string (live_b, "name"), ==, "Stadt Essen");

  /* Compare: the name is what differs, and nothing the store keeps */
  se_record_set_string (theirs, "region", "Ruhr");
  {
    g_autoptr(GPtrArray) differ = se_record_list_differences (stored, theirs);

    g_assert_cmpuint (differ->len, ==, 2);
    g_assert_cmpstr (((const SeField *) differ->pdata[0])->name, ==, "name");
    g_assert_cmpstr (((const SeField *) differ->pdata[1])->name, ==, "region");
    g_clear_pointer (&differ, g_ptr_array_unref);
    differ = se_record_list_differences (stored, stored);
    g_assert_cmpuint (differ->len, ==, 0);
  }

  /* Save Mine Anyway */
  se_record_set_row_version (theirs, se_record_get_row_version (stored));
  g_clear_error (&error);
  g_assert_true (se_store_save (f->b, theirs, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (se_record_get_row_version (theirs), ==, 3);
  g_assert_cmpstr (se_record_get_string (live_b, "name"), ==, "Stadt Essen, Amt 10");

  /* A's own next save from version 2 is refused in turn */
  se_record_set_string (mine, "name", "Stadt Essen, Amt 16");
  g_assert_false (se_store_save (f->a, mine, NULL, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CONFLICT);
}

/* B deletes what A has changed since B read it: refused, nothing deleted */
static void
test_delete_after_save (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(SeRecord) mine = open_copy (f->a, f->id);
  g_autoptr(SeRecord) theirs = open_copy (f->b, f->id);
  g_autoptr(GError) error = NULL;

  save_name (f->a, mine, "Stadt Essen, Amt 15");
  g_assert_false (se_store_delete (f->b, theirs, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (se_record_get_string (se_store_error_get_stored (error), "name"), ==,
                   "Stadt Essen, Amt 15");
  g_assert_nonnull (strstr (error->message, "delete it again"));
  g_assert_cmpuint (se_store_count (f->a, SE_TYPE_ORGANISATION), ==, 1);
  g_assert_cmpuint (se_store_count (f->b, SE_TYPE_ORGANISATION), ==, 1);
}

/* A deletes, then B saves what it read: refused, the record not made
 * again; and B deleting it too is told it is gone already */
static void
test_save_after_delete (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(SeRecord) mine = open_copy (f->a, f->id);
  g_autoptr(SeRecord) theirs = open_copy (f->b, f->id);
  g_autoptr(GError) error = NULL;

  g_assert_true (se_store_delete (f->a, mine, &error));
  g_assert_no_error (error);

  se_record_set_string (theirs, "name", "Stadt Essen, Amt 10");
  g_assert_false (se_store_save (f->b, theirs, NULL, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND);
  g_assert_null (se_store_error_get_stored (error));
  g_clear_error (&error);
  g_assert_cmpuint (se_store_count (f->b, SE_TYPE_ORGANISATION), ==, 0);

  g_assert_false (se_store_delete (f->b, theirs, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND);
}

/* A rolled back save leaves the version where it was: the next save is
 * not taken for a conflict */
static void
test_rollback (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(SeRecord) copy = open_copy (f->a, f->id);
  g_autoptr(GError) error = NULL;

  g_assert_true (se_store_begin (f->a, &error));
  save_name (f->a, copy, "Stadt Essen, Amt 15");
  g_assert_cmpint (se_record_get_row_version (copy), ==, 2);
  se_store_rollback (f->a);
  g_assert_cmpint (se_record_get_row_version (copy), ==, 1);

  save_name (f->a, copy, "Stadt Essen, Amt 15");
  g_assert_cmpint (se_record_get_row_version (copy), ==, 2);
}

typedef struct
{
  gint64 id;
  int    change;
  guint  n;
} Seen;

static void
on_record_changed (SeStore *store,
                   GType    type,
                   gint64   id,
                   int      change,
                   Seen    *seen)
{
  seen->id = id;
  seen->change = change;
  seen->n++;
}

/* What another connection changed, told to this store by id: the live
 * record takes the stored values and version, and record-changed says so */
static void
test_changed_elsewhere (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(SeRecord) live_b = se_store_lookup (f->b, SE_TYPE_ORGANISATION, f->id);
  g_autoptr(SeRecord) mine = open_copy (f->a, f->id);
  g_autoptr(SeRecord) theirs = NULL;
  Seen seen = { 0 };

  g_signal_connect (f->b, "record-changed", G_CALLBACK (on_record_changed), &seen);
  save_name (f->a, mine, "Stadt Essen, Amt 15");
  se_store_notify_rows_changed_elsewhere (f->b, SE_TYPE_ORGANISATION, &f->id, 1);
  g_assert_cmpuint (seen.n, ==, 1);
  g_assert_cmpint (seen.id, ==, f->id);
  g_assert_cmpint (seen.change, ==, SE_STORE_CHANGE_UPDATE);
  g_assert_cmpstr (se_record_get_string (live_b, "name"), ==, "Stadt Essen, Amt 15");
  g_assert_cmpint (se_record_get_row_version (live_b), ==, 2);

  /* a copy made now saves without a conflict */
  theirs = se_record_copy (live_b);
  save_name (f->b, theirs, "Stadt Essen, Amt 10");

  /* told again of a row that has not changed since: nothing to report */
  se_store_notify_rows_changed_elsewhere (f->b, SE_TYPE_ORGANISATION, &f->id, 1);
  g_assert_cmpuint (seen.n, ==, 2); /* the own save's */

  /* and of one deleted elsewhere, by A once told of B's save */
  g_assert_false (se_store_delete (f->a, mine, NULL));
  se_store_notify_rows_changed_elsewhere (f->a, SE_TYPE_ORGANISATION, &f->id, 1);
  g_clear_object (&mine);
  mine = open_copy (f->a, f->id);
  g_assert_true (se_store_delete (f->a, mine, NULL));
  se_store_notify_rows_changed_elsewhere (f->b, SE_TYPE_ORGANISATION, &f->id, 1);
  g_assert_cmpuint (seen.n, ==, 3);
  g_assert_cmpint (seen.change, ==, SE_STORE_CHANGE_DELETE);
  g_assert_cmpuint (se_store_count (f->b, SE_TYPE_ORGANISATION), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/conflict/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("versions", test_versions);
  ADD ("save-after-save", test_save_after_save);
  ADD ("delete-after-save", test_delete_after_save);
  ADD ("save-after-delete", test_save_after_delete);
  ADD ("rollback", test_rollback);
  ADD ("changed-elsewhere", test_changed_elsewhere);

  return g_test_run ();
}
