/* se-store-server.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "se-error.h"
#include "se-store-private.h"

/* A store on a PostgreSQL server: the connection, what is on the server,
 * and its schema.
 *
 * The table staff_exchange_schema holds one row: the schema version and
 * the oldest version of the schema whose app may still write to it. A
 * database without the table is new when it holds no tables at all, and
 * another application's otherwise; the latter is left as it is. An app
 * whose schema is older than the server's opens it for reading only, or
 * for writing as well where the server says it may. An app whose schema
 * is newer does not change the server's on opening: an empty database
 * gets the schema at once, any other waits for `--upgrade-schema`
 * (se_store_upgrade_schema ()), which takes a lock so that two clients
 * never migrate at once. Each version runs in one transaction. */

#define SCHEMA_LOCK "hashtext ('staff-exchange schema')"

static void
set_open_error (SeDb       *db,
                SeDbResult  rc,
                const char *where,
                GError    **error)
{
  switch (rc)
    {
    case SE_DB_UNREACHABLE:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("No database server answers at “%s”. Check the server’s name and the "
                     "network connection, or ask your IT department whether the server is "
                     "running."),
                      where);
      break;
    case SE_DB_ACCESS_DENIED:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("The database server “%s” refused the user name or the password. Check "
                     "them, or ask your IT department for access."),
                      where);
      break;
    case SE_DB_NO_SUCH_DATABASE:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist on its server. Check its name, or ask "
                     "your IT department to create it."),
                      where);
      break;
    case SE_DB_SERVER_TOO_OLD:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("The database server of “%s” runs a PostgreSQL older than version 13, "
                     "which Staff Exchange cannot use. Ask your IT department to upgrade it."),
                      where);
      break;
    case SE_DB_TLS_NONE:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("The database server “%s” answers, but offers no encrypted connection, "
                     "which this computer’s settings require (sslmode). Ask your IT "
                     "department to turn on TLS on the server."),
                      where);
      break;
    case SE_DB_TLS_UNTRUSTED:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("The database server “%s” answers, but the connection to it could not be "
                     "secured: its certificate is not signed by a certificate authority this "
                     "computer trusts for it (sslrootcert). Nothing was sent to it. Ask your "
                     "IT department."),
                      where);
      break;
    case SE_DB_TLS_WRONG_NAME:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("The database server “%s” answers, but the connection to it could not be "
                     "secured: its certificate is made out for another name than the one "
                     "given here. Use the server’s name as in its certificate, or ask your IT "
                     "department."),
                      where);
      break;
    case SE_DB_CANNOT_OPEN:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” is not a database address Staff Exchange can use. Give a file, a "
                     "postgresql:// address or service=NAME from pg_service.conf."),
                      where);
      break;
    case SE_DB_BUSY:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_BUSY,
                   _("The database server of “%s” is starting or shutting down. Try again in "
                     "a moment."),
                      where);
      break;
    default:
      _se_store_set_db_error (error, db, rc);
      g_prefix_error (error, "%s: ", where);
      break;
    }
}

