/* se-statistics-page.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "se-save-dialog.h"
#include "se-statistics-page.h"

/* The Statistics page: placements and placement-days per year,
 * partnership, kind or direction, as two bar charts and a table, with CSV
 * and XLSX export and printing. The same drawing code draws the charts on
 * screen and on paper; on screen it takes the theme's colours, so the
 * labels stay readable in the dark style.
 *
 * A large database has thousands of partnerships and a hundred thousand
 * directions, and counting them takes seconds: the count runs in a worker
 * thread on a connection of its own, the table is a list view that makes
 * widgets only for the rows in sight, and the charts and printed pages
 * show the largest groups and one bar "All others". */

/* Bars per chart on screen; a printed page takes as many as fit. Years
 * and kinds are a scale of their own, which reads well with more bars. */
#define MAX_BARS 20
#define MAX_BARS_IN_ORDER 60

static guint
max_bars (SeStatisticsGrouping grouping)
{
  return grouping == SE_STATISTICS_BY_YEAR || grouping == SE_STATISTICS_BY_KIND
         ? MAX_BARS_IN_ORDER : MAX_BARS;
}
/* How long a count may take before the page says that it is counting */
#define COUNTING_DELAY_MS 300

/* One row of the table, made when the list view asks for it: a copy, so
 * that the rows on screen outlive the count they came from. */
#define SE_TYPE_STATISTICS_ITEM (se_statistics_item_get_type ())
G_DECLARE_FINAL_TYPE (SeStatisticsItem, se_statistics_item, SE, STATISTICS_ITEM, GObject)

struct _SeStatisticsItem
{
  GObject   parent_instance;

  char     *label;
  guint     values[4];
  gboolean  total;
};

G_DEFINE_FINAL_TYPE (SeStatisticsItem, se_statistics_item, G_TYPE_OBJECT)

static void
se_statistics_item_finalize (GObject *object)
{
  g_free (SE_STATISTICS_ITEM (object)->label);

  G_OBJECT_CLASS (se_statistics_item_parent_class)->finalize (object);
}

static void
se_statistics_item_class_init (SeStatisticsItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = se_statistics_item_finalize;
}

static void
se_statistics_item_init (SeStatisticsItem *self)
{
}

/* The rows of one grouping and the total as the last one, over the
 * arrays of the page's SeStatistics: set again before those are freed. */
#define SE_TYPE_STATISTICS_LIST (se_statistics_list_get_type ())
G_DECLARE_FINAL_TYPE (SeStatisticsList, se_statistics_list, SE, STATISTICS_LIST, GObject)

struct _SeStatisticsList
{
  GObject                parent_instance;

  const SeStatisticsRow *rows;
  guint                  n_rows;
  const SeStatisticsRow *total;
};

static GType
se_statistics_list_get_item_type (GListModel *model)
{
  return SE_TYPE_STATISTICS_ITEM;
}

static guint
se_statistics_list_get_n_items (GListModel *model)
{
  SeStatisticsList *self = SE_STATISTICS_LIST (model);

  return self->total != NULL ? self->n_rows + 1 : 0;
}

static gpointer
se_statistics_list_get_item (GListModel *model,
                             guint       position)
{
  SeStatisticsList *self = SE_STATISTICS_LIST (model);
  const SeStatisticsRow *row;
  SeStatisticsItem *item;

  if (position >= se_statistics_list_get_n_items (model))
    return NULL;
  row = position < self->n_rows ? &self->rows[position] : self->total;
  item = g_object_new (SE_TYPE_STATISTICS_ITEM, NULL);
  item->label = g_strdup (row->label);
  item->values[0] = row->placements;
  item->values[1] = row->days;
  item->values[2] = row->guests;
  item->values[3] = row->guest_days;
  item->total = row == self->total;
  return item;
}

static void
se_statistics_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = se_statistics_list_get_item_type;
  iface->get_n_items = se_statistics_list_get_n_items;
  iface->get_item = se_statistics_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SeStatisticsList, se_statistics_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      se_statistics_list_model_init))

static void
se_statistics_list_class_init (SeStatisticsListClass *klass)
{
}

static void
se_statistics_list_init (SeStatisticsList *self)
{
}

static void
se_statistics_list_set (SeStatisticsList      *self,
                        const SeStatisticsRow *rows,
                        guint                  n_rows,
                        const SeStatisticsRow *total)
{
  guint removed = se_statistics_list_get_n_items (G_LIST_MODEL (self));

  self->rows = rows;
  self->n_rows = rows != NULL ? n_rows : 0;
  self->total = total;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed,
                              se_statistics_list_get_n_items (G_LIST_MODEL (self)));
}

