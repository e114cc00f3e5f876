/* se-date.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Records keep dates as ISO 8601 text ("2021-08-02"); partnerships may keep
 * only a year or a month ("1949", "1992-05"). Times are "HH:MM". */

gboolean  se_date_is_valid          (const char *iso);
gboolean  se_partial_date_is_valid  (const char *iso);
gboolean  se_time_is_valid          (const char *hhmm);
char     *se_date_parse             (const char *text);
char     *se_date_format            (const char *iso);
char     *se_date_time_format_change (GDateTime *utc);
gboolean  se_date_to_gdate          (const char *iso,
                                     GDate      *date);
char     *se_date_from_gdate        (const GDate *date);
int       se_date_compare_range     (const char *start,
                                     const char *end);
int       se_date_days_between      (const char *start,
                                     const char *end);

G_END_DECLS
