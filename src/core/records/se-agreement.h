/* se-agreement.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_AGREEMENT (se_agreement_get_type ())

G_DECLARE_FINAL_TYPE (SeAgreement, se_agreement, SE, AGREEMENT, SeRecord)

SeAgreement *se_agreement_new (void);

G_END_DECLS
