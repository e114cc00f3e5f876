/* se-checks-page.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-tool-page.h"

G_BEGIN_DECLS

#define SE_TYPE_CHECKS_PAGE (se_checks_page_get_type ())

G_DECLARE_FINAL_TYPE (SeChecksPage, se_checks_page, SE, CHECKS_PAGE, SeToolPage)

SeChecksPage *se_checks_page_new            (SeStore      *store);
void          se_checks_page_refresh        (SeChecksPage *self);
void          se_checks_page_set_today      (SeChecksPage *self,
                                             const char   *today_iso);
guint         se_checks_page_get_n_findings (SeChecksPage *self);
gboolean      se_checks_page_has_run        (SeChecksPage *self);
GPtrArray    *se_checks_page_get_findings   (SeChecksPage *self);

G_END_DECLS
