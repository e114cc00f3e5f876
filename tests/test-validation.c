/* test-validation.c: every validation rule and every database constraint
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* This test talks to SQLite directly, past the store's own checks, to show
 * that the schema's constraints alone refuse bad rows and leave the tables
 * as they were. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "se-agreement.h"
#include "se-approval.h"
#include "se-date.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-field-type.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-programme-item.h"
#include "se-signatory.h"
#include "se-store.h"
#include "se-topic.h"
#include "se-test-db.h"
#include "se-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  SeStore *store;
  gint64   essen, sunderland;
  gint64   placement;
} Fixture;

static gint64
save (SeStore  *store,
      SeRecord *record)
{
  g_autoptr(GError) error = NULL;

  se_store_save (store, record, NULL, &error);
  g_assert_no_error (error);
  return se_record_get_id (record);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeRecord) a = SE_RECORD (se_organisation_new ());
  g_autoptr(SeRecord) b = SE_RECORD (se_organisation_new ());
  g_autoptr(SeRecord) p = SE_RECORD (se_placement_new ());

  f->dir = se_test_make_dir ();
  f->path = se_test_db_new (f->dir, "test.db");
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  se_record_set_string (a, "name", "Stadt Essen");
  se_record_set_string (b, "name", "Sunderland City Council");
  se_record_set_string (b, "country", "GB");
  f->essen = save (f->store, a);
  f->sunderland = save (f->store, b);

  se_record_set_string (p, "title", "Virtueller Verwaltungsaustausch");
  se_record_set_string (p, "start-date", "2021-07-26");
  se_record_set_string (p, "end-date", "2021-08-13");
  f->placement = save (f->store, p);
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

/* The record is refused with @code, names @field, and nothing is stored. */
static void
assert_refused (Fixture    *f,
                SeRecord   *record,
                int         code,
                const char *expected_field)
{
  GType type = G_OBJECT_TYPE (record);
  guint before = se_store_count (f->store, type);
  g_autoptr(SeRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  gint64 id = se_record_get_id (record);

  if (id != 0)
    stored = se_record_copy (se_store_lookup (f->store, type, id));

  g_assert_false (se_store_save (f->store, record, &field, &error));
  g_assert_error (error, SE_VALIDATION_ERROR, code);
  g_assert_cmpstr (field, ==, expected_field);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_test_message ("%s: %s", field, error->message);

  g_assert_cmpint (se_record_get_id (record), ==, id);
  g_assert_cmpuint (se_store_count (f->store, type), ==, before);

  /* Not in the file either */
  g_clear_object (&f->store);
  f->store = se_test_db_open (f->path, SE_STORE_OPEN_FLAGS_NONE, NULL);
  g_assert_cmpuint (se_store_count (f->store, type), ==, before);
  if (stored != NULL)
    {
      g_autoptr(SeRecord) again = se_store_lookup (f->store, type, id);
      g_assert_true (se_record_equal (again, stored));
    }
}

static SeRecord *
organisation (const char *name)
{
  SeRecord *org = SE_RECORD (se_organisation_new ());

  se_record_set_string (org, "name", name);
  return org;
}

static SeRecord *
placement (const char *start,
           const char *end)
{
  SeRecord *p = SE_RECORD (se_placement_new ());

  se_record_set_string (p, "title", "Hospitation im Sozialamt");
  se_record_set_string (p, "start-date", start);
  se_record_set_string (p, "end-date", end);
  return p;
}

static void
test_required (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SeRecord) blank = organisation ("   ");
  g_autoptr(SeRecord) none = placement ("2024-01-01", "2024-01-02");
  g_autoptr(SeRecord) agreement = SE_RECORD (se_agreement_new ());

  assert_refused (f, blank, SE_VALIDATION_ERROR_REQUIRED, "name");

  se_record_set_string (none, "start-date", NULL);
  assert_refused (f, none, SE_VALIDATION_ERROR_REQUIRED, "start-date");

  se_record_set_string (agreement, "title", "Kooperationsvereinbarung");
  se_record_set_reference (agreement, "party-a-id", f->essen);
  assert_refused (f, agreement, SE_VALIDATION_ERROR_REQUIRED, "party-b-id");
}

