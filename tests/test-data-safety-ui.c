/* test-data-safety-ui.c: CSV, personal data and History in the window
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window on the example data, driven through its actions, its
 * dialogs and its file choosers. It includes ui/pages/se-pages-private.h
 * to read a History row's entry.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <adwaita.h>

#include "se-audit-entry.h"
#include "se-backup.h"
#include "se-csv.h"
#include "se-example-data.h"
#include "se-history-page.h"
#include "se-pages-private.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-privacy.h"
#include "se-retention-dialog.h"
#include "se-window.h"
#include "se-test-ui.h"
#include "se-test-util.h"

static char *dir;
static guint n_dbs;

/* A fresh database for each test: they change it. */
static char *
new_database (gboolean example)
{
  char *path = g_strdup_printf ("%s/data-%u.db", dir, ++n_dbs);
  g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  if (example)
    {
      se_example_data_load (store, &error);
      g_assert_no_error (error);
    }
  return path;
}

static SeWindow *
open_window (const char *path)
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

static GtkWidget *
toast_widget (SeWindow *window)
{
  return se_test_find_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
}

/* The message dialog the window just opened, other than @except */
static AdwMessageDialog *
find_message_dialog (GtkWidget *except)
{
  g_autoptr(GList) list = gtk_window_list_toplevels ();

  for (GList *l = list; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && l->data != except
        && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  se_test_wait_for_idle ();
}

/* Imports @path into the section shown, as the menu's Import does:
 * returns the progress dialog, which the import has (it is presented once
 * the import takes a moment). */
static GtkWidget *
import_csv (SeWindow   *window,
            const char *path)
{
  g_autoptr(GList) list = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-csv", NULL));
  se_test_wait_for_idle ();
  se_test_choose_file (path);
  list = gtk_window_list_toplevels ();
  for (GList *l = list; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), "csv-import-progress") == 0)
      return l->data;
  return NULL;
}

/* Lets the main loop run until the import whose progress dialog is
 * @progress has ended and told its result: the dialog goes with the
 * callback that tells it. */
static void
wait_for_import (GtkWidget *progress)
{
  g_assert_nonnull (progress);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (progress));
  g_object_add_weak_pointer (G_OBJECT (progress), (gpointer *) &progress);
  while (progress != NULL)
    g_main_context_iteration (NULL, TRUE);
  se_test_wait_for_idle ();
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/* A person of the example data who took part in a placement */
static SeRecord *
participating_person (SeStore *store)
{
  GListModel *participants = se_store_get_list (store, SE_TYPE_PARTICIPANT);
  g_autoptr(SeRecord) participant = g_list_model_get_item (participants, 0);

  g_assert_nonnull (participant);
  return se_store_lookup (store, SE_TYPE_PERSON,
                          se_record_get_reference (participant, "person-id"));
}

static guint
n_participations (SeStore *store,
                  gint64   person_id)
{
  g_autoptr(GPtrArray) found = se_store_find (store, SE_TYPE_PARTICIPANT, "person-id", person_id);

  return found->len;
}

static void
test_csv_round_trip (void)
{
  g_autofree char *full = new_database (TRUE);
  g_autofree char *empty = new_database (FALSE);
  g_autofree char *csv = g_build_filename (dir, "organisations.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  SeWindow *window = open_window (full);
  SeStore *store = se_window_get_store (window);
  guint n = se_store_count (store, SE_TYPE_ORGANISATION);
  GtkWidget *dialog;

  g_assert_cmpuint (n, >, 0);
  se_window_show_section (window, "organisations");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL));
  se_test_wait_for_idle ();
  se_test_choose_file (csv);
  se_test_wait_for_idle ();
  g_assert_true (se_test_has_label (toast_widget (window), "Saved “organisations.csv”", TRUE));
  g_assert_true (g_file_get_contents (csv, &text, NULL, &error));
  g_assert_no_error (error);
  /* Translated headers, semicolons */
  g_assert_nonnull (strstr (text, "ID;Name;Short name;Kind"));
  close_window (window);

  window = open_window (empty);
  store = se_window_get_store (window);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_ORGANISATION), ==, 0);
  se_window_show_section (window, "organisations");
  dialog = import_csv (window, csv);
  wait_for_import (dialog);
  g_assert_null (find_message_dialog (NULL));
  g_assert_cmpuint (se_store_count (store, SE_TYPE_ORGANISATION), ==, n);
  se_test_wait_for_idle ();
  se_window_show_section (window, "organisations");
  g_assert_cmpuint (g_list_model_get_n_items (se_window_get_visible_list (window)), ==, n);
  close_window (window);
}

