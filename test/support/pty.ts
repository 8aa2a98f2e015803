import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

// A real pseudo-terminal without node-pty: Python's pty module holds it, and we talk to the
// relay through ordinary pipes, so this works in CI where the test runner itself has no terminal.
const RELAY = fileURLToPath(new URL('./pty-relay.py', import.meta.url));

/** What the keys send from a terminal in raw mode. */
export const KEYS = {
  enter: '\r',
  down: '\x1b[B',
  ctrlC: '\x03',
  escape: '\x1b',
  /** Deletes the line typed so far, as at a shell. */
  ctrlU: '\x15',
} as const;

export interface TerminalOptions {
  /** The whole environment of the program: nothing of the test runner's leaks in (CI among it). */
  env: Record<string, string>;
  /** The folder the program starts in (default: the test runner's). */
  cwd?: string;
  /** Send the program's stdout to a pipe of its own, as in `complaints log --json | jq`. */
  separateStdout?: boolean;
  /** How long any one wait may take before the test fails; generous, for a loaded machine. */
  timeoutMs?: number;
  /** How wide the terminal is (default 120, so that no prompt line wraps). */
  columns?: number;
}

export interface Finished {
  code: number;
  /** Everything the terminal showed, without escape sequences. */
  screen: string;
  /** The program's stdout when it was kept apart from the terminal. */
  stdout: string;
}

// CSI and OSC sequences, and the short two-byte escapes; a sequence cut off at the end of what
// has arrived so far is dropped too, so offsets into the text never move backwards.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78M]|\x1b(?:\[[0-?]*[ -/]*)?$/g;

function plainText(shown: string): string {
  return shown.replace(ESCAPES, '').replace(/\r/g, '');
}

/**
 * A program running on a terminal of its own that a test types into and reads, as a person
 * would: wait until a prompt shows, then press keys. It is killed when the test ends.
 */
export class Terminal {
  private shown = '';
  private stdoutText = '';
  /** Where the next wait starts looking: just past what the last wait found. */
  private cursor = 0;
  private exitCode: number | undefined;
  private readonly changed = new Set<() => void>();
  private readonly keyboard: Writable;
  private readonly closed: Promise<number>;
  private readonly timeoutMs: number;
  private readonly kill: () => void;

  constructor(command: string, args: readonly string[], options: TerminalOptions) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
    const relayArgs = [
      '--env',
      JSON.stringify(options.env),
      ...(options.separateStdout ? ['--stdout-fd', '3'] : []),
      ...(options.columns === undefined ? [] : ['--columns', String(options.columns)]),
    ];
    // The relay runs in the test's own environment so python3 is found as usual; the program gets options.env.
    const relay = spawn('python3', [RELAY, ...relayArgs, '--', command, ...args], {
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe', ...(options.separateStdout ? (['pipe'] as const) : [])],
    });
    this.kill = () => relay.kill('SIGTERM');
    this.keyboard = relay.stdin;
    const collect = (stream: Readable | null | undefined, add: (text: string) => void) => {
      stream?.setEncoding('utf8');
      stream?.on('data', (text: string) => {
        add(text);
        this.changed.forEach((notify) => notify());
      });
    };
    collect(relay.stdout, (text) => (this.shown += text));
    collect(relay.stderr, (text) => (this.shown += `\n[pty-relay] ${text}`));
    collect(relay.stdio[3] as Readable | undefined, (text) => (this.stdoutText += text));
    this.closed = new Promise((resolve) => {
      const end = (code: number) => {
        this.exitCode = code;
        this.changed.forEach((notify) => notify());
        resolve(code);
      };
      // Failing to start (no python3) ends every wait at once, with the reason on the screen.
      relay.on('error', (error) => {
        this.shown += `\n[pty-relay] ${error.message}`;
        end(-1);
      });
      // No code means the relay itself was killed, which only a timeout here does.
      relay.on('close', (code) => end(code ?? -1));
    });
    onTestFinished(() => this.kill());
  }

  /** The escapes of colour and weight (SGR) the terminal has been sent so far. */
  styles(): string[] {
    return this.shown.match(/\x1b\[[\d;]*m/g) ?? [];
  }

  /** Everything the terminal has shown so far, without escape sequences. */
  screen(): string {
    return plainText(this.shown);
  }

  /**
   * Waits until the terminal shows `wanted` after whatever the previous wait found, and moves
   * past it. Fails, showing the screen, if it does not come in time or the program ends first.
   */
  async waitFor(wanted: string | RegExp): Promise<void> {
    const find = (): number | undefined => {
      const rest = this.screen().slice(this.cursor);
      if (typeof wanted === 'string') {
        const at = rest.indexOf(wanted);
        return at === -1 ? undefined : at + wanted.length;
      }
      const match = new RegExp(wanted.source, wanted.flags.replace('g', '')).exec(rest);
      return match ? match.index + match[0].length : undefined;
    };
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        const end = find();
        if (end !== undefined) {
          this.cursor += end;
          finish();
          resolve();
        } else if (this.exitCode !== undefined) {
          finish();
          reject(this.failure(`the program ended (exit ${this.exitCode}) before showing ${String(wanted)}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(this.failure(`${String(wanted)} did not show within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.changed.delete(check);
      };
      this.changed.add(check);
      check();
    });
  }

  /** Types text or key sequences (see KEYS) as they would come from the keyboard. */
  type(...keys: string[]): void {
    this.keyboard.write(keys.join(''));
  }

  /** Waits for a prompt, then types the answer to it. */
  async answer(prompt: string | RegExp, ...keys: string[]): Promise<void> {
    await this.waitFor(prompt);
    this.type(...keys);
  }

  /** Waits for the program to end by itself; a program still running at the time limit fails the test. */
  async finished(): Promise<Finished> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.kill();
        reject(this.failure(`the program did not end within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    try {
      const code = await Promise.race([this.closed, timeout]);
      return { code, screen: this.screen(), stdout: this.stdoutText };
    } finally {
      clearTimeout(timer);
    }
  }

  private failure(what: string): Error {
    return new Error(`${what}; the terminal showed:\n${this.screen().slice(-2000)}`);
  }
}
