/* se-organisation.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "se-record.h"

G_BEGIN_DECLS

#define SE_TYPE_ORGANISATION (se_organisation_get_type ())

G_DECLARE_FINAL_TYPE (SeOrganisation, se_organisation, SE, ORGANISATION, SeRecord)

SeOrganisation *se_organisation_new (void);

G_END_DECLS
