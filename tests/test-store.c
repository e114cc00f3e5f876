/* test-store.c: the SQLite store: round trips, lists, transactions, opening
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* This test talks to SQLite directly to check what is on disk behind the
 * store's back (application id, schema version, columns) and to write
 * files as older versions or other programs left them. The cases of the
 * store itself run on both backends: on a file, and on a PostgreSQL
 * server (se-test-db.h). */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "se-agreement.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-organisation.h"
#include "se-participant.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-store.h"
#include "se-topic.h"
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
  g_assert_nonnull (f->store);
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

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
}

/* Fills every field of a new record of @type with a value that is not the
 * default, storing the records it refers to first. */
static SeRecord *
make_record (SeStore *store,
             GType    type,
             int      depth)
{
  static int serial;
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  guint n_fields;
  const SeField *fields = se_record_class_get_fields (SE_RECORD_CLASS (klass), &n_fields);
  SeRecord *record = g_object_new (type, NULL);
  int n = ++serial;

  for (guint i = 0; i < n_fields; i++)
    {
      const SeField *field = &fields[i];
      gboolean is_end = field->after != NULL;
      g_autofree char *text = NULL;

      if (field->flags & SE_FIELD_FLAGS_STORE_OWNED)
        continue;

      switch (field->type)
        {
        case SE_FIELD_TEXT:
        case SE_FIELD_LONG_TEXT:
          text = g_strdup_printf ("Grüße %s %d\n„zitiert“", field->name, n);
          if (field->type == SE_FIELD_TEXT)
            *strchr (text, '\n') = ' ';
          se_record_set_string (record, field->name, text);
          break;
        case SE_FIELD_DATE:
          se_record_set_string (record, field->name, is_end ? "2024-03-01" : "2024-02-29");
          break;
        case SE_FIELD_PARTIAL_DATE:
          se_record_set_string (record, field->name, is_end ? "2023" : "1949-05");
          break;
        case SE_FIELD_TIME:
          se_record_set_string (record, field->name, is_end ? "11:30" : "09:05");
          break;
        case SE_FIELD_EMAIL:
          se_record_set_string (record, field->name, "stelle@example.org");
          break;
        case SE_FIELD_COUNTRY:
          se_record_set_string (record, field->name, "GB");
          break;
        case SE_FIELD_WEBSITE:
          se_record_set_string (record, field->name, "https://www.example.org/a");
          break;
        case SE_FIELD_INT:
          se_record_set_int (record, field->name, 7);
          break;
        case SE_FIELD_BOOLEAN:
          se_record_set_int (record, field->name, TRUE);
          break;
        case SE_FIELD_ENUM:
          {
            g_autoptr(GEnumClass) eclass = g_type_class_ref (field->target ());
            se_record_set_int (record, field->name, eclass->maximum);
          }
          break;
        case SE_FIELD_REFERENCE:
          if (field->target () != type || depth == 0)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(SeRecord) target = make_record (store, field->target (),
                                                        field->target () == type ? depth + 1
                                                                                 : depth);
              se_store_save (store, target, NULL, &error);
              g_assert_no_error (error);
              se_record_set_reference (record, field->name, se_record_get_id (target));
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return record;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(SeRecord) record = make_record (f->store, types[t], 0);
      g_autoptr(SeRecord) stored = NULL;
      g_autoptr(SeRecord) copy = NULL;
      g_autoptr(GError) error = NULL;
      guint n_before = se_store_count (f->store, types[t]);
      gint64 id;

      g_test_message ("round trip of %s", g_type_name (types[t]));

      /* Create */
      g_assert_true (se_store_save (f->store, record, NULL, &error));
      g_assert_no_error (error);
      id = se_record_get_id (record);
      g_assert_cmpint (id, >, 0);
      g_assert_cmpuint (se_store_count (f->store, types[t]), ==, n_before + 1);

      /* Read, from the file */
      reopen (f);
      stored = se_store_lookup (f->store, types[t], id);
      g_assert_nonnull (stored);
      g_assert_true (se_record_equal (stored, record));

      /* Update every field that is not a reference */
      copy = se_record_copy (stored);
      {
        guint n_fields;
        const SeField *fields = se_record_class_get_fields (SE_RECORD_GET_CLASS (copy),
                                                            &n_fields);
        gboolean changed = FALSE;

        for (guint i = 0; i < n_fields; i++)
          {
            const char *name = fields[i].name;

            if (fields[i].flags & SE_FIELD_FLAGS_STORE_OWNED)
              continue;
            changed = changed || fields[i].type == SE_FIELD_TEXT
                      || fields[i].type == SE_FIELD_LONG_TEXT || fields[i].type == SE_FIELD_ENUM
                      || fields[i].type == SE_FIELD_BOOLEAN || fields[i].type == SE_FIELD_INT;
            if (fields[i].type == SE_FIELD_TEXT || fields[i].type == SE_FIELD_LONG_TEXT)
              se_record_set_string (copy, name, "geändert");
            else if (fields[i].type == SE_FIELD_ENUM || fields[i].type == SE_FIELD_BOOLEAN)
              se_record_set_int (copy, name, 0);
            else if (fields[i].type == SE_FIELD_INT)
              se_record_set_int (copy, name, 8);
          }
        g_assert_true (se_record_equal (copy, stored) == !changed);
      }
      g_assert_true (se_store_save (f->store, copy, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (se_record_equal (stored, copy)); /* the listed object follows */
      reopen (f);
      g_clear_object (&stored);
      stored = se_store_lookup (f->store, types[t], id);
      g_assert_true (se_record_equal (stored, copy));

      /* Delete */
      g_assert_true (se_store_delete (f->store, stored, &error));
      g_assert_no_error (error);
      g_assert_null (se_store_lookup (f->store, types[t], id));
      reopen (f);
      g_assert_null (se_store_lookup (f->store, types[t], id));
      g_assert_cmpuint (se_store_count (f->store, types[t]), ==, n_before);
    }
}

/* items-changed */

typedef struct
{
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  ItemsChanged ic = { position, removed, added };

  g_array_append_val (log, ic);
}

#define assert_change(log, i, p, r, a) G_STMT_START { \
    ItemsChanged *ic_ = &g_array_index (log, ItemsChanged, i); \
    g_assert_cmpuint (ic_->position, ==, p); \
    g_assert_cmpuint (ic_->removed, ==, r); \
    g_assert_cmpuint (ic_->added, ==, a); \
  } G_STMT_END

static SeRecord *
new_organisation (const char *name)
{
  SeRecord *org = SE_RECORD (se_organisation_new ());

  se_record_set_string (org, "name", name);
  return org;
}

static SeRecord *
save_organisation (SeStore    *store,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  SeRecord *org = new_organisation (name);

  se_store_save (store, org, NULL, &error);
  g_assert_no_error (error);
  return org;
}

static void
test_items_changed (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *list = se_store_get_list (f->store, SE_TYPE_ORGANISATION);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(SeRecord) a = NULL, b = NULL, c = NULL, copy = NULL, item = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_list_model_get_item_type (list) == SE_TYPE_ORGANISATION);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), log);

  a = save_organisation (f->store, "Stadt Essen");
  b = save_organisation (f->store, "Stadt Dortmund");
  c = save_organisation (f->store, "Stadt Leipzig");
  g_assert_cmpuint (log->len, ==, 3);
  assert_change (log, 0, 0, 0, 1);
  assert_change (log, 1, 1, 0, 1);
  assert_change (log, 2, 2, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  item = g_list_model_get_item (list, 1);
  g_assert_true (item == b); /* the saved object is the listed one */

  /* Update the middle one through a copy */
  copy = se_record_copy (b);
  se_record_set_string (copy, "name", "Stadt Dortmund (Personalamt)");
  g_assert_true (se_store_save (f->store, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 4);
  assert_change (log, 3, 1, 1, 1);
  g_assert_cmpstr (se_record_get_string (b, "name"), ==, "Stadt Dortmund (Personalamt)");

  /* Delete the first */
  g_assert_true (se_store_delete (f->store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 5);
  assert_change (log, 4, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* A failed save changes nothing and says nothing */
  se_record_set_string (copy, "name", "");
  g_assert_false (se_store_save (f->store, copy, NULL, &error));
  g_assert_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpuint (log->len, ==, 5);
}

static void
test_cascade_updates_lists (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SeRecord) org = save_organisation (f->store, "Landkreis Cham");
  g_autoptr(GError) error = NULL;
  GListModel *units = se_store_get_list (f->store, SE_TYPE_UNIT);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(SeRecord) unit = SE_RECORD (se_unit_new ());
      se_record_set_string (unit, "name", i == 0 ? "Personalamt" : "Sozialamt");
      se_record_set_reference (unit, "organisation-id", se_record_get_id (org));
      g_assert_true (se_store_save (f->store, unit, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 2);

  g_signal_connect (units, "items-changed", G_CALLBACK (on_items_changed), log);
  g_assert_true (se_store_delete (f->store, org, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 0);
  g_assert_cmpuint (log->len, ==, 2);
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  GListModel *list = se_store_get_list (f->store, SE_TYPE_ORGANISATION);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(SeRecord) org = new_organisation ("Stadt Bad Salzuflen");
  g_autoptr(GError) error = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), log);

  g_assert_true (se_store_begin (f->store, &error));
  g_assert_true (se_store_save (f->store, org, NULL, &error));
  g_assert_cmpint (se_record_get_id (org), >, 0);
  g_assert_cmpuint (log->len, ==, 0); /* nothing shown before the commit */
  se_store_rollback (f->store);

  g_assert_cmpint (se_record_get_id (org), ==, 0);
  g_assert_cmpuint (log->len, ==, 0);
  reopen (f);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_ORGANISATION), ==, 0);
}

