/* test-window-live.c: two windows of the app on one server
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under tests/se-with-pg's throw-away server and Xvfb, two windows in one
 * process, each with its own store and connection, as two clerks have the
 * same database open: a save in one shows in the other's list and page;
 * an edit open in one is not replaced when the other saves, it gets the
 * "changed by" line instead; saving it then asks Keep Theirs, Compare or
 * Save Mine Anyway, and each does what it says; an edit of a record the
 * other deleted asks again, and can be saved as a new one.
 *
 * With SE_SCREENSHOT_DIR set, the line and the dialogs are also saved as
 * PNG files there, in the locale the test runs in (build-aux/screenshots).
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "se-example-data.h"
#include "se-placement.h"
#include "se-record-form.h"
#include "se-store-jobs.h"
#include "se-test-db.h"
#include "se-test-ui.h"
#include "se-window.h"

#define TITLE "Verwaltungsdelegation aus Leipzig in Dortmund"

static char *uri;
static char *conninfo;

static void
action (GtkWidget  *widget,
        const char *name)
{
  g_assert_true (gtk_widget_activate_action (widget, name, NULL));
  se_test_wait_for_idle ();
}

/* Runs the main loop until @done says so, for at most 5 s: what the other
 * window commits arrives through the server's notification */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer data)
{
  gint64 until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  se_test_wait_for_idle ();
}

static char *
stored_field (const char *field,
              const char *title)
{
  PGconn          *conn = PQconnectdb (conninfo);
  const char      *params[] = { title };
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (%s, '') FROM placement"
                                          " WHERE title = $1",
                                          field);
  PGresult        *res;
  char            *value = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexecParams (conn, sql, 1, NULL, params, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  if (PQntuples (res) == 1)
    value = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  PQfinish (conn);
  return value;
}

static SeWindow *
open_window (int width)
{
  SeWindow *window = se_window_new (NULL, uri);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  g_assert_true (se_store_is_server (se_window_get_store (window)));
  return window;
}

static SeRecord *
find_placement (SeWindow   *window,
                const char *title)
{
  SeStore    *store = se_window_get_store (window);
  GListModel *list = se_store_get_list (store, SE_TYPE_PLACEMENT);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (list, i);

      if (g_strcmp0 (se_record_get_string (r, "title"), title) == 0)
        return g_steal_pointer (&r);
    }
  return NULL;
}

static SeRecordPage *
show (SeWindow   *window,
      const char *title)
{
  g_autoptr(SeRecord) record = find_placement (window, title);

  g_assert_nonnull (record);
  se_window_show_record (window, record);
  se_test_wait_for_idle ();
  return se_window_get_record_page (window);
}

static GtkWidget *
editor (SeRecordPage *page,
        const char   *field)
{
  GtkWidget *widget = se_record_form_get_editor (SE_RECORD_FORM (se_record_page_get_form (page)),
                                                 field);

  g_assert_nonnull (widget);
  return widget;
}

/* Edits @field of the shown record and saves */
static void
edit_and_save (SeRecordPage *page,
               const char   *field,
               const char   *value)
{
  action (GTK_WIDGET (page), "page.edit");
  gtk_editable_set_text (GTK_EDITABLE (editor (page, field)), value);
  action (GTK_WIDGET (page), "page.save");
  g_assert_false (se_record_page_get_editing (page));
}

static GtkWidget *
changed_line (SeRecordPage *page)
{
  GtkWidget *revealer = se_test_find_named (GTK_WIDGET (page), "changed-line");

  g_assert_nonnull (revealer);
  return revealer;
}

static gboolean
line_shown (gpointer page)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (changed_line (page)));
}

static const char *
line_text (SeRecordPage *page)
{
  GtkWidget *label = se_test_find_type (gtk_revealer_get_child (GTK_REVEALER (changed_line (page))),
                                        GTK_TYPE_LABEL);

  return gtk_label_get_text (GTK_LABEL (label));
}

/* The message dialog open now, other than @previous (which may not have
 * gone yet) */
