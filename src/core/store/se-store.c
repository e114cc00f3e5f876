/* se-store.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "se-agreement.h"
#include "se-approval.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-field-type.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-prerequisite.h"
#include "se-record-private.h"
#include "se-programme-item.h"
#include "se-signatory.h"
#include "se-store-private.h"
#include "se-topic.h"
#include "se-unit.h"

/* SeStore owns the SQLite connection. It is the only place that speaks
 * SQL: records, lists and the user interface see GObjects.
 *
 * Every write runs in BEGIN IMMEDIATE ... COMMIT and is rolled back on any
 * error. SQLite's update hook tells which rows a transaction touched
 * (cascades included); once COMMIT has succeeded the lists are brought up
 * to date from the database, so a list never shows what was rolled back.
 * Each list holds one object per row; the store hands out those objects,
 * so that a record shown twice is one object. */

typedef SeStoreChange ChangeKind;
#define CHANGE_INSERT SE_STORE_CHANGE_INSERT
#define CHANGE_UPDATE SE_STORE_CHANGE_UPDATE
#define CHANGE_DELETE SE_STORE_CHANGE_DELETE

/* A bulk insert keeps the indexes of its table up to date for at least
 * this many rows (see _se_store_bulk_begin ()). */
#define BULK_DROP_INDEXES_MIN 5000

/* The identity map: one live object per stored record, whoever loaded it
 * (a lookup, a list, a list model's page). The store holds it weakly, so
 * that a record nobody shows costs nothing; a weak reference callback
 * takes the entry out when the object goes. */
typedef struct
{
  SeStore  *store;
  GType     type;
  gint64    id;
  SeRecord *record;
} Identity;

typedef struct
{
  GType      type;
  gint64     id;
  ChangeKind kind;
} Change;

struct _SeStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  gboolean    read_only;
  char       *read_only_reason;
  gboolean    on_network;
  SeStoreLock *lock;        /* <path>.lock while open for writing */

  GHashTable *statements;   /* SQL text -> sqlite3_stmt */
  GHashTable *lists;        /* GType -> SeRecordList */
  GHashTable *identities;   /* Identity -> itself */
  GHashTable *table_types;  /* table name -> GType */
  GHashTable *select_by_id; /* GType -> the SQL that loads one record */

  gboolean    in_transaction;
  GArray     *pending;      /* Change */
  GPtrArray  *inserted;     /* records given an id in the open transaction */

  /* A bulk insert (_se_store_bulk_begin): the rows it inserts are neither
   * tracked one by one nor handed out as objects. */
  GType       bulk_type;        /* 0 when none is under way */
  const char *bulk_table;
  sqlite3_stmt *bulk_insert;    /* a new id */
  sqlite3_stmt *bulk_restore;   /* the id of the record */
  GArray     *bulk_ids;         /* gint64, in the order inserted */
  GPtrArray  *bulk_triggers;    /* char*: name, its SQL, its bulk SQL, name, ... */
  gint64      bulk_cache_size;
  GPtrArray  *bulk_indexes;     /* char*: name, its SQL, name, ... */
  gint64      bulk_drop_at;     /* rows inserted when they are dropped */
  gboolean    bulk_dropped;
  guint       bulk_n_dropped;   /* of bulk_indexes' entries */
  GPtrArray  *bulk_done;        /* Bulk, ended in the open transaction */
};

typedef struct
{
  GType   type;
  GArray *ids;
} Bulk;

static void
bulk_free (gpointer data)
{
  Bulk *b = data;

  g_array_unref (b->ids);
  g_free (b);
}

enum {
  SIGNAL_CHANGED,
  SIGNAL_RECORD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SeStore, se_store, G_TYPE_OBJECT)

/* In the order they depend on each other. */
static GType record_types[13];

const GType *
se_store_get_record_types (guint *n_types)
{
  if (record_types[0] == 0)
    {
      GType types[] = {
        SE_TYPE_ORGANISATION, SE_TYPE_UNIT, SE_TYPE_PERSON, SE_TYPE_TOPIC,
        SE_TYPE_PARTNERSHIP, SE_TYPE_AGREEMENT, SE_TYPE_SIGNATORY, SE_TYPE_APPROVAL,
        SE_TYPE_PLACEMENT, SE_TYPE_PARTICIPANT, SE_TYPE_PROGRAMME_ITEM,
        SE_TYPE_PREREQUISITE, SE_TYPE_PLACEMENT_TOPIC,
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (types) == G_N_ELEMENTS (record_types));
      memcpy (record_types, types, sizeof types);
    }

  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (record_types);
  return record_types;
}

int
se_store_get_schema_version (void)
{
  guint n;
  const SeMigration *m = _se_store_get_migrations (&n);

  return m[n - 1].version;
}

/**
 * se_store_dup_default_path:
 *
 * Returns: (transfer full): the database the app opens when no other is
 *   named: staff-exchange.db in $XDG_DATA_HOME/staff-exchange/
 */
char *
se_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "staff-exchange", "staff-exchange.db", NULL);
}

/* Errors */

static void
set_sqlite_error (GError    **error,
                  sqlite3    *db,
                  int         rc)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_DISK_FULL,
                           _("The disk is full. Free some space and try again; "
                             "nothing was changed."));
      break;
    case SQLITE_IOERR:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_IO,
                   _("The database file could not be read or written (%s). "
                     "Check the disk or network drive and try again; nothing was changed."),
                   detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_BUSY,
                           _("The database is in use by another program. Wait a moment "
                             "and try again; nothing was changed."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_READ_ONLY,
                           _("The database can only be read, not changed. Ask for write "
                             "access to the file and its folder."));
      break;
    case SQLITE_NOTADB:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_A_DATABASE,
                           _("This file is not a Staff Exchange database. Choose another "
                             "file."));
      break;
    case SQLITE_CORRUPT:
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_CORRUPT,
                           _("The database file is damaged. Restore it from a backup."));
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("The database file could not be opened (%s). Check that it exists "
                     "and that you may read it."), detail);
      break;
    default:
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                   _("The database reported an error: %s"), detail);
      break;
    }
}

