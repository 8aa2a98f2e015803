-- As migrations/sqlite/0027: the scores a later follow-up took the place of are kept, oldest first,
-- as export writes them ("2; 1": each one digit), and count in the figures beside the latest.
ALTER TABLE complaints ADD COLUMN earlier_satisfaction text COLLATE "C";

-- How many scores, and their sum, in a kept list of one-digit scores, counted as SQLite counts them.
CREATE FUNCTION scores_kept(kept text) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN COALESCE(length(replace(kept, '; ', '')), 0);
CREATE FUNCTION score_sum_kept(kept text) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN COALESCE((length(kept) - length(replace(kept, '1', ''))) +
                  (length(kept) - length(replace(kept, '2', ''))) * 2 +
                  (length(kept) - length(replace(kept, '3', ''))) * 3 +
                  (length(kept) - length(replace(kept, '4', ''))) * 4 +
                  (length(kept) - length(replace(kept, '5', ''))) * 5, 0);

CREATE OR REPLACE FUNCTION figures_of(c complaints) RETURNS daily_figures
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ROW(substr(c.occurred_at, 1, 10),
             (c.status <> 'withdrawn')::int,
             (c.status IN ('resolved', 'closed'))::int,
             (c.status = 'rejected')::int,
             (c.status <> 'rejected' AND c.resolved_at IS NOT NULL)::int,
             COALESCE((c.status <> 'rejected' AND c.resolved_at <= c.respond_by AND c.missed_respond_by IS NULL)::int, 0),
             (c.followed_up_at IS NOT NULL)::int,
             (c.satisfaction IS NOT NULL)::int + scores_kept(c.earlier_satisfaction),
             COALESCE(c.satisfaction, 0) + score_sum_kept(c.earlier_satisfaction),
             0)::daily_figures;

-- A till's role follows up, which may now keep the score it replaces.
SELECT grant_to_tills('UPDATE (earlier_satisfaction) ON complaints');

-- The scores replaced before are on the timeline: each follow-up or reopening not undone that gave
-- one, oldest first, all but the one the complaint holds (the latest given) when it holds one. A
-- score an import brought has no event of its own, and is not found.
CREATE FUNCTION scores_given_before(complaint bigint, before_event bigint, leaving int) RETURNS text
  LANGUAGE sql STABLE
  RETURN (SELECT string_agg(score, '; ' ORDER BY id) FROM (
            SELECT e.id, e.changes::json ->> 'satisfaction' AS score, row_number() OVER (ORDER BY e.id DESC) AS from_latest
              FROM events AS e
             WHERE e.complaint_id = complaint AND e.id < before_event AND e.action IN ('followed-up', 'reopened')
               AND e.changes::json ->> 'satisfaction' IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM events AS u WHERE u.undoes = e.id)) AS given
           WHERE from_latest > leaving);

UPDATE complaints SET earlier_satisfaction = scores_given_before(id, 9223372036854775807, (satisfaction IS NOT NULL)::int)
 WHERE id IN (SELECT complaint_id FROM events WHERE action = 'reopened');

-- An undo puts back what its step replaced (events.before). A follow-up recorded before this
-- version that took a score's place is given the earlier scores as they stood before it, so that
-- undoing it takes the score it moved back out of them.
UPDATE events SET before = jsonb_set(before::jsonb, '{earlier_satisfaction}', COALESCE(to_jsonb(scores_given_before(complaint_id, id, 1)), 'null'::jsonb))::text
 WHERE action IN ('followed-up', 'reopened') AND before::json ->> 'satisfaction' IS NOT NULL
   AND changes::jsonb ? 'satisfaction'
   AND complaint_id IN (SELECT complaint_id FROM events WHERE action = 'reopened');

DROP FUNCTION scores_given_before;
