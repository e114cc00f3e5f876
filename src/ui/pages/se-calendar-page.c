/* se-calendar-page.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "se-pages-private.h"
#include "se-calendar-page.h"
#include "se-date.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-ical.h"
#include "se-placement.h"
#include "se-partnership.h"
#include "se-partnership-chooser.h"
#include "se-save-dialog.h"
#include "se-store-calendar.h"

/* The Calendar page: placements in a month grid (keyboard reachable: each
 * placement is a button in its days) and on a timeline of bars over the
 * months, and their export as iCalendar. The timeline draws only what is
 * in view, with its own horizontal scrollbar, since the years of a long
 * partnership would make one drawing tens of thousands of pixels wide.
 *
 * Both views read from the store only the placements of what they show:
 * the month view its six weeks, the timeline one year. A database of
 * 200,000 placements holds some 5,000 a year; the timeline draws only the
 * rows in view and formats only their titles. Both views share one date
 * (the month shown and its year), as GNOME Calendar's views do, and only
 * the visible one is filled; the other is filled when it is shown.
 *
 * The page is a template (se-calendar-page.ui), and so are a day of the
 * month view and a placement in it (se-calendar-day.c, declared in
 * se-pages-private.h).
 *
 * Every button activates an action of the page: calendar.today,
 * calendar.previous-month and the like, calendar.open with a placement's
 * id, calendar.export with a partnership's. */

#define PX_PER_DAY 4.0
#define MAX_PER_DAY 3
#define ROW_HEIGHT 28.0

#define N_DAYS_SHOWN (6 * 7)

struct _SeCalendarPage
{
  SeToolPage      parent_instance;

  int             year;
  int             month;

  AdwViewStack   *views;
  GtkWidget      *month_title;
  GtkGrid        *month_grid;
  SeCalendarDay  *days[N_DAYS_SHOWN]; /* the month view's cells, by date */
  GtkWidget      *timeline;
  GtkWidget      *timeline_title;
  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment; /* the rows in view */
  GPtrArray      *rows;        /* placements on the timeline, by start */
  GDate           first_day;   /* the timeline's left edge: 1 January */
  guint           n_days;
  int             timeline_year; /* the year of rows; 0 before the first fill */
  gboolean        month_stale;
  gboolean        timeline_stale;
};

G_DEFINE_FINAL_TYPE (SeCalendarPage, se_calendar_page, SE_TYPE_TOOL_PAGE)

enum
{
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The Adwaita palette, one colour a kind of placement */
static const char *kind_colours[] = {
  "#3584e4", "#26a269", "#c88800", "#e66100", "#9141ac", "#c01c28",
};

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static void
iso_of (const GDate *date,
        char         out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/* The placements that run on a day from @from to @to, by start, then id */
static GPtrArray *
placements_between (SeCalendarPage *self,
                    const char     *from,
                    const char     *to)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  g_autoptr(GError) error = NULL;
  GPtrArray *found = se_store_find_placements_between (store, from, to, &error);
  guint kept = 0;

  if (found == NULL)
    {
      g_warning ("Could not read the placements from %s to %s: %s", from, to, error->message);
      return g_ptr_array_new_with_free_func (g_object_unref);
    }
  /* The schema allows dates GDate cannot hold (year 0); they are not drawn */
  for (guint i = 0; i < found->len; i++)
    {
      SeRecord *p = g_ptr_array_index (found, i);
      GDate s, e;

      if (parse_date (se_record_get_string (p, "start-date"), &s)
          && parse_date (se_record_get_string (p, "end-date"), &e))
        found->pdata[kept++] = p;
      else
        g_object_unref (p);
    }
  found->len = kept;
  return found;
}

/**
 * se_calendar_page_get_day_placements:
 * @day_iso: a day, "YYYY-MM-DD"
 *
 * Returns: (transfer container) (element-type SeRecord): the placements
 *   that run on @day_iso, by start, as the month view shows them
 */
GPtrArray *
se_calendar_page_get_day_placements (SeCalendarPage *self,
                                     const char     *day_iso)
{
  g_return_val_if_fail (SE_IS_CALENDAR_PAGE (self),
                        g_ptr_array_new_with_free_func (g_object_unref));
  g_return_val_if_fail (day_iso != NULL, g_ptr_array_new_with_free_func (g_object_unref));

  return placements_between (self, day_iso, day_iso);
}

/* calendar.open: a placement, by its id */
static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (widget);
  g_autoptr(SeRecord) record = se_store_lookup (se_tool_page_get_store (SE_TOOL_PAGE (self)),
                                                SE_TYPE_PLACEMENT,
                                                g_variant_get_int64 (parameter));

