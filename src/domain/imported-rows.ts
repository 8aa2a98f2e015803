import type { Complaint } from './complaint.js';
import { personKeyOf } from './person.js';

const COMPLAINT_COLUMNS = [
  'id', 'logged_at', 'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants',
  'suggestion', 'staff', 'category', 'cause', 'severity', 'reject_reason', 'assignee', 'respond_by', 'resolved_at',
  'remedy', 'cost_minor', 'root_cause', 'action', 'followed_up_at', 'satisfaction', 'uid',
] as const satisfies ReadonlyArray<keyof Complaint>;

/** What the logbook stores of each imported complaint, in this order: its columns, then the keys its customer and contact are found by. */
export const IMPORTED_COLUMNS = [...COMPLAINT_COLUMNS, 'customer_key', 'contact_key'] as const;

/** Where a row's id and uid are among its values. */
export const ID_AT = IMPORTED_COLUMNS.indexOf('id');
export const UID_AT = IMPORTED_COLUMNS.indexOf('uid');

/** What the logbook stores of each remedy, in this order, after the row (of its batch) it was given to. */
export const IMPORTED_REMEDY_COLUMNS = ['given_at', 'remedy', 'cost_minor'] as const;

export type ImportedValue = string | number | null;

/**
 * Complaints read from a file, as flat lists of values: row r's IMPORTED_COLUMNS begin at
 * r × IMPORTED_COLUMNS.length, and each remedy is its row's index r then its
 * IMPORTED_REMEDY_COLUMNS. Flat, because a list of plain values passes between threads at a
 * fraction of the cost of as many objects.
 */
export interface ImportedRows {
  values: ImportedValue[];
  remedies: ImportedValue[];
  count: number;
}

export function noImportedRows(): ImportedRows {
  return { values: [], remedies: [], count: 0 };
}

/** Appends what the logbook stores of `complaint` to `rows`, in the order of IMPORTED_COLUMNS. */
export function appendImported(rows: ImportedRows, complaint: Complaint): void {
  // Each named in turn: read by a computed name, 25 names at one place in the code cost a tenth
  // of the time an import spends reading a file (a unit test holds the order to IMPORTED_COLUMNS).
  const c = complaint;
  rows.values.push(
    c.id, c.logged_at, c.occurred_at, c.status, c.channel, c.customer, c.contact, c.about, c.description, c.wants,
    c.suggestion, c.staff, c.category, c.cause, c.severity, c.reject_reason, c.assignee, c.respond_by, c.resolved_at,
    c.remedy, c.cost_minor, c.root_cause, c.action, c.followed_up_at, c.satisfaction, c.uid,
    personKeyOf(c.customer, 'customer'), personKeyOf(c.contact, 'contact'),
  );
  for (const remedy of c.remedies) rows.remedies.push(rows.count, remedy.given_at, remedy.remedy, remedy.cost_minor);
  rows.count++;
}

/** The ids and uids the rows' complaints have in the file, in order. */
export function importedIdentities(rows: ImportedRows): Array<{ id: number; uid: string }> {
  const identities: Array<{ id: number; uid: string }> = [];
  for (let row = 0; row < rows.count; row++) {
    const start = row * IMPORTED_COLUMNS.length;
    identities.push({ id: rows.values[start + ID_AT] as number, uid: rows.values[start + UID_AT] as string });
  }
  return identities;
}
