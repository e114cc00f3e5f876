/* se-deletion.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"
#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_DELETION (se_deletion_get_type ())

G_DECLARE_FINAL_TYPE (SeDeletion, se_deletion, SE, DELETION, GObject)

SeDeletion *se_deletion_new                 (SeStore     *store,
                                             SeRecord    *record);
SeRecord   *se_deletion_get_record          (SeDeletion  *self);
gboolean    se_deletion_affects_others      (SeDeletion  *self);
GPtrArray  *se_deletion_get_affected        (SeDeletion  *self);
char       *se_deletion_describe_affected   (SeDeletion  *self);
gboolean    se_deletion_execute             (SeDeletion  *self,
                                             GError     **error);
gboolean    se_deletion_undo                (SeDeletion  *self,
                                             GError     **error);

G_END_DECLS
