-- `undo` takes back this till's latest change; a setting is not an event, so an undo given right
-- after `config set` undid the complaint step before it (a follow-up, and its score). Each setting
-- now records the till that set it (of its branch) and the latest event written then, so that
-- undo can tell a setting set since this till's latest step, and refuse. Settings kept before,
-- and those an import or a new logbook saves, name no till.
ALTER TABLE settings ADD COLUMN till TEXT;
ALTER TABLE settings ADD COLUMN branch TEXT;
ALTER TABLE settings ADD COLUMN after_event INTEGER;
