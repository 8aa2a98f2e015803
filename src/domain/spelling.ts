/** A value as typed, tidied so that one thing is always spelt the same: trimmed, inner spaces collapsed, capitals kept. */
export function tidySpelling(text: string): string {
  // Most text is tidy already; asked first, it spares the replacing (an import tidies two names a row).
  return UNTIDY.test(text) ? text.trim().replace(/\s+/g, ' ') : text;
}

/** Space at either end, two together, or any but a plain space. */
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;

/**
 * The form two spellings of one thing share, be it a cause, a category or a person's name: tidied,
 * compared without case in any script ("ZOË" is "zoë", "PÂTISSERIE" is "pâtisserie"), an accent
 * typed as a letter and a combining mark the same as the accented letter.
 */
export function spellingKey(text: string): string {
  // toLowerCase() is Unicode's default mapping, the root locale's: the same for every code point
  // as toLocaleLowerCase('und'), and a tenth of its cost, which an import pays twice a row.
  return tidySpelling(text.normalize('NFC')).toLowerCase();
}

/**
 * The spellings among `inUse` that stand for `typed`, those with its spellingKey, in the order
 * given; none when nothing in use is spelt like it.
 */
export function spellingsOf(typed: string, inUse: readonly string[]): string[] {
  const wanted = spellingKey(typed);
  return inUse.filter((spelling) => spellingKey(spelling) === wanted);
}

/**
 * The spelling to store for a typed cause or name: the first spelling in use with the same key,
 * so that a Pareto table is not split by capitals, stray spaces or how an accent was typed; else
 * the tidied text. `inUse` is in the order its spellings should be preferred.
 */
export function spellingToKeep(typed: string, inUse: readonly string[]): string {
  return spellingsOf(typed, inUse)[0] ?? tidySpelling(typed);
}
