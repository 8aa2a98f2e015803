/**
 * A value as typed, tidied so that one thing is always spelt the same: trimmed, inner spaces
 * collapsed, none between two Chinese characters ("汤 不 热" is "汤不热"; "iPhone 屏幕" keeps
 * its space, as Chinese is often typeset), capitals kept.
 */
export function tidySpelling(text: string): string {
  // Most text is tidy already; asked first, it spares the replacing (an import tidies two names a row).
  const spaced = UNTIDY.test(text) ? text.trim().replace(/\s+/g, ' ') : text;
  return spaced.includes(' ') && !PRINTABLE_ASCII.test(spaced) ? spaced.replace(SPACE_BETWEEN_HAN, '') : spaced;
}

/** Space at either end, two together, or any but a plain space. */
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;

/**
 * The form two spellings of one thing share, be it a cause, a category or a person's name: tidied,
 * compared without case in any script ("ZOË" is "zoë", "Straße" is "STRASSE"), an accent typed as
 * a letter and a combining mark the same as the accented letter, the full-width letters and digits
 * of Chinese and Japanese input methods the same as plain ones ("ｃｏｌｄ" is "cold"), an emoji
 * the same with or without a variation selector or an invisible character, and without the spaces
 * beside a Chinese character ("汤 不热" is "汤不热", "王 芳" is "王芳", "iPhone 屏幕" is "iPhone屏幕").
 */
export function spellingKey(text: string): string {
  // Most keys are of plain ASCII, where lower case is the whole of case folding.
  if (PRINTABLE_ASCII.test(text)) return tidySpelling(text).toLowerCase();
  const compatible = text.normalize('NFKC').replace(VARIATION_SELECTORS, '').replace(INVISIBLE, '');
  // Lower, upper, then lower case again folds what lower case alone keeps apart (ß, ẞ and SS; ς
  // and σ); all are Unicode's default mappings, the same whatever the machine's locale.
  const folded = tidySpelling(compatible.toLowerCase().toUpperCase().toLowerCase().normalize('NFC'));
  return folded.replace(SPACE_BESIDE_HAN, '');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Characters that show as nothing, which a name copied from a chat app or a web page brings with it:
// the soft hyphen, Mongolian vowel separator, zero-width space and non-joiner, direction marks and
// embeddings, the word joiner and invisible operators, the byte order mark, and a zero-width joiner
// anywhere but between two emoji, of which it makes one (👨‍🍳 is a cook, not a man beside a frying
// pan), with a skin tone or an emoji presentation selector between if any. The PostgreSQL
// migrations that took them out of the stored person keys (migrations/postgres/0010, 0017) name the same.
export const INVISIBLE =
  /[\u00AD\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
// U+FE00–FE0F, and the supplementary selectors U+E0100–E01EF as their surrogate pairs.
const VARIATION_SELECTORS = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;

// Chinese puts no spaces between words, so whether one was typed between two words, or beside a
// Latin word, is chance. The Han characters are the CJK radicals, 々〆〇, the unified and
// compatibility ideographs and those of the planes above; the PostgreSQL migration that made the
// stored person keys this way (migrations/postgres/0009) names the same ranges.
const HAN = '\\u2E80-\\u2FDF\\u3005-\\u3007\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u{20000}-\\u{323AF}';
const SPACE_BESIDE_HAN = new RegExp(`(?<=[${HAN}]) | (?=[${HAN}])`, 'gu');
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}]) (?=[${HAN}])`, 'gu');

/**
 * The spellings among `inUse` that stand for `typed`, those with its spellingKey, in the order
 * given; none when nothing in use is spelt like it.
 */
export function spellingsOf(typed: string, inUse: readonly string[]): string[] {
  const wanted = spellingKey(typed);
  return inUse.filter((spelling) => spellingKey(spelling) === wanted);
}

// What an input method ends a phrase with (汤不热。, 服务态度差！) is no part of a cause typed at
// the till. A file's causes are kept as they are, so that an export imports unchanged.
const SENTENCE_END = /[\s。．！？，、；：…～.!?,;:~]+$/u;

/**
 * A cause as typed, without the punctuation ending it, nor what shows as nothing in it (pasted
 * from a chat app, it would be kept as the spelling of the cause, and shown so to every till
 * after): nothing when it is nothing else, as a lone 。 is an input method's slip, not a cause to
 * count in a Pareto table.
 */
export function causeTyped(typed: string): string {
  return typed.replace(INVISIBLE, '').replace(SENTENCE_END, '');
}

/**
 * The spelling to store for a typed cause or name: the first spelling in use with the same key,
 * so that a Pareto table is not split by capitals, stray spaces or how an accent was typed; else
 * the tidied text. `inUse` is in the order its spellings should be preferred.
 */
export function spellingToKeep(typed: string, inUse: readonly string[]): string {
  return spellingsOf(typed, inUse)[0] ?? tidySpelling(typed);
}
