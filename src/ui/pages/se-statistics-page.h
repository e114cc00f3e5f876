/* se-statistics-page.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-statistics.h"
#include "se-tool-page.h"

G_BEGIN_DECLS

#define SE_TYPE_STATISTICS_PAGE (se_statistics_page_get_type ())

G_DECLARE_FINAL_TYPE (SeStatisticsPage, se_statistics_page, SE, STATISTICS_PAGE, SeToolPage)

SeStatisticsPage     *se_statistics_page_new          (SeStore              *store);
SeStatisticsGrouping  se_statistics_page_get_grouping (SeStatisticsPage     *self);
char                 *se_statistics_page_dup_cell_text (SeStatisticsPage    *self,
                                                       guint                 column,
                                                       guint                 row);
gboolean              se_statistics_page_get_counting (SeStatisticsPage     *self);

G_END_DECLS
