import { existsSync, mkdirSync, statSync, type Stats } from 'node:fs';
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

/** What stands at `path`: undefined when nothing does, 'through a file' when a folder on the way is a file. */
export function statIfThere(path: string): Stats | 'through a file' | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') return 'through a file';
    throw error;
  }
}
