/* se-db-pg.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib-unix.h>
#include <libpq-fe.h>

#include "se-db.h"

/* The PostgreSQL backend: one libpq connection to a server.
 *
 * The store writes its statements with numbered parameters (?1, ?2);
 * they become $1, $2 here, outside quotes and comments, and SQLite's
 * hints to its planner (NOT INDEXED, INDEXED BY, a unary + before a
 * column) are left out. Every value goes
 * to the server as text, or as binary for blobs, and comes back as text.
 * A statement the store keeps (persistent) is prepared on the server at
 * its first step and kept there; any other runs once with its parameters
 * (PQexecParams), so that two of them may be open at a time.
 *
 * The server has no row id: an INSERT into a table with an id column gets
 * RETURNING id, and the step that runs it reads the id and reports the
 * end as SQLite's would. Nor has it SQLite's update hook: the schema's
 * triggers (se_log_change ()) log each row a statement touches into the
 * session's temporary table se_change, which this backend creates before
 * the first transaction that writes, when a change function is set, and
 * reads, in the order written, just before COMMIT. A transaction that is
 * rolled back takes its log with it.
 *
 * A connection the server dropped (a restart, pg_terminate_backend) gives
 * SE_DB_CONNECTION_LOST once; the next call connects again, and the
 * statements prepared on the old connection are prepared anew. */

typedef struct
{
  SeDb           parent;
  PGconn        *conn;
  char          *message;
  SeDbResult     result;
  gint64         last_insert_id;
  gint64         changes;
  gint64         total_changes;
  guint          generation; /* bumped by each new connection */
  guint          next_name;
  GHashTable    *id_tables; /* tables with an id column; NULL until asked */
  SeDbChangeFunc change_func;
  gpointer       change_data;
  gboolean       change_log; /* se_change exists on this connection */
  struct _PgStmt *copy_sent;  /* a COPY sent whose end is still to be read */
} PgDb;

typedef struct _PgStmt
{
  SeDbStmt  parent;
  char     *sql;
  gboolean  persistent;
  gboolean  returning_id;
  gboolean  writes; /* INSERT, UPDATE or DELETE */
  char      name[32];
  guint     prepared; /* the generation it was prepared in; 0 if not */
  int       n_params;
  Oid      *types; /* of the parameters: 0 for the server to infer */
  char    **values;
  int      *lengths;
  int      *formats;
  gboolean *owned;
  PGresult *res;
  int       row;
  int       n_rows;
  gboolean  done;
  guchar   *blob; /* the last blob read, unescaped */
  GString   *copy; /* a COPY's rows, in its text format; NULL for any other */
  gint64     n_copy;
  gboolean   copy_guarded; /* sent within a savepoint of its own */
  SeDbResult copy_result;  /* how the COPY sent last ended */
  char      *copy_message;
} PgStmt;

/* pg_type.h's TEXTOID, which libpq-fe.h does not declare */
#define TEXT_OID 25

#define PG(db) ((PgDb *) (db))
#define PGSTMT(stmt) ((PgStmt *) (stmt))

/* Results and messages */

static SeDbResult
result_of_state (const char *state)
{
  static const struct
  {
    const char *state;
    SeDbResult  result;
  } states[] = {
    { "23505", SE_DB_CONSTRAINT_UNIQUE },
    { "23503", SE_DB_CONSTRAINT_FOREIGN_KEY },
    { "23514", SE_DB_CONSTRAINT_CHECK },
    { "23502", SE_DB_CONSTRAINT_NOT_NULL },
    { "09000", SE_DB_CONSTRAINT_TRIGGER }, /* triggered_action_exception */
    { "40001", SE_DB_BUSY },               /* serialization_failure */
    { "40P01", SE_DB_BUSY },               /* deadlock_detected */
    { "55P03", SE_DB_BUSY },               /* lock_not_available */
    { "25006", SE_DB_READ_ONLY },          /* read_only_sql_transaction */
    { "42501", SE_DB_PERMISSION_DENIED },  /* insufficient_privilege, row security */
    { "53100", SE_DB_DISK_FULL },
    { "57P01", SE_DB_CONNECTION_LOST }, /* admin_shutdown */
    { "57P02", SE_DB_CONNECTION_LOST }, /* crash_shutdown */
    { "57P03", SE_DB_CONNECTION_LOST }, /* cannot_connect_now */
    { "XX001", SE_DB_CORRUPT },         /* data_corrupted */
    { "XX002", SE_DB_CORRUPT },         /* index_corrupted */
  };

  if (state == NULL)
    return SE_DB_FAILED;
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (strcmp (state, states[i].state) == 0)
      return states[i].result;
  if (g_str_has_prefix (state, "23"))
    return SE_DB_CONSTRAINT;
  if (g_str_has_prefix (state, "08"))
    return SE_DB_CONNECTION_LOST;
  if (g_str_has_prefix (state, "53") || g_str_has_prefix (state, "58"))
    return SE_DB_IO;
  return SE_DB_FAILED;
}

static SeDbResult
fail (PgDb       *self,
      SeDbResult  result,
      const char *message)
{
  g_free (self->message);
  self->message = g_strchomp (g_strdup (message != NULL && *message ? message : "?"));
  self->result = result;
  return result;
}

/* What went wrong with @res (NULL when libpq had none to give) */
static SeDbResult
fail_result (PgDb     *self,
             PGresult *res)
{
  SeDbResult result;

  if (PQstatus (self->conn) == CONNECTION_BAD)
    result = SE_DB_CONNECTION_LOST;
  else
    result = result_of_state (res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL);
  return fail (self, result,
               res != NULL && *PQresultErrorMessage (res) ? PQresultErrorMessage (res)
                                                          : PQerrorMessage (self->conn));
}

static SeDbResult ensure_change_log (PgDb *self);
static void       finish_copy (PgDb *self);

/* Before each call to the server: a connection it dropped is made again,
 * once the caller has been told (SE_DB_CONNECTION_LOST). */
static gboolean
ensure_connected (PgDb *self)
{
  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;

  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      fail (self, SE_DB_CONNECTION_LOST, PQerrorMessage (self->conn));
      return FALSE;
    }
  self->generation++;
  /* The session's change log went with the old connection; the next
   * write transaction makes it again */
  self->change_log = FALSE;
  return TRUE;
}

/* Runs @sql, which takes no parameters; its rows, if any, in *@res */
static SeDbResult
run (PgDb       *self,
     const char *sql,
     PGresult  **res)
{
  PGresult      *r;
  ExecStatusType status;

  finish_copy (self);
  if (!ensure_connected (self))
    return self->result;

  r = PQexec (self->conn, sql);
  status = PQresultStatus (r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      SeDbResult result = fail_result (self, r);
      PQclear (r);
      return result;
    }
  if (res != NULL)
    *res = r;
  else
    PQclear (r);
  return SE_DB_OK;
}

/* The connection */

static void
db_close (SeDb *db)
{
  PgDb *self = PG (db);

  finish_copy (self);
  PQfinish (self->conn);
  g_clear_pointer (&self->id_tables, g_hash_table_unref);
  g_free (self->message);
  g_free (self);
}

static const char *
db_get_message (SeDb *db)
{
  return PG (db)->message != NULL ? PG (db)->message : "";
}

