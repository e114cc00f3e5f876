/* test-window-sign-in.c: signing in to a server, the password in the keyring
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under tests/se-with-pg's throw-away server, tests/se-with-keyring's
 * GNOME keyring (a gnome-keyring-daemon on a session bus of the test's
 * own) and Xvfb. A role whose password libpq does not have (the run's
 * password is in a password file for PGUSER only, not in PGPASSWORD):
 * the window asks for it in the sign-in dialog, with the user libpq would
 * sign in as; a wrong password asks again with a line that says so;
 * Cancel shows the problem page; the right password opens the database.
 * With *Remember password* the keyring holds it (libsecret finds it under
 * host, port, database and user) and the next sign-in takes it from
 * there without asking; a remembered password the server no longer takes
 * asks again, and is forgotten when the user says not to remember. A
 * server whose password libpq has opens without the dialog.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>
#include <libsecret/secret.h>

#include "se-example-data.h"
#include "se-sign-in-dialog.h"
#include "se-test-db.h"
#include "se-test-ui.h"
#include "se-window.h"

#define DATABASE "se_window_sign_in"
#define USER "clerk_anna"
#define PASSWORD "Fachbereich 10: Personal"

/* The app's schema, as Passwords and Keys shows it; written out here so
 * that a change to it, which would lose every remembered password, is
 * seen */
static const SecretSchema server_schema = {
  "io.github.staffexchange.StaffExchange.Server",
  SECRET_SCHEMA_NONE,
  {
    { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static char *uri;          /* as USER, no password */
static char *run_password; /* PGUSER's, kept from PGPASSWORD */

static char *
keyring_lookup (void)
{
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_sync (&server_schema, NULL, &error, "host", "localhost",
                                                "port", g_getenv ("PGPORT"), "database",
                                                DATABASE, "user", USER, NULL);

  g_assert_no_error (error);
  return password;
}

static void
keyring_clear (void)
{
  g_autoptr(GError) error = NULL;

  secret_password_clear_sync (&server_schema, NULL, &error, "host", "localhost", "port",
                              g_getenv ("PGPORT"), "database", DATABASE, "user", USER, NULL);
  g_assert_no_error (error);
}

/* Lets the main loop run until @done, for at most ten seconds */
#define WAIT_FOR(done) \
  G_STMT_START \
  { \
    gint64 until_ = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND; \
    while (!(done) && g_get_monotonic_time () < until_) \
      if (!g_main_context_iteration (NULL, FALSE)) \
        g_usleep (5000); \
  } \
  G_STMT_END

static SeWindow *
open_window (const char *location)
{
  SeWindow *window = se_window_new (NULL, location);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  return window;
}

static void
close_window (SeWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  /* The next sign-in is a new session's: nothing from this one */
  se_store_forget_login (uri);
}

/* The sign-in dialog once it is shown, other than @before (which closes
 * after its response) */
static AdwMessageDialog *
dialog_shown (void)
{
  GtkWidget *dialog = NULL;

  WAIT_FOR ((dialog = se_test_find_toplevel (SE_TYPE_SIGN_IN_DIALOG)) != NULL);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return ADW_MESSAGE_DIALOG (dialog);
}

static GtkWidget *
field (AdwMessageDialog *dialog,
       const char       *name)
{
  GtkWidget *widget = se_test_find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (widget);
  return widget;
}

/* Presses the dialog's button of @response, as a user does, and waits
 * until the dialog is gone */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWidget *button;
  gpointer   weak = dialog;

  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  button = se_test_find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog,
                                                                                            response));
  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (button, "clicked");
  WAIT_FOR (weak == NULL);
  g_assert_null (weak);
  se_test_wait_for_idle ();
}

/* Types @password (and ticks Remember as @remember) and signs in */
static void
sign_in (AdwMessageDialog *dialog,
         const char       *password,
         gboolean          remember)
{
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "password")), password);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (dialog, "remember")), remember);
  respond (dialog, "sign-in");
}

/* The same with Enter in the password field */
static void
sign_in_with_enter (AdwMessageDialog *dialog,
                    const char       *password)
{
  GtkWidget *entry = field (dialog, "password");
  GtkWidget *text = se_test_find_type (entry, GTK_TYPE_TEXT);
  gpointer   weak = dialog;

  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  g_assert_true (gtk_widget_grab_focus (entry));
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (text, "activate");
  WAIT_FOR (weak == NULL);
  g_assert_null (weak);
  se_test_wait_for_idle ();
}

