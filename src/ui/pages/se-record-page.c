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
#include "se-conflict-dialog.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-job-swap-dialog.h"
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
#include "se-pages-private.h"
#include "se-signatory.h"
#include "se-unit.h"

/* The detail page of a partnership, placement, agreement, organisation or
 * person: every field, and the records related to it. Records that are
 * parts of it (participants, programme items, signatories ...) are added
 * and edited in a dialog; other related records are links. Edit mode
 * replaces the fields by editors; Done saves, Cancel drops the changes.
 *
 * Every button and row activates one of the page's actions; those that
 * act on a related record take its type's name and id, so that no widget
 * carries a record. */

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
  GtkWidget      *presence_revealer;
  GtkWidget      *presence_label;
  GtkWidget      *changed_revealer;
  GtkWidget      *changed_label;
  GtkWidget      *reload_button;
  GtkWidget      *compare_button;

  SeStore      *store;
  SeRecord     *record;
  gboolean      editing;
  SeRecordForm *form;
  guint         rebuild_source;
  SeRecord       *theirs; /* the stored version a conflict dialog shows */
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

/* Opens a related record: the parameter is its type's name and its id */
static void
open_record_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SeRecordPage *self = SE_RECORD_PAGE (widget);
  const char *type_name;
  gint64 id;
  GType type;
  g_autoptr(SeRecord) record = NULL;

  g_variant_get (parameter, "(&sx)", &type_name, &id);
  type = g_type_from_name (type_name);
  if (g_type_is_a (type, SE_TYPE_RECORD))
    record = se_store_lookup (self->store, type, id);
  if (record != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_RECORD], 0, record);
}

/* Edits a part of the record in a dialog, by its type's name and id */
static void
edit_part_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeRecordPage *self = SE_RECORD_PAGE (widget);
  const char *type_name;
  gint64 id;
  GType type;
  g_autoptr(SeRecord) part = NULL;

  g_variant_get (parameter, "(&sx)", &type_name, &id);
  type = g_type_from_name (type_name);
  if (g_type_is_a (type, SE_TYPE_RECORD))
    part = se_store_lookup (self->store, type, id);
  if (part != NULL)
    {
      /* The dialog edits a copy: the page's records stay as stored */
      g_autoptr(SeRecord) copy = se_record_copy (part);

      gtk_window_present (GTK_WINDOW (se_record_dialog_new (parent_window (self), self->store,
                                                            copy)));
    }
}

/* Adds a part to the record in a dialog: the parameter is the part's
 * type's name and its field that refers to the record */
static void
add_part_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SeRecordPage *self = SE_RECORD_PAGE (widget);
  const char *type_name, *owner_field;
  GType type;
  g_autoptr(SeRecord) part = NULL;

  g_variant_get (parameter, "(&s&s)", &type_name, &owner_field);
  type = g_type_from_name (type_name);
  if (self->record == NULL || se_store_is_read_only (self->store)
      || !g_type_is_a (type, SE_TYPE_RECORD))
    return;
  part = g_object_new (type, NULL);

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
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "page.add-part");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "(ss)", g_type_name (part_type),
                                        owner_field);
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
                                 se_record_row_new (self->store, g_ptr_array_index (records, i),
                                                    are_parts ? "page.edit-part"
                                                              : "page.open-record",
                                                    are_parts ? "document-edit-symbolic"
                                                              : "go-next-symbolic"));

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
attach_document_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SeRecordPage *self = SE_RECORD_PAGE (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *pdf, *all;

  if (self->record == NULL || !SE_IS_AGREEMENT (self->record)
      || se_store_is_read_only (self->store))
    return;
  pdf = gtk_file_filter_new ();
  all = gtk_file_filter_new ();

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
open_document_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeRecordPage *self = SE_RECORD_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  const char *name;

  if (self->record == NULL || !SE_IS_AGREEMENT (self->record))
    return;
  bytes = se_store_load_document (self->store, se_record_get_id (self->record), &error);
  name = se_record_get_string (self->record, "document-name");
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
remove_document_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SeRecordPage *self = SE_RECORD_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->record == NULL || !SE_IS_AGREEMENT (self->record)
      || se_store_is_read_only (self->store))
    return;
  if (!se_store_remove_document (self->store, se_record_get_id (self->record), &error))
    show_problem (self, error->message);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
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

  if (name != NULL)
    {
      GtkWidget *open = icon_button ("document-open-symbolic", _("Open Signed Document"),
                                     "page.open-document");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      if (writable)
        {
          GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove Signed Document"),
                                           "page.remove-document");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
    }
  if (writable)
    {
      GtkWidget *attach = icon_button ("mail-attachment-symbolic",
                                       name != NULL ? _("Replace Signed Document")
                                                    : _("Attach Signed Document"),
                                       "page.attach-document");
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

static void
add_job_swap_pair_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SeRecordPage *self = SE_RECORD_PAGE (widget);

  if (self->record == NULL || !SE_IS_PLACEMENT (self->record)
      || se_store_is_read_only (self->store))
    return;
  gtk_window_present (GTK_WINDOW (se_job_swap_dialog_new (parent_window (self), self->store,
                                                          self->record)));
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
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.add-job-swap-pair");
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

/* Who else is editing the record shown (on a server): a hint before one
 * starts editing too. While editing, this store tells the others. */
static void
update_presence (SeRecordPage *self)
{
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;

  if (self->store == NULL)
    return;
  se_store_set_editing (self->store, self->editing ? self->record : NULL);
  if (self->record == NULL)
    ;
  else if (!self->editing && (who = se_store_dup_editor (self->store, self->record)) != NULL)
    /* Translators: %1$s is a user name on the database server, %2$s a kind
     * of record, e.g. "m.becker is editing this Placement." */
    text = g_strdup_printf (_("%1$s is editing this %2$s. Your changes and theirs could "
                              "meet: if you edit it too, saving asks which to keep."),
                               who, se_record_class_get_kind_label (SE_RECORD_GET_CLASS (self->record)));
  /* starting an edit while a colleague imports, when saving is refused */
  else if (self->editing && (who = se_store_dup_maintainer (self->store)) != NULL)
    /* Translators: %s is a user name on the database server */
    text = g_strdup_printf (_("%s is importing data into the database. Until that is done, "
                              "saving is refused: save again then."),
                               who);

  if (text != NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->presence_label), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->presence_revealer),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->presence_revealer), text != NULL);
}

