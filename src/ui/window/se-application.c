/* se-application.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-application.h"
#include "se-cli-backup.h"
#include "se-cli-data.h"
#include "se-cli-planning.h"
#include "se-cli-report.h"
#include "se-reminder-notification.h"
#include "se-example-data.h"
#include "se-store.h"
#include "se-window.h"

/* One instance per user. Headless jobs are command-line options handled in
 * the calling process before any display is needed; they exit with 0 on
 * success and 2 with a message on standard error otherwise. */

struct _SeApplication
{
  AdwApplication parent_instance;

  gboolean       reminded;  /* the start's notifications were sent */
};

G_DEFINE_FINAL_TYPE (SeApplication, se_application, ADW_TYPE_APPLICATION)

SeApplication *
se_application_new (void)
{
  return g_object_new (SE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/staffexchange/StaffExchange",
                       NULL);
}

static SeWindow *
find_window (SeApplication *self,
             const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SE_IS_WINDOW (l->data) && g_strcmp0 (se_window_get_path (l->data), path) == 0)
      return l->data;
  return NULL;
}

static void
open_path (SeApplication *self,
           const char    *path)
{
  SeWindow *window = find_window (self, path);

  if (window == NULL)
    window = se_window_new (GTK_APPLICATION (self), path);
  gtk_window_present (GTK_WINDOW (window));

  /* Once per start: agreements that expire soon, placements that start soon. */
  if (!self->reminded)
    {
      self->reminded = TRUE;
      se_reminder_notification_send (G_APPLICATION (self), se_window_get_store (window));
    }
}

static void
se_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = se_store_dup_default_path ();
  open_path (SE_APPLICATION (app), path);
}

/* SQLite works on local files only: a file on a server (sftp://, smb://
 * without a local mount) is refused with a message rather than ignored. */
static void
refuse_remote_file (SeApplication *self,
                    GFile         *file)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *name = g_file_get_parse_name (file);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("File Not on This Computer"),
                                                       NULL));
  /* Translators: %s is the location of a file, such as sftp://server/Austausch.staffx */
  adw_message_dialog_format_body (dialog, _("%s cannot be opened where it is. Copy it to a "
                                            "folder on this computer, then open the copy."),
                                  name);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  /* Keeps the application running while the message is shown. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
se_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        open_path (SE_APPLICATION (app), path);
      else
        refuse_remote_file (SE_APPLICATION (app), files[i]);
    }
}

static int
fail (const char *message)
{
  g_printerr ("staff-exchange: %s\n", message);
  return 2;
}

static int
load_example_data (const char *path)
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = se_store_open_location (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  if (store == NULL || !se_example_data_load (store, &error))
    return fail (error->message);

  /* Translators: %s is the file name of a database */
  g_print (_("Example data loaded into %s\n"), path);
  return 0;
}

