-- An export wrote each complaint's remedies from their table, one subquery for each complaint:
-- ~1.4 s of the 4.8 s an export of 1,000,000 complaints took, most of what it took beyond the
-- sqlite3 shell's own CSV of the same rows. Each complaint now keeps its remedies as export writes
-- them (remediesCell: "given_at remedy cost" each, oldest first, joined by "; "), kept by the
-- triggers below as remedies are given, undone or changed, and written by a bulk import itself
-- (src/store/sqlite/import.ts), which sets the triggers aside. PostgreSQL's export reads the
-- remedies with the rows, and keeps no such column.

ALTER TABLE complaints ADD COLUMN remedies_given TEXT;

-- A remedy as export writes it: when, which, and what it cost as formatMoney writes it (4.50).
CREATE VIEW remedy_given AS
SELECT id, complaint_id, given_at,
       given_at || ' ' || remedy || iif(cost_minor IS NULL, '', printf(' %d.%02d', cost_minor / 100, cost_minor % 100)) AS given
  FROM remedies;

UPDATE complaints SET remedies_given = (
  SELECT group_concat(given, '; ') FROM (SELECT given FROM remedy_given WHERE complaint_id = complaints.id ORDER BY given_at, id))
 WHERE id IN (SELECT complaint_id FROM remedies);

CREATE TRIGGER remedies_given_added AFTER INSERT ON remedies BEGIN
  UPDATE complaints SET remedies_given = (
    SELECT group_concat(given, '; ') FROM (SELECT given FROM remedy_given WHERE complaint_id = NEW.complaint_id ORDER BY given_at, id))
   WHERE id = NEW.complaint_id;
END;

CREATE TRIGGER remedies_given_removed AFTER DELETE ON remedies BEGIN
  UPDATE complaints SET remedies_given = (
    SELECT group_concat(given, '; ') FROM (SELECT given FROM remedy_given WHERE complaint_id = OLD.complaint_id ORDER BY given_at, id))
   WHERE id = OLD.complaint_id;
END;

CREATE TRIGGER remedies_given_changed AFTER UPDATE ON remedies BEGIN
  UPDATE complaints SET remedies_given = (
    SELECT group_concat(given, '; ') FROM (SELECT given FROM remedy_given WHERE complaint_id = complaints.id ORDER BY given_at, id))
   WHERE id IN (OLD.complaint_id, NEW.complaint_id);
END;
