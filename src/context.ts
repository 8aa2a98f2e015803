import type { LogbookAddress } from './store/location.js';
import type { Logbook } from './store/logbook.js';
import type { Access } from './store/open.js';

export type Env = Readonly<Record<string, string | undefined>>;


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
  /**
   * When the command was given, as performance.now() counts: 0 for a process started to run it.
   * Left out, the moment run() begins.
   */
  givenAt?: number;
}

/** A command's view once the global options are read: the context, plus what they decided. */
export interface Session extends Ctx {
  /** Colour on stdout: decided once from --no-color, NO_COLOR, TERM and the TTY. */
  color: boolean;
  /** Whether a missing answer may be asked for at the terminal rather than being an error. */
  canPrompt: boolean;
  /** Where the logbook is; `address.shown` names it in messages. */
  address: LogbookAddress;
  /** The open logbook, opened (and brought up to date) on first use as `access` says. */
  logbook(access: Access): Promise<Logbook>;
  /** A line of output (data) on stdout. */
  print(line: string): void;
  /** A line for the person (hints, notices) on stderr. */
  tell(line: string): void;
  /** Seconds since the command was given, by a clock no setting moves. */
  sinceGiven(): number;
}
