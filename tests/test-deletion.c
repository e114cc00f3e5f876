/* test-deletion.c: deleting with everything that goes along, and undoing it
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <string.h>

#include "se-agreement.h"
#include "se-deletion.h"
#include "se-enums.h"
#include "se-example-data.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-store.h"
#include "se-unit.h"
#include "se-test-db.h"
#include "se-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  SeStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = se_test_make_dir ();
  f->path = se_test_db_new (f->dir, "test.db");
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (se_example_data_load (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  se_test_db_free (f->path);
  g_free (f->dir);
}

/* Every record of every kind, as copies. */
static GPtrArray *
snapshot (SeStore *store)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      GListModel *list = se_store_get_list (store, types[t]);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
          g_ptr_array_add (all, se_record_copy (r));
        }
    }
  return all;
}

static void
assert_same (GPtrArray *a,
             GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      SeRecord *ra = g_ptr_array_index (a, i);
      SeRecord *rb = g_ptr_array_index (b, i);

      if (!se_record_equal (ra, rb))
        g_error ("%s %" G_GINT64_FORMAT " differs from %s %" G_GINT64_FORMAT " after undo",
                 G_OBJECT_TYPE_NAME (ra), se_record_get_id (ra), G_OBJECT_TYPE_NAME (rb),
                 se_record_get_id (rb));
    }
}

static SeRecord *
find_by (SeStore    *store,
         GType       type,
         const char *field,
         const char *value)
{
  GListModel *list = se_store_get_list (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
      if (g_strcmp0 (se_record_get_string (r, field), value) == 0)
        return g_steal_pointer (&r);
    }
  g_assert_not_reached ();
}

static void
test_parts_only (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SeRecord) swap = NULL;
  g_autoptr(GPtrArray) before = snapshot (f->store);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SeDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  guint participants = se_store_count (f->store, SE_TYPE_PARTICIPANT);
  guint placements = se_store_count (f->store, SE_TYPE_PLACEMENT);
  gint64 id;

  {
    GListModel *list = se_store_get_list (f->store, SE_TYPE_PLACEMENT);
    for (guint i = 0; i < g_list_model_get_n_items (list) && swap == NULL; i++)
      {
        g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
        if (se_record_get_int (r, "kind") == SE_PLACEMENT_KIND_JOB_SWAP)
          swap = g_steal_pointer (&r);
      }
  }
  g_assert_nonnull (swap);
  id = se_record_get_id (swap);

  deletion = se_deletion_new (f->store, swap);
  g_assert_false (se_deletion_affects_others (deletion));
  g_assert_cmpuint (se_deletion_get_affected (deletion)->len, >, 10);

  g_assert_true (se_deletion_execute (deletion, &error));
  g_assert_no_error (error);
  g_assert_null (se_store_lookup (f->store, SE_TYPE_PLACEMENT, id));
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_PLACEMENT), ==, placements - 1);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_PARTICIPANT), ==, participants - 2);

  g_assert_true (se_deletion_undo (deletion, &error));
  g_assert_no_error (error);
  after = snapshot (f->store);
  assert_same (before, after);
}

static void
test_affects_others_and_undo (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SeRecord) cham = find_by (f->store, SE_TYPE_ORGANISATION, "name",
                                      "Jobcenter Landkreis Cham");
  g_autoptr(GPtrArray) before = snapshot (f->store);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SeDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4", 8);
  g_autoptr(GBytes) restored = NULL;
  g_autoptr(SeRecord) agreement = NULL;

  /* Attach a document to the cooperation agreement that goes with Cham */
  {
    GListModel *list = se_store_get_list (f->store, SE_TYPE_AGREEMENT);
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
        if (se_record_get_int (r, "kind") == SE_AGREEMENT_KIND_COOPERATION)
          agreement = g_steal_pointer (&r);
      }
  }
  g_assert_nonnull (agreement);
  g_assert_true (se_store_attach_document (f->store, se_record_get_id (agreement), "v.pdf",
                                           pdf, &error));
  g_clear_pointer (&before, g_ptr_array_unref);
  before = snapshot (f->store);
  deletion = se_deletion_new (f->store, cham);
  described = se_deletion_describe_affected (deletion);

  g_assert_true (se_deletion_affects_others (deletion));
  g_test_message ("goes along: %s", described);
  g_assert_nonnull (strstr (described, "agreement"));
  g_assert_nonnull (strstr (described, "placements"));

  g_assert_true (se_deletion_execute (deletion, &error));
  g_assert_no_error (error);
  g_assert_null (se_store_lookup (f->store, SE_TYPE_ORGANISATION, se_record_get_id (cham)));
  g_assert_null (se_store_lookup (f->store, SE_TYPE_AGREEMENT, se_record_get_id (agreement)));

  g_assert_true (se_deletion_undo (deletion, &error));
  g_assert_no_error (error);
  after = snapshot (f->store);
  assert_same (before, after);

  restored = se_store_load_document (f->store, se_record_get_id (agreement), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (restored, pdf));

  /* and the undo is in the file */
  g_clear_object (&f->store);
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = snapshot (f->store);
  assert_same (before, after);
}

static void
test_weak_reference_restored (Fixture       *f,
                              gconstpointer  data)
{
  GListModel *units = se_store_get_list (f->store, SE_TYPE_UNIT);
  g_autoptr(SeRecord) unit = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) before = snapshot (f->store);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SeDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;

  /* a unit some person belongs to */
  for (guint i = 0; i < g_list_model_get_n_items (units) && unit == NULL; i++)
    {
      g_autoptr(SeRecord) u = g_list_model_get_item (units, i);
      g_autoptr(GPtrArray) p = se_store_find (f->store, SE_TYPE_PERSON, "unit-id",
                                              se_record_get_id (u));
      if (p->len > 0)
        unit = g_steal_pointer (&u);
    }
  g_assert_nonnull (unit);
  users = se_store_find (f->store, SE_TYPE_PERSON, "unit-id", se_record_get_id (unit));

  deletion = se_deletion_new (f->store, unit);
  g_assert_true (se_deletion_execute (deletion, &error));
  g_assert_cmpint (se_record_get_reference (g_ptr_array_index (users, 0), "unit-id"), ==, 0);

  g_assert_true (se_deletion_undo (deletion, &error));
  g_assert_no_error (error);
  after = snapshot (f->store);
  assert_same (before, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/deletion/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("parts-only", test_parts_only);
  ADD ("affects-others-and-undo", test_affects_others_and_undo);
  ADD ("weak-reference-restored", test_weak_reference_restored);

  return g_test_run ();
}
