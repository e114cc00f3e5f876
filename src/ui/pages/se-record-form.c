/* se-record-form.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-field-type.h"
#include "se-organisation.h"
#include "se-agreement.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-query-model.h"
#include "se-record-form.h"
#include "se-topic.h"

/* Shows the fields of a record, or edits them. The form is built from the
 * record's field table, so every kind gets the same behaviour: dates typed
 * in the locale's format or picked from a calendar, choices from combo
 * rows, other records from a searchable list (organisations and people can
 * be created there). Editing works on a copy: the stored record changes
 * only when the caller saves what se_record_form_collect() returns.
 *
 * Which editor a field gets is the core's to say (SeFieldTypeInfo.editor);
 * the editors table below builds, reads back and shows each kind. The form
 * keeps one FormRow per field it shows, with the widgets and the choice a
 * picker holds. */

struct _SeRecordForm
{
  GtkBox      parent_instance;

  SeStore    *store;
  SeRecord   *record;
  gboolean    editing;

  GtkWidget  *error_revealer;
  GtkWidget  *error_label;
  GtkWidget  *group;
  GPtrArray  *rows;      /* FormRow, in field order */
};

typedef struct _Picker Picker;

/* What the form keeps of each field it shows. The row widget is a child
 * of the form's group and lives as long as the form. */
typedef struct
{
  SeRecordForm  *form;
  const SeField *field;
  GtkWidget     *widget;    /* the row, as se_record_form_get_editor() returns it */
  GtkWidget     *editor;    /* the switch, spin button or text view in it, if any */
  gint64         reference; /* a picker's choice */
  Picker        *picker;    /* a reference's picker: lives as long as the row */
} FormRow;

enum {
  SIGNAL_OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SeRecordForm, se_record_form, GTK_TYPE_BOX)

static FormRow *
find_row (SeRecordForm *self,
          const char   *field)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FormRow *row = g_ptr_array_index (self->rows, i);

      if (strcmp (row->field->name, field) == 0)
        return row;
    }
  return NULL;
}

/* Viewing */

static char *
show_text (SeStore       *store,
           SeRecord      *record,
           const SeField *field)
{
  const char *text = se_record_get_string (record, field->name);
  char *(*format) (const char *) = se_field_get_info (field)->format;

  return format != NULL ? format (text) : g_strdup (text);
}

static char *
show_number (SeStore       *store,
             SeRecord      *record,
             const SeField *field)
{
  int n = se_record_get_int (record, field->name);

  /* Translators: a quota of 0 means there is none */
  return n == 0 ? g_strdup (_("None")) : g_strdup_printf ("%d", n);
}

static char *
show_yes_no (SeStore       *store,
             SeRecord      *record,
             const SeField *field)
{
  return g_strdup (se_record_get_int (record, field->name) ? _("Yes") : _("No"));
}

static char *
show_choice (SeStore       *store,
             SeRecord      *record,
             const SeField *field)
{
  return g_strdup (se_enum_get_label (field->target (),
                                      se_record_get_int (record, field->name)));
}

static char *
show_reference (SeStore       *store,
                SeRecord      *record,
                const SeField *field)
{
  return se_describe_reference (store, record, field->name);
}

static void
on_reference_activated (AdwActionRow *widget,
                        FormRow      *row)
{
  SeRecordForm *self = row->form;
  g_autoptr(SeRecord) target = se_store_lookup (self->store, row->field->target (),
                                                se_record_get_reference (self->record,
                                                                         row->field->name));

  if (target != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_RECORD], 0, target);
}

/* Editing: dates */

static void
on_day_selected (GtkCalendar *calendar,
                 GtkWidget   *row)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");
  g_autofree char *text = se_date_format (iso);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                             GTK_TYPE_POPOVER)));
}

static void
on_calendar_shown (GtkPopover *popover,
                   GtkWidget  *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *iso = se_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)));
  GDate date;

  if (iso != NULL && se_date_to_gdate (iso, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 0, 0, 0);
      gtk_calendar_select_day (calendar, dt);
    }
}

static GtkWidget *
create_date (SeRecordForm *self,
             FormRow      *owner)
{
  GtkWidget *row = adw_entry_row_new ();
  const char *value = se_record_get_string (self->record, owner->field->name);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  g_autofree char *text = se_date_format (value);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick a Date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected), row);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_shown), row);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  return row;
}

/* Editing: references */

