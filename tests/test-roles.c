/* test-roles.c: roles that the server enforces
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under tests/se-with-pg's server: a database owned by an office's own
 * user (not a superuser, with CREATEROLE), whose owner gives three users
 * the three roles. Each then signs in as themselves: a reader's store is
 * read-only and the server refuses a reader's UPDATE through raw libpq; a
 * clerk saves, and the audit entry names the clerk, but cannot erase a
 * person, neither through the app nor through libpq; an administrator
 * can; a user without a role is told who can give one; row-level security
 * is forced on every table, so the owner is bound by it too.
 */

#include <libpq-fe.h>
#include <string.h>

#include "se-audit-entry.h"
#include "se-error.h"
#include "se-organisation.h"
#include "se-person.h"
#include "se-privacy.h"
#include "se-record.h"
#include "se-store.h"
#include "se-test-db.h"
#include "se-test-util.h"

#define DB "se_roles"

static const char *const users[] = { "se_roles_owner", "se_roles_anna", "se_roles_bernd",
                                     "se_roles_carla", "se_roles_dora" };

static char *
uri_of (const char *user)
{
  return g_strdup_printf ("postgresql://%s:pw-%s@localhost:%s/" DB, user, user,
                          g_getenv ("PGPORT"));
}

static SeStore *
open_as (const char *user,
         GError    **error)
{
  g_autofree char *uri = uri_of (user);

  return se_store_open_location (uri, SE_STORE_OPEN_FLAGS_NONE, error);
}

