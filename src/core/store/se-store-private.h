/* se-store-private.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The store folder's own header: what its files share. They speak SQL
 * through the backend interface (se-db.h); the core's other folders
 * include se-store-jobs.h instead and never see SQL. */

#include "se-db.h"

#include "se-private-file.h"
#include "se-record-list.h"
#include "se-store-jobs.h"
#include "se-store.h"

G_BEGIN_DECLS

/* The store object (se-store*.c) */

typedef struct _SeStoreLock SeStoreLock;

typedef SeStoreChange ChangeKind;
#define CHANGE_INSERT SE_STORE_CHANGE_INSERT
#define CHANGE_UPDATE SE_STORE_CHANGE_UPDATE
#define CHANGE_DELETE SE_STORE_CHANGE_DELETE

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

/* What differs between the SQL of a file and of a server
 * (se-store-dialect.c) */
typedef struct
{
  const char  *name;
  char       *(*dup_count) (const char *table);   /* the records @table holds */
  /* What a bulk insert does besides inserting its rows (se-store-write.c) */
  gboolean    (*bulk_begin) (SeStore *self,
                             GError **error);
  gboolean    (*bulk_end)   (SeStore *self,
                             GError **error);
  gboolean (*bulk_insert) (SeStore  *self,
                           SeRecord *record,
                           gboolean  keep_id,
                           guint     tag,
                           GError  **error);
  /* Sends the rows bulk_insert kept back; NULL where it keeps none */
  gboolean (*bulk_flush) (SeStore *self,
                          GError **error);
  /* Search: what ?1 is made of the user's words (NULL for no search),
   * the ids of @table's records that ?1 finds, and whether the
   * placements' search table is in the list's order (the file's is) */
  char       *(*dup_match) (const char *search);
  char       *(*dup_search_ids) (const char *table);
  gboolean    search_in_list_order;
  /* Around a copy of a whole database into this empty one: what the row
   * triggers would do for each row, done at the end for all (NULL where
   * the triggers may as well run) */
  gboolean (*copy_begin) (SeStore *self,
                          GError **error);
  gboolean (*copy_end) (SeStore *self,
                        GError **error);
  /* After rows were inserted into @table with ids of their own (a copy,
   * an import that keeps ids): the ids given next follow them. NULL
   * where that is so anyway (SQLite's rowid). */
  gboolean    (*after_ids) (SeStore    *self,
                            const char *table,
                            GError    **error);
  /* Whether a list view counts its rows only after its first page
   * (se_query_model_new_for_view ()): where a count of a large table takes
   * many times as long as the page */
  gboolean     count_after_first_page;
  /* A number that changes whenever any connection changed the data */
  const char  *data_version;
  /* Merges the search indexes, dropping the words of changed rows
   * (se_store_compact_search ()); NULL where nothing needs it */
  gboolean    (*compact_search) (SeStore *self,
                                 gpointer data,
                                 GError **error);
  /* The records of a list's page that no object holds yet, in one
   * statement where each is a round trip (se-store-read.c); NULL where
   * reading them one by one is as quick */
  void (*load_many) (SeStore      *self,
                     GType         record_type,
                     const gint64 *ids,
                     guint         n_ids,
                     SeRecord    **records);
} SeStoreDialect;

const SeStoreDialect *_se_store_dialect (gboolean server);
gboolean _se_store_bulk_begin_file   (SeStore  *self,
                                      GError  **error);
gboolean _se_store_bulk_end_file     (SeStore  *self,
                                      GError  **error);
gboolean              _se_store_bulk_insert_file (SeStore  *self,
                                                  SeRecord *record,
                                                  gboolean  keep_id,
                                                  guint     tag,
                                                  GError  **error);
gboolean              _se_store_bulk_insert_server (SeStore  *self,
                                                    SeRecord *record,
                                                    gboolean  keep_id,
                                                    guint     tag,
                                                    GError  **error);
