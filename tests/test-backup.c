/* test-backup.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Backups: verified copies, rotation, the backup before a migration,
 * restoring and moving a damaged file aside. It talks to SQLite directly
 * to check what is on disk behind the store's back (the schema version of
 * a backup, a foreign file) and to write a file as an older version did. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "se-backup.h"
#include "se-error.h"
#include "se-organisation.h"
#include "se-record.h"
#include "se-store-private.h"
#include "se-store.h"
#include "se-test-util.h"

static void
add_organisations (SeStore    *store,
                   const char *prefix,
                   guint       n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SeRecord) org = g_object_new (SE_TYPE_ORGANISATION, NULL);
      g_autofree char *name = g_strdup_printf ("%s %u", prefix, i);

      se_record_set_string (org, "name", name);
      se_store_save (store, org, NULL, &error);
      g_assert_no_error (error);
    }
}

static guint
count_in (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_READ_ONLY, &error);

  g_assert_no_error (error);
  return se_store_count (store, SE_TYPE_ORGANISATION);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  if (d == NULL)
    return 0;
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Overwrites every page but the first: the header still says SQLite, the
 * tables are gone. */
static void
damage (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (0xA5 ^ (i & 0xff));
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
test_verified_backup (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *dest = g_build_filename (out_dir, "copy.db", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "copy.db", NULL);
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  add_organisations (store, "Stadt", 25);
  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);

  g_assert_true (se_store_backup (store, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Only the backup: no temporary file, no journal */
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  g_assert_true (se_store_verify_backup (dest, &error));
  g_assert_no_error (error);

  /* The store goes on; the copy holds what was committed. */
  add_organisations (store, "Kreis", 5);
  g_assert_cmpuint (count_in (dest), ==, 25);

  /* A folder that does not exist: an error, no file */
  g_assert_false (se_store_backup (store, bad, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN);
  g_clear_error (&error);

  se_test_remove_dir (dir);
}

static void
test_rotation (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "amt.db", NULL);
  g_autofree char *folder = NULL;
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *made = NULL;
  struct stat st;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  /* An empty database is not backed up */
  g_assert_true (se_store_backup_if_due (store, 0, &made, &error));
  g_assert_null (made);

  add_organisations (store, "Stadt", 3);
  folder = se_backup_dup_folder (path);
  {
    g_autofree char *expected = g_build_filename (dir, "amt.backups", NULL);
    g_assert_cmpstr (folder, ==, expected);
  }

  /* One from before a migration, which rotation keeps */
  g_assert_true (_se_store_backup_before_migration (store, 1, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < SE_BACKUP_KEEP + 4; i++)
    {
      g_autofree char *one = NULL;

      add_organisations (store, "Neu", 1);
      g_assert_true (se_store_backup_if_due (store, 0, &one, &error));
      g_assert_no_error (error);
      g_assert_nonnull (one);
      g_assert_true (g_file_test (one, G_FILE_TEST_EXISTS));
    }

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  backups = se_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, SE_BACKUP_KEEP + 1);
  /* Newest first: the last one holds all 3 + 14 */
  g_assert_cmpuint (count_in (g_ptr_array_index (backups, 0)), ==, 3 + SE_BACKUP_KEEP + 4);
  {
    gboolean found_migration = FALSE;
    for (guint i = 0; i < backups->len; i++)
      if (strstr (g_ptr_array_index (backups, i), "amt-before-v1-") != NULL)
        found_migration = TRUE;
    g_assert_true (found_migration);
  }

  /* Not due again within the interval */
  g_assert_true (se_store_backup_if_due (store, SE_BACKUP_DEFAULT_INTERVAL, &made, &error));
  g_assert_no_error (error);
  g_assert_null (made);

  se_test_remove_dir (dir);
}

static void
test_before_migration (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "alt.db", NULL);
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  guint n_migrations;
  const SeMigration *migrations = _se_store_get_migrations (&n_migrations);
  sqlite3 *db = NULL;
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;",
                                              SE_STORE_APPLICATION_ID);

  if (se_store_get_schema_version () < 2)
    {
      g_test_skip ("This build has only schema version 1: no migration to back up before "
                   "(the hook itself is tested in /backup/rotation)");
      se_test_remove_dir (dir);
      return;
    }

  /* A file as version 1 wrote it */
  g_assert_cmpint (migrations[0].version, ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, migrations[0].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragmas, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO organisation (name) VALUES ('Stadt Alt')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  backups = se_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (backups, 0), "alt-before-v1-"));
  g_assert_true (se_store_verify_backup (g_ptr_array_index (backups, 0), &error));
  g_assert_no_error (error);

  /* The backup is the old version, untouched by the migration */
  g_assert_cmpint (sqlite3_open_v2 (g_ptr_array_index (backups, 0), &db, SQLITE_OPEN_READONLY,
                                    NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);

  /* Opening again migrates nothing and makes no further backup */
  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = se_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 1);

  se_test_remove_dir (dir);
}

