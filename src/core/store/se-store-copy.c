/* se-store-copy.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "se-error.h"
#include "se-field-type.h"
#include "se-record-private.h"
#include "se-store-private.h"

/* A whole database copied into an empty one, from a file to a server or
 * back (--copy-to): every record under its own id, the signed documents,
 * the dismissed findings and the audit trail as they were, in one
 * transaction of the target's, with the counts compared at the end. The
 * rows go over as the columns hold them; a record that refers to one of
 * its own kind (an organisation's parent) gets that reference once all
 * of its kind are there. */

typedef struct
{
  const char *table;
  const char *columns;
  const char *ints[3]; /* the integer columns */
} Extra;

/* The tables besides the records', after them */
static const Extra extras[] = {
  { "document", "agreement_id, file_name, data", { "agreement_id", NULL } },
  { "dismissal", "id, rule, record_table, record_id, dismissed_on", { "id", "record_id", NULL } },
  { "audit_log", "id, at, record_table, record_id, action", { "id", "record_id", NULL } },
};

static gboolean
count_rows (SeStore    *store,
            const char *table,
            gint64     *n,
            GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return _se_store_query_int (store->db, sql, n, error);
}

/* Copies the rows of @columns of @table; the columns named in @ints hold
 * integers, those in @blobs bytes, the others text */
/* Rows the target takes at a time (se_db_copy_flush ()) */
#define COPY_ROWS 4000

static gboolean
copy_rows (SeStore           *from,
           SeStore           *to,
           const char        *table,
           const char        *columns,
           const char *const *ints,
           const char *const *blobs,
           GError           **error)
{
  g_auto (GStrv) names = g_strsplit (columns, ", ", -1);
  guint            n = g_strv_length (names);
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM %s ORDER BY 1", columns, table);
  g_autoptr (SeDbStmt) put = NULL;
  SeDbStmt  *get;
  gboolean   ok = FALSE;
  guint      n_kept = 0;
  SeDbResult rc;

  /* The rows go over in bulk: on a server, a COPY each few thousand
   * rather than a round trip each */
  if (se_db_prepare_copy (to->db, table, columns, &put) != SE_DB_OK)
    return _se_store_check (to, se_db_get_result (to->db), error);
  get = _se_store_query_begin (from, select, error);
  if (get == NULL)
    return FALSE;

  while (_se_store_query_next (from, get, &ok, error))
    {
      for (guint i = 0; i < n; i++)
        {
          if (se_db_column_is_null (get, i))
            se_db_bind_null (put, i + 1);
          else if (g_strv_contains (ints, names[i]))
            se_db_bind_int64 (put, i + 1, se_db_column_int64 (get, i));
          else if (g_strv_contains (blobs, names[i]))
            {
              gsize         size = 0;
              gconstpointer data = se_db_column_blob (get, i, &size);
              se_db_bind_blob (put, i + 1, data, size);
            }
          else
            se_db_bind_text_copy (put, i + 1, se_db_column_text (get, i));
        }
      /* The server takes a few thousand rows while the next are read */
      rc = se_db_copy_add (put);
      if (rc == SE_DB_OK && ++n_kept >= COPY_ROWS)
        {
          rc = se_db_copy_wait (put);
          if (rc == SE_DB_OK)
            rc = se_db_copy_flush (put);
          n_kept = 0;
        }
      if (rc != SE_DB_OK)
        {
          _se_store_set_db_error (error, to->db, se_db_get_result (to->db));
          se_db_stmt_free (get);
          return FALSE;
        }
    }
  if (!ok)
    return FALSE;
  rc = se_db_copy_wait (put);
  if (rc == SE_DB_OK)
    rc = se_db_copy_flush (put);
  if (rc == SE_DB_OK)
    rc = se_db_copy_wait (put);
  if (rc != SE_DB_OK)
    {
      _se_store_set_db_error (error, to->db, se_db_get_result (to->db));
      return FALSE;
    }
  return TRUE;
}

