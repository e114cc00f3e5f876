/* se-window-actions.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-agreement.h"
#include "se-describe.h"
#include "se-error.h"
#include "se-example-data.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-print.h"
#include "se-privacy.h"
#include "se-report.h"
#include "se-statistics-page.h"
#include "se-toast.h"
#include "se-window-private.h"

/* Every action of the main window: installed on its class, so that the
 * buttons, the menus, the shortcuts and the tests all go through them,
 * and enabled from what the window shows. The work of the larger ones is
 * done in the file of their concern (se-window-private.h lists them). */

/* Enabling */

/**
 * _se_window_actions_update:
 * @record: (nullable): the record shown, %NULL while a planning aid is
 *
 * Enables the actions that depend on what the window shows. CSV acts on
 * the section shown; the personal-data commands on the person shown.
 * Nothing that writes is offered on a read-only database.
 */
void
_se_window_actions_update (SeWindow *self,
                           SeRecord *record)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = self->store != NULL;
  gboolean writable = open && !se_store_is_read_only (self->store);
  gboolean list = open && self->tool < 0;
  gboolean stored = record != NULL && se_record_get_id (record) != 0;
  gboolean printable = stored && SE_IS_AGREEMENT (record);
  gboolean person = list && stored && SE_IS_PERSON (record)
                    && !se_record_page_get_editing (self->page);
  /* on a server, the privacy actions are an administrator's */
  gboolean privacy = open && se_store_may_manage_privacy (self->store);

  gtk_widget_action_set_enabled (widget, "win.new", writable && self->tool < 0);
  gtk_widget_action_set_enabled (widget, "win.search", list);
  gtk_widget_action_set_enabled (widget, "win.delete-record",
                                 writable && self->tool < 0 && stored
                                   && se_store_may_delete (self->store, G_OBJECT_TYPE (record)));
  gtk_widget_action_set_enabled (widget, "win.restore-backup", writable);

  gtk_widget_action_set_enabled (widget, "win.print",
                                 printable || self->tool == SE_WINDOW_TOOL_STATISTICS);
  gtk_widget_action_set_enabled (widget, "win.export-pdf", printable);
  gtk_widget_action_set_enabled (widget, "win.export-ics",
                                 self->tool < 0 && stored && SE_IS_PLACEMENT (record));

  gtk_widget_action_set_enabled (widget, "win.export-csv", list);
  gtk_widget_action_set_enabled (widget, "win.import-csv", writable && self->tool < 0);
  gtk_widget_action_set_enabled (widget, "win.retention",
                                 open && (privacy || se_store_get_role (self->store) == SE_STORE_ROLE_UNMANAGED));
  gtk_widget_action_set_enabled (widget, "win.export-listed-ics",
                                 list && g_str_equal (_se_window_sections[self->current].name,
                                                      "placements"));
  gtk_widget_action_set_enabled (widget, "win.export-person", person);
  gtk_widget_action_set_enabled (widget, "win.anonymise-person",
                                 person && privacy && !se_privacy_is_anonymised (record));
  gtk_widget_action_set_enabled (widget, "win.erase-person", person && privacy);
}

/**
 * _se_window_actions_update_empty:
 *
 * The example data are offered while the database is empty.
 */
void
_se_window_actions_update_empty (SeWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-example-data",
                                 self->store != NULL && se_store_is_empty (self->store)
                                 && !se_store_is_read_only (self->store));
}

/* Navigation */

static void
show_sections_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, _se_window_content_pane (self));
}

/* The sidebar's entries by their place, from 1: the record sections, then
 * the planning aids */
static void
section_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  int i = g_variant_get_int32 (parameter) - 1;

  if (i >= 0 && i < SE_WINDOW_N_SECTIONS)
    se_window_show_section (self, _se_window_sections[i].name);
  else if (i >= SE_WINDOW_N_SECTIONS && i < SE_WINDOW_N_SECTIONS + SE_WINDOW_N_TOOLS)
    se_window_show_section (self, _se_window_tools[i - SE_WINDOW_N_SECTIONS].name);
  else
    return;
  adw_leaflet_set_visible_child (self->leaflet, _se_window_content_pane (self));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  if (self->tool >= 0)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Records */

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  GType type = _se_window_sections[self->current].type ();
  g_autoptr(SeRecord) record = g_object_new (type, NULL);

  if (self->store == NULL || se_store_is_read_only (self->store) || self->tool >= 0)
    return;

  /* A placement starts today unless the user says otherwise. */
  if (type == SE_TYPE_PLACEMENT)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      se_record_set_string (record, "start-date", today);
      se_record_set_string (record, "end-date", today);
    }

  gtk_stack_set_visible_child_name (self->main_stack, "browser");
  _se_window_show_detail (self, record, TRUE);
}

