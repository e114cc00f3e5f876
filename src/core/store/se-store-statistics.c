/* se-store-statistics.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include "se-store-private.h"
#include "se-store-statistics.h"

/* Every placement that is not cancelled, with its calendar days (first and
 * last included) and its number of guests. The dates are whole ISO dates:
 * the table's constraints see to that. */
#define BASE \
  "WITH base AS (" \
  "  SELECT p.id, substr (p.start_date, 1, 4) AS year, p.kind, p.agreement_id," \
  "    coalesce (p.partnership_id, 0) AS partnership," \
  "    CAST (julianday (p.end_date) - julianday (p.start_date) AS INTEGER) + 1 AS days," \
  "    (SELECT count(*) FROM participant pa" \
  "      WHERE pa.placement_id = p.id AND pa.role = 'guest') AS guests" \
  "  FROM placement p WHERE p.status <> 'cancelled')"

#define SUMS "count(*), coalesce (sum (days), 0), coalesce (sum (guests), 0)," \
             " coalesce (sum (days * guests), 0)"

/* A direction is a guest's home organisation → host organisation; a
 * placement counts once in each direction its guests travel. One without
 * guests counts in the direction of its agreement's parties, else its
 * partnership's organisations, else in none (0 → 0). */
#define DIRECTIONS \
  BASE ", dirs AS (" \
       "  SELECT b.days, coalesce (pa.home_organisation_id, 0) AS home," \
       "    coalesce (pa.host_organisation_id, 0) AS host, count(*) AS guests" \
       "  FROM base b JOIN participant pa ON pa.placement_id = b.id AND pa.role = 'guest'" \
       "  GROUP BY b.id, b.days, home, host" \
       "  UNION ALL" \
       "  SELECT b.days," \
       "    coalesce (CASE WHEN a.id IS NOT NULL THEN a.party_a_id ELSE ps.organisation_a_id END, 0)," \
       "    coalesce (CASE WHEN a.id IS NOT NULL THEN a.party_b_id ELSE ps.organisation_b_id END, 0)," \
       "    0" \
       "  FROM base b LEFT JOIN agreement a ON a.id = b.agreement_id" \
       "    LEFT JOIN partnership ps ON ps.id = b.partnership" \
       "  WHERE b.guests = 0)" \
       " SELECT NULL, NULL, home, host, " SUMS " FROM dirs GROUP BY home, host"

/* Year, partnership and kind in one pass: the caller adds up the rows of
 * each grouping, which costs less than reading the placements three
 * times. */
static const char *const queries[] = {
  [SE_STORE_SUM_BY_YEAR_PARTNERSHIP_KIND] =
    BASE " SELECT year, kind, partnership, 0, " SUMS " FROM base GROUP BY year, partnership, kind",
  [SE_STORE_SUM_BY_DIRECTION] = DIRECTIONS,
};

static void
clear_sum (gpointer data)
{
  SeStoreSum *sum = data;

  g_free (sum->year);
  g_free (sum->kind);
}

/**
 * se_store_sum_placements:
 * @grouping: what to group the placements by
 *
 * Returns: (transfer full) (element-type SeStoreSum) (nullable): a sum
 *   per group, in no particular order, or %NULL with @error set
 */
GArray *
se_store_sum_placements (SeStore             *self,
                         SeStoreSumGrouping   grouping,
                         GError             **error)
{
  g_autoptr(GArray) sums = NULL;
  SeDbStmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);
  g_return_val_if_fail (grouping <= SE_STORE_SUM_BY_DIRECTION, NULL);

  if ((stmt = _se_store_query_begin (self, queries[grouping], error)) == NULL)
    return NULL;

  sums = g_array_new (FALSE, TRUE, sizeof (SeStoreSum));
  g_array_set_clear_func (sums, clear_sum);
  while (_se_store_query_next (self, stmt, &ok, error))
    {
      SeStoreSum sum = {
        g_strdup (se_db_column_text (stmt, 0)),
        g_strdup (se_db_column_text (stmt, 1)),
        se_db_column_int64 (stmt, 2),
        se_db_column_int64 (stmt, 3),
        (guint) se_db_column_int64 (stmt, 4),
        (guint) se_db_column_int64 (stmt, 5),
        (guint) se_db_column_int64 (stmt, 6),
        (guint) se_db_column_int64 (stmt, 7),
      };
      g_array_append_val (sums, sum);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&sums);
}
