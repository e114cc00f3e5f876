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
 * The button, Enter and activating a row choose through chooser.choose:
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

/* Chooses the selected partnership: emits "chosen" and closes */
static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SePartnershipChooser *self = SE_PARTNERSHIP_CHOOSER (widget);
  guint position = gtk_single_selection_get_selected (self->selection);
  gint64 id;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return;
  id = se_query_model_get_id (self->model, position);
  if (id <= 0)
    return;

  /* Closed first: the dialog that follows (the file chooser) is then the
   * window's only one */
  g_object_ref (self);
  gtk_window_close (GTK_WINDOW (self));
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, id);
  g_object_unref (self);
}

static void
update_accept (SePartnershipChooser *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.choose",
                                 gtk_single_selection_get_selected (self->selection)
                                 != GTK_INVALID_LIST_POSITION);
}

/* Shows the partnerships that match as the window's search does */
static void
on_search_changed (GtkSearchEntry       *entry,
                   SePartnershipChooser *self)
{
  se_query_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_accept (self);
}

static void
on_search_activate (GtkSearchEntry       *entry,
                    SePartnershipChooser *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "chooser.choose", NULL);
}

static void
on_activate (GtkListView          *view,
             guint                 position,
             SePartnershipChooser *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "chooser.choose", NULL);
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

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_PARTNERSHIP_CHOOSER);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-partnership-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, SePartnershipChooser, search);
  gtk_widget_class_bind_template_child (widget_class, SePartnershipChooser, accept);
  gtk_widget_class_bind_template_child (widget_class, SePartnershipChooser, list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);

  gtk_widget_class_install_action (widget_class, "chooser.choose", NULL, choose_activated);
}

static void
se_partnership_chooser_init (SePartnershipChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search), GTK_WIDGET (self));
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
  SePartnershipChooser *self;

  g_return_val_if_fail (SE_IS_STORE (store), NULL);

  self = g_object_new (SE_TYPE_PARTNERSHIP_CHOOSER,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  gtk_button_set_label (GTK_BUTTON (self->accept), accept_label);
  self->store = g_object_ref (store);
  self->model = se_query_model_new (store, SE_TYPE_PARTNERSHIP);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_accept), self);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list), GTK_SELECTION_MODEL (self->selection));
  update_accept (self);
  gtk_widget_grab_focus (self->search);
  return self;
}
