/* se-store-query.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include "se-agreement.h"
#include "se-organisation.h"
#include "se-partnership.h"
#include "se-person.h"
#include "se-placement.h"
#include "se-store-private.h"

/* The SQL of the lazy list models (se-query-model.c): the ids of the rows
 * that pass the filters, in the order the window shows them, a page at a
 * time, and how many there are. Every sort and filter has an index (schema
 * version 4); the search goes through the FTS5 tables kept by triggers.
 *
 * Placements are sorted newest first. Their search table's rowid is that
 * order itself (the start date above the id, see se-store-schema.c), so
 * a search reads the first page straight off the doclist and never sorts
 * the matches. The id is the rowid's low 32 bits.
 *
 * The pages after the first start where the one before ended (keyset
 * paging): the rows whose sort key, as a row value, comes after the last
 * row's, read by its id, so that the database seeks in the index instead
 * of counting off the rows before. Each order therefore ends in the id and
 * has no NULL in its key. */

#define PLACEMENT_ID "(placement_search.rowid & 4294967295)"

typedef struct
{
  const char *table;
  const char *alias;
  const char *order;          /* ORDER BY without search */
  const char *key;            /* the same as a row value, without NULLs */
  gboolean    descending;     /* every part of the order is DESC */
  const char *organisation;   /* condition on ?6 */
  const char *year;           /* condition on ?4 (Y-01-01), ?5 (Y-12-31), ?7 (Y) */
  gboolean    has_kind;
  gboolean    has_status;
  gboolean    has_search;
} Shape;

static const Shape *
shape_of (GType type)
{
  static const Shape placement = {
    "placement",
    "p",
    "p.start_date DESC, p.id DESC",
    "p.start_date, p.id",
    TRUE,
    "p.id IN (SELECT placement_id FROM participant WHERE home_organisation_id = ?6"
    " UNION SELECT placement_id FROM participant WHERE host_organisation_id = ?6)",
    "p.start_date <= ?5 AND p.end_date >= ?4",
    TRUE,
    TRUE,
    TRUE,
  };
  static const Shape agreement = {
    "agreement",
    "a",
    "a.valid_until IS NULL, coalesce (a.valid_until, ''), a.title COLLATE NOCASE, a.id",
    "a.valid_until IS NULL, coalesce (a.valid_until, ''), a.title COLLATE NOCASE, a.id",
    FALSE,
    "(a.party_a_id = ?6 OR a.party_b_id = ?6)",
    "(a.valid_from IS NULL OR a.valid_from <= ?5)"
    " AND (a.valid_until IS NULL OR a.valid_until >= ?4)",
    TRUE,
    TRUE,
    TRUE,
  };
  /* A partnership without a title goes by its first organisation. */
#define PARTNERSHIP_KEY \
  "coalesce (nullif (ps.title, ''), (SELECT name FROM organisation" \
  " WHERE id = ps.organisation_a_id)) COLLATE NOCASE, ps.id"
  static const Shape partnership = {
    "partnership",
    "ps",
    PARTNERSHIP_KEY,
    PARTNERSHIP_KEY,
    FALSE,
    "(ps.organisation_a_id = ?6 OR ps.organisation_b_id = ?6)",
    "(ps.since IS NULL OR CAST (substr (ps.since, 1, 4) AS INTEGER) <= ?7)"
    " AND (ps.until IS NULL OR CAST (substr (ps.until, 1, 4) AS INTEGER) >= ?7)",
    TRUE,
    TRUE,
    TRUE,
  };
  static const Shape person = {
    "person",
    "pe",
    "pe.family_name COLLATE NOCASE, coalesce (pe.given_name, '') COLLATE NOCASE, pe.id",
    "pe.family_name COLLATE NOCASE, coalesce (pe.given_name, '') COLLATE NOCASE, pe.id",
    FALSE,
    "pe.organisation_id = ?6",
    NULL,
    FALSE,
    FALSE,
    TRUE,
  };
  static const Shape organisation = {
    "organisation",
    "o",
    "o.name COLLATE NOCASE, o.id",
    "o.name COLLATE NOCASE, o.id",
    FALSE,
    "(o.id = ?6 OR o.parent_id = ?6)",
    NULL,
    TRUE,
    FALSE,
    TRUE,
  };

  if (type == SE_TYPE_PLACEMENT)
    return &placement;
  if (type == SE_TYPE_AGREEMENT)
    return &agreement;
  if (type == SE_TYPE_PARTNERSHIP)
    return &partnership;
  if (type == SE_TYPE_PERSON)
    return &person;
  if (type == SE_TYPE_ORGANISATION)
    return &organisation;
  return NULL;
}

/**
 * _se_store_dup_match:
 * @search: what the user typed
 *
 * Returns: (nullable): an FTS5 query in which every word must match as the
 *   beginning of a word, or %NULL when @search holds no letter or digit.
 *   Each word is a quoted phrase, so that the user's quotes, stars and
 *   "OR" are text, not syntax; "O'Brien" becomes the phrase "o brien".
 */
