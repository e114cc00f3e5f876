/* se-store-write.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "se-date.h"
#include "se-error.h"
#include "se-store-private.h"

/* Writing: save, delete, restore what a deletion took, bulk inserts for
 * imports, and the signed documents of agreements. Every write runs in
 * _se_store_run_write () (se-store-changes.c). */

/* A bulk insert keeps the indexes of its table up to date for at least
 * this many rows (see _se_store_bulk_begin ()). */
#define BULK_DROP_INDEXES_MIN 5000
/* Saving */

static void
set_constraint_error (SeStore   *self,
                      SeRecord  *record,
                      SeDbResult rc,
                      GError   **error)
{
  switch (rc)
    {
    case SE_DB_CONSTRAINT_FOREIGN_KEY:
      g_set_error_literal (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_UNKNOWN_REFERENCE,
                           _("A record this one refers to no longer exists. Pick it again."));
      break;
    case SE_DB_CONSTRAINT_UNIQUE:
    case SE_DB_CONSTRAINT_PRIMARY_KEY:
      /* Translators: %s is the kind of record, e.g. "Topic" */
      g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_DUPLICATE,
                   _("This %s exists already. Use the existing one or change the name."),
                   se_record_class_get_kind_label (SE_RECORD_GET_CLASS (record)));
      break;
    default:
      _se_store_set_db_error (error, self->db, rc);
      break;
    }
}

/* While a bulk insert of a kind is under way, its per-row triggers are
 * gone and its inserts go unreported: another insert of that kind would
 * miss its audit row, its search row and its count. */
static gboolean
refuse_during_bulk (SeStore   *self,
                    SeRecord  *record,
                    GError   **error)
{
  if (self->bulk_type == 0 || self->bulk_type != G_OBJECT_TYPE (record))
    return FALSE;
  g_critical ("A %s was inserted outside the bulk insert of its kind",
              G_OBJECT_TYPE_NAME (record));
  _se_store_set_db_error (error, NULL, SE_DB_MISUSE);
  return TRUE;
}

static char *
write_sql (SeRecordClass *klass,
           gboolean       insert)
{
  GString *sql = g_string_new (NULL);
  guint n_fields, n_cols = 0;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);
  const char *table = se_record_class_get_table (klass);

  if (insert)
    g_string_append_printf (sql, "INSERT INTO %s (", table);
  else
    g_string_append_printf (sql, "UPDATE %s SET ", table);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *col = NULL;

      if (fields[i].flags & SE_FIELD_FLAGS_STORE_OWNED)
        continue;

      col = _se_store_column_name (fields[i].name);
      n_cols++;
      if (insert)
        g_string_append_printf (sql, "%s%s", n_cols > 1 ? ", " : "", col);
      else
        g_string_append_printf (sql, "%s%s = ?%u", n_cols > 1 ? ", " : "", col, n_cols);
    }

  if (insert)
    {
      g_string_append (sql, ") VALUES (");
      for (guint i = 1; i <= n_cols; i++)
        g_string_append_printf (sql, "%s?%u", i > 1 ? ", " : "", i);
      g_string_append (sql, ")");
    }
  else
    /* Only the row as it was read: see save_step () */
    g_string_append_printf (sql, ", row_version = row_version + 1 WHERE id = ?%u AND row_version = ?%u",
                            n_cols + 1, n_cols + 2);

  return g_string_free (sql, FALSE);
}

/* The last audit entry of a row: who changed or deleted it, and when */
static void
find_last_change (SeStore       *self,
                  SeRecordClass *klass,
                  gint64         id,
                  char         **actor,
                  char         **at)
{
  SeDbStmt *stmt = _se_store_prepare_cached (self,
                                             "SELECT actor, at FROM audit_log"
                                             " WHERE record_table = ?1 AND record_id = ?2"
                                             " ORDER BY id DESC LIMIT 1",
                                             NULL);

  *actor = *at = NULL;
  if (stmt == NULL)
    return;
  se_db_bind_text (stmt, 1, se_record_class_get_table (klass));
  se_db_bind_int64 (stmt, 2, id);
  if (se_db_step (stmt) == SE_DB_ROW)
    {
      *actor = g_strdup (se_db_column_text (stmt, 0));
      *at = g_strdup (se_db_column_text (stmt, 1));
    }
  se_db_reset (stmt);
}

/**
 * se_store_get_last_change:
 * @self: a store
 * @record: a stored record
 * @actor: (out) (transfer full) (optional) (nullable): the database user
 *   who changed it last, where the database knows it (on a server)
 * @at: (out) (transfer full) (optional) (nullable): when, where known
 *
 * Who changed @record last and when, from the audit log: for the line
 * that says another has changed the record open here.
 *
 * Returns: %TRUE if the audit log has an entry for it
 */
gboolean
se_store_get_last_change (SeStore    *self,
                          SeRecord   *record,
                          char      **actor,
                          GDateTime **at)
{
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (SE_IS_RECORD (record), FALSE);

  if (self->db != NULL)
    find_last_change (self, SE_RECORD_GET_CLASS (record), se_record_get_id (record), &who, &when);
  if (actor != NULL)
    *actor = g_strdup (who);
  if (at != NULL)
    *at = when != NULL ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
  return when != NULL;
}

/* A save or delete of @record found its row changed since it was read,
 * or gone: the error says so and carries the row as stored now, and who
 * changed it when (se_store_error_get_stored ()). */
