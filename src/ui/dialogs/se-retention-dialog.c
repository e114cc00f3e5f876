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
  GtkWidget       *delete_button;
  guint            n_due;
};

G_DEFINE_FINAL_TYPE (SeRetentionDialog, se_retention_dialog, ADW_TYPE_WINDOW)

static guint
retention_years (SeRetentionDialog *self)
{
  return (guint) MAX (g_settings_get_int (self->settings, "retention-years"), 1);
}

static void
refresh (SeRetentionDialog *self)
{
  g_autoptr(GPtrArray) due = se_privacy_list_due (self->store, self->today,
                                                  retention_years (self));
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->due_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->due_list), child);

  for (guint i = 0; i < due->len; i++)
    {
      SeRecord *person = g_ptr_array_index (due, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = se_describe_title (self->store, person);
      g_autofree char *end = se_privacy_dup_last_end (self->store, se_record_get_id (person));
      g_autofree char *date = end != NULL ? se_date_format (end) : g_strdup ("");
      /* Translators: under a person's name; %s is a date */
      g_autofree char *subtitle = g_strdup_printf (_("Last placement ended %s"), date);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, "due-person");
      gtk_list_box_append (GTK_LIST_BOX (self->due_list), row);
    }

  self->n_due = due->len;
  /* Translators: %u people; the retention period is in years */
  description = g_strdup_printf (ngettext ("%u person’s last placement ended more than the "
                                           "retention period ago.",
                                           "%u people’s last placements ended more than the "
                                           "retention period ago.", due->len), due->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->due_group), description);
  gtk_widget_set_visible (self->due_group, due->len > 0);
  gtk_widget_set_visible (self->empty, due->len == 0);
  gtk_widget_set_sensitive (self->delete_button,
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

/**
 * se_retention_dialog_delete_all:
 *
 * Asks to confirm, then anonymises everyone listed (what the "Anonymise
 * All…" button does).
 */
void
se_retention_dialog_delete_all (SeRetentionDialog *self)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  g_return_if_fail (SE_IS_RETENTION_DIALOG (self));

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
build (SeRetentionDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *period = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *title = adw_window_title_new (_("Personal Data Due for Deletion"), NULL);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (period), _("Retention Period"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (period),
                                         _("Personal data is kept this long after a "
                                           "person’s last placement ended."));
  self->spin = gtk_spin_button_new_with_range (1, 50, 1);
  gtk_widget_set_name (self->spin, "retention-years");
  gtk_widget_set_valign (self->spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Years after the last placement"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Years after the last placement"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (period), row);
  gtk_box_append (GTK_BOX (content), period);

  self->due_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->due_group),
                                   _("Due for Deletion"));
  self->due_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->due_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->due_list, "boxed-list");
  gtk_widget_set_name (self->due_list, "due-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Due for Deletion"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->due_group), self->due_list);
  gtk_box_append (GTK_BOX (content), self->due_group);

  self->empty = adw_status_page_new ();
  gtk_widget_set_name (self->empty, "nothing-due");
  gtk_widget_add_css_class (self->empty, "compact");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("Nothing Is Due"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("No one’s last placement ended longer ago than the "
                                     "retention period."));
  gtk_box_append (GTK_BOX (content), self->empty);

  self->delete_button = gtk_button_new_with_mnemonic (_("_Anonymise All…"));
  gtk_widget_set_name (self->delete_button, "anonymise-all");
  gtk_widget_set_halign (self->delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->delete_button, "pill");
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  g_signal_connect_swapped (self->delete_button, "clicked",
                            G_CALLBACK (se_retention_dialog_delete_all), self);

  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  /* Below the list, not at its end: the button stays in sight however
   * many people are due. */
  gtk_widget_set_margin_top (self->delete_button, 12);
  gtk_widget_set_margin_bottom (self->delete_button, 12);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), self->delete_button);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

static void
se_retention_dialog_dispose (GObject *object)
{
  SeRetentionDialog *self = SE_RETENTION_DIALOG (object);

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
}

static void
se_retention_dialog_init (SeRetentionDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->today = g_date_time_format (now, "%Y-%m-%d");
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_title (GTK_WINDOW (self), _("Personal Data Due for Deletion"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 600);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  build (self);
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
  g_settings_bind (self->settings, "retention-years",
                   gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (self->spin)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::retention-years", G_CALLBACK (refresh),
                           self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}