struct _SeStatisticsPage
{
  SeToolPage            parent_instance;

  SeStatistics         *stats;
  SeStatisticsGrouping  grouping;
  /* What the charts show of the grouping: at most MAX_BARS rows */
  GArray               *chart_rows;
  guint                 n_combined;
  guint                 counting_timeout;

  GtkWidget            *grouping_button;
  GtkWidget            *summary;
  GtkWidget            *spinner;
  GtkWidget            *counting_box;
  GtkWidget            *chart;
  GtkColumnView        *table;
  GtkColumnViewColumn  *label_column;
  SeStatisticsList     *list;
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

/* The line under a chart's title when groups were combined, or %NULL */
static char *
combined_caption (SeStatisticsGrouping grouping,
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

static double
chart_height (PangoLayout *layout,
              guint        n_rows,
              gboolean     caption)
{
  int lh = line_height (layout);

  return lh * 1.5 + (caption ? lh * 1.3 : 0) + n_rows * (lh * 1.6) + lh * 1.4;
}

/* Draws one horizontal bar chart of @column of @rows at (@x, @y) and
 * returns its height. Labels on the left, the value at the end of each
 * bar, the scale underneath; under the title the @caption, if any. */
static double
draw_chart (cairo_t               *cr,
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
  g_autofree char *caption = NULL;
  guint n;
  double h;

  if (self->chart_rows == NULL)
    return;
  rows = (const SeStatisticsRow *) (gconstpointer) self->chart_rows->data;
  n = self->chart_rows->len;
  caption = combined_caption (self->grouping, n, self->n_combined);
  theme_colours (GTK_WIDGET (area), &fg, &first, &second);
  h = draw_chart (cr, layout, 0, 0, width, C_("statistics column", "Placements"), caption,
                  rows, n, 1, &fg, &first);
  draw_chart (cr, layout, 0, h + 12, width, _("Placement-days"), caption, rows, n, 2, &fg,
              &second);
}

/* Table */

/* What a cell of the table shows: the label, or a number with the
 * locale's thousands separator */
static char *
item_text (SeStatisticsItem *item,
           guint             column)
{
  if (column == 0)
    return g_strdup (item->label);
  return g_strdup_printf ("%'u", item->values[column - 1]);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  gboolean number = GPOINTER_TO_UINT (user_data) > 0;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), !number);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  SeStatisticsItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = item_text (item, GPOINTER_TO_UINT (user_data));

  gtk_label_set_text (GTK_LABEL (label), text);
  if (item->total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static GtkColumnViewColumn *
append_column (GtkColumnView *view,
               guint          column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (column_title (column), factory);
  gtk_column_view_column_set_expand (col, column == 0);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
  return col;
}

/* GTK 4.8 has no way to align a column's title: the number columns'
 * titles are right-aligned over their numbers by setting their labels'
 * alignment. If GTK builds its headers differently, they stay as they
 * are, aligned left. */
static void
align_titles (GtkWidget *widget,
              gboolean   right)
{
  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_xalign (GTK_LABEL (widget), right ? 1 : 0);
      gtk_widget_set_hexpand (widget, TRUE);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    align_titles (child, right);
}

static void
align_number_titles (GtkColumnView *view)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  guint column = 0;

  if (header == NULL || GTK_IS_LIST_VIEW (header))
    return;
  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title), column++)
    align_titles (title, column > 0);
}

static void
counting_hide (SeStatisticsPage *self)
{
  g_clear_handle_id (&self->counting_timeout, g_source_remove);
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_visible (self->counting_box, FALSE);
}

static void
update_view (SeStatisticsPage *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->chart, NULL);
  const SeStatisticsRow *total = se_statistics_get_total (self->stats);
  const SeStatisticsRow *rows;
  guint n;

  g_clear_pointer (&self->chart_rows, g_array_unref);
  self->chart_rows = se_statistics_get_top_rows (self->stats, self->grouping,
                                                 max_bars (self->grouping),
                                                 &self->n_combined);
  rows = se_statistics_get_rows (self->stats, self->grouping, &n);
  se_statistics_list_set (self->list, rows, n, total);
  gtk_column_view_column_set_title (self->label_column,
                                    se_statistics_grouping_get_label (self->grouping));
  if (total->placements == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "statistics");

  {
    /* Translators: the first part of "8 placements with 38 placement-days";
     * %'u is a number written with the locale's thousands separator */
    g_autofree char *p = g_strdup_printf (ngettext ("%'u placement", "%'u placements",
                                                    total->placements), total->placements);
    /* Translators: %1$s is "8 placements"; %2$'u the number of days, with
     * the locale's thousands separator */
    g_autofree char *text = g_strdup_printf (ngettext ("%1$s with %2$'u placement-day",
                                                       "%1$s with %2$'u placement-days",
                                                       total->days), p, total->days);
    gtk_label_set_text (GTK_LABEL (self->summary), text);
  }

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart),
                                       (int) (2 * chart_height (layout, self->chart_rows->len,
                                                                self->n_combined > 0) + 12));
  gtk_widget_queue_draw (self->chart);
}

