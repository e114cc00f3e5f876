/* se-job-swap-dialog.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_JOB_SWAP_DIALOG (se_job_swap_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SeJobSwapDialog, se_job_swap_dialog, SE, JOB_SWAP_DIALOG, AdwWindow)

SeJobSwapDialog *se_job_swap_dialog_new (GtkWindow *parent,
                                         SeStore   *store,
                                         SeRecord  *placement);

G_END_DECLS