static int
se_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("staff-exchange %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^ay", &database);
  if (database != NULL && se_store_location_is_server (database))
    path = g_strdup (database);
  else if (database != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);
      path = g_file_get_path (file);
      if (path == NULL)
        {
          /* Translators: %s is the location of a file, such as sftp://server/Austausch.staffx */
          g_autofree char *msg = g_strdup_printf (_("%s is not on this computer. Copy it to a "
                                                    "folder on this computer, then use the copy."),
                                                  database);
          return fail (msg);
        }
    }
  else
    path = se_store_dup_default_path ();

  if (database == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      /* The default folder holds personal data: the owner's only. */
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_autofree char *msg = g_strdup_printf (_("The folder %s could not be created: %s"),
                                                  dir, g_strerror (errno));
          return fail (msg);
        }
    }

  if (g_variant_dict_contains (options, "load-example-data"))
    return load_example_data (path);

  {
    g_autofree char *backup = NULL;

    if (g_variant_dict_lookup (options, "copy-to", "^ay", &backup))
      return se_cli_copy_to (path, backup);
    if (g_variant_dict_contains (options, "upgrade-schema"))
      return se_cli_upgrade_schema (path);
    if (g_variant_dict_lookup (options, "grant", "s", &backup))
      {
        g_autofree char *user = NULL;

        g_variant_dict_lookup (options, "grant-user", "s", &user);
        return se_cli_grant (path, backup, user);
      }
    if (g_variant_dict_lookup (options, "backup", "^ay", &backup))
      return se_cli_backup (path, backup);
    if (g_variant_dict_lookup (options, "restore", "^ay", &backup))
      return se_cli_restore (path, backup);
  }

  {
    int status = se_cli_report_handle_options (options, path);
    if (status >= 0)
      return status;
  }

  {
    int status = se_cli_planning_handle_options (options, path);
    if (status >= 0)
      return status;
  }

  {
    int status = se_cli_data_handle_options (options, path);
    if (status >= 0)
      return status;
  }

  /* A server in a window, in this process or the one already running */
  if (database != NULL && se_store_location_is_server (database))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        return fail (error->message);
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-location",
                                      g_variant_new_string (path));
      return 0;
    }

  if (database != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        return fail (error->message);
      g_application_open (app, &file, 1, "");
      return 0;
    }

  return -1;
}

/* Open…: a database file, in a window of its own (or the one that shows
 * it already). */
static void
open_chooser_response (GtkNativeDialog *chooser,
                       int              response,
                       gpointer         user_data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_application_open (G_APPLICATION (user_data), &file, 1, "");
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow            *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Database"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                            _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (databases, _("Staff Exchange databases"));
  gtk_file_filter_add_mime_type (databases, "application/x-staffexchange-database");
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (open_chooser_response), user_data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Connect to Server…: a connection URI or a service from pg_service.conf.
 * What is typed is kept nowhere but in the window that opens it. */
static void
connect_entry_changed (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);

  adw_message_dialog_set_response_enabled (dialog, "connect",
                                           se_store_location_is_server (text));
}

static void
connect_response (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  GtkEditable     *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *location = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "connect") && se_store_location_is_server (location))
    g_action_group_activate_action (G_ACTION_GROUP (user_data), "open-location",
                                    g_variant_new_string (location));
}

static void
connect_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkWindow        *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  AdwMessageDialog *dialog;
  GtkWidget        *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Connect to a Server"), NULL));
  adw_message_dialog_set_body (dialog,
                               _("A database on a PostgreSQL server: its address, such as "
                                 "postgresql://server.example.org/austausch, or the name your IT "
                                 "gave it, as service=austausch. If the server asks for a "
                                 "password this computer does not know (~/.pgpass), Staff "
                                 "Exchange asks you for it, and can remember it in your "
                                 "keyring. Never type it into the address."));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Server database"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "connect", _("C_onnect"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "connect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "connect");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "connect", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (connect_entry_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (connect_response), user_data);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (user_data));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* A file or a server, from the command line or the dialogs above. */
static void
open_location_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  open_path (SE_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Staff Exchange authors"), NULL };
  GtkWindow       *window = gtk_application_get_active_window (app);
  const char      *about = _("Partnerships, placements and agreements between public "
                        "administrations");
  g_autofree char *comments = NULL;

  /* Which database the window shows: its file's or its server's name */
  if (SE_IS_WINDOW (window) && se_window_get_path (SE_WINDOW (window)) != NULL)
    {
      const char      *location = se_window_get_path (SE_WINDOW (window));
      g_autofree char *name = se_store_dup_location_name (location);
      g_autofree char *open = NULL;

      if (se_store_location_is_server (location))
        /* Translators: %s is a database on a server: its service, or host/database */
        open = g_strdup_printf (_("Open: the database %s on a server"), name);
      else
        /* Translators: %s is the name of a database file */
        open = g_strdup_printf (_("Open: the database file %s"), name);
      comments = g_strdup_printf ("%s\n\n%s", about, open);
    }

  adw_show_about_window (window,
                         "application-name", _("Staff Exchange"), "application-icon", APP_ID, "version", PACKAGE_VERSION, "developer-name", _("The Staff Exchange authors"), "developers", developers, "comments", comments != NULL ? comments : about, "website", "https://github.com/staffexchange/staff-exchange", "license-type", GTK_LICENSE_GPL_3_0,
                                                                                                                                                /* Translators: put your names here, one a line */
                                                                                                                                                "translator-credits", _("translator-credits"), NULL);
}

