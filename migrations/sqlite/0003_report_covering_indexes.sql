-- A report over years of history reads every complaint in its period. These indexes hold what the
-- report counts, so it reads them instead of the complaints' full rows (descriptions and all).

-- The summary and the tallies by category: a period's range, then every column they count. With
-- id second it is also in the order lists show (newest first, by id within a moment), so it
-- replaces complaints_by_occurred.
DROP INDEX complaints_by_occurred;
CREATE INDEX complaints_for_report ON complaints (
  occurred_at, id, status, category, respond_by, resolved_at, followed_up_at, satisfaction, cost_minor
);

-- The tally by cause seeks each cause's period range in turn: its cost follows the period's size
-- and the number of causes, not the years of history. The spellings of causes in use are still
-- read from its leading column.
DROP INDEX complaints_by_cause;
CREATE INDEX complaints_by_cause ON complaints (cause, occurred_at, status);

-- The customers' suggestions of a period, found without reading the complaints that made none.
CREATE INDEX complaints_with_suggestion_by_occurred ON complaints (occurred_at) WHERE suggestion IS NOT NULL;

-- The corrective actions on a period's vital causes: which causes they were for is read from here
-- when counting them, not from the complaints themselves.
DROP INDEX complaints_with_action_by_resolved;
CREATE INDEX complaints_with_action_by_resolved ON complaints (resolved_at, cause) WHERE action IS NOT NULL;
