/* test-ical.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <string.h>

#include <libical/ical.h>

#include "se-example-data.h"
#include "se-ical.h"
#include "se-test-planning.h"
#include "se-test-db.h"
#include "se-test-util.h"

/* Calendar files made from the example data, read back with libical's own
 * parser and, where Debian's python3-icalendar is installed, with the
 * parser many calendar tools use. */

typedef struct
{
  char    *dir;
  char    *db;
  char    *path;
  SeStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = se_test_make_dir ();
  f->db = se_test_db_new (f->dir, "ical.db");
  f->path = g_build_filename (f->dir, "austausch.ics", NULL);
  f->store = se_test_db_open (f->db, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  se_example_data_load (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  se_test_db_free (f->db);
  g_free (f->path);
  g_free (f->dir);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* CRLF everywhere, no line over 75 octets, and folding never splits a
 * UTF-8 character: unfolded, every line is valid UTF-8. */
static void
assert_well_formed (const char *ics)
{
  g_auto(GStrv) lines = g_strsplit (ics, "\r\n", -1);
  g_autoptr(GString) unfolded = g_string_new (NULL);

  for (const char *p = ics; *p; p++)
    if (*p == '\n')
      g_assert_true (p > ics && p[-1] == '\r');

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      if (lines[i][0] == ' ')
        g_string_append (unfolded, lines[i] + 1);
      else
        {
          g_assert_true (g_utf8_validate (unfolded->str, -1, NULL));
          g_string_assign (unfolded, lines[i]);
        }
    }
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (c), uid) == 0)
      return c;
  return NULL;
}

static guint
count_events (icalcomponent *calendar)
{
  guint n = 0;

  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    n++;
  return n;
}

static icalcomponent *
parse_file (const char *path)
{
  g_autofree char *ics = read_file (path);
  icalcomponent *calendar;

  assert_well_formed (ics);
  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  /* libical finds nothing to complain about. */
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

static void
assert_date (struct icaltimetype t,
             int                 year,
             int                 month,
             int                 day)
{
  g_assert_true (t.is_date);
  g_assert_cmpint (t.year, ==, year);
  g_assert_cmpint (t.month, ==, month);
  g_assert_cmpint (t.day, ==, day);
}

/* The job swap of the example data: 28 February to 4 March 2022, with its
 * week's programme of 15 items. */
static void
test_one_placement (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SeRecord) swap = se_store_lookup (f->store, SE_TYPE_PLACEMENT, 3);
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar, *event;
  struct icaltimetype start, end;
  const char *description;

  g_assert_cmpstr (se_record_get_string (swap, "title"), ==, "Job Swop in der Karnevalswoche");
  se_ical_export_placement (f->store, swap, f->path, &error);
  g_assert_no_error (error);

  calendar = parse_file (f->path);
  g_assert_cmpuint (count_events (calendar), ==, 1 + 15);

  event = find_event (calendar, "placement-3@staffexchange");
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Job Swop in der Karnevalswoche");
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Bad Salzuflen und KDN");
  assert_date (icalcomponent_get_dtstart (event), 2022, 2, 28);
  /* DTEND is exclusive: the day after 4 March. */
  assert_date (icalcomponent_get_dtend (event), 2022, 3, 5);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  description = icalcomponent_get_description (event);
  g_assert_nonnull (strstr (description, "Job swap"));
  g_assert_nonnull (strstr (description, "Lena Sargalski"));
  g_assert_nonnull (strstr (description, "Clarisse Schröder"));
  g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));

  /* A programme item: a floating local time, umlauts intact. */
  event = find_event (calendar, "programme-item-4@staffexchange");
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Tägliches Briefing");
  start = icalcomponent_get_dtstart (event);
  end = icalcomponent_get_dtend (event);
  g_assert_false (start.is_date);
  g_assert_true (start.zone == NULL && !icaltime_is_utc (start));
  g_assert_cmpint (start.year, ==, 2022);
  g_assert_cmpint (start.month, ==, 2);
  g_assert_cmpint (start.day, ==, 28);
  g_assert_cmpint (start.hour, ==, 8);
  g_assert_cmpint (start.minute, ==, 30);
  g_assert_cmpint (end.hour, ==, 8);
  g_assert_cmpint (end.minute, ==, 40);
  g_assert_cmpstr (icalproperty_get_relatedto (icalcomponent_get_first_property (
                     event, ICAL_RELATEDTO_PROPERTY)), ==, "placement-3@staffexchange");

  /* The longest title, folded over lines and read back whole. */
  event = find_event (calendar, "programme-item-8@staffexchange");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==,
                   "Interkommunale Austauschrunde Dokumentenmanagementsystem");

  icalcomponent_free (calendar);
}

