/* se-prerequisite.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_PREREQUISITE (se_prerequisite_get_type ())

G_DECLARE_FINAL_TYPE (SePrerequisite, se_prerequisite, SE, PREREQUISITE, SeRecord)

SePrerequisite *se_prerequisite_new (void);

G_END_DECLS
