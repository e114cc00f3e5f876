/* se-cli-report.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int se_cli_report_handle_options (GVariantDict *options,
                                  const char   *database);
int se_cli_report_export         (const char   *database,
                                  const char   *agreement,
                                  const char   *placement,
                                  const char   *participant,
                                  const char   *output);

G_END_DECLS
