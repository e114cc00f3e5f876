/* test-ui-workflow.c: the main window used as a person uses it
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything goes through the widgets and actions a user reaches with the
 * mouse or keyboard: the New button's action, the editors of the form, the
 * searchable pickers with "create new", Done, Delete and Undo, the search
 * entry. Nothing is written to the store behind the window's back.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <adwaita.h>

#include "se-agreement.h"
#include "se-describe.h"
#include "se-enums.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-record-dialog.h"
#include "se-record-form.h"
#include "se-window.h"
#include "se-test-ui.h"
#include "se-test-util.h"

static char *dir;
static char *path;

static SeRecordForm *
page_form (SeWindow *window)
{
  return SE_RECORD_FORM (se_record_page_get_form (se_window_get_record_page (window)));
}

static void
type_text (SeRecordForm *form,
           const char   *field,
           const char   *text)
{
  GtkWidget *row = se_record_form_get_editor (form, field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
choose (SeRecordForm *form,
        const char   *field,
        guint         index)
{
  GtkWidget *row = se_record_form_get_editor (form, field);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), index);
}

static guint
enum_index (GType type,
            int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value == value)
      return i;
  g_assert_not_reached ();
}

/* Opens the searchable list of a reference field, types @text and either
 * picks the first match or uses "Create “text”". */
static void
pick (SeRecordForm *form,
      const char   *field,
      const char   *text,
      gboolean      create)
{
  GtkWidget *row = se_record_form_get_editor (form, field);
  GtkWidget *button = se_test_find_type (row, GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  GtkWidget *box = gtk_popover_get_child (popover);
  GtkWidget *entry = se_test_find_type (box, GTK_TYPE_SEARCH_ENTRY);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  se_test_wait_for_idle ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  se_test_wait_for_idle ();

  if (create)
    {
      GtkWidget *create_button = gtk_widget_get_last_child (box);
      g_assert_true (GTK_IS_BUTTON (create_button));
      g_assert_true (gtk_widget_get_visible (create_button));
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (create_button)), ==,
                       "form.create-reference");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.create-reference", "s",
                                                 field));
    }
  else
    {
      GtkWidget *view = se_test_find_type (box, GTK_TYPE_LIST_VIEW);
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
      g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
      g_signal_emit_by_name (view, "activate", 0);
    }
  se_test_wait_for_idle ();
}

static void
action (GtkWidget  *widget,
        const char *name)
{
  g_assert_true (gtk_widget_activate_action (widget, name, NULL));
  se_test_wait_for_idle ();
}

static SeRecord *
find_record (SeStore    *store,
             GType       type,
             const char *title)
{
  GListModel *list = se_store_get_list (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
      g_autofree char *t = se_describe_title (store, r);
      if (g_strcmp0 (t, title) == 0)
        return g_steal_pointer (&r);
    }
  return NULL;
}

