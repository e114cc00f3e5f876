/* se-db.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The store's backends: one connection to a database and the statements
 * prepared on it, the same for every backend. The store's files speak SQL
 * through this and never see a backend's own library; each backend is one
 * file (se-db-sqlite.c) that fills a SeDbClass.
 *
 * It follows the shape of the statements the store has always made: a
 * statement is prepared once, bound by number (?1, ?2, ...), stepped row
 * by row, and reset to run again. Steps and calls return a SeDbResult; on
 * a failure the connection keeps the backend's words for it until the
 * next call (se_db_get_message ()), and the store turns the result into
 * its own translated error. Text bound to a statement is not copied: it
 * must stay as it is until the statement is reset or stepped to its end,
 * unless it is bound with se_db_bind_text_copy (). */

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SE_DB_OK = 0,
  SE_DB_ROW,  /* a step gave a row */
  SE_DB_DONE, /* a step reached the end */

  /* What went wrong, as far as the store tells the user apart */
  SE_DB_FAILED,
  SE_DB_BUSY, /* another connection holds a lock */
  SE_DB_READ_ONLY,
  SE_DB_PERMISSION_DENIED, /* the server's grants or row security refused it */
  SE_DB_DISK_FULL,
  SE_DB_IO,
  SE_DB_CORRUPT,
  SE_DB_NOT_A_DATABASE,
  SE_DB_CANNOT_OPEN,
  SE_DB_CONNECTION_LOST,
  SE_DB_MISUSE,

  /* Why a server could not be opened */
  SE_DB_UNREACHABLE,      /* no server answers there */
  SE_DB_ACCESS_DENIED,    /* the user name or password was refused */
  SE_DB_NEEDS_PASSWORD,   /* the server asks for a password, and none was given */
  SE_DB_PASSWORD_REFUSED, /* a password was given, and the server refused it */
  SE_DB_NO_SUCH_DATABASE,
  SE_DB_SERVER_TOO_OLD, /* older than PostgreSQL 13 */
  SE_DB_TLS_NONE,       /* it answers, but offers no TLS, which the settings ask for */
  SE_DB_TLS_UNTRUSTED,  /* its certificate is not signed by a CA the settings trust */
  SE_DB_TLS_WRONG_NAME, /* its certificate is made out for another name */

  /* A constraint refused a write */
  SE_DB_CONSTRAINT, /* one the others do not name */
  SE_DB_CONSTRAINT_UNIQUE,
  SE_DB_CONSTRAINT_PRIMARY_KEY,
  SE_DB_CONSTRAINT_FOREIGN_KEY,
  SE_DB_CONSTRAINT_CHECK,
  SE_DB_CONSTRAINT_NOT_NULL,
  SE_DB_CONSTRAINT_TRIGGER, /* a trigger refused it */
} SeDbResult;

#define SE_DB_IS_CONSTRAINT(rc) ((rc) >= SE_DB_CONSTRAINT && (rc) <= SE_DB_CONSTRAINT_TRIGGER)

typedef enum
{
  SE_DB_CHANGE_INSERT,
  SE_DB_CHANGE_UPDATE,
  SE_DB_CHANGE_DELETE,
} SeDbChange;

/* A row a statement of this connection inserted, updated or deleted,
 * cascades and triggers included, told before the statement's step
 * returns. */
typedef void (*SeDbChangeFunc) (gpointer    user_data,
                                SeDbChange  change,
                                const char *table,
                                gint64      id);

typedef struct _SeDb      SeDb;
typedef struct _SeDbStmt  SeDbStmt;
typedef struct _SeDbClass SeDbClass;

/* A table, one column for each part, as clang-format would not set it */
/* clang-format off */
struct _SeDbClass
{
  const char *name;

  void         (*close)           (SeDb        *db);
  const char  *(*get_message)     (SeDb        *db);
  SeDbResult   (*get_result)      (SeDb        *db);
  SeDbResult   (*exec)            (SeDb        *db,
                                   const char  *sql);
  SeDbResult   (*begin)           (SeDb        *db,
                                   gboolean     write);
  SeDbResult   (*commit)          (SeDb        *db);
  SeDbResult   (*rollback)        (SeDb        *db);
  gboolean     (*in_transaction)  (SeDb        *db);
  gint64       (*last_insert_id)  (SeDb        *db);
  gint64       (*changes)         (SeDb        *db);
  gint64       (*total_changes)   (SeDb        *db);
  void         (*set_change_func) (SeDb          *db,
                                   SeDbChangeFunc func,
                                   gpointer       user_data);

