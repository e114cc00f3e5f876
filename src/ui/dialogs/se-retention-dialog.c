/* se-retention-dialog.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "se-date.h"
#include "se-describe.h"
#include "se-privacy.h"
#include "se-retention-dialog.h"

/* "Personal Data Due for Deletion": the people whose last placement ended
 * longer ago than the retention period (GSettings retention-years), and
 * one confirmed button that anonymises them all. Anonymising rather than
 * deleting keeps their placements, so that the statistics stay right. */

struct _SeRetentionDialog
{
  AdwWindow        parent_instance;

  SeStore         *store;
  GSettings       *settings;
  char            *today;
  AdwToastOverlay *toasts;
  GtkWidget       *spin;
  GtkWidget       *due_group;
  GtkWidget       *due_list;
  GtkWidget       *empty;
  /* The people due, as the list shows them */
  GListStore      *due;
  guint            n_due;
};

G_DEFINE_FINAL_TYPE (SeRetentionDialog, se_retention_dialog, ADW_TYPE_WINDOW)

static guint
retention_years (SeRetentionDialog *self)
{
  return (guint) MAX (g_settings_get_int (self->settings, "retention-years"), 1);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SeRetentionDialog *self = user_data;
  SeRecord *person = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = se_describe_title (self->store, person);
  g_autofree char *end = se_privacy_dup_last_end (self->store, se_record_get_id (person));
  g_autofree char *date = end != NULL ? se_date_format (end) : g_strdup ("");
  /* Translators: under a person's name; %s is a date */
  g_autofree char *subtitle = g_strdup_printf (_("Last placement ended %s"), date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
refresh (SeRetentionDialog *self)
{
  g_autoptr(GPtrArray) due = se_privacy_list_due (self->store, self->today,
                                                  retention_years (self));
  g_autofree char *description = NULL;

  g_list_store_splice (self->due, 0, g_list_model_get_n_items (G_LIST_MODEL (self->due)),
                       due->pdata, due->len);

  self->n_due = due->len;
  /* Translators: %u people; the retention period is in years */
  description = g_strdup_printf (ngettext ("%u person’s last placement ended more than the "
                                           "retention period ago.",
                                           "%u people’s last placements ended more than the "
                                           "retention period ago.", due->len), due->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->due_group), description);
  gtk_widget_set_visible (self->due_group, due->len > 0);
  gtk_widget_set_visible (self->empty, due->len == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "retention.anonymise-all",
                                 due->len > 0 && !se_store_is_read_only (self->store));
}

static void
on_confirm_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     SeRetentionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (!g_str_equal (response, "anonymise"))
    return;

  if (!se_privacy_delete_due (self->store, self->today, retention_years (self), &n, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
      refresh (self);
      return;
    }

  /* Translators: a notice after the retention clean-up */
  message = g_strdup_printf (ngettext ("%u person anonymised", "%u people anonymised", n), n);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  refresh (self);
}

/* Asks to confirm, then anonymises everyone listed */
static void
anonymise_all_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeRetentionDialog *self = SE_RETENTION_DIALOG (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->n_due == 0 || se_store_is_read_only (self->store))
    return;

  /* Translators: asked before the retention clean-up */
  heading = g_strdup_printf (ngettext ("Anonymise %u Person?", "Anonymise %u People?",
                                       self->n_due), self->n_due);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Their names, contact details and notes are removed "
                                     "for good. Their placements stay, unnamed, so that the "
                                     "statistics stay right."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "anonymise", _("_Anonymise All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anonymise",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * se_retention_dialog_set_today:
 * @today: "YYYY-MM-DD"
 *
 * The day the retention period is counted back from (today by default).
 */
void
se_retention_dialog_set_today (SeRetentionDialog *self,
                               const char        *today)
{
  g_return_if_fail (SE_IS_RETENTION_DIALOG (self));
  g_return_if_fail (today != NULL);

  g_free (self->today);
  self->today = g_strdup (today);
  refresh (self);
}

guint
se_retention_dialog_get_n_due (SeRetentionDialog *self)
{
  g_return_val_if_fail (SE_IS_RETENTION_DIALOG (self), 0);

  return self->n_due;
}

static void
se_retention_dialog_dispose (GObject *object)
{
  SeRetentionDialog *self = SE_RETENTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_RETENTION_DIALOG);
  g_clear_object (&self->due);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (se_retention_dialog_parent_class)->dispose (object);
}

static void
se_retention_dialog_finalize (GObject *object)
{
  SeRetentionDialog *self = SE_RETENTION_DIALOG (object);

  g_free (self->today);

  G_OBJECT_CLASS (se_retention_dialog_parent_class)->finalize (object);
}

static void
se_retention_dialog_class_init (SeRetentionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = se_retention_dialog_dispose;
  object_class->finalize = se_retention_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-retention-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SeRetentionDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, SeRetentionDialog, spin);
  gtk_widget_class_bind_template_child (widget_class, SeRetentionDialog, due_group);
  gtk_widget_class_bind_template_child (widget_class, SeRetentionDialog, due_list);
  gtk_widget_class_bind_template_child (widget_class, SeRetentionDialog, empty);

  gtk_widget_class_install_action (widget_class, "retention.anonymise-all", NULL,
                                   anonymise_all_activated);
}

static void
se_retention_dialog_init (SeRetentionDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->today = g_date_time_format (now, "%Y-%m-%d");
  self->settings = g_settings_new (APP_ID);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->due = g_list_store_new (SE_TYPE_RECORD);
}

/**
 * se_retention_dialog_new:
 * @parent: (nullable): the main window
 * @store: the open store
 *
 * Returns: (transfer none): the dialog, not yet presented
 */
SeRetentionDialog *
se_retention_dialog_new (GtkWindow *parent,
                         SeStore   *store)
{
  SeRetentionDialog *self = g_object_new (SE_TYPE_RETENTION_DIALOG,
                                          "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  /* The rows describe their people by the store */
  gtk_list_box_bind_model (GTK_LIST_BOX (self->due_list), G_LIST_MODEL (self->due), create_row,
                           self, NULL);
  g_settings_bind (self->settings, "retention-years",
                   gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (self->spin)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::retention-years", G_CALLBACK (refresh),
                           self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}