struct _Picker
{
  SeRecordForm  *form;
  const SeField *field;
  FormRow       *owner;         /* valid while form is */
  GtkWidget     *row;
  GtkWidget     *popover;
  GtkWidget     *entry;
  GtkWidget     *create_button;
  GtkFilter     *filter;        /* the small kinds: all records, filtered here */
  SeQueryModel  *query;         /* the large kinds: sorted and searched by SQL */
};

/* Everything that calls back into the picker lives in its popover. */
static void
picker_free (gpointer  data,
             GObject  *popover)
{
  Picker *picker = data;

  if (picker->row != NULL)
    g_object_remove_weak_pointer (G_OBJECT (picker->row), (gpointer *) &picker->row);
  if (picker->form != NULL)
    {
      if (picker->owner->picker == picker)
        picker->owner->picker = NULL;
      g_object_remove_weak_pointer (G_OBJECT (picker->form), (gpointer *) &picker->form);
    }
  g_clear_object (&picker->filter);
  g_clear_object (&picker->query);
  g_free (picker);
}

static void
set_reference (Picker *picker,
               gint64  id)
{
  g_autoptr(SeRecord) target = NULL;
  g_autofree char *title = NULL;

  /* The form may be gone while its popover still answers. */
  if (picker->row == NULL || picker->form == NULL)
    return;

  target = se_store_lookup (picker->form->store, picker->field->target (), id);
  title = target != NULL ? se_describe_title (picker->form->store, target) : NULL;

  picker->owner->reference = id;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (picker->row),
                               title != NULL && *title ? title : _("None"));
}

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  Picker *picker = user_data;
  const char *text = picker->entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (picker->entry))
                                           : NULL;

  if (picker->form == NULL)
    return TRUE;
  g_autofree char *needle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *hay = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  title = se_describe_title (picker->form->store, item);
  hay = g_utf8_casefold (title, -1);
  return strstr (hay, needle) != NULL;
}

static gboolean
can_create (GType type)
{
  return type == SE_TYPE_ORGANISATION || type == SE_TYPE_PERSON || type == SE_TYPE_TOPIC;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   Picker         *picker)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *label = NULL;

  if (picker->query != NULL)
    se_query_model_set_search (picker->query, text);
  else
    gtk_filter_changed (picker->filter, GTK_FILTER_CHANGE_DIFFERENT);

  if (picker->create_button == NULL)
    return;

  gtk_widget_set_visible (picker->create_button, text != NULL && *text != '\0');
  /* Translators: %s is what the user typed, e.g. "Create “Stadt Detmold”" */
  label = g_strdup_printf (_("Create “%s”"), text);
  gtk_button_set_label (GTK_BUTTON (picker->create_button), label);
}

static void
on_pick_activated (GtkListView *view,
                   guint        position,
                   Picker      *picker)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(SeRecord) record = g_list_model_get_item (model, position);

  set_reference (picker, se_record_get_id (record));
  gtk_popover_popdown (GTK_POPOVER (picker->popover));
}

static Picker *
find_picker (SeRecordForm *self,
             GVariant     *field)
{
  const char *name = g_variant_get_string (field, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FormRow *row = g_ptr_array_index (self->rows, i);

      if (row->picker != NULL && g_str_equal (row->field->name, name))
        return row->picker;
    }
  return NULL;
}

/* form.create-reference (the field's name): a new record of the picker's
 * kind from the words typed in its search, chosen at once. */
static void
create_reference (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  Picker *picker = find_picker (SE_RECORD_FORM (widget), parameter);
  g_autofree char *text = NULL;
  GType type;
  g_autoptr(SeRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (picker == NULL || picker->entry == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (picker->entry))));
  if (*text == '\0')
    return;
  type = picker->field->target ();
  record = g_object_new (type, NULL);

  if (type == SE_TYPE_PERSON)
    {
      char *space = strrchr (text, ' ');
      if (space != NULL)
        {
          *space = '\0';
          se_record_set_string (record, "given-name", text);
          se_record_set_string (record, "family-name", space + 1);
        }
      else
        se_record_set_string (record, "family-name", text);
    }
  else
    se_record_set_string (record, "name", text);

  if (picker->form == NULL)
    return;
  if (!se_store_save (picker->form->store, record, NULL, &error))
    {
      se_record_form_show_error (picker->form, picker->field->name, error->message);
      return;
    }

  set_reference (picker, se_record_get_id (record));
  gtk_popover_popdown (GTK_POPOVER (picker->popover));
}

