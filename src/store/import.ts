import type { Complaint } from '../domain/complaint.js';
import { Refusal } from '../errors.js';
import { PERSON_KEYS } from './complaints.js';
import { appendEvent } from './events.js';
import type { Db } from './open.js';

const COLUMNS = [
  'id', 'logged_at', 'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants',
  'suggestion', 'staff', 'category', 'cause', 'severity', 'reject_reason', 'assignee', 'respond_by', 'resolved_at',
  'remedy', 'cost_minor', 'root_cause', 'action', 'followed_up_at', 'satisfaction',
] as const satisfies ReadonlyArray<keyof Complaint>;

/** Which of `ids` the logbook holds already, in order. */
export function heldIds(db: Db, ids: readonly number[]): number[] {
  return db
    .prepare(`SELECT id FROM complaints WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}

export function alreadyHeld(ids: readonly number[]): Refusal {
  const shown = ids.slice(0, 5).map((id) => `#${id}`).join(', ');
  const more = ids.length > 5 ? ` and ${ids.length - 5} more` : '';
  return new Refusal(
    `the logbook already has ${shown}${more}; add --new-ids to number the imported complaints after the last one, or import into an empty logbook`,
  );
}

export interface ImportOptions {
  /** Number the complaints after the logbook's last one instead of keeping their ids. */
  newIds: boolean;
  /** When the import happens; each complaint's 'imported' event is dated then. */
  recordedAt: string;
  /** Where the complaints came from, as their timelines show it. */
  source: string;
  onImported(): void;
}

/**
 * Records every complaint, with its timestamps, and an 'imported' event on its timeline, in one
 * transaction: all of them, or none when anything fails (an id the logbook holds already, unless
 * `newIds`). Returns the ids they have in the logbook, in the order given.
 */
export function importComplaints(db: Db, complaints: readonly Complaint[], options: ImportOptions): number[] {
  const insert = db.prepare(
    `INSERT INTO complaints (${COLUMNS.join(', ')}, ${PERSON_KEYS.columns})
     VALUES (${COLUMNS.map((c) => '@' + c).join(', ')}, ${PERSON_KEYS.values})`,
  );
  return db
    .transaction(() => {
      // Checked inside the write, so a complaint logged at the till meanwhile cannot slip between.
      if (!options.newIds) {
        const held = heldIds(db, complaints.map((c) => c.id));
        if (held.length > 0) throw alreadyHeld(held);
      }
      return complaints.map((complaint) => {
        // A NULL id makes SQLite number the row after the last one.
        const id = Number(insert.run({ ...complaint, id: options.newIds ? null : complaint.id }).lastInsertRowid);
        const changes = { source: options.source, ...(id === complaint.id ? {} : { original_id: complaint.id }) };
        appendEvent(db, { complaint_id: id, at: options.recordedAt, recorded_at: options.recordedAt, action: 'imported', changes });
        options.onImported();
        return id;
      });
    })
    .immediate();
}
