/* test-store-bulk.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Bulk inserts (the CSV import's path). It talks to SQLite directly to
 * count and read rows on disk with a connection of its own, behind the
 * store's back, and to run the full-text index's own integrity check. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "se-csv.h"
#include "se-organisation.h"
#include "se-placement.h"
#include "se-query-model.h"
#include "se-record-list.h"
#include "se-store.h"
#include "se-test-db.h"
#include "se-test-util.h"

/* The bulk insert of a CSV import (se-store.c) drops the per-row insert
 * triggers for its transaction and does their work at the end. These
 * tests read the file with plain SQL afterwards: every inserted record has
 * its audit row, its search row and its place in the counts; the triggers
 * are back exactly as they were, after a commit as after a rollback; the
 * lists follow. */

typedef struct
{
  char    *dir;
  char    *path;
  char    *csv;
  SeStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = se_test_make_dir ();
  f->path = se_test_db_new (f->dir, "test.db");
  f->csv = g_build_filename (f->dir, "import.csv", NULL);
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  g_free (f->dir);
  se_test_db_free (f->path);
  g_free (f->csv);
}

/* One number from the file, read by a connection of its own. */
static gint64
sql_int (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
sql_text (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The FTS5 tables check their index against their content. */
static void
assert_search_intact (Fixture *f)
{
  const char *tables[] = { "placement", "organisation", "person", "partnership", "agreement" };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %1$s_search (%1$s_search)"
                                              " VALUES ('integrity-check')", tables[i]);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (db);
}

#define INDEXES "SELECT group_concat (name || ':' || sql, '|') FROM" \
                " (SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name)"

#define TRIGGERS "SELECT group_concat (name || ':' || sql, '|') FROM" \
                 " (SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name)"

static void
write_placements (Fixture  *f,
                  guint     n,
                  gboolean  bad_last)
{
  g_autoptr(GString) csv = g_string_new ("kind,title,start-date,end-date,format,location,status\n");
  g_autoptr(GError) error = NULL;

  /* Start dates out of the order of the ids, as in real files. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "job-swap,Bulk %u%s,20%02u-03-%02u,2031-01-01,on-site,Ortzz,proposed\n",
                            i, i == 7 ? " Quokka" : "", (i * 7) % 30, 1 + i % 28);
  if (bad_last)
    g_string_append (csv, "job-swap,Bad,2024-02-30,2031-01-01,on-site,,proposed\n");
  g_file_set_contents (f->csv, csv->str, (gssize) csv->len, &error);
  g_assert_no_error (error);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_items)
{
  /* Applied to what the listener knew: the length must come out right. */
  g_assert_cmpuint (position + removed, <=, *n_items);
  *n_items = *n_items - removed + added;
}

static guint
search_count (SeStore    *store,
              const char *text)
{
  g_autoptr(SeQueryModel) model = se_query_model_new (store, SE_TYPE_PLACEMENT);

  se_query_model_set_search (model, text);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SePlacement) first = g_object_new (SE_TYPE_PLACEMENT, NULL);
  g_autoptr(SePlacement) last = g_object_new (SE_TYPE_PLACEMENT, NULL);
  g_autoptr(SeQueryModel) model = NULL;
  g_autofree char *triggers = NULL;
  g_autofree char *triggers_after = NULL;
  guint n = 0, seen;

  se_record_set_string (SE_RECORD (first), "title", "Before");
  se_record_set_string (SE_RECORD (first), "start-date", "2020-01-01");
  se_record_set_string (SE_RECORD (first), "end-date", "2020-01-02");
  se_store_save (f->store, SE_RECORD (first), NULL, &error);
  g_assert_no_error (error);

  model = se_query_model_new (f->store, SE_TYPE_PLACEMENT);
  seen = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (seen, ==, 1);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &seen);
  triggers = sql_text (f, TRIGGERS);

  write_placements (f, 500, FALSE);
  g_assert_true (se_csv_import_file (f->store, SE_TYPE_PLACEMENT, f->csv, &n, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 500);

  /* The list followed, and was told so. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 501);
  g_assert_cmpuint (seen, ==, 501);

  triggers_after = sql_text (f, TRIGGERS);
  g_assert_cmpstr (triggers_after, ==, triggers);

  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement"), ==, 501);
  g_assert_cmpint (sql_int (f, "SELECT n FROM record_count WHERE record_table = 'placement'"),
                   ==, 501);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_PLACEMENT), ==, 501);
  /* One audit row per record, each naming it. */
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM audit_log WHERE record_table = 'placement'"
                               " AND action = 'insert'"), ==, 501);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement WHERE id NOT IN (SELECT record_id"
                               " FROM audit_log WHERE record_table = 'placement'"
                               " AND action = 'insert')"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement_search"), ==, 501);
  assert_search_intact (f);

  g_assert_cmpuint (search_count (f->store, "quokka"), ==, 1);
  g_assert_cmpuint (search_count (f->store, "bulk ortzz"), ==, 500);

  /* The triggers work again for the next record. */
  se_record_set_string (SE_RECORD (last), "title", "After Wombat");
  se_record_set_string (SE_RECORD (last), "start-date", "2021-01-01");
  se_record_set_string (SE_RECORD (last), "end-date", "2021-01-02");
  se_store_save (f->store, SE_RECORD (last), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, 502);
  g_assert_cmpint (sql_int (f, "SELECT n FROM record_count WHERE record_table = 'placement'"),
                   ==, 502);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM audit_log WHERE record_table = 'placement'"
                               " AND action = 'insert'"), ==, 502);
  g_assert_cmpuint (search_count (f->store, "wombat"), ==, 1);

  se_store_delete (f->store, SE_RECORD (last), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f, "SELECT n FROM record_count WHERE record_table = 'placement'"),
                   ==, 501);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 501);
  assert_search_intact (f);
}

