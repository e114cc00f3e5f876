/* test-csv.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <string.h>

#include "se-agreement.h"
#include "se-csv.h"
#include "se-example-data.h"
#include "se-placement.h"
#include "se-query-model.h"
#include "se-organisation.h"
#include "se-store.h"
#include "se-topic.h"
#include "se-unit.h"
#include "se-test-db.h"
#include "se-test-util.h"

/* CSV import and export: the corpus of bad files in tests/csv/ is refused
 * with the right line numbers and leaves the database exactly as it was;
 * good files (BOM, CRLF, quoted line breaks) import; an export of every
 * kind imports into an empty database as equal records. */

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

static char *
file_checksum_closed (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  /* Closed, so that nothing is held in a journal. */
  g_clear_object (&f->store);
  {
    char *sum = se_test_db_checksum (f->path);

    f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
    g_assert_no_error (error);
    return sum;
  }
}

static gboolean
import_file (Fixture     *f,
             GType        type,
             const char  *path,
             guint       *n,
             GPtrArray  **problems,
             GError     **error)
{
  return se_csv_import_file (f->store, type, path, n, problems, error);
}

/* The problems name exactly @lines (0-terminated), each at least once. */
static void
assert_lines (GPtrArray   *problems,
              const guint *lines)
{
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GString) want = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      SeCsvProblem *p = g_ptr_array_index (problems, i);

      g_assert_nonnull (p->message);
      g_assert_cmpstr (p->message, !=, "");
      if (i == 0 || ((SeCsvProblem *) g_ptr_array_index (problems, i - 1))->line != p->line)
        g_string_append_printf (got, "%u ", p->line);
    }
  for (const guint *l = lines; *l != 0; l++)
    g_string_append_printf (want, "%u ", *l);

  g_assert_cmpstr (got->str, ==, want->str);
}

typedef struct
{
  const char *file;
  GType     (*type) (void);
  guint       lines[8];
} BadFile;

static const BadFile bad_files[] = {
  { "bad-column-count.csv", se_placement_get_type, { 3, 5, 0 } },
  { "bad-dates.csv", se_placement_get_type, { 2, 3, 5, 0 } },
  { "end-before-start.csv", se_placement_get_type, { 3, 0 } },
  { "unknown-organisation.csv", se_unit_get_type, { 3, 4, 0 } },
  { "invalid-utf8.csv", se_placement_get_type, { 3, 0 } },
  { "unclosed-quote.csv", se_placement_get_type, { 3, 0 } },
};

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFile *bad = &bad_files[i];
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "csv", bad->file, NULL);
      g_autofree char *before = file_checksum_closed (f);
      g_autofree char *after = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      guint n_before = se_store_count (f->store, bad->type ());
      guint n = 99;

      g_test_message ("%s", bad->file);
      g_assert_false (import_file (f, bad->type (), path, &n, &problems, &error));
      g_assert_error (error, SE_CSV_ERROR, SE_CSV_ERROR_INVALID);
      g_assert_cmpuint (n, ==, 0);
      g_assert_nonnull (problems);
      assert_lines (problems, bad->lines);

      g_assert_cmpuint (se_store_count (f->store, bad->type ()), ==, n_before);
      after = file_checksum_closed (f);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_problem_messages (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "csv", "unknown-organisation.csv",
                                                 NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  SeCsvProblem *p;

  g_assert_false (import_file (f, SE_TYPE_UNIT, path, NULL, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (p->field, ==, "organisation-id");
  g_assert_nonnull (strstr (p->message, "Stadt Nirgendwo"));
  p = g_ptr_array_index (problems, 1);
  g_assert_nonnull (strstr (p->message, "9999"));
  g_assert_nonnull (strstr (error->message, "2 lines"));
}

static GPtrArray *
placements_titled (Fixture    *f,
                   const char *title)
{
  GListModel *list = se_store_get_list (f->store, SE_TYPE_PLACEMENT);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (list, i);

      if (g_strcmp0 (se_record_get_string (r, "title"), title) == 0)
        g_ptr_array_add (found, g_steal_pointer (&r));
    }
  return found;
}

static void
test_good_files (Fixture       *f,
                 gconstpointer  data)
{
  struct { const char *file; guint n; } good[] = {
    { "bom-good.csv", 1 },
    { "crlf-good.csv", 2 },
    { "quoted-newlines-good.csv", 2 },
  };
  guint total = se_store_count (f->store, SE_TYPE_PLACEMENT);
  g_autoptr(GPtrArray) found = NULL;
  SeRecord *r;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "csv", good[i].file, NULL);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      guint n = 0;

      g_test_message ("%s", good[i].file);
      import_file (f, SE_TYPE_PLACEMENT, path, &n, &problems, &error);
      g_assert_no_error (error);
      g_assert_null (problems);
      g_assert_cmpuint (n, ==, good[i].n);
      total += good[i].n;
      g_assert_cmpuint (se_store_count (f->store, SE_TYPE_PLACEMENT), ==, total);
    }

  /* The BOM is not part of the first column's name, umlauts are intact. */
  found = placements_titled (f, "Hospitation in Köln");
  g_assert_cmpuint (found->len, ==, 1);
  r = g_ptr_array_index (found, 0);
  g_assert_cmpstr (se_record_get_string (r, "location"), ==, "Köln");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* CRLF: no carriage return left in a value; the German date read. */
  found = placements_titled (f, "Hospitation Straßenverkehrsamt");
  g_assert_cmpuint (found->len, ==, 1);
  r = g_ptr_array_index (found, 0);
  g_assert_cmpstr (se_record_get_string (r, "location"), ==, "Düsseldorf");
  g_assert_cmpstr (se_record_get_string (r, "start-date"), ==, "2024-03-04");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = placements_titled (f, "Austausch, digital");
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = placements_titled (f, "Hospitation Kämmerei");
  g_assert_cmpuint (found->len, ==, 1);
  r = g_ptr_array_index (found, 0);
  g_assert_cmpstr (se_record_get_string (r, "goals"), ==,
                   "Haushalt kennenlernen;\nDoppik verstehen\n"
                   "\"Neues Kommunales Finanzmanagement\"");
}

