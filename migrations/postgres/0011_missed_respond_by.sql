-- As migrations/sqlite/0023: the respond-by that had passed unanswered when a later one was given
-- in its place; the complaint is then not counted as answered in time. Complaints kept before
-- have none, so the figures kept are what they were.
ALTER TABLE complaints ADD COLUMN missed_respond_by text COLLATE "C";

CREATE OR REPLACE FUNCTION figures_of(c complaints) RETURNS daily_figures
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ROW(substr(c.occurred_at, 1, 10),
             (c.status <> 'withdrawn')::int,
             (c.status IN ('resolved', 'closed'))::int,
             (c.status = 'rejected')::int,
             (c.status <> 'rejected' AND c.resolved_at IS NOT NULL)::int,
             COALESCE((c.status <> 'rejected' AND c.resolved_at <= c.respond_by AND c.missed_respond_by IS NULL)::int, 0),
             (c.followed_up_at IS NOT NULL)::int,
             (c.satisfaction IS NOT NULL)::int,
             COALESCE(c.satisfaction, 0),
             0)::daily_figures;

-- A till's role assigns and triages with a respond-by, which may now keep the one missed (0004).
SELECT grant_to_tills('UPDATE (missed_respond_by) ON complaints');
