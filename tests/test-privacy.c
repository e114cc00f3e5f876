/* test-privacy.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "se-agreement.h"
#include "se-audit-entry.h"
#include "se-enums.h"
#include "se-example-data.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-privacy.h"
#include "se-signatory.h"
#include "se-store.h"
#include "se-test-db.h"
#include "se-test-util.h"

/* The duties towards the people in the records: export of everything
 * about one person, anonymising that keeps the statistics, erasing that
 * refuses where it would break placements, the retention list, the audit
 * trail without content, and secure_delete. */

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
  if (data != NULL)
    {
      se_example_data_load (f->store, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  g_free (f->dir);
  se_test_db_free (f->path);
}

/* The example person with the most placements. */
static SeRecord *
busiest_person (Fixture *f,
                guint   *n_placements)
{
  GListModel *people = se_store_get_list (f->store, SE_TYPE_PERSON);
  SeRecord *best = NULL;

  *n_placements = 0;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (people, i);
      g_autoptr(GPtrArray) parts = se_store_find (f->store, SE_TYPE_PARTICIPANT, "person-id",
                                                  se_record_get_id (p));
      if (parts->len > *n_placements)
        {
          *n_placements = parts->len;
          g_set_object (&best, p);
        }
    }
  g_assert_nonnull (best);
  g_assert_cmpuint (*n_placements, >, 0);
  return best;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  guint n_placements;
  g_autoptr(SeRecord) person = busiest_person (f, &n_placements);
  g_autofree char *out = g_build_filename (f->dir, "person.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  JsonObject *root, *p;
  JsonArray *participations;
  GStatBuf st;

  se_privacy_export_person (f->store, se_record_get_id (person), out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==,
                   "staff-exchange-person-export");

  p = json_object_get_object_member (root, "person");
  g_assert_cmpint (json_object_get_int_member (p, "id"), ==, se_record_get_id (person));
  g_assert_cmpstr (json_object_get_string_member (p, "family-name"), ==,
                   se_record_get_string (person, "family-name"));

  participations = json_object_get_array_member (root, "participations");
  g_assert_cmpuint (json_array_get_length (participations), ==, n_placements);
  parts = se_store_find (f->store, SE_TYPE_PARTICIPANT, "person-id", se_record_get_id (person));
  for (guint i = 0; i < parts->len; i++)
    {
      JsonObject *entry = json_array_get_object_element (participations, i);
      JsonObject *placement = json_object_get_object_member (entry, "placement");
      g_autoptr(SeRecord) stored =
        se_store_lookup (f->store, SE_TYPE_PLACEMENT,
                         se_record_get_reference (g_ptr_array_index (parts, i), "placement-id"));

      g_assert_cmpstr (json_object_get_string_member (placement, "title"), ==,
                       se_record_get_string (stored, "title"));
      g_assert_cmpstr (json_object_get_string_member (placement, "start-date"), ==,
                       se_record_get_string (stored, "start-date"));
    }
  g_assert_true (json_object_has_member (root, "signatures"));
  g_assert_true (json_object_has_member (root, "approvals"));
  g_assert_true (json_object_has_member (root, "partnership-contacts"));

  g_assert_null (se_privacy_dup_person_json (f->store, 999999, &error));
  g_assert_error (error, SE_PRIVACY_ERROR, SE_PRIVACY_ERROR_NOT_FOUND);
}

static void
count_participants (Fixture    *f,
                    GHashTable *per_placement)
{
  GListModel *list = se_store_get_list (f->store, SE_TYPE_PARTICIPANT);

  g_hash_table_remove_all (per_placement);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (list, i);
      gpointer key = GSIZE_TO_POINTER (se_record_get_reference (p, "placement-id"));

      g_hash_table_insert (per_placement, key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_placement,
                                                                                    key)) + 1));
    }
}

