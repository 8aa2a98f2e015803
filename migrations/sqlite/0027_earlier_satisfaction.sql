-- The report's average satisfaction is over the follow-ups given (PRODUCT.md), but a complaint
-- keeps one score: a complaint reopened and followed up again lost the score that reopened it, and
-- with it that 2/5 left every report. The scores a later follow-up took the place of are kept, oldest
-- first, as export writes them ("2; 1": each one digit), and count in the figures beside the latest.
ALTER TABLE complaints ADD COLUMN earlier_satisfaction TEXT;

-- How many scores, and their sum, in a kept list of one-digit scores: SQL has no split, so each
-- digit's count is what removing it takes away.
DROP VIEW complaint_figures;
CREATE VIEW complaint_figures AS
SELECT id, occurred_at, substr(occurred_at, 1, 10) AS day,
       status <> 'withdrawn' AS logged,
       status IN ('resolved', 'closed') AS resolved,
       status = 'rejected' AS rejected,
       status <> 'rejected' AND resolved_at IS NOT NULL AS answered,
       COALESCE(status <> 'rejected' AND resolved_at <= respond_by AND missed_respond_by IS NULL, 0) AS answered_in_time,
       followed_up_at IS NOT NULL AS followed_up,
       (satisfaction IS NOT NULL) + COALESCE(length(replace(earlier_satisfaction, '; ', '')), 0) AS rated,
       COALESCE(satisfaction, 0) + COALESCE(
         (length(earlier_satisfaction) - length(replace(earlier_satisfaction, '1', ''))) +
         (length(earlier_satisfaction) - length(replace(earlier_satisfaction, '2', ''))) * 2 +
         (length(earlier_satisfaction) - length(replace(earlier_satisfaction, '3', ''))) * 3 +
         (length(earlier_satisfaction) - length(replace(earlier_satisfaction, '4', ''))) * 4 +
         (length(earlier_satisfaction) - length(replace(earlier_satisfaction, '5', ''))) * 5, 0) AS satisfaction,
       0 AS cost_minor
  FROM complaints;

DROP TRIGGER complaints_recounted;
DROP TRIGGER complaints_recounting;
CREATE TRIGGER complaints_recounted AFTER UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction, missed_respond_by, earlier_satisfaction ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (NEW.id, 1);
END;
CREATE TRIGGER complaints_recounting BEFORE UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction, missed_respond_by, earlier_satisfaction ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (OLD.id, -1);
END;

-- The scores replaced before are on the timeline: each follow-up or reopening not undone that gave
-- one, oldest first, all but the one the complaint holds (the latest given) when it holds one. A
-- score an import brought has no event of its own, and is not found.
CREATE VIEW scores_given AS
SELECT e.complaint_id, e.id, json_extract(e.changes, '$.satisfaction') AS score,
       row_number() OVER (PARTITION BY e.complaint_id ORDER BY e.id DESC) AS from_latest
  FROM events AS e
 WHERE e.action IN ('followed-up', 'reopened') AND json_extract(e.changes, '$.satisfaction') IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM events AS u WHERE u.undoes = e.id)
   AND e.complaint_id IN (SELECT complaint_id FROM events WHERE action = 'reopened');

UPDATE complaints SET earlier_satisfaction = (
  SELECT group_concat(score, '; ') FROM (
    SELECT score FROM scores_given WHERE complaint_id = complaints.id AND from_latest > (complaints.satisfaction IS NOT NULL) ORDER BY id))
 WHERE id IN (SELECT complaint_id FROM events WHERE action = 'reopened');

-- An undo puts back what its step replaced (events.before). A follow-up recorded before this
-- version that took a score's place is given the earlier scores as they stood before it (all
-- given before it but the one it replaced), so that undoing it takes the score it moved back out.
UPDATE events SET before = json_set(before, '$.earlier_satisfaction', (
  SELECT group_concat(score, '; ') FROM (
    SELECT score FROM scores_given AS given
     WHERE given.complaint_id = events.complaint_id AND given.id < events.id
       AND given.id < (SELECT max(latest.id) FROM scores_given AS latest WHERE latest.complaint_id = events.complaint_id AND latest.id < events.id)
     ORDER BY given.id)))
 WHERE action IN ('followed-up', 'reopened') AND json_extract(before, '$.satisfaction') IS NOT NULL
   AND json_type(changes, '$.satisfaction') IS NOT NULL
   AND complaint_id IN (SELECT complaint_id FROM events WHERE action = 'reopened');

DROP VIEW scores_given;
