-- Two `undo 5 --yes` given at the same moment, at two tills, undid two steps: the second read the
-- complaint after the first had committed, and took the step before as the latest. Each event now
-- records when it was written, by the logbook's clock, so that an undo looks at the logbook as it
-- stood when the command was given: an undo written since is not yet there for it, and the change
-- it then meant is found undone already. Events kept before were written before any command to
-- come, and keep none.
ALTER TABLE events ADD COLUMN written_at TEXT;
