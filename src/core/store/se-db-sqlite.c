/* se-db-sqlite.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <sqlite3.h>

#include "se-db.h"

/* The SQLite backend: a file on this computer, one connection per store.
 * The connection runs with extended result codes, so that a refused
 * constraint says which kind it was, and waits up to five seconds for
 * another connection's lock before it gives up with SE_DB_BUSY. */

typedef struct
{
  SeDb           parent;
  sqlite3       *handle;
  SeDbChangeFunc change_func;
  gpointer       change_data;
} SqliteDb;

typedef struct
{
  SeDbStmt      parent;
  sqlite3_stmt *handle;
} SqliteStmt;

#define DB(db) (((SqliteDb *) (db))->handle)
#define STMT(stmt) (((SqliteStmt *) (stmt))->handle)

static SeDbResult
result_of (int rc)
{
  switch (rc)
    {
    case SQLITE_OK:
      return SE_DB_OK;
    case SQLITE_ROW:
      return SE_DB_ROW;
    case SQLITE_DONE:
      return SE_DB_DONE;
    case SQLITE_CONSTRAINT_UNIQUE:
      return SE_DB_CONSTRAINT_UNIQUE;
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_ROWID:
      return SE_DB_CONSTRAINT_PRIMARY_KEY;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return SE_DB_CONSTRAINT_FOREIGN_KEY;
    case SQLITE_CONSTRAINT_CHECK:
      return SE_DB_CONSTRAINT_CHECK;
    case SQLITE_CONSTRAINT_NOTNULL:
      return SE_DB_CONSTRAINT_NOT_NULL;
    case SQLITE_CONSTRAINT_TRIGGER:
      return SE_DB_CONSTRAINT_TRIGGER;
    default:
      break;
    }

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return SE_DB_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SE_DB_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return SE_DB_READ_ONLY;
    case SQLITE_FULL:
      return SE_DB_DISK_FULL;
    case SQLITE_IOERR:
      return SE_DB_IO;
    case SQLITE_CORRUPT:
      return SE_DB_CORRUPT;
    case SQLITE_NOTADB:
      return SE_DB_NOT_A_DATABASE;
    case SQLITE_CANTOPEN:
      return SE_DB_CANNOT_OPEN;
    case SQLITE_MISUSE:
      return SE_DB_MISUSE;
    default:
      return SE_DB_FAILED;
    }
}

/* The connection */

static void
db_close (SeDb *db)
{
  sqlite3_close (DB (db));
  g_free (db);
}

static const char *
db_get_message (SeDb *db)
{
  return sqlite3_errmsg (DB (db));
}

static SeDbResult
db_get_result (SeDb *db)
{
  return result_of (sqlite3_extended_errcode (DB (db)));
}

static SeDbResult
db_exec (SeDb       *db,
         const char *sql)
{
  return result_of (sqlite3_exec (DB (db), sql, NULL, NULL, NULL));
}

static SeDbResult
db_begin (SeDb    *db,
          gboolean write)
{
  return db_exec (db, write ? "BEGIN IMMEDIATE" : "BEGIN");
}

static SeDbResult
db_commit (SeDb *db)
{
  return db_exec (db, "COMMIT");
}

static SeDbResult
db_rollback (SeDb *db)
{
  return db_exec (db, "ROLLBACK");
}

static gboolean
db_in_transaction (SeDb *db)
{
  return !sqlite3_get_autocommit (DB (db));
}

static gint64
db_last_insert_id (SeDb *db)
{
  return sqlite3_last_insert_rowid (DB (db));
}

static gint64
db_changes (SeDb *db)
{
  return sqlite3_changes64 (DB (db));
}

static gint64
db_total_changes (SeDb *db)
{
  return sqlite3_total_changes64 (DB (db));
}

static void
update_hook (void         *user_data,
             int           op,
             const char   *database,
             const char   *table,
             sqlite3_int64 rowid)
{
  SqliteDb  *self = user_data;
  SeDbChange change = op == SQLITE_INSERT   ? SE_DB_CHANGE_INSERT
                      : op == SQLITE_DELETE ? SE_DB_CHANGE_DELETE
                                            : SE_DB_CHANGE_UPDATE;

  self->change_func (self->change_data, change, table, rowid);
}

