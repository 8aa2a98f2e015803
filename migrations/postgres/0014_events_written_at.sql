-- As migrations/sqlite/0026: each event records when it was written, by the server's clock (the
-- tills' clocks may disagree), so that an undo looks at the logbook as it stood when the command
-- was given. Events kept before keep none; the default is set apart from the column, so that they
-- are not all given the moment of this migration (and the table is not rewritten).
ALTER TABLE events ADD COLUMN written_at timestamptz;
ALTER TABLE events ALTER COLUMN written_at SET DEFAULT clock_timestamp();
