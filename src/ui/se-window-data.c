/* se-window-data.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "se-csv.h"
#include "se-describe.h"
#include "se-person.h"
#include "se-privacy.h"
#include "se-save-dialog.h"
#include "se-window-data.h"

/* The data-safety commands of the main window: CSV import and export of a
 * section, and a person's data export, anonymisation and erasure. The
 * file choosers end in functions that take a path, so that the tests can
 * call them as the window does. */

/* CSV export */

typedef struct
{
  SeStore *store;
  GType    type;
} CsvJob;

static void
csv_job_free (gpointer data)
{
  CsvJob *job = data;

  g_object_unref (job->store);
  g_free (job);
}

/**
 * se_window_data_save_csv:
 *
 * Writes all records of @record_type as the window's export does: a
 * header row of the translated field names, separated by semicolons as
 * German spreadsheets expect.
 */
gboolean
se_window_data_save_csv (SeStore     *store,
                         GType        record_type,
                         const char  *path,
                         GError     **error)
{
  return se_csv_export_file (store, record_type, path, SE_CSV_FLAGS_NONE, error);
}

static gboolean
save_csv (const char *path,
          gpointer    user_data,
          GError    **error)
{
  CsvJob *job = user_data;

  return se_window_data_save_csv (job->store, job->type, path, error);
}

void
se_window_data_export_csv (GtkWidget  *toast_widget,
                           SeStore    *store,
                           GType       record_type,
                           const char *suggested_name)
{
  CsvJob *job = g_new0 (CsvJob, 1);

  job->store = g_object_ref (store);
  job->type = record_type;
  se_save_dialog_run (toast_widget, _("Export to CSV"), suggested_name, _("CSV files"), "*.csv",
                      save_csv, job, csv_job_free);
}

/* CSV import */

static char *
describe_problem (GType               record_type,
                  const SeCsvProblem *problem)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);
  const SeField *field = problem->field != NULL
                         ? se_record_class_find_field (SE_RECORD_CLASS (klass), problem->field)
                         : NULL;
  const char *field_label = field != NULL ? se_field_get_label (field) : problem->field;

  if (problem->line == 0 && field_label == NULL)
    return g_strdup (problem->message);
  if (problem->line == 0)
    /* Translators: a problem of a CSV file: %1$s is a column, %2$s what is wrong */
    return g_strdup_printf (_("%1$s: %2$s"), field_label, problem->message);
  if (field_label == NULL)
    /* Translators: a problem of a CSV file: %1$u is a line number, %2$s what is wrong */
    return g_strdup_printf (_("Line %1$u: %2$s"), problem->line, problem->message);
  /* Translators: a problem of a CSV file: %1$u is a line number, %2$s a column,
   * %3$s what is wrong */
  return g_strdup_printf (_("Line %1$u: %2$s: %3$s"), problem->line, field_label,
                          problem->message);
}

static GtkWidget *
problems_dialog (GtkWindow    *window,
                 GType         record_type,
                 const char   *path,
                 const GError *error,
                 GPtrArray    *problems)
{
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Imported"), name);
  GtkWidget *dialog = adw_message_dialog_new (window, heading, error->message);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, "csv-problems");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems"), -1);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *text = describe_problem (record_type, g_ptr_array_index (problems, i));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * se_window_data_import_csv_file:
 * @window: the main window, parent of the problems dialog
 * @toast_widget: a widget in the window's toast overlay
 * @path: the CSV file
 *
 * Imports @path, all of it or nothing. Says in a toast how many records
 * came in; when lines are wrong, lists them in a dialog.
 *
 * Returns: (transfer none) (nullable): the problems dialog, if one is shown
 */
GtkWidget *
se_window_data_import_csv_file (GtkWindow  *window,
                                GtkWidget  *toast_widget,
                                SeStore    *store,
                                GType       record_type,
                                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (se_csv_import_file (store, record_type, path, &n, &problems, &error))
    {
      /* Translators: a notice after a CSV import */
      message = g_strdup_printf (ngettext ("%u record imported", "%u records imported", n), n);
      se_save_dialog_toast (toast_widget, message, FALSE);
      return NULL;
    }

  if (problems != NULL && problems->len > 0)
    return problems_dialog (window, record_type, path, error, problems);

  se_save_dialog_toast (toast_widget, error->message, TRUE);
  return NULL;
}

