/* se-toast.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void se_toast_show (GtkWidget  *widget,
                    const char *message,
                    gboolean    persistent);

G_END_DECLS