static AdwMessageDialog *
dialog_shown (AdwMessageDialog *previous)
{
  g_autoptr(GList) list = NULL;
  AdwMessageDialog *found = NULL;

  se_test_wait_for_idle ();
  list = gtk_window_list_toplevels ();
  for (GList *l = list; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && l->data != (gpointer) previous)
      {
        if (found != NULL)
          g_test_message ("also open: %s", adw_message_dialog_get_heading (found));
        g_assert_null (found);
        found = l->data;
      }
  g_assert_nonnull (found);
  g_test_message ("dialog: %s", adw_message_dialog_get_heading (found));
  return found;
}

/* Presses the dialog's button of @response, as a user does */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWidget *button;

  g_assert_true (adw_message_dialog_has_response (dialog, response));
  button = se_test_find_button (GTK_WIDGET (dialog),
                                adw_message_dialog_get_response_label (dialog, response));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  se_test_wait_for_idle ();
}

/* The mapped labels under @root that show @text */
static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    n++;
  else if (GTK_IS_INSCRIPTION (root) && gtk_widget_get_mapped (root)
           && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (root)), text) == 0)
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += count_labels (c, text);
  return n;
}

typedef struct
{
  SeWindow   *window;
  const char *field;
  const char *value;
} Expect;

/* The window's page shows the value, and (for a title) its list too */
static gboolean
shows (gpointer data)
{
  Expect       *e = data;
  SeRecordPage *page = se_window_get_record_page (e->window);
  SeRecord     *record = se_record_page_get_record (page);

  if (record == NULL || g_strcmp0 (se_record_get_string (record, e->field), e->value) != 0)
    return FALSE;
  if (g_str_equal (e->field, "title"))
    return count_labels (GTK_WIDGET (page), e->value) > 0
           && count_labels (GTK_WIDGET (e->window), e->value) > count_labels (GTK_WIDGET (page),
                                                                              e->value);
  return TRUE;
}

static gboolean
page_empty (gpointer page)
{
  return se_record_page_get_record (page) == NULL;
}

typedef struct
{
  SeWindow   *window;
  const char *title;
} Find;

static gboolean
listed (gpointer data)
{
  Find *f = data;
  g_autoptr(SeRecord) record = find_placement (f->window, f->title);

  return record != NULL;
}

static const char *
kind_label (void)
{
  return se_record_class_get_kind_label (g_type_class_peek (SE_TYPE_PLACEMENT));
}

