/* se-store-schema.c
 *
 * Copyright 2026 The Staff Exchange authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "se-store"

#include "config.h"

#include "se-store-private.h"

/* date(x, '+0 days') normalises 2023-02-30 to 2023-03-02, so comparing it with x
 * refuses impossible dates; date(x) alone would echo them. */

/* The schema, one script per PRAGMA user_version. A released script is
 * never edited: a change is a new step. Each step runs in its own
 * transaction (see se-store.c). The CHECK constraints repeat the rules of
 * the record classes' validation so that no program, not even a buggy
 * version of this one, can store what must never be stored. Column names
 * are the field names with '_' for '-'; enum columns hold the GEnum nicks. */

#define DATE_OK(c) "(" c " IS NULL OR date(" c ", '+0 days') IS " c ")"
#define PARTIAL_DATE_OK(c) \
  "(" c " IS NULL OR " c " GLOB '[0-9][0-9][0-9][0-9]'" \
  " OR (" c " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' AND substr(" c ", 6, 2) BETWEEN '01' AND '12')" \
  " OR date(" c ", '+0 days') IS " c ")"
#define NOT_BEFORE(end, start) \
  "(" end " IS NULL OR " start " IS NULL OR " end " >= substr(" start ", 1, length(" end ")))"
#define TIME_OK(c) "(" c " IS NULL OR (" c " GLOB '[0-2][0-9]:[0-5][0-9]' AND " c " < '24:00'))"
#define NAME_OK(c) "coalesce(length(trim(" c ")), 0) > 0"
#define TEXT_OK(c) "(" c " IS NULL OR length(" c ") > 0)"