static void
test_csv_problems (void)
{
  g_autofree char *path = new_database (TRUE);
  g_autofree char *csv = g_build_filename (dir, "bad-people.csv", NULL);
  SeWindow *window = open_window (path);
  SeStore *store = se_window_get_store (window);
  guint n = se_store_count (store, SE_TYPE_PERSON);
  GtkWidget *dialog, *list;
  const char *text =
    "ID;Given name;Family name;Organisation;Unit;Function;Email;Phone;Languages;Notes\n"
    ";Anna;Muster;2;;;;;;\n"
    ";Bert;;2;;;;;;\n"
    ";Carla;Beispiel;9999;;;;;;\n";

  g_assert_true (g_file_set_contents (csv, text, -1, NULL));
  se_window_show_section (window, "people");
  wait_for_import (import_csv (window, csv));
  dialog = GTK_WIDGET (find_message_dialog (NULL));
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (dialog));
  /* Says that nothing was imported, and lists each bad line */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Nothing was imported"));
  list = se_test_find_named (dialog, "csv-problems");
  g_assert_nonnull (list);
  g_assert_cmpuint (count_children (list), ==, 2);
  g_assert_true (se_test_has_label (dialog, "Line 3: Family name: ", FALSE));
  g_assert_true (se_test_has_label (dialog, "Line 4: Organisation: ", FALSE));
  g_assert_false (se_test_has_label (dialog, "Line 2:", FALSE));
  /* Nothing changed, not even the good line */
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PERSON), ==, n);

  respond (ADW_MESSAGE_DIALOG (dialog), "close");
  close_window (window);
}

/* Lines of placements in the field names' columns, starting later than
 * any of the example data, so that they come first in the list. */
static void
append_placements (GString *text,
                   guint    first,
                   guint    n)
{
  for (guint i = first; i < first + n; i++)
    g_string_append_printf (text, "secondment,Imported placement %u,2031-03-%02u,2031-04-30,"
                                  "on-site,Kassel,proposed\n", i, 1 + i % 28);
}

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gint64     *net)
{
  *net += (gint64) added - (gint64) removed;
}

static void
test_csv_import_async (void)
{
  g_autofree char *path = new_database (TRUE);
  g_autofree char *csv = g_build_filename (dir, "placements.csv", NULL);
  g_autoptr(GString) text = g_string_new ("kind,title,start-date,end-date,format,location,"
                                          "status\n");
  SeWindow *window = open_window (path);
  SeStore *store = se_window_get_store (window);
  guint before = se_store_count (store, SE_TYPE_PLACEMENT);
  g_autofree char *count_text = g_strdup_printf ("%'u", before + 3000);
  g_autoptr(SeRecord) first = NULL;
  GListModel *list;
  GtkWidget *progress;
  gint64 net = 0;
  guint shown;

  append_placements (text, 0, 3000);
  g_assert_true (g_file_set_contents (csv, text->str, text->len, NULL));
  se_window_show_section (window, "placements");
  list = se_window_get_visible_list (window);
  shown = g_list_model_get_n_items (list);
  g_assert_cmpuint (shown, ==, before);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &net);

  progress = import_csv (window, csv);
  /* It returned before the import ended: the list learns of it only in
   * the main loop. */
  g_assert_nonnull (progress);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, shown);
  wait_for_import (progress);

  g_assert_null (find_message_dialog (NULL));
  g_assert_true (se_test_has_label (toast_widget (window), "3000 records imported", FALSE));
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PLACEMENT), ==, before + 3000);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, shown + 3000);
  /* Told exactly: what was added, nothing removed in net */
  g_assert_cmpint (net, ==, 3000);
  first = g_list_model_get_item (list, 0);
  g_assert_true (g_str_has_prefix (se_record_get_string (first, "title"), "Imported placement"));
  /* The section's count in the sidebar */
  g_assert_true (se_test_has_label (GTK_WIDGET (window), count_text, TRUE));
  g_signal_handlers_disconnect_by_data (list, &net);
  close_window (window);
}

