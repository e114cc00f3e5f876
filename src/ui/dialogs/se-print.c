/* se-print.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-dialogs"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "se-print.h"

/* Printing and PDF export of reports (agreement summaries, certificates)
 * from the window. The layout is the report's own (src/core/se-report.c);
 * this file adds the system print dialog with its preview, remembers the
 * print settings and page setup between runs, and asks where to save a
 * PDF. */

static GtkPrintSettings *settings;
static GtkPageSetup *page_setup;

static char *
settings_path (const char *name)
{
  return g_build_filename (g_get_user_config_dir (), "staff-exchange", name, NULL);
}

static void
load_settings (void)
{
  g_autofree char *s_path = settings_path ("print-settings.ini");
  g_autofree char *p_path = settings_path ("page-setup.ini");

  if (settings == NULL)
    {
      settings = gtk_print_settings_new_from_file (s_path, NULL);
      if (settings == NULL)
        settings = gtk_print_settings_new ();
    }
  if (page_setup == NULL)
    {
      page_setup = gtk_page_setup_new_from_file (p_path, NULL);
      if (page_setup == NULL)
        {
          /* A4 whatever the locale says: the report is laid out for it. */
          g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
          page_setup = gtk_page_setup_new ();
          gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
        }
    }
}

static void
save_settings (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "staff-exchange", NULL);
  g_autofree char *s_path = settings_path ("print-settings.ini");
  g_autofree char *p_path = settings_path ("page-setup.ini");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return;
  gtk_print_settings_to_file (settings, s_path, NULL);
  gtk_page_setup_to_file (page_setup, p_path, NULL);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SeReport          *report)
{
  guint n = se_report_paginate (report, gtk_print_context_get_cairo_context (context),
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              SeReport          *report)
{
  se_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkPrintOperation *
new_operation (SeReport *report)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  load_settings ();
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_job_name (operation, se_report_get_title (report));
  /* The report draws its own margins, in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), report);
  return operation;
}

/**
 * se_print_report_to_pdf:
 * @report: the report
 * @path: the PDF file to write
 * @error: why it could not be written
 *
 * Prints @report through the same print operation as se_print_report(),
 * without the dialog, into a PDF (what the dialog's "Print to File" does).
 *
 * Returns: %TRUE if the file was written
 */
gboolean
se_print_report_to_pdf (SeReport    *report,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = new_operation (report);

  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * se_print_report:
 * @parent: the window to print from
 * @report: the report
 *
 * Shows the system print dialog with its preview and prints @report on A4
 * unless the user chooses otherwise; the choices are kept for next time.
 */
void
se_print_report (GtkWindow *parent,
                 SeReport  *report)
{
  g_autoptr(GtkPrintOperation) operation = new_operation (report);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      show_error (parent, _("Printing Failed"), error->message);
      return;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&page_setup, gtk_print_operation_get_default_page_setup (operation));
      save_settings ();
    }
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    SeReport        *report)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        show_error (parent, _("Export Failed"),
                    _("The PDF can only be saved to a folder on this computer. Choose "
                      "another folder."));
      else if (!se_report_write_pdf (report, path, &error))
        show_error (parent, _("Export Failed"), error->message);
    }

  g_object_unref (chooser);
  g_object_unref (report);
}

/**
 * se_print_export_pdf:
 * @parent: the window to export from
 * @report: the report
 *
 * Asks where to save @report as a PDF and saves it there.
 */
void
se_print_export_pdf (GtkWindow *parent,
                     SeReport  *report)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *name = se_report_dup_file_name (report);

  chooser = gtk_file_chooser_native_new (_("Export as PDF"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (report));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
