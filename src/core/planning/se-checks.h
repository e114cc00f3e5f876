/* se-checks.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-finding.h"
#include "se-store.h"

G_BEGIN_DECLS

/* Consistency checks across records, and reminders.
 *
 * For a Checks page:
 *
 *   g_autoptr(GPtrArray) findings = se_checks_run (store, NULL, 90, &error);
 *
 * gives SeFinding objects, most serious first; each names its rule
 * (se_check_rule_get_label() for a heading), the record to link to
 * (se_finding_get_record_type/_id, e.g. SE_TYPE_PLACEMENT and its id, for
 * se_store_lookup()), maybe a second record (get_related_type/_id) and one
 * translated sentence (get_message). findings->len is the sidebar count.
 * A "Dismiss" button calls se_checks_dismiss (store, finding, &error) and
 * runs the checks again; dismissed findings stay in the `dismissal` table
 * (se-store-checks.h) until se_store_undismiss(). Rerun on SeStore::changed.
 *
 * The rules and how they read the records:
 *
 * - overlapping-placements (error): a person takes part, in any role, in
 *   two placements that share a day. Dates are whole days, both ends
 *   counted: ending on the 4th and starting on the 4th overlap; ending on
 *   the 4th and starting on the 5th do not. Cancelled placements are left
 *   out. About the placement that starts first; related: the other.
 * - outside-agreement (error): a placement (not cancelled) starts before
 *   its covering agreement's valid-from or ends after its valid-until.
 * - outside-partnership (warning): a placement (not cancelled) lies outside
 *   its partnership's since/until (the placement's own partnership, else
 *   its agreement's). A partial date covers all it names: since "1949"
 *   starts on 1 January 1949, until "2022-05" ends on 31 May 2022.
 * - no-non-disclosure (error): a placement (not cancelled) that requires
 *   confidentiality (its own flag or its agreement's) has a guest for whom
 *   no signed non-disclosure declaration exists by the first day. Signed
 *   means either (a) a fulfilled prerequisite of kind non-disclosure of the
 *   placement, fulfilled on or before the start (it covers every guest), or
 *   (b) an agreement of kind non-disclosure, status signed, between the
 *   guest's home and host organisations in either order (an organisation
 *   or one of its parents: a district's declaration binds its job centre),
 *   not expired before the start, with a signatory on the guest's home side
 *   who signed on or before the start. Only guests need one: mentors and
 *   coordinators work for the host.
 * - quota-exceeded (warning): per agreement, calendar year (of the start)
 *   and direction (guests of party A hosted by party B, and back), more
 *   persons (guests) than the quota's persons (field quota-placements), or
 *   more person-days (each guest's calendar days in the placement) than
 *   its person-days (field quota-days). Counted by se-quota.c, as the
 *   printed summary counts; cancelled placements use no quota. One finding
 *   per year, direction and measure, all about the agreement.
 * - agreement-expiring (info): a signed agreement's valid-until lies
 *   between today and today + @expiry_warning_days, both included.
 * - agreement-expired (error): an agreement's valid-until lies before today
 *   while placements it covers are still proposed or approved and end after
 *   it. Related: the first such placement.
 * - partnership-without-agreement (info): an active partnership has no
 *   agreement: none refers to it or to a partnership inside it (the job
 *   centres' cooperation inside a district partnership), and none is made
 *   between its two organisations.
 * - no-mentor (warning): a hospitation, job swap, virtual placement or
 *   secondment (the kinds of se_placement_kind_needs_mentor()), not
 *   cancelled, has a guest hosted by an organisation none of whose
 *   participants is a mentor (a participant of role mentor whose host or
 *   home organisation is that one). A placement with no guests yet is not
 *   checked.
 *
 * A dismissal is per rule and record: dismissing the quota finding of an
 * agreement hides all its quota findings, and dismissing an overlap hides
 * the overlaps of its (first) placement with any other. */

/**
 * SeReminderKind:
 * @SE_REMINDER_AGREEMENT_EXPIRING: a signed agreement runs out soon
 * @SE_REMINDER_PLACEMENT_STARTING: a proposed or approved placement starts soon
 */
typedef enum
{
  SE_REMINDER_AGREEMENT_EXPIRING,
  SE_REMINDER_PLACEMENT_STARTING,
} SeReminderKind;

/**
 * SeReminder:
 * @kind: what it reminds of
 * @record_type: %SE_TYPE_AGREEMENT or %SE_TYPE_PLACEMENT
 * @record_id: the record
 * @date: the day it happens (valid-until or start-date), ISO
 * @message: a translated sentence naming the record and the date
 */
typedef struct
{
  SeReminderKind  kind;
  GType           record_type;
  gint64          record_id;
  char           *date;
  char           *message;
} SeReminder;

#define SE_CHECKS_DEFAULT_EXPIRY_WARNING_DAYS 90
#define SE_CHECKS_DEFAULT_START_REMINDER_DAYS 7

GPtrArray *se_checks_run           (SeStore     *store,
                                    const char  *today_iso,
                                    int          expiry_warning_days,
                                    GError     **error);
gboolean   se_checks_dismiss       (SeStore     *store,
                                    SeFinding   *finding,
                                    GError     **error);

GPtrArray *se_checks_get_reminders (SeStore     *store,
                                    const char  *today_iso,
                                    int          expiry_days,
                                    int          start_days);
guint      se_reminders_count      (GPtrArray   *reminders,
                                    SeReminderKind kind);
void       se_reminder_free        (SeReminder  *reminder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SeReminder, se_reminder_free)

G_END_DECLS
