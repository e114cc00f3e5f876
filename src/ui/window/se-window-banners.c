/* se-window-banners.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-window-private.h"

/* The banners above the main window's content: what the user should know
 * about the database file while it is open, its being read-only or on a
 * network drive. */

static GtkWidget *
banner_new (const char *icon_name,
            const char *text,
            const char *style)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (box, "se-banner");
  gtk_widget_add_css_class (box, style);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return box;
}

/* On a server: a colleague's import (or schema upgrade) under way, while
 * which saving is refused */
static void
update_maintenance (SeStore   *store,
                    GtkWidget *revealer)
{
  g_autofree char *who = se_store_dup_maintainer (store);

  if (who != NULL && gtk_revealer_get_child (GTK_REVEALER (revealer)) != NULL)
    {
      GtkWidget       *box = gtk_revealer_get_child (GTK_REVEALER (revealer));
      GtkWidget       *label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
      /* Translators: %s is a user name on the database server */
      g_autofree char *text = g_strdup_printf (_("%s is importing data into the database. Until "
                                                 "that is done, saving is refused: save again "
                                                 "then."),
                                                  who);

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (revealer), who != NULL);
}

/**
 * _se_window_banners_init:
 *
 * Puts a banner above the content (the child of the toast overlay) when
 * the store is read-only (with the reason) or on a network drive. A
 * GtkRevealer in a box, as AdwBanner is newer than libadwaita 1.2.
 */
void
_se_window_banners_init (SeWindow *self)
{
  AdwToastOverlay *overlay = self->toast_overlay;
  const char *reason = se_store_get_read_only_reason (self->store);
  gboolean network = se_store_is_on_network (self->store);
  GtkWidget *content, *box, *revealer, *banners;
  GtkWidget       *maintenance = NULL;

  if (reason == NULL && !network && !se_store_is_server (self->store))
    return;

  banners = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  if (se_store_is_server (self->store))
    {
      maintenance = gtk_revealer_new ();
      gtk_widget_set_name (maintenance, "maintenance-banner");
      gtk_revealer_set_child (GTK_REVEALER (maintenance),
                              banner_new ("document-save-symbolic", "", "se-banner-network"));
      gtk_box_append (GTK_BOX (banners), maintenance);
      g_signal_connect_object (self->store, "maintenance-changed",
                               G_CALLBACK (update_maintenance), maintenance, 0);
      update_maintenance (self->store, maintenance);
    }
  if (reason != NULL)
    {
      /* Translators: %s says why, e.g. "You may read this database but not change it. …" */
      g_autofree char *text = g_strdup_printf (_("Read-only: %s"), reason);
      gtk_box_append (GTK_BOX (banners), banner_new ("changes-prevent-symbolic", text,
                                                     "se-banner-read-only"));
    }
  if (network)
    gtk_box_append (GTK_BOX (banners),
                    banner_new ("network-server-symbolic",
                                _("This database is on a network drive. While it is open here, "
                                  "nobody else can open it. Network drives can lose data when "
                                  "the connection drops: keep the database on this computer "
                                  "if you can, and make backups."),
                                "se-banner-network"));

  revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (revealer), banners);
  gtk_revealer_set_reveal_child (GTK_REVEALER (revealer), TRUE);

  content = g_object_ref (adw_toast_overlay_get_child (overlay));
  adw_toast_overlay_set_child (overlay, NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), revealer);
  gtk_box_append (GTK_BOX (box), content);
  adw_toast_overlay_set_child (overlay, box);
  g_object_unref (content);
}