/* Cancelled while the worker waits for the rest of the file: it reads
 * from a pipe, so that the test knows it is mid-way. */
static void
test_csv_import_cancel (void)
{
  g_autofree char *path = new_database (TRUE);
  /* Named as a CSV file, so that the chooser offers it */
  g_autofree char *fifo = g_build_filename (dir, "placements-fifo.csv", NULL);
  g_autoptr(GString) text = g_string_new ("kind,title,start-date,end-date,format,location,"
                                          "status\n");
  g_autofree char *before_sum = NULL, *after_sum = NULL;
  SeWindow *window = open_window (path);
  SeStore *store = se_window_get_store (window);
  guint before = se_store_count (store, SE_TYPE_PLACEMENT);
  g_autoptr(SeRecord) first_before = NULL;
  g_autoptr(SeRecord) first_after = NULL;
  GListModel *list;
  GtkWidget *progress;
  gint64 net = 0;
  guint shown;
  int fd, queued = 1;

  se_window_show_section (window, "placements");
  list = se_window_get_visible_list (window);
  shown = g_list_model_get_n_items (list);
  first_before = g_list_model_get_item (list, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &net);
  before_sum = se_test_file_checksum (path);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* Read and write: opening does not wait for the reader. */
  fd = open (fifo, O_RDWR);
  g_assert_cmpint (fd, >=, 0);
  append_placements (text, 0, 400);
  g_assert_cmpuint (text->len, <, 65536);
  g_assert_cmpint (write (fd, text->str, text->len), ==, (gssize) text->len);

  progress = import_csv (window, fifo);
  g_assert_nonnull (progress);
  /* Until the worker has read those lines and waits for more */
  while (queued > 0)
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (ioctl (fd, FIONREAD, &queued), ==, 0);
      if (queued > 0)
        g_usleep (1000);
    }

  /* The dialog comes once the import has taken a moment */
  while (!gtk_widget_get_mapped (progress))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (se_test_has_label (progress, "Importing Placements", TRUE));
  g_assert_nonnull (se_test_find_type (progress, GTK_TYPE_PROGRESS_BAR));

  /* Escape: the dialog stays until the worker has rolled back */
  gtk_widget_activate_action (progress, "window.close", NULL);
  se_test_wait_for_idle ();
  g_assert_true (gtk_widget_get_mapped (progress));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (progress)),
                            "Cancelling"));

  g_string_truncate (text, 0);
  append_placements (text, 400, 400);
  g_assert_cmpint (write (fd, text->str, text->len), ==, (gssize) text->len);
  close (fd);
  wait_for_import (progress);

  /* Said so, and nothing changed: not the file, the counts or the list */
  g_assert_null (find_message_dialog (NULL));
  g_assert_true (se_test_has_label (toast_widget (window), "Import cancelled", FALSE));
  g_assert_false (se_test_has_label (toast_widget (window), "imported", TRUE));
  after_sum = se_test_file_checksum (path);
  g_assert_cmpstr (after_sum, ==, before_sum);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PLACEMENT), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, shown);
  g_assert_cmpint (net, ==, 0);
  first_after = g_list_model_get_item (list, 0);
  g_assert_true (first_after == first_before);
  g_signal_handlers_disconnect_by_data (list, &net);
  close_window (window);
}

