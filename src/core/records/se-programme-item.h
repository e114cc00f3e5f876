/* se-programme-item.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_PROGRAMME_ITEM (se_programme_item_get_type ())

G_DECLARE_FINAL_TYPE (SeProgrammeItem, se_programme_item, SE, PROGRAMME_ITEM, SeRecord)

SeProgrammeItem *se_programme_item_new (void);

G_END_DECLS
