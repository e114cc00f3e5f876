/* test-store-guard.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The guards around opening a file, that is the probe
 * (se-store-probe.c: truncated files refused and left untouched, network
 * file systems) and the lock file (se-store-lock.c, against a second
 * process), and read-only files and folders (with privileges dropped,
 * since CI runs as root). It talks to SQLite directly to show that a file
 * the store refused is still readable, behind the store's back. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "se-error.h"
#include "se-organisation.h"
#include "se-record.h"
#include "se-store-private.h"
#include "se-store.h"
#include "se-test-util.h"
#include "se-topic.h"

static char *
make_database (const char *dir,
               const char *name,
               guint       n_records)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = g_strnfill (600, 'x');

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  se_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr(SeRecord) org = g_object_new (SE_TYPE_ORGANISATION, NULL);
      g_autofree char *org_name = g_strdup_printf ("Stadt %u", i);

      se_record_set_string (org, "name", org_name);
      se_record_set_string (org, "notes", notes);
      se_store_save (store, org, NULL, &error);
      g_assert_no_error (error);
    }
  se_store_commit (store, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Truncated files */

static void
test_truncated (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *good = make_database (dir, "good.db", 300);
  g_autofree char *path = g_build_filename (dir, "cut.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  gsize cuts[] = { 16, 50, 99, 100, 512, 4095, 4096, 4097, 8192, 0, 0, 0, 0 };

  g_file_get_contents (good, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100 * 1024);
  cuts[G_N_ELEMENTS (cuts) - 4] = length / 2;
  cuts[G_N_ELEMENTS (cuts) - 3] = length - 4096;
  cuts[G_N_ELEMENTS (cuts) - 2] = length - 4095;
  cuts[G_N_ELEMENTS (cuts) - 1] = length - 1;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(SeStore) store = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      guint n_files;

      g_file_set_contents (path, contents, (gssize) cuts[i], &error);
      g_assert_no_error (error);
      before = se_test_file_checksum (path);
      n_files = count_files (dir);

      store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
      g_assert_null (store);
      g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CORRUPT);
      if (i == 0)
        g_test_message ("cut at %" G_GSIZE_FORMAT ": %s", cuts[i], error->message);
      g_clear_error (&error);

      /* Read-only opening refuses it the same way */
      store = se_store_open (path, SE_STORE_OPEN_FLAGS_READ_ONLY, &error);
      g_assert_null (store);
      g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CORRUPT);
      g_clear_error (&error);

      after = se_test_file_checksum (path);
      g_assert_cmpstr (before, ==, after);
      /* No journal, no lock file left behind */
      g_assert_cmpuint (count_files (dir), ==, n_files);
    }

  /* The whole file still opens: the check does not refuse good files. */
  {
    g_autoptr(SeStore) store = se_store_open (good, SE_STORE_OPEN_FLAGS_NONE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (se_store_count (store, SE_TYPE_ORGANISATION), ==, 300);
  }

  se_test_remove_dir (dir);
}

/* Read-only file and folder */

/* In a child: as "nobody" when we are root (root ignores file modes).
 * Exit 77 when privileges cannot be dropped or nobody cannot reach the
 * file. */