  SeDbResult   (*prepare)         (SeDb        *db,
                                   const char  *sql,
                                   gboolean     persistent,
                                   SeDbStmt   **stmt);
  void         (*finalize)        (SeDbStmt    *stmt);
  void         (*reset)           (SeDbStmt    *stmt);
  void         (*clear_bindings)  (SeDbStmt    *stmt);
  int          (*parameter_count) (SeDbStmt    *stmt);
  void         (*bind_null)       (SeDbStmt    *stmt,
                                   int          n);
  void         (*bind_int64)      (SeDbStmt    *stmt,
                                   int          n,
                                   gint64       value);
  void         (*bind_double)     (SeDbStmt    *stmt,
                                   int          n,
                                   double       value);
  void         (*bind_text)       (SeDbStmt    *stmt,
                                   int          n,
                                   const char  *text,
                                   gboolean     copy);
  void         (*bind_blob)       (SeDbStmt     *stmt,
                                   int           n,
                                   gconstpointer data,
                                   gsize         size);
  SeDbResult   (*step)            (SeDbStmt    *stmt);
  gboolean     (*column_is_null)  (SeDbStmt    *stmt,
                                   int          col);
  gint64       (*column_int64)    (SeDbStmt    *stmt,
                                   int          col);
  double       (*column_double)   (SeDbStmt    *stmt,
                                   int          col);
  const char  *(*column_text)     (SeDbStmt    *stmt,
                                   int          col);
  gconstpointer (*column_blob)    (SeDbStmt    *stmt,
                                   int          col,
                                   gsize       *size);

  /* Rows in bulk (se_db_copy_add ()) */
  SeDbResult   (*prepare_copy)    (SeDb        *db,
                                   const char  *table,
                                   const char  *columns,
                                   SeDbStmt   **stmt);
  SeDbResult   (*copy_add)        (SeDbStmt    *stmt);
  SeDbResult   (*copy_flush)      (SeDbStmt    *stmt);
  SeDbResult   (*copy_wait)       (SeDbStmt    *stmt);
};
/* clang-format on */

/* Every backend's connection and statement begin with these. */
struct _SeDb
{
  const SeDbClass *klass;
};

struct _SeDbStmt
{
  SeDb *db;
};

/* Calls through the class, inline: a list view reads thousands of
 * columns a second. */

static inline void
se_db_close (SeDb *db)
{
  if (db != NULL)
    db->klass->close (db);
}

static inline const char *
se_db_get_message (SeDb *db)
{
  return db->klass->get_message (db);
}

/* The result of the connection's last call that failed, or SE_DB_OK */
static inline SeDbResult
se_db_get_result (SeDb *db)
{
  return db->klass->get_result (db);
}

/* Runs one or more statements that take no parameters and give no rows */
static inline SeDbResult
se_db_exec (SeDb       *db,
            const char *sql)
{
  return db->klass->exec (db, sql);
}

/* @write: the transaction will write, and takes the write lock now
 * rather than at its first write (SQLite's BEGIN IMMEDIATE), so that it
 * cannot fail half-way because another connection wrote first */
static inline SeDbResult
se_db_begin (SeDb    *db,
             gboolean write)
{
  return db->klass->begin (db, write);
}

static inline SeDbResult
se_db_commit (SeDb *db)
{
  return db->klass->commit (db);
}

static inline SeDbResult
se_db_rollback (SeDb *db)
{
  return db->klass->rollback (db);
}

static inline gboolean
se_db_in_transaction (SeDb *db)
{
  return db->klass->in_transaction (db);
}

static inline gint64
se_db_last_insert_id (SeDb *db)
{
  return db->klass->last_insert_id (db);
}

/* The rows the last INSERT, UPDATE or DELETE changed, cascades aside */
static inline gint64
se_db_changes (SeDb *db)
{
  return db->klass->changes (db);
}

/* The rows this connection has changed since it was opened */
static inline gint64
se_db_total_changes (SeDb *db)
{
  return db->klass->total_changes (db);
}

static inline void
se_db_set_change_func (SeDb          *db,
                       SeDbChangeFunc func,
                       gpointer       user_data)
{
  db->klass->set_change_func (db, func, user_data);
}