/* Takes @stats and shows them in place of the ones shown */
static void
show_statistics (SeStatisticsPage *self,
                 SeStatistics     *stats)
{
  SeStatistics *old = self->stats;

  self->stats = stats;
  /* Before the old ones are freed: the list reads their arrays. */
  update_view (self);
  se_statistics_free (old);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export-csv", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export-xlsx", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.print", TRUE);
}

/**
 * se_statistics_page_refresh:
 *
 * Counts again: in the background, unless the database is on a network
 * drive, where a second connection cannot open it. The numbers shown stay
 * until the new ones are there (see se_statistics_page_get_counting()).
 */
void
se_statistics_page_refresh (SeStatisticsPage *self)
{
  g_return_if_fail (SE_IS_STATISTICS_PAGE (self));

  se_tool_page_refresh (SE_TOOL_PAGE (self));
}

static gpointer
count (SeStore  *store,
       gpointer  data)
{
  return se_statistics_compute (store);
}

static void
count_done (SeToolPage *page,
            gpointer    result)
{
  SeStatisticsPage *self = SE_STATISTICS_PAGE (page);

  counting_hide (self);
  show_statistics (self, result);
}

static gboolean
counting_shown (gpointer user_data)
{
  SeStatisticsPage *self = user_data;

  self->counting_timeout = 0;
  if (self->stats == NULL)
    gtk_widget_set_visible (self->counting_box, TRUE);
  else
    {
      gtk_widget_set_visible (self->spinner, TRUE);
      gtk_spinner_start (GTK_SPINNER (self->spinner));
    }
  return G_SOURCE_REMOVE;
}

static void
se_statistics_page_real_refresh (SeToolPage *page)
{
  SeStatisticsPage *self = SE_STATISTICS_PAGE (page);

  counting_hide (self);
  if (self->stats == NULL)
    gtk_stack_set_visible_child_name (self->stack, "counting");
  self->counting_timeout = g_timeout_add (COUNTING_DELAY_MS, counting_shown, self);
  se_tool_page_run_work (page, count, NULL, NULL, (GDestroyNotify) se_statistics_free,
                         count_done);
}

/**
 * se_statistics_page_get_counting:
 *
 * Returns: whether a count runs in the background; its numbers replace
 *   the ones shown when it is done
 */
gboolean
se_statistics_page_get_counting (SeStatisticsPage *self)
{
  g_return_val_if_fail (SE_IS_STATISTICS_PAGE (self), FALSE);

  return se_tool_page_get_working (SE_TOOL_PAGE (self));
}


