/* se-statistics.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-store.h"

G_BEGIN_DECLS

/* Placements and placement-days per year, partnership, kind and direction.
 *
 * For a Statistics page:
 *
 *   g_autoptr(SeStatistics) stats = se_statistics_compute (store);
 *   guint n;
 *   const SeStatisticsRow *rows = se_statistics_get_rows (stats, SE_STATISTICS_BY_YEAR, &n);
 *
 * Each row is one bar of a chart and one line of a table: a translated
 * label and four numbers. se_statistics_get_total() is the bottom line.
 * se_statistics_export_csv() and _xlsx() write all four groupings.
 *
 * What is counted: every placement that is not cancelled (proposed,
 * approved and completed ones), in the year it starts, with all its days
 * in that year.
 * - placements: the number of placements
 * - days: their calendar days, first and last day included, each placement
 *   once (a week's job swap of two people: 5)
 * - guests: their participants of role guest
 * - guest_days: days times guests (the job swap: 10), as the Erasmus+
 *   reports count "mobility days"
 * By direction: a direction is a guest's home organisation → host
 * organisation. A placement counts once in each direction its guests
 * travel (a job swap in both), so the rows add up to more placements than
 * the total. A placement without guests counts in the direction of its
 * agreement's parties (first → second), else its partnership's, else in
 * "Not recorded". */

typedef enum
{
  SE_STATISTICS_BY_YEAR,
  SE_STATISTICS_BY_PARTNERSHIP,
  SE_STATISTICS_BY_KIND,
  SE_STATISTICS_BY_DIRECTION,
} SeStatisticsGrouping;

#define SE_STATISTICS_N_GROUPINGS 4

/**
 * SeStatisticsRow:
 * @label: what the row counts: "2022", a partnership's title, a kind of
 *   placement, "Bad Salzuflen → KDN"
 * @key: the year, the partnership's id (0: none), the #SePlacementKind, or
 *   0 for directions
 */
typedef struct
{
  char   *label;
  gint64  key;
  guint   placements;
  guint   days;
  guint   guests;
  guint   guest_days;
} SeStatisticsRow;

#define SE_STATISTICS_ERROR (se_statistics_error_quark ())

typedef enum
{
  SE_STATISTICS_ERROR_WRITE,
} SeStatisticsError;

typedef struct _SeStatistics SeStatistics;

GQuark                 se_statistics_error_quark    (void);
const char            *se_statistics_grouping_get_label (SeStatisticsGrouping grouping);

SeStatistics          *se_statistics_compute        (SeStore              *store);
void                   se_statistics_free           (SeStatistics         *self);
const SeStatisticsRow *se_statistics_get_rows       (SeStatistics         *self,
                                                     SeStatisticsGrouping  grouping,
                                                     guint                *n_rows);
const SeStatisticsRow *se_statistics_find_row       (SeStatistics         *self,
                                                     SeStatisticsGrouping  grouping,
                                                     const char           *label);
const SeStatisticsRow *se_statistics_get_total      (SeStatistics         *self);
GArray                *se_statistics_get_top_rows   (SeStatistics         *self,
                                                     SeStatisticsGrouping  grouping,
                                                     guint                 max_rows,
                                                     guint                *n_combined);

char                  *se_statistics_to_csv         (SeStatistics         *self);
gboolean               se_statistics_export_csv     (SeStatistics         *self,
                                                     const char           *path,
                                                     GError              **error);
gboolean               se_statistics_export_xlsx    (SeStatistics         *self,
                                                     const char           *path,
                                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeStatistics, se_statistics_free)

G_END_DECLS
