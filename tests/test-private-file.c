/* test-private-file.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one way a private file is written (se-private-file.c): mode 0600,
 * the target replaced in one rename, and a write that fails or is
 * aborted leaves the target as it was and no temporary file behind. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "se-private-file.h"
#include "se-test-util.h"

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
assert_file (const char *path,
             const char *contents)
{
  g_autofree char *read = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_file_get_contents (path, &read, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, contents);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_write (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(GError) error = NULL;

  /* A new file */
  g_assert_true (se_private_file_write (path, "eins\n", -1, &error));
  g_assert_no_error (error);
  assert_file (path, "eins\n");
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* An existing file that others could read becomes private. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (se_private_file_write (path, "zwei\nmehr", 5, &error));
  g_assert_no_error (error);
  assert_file (path, "zwei\n");
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Empty content */
  g_assert_true (se_private_file_write (path, "", 0, &error));
  g_assert_no_error (error);
  assert_file (path, "");

  se_test_remove_dir (dir);
}

static void
test_write_fails (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *missing = g_build_filename (dir, "nowhere", "export.csv", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder", NULL);
  g_autofree char *inside = g_build_filename (folder, "kept", NULL);
  g_autoptr(GError) error = NULL;

  /* No folder to write into */
  g_assert_false (se_private_file_write (missing, "x", -1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpstr (error->message, ==, g_strerror (ENOENT));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* A target that cannot be replaced: the rename fails, the target and
   * what it holds stay, the temporary file is gone. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "bleibt", -1, NULL));
  g_assert_false (se_private_file_write (folder, "x", -1, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_FILE_ERROR);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_cmpuint (count_files (folder), ==, 1);

  se_test_remove_dir (dir);
}

static void
test_stream (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SePrivateFile) file = NULL;
  g_autofree char *temp_dir = NULL;
  g_autofree char *temp_base = NULL;
  g_autofree char *old = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "alt", -1, NULL));

  file = se_private_file_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);

  /* Next to the target, hidden, private from the start */
  temp_dir = g_path_get_dirname (se_private_file_get_temp_path (file));
  temp_base = g_path_get_basename (se_private_file_get_temp_path (file));
  g_assert_cmpstr (temp_dir, ==, dir);
  g_assert_true (g_str_has_prefix (temp_base, ".summary.pdf-"));
  g_assert_cmpint (g_stat (se_private_file_get_temp_path (file), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (write (se_private_file_get_fd (file), "neu", 3), ==, 3);
  /* Until the commit the target is the old one. */
  g_assert_true (g_file_get_contents (path, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, "alt");
  g_assert_cmpuint (count_files (dir), ==, 2);

  g_assert_true (se_private_file_commit (g_steal_pointer (&file), &error));
  g_assert_no_error (error);
  assert_file (path, "neu");
  g_assert_cmpuint (count_files (dir), ==, 1);

  se_test_remove_dir (dir);
}

static void
test_abort (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "statistik.xlsx", NULL);
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "alte Tabelle", -1, NULL));
  checksum = se_test_file_checksum (path);

  /* Written by name, as libxlsxwriter does, then given up */
  {
    g_autoptr(SePrivateFile) file = se_private_file_open (path, &error);

    FILE *out;

    g_assert_no_error (error);
    out = fopen (se_private_file_get_temp_path (file), "wb");
    g_assert_nonnull (out);
    g_assert_cmpint (fputs ("halb", out), >=, 0);
    g_assert_cmpint (fclose (out), ==, 0);
    g_assert_cmpuint (count_files (dir), ==, 2);
    /* The automatic cleanup aborts it. */
  }

  after = se_test_file_checksum (path);
  g_assert_cmpstr (after, ==, checksum);
  g_assert_cmpuint (count_files (dir), ==, 1);

  se_private_file_abort (NULL);
  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/private-file/write", test_write);
  g_test_add_func ("/private-file/write-fails", test_write_fails);
  g_test_add_func ("/private-file/stream", test_stream);
  g_test_add_func ("/private-file/abort", test_abort);

  return g_test_run ();
}
