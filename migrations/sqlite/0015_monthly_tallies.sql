-- A report over years still read every complaint three times: to count each cause (a range of
-- complaints_by_cause per spelling), for the median hours to resolve (every value, sorted), and to
-- count the corrective actions recorded for the vital causes. Here each UTC month keeps how many
-- upheld complaints each cause has, how many complaints were resolved within each whole hour, and
-- how many actions were recorded (by when the complaint was resolved) for each cause, as
-- complaints are written (src/store/kept-figures.ts).
-- A report reads the months wholly inside its period from these and the complaints of its
-- partial first and last months from the indexes; the median is found by counting hours to the
-- middle one and then reading only the complaints of that hour, from the index below.

CREATE TABLE monthly_causes (
  month  TEXT NOT NULL,
  cause  TEXT NOT NULL,
  upheld INTEGER NOT NULL,
  PRIMARY KEY (month, cause)
) STRICT, WITHOUT ROWID;

CREATE TABLE monthly_hours (
  month    TEXT NOT NULL,
  hour     INTEGER NOT NULL,
  resolved INTEGER NOT NULL,
  PRIMARY KEY (month, hour)
) STRICT, WITHOUT ROWID;

CREATE TABLE monthly_actions (
  month    TEXT NOT NULL,
  cause    TEXT NOT NULL,
  recorded INTEGER NOT NULL,
  PRIMARY KEY (month, cause)
) STRICT, WITHOUT ROWID;

CREATE INDEX complaints_by_hours_to_resolve ON complaints (hours_to_resolve, occurred_at) WHERE hours_to_resolve IS NOT NULL;

INSERT INTO monthly_causes (month, cause, upheld)
SELECT substr(occurred_at, 1, 7), cause, COUNT(*) FROM complaints
 WHERE cause IS NOT NULL AND status <> 'rejected' GROUP BY substr(occurred_at, 1, 7), cause;

INSERT INTO monthly_hours (month, hour, resolved)
SELECT substr(occurred_at, 1, 7), CAST(floor(hours_to_resolve) AS INTEGER), COUNT(*) FROM complaints
 WHERE hours_to_resolve IS NOT NULL GROUP BY substr(occurred_at, 1, 7), CAST(floor(hours_to_resolve) AS INTEGER);

INSERT INTO monthly_actions (month, cause, recorded)
SELECT substr(resolved_at, 1, 7), cause, COUNT(*) FROM complaints
 WHERE action IS NOT NULL AND resolved_at IS NOT NULL AND cause IS NOT NULL GROUP BY substr(resolved_at, 1, 7), cause;

-- Every change to a complaint takes what it added to its months away (sign -1) before, and adds
-- what it adds now (sign 1) after, as migrations/sqlite/0006 does for the days; the view only
-- gives the one trigger that does it a name to be called by.
CREATE VIEW monthly_tallies_changes (id, sign) AS SELECT NULL, NULL WHERE 0;

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

-- Only changes to what is tallied; a note or a forgotten name leaves the tallies alone.
CREATE TRIGGER complaints_tallied AFTER INSERT ON complaints BEGIN
  INSERT INTO monthly_tallies_changes VALUES (NEW.id, 1);
END;
CREATE TRIGGER complaints_untallied BEFORE DELETE ON complaints BEGIN
  INSERT INTO monthly_tallies_changes VALUES (OLD.id, -1);
END;
CREATE TRIGGER complaints_retallying BEFORE UPDATE OF id, occurred_at, status, cause, resolved_at, action ON complaints BEGIN
  INSERT INTO monthly_tallies_changes VALUES (OLD.id, -1);
END;
CREATE TRIGGER complaints_retallied AFTER UPDATE OF id, occurred_at, status, cause, resolved_at, action ON complaints BEGIN
  INSERT INTO monthly_tallies_changes VALUES (NEW.id, 1);
END;
