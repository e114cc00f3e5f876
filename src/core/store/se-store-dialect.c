/* se-store-dialect.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include "se-store-private.h"

/* Where the SQL of a file and of a server differ, the store's files ask
 * their store's dialect, chosen once at opening; they never test which
 * backend they talk to. Most statements are the same on both: SQLite
 * understands IS NOT DISTINCT FROM, TRUE, ON CONFLICT ... DO UPDATE and
 * the server's functions and collation of the schema stand in for
 * SQLite's (se-store-schema-pg.c). */

/* The counts kept by triggers (schema step 5): a count(*) would read
 * every row, 300,000 participants at the window's start. */
static char *
sqlite_dup_count (const char *table)
{
  return g_strdup_printf ("SELECT coalesce ((SELECT n FROM record_count WHERE record_table = '%s'),"
                          " (SELECT count(*) FROM %s))",
                          table, table);
}

/* No counter rows on a server (schema step 5) */
static char *
pg_dup_count (const char *table)
{
  return g_strdup_printf ("SELECT count(*) FROM %s", table);
}

static const SeStoreDialect sqlite_dialect = {
  .name = "sqlite",
  .dup_count = sqlite_dup_count,
  .bulk_begin = _se_store_bulk_begin_file,
  .bulk_end = _se_store_bulk_end_file,
  .bulk_insert = _se_store_bulk_insert_file,
  .copy_begin = _se_store_copy_begin_file,
  .copy_end = _se_store_copy_end_file,
  .dup_match = _se_store_dup_match,
  .dup_search_ids = _se_store_dup_search_ids_file,
  .search_in_list_order = TRUE,
  .data_version = "PRAGMA data_version",
  .compact_search = _se_store_compact_search_file,
};

static const SeStoreDialect pg_dialect = {
  .name = "postgresql",
  .dup_count = pg_dup_count,
  .bulk_begin = _se_store_bulk_begin_server,
  .bulk_end = _se_store_bulk_end_server,
  .bulk_insert = _se_store_bulk_insert_server,
  .bulk_flush = _se_store_bulk_flush_server,
  .dup_match = _se_store_dup_match_server,
  .dup_search_ids = _se_store_dup_search_ids_server,
  .search_in_list_order = FALSE,
  .copy_begin = _se_store_copy_begin_server,
  .copy_end = _se_store_copy_end_server,
  .after_ids = _se_store_after_ids_server,
  /* count(*) of 200,000 placements: 13 ms, the first page 0.3 ms */
  .count_after_first_page = TRUE,
  /* Every change to a record writes the audit trail, whose ids the server
   * never gives twice */
  .data_version = "SELECT coalesce (max (id), 0) FROM audit_log",
  /* A tsvector holds a row's words only: a changed row's old words are in
   * no piece to merge, and the server's vacuum frees the dead rows */
  .compact_search = NULL,
  .load_many = _se_store_load_many_server,
};

const SeStoreDialect *
_se_store_dialect (gboolean server)
{
  return server ? &pg_dialect : &sqlite_dialect;
}
