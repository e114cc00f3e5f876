-- Takes a database of this version's schema back to the one before, as
-- an older Staff Exchange left it: the tests of --upgrade-schema start
-- from it. It undoes the newest migration in se-store-schema-pg.c and
-- changes with it.
DROP FUNCTION se_next_version () CASCADE;
DROP FUNCTION se_notify_change () CASCADE;
DROP FUNCTION se_notify_bulk () CASCADE;
ALTER TABLE organisation DROP COLUMN row_version;
ALTER TABLE unit DROP COLUMN row_version;
ALTER TABLE person DROP COLUMN row_version;
ALTER TABLE topic DROP COLUMN row_version;
ALTER TABLE partnership DROP COLUMN row_version;
ALTER TABLE agreement DROP COLUMN row_version;
ALTER TABLE signatory DROP COLUMN row_version;
ALTER TABLE approval DROP COLUMN row_version;
ALTER TABLE placement DROP COLUMN row_version;
ALTER TABLE participant DROP COLUMN row_version;
ALTER TABLE programme_item DROP COLUMN row_version;
ALTER TABLE prerequisite DROP COLUMN row_version;
ALTER TABLE placement_topic DROP COLUMN row_version;
ALTER TABLE audit_log DROP COLUMN actor;
UPDATE staff_exchange_schema SET version = 5, oldest_writer = 5;
