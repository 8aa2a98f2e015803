-- Undo (src/domain/undo.ts). Undoing the logging of a complaint withdraws it: it keeps its number
-- and timeline, and counts nowhere. The status check gains 'withdrawn'; SQLite cannot change a
-- CHECK in place, so the table is made anew and filled from the old one as migration 0007 did,
-- with every column, index and trigger the migrations since have given it.
PRAGMA legacy_alter_table = ON;
ALTER TABLE complaints RENAME TO complaints_before_0014;
PRAGMA legacy_alter_table = OFF;

CREATE TABLE complaints (
  id             INTEGER PRIMARY KEY,
  logged_at      TEXT NOT NULL,
  occurred_at    TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status = 'new' OR status = 'triaged' OR status = 'assigned' OR
                                      status = 'resolved' OR status = 'closed' OR status = 'rejected' OR
                                      status = 'withdrawn'),
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
  satisfaction   INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  customer_key   TEXT,
  contact_key    TEXT,
  hours_to_resolve REAL
    GENERATED ALWAYS AS ((unixepoch(resolved_at, 'subsec') - unixepoch(occurred_at, 'subsec')) / 3600.0) VIRTUAL,
  uid            TEXT,
  till           TEXT,
  branch         TEXT,
  nature         TEXT CHECK (nature IN ('valid', 'help', 'question', 'venting', 'unfounded')),
  answer         TEXT,
  proposed_remedy TEXT,
  proposed_cost_minor INTEGER CHECK (proposed_cost_minor >= 0)
) STRICT;

INSERT INTO complaints (
  id, logged_at, occurred_at, status, channel, customer, contact, about, description, wants,
  suggestion, staff, category, cause, severity, reject_reason, assignee, respond_by, resolved_at, remedy, cost_minor, root_cause,
  action, followed_up_at, satisfaction, customer_key, contact_key, uid, till, branch, nature, answer, proposed_remedy, proposed_cost_minor)
SELECT
  id, logged_at, occurred_at, status, channel, customer, contact, about, description, wants,
  suggestion, staff, category, cause, severity, reject_reason, assignee, respond_by, resolved_at, remedy, cost_minor, root_cause,
  action, followed_up_at, satisfaction, customer_key, contact_key, uid, till, branch, nature, answer, proposed_remedy, proposed_cost_minor
FROM complaints_before_0014;

DROP TABLE complaints_before_0014;

-- As the migrations before left them; the rows were copied before the triggers exist, so what
-- each day adds up to is what it was.
CREATE INDEX complaints_awaiting ON complaints (occurred_at, status, respond_by, resolved_at)
  WHERE status IN ('new', 'triaged', 'assigned') OR (resolved_at IS NULL AND status <> 'rejected');
CREATE INDEX complaints_awaiting_approval ON complaints (occurred_at) WHERE proposed_remedy IS NOT NULL;
CREATE INDEX complaints_by_assignee ON complaints (assignee) WHERE assignee IS NOT NULL;
CREATE INDEX complaints_by_branch ON complaints (branch) WHERE branch IS NOT NULL;
CREATE INDEX complaints_by_category ON complaints (category) WHERE category IS NOT NULL;
CREATE INDEX complaints_by_cause ON complaints (cause, occurred_at, status);
CREATE INDEX complaints_by_contact ON complaints (contact_key) WHERE contact_key IS NOT NULL;
CREATE INDEX complaints_by_customer ON complaints (customer_key) WHERE customer_key IS NOT NULL;
CREATE INDEX complaints_by_status ON complaints (status, respond_by);
CREATE INDEX complaints_by_till ON complaints (till) WHERE till IS NOT NULL;
CREATE UNIQUE INDEX complaints_by_uid ON complaints (uid);
CREATE INDEX complaints_communicative ON complaints (occurred_at, nature) WHERE nature IN ('help', 'question', 'venting');
CREATE INDEX complaints_for_report ON complaints (occurred_at, id, status, category, hours_to_resolve);
CREATE INDEX complaints_unjudged ON complaints (occurred_at) WHERE nature IS NULL;
CREATE INDEX complaints_with_action_by_resolved ON complaints (resolved_at, cause) WHERE action IS NOT NULL;
CREATE INDEX complaints_with_suggestion_by_occurred ON complaints (occurred_at) WHERE suggestion IS NOT NULL;

CREATE TRIGGER complaints_counted AFTER INSERT ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (NEW.id, 1);
END;
CREATE TRIGGER complaints_recounted AFTER UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (NEW.id, 1);
END;
CREATE TRIGGER complaints_recounting BEFORE UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (OLD.id, -1);
END;
CREATE TRIGGER complaints_uncounted BEFORE DELETE ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (OLD.id, -1);
END;

-- A withdrawn complaint adds nothing to its day: it was never made, as far as any count goes.
DROP VIEW complaint_figures;
CREATE VIEW complaint_figures AS
SELECT id, occurred_at, substr(occurred_at, 1, 10) AS day,
       status <> 'withdrawn' AS logged,
       status IN ('resolved', 'closed') AS resolved,
       status = 'rejected' AS rejected,
       status <> 'rejected' AND resolved_at IS NOT NULL AS answered,
       COALESCE(status <> 'rejected' AND resolved_at <= respond_by, 0) AS answered_in_time,
       followed_up_at IS NOT NULL AS followed_up,
       satisfaction IS NOT NULL AS rated,
       COALESCE(satisfaction, 0) AS satisfaction,
       0 AS cost_minor
  FROM complaints;

-- What undo needs of each event from here on: the till it was made at (to undo this computer's
-- latest change), what the complaint's changed columns held before it (to put them back), and
-- for an undo, the event it undid (so it is not undone twice). Events made before stay without.
ALTER TABLE events ADD COLUMN till TEXT;
ALTER TABLE events ADD COLUMN before TEXT CHECK (json_valid(before));
ALTER TABLE events ADD COLUMN undoes INTEGER REFERENCES events (id);

CREATE INDEX events_by_till ON events (till, id) WHERE till IS NOT NULL;
CREATE UNIQUE INDEX events_undone ON events (undoes) WHERE undoes IS NOT NULL;
