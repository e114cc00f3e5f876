/* se-calendar-day.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

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
