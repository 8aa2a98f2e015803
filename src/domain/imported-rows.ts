import type { Complaint } from './complaint.js';
import type { AddedChoices } from './csv/import-row.js';
import { STORED_FIELDS } from './fields.js';
import { personKeyOf } from './person.js';

const STORED_NAMES = STORED_FIELDS.map((field) => field.name);

/** What the logbook stores of each imported complaint, in this order: its columns, then the keys its customer and contact are found by. */
/** The source an import of standard input records on each timeline, the same in any language; show words it in the one spoken. */
export const FROM_STANDARD_INPUT = 'standard input';

export const IMPORTED_COLUMNS: readonly string[] = [...STORED_NAMES, 'customer_key', 'contact_key'];

/** Where a row's id, uid and what contentUid makes a uid of are among its values. */
export const ID_AT = IMPORTED_COLUMNS.indexOf('id');
export const UID_AT = IMPORTED_COLUMNS.indexOf('uid');
export const LOGGED_AT = IMPORTED_COLUMNS.indexOf('logged_at');
export const OCCURRED_AT = IMPORTED_COLUMNS.indexOf('occurred_at');
export const DESCRIPTION_AT = IMPORTED_COLUMNS.indexOf('description');
const CATEGORY_AT = IMPORTED_COLUMNS.indexOf('category');
const CHANNEL_AT = IMPORTED_COLUMNS.indexOf('channel');

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
  for (const name of STORED_NAMES) rows.values.push(complaint[name] as ImportedValue);
  rows.values.push(personKeyOf(complaint.customer, 'customer'), personKeyOf(complaint.contact, 'contact'));
  for (const remedy of complaint.remedies) rows.remedies.push(rows.count, remedy.given_at, remedy.remedy, remedy.cost_minor);
  rows.count++;
}

/** What tells an imported complaint: its uid, or when it came without one, its number, times and words. */
export type ImportedIdentity = Pick<Complaint, 'id' | 'uid' | 'logged_at' | 'occurred_at' | 'description'>;

/** The identities of the rows' complaints in the file, in order. */
export function importedIdentities(rows: ImportedRows): ImportedIdentity[] {
  const identities: ImportedIdentity[] = [];
  for (let row = 0; row < rows.count; row++) {
    const start = row * IMPORTED_COLUMNS.length;
    const at = (column: number) => rows.values[start + column] as string;
    identities.push({ id: rows.values[start + ID_AT] as number, uid: at(UID_AT), logged_at: at(LOGGED_AT), occurred_at: at(OCCURRED_AT), description: at(DESCRIPTION_AT) });
  }
  return identities;
}

/**
 * Of the categories and channels a file adds to the shop's lists, those the complaints an import
 * adds hold, `holds` saying whether one does: a complaint the logbook has already brings back none
 * the owner took off the lists since.
 */
export function choicesHeld(added: AddedChoices, holds: (key: keyof AddedChoices, choice: string) => boolean): AddedChoices {
  return { categories: added.categories.filter((choice) => holds('categories', choice)), channels: added.channels.filter((choice) => holds('channels', choice)) };
}

/** The categories and channels of the rows an import adds, noted row by row, for choicesHeld. */
export class ChoicesOfRows {
  private readonly noted = { categories: new Set<ImportedValue>(), channels: new Set<ImportedValue>() };

  note(rows: ImportedRows, row: number): void {
    const start = row * IMPORTED_COLUMNS.length;
    this.noted.categories.add(rows.values[start + CATEGORY_AT]!);
    this.noted.channels.add(rows.values[start + CHANNEL_AT]!);
  }

  heldOf(added: AddedChoices): AddedChoices {
    return choicesHeld(added, (key, choice) => this.noted[key].has(choice));
  }
}
