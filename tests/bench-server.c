/* bench-server.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The scale benchmarks B1, B2 and B5 on a PostgreSQL server: the server
 * of tests/se-with-pg, whose address is in PGHOST, PGPORT, PGUSER and
 * PGPASSWORD. It talks to the server through libpq directly for the
 * baselines: the same queries in this process, against which the store's
 * own time is measured.
 *
 *   B1 open the database and build the first 50 rows of the placements
 *      list, against a connection of its own and the statements the
 *      store sends for them (raw_page ()); also both on a connection
 *      already open;
 *   B2 search as you type: "d", "di", "dig", "digi", each to its first
 *      page of 50 records, against the same statements made by hand (the
 *      list view's model counts after its first page, in an idle
 *      callback: checked, not timed), and for comparison the 50 rows in
 *      one SELECT;
 *   B5 the CSV import of 200,000 placements into an empty database,
 *      against COPY of the same file into an equivalent table.
 *
 * B1 and B2 run on a copy of the large database (bench-scale's, written
 * by se-generate when missing) made with se_store_copy_to (). Each line
 * "RESULT <name> <value> <unit>" is read by build-aux/benchmarks. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <unistd.h>

#include <libpq-fe.h>

#include "se-csv.h"
#include "se-placement.h"
#include "se-query-model.h"
#include "se-test-bench.h"
#include "se-test-db.h"

#define REPEAT SE_BENCH_REPEAT

/* What the list shows of a placement, as the store reads it */
#define PLACEMENT_COLUMNS \
  "p.id, p.kind, p.title, p.start_date, p.end_date, p.format, p.location, p.status," \
  " p.partnership_id, p.agreement_id, p.confidential, p.goals, p.outcome"
/* The store's search on the server (se-store-query.c) */
#define SEARCH_WHERE \
  " WHERE p.id IN (SELECT id FROM placement_search WHERE words @@ se_search_query ($1))"

/* A new, empty database on the server: its conninfo ("dbname=..."), which
 * se_test_db_free () drops */
static char *
new_database (void)
{
  static guint     serial;
  g_autofree char *name = g_strdup_printf ("se_bench_%d_%u", (int) getpid (), ++serial);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);

  se_test_pg_run (create);
  return g_strdup_printf ("dbname=%s", name);
}

/* The same database as the store is given it: a postgresql:// address,
 * the server's own from the environment, as libpq takes it */
