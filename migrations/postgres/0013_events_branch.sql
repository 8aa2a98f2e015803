-- As migrations/sqlite/0025: each event records the branch of the till it was made at, as two
-- branches may each have a till called 前台, and `undo` without a complaint goes by both. Of the
-- events kept before, a logging takes its complaint's branch; any other keeps none.
ALTER TABLE events ADD COLUMN branch text COLLATE "C";

UPDATE events AS e SET branch = c.branch
  FROM complaints AS c
 WHERE c.id = e.complaint_id AND e.action = 'logged' AND e.till IS NOT NULL AND c.branch IS NOT NULL;

DROP INDEX events_by_till;
CREATE INDEX events_by_till ON events (till, branch, id) WHERE till IS NOT NULL;
