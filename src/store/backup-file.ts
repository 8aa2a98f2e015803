import { BackupExists, BackupFailed, BackupIsFolder, BackupNotAFile } from './errors.js';
import { placeToWrite } from './folders.js';

/**
 * Refuses, before anything is written, a backup to a folder, to a device or a pipe, along a path
 * through a file, or over a file when replacing it was not asked for.
 */
export function refuseUnfitBackupFile(file: string, replace: boolean): void {
  const place = placeToWrite(file);
  if (typeof place === 'object') throw new BackupFailed(file, place.cannot);
  if (place === 'folder') throw new BackupIsFolder(file);
  // Renamed over, /dev/null or a pipe would become a file of the logbook's contents.
  if (place === 'not a file') throw new BackupNotAFile(file);
  if (place === 'file' && !replace) throw new BackupExists(file);
}

/**
 * A backup that failed, with the system's error code where there is one (EACCES, ENOSPC), else
 * the engine's message ("unable to open database file" says more than SQLITE_CANTOPEN).
 */
export function backupFailed(file: string, error: unknown): BackupFailed {
  const { code } = error as NodeJS.ErrnoException;
  return new BackupFailed(file, code !== undefined && /^E[A-Z]+$/.test(code) ? code : (error as Error).message);
}