/* Statements */

static sqlite3_stmt *
prepare (SeStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec (SeStore     *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_sqlite_error (error, db, rc);

  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

/* Several reads as one: on its own each statement takes and drops
 * SQLite's shared lock and looks for a hot journal (seven system calls),
 * which costs more than reading a row. Nothing is written in between. */
static gboolean
read_begin (SeStore *self)
{
  return self->db != NULL && sqlite3_get_autocommit (self->db)
         && sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

static void
read_end (SeStore  *self,
          gboolean  began)
{
  if (began && self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

static char *
column_name (const char *field)
{
  return g_strdelimit (g_strdup (field), "-", '_');
}

/* Rows and records */

/* Fills @record, just made and not yet handed out, from a row. Its values
 * are set in place: through its properties, with their look-ups by name,
 * checks and queued notifications that nobody can receive yet, making a
 * record cost more than reading its row (a list view reads 200 rows when
 * the scroll bar jumps). */
static void
read_row (SeRecord     *record,
          sqlite3_stmt *stmt)
{
  SeRecordClass *klass = SE_RECORD_GET_CLASS (record);
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);
  GValue *values = _se_record_get_values (record);

  se_record_set_id (record, sqlite3_column_int64 (stmt, 0));

  for (guint i = 0; i < n_fields; i++)
    {
      const SeField *f = &fields[i];
      GValue *value = &values[i];
      int col = (int) i + 1;

      if (se_field_get_column (f) == SE_FIELD_COLUMN_INTEGER)
        {
          gint64 number = sqlite3_column_int64 (stmt, col);

          if (!se_field_from_column (f, value, number, NULL))
            g_warning ("Invalid value %" G_GINT64_FORMAT " in %s.%s", number,
                       se_record_class_get_table (klass), f->name);
        }
      else
        {
          const char *text = (const char *) sqlite3_column_text (stmt, col);

          if (!se_field_from_column (f, value, 0, text))
            g_warning ("Unknown value “%s” in %s.%s", text ? text : "(null)",
                       se_record_class_get_table (klass), f->name);
        }
    }
}

static void
bind_field (sqlite3_stmt  *stmt,
            int            col,
            SeRecord      *record,
            const SeField *f)
{
  gint64 number;
  const char *text;

  if (!se_field_to_column (f, record, &number, &text))
    sqlite3_bind_null (stmt, col);
  else if (se_field_get_column (f) == SE_FIELD_COLUMN_TEXT)
    /* SQLITE_TRANSIENT: the record may change before the step. */
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, col, number);
}

static char *
select_sql (SeRecordClass *klass,
            const char    *where)
{
  GString *sql = g_string_new ("SELECT id");
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *col = column_name (fields[i].name);
      g_string_append_printf (sql, ", %s", col);
    }
  g_string_append_printf (sql, " FROM %s", se_record_class_get_table (klass));
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append (sql, " ORDER BY id");

  return g_string_free (sql, FALSE);
}

/* The identity map */

static guint
identity_hash (gconstpointer key)
{
  const Identity *e = key;

  return g_int64_hash (&e->id) ^ (guint) e->type;
}

static gboolean
identity_equal (gconstpointer a,
                gconstpointer b)
{
  const Identity *x = a, *y = b;

  return x->type == y->type && x->id == y->id;
}

static SeRecord *
identity_find (SeStore *self,
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

static void
identity_free (gpointer data)
{
  Identity *e = data;

  if (e->record != NULL)
    g_object_weak_unref (G_OBJECT (e->record), identity_gone, e);
  g_free (e);
}

/* Makes @record the object of its row; an earlier one is forgotten. */
static void
identity_add (SeStore  *self,
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

static void
identity_remove (SeStore *self,
                 GType    type,
                 gint64   id)
{
  Identity key = { NULL, type, id, NULL };

  g_hash_table_remove (self->identities, &key);
}

/* Loads the row @id into a new record; NULL if there is none. */
static SeRecord *
load_record (SeStore *self,
             GType    type,
             gint64   id)
{
  const char *sql = g_hash_table_lookup (self->select_by_id, GSIZE_TO_POINTER (type));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  SeRecord *record = NULL;

  if (sql == NULL)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);

      sql = select_sql (SE_RECORD_CLASS (klass), "id = ?1");
      g_hash_table_insert (self->select_by_id, GSIZE_TO_POINTER (type), (gpointer) sql);
    }
  stmt = prepare (self, sql, &error);

  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      record = g_object_new (type, NULL);
      read_row (record, stmt);
    }
  sqlite3_reset (stmt);

  return record;
}

static SeRecordList *
ensure_list (SeStore *self,
             GType    type)
{
  SeRecordList *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (type));
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (list != NULL)
    return list;

  list = _se_record_list_new (type);
  g_hash_table_insert (self->lists, GSIZE_TO_POINTER (type), list);

  if (self->db == NULL)
    return list;

  klass = g_type_class_ref (type);
  sql = select_sql (SE_RECORD_CLASS (klass), NULL);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* A record already handed out (a lookup, a list model's row) is the
       * list's object too: one record, one object. */
      SeRecord *live = identity_find (self, type, sqlite3_column_int64 (stmt, 0));

      if (live != NULL)
        _se_record_list_append_loaded (list, live);
      else
        {
          g_autoptr(SeRecord) record = g_object_new (type, NULL);
          read_row (record, stmt);
          identity_add (self, record);
          _se_record_list_append_loaded (list, record);
        }
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    g_warning ("Could not read %s: %s", se_record_class_get_table (SE_RECORD_CLASS (klass)),
               sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);

  return list;
}

/* Change tracking */

static void
update_hook (void          *user_data,
             int            op,
             const char    *database,
             const char    *table,
             sqlite3_int64  rowid)
{
  SeStore *self = user_data;
  gpointer type;
  Change change;

  if (!g_hash_table_lookup_extended (self->table_types, table, NULL, &type))
    return;
  /* A bulk insert's own rows are reported once, after COMMIT. */
  if (op == SQLITE_INSERT && self->bulk_type != 0 && GPOINTER_TO_SIZE (type) == self->bulk_type)
    return;

  change.type = GPOINTER_TO_SIZE (type);
  change.id = rowid;
  change.kind = op == SQLITE_INSERT ? CHANGE_INSERT
              : op == SQLITE_DELETE ? CHANGE_DELETE : CHANGE_UPDATE;
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
         || identity_find (self, c->type, c->id) != NULL
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
  self->bulk_done = g_ptr_array_new_with_free_func (bulk_free);

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
  reading = (pending->len > 1 || bulks->len > 0) && read_begin (self);

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
                                      ? load_record (self, c->type, c->id) : NULL);
    }

  read_end (self, reading);

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
      SeRecord *current = identity_find (self, c->type, c->id);
      SeRecord *mine = find_mine (mine_by_key, c);
      gboolean listed;

      /* Nobody holds the record and no list shows it: nothing to bring up
       * to date; the next lookup reads the row. */
      if (list == NULL && current == NULL && mine == NULL)
        continue;

      listed = list != NULL && se_record_list_find (list, c->id, NULL) != NULL;
      /* A handler of an earlier change may have loaded a list meanwhile. */
      if (fresh == NULL && c->kind != CHANGE_DELETE)
        fresh = load_record (self, c->type, c->id);

      if (fresh == NULL)
        {
          identity_remove (self, c->type, c->id);
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
          identity_add (self, record);
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

      g_signal_emit (self, signals[SIGNAL_RECORD_CHANGED], 0, c->type, c->id, (int) c->kind);
    }
  for (guint i = 0; i < bulks->len; i++)
    {
      Bulk *b = g_ptr_array_index (bulks, i);

      if (b->ids->len > 0)
        g_signal_emit (self, signals[SIGNAL_RECORD_CHANGED], 0, b->type, (gint64) 0,
                       (int) CHANGE_INSERT);
    }

  if (pending->len > 0 || bulks->len > 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void bulk_clear (SeStore *self);

static void
discard_changes (SeStore *self)
{
  g_array_set_size (self->pending, 0);
  bulk_clear (self);
  g_ptr_array_set_size (self->bulk_done, 0);

  /* Records inserted by a rolled back transaction were never stored. */
  for (guint i = 0; i < self->inserted->len; i++)
    se_record_set_id (g_ptr_array_index (self->inserted, i), 0);
  g_ptr_array_set_size (self->inserted, 0);
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
  SeRecordList *list;
  g_autoptr(GArray) refreshes = g_array_new (FALSE, TRUE, sizeof (Refresh));
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  gboolean reading;

  g_return_if_fail (SE_IS_STORE (self));
  g_return_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD));
  g_return_if_fail (!self->in_transaction);

  if (self->db == NULL)
    return;

  g_array_set_clear_func (refreshes, refresh_clear);
  list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (record_type));

  /* First everything is read, in one read transaction, then the records
   * and the list are changed outside it, as flush_changes () does. */
  reading = read_begin (self);
  if (list != NULL)
    {
      /* The list holds every row: one pass over the table, merged with the
       * list by id (both are in id order), rather than a lookup per row. */
      g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);
      g_autofree char *sql = select_sql (SE_RECORD_CLASS (klass), NULL);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint pos = 0;
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          SeRecord *row = g_object_new (record_type, NULL);

          read_row (row, stmt);
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
          rc = SQLITE_OK;
        }
      for (; pos < n; pos++)
        {
          Refresh r = { g_list_model_get_item (G_LIST_MODEL (list), pos), NULL };
          g_array_append_val (refreshes, r);
        }
      if (rc != SQLITE_DONE)
        g_warning ("Could not read %s: %s", se_record_class_get_table (SE_RECORD_CLASS (klass)),
                   sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
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

          r->fresh = load_record (self, record_type, se_record_get_id (r->live));
        }
    }
  read_end (self, reading);

  for (guint i = 0; i < refreshes->len; i++)
    {
      Refresh *r = &g_array_index (refreshes, Refresh, i);
      Change c = { record_type, se_record_get_id (r->live), CHANGE_UPDATE };

      if (r->fresh == NULL)
        {
          c.kind = CHANGE_DELETE;
          if (identity_find (self, record_type, c.id) == r->live)
            identity_remove (self, record_type, c.id);
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
      SeRecord *live = identity_find (self, record_type, id);

      /* A record looked up since the other connection committed stays
       * the record of its row. */
      if (live == NULL)
        identity_add (self, row);
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

      g_signal_emit (self, signals[SIGNAL_RECORD_CHANGED], 0, c->type, c->id, (int) c->kind);
    }
  g_signal_emit (self, signals[SIGNAL_RECORD_CHANGED], 0, record_type, (gint64) 0,
                 (int) CHANGE_INSERT);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
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
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
se_store_commit (SeStore  *self,
                 GError  **error)
{
  int rc;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc);
      se_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  flush_changes (self);
  return TRUE;
}

