/* se-keyring.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

/* The passwords of database servers that a sign-in remembers, in the
 * user's keyring (the Secret Service: GNOME Keyring), each under the
 * server's host, port, database and user. */

const SecretSchema *se_keyring_get_schema (void);

void                se_keyring_find (const char         *host,
                                     const char         *port,
                                     const char         *database,
                                     const char         *user,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
char               *se_keyring_find_finish (GAsyncResult *result,
                                            char        **user,
                                            GError      **error);

void                se_keyring_remember (const char         *host,
                                         const char         *port,
                                         const char         *database,
                                         const char         *user,
                                         const char         *password,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gboolean            se_keyring_remember_finish (GAsyncResult *result,
                                                GError      **error);

void                se_keyring_forget (const char         *host,
                                       const char         *port,
                                       const char         *database,
                                       const char         *user,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
gboolean            se_keyring_forget_finish (GAsyncResult *result,
                                              GError      **error);

G_END_DECLS
