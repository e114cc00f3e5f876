/* test-store-paging.c: the lists' pages, keyset after keyset, are the plain ORDER BY
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists read their pages after the last row of the page before (the
 * sort key as a row value), not past as many rows. On a file and (as
 * test-store-paging-pg) on a PostgreSQL server: for each kind of the
 * window, without and with a search and a filter, pages of 1, 2, 7 and 50
 * rows laid end to end are the whole list read in one ORDER BY, on records
 * made to tie: placements on the same day, people of one family name in
 * either case and without a given name, agreements without an end and of
 * one title, partnerships without a title. A list model longer than its
 * first page reads the rest the same way, and follows changes.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include "se-agreement.h"
#include "se-csv.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-query-model.h"
#include "se-store-private.h"
#include "se-test-db.h"
#include "se-test-planning.h"
#include "se-test-util.h"
#include "se-unit.h"

typedef struct
{
  char    *dir;
  char    *location;
  SeStore *store;
} Fixture;

static void
fill (SeStore *store)
{
  const char *names[] = { "Stadt Köln", "stadt köln", "Bezirksamt Mitte", "bezirksamt mitte",
                          "Jobcenter Essen", "Stadt Köln" };
  const char *days[] = { "2026-03-02", "2026-03-02", "2026-03-02", "2025-11-20", "2027-01-15" };
  gint64      orgs[G_N_ELEMENTS (names)];
  gint64      partnerships[4];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    orgs[i] = se_test_organisation (store, names[i], i > 1 ? orgs[0] : 0);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(SeRecord) r = SE_RECORD (se_person_new ());

      se_record_set_string (r, "family-name", i % 3 == 0 ? "Müller" : i % 3 == 1 ? "müller"
                                                                                 : "Ahn");
      if (i % 4 != 0)
        se_record_set_string (r, "given-name", i % 2 ? "Anna" : "anna");
      se_record_set_reference (r, "organisation-id", orgs[i % 3]);
      se_test_save (store, r);
    }
  for (guint i = 0; i < G_N_ELEMENTS (partnerships); i++)
    {
      g_autoptr(SeRecord) r = SE_RECORD (se_partnership_new ());

      se_record_set_reference (r, "organisation-a-id", orgs[i % 2]);
      se_record_set_reference (r, "organisation-b-id", orgs[2 + i % 3]);
      if (i == 3)
        se_record_set_string (r, "title", "stadt köln");
      partnerships[i] = se_test_save (store, r);
    }
  for (guint i = 0; i < 10; i++)
    se_test_agreement (store, partnerships[i % 4], orgs[i % 2], orgs[2 + i % 3],
                       SE_AGREEMENT_KIND_COOPERATION,
                       i % 2 ? SE_AGREEMENT_STATUS_SIGNED : SE_AGREEMENT_STATUS_DRAFT,
                       i % 3 ? "2025-01-01" : NULL, i % 3 == 1 ? NULL : days[i % 5]);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf (i % 2 ? "Digitale Akte %u" : "Hospitation %u", i);

      se_test_placement (store, i % 3 ? SE_PLACEMENT_KIND_HOSPITATION : SE_PLACEMENT_KIND_JOB_SWAP,
                         title, days[i % 5], "2027-12-31",
                         i % 2 ? SE_PLACEMENT_STATUS_APPROVED : SE_PLACEMENT_STATUS_PROPOSED,
                         partnerships[i % 4], 0);
    }
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = se_test_make_dir ();
  f->location = se_test_db_new (f->dir, "paging.db");
  f->store = se_test_db_open (f->location, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fill (f->store);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_clear_object (&f->store);
  se_test_db_free (f->location);
  se_test_remove_dir (f->dir);
  g_free (f->dir);
}

static GArray *
read_all (SeStore           *store,
          const SeQuerySpec *spec)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  g_assert_true (_se_store_query_ids (store, spec, 0, 0, ids, &error));
  g_assert_no_error (error);
  return ids;
}

static void
assert_pages (SeStore           *store,
              const SeQuerySpec *spec,
              guint              at_least)
{
  const guint sizes[] = { 1, 2, 7, 50 };
  g_autoptr(GArray) all = read_all (store, spec);
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_cmpuint (all->len, >=, at_least);
  g_assert_true (_se_store_query_count (store, spec, &count, &error));
  g_assert_cmpuint (count, ==, all->len);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GArray) paged = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint pages = 0;

      for (;;)
        {
          guint  before = paged->len;
          gint64 after = before ? g_array_index (paged, gint64, before - 1) : 0;

          g_assert_true (_se_store_query_ids (store, spec, after, sizes[s], paged, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (paged->len - before, <=, sizes[s]);
          if (paged->len == before)
            break;
          g_assert_cmpuint (++pages, <=, all->len);
        }
      g_assert_cmpmem (paged->data, paged->len * sizeof (gint64), all->data,
                       all->len * sizeof (gint64));
    }
}

static void
test_kinds (Fixture      *f,
            gconstpointer data)
{
  const struct
  {
    GType       type;
    const char *search;
    const char *kind;
    const char *status;
    guint       at_least;
  } cases[] = {
    { SE_TYPE_PLACEMENT, NULL, NULL, NULL, 40 },
    { SE_TYPE_PLACEMENT, "digi", NULL, NULL, 20 },
    { SE_TYPE_PLACEMENT, "hosp", "job-swap", NULL, 5 },
    { SE_TYPE_PLACEMENT, NULL, NULL, "approved", 20 },
    { SE_TYPE_PERSON, NULL, NULL, NULL, 12 },
    { SE_TYPE_PERSON, "mül", NULL, NULL, 8 },
    { SE_TYPE_ORGANISATION, NULL, NULL, NULL, 6 },
    { SE_TYPE_ORGANISATION, "köln", NULL, NULL, 3 },
    { SE_TYPE_PARTNERSHIP, NULL, NULL, NULL, 4 },
    { SE_TYPE_AGREEMENT, NULL, NULL, NULL, 10 },
    { SE_TYPE_AGREEMENT, NULL, NULL, "signed", 5 },
    { SE_TYPE_UNIT, NULL, NULL, NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SeQuerySpec spec = { cases[i].type, cases[i].search, cases[i].kind, cases[i].status, 0, 0 };

      g_test_message ("%s, search “%s”, kind %s, status %s", g_type_name (cases[i].type),
                      cases[i].search ? cases[i].search : "", cases[i].kind ? cases[i].kind : "any",
                      cases[i].status ? cases[i].status : "any");
      assert_pages (f->store, &spec, cases[i].at_least);
    }
}

/* 600 working meetings more, on 84 days */
static void
add_meetings (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (se_store_begin (f->store, &error));
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *title = g_strdup_printf ("Arbeitstreffen %u", i);
      g_autofree char *day = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 7);

      se_test_placement (f->store, SE_PLACEMENT_KIND_WORKING_MEETING, title, day, "2027-12-31",
                         SE_PLACEMENT_STATUS_PROPOSED, 0, 0);
    }
  g_assert_true (se_store_commit (f->store, &error));
  g_assert_no_error (error);
}