static const char schema_v1[] =
  "CREATE TABLE organisation ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (" NAME_OK ("name") "),"
  "  short_name TEXT CHECK (" TEXT_OK ("short_name") "),"
  "  kind TEXT NOT NULL DEFAULT 'city' CHECK (kind IN ('city', 'district', 'state-agency',"
  "    'job-centre', 'it-service-provider', 'umbrella-body', 'foreign-authority', 'other')),"
  "  country TEXT NOT NULL DEFAULT 'DE' CHECK (country GLOB '[A-Z][A-Z]'),"
  "  region TEXT,"
  "  parent_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,"
  "  address TEXT,"
  "  website TEXT,"
  "  notes TEXT,"
  "  CHECK (parent_id IS NULL OR parent_id <> id)"
  ");"
  "CREATE INDEX organisation_parent ON organisation (parent_id);"

  "CREATE TABLE unit ("
  "  id INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (" NAME_OK ("name") ")"
  ");"
  "CREATE INDEX unit_organisation ON unit (organisation_id);"

  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  given_name TEXT,"
  "  family_name TEXT NOT NULL CHECK (" NAME_OK ("family_name") "),"
  "  organisation_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,"
  "  unit_id INTEGER REFERENCES unit (id) ON DELETE SET NULL,"
  "  function TEXT,"
  "  email TEXT CHECK (email IS NULL OR email LIKE '_%@_%._%'),"
  "  phone TEXT,"
  "  languages TEXT,"
  "  notes TEXT"
  ");"
  "CREATE INDEX person_organisation ON person (organisation_id);"
  "CREATE INDEX person_unit ON person (unit_id);"

  "CREATE TABLE topic ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (" NAME_OK ("name") ")"
  ");"

  "CREATE TABLE partnership ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT,"
  "  organisation_a_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,"
  "  organisation_b_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,"
  "  kind TEXT NOT NULL DEFAULT 'partnership' CHECK (kind IN ('partnership', 'friendship',"
  "    'project', 'contact', 'cooperation')),"
  "  since TEXT CHECK " PARTIAL_DATE_OK ("since") ","
  "  until TEXT CHECK " PARTIAL_DATE_OK ("until") ","
  "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'planned', 'dormant',"
  "    'ended')),"
  "  contact_a_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  contact_b_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  parent_id INTEGER REFERENCES partnership (id) ON DELETE RESTRICT,"
  "  description TEXT,"
  "  CHECK (organisation_a_id <> organisation_b_id),"
  "  CHECK " NOT_BEFORE ("until", "since") ","
  "  CHECK (parent_id IS NULL OR parent_id <> id)"
  ");"
  "CREATE INDEX partnership_a ON partnership (organisation_a_id);"
  "CREATE INDEX partnership_b ON partnership (organisation_b_id);"
  "CREATE INDEX partnership_parent ON partnership (parent_id);"
  "CREATE INDEX partnership_contact_a ON partnership (contact_a_id);"
  "CREATE INDEX partnership_contact_b ON partnership (contact_b_id);"

  "CREATE TABLE agreement ("
  "  id INTEGER PRIMARY KEY,"
  "  partnership_id INTEGER REFERENCES partnership (id) ON DELETE RESTRICT,"
  "  party_a_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,"
  "  party_b_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,"
  "  kind TEXT NOT NULL DEFAULT 'cooperation' CHECK (kind IN ('cooperation', 'hospitation',"
  "    'non-disclosure', 'charter', 'amendment')),"
  "  reference TEXT,"
  "  title TEXT NOT NULL CHECK (" NAME_OK ("title") "),"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'negotiation', 'signed',"
  "    'expired', 'terminated')),"
  "  valid_from TEXT CHECK " DATE_OK ("valid_from") ","
  "  valid_until TEXT CHECK " DATE_OK ("valid_until") ","
  "  quota_placements INTEGER NOT NULL DEFAULT 0 CHECK (quota_placements >= 0),"
  "  quota_days INTEGER NOT NULL DEFAULT 0 CHECK (quota_days >= 0),"
  "  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),"
  "  amends_id INTEGER REFERENCES agreement (id) ON DELETE RESTRICT,"
  "  terms TEXT,"
  "  document_name TEXT,"
  "  CHECK (party_a_id <> party_b_id),"
  "  CHECK " NOT_BEFORE ("valid_until", "valid_from") ","
  "  CHECK (amends_id IS NULL OR amends_id <> id)"
  ");"
  "CREATE INDEX agreement_partnership ON agreement (partnership_id);"
  "CREATE INDEX agreement_a ON agreement (party_a_id);"
  "CREATE INDEX agreement_b ON agreement (party_b_id);"
  "CREATE INDEX agreement_amends ON agreement (amends_id);"

  "CREATE TABLE document ("
  "  agreement_id INTEGER PRIMARY KEY REFERENCES agreement (id) ON DELETE CASCADE,"
  "  file_name TEXT NOT NULL CHECK (" NAME_OK ("file_name") "),"
  "  data BLOB NOT NULL"
  ");"

  "CREATE TABLE signatory ("
  "  id INTEGER PRIMARY KEY,"
  "  agreement_id INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,"
  "  party TEXT NOT NULL DEFAULT 'first' CHECK (party IN ('first', 'second')),"
  "  person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,"
  "  name TEXT,"
  "  function TEXT,"
  "  signed_on TEXT CHECK " DATE_OK ("signed_on") ","
  "  CHECK (person_id IS NOT NULL OR " NAME_OK ("name") ")"
  ");"
  "CREATE INDEX signatory_agreement ON signatory (agreement_id);"
  "CREATE INDEX signatory_person ON signatory (person_id);"

  "CREATE TABLE approval ("
  "  id INTEGER PRIMARY KEY,"
  "  agreement_id INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,"
  "  name TEXT,"
  "  function TEXT,"
  "  approved_on TEXT CHECK " DATE_OK ("approved_on") ","
  "  note TEXT,"
  "  CHECK (person_id IS NOT NULL OR " NAME_OK ("name") ")"
  ");"
  "CREATE INDEX approval_agreement ON approval (agreement_id);"
  "CREATE INDEX approval_person ON approval (person_id);"

  "CREATE TABLE placement ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL DEFAULT 'hospitation' CHECK (kind IN ('hospitation', 'job-swap',"
  "    'virtual', 'secondment', 'delegation-visit', 'working-meeting')),"
  "  title TEXT NOT NULL CHECK (" NAME_OK ("title") "),"
  "  start_date TEXT NOT NULL CHECK " DATE_OK ("start_date") ","
  "  end_date TEXT NOT NULL CHECK " DATE_OK ("end_date") ","
  "  format TEXT NOT NULL DEFAULT 'on-site' CHECK (format IN ('on-site', 'virtual', 'hybrid')),"
  "  location TEXT,"
  "  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved',"
  "    'completed', 'cancelled')),"
  "  partnership_id INTEGER REFERENCES partnership (id) ON DELETE RESTRICT,"
  "  agreement_id INTEGER REFERENCES agreement (id) ON DELETE RESTRICT,"
  "  confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),"
  "  goals TEXT,"
  "  outcome TEXT,"
  "  CHECK (end_date >= start_date)"
  ");"
  "CREATE INDEX placement_start ON placement (start_date);"
  "CREATE INDEX placement_partnership ON placement (partnership_id);"
  "CREATE INDEX placement_agreement ON placement (agreement_id);"

  "CREATE TABLE participant ("
  "  id INTEGER PRIMARY KEY,"
  "  placement_id INTEGER NOT NULL REFERENCES placement (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,"
  "  role TEXT NOT NULL DEFAULT 'guest' CHECK (role IN ('guest', 'mentor', 'coordinator')),"
  "  home_organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,"
  "  host_organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,"
  "  host_unit_id INTEGER REFERENCES unit (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX participant_placement ON participant (placement_id);"
  "CREATE INDEX participant_person ON participant (person_id);"
  "CREATE INDEX participant_home ON participant (home_organisation_id);"
  "CREATE INDEX participant_host ON participant (host_organisation_id);"
  "CREATE INDEX participant_host_unit ON participant (host_unit_id);"

  "CREATE TABLE programme_item ("
  "  id INTEGER PRIMARY KEY,"
  "  placement_id INTEGER NOT NULL REFERENCES placement (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL CHECK " DATE_OK ("date") ","
  "  start_time TEXT CHECK " TIME_OK ("start_time") ","
  "  end_time TEXT CHECK " TIME_OK ("end_time") ","
  "  title TEXT NOT NULL CHECK (" NAME_OK ("title") "),"
  "  location TEXT,"
  "  notes TEXT,"
  "  CHECK " NOT_BEFORE ("end_time", "start_time")
  ");"
  "CREATE INDEX programme_item_placement ON programme_item (placement_id, date, start_time);"

  "CREATE TABLE prerequisite ("
  "  id INTEGER PRIMARY KEY,"
  "  placement_id INTEGER NOT NULL REFERENCES placement (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'non-disclosure' CHECK (kind IN ('non-disclosure',"
  "    'employer-approval', 'staff-council', 'other')),"
  "  description TEXT,"
  "  agreement_id INTEGER REFERENCES agreement (id) ON DELETE SET NULL,"
  "  fulfilled_on TEXT CHECK " DATE_OK ("fulfilled_on")
  ");"
  "CREATE INDEX prerequisite_placement ON prerequisite (placement_id);"
  "CREATE INDEX prerequisite_agreement ON prerequisite (agreement_id);"

  "CREATE TABLE placement_topic ("
  "  id INTEGER PRIMARY KEY,"
  "  placement_id INTEGER NOT NULL REFERENCES placement (id) ON DELETE CASCADE,"
  "  topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,"
  "  UNIQUE (placement_id, topic_id)"
  ");"
  "CREATE INDEX placement_topic_topic ON placement_topic (topic_id);";

