/* se-cli-backup.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "se-backup.h"
#include "se-cli-backup.h"
#include "se-cli-private.h"
#include "se-store.h"

/* --backup FILE and --restore FILE: headless, exit status 0 or 2 with the
 * message on standard error. */

/**
 * se_cli_backup:
 *
 * Writes a verified backup of @db_path to @dest_path. The database is
 * opened read-only, so this works while a window has it open (except on
 * a network drive, where the window holds it exclusively).
 */
int
se_cli_backup (const char *db_path,
               const char *dest_path)
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dest = g_file_new_for_commandline_arg (dest_path);
  g_autofree char *dest_abs = g_file_get_path (dest);

  store = se_cli_open_store (db_path, SE_STORE_OPEN_FLAGS_READ_ONLY);
  if (store == NULL)
    return SE_CLI_EXIT_FAILURE;
  if (!se_store_backup (store, dest_abs, &error))
    return se_cli_fail (error->message);

  /* Translators: %s is a file name */
  g_print (_("Verified backup written to %s\n"), dest_abs);
  return 0;
}

/**
 * se_cli_restore:
 *
 * Replaces @db_path by a verified copy of @backup_path, keeping the
 * current file aside. A damaged or foreign backup is refused.
 */
int
se_cli_restore (const char *db_path,
                const char *backup_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) backup = g_file_new_for_commandline_arg (backup_path);
  g_autofree char *backup_abs = g_file_get_path (backup);
  g_autofree char *moved = NULL;

  if (!se_store_restore_backup (db_path, backup_abs, &moved, &error))
    return se_cli_fail (error->message);

  /* Translators: %1$s and %2$s are file names */
  g_print (_("Database %1$s restored from %2$s\n"), db_path, backup_abs);
  if (moved != NULL)
    /* Translators: %s is a file name */
    g_print (_("The database as it was before is kept as %s\n"), moved);
  return 0;
}