static void
test_all_and_partnership (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar, *event;

  se_ical_export_all (f->store, f->path, &error);
  g_assert_no_error (error);
  calendar = parse_file (f->path);
  /* 8 placements, 24 programme items */
  g_assert_cmpuint (count_events (calendar), ==, 8 + 24);
  /* The proposed hospitation is tentative. */
  event = find_event (calendar, "placement-8@staffexchange");
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_TENTATIVE);
  icalcomponent_free (calendar);

  /* The job centres' cooperation: placements 4 to 8, 6 programme items. */
  se_ical_export_partnership (f->store, 5, f->path, &error);
  g_assert_no_error (error);
  calendar = parse_file (f->path);
  g_assert_cmpuint (count_events (calendar), ==, 5 + 6);
  g_assert_null (find_event (calendar, "placement-3@staffexchange"));
  g_assert_nonnull (find_event (calendar, "placement-7@staffexchange"));
  icalcomponent_free (calendar);

  /* A partnership without placements: nothing to export, no file. */
  g_remove (f->path);
  g_assert_false (se_ical_export_partnership (f->store, 4, f->path, &error));
  g_assert_error (error, SE_ICAL_ERROR, SE_ICAL_ERROR_NOTHING_TO_EXPORT);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* A programme item without a time is an all-day event; a cancelled
 * placement's events are cancelled. */
static void
test_all_day_item_and_cancelled (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(SeRecord) item = SE_RECORD (se_programme_item_new ());
  g_autoptr(SeRecord) placement = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar, *event;
  gint64 p;

  p = se_test_placement (f->store, SE_PLACEMENT_KIND_SECONDMENT, "Abordnung nach Görlitz",
                         "2024-12-30", "2025-01-03", SE_PLACEMENT_STATUS_CANCELLED, 0, 0);
  se_record_set_reference (item, "placement-id", p);
  se_record_set_string (item, "date", "2024-12-31");
  se_record_set_string (item, "title", "Jahresabschluss");
  se_test_save (f->store, item);

  placement = se_store_lookup (f->store, SE_TYPE_PLACEMENT, p);
  se_ical_export_placement (f->store, placement, f->path, &error);
  g_assert_no_error (error);
  calendar = parse_file (f->path);
  event = find_event (calendar, "placement-" G_STRINGIFY (9) "@staffexchange");
  g_assert_nonnull (event);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  assert_date (icalcomponent_get_dtend (event), 2025, 1, 4);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Jahresabschluss");
  assert_date (icalcomponent_get_dtstart (event), 2024, 12, 31);
  assert_date (icalcomponent_get_dtend (event), 2025, 1, 1);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  icalcomponent_free (calendar);
}

/* python3-icalendar (Debian) reads the file as calendar tools do. */
static void
test_python_icalendar (Fixture       *f,
                       gconstpointer  data)
{
  const char *script =
    "import sys, icalendar\n"
    "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
    "events = cal.walk('VEVENT')\n"
    "print(len(events))\n"
    "e = [e for e in events if str(e['UID']) == 'placement-3@staffexchange'][0]\n"
    "print(e['DTSTART'].dt.isoformat(), e['DTEND'].dt.isoformat())\n"
    "print(str(e['SUMMARY']))\n"
    "i = [e for e in events if str(e['UID']) == 'programme-item-4@staffexchange'][0]\n"
    "print(i['DTSTART'].dt.isoformat(), i['DTSTART'].dt.tzinfo)\n"
    "print(str(i['SUMMARY']))\n";
  const char *check[] = { "/usr/bin/python3", "-c", "import icalendar", NULL };
  const char *argv[] = { "/usr/bin/python3", "-c", script, f->path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) swap = se_store_lookup (f->store, SE_TYPE_PLACEMENT, 3);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) check, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("python3-icalendar is not installed");
      return;
    }

  se_ical_export_placement (f->store, swap, f->path, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3-icalendar failed: %s", err);
  g_assert_cmpstr (out, ==,
                   "16\n"
                   "2022-02-28 2022-03-05\n"
                   "Job Swop in der Karnevalswoche\n"
                   "2022-02-28T08:30:00 None\n"
                   "Tägliches Briefing\n");
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/ical/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("one-placement", test_one_placement);
  ADD ("all-and-partnership", test_all_and_partnership);
  ADD ("all-day-item-and-cancelled", test_all_day_item_and_cancelled);
  ADD ("python-icalendar", test_python_icalendar);

  rc = g_test_run ();
  icalmemory_free_ring ();
  return rc;
}
