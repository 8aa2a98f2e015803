import type { Recording } from '../../domain/complaint.js';
import { erasureOf, forgottenChanges, withoutPersonalDetails, type ForgetBy } from '../../domain/forget.js';
import { PERSONAL_FIELDS, personKey, type PersonalField } from '../../domain/person.js';
import type { Erasure } from '../logbook.js';
import type { Connection } from './connection.js';
import { complaintsOfPerson } from '../rules.js';
import { appendEvent } from './events.js';

type PersonOnFile = { id: number } & Record<PersonalField, string | null>;

/** What forgetting this person (named by name or by contact) would erase. */
export async function wouldErase(connection: Connection, wanted: string, by: ForgetBy): Promise<Erasure> {
  return erasureOf(await peopleMatching(connection, wanted, by));
}

function peopleMatching(connection: Connection, wanted: string, by: ForgetBy): Promise<PersonOnFile[]> {
  return connection.rows<PersonOnFile>(complaintsOfPerson(by, '$1'), [personKey(wanted, by)]);
}

/**
 * Erases a person's name and contact from their complaints and from every event of those
 * complaints, and appends a 'forgotten' event to each, in one transaction, with the complaints
 * held still so that one another till logs meanwhile cannot slip through. Then the tables are
 * vacuumed, so that the server reuses the space of the rows the erasure replaced; their bytes
 * stay in the server's files, its write-ahead log and its backups until overwritten, which only
 * whoever runs the server can clear (the README says so).
 */
export async function forgetPerson(connection: Connection, wanted: string, by: ForgetBy, { at, till, branch }: Recording): Promise<Erasure> {
  const erasure = await connection.inTransaction(async (): Promise<Erasure> => {
    await connection.run(`LOCK TABLE complaints IN SHARE ROW EXCLUSIVE MODE`);
    const people = await peopleMatching(connection, wanted, by);
    for (const person of people) {
      const erased = new Set(PERSONAL_FIELDS.filter((field) => person[field] !== null));
      const events = await connection.rows<{ id: number; changes: string }>(`SELECT id, changes FROM events WHERE complaint_id = $1 ORDER BY id`, [
        person.id,
      ]);
      for (const event of events) {
        const scrubbed = withoutPersonalDetails(JSON.parse(event.changes) as Record<string, unknown>);
        if (scrubbed.erased.length === 0) continue;
        scrubbed.erased.forEach((field) => erased.add(field));
        await connection.run(`UPDATE events SET changes = $1 WHERE id = $2`, [JSON.stringify(scrubbed.changes), event.id]);
      }
      await connection.run(`UPDATE complaints SET customer = NULL, contact = NULL, customer_key = NULL, contact_key = NULL WHERE id = $1`, [
        person.id,
      ]);
      await appendEvent(connection, { complaint_id: person.id, at, recorded_at: at, action: 'forgotten', changes: forgottenChanges(erased), till, branch });
    }
    return erasureOf(people);
  });
  // Outside any transaction, as VACUUM must be; a role that does not own the tables is only warned.
  if (erasure.ids.length > 0) await connection.run(`VACUUM complaints, events`);
  return erasure;
}

/** Complaints whose free text (what was said, notes on the timeline) still mentions any of these values. */
export async function complaintsMentioning(connection: Connection, values: readonly string[]): Promise<number[]> {
  const ids = new Set<number>();
  for (const value of values) {
    // Another complaint's own customer and contact (Anna, Ann Lee beside Ann) are no mention of them.
    // Events hold JSON, where quotes and backslashes are escaped; search for the same spelling.
    // Lower case as SQLite's lower() makes it (ASCII letters only), for the same matches.
    const found = await connection.column<number>(
      `SELECT id FROM complaints
        WHERE strpos(lower(description || ' ' || coalesce(about, '') || ' ' || coalesce(suggestion, '') || ' ' ||
                           coalesce(reject_reason, '') || ' ' || coalesce(root_cause, '') || ' ' || coalesce(action, '') || ' ' || coalesce(answer, '')),
                     lower($1 COLLATE "C")) > 0
           OR id IN (SELECT complaint_id FROM events WHERE strpos(lower((changes::jsonb - 'customer' - 'contact')::text COLLATE "C"), lower($2 COLLATE "C")) > 0)`,
      [value, JSON.stringify(value).slice(1, -1)],
    );
    for (const id of found) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}
