/* se-partnership-chooser.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "se-describe.h"
#include "se-partnership.h"
#include "se-partnership-chooser.h"
#include "se-query-model.h"

/* A small dialog that finds one partnership among thousands: a search
 * entry over the lazy list model of the window's lists, which searches and
 * sorts in SQL and loads only the rows in view. Enter in the search takes
 * the selected (at first the first) match, so that typing a few letters
 * and Enter is enough; the list is reached with Tab or the arrow keys.
 * "chosen" is emitted with the partnership's id, and the dialog closes. */

struct _SePartnershipChooser
{
  AdwWindow           parent_instance;

  SeStore            *store;
  SeQueryModel       *model;
  GtkSingleSelection *selection;
  GtkWidget          *search;
  GtkWidget          *accept;
  GtkWidget          *list;
};

G_DEFINE_FINAL_TYPE (SePartnershipChooser, se_partnership_chooser, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * se_partnership_chooser_choose:
 * @position: a row of the model
 *
 * Chooses the partnership of @position: emits "chosen" and closes.
 *
 * Returns: whether there was a partnership there
 */
gboolean
se_partnership_chooser_choose (SePartnershipChooser *self,
                               guint                 position)
{
  gint64 id;

  g_return_val_if_fail (SE_IS_PARTNERSHIP_CHOOSER (self), FALSE);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return FALSE;
  id = se_query_model_get_id (self->model, position);
  if (id <= 0)
    return FALSE;

  /* Closed first: the dialog that follows (the file chooser) is then the
   * window's only one */
  g_object_ref (self);
  gtk_window_close (GTK_WINDOW (self));
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, id);
  g_object_unref (self);
  return TRUE;
}

static void
choose_selected (SePartnershipChooser *self)
{
  se_partnership_chooser_choose (self, gtk_single_selection_get_selected (self->selection));
}

static void
update_accept (SePartnershipChooser *self)
{
  gtk_widget_set_sensitive (self->accept, gtk_single_selection_get_selected (self->selection)
                                          != GTK_INVALID_LIST_POSITION);
}

/**
 * se_partnership_chooser_set_search:
 *
 * Shows the partnerships that match @text as the window's search does.
 */
void
se_partnership_chooser_set_search (SePartnershipChooser *self,
                                   const char           *text)
{
  g_return_if_fail (SE_IS_PARTNERSHIP_CHOOSER (self));

  se_query_model_set_search (self->model, text);
  update_accept (self);
}

/**
 * se_partnership_chooser_get_model:
 *
 * Returns: (transfer none): the partnerships listed
 */
GListModel *
se_partnership_chooser_get_model (SePartnershipChooser *self)
{
  g_return_val_if_fail (SE_IS_PARTNERSHIP_CHOOSER (self), NULL);

  return G_LIST_MODEL (self->model);
}

static void
on_search_changed (GtkSearchEntry       *entry,
                   SePartnershipChooser *self)
{
  se_partnership_chooser_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_activate (GtkListView          *view,
             guint                 position,
             SePartnershipChooser *self)
{
  se_partnership_chooser_choose (self, position);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SePartnershipChooser     *self)
{
  gpointer record = gtk_list_item_get_item (item);
  g_autofree char *title = SE_IS_RECORD (record) ? se_describe_title (self->store, record) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), title != NULL ? title : "");
}

static void
se_partnership_chooser_dispose (GObject *object)
{
  SePartnershipChooser *self = SE_PARTNERSHIP_CHOOSER (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (se_partnership_chooser_parent_class)->dispose (object);
}

static void
se_partnership_chooser_class_init (SePartnershipChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = se_partnership_chooser_dispose;

  /**
   * SePartnershipChooser::chosen:
   * @partnership_id: the partnership's id
   */
  signals[SIGNAL_CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
se_partnership_chooser_init (SePartnershipChooser *self)
{
}

/**
 * se_partnership_chooser_new:
 * @parent: (nullable): the window it is for
 * @title: the dialog's title
 * @accept_label: the label, with a mnemonic, of the button that chooses
 *
 * Returns: (transfer none): the dialog, modal, not yet shown
 */
SePartnershipChooser *
se_partnership_chooser_new (GtkWindow  *parent,
                            SeStore    *store,
                            const char *title,
                            const char *accept_label)
{
  SePartnershipChooser *self = g_object_new (SE_TYPE_PARTNERSHIP_CHOOSER,
                                             "modal", TRUE,
                                             "transient-for", parent,
                                             "destroy-with-parent", TRUE,
                                             "title", title,
                                             "default-width", 480,
                                             "default-height", 520,
                                             NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window_title = adw_window_title_new (title, NULL);

  g_return_val_if_fail (SE_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->model = se_query_model_new (store, SE_TYPE_PARTNERSHIP);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_accept), self);

  /* A dialog's header: Cancel, the title, the action */
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), window_title);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->accept = gtk_button_new_with_mnemonic (accept_label);
  gtk_widget_set_name (self->accept, "choose");
  gtk_widget_add_css_class (self->accept, "suggested-action");
  g_signal_connect_swapped (self->accept, "clicked", G_CALLBACK (choose_selected), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->accept);
  gtk_box_append (GTK_BOX (box), header);

  self->search = gtk_search_entry_new ();
  gtk_widget_set_name (self->search, "partnership-search");
  g_object_set (self->search, "placeholder-text", _("Search partnerships"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search partnerships"), -1);
  gtk_widget_set_margin_start (self->search, 12);
  gtk_widget_set_margin_end (self->search, 12);
  gtk_widget_set_margin_top (self->search, 12);
  gtk_widget_set_margin_bottom (self->search, 12);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (choose_selected), self);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search), GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (box), self->search);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  self->list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_set_name (self->list, "partnerships");
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Partnerships"), -1);
  g_signal_connect (self->list, "activate", G_CALLBACK (on_activate), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_window_set_content (ADW_WINDOW (self), box);
  update_accept (self);
  gtk_widget_grab_focus (self->search);
  return self;
}
