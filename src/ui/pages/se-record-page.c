/* se-record-page.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "se-agreement.h"
#include "se-approval.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-prerequisite.h"
#include "se-private-file.h"
#include "se-programme-item.h"
#include "se-record-dialog.h"
#include "se-record-form.h"
#include "se-record-page.h"
#include "se-signatory.h"
#include "se-unit.h"

/* The detail page of a partnership, placement, agreement, organisation or
 * person: every field, and the records related to it. Records that are
 * parts of it (participants, programme items, signatories ...) are added
 * and edited in a dialog; other related records are links. Edit mode
 * replaces the fields by editors; Done saves, Cancel drops the changes. */

struct _SeRecordPage
{
  GtkBox        parent_instance;

  AdwHeaderBar   *header_bar;
  GtkWidget      *back_button;
  GtkWidget      *cancel_button;
  GtkWidget      *edit_button;
  GtkWidget      *done_button;
  GtkWidget      *menu_button;
  AdwWindowTitle *title;
  GtkWidget      *body;

  SeStore      *store;
  SeRecord     *record;
  gboolean      editing;
  SeRecordForm *form;
  guint         rebuild_source;
};

enum {
  SIGNAL_OPEN_RECORD,
  SIGNAL_SAVED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SeRecordPage, se_record_page, GTK_TYPE_BOX)

static void rebuild (SeRecordPage *self);

static GtkWindow *
parent_window (SeRecordPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* Related records */

static void
on_link_activated (AdwActionRow *row,
                   SeRecordPage *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_RECORD], 0, g_object_get_data (G_OBJECT (row),
                                                                          "se-record"));
}

static void
on_part_activated (AdwActionRow *row,
                   SeRecordPage *self)
{
  SeRecord *record = g_object_get_data (G_OBJECT (row), "se-record");
  g_autoptr(SeRecord) copy = se_record_copy (record);

  gtk_window_present (GTK_WINDOW (se_record_dialog_new (parent_window (self), self->store,
                                                        copy)));
}

static GtkWidget *
record_row (SeRecordPage *self,
            SeRecord     *record,
            gboolean      is_part)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = se_describe_title (self->store, record);
  g_autofree char *subtitle = se_describe_subtitle (self->store, record);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (is_part ? "document-edit-symbolic"
                                                                   : "go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "se-record", g_object_ref (record), g_object_unref);
  g_signal_connect (row, "activated",
                    is_part ? G_CALLBACK (on_part_activated) : G_CALLBACK (on_link_activated),
                    self);
  return row;
}

static void
on_add_part (GtkButton    *button,
             SeRecordPage *self)
{
  GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "se-type"));
  const char *owner_field = g_object_get_data (G_OBJECT (button), "se-owner-field");
  g_autoptr(SeRecord) part = g_object_new (type, NULL);

  se_record_set_reference (part, owner_field, se_record_get_id (self->record));

  /* Sensible starting values from the owner */
  if (SE_IS_PROGRAMME_ITEM (part))
    se_record_set_string (part, "date", se_record_get_string (self->record, "start-date"));
  if (SE_IS_PARTICIPANT (part))
    {
      g_autoptr(GPtrArray) others = se_store_find (self->store, SE_TYPE_PARTICIPANT,
                                                   "placement-id", se_record_get_id (self->record));
      if (others->len > 0)
        {
          SeRecord *first = g_ptr_array_index (others, 0);
          se_record_set_reference (part, "home-organisation-id",
                                   se_record_get_reference (first, "home-organisation-id"));
          se_record_set_reference (part, "host-organisation-id",
                                   se_record_get_reference (first, "host-organisation-id"));
        }
    }

  gtk_window_present (GTK_WINDOW (se_record_dialog_new (parent_window (self), self->store,
                                                        part)));
}

