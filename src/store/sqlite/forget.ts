import type { Recording } from '../../domain/complaint.js';
import { erasureOf, forgottenChanges, withoutPersonalDetails, type ForgetBy } from '../../domain/forget.js';
import { PERSONAL_FIELDS, personKey, type PersonalField } from '../../domain/person.js';
import { complaintsOfPerson } from '../rules.js';
import { appendEvent } from './events.js';
import { oweRewrite } from './rewrite.js';
import type { Erasure } from '../logbook.js';
import type { Db } from './open.js';

type PersonOnFile = { id: number } & Record<PersonalField, string | null>;

/** What forgetting this person (named by name or by contact) would erase. */
export function wouldErase(db: Db, wanted: string, by: ForgetBy): Erasure {
  return erasureOf(peopleMatching(db, wanted, by));
}

function peopleMatching(db: Db, wanted: string, by: ForgetBy): PersonOnFile[] {
  return db.prepare(complaintsOfPerson(by, '@key')).all({ key: personKey(wanted, by) }) as PersonOnFile[];
}

/**
 * Erases a person's name and contact from their complaints and from every event of those
 * complaints, and appends a 'forgotten' event to each, in one transaction. The person is matched
 * inside the transaction, so a complaint another till logs meanwhile cannot slip through.
 * Rewriting events is the one exception to the append-only timeline: an erasure must reach them.
 */
export function forgetPerson(db: Db, wanted: string, by: ForgetBy, { at, till, branch }: Recording): Erasure {
  // What this transaction deletes is zeroed, not left in free space (rewriteFile then clears older leftovers).
  db.pragma('secure_delete = ON');
  const eventsOf = db.prepare(`SELECT id, changes FROM events WHERE complaint_id = ? ORDER BY id`);
  const rewriteEvent = db.prepare(`UPDATE events SET changes = ? WHERE id = ?`);
  const eraseComplaint = db.prepare(`UPDATE complaints SET customer = NULL, contact = NULL, customer_key = NULL, contact_key = NULL WHERE id = ?`);
  return db
    .transaction((): Erasure => {
      const people = peopleMatching(db, wanted, by);
      for (const person of people) {
        const erased = new Set(PERSONAL_FIELDS.filter((field) => person[field] !== null));
        for (const event of eventsOf.all(person.id) as Array<{ id: number; changes: string }>) {
          const scrubbed = withoutPersonalDetails(JSON.parse(event.changes) as Record<string, unknown>);
          if (scrubbed.erased.length === 0) continue;
          scrubbed.erased.forEach((field) => erased.add(field));
          rewriteEvent.run(JSON.stringify(scrubbed.changes), event.id);
        }
        eraseComplaint.run(person.id);
        appendEvent(db, { complaint_id: person.id, at, recorded_at: at, action: 'forgotten', changes: forgottenChanges(erased), till, branch });
      }
      if (people.length > 0) oweRewrite(db);
      return erasureOf(people);
    })
    .immediate();
}

/** Complaints whose free text (what was said, notes on the timeline) still mentions any of these values. */
export function complaintsMentioning(db: Db, values: readonly string[]): number[] {
  const mentions = db.prepare(
    `SELECT id FROM complaints
      WHERE instr(lower(description || ' ' || coalesce(about, '') || ' ' || coalesce(suggestion, '') || ' ' ||
                        coalesce(reject_reason, '') || ' ' || coalesce(root_cause, '') || ' ' || coalesce(action, '') || ' ' || coalesce(answer, '')), lower(@value)) > 0
         OR id IN (SELECT complaint_id FROM events WHERE instr(lower(json_remove(changes, '$.customer', '$.contact')), lower(@json)) > 0)`,
  ).pluck();
  const ids = new Set<number>();
  for (const value of values) {
    // Another complaint's own customer and contact (Anna, Ann Lee beside Ann) are no mention of them.
    // Events hold JSON, where quotes and backslashes are escaped; search for the same spelling.
    const json = JSON.stringify(value).slice(1, -1);
    for (const id of mentions.all({ value, json }) as number[]) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}