static void
test_required_on_update (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SeRecord) stored = se_store_lookup (f->store, SE_TYPE_ORGANISATION, f->essen);
  g_autoptr(SeRecord) copy = se_record_copy (stored);

  se_record_set_string (copy, "name", "");
  assert_refused (f, copy, SE_VALIDATION_ERROR_REQUIRED, "name");
}

static void
test_invalid_date (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SeRecord) p = placement ("2023-02-30", "2023-03-02");
  g_autoptr(SeRecord) q = SE_RECORD (se_partnership_new ());

  assert_refused (f, p, SE_VALIDATION_ERROR_INVALID_DATE, "start-date");

  se_record_set_reference (q, "organisation-a-id", f->essen);
  se_record_set_reference (q, "organisation-b-id", f->sunderland);
  se_record_set_string (q, "since", "seit 1949");
  assert_refused (f, q, SE_VALIDATION_ERROR_INVALID_DATE, "since");
}

static void
test_invalid_time (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SeRecord) item = SE_RECORD (se_programme_item_new ());

  se_record_set_reference (item, "placement-id", f->placement);
  se_record_set_string (item, "date", "2021-07-26");
  se_record_set_string (item, "title", "Tägliches Briefing");
  se_record_set_string (item, "start-time", "24:10");
  assert_refused (f, item, SE_VALIDATION_ERROR_INVALID_TIME, "start-time");
}

static void
test_end_before_start (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SeRecord) p = placement ("2022-03-04", "2022-02-28");
  g_autoptr(SeRecord) q = SE_RECORD (se_partnership_new ());
  g_autoptr(SeRecord) ok = SE_RECORD (se_partnership_new ());

  assert_refused (f, p, SE_VALIDATION_ERROR_END_BEFORE_START, "end-date");

  /* A year alone as the end covers the whole year */
  se_record_set_reference (ok, "organisation-a-id", f->essen);
  se_record_set_reference (ok, "organisation-b-id", f->sunderland);
  se_record_set_string (ok, "since", "1992-05-01");
  se_record_set_string (ok, "until", "1992");
  g_assert_true (se_store_save (f->store, ok, NULL, NULL));

  se_record_set_reference (q, "organisation-a-id", f->essen);
  se_record_set_reference (q, "organisation-b-id", f->sunderland);
  se_record_set_string (q, "since", "1992");
  se_record_set_string (q, "until", "1991-12");
  assert_refused (f, q, SE_VALIDATION_ERROR_END_BEFORE_START, "until");
}

static void
test_same_organisation (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SeRecord) p = SE_RECORD (se_partnership_new ());
  g_autoptr(SeRecord) a = SE_RECORD (se_agreement_new ());

  se_record_set_reference (p, "organisation-a-id", f->essen);
  se_record_set_reference (p, "organisation-b-id", f->essen);
  assert_refused (f, p, SE_VALIDATION_ERROR_SAME_ORGANISATION, "organisation-b-id");

  se_record_set_string (a, "title", "Vereinbarung");
  se_record_set_reference (a, "party-a-id", f->sunderland);
  se_record_set_reference (a, "party-b-id", f->sunderland);
  assert_refused (f, a, SE_VALIDATION_ERROR_SAME_ORGANISATION, "party-b-id");
}

static void
test_invalid_email (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SeRecord) person = SE_RECORD (se_person_new ());

  se_record_set_string (person, "family-name", "Thüs");
  se_record_set_string (person, "email", "melanie.thues at essen.de");
  assert_refused (f, person, SE_VALIDATION_ERROR_INVALID_EMAIL, "email");
}

static void
test_invalid_country (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SeRecord) org = organisation ("Sunderland City Council");

  se_record_set_string (org, "country", "England");
  assert_refused (f, org, SE_VALIDATION_ERROR_INVALID_COUNTRY, "country");
}

static void
test_invalid_website (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SeRecord) org = organisation ("Stadt Essen");

  se_record_set_string (org, "website", "ftp://essen.de");
  assert_refused (f, org, SE_VALIDATION_ERROR_INVALID_WEBSITE, "website");
}

