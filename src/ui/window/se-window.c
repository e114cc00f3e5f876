/* se-window.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-window"

#include "config.h"

#include <glib/gi18n.h>

#include "se-agreement.h"
#include "se-calendar-page.h"
#include "se-checks-page.h"
#include "se-date.h"
#include "se-deletion.h"
#include "se-ical.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-example-data.h"
#include "se-history-page.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-print.h"
#include "se-query-model.h"
#include "se-record-page.h"
#include "se-report.h"
#include "se-privacy.h"
#include "se-retention-dialog.h"
#include "se-save-dialog.h"
#include "se-statistics-page.h"
#include "se-window-data.h"
#include "se-window-safety.h"
#include "se-window.h"

/* The main window: sections in a sidebar, the list of the chosen section
 * with search and filters, and the page of the chosen record. On a narrow
 * window the three fold into one column with back buttons. The window
 * observes the store's list models; changes go through the store. */

typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
  GType     (*type) (void);
  const char *empty_title;
  const char *empty_description;
  const char *new_tooltip;
} Section;

static const Section sections[] = {
  { "partnerships", N_("Partnerships"), "emblem-shared-symbolic", se_partnership_get_type,
    N_("No Partnerships"),
    N_("Town twinnings, district partnerships and cooperations appear here."),
    N_("New Partnership") },
  { "placements", N_("Placements"), "system-users-symbolic", se_placement_get_type,
    N_("No Placements"),
    N_("Hospitations, job swaps, virtual placements, delegation visits and working meetings "
       "appear here."),
    N_("New Placement") },
  { "agreements", N_("Agreements"), "document-edit-symbolic", se_agreement_get_type,
    N_("No Agreements"),
    N_("Cooperation agreements and non-disclosure declarations appear here."),
    N_("New Agreement") },
  { "organisations", N_("Organisations"), "user-home-symbolic", se_organisation_get_type,
    N_("No Organisations"),
    N_("Cities, districts, job centres and their partners appear here."),
    N_("New Organisation") },
  { "people", N_("People"), "avatar-default-symbolic", se_person_get_type,
    N_("No People"),
    N_("Participants, signatories and contacts appear here."),
    N_("New Person") },
};

#define N_SECTIONS G_N_ELEMENTS (sections)

/* The planning aids below the record sections: each shows one page in
 * place of the list and the record. */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
} Tool;

enum
{
  TOOL_CHECKS,
  TOOL_STATISTICS,
  TOOL_CALENDAR,
  TOOL_HISTORY,
  N_TOOLS
};

static const Tool tools[N_TOOLS] = {
  { "checks", N_("Checks"), "object-select-symbolic" },
  { "statistics", N_("Statistics"), "x-office-spreadsheet-symbolic" },
  { "calendar", N_("Calendar"), "x-office-calendar-symbolic" },
  { "history", N_("History"), "document-open-recent-symbolic" },
};

/* What the filters of one section are set to; -1 and 0 mean "any". */
typedef struct
{
  int     kind;
  int     status;
  int     year;
  gint64  organisation;
} FilterState;

struct _SeWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  AdwStatusPage   *problem_page;
  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar;
  GtkWidget       *list_pane;
  GtkListBox      *section_list;
  GtkStack        *section_stack;
  AdwWindowTitle  *list_title;
  GtkWidget       *new_button;
  GtkToggleButton *search_button;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkWidget       *filter_button;
  GtkWidget       *filter_box;
  GtkStack        *detail_stack;
  GtkWidget       *detail_separator;
  GtkStack        *tool_stack;

  GSettings       *settings;
  char            *path;
  SeStore         *store;
  SeRecordPage    *page;
  guint            current;
  GtkLabel        *count_labels[N_SECTIONS];
  GtkStack        *section_pages[N_SECTIONS];
  GtkSingleSelection *selections[N_SECTIONS];
  GtkListView     *views[N_SECTIONS];
  SeQueryModel    *models[N_SECTIONS];
  FilterState      filter_state[N_SECTIONS];
  char            *search_text;
  gboolean         start_empty;
  SeDeletion      *last_deletion;
  gboolean         selecting;
  int              tool;
  GtkWidget       *tool_pages[N_TOOLS];
  GtkLabel        *checks_count;
};

G_DEFINE_FINAL_TYPE (SeWindow, se_window, ADW_TYPE_APPLICATION_WINDOW)

/* Search and filters */

static SeQueryModel *section_model (SeWindow *self,
                                    guint     index);

/* Searching and filtering are done by the section's query model, in SQL
 * on indexes and on the full-text index: the window holds only what the
 * user set. */
static void
refilter (SeWindow *self)
{
  SeQueryModel *model = self->models[self->current];
  FilterState *f = &self->filter_state[self->current];

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
  refilter (self);
}

static void
on_filter_dropdown_changed (GtkDropDown *dropdown,
                            GParamSpec  *pspec,
                            SeWindow    *self)
{
  FilterState *f = &self->filter_state[self->current];
  const char *what = g_object_get_data (G_OBJECT (dropdown), "se-filter");
  guint selected = gtk_drop_down_get_selected (dropdown);
  gpointer item = gtk_drop_down_get_selected_item (dropdown);

  if (g_str_equal (what, "kind") || g_str_equal (what, "status"))
    {
      GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "se-enum"));
      g_autoptr(GEnumClass) eclass = g_type_class_ref (type);
      int value = selected == 0 || selected > eclass->n_values
                  ? -1 : eclass->values[selected - 1].value;

      if (g_str_equal (what, "kind"))
        f->kind = value;
      else
        f->status = value;
    }
  else if (g_str_equal (what, "year"))
    f->year = selected == 0 || item == NULL
              ? 0 : (int) g_ascii_strtoll (gtk_string_object_get_string (item), NULL, 10);
  else if (g_str_equal (what, "organisation"))
    {
      gint64 *ids = g_object_get_data (G_OBJECT (dropdown), "se-ids");
      f->organisation = selected == 0 || ids == NULL ? 0 : ids[selected - 1];
    }

  if (f->kind >= 0 || f->status >= 0 || f->year > 0 || f->organisation > 0)
    gtk_widget_add_css_class (self->filter_button, "accent");
  else
    gtk_widget_remove_css_class (self->filter_button, "accent");
  refilter (self);
}

