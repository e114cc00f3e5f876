/* se-partnership-chooser.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_PARTNERSHIP_CHOOSER (se_partnership_chooser_get_type ())

G_DECLARE_FINAL_TYPE (SePartnershipChooser, se_partnership_chooser, SE, PARTNERSHIP_CHOOSER,
                      AdwWindow)

SePartnershipChooser *se_partnership_chooser_new (GtkWindow            *parent,
                                                  SeStore              *store,
                                                  const char           *title,
                                                  const char           *accept_label);

G_END_DECLS
