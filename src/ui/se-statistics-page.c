/* se-statistics-page.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "se-save-dialog.h"
#include "se-statistics-page.h"

/* The Statistics page: placements and placement-days per year,
 * partnership, kind or direction, as two bar charts and a table, with CSV
 * and XLSX export and printing. The same drawing code draws the charts on
 * screen and on paper; on screen it takes the theme's colours, so the
 * labels stay readable in the dark style. */

struct _SeStatisticsPage
{
  SeToolPage            parent_instance;

  SeStatistics         *stats;
  SeStatisticsGrouping  grouping;

  GtkWidget            *grouping_button;
  GtkWidget            *summary;
  GtkWidget            *chart;
  GtkGrid              *table;
  GtkStack             *stack;
};

G_DEFINE_FINAL_TYPE (SeStatisticsPage, se_statistics_page, SE_TYPE_TOOL_PAGE)

enum
{
  PROP_0,
  PROP_GROUPING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static double
chart_height (PangoLayout *layout,
              guint        n_rows)
{
  int lh = line_height (layout);

  return lh * 1.5 + n_rows * (lh * 1.6) + lh * 1.4;
}

/* Draws one horizontal bar chart of @column of @rows at (@x, @y) and
 * returns its height. Labels on the left, the value at the end of each
 * bar, the scale underneath. */
static double
draw_chart (cairo_t               *cr,
            PangoLayout           *layout,
            double                 x,
            double                 y,
            double                 width,
            const char            *title,
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

static void
theme_colours (GtkWidget *widget,
               GdkRGBA   *fg,
               GdkRGBA   *first,
               GdkRGBA   *second)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", first))
    gdk_rgba_parse (first, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "purple_2", second))
    gdk_rgba_parse (second, "#c061cb");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
draw_charts (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  SeStatisticsPage *self = user_data;
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  GdkRGBA fg, first, second;
  const SeStatisticsRow *rows;
  guint n;
  double h;

  if (self->stats == NULL)
    return;
  rows = se_statistics_get_rows (self->stats, self->grouping, &n);
  theme_colours (GTK_WIDGET (area), &fg, &first, &second);
  h = draw_chart (cr, layout, 0, 0, width, C_("statistics column", "Placements"), rows, n, 1,
                  &fg, &first);
  draw_chart (cr, layout, 0, h + 12, width, _("Placement-days"), rows, n, 2, &fg, &second);
}

/* Table */

static GtkWidget *
cell (const char *text,
      gboolean    number,
      gboolean    bold)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), !number);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_hexpand (label, !number);
  return label;
}

static void
fill_table (SeStatisticsPage *self)
{
  const SeStatisticsRow *rows;
  const SeStatisticsRow *total;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);

  gtk_grid_attach (self->table, cell (se_statistics_grouping_get_label (self->grouping), FALSE,
                                      TRUE), 0, 0, 1, 1);
  for (guint c = 1; c < N_COLUMNS; c++)
    gtk_grid_attach (self->table, cell (column_title (c), TRUE, TRUE), (int) c, 0, 1, 1);

  rows = se_statistics_get_rows (self->stats, self->grouping, &n);
  for (guint i = 0; i < n; i++)
    {
      gtk_grid_attach (self->table, cell (rows[i].label, FALSE, FALSE), 0, (int) i + 1, 1, 1);
      for (guint c = 1; c < N_COLUMNS; c++)
        {
          g_autofree char *v = g_strdup_printf ("%'u", row_value (&rows[i], c));
          gtk_grid_attach (self->table, cell (v, TRUE, FALSE), (int) c, (int) i + 1, 1, 1);
        }
    }

  total = se_statistics_get_total (self->stats);
  gtk_grid_attach (self->table, cell (total->label, FALSE, TRUE), 0, (int) n + 1, 1, 1);
  for (guint c = 1; c < N_COLUMNS; c++)
    {
      g_autofree char *v = g_strdup_printf ("%'u", row_value (total, c));
      gtk_grid_attach (self->table, cell (v, TRUE, TRUE), (int) c, (int) n + 1, 1, 1);
    }
}

