/* se-toast.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-dialogs"

#include "config.h"

#include <adwaita.h>

#include "se-toast.h"

/* A notice in the window's toast overlay, told from any widget inside it:
 * the exports, the imports and the pages say so how they ended. */

/**
 * se_toast_show:
 * @widget: a widget inside the window's toast overlay, or the overlay
 * @message: what to say
 * @persistent: whether the toast stays until dismissed (for errors)
 */
void
se_toast_show (GtkWidget  *widget,
               const char *message,
               gboolean    persistent)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  if (persistent)
    adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
