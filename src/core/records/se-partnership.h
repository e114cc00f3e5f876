/* se-partnership.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_PARTNERSHIP (se_partnership_get_type ())

G_DECLARE_FINAL_TYPE (SePartnership, se_partnership, SE, PARTNERSHIP, SeRecord)

SePartnership *se_partnership_new (void);

G_END_DECLS
