/* se-conflict-dialog.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "se-conflict-dialog.h"
#include "se-record-form.h"

/* What the user is asked when a record they edit was changed or deleted
 * elsewhere: a save refused with a conflict, or the "changed by" line on
 * the page. The first dialog says who changed it and when; Compare puts
 * their value beside the user's, field by field; Save Mine Anyway is
 * asked once more. The caller hears one answer, whichever dialog gave it. */

typedef struct
{
  GtkWindow     *parent;
  SeStore       *store;
  SeRecord      *theirs; /* NULL: deleted */
  SeRecord      *mine;
  char          *message;
  SeConflictFunc func;
  gpointer       user_data;
  GDestroyNotify destroy;
} Conflict;

static void
conflict_clear (Conflict *conflict)
{
  g_clear_object (&conflict->parent);
  g_clear_object (&conflict->store);
  g_clear_object (&conflict->theirs);
  g_clear_object (&conflict->mine);
  g_clear_pointer (&conflict->message, g_free);
  if (conflict->destroy != NULL)
    conflict->destroy (conflict->user_data);
}

static void
conflict_unref (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) conflict_clear);
}

static void
conflict_closure_unref (gpointer  data,
                        GClosure *closure)
{
  conflict_unref (data);
}

static void present (Conflict *conflict,
                     gboolean  compare);

static void
answer (Conflict        *conflict,
        SeConflictAnswer choice)
{
  conflict->func (choice, conflict->user_data);
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       Conflict         *conflict)
{
  answer (conflict, g_str_equal (response, "overwrite") ? SE_CONFLICT_SAVE_MINE
                                                        : SE_CONFLICT_KEEP_EDITING);
}

/* Save Mine Anyway, asked once more */
static void
confirm_overwrite (Conflict *conflict)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (conflict->parent, _("Overwrite Their Changes?"),
                                                        _("The version saved elsewhere is replaced by yours, "
                                     "in every field."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "overwrite", _("_Overwrite"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_overwrite_response),
                         g_rc_box_acquire (conflict), conflict_closure_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Conflict         *conflict)
{
  if (g_str_equal (response, "compare"))
    present (conflict, TRUE);
  else if (g_str_equal (response, "mine"))
    confirm_overwrite (conflict);
  else if (g_str_equal (response, "theirs"))
    answer (conflict, SE_CONFLICT_KEEP_THEIRS);
  else if (g_str_equal (response, "new"))
    answer (conflict, SE_CONFLICT_SAVE_AS_NEW);
  else
    answer (conflict, SE_CONFLICT_KEEP_EDITING);
}

static char *
shown_value (Conflict      *conflict,
             SeRecord      *record,
             const SeField *field)
{
  g_autofree char *text = se_record_form_format_value (conflict->store, record, field);

  return g_markup_escape_text (text != NULL && *text != '\0' ? text : "—", -1);
}

/* Their value beside the user's, for each field where they differ */
static GtkWidget *
build_comparison (Conflict  *conflict,
                  GPtrArray *fields)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, "comparison");
  for (guint i = 0; i < fields->len; i++)
    {
      const SeField   *field = g_ptr_array_index (fields, i);
      g_autofree char *theirs = shown_value (conflict, conflict->theirs, field);
      g_autofree char *mine = shown_value (conflict, conflict->mine, field);
      /* Translators: a comparison of one field's value saved elsewhere
       * with the one entered here, on two lines */
      g_autofree char *subtitle = g_strdup_printf (_("Theirs: %1$s\nYours: %2$s"), theirs, mine);
      GtkWidget       *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), se_field_get_label (field));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, "property");
      gtk_widget_set_name (row, field->name);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

static void
present (Conflict *conflict,
         gboolean  compare)
{
  const char       *kind = se_record_class_get_kind_label (SE_RECORD_GET_CLASS (conflict->mine));
  g_autofree char  *heading = NULL;
  GtkWidget        *dialog;
  AdwMessageDialog *message;

  if (conflict->theirs == NULL)
    /* Translators: a dialog's heading; %s is a kind of record, e.g. "Placement" */
    heading = g_strdup_printf (_("Someone Else Deleted This %s"), kind);
  else if (compare)
    heading = g_strdup (_("Their Changes and Yours"));
  else
    /* Translators: a dialog's heading; %s is a kind of record, e.g. "Placement" */
    heading = g_strdup_printf (_("Someone Else Changed This %s"), kind);

  dialog = adw_message_dialog_new (conflict->parent, heading, NULL);
  message = ADW_MESSAGE_DIALOG (dialog);
  adw_message_dialog_add_response (message, "cancel", _("_Keep Editing"));

  if (conflict->theirs == NULL)
    {
      adw_message_dialog_set_body (message, conflict->message);
      adw_message_dialog_add_responses (message,
                                        "theirs", _("_Discard Changes"), "new", _("Save as _New"), NULL);
      adw_message_dialog_set_response_appearance (message, "new", ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      g_autoptr(GPtrArray) fields = se_record_list_differences (conflict->theirs, conflict->mine);

      if (!compare)
        adw_message_dialog_set_body (message, conflict->message);
      else if (fields->len == 0)
        adw_message_dialog_set_body (message,
                                     _("Their version and yours have the same values."));
      else
        {
          adw_message_dialog_set_body (message,
                                       _("These fields differ between the version saved "
                                         "elsewhere and yours."));
          adw_message_dialog_set_extra_child (message, build_comparison (conflict, fields));
        }

      adw_message_dialog_add_response (message, "theirs", _("Keep _Theirs"));
      if (!compare && fields->len > 0)
        adw_message_dialog_add_response (message, "compare", _("C_ompare"));
      adw_message_dialog_add_response (message, "mine", _("_Save Mine Anyway"));
      adw_message_dialog_set_response_appearance (message, "mine", ADW_RESPONSE_DESTRUCTIVE);
    }

  adw_message_dialog_set_default_response (message, "cancel");
  adw_message_dialog_set_close_response (message, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response),
                         g_rc_box_acquire (conflict), conflict_closure_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * se_conflict_dialog_present:
 * @parent: the window
 * @store: the store
 * @theirs: (nullable): the record as stored now; %NULL if it was deleted
 * @mine: the user's edit
 * @message: who changed it and when, and what to do (the conflict error's)
 * @compare: whether to start with the comparison
 * @func: called once with the user's answer
 *
 * Asks what to do about an edit of a record that was changed or deleted
 * elsewhere since the edit began.
 */
void
se_conflict_dialog_present (GtkWindow     *parent,
                            SeStore       *store,
                            SeRecord      *theirs,
                            SeRecord      *mine,
                            const char    *message,
                            gboolean       compare,
                            SeConflictFunc func,
                            gpointer       user_data,
                            GDestroyNotify destroy)
{
  Conflict *conflict;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (SE_IS_STORE (store));
  g_return_if_fail (theirs == NULL || SE_IS_RECORD (theirs));
  g_return_if_fail (SE_IS_RECORD (mine));
  g_return_if_fail (func != NULL);

  conflict = g_rc_box_new0 (Conflict);
  conflict->parent = g_object_ref (parent);
  conflict->store = g_object_ref (store);
  conflict->theirs = theirs != NULL ? g_object_ref (theirs) : NULL;
  conflict->mine = g_object_ref (mine);
  conflict->message = g_strdup (message);
  conflict->func = func;
  conflict->user_data = user_data;
  conflict->destroy = destroy;
  present (conflict, compare && theirs != NULL);
  conflict_unref (conflict);
}