static GtkWidget *
add_group (SeRecordPage *self,
           const char   *title,
           GPtrArray    *records,
           gboolean      are_parts,
           GType         part_type,
           const char   *owner_field)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  if (part_type != G_TYPE_INVALID && !se_store_is_read_only (self->store))
    {
      GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
      g_autofree char *tip = NULL;

      gtk_widget_add_css_class (add, "flat");
      /* Translators: %s is a kind of record, e.g. "Add Participant" */
      tip = g_strdup_printf (_("Add %s"),
                             se_record_class_get_kind_label (g_type_class_peek (part_type)));
      gtk_widget_set_tooltip_text (add, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, tip,
                                      -1);
      g_object_set_data (G_OBJECT (add), "se-type", GSIZE_TO_POINTER (part_type));
      g_object_set_data (G_OBJECT (add), "se-owner-field", (gpointer) owner_field);
      g_signal_connect (add, "clicked", G_CALLBACK (on_add_part), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
    }

  if (records == NULL || records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  else
    for (guint i = 0; i < records->len; i++)
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 record_row (self, g_ptr_array_index (records, i), are_parts));

  gtk_box_append (GTK_BOX (self->body), group);
  return group;
}

static GPtrArray *
find (SeRecordPage *self,
      GType         type,
      const char   *field)
{
  return se_store_find (self->store, type, field, se_record_get_id (self->record));
}

/* Records of @type referred to by @field of @from, without repeats. */
static GPtrArray *
follow (SeRecordPage *self,
        GPtrArray    *from,
        GType         type,
        const char   *field)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < from->len; i++)
    {
      g_autoptr(SeRecord) r = se_store_lookup (self->store, type,
                                               se_record_get_reference (g_ptr_array_index (from, i),
                                                                        field));
      if (r != NULL && !g_ptr_array_find (result, r, NULL))
        g_ptr_array_add (result, g_steal_pointer (&r));
    }
  return result;
}

static void
merge (GPtrArray *into,
       GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    if (!g_ptr_array_find (into, g_ptr_array_index (from, i), NULL))
      g_ptr_array_add (into, g_object_ref (g_ptr_array_index (from, i)));
}

static void
add_job_swap_button (SeRecordPage *self,
                     GtkWidget    *group);

/* The signed agreement: a scanned PDF kept in the database */

static void
show_problem (SeRecordPage *self,
              const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), _("Signed Document"),
                                              message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_attach_response (GtkNativeDialog *chooser,
                    int              response,
                    SeRecordPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      bytes = g_file_load_bytes (file, NULL, NULL, &error);
      name = g_file_get_basename (file);
      if (bytes == NULL
          || !se_store_attach_document (self->store, se_record_get_id (self->record), name,
                                        bytes, &error))
        show_problem (self, error->message);
    }

  g_object_unref (chooser);
}

static void
on_attach_clicked (GtkButton    *button,
                   SeRecordPage *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *pdf = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Attach Signed Document"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (on_attach_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_document_clicked (GtkButton    *button,
                          SeRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = se_store_load_document (self->store, se_record_get_id (self->record),
                                                    &error);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  const char *name = se_record_get_string (self->record, "document-name");

  if (bytes == NULL)
    {
      show_problem (self, error->message);
      return;
    }

  /* The viewer needs a file: a private copy in the cache, readable by
   * the user only. */
  dir = g_build_filename (g_get_user_cache_dir (), "staff-exchange", "documents", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      show_problem (self, g_strerror (errno));
      return;
    }
  path = g_build_filename (dir, name != NULL ? name : "document.pdf", NULL);
  if (!se_private_file_write (path, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), &error))
    {
      show_problem (self, error->message);
      return;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (parent_window (self), uri, GDK_CURRENT_TIME);
}

static void
on_remove_document_clicked (GtkButton    *button,
                            SeRecordPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!se_store_remove_document (self->store, se_record_get_id (self->record), &error))
    show_problem (self, error->message);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static void
