import type { Db } from './store/open.js';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * What a command does with the logbook, which decides how it is opened and what a logbook that
 * does not exist means (a mistyped --db must not look like an empty logbook, nor leave one behind):
 * - 'read': reads only; a missing one is refused.
 * - 'add': writes; a missing one is created (the first complaint, setting or import).
 * - 'change': writes what the logbook holds; a missing one is refused, having nothing to change.
 * - 'dry-run': reads only; a missing one reads as a new, empty logbook, and nothing is created.
 */
export type Access = 'read' | 'add' | 'change' | 'dry-run';

/** What the outside world gives a command. Tests and the entry point build their own. */
export interface Ctx {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Env;
  now(): Date;
}

/** A command's view once the global options are read: the context, plus what they decided. */
export interface Session extends Ctx {
  /** Colour on stdout: decided once from --no-color, NO_COLOR, TERM and the TTY. */
  color: boolean;
  /** Whether a missing answer may be asked for at the terminal rather than being an error. */
  canPrompt: boolean;
  dbPath: string;
  /** The open logbook, opened (and brought up to date) on first use as `access` says. */
  db(access: Access): Promise<Db>;
  /** A line of output (data) on stdout. */
  print(line: string): void;
  /** A line for the person (hints, notices) on stderr. */
  tell(line: string): void;
}
