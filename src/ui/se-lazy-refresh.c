/* se-lazy-refresh.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "se-lazy-refresh.h"

static gboolean
refresh_idle (gpointer user_data)
{
  SeLazyRefresh *lazy = user_data;

  lazy->idle_id = 0;
  lazy->refresh (lazy->page);
  return G_SOURCE_REMOVE;
}

static void
on_map (GtkWidget     *page,
        SeLazyRefresh *lazy)
{
  if (lazy->stale)
    se_lazy_refresh_queue (lazy, FALSE);
}

/**
 * se_lazy_refresh_init:
 * @lazy: the page's refresh state
 * @page: the page
 * @refresh: brings @page up to date; it calls se_lazy_refresh_begin()
 */
void
se_lazy_refresh_init (SeLazyRefresh *lazy,
                      GtkWidget     *page,
                      void         (*refresh) (GtkWidget *page))
{
  lazy->page = page;
  lazy->refresh = refresh;
  lazy->idle_id = 0;
  lazy->stale = FALSE;
  g_signal_connect (page, "map", G_CALLBACK (on_map), lazy);
}

/**
 * se_lazy_refresh_queue:
 * @lazy: the page's refresh state
 * @even_hidden: refresh while the page is hidden too (cheap work only)
 *
 * Refreshes the page in an idle if it is shown, else when it is shown.
 */
void
se_lazy_refresh_queue (SeLazyRefresh *lazy,
                       gboolean       even_hidden)
{
  if (!even_hidden && !gtk_widget_get_mapped (lazy->page))
    {
      lazy->stale = TRUE;
      return;
    }

  if (lazy->idle_id == 0)
    lazy->idle_id = g_idle_add_full (G_PRIORITY_LOW, refresh_idle, lazy, NULL);
}

/* Called when a refresh starts, whatever started it. */
void
se_lazy_refresh_begin (SeLazyRefresh *lazy)
{
  lazy->stale = FALSE;
  g_clear_handle_id (&lazy->idle_id, g_source_remove);
}

/* From the page's dispose. */
void
se_lazy_refresh_clear (SeLazyRefresh *lazy)
{
  g_clear_handle_id (&lazy->idle_id, g_source_remove);
}