typedef struct
{
  GtkWindow *window;
  GtkWidget *toast_widget;
  SeStore   *store;
  GType      type;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->window);
  g_object_unref (job->toast_widget);
  g_object_unref (job->store);
  g_free (job);
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    ImportJob       *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path == NULL)
        se_save_dialog_toast (job->toast_widget,
                              _("This file cannot be read from here. Copy it to a folder on "
                                "this computer and import it from there."), TRUE);
      else
        se_window_data_import_csv_file (job->window, job->toast_widget, job->store, job->type,
                                        path);
    }

  import_job_free (job);
  g_object_unref (chooser);
}

void
se_window_data_import_csv (GtkWindow *window,
                           GtkWidget *toast_widget,
                           SeStore   *store,
                           GType      record_type)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  ImportJob *job = g_new0 (ImportJob, 1);

  job->window = g_object_ref (window);
  job->toast_widget = g_object_ref (toast_widget);
  job->store = g_object_ref (store);
  job->type = record_type;

  chooser = gtk_file_chooser_native_new (_("Import from CSV"), window,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A person's data */

typedef struct
{
  GtkWindow        *window;
  GtkWidget        *toast_widget;
  SeStore          *store;
  gint64            person_id;
  char             *title;
  SeWindowDataDone  done;
} PersonJob;

static void
person_job_free (gpointer data)
{
  PersonJob *job = data;

  g_clear_object (&job->window);
  g_clear_object (&job->toast_widget);
  g_clear_object (&job->store);
  g_free (job->title);
  g_free (job);
}

static PersonJob *
person_job_new (GtkWindow        *window,
                GtkWidget        *toast_widget,
                SeStore          *store,
                SeRecord         *person,
                SeWindowDataDone  done)
{
  PersonJob *job = g_new0 (PersonJob, 1);

  job->window = window != NULL ? g_object_ref (window) : NULL;
  job->toast_widget = g_object_ref (toast_widget);
  job->store = g_object_ref (store);
  job->person_id = se_record_get_id (person);
  job->title = se_describe_title (store, person);
  job->done = done;
  return job;
}

static PersonJob *
person_job_copy (PersonJob *job)
{
  PersonJob *copy = g_new0 (PersonJob, 1);

  copy->window = job->window != NULL ? g_object_ref (job->window) : NULL;
  copy->toast_widget = g_object_ref (job->toast_widget);
  copy->store = g_object_ref (job->store);
  copy->person_id = job->person_id;
  copy->title = g_strdup (job->title);
  copy->done = job->done;
  return copy;
}

static gboolean
save_person (const char *path,
             gpointer    user_data,
             GError    **error)
{
  PersonJob *job = user_data;

  return se_privacy_export_person (job->store, job->person_id, path, error);
}

void
se_window_data_export_person (GtkWidget *toast_widget,
                              SeStore   *store,
                              SeRecord  *person)
{
  PersonJob *job = person_job_new (NULL, toast_widget, store, person, NULL);
  g_autofree char *name = NULL;

  /* A file name from the person's name, without what a file name cannot hold */
  g_strdelimit (job->title, "/\\:", '-');
  name = g_strconcat (*job->title != '\0' ? job->title : _("person"), ".json", NULL);
  se_save_dialog_run (toast_widget, _("Export Personal Data"), name, _("JSON files"), "*.json",
                      save_person, job, person_job_free);
}

static GtkWidget *
confirm_dialog (GtkWindow  *window,
                const char *heading,
                const char *body,
                const char *response,
                const char *response_label)
{
  GtkWidget *dialog = adw_message_dialog_new (window, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
on_anonymise_response (AdwMessageDialog *dialog,
                       const char       *response,
                       PersonJob        *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "anonymise"))
    return;

  if (!se_privacy_anonymise_person (job->store, job->person_id, &error))
    {
      se_save_dialog_toast (job->toast_widget, error->message, TRUE);
      return;
    }

  /* Translators: %s is the person's former name */
  message = g_strdup_printf (_("“%s” anonymised"), job->title);
  se_save_dialog_toast (job->toast_widget, message, FALSE);
  if (job->done != NULL)
    job->done (job->window, job->person_id, FALSE);
}

/**
 * se_window_data_anonymise_person:
 *
 * Asks to confirm, then replaces the person's name and contact details.
 *
 * Returns: (transfer none): the confirmation dialog, presented
 */
GtkWidget *
se_window_data_anonymise_person (GtkWindow        *window,
                                 GtkWidget        *toast_widget,
                                 SeStore          *store,
                                 SeRecord         *person,
                                 SeWindowDataDone  done)
{
  PersonJob *job = person_job_new (window, toast_widget, store, person, done);
  /* Translators: %s is a person's name */
  g_autofree char *heading = g_strdup_printf (_("Anonymise “%s”?"), job->title);
  GtkWidget *dialog;

  dialog = confirm_dialog (window, heading,
                           _("The name is replaced, and the function, email, phone, languages "
                             "and notes are removed, also from the agreements the person "
                             "signed or approved. The placements the person took part in "
                             "stay, so that the statistics stay right. This cannot be "
                             "undone."),
                           "anonymise", _("_Anonymise"));
  g_object_set_data_full (G_OBJECT (dialog), "se-job", job, person_job_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_anonymise_response), job);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_refused_response (AdwMessageDialog *dialog,
                     const char       *response,
                     PersonJob        *job)
{
  g_autoptr(SeRecord) person = NULL;

  if (!g_str_equal (response, "anonymise"))
    return;

  person = se_store_lookup (job->store, SE_TYPE_PERSON, job->person_id);
  if (person != NULL)
    se_window_data_anonymise_person (job->window, job->toast_widget, job->store, person,
                                     job->done);
}

static void
on_erase_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PersonJob        *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "erase"))
    return;

  if (!se_privacy_erase_person (job->store, job->person_id, &error))
    {
      /* Translators: %s is a person's name */
      g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Erased"), job->title);
      GtkWidget *refused = adw_message_dialog_new (job->window, heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (refused), "close", _("_Close"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (refused), "close");
      if (g_error_matches (error, SE_PRIVACY_ERROR, SE_PRIVACY_ERROR_IN_USE))
        {
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (refused), "anonymise",
                                           _("_Anonymise…"));
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (refused), "anonymise");
        }
      /* The refusal outlives the confirmation: it keeps its own job. */
      g_object_set_data_full (G_OBJECT (refused), "se-job", person_job_copy (job),
                              person_job_free);
      g_signal_connect (refused, "response", G_CALLBACK (on_refused_response),
                        g_object_get_data (G_OBJECT (refused), "se-job"));
      gtk_window_present (GTK_WINDOW (refused));
      return;
    }

  /* Translators: %s is the person's name */
  message = g_strdup_printf (_("“%s” erased"), job->title);
  se_save_dialog_toast (job->toast_widget, message, FALSE);
  if (job->done != NULL)
    job->done (job->window, job->person_id, TRUE);
}

/**
 * se_window_data_erase_person:
 *
 * Asks to confirm, then deletes the person. The core refuses a person who
 * took part in a placement or signed an agreement; that refusal is shown,
 * with the offer to anonymise instead.
 *
 * Returns: (transfer none): the confirmation dialog, presented
 */
GtkWidget *
se_window_data_erase_person (GtkWindow        *window,
                             GtkWidget        *toast_widget,
                             SeStore          *store,
                             SeRecord         *person,
                             SeWindowDataDone  done)
{
  PersonJob *job = person_job_new (window, toast_widget, store, person, done);
  /* Translators: %s is a person's name */
  g_autofree char *heading = g_strdup_printf (_("Erase “%s”?"), job->title);
  GtkWidget *dialog;

  dialog = confirm_dialog (window, heading,
                           _("The person is deleted for good, and partnerships that name "
                             "them as contact lose the contact. This cannot be undone."),
                           "erase", _("_Erase"));
  g_object_set_data_full (G_OBJECT (dialog), "se-job", job, person_job_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_erase_response), job);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
