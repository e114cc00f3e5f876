/* se-audit-entry.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "se-audit-entry.h"
#include "se-record.h"

/* One line of the audit trail: when which record was created, changed or
 * deleted. It names the record by kind and id only: the trail must not
 * keep personal data that an erasure has removed from the records. */

struct _SeAuditEntry
{
  GObject        parent_instance;

  gint64         id;
  GDateTime     *at;
  GType          record_type;
  gint64         record_id;
  SeAuditAction  action;
  char          *actor; /* the server's user who did it; NULL in a file */
};

G_DEFINE_FINAL_TYPE (SeAuditEntry, se_audit_entry, G_TYPE_OBJECT)

static void
se_audit_entry_finalize (GObject *object)
{
  SeAuditEntry *self = SE_AUDIT_ENTRY (object);

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (se_audit_entry_parent_class)->finalize (object);
}

static void
se_audit_entry_class_init (SeAuditEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = se_audit_entry_finalize;
}

static void
se_audit_entry_init (SeAuditEntry *self)
{
}

/**
 * se_audit_entry_new:
 * @at: when it happened (UTC)
 * @record_type: the kind of record, such as %SE_TYPE_PLACEMENT
 *
 * Returns: (transfer full): an entry; the store makes these, see
 *   se_store_get_audit_log()
 */
SeAuditEntry *
se_audit_entry_new (gint64         id,
                    GDateTime     *at,
                    GType          record_type,
                    gint64         record_id,
                    SeAuditAction  action)
{
  SeAuditEntry *self;

  g_return_val_if_fail (at != NULL, NULL);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), NULL);

  self = g_object_new (SE_TYPE_AUDIT_ENTRY, NULL);
  self->id = id;
  self->at = g_date_time_ref (at);
  self->record_type = record_type;
  self->record_id = record_id;
  self->action = action;
  return self;
}

/**
 * se_audit_entry_set_actor:
 * @actor: (nullable): the user on the server who made the change
 */
void
se_audit_entry_set_actor (SeAuditEntry *self,
                          const char   *actor)
{
  g_return_if_fail (SE_IS_AUDIT_ENTRY (self));

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

/**
 * se_audit_entry_get_actor:
 *
 * Returns: (nullable): the user on the server who made the change (its
 *   session_user); %NULL in a file, which has one user
 */
const char *
se_audit_entry_get_actor (SeAuditEntry *self)
{
  g_return_val_if_fail (SE_IS_AUDIT_ENTRY (self), NULL);

  return self->actor;
}

gint64
se_audit_entry_get_id (SeAuditEntry *self)
{
  g_return_val_if_fail (SE_IS_AUDIT_ENTRY (self), 0);

  return self->id;
}

/**
 * se_audit_entry_get_at:
 *
 * Returns: (transfer none): when it happened, in UTC; convert with
 *   g_date_time_to_local() to show it
 */
GDateTime *
se_audit_entry_get_at (SeAuditEntry *self)
{
  g_return_val_if_fail (SE_IS_AUDIT_ENTRY (self), NULL);

  return self->at;
}

GType
se_audit_entry_get_record_type (SeAuditEntry *self)
{
  g_return_val_if_fail (SE_IS_AUDIT_ENTRY (self), G_TYPE_INVALID);

  return self->record_type;
}

gint64
se_audit_entry_get_record_id (SeAuditEntry *self)
{
  g_return_val_if_fail (SE_IS_AUDIT_ENTRY (self), 0);

  return self->record_id;
}

SeAuditAction
se_audit_entry_get_action (SeAuditEntry *self)
{
  g_return_val_if_fail (SE_IS_AUDIT_ENTRY (self), SE_AUDIT_ACTION_UPDATE);

  return self->action;
}

/**
 * se_audit_entry_get_action_label:
 *
 * Returns: (transfer none): what was done, translated: "Created",
 *   "Changed" or "Deleted"
 */
const char *
se_audit_entry_get_action_label (SeAuditEntry *self)
{
  g_return_val_if_fail (SE_IS_AUDIT_ENTRY (self), NULL);

  switch (self->action)
    {
    case SE_AUDIT_ACTION_INSERT:
      return C_("audit action", "Created");
    case SE_AUDIT_ACTION_DELETE:
      return C_("audit action", "Deleted");
    case SE_AUDIT_ACTION_UPDATE:
    default:
      return C_("audit action", "Changed");
    }
}

/**
 * se_audit_entry_dup_summary:
 *
 * Returns: (transfer full): one line for the History page, such as
 *   "Placement 12: Changed", with no content of the record
 */
char *
se_audit_entry_dup_summary (SeAuditEntry *self)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (SE_IS_AUDIT_ENTRY (self), NULL);

  klass = g_type_class_ref (self->record_type);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, self->record_id);
  /* Translators: %1$s is a kind of record, %2$s its number, %3$s what was done,
   * e.g. "Placement 12: Changed" */
  return g_strdup_printf (_("%1$s %2$s: %3$s"),
                          se_record_class_get_kind_label (SE_RECORD_CLASS (klass)),
                          number, se_audit_entry_get_action_label (self));
}
