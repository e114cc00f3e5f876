/* se-reminder-notification.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "se-store.h"

G_BEGIN_DECLS

guint se_reminder_notification_send (GApplication *application,
                                     SeStore      *store);

G_END_DECLS