static void
set_conflict_error (SeStore  *self,
                    SeRecord *record,
                    gboolean  deleting,
                    GError  **error)
{
  SeRecordClass *klass = SE_RECORD_GET_CLASS (record);
  gint64         id = se_record_get_id (record);
  const char    *kind = se_record_class_get_kind_label (klass);
  g_autoptr(SeRecord) stored = _se_store_load_record (self, G_OBJECT_TYPE (record), id);
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  g_autofree char *when = NULL;
  GError          *conflict;

  find_last_change (self, klass, id, &actor, &at);
  if (at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
      when = utc != NULL ? se_date_time_format_change (utc) : NULL;
    }

  if (stored == NULL && deleting)
    /* Translators: %s is the kind of record, e.g. "Placement" */
    conflict = g_error_new (SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                            _("This %s has been deleted already."), kind);
  else if (stored == NULL)
    /* Translators: %s is the kind of record, e.g. "Placement" */
    conflict = g_error_new (SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                            _("This %s has been deleted in the meantime. Create it again."), kind);
  else
    {
      g_autofree char *what = NULL;

      if (actor != NULL && when != NULL)
        /* Translators: %1$s is the kind of record, e.g. "Placement", %2$s a
         * database user name, %3$s a time such as "10:42" */
        what = g_strdup_printf (_("This %1$s was changed by %2$s at %3$s after it was opened here."),
                                   kind, actor, when);
      else
        /* Translators: %s is the kind of record, e.g. "Placement" */
        what = g_strdup_printf (_("This %s was changed elsewhere after it was opened here."), kind);
      conflict = g_error_new (SE_STORE_ERROR, SE_STORE_ERROR_CONFLICT, "%s %s", what,
                              deleting ? _("Look at the changes, then delete it again if it should still go.")
                                       : _("Compare the changes, then keep theirs or save yours again."));
    }
  _se_store_error_set_changed_by (conflict, stored, actor, at);
  g_propagate_error (error, conflict);
}

/* Binds the fields a write stores, in the order of write_sql's columns,
 * to the parameters after @col; returns the last one bound */
static int
bind_fields (SeDbStmt *stmt,
             int       col,
             SeRecord *record)
{
  guint          n_fields;
  const SeField *fields = se_record_class_get_fields (SE_RECORD_GET_CLASS (record), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (!(fields[i].flags & SE_FIELD_FLAGS_STORE_OWNED))
      _se_store_bind_field (stmt, ++col, record, &fields[i]);
  return col;
}

static gboolean
save_step (SeStore  *self,
           gpointer  data,
           GError  **error)
{
  SeRecord *record = data;
  SeRecordClass *klass = SE_RECORD_GET_CLASS (record);
  gint64 id = se_record_get_id (record);
  g_autofree char *sql = NULL;
  SeDbStmt        *stmt;
  int col = 0;
  SeDbResult rc;

  if (id == 0 && refuse_during_bulk (self, record, error))
    return FALSE;

  sql = write_sql (klass, id == 0);
  stmt = _se_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  col = bind_fields (stmt, 0, record);
  if (id != 0)
    {
      se_db_bind_int64 (stmt, col + 1, id);
      se_db_bind_int64 (stmt, col + 2, se_record_get_row_version (record));
    }

  rc = se_db_step (stmt);
  if (rc != SE_DB_DONE)
    {
      set_constraint_error (self, record, se_db_get_result (self->db), error);
      se_db_reset (stmt);
      return FALSE;
    }
  se_db_reset (stmt);

  if (id == 0)
    {
      se_record_set_id (record, se_db_last_insert_id (self->db));
      se_record_set_row_version (record, 1);
      g_ptr_array_add (self->inserted, g_object_ref (record));
    }
  else if (se_db_changes (self->db) == 0)
    {
      /* Someone else has changed the row since @record was read, or
       * deleted it: nothing of this save is written. */
      set_conflict_error (self, record, FALSE, error);
      return FALSE;
    }
  else
    {
      se_record_set_row_version (record, se_record_get_row_version (record) + 1);
      g_ptr_array_add (self->updated, g_object_ref (record));
    }

  return TRUE;
}

/**
 * se_store_save:
 * @self: a store
 * @record: a new record (id 0) to insert, or a stored one to update
 * @field: (out) (optional) (transfer none): the field at fault on failure
 * @error: a validation or store error that says what to do
 *
 * Validates and stores @record. A new record gets its id. After the
 * transaction commits, the list of its kind holds @record itself (insert)
 * or the list's own object takes over its values (update).
 *
 * Edit a copy (se_record_copy()) of a listed record and save that: when a
 * save fails, the listed record keeps its stored values.
 */
gboolean
se_store_save (SeStore     *self,
               SeRecord    *record,
               const char **field,
               GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (SE_IS_RECORD (record), FALSE);

  if (!se_record_validate (record, field, error))
    return FALSE;

  ok = _se_store_run_write (self, save_step, record, error);

  /* A stored record handed out by the store, changed in place and not
   * stored, goes back to what the database holds. */
  if (!ok && se_record_get_id (record) != 0)
    {
      if (_se_store_identity_find (self, G_OBJECT_TYPE (record), se_record_get_id (record)) == record)
        {
          g_autoptr(SeRecord) stored = _se_store_load_record (self, G_OBJECT_TYPE (record),
                                                              se_record_get_id (record));
          if (stored != NULL)
            se_record_assign (record, stored);
        }
    }

  return ok;
}

/* Deleting */

typedef struct
{
  SeRecord *record;
} DeleteData;

/* Names the kinds of records that still refer to @record. */
static char *
describe_references (SeStore  *self,
                     SeRecord *record)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
      guint n_fields;
      const SeField *fields = se_record_class_get_fields (SE_RECORD_CLASS (klass), &n_fields);

      for (guint i = 0; i < n_fields; i++)
        {
          g_autofree char *col = NULL;
          g_autofree char *sql = NULL;
          gint64 count = 0;

          if (fields[i].type != SE_FIELD_REFERENCE
              || fields[i].target () != G_OBJECT_TYPE (record))
            continue;

          col = _se_store_column_name (fields[i].name);
          sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = %" G_GINT64_FORMAT,
                                 se_record_class_get_table (SE_RECORD_CLASS (klass)), col,
                                 se_record_get_id (record));
          if (_se_store_query_int (self->db, sql, &count, NULL) && count > 0)
            {
              const char *label = se_record_class_get_kind_label (SE_RECORD_CLASS (klass));
              if (!g_ptr_array_find_with_equal_func (kinds, label, g_str_equal, NULL))
                g_ptr_array_add (kinds, (gpointer) label);
            }
        }
    }

  g_ptr_array_add (kinds, NULL);
  /* Translators: separates the kinds of records in a list, e.g. "Placement, Agreement" */
  return g_strjoinv (C_("list separator", ", "), (char **) kinds->pdata);
}

