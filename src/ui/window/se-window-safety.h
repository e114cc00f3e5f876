/* se-window-safety.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-store.h"

G_BEGIN_DECLS

void se_window_safety_add_banners   (AdwToastOverlay *overlay,
                                     SeStore         *store);
void se_window_safety_backup_if_due (SeStore         *store,
                                     AdwToastOverlay *overlay);
void se_window_safety_show_problem  (GtkWindow       *window,
                                     AdwStatusPage   *page,
                                     const char      *path,
                                     const GError    *error);
void se_window_safety_add_actions   (GtkWindow       *window,
                                     SeStore         *store);

G_END_DECLS
