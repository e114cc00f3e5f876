/* se-save-dialog.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "se-save-dialog.h"

/* The "Save as" dialog of the exports (CSV, XLSX, iCalendar): the portal's
 * native chooser where there is one, then the writer, then a toast that
 * says where the file went or what went wrong. */

typedef struct
{
  GtkWidget      *widget;
  SeSaveFunc      func;
  gpointer        user_data;
  GDestroyNotify  destroy;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  if (job->destroy != NULL)
    job->destroy (job->user_data);
  g_object_unref (job->widget);
  g_free (job);
}

/**
 * se_save_dialog_toast:
 * @widget: a widget inside the window's toast overlay
 * @message: what to say
 * @persistent: whether the toast stays until dismissed (for errors)
 */
void
se_save_dialog_toast (GtkWidget  *widget,
                      const char *message,
                      gboolean    persistent)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  if (persistent)
    adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
on_response (GtkNativeDialog *dialog,
             int              response,
             SaveJob         *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        se_save_dialog_toast (job->widget,
                              _("This location cannot be written to. Choose a folder on "
                                "this computer."), TRUE);
      else if (!job->func (path, job->user_data, &error))
        se_save_dialog_toast (job->widget, error->message, TRUE);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
          se_save_dialog_toast (job->widget, message, FALSE);
        }
    }

  save_job_free (job);
  g_object_unref (dialog);
}

/**
 * se_save_dialog_run:
 * @widget: the widget the export is started from
 * @title: the dialog's title
 * @suggested_name: the file name offered
 * @filter_name: what the files are, e.g. "CSV files"
 * @pattern: their glob, e.g. "*.csv"
 * @func: writes the file once it is chosen
 * @user_data: for @func
 * @destroy: frees @user_data afterwards
 *
 * Asks where to save and calls @func with the path.
 */
void
se_save_dialog_run (GtkWidget      *widget,
                    const char     *title,
                    const char     *suggested_name,
                    const char     *filter_name,
                    const char     *pattern,
                    SeSaveFunc      func,
                    gpointer        user_data,
                    GDestroyNotify  destroy)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();
  SaveJob *job = g_new0 (SaveJob, 1);

  job->widget = g_object_ref (widget);
  job->func = func;
  job->user_data = user_data;
  job->destroy = destroy;

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);

  g_signal_connect (dialog, "response", G_CALLBACK (on_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
