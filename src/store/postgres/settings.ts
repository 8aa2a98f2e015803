import type { Recording } from '../../domain/complaint.js';
import type { Connection } from './connection.js';

export async function storedSettings(connection: Connection): Promise<Map<string, string>> {
  const rows = await connection.rows<{ key: string; value: string }>(`SELECT key, value FROM settings`);
  return new Map(rows.map((row) => [row.key, row.value]));
}

/** Saves a setting; one a till sets (`config set`) records where, and after which event. */
export async function saveSetting(connection: Connection, key: string, value: string, place?: Omit<Recording, 'at'>): Promise<void> {
  await connection.run(
    `INSERT INTO settings (key, value, till, branch, after_event)
     VALUES ($1, $2, $3::text, $4::text, CASE WHEN $3::text IS NULL THEN NULL ELSE (SELECT COALESCE(max(id), 0) FROM events) END)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, till = excluded.till, branch = excluded.branch, after_event = excluded.after_event`,
    [key, value, place?.till ?? null, place?.branch ?? null],
  );
}

/** The latest setting set at `place` after event `eventId` was written, if any. */
export async function settingSetAfter(connection: Connection, { till, branch }: Omit<Recording, 'at'>, eventId: number): Promise<string | undefined> {
  const rows = await connection.rows<{ key: string }>(
    `SELECT key FROM settings WHERE till = $1 AND branch IS NOT DISTINCT FROM $2 AND after_event >= $3 ORDER BY after_event DESC LIMIT 1`,
    [till, branch, eventId],
  );
  return rows[0]?.key;
}
