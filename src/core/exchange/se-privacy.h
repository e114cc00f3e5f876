/* se-privacy.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_PRIVACY_ERROR (se_privacy_error_quark ())

typedef enum
{
  SE_PRIVACY_ERROR_FAILED,
  SE_PRIVACY_ERROR_NOT_FOUND,
  /* the person took part, signed or approved: anonymise instead */
  SE_PRIVACY_ERROR_IN_USE,
} SePrivacyError;

GQuark      se_privacy_error_quark         (void);

char       *se_privacy_dup_person_json     (SeStore     *store,
                                            gint64       person_id,
                                            GError     **error);
gboolean    se_privacy_export_person       (SeStore     *store,
                                            gint64       person_id,
                                            const char  *path,
                                            GError     **error);

gboolean    se_privacy_anonymise_person    (SeStore     *store,
                                            gint64       person_id,
                                            GError     **error);
gboolean    se_privacy_is_anonymised       (SeRecord    *person);
gboolean    se_privacy_erase_person        (SeStore     *store,
                                            gint64       person_id,
                                            GError     **error);

GPtrArray  *se_privacy_list_due            (SeStore     *store,
                                            const char  *today,
                                            guint        years);
char       *se_privacy_dup_last_end        (SeStore     *store,
                                            gint64       person_id);
gboolean    se_privacy_delete_due          (SeStore     *store,
                                            const char  *today,
                                            guint        years,
                                            guint       *n_anonymised,
                                            GError     **error);

G_END_DECLS
