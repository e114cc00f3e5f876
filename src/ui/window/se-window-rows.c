/* se-window-rows.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include "se-describe.h"
#include "se-enums.h"
#include "se-window-private.h"

/* The rows of the sections' lists: a record's title and subtitle, and its
 * status as a small coloured label. A row knows the store it describes
 * its record from and the record it is bound to, so that it follows the
 * record's changes by itself. */

#define SE_TYPE_WINDOW_ROW (se_window_row_get_type ())

G_DECLARE_FINAL_TYPE (SeWindowRow, se_window_row, SE, WINDOW_ROW, GtkBox)

struct _SeWindowRow
{
  GtkBox     parent_instance;

  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *status;

  /* Not owned: the window's, which outlives its lists */
  SeStore   *store;
  /* Not owned: the list item holds it while the row is bound */
  SeRecord  *record;
};

/* A GtkBox by its CSS name and role, so that it is styled as the box it
 * replaces. */
G_DEFINE_FINAL_TYPE (SeWindowRow, se_window_row, GTK_TYPE_BOX)

static void
se_window_row_class_init (SeWindowRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/se-window-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SeWindowRow, title);
  gtk_widget_class_bind_template_child (widget_class, SeWindowRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, SeWindowRow, status);
}

static void
se_window_row_init (SeWindowRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The status of a record as a small coloured label: green when it is in
 * force or done, amber while it is not settled, grey when it is over. */
static const char *
status_style (const char *nick)
{
  static const char *const good[] = { "signed", "active", "approved", "completed", NULL };
  static const char *const open[] = { "draft", "negotiation", "planned", "proposed", NULL };

  if (g_strv_contains (good, nick))
    return "status-good";
  if (g_strv_contains (open, nick))
    return "status-open";
  return "status-over";
}

static void
update_status (GtkWidget *label,
               SeRecord  *record)
{
  const SeField *field = se_record_class_find_field (SE_RECORD_GET_CLASS (record), "status");
  const char *styles[] = { "status-good", "status-open", "status-over" };
  const char *style;
  int value;

  if (field == NULL)
    {
      gtk_widget_set_visible (label, FALSE);
      return;
    }

  /* A rebound row often shows the same status as before: touching its
   * classes or text anyway would restyle and lay out the pill again. */
  value = se_record_get_int (record, "status");
  style = status_style (se_enum_get_nick (field->target (), value));
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (!g_str_equal (styles[i], style))
      gtk_widget_remove_css_class (label, styles[i]);
  gtk_widget_add_css_class (label, style);
  gtk_label_set_text (GTK_LABEL (label), se_enum_get_label (field->target (), value));
  gtk_widget_set_visible (label, TRUE);
}

static void
update_row (SeWindowRow *self)
{
  g_autofree char *t = NULL;
  g_autofree char *s = NULL;

  if (self->record == NULL || self->store == NULL)
    return;

  t = se_describe_title (self->store, self->record);
  s = se_describe_subtitle (self->store, self->record);
  gtk_inscription_set_text (GTK_INSCRIPTION (self->title), t);
  gtk_inscription_set_text (GTK_INSCRIPTION (self->subtitle), s);
  /* Said by a screen reader as a label's text would be */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  t, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->subtitle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, s, -1);
  gtk_widget_set_visible (self->subtitle, *s != '\0');
  update_status (self->status, self->record);
}

static GtkWidget *
se_window_row_new (SeStore *store)
{
  SeWindowRow *self = g_object_new (SE_TYPE_WINDOW_ROW, NULL);

  self->store = store;
  return GTK_WIDGET (self);
}

static void
on_record_notify (SeRecord    *record,
                  GParamSpec  *pspec,
                  SeWindowRow *self)
{
  update_row (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SeWindow                 *window)
{
  gtk_list_item_set_child (item, se_window_row_new (window->store));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SeWindow                 *window)
{
  SeWindowRow *self = SE_WINDOW_ROW (gtk_list_item_get_child (item));

  self->record = gtk_list_item_get_item (item);
  g_signal_connect_object (self->record, "notify", G_CALLBACK (on_record_notify), self, 0);
  update_row (self);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            SeWindow                 *window)
{
  SeWindowRow *self = SE_WINDOW_ROW (gtk_list_item_get_child (item));

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_record_notify, self);
  self->record = NULL;
}

/**
 * _se_window_rows_factory_new:
 *
 * Returns: (transfer full): the factory of a section list's rows
 */
GtkListItemFactory *
_se_window_rows_factory_new (SeWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  return factory;
}