/* A 10 MB line is refused without the rest of the file getting lost. */
static void
test_long_line (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "long.csv", NULL);
  g_autoptr(GString) text = g_string_new ("title;start-date;end-date;goals\n"
                                          "Hospitation A;2024-03-04;2024-03-08;kurz\n"
                                          "Hospitation B;2024-03-04;2024-03-08;");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const guint lines[] = { 3, 5, 0 };

  for (guint i = 0; i < 10 * 1024 * 1024 / 8; i++)
    g_string_append (text, "Doppik. ");
  g_string_append (text, "\nHospitation C;2024-03-04;2024-03-08;kurz\n"
                         "Hospitation D;2024-03-04;nie;kurz\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  before = file_checksum_closed (f);
  g_assert_false (import_file (f, SE_TYPE_PLACEMENT, path, NULL, &problems, &error));
  g_assert_error (error, SE_CSV_ERROR, SE_CSV_ERROR_INVALID);
  assert_lines (problems, lines);
  after = file_checksum_closed (f);
  g_assert_cmpstr (before, ==, after);
}

/* A rule only the database checks (topic names are unique) also refuses
 * the whole file. */
static void
test_database_rule (Fixture       *f,
                    gconstpointer  data)
{
  const char *csv = "name\nStadtentwicklung\nEinbürgerung\nstadtentwicklung\n";
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const guint lines[] = { 4, 0 };
  guint n_topics = se_store_count (f->store, SE_TYPE_TOPIC);

  g_assert_false (se_csv_import (f->store, SE_TYPE_TOPIC, in, NULL, &problems, NULL, &error));
  g_assert_error (error, SE_CSV_ERROR, SE_CSV_ERROR_INVALID);
  assert_lines (problems, lines);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_TOPIC), ==, n_topics);
}

/* A file longer than the store keeps back at a time (a server's bulk
 * insert sends its rows a few thousand at a time): every line stored,
 * with its search words and its audit row; a line that keeps an id far
 * ahead and the new lines after it; then lines the database refuses far
 * down the file, each named, and nothing stored. */
