/* se-cli-data.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void se_cli_data_rewrite_arguments (char         ***arguments);
int  se_cli_data_handle_options    (GVariantDict   *options,
                                    const char     *database);
int  se_cli_data_import_csv        (const char     *database,
                                    const char     *kind,
                                    const char     *file);
int  se_cli_data_export_csv        (const char     *database,
                                    const char     *kind,
                                    const char     *file);

G_END_DECLS
