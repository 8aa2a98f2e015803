import type { Recording } from '../../domain/complaint.js';
import type { CauseCount, CauseRename } from '../logbook.js';
import { causeRenamed } from '../stored-complaint.js';
import { appendEvent } from './events.js';
import { causesInUse, updateComplaint } from './complaints.js';
import type { Db } from './open.js';

/** Every cause in use with how many complaints have it, the most common first. */
export function causeCounts(db: Db): CauseCount[] {
  return db
    .prepare(`SELECT cause, COUNT(*) AS count FROM complaints WHERE cause IS NOT NULL GROUP BY cause ORDER BY count DESC, cause`)
    .all() as CauseCount[];
}

/**
 * Gives every complaint whose cause is one of the `from` spellings the cause `to`, appending a
 * 'cause-renamed' event to each one's timeline, in one transaction. `plan` decides the rename from
 * the causes in use as they stand inside it (oldest first); whatever it throws changes nothing.
 * Returns the rename and how many complaints it changed.
 */
export function renameCause(
  db: Db,
  recording: Recording,
  plan: (inUse: readonly string[]) => CauseRename,
): CauseRename & { changed: number } {
  return db
    .transaction(() => {
      const rename = plan(causesInUse(db));
      const affected = db
        .prepare(`SELECT id, cause FROM complaints WHERE cause IN (SELECT value FROM json_each(?)) AND cause <> ? ORDER BY id`)
        .all(JSON.stringify(rename.from), rename.to) as Array<{ id: number; cause: string }>;
      for (const { id, cause } of affected) {
        updateComplaint(db, id, { cause: rename.to });
        appendEvent(db, causeRenamed(id, cause, rename.to, recording));
      }
      return { ...rename, changed: affected.length };
    })
    .immediate();
}
