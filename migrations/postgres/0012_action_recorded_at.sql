-- As migrations/sqlite/0024: a corrective action keeps when it was recorded (the step that found
-- it), which a later resolution without a new action leaves as it was; the
-- report's actions and their monthly tallies go by it rather than by resolved_at.
ALTER TABLE complaints ADD COLUMN action_at text COLLATE "C";

-- The tallies below are counted again whole, so the triggers need not count this update.
ALTER TABLE complaints DISABLE TRIGGER complaints_retallied;
UPDATE complaints AS c SET action_at = COALESCE(
  (SELECT MIN(found.at) FROM events AS found
    WHERE found.complaint_id = c.id AND found.action IN ('resolved', 'proposed')
      AND found.changes::json ->> 'action' = c.action
      AND NOT EXISTS (SELECT 1 FROM events AS undo WHERE undo.undoes = found.id)
      AND found.at >= COALESCE((SELECT MAX(other.at) FROM events AS other
                                 WHERE other.complaint_id = c.id AND other.action IN ('resolved', 'proposed')
                                   AND other.changes::json ->> 'action' <> c.action
                                   AND NOT EXISTS (SELECT 1 FROM events AS undo WHERE undo.undoes = other.id)), '')),
  c.resolved_at)
 WHERE c.action IS NOT NULL;
ALTER TABLE complaints ENABLE TRIGGER complaints_retallied;

DROP INDEX complaints_with_action_by_resolved;
CREATE INDEX complaints_with_action_by_recorded ON complaints (action_at, cause) WHERE action IS NOT NULL;

CREATE OR REPLACE FUNCTION tallied_of(c complaints) RETURNS tallied
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ROW(substr(c.occurred_at, 1, 7),
             CASE WHEN c.status <> 'rejected' THEN c.cause END,
             CAST(floor(c.hours_to_resolve) AS INTEGER),
             CASE WHEN c.action IS NOT NULL THEN substr(c.action_at, 1, 7) END,
             CASE WHEN c.action IS NOT NULL AND c.action_at IS NOT NULL THEN c.cause END)::tallied;

DELETE FROM monthly_actions;
INSERT INTO monthly_actions (month, cause, recorded)
SELECT substr(action_at, 1, 7), cause, COUNT(*) FROM complaints
 WHERE action IS NOT NULL AND action_at IS NOT NULL AND cause IS NOT NULL GROUP BY substr(action_at, 1, 7), cause;

-- A till's role resolves and approves, which record the action's time (0004).
SELECT grant_to_tills('UPDATE (action_at) ON complaints');
