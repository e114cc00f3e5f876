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

/* The one definition of a quota's use. An agreement's quota is "so many
 * persons and/or person-days per calendar year and direction", as the
 * Erasmus inter-institutional agreement counts mobilities: each guest of
 * a placement is one mobility, and its days are that guest's calendar days
 * in the placement. Mentors and coordinators work at their own or the
 * host's organisation: they use no quota. A placement belongs to the year
 * it starts in, so that a placement over New Year is not counted twice;
 * cancelled placements use no quota. The printed summary and the
 * consistency checks both count here, and both ask the functions below
 * whether a use is over the quota.
 *
 * The agreement's fields keep their older names: quota-placements holds
 * the persons and quota-days the person-days (the columns quota_placements
 * and quota_days). */

/**
 * se_quota_from_fields:
 * @quota_placements: an agreement's field quota-placements (persons)
 * @quota_days: its field quota-days (person-days)
 *
 * Returns: the quota those fields give, a negative number as none
 */
SeQuota
se_quota_from_fields (int quota_placements,
                      int quota_days)
{
  SeQuota quota = {
    (guint) MAX (quota_placements, 0),
    (guint) MAX (quota_days, 0),
  };

  return quota;
}

/**
 * se_quota_of_agreement:
 * @agreement: an agreement
 *
 * Returns: @agreement's quota
 */
SeQuota
se_quota_of_agreement (SeRecord *agreement)
{
  g_return_val_if_fail (SE_IS_AGREEMENT (agreement), se_quota_from_fields (0, 0));

  return se_quota_from_fields (se_record_get_int (agreement, "quota-placements"),
                               se_record_get_int (agreement, "quota-days"));
}

/**
 * se_quota_is_agreed:
 *
 * Returns: %TRUE if @quota limits persons or person-days
 */
gboolean
se_quota_is_agreed (const SeQuota *quota)
{
  return quota->persons > 0 || quota->person_days > 0;
}

/**
 * se_quota_exceeds_persons:
 *
 * Returns: %TRUE if @quota limits the persons and @use has more
 */
gboolean
se_quota_exceeds_persons (const SeQuota    *quota,
                          const SeQuotaUse *use)
{
  return quota->persons > 0 && use->persons > quota->persons;
}

/**
 * se_quota_exceeds_person_days:
 *
 * Returns: %TRUE if @quota limits the person-days and @use has more
 */
gboolean
se_quota_exceeds_person_days (const SeQuota    *quota,
                              const SeQuotaUse *use)
{
  return quota->person_days > 0 && use->person_days > quota->person_days;
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
  gint64      party_a_id;
  gint64      party_b_id;
  GHashTable *by_key;              /* year * 2 + direction -> SeQuotaUse */
};

/**
 * se_quota_count_new:
 * @party_a_id: the agreement's first party
 * @party_b_id: its second party
 *
 * Returns: (transfer full): a count of no guests yet, for
 *   se_quota_count_add() and se_quota_count_finish()
 */
SeQuotaCount *
se_quota_count_new (gint64 party_a_id,
                    gint64 party_b_id)
{
  SeQuotaCount *count = g_new0 (SeQuotaCount, 1);

  count->party_a_id = party_a_id;
  count->party_b_id = party_b_id;
  count->by_key = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  return count;
}

/**
 * se_quota_count_add:
 * @count: a count
 * @start_date: the first day of a placement covered by the agreement, not
 *   cancelled
 * @end_date: its last day
 * @role: the role of one of its participants
 * @home_id: that participant's home organisation
 * @host_id: that participant's host organisation
 *
 * Counts one participant of a placement: a guest from one party of the
 * agreement to the other is one person and the placement's days, in the
 * year the placement starts; anyone else, or a placement without a valid
 * start, counts for nothing.
 */
void
se_quota_count_add (SeQuotaCount      *count,
                    const char        *start_date,
                    const char        *end_date,
                    SeParticipantRole  role,
                    gint64             home_id,
                    gint64             host_id)
{
  SeParty direction;
  SeQuotaUse *use;
  int year;

  g_return_if_fail (count != NULL);

  if (role != SE_PARTICIPANT_ROLE_GUEST || !se_date_is_valid (start_date))
    return;
  if (home_id == count->party_a_id && host_id == count->party_b_id)
    direction = SE_PARTY_FIRST;
  else if (home_id == count->party_b_id && host_id == count->party_a_id)
    direction = SE_PARTY_SECOND;
  else
    return;

  /* A year with any use has both directions, so that a table shows it whole. */
  year = (int) g_ascii_strtoll (start_date, NULL, 10);
  for (int d = SE_PARTY_FIRST; d <= SE_PARTY_SECOND; d++)
    {
      gpointer key = GINT_TO_POINTER (year * 2 + d);

      if (!g_hash_table_contains (count->by_key, key))
        {
          SeQuotaUse *fresh = g_new0 (SeQuotaUse, 1);

          fresh->year = year;
          fresh->direction = (SeParty) d;
          g_hash_table_insert (count->by_key, key, fresh);
        }
    }

  use = g_hash_table_lookup (count->by_key, GINT_TO_POINTER (year * 2 + (int) direction));
  use->persons++;
  use->person_days += (guint) se_date_days_between (start_date, end_date);
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
 * Counts, per calendar year and direction, the persons and person-days of
 * the placements covered by @agreement (those whose covering agreement it
 * is). Every year in which any placement uses the quota has both
 * directions, the unused one with zeros, so that a table shows the whole
 * year.
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

  count = se_quota_count_new (se_record_get_reference (agreement, "party-a-id"),
                              se_record_get_reference (agreement, "party-b-id"));
  placements = se_store_find (store, SE_TYPE_PLACEMENT, "agreement-id",
                              se_record_get_id (agreement));

  for (guint i = 0; i < placements->len; i++)
    {
      SeRecord *placement = g_ptr_array_index (placements, i);
      g_autoptr(GPtrArray) participants = NULL;

      if (se_record_get_int (placement, "status") == SE_PLACEMENT_STATUS_CANCELLED)
        continue;

      participants = se_store_find (store, SE_TYPE_PARTICIPANT, "placement-id",
                                    se_record_get_id (placement));
      for (guint j = 0; j < participants->len; j++)
        {
          SeRecord *p = g_ptr_array_index (participants, j);

          se_quota_count_add (count, se_record_get_string (placement, "start-date"),
                              se_record_get_string (placement, "end-date"),
                              (SeParticipantRole) se_record_get_int (p, "role"),
                              se_record_get_reference (p, "home-organisation-id"),
                              se_record_get_reference (p, "host-organisation-id"));
        }
    }

  return se_quota_count_finish (count);
}