static void
test_transaction_commit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (se_store_begin (f->store, &error));
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Gemeinde %d", i);
      g_autoptr(SeRecord) org = new_organisation (name);
      g_assert_true (se_store_save (f->store, org, NULL, &error));
    }
  g_assert_true (se_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_ORGANISATION), ==, 10);
  reopen (f);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_ORGANISATION), ==, 10);
}

static void
test_delete_in_use (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SeRecord) a = save_organisation (f->store, "Stadt Essen");
  g_autoptr(SeRecord) b = save_organisation (f->store, "Sunderland City Council");
  g_autoptr(SeRecord) p = SE_RECORD (se_partnership_new ());
  g_autoptr(GError) error = NULL;

  se_record_set_reference (p, "organisation-a-id", se_record_get_id (a));
  se_record_set_reference (p, "organisation-b-id", se_record_get_id (b));
  g_assert_true (se_store_save (f->store, p, NULL, &error));

  g_assert_false (se_store_delete (f->store, a, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Stadt Essen"));
  g_assert_nonnull (strstr (error->message, "Partnership"));
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_ORGANISATION), ==, 2);
  reopen (f);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_ORGANISATION), ==, 2);
}

static void
test_update_deleted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SeRecord) a = save_organisation (f->store, "Stadt Essen");
  g_autoptr(SeRecord) copy = se_record_copy (a);
  g_autoptr(GError) error = NULL;

  g_assert_true (se_store_delete (f->store, a, &error));
  se_record_set_string (copy, "name", "Stadt Essen, neu");
  g_assert_false (se_store_save (f->store, copy, NULL, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_ORGANISATION), ==, 0);
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SeRecord) a = save_organisation (f->store, "Jobcenter Cham");
  g_autoptr(SeRecord) b = save_organisation (f->store, "Jobcenter Bautzen");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(SePerson) person = se_person_new ();
      se_record_set_string (SE_RECORD (person), "family-name", "Beer");
      se_record_set_reference (SE_RECORD (person), "organisation-id",
                               se_record_get_id (i < 2 ? a : b));
      g_assert_true (se_store_save (f->store, SE_RECORD (person), NULL, &error));
    }

  found = se_store_find (f->store, SE_TYPE_PERSON, "organisation-id", se_record_get_id (a));
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(SeRecord) listed = se_store_lookup (f->store, SE_TYPE_PERSON,
                                                    se_record_get_id (found->pdata[i]));
      g_assert_true (listed == found->pdata[i]);
    }
}