static void
update_view (SeStatisticsPage *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->chart, NULL);
  const SeStatisticsRow *total = se_statistics_get_total (self->stats);
  guint n;

  se_statistics_get_rows (self->stats, self->grouping, &n);
  if (total->placements == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "statistics");

  {
    /* Translators: the first part of "8 placements with 38 placement-days" */
    g_autofree char *p = g_strdup_printf (ngettext ("%u placement", "%u placements",
                                                    total->placements), total->placements);
    /* Translators: %1$s is "8 placements"; %2$u the number of days */
    g_autofree char *text = g_strdup_printf (ngettext ("%1$s with %2$u placement-day",
                                                       "%1$s with %2$u placement-days",
                                                       total->days), p, total->days);
    gtk_label_set_text (GTK_LABEL (self->summary), text);
  }

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart),
                                       (int) (2 * chart_height (layout, n) + 12));
  gtk_widget_queue_draw (self->chart);
  fill_table (self);
}

/**
 * se_statistics_page_refresh:
 *
 * Counts again.
 */
void
se_statistics_page_refresh (SeStatisticsPage *self)
{
  g_return_if_fail (SE_IS_STATISTICS_PAGE (self));

  se_tool_page_refresh (SE_TOOL_PAGE (self));
}

static void
se_statistics_page_real_refresh (SeToolPage *page)
{
  SeStatisticsPage *self = SE_STATISTICS_PAGE (page);

  g_clear_pointer (&self->stats, se_statistics_free);
  self->stats = se_statistics_compute (se_tool_page_get_store (page));
  update_view (self);
}


/* Printing: one page a grouping, the charts above the table. */

#define MARGIN 56.0

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SeStatisticsPage  *self)
{
  gtk_print_operation_set_n_pages (operation, SE_STATISTICS_N_GROUPINGS);
}

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

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              SeStatisticsPage  *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context) - 2 * MARGIN;
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  g_autoptr(PangoFontDescription) big = pango_font_description_from_string ("Sans Bold 16");
  const GdkRGBA black = { 0, 0, 0, 1 };
  const GdkRGBA blue = { 0.21, 0.52, 0.89, 1 };
  const GdkRGBA purple = { 0.75, 0.38, 0.80, 1 };
  SeStatisticsGrouping grouping = (SeStatisticsGrouping) page;
  const SeStatisticsRow *rows;
  const SeStatisticsRow *total = se_statistics_get_total (self->stats);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%x");
  g_autofree char *heading = NULL;
  double y = MARGIN, lh;
  double col_w = width / 7.0;
  guint n;

  rows = se_statistics_get_rows (self->stats, grouping, &n);

  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_layout_set_font_description (layout, big);
  /* Translators: a printed page's heading; %s is "Year", "Partnership", "Kind" or "Direction" */
  heading = g_strdup_printf (_("Placements by %s"), se_statistics_grouping_get_label (grouping));
  print_text (cr, layout, MARGIN, y, width, heading, PANGO_ALIGN_LEFT);
  y += 28;
  pango_layout_set_font_description (layout, font);
  lh = line_height (layout);
  {
    /* Translators: under a printed heading; %s is a date */
    g_autofree char *line = g_strdup_printf (_("Staff Exchange, as of %s"), date);
    print_text (cr, layout, MARGIN, y, width, line, PANGO_ALIGN_LEFT);
  }
  y += lh * 2.5;

  y += draw_chart (cr, layout, MARGIN, y, width, C_("statistics column", "Placements"), rows, n,
                   1, &black, &blue);
  y += lh;
  y += draw_chart (cr, layout, MARGIN, y, width, _("Placement-days"), rows, n, 2, &black,
                   &purple);
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
}

static GtkPrintOperation *
print_operation (SeStatisticsPage *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Statistics"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  return operation;
}

/**
 * se_statistics_page_print:
 *
 * Shows the print dialog and prints the statistics, one grouping a page.
 */
