import type { LastChange, Recording, TimelineEvent } from '../../domain/complaint.js';
import { lastChangeSql } from '../queries.js';
import { lastChangeOf, type KeptEvent } from '../stored-complaint.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';

// Prepared once per connection: an import appends an event per row, and compiling the
// statement each time was a large share of its cost.
const inserts = new WeakMap<Db, Statement>();

export function appendEvent(db: Db, event: KeptEvent): void {
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(`INSERT INTO events (complaint_id, at, recorded_at, action, changes, till, branch, before, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    inserts.set(db, insert);
  }
  const { before = null, till = null, branch = null, undoes = null } = event;
  insert.run(event.complaint_id, event.at, event.recorded_at, event.action, JSON.stringify(event.changes), till, branch, before === null ? null : JSON.stringify(before), undoes);
}

/** The latest change to a complaint that still stands. */
export function lastChange(db: Db, complaintId: number): LastChange | undefined {
  return lastChangeOf(db.prepare(lastChangeSql('complaint_id = ?')).get(complaintId) as Parameters<typeof lastChangeOf>[0]);
}

/** The latest change made at a till (of a branch, or of none) that still stands, on whichever complaint. */
export function lastChangeAt(db: Db, { till, branch }: Omit<Recording, 'at'>): LastChange | undefined {
  return lastChangeOf(db.prepare(lastChangeSql('till = ? AND branch IS ?')).get(till, branch) as Parameters<typeof lastChangeOf>[0]);
}

/**
 * The 'imported' event that begins the timeline of each complaint just imported, all in one
 * statement, much faster than one by one (5ff81a4). `ids` are the
 * complaints' ids in the logbook and `originals` their ids in the file, in the same order; the
 * event names the file, and the file's id where it differs.
 */
export function appendImportedEvents(db: Db, ids: readonly number[], originals: readonly number[], { at, till, branch }: Recording, source: string): void {
  // Most imports keep the file's ids; a list of them takes far less memory than the pairs (41f7c62).
  const kept = originals.every((original, index) => original === ids[index]);
  const imported = kept
    ? `SELECT value AS id, value AS original FROM json_each(@list)`
    : `SELECT value ->> 0 AS id, value ->> 1 AS original FROM json_each(@list)`;
  db.prepare(
    `INSERT INTO events (complaint_id, at, recorded_at, action, changes, till, branch)
     SELECT id, @at, @at, 'imported',
       CASE WHEN id = original THEN json_object('source', @source) ELSE json_object('source', @source, 'original_id', original) END, @till, @branch
     FROM (${imported})`,
  ).run({ at, till, branch, source, list: JSON.stringify(kept ? ids : ids.map((id, index) => [id, originals[index]])) });
}

/** A complaint's history, oldest first (in the order it was entered when two share a moment). */
export function timeline(db: Db, complaintId: number): TimelineEvent[] {
  const rows = db
    .prepare(`SELECT complaint_id, at, recorded_at, action, changes FROM events WHERE complaint_id = ? ORDER BY at, id`)
    .all(complaintId) as Array<Omit<TimelineEvent, 'changes'> & { changes: string }>;
  return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as Record<string, unknown> }));
}
