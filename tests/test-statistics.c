/* test-statistics.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <string.h>

#include "se-enums.h"
#include "se-example-data.h"
#include "se-statistics.h"
#include "se-test-planning.h"
#include "se-test-db.h"
#include "se-test-util.h"

/* The numbers of the five example cases, counted by hand from the example
 * data (se-example-data.c):
 *
 *   placement                         year  days  guests  direction
 *   virtual, Essen → Sunderland       2021   19    1      JobCenter Essen → Sunderland
 *   delegation visit                  2023    1    1      Leipzig → Dortmund
 *   job swap                          2022    5    2      both ways Bad Salzuflen ⇄ KDN
 *   1st working meeting               2016    2    1      Jobcenter Cham → Jobcenter Bautzen
 *   2nd working meeting               2017    2    1      Jobcenter Bautzen → Jobcenter Cham
 *   3rd working meeting               2018    2    1      Jobcenter Cham → Jobcenter Bautzen
 *   4th working meeting               2019    2    6      Jobcenter Bautzen → Jobcenter Cham
 *   hospitation (proposed)            2027    5    1      Jobcenter Bautzen → Jobcenter Cham
 *
 * Total: 8 placements, 38 days, 14 guests, 53 guest-days. */

typedef struct
{
  char         *dir;
  char         *db;
  SeStore      *store;
  SeStatistics *stats;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = se_test_make_dir ();
  f->db = se_test_db_new (f->dir, "stats.db");
  f->store = se_test_db_open (f->db, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  se_example_data_load (f->store, &error);
  g_assert_no_error (error);
  f->stats = se_statistics_compute (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->stats, se_statistics_free);
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  se_test_db_free (f->db);
  g_free (f->dir);
}

static void
assert_row (const SeStatisticsRow *row,
            guint                  placements,
            guint                  days,
            guint                  guests,
            guint                  guest_days)
{
  g_assert_nonnull (row);
  g_assert_cmpuint (row->placements, ==, placements);
  g_assert_cmpuint (row->days, ==, days);
  g_assert_cmpuint (row->guests, ==, guests);
  g_assert_cmpuint (row->guest_days, ==, guest_days);
}

static void
test_total (Fixture       *f,
            gconstpointer  data)
{
  assert_row (se_statistics_get_total (f->stats), 8, 38, 14, 53);
}

static void
test_by_year (Fixture       *f,
              gconstpointer  data)
{
  guint n;
  const SeStatisticsRow *rows = se_statistics_get_rows (f->stats, SE_STATISTICS_BY_YEAR, &n);
  const int years[] = { 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2027 };

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (years));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (rows[i].key, ==, years[i]);
  assert_row (&rows[0], 1, 2, 1, 2);
  assert_row (se_statistics_find_row (f->stats, SE_STATISTICS_BY_YEAR, "2019"), 1, 2, 6, 12);
  assert_row (se_statistics_find_row (f->stats, SE_STATISTICS_BY_YEAR, "2021"), 1, 19, 1, 19);
  assert_row (se_statistics_find_row (f->stats, SE_STATISTICS_BY_YEAR, "2022"), 1, 5, 2, 10);
  assert_row (se_statistics_find_row (f->stats, SE_STATISTICS_BY_YEAR, "2027"), 1, 5, 1, 5);
  g_assert_null (se_statistics_find_row (f->stats, SE_STATISTICS_BY_YEAR, "2020"));
}

static void
test_by_kind (Fixture       *f,
              gconstpointer  data)
{
#define KIND(k) se_statistics_find_row (f->stats, SE_STATISTICS_BY_KIND, \
                                        se_enum_get_label (SE_TYPE_PLACEMENT_KIND, k))
  assert_row (KIND (SE_PLACEMENT_KIND_VIRTUAL), 1, 19, 1, 19);
  assert_row (KIND (SE_PLACEMENT_KIND_DELEGATION_VISIT), 1, 1, 1, 1);
  assert_row (KIND (SE_PLACEMENT_KIND_JOB_SWAP), 1, 5, 2, 10);
  assert_row (KIND (SE_PLACEMENT_KIND_WORKING_MEETING), 4, 8, 9, 18);
  assert_row (KIND (SE_PLACEMENT_KIND_HOSPITATION), 1, 5, 1, 5);
  g_assert_null (KIND (SE_PLACEMENT_KIND_SECONDMENT));
#undef KIND
}

static void
test_by_partnership (Fixture       *f,
                     gconstpointer  data)
{
  guint n;

  se_statistics_get_rows (f->stats, SE_STATISTICS_BY_PARTNERSHIP, &n);
  g_assert_cmpuint (n, ==, 4);
  assert_row (se_statistics_find_row (f->stats, SE_STATISTICS_BY_PARTNERSHIP,
                                      "Kooperation der Jobcenter Cham und Bautzen"),
              5, 13, 10, 23);
  assert_row (se_statistics_find_row (f->stats, SE_STATISTICS_BY_PARTNERSHIP,
                                      "Städtepartnerschaft Essen – Sunderland"),
              1, 19, 1, 19);
}