static SeWindow *
open_window (void)
{
  SeWindow *window = se_window_new (NULL, path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();
  return window;
}

static SeRecordPage *
new_record (SeWindow   *window,
            const char *section)
{
  SeRecordPage *page = se_window_get_record_page (window);

  se_window_show_section (window, section);
  action (GTK_WIDGET (window), "win.new");
  g_assert_true (se_record_page_get_editing (page));
  return page;
}

static void
done (SeWindow *window)
{
  SeRecordPage *page = se_window_get_record_page (window);

  action (GTK_WIDGET (page), "page.save");
  g_assert_false (se_record_page_get_editing (page));
}

static void
create_person (SeWindow   *window,
               const char *given,
               const char *family,
               const char *organisation)
{
  new_record (window, "people");
  type_text (page_form (window), "given-name", given);
  type_text (page_form (window), "family-name", family);
  pick (page_form (window), "organisation-id", organisation, FALSE);
  done (window);
}

static void
test_workflow (void)
{
  SeWindow *window = open_window ();
  SeStore *store = se_window_get_store (window);
  SeRecordPage *page = se_window_get_record_page (window);
  g_autoptr(SeRecord) partnership = NULL;
  g_autoptr(SeRecord) agreement = NULL;
  g_autoptr(SeRecord) swap = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  GtkWidget *pair_button;
  GtkWidget *dialog = NULL;

  g_assert_cmpstr (se_window_get_page (window), ==, "welcome");

  /* A partnership, creating both organisations in place */
  new_record (window, "partnerships");
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  type_text (page_form (window), "title", "Kooperation Bad Salzuflen – KDN");
  pick (page_form (window), "organisation-a-id", "Stadt Bad Salzuflen", TRUE);
  pick (page_form (window), "organisation-b-id", "KDN", TRUE);
  choose (page_form (window), "kind", enum_index (SE_TYPE_PARTNERSHIP_KIND,
                                                  SE_PARTNERSHIP_KIND_PROJECT));
  type_text (page_form (window), "since", "2022");
  done (window);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PARTNERSHIP), ==, 1);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_ORGANISATION), ==, 2);
  partnership = find_record (store, SE_TYPE_PARTNERSHIP, "Kooperation Bad Salzuflen – KDN");
  g_assert_nonnull (partnership);
  g_assert_cmpint (se_record_get_int (partnership, "kind"), ==, SE_PARTNERSHIP_KIND_PROJECT);
  g_assert_cmpstr (se_record_get_string (partnership, "since"), ==, "2022");

  /* An agreement under it, dates typed the German way */
  new_record (window, "agreements");
  type_text (page_form (window), "title", "Gegenseitige Verschwiegenheitserklärung");
  choose (page_form (window), "kind", enum_index (SE_TYPE_AGREEMENT_KIND,
                                                  SE_AGREEMENT_KIND_NON_DISCLOSURE));
  pick (page_form (window), "partnership-id", "Kooperation", FALSE);
  pick (page_form (window), "party-a-id", "Bad Salzuflen", FALSE);
  pick (page_form (window), "party-b-id", "KDN", FALSE);
  type_text (page_form (window), "valid-from", "22.02.2022");
  done (window);
  agreement = find_record (store, SE_TYPE_AGREEMENT, "Gegenseitige Verschwiegenheitserklärung");
  g_assert_nonnull (agreement);
  g_assert_cmpint (se_record_get_reference (agreement, "partnership-id"), ==,
                   se_record_get_id (partnership));
  g_assert_cmpstr (se_record_get_string (agreement, "valid-from"), ==, "2022-02-22");

  /* Two people, each of one side */
  create_person (window, "Lena", "Sargalski", "Bad Salzuflen");
  create_person (window, "Clarisse", "Schröder", "KDN");
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PERSON), ==, 2);

  /* The job swap, then its two crossing participants in one go */
  new_record (window, "placements");
  choose (page_form (window), "kind", enum_index (SE_TYPE_PLACEMENT_KIND,
                                                  SE_PLACEMENT_KIND_JOB_SWAP));
  type_text (page_form (window), "title", "Job Swop in der Karnevalswoche");
  type_text (page_form (window), "start-date", "28.02.2022");
  type_text (page_form (window), "end-date", "2022-03-04");
  pick (page_form (window), "agreement-id", "Gegenseitige", FALSE);
  done (window);
  swap = find_record (store, SE_TYPE_PLACEMENT, "Job Swop in der Karnevalswoche");
  g_assert_nonnull (swap);

  pair_button = se_test_find_actionable (GTK_WIDGET (page), "page.add-job-swap-pair");
  g_assert_nonnull (pair_button);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.add-job-swap-pair", NULL));
  se_test_wait_for_idle ();
  dialog = se_test_find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Add Job Swap Pair");
  {
    /* The two people's forms, one after the other */
    GtkWidget *first = se_test_find_type (dialog, SE_TYPE_RECORD_FORM);
    GtkWidget *second = se_test_find_type (gtk_widget_get_next_sibling (first),
                                           SE_TYPE_RECORD_FORM);

    pick (SE_RECORD_FORM (first), "person-id", "Lena", FALSE);
    pick (SE_RECORD_FORM (second), "person-id", "Clarisse", FALSE);
  }
  {
    GtkWidget *add = se_test_find_actionable (dialog, "swap.add-both");
    g_assert_nonnull (add);
    g_assert_true (gtk_widget_activate_action (dialog, "swap.add-both", NULL));
  }
  se_test_wait_for_idle ();

  participants = se_store_find (store, SE_TYPE_PARTICIPANT, "placement-id",
                                se_record_get_id (swap));
  g_assert_cmpuint (participants->len, ==, 2);
  {
    SeRecord *a = g_ptr_array_index (participants, 0);
    SeRecord *b = g_ptr_array_index (participants, 1);
    g_assert_cmpint (se_record_get_reference (a, "home-organisation-id"), ==,
                     se_record_get_reference (b, "host-organisation-id"));
    g_assert_cmpint (se_record_get_reference (b, "home-organisation-id"), ==,
                     se_record_get_reference (a, "host-organisation-id"));
    g_assert_cmpint (se_record_get_reference (a, "home-organisation-id"), !=,
                     se_record_get_reference (a, "host-organisation-id"));
  }

  /* A participant's row edits it in a dialog; the placement's other
   * records are links */
  {
    GtkWidget *row = se_test_find_actionable (GTK_WIDGET (page), "page.edit-part");
    GtkWidget *edit;

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_activate (row));
    se_test_wait_for_idle ();
    edit = se_test_find_toplevel (SE_TYPE_RECORD_DIALOG);
    g_assert_nonnull (edit);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (edit)), ==, "Participant");
    gtk_window_destroy (GTK_WINDOW (edit));
    se_test_wait_for_idle ();
  }
  {
    g_autoptr(SeRecord) lena = find_record (store, SE_TYPE_PERSON, "Lena Sargalski");
    GtkWidget *link;
    SeRecord *shown;

    /* Lena's page lists the job swap among her placements */
    g_assert_nonnull (lena);
    se_window_show_record (window, lena);
    se_test_wait_for_idle ();
    link = se_test_find_actionable (GTK_WIDGET (page), "page.open-record");
    g_assert_nonnull (link);
    g_assert_true (gtk_widget_activate (link));
    se_test_wait_for_idle ();
    shown = se_record_page_get_record (page);
    g_assert_true (SE_IS_PLACEMENT (shown));
    g_assert_cmpint (se_record_get_id (shown), ==, se_record_get_id (swap));
  }

  /* Edit */
  se_window_show_record (window, swap);
  action (GTK_WIDGET (page), "page.edit");
  type_text (page_form (window), "location", "Bad Salzuflen und Düsseldorf");
  done (window);
  g_assert_cmpstr (se_record_get_string (swap, "location"), ==, "Bad Salzuflen und Düsseldorf");

  /* Fail a validation: nothing stored, nothing typed lost; then fix it */
  action (GTK_WIDGET (page), "page.edit");
  type_text (page_form (window), "end-date", "27.02.2022");
  type_text (page_form (window), "location", "Lemgo");
  action (GTK_WIDGET (page), "page.save");
  g_assert_true (se_record_page_get_editing (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     se_record_form_get_editor (page_form (window), "end-date"))), ==,
                   "27.02.2022");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     se_record_form_get_editor (page_form (window), "location"))), ==, "Lemgo");
  g_assert_true (gtk_widget_has_css_class (se_record_form_get_editor (page_form (window),
                                                                      "end-date"), "error"));
  g_assert_cmpstr (se_record_get_string (swap, "end-date"), ==, "2022-03-04");
  g_assert_cmpstr (se_record_get_string (swap, "location"), ==, "Bad Salzuflen und Düsseldorf");
  type_text (page_form (window), "end-date", "04.03.2022");
  done (window);
  g_assert_cmpstr (se_record_get_string (swap, "location"), ==, "Lemgo");

  /* Delete and undo: the participants come back too */
  action (GTK_WIDGET (window), "win.delete-record");
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PLACEMENT), ==, 0);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PARTICIPANT), ==, 0);
  action (GTK_WIDGET (window), "win.undo");
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PLACEMENT), ==, 1);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PARTICIPANT), ==, 2);

  /* Search: by a participant's name, by a place, and nothing */
  se_window_show_section (window, "people");
  action (GTK_WIDGET (window), "win.search");
  {
    GtkWidget *entry = se_test_find_named (GTK_WIDGET (window), "section-search");
    GListModel *visible = se_window_get_visible_list (window);

    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "schröder");
    g_signal_emit_by_name (entry, "search-changed");
    se_test_wait_for_idle ();
    g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);

    se_window_show_section (window, "placements");
    visible = se_window_get_visible_list (window);
    gtk_editable_set_text (GTK_EDITABLE (entry), "lemgo");
    g_signal_emit_by_name (entry, "search-changed");
    se_test_wait_for_idle ();
    g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);

    gtk_editable_set_text (GTK_EDITABLE (entry), "detmold");
    g_signal_emit_by_name (entry, "search-changed");
    se_test_wait_for_idle ();
    g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 0);
  }

  /* Quit and start again on the same file */
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();

  window = open_window ();
  store = se_window_get_store (window);
  g_assert_cmpstr (se_window_get_page (window), ==, "browser");
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PARTNERSHIP), ==, 1);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_AGREEMENT), ==, 1);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PLACEMENT), ==, 1);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PARTICIPANT), ==, 2);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PERSON), ==, 2);
  {
    g_autoptr(SeRecord) again = find_record (store, SE_TYPE_PLACEMENT,
                                             "Job Swop in der Karnevalswoche");
    g_assert_nonnull (again);
    g_assert_cmpstr (se_record_get_string (again, "location"), ==, "Lemgo");
    se_window_show_record (window, again);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
}

