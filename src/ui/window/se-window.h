/* se-window.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-record-page.h"
#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_WINDOW (se_window_get_type ())

G_DECLARE_FINAL_TYPE (SeWindow, se_window, SE, WINDOW, AdwApplicationWindow)

SeWindow     *se_window_new              (GtkApplication *application,
                                          const char     *path);
const char   *se_window_get_path         (SeWindow       *self);
const char   *se_window_get_page         (SeWindow       *self);
SeStore      *se_window_get_store        (SeWindow       *self);
SeRecordPage *se_window_get_record_page  (SeWindow       *self);
GListModel   *se_window_get_visible_list (SeWindow       *self);
void          se_window_show_section     (SeWindow       *self,
                                          const char     *section);
void          se_window_show_record      (SeWindow       *self,
                                          SeRecord       *record);
GtkWidget    *se_window_get_tool_page    (SeWindow       *self,
                                          const char     *name);

G_END_DECLS
