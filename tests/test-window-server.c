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
  status = g_test_run ();

  se_test_pg_run ("DROP DATABASE se_window WITH (FORCE)");
  g_free (uri);
  g_free (conninfo);
  return status;
}
