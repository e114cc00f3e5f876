/* se-record-dialog.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "se-participant.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-print.h"
#include "se-record-dialog.h"
#include "se-report.h"
#include "se-record-form.h"

/* Edits a record that is part of another one (a participant, a programme
 * item, a signatory) in a small window of its own. Save keeps the window
 * open with the user's input when the record is not valid. */

struct _SeRecordDialog
{
  AdwWindow     parent_instance;

  SeStore      *store;
  SeRecord     *record;
  SeRecordForm *form;
  GtkWidget    *save_button;
  GtkWidget    *content;
  GtkWidget    *certificate_box;
  GtkWidget    *delete_button;
};

G_DEFINE_FINAL_TYPE (SeRecordDialog, se_record_dialog, ADW_TYPE_WINDOW)

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeRecordDialog *self = SE_RECORD_DIALOG (widget);
  g_autoptr(SeRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  copy = se_record_form_collect (self->form, &field, &error);
  if (copy == NULL || !se_store_save (self->store, copy, &field, &error))
    {
      se_record_form_show_error (self->form, field, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SeRecordDialog *self = SE_RECORD_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!se_store_delete (self->store, self->record, &error))
    {
      se_record_form_show_error (self->form, NULL, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* A participant's certificate of participation */
static SeReport *
certificate (SeRecordDialog *self)
{
  g_autoptr(SeRecord) placement = se_store_lookup (self->store, SE_TYPE_PLACEMENT,
                                                   se_record_get_reference (self->record,
                                                                            "placement-id"));
  g_autoptr(SeRecord) person = se_store_lookup (self->store, SE_TYPE_PERSON,
                                                se_record_get_reference (self->record,
                                                                         "person-id"));
  g_autoptr(GError) error = NULL;
  SeReport *report = NULL;

  if (placement != NULL && person != NULL)
    report = se_report_new_certificate (self->store, placement, person, &error);
  if (report == NULL)
    se_record_form_show_error (self->form, NULL,
                               error != NULL ? error->message
                                             : _("Save the participant first."));
  return report;
}

static void
print_certificate_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SeRecordDialog *self = SE_RECORD_DIALOG (widget);
  g_autoptr(SeReport) report = certificate (self);

  if (report != NULL)
    se_print_report (GTK_WINDOW (self), report);
}

static void
export_certificate_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SeRecordDialog *self = SE_RECORD_DIALOG (widget);
  g_autoptr(SeReport) report = certificate (self);

  if (report != NULL)
    se_print_export_pdf (GTK_WINDOW (self), report);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
se_record_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SE_TYPE_RECORD_DIALOG);

  G_OBJECT_CLASS (se_record_dialog_parent_class)->dispose (object);
}

static void
se_record_dialog_finalize (GObject *object)
{
  SeRecordDialog *self = SE_RECORD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (se_record_dialog_parent_class)->finalize (object);
}

static void
se_record_dialog_class_init (SeRecordDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = se_record_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = se_record_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SeRecordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SeRecordDialog, content);
  gtk_widget_class_bind_template_child (widget_class, SeRecordDialog, certificate_box);
  gtk_widget_class_bind_template_child (widget_class, SeRecordDialog, delete_button);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "dialog.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "dialog.print-certificate", NULL,
                                   print_certificate_activated);
  gtk_widget_class_install_action (widget_class, "dialog.export-certificate", NULL,
                                   export_certificate_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
}

static void
se_record_dialog_init (SeRecordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * se_record_dialog_new:
 * @parent: the window it belongs to
 * @store: the store
 * @record: a stored record, or a new one (id 0) with its owner set
 *
 * Returns: (transfer none): a modal window editing @record
 */
SeRecordDialog *
se_record_dialog_new (GtkWindow *parent,
                      SeStore   *store,
                      SeRecord  *record)
{
  SeRecordDialog *self = g_object_new (SE_TYPE_RECORD_DIALOG,
                                       "transient-for", parent,
                                       NULL);
  gboolean is_new = se_record_get_id (record) == 0;
  const char *kind = se_record_class_get_kind_label (SE_RECORD_GET_CLASS (record));
  g_autofree char *title = NULL;
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (SE_RECORD_GET_CLASS (record), &n_fields);

  self->store = g_object_ref (store);
  self->record = g_object_ref (record);

  /* Translators: window title, %s is a kind of record, e.g. "New Participant" */
  title = is_new ? g_strdup_printf (_("New %s"), kind) : g_strdup (kind);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (GTK_BUTTON (self->save_button), is_new ? _("_Add") : _("_Save"));

  self->form = se_record_form_new (store, record, TRUE);
  /* The owner is given by where the dialog was opened from. */
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].flags & SE_FIELD_FLAGS_OWNER
        && se_record_get_reference (record, fields[i].name) != 0)
      se_record_form_hide_field (self->form, fields[i].name);
  gtk_box_prepend (GTK_BOX (self->content), GTK_WIDGET (self->form));

  gtk_widget_set_visible (self->certificate_box, !is_new && SE_IS_PARTICIPANT (record));
  gtk_widget_set_visible (self->delete_button, !is_new);
  return self;
}

GtkWidget *
se_record_dialog_get_form (SeRecordDialog *self)
{
  g_return_val_if_fail (SE_IS_RECORD_DIALOG (self), NULL);

  return GTK_WIDGET (self->form);
}
