/* se-store-lock.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "se-error.h"
#include "se-store-private.h"

/* The lock file "<database>.lock" that keeps a second process away from
 * an open database, and names that process when it does not.
 *
 * Why a lock file and not only SQLite's own locking: SQLite keeps two
 * writers apart for one transaction, but a window shows records that
 * another process may change or delete underneath it, and on network
 * drives SQLite's locks are not reliable at all. The lock file names who
 * holds the database, so the message can say where to close it. */

struct _SeStoreLock
{
  char  *path;
  char  *key;        /* "dev:inode" of the lock file */
  int    fd;
  guint  ref_count;
};

/* The locks this process holds. A second store on the same file in this
 * process (a window and an undo that still holds the old store, a test
 * that reopens) is not a second process: it shares the lock. SQLite keeps
 * the connections of one process apart by itself. */
G_LOCK_DEFINE_STATIC (held);
static GHashTable *held; /* key -> SeStoreLock */

static char *
dup_key (int fd)
{
  struct stat st;

  if (fstat (fd, &st) != 0)
    return NULL;
  return g_strdup_printf ("%ju:%ju", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino);
}

/* With the held lock: the same lock again, or NULL. */
static SeStoreLock *
ref_held (const char *key)
{
  SeStoreLock *lock;

  if (key == NULL || held == NULL)
    return NULL;
  lock = g_hash_table_lookup (held, key);
  if (lock != NULL)
    lock->ref_count++;
  return lock;
}

static char *
read_boot_id (void)
{
  g_autofree char *boot = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL))
    return g_strdup ("");
  g_strstrip (boot);
  return g_steal_pointer (&boot);
}

/* The start time of a process in clock ticks since boot; 0 when unknown.
 * With it a PID that was reused after a crash is not taken for the
 * holder. */
static guint64
read_start_time (gint64 pid)
{
  g_autofree char *file = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (file, &stat, NULL, NULL))
    return 0;
  /* The command name in parentheses may hold spaces. */
  after = strrchr (stat, ')');
  if (after == NULL)
    return 0;
  fields = g_strsplit (after + 2, " ", 0);
  /* Field 22 of the whole line is the 20th after the name. */
  if (g_strv_length (fields) < 20)
    return 0;
  return g_ascii_strtoull (fields[19], NULL, 10);
}

static char *
dup_user_name (void)
{
  struct passwd *pw = getpwuid (geteuid ());

  if (pw != NULL && pw->pw_name != NULL)
    return g_strdup (pw->pw_name);
  return g_strdup_printf ("%u", (unsigned) geteuid ());
}

typedef struct
{
  gint64   pid;
  char    *user;
  char    *host;
  char    *boot;
  guint64  start;
} Holder;

static void
holder_clear (Holder *h)
{
  g_clear_pointer (&h->user, g_free);
  g_clear_pointer (&h->host, g_free);
  g_clear_pointer (&h->boot, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Holder, holder_clear)

static gboolean
parse_holder (const char *text,
              Holder     *h)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 0);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *eq = strchr (lines[i], '=');

      if (eq == NULL)
        continue;
      *eq = '\0';
      if (g_str_equal (lines[i], "pid"))
        h->pid = g_ascii_strtoll (eq + 1, NULL, 10);
      else if (g_str_equal (lines[i], "user"))
        {
          g_free (h->user);
          h->user = g_strdup (eq + 1);
        }
      else if (g_str_equal (lines[i], "host"))
        {
          g_free (h->host);
          h->host = g_strdup (eq + 1);
        }
      else if (g_str_equal (lines[i], "boot"))
        {
          g_free (h->boot);
          h->boot = g_strdup (eq + 1);
        }
      else if (g_str_equal (lines[i], "start"))
        h->start = g_ascii_strtoull (eq + 1, NULL, 10);
    }

  return h->pid > 0 && h->host != NULL;
}

/* Only for a holder on this computer can we tell whether it still runs. */
static gboolean
holder_is_alive_here (const Holder *h)
{
  g_autofree char *boot = read_boot_id ();
  guint64 start;

  if (h->boot != NULL && *h->boot != '\0' && *boot != '\0' && g_strcmp0 (h->boot, boot) != 0)
    return FALSE; /* the computer was restarted since */
  if (kill ((pid_t) h->pid, 0) != 0 && errno == ESRCH)
    return FALSE;
  start = read_start_time (h->pid);
  if (h->start != 0 && start != 0 && start != h->start)
    return FALSE; /* the PID belongs to another process now */
  return TRUE;
}

