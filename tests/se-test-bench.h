/* se-test-bench.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the scale benchmarks share (bench-scale.c on files, bench-server.c
 * on a server): the clock, the median of the repeats, the large database
 * and the CSV file of its placements. */

#include <sqlite3.h>

#include "se-csv.h"
#include "se-placement.h"
#include "se-query-model.h"
#include "se-test-util.h"

/* Each figure is the median of this many runs, after one to warm up. */
#define SE_BENCH_REPEAT 7

static inline int
se_bench_compare_double (gconstpointer a,
                         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static inline double
se_bench_median (double *values,
                 guint   n)
{
  qsort (values, n, sizeof *values, se_bench_compare_double);
  return values[n / 2];
}

static inline double
se_bench_now_ms (void)
{
  return (double) g_get_monotonic_time () / 1000.0;
}

/* The large database (se-generate's default, 200,000 placements) next to
 * the program @argv0, written by se-generate when missing */
static inline char *
se_bench_large_database (const char *argv0)
{
  g_autofree char *dir = g_path_get_dirname (argv0);
  char            *path = g_build_filename (dir, "se-large.db", NULL);
  g_autofree char *generator = g_build_filename (dir, "se-generate", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      const char *args[] = { generator, "--output", path, NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_print ("Generating %s (once; about a minute and a half)\n", path);
      if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                         &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("se-generate: %s", error->message);
    }
  return path;
}

/* B5's input: the placements of the database @path as the CSV file @csv
 * (field names in the header, no references, so that an empty database
 * takes them). */
static inline void
se_bench_write_placements_csv (const char *path,
                               const char *csv)
{
  g_autoptr(GString) out = g_string_new ("kind,title,start-date,end-date,format,location,status\n");
  g_autoptr(GError) error = NULL;
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT kind, title, start_date, end_date, format,"
                                           " coalesce (location, ''), status FROM placement",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 7; c++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, c);
          g_string_append_printf (out, c ? ",\"%s\"" : "\"%s\"", v);
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_file_set_contents (csv, out->str, (gssize) out->len, &error);
  g_assert_no_error (error);
}

/* The first page of @model as the list shows it: its first 50 records,
 * or all when it has fewer. Returns how many items the model has. */
static inline guint
se_bench_first_page (SeQueryModel *model)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < MIN (n, 50u); i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_nonnull (r);
    }
  return n;
}

/* B5: the CSV file @csv of 200,000 placements imported into @store, an
 * empty database; the time it takes */
static inline double
se_bench_import (SeStore    *store,
                 const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint  n = 0;
  double t0 = se_bench_now_ms (), t;

  se_csv_import_file (store, SE_TYPE_PLACEMENT, csv, &n, &problems, &error);
  t = se_bench_now_ms () - t0;
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 200000);
  g_print ("b5: the app imported %u placements in %.0f ms\n", n, t);
  return t;
}
