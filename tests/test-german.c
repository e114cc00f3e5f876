/* test-german.c: the window in German
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with LANGUAGE=de, a German locale made at build time (LOCPATH) and
 * the catalogue compiled into the build tree (SE_TEST_LOCALEDIR), and
 * finds the window title, a section name, a date and a plural in German.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "se-describe.h"
#include "se-example-data.h"
#include "se-organisation.h"
#include "se-window.h"
#include "se-test-ui.h"
#include "se-test-util.h"

static void
test_german_window (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "de.db", NULL);
  SeWindow *window;
  SeStore *store;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = NULL;

  window = se_window_new (NULL, path);
  store = se_window_get_store (window);
  g_assert_true (se_example_data_load (store, &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  se_window_show_section (window, "placements");
  se_test_wait_for_idle ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "de.db – Personalaustausch");
  g_assert_true (se_test_has_label (GTK_WIDGET (window), "Partnerschaften", TRUE));
  g_assert_true (se_test_has_label (GTK_WIDGET (window), "Einsätze", TRUE));
  /* The Leipzig delegation's visit, in the list of placements */
  g_assert_true (se_test_has_label (GTK_WIDGET (window), "06.07.2023", FALSE));
  g_assert_false (se_test_has_label (GTK_WIDGET (window), "2023-07-06", FALSE));

  /* A plural: deleting an organisation names what goes with it */
  {
    GListModel *orgs = se_store_get_list (store, SE_TYPE_ORGANISATION);
    for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
      {
        g_autoptr(SeRecord) org = g_list_model_get_item (orgs, i);
        if (g_str_has_prefix (se_record_get_string (org, "name"), "KDN"))
          se_window_show_record (window, org);
      }
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-record", NULL));
  se_test_wait_for_idle ();
  dialog = se_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            " Personen"));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                                   "„KDN"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SE_TEST_LOCALEDIR");

  if (setlocale (LC_ALL, "") == NULL || localedir == NULL)
    {
      g_printerr ("No German locale or catalogue here\n");
      return 77;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Staff Exchange"));

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/german/window", test_german_window);

  return g_test_run ();
}