/* A bad line: nothing of the bulk stays, the triggers neither go nor
 * double, and the next import works. */
static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *triggers = sql_text (f, TRIGGERS);
  g_autofree char *triggers_after = NULL;
  gint64 audit = sql_int (f, "SELECT count(*) FROM audit_log");
  guint n = 0;

  write_placements (f, 300, TRUE);
  g_assert_false (se_csv_import_file (f->store, SE_TYPE_PLACEMENT, f->csv, &n, &problems, &error));
  g_assert_error (error, SE_CSV_ERROR, SE_CSV_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (((SeCsvProblem *) g_ptr_array_index (problems, 0))->line, ==, 302);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  triggers_after = sql_text (f, TRIGGERS);
  g_assert_cmpstr (triggers_after, ==, triggers);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement_search"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT n FROM record_count WHERE record_table = 'placement'"),
                   ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM audit_log"), ==, audit);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_PLACEMENT), ==, 0);

  write_placements (f, 300, FALSE);
  g_assert_true (se_csv_import_file (f->store, SE_TYPE_PLACEMENT, f->csv, &n, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 300);
  g_assert_cmpint (sql_int (f, "SELECT n FROM record_count WHERE record_table = 'placement'"),
                   ==, 300);
  g_assert_cmpuint (search_count (f->store, "quokka"), ==, 1);
  assert_search_intact (f);
}

/* Given ids, references to records further down (stored at the end as
 * updates of the bulk's rows) and a list that is loaded. */
static void
test_ids_and_references (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GListModel *list = se_store_get_list (f->store, SE_TYPE_ORGANISATION);
  g_autoptr(SeRecord) child = NULL;
  guint n = 0;
  const char *csv =
    "id,name,country,parent-id\n"
    "10,Kreis Kind,DE,20\n"
    "20,Land Eltern,DE,\n"
    ",Stadt Ohne,DE,20\n";

  g_file_set_contents (f->csv, csv, -1, &error);
  g_assert_no_error (error);
  g_assert_true (se_csv_import_file (f->store, SE_TYPE_ORGANISATION, f->csv, &n, &problems,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  child = se_store_lookup (f->store, SE_TYPE_ORGANISATION, 10);
  g_assert_nonnull (child);
  g_assert_cmpint (se_record_get_reference (child, "parent-id"), ==, 20);
  g_assert_cmpint (sql_int (f, "SELECT parent_id FROM organisation WHERE name = 'Stadt Ohne'"),
                   ==, 20);
  g_assert_cmpint (sql_int (f, "SELECT n FROM record_count WHERE record_table = 'organisation'"),
                   ==, 3);
  /* Every insert is logged before the update that stored the reference. */
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM audit_log WHERE record_table = 'organisation'"
                               " AND action = 'insert'"), ==, 3);
  g_assert_cmpint (sql_int (f, "SELECT min(id) FROM audit_log WHERE record_table = 'organisation'"
                               " AND action = 'update' AND record_id = 10"),
                   >, sql_int (f, "SELECT max(id) FROM audit_log WHERE action = 'insert'"));
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM organisation_search"
                               " WHERE organisation_search MATCH 'kind'"), ==, 1);
  assert_search_intact (f);
}

