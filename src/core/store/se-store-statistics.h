/* se-store-statistics.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-store.h"

G_BEGIN_DECLS

/* The store's part of the statistics (se-statistics.h): the sums over the
 * placements, made by SQL, so that a database of 200,000 placements is
 * counted without loading them. */

typedef enum
{
  SE_STORE_SUM_BY_YEAR_PARTNERSHIP_KIND,
  SE_STORE_SUM_BY_DIRECTION,
} SeStoreSumGrouping;

/**
 * SeStoreSum:
 * @year: the year the placements start in ("2022"); %NULL for directions
 * @kind: their kind's nick ("job-swap"); %NULL for directions
 * @id_a: their partnership's id, or for a direction the home
 *   organisation's (0: none)
 * @id_b: the host organisation's id (directions only)
 *
 * The sums of one group of placements that are not cancelled, as
 * se-statistics.h describes them.
 */
typedef struct
{
  char   *year;
  char   *kind;
  gint64  id_a;
  gint64  id_b;
  guint   placements;
  guint   days;
  guint   guests;
  guint   guest_days;
} SeStoreSum;

GArray *se_store_sum_placements (SeStore             *self,
                                 SeStoreSumGrouping   grouping,
                                 GError             **error);

G_END_DECLS
