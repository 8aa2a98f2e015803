-- As migrations/sqlite/0028: each setting records the till that set it (of its branch) and the
-- latest event written then, so that undo can tell a setting set since this till's latest step.
ALTER TABLE settings ADD COLUMN till text COLLATE "C";
ALTER TABLE settings ADD COLUMN branch text COLLATE "C";
ALTER TABLE settings ADD COLUMN after_event bigint;
