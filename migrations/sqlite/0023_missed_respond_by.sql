-- A respond-by given in place of one that had passed unanswered (assign or triage with
-- --respond-by on an overdue complaint) keeps the one missed: the complaint was not answered in
-- time, whatever its later deadline says, and the report is not to count it so. A reopening,
-- a new round, clears it. Complaints kept before have none: their figures stay as they were.
ALTER TABLE complaints ADD COLUMN missed_respond_by TEXT;

DROP VIEW complaint_figures;
CREATE VIEW complaint_figures AS
SELECT id, occurred_at, substr(occurred_at, 1, 10) AS day,
       status <> 'withdrawn' AS logged,
       status IN ('resolved', 'closed') AS resolved,
       status = 'rejected' AS rejected,
       status <> 'rejected' AND resolved_at IS NOT NULL AS answered,
       COALESCE(status <> 'rejected' AND resolved_at <= respond_by AND missed_respond_by IS NULL, 0) AS answered_in_time,
       followed_up_at IS NOT NULL AS followed_up,
       satisfaction IS NOT NULL AS rated,
       COALESCE(satisfaction, 0) AS satisfaction,
       0 AS cost_minor
  FROM complaints;

-- The figures of a complaint are recounted when what they are made of changes, now this too.
DROP TRIGGER complaints_recounted;
DROP TRIGGER complaints_recounting;
CREATE TRIGGER complaints_recounted AFTER UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction, missed_respond_by ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (NEW.id, 1);
END;
CREATE TRIGGER complaints_recounting BEFORE UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction, missed_respond_by ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (OLD.id, -1);
END;
