/* se-print.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "se-report.h"

G_BEGIN_DECLS

void     se_print_report         (GtkWindow   *parent,
                                  SeReport    *report);
void     se_print_export_pdf     (GtkWindow   *parent,
                                  SeReport    *report);
gboolean se_print_report_to_pdf  (SeReport    *report,
                                  const char  *path,
                                  GError     **error);

G_END_DECLS
