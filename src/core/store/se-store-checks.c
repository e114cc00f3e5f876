/* se-store-checks.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "se-date.h"
#include "se-enums.h"
#include "se-error.h"
#include "se-store-checks.h"
#include "se-store-private.h"

/* The SQL of the consistency checks. Dismissals are not records: they have
 * no class, no list and do not emit SeStore::changed; whoever dismisses a
 * finding runs the checks again. A dismissal names its record by table and
 * id; triggers (schema version 2) delete it with the record. */

static const char *
table_of (GType record_type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);

  /* Record classes stay loaded: the name outlives the reference. */
  return se_record_class_get_table (SE_RECORD_CLASS (klass));
}

static gboolean
check_open (SeStore  *self,
            GError  **error)
{
  if (_se_store_get_db (self) != NULL)
    return TRUE;

  g_set_error_literal (error, SE_STORE_ERROR, SE_STORE_ERROR_FAILED,
                       _("The database is closed. Open it again."));
  return FALSE;
}

/* Runs one statement that changes the dismissal table, in the caller's
 * transaction or in one of its own. */
static gboolean
write_dismissal (SeStore      *self,
                 const char   *sql,
                 SeCheckRule   rule,
                 GType         record_type,
                 gint64        record_id,
                 GError      **error)
{
  gboolean own = !se_store_in_transaction (self);
  SeDb *db;
  SeDbStmt *stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  SeDbResult rc;

  if (!check_open (self, error))
    return FALSE;
  if (own && !se_store_begin (self, error))
    return FALSE;

  db = _se_store_get_db (self);
  rc = se_db_prepare (db, sql, FALSE, &stmt);
  if (rc == SE_DB_OK)
    {
      se_db_bind_text (stmt, 1, se_enum_get_nick (SE_TYPE_CHECK_RULE, rule));
      se_db_bind_text (stmt, 2, table_of (record_type));
      se_db_bind_int64 (stmt, 3, record_id);
      if (se_db_parameter_count (stmt) >= 4)
        se_db_bind_text (stmt, 4, today);
      rc = se_db_step (stmt);
      if (rc == SE_DB_DONE)
        rc = SE_DB_OK;
      else
        rc = se_db_get_result (db);
    }
  se_db_stmt_free (stmt);

  if (rc != SE_DB_OK)
    {
      _se_store_set_error (self, rc, error);
      if (own)
        se_store_rollback (self);
      return FALSE;
    }

  return own ? se_store_commit (self, error) : TRUE;
}

/**
 * se_store_dismiss_finding:
 * @self: a store
 * @rule: the rule whose finding the user dismissed
 * @record_type: the kind of record the finding is about
 * @record_id: that record
 * @error: a store error
 *
 * Remembers that the user does not want to see what @rule finds about the
 * record any more, until se_store_undismiss(). Dismissing twice is not an
 * error.
 */
gboolean
se_store_dismiss_finding (SeStore      *self,
                          SeCheckRule   rule,
                          GType         record_type,
                          gint64        record_id,
                          GError      **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), FALSE);

  return write_dismissal (self,
                          "INSERT INTO dismissal (rule, record_table, record_id, dismissed_on) "
                          "VALUES (?1, ?2, ?3, ?4) "
                          "ON CONFLICT (rule, record_table, record_id) DO NOTHING",
                          rule, record_type, record_id, error);
}

gboolean
se_store_undismiss (SeStore      *self,
                    SeCheckRule   rule,
                    GType         record_type,
                    gint64        record_id,
                    GError      **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), FALSE);

  return write_dismissal (self,
                          "DELETE FROM dismissal "
                          "WHERE rule = ?1 AND record_table = ?2 AND record_id = ?3",
                          rule, record_type, record_id, error);
}