static void
test_many_lines (Fixture      *f,
                 gconstpointer data)
{
  const guint  n_lines = 9000, kept_at = 3000;
  const gint64 kept_id = 100000;
  g_autoptr(GString) csv = g_string_new ("id;name;country\n");
  g_autoptr(GString) topics = g_string_new ("name\n");
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SeQueryModel) found = NULL;
  g_autoptr(SeRecord) kept = NULL;
  g_autoptr(SeRecord) last = NULL;
  g_autoptr(SeRecord) one = NULL;
  const guint refused[] = { 6002, 8502, 0 };
  guint       n_before = se_store_count (f->store, SE_TYPE_ORGANISATION);
  guint       n_audit = se_store_count_audit_log (f->store);
  guint       n_topics = se_store_count (f->store, SE_TYPE_TOPIC);
  guint       n = 0;

  for (guint i = 1; i <= n_lines; i++)
    if (i == kept_at)
      g_string_append_printf (csv, "%" G_GINT64_FORMAT ";Amt Nummer %u;DE\n", kept_id, i);
    else
      g_string_append_printf (csv, ";Amt Nummer %u;DE\n", i);
  in = g_memory_input_stream_new_from_data (csv->str, (gssize) csv->len, NULL);
  se_csv_import (f->store, SE_TYPE_ORGANISATION, in, &n, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_lines);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_ORGANISATION), ==, n_before + n_lines);
  g_assert_cmpuint (se_store_count_audit_log (f->store), ==, n_audit + n_lines);

  kept = se_store_lookup (f->store, SE_TYPE_ORGANISATION, kept_id);
  g_assert_nonnull (kept);
  g_assert_cmpstr (se_record_get_string (kept, "name"), ==, "Amt Nummer 3000");
  /* The lines after it came after it */
  last = se_store_lookup (f->store, SE_TYPE_ORGANISATION, kept_id + n_lines - kept_at);
  g_assert_nonnull (last);
  g_assert_cmpstr (se_record_get_string (last, "name"), ==, "Amt Nummer 9000");

  found = se_query_model_new (f->store, SE_TYPE_ORGANISATION);
  se_query_model_set_search (found, "nummer 4711");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  one = se_store_lookup (f->store, SE_TYPE_ORGANISATION, se_query_model_get_id (found, 0));
  g_assert_cmpstr (se_record_get_string (one, "name"), ==, "Amt Nummer 4711");

  /* Topics' names are unique whatever their case: the database says so */
  for (guint i = 1; i <= n_lines; i++)
    if (i == 6001 || i == 8501)
      g_string_append_printf (topics, "THEMA %u\n", i - 6000);
    else
      g_string_append_printf (topics, "Thema %u\n", i);
  g_clear_object (&in);
  g_clear_pointer (&problems, g_ptr_array_unref);
  in = g_memory_input_stream_new_from_data (topics->str, (gssize) topics->len, NULL);
  g_assert_false (se_csv_import (f->store, SE_TYPE_TOPIC, in, NULL, &problems, NULL, &error));
  g_assert_error (error, SE_CSV_ERROR, SE_CSV_ERROR_INVALID);
  assert_lines (problems, refused);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_TOPIC), ==, n_topics);
}

/* A line that brings back the id of a deleted record: the record's
 * search words went with it, and the line's are found */
static void
test_deleted_id (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr(SeRecord) gone = g_object_new (SE_TYPE_ORGANISATION, "name", "Amt Vergangen", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SeQueryModel) found = NULL;
  g_autofree char *csv = NULL;
  gint64           id;

  g_assert_true (se_store_save (f->store, gone, NULL, &error));
  g_assert_no_error (error);
  id = se_record_get_id (gone);
  g_assert_true (se_store_delete (f->store, gone, &error));
  g_assert_no_error (error);

  csv = g_strdup_printf ("id;name;country\n%" G_GINT64_FORMAT ";Amt Wiedergekehrt;DE\n", id);
  in = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_assert_true (se_csv_import (f->store, SE_TYPE_ORGANISATION, in, NULL, &problems, NULL, &error));
  g_assert_no_error (error);

  found = se_query_model_new (f->store, SE_TYPE_ORGANISATION);
  se_query_model_set_search (found, "wiedergekehrt");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  g_assert_cmpint (se_query_model_get_id (found, 0), ==, id);
  se_query_model_set_search (found, "vergangen");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);
}

/* Ids: an existing id updates, a reference to a record further down the
 * file resolves, an unknown id makes a record with that id. */
static void
test_ids (Fixture       *f,
          gconstpointer  data)
{
  const char *csv = "id;name;country;parent-id\n"
                    "1;Stadt Essen (geändert);DE;\n"
                    "500;Bezirk Nord;DE;501\n"
                    "501;Bezirksregierung;DE;\n"
                    ";Neue Stadt;de;1\n";
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) essen = NULL;
  g_autoptr(SeRecord) nord = NULL;
  guint n_before = se_store_count (f->store, SE_TYPE_ORGANISATION);
  guint n = 0;

  se_csv_import (f->store, SE_TYPE_ORGANISATION, in, &n, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_ORGANISATION), ==, n_before + 3);

  essen = se_store_lookup (f->store, SE_TYPE_ORGANISATION, 1);
  g_assert_cmpstr (se_record_get_string (essen, "name"), ==, "Stadt Essen (geändert)");
  nord = se_store_lookup (f->store, SE_TYPE_ORGANISATION, 500);
  g_assert_nonnull (nord);
  g_assert_cmpint (se_record_get_reference (nord, "parent-id"), ==, 501);
}

