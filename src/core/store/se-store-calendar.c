/* se-store-calendar.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <stdio.h>

#include "se-placement.h"
#include "se-store-calendar.h"
#include "se-store-private.h"

/* A placement overlaps [from, to] when it starts by @to and ends on or
 * after @from. Neither index answers that alone: start_date <= to is every
 * placement before the range, end_date >= from every one after it. But no
 * placement lasts longer than the longest one, so one that overlaps starts
 * no earlier than from minus that many days: with that lower bound the
 * query is a range scan of placement_start, about the rows shown, and the
 * index's order (start date, then rowid = id) is the order wanted, without
 * a sort (?3 is that lower bound). The unary + keeps the planner off
 * placement_end, whose range (everything after @from) is the wrong one to
 * scan. */
#define BETWEEN_SQL \
  "SELECT id FROM placement" \
  " WHERE start_date BETWEEN ?3 AND ?2" \
  " AND +end_date >= ?1" \
  " ORDER BY start_date, id"

/* The longest placement takes a scan of the table (tens of milliseconds
 * for 200,000 placements), so it is kept until the database changes: this
 * connection's changes show in se_db_total_changes(), other
 * connections' in the dialect's data version (PRAGMA data_version in a
 * file). A stale bound would hide placements, so any change at all (an
 * audit row too) forgets it. */
#define LONGEST_SQL \
  "SELECT coalesce (max (CAST (julianday (end_date) - julianday (start_date) AS INTEGER)), 0)" \
  " FROM placement"

typedef struct
{
  gint64 total_changes;
  gint64 data_version;
  int           longest;
} Longest;

static gboolean
query_int (SeStore       *self,
           const char    *sql,
           gint64 *value,
           GError       **error)
{
  SeDbStmt *stmt = _se_store_prepare (self, sql, error);
  SeDbResult rc;

  if (stmt == NULL)
    return FALSE;
  rc = se_db_step (stmt);
  if (rc == SE_DB_ROW)
    *value = se_db_column_int64 (stmt, 0);
  else
    rc = se_db_get_result (_se_store_get_db (self));
  se_db_reset (stmt);
  if (rc != SE_DB_ROW)
    {
      _se_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The ISO date @days before @iso; "" (before every date) for one before
 * the year 2 (0000-01-01 stands for the beginning of time), NULL when
 * @iso is not a date (no placement overlaps a range that does not begin
 * on one) */
static char *
dup_days_before (const char *iso,
                 int         days)
{
  int   y, m, d;
  char  buf[16];
  GDate date;

  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
    return NULL;
  if (y < 2)
    return g_strdup ("");
  if (!g_date_valid_dmy (d, m, y))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  if ((guint) MAX (days, 0) >= g_date_get_julian (&date))
    return g_strdup ("");
  g_date_subtract_days (&date, MAX (days, 0));
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  return g_strdup (buf);
}

static gboolean
longest_placement (SeStore  *self,
                   int      *days,
                   GError  **error)
{
  static GQuark quark;
  SeDb *db = _se_store_get_db (self);
  Longest *cached;
  gint64 data_version = 0, longest = 0;

  if (quark == 0)
    quark = g_quark_from_static_string ("se-store-calendar-longest");
  if (!query_int (self, self->dialect->data_version, &data_version, error))
    return FALSE;

  cached = g_object_get_qdata (G_OBJECT (self), quark);
  if (cached != NULL && cached->total_changes == se_db_total_changes (db)
      && cached->data_version == data_version)
    {
      *days = cached->longest;
      return TRUE;
    }

  if (!query_int (self, LONGEST_SQL, &longest, error))
    return FALSE;
  cached = g_new (Longest, 1);
  cached->total_changes = se_db_total_changes (db);
  cached->data_version = data_version;
  cached->longest = (int) CLAMP (longest, 0, G_MAXINT);
  g_object_set_qdata_full (G_OBJECT (self), quark, cached, g_free);
  *days = cached->longest;
  return TRUE;
}

/**
 * se_store_find_placements_between:
 * @from_iso: the first day, "YYYY-MM-DD"
 * @to_iso: the last day, "YYYY-MM-DD"
 *
 * Returns: (transfer container) (element-type SePlacement) (nullable): the
 *   placements that run on at least one day from @from_iso to @to_iso
 *   (both included), by start date, then id; %NULL with @error set when
 *   the database cannot be read
 */
GPtrArray *
se_store_find_placements_between (SeStore     *self,
                                  const char  *from_iso,
                                  const char  *to_iso,
                                  GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autofree SeRecord **records = NULL;
  SeDbStmt *stmt;
  gboolean began;
  int longest = 0;
  SeDbResult rc;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);
  g_return_val_if_fail (from_iso != NULL && to_iso != NULL, NULL);

  if (_se_store_get_open_db (self, error) == NULL)
    return NULL;

  /* One read transaction: the bound and the rows of the same database */
  began = _se_store_read_begin (self);
  if (!longest_placement (self, &longest, error)
      || (stmt = _se_store_prepare (self, BETWEEN_SQL, error)) == NULL)
    {
      _se_store_read_end (self, began);
      return NULL;
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  se_db_bind_text_copy (stmt, 1, from_iso);
  se_db_bind_text_copy (stmt, 2, to_iso);
  {
    g_autofree char *earliest = dup_days_before (from_iso, longest);
    se_db_bind_text_copy (stmt, 3, earliest);
  }
  while ((rc = se_db_step (stmt)) == SE_DB_ROW)
    {
      gint64 id = se_db_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SE_DB_DONE)
    rc = se_db_get_result (_se_store_get_db (self));
  se_db_reset (stmt);
  if (rc != SE_DB_DONE)
    {
      _se_store_read_end (self, began);
      _se_store_set_error (self, rc, error);
      return NULL;
    }

  /* The records after the ids: a lookup prepares its own statements */
  records = g_new0 (SeRecord *, MAX (ids->len, 1));
  _se_store_lookup_many (self, SE_TYPE_PLACEMENT, (const gint64 *) ids->data, ids->len, records);
  _se_store_read_end (self, began);

  result = g_ptr_array_new_full (ids->len, g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    if (records[i] != NULL)
      g_ptr_array_add (result, records[i]);
  return g_steal_pointer (&result);
}