static GtkWidget *
filter_row (SeWindow    *self,
            const char  *label,
            const char  *what,
            GListModel  *choices,
            guint        selected)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *dropdown = gtk_drop_down_new (choices, NULL);

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
  g_object_set_data (G_OBJECT (dropdown), "se-filter", (gpointer) what);
  gtk_widget_set_name (dropdown, what);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), dropdown);
  return box;
}

static void
add_enum_filter (SeWindow   *self,
                 GType       enum_type,
                 const char *label,
                 const char *what,
                 int         current)
{
  g_autoptr(GEnumClass) eclass = g_type_class_ref (enum_type);
  GtkStringList *choices = gtk_string_list_new (NULL);
  guint selected = 0;
  GtkWidget *row, *dropdown;

  /* Translators: a filter choice that filters nothing */
  gtk_string_list_append (choices, C_("filter", "Any"));
  for (guint i = 0; i < eclass->n_values; i++)
    {
      gtk_string_list_append (choices, se_enum_get_label (enum_type, eclass->values[i].value));
      if (eclass->values[i].value == current)
        selected = i + 1;
    }

  row = filter_row (self, label, what, G_LIST_MODEL (choices), selected);
  dropdown = gtk_widget_get_last_child (row);
  g_object_set_data (G_OBJECT (dropdown), "se-enum", GSIZE_TO_POINTER (enum_type));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_filter_dropdown_changed), self);
  gtk_box_append (GTK_BOX (self->filter_box), row);
  g_object_unref (choices);
}

static void
build_filters (SeWindow *self)
{
  const Section *section = &sections[self->current];
  GType type = section->type ();
  FilterState *f = &self->filter_state[self->current];
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->filter_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->filter_box), child);

  if (type == SE_TYPE_PLACEMENT)
    add_enum_filter (self, SE_TYPE_PLACEMENT_KIND, _("Kind"), "kind", f->kind);
  else if (type == SE_TYPE_AGREEMENT)
    add_enum_filter (self, SE_TYPE_AGREEMENT_KIND, _("Kind"), "kind", f->kind);
  else if (type == SE_TYPE_PARTNERSHIP)
    add_enum_filter (self, SE_TYPE_PARTNERSHIP_KIND, _("Kind"), "kind", f->kind);
  else if (type == SE_TYPE_ORGANISATION)
    add_enum_filter (self, SE_TYPE_ORGANISATION_KIND, _("Kind"), "kind", f->kind);

  if (type == SE_TYPE_PLACEMENT)
    add_enum_filter (self, SE_TYPE_PLACEMENT_STATUS, _("Status"), "status", f->status);
  else if (type == SE_TYPE_AGREEMENT)
    add_enum_filter (self, SE_TYPE_AGREEMENT_STATUS, _("Status"), "status", f->status);
  else if (type == SE_TYPE_PARTNERSHIP)
    add_enum_filter (self, SE_TYPE_PARTNERSHIP_STATUS, _("Status"), "status", f->status);

  if (type == SE_TYPE_PLACEMENT || type == SE_TYPE_AGREEMENT || type == SE_TYPE_PARTNERSHIP)
    {
      /* Every year from five years ahead back to the oldest partnerships:
       * listing only the years the records cover would read them all. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int last = g_date_time_get_year (now) + 5;
      GtkStringList *choices = gtk_string_list_new (NULL);
      guint selected = 0;
      GtkWidget *row;

      gtk_string_list_append (choices, C_("filter", "Any"));
      for (int y = last; y >= 1945; y--)
        {
          g_autofree char *text = g_strdup_printf ("%d", y);
          gtk_string_list_append (choices, text);
          if (y == f->year)
            selected = (guint) (last - y) + 1;
        }
      row = filter_row (self, _("Year"), "year", G_LIST_MODEL (choices), selected);
      g_signal_connect (gtk_widget_get_last_child (row), "notify::selected",
                        G_CALLBACK (on_filter_dropdown_changed), self);
      gtk_box_append (GTK_BOX (self->filter_box), row);
      g_object_unref (choices);
    }

  if (type != SE_TYPE_ORGANISATION)
    {
      g_autoptr(SeQueryModel) orgs = se_query_model_new (self->store, SE_TYPE_ORGANISATION);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (orgs));
      GtkStringList *choices = gtk_string_list_new (NULL);
      gint64 *ids = g_new0 (gint64, MAX (n, 1));
      guint selected = 0;
      GtkWidget *row, *dropdown;

      gtk_string_list_append (choices, C_("filter", "Any"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SeRecord) org = g_list_model_get_item (G_LIST_MODEL (orgs), i);
          gtk_string_list_append (choices, se_record_get_string (org, "name"));
          ids[i] = se_record_get_id (org);
          if (ids[i] == f->organisation)
            selected = i + 1;
        }
      row = filter_row (self, _("Organisation"), "organisation", G_LIST_MODEL (choices), selected);
      dropdown = gtk_widget_get_last_child (row);
      g_object_set_data_full (G_OBJECT (dropdown), "se-ids", ids, g_free);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_filter_dropdown_changed),
                        self);
      gtk_box_append (GTK_BOX (self->filter_box), row);
      g_object_unref (choices);
    }
}

static void
on_filter_popover_show (GtkPopover *popover,
                        SeWindow   *self)
{
  build_filters (self);
}

/* Rows */

/* The status of a record as a small coloured label: green when it is in
 * force or done, amber while it is not settled, grey when it is over. */
static const char *
status_style (const char *nick)
{
  static const char *const good[] = { "signed", "active", "approved", "completed", NULL };
  static const char *const open[] = { "draft", "negotiation", "planned", "proposed", NULL };

  if (g_strv_contains (good, nick))
    return "status-good";
  if (g_strv_contains (open, nick))
    return "status-open";
  return "status-over";
}

static void
update_status (GtkWidget *label,
               SeRecord  *record)
{
  const SeField *field = se_record_class_find_field (SE_RECORD_GET_CLASS (record), "status");
  const char *styles[] = { "status-good", "status-open", "status-over" };
  const char *style;
  int value;

  if (field == NULL)
    {
      gtk_widget_set_visible (label, FALSE);
      return;
    }

  /* A rebound row often shows the same status as before: touching its
   * classes or text anyway would restyle and lay out the pill again. */
  value = se_record_get_int (record, "status");
  style = status_style (se_enum_get_nick (field->target (), value));
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (!g_str_equal (styles[i], style))
      gtk_widget_remove_css_class (label, styles[i]);
  gtk_widget_add_css_class (label, style);
  gtk_label_set_text (GTK_LABEL (label), se_enum_get_label (field->target (), value));
  gtk_widget_set_visible (label, TRUE);
}

static void
update_row (GtkListItem *item)
{
  SeWindow *self = g_object_get_data (G_OBJECT (item), "se-window");
  SeRecord *record = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *texts = gtk_widget_get_first_child (row);
  GtkWidget *status = gtk_widget_get_next_sibling (texts);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *t = NULL;
  g_autofree char *s = NULL;

  if (record == NULL || self->store == NULL)
    return;

  t = se_describe_title (self->store, record);
  s = se_describe_subtitle (self->store, record);
  gtk_inscription_set_text (GTK_INSCRIPTION (title), t);
  gtk_inscription_set_text (GTK_INSCRIPTION (subtitle), s);
  /* Said by a screen reader as a label's text would be */
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, t, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (subtitle), GTK_ACCESSIBLE_PROPERTY_LABEL, s,
                                  -1);
  gtk_widget_set_visible (subtitle, *s != '\0');
  update_status (status, record);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SeWindow                 *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  /* Inscriptions, not labels: a list view keeps 200 rows bound and
   * measures them all, and a label lays out and shapes its whole text to
   * be measured (several times whenever a jump of the scroll bar rebinds
   * the rows), an inscription only once, to be drawn. On the large
   * database that was a fifth of the start. Their natural width: 40
   * characters, about a title's. */
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *subtitle = gtk_inscription_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "record-row");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (status, "status");
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (status, FALSE);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (title), 40);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (subtitle),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (subtitle), 40);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), status);

  g_object_set_data (G_OBJECT (item), "se-window", self);
  gtk_list_item_set_child (item, row);
}

