/* se-error.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include "se-error.h"

G_DEFINE_QUARK (se-store-error-quark, se_store_error)
G_DEFINE_QUARK (se-validation-error-quark, se_validation_error)
