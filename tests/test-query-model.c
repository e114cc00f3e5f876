/* test-query-model.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The lazy list models against plain SQL. It talks to SQLite directly
 * to read the expected ids and texts from the file with a connection of
 * its own, behind the store's back, and compare them with the model. */

#define G_LOG_DOMAIN "se-tests"

#include "config.h"

#include <sqlite3.h>

#include "se-query-model.h"
#include "se-store-private.h"
#include "se-test-planning.h"
#include "se-test-util.h"
#include "se-topic.h"
#include "se-unit.h"
#include "se-placement-topic.h"

/* The lazy list models against plain SQL written here, independently of
 * the store's: on a generated database of 2,000 placements (se-generate),
 * every kind the window shows, under every combination of its filters and
 * a set of searches (prefixes, umlauts, several words), gives the same
 * rows in the same order. The search is checked against a tokenizer of the
 * test's own, not against FTS5. Then the signals after changes: exact
 * positions, and applying them to a copy of the old rows gives the new. */

typedef struct
{
  char    *dir;
  char    *path;
  SeStore *store;
  sqlite3 *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *generator = g_test_build_filename (G_TEST_BUILT, "se-generate", NULL);
  const char *argv[] = { generator, "--output", NULL, "--placements", "2000", "--seed", "7",
                         NULL };
  int status = 0;

  f->dir = se_test_make_dir ();
  f->path = g_build_filename (f->dir, "medium.db", NULL);
  argv[2] = f->path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  f->store = se_store_open (f->path, SE_STORE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3_close (f->db);
  g_clear_object (&f->store);
  se_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Plain SQL */

static GArray *
sql_ids (sqlite3    *db,
         const char *sql,
         const char *kind,
         const char *status,
         int         year,
         gint64      organisation)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_int64 (stmt, 4, organisation);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return ids;
}

static gint64
sql_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Lower case ASCII words: "Müller-Lüdenscheidt" is "muller", "ludenscheidt". */
static char **
words_of (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);

  for (char *p = lower; *p; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  return g_strsplit_set (lower, " ", -1);
}

/* Every word searched for begins some word of the record's text. */
static gboolean
text_matches (const char *text,
              const char *search)
{
  g_auto(GStrv) have = words_of (text);
  g_auto(GStrv) want = words_of (search);

  for (guint i = 0; want[i] != NULL; i++)
    {
      gboolean found = FALSE;

      if (*want[i] == '\0')
        continue;
      for (guint j = 0; have[j] != NULL && !found; j++)
        found = g_str_has_prefix (have[j], want[i]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* id -> all searchable text of the record */
static GHashTable *
texts_of (sqlite3    *db,
          const char *sql)
{
  GHashTable *texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GString *text = g_string_new (NULL);

      for (int c = 1; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (text, " %s", sqlite3_column_text (stmt, c) != NULL
                                               ? (const char *) sqlite3_column_text (stmt, c) : "");
      g_hash_table_insert (texts, g_memdup2 (&id, sizeof id), g_string_free (text, FALSE));
    }
  sqlite3_finalize (stmt);
  return texts;
}

typedef struct
{
  GType     (*get_type) (void);
  const char *rows;        /* ?1 kind, ?2 status, ?3 year, ?4 organisation */
  const char *texts;
  const char *kind;        /* a nick to filter by, or NULL */
  const char *status;
  int         year;
  const char *organisation; /* SQL for an organisation with many rows */
} Kind;

static const Kind kinds[] = {
  { se_placement_get_type,
    "SELECT id FROM placement WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR status = ?2)"
    " AND (?3 = 0 OR (CAST (substr (start_date, 1, 4) AS INTEGER) <= ?3"
    "                 AND CAST (substr (end_date, 1, 4) AS INTEGER) >= ?3))"
    " AND (?4 = 0 OR EXISTS (SELECT 1 FROM participant x WHERE x.placement_id = placement.id"
    "      AND ?4 IN (x.home_organisation_id, x.host_organisation_id)))"
    " ORDER BY start_date DESC, id DESC",
    "SELECT p.id, p.title, p.location,"
    " (SELECT group_concat (t.name, ' ') FROM placement_topic pt, topic t"
    "  WHERE t.id = pt.topic_id AND pt.placement_id = p.id),"
    " (SELECT group_concat (coalesce (pe.given_name, '') || ' ' || pe.family_name, ' ')"
    "  FROM participant pa, person pe WHERE pe.id = pa.person_id AND pa.placement_id = p.id)"
    " FROM placement p",
    "job-swap", "completed", 2010,
    "SELECT home_organisation_id FROM participant GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1" },
  { se_agreement_get_type,
    "SELECT id FROM agreement WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR status = ?2)"
    " AND (?3 = 0 OR ((valid_from IS NULL OR CAST (substr (valid_from, 1, 4) AS INTEGER) <= ?3)"
    "            AND (valid_until IS NULL OR CAST (substr (valid_until, 1, 4) AS INTEGER) >= ?3)))"
    " AND (?4 = 0 OR ?4 IN (party_a_id, party_b_id))"
    " ORDER BY CASE WHEN valid_until IS NULL THEN 1 ELSE 0 END, valid_until, lower (title), id",
    "SELECT id, title, reference FROM agreement",
    "hospitation", "signed", 2010,
    "SELECT party_a_id FROM agreement GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1" },
  { se_partnership_get_type,
    "SELECT id FROM partnership WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR status = ?2)"
    " AND (?3 = 0 OR ((since IS NULL OR CAST (substr (since, 1, 4) AS INTEGER) <= ?3)"
    "            AND (until IS NULL OR CAST (substr (until, 1, 4) AS INTEGER) >= ?3)))"
    " AND (?4 = 0 OR ?4 IN (organisation_a_id, organisation_b_id))"
    " ORDER BY lower (CASE WHEN title IS NULL OR title = '' THEN"
    "   (SELECT o.name FROM organisation o WHERE o.id = organisation_a_id) ELSE title END), id",
    "SELECT ps.id, ps.title, a.name, b.name FROM partnership ps, organisation a, organisation b"
    " WHERE a.id = ps.organisation_a_id AND b.id = ps.organisation_b_id",
    "friendship", "active", 2000,
    "SELECT organisation_a_id FROM partnership GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1" },
  { se_person_get_type,
    "SELECT id FROM person WHERE (?4 = 0 OR organisation_id = ?4)"
    " ORDER BY lower (family_name), lower (given_name), id",
    "SELECT id, given_name, family_name, function FROM person",
    NULL, NULL, 0,
    "SELECT organisation_id FROM person GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1" },
  { se_organisation_get_type,
    "SELECT id FROM organisation WHERE (?1 IS NULL OR kind = ?1)"
    " AND (?4 = 0 OR id = ?4 OR parent_id = ?4) ORDER BY lower (name), id",
    "SELECT id, name, short_name, region, address FROM organisation",
    "city", NULL, 0,
    "SELECT parent_id FROM organisation WHERE parent_id IS NOT NULL"
    " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1" },
};

static const char *searches[] = {
  NULL, "d", "di", "dig", "digi", "müller", "MULLER", "köln", "koln dig", "düss", "Ö", "sch",
  "hospitation dat", "zzqx",
};

static int
enum_value (GType       type,
            const char *field,
            const char *nick)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const SeField *f = se_record_class_find_field (SE_RECORD_CLASS (klass), field);
  int value = -1;

  if (nick == NULL)
    return -1;
  g_assert_true (se_enum_from_nick (f->target (), nick, &value));
  return value;
}

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  guint n_compared = 0, n_nonempty = 0, n_narrowed = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const Kind *kind = &kinds[k];
      GType type = kind->get_type ();
      g_autoptr(SeQueryModel) model = se_query_model_new (f->store, type);
      g_autoptr(GHashTable) texts = texts_of (f->db, kind->texts);
      gint64 organisation = sql_int (f->db, kind->organisation);

      for (guint combo = 0; combo < 16; combo++)
        {
          const char *kind_nick = (combo & 1) ? kind->kind : NULL;
          const char *status_nick = (combo & 2) ? kind->status : NULL;
          int year = (combo & 4) ? kind->year : 0;
          gint64 org = (combo & 8) ? organisation : 0;
          g_autoptr(GArray) all = NULL;

          /* Combinations a kind cannot have are the same as others. */
          if (((combo & 1) && kind->kind == NULL) || ((combo & 2) && kind->status == NULL)
              || ((combo & 4) && kind->year == 0))
            continue;

          all = sql_ids (f->db, kind->rows, kind_nick, status_nick, year, org);
          se_query_model_set_kind (model, enum_value (type, "kind", kind_nick));
          se_query_model_set_status (model, enum_value (type, "status", status_nick));
          se_query_model_set_year (model, year);
          se_query_model_set_organisation (model, org);

          for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
            {
              g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
              guint n;

              for (guint i = 0; i < all->len; i++)
                {
                  gint64 id = g_array_index (all, gint64, i);
                  if (searches[s] == NULL
                      || text_matches (g_hash_table_lookup (texts, &id), searches[s]))
                    g_array_append_val (expected, id);
                }

              se_query_model_set_search (model, searches[s]);
              n = g_list_model_get_n_items (G_LIST_MODEL (model));
              if (n != expected->len)
                g_test_message ("%s kind %s status %s year %d organisation %" G_GINT64_FORMAT
                                " search “%s”", g_type_name (type), kind_nick, status_nick,
                                year, org, searches[s]);
              g_assert_cmpuint (n, ==, expected->len);
              for (guint i = 0; i < n; i++)
                g_assert_cmpint (se_query_model_get_id (model, i), ==,
                                 g_array_index (expected, gint64, i));
              /* The first rows as objects, the stored records themselves. */
              for (guint i = 0; i < MIN (n, 3u); i++)
                {
                  g_autoptr(SeRecord) r = g_list_model_get_item (G_LIST_MODEL (model), i);
                  g_autoptr(SeRecord) same = se_store_lookup (f->store, type,
                                                              g_array_index (expected, gint64, i));
                  g_assert_true (r == same);
                  g_assert_true (G_OBJECT_TYPE (r) == type);
                }
              g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));

              n_compared++;
              n_nonempty += n > 0;
              n_narrowed += n > 0 && n < all->len;
            }
        }
    }

  /* The comparisons were not all of empty lists, nor all of whole ones. */
  g_test_message ("%u lists compared, %u not empty, %u narrowed by the search", n_compared,
                  n_nonempty, n_narrowed);
  g_assert_cmpuint (n_nonempty, >, n_compared / 3);
  g_assert_cmpuint (n_narrowed, >, n_compared / 8);
}

