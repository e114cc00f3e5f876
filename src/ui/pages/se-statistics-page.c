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
#include "se-statistics-chart.h"
#include "se-statistics-page.h"

/* The Statistics page: placements and placement-days per year,
 * partnership, kind or direction, as two bar charts and a table, with CSV
 * and XLSX export and printing. The widgets are se-statistics-page.ui;
 * se-statistics-chart.c draws the charts, on screen and on paper. On
 * screen they take the theme's colours, so the labels stay readable in
 * the dark style.
 *
 * A large database has thousands of partnerships and a hundred thousand
 * directions, and counting them takes seconds: the count runs in a worker
 * thread on a connection of its own, the table is a list view that makes
 * widgets only for the rows in sight, and the charts and printed pages
 * show the largest groups and one bar "All others". */

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

  GtkWidget            *export_button;
  GtkWidget            *print_button;
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
  caption = se_statistics_chart_dup_caption (self->grouping, n, self->n_combined);
  theme_colours (GTK_WIDGET (area), &fg, &first, &second);
  h = se_statistics_chart_draw (cr, layout, 0, 0, width, C_("statistics column", "Placements"),
                                caption, rows, n, 1, &fg, &first);
  se_statistics_chart_draw (cr, layout, 0, h + 12, width, _("Placement-days"), caption, rows, n,
                            2, &fg, &second);
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

/* The cells' expressions in se-statistics-page.ui */
static char *
cell_text (GtkListItem      *list_item,
           SeStatisticsItem *item,
           guint             column)
{
  return item != NULL ? item_text (item, column) : NULL;
}

/* Numbers with figures of one width; the total in bold */
static GStrv
cell_classes (GtkListItem      *list_item,
              SeStatisticsItem *item,
              gboolean          number)
{
  g_autoptr(GStrvBuilder) classes = g_strv_builder_new ();

  if (number)
    g_strv_builder_add (classes, "numeric");
  if (item != NULL && item->total)
    g_strv_builder_add (classes, "heading");
  return g_strv_builder_end (classes);
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
                                                 se_statistics_chart_max_bars (self->grouping),
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
                                       (int) (2 * se_statistics_chart_get_height (layout, self->chart_rows->len,
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export-pdf", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.print", TRUE);
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


/* Printing: one page a grouping, drawn by se-statistics-chart.c */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SeStatisticsPage  *self)
{
  gtk_print_operation_set_n_pages (operation, SE_STATISTICS_N_GROUPINGS);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              SeStatisticsPage  *self)
{
  /* The statistics shown now: a count done while the dialog is open
   * replaces them */
  se_statistics_chart_draw_page (context, self->stats, (SeStatisticsGrouping) page);
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

/* Shows the print dialog and prints the statistics, one grouping a page. */
static void
print_statistics (SeStatisticsPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Nothing to print before the first count is done */
  if (self->stats == NULL)
    return;
  operation = print_operation (self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    se_toast_show (GTK_WIDGET (self), error->message, TRUE);
}

/* Prints to a PDF file without asking: what the print dialog prints. */
static gboolean
save_pdf (const char *path,
          gpointer    user_data,
          GError    **error)
{
  SeStatisticsPage *self = user_data;
  g_autoptr(GtkPrintOperation) operation = print_operation (self);

  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Export: the statistics shown when the file is chosen */

static gboolean
save_csv (const char *path,
          gpointer    user_data,
          GError    **error)
{
  SeStatisticsPage *self = user_data;

  return se_statistics_export_csv (self->stats, path, error);
}

static gboolean
save_xlsx (const char *path,
           gpointer    user_data,
           GError    **error)
{
  SeStatisticsPage *self = user_data;

  return se_statistics_export_xlsx (self->stats, path, error);
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
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  /* Translators: the file name suggested for the PDF export; keep the .pdf */
  se_save_dialog_run (widget, _("Export Statistics as PDF"), _("statistics.pdf"),
                      _("PDF documents"), "*.pdf", save_pdf, g_object_ref (widget),
                      g_object_unref);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  print_statistics (SE_STATISTICS_PAGE (widget));
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
  g_clear_pointer (&self->chart_rows, g_array_unref);
  g_clear_pointer (&self->stats, se_statistics_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_STATISTICS_PAGE);

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
  gtk_widget_class_install_action (widget_class, "statistics.export-pdf", NULL,
                                   export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "statistics.print", NULL, print_activated);
  gtk_widget_class_install_property_action (widget_class, "statistics.grouping", "grouping");

  g_type_ensure (SE_TYPE_STATISTICS_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, grouping_button);
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, summary);
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, counting_box);
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, table);
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, label_column);
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, list);
  gtk_widget_class_bind_template_child (widget_class, SeStatisticsPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, cell_text);
  gtk_widget_class_bind_template_callback (widget_class, cell_classes);
}

static void
se_statistics_page_init (SeStatisticsPage *self)
{
  AdwHeaderBar *header;
  g_autoptr(GMenu) groupings = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  header = se_tool_page_get_header_bar (SE_TOOL_PAGE (self));
  adw_header_bar_pack_end (header, self->export_button);
  adw_header_bar_pack_end (header, self->print_button);

  /* The core names the groupings */
  for (guint g = 0; g < SE_STATISTICS_N_GROUPINGS; g++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (se_statistics_grouping_get_label (g), NULL);

      g_menu_item_set_action_and_target_value (item, "statistics.grouping",
                                               g_variant_new_int32 ((gint32) g));
      g_menu_append_item (groupings, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->grouping_button),
                                  G_MENU_MODEL (groupings));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->grouping_button),
                             se_statistics_grouping_get_label (SE_STATISTICS_BY_YEAR));
  gtk_column_view_column_set_title (self->label_column,
                                    se_statistics_grouping_get_label (self->grouping));
  align_number_titles (self->table);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_charts, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export-csv", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export-xlsx", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export-pdf", FALSE);
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

SeStatisticsGrouping
se_statistics_page_get_grouping (SeStatisticsPage *self)
{
  g_return_val_if_fail (SE_IS_STATISTICS_PAGE (self), SE_STATISTICS_BY_YEAR);

  return self->grouping;
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