static void
set_locked_error (const char    *path,
                  const char    *lock_path,
                  const Holder  *h,
                  GError       **error)
{
  g_autofree char *lock_name = g_filename_display_name (lock_path);
  g_autofree char *pid = NULL;
  const char *here = g_get_host_name ();

  if (h == NULL || h->pid <= 0)
    {
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_LOCKED,
                   _("The database is open in another Staff Exchange. Close it there first. "
                     "If no Staff Exchange is running, delete the file “%s”."), lock_name);
      return;
    }

  if (h->pid == getpid () && g_strcmp0 (h->host, here) == 0)
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_LOCKED,
                           _("The database is already open in this Staff Exchange. Use the "
                             "window that shows it."));
      return;
    }

  pid = g_strdup_printf ("%" G_GINT64_FORMAT, h->pid);
  if (g_strcmp0 (h->host, here) == 0)
    /* Translators: %1$s is a process number, %2$s a user name, %3$s a computer name */
    g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_LOCKED,
                 _("The database is open in another Staff Exchange (process %1$s of user "
                   "%2$s on computer %3$s). Close it there first."),
                 pid,
                 h->user != NULL ? h->user : "?", h->host);
  else
    /* Translators: %1$s is a process number, %2$s a user name, %3$s a computer name,
     * %4$s a file name */
    g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_LOCKED,
                 _("The database is open in another Staff Exchange (process %1$s of user "
                   "%2$s on computer %3$s). Close it there first. If Staff Exchange no "
                   "longer runs on that computer, delete the file “%4$s”."),
                 pid,
                 h->user != NULL ? h->user : "?", h->host, lock_name);
}