static void
on_record_notify (SeRecord    *record,
                  GParamSpec  *pspec,
                  GtkListItem *item)
{
  update_row (item);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          SeWindow                 *self)
{
  g_signal_connect_object (gtk_list_item_get_item (item), "notify",
                           G_CALLBACK (on_record_notify), item, 0);
  update_row (item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            SeWindow                 *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_record_notify, item);
}

/* Showing records */

/* CSV acts on the section shown; the personal-data commands on the person
 * shown. Nothing that writes is offered on a read-only database. */
static void
update_data_actions (SeWindow *self,
                     SeRecord *record)
{
  gboolean writable = self->store != NULL && !se_store_is_read_only (self->store);
  gboolean person = self->store != NULL && self->tool < 0 && record != NULL
                    && SE_IS_PERSON (record) && se_record_get_id (record) != 0
                    && !se_record_page_get_editing (self->page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv",
                                 self->store != NULL && self->tool < 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv",
                                 writable && self->tool < 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retention", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-listed-ics",
                                 self->store != NULL && self->tool < 0
                                 && g_str_equal (sections[self->current].name, "placements"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-person", person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.anonymise-person",
                                 person && writable && !se_privacy_is_anonymised (record));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.erase-person", person && writable);
}

static void
update_print_actions (SeWindow *self,
                      SeRecord *record)
{
  gboolean printable = record != NULL && SE_IS_AGREEMENT (record) && se_record_get_id (record) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 printable || self->tool == TOOL_STATISTICS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", printable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-ics",
                                 self->tool < 0 && record != NULL && SE_IS_PLACEMENT (record)
                                 && se_record_get_id (record) != 0);
  update_data_actions (self, record);
}

static void
show_detail (SeWindow *self,
             SeRecord *record,
             gboolean  editing)
{
  se_record_page_show (self->page, record, editing);
  gtk_stack_set_visible_child_name (self->detail_stack, record != NULL ? "record" : "none");
  if (record != NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-record",
                                 record != NULL && se_record_get_id (record) != 0
                                 && !se_store_is_read_only (self->store));
  update_print_actions (self, record);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      SeWindow          *self)
{
  SeRecord *record = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));

  if (self->selecting || record == NULL)
    return;
  if (se_record_page_get_editing (self->page) && se_record_page_get_record (self->page) == record)
    return;

  show_detail (self, record, FALSE);
}

static void
on_list_activate (GtkListView *view,
                  guint        position,
                  SeWindow    *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(SeRecord) record = g_list_model_get_item (model, position);

  show_detail (self, record, FALSE);
}

/* Selects @record in its section's list, without changing the page. */
static void
select_in_list (SeWindow *self,
                SeRecord *record)
{
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      GListModel *model;
      guint n;

      if (G_OBJECT_TYPE (record) != sections[s].type ())
        continue;

      section_model (self, s);
      model = G_LIST_MODEL (self->selections[s]);
      n = g_list_model_get_n_items (model);
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selections[s], GTK_INVALID_LIST_POSITION);
      /* By id, so that no record is built for the rows passed over. */
      for (guint i = 0; i < n; i++)
        {
          if (se_query_model_get_id (self->models[s], i) == se_record_get_id (record))
            {
              gtk_single_selection_set_selected (self->selections[s], i);
              break;
            }
        }
      self->selecting = FALSE;
    }
}

