/* se-ical.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-exchange"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "se-agreement.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-ical.h"
#include "se-participant.h"
#include "se-placement.h"
#include "se-private-file.h"
#include "se-programme-item.h"
#include "se-store-calendar.h"
#include "se-store-jobs.h"

/* See se-ical.h for what the file holds. libical does the escaping, the
 * CRLF line ends and the folding of long lines (at 75 octets, between
 * UTF-8 characters); we only build components. Only the _r serialiser is
 * used, whose buffer we own: the others use libical's ring of temporary
 * buffers.
 */

G_DEFINE_QUARK (se-ical-error-quark, se_ical_error)

static struct icaltimetype
date_value (const char *iso,
            int         add_days)
{
  GDate date;
  struct icaltimetype t = icaltime_null_date ();

  if (!se_date_to_gdate (iso, &date))
    return icaltime_null_time ();
  if (add_days > 0)
    g_date_add_days (&date, (guint) add_days);
  t.year = g_date_get_year (&date);
  t.month = g_date_get_month (&date);
  t.day = g_date_get_day (&date);
  t.is_date = 1;
  return t;
}

/* A floating local time: no zone, no "Z". */
static struct icaltimetype
time_value (const char *iso,
            const char *hhmm)
{
  struct icaltimetype t = date_value (iso, 0);

  t.is_date = 0;
  t.hour = (int) g_ascii_strtoll (hhmm, NULL, 10);
  t.minute = (int) g_ascii_strtoll (hhmm + 3, NULL, 10);
  t.second = 0;
  t.zone = NULL;
  return t;
}

static char *
uid (const char *kind,
     gint64      id)
{
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT "@staffexchange", kind, id);
}

static char *
describe_participants (SeStore  *store,
                       SeRecord *placement)
{
  g_autoptr(GPtrArray) participants = se_store_find (store, SE_TYPE_PARTICIPANT, "placement-id",
                                                     se_record_get_id (placement));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < participants->len; i++)
    {
      SeRecord *p = g_ptr_array_index (participants, i);
      g_autofree char *name = se_describe_title (store, p);
      g_autofree char *home = se_describe_reference (store, p, "home-organisation-id");
      g_autofree char *host = se_describe_reference (store, p, "host-organisation-id");
      const char *role = se_enum_get_label (SE_TYPE_PARTICIPANT_ROLE,
                                            se_record_get_int (p, "role"));

      /* Translators: a participant in a calendar entry: name, role, home
       * organisation and host organisation, e.g. "Lena Sargalski (Guest,
       * Stadt Bad Salzuflen → KDN)" */
      g_string_append_printf (text, _("%1$s (%2$s, %3$s → %4$s)"), name, role, home, host);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
add_text (icalcomponent *event,
          icalproperty  *(*make) (const char *),
          const char     *text)
{
  if (text != NULL && *text != '\0')
    icalcomponent_add_property (event, make (text));
}

static icalcomponent *
placement_event (SeStore             *store,
                 SeRecord            *placement,
                 struct icaltimetype  stamp)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  gint64 id = se_record_get_id (placement);
  g_autofree char *event_uid = uid ("placement", id);
  g_autofree char *participants = describe_participants (store, placement);
  const char *goals = se_record_get_string (placement, "goals");
  int status = se_record_get_int (placement, "status");
  GString *description = g_string_new (NULL);
  g_autofree char *text = NULL;

  icalcomponent_add_property (event, icalproperty_new_uid (event_uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (
    date_value (se_record_get_string (placement, "start-date"), 0)));
  icalcomponent_add_property (event, icalproperty_new_dtend (
    date_value (se_record_get_string (placement, "end-date"), 1)));
  add_text (event, icalproperty_new_summary, se_record_get_string (placement, "title"));
  add_text (event, icalproperty_new_location, se_record_get_string (placement, "location"));
  add_text (event, icalproperty_new_categories,
            se_enum_get_label (SE_TYPE_PLACEMENT_KIND, se_record_get_int (placement, "kind")));
  icalcomponent_add_property (event, icalproperty_new_status (
    status == SE_PLACEMENT_STATUS_CANCELLED ? ICAL_STATUS_CANCELLED
    : status == SE_PLACEMENT_STATUS_PROPOSED ? ICAL_STATUS_TENTATIVE : ICAL_STATUS_CONFIRMED));
  /* An all-day placement does not block the calendar: the programme items do. */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));

  /* Translators: a line in a calendar entry, %s is a kind of placement */
  g_string_append_printf (description, _("Kind: %s"),
                          se_enum_get_label (SE_TYPE_PLACEMENT_KIND,
                                             se_record_get_int (placement, "kind")));
  g_string_append_c (description, '\n');
  /* Translators: a line in a calendar entry, %s is the status of a placement */
  g_string_append_printf (description, _("Status: %s"),
                          se_enum_get_label (SE_TYPE_PLACEMENT_STATUS, status));
  g_string_append_c (description, '\n');
  if (*participants != '\0')
    {
      g_string_append_printf (description, "\n%s\n%s", _("Participants:"), participants);
    }
  if (goals != NULL && *goals != '\0')
    g_string_append_printf (description, "\n%s\n%s\n", _("Goals and tasks:"), goals);
  text = g_string_free (description, FALSE);
  add_text (event, icalproperty_new_description, g_strchomp (text));

  return event;
}

