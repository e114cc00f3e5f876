/* se-conflict-dialog.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-store.h"

G_BEGIN_DECLS

/**
 * SeConflictAnswer:
 * @SE_CONFLICT_KEEP_EDITING: go on editing, nothing saved
 * @SE_CONFLICT_KEEP_THEIRS: drop the edit, show the stored record
 * @SE_CONFLICT_SAVE_MINE: save the edit over the stored version (confirmed)
 * @SE_CONFLICT_SAVE_AS_NEW: the record is gone: save the edit as a new one
 *
 * What the user chose when a record being edited was changed or deleted
 * elsewhere.
 */
typedef enum
{
  SE_CONFLICT_KEEP_EDITING,
  SE_CONFLICT_KEEP_THEIRS,
  SE_CONFLICT_SAVE_MINE,
  SE_CONFLICT_SAVE_AS_NEW,
} SeConflictAnswer;

typedef void (*SeConflictFunc) (SeConflictAnswer answer,
                                gpointer         user_data);

void se_conflict_dialog_present (GtkWindow     *parent,
                                 SeStore       *store,
                                 SeRecord      *theirs,
                                 SeRecord      *mine,
                                 const char    *message,
                                 gboolean       compare,
                                 SeConflictFunc func,
                                 gpointer       user_data,
                                 GDestroyNotify destroy);

G_END_DECLS