static SeDbResult
db_get_result (SeDb *db)
{
  return PG (db)->result;
}

static SeDbResult
db_exec (SeDb       *db,
         const char *sql)
{
  PgDb *self = PG (db);

  /* The statement may create or drop tables */
  g_clear_pointer (&self->id_tables, g_hash_table_unref);
  return run (self, sql, NULL);
}

static SeDbResult
db_begin (SeDb    *db,
          gboolean write)
{
  PgDb *self = PG (db);

  /* The change log, before the first transaction that writes (outside
   * it, so that a rollback does not take it): a session that only reads,
   * as a read-only store's, never makes it, and opening costs no table */
  finish_copy (self);
  if (!ensure_connected (self))
    return self->result;
  /* A connection found lost on the way is the caller's to hear of */
  if (write && ensure_change_log (self) == SE_DB_CONNECTION_LOST)
    return SE_DB_CONNECTION_LOST;
  /* Rows are locked as they are written; nothing to take up front */
  return run (self, "BEGIN", NULL);
}

/* The rows the transaction touched, from the log the triggers wrote */
static SeDbResult
report_changes (PgDb *self)
{
  PGresult  *res = NULL;
  SeDbResult rc;

  if (self->change_func == NULL || !self->change_log)
    return SE_DB_OK;

  rc = run (self,
            "WITH gone AS (DELETE FROM pg_temp.se_change RETURNING seq, op, tbl, id)"
            " SELECT op, tbl, id FROM gone ORDER BY seq",
            &res);
  if (rc != SE_DB_OK)
    return rc;

  for (int i = 0; i < PQntuples (res); i++)
    {
      const char *op = PQgetvalue (res, i, 0);
      SeDbChange  change = op[0] == 'I'   ? SE_DB_CHANGE_INSERT
                           : op[0] == 'D' ? SE_DB_CHANGE_DELETE
                                          : SE_DB_CHANGE_UPDATE;

      self->change_func (self->change_data, change, PQgetvalue (res, i, 1),
                         g_ascii_strtoll (PQgetvalue (res, i, 2), NULL, 10));
    }
  PQclear (res);
  return SE_DB_OK;
}

static SeDbResult
db_commit (SeDb *db)
{
  PgDb      *self = PG (db);
  SeDbResult rc = report_changes (self);

  if (rc != SE_DB_OK)
    return rc;
  return run (self, "COMMIT", NULL);
}

static SeDbResult
db_rollback (SeDb *db)
{
  PgDb *self = PG (db);

  /* A connection lost in the transaction took the transaction with it */
  if (PQstatus (self->conn) != CONNECTION_OK)
    return SE_DB_OK;
  return run (self, "ROLLBACK", NULL);
}

static gboolean
db_in_transaction (SeDb *db)
{
  PGTransactionStatusType status = PQtransactionStatus (PG (db)->conn);

  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

static gint64
db_last_insert_id (SeDb *db)
{
  return PG (db)->last_insert_id;
}

static gint64
db_changes (SeDb *db)
{
  return PG (db)->changes;
}

static gint64
db_total_changes (SeDb *db)
{
  return PG (db)->total_changes;
}

static SeDbResult
ensure_change_log (PgDb *self)
{
  SeDbResult rc;

  if (self->change_log || self->change_func == NULL)
    return SE_DB_OK;
  rc = run (self,
            "CREATE TEMPORARY TABLE IF NOT EXISTS se_change ("
            "  seq bigint GENERATED ALWAYS AS IDENTITY,"
            "  op text NOT NULL, tbl text NOT NULL, id bigint NOT NULL)",
            NULL);
  self->change_log = rc == SE_DB_OK;
  return rc;
}

static void
db_set_change_func (SeDb          *db,
                    SeDbChangeFunc func,
                    gpointer       user_data)
{
  PgDb *self = PG (db);

  self->change_func = func;
  self->change_data = user_data;
}

/* Statements */

/* SQLite's hints to its planner, which mean nothing to the server: NOT
 * INDEXED, INDEXED BY name, and a unary + before a column (which keeps
 * SQLite from using the column's index). @p is outside quotes; *@skip is
 * how much of it to leave out. */
static gboolean
is_hint (const char *sql,
         const char *p,
         gsize      *skip)
{
  if (g_ascii_strncasecmp (p, " NOT INDEXED", 12) == 0 && !g_ascii_isalnum (p[12]))
    {
      *skip = 12;
      return TRUE;
    }
  if (g_ascii_strncasecmp (p, " INDEXED BY ", 12) == 0)
    {
      *skip = 12;
      while (g_ascii_isalnum (p[*skip]) || p[*skip] == '_')
        (*skip)++;
      return TRUE;
    }
  if (*p == '+' && p > sql && (p[-1] == ' ' || p[-1] == '(')
      && (g_ascii_isalpha (p[1]) || p[1] == '_'))
    {
      *skip = 1;
      return TRUE;
    }
  return FALSE;
}

/* ?N becomes $N, and a bare ? the next number, outside quotes and
 * comments; SQLite's planner hints are left out. *@n_params is the
 * highest number. */
static char *
translate (const char *sql,
           int        *n_params,
           GArray     *used)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int      next = 0, highest = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      gsize skip = 0;

      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          g_string_append_c (out, *p++);
          while (*p != '\0' && *p != quote)
            g_string_append_c (out, *p++);
          if (*p == '\0')
            break;
          g_string_append_c (out, *p);
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
          if (*p == '\0')
            break;
          g_string_append_c (out, *p);
        }
      else if (is_hint (sql, p, &skip))
        p += skip - 1;
      else if (*p == '?')
        {
          int n;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;
              n = (int) strtol (p + 1, &end, 10);
              p = end - 1;
            }
          else
            n = ++next;
          next = MAX (next, n);
          highest = MAX (highest, n);
          g_array_append_val (used, n);
          g_string_append_printf (out, "$%d", n);
        }
      else
        g_string_append_c (out, *p);
    }

  *n_params = highest;
  return g_string_free (out, FALSE);
}

static SeDbResult
load_id_tables (PgDb *self)
{
  PGresult  *res = NULL;
  SeDbResult rc;

  if (self->id_tables != NULL)
    return SE_DB_OK;
  rc = run (self,
            "SELECT table_name FROM information_schema.columns"
            " WHERE table_schema = current_schema () AND column_name = 'id'",
            &res);
  if (rc != SE_DB_OK)
    return rc;
  self->id_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int i = 0; i < PQntuples (res); i++)
    g_hash_table_add (self->id_tables, g_strdup (PQgetvalue (res, i, 0)));
  PQclear (res);
  return SE_DB_OK;
}

static gboolean
is_write (const char *sql)
{
  while (g_ascii_isspace (*sql))
    sql++;
  return g_ascii_strncasecmp (sql, "INSERT", 6) == 0 || g_ascii_strncasecmp (sql, "UPDATE", 6) == 0
         || g_ascii_strncasecmp (sql, "DELETE", 6) == 0;
}

