/* se-store-calendar.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-store.h"

G_BEGIN_DECLS

/* The store's part of the Calendar page: the placements of a range of
 * days, read through the date indexes, so that a month or a year of a
 * database of 200,000 placements is shown without loading the others. */

GPtrArray *se_store_find_placements_between (SeStore     *self,
                                             const char  *from_iso,
                                             const char  *to_iso,
                                             GError     **error);

G_END_DECLS