/* form.clear-reference (the field's name) */
static void
clear_reference (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  Picker *picker = find_picker (SE_RECORD_FORM (widget), parameter);

  if (picker != NULL)
    set_reference (picker, 0);
}

static void
setup_pick_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_pick_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               Picker                   *picker)
{
  g_autofree char *title = NULL;

  if (picker->form == NULL)
    return;
  title = se_describe_title (picker->form->store, gtk_list_item_get_item (item));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), title);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  SeStore *store = user_data;
  g_autofree char *ta = se_describe_title (store, (SeRecord *) a);
  g_autofree char *tb = se_describe_title (store, (SeRecord *) b);

  return g_utf8_collate (ta, tb);
}

static void
on_picker_shown (GtkPopover *popover,
                 Picker     *picker)
{
  gtk_editable_set_text (GTK_EDITABLE (picker->entry), "");
  gtk_widget_grab_focus (picker->entry);
}

/* The kinds a database may hold tens of thousands of, which SeQueryModel
 * sorts and searches in SQL: loading them all to sort them by title took
 * seconds for each picker of a form on a large database. */
static gboolean
is_large_kind (GType type)
{
  return type == SE_TYPE_PLACEMENT || type == SE_TYPE_AGREEMENT || type == SE_TYPE_PARTNERSHIP
         || type == SE_TYPE_PERSON || type == SE_TYPE_ORGANISATION;
}

/* What the picker lists: the large kinds as the window's lists sort them,
 * searched word by word from the start; the others by title, searched
 * anywhere in it. */
static GListModel *
picker_model (SeRecordForm *self,
              Picker       *picker,
              GType         type)
{
  GListModel *list;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;

  if (is_large_kind (type))
    {
      picker->query = se_query_model_new (self->store, type);
      return g_object_ref (G_LIST_MODEL (picker->query));
    }

  list = se_store_get_list (self->store, type);
  filter = gtk_custom_filter_new (matches_search, picker, NULL);
  picker->filter = g_object_ref (GTK_FILTER (filter));
  filtered = gtk_filter_list_model_new (g_object_ref (list), GTK_FILTER (filter));
  return G_LIST_MODEL (gtk_sort_list_model_new (
    G_LIST_MODEL (filtered),
    GTK_SORTER (gtk_custom_sorter_new (compare_titles, g_object_ref (self->store),
                                       g_object_unref))));
}

static GtkWidget *
create_picker (SeRecordForm *self,
               FormRow      *owner)
{
  const SeField *field = owner->field;
  Picker *picker = g_new0 (Picker, 1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (picker_model (self, picker,
                                                                  field->target ()));
  GtkWidget *view;

  picker->form = self;
  picker->owner = owner;
  owner->picker = picker;
  picker->field = field;
  picker->row = row;
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &picker->row);
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &picker->form);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), se_field_get_label (field));

  picker->entry = gtk_search_entry_new ();
  g_object_set (picker->entry, "placeholder-text", _("Search"), NULL);
  gtk_box_append (GTK_BOX (box), picker->entry);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_pick_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_pick_row), picker);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  se_field_get_label (field), -1);
  g_signal_connect (view, "activate", G_CALLBACK (on_pick_activated), picker);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (box), scrolled);

  if (can_create (field->target ()))
    {
      picker->create_button = gtk_button_new ();
      gtk_widget_set_visible (picker->create_button, FALSE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (picker->create_button),
                                      "form.create-reference");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (picker->create_button), "s", field->name);
      gtk_box_append (GTK_BOX (box), picker->create_button);
    }

  g_signal_connect (picker->entry, "search-changed", G_CALLBACK (on_search_changed), picker);

  picker->popover = gtk_popover_new ();
  g_object_weak_ref (G_OBJECT (picker->popover), picker_free, picker);
  gtk_popover_set_child (GTK_POPOVER (picker->popover), box);
  g_signal_connect (picker->popover, "show", G_CALLBACK (on_picker_shown), picker);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), picker->popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: %s is the name of a field, e.g. "Choose Organisation" */
  {
    g_autofree char *tip = g_strdup_printf (_("Choose %s"), se_field_get_label (field));
    gtk_widget_set_tooltip_text (button, tip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tip, -1);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  if (!(field->flags & SE_FIELD_FLAGS_REQUIRED))
    {
      GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (clear, "flat");
      gtk_widget_set_tooltip_text (clear, _("Clear"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Clear"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "form.clear-reference");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (clear), "s", field->name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
    }

  set_reference (picker, se_record_get_reference (self->record, field->name));
  return row;
}

static void
read_picker (FormRow  *row,
             SeRecord *copy)
{
  se_record_set_reference (copy, row->field->name, row->reference);
}

/* Editing: everything else */

static void
read_date (FormRow  *row,
           SeRecord *copy)
{
  gboolean (*is_valid) (const char *) = se_field_get_info (row->field)->is_valid;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->widget))));
  g_autofree char *iso = NULL;

  /* A partial date such as "1949" is kept as typed: no locale reads it. */
  if (is_valid != NULL && is_valid (text))
    iso = g_strdup (text);
  else
    iso = se_date_parse (text);
  /* What cannot be read stays as typed, so validation names it. */
  se_record_set_string (copy, row->field->name, iso != NULL ? iso : text);
}

