/* se-test-db.h
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* A test's database on either backend: a file in the test's directory,
 * or, when SE_TEST_BACKEND is "pg", a database of its own on the
 * PostgreSQL server of the run (tests/meson.build runs such a test a
 * second time that way, under tests/se-with-pg, which starts the server).
 * The store opens a server through the store's own header until the app
 * offers it. */

#include <unistd.h>

#include <libpq-fe.h>

#include "se-store-jobs.h"
#include "se-test-util.h"

typedef enum
{
  SE_TEST_SQLITE,
  SE_TEST_PG,
} SeTestBackend;

/* Moves the run's password (PGUSER's) from PGPASSWORD, which libpq would
 * send for any user, to a password file in @dir for PGUSER only: a role a
 * test makes then has a password that libpq does not know, and the
 * server asks for it. Returns the password, for
 * se_test_pg_restore_password (). */
static inline char *
se_test_pg_hide_password (const char *dir)
{
  char            *password = g_strdup (g_getenv ("PGPASSWORD"));
  g_autofree char *path = g_build_filename (dir, "pgpass", NULL);
  g_autofree char *line = g_strdup_printf ("*:*:*:%s:%s\n", g_getenv ("PGUSER"), password);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (password);
  if (!g_file_set_contents_full (path, line, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("%s", error->message);
  g_setenv ("PGPASSFILE", path, TRUE);
  g_unsetenv ("PGPASSWORD");
  return password;
}

static inline void
se_test_pg_restore_password (char *password)
{
  g_setenv ("PGPASSWORD", password, TRUE);
  g_unsetenv ("PGPASSFILE");
  g_free (password);
}

/* Runs @sql on the server's database @conninfo, which must take it */
static inline void
se_test_pg_run_in (const char *conninfo,
                   const char *sql)
{
  PGconn   *conn = PQconnectdb (conninfo);
  PGresult *res;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("no PostgreSQL server for the tests: %s", PQerrorMessage (conn));
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (res);
  PQfinish (conn);
}

static inline void
se_test_pg_run (const char *sql)
{
  se_test_pg_run_in ("dbname=postgres", sql);
}

/* Takes the database @conninfo back to the previous schema version
 * (tests/pg-previous-schema.sql) */
static inline void
se_test_pg_previous_schema (const char *conninfo)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "pg-previous-schema.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &sql, NULL, &error))
    g_error ("%s", error->message);
  se_test_pg_run_in (conninfo, sql);
}

static inline SeTestBackend
se_test_backend (void)
{
  return g_strcmp0 (g_getenv ("SE_TEST_BACKEND"), "pg") == 0 ? SE_TEST_PG : SE_TEST_SQLITE;
}

/* Where the test's database is: the file @file in @dir, or a conninfo */
static inline char *
se_test_db_new (const char *dir,
                const char *file)
{
  static guint     serial;
  g_autofree char *name = NULL;
  g_autofree char *create = NULL;

  if (se_test_backend () == SE_TEST_SQLITE)
    return g_build_filename (dir, file, NULL);

  name = g_strdup_printf ("se_test_%d_%u", (int) getpid (), ++serial);
  create = g_strdup_printf ("CREATE DATABASE %s", name);
  se_test_pg_run (create);
  return g_strdup_printf ("dbname=%s", name);
}

static inline void
se_test_db_free (char *location)
{
  if (g_str_has_prefix (location, "dbname="))
    {
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)",
                                               location + strlen ("dbname="));
      se_test_pg_run (drop);
    }
  g_free (location);
}

/* A fingerprint of everything stored: the file's bytes, or every row of
 * every table on the server (not the sequences, which a rolled back
 * insert moves on without storing anything). Equal before and after shows
 * that nothing was stored. */
static inline char *
se_test_db_checksum (const char *location)
{
  PGconn                       *conn;
  PGresult                     *tables;
  g_autoptr(GChecksum)          sum = NULL;

  if (!g_str_has_prefix (location, "dbname="))
    return se_test_file_checksum (location);

  conn = PQconnectdb (location);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  tables = PQexec (conn, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema ()"
                         " ORDER BY tablename");
  g_assert_cmpint (PQresultStatus (tables), ==, PGRES_TUPLES_OK);
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  for (int i = 0; i < PQntuples (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (string_agg (x::text, E'\\n'"
                                              " ORDER BY x::text), '') FROM %s x",
                                              PQgetvalue (tables, i, 0));
      PGresult *rows = PQexec (conn, sql);

      g_assert_cmpint (PQresultStatus (rows), ==, PGRES_TUPLES_OK);
      g_checksum_update (sum, (const guchar *) PQgetvalue (tables, i, 0), -1);
      g_checksum_update (sum, (const guchar *) PQgetvalue (rows, 0, 0), -1);
      PQclear (rows);
    }
  PQclear (tables);
  PQfinish (conn);
  return g_strdup (g_checksum_get_string (sum));
}

static inline SeStore *
se_test_db_open (const char      *location,
                 SeStoreOpenFlags flags,
                 GError         **error)
{
  if (g_str_has_prefix (location, "dbname="))
    return _se_store_open_server (location, flags, error);
  return se_store_open (location, flags, error);
}
