/* se-report-private.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the files of core/reports/ share: the document model (items of
 * cells) that se-report.c builds and se-report-layout.c lays out and draws,
 * and the building blocks the summary and the certificate are made of. */

#pragma once

#include <pango/pangocairo.h>

#include "se-report.h"

G_BEGIN_DECLS

#define FONT_FAMILY "DejaVu Sans"
#define MARGIN 56.69           /* 2 cm */
#define CELL_PAD_X 3.0
#define GREY "#555555"
#define RULE_GREY 0.55
#define SHADE_GREY 0.92

typedef enum
{
  STYLE_BODY,
  STYLE_TABLE,
  STYLE_TABLE_HEADER,
  STYLE_LABEL,
  STYLE_HEADING,
  STYLE_TITLE,
  STYLE_CAPTION,
  STYLE_DISPLAY,
  STYLE_NAME,
  STYLE_FOOTER,
  N_STYLES
} Style;

typedef struct
{
  const char     *title;
  double          width;
  PangoAlignment  align;
} Column;


typedef struct
{
  char           *markup;
  double          x;        /* fractions of the text width */
  double          width;
  Style           style;
  PangoAlignment  align;
  gboolean        overline; /* a signature line above the text */
  PangoLayout    *layout;
} Cell;

typedef enum
{
  ITEM_RULE_BELOW = 1 << 0,
  ITEM_HEADER = 1 << 1,          /* a table's header row, repeated on each page */
  ITEM_KEEP_WITH_NEXT = 1 << 2,
  ITEM_SPLIT = 1 << 3,           /* may break between lines */
  ITEM_SPACE = 1 << 4,           /* vertical space, dropped at the top of a page */
  ITEM_STRONG_RULE = 1 << 5,
} ItemFlags;

typedef struct
{
  GPtrArray *cells;
  guint      flags;
  double     pad;      /* above and below the text; the height of a space */
  int        header;   /* the header item of this row's table, or -1 */

  /* set by se_report_paginate () */
  double     height;
  double     min_piece;  /* the least of it worth starting at a page's foot */
  GArray    *lines;      /* (top, bottom) pairs of every line, for breaking */
} Item;

struct _SeReport
{
  GObject parent_instance;

  char         *title;
  char         *file_stem;
  char         *running_header;
  char         *print_date;     /* ISO */
  GPtrArray    *items;

  PangoContext *context;
  double        page_width;
  double        page_height;
  GPtrArray    *pages;          /* GArray of Placed per page */
};

/* Building blocks (se-report.c) */

Item *_se_report_add_item            (SeReport    *self,
                                      guint        flags,
                                      double       pad);
Cell *_se_report_add_cell            (Item          *item,
                                      double         x,
                                      double         width,
                                      Style          style,
                                      PangoAlignment align,
                                      char          *markup);
void  _se_report_add_space           (SeReport    *self,
                                      double       height);
Item *_se_report_add_text            (SeReport      *self,
                                      Style          style,
                                      PangoAlignment align,
                                      const char    *text);
void  _se_report_add_paragraphs      (SeReport    *self,
                                      const char  *text);
void  _se_report_add_rule            (SeReport    *self);
void  _se_report_add_heading         (SeReport    *self,
                                      const char  *text);
void  _se_report_add_fact            (SeReport    *self,
                                      const char  *label,
                                      const char  *value);
int   _se_report_add_table_header    (SeReport    *self,
                                      const Column *columns,
                                      guint        n_columns);
void  _se_report_add_row             (SeReport    *self,
                                      int          header,
                                      const Column *columns,
                                      guint        n_columns,
                                      char       **cells);
char *_se_report_grey                (const char  *text);
char *_se_report_person_name         (SeStore     *store,
                                      SeRecord    *record);
char *_se_report_organisation_name   (SeStore     *store,
                                      gint64       id,
                                      gboolean     short_name);
char *_se_report_organisation_block  (SeStore     *store,
                                      gint64       id,
                                      const char  *label);
void  _se_report_append_line         (GString     *markup,
                                      const char  *escaped);
void  _se_report_append_text_line    (GString     *markup,
                                      const char  *text);
char *_se_report_stem_for            (const char  *prefix,
                                      const char  *name);

G_END_DECLS