/* Signals */

typedef struct
{
  GArray *copy;     /* gint64: the rows as the signals tell them */
  GArray *signals;  /* guint triples */
} Watch;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *w)
{
  guint triple[3] = { position, removed, added };

  g_array_append_vals (w->signals, triple, 3);
  g_assert_cmpuint (position + removed, <=, w->copy->len);
  g_array_remove_range (w->copy, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = se_query_model_get_id (SE_QUERY_MODEL (model), position + i);
      g_array_insert_val (w->copy, position + i, id);
    }
}

static void
assert_in_step (SeQueryModel *model,
                Watch        *w,
                sqlite3      *db)
{
  g_autoptr(GArray) expected = sql_ids (db, kinds[0].rows, NULL, NULL, 0, 0);

  g_assert_cmpuint (w->copy->len, ==, expected->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_assert_cmpint (g_array_index (w->copy, gint64, i), ==, g_array_index (expected, gint64, i));
      g_assert_cmpint (se_query_model_get_id (model, i), ==, g_array_index (expected, gint64, i));
    }
}

static void
assert_signals (Watch *w,
                guint  n,
                ...)
{
  va_list args;

  g_assert_cmpuint (w->signals->len, ==, 3 * n);
  va_start (args, n);
  for (guint i = 0; i < 3 * n; i++)
    g_assert_cmpuint (g_array_index (w->signals, guint, i), ==, va_arg (args, guint));
  va_end (args);
  g_array_set_size (w->signals, 0);
}