static icalcomponent *
item_event (SeRecord            *item,
            SeRecord            *placement,
            struct icaltimetype  stamp)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *event_uid = uid ("programme-item", se_record_get_id (item));
  g_autofree char *parent_uid = uid ("placement", se_record_get_id (placement));
  const char *date = se_record_get_string (item, "date");
  const char *start = se_record_get_string (item, "start-time");
  const char *end = se_record_get_string (item, "end-time");
  const char *location = se_record_get_string (item, "location");
  const char *notes = se_record_get_string (item, "notes");
  g_autofree char *description = NULL;

  icalcomponent_add_property (event, icalproperty_new_uid (event_uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  if (start != NULL)
    {
      icalcomponent_add_property (event, icalproperty_new_dtstart (time_value (date, start)));
      if (end != NULL)
        icalcomponent_add_property (event, icalproperty_new_dtend (time_value (date, end)));
    }
  else
    {
      icalcomponent_add_property (event, icalproperty_new_dtstart (date_value (date, 0)));
      icalcomponent_add_property (event, icalproperty_new_dtend (date_value (date, 1)));
    }
  add_text (event, icalproperty_new_summary, se_record_get_string (item, "title"));
  add_text (event, icalproperty_new_location,
            location != NULL ? location : se_record_get_string (placement, "location"));
  icalcomponent_add_property (event, icalproperty_new_relatedto (parent_uid));
  if (se_record_get_int (placement, "status") == SE_PLACEMENT_STATUS_CANCELLED)
    icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CANCELLED));

  /* Translators: the first line of a programme item's calendar entry, %s
   * is the placement it belongs to */
  description = g_strdup_printf (_("Part of “%s”"), se_record_get_string (placement, "title"));
  if (notes != NULL && *notes != '\0')
    {
      g_autofree char *with_notes = g_strdup_printf ("%s\n\n%s", description, notes);
      g_free (description);
      description = g_steal_pointer (&with_notes);
    }
  add_text (event, icalproperty_new_description, description);

  return event;
}

/* Appends @event as text and frees it */
static void
append_event (GString       *out,
              icalcomponent *event)
{
  char *text = icalcomponent_as_ical_string_r (event);

  g_string_append (out, text);
  icalmemory_free_buffer (text);
  icalcomponent_free (event);
}

/**
 * se_ical_build:
 * @store: the store
 * @placements: (element-type SeRecord): the placements to export
 * @error: %SE_ICAL_ERROR_NOTHING_TO_EXPORT when @placements is empty
 *
 * Returns: (transfer full) (nullable): a VCALENDAR with CRLF line ends
 */
