-- As migrations/sqlite/0015: each UTC month keeps how many upheld complaints each cause has, how
-- many complaints were resolved within each whole hour, and how many corrective actions were
-- recorded for each cause, as complaints are written, so that a report over years reads months
-- rather than every complaint for its Pareto table, its median and its list of actions.

CREATE TABLE monthly_causes (
  month  text COLLATE "C" NOT NULL,
  cause  text COLLATE "C" NOT NULL,
  upheld bigint NOT NULL,
  PRIMARY KEY (month, cause)
);

CREATE TABLE monthly_hours (
  month    text COLLATE "C" NOT NULL,
  hour     integer NOT NULL,
  resolved bigint NOT NULL,
  PRIMARY KEY (month, hour)
);

CREATE TABLE monthly_actions (
  month    text COLLATE "C" NOT NULL,
  cause    text COLLATE "C" NOT NULL,
  recorded bigint NOT NULL,
  PRIMARY KEY (month, cause)
);

CREATE INDEX complaints_by_hours_to_resolve ON complaints (hours_to_resolve, occurred_at) WHERE hours_to_resolve IS NOT NULL;

INSERT INTO monthly_causes (month, cause, upheld)
SELECT substr(occurred_at, 1, 7), cause, COUNT(*) FROM complaints
 WHERE cause IS NOT NULL AND status <> 'rejected' GROUP BY substr(occurred_at, 1, 7), cause;

INSERT INTO monthly_hours (month, hour, resolved)
SELECT substr(occurred_at, 1, 7), CAST(floor(hours_to_resolve) AS INTEGER), COUNT(*) FROM complaints
 WHERE hours_to_resolve IS NOT NULL GROUP BY substr(occurred_at, 1, 7), CAST(floor(hours_to_resolve) AS INTEGER);

INSERT INTO monthly_actions (month, cause, recorded)
SELECT substr(resolved_at, 1, 7), cause, COUNT(*) FROM complaints
 WHERE action IS NOT NULL AND resolved_at IS NOT NULL AND cause IS NOT NULL GROUP BY substr(resolved_at, 1, 7), cause;

-- What one complaint adds to its months' tallies: in the month it occurred, its cause when it is
-- upheld and the whole hour it took to resolve; in the month it was resolved, the cause its
-- corrective action was recorded for. Each NULL when it adds nothing there. The one definition
-- the triggers share.
CREATE TYPE tallied AS (month text COLLATE "C", cause text COLLATE "C", hour integer, acted_month text COLLATE "C", acted_cause text COLLATE "C");

CREATE FUNCTION tallied_of(c complaints) RETURNS tallied
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ROW(substr(c.occurred_at, 1, 7),
             CASE WHEN c.status <> 'rejected' THEN c.cause END,
             CAST(floor(c.hours_to_resolve) AS INTEGER),
             CASE WHEN c.action IS NOT NULL THEN substr(c.resolved_at, 1, 7) END,
             CASE WHEN c.action IS NOT NULL AND c.resolved_at IS NOT NULL THEN c.cause END)::tallied;

-- What one statement `taken` away and `added`, netted month by month as add_to_daily_figures
-- nets days: one write a month and cause or hour a statement, however many complaints it wrote.
CREATE FUNCTION add_to_monthly_tallies(taken tallied[], added tallied[]) RETURNS void
  LANGUAGE sql
  BEGIN ATOMIC
    INSERT INTO monthly_causes (month, cause, upheld)
    SELECT month, cause, SUM(sign)
      FROM (SELECT month, cause, -1 AS sign FROM unnest(taken) UNION ALL SELECT month, cause, 1 FROM unnest(added)) AS change
     WHERE cause IS NOT NULL
     GROUP BY month, cause
    HAVING SUM(sign) <> 0
    ON CONFLICT (month, cause) DO UPDATE SET upheld = monthly_causes.upheld + excluded.upheld;
    INSERT INTO monthly_hours (month, hour, resolved)
    SELECT month, hour, SUM(sign)
      FROM (SELECT month, hour, -1 AS sign FROM unnest(taken) UNION ALL SELECT month, hour, 1 FROM unnest(added)) AS change
     WHERE hour IS NOT NULL
     GROUP BY month, hour
    HAVING SUM(sign) <> 0
    ON CONFLICT (month, hour) DO UPDATE SET resolved = monthly_hours.resolved + excluded.resolved;
    INSERT INTO monthly_actions (month, cause, recorded)
    SELECT acted_month, acted_cause, SUM(sign)
      FROM (SELECT acted_month, acted_cause, -1 AS sign FROM unnest(taken)
            UNION ALL SELECT acted_month, acted_cause, 1 FROM unnest(added)) AS change
     WHERE acted_cause IS NOT NULL
     GROUP BY acted_month, acted_cause
    HAVING SUM(sign) <> 0
    ON CONFLICT (month, cause) DO UPDATE SET recorded = monthly_actions.recorded + excluded.recorded;
  END;

CREATE FUNCTION complaints_tallied() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_to_monthly_tallies('{}', ARRAY(SELECT tallied_of(c) FROM new_rows AS c));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_to_monthly_tallies(ARRAY(SELECT tallied_of(c) FROM old_rows AS c), '{}');
  ELSE
    PERFORM add_to_monthly_tallies(ARRAY(SELECT tallied_of(c) FROM old_rows AS c), ARRAY(SELECT tallied_of(c) FROM new_rows AS c));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER complaints_tallied_in AFTER INSERT ON complaints
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaints_tallied();
CREATE TRIGGER complaints_tallied_out AFTER DELETE ON complaints
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION complaints_tallied();
CREATE TRIGGER complaints_retallied AFTER UPDATE ON complaints
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION complaints_tallied();

-- A till's role keeps the tallies as its steps change complaints (store/postgres/roles.ts).
SELECT grant_to_tills('SELECT, INSERT, UPDATE ON monthly_causes, monthly_hours, monthly_actions');
