/* se-store-changes.c
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

/* What a transaction did: the update hook collects the rows it touched,
 * and after COMMIT the lists and live records are brought up to date and
 * the signals say what changed; changes another connection made come in
 * the same way. The transactions themselves, and the one write helper
 * every write runs in. */

/* Change tracking */

/* The connection's change function, set by the opening (se-store.c):
 * each row a statement touched, cascades included. */
void
_se_store_update_hook (gpointer    user_data,
                       SeDbChange  op,
                       const char *table,
                       gint64      rowid)
{
  SeStore *self = user_data;
  gpointer type;
  Change change;

  if (!g_hash_table_lookup_extended (self->table_types, table, NULL, &type))
    return;
  /* A bulk insert's own rows are reported once, after COMMIT. */
  if (op == SE_DB_CHANGE_INSERT && self->bulk_type != 0
      && GPOINTER_TO_SIZE (type) == self->bulk_type)
    return;

  change.type = GPOINTER_TO_SIZE (type);
  change.id = rowid;
  change.kind = op == SE_DB_CHANGE_INSERT ? CHANGE_INSERT
                : op == SE_DB_CHANGE_DELETE ? CHANGE_DELETE : CHANGE_UPDATE;
  g_array_append_val (self->pending, change);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* The caller's own object for an inserted or updated row, if it has one. */
static SeRecord *
find_mine (GHashTable   *mine_by_key,
           const Change *c)
{
  char key[64];

  if (mine_by_key == NULL || c->kind == CHANGE_DELETE)
    return NULL;
  g_snprintf (key, sizeof key, "%" G_GSIZE_FORMAT ":%" G_GINT64_FORMAT, (gsize) c->type, c->id);
  return g_hash_table_lookup (mine_by_key, key);
}

/* Whether anybody holds or lists the row of @c. */
static gboolean
needs_update (SeStore      *self,
              const Change *c,
              GHashTable   *mine_by_key)
{
  return g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (c->type)) != NULL
         || _se_store_identity_find (self, c->type, c->id) != NULL
         || find_mine (mine_by_key, c) != NULL;
}