/**
 * se_window_show_record:
 * @self: a window
 * @record: a record of one of the sections' kinds
 *
 * Goes to @record's section and shows its page.
 */
void
se_window_show_record (SeWindow *self,
                       SeRecord *record)
{
  g_return_if_fail (SE_IS_WINDOW (self));
  g_return_if_fail (SE_IS_RECORD (record));

  for (guint s = 0; s < N_SECTIONS; s++)
    if (G_OBJECT_TYPE (record) == sections[s].type ())
      se_window_show_section (self, sections[s].name);

  select_in_list (self, record);
  show_detail (self, record, FALSE);
}

static void
on_page_open_record (SeRecordPage *page,
                     SeRecord     *record,
                     SeWindow     *self)
{
  gboolean top_level = FALSE;

  for (guint s = 0; s < N_SECTIONS; s++)
    top_level |= G_OBJECT_TYPE (record) == sections[s].type ();

  if (top_level)
    se_window_show_record (self, record);
}

static void
on_page_saved (SeRecordPage *page,
               SeRecord     *record,
               SeWindow     *self)
{
  select_in_list (self, record);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-record",
                                 !se_store_is_read_only (self->store));
  update_print_actions (self, record);
}

static void
on_page_cancelled (SeRecordPage *page,
                   SeWindow     *self)
{
  if (se_record_page_get_record (page) == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
    }
}

/* Sections */

static void
update_counts (SeWindow *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      /* An SQL count: the sections' lists are not loaded whole. */
      guint n = se_store_count (self->store, sections[i].type ());
      /* %' groups the digits as the locale does: 200.000 in German */
      g_autofree char *text = g_strdup_printf ("%'u", n);

      gtk_label_set_text (self->count_labels[i], text);
      gtk_stack_set_visible_child_name (self->section_pages[i], n > 0 ? "list" : "empty");
    }

  if (!se_record_page_get_editing (self->page))
    gtk_stack_set_visible_child_name (self->main_stack,
                                      se_store_is_empty (self->store) && !self->start_empty
                                      ? "welcome" : "browser");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-example-data",
                                 se_store_is_empty (self->store)
                                 && !se_store_is_read_only (self->store));
}

/* A section's list, read when the section is first shown or asked for:
 * the first page of a list sorted on an expression (partnerships,
 * agreements) costs milliseconds that the start need not spend on lists
 * not shown. Rows come from an SQL query that holds ids and builds the
 * records shown: sorted, searched and filtered in SQL. */
static SeQueryModel *
section_model (SeWindow *self,
               guint     index)
{
  GtkSingleSelection *selection;

  if (self->models[index] != NULL)
    return self->models[index];

  self->models[index] = se_query_model_new (self->store, sections[index].type ());
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->models[index])));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  self->selections[index] = selection;
  return self->models[index];
}

static GtkWidget *
build_section_page (SeWindow *self,
                    guint     index)
{
  const Section *section = &sections[index];
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view, *scrolled, *empty, *button;

  self->filter_state[index] = (FilterState) { -1, -1, 0, 0 };

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);

  /* Without its model until the section is first shown: GTK 4.8's list
   * view builds and binds rows for the first 200 items as soon as it has
   * one, and a stack measures its hidden pages too. Five lists of 200 rows
   * were most of a large database's start. */
  view = gtk_list_view_new (NULL, factory);
  self->views[index] = GTK_LIST_VIEW (view);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  gtk_widget_set_name (view, section->name);
  g_signal_connect (view, "activate", G_CALLBACK (on_list_activate), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(section->title), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), section->icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _(section->empty_title));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _(section->empty_description));
  button = gtk_button_new_with_label (_(section->new_tooltip));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), button);

  gtk_stack_add_named (stack, scrolled, "list");
  gtk_stack_add_named (stack, empty, "empty");
  self->section_pages[index] = stack;

  return GTK_WIDGET (stack);
}

static GtkWidget *
build_section_row (SeWindow *self,
                   guint     index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (sections[index].icon);
  GtkWidget *label = gtk_label_new (_(sections[index].title));
  GtkWidget *count = gtk_label_new ("0");

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "section-count");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, sections[index].name);
  self->count_labels[index] = GTK_LABEL (count);

  return row;
}

/* The planning aids take the place of the list and the record page: those
 * are hidden, so that a folded leaflet navigates between the sections and
 * the aid's page alone. */
static void
show_tool (SeWindow *self,
           guint     tool)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);

  self->tool = (int) tool;
  gtk_widget_set_visible (self->list_pane, FALSE);
  gtk_widget_set_visible (self->detail_separator, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->tool_stack), TRUE);
  gtk_stack_set_visible_child_name (self->tool_stack, tools[tool].name);
  if (visible != self->sidebar)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->tool_stack));

  gtk_list_box_select_row (self->section_list,
                           gtk_list_box_get_row_at_index (self->section_list,
                                                          (int) (N_SECTIONS + tool)));
  g_settings_set_string (self->settings, "last-section", tools[tool].name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-record", FALSE);
  update_print_actions (self, NULL);
}

static void
leave_tool (SeWindow *self)
{
  SeRecord *record = se_record_page_get_record (self->page);
  gboolean was_visible = adw_leaflet_get_visible_child (self->leaflet)
                         == GTK_WIDGET (self->tool_stack);

  if (self->tool < 0)
    return;

  self->tool = -1;
  gtk_widget_set_visible (self->list_pane, TRUE);
  gtk_widget_set_visible (self->detail_separator, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->tool_stack), FALSE);
  if (was_visible)
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new",
                                 !se_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-record",
                                 record != NULL && se_record_get_id (record) != 0
                                 && !se_store_is_read_only (self->store));
  update_print_actions (self, record);
}