static void
test_anonymise (void)
{
  g_autofree char *path = new_database (TRUE);
  SeWindow *window = open_window (path);
  SeStore *store = se_window_get_store (window);
  g_autoptr(SeRecord) person = participating_person (store);
  g_autoptr(SeRecord) placement = g_list_model_get_item (se_store_get_list (store,
                                                                            SE_TYPE_PLACEMENT),
                                                         0);
  g_autoptr(SeRecord) after = NULL;
  g_autofree char *family = g_strdup (se_record_get_string (person, "family-name"));
  gint64 id = se_record_get_id (person);
  guint n = n_participations (store, id);
  AdwMessageDialog *dialog;
  SeRecord *shown;

  g_assert_cmpuint (n, >, 0);

  /* Offered for people only */
  se_window_show_record (window, placement);
  se_test_wait_for_idle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise-person", NULL);
  se_test_wait_for_idle ();
  g_assert_null (find_message_dialog (NULL));

  se_window_show_record (window, person);
  se_test_wait_for_idle ();
  g_assert_true (se_test_has_label (GTK_WIDGET (window), family, FALSE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise-person", NULL));
  se_test_wait_for_idle ();
  dialog = find_message_dialog (NULL);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "statistics"));

  /* Cancelled: nothing happens */
  respond (dialog, "cancel");
  after = se_store_lookup (store, SE_TYPE_PERSON, id);
  g_assert_cmpstr (se_record_get_string (after, "family-name"), ==, family);
  g_clear_object (&after);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise-person", NULL);
  se_test_wait_for_idle ();
  dialog = find_message_dialog (NULL);
  g_assert_nonnull (dialog);
  respond (dialog, "anonymise");

  after = se_store_lookup (store, SE_TYPE_PERSON, id);
  g_assert_nonnull (after);
  g_assert_true (se_privacy_is_anonymised (after));
  g_assert_cmpstr (se_record_get_string (after, "family-name"), !=, family);
  g_assert_cmpuint (n_participations (store, id), ==, n);
  /* The page shows the person as they are now */
  shown = se_record_page_get_record (se_window_get_record_page (window));
  g_assert_nonnull (shown);
  g_assert_cmpint (se_record_get_id (shown), ==, id);
  g_assert_false (se_test_has_label (GTK_WIDGET (window), family, TRUE));

  /* Anonymised once is enough */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.anonymise-person", NULL);
  se_test_wait_for_idle ();
  g_assert_null (find_message_dialog (NULL));

  close_window (window);
}

static void
test_erase_refused (void)
{
  g_autofree char *path = new_database (TRUE);
  SeWindow *window = open_window (path);
  SeStore *store = se_window_get_store (window);
  g_autoptr(SeRecord) person = participating_person (store);
  g_autoptr(SeRecord) still = NULL;
  gint64 id = se_record_get_id (person);
  AdwMessageDialog *confirm, *refused;

  se_window_show_record (window, person);
  se_test_wait_for_idle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.erase-person", NULL));
  se_test_wait_for_idle ();
  confirm = find_message_dialog (NULL);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "erase");
  se_test_wait_for_idle ();

  /* The core refuses: the person took part. Its message suggests
   * anonymising, and the dialog offers it. */
  refused = find_message_dialog (GTK_WIDGET (confirm));
  g_assert_nonnull (refused);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refused), "nonymis"));
  g_assert_true (adw_message_dialog_has_response (refused, "anonymise"));
  still = se_store_lookup (store, SE_TYPE_PERSON, id);
  g_assert_nonnull (still);
  g_assert_false (se_privacy_is_anonymised (still));

  gtk_window_destroy (GTK_WINDOW (confirm));
  respond (refused, "anonymise");
  /* The offer opens the anonymise confirmation */
  confirm = find_message_dialog (NULL);
  g_assert_nonnull (confirm);
  g_assert_true (adw_message_dialog_has_response (confirm, "anonymise"));
  respond (confirm, "cancel");

  close_window (window);
}

/* The list of the people due: the one list box shown in the group "Due
 * for Deletion" */