/* More placements than the model's first page: it reads the rest after
 * the last row of that page, and shows the list of the plain ORDER BY. */
static void
test_model (Fixture      *f,
            gconstpointer data)
{
  g_autoptr(SeQueryModel) model = NULL;
  g_autoptr(GArray) all = NULL;
  SeQuerySpec spec = { SE_TYPE_PLACEMENT, NULL, NULL, NULL, 0, 0 };

  add_meetings (f);

  all = read_all (f->store, &spec);
  g_assert_cmpuint (all->len, ==, 640);
  model = se_query_model_new (f->store, SE_TYPE_PLACEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, all->len);
  /* The last row first: the ids after the first page are read at once */
  for (guint i = all->len; i-- > 0;)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (se_record_get_id (r), ==, g_array_index (all, gint64, i));
    }
}

/* The model follows changes on both backends: after a placement that
 * lands in the middle, one that moves and one that is deleted, its rows
 * are the plain ORDER BY's again, and its signals said so. */
static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *mirror)
{
  g_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (model, position + i);
      gint64 id = se_record_get_id (r);

      g_array_insert_val (mirror, position + i, id);
    }
}

static void
assert_model_is (SeQueryModel *model,
                 GArray       *mirror,
                 SeStore      *store)
{
  SeQuerySpec spec = { SE_TYPE_PLACEMENT, NULL, NULL, NULL, 0, 0 };
  g_autoptr(GArray) all = read_all (store, &spec);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, all->len);
  g_assert_cmpmem (mirror->data, mirror->len * sizeof (gint64), all->data,
                   all->len * sizeof (gint64));
}