/* A saves; B's list and B's page show it, without B doing anything */
static void
test_save_shows_elsewhere (void)
{
  const char   *renamed = TITLE " (Rathaus)";
  SeWindow     *a = open_window (1280);
  SeWindow     *b = open_window (1280);
  SeRecordPage *page_a = show (a, TITLE);
  SeRecordPage *page_b = show (b, TITLE);
  Expect        in_b = { b, "title", renamed };
  Expect        back = { a, "title", TITLE };
  gint64        start;

  g_assert_true (se_store_get_live (se_window_get_store (b)));
  g_assert_false (shows (&in_b));
  start = g_get_monotonic_time ();
  edit_and_save (page_a, "title", renamed);
  wait_until (shows, &in_b);
  g_test_message ("B shows A's save after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_false (se_record_page_get_editing (page_b));

  /* and back, from B to A */
  edit_and_save (page_b, "title", TITLE);
  wait_until (shows, &back);

  /* A's History says who changed it */
  se_window_show_section (a, "history");
  se_test_wait_for_idle ();
  {
    g_autofree char *by = g_strdup_printf (" by %s", g_getenv ("PGUSER"));
    if (g_getenv ("SE_SCREENSHOT_DIR") == NULL)
      g_assert_true (se_test_has_label (GTK_WIDGET (a), by, FALSE));
  }

  gtk_window_destroy (GTK_WINDOW (a));
  gtk_window_destroy (GTK_WINDOW (b));
  se_test_wait_for_idle ();
}

/* A edits; B saves the same placement. A's edit stays as typed, with a
 * line that says who changed it; A's save asks, Compare shows both values,
 * Save Mine Anyway (asked once more) stores A's. */
static void
test_conflict_save_mine (void)
{
  SeWindow         *a = open_window (1280);
  SeWindow         *b = open_window (1280);
  SeRecordPage     *page_a = show (a, TITLE);
  SeRecordPage     *page_b = show (b, TITLE);
  Expect            mine_in_b = { b, "location", "Lemgo (A)" };
  AdwMessageDialog *dialog;
  GtkWidget        *row;
  g_autofree char  *stored = NULL;

  action (GTK_WIDGET (page_a), "page.edit");
  gtk_editable_set_text (GTK_EDITABLE (editor (page_a, "location")), "Lemgo (A)");
  g_assert_false (line_shown (page_a));

  edit_and_save (page_b, "location", "Lünen (B)");
  wait_until (line_shown, page_a);
  g_test_message ("line: %s", line_text (page_a));
  g_assert_nonnull (strstr (line_text (page_a), g_getenv ("PGUSER")));
  g_assert_true (se_record_page_get_editing (page_a));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor (page_a, "location"))), ==,
                   "Lemgo (A)");
  g_assert_true (gtk_widget_get_visible (se_test_find_actionable (GTK_WIDGET (page_a),
                                                                  "page.compare")));
  se_test_save_png (GTK_WIDGET (a), "changed-line");

  action (GTK_WIDGET (page_a), "page.save");
  g_assert_true (se_record_page_get_editing (page_a));
  stored = stored_field ("location", TITLE);
  g_assert_cmpstr (stored, ==, "Lünen (B)");
  dialog = dialog_shown (NULL);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog),
                  adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), kind_label ()));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_getenv ("PGUSER")));
  g_assert_true (adw_message_dialog_has_response (dialog, "theirs"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "mine"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  se_test_save_png (GTK_WIDGET (dialog), "conflict-dialog");

  respond (dialog, "compare");
  dialog = dialog_shown (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "compare"));
  row = se_test_find_named (adw_message_dialog_get_extra_child (dialog), "location");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Lünen (B)"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Lemgo (A)"));
  /* only the field that differs */
  g_assert_null (se_test_find_named (adw_message_dialog_get_extra_child (dialog), "title"));
  se_test_save_png (GTK_WIDGET (dialog), "conflict-compare");

  respond (dialog, "mine");
  dialog = dialog_shown (dialog);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "overwrite"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  respond (dialog, "overwrite");
  g_assert_false (se_record_page_get_editing (page_a));
  g_clear_pointer (&stored, g_free);
  stored = stored_field ("location", TITLE);
  g_assert_cmpstr (stored, ==, "Lemgo (A)");
  wait_until (shows, &mine_in_b);

  gtk_window_destroy (GTK_WINDOW (a));
  gtk_window_destroy (GTK_WINDOW (b));
  se_test_wait_for_idle ();
}

/* Keep Theirs drops A's edit and shows B's; Reload puts B's in A's editor */
static void
test_conflict_keep_theirs (void)
{
  SeWindow         *a = open_window (1280);
  SeWindow         *b = open_window (1280);
  SeRecordPage     *page_a = show (a, TITLE);
  SeRecordPage     *page_b = show (b, TITLE);
  g_autofree char  *stored = NULL;
  AdwMessageDialog *dialog;

  action (GTK_WIDGET (page_a), "page.edit");
  gtk_editable_set_text (GTK_EDITABLE (editor (page_a, "location")), "Unna (A)");
  edit_and_save (page_b, "location", "Hamm (B)");
  /* saved before the line arrived: the server refuses it all the same */
  action (GTK_WIDGET (page_a), "page.save");
  dialog = dialog_shown (NULL);
  respond (dialog, "theirs");
  g_assert_false (se_record_page_get_editing (page_a));
  g_assert_cmpstr (se_record_get_string (se_record_page_get_record (page_a), "location"), ==,
                   "Hamm (B)");
  stored = stored_field ("location", TITLE);
  g_assert_cmpstr (stored, ==, "Hamm (B)");

  /* Reload */
  action (GTK_WIDGET (page_a), "page.edit");
  gtk_editable_set_text (GTK_EDITABLE (editor (page_a, "location")), "Werl (A)");
  edit_and_save (page_b, "location", "Soest (B)");
  wait_until (line_shown, page_a);
  action (GTK_WIDGET (page_a), "page.reload");
  g_assert_true (se_record_page_get_editing (page_a));
  g_assert_false (line_shown (page_a));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor (page_a, "location"))), ==,
                   "Soest (B)");
  /* the reloaded edit saves without a conflict */
  gtk_editable_set_text (GTK_EDITABLE (editor (page_a, "location")), "Soest (A)");
  action (GTK_WIDGET (page_a), "page.save");
  g_assert_false (se_record_page_get_editing (page_a));
  g_clear_pointer (&stored, g_free);
  stored = stored_field ("location", TITLE);
  g_assert_cmpstr (stored, ==, "Soest (A)");

  gtk_window_destroy (GTK_WINDOW (a));
  gtk_window_destroy (GTK_WINDOW (b));
  se_test_wait_for_idle ();
}

