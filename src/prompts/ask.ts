import type { Context } from '@inquirer/type';
import type { Session } from '../context.js';

/** Prompts talk on stderr, so stdout stays the command's output even while asking. */
export function promptStreams(session: Session): Context {
  return { input: session.stdin, output: session.stderr };
}

/** Choices for a free-text answer with suggestions: what was typed first, then earlier answers that match. */
export function suggestionsFor(term: string | undefined, known: readonly string[], blank?: string) {
  const typed = term?.trim() ?? '';
  const matches = known.filter((k) => k.toLowerCase().includes(typed.toLowerCase()));
  const exact = matches.some((k) => k.toLowerCase() === typed.toLowerCase());
  return [
    ...(typed === '' ? (blank === undefined ? [] : [{ name: blank, value: '' }]) : exact ? [] : [{ name: typed, value: typed }]),
    ...matches.map((k) => ({ name: k, value: k })),
  ];
}
