/* se-window-filters.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-agreement.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-placement.h"
#include "se-window-private.h"

/* The search and the filters of the section shown. Searching and
 * filtering are done by the section's query model, in SQL on indexes and
 * on the full-text index: the window holds only what the user set. */

typedef enum
{
  FILTER_KIND,
  FILTER_STATUS,
  FILTER_YEAR,
  FILTER_ORGANISATION,
} FilterWhat;

static const char *const filter_names[] = { "kind", "status", "year", "organisation" };

/* What one dropdown filters on: given to its signal handler, freed with
 * the dropdown when the popover is built again. */
typedef struct
{
  SeWindow   *self;
  FilterWhat  what;
  GType       enum_type;
  gint64     *ids;
} FilterChoice;

static void
filter_choice_free (gpointer  data,
                    GClosure *closure)
{
  FilterChoice *choice = data;

  g_free (choice->ids);
  g_free (choice);
}

/**
 * _se_window_refilter:
 *
 * Gives the section's query model what the search and the filters are
 * set to, and marks the filter button when a filter is set.
 */
void
_se_window_refilter (SeWindow *self)
{
  SeQueryModel *model = self->models[self->current];
  SeWindowFilterState *f = &self->filter_state[self->current];

  if (f->kind >= 0 || f->status >= 0 || f->year > 0 || f->organisation > 0)
    gtk_widget_add_css_class (self->filter_button, "accent");
  else
    gtk_widget_remove_css_class (self->filter_button, "accent");

  if (model == NULL)
    return;

  se_query_model_set_search (model, self->search_text);
  se_query_model_set_kind (model, f->kind);
  se_query_model_set_status (model, f->status);
  se_query_model_set_year (model, f->year);
  se_query_model_set_organisation (model, f->organisation);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   SeWindow       *self)
{
  g_free (self->search_text);
  self->search_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  _se_window_refilter (self);
}

static void
on_filter_dropdown_changed (GtkDropDown  *dropdown,
                            GParamSpec   *pspec,
                            FilterChoice *choice)
{
  SeWindow *self = choice->self;
  SeWindowFilterState *f = &self->filter_state[self->current];
  guint selected = gtk_drop_down_get_selected (dropdown);
  gpointer item = gtk_drop_down_get_selected_item (dropdown);

  switch (choice->what)
    {
    case FILTER_KIND:
    case FILTER_STATUS:
      {
        g_autoptr(GEnumClass) eclass = g_type_class_ref (choice->enum_type);
        int value = selected == 0 || selected > eclass->n_values
                    ? -1 : eclass->values[selected - 1].value;

        if (choice->what == FILTER_KIND)
          f->kind = value;
        else
          f->status = value;
      }
      break;

    case FILTER_YEAR:
      f->year = selected == 0 || item == NULL
                ? 0 : (int) g_ascii_strtoll (gtk_string_object_get_string (item), NULL, 10);
      break;

    case FILTER_ORGANISATION:
      f->organisation = selected == 0 || choice->ids == NULL ? 0 : choice->ids[selected - 1];
      break;

    default:
      g_assert_not_reached ();
    }

  _se_window_refilter (self);
}

/* Adds a labelled dropdown of @choices to the popover; takes @ids. */
static void
add_filter (SeWindow    *self,
            const char  *label,
            FilterWhat   what,
            GType        enum_type,
            gint64      *ids,
            GListModel  *choices,
            guint        selected)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (choices), NULL);
  FilterChoice *choice = g_new0 (FilterChoice, 1);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), g_list_model_get_n_items (choices)
                                                             > 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_set_name (dropdown, filter_names[what]);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), dropdown);

  choice->self = self;
  choice->what = what;
  choice->enum_type = enum_type;
  choice->ids = ids;
  g_signal_connect_data (dropdown, "notify::selected", G_CALLBACK (on_filter_dropdown_changed),
                         choice, filter_choice_free, 0);
  gtk_box_append (GTK_BOX (self->filter_box), box);
}