/* A bulk larger than half the table drops the table's indexes and builds
 * them again at its end: they come back exactly as they were, hold every
 * row, and a rollback brings back the ones it dropped. */
static void
test_indexes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *indexes = sql_text (f, INDEXES);
  g_autofree char *after = NULL;
  g_autofree char *after_rollback = NULL;
  g_autofree char *check = NULL;
  guint n = 0;

  /* Above BULK_DROP_INDEXES_MIN (se-store.c), and then a bad line. */
  write_placements (f, 6000, TRUE);
  g_assert_false (se_csv_import_file (f->store, SE_TYPE_PLACEMENT, f->csv, &n, &problems, &error));
  g_assert_error (error, SE_CSV_ERROR, SE_CSV_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);
  after_rollback = sql_text (f, INDEXES);
  g_assert_cmpstr (after_rollback, ==, indexes);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement"), ==, 0);

  write_placements (f, 6000, FALSE);
  g_assert_true (se_csv_import_file (f->store, SE_TYPE_PLACEMENT, f->csv, &n, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6000);
  after = sql_text (f, INDEXES);
  g_assert_cmpstr (after, ==, indexes);

  /* integrity_check compares every index with the table. */
  check = sql_text (f, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement INDEXED BY placement_start"
                               " WHERE start_date >= '2000-01-01'"), ==, 6000);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement INDEXED BY placement_status"
                               " WHERE status = 'proposed'"), ==, 6000);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM audit_log WHERE record_table = 'placement'"
                               " AND action = 'insert'"), ==, 6000);
  g_assert_cmpuint (search_count (f->store, "quokka"), ==, 1);
  assert_search_intact (f);

  /* A small bulk into the now larger table keeps the indexes up to date
   * as it goes; the file is the same afterwards either way. */
  write_placements (f, 100, FALSE);
  g_assert_true (se_csv_import_file (f->store, SE_TYPE_PLACEMENT, f->csv, &n, &problems, &error));
  g_assert_no_error (error);
  g_clear_pointer (&check, g_free);
  check = sql_text (f, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement"), ==, 6100);
}

typedef struct
{
  guint position, removed, added;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  Change c = { position, removed, added };

  g_array_append_val (changes, c);
}

static void
record_changed_cb (SeStore *store,
                   GType    type,
                   gint64   id,
                   int      change,
                   GString *log)
{
  g_string_append_printf (log, "%s:%" G_GINT64_FORMAT ":%d;", g_type_name (type), id, change);
}

static void
assert_change (GArray *changes,
               guint   i,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *c = &g_array_index (changes, Change, i);

  g_assert_cmpuint (c->position, ==, position);
  g_assert_cmpuint (c->removed, ==, removed);
  g_assert_cmpuint (c->added, ==, added);
}

static void
import_elsewhere (SeStore    *other,
                  Fixture    *f,
                  const char *csv)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_set_contents (f->csv, csv, -1, &error);
  g_assert_no_error (error);
  g_assert_true (se_csv_import_file (other, SE_TYPE_PLACEMENT, f->csv, &n, NULL, &error));
  g_assert_no_error (error);
}

/* Another connection (the window's import in a worker thread) inserts,
 * updates and deletes placements; told so, the store brings its records,
 * its loaded list and the list models up to date, with exact
 * items-changed: the new rows where they go, a redraw of the changed row
 * that kept its place, nothing for the row the file left as it was. */