static gboolean
write_all (int         fd,
           const char *text)
{
  gsize len = strlen (text);

  while (len > 0)
    {
      gssize n = write (fd, text, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      text += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* A lock file whose holder is gone: remove it, but only the very file we
 * looked at. Holding flock() on it keeps another process that found the
 * same stale file from removing the fresh lock we are about to create. */
static void
remove_stale (const char *lock_path,
              int         fd)
{
  struct stat by_fd, by_path;

  if (fstat (fd, &by_fd) == 0 && g_lstat (lock_path, &by_path) == 0
      && by_fd.st_dev == by_path.st_dev && by_fd.st_ino == by_path.st_ino)
    g_unlink (lock_path);
}

/* What a new lock file says about its holder. None of it changes while a
 * process runs, and working it out (the user from NSS, the boot id and the
 * start time from /proc) took longer than opening the database: it is
 * worked out once per process; a forked child, with a PID of its own,
 * works it out again. Called with the held lock. */
static const char *
lock_content (void)
{
  static char *content;
  static pid_t content_pid;

  if (content == NULL || content_pid != getpid ())
    {
      g_autofree char *user = dup_user_name ();
      g_autofree char *boot = read_boot_id ();

      g_free (content);
      content_pid = getpid ();
      content = g_strdup_printf ("pid=%ld\nuser=%s\nhost=%s\nboot=%s\nstart=%" G_GUINT64_FORMAT "\n",
                                 (long) content_pid, user, g_get_host_name (), boot,
                                 read_start_time (content_pid));
    }
  return content;
}

static SeStoreLock *lock_acquire (const char  *path,
                                  char        *lock_path_in,
                                  gboolean     exclusive,
                                  GError     **error);

/**
 * _se_store_lock_acquire:
 * @path: the database file
 *
 * Creates `<path>.lock` with O_EXCL, holding the PID, user, computer,
 * boot id and process start time, and keeps it open with flock() for as
 * long as the store is open. A lock file left by a process that no longer
 * runs on this computer (or by any process whose flock() is gone) is
 * stale and replaced.
 *
 * Returns: (transfer full): the lock, or %NULL with %SE_STORE_ERROR_LOCKED
 *   naming the holder
 */
SeStoreLock *
_se_store_lock_acquire (const char  *path,
                        gboolean     exclusive,
                        GError     **error)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  SeStoreLock *result;

  G_LOCK (held);
  result = lock_acquire (path, lock_path, exclusive, error);
  G_UNLOCK (held);
  return result;
}

static SeStoreLock *
lock_acquire (const char  *path,
              char        *lock_path_in,
              gboolean     exclusive,
              GError     **error)
{
  g_autofree char *lock_path = g_strdup (lock_path_in);

  for (int attempt = 0; attempt < 5; attempt++)
    {
      g_auto(Holder) holder = { 0 };
      g_autofree char *text = NULL;
      gboolean flock_free, valid;
      int fd, saved;

      fd = g_open (lock_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
      if (fd >= 0)
        {
          SeStoreLock *lock;

          /* Before anything is written, so that nobody who finds the file
           * still empty takes it for stale. */
          flock (fd, LOCK_EX | LOCK_NB);
          /* On a local disk every process reads the content from the same
           * page cache as soon as it is written, and after a power cut
           * the boot id makes the file stale anyway. On a network drive
           * another computer sees it only once it is on the server, and
           * where flock() does not reach that computer the content is all
           * that keeps it away: there it is flushed. */
          if (!write_all (fd, lock_content ())
              || (_se_store_path_is_on_network (lock_path) && fsync (fd) != 0))
            {
              saved = errno;
              close (fd);
              g_unlink (lock_path);
              g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_IO,
                           _("The lock file next to the database could not be written (%s). "
                             "Check the disk and try again."), g_strerror (saved));
              return NULL;
            }

          lock = g_new0 (SeStoreLock, 1);
          lock->path = g_steal_pointer (&lock_path);
          lock->fd = fd;
          lock->ref_count = 1;
          lock->key = dup_key (fd);
          if (lock->key != NULL)
            {
              if (held == NULL)
                held = g_hash_table_new (g_str_hash, g_str_equal);
              g_hash_table_insert (held, lock->key, lock);
            }
          return lock;
        }

      saved = errno;
      if (saved != EEXIST)
        {
          g_autofree char *name = g_filename_display_name (lock_path);
          g_set_error (error, SE_STORE_ERROR,
                       saved == EACCES || saved == EROFS || saved == EPERM
                         ? SE_STORE_ERROR_READ_ONLY : SE_STORE_ERROR_CANNOT_OPEN,
                       _("The lock file “%s” could not be created: %s. Check that you may "
                         "write to the database's folder."), name, g_strerror (saved));
          return NULL;
        }

      fd = g_open (lock_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        {
          if (errno == ENOENT)
            continue; /* removed in the meantime: try again */
          set_locked_error (path, lock_path, NULL, error);
          return NULL;
        }

      {
        g_autofree char *key = dup_key (fd);
        SeStoreLock *mine = ref_held (key);

        if (mine != NULL)
          {
            close (fd);
            if (!exclusive)
              return mine;
            /* Restoring or moving the file needs it closed everywhere. */
            mine->ref_count--;
            g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_LOCKED,
                                 _("The database is open in this Staff Exchange. Close its "
                                   "window first."));
            return NULL;
          }
      }

      /* A holder keeps its flock() for as long as it runs. Where flock()
       * is not supported (some network drives) only the content counts. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        flock_free = TRUE;
      else
        flock_free = errno == ENOLCK || errno == EOPNOTSUPP || errno == EINVAL;
      if (!flock_free)
        {
          /* Held. Read who holds it for the message. */
          g_file_get_contents (lock_path, &text, NULL, NULL);
          valid = text != NULL && parse_holder (text, &holder);
          close (fd);
          set_locked_error (path, lock_path, valid ? &holder : NULL, error);
          return NULL;
        }

      g_file_get_contents (lock_path, &text, NULL, NULL);
      valid = text != NULL && parse_holder (text, &holder);

      if (!valid)
        {
          /* Not even a PID, and nobody holds it: the holder died between
           * creating and writing it. */
          remove_stale (lock_path, fd);
          close (fd);
          continue;
        }

      if (g_strcmp0 (holder.host, g_get_host_name ()) == 0)
        {
          if (!holder_is_alive_here (&holder) || holder.pid == getpid ())
            {
              /* Our own PID without our flock(): left by a process that had
               * our number before. */
              remove_stale (lock_path, fd);
              close (fd);
              continue;
            }
        }

      /* Alive here without flock() (a drive without flock), or on another
       * computer, where we cannot tell. */
      close (fd);
      set_locked_error (path, lock_path, &holder, error);
      return NULL;
    }

  set_locked_error (path, lock_path, NULL, error);
  return NULL;
}

void
_se_store_lock_release (SeStoreLock *lock)
{
  if (lock == NULL)
    return;

  G_LOCK (held);
  if (--lock->ref_count > 0)
    {
      G_UNLOCK (held);
      return;
    }
  if (lock->key != NULL)
    g_hash_table_remove (held, lock->key);
  G_UNLOCK (held);

  /* Removed before the flock() is given up, so that nobody finds the file
   * free but still there. */
  remove_stale (lock->path, lock->fd);
  close (lock->fd);
  g_free (lock->path);
  g_free (lock->key);
  g_free (lock);
}
