/* se-window-backup.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-backup.h"
#include "se-error.h"
#include "se-window-private.h"

/* The main window's backups: the automatic one when it opens or closes
 * the database, "Restore from Backup…", and on the problem page of a
 * damaged file the newest good backup. */

/* Automatic backups */

static char *
backup_failure_text (const GError *error)
{
  /* Translators: %s is the reason, e.g. "… the disk is full. …" */
  return g_strdup_printf (_("No automatic backup could be made: %s"), error->message);
}

/* The files whose backup a worker is making (path -> how many), so that a
 * window closing meanwhile does not make a second one. Main thread only. */
static GHashTable *backups_under_way;

static gboolean
backup_under_way (const char *path)
{
  return backups_under_way != NULL && g_hash_table_contains (backups_under_way, path);
}

static void
backup_begins (const char *path)
{
  guint n;

  if (backups_under_way == NULL)
    backups_under_way = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (backups_under_way, path));
  g_hash_table_insert (backups_under_way, g_strdup (path), GUINT_TO_POINTER (n + 1));
}

static void
backup_ends (const char *path)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (backups_under_way, path));

  if (n > 1)
    g_hash_table_insert (backups_under_way, g_strdup (path), GUINT_TO_POINTER (n - 1));
  else
    g_hash_table_remove (backups_under_way, path);
}

/* In a worker thread, on a connection of its own (same process: the lock
 * is shared), so that a large database's backup does not hold up the
 * window. SQLite keeps the two connections apart. */
static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = se_store_open_location (path, SE_STORE_OPEN_FLAGS_NO_CREATE, &error);
  if (store == NULL || !se_store_backup_if_due (store, SE_BACKUP_DEFAULT_INTERVAL, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
backup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();

  g_weak_ref_clear (weak);
  g_free (weak);
  backup_ends (g_task_get_task_data (G_TASK (result)));
  if (app != NULL)
    g_application_release (app);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = backup_failure_text (error);

      if (overlay != NULL)
        {
          AdwToast *toast = adw_toast_new (text);
          adw_toast_set_timeout (toast, 0);
          adw_toast_overlay_add_toast (overlay, toast);
        }
      else
        g_printerr ("staff-exchange: %s\n", text);
    }
}

static void
start_backup (const char      *path,
              AdwToastOverlay *overlay)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);
  g_autoptr(GTask) task = NULL;

  /* The callback owns the weak reference to the overlay. */
  g_weak_ref_init (weak, overlay);
  task = g_task_new (NULL, NULL, backup_done, weak);
  g_task_set_source_tag (task, start_backup);
  g_task_set_task_data (task, g_strdup (path), g_free);
  /* The app stays until the backup is complete, even when its last window
   * closes meanwhile. */
  backup_begins (path);
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());
  g_task_run_in_thread (task, backup_thread);
}

/* A backup waiting for the window's first frame */
typedef struct
{
  GWeakRef overlay;
  char    *path;
} PendingBackup;

static void
pending_backup_clear (gpointer data)
{
  PendingBackup *pending = data;

  g_weak_ref_clear (&pending->overlay);
  g_free (pending->path);
}

static void
pending_backup_release (gpointer data)
{
  g_rc_box_release_full (data, pending_backup_clear);
}

static gboolean
start_pending_backup (gpointer data)
{
  PendingBackup *pending = data;
  g_autoptr(AdwToastOverlay) overlay = g_weak_ref_get (&pending->overlay);

  /* A window closed by now made the backup as it closed. */
  if (overlay != NULL)
    start_backup (pending->path, overlay);
  return G_SOURCE_REMOVE;
}

/* The first frame's update phase: what follows in it is the layout and
 * the drawing, so the backup starts in an idle after them. */
static gboolean
on_first_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  g_idle_add_full (G_PRIORITY_LOW, start_pending_backup, g_rc_box_acquire (data),
                   pending_backup_release);
  return G_SOURCE_REMOVE;
}

/**
 * _se_window_backup_on_open:
 *
 * When the window has opened the store: the backup, if one is due, is
 * made in the background once the window has drawn its first frame, as
 * copying and checking a large file competes with the start for the
 * processors and the disk. A failure does not stop the user, but is told
 * in a toast.
 */
void
_se_window_backup_on_open (SeWindow *self)
{
  PendingBackup *pending;

  /* A server's database is backed up on the server (pg_dump) */
  if (self->store == NULL || se_store_is_read_only (self->store) || se_store_is_server (self->store))
    return;

  pending = g_rc_box_new0 (PendingBackup);
  g_weak_ref_init (&pending->overlay, self->toast_overlay);
  pending->path = g_strdup (se_store_get_path (self->store));
  gtk_widget_add_tick_callback (GTK_WIDGET (self->toast_overlay), on_first_tick, pending,
                                pending_backup_release);
}

/**
 * _se_window_backup_on_close:
 *
 * When the window closes the store: the backup, if one is due, is made
 * before this returns, unless the one from its start is still being
 * made; a window closed before its first frame makes it now. A failure is
 * told on standard error.
 */