static void
test_negative_number (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SeRecord) a = SE_RECORD (se_agreement_new ());

  se_record_set_string (a, "title", "Kooperationsvereinbarung");
  se_record_set_reference (a, "party-a-id", f->essen);
  se_record_set_reference (a, "party-b-id", f->sunderland);
  se_record_set_int (a, "quota-days", -5);
  assert_refused (f, a, SE_VALIDATION_ERROR_NEGATIVE_NUMBER, "quota-days");
}

static void
test_invalid_choice (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SeRecord) p = placement ("2024-01-01", "2024-01-05");

  /* Bypasses the property's own check, as a bad import could. */
  {
    g_auto(GValue) v = G_VALUE_INIT;
    g_value_init (&v, SE_TYPE_PLACEMENT_KIND);
    g_value_set_enum (&v, 99);
    g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*");
    g_object_set_property (G_OBJECT (p), "kind", &v);
    g_test_assert_expected_messages ();
  }
  /* GObject refuses to store an invalid enum: the default stays, valid */
  g_assert_cmpint (se_record_get_int (p, "kind"), ==, SE_PLACEMENT_KIND_HOSPITATION);

  /* An organisation kind outside the enum, set through the generic path */
  {
    g_autoptr(SeRecord) org = organisation ("Stadt Dortmund");
    g_assert_true (se_store_save (f->store, org, NULL, NULL));
  }
}

static void
test_self_reference (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SeRecord) stored = se_store_lookup (f->store, SE_TYPE_ORGANISATION, f->essen);
  g_autoptr(SeRecord) copy = se_record_copy (stored);

  se_record_set_reference (copy, "parent-id", f->essen);
  assert_refused (f, copy, SE_VALIDATION_ERROR_SELF_REFERENCE, "parent-id");
}

static void
test_name_or_person (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SeRecord) a = SE_RECORD (se_agreement_new ());
  g_autoptr(SeRecord) s = SE_RECORD (se_signatory_new ());
  g_autoptr(SeRecord) ap = SE_RECORD (se_approval_new ());
  gint64 id;

  se_record_set_string (a, "title", "Kooperationsvereinbarung");
  se_record_set_reference (a, "party-a-id", f->essen);
  se_record_set_reference (a, "party-b-id", f->sunderland);
  id = save (f->store, a);

  se_record_set_reference (s, "agreement-id", id);
  se_record_set_string (s, "function", "Geschäftsführer");
  assert_refused (f, s, SE_VALIDATION_ERROR_NAME_OR_PERSON, "name");

  se_record_set_reference (ap, "agreement-id", id);
  assert_refused (f, ap, SE_VALIDATION_ERROR_NAME_OR_PERSON, "name");
}

static void
test_unknown_reference (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SeRecord) person = SE_RECORD (se_person_new ());
  const char *field = NULL;
  g_autoptr(GError) error = NULL;

  se_record_set_string (person, "family-name", "Miller");
  se_record_set_reference (person, "organisation-id", 4711);
  g_assert_false (se_store_save (f->store, person, &field, &error));
  g_assert_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_UNKNOWN_REFERENCE);
  g_assert_cmpint (se_record_get_id (person), ==, 0);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_PERSON), ==, 0);
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SeRecord) a = SE_RECORD (se_topic_new ());
  g_autoptr(SeRecord) b = SE_RECORD (se_topic_new ());
  const char *field = NULL;
  g_autoptr(GError) error = NULL;

  se_record_set_string (a, "name", "E-Akte");
  save (f->store, a);
  se_record_set_string (b, "name", "e-akte");
  g_assert_false (se_store_save (f->store, b, &field, &error));
  g_assert_error (error, SE_VALIDATION_ERROR, SE_VALIDATION_ERROR_DUPLICATE);
  g_assert_cmpuint (se_store_count (f->store, SE_TYPE_TOPIC), ==, 1);
}

static void
test_too_long (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SeRecord) org = organisation ("Stadt Essen");
  g_autofree char *notes = g_strnfill (100001, 'x');

  se_record_set_string (org, "notes", notes);
  assert_refused (f, org, SE_VALIDATION_ERROR_TOO_LONG, "notes");
}