/* Whether @sql inserts into a table with an id and says nothing of it */
static gboolean
wants_id (PgDb       *self,
          const char *sql)
{
  const char      *p = sql;
  g_autofree char *table = NULL;
  gsize            len;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INSERT", 6) != 0 || strstr (sql, "RETURNING") != NULL
      || strstr (sql, "returning") != NULL)
    return FALSE;
  p += 6;
  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "INTO", 4) != 0)
    return FALSE;
  p += 4;
  while (g_ascii_isspace (*p))
    p++;
  len = strcspn (p, " \t\n(");
  table = g_ascii_strdown (p, len);

  return load_id_tables (self) == SE_DB_OK && g_hash_table_contains (self->id_tables, table);
}

static SeDbResult
db_prepare (SeDb       *db,
            const char *sql,
            gboolean    persistent,
            SeDbStmt  **stmt)
{
  PgDb   *self = PG (db);
  PgStmt *s = g_new0 (PgStmt, 1);
  char   *translated;
  GArray *used;

  s->parent.db = db;
  s->persistent = persistent;
  used = g_array_new (FALSE, FALSE, sizeof (int));
  translated = translate (sql, &s->n_params, used);
  s->returning_id = wants_id (self, translated);
  s->writes = is_write (translated);
  if (s->returning_id)
    {
      s->sql = g_strconcat (g_strchomp (translated), " RETURNING id", NULL);
      g_free (translated);
    }
  else
    s->sql = translated;
  if (persistent)
    g_snprintf (s->name, sizeof s->name, "se_%u", ++self->next_name);

  /* A parameter the statement does not use, as SQLite allows, is text
   * (the server cannot guess a type it is never compared with) */
  s->types = g_new0 (Oid, MAX (s->n_params, 1));
  for (int i = 0; i < s->n_params; i++)
    s->types[i] = TEXT_OID;
  for (guint i = 0; i < used->len; i++)
    s->types[g_array_index (used, int, i) - 1] = 0;
  g_array_unref (used);
  s->values = g_new0 (char *, MAX (s->n_params, 1));
  s->lengths = g_new0 (int, MAX (s->n_params, 1));
  s->formats = g_new0 (int, MAX (s->n_params, 1));
  s->owned = g_new0 (gboolean, MAX (s->n_params, 1));
  s->row = -1;

  *stmt = &s->parent;
  return SE_DB_OK;
}

static void
clear_result (PgStmt *s)
{
  g_clear_pointer (&s->res, PQclear);
  g_clear_pointer (&s->blob, PQfreemem);
  s->row = -1;
  s->n_rows = 0;
  s->done = FALSE;
}

static void
clear_value (PgStmt *s,
             int     i)
{
  if (s->owned[i])
    g_free (s->values[i]);
  s->values[i] = NULL;
  s->lengths[i] = 0;
  s->formats[i] = 0;
  s->owned[i] = FALSE;
}

static void
stmt_clear_bindings (SeDbStmt *stmt)
{
  PgStmt *s = PGSTMT (stmt);

  for (int i = 0; i < s->n_params; i++)
    clear_value (s, i);
}

static void
stmt_finalize (SeDbStmt *stmt)
{
  PgStmt *s = PGSTMT (stmt);
  PgDb   *self = PG (stmt->db);

  /* The server forgets it with the connection otherwise */
  if (s->prepared != 0 && s->prepared == self->generation
      && PQstatus (self->conn) == CONNECTION_OK
      && PQtransactionStatus (self->conn) != PQTRANS_INERROR)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", s->name);
      PQclear (PQexec (self->conn, sql));
    }
  clear_result (s);
  stmt_clear_bindings (stmt);
  g_free (s->types);
  g_free (s->values);
  g_free (s->lengths);
  g_free (s->formats);
  g_free (s->owned);
  g_free (s->sql);
  if (PG (stmt->db)->copy_sent == s)
    finish_copy (PG (stmt->db));
  if (s->copy != NULL)
    g_string_free (s->copy, TRUE);
  g_free (s->copy_message);
  g_free (s);
}

static void
stmt_reset (SeDbStmt *stmt)
{
  clear_result (PGSTMT (stmt));
}

static int
stmt_parameter_count (SeDbStmt *stmt)
{
  return PGSTMT (stmt)->n_params;
}

static void
set_value (PgStmt  *s,
           int      n,
           char    *value,
           int      length,
           int      format,
           gboolean owned)
{
  /* A parameter the statement does not have, as SQLite ignores it */
  if (n < 1 || n > s->n_params)
    {
      if (owned)
        g_free (value);
      return;
    }
  clear_value (s, n - 1);
  s->values[n - 1] = value;
  s->lengths[n - 1] = length;
  s->formats[n - 1] = format;
  s->owned[n - 1] = owned;
}

static void
stmt_bind_null (SeDbStmt *stmt,
                int       n)
{
  set_value (PGSTMT (stmt), n, NULL, 0, 0, FALSE);
}

static void
stmt_bind_int64 (SeDbStmt *stmt,
                 int       n,
                 gint64    value)
{
  set_value (PGSTMT (stmt), n, g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, 0, TRUE);
}

static void
stmt_bind_double (SeDbStmt *stmt,
                  int       n,
                  double    value)
{
  char *text = g_malloc (G_ASCII_DTOSTR_BUF_SIZE);

  g_ascii_dtostr (text, G_ASCII_DTOSTR_BUF_SIZE, value);
  set_value (PGSTMT (stmt), n, text, 0, 0, TRUE);
}

static void
stmt_bind_text (SeDbStmt   *stmt,
                int         n,
                const char *text,
                gboolean    copy)
{
  if (text == NULL)
    set_value (PGSTMT (stmt), n, NULL, 0, 0, FALSE);
  else if (copy)
    set_value (PGSTMT (stmt), n, g_strdup (text), 0, 0, TRUE);
  else
    set_value (PGSTMT (stmt), n, (char *) text, 0, 0, FALSE);
}

static void
stmt_bind_blob (SeDbStmt     *stmt,
                int           n,
                gconstpointer data,
                gsize         size)
{
  /* Binary, so that the bytes need no escaping; g_memdup2 of nothing is
   * NULL, which would be SQL NULL */
  char *copy = g_malloc (MAX (size, 1));

  memcpy (copy, data, size);
  set_value (PGSTMT (stmt), n, copy, (int) size, 1, TRUE);
}

