/* se-window-sign-in.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-error.h"
#include "se-keyring.h"
#include "se-sign-in-dialog.h"
#include "se-window-private.h"

/* Signing in to a server that wants a password libpq does not have (none
 * in ~/.pgpass, pg_service.conf or the environment, no Kerberos ticket):
 * first the keyring's for the host, port, database and user libpq tried;
 * if it has none, or the server refuses it, the sign-in dialog, again
 * after each refused password, with a line that says so. Cancel shows
 * the window's problem page with the reason. A password that opens the
 * database is remembered in the keyring when the user asks for it, and
 * what the keyring held for that user is forgotten when they do not; the
 * store keeps it for this process's other connections to the server
 * (se_store_open_location_as ()). */

struct _SeWindowSignIn
{
  GCancellable *cancellable;
  /* Where, as libpq made it out: what the keyring keeps the password
   * under */
  char         *host;
  char         *port;
  char         *database;
  char         *user;         /* to ask for */
  char         *keyring_user; /* whose password the keyring held, if any */
  gboolean      refused;      /* the last password given was refused */
  gboolean      remember;
  GError       *error; /* why it is not open yet */
};

typedef struct _SeWindowSignIn SeWindowSignIn;

static void
sign_in_free (SeWindowSignIn *sign_in)
{
  g_cancellable_cancel (sign_in->cancellable);
  g_object_unref (sign_in->cancellable);
  g_free (sign_in->host);
  g_free (sign_in->port);
  g_free (sign_in->database);
  g_free (sign_in->user);
  g_free (sign_in->keyring_user);
  g_clear_error (&sign_in->error);
  g_free (sign_in);
}

void
_se_window_sign_in_cancel (SeWindow *self)
{
  g_clear_pointer (&self->sign_in, sign_in_free);
}

static gboolean
is_sign_in_error (const GError *error)
{
  return (g_error_matches (error, SE_STORE_ERROR, SE_STORE_ERROR_NEEDS_PASSWORD)
          || g_error_matches (error, SE_STORE_ERROR, SE_STORE_ERROR_PASSWORD_REFUSED))
         && se_store_error_get_login (error, NULL, NULL, NULL, NULL);
}

/* The sign-in is over: the problem page says why */
static void
give_up (SeWindow     *self,
         const GError *error)
{
  g_autoptr(GError) reason = g_error_copy (error);

  _se_window_sign_in_cancel (self);
  _se_window_show_problem (self, reason);
}

