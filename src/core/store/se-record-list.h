/* se-record-list.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_RECORD_LIST (se_record_list_get_type ())

G_DECLARE_FINAL_TYPE (SeRecordList, se_record_list, SE, RECORD_LIST, GObject)

GType     se_record_list_get_record_type (SeRecordList *self);
SeRecord *se_record_list_find            (SeRecordList *self,
                                          gint64        id,
                                          guint        *position);

G_END_DECLS