/* What is on the server: *@version 0 for an empty database */
static gboolean
probe (SeStore *self,
       gint64  *version,
       gint64  *oldest_writer,
       GError **error)
{
  gint64 ours = 0, n_tables = 0;

  *version = *oldest_writer = 0;
  if (!_se_store_query_int (self->db,
                            "SELECT count (*) FROM pg_class c"
                            " JOIN pg_namespace n ON n.oid = c.relnamespace"
                            " WHERE n.nspname = current_schema () AND c.relname = 'staff_exchange_schema'",
                            &ours, error))
    return FALSE;
  if (ours == 0)
    {
      if (!_se_store_query_int (self->db,
                                "SELECT count (*) FROM pg_class c"
                                " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                " WHERE n.nspname = current_schema ()"
                                " AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                                &n_tables, error))
        return FALSE;
      if (n_tables > 0)
        {
          g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_FOREIGN_FILE,
                       _("This database belongs to another application, not to Staff Exchange. "
                         "It was left as it is. Choose a database of its own for Staff "
                         "Exchange."));
          return FALSE;
        }
      return TRUE;
    }

  return _se_store_query_int (self->db, "SELECT version FROM staff_exchange_schema", version,
                              error)
         && _se_store_query_int (self->db, "SELECT oldest_writer FROM staff_exchange_schema",
                                 oldest_writer, error);
}

/* Brings the server's schema to this app's, a version a transaction, with
 * the lock that keeps other clients from doing the same meanwhile */
static gboolean
migrate (SeStore *self,
         GError **error)
{
  guint              n;
  const SeMigration *migrations = _se_store_get_pg_migrations (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *record = NULL;
      gint64           version = 0, oldest_writer = 0;

      if (!_se_store_check (self, se_db_begin (self->db, TRUE), error))
        return FALSE;
      if (!_se_store_exec (self, "SELECT pg_advisory_xact_lock (" SCHEMA_LOCK ")", error)
          || !_se_store_take_maintenance (self, error)
          || !probe (self, &version, &oldest_writer, error))
        goto fail;
      if (migrations[i].version <= version)
        {
          se_db_rollback (self->db);
          _se_store_end_maintenance (self);
          continue;
        }

      if (version == 0
          && !_se_store_exec (self,
                              "CREATE TABLE staff_exchange_schema ("
                              "  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),"
                              "  version integer NOT NULL,"
                              "  oldest_writer integer NOT NULL CHECK (oldest_writer <= version));"
                              "INSERT INTO staff_exchange_schema (version, oldest_writer) VALUES (0, 0)",
                              error))
        goto fail;

      /* A new version may change what older apps would write wrongly:
       * until one says otherwise, only this version's app writes */
      record = g_strdup_printf ("UPDATE staff_exchange_schema SET version = %d, oldest_writer = %d",
                                migrations[i].version, migrations[i].version);
      if (!_se_store_exec (self, migrations[i].sql, error)
          || !_se_store_exec (self, record, error)
          || !_se_store_check (self, se_db_commit (self->db), error))
        goto fail;
      _se_store_end_maintenance (self);
      continue;

    fail:
      g_prefix_error (error, _("The database could not be brought up to date: "));
      se_db_rollback (self->db);
      _se_store_end_maintenance (self);
      return FALSE;
    }
  return TRUE;
}

SeStore *
_se_store_open_server (const char      *conninfo,
                       SeStoreOpenFlags flags,
                       GError         **error)
{
  g_autoptr(SeStore) self = g_object_new (SE_TYPE_STORE, NULL);
  g_autofree char *where = se_db_pg_describe (conninfo);
  gint64           version = 0, oldest_writer = 0;
  int              ours = se_store_get_schema_version ();
  SeDbResult       rc;

  self->path = g_strdup (conninfo);
  self->server = TRUE;
  self->dialect = _se_store_dialect (TRUE);

  rc = se_db_pg_open (conninfo, &self->db);
  if (rc != SE_DB_OK)
    {
      set_open_error (self->db, rc, where, error);
      return NULL;
    }

  /* the user's role first: one without any may not read the schema */
  if (!_se_store_read_role (self, where, error))
    return NULL;
  if (!probe (self, &version, &oldest_writer, error))
    {
      g_prefix_error (error, "%s: ", where);
      return NULL;
    }

  if (self->read_only_reason != NULL)
    ; /* a reader's */
  else if (flags & SE_STORE_OPEN_FLAGS_READ_ONLY)
    self->read_only_reason = g_strdup (_("The database was opened for reading only."));
  else if (version > ours && oldest_writer > ours)
    self->read_only_reason = g_strdup (_("The database on the server was brought up to date by "
                                         "a newer version of Staff Exchange. Update Staff "
                                         "Exchange to make changes."));
  else if (version > 0 && version < ours)
    self->read_only_reason = g_strdup (_("The database on the server must be brought up to date "
                                         "before changes can be made. Ask whoever looks after "
                                         "it to run staff-exchange --upgrade-schema."));
  self->read_only = self->read_only_reason != NULL;

  if (version == 0)
    {
      if (flags & (SE_STORE_OPEN_FLAGS_READ_ONLY | SE_STORE_OPEN_FLAGS_NO_CREATE))
        {
          g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                       _("The database “%s” holds no Staff Exchange data yet."), where);
          return NULL;
        }
      if (!migrate (self, error))
        return NULL;
    }

  /* The server refuses what a read-only store would: nothing written by
   * mistake on a schema this app does not know */
  if (self->read_only
      && !_se_store_exec (self, "SET default_transaction_read_only = on", error))
    return NULL;

  se_db_set_change_func (self->db, _se_store_update_hook, self);
  return g_steal_pointer (&self);
}

/* A copy onto the server (the dialect's copy_begin and copy_end): the
 * row triggers leave the copied rows' search rows to the end, where they
 * are written all at once, and their audit rows and change log to the
 * copy, which brings the original's audit trail (se.bulk '*') */
gboolean
_se_store_copy_begin_server (SeStore *self,
                             GError **error)
{
  return _se_store_exec (self, "SELECT set_config ('se.bulk', '*', true)", error);
}

gboolean
_se_store_copy_end_server (SeStore *self,
                           GError **error)
{
  return _se_store_exec (self, _se_store_get_pg_fill_search_sql (), error)
         && _se_store_exec (self, "SELECT set_config ('se.bulk', '', true)", error);
}