void
se_store_rollback (SeStore *self)
{
  g_return_if_fail (SE_IS_STORE (self));

  if (!self->in_transaction)
    return;

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  self->in_transaction = FALSE;
  discard_changes (self);
}

gboolean
se_store_in_transaction (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return self->in_transaction;
}

/* Runs @step inside the caller's transaction, or in one of its own. */
static gboolean
run_write (SeStore   *self,
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

static gboolean
compact_search_step (SeStore  *self,
                     gpointer  data,
                     GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT name FROM sqlite_master WHERE type = 'table'"
                        " AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%' ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO \"%1$s\" (\"%1$s\") VALUES ('optimize')",
                                              (char *) g_ptr_array_index (tables, i));
      if (!exec (self, sql, error))
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

  return run_write (self, compact_search_step, NULL, error);
}

/* Saving */

static void
set_constraint_error (SeStore   *self,
                      SeRecord  *record,
                      int        rc,
                      GError   **error)
{
  switch (rc)
    {
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      g_set_error_literal (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_UNKNOWN_REFERENCE,
                           _("A record this one refers to no longer exists. Pick it again."));
      break;
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      /* Translators: %s is the kind of record, e.g. "Topic" */
      g_set_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_DUPLICATE,
                   _("This %s exists already. Use the existing one or change the name."),
                   se_record_class_get_kind_label (SE_RECORD_GET_CLASS (record)));
      break;
    default:
      set_sqlite_error (error, self->db, rc);
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
  set_sqlite_error (error, NULL, SQLITE_MISUSE);
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

      col = column_name (fields[i].name);
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
    g_string_append_printf (sql, " WHERE id = ?%u", n_cols + 1);

  return g_string_free (sql, FALSE);
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
  sqlite3_stmt *stmt;
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);
  int col = 0;
  int rc;

  if (id == 0 && refuse_during_bulk (self, record, error))
    return FALSE;

  sql = write_sql (klass, id == 0);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_fields; i++)
    if (!(fields[i].flags & SE_FIELD_FLAGS_STORE_OWNED))
      bind_field (stmt, ++col, record, &fields[i]);
  if (id != 0)
    sqlite3_bind_int64 (stmt, col + 1, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_constraint_error (self, record, sqlite3_extended_errcode (self->db), error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (id == 0)
    {
      se_record_set_id (record, sqlite3_last_insert_rowid (self->db));
      g_ptr_array_add (self->inserted, g_object_ref (record));
    }
  else if (sqlite3_changes (self->db) == 0)
    {
      /* Translators: %s is the kind of record, e.g. "Placement" */
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                   _("This %s has been deleted in the meantime. Create it again."),
                   se_record_class_get_kind_label (klass));
      return FALSE;
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

  ok = run_write (self, save_step, record, error);

  /* A stored record handed out by the store, changed in place and not
   * stored, goes back to what the database holds. */
  if (!ok && se_record_get_id (record) != 0)
    {
      if (identity_find (self, G_OBJECT_TYPE (record), se_record_get_id (record)) == record)
        {
          g_autoptr(SeRecord) stored = load_record (self, G_OBJECT_TYPE (record),
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

          col = column_name (fields[i].name);
          sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = %" G_GINT64_FORMAT,
                                 se_record_class_get_table (SE_RECORD_CLASS (klass)), col,
                                 se_record_get_id (record));
          if (query_int (self->db, sql, &count, NULL) && count > 0)
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
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1",
                                          se_record_class_get_table (klass));
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, se_record_get_id (d->record));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    rc = sqlite3_extended_errcode (self->db);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE && sqlite3_changes (self->db) == 1)
    return TRUE;

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                   _("This %s has been deleted already."), se_record_class_get_kind_label (klass));
    }
  else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY || rc == SQLITE_CONSTRAINT_TRIGGER)
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
    set_sqlite_error (error, self->db, rc);

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

  return run_write (self, delete_step, &d, error);
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
  sqlite3_stmt *stmt;
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);
  int col = 1;
  int rc;

  if (refuse_during_bulk (self, record, error))
    return FALSE;

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, col, se_record_get_id (record));
  for (guint i = 0; i < n_fields; i++)
    if (!(fields[i].flags & SE_FIELD_FLAGS_STORE_OWNED))
      bind_field (stmt, ++col, record, &fields[i]);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_constraint_error (self, record, sqlite3_extended_errcode (self->db), error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
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

  return run_write (self, restore_step, record, error);
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

static void
bulk_clear (SeStore *self)
{
  if (self->bulk_type == 0)
    return;
  if (self->db != NULL && self->bulk_cache_size != 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT,
                                                 self->bulk_cache_size);
      sqlite3_exec (self->db, pragma, NULL, NULL, NULL);
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
_se_store_bulk_begin (SeStore  *self,
                      GType     record_type,
                      GError  **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *restore = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (self->bulk_type == 0, FALSE);

  klass = g_type_class_ref (record_type);
  self->bulk_type = record_type;
  self->bulk_table = se_record_class_get_table (SE_RECORD_CLASS (klass));
  self->bulk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->bulk_triggers = g_ptr_array_new_with_free_func (g_free);

  /* The default cache (2 MB) is full after some thousand rows; SQLite then
   * writes pages to the file before COMMIT and reads them again. */
  if (!query_int (self->db, "PRAGMA cache_size", &self->bulk_cache_size, error)
      || !exec (self, "PRAGMA cache_size = -262144", error))
    goto fail;

  insert = write_sql (SE_RECORD_CLASS (klass), TRUE);
  restore = restore_sql (SE_RECORD_CLASS (klass));
  if ((self->bulk_insert = prepare (self, insert, error)) == NULL
      || (self->bulk_restore = prepare (self, restore, error)) == NULL)
    goto fail;

  stmt = prepare (self, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                        " AND tbl_name = ?1 ORDER BY rowid", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, self->bulk_table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      char *bulk_sql = _se_store_dup_bulk_sql (self->bulk_table, name);

      if (bulk_sql == NULL)
        continue;
      g_ptr_array_add (self->bulk_triggers, g_strdup (name));
      g_ptr_array_add (self->bulk_triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (self->bulk_triggers, bulk_sql);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc);
      goto fail;
    }

  for (guint i = 0; i < self->bulk_triggers->len; i += 3)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"",
                                               (char *) g_ptr_array_index (self->bulk_triggers, i));
      if (!exec (self, drop, error))
        goto fail;
    }

  /* Prepared again: the schema changed. */
  if ((self->bulk_insert = prepare (self, insert, error)) == NULL
      || (self->bulk_restore = prepare (self, restore, error)) == NULL)
    goto fail;

  /* Each new row goes into every index of the table at a random place,
   * which costs several times what building the index anew from the
   * sorted rows costs per row. Once the bulk has inserted half as many
   * rows as the table had, the indexes are dropped and built again at the
   * end (unique ones stay: they reject a line while it is inserted). */
  self->bulk_indexes = g_ptr_array_new_with_free_func (g_free);
  stmt = prepare (self, "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                        " AND tbl_name = ?1 AND sql IS NOT NULL"
                        " AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY rowid", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, self->bulk_table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (self->bulk_indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (self->bulk_indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc);
      goto fail;
    }
  stmt = prepare (self, "SELECT n FROM record_count WHERE record_table = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, self->bulk_table, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  self->bulk_drop_at = MAX (BULK_DROP_INDEXES_MIN,
                            rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) / 2 : 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc);
      goto fail;
    }

  return TRUE;