add_document_group (SeRecordPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  const char *name = se_record_get_string (self->record, "document-name");
  gboolean writable = !se_store_is_read_only (self->store);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Signed Document"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL ? name : _("No signed document on file"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, "signed-document");

  if (name != NULL)
    {
      GtkWidget *open = icon_button ("document-open-symbolic", _("Open Signed Document"));
      g_signal_connect (open, "clicked", G_CALLBACK (on_open_document_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      if (writable)
        {
          GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove Signed Document"));
          g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_document_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
    }
  if (writable)
    {
      GtkWidget *attach = icon_button ("mail-attachment-symbolic",
                                       name != NULL ? _("Replace Signed Document")
                                                    : _("Attach Signed Document"));
      g_signal_connect (attach, "clicked", G_CALLBACK (on_attach_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), attach);
      if (name == NULL)
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), attach);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (self->body), group);
}

static void
build_related (SeRecordPage *self)
{
  GType type = G_OBJECT_TYPE (self->record);

  if (type == SE_TYPE_PARTNERSHIP)
    {
      g_autoptr(GPtrArray) agreements = find (self, SE_TYPE_AGREEMENT, "partnership-id");
      g_autoptr(GPtrArray) placements = find (self, SE_TYPE_PLACEMENT, "partnership-id");
      g_autoptr(GPtrArray) parts = find (self, SE_TYPE_PARTNERSHIP, "parent-id");

      add_group (self, _("Agreements"), agreements, FALSE, G_TYPE_INVALID, NULL);
      add_group (self, _("Placements"), placements, FALSE, G_TYPE_INVALID, NULL);
      if (parts->len > 0)
        add_group (self, _("Partnerships Within"), parts, FALSE, G_TYPE_INVALID, NULL);
    }
  else if (type == SE_TYPE_AGREEMENT)
    {
      g_autoptr(GPtrArray) signatories = find (self, SE_TYPE_SIGNATORY, "agreement-id");
      g_autoptr(GPtrArray) approvals = find (self, SE_TYPE_APPROVAL, "agreement-id");
      g_autoptr(GPtrArray) placements = find (self, SE_TYPE_PLACEMENT, "agreement-id");

      add_group (self, _("Signatories"), signatories, TRUE, SE_TYPE_SIGNATORY, "agreement-id");
      add_group (self, _("Approvals"), approvals, TRUE, SE_TYPE_APPROVAL, "agreement-id");
      add_group (self, _("Placements Covered"), placements, FALSE, G_TYPE_INVALID, NULL);
      add_document_group (self);
    }
  else if (type == SE_TYPE_PLACEMENT)
    {
      g_autoptr(GPtrArray) participants = find (self, SE_TYPE_PARTICIPANT, "placement-id");
      g_autoptr(GPtrArray) items = find (self, SE_TYPE_PROGRAMME_ITEM, "placement-id");
      g_autoptr(GPtrArray) prerequisites = find (self, SE_TYPE_PREREQUISITE, "placement-id");
      g_autoptr(GPtrArray) topics = find (self, SE_TYPE_PLACEMENT_TOPIC, "placement-id");
      GtkWidget *group;

      group = add_group (self, _("Participants"), participants, TRUE, SE_TYPE_PARTICIPANT,
                         "placement-id");
      if (se_record_get_int (self->record, "kind") == SE_PLACEMENT_KIND_JOB_SWAP)
        add_job_swap_button (self, group);
      add_group (self, _("Programme"), items, TRUE, SE_TYPE_PROGRAMME_ITEM, "placement-id");
      add_group (self, _("Prerequisites"), prerequisites, TRUE, SE_TYPE_PREREQUISITE,
                 "placement-id");
      add_group (self, _("Topics"), topics, TRUE, SE_TYPE_PLACEMENT_TOPIC, "placement-id");
    }
  else if (type == SE_TYPE_ORGANISATION)
    {
      g_autoptr(GPtrArray) units = find (self, SE_TYPE_UNIT, "organisation-id");
      g_autoptr(GPtrArray) people = find (self, SE_TYPE_PERSON, "organisation-id");
      g_autoptr(GPtrArray) partnerships = find (self, SE_TYPE_PARTNERSHIP, "organisation-a-id");
      g_autoptr(GPtrArray) partnerships_b = find (self, SE_TYPE_PARTNERSHIP, "organisation-b-id");
      g_autoptr(GPtrArray) home = find (self, SE_TYPE_PARTICIPANT, "home-organisation-id");
      g_autoptr(GPtrArray) host = find (self, SE_TYPE_PARTICIPANT, "host-organisation-id");
      g_autoptr(GPtrArray) placements = NULL;
      g_autoptr(GPtrArray) hosted = NULL;

      merge (partnerships, partnerships_b);
      placements = follow (self, home, SE_TYPE_PLACEMENT, "placement-id");
      hosted = follow (self, host, SE_TYPE_PLACEMENT, "placement-id");
      merge (placements, hosted);

      add_group (self, _("Units"), units, TRUE, SE_TYPE_UNIT, "organisation-id");
      add_group (self, _("People"), people, FALSE, G_TYPE_INVALID, NULL);
      add_group (self, _("Partnerships"), partnerships, FALSE, G_TYPE_INVALID, NULL);
      add_group (self, _("Placements"), placements, FALSE, G_TYPE_INVALID, NULL);
    }
  else if (type == SE_TYPE_PERSON)
    {
      g_autoptr(GPtrArray) participations = find (self, SE_TYPE_PARTICIPANT, "person-id");
      g_autoptr(GPtrArray) signatures = find (self, SE_TYPE_SIGNATORY, "person-id");
      g_autoptr(GPtrArray) approvals = find (self, SE_TYPE_APPROVAL, "person-id");
      g_autoptr(GPtrArray) placements = follow (self, participations, SE_TYPE_PLACEMENT,
                                                "placement-id");
      g_autoptr(GPtrArray) signed_agreements = follow (self, signatures, SE_TYPE_AGREEMENT,
                                                       "agreement-id");
      g_autoptr(GPtrArray) approved = follow (self, approvals, SE_TYPE_AGREEMENT,
                                              "agreement-id");

      add_group (self, _("Placements"), placements, FALSE, G_TYPE_INVALID, NULL);
      add_group (self, _("Signed Agreements"), signed_agreements, FALSE, G_TYPE_INVALID, NULL);
      if (approved->len > 0)
        add_group (self, _("Approved Agreements"), approved, FALSE, G_TYPE_INVALID, NULL);
    }
}

/* Job swap: two people crossing, in one go */

typedef struct
{
  SeRecordPage *page;
  GtkWidget    *window;
  SeRecordForm *first;
  SeRecordForm *second;
  GtkWidget    *error;
} SwapDialog;

static void
swap_dialog_free (SwapDialog *d)
{
  g_free (d);
}

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
on_swap_add (GtkButton  *button,
             SwapDialog *d)
{
  SeStore *store = d->page->store;
  g_autoptr(SeRecord) a = NULL;
  g_autoptr(SeRecord) b = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gint64 home_a, home_b;

  a = se_record_form_collect (d->first, &field, &error);
  if (a == NULL)
    {
      se_record_form_show_error (d->first, field, error->message);
      return;
    }
  b = se_record_form_collect (d->second, &field, &error);
  if (b == NULL)
    {
      se_record_form_show_error (d->second, field, error->message);
      return;
    }
  if (!person_home (store, a, &home_a) || !person_home (store, b, &home_b) || home_a == home_b)
    {
      gtk_label_set_text (GTK_LABEL (d->error),
                          _("Each person needs an organisation of their own, and the two must "
                            "differ. Set the organisation on each person's page first."));
      gtk_widget_set_visible (d->error, TRUE);
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
      gtk_label_set_text (GTK_LABEL (d->error), error->message);
      gtk_widget_set_visible (d->error, TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (d->window));
}

static SeRecordForm *
swap_form (SeRecordPage *self)
{
  g_autoptr(SeRecord) p = SE_RECORD (se_participant_new ());
  SeRecordForm *form;

  se_record_set_reference (p, "placement-id", se_record_get_id (self->record));
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
on_job_swap_clicked (GtkButton    *button,
                     SeRecordPage *self)
{
  SwapDialog *d = g_new0 (SwapDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Both"));
  GtkWidget *intro = gtk_label_new (_("Each of the two goes to the other's organisation. Their "
                                      "home organisations are taken from their records."));

  d->page = self;
  d->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (d->window), _("Add Job Swap Pair"));
  gtk_window_set_transient_for (GTK_WINDOW (d->window), parent_window (self));
  gtk_window_set_modal (GTK_WINDOW (d->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (d->window), 440, -1);
  g_object_set_data_full (G_OBJECT (d->window), "se-swap", d, (GDestroyNotify) swap_dialog_free);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), d->window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_name (add, "add-both");
  g_signal_connect (add, "clicked", G_CALLBACK (on_swap_add), d);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (box), header);

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (content), intro);
  d->first = swap_form (self);
  d->second = swap_form (self);
  gtk_widget_set_name (GTK_WIDGET (d->first), "first");
  gtk_widget_set_name (GTK_WIDGET (d->second), "second");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (d->first));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (d->second));
  d->error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (d->error), TRUE);
  gtk_widget_add_css_class (d->error, "error");
  gtk_widget_set_visible (d->error, FALSE);
  gtk_box_append (GTK_BOX (content), d->error);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (d->window), box);

  gtk_window_present (GTK_WINDOW (d->window));
}

