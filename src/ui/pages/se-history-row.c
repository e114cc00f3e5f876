/* se-history-row.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "se-date.h"
#include "se-describe.h"
#include "se-pages-private.h"

/* One entry of the History page: what was done, when, and to which
 * record, by its title as it is now (the trail itself keeps no content).
 * An entry whose record still exists opens it through the page's
 * "history.open-record" action, with the record's type and id. */

struct _SeHistoryRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *icon;

  SeAuditEntry *entry;
};

G_DEFINE_FINAL_TYPE (SeHistoryRow, se_history_row, ADW_TYPE_ACTION_ROW)

static const char *
action_icon (SeAuditAction action)
{
  switch (action)
    {
    case SE_AUDIT_ACTION_INSERT:
      return "list-add-symbolic";
    case SE_AUDIT_ACTION_UPDATE:
      return "document-edit-symbolic";
    case SE_AUDIT_ACTION_DELETE:
    default:
      return "user-trash-symbolic";
    }
}

static void
se_history_row_dispose (GObject *object)
{
  SeHistoryRow *self = SE_HISTORY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_HISTORY_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (se_history_row_parent_class)->dispose (object);
}

static void
se_history_row_class_init (SeHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = se_history_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SeHistoryRow, icon);
}

static void
se_history_row_init (SeHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * se_history_row_new:
 * @store: the store the trail is of, where the entry's record is looked up
 *
 * Returns: (transfer floating): the row of @entry
 */
GtkWidget *
se_history_row_new (SeStore      *store,
                    SeAuditEntry *entry)
{
  SeHistoryRow *self = g_object_new (SE_TYPE_HISTORY_ROW, NULL);
  g_autoptr(GDateTime) local = g_date_time_to_local (se_audit_entry_get_at (entry));
  g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *date = se_date_format (iso);
  g_autofree char *time = g_date_time_format (local, "%X");
  /* The locale's date and time: 07.03.2026 14:05:09 in German; the date
   * as everywhere else in the app, with the year in full */
  g_autofree char *at = g_strconcat (date, " ", time, NULL);
  const char      *actor = se_audit_entry_get_actor (entry);
  /* Translators: when and by whom a change was made, e.g.
   * "07.03.2026 14:05:09 by m.becker" (a user on the database server) */
  g_autofree char *when = actor != NULL ? g_strdup_printf (_("%1$s by %2$s"), at, actor)
                                        : g_strdup (at);
  g_autofree char *summary = se_audit_entry_dup_summary (entry);
  GType type = se_audit_entry_get_record_type (entry);
  gint64 id = se_audit_entry_get_record_id (entry);
  g_autoptr(SeRecord) record = se_store_lookup (store, type, id);
  g_autofree char *record_title = record != NULL ? se_describe_title (store, record) : NULL;
  g_autofree char *subtitle = NULL;

  self->entry = g_object_ref (entry);

  if (record_title != NULL && *record_title != '\0')
    /* Translators: a History entry's second line: %1$s is the date and time,
     * %2$s the title of the record as it is now */
    subtitle = g_strdup_printf (_("%1$s · %2$s"), when, record_title);
  else if (record == NULL)
    /* Translators: a History entry's second line: %s is the date and time */
    subtitle = g_strdup_printf (_("%s · no longer exists"), when);
  else
    subtitle = g_strdup (when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon),
                                action_icon (se_audit_entry_get_action (entry)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  se_audit_entry_get_action_label (entry), -1);

  if (record != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "history.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "(sx)", g_type_name (type), id);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Open the record"));
    }

  return GTK_WIDGET (self);
}

/**
 * se_history_row_get_entry:
 *
 * Returns: (transfer none): the entry the row shows
 */
SeAuditEntry *
se_history_row_get_entry (SeHistoryRow *self)
{
  g_return_val_if_fail (SE_IS_HISTORY_ROW (self), NULL);

  return self->entry;
}
