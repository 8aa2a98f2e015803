-- The logbook on PostgreSQL: the same tables, columns and rules as the SQLite logbook reached by
-- migrations/sqlite/0001–0010, so that every command gives the same output on either engine.
--
-- Text is compared byte by byte (COLLATE "C"), as SQLite compares it, whatever the database's
-- own collation: causes sort and group alike, and times, kept as ISO 8601 UTC text exactly as
-- SQLite keeps them, compare in time order. Complaint numbers are given by the store (the last
-- one plus one, under a lock), not by a sequence, so that a number is never skipped and an
-- import may keep the numbers of its file.

-- Seconds since 1970 of a time as the logbook stores it (ISO 8601 with a Z), as SQLite's
-- unixepoch(…, 'subsec') gives them. Declared immutable so that a generated column may use it:
-- a text cast to a time depends on the session's settings only for forms the logbook never stores.
CREATE FUNCTION iso_seconds(stored text) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN extract(epoch FROM stored::timestamptz)::double precision;

CREATE TABLE complaints (
  id             bigint PRIMARY KEY,
  logged_at      text COLLATE "C" NOT NULL,
  occurred_at    text COLLATE "C" NOT NULL,
  status         text COLLATE "C" NOT NULL CHECK (status IN ('new', 'triaged', 'assigned', 'resolved', 'closed', 'rejected')),
  channel        text COLLATE "C",
  customer       text COLLATE "C",
  contact        text COLLATE "C",
  about          text COLLATE "C",
  description    text COLLATE "C" NOT NULL CHECK (description <> ''),
  wants          text COLLATE "C",
  suggestion     text COLLATE "C",
  staff          text COLLATE "C",
  category       text COLLATE "C",
  cause          text COLLATE "C",
  severity       text COLLATE "C",
  reject_reason  text COLLATE "C",
  assignee       text COLLATE "C",
  respond_by     text COLLATE "C",
  resolved_at    text COLLATE "C",
  remedy         text COLLATE "C",
  cost_minor     bigint CHECK (cost_minor >= 0),
  root_cause     text COLLATE "C",
  action         text COLLATE "C",
  followed_up_at text COLLATE "C",
  satisfaction   integer CHECK (satisfaction BETWEEN 1 AND 5),
  customer_key   text COLLATE "C",
  contact_key    text COLLATE "C",
  uid            text COLLATE "C" NOT NULL,
  hours_to_resolve double precision
    GENERATED ALWAYS AS ((iso_seconds(resolved_at) - iso_seconds(occurred_at)) / 3600.0) STORED
);

CREATE UNIQUE INDEX complaints_by_uid ON complaints (uid);
CREATE INDEX complaints_by_status ON complaints (status, respond_by);
CREATE INDEX complaints_by_cause ON complaints (cause, occurred_at, status);
CREATE INDEX complaints_by_category ON complaints (category) WHERE category IS NOT NULL;
CREATE INDEX complaints_by_assignee ON complaints (assignee) WHERE assignee IS NOT NULL;
CREATE INDEX complaints_by_customer ON complaints (customer_key) WHERE customer_key IS NOT NULL;
CREATE INDEX complaints_by_contact ON complaints (contact_key) WHERE contact_key IS NOT NULL;
CREATE INDEX complaints_for_report ON complaints (occurred_at, id) INCLUDE (status, category, hours_to_resolve);
CREATE INDEX complaints_awaiting ON complaints (occurred_at, status, respond_by, resolved_at)
  WHERE status IN ('new', 'triaged', 'assigned') OR (resolved_at IS NULL AND status <> 'rejected');
CREATE INDEX complaints_with_action_by_resolved ON complaints (resolved_at, cause) WHERE action IS NOT NULL;
CREATE INDEX complaints_with_suggestion_by_occurred ON complaints (occurred_at) WHERE suggestion IS NOT NULL;

CREATE TABLE events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id bigint NOT NULL REFERENCES complaints (id),
  at           text COLLATE "C" NOT NULL,
  recorded_at  text COLLATE "C" NOT NULL,
  action       text COLLATE "C" NOT NULL,
  -- What the step changed or said, as a JSON object of column names to new values. Text rather
  -- than jsonb, which would reorder the keys.
  changes      text NOT NULL CHECK (json_typeof(changes::json) = 'object')
);

CREATE INDEX events_by_complaint ON events (complaint_id, id);

CREATE TABLE remedies (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id bigint NOT NULL REFERENCES complaints (id),
  given_at     text COLLATE "C" NOT NULL,
  remedy       text COLLATE "C" NOT NULL,
  cost_minor   bigint CHECK (cost_minor >= 0)
);

CREATE INDEX remedies_by_complaint ON remedies (complaint_id, given_at);
CREATE INDEX remedies_by_given ON remedies (given_at, remedy, cost_minor, complaint_id);

CREATE TABLE settings (
  key   text COLLATE "C" PRIMARY KEY,
  value text COLLATE "C" NOT NULL
);