static SeDbResult
execute (PgStmt *s)
{
  PgDb          *self = PG (s->parent.db);
  PGresult      *res;
  ExecStatusType status;
  gboolean       guarded;

  finish_copy (self);
  if (!ensure_connected (self))
    return self->result;

  if (s->persistent && s->prepared != self->generation)
    {
      res = PQprepare (self->conn, s->name, s->sql, s->n_params, s->types);
      if (PQresultStatus (res) != PGRES_COMMAND_OK)
        {
          SeDbResult result = fail_result (self, res);
          PQclear (res);
          return result;
        }
      PQclear (res);
      s->prepared = self->generation;
    }

  /* A write that fails within a transaction undoes itself only, as in
   * SQLite; the server would otherwise refuse the rest of the transaction */
  guarded = s->writes && PQtransactionStatus (self->conn) == PQTRANS_INTRANS;
  if (guarded && run (self, "SAVEPOINT se_statement", NULL) != SE_DB_OK)
    return self->result;

  if (s->persistent)
    res = PQexecPrepared (self->conn, s->name, s->n_params, (const char *const *) s->values,
                          s->lengths, s->formats, 0);
  else
    res = PQexecParams (self->conn, s->sql, s->n_params, s->types, (const char *const *) s->values,
                        s->lengths, s->formats, 0);

  status = PQresultStatus (res);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      SeDbResult result = fail_result (self, res);
      PQclear (res);
      if (guarded && PQstatus (self->conn) == CONNECTION_OK)
        PQclear (PQexec (self->conn, "ROLLBACK TO SAVEPOINT se_statement"));
      return result;
    }
  if (guarded)
    {
      SeDbResult rc = run (self, "RELEASE SAVEPOINT se_statement", NULL);
      if (rc != SE_DB_OK)
        {
          PQclear (res);
          return rc;
        }
    }

  if (status == PGRES_COMMAND_OK || s->returning_id)
    {
      const char *tuples = PQcmdTuples (res);

      self->changes = *tuples != '\0' ? g_ascii_strtoll (tuples, NULL, 10) : 0;
      self->total_changes += self->changes;
      if (s->returning_id && PQntuples (res) > 0)
        self->last_insert_id = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
      PQclear (res);
      s->done = TRUE;
      return SE_DB_DONE;
    }

  s->res = res;
  s->n_rows = PQntuples (res);
  s->row = -1;
  return SE_DB_OK;
}

static SeDbResult
stmt_step (SeDbStmt *stmt)
{
  PgStmt *s = PGSTMT (stmt);

  if (s->copy != NULL)
    return fail (PG (stmt->db), SE_DB_MISUSE, "a COPY is sent with se_db_copy_flush ()");
  if (s->done)
    return SE_DB_DONE;
  if (s->res == NULL)
    {
      SeDbResult rc = execute (s);
      if (rc != SE_DB_OK)
        return rc;
    }

  g_clear_pointer (&s->blob, PQfreemem);
  if (++s->row < s->n_rows)
    return SE_DB_ROW;
  s->done = TRUE;
  return SE_DB_DONE;
}

static gboolean
stmt_column_is_null (SeDbStmt *stmt,
                     int       col)
{
  PgStmt *s = PGSTMT (stmt);

  return s->res == NULL || s->row < 0 || s->row >= s->n_rows || PQgetisnull (s->res, s->row, col);
}

static const char *
stmt_column_text (SeDbStmt *stmt,
                  int       col)
{
  PgStmt *s = PGSTMT (stmt);

  if (stmt_column_is_null (stmt, col))
    return NULL;
  return PQgetvalue (s->res, s->row, col);
}

static gint64
stmt_column_int64 (SeDbStmt *stmt,
                   int       col)
{
  const char *text = stmt_column_text (stmt, col);

  if (text == NULL)
    return 0;
  /* A boolean, as SQLite would give it */
  if (strcmp (text, "t") == 0)
    return 1;
  if (strcmp (text, "f") == 0)
    return 0;
  return g_ascii_strtoll (text, NULL, 10);
}

static double
stmt_column_double (SeDbStmt *stmt,
                    int       col)
{
  const char *text = stmt_column_text (stmt, col);

  return text != NULL ? g_ascii_strtod (text, NULL) : 0.0;
}

static gconstpointer
stmt_column_blob (SeDbStmt *stmt,
                  int       col,
                  gsize    *size)
{
  PgStmt     *s = PGSTMT (stmt);
  const char *text = stmt_column_text (stmt, col);
  size_t      length = 0;

  *size = 0;
  if (text == NULL)
    return NULL;
  g_clear_pointer (&s->blob, PQfreemem);
  s->blob = PQunescapeBytea ((const unsigned char *) text, &length);
  *size = length;
  return s->blob;
}

/* Rows in bulk: COPY FROM STDIN, its rows in the text format (a tab
 * between the columns, \N for NULL, a backslash before a backslash, a
 * tab or a line break in a value) */

static SeDbResult
db_prepare_copy (SeDb       *db,
                 const char *table,
                 const char *columns,
                 SeDbStmt  **stmt)
{
  PgStmt *s = g_new0 (PgStmt, 1);
  int     n = 1;

  for (const char *p = columns; *p != '\0'; p++)
    n += *p == ',';
  s->parent.db = db;
  s->sql = g_strdup_printf ("COPY %s (%s) FROM STDIN", table, columns);
  s->writes = TRUE;
  s->n_params = n;
  s->types = g_new0 (Oid, n);
  s->values = g_new0 (char *, n);
  s->lengths = g_new0 (int, n);
  s->formats = g_new0 (int, n);
  s->owned = g_new0 (gboolean, n);
  s->row = -1;
  s->copy = g_string_sized_new (65536);
  *stmt = &s->parent;
  return SE_DB_OK;
}

static SeDbResult
stmt_copy_add (SeDbStmt *stmt)
{
  PgStmt  *s = PGSTMT (stmt);
  GString *out = s->copy;

  g_return_val_if_fail (out != NULL, SE_DB_MISUSE);

  for (int i = 0; i < s->n_params; i++)
    {
      const char *v = s->values[i];

      if (i > 0)
        g_string_append_c (out, '\t');
      if (v == NULL)
        g_string_append (out, "\\N");
      else if (s->formats[i] == 1)
        {
          /* bytea in hex, its backslash doubled */
          g_string_append (out, "\\\\x");
          for (int j = 0; j < s->lengths[i]; j++)
            g_string_append_printf (out, "%02x", (guchar) v[j]);
        }
      else
        for (const char *p = v; *p != '\0'; p++)
          switch (*p)
            {
            case '\\':
              g_string_append (out, "\\\\");
              break;
            case '\t':
              g_string_append (out, "\\t");
              break;
            case '\n':
              g_string_append (out, "\\n");
              break;
            case '\r':
              g_string_append (out, "\\r");
              break;
            default:
              g_string_append_c (out, *p);
              break;
            }
    }
  g_string_append_c (out, '\n');
  s->n_copy++;
  stmt_clear_bindings (stmt);
  return SE_DB_OK;
}

/* The end of the COPY sent last: read before anything else goes to the
 * server, and kept for se_db_copy_wait () */
static void
finish_copy (PgDb *self)
{
  PgStmt    *s = self->copy_sent;
  PGresult  *res;
  SeDbResult result = SE_DB_OK;

  if (s == NULL)
    return;
  self->copy_sent = NULL;
  g_clear_pointer (&s->copy_message, g_free);

  while ((res = PQgetResult (self->conn)) != NULL)
    {
      if (result == SE_DB_OK && PQresultStatus (res) != PGRES_COMMAND_OK)
        result = fail_result (self, res);
      else if (result == SE_DB_OK)
        {
          self->changes = g_ascii_strtoll (PQcmdTuples (res), NULL, 10);
          self->total_changes += self->changes;
        }
      PQclear (res);
    }
  if (result == SE_DB_OK && PQstatus (self->conn) != CONNECTION_OK)
    result = fail_result (self, NULL);

  /* As execute () ends a guarded write */
  if (s->copy_guarded && PQstatus (self->conn) == CONNECTION_OK)
    {
      res = PQexec (self->conn, result == SE_DB_OK ? "RELEASE SAVEPOINT se_statement"
                                                   : "ROLLBACK TO SAVEPOINT se_statement");
      if (result == SE_DB_OK && PQresultStatus (res) != PGRES_COMMAND_OK)
        result = fail_result (self, res);
      PQclear (res);
    }
  s->copy_result = result;
  if (result != SE_DB_OK)
    s->copy_message = g_strdup (self->message);
}

