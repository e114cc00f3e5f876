/* test-store-server.c: a store on a PostgreSQL server, as only a server has it
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the throw-away server that tests/se-with-pg starts: a schema
 * newer than the app (opened for reading, nothing written), one older
 * (read-only until --upgrade-schema's se_store_upgrade_schema ()), another
 * application's database (left alone), a connection the server drops in
 * the middle of a save (nothing half stored, the next save works), and
 * the reasons a server cannot be opened, in the store's words. It looks
 * at the server through libpq.
 */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include "se-error.h"
#include "se-organisation.h"
#include "se-test-db.h"
#include "se-test-util.h"

typedef struct
{
  char *dir;
  char *conninfo;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_assert_cmpint (se_test_backend (), ==, SE_TEST_PG);
  f->dir = se_test_make_dir ();
  f->conninfo = se_test_db_new (f->dir, NULL);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  se_test_db_free (f->conninfo);
  se_test_remove_dir (f->dir);
  g_free (f->dir);
}

static SeStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SeStore *store = _se_store_open_server (f->conninfo, SE_STORE_OPEN_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
save_organisation (SeStore    *store,
                   const char *name,
                   GError    **error)
{
  g_autoptr(SeRecord) org = g_object_new (SE_TYPE_ORGANISATION, "name", name, NULL);

  if (!se_store_save (store, org, NULL, error))
    return 0;
  return se_record_get_id (org);
}

/* Written by a newer app that older ones may not write to */
static void
test_newer_schema (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(SeStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (save_organisation (store, "Stadt Essen", NULL), >, 0);
  g_clear_object (&store);
  se_test_pg_run_in (f->conninfo, "UPDATE staff_exchange_schema SET version = 99, oldest_writer = 99");
  before = se_test_db_checksum (f->conninfo);

  store = open_store (f);
  g_assert_true (se_store_is_read_only (store));
  g_assert_true (strstr (se_store_get_read_only_reason (store), "newer version") != NULL);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_ORGANISATION), ==, 1);

  g_assert_cmpint (save_organisation (store, "Sunderland City Council", &error), ==, 0);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* --upgrade-schema leaves a newer schema as it is */
  g_assert_true (se_store_upgrade_schema (store, &error));
  g_assert_no_error (error);
  g_assert_true (se_store_is_read_only (store));
  g_clear_object (&store);

  after = se_test_db_checksum (f->conninfo);
  g_assert_cmpstr (before, ==, after);
}

