/* se-private-file.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file readable by its owner only, written atomically: see
 * se-private-file.c. Errors are in G_FILE_ERROR and their message is the
 * system's reason only, for the caller's own sentence. */
typedef struct _SePrivateFile SePrivateFile;

gboolean       se_private_file_write         (const char     *path,
                                              const void     *data,
                                              gssize          length,
                                              GError        **error);

SePrivateFile *se_private_file_open          (const char     *path,
                                              GError        **error);
int            se_private_file_get_fd        (SePrivateFile  *self);
const char    *se_private_file_get_temp_path (SePrivateFile  *self);
gboolean       se_private_file_commit        (SePrivateFile  *self,
                                              GError        **error);
void           se_private_file_abort         (SePrivateFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SePrivateFile, se_private_file_abort)

G_END_DECLS
