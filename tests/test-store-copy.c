/* test-store-copy.c: a whole database to a server and back
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example data with a signed document and a dismissed finding, copied
 * from a file to a database on the server that tests/se-with-pg starts
 * and from there into a new file: the CSV export of every kind of the
 * last file is the same, byte for byte, as the first's, and so are the
 * document, the dismissal and the audit trail. A target that holds data
 * is refused and left as it was; after a copy the server gives new ids
 * after the copied ones.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include "se-agreement.h"
#include "se-csv.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-example-data.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-query-model.h"
#include "se-checks.h"
#include "se-store-checks.h"
#include "se-test-db.h"
#include "se-test-util.h"

static char *
export_csv (SeStore *store,
            GType    type)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_assert_true (se_csv_export (store, type, out, SE_CSV_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The ids the search @words finds among the records of @type, in order
 * of id, as a string such as "3 7 12" */
static char *
found_ids (SeStore    *store,
           GType       type,
           const char *words)
{
  g_autoptr (SeQueryModel) model = se_query_model_new (store, type);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GString) out = g_string_new (NULL);
  guint n;

  se_query_model_set_search (model, words);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      gint64 id = se_query_model_get_id (model, i);
      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static SeStore *
open_location (const char *location)
{
  g_autoptr (GError) error = NULL;
  SeStore *store = se_test_db_open (location, SE_STORE_OPEN_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_there_and_back (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autofree char *last = g_build_filename (dir, "last.db", NULL);
  char            *server = se_test_db_new (dir, NULL);
  g_autoptr (SeStore) a = open_location (first);
  g_autoptr (SeStore) s = NULL;
  g_autoptr (SeStore) b = NULL;
  g_autoptr (GError) error = NULL;
  static const char pdf_bytes[] = "%PDF-1.4\n\0\xff signed";
  g_autoptr (GBytes) pdf = g_bytes_new_static (pdf_bytes, sizeof pdf_bytes - 1);
  g_autoptr (GBytes) copied = NULL;
  g_autoptr (GHashTable) dismissals = NULL;
  g_autoptr (GListModel) agreements = NULL;
  g_autoptr (SeRecord) agreement = NULL;
  g_autoptr (SeRecord) partnership = NULL;
  g_autofree char *before = NULL;
  guint            n_types;
  const GType     *types = se_store_get_record_types (&n_types);
  gint64           highest;

  g_assert_true (se_example_data_load (a, &error));
  g_assert_no_error (error);
  agreements = g_object_ref (se_store_get_list (a, SE_TYPE_AGREEMENT));
  agreement = g_list_model_get_item (agreements, 0);
  g_assert_true (se_store_attach_document (a, se_record_get_id (agreement), "vereinbarung.pdf",
                                           pdf, &error));
  partnership = g_list_model_get_item (se_store_get_list (a, SE_TYPE_PARTNERSHIP), 0);
  g_assert_true (se_store_dismiss_finding (a, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT,
                                           SE_TYPE_PARTNERSHIP, se_record_get_id (partnership),
                                           &error));
  g_assert_no_error (error);

  /* To the server, and back into a new file */
  s = open_location (server);
  g_assert_true (se_store_copy_to (a, s, &error));
  g_assert_no_error (error);
  b = open_location (last);
  g_assert_true (se_store_copy_to (s, b, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_types; i++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (se_csv_kind_get_name (types[i]) == NULL)
        continue;
      from = export_csv (a, types[i]);
      to = export_csv (b, types[i]);
      g_test_message ("%s: %zu bytes", se_csv_kind_get_name (types[i]), strlen (from));
      g_assert_cmpuint (se_store_count (a, types[i]), >, 0);
      g_assert_cmpuint (se_store_count (b, types[i]), ==, se_store_count (a, types[i]));
      g_assert_cmpuint (se_store_count (s, types[i]), ==, se_store_count (a, types[i]));
      g_assert_cmpstr (from, ==, to);
    }

  /* The copies find what the original finds: the server builds its
   * search rows at the end of the copy */
  {
    const GType searched[] = { SE_TYPE_PLACEMENT, SE_TYPE_ORGANISATION, SE_TYPE_PERSON,
                               SE_TYPE_PARTNERSHIP, SE_TYPE_AGREEMENT };
    const char *words[] = { "a", "e", "stadt", "m" };
    guint       n_found = 0;

    for (guint i = 0; i < G_N_ELEMENTS (searched); i++)
      for (guint j = 0; j < G_N_ELEMENTS (words); j++)
        {
          g_autofree char *in_a = found_ids (a, searched[i], words[j]);
          g_autofree char *in_s = found_ids (s, searched[i], words[j]);
          g_autofree char *in_b = found_ids (b, searched[i], words[j]);

          g_assert_cmpstr (in_s, ==, in_a);
          g_assert_cmpstr (in_b, ==, in_a);
          n_found += *in_a != '\0';
        }
    g_assert_cmpuint (n_found, >=, G_N_ELEMENTS (searched));
  }

  copied = se_store_load_document (b, se_record_get_id (agreement), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (copied, pdf));
  g_assert_true (se_store_is_dismissed (b, SE_CHECK_RULE_PARTNERSHIP_WITHOUT_AGREEMENT,
                                        SE_TYPE_PARTNERSHIP, se_record_get_id (partnership)));
  g_assert_cmpuint (se_store_count_audit_log (b), ==, se_store_count_audit_log (a));
  dismissals = se_store_get_dismissals (s, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (dismissals), ==, 1);

  /* The copies' triggers are back: a new record is counted, found and
   * in the audit trail */
  {
    SeStore *copies[] = { s, b };

    for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
      {
        g_autoptr (SeRecord) org = g_object_new (SE_TYPE_ORGANISATION, "name", "Stadt Bielefeld",
                                                 NULL);
        guint            n_orgs = se_store_count (copies[i], SE_TYPE_ORGANISATION);
        guint            n_audit = se_store_count_audit_log (copies[i]);
        g_autofree char *found = NULL;
        g_autofree char *id = NULL;

        g_assert_true (se_store_save (copies[i], org, NULL, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (se_store_count (copies[i], SE_TYPE_ORGANISATION), ==, n_orgs + 1);
        g_assert_cmpuint (se_store_count_audit_log (copies[i]), ==, n_audit + 1);
        found = found_ids (copies[i], SE_TYPE_ORGANISATION, "bielefeld");
        id = g_strdup_printf ("%" G_GINT64_FORMAT, se_record_get_id (org));
        g_assert_cmpstr (found, ==, id);
        g_assert_true (se_store_delete (copies[i], org, &error));
        g_assert_no_error (error);
      }
  }

  /* A target with data: refused, and left as it was */
  g_clear_object (&s);
  before = se_test_db_checksum (server);
  s = open_location (server);
  g_assert_false (se_store_copy_to (a, s, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_clear_object (&s);
  {
    g_autofree char *after = se_test_db_checksum (server);
    g_assert_cmpstr (before, ==, after);
  }

  /* New records on the server get ids after the copied ones */
  s = open_location (server);
  highest = 0;
  for (guint i = 0; i < g_list_model_get_n_items (se_store_get_list (s, SE_TYPE_ORGANISATION)); i++)
    {
      g_autoptr (SeRecord) org = g_list_model_get_item (se_store_get_list (s, SE_TYPE_ORGANISATION), i);
      highest = MAX (highest, se_record_get_id (org));
    }
  {
    g_autoptr (SeRecord) org = g_object_new (SE_TYPE_ORGANISATION, "name", "Stadt Detmold", NULL);
    g_assert_true (se_store_save (s, org, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (se_record_get_id (org), >, highest);
  }

  g_clear_object (&s);
  se_test_db_free (server);
  g_clear_object (&a);
  g_clear_object (&b);
  se_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (se_test_backend (), ==, SE_TEST_PG);

  g_test_add_func ("/store-copy/there-and-back", test_there_and_back);

  return g_test_run ();
}
