/* se-record-page.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_RECORD_PAGE (se_record_page_get_type ())

G_DECLARE_FINAL_TYPE (SeRecordPage, se_record_page, SE, RECORD_PAGE, GtkBox)

SeRecordPage *se_record_page_new         (SeStore      *store);
void          se_record_page_show        (SeRecordPage *self,
                                          SeRecord     *record,
                                          gboolean      editing);
SeRecord     *se_record_page_get_record  (SeRecordPage *self);
gboolean      se_record_page_get_editing (SeRecordPage *self);
GtkWidget    *se_record_page_get_form    (SeRecordPage *self);
GtkWidget    *se_record_page_get_back_button (SeRecordPage *self);

G_END_DECLS