fail:
  /* Dropped triggers come back with the rollback. */
  bulk_clear (self);
  return FALSE;
}

/**
 * _se_store_bulk_insert:
 * @record: a record the caller has validated
 * @keep_id: insert it under its id rather than a new one
 *
 * Inserts @record and sets its id. The store does not keep the object.
 */
gboolean
_se_store_bulk_insert (SeStore   *self,
                       SeRecord  *record,
                       gboolean   keep_id,
                       GError   **error)
{
  SeRecordClass *klass = SE_RECORD_GET_CLASS (record);
  sqlite3_stmt *stmt = keep_id ? self->bulk_restore : self->bulk_insert;
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (klass, &n_fields);
  int col = 0;
  gint64 id;
  int rc;

  g_return_val_if_fail (self->bulk_type == G_OBJECT_TYPE (record), FALSE);
  g_return_val_if_fail (!keep_id || se_record_get_id (record) > 0, FALSE);

  if (!self->bulk_dropped && self->bulk_ids->len >= (guint64) self->bulk_drop_at
      && self->bulk_indexes->len > 0)
    {
      /* Dropping is only quicker: an index that cannot be dropped (a
       * reader of the table is under way) stays and is kept up to date. */
      self->bulk_dropped = TRUE;
      for (guint i = 0; i < self->bulk_indexes->len; i += 2)
        {
          g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"",
                                                   (char *) g_ptr_array_index (self->bulk_indexes, i));
          if (sqlite3_exec (self->db, drop, NULL, NULL, NULL) != SQLITE_OK)
            break;
          self->bulk_n_dropped = i + 2;
        }
    }

  sqlite3_reset (stmt);
  if (keep_id)
    sqlite3_bind_int64 (stmt, ++col, se_record_get_id (record));
  for (guint i = 0; i < n_fields; i++)
    if (!(fields[i].flags & SE_FIELD_FLAGS_STORE_OWNED))
      bind_field (stmt, ++col, record, &fields[i]);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_constraint_error (self, record, sqlite3_extended_errcode (self->db), error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  id = sqlite3_last_insert_rowid (self->db);
  se_record_set_id (record, id);
  g_array_append_val (self->bulk_ids, id);
  return TRUE;
}