static void
add_job_swap_button (SeRecordPage *self,
                     GtkWidget    *group)
{
  GtkWidget *button;

  if (se_store_is_read_only (self->store))
    return;

  button = gtk_button_new_with_mnemonic (_("Add _Job Swap Pair…"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, "job-swap-pair");
  g_signal_connect (button, "clicked", G_CALLBACK (on_job_swap_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
}

/* Building */

static void
on_form_open_record (SeRecordForm *form,
                     SeRecord     *record,
                     SeRecordPage *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_RECORD], 0, record);
}

static void
update_header (SeRecordPage *self)
{
  g_autofree char *title = NULL;
  const char *kind = se_record_class_get_kind_label (SE_RECORD_GET_CLASS (self->record));
  gboolean is_new = se_record_get_id (self->record) == 0;

  if (is_new)
    /* Translators: page title, %s is a kind of record, e.g. "New Placement" */
    title = g_strdup_printf (_("New %s"), kind);
  else
    title = se_describe_title (self->store, self->record);

  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, is_new ? NULL : kind);

  gtk_widget_set_visible (self->cancel_button, self->editing);
  gtk_widget_set_visible (self->done_button, self->editing);
  gtk_widget_set_visible (self->edit_button, !self->editing);
  gtk_widget_set_visible (self->menu_button, !self->editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit",
                                 !self->editing && !se_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save", self->editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel", self->editing);
}