/* The content pane that goes with the chosen sidebar entry */
static GtkWidget *
content_pane (SeWindow *self)
{
  return self->tool >= 0 ? GTK_WIDGET (self->tool_stack) : self->list_pane;
}

static void
update_checks_count (SeWindow *self)
{
  SeChecksPage *page = SE_CHECKS_PAGE (self->tool_pages[TOOL_CHECKS]);
  g_autofree char *text = NULL;

  /* Empty until the checks have run (on a large database: once the page
   * has been shown). */
  if (se_checks_page_has_run (page))
    text = g_strdup_printf ("%'u", se_checks_page_get_n_findings (page));
  gtk_label_set_text (self->checks_count, text != NULL ? text : "");
}

static gboolean
is_section_record (SeRecord *record)
{
  for (guint s = 0; s < N_SECTIONS; s++)
    if (G_OBJECT_TYPE (record) == sections[s].type ())
      return TRUE;
  return FALSE;
}

/* A participant, a signatory or a programme item is shown on the page of
 * the record it belongs to: the History page lists them all. */
static SeRecord *
owning_record (SeWindow *self,
               SeRecord *record)
{
  g_autoptr(SeRecord) current = g_object_ref (record);

  for (int depth = 0; depth < 4 && !is_section_record (current); depth++)
    {
      guint n_fields;
      const SeField *fields = se_record_class_get_fields (SE_RECORD_GET_CLASS (current),
                                                          &n_fields);
      SeRecord *owner = NULL;

      for (guint i = 0; i < n_fields && owner == NULL; i++)
        if (fields[i].type == SE_FIELD_REFERENCE && (fields[i].flags & SE_FIELD_FLAGS_OWNER))
          owner = se_store_lookup (self->store, fields[i].target (),
                                   se_record_get_reference (current, fields[i].name));
      if (owner == NULL)
        return NULL;
      g_set_object (&current, owner);
      g_object_unref (owner);
    }
  return is_section_record (current) ? g_steal_pointer (&current) : NULL;
}

static void
on_tool_open_record (GtkWidget *page,
                     SeRecord  *record,
                     SeWindow  *self)
{
  g_autoptr(SeRecord) shown = owning_record (self, record);

  if (shown != NULL)
    se_window_show_record (self, shown);
}

static void
section_header (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       user_data)
{
  /* A line between the record sections and the planning aids */
  if (gtk_list_box_row_get_index (row) == (int) N_SECTIONS)
    {
      if (gtk_list_box_row_get_header (row) == NULL)
        {
          GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
          gtk_widget_add_css_class (separator, "section-separator");
          gtk_list_box_row_set_header (row, separator);
        }
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
build_tools (SeWindow *self)
{
  self->tool_pages[TOOL_CHECKS] = GTK_WIDGET (se_checks_page_new (self->store));
  self->tool_pages[TOOL_STATISTICS] = GTK_WIDGET (se_statistics_page_new (self->store));
  self->tool_pages[TOOL_CALENDAR] = GTK_WIDGET (se_calendar_page_new (self->store));
  self->tool_pages[TOOL_HISTORY] = GTK_WIDGET (se_history_page_new (self->store));

  for (guint t = 0; t < N_TOOLS; t++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name (tools[t].icon);
      GtkWidget *label = gtk_label_new (_(tools[t].title));

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      if (t == TOOL_CHECKS)
        {
          GtkWidget *count = gtk_label_new ("0");
          gtk_widget_add_css_class (count, "dim-label");
          gtk_widget_add_css_class (count, "section-count");
          gtk_widget_set_name (count, "checks-count");
          gtk_box_append (GTK_BOX (box), count);
          self->checks_count = GTK_LABEL (count);
        }
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_name (row, tools[t].name);
      gtk_list_box_append (self->section_list, row);

      g_object_bind_property (self->leaflet, "folded", self->tool_pages[t], "folded",
                              G_BINDING_SYNC_CREATE);
      if (t != TOOL_STATISTICS)
        g_signal_connect (self->tool_pages[t], "open-record", G_CALLBACK (on_tool_open_record),
                          self);
      gtk_stack_add_named (self->tool_stack, self->tool_pages[t], tools[t].name);
    }
  gtk_list_box_set_header_func (self->section_list, section_header, NULL, NULL);

  g_signal_connect_swapped (self->tool_pages[TOOL_CHECKS], "notify::n-findings",
                            G_CALLBACK (update_checks_count), self);
  update_checks_count (self);
}

static int
find_section (const char *name)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return (int) i;
  return -1;
}

/**
 * se_window_show_section:
 * @self: a window
 * @section: "partnerships", "placements", "agreements", "organisations" or "people"
 *
 * Shows the list of @section.
 */
void
se_window_show_section (SeWindow   *self,
                        const char *section)
{
  int i = find_section (section);

  g_return_if_fail (SE_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  for (guint t = 0; t < N_TOOLS; t++)
    if (i < 0 && g_strcmp0 (section, tools[t].name) == 0)
      {
        show_tool (self, t);
        return;
      }
  if (i < 0)
    i = 1;

  leave_tool (self);
  self->current = (guint) i;
  section_model (self, (guint) i);
  if (gtk_list_view_get_model (self->views[i]) == NULL)
    gtk_list_view_set_model (self->views[i], GTK_SELECTION_MODEL (self->selections[i]));
  gtk_list_box_select_row (self->section_list,
                           gtk_list_box_get_row_at_index (self->section_list, i));
  gtk_stack_set_visible_child_name (self->section_stack, sections[i].name);
  adw_window_title_set_title (self->list_title, _(sections[i].title));
  gtk_widget_set_tooltip_text (self->new_button, _(sections[i].new_tooltip));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(sections[i].new_tooltip), -1);
  g_settings_set_string (self->settings, "last-section", sections[i].name);

  if (self->filter_state[i].kind >= 0 || self->filter_state[i].status >= 0
      || self->filter_state[i].year > 0 || self->filter_state[i].organisation > 0)
    gtk_widget_add_css_class (self->filter_button, "accent");
  else
    gtk_widget_remove_css_class (self->filter_button, "accent");
  refilter (self);
  update_data_actions (self, self->page != NULL ? se_record_page_get_record (self->page)
                                                : NULL);
}

static void
on_section_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      SeWindow      *self)
{
  se_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_set_visible_child (self->leaflet, content_pane (self));
}

