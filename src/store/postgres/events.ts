import type { TimelineEvent } from '../../domain/complaint.js';
import type { Connection } from './connection.js';

export async function appendEvent(connection: Connection, event: TimelineEvent): Promise<void> {
  await connection.run(`INSERT INTO events (complaint_id, at, recorded_at, action, changes) VALUES ($1, $2, $3, $4, $5)`, [
    event.complaint_id,
    event.at,
    event.recorded_at,
    event.action,
    JSON.stringify(event.changes),
  ]);
}

/**
 * The 'imported' event that begins the timeline of each complaint just imported, all in one
 * statement. `ids` are the complaints' ids in the logbook and `originals` their ids in the file,
 * in the same order; the event names the file, and the file's id where it differs.
 */
export async function appendImportedEvents(
  connection: Connection,
  ids: readonly number[],
  originals: readonly number[],
  at: string,
  source: string,
): Promise<void> {
  if (ids.length === 0) return;
  const changes = ids.map((id, index) =>
    JSON.stringify(id === originals[index] ? { source } : { source, original_id: originals[index] }),
  );
  await connection.run(
    `INSERT INTO events (complaint_id, at, recorded_at, action, changes)
     SELECT id, $3, $3, 'imported', changes FROM unnest($1::bigint[], $2::text[]) AS imported (id, changes)`,
    [ids, changes, at],
  );
}

/** A complaint's history, oldest first (in the order it was entered when two share a moment). */
export async function timeline(connection: Connection, complaintId: number): Promise<TimelineEvent[]> {
  const rows = await connection.rows<Omit<TimelineEvent, 'changes'> & { changes: string }>(
    `SELECT complaint_id, at, recorded_at, action, changes FROM events WHERE complaint_id = $1 ORDER BY at, id`,
    [complaintId],
  );
  return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as Record<string, unknown> }));
}
