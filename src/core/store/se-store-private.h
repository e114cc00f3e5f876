/* se-store-private.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The store folder's own header: what its files share, SQLite included.
 * The core's other folders include se-store-jobs.h instead and never see
 * SQL. */

#include <sqlite3.h>

#include "se-private-file.h"
#include "se-record-list.h"
#include "se-store-jobs.h"
#include "se-store.h"

G_BEGIN_DECLS

/* Schema: one SQL script per user_version step. */
typedef struct
{
  int         version;
  const char *sql;
} SeMigration;

const SeMigration *_se_store_get_migrations    (guint        *n_migrations);
char              *_se_store_dup_bulk_sql      (const char   *table,
                                                const char   *trigger);
sqlite3           *_se_store_get_db            (SeStore      *self);
sqlite3           *_se_store_get_open_db       (SeStore      *self,
                                                GError      **error);
sqlite3_stmt      *_se_store_query_begin       (SeStore      *self,
                                                const char   *sql,
                                                GError      **error);
gboolean           _se_store_query_next        (SeStore      *self,
                                                sqlite3_stmt *stmt,
                                                gboolean     *ok,
                                                GError      **error);
void               _se_store_set_error         (SeStore      *self,
                                                int           rc,
                                                GError      **error);

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
typedef struct _SeStoreLock SeStoreLock;

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
typedef struct
{
  GType       type;
  const char *search;          /* the user's words; NULL or "" for all */
  const char *kind;            /* an enum nick; NULL for any */
  const char *status;          /* an enum nick; NULL for any */
  int         year;            /* 0 for any */
  gint64      organisation_id; /* 0 for any */
} SeQuerySpec;

sqlite3_stmt      *_se_store_prepare           (SeStore      *self,
                                                const char   *sql,
                                                GError      **error);
gboolean           _se_store_query_ids         (SeStore            *self,
                                                const SeQuerySpec  *spec,
                                                guint               offset,
                                                guint               limit,
                                                GArray             *ids,
                                                GError            **error);
gboolean           _se_store_query_count       (SeStore            *self,
                                                const SeQuerySpec  *spec,
                                                guint              *count,
                                                GError            **error);
char              *_se_store_dup_match         (const char         *search);
void               _se_store_lookup_many       (SeStore            *self,
                                                GType               record_type,
                                                const gint64       *ids,
                                                guint               n_ids,
                                                SeRecord          **records);
G_END_DECLS
