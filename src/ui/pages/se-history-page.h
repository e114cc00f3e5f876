/* se-history-page.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-tool-page.h"

G_BEGIN_DECLS

#define SE_TYPE_HISTORY_PAGE (se_history_page_get_type ())

G_DECLARE_FINAL_TYPE (SeHistoryPage, se_history_page, SE, HISTORY_PAGE, SeToolPage)

SeHistoryPage *se_history_page_new         (SeStore       *store);
guint          se_history_page_get_n_shown (SeHistoryPage *self);

G_END_DECLS