static GtkWidget *
create_choice (SeRecordForm *self,
               FormRow      *row)
{
  const SeField *field = row->field;
  g_autoptr(GEnumClass) eclass = g_type_class_ref (field->target ());
  GtkStringList *labels = gtk_string_list_new (NULL);
  int value = se_record_get_int (self->record, field->name);
  GtkWidget *widget = adw_combo_row_new ();

  for (guint i = 0; i < eclass->n_values; i++)
    {
      gtk_string_list_append (labels, se_enum_get_label (field->target (),
                                                         eclass->values[i].value));
      if (eclass->values[i].value == value)
        adw_combo_row_set_selected (ADW_COMBO_ROW (widget), i);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (widget), G_LIST_MODEL (labels));
  g_object_unref (labels);
  for (guint i = 0; i < eclass->n_values; i++)
    if (eclass->values[i].value == value)
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget), i);
  return widget;
}

static void
read_choice (FormRow  *row,
             SeRecord *copy)
{
  g_autoptr(GEnumClass) eclass = g_type_class_ref (row->field->target ());
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (row->widget));

  if (i < eclass->n_values)
    se_record_set_int (copy, row->field->name, eclass->values[i].value);
}

static GtkWidget *
create_switch (SeRecordForm *self,
               FormRow      *row)
{
  GtkWidget *widget = adw_action_row_new ();

  row->editor = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (row->editor),
                         se_record_get_int (self->record, row->field->name));
  gtk_widget_set_valign (row->editor, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), row->editor);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (widget), row->editor);
  return widget;
}

static void
read_switch (FormRow  *row,
             SeRecord *copy)
{
  se_record_set_int (copy, row->field->name, gtk_switch_get_active (GTK_SWITCH (row->editor)));
}

static GtkWidget *
create_spin (SeRecordForm *self,
             FormRow      *row)
{
  GtkWidget *widget = adw_action_row_new ();

  row->editor = gtk_spin_button_new_with_range (0, 100000, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->editor),
                             se_record_get_int (self->record, row->field->name));
  gtk_widget_set_valign (row->editor, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  se_field_get_label (row->field), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), row->editor);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (widget), row->editor);
  return widget;
}

static void
read_spin (FormRow  *row,
           SeRecord *copy)
{
  gtk_spin_button_update (GTK_SPIN_BUTTON (row->editor));
  se_record_set_int (copy, row->field->name,
                     gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->editor)));
}

static GtkWidget *
create_text_view (SeRecordForm *self,
                  FormRow      *row)
{
  GtkWidget *widget = adw_expander_row_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  const char *text = se_record_get_string (self->record, row->field->name);
  GtkWidget *view = row->editor = gtk_text_view_new ();

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 90);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  se_field_get_label (row->field), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_set_margin_start (frame, 12);
  gtk_widget_set_margin_end (frame, 12);
  gtk_widget_set_margin_top (frame, 6);
  gtk_widget_set_margin_bottom (frame, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (widget), frame);
  return widget;
}

static void
read_text_view (FormRow  *row,
                SeRecord *copy)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->editor));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  se_record_set_string (copy, row->field->name, text);
}

static GtkWidget *
create_entry (SeRecordForm *self,
              FormRow      *row)
{
  const char *text = se_record_get_string (self->record, row->field->name);
  GtkWidget *widget = adw_entry_row_new ();

  gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
  return widget;
}

static void
read_entry (FormRow  *row,
            SeRecord *copy)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->widget))));

  se_record_set_string (copy, row->field->name, text);
}

