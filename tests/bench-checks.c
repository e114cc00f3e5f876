/* bench-checks.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "se-checks.h"
#include "se-date.h"
#include "se-ical.h"
#include "se-statistics.h"
#include "se-test-planning.h"
#include "se-test-util.h"

/* How long the consistency checks, the statistics and a full calendar
 * export take on a big database: N placements (20,000 unless given as the
 * first argument) with two guests and a mentor each, between 60
 * organisations, under 30 partnerships and agreements with quotas.
 *
 * First, if there is one, the checks on the large database of the scale
 * benchmarks (se-large.db next to this program, or --database FILE, which
 * is only read): the median of three runs and how far the process's peak
 * memory grew over the runs, findings included. */

#define RUNS 3

static long
vm_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line != NULL ? strtol (line + strlen (field), NULL, 10) : -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench_large (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = NULL;
  double seconds[RUNS];
  guint n_findings = 0;
  long before;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print ("checks on the large database: skipped, no %s\n", path);
      return;
    }

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  before = vm_kb ("VmHWM:");

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GPtrArray) findings = NULL;
      gint64 t0 = g_get_monotonic_time ();

      findings = se_checks_run (store, "2026-01-01", 90, &error);
      seconds[i] = (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC;
      g_assert_no_error (error);
      n_findings = findings->len;
    }
  qsort (seconds, RUNS, sizeof (double), compare_doubles);
  g_print ("checks on the large database (%u placements): %u findings, %.2f s "
           "(median of %d runs), peak memory grew by %ld MB\n",
           se_store_count (store, SE_TYPE_PLACEMENT), n_findings, seconds[RUNS / 2], RUNS,
           (vm_kb ("VmHWM:") - before) / 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bin_dir = g_path_get_dirname (argv[0]);
  g_autofree char *large = NULL;
  guint n = 20000;
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *ics = g_build_filename (dir, "bench.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(SeStatistics) stats = NULL;
  gint64 orgs[60], people[3000], partnerships[30], agreements[30];
  GRand *rand = g_rand_new_with_seed (42);
  gint64 t0, t1;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--database") && i + 1 < argc)
      large = g_strdup (argv[++i]);
    else
      n = (guint) g_ascii_strtoull (argv[i], NULL, 10);
  if (large == NULL)
    large = g_build_filename (bin_dir, "se-large.db", NULL);
  bench_large (large);

  g_assert_no_error (error);
  se_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (orgs); i++)
    {
      g_autofree char *name = g_strdup_printf ("Verwaltung %u", i);
      orgs[i] = se_test_organisation (store, name, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    people[i] = se_test_person (store, "Beschäftigte", orgs[i % G_N_ELEMENTS (orgs)]);
  for (guint i = 0; i < G_N_ELEMENTS (partnerships); i++)
    {
      partnerships[i] = se_test_partnership (store, orgs[2 * i], orgs[2 * i + 1], "1990", NULL,
                                             SE_PARTNERSHIP_STATUS_ACTIVE, 0);
      agreements[i] = se_test_agreement (store, partnerships[i], orgs[2 * i], orgs[2 * i + 1],
                                         SE_AGREEMENT_KIND_HOSPITATION,
                                         SE_AGREEMENT_STATUS_SIGNED, "2000-01-01",
                                         i % 3 == 0 ? "2025-06-30" : NULL);
    }
  /* Committed, so that the updates below find the agreements in the lists. */
  se_store_commit (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (agreements); i++)
    {
      se_test_update (store, SE_TYPE_AGREEMENT, agreements[i], "quota-placements", NULL, 100);
      se_test_update (store, SE_TYPE_AGREEMENT, agreements[i], "quota-days", NULL, 600);
    }
  se_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      guint k = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (partnerships));
      GDate date;
      g_autofree char *start = NULL, *end = NULL;
      gint64 p, a = orgs[2 * k], b = orgs[2 * k + 1];

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2000);
      g_date_add_days (&date, (guint) g_rand_int_range (rand, 0, 365 * 26));
      start = se_date_from_gdate (&date);
      g_date_add_days (&date, (guint) g_rand_int_range (rand, 0, 14));
      end = se_date_from_gdate (&date);
      p = se_test_placement (store, SE_PLACEMENT_KIND_HOSPITATION, "Hospitation", start, end,
                             SE_PLACEMENT_STATUS_APPROVED, partnerships[k], agreements[k]);
      /* People of the two organisations of the partnership: some overlap. */
      se_test_participant (store, p, people[(2 * k) + 60 * (guint) g_rand_int_range (rand, 0, 50)],
                           SE_PARTICIPANT_ROLE_GUEST, a, b);
      se_test_participant (store, p, people[(2 * k + 1) + 60 * (guint) g_rand_int_range (rand, 0, 50)],
                           SE_PARTICIPANT_ROLE_GUEST, b, a);
      se_test_participant (store, p, people[(2 * k + 1) + 60 * (guint) g_rand_int_range (rand, 0, 50)],
                           SE_PARTICIPANT_ROLE_MENTOR, b, b);
    }
  se_store_commit (store, &error);
  g_assert_no_error (error);
  g_rand_free (rand);

  /* Reopened, so that the lists are loaded as the app loads them. */
  g_clear_object (&store);
  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  findings = se_checks_run (store, "2026-01-01", 90, &error);
  t1 = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_print ("checks: %u placements, %u findings, %.2f s (lists loaded on the way)\n",
           n, findings->len, (double) (t1 - t0) / G_USEC_PER_SEC);
  g_clear_pointer (&findings, g_ptr_array_unref);

  t0 = g_get_monotonic_time ();
  findings = se_checks_run (store, "2026-01-01", 90, &error);
  t1 = g_get_monotonic_time ();
  g_print ("checks again (lists in memory): %.2f s\n", (double) (t1 - t0) / G_USEC_PER_SEC);

  t0 = g_get_monotonic_time ();
  stats = se_statistics_compute (store);
  t1 = g_get_monotonic_time ();
  g_print ("statistics: %.2f s\n", (double) (t1 - t0) / G_USEC_PER_SEC);

  t0 = g_get_monotonic_time ();
  se_ical_export_all (store, ics, &error);
  t1 = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_print ("calendar of all placements: %.2f s\n", (double) (t1 - t0) / G_USEC_PER_SEC);

  g_clear_object (&store);
  se_test_remove_dir (dir);
  return 0;
}
