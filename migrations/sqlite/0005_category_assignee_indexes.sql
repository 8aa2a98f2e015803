-- The spellings of categories and of assignees in use, read by seeking from one to the next as
-- those of causes are from complaints_by_cause (src/store/complaints.ts): `list --category` and
-- `--assignee` match what was typed to them, which otherwise meant reading every complaint. Only
-- complaints with a value are kept, so a count of those without one (a report's untriaged) is not
-- drawn from here instead of its period's range.
CREATE INDEX complaints_by_category ON complaints (category) WHERE category IS NOT NULL;
CREATE INDEX complaints_by_assignee ON complaints (assignee) WHERE assignee IS NOT NULL;