void
se_statistics_page_print (SeStatisticsPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_if_fail (SE_IS_STATISTICS_PAGE (self));

  operation = print_operation (self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    se_save_dialog_toast (GTK_WIDGET (self), error->message, TRUE);
}

/**
 * se_statistics_page_export_pdf:
 * @path: the PDF file to write
 *
 * Prints to a PDF file without asking: what the print dialog prints.
 */
gboolean
se_statistics_page_export_pdf (SeStatisticsPage  *self,
                               const char        *path,
                               GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (SE_IS_STATISTICS_PAGE (self), FALSE);

  operation = print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Export */

gboolean
se_statistics_page_export_csv (SeStatisticsPage  *self,
                               const char        *path,
                               GError           **error)
{
  g_return_val_if_fail (SE_IS_STATISTICS_PAGE (self), FALSE);

  return se_statistics_export_csv (self->stats, path, error);
}

gboolean
se_statistics_page_export_xlsx (SeStatisticsPage  *self,
                                const char        *path,
                                GError           **error)
{
  g_return_val_if_fail (SE_IS_STATISTICS_PAGE (self), FALSE);

  return se_statistics_export_xlsx (self->stats, path, error);
}

static gboolean
save_csv (const char *path,
          gpointer    user_data,
          GError    **error)
{
  return se_statistics_page_export_csv (user_data, path, error);
}

static gboolean
save_xlsx (const char *path,
           gpointer    user_data,
           GError    **error)
{
  return se_statistics_page_export_xlsx (user_data, path, error);
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  /* Translators: the file name suggested for the CSV export; keep the .csv */
  se_save_dialog_run (widget, _("Export Statistics as CSV"), _("statistics.csv"),
                      _("CSV files"), "*.csv", save_csv, g_object_ref (widget), g_object_unref);
}

static void
export_xlsx_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  /* Translators: the file name suggested for the Excel export; keep the .xlsx */
  se_save_dialog_run (widget, _("Export Statistics as Excel Workbook"), _("statistics.xlsx"),
                      _("Excel workbooks"), "*.xlsx", save_xlsx, g_object_ref (widget),
                      g_object_unref);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  se_statistics_page_print (SE_STATISTICS_PAGE (widget));
}

/* Set-up */

static void
build (SeStatisticsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Group by"));
  g_autoptr(GMenu) groupings = g_menu_new ();
  GtkWidget *print = gtk_button_new_from_icon_name ("document-print-symbolic");
  GtkWidget *export = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *empty = adw_status_page_new ();
  AdwHeaderBar *header = se_tool_page_get_header_bar (SE_TOOL_PAGE (self));

  g_object_set (self, "title", _("Statistics"), NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "statistics.print");
  gtk_widget_set_tooltip_text (print, _("Print…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Print"), -1);
  g_menu_append (menu, _("Export as _CSV…"), "statistics.export-csv");
  g_menu_append (menu, _("Export as _Excel Workbook…"), "statistics.export-xlsx");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export), "document-save-symbolic");
  gtk_widget_set_tooltip_text (export, _("Export"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export"), -1);
  adw_header_bar_pack_end (header, export);
  adw_header_bar_pack_end (header, print);

  /* A menu of radio items rather than a drop-down: no search entry
   * hidden in the page, and the choice reads as "Group by: Year". */
  for (guint g = 0; g < SE_STATISTICS_N_GROUPINGS; g++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (se_statistics_grouping_get_label (g), NULL);
      g_menu_item_set_action_and_target_value (item, "statistics.grouping",
                                               g_variant_new_int32 ((gint32) g));
      g_menu_append_item (groupings, item);
    }
  self->grouping_button = gtk_menu_button_new ();
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->grouping_button),
                                  G_MENU_MODEL (groupings));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->grouping_button),
                             se_statistics_grouping_get_label (SE_STATISTICS_BY_YEAR));
  gtk_widget_set_name (self->grouping_button, "grouping");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->grouping_button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grouping_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Group by"), -1);
  self->summary = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->summary), 1);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_widget_set_hexpand (self->summary, TRUE);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), self->grouping_button);
  gtk_box_append (GTK_BOX (bar), self->summary);
  gtk_box_append (GTK_BOX (box), bar);

  self->chart = gtk_drawing_area_new ();
  gtk_widget_set_name (self->chart, "chart");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_charts, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Bar charts of placements and placement-days"), -1);
  gtk_box_append (GTK_BOX (box), self->chart);

  self->table = GTK_GRID (gtk_grid_new ());
  gtk_widget_set_name (GTK_WIDGET (self->table), "statistics-table");
  gtk_grid_set_column_spacing (self->table, 18);
  gtk_grid_set_row_spacing (self->table, 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->table), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->table), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->table), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->table), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Statistics Table"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->table));
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (GTK_BOX (box), frame);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Placements to Count"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Record placements to see how many there are per year, "
                                     "partnership, kind and direction."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "statistics");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
}

