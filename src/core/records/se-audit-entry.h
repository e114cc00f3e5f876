/* se-audit-entry.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SE_AUDIT_ACTION_INSERT,
  SE_AUDIT_ACTION_UPDATE,
  SE_AUDIT_ACTION_DELETE,
} SeAuditAction;

#define SE_TYPE_AUDIT_ENTRY (se_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (SeAuditEntry, se_audit_entry, SE, AUDIT_ENTRY, GObject)

SeAuditEntry  *se_audit_entry_new              (gint64         id,
                                                GDateTime     *at,
                                                GType          record_type,
                                                gint64         record_id,
                                                SeAuditAction  action);
gint64         se_audit_entry_get_id           (SeAuditEntry  *self);
void           se_audit_entry_set_actor (SeAuditEntry *self,
                                         const char   *actor);
const char    *se_audit_entry_get_actor (SeAuditEntry *self);
GDateTime     *se_audit_entry_get_at           (SeAuditEntry  *self);
GType          se_audit_entry_get_record_type  (SeAuditEntry  *self);
gint64         se_audit_entry_get_record_id    (SeAuditEntry  *self);
SeAuditAction  se_audit_entry_get_action       (SeAuditEntry  *self);
const char    *se_audit_entry_get_action_label (SeAuditEntry  *self);
char          *se_audit_entry_dup_summary      (SeAuditEntry  *self);

G_END_DECLS
