import type { Complaint, Remedy, TimelineEvent } from './complaint.js';
import { FIELDS, type RecordColumn } from './fields.js';
import { toUnits } from './money.js';

export type { RecordColumn } from './fields.js';

/** The columns of JSON objects and CSV rows, in the contract's order. */
export const RECORD_COLUMNS: readonly RecordColumn[] = FIELDS.map((field) => field.column);

/** A remedy as scripts see it: cost in currency units. */
export interface RemedyRecord {
  given_at: string;
  remedy: string;
  cost: number | null;
}

export type ComplaintRecord = Record<Exclude<RecordColumn, 'remedies'>, string | number | null> & { remedies: RemedyRecord[] };

const inUnits = (minor: number | null) => (minor === null ? null : toUnits(minor));

const asRecords = (remedies: readonly Remedy[]): RemedyRecord[] =>
  remedies.map(({ given_at, remedy, cost_minor }) => ({ given_at, remedy, cost: inUnits(cost_minor) }));

/** A complaint as scripts see it: each field under its column, in order; amounts in currency units. */
export function toRecord(complaint: Complaint): ComplaintRecord {
  const record: Record<string, unknown> = {};
  for (const { name, column, kind } of FIELDS) {
    const value = complaint[name];
    record[column] = kind.type === 'money' ? inUnits(value as number | null) : kind.type === 'remedies' ? asRecords(value as Remedy[]) : value;
  }
  return record as ComplaintRecord;
}

/** A timeline event as scripts see it: what changed under the record's own names (cost in units). */
export function toTimelineRecord(event: TimelineEvent): Omit<TimelineEvent, 'complaint_id'> {
  const { cost_minor: costMinor, ...rest } = event.changes;
  const changes = costMinor === undefined ? rest : { ...rest, cost: costMinor === null ? null : toUnits(Number(costMinor)) };
  return { at: event.at, recorded_at: event.recorded_at, action: event.action, changes };
}