static gboolean
delete_step (SeStore  *self,
             gpointer  data,
             GError  **error)
{
  DeleteData *d = data;
  SeRecordClass *klass = SE_RECORD_GET_CLASS (d->record);
  gint64           version = se_record_get_row_version (d->record);
  /* A record that was read is deleted only as it was read; one made
   * from an id alone (version 0), as it is. */
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1%s",
                                          se_record_class_get_table (klass),
                                          version != 0 ? " AND row_version = ?2" : "");
  SeDbStmt *stmt = _se_store_prepare_cached (self, sql, error);
  SeDbResult rc;

  if (stmt == NULL)
    return FALSE;

  se_db_bind_int64 (stmt, 1, se_record_get_id (d->record));
  if (version != 0)
    se_db_bind_int64 (stmt, 2, version);
  rc = se_db_step (stmt);
  if (rc != SE_DB_DONE)
    rc = se_db_get_result (self->db);
  se_db_reset (stmt);

  if (rc == SE_DB_DONE && se_db_changes (self->db) == 1)
    return TRUE;

  if (rc == SE_DB_DONE)
    set_conflict_error (self, d->record, TRUE, error);
  else if (rc == SE_DB_CONSTRAINT_FOREIGN_KEY || rc == SE_DB_CONSTRAINT_TRIGGER)
    {
      /* ON DELETE RESTRICT reports itself as a trigger constraint. */
      g_autofree char *title = se_record_dup_title (d->record);
      g_autofree char *kinds = describe_references (self, d->record);

      /* Translators: %1$s names a record, %2$s lists kinds of records,
       * e.g. "“Stadt Essen” is still used by: Placement, Agreement. …" */
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_IN_USE,
                   _("“%1$s” is still used by: %2$s. Delete or change those records first."),
                   title, kinds);
    }
  else
    _se_store_set_db_error (error, self->db, rc);

  return FALSE;
}

/**
 * se_store_delete:
 *
 * Deletes @record and the records that belong to it (the units of an
 * organisation, the participants of a placement, ...). A record others
 * still refer to is not deleted: the error says which kinds refer to it.
 */
gboolean
se_store_delete (SeStore   *self,
                 SeRecord  *record,
                 GError   **error)
{
  DeleteData d = { record };

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (SE_IS_RECORD (record), FALSE);
  g_return_val_if_fail (se_record_get_id (record) != 0, FALSE);

  return _se_store_run_write (self, delete_step, &d, error);
}

/* Restoring what a deletion took (see se-deletion.c) */

/* An INSERT that gives the id: ?1 is the id, the fields follow. */
static char *
restore_sql (SeRecordClass *klass)
{
  g_autofree char *update = write_sql (klass, TRUE);
  GString *sql = g_string_new (NULL);

  /* "INSERT INTO t (a, b) VALUES (?1, ?2)" becomes
   * "INSERT INTO t (id, a, b) VALUES (?1, ?2, ?3)" */
  {
    const char *open = strchr (update, '(');
    const char *values = strstr (update, "VALUES (");
    guint n = 0;

    g_string_append_len (sql, update, open - update + 1);
    g_string_append (sql, "id, ");
    g_string_append_len (sql, open + 1, values - open - 1);
    g_string_append (sql, "VALUES (?1");
    for (const char *p = values; *p; p++)
      n += *p == '?';
    for (guint i = 2; i <= n + 1; i++)
      g_string_append_printf (sql, ", ?%u", i);
    g_string_append (sql, ")");
  }

  return g_string_free (sql, FALSE);
}

static gboolean
restore_step (SeStore  *self,
              gpointer  data,
              GError  **error)
{
  SeRecord *record = data;
  SeRecordClass *klass = SE_RECORD_GET_CLASS (record);
  g_autofree char *sql = restore_sql (klass);
  SeDbStmt        *stmt;
  SeDbResult rc;

  if (refuse_during_bulk (self, record, error))
    return FALSE;

  stmt = _se_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  se_db_bind_int64 (stmt, 1, se_record_get_id (record));
  bind_fields (stmt, 1, record);

  rc = se_db_step (stmt);
  if (rc != SE_DB_DONE)
    {
      set_constraint_error (self, record, se_db_get_result (self->db), error);
      se_db_reset (stmt);
      return FALSE;
    }
  se_db_reset (stmt);
  se_record_set_row_version (record, 1);
  g_ptr_array_add (self->inserted, g_object_ref (record));

  return TRUE;
}

/* Inserts @record again under the id it had. */
gboolean
_se_store_restore (SeStore   *self,
                   SeRecord  *record,
                   GError   **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (se_record_get_id (record) != 0, FALSE);

  return _se_store_run_write (self, restore_step, record, error);
}

/* Bulk inserts
 *
 * An import of 200,000 placements one se_store_save () at a time spent
 * most of its time on what each row set off: the search index and audit
 * triggers (several statements per row), the update hook's bookkeeping,
 * reading every row back after COMMIT and handing it out as an object.
 * A bulk insert does the same work per transaction instead: within it the
 * per-row insert triggers that se-store-schema.c knows a bulk counterpart
 * for are dropped, and _se_store_bulk_end () does their work for all its
 * rows at once and creates them again, exactly as they were; a large
 * bulk drops the table's indexes too and builds them again at its end.
 * All of it is one transaction: a rollback restores the triggers and
 * indexes with the rest,
 * and no other connection ever sees the file without them. The rows are
 * validated by the caller and checked by the table's constraints, row by
 * row, as always. After COMMIT the rows are reported by one
 * SeStore::record-changed with id 0. */