static void
test_by_direction (Fixture       *f,
                   gconstpointer  data)
{
  guint n;

#define DIRECTION(label) se_statistics_find_row (f->stats, SE_STATISTICS_BY_DIRECTION, label)
  se_statistics_get_rows (f->stats, SE_STATISTICS_BY_DIRECTION, &n);
  g_assert_cmpuint (n, ==, 6);
  assert_row (DIRECTION ("JobCenter Essen → Sunderland"), 1, 19, 1, 19);
  assert_row (DIRECTION ("Leipzig → Dortmund"), 1, 1, 1, 1);
  /* The job swap counts once in each direction. */
  assert_row (DIRECTION ("Bad Salzuflen → KDN"), 1, 5, 1, 5);
  assert_row (DIRECTION ("KDN → Bad Salzuflen"), 1, 5, 1, 5);
  assert_row (DIRECTION ("Jobcenter Cham → Jobcenter Bautzen"), 2, 4, 2, 4);
  assert_row (DIRECTION ("Jobcenter Bautzen → Jobcenter Cham"), 3, 9, 8, 19);
#undef DIRECTION
}

/* Cancelled placements are not counted; placements without guests count
 * in their agreement's direction. */
static void
test_cancelled_and_no_guests (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SeStatistics) stats = NULL;
  gint64 a = se_test_organisation (f->store, "Amt A", 0);
  gint64 b = se_test_organisation (f->store, "Amt B", 0);
  gint64 agreement = se_test_agreement (f->store, 0, a, b, SE_AGREEMENT_KIND_HOSPITATION,
                                        SE_AGREEMENT_STATUS_SIGNED, NULL, NULL);

  se_test_placement (f->store, SE_PLACEMENT_KIND_SECONDMENT, "Abgesagt", "2024-01-01",
                     "2024-01-31", SE_PLACEMENT_STATUS_CANCELLED, 0, agreement);
  se_test_placement (f->store, SE_PLACEMENT_KIND_SECONDMENT, "Ohne Gäste", "2024-02-01",
                     "2024-02-03", SE_PLACEMENT_STATUS_PROPOSED, 0, agreement);
  stats = se_statistics_compute (f->store);
  assert_row (se_statistics_get_total (stats), 9, 41, 14, 53);
  assert_row (se_statistics_find_row (stats, SE_STATISTICS_BY_DIRECTION, "Amt A → Amt B"),
              1, 3, 0, 0);
  assert_row (se_statistics_find_row (stats, SE_STATISTICS_BY_PARTNERSHIP, "No partnership"),
              1, 3, 0, 0);
}

/* Many partnerships: a chart shows the 19 largest and "All others" with
 * the sums of the rest; the total stays what it was. */
