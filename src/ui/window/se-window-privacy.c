/* se-window-privacy.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-describe.h"
#include "se-person.h"
#include "se-privacy.h"
#include "se-retention-dialog.h"
#include "se-save-dialog.h"
#include "se-toast.h"
#include "se-window-private.h"

/* The main window's commands on personal data: a person's data export,
 * anonymisation and erasure, and the retention dialog. */

/* A person's data */

/* What a command on a person carries to its dialog's answer or to its
 * writer: the person by id, as the record may be gone by then. */
typedef struct
{
  SeWindow  *window;
  GtkWidget *toast_widget;
  SeStore   *store;
  gint64     person_id;
  char      *title;
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

/* For g_signal_connect_data(): the job goes with the dialog's handler. */
static void
person_job_closure_free (gpointer  data,
                         GClosure *closure)
{
  person_job_free (data);
}

static PersonJob *
person_job_new (SeWindow *window,
                SeRecord *person)
{
  PersonJob *job = g_new0 (PersonJob, 1);

  job->window = g_object_ref (window);
  job->toast_widget = g_object_ref (GTK_WIDGET (window->toast_overlay));
  job->store = g_object_ref (window->store);
  job->person_id = se_record_get_id (person);
  job->title = se_describe_title (window->store, person);
  return job;
}

static PersonJob *
person_job_copy (PersonJob *job)
{
  PersonJob *copy = g_new0 (PersonJob, 1);

  copy->window = g_object_ref (job->window);
  copy->toast_widget = g_object_ref (job->toast_widget);
  copy->store = g_object_ref (job->store);
  copy->person_id = job->person_id;
  copy->title = g_strdup (job->title);
  return copy;
}

/* Once a person was anonymised (@erased FALSE) or erased: the window
 * shows what is left of them, or the list. */
static void
person_done (SeWindow *self,
             gint64    person_id,
             gboolean  erased)
{
  g_autoptr(SeRecord) person = NULL;

  if (self->store == NULL)
    return;
  person = erased ? NULL : se_store_lookup (self->store, SE_TYPE_PERSON, person_id);
  if (person != NULL)
    se_window_show_record (self, person);
  else
    {
      _se_window_show_detail (self, NULL, FALSE);
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
    }
}

static gboolean
save_person (const char *path,
             gpointer    user_data,
             GError    **error)
{
  PersonJob *job = user_data;

  return se_privacy_export_person (job->store, job->person_id, path, error);
}

/**
 * _se_window_export_person:
 * @person: a stored person
 *
 * Asks where to save all that is stored about @person, then writes it.
 */
void
_se_window_export_person (SeWindow *self,
                          SeRecord *person)
{
  PersonJob *job = person_job_new (self, person);
  g_autofree char *name = NULL;

  /* A file name from the person's name, without what a file name cannot hold */
  g_strdelimit (job->title, "/\\:", '-');
  name = g_strconcat (*job->title != '\0' ? job->title : _("person"), ".json", NULL);
  se_save_dialog_run (job->toast_widget, _("Export Personal Data"), name, _("JSON files"),
                      "*.json", save_person, job, person_job_free);
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
      se_toast_show (job->toast_widget, error->message, TRUE);
      return;
    }

  /* Translators: %s is the person's former name */
  message = g_strdup_printf (_("“%s” anonymised"), job->title);
  se_toast_show (job->toast_widget, message, FALSE);
  person_done (job->window, job->person_id, FALSE);
}

/**
 * _se_window_anonymise_person:
 * @person: a stored person
 *
 * Asks to confirm, then replaces the person's name and contact details.
 */
void
_se_window_anonymise_person (SeWindow *self,
                             SeRecord *person)
{
  PersonJob *job = person_job_new (self, person);
  /* Translators: %s is a person's name */
  g_autofree char *heading = g_strdup_printf (_("Anonymise “%s”?"), job->title);
  GtkWidget *dialog;

  dialog = confirm_dialog (GTK_WINDOW (self), heading,
                           _("The name is replaced, and the function, email, phone, languages "
                             "and notes are removed, also from the agreements the person "
                             "signed or approved. The placements the person took part in "
                             "stay, so that the statistics stay right. This cannot be "
                             "undone."),
                           "anonymise", _("_Anonymise"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_anonymise_response), job,
                         person_job_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
    _se_window_anonymise_person (job->window, person);
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
      GtkWidget *refused = adw_message_dialog_new (GTK_WINDOW (job->window), heading,
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (refused), "close", _("_Close"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (refused), "close");
      if (g_error_matches (error, SE_PRIVACY_ERROR, SE_PRIVACY_ERROR_IN_USE))
        {
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (refused), "anonymise",
                                           _("_Anonymise…"));
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (refused), "anonymise");
        }
      /* The refusal outlives the confirmation: it keeps its own job. */
      g_signal_connect_data (refused, "response", G_CALLBACK (on_refused_response),
                             person_job_copy (job), person_job_closure_free, 0);
      gtk_window_present (GTK_WINDOW (refused));
      return;
    }

  /* Translators: %s is the person's name */
  message = g_strdup_printf (_("“%s” erased"), job->title);
  se_toast_show (job->toast_widget, message, FALSE);
  person_done (job->window, job->person_id, TRUE);
}

/**
 * _se_window_erase_person:
 * @person: a stored person
 *
 * Asks to confirm, then deletes the person. The core refuses a person who
 * took part in a placement or signed an agreement; that refusal is shown,
 * with the offer to anonymise instead.
 */
void
_se_window_erase_person (SeWindow *self,
                         SeRecord *person)
{
  PersonJob *job = person_job_new (self, person);
  /* Translators: %s is a person's name */
  g_autofree char *heading = g_strdup_printf (_("Erase “%s”?"), job->title);
  GtkWidget *dialog;

  dialog = confirm_dialog (GTK_WINDOW (self), heading,
                           _("The person is deleted for good, and partnerships that name "
                             "them as contact lose the contact. This cannot be undone."),
                           "erase", _("_Erase"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_erase_response), job,
                         person_job_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _se_window_show_retention:
 *
 * Presents the dialog that lists the people whose retention period has
 * passed.
 */
void
_se_window_show_retention (SeWindow *self)
{
  gtk_window_present (GTK_WINDOW (se_retention_dialog_new (GTK_WINDOW (self), self->store)));
}
