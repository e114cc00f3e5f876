/* se-placement.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_PLACEMENT (se_placement_get_type ())

G_DECLARE_FINAL_TYPE (SePlacement, se_placement, SE, PLACEMENT, SeRecord)

SePlacement *se_placement_new (void);

G_END_DECLS
