/* test-planning-pages.c: the Checks, Statistics and Calendar pages
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window on the example data, driven through its sidebar, the pages'
 * actions (which their buttons activate, with the targets the tests check)
 * and the file chooser of the exports. It includes ui/pages/se-pages-private.h
 * for the keys the Checks page's actions take.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "se-calendar-page.h"
#include "se-checks-page.h"
#include "se-pages-private.h"
#include "se-describe.h"
#include "se-example-data.h"
#include "se-finding.h"
#include "se-partnership.h"
#include "se-partnership-chooser.h"
#include "se-placement.h"
#include "se-statistics-page.h"
#include "se-window.h"
#include "se-test-planning.h"
#include "se-test-ui.h"
#include "se-test-util.h"

static char *dir;
static char *path;

static SeWindow *
open_window (void)
{
  SeWindow *window = se_window_new (NULL, path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  return window;
}

static void
close_window (SeWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
}

static const char *
label_text (GtkWidget *widget)
{
  g_assert_true (GTK_IS_LABEL (widget));
  return gtk_label_get_text (GTK_LABEL (widget));
}

static const char *
checks_count (SeWindow *window)
{
  return label_text (se_test_find_named (GTK_WIDGET (window), "checks-count"));
}

/* The first button of @root that activates @action */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_action_button (c, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first finding's row of the Checks page's list */
static GtkWidget *
first_finding_row (GtkWidget *root)
{
  if (ADW_IS_ACTION_ROW (root) && gtk_widget_has_css_class (root, "se-finding"))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_finding_row (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_target (GtkWidget  *button,
               const char *action,
               const char *target)
{
  GVariant *value;

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, action);
  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (value);
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, target);
}

/* The Checks page's list of findings, a child of its template */
static GtkWidget *
findings_list (SeChecksPage *page)
{
  GObject *list = gtk_widget_get_template_child (GTK_WIDGET (page), SE_TYPE_CHECKS_PAGE, "list");

  g_assert_true (GTK_IS_LIST_VIEW (list));
  return GTK_WIDGET (list);
}

static void
test_checks (void)
{
  SeWindow *window = open_window ();
  SeChecksPage *page = SE_CHECKS_PAGE (se_window_get_tool_page (window, "checks"));
  GtkWidget *row = se_test_find_named (GTK_WIDGET (window), "checks");
  g_autofree char *key = NULL;
  g_autofree char *dismissal = NULL;
  GtkWidget *first, *dismiss, *restore;
  SeFinding *finding;
  GType type;
  gint64 id;

  /* The day test-checks.c takes: its 6 findings of the example data */
  se_checks_page_set_today (page, "2026-01-01");
  g_assert_cmpuint (se_checks_page_get_n_findings (page), ==, 6);
  g_assert_cmpstr (checks_count (window), ==, "6");

  /* Chosen in the sidebar, the page takes the place of list and record */
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  se_test_wait_for_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)));

  /* Opening a finding's record: the first row's arrow */
  finding = g_ptr_array_index (se_checks_page_get_findings (page), 0);
  type = se_finding_get_record_type (finding);
  id = se_finding_get_record_id (finding);
  key = se_checks_record_key (type, id);
  /* The row's arrow, which a click on the row activates too */
  first = first_finding_row (findings_list (page));
  g_assert_nonnull (first);
  assert_target (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (first)), "checks.open",
                 key);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checks.open", "s", key));
  se_test_wait_for_idle ();
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (page)));
  {
    SeRecord *shown = se_record_page_get_record (se_window_get_record_page (window));
    g_assert_nonnull (shown);
    g_assert_true (G_OBJECT_TYPE (shown) == type);
    g_assert_cmpint (se_record_get_id (shown), ==, id);
  }

  /* Dismissing one: the count goes down, and stays down */
  se_window_show_section (window, "checks");
  se_test_wait_for_idle ();
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)));
  finding = g_ptr_array_index (se_checks_page_get_findings (page), 0);
  dismissal = se_checks_finding_key (finding);
  dismiss = find_action_button (first_finding_row (findings_list (page)), "checks.dismiss");
  assert_target (dismiss, "checks.dismiss", dismissal);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checks.dismiss", "s",
                                             dismissal));
  se_test_wait_for_idle ();
  g_assert_cmpuint (se_checks_page_get_n_findings (page), ==, 5);
  g_assert_cmpstr (checks_count (window), ==, "5");

  /* Listed on request, the dismissed one comes back with its Restore,
   * and goes again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checks.show-dismissed", NULL));
  se_test_wait_for_idle ();
  restore = find_action_button (findings_list (page), "checks.restore");
  assert_target (restore, "checks.restore", dismissal);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checks.restore", "s",
                                             dismissal));
  se_checks_page_set_today (page, "2026-01-01");
  g_assert_cmpuint (se_checks_page_get_n_findings (page), ==, 6);
  g_assert_null (find_action_button (findings_list (page), "checks.restore"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checks.show-dismissed", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checks.dismiss", "s",
                                             dismissal));
  se_test_wait_for_idle ();
  g_assert_cmpuint (se_checks_page_get_n_findings (page), ==, 5);
  close_window (window);

  window = open_window ();
  page = SE_CHECKS_PAGE (se_window_get_tool_page (window, "checks"));
  se_checks_page_set_today (page, "2026-01-01");
  g_assert_cmpuint (se_checks_page_get_n_findings (page), ==, 5);
  g_assert_cmpstr (checks_count (window), ==, "5");
  close_window (window);
}

/* The case of test-quota.c on the page: a hospitation of three guests
 * under a quota of two persons a year is listed as exceeded, in persons,
 * as the printed summary and --run-checks say it. */
