-- Every complaint gets a uid that stays with it through export and import (src/domain/identity.ts),
-- so an import recognises complaints the logbook has already: importing the same file twice added
-- every complaint again under new numbers. Complaints logged before are given the uid a file
-- without uids gives them, made from their number, when each was logged and happened and what was
-- said, so an export made before this version is recognised too.
ALTER TABLE complaints ADD COLUMN uid TEXT;

UPDATE complaints SET uid = complaint_uid(id, logged_at, occurred_at, description);

CREATE UNIQUE INDEX complaints_by_uid ON complaints (uid);