static void
test_document (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SeRecord) a = save_organisation (f->store, "Jobcenter Cham");
  g_autoptr(SeRecord) b = save_organisation (f->store, "Jobcenter Bautzen");
  g_autoptr(SeRecord) agreement = SE_RECORD (se_agreement_new ());
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4 signed\0\1\2", 19);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(SeRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  se_record_set_string (agreement, "title", "Kooperationsvereinbarung");
  se_record_set_reference (agreement, "party-a-id", se_record_get_id (a));
  se_record_set_reference (agreement, "party-b-id", se_record_get_id (b));
  g_assert_true (se_store_save (f->store, agreement, NULL, &error));

  loaded = se_store_load_document (f->store, se_record_get_id (agreement), &error);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_clear_error (&error);

  g_assert_true (se_store_attach_document (f->store, se_record_get_id (agreement),
                                           "vereinbarung.pdf", pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (se_record_get_string (agreement, "document-name"), ==, "vereinbarung.pdf");

  /* A save of an edited copy keeps the document */
  copy = se_record_copy (agreement);
  se_record_set_string (copy, "document-name", NULL);
  se_record_set_string (copy, "title", "Kooperationsvereinbarung 2019");
  g_assert_true (se_store_save (f->store, copy, NULL, &error));

  reopen (f);
  loaded = se_store_load_document (f->store, se_record_get_id (agreement), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, pdf));
  g_clear_object (&copy);
  copy = se_store_lookup (f->store, SE_TYPE_AGREEMENT, se_record_get_id (agreement));
  g_assert_cmpstr (se_record_get_string (copy, "document-name"), ==, "vereinbarung.pdf");

  g_assert_true (se_store_remove_document (f->store, se_record_get_id (agreement), &error));
  g_assert_null (se_record_get_string (copy, "document-name"));
}