static void
test_checks_quota (void)
{
  g_autofree char *quota_path = g_build_filename (dir, "quota.db", NULL);
  SeChecksPage *page;
  SeWindow *window;

  {
    g_autoptr(SeStore) store = se_store_open (quota_path, SE_STORE_OPEN_FLAGS_NONE, NULL);
    gint64 essen, sunderland, agreement, hospitation;

    g_assert_nonnull (store);
    essen = se_test_organisation (store, "Stadt Essen", 0);
    sunderland = se_test_organisation (store, "Sunderland City Council", 0);
    agreement = se_test_agreement (store, 0, essen, sunderland, SE_AGREEMENT_KIND_HOSPITATION,
                                   SE_AGREEMENT_STATUS_SIGNED, "2020-01-01", NULL);
    se_test_update (store, SE_TYPE_AGREEMENT, agreement, "quota-placements", NULL, 2);
    hospitation = se_test_placement (store, SE_PLACEMENT_KIND_HOSPITATION, "Hospitation",
                                     "2024-04-08", "2024-04-12", SE_PLACEMENT_STATUS_APPROVED,
                                     0, agreement);
    for (guint i = 0; i < 3; i++)
      se_test_participant (store, hospitation, se_test_person (store, "Gast", essen),
                           SE_PARTICIPANT_ROLE_GUEST, essen, sunderland);
  }

  window = se_window_new (NULL, quota_path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  page = SE_CHECKS_PAGE (se_window_get_tool_page (window, "checks"));
  se_checks_page_set_today (page, "2024-03-01");
  se_window_show_section (window, "checks");
  se_test_wait_for_idle ();
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)));
  g_assert_true (se_test_has_label (GTK_WIDGET (page),
                                    "allows 2 persons from Stadt Essen to Sunderland City "
                                    "Council, but 3 guests are recorded", FALSE));
  close_window (window);
}

/* What the statistics table shows in a cell (row 0: the column titles),
 * once the count in the background is done */
static char *
statistics_cell (SeStatisticsPage *page,
                 guint             column,
                 guint             row)
{
  while (se_statistics_page_get_counting (page))
    g_main_context_iteration (NULL, TRUE);
  return se_statistics_page_dup_cell_text (page, column, row);
}