static void
test_delete_referenced_asks (void)
{
  SeWindow *window = open_window ();
  SeStore *store = se_window_get_store (window);
  g_autoptr(SeRecord) org = find_record (store, SE_TYPE_ORGANISATION, "KDN");
  guint partnerships = se_store_count (store, SE_TYPE_PARTNERSHIP);
  GtkWidget *dialog = NULL;

  g_assert_nonnull (org);
  se_window_show_record (window, org);
  action (GTK_WIDGET (window), "win.delete-record");

  /* Others refer to it: a question, and nothing deleted yet */
  dialog = se_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PARTNERSHIP), ==, partnerships);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "partnership"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  se_test_wait_for_idle ();
  g_assert_cmpuint (se_store_count (store, SE_TYPE_PARTNERSHIP), ==, partnerships);
  g_assert_nonnull (se_store_lookup (store, SE_TYPE_ORGANISATION, se_record_get_id (org)));

  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
}

static void
test_narrow_folds (void)
{
  SeWindow *window = open_window ();
  AdwLeaflet *leaflet = ADW_LEAFLET (se_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  g_autoptr(SeRecord) org = find_record (se_window_get_store (window), SE_TYPE_ORGANISATION,
                                         "KDN");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_widget_set_size_request (GTK_WIDGET (window), 360, 640);
  for (int i = 0; i < 50 && !adw_leaflet_get_folded (leaflet); i++)
    {
      se_test_wait_for_idle ();
      g_usleep (10000);
    }
  g_assert_true (adw_leaflet_get_folded (leaflet));

  se_window_show_record (window, org);
  g_assert_true (gtk_widget_get_visible (
                   se_record_page_get_back_button (se_window_get_record_page (window))));
  action (GTK_WIDGET (window), "win.show-list");
  action (GTK_WIDGET (window), "win.show-sections");

  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
}

/* The picker's Clear button names form.clear-reference with its field;
 * the action empties the choice, and only in the copy being edited. */
static void
test_clear_reference (void)
{
  g_autofree char *db = g_build_filename (dir, "clear.db", NULL);
  g_autoptr(SeStore) store = se_store_open (db, SE_STORE_OPEN_FLAGS_NONE, NULL);
  g_autoptr(SeRecord) org = g_object_new (SE_TYPE_ORGANISATION, "name", "Kreis Lippe", NULL);
  g_autoptr(SeRecord) person = g_object_new (SE_TYPE_PERSON, "family-name", "Brandt", NULL);
  g_autoptr(SeRecord) copy = NULL;
  SeRecordForm *form;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *clear;

  g_assert_nonnull (store);
  g_assert_true (se_store_save (store, org, NULL, NULL));
  se_record_set_reference (person, "organisation-id", se_record_get_id (org));
  g_assert_true (se_store_save (store, person, NULL, NULL));

  form = se_record_form_new (store, person, TRUE);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (form));
  gtk_window_present (GTK_WINDOW (window));
  se_test_wait_for_idle ();

  clear = se_test_find_actionable (se_record_form_get_editor (form, "organisation-id"),
                                   "form.clear-reference");
  g_assert_nonnull (clear);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (
                                           GTK_ACTIONABLE (clear)), NULL), ==, "organisation-id");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.clear-reference", "s",
                                             "organisation-id"));

  copy = se_record_form_collect (form, NULL, NULL);
  g_assert_nonnull (copy);
  g_assert_cmpint (se_record_get_reference (copy, "organisation-id"), ==, 0);
  g_assert_cmpint (se_record_get_reference (person, "organisation-id"), ==,
                   se_record_get_id (org));

  gtk_window_destroy (GTK_WINDOW (window));
  se_test_wait_for_idle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  dir = se_test_make_dir ();
  path = g_build_filename (dir, "workflow.db", NULL);

  g_test_add_func ("/ui/workflow", test_workflow);
  g_test_add_func ("/ui/delete-referenced-asks", test_delete_referenced_asks);
  g_test_add_func ("/ui/narrow-folds", test_narrow_folds);
  g_test_add_func ("/ui/form/clear-reference", test_clear_reference);

  status = g_test_run ();
  se_test_remove_dir (dir);
  return status;
}