char *
_se_store_dup_match (const char *search)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) match = g_string_new (NULL);

  if (search == NULL)
    return NULL;

  words = g_strsplit_set (search, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_alnum = FALSE;

      if (!g_utf8_validate (words[i], -1, NULL))
        continue;
      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        has_alnum |= g_unichar_isalnum (g_utf8_get_char (p));
      if (!has_alnum)
        continue;

      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append (match, "\"*");
    }

  return match->len > 0 ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}

/* The file's search (the dialect's): FTS5 */
char *
_se_store_dup_search_ids_file (const char *table)
{
  return g_strdup_printf ("SELECT rowid FROM %s_search WHERE %s_search MATCH ?1", table, table);
}

/* The server's: the tsvector of each record against the query the
 * schema's se_search_query () makes of the user's words, cut as the
 * words of the records are (se-store-schema-pg.c) */
char *
_se_store_dup_search_ids_server (const char *table)
{
  return g_strdup_printf ("SELECT id FROM %s_search WHERE words @@ se_search_query (?1)", table);
}

/* The server takes the user's words as they are: se_search_query ()
 * cuts them. NULL, as for the file, when they hold no letter or digit. */
char *
_se_store_dup_match_server (const char *search)
{
  g_autofree char *file = _se_store_dup_match (search);

  return file != NULL ? g_strdup (search) : NULL;
}

static gboolean
is_filtered (const Shape       *shape,
             const SeQuerySpec *spec)
{
  return (spec->kind != NULL && shape->has_kind)
         || (spec->status != NULL && shape->has_status)
         || (spec->year != 0 && shape->year != NULL)
         || (spec->organisation_id != 0 && shape->organisation != NULL);
}

/* The FROM and WHERE of a query, with its parameters ?1..?7. */
static char *
from_where (SeStore           *self,
            const Shape       *shape,
            const SeQuerySpec *spec,
            gboolean           searching,
            gboolean          *fts_order)
{
  GString *sql = g_string_new (NULL);
  gboolean placement_fts = searching && self->dialect->search_in_list_order
                           && g_str_equal (shape->table, "placement");
  gboolean filtered = is_filtered (shape, spec);

  *fts_order = placement_fts;

  if (placement_fts && !filtered)
    g_string_append (sql, " FROM placement_search WHERE placement_search MATCH ?1");
  else if (placement_fts)
    g_string_append (sql, " FROM placement_search JOIN placement p ON p.id = " PLACEMENT_ID
                          " WHERE placement_search MATCH ?1");
  else
    {
      g_string_append_printf (sql, " FROM %s %s WHERE TRUE", shape->table, shape->alias);
      if (searching)
        {
          g_autofree char *found = self->dialect->dup_search_ids (shape->table);
          g_string_append_printf (sql, " AND %s.id IN (%s)", shape->alias, found);
        }
    }

  if (spec->kind != NULL && shape->has_kind)
    g_string_append_printf (sql, " AND %s.kind = ?2", shape->alias);
  if (spec->status != NULL && shape->has_status)
    g_string_append_printf (sql, " AND %s.status = ?3", shape->alias);
  if (spec->year != 0 && shape->year != NULL)
    g_string_append_printf (sql, " AND %s", shape->year);
  if (spec->organisation_id != 0 && shape->organisation != NULL)
    g_string_append_printf (sql, " AND %s", shape->organisation);

  return g_string_free (sql, FALSE);
}

static void
bind_spec (SeDbStmt          *stmt,
           const SeQuerySpec *spec,
           const char        *match)
{
  char first[16], last[16];

  g_snprintf (first, sizeof first, "%04d-01-01", spec->year);
  g_snprintf (last, sizeof last, "%04d-12-31", spec->year);

  /* Parameters the statement does not use are ignored by SQLite. */
  se_db_bind_text_copy (stmt, 1, match);
  se_db_bind_text_copy (stmt, 2, spec->kind);
  se_db_bind_text_copy (stmt, 3, spec->status);
  se_db_bind_text_copy (stmt, 4, first);
  se_db_bind_text_copy (stmt, 5, last);
  se_db_bind_int64 (stmt, 6, spec->organisation_id);
  se_db_bind_int64 (stmt, 7, spec->year);
}

/* Any other kind of record: all of them by id, without search. */
static const Shape *
plain_shape (GType  type,
             Shape *shape)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  *shape = (Shape) { se_record_class_get_table (SE_RECORD_CLASS (klass)), "t", "t.id", "t.id",
                     FALSE, NULL, NULL, FALSE, FALSE, FALSE };
  return shape;
}

