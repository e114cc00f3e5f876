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
#include "se-history-page.h"
#include "se-pages-private.h"

/* The History page: the audit trail, newest first. The trail can hold
 * hundreds of thousands of entries, so it is read a page at a time with
 * a "Show More" button, and only while the page is shown. The entries
 * read are a list model that the list box shows as SeHistoryRows; each
 * says when, which record and what was done, and one whose record still
 * exists opens it. */

#define PAGE_SIZE 50

struct _SeHistoryPage
{
  SeToolPage      parent_instance;

  GtkStack       *stack;
  GtkListBox     *list;
  GtkWidget      *more_button;
  /* The entries shown, newest first */
  GListStore     *entries;
  guint           n_shown;
  gint64          oldest_id;
};

G_DEFINE_FINAL_TYPE (SeHistoryPage, se_history_page, SE_TYPE_TOOL_PAGE)

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
      g_list_store_append (self->entries, entry);
      self->oldest_id = se_audit_entry_get_id (entry);
      self->n_shown++;
    }
}

/* Reads the newest entries again, as many as were shown (at least a page) */
static void
se_history_page_real_refresh (SeToolPage *page)
{
  SeHistoryPage *self = SE_HISTORY_PAGE (page);
  guint n = MAX (self->n_shown, PAGE_SIZE);

  g_list_store_remove_all (self->entries);
  self->n_shown = 0;
  self->oldest_id = 0;
  load (self, n);
  update_state (self);
}

/* Shows the next page of older entries */
static void
show_more_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeHistoryPage *self = SE_HISTORY_PAGE (widget);

  /* Reads the newest entries again first, as many as were shown, if the
   * trail changed while the page was hidden */
  if (se_tool_page_get_refresh_queued (SE_TOOL_PAGE (self)))
    se_tool_page_refresh (SE_TOOL_PAGE (self));
  load (self, PAGE_SIZE);
  update_state (self);
}

guint
se_history_page_get_n_shown (SeHistoryPage *self)
{
  g_return_val_if_fail (SE_IS_HISTORY_PAGE (self), 0);

  return self->n_shown;
}

/* Opens the record of an entry: its type's name and its id */
static void
open_record_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SeToolPage *page = SE_TOOL_PAGE (widget);
  const char *type_name;
  gint64 id;
  GType type;
  g_autoptr(SeRecord) record = NULL;

  g_variant_get (parameter, "(&sx)", &type_name, &id);
  type = g_type_from_name (type_name);
  if (!g_type_is_a (type, SE_TYPE_RECORD))
    return;
  record = se_store_lookup (se_tool_page_get_store (page), type, id);
  if (record != NULL)
    se_tool_page_open_record (page, record);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SeHistoryPage *self = user_data;

  return se_history_row_new (se_tool_page_get_store (SE_TOOL_PAGE (self)), item);
}

static void
se_history_page_dispose (GObject *object)
{
  SeHistoryPage *self = SE_HISTORY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_HISTORY_PAGE);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (se_history_page_parent_class)->dispose (object);
}

static void
se_history_page_class_init (SeHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SeToolPageClass *page_class = SE_TOOL_PAGE_CLASS (klass);

  object_class->dispose = se_history_page_dispose;
  page_class->refresh = se_history_page_real_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SeHistoryPage, list);
  gtk_widget_class_bind_template_child (widget_class, SeHistoryPage, more_button);

  gtk_widget_class_install_action (widget_class, "history.show-more", NULL,
                                   show_more_activated);
  gtk_widget_class_install_action (widget_class, "history.open-record", "(sx)",
                                   open_record_activated);
}

static void
se_history_page_init (SeHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_list_store_new (SE_TYPE_AUDIT_ENTRY);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->entries), create_row, self, NULL);
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
