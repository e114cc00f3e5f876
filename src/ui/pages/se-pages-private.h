/* se-pages-private.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the files of ui/pages/ share and nothing outside it uses: the rows
 * and parts the pages are built of. Each is a template beside its .c. The
 * pages themselves, which the window shows, have public headers of their
 * own. */

#pragma once

#include <adwaita.h>

#include "se-audit-entry.h"
#include "se-finding.h"
#include "se-store.h"

G_BEGIN_DECLS

/* A related record on a record page: se-record-row.c */

#define SE_TYPE_RECORD_ROW (se_record_row_get_type ())

G_DECLARE_FINAL_TYPE (SeRecordRow, se_record_row, SE, RECORD_ROW, AdwActionRow)

GtkWidget *se_record_row_new (SeStore    *store,
                              SeRecord   *record,
                              const char *action_name,
                              const char *icon_name);

/* The Checks page's rows and the keys of its actions: se-checks-rows.c */

/* The rows of the Checks page (se-checks-page.c), each a template of its
 * own. Their buttons activate the page's actions checks.open,
 * checks.dismiss and checks.restore, with a key as target: a record as
 * "table:id" (se_checks_record_key()), a finding by its dismissal,
 * "rule-nick:table:id" (se_checks_finding_key(), the store's
 * se_store_dismissal_key()). A finding has no id of its own: the checks
 * make it afresh on each run. The actions read the keys back with
 * se_checks_parse_record_key() and se_checks_parse_finding_key(). */

#define SE_TYPE_FINDING_ROW (se_finding_row_get_type ())
#define SE_TYPE_DISMISSED_ROW (se_dismissed_row_get_type ())
#define SE_TYPE_CHECKS_HEADING (se_checks_heading_get_type ())

G_DECLARE_FINAL_TYPE (SeFindingRow, se_finding_row, SE, FINDING_ROW, AdwActionRow)
G_DECLARE_FINAL_TYPE (SeDismissedRow, se_dismissed_row, SE, DISMISSED_ROW, AdwActionRow)
G_DECLARE_FINAL_TYPE (SeChecksHeading, se_checks_heading, SE, CHECKS_HEADING, AdwBin)

GtkWidget *se_finding_row_new    (SeStore    *store,
                                  SeFinding  *finding);
GtkWidget *se_dismissed_row_new  (SeFinding  *finding);
GtkWidget *se_checks_heading_new (const char *text,
                                  gboolean    below_list);

char      *se_checks_record_key        (GType        type,
                                        gint64       id);
char      *se_checks_finding_key       (SeFinding   *finding);
gboolean   se_checks_parse_record_key  (const char  *key,
                                        GType       *type,
                                        gint64      *id);
gboolean   se_checks_parse_finding_key (const char  *key,
                                        SeCheckRule *rule,
                                        GType       *type,
                                        gint64      *id);

/* An entry of the History page: se-history-row.c */

#define SE_TYPE_HISTORY_ROW (se_history_row_get_type ())

G_DECLARE_FINAL_TYPE (SeHistoryRow, se_history_row, SE, HISTORY_ROW, AdwActionRow)

GtkWidget    *se_history_row_new       (SeStore      *store,
                                        SeAuditEntry *entry);
SeAuditEntry *se_history_row_get_entry (SeHistoryRow *self);

/* A day of the Calendar's month view and a placement in it: se-calendar-day.c */

/* The cells of the Calendar's month view (se-calendar-page.c), each a
 * template: a day, and a placement in it, a button that activates the
 * page's calendar.open with the placement's id. */

#define SE_TYPE_CALENDAR_DAY (se_calendar_day_get_type ())
#define SE_TYPE_CALENDAR_EVENT (se_calendar_event_get_type ())

G_DECLARE_FINAL_TYPE (SeCalendarDay, se_calendar_day, SE, CALENDAR_DAY, GtkBox)
G_DECLARE_FINAL_TYPE (SeCalendarEvent, se_calendar_event, SE, CALENDAR_EVENT, GtkButton)

GtkWidget *se_calendar_day_new       (void);
void       se_calendar_day_set_date  (SeCalendarDay *self,
                                      int            day_of_month,
                                      gboolean       other_month,
                                      gboolean       today);
void       se_calendar_day_add_event (SeCalendarDay *self,
                                      GtkWidget     *event);
void       se_calendar_day_set_more  (SeCalendarDay *self,
                                      guint          more);

GtkWidget *se_calendar_event_new     (gint64         placement_id,
                                      const char    *title,
                                      const char    *tooltip,
                                      int            kind,
                                      gboolean       cancelled);

G_END_DECLS
