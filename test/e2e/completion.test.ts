import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefusedInOneLine } from '../support/bad-input.js';
import { BIN, environment, runComparing, shellQuote, tempLogbook } from './harness.js';

const NOW = '2026-11-23T10:00:00.000Z';

// `complaints` on the PATH, as npm link puts it there.
const shims = mkdtempSync(join(tmpdir(), 'complaints-shims-'));
writeFileSync(join(shims, 'complaints'), `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(BIN)} "$@"\n`, { mode: 0o755 });

/** #1 new, #2 triaged, #3 assigned to Sam, #4 resolved; causes cold food and 汤太凉. */
const book = tempLogbook(NOW);
beforeAll(() => {
  book.ok(['log', 'soup was cold', '--at', '2026-11-20 09:00']);
  book.ok(['log', '汤是凉的', '--at', '2026-11-20 10:00']);
  book.ok(['log', 'wrong order', '--at', '2026-11-20 11:00']);
  book.ok(['log', 'cold chips', '--at', '2026-11-20 12:00']);
  book.ok(['triage', '2', '--category', 'product', '--cause', '汤太凉', '--at', '2026-11-20 10:30']);
  book.ok(['triage', '3', '--category', 'service', '--cause', 'wrong order', '--at', '2026-11-20 11:30']);
  book.ok(['assign', '3', 'Sam', '--at', '2026-11-20 11:31']);
  // A remedy above the shop's limit: #3 waits for approval.
  book.ok(['config', 'set', 'approval-above', '1']);
  book.ok(['resolve', '3', '--remedy', 'refund', '--cost', '5', '--at', '2026-11-20 11:40']);
  book.ok(['triage', '4', '--category', 'product', '--cause', 'cold food', '--at', '2026-11-20 12:30']);
  book.ok(['resolve', '4', '--remedy', 'replacement', '--at', '2026-11-20 12:40']);
}, 60_000);

/** What bash offers for the words typed after `complaints`, the last one being typed, with the script loaded. */
function bashCompletes(...words: string[]): string[] {
  const typed = ['complaints', ...words].map(shellQuote).join(' ');
  const script = `source <(complaints completion bash)
COMP_WORDS=(${typed}); COMP_CWORD=${words.length}
_complaints
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...environment(book), PATH: `${shims}:${process.env.PATH ?? ''}` } });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter((line) => line !== '');
}

describe('completion in bash', () => {
  it('completes commands and their flags', () => {
    expect(bashCompletes('tri')).toEqual(['triage']);
    expect(bashCompletes('report', '--fo')).toEqual(['--format']);
    expect(bashCompletes('report', '--format', 'h')).toEqual(['html']);
    expect(bashCompletes('report', '--by', 'ca')).toEqual(['cause', 'category']);
    expect(bashCompletes('triage', '1', '--nature', '')).toEqual(['valid', 'help', 'question', 'venting', 'unfounded']);
    expect(bashCompletes('follow-up', '4', '--satisfaction', '')).toEqual(['1', '2', '3', '4', '5']);
  });

  it('offers the ids a step applies to, the latest first', () => {
    expect(bashCompletes('triage', '').filter((word) => !word.startsWith('-'))).toEqual(['1']);
    expect(bashCompletes('resolve', '').filter((word) => !word.startsWith('-'))).toEqual(['3', '2', '1']);
    expect(bashCompletes('follow-up', '').filter((word) => !word.startsWith('-'))).toEqual(['4']);
    expect(bashCompletes('approve', '').filter((word) => !word.startsWith('-'))).toEqual(['3']);
    expect(bashCompletes('show', '').filter((word) => !word.startsWith('-'))).toEqual(['4', '3', '2', '1']);
  });

  it('offers the causes, categories and people in use, Chinese ones too', () => {
    // In the order they were first met, as triage suggests them.
    expect(bashCompletes('list', '--cause', '')).toEqual(['汤太凉', 'wrong order', 'cold food']);
    expect(bashCompletes('list', '--cause', '汤')).toEqual(['汤太凉']);
    expect(bashCompletes('triage', '1', '--category', 'pr')).toEqual(['product', 'price', 'premises']);
    expect(bashCompletes('assign', '2', 'S')).toEqual(['Sam']);
  });

  it('reads a logbook named by --db on the line, and makes none that does not exist', () => {
    const missing = join(book.dir, 'elsewhere.db');
    expect(bashCompletes('--db', missing, 'show', '')).toEqual(['--json', '--help']);
    expect(existsSync(missing)).toBe(false);
    expect(bashCompletes('--db', book.db, 'triage', '').filter((word) => !word.startsWith('-'))).toEqual(['1']);
  });

  it('writes nothing to the logbook', () => {
    expect(runComparing(book, ['__complete', '--', 'triage', ''])).toMatchObject({ code: 0, stdout: expect.stringContaining('1\n'), unchanged: true });
  });

  it('completes the program’s own options as words, never running them', () => {
    expect(bashCompletes('--d')).toEqual(['--db']);
    expect(bashCompletes('--db')).toEqual(['--db']);
    expect(bashCompletes('--version', '')).toEqual(expect.arrayContaining(['triage']));
  });
});

describe('completion scripts', () => {
  it('are printed for zsh and fish, each calling back for its candidates', () => {
    expect(book.ok(['completion', 'zsh'])).toContain('compdef _complaints complaints');
    expect(book.ok(['completion', 'fish'])).toContain("complete -c complaints -f -a '(complaints __complete -- ");
  });

  it('refuses a shell it has none for, in one line', () => {
    expectRefusedInOneLine(runComparing(book, ['completion', 'tcsh']), 2, "'tcsh'");
  });
});