/* Sends the rows and returns while the server takes them: the caller
 * goes on with the next rows meanwhile */
static SeDbResult
stmt_copy_flush (SeDbStmt *stmt)
{
  PgStmt    *s = PGSTMT (stmt);
  PgDb      *self = PG (stmt->db);
  PGresult  *res;
  SeDbResult result = SE_DB_OK;

  g_return_val_if_fail (s->copy != NULL, SE_DB_MISUSE);

  finish_copy (self);
  s->copy_result = SE_DB_OK;
  if (s->n_copy == 0)
    return SE_DB_OK;
  s->n_copy = 0;
  if (!ensure_connected (self))
    {
      g_string_truncate (s->copy, 0);
      return self->result;
    }

  /* As execute () guards a write: a failure undoes this COPY only */
  s->copy_guarded = PQtransactionStatus (self->conn) == PQTRANS_INTRANS;
  if (s->copy_guarded && run (self, "SAVEPOINT se_statement", NULL) != SE_DB_OK)
    {
      g_string_truncate (s->copy, 0);
      return self->result;
    }

  res = PQexec (self->conn, s->sql);
  if (PQresultStatus (res) != PGRES_COPY_IN)
    result = fail_result (self, res);
  PQclear (res);
  if (result == SE_DB_OK && (PQputCopyData (self->conn, s->copy->str, (int) s->copy->len) != 1 || PQputCopyEnd (self->conn, NULL) != 1))
    result = fail_result (self, NULL);
  g_string_truncate (s->copy, 0);

  /* Its end is read later (finish_copy ()); a failure to send it, now */
  self->copy_sent = s;
  if (result != SE_DB_OK)
    {
      g_autofree char *message = NULL;

      finish_copy (self);
      if (s->copy_result != SE_DB_OK)
        result = s->copy_result;
      message = g_strdup (s->copy_message != NULL ? s->copy_message : self->message);
      s->copy_result = SE_DB_OK;
      return fail (self, result, message);
    }
  return SE_DB_OK;
}

static SeDbResult
stmt_copy_wait (SeDbStmt *stmt)
{
  PgStmt    *s = PGSTMT (stmt);
  PgDb      *self = PG (stmt->db);
  SeDbResult result;

  if (self->copy_sent == s)
    finish_copy (self);
  result = s->copy_result;
  s->copy_result = SE_DB_OK;
  if (result != SE_DB_OK)
    return fail (self, result, s->copy_message);
  return SE_DB_OK;
}

static const SeDbClass pg_class = {
  .name = "postgresql",
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

/* Opening */

/* The settings @conn was made with, its password among them whichever
 * way it came (given, a login's, ~/.pgpass), but @key set to @value: for
 * another connection made as it was. The arrays own their strings and
 * end with NULL, for PQconnectdbParams () without expand_dbname. */
static void
settings_of (PGconn     *conn,
             const char *key,
             const char *value,
             GPtrArray **keys,
             GPtrArray **values)
{
  PQconninfoOption *options = PQconninfo (conn);

  *keys = g_ptr_array_new_with_free_func (g_free);
  *values = g_ptr_array_new_with_free_func (g_free);
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (o->val != NULL && strcmp (o->keyword, key) != 0)
      {
        g_ptr_array_add (*keys, g_strdup (o->keyword));
        g_ptr_array_add (*values, g_strdup (o->val));
      }
  PQconninfoFree (options);
  g_ptr_array_add (*keys, g_strdup (key));
  g_ptr_array_add (*values, g_strdup (value));
  g_ptr_array_add (*keys, NULL);
  g_ptr_array_add (*values, NULL);
}

/* Whether the server at @conninfo answers with @sslmode in place of the
 * settings' own (a ping: no sign-in) */
static gboolean
answers_with (const char *conninfo,
              const char *sslmode)
{
  /* sslmode=require checks the certificate as verify-ca does when there
   * is a root certificate file: asking with "require" names none */
  gboolean    any_certificate = strcmp (sslmode, "require") == 0;
  const char *keys[] = { "dbname", "sslmode", any_certificate ? "sslrootcert" : NULL, NULL };
  const char *values[] = { conninfo, sslmode, "/nonexistent/staff-exchange/no-root.crt", NULL };

  /* A server that answers at all (even to refuse the connection) is there */
  return PQpingParams (keys, values, TRUE) != PQPING_NO_RESPONSE;
}

/* A server that gave no answer over the TLS the settings ask for (sslmode
 * require, verify-ca or verify-full): why, as far as asking it again with
 * less checking tells. Not there at all (SE_DB_UNREACHABLE); there but
 * without TLS; TLS, but a certificate not signed by a CA the settings
 * trust (sslrootcert); signed, but made out for another name. libpq says
 * it only in words of its own, in the user's language or not. */
static SeDbResult
tls_problem (const char *conninfo)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  g_autofree char  *mode = NULL;

  if (options == NULL)
    return SE_DB_UNREACHABLE;
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (strcmp (o->keyword, "sslmode") == 0 && o->val != NULL)
      mode = g_strdup (o->val);
  PQconninfoFree (options);

  if (mode == NULL || (strcmp (mode, "require") != 0 && !g_str_has_prefix (mode, "verify-")))
    return SE_DB_UNREACHABLE;
  if (!answers_with (conninfo, "disable"))
    return SE_DB_UNREACHABLE;
  if (!answers_with (conninfo, "require"))
    return SE_DB_TLS_NONE;
  if (strcmp (mode, "verify-full") == 0 && answers_with (conninfo, "verify-ca"))
    return SE_DB_TLS_WRONG_NAME;
  return SE_DB_TLS_UNTRUSTED;
}

/* The logins of this process: conninfo -> Login. A user signs in once
 * (the window asks, or finds the password in the keyring), and every
 * connection made to that location after it signs in the same way: the
 * listener's, those the store makes again after a lost connection, and
 * those of a second store on the same location (a second window, a job in
 * a thread of its own). */
typedef struct
{
  char *user; /* NULL: what the location and libpq say */
  char *password;
} Login;

static GMutex      logins_lock;
static GHashTable *logins;

static void
login_free (gpointer data)
{
  Login *login = data;

  if (login == NULL)
    return;
  g_free (login->user);
  if (login->password != NULL)
    memset (login->password, 0, strlen (login->password));
  g_free (login->password);
  g_free (login);
}

static void
logins_replace (const char *conninfo,
                Login      *login)
{
  if (logins == NULL)
    logins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, login_free);
  if (login != NULL)
    g_hash_table_insert (logins, g_strdup (conninfo), login);
  else
    g_hash_table_remove (logins, conninfo);
}

gpointer
se_db_pg_set_login (const char *conninfo,
                    const char *user,
                    const char *password)
{
  Login *previous = NULL;
  Login *login = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);

  if (password != NULL)
    {
      login = g_new0 (Login, 1);
      login->user = user != NULL && *user != '\0' ? g_strdup (user) : NULL;
      login->password = g_strdup (password);
    }

  g_mutex_lock (&logins_lock);
  if (logins != NULL)
    {
      gpointer key = NULL;

      if (g_hash_table_steal_extended (logins, conninfo, &key, (gpointer *) &previous))
        g_free (key);
    }
  logins_replace (conninfo, login);
  g_mutex_unlock (&logins_lock);
  return previous;
}