gboolean              _se_store_bulk_flush_server (SeStore *self,
                                                   GError **error);
gboolean _se_store_bulk_begin_server (SeStore  *self,
                                      GError  **error);
gboolean _se_store_bulk_end_server   (SeStore  *self,
                                      GError  **error);
gboolean              _se_store_copy_begin_file (SeStore *self,
                                                 GError **error);
gboolean              _se_store_copy_end_file (SeStore *self,
                                               GError **error);
gboolean              _se_store_read_role (SeStore    *self,
                                           const char *where,
                                           GError    **error);
gboolean              _se_store_refresh_roles (SeStore *self,
                                               GError **error);
gboolean              _se_store_copy_begin_server (SeStore *self,
                                                   GError **error);
gboolean              _se_store_copy_end_server (SeStore *self,
                                                 GError **error);
gboolean _se_store_after_ids_server     (SeStore    *self,
                                        const char *table,
                                        GError    **error);
void                  _se_store_load_many_server (SeStore      *self,
                                                  GType         record_type,
                                                  const gint64 *ids,
                                                  guint         n_ids,
                                                  SeRecord    **records);
char    *_se_store_dup_search_ids_file   (const char *table);
char    *_se_store_dup_search_ids_server (const char *table);
char    *_se_store_dup_match_server      (const char *search);
gboolean _se_store_compact_search_file (SeStore  *self,
                                        gpointer  data,
                                        GError  **error);

struct _SeStore
{
  GObject     parent_instance;

  char       *path;         /* a file, or a server's conninfo */
  SeDb       *db;
  gboolean    server;       /* on PostgreSQL rather than in a file */
  const SeStoreDialect *dialect;
  gboolean    read_only;
  char       *read_only_reason;
  SeStoreRole           role;          /* on a server whose roles are set up */
  const char           *editing_table; /* the record this store edits (se-store-presence.c) */
  GType                 editing_type;
  gboolean              maintaining; /* this transaction holds the maintenance lock */
  gint64                editing_id;
  gboolean    on_network;
  SeStoreLock *lock;        /* <path>.lock while open for writing */
  SeDbListener         *listener;    /* a server's, once se_store_listen () */
  gboolean              live;        /* the listener listens */

  GHashTable *statements;   /* SQL text -> SeDbStmt */
  GHashTable *lists;        /* GType -> SeRecordList */
  GHashTable *identities;   /* Identity -> itself */
  GHashTable *table_types;  /* table name -> GType */
  GHashTable *select_by_id; /* GType -> the SQL that loads one record */

  gboolean    in_transaction;
  GArray     *pending;      /* Change */
  GPtrArray  *inserted;     /* records given an id in the open transaction */
  GPtrArray            *updated;      /* records whose row version it moved on, once per update */

  /* A bulk insert (_se_store_bulk_begin): the rows it inserts are neither
   * tracked one by one nor handed out as objects. */
  GType       bulk_type;        /* 0 when none is under way */
  const char *bulk_table;
  SeDbStmt   *bulk_insert;      /* a new id */
  SeDbStmt   *bulk_restore;     /* the id of the record */
  GArray     *bulk_ids;         /* gint64, in the order inserted */
  GPtrArray  *bulk_triggers;    /* char*: name, its SQL, its bulk SQL, name, ... */
  gint64      bulk_cache_size;
  GPtrArray  *bulk_indexes;     /* char*: name, its SQL, name, ... */
  gint64      bulk_drop_at;     /* rows inserted when they are dropped */
  gboolean    bulk_dropped;
  guint       bulk_n_dropped;   /* of bulk_indexes' entries */
  GPtrArray  *bulk_done;        /* Bulk, ended in the open transaction */
  GPtrArray            *copy_triggers;    /* char*: a trigger a copy dropped, its SQL, ... */
  SeStoreBulkFailFunc   bulk_fail;
  gpointer              bulk_fail_data;
  /* The server's: rows kept back and sent together, with ids taken from
   * the server beforehand */
  SeDbStmt             *bulk_copy;
  GPtrArray            *bulk_queue; /* SeRecord, the rows kept back */
  GArray               *bulk_tags;  /* guint, theirs */
  GPtrArray            *bulk_sent;  /* SeRecord, the rows sent last, until they are in */
  GArray               *bulk_sent_tags;
  GArray               *bulk_pool; /* gint64, ids taken for new rows, unused */
  guint                 bulk_pool_next;
  gint64                bulk_max_kept; /* the highest id a row kept, 0 for none */
};

