-- Two branches may each call their front till 前台, and `undo` without a complaint undoes "this
-- till's" latest change: by the till's name alone, the one of 北门店 undid a logging at 南门店's and
-- withdrew that branch's complaint. Each event now records the branch of the till it was made at,
-- and undo goes by both.
ALTER TABLE events ADD COLUMN branch TEXT;

-- Events kept before: a logging was made where its complaint was logged, so its branch is the
-- complaint's; of any other step only the till's name was kept, and it keeps no branch (a till of
-- a branch finds it no longer as its own; `undo N` still undoes it). Only complaints logged at a
-- branch have one to give, so a logbook without branches changes nothing.
UPDATE events SET branch = (SELECT branch FROM complaints WHERE complaints.id = events.complaint_id)
 WHERE action = 'logged' AND till IS NOT NULL AND complaint_id IN (SELECT id FROM complaints WHERE branch IS NOT NULL);

DROP INDEX events_by_till;
CREATE INDEX events_by_till ON events (till, branch, id) WHERE till IS NOT NULL;
