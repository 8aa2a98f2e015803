import type { Recording } from '../../domain/complaint.js';
import type { CauseCount, CauseRename } from '../logbook.js';
import { causeRenamed } from '../stored-complaint.js';
import { causesInUse, updateComplaint } from './complaints.js';
import type { Connection } from './connection.js';
import { appendEvent } from './events.js';

/** Every cause in use with how many complaints have it, the most common first. */
export function causeCounts(connection: Connection): Promise<CauseCount[]> {
  return connection.rows<CauseCount>(
    `SELECT cause, COUNT(*) AS count FROM complaints WHERE cause IS NOT NULL GROUP BY cause ORDER BY count DESC, cause`,
  );
}

/**
 * Gives every complaint whose cause is one of the `from` spellings the cause `to`, appending a
 * 'cause-renamed' event to each one's timeline, in one transaction. The complaints are held
 * still meanwhile, so that no till gives one the old spelling while it runs. `plan` decides
 * the rename from the causes in use as they stand then; whatever it throws changes nothing.
 */
export function renameCause(
  connection: Connection,
  recording: Recording,
  plan: (inUse: readonly string[]) => CauseRename,
): Promise<CauseRename & { changed: number }> {
  return connection.inTransaction(async () => {
    await connection.run(`LOCK TABLE complaints IN SHARE ROW EXCLUSIVE MODE`);
    const rename = plan(await causesInUse(connection));
    const affected = await connection.rows<{ id: number; cause: string }>(
      `SELECT id, cause FROM complaints WHERE cause = ANY($1::text[]) AND cause <> $2 ORDER BY id`,
      [rename.from, rename.to],
    );
    for (const { id, cause } of affected) {
      await updateComplaint(connection, id, { cause: rename.to });
      await appendEvent(connection, causeRenamed(id, cause, rename.to, recording));
    }
    return { ...rename, changed: affected.length };
  });
}
