/* se-cli-private.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "se-store.h"

G_BEGIN_DECLS

/* What the command-line jobs (se-cli-*.c) share: how a job fails and how
 * it opens the database. A job returns its exit status: 0 when it did
 * what was asked, SE_CLI_EXIT_FAILURE with the reason on standard error
 * when it could not (--run-checks returns 1 for findings). */
#define SE_CLI_EXIT_FAILURE 2

int      se_cli_fail       (const char        *message);
SeStore *se_cli_open_store (const char        *database,
                            SeStoreOpenFlags   flags);

G_END_DECLS
