import fc from 'fast-check';

/**
 * Pieces of text a customer's words can hold that a terminal shows at unusual widths: Chinese and
 * full-width forms, emoji sequences (joined, with a skin tone, a variation selector, a flag, a
 * keycap), combining marks alone and after a letter, Hangul jamo, joiners, a prepended sign, an
 * Indic conjunct, and halves of surrogate pairs.
 */
const AWKWARD = [
  'a', ' ', '~', '汤', '凉', '，', '１', 'é', 'e\u0301', '\u0301', '\u200b', '\u200d', '\ufe0f', '😀', '🍲️', '👨‍🍳',
  '👍🏽', '🇬🇧', '1️⃣', '가', '\u1100', '\u1161', '\u11a8', '\u0600', 'क्ष', '\ud83c', '\udf72', '…',
];

/** Any text, weighted towards the awkward pieces. */
export const awkwardText = (extra: string[] = []) =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom(...AWKWARD, ...extra), maxLength: 40 }),
  );