static void
on_presence_changed (SeStore      *store,
                     GType         type,
                     gint64        id,
                     SeRecordPage *self)
{
  if (self->record != NULL && G_OBJECT_TYPE (self->record) == type
      && se_record_get_id (self->record) == id)
    update_presence (self);
}

static void
rebuild (SeRecordPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->body)) != NULL)
    gtk_box_remove (GTK_BOX (self->body), child);
  self->form = NULL;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->changed_revealer), FALSE);
  update_presence (self);

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

/* The record being edited was changed or deleted elsewhere (a colleague's
 * save reached the store): the edit goes on, with a line that says who and
 * when, and offers to reload it or to compare. */
static void
show_changed_line (SeRecordPage *self,
                   SeRecord     *live)
{
  g_autofree char *text = NULL;
  g_autofree char *actor = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *when = NULL;

  if (live != NULL && se_store_get_last_change (self->store, live, &actor, &at))
    when = se_date_time_format_change (at);

  if (live == NULL)
    text = g_strdup (_("Deleted elsewhere. Done asks what to do with your changes."));
  else if (actor != NULL && when != NULL)
    /* Translators: %1$s is a database user name, %2$s a time such as "10:42" */
    text = g_strdup_printf (_("Changed by %1$s at %2$s."), actor, when);
  else if (when != NULL)
    /* Translators: %s is a time such as "10:42" */
    text = g_strdup_printf (_("Changed elsewhere at %s."), when);
  else
    text = g_strdup (_("Changed elsewhere."));

  gtk_label_set_text (GTK_LABEL (self->changed_label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->changed_revealer),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_visible (self->reload_button, live != NULL);
  gtk_widget_set_visible (self->compare_button, live != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.reload", live != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.compare", live != NULL);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->changed_revealer), TRUE);
}

/* The stored record of the shown one, or NULL if it is gone */
static SeRecord *
lookup_stored (SeRecordPage *self)
{
  return se_store_lookup (self->store, G_OBJECT_TYPE (self->record),
                          se_record_get_id (self->record));
}

static gboolean
rebuild_idle (gpointer data)
{
  SeRecordPage *self = data;
  g_autoptr(SeRecord) live = NULL;

  self->rebuild_source = 0;

  if (self->record != NULL && se_record_get_id (self->record) != 0)
    {
      live = lookup_stored (self);
      if (live == NULL && !self->editing)
        {
          /* deleted elsewhere */
          g_clear_object (&self->record);
          rebuild (self);
          g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
          return G_SOURCE_REMOVE;
        }
      if (self->editing
          && (live == NULL
              || se_record_get_row_version (live)
                   != se_record_get_row_version (se_record_form_get_record (self->form))))
        show_changed_line (self, live);
    }

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
  /* The shown values and related records, and whether the record itself
   * was changed or deleted elsewhere */
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

static void present_conflict (SeRecordPage *self,
                              SeRecord     *theirs,
                              SeRecord     *mine,
                              const char   *message,
                              gboolean      compare);

/* Stores @copy, the user's input; on failure the page stays in edit mode
 * with the input as it was, and says why: at the field at fault, or in
 * the conflict dialog when another has changed or deleted the record. */
static void
save_copy (SeRecordPage *self,
           SeRecord     *copy)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  if (!se_store_save (self->store, copy, &field, &error))
    {
      if (g_error_matches (error, SE_STORE_ERROR, SE_STORE_ERROR_CONFLICT)
          || (g_error_matches (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND)
              && se_record_get_id (copy) != 0))
        present_conflict (self, se_store_error_get_stored (error), copy, error->message, FALSE);
      else
        se_record_form_show_error (self->form, field, error->message);
      return;
    }

  if (se_record_get_id (self->record) == 0 || se_record_get_id (self->record) != se_record_get_id (copy))
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
}