/**
 * _se_store_bulk_end:
 *
 * Does what the dropped triggers would have done for each row, creates
 * them again and ends the bulk insert; the transaction stays open. On
 * failure, roll the transaction back.
 */
gboolean
_se_store_bulk_end (SeStore  *self,
                    GError  **error)
{
  Bulk *done;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk_type != 0, FALSE);

  for (guint i = 1; i < self->bulk_n_dropped; i += 2)
      if (!exec (self, g_ptr_array_index (self->bulk_indexes, i), error))
        return FALSE;

  if (!exec (self, "CREATE TEMP TABLE IF NOT EXISTS se_bulk_ids (n INTEGER PRIMARY KEY,"
                   " id INTEGER NOT NULL); DELETE FROM temp.se_bulk_ids;", error))
    return FALSE;
  stmt = prepare (self, "INSERT INTO temp.se_bulk_ids (id) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->bulk_ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (self->bulk_ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, sqlite3_extended_errcode (self->db));
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < self->bulk_triggers->len; i += 3)
    if (!exec (self, g_ptr_array_index (self->bulk_triggers, i + 2), error)
        || !exec (self, g_ptr_array_index (self->bulk_triggers, i + 1), error))
      return FALSE;

  if (!exec (self, "DELETE FROM temp.se_bulk_ids", error))
    return FALSE;

  done = g_new0 (Bulk, 1);
  done->type = self->bulk_type;
  done->ids = g_array_ref (self->bulk_ids);
  g_ptr_array_add (self->bulk_done, done);
  bulk_clear (self);
  return TRUE;
}

