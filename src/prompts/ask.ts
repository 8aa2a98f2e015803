import type { Context } from '@inquirer/type';
import type { Session } from '../context.js';
import { spellingKey } from '../domain/spelling.js';

/** Prompts talk on stderr, so stdout stays the command's output even while asking. */
export function promptStreams(session: Session): Context {
  return { input: session.stdin, output: session.stderr };
}

/**
 * Choices for a free-text answer with suggestions: the earlier answers that hold what was typed
 * (in any capitals or width), so that Enter takes the one already in use (typing 上菜 finds
 * 上菜慢); then, unless one is spelt just so, what was typed as a new `noun`, chosen on purpose.
 * With nothing typed, `blank` (if given) comes first, to skip the question.
 */
export function suggestionsFor(term: string | undefined, known: readonly string[], noun: string, blank?: string) {
  const typed = term?.trim() ?? '';
  const wanted = spellingKey(typed);
  const matches = known.filter((k) => spellingKey(k).includes(wanted));
  const exact = matches.some((k) => spellingKey(k) === wanted);
  return [
    ...(typed === '' && blank !== undefined ? [{ name: blank, value: '' }] : []),
    ...matches.map((k) => ({ name: k, value: k })),
    ...(typed === '' || exact ? [] : [{ name: `${typed} (new ${noun})`, value: typed }]),
  ];
}
