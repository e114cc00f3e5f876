/* se-store-presence.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "se-error.h"
#include "se-store-private.h"

/* Who is editing what, on a server: a hint for the colleague who is about
 * to edit the same record, not a lock that stops them (the row version
 * is what keeps an edit from being lost).
 *
 * A store that edits a record holds a session-level advisory lock on it,
 * keyed by the record's table and id; another store asks the server whose
 * session holds it (pg_locks with pg_stat_activity's user name). Taking
 * and dropping it sends a notification ("presence:<table> <id>") on the
 * channel the listeners hear, so that the pages that show the record ask
 * again (SeStore::presence-changed). A lost connection drops the lock
 * with it. On a file, which one user has open, there is none of this. */

#define EDIT_KEY "hashtext ('staff-exchange edit ' || ?1)"

static gboolean
run_keyed (SeStore    *self,
           const char *sql,
           const char *table,
           gint64      id)
{
  SeDbStmt  *stmt = _se_store_prepare_cached (self, sql, NULL);
  SeDbResult rc;

  if (stmt == NULL)
    return FALSE;
  se_db_bind_text (stmt, 1, table);
  /* the lock's second key is an int4: ids past it share a key, which
   * at worst shows a colleague on a record they are not editing */
  se_db_bind_int64 (stmt, 2, id & G_MAXINT32);
  rc = se_db_step (stmt);
  se_db_reset (stmt);
  if (rc != SE_DB_ROW && rc != SE_DB_DONE)
    {
      g_debug ("presence: %s", se_db_get_message (self->db));
      return FALSE;
    }
  return TRUE;
}

static void
announce (SeStore    *self,
          const char *table,
          gint64      id)
{
  g_autofree char *payload = g_strdup_printf ("presence:%s %" G_GINT64_FORMAT, table, id);
  SeDbStmt        *stmt = _se_store_prepare_cached (self,
                                                    "SELECT pg_notify ('staff_exchange', ?1)",
                                                    NULL);

  if (stmt == NULL)
    return;
  se_db_bind_text (stmt, 1, payload);
  (void) se_db_step (stmt);
  se_db_reset (stmt);
}

/**
 * se_store_set_editing:
 * @self: a store
 * @record: (nullable): the stored record now being edited, or %NULL when
 *   the edit is over
 *
 * Tells the other clients of a server which record this store's user is
 * editing (se_store_dup_editor ()). One at a time: a new one ends the
 * last. On a file it does nothing.
 */
void
se_store_set_editing (SeStore  *self,
                      SeRecord *record)
{
  g_return_if_fail (SE_IS_STORE (self));
  g_return_if_fail (record == NULL || SE_IS_RECORD (record));

  if (!self->server || self->db == NULL || self->in_transaction)
    return;
  if (record != NULL && se_record_get_id (record) == 0)
    record = NULL;
  if (record != NULL && self->editing_table != NULL
      && G_OBJECT_TYPE (record) == self->editing_type
      && se_record_get_id (record) == self->editing_id)
    return;

  if (self->editing_table != NULL)
    {
      run_keyed (self, "SELECT pg_advisory_unlock_shared (" EDIT_KEY ", ?2::int4)",
                 self->editing_table, self->editing_id);
      announce (self, self->editing_table, self->editing_id);
      self->editing_table = NULL;
      self->editing_type = G_TYPE_INVALID;
      self->editing_id = 0;
    }

  if (record != NULL)
    {
      const char *table = se_record_class_get_table (SE_RECORD_GET_CLASS (record));

      if (run_keyed (self, "SELECT pg_advisory_lock_shared (" EDIT_KEY ", ?2::int4)", table,
                     se_record_get_id (record)))
        {
          self->editing_table = table;
          self->editing_type = G_OBJECT_TYPE (record);
          self->editing_id = se_record_get_id (record);
          announce (self, table, self->editing_id);
        }
    }
}

/**
 * se_store_dup_editor:
 * @self: a store
 * @record: a stored record
 *
 * Returns: (transfer full) (nullable): the server user of another
 *   session that is editing @record now (se_store_set_editing ()), or
 *   %NULL; always %NULL on a file
 */
char *
se_store_dup_editor (SeStore  *self,
                     SeRecord *record)
{
  SeDbStmt *stmt;
  char     *user = NULL;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);
  g_return_val_if_fail (SE_IS_RECORD (record), NULL);

  if (!self->server || self->db == NULL || se_record_get_id (record) == 0)
    return NULL;

  stmt = _se_store_prepare_cached (self,
                                   "SELECT a.usename FROM pg_locks l"
                                   " JOIN pg_stat_activity a ON a.pid = l.pid"
                                   " WHERE l.locktype = 'advisory' AND l.granted"
                                   " AND l.pid <> pg_backend_pid ()"
                                   " AND l.database = (SELECT oid FROM pg_database"
                                   "  WHERE datname = current_database ())"
                                   " AND l.classid = (" EDIT_KEY ")::oid"
                                   " AND l.objid = (?2::int4)::oid AND l.objsubid = 2"
                                   " ORDER BY a.backend_start LIMIT 1",
                                   NULL);
  if (stmt == NULL)
    return NULL;
  se_db_bind_text (stmt, 1, se_record_class_get_table (SE_RECORD_GET_CLASS (record)));
  se_db_bind_int64 (stmt, 2, se_record_get_id (record) & G_MAXINT32);
  if (se_db_step (stmt) == SE_DB_ROW)
    user = g_strdup (se_db_column_text (stmt, 0));
  se_db_reset (stmt);
  return user;
}

