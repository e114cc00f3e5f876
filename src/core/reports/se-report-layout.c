/* se-report-layout.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-reports"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "se-date.h"
#include "se-private-file.h"
#include "se-report.h"

#include "se-report-private.h"

/* Laying a report out on pages of any size, drawing a page on a cairo
 * context, and writing the whole as a PDF file. */

static const struct
{
  double size;
  PangoWeight weight;
} styles[N_STYLES] = {
  [STYLE_BODY] = { 9.5, PANGO_WEIGHT_NORMAL },
  [STYLE_TABLE] = { 8.5, PANGO_WEIGHT_NORMAL },
  [STYLE_TABLE_HEADER] = { 8.0, PANGO_WEIGHT_BOLD },
  [STYLE_LABEL] = { 8.5, PANGO_WEIGHT_NORMAL },
  [STYLE_HEADING] = { 11.5, PANGO_WEIGHT_BOLD },
  [STYLE_TITLE] = { 16.0, PANGO_WEIGHT_BOLD },
  [STYLE_CAPTION] = { 8.5, PANGO_WEIGHT_NORMAL },
  [STYLE_DISPLAY] = { 22.0, PANGO_WEIGHT_BOLD },
  [STYLE_NAME] = { 16.0, PANGO_WEIGHT_BOLD },
  [STYLE_FOOTER] = { 7.5, PANGO_WEIGHT_NORMAL },
};

typedef struct
{
  guint  item;
  double y;
  double from;
  double to;
} Placed;

/* Laying out */

static PangoLayout *
make_layout (SeReport       *self,
             Style           style,
             double          width,
             PangoAlignment  align,
             const char     *markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (font, styles[style].weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
text_width (SeReport *self)
{
  return self->page_width - 2 * MARGIN;
}

static void
measure_item (SeReport *self,
              Item     *item)
{
  double width = text_width (self);
  double text_height = 0;

  item->lines = g_array_new (FALSE, FALSE, sizeof (double));
  item->min_piece = 0;

  if (item->flags & ITEM_SPACE)
    {
      item->height = item->pad;
      return;
    }

  for (guint i = 0; i < item->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (item->cells, i);
      PangoLayoutIter *iter;
      int height;
      guint n_lines = 0;

      g_clear_object (&cell->layout);
      cell->layout = make_layout (self, cell->style, cell->width * width - 2 * CELL_PAD_X,
                                  cell->align, cell->markup);
      pango_layout_get_size (cell->layout, NULL, &height);
      text_height = MAX (text_height, (double) height / PANGO_SCALE);

      iter = pango_layout_get_iter (cell->layout);
      do
        {
          int y0, y1;
          double line[2];

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          line[0] = item->pad + (double) y0 / PANGO_SCALE;
          line[1] = item->pad + (double) y1 / PANGO_SCALE;
          g_array_append_vals (item->lines, line, 2);
          if (++n_lines <= 2)
            item->min_piece = MAX (item->min_piece, line[1]);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  item->height = text_height + 2 * item->pad;
  item->min_piece = MIN (item->height, item->min_piece + item->pad);
  if (!(item->flags & ITEM_SPLIT))
    item->min_piece = item->height;
}

/* The lowest place at or above @limit that cuts through no line. */
static double
find_break (Item   *item,
            double  from,
            double  limit)
{
  double brk = limit;
  gboolean moved = TRUE;

  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i + 1 < item->lines->len; i += 2)
        {
          double top = g_array_index (item->lines, double, i);
          double bottom = g_array_index (item->lines, double, i + 1);

          if (top < brk - 0.01 && bottom > brk + 0.01)
            {
              brk = top;
              moved = TRUE;
            }
        }
    }
  return brk > from + 0.01 ? brk : from;
}

typedef struct
{
  SeReport *self;
  GArray   *page;
  double    top;
  double    bottom;
  double    y;
  double    content_top;  /* below a repeated header */
} Flow;

static void
place (Flow   *flow,
       guint   index,
       double  from,
       double  to)
{
  Placed p = { index, flow->y, from, to };

  g_array_append_val (flow->page, p);
  flow->y += to - from;
}

static void
new_page (Flow *flow,
          int   header)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = flow->top;
  if (header >= 0)
    {
      Item *h = g_ptr_array_index (flow->self->items, header);
      place (flow, (guint) header, 0, h->height);
    }
  flow->content_top = flow->y;
}

/* The height that must fit for item @i to start here: itself, or its
 * first lines, and what it must be kept with. */
static double
needed (SeReport *self,
        guint     i)
{
  double need = 0;

  for (; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->flags & ITEM_SPACE)
        {
          need += item->height;
          continue;
        }
      if (!(item->flags & ITEM_KEEP_WITH_NEXT))
        return need + item->min_piece;
      need += item->height;
    }
  return need;
}

