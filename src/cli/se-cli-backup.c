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

/* --backup FILE and --restore FILE, --copy-to LOCATION and
 * --upgrade-schema: the jobs on a whole database, headless, exit status 0
 * or 2 with the message on standard error. */

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

/**
 * se_cli_copy_to:
 * @database: the database to copy: a file or a server
 * @target: an empty one (a new file, or an empty database on a server)
 *
 * Copies everything @database holds into @target in one transaction and
 * compares the counts; a target that holds data is refused.
 */
int
se_cli_copy_to (const char *database,
                const char *target)
{
  g_autoptr (SeStore) from = NULL;
  g_autoptr (SeStore) to = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *target_abs = NULL;

  if (se_store_location_is_server (target))
    target_abs = g_strdup (target);
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (target);
      target_abs = g_file_get_path (file);
      if (g_file_test (target_abs, G_FILE_TEST_EXISTS))
        {
          /* Translators: %s is a file name */
          g_autofree char *msg = g_strdup_printf (_("%s exists already. Copy into a new file."),
                                                     target_abs);
          return se_cli_fail (msg);
        }
    }

  from = se_cli_open_store (database, SE_STORE_OPEN_FLAGS_READ_ONLY);
  if (from == NULL)
    return SE_CLI_EXIT_FAILURE;
  to = se_cli_open_store (target_abs, SE_STORE_OPEN_FLAGS_NONE);
  if (to == NULL)
    return SE_CLI_EXIT_FAILURE;
  if (!se_store_copy_to (from, to, &error))
    return se_cli_fail (error->message);

  /* Translators: %s is a file name or the address of a database server */
  g_print (_("Copied into %s\n"), se_store_location_is_server (target) ? target : target_abs);
  return 0;
}

/**
 * se_cli_upgrade_schema:
 * @database: a database on a server
 *
 * Brings the server's schema up to this version's, which opening a
 * server never does by itself.
 */
int
se_cli_upgrade_schema (const char *database)
{
  g_autoptr (SeStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (!se_store_location_is_server (database))
    return se_cli_fail (_("--upgrade-schema is for a database on a server; a file is brought "
                          "up to date when it is opened."));
  store = se_cli_open_store (database, SE_STORE_OPEN_FLAGS_NONE);
  if (store == NULL)
    return SE_CLI_EXIT_FAILURE;
  if (!se_store_upgrade_schema (store, &error))
    return se_cli_fail (error->message);
  if (se_store_is_read_only (store))
    return se_cli_fail (se_store_get_read_only_reason (store));

  g_print ("%s\n", _("The database on the server is up to date."));
  return 0;
}

/**
 * se_cli_grant:
 * @database: a database on a server
 * @role_name: "reader", "clerk" or "administrator"
 * @user: (nullable): a user on the server
 *
 * --grant ROLE USER: gives @user @role_name in the database, setting up
 * the roles the first time (se_store_grant_role ()).
 */
int
se_cli_grant (const char *database,
              const char *role_name,
              const char *user)
{
  g_autoptr (SeStore) store = NULL;
  g_autoptr (GError) error = NULL;
  SeStoreRole role;

  if (!se_store_location_is_server (database))
    return se_cli_fail (_("--grant is for a database on a server; a file is its owner’s. Give "
                          "the server with --database."));
  if (!se_store_role_from_name (role_name, &role))
    {
      /* Translators: %s is what was given; reader, clerk and administrator are
       * the words to type and stay as they are */
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a role. Give reader, clerk or "
                                                "administrator, then the user."),
                                                 role_name);
      return se_cli_fail (msg);
    }
  if (user == NULL || *user == '\0')
    return se_cli_fail (_("--grant needs the user after the role: --grant clerk USER."));

  store = se_cli_open_store (database, SE_STORE_OPEN_FLAGS_NO_CREATE);
  if (store == NULL)
    return SE_CLI_EXIT_FAILURE;
  if (!se_store_grant_role (store, role, user, &error))
    return se_cli_fail (error->message);

  /* Translators: %1$s is a user name, %2$s a role such as "Clerk" */
  g_print (_("%1$s now has the role %2$s.\n"), user, se_store_role_get_label (role));
  return 0;
}
