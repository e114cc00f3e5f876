/* se-save-dialog.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-dialogs"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "se-save-dialog.h"
#include "se-toast.h"

/* The "Save as" dialog of the exports (CSV, XLSX, iCalendar): the portal's
 * native chooser where there is one, then the writer, then a toast that
 * says where the file went or what went wrong. */

typedef struct
{
  GtkWidget      *widget;
  SeSaveFunc      func;
  gpointer        user_data;
  GDestroyNotify  destroy;
  gboolean        in_thread;
  char           *path;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  if (job->destroy != NULL)
    job->destroy (job->user_data);
  g_object_unref (job->widget);
  g_free (job->path);
  g_free (job);
}

static void
toast_saved (SaveJob *job)
{
  g_autofree char *name = g_path_get_basename (job->path);
  /* Translators: %s is a file name */
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

  se_toast_show (job->widget, message, FALSE);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (job->func (job->path, job->user_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    toast_saved (job);
  else
    se_toast_show (job->widget, error->message, TRUE);
  /* Here, on the main thread, where its widget may be let go. */
  save_job_free (job);
}

/* The file is written in a worker thread: the window stays usable while a
 * large export runs, and says when it is done. */
static void
save_in_thread (SaveJob *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, save_done, NULL);
  g_autofree char *name = g_path_get_basename (job->path);
  /* Translators: %s is a file name */
  g_autofree char *message = g_strdup_printf (_("Saving “%s”…"), name);

  se_toast_show (job->widget, message, FALSE);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, save_thread);
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

      job->path = g_steal_pointer (&path);
      if (job->path == NULL)
        se_toast_show (job->widget,
                       _("This location cannot be written to. Choose a folder on "
                         "this computer."), TRUE);
      else if (job->in_thread)
        {
          /* The task owns the job now. */
          save_in_thread (job);
          g_object_unref (dialog);
          return;
        }
      else if (!job->func (job->path, job->user_data, &error))
        se_toast_show (job->widget, error->message, TRUE);
      else
        toast_saved (job);
    }

  save_job_free (job);
  g_object_unref (dialog);
}

static void
run (GtkWidget      *widget,
     const char     *title,
     const char     *suggested_name,
     const char     *filter_name,
     const char     *pattern,
     SeSaveFunc      func,
     gpointer        user_data,
     GDestroyNotify  destroy,
     gboolean        in_thread)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();
  SaveJob *job = g_new0 (SaveJob, 1);

  job->in_thread = in_thread;
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
  run (widget, title, suggested_name, filter_name, pattern, func, user_data, destroy, FALSE);
}

/**
 * se_save_dialog_run_in_thread:
 *
 * Like se_save_dialog_run(), but @func runs in a worker thread: it may
 * only use what @user_data holds for it (a database path, not the
 * window's store), and @destroy runs on the main thread once it is done.
 */
void
se_save_dialog_run_in_thread (GtkWidget      *widget,
                              const char     *title,
                              const char     *suggested_name,
                              const char     *filter_name,
                              const char     *pattern,
                              SeSaveFunc      func,
                              gpointer        user_data,
                              GDestroyNotify  destroy)
{
  run (widget, title, suggested_name, filter_name, pattern, func, user_data, destroy, TRUE);
}