/* The editors, one per SeFieldEditor: what the core's field table names
 * as a field type's editor is built, read back and shown here. */
typedef struct
{
  /* the value as a row's subtitle when the form does not edit */
  char *(*show) (SeStore       *store,
                 SeRecord      *record,
                 const SeField *field);
  /* the row that edits the field, filled from the record */
  GtkWidget *(*create) (SeRecordForm  *self,
                        FormRow       *row);
  /* sets the field of @copy from the row */
  void       (*read)   (FormRow       *row,
                        SeRecord      *copy);
} Editor;

static const Editor editors[SE_FIELD_N_EDITORS] = {
  [SE_FIELD_EDITOR_ENTRY]     = { show_text, create_entry, read_entry },
  [SE_FIELD_EDITOR_TEXT_VIEW] = { show_text, create_text_view, read_text_view },
  [SE_FIELD_EDITOR_DATE]      = { show_text, create_date, read_date },
  [SE_FIELD_EDITOR_SPIN]      = { show_number, create_spin, read_spin },
  [SE_FIELD_EDITOR_SWITCH]    = { show_yes_no, create_switch, read_switch },
  [SE_FIELD_EDITOR_CHOICE]    = { show_choice, create_choice, read_choice },
  [SE_FIELD_EDITOR_PICKER]    = { show_reference, create_picker, read_picker },
};

static const Editor *
editor_of (const SeField *field)
{
  return &editors[se_field_get_info (field)->editor];
}

/**
 * se_record_form_format_value:
 * @store: the store @record is of
 * @record: a record
 * @field: one of its fields
 *
 * Returns: (transfer full) (nullable): @field's value of @record as the
 *   form shows it when it does not edit: what a comparison of two
 *   versions puts side by side
 */
char *
se_record_form_format_value (SeStore       *store,
                             SeRecord      *record,
                             const SeField *field)
{
  g_return_val_if_fail (SE_IS_STORE (store), NULL);
  g_return_val_if_fail (SE_IS_RECORD (record), NULL);

  return editor_of (field)->show (store, record, field);
}

static GtkWidget *
create_view (SeRecordForm *self,
             FormRow      *row)
{
  const SeField *field = row->field;
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *value = editor_of (field)->show (self->store, self->record, field);
  gboolean empty = value == NULL || *value == '\0';

  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), empty ? "—" : value);
  gtk_widget_add_css_class (widget, "property");

  if (se_field_get_info (field)->value == SE_FIELD_VALUE_REFERENCE && !empty)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (widget),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (widget), TRUE);
      g_signal_connect (widget, "activated", G_CALLBACK (on_reference_activated), row);
    }

  return widget;
}

static void
build (SeRecordForm *self)
{
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (SE_RECORD_GET_CLASS (self->record),
                                                      &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const SeField *field = &fields[i];
      FormRow *row;

      if (self->editing && (field->flags & SE_FIELD_FLAGS_STORE_OWNED))
        continue;

      row = g_new0 (FormRow, 1);
      row->form = self;
      row->field = field;
      g_ptr_array_add (self->rows, row);

      row->widget = self->editing ? editor_of (field)->create (self, row)
                                  : create_view (self, row);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->widget),
                                     se_field_get_label (field));
      gtk_widget_set_name (row->widget, field->name);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row->widget);
    }
}

/**
 * se_record_form_dup_input:
 * @self: a form in edit mode
 *
 * Returns: (transfer full): a copy of the record as the edit started,
 *   with its version, and what the user has entered so far, valid or not
 */
SeRecord *
se_record_form_dup_input (SeRecordForm *self)
{
  SeRecord *copy;

  g_return_val_if_fail (SE_IS_RECORD_FORM (self), NULL);
  g_return_val_if_fail (self->editing, NULL);

  copy = se_record_copy (self->record);
  for (guint i = 0; i < self->rows->len; i++)
    {
      FormRow *row = g_ptr_array_index (self->rows, i);

      editor_of (row->field)->read (row, copy);
    }
  return copy;
}

/**
 * se_record_form_collect:
 * @self: a form in edit mode
 * @field: (out) (optional) (transfer none): the field at fault
 * @error: the validation error
 *
 * Returns: (transfer full) (nullable): a copy of the record with what the
 *   user entered, if it is valid; the form keeps its input either way
 */