static void
test_anonymise (Fixture       *f,
                gconstpointer  data)
{
  guint n_placements;
  g_autoptr(SeRecord) person = busiest_person (f, &n_placements);
  g_autoptr(GHashTable) before = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) after = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gint64 id = se_record_get_id (person);
  gint64 organisation = se_record_get_reference (person, "organisation-id");
  guint n_people = se_store_count (f->store, SE_TYPE_PERSON);
  GHashTableIter iter;
  gpointer key, value;

  count_participants (f, before);
  g_assert_false (se_privacy_is_anonymised (person));

  se_privacy_anonymise_person (f->store, id, &error);
  g_assert_no_error (error);

  /* The listed record itself shows the change. */
  expected = g_strdup_printf ("Anonymised person %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (se_record_get_string (person, "family-name"), ==, expected);
  g_assert_null (se_record_get_string (person, "given-name"));
  g_assert_null (se_record_get_string (person, "email"));
  g_assert_null (se_record_get_string (person, "phone"));
  g_assert_cmpint (se_record_get_reference (person, "organisation-id"), ==, organisation);
  g_assert_true (se_privacy_is_anonymised (person));

  /* The statistics stay right: as many people and participants as before. */
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_PERSON), ==, n_people);
  parts = se_store_find (f->store, SE_TYPE_PARTICIPANT, "person-id", id);
  g_assert_cmpuint (parts->len, ==, n_placements);
  count_participants (f, after);
  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpuint (GPOINTER_TO_UINT (value), ==,
                      GPOINTER_TO_UINT (g_hash_table_lookup (after, key)));
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  guint n_placements;
  g_autoptr(SeRecord) busy = busiest_person (f, &n_placements);
  g_autoptr(SeRecord) lonely = SE_RECORD (se_person_new ());
  g_autoptr(SeRecord) still = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lonely_id;

  g_assert_false (se_privacy_erase_person (f->store, se_record_get_id (busy), &error));
  g_assert_error (error, SE_PRIVACY_ERROR, SE_PRIVACY_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Anonymise"));
  g_clear_error (&error);
  still = se_store_lookup (f->store, SE_TYPE_PERSON, se_record_get_id (busy));
  g_assert_nonnull (still);

  se_record_set_string (lonely, "family-name", "Einzelgänger");
  se_store_save (f->store, lonely, NULL, &error);
  g_assert_no_error (error);
  lonely_id = se_record_get_id (lonely);
  se_privacy_erase_person (f->store, lonely_id, &error);
  g_assert_no_error (error);
  g_assert_null (se_store_lookup (f->store, SE_TYPE_PERSON, lonely_id));
}

static SeRecord *
save_new (Fixture    *f,
          GType       type,
          const char *first_property,
          ...)
{
  SeRecord *record;
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_property);
  record = SE_RECORD (g_object_new_valist (type, first_property, args));
  va_end (args);

  se_store_save (f->store, record, NULL, &error);
  g_assert_no_error (error);
  return record;
}

