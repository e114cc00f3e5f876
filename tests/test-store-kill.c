/* test-store-kill.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A writer killed with SIGKILL at many different points, inside
 * transactions and in the middle of COMMIT: after each kill the file must
 * open, pass integrity_check, hold every committed record and nothing of
 * a transaction that did not commit. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "se-error.h"
#include "se-record.h"
#include "se-store.h"
#include "se-test-util.h"
#include "se-topic.h"

#define K 5          /* records per transaction */
#define N_KILLS 24

typedef struct
{
  GPid   pid;
  FILE  *out;
} Writer;

static void
start_writer (Writer     *w,
              const char *path,
              guint       seed)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "se-test-writer", NULL);
  g_autofree char *k = g_strdup_printf ("%d", K);
  g_autofree char *s = g_strdup_printf ("%u", seed);
  const char *argv[] = { helper, "write", path, k, "0", s, NULL };
  g_autoptr(GError) error = NULL;
  int out_fd = -1;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &w->pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  w->out = fdopen (out_fd, "r");
  g_assert_nonnull (w->out);
}

/* Verifies the file after a kill; returns the number of records in it. */
static guint
check_file (const char *path,
            guint       reported)
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *topics;
  guint n;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  se_store_check_integrity (store, FALSE, &error);
  g_assert_no_error (error);

  topics = se_store_get_list (store, SE_TYPE_TOPIC);
  n = g_list_model_get_n_items (topics);

  /* Nothing half-written: whole transactions only. */
  g_assert_cmpuint (n % K, ==, 0);
  /* Everything reported as committed is there; at most the transaction
   * whose COMMIT was done but not yet printed is there in addition. */
  g_assert_cmpuint (n, >=, reported);
  g_assert_cmpuint (n, <=, reported + K);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SeRecord) topic = g_list_model_get_item (topics, i);
      g_autofree char *expected = g_strdup_printf ("T-%08u", i + 1);
      g_assert_cmpstr (se_record_get_string (topic, "name"), ==, expected);
    }

  return n;
}

static void
test_kill_writer (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "kill.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GHashTable) points = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint total = 0;

  {
    /* The file exists with its schema before the first writer starts. */
    g_autoptr(GError) error = NULL;
    g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
    g_assert_no_error (error);
  }

  for (guint i = 0; i < N_KILLS; i++)
    {
      /* Kill after a varying number of commits of this run, then after a
       * random delay that lands inside a transaction or its COMMIT. */
      guint target = (i * 7) % 31;
      guint delay = (guint) g_rand_int_range (rand, 0, 4000);
      guint reported = total, this_run = 0;
      char line[64];
      Writer w = { 0 };
      int status = 0;

      start_writer (&w, path, i + 1);

      while (this_run < target && fgets (line, sizeof line, w.out) != NULL)
        {
          reported = (guint) atoi (line);
          this_run++;
        }
      g_assert_cmpuint (this_run, ==, target);
      g_usleep (delay);
      g_assert_cmpint (kill (w.pid, SIGKILL), ==, 0);

      /* Lines printed before the kill are commits too. */
      while (fgets (line, sizeof line, w.out) != NULL)
        reported = (guint) atoi (line);
      fclose (w.out);
      g_assert_cmpint (waitpid (w.pid, &status, 0), ==, w.pid);
      g_spawn_close_pid (w.pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      total = check_file (path, reported);
      g_hash_table_add (points, GUINT_TO_POINTER (total * 10000 + delay));
      g_test_message ("kill %u: after %u commits + %u µs: %u records on file "
                      "(%u reported)", i, target, delay, total, reported);
    }

  /* At least 20 different points: counts of records and delays. */
  g_assert_cmpuint (g_hash_table_size (points), >=, 20);
  g_assert_cmpuint (total, >, 0);

  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/kill/writer", test_kill_writer);

  return g_test_run ();
}