void
se_db_pg_login_free (gpointer login)
{
  login_free (login);
}

void
se_db_pg_restore_login (const char *conninfo,
                        gpointer    login)
{
  g_return_if_fail (conninfo != NULL);

  g_mutex_lock (&logins_lock);
  logins_replace (conninfo, login);
  g_mutex_unlock (&logins_lock);
}

/* A copy of the login for @conninfo, or NULL */
static Login *
logins_lookup (const char *conninfo)
{
  Login *found, *copy = NULL;

  g_mutex_lock (&logins_lock);
  found = logins != NULL ? g_hash_table_lookup (logins, conninfo) : NULL;
  if (found != NULL)
    {
      copy = g_new0 (Login, 1);
      copy->user = g_strdup (found->user);
      copy->password = g_strdup (found->password);
    }
  g_mutex_unlock (&logins_lock);
  return copy;
}

/* Why a connection failed, in the classes the store has words for. libpq
 * says it only in words of its own (and the server's, in the server's
 * language), so the classes come from what can be asked: whether the
 * server answers at all, whether it asked for a password none was given
 * for, and whether the same credentials get into another database. */
static SeDbResult
classify_failure (PgDb       *self,
                  const char *conninfo)
{
  PGPing            ping = PQping (conninfo);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) values = NULL;
  PGconn           *other;
  gboolean          other_ok;

  if (ping == PQPING_NO_ATTEMPT)
    return SE_DB_CANNOT_OPEN;
  if (ping == PQPING_NO_RESPONSE)
    return tls_problem (conninfo);
  if (ping == PQPING_REJECT)
    return SE_DB_BUSY;
  if (PQconnectionNeedsPassword (self->conn))
    return SE_DB_NEEDS_PASSWORD;

  /* Into the maintenance database with the same credentials (those the
   * connection was made with, a login's among them): if that works, it
   * was the database that was missing */
  settings_of (self->conn, "dbname", "postgres", &keys, &values);
  other = PQconnectdbParams ((const char *const *) keys->pdata,
                             (const char *const *) values->pdata, FALSE);
  other_ok = PQstatus (other) == CONNECTION_OK;
  PQfinish (other);

  if (other_ok)
    return SE_DB_NO_SUCH_DATABASE;
  /* The server asked for a password and got one (given, from ~/.pgpass
   * or the environment), and let no one in with it */
  return PQconnectionUsedPassword (self->conn) ? SE_DB_PASSWORD_REFUSED : SE_DB_ACCESS_DENIED;
}

static void
server_notice (void       *data,
               const char *message)
{
  g_debug ("Server: %s", message);
}

SeDbResult
se_db_pg_open (const char *conninfo,
               SeDb      **db)
{
  PgDb       *self = g_new0 (PgDb, 1);
  Login      *login = logins_lookup (conninfo);
  const char *keys[7] = { "dbname", "application_name", "client_encoding", "connect_timeout",
                          NULL };
  const char *values[7] = { conninfo, "staff-exchange", "UTF8", "10", NULL };
  int         n = 4;
  PGresult   *res = NULL;
  SeDbResult  rc;

  self->parent.klass = &pg_class;
  self->generation = 1;
  *db = &self->parent;

  /* A login's user and password, after the location: they win over it */
  if (login != NULL && login->user != NULL)
    {
      keys[n] = "user";
      values[n++] = login->user;
    }
  if (login != NULL)
    {
      keys[n] = "password";
      values[n++] = login->password;
    }
  keys[n] = values[n] = NULL;

  /* expand_dbname: @conninfo is a URI, key=value pairs or service=NAME;
   * what it sets wins over the defaults after it */
  self->conn = PQconnectdbParams (keys, values, TRUE);
  login_free (login);
  if (self->conn == NULL)
    return fail (self, SE_DB_FAILED, "out of memory");
  /* The server's notices (a role already granted, a lock already gone)
   * are for the log, not for the terminal the app was started from */
  PQsetNoticeProcessor (self->conn, server_notice, NULL);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strdup (PQerrorMessage (self->conn));
      return fail (self, classify_failure (self, conninfo), message);
    }

  if (PQserverVersion (self->conn) < 130000)
    {
      g_autofree char *message = g_strdup_printf ("server version %d",
                                                  PQserverVersion (self->conn));
      return fail (self, SE_DB_SERVER_TOO_OLD, message);
    }

  /* Dates and numbers as the store writes them, whatever the server's
   * or the role's defaults */
  rc = run (self,
            "SET DateStyle = ISO, YMD; SET IntervalStyle = iso_8601; SET TimeZone = 'UTC';"
            "SET extra_float_digits = 1; SET standard_conforming_strings = on",
            &res);
  PQclear (res);
  return rc;
}

gboolean
se_db_pg_get_login (SeDb  *db,
                    char **host,
                    char **port,
                    char **database,
                    char **user)
{
  PGconn *conn;

  g_return_val_if_fail (db != NULL && db->klass == &pg_class, FALSE);

  conn = PG (db)->conn;
  if (conn == NULL || PQuser (conn) == NULL)
    return FALSE;
  /* PQhost () gives a socket's directory, or "localhost" where nothing
   * was said: what libpq connected to */
  *host = g_strdup (PQhost (conn) != NULL ? PQhost (conn) : "");
  *port = g_strdup (PQport (conn) != NULL ? PQport (conn) : "");
  *database = g_strdup (PQdb (conn) != NULL ? PQdb (conn) : "");
  *user = g_strdup (PQuser (conn));
  return TRUE;
}

gpointer
se_db_pg_get_handle (SeDb *db)
{
  g_return_val_if_fail (db == NULL || db->klass == &pg_class, NULL);

  return db != NULL ? PG (db)->conn : NULL;
}

/* @conninfo in words for a title or a message, without its password: the
 * service's name, or host/database */
char *
se_db_pg_describe (const char *conninfo)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  const char       *service = NULL, *host = NULL, *dbname = NULL;
  char             *described;

  if (options == NULL)
    return g_strdup (strchr (conninfo, '@') != NULL ? "postgresql://\u2026" : conninfo);

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (strcmp (o->keyword, "service") == 0)
        service = o->val;
      else if (strcmp (o->keyword, "host") == 0)
        host = o->val;
      else if (strcmp (o->keyword, "dbname") == 0)
        dbname = o->val;
    }

  if (service != NULL && dbname == NULL && host == NULL)
    described = g_strdup (service);
  else
    described = g_strdup_printf ("%s/%s", host != NULL && *host ? host : "localhost",
                                 dbname != NULL ? dbname : "");
  PQconninfoFree (options);
  return described;
}

/* The listener: a connection of its own that LISTENs on staff_exchange
 * and is watched from the main loop, so that the notifications the
 * schema's triggers send at COMMIT (se-store-schema-pg.c) reach the store
 * while the window waits for input. It connects without blocking
 * (PQconnectStartParams), with the settings of the store's connection;
 * one it loses it makes again, a little later each time. Each time it
 * begins to listen it says so (a call with table NULL): nothing sent
 * before reached it, since the store read what it holds or while the
 * connection was down. The notifications that arrive together are handed
 * on together, a short moment after the first, those of the store's own
 * connection left out: it knows what it wrote. */

