/* se-screenshot.c: renders the main window of a database to a PNG file
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by build-aux/screenshots for the README and the AppStream
 * metainfo, and by hand to look at the window:
 *
 *   se-screenshot --database FILE --output OUT.png [--width W] [--height H]
 *                 [--dark] [--section NAME] [--record TITLE] [--edit]
 *                 [--month YYYY-MM] (the calendar's month)
 *                 [--content] (a narrow window shows the section, not the sidebar)
 *                 [--retention YYYY-MM-DD [--retention-years N]] (renders the
 *                 "Personal Data Due for Deletion" dialog as of that day)
 *
 * With SE_SCREENSHOT_MEASURE=1 it also prints the widgets whose minimum
 * width is over 300 pixels: what keeps a narrow window from being narrow.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "se-calendar-page.h"
#include "se-describe.h"
#include "se-retention-dialog.h"
#include "se-window.h"

static gboolean
save_png (GtkWidget  *widget,
          const char *path)
{
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  return gdk_texture_save_to_png (texture, path);
}

static void
wait (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static SeRecord *
find_record (SeStore    *store,
             GListModel *visible,
             const char *title)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  /* The section's own records first */
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (visible, i);
      g_autofree char *t2 = se_describe_title (store, r);
      if (g_str_has_prefix (t2, title))
        return g_steal_pointer (&r);
    }

  for (guint t = 0; t < n_types; t++)
    {
      GListModel *list = se_store_get_list (store, types[t]);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
          g_autofree char *t2 = se_describe_title (store, r);
          if (g_str_has_prefix (t2, title))
            return g_steal_pointer (&r);
        }
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *output = NULL;
  g_autofree char *section = NULL;
  g_autofree char *record_title = NULL;
  g_autofree char *month = NULL;
  g_autofree char *retention = NULL;
  int retention_years = 0;
  GtkWidget *shot;
  gboolean dark = FALSE, edit = FALSE, content = FALSE;
  int width = 1200, height = 760;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Database", "FILE" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "PNG file", "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Width", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Height", "PX" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "edit", 0, 0, G_OPTION_ARG_NONE, &edit, "Edit the record", NULL },
    { "section", 0, 0, G_OPTION_ARG_STRING, &section, "Section", "NAME" },
    { "record", 0, 0, G_OPTION_ARG_STRING, &record_title, "Record title", "TITLE" },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, "Calendar month", "YYYY-MM" },
    { "content", 0, 0, G_OPTION_ARG_NONE, &content, "Show the content when narrow", NULL },
    { "retention", 0, 0, G_OPTION_ARG_STRING, &retention, "Retention dialog as of", "DATE" },
    { "retention-years", 0, 0, G_OPTION_ARG_INT, &retention_years, "Retention period", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkApplication) app = NULL;
  SeWindow *window;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SE_LOCALEDIR") ? g_getenv ("SE_LOCALEDIR")
                                                              : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL
      || output == NULL)
    {
      g_printerr ("se-screenshot: %s\n", error ? error->message : "--database and --output");
      return 2;
    }

  gtk_init ();
  adw_init ();
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
    gtk_icon_theme_add_resource_path (theme, "/io/github/staffexchange/StaffExchange/icons");
    GtkCssProvider *css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, "/io/github/staffexchange/StaffExchange/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* GNOME's own title bar layout: only a close button */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);

  window = se_window_new (NULL, database);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait (500);

  if (section != NULL)
    se_window_show_section (window, section);
  if (content)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL);
  if (month != NULL)
    {
      int y = 0, m = 0;
      if (sscanf (month, "%d-%d", &y, &m) != 2 || m < 1 || m > 12)
        {
          g_printerr ("se-screenshot: --month wants YYYY-MM\n");
          return 2;
        }
      se_calendar_page_set_month (SE_CALENDAR_PAGE (se_window_get_tool_page (window, "calendar")),
                                  y, m);
    }
  if (record_title != NULL)
    {
      g_autoptr(SeRecord) record = find_record (se_window_get_store (window),
                                                 se_window_get_visible_list (window),
                                                 record_title);
      if (record == NULL)
        {
          g_printerr ("se-screenshot: no record “%s”\n", record_title);
          return 2;
        }
      se_window_show_record (window, record);
      if (edit)
        gtk_widget_activate_action (GTK_WIDGET (se_window_get_record_page (window)),
                                    "page.edit", NULL);
    }
  shot = GTK_WIDGET (window);
  if (retention != NULL)
    {
      SeRetentionDialog *dialog = se_retention_dialog_new (GTK_WINDOW (window),
                                                           se_window_get_store (window));
      if (retention_years > 0)
        {
          g_autoptr(GSettings) settings = g_settings_new (APP_ID);
          g_settings_set_int (settings, "retention-years", retention_years);
        }
      se_retention_dialog_set_today (dialog, retention);
      gtk_window_present (GTK_WINDOW (dialog));
      shot = GTK_WIDGET (dialog);
    }
  wait (800);

  if (g_getenv ("SE_SCREENSHOT_MEASURE") != NULL)
    {
      GtkWidget *stack[64];
      int depth = 0;
      stack[depth++] = GTK_WIDGET (window);
      while (depth > 0)
        {
          GtkWidget *w = stack[--depth];
          int min = 0, nat = 0;
          gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          if (min > 300)
            g_print ("%s %s min %d\n", G_OBJECT_TYPE_NAME (w), gtk_widget_get_name (w), min);
          for (GtkWidget *c = gtk_widget_get_first_child (w); c && depth < 63;
               c = gtk_widget_get_next_sibling (c))
            stack[depth++] = c;
        }
    }

  if (!save_png (shot, output))
    {
      g_printerr ("se-screenshot: could not write %s\n", output);
      return 2;
    }
  return 0;
}