/* Opening */

static void
test_new_file (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "neu.db", NULL);
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);
  struct stat st;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (se_store_is_empty (store));
  g_assert_false (se_store_is_read_only (store));
  g_clear_object (&store);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, se_store_get_schema_version ());
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, SE_STORE_APPLICATION_ID);
  sqlite3_finalize (stmt);

  /* Every field of every kind has its column */
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
      guint n_fields;
      const SeField *fields = se_record_class_get_fields (SE_RECORD_CLASS (klass), &n_fields);
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)",
                                              se_record_class_get_table (SE_RECORD_CLASS (klass)));
      g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);

      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);

      g_assert_true (g_hash_table_contains (columns, "id"));
      for (guint i = 0; i < n_fields; i++)
        {
          g_autofree char *col = g_strdelimit (g_strdup (fields[i].name), "-", '_');
          if (!g_hash_table_contains (columns, col))
            g_error ("%s has no column %s", g_type_name (types[t]), col);
        }
      g_assert_true (g_hash_table_contains (columns, "row_version"));
      g_assert_cmpuint (g_hash_table_size (columns), ==, n_fields + 2);
    }

  sqlite3_close (db);
  se_test_remove_dir (dir);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = se_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(SeStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, SE_STORE_ERROR, code);
  g_test_message ("refused with: %s", error->message);

  after = se_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = se_store_open (path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_autoptr(SeRecord) org = NULL;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  org = save_organisation (store, "Stadt Essen");
  g_clear_object (&store);

  sql = g_strdup_printf ("PRAGMA user_version = %d", se_store_get_schema_version () + 1);
  run_sql (path, sql);
  assert_refused (path, SE_STORE_ERROR_TOO_NEW);
  se_test_remove_dir (dir);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "foreign.db", NULL);

  run_sql (path, "PRAGMA application_id = 1234; CREATE TABLE moz_places (id INTEGER);"
                 "INSERT INTO moz_places VALUES (1);");
  assert_refused (path, SE_STORE_ERROR_FOREIGN_FILE);

  /* A plain SQLite file of some other program, without an id */
  g_remove (path);
  run_sql (path, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');");
  assert_refused (path, SE_STORE_ERROR_FOREIGN_FILE);
  se_test_remove_dir (dir);
}

static void
test_refuse_garbage (void)
{
  g_autofree char *dir = se_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  g_autoptr(GError) error = NULL;
  char junk[8192];

  for (gsize i = 0; i < sizeof junk; i++)
    junk[i] = (char) (i * 7919 % 251);
  g_file_set_contents (path, junk, sizeof junk, &error);
  g_assert_no_error (error);
  assert_refused (path, SE_STORE_ERROR_NOT_A_DATABASE);

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  assert_refused (path, SE_STORE_ERROR_NOT_A_DATABASE);
  se_test_remove_dir (dir);
}

static void
test_default_path (void)
{
  g_autofree char *path = se_store_dup_default_path ();

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "/staff-exchange/staff-exchange.db"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("items-changed", test_items_changed);
  ADD ("cascade-updates-lists", test_cascade_updates_lists);
  ADD ("rollback", test_rollback);
  ADD ("transaction-commit", test_transaction_commit);
  ADD ("delete-in-use", test_delete_in_use);
  ADD ("update-deleted", test_update_deleted);
  ADD ("find", test_find);
  ADD ("document", test_document);
  g_test_add_func ("/store/open/new-file", test_new_file);
  g_test_add_func ("/store/open/refuse-newer", test_refuse_newer);
  g_test_add_func ("/store/open/refuse-foreign", test_refuse_foreign);
  g_test_add_func ("/store/open/refuse-garbage", test_refuse_garbage);
  g_test_add_func ("/store/default-path", test_default_path);

  return g_test_run ();
}
