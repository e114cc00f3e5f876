/* se-test-ui.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the widget tests share: letting the main loop run, finding
 * widgets the way a user finds them (by name, kind, action or visible
 * text), and answering a file chooser.
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

/* Answers the file chooser just opened with @path, as a user who picks it
 * and presses its Save or Open button: GTK's own chooser stands in for
 * the portal's in the tests. An Open chooser selects @path once it has
 * read the folder. */
static inline void
se_test_choose_file (const char *path)
{
  GtkWidget *chooser = se_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  GFile *chosen;

  g_assert_nonnull (chooser);
  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder,
                                                          NULL));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  while ((chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL
         || !g_file_equal (chosen, file))
    {
      g_clear_object (&chosen);
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_object_unref (chosen);
  /* Its button, not a response: the chooser checks the name first.
   * Held, as its owner lets it go once it has answered. */
  g_object_ref (chooser);
  g_assert_true (gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser),
                                                                          GTK_RESPONSE_ACCEPT)));
  while (gtk_widget_get_visible (chooser))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_object_unref (chooser);
}

/* The visible button labelled @label (with its mnemonic), as a dialog's
 * response buttons are */
static inline GtkWidget *
se_test_find_button (GtkWidget  *root,
                     const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0
      && gtk_widget_get_visible (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = se_test_find_button (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* With SE_SCREENSHOT_DIR set (build-aux/screenshots), saves @widget as
 * NAME-LANG.png there, LANG from SE_SCREENSHOT_LANG; otherwise nothing */
static inline void
se_test_save_png (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("SE_SCREENSHOT_DIR");
  const char *lang = g_getenv ("SE_SCREENSHOT_LANG");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot     *snapshot;
  int              w, h;

  if (dir == NULL)
    return;

  /* let the dialog reach its size and draw */
  for (int i = 0; i < 50; i++)
    {
      se_test_wait_for_idle ();
      g_usleep (10000);
    }
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  file = g_strdup_printf ("%s-%s.png", name, lang != NULL ? lang : "en");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

G_END_DECLS
