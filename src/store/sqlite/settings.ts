import type { Recording } from '../../domain/complaint.js';
import type { Db } from './open.js';

export function storedSettings(db: Db): Map<string, string> {
  const rows = db.prepare(`SELECT key, value FROM settings`).all() as Array<{ key: string; value: string }>;
  return new Map(rows.map((row) => [row.key, row.value]));
}

/** Saves a setting; one a till sets (`config set`) records where, and after which event. */
export function saveSetting(db: Db, key: string, value: string, place?: Omit<Recording, 'at'>): void {
  db.prepare(
    `INSERT INTO settings (key, value, till, branch, after_event)
     VALUES (@key, @value, @till, @branch, iif(@till IS NULL, NULL, (SELECT COALESCE(max(id), 0) FROM events)))
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, till = excluded.till, branch = excluded.branch, after_event = excluded.after_event`,
  ).run({ key, value, till: place?.till ?? null, branch: place?.branch ?? null });
}

/** The latest setting set at `place` after event `eventId` was written, if any. */
export function settingSetAfter(db: Db, { till, branch }: Omit<Recording, 'at'>, eventId: number): string | undefined {
  return db
    .prepare(`SELECT key FROM settings WHERE till = ? AND branch IS ? AND after_event >= ? ORDER BY after_event DESC LIMIT 1`)
    .pluck()
    .get(till, branch, eventId) as string | undefined;
}
