/* bench-scale.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Scale benchmarks on a large generated database. It talks to SQLite
 * directly for the baselines: the same rows read straight from the file
 * with a plain query, against which the store's own time is measured. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <sqlite3.h>

#include "se-csv.h"
#include "se-placement.h"
#include "se-query-model.h"
#include "se-test-bench.h"

/* Benchmarks B1, B2 and B5 on the large database (se-generate's default,
 * 200,000 placements), written next to this program when missing:
 *
 *   B1 open the database and build the first 50 rows of the placements
 *      list, against raw SQLite calls doing the same in this process;
 *   B2 search as you type: "d", "di", "dig", "digi", each to its first
 *      page of 50 records;
 *   B5 the CSV import of 200,000 placements, against the sqlite3
 *      program's own .import of the same file into an equivalent table.
 *
 * Each line "RESULT <name> <value> <unit>" is read by build-aux/benchmarks. */

/* B1, raw: what the list needs of 50 rows, straight from SQLite. */
static double
raw_first_rows (const char *path)
{
  double        t0 = se_bench_now_ms ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, kind, title, start_date, end_date, format,"
                                           " location, status, partnership_id, agreement_id,"
                                           " confidential, goals, outcome FROM placement"
                                           " ORDER BY start_date DESC, id DESC LIMIT 50",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        (void) sqlite3_column_text (stmt, c);
      n++;
    }
  g_assert_cmpuint (n, ==, 50);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return se_bench_now_ms () - t0;
}

static double
model_first_rows (const char *path)
{
  double t0 = se_bench_now_ms (), t1;
  g_autoptr(GError) error = NULL;
  SeStore *store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  SeQueryModel *model;

  g_assert_no_error (error);
  model = se_query_model_new_for_view (store, SE_TYPE_PLACEMENT);
  g_assert_cmpuint (se_bench_first_page (model), >=, 50);
  t1 = se_bench_now_ms ();
  g_object_unref (model);
  g_object_unref (store);
  return t1 - t0;
}

static void
bench_b1 (const char *path)
{
  double raw[SE_BENCH_REPEAT], ours[SE_BENCH_REPEAT];

  /* Once each first, so that both find the file in the page cache. */
  raw_first_rows (path);
  model_first_rows (path);
  for (guint i = 0; i < SE_BENCH_REPEAT; i++)
    {
      raw[i] = raw_first_rows (path);
      ours[i] = model_first_rows (path);
    }
  g_print ("RESULT b1-app-ms %.2f ms\n", se_bench_median (ours, SE_BENCH_REPEAT));
  g_print ("RESULT b1-raw-ms %.2f ms\n", se_bench_median (raw, SE_BENCH_REPEAT));
  g_print ("RESULT b1-ratio %.2f x\n", se_bench_median (ours, SE_BENCH_REPEAT) / se_bench_median (raw, SE_BENCH_REPEAT));
}

static void
bench_b2 (const char *path)
{
  const char *typed[] = { "d", "di", "dig", "digi" };
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_autoptr(SeQueryModel) model = NULL;
  double times[G_N_ELEMENTS (typed)][SE_BENCH_REPEAT];
  double worst = 0;

  g_assert_no_error (error);
  model = se_query_model_new_for_view (store, SE_TYPE_PLACEMENT);
  for (guint r = 0; r < SE_BENCH_REPEAT; r++)
    {
      se_query_model_set_search (model, NULL);
      for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
        {
          double t0 = se_bench_now_ms ();
          guint n;

          se_query_model_set_search (model, typed[w]);
          n = se_bench_first_page (model);
          times[w][r] = se_bench_now_ms () - t0;
          if (r == 0)
            g_print ("b2: “%s”: %u placements\n", typed[w], n);
        }
    }
  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    {
      double m = se_bench_median (times[w], SE_BENCH_REPEAT);
      g_print ("RESULT b2-%s-ms %.2f ms\n", typed[w], m);
      worst = MAX (worst, m);
    }
  g_print ("RESULT b2-worst-ms %.2f ms\n", worst);
}

/* sqlite3's own .import of @csv (header skipped) into a new database @name
 * in @dir made with @schema; the time from starting sqlite3 to its end. */