/* A file written before the quota counted persons still fills the quota
 * columns, from its English or German header. */
static void
test_former_quota_headers (Fixture       *f,
                           gconstpointer  data)
{
  const char *csv = "id;Placements per year and direction;Tage pro Jahr und Richtung\n"
                    "1;3;9\n";
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) agreement = NULL;
  guint n = 0;

  se_csv_import (f->store, SE_TYPE_AGREEMENT, in, &n, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  agreement = se_store_lookup (f->store, SE_TYPE_AGREEMENT, 1);
  g_assert_cmpint (se_record_get_int (agreement, "quota-placements"), ==, 3);
  g_assert_cmpint (se_record_get_int (agreement, "quota-days"), ==, 9);
}

static GBytes *
export_to_bytes (SeStore    *store,
                 GType       type,
                 SeCsvFlags  flags)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  se_csv_export (store, type, out, flags, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
round_trip (Fixture    *f,
            SeCsvFlags  flags)
{
  g_autofree char *path = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(SeStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  g_remove (path);
  copy = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GBytes) bytes = export_to_bytes (f->store, types[t], flags);
      g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
      g_autoptr(GPtrArray) problems = NULL;
      GListModel *a = se_store_get_list (f->store, types[t]);
      GListModel *b;
      guint n = 0;

      g_test_message ("%s", se_csv_kind_get_name (types[t]));
      /* UTF-8 with a byte order mark, for Excel. */
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 3, "\xEF\xBB\xBF", 3);
      g_assert_true (g_utf8_validate ((const char *) g_bytes_get_data (bytes, NULL) + 3,
                                      g_bytes_get_size (bytes) - 3, NULL));

      se_csv_import (copy, types[t], in, &n, &problems, NULL, &error);
      if (problems != NULL)
        for (guint i = 0; i < problems->len; i++)
          g_test_message ("line %u: %s", ((SeCsvProblem *) problems->pdata[i])->line,
                          ((SeCsvProblem *) problems->pdata[i])->message);
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, g_list_model_get_n_items (a));

      b = se_store_get_list (copy, types[t]);
      g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
      for (guint i = 0; i < g_list_model_get_n_items (a); i++)
        {
          g_autoptr(SeRecord) ra = g_list_model_get_item (a, i);
          g_autoptr(SeRecord) rb = g_list_model_get_item (b, i);
          g_autoptr(SeRecord) expected = se_record_copy (ra);

          /* The signed document is not part of a CSV file. */
          if (se_record_class_find_field (SE_RECORD_GET_CLASS (expected), "document-name"))
            se_record_set_string (expected, "document-name", NULL);
          g_assert_true (se_record_equal (expected, rb));
        }
    }
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  round_trip (f, SE_CSV_FLAGS_NONE);
}

static void
test_round_trip_field_names (Fixture       *f,
                             gconstpointer  data)
{
  round_trip (f, SE_CSV_FLAGS_FIELD_NAMES | SE_CSV_FLAGS_COMMA);
}

/* Cells a spreadsheet would run as formulas are written as text, and come
 * back from an import exactly as they were. */
