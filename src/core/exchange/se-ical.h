/* se-ical.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"
#include "se-store.h"

G_BEGIN_DECLS

/* Placements as an iCalendar file (RFC 5545) for Outlook, Thunderbird and
 * Evolution, made with libical.
 *
 * Each placement is an all-day VEVENT (DTSTART;VALUE=DATE on the first day,
 * DTEND the day after the last, as the standard wants it exclusive) with
 * the title as SUMMARY, the place as LOCATION, and the kind, status,
 * participants and goals in DESCRIPTION; STATUS is TENTATIVE (proposed),
 * CONFIRMED (approved, completed) or CANCELLED. Each programme item is a
 * VEVENT of its own, with floating local times (no time zone: the time on
 * the programme is the time where it happens, and every client imports it
 * as such) or all day when it has no time, and RELATED-TO its placement.
 * UIDs are stable, "placement-<id>@staffexchange" and
 * "programme-item-<id>@staffexchange", so that importing again updates the
 * events instead of doubling them. */

#define SE_ICAL_ERROR (se_ical_error_quark ())

typedef enum
{
  SE_ICAL_ERROR_NOTHING_TO_EXPORT,
  SE_ICAL_ERROR_WRITE,
} SeIcalError;

GQuark    se_ical_error_quark          (void);

char     *se_ical_build                (SeStore     *store,
                                        GPtrArray   *placements,
                                        GError     **error);
gboolean  se_ical_export_placements    (SeStore     *store,
                                        GPtrArray   *placements,
                                        const char  *path,
                                        GError     **error);
gboolean  se_ical_export_placement     (SeStore     *store,
                                        SeRecord    *placement,
                                        const char  *path,
                                        GError     **error);
GPtrArray *se_ical_partnership_placements (SeStore  *store,
                                        gint64       partnership_id);
gboolean  se_ical_export_partnership   (SeStore     *store,
                                        gint64       partnership_id,
                                        const char  *path,
                                        GError     **error);
gboolean  se_ical_export_all           (SeStore     *store,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS
