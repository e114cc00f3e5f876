/* test-window-server.c: the main window on a database on a PostgreSQL server
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under tests/se-with-pg's throw-away server and Xvfb: the window opens a
 * connection URI that holds a password and names the database in its
 * title without it; Restore from Backup says that the server's backups are
 * pg_dump's and offers no file; a save whose connection the server drops
 * fails with words, keeps what was typed and stores nothing, and the same
 * save succeeds once the server takes connections again; a schema newer
 * than the app's opens read-only, with a banner.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <adwaita.h>

#include "se-example-data.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-record-form.h"
#include "se-test-db.h"
#include "se-test-ui.h"
#include "se-window.h"

static char *uri;
static char *conninfo;

static void
action (GtkWidget  *widget,
        const char *name)
{
  g_assert_true (gtk_widget_activate_action (widget, name, NULL));
  se_test_wait_for_idle ();
}

static char *
stored_location (const char *title)
{
  PGconn     *conn = PQconnectdb (conninfo);
  const char *params[] = { title };
  PGresult   *res;
  char       *location;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexecParams (conn, "SELECT coalesce (location, '') FROM placement WHERE title = $1", 1,
                      NULL, params, NULL, NULL, 0);
  g_assert_cmpint (PQntuples (res), ==, 1);
  location = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  PQfinish (conn);
  return location;
}

static SeWindow *
open_window (void)
{
  SeWindow *window = se_window_new (NULL, uri);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  return window;
}

static void
test_title (void)
{
  SeWindow        *window = open_window ();
  const char      *title = gtk_window_get_title (GTK_WINDOW (window));
  g_autofree char *name = se_store_dup_location_name (uri);

  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  g_assert_true (se_store_is_server (se_window_get_store (window)));
  g_test_message ("title: %s", title);
  g_assert_nonnull (strstr (title, "localhost/se_window"));
  g_assert_cmpstr (name, ==, "localhost/se_window");
  g_assert_null (strstr (title, g_getenv ("PGPASSWORD")));
  g_assert_null (strstr (name, g_getenv ("PGPASSWORD")));

  /* Open Recent has the server first, without the password, and opens it */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-databases");
    g_autofree char *kept = g_strdup_printf ("postgresql://%s@localhost:%s/se_window",
                                             g_getenv ("PGUSER"), g_getenv ("PGPORT"));
    GtkWidget       *button = se_test_find_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
    GMenuModel      *menu = NULL, *section, *submenu;
    g_autoptr(GVariant) target = NULL;

    g_assert_nonnull (recent[0]);
    g_assert_cmpstr (recent[0], ==, kept);
    for (GtkWidget *w = button; w != NULL && menu == NULL;)
      {
        /* the main menu: the one with Open Recent in its second section */
        GMenuModel *m = GTK_IS_MENU_BUTTON (w) ? gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (w))
                                               : NULL;
        if (m != NULL && g_menu_model_get_n_items (m) > 1
            && (section = g_menu_model_get_item_link (m, 1, G_MENU_LINK_SECTION)) != NULL)
          {
            if (g_menu_model_get_n_items (section) == 1)
              menu = m;
            g_object_unref (section);
          }
        w = menu == NULL ? NULL : w;
      }
    g_assert_nonnull (menu);
    section = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
    submenu = g_menu_model_get_item_link (section, 0, G_MENU_LINK_SUBMENU);
    g_assert_nonnull (submenu);
    g_assert_cmpint (g_menu_model_get_n_items (submenu), >=, 1);
    target = g_menu_model_get_item_attribute_value (submenu, 0, G_MENU_ATTRIBUTE_TARGET,
                                                    G_VARIANT_TYPE_STRING);
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, kept);
    g_object_unref (submenu);
    g_object_unref (section);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
}

static void
test_backups (void)
{
  SeWindow  *window = open_window ();
  GtkWidget *dialog;

  action (GTK_WIDGET (window), "win.restore-backup");
  dialog = se_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Backups Are Made on the Server");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "pg_dump"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
}

static void
test_lost_connection (void)
{
  const char   *title = "Verwaltungsdelegation aus Leipzig in Dortmund";
  SeWindow     *window = open_window ();
  SeRecordPage *page = se_window_get_record_page (window);
  SeStore      *store = se_window_get_store (window);
  g_autoptr(SeRecord) swap = NULL;
  g_autofree char *before = stored_location (title);
  g_autofree char *after = NULL;
  GtkWidget       *editor;

  for (guint i = 0; i < se_store_count (store, SE_TYPE_PLACEMENT) && swap == NULL; i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (se_store_get_list (store, SE_TYPE_PLACEMENT),
                                                      i);
      if (g_strcmp0 (se_record_get_string (r, "title"), title) == 0)
        swap = g_steal_pointer (&r);
    }
  g_assert_nonnull (swap);
  se_window_show_record (window, swap);
  se_test_wait_for_idle ();
  action (GTK_WIDGET (page), "page.edit");
  editor = se_record_form_get_editor (SE_RECORD_FORM (se_record_page_get_form (page)),
                                      "location");
  gtk_editable_set_text (GTK_EDITABLE (editor), "Lemgo");

  /* The server drops the window's connection */
  se_test_pg_run ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                  " WHERE datname = 'se_window' AND pid <> pg_backend_pid ()");
  action (GTK_WIDGET (page), "page.save");
  g_assert_true (se_record_page_get_editing (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "Lemgo");
  after = stored_location (title);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (se_record_get_string (swap, "location"), ==, before);
  g_clear_pointer (&after, g_free);

  /* Saving again works: the store connects anew */
  action (GTK_WIDGET (page), "page.save");
  g_assert_false (se_record_page_get_editing (page));
  after = stored_location (title);
  g_assert_cmpstr (after, ==, "Lemgo");
  /* The page shows the record as stored */
  g_assert_cmpstr (se_record_get_string (se_record_page_get_record (page), "location"), ==,
                   "Lemgo");
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
}

/* A schema newer than this app's: the window shows the records, says in a
 * banner that it is read-only, and offers nothing that writes */
static void
test_newer_schema (void)
{
  g_autofree char *sql = NULL;
  SeWindow *window;

  se_test_pg_run_in (conninfo, "UPDATE staff_exchange_schema SET version = 99, oldest_writer = 99");
  window = open_window ();
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  g_assert_true (se_store_is_read_only (se_window_get_store (window)));
  g_assert_true (se_test_has_label (GTK_WIDGET (window), "Read-only: ", FALSE));
  /* The New button, whose action is off */
  g_assert_false (gtk_widget_get_sensitive (se_test_find_actionable (GTK_WIDGET (window),
                                                                     "win.new")));
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  sql = g_strdup_printf ("UPDATE staff_exchange_schema SET version = %d, oldest_writer = %d",
                         se_store_get_schema_version (), se_store_get_schema_version ());
  se_test_pg_run_in (conninfo, sql);
}

static SeWindow *
open_window_as (const char *user)
{
  g_autofree char *as = g_strdup_printf ("postgresql://%s:pw-%s@localhost:%s/se_window", user,
                                         user, g_getenv ("PGPORT"));
  SeWindow        *window = se_window_new (NULL, as);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  return window;
}

/* The window shows what the role may do: a reader's is read-only and says
 * why; a clerk's offers no privacy actions and no deleting of people,
 * and activating them does nothing */
static void
test_roles (void)
{
  g_autoptr(SeStore) admin = se_store_open_location (uri, SE_STORE_OPEN_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  SeWindow *window;
  SeStore  *store;
  g_autoptr(SeRecord) person = NULL;
  guint n_people;

  se_test_pg_run ("DROP ROLE IF EXISTS se_win_reader, se_win_clerk");
  se_test_pg_run ("CREATE ROLE se_win_reader LOGIN PASSWORD 'pw-se_win_reader'");
  se_test_pg_run ("CREATE ROLE se_win_clerk LOGIN PASSWORD 'pw-se_win_clerk'");
  g_assert_true (se_store_grant_role (admin, SE_STORE_ROLE_READER, "se_win_reader", &error));
  g_assert_no_error (error);
  g_assert_true (se_store_grant_role (admin, SE_STORE_ROLE_CLERK, "se_win_clerk", &error));
  g_assert_no_error (error);

  window = open_window_as ("se_win_reader");
  store = se_window_get_store (window);
  g_assert_cmpint (se_store_get_role (store), ==, SE_STORE_ROLE_READER);
  g_assert_true (se_test_has_label (GTK_WIDGET (window), "Read-only: Your role in this database is reader", FALSE));
  g_assert_true (se_test_has_label (GTK_WIDGET (window), "se_window · Reader", FALSE));
  g_assert_false (gtk_widget_get_sensitive (se_test_find_actionable (GTK_WIDGET (window),
                                                                     "win.new")));
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();

  window = open_window_as ("se_win_clerk");
  store = se_window_get_store (window);
  g_assert_cmpint (se_store_get_role (store), ==, SE_STORE_ROLE_CLERK);
  g_assert_true (se_test_has_label (GTK_WIDGET (window), "se_window · Clerk", FALSE));
  g_assert_true (gtk_widget_get_sensitive (se_test_find_actionable (GTK_WIDGET (window),
                                                                    "win.new")));
  person = g_list_model_get_item (se_store_get_list (store, SE_TYPE_PERSON), 0);
  g_assert_nonnull (person);
  n_people = se_store_count (store, SE_TYPE_PERSON);
  se_window_show_record (window, person);
  se_test_wait_for_idle ();
  for (const char *const *a = (const char *const[]) { "win.erase-person", "win.anonymise-person",
                                                      "win.delete-record", "win.retention", NULL };
       *a != NULL; a++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), *a, NULL);
      se_test_wait_for_idle ();
      g_assert_null (se_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_null (se_test_find_toplevel (ADW_TYPE_WINDOW));
    }
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PERSON), ==, n_people);
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  se_test_pg_run ("DROP DATABASE IF EXISTS se_window WITH (FORCE)");
  se_test_pg_run ("DROP ROLE IF EXISTS se_win_reader, se_win_clerk, se_window_reader,"
                  " se_window_clerk, se_window_admin");
  se_test_pg_run ("CREATE DATABASE se_window");
  /* The password in the URI, as a user might paste it */
  uri = g_strdup_printf ("postgresql://%s:%s@localhost:%s/se_window", g_getenv ("PGUSER"),
                         g_getenv ("PGPASSWORD"), g_getenv ("PGPORT"));
  conninfo = g_strdup ("dbname=se_window");
  store = se_store_open_location (uri, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (se_example_data_load (store, &error));
  g_clear_object (&store);

  g_test_add_func ("/window-server/title", test_title);
  g_test_add_func ("/window-server/backups", test_backups);
  g_test_add_func ("/window-server/lost-connection", test_lost_connection);
  g_test_add_func ("/window-server/newer-schema", test_newer_schema);
  g_test_add_func ("/window-server/roles", test_roles);
  status = g_test_run ();

  se_test_pg_run ("DROP DATABASE se_window WITH (FORCE)");
  se_test_pg_run ("DROP ROLE IF EXISTS se_win_reader, se_win_clerk, se_window_reader,"
                  " se_window_clerk, se_window_admin");
  g_free (uri);
  g_free (conninfo);
  return status;
}
