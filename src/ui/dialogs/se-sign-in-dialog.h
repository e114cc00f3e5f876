/* se-sign-in-dialog.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SE_TYPE_SIGN_IN_DIALOG (se_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SeSignInDialog, se_sign_in_dialog, SE, SIGN_IN_DIALOG, AdwMessageDialog)

GtkWidget  *se_sign_in_dialog_new (GtkWindow  *parent,
                                   const char *where,
                                   const char *user,
                                   gboolean    refused,
                                   gboolean    remember);
const char *se_sign_in_dialog_get_user (SeSignInDialog *self);
const char *se_sign_in_dialog_get_password (SeSignInDialog *self);
gboolean    se_sign_in_dialog_get_remember (SeSignInDialog *self);

G_END_DECLS