static GtkWidget *
presence_line (SeRecordPage *page)
{
  GtkWidget *revealer = se_test_find_named (GTK_WIDGET (page), "presence-line");

  g_assert_nonnull (revealer);
  return revealer;
}

static gboolean
presence_shown (gpointer page)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (presence_line (page)));
}

static gboolean
presence_hidden (gpointer page)
{
  return !presence_shown (page);
}

/* While A edits a placement, B's page of it says who is editing it */
static void
test_presence (void)
{
  SeWindow     *a = open_window (1280);
  SeWindow     *b = open_window (1280);
  SeRecordPage *page_a = show (a, TITLE);
  SeRecordPage *page_b = show (b, TITLE);
  GtkWidget    *label;

  g_assert_false (presence_shown (page_b));
  action (GTK_WIDGET (page_a), "page.edit");
  wait_until (presence_shown, page_b);
  label = se_test_find_type (gtk_revealer_get_child (GTK_REVEALER (presence_line (page_b))),
                             GTK_TYPE_LABEL);
  g_test_message ("presence: %s", gtk_label_get_text (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), g_getenv ("PGUSER")));
  /* A's own page names nobody */
  g_assert_false (presence_shown (page_a));
  se_test_save_png (GTK_WIDGET (b), "presence-line");

  action (GTK_WIDGET (page_a), "page.cancel");
  wait_until (presence_hidden, page_b);

  /* a window that closes while editing ends it too */
  action (GTK_WIDGET (page_a), "page.edit");
  wait_until (presence_shown, page_b);
  gtk_window_destroy (GTK_WINDOW (a));
  wait_until (presence_hidden, page_b);

  gtk_window_destroy (GTK_WINDOW (b));
  se_test_wait_for_idle ();
}

static void
bulk_failed (gpointer      user_data,
             guint         tag,
             const GError *error)
{
  g_assert_not_reached ();
}

/* A label under @root, shown or on its way (a revealer's), with @text */
static gboolean
holds_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (holds_text (c, text))
      return TRUE;
  return FALSE;
}

static gboolean
maintenance_shown (gpointer window)
{
  GtkWidget *banner = se_test_find_named (GTK_WIDGET (window), "maintenance-banner");

  g_assert_nonnull (banner);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (banner));
}

static gboolean
maintenance_hidden (gpointer window)
{
  return !maintenance_shown (window);
}

/* While an import holds the database (here a bulk insert left open in a
 * store of its own), an edit begun in A says who is importing, and A's
 * save is refused with the same words and keeps the input; once the
 * import is over, the save goes through */