static SeStore *
open_server (const char *conninfo)
{
  g_autofree char *location = g_strdup_printf ("postgresql:///%s",
                                               conninfo + strlen ("dbname="));
  g_autoptr(GError) error = NULL;
  SeStore *store = se_store_open_location (location, SE_STORE_OPEN_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_true (se_store_is_server (store));
  return store;
}

static PGconn *
connect_raw (const char *conninfo)
{
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", conninfo, PQerrorMessage (conn));
  return conn;
}

/* Runs @sql with the parameter @param (or none), which must give rows;
 * reads every value of them, as a list would. Returns the result. */
static PGresult *
raw_query (PGconn     *conn,
           const char *sql,
           const char *param)
{
  PGresult *res = PQexecParams (conn, sql, param != NULL, NULL, &param, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  for (int r = 0; r < PQntuples (res); r++)
    for (int c = 0; c < PQnfields (res); c++)
      (void) PQgetvalue (res, r, c);
  return res;
}

static void
raw_exec (PGconn     *conn,
          const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (res);
}

/* The large database on the server, copied by the store, analysed */
static char *
server_copy (const char *path)
{
  char *conninfo = new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) file = se_store_open (path, SE_STORE_OPEN_FLAGS_READ_ONLY, &error);
  g_autoptr(SeStore) server = NULL;
  double t0;

  g_assert_no_error (error);
  server = open_server (conninfo);
  t0 = se_bench_now_ms ();
  g_assert_true (se_store_copy_to (file, server, &error));
  g_assert_no_error (error);
  g_print ("setup: %s copied to the server in %.0f s\n", path, (se_bench_now_ms () - t0) / 1000);
  g_clear_object (&server);
  /* As autovacuum would leave it, before it can start in the middle */
  se_test_pg_run_in (conninfo, "VACUUM ANALYZE");
  return conninfo;
}

/* The statements the store sends for a list's first rows, made by hand:
 * the ids of a list view's first page (64, se-query-model.c) in the
 * list's order, then the records of the 50 a window shows first by their
 * ids. @where is the list's condition ("" for all), whose one
 * parameter is @param. The ids of the 50 into @ids (when not NULL). */
static void
raw_page (PGconn     *conn,
          const char *where,
          const char *param,
          GArray     *ids)
{
  g_autofree char *sql = g_strdup_printf ("SELECT p.id FROM placement p%s"
                                          " ORDER BY p.start_date DESC, p.id DESC LIMIT 64",
                                          where);
  g_autoptr(GString) first = g_string_new ("{");
  PGresult   *page = raw_query (conn, sql, param);
  PGresult   *rows;
  const char *array;
  int         n = MIN (PQntuples (page), 50);

  for (int i = 0; i < n; i++)
    g_string_append_printf (first, "%s%s", i > 0 ? "," : "", PQgetvalue (page, i, 0));
  g_string_append_c (first, '}');
  array = first->str;
  rows = raw_query (conn, "SELECT " PLACEMENT_COLUMNS " FROM placement p"
                          " WHERE p.id = ANY ($1::bigint[])",
                    array);
  g_assert_cmpint (PQntuples (rows), ==, n);
  if (ids != NULL)
    {
      g_array_set_size (ids, 0);
      for (int i = 0; i < n; i++)
        {
          gint64 id = g_ascii_strtoll (PQgetvalue (page, i, 0), NULL, 10);
          g_array_append_val (ids, id);
        }
    }
  PQclear (rows);
  PQclear (page);
}

/* B1, raw: a connection and the list's first rows */
static double
raw_first_rows (const char *conninfo,
                PGconn     *open)
{
  double  t0 = se_bench_now_ms (), t;
  PGconn *conn = open != NULL ? open : connect_raw (conninfo);

  raw_page (conn, "", NULL, NULL);
  t = se_bench_now_ms () - t0;
  if (open == NULL)
    PQfinish (conn);
  return t;
}

/* B1, the app: the store opened (or @open) and the list's first page */
static double
model_first_rows (const char *conninfo,
                  SeStore    *open)
{
  double        t0 = se_bench_now_ms (), t;
  SeStore      *store = open != NULL ? g_object_ref (open) : open_server (conninfo);
  SeQueryModel *model = se_query_model_new_for_view (store, SE_TYPE_PLACEMENT);

  g_assert_cmpuint (se_bench_first_page (model), >=, 50);
  t = se_bench_now_ms () - t0;
  g_object_unref (model);
  g_object_unref (store);
  return t;
}

static void
print_pair (const char *name,
            double     *ours,
            double     *raw)
{
  double app = se_bench_median (ours, REPEAT), base = se_bench_median (raw, REPEAT);

  g_print ("RESULT %s-app-ms %.2f ms\n", name, app);
  g_print ("RESULT %s-raw-ms %.2f ms\n", name, base);
  g_print ("RESULT %s-ratio %.2f x\n", name, app / base);
}

/* B1 on fresh connections (@store and @conn NULL) or on open ones */
static void
bench_b1_on (const char *name,
             const char *conninfo,
             SeStore    *store,
             PGconn     *conn)
{
  double raw[REPEAT], ours[REPEAT];

  raw_first_rows (conninfo, conn);
  model_first_rows (conninfo, store);
  for (guint i = 0; i < REPEAT; i++)
    {
      raw[i] = raw_first_rows (conninfo, conn);
      ours[i] = model_first_rows (conninfo, store);
    }
  print_pair (name, ours, raw);
}

static void
bench_b1 (const char *conninfo)
{
  g_autoptr(SeStore) store = NULL;
  PGconn *conn;

  /* A connection each: connecting is most of the time on both sides. */
  bench_b1_on ("b1s", conninfo, NULL, NULL);

  /* The first page alone, on a connection already open: a new model on
   * an open store against the SELECT on an open connection */
  store = open_server (conninfo);
  conn = connect_raw (conninfo);
  bench_b1_on ("b1s-page", conninfo, store, conn);
  PQfinish (conn);
}

/* B2, raw: what the search needs of the server before the list shows
 * it, the statements of raw_page (); the ids of its 50 rows into @ids */
static void
raw_search (PGconn     *conn,
            const char *typed,
            GArray     *ids)
{
  raw_page (conn, SEARCH_WHERE, typed, ids);
}

/* For comparison: the 50 rows in one SELECT, as a program that needs no
 * more than them could read them */
static double
raw_search_one (PGconn     *conn,
                const char *typed)
{
  double    t0 = se_bench_now_ms ();
  PGresult *page = raw_query (conn, "SELECT " PLACEMENT_COLUMNS " FROM placement p" SEARCH_WHERE " ORDER BY p.start_date DESC, p.id DESC LIMIT 50", typed);
  double    t = se_bench_now_ms () - t0;

  PQclear (page);
  return t;
}

/* How many placements the search finds, as the store counts them */
static guint
raw_count (PGconn     *conn,
           const char *typed)
{
  PGresult *count = raw_query (conn, "SELECT count(*) FROM placement_search"
                                     " WHERE words @@ se_search_query ($1)",
                               typed);
  guint     n = (guint) g_ascii_strtoull (PQgetvalue (count, 0, 0), NULL, 10);

  PQclear (count);
  return n;
}

static void
bench_b2 (const char *conninfo)
{
  const char *typed[] = { "d", "di", "dig", "digi" };
  g_autoptr(SeStore) store = open_server (conninfo);
  g_autoptr(SeQueryModel) model = se_query_model_new_for_view (store, SE_TYPE_PLACEMENT);
  PGconn *conn = connect_raw (conninfo);
  double  ours[G_N_ELEMENTS (typed)][REPEAT], raw[G_N_ELEMENTS (typed)][REPEAT];
  double  one[G_N_ELEMENTS (typed)][REPEAT];
  double  worst = 0, worst_ratio = 0;

  /* The first round warms both up; the model starts each round afresh. */
  for (guint r = 0; r <= REPEAT; r++)
    {
      se_query_model_set_search (model, NULL);
      for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
        {
          g_autoptr(GArray) page = g_array_new (FALSE, FALSE, sizeof (gint64));
          double t0 = se_bench_now_ms (), t1, t2;

          se_query_model_set_search (model, typed[w]);
          se_bench_first_page (model);
          t1 = se_bench_now_ms ();
          raw_search (conn, typed[w], page);
          t2 = se_bench_now_ms ();
          /* The same rows; and, once all are read, as many as the server
           * counts (untimed: the window reads them after its first frame) */
          for (guint i = 0; i < page->len; i++)
            g_assert_cmpint (se_query_model_get_id (model, i), ==, g_array_index (page, gint64, i));
          if (r == 0)
            {
              guint  n = raw_count (conn, typed[w]);
              double t3 = se_bench_now_ms ();

              se_query_model_read_all (model);
              g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
              g_print ("b2s: “%s”: %u placements, all their ids read in %.0f ms\n", typed[w], n,
                       se_bench_now_ms () - t3);
              continue;
            }
          ours[w][r - 1] = t1 - t0;
          raw[w][r - 1] = t2 - t1;
          one[w][r - 1] = raw_search_one (conn, typed[w]);
        }
    }
  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    {
      double app = se_bench_median (ours[w], REPEAT), base = se_bench_median (raw[w], REPEAT);

      g_print ("RESULT b2s-%s-ms %.2f ms\n", typed[w], app);
      g_print ("RESULT b2s-%s-raw-ms %.2f ms\n", typed[w], base);
      g_print ("RESULT b2s-%s-one-select-ms %.2f ms\n", typed[w], se_bench_median (one[w], REPEAT));
      worst = MAX (worst, app);
      worst_ratio = MAX (worst_ratio, app / base);
    }
  g_print ("RESULT b2s-worst-ms %.2f ms\n", worst);
  g_print ("RESULT b2s-worst-ratio %.2f x\n", worst_ratio);
  PQfinish (conn);
}

/* COPY of the CSV file @csv into the table placement of a new database
 * made with @schema; the time of the COPY, from reading the file to the
 * server's end of it (a transaction of its own, committed) */
static double
raw_copy (const char *csv,
          const char *schema)
{
  g_autofree char *conninfo = new_database ();
  PGconn          *conn = connect_raw (conninfo);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  char      buffer[65536];
  gssize    got;
  PGresult *res;
  double    t0, t;

  raw_exec (conn, schema);
  t0 = se_bench_now_ms ();
  in = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  res = PQexec (conn, "COPY placement (kind, title, start_date, end_date, format, location, status)"
                      " FROM STDIN (FORMAT csv, HEADER)");
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COPY_IN);
  PQclear (res);
  while ((got = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer, NULL, &error)) > 0)
    g_assert_cmpint (PQputCopyData (conn, buffer, (int) got), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (PQputCopyEnd (conn, NULL), ==, 1);
  res = PQgetResult (conn);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("COPY: %s", PQerrorMessage (conn));
  t = se_bench_now_ms () - t0;
  /* Every line taken: the constraints refuse none */
  g_assert_cmpstr (PQcmdTuples (res), ==, "200000");
  PQclear (res);
  while ((res = PQgetResult (conn)) != NULL)
    PQclear (res);
  PQfinish (conn);
  se_test_db_free (g_steal_pointer (&conninfo));
  return t;
}

