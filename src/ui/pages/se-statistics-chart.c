/* se-statistics-chart.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "se-statistics-chart.h"

/* The Statistics page's drawing: the horizontal bar charts and the
 * printed pages, with cairo and Pango. The same code draws the charts on
 * screen, in the theme's colours, and on paper, in fixed ones. */

/* Bars per chart on screen; a printed page takes as many as fit. Years
 * and kinds are a scale of their own, which reads well with more bars. */
#define MAX_BARS 20
#define MAX_BARS_IN_ORDER 60

guint
se_statistics_chart_max_bars (SeStatisticsGrouping grouping)
{
  return grouping == SE_STATISTICS_BY_YEAR || grouping == SE_STATISTICS_BY_KIND
         ? MAX_BARS_IN_ORDER : MAX_BARS;
}

#define N_COLUMNS 5


static const char *
column_title (guint column)
{
  switch (column)
    {
    case 1: return C_("statistics column", "Placements");
    case 2: return C_("statistics column", "Days");
    case 3: return C_("statistics column", "Guests");
    case 4: return C_("statistics column", "Guest days");
    default: return NULL;
    }
}

static guint
row_value (const SeStatisticsRow *row,
           guint                  column)
{
  switch (column)
    {
    case 1: return row->placements;
    case 2: return row->days;
    case 3: return row->guests;
    case 4: return row->guest_days;
    default: return 0;
    }
}

/* Charts */

/* A round number at or above @value for the axis: 1, 2, 5 times a power of ten. */
static guint
nice_ceiling (guint value)
{
  guint step = 1;

  if (value == 0)
    return 1;
  for (;;)
    {
      if (value <= step)
        return step;
      if (value <= 2 * step)
        return 2 * step;
      if (value <= 5 * step)
        return 5 * step;
      step *= 10;
    }
}

