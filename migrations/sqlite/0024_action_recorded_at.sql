-- A corrective action was dated by resolved_at, which a later resolution moves: an action given on
-- 25 November, the complaint reopened and resolved again on 1 December without a new one, moved to
-- December's week in the report, and "did the action work" compared the wrong weeks. The action
-- now keeps when it was recorded: by the step that found it (a resolution, or the proposal of a
-- remedy for approval).
ALTER TABLE complaints ADD COLUMN action_at TEXT;

-- Complaints kept before: the first step that found the action they hold (a resolution, or a
-- proposal of a remedy for approval; not undone) since a step found another; resolved_at for
-- those whose timeline does not tell (imported).
UPDATE complaints SET action_at = COALESCE(
  (SELECT MIN(found.at) FROM events AS found
    WHERE found.complaint_id = complaints.id AND found.action IN ('resolved', 'proposed')
      AND found.changes ->> '$.action' = complaints.action
      AND NOT EXISTS (SELECT 1 FROM events AS undo WHERE undo.undoes = found.id)
      AND found.at >= COALESCE((SELECT MAX(other.at) FROM events AS other
                                 WHERE other.complaint_id = complaints.id AND other.action IN ('resolved', 'proposed')
                                   AND other.changes ->> '$.action' <> complaints.action
                                   AND NOT EXISTS (SELECT 1 FROM events AS undo WHERE undo.undoes = other.id)), '')),
  resolved_at)
 WHERE action IS NOT NULL;

-- The actions of a period, and their monthly tallies, by when they were recorded.
DROP INDEX complaints_with_action_by_resolved;
CREATE INDEX complaints_with_action_by_recorded ON complaints (action_at, cause) WHERE action IS NOT NULL;

DELETE FROM monthly_actions;
INSERT INTO monthly_actions (month, cause, recorded)
SELECT substr(action_at, 1, 7), cause, COUNT(*) FROM complaints
 WHERE action IS NOT NULL AND action_at IS NOT NULL AND cause IS NOT NULL GROUP BY substr(action_at, 1, 7), cause;

DROP TRIGGER monthly_tallies_change;
CREATE TRIGGER monthly_tallies_change INSTEAD OF INSERT ON monthly_tallies_changes BEGIN
  INSERT INTO monthly_causes SELECT substr(occurred_at, 1, 7), cause, NEW.sign FROM complaints
   WHERE id = NEW.id AND cause IS NOT NULL AND status <> 'rejected'
  ON CONFLICT DO UPDATE SET upheld = upheld + excluded.upheld;
  INSERT INTO monthly_hours SELECT substr(occurred_at, 1, 7), CAST(floor(hours_to_resolve) AS INTEGER), NEW.sign FROM complaints
   WHERE id = NEW.id AND hours_to_resolve IS NOT NULL
  ON CONFLICT DO UPDATE SET resolved = resolved + excluded.resolved;
  INSERT INTO monthly_actions SELECT substr(action_at, 1, 7), cause, NEW.sign FROM complaints
   WHERE id = NEW.id AND action IS NOT NULL AND action_at IS NOT NULL AND cause IS NOT NULL
  ON CONFLICT DO UPDATE SET recorded = recorded + excluded.recorded;
END;

DROP TRIGGER complaints_retallying;
DROP TRIGGER complaints_retallied;
CREATE TRIGGER complaints_retallying BEFORE UPDATE OF id, occurred_at, status, cause, resolved_at, action, action_at ON complaints BEGIN
  INSERT INTO monthly_tallies_changes VALUES (OLD.id, -1);
END;
CREATE TRIGGER complaints_retallied AFTER UPDATE OF id, occurred_at, status, cause, resolved_at, action, action_at ON complaints BEGIN
  INSERT INTO monthly_tallies_changes VALUES (NEW.id, 1);
END;
