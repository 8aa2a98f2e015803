import type { Complaint, NewComplaint, Remedy, TimelineEvent } from '../domain/complaint.js';
import { personKeyOf } from '../domain/person.js';

// A complaint as both engines keep it: its remedies read as one JSON text (an array, oldest
// first), and the person keys of its name and contact stored beside them.

export type StoredComplaint = Omit<Complaint, 'remedies'> & { remedies: string };

export function withRemedies(row: StoredComplaint): Complaint {
  return { ...row, remedies: JSON.parse(row.remedies) as Remedy[] };
}

/**
 * The person keys (migrations/sqlite/0004) of a complaint's name and contact, written in the same
 * statement as them, so that a key never disagrees with the name or contact it stands for.
 */
export function personKeys(person: Pick<Complaint, 'customer' | 'contact'>): { customer_key: string | null; contact_key: string | null } {
  return { customer_key: personKeyOf(person.customer, 'customer'), contact_key: personKeyOf(person.contact, 'contact') };
}

/** What the 'logged' event of a new complaint records: everything said at the till. */
export function loggedChanges(complaint: NewComplaint): Record<string, unknown> {
  const { status, logged_at, occurred_at, remedies, uid, ...said } = complaint;
  return Object.fromEntries(Object.entries(said).filter(([, value]) => value !== null));
}

/** The event that records a complaint's cause given another spelling, `previous` being the one it had. */
export function causeRenamed(id: number, previous: string, to: string, at: string): TimelineEvent {
  return { complaint_id: id, at, recorded_at: at, action: 'cause-renamed', changes: { cause: to, previous_cause: previous } };
}
