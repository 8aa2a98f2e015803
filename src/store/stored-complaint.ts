import type { Complaint, ComplaintChanges, LastChange, NewComplaint, Recording, Remedy, StepOutcome, TimelineEntry, TimelineEvent } from '../domain/complaint.js';
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
export function causeRenamed(id: number, previous: string, to: string, { at, till, branch }: Recording): KeptEvent {
  return { complaint_id: id, at, recorded_at: at, action: 'cause-renamed', changes: { cause: to, previous_cause: previous }, till, branch };
}

/** An event as both engines keep it: what the timeline shows, and what an undo needs (store: events.till, branch, before, undoes). */
export type KeptEvent = TimelineEvent & {
  till?: string | null;
  branch?: string | null;
  before?: Record<string, unknown> | null;
  undoes?: number | null;
};

/** What the columns `changes` names held before a step changed them, for an undo to put back. */
function valuesBefore(current: Complaint, changes: ComplaintChanges): Record<string, unknown> {
  return Object.fromEntries(Object.keys(changes).map((column) => [column, current[column as keyof Complaint]]));
}

/** An entry of a timeline as both engines read it (queries.ts timelineSql). */
export type TimelineRow = Omit<TimelineEntry, 'changes' | 'undone'> & { changes: string; undone: 0 | 1 };

export function timelineEntry(row: TimelineRow): TimelineEntry {
  return { ...row, changes: JSON.parse(row.changes) as Record<string, unknown>, undone: row.undone === 1 };
}

/** A change as read back from the events table, `before` parsed. */
export function lastChangeOf(row: (Omit<LastChange, 'before'> & { before: string | null }) | undefined): LastChange | undefined {
  return row === undefined ? undefined : { ...row, before: row.before === null ? null : (JSON.parse(row.before) as Record<string, unknown>) };
}

/** The complaint as a step left it: its changes, and its remedies with what the step gave or took back. */
export function afterStep(current: Complaint, { changes, gives, undoes }: StepOutcome): Complaint {
  const remedies = gives !== undefined ? [...current.remedies, gives] : undoes?.remedy ? current.remedies.slice(0, -1) : current.remedies;
  return { ...current, ...changes, remedies };
}

/** The event a step appends: the timeline's entry, the till it was made at, what it replaced, and the change it undoes. */
export function stepEvent(current: Complaint, { changes, undoes, event }: StepOutcome, recording: Recording): KeptEvent {
  return {
    complaint_id: current.id,
    at: event.at,
    recorded_at: recording.at,
    action: event.action,
    changes: event.changes ?? changes,
    till: recording.till,
    branch: recording.branch,
    before: valuesBefore(current, changes),
    undoes: undoes?.event ?? null,
  };
}
