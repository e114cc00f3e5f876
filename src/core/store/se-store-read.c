/* se-store-read.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"


#include "se-field-type.h"
#include "se-record-private.h"
#include "se-store-private.h"

/* Reading: a row into a record, the identity map that keeps one live
 * object per stored row, the lists, look-ups, searches and counts. */

/* Rows and records */

/* Fills @record, just made and not yet handed out, from a row. Its values
 * are set in place: through its properties, with their look-ups by name,
 * checks and queued notifications that nobody can receive yet, making a
 * record cost more than reading its row (a list view reads 200 rows when
 * the scroll bar jumps). */
void
_se_store_read_row (SeRecord *record,
                    SeDbStmt *stmt)
{
  SeRecordClass *klass = SE_RECORD_GET_CLASS (record);
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);
  GValue *values = _se_record_get_values (record);

  se_record_set_id (record, se_db_column_int64 (stmt, 0));

  for (guint i = 0; i < n_fields; i++)
    {
      const SeField *f = &fields[i];
      GValue *value = &values[i];
      int col = (int) i + 1;

      if (se_field_get_column (f) == SE_FIELD_COLUMN_INTEGER)
        {
          gint64 number = se_db_column_int64 (stmt, col);

          if (!se_field_from_column (f, value, number, NULL))
            g_warning ("Invalid value %" G_GINT64_FORMAT " in %s.%s", number,
                       se_record_class_get_table (klass), f->name);
        }
      else
        {
          const char *text = se_db_column_text (stmt, col);

          if (!se_field_from_column (f, value, 0, text))
            g_warning ("Unknown value “%s” in %s.%s", text ? text : "(null)",
                       se_record_class_get_table (klass), f->name);
        }
    }
  se_record_set_row_version (record, se_db_column_int64 (stmt, (int) n_fields + 1));
}

void
_se_store_bind_field (SeDbStmt      *stmt,
                      int            col,
                      SeRecord      *record,
                      const SeField *f)
{
  gint64 number;
  const char *text;

  if (!se_field_to_column (f, record, &number, &text))
    se_db_bind_null (stmt, col);
  else if (se_field_get_column (f) == SE_FIELD_COLUMN_TEXT)
    /* SQLITE_TRANSIENT: the record may change before the step. */
    se_db_bind_text_copy (stmt, col, text);
  else
    se_db_bind_int64 (stmt, col, number);
}

char *
_se_store_select_sql (SeRecordClass *klass,
                      const char    *where)
{
  GString *sql = g_string_new ("SELECT id");
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *col = _se_store_column_name (fields[i].name);
      g_string_append_printf (sql, ", %s", col);
    }
  /* After the fields: _se_store_read_row () */
  g_string_append_printf (sql, ", row_version FROM %s", se_record_class_get_table (klass));
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append (sql, " ORDER BY id");

  return g_string_free (sql, FALSE);
}

/* The identity map */

guint
_se_store_identity_hash (gconstpointer key)
{
  const Identity *e = key;

  return g_int64_hash (&e->id) ^ (guint) e->type;
}

gboolean
_se_store_identity_equal (gconstpointer a,
                          gconstpointer b)
{
  const Identity *x = a, *y = b;

  return x->type == y->type && x->id == y->id;
}

SeRecord *
_se_store_identity_find (SeStore *self,
                         GType    type,
                         gint64   id)
{
  Identity key = { NULL, type, id, NULL };
  Identity *e = g_hash_table_lookup (self->identities, &key);

  return e != NULL ? e->record : NULL;
}

static void
identity_gone (gpointer  data,
               GObject  *where_the_object_was)
{
  Identity *e = data;

  /* Steal first: removing frees the entry. */
  e->record = NULL;
  g_hash_table_remove (e->store->identities, e);
}

void
_se_store_identity_free (gpointer data)
{
  Identity *e = data;

  if (e->record != NULL)
    g_object_weak_unref (G_OBJECT (e->record), identity_gone, e);
  g_free (e);
}

/* Makes @record the object of its row; an earlier one is forgotten. */
void
_se_store_identity_add (SeStore  *self,
                        SeRecord *record)
{
  Identity *e = g_new0 (Identity, 1);

  e->store = self;
  e->type = G_OBJECT_TYPE (record);
  e->id = se_record_get_id (record);
  e->record = record;
  g_return_if_fail (e->id != 0);
  g_object_weak_ref (G_OBJECT (record), identity_gone, e);
  g_hash_table_replace (self->identities, e, e);
}

