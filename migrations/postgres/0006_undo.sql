-- As migrations/sqlite/0014: a complaint whose logging is undone is withdrawn, keeps its number
-- and timeline, and counts nowhere; each event from here on records the till it was made at, what
-- the complaint's changed columns held before it, and for an undo, the event it undid.
ALTER TABLE complaints DROP CONSTRAINT complaints_status_check;
ALTER TABLE complaints ADD CONSTRAINT complaints_status_check
  CHECK (status IN ('new', 'triaged', 'assigned', 'resolved', 'closed', 'rejected', 'withdrawn'));

-- A withdrawn complaint adds nothing to the day it occurred on. No complaint is withdrawn yet, so
-- the figures kept are what they were.
CREATE OR REPLACE FUNCTION figures_of(c complaints) RETURNS daily_figures
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ROW(substr(c.occurred_at, 1, 10),
             (c.status <> 'withdrawn')::int,
             (c.status IN ('resolved', 'closed'))::int,
             (c.status = 'rejected')::int,
             (c.status <> 'rejected' AND c.resolved_at IS NOT NULL)::int,
             COALESCE((c.status <> 'rejected' AND c.resolved_at <= c.respond_by)::int, 0),
             (c.followed_up_at IS NOT NULL)::int,
             (c.satisfaction IS NOT NULL)::int,
             COALESCE(c.satisfaction, 0),
             0)::daily_figures;

ALTER TABLE events ADD COLUMN till text COLLATE "C";
ALTER TABLE events ADD COLUMN before text CHECK (json_typeof(before::json) = 'object');
ALTER TABLE events ADD COLUMN undoes bigint REFERENCES events (id);

CREATE INDEX events_by_till ON events (till, id) WHERE till IS NOT NULL;
CREATE UNIQUE INDEX events_undone ON events (undoes) WHERE undoes IS NOT NULL;

-- Undoing a resolve takes back the remedy it gave (the timeline keeps both): a till's role may
-- delete a remedy, and nothing else (migrations/postgres/0004).
SELECT grant_to_tills('DELETE ON remedies');