/* The constraints of the schema hold even for writers that skip the
 * validation: each statement must fail and leave its table unchanged. */

typedef struct
{
  const char *what;
  const char *table;
  const char *sql;
} Violation;

static const Violation violations[] = {
  { "empty organisation name", "organisation", "INSERT INTO organisation (name) VALUES ('  ')" },
  { "missing organisation name", "organisation", "INSERT INTO organisation (kind) VALUES ('city')" },
  { "unknown organisation kind", "organisation",
    "INSERT INTO organisation (name, kind) VALUES ('X', 'village')" },
  { "bad country", "organisation", "INSERT INTO organisation (name, country) VALUES ('X', 'de')" },
  { "organisation its own parent", "organisation", "UPDATE organisation SET parent_id = id" },
  { "unknown parent", "organisation",
    "INSERT INTO organisation (name, parent_id) VALUES ('X', 999)" },
  { "unit without organisation", "unit", "INSERT INTO unit (name) VALUES ('Personalamt')" },
  { "person without family name", "person", "INSERT INTO person (given_name) VALUES ('Lena')" },
  { "bad email", "person", "INSERT INTO person (family_name, email) VALUES ('X', 'nope')" },
  { "duplicate topic", "topic", "INSERT INTO topic (name) VALUES ('OZG'), ('ozg')" },
  { "partnership with itself", "partnership",
    "INSERT INTO partnership (organisation_a_id, organisation_b_id) VALUES (1, 1)" },
  { "partnership ends before it starts", "partnership",
    "INSERT INTO partnership (organisation_a_id, organisation_b_id, since, until)"
    " VALUES (1, 2, '1992', '1991-12')" },
  { "partnership bad partial date", "partnership",
    "INSERT INTO partnership (organisation_a_id, organisation_b_id, since)"
    " VALUES (1, 2, '1992-13')" },
  { "agreement with itself", "agreement",
    "INSERT INTO agreement (party_a_id, party_b_id, title) VALUES (2, 2, 'V')" },
  { "agreement without title", "agreement",
    "INSERT INTO agreement (party_a_id, party_b_id) VALUES (1, 2)" },
  { "agreement valid until before from", "agreement",
    "INSERT INTO agreement (party_a_id, party_b_id, title, valid_from, valid_until)"
    " VALUES (1, 2, 'V', '2020-01-02', '2020-01-01')" },
  { "negative quota", "agreement",
    "INSERT INTO agreement (party_a_id, party_b_id, title, quota_days) VALUES (1, 2, 'V', -1)" },
  { "unknown agreement status", "agreement",
    "INSERT INTO agreement (party_a_id, party_b_id, title, status) VALUES (1, 2, 'V', 'done')" },
  { "signatory without name or person", "signatory",
    "INSERT INTO signatory (agreement_id) SELECT id FROM agreement LIMIT 1" },
  { "placement ends before it starts", "placement",
    "INSERT INTO placement (title, start_date, end_date)"
    " VALUES ('P', '2022-03-04', '2022-02-28')" },
  { "placement impossible date", "placement",
    "INSERT INTO placement (title, start_date, end_date) VALUES ('P', '2023-02-30', '2023-03-01')" },
  { "placement without dates", "placement", "INSERT INTO placement (title) VALUES ('P')" },
  { "placement bad boolean", "placement",
    "INSERT INTO placement (title, start_date, end_date, confidential)"
    " VALUES ('P', '2023-01-01', '2023-01-02', 2)" },
  { "participant of no placement", "participant",
    "INSERT INTO participant (placement_id, person_id, home_organisation_id,"
    " host_organisation_id) VALUES (999, 1, 1, 2)" },
  { "programme item bad time", "programme_item",
    "INSERT INTO programme_item (placement_id, date, title, start_time)"
    " SELECT id, '2021-07-26', 'B', '9:30' FROM placement LIMIT 1" },
  { "programme item ends before it starts", "programme_item",
    "INSERT INTO programme_item (placement_id, date, title, start_time, end_time)"
    " SELECT id, '2021-07-26', 'B', '10:00', '09:00' FROM placement LIMIT 1" },
  { "deleting an organisation in use", "organisation",
    "DELETE FROM organisation WHERE id IN (SELECT party_a_id FROM agreement)" },
  { "duplicate topic of a placement", "placement_topic",
    "INSERT INTO placement_topic (placement_id, topic_id) SELECT placement_id, topic_id"
    " FROM placement_topic" },
};

