/* se-backup.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "se-backup.h"
#include "se-error.h"
#include "se-private-file.h"
#include "se-store-private.h"

/* The backup folder's policy: where backups live, how they are named and
 * rotated, when an automatic one is due, how a backup is put back, the
 * backup before a schema migration and moving a damaged file aside. The
 * copies themselves are written and checked by the store's side,
 * se-store-backup.c; calls go from here to there only.
 *
 * The default database keeps its backups in
 * $XDG_DATA_HOME/staff-exchange/backups/, any other database in a folder
 * "<name>.backups" next to it. Names: "<name>-<time>.db" for automatic
 * backups (the newest SE_BACKUP_KEEP are kept) and
 * "<name>-before-v<version>-<time>.db" before a schema migration (all
 * kept: they are rare and the only way back to an older version). */

static char *
dup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/**
 * se_backup_dup_folder:
 *
 * Returns: (transfer full): the folder that holds the backups of @db_path
 */
char *
se_backup_dup_folder (const char *db_path)
{
  g_autofree char *default_path = se_store_dup_default_path ();
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *folder = NULL;

  if (g_strcmp0 (db_path, default_path) == 0)
    return g_build_filename (g_get_user_data_dir (), "staff-exchange", "backups", NULL);

  dir = g_path_get_dirname (db_path);
  stem = dup_stem (db_path);
  folder = g_strconcat (stem, ".backups", NULL);
  return g_build_filename (dir, folder, NULL);
}

static char *
dup_time_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* Sortable, and unique even for several backups in one second. */
  return g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
}

/* A new, unused name in the backup folder, which is created (0700). */
char *
_se_backup_dup_new_path (const char  *db_path,
                         const char  *tag,
                         GError     **error)
{
  g_autofree char *folder = se_backup_dup_folder (db_path);
  g_autofree char *stem = dup_stem (db_path);
  g_autofree char *stamp = dup_time_stamp ();
  g_autofree char *file = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (folder);
      g_set_error (error, SE_STORE_ERROR,
                   saved == ENOSPC ? SE_STORE_ERROR_DISK_FULL : SE_STORE_ERROR_CANNOT_OPEN,
                   _("The backup folder “%s” could not be created: %s. Check that you may "
                     "write to the database's folder."), name, g_strerror (saved));
      return NULL;
    }

  if (tag != NULL)
    file = g_strdup_printf ("%s-%s-%s.db", stem, tag, stamp);
  else
    file = g_strdup_printf ("%s-%s.db", stem, stamp);
  return g_build_filename (folder, file, NULL);
}

typedef struct
{
  char       *path;
  const char *stamp;  /* in path: "YYYYMMDD-HHMMSS-ffffff.db" */
  gint64      mtime;
} Entry;

#define STAMP_LENGTH (sizeof "YYYYMMDD-HHMMSS-ffffff.db" - 1)

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->path);
  g_free (e);
}

/* By the time in the name: file times are too coarse for backups made
 * within one second, and a copied backup loses its time. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Entry *ea = *(Entry * const *) a;
  const Entry *eb = *(Entry * const *) b;
  int cmp = g_strcmp0 (eb->stamp, ea->stamp);

  if (cmp != 0)
    return cmp;
  if (ea->mtime != eb->mtime)
    return ea->mtime > eb->mtime ? -1 : 1;
  return g_strcmp0 (eb->path, ea->path);
}

static gboolean
is_backup_name (const char *name,
                const char *stem,
                gboolean   *automatic)
{
  g_autofree char *prefix = g_strconcat (stem, "-", NULL);
  g_autofree char *before = g_strconcat (stem, "-before-v", NULL);
  const char *rest;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db"))
    return FALSE;

  /* "<stem>-YYYYMMDD-HHMMSS-ffffff.db" */
  rest = name + strlen (prefix);
  if (strlen (rest) < STAMP_LENGTH || !g_ascii_isdigit (rest[strlen (rest) - STAMP_LENGTH]))
    return FALSE;
  *automatic = !g_str_has_prefix (name, before) && strlen (rest) == STAMP_LENGTH;
  return *automatic || g_str_has_prefix (name, before);
}

static GPtrArray *
list_entries (const char *db_path,
              gboolean    automatic_only)
{
  g_autofree char *folder = se_backup_dup_folder (db_path);
  g_autofree char *stem = dup_stem (db_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func (entry_free);
  const char *name;

  if (dir == NULL)
    return entries;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean automatic = FALSE;
      g_autofree char *path = NULL;
      GStatBuf st;
      Entry *e;

      if (!is_backup_name (name, stem, &automatic) || (automatic_only && !automatic))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      e = g_new0 (Entry, 1);
      e->path = g_steal_pointer (&path);
      e->stamp = e->path + strlen (e->path) - STAMP_LENGTH;
      e->mtime = (gint64) st.st_mtime;
      g_ptr_array_add (entries, e);
    }

  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}