#define assert_cell(page, column, row, text) \
  G_STMT_START { \
    g_autofree char *cell_ = statistics_cell ((page), (column), (row)); \
    g_assert_cmpstr (cell_, ==, (text)); \
  } G_STMT_END

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);
      if (g_type_is_a (G_OBJECT_TYPE (w), type) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

/* Saves through the file chooser @save as @file_path, as its Save button
 * does, and waits for the file (written in a worker thread) */
static void
save_as (GtkWidget  *save,
         const char *file_path)
{
  g_autofree char *folder_path = g_path_get_dirname (file_path);
  g_autofree char *name = g_path_get_basename (file_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GError) error = NULL;

  g_assert_true (GTK_IS_FILE_CHOOSER (save));
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (save), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (save), name);
  gtk_dialog_response (GTK_DIALOG (save), GTK_RESPONSE_ACCEPT);
  for (int i = 0; i < 500 && !g_file_test (file_path, G_FILE_TEST_EXISTS); i++)
    {
      se_test_wait_for_idle ();
      g_usleep (10000);
    }
  se_test_wait_for_idle ();
  /* Written whole: the export replaces the file atomically */
  g_assert_true (g_file_test (file_path, G_FILE_TEST_EXISTS));
}

static void
test_statistics (void)
{
  SeWindow *window = open_window ();
  SeStatisticsPage *page = SE_STATISTICS_PAGE (se_window_get_tool_page (window, "statistics"));
  g_autofree char *csv = g_build_filename (dir, "statistics.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "statistics.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "statistics.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  int total_row = -1;

  se_window_show_section (window, "statistics");
  se_test_wait_for_idle ();
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)));

  /* By year: 2022 is the job swap, 1 placement, 5 days, 2 guests, 10 guest days */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "statistics.grouping", "i",
                                             (gint32) SE_STATISTICS_BY_YEAR));
  for (int r = 1; ; r++)
    {
      g_autofree char *label = statistics_cell (page, 0, r);
      if (label == NULL)
        break;
      if (g_str_equal (label, "2022"))
        {
          assert_cell (page, 1, r, "1");
          assert_cell (page, 2, r, "5");
          assert_cell (page, 3, r, "2");
          assert_cell (page, 4, r, "10");
        }
      total_row = r;
    }
  g_assert_cmpint (total_row, ==, 9);
  assert_cell (page, 0, total_row, "Total");
  assert_cell (page, 1, total_row, "8");
  assert_cell (page, 2, total_row, "38");
  assert_cell (page, 3, total_row, "14");
  assert_cell (page, 4, total_row, "53");

  /* By kind: four working meetings */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "statistics.grouping", "i",
                                             (gint32) SE_STATISTICS_BY_KIND));
  g_assert_cmpint (se_statistics_page_get_grouping (page), ==, SE_STATISTICS_BY_KIND);
  {
    gboolean seen = FALSE;
    for (int r = 1; ; r++)
      {
        g_autofree char *label = statistics_cell (page, 0, r);
        if (label == NULL)
          break;
        if (g_str_equal (label, "Working meeting"))
          {
            assert_cell (page, 1, r, "4");
            seen = TRUE;
          }
      }
    g_assert_true (seen);
  }

  /* Each export through its action and the file chooser */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "statistics.export-csv", NULL));
  se_test_wait_for_idle ();
  save_as (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG), csv);
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "statistics.export-xlsx", NULL));
  se_test_wait_for_idle ();
  save_as (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG), xlsx);
  g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "statistics.export-pdf", NULL));
  se_test_wait_for_idle ();
  save_as (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG), pdf);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);

  close_window (window);
}

/* A count started while another runs: the newer one's numbers are shown,
 * whichever finishes first. */
