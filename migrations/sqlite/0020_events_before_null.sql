-- An event's `before` is NULL when the step put nothing back (every event but an undoable change),
-- and 0014 checked it with `json_valid(before)` alone. SQLite answers json_valid(NULL) with NULL
-- from 3.45 on, which a CHECK lets pass, but with 0 before: Debian 12's sqlite3 shell (3.40), or
-- any older program opening the logbook, reported every such event as damage under
-- PRAGMA integrity_check and could not add one. The CHECK now says that NULL is allowed. SQLite
-- cannot change a CHECK in place, so the table is made anew and filled from the old one
-- (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"), with
-- its columns in the same order and its indexes as the earlier migrations made them.

-- Renamed without rewriting what names it (its own `undoes`), so that the name is the new table's.
PRAGMA legacy_alter_table = ON;
ALTER TABLE events RENAME TO events_before_0020;
PRAGMA legacy_alter_table = OFF;

CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints (id),
  at           TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  action       TEXT NOT NULL,
  -- What the step changed or said, as a JSON object of column names to new values.
  changes      TEXT NOT NULL CHECK (json_valid(changes)),
  till         TEXT,
  -- What the changed columns held before the step, as JSON; NULL when nothing is to be put back.
  before       TEXT CHECK (before IS NULL OR json_valid(before)),
  undoes       INTEGER REFERENCES events (id)
) STRICT;

INSERT INTO events (id, complaint_id, at, recorded_at, action, changes, till, before, undoes)
SELECT id, complaint_id, at, recorded_at, action, changes, till, before, undoes FROM events_before_0020;

DROP TABLE events_before_0020;

CREATE INDEX events_by_complaint ON events (complaint_id, id);
CREATE INDEX events_by_till ON events (till, id) WHERE till IS NOT NULL;
CREATE UNIQUE INDEX events_undone ON events (undoes) WHERE undoes IS NOT NULL;
