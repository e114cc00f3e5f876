/* se-backup.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "se-store.h"

G_BEGIN_DECLS

/* Automatic backups: at most one every so often, the newest few kept. */
#define SE_BACKUP_DEFAULT_INTERVAL (6 * G_TIME_SPAN_HOUR)
#define SE_BACKUP_KEEP 10

char      *se_backup_dup_folder              (const char  *db_path);

gboolean   se_store_backup                   (SeStore     *store,
                                              const char  *dest_path,
                                              GError     **error);
gboolean   se_store_backup_if_due            (SeStore     *store,
                                              GTimeSpan    interval,
                                              char       **made,
                                              GError     **error);
gboolean   se_backup_rotate                  (const char  *db_path,
                                              guint        keep,
                                              GError     **error);
GPtrArray *se_store_list_backups             (const char  *db_path);
gboolean   se_store_verify_backup            (const char  *backup_path,
                                              GError     **error);
gboolean   se_store_restore_backup           (const char  *db_path,
                                              const char  *backup_path,
                                              char       **moved_to,
                                              GError     **error);
gboolean   se_store_move_aside_corrupt       (const char  *db_path,
                                              char       **moved_to,
                                              GError     **error);
char      *se_store_find_newest_good_backup  (const char  *db_path);

G_END_DECLS
