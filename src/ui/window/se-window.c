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
#include "se-history-page.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-statistics-page.h"
#include "se-window-private.h"

/* The main window: sections in a sidebar, the list of the chosen section
 * with search and filters, and the page of the chosen record. On a narrow
 * window the three fold into one column with back buttons. The window
 * observes the store's list models; changes go through the store.
 *
 * This file builds the window and shows what was chosen; its actions and
 * its other concerns are in the files se-window-private.h lists. */

const SeWindowSection _se_window_sections[SE_WINDOW_N_SECTIONS] = {
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

const SeWindowTool _se_window_tools[SE_WINDOW_N_TOOLS] = {
  { "checks", N_("Checks"), "object-select-symbolic" },
  { "statistics", N_("Statistics"), "x-office-spreadsheet-symbolic" },
  { "calendar", N_("Calendar"), "x-office-calendar-symbolic" },
  { "history", N_("History"), "document-open-recent-symbolic" },
};

G_DEFINE_FINAL_TYPE (SeWindow, se_window, ADW_TYPE_APPLICATION_WINDOW)

/* Showing records */

/**
 * _se_window_show_detail:
 * @record: (nullable): the record to show, %NULL for none
 * @editing: whether to show it in its form
 *
 * Shows @record's page next to the list (in place of it when folded).
 */
void
_se_window_show_detail (SeWindow *self,
                        SeRecord *record,
                        gboolean  editing)
{
  se_record_page_show (self->page, record, editing);
  gtk_stack_set_visible_child_name (self->detail_stack, record != NULL ? "record" : "none");
  if (record != NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
  _se_window_actions_update (self, record);
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

  _se_window_show_detail (self, record, FALSE);
}

static void
on_list_activate (GtkListView *view,
                  guint        position,
                  SeWindow    *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(SeRecord) record = g_list_model_get_item (model, position);

  _se_window_show_detail (self, record, FALSE);
}

/* Selects @record in its section's list, without changing the page. */
static void
select_in_list (SeWindow *self,
                SeRecord *record)
{
  for (guint s = 0; s < SE_WINDOW_N_SECTIONS; s++)
    {
      GListModel *model;
      guint n;

      if (G_OBJECT_TYPE (record) != _se_window_sections[s].type ())
        continue;

      _se_window_section_model (self, s);
      se_query_model_read_all (self->models[s]);
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

  for (guint s = 0; s < SE_WINDOW_N_SECTIONS; s++)
    if (G_OBJECT_TYPE (record) == _se_window_sections[s].type ())
      se_window_show_section (self, _se_window_sections[s].name);

  select_in_list (self, record);
  _se_window_show_detail (self, record, FALSE);
}

static void
on_page_open_record (SeRecordPage *page,
                     SeRecord     *record,
                     SeWindow     *self)
{
  gboolean top_level = FALSE;

  for (guint s = 0; s < SE_WINDOW_N_SECTIONS; s++)
    top_level |= G_OBJECT_TYPE (record) == _se_window_sections[s].type ();

  if (top_level)
    se_window_show_record (self, record);
}

static void
on_page_saved (SeRecordPage *page,
               SeRecord     *record,
               SeWindow     *self)
{
  select_in_list (self, record);
  _se_window_actions_update (self, record);
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
  for (guint i = 0; i < SE_WINDOW_N_SECTIONS; i++)
    {
      /* An SQL count: the sections' lists are not loaded whole. */
      guint n = se_store_count (self->store, _se_window_sections[i].type ());
      /* %' groups the digits as the locale does: 200.000 in German */
      g_autofree char *text = g_strdup_printf ("%'u", n);

      gtk_label_set_text (self->count_labels[i], text);
      gtk_stack_set_visible_child_name (self->section_pages[i], n > 0 ? "list" : "empty");
    }

  if (!se_record_page_get_editing (self->page))
    gtk_stack_set_visible_child_name (self->main_stack,
                                      se_store_is_empty (self->store) && !self->start_empty
                                      ? "welcome" : "browser");
  _se_window_actions_update_empty (self);
}

/* A section's list, read when the section is first shown or asked for:
 * the first page of a list sorted on an expression (partnerships,
 * agreements) costs milliseconds that the start need not spend on lists
 * not shown. Rows come from an SQL query that holds ids and builds the
 * records shown: sorted, searched and filtered in SQL. */
SeQueryModel *
_se_window_section_model (SeWindow *self,
                          guint     index)
{
  GtkSingleSelection *selection;

  if (self->models[index] != NULL)
    return self->models[index];

  self->models[index] = se_query_model_new_for_view (self->store, _se_window_sections[index].type ());
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
  const SeWindowSection *section = &_se_window_sections[index];
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  GtkListItemFactory *factory = _se_window_rows_factory_new (self);
  GtkWidget *view, *scrolled, *empty, *button;

  self->filter_state[index] = (SeWindowFilterState) { -1, -1, 0, 0 };

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
  GtkWidget *icon = gtk_image_new_from_icon_name (_se_window_sections[index].icon);
  GtkWidget *label = gtk_label_new (_(_se_window_sections[index].title));
  GtkWidget *count = gtk_label_new ("0");

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "section-count");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, _se_window_sections[index].name);
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
  gtk_stack_set_visible_child_name (self->tool_stack, _se_window_tools[tool].name);
  if (visible != self->sidebar)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->tool_stack));

  gtk_list_box_select_row (self->section_list,
                           gtk_list_box_get_row_at_index (self->section_list,
                                                          (int) (SE_WINDOW_N_SECTIONS + tool)));
  g_settings_set_string (self->settings, "last-section", _se_window_tools[tool].name);
  _se_window_actions_update (self, NULL);
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

  _se_window_actions_update (self, record);
}

