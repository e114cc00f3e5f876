/* se-store-backup.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "se-backup.h"
#include "se-error.h"
#include "se-private-file.h"
#include "se-store-private.h"

/* The store's side of backups: a copy of one database file, made with
 * SQLite's backup API (never by copying the file of an open database)
 * into a private temporary file next to its target, read back and
 * checked with _se_store_verify_file() before it takes its final name. A
 * backup that is not verified does not exist.
 *
 * Where backups go, how they are named, rotated and put back is the
 * backup folder's policy in se-backup.c, which calls this file; nothing
 * here calls back. */

static void
set_write_error (const char *dest_path,
                 SeDbResult  rc,
                 const char *detail,
                 GError    **error)
{
  g_autofree char *name = g_filename_display_name (dest_path);

  if (rc == SE_DB_DISK_FULL)
    g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_DISK_FULL,
                 _("The backup “%s” could not be written: the disk is full. Free some space "
                   "and try again."), name);
  else if (rc == SE_DB_BUSY)
    g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_BUSY,
                 _("The backup “%s” could not be written because the database is in use by "
                   "another program. Try again in a moment."), name);
  else
    g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_IO,
                 _("The backup “%s” could not be written (%s). Check the disk and try "
                   "again."), name, detail);
}

/* A copy that failed: SQLite may have left a journal next to it. */
static void
abort_copy (SePrivateFile *file)
{
  g_autofree char *journal = g_strconcat (se_private_file_get_temp_path (file), "-journal", NULL);

  g_unlink (journal);
  se_private_file_abort (file);
}

/**
 * _se_store_copy_begin:
 * @store: (nullable): the open store to copy, or %NULL to copy @src_path
 * @src_path: the file to copy when @store is %NULL
 * @dest_path: where the copy goes once it is committed
 *
 * SQLite's backup API into a private temporary file in the destination's
 * folder, and quick_check of the copy. @dest_path is not touched yet:
 * _se_store_copy_commit() puts the copy in its place.
 *
 * Returns: (transfer full) (nullable): the verified copy, or %NULL
 */
SePrivateFile *
_se_store_copy_begin (SeStore     *store,
                      const char  *src_path,
                      const char  *dest_path,
                      GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *detail = NULL;
  SePrivateFile *file;
  SeDb *src = NULL;
  SeDb *own_src = NULL;
  const char *tmp;
  SeDbResult rc;

  if (store != NULL && se_store_is_server (store))
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                           _("A database on a server is backed up with the server’s own tools "
                             "(pg_dump), not by Staff Exchange. Ask whoever looks after the "
                             "server."));
      return NULL;
    }
  if (store != NULL)
    {
      src = _se_store_get_db (store);
      if (src == NULL)
        {
          g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                               _("The database is closed."));
          return NULL;
        }
    }
  else if (se_db_sqlite_open (src_path, SE_DB_SQLITE_READ_ONLY, NULL, &own_src) != SE_DB_OK)
    {
      g_autofree char *name = g_filename_display_name (src_path);
      se_db_close (own_src);
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” could not be opened. Check that you may read it."), name);
      return NULL;
    }
  else
    src = own_src;

  file = se_private_file_open (dest_path, &local);
  if (file == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (dest_path);
      g_autofree char *name = g_filename_display_name (dir);
      se_db_close (own_src);
      g_set_error (error, SE_STORE_ERROR,
                   g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOSPC)
                     ? SE_STORE_ERROR_DISK_FULL : SE_STORE_ERROR_CANNOT_OPEN,
                   _("No backup could be written to the folder “%s”: %s. Choose a folder you "
                     "may write to."), name, local->message);
      return NULL;
    }
  tmp = se_private_file_get_temp_path (file);

  /* SQLite writes into the very file that was created: an empty file is
   * a database it may start. */
  rc = se_db_sqlite_copy (src, tmp, &detail);
  se_db_close (own_src);
  if (rc != SE_DB_OK)
    {
      abort_copy (file);
      set_write_error (dest_path, rc, detail, error);
      return NULL;
    }

  if (!_se_store_verify_file (tmp, error))
    {
      abort_copy (file);
      return NULL;
    }
  return file;
}

/**
 * _se_store_copy_commit:
 * @file: (transfer full): from _se_store_copy_begin()
 * @dest_path: the same destination
 *
 * fsync of the copy, rename over @dest_path, fsync of the folder.
 */
gboolean
_se_store_copy_commit (SePrivateFile  *file,
                       const char     *dest_path,
                       GError        **error)
{
  g_autoptr(GError) local = NULL;

  if (!se_private_file_commit (file, &local))
    {
      set_write_error (dest_path,
                       g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOSPC)
                         ? SE_DB_DISK_FULL : SE_DB_IO,
                       local->message, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * _se_store_write_copy:
 * @store: (nullable): the open store to copy, or %NULL to copy @src_path
 * @src_path: the file to copy when @store is %NULL
 * @dest_path: where the copy goes; replaced only by a verified copy
 *
 * _se_store_copy_begin() and _se_store_copy_commit() in one.
 */
gboolean
_se_store_write_copy (SeStore     *store,
                      const char  *src_path,
                      const char  *dest_path,
                      GError     **error)
{
  SePrivateFile *file = _se_store_copy_begin (store, src_path, dest_path, error);

  return file != NULL && _se_store_copy_commit (file, dest_path, error);
}

/**
 * se_store_backup:
 * @store: an open store
 * @dest_path: the backup file to write; an existing file is replaced only
 *   once the new copy is verified
 *
 * Writes a verified copy of the database (see _se_store_write_copy()).
 * The store stays open and usable.
 */
gboolean
se_store_backup (SeStore     *store,
                 const char  *dest_path,
                 GError     **error)
{
  g_return_val_if_fail (SE_IS_STORE (store), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  return _se_store_write_copy (store, NULL, dest_path, error);
}
