import { chmodSync } from 'node:fs';
import { Refusal } from '../errors.js';
import type { Db } from './open.js';

/**
 * Copies the logbook with SQLite's online backup, which yields to other writers and restarts
 * if they change a page mid-copy, so the copy is a consistent snapshot. Returns its page count.
 */
export async function backupTo(db: Db, file: string): Promise<number> {
  try {
    const { totalPages } = await db.backup(file);
    chmodSync(file, 0o600);
    return totalPages;
  } catch (error) {
    throw new Refusal(`cannot write the backup ${file}: ${(error as Error).message}`);
  }
}