static const GActionEntry app_actions[] = {
  { "open", open_activated },
  { "connect", connect_activated },
  { "open-location", open_location_activated, "s" },
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
se_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };

  G_APPLICATION_CLASS (se_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open_accels);
}

/* --import-csv KIND FILE takes two values: see se-cli-data.c. */
static gboolean
se_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  se_cli_data_rewrite_arguments (arguments);

  return G_APPLICATION_CLASS (se_application_parent_class)->local_command_line (app, arguments,
                                                                                exit_status);
}

static void
se_application_class_init (SeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = se_application_activate;
  app_class->open = se_application_open;
  app_class->startup = se_application_startup;
  app_class->handle_local_options = se_application_handle_local_options;
  app_class->local_command_line = se_application_local_command_line;
}

static void
se_application_init (SeApplication *self)
{
  /* clang-format off */
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database FILE instead of the default one, or a database on a PostgreSQL "
         "server (postgresql://… or service=NAME)"),
      N_("FILE") },
    { "load-example-data", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Load the example data into the (empty) database and exit"), NULL },
    { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write a verified backup of the database to FILE and exit"), N_("FILE") },
    { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Replace the database by the backup FILE (checked first; the current database "
         "is kept aside) and exit"),
      N_("FILE") },
    { "copy-to", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Copy the whole database into a new file or an empty database on a server "
         "(postgresql://… or service=NAME) and exit"),
      N_("LOCATION") },
    { "upgrade-schema", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Bring the schema of a database on a server up to this version and exit"), NULL },
    { "grant", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Give USER the role ROLE (reader, clerk or administrator) in the database on a server "
         "and exit"),
      N_("ROLE USER") },
    { "grant-user", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL, NULL, NULL },
    { "export-summary", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the summary of AGREEMENT (id or reference number) as PDF and exit"),
      N_("AGREEMENT") },
    { "export-certificate", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write a participation certificate for PLACEMENT (id or title) as PDF and exit"),
      N_("PLACEMENT") },
    { "participant", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The participant the certificate is for (id or “Given Family”)"), N_("PERSON") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The PDF file to write"), N_("FILE") },
    { "import-csv", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Import the CSV file FILE of records of KIND (placements, people, …) and exit; "
         "nothing is imported when a line is wrong"),
      N_("KIND FILE") },
    { "export-csv", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the records of KIND (placements, people, …) into the CSV file FILE and exit"),
      N_("KIND FILE") },
    { "csv-file", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL, NULL, NULL },
    { "run-checks", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the findings of the consistency checks, one a line, and exit "
         "(status 0: none, 1: some)"),
      NULL },
    { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the placements (all, or those chosen with --placement or --partnership) "
         "into the iCalendar file FILE and exit"),
      N_("FILE") },
    { "placement", 0, 0, G_OPTION_ARG_INT64, NULL,
      N_("With --export-ics: only the placement with this id"), N_("ID") },
    { "partnership", 0, 0, G_OPTION_ARG_INT64, NULL,
      N_("With --export-ics: only the placements of the partnership with this id"), N_("ID") },
    { "export-statistics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the statistics into FILE (.csv or .xlsx) and exit"), N_("FILE") },
    { NULL }
  };
  /* clang-format on */

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep partnerships, placements and agreements "
                                               "between public administrations."));
}
