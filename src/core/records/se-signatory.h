/* se-signatory.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_SIGNATORY (se_signatory_get_type ())

G_DECLARE_FINAL_TYPE (SeSignatory, se_signatory, SE, SIGNATORY, SeRecord)

SeSignatory *se_signatory_new (void);

G_END_DECLS
