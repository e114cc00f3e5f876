/* se-unit.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_UNIT (se_unit_get_type ())

G_DECLARE_FINAL_TYPE (SeUnit, se_unit, SE, UNIT, SeRecord)

SeUnit *se_unit_new (void);

G_END_DECLS