void
_se_store_bulk_clear (SeStore *self)
{
  if (self->bulk_type == 0)
    return;
  if (self->db != NULL && self->bulk_cache_size != 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                                                 self->bulk_cache_size);
      se_db_exec (self->db, pragma);
    }
  self->bulk_type = 0;
  self->bulk_table = NULL;
  self->bulk_insert = NULL;
  self->bulk_restore = NULL;
  self->bulk_cache_size = 0;
  g_clear_pointer (&self->bulk_ids, g_array_unref);
  g_clear_pointer (&self->bulk_triggers, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_indexes, g_ptr_array_unref);
  self->bulk_drop_at = 0;
  self->bulk_dropped = FALSE;
  self->bulk_n_dropped = 0;
  self->bulk_fail = NULL;
  self->bulk_fail_data = NULL;
  g_clear_pointer (&self->bulk_copy, se_db_stmt_free);
  g_clear_pointer (&self->bulk_queue, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_tags, g_array_unref);
  g_clear_pointer (&self->bulk_sent, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_sent_tags, g_array_unref);
  g_clear_pointer (&self->bulk_pool, g_array_unref);
  self->bulk_pool_next = 0;
  self->bulk_max_kept = 0;
}

/* SQLite's way with a bulk insert (the dialect's bulk_begin): a larger
 * cache, the per-row triggers of the table dropped and their work done
 * for all rows at the end, and the indexes dropped once enough rows came. */
