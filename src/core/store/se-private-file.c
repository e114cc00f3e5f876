/* se-private-file.c
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

#include <glib/gstdio.h>

#include "se-private-file.h"

/* How every file that holds personal data is written: backups, exports
 * (CSV, iCalendar, JSON for a request for access, statistics), summaries
 * and the cache copy of a document. The content goes into a temporary
 * file next to the target (mode 0600, hidden, in the same folder so that
 * the rename cannot cross file systems), is synced to disk and only then
 * renamed over the target, and the folder is synced so that the rename
 * survives a power cut too. Until the rename the target is left as it
 * was; a write that fails leaves nothing behind.
 *
 * Content in memory goes through se_private_file_write(). Writers that
 * stream (a cairo PDF surface, an SQLite backup) or that need a file name
 * (libxlsxwriter) open an SePrivateFile, write to its descriptor or its
 * temporary path, and commit it, or abort it to remove the temporary
 * file. */

struct _SePrivateFile
{
  char *path;
  char *temp_path;
  int   fd;
};

static void
set_errno_error (GError **error,
                 int      saved)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       g_strerror (saved));
}

/**
 * se_private_file_open:
 * @path: the file to write; it is replaced only by se_private_file_commit()
 *
 * Creates the temporary file ".<name>-XXXXXX" in the folder of @path,
 * readable and writable by its owner only.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with @error set
 */
SePrivateFile *
se_private_file_open (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_name = NULL;
  SePrivateFile *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_name = g_strdup_printf (".%s-XXXXXX", base);

  self = g_new0 (SePrivateFile, 1);
  self->path = g_strdup (path);
  self->temp_path = g_build_filename (dir, temp_name, NULL);
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_errno_error (error, errno);
      g_free (self->temp_path);
      g_free (self->path);
      g_free (self);
      return NULL;
    }
  return self;
}

/* The descriptor of the temporary file, for writers that stream. It
 * stays owned by @self. */
int
se_private_file_get_fd (SePrivateFile *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->fd;
}

/* For writers that open the file by name. Whatever they write must go
 * into this very file (not a new one under its name), so that the
 * descriptor synced at the commit is the file renamed. */
const char *
se_private_file_get_temp_path (SePrivateFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

static void
private_file_free (SePrivateFile *self)
{
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}

/**
 * se_private_file_abort:
 * @self: (transfer full) (nullable): a file that was opened
 *
 * Removes the temporary file; the target stays as it was.
 */
void
se_private_file_abort (SePrivateFile *self)
{
  if (self == NULL)
    return;

  g_unlink (self->temp_path);
  private_file_free (self);
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_DIRECTORY | O_RDONLY | O_CLOEXEC, 0);

  /* Some file systems cannot sync a folder: the file itself is synced
   * already, so this is not worth an error. */
  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/**
 * se_private_file_commit:
 * @self: (transfer full): a file that was opened and written
 *
 * Syncs the temporary file to disk, renames it over the target and syncs
 * the folder. On failure the temporary file is removed and the target is
 * left as it was.
 */
gboolean
se_private_file_commit (SePrivateFile  *self,
                        GError        **error)
{
  int saved = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (fsync (self->fd) != 0)
    saved = errno;
  if (close (self->fd) != 0 && saved == 0)
    saved = errno;
  self->fd = -1;
  if (saved == 0 && g_rename (self->temp_path, self->path) != 0)
    saved = errno;

  if (saved != 0)
    {
      set_errno_error (error, saved);
      se_private_file_abort (self);
      return FALSE;
    }

  sync_folder (self->path);
  private_file_free (self);
  return TRUE;
}

/**
 * se_private_file_write:
 * @path: the file to write or replace
 * @data: the content
 * @length: the length of @data, or -1 if it is a nul-terminated string
 *
 * Writes @data to @path as described above.
 */
gboolean
se_private_file_write (const char  *path,
                       const void  *data,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(SePrivateFile) file = NULL;
  const char *p = data;
  gsize left;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  left = length < 0 ? strlen (data) : (gsize) length;
  file = se_private_file_open (path, error);
  if (file == NULL)
    return FALSE;

  while (left > 0)
    {
      gssize n = write (file->fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_errno_error (error, n < 0 ? errno : EIO);
          return FALSE;
        }
      p += n;
      left -= (gsize) n;
    }

  return se_private_file_commit (g_steal_pointer (&file), error);
}