  if (record != NULL)
    se_tool_page_open_record (SE_TOOL_PAGE (self), record);
}

static char *
placement_tooltip (SeCalendarPage *self,
                   SeRecord       *p)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  g_autofree char *title = se_describe_title (store, p);
  g_autofree char *start = se_date_format (se_record_get_string (p, "start-date"));
  g_autofree char *end = se_date_format (se_record_get_string (p, "end-date"));

  /* Translators: a placement's title, its kind, and its first and last day */
  return g_strdup_printf (_("%s\n%s, %s – %s"), title,
                          se_enum_get_label (SE_TYPE_PLACEMENT_KIND,
                                             se_record_get_int (p, "kind")),
                          start, end);
}

/* Month view */

/* Shows @day in @cell: its number and up to MAX_PER_DAY of @placements
 * that run on it */
static void
fill_day (SeCalendarPage *self,
          SeCalendarDay  *cell,
          const GDate    *day,
          GPtrArray      *placements,
          gboolean        other_month,
          gboolean        today)
{
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  char iso[11];
  guint shown = 0, more = 0;

  iso_of (day, iso);
  se_calendar_day_set_date (cell, g_date_get_day (day), other_month, today);
  for (guint i = 0; i < placements->len; i++)
    {
      SeRecord *p = g_ptr_array_index (placements, i);
      g_autofree char *title = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *event;

      if (g_strcmp0 (se_record_get_string (p, "start-date"), iso) > 0
          || g_strcmp0 (iso, se_record_get_string (p, "end-date")) > 0)
        continue;
      if (shown == MAX_PER_DAY)
        {
          more++;
          continue;
        }
      title = se_describe_title (store, p);
      tooltip = placement_tooltip (self, p);
      event = se_calendar_event_new (se_record_get_id (p), title, tooltip,
                                     se_record_get_int (p, "kind"),
                                     se_record_get_int (p, "status")
                                     == SE_PLACEMENT_STATUS_CANCELLED);
      se_calendar_day_add_event (cell, event);
      shown++;
    }
  se_calendar_day_set_more (cell, more);
}

static void
fill_month (SeCalendarPage *self)
{
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_local (self->year, self->month, 1, 0, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = g_date_time_format (first, "%OB %Y");
  GDate day, today, last;
  char from[11], to[11];

  self->month_stale = FALSE;
  gtk_label_set_text (GTK_LABEL (self->month_title), title);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, self->month, self->year);
  g_date_subtract_days (&day, g_date_get_weekday (&day) - G_DATE_MONDAY);

  /* Only the six weeks shown */
  last = day;
  g_date_add_days (&last, 6 * 7 - 1);
  iso_of (&day, from);
  iso_of (&last, to);
  placements = placements_between (self, from, to);

  for (guint i = 0; i < N_DAYS_SHOWN; i++)
    {
      fill_day (self, self->days[i], &day, placements,
                g_date_get_month (&day) != (GDateMonth) self->month,
                g_date_compare (&day, &today) == 0);
      g_date_add_days (&day, 1);
    }
}

/* The month grid's cells, made once: the weekday names, Monday first,
 * and six weeks of days, which fill_month fills. Cells by the dozen are
 * shorter in a loop than in the template. */
static void
make_month_grid (SeCalendarPage *self)
{
  for (int d = 0; d < 7; d++)
    {
      /* 1 January 2024 was a Monday */
      g_autoptr(GDateTime) wd = g_date_time_new_local (2024, 1, 1 + d, 0, 0, 0);
      g_autofree char *name = g_date_time_format (wd, "%a");
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->month_grid, label, d, 0, 1, 1);
    }
  for (guint i = 0; i < N_DAYS_SHOWN; i++)
    {
      self->days[i] = SE_CALENDAR_DAY (se_calendar_day_new ());
      gtk_grid_attach (self->month_grid, GTK_WIDGET (self->days[i]), i % 7, i / 7 + 1, 1, 1);
    }
}

