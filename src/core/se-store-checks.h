/* se-store-checks.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-finding.h"
#include "se-store.h"

G_BEGIN_DECLS

/* The store's part of the consistency checks (se-checks.h): dismissed
 * findings, kept in the `dismissal` table (schema version 2), and the
 * queries too heavy to run over the record lists in C. */

/**
 * SeStoreOverlap:
 * @person_id: the person
 * @placement_a: the placement that starts first (the lower id on a tie)
 * @placement_b: the other placement
 *
 * A person taking part, in any role, in two placements whose periods share
 * at least one day.
 */
typedef struct
{
  gint64 person_id;
  gint64 placement_a;
  gint64 placement_b;
} SeStoreOverlap;

gboolean    se_store_dismiss_finding             (SeStore      *self,
                                                  SeCheckRule   rule,
                                                  GType         record_type,
                                                  gint64        record_id,
                                                  GError      **error);
gboolean    se_store_undismiss                   (SeStore      *self,
                                                  SeCheckRule   rule,
                                                  GType         record_type,
                                                  gint64        record_id,
                                                  GError      **error);
gboolean    se_store_is_dismissed                (SeStore      *self,
                                                  SeCheckRule   rule,
                                                  GType         record_type,
                                                  gint64        record_id);
GHashTable *se_store_get_dismissals              (SeStore      *self,
                                                  GError      **error);
char       *se_store_dismissal_key               (SeCheckRule   rule,
                                                  const char   *record_table,
                                                  gint64        record_id);

GArray     *se_store_find_overlapping_placements (SeStore      *self,
                                                  GError      **error);

G_END_DECLS