/* The content pane that goes with the chosen sidebar entry */
GtkWidget *
_se_window_content_pane (SeWindow *self)
{
  return self->tool >= 0 ? GTK_WIDGET (self->tool_stack) : self->list_pane;
}

static void
update_checks_count (SeWindow *self)
{
  SeChecksPage *page = SE_CHECKS_PAGE (self->tool_pages[SE_WINDOW_TOOL_CHECKS]);
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
  for (guint s = 0; s < SE_WINDOW_N_SECTIONS; s++)
    if (G_OBJECT_TYPE (record) == _se_window_sections[s].type ())
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
  if (gtk_list_box_row_get_index (row) == (int) SE_WINDOW_N_SECTIONS)
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
  self->tool_pages[SE_WINDOW_TOOL_CHECKS] = GTK_WIDGET (se_checks_page_new (self->store));
  self->tool_pages[SE_WINDOW_TOOL_STATISTICS] = GTK_WIDGET (se_statistics_page_new (self->store));
  self->tool_pages[SE_WINDOW_TOOL_CALENDAR] = GTK_WIDGET (se_calendar_page_new (self->store));
  self->tool_pages[SE_WINDOW_TOOL_HISTORY] = GTK_WIDGET (se_history_page_new (self->store));

  for (guint t = 0; t < SE_WINDOW_N_TOOLS; t++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name (_se_window_tools[t].icon);
      GtkWidget *label = gtk_label_new (_(_se_window_tools[t].title));

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      if (t == SE_WINDOW_TOOL_CHECKS)
        {
          GtkWidget *count = gtk_label_new ("0");
          gtk_widget_add_css_class (count, "dim-label");
          gtk_widget_add_css_class (count, "section-count");
          gtk_widget_set_name (count, "checks-count");
          gtk_box_append (GTK_BOX (box), count);
          self->checks_count = GTK_LABEL (count);
        }
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_name (row, _se_window_tools[t].name);
      gtk_list_box_append (self->section_list, row);

      g_object_bind_property (self->leaflet, "folded", self->tool_pages[t], "folded",
                              G_BINDING_SYNC_CREATE);
      if (t != SE_WINDOW_TOOL_STATISTICS)
        g_signal_connect (self->tool_pages[t], "open-record", G_CALLBACK (on_tool_open_record),
                          self);
      gtk_stack_add_named (self->tool_stack, self->tool_pages[t], _se_window_tools[t].name);
    }
  gtk_list_box_set_header_func (self->section_list, section_header, NULL, NULL);

  g_signal_connect_swapped (self->tool_pages[SE_WINDOW_TOOL_CHECKS], "notify::n-findings",
                            G_CALLBACK (update_checks_count), self);
  update_checks_count (self);
}