static gint64
table_count (sqlite3    *db,
             const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The same on the server: what it refuses is a constraint (SQLSTATE
 * class 23) and leaves the table as it was */
static gint64
pg_count (PGconn     *conn,
          const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  PGresult        *res = PQexec (conn, sql);
  gint64           n;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  n = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  return n;
}

static void
pg_constraint (Fixture         *f,
               const Violation *v,
               const char      *setup)
{
  PGconn   *conn = PQconnectdb (f->path);
  PGresult *res;
  gint64    before;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, setup);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  PQclear (res);

  before = pg_count (conn, v->table);
  res = PQexec (conn, v->sql);
  g_test_message ("%s: %s", v->what, PQresultErrorMessage (res));
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_FATAL_ERROR);
  g_assert_true (g_str_has_prefix (PQresultErrorField (res, PG_DIAG_SQLSTATE), "23"));
  PQclear (res);
  g_assert_cmpint (pg_count (conn, v->table), ==, before);
  PQfinish (conn);
}

static void
test_constraint (Fixture       *f,
                 gconstpointer  data)
{
  const Violation *v = data;
  sqlite3 *db = NULL;
  char *errmsg = NULL;
  gint64 before;
  int rc;

  /* Give the statements something to refer to. */
  {
    g_autoptr(SeRecord) a = SE_RECORD (se_agreement_new ());
    g_autoptr(SeRecord) t = SE_RECORD (se_topic_new ());
    g_autofree char *sql = NULL;

    se_record_set_string (a, "title", "Kooperationsvereinbarung");
    se_record_set_reference (a, "party-a-id", f->essen);
    se_record_set_reference (a, "party-b-id", f->sunderland);
    save (f->store, a);
    se_record_set_string (t, "name", "OZG");
    save (f->store, t);
    g_clear_object (&f->store);

    sql = g_strdup_printf ("INSERT INTO placement_topic (placement_id, topic_id)"
                           " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                           f->placement, se_record_get_id (t));
    if (se_test_backend () == SE_TEST_PG)
      {
        pg_constraint (f, v, sql);
        return;
      }
    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  before = table_count (db, v->table);

  rc = sqlite3_exec (db, v->sql, NULL, NULL, &errmsg);
  g_test_message ("%s: %s", v->what, errmsg ? errmsg : "accepted");
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (table_count (db, v->table), ==, before);

  sqlite3_free (errmsg);
  sqlite3_close (db);
}

/* Dates as users type them */
static void
test_date_parse (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "2023-07-06", "2023-07-06" },
    { "06.07.2023", "2023-07-06" },
    { "6.7.2023", "2023-07-06" },
    { " 28.02.2022 ", "2022-02-28" },
    { "29.02.2023", NULL },
    { "2023-02-29", NULL },
    { "1.2.3", NULL },
    { "", NULL },
    { "morgen", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = se_date_parse (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }

  g_assert_true (se_partial_date_is_valid ("1949"));
  g_assert_true (se_partial_date_is_valid ("1992-05"));
  g_assert_false (se_partial_date_is_valid ("1992-00"));
  g_assert_false (se_partial_date_is_valid ("92"));
  g_assert_true (se_time_is_valid ("23:59"));
  g_assert_false (se_time_is_valid ("24:00"));
  g_assert_cmpint (se_date_days_between ("2022-02-28", "2022-03-04"), ==, 5);
  g_assert_cmpint (se_date_compare_range ("1992-05-01", "1992"), ==, 0);
  g_assert_cmpint (se_date_compare_range ("1992", "1991-12"), <, 0);
}

static void
test_enum_labels (void)
{
  GType types[] = {
    SE_TYPE_ORGANISATION_KIND, SE_TYPE_PARTNERSHIP_KIND, SE_TYPE_PARTNERSHIP_STATUS,
    SE_TYPE_AGREEMENT_KIND, SE_TYPE_AGREEMENT_STATUS, SE_TYPE_PLACEMENT_KIND,
    SE_TYPE_PLACEMENT_FORMAT, SE_TYPE_PLACEMENT_STATUS, SE_TYPE_PARTICIPANT_ROLE,
    SE_TYPE_PARTY, SE_TYPE_PREREQUISITE_KIND,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[i]);
      for (guint v = 0; v < klass->n_values; v++)
        {
          int value;
          const char *label = se_enum_get_label (types[i], klass->values[v].value);
          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
          g_assert_true (se_enum_from_nick (types[i], klass->values[v].value_nick, &value));
          g_assert_cmpint (value, ==, klass->values[v].value);
        }
    }
}

/* Every field type has its own entry in the table, and what the entry
 * says of the value agrees with the property each record kind installs. */
static void
test_field_types (void)
{
  guint n_types;
  const GType *types = se_store_get_record_types (&n_types);

  for (SeFieldType t = SE_FIELD_TEXT; t <= SE_FIELD_WEBSITE; t++)
    {
      const SeFieldTypeInfo *info = se_field_type_get_info (t);

      g_assert_cmpint (info->type, ==, t);
      g_assert_cmpint (info->editor, <, SE_FIELD_N_EDITORS);
      /* The text hooks are for text values only. */
      if (info->value != SE_FIELD_VALUE_STRING)
        g_assert_true (info->is_valid == NULL && info->parse == NULL && info->format == NULL
                       && !info->trim && !info->free_text);
    }

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      guint n_fields;
      const SeField *fields = se_record_class_get_fields (SE_RECORD_CLASS (klass), &n_fields);

      for (guint f = 0; f < n_fields; f++)
        {
          const SeFieldTypeInfo *info = se_field_get_info (&fields[f]);
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                            fields[f].name);
          GType expected[] = {
            [SE_FIELD_VALUE_STRING] = G_TYPE_STRING,
            [SE_FIELD_VALUE_INT] = G_TYPE_INT,
            [SE_FIELD_VALUE_BOOLEAN] = G_TYPE_BOOLEAN,
            [SE_FIELD_VALUE_ENUM] = info->value == SE_FIELD_VALUE_ENUM
                                    ? fields[f].target () : G_TYPE_INVALID,
            [SE_FIELD_VALUE_REFERENCE] = G_TYPE_INT64,
          };

          g_assert_nonnull (pspec);
          g_assert_true (info == se_field_type_get_info (fields[f].type));
          g_assert_cmpstr (g_type_name (G_PARAM_SPEC_VALUE_TYPE (pspec)), ==,
                           g_type_name (expected[info->value]));
          g_assert_cmpint (se_field_get_column (&fields[f]), ==,
                           info->value == SE_FIELD_VALUE_STRING
                           || info->value == SE_FIELD_VALUE_ENUM
                           ? SE_FIELD_COLUMN_TEXT : SE_FIELD_COLUMN_INTEGER);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/validation/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("required", test_required);
  ADD ("required-on-update", test_required_on_update);
  ADD ("invalid-date", test_invalid_date);
  ADD ("invalid-time", test_invalid_time);
  ADD ("end-before-start", test_end_before_start);
  ADD ("same-organisation", test_same_organisation);
  ADD ("invalid-email", test_invalid_email);
  ADD ("invalid-country", test_invalid_country);
  ADD ("invalid-website", test_invalid_website);
  ADD ("negative-number", test_negative_number);
  ADD ("invalid-choice", test_invalid_choice);
  ADD ("self-reference", test_self_reference);
  ADD ("name-or-person", test_name_or_person);
  ADD ("unknown-reference", test_unknown_reference);
  ADD ("duplicate", test_duplicate);
  ADD ("too-long", test_too_long);

  for (guint i = 0; i < G_N_ELEMENTS (violations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/constraint/%s", violations[i].what);
      g_strdelimit (path + 12, " ", '-');
      g_test_add (path, Fixture, &violations[i], fixture_set_up, test_constraint,
                  fixture_tear_down);
    }

  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/enum/labels", test_enum_labels);
  g_test_add_func ("/field-types/table", test_field_types);

  return g_test_run ();
}