void
_se_window_backup_on_close (SeWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || se_store_is_read_only (self->store) || se_store_is_server (self->store))
    return;
  if (backup_under_way (se_store_get_path (self->store)))
    return;
  if (!se_store_backup_if_due (self->store, SE_BACKUP_DEFAULT_INTERVAL, NULL, &error))
    {
      g_autofree char *text = backup_failure_text (error);
      g_printerr ("staff-exchange: %s\n", text);
    }
}

/* Replacing the window after a restore: the new one opens the restored
 * file; the old one closed its store before. */
static void
reopen_window (SeWindow   *self,
               const char *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  SeWindow *fresh = se_window_new (app, path);

  gtk_window_present (GTK_WINDOW (fresh));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
show_error (GtkWindow    *window,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (window, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Restore Newest Backup, on the problem page of a damaged file */

static void
restore_newest_response (AdwMessageDialog *dialog,
                         const char       *response,
                         SeWindow         *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  /* The damaged file is kept, renamed, with its journal: nothing lost. */
  if (!se_store_move_aside_corrupt (self->path, &aside, &error)
      || !se_store_restore_backup (self->path, self->newest_backup, NULL, &error))
    {
      show_error (GTK_WINDOW (self), _("The Backup Could Not Be Restored"), error);
      return;
    }

  reopen_window (self, self->path);
}

/**
 * _se_window_backup_restore_newest:
 *
 * Asks to confirm, then moves the damaged file aside and restores the
 * newest good backup that the problem page offers.
 */
void
_se_window_backup_restore_newest (SeWindow *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->newest_backup);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) when = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
  g_autofree char *when_text = when != NULL ? g_date_time_format (when, "%c") : g_strdup ("?");
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a date and time */
  body = g_strdup_printf (_("The database will be replaced by the backup of %s. Changes made "
                            "after it are lost. The damaged file is kept next to it, renamed, "
                            "for a later rescue."), when_text);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore the Newest Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_newest_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _se_window_backup_offer_newest:
 * @error: why the database could not be opened; the problem page shows it
 *
 * For a damaged file with a good backup: a "Restore Newest Backup" button
 * on the problem page, which activates win.restore-newest-backup.
 */
void
_se_window_backup_offer_newest (SeWindow     *self,
                                const GError *error)
{
  GtkWidget *button;

  if (!g_error_matches (error, SE_STORE_ERROR, SE_STORE_ERROR_CORRUPT)
      || se_store_location_is_server (self->path))
    return;
  g_free (self->newest_backup);
  self->newest_backup = se_store_find_newest_good_backup (self->path);
  if (self->newest_backup == NULL)
    return;

  button = gtk_button_new_with_mnemonic (_("_Restore Newest Backup"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.restore-newest-backup");
  adw_status_page_set_child (self->problem_page, button);
}

/* Restore from Backup… while the database is open */

static void
restore_chosen (SeWindow   *self,
                const char *backup)
{
  GtkWindow *window = GTK_WINDOW (self);
  SeStore *store = self->store;
  g_autofree char *path = g_strdup (self->path);
  g_autoptr(GError) error = NULL;

  /* Checked before the store is closed, so that a bad choice changes
   * nothing. */
  if (!se_store_verify_backup (backup, &error))
    {
      show_error (window, _("This Backup Cannot Be Used"), error);
      return;
    }

  /* Closing releases the lock file, which the restore takes. */
  if (store != NULL)
    se_store_close (store);
  if (!se_store_restore_backup (path, backup, NULL, &error))
    {
      GtkApplication *app = gtk_window_get_application (window);

      reopen_window (self, path);
      show_error (gtk_application_get_active_window (app),
                  _("The Backup Could Not Be Restored"), error);
      return;
    }
  reopen_window (self, path);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  SeWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *backup = g_file_get_path (file);

      if (backup != NULL)
        restore_chosen (self, backup);
    }
  g_object_unref (chooser);
}

/**
 * _se_window_backup_restore:
 *
 * Restore from Backup…: asks for a backup, by default in the database's
 * backup folder, then closes the store, restores the backup and opens it
 * in a new window in place of this one.
 */
void
_se_window_backup_restore (SeWindow *self)
{
  g_autofree char *folder_path = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *chooser;

  /* The app's backups are copies of a file: on a server, they are the
   * server's (pg_dump and pg_restore), which this says instead */
  if (se_store_location_is_server (self->path))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Backups Are Made on the Server"),
                                                              NULL));
      adw_message_dialog_set_body (dialog,
                                   _("Staff Exchange makes and restores backups of database "
                                     "files. This database is on a PostgreSQL server: its "
                                     "administrator backs it up with pg_dump and restores it "
                                     "with pg_restore. Ask your IT for a restore."));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  folder_path = se_backup_dup_folder (self->path);
  folder = g_file_new_for_path (folder_path);

  chooser = gtk_file_chooser_native_new (_("Restore from Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Restore"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