int
_se_window_find_section (const char *name)
{
  for (guint i = 0; i < SE_WINDOW_N_SECTIONS; i++)
    if (g_strcmp0 (_se_window_sections[i].name, name) == 0)
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
  int i = _se_window_find_section (section);

  g_return_if_fail (SE_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  for (guint t = 0; t < SE_WINDOW_N_TOOLS; t++)
    if (i < 0 && g_strcmp0 (section, _se_window_tools[t].name) == 0)
      {
        show_tool (self, t);
        return;
      }
  if (i < 0)
    i = 1;

  leave_tool (self);
  self->current = (guint) i;
  _se_window_section_model (self, (guint) i);
  if (gtk_list_view_get_model (self->views[i]) == NULL)
    gtk_list_view_set_model (self->views[i], GTK_SELECTION_MODEL (self->selections[i]));
  gtk_list_box_select_row (self->section_list,
                           gtk_list_box_get_row_at_index (self->section_list, i));
  gtk_stack_set_visible_child_name (self->section_stack, _se_window_sections[i].name);
  adw_window_title_set_title (self->list_title, _(_se_window_sections[i].title));
  gtk_widget_set_tooltip_text (self->new_button, _(_se_window_sections[i].new_tooltip));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(_se_window_sections[i].new_tooltip), -1);
  g_settings_set_string (self->settings, "last-section", _se_window_sections[i].name);

  _se_window_refilter (self);
  _se_window_actions_update (self, self->page != NULL ? se_record_page_get_record (self->page)
                                                      : NULL);
}

static void
on_section_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      SeWindow      *self)
{
  /* As Alt+1… does: the rows are the sections, then the planning aids */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.section", "i",
                              gtk_list_box_row_get_index (row) + 1);
}

/* Set-up */

/* The title says which database the window shows (a file's name, or a
 * server's service or host/database, never a password), so that two
 * windows are told apart. */
static void
set_titles (SeWindow *self)
{
  g_autofree char *name = se_store_dup_location_name (self->path);
  /* Translators: the window's title; %s is a database file's or server's name */
  g_autofree char *title = g_strdup_printf (_("%s – Staff Exchange"), name);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->sidebar_title, name);
}

/* Why the database cannot be opened, in place of its records */
void
_se_window_show_problem (SeWindow     *self,
                         const GError *error)
{
  adw_status_page_set_icon_name (self->problem_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->problem_page, _("The Database Cannot Be Opened"));
  adw_status_page_set_description (self->problem_page, error->message);
  _se_window_backup_offer_newest (self, error);
  gtk_stack_set_visible_child_name (self->main_stack, "problem");
  _se_window_actions_update_empty (self);
  _se_window_actions_update (self, NULL);
}

static void remember_recent (SeWindow   *self,
                             const char *location);

/* The records of @store (taken), which the window shows from now on */
void
_se_window_show_store (SeWindow *self,
                       SeStore  *store)
{
  g_autofree char *last = NULL;

  g_return_if_fail (self->store == NULL);

  self->store = store;
  self->page = se_record_page_new (self->store);
  g_signal_connect (self->page, "open-record", G_CALLBACK (on_page_open_record), self);
  g_signal_connect (self->page, "saved", G_CALLBACK (on_page_saved), self);
  g_signal_connect (self->page, "cancelled", G_CALLBACK (on_page_cancelled), self);
  g_object_bind_property (self->leaflet, "folded",
                          se_record_page_get_back_button (self->page), "visible",
                          G_BINDING_SYNC_CREATE);
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->page), "record");

  for (guint i = 0; i < SE_WINDOW_N_SECTIONS; i++)
    {
      gtk_list_box_append (self->section_list, build_section_row (self, i));
      gtk_stack_add_named (self->section_stack, build_section_page (self, i),
                           _se_window_sections[i].name);
    }
  build_tools (self);

  /* Read-only (file, folder) or on a network drive: said in a banner.
   * Nothing that writes is offered. */
  _se_window_banners_init (self);
  _se_window_backup_on_open (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  /* On a server, what colleagues commit reaches the lists, counts and
   * pages as they commit it; an edit open here is not replaced (the page
   * says what changed), and its save is refused if it would overwrite. */
  se_store_listen (self->store);
  remember_recent (self, self->path);
  if (se_store_get_role (self->store) != SE_STORE_ROLE_UNMANAGED)
    {
      /* On a server with roles: which one is the user's, beside its name */
      g_autofree char *name = se_store_dup_location_name (self->path);
      /* Translators: the sidebar's subtitle: %1$s names a database on a
       * server, %2$s is the user's role in it, e.g. "Clerk" */
      g_autofree char *subtitle = g_strdup_printf (C_("database and role", "%1$s · %2$s"), name,
                                                       se_store_role_get_label (
                                                         se_store_get_role (self->store)));

      adw_window_title_set_subtitle (self->sidebar_title, subtitle);
    }
  update_counts (self);
  _se_window_actions_update (self, NULL);
  last = g_settings_get_string (self->settings, "last-section");
  se_window_show_section (self, last);
}

/* Open Recent */

#define N_RECENT 8

