/* se-store-private.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "se-record-list.h"
#include "se-store.h"

G_BEGIN_DECLS

/* Schema: one SQL script per user_version step. */
typedef struct
{
  int         version;
  const char *sql;
} SeMigration;

const SeMigration *_se_store_get_migrations    (guint        *n_migrations);

SeRecordList      *_se_record_list_new         (GType         record_type);
void               _se_record_list_append_loaded (SeRecordList *self,
                                                  SeRecord     *record);
void               _se_record_list_insert      (SeRecordList *self,
                                                SeRecord     *record);
void               _se_record_list_changed     (SeRecordList *self,
                                                gint64        id);
void               _se_record_list_remove      (SeRecordList *self,
                                                gint64        id);

gboolean           _se_store_restore           (SeStore      *self,
                                                SeRecord     *record,
                                                GError      **error);
gboolean           _se_store_delete_quietly    (SeStore      *self,
                                                SeRecord     *record,
                                                GError      **error);

G_END_DECLS