/* @persistent: the statement will be kept and run many times */
static inline SeDbResult
se_db_prepare (SeDb       *db,
               const char *sql,
               gboolean    persistent,
               SeDbStmt  **stmt)
{
  return db->klass->prepare (db, sql, persistent, stmt);
}

static inline void
se_db_stmt_free (SeDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->klass->finalize (stmt);
}

/* Ready to run again, with the same parameters */
static inline void
se_db_reset (SeDbStmt *stmt)
{
  stmt->db->klass->reset (stmt);
}

/* Its parameters all NULL again */
static inline void
se_db_clear_bindings (SeDbStmt *stmt)
{
  stmt->db->klass->clear_bindings (stmt);
}

static inline SeDb *
se_db_stmt_get_db (SeDbStmt *stmt)
{
  return stmt->db;
}

static inline int
se_db_parameter_count (SeDbStmt *stmt)
{
  return stmt->db->klass->parameter_count (stmt);
}

static inline void
se_db_bind_null (SeDbStmt *stmt,
                 int       n)
{
  stmt->db->klass->bind_null (stmt, n);
}

static inline void
se_db_bind_int64 (SeDbStmt *stmt,
                  int       n,
                  gint64    value)
{
  stmt->db->klass->bind_int64 (stmt, n, value);
}

static inline void
se_db_bind_double (SeDbStmt *stmt,
                   int       n,
                   double    value)
{
  stmt->db->klass->bind_double (stmt, n, value);
}

/* @text may be NULL, for NULL; it is not copied */
static inline void
se_db_bind_text (SeDbStmt   *stmt,
                 int         n,
                 const char *text)
{
  stmt->db->klass->bind_text (stmt, n, text, FALSE);
}

/* @text may be NULL, for NULL; it is copied */
static inline void
se_db_bind_text_copy (SeDbStmt   *stmt,
                      int         n,
                      const char *text)
{
  stmt->db->klass->bind_text (stmt, n, text, TRUE);
}

/* @data is copied */
static inline void
se_db_bind_blob (SeDbStmt     *stmt,
                 int           n,
                 gconstpointer data,
                 gsize         size)
{
  stmt->db->klass->bind_blob (stmt, n, data, size);
}

/* SE_DB_ROW, SE_DB_DONE or what went wrong */
static inline SeDbResult
se_db_step (SeDbStmt *stmt)
{
  return stmt->db->klass->step (stmt);
}

static inline gboolean
se_db_column_is_null (SeDbStmt *stmt,
                      int       col)
{
  return stmt->db->klass->column_is_null (stmt, col);
}

static inline gint64
se_db_column_int64 (SeDbStmt *stmt,
                    int       col)
{
  return stmt->db->klass->column_int64 (stmt, col);
}

static inline double
se_db_column_double (SeDbStmt *stmt,
                     int       col)
{
  return stmt->db->klass->column_double (stmt, col);
}

/* Valid until the next step or reset; NULL for NULL */
static inline const char *
se_db_column_text (SeDbStmt *stmt,
                   int       col)
{
  return stmt->db->klass->column_text (stmt, col);
}

static inline gconstpointer
se_db_column_blob (SeDbStmt *stmt,
                   int       col,
                   gsize    *size)
{
  return stmt->db->klass->column_blob (stmt, col, size);
}

/* Rows in bulk: many rows of one table sent to the database at once
 * (PostgreSQL's COPY), rather than an INSERT and its round trip each. The
 * statement's parameters are @columns (a comma-separated list, the table's
 * own names), bound as for any statement; each se_db_copy_add () takes
 * the bound values as one row and clears them, se_db_copy_flush () sends
 * the rows added so far, and se_db_copy_wait () waits until the rows of
 * the last flush are in and says how that went: all of them or, on a
 * failure, none (within a transaction the failure undoes that flush
 * only, as a failed step would). Between the flush and the wait the
 * server takes the rows while the caller goes on; wait before the next
 * flush. Any other statement on the connection waits for them too, and
 * the outcome is still the wait's to tell. A backend may instead insert
 * each row at its add (SQLite, which has no round trips to save), where
 * its failure shows. */
static inline SeDbResult
se_db_prepare_copy (SeDb       *db,
                    const char *table,
                    const char *columns,
                    SeDbStmt  **stmt)
{
  return db->klass->prepare_copy (db, table, columns, stmt);
}

static inline SeDbResult
se_db_copy_add (SeDbStmt *stmt)
{
  return stmt->db->klass->copy_add (stmt);
}

