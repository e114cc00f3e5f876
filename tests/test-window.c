/* test-window.c: the first window under a display
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <adwaita.h>

#include "se-organisation.h"
#include "se-placement.h"
#include "se-window.h"
#include "se-test-ui.h"
#include "se-test-util.h"

static void
test_empty_then_example_data (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "window.db", NULL);
  SeWindow *window = se_window_new (NULL, path);
  SeStore *store = se_window_get_store (window);

  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();

  g_assert_nonnull (store);
  g_assert_cmpstr (se_window_get_page (window), ==, "welcome");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-example-data",
                                             NULL));
  se_test_wait_for_idle ();

  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PLACEMENT), >, 0);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_ORGANISATION), >, 0);

  /* Loading twice is refused: the action is off once there is data */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-example-data",
                                              NULL)
                  && se_store_count (store, SE_TYPE_ORGANISATION) == 0);

  for (const char *const *s = (const char *const[]) { "partnerships", "placements", "agreements",
                                                      "organisations", "people", NULL };
       *s != NULL; s++)
    {
      se_window_show_section (window, *s);
      se_test_wait_for_idle ();
    }

  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  se_test_remove_dir (dir);
}

/* A window closed while something still holds it: another window's Open
 * Recent, which changes the settings both watch, leaves it alone */
static void
test_closed_window_recent (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (dir, "second.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) recent = NULL;
  SeWindow *held = se_window_new (NULL, first);
  SeWindow *other;

  gtk_window_present (GTK_WINDOW (held));
  se_test_wait_for_idle ();
  g_object_ref (held);
  gtk_window_destroy (GTK_WINDOW (held));
  se_test_wait_for_idle ();

  other = se_window_new (NULL, second);
  gtk_window_present (GTK_WINDOW (other));
  se_test_wait_for_idle ();
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpstr (recent[0], ==, second);
  g_assert_cmpstr (recent[1], ==, first);

  g_object_unref (held);
  gtk_window_destroy (GTK_WINDOW (other));
  se_test_wait_for_idle ();
  se_test_remove_dir (dir);
}

static void
test_start_empty (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "own.db", NULL);
  SeWindow *window = se_window_new (NULL, path);

  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  g_assert_cmpstr (se_window_get_page (window), ==, "welcome");

  /* Without example data: the sections, each offering its first record */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));
  se_test_wait_for_idle ();
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  g_assert_true (se_store_is_empty (se_window_get_store (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  se_test_remove_dir (dir);
}

static void
test_refused_file (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "not-a-database.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SeWindow *window;

  g_file_set_contents (path, "Dies ist kein Datenbankinhalt, sondern ein Brief.\n"
                             "Mit freundlichen Grüßen\n", -1, NULL);
  before = se_test_file_checksum (path);

  window = se_window_new (NULL, path);
  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();

  g_assert_null (se_window_get_store (window));
  g_assert_cmpstr (se_window_get_page (window), ==, "problem");

  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();

  after = se_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/empty-then-example-data", test_empty_then_example_data);
  g_test_add_func ("/window/start-empty", test_start_empty);
  g_test_add_func ("/window/refused-file", test_refused_file);
  g_test_add_func ("/window/closed-window-recent", test_closed_window_recent);

  return g_test_run ();
}