typedef struct
{
  GType   type;
  GArray *ids;
} Bulk;

/* The store object, split by concern: se-store.c opens and closes,
 * se-store-read.c loads records and keeps one object per row,
 * se-store-changes.c tracks what a transaction did and tells the lists,
 * se-store-write.c saves, deletes, restores and inserts in bulk. */
void      _se_store_set_db_error        (GError       **error,
                                         SeDb          *db,
                                         SeDbResult     rc);
SeDbStmt *_se_store_prepare_cached      (SeStore       *self,
                                         const char    *sql,
                                         GError       **error);
gboolean  _se_store_check               (SeStore       *self,
                                         SeDbResult     rc,
                                         GError       **error);
gboolean  _se_store_exec                (SeStore       *self,
                                         const char    *sql,
                                         GError       **error);
gboolean  _se_store_query_int           (SeDb          *db,
                                         const char    *sql,
                                         gint64        *value,
                                         GError       **error);
void      _se_store_emit_record_changed (SeStore       *self,
                                         GType          type,
                                         gint64         id,
                                         ChangeKind     kind);
void      _se_store_emit_changed        (SeStore       *self);
void      _se_store_emit_presence_changed (SeStore *self,
                                           GType    type,
                                           gint64   id);
gboolean  _se_store_check_maintenance (SeStore *self,
                                       GError **error);
gboolean  _se_store_take_maintenance (SeStore *self,
                                      GError **error);
void      _se_store_end_maintenance (SeStore *self);
void      _se_store_emit_maintenance_changed (SeStore *self);
gboolean  _se_store_presence_notified (SeStore      *self,
                                       const char   *table,
                                       const gint64 *ids,
                                       guint         n_ids);
void      _se_store_bulk_free           (gpointer       data);

/* Rows and the identity map (se-store-read.c) */
char     *_se_store_column_name         (const char    *field);
void      _se_store_read_row            (SeRecord      *record,
                                         SeDbStmt      *stmt);
void      _se_store_bind_field          (SeDbStmt      *stmt,
                                         int            col,
                                         SeRecord      *record,
                                         const SeField *f);
char     *_se_store_select_sql          (SeRecordClass *klass,
                                         const char    *where);
guint     _se_store_identity_hash       (gconstpointer  key);
gboolean  _se_store_identity_equal      (gconstpointer  a,
                                         gconstpointer  b);
void      _se_store_identity_free       (gpointer       data);
SeRecord *_se_store_identity_find       (SeStore       *self,
                                         GType          type,
                                         gint64         id);
void      _se_store_identity_add        (SeStore       *self,
                                         SeRecord      *record);
void      _se_store_identity_remove     (SeStore       *self,
                                         GType          type,
                                         gint64         id);
SeRecord *_se_store_load_record         (SeStore       *self,
                                         GType          type,
                                         gint64         id);

/* Transactions (se-store-changes.c) and bulk inserts (se-store-write.c) */
gboolean  _se_store_run_write           (SeStore       *self,
                                         gboolean       (*step) (SeStore *, gpointer, GError **),
                                         gpointer       data,
                                         GError       **error);
void      _se_store_bulk_clear          (SeStore       *self);
void      _se_store_reread_all (SeStore *self);
void      _se_store_set_live (SeStore *self,
                              gboolean live);
void      _se_store_update_hook         (gpointer       user_data,
                                         SeDbChange     op,
                                         const char    *table,
                                         gint64         rowid);