/* Findings of the consistency checks (se-checks.c) the user has dismissed,
 * one per rule and record. The triggers forget a dismissal with its record:
 * SQLite may give a deleted record's id to the next new one, and that one
 * must be checked afresh. */
#define FORGET_DISMISSALS(t) \
  "CREATE TRIGGER dismissal_forget_" t " AFTER DELETE ON " t " BEGIN" \
  "  DELETE FROM dismissal WHERE record_table = '" t "' AND record_id = old.id;" \
  " END;"

static const char schema_v2[] =
  "CREATE TABLE dismissal ("
  "  id INTEGER PRIMARY KEY,"
  "  rule TEXT NOT NULL CHECK (" NAME_OK ("rule") "),"
  "  record_table TEXT NOT NULL CHECK (" NAME_OK ("record_table") "),"
  "  record_id INTEGER NOT NULL,"
  "  dismissed_on TEXT NOT NULL CHECK " DATE_OK ("dismissed_on") ","
  "  UNIQUE (rule, record_table, record_id)"
  ");"
  FORGET_DISMISSALS ("placement")
  FORGET_DISMISSALS ("agreement")
  FORGET_DISMISSALS ("partnership")
  FORGET_DISMISSALS ("participant")
  FORGET_DISMISSALS ("person");

/* The audit trail (se_store_get_audit_log ()): when, which record, which
 * action. It holds ids only, never names or other content, so that it
 * keeps no personal data when a person is anonymised or erased. The
 * triggers write it, so that every change is logged, whichever code made
 * it. The time is UTC. */