static void
test_statistics_newer (void)
{
  SeWindow *window = open_window ();
  SeStore *store = se_window_get_store (window);
  SeStatisticsPage *page = SE_STATISTICS_PAGE (se_window_get_tool_page (window, "statistics"));

  se_window_show_section (window, "statistics");
  se_test_wait_for_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "statistics.grouping", "i",
                                             (gint32) SE_STATISTICS_BY_YEAR));
  assert_cell (page, 0, 9, "Total");
  assert_cell (page, 1, 9, "8");

  /* No main loop runs between the two: the first count's result cannot
   * have been taken yet when the second starts. */
  se_tool_page_refresh (SE_TOOL_PAGE (page));
  g_assert_true (se_statistics_page_get_counting (page));
  se_test_placement (store, SE_PLACEMENT_KIND_HOSPITATION, "Neue Hospitation", "2025-05-05",
                     "2025-05-09", SE_PLACEMENT_STATUS_APPROVED, 0, 0);
  se_tool_page_refresh (SE_TOOL_PAGE (page));
  g_assert_true (se_statistics_page_get_counting (page));

  assert_cell (page, 0, 10, "Total");
  assert_cell (page, 1, 10, "9");
  assert_cell (page, 2, 10, "43");
  se_test_wait_for_idle ();
  g_assert_false (se_statistics_page_get_counting (page));
  assert_cell (page, 1, 10, "9");
  assert_cell (page, 0, 8, "2025");
  assert_cell (page, 2, 8, "5");

  close_window (window);
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *prefix)
{
  if (GTK_IS_BUTTON (root))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (root));
      if (GTK_IS_LABEL (child) && g_str_has_prefix (label_text (child), prefix))
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button_with_label (c, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The cell of @iso in the month view showing @year-@month: the template's
 * grid, the weekdays' names above six weeks from the Monday on or before
 * the 1st */
static GtkWidget *
day_cell (SeCalendarPage *page,
          int             year,
          int             month,
          const char     *iso)
{
  GObject *grid = gtk_widget_get_template_child (GTK_WIDGET (page), SE_TYPE_CALENDAR_PAGE,
                                                 "month_grid");
  GDate first, day;
  int y, m, d, n;
  GtkWidget *cell;
  char number[4];

  g_assert_true (GTK_IS_GRID (grid));
  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  g_date_subtract_days (&first, g_date_get_weekday (&first) - G_DATE_MONDAY);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  n = g_date_days_between (&first, &day);
  g_assert_cmpint (n, >=, 0);
  g_assert_cmpint (n, <, 42);
  cell = gtk_grid_get_child_at (GTK_GRID (grid), n % 7, 1 + n / 7);
  g_assert_nonnull (cell);
  /* The cell shows the day's number first */
  g_snprintf (number, sizeof number, "%d", d);
  g_assert_cmpstr (label_text (gtk_widget_get_first_child (cell)), ==, number);
  return cell;
}

static void
test_calendar (void)
{
  SeWindow *window = open_window ();
  SeStore *store = se_window_get_store (window);
  SeCalendarPage *page = SE_CALENDAR_PAGE (se_window_get_tool_page (window, "calendar"));
  g_autofree char *ics = g_build_filename (dir, "partnership.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *partnerships = se_store_get_list (store, SE_TYPE_PARTNERSHIP);
  gint64 swap_partnership = 0;
  GtkWidget *cell, *button;
  GVariant *target;

  se_window_show_section (window, "calendar");
  se_test_wait_for_idle ();

  /* The job swap runs from Monday 28 February to Friday 4 March 2022 */
  se_calendar_page_set_month (page, 2022, 2);
  cell = day_cell (page, 2022, 2, "2022-02-28");
  button = find_button_with_label (cell, "Job Swop in der Karnevalswoche");
  g_assert_nonnull (button);
  g_assert_null (find_button_with_label (day_cell (page, 2022, 2, "2022-02-27"), "Job Swop"));
  se_calendar_page_set_month (page, 2022, 3);
  g_assert_nonnull (find_button_with_label (day_cell (page, 2022, 3, "2022-03-04"),
                                            "Job Swop in der Karnevalswoche"));
  g_assert_null (find_button_with_label (day_cell (page, 2022, 3, "2022-03-05"), "Job Swop"));
  {
    g_autoptr(GPtrArray) day = se_calendar_page_get_day_placements (page, "2022-03-02");
    g_assert_cmpuint (day->len, ==, 1);
  }

  /* Clicking it opens the placement: its action, with its id */
  button = find_button_with_label (day_cell (page, 2022, 3, "2022-03-02"), "Job Swop");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "calendar.open");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (page), "calendar.open", target));
  se_test_wait_for_idle ();
  {
    SeRecord *shown = se_record_page_get_record (se_window_get_record_page (window));
    g_autofree char *title = NULL;
    g_assert_nonnull (shown);
    g_assert_true (SE_IS_PLACEMENT (shown));
    title = se_describe_title (store, shown);
    g_assert_cmpstr (title, ==, "Job Swop in der Karnevalswoche");
    swap_partnership = se_record_get_reference (shown, "partnership-id");
  }

  /* The ics export of its partnership */
  if (swap_partnership == 0)
    for (guint i = 0; i < g_list_model_get_n_items (partnerships); i++)
      {
        g_autoptr(SeRecord) p = g_list_model_get_item (partnerships, i);
        if (strstr (se_record_get_string (p, "title"), "KDN") != NULL)
          swap_partnership = se_record_get_id (p);
      }
  g_assert_cmpint (swap_partnership, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.export", "x",
                                             swap_partnership));
  se_test_wait_for_idle ();
  /* GTK's own file chooser stands in for the portal's here */
  save_as (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG), ics);
  g_assert_true (g_file_get_contents (ics, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (text, "Job Swop in der Karnevalswoche"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20220228"));
  g_assert_null (strstr (text, "Hospitation im Jobcenter Landkreis Cham"));

  close_window (window);
}

/* The timeline shows a year: the placements that run in it, by start */
static void
test_calendar_timeline (void)
{
  SeWindow *window = open_window ();
  SeStore *store = se_window_get_store (window);
  SeCalendarPage *page = SE_CALENDAR_PAGE (se_window_get_tool_page (window, "calendar"));
  GListModel *all = se_store_get_list (store, SE_TYPE_PLACEMENT);

  se_window_show_section (window, "calendar");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.view", "s",
                                             "timeline"));
  se_test_wait_for_idle ();

  /* From January 2020 a year at a time, with the timeline's arrow */
  se_calendar_page_set_month (page, 2020, 1);
  for (int year = 2020; year <= 2027; year++)
    {
      g_autofree char *from = g_strdup_printf ("%d-01-01", year);
      g_autofree char *to = g_strdup_printf ("%d-12-31", year);
      GPtrArray *rows;
      guint expected = 0;

      if (year > 2020)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next-year", NULL));
      rows = se_calendar_page_get_timeline_rows (page);
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(SeRecord) p = g_list_model_get_item (all, i);
          if (g_strcmp0 (se_record_get_string (p, "start-date"), to) <= 0
              && g_strcmp0 (se_record_get_string (p, "end-date"), from) >= 0)
            expected++;
        }
      g_assert_cmpuint (rows->len, ==, expected);
      for (guint i = 0; i < rows->len; i++)
        {
          SeRecord *p = g_ptr_array_index (rows, i);
          g_assert_cmpstr (se_record_get_string (p, "start-date"), <=, to);
          g_assert_cmpstr (se_record_get_string (p, "end-date"), >=, from);
          if (i > 0)
            g_assert_cmpstr (se_record_get_string (g_ptr_array_index (rows, i - 1), "start-date"),
                             <=, se_record_get_string (p, "start-date"));
        }
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.view", "s", "month"));
  close_window (window);
}

