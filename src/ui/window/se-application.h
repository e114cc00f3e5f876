/* se-application.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SE_TYPE_APPLICATION (se_application_get_type ())

G_DECLARE_FINAL_TYPE (SeApplication, se_application, SE, APPLICATION, AdwApplication)

SeApplication *se_application_new (void);

G_END_DECLS
