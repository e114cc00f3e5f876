/* se-lazy-refresh.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Brings a page up to date in an idle, and only while it is shown: a hidden
 * page is marked stale and refreshed when it is mapped again, so that a
 * large database opens fast. Embedded in the page's instance struct. */
typedef struct
{
  GtkWidget  *page;
  void      (*refresh) (GtkWidget *page);
  guint       idle_id;
  gboolean    stale;
} SeLazyRefresh;

void se_lazy_refresh_init  (SeLazyRefresh *lazy,
                            GtkWidget     *page,
                            void         (*refresh) (GtkWidget *page));
void se_lazy_refresh_queue (SeLazyRefresh *lazy,
                            gboolean       even_hidden);
void se_lazy_refresh_begin (SeLazyRefresh *lazy);
void se_lazy_refresh_clear (SeLazyRefresh *lazy);

G_END_DECLS