/* The words a record is found by, the same on both backends' search
 * tables (se-store-schema.c, se-store-schema-pg.c); @agg joins the words
 * of several rows: group_concat on SQLite, string_agg on the server. */
#define SE_SEARCH_PLACEMENT_TEXT(agg) \
  "p.title || ' ' || coalesce (p.location, '')" \
  " || ' ' || coalesce ((SELECT " agg " (t.name, ' ') FROM placement_topic pt" \
  "   JOIN topic t ON t.id = pt.topic_id WHERE pt.placement_id = p.id), '')" \
  " || ' ' || coalesce ((SELECT " agg " (coalesce (pe.given_name, '') || ' ' || pe.family_name, ' ')" \
  "   FROM participant pa JOIN person pe ON pe.id = pa.person_id WHERE pa.placement_id = p.id), '')"

#define SE_SEARCH_ORGANISATION_TEXT(agg) \
  "o.name || ' ' || coalesce (o.short_name, '') || ' ' || coalesce (o.region, '')" \
  " || ' ' || coalesce (o.address, '')"

#define SE_SEARCH_PERSON_TEXT(agg) \
  "coalesce (pe.given_name, '') || ' ' || pe.family_name || ' ' || coalesce (pe.function, '')"

#define SE_SEARCH_PARTNERSHIP_TEXT(agg) \
  "coalesce (ps.title, '')" \
  " || ' ' || coalesce ((SELECT name FROM organisation WHERE id = ps.organisation_a_id), '')" \
  " || ' ' || coalesce ((SELECT name FROM organisation WHERE id = ps.organisation_b_id), '')"

#define SE_SEARCH_AGREEMENT_TEXT(agg) \
  "a.title || ' ' || coalesce (a.reference, '')"


/* Schema: one SQL script per user_version step. */

/* The tables of the records (se_store_get_record_types ()), as a list
 * that each dialect's migrations expand with a piece of SQL per table:
 * SE_RECORD_TABLES (X) is X ("organisation") X ("unit") … */
#define SE_RECORD_TABLES(X) \
  X ("organisation") \
  X ("unit") X ("person") X ("topic") X ("partnership") X ("agreement") \
    X ("signatory") X ("approval") X ("placement") X ("participant") X ("programme_item") \
      X ("prerequisite") X ("placement_topic")

typedef struct
{
  int         version;
  const char *sql;
} SeMigration;

const SeMigration *_se_store_get_migrations    (guint           *n_migrations);
const SeMigration *_se_store_get_pg_migrations (guint           *n_migrations);
char              *_se_store_dup_bulk_sql      (const char      *table,
                                                const char      *trigger);
const char        *_se_store_get_pg_bulk_search_sql (const char *table);
const char        *_se_store_get_pg_fill_search_sql (void);
const char        *_se_store_get_fill_search_sql (void);
SeDb              *_se_store_get_db            (SeStore         *self);
SeDb              *_se_store_get_open_db       (SeStore         *self,
                                                GError         **error);
SeDbStmt          *_se_store_query_begin       (SeStore         *self,
                                                const char      *sql,
                                                GError         **error);
gboolean           _se_store_query_next        (SeStore         *self,
                                                SeDbStmt        *stmt,
                                                gboolean        *ok,
                                                GError         **error);
void               _se_store_set_error         (SeStore         *self,
                                                SeDbResult       rc,
                                                GError         **error);

/* Test hooks of the opening (se-store.c) */
typedef struct
{
  const char *vfs;             /* an SQLite VFS name; NULL for the default */
  gboolean    no_lock;         /* leave out the lock file, SQLite's locks only */
} SeStoreOpenOptions;

SeStore           *_se_store_open_with_options (const char               *path,
                                                SeStoreOpenFlags          flags,
                                                const SeStoreOpenOptions *options,
                                                GError                  **error);