/* A notification of the listener's: "presence:<table>" and its ids, or
 * "maintenance:" */
gboolean
_se_store_presence_notified (SeStore      *self,
                             const char   *table,
                             const gint64 *ids,
                             guint         n_ids)
{
  gpointer type;

  if (strcmp (table, "maintenance:") == 0)
    {
      _se_store_emit_maintenance_changed (self);
      return TRUE;
    }

  if (!g_str_has_prefix (table, "presence:"))
    return FALSE;
  if (g_hash_table_lookup_extended (self->table_types, table + strlen ("presence:"), NULL,
                                    &type))
    for (guint i = 0; i < n_ids; i++)
      _se_store_emit_presence_changed (self, GPOINTER_TO_SIZE (type), ids[i]);
  return TRUE;
}

/* Maintenance: a bulk import (or a schema upgrade) holds this lock,
 * exclusively, for its transaction; every other write transaction on the
 * server takes it shared, without waiting. So a clerk's save while a
 * colleague's import runs is refused at once, saying who, instead of
 * freezing the window until the import commits, and the import waits
 * for the saves under way. */
#define MAINTENANCE_KEY "hashtext ('staff-exchange maintenance')"

/**
 * se_store_dup_maintainer:
 * @self: a store
 *
 * Returns: (transfer full) (nullable): the server user of another session
 *   that is importing into the database or upgrading its schema now, when
 *   writes wait; %NULL on a file
 */
char *
se_store_dup_maintainer (SeStore *self)
{
  SeDbStmt *stmt;
  char     *user = NULL;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  if (!self->server || self->db == NULL)
    return NULL;
  stmt = _se_store_prepare_cached (self,
                                   "SELECT a.usename FROM pg_locks l"
                                   " JOIN pg_stat_activity a ON a.pid = l.pid"
                                   " WHERE l.locktype = 'advisory' AND l.granted"
                                   " AND l.mode = 'ExclusiveLock' AND l.pid <> pg_backend_pid ()"
                                   " AND l.database = (SELECT oid FROM pg_database"
                                   "  WHERE datname = current_database ())"
                                   " AND l.objsubid = 1"
                                   " AND l.objid = (" MAINTENANCE_KEY ")::oid LIMIT 1",
                                   NULL);
  if (stmt == NULL)
    return NULL;
  if (se_db_step (stmt) == SE_DB_ROW)
    user = g_strdup (se_db_column_text (stmt, 0));
  se_db_reset (stmt);
  return user;
}

/* In a write transaction just begun on a server: refused, with who, while
 * another holds the maintenance lock */
gboolean
_se_store_check_maintenance (SeStore *self,
                             GError **error)
{
  gint64 free_ = 0;

  if (!self->server)
    return TRUE;
  if (!_se_store_query_int (self->db, "SELECT pg_try_advisory_xact_lock_shared (" MAINTENANCE_KEY ")::int", &free_, error))
    return FALSE;
  if (free_ == 0)
    {
      g_autofree char *who = se_store_dup_maintainer (self);

      if (who != NULL)
        g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_BUSY,
                     /* Translators: %s is a user name on the database server */
                     _("%s is importing data into the database or bringing it up to date. "
                       "Nothing was saved: save again in a moment, when that is done."),
                        who);
      else
        g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_BUSY,
                             _("Someone is importing data into the database or bringing it up "
                               "to date. Nothing was saved: save again in a moment, when that "
                               "is done."));
      return FALSE;
    }
  return TRUE;
}

/* For a bulk import or a schema upgrade, in its transaction: waits for
 * the saves under way, and holds off new ones until COMMIT */
gboolean
_se_store_take_maintenance (SeStore *self,
                            GError **error)
{
  if (!self->server)
    return TRUE;
  if (!_se_store_exec (self, "SELECT pg_advisory_xact_lock (" MAINTENANCE_KEY ")", error))
    return FALSE;
  /* The others hear of it now, not at COMMIT (SeStore:maintainer);
   * _se_store_end_maintenance () tells them it is over */
  se_db_pg_notify_aside (self->db, "staff_exchange", "maintenance: 1");
  self->maintaining = TRUE;
  return TRUE;
}

/* After the COMMIT or ROLLBACK of a transaction that held the lock */
void
_se_store_end_maintenance (SeStore *self)
{
  if (!self->maintaining)
    return;
  self->maintaining = FALSE;
  se_db_pg_notify_aside (self->db, "staff_exchange", "maintenance: 0");
}
