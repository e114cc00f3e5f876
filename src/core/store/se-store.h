/* se-store.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "se-record.h"

G_BEGIN_DECLS

/* "SeXc": marks a file as ours in the SQLite header. */
#define SE_STORE_APPLICATION_ID 0x53655863

typedef enum
{
  SE_STORE_OPEN_FLAGS_NONE = 0,
  SE_STORE_OPEN_FLAGS_READ_ONLY = 1 << 0,
  SE_STORE_OPEN_FLAGS_NO_CREATE = 1 << 1,
} SeStoreOpenFlags;

/**
 * SeStoreRole:
 * @SE_STORE_ROLE_UNMANAGED: a file, or a server whose roles were never
 *   set up: whatever the connection may do
 * @SE_STORE_ROLE_READER: browse, search, print and export
 * @SE_STORE_ROLE_CLERK: a reader who also creates, edits and deletes
 *   records (not people: deleting one is erasing personal data)
 * @SE_STORE_ROLE_ADMINISTRATOR: a clerk who also takes the privacy
 *   actions, upgrades the schema and gives roles
 *
 * What the server lets the signed-in user do (se-store-roles.c).
 */
typedef enum
{
  SE_STORE_ROLE_UNMANAGED,
  SE_STORE_ROLE_READER,
  SE_STORE_ROLE_CLERK,
  SE_STORE_ROLE_ADMINISTRATOR,
} SeStoreRole;

/* What a committed transaction did to a row (SeStore::record-changed). */
typedef enum
{
  SE_STORE_CHANGE_INSERT,
  SE_STORE_CHANGE_UPDATE,
  SE_STORE_CHANGE_DELETE,
} SeStoreChange;

#define SE_TYPE_STORE (se_store_get_type ())

G_DECLARE_FINAL_TYPE (SeStore, se_store, SE, STORE, GObject)

char        *se_store_dup_default_path  (void);
int          se_store_get_schema_version (void);
const GType *se_store_get_record_types  (guint             *n_types);

SeStore     *se_store_open              (const char        *path,
                                         SeStoreOpenFlags   flags,
                                         GError           **error);
gboolean     se_store_location_is_server (const char       *location);
char        *se_store_dup_location_name (const char *location);
char        *se_store_dup_location_to_remember (const char *location);
SeStore     *se_store_open_location     (const char        *location,
                                         SeStoreOpenFlags   flags,
                                         GError           **error);
SeStore     *se_store_open_location_as (const char      *location,
                                        SeStoreOpenFlags flags,
                                        const char      *user,
                                        const char      *password,
                                        GError         **error);
void         se_store_forget_login (const char *location);
const char  *se_store_get_path          (SeStore           *self);
gboolean     se_store_is_read_only      (SeStore           *self);
const char  *se_store_get_read_only_reason (SeStore        *self);
gboolean     se_store_is_on_network     (SeStore           *self);
gboolean     se_store_is_server         (SeStore           *self);
gboolean     se_store_upgrade_schema    (SeStore           *self,
                                         GError           **error);
gboolean     se_store_copy_to           (SeStore           *self,
                                         SeStore           *target,
                                         GError           **error);
gboolean     se_store_check_integrity   (SeStore           *self,
                                         gboolean           quick,
                                         GError           **error);
void         se_store_close             (SeStore           *self);

GListModel  *se_store_get_list          (SeStore           *self,
                                         GType              record_type);
SeRecord    *se_store_lookup            (SeStore           *self,
                                         GType              record_type,
                                         gint64             id);
GPtrArray   *se_store_find              (SeStore           *self,
                                         GType              record_type,
                                         const char        *field,
                                         gint64             id);
guint        se_store_count             (SeStore           *self,
                                         GType              record_type);
gboolean     se_store_is_empty          (SeStore           *self);

gboolean     se_store_save              (SeStore           *self,
                                         SeRecord          *record,
                                         const char       **field,
                                         GError           **error);
gboolean     se_store_delete            (SeStore           *self,
                                         SeRecord          *record,
                                         GError           **error);

void         se_store_notify_changed_elsewhere (SeStore    *self,
                                                GType       record_type);
void         se_store_notify_rows_changed_elsewhere (SeStore      *self,
                                                     GType         record_type,
                                                     const gint64 *ids,
                                                     guint         n_ids);
void         se_store_listen (SeStore *self);

void         se_store_set_editing (SeStore  *self,
                                   SeRecord *record);
char        *se_store_dup_editor (SeStore  *self,
                                  SeRecord *record);
char        *se_store_dup_maintainer (SeStore *self);

SeStoreRole  se_store_get_role (SeStore *self);
gboolean     se_store_may_manage_privacy (SeStore *self);
gboolean     se_store_may_delete (SeStore *self,
                                  GType    record_type);
gboolean     se_store_grant_role (SeStore    *self,
                                  SeStoreRole role,
                                  const char *user,
                                  GError    **error);
const char  *se_store_role_get_name (SeStoreRole role);
const char  *se_store_role_get_label (SeStoreRole role);
gboolean     se_store_role_from_name (const char  *name,
                                      SeStoreRole *role);
gboolean     se_store_get_live (SeStore *self);
gboolean     se_store_get_last_change (SeStore    *self,
                                       SeRecord   *record,
                                       char      **actor,
                                       GDateTime **at);

gboolean     se_store_begin             (SeStore           *self,
                                         GError           **error);
gboolean     se_store_commit            (SeStore           *self,
                                         GError           **error);
void         se_store_rollback          (SeStore           *self);
gboolean     se_store_in_transaction    (SeStore           *self);
gboolean     se_store_compact_search    (SeStore           *self,
                                         GError           **error);

gboolean     se_store_attach_document   (SeStore           *self,
                                         gint64             agreement_id,
                                         const char        *file_name,
                                         GBytes            *data,
                                         GError           **error);
GBytes      *se_store_load_document     (SeStore           *self,
                                         gint64             agreement_id,
                                         GError           **error);
gboolean     se_store_remove_document   (SeStore           *self,
                                         gint64             agreement_id,
                                         GError           **error);

/* The audit trail (se-store-audit.c): a GListModel of SeAuditEntry. */
GListModel  *se_store_get_audit_log     (SeStore           *self,
                                         guint              offset,
                                         guint              limit,
                                         GError           **error);
guint        se_store_count_audit_log   (SeStore           *self);

G_END_DECLS