static void fill_timeline (SeCalendarPage *self);

static gboolean
timeline_visible (SeCalendarPage *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->views), "timeline") == 0;
}

/* The shared date moved: the visible view follows now, the other when shown */
static void
date_changed (SeCalendarPage *self)
{
  if (timeline_visible (self))
    {
      self->month_stale = TRUE;
      if (self->timeline_year != self->year)
        fill_timeline (self);
    }
  else
    {
      fill_month (self);
      if (self->timeline_year != self->year)
        self->timeline_stale = TRUE;
    }
}

/**
 * se_calendar_page_set_month:
 * @month: 1 to 12
 *
 * Shows @month of @year in the month view, and @year on the timeline.
 */
void
se_calendar_page_set_month (SeCalendarPage *self,
                            int             year,
                            int             month)
{
  g_return_if_fail (SE_IS_CALENDAR_PAGE (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->year = year;
  self->month = month;
  /* The month view now: callers look at its days */
  fill_month (self);
  date_changed (self);
}

/* Shows @year on the timeline (and its month in the month view) */
static void
set_year (SeCalendarPage *self,
          int             year)
{
  self->year = year;
  date_changed (self);
}

/**
 * se_calendar_page_get_timeline_rows:
 *
 * Returns: (transfer none) (element-type SeRecord): the placements on the
 *   timeline, one a row, by start: those that run in its year
 */
GPtrArray *
se_calendar_page_get_timeline_rows (SeCalendarPage *self)
{
  g_return_val_if_fail (SE_IS_CALENDAR_PAGE (self), NULL);

  if (self->timeline_stale || self->timeline_year == 0)
    fill_timeline (self);
  return self->rows;
}

/* calendar.previous-month, calendar.next-month: the month view's arrows */
static void
previous_month_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (widget);

  if (self->month == 1)
    se_calendar_page_set_month (self, self->year - 1, 12);
  else
    se_calendar_page_set_month (self, self->year, self->month - 1);
}

static void
next_month_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (widget);

  if (self->month == 12)
    se_calendar_page_set_month (self, self->year + 1, 1);
  else
    se_calendar_page_set_month (self, self->year, self->month + 1);
}

/* calendar.previous-year, calendar.next-year: the timeline's arrows */
static void
previous_year_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (widget);

  if (self->year > 1)
    set_year (self, self->year - 1);
}

static void
next_year_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (widget);

  if (self->year < 9999)
    set_year (self, self->year + 1);
}

static void
scroll_timeline_to (SeCalendarPage *self,
                    const GDate    *date)
{
  double x;

  if (!g_date_valid (&self->first_day))
    return;
  x = (g_date_days_between (&self->first_day, date) - 30) * PX_PER_DAY;
  gtk_adjustment_set_value (self->hadjustment, x);

  /* Down to the first row still running on @date: the rows above it, by
   * start, ended before (most of them; a year has thousands) */
  for (guint i = 0; i < self->rows->len; i++)
    {
      SeRecord *p = g_ptr_array_index (self->rows, i);
      GDate e;

      if (parse_date (se_record_get_string (p, "end-date"), &e) && g_date_compare (&e, date) >= 0)
        {
          /* The row just under the months' names: see draw_timeline */
          gtk_adjustment_set_value (self->vadjustment, i * ROW_HEIGHT);
          break;
        }
    }
}

/* calendar.today: both views' Today */
static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  se_calendar_page_set_month (self, g_date_time_get_year (now), g_date_time_get_month (now));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  scroll_timeline_to (self, &today);
}

/* Timeline */

static double
timeline_header_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_set_text (layout, "Ägy", -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  return h * 2.0;
}