static void
rebuild (SeRecordPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->body)) != NULL)
    gtk_box_remove (GTK_BOX (self->body), child);
  self->form = NULL;

  if (self->record == NULL)
    {
      gtk_widget_set_visible (self->cancel_button, FALSE);
      gtk_widget_set_visible (self->done_button, FALSE);
      gtk_widget_set_visible (self->edit_button, FALSE);
      gtk_widget_set_visible (self->menu_button, FALSE);
      return;
    }

  self->form = se_record_form_new (self->store, self->record, self->editing);
  g_signal_connect (self->form, "open-record", G_CALLBACK (on_form_open_record), self);
  gtk_box_append (GTK_BOX (self->body), GTK_WIDGET (self->form));

  if (!self->editing && se_record_get_id (self->record) != 0)
    build_related (self);

  update_header (self);
}

static gboolean
rebuild_idle (gpointer data)
{
  SeRecordPage *self = data;

  self->rebuild_source = 0;
  if (!self->editing)
    {
      double value = gtk_adjustment_get_value (
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
          gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (self->body))))));
      rebuild (self);
      gtk_adjustment_set_value (
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
          gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (self->body))))),
        value);
    }
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (SeStore      *store,
                  SeRecordPage *self)
{
  /* The record itself may be gone (deleted elsewhere): the window takes
   * care of that; here only the shown values and related records. */
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_idle, self);
}

/**
 * se_record_page_show:
 * @self: a page
 * @record: (nullable): a stored record, or a new one (id 0)
 * @editing: whether to start in edit mode (always for a new record)
 */
