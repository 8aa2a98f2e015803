import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Makes `folder` and the folders missing on the way to it with `mode`, as `mkdir -p` does, and
 * returns those it made, outermost first. The path is followed as the system follows it, so that
 * a file opened through it is found: `a/x/../y` needs `a/x` as well as `a/y`. Failing, it leaves
 * none of them behind. One at a time:
 * Node 20's recursive mkdir never returns where a folder cannot be made under /proc (it tries
 * again on ENOENT for ever); here the first that cannot be made throws. One made meanwhile by
 * another process is taken as made.
 */
export function makeFolders(folder: string, mode: number): string[] {
  const missing: string[] = [];
  for (let at = folder; !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  const made: string[] = [];
  for (const next of missing) {
    try {
      mkdirSync(next, { mode });
      made.push(next);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(next).isDirectory()) continue;
      // Those made on the way are of no use now; a file where a folder goes is one on the way (x/../a-file/y).
      removeFoldersMade(made);
      throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? Object.assign(new Error(`${next} is a file`), { code: 'ENOTDIR' }) : error;
    }
  }
  return made;
}

/**
 * Removes the folders makeFolders made for a file that was then not written, innermost first;
 * stops at the first that is no longer empty (another till may have put something there).
 */
export function removeFoldersMade(made: readonly string[]): void {
  for (const folder of [...made].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
  }
}

/** What stands at `path`, or undefined when nothing can be found there (nothing, or a path the system cannot follow). */
export function statIfThere(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    return undefined;
  }
}

/**
 * What stands where a file is to be written: nothing yet, a file, a folder, something else (a
 * device, a pipe, a link to one), or the system's code for why the path cannot be followed
 * (ENOTDIR: a folder on the way is a file; EACCES; ENAMETOOLONG).
 */
export type PlaceToWrite = 'nothing' | 'file' | 'folder' | 'not a file' | { cannot: string };

export function placeToWrite(path: string): PlaceToWrite {
  let found: Stats;
  try {
    found = statSync(path);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return 'nothing';
    if (code === undefined) throw error;
    return { cannot: code };
  }
  return found.isFile() ? 'file' : found.isDirectory() ? 'folder' : 'not a file';
}

/** How every SQLite database file begins. */
export const SQLITE_HEADER = 'SQLite format 3\0';

/** Whether the file at `path` is an SQLite database (a logbook, a backup of one): no file an export or a report should replace. */
export function holdsDatabase(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const header = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, header, 0, header.length, 0) === header.length && header.toString('latin1') === SQLITE_HEADER;
  } catch {
    // What cannot be read is judged when it is written.
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// A draft unchanged this long, of a process no longer running here, was abandoned.
const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Removes the drafts of `path` that a process killed while it wrote one (an import or a backup
 * stopped with kill -9, the machine losing power) left behind, with their journals: each holds
 * customers' details that no forget would reach, and may be as large as the logbook. A draft is
 * named `path` then what `named` matches, whose first group is the process that made it; it is
 * left alone while that process runs, or while it was written to in the last minutes (another
 * computer's, on a shared folder).
 */
export function removeAbandonedDrafts(path: string, named: RegExp): void {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const found of names) {
    const pid = found.startsWith(prefix) ? named.exec(found.slice(prefix.length))?.[1] : undefined;
    if (pid === undefined || isRunning(Number(pid))) continue;
    const draft = join(dirname(path), found);
    const files = [draft, `${draft}-journal`, `${draft}-wal`, `${draft}-shm`];
    try {
      const lastWritten = Math.max(...files.map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0));
      if (Date.now() - lastWritten < ABANDONED_AFTER_MS) continue;
      for (const file of files) rmSync(file, { force: true });
    } catch {
      // Another user's, or on a disk that will not have it removed: not this logbook's to clear.
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: running, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether nothing is at `path`. A file that cannot be looked at (a folder on the way is private) is there: opening it says why. */
export function isMissing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}