static void
update_timeline_size (SeCalendarPage *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->timeline, NULL);
  double width = gtk_widget_get_width (self->timeline);
  double height = gtk_widget_get_height (self->timeline);
  double total = self->n_days * PX_PER_DAY;
  double header = timeline_header_height (layout);
  double rows = header + MAX (self->rows->len, 1) * ROW_HEIGHT + 8;

  gtk_adjustment_configure (self->vadjustment,
                            MIN (gtk_adjustment_get_value (self->vadjustment),
                                 MAX (rows - height, 0)),
                            0, MAX (rows, height), ROW_HEIGHT, MAX (height - header, 1), height);
  gtk_adjustment_configure (self->hadjustment,
                            MIN (gtk_adjustment_get_value (self->hadjustment),
                                 MAX (total - width, 0)),
                            0, MAX (total, width), PX_PER_DAY * 7, MAX (width - 40, 1), width);
}

static void
fill_timeline (SeCalendarPage *self)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (self->year, 1, 1, 0, 0, 0);
  g_autofree char *title = g_date_time_format (first, "%Y");
  gboolean new_year = self->timeline_year != self->year;
  char from[11], to[11];
  GDate last;

  self->timeline_stale = FALSE;
  self->timeline_year = self->year;
  gtk_label_set_text (GTK_LABEL (self->timeline_title), title);

  g_date_clear (&self->first_day, 1);
  g_date_set_dmy (&self->first_day, 1, G_DATE_JANUARY, self->year);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, self->year);
  self->n_days = g_date_days_between (&self->first_day, &last) + 1;
  iso_of (&self->first_day, from);
  iso_of (&last, to);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = placements_between (self, from, to);

  update_timeline_size (self);
  /* Another year starts at its first row; the same one (a refresh after
   * an edit) stays where the user is */
  if (new_year)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      gtk_adjustment_set_value (self->vadjustment, 0);
      if (g_date_time_get_year (now) == self->year)
        {
          GDate today;

          g_date_clear (&today, 1);
          g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                          g_date_time_get_month (now), self->year);
          scroll_timeline_to (self, &today);
        }
    }
  gtk_widget_queue_draw (self->timeline);
}

static void
theme_colour (GtkWidget *widget,
              GdkRGBA   *fg,
              GdkRGBA   *accent,
              GdkRGBA   *bg)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    gdk_rgba_parse (accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "window_bg_color", bg))
    *bg = (GdkRGBA) { 0, 0, 0, 0 };
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The rows' part in view, in the coordinates of all the rows: the drawing
 * is only as tall as the view, with its own vertical scrollbar as it has
 * its own horizontal one, so that thousands of rows are never one drawing
 * taller than cairo's surfaces can be (32,767 pixels). */
static void
visible_range (SeCalendarPage *self,
               int             height,
               double         *top,
               double         *bottom)
{
  *top = gtk_adjustment_get_value (self->vadjustment);
  *bottom = *top + height;
}

