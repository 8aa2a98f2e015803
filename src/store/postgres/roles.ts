import { FIELDS } from '../../domain/fields.js';
import { PERSONAL_FIELDS } from '../../domain/person.js';

// Who may do what on a shared logbook, in the server's own terms. A till's role may read
// everything, log complaints and take them through their steps (the columns a step changes, and
// the figures and tallies the triggers keep), and undo them (taking back the remedy an undone resolve gave),
// and nothing more: no DELETE or TRUNCATE but of remedies, no change to
// a customer's name or contact or to what the timeline recorded (which `forget` needs), no
// settings, and, not owning the tables, no DROP or ALTER. Renaming causes changes the column
// triage changes too, so the server cannot refuse it to a till; complaints itself refuses it to a
// role that may not change the settings (mayManage), as it refuses approving a remedy, whose
// columns resolve changes.

/** The columns of complaints a step changes: the writable fields, the customer's details left out. */
const STEPPED_COLUMNS = FIELDS.filter(
  (field) => field.writable && !(PERSONAL_FIELDS as readonly string[]).includes(field.name) && field.kind.type !== 'remedies',
).map((field) => field.name);

/**
 * The SQL that makes `role` (not a login: give one to each till with GRANT) a till's role on the
 * logbook in `schema`; `role` is a plain name (setup-roles allows no other). The role is made only
 * when missing: CREATE ROLE is refused to a role without CREATEROLE even when the role exists, and
 * the owner runs this again after an update. What it is for is said before it, in the language spoken.
 */
export function tillRoleSql(schema: string, role: string): string {
  const s = quoted(schema);
  const r = quoted(role);
  return `BEGIN;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
    CREATE ROLE ${r} NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA ${s} TO ${r};
GRANT SELECT ON ALL TABLES IN SCHEMA ${s} TO ${r};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r};
GRANT INSERT ON ${s}.complaints, ${s}.events, ${s}.remedies TO ${r};
GRANT DELETE ON ${s}.remedies TO ${r};
GRANT UPDATE (${STEPPED_COLUMNS.join(', ')}) ON ${s}.complaints TO ${r};
GRANT INSERT, UPDATE ON ${s}.daily_figures, ${s}.monthly_causes, ${s}.monthly_hours, ${s}.monthly_actions TO ${r};
COMMIT;
`;
}

/** A name as PostgreSQL reads it back unchanged, whatever it holds. */
function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