#define LISTEN_CHANNEL "staff_exchange"
#define LISTEN_BATCH_MS 20
#define LISTEN_RETRY_FIRST_MS 250
#define LISTEN_RETRY_LAST_MS 30000
#define LISTEN_CONNECT_TIMEOUT_S 10

typedef enum
{
  LISTENER_WAITING,    /* to connect again */
  LISTENER_CONNECTING, /* PQconnectPoll () */
  LISTENER_STARTING,   /* LISTEN sent */
  LISTENER_LISTENING,
} ListenerState;

typedef struct
{
  GArray  *ids; /* gint64 */
  gboolean all;
} Pending;

struct _SeDbListener
{
  PgDb                 *db;
  GPtrArray            *keys; /* char*, NULL-terminated */
  GPtrArray            *values;
  PGconn               *conn;
  ListenerState         state;
  gboolean              missed; /* notifications may have been lost */
  GSource              *watch;
  GSource              *retry;
  guint                 retry_ms;
  GSource              *timeout; /* of the connection being made */
  GSource              *dispatch;
  GHashTable           *pending; /* table -> Pending */
  GMainContext         *context;
  SeDbNotifyFunc        func;
  SeDbListenerStateFunc state_func;
  gpointer              data;
};

static void listener_connect (SeDbListener *self);

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_array_unref (p->ids);
  g_free (p);
}

/* The sources are attached to the main context the listener was made
 * in, which need not be the default one: g_source_remove () would not
 * find them. */
static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static GSource *
add_timeout (SeDbListener *self,
             guint         ms,
             GSourceFunc   func,
             const char   *name)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, func, self, NULL);
  g_source_set_static_name (source, name);
  g_source_attach (source, self->context);
  return source;
}

static void
listener_unwatch (SeDbListener *self)
{
  clear_source (&self->watch);
}

static void
listener_watch (SeDbListener     *self,
                GIOCondition      condition,
                GUnixFDSourceFunc func)
{
  listener_unwatch (self);
  if (PQsocket (self->conn) < 0)
    return;
  self->watch = g_unix_fd_source_new (PQsocket (self->conn), condition | G_IO_ERR | G_IO_HUP);
  g_source_set_callback (self->watch, G_SOURCE_FUNC (func), self, NULL);
  g_source_set_static_name (self->watch, "[staff-exchange] listener");
  g_source_attach (self->watch, self->context);
}

static gboolean
listener_retry_cb (gpointer data)
{
  SeDbListener *self = data;

  g_clear_pointer (&self->retry, g_source_unref);
  listener_connect (self);
  return G_SOURCE_REMOVE;
}

/* The connection is gone, or never came: another try, later */
static void
listener_lost (SeDbListener *self)
{
  listener_unwatch (self);
  clear_source (&self->timeout);
  g_clear_pointer (&self->conn, PQfinish);
  if (self->state == LISTENER_LISTENING)
    self->state_func (self->data, FALSE);
  self->state = LISTENER_WAITING;

  clear_source (&self->retry);
  self->retry = add_timeout (self, self->retry_ms, listener_retry_cb,
                             "[staff-exchange] listener retry");
  self->retry_ms = MIN (self->retry_ms * 2, LISTEN_RETRY_LAST_MS);
}

static gboolean
listener_dispatch_cb (gpointer data)
{
  SeDbListener  *self = data;
  GHashTableIter iter;
  gpointer       key, value;

  g_clear_pointer (&self->dispatch, g_source_unref);
  if (self->missed)
    {
      if (!self->func (self->data, NULL, NULL, 0))
        goto later;
      self->missed = FALSE;
      /* Everything is read again: what came before it is in */
      g_hash_table_remove_all (self->pending);
      return G_SOURCE_REMOVE;
    }

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Pending *p = value;

      if (!self->func (self->data, key, p->all ? NULL : (gint64 *) (gpointer) p->ids->data,
                       p->all ? 0 : p->ids->len))
        goto later;
      g_hash_table_iter_remove (&iter);
    }
  return G_SOURCE_REMOVE;

later:
  /* The receiver is in the middle of something: in a moment */
  self->dispatch = add_timeout (self, LISTEN_BATCH_MS * 5, listener_dispatch_cb,
                                "[staff-exchange] listener dispatch");
  return G_SOURCE_REMOVE;
}

static void
listener_schedule (SeDbListener *self)
{
  if (self->dispatch != NULL)
    return;
  self->dispatch = add_timeout (self, LISTEN_BATCH_MS, listener_dispatch_cb,
                                "[staff-exchange] listener dispatch");
}

/* "table id" or "table *" */
static void
listener_take (SeDbListener *self,
               PGnotify     *notify)
{
  const char      *space = strchr (notify->extra, ' ');
  g_autofree char *table = NULL;
  Pending         *p;

  if (space == NULL || space == notify->extra)
    return;
  /* The store's own connection reports its own changes */
  if (PQstatus (self->db->conn) == CONNECTION_OK
      && notify->be_pid == PQbackendPID (self->db->conn))
    return;

  table = g_strndup (notify->extra, space - notify->extra);
  p = g_hash_table_lookup (self->pending, table);
  if (p == NULL)
    {
      p = g_new0 (Pending, 1);
      p->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->pending, g_steal_pointer (&table), p);
    }
  if (g_str_equal (space + 1, "*"))
    {
      p->all = TRUE;
      g_array_set_size (p->ids, 0);
    }
  else if (!p->all)
    {
      char  *end;
      gint64 id = g_ascii_strtoll (space + 1, &end, 10);

      if (*end == '\0' && id > 0)
        g_array_append_val (p->ids, id);
    }
  listener_schedule (self);
}

