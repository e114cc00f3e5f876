/* se-sign-in-dialog.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "se-sign-in-dialog.h"

/* What a database server that wants a password asks: the user name
 * (the one libpq would sign in as, to begin with), the password, and
 * whether to remember it in the keyring. After a refused password it asks
 * again, saying so in a line above the fields. Its responses are "cancel"
 * and "sign-in"; Sign In is offered once both fields hold something. */

struct _SeSignInDialog
{
  AdwMessageDialog parent_instance;

  GtkWidget       *refused;
  GtkWidget       *user;
  GtkWidget       *password;
  GtkWidget       *remember;
};

G_DEFINE_FINAL_TYPE (SeSignInDialog, se_sign_in_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update_response (SeSignInDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "sign-in",
                                           *se_sign_in_dialog_get_user (self) != '\0'
                                             && *se_sign_in_dialog_get_password (self) != '\0');
}

/* A field under its label, which names it for screen readers too */
static GtkWidget *
labelled (const char *label,
          GtkWidget  *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), field);
  return box;
}

static void
se_sign_in_dialog_dispose (GObject *object)
{
  /* GTK 4.8's password entry watches its text's focus without letting go
   * when it is disposed; a window that keeps the text as its focus until
   * it is finalized then calls back into the entry freed before it */
  gtk_window_set_focus (GTK_WINDOW (object), NULL);

  G_OBJECT_CLASS (se_sign_in_dialog_parent_class)->dispose (object);
}

static void
se_sign_in_dialog_class_init (SeSignInDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = se_sign_in_dialog_dispose;
}

static void
se_sign_in_dialog_init (SeSignInDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget        *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->refused = gtk_label_new (_("The server did not accept the user name or the password. "
                                   "Check them and try again."));
  gtk_widget_set_name (self->refused, "refused");
  gtk_label_set_wrap (GTK_LABEL (self->refused), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->refused), 0);
  gtk_widget_add_css_class (self->refused, "error");
  gtk_widget_set_visible (self->refused, FALSE);
  gtk_box_append (GTK_BOX (box), self->refused);

  self->user = gtk_entry_new ();
  gtk_widget_set_name (self->user, "user");
  gtk_entry_set_activates_default (GTK_ENTRY (self->user), TRUE);
  gtk_entry_set_input_hints (GTK_ENTRY (self->user),
                             GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_LOWERCASE);
  gtk_box_append (GTK_BOX (box), labelled (_("_User Name"), self->user));

  self->password = gtk_password_entry_new ();
  gtk_widget_set_name (self->password, "password");
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (self->password), TRUE);
  g_object_set (self->password, "activates-default", TRUE, NULL);
  gtk_box_append (GTK_BOX (box), labelled (_("_Password"), self->password));

  self->remember = gtk_check_button_new_with_mnemonic (_("_Remember password"));
  gtk_widget_set_name (self->remember, "remember");
  gtk_widget_set_tooltip_text (self->remember,
                               _("Keeps the password in the keyring of your user account, "
                                 "so that Staff Exchange signs in by itself next time"));
  gtk_box_append (GTK_BOX (box), self->remember);

  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_set_heading (dialog, _("Sign In to the Database Server"));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "sign-in", _("_Sign In"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign-in", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "sign-in");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_swapped (self->user, "changed", G_CALLBACK (update_response), self);
  g_signal_connect_swapped (self->password, "changed", G_CALLBACK (update_response), self);
  update_response (self);
}

/**
 * se_sign_in_dialog_new:
 * @parent: the window that opens the database
 * @where: the database in words (se_store_dup_location_name ())
 * @user: (nullable): the user name to begin with
 * @refused: whether a password was refused just before
 * @remember: whether *Remember password* begins checked
 *
 * Returns: (transfer floating): a dialog to present
 */
GtkWidget *
se_sign_in_dialog_new (GtkWindow  *parent,
                       const char *where,
                       const char *user,
                       gboolean    refused,
                       gboolean    remember)
{
  SeSignInDialog *self = g_object_new (SE_TYPE_SIGN_IN_DIALOG, "transient-for", parent, "modal",
                                       TRUE, "destroy-with-parent", TRUE, NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  /* Translators: %s is a database on a server: its service, or
                                   * host/database */
                                  _("The server of the database “%s” asks for your user name "
                                    "and password."),
                                     where);
  gtk_widget_set_visible (self->refused, refused);
  gtk_editable_set_text (GTK_EDITABLE (self->user), user != NULL ? user : "");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->remember), remember);
  /* Where the user types first */
  gtk_window_set_focus (GTK_WINDOW (self), user != NULL && *user != '\0' ? self->password
                                                                         : self->user);
  return GTK_WIDGET (self);
}

const char *
se_sign_in_dialog_get_user (SeSignInDialog *self)
{
  g_return_val_if_fail (SE_IS_SIGN_IN_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->user));
}

const char *
se_sign_in_dialog_get_password (SeSignInDialog *self)
{
  g_return_val_if_fail (SE_IS_SIGN_IN_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->password));
}

gboolean
se_sign_in_dialog_get_remember (SeSignInDialog *self)
{
  g_return_val_if_fail (SE_IS_SIGN_IN_DIALOG (self), FALSE);

  return gtk_check_button_get_active (GTK_CHECK_BUTTON (self->remember));
}
