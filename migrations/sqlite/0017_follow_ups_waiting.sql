-- The desk counted the follow-ups due from the index that holds only them (0016): fast, but as
-- long as the list of resolved complaints never followed up, which a shop leaves to grow. At
-- 10,000,000 complaints (~300,000 waiting) reading it took ~75 ms of the desk's 311 ms. Here each
-- UTC month in which complaints were resolved keeps how many of them wait for a follow-up, by
-- where they were logged and whether there is someone to call, as complaints are written. The
-- desk reads the months before the one its moment falls in from here, and only that month's
-- complaints from the index (src/store/sqlite/follow-ups-waiting.ts).
-- A till or branch not recorded is kept as '' (a key cannot be NULL); neither can be typed empty,
-- so no `--till` or `--branch` matches it, as none matches a NULL.

CREATE TABLE monthly_follow_ups (
  month           TEXT NOT NULL,
  branch          TEXT NOT NULL,
  till            TEXT NOT NULL,
  someone_to_call INTEGER NOT NULL,
  waiting         INTEGER NOT NULL,
  PRIMARY KEY (month, branch, till, someone_to_call)
) STRICT, WITHOUT ROWID;

INSERT INTO monthly_follow_ups (month, branch, till, someone_to_call, waiting)
SELECT substr(resolved_at, 1, 7), IFNULL(branch, ''), IFNULL(till, ''), customer IS NOT NULL OR contact IS NOT NULL, COUNT(*)
  FROM complaints WHERE status = 'resolved' AND resolved_at IS NOT NULL
 GROUP BY 1, 2, 3, 4;

-- A complaint waits while it is resolved: it stops when followed up (closed), undone or deleted,
-- and moves between rows when forgotten (no one left to call) or its resolution time changes.
CREATE TRIGGER complaints_waiting AFTER INSERT ON complaints
  WHEN NEW.status = 'resolved' AND NEW.resolved_at IS NOT NULL BEGIN
  INSERT INTO monthly_follow_ups VALUES (substr(NEW.resolved_at, 1, 7), IFNULL(NEW.branch, ''), IFNULL(NEW.till, ''),
    NEW.customer IS NOT NULL OR NEW.contact IS NOT NULL, 1)
  ON CONFLICT DO UPDATE SET waiting = waiting + 1;
END;

CREATE TRIGGER complaints_no_longer_waiting AFTER DELETE ON complaints
  WHEN OLD.status = 'resolved' AND OLD.resolved_at IS NOT NULL BEGIN
  UPDATE monthly_follow_ups SET waiting = waiting - 1
   WHERE month = substr(OLD.resolved_at, 1, 7) AND branch = IFNULL(OLD.branch, '') AND till = IFNULL(OLD.till, '')
     AND someone_to_call = (OLD.customer IS NOT NULL OR OLD.contact IS NOT NULL);
END;

CREATE TRIGGER complaints_waiting_changed AFTER UPDATE OF status, resolved_at, customer, contact, branch, till ON complaints
  WHEN (OLD.status = 'resolved' AND OLD.resolved_at IS NOT NULL) OR (NEW.status = 'resolved' AND NEW.resolved_at IS NOT NULL) BEGIN
  UPDATE monthly_follow_ups SET waiting = waiting - 1
   WHERE OLD.status = 'resolved' AND month = substr(OLD.resolved_at, 1, 7) AND branch = IFNULL(OLD.branch, '')
     AND till = IFNULL(OLD.till, '') AND someone_to_call = (OLD.customer IS NOT NULL OR OLD.contact IS NOT NULL);
  INSERT INTO monthly_follow_ups SELECT substr(NEW.resolved_at, 1, 7), IFNULL(NEW.branch, ''), IFNULL(NEW.till, ''),
    NEW.customer IS NOT NULL OR NEW.contact IS NOT NULL, 1
   WHERE NEW.status = 'resolved' AND NEW.resolved_at IS NOT NULL
  ON CONFLICT DO UPDATE SET waiting = waiting + 1;
END;