static void
bench_b5 (const char *path)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *csv = g_build_filename (dir, "placements.csv", NULL);
  char            *conninfo = new_database ();
  g_autoptr(SeStore) store = NULL;
  double ours, equivalent, bare;

  se_bench_write_placements_csv (path, csv);

  store = open_server (conninfo);
  ours = se_bench_import (store, csv);
  g_clear_object (&store);
  se_test_db_free (conninfo);

  /* COPY into a table equivalent to the app's placement table on the
   * server: the same columns, the same constraints and NOT NULLs (with
   * the schema's own date check) and the same indexes (as in
   * se-store-schema-pg.c); the references go to tables of their own, as
   * the app's do, though the CSV file fills none of them. What the app
   * does on top is its own work: building and validating a record per
   * line, the search index, the audit trail. For reference, also into a
   * bare table with one index. */
  equivalent = raw_copy (
    csv,
    "CREATE FUNCTION se_is_date (d text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$"
    " BEGIN"
    "  RETURN d ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND to_char (d::date, 'YYYY-MM-DD') = d;"
    " EXCEPTION WHEN others THEN RETURN false;"
    " END $$;"
    "CREATE TABLE partnership (id bigint PRIMARY KEY);"
    "CREATE TABLE agreement (id bigint PRIMARY KEY);"
    "CREATE TABLE placement ("
    "  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    "  kind text NOT NULL DEFAULT 'hospitation' CHECK (kind IN ('hospitation', 'job-swap',"
    "    'virtual', 'secondment', 'delegation-visit', 'working-meeting')),"
    "  title text NOT NULL CHECK (coalesce (length (trim (title)), 0) > 0),"
    "  start_date text NOT NULL CHECK (start_date IS NULL OR se_is_date (start_date)),"
    "  end_date text NOT NULL CHECK (end_date IS NULL OR se_is_date (end_date)),"
    "  format text NOT NULL DEFAULT 'on-site' CHECK (format IN ('on-site', 'virtual', 'hybrid')),"
    "  location text,"
    "  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved',"
    "    'completed', 'cancelled')),"
    "  partnership_id bigint REFERENCES partnership (id) ON DELETE RESTRICT,"
    "  agreement_id bigint REFERENCES agreement (id) ON DELETE RESTRICT,"
    "  confidential bigint NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),"
    "  goals text,"
    "  outcome text,"
    "  CHECK (end_date >= start_date));"
    "CREATE INDEX placement_start ON placement (start_date, id);"
    "CREATE INDEX placement_partnership ON placement (partnership_id);"
    "CREATE INDEX placement_agreement ON placement (agreement_id);"
    "CREATE INDEX placement_kind ON placement (kind, start_date, id);"
    "CREATE INDEX placement_status ON placement (status, start_date, id);"
    "CREATE INDEX placement_end ON placement (end_date);");
  bare = raw_copy (
    csv,
    "CREATE TABLE placement (kind text NOT NULL, title text NOT NULL,"
    " start_date text NOT NULL, end_date text NOT NULL, format text NOT NULL, location text,"
    " status text NOT NULL, CHECK (end_date >= start_date));"
    "CREATE INDEX placement_start ON placement (start_date);");

  g_print ("RESULT b5s-app-ms %.0f ms\n", ours);
  g_print ("RESULT b5s-copy-ms %.0f ms\n", equivalent);
  g_print ("RESULT b5s-ratio %.2f x\n", ours / equivalent);
  g_print ("RESULT b5s-bare-ms %.0f ms\n", bare);
  g_print ("RESULT b5s-bare-ratio %.2f x\n", ours / bare);
  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = se_bench_large_database (argv[0]);
  const char      *which = argc > 1 ? argv[1] : "all";
  gboolean         all = g_str_equal (which, "all");

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (g_getenv ("PGHOST") == NULL)
    g_error ("no server: run this under tests/se-with-pg");
  else
    {
      PGconn *conn = connect_raw ("dbname=postgres");

      /* For build-aux/benchmarks' line about the machine */
      g_print ("server: PostgreSQL %s\n", PQparameterStatus (conn, "server_version"));
      PQfinish (conn);
    }
  if (all || g_str_equal (which, "b1") || g_str_equal (which, "b2"))
    {
      char *conninfo = server_copy (path);

      if (all || g_str_equal (which, "b1"))
        bench_b1 (conninfo);
      if (all || g_str_equal (which, "b2"))
        bench_b2 (conninfo);
      se_test_db_free (conninfo);
    }
  if (all || g_str_equal (which, "b5"))
    bench_b5 (path);
  return 0;
}
