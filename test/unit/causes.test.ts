import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCause, causeKey, tidyCause } from '../../src/domain/causes.js';

describe('tidyCause', () => {
  it.each([
    ['cold food', 'cold food'],
    ['  cold food  ', 'cold food'],
    ['cold    food', 'cold food'],
    ['cold\tfood\n', 'cold food'],
    ['Cold Food', 'Cold Food'],
    ['  菜  太凉 ', '菜 太凉'],
    ['菜\u3000太凉', '菜 太凉'],
  ])('tidies %j to %j, keeping its capitals', (typed, tidied) => {
    expect(tidyCause(typed)).toBe(tidied);
  });

  it('leaves tidy text as it is', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = tidyCause(text);
        expect(tidyCause(once)).toBe(once);
        expect(once).not.toMatch(/^\s|\s$|\s\s/);
      }),
    );
  });
});

describe('causeKey', () => {
  it.each([
    ['Cold Food', ' cold   food '],
    ['COLD FOOD', 'cold food'],
    ['CAFÉ closed', 'café Closed'],
    ['菜太凉', ' 菜太凉 '],
  ])('gives %j and %j the same key', (a, b) => {
    expect(causeKey(a)).toBe(causeKey(b));
  });

  it.each([
    ['cold food', 'cold foods'],
    ['coldfood', 'cold food'],
    ['菜太凉', '菜太咸'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(causeKey(a)).not.toBe(causeKey(b));
  });
});

describe('canonicalCause', () => {
  it('keeps the spelling first used for the same cause', () => {
    expect(canonicalCause('COLD  food', ['Late delivery', 'Cold food', 'cold food'])).toBe('Cold food');
  });

  it('takes a new cause as typed, tidied', () => {
    expect(canonicalCause('  rude   staff ', ['Cold food'])).toBe('rude staff');
    expect(canonicalCause('Rude staff', [])).toBe('Rude staff');
  });

  it('matches Chinese causes, with stray spaces', () => {
    expect(canonicalCause(' 服务 慢 ', ['菜太凉', '服务 慢'])).toBe('服务 慢');
    expect(canonicalCause('上菜慢', ['菜太凉'])).toBe('上菜慢');
  });

  it('maps any re-spacing or re-capitalising of a cause in use to its first spelling', () => {
    const cause = fc.stringMatching(/^[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,3}$/);
    fc.assert(
      fc.property(fc.array(cause, { minLength: 1, maxLength: 8 }), fc.nat(), (known, pick) => {
        const inUse = known[pick % known.length]!;
        const retyped = `  ${inUse.toUpperCase().replaceAll(' ', '   ')} `;
        const firstSpelling = known.find((k) => k.toLowerCase() === inUse.toLowerCase());
        expect(canonicalCause(retyped, known)).toBe(firstSpelling);
      }),
    );
  });
});
