/* se-test-ui.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the widget tests share: letting the main loop run, and finding
 * widgets the way a user finds them (by name, kind, action or visible
 * text).
 */

#pragma once

#include <string.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

static inline void
se_test_wait_for_idle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static inline GtkWidget *
se_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = se_test_find_named (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
se_test_find_type (GtkWidget *root,
                   GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = se_test_find_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The widget that activates @action_name, as its button or row does */
static inline GtkWidget *
se_test_find_actionable (GtkWidget  *root,
                         const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = se_test_find_actionable (c, action_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A mapped label showing @text (or containing it, unless @exact); the
 * rows of the lists show theirs in inscriptions, which count too. */
static inline gboolean
se_test_has_label (GtkWidget  *root,
                   const char *text,
                   gboolean    exact)
{
  const char *t = NULL;

  if (GTK_IS_LABEL (root))
    t = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_INSCRIPTION (root))
    t = gtk_inscription_get_text (GTK_INSCRIPTION (root));
  if (t != NULL && gtk_widget_get_mapped (root)
      && (exact ? g_strcmp0 (t, text) == 0 : strstr (t, text) != NULL))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (se_test_has_label (c, text, exact))
      return TRUE;
  return FALSE;
}

/* The visible top-level window of @type, such as a dialog just opened. */
static inline GtkWidget *
se_test_find_toplevel (GType type)
{
  GtkWidget *found = NULL;
  g_autoptr(GList) list = gtk_window_list_toplevels ();

  for (GList *l = list; l != NULL; l = l->next)
    if (g_type_is_a (G_OBJECT_TYPE (l->data), type) && gtk_widget_get_visible (l->data))
      found = l->data;
  return found;
}

G_END_DECLS
