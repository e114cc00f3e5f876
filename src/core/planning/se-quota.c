/* se-quota.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-planning"

#include "config.h"

#include "se-agreement.h"
#include "se-date.h"
#include "se-participant.h"
#include "se-placement.h"
#include "se-quota.h"

/* An agreement's quota is "so many placements and/or days per calendar year
 * and direction". A placement belongs to the year it starts in, so that a
 * placement over New Year is not counted twice; cancelled placements use no
 * quota. The printed summary and the consistency checks both count here. */

static gboolean
counts_for_quota (SeRecord *placement)
{
  return se_record_get_int (placement, "status") != SE_PLACEMENT_STATUS_CANCELLED
         && se_date_is_valid (se_record_get_string (placement, "start-date"));
}

static guint
count_guests (GPtrArray *participants,
              gint64     home,
              gint64     host)
{
  guint n = 0;

  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *p = g_ptr_array_index (participants, i);

      if (se_record_get_int (p, "role") == SE_PARTICIPANT_ROLE_GUEST
          && se_record_get_reference (p, "home-organisation-id") == home
          && se_record_get_reference (p, "host-organisation-id") == host)
        n++;
    }
  return n;
}

/**
 * se_quota_placement_direction:
 * @store: the store
 * @agreement: an agreement
 * @placement: a placement
 * @direction: %SE_PARTY_FIRST (first party's staff to the second party) or
 *   %SE_PARTY_SECOND
 * @n_guests: (out) (optional): how many guests go in @direction
 *
 * Returns: %TRUE if @placement has a guest whose home is one party of
 *   @agreement and whose host is the other, in @direction
 */