static void
test_formulas (Fixture       *f,
               gconstpointer  data)
{
  const struct { const char *value; const char *cell; } cases[] = {
    { "=HYPERLINK(\"http://example.org\")", "\"'=HYPERLINK(\"\"http://example.org\"\")\"" },
    { "+49 30 1234", "'+49 30 1234" },
    { "-", "'-" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "'=already", "''=already" },
    { "''+twice", "'''+twice" },
    { "'s-Hertogenbosch", "'s-Hertogenbosch" },
    { "Hamburg - Kiel", "Hamburg - Kiel" },
  };
  g_autofree char *path = g_build_filename (f->dir, "formulas.db", NULL);
  g_autofree char *copy_path = g_build_filename (f->dir, "formulas-copy.db", NULL);
  g_autoptr(SeStore) store = NULL;
  g_autoptr(SeStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  GListModel *list;
  guint n = 0;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SeRecord) p = g_object_new (SE_TYPE_PLACEMENT, NULL);

      se_record_set_string (p, "title", cases[i].value);
      se_record_set_string (p, "location", cases[i].value);
      se_record_set_string (p, "start-date", "2024-05-06");
      se_record_set_string (p, "end-date", "2024-05-07");
      se_store_save (store, p, NULL, &error);
      g_assert_no_error (error);
    }

  bytes = export_to_bytes (store, SE_TYPE_PLACEMENT, SE_CSV_FLAGS_NONE);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = g_strdup_printf (";%s;", cases[i].cell);

      g_test_message ("%s", cases[i].value);
      g_assert_nonnull (strstr (text, cell));
    }
  /* No cell starts a formula. */
  for (const char *c = text; (c = strpbrk (c, ";\n")) != NULL; c++)
    g_assert_true (c[1] == '\0' || strchr ("=+-@", c[1]) == NULL);

  copy = se_store_open (copy_path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  in = g_memory_input_stream_new_from_bytes (bytes);
  se_csv_import (copy, SE_TYPE_PLACEMENT, in, &n, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (cases));
  list = se_store_get_list (copy, SE_TYPE_PLACEMENT);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SeRecord) p = g_list_model_get_item (list, i);

      g_assert_cmpstr (se_record_get_string (p, "title"), ==, cases[i].value);
      g_assert_cmpstr (se_record_get_string (p, "location"), ==, cases[i].value);
    }
}

static void
test_kinds (void)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    g_assert_true (se_csv_kind_from_name (se_csv_kind_get_name (types[i])) == types[i]);
  g_assert_true (se_csv_kind_from_name ("placement") == SE_TYPE_PLACEMENT);
  g_assert_true (se_csv_kind_from_name ("Programme_Item") == se_csv_kind_from_name ("programme-items"));
  g_assert_true (se_csv_kind_from_name ("people") == se_csv_kind_from_name ("person"));
  g_assert_true (se_csv_kind_from_name ("placementss") == G_TYPE_INVALID);
}

/* Inputs the fuzzer (tests/fuzz/) once crashed on: replayed as the fuzzer
 * runs them, the first byte choosing the kind. */
static void
test_fuzz_regressions (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n_types, n_files = 0;
  const GType *types = se_store_get_record_types (&n_types);

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;
      g_autoptr(GInputStream) in = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      if (name[0] == '.' || g_str_has_suffix (name, ".md"))
        continue;
      g_test_message ("%s", name);
      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
      if (len == 0)
        continue;

      in = g_memory_input_stream_new_from_data (contents + 1, (gssize) len - 1, NULL);
      se_csv_import (f->store, types[(guchar) contents[0] % n_types], in, NULL, &problems,
                     NULL, &error);
      g_assert_false (se_store_in_transaction (f->store));
      n_files++;
    }
  g_test_message ("%u inputs replayed", n_files);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/kinds", test_kinds);
  g_test_add ("/csv/bad-files", Fixture, "example", fixture_set_up, test_bad_files,
              fixture_tear_down);
  g_test_add ("/csv/problem-messages", Fixture, "example", fixture_set_up,
              test_problem_messages, fixture_tear_down);
  g_test_add ("/csv/good-files", Fixture, "example", fixture_set_up, test_good_files,
              fixture_tear_down);
  g_test_add ("/csv/long-line", Fixture, "example", fixture_set_up, test_long_line,
              fixture_tear_down);
  g_test_add ("/csv/database-rule", Fixture, "example", fixture_set_up, test_database_rule,
              fixture_tear_down);
  g_test_add ("/csv/ids", Fixture, "example", fixture_set_up, test_ids, fixture_tear_down);
  g_test_add ("/csv/many-lines", Fixture, NULL, fixture_set_up, test_many_lines,
              fixture_tear_down);
  g_test_add ("/csv/deleted-id", Fixture, NULL, fixture_set_up, test_deleted_id,
              fixture_tear_down);
  g_test_add ("/csv/former-quota-headers", Fixture, "example", fixture_set_up,
              test_former_quota_headers, fixture_tear_down);
  g_test_add ("/csv/round-trip", Fixture, "example", fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/csv/formulas", Fixture, "example", fixture_set_up, test_formulas,
              fixture_tear_down);
  g_test_add ("/csv/round-trip-field-names", Fixture, "example", fixture_set_up,
              test_round_trip_field_names, fixture_tear_down);
  g_test_add ("/csv/fuzz-regressions", Fixture, "example", fixture_set_up,
              test_fuzz_regressions, fixture_tear_down);

  return g_test_run ();
}
