import { chmodSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { BackupExists, BackupFailed, BackupIsFolder, BackupNotAFile, LogbookProblem } from './errors.js';
import { makeFolders, placeToWrite, removeAbandonedDrafts, removeFoldersMade } from './folders.js';

// A draft's name after the backup's: the process, .partial.
const BACKUP_DRAFT = /^(\d+)\.partial$/;

/**
 * Writes a backup to `file` as `write` writes it to the draft it is given: under a temporary name,
 * made private and renamed into place, so an old backup being replaced (only when `replace`) is
 * never half-overwritten. Missing folders on the way are made private (0700), as the logbook's own
 * are; a backup that fails leaves neither its draft nor them behind.
 */
export async function writeBackup<T>(file: string, replace: boolean, write: (draft: string) => Promise<T>): Promise<T> {
  refuseUnfitBackupFile(file, replace);
  // Those of backups to this file stopped by force, as large as the logbook, pile up otherwise.
  removeAbandonedDrafts(file, BACKUP_DRAFT);
  const draft = `${file}.${process.pid}.partial`;
  let foldersMade: string[] = [];
  let written = false;
  try {
    foldersMade = makeFolders(dirname(file), 0o700);
    const result = await write(draft);
    chmodSync(draft, 0o600);
    renameSync(draft, file);
    written = true;
    return result;
  } catch (error) {
    throw backupFailed(file, error);
  } finally {
    try {
      rmSync(draft, { force: true });
    } catch {
      // A draft that could not be made (its name too long for the system) is not there to remove.
    }
    if (!written) removeFoldersMade(foldersMade);
  }
}

/**
 * Refuses, before anything is written, a backup to a folder, to a device or a pipe, along a path
 * through a file, or over a file when replacing it was not asked for.
 */
function refuseUnfitBackupFile(file: string, replace: boolean): void {
  // Named as a folder (backups/, backups/., ..), whether it is there yet or not.
  if (/(?:^|[\\/])\.{0,2}$/.test(file)) throw new BackupIsFolder(file);
  const place = placeToWrite(file);
  if (typeof place === 'object') throw new BackupFailed(file, place.cannot);
  if (place === 'folder') throw new BackupIsFolder(file);
  // Renamed over, /dev/null or a pipe would become a file of the logbook's contents.
  if (place === 'not a file') throw new BackupNotAFile(file);
  if (place === 'file' && !replace) throw new BackupExists(file);
}

/**
 * A backup that failed, with the system's error code where there is one (EACCES, ENOSPC; a draft
 * that could not be made says its own), or SQLite's that is said in words (SQLITE_CANTOPEN), else
 * the engine's message.
 */
function backupFailed(file: string, error: unknown): BackupFailed {
  if (error instanceof LogbookProblem && error.trouble.kind === 'cannot create') return new BackupFailed(file, error.trouble.reason);
  const { code } = error as NodeJS.ErrnoException;
  const reason = code === 'SQLITE_FULL' ? 'ENOSPC' : code;
  return new BackupFailed(file, reason !== undefined && /^(E[A-Z]+|SQLITE_CANTOPEN)$/.test(reason) ? reason : (error as Error).message);
}