#define AUDIT(t) \
  "CREATE TRIGGER audit_insert_" t " AFTER INSERT ON " t " BEGIN" \
  "  INSERT INTO audit_log (record_table, record_id, action) VALUES ('" t "', new.id, 'insert');" \
  " END;" \
  "CREATE TRIGGER audit_update_" t " AFTER UPDATE ON " t " BEGIN" \
  "  INSERT INTO audit_log (record_table, record_id, action) VALUES ('" t "', new.id, 'update');" \
  " END;" \
  "CREATE TRIGGER audit_delete_" t " AFTER DELETE ON " t " BEGIN" \
  "  INSERT INTO audit_log (record_table, record_id, action) VALUES ('" t "', old.id, 'delete');" \
  " END;"

static const char schema_v3[] =
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  record_table TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete'))"
  ");"
  "CREATE INDEX audit_log_record ON audit_log (record_table, record_id);"
  AUDIT ("organisation")
  AUDIT ("unit")
  AUDIT ("person")
  AUDIT ("topic")
  AUDIT ("partnership")
  AUDIT ("agreement")
  AUDIT ("signatory")
  AUDIT ("approval")
  AUDIT ("placement")
  AUDIT ("participant")
  AUDIT ("programme_item")
  AUDIT ("prerequisite")
  AUDIT ("placement_topic");

/* Version 4: lists of 200,000 placements that open at once. The window's
 * list models (se-query-model.c) sort and filter in SQL, so the sorts and
 * filters get indexes; placement (start_date) exists since version 1 and,
 * with the rowid appended by SQLite, already orders by (start_date, id).
 *
 * Search as you type goes through one FTS5 table per kind of the window,
 * the rowid being the record's id and one column holding the words one
 * finds it by. remove_diacritics lets "muller" find "Müller"; the prefix
 * indexes make "d", "di" and "dig" a single doclist read. Triggers keep
 * the tables in step with every table that feeds them, so that a renamed
 * topic or a new participant is found at once, whichever code wrote it.
 * A foreign key's ON DELETE CASCADE runs after its parent row is gone, so
 * the refresh of a placement whose topic is deleted no longer sees it.
 *
 * The rowid of placement_search is not the placement's id but its place in
 * the list, newest first: the start date as a number in the high 32 bits,
 * the id in the low ones. FTS5 walks a doclist in rowid order, so the first
 * page of "d" among 200,000 placements is read in well under a millisecond,
 * where sorting 130,000 matches by date takes 50 ms. The other kinds have
 * a tenth as many rows and use their id. */
#define FTS_TABLE(t) \
  "CREATE VIRTUAL TABLE " t "_search USING fts5 (text, " \
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"

#define PLACEMENT_KEY(p) SE_STORE_PLACEMENT_SEARCH_KEY (p)
#define PLACEMENT_TEXT SE_SEARCH_PLACEMENT_TEXT ("group_concat")
#define ORGANISATION_TEXT SE_SEARCH_ORGANISATION_TEXT ("group_concat")
#define PERSON_TEXT SE_SEARCH_PERSON_TEXT ("group_concat")
#define PARTNERSHIP_TEXT SE_SEARCH_PARTNERSHIP_TEXT ("group_concat")
#define AGREEMENT_TEXT SE_SEARCH_AGREEMENT_TEXT ("group_concat")

/* Rewrites the search rows of the records of table t (alias al) that
 * match the condition: gone rows drop out, changed ones are written anew. */
#define REFRESH(t, al, key, text, cond) \
  "  DELETE FROM " t "_search WHERE rowid IN (SELECT " key " FROM " t " " al " WHERE " cond ");" \
  "  INSERT INTO " t "_search (rowid, text) SELECT " key ", " text " FROM " t " " al \
  "   WHERE " cond ";"
#define DROP_ROW(t, key) \
  "  DELETE FROM " t "_search WHERE rowid = " key ";"
