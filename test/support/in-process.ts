import { Readable, Writable } from 'node:stream';
import type { Env } from '../../src/context.js';
import {
  environment, logbookFolder, succeeded, type ComparedResult, type LogbookFolder, type Result, type RunOptions,
} from '../e2e/harness.js';
import { run } from './built-cli.js';

// Commands run through the built `run` in the test's own process, as the binary would run them
// from a script: no terminal, the environment built from nothing, the clock pinned. A command
// takes milliseconds rather than a Node start-up. What only a process shows stays with the
// binary's tests (test/e2e): the modes of the files it creates, the terminal, start-up, crashes,
// several tills at once, and what the launcher does on its own, such as ending quietly when a
// reader like `head` closes the pipe (here output goes to memory, which never closes early).

// As the launcher does before any command (bin/complaints.cjs); the umask is the process's, so it
// is set once for the test file that runs commands here.
process.umask(0o077);

/** What a command wrote, as bytes, and its exit code. */
export interface Output {
  code: number;
  stdout: Buffer;
  stderr: Buffer;
}

/**
 * Runs one command line in-process with `env` as its whole environment, its clock read from
 * COMPLAINTS_NOW as the launcher reads it, and `input` on stdin.
 */
export async function runInProcess(argv: readonly string[], env: Env, input = '', givenAt?: number): Promise<Output> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const pinned = env.COMPLAINTS_NOW;
  // Local time is the process's, not the context's: the run's TZ is the process's while it runs.
  const zone = process.env.TZ;
  setZone(env.TZ);
  try {
    const code = await run(argv, {
      stdin: Readable.from([Buffer.from(input)]),
      stdout: collector(stdout),
      stderr: collector(stderr),
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env,
      now: pinned ? () => new Date(pinned) : () => new Date(),
      givenAt,
    });
    return { code, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) };
  } finally {
    setZone(zone);
  }
}

function setZone(zone: string | undefined): void {
  // Assigning undefined would set the text "undefined".
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
}

function collector(chunks: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
}

/**
 * No other account to run as: a command run here is the test process. `givenAt` (as
 * performance.now() counts) dates the command before it runs: one given while another ran.
 */
export type InProcessOptions = Omit<RunOptions, 'as'> & { givenAt?: number };

/** A temporary logbook whose commands run in-process; the same shape as the binary's, awaited. */
export interface Logbook extends LogbookFolder {
  run(args: string[], options?: InProcessOptions): Promise<Result>;
  ok(args: string[], options?: InProcessOptions): Promise<string>;
}

/** A fresh, private logbook in a temporary folder, with the clock pinned at `now`, on the run's engine unless `engine` says. */
export function tempLogbook(now?: string, engine?: 'sqlite' | 'postgres'): Logbook {
  const folder = logbookFolder(now, engine);
  const run: Logbook['run'] = async (args, options = {}) => {
    const output = await runInProcess(args, environment(folder, options.env), options.input, options.givenAt);
    return { code: output.code, stdout: output.stdout.toString('utf8'), stderr: output.stderr.toString('utf8') };
  };
  return { ...folder, run, ok: async (args, options) => succeeded(args, await run(args, options)) };
}

/** Runs a command between two dumps of the logbook, for tests of commands that must change nothing. */
export async function runComparing(book: Logbook, args: string[], options?: InProcessOptions): Promise<ComparedResult> {
  const before = await book.dumpAsync();
  const result = await book.run(args, options);
  return { ...result, unchanged: (await book.dumpAsync()) === before };
}