/* The window asks; a wrong password asks again, saying so; the right one
 * opens; nothing is remembered unless asked */
static void
test_asks (void)
{
  SeWindow         *window;
  AdwMessageDialog *dialog;
  g_autofree char  *remembered = NULL;

  keyring_clear ();
  window = open_window (uri);
  dialog = dialog_shown ();
  /* The window waits behind it, offering nothing */
  g_assert_cmpstr (se_window_get_page (window), ==, "problem");
  g_assert_null (se_window_get_store (window));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog),
                  adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "localhost/" DATABASE));
  /* The user libpq would sign in as, the one the URI names */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "user"))), ==, USER);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "password"))), ==, "");
  g_assert_true (GTK_IS_PASSWORD_ENTRY (field (dialog, "password")));
  g_assert_false (gtk_widget_get_visible (field (dialog, "refused")));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (field (dialog, "remember"))));
  /* Nothing to sign in with yet */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "sign-in"));
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "password")), "x");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "sign-in"));
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "password")), "");

  /* Wrong: asked again, with the line, the user kept */
  sign_in (dialog, "Fachbereich 11", FALSE);
  dialog = dialog_shown ();
  g_assert_true (gtk_widget_get_visible (field (dialog, "refused")));
  /* the app's words, in the language of the run */
  g_assert_true (se_test_has_label (GTK_WIDGET (dialog),
                                    _("The server did not accept the user name or the "
                                      "password. Check them and try again."),
                                       TRUE));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "user"))), ==, USER);
  g_assert_cmpstr (se_window_get_page (window), ==, "problem");
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "password")), "Fachbereich");
  se_test_save_png (GTK_WIDGET (dialog), "sign-in");

  /* Right, and Enter: the records */
  sign_in_with_enter (dialog, PASSWORD);
  g_assert_null (se_test_find_toplevel (SE_TYPE_SIGN_IN_DIALOG));
  g_assert_nonnull (se_window_get_store (window));
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  g_assert_cmpuint (g_list_model_get_n_items (se_window_get_visible_list (window)), >, 0);
  /* The title names the database, never a password */
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), PASSWORD));
  g_assert_cmpstr (se_window_get_path (window), ==, uri);
  /* Not asked to remember it: the keyring has nothing */
  se_test_wait_for_idle ();
  remembered = keyring_lookup ();
  g_assert_null (remembered);
  close_window (window);
}

/* Cancel: the problem page, saying what the server asked for */
static void
test_cancel (void)
{
  SeWindow         *window;
  AdwMessageDialog *dialog;
  GtkWidget        *status;

  keyring_clear ();
  window = open_window (uri);
  dialog = dialog_shown ();
  respond (dialog, "cancel");
  g_assert_null (se_test_find_toplevel (SE_TYPE_SIGN_IN_DIALOG));
  g_assert_null (se_window_get_store (window));
  g_assert_cmpstr (se_window_get_page (window), ==, "problem");
  status = se_test_find_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_test_message ("%s", adw_status_page_get_description (ADW_STATUS_PAGE (status)));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "The Database Cannot Be Opened");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            "asks for the password of the user “" USER "”"));
  close_window (window);
}

/* Remember password: in the keyring under host, port, database and
 * user; the next sign-in takes it from there and does not ask */
static void
test_remember (void)
{
  SeWindow         *window;
  AdwMessageDialog *dialog;
  char             *remembered = NULL;

  keyring_clear ();
  window = open_window (uri);
  dialog = dialog_shown ();
  sign_in (dialog, PASSWORD, TRUE);
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  WAIT_FOR ((remembered = keyring_lookup ()) != NULL);
  g_assert_cmpstr (remembered, ==, PASSWORD);
  g_clear_pointer (&remembered, g_free);
  close_window (window);

  /* The next session: the keyring's password, no dialog */
  window = open_window (uri);
  WAIT_FOR (se_window_get_store (window) != NULL
            || se_test_find_toplevel (SE_TYPE_SIGN_IN_DIALOG) != NULL);
  g_assert_null (se_test_find_toplevel (SE_TYPE_SIGN_IN_DIALOG));
  g_assert_nonnull (se_window_get_store (window));
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  close_window (window);
}