static gboolean
delete_quietly_step (SeStore  *self,
                     gpointer  data,
                     GError  **error)
{
  SeRecord *record = data;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1",
                                          se_record_class_get_table (SE_RECORD_GET_CLASS (record)));
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, se_record_get_id (record));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    set_sqlite_error (error, self->db, sqlite3_extended_errcode (self->db));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Deletes @record if it is still there (a cascade may have taken it). */
gboolean
_se_store_delete_quietly (SeStore   *self,
                          SeRecord  *record,
                          GError   **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return run_write (self, delete_quietly_step, record, error);
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

  record = identity_find (self, record_type, id);
  if (record != NULL)
    return g_object_ref (record);

  /* Only the row: a lookup must not load a table of 200,000 placements. */
  if (self->db == NULL)
    return NULL;
  record = load_record (self, record_type, id);
  if (record != NULL)
    identity_add (self, record);
  return record;
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

  for (guint i = 0; i < n_ids; i++)
    {
      SeRecord *live = identity_find (self, record_type, ids[i]);

      if (live == NULL && !began)
        began = read_begin (self);
      records[i] = live != NULL ? g_object_ref (live) : se_store_lookup (self, record_type, ids[i]);
    }
  read_end (self, began);
}

gboolean
_se_store_read_begin (SeStore *self)
{
  return read_begin (self);
}