void
_se_store_identity_remove (SeStore *self,
                           GType    type,
                           gint64   id)
{
  Identity key = { NULL, type, id, NULL };

  g_hash_table_remove (self->identities, &key);
}

/* Loads the row @id into a new record; NULL if there is none. */
SeRecord *
_se_store_load_record (SeStore *self,
                       GType    type,
                       gint64   id)
{
  const char *sql = g_hash_table_lookup (self->select_by_id, GSIZE_TO_POINTER (type));
  g_autoptr(GError) error = NULL;
  SeDbStmt *stmt;
  SeRecord *record = NULL;

  if (sql == NULL)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);

      sql = _se_store_select_sql (SE_RECORD_CLASS (klass), "id = ?1");
      g_hash_table_insert (self->select_by_id, GSIZE_TO_POINTER (type), (gpointer) sql);
    }
  stmt = _se_store_prepare_cached (self, sql, &error);

  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  se_db_bind_int64 (stmt, 1, id);
  if (se_db_step (stmt) == SE_DB_ROW)
    {
      record = g_object_new (type, NULL);
      _se_store_read_row (record, stmt);
    }
  se_db_reset (stmt);

  return record;
}

static SeRecordList *
ensure_list (SeStore *self,
             GType    type)
{
  SeRecordList *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (type));
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  SeDbStmt *stmt = NULL;
  SeDbResult rc;

  if (list != NULL)
    return list;

  list = _se_record_list_new (type);
  g_hash_table_insert (self->lists, GSIZE_TO_POINTER (type), list);

  if (self->db == NULL)
    return list;

  klass = g_type_class_ref (type);
  sql = _se_store_select_sql (SE_RECORD_CLASS (klass), NULL);
  rc = se_db_prepare (self->db, sql, FALSE, &stmt);
  while (rc == SE_DB_OK && (rc = se_db_step (stmt)) == SE_DB_ROW)
    {
      /* A record already handed out (a lookup, a list model's row) is the
       * list's object too: one record, one object. */
      SeRecord *live = _se_store_identity_find (self, type, se_db_column_int64 (stmt, 0));

      if (live != NULL)
        _se_record_list_append_loaded (list, live);
      else
        {
          g_autoptr(SeRecord) record = g_object_new (type, NULL);
          _se_store_read_row (record, stmt);
          _se_store_identity_add (self, record);
          _se_record_list_append_loaded (list, record);
        }
      rc = SE_DB_OK;
    }
  if (rc != SE_DB_DONE)
    g_warning ("Could not read %s: %s", se_record_class_get_table (SE_RECORD_CLASS (klass)),
               se_db_get_message (self->db));
  se_db_stmt_free (stmt);

  return list;
}

/* Reading */

/**
 * se_store_get_list:
 * @self: a store
 * @record_type: a record type, such as %SE_TYPE_PLACEMENT
 *
 * Returns: (transfer none): every record of the kind, ordered by id; the
 *   list follows the store's changes.
 */
GListModel *
se_store_get_list (SeStore *self,
                   GType    record_type)
{
  g_return_val_if_fail (SE_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), NULL);

  return G_LIST_MODEL (ensure_list (self, record_type));
}

/**
 * se_store_lookup:
 *
 * Returns: (transfer full) (nullable): the stored record, or %NULL
 */
SeRecord *
se_store_lookup (SeStore *self,
                 GType    record_type,
                 gint64   id)
{
  SeRecord *record;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  if (id == 0)
    return NULL;

  record = _se_store_identity_find (self, record_type, id);
  if (record != NULL)
    return g_object_ref (record);

  /* Only the row: a lookup must not load a table of 200,000 placements. */
  if (self->db == NULL)
    return NULL;
  record = _se_store_load_record (self, record_type, id);
  if (record != NULL)
    _se_store_identity_add (self, record);
  return record;
}

/* On a server, each statement is a round trip: the rows of a page that no
 * record holds yet come in one, as an array of ids. */
