-- The report's summary read every complaint of its period, and over years of history most of its
-- time went on counting what a day's complaints add up to again and again. Here what each day's
-- complaints add up to is kept as they are written; the summary reads those days, the complaints
-- of the period's partial first and last days, and the few it must see as they stand now.

-- The median time to resolve still needs each complaint's hours. As a generated column they are
-- worked out once, when a complaint is written, and not from two times read as text per report.
-- The report's index keeps them, and no longer the columns only the summary counted: the
-- complaints of a period's partial days are few enough to be looked up, and a narrower index is
-- quicker to read through and to build.
ALTER TABLE complaints ADD COLUMN hours_to_resolve REAL
  GENERATED ALWAYS AS ((unixepoch(resolved_at, 'subsec') - unixepoch(occurred_at, 'subsec')) / 3600.0) VIRTUAL;

DROP INDEX complaints_for_report;
CREATE INDEX complaints_for_report ON complaints (occurred_at, id, status, category, hours_to_resolve);

-- What depends on the moment the report is made (open, overdue, unanswered past respond-by) is
-- counted among the complaints that are open or not yet answered: as many as the shop has on its
-- hands, not as many as it has ever had.
CREATE INDEX complaints_awaiting ON complaints (occurred_at, status, respond_by, resolved_at)
  WHERE status IN ('new', 'triaged', 'assigned') OR (resolved_at IS NULL AND status <> 'rejected');

-- What one complaint adds to the figures of the UTC day it occurred on. `answered` is an upheld
-- complaint with a resolved_at; the rest are named as the report names them.
CREATE VIEW complaint_figures AS
SELECT id, occurred_at, substr(occurred_at, 1, 10) AS day,
       1 AS logged,
       status IN ('resolved', 'closed') AS resolved,
       status = 'rejected' AS rejected,
       status <> 'rejected' AND resolved_at IS NOT NULL AS answered,
       COALESCE(status <> 'rejected' AND resolved_at <= respond_by, 0) AS answered_in_time,
       followed_up_at IS NOT NULL AS followed_up,
       satisfaction IS NOT NULL AS rated,
       COALESCE(satisfaction, 0) AS satisfaction,
       COALESCE(cost_minor, 0) AS cost_minor
  FROM complaints;

CREATE TABLE daily_figures (
  day              TEXT PRIMARY KEY,
  logged           INTEGER NOT NULL,
  resolved         INTEGER NOT NULL,
  rejected         INTEGER NOT NULL,
  answered         INTEGER NOT NULL,
  answered_in_time INTEGER NOT NULL,
  followed_up      INTEGER NOT NULL,
  rated            INTEGER NOT NULL,
  satisfaction     INTEGER NOT NULL,
  cost_minor       INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO daily_figures
SELECT day, SUM(logged), SUM(resolved), SUM(rejected), SUM(answered), SUM(answered_in_time), SUM(followed_up),
       SUM(rated), SUM(satisfaction), SUM(cost_minor)
  FROM complaint_figures GROUP BY day;

-- Every change to a complaint takes what it added to its day away (sign -1) before, and adds what
-- it adds now (sign 1) after; the view only gives the one trigger that does it a name to be called by.
CREATE VIEW daily_figures_changes (id, sign) AS SELECT NULL, NULL WHERE 0;

CREATE TRIGGER daily_figures_change INSTEAD OF INSERT ON daily_figures_changes BEGIN
  INSERT INTO daily_figures
  SELECT day, NEW.sign * logged, NEW.sign * resolved, NEW.sign * rejected, NEW.sign * answered,
         NEW.sign * answered_in_time, NEW.sign * followed_up, NEW.sign * rated, NEW.sign * satisfaction,
         NEW.sign * cost_minor
    FROM complaint_figures WHERE id = NEW.id
  ON CONFLICT (day) DO UPDATE SET
    logged = logged + excluded.logged, resolved = resolved + excluded.resolved, rejected = rejected + excluded.rejected,
    answered = answered + excluded.answered, answered_in_time = answered_in_time + excluded.answered_in_time,
    followed_up = followed_up + excluded.followed_up, rated = rated + excluded.rated,
    satisfaction = satisfaction + excluded.satisfaction, cost_minor = cost_minor + excluded.cost_minor;
END;

-- Only changes to what is counted; a note or a forgotten name leaves the figures alone.
CREATE TRIGGER complaints_counted AFTER INSERT ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (NEW.id, 1);
END;
CREATE TRIGGER complaints_uncounted BEFORE DELETE ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (OLD.id, -1);
END;
CREATE TRIGGER complaints_recounting BEFORE UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction, cost_minor ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (OLD.id, -1);
END;
CREATE TRIGGER complaints_recounted AFTER UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction, cost_minor ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (NEW.id, 1);
END;
