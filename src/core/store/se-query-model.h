/* se-query-model.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_QUERY_MODEL (se_query_model_get_type ())

G_DECLARE_FINAL_TYPE (SeQueryModel, se_query_model, SE, QUERY_MODEL, GObject)

SeQueryModel *se_query_model_new              (SeStore      *store,
                                               GType         record_type);
SeQueryModel *se_query_model_new_for_view (SeStore *store,
                                           GType    record_type);
void          se_query_model_read_all (SeQueryModel *self);
SeStore      *se_query_model_get_store        (SeQueryModel *self);
void          se_query_model_set_search       (SeQueryModel *self,
                                               const char   *text);
void          se_query_model_set_kind         (SeQueryModel *self,
                                               int           kind);
void          se_query_model_set_status       (SeQueryModel *self,
                                               int           status);
void          se_query_model_set_year         (SeQueryModel *self,
                                               int           year);
void          se_query_model_set_organisation (SeQueryModel *self,
                                               gint64        organisation_id);
gint64        se_query_model_get_id           (SeQueryModel *self,
                                               guint         position);

G_END_DECLS