static void
draw_timeline (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  SeCalendarPage *self = user_data;
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  double offset = gtk_adjustment_get_value (self->hadjustment);
  double header = timeline_header_height (layout);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GdkRGBA fg, accent, bg;
  GDate month, today;
  double top, bottom;
  guint first_row, end_row;
  int lw, lh;

  if (!g_date_valid (&self->first_day))
    return;
  theme_colour (GTK_WIDGET (area), &fg, &accent, &bg);
  visible_range (self, height, &top, &bottom);
  cairo_translate (cr, 0, -top);

  /* The rows in view, and the one cut by each edge */
  first_row = (guint) MAX (floor ((top - header) / ROW_HEIGHT), 0);
  end_row = (guint) MAX (ceil ((bottom - header) / ROW_HEIGHT), 0);
  end_row = MIN (end_row, self->rows->len);

  for (guint i = first_row; i < end_row; i++)
    {
      SeRecord *p = g_ptr_array_index (self->rows, i);
      GDate s, e;
      double x, w, y = header + i * ROW_HEIGHT;
      g_autofree char *title = se_describe_title (store, p);
      gboolean cancelled = se_record_get_int (p, "status") == SE_PLACEMENT_STATUS_CANCELLED;
      GdkRGBA colour;

      parse_date (se_record_get_string (p, "start-date"), &s);
      parse_date (se_record_get_string (p, "end-date"), &e);
      x = g_date_days_between (&self->first_day, &s) * PX_PER_DAY - offset;
      w = MAX ((g_date_days_between (&s, &e) + 1) * PX_PER_DAY, 6);

      gdk_rgba_parse (&colour, kind_colours[se_record_get_int (p, "kind") % 6]);
      colour.alpha = cancelled ? 0.35 : 1.0;
      gdk_cairo_set_source_rgba (cr, &colour);
      cairo_rectangle (cr, x, y + 5, w, ROW_HEIGHT - 10);
      cairo_fill (cr);

      pango_layout_set_text (layout, title, -1);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, cancelled ? 0.5 : 1.0);
      /* Titles that would start left of the view stay readable at its edge */
      cairo_move_to (cr, MAX (x + w + 6, MIN (6, x + w + 6 + lw)), y + (ROW_HEIGHT - lh) / 2);
      pango_cairo_show_layout (cr, layout);
    }

  /* The months' names stay at the top of the view over the rows that
   * scroll under them: a year can have thousands of rows */
  gdk_cairo_set_source_rgba (cr, &bg);
  cairo_rectangle (cr, 0, top, width, header);
  cairo_fill (cr);

  /* Months: a line at each first day, the name beside it */
  month = self->first_day;
  while (g_date_days_between (&self->first_day, &month) < (int) self->n_days)
    {
      double x = g_date_days_between (&self->first_day, &month) * PX_PER_DAY - offset;
      double next_x = x + g_date_get_days_in_month (g_date_get_month (&month),
                                                    g_date_get_year (&month)) * PX_PER_DAY;

      if (next_x >= 0 && x <= width)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&month),
                                                           g_date_get_month (&month), 1, 0, 0, 0);
          g_autofree char *name = g_date_time_format (dt, g_date_get_month (&month) == 1
                                                            ? "%b %Y" : "%b");

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue,
                                 g_date_get_month (&month) == 1 ? 0.45 : 0.15);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, floor (x) + 0.5, top);
          cairo_line_to (cr, floor (x) + 0.5, bottom);
          cairo_stroke (cr);

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
          pango_layout_set_text (layout, name, -1);
          pango_layout_get_pixel_size (layout, &lw, &lh);
          cairo_move_to (cr, floor (x) + 4, top + (header - lh) / 2);
          pango_cairo_show_layout (cr, layout);
        }
      g_date_add_months (&month, 1);
    }

  /* Today */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  {
    double x = g_date_days_between (&self->first_day, &today) * PX_PER_DAY - offset;
    if (x >= 0 && x <= width && g_date_get_year (&today) == g_date_get_year (&self->first_day))
      {
        gdk_cairo_set_source_rgba (cr, &accent);
        cairo_set_line_width (cr, 2);
        cairo_move_to (cr, x, top + header * 0.8);
        cairo_line_to (cr, x, bottom);
        cairo_stroke (cr);
      }
  }
}

static SeRecord *
timeline_placement_at (SeCalendarPage *self,
                       double          y)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->timeline, NULL);
  double header = timeline_header_height (layout);
  double top, bottom;
  int row;

  /* The months' names cover the rows scrolled under them */
  visible_range (self, gtk_widget_get_height (self->timeline), &top, &bottom);
  if (y < header)
    return NULL;
  row = (int) ((y + top - header) / ROW_HEIGHT);
  if (row < 0 || row >= (int) self->rows->len)
    return NULL;
  return g_ptr_array_index (self->rows, row);
}

static void
on_timeline_pressed (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     SeCalendarPage  *self)
{
  SeRecord *record = timeline_placement_at (self, y);

  if (record != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.open", "x",
                                se_record_get_id (record));
}

