/* se-window-data.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-record.h"
#include "se-store.h"

G_BEGIN_DECLS

/* Called once a person was anonymised (@erased FALSE) or erased. */
typedef void (*SeWindowDataDone) (GtkWindow *window,
                                  gint64     person_id,
                                  gboolean   erased);

void       se_window_data_export_csv          (GtkWidget        *toast_widget,
                                               SeStore          *store,
                                               GType             record_type,
                                               const char       *suggested_name);
gboolean   se_window_data_save_csv            (SeStore          *store,
                                               GType             record_type,
                                               const char       *path,
                                               GError          **error);
void       se_window_data_import_csv          (GtkWindow        *window,
                                               GtkWidget        *toast_widget,
                                               SeStore          *store,
                                               GType             record_type);
GtkWidget *se_window_data_import_csv_file     (GtkWindow        *window,
                                               GtkWidget        *toast_widget,
                                               SeStore          *store,
                                               GType             record_type,
                                               const char       *path);

void       se_window_data_export_person       (GtkWidget        *toast_widget,
                                               SeStore          *store,
                                               SeRecord         *person);
GtkWidget *se_window_data_anonymise_person    (GtkWindow        *window,
                                               GtkWidget        *toast_widget,
                                               SeStore          *store,
                                               SeRecord         *person,
                                               SeWindowDataDone  done);
GtkWidget *se_window_data_erase_person        (GtkWindow        *window,
                                               GtkWidget        *toast_widget,
                                               SeStore          *store,
                                               SeRecord         *person,
                                               SeWindowDataDone  done);

G_END_DECLS