/* The identity of @table's ids continues after the highest there is (the
 * dialect's after_ids): rows inserted with their ids do not move it on */
gboolean
_se_store_after_ids_server (SeStore    *self,
                            const char *table,
                            GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'),"
                                          " coalesce (max (id), 1), max (id) IS NOT NULL) FROM %s",
                                          table, table);

  return _se_store_exec (self, sql, error);
}

/**
 * se_store_upgrade_schema:
 * @self: a store on a server
 *
 * Brings the server's schema up to this version's, which opening a
 * server never does by itself. Other clients may stay connected; the
 * store is writable afterwards, unless the server's schema is newer than
 * this version's, which is left as it is.
 *
 * Returns: whether the schema is this version's now
 */
gboolean
se_store_upgrade_schema (SeStore *self,
                         GError **error)
{
  gint64 version = 0, oldest_writer = 0;
  int    ours = se_store_get_schema_version ();

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  if (!self->server)
    return TRUE;
  if (!probe (self, &version, &oldest_writer, error))
    return FALSE;
  if (version > ours)
    {
      /* Newer than this app: nothing to bring up to date, and no more
       * writable than it was */
      return TRUE;
    }
  if (self->role == SE_STORE_ROLE_READER || self->role == SE_STORE_ROLE_CLERK)
    {
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a role, e.g. "Clerk" */
                   _("Your role in this database is %s: only an administrator brings its "
                     "schema up to date."),
                      se_store_role_get_label (self->role));
      return FALSE;
    }
  if (self->read_only && !_se_store_exec (self, "SET default_transaction_read_only = off", error))
    return FALSE;
  if (!migrate (self, error) || !_se_store_refresh_roles (self, error))
    return FALSE;
  g_clear_pointer (&self->read_only_reason, g_free);
  self->read_only = FALSE;
  return TRUE;
}

/**
 * se_store_is_server:
 *
 * Returns: whether the database is on a server rather than in a file
 */
gboolean
se_store_is_server (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return self->server;
}

/* Live updates */

/* Tables whose rows changed this much are read again whole, in one pass,
 * rather than one query a row */
#define REREAD_WHOLE_AT 200

static gboolean
on_notified (gpointer      user_data,
             const char   *table,
             const gint64 *ids,
             guint         n_ids)
{
  SeStore *self = user_data;
  gpointer type;

  /* Not in the middle of a transaction of the store's own */
  if (self->in_transaction)
    return FALSE;

  if (table != NULL && _se_store_presence_notified (self, table, ids, n_ids))
    return TRUE;
  if (table == NULL)
    {
      gint64 one;

      /* Listening (again): the store's own connection may have been lost
       * with the listener's. Outside a transaction nothing is pending on
       * it, so it is made again now, not by the next read, which would
       * fail once (a window's checks, or its counts). */
      if (!_se_store_query_int (self->db, "SELECT 1", &one, NULL))
        (void) _se_store_query_int (self->db, "SELECT 1", &one, NULL);
      _se_store_reread_all (self);
      /* an import that began before the listener heard */
      _se_store_emit_maintenance_changed (self);
    }
  else if (!g_hash_table_lookup_extended (self->table_types, table, NULL, &type))
    return TRUE;
  else if (n_ids == 0 || n_ids >= REREAD_WHOLE_AT)
    se_store_notify_changed_elsewhere (self, GPOINTER_TO_SIZE (type));
  else
    se_store_notify_rows_changed_elsewhere (self, GPOINTER_TO_SIZE (type), ids, n_ids);
  return TRUE;
}

static void
on_listening (gpointer user_data,
              gboolean listening)
{
  _se_store_set_live (user_data, listening);
}

/**
 * se_store_listen:
 * @self: an open store
 *
 * On a server: from now on, what other connections commit reaches the
 * store from the thread's default main context, a moment after COMMIT, as
 * with se_store_notify_rows_changed_elsewhere (): the records handed out
 * take the stored values, the lists gain and lose rows, and
 * #SeStore::record-changed and #SeStore::changed are emitted. It listens
 * on a connection of its own; when that is lost it connects again, and
 * reads again everything it holds, for what was committed meanwhile
 * never reached it. #SeStore:live says whether it listens. On a file,
 * which no other process writes while it is open, it does nothing.
 */
void
se_store_listen (SeStore *self)
{
  g_return_if_fail (SE_IS_STORE (self));

  if (!self->server || self->db == NULL || self->listener != NULL)
    return;
  self->listener = se_db_pg_listen (self->db, on_notified, on_listening, self);
}