gboolean
_se_store_bulk_begin_file (SeStore *self,
                           GError **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (self->bulk_type);
  g_autofree char *insert = write_sql (SE_RECORD_CLASS (klass), TRUE);
  g_autofree char *restore = restore_sql (SE_RECORD_CLASS (klass));
  SeDbStmt        *stmt;
  SeDbResult       rc;

  /* The default cache (2 MB) is full after some thousand rows; SQLite then
   * writes pages to the file before COMMIT and reads them again. */
  if (!_se_store_query_int (self->db, "PRAGMA cache_size", &self->bulk_cache_size, error)
      || !_se_store_exec (self, "PRAGMA cache_size = -262144", error))
    return FALSE;

  stmt = _se_store_prepare_cached (self, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                         " AND tbl_name = ?1 ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  se_db_bind_text (stmt, 1, self->bulk_table);
  while ((rc = se_db_step (stmt)) == SE_DB_ROW)
    {
      const char *name = se_db_column_text (stmt, 0);
      char *bulk_sql = _se_store_dup_bulk_sql (self->bulk_table, name);

      if (bulk_sql == NULL)
        continue;
      g_ptr_array_add (self->bulk_triggers, g_strdup (name));
      g_ptr_array_add (self->bulk_triggers, g_strdup (se_db_column_text (stmt, 1)));
      g_ptr_array_add (self->bulk_triggers, bulk_sql);
    }
  se_db_reset (stmt);
  if (rc != SE_DB_DONE)
    {
      _se_store_set_db_error (error, self->db, rc);
      return FALSE;
    }

  for (guint i = 0; i < self->bulk_triggers->len; i += 3)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"",
                                               (char *) g_ptr_array_index (self->bulk_triggers, i));
      if (!_se_store_exec (self, drop, error))
        return FALSE;
    }

  /* Prepared again: the schema changed. */
  if ((self->bulk_insert = _se_store_prepare_cached (self, insert, error)) == NULL
      || (self->bulk_restore = _se_store_prepare_cached (self, restore, error)) == NULL)
    return FALSE;

  /* Each new row goes into every index of the table at a random place,
   * which costs several times what building the index anew from the
   * sorted rows costs per row. Once the bulk has inserted half as many
   * rows as the table had, the indexes are dropped and built again at the
   * end (unique ones stay: they reject a line while it is inserted). */
  self->bulk_indexes = g_ptr_array_new_with_free_func (g_free);
  stmt = _se_store_prepare_cached (self, "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                         " AND tbl_name = ?1 AND sql IS NOT NULL"
                                         " AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  se_db_bind_text (stmt, 1, self->bulk_table);
  while ((rc = se_db_step (stmt)) == SE_DB_ROW)
    {
      g_ptr_array_add (self->bulk_indexes, g_strdup (se_db_column_text (stmt, 0)));
      g_ptr_array_add (self->bulk_indexes, g_strdup (se_db_column_text (stmt, 1)));
    }
  se_db_reset (stmt);
  if (rc != SE_DB_DONE)
    {
      _se_store_set_db_error (error, self->db, rc);
      return FALSE;
    }
  stmt = _se_store_prepare_cached (self, "SELECT n FROM record_count WHERE record_table = ?1", error);
  if (stmt == NULL)
    return FALSE;
  se_db_bind_text (stmt, 1, self->bulk_table);
  rc = se_db_step (stmt);
  self->bulk_drop_at = MAX (BULK_DROP_INDEXES_MIN,
                            rc == SE_DB_ROW ? se_db_column_int64 (stmt, 0) / 2 : 0);
  se_db_reset (stmt);
  if (rc != SE_DB_ROW && rc != SE_DB_DONE)
    {
      _se_store_set_db_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

/* The server's way (the dialect's bulk_begin): the rows go in with ids
 * taken from the server beforehand, kept back and sent a few thousand at
 * a time (se_db_copy_flush ()), not a statement and its round trip each.
 * se.bulk names the table for the length of the transaction: its row
 * triggers leave the new rows' audit and search rows to the end, and the
 * connection's change log leaves them out, as the store takes them all at
 * once. */
gboolean
_se_store_bulk_begin_server (SeStore *self,
                             GError **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (self->bulk_type);
  g_autofree char *restore = restore_sql (SE_RECORD_CLASS (klass));
  g_autofree char *columns = NULL;
  SeDbStmt  *stmt = _se_store_prepare_cached (self, "SELECT set_config ('se.bulk', ?1, true)", error);
  SeDbResult rc;

  if (stmt == NULL)
    return FALSE;
  se_db_bind_text (stmt, 1, self->bulk_table);
  rc = se_db_step (stmt);
  se_db_reset (stmt);
  if (!_se_store_check (self, rc == SE_DB_ROW ? SE_DB_OK : se_db_get_result (self->db), error))
    return FALSE;

  /* restore_sql's "INSERT INTO t (id, a, b) VALUES ...": id, a, b */
  columns = g_strndup (strchr (restore, '(') + 1,
                       strstr (restore, ") VALUES") - strchr (restore, '(') - 1);
  if (!_se_store_check (self, se_db_prepare_copy (self->db, self->bulk_table, columns, &self->bulk_copy), error))
    return FALSE;
  self->bulk_queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->bulk_tags = g_array_new (FALSE, FALSE, sizeof (guint));
  self->bulk_pool = g_array_new (FALSE, FALSE, sizeof (gint64));
  return TRUE;
}

/**
 * _se_store_bulk_begin:
 * @record_type: the kind the bulk inserts
 *
 * Starts a bulk insert within the open transaction (se_store_begin ()).
 * Until _se_store_bulk_end () only _se_store_bulk_insert () may insert
 * records of @record_type; other writes go on as usual.
 */
gboolean
_se_store_bulk_begin (SeStore            *self,
                      GType               record_type,
                      SeStoreBulkFailFunc fail,
                      gpointer            user_data,
                      GError            **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *restore = NULL;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (self->bulk_type == 0, FALSE);

  klass = g_type_class_ref (record_type);
  self->bulk_type = record_type;
  self->bulk_fail = fail;
  self->bulk_fail_data = user_data;
  self->bulk_table = se_record_class_get_table (SE_RECORD_CLASS (klass));
  self->bulk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->bulk_triggers = g_ptr_array_new_with_free_func (g_free);

  insert = write_sql (SE_RECORD_CLASS (klass), TRUE);
  restore = restore_sql (SE_RECORD_CLASS (klass));
  if ((self->bulk_insert = _se_store_prepare_cached (self, insert, error)) == NULL
      || (self->bulk_restore = _se_store_prepare_cached (self, restore, error)) == NULL)
    goto fail;

  if (!_se_store_take_maintenance (self, error)
      || (self->dialect->bulk_begin != NULL && !self->dialect->bulk_begin (self, error)))
    goto fail;

  return TRUE;

fail:
  /* Dropped triggers come back with the rollback. */
  _se_store_bulk_clear (self);
  return FALSE;
}

/**
 * _se_store_bulk_insert:
 * @record: a record the caller has validated
 * @keep_id: insert it under its id rather than a new one
 * @tag: what the fail function of _se_store_bulk_begin () gets if the
 *   database refuses the row later, at a flush
 *
 * Inserts @record and sets its id. The store may keep the row back until
 * the next flush (_se_store_bulk_flush ()); a row it inserts at once and
 * the database refuses fails here. Either way the error of a row the
 * database refuses is a SE_VALIDATION_ERROR and ends that row only.
 */
gboolean
_se_store_bulk_insert (SeStore  *self,
                       SeRecord *record,
                       gboolean  keep_id,
                       guint     tag,
                       GError  **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk_type == G_OBJECT_TYPE (record), FALSE);
  g_return_val_if_fail (!keep_id || se_record_get_id (record) > 0, FALSE);

  return self->dialect->bulk_insert (self, record, keep_id, tag, error);
}

/**
 * _se_store_bulk_flush:
 *
 * Sends the rows the bulk insert kept back. Each the database refuses
 * goes to the fail function; the others are inserted.
 *
 * Returns: %FALSE when the transaction cannot go on (the connection was
 *   lost, the disk is full), not for rows refused
 */
gboolean
_se_store_bulk_flush (SeStore *self,
                      GError **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk_type != 0, FALSE);

  return self->dialect->bulk_flush == NULL || self->dialect->bulk_flush (self, error);
}

/* The file's (the dialect's bulk_insert): each row at once */
gboolean
_se_store_bulk_insert_file (SeStore  *self,
                            SeRecord *record,
                            gboolean  keep_id,
                            guint     tag,
                            GError  **error)
{
  SeDbStmt  *stmt = keep_id ? self->bulk_restore : self->bulk_insert;
  gint64 id;
  SeDbResult rc;

  if (self->bulk_indexes != NULL && !self->bulk_dropped
      && self->bulk_ids->len >= (guint64) self->bulk_drop_at && self->bulk_indexes->len > 0)
    {
      /* Dropping is only quicker: an index that cannot be dropped (a
       * reader of the table is under way) stays and is kept up to date. */
      self->bulk_dropped = TRUE;
      for (guint i = 0; i < self->bulk_indexes->len; i += 2)
        {
          g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"",
                                                   (char *) g_ptr_array_index (self->bulk_indexes, i));
          if (se_db_exec (self->db, drop) != SE_DB_OK)
            break;
          self->bulk_n_dropped = i + 2;
        }
    }

  se_db_reset (stmt);
  if (keep_id)
    se_db_bind_int64 (stmt, 1, se_record_get_id (record));
  bind_fields (stmt, keep_id ? 1 : 0, record);

  rc = se_db_step (stmt);
  if (rc != SE_DB_DONE)
    {
      set_constraint_error (self, record, se_db_get_result (self->db), error);
      se_db_reset (stmt);
      return FALSE;
    }
  se_db_reset (stmt);

  id = se_db_last_insert_id (self->db);
  se_record_set_id (record, id);
  se_record_set_row_version (record, 1);
  g_array_append_val (self->bulk_ids, id);
  return TRUE;
}

