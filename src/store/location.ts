import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../context.js';
import { UsageError } from '../errors.js';

/** Where the logbook lives: `--db`, else `$COMPLAINTS_DB`, else the XDG data folder. */
export function databasePath(flag: string | undefined, env: Env): string {
  if (flag !== undefined) {
    if (flag.trim() === '') throw new UsageError('--db needs a file name');
    return flag;
  }
  if (env.COMPLAINTS_DB) return env.COMPLAINTS_DB;
  const dataHome = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(dataHome, 'complaints', 'complaints.db');
}
