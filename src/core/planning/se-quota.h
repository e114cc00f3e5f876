/* se-quota.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-enums.h"
#include "se-record.h"
#include "se-store.h"

G_BEGIN_DECLS

/**
 * SeQuota:
 * @persons: how many persons may go a calendar year in each direction, 0
 *   for no limit (the agreement's field quota-placements)
 * @person_days: how many person-days they may spend there, 0 for no limit
 *   (the field quota-days)
 *
 * An agreement's yearly quota per direction, counted as the Erasmus
 * inter-institutional agreement counts mobilities.
 */
typedef struct
{
  guint persons;
  guint person_days;
} SeQuota;

/**
 * SeQuotaUse:
 * @year: the calendar year of the placements' start dates
 * @direction: %SE_PARTY_FIRST for guests of the first party hosted by the
 *   second, %SE_PARTY_SECOND for the other way round
 * @persons: mobilities, one for each guest in that direction (a week's
 *   hospitation of three guests is 3)
 * @person_days: each of those guests' calendar days in the placement (a
 *   week's job swap of two guests, one each way, is 5 in each direction; a
 *   week's hospitation of three guests is 15)
 *
 * How much of an agreement's yearly quota its placements use.
 */
typedef struct
{
  int     year;
  SeParty direction;
  guint   persons;
  guint   person_days;
} SeQuotaUse;

/* Counting the use of a quota guest by guest, for whoever reads the
 * placements' participants otherwise (se-checks.c reads rows). */
typedef struct _SeQuotaCount SeQuotaCount;

SeQuota   se_quota_of_agreement             (SeRecord          *agreement);
SeQuota   se_quota_from_fields              (int                quota_placements,
                                             int                quota_days);
gboolean  se_quota_is_agreed                (const SeQuota     *quota);
gboolean  se_quota_exceeds_persons          (const SeQuota     *quota,
                                             const SeQuotaUse  *use);
gboolean  se_quota_exceeds_person_days      (const SeQuota     *quota,
                                             const SeQuotaUse  *use);

SeQuotaCount *se_quota_count_new            (gint64             party_a_id,
                                             gint64             party_b_id);
void      se_quota_count_add                (SeQuotaCount      *count,
                                             const char        *start_date,
                                             const char        *end_date,
                                             SeParticipantRole  role,
                                             gint64             home_id,
                                             gint64             host_id);
GArray   *se_quota_count_finish             (SeQuotaCount      *count);

GArray   *se_quota_count_use                (SeStore           *store,
                                             SeRecord          *agreement);

G_END_DECLS