static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SeQueryModel) model = se_query_model_new (f->store, SE_TYPE_PLACEMENT);
  Watch w = { g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (guint)) };
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  gint64 id, moved, kept, gone;


  g_assert_cmpuint (n, ==, 2000);
  for (guint i = 0; i < n; i++)
    {
      gint64 row = se_query_model_get_id (model, i);
      g_array_append_val (w.copy, row);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &w);

  /* Insert: the newest placement comes first. */
  id = se_test_placement (f->store, SE_PLACEMENT_KIND_VIRTUAL, "Neu", "2031-05-01", "2031-05-02",
                          SE_PLACEMENT_STATUS_PROPOSED, 0, 0);
  assert_signals (&w, 1, 0, 0, 1);
  assert_in_step (model, &w, f->db);
  g_assert_cmpint (se_query_model_get_id (model, 0), ==, id);

  /* An update that keeps its place: the end date does not sort. Then one
   * that moves the row at 10 to the top: the rows 0..10 change. */
  moved = se_query_model_get_id (model, 10);
  se_test_update (f->store, SE_TYPE_PLACEMENT, moved, "end-date", "2032-01-03", 0);
  assert_signals (&w, 1, 10, 1, 1);
  assert_in_step (model, &w, f->db);
  se_test_update (f->store, SE_TYPE_PLACEMENT, moved, "start-date", "2032-01-01", 0);
  assert_signals (&w, 1, 0, 11, 11);
  assert_in_step (model, &w, f->db);
  g_assert_cmpint (se_query_model_get_id (model, 0), ==, moved);

  /* An update that keeps its place: that row alone, drawn again. */
  kept = se_query_model_get_id (model, 5);
  se_test_update (f->store, SE_TYPE_PLACEMENT, kept, "location", "Bückeburg", 0);
  assert_signals (&w, 1, 5, 1, 1);
  assert_in_step (model, &w, f->db);

  /* Delete. */
  gone = se_query_model_get_id (model, 7);
  {
    g_autoptr(SeRecord) r = se_store_lookup (f->store, SE_TYPE_PLACEMENT, gone);
    se_store_delete (f->store, r, &error);
    g_assert_no_error (error);
  }
  assert_signals (&w, 1, 7, 1, 0);
  assert_in_step (model, &w, f->db);

  /* A transaction rolled back: no signal at all. */
  se_store_begin (f->store, &error);
  g_assert_no_error (error);
  se_test_placement (f->store, SE_PLACEMENT_KIND_VIRTUAL, "Verworfen", "2040-01-01",
                     "2040-01-02", SE_PLACEMENT_STATUS_PROPOSED, 0, 0);
  se_test_update (f->store, SE_TYPE_PLACEMENT, kept, "location", "Lübeck", 0);
  se_store_rollback (f->store);
  assert_signals (&w, 0);
  assert_in_step (model, &w, f->db);

  g_array_unref (w.copy);
  g_array_unref (w.signals);
}

