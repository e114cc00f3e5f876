/* test-store-writers.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Two processes on one file. With the lock file, the second is refused
 * with a message that names the first, while the first writes on
 * undisturbed. Below the lock, SQLite's own locking with the busy timeout
 * and retries lands every transaction of two concurrent writers exactly
 * once. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "se-error.h"
#include "se-organisation.h"
#include "se-record.h"
#include "se-store.h"
#include "se-test-util.h"
#include "se-topic.h"

static GPid
spawn_writer (const char * const *args,
              int                *out_fd,
              int                *err_fd)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "se-test-writer", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_ptr_array_add (argv, helper);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, out_fd, err_fd, &error);
  g_assert_no_error (error);
  return pid;
}

static int
wait_exit (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
read_all (int fd)
{
  GString *s = g_string_new (NULL);
  char buf[256];
  gssize n;

  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (s, buf, n);
  close (fd);
  return g_string_free (s, FALSE);
}

static void
test_second_refused (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "two.db", NULL);
  const char *write_args[] = { "write", path, "4", "150", "7", NULL };
  const char *open_args[] = { "open", path, NULL };
  g_autofree char *pid_text = NULL;
  g_autofree char *message = NULL;
  g_autofree char *rest = NULL;
  char line[64];
  int out_fd, err_fd;
  FILE *out;
  GPid first, second;

  first = spawn_writer (write_args, &out_fd, NULL);
  out = fdopen (out_fd, "r");
  /* It has the file open and has committed once. */
  g_assert_nonnull (fgets (line, sizeof line, out));

  second = spawn_writer (open_args, NULL, &err_fd);
  message = read_all (err_fd);
  g_assert_cmpint (wait_exit (second), ==, 4);
  g_test_message ("%s", message);
  pid_text = g_strdup_printf ("process %d of user", (int) first);
  g_assert_nonnull (strstr (message, pid_text));
  g_assert_nonnull (strstr (message, g_get_host_name ()));
  g_assert_nonnull (strstr (message, "Close it there first"));

  /* And in this process the same. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
    g_assert_null (store);
    g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_LOCKED);
  }

  while (fgets (line, sizeof line, out) != NULL)
    {
      g_free (rest);
      rest = g_strdup (line);
    }
  fclose (out);
  g_assert_cmpint (wait_exit (first), ==, 0);
  g_assert_cmpint (atoi (rest), ==, 600);

  /* The first writer's work is whole. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
    g_assert_no_error (error);
    se_store_check_integrity (store, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (se_store_count (store, SE_TYPE_TOPIC), ==, 600);
  }

  se_test_remove_dir (dir);
}

#define M 150

static void
test_both_write (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "both.db", NULL);
  g_autofree char *m = g_strdup_printf ("%d", M);
  const char *a_args[] = { "write", path, "1", m, "1", "no-lock", "organisation", "A", NULL };
  const char *b_args[] = { "write", path, "1", m, "2", "no-lock", "organisation", "B", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *a_err = NULL;
  g_autofree char *b_err = NULL;
  g_autofree char *a_out = NULL;
  g_autofree char *b_out = NULL;
  int a_out_fd, b_out_fd, a_err_fd, b_err_fd;
  GPid a, b;

  {
    /* The schema exists before both start. */
    g_autoptr(GError) error = NULL;
    g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
    g_assert_no_error (error);
  }

  a = spawn_writer (a_args, &a_out_fd, &a_err_fd);
  b = spawn_writer (b_args, &b_out_fd, &b_err_fd);
  a_out = read_all (a_out_fd);
  b_out = read_all (b_out_fd);
  a_err = read_all (a_err_fd);
  b_err = read_all (b_err_fd);
  g_assert_cmpint (wait_exit (a), ==, 0);
  g_assert_cmpint (wait_exit (b), ==, 0);
  g_test_message ("writer A: %s", a_err);
  g_test_message ("writer B: %s", b_err);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
    GListModel *orgs;

    g_assert_no_error (error);
    se_store_check_integrity (store, FALSE, &error);
    g_assert_no_error (error);

    orgs = se_store_get_list (store, SE_TYPE_ORGANISATION);
    /* Every transaction exactly once: no name twice, none missing. */
    g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2 * M);
    for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
      {
        g_autoptr(SeRecord) org = g_list_model_get_item (orgs, i);
        g_assert_true (g_hash_table_add (seen, g_strdup (se_record_get_string (org, "name"))));
      }
    for (guint i = 1; i <= M; i++)
      {
        g_autofree char *an = g_strdup_printf ("A-%08u", i);
        g_autofree char *bn = g_strdup_printf ("B-%08u", i);
        g_assert_true (g_hash_table_contains (seen, an));
        g_assert_true (g_hash_table_contains (seen, bn));
      }
  }

  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/writers/second-refused", test_second_refused);
  g_test_add_func ("/store/writers/both-write", test_both_write);

  return g_test_run ();
}