-- What each UTC day's complaints add up to, kept as they are written (as migrations/sqlite/0006
-- keeps them), so that a report over years reads days rather than complaints.
CREATE TABLE daily_figures (
  day              text COLLATE "C" PRIMARY KEY,
  logged           bigint NOT NULL,
  resolved         bigint NOT NULL,
  rejected         bigint NOT NULL,
  answered         bigint NOT NULL,
  answered_in_time bigint NOT NULL,
  followed_up      bigint NOT NULL,
  rated            bigint NOT NULL,
  satisfaction     bigint NOT NULL,
  cost_minor       bigint NOT NULL
);

-- What one complaint adds to the figures of the day it occurred on, as a row of daily_figures:
-- the one definition the view, the triggers and the recount share. `answered` is an upheld complaint with a resolved_at.
CREATE FUNCTION figures_of(c complaints) RETURNS daily_figures
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ROW(substr(c.occurred_at, 1, 10),
             1,
             (c.status IN ('resolved', 'closed'))::int,
             (c.status = 'rejected')::int,
             (c.status <> 'rejected' AND c.resolved_at IS NOT NULL)::int,
             COALESCE((c.status <> 'rejected' AND c.resolved_at <= c.respond_by)::int, 0),
             (c.followed_up_at IS NOT NULL)::int,
             (c.satisfaction IS NOT NULL)::int,
             COALESCE(c.satisfaction, 0),
             0)::daily_figures;

CREATE VIEW complaint_figures AS
SELECT c.id, c.occurred_at, f.* FROM complaints AS c CROSS JOIN LATERAL figures_of(c) AS f;

-- What a remedy's cost adds to the day it was given on (migrations/sqlite/0009).
CREATE FUNCTION remedy_figures_of(r remedies) RETURNS daily_figures
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ROW(substr(r.given_at, 1, 10), 0, 0, 0, 0, 0, 0, 0, 0, COALESCE(r.cost_minor, 0))::daily_figures;

CREATE VIEW remedy_figures AS
SELECT r.id, r.given_at, f.* FROM remedies AS r CROSS JOIN LATERAL remedy_figures_of(r) AS f WHERE r.cost_minor > 0;

-- The figures `taken` away and `added` by one statement, netted day by day: one write a day a
-- statement, however many complaints it wrote (a row-level trigger wrote the row of a day once
-- per complaint, and a large import updating one row thousands of times in one transaction slowed
-- as the row's versions piled up). Days whose figures do not change are left alone.
CREATE FUNCTION add_to_daily_figures(taken daily_figures[], added daily_figures[]) RETURNS void
  LANGUAGE sql
  BEGIN ATOMIC
    INSERT INTO daily_figures
    SELECT day, SUM(logged), SUM(resolved), SUM(rejected), SUM(answered), SUM(answered_in_time), SUM(followed_up),
           SUM(rated), SUM(satisfaction), SUM(cost_minor)
      FROM (SELECT day, -logged AS logged, -resolved AS resolved, -rejected AS rejected, -answered AS answered,
                   -answered_in_time AS answered_in_time, -followed_up AS followed_up, -rated AS rated,
                   -satisfaction AS satisfaction, -cost_minor AS cost_minor
              FROM unnest(taken)
            UNION ALL
            SELECT * FROM unnest(added)) AS change
     GROUP BY day
    HAVING ROW(SUM(logged), SUM(resolved), SUM(rejected), SUM(answered), SUM(answered_in_time), SUM(followed_up),
               SUM(rated), SUM(satisfaction), SUM(cost_minor)) <> ROW(0, 0, 0, 0, 0, 0, 0, 0, 0)
    ON CONFLICT (day) DO UPDATE SET
      logged = daily_figures.logged + excluded.logged, resolved = daily_figures.resolved + excluded.resolved,
      rejected = daily_figures.rejected + excluded.rejected, answered = daily_figures.answered + excluded.answered,
      answered_in_time = daily_figures.answered_in_time + excluded.answered_in_time,
      followed_up = daily_figures.followed_up + excluded.followed_up, rated = daily_figures.rated + excluded.rated,
      satisfaction = daily_figures.satisfaction + excluded.satisfaction, cost_minor = daily_figures.cost_minor + excluded.cost_minor;
  END;

-- A statement's change takes away what its complaints added to their days before and adds what
-- they add now.
CREATE FUNCTION complaints_counted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_to_daily_figures('{}', ARRAY(SELECT figures_of(c) FROM new_rows AS c));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_to_daily_figures(ARRAY(SELECT figures_of(c) FROM old_rows AS c), '{}');
  ELSE
    PERFORM add_to_daily_figures(ARRAY(SELECT figures_of(c) FROM old_rows AS c), ARRAY(SELECT figures_of(c) FROM new_rows AS c));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER complaints_counted_in AFTER INSERT ON complaints
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaints_counted();
CREATE TRIGGER complaints_counted_out AFTER DELETE ON complaints
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION complaints_counted();
CREATE TRIGGER complaints_recounted AFTER UPDATE ON complaints
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaints_counted();

CREATE FUNCTION remedies_counted() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_to_daily_figures('{}', ARRAY(SELECT remedy_figures_of(r) FROM new_rows AS r));
  ELSE
    PERFORM add_to_daily_figures(ARRAY(SELECT remedy_figures_of(r) FROM old_rows AS r), '{}');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER remedies_counted_in AFTER INSERT ON remedies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION remedies_counted();
CREATE TRIGGER remedies_counted_out AFTER DELETE ON remedies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION remedies_counted();