/* After COMMIT: bring the lists up to date with what the transaction did. */
static void
flush_changes (SeStore *self)
{
  g_autoptr(GArray) pending = self->pending;
  g_autoptr(GPtrArray) inserted = self->inserted;
  g_autoptr(GPtrArray) bulks = self->bulk_done;
  g_autoptr(GHashTable) mine_by_key = NULL;
  g_autoptr(GPtrArray) bulk_records = NULL;
  g_autoptr(GPtrArray) fresh_records = NULL;
  gboolean reading;

  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
  self->inserted = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_set_size (self->updated, 0);
  self->bulk_done = g_ptr_array_new_with_free_func (_se_store_bulk_free);

  /* Keyed by type and id, so that a transaction of many inserts (a CSV
   * import) does not search the inserted records once per change. */
  if (inserted->len > 0)
    {
      mine_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint j = 0; j < inserted->len; j++)
        {
          SeRecord *r = g_ptr_array_index (inserted, j);
          g_hash_table_insert (mine_by_key,
                               g_strdup_printf ("%" G_GSIZE_FORMAT ":%" G_GINT64_FORMAT,
                                                (gsize) G_OBJECT_TYPE (r), se_record_get_id (r)),
                               r);
        }
    }

  /* First the rows are read back, in one read transaction: on its own
   * each read takes and drops SQLite's shared lock and looks for a
   * journal, seven system calls per record of a large import. Only then
   * are the lists and records changed, outside it, so that a handler of
   * their signals may write. */
  reading = (pending->len > 1 || bulks->len > 0) && _se_store_read_begin (self);

  /* A bulk insert's rows: nobody holds them yet; a loaded list gets them. */
  bulk_records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < bulks->len; i++)
    {
      Bulk *b = g_ptr_array_index (bulks, i);
      SeRecordList *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (b->type));

      for (guint j = 0; list != NULL && j < b->ids->len; j++)
        {
          gint64 id = g_array_index (b->ids, gint64, j);
          SeRecord *record;

          if (se_record_list_find (list, id, NULL) != NULL)
            continue;
          record = se_store_lookup (self, b->type, id);
          if (record != NULL)
            g_ptr_array_add (bulk_records, record);
        }
    }

  fresh_records = g_ptr_array_new_full (pending->len, unref_nullable);
  for (guint i = 0; i < pending->len; i++)
    {
      Change *c = &g_array_index (pending, Change, i);

      g_ptr_array_add (fresh_records, needs_update (self, c, mine_by_key) && c->kind != CHANGE_DELETE
                                      ? _se_store_load_record (self, c->type, c->id) : NULL);
    }

  _se_store_read_end (self, reading);

  for (guint i = 0; i < bulk_records->len; i++)
    {
      SeRecord *record = g_ptr_array_index (bulk_records, i);
      SeRecordList *list = g_hash_table_lookup (self->lists,
                                                GSIZE_TO_POINTER (G_OBJECT_TYPE (record)));

      if (list != NULL && se_record_list_find (list, se_record_get_id (record), NULL) == NULL)
        _se_record_list_insert (list, record);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      Change *c = &g_array_index (pending, Change, i);
      SeRecordList *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (c->type));
      g_autoptr(SeRecord) fresh = g_steal_pointer (&g_ptr_array_index (fresh_records, i));
      SeRecord *current = _se_store_identity_find (self, c->type, c->id);
      SeRecord *mine = find_mine (mine_by_key, c);
      gboolean listed;

      /* Nobody holds the record and no list shows it: nothing to bring up
       * to date; the next lookup reads the row. */
      if (list == NULL && current == NULL && mine == NULL)
        continue;

      listed = list != NULL && se_record_list_find (list, c->id, NULL) != NULL;
      /* A handler of an earlier change may have loaded a list meanwhile. */
      if (fresh == NULL && c->kind != CHANGE_DELETE)
        fresh = _se_store_load_record (self, c->type, c->id);

      if (fresh == NULL)
        {
          _se_store_identity_remove (self, c->type, c->id);
          if (listed)
            _se_record_list_remove (list, c->id);
        }
      else if (current == NULL)
        {
          /* Prefer the caller's object, so that what it saved is what the
           * list shows. */
          SeRecord *record = mine != NULL ? mine : fresh;

          if (mine != NULL)
            se_record_assign (mine, fresh);
          _se_store_identity_add (self, record);
          if (list != NULL && !listed)
            _se_record_list_insert (list, record);
        }
      else
        {
          se_record_assign (current, fresh);
          if (listed)
            _se_record_list_changed (list, c->id);
          else if (list != NULL)
            _se_record_list_insert (list, current);
        }
    }

  /* The details first, so that a handler of "changed" finds every
   * receiver of "record-changed" up to date. */
  for (guint i = 0; i < pending->len; i++)
    {
      Change *c = &g_array_index (pending, Change, i);

      _se_store_emit_record_changed (self, c->type, c->id, c->kind);
    }
  for (guint i = 0; i < bulks->len; i++)
    {
      Bulk *b = g_ptr_array_index (bulks, i);

      if (b->ids->len > 0)
        _se_store_emit_record_changed (self, b->type, 0, CHANGE_INSERT);
    }

  if (pending->len > 0 || bulks->len > 0)
    _se_store_emit_changed (self);
}

static void
discard_changes (SeStore *self)
{
  g_array_set_size (self->pending, 0);
  _se_store_bulk_clear (self);
  g_ptr_array_set_size (self->bulk_done, 0);

  /* Records inserted by a rolled back transaction were never stored. */
  for (guint i = 0; i < self->inserted->len; i++)
    {
      se_record_set_id (g_ptr_array_index (self->inserted, i), 0);
      se_record_set_row_version (g_ptr_array_index (self->inserted, i), 0);
    }
  g_ptr_array_set_size (self->inserted, 0);
  /* Nor did their updates move the rows' versions on. */
  for (guint i = 0; i < self->updated->len; i++)
    {
      SeRecord *record = g_ptr_array_index (self->updated, i);
      se_record_set_row_version (record, se_record_get_row_version (record) - 1);
    }
  g_ptr_array_set_size (self->updated, 0);
}

/* Changes made by another connection */

/* A live record and its row as the other connection left it (NULL when
 * the row is gone). */
typedef struct
{
  SeRecord *live;
  SeRecord *fresh;
} Refresh;

static void
refresh_clear (gpointer data)
{
  Refresh *r = data;

  g_clear_object (&r->live);
  g_clear_object (&r->fresh);
}

static void reread_kind (SeStore *self,
                         GType    record_type,
                         gboolean emit_changed);

