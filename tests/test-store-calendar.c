/* test-store-calendar.c: the placements of a range of days
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * se_store_find_placements_between() against the plain overlap query
 * (start_date <= to AND end_date >= from, every row read), for ranges
 * that placements start before, end in, span, or touch at one day; and
 * after a change that makes the longest placement longer, which the
 * store's bound on the scan must follow. It talks to SQLite directly for
 * the plain query, and to make that change by another connection, behind
 * the store's back.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <sqlite3.h>

#include "se-placement.h"
#include "se-store-calendar.h"
#include "se-test-db.h"
#include "se-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  SeStore *store;
} Fixture;

static gint64
add (SeStore    *store,
     const char *title,
     const char *start,
     const char *end)
{
  g_autoptr(SeRecord) p = g_object_new (SE_TYPE_PLACEMENT, NULL);
  g_autoptr(GError) error = NULL;

  se_record_set_string (p, "title", title);
  se_record_set_string (p, "start-date", start);
  se_record_set_string (p, "end-date", end);
  g_assert_true (se_store_save (store, p, NULL, &error));
  g_assert_no_error (error);
  return se_record_get_id (p);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = se_test_make_dir ();
  f->path = se_test_db_new (f->dir, "calendar.db");
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  add (f->store, "Before", "2022-01-03", "2022-01-20");
  add (f->store, "Ends on the first day", "2022-01-10", "2022-01-31");
  add (f->store, "Starts before, ends inside", "2021-12-20", "2022-02-03");
  add (f->store, "Inside", "2022-02-07", "2022-02-11");
  add (f->store, "Inside, same start", "2022-02-07", "2022-02-08");
  add (f->store, "Spans it all", "2021-11-01", "2022-04-30");
  add (f->store, "Starts inside, ends after", "2022-03-01", "2022-03-31");
  add (f->store, "Starts on the last day", "2022-03-13", "2022-03-14");
  add (f->store, "After", "2022-03-14", "2022-03-18");
  add (f->store, "One day", "2022-02-28", "2022-02-28");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  se_test_db_free (f->path);
  g_free (f->dir);
}

/* The ids the plain query finds, in the calendar's order */
static GArray *
plain_ids (Fixture    *f,
           const char *from,
           const char *to)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (se_test_backend () == SE_TEST_PG)
    {
      const char *values[] = { from, to };
      PGconn     *conn = PQconnectdb (f->path);
      PGresult   *res = PQexecParams (conn, "SELECT id FROM placement WHERE start_date <= $2"
                                              " AND end_date >= $1 ORDER BY start_date, id",
                                      2, NULL, values, NULL, NULL, 0);

      g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
      for (int i = 0; i < PQntuples (res); i++)
        {
          gint64 id = g_ascii_strtoll (PQgetvalue (res, i, 0), NULL, 10);
          g_array_append_val (ids, id);
        }
      PQclear (res);
      PQfinish (conn);
      return ids;
    }

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM placement WHERE start_date <= ?2"
                                       " AND end_date >= ?1 ORDER BY start_date, id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ids;
}

static void
assert_same (Fixture    *f,
             const char *from,
             const char *to,
             guint       expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = se_store_find_placements_between (f->store, from, to, &error);
  g_autoptr(GArray) plain = plain_ids (f, from, to);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpuint (plain->len, ==, expected);
  g_assert_cmpuint (found->len, ==, plain->len);
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpint (se_record_get_id (g_ptr_array_index (found, i)), ==,
                     g_array_index (plain, gint64, i));
}

static void
test_ranges (Fixture       *f,
             gconstpointer  data)
{
  /* Six weeks of a month view: 31 January to 13 March 2022 */
  assert_same (f, "2022-01-31", "2022-03-13", 8);
  /* One day */
  assert_same (f, "2022-02-28", "2022-02-28", 2);
  assert_same (f, "2022-01-31", "2022-01-31", 3);
  /* A year of the timeline, and a year without any */
  assert_same (f, "2022-01-01", "2022-12-31", 10);
  assert_same (f, "2021-01-01", "2021-12-31", 2);
  assert_same (f, "2023-01-01", "2023-12-31", 0);
  /* Inside the longest placement only */
  assert_same (f, "2022-04-01", "2022-04-30", 1);
}

static void
test_longer (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_same (f, "2024-06-01", "2024-06-30", 0);
  /* Longer than any before: the bound the store keeps must grow with it */
  add (f->store, "Two years", "2023-01-01", "2024-12-31");
  assert_same (f, "2024-06-01", "2024-06-30", 1);

  /* And a change by another connection */
  if (se_test_backend () == SE_TEST_PG)
    se_test_pg_run_in (f->path, "UPDATE placement SET start_date = '2019-01-01'"
                                " WHERE title = 'Two years'");
  else
    {
      sqlite3 *db = NULL;
      g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "UPDATE placement SET start_date = '2019-01-01'"
                                         " WHERE title = 'Two years'",
                                     NULL, NULL, NULL),
                       ==, SQLITE_OK);
      sqlite3_close (db);
    }
  se_store_notify_changed_elsewhere (f->store, SE_TYPE_PLACEMENT);
  assert_same (f, "2019-06-01", "2019-06-30", 1);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/calendar/ranges", Fixture, NULL, fixture_set_up, test_ranges,
              fixture_tear_down);
  g_test_add ("/store/calendar/longer", Fixture, NULL, fixture_set_up, test_longer,
              fixture_tear_down);
  return g_test_run ();
}