static int
text_width (PangoLayout *layout,
            const char  *text)
{
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static int
line_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, "Ägy", -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

/* The line under a chart's title when groups were combined, or %NULL */
char *
se_statistics_chart_dup_caption (SeStatisticsGrouping grouping,
                  guint                n_shown,
                  guint                n_combined)
{
  guint n_groups;
  g_autofree char *groups = NULL;

  if (n_combined == 0)
    return NULL;
  /* The last bar is "All others" */
  n_shown -= 1;
  n_groups = n_shown + n_combined;
  groups = g_strdup_printf ("%'u", n_groups);
  switch (grouping)
    {
    case SE_STATISTICS_BY_YEAR:
      /* Translators: under a chart's title; %1$u is "19", %2$s "41" */
      return g_strdup_printf (ngettext ("The %1$u largest of %2$s year and all others",
                                        "The %1$u largest of %2$s years and all others",
                                        n_groups), n_shown, groups);
    case SE_STATISTICS_BY_PARTNERSHIP:
      /* Translators: under a chart's title; %1$u is "19", %2$s "5,000" */
      return g_strdup_printf (ngettext ("The %1$u largest of %2$s partnership and all others",
                                        "The %1$u largest of %2$s partnerships and all others",
                                        n_groups), n_shown, groups);
    case SE_STATISTICS_BY_KIND:
      /* Translators: under a chart's title; %1$u is "19", %2$s "25" */
      return g_strdup_printf (ngettext ("The %1$u largest of %2$s kind and all others",
                                        "The %1$u largest of %2$s kinds and all others",
                                        n_groups), n_shown, groups);
    case SE_STATISTICS_BY_DIRECTION:
    default:
      /* Translators: under a chart's title; %1$u is "19", %2$s "172,000" */
      return g_strdup_printf (ngettext ("The %1$u largest of %2$s direction and all others",
                                        "The %1$u largest of %2$s directions and all others",
                                        n_groups), n_shown, groups);
    }
}

double
se_statistics_chart_get_height (PangoLayout *layout,
              guint        n_rows,
              gboolean     caption)
{
  int lh = line_height (layout);

  return lh * 1.5 + (caption ? lh * 1.3 : 0) + n_rows * (lh * 1.6) + lh * 1.4;
}

/* Draws one horizontal bar chart of @column of @rows at (@x, @y) and
 * returns its height. Labels on the left, the value at the end of each
 * bar, the scale underneath; under the title the @caption, if any. */
double
se_statistics_chart_draw (cairo_t               *cr,
            PangoLayout           *layout,
            double                 x,
            double                 y,
            double                 width,
            const char            *title,
            const char            *caption,
            const SeStatisticsRow *rows,
            guint                  n_rows,
            guint                  column,
            const GdkRGBA         *fg,
            const GdkRGBA         *bar)
{
  int lh = line_height (layout);
  double row_h = lh * 1.6;
  double label_w = 0, value_w, x0, bar_w, top;
  guint max = 0, axis;
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", title);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *v = g_strdup_printf ("%'u", row_value (&rows[i], column));
      label_w = MAX (label_w, text_width (layout, rows[i].label));
      max = MAX (max, row_value (&rows[i], column));
    }
  label_w = MIN (label_w, width * 0.4);
  axis = nice_ceiling (max);
  {
    g_autofree char *v = g_strdup_printf ("%'u", axis);
    value_w = text_width (layout, v) + lh;
  }
  x0 = x + label_w + lh * 0.6;
  bar_w = MAX (width - (x0 - x) - value_w, 10);

  gdk_cairo_set_source_rgba (cr, fg);
  pango_layout_set_width (layout, -1);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_attributes (layout, NULL);
  top = y + lh * 1.5;
  if (caption != NULL)
    {
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
      pango_layout_set_text (layout, caption, -1);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, x, top - lh * 0.3);
      pango_cairo_show_layout (cr, layout);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_width (layout, -1);
      top += lh * 1.3;
    }

  /* The scale: light lines at quarters, numbers under them */
  for (guint k = 0; k <= 4; k++)
    {
      double gx = x0 + bar_w * k / 4.0;
      g_autofree char *tick = g_strdup_printf ("%'u", axis * k / 4);
      int tw;

      if (k > 0 && axis % 4 != 0 && (axis * k) % 4 != 0)
        continue;
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, k == 0 ? 0.5 : 0.15);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, floor (gx) + 0.5, top);
      cairo_line_to (cr, floor (gx) + 0.5, top + n_rows * row_h);
      cairo_stroke (cr);

      tw = text_width (layout, tick);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
      cairo_move_to (cr, gx - tw / 2.0, top + n_rows * row_h + lh * 0.2);
      pango_cairo_show_layout (cr, layout);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      double ry = top + i * row_h;
      guint value = row_value (&rows[i], column);
      double w = bar_w * value / (double) axis;
      g_autofree char *v = g_strdup_printf ("%'u", value);

      gdk_cairo_set_source_rgba (cr, fg);
      pango_layout_set_text (layout, rows[i].label, -1);
      pango_layout_set_width (layout, (int) (label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      cairo_move_to (cr, x, ry + (row_h - lh) / 2);
      pango_cairo_show_layout (cr, layout);
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);

      gdk_cairo_set_source_rgba (cr, bar);
      cairo_rectangle (cr, x0 + 1, ry + row_h * 0.18, w, row_h * 0.64);
      cairo_fill (cr);

      gdk_cairo_set_source_rgba (cr, fg);
      text_width (layout, v);
      cairo_move_to (cr, x0 + 1 + w + lh * 0.3, ry + (row_h - lh) / 2);
      pango_cairo_show_layout (cr, layout);
    }

  return top + n_rows * row_h + lh * 1.4 - y;
}

/* Printing: one page a grouping, the charts above the table. A grouping
 * with more groups than fit on the page shows the largest of them and
 * "All others", and says that the exports list them all. */

#define MARGIN 56.0

static void
print_text (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            double       width,
            const char  *text,
            PangoAlignment align)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_width (layout, -1);
}

/**
 * se_statistics_chart_draw_page:
 * @grouping: the grouping the page shows
 *
 * Draws a printed page: the grouping's two charts above its table.
 */