static void
test_changed_elsewhere (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) other = NULL;
  g_autoptr(SeQueryModel) model = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) list_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(SeRecord) held = NULL, same = NULL, kept = NULL, doomed = NULL, item = NULL;
  g_autoptr(SeRecord) doomed_other = NULL;
  g_autofree char *csv = NULL;
  GListModel *list;
  guint pos = 8, n_list, same_pos = 0;

  write_placements (f, 20, FALSE);
  g_assert_true (se_csv_import_file (f->store, SE_TYPE_PLACEMENT, f->csv, NULL, NULL, &error));
  g_assert_no_error (error);

  model = se_query_model_new (f->store, SE_TYPE_PLACEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 20);
  held = g_list_model_get_item (G_LIST_MODEL (model), pos);
  same = g_list_model_get_item (G_LIST_MODEL (model), pos + 1);
  g_signal_connect (model, "items-changed", G_CALLBACK (record_change), changes);
  g_signal_connect (f->store, "record-changed", G_CALLBACK (record_changed_cb), log);

  other = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* One row renamed, one written back as it was, three new ones newer
   * than all others */
  csv = g_strdup_printf ("id,title\n%" G_GINT64_FORMAT ",Renamed elsewhere\n"
                         "%" G_GINT64_FORMAT ",%s\n",
                         se_record_get_id (held), se_record_get_id (same),
                         se_record_get_string (same, "title"));
  import_elsewhere (other, f, csv);
  import_elsewhere (other, f, "kind,title,start-date,end-date,format,location,status\n"
                              "job-swap,New A,2040-01-03,2040-02-01,on-site,Kassel,proposed\n"
                              "job-swap,New B,2040-01-02,2040-02-01,on-site,Kassel,proposed\n"
                              "job-swap,New C,2040-01-01,2040-02-01,on-site,Kassel,proposed\n");

  /* Not told yet: nothing moved */
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpstr (log->str, ==, "");
  g_assert_cmpstr (se_record_get_string (held, "title"), !=, "Renamed elsewhere");

  se_store_notify_changed_elsewhere (f->store, SE_TYPE_PLACEMENT);

  {
    g_autofree char *expected = g_strdup_printf ("SePlacement:%" G_GINT64_FORMAT ":%d;"
                                                 "SePlacement:0:%d;",
                                                 se_record_get_id (held), SE_STORE_CHANGE_UPDATE,
                                                 SE_STORE_CHANGE_INSERT);
    g_assert_cmpstr (log->str, ==, expected);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 23);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 0, 0, 3);
  assert_change (changes, 1, pos + 3, 1, 1);
  /* The same object, with what the other connection stored */
  g_assert_cmpstr (se_record_get_string (held, "title"), ==, "Renamed elsewhere");
  item = g_list_model_get_item (G_LIST_MODEL (model), pos + 3);
  g_assert_true (item == held);
  g_clear_object (&item);
  kept = se_store_lookup (f->store, SE_TYPE_PLACEMENT, se_record_get_id (held));
  g_assert_true (kept == held);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (se_record_get_string (item, "title"), ==, "New A");
  g_clear_object (&item);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_PLACEMENT), ==, 23);

  /* With the whole list loaded: a row deleted, two added, one renamed */
  list = se_store_get_list (f->store, SE_TYPE_PLACEMENT);
  n_list = g_list_model_get_n_items (list);
  g_assert_cmpuint (n_list, ==, 23);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change), list_changes);
  g_array_set_size (changes, 0);
  g_string_truncate (log, 0);
  g_assert_true (se_record_list_find (SE_RECORD_LIST (list), se_record_get_id (same), &same_pos)
                 == same);
  /* Ordered by id, the changes come in the list's order */
  doomed = g_list_model_get_item (list, same_pos + 1);
  doomed_other = se_store_lookup (other, SE_TYPE_PLACEMENT, se_record_get_id (doomed));
  g_assert_true (se_store_delete (other, doomed_other, &error));
  g_assert_no_error (error);
  g_free (csv);
  csv = g_strdup_printf ("id,title\n%" G_GINT64_FORMAT ",Renamed again\n",
                         se_record_get_id (same));
  import_elsewhere (other, f, csv);
  import_elsewhere (other, f, "kind,title,start-date,end-date,format,location,status\n"
                              "job-swap,Old D,1990-01-02,1990-02-01,on-site,Kassel,proposed\n"
                              "job-swap,Old E,1990-01-01,1990-02-01,on-site,Kassel,proposed\n");

  se_store_notify_changed_elsewhere (f->store, SE_TYPE_PLACEMENT);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 24);
  g_assert_cmpuint (list_changes->len, ==, 4);
  assert_change (list_changes, 0, same_pos, 1, 1);
  assert_change (list_changes, 1, same_pos + 1, 1, 0);
  assert_change (list_changes, 2, 22, 0, 1);
  assert_change (list_changes, 3, 23, 0, 1);
  g_assert_cmpstr (se_record_get_string (same, "title"), ==, "Renamed again");
  g_assert_null (se_store_lookup (f->store, SE_TYPE_PLACEMENT, se_record_get_id (doomed)));
  /* The model: the deleted row gone, the two oldest at the end, the
   * renamed one drawn again */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 24);
  {
    guint net = 23;
    for (guint i = 0; i < changes->len; i++)
      net = net - g_array_index (changes, Change, i).removed
            + g_array_index (changes, Change, i).added;
    g_assert_cmpuint (net, ==, 24);
  }
  item = g_list_model_get_item (G_LIST_MODEL (model), 23);
  g_assert_cmpstr (se_record_get_string (item, "title"), ==, "Old E");
  g_clear_object (&item);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_PLACEMENT), ==, 24);

  g_signal_handlers_disconnect_by_data (f->store, log);
  g_signal_handlers_disconnect_by_data (list, list_changes);
}