static GtkWidget *
due_list (GtkWidget *root)
{
  if (ADW_IS_PREFERENCES_GROUP (root)
      && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)),
                    "Due for Deletion") == 0)
    {
      for (GtkWidget *w = se_test_find_type (root, GTK_TYPE_LIST_BOX); w != NULL;
           w = gtk_widget_get_next_sibling (w))
        if (GTK_IS_LIST_BOX (w) && gtk_widget_get_visible (w))
          return w;
      return NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = due_list (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_retention (void)
{
  g_autofree char *path = new_database (TRUE);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SeWindow *window = open_window (path);
  SeStore *store = se_window_get_store (window);
  g_autoptr(GPtrArray) expected = NULL;
  SeRetentionDialog *dialog;
  GtkWidget *spin, *list;
  AdwMessageDialog *confirm;
  guint n_placements = se_store_count (store, SE_TYPE_PARTICIPANT);

  /* The window's menu item opens it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retention", NULL));
  se_test_wait_for_idle ();
  dialog = SE_RETENTION_DIALOG (se_test_find_toplevel (SE_TYPE_RETENTION_DIALOG));
  g_assert_nonnull (dialog);

  g_settings_set_int (settings, "retention-years", 1);
  se_retention_dialog_set_today (dialog, "2026-06-01");
  se_test_wait_for_idle ();
  expected = se_privacy_list_due (store, "2026-06-01", 1);
  g_assert_cmpuint (expected->len, >, 1);
  g_assert_cmpuint (se_retention_dialog_get_n_due (dialog), ==, expected->len);
  list = due_list (GTK_WIDGET (dialog));
  g_assert_cmpuint (count_children (list), ==, expected->len);
  g_assert_false (gtk_widget_get_visible (se_test_find_type (GTK_WIDGET (dialog),
                                                               ADW_TYPE_STATUS_PAGE)));

  /* The spin button is the GSettings key */
  spin = se_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 50);
  se_test_wait_for_idle ();
  g_assert_cmpint (g_settings_get_int (settings, "retention-years"), ==, 50);
  g_assert_cmpuint (se_retention_dialog_get_n_due (dialog), ==, 0);
  g_assert_true (gtk_widget_get_visible (se_test_find_type (GTK_WIDGET (dialog),
                                                              ADW_TYPE_STATUS_PAGE)));
  g_assert_false (gtk_widget_get_sensitive (se_test_find_actionable (GTK_WIDGET (dialog),
                                                                       "retention.anonymise-all")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
  se_test_wait_for_idle ();
  g_assert_cmpuint (se_retention_dialog_get_n_due (dialog), ==, expected->len);

  /* Anonymise all, confirmed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "retention.anonymise-all",
                                             NULL));
  se_test_wait_for_idle ();
  confirm = find_message_dialog (NULL);
  g_assert_nonnull (confirm);
  respond (confirm, "anonymise");
  for (guint i = 0; i < expected->len; i++)
    {
      SeRecord *p = g_ptr_array_index (expected, i);
      g_autoptr(SeRecord) now = se_store_lookup (store, SE_TYPE_PERSON, se_record_get_id (p));
      g_assert_true (se_privacy_is_anonymised (now));
    }
  g_assert_cmpuint (se_retention_dialog_get_n_due (dialog), ==, 0);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PARTICIPANT), ==, n_placements);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "retention-years");
  close_window (window);
}

static SeAuditEntry *
row_entry (GtkWidget *row)
{
  return se_history_row_get_entry (SE_HISTORY_ROW (row));
}

static void
test_history (void)
{
  g_autofree char *path = new_database (TRUE);
  SeWindow *window = open_window (path);
  SeStore *store = se_window_get_store (window);
  SeHistoryPage *page = SE_HISTORY_PAGE (se_window_get_tool_page (window, "history"));
  GtkWidget *sidebar_row = se_test_find_named (GTK_WIDGET (window), "history");
  GtkListBox *list;
  GtkWidget *first, *more;
  g_autoptr(SeRecord) org = g_list_model_get_item (se_store_get_list (store,
                                                                      SE_TYPE_ORGANISATION), 2);
  g_autoptr(SeRecord) copy = se_record_copy (org);
  g_autoptr(GError) error = NULL;
  guint total = se_store_count_audit_log (store);
  gint64 last_id = G_MAXINT64;
  SeRecord *shown;

  g_assert_nonnull (page);
  g_assert_cmpuint (total, >, 50);

  /* Chosen in the sidebar, after the Calendar */
  g_assert_nonnull (sidebar_row);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (sidebar_row)), ==,
                   gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (
                     se_test_find_named (GTK_WIDGET (window), "calendar"))) + 1);
  g_signal_emit_by_name (gtk_widget_get_parent (sidebar_row), "row-activated", sidebar_row);
  se_test_wait_for_idle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* A page at a time */
  g_assert_cmpuint (se_history_page_get_n_shown (page), ==, 50);
  more = se_test_find_actionable (GTK_WIDGET (page), "history.show-more");
  g_assert_true (gtk_widget_get_visible (more));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "history.show-more", NULL));
  se_test_wait_for_idle ();
  g_assert_cmpuint (se_history_page_get_n_shown (page), ==, MIN (total, 100));

  /* An edit comes first */
  se_record_set_string (copy, "notes", "Changed for the history test");
  g_assert_true (se_store_save (store, copy, NULL, &error));
  g_assert_no_error (error);
  se_test_wait_for_idle ();
  list = GTK_LIST_BOX (se_test_find_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX));
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (first);
  g_assert_true (se_audit_entry_get_record_type (row_entry (first)) == SE_TYPE_ORGANISATION);
  g_assert_cmpint (se_audit_entry_get_record_id (row_entry (first)), ==, se_record_get_id (org));
  g_assert_cmpint (se_audit_entry_get_action (row_entry (first)), ==, SE_AUDIT_ACTION_UPDATE);
  g_assert_true (se_test_has_label (first, se_record_get_string (org, "name"), FALSE));

  /* Newest first */
  for (GtkWidget *r = first; r != NULL; r = gtk_widget_get_next_sibling (r))
    {
      gint64 id = se_audit_entry_get_id (row_entry (r));
      g_assert_cmpint (id, <, last_id);
      last_id = id;
    }

  /* Following the entry opens the record */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (first)), ==,
                   "history.open-record");
  g_assert_true (gtk_widget_activate (first));
  se_test_wait_for_idle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  shown = se_record_page_get_record (se_window_get_record_page (window));
  g_assert_nonnull (shown);
  g_assert_true (SE_IS_ORGANISATION (shown));
  g_assert_cmpint (se_record_get_id (shown), ==, se_record_get_id (org));

  close_window (window);
}

