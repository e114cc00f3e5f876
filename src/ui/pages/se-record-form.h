/* se-record-form.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_RECORD_FORM (se_record_form_get_type ())

G_DECLARE_FINAL_TYPE (SeRecordForm, se_record_form, SE, RECORD_FORM, GtkBox)

SeRecordForm *se_record_form_new          (SeStore      *store,
                                           SeRecord     *record,
                                           gboolean      editing);
SeRecord     *se_record_form_get_record   (SeRecordForm *self);
gboolean      se_record_form_get_editing  (SeRecordForm *self);
SeRecord     *se_record_form_dup_input (SeRecordForm *self);
SeRecord     *se_record_form_collect      (SeRecordForm *self,
                                           const char  **field,
                                           GError      **error);
void          se_record_form_show_error   (SeRecordForm *self,
                                           const char   *field,
                                           const char   *message);
void          se_record_form_hide_field   (SeRecordForm *self,
                                           const char   *field);
GtkWidget    *se_record_form_get_editor   (SeRecordForm *self,
                                           const char   *field);
void          se_record_form_focus_first  (SeRecordForm *self);
char         *se_record_form_format_value (SeStore       *store,
                                           SeRecord      *record,
                                           const SeField *field);

G_END_DECLS
