/* test-store-fault.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Write errors at every point of a save. A VFS shim over "unix" (after the
 * pattern of SQLite's ext/misc/vfstrace.c) fails the N-th xWrite, xSync or
 * xTruncate, once or from then on, for N = 1, 2, ... until a save gets
 * through. Each time: the save reports an error in words, the record the
 * form handed in keeps its values (and id 0), and the file reopened
 * without faults passes integrity_check with all committed data and
 * without the failed record. It talks to SQLite directly because the
 * faults are injected with a VFS of its own, below the store. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "se-error.h"
#include "se-organisation.h"
#include "se-record.h"
#include "se-store-private.h"
#include "se-store.h"
#include "se-test-util.h"
#include "se-topic.h"

#define FAULT_VFS "se-fault"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
} FaultFile;

static struct
{
  sqlite3_vfs *real;
  gboolean     armed;
  gboolean     persistent;
  int          fail_at;     /* the call that fails first, counted from 1 */
  int          calls;
  int          failures;
  int          write_rc;    /* SQLITE_IOERR_WRITE or SQLITE_FULL */
} fault;

static gboolean
should_fail (void)
{
  if (!fault.armed)
    return FALSE;
  fault.calls++;
  if (fault.calls < fault.fail_at)
    return FALSE;
  if (!fault.persistent && fault.failures > 0)
    return FALSE;
  fault.failures++;
  return TRUE;
}

static int
f_close (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;
  int rc = f->real->pMethods->xClose (f->real);

  return rc;
}

static int
f_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  FaultFile *f = (FaultFile *) file;
  return f->real->pMethods->xRead (f->real, buf, amount, offset);
}

static int
f_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  FaultFile *f = (FaultFile *) file;

  if (should_fail ())
    return fault.write_rc;
  return f->real->pMethods->xWrite (f->real, buf, amount, offset);
}

static int
f_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  FaultFile *f = (FaultFile *) file;

  if (should_fail ())
    return SQLITE_IOERR_TRUNCATE;
  return f->real->pMethods->xTruncate (f->real, size);
}

static int
f_sync (sqlite3_file *file, int flags)
{
  FaultFile *f = (FaultFile *) file;

  if (should_fail ())
    return SQLITE_IOERR_FSYNC;
  return f->real->pMethods->xSync (f->real, flags);
}

static int
f_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  FaultFile *f = (FaultFile *) file;
  return f->real->pMethods->xFileSize (f->real, size);
}

static int
f_lock (sqlite3_file *file, int level)
{
  FaultFile *f = (FaultFile *) file;
  return f->real->pMethods->xLock (f->real, level);
}

static int
f_unlock (sqlite3_file *file, int level)
{
  FaultFile *f = (FaultFile *) file;
  return f->real->pMethods->xUnlock (f->real, level);
}

static int
f_check_reserved_lock (sqlite3_file *file, int *out)
{
  FaultFile *f = (FaultFile *) file;
  return f->real->pMethods->xCheckReservedLock (f->real, out);
}

static int
f_file_control (sqlite3_file *file, int op, void *arg)
{
  FaultFile *f = (FaultFile *) file;
  return f->real->pMethods->xFileControl (f->real, op, arg);
}

static int
f_sector_size (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;
  return f->real->pMethods->xSectorSize (f->real);
}

static int
f_device_characteristics (sqlite3_file *file)
{
  FaultFile *f = (FaultFile *) file;
  return f->real->pMethods->xDeviceCharacteristics (f->real);
}

/* Version 1: no shared memory (the store never uses WAL) and no mmap. */
static const sqlite3_io_methods fault_io = {
  1,
  f_close,
  f_read,
  f_write,
  f_truncate,
  f_sync,
  f_file_size,
  f_lock,
  f_unlock,
  f_check_reserved_lock,
  f_file_control,
  f_sector_size,
  f_device_characteristics,
  NULL, NULL, NULL, NULL, NULL, NULL,
};

static int
f_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *f = (FaultFile *) file;
  int rc;

  f->real = (sqlite3_file *) (f + 1);
  rc = fault.real->xOpen (fault.real, name, f->real, flags, out_flags);
  f->base.pMethods = rc == SQLITE_OK ? &fault_io : NULL;
  return rc;
}

