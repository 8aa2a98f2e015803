/**
 * The spellings among `inUse` that stand for `typed`: those `key` folds to the same form, in the
 * order given; none when nothing in use is spelt like it.
 */
export function spellingsOf(typed: string, inUse: readonly string[], key: (text: string) => string): string[] {
  const wanted = key(typed);
  return inUse.filter((spelling) => key(spelling) === wanted);
}
