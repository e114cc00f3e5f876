/* se-cli-backup.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int se_cli_backup  (const char *db_path,
                    const char *dest_path);
int se_cli_restore (const char *db_path,
                    const char *backup_path);
int se_cli_copy_to (const char *database,
                    const char *target);
int se_cli_upgrade_schema (const char *database);
int se_cli_grant (const char *database,
                  const char *role_name,
                  const char *user);

G_END_DECLS
