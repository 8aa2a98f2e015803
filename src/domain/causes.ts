import { spellingsOf } from './spelling.js';

/** A cause as typed, tidied so that the same cause is always spelt the same: trimmed, inner spaces collapsed. */
export function tidyCause(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** The key two spellings of one cause share: tidied, compared without case. */
export function causeKey(text: string): string {
  // The root locale's mapping, as nameKey uses it (src/domain/person.ts).
  return tidyCause(text).toLowerCase();
}

/**
 * The spelling to store for a typed cause: the first spelling already in use for the same key,
 * so that a Pareto table is not split by capitals or stray spaces; else the tidied text.
 * `known` is in order of first use.
 */
export function canonicalCause(typed: string, known: readonly string[]): string {
  return spellingsOf(typed, known, causeKey)[0] ?? tidyCause(typed);
}