/* The references of @table's records to others of their kind */
static gboolean
set_self_refs (SeStore    *from,
               SeStore    *to,
               const char *table,
               const char *column,
               GError    **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT id, %s FROM %s WHERE %s IS NOT NULL",
                                             column, table, column);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1", table, column);
  g_autoptr (SeDbStmt) put = NULL;
  SeDbStmt *get;
  gboolean  ok = FALSE;

  if (se_db_prepare (to->db, update, FALSE, &put) != SE_DB_OK)
    return _se_store_check (to, se_db_get_result (to->db), error);
  get = _se_store_query_begin (from, select, error);
  if (get == NULL)
    return FALSE;
  while (_se_store_query_next (from, get, &ok, error))
    {
      se_db_reset (put);
      se_db_bind_int64 (put, 1, se_db_column_int64 (get, 0));
      se_db_bind_int64 (put, 2, se_db_column_int64 (get, 1));
      if (se_db_step (put) != SE_DB_DONE)
        {
          _se_store_set_db_error (error, to->db, se_db_get_result (to->db));
          se_db_stmt_free (get);
          return FALSE;
        }
    }
  return ok;
}

static gboolean
copy_record_table (SeStore *from,
                   SeStore *to,
                   GType    type,
                   GError **error)
{
  g_autoptr (GTypeClass) klass = g_type_class_ref (type);
  const char    *table = se_record_class_get_table (SE_RECORD_CLASS (klass));
  guint          n_fields;
  const SeField *fields = se_record_class_get_fields (SE_RECORD_CLASS (klass), &n_fields);
  g_autoptr (GString) columns = g_string_new ("id");
  g_autoptr (GPtrArray) self_refs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) ints = g_ptr_array_new_with_free_func (g_free);
  const char *no_blobs[] = { NULL };

  g_ptr_array_add (ints, g_strdup ("id"));
  for (guint i = 0; i < n_fields; i++)
    {
      char *column = _se_store_column_name (fields[i].name);

      if (fields[i].type == SE_FIELD_REFERENCE && fields[i].target () == type)
        g_ptr_array_add (self_refs, column);
      else
        {
          g_string_append_printf (columns, ", %s", column);
          if (se_field_get_column (&fields[i]) != SE_FIELD_COLUMN_TEXT)
            g_ptr_array_add (ints, g_strdup (column));
          g_free (column);
        }
    }
  g_ptr_array_add (ints, NULL);

  if (!copy_rows (from, to, table, columns->str, (const char *const *) ints->pdata, no_blobs,
                  error))
    return FALSE;
  for (guint i = 0; i < self_refs->len; i++)
    if (!set_self_refs (from, to, table, g_ptr_array_index (self_refs, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
copy_all (SeStore *from,
          SeStore *to,
          GError **error)
{
  guint        n_types;
  const GType *types = se_store_get_record_types (&n_types);
  const char  *blobs[] = { "data", NULL };
  g_autoptr (GPtrArray) tables = g_ptr_array_new ();

  if (to->dialect->copy_begin != NULL && !to->dialect->copy_begin (to, error))
    return FALSE;
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr (GTypeClass) klass = g_type_class_ref (types[i]);

      if (!copy_record_table (from, to, types[i], error))
        return FALSE;
      g_ptr_array_add (tables, (gpointer) se_record_class_get_table (SE_RECORD_CLASS (klass)));
    }
  if (to->dialect->copy_end != NULL && !to->dialect->copy_end (to, error))
    return FALSE;

  /* The copy's own audit rows make way for the original's */
  if (!_se_store_exec (to, "DELETE FROM audit_log", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
    {
      if (!copy_rows (from, to, extras[i].table, extras[i].columns, extras[i].ints, blobs, error))
        return FALSE;
      g_ptr_array_add (tables, (gpointer) extras[i].table);
    }

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gint64      n_from = 0, n_to = 0;

      if (to->dialect->after_ids != NULL && !g_str_equal (table, "document")
          && !to->dialect->after_ids (to, table, error))
        return FALSE;
      if (!count_rows (from, table, &n_from, error) || !count_rows (to, table, &n_to, error))
        return FALSE;
      if (n_from != n_to)
        {
          g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                       /* Translators: %1$s is a table of the database */
                       _("The copy holds %2$u rows of “%1$s” where the original holds %3$u. "
                         "Nothing was copied."),
                          table, (guint) n_to, (guint) n_from);
          return FALSE;
        }
    }
  return TRUE;
}

/* A copy into a file (the dialect's copy_begin): the triggers that write
 * the search rows, the audit trail and the counts drop out until the end
 * of the copy, which writes the search rows and counts all at once and
 * brings the original's audit trail. In a new database each copied
 * participant would otherwise write its placement's search row anew. The
 * triggers that refuse rows stay. */
gboolean
_se_store_copy_begin_file (SeStore *self,
                           GError **error)
{
  SeDbStmt  *stmt;
  SeDbResult rc;

  self->copy_triggers = g_ptr_array_new_with_free_func (g_free);
  stmt = _se_store_prepare_cached (self, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                         " AND (name LIKE '%\\_search\\_%' ESCAPE '\\'"
                                         " OR name LIKE 'audit\\_%' ESCAPE '\\'"
                                         " OR name LIKE 'count\\_%' ESCAPE '\\') ORDER BY rowid",
                                   error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = se_db_step (stmt)) == SE_DB_ROW)
    {
      g_ptr_array_add (self->copy_triggers, g_strdup (se_db_column_text (stmt, 0)));
      g_ptr_array_add (self->copy_triggers, g_strdup (se_db_column_text (stmt, 1)));
    }
  se_db_reset (stmt);
  if (rc != SE_DB_DONE)
    return _se_store_check (self, se_db_get_result (self->db), error);

  for (guint i = 0; i < self->copy_triggers->len; i += 2)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"",
                                               (char *) g_ptr_array_index (self->copy_triggers, i));
      if (!_se_store_exec (self, drop, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_se_store_copy_end_file (SeStore *self,
                         GError **error)
{
  guint        n_types;
  const GType *types = se_store_get_record_types (&n_types);

  if (!_se_store_exec (self, _se_store_get_fill_search_sql (), error))
    return FALSE;
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr (GTypeClass) klass = g_type_class_ref (types[i]);
      const char      *table = se_record_class_get_table (SE_RECORD_CLASS (klass));
      g_autofree char *count = g_strdup_printf ("UPDATE record_count SET n = (SELECT count(*) FROM %s)"
                                                " WHERE record_table = '%s'",
                                                table, table);

      if (!_se_store_exec (self, count, error))
        return FALSE;
    }
  for (guint i = 1; i < self->copy_triggers->len; i += 2)
    if (!_se_store_exec (self, g_ptr_array_index (self->copy_triggers, i), error))
      return FALSE;
  return TRUE;
}

/**
 * se_store_copy_to:
 * @self: the store to copy
 * @target: (transfer none): an empty store, on a file or a server
 *
 * Copies everything @self holds into @target, in one transaction of the
 * target's: all of it or, on any error, nothing.
 *
 * Returns: whether it was copied
 */
gboolean
se_store_copy_to (SeStore *self,
                  SeStore *target,
                  GError **error)
{
  gboolean began;
  gboolean ok;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (SE_IS_STORE (target), FALSE);

  if (_se_store_get_open_db (self, error) == NULL || _se_store_get_open_db (target, error) == NULL)
    return FALSE;
  if (!se_store_is_empty (target))
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                           _("The target database already holds data. Copy into a new, empty "
                             "database; the target was left as it is."));
      return FALSE;
    }

  if (!se_store_begin (target, error))
    return FALSE;
  began = _se_store_read_begin (self);
  ok = copy_all (self, target, error);
  _se_store_read_end (self, began);
  /* Dropped triggers come back with a rollback */
  g_clear_pointer (&target->copy_triggers, g_ptr_array_unref);

  if (!ok)
    {
      se_store_rollback (target);
      return FALSE;
    }
  return se_store_commit (target, error);
}
