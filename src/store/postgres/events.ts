import type { LastChange, Recording, TimelineEntry } from '../../domain/complaint.js';
import { lastChangeSql, timelineSql } from '../queries.js';
import { lastChangeOf, timelineEntry, type KeptEvent, type TimelineRow } from '../stored-complaint.js';
import type { Connection } from './connection.js';

export async function appendEvent(connection: Connection, event: KeptEvent): Promise<void> {
  const { before = null, till = null, branch = null, undoes = null } = event;
  await connection.run(
    `INSERT INTO events (complaint_id, at, recorded_at, action, changes, till, branch, before, undoes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [event.complaint_id, event.at, event.recorded_at, event.action, JSON.stringify(event.changes), till, branch, before === null ? null : JSON.stringify(before), undoes],
  );
}

/** The moment a command was given some seconds before, by the server's clock (the one events are written by). */
const given = (parameter: number) => `clock_timestamp() - make_interval(secs => $${parameter})`;

/** The latest change to a complaint that still stands; given `ago`, as it stood that many seconds ago (src/store/sqlite/events.ts). */
export async function lastChange(connection: Connection, complaintId: number, ago?: number): Promise<LastChange | undefined> {
  const asked = ago === undefined ? { sql: lastChangeSql('complaint_id = $1'), values: [complaintId] } : { sql: lastChangeSql('complaint_id = $1', given(2)), values: [complaintId, ago] };
  return lastChangeOf(await connection.row(asked.sql, asked.values));
}

/** The latest change made at a till (of a branch, or of none) that still stood `ago` seconds ago, on whichever complaint. */
export async function lastChangeAt(connection: Connection, { till, branch }: Omit<Recording, 'at'>, ago: number): Promise<LastChange | undefined> {
  return lastChangeOf(await connection.row(lastChangeSql('till = $1 AND branch IS NOT DISTINCT FROM $2', given(3)), [till, branch, ago]));
}

/** A complaint's history, oldest first (in the order it was entered when two share a moment). */
export async function timeline(connection: Connection, complaintId: number): Promise<TimelineEntry[]> {
  return (await connection.rows<TimelineRow>(timelineSql('$1'), [complaintId])).map(timelineEntry);
}