/* Actions */

static void
show_sections_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, content_pane (self));
}

static void
section_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  int i = g_variant_get_int32 (parameter) - 1;

  if (i >= 0 && i < (int) N_SECTIONS)
    se_window_show_section (self, sections[i].name);
  else if (i >= (int) N_SECTIONS && i < (int) (N_SECTIONS + N_TOOLS))
    se_window_show_section (self, tools[i - N_SECTIONS].name);
  else
    return;
  adw_leaflet_set_visible_child (self->leaflet, content_pane (self));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  GType type = sections[self->current].type ();
  g_autoptr(SeRecord) record = g_object_new (type, NULL);

  if (self->store == NULL || se_store_is_read_only (self->store) || self->tool >= 0)
    return;

  /* A placement starts today unless the user says otherwise. */
  if (type == SE_TYPE_PLACEMENT)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      se_record_set_string (record, "start-date", today);
      se_record_set_string (record, "end-date", today);
    }

  gtk_stack_set_visible_child_name (self->main_stack, "browser");
  show_detail (self, record, TRUE);
}

static void
start_empty_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  /* The sections' empty pages each offer to create the first record. */
  self->start_empty = TRUE;
  se_window_show_section (self, "partnerships");
  gtk_stack_set_visible_child_name (self->main_stack, "browser");
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  if (self->tool >= 0)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
deletion_done (SeWindow   *self,
               SeDeletion *deletion)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = se_describe_title (self->store, se_deletion_get_record (deletion));
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!se_deletion_execute (deletion, &error))
    {
      toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  g_set_object (&self->last_deletion, deletion);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
  show_detail (self, NULL, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);

  /* Translators: %s names a deleted record */
  message = g_strdup_printf (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SeWindow         *self)
{
  SeDeletion *deletion = g_object_get_data (G_OBJECT (dialog), "se-deletion");

  if (g_str_equal (response, "delete"))
    deletion_done (self, deletion);
}

/**
 * se_window_delete_record:
 * @self: a window
 * @record: a stored record
 * @ask: whether to ask first when other records would go with it
 *
 * Deletes @record, with a toast that offers to undo it.
 */
void
se_window_delete_record (SeWindow *self,
                         SeRecord *record,
                         gboolean  ask)
{
  g_autoptr(SeDeletion) deletion = se_deletion_new (self->store, record);
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *affected = NULL;
  GtkWidget *dialog;

  if (!ask || !se_deletion_affects_others (deletion))
    {
      deletion_done (self, deletion);
      return;
    }

  title = se_describe_title (self->store, record);
  affected = se_deletion_describe_affected (deletion);
  /* Translators: %s names a record */
  heading = g_strdup_printf (_("Delete “%s”?"), title);
  /* Translators: %s lists what else goes, e.g. "2 agreements, 5 placements" */
  body = g_strdup_printf (_("Other records refer to it and would be deleted with it: %s. "
                            "You can undo this right afterwards."), affected);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "se-deletion", g_object_ref (deletion),
                          g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_record_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  SeRecord *record = se_record_page_get_record (self->page);

  if (record == NULL || se_record_get_id (record) == 0 || se_record_page_get_editing (self->page))
    return;

  se_window_delete_record (self, record, TRUE);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  g_autoptr(SeDeletion) deletion = g_steal_pointer (&self->last_deletion);
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) restored = NULL;
  SeRecord *record;

  gtk_widget_action_set_enabled (widget, "win.undo", FALSE);
  if (deletion == NULL)
    return;

  if (!se_deletion_undo (deletion, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  record = se_deletion_get_record (deletion);
  restored = se_store_lookup (self->store, G_OBJECT_TYPE (record), se_record_get_id (record));
  if (restored != NULL)
    se_window_show_record (self, restored);
}

static SeReport *
current_summary (SeWindow *self)
{
  SeRecord *record = se_record_page_get_record (self->page);
  g_autoptr(GError) error = NULL;
  SeReport *report;

  if (record == NULL || !SE_IS_AGREEMENT (record) || se_record_page_get_editing (self->page))
    return NULL;

  report = se_report_new_agreement_summary (self->store, record, &error);
  if (report == NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  return report;
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  g_autoptr(SeReport) report = NULL;

  if (self->tool == TOOL_STATISTICS)
    {
      se_statistics_page_print (SE_STATISTICS_PAGE (self->tool_pages[TOOL_STATISTICS]));
      return;
    }
  if (self->tool >= 0)
    return;
  report = current_summary (self);
  if (report != NULL)
    se_print_report (GTK_WINDOW (self), report);
}

typedef struct
{
  SeStore  *store;
  SeRecord *placement;
} IcsJob;

static void
ics_job_free (gpointer data)
{
  IcsJob *job = data;

  g_object_unref (job->store);
  g_object_unref (job->placement);
  g_free (job);
}

static gboolean
save_placement_ics (const char *path,
                    gpointer    user_data,
                    GError    **error)
{
  IcsJob *job = user_data;

  return se_ical_export_placement (job->store, job->placement, path, error);
}

static void
export_ics_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  SeRecord *record = se_record_page_get_record (self->page);
  IcsJob *job;

  if (self->tool >= 0 || record == NULL || !SE_IS_PLACEMENT (record)
      || se_record_get_id (record) == 0)
    return;

  job = g_new0 (IcsJob, 1);
  job->store = g_object_ref (self->store);
  job->placement = g_object_ref (record);
  /* Translators: the file name suggested for one placement; keep the .ics */
  se_save_dialog_run (GTK_WIDGET (self->toast_overlay), _("Export to Calendar"),
                      _("placement.ics"),
                      _("iCalendar files"), "*.ics", save_placement_ics, job, ics_job_free);
}

/* The placements the list shows, searched and filtered: a selection the
 * user makes with the search and the filters. */
typedef struct
{
  SeStore   *store;
  GPtrArray *placements;
} ListedJob;

static void
listed_job_free (gpointer data)
{
  ListedJob *job = data;

  g_object_unref (job->store);
  g_ptr_array_unref (job->placements);
  g_free (job);
}

static gboolean
save_listed_ics (const char *path,
                 gpointer    user_data,
                 GError    **error)
{
  ListedJob *job = user_data;

  return se_ical_export_placements (job->store, job->placements, path, error);
}

/**
 * se_window_export_listed_ics:
 * @self: a window showing the placements
 * @path: the iCalendar file to write
 * @error: why it could not be written
 *
 * Exports the placements the list shows, as searched and filtered, with
 * their programmes. The menu item asks for @path first.
 */
gboolean
se_window_export_listed_ics (SeWindow    *self,
                             const char  *path,
                             GError     **error)
{
  ListedJob job = { self->store, NULL };
  GListModel *model;
  gboolean ok;

  g_return_val_if_fail (SE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  model = G_LIST_MODEL (section_model (self, find_section ("placements")));

  job.placements = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (job.placements, g_list_model_get_item (model, i));
  ok = save_listed_ics (path, &job, error);
  g_ptr_array_unref (job.placements);
  return ok;
}

static void
export_listed_ics_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  ListedJob *job;
  GListModel *model;

  if (self->tool >= 0 || self->store == NULL)
    return;
  model = G_LIST_MODEL (section_model (self, find_section ("placements")));

  job = g_new0 (ListedJob, 1);
  job->store = g_object_ref (self->store);
  job->placements = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (job->placements, g_list_model_get_item (model, i));
  /* Translators: the file name suggested for the listed placements; keep the .ics */
  se_save_dialog_run (GTK_WIDGET (self->toast_overlay), _("Export to Calendar"),
                      _("placements.ics"),
                      _("iCalendar files"), "*.ics", save_listed_ics, job, listed_job_free);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  g_autoptr(SeReport) report = current_summary (self);

  if (report != NULL)
    se_print_export_pdf (GTK_WINDOW (self), report);
}

static void
load_example_data_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!se_example_data_load (self->store, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Example data loaded")));
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  g_autofree char *lower = NULL;
  g_autofree char *name = NULL;

  if (self->store == NULL || self->tool >= 0)
    return;

  /* "placements.csv": the section's name as the file's */
  lower = g_utf8_strdown (_(sections[self->current].title), -1);
  name = g_strconcat (lower, ".csv", NULL);
  se_window_data_export_csv (GTK_WIDGET (self->toast_overlay), self->store,
                             sections[self->current].type (), name);
}

static void
import_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  if (self->store == NULL || self->tool >= 0 || se_store_is_read_only (self->store))
    return;

  se_window_data_import_csv (GTK_WINDOW (self), GTK_WIDGET (self->toast_overlay), self->store,
                             sections[self->current].type ());
}

static SeRecord *
shown_person (SeWindow *self)
{
  SeRecord *record = self->page != NULL ? se_record_page_get_record (self->page) : NULL;

  if (self->tool >= 0 || record == NULL || !SE_IS_PERSON (record)
      || se_record_get_id (record) == 0 || se_record_page_get_editing (self->page))
    return NULL;
  return record;
}

static void
export_person_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  SeRecord *person = shown_person (self);

  if (person != NULL)
    se_window_data_export_person (GTK_WIDGET (self->toast_overlay), self->store, person);
}

