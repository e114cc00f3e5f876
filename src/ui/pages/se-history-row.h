/* se-history-row.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-audit-entry.h"
#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_HISTORY_ROW (se_history_row_get_type ())

G_DECLARE_FINAL_TYPE (SeHistoryRow, se_history_row, SE, HISTORY_ROW, AdwActionRow)

GtkWidget    *se_history_row_new       (SeStore      *store,
                                        SeAuditEntry *entry);
SeAuditEntry *se_history_row_get_entry (SeHistoryRow *self);

G_END_DECLS