static void
on_remembered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SeWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (se_keyring_remember_finish (result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_message ("The password could not be stored in the keyring: %s", error->message);
  if (gtk_widget_get_root (GTK_WIDGET (self->toast_overlay)) != NULL)
    {
      /* Translators: %s says why, in the keyring's words */
      g_autofree char *title = g_strdup_printf (_("The password could not be kept in the "
                                                  "keyring: %s"),
                                                   error->message);
      AdwToast        *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
on_forgotten (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!se_keyring_forget_finish (result, &error))
    g_debug ("The keyring's password was not removed: %s", error->message);
}

static void ask (SeWindow *self);

/* Opens the database signed in as @user with @password: the records, or
 * the dialog once more, or the problem page */
static void
sign_in_as (SeWindow   *self,
            const char *user,
            const char *password,
            gboolean    from_keyring)
{
  SeWindowSignIn *sign_in = self->sign_in;
  g_autoptr(GError) error = NULL;
  SeStore *store;

  store = se_store_open_location_as (self->path, SE_STORE_OPEN_FLAGS_NONE, user, password,
                                     &error);
  if (store == NULL && is_sign_in_error (error))
    {
      const char *tried = NULL;

      se_store_error_get_login (error, NULL, NULL, NULL, &tried);
      g_free (sign_in->user);
      sign_in->user = g_strdup (tried);
      sign_in->refused = TRUE;
      g_clear_error (&sign_in->error);
      sign_in->error = g_steal_pointer (&error);
      ask (self);
      return;
    }
  if (store == NULL)
    {
      give_up (self, error);
      return;
    }

  /* As the user chose; what the keyring gave it keeps */
  if (!from_keyring && sign_in->remember)
    se_keyring_remember (sign_in->host, sign_in->port, sign_in->database, user, password, NULL,
                         on_remembered, g_object_ref (self));
  else if (!from_keyring && g_strcmp0 (sign_in->keyring_user, user) == 0)
    se_keyring_forget (sign_in->host, sign_in->port, sign_in->database, user, NULL,
                       on_forgotten, NULL);
  _se_window_sign_in_cancel (self);
  _se_window_show_store (self, store);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             SeWindow         *self)
{
  SeSignInDialog  *sign_in_dialog = SE_SIGN_IN_DIALOG (dialog);
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;

  if (self->sign_in == NULL)
    return;
  if (!g_str_equal (response, "sign-in"))
    {
      give_up (self, self->sign_in->error);
      return;
    }

  /* The dialog's fields go with it */
  user = g_strdup (se_sign_in_dialog_get_user (sign_in_dialog));
  password = g_strdup (se_sign_in_dialog_get_password (sign_in_dialog));
  self->sign_in->remember = se_sign_in_dialog_get_remember (sign_in_dialog);
  sign_in_as (self, g_strstrip (user), password, FALSE);
  memset (password, 0, strlen (password));
}

/* The dialog */
static void
ask (SeWindow *self)
{
  g_autofree char *where = se_store_dup_location_name (self->path);
  GtkWidget       *dialog;

  dialog = se_sign_in_dialog_new (GTK_WINDOW (self), where, self->sign_in->user,
                                  self->sign_in->refused, self->sign_in->remember);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = se_keyring_find_finish (result, &user, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->sign_in == NULL)
    return;
  if (error != NULL)
    /* No keyring (no Secret Service on the session bus), or locked and
     * left so: the user is asked */
    g_debug ("No password from the keyring: %s", error->message);

  if (password == NULL)
    {
      ask (self);
      return;
    }
  self->sign_in->keyring_user = g_strdup (user);
  self->sign_in->remember = TRUE;
  sign_in_as (self, user, password, TRUE);
  memset (password, 0, strlen (password));
}

/**
 * _se_window_sign_in:
 * @error: why the window's database did not open
 *
 * Signs in, when @error says that the server wants a password
 * (SE_STORE_ERROR_NEEDS_PASSWORD) or refused the one libpq had
 * (SE_STORE_ERROR_PASSWORD_REFUSED): the window waits meanwhile, then
 * shows the records or the problem page.
 *
 * Returns: whether it signs in; %FALSE for any other error
 */
gboolean
_se_window_sign_in (SeWindow     *self,
                    const GError *error)
{
  SeWindowSignIn *sign_in;
  const char     *host, *port, *database, *user;

  if (!is_sign_in_error (error))
    return FALSE;

  _se_window_sign_in_cancel (self);
  se_store_error_get_login (error, &host, &port, &database, &user);
  sign_in = g_new0 (SeWindowSignIn, 1);
  sign_in->cancellable = g_cancellable_new ();
  sign_in->host = g_strdup (host);
  sign_in->port = g_strdup (port);
  sign_in->database = g_strdup (database);
  sign_in->user = g_strdup (user);
  sign_in->refused = g_error_matches (error, SE_STORE_ERROR, SE_STORE_ERROR_PASSWORD_REFUSED);
  sign_in->error = g_error_copy (error);
  self->sign_in = sign_in;

  /* Nothing to see or do until the database is open */
  adw_status_page_set_icon_name (self->problem_page, "dialog-password-symbolic");
  adw_status_page_set_title (self->problem_page, _("Signing In"));
  adw_status_page_set_description (self->problem_page, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "problem");
  _se_window_actions_update_empty (self);
  _se_window_actions_update (self, NULL);

  se_keyring_find (host, port, database, user, sign_in->cancellable, on_found,
                   g_object_ref (self));
  return TRUE;
}
