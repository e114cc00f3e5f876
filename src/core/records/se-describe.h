/* se-describe.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"
#include "se-store.h"

G_BEGIN_DECLS

char *se_describe_title     (SeStore  *store,
                             SeRecord *record);
char *se_describe_subtitle  (SeStore  *store,
                             SeRecord *record);
char *se_describe_period    (const char *start,
                             const char *end);
char *se_describe_reference (SeStore    *store,
                             SeRecord   *record,
                             const char *field);

G_END_DECLS
