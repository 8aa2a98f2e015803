import type { Complaint, TimelineEvent } from './complaint.js';
import { toUnits } from './money.js';

/** The contract's columns, in order; JSON objects and CSV rows both follow it. */
export const RECORD_COLUMNS = [
  'id', 'logged_at', 'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants',
  'suggestion', 'category', 'cause', 'severity', 'assignee', 'respond_by', 'resolved_at', 'remedy', 'cost',
  'root_cause', 'action', 'followed_up_at', 'satisfaction',
  // Beyond the contract's list ("more may follow").
  'staff', 'reject_reason',
] as const;

export type RecordColumn = (typeof RECORD_COLUMNS)[number];
export type ComplaintRecord = Record<RecordColumn, string | number | null>;

/** A complaint as scripts see it: the contract's keys in order, cost in currency units. */
export function toRecord(complaint: Complaint): ComplaintRecord {
  const record = {} as ComplaintRecord;
  for (const column of RECORD_COLUMNS) {
    record[column] =
      column === 'cost'
        ? complaint.cost_minor === null
          ? null
          : toUnits(complaint.cost_minor)
        : complaint[column];
  }
  return record;
}

/** A timeline event as scripts see it: what changed under the record's own names (cost in units). */
export function toTimelineRecord(event: TimelineEvent): Omit<TimelineEvent, 'complaint_id'> {
  const { cost_minor: costMinor, ...rest } = event.changes;
  const changes = costMinor === undefined ? rest : { ...rest, cost: costMinor === null ? null : toUnits(Number(costMinor)) };
  return { at: event.at, recorded_at: event.recorded_at, action: event.action, changes };
}
