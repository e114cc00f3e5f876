/* se-error.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-records"

#include "config.h"

#include "se-error.h"
#include "se-record.h"

/* A conflict's error (SE_STORE_ERROR_CONFLICT, or SE_STORE_ERROR_NOT_FOUND
 * when the row is gone) carries what the database holds now and who
 * changed it when, as far as the audit log says. A sign-in's
 * (SE_STORE_ERROR_NEEDS_PASSWORD, SE_STORE_ERROR_PASSWORD_REFUSED) carries
 * whom the connection signed in as, where. */
typedef struct
{
  SeRecord *stored;
  char     *actor;
  char     *at;
  char     *host;
  char     *port;
  char     *database;
  char     *user;
} SeStoreErrorPrivate;

static void
se_store_error_private_init (SeStoreErrorPrivate *priv)
{
  priv->stored = NULL;
  priv->actor = NULL;
  priv->at = NULL;
  priv->host = NULL;
  priv->port = NULL;
  priv->database = NULL;
  priv->user = NULL;
}

static void
se_store_error_private_copy (const SeStoreErrorPrivate *src,
                             SeStoreErrorPrivate       *dest)
{
  dest->stored = src->stored != NULL ? g_object_ref (src->stored) : NULL;
  dest->actor = g_strdup (src->actor);
  dest->at = g_strdup (src->at);
  dest->host = g_strdup (src->host);
  dest->port = g_strdup (src->port);
  dest->database = g_strdup (src->database);
  dest->user = g_strdup (src->user);
}

static void
se_store_error_private_clear (SeStoreErrorPrivate *priv)
{
  g_clear_object (&priv->stored);
  g_clear_pointer (&priv->actor, g_free);
  g_clear_pointer (&priv->at, g_free);
  g_clear_pointer (&priv->host, g_free);
  g_clear_pointer (&priv->port, g_free);
  g_clear_pointer (&priv->database, g_free);
  g_clear_pointer (&priv->user, g_free);
}

G_DEFINE_EXTENDED_ERROR (SeStoreError, se_store_error)
G_DEFINE_QUARK (se-validation-error-quark, se_validation_error)

/**
 * _se_store_error_set_changed_by:
 * @error: a store error
 * @stored: (nullable): the record as stored now; %NULL when it is gone
 * @actor: (nullable): who changed or deleted it last
 * @at: (nullable): when, as the audit log writes it (UTC, ISO 8601)
 *
 * Says what a conflict's @error carries (for the store).
 */
void
_se_store_error_set_changed_by (GError     *error,
                                SeRecord   *stored,
                                const char *actor,
                                const char *at)
{
  SeStoreErrorPrivate *priv = se_store_error_get_private (error);

  g_return_if_fail (priv != NULL);

  g_set_object (&priv->stored, stored);
  g_free (priv->actor);
  priv->actor = g_strdup (actor);
  g_free (priv->at);
  priv->at = g_strdup (at);
}

/**
 * se_store_error_get_stored:
 * @error: an error of a save or delete
 *
 * Returns: (nullable) (transfer none): for %SE_STORE_ERROR_CONFLICT, the
 *   record as another has stored it since it was read; %NULL otherwise
 *   (for %SE_STORE_ERROR_NOT_FOUND, the record is gone)
 */
SeRecord *
se_store_error_get_stored (const GError *error)
{
  SeStoreErrorPrivate *priv = error != NULL ? se_store_error_get_private (error) : NULL;

  return priv != NULL ? priv->stored : NULL;
}

/**
 * se_store_error_get_actor:
 *
 * Returns: (nullable): for a conflict, the database user who changed or
 *   deleted the record last, where the database knows it (on a server)
 */
const char *
se_store_error_get_actor (const GError *error)
{
  SeStoreErrorPrivate *priv = error != NULL ? se_store_error_get_private (error) : NULL;

  return priv != NULL ? priv->actor : NULL;
}

/**
 * se_store_error_dup_time:
 *
 * Returns: (nullable) (transfer full): for a conflict, when the record was
 *   changed or deleted last, where the audit log says so
 */
GDateTime *
se_store_error_dup_time (const GError *error)
{
  SeStoreErrorPrivate *priv = error != NULL ? se_store_error_get_private (error) : NULL;

  if (priv == NULL || priv->at == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (priv->at, NULL);
}

/**
 * _se_store_error_take_login:
 * @error: a store error
 * @host: (transfer full): the server's host (or socket directory)
 * @port: (transfer full): its port
 * @database: (transfer full): the database's name
 * @user: (transfer full): the user the connection signed in as
 *
 * Says whom a sign-in's @error was about (for the store).
 */
void
_se_store_error_take_login (GError *error,
                            char   *host,
                            char   *port,
                            char   *database,
                            char   *user)
{
  SeStoreErrorPrivate *priv = se_store_error_get_private (error);

  g_return_if_fail (priv != NULL);

  g_free (priv->host);
  priv->host = host;
  g_free (priv->port);
  priv->port = port;
  g_free (priv->database);
  priv->database = database;
  g_free (priv->user);
  priv->user = user;
}

/**
 * se_store_error_get_login:
 * @error: an error of opening a server
 * @host: (out) (optional): the server's host, or the directory of its
 *   socket
 * @port: (out) (optional): its port
 * @database: (out) (optional): the database
 * @user: (out) (optional): the user the connection signed in as
 *
 * For %SE_STORE_ERROR_NEEDS_PASSWORD and %SE_STORE_ERROR_PASSWORD_REFUSED:
 * where and as whom the connection signed in, as libpq made it out of the
 * location, the service file and the environment: what a keyring keeps a
 * password under.
 *
 * Returns: %TRUE when @error carries them
 */
gboolean
se_store_error_get_login (const GError *error,
                          const char  **host,
                          const char  **port,
                          const char  **database,
                          const char  **user)
{
  SeStoreErrorPrivate *priv = error != NULL ? se_store_error_get_private (error) : NULL;

  if (priv == NULL || priv->user == NULL)
    return FALSE;
  if (host != NULL)
    *host = priv->host;
  if (port != NULL)
    *port = priv->port;
  if (database != NULL)
    *database = priv->database;
  if (user != NULL)
    *user = priv->user;
  return TRUE;
}
