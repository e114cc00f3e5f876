/* se-approval.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_APPROVAL (se_approval_get_type ())

G_DECLARE_FINAL_TYPE (SeApproval, se_approval, SE, APPROVAL, SeRecord)

SeApproval *se_approval_new (void);

G_END_DECLS
