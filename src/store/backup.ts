import { chmodSync, renameSync, rmSync } from 'node:fs';
import { Refusal } from '../errors.js';
import type { Db } from './open.js';

/**
 * Copies the logbook with SQLite's online backup, which yields to other writers and restarts
 * if they change a page mid-copy, so the copy is a consistent snapshot. It is written under a
 * temporary name and renamed into place, so an old backup being replaced is never half-overwritten.
 * Returns its page count.
 */
export async function backupTo(db: Db, file: string): Promise<number> {
  const draft = `${file}.${process.pid}.partial`;
  try {
    const { totalPages } = await db.backup(draft);
    chmodSync(draft, 0o600);
    renameSync(draft, file);
    return totalPages;
  } catch (error) {
    throw new Refusal(`cannot write the backup ${file}: ${(error as Error).message}`);
  } finally {
    rmSync(draft, { force: true });
  }
}
