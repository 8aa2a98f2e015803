-- Every complaint written was checked with `status IN (the six statuses)`. In a CHECK, SQLite
-- builds a small table of the six for each row it checks, not once per statement: ~3 µs a row,
-- a sixth of the time a large import spends inserting. Six comparisons say the same and cost next
-- to nothing. SQLite cannot change a CHECK in place, so the table is made anew and filled from the
-- old one (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"),
-- with every column, index and trigger as the earlier migrations made them.

-- The old table is renamed without rewriting what names it (the events' foreign key, the view
-- complaint_figures: with foreign keys off while migrating, legacy_alter_table leaves both as
-- they are), so that from here on they name the new one. Its indexes and triggers go with it and
-- are made again below.
PRAGMA legacy_alter_table = ON;
ALTER TABLE complaints RENAME TO complaints_before_0007;
PRAGMA legacy_alter_table = OFF;

CREATE TABLE complaints (
  id             INTEGER PRIMARY KEY,
  logged_at      TEXT NOT NULL,
  occurred_at    TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status = 'new' OR status = 'triaged' OR status = 'assigned' OR
                                      status = 'resolved' OR status = 'closed' OR status = 'rejected'),
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
    GENERATED ALWAYS AS ((unixepoch(resolved_at, 'subsec') - unixepoch(occurred_at, 'subsec')) / 3600.0) VIRTUAL
) STRICT;

INSERT INTO complaints (
  id, logged_at, occurred_at, status, channel, customer, contact, about, description, wants, suggestion, staff,
  category, cause, severity, reject_reason, assignee, respond_by, resolved_at, remedy, cost_minor, root_cause, action,
  followed_up_at, satisfaction, customer_key, contact_key)
SELECT
  id, logged_at, occurred_at, status, channel, customer, contact, about, description, wants, suggestion, staff,
  category, cause, severity, reject_reason, assignee, respond_by, resolved_at, remedy, cost_minor, root_cause, action,
  followed_up_at, satisfaction, customer_key, contact_key
FROM complaints_before_0007;

DROP TABLE complaints_before_0007;

-- As migrations 0002-0006 left them. The rows were copied before the triggers exist: what each
-- day adds up to is what it was, and daily_figures is left as it is.
CREATE INDEX complaints_awaiting ON complaints (occurred_at, status, respond_by, resolved_at)
  WHERE status IN ('new', 'triaged', 'assigned') OR (resolved_at IS NULL AND status <> 'rejected');
CREATE INDEX complaints_by_assignee ON complaints (assignee) WHERE assignee IS NOT NULL;
CREATE INDEX complaints_by_category ON complaints (category) WHERE category IS NOT NULL;
CREATE INDEX complaints_by_cause ON complaints (cause, occurred_at, status);
CREATE INDEX complaints_by_contact ON complaints (contact_key) WHERE contact_key IS NOT NULL;
CREATE INDEX complaints_by_customer ON complaints (customer_key) WHERE customer_key IS NOT NULL;
CREATE INDEX complaints_by_status ON complaints (status, respond_by);
CREATE INDEX complaints_for_report ON complaints (occurred_at, id, status, category, hours_to_resolve);
CREATE INDEX complaints_with_action_by_resolved ON complaints (resolved_at, cause) WHERE action IS NOT NULL;
CREATE INDEX complaints_with_suggestion_by_occurred ON complaints (occurred_at) WHERE suggestion IS NOT NULL;

CREATE TRIGGER complaints_counted AFTER INSERT ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (NEW.id, 1);
END;
CREATE TRIGGER complaints_recounted AFTER UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction, cost_minor ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (NEW.id, 1);
END;
CREATE TRIGGER complaints_recounting BEFORE UPDATE OF
  id, occurred_at, status, respond_by, resolved_at, followed_up_at, satisfaction, cost_minor ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (OLD.id, -1);
END;
CREATE TRIGGER complaints_uncounted BEFORE DELETE ON complaints BEGIN
  INSERT INTO daily_figures_changes VALUES (OLD.id, -1);
END;
