/* se-store-checks.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int rc;

  if (!check_open (self, error))
    return FALSE;
  if (own && !se_store_begin (self, error))
    return FALSE;

  db = _se_store_get_db (self);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, se_enum_get_nick (SE_TYPE_CHECK_RULE, rule), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, table_of (record_type), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, record_id);
      if (sqlite3_bind_parameter_count (stmt) >= 4)
        sqlite3_bind_text (stmt, 4, today, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      else
        rc = sqlite3_extended_errcode (db);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
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
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (SE_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (record_type, SE_TYPE_RECORD), FALSE);

  db = _se_store_get_db (self);
  if (db == NULL)
    return FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM dismissal "
                              "WHERE rule = ?1 AND record_table = ?2 AND record_id = ?3",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, se_enum_get_nick (SE_TYPE_CHECK_RULE, rule), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, table_of (record_type), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, record_id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);

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
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  db = _se_store_get_db (self);
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rc = sqlite3_prepare_v2 (db, "SELECT rule, record_table, record_id FROM dismissal",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_hash_table_add (keys, g_strdup_printf ("%s:%s:%" G_GINT64_FORMAT,
                                               (const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1),
                                               (gint64) sqlite3_column_int64 (stmt, 2)));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    rc = sqlite3_extended_errcode (db);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _se_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

/**
 * se_store_find_overlapping_placements:
 *
 * Finds every person who takes part, in any role, in two placements that
 * share at least one day. Dates are whole days, both ends included: a
 * placement that ends on the 4th and one that starts on the 4th overlap;
 * one that starts on the 5th does not. Cancelled placements do not count.
 *
 * The self-join runs on the participant_person index, so its cost grows
 * with the number of placements per person, not with the square of all.
 *
 * Returns: (transfer full) (element-type SeStoreOverlap) (nullable): the
 *   pairs, ordered by person and dates, or %NULL with @error set
 */
GArray *
se_store_find_overlapping_placements (SeStore  *self,
                                      GError  **error)
{
  g_autoptr(GArray) pairs = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SE_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  db = _se_store_get_db (self);
  pairs = g_array_new (FALSE, FALSE, sizeof (SeStoreOverlap));
  /* (start, id) orders each pair, so that every overlap comes once. */
  rc = sqlite3_prepare_v2 (db,
    "SELECT DISTINCT a.person_id, pa.id, pb.id"
    " FROM participant a"
    " JOIN participant b ON b.person_id = a.person_id AND b.placement_id <> a.placement_id"
    " JOIN placement pa ON pa.id = a.placement_id"
    " JOIN placement pb ON pb.id = b.placement_id"
    " WHERE pa.status <> 'cancelled' AND pb.status <> 'cancelled'"
    "   AND (pa.start_date < pb.start_date"
    "        OR (pa.start_date = pb.start_date AND pa.id < pb.id))"
    "   AND pb.start_date <= pa.end_date"
    " ORDER BY a.person_id, pa.start_date, pa.id, pb.start_date, pb.id",
    -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SeStoreOverlap o = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
      };
      g_array_append_val (pairs, o);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    rc = sqlite3_extended_errcode (db);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _se_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&pairs);
}
