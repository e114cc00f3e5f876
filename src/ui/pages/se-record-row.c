/* se-record-row.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include "se-describe.h"
#include "se-pages-private.h"

/* A record related to the one a page shows: its title and subtitle, and
 * an action that takes the record's type's name and id, which opens or
 * edits it. The row keeps no record: the action looks it up. */

struct _SeRecordRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *icon;
};

G_DEFINE_FINAL_TYPE (SeRecordRow, se_record_row, ADW_TYPE_ACTION_ROW)

static void
se_record_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SE_TYPE_RECORD_ROW);

  G_OBJECT_CLASS (se_record_row_parent_class)->dispose (object);
}

static void
se_record_row_class_init (SeRecordRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = se_record_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SeRecordRow, icon);
}

static void
se_record_row_init (SeRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * se_record_row_new:
 * @action_name: the action the row activates with "(sx)": the record's
 *   type's name and its id
 * @icon_name: the icon at its end, which says what the action does
 *
 * Returns: (transfer floating): the row of @record
 */
GtkWidget *
se_record_row_new (SeStore    *store,
                   SeRecord   *record,
                   const char *action_name,
                   const char *icon_name)
{
  SeRecordRow *self = g_object_new (SE_TYPE_RECORD_ROW, NULL);
  g_autofree char *title = se_describe_title (store, record);
  g_autofree char *subtitle = se_describe_subtitle (store, record);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "(sx)", G_OBJECT_TYPE_NAME (record),
                                    se_record_get_id (record));
  return GTK_WIDGET (self);
}