void
se_statistics_chart_draw_page (GtkPrintContext      *context,
                               SeStatistics         *stats,
                               SeStatisticsGrouping  grouping)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context) - 2 * MARGIN;
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  g_autoptr(PangoFontDescription) big = pango_font_description_from_string ("Sans Bold 16");
  const GdkRGBA black = { 0, 0, 0, 1 };
  const GdkRGBA blue = { 0.21, 0.52, 0.89, 1 };
  const GdkRGBA purple = { 0.75, 0.38, 0.80, 1 };
  const SeStatisticsRow *rows;
  const SeStatisticsRow *total = se_statistics_get_total (stats);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%x");
  g_autofree char *heading = NULL;
  g_autofree char *caption = NULL;
  g_autoptr(GArray) top = NULL;
  double y = MARGIN, lh;
  double col_w = width / 7.0;
  double bottom = gtk_print_context_get_height (context) - MARGIN;
  guint n, n_combined = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_layout_set_font_description (layout, big);
  /* Translators: a printed page's heading; %s is "Year", "Partnership", "Kind" or "Direction" */
  heading = g_strdup_printf (_("Placements by %s"), se_statistics_grouping_get_label (grouping));
  print_text (cr, layout, MARGIN, y, width, heading, PANGO_ALIGN_LEFT);
  y += 28;
  pango_layout_set_font_description (layout, font);
  lh = line_height (layout);

  /* As many groups as fit: the two charts, the table with its header and
   * total, and two lines of a note if groups were combined */
  for (guint max = se_statistics_chart_max_bars (grouping); ; max--)
    {
      double height;

      g_clear_pointer (&top, g_array_unref);
      top = se_statistics_get_top_rows (stats, grouping, max, &n_combined);
      height = y + 28 + lh * 2.5 + 2 * (se_statistics_chart_get_height (layout, top->len, n_combined > 0) + lh)
               + (top->len + 2) * lh * 1.4 + (n_combined > 0 ? lh * 3.5 : 0);
      if (height <= bottom || max <= 2)
        break;
    }
  rows = (const SeStatisticsRow *) (gconstpointer) top->data;
  n = top->len;
  caption = se_statistics_chart_dup_caption (grouping, n, n_combined);

  {
    /* Translators: under a printed heading; %s is a date */
    g_autofree char *line = g_strdup_printf (_("Staff Exchange, as of %s"), date);
    print_text (cr, layout, MARGIN, y, width, line, PANGO_ALIGN_LEFT);
  }
  y += lh * 2.5;

  y += se_statistics_chart_draw (cr, layout, MARGIN, y, width, C_("statistics column", "Placements"), caption,
                   rows, n, 1, &black, &blue);
  y += lh;
  y += se_statistics_chart_draw (cr, layout, MARGIN, y, width, _("Placement-days"), caption, rows, n, 2,
                   &black, &purple);
  y += lh;

  /* The table */
  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_layout_set_attributes (layout, NULL);
  {
    g_autoptr(PangoFontDescription) bold = pango_font_description_from_string ("Sans Bold 10");
    pango_layout_set_font_description (layout, bold);
    print_text (cr, layout, MARGIN, y, col_w * 3 - 6, se_statistics_grouping_get_label (grouping),
                PANGO_ALIGN_LEFT);
    for (guint c = 1; c < N_COLUMNS; c++)
      print_text (cr, layout, MARGIN + col_w * (c + 2), y, col_w, column_title (c),
                  PANGO_ALIGN_RIGHT);
    y += lh * 1.4;
    pango_layout_set_font_description (layout, font);
  }
  for (guint i = 0; i <= n; i++)
    {
      const SeStatisticsRow *row = i < n ? &rows[i] : total;

      cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, y - lh * 0.2);
      cairo_line_to (cr, MARGIN + width, y - lh * 0.2);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      print_text (cr, layout, MARGIN, y, col_w * 3 - 6, row->label, PANGO_ALIGN_LEFT);
      for (guint c = 1; c < N_COLUMNS; c++)
        {
          g_autofree char *v = g_strdup_printf ("%'u", row_value (row, c));
          print_text (cr, layout, MARGIN + col_w * (c + 2), y, col_w, v, PANGO_ALIGN_RIGHT);
        }
      y += lh * 1.4;
    }

  if (n_combined > 0)
    {
      g_autofree char *count = g_strdup_printf ("%'u", n_combined);
      /* Translators: under a printed table; %s is "4,981" */
      g_autofree char *note = g_strdup_printf (ngettext ("“All others” combines %s more group. "
                                                         "The CSV and Excel exports list "
                                                         "every group.",
                                                         "“All others” combines %s more groups. "
                                                         "The CSV and Excel exports list "
                                                         "every group.", n_combined), count);

      y += lh * 0.6;
      cairo_set_source_rgba (cr, 0, 0, 0, 0.7);
      pango_layout_set_text (layout, note, -1);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_height (layout, (int) (-2));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, MARGIN, y);
      pango_cairo_show_layout (cr, layout);
    }
}