/**
 * se_store_notify_changed_elsewhere:
 * @self: a store, not in a transaction
 * @record_type: the kind whose rows changed
 *
 * Says that another connection to the same file (a CSV import in a worker
 * thread) inserted, updated or deleted rows of @record_type and committed.
 * SQLite shows this connection the new rows, but the records it handed out
 * and its loaded list of the kind still hold what they read before. They
 * are brought up to date as after a commit of this store's own: each live
 * record whose row changed is updated in place (only the changed
 * properties notify) and reported with #SeStore::record-changed; a loaded
 * list gets the new rows and loses the deleted ones; the new rows are
 * reported together, with @id 0 and %SE_STORE_CHANGE_INSERT; then
 * #SeStore::changed.
 */
void
se_store_notify_changed_elsewhere (SeStore *self,
                                   GType    record_type)
{
  g_return_if_fail (SE_IS_STORE (self));
  g_return_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD));
  g_return_if_fail (!self->in_transaction);

  reread_kind (self, record_type, TRUE);
}

/* Every kind, as se_store_notify_changed_elsewhere () does one, with one
 * #SeStore::changed at the end: the listener was cut off from the server
 * and is back. */
void
_se_store_reread_all (SeStore *self)
{
  GHashTableIter iter;
  gpointer       type;

  g_return_if_fail (!self->in_transaction);

  if (self->db == NULL)
    return;
  g_hash_table_iter_init (&iter, self->table_types);
  while (g_hash_table_iter_next (&iter, NULL, &type))
    reread_kind (self, GPOINTER_TO_SIZE (type), FALSE);
  _se_store_emit_changed (self);
}

static void
reread_kind (SeStore *self,
             GType    record_type,
             gboolean emit_changed)
{
  SeRecordList *list;
  g_autoptr(GArray) refreshes = g_array_new (FALSE, TRUE, sizeof (Refresh));
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  gboolean reading;

  if (self->db == NULL)
    return;

  g_array_set_clear_func (refreshes, refresh_clear);
  list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (record_type));

  /* First everything is read, in one read transaction, then the records
   * and the list are changed outside it, as flush_changes () does. */
  reading = _se_store_read_begin (self);
  if (list != NULL)
    {
      /* The list holds every row: one pass over the table, merged with the
       * list by id (both are in id order), rather than a lookup per row. */
      g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);
      g_autofree char *sql = _se_store_select_sql (SE_RECORD_CLASS (klass), NULL);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint pos = 0;
      SeDbStmt *stmt = NULL;
      SeDbResult rc;

      rc = se_db_prepare (self->db, sql, FALSE, &stmt);
      while (rc == SE_DB_OK && (rc = se_db_step (stmt)) == SE_DB_ROW)
        {
          gint64 id = se_db_column_int64 (stmt, 0);
          SeRecord *row = g_object_new (record_type, NULL);

          _se_store_read_row (row, stmt);
          for (; pos < n; pos++)
            {
              Refresh r = { g_list_model_get_item (G_LIST_MODEL (list), pos), NULL };

              if (se_record_get_id (r.live) > id)
                {
                  g_object_unref (r.live);
                  break;
                }
              if (se_record_get_id (r.live) == id)
                r.fresh = g_steal_pointer (&row);
              g_array_append_val (refreshes, r);
              if (r.fresh != NULL)
                {
                  pos++;
                  break;
                }
            }
          if (row != NULL)
            g_ptr_array_add (added, row);
          rc = SE_DB_OK;
        }
      for (; pos < n; pos++)
        {
          Refresh r = { g_list_model_get_item (G_LIST_MODEL (list), pos), NULL };
          g_array_append_val (refreshes, r);
        }
      if (rc != SE_DB_DONE)
        g_warning ("Could not read %s: %s", se_record_class_get_table (SE_RECORD_CLASS (klass)),
                   se_db_get_message (self->db));
      se_db_stmt_free (stmt);
    }
  else
    {
      /* Only the records somebody holds: the others are read when asked
       * for. */
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->identities);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          Identity *e = key;
          Refresh r = { NULL, NULL };

          if (e->type != record_type || e->record == NULL)
            continue;
          r.live = g_object_ref (e->record);
          g_array_append_val (refreshes, r);
        }
      for (guint i = 0; i < refreshes->len; i++)
        {
          Refresh *r = &g_array_index (refreshes, Refresh, i);

          r->fresh = _se_store_load_record (self, record_type, se_record_get_id (r->live));
        }
    }
  _se_store_read_end (self, reading);

  for (guint i = 0; i < refreshes->len; i++)
    {
      Refresh *r = &g_array_index (refreshes, Refresh, i);
      Change c = { record_type, se_record_get_id (r->live), CHANGE_UPDATE };

      if (r->fresh == NULL)
        {
          c.kind = CHANGE_DELETE;
          if (_se_store_identity_find (self, record_type, c.id) == r->live)
            _se_store_identity_remove (self, record_type, c.id);
          if (list != NULL && se_record_list_find (list, c.id, NULL) != NULL)
            _se_record_list_remove (list, c.id);
        }
      else if (se_record_assign (r->live, r->fresh))
        {
          if (list != NULL && se_record_list_find (list, c.id, NULL) != NULL)
            _se_record_list_changed (list, c.id);
        }
      else
        continue;
      g_array_append_val (changes, c);
    }

  for (guint i = 0; i < added->len; i++)
    {
      SeRecord *row = g_ptr_array_index (added, i);
      gint64 id = se_record_get_id (row);
      SeRecord *live = _se_store_identity_find (self, record_type, id);

      /* A record looked up since the other connection committed stays
       * the record of its row. */
      if (live == NULL)
        _se_store_identity_add (self, row);
      else if (se_record_assign (live, row))
        {
          Change c = { record_type, id, CHANGE_UPDATE };
          g_array_append_val (changes, c);
        }
      if (list != NULL && se_record_list_find (list, id, NULL) == NULL)
        _se_record_list_insert (list, live != NULL ? live : row);
    }

  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);

      _se_store_emit_record_changed (self, c->type, c->id, c->kind);
    }
  _se_store_emit_record_changed (self, record_type, 0, CHANGE_INSERT);
  if (emit_changed)
    _se_store_emit_changed (self);
}

