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
 * only when the caller saves what se_record_form_collect() returns. */

struct _SeRecordForm
{
  GtkBox      parent_instance;

  SeStore    *store;
  SeRecord   *record;
  gboolean    editing;

  GtkWidget  *error_revealer;
  GtkWidget  *error_label;
  GtkWidget  *group;
  GHashTable *editors;   /* field name -> row widget */
};

enum {
  SIGNAL_OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SeRecordForm, se_record_form, GTK_TYPE_BOX)

/* Viewing */

static char *
format_value (SeRecordForm  *self,
              const SeField *field)
{
  SeRecord *r = self->record;

  switch (field->type)
    {
    case SE_FIELD_DATE:
    case SE_FIELD_PARTIAL_DATE:
      return se_date_format (se_record_get_string (r, field->name));
    case SE_FIELD_ENUM:
      return g_strdup (se_enum_get_label (field->target (), se_record_get_int (r, field->name)));
    case SE_FIELD_BOOLEAN:
      return g_strdup (se_record_get_int (r, field->name) ? _("Yes") : _("No"));
    case SE_FIELD_INT:
      {
        int n = se_record_get_int (r, field->name);
        /* Translators: a quota of 0 means there is none */
        return n == 0 ? g_strdup (_("None")) : g_strdup_printf ("%d", n);
      }
    case SE_FIELD_REFERENCE:
      return se_describe_reference (self->store, r, field->name);
    case SE_FIELD_TEXT:
    case SE_FIELD_LONG_TEXT:
    case SE_FIELD_TIME:
    case SE_FIELD_EMAIL:
    case SE_FIELD_COUNTRY:
    case SE_FIELD_WEBSITE:
    default:
      return g_strdup (se_record_get_string (r, field->name));
    }
}

static void
on_reference_activated (AdwActionRow *row,
                        SeRecordForm *self)
{
  const SeField *field = g_object_get_data (G_OBJECT (row), "se-field");
  g_autoptr(SeRecord) target = se_store_lookup (self->store, field->target (),
                                                se_record_get_reference (self->record,
                                                                         field->name));

  if (target != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_RECORD], 0, target);
}

static GtkWidget *
view_row (SeRecordForm  *self,
          const SeField *field)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *value = format_value (self, field);
  gboolean empty = value == NULL || *value == '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), se_field_get_label (field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), empty ? "—" : value);
  gtk_widget_add_css_class (row, "property");
  g_object_set_data (G_OBJECT (row), "se-field", (gpointer) field);

  if (field->type == SE_FIELD_REFERENCE && !empty)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_reference_activated), self);
    }

  return row;
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
date_row (const SeField *field,
          const char    *value)
{
  GtkWidget *row = adw_entry_row_new ();
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

typedef struct
{
  SeRecordForm  *form;
  const SeField *field;
  GtkWidget     *row;
  GtkWidget     *popover;
  GtkWidget     *entry;
  GtkWidget     *create_button;
  GtkFilter     *filter;        /* the small kinds: all records, filtered here */
  SeQueryModel  *query;         /* the large kinds: sorted and searched by SQL */
} Picker;

static void
picker_free (Picker *picker)
{
  if (picker->row != NULL)
    g_object_remove_weak_pointer (G_OBJECT (picker->row), (gpointer *) &picker->row);
  if (picker->form != NULL)
    g_object_remove_weak_pointer (G_OBJECT (picker->form), (gpointer *) &picker->form);
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

  g_object_set_data (G_OBJECT (picker->row), "se-reference", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data_full (G_OBJECT (picker->row), "se-reference-id",
                          g_memdup2 (&id, sizeof id), g_free);
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

static void
on_create_clicked (GtkButton *button,
                   Picker    *picker)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (picker->entry))));
  GType type = picker->field->target ();
  g_autoptr(SeRecord) record = g_object_new (type, NULL);
  g_autoptr(GError) error = NULL;

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

static void
on_clear_clicked (GtkButton *button,
                  Picker    *picker)
{
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
reference_row (SeRecordForm  *self,
               const SeField *field)
{
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
      g_signal_connect (picker->create_button, "clicked", G_CALLBACK (on_create_clicked), picker);
      gtk_box_append (GTK_BOX (box), picker->create_button);
    }

  g_signal_connect (picker->entry, "search-changed", G_CALLBACK (on_search_changed), picker);

  picker->popover = gtk_popover_new ();
  /* Everything that calls back into the picker lives in the popover. */
  g_object_set_data_full (G_OBJECT (picker->popover), "se-picker", picker,
                          (GDestroyNotify) picker_free);
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
      g_signal_connect (clear, "clicked", G_CALLBACK (on_clear_clicked), picker);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
    }

  set_reference (picker, se_record_get_reference (self->record, field->name));
  return row;
}

/* Editing: everything else */