void
_se_store_read_end (SeStore  *self,
                    gboolean  began)
{
  read_end (self, began);
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
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (SE_IS_STORE (self), result);

  klass = g_type_class_ref (record_type);
  f = se_record_class_find_field (SE_RECORD_CLASS (klass), field);
  g_return_val_if_fail (f != NULL && f->type == SE_FIELD_REFERENCE, result);

  if (self->db == NULL)
    return result;

  col = column_name (field);
  sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 ORDER BY id",
                         se_record_class_get_table (SE_RECORD_CLASS (klass)), col);
  stmt = prepare (self, sql, NULL);
  if (stmt == NULL)
    return result;

  /* The ids first: a lookup prepares its own statements. */
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 found = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, found);
    }
  sqlite3_reset (stmt);

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
  /* The counts kept by triggers (schema step 5): a count(*) would read
   * every row, 300,000 participants at the window's start. */
  sql = g_strdup_printf ("SELECT coalesce ((SELECT n FROM record_count WHERE record_table = '%1$s'),"
                         " (SELECT count(*) FROM %1$s))",
                         se_record_class_get_table (SE_RECORD_CLASS (klass)));
  if (self->db != NULL)
    query_int (self->db, sql, &n, NULL);
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
  sqlite3_stmt *stmt;
  gsize size = 0;
  gconstpointer bytes = d->data != NULL ? g_bytes_get_data (d->data, &size) : NULL;
  int rc;

  if (d->file_name != NULL)
    {
      stmt = prepare (self, "INSERT OR REPLACE INTO document (agreement_id, file_name, data) "
                            "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, d->agreement_id);
      sqlite3_bind_text (stmt, 2, d->file_name, -1, SQLITE_STATIC);
      sqlite3_bind_blob64 (stmt, 3, bytes != NULL ? bytes : "", size, SQLITE_STATIC);
    }
  else
    {
      stmt = prepare (self, "DELETE FROM document WHERE agreement_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, d->agreement_id);
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    rc = sqlite3_extended_errcode (self->db);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                             _("The agreement has been deleted in the meantime."));
      else
        set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  stmt = prepare (self, "UPDATE agreement SET document_name = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->agreement_id);
  sqlite3_bind_text (stmt, 2, d->file_name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  if (sqlite3_changes (self->db) != 1)
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

  return run_write (self, attach_step, &d, error);
}

gboolean
se_store_remove_document (SeStore  *self,
                          gint64    agreement_id,
                          GError  **error)
{
  DocumentData d = { agreement_id, NULL, NULL };

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return run_write (self, attach_step, &d, error);
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
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT data FROM document WHERE agreement_id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, agreement_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND,
                         _("No signed document is on file for this agreement."));
  else
    set_sqlite_error (error, self->db, rc);
  sqlite3_reset (stmt);

  return bytes;
}

/* Opening */

static gboolean
migrate (SeStore  *self,
         gint64    from_version,
         GError  **error)
{
  guint n;
  const SeMigration *migrations = _se_store_get_migrations (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *pragmas = NULL;

      if (migrations[i].version <= from_version)
        continue;

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 SE_STORE_APPLICATION_ID, migrations[i].version);

      if (!exec (self, migrations[i].sql, error)
          || !exec (self, pragmas, error)
          || !exec (self, "COMMIT", error))
        {
          g_prefix_error (error, _("The database could not be brought up to date: "));
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/* Looks at the file before anything is written to it. */
static gboolean
probe (SeStore  *self,
       gint64   *version,
       GError  **error)
{
  gint64 app_id = 0, n_objects = 0;

  if (!query_int (self->db, "PRAGMA application_id", &app_id, error)
      || !query_int (self->db, "PRAGMA user_version", version, error)
      || !query_int (self->db, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  if (app_id == 0 && *version == 0 && n_objects == 0)
    return TRUE; /* a new, empty database */

  if (app_id != SE_STORE_APPLICATION_ID)
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FOREIGN_FILE,
                           _("This file belongs to another program, not to Staff Exchange. "
                             "It was left as it is. Choose a Staff Exchange database."));
      return FALSE;
    }

  if (*version > se_store_get_schema_version ())
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_TOO_NEW,
                           _("This database was written by a newer version of Staff Exchange. "
                             "It was left as it is. Update Staff Exchange to open it."));
      return FALSE;
    }

  return TRUE;
}

/* Creates the file readable by its owner only, before SQLite sees it. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      if (saved == EEXIST)
        return TRUE;
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” could not be created: %s. Check that the folder exists and "
                     "that you may write to it."), name, g_strerror (saved));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/**
 * se_store_open:
 * @path: the database file
 * @flags: how to open it
 * @error: a #SE_STORE_ERROR that says what is wrong and what to do
 *
 * Opens a database, creating it (readable by the owner only) when it does
 * not exist and brings its schema up to date. A file that is not a Staff
 * Exchange database, belongs to another program or was written by a newer
 * version is refused and left exactly as it was.
 *
 * Returns: (transfer full) (nullable): the store
 */
SeStore *
se_store_open (const char        *path,
               SeStoreOpenFlags   flags,
               GError           **error)
{
  return _se_store_open_with_options (path, flags, NULL, error);
}

/* For the tests of write errors: the store on a fault-injecting VFS. */
SeStore *
_se_store_open_with_vfs (const char        *path,
                         SeStoreOpenFlags   flags,
                         const char        *vfs,
                         GError           **error)
{
  SeStoreOpenOptions options = { vfs, FALSE };

  return _se_store_open_with_options (path, flags, &options, error);
}

/* Why the database cannot be changed, in words for the window's banner. */
static char *
dup_read_only_reason (const char       *path,
                      gboolean          exists,
                      SeStoreOpenFlags  flags)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (flags & SE_STORE_OPEN_FLAGS_READ_ONLY)
    return g_strdup (_("The database was opened for reading only."));
  if (exists && g_access (path, W_OK) != 0)
    return g_strdup (_("You may read this database but not change it. To make changes, ask "
                       "for write access to the file."));
  /* SQLite writes its journal next to the file: without it no change
   * could be made safely (SQLITE_READONLY_DIRECTORY). */
  if (exists && g_access (dir, W_OK) != 0)
    return g_strdup (_("The folder of this database is read-only, so changes cannot be saved "
                       "safely. To make changes, ask for write access to the folder, or copy "
                       "the database to a folder of your own."));
  return NULL;
}

SeStore *
_se_store_open_with_options (const char               *path,
                             SeStoreOpenFlags          flags,
                             const SeStoreOpenOptions *options,
                             GError                  **error)
{
  g_autoptr(SeStore) self = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;
  gboolean exists, is_sqlite = FALSE;
  gint64 version = 0, page_count = 0, page_size = 0;
  gboolean reading;
  int rc, open_flags;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_name (path);
  exists = g_stat (path, &st) == 0;

  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” is not a file. Choose a database file."), name);
      return NULL;
    }
  if (exists && st.st_size == 0)
    {
      g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is empty, not a Staff Exchange database. It was left as it is. "
                     "Choose another file or restore a backup."), name);
      return NULL;
    }
  /* Only the header: quick_check would read the whole file, 1.4 s for
   * 100 MB from a cold cache and far more from a network drive. The
   * verified backups run quick_check instead (se-store-backup.c). */
  if (exists && !_se_store_check_header (path, &is_sqlite, error))
    return NULL;
  if (!exists)
    {
      if (flags & (SE_STORE_OPEN_FLAGS_NO_CREATE | SE_STORE_OPEN_FLAGS_READ_ONLY))
        {
          g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_CANNOT_OPEN,
                       _("“%s” does not exist. Check the name."), name);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
    }

  self = g_object_new (SE_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only_reason = dup_read_only_reason (path, exists, flags);
  self->read_only = self->read_only_reason != NULL;
  self->on_network = _se_store_path_is_on_network (path);

  /* Only a writer takes the lock: a reader (a headless export, a
   * read-only file) changes nothing, and SQLite's shared lock keeps what it
   * reads consistent. */
  if (!self->read_only && (options == NULL || !options->no_lock))
    {
      self->lock = _se_store_lock_acquire (path, FALSE, error);
      if (self->lock == NULL)
        return NULL;
    }

  open_flags = self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  rc = sqlite3_open_v2 (path, &self->db, open_flags | SQLITE_OPEN_NOFOLLOW,
                        options != NULL ? options->vfs : NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc);
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* On a network drive SQLite's locks are unreliable: keep the file locked
   * from the first access until it is closed. The journal stays a rollback
   * journal; WAL needs shared memory that network drives do not have. */
  if (self->on_network && !self->read_only
      && !exec (self, "PRAGMA locking_mode = EXCLUSIVE", error))
    return NULL;

  /* The probes read the header and the schema: one read transaction. It
   * ends before the PRAGMAs below, which do nothing within one. */
  reading = read_begin (self);
  if (!probe (self, &version, error))
    {
      /* A file that begins like SQLite but cannot be read is ours or
       * someone's, damaged; not "not a database". */
      if (is_sqlite && g_error_matches (*error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_A_DATABASE))
        {
          g_clear_error (error);
          g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_CORRUPT,
                               _("The database file is damaged. It was left as it is. "
                                 "Restore the newest backup."));
        }
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  if (!query_int (self->db, "PRAGMA page_count", &page_count, error)
      || !query_int (self->db, "PRAGMA page_size", &page_size, error)
      || !_se_store_check_size (path, page_count, page_size, error))
    return NULL;
  read_end (self, reading);

  /* temp_store: a statement that fires triggers within a longer
   * transaction (each line of an import) keeps its statement journal in
   * memory; on disk it was 20 writes per saved record. */
  if (!exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                   "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;", error))
    return NULL;

  if (version < se_store_get_schema_version ())
    {
      if (self->read_only)
        {
          g_set_error (error, SE_STORE_ERROR, SE_STORE_ERROR_READ_ONLY,
                       _("“%s” must be brought up to date, but it can only be read. Ask "
                         "for write access to the file and its folder."), name);
          return NULL;
        }
      /* A copy of the old file to go back to, should the new version
       * turn out wrong. Without it the file is not touched. */
      if (version > 0 && !_se_store_backup_before_migration (self, version, error))
        return NULL;
      if (!migrate (self, version, error))
        return NULL;
    }

  {
    gint64 fk = 0;
    if (!query_int (self->db, "PRAGMA foreign_keys", &fk, error))
      return NULL;
    g_assert (fk == 1);
  }

  sqlite3_update_hook (self->db, update_hook, self);

  return g_steal_pointer (&self);
}