/* The menu of the databases opened last, files and servers, newest
 * first; in both of the window's menus */
static void
update_recent (SeWindow *self)
{
  g_auto(GStrv) recent = NULL;

  if (self->recent_section == NULL || self->problem_recent_section == NULL)
    return;
  recent = g_settings_get_strv (self->settings, "recent-databases");

  /* The submenu stays; its items change (GTK 4.8's popover menus add a
   * submenu's page again when the submenu itself is replaced) */
  if (self->recent_items == NULL)
    {
      self->recent_items = g_menu_new ();
      g_menu_append_submenu (self->recent_section, _("Open _Recent"),
                                                      G_MENU_MODEL (self->recent_items));
      g_menu_append_submenu (self->problem_recent_section, _("Open _Recent"),
                                                              G_MENU_MODEL (self->recent_items));
    }
  g_menu_remove_all (self->recent_items);

  if (recent[0] == NULL)
    {
      /* an item without an action, so shown insensitive */
      g_menu_append (self->recent_items, _("No Recent Databases"), "win.no-recent-databases");
      return;
    }

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (se_store_location_is_server (recent[i]))
        name = se_store_dup_location_name (recent[i]);
      else
        {
          /* a file: its folder too, for two of the same name */
          g_autofree char *dir = g_path_get_dirname (recent[i]);
          g_autofree char *base = g_path_get_basename (recent[i]);
          const char      *home = g_get_home_dir ();
          g_autofree char *shown_dir = g_str_has_prefix (dir, home)
                                         ? g_strconcat ("~", dir + strlen (home), NULL)
                                         : g_strdup (dir);
          /* Translators: a recent database file: %1$s its name, %2$s its folder */
          name = g_strdup_printf (_("%1$s (%2$s)"), base, shown_dir);
        }
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (item, "app.open-location",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_items, item);
    }
}

/* @location opened: first in Open Recent, without a password it holds */
static void
remember_recent (SeWindow   *self,
                 const char *location)
{
  g_autofree char *kept = se_store_dup_location_to_remember (location);
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-databases");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) next = NULL;
  guint n = 1;

  g_strv_builder_add (builder, kept);
  for (guint i = 0; recent[i] != NULL && n < N_RECENT; i++)
    if (g_strcmp0 (recent[i], kept) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  next = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-databases", (const char *const *) next);
}

static void
open_store (SeWindow *self)
{
  g_autoptr(GError) error = NULL;
  SeStore *store;

  set_titles (self);
  store = se_store_open_location (self->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  if (store != NULL)
    _se_window_show_store (self, store);
  /* A server that wants a password libpq does not have: the keyring's,
   * or the user's */
  else if (!_se_window_sign_in (self, error))
    _se_window_show_problem (self, error);
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

  _se_window_sign_in_cancel (self);
  for (guint i = 0; i < SE_WINDOW_N_SECTIONS; i++)
    g_clear_object (&self->models[i]);

  /* Another window's Open Recent changes the settings; the menus this
   * one held go with its template, while something else may still hold
   * the window itself */
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, update_recent, self);
  g_clear_object (&self->recent_items);
  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_WINDOW);
  /* After the list views, which may hold them too */
  for (guint i = 0; i < SE_WINDOW_N_SECTIONS; i++)
    g_clear_object (&self->selections[i]);

  G_OBJECT_CLASS (se_window_parent_class)->dispose (object);
}

static void
se_window_finalize (GObject *object)
{
  SeWindow *self = SE_WINDOW (object);

  g_clear_object (&self->last_deletion);
  _se_window_backup_on_close (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->newest_backup, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, SeWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, problem_recent_section);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, section_list);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, filter_box);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, detail_separator);
  gtk_widget_class_bind_template_child (widget_class, SeWindow, tool_stack);


  _se_window_class_actions_init (klass);
}

static void
se_window_init (SeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::recent-databases",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
  g_signal_connect (self->section_list, "row-activated", G_CALLBACK (on_section_activated),
                    self);
  _se_window_filters_init (self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_object_bind_property (self->search_bar, "search-mode-enabled", self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  self->tool = -1;
  _se_window_actions_update (self, NULL);
}

/**
 * se_window_new:
 * @application: (nullable): the application
 * @path: the database to open: a file, or a server (se_store_location_is_server ())
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
  _se_window_section_model (self, self->current);
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

  for (guint t = 0; t < SE_WINDOW_N_TOOLS; t++)
    if (g_strcmp0 (_se_window_tools[t].name, name) == 0)
      return self->tool_pages[t];
  return NULL;
}