/**
 * se_store_list_backups:
 * @db_path: a database file
 *
 * Returns: (transfer full) (element-type filename): the paths of the
 *   backups of @db_path, newest first (not verified: see
 *   se_store_verify_backup())
 */
GPtrArray *
se_store_list_backups (const char *db_path)
{
  g_autoptr(GPtrArray) entries = list_entries (db_path, FALSE);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (paths, g_strdup (((Entry *) g_ptr_array_index (entries, i))->path));
  return paths;
}

/**
 * se_backup_rotate:
 * @keep: how many automatic backups to keep
 *
 * Deletes all but the newest @keep automatic backups of @db_path. Backups
 * made before a migration are kept.
 */
gboolean
se_backup_rotate (const char  *db_path,
                  guint        keep,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = list_entries (db_path, TRUE);

  for (guint i = keep; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);

      if (g_unlink (e->path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_autofree char *name = g_filename_display_name (e->path);
          g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_IO,
                       _("The old backup “%s” could not be deleted: %s."), name,
                       g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * se_store_backup_if_due:
 * @store: an open store
 * @interval: the least time between two automatic backups
 * @made: (out) (optional) (transfer full) (nullable): the backup made, or
 *   %NULL when none was due
 *
 * Called when the window opens and closes the store: writes a verified
 * backup when the newest automatic one is older than @interval, then keeps
 * the newest %SE_BACKUP_KEEP. An empty or read-only store is not backed up.
 */
gboolean
se_store_backup_if_due (SeStore     *store,
                        GTimeSpan    interval,
                        char       **made,
                        GError     **error)
{
  const char *db_path;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *dest = NULL;

  g_return_val_if_fail (SE_IS_STORE (store), FALSE);

  if (made != NULL)
    *made = NULL;

  /* Closed (after a restore), read-only or empty: nothing to keep; on a
   * server: the server's backups, not the app's */
  if (_se_store_get_db (store) == NULL || se_store_is_read_only (store)
      || se_store_is_server (store) || se_store_is_empty (store))
    return TRUE;

  db_path = se_store_get_path (store);
  entries = list_entries (db_path, TRUE);
  if (entries->len > 0)
    {
      Entry *newest = g_ptr_array_index (entries, 0);
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      if (newest->mtime <= now && now - newest->mtime < interval / G_USEC_PER_SEC)
        return TRUE;
    }

  dest = _se_backup_dup_new_path (db_path, NULL, error);
  if (dest == NULL || !se_store_backup (store, dest, error))
    return FALSE;
  if (!se_backup_rotate (db_path, SE_BACKUP_KEEP, error))
    return FALSE;

  if (made != NULL)
    *made = g_steal_pointer (&dest);
  return TRUE;
}

/**
 * se_store_verify_backup:
 *
 * Checks without changing it that @backup_path is a sound Staff Exchange
 * database this version can open (application id, schema version,
 * quick_check).
 */
gboolean
se_store_verify_backup (const char  *backup_path,
                        GError     **error)
{
  g_return_val_if_fail (backup_path != NULL, FALSE);

  return _se_store_verify_file (backup_path, error);
}

/**
 * se_store_find_newest_good_backup:
 *
 * Returns: (transfer full) (nullable): the newest backup of @db_path that
 *   passes se_store_verify_backup(), or %NULL
 */
char *
se_store_find_newest_good_backup (const char *db_path)
{
  g_autoptr(GPtrArray) paths = se_store_list_backups (db_path);

  for (guint i = 0; i < paths->len; i++)
    if (_se_store_verify_file (g_ptr_array_index (paths, i), NULL))
      return g_strdup (g_ptr_array_index (paths, i));
  return NULL;
}

static gboolean
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_DIRECTORY | O_RDONLY | O_CLOEXEC, 0);
  int rc;

  if (fd < 0)
    return FALSE;
  rc = fsync (fd);
  close (fd);
  return rc == 0;
}

static void
set_move_error (const char  *from,
                int          saved,
                GError     **error)
{
  g_autofree char *name = g_filename_display_name (from);

  g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_IO,
               _("“%s” could not be moved aside: %s. Check that you may write to its "
                 "folder."), name, g_strerror (saved));
}

static const char *journal_suffixes[] = { "-journal", "-wal", "-shm" };

/* Moves the database's journals along with it: a hot journal applied to
 * another file would destroy that one. */
