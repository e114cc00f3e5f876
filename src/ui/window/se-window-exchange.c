/* se-window-exchange.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-agreement.h"
#include "se-csv.h"
#include "se-ical.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-save-dialog.h"
#include "se-toast.h"
#include "se-window-private.h"

/* The main window's data exchange: CSV import and export of the section
 * shown, and the iCalendar export of a placement or of the placements
 * listed. Each starts with a file chooser and ends in a toast, or for an
 * import with wrong lines in a dialog that lists them. */

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

/* All records of the kind, with a header row of the translated field
 * names, separated by semicolons as German spreadsheets expect */
static gboolean
save_csv (const char *path,
          gpointer    user_data,
          GError    **error)
{
  CsvJob *job = user_data;

  return se_csv_export_file (job->store, job->type, path, SE_CSV_FLAGS_NONE, error);
}

/**
 * _se_window_export_csv:
 *
 * Asks where to save the records of the section shown, then writes them.
 */
void
_se_window_export_csv (SeWindow *self)
{
  const SeWindowSection *section = &_se_window_sections[self->current];
  CsvJob *job = g_new0 (CsvJob, 1);
  g_autofree char *lower = NULL;
  g_autofree char *name = NULL;

  job->store = g_object_ref (self->store);
  job->type = section->type ();
  /* "placements.csv": the section's name as the file's */
  lower = g_utf8_strdown (_(section->title), -1);
  name = g_strconcat (lower, ".csv", NULL);
  se_save_dialog_run (GTK_WIDGET (self->toast_overlay), _("Export to CSV"), name,
                      _("CSV files"), "*.csv", save_csv, job, csv_job_free);
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
problems_dialog (SeWindow     *self,
                 GType         record_type,
                 const char   *path,
                 const GError *error,
                 GPtrArray    *problems)
{
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Imported"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
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

/* How an import ended, as the window tells it: the problems dialog when
 * lines are wrong, else a toast. */
static void
report_import (SeWindow     *self,
               GtkWidget    *toast_widget,
               GType         record_type,
               const char   *path,
               gboolean      ok,
               guint         n,
               GPtrArray    *problems,
               const GError *error)
{
  g_autofree char *message = NULL;

  if (ok)
    {
      /* Translators: a notice after a CSV import */
      message = g_strdup_printf (ngettext ("%u record imported", "%u records imported", n), n);
      se_toast_show (toast_widget, message, FALSE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: a notice after the user cancelled a CSV import */
      se_toast_show (toast_widget, _("Import cancelled, nothing was imported"), FALSE);
      return;
    }

  if (problems != NULL && problems->len > 0)
    problems_dialog (self, record_type, path, error, problems);
  else
    se_toast_show (toast_widget, error->message, TRUE);
}

/* An import runs in a worker thread on a connection of its own, as the
 * automatic backup does (se-window-backup.c): the window's store, its
 * lists and the idle callbacks that read it belong to the main thread, and
 * the import's transaction must not be open while they read. When it has
 * committed, the window's store is told which kind changed elsewhere.
 *
 * A modal dialog with a progress bar keeps the user from editing
 * meanwhile, so that no save waits for the import's lock. It is presented
 * only once the import has taken IMPORT_DIALOG_DELAY_MS, so that a small
 * file does not flash a dialog; until then the window takes no input. */

#define IMPORT_DIALOG_DELAY_MS 300
#define IMPORT_TICK_MS 100

typedef struct
{
  /* Set before the worker starts, then only read */
  char               *db_path;
  char               *path;
  GType               type;
  GCancellable       *cancellable;

  /* Written by the worker, read by the main thread's tick */
  GMutex              mutex;
  guint64             done;
  guint64             total;

  /* The worker's result, read once its task has returned */
  guint               n;
  GPtrArray          *problems;

  /* The main thread's */
  SeWindow           *window;
  GtkWidget          *toast_widget;
  SeStore            *store;
  GtkWidget          *dialog;
  GtkWidget          *bar;
  GtkEventController *keys;
  gboolean            was_targetable;
  guint               tick;
  gint64              started;
  gboolean            running;
} CsvImport;

static void
csv_import_clear (gpointer data)
{
  CsvImport *job = data;

  g_free (job->db_path);
  g_free (job->path);
  g_clear_object (&job->cancellable);
  g_mutex_clear (&job->mutex);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_clear_object (&job->window);
  g_clear_object (&job->toast_widget);
  g_clear_object (&job->store);
  g_clear_object (&job->dialog);
}

static void
csv_import_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, csv_import_clear);
}

/* In the worker thread, after each piece of the file */
static void
import_progress (guint64  done,
                 guint64  total,
                 gpointer data)
{
  CsvImport *job = data;

  g_mutex_lock (&job->mutex);
  job->done = done;
  job->total = total;
  g_mutex_unlock (&job->mutex);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CsvImport *job = task_data;
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = se_store_open_location (job->db_path, SE_STORE_OPEN_FLAGS_NO_CREATE, &error);
  if (store == NULL
      || !se_csv_import_file_full (store, job->type, job->path, import_progress, job, &job->n,
                                   &job->problems, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void import_cancel (CsvImport *job);

/* The window takes no clicks or keys until the dialog is presented (and
 * until the import ends: the dialog is modal then anyway). Escape cancels
 * already. */
static gboolean
on_blocked_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CsvImport             *job)
{
  if (keyval == GDK_KEY_Escape)
    import_cancel (job);
  return TRUE;
}

static void
block_window (CsvImport *job,
              gboolean   block)
{
  GtkWidget *child = gtk_window_get_child (GTK_WINDOW (job->window));

  if (block)
    {
      job->keys = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (job->keys, GTK_PHASE_CAPTURE);
      g_signal_connect (job->keys, "key-pressed", G_CALLBACK (on_blocked_key), job);
      gtk_widget_add_controller (GTK_WIDGET (job->window), job->keys);
      if (child != NULL)
        {
          job->was_targetable = gtk_widget_get_can_target (child);
          gtk_widget_set_can_target (child, FALSE);
        }
    }
  else
    {
      if (job->keys != NULL)
        gtk_widget_remove_controller (GTK_WIDGET (job->window), job->keys);
      job->keys = NULL;
      if (child != NULL)
        gtk_widget_set_can_target (child, job->was_targetable);
    }
}

static void
import_cancel (CsvImport *job)
{
  if (!job->running || g_cancellable_is_cancelled (job->cancellable))
    return;
  g_cancellable_cancel (job->cancellable);
  /* The worker stops at its next piece of the file and rolls back; until
   * then the dialog stays, so that the window is not edited meanwhile. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (job->dialog), "cancel", FALSE);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (job->dialog), _("Cancelling the import…"));
}

/* Escape, the Cancel button or the window manager's close button */
static gboolean
on_import_close_request (GtkWindow *dialog,
                         CsvImport *job)
{
  if (!job->running)
    return FALSE;
  import_cancel (job);
  return TRUE;
}

static void
on_import_dialog_response (AdwMessageDialog *dialog,
                           const char       *response,
                           CsvImport        *job)
{
  import_cancel (job);
}

static gboolean
import_tick (gpointer data)
{
  CsvImport *job = data;
  guint64 done, total;

  g_mutex_lock (&job->mutex);
  done = job->done;
  total = job->total;
  g_mutex_unlock (&job->mutex);

  /* Once the file is read, the indexes are built again and the records
   * written to disk, for which there is no measure: the bar pulses. */
  if (total > 0 && done < total)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (job->bar), (double) done / (double) total);
  else if (done > 0)
    gtk_progress_bar_pulse (GTK_PROGRESS_BAR (job->bar));

  if (!gtk_widget_get_visible (job->dialog)
      && g_get_monotonic_time () - job->started >= IMPORT_DIALOG_DELAY_MS * G_TIME_SPAN_MILLISECOND)
    gtk_window_present (GTK_WINDOW (job->dialog));
  return G_SOURCE_CONTINUE;
}

static const char *
import_heading (GType record_type)
{
  if (record_type == SE_TYPE_PLACEMENT)
    return _("Importing Placements");
  if (record_type == SE_TYPE_PARTNERSHIP)
    return _("Importing Partnerships");
  if (record_type == SE_TYPE_AGREEMENT)
    return _("Importing Agreements");
  if (record_type == SE_TYPE_ORGANISATION)
    return _("Importing Organisations");
  if (record_type == SE_TYPE_PERSON)
    return _("Importing People");
  return _("Importing Records");
}

static GtkWidget *
import_dialog (CsvImport *job)
{
  g_autofree char *name = g_path_get_basename (job->path);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (job->window), import_heading (job->type), NULL);
  /* Translators: %s is a file name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The records of “%s” are checked and saved. If you cancel, "
                                    "nothing is imported."), name);
  gtk_widget_set_name (dialog, "csv-import-progress");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  job->bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (job->bar), 0.1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), job->bar);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "close-request", G_CALLBACK (on_import_close_request), job);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_dialog_response), job);
  return dialog;
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  CsvImport *job = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  job->running = FALSE;
  g_clear_handle_id (&job->tick, g_source_remove);
  block_window (job, FALSE);
  g_signal_handlers_disconnect_by_data (job->dialog, job);
  gtk_window_destroy (GTK_WINDOW (job->dialog));

  /* The other connection committed: the window's store still holds the
   * records and the list it read before. */
  if (ok)
    se_store_notify_changed_elsewhere (job->store, job->type);

  report_import (job->window, job->toast_widget, job->type, job->path, ok, job->n,
                 job->problems, error);
  csv_import_release (job);
}

/* Imports @path into the section shown, all of it or nothing, in the
 * background (see above). Says in a toast how many records came in; when
 * lines are wrong, lists them in a dialog. A database on a network drive
 * is held in exclusive locking mode, which no second connection can
 * share: there the import runs at once, as it did before there was a
 * worker. The progress dialog is named "csv-import-progress"; it is
 * destroyed when the import has ended. */
static void
import_csv_file (SeWindow   *self,
                 GType       record_type,
                 const char *path)
{
  SeStore *store = self->store;
  GtkWidget *toast_widget = GTK_WIDGET (self->toast_overlay);
  CsvImport *job;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (!se_store_in_transaction (store));

  if (se_store_is_on_network (store))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      guint n = 0;
      gboolean ok = se_csv_import_file (store, record_type, path, &n, &problems, &error);

      report_import (self, toast_widget, record_type, path, ok, n, problems, error);
      return;
    }

  job = g_atomic_rc_box_new0 (CsvImport);
  job->db_path = g_strdup (se_store_get_path (store));
  job->path = g_strdup (path);
  job->type = record_type;
  job->cancellable = g_cancellable_new ();
  g_mutex_init (&job->mutex);
  job->window = g_object_ref (self);
  job->toast_widget = g_object_ref (toast_widget);
  job->store = g_object_ref (store);
  job->dialog = g_object_ref_sink (import_dialog (job));
  job->started = g_get_monotonic_time ();
  job->running = TRUE;
  job->tick = g_timeout_add (IMPORT_TICK_MS, import_tick, job);
  block_window (job, TRUE);

  /* The callback owns one reference, the worker another. */
  task = g_task_new (NULL, job->cancellable, import_done, job);
  g_task_set_source_tag (task, import_csv_file);
  /* A cancellation that comes after the commit does not undo it: the
   * result says what happened. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (job), csv_import_release);
  g_task_run_in_thread (task, import_thread);
}

typedef struct
{
  SeWindow *window;
  GType     type;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->window);
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
        se_toast_show (GTK_WIDGET (job->window->toast_overlay),
                       _("This file cannot be read from here. Copy it to a folder on "
                         "this computer and import it from there."), TRUE);
      else
        import_csv_file (job->window, job->type, path);
    }

  import_job_free (job);
  g_object_unref (chooser);
}

/**
 * _se_window_import_csv:
 *
 * Asks for a CSV file, then imports it into the section shown.
 */
void
_se_window_import_csv (SeWindow *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  ImportJob *job = g_new0 (ImportJob, 1);

  job->window = g_object_ref (self);
  job->type = _se_window_sections[self->current].type ();

  chooser = gtk_file_chooser_native_new (_("Import from CSV"), GTK_WINDOW (self),
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


/* iCalendar export */

typedef struct
{
  SeStore  *store;
  SeRecord *placement;
} IcsJob;

static void
ics_job_free (gpointer data)
{
  IcsJob *job = data;

  g_object_unref (job->store);
  g_object_unref (job->placement);
  g_free (job);
}

static gboolean
save_placement_ics (const char *path,
                    gpointer    user_data,
                    GError    **error)
{
  IcsJob *job = user_data;

  return se_ical_export_placement (job->store, job->placement, path, error);
}

/**
 * _se_window_export_ics:
 * @placement: a stored placement
 *
 * Asks where to save @placement with its programme, then writes it.
 */
void
_se_window_export_ics (SeWindow *self,
                       SeRecord *placement)
{
  IcsJob *job = g_new0 (IcsJob, 1);

  job->store = g_object_ref (self->store);
  job->placement = g_object_ref (placement);
  /* Translators: the file name suggested for one placement; keep the .ics */
  se_save_dialog_run (GTK_WIDGET (self->toast_overlay), _("Export to Calendar"),
                      _("placement.ics"),
                      _("iCalendar files"), "*.ics", save_placement_ics, job, ics_job_free);
}

/* The placements the list shows, searched and filtered: a selection the
 * user makes with the search and the filters. */
typedef struct
{
  SeStore   *store;
  GPtrArray *placements;
} ListedJob;

static void
listed_job_free (gpointer data)
{
  ListedJob *job = data;

  g_object_unref (job->store);
  g_ptr_array_unref (job->placements);
  g_free (job);
}

static gboolean
save_listed_ics (const char *path,
                 gpointer    user_data,
                 GError    **error)
{
  ListedJob *job = user_data;

  return se_ical_export_placements (job->store, job->placements, path, error);
}

/**
 * _se_window_export_listed_ics:
 *
 * Asks where to save the placements the list shows, as searched and
 * filtered, with their programmes, then writes them.
 */
void
_se_window_export_listed_ics (SeWindow *self)
{
  GListModel *model;
  ListedJob *job;

  model = G_LIST_MODEL (_se_window_section_model (self, _se_window_find_section ("placements")));
  se_query_model_read_all (SE_QUERY_MODEL (model));

  job = g_new0 (ListedJob, 1);
  job->store = g_object_ref (self->store);
  job->placements = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (job->placements, g_list_model_get_item (model, i));
  /* Translators: the file name suggested for the listed placements; keep the .ics */
  se_save_dialog_run (GTK_WIDGET (self->toast_overlay), _("Export to Calendar"),
                      _("placements.ics"),
                      _("iCalendar files"), "*.ics", save_listed_ics, job, listed_job_free);
}