/* The end of SQLite's way (the dialect's bulk_end): the indexes built
 * again, the dropped triggers' work done for all the rows and the
 * triggers put back */
gboolean
_se_store_bulk_end_file (SeStore *self,
                         GError **error)
{
  SeDbStmt *stmt;

  for (guint i = 1; i < self->bulk_n_dropped; i += 2)
      if (!_se_store_exec (self, g_ptr_array_index (self->bulk_indexes, i), error))
        return FALSE;

  if (!_se_store_exec (self, "CREATE TEMP TABLE IF NOT EXISTS se_bulk_ids (n INTEGER PRIMARY KEY,"
                             " id INTEGER NOT NULL); DELETE FROM temp.se_bulk_ids;", error))
    return FALSE;
  stmt = _se_store_prepare_cached (self, "INSERT INTO temp.se_bulk_ids (id) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->bulk_ids->len; i++)
    {
      se_db_bind_int64 (stmt, 1, g_array_index (self->bulk_ids, gint64, i));
      if (se_db_step (stmt) != SE_DB_DONE)
        {
          _se_store_set_db_error (error, self->db, se_db_get_result (self->db));
          se_db_reset (stmt);
          return FALSE;
        }
      se_db_reset (stmt);
    }

  for (guint i = 0; i < self->bulk_triggers->len; i += 3)
    if (!_se_store_exec (self, g_ptr_array_index (self->bulk_triggers, i + 2), error)
        || !_se_store_exec (self, g_ptr_array_index (self->bulk_triggers, i + 1), error))
      return FALSE;

  if (!_se_store_exec (self, "DELETE FROM temp.se_bulk_ids", error))
    return FALSE;

  return TRUE;
}

/* Rows the server takes in one COPY: enough that the round trips cost
 * nothing beside the rows, few enough that a refused one is looked for
 * quickly (one by one) */
#define BULK_COPY_ROWS 4000

/* The table's ids go on after @id, as a file's next rowid would after a
 * row that kept its id, and never back */
static gboolean
ids_after (SeStore *self,
           gint64   id,
           GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT setval (s, greatest (?1, nextval (s)))"
                                          " FROM pg_get_serial_sequence ('%s', 'id') AS s",
                                          self->bulk_table);
  SeDbStmt        *stmt = _se_store_prepare_cached (self, sql, error);
  SeDbResult       rc;

  if (stmt == NULL)
    return FALSE;
  se_db_bind_int64 (stmt, 1, id);
  rc = se_db_step (stmt);
  se_db_reset (stmt);
  return _se_store_check (self, rc == SE_DB_ROW ? SE_DB_OK : se_db_get_result (self->db), error);
}

/* Ids for the next BULK_COPY_ROWS new rows, taken from the server */
static gboolean
refill_pool (SeStore *self,
             GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT nextval (s) FROM pg_get_serial_sequence"
                                          " ('%s', 'id') AS s, generate_series (1, %d)",
                                          self->bulk_table, BULK_COPY_ROWS);
  SeDbStmt        *stmt;
  SeDbResult       rc;

  if (self->bulk_max_kept > 0 && !ids_after (self, self->bulk_max_kept, error))
    return FALSE;
  self->bulk_max_kept = 0;

  stmt = _se_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  g_array_remove_range (self->bulk_pool, 0, self->bulk_pool_next);
  self->bulk_pool_next = 0;
  while ((rc = se_db_step (stmt)) == SE_DB_ROW)
    {
      gint64 taken = se_db_column_int64 (stmt, 0);
      g_array_append_val (self->bulk_pool, taken);
    }
  se_db_reset (stmt);
  if (rc != SE_DB_DONE)
    {
      _se_store_set_db_error (error, self->db, se_db_get_result (self->db));
      return FALSE;
    }
  return TRUE;
}

/* The next of the ids taken from the server for the table's new rows */
static gboolean
take_id (SeStore *self,
         gint64  *id,
         GError **error)
{
  if (self->bulk_pool_next >= self->bulk_pool->len && !refill_pool (self, error))
    return FALSE;
  *id = g_array_index (self->bulk_pool, gint64, self->bulk_pool_next++);
  return TRUE;
}

static gboolean send_kept (SeStore *self,
                           GError **error);

/* The server's (the dialect's bulk_insert): the row kept back for the
 * next COPY, under an id taken beforehand */
gboolean
_se_store_bulk_insert_server (SeStore  *self,
                              SeRecord *record,
                              gboolean  keep_id,
                              guint     tag,
                              GError  **error)
{
  gint64         id;
  SeDbResult     rc;

  if (keep_id)
    {
      id = se_record_get_id (record);
      /* New rows come after it, once the ids taken run out */
      if (self->bulk_pool_next < self->bulk_pool->len
          && id >= g_array_index (self->bulk_pool, gint64, self->bulk_pool_next))
        g_array_set_size (self->bulk_pool, self->bulk_pool_next);
      self->bulk_max_kept = MAX (self->bulk_max_kept, id);
    }
  else if (!take_id (self, &id, error))
    return FALSE;

  se_db_bind_int64 (self->bulk_copy, 1, id);
  bind_fields (self->bulk_copy, 1, record);
  rc = se_db_copy_add (self->bulk_copy);
  if (rc != SE_DB_OK)
    return _se_store_check (self, rc, error);

  se_record_set_id (record, id);
  se_record_set_row_version (record, 1);
  g_ptr_array_add (self->bulk_queue, g_object_ref (record));
  g_array_append_val (self->bulk_tags, tag);
  g_array_append_val (self->bulk_ids, id);

  if (self->bulk_queue->len >= BULK_COPY_ROWS)
    return send_kept (self, error);
  return TRUE;
}

/* Rows the server refused in one COPY, one by one, so that each refused
 * one is told with its own reason; the others are inserted. */
