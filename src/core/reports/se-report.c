/* se-report.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "se-agreement.h"
#include "se-approval.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement-topic.h"
#include "se-placement.h"
#include "se-programme-item.h"
#include "se-quota.h"
#include "se-report.h"
#include "se-signatory.h"
#include "se-topic.h"
#include "se-unit.h"

#include "se-report-private.h"

/* A printed document as a list of items (a title, a paragraph, a table
 * row), each a row of cells laid out with Pango. Everything is read from
 * the store when the report is made; se_report_paginate() lays the items
 * out on pages of any size with the cairo context it is given (a PDF
 * surface here, a GtkPrintContext's when printing), and
 * se_report_draw_page() draws one page. Cell widths are fractions of the
 * text width, so the same report fits A4 and Letter.
 *
 * Page breaks: a paragraph breaks between its lines; a table row moves to
 * the next page whole, and the table's header row is repeated there; a
 * heading stays with what follows it. A row taller than a page breaks
 * between lines too, so that no text is ever cut off. */

G_DEFINE_FINAL_TYPE (SeReport, se_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (se-report-error-quark, se_report_error)

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->markup);
  g_clear_object (&cell->layout);
  g_free (cell);
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_ptr_array_unref (item->cells);
  g_clear_pointer (&item->lines, g_array_unref);
  g_free (item);
}

static void
se_report_finalize (GObject *object)
{
  SeReport *self = SE_REPORT (object);

  g_free (self->title);
  g_free (self->file_stem);
  g_free (self->running_header);
  g_free (self->print_date);
  g_ptr_array_unref (self->items);
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (se_report_parent_class)->finalize (object);
}

static void
se_report_class_init (SeReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = se_report_finalize;
}

static void
se_report_init (SeReport *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->items = g_ptr_array_new_with_free_func (item_free);
  self->print_date = g_date_time_format (now, "%Y-%m-%d");
}

/* Building the document */

Item *
_se_report_add_item (SeReport *self,
                     guint     flags,
                     double    pad)
{
  Item *item = g_new0 (Item, 1);

  item->cells = g_ptr_array_new_with_free_func (cell_free);
  item->flags = flags;
  item->pad = pad;
  item->header = -1;
  g_ptr_array_add (self->items, item);
  return item;
}

/* Takes @markup. */
Cell *
_se_report_add_cell (Item           *item,
                     double          x,
                     double          width,
                     Style           style,
                     PangoAlignment  align,
                     char           *markup)
{
  Cell *cell = g_new0 (Cell, 1);

  cell->x = x;
  cell->width = width;
  cell->style = style;
  cell->align = align;
  cell->markup = markup;
  g_ptr_array_add (item->cells, cell);
  return cell;
}

void
_se_report_add_space (SeReport *self,
                      double    height)
{
  _se_report_add_item (self, ITEM_SPACE, height);
}

Item *
_se_report_add_text (SeReport       *self,
                     Style           style,
                     PangoAlignment  align,
                     const char     *text)
{
  Item *item = _se_report_add_item (self, ITEM_SPLIT, 1.5);

  _se_report_add_cell (item, 0, 1, style, align, g_markup_escape_text (text, -1));
  return item;
}

void
_se_report_add_paragraphs (SeReport   *self,
                           const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      _se_report_add_text (self, STYLE_BODY, PANGO_ALIGN_LEFT, paragraphs[i]);
      _se_report_add_space (self, 4);
    }
}

void
_se_report_add_rule (SeReport *self)
{
  _se_report_add_item (self, ITEM_RULE_BELOW | ITEM_STRONG_RULE, 2);
}

void
_se_report_add_heading (SeReport   *self,
                        const char *text)
{
  Item *item;

  _se_report_add_space (self, 14);
  item = _se_report_add_item (self, ITEM_KEEP_WITH_NEXT | ITEM_RULE_BELOW, 3);
  _se_report_add_cell (item, 0, 1, STYLE_HEADING, PANGO_ALIGN_LEFT, g_markup_escape_text (text, -1));
  _se_report_add_space (self, 4);
}

/* A label and its value, one row of a facts table. */
void
_se_report_add_fact (SeReport   *self,
                     const char *label,
                     const char *value)
{
  Item *item = _se_report_add_item (self, ITEM_RULE_BELOW, 3);

  _se_report_add_cell (item, 0, 0.3, STYLE_LABEL, PANGO_ALIGN_LEFT,
                       g_markup_printf_escaped ("<span foreground=\"" GREY "\">%s</span>", label));
  _se_report_add_cell (item, 0.3, 0.7, STYLE_BODY, PANGO_ALIGN_LEFT,
                       g_markup_escape_text (value != NULL ? value : "", -1));
}

/* Returns the index of the header item, for _se_report_add_row (). */
int
_se_report_add_table_header (SeReport     *self,
                             const Column *columns,
                             guint         n_columns)
{
  Item *item = _se_report_add_item (self, ITEM_HEADER | ITEM_KEEP_WITH_NEXT | ITEM_RULE_BELOW | ITEM_STRONG_RULE, 3);
  double x = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      _se_report_add_cell (item, x, columns[i].width, STYLE_TABLE_HEADER, columns[i].align,
                           g_markup_escape_text (columns[i].title, -1));
      x += columns[i].width;
    }
  item->header = (int) self->items->len - 1;
  return item->header;
}

