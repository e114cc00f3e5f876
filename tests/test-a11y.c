/* test-a11y.c: every control can be named
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button that shows only an icon must say what it does: the code gives
 * such buttons a tooltip and the same accessible label, so a screen
 * reader names them too. This walks the window in every section, on a
 * record's page and in its edit mode, and fails on any icon-only button
 * without one. (GTK 4.8 cannot read the accessible label back; the
 * tooltip stands for both.)
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <adwaita.h>

#include "se-agreement.h"
#include "se-describe.h"
#include "se-example-data.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-window.h"
#include "se-test-ui.h"
#include "se-test-util.h"

static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_text (c))
      return TRUE;
  return FALSE;
}

/* GTK's and libadwaita's own composite widgets name their parts. */
static gboolean
is_builtin (GtkWidget *widget)
{
  return GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_SPIN_BUTTON (widget)
         || GTK_IS_CALENDAR (widget) || GTK_IS_DROP_DOWN (widget)
         || ADW_IS_EXPANDER_ROW (widget) || GTK_IS_SEARCH_ENTRY (widget);
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  if (is_builtin (widget))
    return;

  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_BUTTON (widget))
    {
      gboolean inside_menu_button = GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget));
      if (!inside_menu_button && gtk_widget_get_visible (widget) && !has_text (widget)
          && gtk_widget_get_tooltip_text (widget) == NULL)
        g_ptr_array_add (unnamed, widget);
      if (GTK_IS_MENU_BUTTON (widget))
        return;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_unnamed (c, unnamed);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new ();

  collect_unnamed (root, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (unnamed, i);
      GtkWidget *p = gtk_widget_get_parent (w);
      g_test_message ("%s: unnamed %s (name %s) in %s", where, G_OBJECT_TYPE_NAME (w),
                      gtk_widget_get_name (w), p ? G_OBJECT_TYPE_NAME (p) : "-");
    }
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static SeRecord *
first_of (SeStore *store,
          GType    type)
{
  GListModel *list = se_store_get_list (store, type);

  return g_list_model_get_item (list, 0);
}

static void
test_every_control_named (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "a11y.db", NULL);
  const char *sections[] = { "partnerships", "placements", "agreements", "organisations",
                             "people", "checks", "statistics", "calendar" };
  SeWindow *window = se_window_new (NULL, path);
  SeStore *store = se_window_get_store (window);
  g_autoptr(GError) error = NULL;

  assert_all_named (GTK_WIDGET (window), "welcome page");
  g_assert_true (se_example_data_load (store, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      se_window_show_section (window, sections[i]);
      se_test_wait_for_idle ();
      assert_all_named (GTK_WIDGET (window), sections[i]);
    }

  {
    GType types[] = { se_partnership_get_type (), se_placement_get_type (),
                      se_agreement_get_type (), se_organisation_get_type (),
                      se_person_get_type () };
    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      {
        g_autoptr(SeRecord) record = first_of (store, types[i]);
        g_autofree char *where = g_strdup_printf ("page of a %s", g_type_name (types[i]));
        g_autofree char *editing = g_strdup_printf ("editing a %s", g_type_name (types[i]));

        se_window_show_record (window, record);
        se_test_wait_for_idle ();
        assert_all_named (GTK_WIDGET (window), where);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (se_window_get_record_page (window)),
                                                   "page.edit", NULL));
        se_test_wait_for_idle ();
        assert_all_named (GTK_WIDGET (window), editing);
        gtk_widget_activate_action (GTK_WIDGET (se_window_get_record_page (window)),
                                    "page.cancel", NULL);
        se_test_wait_for_idle ();
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/a11y/every-control-named", test_every_control_named);

  return g_test_run ();
}
