/* se-tool-page.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-store.h"

G_BEGIN_DECLS

#define SE_TYPE_TOOL_PAGE (se_tool_page_get_type ())

/* A page's own template (parent="SeToolPage") adds to the header bar
 * through <child internal-child="header">, and its content below it. */
G_DECLARE_DERIVABLE_TYPE (SeToolPage, se_tool_page, SE, TOOL_PAGE, GtkBox)

struct _SeToolPageClass
{
  GtkBoxClass parent_class;

  /* Brings the page up to date with the store; called through
   * se_tool_page_refresh(), never directly. */
  void     (*refresh)        (SeToolPage *self);
  /* Whether a change of the store is worth a refresh while the page is
   * hidden; by default it is not. */
  gboolean (*refresh_hidden) (SeToolPage *self);

  gpointer padding[6];
};

SeStore      *se_tool_page_get_store          (SeToolPage *self);
AdwHeaderBar *se_tool_page_get_header_bar     (SeToolPage *self);
void          se_tool_page_queue_refresh      (SeToolPage *self);
void          se_tool_page_refresh            (SeToolPage *self);
gboolean      se_tool_page_get_refresh_queued (SeToolPage *self);
void          se_tool_page_open_record        (SeToolPage *self,
                                               SeRecord   *record);

/* Work on the database that takes seconds on a large one (statistics,
 * checks): @work gets a store and its data and returns the result, which
 * @done takes over. */
typedef gpointer (*SeToolPageWorkFunc) (SeStore    *store,
                                        gpointer    data);
typedef void     (*SeToolPageDoneFunc) (SeToolPage *self,
                                        gpointer    result);

void          se_tool_page_run_work           (SeToolPage         *self,
                                               SeToolPageWorkFunc  work,
                                               gpointer            data,
                                               GDestroyNotify      data_free,
                                               GDestroyNotify      result_free,
                                               SeToolPageDoneFunc  done);
void          se_tool_page_cancel_work        (SeToolPage         *self);
gboolean      se_tool_page_get_working        (SeToolPage         *self);

G_END_DECLS