void
_se_store_load_many_server (SeStore      *self,
                            GType         record_type,
                            const gint64 *ids,
                            guint         n_ids,
                            SeRecord    **records)
{
  g_autoptr(GString) missing = g_string_new ("{");
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  SeDbStmt  *stmt;
  SeDbResult rc;

  for (guint i = 0; i < n_ids; i++)
    {
      SeRecord *live = _se_store_identity_find (self, record_type, ids[i]);

      records[i] = live != NULL ? g_object_ref (live) : NULL;
      if (live == NULL && ids[i] != 0)
        g_string_append_printf (missing, "%s%" G_GINT64_FORMAT, missing->len > 1 ? "," : "",
                                ids[i]);
    }
  if (missing->len == 1)
    return;
  g_string_append_c (missing, '}');

  klass = g_type_class_ref (record_type);
  sql = _se_store_select_sql (SE_RECORD_CLASS (klass), "id = ANY (?1::bigint[])");
  stmt = _se_store_prepare_cached (self, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  se_db_bind_text (stmt, 1, missing->str);
  while ((rc = se_db_step (stmt)) == SE_DB_ROW)
    {
      SeRecord *record = g_object_new (record_type, NULL);

      _se_store_read_row (record, stmt);
      _se_store_identity_add (self, record);
      g_ptr_array_add (loaded, record);
    }
  /* Each row as the identity map now holds it (an id may come twice) */
  for (guint i = 0; i < n_ids; i++)
    if (records[i] == NULL && ids[i] != 0)
      {
        SeRecord *live = _se_store_identity_find (self, record_type, ids[i]);
        records[i] = live != NULL ? g_object_ref (live) : NULL;
      }
  if (rc != SE_DB_DONE)
    g_warning ("%s", se_db_get_message (self->db));
  se_db_reset (stmt);
}

/* For the list models: the records of @ids (a page of rows) in one read
 * transaction; @records[i] is NULL for a row that is gone. */
void
_se_store_lookup_many (SeStore       *self,
                       GType          record_type,
                       const gint64  *ids,
                       guint          n_ids,
                       SeRecord     **records)
{
  gboolean began = FALSE;

  if (self->dialect->load_many != NULL && self->db != NULL && n_ids > 1)
    {
      self->dialect->load_many (self, record_type, ids, n_ids, records);
      return;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      SeRecord *live = _se_store_identity_find (self, record_type, ids[i]);

      if (live == NULL && !began)
        began = _se_store_read_begin (self);
      records[i] = live != NULL ? g_object_ref (live) : se_store_lookup (self, record_type, ids[i]);
    }
  _se_store_read_end (self, began);
}

/**
 * se_store_find:
 * @self: a store
 * @record_type: the kind to search
 * @field: a reference field of that kind
 * @id: the id it must hold
 *
 * Returns: (transfer container) (element-type SeRecord): the records whose
 *   @field refers to @id, ordered by id
 */
GPtrArray *
se_store_find (SeStore    *self,
               GType       record_type,
               const char *field,
               gint64      id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTypeClass) klass = NULL;
  const SeField *f;
  g_autofree char *col = NULL;
  g_autofree char *sql = NULL;
  SeDbStmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (SE_IS_STORE (self), result);

  klass = g_type_class_ref (record_type);
  f = se_record_class_find_field (SE_RECORD_CLASS (klass), field);
  g_return_val_if_fail (f != NULL && f->type == SE_FIELD_REFERENCE, result);

  if (self->db == NULL)
    return result;

  col = _se_store_column_name (field);
  sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 ORDER BY id",
                         se_record_class_get_table (SE_RECORD_CLASS (klass)), col);
  stmt = _se_store_prepare_cached (self, sql, NULL);
  if (stmt == NULL)
    return result;

  /* The ids first: a lookup prepares its own statements. */
  se_db_bind_int64 (stmt, 1, id);
  while (se_db_step (stmt) == SE_DB_ROW)
    {
      gint64 found = se_db_column_int64 (stmt, 0);
      g_array_append_val (ids, found);
    }
  se_db_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      SeRecord *r = se_store_lookup (self, record_type, g_array_index (ids, gint64, i));
      if (r != NULL)
        g_ptr_array_add (result, r);
    }

  return result;
}

guint
se_store_count (SeStore *self,
                GType    record_type)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  gint64 n = 0;

  g_return_val_if_fail (SE_IS_STORE (self), 0);

  if (g_hash_table_contains (self->lists, GSIZE_TO_POINTER (record_type)))
    return g_list_model_get_n_items (se_store_get_list (self, record_type));

  klass = g_type_class_ref (record_type);
  sql = self->dialect->dup_count (se_record_class_get_table (SE_RECORD_CLASS (klass)));
  if (self->db != NULL)
    _se_store_query_int (self->db, sql, &n, NULL);
  return (guint) n;
}

/**
 * se_store_is_empty:
 *
 * Returns: %TRUE if the store holds no records of any kind
 */
gboolean
se_store_is_empty (SeStore *self)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    if (se_store_count (self, types[i]) > 0)
      return FALSE;
  return TRUE;
}