static void
start_empty_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  /* The sections' empty pages each offer to create the first record. */
  self->start_empty = TRUE;
  se_window_show_section (self, "partnerships");
  gtk_stack_set_visible_child_name (self->main_stack, "browser");
}

static void
load_example_data_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!se_example_data_load (self->store, &error))
    {
      se_toast_show (GTK_WIDGET (self->toast_overlay), error->message, TRUE);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Example data loaded")));
}

/* Deleting and undoing */

static void deletion_done (SeWindow   *self,
                           SeDeletion *deletion);

/* What the questions about a deletion carry to their answers: the window
 * and the deletion, or the record as stored */
typedef struct
{
  SeWindow *self;
  gpointer  object;
} DeleteAnswer;

static void
delete_answer_free (gpointer  data,
                    GClosure *closure)
{
  DeleteAnswer *answer = data;

  g_object_unref (answer->object);
  g_free (answer);
}

static void
on_delete_conflict_response (AdwMessageDialog *dialog,
                             const char       *response,
                             DeleteAnswer     *conflict)
{
  SeWindow *self = conflict->self;
  SeRecord *stored = conflict->object;
  g_autoptr(SeRecord) live = se_store_lookup (self->store, G_OBJECT_TYPE (stored),
                                               se_record_get_id (stored));

  if (live == NULL)
    return;
  if (g_str_equal (response, "delete"))
    {
      /* the version they saved, which the user has now been told of */
      g_autoptr(SeDeletion) again = se_deletion_new (self->store, stored);

      deletion_done (self, again);
    }
  else
    _se_window_show_detail (self, live, FALSE);
}

/* The record was changed elsewhere since it was shown here: asked, with
 * who and when, whether it should still go */
static void
ask_delete_changed (SeWindow     *self,
                    const GError *error)
{
  SeRecord        *stored = se_store_error_get_stored (error);
  const char      *kind = se_record_class_get_kind_label (SE_RECORD_GET_CLASS (stored));
  g_autofree char *heading = NULL;
  DeleteAnswer    *conflict;
  GtkWidget       *dialog;

  /* Translators: a dialog's heading; %s is a kind of record, e.g. "Placement" */
  heading = g_strdup_printf (_("Someone Else Changed This %s"), kind);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep It"), "delete", _("_Delete Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  conflict = g_new0 (DeleteAnswer, 1);
  conflict->self = self;
  conflict->object = se_record_copy (stored);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_conflict_response), conflict,
                         delete_answer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  /* their version on the page behind the question */
  _se_window_show_detail (self, se_record_page_get_record (self->page), FALSE);
}

static void
deletion_done (SeWindow   *self,
               SeDeletion *deletion)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = se_describe_title (self->store, se_deletion_get_record (deletion));
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!se_deletion_execute (deletion, &error))
    {
      if (g_error_matches (error, SE_STORE_ERROR, SE_STORE_ERROR_CONFLICT)
          && se_store_error_get_stored (error) != NULL)
        ask_delete_changed (self, error);
      else
        se_toast_show (GTK_WIDGET (self->toast_overlay), error->message, TRUE);
      return;
    }

  g_set_object (&self->last_deletion, deletion);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
  _se_window_show_detail (self, NULL, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);

  /* Translators: %s names a deleted record */
  message = g_strdup_printf (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DeleteAnswer     *answer)
{
  if (g_str_equal (response, "delete"))
    deletion_done (answer->self, answer->object);
}

/* Deletes @record, with a toast that offers to undo it; asks first when
 * other records would go with it. */
static void
delete_record (SeWindow *self,
               SeRecord *record)
{
  g_autoptr(SeDeletion) deletion = se_deletion_new (self->store, record);
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *affected = NULL;
  DeleteAnswer *answer;
  GtkWidget *dialog;

  if (!se_deletion_affects_others (deletion))
    {
      deletion_done (self, deletion);
      return;
    }

  title = se_describe_title (self->store, record);
  affected = se_deletion_describe_affected (deletion);
  /* Translators: %s names a record */
  heading = g_strdup_printf (_("Delete “%s”?"), title);
  /* Translators: %s lists what else goes, e.g. "2 agreements, 5 placements" */
  body = g_strdup_printf (_("Other records refer to it and would be deleted with it: %s. "
                            "You can undo this right afterwards."), affected);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  answer = g_new0 (DeleteAnswer, 1);
  answer->self = self;
  answer->object = g_object_ref (deletion);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response), answer,
                         delete_answer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_record_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  SeRecord *record = se_record_page_get_record (self->page);

  if (record == NULL || se_record_get_id (record) == 0 || se_record_page_get_editing (self->page))
    return;

  delete_record (self, record);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  g_autoptr(SeDeletion) deletion = g_steal_pointer (&self->last_deletion);
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) restored = NULL;
  SeRecord *record;

  gtk_widget_action_set_enabled (widget, "win.undo", FALSE);
  if (deletion == NULL)
    return;

  if (!se_deletion_undo (deletion, &error))
    {
      se_toast_show (GTK_WIDGET (self->toast_overlay), error->message, TRUE);
      return;
    }

  record = se_deletion_get_record (deletion);
  restored = se_store_lookup (self->store, G_OBJECT_TYPE (record), se_record_get_id (record));
  if (restored != NULL)
    se_window_show_record (self, restored);
}