/**
 * se_store_notify_rows_changed_elsewhere:
 * @self: a store, not in a transaction
 * @record_type: the kind whose rows changed
 * @ids: (array length=n_ids): the rows another connection inserted,
 *   updated or deleted and committed
 * @n_ids: how many
 *
 * As se_store_notify_changed_elsewhere(), for those rows only (a
 * server's notification names them): each is read again; a record
 * handed out for it takes the stored values (#SeStore::record-changed
 * with %SE_STORE_CHANGE_UPDATE, only when they differ), or leaves its list
 * when the row is gone (%SE_STORE_CHANGE_DELETE); a row nobody held is
 * reported with %SE_STORE_CHANGE_INSERT and joins a loaded list. Then
 * #SeStore::changed, when anything was reported.
 */
void
se_store_notify_rows_changed_elsewhere (SeStore      *self,
                                        GType         record_type,
                                        const gint64 *ids,
                                        guint         n_ids)
{
  SeRecordList *list;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  gboolean reading;

  g_return_if_fail (SE_IS_STORE (self));
  g_return_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD));
  g_return_if_fail (!self->in_transaction);

  if (self->db == NULL || n_ids == 0)
    return;

  list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (record_type));
  fresh = g_ptr_array_new_full (n_ids, unref_nullable);
  reading = n_ids > 1 && _se_store_read_begin (self);
  for (guint i = 0; i < n_ids; i++)
    g_ptr_array_add (fresh, _se_store_load_record (self, record_type, ids[i]));
  _se_store_read_end (self, reading);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(SeRecord) row = g_steal_pointer (&g_ptr_array_index (fresh, i));
      SeRecord *live = _se_store_identity_find (self, record_type, ids[i]);
      gboolean  listed = list != NULL && se_record_list_find (list, ids[i], NULL) != NULL;
      Change    c = { record_type, ids[i], CHANGE_UPDATE };

      if (row == NULL)
        {
          if (live == NULL && !listed)
            {
              /* Perhaps shown by a query: the models ask again. */
              c.kind = CHANGE_DELETE;
              g_array_append_val (changes, c);
              continue;
            }
          c.kind = CHANGE_DELETE;
          if (live != NULL)
            _se_store_identity_remove (self, record_type, ids[i]);
          if (listed)
            _se_record_list_remove (list, ids[i]);
        }
      else if (live != NULL)
        {
          gboolean changed = se_record_assign (live, row);

          if (!changed)
            continue;
          if (listed)
            _se_record_list_changed (list, ids[i]);
          else if (list != NULL)
            _se_record_list_insert (list, live);
        }
      else
        {
          /* New to this store, or not held here: its lists and queries
           * show it from now on. */
          c.kind = CHANGE_INSERT;
          _se_store_identity_add (self, row);
          if (list != NULL && !listed)
            _se_record_list_insert (list, row);
          else if (listed)
            {
              c.kind = CHANGE_UPDATE;
              _se_record_list_changed (list, ids[i]);
            }
        }
      g_array_append_val (changes, c);
    }

  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);

      _se_store_emit_record_changed (self, c->type, c->id, c->kind);
    }
  if (changes->len > 0)
    _se_store_emit_changed (self);
}