static SeStore *
open_ok (const char *user)
{
  g_autoptr(GError) error = NULL;
  SeStore *store = open_as (user, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* @sql as @user straight through libpq, as another client would send it:
 * the SQLSTATE of its failure, or NULL */
static char *
raw_as (const char *user,
        const char *sql)
{
  g_autofree char *uri = uri_of (user);
  PGconn          *conn = PQconnectdb (uri);
  PGresult        *res;
  char            *state = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      state = g_strdup (PQresultErrorField (res, PG_DIAG_SQLSTATE));
      g_test_message ("%s: %s", user, PQresultErrorMessage (res));
    }
  PQclear (res);
  PQfinish (conn);
  return state;
}

static gint64
count_as (const char *user,
          const char *sql)
{
  g_autofree char *uri = uri_of (user);
  PGconn          *conn = PQconnectdb (uri);
  PGresult        *res;
  gint64           n;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  n = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  PQfinish (conn);
  return n;
}

static gint64
save_organisation (SeStore    *store,
                   const char *name,
                   GError    **error)
{
  g_autoptr(SeRecord) org = SE_RECORD (se_organisation_new ());

  se_record_set_string (org, "name", name);
  se_record_set_string (org, "country", "DE");
  if (!se_store_save (store, org, NULL, error))
    return 0;
  return se_record_get_id (org);
}

static gint64
save_person (SeStore    *store,
             const char *family)
{
  g_autoptr(SeRecord) person = SE_RECORD (se_person_new ());
  g_autoptr(GError) error = NULL;

  se_record_set_string (person, "given-name", "Eva");
  se_record_set_string (person, "family-name", family);
  g_assert_true (se_store_save (store, person, NULL, &error));
  g_assert_no_error (error);
  return se_record_get_id (person);
}

static void
set_up (void)
{
  g_autoptr(SeStore) owner = NULL;
  g_autoptr(GError) error = NULL;

  se_test_pg_run ("DROP DATABASE IF EXISTS " DB " WITH (FORCE)");
  se_test_pg_run ("DROP ROLE IF EXISTS " DB "_reader, " DB "_clerk, " DB "_admin");
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP ROLE IF EXISTS %s", users[i]);
      g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'pw-%s'%s",
                                                 users[i], users[i],
                                                 i == 0 ? " CREATEROLE" : "");
      se_test_pg_run (drop);
      se_test_pg_run (create);
    }
  se_test_pg_run ("CREATE DATABASE " DB " OWNER se_roles_owner");

  /* the owner creates the schema, as the office's IT would */
  owner = open_ok ("se_roles_owner");
  g_assert_cmpint (se_store_get_role (owner), ==, SE_STORE_ROLE_UNMANAGED);
  g_assert_true (se_store_may_manage_privacy (owner));
  g_assert_cmpint (save_organisation (owner, "Stadt Essen", &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (se_store_grant_role (owner, SE_STORE_ROLE_READER, "se_roles_anna", &error));
  g_assert_no_error (error);
  g_assert_cmpint (se_store_get_role (owner), ==, SE_STORE_ROLE_ADMINISTRATOR);
  g_assert_true (se_store_grant_role (owner, SE_STORE_ROLE_CLERK, "se_roles_bernd", &error));
  g_assert_no_error (error);
  g_assert_true (se_store_grant_role (owner, SE_STORE_ROLE_ADMINISTRATOR, "se_roles_carla",
                                      &error));
  g_assert_no_error (error);

  /* a user who does not exist */
  g_assert_false (se_store_grant_role (owner, SE_STORE_ROLE_CLERK, "se_roles_nobody", &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
}

static void
tear_down (void)
{
  se_test_pg_run ("DROP DATABASE IF EXISTS " DB " WITH (FORCE)");
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP ROLE IF EXISTS %s", users[i]);
      se_test_pg_run (drop);
    }
  se_test_pg_run ("DROP ROLE IF EXISTS " DB "_reader, " DB "_clerk, " DB "_admin");
}

/* A reader reads; the store is read-only and says why; the server refuses
 * the reader's writes from any client */
static void
test_reader (void)
{
  g_autoptr(SeStore) anna = open_ok ("se_roles_anna");
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *before = se_test_db_checksum ("dbname=" DB);
  g_autofree char *after = NULL;

  g_assert_cmpint (se_store_get_role (anna), ==, SE_STORE_ROLE_READER);
  g_assert_true (se_store_is_read_only (anna));
  g_test_message ("%s", se_store_get_read_only_reason (anna));
  g_assert_nonnull (strstr (se_store_get_read_only_reason (anna), "reader"));
  g_assert_false (se_store_may_manage_privacy (anna));
  g_assert_false (se_store_may_delete (anna, SE_TYPE_ORGANISATION));
  g_assert_cmpuint (se_store_count (anna, SE_TYPE_ORGANISATION), ==, 1);

  g_assert_cmpint (save_organisation (anna, "Stadt Bochum", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  state = raw_as ("se_roles_anna", "UPDATE organisation SET name = 'Stadt Bochum'");
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = raw_as ("se_roles_anna", "INSERT INTO audit_log (record_table, record_id, action)"
                                   " VALUES ('organisation', 1, 'update')");
  g_assert_cmpstr (state, ==, "42501");

  /* not even a schema upgrade or a grant */
  g_assert_false (se_store_grant_role (anna, SE_STORE_ROLE_ADMINISTRATOR, "se_roles_anna",
                                       &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (se_store_upgrade_schema (anna, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED);

  after = se_test_db_checksum ("dbname=" DB);
  g_assert_cmpstr (before, ==, after);
}

/* A clerk saves, and the audit entry names the clerk; the server does not
 * let a clerk erase a person, nor rewrite the audit log */
static void
test_clerk (void)
{
  g_autoptr(SeStore) bernd = open_ok ("se_roles_bernd");
  g_autoptr(SeStore) carla = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *actor = NULL;
  g_autoptr(SeRecord) org = NULL;
  gint64 id, person;

  g_assert_cmpint (se_store_get_role (bernd), ==, SE_STORE_ROLE_CLERK);
  g_assert_false (se_store_is_read_only (bernd));
  g_assert_false (se_store_may_manage_privacy (bernd));
  g_assert_true (se_store_may_delete (bernd, SE_TYPE_ORGANISATION));
  g_assert_false (se_store_may_delete (bernd, SE_TYPE_PERSON));

  id = save_organisation (bernd, "Stadt Herne", &error);
  g_assert_no_error (error);
  org = se_store_lookup (bernd, SE_TYPE_ORGANISATION, id);
  g_assert_true (se_store_get_last_change (bernd, org, &actor, NULL));
  g_assert_cmpstr (actor, ==, "se_roles_bernd");
  g_assert_cmpint (count_as ("se_roles_owner",
                             "SELECT count (*) FROM audit_log WHERE actor = 'se_roles_bernd'"),
                   >, 0);
  {
    /* the History page's entries say who */
    g_autoptr(GListModel) log = se_store_get_audit_log (bernd, 0, 1, &error);
    g_autoptr(SeAuditEntry) newest = NULL;

    g_assert_no_error (error);
    newest = g_list_model_get_item (log, 0);
    g_assert_cmpint (se_audit_entry_get_record_id (newest), ==, id);
    g_assert_cmpstr (se_audit_entry_get_actor (newest), ==, "se_roles_bernd");
  }

  person = save_person (bernd, "Clerk-Made");
  g_assert_false (se_privacy_erase_person (bernd, person, &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (count_as ("se_roles_owner", "SELECT count (*) FROM person"), ==, 1);

  state = raw_as ("se_roles_bernd", "DELETE FROM person");
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = raw_as ("se_roles_bernd", "DELETE FROM audit_log");
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);
  state = raw_as ("se_roles_bernd", "UPDATE audit_log SET actor = 'someone else'");
  g_assert_cmpstr (state, ==, "42501");

  /* a clerk gives no roles */
  g_assert_false (se_store_grant_role (bernd, SE_STORE_ROLE_ADMINISTRATOR, "se_roles_bernd",
                                       &error));
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* an administrator erases the person */
  carla = open_ok ("se_roles_carla");
  g_assert_cmpint (se_store_get_role (carla), ==, SE_STORE_ROLE_ADMINISTRATOR);
  g_assert_true (se_store_may_manage_privacy (carla));
  g_assert_true (se_privacy_erase_person (carla, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_as ("se_roles_owner", "SELECT count (*) FROM person"), ==, 0);
}

/* Without a role: refused at opening, with who can help */
static void
test_no_role (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SeStore) dora = open_as ("se_roles_dora", &error);

  g_assert_null (dora);
  g_assert_error (error, SE_STORE_ERROR, SE_STORE_ERROR_PERMISSION_DENIED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "--grant"));
}

/* Row-level security is on and forced on every table; a new role replaces
 * the old one */
static void
test_forced_and_changed (void)
{
  g_autoptr(SeStore) owner = open_ok ("se_roles_owner");
  g_autoptr(SeStore) bernd = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (se_store_get_role (owner), ==, SE_STORE_ROLE_ADMINISTRATOR);
  g_assert_cmpint (count_as ("se_roles_owner",
                             "SELECT count (*) FROM pg_class c JOIN pg_namespace n"
                             " ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
                             " AND c.relkind = 'r'"
                             " AND NOT (c.relrowsecurity AND c.relforcerowsecurity)"),
                   ==, 0);
  g_assert_cmpint (count_as ("se_roles_owner",
                             "SELECT count (*) FROM pg_class c JOIN pg_namespace n"
                             " ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
                             " AND c.relkind = 'r'"),
                   >, 10);

  g_assert_true (se_store_grant_role (owner, SE_STORE_ROLE_READER, "se_roles_bernd", &error));
  g_assert_no_error (error);
  bernd = open_ok ("se_roles_bernd");
  g_assert_cmpint (se_store_get_role (bernd), ==, SE_STORE_ROLE_READER);
  g_assert_true (se_store_is_read_only (bernd));
  g_clear_object (&bernd);
  g_assert_true (se_store_grant_role (owner, SE_STORE_ROLE_CLERK, "se_roles_bernd", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  set_up ();
  g_test_add_func ("/roles/reader", test_reader);
  g_test_add_func ("/roles/clerk", test_clerk);
  g_test_add_func ("/roles/no-role", test_no_role);
  g_test_add_func ("/roles/forced-and-changed", test_forced_and_changed);
  status = g_test_run ();
  tear_down ();
  return status;
}