static void
test_import_under_way (void)
{
  SeWindow     *a = open_window (1280);
  SeRecordPage *page_a = show (a, TITLE);
  g_autoptr(SeStore) importer = se_store_open_location (uri, SE_STORE_OPEN_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  GtkWidget       *label;

  g_assert_true (se_store_begin (importer, &error));
  g_assert_true (_se_store_bulk_begin (importer, SE_TYPE_PLACEMENT, bulk_failed, NULL, &error));
  g_assert_no_error (error);
  /* the window's banner, as the import begins */
  wait_until (maintenance_shown, a);
  g_assert_true (holds_text (se_test_find_named (GTK_WIDGET (a), "maintenance-banner"),
                             g_getenv ("PGUSER")));
  se_test_save_png (GTK_WIDGET (a), "import-banner");

  action (GTK_WIDGET (page_a), "page.edit");
  g_assert_true (presence_shown (page_a));
  label = se_test_find_type (gtk_revealer_get_child (GTK_REVEALER (presence_line (page_a))),
                             GTK_TYPE_LABEL);
  g_test_message ("line: %s", gtk_label_get_text (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), g_getenv ("PGUSER")));

  gtk_editable_set_text (GTK_EDITABLE (editor (page_a, "location")), "Hamm, Rathaus");
  action (GTK_WIDGET (page_a), "page.save");
  g_assert_true (se_record_page_get_editing (page_a));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor (page_a, "location"))), ==,
                   "Hamm, Rathaus");
  /* the form says why, naming who */
  g_assert_true (holds_text (se_record_page_get_form (page_a), g_getenv ("PGUSER")));

  se_store_rollback (importer);
  wait_until (maintenance_hidden, a);
  action (GTK_WIDGET (page_a), "page.save");
  g_assert_false (se_record_page_get_editing (page_a));
  stored = stored_field ("location", TITLE);
  g_assert_cmpstr (stored, ==, "Hamm, Rathaus");

  gtk_window_destroy (GTK_WINDOW (a));
  se_test_wait_for_idle ();
}

/* A new placement like TITLE's, saved in @window's store */
static SeRecord *
add_placement (SeWindow   *window,
               const char *title)
{
  g_autoptr(SeRecord) original = find_placement (window, TITLE);
  g_autoptr(GError) error = NULL;
  SeRecord *copy = se_record_copy (original);

  se_record_set_id (copy, 0);
  se_record_set_row_version (copy, 0);
  se_record_set_string (copy, "title", title);
  g_assert_true (se_store_save (se_window_get_store (window), copy, NULL, &error));
  g_assert_no_error (error);
  return copy;
}

/* A deletes what B has just changed, before B's change reached A: asked,
 * with who; Keep It keeps it (with B's change), Delete Anyway deletes */
static void
test_delete_changed (void)
{
  const char *title = "Delegation nach Unna";
  SeWindow   *a = open_window (1280);
  SeWindow   *b = open_window (1280);
  SeStore    *store_b = se_window_get_store (b);
  g_autoptr(SeRecord) copy = NULL;
  g_autoptr(GError) error = NULL;
  Find              in_a = { a, title };
  Expect            changed_in_a = { a, "location", "Unna, Rathaus" };
  AdwMessageDialog *dialog;
  g_autofree char  *stored = NULL;

  copy = add_placement (b, title);
  wait_until (listed, &in_a);
  show (a, title);

  /* B's save, and at once A's delete: no main loop turn between */
  se_record_set_string (copy, "location", "Unna, Rathaus");
  g_assert_true (se_store_save (store_b, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (a), "win.delete-record", NULL));
  dialog = dialog_shown (NULL);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog),
                  adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), kind_label ()));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_getenv ("PGUSER")));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  respond (dialog, "keep");
  stored = stored_field ("location", title);
  g_assert_cmpstr (stored, ==, "Unna, Rathaus");
  wait_until (shows, &changed_in_a);

  se_record_set_string (copy, "location", "Unna, Markt");
  g_assert_true (se_store_save (store_b, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (a), "win.delete-record", NULL));
  dialog = dialog_shown (NULL);
  respond (dialog, "delete");
  g_clear_pointer (&stored, g_free);
  stored = stored_field ("location", title);
  g_assert_null (stored);

  gtk_window_destroy (GTK_WINDOW (a));
  gtk_window_destroy (GTK_WINDOW (b));
  se_test_wait_for_idle ();
}