static void
se_statistics_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SeStatisticsPage *self = SE_STATISTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_GROUPING:
      g_value_set_int (value, (int) self->grouping);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_statistics_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SeStatisticsPage *self = SE_STATISTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_GROUPING:
      if ((SeStatisticsGrouping) g_value_get_int (value) != self->grouping)
        {
          self->grouping = (SeStatisticsGrouping) g_value_get_int (value);
          gtk_menu_button_set_label (GTK_MENU_BUTTON (self->grouping_button),
                                     se_statistics_grouping_get_label (self->grouping));
          if (self->stats != NULL)
            update_view (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_statistics_page_dispose (GObject *object)
{
  SeStatisticsPage *self = SE_STATISTICS_PAGE (object);

  g_clear_pointer (&self->stats, se_statistics_free);

  G_OBJECT_CLASS (se_statistics_page_parent_class)->dispose (object);
}

static void
se_statistics_page_class_init (SeStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SeToolPageClass *page_class = SE_TOOL_PAGE_CLASS (klass);

  object_class->get_property = se_statistics_page_get_property;
  object_class->set_property = se_statistics_page_set_property;
  object_class->dispose = se_statistics_page_dispose;
  page_class->refresh = se_statistics_page_real_refresh;

  properties[PROP_GROUPING] =
    g_param_spec_int ("grouping", NULL, NULL, 0, SE_STATISTICS_N_GROUPINGS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "statistics.export-csv", NULL,
                                   export_csv_activated);
  gtk_widget_class_install_action (widget_class, "statistics.export-xlsx", NULL,
                                   export_xlsx_activated);
  gtk_widget_class_install_action (widget_class, "statistics.print", NULL, print_activated);
  gtk_widget_class_install_property_action (widget_class, "statistics.grouping", "grouping");
}

static void
se_statistics_page_init (SeStatisticsPage *self)
{
  build (self);
}

/**
 * se_statistics_page_new:
 * @store: the open store
 *
 * Returns: (transfer floating): the page, counted once and again after
 *   each change of the store
 */
SeStatisticsPage *
se_statistics_page_new (SeStore *store)
{
  return g_object_new (SE_TYPE_STATISTICS_PAGE, "store", store, NULL);
}

void
se_statistics_page_set_grouping (SeStatisticsPage     *self,
                                 SeStatisticsGrouping  grouping)
{
  g_return_if_fail (SE_IS_STATISTICS_PAGE (self));
  g_return_if_fail (grouping < SE_STATISTICS_N_GROUPINGS);

  g_object_set (self, "grouping", (int) grouping, NULL);
}

SeStatisticsGrouping
se_statistics_page_get_grouping (SeStatisticsPage *self)
{
  g_return_val_if_fail (SE_IS_STATISTICS_PAGE (self), SE_STATISTICS_BY_YEAR);

  return self->grouping;
}

/**
 * se_statistics_page_get_table:
 *
 * Returns: (transfer none): the table: a header row, a row per group and
 *   the total, five columns
 */
GtkGrid *
se_statistics_page_get_table (SeStatisticsPage *self)
{
  g_return_val_if_fail (SE_IS_STATISTICS_PAGE (self), NULL);

  return self->table;
}