/* The day's automatic backup: made in the background once the window has
 * drawn its first frame, not before, and while it stays open. */
static void
test_automatic_backup (void)
{
  g_autofree char *path = new_database (TRUE);
  SeWindow *window = se_window_new (NULL, path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end;

  se_test_wait_for_idle ();
  backups = se_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (TRUE)
    {
      backups = se_store_list_backups (path);
      if (backups->len > 0 || g_get_monotonic_time () > end)
        break;
      g_clear_pointer (&backups, g_ptr_array_unref);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (se_store_verify_backup (g_ptr_array_index (backups, 0), &error));
  g_assert_no_error (error);

  /* Not due again when the window closes */
  close_window (window);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = se_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 1);
}

/* Restore from Backup…: the window's action asks for a backup, restores
 * it and opens it in a new window in place of this one. */
static void
test_restore_backup (void)
{
  g_autofree char *path = new_database (TRUE);
  g_autofree char *backup = g_build_filename (dir, "restore-backup.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) org = g_object_new (SE_TYPE_ORGANISATION, NULL);
  SeWindow *window = open_window (path);
  SeStore *store = se_window_get_store (window);
  guint n = se_store_count (store, SE_TYPE_ORGANISATION);
  SeWindow *restored;

  g_assert_true (se_store_backup (store, backup, &error));
  g_assert_no_error (error);
  se_record_set_string (org, "name", "Added after the backup");
  g_assert_true (se_store_save (store, org, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_ORGANISATION), ==, n + 1);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL));
  se_test_wait_for_idle ();
  se_test_choose_file (backup);
  se_test_wait_for_idle ();

  g_assert_null (window);
  restored = SE_WINDOW (se_test_find_toplevel (SE_TYPE_WINDOW));
  g_assert_nonnull (restored);
  g_assert_cmpstr (se_window_get_path (restored), ==, path);
  g_assert_cmpuint (se_store_count (se_window_get_store (restored), SE_TYPE_ORGANISATION), ==, n);
  close_window (restored);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  dir = se_test_make_dir ();

  g_test_add_func ("/ui/data/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/ui/data/csv-problems", test_csv_problems);
  g_test_add_func ("/ui/data/csv-import-async", test_csv_import_async);
  g_test_add_func ("/ui/data/csv-import-cancel", test_csv_import_cancel);
  g_test_add_func ("/ui/data/anonymise", test_anonymise);
  g_test_add_func ("/ui/data/erase-refused", test_erase_refused);
  g_test_add_func ("/ui/data/retention", test_retention);
  g_test_add_func ("/ui/data/history", test_history);
  g_test_add_func ("/ui/data/automatic-backup", test_automatic_backup);
  g_test_add_func ("/ui/data/restore-backup", test_restore_backup);

  status = g_test_run ();
  se_test_remove_dir (dir);
  return status;
}