/* The server no longer takes the remembered password: the dialog, saying
 * so, with Remember ticked; signing in without it forgets the old one */
static void
test_remembered_refused (void)
{
  g_autoptr(GError) error = NULL;
  SeWindow         *window;
  AdwMessageDialog *dialog;
  char             *remembered = NULL;

  g_assert_true (secret_password_store_sync (&server_schema, SECRET_COLLECTION_DEFAULT,
                                             "an old password", "Fachbereich 11", NULL, &error,
                                             "host", "localhost", "port", g_getenv ("PGPORT"),
                                             "database", DATABASE, "user", USER, NULL));
  g_assert_no_error (error);
  window = open_window (uri);
  dialog = dialog_shown ();
  g_assert_true (gtk_widget_get_visible (field (dialog, "refused")));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (field (dialog, "remember"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "user"))), ==, USER);
  sign_in (dialog, PASSWORD, FALSE);
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  WAIT_FOR ((remembered = keyring_lookup ()) == NULL);
  g_assert_null (remembered);
  close_window (window);
}

/* A server whose password libpq has (here from the password file, as
 * from ~/.pgpass; then from PGPASSWORD) opens without the dialog */
static void
test_no_dialog (void)
{
  g_autofree char *known = g_strdup_printf ("postgresql://%s@localhost:%s/" DATABASE,
                                            g_getenv ("PGUSER"), g_getenv ("PGPORT"));
  g_autofree char *passfile = g_strdup (g_getenv ("PGPASSFILE"));
  SeWindow        *window;

  window = open_window (known);
  g_assert_null (se_test_find_toplevel (SE_TYPE_SIGN_IN_DIALOG));
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();

  g_setenv ("PGPASSWORD", run_password, TRUE);
  g_setenv ("PGPASSFILE", "/nonexistent/pgpass", TRUE);
  window = open_window (known);
  g_assert_null (se_test_find_toplevel (SE_TYPE_SIGN_IN_DIALOG));
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  g_unsetenv ("PGPASSWORD");
  g_setenv ("PGPASSFILE", passfile, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int              status;

  if (g_getenv ("SE_SCREENSHOT_DIR") == NULL)
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (g_getenv ("SE_SCREENSHOT_DIR") != NULL)
    {
      /* the dialog in the language of the run (build-aux/screenshots, which
       * runs /window-sign-in/asks only), from the build tree's catalogue */
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SE_LOCALEDIR") ? g_getenv ("SE_LOCALEDIR")
                                                                 : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      gtk_css_provider_load_from_resource (css, "/io/github/staffexchange/StaffExchange/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* USER's password is known to the server only */
  dir = se_test_make_dir ();
  run_password = se_test_pg_hide_password (dir);
  se_test_pg_run ("DROP DATABASE IF EXISTS " DATABASE " WITH (FORCE)");
  se_test_pg_run ("DROP ROLE IF EXISTS " USER);
  se_test_pg_run ("CREATE ROLE " USER " LOGIN PASSWORD '" PASSWORD "'");
  se_test_pg_run ("CREATE DATABASE " DATABASE " OWNER " USER);
  uri = g_strdup_printf ("postgresql://" USER "@localhost:%s/" DATABASE, g_getenv ("PGPORT"));
  store = se_store_open_location_as (uri, SE_STORE_OPEN_FLAGS_NONE, NULL, PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (se_example_data_load (store, &error));
  g_clear_object (&store);
  se_store_forget_login (uri);

  g_test_add_func ("/window-sign-in/asks", test_asks);
  g_test_add_func ("/window-sign-in/cancel", test_cancel);
  g_test_add_func ("/window-sign-in/remember", test_remember);
  g_test_add_func ("/window-sign-in/remembered-refused", test_remembered_refused);
  g_test_add_func ("/window-sign-in/no-dialog", test_no_dialog);
  status = g_test_run ();

  se_test_pg_run ("DROP DATABASE " DATABASE " WITH (FORCE)");
  se_test_pg_run ("DROP ROLE " USER);
  se_test_pg_restore_password (run_password);
  se_test_remove_dir (dir);
  g_free (uri);
  return status;
}