SeRecord *
se_record_form_collect (SeRecordForm  *self,
                        const char   **field,
                        GError       **error)
{
  g_autoptr(SeRecord) copy = NULL;

  g_return_val_if_fail (SE_IS_RECORD_FORM (self), NULL);
  g_return_val_if_fail (self->editing, NULL);

  copy = se_record_form_dup_input (self);
  if (!se_record_validate (copy, field, error))
    return NULL;

  return g_steal_pointer (&copy);
}

/**
 * se_record_form_show_error:
 * @self: a form
 * @field: (nullable): the field at fault
 * @message: what is wrong and what to do
 *
 * Shows @message above the form, marks the field and moves the focus
 * there. Passing %NULL for both clears it.
 */
void
se_record_form_show_error (SeRecordForm *self,
                           const char   *field,
                           const char   *message)
{
  g_return_if_fail (SE_IS_RECORD_FORM (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      FormRow *row = g_ptr_array_index (self->rows, i);

      gtk_widget_remove_css_class (row->widget, "error");
    }

  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), message != NULL);

  if (field != NULL)
    {
      FormRow *row = find_row (self, field);
      if (row != NULL)
        {
          gtk_widget_add_css_class (row->widget, "error");
          gtk_widget_grab_focus (row->widget);
        }
    }
}

void
se_record_form_hide_field (SeRecordForm *self,
                           const char   *field)
{
  FormRow *row = find_row (self, field);

  if (row != NULL)
    gtk_widget_set_visible (row->widget, FALSE);
}

/**
 * se_record_form_get_editor:
 *
 * Returns: (transfer none) (nullable): the row that shows or edits @field
 */
GtkWidget *
se_record_form_get_editor (SeRecordForm *self,
                           const char   *field)
{
  FormRow *row;

  g_return_val_if_fail (SE_IS_RECORD_FORM (self), NULL);

  row = find_row (self, field);
  return row != NULL ? row->widget : NULL;
}

void
se_record_form_focus_first (SeRecordForm *self)
{
  GtkWidget *first = gtk_widget_get_first_child (self->group);

  (void) first;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD))
      return;
}

SeRecord *
se_record_form_get_record (SeRecordForm *self)
{
  g_return_val_if_fail (SE_IS_RECORD_FORM (self), NULL);

  return self->record;
}

gboolean
se_record_form_get_editing (SeRecordForm *self)
{
  g_return_val_if_fail (SE_IS_RECORD_FORM (self), FALSE);

  return self->editing;
}

static void
se_record_form_dispose (GObject *object)
{
  SeRecordForm *self = SE_RECORD_FORM (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);

  G_OBJECT_CLASS (se_record_form_parent_class)->dispose (object);
}

static void
se_record_form_finalize (GObject *object)
{
  SeRecordForm *self = SE_RECORD_FORM (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (se_record_form_parent_class)->finalize (object);
}

static void
se_record_form_class_init (SeRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = se_record_form_dispose;
  object_class->finalize = se_record_form_finalize;

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "form.create-reference", "s",
                                   create_reference);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "form.clear-reference", "s",
                                   clear_reference);

  /**
   * SeRecordForm::open-record:
   * @record: the record a reference points to
   *
   * Emitted when the user follows a reference in view mode.
   */
  signals[SIGNAL_OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, SE_TYPE_RECORD);
}

static void
se_record_form_init (SeRecordForm *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  self->rows = g_ptr_array_new_with_free_func (g_free);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  self->error_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->error_revealer), self->error_label);
  gtk_box_append (GTK_BOX (self), self->error_revealer);

  self->group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (self), self->group);
}

/**
 * se_record_form_new:
 * @store: the store
 * @record: the record to show, or to edit a copy of (taken now)
 * @editing: %TRUE for editors, %FALSE to show the values
 *
 * Returns: (transfer floating): the form
 */
SeRecordForm *
se_record_form_new (SeStore  *store,
                    SeRecord *record,
                    gboolean  editing)
{
  SeRecordForm *self = g_object_new (SE_TYPE_RECORD_FORM, NULL);

  self->store = g_object_ref (store);
  /* An editor works on a copy taken now: the stored record may follow a
   * colleague's save while the user types (se_store_listen ()), and the
   * save must send the version the edit started from, so that the store
   * refuses it with a conflict instead of overwriting theirs. */
  self->record = editing ? se_record_copy (record) : g_object_ref (record);
  self->editing = editing;
  build (self);
  return self;
}
