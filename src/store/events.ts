import type { TimelineEvent } from '../domain/complaint.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';

// Prepared once per connection: an import appends an event per row, and compiling the
// statement each time was a large share of its cost.
const inserts = new WeakMap<Db, Statement>();

export function appendEvent(db: Db, event: TimelineEvent): void {
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(`INSERT INTO events (complaint_id, at, recorded_at, action, changes) VALUES (?, ?, ?, ?, ?)`);
    inserts.set(db, insert);
  }
  insert.run(event.complaint_id, event.at, event.recorded_at, event.action, JSON.stringify(event.changes));
}

/** A complaint's history, oldest first (in the order it was entered when two share a moment). */
export function timeline(db: Db, complaintId: number): TimelineEvent[] {
  const rows = db
    .prepare(`SELECT complaint_id, at, recorded_at, action, changes FROM events WHERE complaint_id = ? ORDER BY at, id`)
    .all(complaintId) as Array<Omit<TimelineEvent, 'changes'> & { changes: string }>;
  return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as Record<string, unknown> }));
}
