-- The logbook: complaints as they stand now, and the append-only history of how they got there.
-- Times are ISO 8601 UTC with milliseconds (fixed width, so text order is time order).
CREATE TABLE complaints (
  id             INTEGER PRIMARY KEY,
  logged_at      TEXT NOT NULL,
  occurred_at    TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('new', 'triaged', 'assigned', 'resolved', 'closed', 'rejected')),
  channel        TEXT,
  customer       TEXT,
  contact        TEXT,
  about          TEXT,
  description    TEXT NOT NULL CHECK (description <> ''),
  wants          TEXT,
  suggestion     TEXT,
  staff          TEXT,
  category       TEXT,
  cause          TEXT,
  severity       TEXT,
  reject_reason  TEXT,
  assignee       TEXT,
  respond_by     TEXT,
  resolved_at    TEXT,
  remedy         TEXT,
  cost_minor     INTEGER CHECK (cost_minor >= 0),
  root_cause     TEXT,
  action         TEXT,
  followed_up_at TEXT,
  satisfaction   INTEGER CHECK (satisfaction BETWEEN 1 AND 5)
) STRICT;

CREATE INDEX complaints_by_occurred ON complaints (occurred_at);
CREATE INDEX complaints_by_status ON complaints (status, respond_by);
CREATE INDEX complaints_by_customer ON complaints (customer COLLATE NOCASE);
CREATE INDEX complaints_by_cause ON complaints (cause);

CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints (id),
  at           TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  action       TEXT NOT NULL,
  -- What the step changed or said, as a JSON object of column names to new values.
  changes      TEXT NOT NULL CHECK (json_valid(changes))
) STRICT;

CREATE INDEX events_by_complaint ON events (complaint_id, id);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