/* For the store's other files: the same words for the same SQLite errors. */
void
_se_store_set_error (SeStore  *self,
                     int       rc,
                     GError  **error)
{
  set_sqlite_error (error, self->db, rc);
}

/* For the store's other files (se-store-query.c): a cached statement,
 * reset and unbound. */
sqlite3_stmt *
_se_store_prepare (SeStore     *self,
                   const char  *sql,
                   GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                           _("The database is closed."));
      return NULL;
    }
  return prepare (self, sql, error);
}

/* For the store's other files (se-store-checks.c): the connection, or NULL
 * once closed. */
sqlite3 *
_se_store_get_db (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  return self->db;
}

/* Prepares @sql on a statement of its own, not the store's cache: the
 * callbacks of a query may look records up, which steps cached ones. For
 * the queries of se-store-*.c: step it with _se_store_query_next (). */
sqlite3_stmt *
_se_store_query_begin (SeStore     *self,
                       const char  *sql,
                       GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = _se_store_get_open_db (self, error);

  if (db == NULL)
    return NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, db, sqlite3_extended_errcode (db));
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Steps @stmt to its next row; at the end or on an error finalises it and
 * sets *@ok (with @error) to how it went. */
gboolean
_se_store_query_next (SeStore       *self,
                      sqlite3_stmt  *stmt,
                      gboolean      *ok,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  *ok = rc == SQLITE_DONE;
  if (!*ok)
    set_sqlite_error (error, self->db, sqlite3_extended_errcode (self->db));
  sqlite3_finalize (stmt);
  return FALSE;
}

/* The connection, or %NULL and an error saying so once the store is
 * closed: for the queries of se-store-*.c. */
sqlite3 *
_se_store_get_open_db (SeStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  if (self->db == NULL)
    g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                         _("The database is closed. Open it again."));
  return self->db;
}

const char *
se_store_get_path (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  return self->path;
}

gboolean
se_store_is_read_only (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * se_store_get_read_only_reason:
 *
 * Returns: (nullable): why the store is read-only, in a sentence that says
 *   what to do; %NULL when it can be changed
 */
const char *
se_store_get_read_only_reason (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  return self->read_only_reason;
}

/**
 * se_store_is_on_network:
 *
 * Returns: whether the file lies on a network drive (SMB/CIFS, NFS, FUSE,
 *   ...). It is then held in exclusive locking mode while open, and the
 *   window warns that a network drive is riskier than a local disk.
 */
gboolean
se_store_is_on_network (SeStore *self)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return self->on_network;
}

/**
 * se_store_close:
 *
 * Closes the database; an open transaction is rolled back. The lists keep
 * what they hold but no longer change.
 */
void
se_store_close (SeStore *self)
{
  g_return_if_fail (SE_IS_STORE (self));

  if (self->db != NULL)
    {
      se_store_rollback (self);
      g_hash_table_remove_all (self->statements);
      sqlite3_close (self->db);
      self->db = NULL;
    }

  /* Only once the file is closed, so that the next process finds no
   * journal being finished. */
  g_clear_pointer (&self->lock, _se_store_lock_release);
}

static void
se_store_finalize (GObject *object)
{
  SeStore *self = SE_STORE (object);

  se_store_close (self);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_pointer (&self->identities, g_hash_table_unref);
  g_clear_pointer (&self->table_types, g_hash_table_unref);
  g_clear_pointer (&self->select_by_id, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->inserted, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_done, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (se_store_parent_class)->finalize (object);
}

static void
se_store_class_init (SeStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = se_store_finalize;

  /**
   * SeStore::changed:
   *
   * Emitted after a transaction that changed records has committed and the
   * lists have been brought up to date.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SeStore::record-changed:
   * @store: the store
   * @record_type: the kind of record
   * @id: its id
   * @change: a #SeStoreChange: inserted, updated or deleted
   *
   * Emitted once per row a committed transaction touched (cascades
   * included; a row touched twice may be reported twice), after the lists
   * and the live records are up to date and before #SeStore::changed.
   * The rows a bulk insert added (a CSV import) are reported together:
   * once per kind, with @id 0 and %SE_STORE_CHANGE_INSERT; so are the
   * rows another connection added (se_store_notify_changed_elsewhere()).
   */
  signals[SIGNAL_RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_GTYPE, G_TYPE_INT64, G_TYPE_INT);
}

static void
se_store_init (SeStore *self)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->lists = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->identities = g_hash_table_new_full (identity_hash, identity_equal, NULL, identity_free);
  self->table_types = g_hash_table_new (g_str_hash, g_str_equal);
  self->select_by_id = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Change));
  self->inserted = g_ptr_array_new_with_free_func (g_object_unref);
  self->bulk_done = g_ptr_array_new_with_free_func (bulk_free);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      g_hash_table_insert (self->table_types,
                           (gpointer) se_record_class_get_table (SE_RECORD_CLASS (klass)),
                           GSIZE_TO_POINTER (types[i]));
    }
}
