/* se-store-jobs.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the core's whole-database jobs (CSV import, iCalendar export, the
 * checks, undoing a deletion) ask of the store beyond se-store.h: one
 * read transaction around many reads, bulk inserts, putting back a record
 * with its id. No SQL: the store's backends answer these. Not for the
 * widgets, which use se-store.h only. */

#include "se-store.h"

G_BEGIN_DECLS

/* A store on a PostgreSQL server (se-store-server.c). Not offered by the
 * app until every part of the store works there; the tests open servers
 * with it. */
SeStore *_se_store_open_server    (const char       *conninfo,
                                   SeStoreOpenFlags  flags,
                                   GError          **error);

/* One read transaction around many reads, so that a whole-database job
 * sees one state of the data. Begin returns TRUE when it began one (and
 * FALSE inside a transaction already open); end takes that value and ends
 * only what its begin began. */
gboolean _se_store_read_begin     (SeStore   *self);
void     _se_store_read_end       (SeStore   *self,
                                   gboolean   began);

/* Bulk inserts (the CSV import), within se_store_begin/commit. A row
 * the database refuses may be told later than its insert, at a flush:
 * then @fail gets the tag it was inserted with. */
typedef void (*SeStoreBulkFailFunc) (gpointer      user_data,
                                     guint         tag,
                                     const GError *error);

gboolean _se_store_bulk_begin (SeStore            *self,
                               GType               record_type,
                               SeStoreBulkFailFunc fail,
                               gpointer            user_data,
                               GError            **error);
gboolean _se_store_bulk_insert (SeStore  *self,
                                SeRecord *record,
                                gboolean  keep_id,
                                guint     tag,
                                GError  **error);
gboolean _se_store_bulk_flush (SeStore *self,
                               GError **error);
gboolean _se_store_bulk_end       (SeStore   *self,
                                   GError   **error);

/* A record inserted again under the id it had (undo of a deletion, a CSV
 * line that keeps its id), and a deletion that emits no signal. */
gboolean _se_store_restore        (SeStore   *self,
                                   SeRecord  *record,
                                   GError   **error);
gboolean _se_store_delete_quietly (SeStore   *self,
                                   SeRecord  *record,
                                   GError   **error);

G_END_DECLS
