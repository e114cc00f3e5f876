/* se-job-swap-dialog.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "se-enums.h"
#include "se-job-swap-dialog.h"
#include "se-participant.h"
#include "se-person.h"
#include "se-record-form.h"

/* Job swap: two people crossing, added in one go. Each goes to the
 * other's organisation; their home organisations come from their person
 * records, so the dialog asks only for the two people and their dates.
 * "Add Both" (swap.add-both) saves both in one transaction or neither. */

struct _SeJobSwapDialog
{
  AdwWindow     parent_instance;

  GtkWidget    *content;
  GtkWidget    *intro;
  GtkWidget    *error;

  SeStore      *store;
  SeRecord     *placement;
  SeRecordForm *first;
  SeRecordForm *second;
};

G_DEFINE_FINAL_TYPE (SeJobSwapDialog, se_job_swap_dialog, ADW_TYPE_WINDOW)

static gboolean
person_home (SeStore  *store,
             SeRecord *participant,
             gint64   *org)
{
  g_autoptr(SeRecord) person = se_store_lookup (store, SE_TYPE_PERSON,
                                                se_record_get_reference (participant,
                                                                         "person-id"));
  *org = person != NULL ? se_record_get_reference (person, "organisation-id") : 0;
  return *org != 0;
}

static void
show_error (SeJobSwapDialog *self,
            const char      *message)
{
  gtk_label_set_text (GTK_LABEL (self->error), message);
  gtk_widget_set_visible (self->error, TRUE);
}

static void
add_both_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SeJobSwapDialog *self = SE_JOB_SWAP_DIALOG (widget);
  SeStore *store = self->store;
  g_autoptr(SeRecord) a = NULL;
  g_autoptr(SeRecord) b = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gint64 home_a, home_b;

  a = se_record_form_collect (self->first, &field, &error);
  if (a == NULL)
    {
      se_record_form_show_error (self->first, field, error->message);
      return;
    }
  b = se_record_form_collect (self->second, &field, &error);
  if (b == NULL)
    {
      se_record_form_show_error (self->second, field, error->message);
      return;
    }

  if (!person_home (store, a, &home_a) || !person_home (store, b, &home_b) || home_a == home_b)
    {
      show_error (self, _("Each person needs an organisation of their own, and the two must "
                          "differ. Set the organisation on each person's page first."));
      return;
    }

  se_record_set_reference (a, "home-organisation-id", home_a);
  se_record_set_reference (a, "host-organisation-id", home_b);
  se_record_set_reference (b, "home-organisation-id", home_b);
  se_record_set_reference (b, "host-organisation-id", home_a);

  if (!se_store_begin (store, &error)
      || !se_store_save (store, a, &field, &error)
      || !se_store_save (store, b, &field, &error)
      || !se_store_commit (store, &error))
    {
      se_store_rollback (store);
      show_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* The form of one of the two: a guest of the placement; the dialog sets
 * the organisations when it saves */
static SeRecordForm *
swap_form (SeJobSwapDialog *self)
{
  g_autoptr(SeRecord) p = SE_RECORD (se_participant_new ());
  SeRecordForm *form;

  se_record_set_reference (p, "placement-id", se_record_get_id (self->placement));
  se_record_set_int (p, "role", SE_PARTICIPANT_ROLE_GUEST);
  /* Placeholders until the people's organisations are known */
  se_record_set_reference (p, "home-organisation-id", 1);
  se_record_set_reference (p, "host-organisation-id", 1);
  form = se_record_form_new (self->store, p, TRUE);
  se_record_form_hide_field (form, "placement-id");
  se_record_form_hide_field (form, "role");
  se_record_form_hide_field (form, "home-organisation-id");
  se_record_form_hide_field (form, "host-organisation-id");
  se_record_form_hide_field (form, "host-unit-id");
  return form;
}

static void
se_job_swap_dialog_dispose (GObject *object)
{
  SeJobSwapDialog *self = SE_JOB_SWAP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_JOB_SWAP_DIALOG);
  g_clear_object (&self->placement);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (se_job_swap_dialog_parent_class)->dispose (object);
}

static void
se_job_swap_dialog_class_init (SeJobSwapDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = se_job_swap_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-job-swap-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SeJobSwapDialog, content);
  gtk_widget_class_bind_template_child (widget_class, SeJobSwapDialog, intro);
  gtk_widget_class_bind_template_child (widget_class, SeJobSwapDialog, error);

  gtk_widget_class_install_action (widget_class, "swap.add-both", NULL, add_both_activated);
}

static void
se_job_swap_dialog_init (SeJobSwapDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * se_job_swap_dialog_new:
 * @parent: the window it is for
 * @placement: a stored job swap
 *
 * Returns: (transfer none): the dialog, modal, not yet shown
 */
SeJobSwapDialog *
se_job_swap_dialog_new (GtkWindow *parent,
                        SeStore   *store,
                        SeRecord  *placement)
{
  SeJobSwapDialog *self = g_object_new (SE_TYPE_JOB_SWAP_DIALOG,
                                        "transient-for", parent,
                                        NULL);

  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (SE_IS_RECORD (placement), NULL);

  self->store = g_object_ref (store);
  self->placement = g_object_ref (placement);
  self->first = swap_form (self);
  self->second = swap_form (self);
  gtk_box_insert_child_after (GTK_BOX (self->content), GTK_WIDGET (self->first), self->intro);
  gtk_box_insert_child_after (GTK_BOX (self->content), GTK_WIDGET (self->second),
                              GTK_WIDGET (self->first));
  return self;
}
