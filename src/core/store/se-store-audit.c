/* se-store-audit.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "se-audit-entry.h"
#include "se-error.h"
#include "se-store-private.h"

/* Reading the audit trail that the triggers of schema version 3 write
 * (se-store-schema.c). Part of the store: the only other file that speaks
 * SQL. */

static GType
type_for_table (const char *table)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (se_record_class_get_table (SE_RECORD_CLASS (klass)), table) == 0)
        return types[i];
    }
  return G_TYPE_INVALID;
}

static gboolean
parse_action (const char    *text,
              SeAuditAction *action)
{
  if (g_strcmp0 (text, "insert") == 0)
    *action = SE_AUDIT_ACTION_INSERT;
  else if (g_strcmp0 (text, "update") == 0)
    *action = SE_AUDIT_ACTION_UPDATE;
  else if (g_strcmp0 (text, "delete") == 0)
    *action = SE_AUDIT_ACTION_DELETE;
  else
    return FALSE;
  return TRUE;
}

/**
 * se_store_get_audit_log:
 * @self: a store
 * @offset: how many of the newest entries to leave out
 * @limit: the most entries to return
 * @error: a #SE_STORE_ERROR
 *
 * The audit trail, newest first, a page at a time for the History page.
 * It says when which record was created, changed or deleted, by kind and
 * id only: it holds no names or other content of the records; on a
 * server, who did it (the server's user).
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SeAuditEntry
 */
GListModel *
se_store_get_audit_log (SeStore  *self,
                        guint     offset,
                        guint     limit,
                        GError  **error)
{
  g_autoptr(GListStore) entries = NULL;
  SeDbStmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  stmt = _se_store_query_begin (self, "SELECT id, at, record_table, record_id, action, actor"
                                      " FROM audit_log ORDER BY id DESC LIMIT ?1 OFFSET ?2",
                                error);
  if (stmt == NULL)
    return NULL;

  se_db_bind_int64 (stmt, 1, limit);
  se_db_bind_int64 (stmt, 2, offset);

  entries = g_list_store_new (SE_TYPE_AUDIT_ENTRY);
  while (_se_store_query_next (self, stmt, &ok, error))
    {
      g_autoptr(GDateTime) at = NULL;
      g_autoptr(SeAuditEntry) entry = NULL;
      const char *text = se_db_column_text (stmt, 1);
      GType type = type_for_table (se_db_column_text (stmt, 2));
      SeAuditAction action;

      at = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
      /* A table this version does not know (a newer schema was never
       * opened, so this is only a safeguard) is left out. */
      if (at == NULL || type == G_TYPE_INVALID
          || !parse_action (se_db_column_text (stmt, 4), &action))
        continue;

      entry = se_audit_entry_new (se_db_column_int64 (stmt, 0), at, type,
                                  se_db_column_int64 (stmt, 3), action);
      se_audit_entry_set_actor (entry, se_db_column_text (stmt, 5));
      g_list_store_append (entries, entry);
    }
  if (!ok)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&entries));
}

/**
 * se_store_count_audit_log:
 *
 * Returns: how many entries the audit trail holds, for paging
 */
guint
se_store_count_audit_log (SeStore *self)
{
  SeDb *db;
  SeDbStmt *stmt = NULL;
  guint n = 0;

  g_return_val_if_fail (SE_IS_STORE (self), 0);

  db = _se_store_get_db (self);
  if (db == NULL)
    return 0;

  if (se_db_prepare (db, "SELECT count(*) FROM audit_log", FALSE, &stmt) == SE_DB_OK
      && se_db_step (stmt) == SE_DB_ROW)
    n = (guint) se_db_column_int64 (stmt, 0);
  se_db_stmt_free (stmt);
  return n;
}