static gboolean
on_timeline_query_tooltip (GtkWidget      *widget,
                           int             x,
                           int             y,
                           gboolean        keyboard,
                           GtkTooltip     *tooltip,
                           SeCalendarPage *self)
{
  SeRecord *record = timeline_placement_at (self, y);
  g_autofree char *text = NULL;

  if (record == NULL)
    return FALSE;
  text = placement_tooltip (self, record);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_timeline_scroll (GtkEventControllerScroll *controller,
                    double                    dx,
                    double                    dy,
                    SeCalendarPage           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
                            GTK_EVENT_CONTROLLER (controller));

  /* Shift and the wheel, or a touchpad's sideways swipe, move in time;
   * the wheel alone through the rows, three a notch */
  if (dx == 0 && !(state & GDK_SHIFT_MASK))
    {
      gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment)
                                                   + dy * ROW_HEIGHT * 3);
      return TRUE;
    }
  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment)
                                               + (dx != 0 ? dx : dy) * PX_PER_DAY * 7);
  return TRUE;
}

static void
on_timeline_resize (GtkDrawingArea *area,
                    int             width,
                    int             height,
                    SeCalendarPage *self)
{
  update_timeline_size (self);
}

static void
queue_timeline_draw (SeCalendarPage *self)
{
  gtk_widget_queue_draw (self->timeline);
}

/* Export */

/* What an export needs, and nothing of the window's: on a local disk the
 * file is written in a worker thread, on a connection of its own (all
 * 200,000 placements of a large database take seconds). */
typedef struct
{
  SeCalendarPage *self;         /* NULL when written in a worker */
  char           *db_path;
  gint64          partnership;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->self);
  g_free (job->db_path);
  g_free (job);
}

static gboolean
save_ics (const char *path,
          gpointer    user_data,
          GError    **error)
{
  ExportJob *job = user_data;
  g_autoptr(SeStore) opened = NULL;
  SeStore *store;

  if (job->self != NULL)
    store = se_tool_page_get_store (SE_TOOL_PAGE (job->self));
  else
    {
      opened = se_store_open_location (job->db_path, SE_STORE_OPEN_FLAGS_NO_CREATE, error);
      if (opened == NULL)
        return FALSE;
      store = opened;
    }
  if (job->partnership > 0)
    return se_ical_export_partnership (store, job->partnership, path, error);
  return se_ical_export_all (store, path, error);
}

static char *
file_name_for (const char *title)
{
  GString *name = g_string_new (NULL);

  for (const char *c = title; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);
      if (g_unichar_isalnum (u))
        g_string_append_unichar (name, u);
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  g_string_append (name, ".ics");
  return g_string_free (name, FALSE);
}

/* calendar.export: a partnership's placements by its id, 0 for all */
static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (widget);
  SeStore *store = se_tool_page_get_store (SE_TOOL_PAGE (self));
  ExportJob *job = g_new0 (ExportJob, 1);
  g_autofree char *name = NULL;

  job->partnership = g_variant_get_int64 (parameter);
  if (job->partnership > 0)
    {
      g_autoptr(SeRecord) p = se_store_lookup (store, SE_TYPE_PARTNERSHIP, job->partnership);
      g_autofree char *title = p != NULL ? se_describe_title (store, p) : NULL;
      name = file_name_for (title != NULL ? title : "placements");
    }
  else
    /* Translators: the file name suggested for all placements; keep the .ics */
    name = g_strdup (_("placements.ics"));

  /* A database on a network drive is held with exclusive locking: no
   * second connection can open it. */
  if (se_store_is_on_network (store))
    {
      job->self = g_object_ref (self);
      se_save_dialog_run (widget, _("Export to Calendar"), name, _("iCalendar files"), "*.ics",
                          save_ics, job, export_job_free);
    }
  else
    {
      job->db_path = g_strdup (se_store_get_path (store));
      se_save_dialog_run_in_thread (widget, _("Export to Calendar"), name, _("iCalendar files"),
                                    "*.ics", save_ics, job, export_job_free);
    }
}

static void
on_partnership_chosen (SePartnershipChooser *chooser,
                       gint64                partnership_id,
                       SeCalendarPage       *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.export", "x", partnership_id);
}

/* A menu item for each partnership would be thousands of them: the
 * partnership is chosen in a dialog that searches them. */
static void
choose_partnership_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SePartnershipChooser *chooser =
    se_partnership_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                se_tool_page_get_store (SE_TOOL_PAGE (self)),
                                _("Choose Partnership"), _("_Export…"));

  g_signal_connect_object (chooser, "chosen", G_CALLBACK (on_partnership_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (chooser));
}