gboolean
se_quota_placement_direction (SeStore  *store,
                              SeRecord *agreement,
                              SeRecord *placement,
                              SeParty   direction,
                              guint    *n_guests)
{
  g_autoptr(GPtrArray) participants = NULL;
  gint64 a, b;
  guint n;

  g_return_val_if_fail (SE_IS_STORE (store), FALSE);
  g_return_val_if_fail (SE_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (SE_IS_PLACEMENT (placement), FALSE);

  a = se_record_get_reference (agreement, "party-a-id");
  b = se_record_get_reference (agreement, "party-b-id");
  participants = se_store_find (store, SE_TYPE_PARTICIPANT, "placement-id",
                                se_record_get_id (placement));
  n = direction == SE_PARTY_FIRST ? count_guests (participants, a, b)
                                  : count_guests (participants, b, a);
  if (n_guests != NULL)
    *n_guests = n;
  return n > 0;
}

static int
compare_use (gconstpointer a,
             gconstpointer b)
{
  const SeQuotaUse *x = a, *y = b;

  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  return (int) x->direction - (int) y->direction;
}

struct _SeQuotaCount
{
  GHashTable *by_key;              /* year * 2 + direction -> SeQuotaUse */
};

/**
 * se_quota_count_new:
 *
 * Returns: (transfer full): a count of no placements yet, for
 *   se_quota_count_add() and se_quota_count_finish()
 */
SeQuotaCount *
se_quota_count_new (void)
{
  SeQuotaCount *count = g_new0 (SeQuotaCount, 1);

  count->by_key = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  return count;
}

/**
 * se_quota_count_add:
 * @count: a count
 * @start_date: a placement's first day, not cancelled
 * @end_date: its last day
 * @n_first: its guests of the agreement's first party hosted by the second
 * @n_second: its guests the other way round
 *
 * Counts a placement covered by the agreement; a placement without a valid
 * start counts for no year.
 */
void
se_quota_count_add (SeQuotaCount *count,
                    const char   *start_date,
                    const char   *end_date,
                    guint         n_first,
                    guint         n_second)
{
  int year;

  g_return_if_fail (count != NULL);

  if (!se_date_is_valid (start_date))
    return;

  year = (int) g_ascii_strtoll (start_date, NULL, 10);
  for (int d = SE_PARTY_FIRST; d <= SE_PARTY_SECOND; d++)
    {
      guint n_guests = d == SE_PARTY_FIRST ? n_first : n_second;
      SeQuotaUse *use;
      guint days;

      if (n_guests == 0)
        continue;

      for (int e = SE_PARTY_FIRST; e <= SE_PARTY_SECOND; e++)
        {
          gpointer key = GINT_TO_POINTER (year * 2 + e);
          if (!g_hash_table_contains (count->by_key, key))
            {
              SeQuotaUse *fresh = g_new0 (SeQuotaUse, 1);
              fresh->year = year;
              fresh->direction = e;
              g_hash_table_insert (count->by_key, key, fresh);
            }
        }

      use = g_hash_table_lookup (count->by_key, GINT_TO_POINTER (year * 2 + d));
      days = (guint) se_date_days_between (start_date, end_date);
      use->placements++;
      use->days += days;
      use->persons += n_guests;
      use->guest_days += days * n_guests;
    }
}

/**
 * se_quota_count_finish:
 * @count: (transfer full): a count
 *
 * Returns: (transfer full) (element-type SeQuotaUse): the use, ordered by
 *   year and direction; see se_quota_count_use()
 */
GArray *
se_quota_count_finish (SeQuotaCount *count)
{
  GArray *result = g_array_new (FALSE, TRUE, sizeof (SeQuotaUse));
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (count != NULL, result);

  g_hash_table_iter_init (&iter, count->by_key);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_append_vals (result, value, 1);
  g_array_sort (result, compare_use);
  g_hash_table_unref (count->by_key);
  g_free (count);
  return result;
}

/**
 * se_quota_count_use:
 * @store: the store
 * @agreement: an agreement
 *
 * Counts, per calendar year and direction, the placements covered by
 * @agreement (those whose covering agreement it is) and their days.
 * Every year in which any placement uses the quota has both directions,
 * the unused one with zeros, so that a table shows the whole year.
 *
 * Returns: (transfer full) (element-type SeQuotaUse): the use, ordered by
 *   year and direction
 */
GArray *
se_quota_count_use (SeStore  *store,
                    SeRecord *agreement)
{
  g_autoptr(GPtrArray) placements = NULL;
  SeQuotaCount *count;

  g_return_val_if_fail (SE_IS_STORE (store), g_array_new (FALSE, TRUE, sizeof (SeQuotaUse)));
  g_return_val_if_fail (SE_IS_AGREEMENT (agreement),
                        g_array_new (FALSE, TRUE, sizeof (SeQuotaUse)));

  count = se_quota_count_new ();
  placements = se_store_find (store, SE_TYPE_PLACEMENT, "agreement-id",
                              se_record_get_id (agreement));

  for (guint i = 0; i < placements->len; i++)
    {
      SeRecord *placement = g_ptr_array_index (placements, i);
      guint n_first = 0, n_second = 0;

      if (!counts_for_quota (placement))
        continue;

      se_quota_placement_direction (store, agreement, placement, SE_PARTY_FIRST, &n_first);
      se_quota_placement_direction (store, agreement, placement, SE_PARTY_SECOND, &n_second);
      se_quota_count_add (count, se_record_get_string (placement, "start-date"),
                          se_record_get_string (placement, "end-date"), n_first, n_second);
    }

  return se_quota_count_finish (count);
}

/**
 * se_quota_use_exceeds_placements:
 *
 * Returns: %TRUE if @agreement has a placement quota and @use is over it
 */
gboolean
se_quota_use_exceeds_placements (SeRecord         *agreement,
                                 const SeQuotaUse *use)
{
  int quota = se_record_get_int (agreement, "quota-placements");

  return quota > 0 && use->placements > (guint) quota;
}

/**
 * se_quota_use_exceeds_days:
 *
 * Returns: %TRUE if @agreement has a quota of days and @use is over it
 */
gboolean
se_quota_use_exceeds_days (SeRecord         *agreement,
                           const SeQuotaUse *use)
{
  int quota = se_record_get_int (agreement, "quota-days");

  return quota > 0 && use->days > (guint) quota;
}