static void
child_check_read_only (const char *path,
                       const char *reason_word)
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(SeRecord) topic = g_object_new (SE_TYPE_TOPIC, NULL);
  g_autoptr(GError) error = NULL;
  const char *reason;

  if (geteuid () == 0)
    {
      if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
        _exit (77);
    }
  if (access (path, R_OK) != 0)
    _exit (77);

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (se_store_is_read_only (store));
  reason = se_store_get_read_only_reason (store);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, reason_word));
  g_assert_cmpuint (se_store_count (store, SE_TYPE_ORGANISATION), ==, 3);

  se_record_set_string (topic, "name", "Neu");
  g_assert_false (se_store_save (store, topic, NULL, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (se_record_get_id (topic), ==, 0);
  g_clear_error (&error);

  g_assert_false (se_store_begin (store, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_READ_ONLY);

  g_clear_object (&store);
  _exit (0);
}

static void
check_read_only (gboolean folder)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = make_database (dir, "ro.db", 3);
  g_autofree char *before = se_test_file_checksum (path);
  g_autofree char *after = NULL;
  guint n_files = count_files (dir);
  int status = 0;
  pid_t pid;

  if (folder)
    {
      g_assert_cmpint (chmod (path, 0666), ==, 0);
      g_assert_cmpint (chmod (dir, 0555), ==, 0);
    }
  else
    {
      g_assert_cmpint (chmod (path, 0444), ==, 0);
      g_assert_cmpint (chmod (dir, 0777), ==, 0);
    }

  /* Before any connection is open in this process. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    child_check_read_only (path, folder ? "folder" : "file");

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  chmod (dir, 0700);
  chmod (path, 0600);

  after = se_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (dir), ==, n_files);
  se_test_remove_dir (dir);

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("Privileges could not be dropped to user nobody");
      return;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_read_only_file (void)
{
  check_read_only (FALSE);
}

static void
test_read_only_folder (void)
{
  check_read_only (TRUE);
}

static void
test_read_only_on_request (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = make_database (dir, "req.db", 1);
  g_autoptr(SeStore) store = NULL;
  g_autoptr(SeStore) writer = NULL;
  g_autoptr(GError) error = NULL;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (se_store_is_read_only (store));
  g_assert_nonnull (se_store_get_read_only_reason (store));

  /* A reader takes no lock: a writer may still open the file. */
  writer = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_null (se_store_get_read_only_reason (writer));
  se_test_remove_dir (dir);
}

/* Network file systems */

static void
test_network_magic (void)
{
  g_assert_true (_se_store_fs_magic_is_network (0xFF534D42));  /* CIFS */
  g_assert_true (_se_store_fs_magic_is_network (0xFE534D42));  /* SMB2 */
  g_assert_true (_se_store_fs_magic_is_network (0x517B));      /* SMB */
  g_assert_true (_se_store_fs_magic_is_network (0x6969));      /* NFS */
  g_assert_true (_se_store_fs_magic_is_network (0x65735546));  /* FUSE */
  g_assert_true (_se_store_fs_magic_is_network (0x01021997));  /* 9P */
  g_assert_false (_se_store_fs_magic_is_network (0xEF53));     /* ext4 */
  g_assert_false (_se_store_fs_magic_is_network (0x01021994)); /* tmpfs */
  g_assert_false (_se_store_fs_magic_is_network (0x58465342)); /* XFS */
  g_assert_false (_se_store_fs_magic_is_network (0x9123683E)); /* Btrfs */
  g_assert_false (_se_store_fs_magic_is_network (0x794C7630)); /* overlayfs */
}

static int
read_count (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, "SELECT count(*) FROM organisation", NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

static void
test_network_exclusive (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = make_database (dir, "net.db", 2);
  g_autoptr(SeRecord) org = g_object_new (SE_TYPE_ORGANISATION, NULL);
  g_autoptr(GError) error = NULL;

  /* This machine has no network drive: the override makes the file count
   * as one. */
  g_setenv ("SE_STORE_ASSUME_NETWORK_FS", "1", TRUE);
  g_assert_true (_se_store_path_is_on_network (path));
  {
    g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (se_store_is_on_network (store));
    se_record_set_string (org, "name", "Stadt Remote");
    se_store_save (store, org, NULL, &error);
    g_assert_no_error (error);

    /* Exclusive locking mode: after its first write the store keeps the
     * file to itself until it closes. */
    g_assert_cmpint (read_count (path), ==, SQLITE_BUSY);
  }
  g_assert_cmpint (read_count (path), ==, SQLITE_OK);

  g_setenv ("SE_STORE_ASSUME_NETWORK_FS", "0", TRUE);
  g_assert_false (_se_store_path_is_on_network (path));
  g_unsetenv ("SE_STORE_ASSUME_NETWORK_FS");
  {
    g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
    g_autoptr(SeRecord) org2 = g_object_new (SE_TYPE_ORGANISATION, NULL);

    g_assert_no_error (error);
    /* Whatever the build machine's /tmp is, it is not a network drive. */
    g_assert_false (se_store_is_on_network (store));
    se_record_set_string (org2, "name", "Stadt Lokal");
    se_store_save (store, org2, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (read_count (path), ==, SQLITE_OK);
  }

  se_test_remove_dir (dir);
}

/* The lock file */

static void
write_lock (const char *path,
            gint64      pid,
            const char *host)
{
  g_autofree char *lock = g_strconcat (path, ".lock", NULL);
  g_autofree char *text = g_strdup_printf ("pid=%" G_GINT64_FORMAT "\nuser=anna\nhost=%s\n"
                                           "boot=\nstart=0\n", pid, host);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (lock, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_lock (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = make_database (dir, "lock.db", 1);
  g_autofree char *lock = g_strconcat (path, ".lock", NULL);
  g_autoptr(SeStore) store = NULL;
  g_autoptr(SeStore) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  const char *argv[] = { "/bin/true", NULL };
  GPid dead = 0;
  int status;

  /* Held while open, with who holds it; gone after closing. */
  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (lock, &contents, NULL, NULL));
  expected = g_strdup_printf ("pid=%d\n", (int) getpid ());
  g_assert_true (g_str_has_prefix (contents, expected));
  g_assert_nonnull (strstr (contents, g_get_host_name ()));

  /* The same file twice in one process is not a second process: the two
   * stores share the lock, which goes with the last of them. */
  second = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_clear_object (&second);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* Left by a process that no longer runs on this computer: stale. Our
   * own child, already reaped, surely ended. */
  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &dead,
                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (dead, &status, 0), ==, dead);
  g_spawn_close_pid (dead);
  write_lock (path, dead, g_get_host_name ());
  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Empty, as left by a crash right after creating it: stale. */
  g_file_set_contents (lock, "", 0, &error);
  g_assert_no_error (error);
  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Held on another computer: we cannot tell, so refuse and say who. */
  write_lock (path, 1234, "pc-12");
  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_LOCKED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "1234"));
  g_assert_nonnull (strstr (error->message, "anna"));
  g_assert_nonnull (strstr (error->message, "pc-12"));
  g_assert_nonnull (strstr (error->message, "lock.db.lock"));
  g_clear_error (&error);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* Read-only opening needs no lock. */
  store = se_store_open (path, SE_STORE_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* A live process on this computer that keeps no flock() (as on a drive
   * without flock): its PID counts. PID 1 always runs. */
  write_lock (path, 1, g_get_host_name ());
  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "process 1 "));
  g_clear_error (&error);

  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/guard/truncated", test_truncated);
  g_test_add_func ("/store/guard/read-only-file", test_read_only_file);
  g_test_add_func ("/store/guard/read-only-folder", test_read_only_folder);
  g_test_add_func ("/store/guard/read-only-on-request", test_read_only_on_request);
  g_test_add_func ("/store/guard/network-magic", test_network_magic);
  g_test_add_func ("/store/guard/network-exclusive", test_network_exclusive);
  g_test_add_func ("/store/guard/lock", test_lock);

  return g_test_run ();
}
