import type { Complaint, Remedy, TimelineEntry } from './complaint.js';
import { FIELDS, placesOfFields, type Field, type RecordColumn } from './fields.js';
import { toUnits } from './money.js';
import { scoresKept } from './satisfaction.js';

export type { RecordColumn } from './fields.js';

/** The columns of JSON objects and CSV rows, in the contract's order. */
export const RECORD_COLUMNS: readonly RecordColumn[] = FIELDS.map((field) => field.column);

/** A remedy as scripts see it: cost in currency units. */
export interface RemedyRecord {
  given_at: string;
  remedy: string;
  cost: number | null;
}

export type ComplaintRecord = Record<Exclude<RecordColumn, 'remedies' | 'earlier_satisfaction'>, string | number | null> & {
  remedies: RemedyRecord[];
  earlier_satisfaction: number[];
};

const inUnits = (minor: number | null) => (minor === null ? null : toUnits(minor));

const asRecords = (remedies: readonly Remedy[]): RemedyRecord[] =>
  remedies.map(({ given_at, remedy, cost_minor }) => ({ given_at, remedy, cost: inUnits(cost_minor) }));

/** A complaint as scripts see it: each field under its column, in order; amounts in currency units. */
export function toRecord(complaint: Complaint): ComplaintRecord {
  const record: Record<string, unknown> = {};
  for (const field of FIELDS) record[field.column] = asRecorded(field, complaint[field.name]);
  return record as ComplaintRecord;
}

/**
 * Turns bare rows of the logbook's `columns`, in that order (remedies as their JSON text), into
 * records as toRecord makes them, sparing a list of every complaint an object per complaint on
 * the way (100,000 complaints: 2.2 s read as objects, 1.1 s as bare rows).
 */
export function recordMaker(columns: readonly string[]): (row: readonly unknown[]) => ComplaintRecord {
  const places = placesOfFields(columns);
  // Each record is filled into a copy of one shape, quicker to make and to write out than one
  // whose fields are added one by one.
  const shape = Object.fromEntries(FIELDS.map((field) => [field.column, null]));
  return (row) => {
    const record: Record<string, unknown> = { ...shape };
    for (let index = 0; index < FIELDS.length; index++) {
      const field = FIELDS[index]!;
      const value = row[places[index]!];
      record[field.column] = asRecorded(field, field.kind.type === 'remedies' ? (JSON.parse(value as string) as Remedy[]) : value);
    }
    return record as ComplaintRecord;
  };
}

/** What separates the elements of a JSON array as `JSON.stringify(array, null, 2)` writes it. */
export const JSON_ELEMENT_SEPARATOR = ',\n';

/**
 * A record as an element of `JSON.stringify(records, null, 2)`, indented as one, without the
 * brackets and separators around it: an array of any length is written one record at a time.
 */
export function jsonArrayElement(record: unknown): string {
  // Quicker than indenting the record's own JSON again line by line (100,000 complaints: 1.5 s to 1.0 s).
  return JSON.stringify([record], null, 2).slice(2, -2);
}

function asRecorded(field: Field, value: unknown): unknown {
  if (field.kind.type === 'money') return inUnits(value as number | null);
  if (field.kind.type === 'remedies') return asRecords(value as Remedy[]);
  if (field.kind.type === 'scores') return scoresKept(value as string | null);
  return value;
}

/** A timeline event as scripts see it: what changed under the record's own names (cost in units). */
export function toTimelineRecord(event: TimelineEntry): Omit<TimelineEntry, 'complaint_id'> {
  const { cost_minor: costMinor, ...rest } = event.changes;
  const changes = costMinor === undefined ? rest : { ...rest, cost: costMinor === null ? null : toUnits(Number(costMinor)) };
  return { at: event.at, recorded_at: event.recorded_at, action: event.action, changes, undone: event.undone };
}
