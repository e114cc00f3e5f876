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
 * SeQuotaUse:
 * @year: the calendar year of the placements' start dates
 * @direction: %SE_PARTY_FIRST for guests of the first party hosted by the
 *   second, %SE_PARTY_SECOND for the other way round
 * @placements: placements with at least one guest in that direction
 * @days: calendar days of those placements, each placement counted once
 * @persons: guests in that direction
 * @guest_days: calendar days of those placements times their guests in that
 *   direction (a week's job swap of two guests, one each way, is 5 in each
 *   direction; a week's hospitation of three guests is 15)
 *
 * How much of an agreement's yearly quota its placements use.
 */
typedef struct
{
  int     year;
  SeParty direction;
  guint   placements;
  guint   days;
  guint   persons;
  guint   guest_days;
} SeQuotaUse;

/* Counting the use of a quota placement by placement, for whoever reads
 * the placements' guests in directions otherwise (se-checks.c). */
typedef struct _SeQuotaCount SeQuotaCount;

SeQuotaCount *se_quota_count_new            (void);
void      se_quota_count_add                (SeQuotaCount     *count,
                                             const char       *start_date,
                                             const char       *end_date,
                                             guint             n_first,
                                             guint             n_second);
GArray   *se_quota_count_finish             (SeQuotaCount     *count);

GArray   *se_quota_count_use                (SeStore          *store,
                                             SeRecord         *agreement);
gboolean  se_quota_placement_direction      (SeStore          *store,
                                             SeRecord         *agreement,
                                             SeRecord         *placement,
                                             SeParty           direction,
                                             guint            *n_guests);
gboolean  se_quota_use_exceeds_placements   (SeRecord         *agreement,
                                             const SeQuotaUse *use);
gboolean  se_quota_use_exceeds_days         (SeRecord         *agreement,
                                             const SeQuotaUse *use);

G_END_DECLS
