/* se-calendar-page.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-tool-page.h"

G_BEGIN_DECLS

#define SE_TYPE_CALENDAR_PAGE (se_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (SeCalendarPage, se_calendar_page, SE, CALENDAR_PAGE, SeToolPage)

SeCalendarPage *se_calendar_page_new                (SeStore         *store);
void            se_calendar_page_refresh            (SeCalendarPage  *self);
void            se_calendar_page_set_month          (SeCalendarPage  *self,
                                                     int              year,
                                                     int              month);
GPtrArray      *se_calendar_page_get_timeline_rows  (SeCalendarPage  *self);
GPtrArray      *se_calendar_page_get_day_placements (SeCalendarPage  *self,
                                                     const char      *day_iso);

G_END_DECLS