char *
se_ical_build (SeStore    *store,
               GPtrArray  *placements,
               GError    **error)
{
  icalcomponent *calendar;
  struct icaltimetype stamp;
  char *ics;
  const char *end;
  GString *result;
  gboolean reading;

  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (placements != NULL, NULL);

  if (placements->len == 0)
    {
      g_set_error_literal (error, SE_ICAL_ERROR, SE_ICAL_ERROR_NOTHING_TO_EXPORT,
                           _("There are no placements to export. Choose placements or a "
                             "partnership that has some."));
      return NULL;
    }

  stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());
  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//Staff Exchange//Staff Exchange "
                                                           PACKAGE_VERSION "//EN"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  icalproperty_new_method (ICAL_METHOD_PUBLISH),
                                  (void *) 0);
  {
    icalproperty *name = icalproperty_new_x (_("Staff Exchange"));
    icalproperty_set_x_name (name, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, name);
  }

  /* The calendar's own lines, then each event written out and freed as it
   * is made: 200,000 placements as one tree of components took about
   * 1 GB, as text they are 100 MB. */
  ics = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  end = g_strrstr (ics, "END:VCALENDAR");
  g_return_val_if_fail (end != NULL, NULL);
  result = g_string_new_len (ics, end - ics);

  /* One read transaction: each lookup on its own would take and drop
   * SQLite's lock, which was half the time of a large export. */
  reading = _se_store_read_begin (store);
  for (guint i = 0; i < placements->len; i++)
    {
      SeRecord *placement = g_ptr_array_index (placements, i);
      g_autoptr(GPtrArray) items = NULL;

      if (!SE_IS_PLACEMENT (placement))
        {
          g_critical ("se_ical_build: not a placement");
          continue;
        }

      append_event (result, placement_event (store, placement, stamp));
      items = se_store_find (store, SE_TYPE_PROGRAMME_ITEM, "placement-id",
                             se_record_get_id (placement));
      for (guint j = 0; j < items->len; j++)
        append_event (result, item_event (g_ptr_array_index (items, j), placement, stamp));
    }
  _se_store_read_end (store, reading);

  g_string_append (result, end);
  icalmemory_free_buffer (ics);
  return g_string_free (result, FALSE);
}

/**
 * se_ical_export_placements:
 *
 * Writes se_ical_build() to @path atomically (a temporary file renamed),
 * readable by the owner only: it names people.
 */
gboolean
se_ical_export_placements (SeStore     *store,
                           GPtrArray   *placements,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *ics = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  ics = se_ical_build (store, placements, error);
  if (ics == NULL)
    return FALSE;

  if (!se_private_file_write (path, ics, -1, &local))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Translators: %1$s is a file name, %2$s the reason */
      g_set_error (error, SE_ICAL_ERROR, SE_ICAL_ERROR_WRITE,
                   _("The calendar file “%1$s” could not be written: %2$s. Choose another "
                     "folder or free some space and try again."), name, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
se_ical_export_placement (SeStore     *store,
                          SeRecord    *placement,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (SE_IS_PLACEMENT (placement), FALSE);

  g_ptr_array_add (one, placement);
  return se_ical_export_placements (store, one, path, error);
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  SeRecord *x = *(SeRecord **) a, *y = *(SeRecord **) b;
  int c = g_strcmp0 (se_record_get_string (x, "start-date"),
                     se_record_get_string (y, "start-date"));

  if (c != 0)
    return c;
  return se_record_get_id (x) < se_record_get_id (y) ? -1 : 1;
}

/**
 * se_ical_partnership_placements:
 *
 * Returns: (transfer container) (element-type SeRecord): the placements of
 *   a partnership: those that name it and those whose agreement belongs to
 *   it, ordered by start date
 */
GPtrArray *
se_ical_partnership_placements (SeStore *store,
                                gint64   partnership_id)
{
  GPtrArray *result = se_store_find (store, SE_TYPE_PLACEMENT, "partnership-id", partnership_id);
  g_autoptr(GPtrArray) agreements = se_store_find (store, SE_TYPE_AGREEMENT, "partnership-id",
                                                   partnership_id);

  for (guint i = 0; i < agreements->len; i++)
    {
      g_autoptr(GPtrArray) covered = se_store_find (store, SE_TYPE_PLACEMENT, "agreement-id",
                                                    se_record_get_id (g_ptr_array_index (agreements, i)));

      for (guint j = 0; j < covered->len; j++)
        if (!g_ptr_array_find (result, g_ptr_array_index (covered, j), NULL))
          g_ptr_array_add (result, g_object_ref (g_ptr_array_index (covered, j)));
    }
  g_ptr_array_sort (result, compare_start);
  return result;
}

gboolean
se_ical_export_partnership (SeStore     *store,
                            gint64       partnership_id,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GPtrArray) placements = se_ical_partnership_placements (store, partnership_id);

  return se_ical_export_placements (store, placements, path, error);
}

gboolean
se_ical_export_all (SeStore     *store,
                    const char  *path,
                    GError     **error)
{
  /* Read for the export only, by start date, rather than through the
   * store's list of all placements, which would stay loaded. */
  g_autoptr(GPtrArray) placements = se_store_find_placements_between (store, "0000-01-01",
                                                                      "9999-12-31", error);

  if (placements == NULL)
    return FALSE;
  return se_ical_export_placements (store, placements, path, error);
}