gboolean
se_store_is_dismissed (SeStore      *self,
                       SeCheckRule   rule,
                       GType         record_type,
                       gint64        record_id)
{
  SeDb *db;
  SeDbStmt *stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), FALSE);

  db = _se_store_get_db (self);
  if (db == NULL)
    return FALSE;

  if (se_db_prepare (db,
                     "SELECT 1 FROM dismissal "
                     "WHERE rule = ?1 AND record_table = ?2 AND record_id = ?3",
                     FALSE, &stmt) == SE_DB_OK)
    {
      se_db_bind_text (stmt, 1, se_enum_get_nick (SE_TYPE_CHECK_RULE, rule));
      se_db_bind_text (stmt, 2, table_of (record_type));
      se_db_bind_int64 (stmt, 3, record_id);
      found = se_db_step (stmt) == SE_DB_ROW;
    }
  se_db_stmt_free (stmt);

  return found;
}

/**
 * se_store_dismissal_key:
 *
 * Returns: (transfer full): the key se_store_get_dismissals() uses for a
 *   dismissal: "rule-nick:table:id"
 */
char *
se_store_dismissal_key (SeCheckRule  rule,
                        const char  *record_table,
                        gint64       record_id)
{
  return g_strdup_printf ("%s:%s:%" G_GINT64_FORMAT,
                          se_enum_get_nick (SE_TYPE_CHECK_RULE, rule), record_table, record_id);
}

/**
 * se_store_get_dismissals:
 *
 * Returns: (transfer full) (nullable): a set of se_store_dismissal_key()s,
 *   or %NULL with @error set
 */
