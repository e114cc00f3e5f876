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

typedef enum
{
  SE_TEST_SQLITE,
  SE_TEST_PG,
} SeTestBackend;

static inline void
se_test_pg_run (const char *sql)
{
  PGconn   *conn = PQconnectdb ("dbname=postgres");
  PGresult *res;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("no PostgreSQL server for the tests: %s", PQerrorMessage (conn));
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (res);
  PQfinish (conn);
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

static inline SeStore *
se_test_db_open (const char      *location,
                 SeStoreOpenFlags flags,
                 GError         **error)
{
  if (g_str_has_prefix (location, "dbname="))
    return _se_store_open_server (location, flags, error);
  return se_store_open (location, flags, error);
}
