/* se-date.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "se-date.h"

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
has_full_year (const char *s)
{
  gsize run = 0;

  for (; *s; s++)
    {
      run = g_ascii_isdigit (*s) ? run + 1 : 0;
      if (run == 4)
        return TRUE;
    }
  return FALSE;
}

/**
 * se_date_is_valid:
 * @iso: (nullable): text to check
 *
 * Returns: %TRUE if @iso is a real calendar date written YYYY-MM-DD.
 */
gboolean
se_date_is_valid (const char *iso)
{
  GDate date;

  return se_date_to_gdate (iso, &date);
}

/**
 * se_partial_date_is_valid:
 * @iso: (nullable): text to check
 *
 * Returns: %TRUE for "YYYY", "YYYY-MM" or a valid "YYYY-MM-DD".
 */
gboolean
se_partial_date_is_valid (const char *iso)
{
  gsize len;
  int month;

  if (iso == NULL)
    return FALSE;

  len = strlen (iso);
  if (len == 4)
    return all_digits (iso, 4) && g_ascii_strtoll (iso, NULL, 10) >= 1;
  if (len == 7)
    {
      if (!all_digits (iso, 4) || iso[4] != '-' || !all_digits (iso + 5, 2))
        return FALSE;
      month = (int) g_ascii_strtoll (iso + 5, NULL, 10);
      return month >= 1 && month <= 12 && g_ascii_strtoll (iso, NULL, 10) >= 1;
    }
  return se_date_is_valid (iso);
}

gboolean
se_time_is_valid (const char *hhmm)
{
  int h, m;

  if (hhmm == NULL || strlen (hhmm) != 5 || hhmm[2] != ':'
      || !all_digits (hhmm, 2) || !all_digits (hhmm + 3, 2))
    return FALSE;

  h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
  m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  return h < 24 && m < 60;
}

gboolean
se_date_to_gdate (const char *iso,
                  GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-'
      || !all_digits (iso, 4) || !all_digits (iso + 5, 2) || !all_digits (iso + 8, 2))
    return FALSE;

  y = (int) g_ascii_strtoll (iso, NULL, 10);
  m = (int) g_ascii_strtoll (iso + 5, NULL, 10);
  d = (int) g_ascii_strtoll (iso + 8, NULL, 10);

  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
se_date_from_gdate (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * se_date_parse:
 * @text: a date as a user typed it
 *
 * Accepts ISO dates, the German "6.7.2023" and "06.07.2023", and whatever
 * the current locale writes for a date.
 *
 * Returns: (transfer full) (nullable): the date as "YYYY-MM-DD", or %NULL
 *   if @text is not a date.
 */
char *
se_date_parse (const char *text)
{
  g_autofree char *stripped = NULL;
  GDate date;
  unsigned d, m, y;
  char tail;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return NULL;

  if (se_date_to_gdate (stripped, &date))
    return g_strdup (stripped);

  if (sscanf (stripped, "%u.%u.%u%c", &d, &m, &y, &tail) == 3
      && y >= 1000 && y <= 9999 && g_date_valid_dmy (d, m, y))
    {
      g_date_set_dmy (&date, d, m, y);
      return se_date_from_gdate (&date);
    }

  /* Anything else: let the locale decide, but only with a year of four
   * digits, so that "1.2.3" is not guessed to be some date in 2003. */
  if (!has_full_year (stripped))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, stripped);
  if (g_date_valid (&date))
    return se_date_from_gdate (&date);

  return NULL;
}

static gboolean
locale_is_c (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL || strcmp (name, "POSIX") == 0 || strcmp (name, "C") == 0
         || g_str_has_prefix (name, "C.");
}

/**
 * se_date_format:
 * @iso: (nullable): a date, partial date or %NULL
 *
 * Returns: (transfer full): @iso written the way the current locale writes
 *   dates (06.07.2023 in German), a partial date as it is, "" for %NULL.
 */
char *
se_date_format (const char *iso)
{
  GDate date;
  char buf[64];

  if (iso == NULL)
    return g_strdup ("");

  if (!se_date_to_gdate (iso, &date))
    return g_strdup (iso);

  /* The C locale's %x is the ambiguous 08/02/21: ISO says it plainly. */
  if (locale_is_c ())
    return g_strdup (iso);

  /* The locale's own order and separators, but always a four-digit year:
   * en_GB's 25/09/19 reads badly in a record that spans decades. */
  {
    g_autofree char *format = g_strdup (nl_langinfo (D_FMT));
    char *y = strstr (format, "%y");

    if (y != NULL)
      y[1] = 'Y';
    if (g_date_strftime (buf, sizeof buf, format, &date) == 0)
      return g_strdup (iso);
  }

  return g_strdup (buf);
}

/**
 * se_date_time_format_change:
 * @utc: when something was changed
 *
 * Returns: (transfer full): the time of a change in local time, as a
 *   "changed by … at …" line shows it: the hour and minute for a change of
 *   today ("10:42"), the date before them for an earlier one
 */
char *
se_date_time_format_change (GDateTime *utc)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_steal_pointer (&time);

  iso = g_date_time_format (local, "%Y-%m-%d");
  date = se_date_format (iso);
  /* Translators: a date and a time of day, e.g. "03.12.2026, 10:42" */
  return g_strdup_printf (C_("date and time", "%1$s, %2$s"), date, time);
}

/**
 * se_date_compare_range:
 * @start: (nullable): a date or partial date
 * @end: (nullable): a date or partial date
 *
 * Compares the end of a period with its start, reading a partial end date
 * as the whole year or month it names.
 *
 * Returns: a negative number if @end lies before @start, else 0 (also when
 *   either is missing).
 */
int
se_date_compare_range (const char *start,
                       const char *end)
{
  gsize end_len;

  if (start == NULL || end == NULL)
    return 0;

  end_len = strlen (end);
  return strncmp (end, start, MAX (end_len, (gsize) 1)) < 0 ? -1 : 0;
}

/**
 * se_date_days_between:
 *
 * Returns: the number of calendar days from @start to @end, both counted,
 *   or 0 if either is not a full date or @end precedes @start.
 */
int
se_date_days_between (const char *start,
                      const char *end)
{
  GDate a, b;
  int days;

  if (!se_date_to_gdate (start, &a) || !se_date_to_gdate (end, &b))
    return 0;

  days = g_date_days_between (&a, &b);
  return days < 0 ? 0 : days + 1;
}
