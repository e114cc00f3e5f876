/* se-keyring.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-keyring.h"

/* A server's password in the keyring, with libsecret, as GnuCash keeps
 * its: one item for each host, port, database and user, in the default
 * collection (the login keyring, unlocked when the user logs in). The
 * attributes are what libpq connected to (se_store_error_get_login ()),
 * not the location as typed, so that a URI and a service that name the
 * same database find the same password.
 *
 * A lookup asks for the user libpq would sign in as; when the keyring has
 * no password for that user but one for another on the same database
 * (the user signed in under another name and had it remembered), it
 * takes that one, the most recently changed if there are several. */

const SecretSchema *
se_keyring_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.staffexchange.StaffExchange.Server",
    SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

typedef struct
{
  char *user;       /* asked for */
  char *found_user; /* whose password was found */
} Find;

static void
find_free (gpointer data)
{
  Find *find = data;

  g_free (find->user);
  g_free (find->found_user);
  g_free (find);
}

static void
on_retrieved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SecretValue *value;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (source), result, &error);
  if (value == NULL)
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task, g_strdup (secret_value_get_text (value)), g_free);
  secret_value_unref (value);
}

static char *
dup_item_user (SecretRetrievable *item)
{
  g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (item);

  return g_strdup (g_hash_table_lookup (attributes, "user"));
}

static void
on_searched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Find  *find = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GList             *items = secret_password_search_finish (result, &error);
  SecretRetrievable *chosen = NULL;
  g_autofree char   *chosen_user = NULL;

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  /* The user asked for; else whoever changed theirs last */
  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretRetrievable *item = l->data;
      g_autofree char   *user = dup_item_user (item);

      if (user == NULL)
        continue;
      if (g_strcmp0 (user, find->user) == 0
          || chosen == NULL
          || (g_strcmp0 (chosen_user, find->user) != 0
              && secret_retrievable_get_modified (item) > secret_retrievable_get_modified (chosen)))
        {
          chosen = item;
          g_free (chosen_user);
          chosen_user = g_steal_pointer (&user);
        }
    }

  if (chosen == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      g_object_unref (task);
    }
  else
    {
      find->found_user = g_steal_pointer (&chosen_user);
      secret_retrievable_retrieve_secret (chosen, g_task_get_cancellable (task), on_retrieved,
                                          task);
    }
  g_list_free_full (items, g_object_unref);
}

/* Looks up the password of @user on @database at @host:@port, or of
 * another user on it (se_keyring_find_finish () says whose) */
void
se_keyring_find (const char         *host,
                 const char         *port,
                 const char         *database,
                 const char         *user,
                 GCancellable       *cancellable,
                 GAsyncReadyCallback callback,
                 gpointer            user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Find  *find = g_new0 (Find, 1);

  g_task_set_source_tag (task, se_keyring_find);
  find->user = g_strdup (user);
  g_task_set_task_data (task, find, find_free);
  /* Unlocks the keyring if it must (the Secret Service asks for its
   * password itself) */
  secret_password_search (se_keyring_get_schema (), SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                          cancellable, on_searched, task, "host", host, "port", port,
                          "database", database, NULL);
}

/* Returns: (transfer full) (nullable): the password, %NULL when the
 * keyring has none (and @error is not set); *@user is the user it is for */
char *
se_keyring_find_finish (GAsyncResult *result,
                        char        **user,
                        GError      **error)
{
  GTask *task = G_TASK (result);
  Find  *find = g_task_get_task_data (task);
  char  *password;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  password = g_task_propagate_pointer (task, error);
  if (user != NULL)
    *user = password != NULL ? g_strdup (find->found_user) : NULL;
  return password;
}

/* Stores @password for @user on @database at @host:@port, in place of the
 * one stored before */
void
se_keyring_remember (const char         *host,
                     const char         *port,
                     const char         *database,
                     const char         *user,
                     const char         *password,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  g_autofree char *where = g_strdup_printf ("%s:%s/%s", host, port, database);
  /* Translators: the name of a password in the keyring (Passwords and
   * Keys shows it); %1$s is a user name, %2$s a database on a server,
   * such as db.example.org:5432/austausch */
  g_autofree char *label = g_strdup_printf (_("Staff Exchange password of %1$s for %2$s"),
                                               user, where);

  secret_password_store (se_keyring_get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, callback, user_data, "host", host, "port", port,
                         "database", database, "user", user, NULL);
}

gboolean
se_keyring_remember_finish (GAsyncResult *result,
                            GError      **error)
{
  return secret_password_store_finish (result, error);
}

/* Removes the password of @user on @database at @host:@port */
void
se_keyring_forget (const char         *host,
                   const char         *port,
                   const char         *database,
                   const char         *user,
                   GCancellable       *cancellable,
                   GAsyncReadyCallback callback,
                   gpointer            user_data)
{
  secret_password_clear (se_keyring_get_schema (), cancellable, callback, user_data, "host", host,
                         "port", port, "database", database, "user", user, NULL);
}

gboolean
se_keyring_forget_finish (GAsyncResult *result,
                          GError      **error)
{
  return secret_password_clear_finish (result, error);
}