static inline SeDbResult
se_db_copy_flush (SeDbStmt *stmt)
{
  return stmt->db->klass->copy_flush (stmt);
}

static inline SeDbResult
se_db_copy_wait (SeDbStmt *stmt)
{
  return stmt->db->klass->copy_wait (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeDbStmt, se_db_stmt_free)

/* The SQLite backend (se-db-sqlite.c) */
typedef enum
{
  SE_DB_SQLITE_READ_ONLY = 1 << 0,
  SE_DB_SQLITE_URI = 1 << 1, /* @path is a file: URI with its parameters */
} SeDbSqliteFlags;

/* Opens an existing file, or creates it (the store makes the file itself,
 * with its permissions, before). On a failure *@db is still set, for its
 * message, and must be closed. */
SeDbResult se_db_sqlite_open (const char     *path,
                              SeDbSqliteFlags flags,
                              const char     *vfs,
                              SeDb          **db);

/* The sqlite3 connection, for the tests that watch SQLite itself */
gpointer   se_db_sqlite_get_handle (SeDb *db);

SeDbResult se_db_sqlite_copy (SeDb       *src,
                              const char *dest_path,
                              char      **detail);

/* The PostgreSQL backend (se-db-pg.c) */

/* Connects to @conninfo: a libpq URI (postgresql://host/db), key=value
 * pairs, or service=NAME from pg_service.conf. On a failure *@db is still
 * set, for its message, and must be closed. */
SeDbResult se_db_pg_open       (const char  *conninfo,
                                SeDb       **db);
/* A location without its password, for titles and messages */
char      *se_db_pg_describe   (const char  *conninfo);
/* Sends a notification at once, on a connection of its own */
void       se_db_pg_notify_aside (SeDb       *db,
                                  const char *channel,
                                  const char *payload);
/* The same location without a password, still one to connect to */
char      *se_db_pg_dup_without_password (const char *conninfo);

/* The user and password that this process's connections to @conninfo
 * sign in with (se_db_pg_open (), the listener's, those made again), in
 * place of what @conninfo and libpq's own sources (~/.pgpass, the
 * environment) would give; @password NULL forgets them. Returns the ones
 * set before (or NULL), for se_db_pg_restore_login (), which takes them,
 * or se_db_pg_login_free (). */
gpointer   se_db_pg_set_login (const char *conninfo,
                               const char *user,
                               const char *password);
void       se_db_pg_restore_login (const char *conninfo,
                                   gpointer    login);
void       se_db_pg_login_free (gpointer login);

/* Whom a connection that failed with SE_DB_NEEDS_PASSWORD or
 * SE_DB_PASSWORD_REFUSED tried to sign in as, where: what libpq made of
 * the location, the service file and the environment. Each is newly
 * allocated. */
gboolean   se_db_pg_get_login (SeDb  *db,
                               char **host,
                               char **port,
                               char **database,
                               char **user);
/* The PGconn, for the tests that watch the server itself */
gpointer   se_db_pg_get_handle (SeDb        *db);

/* What other connections to the server changed and committed: the rows
 * @ids of @table, or any of its rows when @n_ids is 0; with @table NULL,
 * anything at all (the listener was cut off, and is back). Returns FALSE
 * to be asked again a moment later, as when a transaction is open. */
typedef gboolean (*SeDbNotifyFunc) (gpointer      user_data,
                                    const char   *table,
                                    const gint64 *ids,
                                    guint         n_ids);

/* The listener listens (@listening), or has lost its connection */
typedef void (*SeDbListenerStateFunc) (gpointer user_data,
                                       gboolean listening);

typedef struct _SeDbListener SeDbListener;

/* Listens for the changes the schema's triggers announce, on a
 * connection of its own made with @db's settings, from the thread's
 * default main context (se-db-pg.c) */
SeDbListener                *se_db_pg_listen (SeDb                 *db,
                                              SeDbNotifyFunc        func,
                                              SeDbListenerStateFunc state_func,
                                              gpointer              user_data);
void                         se_db_pg_listener_free (SeDbListener *listener);

/* Whether @location names a server rather than a file: a libpq URI or a
 * service from pg_service.conf. No file path starts like these. */
static inline gboolean
se_db_is_server_location (const char *location)
{
  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://")
         || g_str_has_prefix (location, "service=");
}

G_END_DECLS
