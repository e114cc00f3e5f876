/* se-cli-planning.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int se_cli_planning_handle_options (GVariantDict *options,
                                    const char   *database);

G_END_DECLS
