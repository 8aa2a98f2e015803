import type { Complaint, TimelineEvent } from './complaint.js';
import { toUnits } from './money.js';

/** The contract's columns, in order; JSON objects and CSV rows both follow it. */
export const RECORD_COLUMNS = [
  'id', 'logged_at', 'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants',
  'suggestion', 'category', 'cause', 'severity', 'assignee', 'respond_by', 'resolved_at', 'remedy', 'cost',
  'root_cause', 'action', 'followed_up_at', 'satisfaction',
  // Beyond the contract's list ("more may follow").
  'staff', 'reject_reason', 'remedies', 'uid',
] as const;

export type RecordColumn = (typeof RECORD_COLUMNS)[number];

/** A remedy as scripts see it: cost in currency units. */
export interface RemedyRecord {
  given_at: string;
  remedy: string;
  cost: number | null;
}

export type ComplaintRecord = Record<Exclude<RecordColumn, 'remedies'>, string | number | null> & { remedies: RemedyRecord[] };

const costInUnits = (minor: number | null) => (minor === null ? null : toUnits(minor));

/** A complaint as scripts see it: the contract's keys in order, costs in currency units. */
export function toRecord(complaint: Complaint): ComplaintRecord {
  const record = {} as Record<RecordColumn, unknown>;
  for (const column of RECORD_COLUMNS) {
    record[column] =
      column === 'cost'
        ? costInUnits(complaint.cost_minor)
        : column === 'remedies'
          ? complaint.remedies.map(({ given_at, remedy, cost_minor }) => ({ given_at, remedy, cost: costInUnits(cost_minor) }))
          : complaint[column];
  }
  return record as ComplaintRecord;
}

/** A timeline event as scripts see it: what changed under the record's own names (cost in units). */
export function toTimelineRecord(event: TimelineEvent): Omit<TimelineEvent, 'complaint_id'> {
  const { cost_minor: costMinor, ...rest } = event.changes;
  const changes = costMinor === undefined ? rest : { ...rest, cost: costMinor === null ? null : toUnits(Number(costMinor)) };
  return { at: event.at, recorded_at: event.recorded_at, action: event.action, changes };
}