SeStore           *_se_store_open_with_vfs     (const char               *path,
                                                SeStoreOpenFlags          flags,
                                                const char               *vfs,
                                                GError                  **error);

/* The probe (se-store-probe.c): what a database file is, before and
 * around SQLite. The header at opening, network file systems, and the
 * check of a whole file (application id, schema version, quick_check). */
gboolean           _se_store_check_header      (const char   *path,
                                                gboolean     *is_sqlite,
                                                GError      **error);
gboolean           _se_store_check_size        (const char   *path,
                                                gint64        page_count,
                                                gint64        page_size,
                                                GError      **error);
gboolean           _se_store_fs_magic_is_network (gint64      magic);
gboolean           _se_store_path_is_on_network (const char  *path);
gboolean           _se_store_verify_file       (const char   *path,
                                                GError      **error);

/* The lock file (se-store-lock.c): one process at a time per database. */
SeStoreLock       *_se_store_lock_acquire      (const char   *path,
                                                gboolean      exclusive,
                                                GError      **error);
void               _se_store_lock_release      (SeStoreLock  *lock);

/* The store's side of backups (se-store-backup.c): a verified copy of
 * one file. Called by the backup folder's policy, never the other way. */
SePrivateFile     *_se_store_copy_begin        (SeStore        *store,
                                                const char     *src_path,
                                                const char     *dest_path,
                                                GError        **error);
gboolean           _se_store_copy_commit       (SePrivateFile  *file,
                                                const char     *dest_path,
                                                GError        **error);
gboolean           _se_store_write_copy        (SeStore        *store,
                                                const char     *src_path,
                                                const char     *dest_path,
                                                GError        **error);

/* The backup folder's policy (se-backup.c), as far as the store needs it
 * while it opens a file. */
char              *_se_backup_dup_new_path     (const char   *db_path,
                                                const char   *tag,
                                                GError      **error);
gboolean           _se_store_backup_before_migration (SeStore *self,
                                                      gint64   old_version,
                                                      GError **error);

/* Record lists (se-record-list.c) */
SeRecordList      *_se_record_list_new         (GType         record_type);
void               _se_record_list_append_loaded (SeRecordList *self,
                                                  SeRecord     *record);
void               _se_record_list_insert      (SeRecordList *self,
                                                SeRecord     *record);
void               _se_record_list_changed     (SeRecordList *self,
                                                gint64        id);
void               _se_record_list_remove      (SeRecordList *self,
                                                gint64        id);

/* The lazy list models (se-query-model.c): which rows, in which order.
 * The SQL is written by se-store-query.c from this description. */
/* The rowid of a placement's row in the file's search table: the start
 * date above the id, so that the table's order is the list's (see
 * se-store-schema.c); @p is the placement table's alias. */
#define SE_STORE_PLACEMENT_SEARCH_KEY(p) \
  "((CAST (replace (" p ".start_date, '-', '') AS INTEGER) << 32) | " p ".id)"

typedef struct
{
  GType       type;
  const char *search;          /* the user's words; NULL or "" for all */
  const char *kind;            /* an enum nick; NULL for any */
  const char *status;          /* an enum nick; NULL for any */
  int         year;            /* 0 for any */
  gint64      organisation_id; /* 0 for any */
} SeQuerySpec;

SeDbStmt *_se_store_prepare     (SeStore           *self,
                                 const char        *sql,
                                 GError           **error);
gboolean  _se_store_query_ids (SeStore           *self,
                               const SeQuerySpec *spec,
                               gint64             after_id,
                               guint              limit,
                               GArray            *ids,
                               GError           **error);
gboolean  _se_store_query_count (SeStore           *self,
                                 const SeQuerySpec *spec,
                                 guint             *count,
                                 GError           **error);
char     *_se_store_dup_match   (const char        *search);
void      _se_store_lookup_many (SeStore           *self,
                                 GType              record_type,
                                 const gint64      *ids,
                                 guint              n_ids,
                                 SeRecord         **records);

G_END_DECLS