/* The search index follows topics, participants and names. */
static void
test_search_follows (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SeQueryModel) model = se_query_model_new (f->store, SE_TYPE_PLACEMENT);
  g_autoptr(SeRecord) topic = SE_RECORD (se_topic_new ());
  g_autoptr(SeRecord) link = NULL;
  g_autoptr(GError) error = NULL;
  gint64 placement, person, org, participant;

  placement = se_query_model_get_id (model, 3);
  org = sql_int (f->db, "SELECT min(id) FROM organisation");
  person = se_test_person (f->store, "Quäntchen", org);

  se_query_model_set_search (model, "quant");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  participant = se_test_participant (f->store, placement, person, SE_PARTICIPANT_ROLE_GUEST, org,
                                     org + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpint (se_query_model_get_id (model, 0), ==, placement);

  se_test_update (f->store, SE_TYPE_PERSON, person, "family-name", "Zwiebelmann", 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  se_query_model_set_search (model, "zwiebel");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  {
    g_autoptr(SeRecord) r = se_store_lookup (f->store, SE_TYPE_PARTICIPANT, participant);
    se_store_delete (f->store, r, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* A topic: added, renamed, deleted. */
  se_record_set_string (topic, "name", "Wärmepumpen");
  se_test_save (f->store, topic);
  link = SE_RECORD (g_object_new (SE_TYPE_PLACEMENT_TOPIC, NULL));
  se_record_set_reference (link, "placement-id", placement);
  se_record_set_reference (link, "topic-id", se_record_get_id (topic));
  se_test_save (f->store, link);
  se_query_model_set_search (model, "warmepump");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  se_test_update (f->store, SE_TYPE_TOPIC, se_record_get_id (topic), "name", "Heizungstausch", 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  se_query_model_set_search (model, "heizungs");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  {
    g_autoptr(SeRecord) r = se_store_lookup (f->store, SE_TYPE_TOPIC, se_record_get_id (topic));
    se_store_delete (f->store, r, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* And the whole index is what the tables say, row for row. */
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM placement_search"), ==,
                   sql_int (f->db, "SELECT count(*) FROM placement"));
  g_assert_cmpint (sql_int (f->db, "SELECT count(*) FROM person_search"), ==,
                   sql_int (f->db, "SELECT count(*) FROM person"));
}

/* One record, one object: a lookup, a list model's row and the store's
 * full list hand out the same object, and a record nobody holds is let go. */
static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SeQueryModel) model = se_query_model_new (f->store, SE_TYPE_AGREEMENT);
  g_autoptr(SeRecord) row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_autoptr(SeRecord) looked_up = se_store_lookup (f->store, SE_TYPE_AGREEMENT,
                                                   se_record_get_id (row));
  GListModel *list = se_store_get_list (f->store, SE_TYPE_AGREEMENT);
  gboolean found = FALSE;
  GObject *weak;

  g_assert_true (row == looked_up);
  for (guint i = 0; i < g_list_model_get_n_items (list) && !found; i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (list, i);
      found = r == row;
    }
  g_assert_true (found);

  /* An update reaches the live object, whichever view it came from. */
  se_test_update (f->store, SE_TYPE_AGREEMENT, se_record_get_id (row), "title", "Geändert", 0);
  g_assert_cmpstr (se_record_get_string (row, "title"), ==, "Geändert");

  /* Not listed, not cached: gone once let go, and read again on lookup. */
  weak = G_OBJECT (se_store_lookup (f->store, SE_TYPE_UNIT, 1));
  g_assert_nonnull (weak);
  g_object_add_weak_pointer (weak, (gpointer *) &weak);
  g_object_unref (weak);
  g_assert_null (weak);
  {
    g_autoptr(SeRecord) again = se_store_lookup (f->store, SE_TYPE_UNIT, 1);
    g_autoptr(GPtrArray) found_units = se_store_find (f->store, SE_TYPE_UNIT, "organisation-id", 1);

    g_assert_nonnull (again);
    g_assert_cmpuint (found_units->len, ==, 1);
    g_assert_true (g_ptr_array_index (found_units, 0) == again);
  }
}

/* Reading ahead: rows asked for in bursts a steady distance apart, as a
 * list view asks for them while its scroll bar is dragged. Between the
 * bursts the idle callbacks read the next one's records, so that it runs
 * no statement itself; the rows stay the store's records of the right
 * ids, also when a change or a deletion comes while reading ahead. */

static int
count_statement (unsigned  type,
                 void     *data,
                 void     *p,
                 void     *x)
{
  (*(guint *) data)++;
  return 0;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
assert_burst (SeQueryModel *model,
              SeStore      *store,
              guint         first,
              guint         n)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(SeRecord) r = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(SeRecord) same = se_store_lookup (store, SE_TYPE_PLACEMENT,
                                                  se_query_model_get_id (model, i));

      g_assert_nonnull (r);
      g_assert_true (r == same);
    }
}

static void
test_read_ahead (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SeQueryModel) model = se_query_model_new (f->store, SE_TYPE_PLACEMENT);
  Watch w = { g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (guint)) };
  g_autoptr(GError) error = NULL;
  const guint stride = 150, burst = 200;
  guint n, statements = 0, bursts = 0, first;
  gint64 moved, gone;

  drain ();
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      gint64 row = se_query_model_get_id (model, i);
      g_array_append_val (w.copy, row);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &w);
  sqlite3_trace_v2 (se_db_sqlite_get_handle (_se_store_get_db (f->store)), SQLITE_TRACE_STMT, count_statement, &statements);

  /* Down the list, then back up it. */
  for (first = 0; first + burst <= n; first += stride, bursts++)
    {
      statements = 0;
      assert_burst (model, f->store, first, burst);
      /* The first two bursts set the pace; the others were read ahead. */
      if (bursts >= 2)
        g_assert_cmpuint (statements, ==, 0);
      drain ();
    }
  bursts = 0;
  for (first = n - burst; first >= stride; first -= stride, bursts++)
    {
      statements = 0;
      assert_burst (model, f->store, first, burst);
      if (bursts >= 2)
        g_assert_cmpuint (statements, ==, 0);
      drain ();
    }
  sqlite3_trace_v2 (se_db_sqlite_get_handle (_se_store_get_db (f->store)), 0, NULL, NULL);

  /* A change while reading ahead: the rows move, nothing stale is shown. */
  assert_burst (model, f->store, 0, burst);
  assert_burst (model, f->store, stride, burst);
  moved = se_query_model_get_id (model, 2 * stride + 5);
  se_test_update (f->store, SE_TYPE_PLACEMENT, moved, "end-date", "2039-01-03", 0);
  assert_signals (&w, 1, 2 * stride + 5, 1, 1);
  se_test_update (f->store, SE_TYPE_PLACEMENT, moved, "start-date", "2039-01-01", 0);
  assert_signals (&w, 1, 0, 2 * stride + 6, 2 * stride + 6);
  assert_in_step (model, &w, f->db);
  drain ();
  assert_burst (model, f->store, 2 * stride, burst);

  /* A row read ahead, then deleted: gone from the list and its rows. */
  assert_burst (model, f->store, 3 * stride, burst);
  drain ();
  gone = se_query_model_get_id (model, 4 * stride + 10);
  {
    g_autoptr(SeRecord) r = se_store_lookup (f->store, SE_TYPE_PLACEMENT, gone);
    se_store_delete (f->store, r, &error);
    g_assert_no_error (error);
  }
  assert_signals (&w, 1, 4 * stride + 10, 1, 0);
  assert_in_step (model, &w, f->db);
  assert_burst (model, f->store, 4 * stride, burst);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_assert_cmpint (se_query_model_get_id (model, i), !=, gone);

  g_array_unref (w.copy);
  g_array_unref (w.signals);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/query-model/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/query-model/changes", Fixture, NULL, fixture_set_up, test_changes,
              fixture_tear_down);
  g_test_add ("/query-model/search-follows", Fixture, NULL, fixture_set_up, test_search_follows,
              fixture_tear_down);
  g_test_add ("/query-model/identity", Fixture, NULL, fixture_set_up, test_identity,
              fixture_tear_down);
  g_test_add ("/query-model/read-ahead", Fixture, NULL, fixture_set_up, test_read_ahead,
              fixture_tear_down);

  return g_test_run ();
}