void
se_record_page_show (SeRecordPage *self,
                     SeRecord     *record,
                     gboolean      editing)
{
  g_return_if_fail (SE_IS_RECORD_PAGE (self));

  g_set_object (&self->record, record);
  self->editing = editing || (record != NULL && se_record_get_id (record) == 0);
  rebuild (self);

  if (self->editing && self->form != NULL)
    se_record_form_focus_first (self->form);
}

/**
 * se_record_page_save:
 *
 * Saves what the user entered. On failure the page stays in edit mode
 * with the input as it was and the message at the field at fault.
 *
 * Returns: %TRUE if the record was stored
 */
gboolean
se_record_page_save (SeRecordPage *self)
{
  g_autoptr(SeRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  g_return_val_if_fail (SE_IS_RECORD_PAGE (self), FALSE);
  g_return_val_if_fail (self->editing, FALSE);

  copy = se_record_form_collect (self->form, &field, &error);
  if (copy == NULL || !se_store_save (self->store, copy, &field, &error))
    {
      se_record_form_show_error (self->form, field, error->message);
      return FALSE;
    }

  if (se_record_get_id (self->record) == 0)
    g_set_object (&self->record, copy);
  else
    {
      g_autoptr(SeRecord) stored = se_store_lookup (self->store, G_OBJECT_TYPE (copy),
                                                    se_record_get_id (copy));
      g_set_object (&self->record, (stored != NULL ? stored : copy));
    }

  self->editing = FALSE;
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->record);
  return TRUE;
}

void
se_record_page_cancel (SeRecordPage *self)
{
  gboolean was_new;

  g_return_if_fail (SE_IS_RECORD_PAGE (self));

  was_new = self->record != NULL && se_record_get_id (self->record) == 0;
  self->editing = FALSE;
  if (was_new)
    g_clear_object (&self->record);
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeRecordPage *self = SE_RECORD_PAGE (widget);

  se_record_page_show (self, self->record, TRUE);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  se_record_page_save (SE_RECORD_PAGE (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  se_record_page_cancel (SE_RECORD_PAGE (widget));
}

SeRecord *
se_record_page_get_record (SeRecordPage *self)
{
  g_return_val_if_fail (SE_IS_RECORD_PAGE (self), NULL);

  return self->record;
}

gboolean
se_record_page_get_editing (SeRecordPage *self)
{
  g_return_val_if_fail (SE_IS_RECORD_PAGE (self), FALSE);

  return self->editing;
}

/**
 * se_record_page_get_form:
 *
 * Returns: (transfer none) (nullable): the form of the shown record
 */
GtkWidget *
se_record_page_get_form (SeRecordPage *self)
{
  g_return_val_if_fail (SE_IS_RECORD_PAGE (self), NULL);

  return GTK_WIDGET (self->form);
}

static void
se_record_page_dispose (GObject *object)
{
  SeRecordPage *self = SE_RECORD_PAGE (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_RECORD_PAGE);

  G_OBJECT_CLASS (se_record_page_parent_class)->dispose (object);
}

static void
se_record_page_finalize (GObject *object)
{
  SeRecordPage *self = SE_RECORD_PAGE (object);

  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (se_record_page_parent_class)->finalize (object);
}

static void
se_record_page_class_init (SeRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = se_record_page_dispose;
  object_class->finalize = se_record_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-record-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, title);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, body);

  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "page.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "page.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "page.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "page.edit",
                                       NULL);

  signals[SIGNAL_OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, SE_TYPE_RECORD);
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, SE_TYPE_RECORD);
  signals[SIGNAL_CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
se_record_page_init (SeRecordPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

/**
 * se_record_page_new:
 *
 * Returns: (transfer floating): an empty page for records of @store
 */
SeRecordPage *
se_record_page_new (SeStore *store)
{
  SeRecordPage *self = g_object_new (SE_TYPE_RECORD_PAGE, NULL);

  self->store = g_object_ref (store);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  return self;
}

/**
 * se_record_page_get_back_button:
 *
 * Returns: (transfer none): the button that goes back to the list, for the
 *   window to show when it is folded
 */
GtkWidget *
se_record_page_get_back_button (SeRecordPage *self)
{
  return self->back_button;
}