static gboolean
listener_input_cb (int          fd,
                   GIOCondition condition,
                   gpointer     data)
{
  SeDbListener *self = data;
  PGnotify     *notify;

  if (!PQconsumeInput (self->conn) || PQstatus (self->conn) != CONNECTION_OK)
    {
      listener_lost (self);
      return G_SOURCE_CONTINUE; /* listener_lost () destroyed it */
    }

  if (self->state == LISTENER_STARTING && !PQisBusy (self->conn))
    {
      gboolean  ok = TRUE;
      PGresult *res;

      while ((res = PQgetResult (self->conn)) != NULL)
        {
          ok = ok && PQresultStatus (res) == PGRES_COMMAND_OK;
          PQclear (res);
        }
      if (!ok)
        {
          g_warning ("Could not listen for changes: %s", PQerrorMessage (self->conn));
          listener_lost (self);
          return G_SOURCE_CONTINUE;
        }
      self->state = LISTENER_LISTENING;
      self->retry_ms = LISTEN_RETRY_FIRST_MS;
      /* What was sent before is gone: since the store read it, or while
       * the connection was down */
      self->missed = TRUE;
      listener_schedule (self);
      self->state_func (self->data, TRUE);
    }

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (g_str_equal (notify->relname, LISTEN_CHANNEL))
        listener_take (self, notify);
      PQfreemem (notify);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
listener_poll_cb (int          fd,
                  GIOCondition condition,
                  gpointer     data)
{
  SeDbListener *self = data;

  switch (PQconnectPoll (self->conn))
    {
    case PGRES_POLLING_READING:
      listener_watch (self, G_IO_IN, listener_poll_cb);
      break;
    case PGRES_POLLING_WRITING:
      listener_watch (self, G_IO_OUT, listener_poll_cb);
      break;
    case PGRES_POLLING_OK:
      clear_source (&self->timeout);
      if (!PQsendQuery (self->conn, "LISTEN " LISTEN_CHANNEL))
        {
          listener_lost (self);
          break;
        }
      self->state = LISTENER_STARTING;
      listener_watch (self, G_IO_IN, listener_input_cb);
      break;
    case PGRES_POLLING_FAILED:
    default:
      listener_lost (self);
      break;
    }
  /* Each step watches anew: the socket may change between them */
  return G_SOURCE_CONTINUE;
}

static gboolean
listener_timeout_cb (gpointer data)
{
  SeDbListener *self = data;

  g_clear_pointer (&self->timeout, g_source_unref);
  listener_lost (self);
  return G_SOURCE_REMOVE;
}

/* The server's words on the listener's connection ("terminating
 * connection due to administrator command") are no one's to read */
static void
listener_notice (void       *data,
                 const char *message)
{
  g_debug ("Listener: %s", message);
}

static void
listener_connect (SeDbListener *self)
{
  self->conn = PQconnectStartParams ((const char *const *) self->keys->pdata,
                                     (const char *const *) self->values->pdata, FALSE);
  if (self->conn == NULL || PQstatus (self->conn) == CONNECTION_BAD)
    {
      listener_lost (self);
      return;
    }
  PQsetNoticeProcessor (self->conn, listener_notice, NULL);
  self->state = LISTENER_CONNECTING;
  self->timeout = add_timeout (self, LISTEN_CONNECT_TIMEOUT_S * 1000, listener_timeout_cb,
                               "[staff-exchange] listener connect");
  listener_watch (self, G_IO_OUT, listener_poll_cb);
}

SeDbListener *
se_db_pg_listen (SeDb                 *db,
                 SeDbNotifyFunc        func,
                 SeDbListenerStateFunc state_func,
                 gpointer              user_data)
{
  SeDbListener *self;

  g_return_val_if_fail (db != NULL && db->klass == &pg_class, NULL);
  g_return_val_if_fail (func != NULL && state_func != NULL, NULL);

  self = g_new0 (SeDbListener, 1);
  self->db = PG (db);
  self->func = func;
  self->state_func = state_func;
  self->data = user_data;
  self->context = g_main_context_ref_thread_default ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pending_free);
  self->retry_ms = LISTEN_RETRY_FIRST_MS;
  settings_of (self->db->conn, "application_name", "staff-exchange listener", &self->keys,
               &self->values);

  listener_connect (self);
  return self;
}

void
se_db_pg_listener_free (SeDbListener *self)
{
  if (self == NULL)
    return;

  listener_unwatch (self);
  clear_source (&self->retry);
  clear_source (&self->timeout);
  clear_source (&self->dispatch);
  g_clear_pointer (&self->conn, PQfinish);
  g_hash_table_unref (self->pending);
  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->values);
  g_main_context_unref (self->context);
  g_free (self);
}

/* @conninfo as a location to keep (Open Recent): the same, without a
 * password it may hold, in the same form (a URI stays a URI, service=
 * stays first) so that it is still a server location */
char *
se_db_pg_dup_without_password (const char *conninfo)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  gboolean          uri = g_str_has_prefix (conninfo, "postgresql://")
                 || g_str_has_prefix (conninfo, "postgres://");
  const char *host = NULL, *port = NULL, *dbname = NULL, *user = NULL, *service = NULL;
  gboolean    has_password = FALSE;
  GString    *out;
  gboolean    first = TRUE;

  if (options == NULL)
    return g_strdup (conninfo);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && strcmp (o->keyword, "password") == 0)
      has_password = TRUE;
  if (!has_password)
    {
      PQconninfoFree (options);
      return g_strdup (conninfo);
    }

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL)
        continue;
      if (strcmp (o->keyword, "host") == 0)
        host = o->val;
      else if (strcmp (o->keyword, "port") == 0)
        port = o->val;
      else if (strcmp (o->keyword, "dbname") == 0)
        dbname = o->val;
      else if (strcmp (o->keyword, "user") == 0)
        user = o->val;
      else if (strcmp (o->keyword, "service") == 0)
        service = o->val;
    }

  out = g_string_new (NULL);
  if (uri)
    {
      g_string_append (out, "postgresql://");
      if (user != NULL)
        {
          g_string_append_uri_escaped (out, user, NULL, TRUE);
          g_string_append_c (out, '@');
        }
      if (host != NULL)
        g_string_append_uri_escaped (out, host, "[]:,", TRUE);
      if (port != NULL)
        g_string_append_printf (out, ":%s", port);
      g_string_append_c (out, '/');
      if (dbname != NULL)
        g_string_append_uri_escaped (out, dbname, NULL, TRUE);
    }
  else if (service != NULL)
    {
      g_string_append (out, "service=");
      g_string_append (out, service);
    }

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || strcmp (o->keyword, "password") == 0
          || (uri && (strcmp (o->keyword, "host") == 0 || strcmp (o->keyword, "port") == 0 || strcmp (o->keyword, "dbname") == 0 || strcmp (o->keyword, "user") == 0))
          || (!uri && strcmp (o->keyword, "service") == 0))
        continue;
      if (uri)
        {
          g_string_append_c (out, first ? '?' : '&');
          g_string_append (out, o->keyword);
          g_string_append_c (out, '=');
          g_string_append_uri_escaped (out, o->val, NULL, TRUE);
        }
      else
        {
          g_string_append_printf (out, " %s='", o->keyword);
          for (const char *c = o->val; *c != '\0'; c++)
            {
              if (*c == '\'' || *c == '\\')
                g_string_append_c (out, '\\');
              g_string_append_c (out, *c);
            }
          g_string_append_c (out, '\'');
        }
      first = FALSE;
    }
  PQconninfoFree (options);
  return g_string_free (out, FALSE);
}

/* Sends @payload on @channel at once, on a short connection of its own
 * made as the store's was: a notification sent on the store's own
 * connection inside a transaction would wait for its COMMIT, and the
 * others must hear of a long import while it runs */
void
se_db_pg_notify_aside (SeDb       *db,
                       const char *channel,
                       const char *payload)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) values = NULL;
  PGconn *aside;

  settings_of (PG (db)->conn, "application_name", "staff-exchange notice", &keys, &values);
  aside = PQconnectdbParams ((const char *const *) keys->pdata,
                             (const char *const *) values->pdata, FALSE);

  if (PQstatus (aside) == CONNECTION_OK)
    {
      const char *params[] = { channel, payload };
      PGresult   *res = PQexecParams (aside, "SELECT pg_notify ($1, $2)", 2, NULL, params, NULL,
                                      NULL, 0);
      if (PQresultStatus (res) != PGRES_TUPLES_OK)
        g_debug ("notify aside: %s", PQresultErrorMessage (res));
      PQclear (res);
    }
  else
    g_debug ("notify aside: %s", PQerrorMessage (aside));
  PQfinish (aside);
}
