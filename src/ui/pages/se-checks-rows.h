/* se-checks-rows.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-finding.h"
#include "se-store.h"

G_BEGIN_DECLS

/* The rows of the Checks page (se-checks-page.c), each a template of its
 * own. Their buttons activate the page's actions checks.open,
 * checks.dismiss and checks.restore, with a key as target: a record as
 * "table:id" (se_checks_record_key()), a finding by its dismissal,
 * "rule-nick:table:id" (se_checks_finding_key(), the store's
 * se_store_dismissal_key()). A finding has no id of its own: the checks
 * make it afresh on each run. The actions read the keys back with
 * se_checks_parse_record_key() and se_checks_parse_finding_key(). */

#define SE_TYPE_FINDING_ROW (se_finding_row_get_type ())
#define SE_TYPE_DISMISSED_ROW (se_dismissed_row_get_type ())
#define SE_TYPE_CHECKS_HEADING (se_checks_heading_get_type ())

G_DECLARE_FINAL_TYPE (SeFindingRow, se_finding_row, SE, FINDING_ROW, AdwActionRow)
G_DECLARE_FINAL_TYPE (SeDismissedRow, se_dismissed_row, SE, DISMISSED_ROW, AdwActionRow)
G_DECLARE_FINAL_TYPE (SeChecksHeading, se_checks_heading, SE, CHECKS_HEADING, AdwBin)

GtkWidget *se_finding_row_new    (SeStore    *store,
                                  SeFinding  *finding);
GtkWidget *se_dismissed_row_new  (SeFinding  *finding);
GtkWidget *se_checks_heading_new (const char *text,
                                  gboolean    below_list);

char      *se_checks_record_key        (GType        type,
                                        gint64       id);
char      *se_checks_finding_key       (SeFinding   *finding);
gboolean   se_checks_parse_record_key  (const char  *key,
                                        GType       *type,
                                        gint64      *id);
gboolean   se_checks_parse_finding_key (const char  *key,
                                        SeCheckRule *rule,
                                        GType       *type,
                                        gint64      *id);

G_END_DECLS
