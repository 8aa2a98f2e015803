-- Where each complaint was logged: the till (a computer, or whatever name the shop gives it) and
-- the branch it stands in, so that a logbook several tills share can be read for one of them.
-- Complaints logged before are left without either: where they were logged was never recorded.
-- The indexes let `--till` and `--branch` find the spellings in use by seeking from one to the
-- next, as complaints_by_category does for categories.
ALTER TABLE complaints ADD COLUMN till TEXT;
ALTER TABLE complaints ADD COLUMN branch TEXT;

CREATE INDEX complaints_by_till ON complaints (till) WHERE till IS NOT NULL;
CREATE INDEX complaints_by_branch ON complaints (branch) WHERE branch IS NOT NULL;
