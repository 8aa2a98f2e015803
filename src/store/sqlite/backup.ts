import { writeBackup } from '../backup-file.js';
import { BackupOfDamaged } from '../errors.js';
import { integrityOf } from './check.js';
import type { Db } from './open.js';
import { statIfThere } from '../folders.js';

/**
 * Copies the logbook with SQLite's online backup, which yields to other writers and restarts if
 * they change a page mid-copy, so the copy is a consistent snapshot (writeBackup says how it is
 * put in place). The caller refuses the logbook's own files (SqliteLogbook.isOwnFile).
 */
export async function backupTo(db: Db, file: string, replace: boolean): Promise<void> {
  // The online backup copies pages as they are: a damaged logbook gives a damaged copy, which is
  // kept (better than none) and said to be so, rather than passing for a sound one.
  const damage = await writeBackup(file, replace, async (draft) => {
    await db.backup(draft);
    return settledCopy(draft);
  });
  if (damage !== undefined) throw new BackupOfDamaged(db.name, file, damage);
}

/**
 * Settles the copy: checked as check checks a logbook's file (about a second for 100,000
 * complaints, beside a quarter of one to copy them), returning the first damage found, if any;
 * and when sound, in rollback-journal mode. The copy keeps the logbook's write-ahead-log mode, in
 * which SQLite can read it only where it may create files beside it; in rollback-journal mode it
 * reads anywhere, read-only media included (https://sqlite.org/wal.html, "Read-Only Databases").
 * The next till to write it puts it back in write-ahead-log mode.
 */
async function settledCopy(file: string): Promise<string | undefined> {
  // Loaded by then to open the logbook; imported here so that the commands' start-up does not load it.
  const { default: Database } = await import('better-sqlite3');
  const copy = new Database(file, { fileMustExist: true });
  try {
    // Damaged, the file may not even switch journals; what integrityOf finds says why.
    const [damage] = integrityOf(copy).damage;
    if (damage === undefined) copy.pragma('journal_mode = DELETE');
    return damage;
  } finally {
    copy.close();
  }
}

/** Whether `a` and `b` are one file, however each is named (another spelling, a hard or symbolic link). */
export function isSameFile(a: string, b: string): boolean {
  const [first, second] = [a, b].map(statIfThere);
  return first !== undefined && second !== undefined && first.dev === second.dev && first.ino === second.ino;
}