static gboolean
move_journals (const char  *db_path,
               const char  *aside,
               GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (journal_suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, journal_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, journal_suffixes[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          set_move_error (from, errno, error);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
dup_aside_path (const char *db_path,
                const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *aside = g_strdup_printf ("%s.%s-%s", db_path, what, stamp);

  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.%s-%s-%u", db_path, what, stamp, n);
    }
  return aside;
}

/**
 * se_store_move_aside_corrupt:
 * @db_path: a damaged database that is not open
 * @moved_to: (out) (optional) (transfer full): where it went
 *
 * Renames @db_path to "<path>.corrupt-<time>", together with its journal,
 * WAL and shared-memory files. Nothing is deleted or overwritten: the
 * bytes stay for a later rescue. Only do this when the user agreed.
 */
gboolean
se_store_move_aside_corrupt (const char  *db_path,
                             char       **moved_to,
                             GError     **error)
{
  g_autofree char *aside = NULL;
  SeStoreLock *lock;

  g_return_val_if_fail (db_path != NULL, FALSE);

  /* Nobody may have it open while it moves. */
  lock = _se_store_lock_acquire (db_path, TRUE, error);
  if (lock == NULL)
    return FALSE;

  aside = dup_aside_path (db_path, "corrupt");
  if (g_rename (db_path, aside) != 0)
    {
      set_move_error (db_path, errno, error);
      _se_store_lock_release (lock);
      return FALSE;
    }
  if (!move_journals (db_path, aside, error))
    {
      _se_store_lock_release (lock);
      return FALSE;
    }
  sync_folder (db_path);
  _se_store_lock_release (lock);

  if (moved_to != NULL)
    *moved_to = g_steal_pointer (&aside);
  return TRUE;
}

/**
 * se_store_restore_backup:
 * @db_path: the database to replace; it must not be open
 * @backup_path: a backup
 * @moved_to: (out) (optional) (transfer full) (nullable): where the
 *   replaced database went, or %NULL if there was none
 *
 * Verifies @backup_path, writes a verified copy of it next to @db_path,
 * keeps the current file as "<path>.before-restore-<time>" and puts the
 * copy in its place with one rename. A bad backup is refused and nothing
 * changes.
 */
gboolean
se_store_restore_backup (const char  *db_path,
                         const char  *backup_path,
                         char       **moved_to,
                         GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *aside = NULL;
  SePrivateFile *copy;
  SeStoreLock *lock;
  gboolean exists;

  g_return_val_if_fail (db_path != NULL, FALSE);

  if (se_store_location_is_server (db_path))
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                           _("A database on a server is restored with the server’s own tools "
                             "(pg_restore), not by Staff Exchange. Ask whoever looks after the "
                             "server."));
      return FALSE;
    }
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (moved_to != NULL)
    *moved_to = NULL;

  if (!_se_store_verify_file (backup_path, error))
    return FALSE;

  lock = _se_store_lock_acquire (db_path, TRUE, error);
  if (lock == NULL)
    return FALSE;

  /* The copy is made and checked before the current file is touched. */
  copy = _se_store_copy_begin (NULL, backup_path, db_path, error);
  if (copy == NULL)
    {
      _se_store_lock_release (lock);
      return FALSE;
    }

  exists = g_file_test (db_path, G_FILE_TEST_EXISTS);
  if (exists)
    {
      aside = dup_aside_path (db_path, "before-restore");
      /* A hard link keeps the current file in place until the rename below
       * replaces it in one step; where links are not supported (some
       * network drives) it is renamed. */
      if (link (db_path, aside) != 0 && g_rename (db_path, aside) != 0)
        {
          set_move_error (db_path, errno, error);
          se_private_file_abort (copy);
          _se_store_lock_release (lock);
          return FALSE;
        }
      if (!move_journals (db_path, aside, error))
        {
          se_private_file_abort (copy);
          _se_store_lock_release (lock);
          return FALSE;
        }
    }

  if (!se_private_file_commit (copy, &local))
    {
      g_autofree char *name = g_filename_display_name (db_path);
      _se_store_lock_release (lock);
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_IO,
                   _("The backup could not be put in place of “%s”: %s. The database was "
                     "kept as “%s”."), name, local->message, aside != NULL ? aside : name);
      return FALSE;
    }
  _se_store_lock_release (lock);

  if (moved_to != NULL)
    *moved_to = g_steal_pointer (&aside);
  return TRUE;
}

/* Before a schema migration: a copy of the file as it was, named with its
 * version, so that an update that goes wrong can be undone. Called by the
 * store while it opens the file. */
gboolean
_se_store_backup_before_migration (SeStore  *self,
                                   gint64    old_version,
                                   GError  **error)
{
  g_autofree char *tag = g_strdup_printf ("before-v%" G_GINT64_FORMAT, old_version);
  g_autofree char *dest = _se_backup_dup_new_path (se_store_get_path (self), tag, error);

  if (dest == NULL || !_se_store_write_copy (self, NULL, dest, error))
    {
      g_prefix_error (error, _("The database was not brought up to date, because no backup "
                               "of it could be made first. "));
      return FALSE;
    }
  return TRUE;
}