static void
person_done (GtkWindow *window,
             gint64     person_id,
             gboolean   erased)
{
  SeWindow *self = SE_WINDOW (window);
  g_autoptr(SeRecord) person = NULL;

  if (self->store == NULL)
    return;
  person = erased ? NULL : se_store_lookup (self->store, SE_TYPE_PERSON, person_id);
  if (person != NULL)
    se_window_show_record (self, person);
  else
    {
      show_detail (self, NULL, FALSE);
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
    }
}

static void
anonymise_person_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  SeRecord *person = shown_person (self);

  if (person != NULL && !se_store_is_read_only (self->store))
    se_window_data_anonymise_person (GTK_WINDOW (self), GTK_WIDGET (self->toast_overlay),
                                     self->store, person, person_done);
}

static void
erase_person_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);
  SeRecord *person = shown_person (self);

  if (person != NULL && !se_store_is_read_only (self->store))
    se_window_data_erase_person (GTK_WINDOW (self), GTK_WIDGET (self->toast_overlay),
                                 self->store, person, person_done);
}

static void
retention_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeWindow *self = SE_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (se_retention_dialog_new (GTK_WINDOW (self), self->store)));
}

/* Set-up */

static void
open_store (SeWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  self->store = se_store_open (self->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  if (self->store == NULL)
    {
      adw_status_page_set_description (self->problem_page, error->message);
      se_window_safety_show_problem (GTK_WINDOW (self), self->problem_page, self->path, error);
      gtk_stack_set_visible_child_name (self->main_stack, "problem");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-example-data", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
      return;
    }

  self->page = se_record_page_new (self->store);
  g_signal_connect (self->page, "open-record", G_CALLBACK (on_page_open_record), self);
  g_signal_connect (self->page, "saved", G_CALLBACK (on_page_saved), self);
  g_signal_connect (self->page, "cancelled", G_CALLBACK (on_page_cancelled), self);
  g_object_bind_property (self->leaflet, "folded",
                          se_record_page_get_back_button (self->page), "visible",
                          G_BINDING_SYNC_CREATE);
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->page), "record");

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      gtk_list_box_append (self->section_list, build_section_row (self, i));
      gtk_stack_add_named (self->section_stack, build_section_page (self, i), sections[i].name);
    }
  build_tools (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new",
                                 !se_store_is_read_only (self->store));
  /* Read-only (file, folder) or on a network drive: said in a banner.
   * Nothing that writes is offered. */
  se_window_safety_add_banners (self->toast_overlay, self->store);
  se_window_safety_add_actions (GTK_WINDOW (self), self->store);
  if (se_store_is_read_only (self->store))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-example-data", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-record", FALSE);
    }
  se_window_safety_backup_if_due (self->store, self->toast_overlay);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  update_counts (self);
  update_print_actions (self, NULL);
  last = g_settings_get_string (self->settings, "last-section");
  se_window_show_section (self, last);
}

