/* se-statistics-chart.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "se-statistics.h"

G_BEGIN_DECLS

guint   se_statistics_chart_max_bars    (SeStatisticsGrouping   grouping);
char   *se_statistics_chart_dup_caption (SeStatisticsGrouping   grouping,
                                         guint                  n_shown,
                                         guint                  n_combined);
double  se_statistics_chart_get_height  (PangoLayout           *layout,
                                         guint                  n_rows,
                                         gboolean               caption);
double  se_statistics_chart_draw        (cairo_t               *cr,
                                         PangoLayout           *layout,
                                         double                 x,
                                         double                 y,
                                         double                 width,
                                         const char            *title,
                                         const char            *caption,
                                         const SeStatisticsRow *rows,
                                         guint                  n_rows,
                                         guint                  column,
                                         const GdkRGBA         *fg,
                                         const GdkRGBA         *bar);
void    se_statistics_chart_draw_page   (GtkPrintContext       *context,
                                         SeStatistics          *stats,
                                         SeStatisticsGrouping   grouping);

G_END_DECLS