static SeRecord *
person_with_placement (Fixture    *f,
                       SeRecord   *org_a,
                       SeRecord   *org_b,
                       const char *name,
                       const char *end)
{
  SeRecord *person = save_new (f, SE_TYPE_PERSON, "family-name", name,
                               "organisation-id", se_record_get_id (org_a), NULL);
  g_autoptr(SeRecord) placement = save_new (f, SE_TYPE_PLACEMENT, "title", name,
                                            "start-date", "2019-01-07", "end-date", end, NULL);
  g_autoptr(SeRecord) participant =
    save_new (f, SE_TYPE_PARTICIPANT, "placement-id", se_record_get_id (placement),
              "person-id", se_record_get_id (person),
              "home-organisation-id", se_record_get_id (org_a),
              "host-organisation-id", se_record_get_id (org_b), NULL);
  return person;
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SeRecord) a = save_new (f, SE_TYPE_ORGANISATION, "name", "Stadt A", NULL);
  g_autoptr(SeRecord) b = save_new (f, SE_TYPE_ORGANISATION, "name", "Stadt B", NULL);
  /* Ended one day before the cut-off of 5 years before 2025-06-16: due. */
  g_autoptr(SeRecord) due = person_with_placement (f, a, b, "Fällig", "2020-06-15");
  /* Ended on the day of the cut-off: not yet. */
  g_autoptr(SeRecord) near = person_with_placement (f, a, b, "Knapp", "2020-06-16");
  /* Long ago, but signed an agreement still in force. */
  g_autoptr(SeRecord) signer = person_with_placement (f, a, b, "Unterzeichner", "2019-03-01");
  g_autoptr(SeRecord) agreement = save_new (f, SE_TYPE_AGREEMENT, "title", "Vereinbarung",
                                            "party-a-id", se_record_get_id (a),
                                            "party-b-id", se_record_get_id (b),
                                            "status", SE_AGREEMENT_STATUS_SIGNED,
                                            "valid-until", "2030-12-31", NULL);
  g_autoptr(SeRecord) signature = save_new (f, SE_TYPE_SIGNATORY,
                                            "agreement-id", se_record_get_id (agreement),
                                            "person-id", se_record_get_id (signer), NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  guint n = 0;

  list = se_privacy_list_due (f->store, "2025-06-16", 5);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (g_ptr_array_index (list, 0) == due);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* One day later the near miss is due too. */
  list = se_privacy_list_due (f->store, "2025-06-17", 5);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  last = se_privacy_dup_last_end (f->store, se_record_get_id (due));
  g_assert_cmpstr (last, ==, "2020-06-15");

  se_privacy_delete_due (f->store, "2025-06-16", 5, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (se_privacy_is_anonymised (due));
  g_assert_false (se_privacy_is_anonymised (near));
  g_assert_false (se_privacy_is_anonymised (signer));

  /* Anonymised people are not listed again. */
  list = se_privacy_list_due (f->store, "2025-06-16", 5);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_audit_log (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SeRecord) person = save_new (f, SE_TYPE_PERSON, "given-name", "Hiltrud",
                                         "family-name", "Quastenflosser", NULL);
  g_autoptr(GListModel) log = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = se_record_get_id (person);
  SeAuditAction expected[] = { SE_AUDIT_ACTION_DELETE, SE_AUDIT_ACTION_UPDATE,
                               SE_AUDIT_ACTION_INSERT };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  se_record_set_string (person, "email", "h.quastenflosser@example.org");
  se_store_save (f->store, person, NULL, &error);
  g_assert_no_error (error);
  se_store_delete (f->store, person, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (se_store_count_audit_log (f->store), ==, 3);
  log = se_store_get_audit_log (f->store, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SeAuditEntry) e = g_list_model_get_item (log, i);
      g_autofree char *summary = se_audit_entry_dup_summary (e);
      GTimeSpan age = g_date_time_difference (now, se_audit_entry_get_at (e));

      g_assert_true (se_audit_entry_get_record_type (e) == SE_TYPE_PERSON);
      g_assert_cmpint (se_audit_entry_get_record_id (e), ==, id);
      g_assert_cmpint (se_audit_entry_get_action (e), ==, expected[i]);
      g_assert_cmpint (ABS (age), <, 60 * G_TIME_SPAN_SECOND);
      g_assert_null (strstr (summary, "Quastenflosser"));
      g_assert_null (strstr (summary, "Hiltrud"));
    }
  g_clear_object (&log);

  /* Paging: the second page holds the oldest entry. */
  log = se_store_get_audit_log (f->store, 2, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  for (gsize i = 0; i + strlen (needle) <= len; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

/* secure_delete and merged search indexes: the old name is overwritten,
 * not left in free space nor as search words. */
static void
test_secure_delete (Fixture       *f,
                    gconstpointer  data)
{
  const char *name = "Zwetschgenbaum-Quirinius";
  g_autoptr(SeRecord) a = save_new (f, SE_TYPE_ORGANISATION, "name", "Stadt A", NULL);
  g_autoptr(SeRecord) b = save_new (f, SE_TYPE_ORGANISATION, "name", "Stadt B", NULL);
  g_autoptr(SeRecord) person = person_with_placement (f, a, b, name, "2020-06-15");
  g_autoptr(SeRecord) placement = NULL;
  g_autoptr(SeRecord) erased = NULL;
  g_autoptr(GError) error = NULL;
  const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  /* The placement was titled after the person, too: retitle it. */
  {
    g_autoptr(GPtrArray) parts = se_store_find (f->store, SE_TYPE_PARTICIPANT, "person-id",
                                                se_record_get_id (person));
    g_autoptr(SeRecord) stored =
      se_store_lookup (f->store, SE_TYPE_PLACEMENT,
                       se_record_get_reference (g_ptr_array_index (parts, 0), "placement-id"));

    placement = se_record_copy (stored);
    se_record_set_string (placement, "title", "Hospitation");
    se_store_save (f->store, placement, NULL, &error);
    g_assert_no_error (error);
  }

  g_clear_object (&f->store);
  g_assert_true (file_contains (f->path, name));

  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  erased = save_new (f, SE_TYPE_PERSON, "given-name", "Ottilie", "family-name", "Quappenschwanz",
                     NULL);
  g_clear_object (&f->store);
  g_assert_true (file_contains (f->path, "quappenschwanz"));

  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  se_privacy_anonymise_person (f->store, se_record_get_id (person), &error);
  g_assert_no_error (error);
  se_privacy_erase_person (f->store, se_record_get_id (erased), &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->path, suffixes[i], NULL);
      g_assert_false (file_contains (path, name));
      /* Nor as the words of the search indexes (folded to lower case). */
      g_assert_false (file_contains (path, "zwetschgenbaum"));
      g_assert_false (file_contains (path, "quirinius"));
      g_assert_false (file_contains (path, "Quappenschwanz"));
      g_assert_false (file_contains (path, "quappenschwanz"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/privacy/export", Fixture, "example", fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/privacy/anonymise", Fixture, "example", fixture_set_up, test_anonymise,
              fixture_tear_down);
  g_test_add ("/privacy/erase", Fixture, "example", fixture_set_up, test_erase,
              fixture_tear_down);
  g_test_add ("/privacy/retention", Fixture, NULL, fixture_set_up, test_retention,
              fixture_tear_down);
  g_test_add ("/privacy/audit-log", Fixture, NULL, fixture_set_up, test_audit_log,
              fixture_tear_down);
  /* What the file holds, byte for byte: a server's pages are the
   * server's (and its vacuum's) to clear */
  if (se_test_backend () == SE_TEST_SQLITE)
    g_test_add ("/privacy/secure-delete", Fixture, NULL, fixture_set_up, test_secure_delete,
                fixture_tear_down);

  return g_test_run ();
}
