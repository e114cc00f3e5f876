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

  G_OBJECT_CLASS (klass)->finalize = se_record_dialog_finalize;

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
                                       "modal", TRUE,
                                       "default-width", 480,
                                       "default-height", 560,
                                       NULL);
  gboolean is_new = se_record_get_id (record) == 0;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  const char *kind = se_record_class_get_kind_label (SE_RECORD_GET_CLASS (record));
  g_autofree char *title = NULL;
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (SE_RECORD_GET_CLASS (record), &n_fields);

  self->store = g_object_ref (store);
  self->record = g_object_ref (record);

  /* Translators: window title, %s is a kind of record, e.g. "New Participant" */
  title = is_new ? g_strdup_printf (_("New %s"), kind) : g_strdup (kind);
  gtk_window_set_title (GTK_WINDOW (self), title);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "dialog.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (is_new ? _("_Add") : _("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "dialog.save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  self->form = se_record_form_new (store, record, TRUE);
  /* The owner is given by where the dialog was opened from. */
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].flags & SE_FIELD_FLAGS_OWNER
        && se_record_get_reference (record, fields[i].name) != 0)
      se_record_form_hide_field (self->form, fields[i].name);

  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->form));
  if (!is_new && SE_IS_PARTICIPANT (record))
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print Certificate…"));
      GtkWidget *export = gtk_button_new_with_mnemonic (_("E_xport Certificate as PDF…"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "dialog.print-certificate");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "dialog.export-certificate");
      gtk_widget_add_css_class (print, "pill");
      gtk_widget_add_css_class (export, "pill");
      gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (buttons), print);
      gtk_box_append (GTK_BOX (buttons), export);
      gtk_box_append (GTK_BOX (content), buttons);
    }
  if (!is_new)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "dialog.delete");
      gtk_widget_add_css_class (delete, "destructive-action");
      gtk_widget_set_halign (delete, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (content), delete);
    }

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  return self;
}

GtkWidget *
se_record_dialog_get_form (SeRecordDialog *self)
{
  g_return_val_if_fail (SE_IS_RECORD_DIALOG (self), NULL);

  return GTK_WIDGET (self->form);
}