static void
se_window_constructed (GObject *object)
{
  SeWindow *self = SE_WINDOW (object);

  G_OBJECT_CLASS (se_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
se_window_dispose (GObject *object)
{
  SeWindow *self = SE_WINDOW (object);

  for (guint i = 0; i < N_SECTIONS; i++)
    g_clear_object (&self->models[i]);

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_WINDOW);
  /* After the list views, which may hold them too */
  for (guint i = 0; i < N_SECTIONS; i++)
    g_clear_object (&self->selections[i]);

  G_OBJECT_CLASS (se_window_parent_class)->dispose (object);
}

static void
se_window_finalize (GObject *object)
{
  SeWindow *self = SE_WINDOW (object);

  g_clear_object (&self->last_deletion);
  se_window_safety_backup_if_due (self->store, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (se_window_parent_class)->finalize (object);
}

static void
se_window_class_init (SeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = se_window_constructed;
  object_class->dispose = se_window_dispose;
  object_class->finalize = se_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, problem_page);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, section_list);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, filter_box);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, detail_separator);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, tool_stack);

  gtk_widget_class_install_action (widget_class, "win.show-sections", NULL,
                                   show_sections_activated);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_activated);
  gtk_widget_class_install_action (widget_class, "win.section", "i", section_activated);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, start_empty_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-record", NULL,
                                   delete_record_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.load-example-data", NULL,
                                   load_example_data_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "win.export-ics", NULL, export_ics_activated);
  gtk_widget_class_install_action (widget_class, "win.export-listed-ics", NULL,
                                   export_listed_ics_activated);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_activated);
  gtk_widget_class_install_action (widget_class, "win.export-person", NULL,
                                   export_person_activated);
  gtk_widget_class_install_action (widget_class, "win.anonymise-person", NULL,
                                   anonymise_person_activated);
  gtk_widget_class_install_action (widget_class, "win.erase-person", NULL,
                                   erase_person_activated);
  gtk_widget_class_install_action (widget_class, "win.retention", NULL, retention_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print",
                                       NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-record",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo",
                                       NULL);
  for (int i = 1; i <= (int) (N_SECTIONS + N_TOOLS); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK,
                                         "win.section", "i", i);
}

static void
se_window_init (SeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect (self->section_list, "row-activated", G_CALLBACK (on_section_activated),
                    self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->filter_button)), "show",
                    G_CALLBACK (on_filter_popover_show), self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_object_bind_property (self->search_bar, "search-mode-enabled", self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-record", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-ics", FALSE);
  self->tool = -1;
  update_data_actions (self, NULL);
}

/**
 * se_window_new:
 * @application: (nullable): the application
 * @path: the database file to open
 *
 * Returns: (transfer none): a new window showing the database at @path, or
 *   why it cannot be opened
 */
SeWindow *
se_window_new (GtkApplication *application,
               const char     *path)
{
  SeWindow *self = g_object_new (SE_TYPE_WINDOW, "application", application, NULL);

  self->path = g_strdup (path);
  open_store (self);
  return self;
}

/**
 * se_window_get_page:
 *
 * Returns: what the window shows: "problem" when the database could not be
 *   opened, "welcome" when it is empty, "browser" otherwise
 */
const char *
se_window_get_page (SeWindow *self)
{
  g_return_val_if_fail (SE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
se_window_get_path (SeWindow *self)
{
  g_return_val_if_fail (SE_IS_WINDOW (self), NULL);

  return self->path;
}

/**
 * se_window_get_store:
 *
 * Returns: (transfer none) (nullable): the open store, %NULL if the file
 *   could not be opened
 */
SeStore *
se_window_get_store (SeWindow *self)
{
  g_return_val_if_fail (SE_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * se_window_get_record_page:
 *
 * Returns: (transfer none) (nullable): the page that shows the chosen record
 */
SeRecordPage *
se_window_get_record_page (SeWindow *self)
{
  g_return_val_if_fail (SE_IS_WINDOW (self), NULL);

  return self->page;
}

/**
 * se_window_get_visible_list:
 *
 * Returns: (transfer none): the records of the current section as the list
 *   shows them: filtered, searched and sorted
 */
GListModel *
se_window_get_visible_list (SeWindow *self)
{
  g_return_val_if_fail (SE_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;
  section_model (self, self->current);
  return G_LIST_MODEL (self->selections[self->current]);
}

/**
 * se_window_get_tool_page:
 * @name: "checks", "statistics", "calendar" or "history"
 *
 * Returns: (transfer none) (nullable): the page of a planning aid
 *   (#SeChecksPage, #SeStatisticsPage, #SeCalendarPage, #SeHistoryPage)
 */
GtkWidget *
se_window_get_tool_page (SeWindow   *self,
                         const char *name)
{
  g_return_val_if_fail (SE_IS_WINDOW (self), NULL);

  for (guint t = 0; t < N_TOOLS; t++)
    if (g_strcmp0 (tools[t].name, name) == 0)
      return self->tool_pages[t];
  return NULL;
}