static gboolean
insert_one_by_one (SeStore   *self,
                   GPtrArray *records,
                   GArray    *tags,
                   GError   **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      SeRecord      *record = g_ptr_array_index (records, i);
      SeDbStmt      *stmt = self->bulk_restore;
      SeDbResult     rc;

      se_db_reset (stmt);
      se_db_bind_int64 (stmt, 1, se_record_get_id (record));
      bind_fields (stmt, 1, record);
      rc = se_db_step (stmt);
      se_db_reset (stmt);
      if (rc == SE_DB_DONE)
        continue;

      rc = se_db_get_result (self->db);
      if (!SE_DB_IS_CONSTRAINT (rc))
        return _se_store_check (self, rc, error);
      {
        g_autoptr(GError) refused = NULL;

        set_constraint_error (self, record, rc, &refused);
        if (self->bulk_fail != NULL)
          self->bulk_fail (self->bulk_fail_data, g_array_index (tags, guint, i), refused);
      }
    }
  return TRUE;
}

/* How the rows sent last went */
static gboolean
wait_sent (SeStore *self,
           GError **error)
{
  g_autoptr(GPtrArray) sent = g_steal_pointer (&self->bulk_sent);
  g_autoptr(GArray) tags = g_steal_pointer (&self->bulk_sent_tags);
  SeDbResult rc;

  if (sent == NULL)
    return TRUE;
  rc = se_db_copy_wait (self->bulk_copy);
  if (rc == SE_DB_OK)
    return TRUE;
  if (!SE_DB_IS_CONSTRAINT (rc))
    return _se_store_check (self, rc, error);
  return insert_one_by_one (self, sent, tags, error);
}

/* The rows kept back, in one COPY that the server takes while the next
 * rows are read and kept: the last one's end is waited for first. */
static gboolean
send_kept (SeStore *self,
           GError **error)
{
  SeDbResult rc;

  if (!wait_sent (self, error))
    return FALSE;
  if (self->bulk_queue->len == 0)
    return TRUE;
  /* The next rows' ids now: taking them later would wait for this COPY */
  if (self->bulk_pool->len - self->bulk_pool_next < BULK_COPY_ROWS && !refill_pool (self, error))
    return FALSE;

  rc = se_db_copy_flush (self->bulk_copy);
  self->bulk_sent = g_steal_pointer (&self->bulk_queue);
  self->bulk_sent_tags = g_steal_pointer (&self->bulk_tags);
  self->bulk_queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->bulk_tags = g_array_new (FALSE, FALSE, sizeof (guint));
  return _se_store_check (self, rc, error);
}

/* The server's bulk_flush: the rows kept back sent, and in */
gboolean
_se_store_bulk_flush_server (SeStore *self,
                             GError **error)
{
  return send_kept (self, error) && wait_sent (self, error);
}

/* The end of the server's way: the rows kept back sent, the new rows'
 * search rows and audit rows written at once, in the order inserted, and
 * the connection logs changes again */
gboolean
_se_store_bulk_end_server (SeStore *self,
                           GError **error)
{
  const char *search = _se_store_get_pg_bulk_search_sql (self->bulk_table);
  g_autoptr(GString) ids = g_string_new ("{");
  g_autofree char *audit = NULL;
  SeDbStmt        *stmt;
  SeDbResult       rc;

  if (!_se_store_bulk_flush_server (self, error))
    return FALSE;
  if (self->bulk_max_kept > 0 && !ids_after (self, self->bulk_max_kept, error))
    return FALSE;

  for (guint i = 0; i < self->bulk_ids->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (self->bulk_ids, gint64, i));
  g_string_append_c (ids, '}');

  /* One time for all (what the column's default would say at the
   * first), and no RETURNING id (se-db-pg.c adds none after WITH) */
  audit = g_strdup_printf ("WITH now (at) AS (SELECT to_char (clock_timestamp () AT TIME ZONE"
                           " 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
                           " INSERT INTO audit_log (at, record_table, record_id, action)"
                           " SELECT now.at, '%s', u.id, 'insert' FROM now, unnest (?1::bigint[])"
                           " WITH ORDINALITY AS u (id, n) ORDER BY u.n",
                           self->bulk_table);
  for (guint i = 0; i < 2; i++)
    {
      const char *sql = i == 0 ? search : audit;

      if (sql == NULL || self->bulk_ids->len == 0)
        continue;
      stmt = _se_store_prepare_cached (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      se_db_bind_text (stmt, 1, ids->str);
      rc = se_db_step (stmt);
      se_db_reset (stmt);
      if (rc != SE_DB_DONE)
        {
          _se_store_set_db_error (error, self->db, se_db_get_result (self->db));
          return FALSE;
        }
    }

  return _se_store_exec (self, "SELECT set_config ('se.bulk', '', true)", error);
}

/**
 * _se_store_bulk_end:
 *
 * Does what the dropped triggers would have done for each row, creates
 * them again and ends the bulk insert; the transaction stays open. On
 * failure, roll the transaction back.
 */
gboolean
_se_store_bulk_end (SeStore *self,
                    GError **error)
{
  Bulk *done;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk_type != 0, FALSE);

  if (self->dialect->bulk_end != NULL && !self->dialect->bulk_end (self, error))
    return FALSE;

  done = g_new0 (Bulk, 1);
  done->type = self->bulk_type;
  done->ids = g_array_ref (self->bulk_ids);
  g_ptr_array_add (self->bulk_done, done);
  _se_store_bulk_clear (self);
  return TRUE;
}