static void
test_model_changes (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(SeQueryModel) model = se_query_model_new (f->store, SE_TYPE_PLACEMENT);
  g_autoptr(GArray) mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) gone = NULL;
  guint  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  gint64 moved;

  on_items_changed (G_LIST_MODEL (model), 0, 0, n, mirror);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), mirror);
  assert_model_is (model, mirror, f->store);

  se_test_placement (f->store, SE_PLACEMENT_KIND_VIRTUAL, "Digitale Sprechstunde", "2026-03-02",
                     "2026-03-03", SE_PLACEMENT_STATUS_PROPOSED, 0, 0);
  assert_model_is (model, mirror, f->store);

  moved = g_array_index (mirror, gint64, 3);
  se_test_update (f->store, SE_TYPE_PLACEMENT, moved, "start-date", "2020-01-01", 0);
  assert_model_is (model, mirror, f->store);
  g_assert_cmpint (g_array_index (mirror, gint64, mirror->len - 1), ==, moved);

  gone = g_list_model_get_item (G_LIST_MODEL (model), 5);
  g_assert_true (se_store_delete (f->store, gone, &error));
  g_assert_no_error (error);
  assert_model_is (model, mirror, f->store);
  g_assert_cmpuint (mirror->len, ==, n);
}

/* A list view's model: on a server it shows its first page before it
 * has counted, and adds the other rows in an idle callback, telling the
 * view; then it is the plain ORDER BY, as on a file, where it counts at
 * once. A search that changes it starts it over. */
static void
test_view_model (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(SeQueryModel) model = NULL;
  g_autoptr(GArray) mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean server = se_test_backend () == SE_TEST_PG;
  guint    n;

  add_meetings (f);

  model = se_query_model_new_for_view (f->store, SE_TYPE_PLACEMENT);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, server ? 64 : 640);
  on_items_changed (G_LIST_MODEL (model), 0, 0, n, mirror);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), mirror);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_model_is (model, mirror, f->store);

  se_query_model_set_search (model, "arbeitstreffen");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, server ? 64 : 600);
  se_query_model_read_all (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 600);
  g_assert_cmpuint (mirror->len, ==, 600);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (mirror->len, ==, 600);
}

static void
count_signals (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *n)
{
  (*n)++;
}

/* More rows than such a model reads on at once: on a server it adds them
 * in several idle callbacks, each telling the view, and ends as the plain
 * ORDER BY */
static void
test_view_model_chunks (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new ("kind,title,start-date,end-date\n");
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SeQueryModel) model = NULL;
  g_autoptr(GArray) mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_signals = 0;

  for (guint i = 0; i < 9000; i++)
    g_string_append_printf (csv, "working-meeting,Treffen %u,2025-%02u-%02u,2025-12-31\n", i,
                            1 + i % 12, 1 + i % 28);
  in = g_memory_input_stream_new_from_data (csv->str, (gssize) csv->len, NULL);
  g_assert_true (se_csv_import (f->store, SE_TYPE_PLACEMENT, in, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  model = se_query_model_new_for_view (f->store, SE_TYPE_PLACEMENT);
  on_items_changed (G_LIST_MODEL (model), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                    mirror);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), mirror);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_signals), &n_signals);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_model_is (model, mirror, f->store);
  g_assert_cmpuint (mirror->len, ==, 9040);
  if (se_test_backend () == SE_TEST_PG)
    g_assert_cmpuint (n_signals, >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  g_test_add ("/store/paging/kinds", Fixture, NULL, fixture_set_up, test_kinds, fixture_tear_down);
  g_test_add ("/store/paging/model", Fixture, NULL, fixture_set_up, test_model, fixture_tear_down);
  g_test_add ("/store/paging/view-model", Fixture, NULL, fixture_set_up, test_view_model,
              fixture_tear_down);
  g_test_add ("/store/paging/view-model-chunks", Fixture, NULL, fixture_set_up,
              test_view_model_chunks, fixture_tear_down);
  g_test_add ("/store/paging/model-changes", Fixture, NULL, fixture_set_up, test_model_changes,
              fixture_tear_down);
  return g_test_run ();
}