/* Transactions */

static gboolean
check_writable (SeStore  *self,
                GError  **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                           _("The database is closed."));
      return FALSE;
    }
  if (self->read_only && self->server && self->read_only_reason != NULL)
    {
      /* Why, in the server's case: no file to ask access to */
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_READ_ONLY, self->read_only_reason);
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_READ_ONLY,
                           _("The database is open read-only, so nothing can be changed. "
                             "Ask for write access to the file and its folder."));
      return FALSE;
    }
  return TRUE;
}

/**
 * se_store_begin:
 *
 * Starts a transaction that groups several saves and deletes into one:
 * either all of them are stored by se_store_commit() or none.
 */
gboolean
se_store_begin (SeStore  *self,
                GError  **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (!_se_store_check (self, se_db_begin (self->db, TRUE), error))
    return FALSE;
  if (!_se_store_check_maintenance (self, error))
    {
      se_db_rollback (self->db);
      return FALSE;
    }

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
se_store_commit (SeStore  *self,
                 GError  **error)
{
  SeDbResult rc;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  rc = se_db_commit (self->db);
  if (rc != SE_DB_OK)
    {
      _se_store_set_db_error (error, self->db, rc);
      se_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  _se_store_end_maintenance (self);
  flush_changes (self);
  return TRUE;
}

void
se_store_rollback (SeStore *self)
{
  g_return_if_fail (SE_IS_STORE (self));

  if (!self->in_transaction)
    return;

  if (se_db_in_transaction (self->db))
    se_db_rollback (self->db);

  self->in_transaction = FALSE;
  _se_store_end_maintenance (self);
  discard_changes (self);
}

gboolean
se_store_in_transaction (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return self->in_transaction;
}

/* Runs @step inside the caller's transaction, or in one of its own. */
gboolean
_se_store_run_write (SeStore   *self,
                     gboolean (*step) (SeStore *, gpointer, GError **),
                     gpointer   data,
                     GError   **error)
{
  gboolean own = !self->in_transaction;

  if (!check_writable (self, error))
    return FALSE;
  if (own && !se_store_begin (self, error))
    return FALSE;

  if (!step (self, data, error))
    {
      if (own)
        se_store_rollback (self);
      return FALSE;
    }

  return own ? se_store_commit (self, error) : TRUE;
}

/* The file's way (the dialect's compact_search) */
gboolean
_se_store_compact_search_file (SeStore *self,
                               gpointer data,
                               GError **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  SeDbStmt *stmt;
  SeDbResult rc;

  stmt = _se_store_prepare_cached (self, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                         " AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%' ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = se_db_step (stmt)) == SE_DB_ROW)
    g_ptr_array_add (tables, g_strdup (se_db_column_text (stmt, 0)));
  se_db_reset (stmt);
  if (rc != SE_DB_DONE)
    {
      _se_store_set_db_error (error, self->db, rc);
      return FALSE;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO \"%1$s\" (\"%1$s\") VALUES ('optimize')",
                                              (char *) g_ptr_array_index (tables, i));
      if (!_se_store_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * se_store_compact_search:
 * @self: a store
 *
 * Merges each search index into one piece. FTS5 keeps the words of a
 * changed or deleted row in its older pieces until they are merged, so
 * that an anonymised person's name would stay in the file as search
 * words; merging drops them, and secure_delete overwrites the freed
 * pages. In the caller's transaction, or in one of its own. On the
 * largest databases this takes about a second.
 */
gboolean
se_store_compact_search (SeStore  *self,
                         GError  **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  if (self->dialect->compact_search == NULL)
    return TRUE;
  return _se_store_run_write (self, self->dialect->compact_search, NULL, error);
}