static gboolean
delete_quietly_step (SeStore  *self,
                     gpointer  data,
                     GError  **error)
{
  SeRecord *record = data;
  gint64           version = se_record_get_row_version (record);
  /* As it was read, as delete_step (): a row changed since is not
   * deleted unseen */
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1%s",
                                          se_record_class_get_table (SE_RECORD_GET_CLASS (record)),
                                          version != 0 ? " AND row_version = ?2" : "");
  SeDbStmt *stmt = _se_store_prepare_cached (self, sql, error);
  SeDbResult rc;
  g_autoptr(SeRecord) still = NULL;

  if (stmt == NULL)
    return FALSE;

  se_db_bind_int64 (stmt, 1, se_record_get_id (record));
  if (version != 0)
    se_db_bind_int64 (stmt, 2, version);
  rc = se_db_step (stmt);
  if (rc != SE_DB_DONE)
    _se_store_set_db_error (error, self->db, se_db_get_result (self->db));
  se_db_reset (stmt);
  if (rc != SE_DB_DONE)
    return FALSE;
  if (version == 0 || se_db_changes (self->db) == 1)
    return TRUE;

  /* Gone already (a cascade), which is what was wanted; or changed */
  still = _se_store_load_record (self, G_OBJECT_TYPE (record), se_record_get_id (record));
  if (still == NULL)
    return TRUE;
  set_conflict_error (self, record, TRUE, error);
  return FALSE;
}

/* Deletes @record if it is still there (a cascade may have taken it). */
gboolean
_se_store_delete_quietly (SeStore   *self,
                          SeRecord  *record,
                          GError   **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return _se_store_run_write (self, delete_quietly_step, record, error);
}

/* Signed documents: kept apart from the agreement so that lists do not
 * carry the PDFs around. */

typedef struct
{
  gint64      agreement_id;
  const char *file_name;
  GBytes     *data;
} DocumentData;

static gboolean
attach_step (SeStore  *self,
             gpointer  data,
             GError  **error)
{
  DocumentData *d = data;
  SeDbStmt *stmt;
  gsize size = 0;
  gconstpointer bytes = d->data != NULL ? g_bytes_get_data (d->data, &size) : NULL;
  SeDbResult rc;

  if (d->file_name != NULL)
    {
      stmt = _se_store_prepare_cached (self, "INSERT INTO document (agreement_id, file_name, data) "
                                             "VALUES (?1, ?2, ?3) ON CONFLICT (agreement_id) "
                                             "DO UPDATE SET file_name = excluded.file_name, "
                                             "data = excluded.data",
                                       error);
      if (stmt == NULL)
        return FALSE;
      se_db_bind_int64 (stmt, 1, d->agreement_id);
      se_db_bind_text (stmt, 2, d->file_name);
      se_db_bind_blob (stmt, 3, bytes != NULL ? bytes : "", size);
    }
  else
    {
      stmt = _se_store_prepare_cached (self, "DELETE FROM document WHERE agreement_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      se_db_bind_int64 (stmt, 1, d->agreement_id);
    }

  rc = se_db_step (stmt);
  if (rc != SE_DB_DONE)
    rc = se_db_get_result (self->db);
  se_db_reset (stmt);
  if (rc != SE_DB_DONE)
    {
      if (rc == SE_DB_CONSTRAINT_FOREIGN_KEY)
        g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                             _("The agreement has been deleted in the meantime."));
      else
        _se_store_set_db_error (error, self->db, rc);
      return FALSE;
    }

  stmt = _se_store_prepare_cached (self,
                                   "UPDATE agreement SET document_name = ?2,"
                                   " row_version = row_version + 1 WHERE id = ?1",
                                   error);
  if (stmt == NULL)
    return FALSE;
  se_db_bind_int64 (stmt, 1, d->agreement_id);
  se_db_bind_text (stmt, 2, d->file_name);
  rc = se_db_step (stmt);
  se_db_reset (stmt);
  if (rc != SE_DB_DONE)
    {
      _se_store_set_db_error (error, self->db, rc);
      return FALSE;
    }
  if (se_db_changes (self->db) != 1)
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                           _("The agreement has been deleted in the meantime."));
      return FALSE;
    }

  return TRUE;
}

/**
 * se_store_attach_document:
 * @self: a store
 * @agreement_id: a stored agreement
 * @file_name: the name the file had, shown to the user
 * @data: the file's content, usually a scanned PDF
 *
 * Stores the signed document of an agreement, replacing any earlier one.
 * The agreement's "document-name" then holds @file_name.
 */
gboolean
se_store_attach_document (SeStore     *self,
                          gint64       agreement_id,
                          const char  *file_name,
                          GBytes      *data,
                          GError     **error)
{
  DocumentData d = { agreement_id, file_name, data };

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (file_name != NULL && *file_name != '\0', FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  return _se_store_run_write (self, attach_step, &d, error);
}

gboolean
se_store_remove_document (SeStore  *self,
                          gint64    agreement_id,
                          GError  **error)
{
  DocumentData d = { agreement_id, NULL, NULL };

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return _se_store_run_write (self, attach_step, &d, error);
}

/**
 * se_store_load_document:
 *
 * Returns: (transfer full) (nullable): the signed document, or %NULL with
 *   %SE_STORE_ERROR_NOT_FOUND when the agreement has none
 */
GBytes *
se_store_load_document (SeStore  *self,
                        gint64    agreement_id,
                        GError  **error)
{
  SeDbStmt *stmt;
  GBytes *bytes = NULL;
  SeDbResult rc;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  stmt = _se_store_prepare_cached (self, "SELECT data FROM document WHERE agreement_id = ?1", error);
  if (stmt == NULL)
    return NULL;

  se_db_bind_int64 (stmt, 1, agreement_id);
  rc = se_db_step (stmt);
  if (rc == SE_DB_ROW)
    {
      gsize size = 0;
      gconstpointer data = se_db_column_blob (stmt, 0, &size);

      bytes = g_bytes_new (data, size);
    }
  else if (rc == SE_DB_DONE)
    g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                         _("No signed document is on file for this agreement."));
  else
    _se_store_set_db_error (error, self->db, rc);
  se_db_reset (stmt);

  return bytes;
}