static GtkWidget *
edit_row (SeRecordForm  *self,
          const SeField *field)
{
  SeRecord *r = self->record;
  const char *label = se_field_get_label (field);
  GtkWidget *row = NULL;

  switch (field->type)
    {
    case SE_FIELD_DATE:
    case SE_FIELD_PARTIAL_DATE:
      row = date_row (field, se_record_get_string (r, field->name));
      break;

    case SE_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) eclass = g_type_class_ref (field->target ());
        GtkStringList *labels = gtk_string_list_new (NULL);
        int value = se_record_get_int (r, field->name);

        row = adw_combo_row_new ();
        for (guint i = 0; i < eclass->n_values; i++)
          {
            gtk_string_list_append (labels, se_enum_get_label (field->target (),
                                                               eclass->values[i].value));
            if (eclass->values[i].value == value)
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          }
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        g_object_unref (labels);
        for (guint i = 0; i < eclass->n_values; i++)
          if (eclass->values[i].value == value)
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
      }
      break;

    case SE_FIELD_BOOLEAN:
      {
        GtkWidget *sw = gtk_switch_new ();
        row = adw_action_row_new ();
        gtk_switch_set_active (GTK_SWITCH (sw), se_record_get_int (r, field->name));
        gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
        g_object_set_data (G_OBJECT (row), "se-editor", sw);
      }
      break;

    case SE_FIELD_INT:
      {
        GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 1);
        row = adw_action_row_new ();
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), se_record_get_int (r, field->name));
        gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
        gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label, -1);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
        g_object_set_data (G_OBJECT (row), "se-editor", spin);
      }
      break;

    case SE_FIELD_REFERENCE:
      row = reference_row (self, field);
      break;

    case SE_FIELD_LONG_TEXT:
      {
        GtkWidget *view = gtk_text_view_new ();
        GtkWidget *frame = gtk_frame_new (NULL);
        const char *text = se_record_get_string (r, field->name);

        row = adw_expander_row_new ();
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
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
                                        label, -1);
        gtk_frame_set_child (GTK_FRAME (frame), view);
        gtk_widget_set_margin_start (frame, 12);
        gtk_widget_set_margin_end (frame, 12);
        gtk_widget_set_margin_top (frame, 6);
        gtk_widget_set_margin_bottom (frame, 12);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), frame);
        g_object_set_data (G_OBJECT (row), "se-editor", view);
      }
      break;

    case SE_FIELD_TEXT:
    case SE_FIELD_TIME:
    case SE_FIELD_EMAIL:
    case SE_FIELD_COUNTRY:
    case SE_FIELD_WEBSITE:
    default:
      {
        const char *text = se_record_get_string (r, field->name);
        row = adw_entry_row_new ();
        gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
      }
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  return row;
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
      GtkWidget *row;

      if (self->editing && (field->flags & SE_FIELD_FLAGS_STORE_OWNED))
        continue;

      row = self->editing ? edit_row (self, field) : view_row (self, field);
      gtk_widget_set_name (row, field->name);
      g_object_set_data (G_OBJECT (row), "se-field", (gpointer) field);
      g_hash_table_insert (self->editors, (gpointer) field->name, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
    }
}

/* Reading the editors back */

static void
read_row (SeRecordForm  *self,
          SeRecord      *copy,
          const SeField *field,
          GtkWidget     *row)
{
  GtkWidget *editor = g_object_get_data (G_OBJECT (row), "se-editor");

  switch (field->type)
    {
    case SE_FIELD_DATE:
    case SE_FIELD_PARTIAL_DATE:
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
        g_autofree char *iso = NULL;

        if (field->type == SE_FIELD_PARTIAL_DATE && se_partial_date_is_valid (text))
          iso = g_strdup (text);
        else
          iso = se_date_parse (text);
        /* What cannot be read stays as typed, so validation names it. */
        se_record_set_string (copy, field->name, iso != NULL ? iso : text);
      }
      break;

    case SE_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) eclass = g_type_class_ref (field->target ());
        guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
        if (i < eclass->n_values)
          se_record_set_int (copy, field->name, eclass->values[i].value);
      }
      break;

    case SE_FIELD_BOOLEAN:
      se_record_set_int (copy, field->name, gtk_switch_get_active (GTK_SWITCH (editor)));
      break;

    case SE_FIELD_INT:
      gtk_spin_button_update (GTK_SPIN_BUTTON (editor));
      se_record_set_int (copy, field->name,
                         gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (editor)));
      break;

    case SE_FIELD_REFERENCE:
      {
        gint64 *id = g_object_get_data (G_OBJECT (row), "se-reference-id");
        se_record_set_reference (copy, field->name, id != NULL ? *id : 0);
      }
      break;

    case SE_FIELD_LONG_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        se_record_set_string (copy, field->name, text);
      }
      break;

    case SE_FIELD_TEXT:
    case SE_FIELD_TIME:
    case SE_FIELD_EMAIL:
    case SE_FIELD_COUNTRY:
    case SE_FIELD_WEBSITE:
    default:
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
        se_record_set_string (copy, field->name, text);
      }
      break;
    }
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
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SE_IS_RECORD_FORM (self), NULL);
  g_return_val_if_fail (self->editing, NULL);

  copy = se_record_copy (self->record);
  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    read_row (self, copy, g_object_get_data (value, "se-field"), value);

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
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (SE_IS_RECORD_FORM (self));

  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_widget_remove_css_class (value, "error");

  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), message != NULL);

  if (field != NULL)
    {
      GtkWidget *row = g_hash_table_lookup (self->editors, field);
      if (row != NULL)
        {
          gtk_widget_add_css_class (row, "error");
          gtk_widget_grab_focus (row);
        }
    }
}

void
se_record_form_hide_field (SeRecordForm *self,
                           const char   *field)
{
  GtkWidget *row = g_hash_table_lookup (self->editors, field);

  if (row != NULL)
    gtk_widget_set_visible (row, FALSE);
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
  g_return_val_if_fail (SE_IS_RECORD_FORM (self), NULL);

  return g_hash_table_lookup (self->editors, field);
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

  g_clear_pointer (&self->editors, g_hash_table_unref);
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
  self->editors = g_hash_table_new (g_str_hash, g_str_equal);

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
 * @record: the record to show, or to edit a copy of
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
  self->record = g_object_ref (record);
  self->editing = editing;
  build (self);
  return self;
}
