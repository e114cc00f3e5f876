/* se-example-data.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "se-store.h"

G_BEGIN_DECLS

gboolean se_example_data_load (SeStore  *store,
                               GError  **error);

G_END_DECLS
