/* se-save-dialog.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

/* How a save ends is told in a toast; its callers tell their own
 * errors the same way. */
#include "se-toast.h"

G_BEGIN_DECLS

/* Writes the chosen file; returns FALSE with @error set when it cannot. */
typedef gboolean (*SeSaveFunc) (const char  *path,
                                gpointer     user_data,
                                GError     **error);

void se_save_dialog_run_in_thread (GtkWidget      *widget,
                                   const char     *title,
                                   const char     *suggested_name,
                                   const char     *filter_name,
                                   const char     *pattern,
                                   SeSaveFunc      func,
                                   gpointer        user_data,
                                   GDestroyNotify  destroy);
void se_save_dialog_run   (GtkWidget      *widget,
                           const char     *title,
                           const char     *suggested_name,
                           const char     *filter_name,
                           const char     *pattern,
                           SeSaveFunc      func,
                           gpointer        user_data,
                           GDestroyNotify  destroy);

G_END_DECLS