/* The user's input, if valid; if not, the form says why */
static SeRecord *
collect (SeRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  SeRecord   *copy = se_record_form_collect (self->form, &field, &error);

  if (copy == NULL)
    se_record_form_show_error (self->form, field, error->message);
  return copy;
}

/* Saves what the user entered (page.save) */
static void
save (SeRecordPage *self)
{
  g_autoptr(SeRecord) copy = NULL;

  if (!self->editing)
    return;

  copy = collect (self);
  if (copy != NULL)
    save_copy (self, copy);
}

/* Leaves edit mode for the stored record, or for none if it is gone */
static void
keep_theirs (SeRecordPage *self)
{
  g_autoptr(SeRecord) live = lookup_stored (self);

  self->editing = FALSE;
  g_set_object (&self->record, live);
  rebuild (self);
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

static void
on_conflict_answer (SeConflictAnswer answer,
                    gpointer         data)
{
  SeRecordPage *self = data;
  g_autoptr(SeRecord) copy = NULL;

  /* the page may have moved on while the dialog was open */
  if (!self->editing || self->record == NULL || self->form == NULL)
    return;

  switch (answer)
    {
    case SE_CONFLICT_KEEP_EDITING:
      break;

    case SE_CONFLICT_KEEP_THEIRS:
      keep_theirs (self);
      break;

    case SE_CONFLICT_SAVE_MINE:
      copy = collect (self);
      if (copy == NULL || self->theirs == NULL)
        break;
      /* on top of the version the user has seen; should that have moved
       * on too, the save is refused again and the dialog says so */
      se_record_set_row_version (copy, se_record_get_row_version (self->theirs));
      save_copy (self, copy);
      break;

    case SE_CONFLICT_SAVE_AS_NEW:
      copy = collect (self);
      if (copy == NULL)
        break;
      se_record_set_id (copy, 0);
      se_record_set_row_version (copy, 0);
      save_copy (self, copy);
      break;
    }
}

static void
present_conflict (SeRecordPage *self,
                  SeRecord     *theirs,
                  SeRecord     *mine,
                  const char   *message,
                  gboolean      compare)
{
  g_clear_object (&self->theirs);
  if (theirs != NULL)
    self->theirs = se_record_copy (theirs);
  se_conflict_dialog_present (parent_window (self), self->store, self->theirs, mine, message,
                              compare, on_conflict_answer, g_object_ref (self), g_object_unref);
}

/* page.reload: the version saved elsewhere, in the editor */
static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SeRecordPage *self = SE_RECORD_PAGE (widget);
  g_autoptr(SeRecord) live = NULL;

  if (!self->editing || self->record == NULL)
    return;
  live = lookup_stored (self);
  if (live != NULL)
    se_record_page_show (self, live, TRUE);
}

/* page.compare: their values beside what the user has entered */
static void
compare_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SeRecordPage *self = SE_RECORD_PAGE (widget);
  g_autoptr(SeRecord) live = NULL;
  g_autoptr(SeRecord) mine = NULL;

  if (!self->editing || self->record == NULL)
    return;
  live = lookup_stored (self);
  if (live == NULL)
    return;
  mine = se_record_form_dup_input (self->form);
  present_conflict (self, live, mine, gtk_label_get_text (GTK_LABEL (self->changed_label)), TRUE);
}

/* Drops the changes (page.cancel); a new record is dropped altogether */
static void
cancel (SeRecordPage *self)
{
  gboolean was_new;

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
  save (SE_RECORD_PAGE (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cancel (SE_RECORD_PAGE (widget));
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
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      if (self->editing)
        se_store_set_editing (self->store, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_RECORD_PAGE);

  G_OBJECT_CLASS (se_record_page_parent_class)->dispose (object);
}

static void
se_record_page_finalize (GObject *object)
{
  SeRecordPage *self = SE_RECORD_PAGE (object);

  g_clear_object (&self->record);
  g_clear_object (&self->theirs);
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
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, presence_revealer);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, presence_label);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, changed_revealer);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, changed_label);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, reload_button);
  gtk_widget_class_bind_template_child (widget_class, SeRecordPage, compare_button);

  gtk_widget_class_install_action (widget_class, "page.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "page.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "page.compare", NULL, compare_activated);
  gtk_widget_class_install_action (widget_class, "page.open-record", "(sx)",
                                   open_record_activated);
  gtk_widget_class_install_action (widget_class, "page.edit-part", "(sx)", edit_part_activated);
  gtk_widget_class_install_action (widget_class, "page.add-part", "(ss)", add_part_activated);
  gtk_widget_class_install_action (widget_class, "page.add-job-swap-pair", NULL,
                                   add_job_swap_pair_activated);
  gtk_widget_class_install_action (widget_class, "page.attach-document", NULL,
                                   attach_document_activated);
  gtk_widget_class_install_action (widget_class, "page.open-document", NULL,
                                   open_document_activated);
  gtk_widget_class_install_action (widget_class, "page.remove-document", NULL,
                                   remove_document_activated);
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
  g_signal_connect (store, "presence-changed", G_CALLBACK (on_presence_changed), self);
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