#define REFRESH_PLACEMENT(cond) REFRESH ("placement", "p", PLACEMENT_KEY ("p"), PLACEMENT_TEXT, cond)
#define REFRESH_ORGANISATION(cond) REFRESH ("organisation", "o", "o.id", ORGANISATION_TEXT, cond)
#define REFRESH_PERSON(cond) REFRESH ("person", "pe", "pe.id", PERSON_TEXT, cond)
#define REFRESH_PARTNERSHIP(cond) REFRESH ("partnership", "ps", "ps.id", PARTNERSHIP_TEXT, cond)
#define REFRESH_AGREEMENT(cond) REFRESH ("agreement", "a", "a.id", AGREEMENT_TEXT, cond)

static const char schema_v4[] =
  "CREATE INDEX placement_kind ON placement (kind, start_date);"
  "CREATE INDEX placement_status ON placement (status, start_date);"
  "CREATE INDEX placement_end ON placement (end_date);"
  "CREATE INDEX agreement_valid_until ON agreement (valid_until);"
  "CREATE INDEX person_name ON person (family_name COLLATE NOCASE, given_name COLLATE NOCASE);"
  "CREATE INDEX organisation_name ON organisation (name COLLATE NOCASE);"
  "CREATE INDEX partnership_title ON partnership (title COLLATE NOCASE);"

  FTS_TABLE ("placement")
  FTS_TABLE ("organisation")
  FTS_TABLE ("person")
  FTS_TABLE ("partnership")
  FTS_TABLE ("agreement")

  "INSERT INTO placement_search (rowid, text) SELECT " PLACEMENT_KEY ("p") ", " PLACEMENT_TEXT
  " FROM placement p;"
  "INSERT INTO organisation_search (rowid, text) SELECT o.id, " ORGANISATION_TEXT
  " FROM organisation o;"
  "INSERT INTO person_search (rowid, text) SELECT pe.id, " PERSON_TEXT " FROM person pe;"
  "INSERT INTO partnership_search (rowid, text) SELECT ps.id, " PARTNERSHIP_TEXT
  " FROM partnership ps;"
  "INSERT INTO agreement_search (rowid, text) SELECT a.id, " AGREEMENT_TEXT " FROM agreement a;"

  /* Placements: their own columns, topics, participants and their names. */
  "CREATE TRIGGER placement_search_insert AFTER INSERT ON placement BEGIN"
  REFRESH_PLACEMENT ("p.id = new.id") " END;"
  "CREATE TRIGGER placement_search_update"
  " AFTER UPDATE OF title, location, start_date ON placement BEGIN"
  DROP_ROW ("placement", PLACEMENT_KEY ("old"))
  REFRESH_PLACEMENT ("p.id = new.id") " END;"
  "CREATE TRIGGER placement_search_delete AFTER DELETE ON placement BEGIN"
  DROP_ROW ("placement", PLACEMENT_KEY ("old")) " END;"
  "CREATE TRIGGER placement_search_topic_insert AFTER INSERT ON placement_topic BEGIN"
  REFRESH_PLACEMENT ("p.id = new.placement_id") " END;"
  "CREATE TRIGGER placement_search_topic_update AFTER UPDATE ON placement_topic BEGIN"
  REFRESH_PLACEMENT ("p.id IN (old.placement_id, new.placement_id)") " END;"
  "CREATE TRIGGER placement_search_topic_delete AFTER DELETE ON placement_topic BEGIN"
  REFRESH_PLACEMENT ("p.id = old.placement_id") " END;"
  "CREATE TRIGGER placement_search_topic_rename AFTER UPDATE OF name ON topic BEGIN"
  REFRESH_PLACEMENT ("p.id IN (SELECT placement_id FROM placement_topic WHERE topic_id = new.id)")
  " END;"
  "CREATE TRIGGER placement_search_participant_insert AFTER INSERT ON participant BEGIN"
  REFRESH_PLACEMENT ("p.id = new.placement_id") " END;"
  "CREATE TRIGGER placement_search_participant_update"
  " AFTER UPDATE OF placement_id, person_id ON participant BEGIN"
  REFRESH_PLACEMENT ("p.id IN (old.placement_id, new.placement_id)") " END;"
  "CREATE TRIGGER placement_search_participant_delete AFTER DELETE ON participant BEGIN"
  REFRESH_PLACEMENT ("p.id = old.placement_id") " END;"

  /* People, and the placements they take part in. */
  "CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN"
  REFRESH_PERSON ("pe.id = new.id") " END;"
  "CREATE TRIGGER person_search_update"
  " AFTER UPDATE OF given_name, family_name, function ON person BEGIN"
  REFRESH_PERSON ("pe.id = new.id") " END;"
  "CREATE TRIGGER person_search_rename AFTER UPDATE OF given_name, family_name ON person BEGIN"
  REFRESH_PLACEMENT ("p.id IN (SELECT placement_id FROM participant WHERE person_id = new.id)")
  " END;"
  "CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN"
  DROP_ROW ("person", "old.id") " END;"

  /* Organisations, and the partnerships that are found by their names. */
  "CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisation BEGIN"
  REFRESH_ORGANISATION ("o.id = new.id") " END;"
  "CREATE TRIGGER organisation_search_update"
  " AFTER UPDATE OF name, short_name, region, address ON organisation BEGIN"
  REFRESH_ORGANISATION ("o.id = new.id") " END;"
  "CREATE TRIGGER organisation_search_rename AFTER UPDATE OF name ON organisation BEGIN"
  REFRESH_PARTNERSHIP ("ps.organisation_a_id = new.id OR ps.organisation_b_id = new.id") " END;"
  "CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisation BEGIN"
  DROP_ROW ("organisation", "old.id") " END;"

  "CREATE TRIGGER partnership_search_insert AFTER INSERT ON partnership BEGIN"
  REFRESH_PARTNERSHIP ("ps.id = new.id") " END;"
  "CREATE TRIGGER partnership_search_update"
  " AFTER UPDATE OF title, organisation_a_id, organisation_b_id ON partnership BEGIN"
  REFRESH_PARTNERSHIP ("ps.id = new.id") " END;"
  "CREATE TRIGGER partnership_search_delete AFTER DELETE ON partnership BEGIN"
  DROP_ROW ("partnership", "old.id") " END;"

  "CREATE TRIGGER agreement_search_insert AFTER INSERT ON agreement BEGIN"
  REFRESH_AGREEMENT ("a.id = new.id") " END;"
  "CREATE TRIGGER agreement_search_update AFTER UPDATE OF title, reference ON agreement BEGIN"
  REFRESH_AGREEMENT ("a.id = new.id") " END;"
  "CREATE TRIGGER agreement_search_delete AFTER DELETE ON agreement BEGIN"
  DROP_ROW ("agreement", "old.id") " END;";