static void
add_enum_filter (SeWindow   *self,
                 GType       enum_type,
                 const char *label,
                 FilterWhat  what,
                 int         current)
{
  g_autoptr(GEnumClass) eclass = g_type_class_ref (enum_type);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint selected = 0;

  /* Translators: a filter choice that filters nothing */
  gtk_string_list_append (choices, C_("filter", "Any"));
  for (guint i = 0; i < eclass->n_values; i++)
    {
      gtk_string_list_append (choices, se_enum_get_label (enum_type, eclass->values[i].value));
      if (eclass->values[i].value == current)
        selected = i + 1;
    }

  add_filter (self, label, what, enum_type, NULL, G_LIST_MODEL (choices), selected);
}

static void
build_filters (SeWindow *self)
{
  const SeWindowSection *section = &_se_window_sections[self->current];
  GType type = section->type ();
  SeWindowFilterState *f = &self->filter_state[self->current];
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->filter_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->filter_box), child);

  if (type == SE_TYPE_PLACEMENT)
    add_enum_filter (self, SE_TYPE_PLACEMENT_KIND, _("Kind"), FILTER_KIND, f->kind);
  else if (type == SE_TYPE_AGREEMENT)
    add_enum_filter (self, SE_TYPE_AGREEMENT_KIND, _("Kind"), FILTER_KIND, f->kind);
  else if (type == SE_TYPE_PARTNERSHIP)
    add_enum_filter (self, SE_TYPE_PARTNERSHIP_KIND, _("Kind"), FILTER_KIND, f->kind);
  else if (type == SE_TYPE_ORGANISATION)
    add_enum_filter (self, SE_TYPE_ORGANISATION_KIND, _("Kind"), FILTER_KIND, f->kind);

  if (type == SE_TYPE_PLACEMENT)
    add_enum_filter (self, SE_TYPE_PLACEMENT_STATUS, _("Status"), FILTER_STATUS, f->status);
  else if (type == SE_TYPE_AGREEMENT)
    add_enum_filter (self, SE_TYPE_AGREEMENT_STATUS, _("Status"), FILTER_STATUS, f->status);
  else if (type == SE_TYPE_PARTNERSHIP)
    add_enum_filter (self, SE_TYPE_PARTNERSHIP_STATUS, _("Status"), FILTER_STATUS, f->status);

  if (type == SE_TYPE_PLACEMENT || type == SE_TYPE_AGREEMENT || type == SE_TYPE_PARTNERSHIP)
    {
      /* Every year from five years ahead back to the oldest partnerships:
       * listing only the years the records cover would read them all. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int last = g_date_time_get_year (now) + 5;
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      guint selected = 0;

      gtk_string_list_append (choices, C_("filter", "Any"));
      for (int y = last; y >= 1945; y--)
        {
          g_autofree char *text = g_strdup_printf ("%d", y);
          gtk_string_list_append (choices, text);
          if (y == f->year)
            selected = (guint) (last - y) + 1;
        }
      add_filter (self, _("Year"), FILTER_YEAR, G_TYPE_NONE, NULL, G_LIST_MODEL (choices),
                  selected);
    }

  if (type != SE_TYPE_ORGANISATION)
    {
      g_autoptr(SeQueryModel) orgs = se_query_model_new (self->store, SE_TYPE_ORGANISATION);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (orgs));
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      gint64 *ids = g_new0 (gint64, MAX (n, 1));
      guint selected = 0;

      gtk_string_list_append (choices, C_("filter", "Any"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SeRecord) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
          gtk_string_list_append (choices, se_record_get_string (org, "name"));
          ids[i] = se_record_get_id (org);
          if (ids[i] == f->organisation)
            selected = i + 1;
        }
      add_filter (self, _("Organisation"), FILTER_ORGANISATION, G_TYPE_NONE, ids,
                  G_LIST_MODEL (choices), selected);
    }
}

static void
on_filter_popover_show (GtkPopover *popover,
                        SeWindow   *self)
{
  build_filters (self);
}

/**
 * _se_window_filters_init:
 *
 * Connects the search entry and the filters popover; from the window's
 * init.
 */
void
_se_window_filters_init (SeWindow *self)
{
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->filter_button)), "show",
                    G_CALLBACK (on_filter_popover_show), self);
}