/* Takes the markup strings in @cells. */
void
_se_report_add_row (SeReport     *self,
                    int           header,
                    const Column *columns,
                    guint         n_columns,
                    char        **cells)
{
  Item *item = _se_report_add_item (self, ITEM_RULE_BELOW, 3);
  double x = 0;

  item->header = header;
  for (guint i = 0; i < n_columns; i++)
    {
      _se_report_add_cell (item, x, columns[i].width, STYLE_TABLE, columns[i].align, cells[i]);
      x += columns[i].width;
    }
}

char *
_se_report_grey (const char *text)
{
  return g_markup_printf_escaped ("<span foreground=\"" GREY "\">%s</span>", text);
}

void
_se_report_append_line (GString    *markup,
                        const char *escaped)
{
  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  g_string_append (markup, escaped);
}

void
_se_report_append_text_line (GString    *markup,
                             const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_markup_escape_text (text, -1);
  _se_report_append_line (markup, escaped);
}

char *
_se_report_person_name (SeStore  *store,
                        SeRecord *record)
{
  g_autoptr(SeRecord) person = se_store_lookup (store, SE_TYPE_PERSON,
                                                se_record_get_reference (record, "person-id"));

  if (person != NULL)
    return se_describe_title (store, person);
  return g_strdup (se_record_get_string (record, "name") != NULL
                   ? se_record_get_string (record, "name") : "");
}

char *
_se_report_organisation_name (SeStore *store,
                              gint64   id,
                              gboolean short_name)
{
  g_autoptr(SeRecord) org = se_store_lookup (store, SE_TYPE_ORGANISATION, id);
  const char *s;

  if (org == NULL)
    return g_strdup ("");
  s = se_record_get_string (org, "short-name");
  if (short_name && s != NULL)
    return g_strdup (s);
  return g_strdup (se_record_get_string (org, "name"));
}

/* The name of an organisation in bold with its address below. */
char *
_se_report_organisation_block (SeStore    *store,
                               gint64      id,
                               const char *label)
{
  g_autoptr(SeRecord) org = se_store_lookup (store, SE_TYPE_ORGANISATION, id);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *place = NULL;
  const char *region, *country;

  if (label != NULL)
    {
      escaped = g_markup_printf_escaped ("<span size=\"small\" foreground=\"" GREY "\">%s</span>",
                                         label);
      _se_report_append_line (markup, escaped);
      g_clear_pointer (&escaped, g_free);
    }
  if (org == NULL)
    return g_string_free (g_steal_pointer (&markup), FALSE);

  escaped = g_markup_printf_escaped ("<b>%s</b>", se_record_get_string (org, "name"));
  _se_report_append_line (markup, escaped);

  if (se_record_get_reference (org, "parent-id") != 0)
    {
      g_autofree char *parent = _se_report_organisation_name (store, se_record_get_reference (org, "parent-id"),
                                                              FALSE);
      _se_report_append_text_line (markup, parent);
    }

  _se_report_append_text_line (markup, se_record_get_string (org, "address"));

  region = se_record_get_string (org, "region");
  country = se_record_get_string (org, "country");
  if (region != NULL && country != NULL)
    /* Translators: where an organisation is: a region and a country code, "Bayern (DE)" */
    place = g_strdup_printf (C_("report", "%s (%s)"), region, country);
  else
    place = g_strdup (region != NULL ? region : country);
  _se_report_append_text_line (markup, place);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

char *
_se_report_stem_for (const char *prefix,
                     const char *name)
{
  g_autoptr(GString) s = g_string_new (prefix);

  g_string_append_c (s, ' ');
  g_string_append (s, name);
  /* Characters that file systems or file managers dislike */
  for (char *c = s->str; *c; c++)
    if (strchr ("/\\:*?\"<>|", *c) != NULL || (guchar) *c < 0x20)
      *c = '-';
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * se_report_get_title:
 *
 * Returns: a title for the print job and the PDF's metadata
 */
const char *
se_report_get_title (SeReport *self)
{
  g_return_val_if_fail (SE_IS_REPORT (self), NULL);

  return self->title;
}

/**
 * se_report_dup_file_name:
 *
 * Returns: (transfer full): a file name to offer when saving as PDF,
 *   "Agreement summary JC-CHA-BZ-2019-01.pdf"
 */
char *
se_report_dup_file_name (SeReport *self)
{
  g_return_val_if_fail (SE_IS_REPORT (self), NULL);

  return g_strconcat (self->file_stem, ".pdf", NULL);
}

/**
 * se_report_set_print_date:
 * @iso_date: the date in the footer, "YYYY-MM-DD"; today by default
 */
void
se_report_set_print_date (SeReport   *self,
                          const char *iso_date)
{
  g_return_if_fail (SE_IS_REPORT (self));
  g_return_if_fail (se_date_is_valid (iso_date));

  g_free (self->print_date);
  self->print_date = g_strdup (iso_date);
}