/* Printing and exporting */

static SeReport *
current_summary (SeWindow *self)
{
  SeRecord *record = se_record_page_get_record (self->page);
  g_autoptr(GError) error = NULL;
  SeReport *report;

  if (record == NULL || !SE_IS_AGREEMENT (record) || se_record_page_get_editing (self->page))
    return NULL;

  report = se_report_new_agreement_summary (self->store, record, &error);
  if (report == NULL)
    se_toast_show (GTK_WIDGET (self->toast_overlay), error->message, TRUE);
  return report;
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  g_autoptr(SeReport) report = NULL;

  if (self->tool == SE_WINDOW_TOOL_STATISTICS)
    {
      gtk_widget_activate_action (self->tool_pages[SE_WINDOW_TOOL_STATISTICS], "statistics.print",
                                  NULL);
      return;
    }
  if (self->tool >= 0)
    return;
  report = current_summary (self);
  if (report != NULL)
    se_print_report (GTK_WINDOW (self), report);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  g_autoptr(SeReport) report = current_summary (self);

  if (report != NULL)
    se_print_export_pdf (GTK_WINDOW (self), report);
}

static void
export_ics_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  SeRecord *record = se_record_page_get_record (self->page);

  if (self->tool >= 0 || record == NULL || !SE_IS_PLACEMENT (record)
      || se_record_get_id (record) == 0)
    return;

  _se_window_export_ics (self, record);
}

static void
export_listed_ics_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  if (self->tool >= 0 || self->store == NULL)
    return;

  _se_window_export_listed_ics (self);
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  if (self->store == NULL || self->tool >= 0)
    return;

  _se_window_export_csv (self);
}

static void
import_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  if (self->store == NULL || self->tool >= 0 || se_store_is_read_only (self->store))
    return;

  _se_window_import_csv (self);
}

/* A person's data */

static SeRecord *
shown_person (SeWindow *self)
{
  SeRecord *record = self->page != NULL ? se_record_page_get_record (self->page) : NULL;

  if (self->tool >= 0 || record == NULL || !SE_IS_PERSON (record)
      || se_record_get_id (record) == 0 || se_record_page_get_editing (self->page))
    return NULL;
  return record;
}

static void
export_person_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  SeRecord *person = shown_person (self);

  if (person != NULL)
    _se_window_export_person (self, person);
}

static void
anonymise_person_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  SeRecord *person = shown_person (self);

  if (person != NULL && !se_store_is_read_only (self->store))
    _se_window_anonymise_person (self, person);
}

static void
erase_person_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  SeRecord *person = shown_person (self);

  if (person != NULL && !se_store_is_read_only (self->store))
    _se_window_erase_person (self, person);
}

static void
retention_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  if (self->store != NULL)
    _se_window_show_retention (self);
}

/* The database file */

static void
restore_backup_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  if (self->store != NULL && !se_store_is_read_only (self->store))
    _se_window_backup_restore (self);
}

static void
restore_newest_backup_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  if (self->newest_backup != NULL)
    _se_window_backup_restore_newest (self);
}

/**
 * _se_window_class_actions_init:
 *
 * Installs the window's actions and their shortcuts; from class_init.
 */
void
_se_window_class_actions_init (SeWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-sections", NULL,
                                   show_sections_activated);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_activated);
  gtk_widget_class_install_action (widget_class, "win.section", "i", section_activated);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-record", NULL,
                                   delete_record_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.load-example-data", NULL,
                                   load_example_data_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "win.export-ics", NULL, export_ics_activated);
  gtk_widget_class_install_action (widget_class, "win.export-listed-ics", NULL,
                                   export_listed_ics_activated);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_activated);
  gtk_widget_class_install_action (widget_class, "win.export-person", NULL,
                                   export_person_activated);
  gtk_widget_class_install_action (widget_class, "win.anonymise-person", NULL,
                                   anonymise_person_activated);
  gtk_widget_class_install_action (widget_class, "win.erase-person", NULL,
                                   erase_person_activated);
  gtk_widget_class_install_action (widget_class, "win.retention", NULL, retention_activated);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL,
                                   restore_backup_activated);
  gtk_widget_class_install_action (widget_class, "win.restore-newest-backup", NULL,
                                   restore_newest_backup_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-record",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo",
                                       NULL);
  for (int i = 1; i <= SE_WINDOW_N_SECTIONS + SE_WINDOW_N_TOOLS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK,
                                         "win.section", "i", i);
}