static int
repeated_header (Item *item)
{
  return (item->flags & ITEM_HEADER) ? -1 : item->header;
}

/**
 * se_report_paginate:
 * @self: a report
 * @cr: a cairo context whose user units are points (PDF surface, or a
 *   GtkPrintContext's with the print operation's unit set to
 *   %GTK_UNIT_POINTS and use-full-page %TRUE)
 * @page_width: the width of the paper in points
 * @page_height: the height of the paper in points
 *
 * Lays the report out on pages of the given size, with margins of 2 cm.
 * Call it again when the paper size changes.
 *
 * Returns: the number of pages, at least 1
 */
guint
se_report_paginate (SeReport *self,
                    cairo_t  *cr,
                    double    page_width,
                    double    page_height)
{
  cairo_font_options_t *options;
  Flow flow = { self, NULL, 0, 0, 0, 0 };

  g_return_val_if_fail (SE_IS_REPORT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (page_width > 4 * MARGIN && page_height > 4 * MARGIN, 0);

  self->page_width = page_width;
  self->page_height = page_height;

  /* Metrics without hinting, so that the lines measured here break the
   * same way on whatever surface draws them. */
  g_clear_object (&self->context);
  self->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      g_clear_pointer (&item->lines, g_array_unref);
      measure_item (self, item);
    }

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  flow.top = MARGIN;
  flow.bottom = page_height - MARGIN;
  new_page (&flow, -1);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      double from = 0;

      if (item->flags & ITEM_SPACE)
        {
          if (flow.y > flow.content_top)
            flow.y += item->height;
          continue;
        }

      if (flow.y > flow.content_top
          && flow.y + MIN (needed (self, i), flow.bottom - flow.top) > flow.bottom + 0.01)
        new_page (&flow, repeated_header (item));

      for (;;)
        {
          double avail = flow.bottom - flow.y;
          double brk;

          if (item->height - from <= avail + 0.01)
            {
              place (&flow, i, from, item->height);
              break;
            }

          /* A row that does not fit an empty page breaks like a paragraph. */
          brk = find_break (item, from, from + avail);
          if (brk <= from && flow.y > flow.content_top)
            {
              new_page (&flow, repeated_header (item));
              continue;
            }
          if (brk <= from)
            brk = from + avail;   /* a single line taller than a page */
          place (&flow, i, from, brk);
          from = brk;
          new_page (&flow, repeated_header (item));
        }
    }

  return self->pages->len;
}

/**
 * se_report_get_n_pages:
 *
 * Returns: the number of pages the last se_report_paginate() made, or 0
 */
guint
se_report_get_n_pages (SeReport *self)
{
  g_return_val_if_fail (SE_IS_REPORT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

static void
hairline (cairo_t *cr,
          double   x0,
          double   x1,
          double   y,
          double   width,
          double   level)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, level, level, level);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_item (SeReport *self,
           cairo_t  *cr,
           Item     *item)
{
  double width = text_width (self);

  if (item->flags & ITEM_HEADER)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, SHADE_GREY, SHADE_GREY, SHADE_GREY);
      cairo_rectangle (cr, 0, 0, width, item->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < item->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (item->cells, i);
      double x = cell->x * width;

      if (cell->overline)
        hairline (cr, x + CELL_PAD_X, x + cell->width * width - CELL_PAD_X, 0, 0.6, 0);
      cairo_move_to (cr, x + CELL_PAD_X, item->pad);
      pango_cairo_show_layout (cr, cell->layout);
    }

  if (item->flags & ITEM_RULE_BELOW)
    {
      gboolean strong = (item->flags & ITEM_STRONG_RULE) != 0;
      hairline (cr, 0, width, item->height - 0.25, strong ? 0.8 : 0.4, strong ? 0.2 : RULE_GREY);
    }
}

