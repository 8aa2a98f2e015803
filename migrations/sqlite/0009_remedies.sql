-- A complaint may receive several remedies: a refund, then after a reopen a discount. The
-- complaint kept only the last one, so the first was lost from show and export and from what the
-- report said the remedies cost. Each remedy given is now a row of its own; the complaint keeps
-- the latest remedy and, in cost_minor, what all of them cost together.
CREATE TABLE remedies (
  id           INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints (id),
  given_at     TEXT NOT NULL,
  remedy       TEXT NOT NULL,
  cost_minor   INTEGER CHECK (cost_minor >= 0)
) STRICT;

-- A complaint's remedies, in the order given; and a period's remedies, with what the report counts.
CREATE INDEX remedies_by_complaint ON remedies (complaint_id, given_at);
CREATE INDEX remedies_by_given ON remedies (given_at, remedy, cost_minor, complaint_id);

-- Every remedy the timelines record, each 'resolved' event having given one; a complaint with a
-- remedy and no such event (an imported one) gave it when it was resolved.
INSERT INTO remedies (complaint_id, given_at, remedy, cost_minor)
SELECT complaint_id, at, changes ->> 'remedy', changes ->> 'cost_minor'
  FROM events
 WHERE action = 'resolved' AND changes ->> 'remedy' IS NOT NULL AND complaint_id IN (SELECT id FROM complaints)
 ORDER BY complaint_id, at, id;
INSERT INTO remedies (complaint_id, given_at, remedy, cost_minor)
SELECT id, COALESCE(resolved_at, occurred_at), remedy, cost_minor
  FROM complaints AS c
 WHERE remedy IS NOT NULL AND NOT EXISTS (SELECT 1 FROM remedies AS r WHERE r.complaint_id = c.id);

-- Set aside while the costs are summed: the figures are counted again below.
DROP TRIGGER complaints_recounting;
DROP TRIGGER complaints_recounted;
UPDATE complaints
   SET cost_minor = (SELECT SUM(cost_minor) FROM remedies WHERE complaint_id = complaints.id)
 WHERE remedy IS NOT NULL;

-- What remedies cost is counted on the day each was given (a refund given this week counts this
-- week, whenever the complaint happened), from remedy_figures, so it is nothing of the day a
-- complaint happened; complaint_figures keeps the column only so both views have the same shape.
DROP VIEW complaint_figures;
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
       0 AS cost_minor
  FROM complaints;

-- Only remedies that cost something add to a day: a day of apologies alone adds nothing to keep.
CREATE VIEW remedy_figures AS
SELECT id, given_at, substr(given_at, 1, 10) AS day,
       0 AS logged, 0 AS resolved, 0 AS rejected, 0 AS answered, 0 AS answered_in_time, 0 AS followed_up, 0 AS rated,
       0 AS satisfaction, cost_minor
  FROM remedies WHERE cost_minor > 0;

-- As migration 0006 made them, without cost_minor, which no longer counts on the complaint's day.
CREATE TRIGGER complaints_recounting BEFORE UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (OLD.id, -1);
END;
CREATE TRIGGER complaints_recounted AFTER UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (NEW.id, 1);
END;

-- Remedies are given, never changed; one deleted (a logbook mended by hand) is taken off its day.
CREATE TRIGGER remedies_counted AFTER INSERT ON remedies WHEN NEW.cost_minor > 0 BEGIN
  INSERT INTO daily_figures (day, logged, resolved, rejected, answered, answered_in_time, followed_up, rated, satisfaction, cost_minor)
  VALUES (substr(NEW.given_at, 1, 10), 0, 0, 0, 0, 0, 0, 0, 0, NEW.cost_minor)
  ON CONFLICT (day) DO UPDATE SET cost_minor = cost_minor + excluded.cost_minor;
END;
CREATE TRIGGER remedies_uncounted BEFORE DELETE ON remedies WHEN OLD.cost_minor > 0 BEGIN
  UPDATE daily_figures SET cost_minor = cost_minor - OLD.cost_minor WHERE day = substr(OLD.given_at, 1, 10);
END;

DELETE FROM daily_figures;
INSERT INTO daily_figures
SELECT day, SUM(logged), SUM(resolved), SUM(rejected), SUM(answered), SUM(answered_in_time), SUM(followed_up),
       SUM(rated), SUM(satisfaction), SUM(cost_minor)
  FROM (SELECT * FROM complaint_figures UNION ALL SELECT * FROM remedy_figures)
 GROUP BY day;