static gboolean
step_error (SeStore   *self,
            SeDbStmt  *stmt,
            SeDbResult rc,
            GError   **error)
{
  se_db_reset (stmt);
  _se_store_set_error (self, rc, error);
  return FALSE;
}

/* The condition on ?9 that keeps the rows after the one with that id. */
static char *
after_row (const Shape *shape,
           gboolean     fts_order)
{
  if (fts_order)
    return g_strdup (" AND placement_search.rowid < (SELECT " SE_STORE_PLACEMENT_SEARCH_KEY ("p") " FROM placement p WHERE p.id = ?9)");
  /* The alias inside is the row read by its id, outside the row compared */
  return g_strdup_printf (" AND (%s) %s (SELECT %s FROM %s %s WHERE %s.id = ?9)", shape->key,
                          shape->descending ? "<" : ">", shape->key, shape->table,
                          shape->alias, shape->alias);
}

/**
 * _se_store_query_ids:
 * @after_id: the id of the last row of the page before; 0 for the first
 * @limit: how many rows at most; 0 for all
 * @ids: (element-type gint64): where the ids are appended
 *
 * Appends the ids of the rows @spec describes, in the list's order: the
 * first @limit ones, or those after the row with the id @after_id. When
 * that row is gone (deleted since), there are none: the change that
 * deleted it reloads the list.
 */
gboolean
_se_store_query_ids (SeStore           *self,
                     const SeQuerySpec *spec,
                     gint64             after_id,
                     guint              limit,
                     GArray            *ids,
                     GError           **error)
{
  Shape plain;
  const Shape *shape = shape_of (spec->type);
  g_autofree char *match = NULL;
  g_autofree char *where = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  gboolean fts_order;
  SeDbStmt *stmt;
  SeDbResult rc;

  if (shape == NULL)
    shape = plain_shape (spec->type, &plain);
  if (shape->has_search)
    match = self->dialect->dup_match (spec->search);

  where = from_where (self, shape, spec, match != NULL, &fts_order);
  after = after_id != 0 ? after_row (shape, fts_order) : g_strdup ("");
  if (fts_order)
    sql = g_strdup_printf ("SELECT " PLACEMENT_ID "%s%s ORDER BY placement_search.rowid DESC"
                           " LIMIT ?8",
                           where, after);
  else
    sql = g_strdup_printf ("SELECT %s.id%s%s ORDER BY %s LIMIT ?8",
                           shape->alias, where, after, shape->order);

  stmt = _se_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_spec (stmt, spec, match);
  /* No limit is the largest one: SQLite's -1 is an error on a server */
  se_db_bind_int64 (stmt, 8, limit == 0 ? G_MAXINT64 : (gint64) limit);
  se_db_bind_int64 (stmt, 9, after_id);

  while ((rc = se_db_step (stmt)) == SE_DB_ROW)
    {
      gint64 id = se_db_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SE_DB_DONE)
    return step_error (self, stmt, rc, error);
  se_db_reset (stmt);
  return TRUE;
}

/* How many rows @spec describes. */
gboolean
_se_store_query_count (SeStore            *self,
                       const SeQuerySpec  *spec,
                       guint              *count,
                       GError            **error)
{
  Shape plain;
  const Shape *shape = shape_of (spec->type);
  g_autofree char *match = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  gboolean fts_order;
  SeDbStmt *stmt;
  SeDbResult rc;

  if (shape == NULL)
    shape = plain_shape (spec->type, &plain);
  if (shape->has_search)
    match = self->dialect->dup_match (spec->search);

  /* The whole kind: as se_store_count () counts it (schema version 5) */
  if (match == NULL && !is_filtered (shape, spec))
    {
      g_autofree char *all = self->dialect->dup_count (shape->table);

      stmt = _se_store_prepare (self, all, error);
      if (stmt == NULL)
        return FALSE;
      rc = se_db_step (stmt);
      if (rc != SE_DB_ROW)
        return step_error (self, stmt, rc, error);
      *count = (guint) se_db_column_int64 (stmt, 0);
      se_db_reset (stmt);
      return TRUE;
    }

  /* A search alone: its search table has a row per record, so the
   * matches are counted there, without reading the ids of the whole kind
   * (on a server, that read all 200,000 placements for "d") */
  if (match != NULL && !is_filtered (shape, spec))
    {
      g_autofree char *found = self->dialect->dup_search_ids (shape->table);
      sql = g_strdup_printf ("SELECT count(*) FROM (%s) found", found);
    }
  else
    {
      where = from_where (self, shape, spec, match != NULL, &fts_order);
      sql = g_strdup_printf ("SELECT count(*)%s", where);
    }

  stmt = _se_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_spec (stmt, spec, match);

  rc = se_db_step (stmt);
  if (rc != SE_DB_ROW)
    return step_error (self, stmt, rc, error);
  *count = (guint) se_db_column_int64 (stmt, 0);
  se_db_reset (stmt);
  return TRUE;
}