static void
register_fault_vfs (void)
{
  static sqlite3_vfs vfs;

  if (fault.real != NULL)
    return;

  fault.real = sqlite3_vfs_find ("unix");
  g_assert_nonnull (fault.real);

  /* The other methods are the real ones; they only use what this copy
   * keeps of the original (mxPathname, pAppData). */
  vfs = *fault.real;
  vfs.iVersion = MIN (fault.real->iVersion, 2);
  vfs.szOsFile = (int) sizeof (FaultFile) + fault.real->szOsFile;
  vfs.zName = FAULT_VFS;
  vfs.pNext = NULL;
  vfs.xOpen = f_open;
  g_assert_cmpint (sqlite3_vfs_register (&vfs, 0), ==, SQLITE_OK);
}

#define N_TOPICS 30

static char *
make_template (const char *dir)
{
  char *path = g_build_filename (dir, "template.db", NULL);
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  se_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 1; i <= N_TOPICS; i++)
    {
      g_autoptr(SeRecord) topic = g_object_new (SE_TYPE_TOPIC, NULL);
      g_autofree char *name = g_strdup_printf ("Topic %02u", i);

      se_record_set_string (topic, "name", name);
      se_store_save (store, topic, NULL, &error);
      g_assert_no_error (error);
    }
  se_store_commit (store, &error);
  g_assert_no_error (error);
  return path;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
check_committed (const char *path,
                 gboolean    with_new)
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *topics;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  se_store_check_integrity (store, FALSE, &error);
  g_assert_no_error (error);

  topics = se_store_get_list (store, SE_TYPE_TOPIC);
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, N_TOPICS);
  for (guint i = 0; i < N_TOPICS; i++)
    {
      g_autoptr(SeRecord) topic = g_list_model_get_item (topics, i);
      g_autofree char *name = g_strdup_printf ("Topic %02u", i + 1);
      g_assert_cmpstr (se_record_get_string (topic, "name"), ==, name);
    }
  g_assert_cmpuint (se_store_count (store, SE_TYPE_ORGANISATION), ==, with_new ? 1 : 0);
}

static void
run_faults (gconstpointer data)
{
  const char *mode = data;
  gboolean persistent = strstr (mode, "persistent") != NULL;
  int write_rc = strstr (mode, "full") != NULL ? SQLITE_FULL : SQLITE_IOERR_WRITE;
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *template = make_template (dir);
  g_autofree char *path = g_build_filename (dir, "work.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  /* A long text, so that the save spans overflow pages. */
  g_autofree char *notes = g_strnfill (20000, 'n');
  int n;

  register_fault_vfs ();

  for (n = 1; n < 500; n++)
    {
      g_autoptr(SeStore) store = NULL;
      g_autoptr(SeRecord) org = g_object_new (SE_TYPE_ORGANISATION, NULL);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_remove (journal);
      copy_file (template, path);

      store = _se_store_open_with_vfs (path, SE_STORE_OPEN_FLAGS_NONE, FAULT_VFS, &error);
      g_assert_no_error (error);

      se_record_set_string (org, "name", "Stadt Neuss");
      se_record_set_string (org, "notes", notes);

      fault.armed = TRUE;
      fault.persistent = persistent;
      fault.fail_at = n;
      fault.calls = 0;
      fault.failures = 0;
      fault.write_rc = write_rc;

      ok = se_store_save (store, org, NULL, &error);

      /* A disk that keeps failing fails the close (the rollback) too. */
      g_clear_object (&store);
      fault.armed = FALSE;

      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (fault.failures, ==, 0);
          check_committed (path, TRUE);
          break;
        }

      g_assert_nonnull (error);
      g_assert_true (error->domain == SE_STORE_ERROR);
      g_assert_true (error->code == SE_STORE_ERROR_IO || error->code == SE_STORE_ERROR_DISK_FULL);
      g_assert_null (strchr (error->message, '%'));
      if (n == 1)
        g_test_message ("save %s at call %d: %s", mode, n, error->message);

      /* The form's copy keeps what the user typed and is still new. */
      g_assert_cmpint (se_record_get_id (org), ==, 0);
      g_assert_cmpstr (se_record_get_string (org, "name"), ==, "Stadt Neuss");
      g_assert_cmpstr (se_record_get_string (org, "notes"), ==, notes);

      check_committed (path, FALSE);
    }

  g_test_message ("%s: a save makes %d writes, syncs and truncates; each failed cleanly",
                  mode, n - 1);
  g_assert_cmpint (n, <, 500);
  g_assert_cmpint (n, >, 3);

  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/store/fault/io-once", "io once", run_faults);
  g_test_add_data_func ("/store/fault/io-persistent", "io persistent", run_faults);
  g_test_add_data_func ("/store/fault/full-once", "full once", run_faults);
  g_test_add_data_func ("/store/fault/full-persistent", "full persistent", run_faults);

  return g_test_run ();
}
