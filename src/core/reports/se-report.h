/* se-report.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "se-record.h"
#include "se-store.h"

G_BEGIN_DECLS

#define SE_REPORT_ERROR (se_report_error_quark ())

typedef enum
{
  SE_REPORT_ERROR_NOT_FOUND,
  SE_REPORT_ERROR_NOT_A_PARTICIPANT,
  SE_REPORT_ERROR_WRITE,
} SeReportError;

/* A4 in points, the size se_report_write_pdf() writes. */
#define SE_REPORT_A4_WIDTH  595.2756
#define SE_REPORT_A4_HEIGHT 841.8898

#define SE_TYPE_REPORT (se_report_get_type ())

G_DECLARE_FINAL_TYPE (SeReport, se_report, SE, REPORT, GObject)

GQuark    se_report_error_quark              (void);

SeReport *se_report_new_agreement_summary    (SeStore     *store,
                                              SeRecord    *agreement,
                                              GError     **error);
SeReport *se_report_new_certificate          (SeStore     *store,
                                              SeRecord    *placement,
                                              SeRecord    *person,
                                              GError     **error);

const char *se_report_get_title              (SeReport    *self);
char     *se_report_dup_file_name            (SeReport    *self);
void      se_report_set_print_date           (SeReport    *self,
                                              const char  *iso_date);

guint     se_report_paginate                 (SeReport    *self,
                                              cairo_t     *cr,
                                              double       page_width,
                                              double       page_height);
guint     se_report_get_n_pages              (SeReport    *self);
void      se_report_draw_page                (SeReport    *self,
                                              cairo_t     *cr,
                                              guint        page);

gboolean  se_report_write_pdf                (SeReport    *self,
                                              const char  *path,
                                              GError     **error);

G_END_DECLS
