import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Terminal } from '../support/pty.js';
import { TEST_ENGINE, dumpStatement, newSchema, onServer, onServerSync } from '../support/postgres.js';
import type { Account } from '../support/unprivileged.js';

export const BIN = fileURLToPath(new URL('../../bin/complaints.cjs', import.meta.url));

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  input?: string;
  /** The folder to run in, for paths given relative to it. */
  cwd?: string;
  /** Another account to run the binary as (see support/unprivileged.ts). */
  as?: Account;
}

/** Where a test's logbook lives and the clock its commands see; a harness adds how they run. */
export interface LogbookFolder {
  dir: string;
  db: string;
  /** The pinned clock every run of this logbook sees (COMPLAINTS_NOW). */
  now: string;
  /** Every row of every table, to compare before and after a refused command. */
  dump(): string;
  /** The same, without waiting on another process where it can. */
  dumpAsync(): Promise<string>;
  /** The schema of the test PostgreSQL the logbook is in; undefined for a file. */
  schema?: string;
}

export interface Logbook extends LogbookFolder {
  /** Runs the built binary against this logbook, with no TTY, as a script would. */
  run(args: string[], options?: RunOptions): Result;
  /** Runs it and fails the test unless it succeeds; returns stdout. */
  ok(args: string[], options?: RunOptions): string;
}

/**
 * A fresh, private folder for a logbook (not yet made), with the clock pinned at `now`. On the
 * engine of the run (TEST_ENGINE): a file in the folder, or an empty schema of the test
 * PostgreSQL, the folder then serving as the till's home.
 */
export function logbookFolder(now = '2026-11-23T10:00:00.000Z', engine = TEST_ENGINE): LogbookFolder {
  const dir = mkdtempSync(join(tmpdir(), 'complaints-test-'));
  if (engine === 'postgres') {
    const { schema, url } = newSchema();
    onServerSync([`CREATE SCHEMA ${schema}`]);
    return {
      dir,
      db: url,
      schema,
      now,
      dump: () => JSON.stringify(onServerSync([dumpStatement(schema)]), null, 1),
      dumpAsync: async () => JSON.stringify(await onServer([dumpStatement(schema)]), null, 1),
    };
  }
  const db = join(dir, 'complaints.db');
  return { dir, db, now, dump: () => dumpDatabase(db), dumpAsync: async () => dumpDatabase(db) };
}

/**
 * The whole environment a command on this logbook sees, `extra` last. It is built from nothing,
 * so the CI=true that CI runs under does not reach the program unless a test says so.
 */
export function environment(book: LogbookFolder, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: book.dir,
    TZ: process.env.TZ ?? 'Europe/London',
    COMPLAINTS_DB: book.db,
    COMPLAINTS_NOW: book.now,
    ...extra,
  };
}

/** The stdout of a command that must succeed; the test fails with its stderr otherwise. */
export function succeeded(args: string[], result: Result): string {
  if (result.code !== 0) throw new Error(`complaints ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

/** A fresh, private logbook in a temporary folder, with the clock pinned at `now`, on the run's engine unless `engine` says. */
export function tempLogbook(now?: string, engine?: 'sqlite' | 'postgres'): Logbook {
  const folder = logbookFolder(now, engine);
  const run: Logbook['run'] = (args, options = {}) => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      // show --json of a 1 MB description is several MB; the 1 MiB default would cut it off.
      maxBuffer: 64 * 1024 * 1024,
      input: options.input ?? '',
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...options.as,
      env: environment(folder, options.env),
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  return { ...folder, run, ok: (args, options) => succeeded(args, run(args, options)) };
}

/**
 * Runs SQL on the logbook behind the commands' backs, as a hand-edited or damaged logbook would
 * have been, and returns the rows of the last statement.
 */
export function underneath(book: LogbookFolder, sql: string): unknown[] {
  if (book.schema !== undefined) return onServerSync([`SET search_path TO ${book.schema}`, sql]).at(-1)!;
  const db = new Database(book.db);
  try {
    const statement = db.prepare(sql);
    return statement.reader ? statement.all() : (statement.run(), []);
  } finally {
    db.close();
  }
}

export function dumpDatabase(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    return JSON.stringify(
      // Every table's first column is its key (daily_figures has no rowid to order by).
      Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()])),
      null,
      1,
    );
  } finally {
    db.close();
  }
}

/** A command's result, and whether the logbook is exactly as it was before the command ran. */
export interface ComparedResult extends Result {
  unchanged: boolean;
}

/** Runs a command between two dumps of the logbook, for tests of commands that must change nothing. */
export function runComparing(book: Logbook, args: string[], options?: RunOptions): ComparedResult {
  const before = book.dump();
  const result = book.run(args, options);
  return { ...result, unchanged: book.dump() === before };
}

/**
 * Runs the built binary on this logbook inside a pseudo-terminal (util-linux `script`), so stdin,
 * stdout and stderr are all TTYs, as at the till. stdout and stderr arrive merged on `stdout`.
 * A run still going after `timeoutMs` (waiting at a prompt, say) is killed and reported as code -1.
 */
export function runAtTerminal(
  book: Logbook,
  args: string[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Result {
  const command = [process.execPath, BIN, '--db', book.db, ...args].map(shellQuote).join(' ');
  const result = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
    encoding: 'utf8',
    input: '',
    timeout: options.timeoutMs ?? 15_000,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: book.dir,
      TZ: process.env.TZ ?? 'Europe/London',
      TERM: 'xterm-256color',
      ...options.env,
    },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A word as bash reads it back unchanged, whatever it holds. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The binary at the till: stdin, stdout and stderr on a terminal of its own. */
export function atTheTill(
  book: Logbook,
  args: string[],
  options: { env?: Record<string, string>; separateStdout?: boolean; columns?: number } = {},
): Terminal {
  const env = environment(book, { TERM: 'xterm-256color', ...options.env });
  return new Terminal(process.execPath, [BIN, ...args], { env, separateStdout: options.separateStdout ?? false, ...(options.columns === undefined ? {} : { columns: options.columns }) });
}
