import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Makes `folder` and the folders missing on the way to it with `mode`, as mkdirSync's recursive
 * option does, and returns the first it made (undefined when `folder` was there). One at a time:
 * Node 20's recursive mkdir never returns where a folder cannot be made under /proc (it tries
 * again on ENOENT for ever); here the first that cannot be made throws. One made meanwhile by
 * another process is taken as made.
 */
export function makeFolders(folder: string, mode: number): string | undefined {
  const missing: string[] = [];
  for (let at = resolve(folder); !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const made of missing) {
    try {
      mkdirSync(made, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(made).isDirectory()) throw error;
    }
  }
  return missing[0];
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
