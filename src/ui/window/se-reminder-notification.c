/* se-reminder-notification.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-checks.h"
#include "se-reminder-notification.h"

/* At start, one desktop notification per kind of reminder (agreements that
 * expire soon, placements that start soon), each with a count and the
 * first few records, and none when there is nothing to say. The ids are
 * fixed, so that opening a second database replaces rather than piles up.
 * SE_NO_NOTIFICATIONS=1 keeps test runs quiet. */

#define MAX_LINES 3

static void
send_kind (GApplication   *application,
           GPtrArray      *reminders,
           SeReminderKind  kind,
           const char     *id,
           const char     *title)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint shown = 0, n = se_reminders_count (reminders, kind);

  for (guint i = 0; i < reminders->len; i++)
    {
      SeReminder *r = g_ptr_array_index (reminders, i);

      if (r->kind != kind || shown == MAX_LINES)
        continue;
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, r->message);
      shown++;
    }
  if (n > shown)
    {
      g_string_append_c (body, '\n');
      /* Translators: the last line of a notification listing a few reminders */
      g_string_append_printf (body, ngettext ("and %u more", "and %u more", n - shown),
                              n - shown);
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_default_action (notification, "app.activate");
  g_application_send_notification (application, id, notification);
}

/**
 * se_reminder_notification_send:
 * @application: the application
 * @store: the database just opened
 *
 * Returns: the number of notifications sent (0, 1 or 2)
 */
guint
se_reminder_notification_send (GApplication *application,
                               SeStore      *store)
{
  g_autoptr(GPtrArray) reminders = NULL;
  guint agreements, placements, sent = 0;

  g_return_val_if_fail (G_IS_APPLICATION (application), 0);

  if (store == NULL || g_strcmp0 (g_getenv ("SE_NO_NOTIFICATIONS"), "1") == 0)
    return 0;

  reminders = se_checks_get_reminders (store, NULL, SE_CHECKS_DEFAULT_EXPIRY_WARNING_DAYS,
                                       SE_CHECKS_DEFAULT_START_REMINDER_DAYS);
  agreements = se_reminders_count (reminders, SE_REMINDER_AGREEMENT_EXPIRING);
  placements = se_reminders_count (reminders, SE_REMINDER_PLACEMENT_STARTING);

  if (agreements > 0)
    {
      g_autofree char *title = g_strdup_printf (
        /* Translators: title of a notification at start */
        ngettext ("%u agreement expires within %d days",
                  "%u agreements expire within %d days", agreements),
        agreements, SE_CHECKS_DEFAULT_EXPIRY_WARNING_DAYS);
      send_kind (application, reminders, SE_REMINDER_AGREEMENT_EXPIRING,
                 "agreements-expiring", title);
      sent++;
    }
  if (placements > 0)
    {
      g_autofree char *title = g_strdup_printf (
        /* Translators: title of a notification at start */
        ngettext ("%u placement starts within %d days",
                  "%u placements start within %d days", placements),
        placements, SE_CHECKS_DEFAULT_START_REMINDER_DAYS);
      send_kind (application, reminders, SE_REMINDER_PLACEMENT_STARTING,
                 "placements-starting", title);
      sent++;
    }
  return sent;
}
