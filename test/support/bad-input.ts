import { expect } from 'vitest';
import type { ComparedResult } from '../e2e/harness.js';

/** A command line as it would be typed, quoting the words a shell would need quoted. */
export function typed(args: string[]): string {
  return ['complaints', ...args].map((word) => (/^[\w#.,:+/@-]+$/.test(word) ? word : `"${word}"`)).join(' ');
}

/**
 * What bad input must get, on the binary and in-process alike: the exit code, nothing on stdout,
 * one line on stderr naming the problem, and the logbook as it was.
 */
export function expectRefusedInOneLine(result: ComparedResult, code: 1 | 2, names: string): void {
  expect({ code: result.code, stdout: result.stdout, unchanged: result.unchanged }).toEqual({
    code,
    stdout: '',
    unchanged: true,
  });
  // Exactly one line, in the tool's own form: no stack trace, no second line of advice.
  expect(result.stderr).toMatch(/^complaints: [^\n]+\n$/);
  expect(result.stderr).toContain(names);
  // The hint that comes with an unexpected internal error: a bad input deserves a deliberate message.
  expect(result.stderr).not.toContain('COMPLAINTS_DEBUG');
}