static void
draw_text (SeReport       *self,
           cairo_t        *cr,
           double          x,
           double          y,
           double          width,
           PangoAlignment  align,
           const char     *text)
{
  g_autofree char *markup = _se_report_grey (text);
  g_autoptr(PangoLayout) layout = make_layout (self, STYLE_FOOTER, width, align, markup);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/**
 * se_report_draw_page:
 * @self: a report laid out by se_report_paginate()
 * @cr: where to draw, in points, origin at the paper's top left corner
 * @page: the page, counted from 0
 *
 * Draws one page with its running head and footer.
 */
void
se_report_draw_page (SeReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  GArray *placed;
  double width;
  double footer_y;
  g_autofree char *date = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *page_of = NULL;

  g_return_if_fail (SE_IS_REPORT (self));
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page < self->pages->len);

  placed = g_ptr_array_index (self->pages, page);
  width = text_width (self);

  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      Item *item = g_ptr_array_index (self->items, p->item);

      cairo_save (cr);
      /* A piece of an item broken over pages shows only its own lines. */
      cairo_rectangle (cr, MARGIN - CELL_PAD_X, p->y, width + 2 * CELL_PAD_X, p->to - p->from);
      cairo_clip (cr);
      cairo_translate (cr, MARGIN, p->y - p->from);
      draw_item (self, cr, item);
      cairo_restore (cr);
    }

  cairo_save (cr);
  if (page > 0 && self->running_header != NULL)
    {
      draw_text (self, cr, MARGIN, MARGIN - 26, width, PANGO_ALIGN_LEFT, self->running_header);
      hairline (cr, MARGIN, MARGIN + width, MARGIN - 12, 0.4, RULE_GREY);
    }

  footer_y = self->page_height - MARGIN + 14;
  hairline (cr, MARGIN, MARGIN + width, footer_y, 0.4, RULE_GREY);
  date = se_date_format (self->print_date);
  /* Translators: in the footer of a printed page, %s is today's date */
  printed = g_strdup_printf (C_("report", "Printed on %s"), date);
  /* Translators: in the footer of a printed page */
  page_of = g_strdup_printf (C_("report", "Page %u of %u"), page + 1, self->pages->len);
  draw_text (self, cr, MARGIN, footer_y + 4, width * 0.6, PANGO_ALIGN_LEFT, printed);
  draw_text (self, cr, MARGIN + width * 0.6, footer_y + 4, width * 0.4, PANGO_ALIGN_RIGHT, page_of);
  cairo_restore (cr);
}

/* Writing a PDF */

typedef struct
{
  int fd;
  int error;
} Sink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->error = n < 0 ? errno : EIO;
          break;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SE_REPORT_ERROR, SE_REPORT_ERROR_WRITE,
               /* Translators: %1$s is a file name, %2$s the system's reason */
               _("Could not write %1$s: %2$s. Choose another folder or free some space."),
               display, reason);
}

/**
 * se_report_write_pdf:
 * @self: a report
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Writes the report as an A4 PDF to a temporary file next to @path and
 * renames it into place only when all of it is written, so that @path
 * is either the whole new document or left as it was.
 *
 * Returns: %TRUE if @path holds the PDF
 */
gboolean
se_report_write_pdf (SeReport    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(SePrivateFile) file = NULL;
  g_autoptr(GError) local = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Sink sink = { -1, 0 };
  guint n_pages;

  g_return_val_if_fail (SE_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The summary holds personal data: the owner's only, like the database. */
  file = se_private_file_open (path, &local);
  if (file == NULL)
    {
      set_write_error (error, path, local->message);
      return FALSE;
    }
  sink.fd = se_private_file_get_fd (file);

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &sink,
                                                 SE_REPORT_A4_WIDTH, SE_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Staff Exchange");
  cr = cairo_create (surface);

  n_pages = se_report_paginate (self, cr, SE_REPORT_A4_WIDTH, SE_REPORT_A4_HEIGHT);
  for (guint i = 0; i < n_pages && sink.error == 0; i++)
    {
      se_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error == 0 && status != CAIRO_STATUS_SUCCESS)
    sink.error = status == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;
  if (sink.error != 0)
    {
      set_write_error (error, path, g_strerror (sink.error));
      return FALSE;
    }

  if (!se_private_file_commit (g_steal_pointer (&file), &local))
    {
      set_write_error (error, path, local->message);
      return FALSE;
    }
  return TRUE;
}
