/* se-record-row.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_RECORD_ROW (se_record_row_get_type ())

G_DECLARE_FINAL_TYPE (SeRecordRow, se_record_row, SE, RECORD_ROW, AdwActionRow)

GtkWidget *se_record_row_new (SeStore    *store,
                              SeRecord   *record,
                              const char *action_name,
                              const char *icon_name);

G_END_DECLS
