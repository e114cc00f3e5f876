/* se-record-dialog.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_RECORD_DIALOG (se_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SeRecordDialog, se_record_dialog, SE, RECORD_DIALOG, AdwWindow)

SeRecordDialog *se_record_dialog_new      (GtkWindow      *parent,
                                           SeStore        *store,
                                           SeRecord       *record);
GtkWidget      *se_record_dialog_get_form (SeRecordDialog *self);

G_END_DECLS
