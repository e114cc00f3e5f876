/* se-retention-dialog.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_RETENTION_DIALOG (se_retention_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SeRetentionDialog, se_retention_dialog, SE, RETENTION_DIALOG, AdwWindow)

SeRetentionDialog *se_retention_dialog_new        (GtkWindow         *parent,
                                                   SeStore           *store);
void               se_retention_dialog_set_today  (SeRetentionDialog *self,
                                                   const char        *today);
guint              se_retention_dialog_get_n_due  (SeRetentionDialog *self);

G_END_DECLS