static void
test_top_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SeStatistics) stats = NULL;
  g_autoptr(GArray) top = NULL;
  const SeStatisticsRow *rows, *total;
  SeStatisticsRow sum = { 0 }, rest = { 0 };
  guint n, n_combined = 0;

  /* Partnership i has i placements of 2 days each, without guests */
  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *a_name = g_strdup_printf ("Amt %02u A", i);
      g_autofree char *b_name = g_strdup_printf ("Amt %02u B", i);
      gint64 a = se_test_organisation (f->store, a_name, 0);
      gint64 b = se_test_organisation (f->store, b_name, 0);
      gint64 p = se_test_partnership (f->store, a, b, "2020-01-01", NULL,
                                      SE_PARTNERSHIP_STATUS_ACTIVE, 0);

      for (guint k = 0; k < i; k++)
        se_test_placement (f->store, SE_PLACEMENT_KIND_HOSPITATION, "Hospitation",
                           "2024-03-04", "2024-03-05", SE_PLACEMENT_STATUS_APPROVED, p, 0);
    }
  stats = se_statistics_compute (f->store);
  total = se_statistics_get_total (stats);
  /* The example's 8 and 1 + 2 + ... + 30 */
  assert_row (total, 8 + 465, 38 + 930, 14, 53);

  rows = se_statistics_get_rows (stats, SE_STATISTICS_BY_PARTNERSHIP, &n);
  g_assert_cmpuint (n, >, 30);
  for (guint i = 0; i < n; i++)
    {
      sum.placements += rows[i].placements;
      sum.days += rows[i].days;
      sum.guests += rows[i].guests;
      sum.guest_days += rows[i].guest_days;
    }

  top = se_statistics_get_top_rows (stats, SE_STATISTICS_BY_PARTNERSHIP, 20, &n_combined);
  g_assert_cmpuint (top->len, ==, 20);
  g_assert_cmpuint (n_combined, ==, n - 19);
  /* Largest first: 30, 29, ... 12 placements */
  for (guint i = 0; i < 19; i++)
    {
      const SeStatisticsRow *row = &g_array_index (top, SeStatisticsRow, i);

      g_assert_cmpuint (row->placements, ==, 30 - i);
      g_assert_nonnull (se_statistics_find_row (stats, SE_STATISTICS_BY_PARTNERSHIP, row->label));
      rest.placements += row->placements;
      rest.days += row->days;
      rest.guests += row->guests;
      rest.guest_days += row->guest_days;
    }
  {
    const SeStatisticsRow *others = &g_array_index (top, SeStatisticsRow, 19);

    g_assert_cmpstr (others->label, ==, "All others");
    assert_row (others, sum.placements - rest.placements, sum.days - rest.days,
                sum.guests - rest.guests, sum.guest_days - rest.guest_days);
    /* 1 + ... + 11 of the new ones and the example's partnerships */
    g_assert_cmpuint (others->placements, >=, 66);
  }
  assert_row (se_statistics_get_total (stats), 8 + 465, 38 + 930, 14, 53);

  /* Few groups: all of them, in their order, nothing combined */
  g_clear_pointer (&top, g_array_unref);
  rows = se_statistics_get_rows (stats, SE_STATISTICS_BY_YEAR, &n);
  top = se_statistics_get_top_rows (stats, SE_STATISTICS_BY_YEAR, 20, &n_combined);
  g_assert_cmpuint (n_combined, ==, 0);
  g_assert_cmpuint (top->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_array_index (top, SeStatisticsRow, i).label, ==, rows[i].label);

  /* Years capped: the largest keep their order, the rest is summed */
  g_clear_pointer (&top, g_array_unref);
  top = se_statistics_get_top_rows (stats, SE_STATISTICS_BY_YEAR, 3, &n_combined);
  g_assert_cmpuint (top->len, ==, 3);
  g_assert_cmpuint (n_combined, ==, n - 2);
  g_assert_cmpstr (g_array_index (top, SeStatisticsRow, 0).label, <, 
                   g_array_index (top, SeStatisticsRow, 1).label);
  g_assert_cmpstr (g_array_index (top, SeStatisticsRow, 1).label, ==, "2024");
  g_assert_cmpuint (g_array_index (top, SeStatisticsRow, 0).placements
                    + g_array_index (top, SeStatisticsRow, 1).placements
                    + g_array_index (top, SeStatisticsRow, 2).placements, ==, 8 + 465);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "statistik.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  se_statistics_export_csv (f->stats, path, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (csv, -1, NULL));

  lines = g_strsplit (csv, "\r\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[0], ==, "Grouping;Group;Placements;Days;Guests;Guest days");
  g_assert_true (g_strv_contains ((const char * const *) lines, "Year;2019;1;2;6;12"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "Direction;KDN → Bad Salzuflen;1;5;1;5"));
  /* header + 8 years + 4 partnerships + 5 kinds + 6 directions + total, and
   * the empty string after the last CRLF */
  g_assert_cmpuint (n, ==, 1 + 8 + 4 + 5 + 6 + 1 + 1);
  g_assert_cmpstr (lines[n - 2], ==, "Total;Total;8;38;14;53");
  g_assert_cmpstr (lines[n - 1], ==, "");
}

static char *
unzip_member (const char *zip,
              const char *member)
{
  const char *argv[] = { "unzip", "-p", zip, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "statistik.xlsx", NULL);
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  g_autofree char *strings = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  se_statistics_export_xlsx (f->stats, path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* No temporary file is left behind. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (name[0] == '.');

  if (unzip == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }

  workbook = unzip_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"Year\""));
  g_assert_nonnull (strstr (workbook, "name=\"Direction\""));

  strings = unzip_member (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, "<t>Jobcenter Bautzen → Jobcenter Cham</t>"));
  g_assert_nonnull (strstr (strings, "<t>Guest days</t>"));

  /* Year sheet: 2021 is the fifth year, row 6; its 19 days are in column C. */
  sheet = unzip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "<c r=\"C6\"><v>19</v></c>"));
  /* The total row under the 8 years: 38 days. */
  g_assert_nonnull (strstr (sheet, "<v>38</v>"));
  g_free (sheet);

  sheet = unzip_member (path, "xl/charts/chart1.xml");
  g_assert_nonnull (strstr (sheet, "<c:barChart>"));
}

/* A folder that does not exist: an error that names the file, nothing written. */
static void
test_write_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "fehlt", "statistik.xlsx", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "fehlt", "statistik.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (se_statistics_export_xlsx (f->stats, path, &error));
  g_assert_error (error, SE_STATISTICS_ERROR, SE_STATISTICS_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "statistik.xlsx"));
  g_clear_error (&error);
  g_assert_false (se_statistics_export_csv (f->stats, csv_path, &error));
  g_assert_error (error, SE_STATISTICS_ERROR, SE_STATISTICS_ERROR_WRITE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/statistics/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("total", test_total);
  ADD ("by-year", test_by_year);
  ADD ("by-kind", test_by_kind);
  ADD ("by-partnership", test_by_partnership);
  ADD ("by-direction", test_by_direction);
  ADD ("cancelled-and-no-guests", test_cancelled_and_no_guests);
  ADD ("top-rows", test_top_rows);
  ADD ("csv", test_csv);
  ADD ("xlsx", test_xlsx);
  ADD ("write-error", test_write_error);

  return g_test_run ();
}