/**
 * se_calendar_page_refresh:
 *
 * Shows the placements as they are now.
 */
void
se_calendar_page_refresh (SeCalendarPage *self)
{
  g_return_if_fail (SE_IS_CALENDAR_PAGE (self));

  se_tool_page_refresh (SE_TOOL_PAGE (self));
}

static void
se_calendar_page_real_refresh (SeToolPage *page)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (page);

  /* The view shown now, the other one when it is shown */
  if (timeline_visible (self))
    {
      fill_timeline (self);
      self->month_stale = TRUE;
    }
  else
    {
      fill_month (self);
      self->timeline_stale = TRUE;
    }
}

static void
on_view_changed (SeCalendarPage *self)
{
  /* The stack lets go of its pages when the page is disposed */
  if (self->views == NULL)
    return;
  if (timeline_visible (self))
    {
      if (self->timeline_stale || self->timeline_year != self->year)
        fill_timeline (self);
    }
  else if (self->month_stale)
    fill_month (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/* Set-up */

static void
se_calendar_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, adw_view_stack_get_visible_child_name (self->views));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_calendar_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      adw_view_stack_set_visible_child_name (self->views, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
se_calendar_page_dispose (GObject *object)
{
  SeCalendarPage *self = SE_CALENDAR_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SE_TYPE_CALENDAR_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (se_calendar_page_parent_class)->dispose (object);
}

static void
se_calendar_page_class_init (SeCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SeToolPageClass *page_class = SE_TOOL_PAGE_CLASS (klass);

  object_class->get_property = se_calendar_page_get_property;
  object_class->set_property = se_calendar_page_set_property;
  object_class->dispose = se_calendar_page_dispose;
  page_class->refresh = se_calendar_page_real_refresh;

  /* The view shown, "month" or "timeline" (calendar.view) */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "month",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/staffexchange/StaffExchange/"
                                               "se-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SeCalendarPage, views);
  gtk_widget_class_bind_template_child (widget_class, SeCalendarPage, month_title);
  gtk_widget_class_bind_template_child (widget_class, SeCalendarPage, month_grid);
  gtk_widget_class_bind_template_child (widget_class, SeCalendarPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, SeCalendarPage, timeline_title);
  gtk_widget_class_bind_template_child (widget_class, SeCalendarPage, hadjustment);
  gtk_widget_class_bind_template_child (widget_class, SeCalendarPage, vadjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_resize);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_scroll);
  gtk_widget_class_bind_template_callback (widget_class, queue_timeline_draw);

  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL,
                                   previous_month_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL,
                                   next_month_activated);
  gtk_widget_class_install_action (widget_class, "calendar.previous-year", NULL,
                                   previous_year_activated);
  gtk_widget_class_install_action (widget_class, "calendar.next-year", NULL,
                                   next_year_activated);
  gtk_widget_class_install_property_action (widget_class, "calendar.view", "view");
  /* A placement's id */
  gtk_widget_class_install_action (widget_class, "calendar.open", "x", open_activated);
  /* The partnership's id, 0 for all placements */
  gtk_widget_class_install_action (widget_class, "calendar.export", "x", export_activated);
  gtk_widget_class_install_action (widget_class, "calendar.choose-partnership", NULL,
                                   choose_partnership_activated);
}

static void
se_calendar_page_init (SeCalendarPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->year = g_date_time_get_year (now);
  self->month = g_date_time_get_month (now);
  self->rows = g_ptr_array_new ();
  g_date_clear (&self->first_day, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->timeline), draw_timeline, self, NULL);
  make_month_grid (self);
  /* Filled by the first refresh, or when shown */
  self->timeline_stale = TRUE;
}

/**
 * se_calendar_page_new:
 * @store: the open store
 *
 * Returns: (transfer floating): the page, showing the current month
 */
SeCalendarPage *
se_calendar_page_new (SeStore *store)
{
  return g_object_new (SE_TYPE_CALENDAR_PAGE, "store", store, NULL);
}