/* Export of a partnership's placements: chosen in the searchable dialog,
 * then saved through the file chooser */
static void
test_calendar_choose_partnership (void)
{
  SeWindow *window = open_window ();
  SeStore *store = se_window_get_store (window);
  SeCalendarPage *page = SE_CALENDAR_PAGE (se_window_get_tool_page (window, "calendar"));
  g_autofree char *ics = g_build_filename (dir, "chosen.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(SeRecord) chosen = NULL;
  g_autofree char *title = NULL;
  SePartnershipChooser *chooser;
  GtkWidget *save;
  GListModel *model;

  se_window_show_section (window, "calendar");
  se_test_wait_for_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.choose-partnership",
                                             NULL));
  se_test_wait_for_idle ();
  chooser = SE_PARTNERSHIP_CHOOSER (find_toplevel (SE_TYPE_PARTNERSHIP_CHOOSER));
  g_assert_nonnull (chooser);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (
    se_test_find_type (GTK_WIDGET (chooser), GTK_TYPE_LIST_VIEW))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    se_store_count (store, SE_TYPE_PARTNERSHIP));

  {
    GtkWidget *search = se_test_find_type (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY);

    gtk_editable_set_text (GTK_EDITABLE (search), "KDN");
    g_signal_emit_by_name (search, "search-changed");
  }
  se_test_wait_for_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  chosen = g_list_model_get_item (model, 0);
  title = se_describe_title (store, chosen);
  g_assert_nonnull (strstr (title, "KDN"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.choose", NULL));
  se_test_wait_for_idle ();
  g_assert_null (find_toplevel (SE_TYPE_PARTNERSHIP_CHOOSER));

  /* GTK's own file chooser stands in for the portal's here */
  save = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (save);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (save));
    g_assert_true (g_str_has_suffix (name, ".ics"));
  }
  save_as (save, ics);
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Job Swop in der Karnevalswoche"));
  g_assert_null (strstr (text, "Hospitation im Jobcenter Landkreis Cham"));
  close_window (window);
}

