/* se-window-private.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "se-deletion.h"
#include "se-query-model.h"
#include "se-record-page.h"
#include "se-store.h"
#include "se-window.h"

G_BEGIN_DECLS

/* What the files of the main window share: its struct and the functions
 * one file offers the others. se-window.c builds the window and shows the
 * sections, the lists and the records; se-window-actions.c holds every
 * action the window installs; the rest each hold one concern:
 *
 *   se-window-filters.c   the search and the filters of a section's list
 *   se-window-rows.c      the rows of a section's list
 *   se-window-exchange.c  CSV import and export, iCalendar export
 *   se-window-privacy.c   a person's data: export, anonymise, erase;
 *                         the retention dialog
 *   se-window-backup.c    the automatic backup and the restores
 *   se-window-banners.c   the banners above the content
 *   se-window-sign-in.c   signing in to a server that asks for a password */

/* One of the record sections in the sidebar */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
  GType     (*type) (void);
  const char *empty_title;
  const char *empty_description;
  const char *new_tooltip;
} SeWindowSection;

#define SE_WINDOW_N_SECTIONS 5

/* The planning aids below the record sections: each shows one page in
 * place of the list and the record. */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
} SeWindowTool;

enum
{
  SE_WINDOW_TOOL_CHECKS,
  SE_WINDOW_TOOL_STATISTICS,
  SE_WINDOW_TOOL_CALENDAR,
  SE_WINDOW_TOOL_HISTORY,
  SE_WINDOW_N_TOOLS
};

extern const SeWindowSection _se_window_sections[SE_WINDOW_N_SECTIONS];
extern const SeWindowTool    _se_window_tools[SE_WINDOW_N_TOOLS];

/* What the filters of one section are set to; -1 and 0 mean "any". */
typedef struct
{
  int     kind;
  int     status;
  int     year;
  gint64  organisation;
} SeWindowFilterState;

struct _SeWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  AdwStatusPage       *problem_page;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkWidget           *list_pane;
  GtkListBox          *section_list;
  GtkStack            *section_stack;
  AdwWindowTitle      *list_title;
  AdwWindowTitle      *sidebar_title;
  GtkWidget           *new_button;
  GtkToggleButton     *search_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkWidget           *filter_button;
  GtkWidget           *filter_box;
  GtkStack            *detail_stack;
  GtkWidget           *detail_separator;
  GtkStack            *tool_stack;

  /* Built once the store is open */
  SeRecordPage        *page;
  GtkLabel            *count_labels[SE_WINDOW_N_SECTIONS];
  GtkStack            *section_pages[SE_WINDOW_N_SECTIONS];
  GtkListView         *views[SE_WINDOW_N_SECTIONS];
  GtkWidget           *tool_pages[SE_WINDOW_N_TOOLS];
  GtkLabel            *checks_count;

  /* Owned */
  GSettings           *settings;
  GMenu                  *recent_section;         /* Open Recent, in the main menu */
  GMenu                  *problem_recent_section; /* and in the problem page's */
  GMenu                  *recent_items;
  char                *path;
  SeStore             *store;
  GtkSingleSelection  *selections[SE_WINDOW_N_SECTIONS];
  SeQueryModel        *models[SE_WINDOW_N_SECTIONS];
  char                *search_text;
  SeDeletion          *last_deletion;
  /* The newest good backup of a damaged file, offered on the problem page */
  char                *newest_backup;
  /* While a server asks for a password (se-window-sign-in.c) */
  struct _SeWindowSignIn *sign_in;

  /* State */
  guint                current;
  SeWindowFilterState  filter_state[SE_WINDOW_N_SECTIONS];
  gboolean             start_empty;
  gboolean             selecting;
  int                  tool;
};

/* se-window.c */
SeQueryModel       *_se_window_section_model         (SeWindow      *self,
                                                      guint          index);
int                 _se_window_find_section          (const char    *name);
GtkWidget          *_se_window_content_pane          (SeWindow      *self);
void                _se_window_show_detail           (SeWindow      *self,
                                                      SeRecord      *record,
                                                      gboolean       editing);
void                _se_window_show_store (SeWindow *self,
                                           SeStore  *store);
void                _se_window_show_problem (SeWindow     *self,
                                             const GError *error);

/* se-window-actions.c */
void                _se_window_class_actions_init    (SeWindowClass *klass);
void                _se_window_actions_update        (SeWindow      *self,
                                                      SeRecord      *record);
void                _se_window_actions_update_empty  (SeWindow      *self);

/* se-window-filters.c */
void                _se_window_filters_init          (SeWindow      *self);
void                _se_window_refilter              (SeWindow      *self);

/* se-window-rows.c */
GtkListItemFactory *_se_window_rows_factory_new      (SeWindow      *self);

/* se-window-exchange.c */
void                _se_window_export_csv            (SeWindow      *self);
void                _se_window_import_csv            (SeWindow      *self);
void                _se_window_export_ics            (SeWindow      *self,
                                                      SeRecord      *placement);
void                _se_window_export_listed_ics     (SeWindow      *self);

/* se-window-privacy.c */
void                _se_window_export_person         (SeWindow      *self,
                                                      SeRecord      *person);
void                _se_window_anonymise_person      (SeWindow      *self,
                                                      SeRecord      *person);
void                _se_window_erase_person          (SeWindow      *self,
                                                      SeRecord      *person);
void                _se_window_show_retention        (SeWindow      *self);

/* se-window-backup.c */
void                _se_window_backup_on_open        (SeWindow      *self);
void                _se_window_backup_on_close       (SeWindow      *self);
void                _se_window_backup_offer_newest   (SeWindow      *self,
                                                      const GError  *error);
void                _se_window_backup_restore_newest (SeWindow      *self);
void                _se_window_backup_restore        (SeWindow      *self);

/* se-window-banners.c */
void                _se_window_banners_init          (SeWindow      *self);

/* se-window-sign-in.c */
gboolean            _se_window_sign_in (SeWindow     *self,
                                        const GError *error);
void                _se_window_sign_in_cancel (SeWindow *self);

G_END_DECLS