typedef struct
{
  guint         n_calls;
  guint64       done;
  guint64       total;
  GCancellable *cancel_at_first;
  GCancellable *cancel_at_end;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer data)
{
  Progress *p = data;

  g_assert_cmpuint (done, >, p->done);
  g_assert_cmpuint (done, <=, total);
  p->n_calls++;
  p->done = done;
  p->total = total;
  if (p->cancel_at_first != NULL)
    g_cancellable_cancel (p->cancel_at_first);
  if (p->cancel_at_end != NULL && done == total)
    g_cancellable_cancel (p->cancel_at_end);
}

/* The progress counts the file's bytes; a cancellation mid-way (from the
 * progress callback, after the first piece of the file) stores nothing
 * and says so. */
static void
test_progress_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *triggers = NULL, *indexes = NULL, *after = NULL;
  Progress p = { 0 };
  GStatBuf st;
  guint n = 0;

  write_placements (f, 20000, FALSE);
  g_assert_cmpint (g_stat (f->csv, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 2 * 64 * 1024);
  triggers = sql_text (f, TRIGGERS);
  indexes = sql_text (f, INDEXES);

  p.cancel_at_first = cancellable;
  g_assert_false (se_csv_import_file_full (f->store, SE_TYPE_PLACEMENT, f->csv, progress_cb, &p,
                                           &n, &problems, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (problems);
  g_assert_cmpuint (p.n_calls, ==, 1);
  g_assert_cmpuint (p.done, <, (guint64) st.st_size);
  g_assert_cmpuint (p.total, ==, (guint64) st.st_size);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM audit_log"), ==, 0);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_PLACEMENT), ==, 0);
  g_assert_false (se_store_in_transaction (f->store));
  after = sql_text (f, TRIGGERS);
  g_assert_cmpstr (after, ==, triggers);
  g_free (after);
  after = sql_text (f, INDEXES);
  g_assert_cmpstr (after, ==, indexes);

  /* Cancelled after the last piece was read: nothing more is read, but
   * the indexes are not rebuilt, nothing is committed */
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  memset (&p, 0, sizeof p);
  p.cancel_at_end = cancellable;
  g_assert_false (se_csv_import_file_full (f->store, SE_TYPE_PLACEMENT, f->csv, progress_cb, &p,
                                           &n, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (p.done, ==, (guint64) st.st_size);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM placement"), ==, 0);
  g_assert_false (se_store_in_transaction (f->store));
  g_free (after);
  after = sql_text (f, INDEXES);
  g_assert_cmpstr (after, ==, indexes);

  /* Not cancelled: to the end of the file */
  g_clear_error (&error);
  memset (&p, 0, sizeof p);
  g_assert_true (se_csv_import_file_full (f->store, SE_TYPE_PLACEMENT, f->csv, progress_cb, &p,
                                          &n, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 20000);
  g_assert_cmpuint (p.n_calls, >, 1);
  g_assert_cmpuint (p.done, ==, (guint64) st.st_size);
  g_assert_cmpuint (p.total, ==, (guint64) st.st_size);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-bulk/import", Fixture, NULL, fixture_set_up, test_import,
              fixture_tear_down);
  g_test_add ("/store-bulk/rollback", Fixture, NULL, fixture_set_up, test_rollback,
              fixture_tear_down);
  g_test_add ("/store-bulk/indexes", Fixture, NULL, fixture_set_up, test_indexes,
              fixture_tear_down);
  g_test_add ("/store-bulk/progress-and-cancel", Fixture, NULL, fixture_set_up,
              test_progress_and_cancel, fixture_tear_down);
  g_test_add ("/store-bulk/changed-elsewhere", Fixture, NULL, fixture_set_up,
              test_changed_elsewhere, fixture_tear_down);
  g_test_add ("/store-bulk/ids-and-references", Fixture, NULL, fixture_set_up,
              test_ids_and_references, fixture_tear_down);

  return g_test_run ();
}