/* B deletes what A edits: A's line says so, A's save asks, Save as New
 * stores A's edit anew. A page that shows a record B deletes empties. */
static void
test_deleted_elsewhere (void)
{
  const char *title = "Hospitation in Hamm";
  SeWindow   *a = open_window (1280);
  SeWindow   *b = open_window (1280);
  SeStore    *store_b = se_window_get_store (b);
  g_autoptr(SeRecord) copy = NULL;
  g_autoptr(SeRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  Find              in_a = { a, title };
  SeRecordPage     *page_a;
  AdwMessageDialog *dialog;
  g_autofree char  *stored = NULL;

  copy = add_placement (b, title);
  wait_until (listed, &in_a);

  page_a = show (a, title);
  action (GTK_WIDGET (page_a), "page.edit");
  gtk_editable_set_text (GTK_EDITABLE (editor (page_a, "location")), "Hamm, Rathaus");
  g_assert_true (se_store_delete (store_b, copy, &error));
  g_assert_no_error (error);
  wait_until (line_shown, page_a);
  g_test_message ("line: %s", line_text (page_a));
  g_assert_false (gtk_widget_get_visible (se_test_find_actionable (GTK_WIDGET (page_a),
                                                                   "page.reload")));

  action (GTK_WIDGET (page_a), "page.save");
  dialog = dialog_shown (NULL);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog),
                  adw_message_dialog_get_body (dialog));
  g_assert_false (adw_message_dialog_has_response (dialog, "mine"));
  respond (dialog, "new");
  g_assert_false (se_record_page_get_editing (page_a));
  stored = stored_field ("location", title);
  g_assert_cmpstr (stored, ==, "Hamm, Rathaus");

  /* B deletes it again while A only shows it */
  again = find_placement (b, title);
  if (again == NULL)
    {
      Find in_b = { b, title };
      wait_until (listed, &in_b);
      again = find_placement (b, title);
    }
  g_assert_true (se_store_delete (store_b, again, &error));
  g_assert_no_error (error);
  wait_until (page_empty, page_a);
  g_clear_pointer (&stored, g_free);
  stored = stored_field ("location", title);
  g_assert_null (stored);

  gtk_window_destroy (GTK_WINDOW (a));
  gtk_window_destroy (GTK_WINDOW (b));
  se_test_wait_for_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_getenv ("SE_SCREENSHOT_DIR") == NULL)
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* the catalogue of the build tree, for the screenshots in German */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SE_LOCALEDIR") ? g_getenv ("SE_LOCALEDIR")
                                                             : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (g_getenv ("SE_SCREENSHOT_DIR") != NULL)
    {
      /* the app's style and GNOME's title bar, as se-screenshot has them */
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, "/io/github/staffexchange/StaffExchange/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
      /* gtk_test_init () has set its own */
      setlocale (LC_ALL, "");
    }
  adw_init ();

  se_test_pg_run ("DROP DATABASE IF EXISTS se_live WITH (FORCE)");
  se_test_pg_run ("CREATE DATABASE se_live");
  uri = g_strdup_printf ("postgresql://localhost:%s/se_live", g_getenv ("PGPORT"));
  conninfo = g_strdup ("dbname=se_live");
  store = se_store_open_location (uri, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (se_example_data_load (store, &error));
  g_clear_object (&store);

  g_test_add_func ("/window-live/save-shows-elsewhere", test_save_shows_elsewhere);
  g_test_add_func ("/window-live/conflict-save-mine", test_conflict_save_mine);
  g_test_add_func ("/window-live/conflict-keep-theirs", test_conflict_keep_theirs);
  g_test_add_func ("/window-live/deleted-elsewhere", test_deleted_elsewhere);
  g_test_add_func ("/window-live/presence", test_presence);
  g_test_add_func ("/window-live/import-under-way", test_import_under_way);
  g_test_add_func ("/window-live/delete-changed", test_delete_changed);
  status = g_test_run ();

  se_test_pg_run ("DROP DATABASE se_live WITH (FORCE)");
  g_free (uri);
  g_free (conninfo);
  return status;
}