/* An older schema waits for --upgrade-schema */
static void
test_older_schema (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(SeStore) store = open_store (f);
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  se_test_pg_previous_schema (f->conninfo);

  store = open_store (f);
  g_assert_true (se_store_is_read_only (store));
  g_assert_true (strstr (se_store_get_read_only_reason (store), "--upgrade-schema") != NULL);
  g_assert_cmpint (save_organisation (store, "Stadt Essen", &error), ==, 0);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (se_store_upgrade_schema (store, &error));
  g_assert_no_error (error);
  g_assert_false (se_store_is_read_only (store));
  g_assert_cmpint (save_organisation (store, "Stadt Essen", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Now this version's: writable at once */
  store = open_store (f);
  g_assert_false (se_store_is_read_only (store));
}

/* Another application's tables: refused, and left as they are */
static void
test_foreign (Fixture      *f,
              gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  se_test_pg_run_in (f->conninfo, "CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (1)");
  before = se_test_db_checksum (f->conninfo);
  store = _se_store_open_server (f->conninfo, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_FOREIGN_FILE);
  g_test_message ("%s", error->message);
  after = se_test_db_checksum (f->conninfo);
  g_assert_cmpstr (before, ==, after);
}

/* The server drops the connection between two saves of a transaction:
 * the commit fails, nothing of it stays, and saving again works */
static void
test_connection_lost (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(SeStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *kill = NULL;
  PGconn          *watch = PQconnectdb (f->conninfo);
  PGresult        *res;
  GListModel      *list;

  g_assert_cmpint (PQstatus (watch), ==, CONNECTION_OK);
  g_assert_cmpint (save_organisation (store, "Stadt Essen", NULL), >, 0);
  list = se_store_get_list (store, SE_TYPE_ORGANISATION);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_assert_true (se_store_begin (store, &error));
  g_assert_cmpint (save_organisation (store, "Landkreis Bautzen", &error), >, 0);
  kill = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                          " WHERE datname = current_database () AND pid <> pg_backend_pid ()");
  res = PQexec (watch, kill);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  PQclear (res);

  g_assert_cmpint (save_organisation (store, "Sunderland City Council", &error), ==, 0);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_true (strstr (error->message, "connection to the database server was lost") != NULL);
  g_clear_error (&error);
  se_store_rollback (store);

  res = PQexec (watch, "SELECT count(*) FROM organisation");
  g_assert_cmpstr (PQgetvalue (res, 0, 0), ==, "1");
  PQclear (res);

  /* The same save again, once the server takes connections */
  g_assert_cmpint (save_organisation (store, "Landkreis Bautzen", &error), >, 0);
  g_assert_no_error (error);
  res = PQexec (watch, "SELECT count(*) FROM organisation");
  g_assert_cmpstr (PQgetvalue (res, 0, 0), ==, "2");
  PQclear (res);
  PQfinish (watch);
  g_assert_cmpuint (se_store_count (store, SE_TYPE_ORGANISATION), ==, 2);
  /* The new connection logs its changes too: the store's list has the save */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

static void
assert_open_fails (const char *conninfo,
                   int         code,
                   const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = _se_store_open_server (conninfo, SE_STORE_OPEN_FLAGS_NONE, &error);

  g_assert_null (store);
  g_assert_error (error, SE_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (strstr (error->message, words) != NULL);
  /* No password in what the user reads */
  g_assert_true (strstr (error->message, "password=") == NULL);
}

static void
test_open_errors (void)
{
  g_autofree char *wrong = g_strdup_printf ("host=%s port=%s user=%s password=wrong%s dbname=postgres",
                                            g_getenv ("PGHOST"), g_getenv ("PGPORT"),
                                            g_getenv ("PGUSER"), g_getenv ("PGPASSWORD"));
  g_autofree char *missing = g_strdup_printf ("host=%s port=%s dbname=no_such_database",
                                              g_getenv ("PGHOST"), g_getenv ("PGPORT"));

  assert_open_fails ("postgresql://127.0.0.1:1/staff", SE_STORE_ERROR_CANNOT_OPEN,
                     "No database server answers at “127.0.0.1/staff”");
  assert_open_fails (wrong, SE_STORE_ERROR_PASSWORD_REFUSED,
                     "refused the user name or the password");
  assert_open_fails (missing, SE_STORE_ERROR_NOT_FOUND, "does not exist on its server");
}

static void
wait_for_live (SeStore *store)
{
  gint64 until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!se_store_get_live (store) && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
}

/* A role whose password libpq does not have: the server asks for it
 * (with whom and where, for the keyring), a wrong one is refused, the
 * right one opens, and the store's other connections (its listener, a
 * second store on the location) sign in the same way until the login is
 * forgotten. The location never holds the password. */
static void
test_sign_in (void)
{
  g_autofree char *dir = se_test_make_dir ();
  char            *saved = se_test_pg_hide_password (dir);
  g_autofree char *location = g_strdup_printf ("postgresql://se_signer@localhost:%s/se_sign_in",
                                               g_getenv ("PGPORT"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) store = NULL;
  g_autoptr(SeStore) second = NULL;
  const char *host, *port, *database, *user;

  se_test_pg_run ("DROP DATABASE IF EXISTS se_sign_in WITH (FORCE)");
  se_test_pg_run ("DROP ROLE IF EXISTS se_signer");
  se_test_pg_run ("CREATE ROLE se_signer LOGIN PASSWORD 'Kennwort: 1'");
  se_test_pg_run ("CREATE DATABASE se_sign_in OWNER se_signer");

  store = se_store_open_location (location, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NEEDS_PASSWORD);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "se_signer"));
  g_assert_true (se_store_error_get_login (error, &host, &port, &database, &user));
  g_assert_cmpstr (host, ==, "localhost");
  g_assert_cmpstr (port, ==, g_getenv ("PGPORT"));
  g_assert_cmpstr (database, ==, "se_sign_in");
  g_assert_cmpstr (user, ==, "se_signer");
  g_clear_error (&error);

  store = se_store_open_location_as (location, SE_STORE_OPEN_FLAGS_NONE, NULL, "Kennwort: 2",
                                     &error);
  g_assert_null (store);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PASSWORD_REFUSED);
  g_assert_true (se_store_error_get_login (error, NULL, NULL, NULL, &user));
  g_assert_cmpstr (user, ==, "se_signer");
  g_assert_null (strstr (error->message, "Kennwort"));
  g_clear_error (&error);
  /* A refused one is not kept */
  g_assert_null (se_store_open_location (location, SE_STORE_OPEN_FLAGS_NONE, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NEEDS_PASSWORD);
  g_clear_error (&error);

  /* The user given wins over the location's (here libpq's PGUSER, whose
   * password the password file has) */
  {
    g_autofree char *anyone = g_strdup_printf ("postgresql://localhost:%s/se_sign_in",
                                               g_getenv ("PGPORT"));

    g_assert_null (se_store_open_location_as (anyone, SE_STORE_OPEN_FLAGS_NONE, "se_signer",
                                              "Kennwort: 2", &error));
    g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PASSWORD_REFUSED);
    g_assert_true (se_store_error_get_login (error, NULL, NULL, NULL, &user));
    g_assert_cmpstr (user, ==, "se_signer");
    g_clear_error (&error);
  }

  store = se_store_open_location_as (location, SE_STORE_OPEN_FLAGS_NONE, "se_signer",
                                     "Kennwort: 1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (se_store_get_path (store), ==, location);
  g_assert_cmpint (save_organisation (store, "Stadt Essen", &error), >, 0);
  g_assert_no_error (error);

  /* The listener signs in with it */
  se_store_listen (store);
  wait_for_live (store);
  g_assert_true (se_store_get_live (store));

  /* A second store on the location, as a job in a thread opens one */
  second = se_store_open_location (location, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (se_store_count (second, SE_TYPE_ORGANISATION), ==, 1);
  g_clear_object (&second);

  /* Signed out, the server asks again */
  se_store_forget_login (location);
  g_assert_null (se_store_open_location (location, SE_STORE_OPEN_FLAGS_NONE, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NEEDS_PASSWORD);
  g_clear_error (&error);

  g_clear_object (&store);
  se_test_pg_run ("DROP DATABASE se_sign_in WITH (FORCE)");
  se_test_pg_run ("DROP ROLE se_signer");
  se_test_pg_restore_password (saved);
  se_test_remove_dir (dir);
}

/* What Open Recent keeps of a location: never its password, and still a
 * location the store opens */
static void
test_remember_location (void)
{
  static const struct
  {
    const char *given;
    const char *kept;
  } cases[] = {
    { "/home/anna/austausch.db", "/home/anna/austausch.db" },
    { "service=austausch", "service=austausch" },
    { "postgresql://db.example.org/austausch", "postgresql://db.example.org/austausch" },
    { "postgresql://m.becker:geheim@db.example.org:5433/austausch?sslmode=verify-full",
      "postgresql://m.becker@db.example.org:5433/austausch?sslmode=verify-full" },
    { "postgresql://m.becker@db.example.org/austausch?password=geheim",
      "postgresql://m.becker@db.example.org/austausch" },
    { "service=austausch password=geheim user=m.becker", "service=austausch user='m.becker'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = se_store_dup_location_to_remember (cases[i].given);

      g_assert_cmpstr (kept, ==, cases[i].kept);
      g_assert_null (strstr (kept, "geheim"));
      g_assert_true (se_store_location_is_server (kept)
                     == se_store_location_is_server (cases[i].given));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store-server/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("newer-schema", test_newer_schema);
  ADD ("older-schema", test_older_schema);
  ADD ("foreign", test_foreign);
  ADD ("connection-lost", test_connection_lost);
  g_test_add_func ("/store-server/open-errors", test_open_errors);
  g_test_add_func ("/store-server/sign-in", test_sign_in);
  g_test_add_func ("/store-server/remember-location", test_remember_location);

  return g_test_run ();
}