/* Version 5: how many records of each kind there are, kept by triggers, so
 * that a list of 200,000 placements knows its length without counting
 * them (count(*) reads the whole of an index: 2.5 ms, twice the rest of
 * opening the database and showing its first rows). The triggers are part
 * of the file, so every program that writes to it keeps the counts right;
 * a bulk insert (se-store.c) drops the insert trigger and adds its rows
 * at once, within the same transaction. */
#define COUNTED(t) \
  "INSERT INTO record_count (record_table, n) SELECT '" t "', count(*) FROM " t ";" \
  "CREATE TRIGGER count_insert_" t " AFTER INSERT ON " t " BEGIN" \
  "  UPDATE record_count SET n = n + 1 WHERE record_table = '" t "';" \
  " END;" \
  "CREATE TRIGGER count_delete_" t " AFTER DELETE ON " t " BEGIN" \
  "  UPDATE record_count SET n = n - 1 WHERE record_table = '" t "';" \
  " END;"

static const char schema_v5[] =
  "CREATE TABLE record_count ("
  "  record_table TEXT PRIMARY KEY,"
  "  n INTEGER NOT NULL CHECK (n >= 0)"
  ") WITHOUT ROWID;"
  COUNTED ("organisation")
  COUNTED ("unit")
  COUNTED ("person")
  COUNTED ("topic")
  COUNTED ("partnership")
  COUNTED ("agreement")
  COUNTED ("signatory")
  COUNTED ("approval")
  COUNTED ("placement")
  COUNTED ("participant")
  COUNTED ("programme_item")
  COUNTED ("prerequisite")
  COUNTED ("placement_topic");

/* Version 6: a version on every record's row, one more with each update,
 * so that a save from what another has changed since is refused rather
 * than overwrite it (se-store-write.c); and the database user behind each
 * audit entry, where the database knows one (the server; here NULL). */
#define VERSIONED(t) "ALTER TABLE " t " ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version > 0);"

static const char schema_v6[] =
  SE_RECORD_TABLES (VERSIONED) "ALTER TABLE audit_log ADD COLUMN actor TEXT;";