static double
sqlite3_import (const char *dir,
                const char *name,
                const char *csv,
                const char *schema)
{
  g_autofree char *db = g_build_filename (dir, name, NULL);
  g_autofree char *script = g_strdup_printf ("PRAGMA synchronous = FULL;\n"
                                             "PRAGMA cache_size = -262144;\n%s\n"
                                             ".import --csv --skip 1 '%s' placement\n",
                                             schema, csv);
  const char *args[] = { "sqlite3", db, NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) in = g_bytes_new (script, strlen (script));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) err = NULL;
  double t0, t;

  t0 = se_bench_now_ms ();
  proc = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                  | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, in, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  t = se_bench_now_ms () - t0;
  /* A line the constraints reject is reported, not imported: none may be. */
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_assert_cmpuint (g_bytes_get_size (err), ==, 0);
  return t;
}

/* B5: the placements of the large database as a CSV file (field names in
 * the header, no references, so that an empty database takes them). */
static void
bench_b5 (const char *path)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *csv = g_build_filename (dir, "placements.csv", NULL);
  g_autofree char *ours_db = g_build_filename (dir, "import.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = NULL;
  double ours, equivalent, bare;

  se_bench_write_placements_csv (path, csv);

  store = se_store_open (ours_db, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  ours = se_bench_import (store, csv);
  g_clear_object (&store);

  /* sqlite3's .import of the same file into a table equivalent to the
   * app's: the same columns (the rowid is the id), the same constraints
   * (as in se-store-schema.c) and the same indexes over them, the same
   * durability (synchronous FULL; .import writes in one transaction) and
 * the same page cache as the app's bulk insert (256 MB).
   * What the app does on top is its own work: building and validating a
   * record per line, the search index, the audit trail. For reference,
   * also into a bare table with one index. */
  equivalent = sqlite3_import (
    dir, "equivalent.db", csv,
    "CREATE TABLE placement ("
    "  kind TEXT NOT NULL DEFAULT 'hospitation' CHECK (kind IN ('hospitation', 'job-swap',"
    "    'virtual', 'secondment', 'delegation-visit', 'working-meeting')),"
    "  title TEXT NOT NULL CHECK (coalesce(length(trim(title)), 0) > 0),"
    "  start_date TEXT NOT NULL CHECK (start_date IS NULL OR date(start_date, '+0 days') IS start_date),"
    "  end_date TEXT NOT NULL CHECK (end_date IS NULL OR date(end_date, '+0 days') IS end_date),"
    "  format TEXT NOT NULL DEFAULT 'on-site' CHECK (format IN ('on-site', 'virtual', 'hybrid')),"
    "  location TEXT,"
    "  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved',"
    "    'completed', 'cancelled')),"
    "  CHECK (end_date >= start_date));"
    "CREATE INDEX placement_start ON placement (start_date);"
    "CREATE INDEX placement_kind ON placement (kind, start_date);"
    "CREATE INDEX placement_status ON placement (status, start_date);"
    "CREATE INDEX placement_end ON placement (end_date);");
  bare = sqlite3_import (
    dir, "bare.db", csv,
    "CREATE TABLE placement (kind TEXT NOT NULL, title TEXT NOT NULL,"
    " start_date TEXT NOT NULL, end_date TEXT NOT NULL, format TEXT NOT NULL, location TEXT,"
    " status TEXT NOT NULL, CHECK (end_date >= start_date));"
    "CREATE INDEX placement_start ON placement (start_date);");

  g_print ("RESULT b5-app-ms %.0f ms\n", ours);
  g_print ("RESULT b5-sqlite3-ms %.0f ms\n", equivalent);
  g_print ("RESULT b5-ratio %.2f x\n", ours / equivalent);
  g_print ("RESULT b5-bare-ms %.0f ms\n", bare);
  g_print ("RESULT b5-bare-ratio %.2f x\n", ours / bare);
  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = se_bench_large_database (argv[0]);
  const char *which = argc > 1 ? argv[1] : "all";

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (g_str_equal (which, "all") || g_str_equal (which, "b1"))
    bench_b1 (path);
  if (g_str_equal (which, "all") || g_str_equal (which, "b2"))
    bench_b2 (path);
  if (g_str_equal (which, "all") || g_str_equal (which, "b5"))
    bench_b5 (path);
  return 0;
}
