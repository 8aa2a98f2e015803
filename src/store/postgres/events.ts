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

/** A complaint's history, oldest first (in the order it was entered when two share a moment). */
export async function timeline(connection: Connection, complaintId: number): Promise<TimelineEvent[]> {
  const rows = await connection.rows<Omit<TimelineEvent, 'changes'> & { changes: string }>(
    `SELECT complaint_id, at, recorded_at, action, changes FROM events WHERE complaint_id = $1 ORDER BY at, id`,
    [complaintId],
  );
  return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as Record<string, unknown> }));
}