GHashTable *
se_store_get_dismissals (SeStore  *self,
                         GError  **error)
{
  g_autoptr(GHashTable) keys = NULL;
  SeDb *db;
  SeDbStmt *stmt = NULL;
  SeDbResult rc;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  db = _se_store_get_db (self);
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rc = se_db_prepare (db, "SELECT rule, record_table, record_id FROM dismissal", FALSE, &stmt);
  while (rc == SE_DB_OK && (rc = se_db_step (stmt)) == SE_DB_ROW)
    {
      g_hash_table_add (keys, g_strdup_printf ("%s:%s:%" G_GINT64_FORMAT,
                                               se_db_column_text (stmt, 0),
                                               se_db_column_text (stmt, 1),
                                               (gint64) se_db_column_int64 (stmt, 2)));
      rc = SE_DB_OK;
    }
  if (rc != SE_DB_DONE)
    rc = se_db_get_result (db);
  se_db_stmt_free (stmt);

  if (rc != SE_DB_DONE)
    {
      _se_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

/* The queries of the rules */

/* A text column as a record holds it: an empty text is no text. */
static const char *
text (SeDbStmt *stmt,
      int       col)
{
  const char *t = se_db_column_text (stmt, col);

  return t != NULL && *t != '\0' ? t : NULL;
}

/* A query of ids, one a row, in column 0. */
static gboolean
foreach_id (SeStore      *self,
            SeDbStmt     *stmt,
            SeStoreIdFunc func,
            gpointer      user_data,
            GError      **error)
{
  gboolean ok = FALSE;

  if (stmt == NULL)
    return FALSE;
  while (_se_store_query_next (self, stmt, &ok, error))
    func (se_db_column_int64 (stmt, 0), user_data);
  return ok;
}

/* A query of ids with two days to bind, ?1 and ?2 */
static gboolean
foreach_id_between (SeStore        *self,
                    const char     *sql,
                    const char     *first_day,
                    const char     *last_day,
                    SeStoreIdFunc   func,
                    gpointer        user_data,
                    GError        **error)
{
  SeDbStmt *stmt = _se_store_query_begin (self, sql, error);

  if (stmt != NULL)
    {
      se_db_bind_text_copy (stmt, 1, first_day);
      se_db_bind_text_copy (stmt, 2, last_day);
    }
  return foreach_id (self, stmt, func, user_data, error);
}

/* A placement, not cancelled, in se_store_foreach_overlap(); its dates
 * are held in a string chunk, where each day is held once. */
typedef struct
{
  gint64      id;
  const char *start;
  const char *end;
} Period;

/* A person taking part in the placement periods[index] */
typedef struct
{
  gint64 person_id;
  guint  index;
} Taking;

static int
compare_takings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Taking *x = a, *y = b;
  const Period *periods = user_data;
  const Period *p = &periods[x->index], *q = &periods[y->index];
  int c;

  if (x->person_id != y->person_id)
    return x->person_id < y->person_id ? -1 : 1;
  c = strcmp (p->start, q->start);
  if (c != 0)
    return c;
  return p->id < q->id ? -1 : p->id > q->id;
}

static const Period *
find_period (GArray *periods,
             gint64  id)
{
  guint lo = 0, hi = periods->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Period *p = &g_array_index (periods, Period, mid);

      if (p->id == id)
        return p;
      if (p->id < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static char *
dup_title (SeDbStmt *title_stmt,
           gint64    id)
{
  char *title = NULL;

  se_db_bind_int64 (title_stmt, 1, id);
  if (se_db_step (title_stmt) == SE_DB_ROW)
    title = g_strdup (text (title_stmt, 0));
  se_db_reset (title_stmt);
  return title;
}

/* Reports the overlaps among one person's placements, takings[from..to),
 * ordered by start and id: each with those after it that start before it
 * ends. */
static void
sweep_person (SeDbStmt          *title_stmt,
              const Period      *periods,
              const Taking      *takings,
              guint              from,
              guint              to,
              SeStoreOverlapFunc func,
              gpointer           user_data)
{
  for (guint i = from; i < to; i++)
    {
      const Period *a = &periods[takings[i].index];
      g_autofree char *title_a = NULL;

      /* A person twice in one placement takes part once. */
      if (i > from && takings[i - 1].index == takings[i].index)
        continue;

      for (guint j = i + 1; j < to; j++)
        {
          const Period *b = &periods[takings[j].index];
          g_autofree char *title_b = NULL;
          SeStoreOverlap o = { takings[i].person_id, a->id, b->id, NULL, a->start, a->end,
                               NULL, b->start, b->end };

          if (strcmp (b->start, a->end) > 0)
            break;
          if (takings[j - 1].index == takings[j].index)
            continue;

          if (title_a == NULL)
            title_a = dup_title (title_stmt, a->id);
          title_b = dup_title (title_stmt, b->id);
          o.title_a = title_a;
          o.title_b = title_b;
          func (&o, user_data);
        }
    }
}

/**
 * se_store_foreach_overlap:
 *
 * Finds every person who takes part, in any role, in two placements that
 * share at least one day. Dates are whole days, both ends included: a
 * placement that ends on the 4th and one that starts on the 4th overlap;
 * one that starts on the 5th does not. Cancelled placements do not count.
 * Each pair comes once, the placement that starts first (the lower id on a
 * tie) as @placement_a, ordered by person, then by the dates and ids of
 * @placement_a and @placement_b.
 *
 * A self-join of the participants on the person looks a placement up per
 * pair, at random places in the file, and SQLite's sort of all
 * participations by person costs as much again. Instead the placements'
 * dates and the participations are each read once in the tables' order,
 * compactly (ids, and each day's text once), sorted in memory and each
 * person's few placements swept.
 */
gboolean
se_store_foreach_overlap (SeStore             *self,
                          SeStoreOverlapFunc   func,
                          gpointer             user_data,
                          GError             **error)
{
  SeDbStmt *stmt, *title_stmt;
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GArray) takings = NULL;
  GStringChunk *days = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  /* NOT INDEXED and the unary + keep SQLite from reading the placements
   * through the status index, in random order of rows. */
  stmt = _se_store_query_begin (self,
    "SELECT id, start_date, end_date FROM placement NOT INDEXED"
    " WHERE +status <> 'cancelled' AND start_date IS NOT NULL AND end_date IS NOT NULL"
    " ORDER BY id",
    error);
  if (stmt == NULL)
    return FALSE;
  days = g_string_chunk_new (4096);
  periods = g_array_new (FALSE, FALSE, sizeof (Period));
  while (_se_store_query_next (self, stmt, &ok, error))
    {
      Period p = {
        se_db_column_int64 (stmt, 0),
        g_string_chunk_insert_const (days, se_db_column_text (stmt, 1)),
        g_string_chunk_insert_const (days, se_db_column_text (stmt, 2)),
      };
      g_array_append_val (periods, p);
    }

  if (ok)
    stmt = _se_store_query_begin (self, "SELECT person_id, placement_id FROM participant", error);
  else
    stmt = NULL;
  ok = FALSE;
  takings = g_array_new (FALSE, FALSE, sizeof (Taking));
  while (stmt != NULL && _se_store_query_next (self, stmt, &ok, error))
    {
      const Period *p = find_period (periods, se_db_column_int64 (stmt, 1));
      Taking t = { se_db_column_int64 (stmt, 0), 0 };

      if (p == NULL)
        continue;
      t.index = (guint) (p - &g_array_index (periods, Period, 0));
      g_array_append_val (takings, t);
    }

  title_stmt = ok ? _se_store_query_begin (self, "SELECT title FROM placement WHERE id = ?1",
                                           error)
                  : NULL;
  if (title_stmt != NULL)
    {
      const Taking *all = (const Taking *) (gpointer) takings->data;
      guint from = 0;

      g_array_sort_with_data (takings, compare_takings, periods->data);
      for (guint i = 1; i <= takings->len; i++)
        if (i == takings->len || all[i].person_id != all[from].person_id)
          {
            sweep_person (title_stmt, (const Period *) (gpointer) periods->data, all, from, i,
                          func, user_data);
            from = i;
          }
      se_db_stmt_free (title_stmt);
    }
  else
    ok = FALSE;

  g_string_chunk_free (days);
  return ok;
}

/**
 * se_store_foreach_placement:
 *
 * Every placement, not cancelled, ordered by id, with what the rules read
 * of it: its agreement, its partnership and its participants.
 *
 * One pass over the placements in the table's order serves all the rules
 * about a placement, instead of one query a rule, each reading the
 * placements again. The participants come from a second statement walked
 * alongside, in the order of participant_placement's index, so that each
 * row of the first stays valid while its participants are gathered: only
 * one placement's participants are held at a time.
 */
gboolean
se_store_foreach_placement (SeStore               *self,
                            SeStorePlacementFunc   func,
                            gpointer               user_data,
                            GError               **error)
{
  SeDbStmt *stmt, *part;
  g_autoptr(GArray) participants = NULL;
  g_autoptr(GError) part_error = NULL;
  gboolean ok = FALSE, part_ok = TRUE, part_row;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  /* NOT INDEXED and the unary + keep SQLite from reading the placements
   * through the status index, in random order of rows. */
  /* clang-format off */
  stmt = _se_store_query_begin (self,
    "SELECT p.id, p.title, p.start_date, p.end_date, p.kind,"
    "   p.confidential <> 0 OR coalesce (a.confidential, 0) <> 0,"
    "   CASE WHEN (p.confidential <> 0 OR coalesce (a.confidential, 0) <> 0)"
    "     AND EXISTS (SELECT 1 FROM prerequisite r"
    "                 WHERE r.placement_id = p.id AND r.kind = 'non-disclosure'"
    "                   AND r.fulfilled_on IS NOT NULL AND r.fulfilled_on <> ''"
    "                   AND r.fulfilled_on <= p.start_date)"
    "   THEN 1 ELSE 0 END,"
    "   a.id, a.title, a.valid_from, a.valid_until, a.quota_placements, a.quota_days,"
    "   a.party_a_id, a.party_b_id, t.id, t.title, t.since, t.until,"
    "   p.status IN ('proposed', 'approved')"
    " FROM placement p NOT INDEXED"
    " LEFT JOIN agreement a ON a.id = p.agreement_id"
    " LEFT JOIN partnership t ON t.id = coalesce (nullif (p.partnership_id, 0), a.partnership_id)"
    " WHERE +p.status <> 'cancelled'"
    " ORDER BY p.id",
    error);
  /* clang-format on */
  if (stmt == NULL)
    return FALSE;
  part = _se_store_query_begin (self,
    "SELECT placement_id, id, person_id, role, home_organisation_id, host_organisation_id"
    " FROM participant INDEXED BY participant_placement"
    " ORDER BY placement_id, id",
    error);
  if (part == NULL)
    {
      se_db_stmt_free (stmt);
      return FALSE;
    }

  participants = g_array_new (FALSE, FALSE, sizeof (SeStoreParticipant));
  part_row = _se_store_query_next (self, part, &part_ok, &part_error);
  while (_se_store_query_next (self, stmt, &ok, error))
    {
      SeStorePlacement row = {
        se_db_column_int64 (stmt, 0), text (stmt, 1), text (stmt, 2), text (stmt, 3),
        FALSE, se_db_column_int64 (stmt, 5) != 0,
        se_db_column_int64 (stmt, 6) != 0,
        se_db_column_int64 (stmt, 7), text (stmt, 8), text (stmt, 9), text (stmt, 10),
        (int) se_db_column_int64 (stmt, 11), (int) se_db_column_int64 (stmt, 12),
        se_db_column_int64 (stmt, 13), se_db_column_int64 (stmt, 14),
        se_db_column_int64 (stmt, 15), text (stmt, 16), text (stmt, 17), text (stmt, 18),
        NULL, 0, se_db_column_int64 (stmt, 19) != 0,
      };
      int kind = 0;

      /* The kinds that need a mentor are decided in C, in one place. */
      row.needs_mentor = se_enum_from_nick (SE_TYPE_PLACEMENT_KIND,
                                            se_db_column_text (stmt, 4), &kind)
                         && se_placement_kind_needs_mentor ((SePlacementKind) kind);

      g_array_set_size (participants, 0);
      /* The participants of cancelled placements are passed over. */
      while (part_row && se_db_column_int64 (part, 0) <= row.id)
        {
          if (se_db_column_int64 (part, 0) == row.id)
            {
              int role = SE_PARTICIPANT_ROLE_GUEST;
              SeStoreParticipant p = {
                se_db_column_int64 (part, 1), se_db_column_int64 (part, 2),
                SE_PARTICIPANT_ROLE_GUEST,
                se_db_column_int64 (part, 4), se_db_column_int64 (part, 5),
              };

              se_enum_from_nick (SE_TYPE_PARTICIPANT_ROLE,
                                 se_db_column_text (part, 3), &role);
              p.role = (SeParticipantRole) role;
              g_array_append_val (participants, p);
            }
          part_row = _se_store_query_next (self, part, &part_ok, &part_error);
        }

      row.participants = (const SeStoreParticipant *) (gpointer) participants->data;
      row.n_participants = participants->len;
      func (&row, user_data);
    }

  /* query_next() finalised it when it ran out; not otherwise. */
  if (part_row)
    se_db_stmt_free (part);
  if (ok && !part_ok)
    {
      g_propagate_error (error, g_steal_pointer (&part_error));
      ok = FALSE;
    }
  return ok;
}

/**
 * se_store_foreach_signed_declaration:
 *
 * The signatures of the signed agreements of kind non-disclosure: one row
 * per signatory with a date.
 */
gboolean
se_store_foreach_signed_declaration (SeStore                 *self,
                                     SeStoreDeclarationFunc   func,
                                     gpointer                 user_data,
                                     GError                 **error)
{
  SeDbStmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  stmt = _se_store_query_begin (self,
    "SELECT a.id, a.party_a_id, a.party_b_id, a.valid_until, s.party, s.signed_on"
    " FROM agreement a JOIN signatory s ON s.agreement_id = a.id"
    " WHERE a.kind = 'non-disclosure' AND a.status = 'signed'"
    "   AND s.signed_on IS NOT NULL AND s.signed_on <> ''"
    " ORDER BY a.id, s.id",
    error);
  if (stmt == NULL)
    return FALSE;

  while (_se_store_query_next (self, stmt, &ok, error))
    {
      int party = SE_PARTY_FIRST;
      SeStoreDeclaration row = { 0 };

      se_enum_from_nick (SE_TYPE_PARTY, se_db_column_text (stmt, 4), &party);
      row.agreement_id = se_db_column_int64 (stmt, 0);
      row.party_a_id = se_db_column_int64 (stmt, 1);
      row.party_b_id = se_db_column_int64 (stmt, 2);
      row.valid_until = text (stmt, 3);
      row.party = (SeParty) party;
      row.signed_on = text (stmt, 5);
      func (&row, user_data);
    }
  return ok;
}

/**
 * se_store_foreach_organisation_parent:
 *
 * Every organisation that has a parent, with that parent's id.
 */
gboolean
se_store_foreach_organisation_parent (SeStore            *self,
                                      SeStoreIdPairFunc   func,
                                      gpointer            user_data,
                                      GError            **error)
{
  SeDbStmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  stmt = _se_store_query_begin (self, "SELECT id, parent_id FROM organisation"
                                      " WHERE parent_id IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while (_se_store_query_next (self, stmt, &ok, error))
    func (se_db_column_int64 (stmt, 0), se_db_column_int64 (stmt, 1), user_data);
  return ok;
}

/**
 * se_store_foreach_expiring_agreement:
 *
 * The signed agreements whose valid-until lies between @first_day and
 * @last_day, both included, ordered by id.
 */
gboolean
se_store_foreach_expiring_agreement (SeStore        *self,
                                     const char     *first_day,
                                     const char     *last_day,
                                     SeStoreIdFunc   func,
                                     gpointer        user_data,
                                     GError        **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return foreach_id_between (self, "SELECT id FROM agreement"
                                   " WHERE status = 'signed' AND valid_until BETWEEN ?1 AND ?2"
                                   " ORDER BY id", first_day, last_day, func, user_data, error);
}

/**
 * se_store_foreach_starting_placement:
 *
 * The proposed or approved placements that start between @first_day and
 * @last_day, both included, ordered by id.
 */
gboolean
se_store_foreach_starting_placement (SeStore        *self,
                                     const char     *first_day,
                                     const char     *last_day,
                                     SeStoreIdFunc   func,
                                     gpointer        user_data,
                                     GError        **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  return foreach_id_between (self, "SELECT id FROM placement"
                                   " WHERE status IN ('proposed', 'approved')"
                                   "   AND start_date BETWEEN ?1 AND ?2"
                                   " ORDER BY id", first_day, last_day, func, user_data, error);
}

/**
 * se_store_foreach_lone_partnership:
 *
 * The active partnerships without agreement, ordered by id: no agreement
 * refers to them or to a partnership inside them (children, up to eight
 * generations down, a guard against a loop of parents), and none is made
 * between their two organisations.
 */
gboolean
se_store_foreach_lone_partnership (SeStore        *self,
                                   SeStoreIdFunc   func,
                                   gpointer        user_data,
                                   GError        **error)
{
  g_return_val_if_fail (SE_IS_STORE (self), FALSE);

  /* clang-format off */
  return foreach_id (self,
    _se_store_query_begin (self,
      "WITH RECURSIVE lone (id, a, b) AS ("
      "   SELECT t.id, t.organisation_a_id, t.organisation_b_id FROM partnership t"
      "   WHERE t.status = 'active'"
      "     AND NOT EXISTS (SELECT 1 FROM agreement g"
      "                     WHERE (g.party_a_id = t.organisation_a_id"
      "                            AND g.party_b_id = t.organisation_b_id)"
      "                        OR (g.party_a_id = t.organisation_b_id"
      "                            AND g.party_b_id = t.organisation_a_id))),"
      " inside (root, id, depth) AS ("
      "   SELECT id, id, 0 FROM lone"
      "   UNION ALL"
      "   SELECT inside.root, c.id, inside.depth + 1"
      "   FROM inside JOIN partnership c ON c.parent_id = inside.id"
      "   WHERE inside.depth < 8)"
      " SELECT root FROM inside"
      " GROUP BY root"
      " HAVING max (CASE WHEN EXISTS (SELECT 1 FROM agreement g"
      "                               WHERE g.partnership_id = inside.id) THEN 1 ELSE 0 END) = 0"
      " ORDER BY root",
      error),
    func, user_data, error);
  /* clang-format on */
}