static const SeMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
  { 4, schema_v4 },
  { 5, schema_v5 },
  { 6, schema_v6 },
};

/* A bulk insert (a CSV import, se-store.c) drops the per-row insert
 * triggers of its table for the length of its transaction and does their
 * work for all its rows at once, the ids being in temp.se_bulk_ids (n, id)
 * in the order of insertion. Here is that work, trigger by trigger; a
 * trigger not named here keeps firing per row. A new version of one of
 * these triggers needs its counterpart changed with it. */
#define BULK_IDS(al) al ".id IN (SELECT id FROM temp.se_bulk_ids)"

/* REFRESH for new rows, in the order of the search table's rowid: FTS5
 * writes its pending terms out whenever a rowid is not above the last one,
 * so that 200,000 placements in the order of their ids (their rowids being
 * dates) made 200,000 tiny segments to merge: 3.7 s, against 0.6 s in
 * order. REFRESH's DELETE finds nothing for a new row (the delete triggers
 * take a record's search row with it) and is left out: 0.3 s. */
#define BULK_REFRESH(t, al, key, text) \
  "  INSERT INTO " t "_search (rowid, text) SELECT " key ", " text " FROM " t " " al \
  "   WHERE " BULK_IDS (al) " ORDER BY 1;"

static const struct
{
  const char *table;
  const char *sql;
} bulk_search[] = {
  { "placement", BULK_REFRESH ("placement", "p", PLACEMENT_KEY ("p"), PLACEMENT_TEXT) },
  { "organisation", BULK_REFRESH ("organisation", "o", "o.id", ORGANISATION_TEXT) },
  { "person", BULK_REFRESH ("person", "pe", "pe.id", PERSON_TEXT) },
  { "partnership", BULK_REFRESH ("partnership", "ps", "ps.id", PARTNERSHIP_TEXT) },
  { "agreement", BULK_REFRESH ("agreement", "a", "a.id", AGREEMENT_TEXT) },
};

/* Every record's search row, into empty search tables, each in the order
 * of its rowid (see BULK_REFRESH) */
#define FILL(t, al, key, text) \
  "INSERT INTO " t "_search (rowid, text) SELECT " key ", " text " FROM " t " " al " ORDER BY 1;"

/**
 * _se_store_get_fill_search_sql:
 *
 * Returns: the statements that write every record's search row into the
 *   empty search tables of a file, after a copy dropped the triggers that
 *   would have written them row by row
 */
const char *
_se_store_get_fill_search_sql (void)
{
  return FILL ("placement", "p", PLACEMENT_KEY ("p"), PLACEMENT_TEXT)
    FILL ("organisation", "o", "o.id", ORGANISATION_TEXT)
      FILL ("person", "pe", "pe.id", PERSON_TEXT)
        FILL ("partnership", "ps", "ps.id", PARTNERSHIP_TEXT)
          FILL ("agreement", "a", "a.id", AGREEMENT_TEXT);
}

/**
 * _se_store_dup_bulk_sql:
 * @table: a record table
 * @trigger: the name of one of its triggers
 *
 * Returns: (nullable): what @trigger does for each inserted row, for all
 *   the rows of temp.se_bulk_ids; %NULL for a trigger that must keep
 *   firing per row
 */
char *
_se_store_dup_bulk_sql (const char *table,
                        const char *trigger)
{
  g_autofree char *audit = g_strconcat ("audit_insert_", table, NULL);
  g_autofree char *count = g_strconcat ("count_insert_", table, NULL);
  g_autofree char *search = g_strconcat (table, "_search_insert", NULL);

  if (g_str_equal (trigger, audit))
    return g_strdup_printf ("INSERT INTO audit_log (record_table, record_id, action)"
                            " SELECT '%s', id, 'insert' FROM temp.se_bulk_ids ORDER BY n;",
                            table);
  if (g_str_equal (trigger, count))
    return g_strdup_printf ("UPDATE record_count SET n = n + (SELECT count(*)"
                            " FROM temp.se_bulk_ids) WHERE record_table = '%s';", table);
  if (g_str_equal (trigger, search))
    for (guint i = 0; i < G_N_ELEMENTS (bulk_search); i++)
      if (g_str_equal (bulk_search[i].table, table))
        return g_strdup (bulk_search[i].sql);
  return NULL;
}

const SeMigration *
_se_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