/* "A selection" of placements: the ones the list shows after a search. */
static void
test_export_listed (void)
{
  SeWindow *window = open_window ();
  GtkWidget *entry;
  g_autofree char *ics = g_build_filename (dir, "listed.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  se_window_show_section (window, "placements");
  entry = se_test_find_named (GTK_WIDGET (window), "section-search");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "arbeitstreffen");
  g_signal_emit_by_name (entry, "search-changed");
  se_test_wait_for_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (se_window_get_visible_list (window)), ==, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-listed-ics",
                                             NULL));
  se_test_wait_for_idle ();
  se_test_choose_file (ics);
  se_test_wait_for_idle ();
  g_assert_true (g_file_get_contents (ics, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "4. Arbeitstreffen"));
  g_assert_nonnull (strstr (text, "1. Arbeitstreffen"));
  g_assert_null (strstr (text, "Job Swop"));
  g_assert_null (strstr (text, "Verwaltungsdelegation"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  close_window (window);
}

static void
test_narrow (void)
{
  SeWindow *window = open_window ();
  AdwLeaflet *leaflet = NULL;
  GtkWidget *page = se_window_get_tool_page (window, "statistics");

  for (GtkWidget *w = page; w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_LEAFLET (w))
      leaflet = ADW_LEAFLET (w);
  g_assert_nonnull (leaflet);
  /* Leaflet transitions in real time make the steps below race the
   * frame clock; see the report: AdwLeaflet 1.2 can warn about snapshotting
   * an unallocated pane while one animates. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_widget_set_size_request (GTK_WIDGET (window), 360, 640);
  for (int i = 0; i < 50 && !adw_leaflet_get_folded (leaflet); i++)
    {
      se_test_wait_for_idle ();
      g_usleep (10000);
    }
  g_assert_true (adw_leaflet_get_folded (leaflet));

  /* Sections → Statistics → back to the sections */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sections", NULL));
  se_test_wait_for_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "i", 7));
  se_test_wait_for_idle ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == gtk_widget_get_parent (page));
  g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_parent (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sections", NULL));
  se_test_wait_for_idle ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != gtk_widget_get_parent (page));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  dir = se_test_make_dir ();
  path = g_build_filename (dir, "pages.db", NULL);
  {
    g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, NULL);
    g_autoptr(GError) error = NULL;
    g_assert_nonnull (store);
    se_example_data_load (store, &error);
    g_assert_no_error (error);
  }

  g_test_add_func ("/ui/planning/checks", test_checks);
  g_test_add_func ("/ui/planning/statistics", test_statistics);
  g_test_add_func ("/ui/planning/calendar", test_calendar);
  g_test_add_func ("/ui/planning/calendar-timeline", test_calendar_timeline);
  g_test_add_func ("/ui/planning/calendar-choose-partnership", test_calendar_choose_partnership);
  g_test_add_func ("/ui/planning/export-listed", test_export_listed);
  g_test_add_func ("/ui/planning/narrow", test_narrow);
  g_test_add_func ("/ui/planning/checks-quota", test_checks_quota);
  /* Last: it adds a placement */
  g_test_add_func ("/ui/planning/statistics-newer", test_statistics_newer);

  status = g_test_run ();
  se_test_remove_dir (dir);
  return status;
}
