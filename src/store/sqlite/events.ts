import type { LastChange, Recording, TimelineEntry } from '../../domain/complaint.js';
import { lastChangeSql, timelineSql } from '../queries.js';
import { lastChangeOf, timelineEntry, type KeptEvent, type TimelineRow } from '../stored-complaint.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';

// Prepared once per connection: an import appends an event per row, and compiling the
// statement each time was a large share of its cost.
const inserts = new WeakMap<Db, Statement>();

export function appendEvent(db: Db, event: KeptEvent): void {
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO events (complaint_id, at, recorded_at, action, changes, till, branch, before, undoes, written_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    inserts.set(db, insert);
  }
  const { before = null, till = null, branch = null, undoes = null } = event;
  insert.run(event.complaint_id, event.at, event.recorded_at, event.action, JSON.stringify(event.changes), till, branch, before === null ? null : JSON.stringify(before), undoes, logbookClock());
}

/**
 * This computer's clock `ago` seconds before now, to the microsecond, as ISO text: the logbook's
 * clock, as the tills writing a file share the computer. Finer than SQLite's own (a millisecond),
 * for an undo given a moment after another's was written is not one given at once.
 */
function logbookClock(ago = 0): string {
  const ms = performance.timeOrigin + performance.now() - ago * 1000;
  const whole = Math.floor(ms);
  const micro = String(Math.floor((ms - whole) * 1000)).padStart(3, '0');
  return new Date(whole).toISOString().replace('Z', `${micro}Z`);
}

/** The latest change to a complaint that still stands; given `ago`, as it stood that many seconds ago. */
export function lastChange(db: Db, complaintId: number, ago?: number): LastChange | undefined {
  const asked = ago === undefined ? db.prepare(lastChangeSql('complaint_id = ?')).bind(complaintId) : db.prepare(lastChangeSql('complaint_id = ?', '?')).bind(logbookClock(ago), complaintId);
  return lastChangeOf(asked.get() as Parameters<typeof lastChangeOf>[0]);
}

/** The latest change made at a till (of a branch, or of none) that still stood `ago` seconds ago, on whichever complaint. */
export function lastChangeAt(db: Db, { till, branch }: Omit<Recording, 'at'>, ago: number): LastChange | undefined {
  return lastChangeOf(db.prepare(lastChangeSql('till = ? AND branch IS ?', '?')).get(logbookClock(ago), till, branch) as Parameters<typeof lastChangeOf>[0]);
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
export function timeline(db: Db, complaintId: number): TimelineEntry[] {
  const rows = db
    .prepare(timelineSql('?'))
    .all(complaintId) as TimelineRow[];
  return rows.map(timelineEntry);
}
