import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { causeTyped, spellingKey, spellingToKeep, spellingsOf, tidySpelling } from '../../src/domain/spelling.js';

describe('spellingKey', () => {
  it.each([
    ['Cold Food', ' cold   food '],
    ['COLD FOOD', 'cold food'],
    ['CAFÉ closed', 'café Closed'],
    ['Élodie', 'ÉLODIE'],
    ['Zoë Brontë', 'ZOË BRONTË'],
    // The same letters composed and decomposed.
    ['caf\u00e9', 'cafe\u0301'],
    ['\u00c9lodie', 'E\u0301lodie'],
    ['菜太凉', ' 菜太凉 '],
    // Chinese puts no spaces between words; one typed between them, or beside a Latin word, is chance.
    ['汤不热', '汤 不 热'],
    ['王芳', '王　芳'],
    ['iPhone屏幕', 'iphone 屏幕'],
    ['𠮷野家', '𠮷 野家'],
    // Full-width letters and digits, as Chinese and Japanese input methods type them.
    ['ｃｏｌｄ ｆｏｏｄ', 'cold food'],
    ['ＣＯＬＤ　ＦＯＯＤ', 'cold food'],
    ['１号桌', '1号桌'],
    // An emoji with and without a variation selector.
    ['🍲', '🍲\uFE0F'],
    ['☕ late', '☕\uFE0E late'],
    // Full case folding, beyond lower case.
    ['Straße', 'STRASSE'],
    ['ΟΔΟΣ', 'οδος'],
    // Characters that show as nothing, as a name copied from a chat app brings them.
    ['王芳', '王\u200b芳'],
    ['王芳', '\ufeff王 \u200b芳\u200e'],
    ['Ann Lee', 'Ann \u200b Lee'],
    ['Ann Lee', 'An\u00adn Lee\u2060'],
    // A zero-width joiner anywhere but between two emoji, and the Mongolian vowel separator.
    ['王芳', '王\u200d芳'],
    ['汤不热', '\u200d汤\u200d 不热\u180e'],
    ['🍲汤', '🍲\u200d汤'],
    ['a👍', 'a\u200d👍'],
  ])('gives %j and %j the same key', (a, b) => {
    expect(spellingKey(a)).toBe(spellingKey(b));
  });

  it.each([
    ['cold food', 'cold foods'],
    ['coldfood', 'cold food'],
    ['anne lee', 'annelee'],
    ['Élodie', 'Elodie'],
    ['菜太凉', '菜太咸'],
    ['🍲', '🍜'],
    // The zero-width joiner makes one emoji of two: a cook is not a man beside a frying pan.
    ['👨\u200d🍳', '👨🍳'],
    ['🧑🏽\u200d🍳', '🧑🏽🍳'],
    ['👁\ufe0f\u200d🗨\ufe0f', '👁🗨'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(spellingKey(a)).not.toBe(spellingKey(b));
  });
});

describe('spellingKey, for any text', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 12 });

  it('is its own key', () => {
    fc.assert(fc.property(text, (t) => spellingKey(spellingKey(t)) === spellingKey(t)), { numRuns: 2000 });
  });

  it('ignores capitals and full-width forms', () => {
    fc.assert(
      fc.property(text, (t) => {
        const key = spellingKey(t);
        return spellingKey(t.toUpperCase()) === key && spellingKey(t.toLowerCase()) === key && spellingKey(t.normalize('NFKD')) === key;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('spellingsOf', () => {
  it('gives every spelling in use with the typed key, in the order given', () => {
    expect(spellingsOf('PÂTISSERIE', ['boulangerie', 'Pâtisserie', 'pâtisserie', 'patisserie'])).toEqual([
      'Pâtisserie',
      'pâtisserie',
    ]);
  });

  it('takes an accent typed either way as the same spelling', () => {
    expect(spellingsOf('cafe\u0301', ['café', 'cafe'])).toEqual(['café']);
  });

  it('gives none when nothing in use has the key', () => {
    expect(spellingsOf('viennoiserie', ['boulangerie', 'pâtisserie'])).toEqual([]);
    expect(spellingsOf('pâtisserie', [])).toEqual([]);
  });
});

describe('tidySpelling', () => {
  it.each([
    ['cold food', 'cold food'],
    ['  cold food  ', 'cold food'],
    ['cold    food', 'cold food'],
    ['cold\tfood\n', 'cold food'],
    ['Cold Food', 'Cold Food'],
    // No space between two Chinese characters, where Chinese puts none; beside a Latin word it stays.
    ['  菜  太凉 ', '菜太凉'],
    ['菜\u3000太凉', '菜太凉'],
    ['汤 不 热', '汤不热'],
    ['iPhone 屏幕 碎了', 'iPhone 屏幕碎了'],
    ['Wi-Fi 断了', 'Wi-Fi 断了'],
  ])('tidies %j to %j, keeping its capitals', (typed, tidied) => {
    expect(tidySpelling(typed)).toBe(tidied);
  });

  it('leaves tidy text as it is', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = tidySpelling(text);
        expect(tidySpelling(once)).toBe(once);
        expect(once).not.toMatch(/^\s|\s$|\s\s/);
      }),
    );
  });
});

describe('spellingToKeep', () => {
  it('keeps the spelling first used for the same cause', () => {
    expect(spellingToKeep('COLD  food', ['Late delivery', 'Cold food', 'cold food'])).toBe('Cold food');
  });

  it('takes a new cause as typed, tidied', () => {
    expect(spellingToKeep('  rude   staff ', ['Cold food'])).toBe('rude staff');
    expect(spellingToKeep('Rude staff', [])).toBe('Rude staff');
  });

  it('matches a cause whose accent was typed as a letter and a combining mark', () => {
    expect(spellingToKeep('CAFE\u0301 closed', ['café closed'])).toBe('café closed');
    expect(spellingToKeep('café closed', ['cafe\u0301 closed'])).toBe('cafe\u0301 closed');
  });

  it('matches Chinese causes, with stray spaces', () => {
    expect(spellingToKeep(' 服务 慢 ', ['菜太凉', '服务 慢'])).toBe('服务 慢');
    expect(spellingToKeep('上菜慢', ['菜太凉'])).toBe('上菜慢');
  });

  it('maps any re-spacing or re-capitalising of a cause in use to its first spelling', () => {
    const cause = fc.stringMatching(/^[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,3}$/);
    fc.assert(
      fc.property(fc.array(cause, { minLength: 1, maxLength: 8 }), fc.nat(), (known, pick) => {
        const inUse = known[pick % known.length]!;
        const retyped = `  ${inUse.toUpperCase().replaceAll(' ', '   ')} `;
        const firstSpelling = known.find((k) => k.toLowerCase() === inUse.toLowerCase());
        expect(spellingToKeep(retyped, known)).toBe(firstSpelling);
      }),
    );
  });
});

describe('causeTyped', () => {
  it.each([
    ['汤不热。', '汤不热'],
    ['服务态度差！', '服务态度差'],
    ['上菜慢，', '上菜慢'],
    ['太咸了…', '太咸了'],
    ['cold food.', 'cold food'],
    ['wrong order!? ', 'wrong order'],
    ['汤不热', '汤不热'],
    ['。', ''],
    [' ！？ ', ''],
    // Pasted from a chat app, with characters that show as nothing; an emoji's joiner is kept.
    ['汤\u200d不热', '汤不热'],
    ['\u200b服务态度差！\u200b', '服务态度差'],
    ['👨\u200d🍳 too slow', '👨\u200d🍳 too slow'],
  ])('takes %j as %j', (typed, cause) => {
    expect(causeTyped(typed)).toBe(cause);
  });

  it('keeps punctuation inside a cause', () => {
    expect(causeTyped('有异物（头发）')).toBe('有异物（头发）');
    expect(causeTyped('A/C broken')).toBe('A/C broken');
  });
});
