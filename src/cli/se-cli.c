/* se-cli.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-cli"

#include "config.h"

#include "se-cli-private.h"

/* The helpers every command-line job uses (see se-cli-private.h). */

/**
 * se_cli_fail:
 * @message: a sentence for the user, already translated
 *
 * Prints @message on standard error after the program's name, the way
 * every job reports what stopped it.
 *
 * Returns: %SE_CLI_EXIT_FAILURE, for the job to return
 */
int
se_cli_fail (const char *message)
{
  g_printerr ("staff-exchange: %s\n", message);
  return SE_CLI_EXIT_FAILURE;
}

/**
 * se_cli_open_store:
 * @database: the database file, or a server (se_store_location_is_server ())
 * @flags: how the job needs it (read-only, or not to be created)
 *
 * Opens the database for a job. When that fails, the store's own message
 * is printed with se_cli_fail(), and the job returns
 * %SE_CLI_EXIT_FAILURE.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL
 */
SeStore *
se_cli_open_store (const char       *database,
                   SeStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  SeStore *store = se_store_open_location (database, flags, &error);

  if (store == NULL)
    se_cli_fail (error->message);
  return store;
}