static void
db_set_change_func (SeDb          *db,
                    SeDbChangeFunc func,
                    gpointer       user_data)
{
  SqliteDb *self = (SqliteDb *) db;

  self->change_func = func;
  self->change_data = user_data;
  sqlite3_update_hook (self->handle, func != NULL ? update_hook : NULL, self);
}

/* Statements */

static SeDbResult
db_prepare (SeDb       *db,
            const char *sql,
            gboolean    persistent,
            SeDbStmt  **stmt)
{
  sqlite3_stmt *handle = NULL;
  int           rc = sqlite3_prepare_v3 (DB (db), sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0,
                                         &handle, NULL);
  SqliteStmt   *self;

  *stmt = NULL;
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (handle);
      return result_of (sqlite3_extended_errcode (DB (db)));
    }

  self = g_new (SqliteStmt, 1);
  self->parent.db = db;
  self->handle = handle;
  *stmt = &self->parent;
  return SE_DB_OK;
}

static void
stmt_finalize (SeDbStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
stmt_reset (SeDbStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static void
stmt_clear_bindings (SeDbStmt *stmt)
{
  sqlite3_clear_bindings (STMT (stmt));
}

static int
stmt_parameter_count (SeDbStmt *stmt)
{
  return sqlite3_bind_parameter_count (STMT (stmt));
}

static void
stmt_bind_null (SeDbStmt *stmt,
                int       n)
{
  sqlite3_bind_null (STMT (stmt), n);
}

static void
stmt_bind_int64 (SeDbStmt *stmt,
                 int       n,
                 gint64    value)
{
  sqlite3_bind_int64 (STMT (stmt), n, value);
}

static void
stmt_bind_double (SeDbStmt *stmt,
                  int       n,
                  double    value)
{
  sqlite3_bind_double (STMT (stmt), n, value);
}

static void
stmt_bind_text (SeDbStmt   *stmt,
                int         n,
                const char *text,
                gboolean    copy)
{
  sqlite3_bind_text (STMT (stmt), n, text, -1, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static void
stmt_bind_blob (SeDbStmt     *stmt,
                int           n,
                gconstpointer data,
                gsize         size)
{
  sqlite3_bind_blob64 (STMT (stmt), n, data, size, SQLITE_TRANSIENT);
}

static SeDbResult
stmt_step (SeDbStmt *stmt)
{
  int rc = sqlite3_step (STMT (stmt));

  if (rc == SQLITE_ROW)
    return SE_DB_ROW;
  if (rc == SQLITE_DONE)
    return SE_DB_DONE;
  return result_of (sqlite3_extended_errcode (DB (stmt->db)));
}

static gboolean
stmt_column_is_null (SeDbStmt *stmt,
                     int       col)
{
  return sqlite3_column_type (STMT (stmt), col) == SQLITE_NULL;
}

static gint64
stmt_column_int64 (SeDbStmt *stmt,
                   int       col)
{
  return sqlite3_column_int64 (STMT (stmt), col);
}

static double
stmt_column_double (SeDbStmt *stmt,
                    int       col)
{
  return sqlite3_column_double (STMT (stmt), col);
}

static const char *
stmt_column_text (SeDbStmt *stmt,
                  int       col)
{
  return (const char *) sqlite3_column_text (STMT (stmt), col);
}

static gconstpointer
stmt_column_blob (SeDbStmt *stmt,
                  int       col,
                  gsize    *size)
{
  gconstpointer data = sqlite3_column_blob (STMT (stmt), col);

  *size = sqlite3_column_bytes (STMT (stmt), col);
  return data;
}

/* Rows in bulk: SQLite has no round trips to save, so each row is
 * inserted as it is added */

static SeDbResult
db_prepare_copy (SeDb       *db,
                 const char *table,
                 const char *columns,
                 SeDbStmt  **stmt)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  int n = 1;

  for (const char *p = columns; *p != '\0'; p++)
    n += *p == ',';
  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES (?", table, columns);
  for (int i = 1; i < n; i++)
    g_string_append (sql, ", ?");
  g_string_append_c (sql, ')');
  return db_prepare (db, sql->str, FALSE, stmt);
}

static SeDbResult
stmt_copy_add (SeDbStmt *stmt)
{
  SeDbResult rc = stmt_step (stmt);

  stmt_reset (stmt);
  stmt_clear_bindings (stmt);
  return rc == SE_DB_DONE ? SE_DB_OK : rc;
}

static SeDbResult
stmt_copy_flush (SeDbStmt *stmt)
{
  return SE_DB_OK;
}

static SeDbResult
stmt_copy_wait (SeDbStmt *stmt)
{
  return SE_DB_OK;
}

static const SeDbClass sqlite_class = {
  .name = "sqlite",
  .close = db_close,
  .get_message = db_get_message,
  .get_result = db_get_result,
  .exec = db_exec,
  .begin = db_begin,
  .commit = db_commit,
  .rollback = db_rollback,
  .in_transaction = db_in_transaction,
  .last_insert_id = db_last_insert_id,
  .changes = db_changes,
  .total_changes = db_total_changes,
  .set_change_func = db_set_change_func,
  .prepare = db_prepare,
  .finalize = stmt_finalize,
  .reset = stmt_reset,
  .clear_bindings = stmt_clear_bindings,
  .parameter_count = stmt_parameter_count,
  .bind_null = stmt_bind_null,
  .bind_int64 = stmt_bind_int64,
  .bind_double = stmt_bind_double,
  .bind_text = stmt_bind_text,
  .bind_blob = stmt_bind_blob,
  .step = stmt_step,
  .column_is_null = stmt_column_is_null,
  .column_int64 = stmt_column_int64,
  .column_double = stmt_column_double,
  .column_text = stmt_column_text,
  .column_blob = stmt_column_blob,
  .prepare_copy = db_prepare_copy,
  .copy_add = stmt_copy_add,
  .copy_flush = stmt_copy_flush,
  .copy_wait = stmt_copy_wait,
};

SeDbResult
se_db_sqlite_open (const char     *path,
                   SeDbSqliteFlags flags,
                   const char     *vfs,
                   SeDb          **db)
{
  SqliteDb *self = g_new0 (SqliteDb, 1);
  int       open_flags = (flags & SE_DB_SQLITE_READ_ONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;

  if (flags & SE_DB_SQLITE_URI)
    open_flags |= SQLITE_OPEN_URI;
  int rc;

  self->parent.klass = &sqlite_class;
  *db = &self->parent;

  /* NOFOLLOW: a symbolic link in place of the file is refused */
  rc = sqlite3_open_v2 (path, &self->handle, open_flags | SQLITE_OPEN_NOFOLLOW, vfs);
  if (rc != SQLITE_OK)
    return result_of (self->handle != NULL ? sqlite3_extended_errcode (self->handle) : rc);

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);
  return SE_DB_OK;
}

/* The backup API: the database of @src copied page by page into the file
 * @dest_path, which it opens and closes again before it returns (the
 * caller's own descriptor of the file is closed later: closing any
 * descriptor of a file drops the process's POSIX locks on it). On a
 * failure *@detail says what SQLite said. */
SeDbResult
se_db_sqlite_copy (SeDb       *src,
                   const char *dest_path,
                   char      **detail)
{
  sqlite3        *from = DB (src);
  sqlite3        *dest = NULL;
  sqlite3_backup *backup;
  int             rc;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dest, 1);
      backup = sqlite3_backup_init (dest, "main", from, "main");
      if (backup == NULL)
        rc = sqlite3_extended_errcode (dest);
      else
        {
          /* The source may be busy for a moment (another reader
           * committing); the backup API then restarts by itself. */
          for (int tries = 0; tries < 100; tries++)
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                break;
              sqlite3_sleep (50);
            }
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_extended_errcode (dest);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    *detail = g_strdup (dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));

  sqlite3_close (dest);
  return result_of (rc);
}

gpointer
se_db_sqlite_get_handle (SeDb *db)
{
  g_return_val_if_fail (db == NULL || db->klass == &sqlite_class, NULL);

  return db != NULL ? DB (db) : NULL;
}
