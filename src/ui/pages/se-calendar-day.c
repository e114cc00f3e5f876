/* se-calendar-day.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "se-pages-private.h"

/* The templates (se-calendar-day.ui, se-calendar-event.ui) hold what every
 * cell has; the day, its placements' titles, colours and targets, and the
 * labels a screen reader says are set here. The page makes the 42 cells
 * of its grid once and fills them for each month. */

#define RESOURCE_PATH "/io/github/staffexchange/StaffExchange/"

/* A day */

struct _SeCalendarDay
{
  GtkBox    parent_instance;

  GtkLabel *number;
  GtkLabel *more;
};

G_DEFINE_FINAL_TYPE (SeCalendarDay, se_calendar_day, GTK_TYPE_BOX)

static void
se_calendar_day_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SE_TYPE_CALENDAR_DAY);

  G_OBJECT_CLASS (se_calendar_day_parent_class)->dispose (object);
}

static void
se_calendar_day_class_init (SeCalendarDayClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = se_calendar_day_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "se-calendar-day.ui");
  gtk_widget_class_bind_template_child (widget_class, SeCalendarDay, number);
  gtk_widget_class_bind_template_child (widget_class, SeCalendarDay, more);
}

static void
se_calendar_day_init (SeCalendarDay *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
se_calendar_day_new (void)
{
  return g_object_new (SE_TYPE_CALENDAR_DAY, NULL);
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/**
 * se_calendar_day_set_date:
 * @other_month: whether the day is of the months before and after the one
 *   shown, which is dimmed
 *
 * Shows another day, without placements (se_calendar_day_add_event()).
 */
void
se_calendar_day_set_date (SeCalendarDay *self,
                          int            day_of_month,
                          gboolean       other_month,
                          gboolean       today)
{
  GtkWidget *child;
  char number[4];

  g_return_if_fail (SE_IS_CALENDAR_DAY (self));

  set_class (GTK_WIDGET (self), "other-month", other_month);
  set_class (GTK_WIDGET (self), "today", today);
  g_snprintf (number, sizeof number, "%d", day_of_month);
  gtk_label_set_text (self->number, number);

  /* The placements of the day shown before */
  while ((child = gtk_widget_get_next_sibling (GTK_WIDGET (self->number)))
         != GTK_WIDGET (self->more))
    gtk_box_remove (GTK_BOX (self), child);
  se_calendar_day_set_more (self, 0);
}

/* Adds @event (se_calendar_event_new()) below the ones added before */
void
se_calendar_day_add_event (SeCalendarDay *self,
                           GtkWidget     *event)
{
  g_return_if_fail (SE_IS_CALENDAR_DAY (self));

  gtk_box_insert_child_after (GTK_BOX (self), event,
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->more)));
}

/* How many placements of the day are not shown; none hides the line. */
void
se_calendar_day_set_more (SeCalendarDay *self,
                          guint          more)
{
  g_return_if_fail (SE_IS_CALENDAR_DAY (self));

  if (more > 0)
    {
      /* Translators: under the placements shown in a day of the month view */
      g_autofree char *text = g_strdup_printf (ngettext ("%u more", "%u more", more), more);
      gtk_label_set_text (self->more, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more), more > 0);
}

/* A placement */

struct _SeCalendarEvent
{
  GtkButton  parent_instance;

  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (SeCalendarEvent, se_calendar_event, GTK_TYPE_BUTTON)

static void
se_calendar_event_class_init (SeCalendarEventClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* No gtk_widget_dispose_template(): the label is the button's child,
   * which GtkButton lets go of itself */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "se-calendar-event.ui");
  gtk_widget_class_bind_template_child (widget_class, SeCalendarEvent, label);
}

static void
se_calendar_event_init (SeCalendarEvent *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * se_calendar_event_new:
 * @kind: the placement's kind, which gives its colour
 *
 * Returns: (transfer floating): a button that opens the placement
 */
GtkWidget *
se_calendar_event_new (gint64      placement_id,
                       const char *title,
                       const char *tooltip,
                       int         kind,
                       gboolean    cancelled)
{
  SeCalendarEvent *self = g_object_new (SE_TYPE_CALENDAR_EVENT, NULL);
  g_autofree char *kind_class = g_strdup_printf ("kind-%d", kind % 6);

  gtk_label_set_text (self->label, title);
  gtk_widget_add_css_class (GTK_WIDGET (self), kind_class);
  if (cancelled)
    gtk_widget_add_css_class (GTK_WIDGET (self), "cancelled");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", placement_id);
  return GTK_WIDGET (self);
}