/* Printing: one page a grouping, the charts above the table. A grouping
 * with more groups than fit on the page shows the largest of them and
 * "All others", and says that the exports list them all. */

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
  for (guint max = max_bars (grouping); ; max--)
    {
      double height;

      g_clear_pointer (&top, g_array_unref);
      top = se_statistics_get_top_rows (self->stats, grouping, max, &n_combined);
      height = y + 28 + lh * 2.5 + 2 * (chart_height (layout, top->len, n_combined > 0) + lh)
               + (top->len + 2) * lh * 1.4 + (n_combined > 0 ? lh * 3.5 : 0);
      if (height <= bottom || max <= 2)
        break;
    }
  rows = (const SeStatisticsRow *) (gconstpointer) top->data;
  n = top->len;
  caption = combined_caption (grouping, n, n_combined);

  {
    /* Translators: under a printed heading; %s is a date */
    g_autofree char *line = g_strdup_printf (_("Staff Exchange, as of %s"), date);
    print_text (cr, layout, MARGIN, y, width, line, PANGO_ALIGN_LEFT);
  }
  y += lh * 2.5;

  y += draw_chart (cr, layout, MARGIN, y, width, C_("statistics column", "Placements"), caption,
                   rows, n, 1, &black, &blue);
  y += lh;
  y += draw_chart (cr, layout, MARGIN, y, width, _("Placement-days"), caption, rows, n, 2,
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

  /* Nothing to print before the first count is done */
  if (self->stats == NULL)
    return;
  operation = print_operation (self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    se_toast_show (GTK_WIDGET (self), error->message, TRUE);
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
  g_return_val_if_fail (self->stats != NULL, FALSE);

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
  g_return_val_if_fail (self->stats != NULL, FALSE);

  return se_statistics_export_csv (self->stats, path, error);
}

gboolean
se_statistics_page_export_xlsx (SeStatisticsPage  *self,
                                const char        *path,
                                GError           **error)
{
  g_return_val_if_fail (SE_IS_STATISTICS_PAGE (self), FALSE);
  g_return_val_if_fail (self->stats != NULL, FALSE);

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
  GtkWidget *table_scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *counting = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *counting_spinner = gtk_spinner_new ();
  GtkWidget *counting_label = gtk_label_new (_("Counting…"));
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
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_tooltip_text (self->spinner, _("Counting…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Counting…"), -1);
  gtk_box_append (GTK_BOX (bar), self->spinner);
  gtk_box_append (GTK_BOX (box), bar);

  self->chart = gtk_drawing_area_new ();
  gtk_widget_set_name (self->chart, "chart");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_charts, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Bar charts of placements and placement-days"), -1);
  gtk_box_append (GTK_BOX (box), self->chart);

  /* A list view makes widgets only for the rows in sight, in a scrolled
   * window of its own: as tall as its rows up to a limit, then scrolling. */
  self->list = g_object_new (SE_TYPE_STATISTICS_LIST, NULL);
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (
    gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->list))))));
  gtk_widget_set_name (GTK_WIDGET (self->table), "statistics-table");
  gtk_column_view_set_reorderable (self->table, FALSE);
  self->label_column = append_column (self->table, 0);
  for (guint c = 1; c < N_COLUMNS; c++)
    append_column (self->table, c);
  gtk_column_view_column_set_title (self->label_column,
                                    se_statistics_grouping_get_label (self->grouping));
  align_number_titles (self->table);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Statistics Table"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (table_scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (table_scrolled), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scrolled), GTK_WIDGET (self->table));
  gtk_frame_set_child (GTK_FRAME (frame), table_scrolled);
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

  /* Shown only if the first count takes longer than a moment */
  gtk_widget_set_size_request (counting_spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (counting_spinner));
  gtk_widget_add_css_class (counting_label, "dim-label");
  gtk_box_append (GTK_BOX (counting), counting_spinner);
  gtk_box_append (GTK_BOX (counting), counting_label);
  gtk_widget_set_valign (counting, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (counting, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (counting, FALSE);
  self->counting_box = counting;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "statistics");
  gtk_stack_add_named (self->stack, empty, "empty");
  /* A stack shows only visible children: the holder stays visible */
  {
    GtkWidget *holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_widget_set_vexpand (counting, TRUE);
    gtk_box_append (GTK_BOX (holder), counting);
    gtk_stack_add_named (self->stack, holder, "counting");
  }
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

  g_clear_handle_id (&self->counting_timeout, g_source_remove);
  se_tool_page_cancel_work (SE_TOOL_PAGE (self));
  if (self->list != NULL)
    se_statistics_list_set (self->list, NULL, 0, NULL);
  g_clear_object (&self->list);
  g_clear_pointer (&self->chart_rows, g_array_unref);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export-csv", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export-xlsx", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.print", FALSE);
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
 * Returns: (transfer none): the table: a row per group and the total
 */
GtkColumnView *
se_statistics_page_get_table (SeStatisticsPage *self)
{
  g_return_val_if_fail (SE_IS_STATISTICS_PAGE (self), NULL);

  return self->table;
}

/**
 * se_statistics_page_dup_cell_text:
 * @column: 0 for the label, 1 to 4 for the numbers
 * @row: 0 for the column titles, then one row per group, then the total
 *
 * Returns: (transfer full) (nullable): what the table shows in that cell,
 *   %NULL past its last row or column
 */
char *
se_statistics_page_dup_cell_text (SeStatisticsPage *self,
                                  guint             column,
                                  guint             row)
{
  g_autoptr(SeStatisticsItem) item = NULL;

  g_return_val_if_fail (SE_IS_STATISTICS_PAGE (self), NULL);

  if (column >= N_COLUMNS)
    return NULL;
  if (row == 0)
    {
      g_autoptr(GtkColumnViewColumn) col =
        g_list_model_get_item (gtk_column_view_get_columns (self->table), column);

      return col != NULL ? g_strdup (gtk_column_view_column_get_title (col)) : NULL;
    }
  item = g_list_model_get_item (G_LIST_MODEL (self->list), row - 1);
  return item != NULL ? item_text (item, column) : NULL;
}
