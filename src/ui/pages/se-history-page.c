/* se-history-page.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "se-audit-entry.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-history-page.h"

/* The History page: the audit trail, newest first. The trail can hold
 * hundreds of thousands of entries, so it is read a page at a time with
 * a "Show More" button, and only while the page is shown. Each entry says
 * when, which record and what was done; the record's title is looked up
 * in the store (the trail itself keeps no content), and an entry whose
 * record still exists opens it. */

#define PAGE_SIZE 50

struct _SeHistoryPage
{
  SeToolPage      parent_instance;

  GtkStack       *stack;
  GtkListBox     *list;
  GtkWidget      *more_button;
  guint           n_shown;
  gint64          oldest_id;
};

G_DEFINE_FINAL_TYPE (SeHistoryPage, se_history_page, SE_TYPE_TOOL_PAGE)

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

static GtkWidget *
build_row (SeHistoryPage *self,
           SeAuditEntry  *entry)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (action_icon (se_audit_entry_get_action (entry)));
  g_autoptr(GDateTime) local = g_date_time_to_local (se_audit_entry_get_at (entry));
  g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *date = se_date_format (iso);
  g_autofree char *time = g_date_time_format (local, "%X");
  /* The locale's date and time: 07.03.2026 14:05:09 in German; the date
   * as everywhere else in the app, with the year in full */
  g_autofree char *when = g_strconcat (date, " ", time, NULL);
  g_autofree char *summary = se_audit_entry_dup_summary (entry);
  g_autoptr(SeRecord) record = se_store_lookup (store, se_audit_entry_get_record_type (entry),
                                                se_audit_entry_get_record_id (entry));
  g_autofree char *record_title = record != NULL ? se_describe_title (store, record) : NULL;
  g_autofree char *subtitle = NULL;

  if (record_title != NULL && *record_title != '\0')
    /* Translators: a History entry's second line: %1$s is the date and time,
     * %2$s the title of the record as it is now */
    subtitle = g_strdup_printf (_("%1$s · %2$s"), when, record_title);
  else if (record == NULL)
    /* Translators: a History entry's second line: %s is the date and time */
    subtitle = g_strdup_printf (_("%s · no longer exists"), when);
  else
    subtitle = g_strdup (when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  se_audit_entry_get_action_label (entry), -1);

  if (record != NULL)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the record"));
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_set_name (row, "history-entry");
  g_object_set_data_full (G_OBJECT (row), "se-entry", g_object_ref (entry), g_object_unref);
  return row;
}

static void
update_state (SeHistoryPage *self)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  guint total = se_store_count_audit_log (store);
  g_autofree char *subtitle = NULL;

  /* Translators: the History page's subtitle; %'u groups the digits */
  subtitle = g_strdup_printf (ngettext ("%'u change", "%'u changes", total), total);
  g_object_set (self, "subtitle", subtitle, NULL);
  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->more_button, self->n_shown < total);
}

/* Appends up to @limit entries older than those shown. */
static void
load (SeHistoryPage *self,
      guint          limit)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  guint n;

  /* By the oldest id shown rather than the offset alone: entries written
   * since the page was filled would otherwise shift the next page. */
  entries = se_store_get_audit_log (store, self->n_shown, limit, &error);
  if (entries == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SeAuditEntry) entry = g_list_model_get_item (entries, i);

      if (self->oldest_id > 0 && se_audit_entry_get_id (entry) >= self->oldest_id)
        continue;
      gtk_list_box_append (self->list, build_row (self, entry));
      self->oldest_id = se_audit_entry_get_id (entry);
      self->n_shown++;
    }
}

/**
 * se_history_page_refresh:
 *
 * Reads the newest entries again, as many as were shown (at least a page).
 */
void
se_history_page_refresh (SeHistoryPage *self)
{
  g_return_if_fail (SE_IS_HISTORY_PAGE (self));

  se_tool_page_refresh (SE_TOOL_PAGE (self));
}

static void
se_history_page_real_refresh (SeToolPage *page)
{
  SeHistoryPage *self = SE_HISTORY_PAGE (page);
  guint n = MAX (self->n_shown, PAGE_SIZE);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_shown = 0;
  self->oldest_id = 0;
  load (self, n);
  update_state (self);
}

/**
 * se_history_page_show_more:
 *
 * Shows the next page of older entries.
 */
void
se_history_page_show_more (SeHistoryPage *self)
{
  g_return_if_fail (SE_IS_HISTORY_PAGE (self));

  if (se_tool_page_get_refresh_queued (SE_TOOL_PAGE (self)))
    se_history_page_refresh (self);
  load (self, PAGE_SIZE);
  update_state (self);
}

guint
se_history_page_get_n_shown (SeHistoryPage *self)
{
  g_return_val_if_fail (SE_IS_HISTORY_PAGE (self), 0);

  return self->n_shown;
}

/**
 * se_history_page_get_list:
 *
 * Returns: (transfer none): the list of entries, newest first
 */
GtkListBox *
se_history_page_get_list (SeHistoryPage *self)
{
  g_return_val_if_fail (SE_IS_HISTORY_PAGE (self), NULL);

  return self->list;
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  SeHistoryPage *self)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  SeAuditEntry *entry = g_object_get_data (G_OBJECT (row), "se-entry");
  g_autoptr(SeRecord) record = NULL;

  if (entry == NULL)
    return;
  record = se_store_lookup (store, se_audit_entry_get_record_type (entry),
                            se_audit_entry_get_record_id (entry));
  if (record != NULL)
    se_tool_page_open_record (SE_TOOL_PAGE (self), record);
}

static void
build (SeHistoryPage *self)
{
  GtkWidget *scrolled, *clamp, *box, *empty;

  g_object_set (self, "title", _("History"), NULL);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_name (GTK_WIDGET (self->list), "history-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("History"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  self->more_button = gtk_button_new_with_mnemonic (_("Show _More"));
  gtk_widget_set_name (self->more_button, "history-more");
  gtk_widget_set_halign (self->more_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->more_button, "pill");
  g_signal_connect_swapped (self->more_button, "clicked",
                            G_CALLBACK (se_history_page_show_more), self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), self->more_button);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Changes Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Every record created, changed or deleted is listed "
                                     "here: when, which record and what was done, without "
                                     "its content."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
}

static void
se_history_page_class_init (SeHistoryPageClass *klass)
{
  SeToolPageClass *page_class = SE_TOOL_PAGE_CLASS (klass);

  page_class->refresh = se_history_page_real_refresh;
}

static void
se_history_page_init (SeHistoryPage *self)
{
  build (self);
}

/**
 * se_history_page_new:
 * @store: the open store
 *
 * Returns: (transfer floating): the page; it reads the trail when first shown
 */
SeHistoryPage *
se_history_page_new (SeStore *store)
{
  /* Not even counted until then: counting a trail of 800,000 entries
   * reads 40 MB, which held up the window's start. */
  return g_object_new (SE_TYPE_HISTORY_PAGE, "store", store, NULL);
}