static void
test_restore (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autofree char *good = g_build_filename (dir, "good-backup.db", NULL);
  g_autofree char *corrupt = g_build_filename (dir, "corrupt-backup.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  add_organisations (store, "Stadt", 40);
  g_assert_true (se_store_backup (store, good, &error));
  g_assert_true (se_store_backup (store, corrupt, &error));
  g_assert_no_error (error);
  add_organisations (store, "Später", 2);

  /* Not while it is open */
  g_assert_false (se_store_restore_backup (path, good, NULL, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_clear_object (&store);

  /* A damaged backup is refused, the database stays as it is */
  damage (corrupt);
  before = se_test_file_checksum (path);
  g_assert_false (se_store_verify_backup (corrupt, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (se_store_restore_backup (path, corrupt, &moved, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_null (moved);

  /* So is another program's file */
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL);
  sqlite3_close (db);
  g_assert_false (se_store_restore_backup (path, foreign, &moved, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_FOREIGN_FILE);
  g_clear_error (&error);

  after = se_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_in (path), ==, 42);

  /* A good one is put in place; the current file is kept aside */
  g_assert_true (se_store_restore_backup (path, good, &moved, &error));
  g_assert_no_error (error);
  g_assert_nonnull (moved);
  g_assert_nonnull (strstr (moved, "office.db.before-restore-"));
  g_clear_pointer (&after, g_free);
  after = se_test_file_checksum (moved);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_in (path), ==, 40);
  g_assert_cmpuint (count_in (moved), ==, 42);
  {
    g_autofree char *lock = g_strconcat (path, ".lock", NULL);
    g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  }

  se_test_remove_dir (dir);
}

static void
test_move_aside (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "kaputt.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *older_good = NULL;
  g_autofree char *newer_bad = NULL;
  g_autofree char *moved_journal = NULL;
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  add_organisations (store, "Stadt", 30);
  g_assert_true (se_store_backup_if_due (store, 0, &older_good, &error));
  g_assert_no_error (error);
  g_assert_true (se_store_backup_if_due (store, 0, &newer_bad, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The newest backup is damaged too: the newest good one is older */
  damage (newer_bad);
  newest = se_store_find_newest_good_backup (path);
  g_assert_cmpstr (newest, ==, older_good);

  damage (path);
  bytes = se_test_file_checksum (path);

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  {
    g_autofree char *unchanged = se_test_file_checksum (path);
    g_assert_cmpstr (unchanged, ==, bytes);
  }

  /* A journal that goes with the damaged file moves with it. */
  g_file_set_contents (journal, "journal bytes", -1, &error);
  g_assert_no_error (error);

  g_assert_true (se_store_move_aside_corrupt (path, &moved, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (moved, "kaputt.db.corrupt-"));
  {
    g_autofree char *moved_bytes = se_test_file_checksum (moved);
    g_assert_cmpstr (moved_bytes, ==, bytes);
  }
  moved_journal = g_strconcat (moved, "-journal", NULL);
  g_assert_true (g_file_test (moved_journal, G_FILE_TEST_EXISTS));

  /* Restored from the newest good backup, it opens again */
  g_assert_true (se_store_restore_backup (path, newest, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_in (path), ==, 30);

  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/verified", test_verified_backup);
  g_test_add_func ("/backup/rotation", test_rotation);
  g_test_add_func ("/backup/before-migration", test_before_migration);
  g_test_add_func ("/backup/restore", test_restore);
  g_test_add_func ("/backup/move-aside", test_move_aside);

  return g_test_run ();
}
