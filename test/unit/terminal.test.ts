import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { idRuns, inert, oneLine, sizeShown } from '../../src/output/terminal.js';
import { awkwardText } from '../support/awkward-text.js';

const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
const LONE_SURROGATE = /\p{Surrogate}/u;

describe('oneLine', () => {
  const cases = fc.tuple(awkwardText(['\n', '\r\n', '\t', '\x1b']), fc.integer({ min: 1, max: 50 }));

  it('is never wider than max columns', () => {
    fc.assert(
      fc.property(cases, ([text, max]) => {
        expect(stringWidth(oneLine(text, max))).toBeLessThanOrEqual(max);
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves text that fits as it is, apart from making it one inert line', () => {
    fc.assert(
      fc.property(cases, ([text, max]) => {
        const whole = oneLine(text);
        if (stringWidth(whole) <= max) expect(oneLine(text, max)).toBe(whole);
      }),
      { numRuns: 2_000 },
    );
  });

  it('cuts longer text after the most whole graphemes that leave a column for the …', () => {
    fc.assert(
      fc.property(cases, ([text, max]) => {
        const whole = oneLine(text);
        const cut = oneLine(text, max);
        if (cut === whole) return;
        expect(cut.endsWith('…')).toBe(true);
        const kept = graphemes(whole);
        const count = graphemes(cut.slice(0, -1)).length;
        expect(kept.slice(0, count).join('')).toBe(cut.slice(0, -1));
        expect(stringWidth(kept.slice(0, count + 1).join(''))).toBeGreaterThan(max - 1);
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves no half of a surrogate pair where the text had none', () => {
    fc.assert(
      fc.property(cases, ([text, max]) => {
        if (!LONE_SURROGATE.test(text)) expect(oneLine(text, max)).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 2_000 },
    );
  });

  it('counts Chinese characters as two columns each', () => {
    expect(oneLine('汤太凉了，第二次了', 10)).toBe('汤太凉了…');
    expect(oneLine('汤太凉了', 8)).toBe('汤太凉了');
    expect(oneLine('汤太凉了', 7)).toBe('汤太凉…');
  });

  it('keeps an emoji sequence whole or leaves it out', () => {
    expect(oneLine('👨‍🍳👨‍🍳 chef error', 4)).toBe('👨‍🍳…');
    expect(oneLine('🍲️🍲️🍲️', 5)).toBe('🍲️🍲️…');
    expect(oneLine('🍲️🍲️🍲️', 4)).toBe('🍲️…');
  });

  it('cuts printable ASCII by its length, as before', () => {
    expect(oneLine('soup was cold again', 10)).toBe('soup was …');
    expect(oneLine('soup\nwas\tcold', 20)).toBe('soup was cold');
  });
});

describe('inert', () => {
  it('shows a control character as \\x and its byte, and a direction override as \\u and its code', () => {
    expect(inert('\x1b[2J\u0085\u202egnp.exe\u2066')).toBe('\\x1b[2J\\x85\\u202egnp.exe\\u2066');
  });
});

describe('sizeShown', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [159_744, '156 KB'],
    [1024 * 1024 - 1, '1.0 MB'],
    [1_258_291, '1.2 MB'],
    [901_537_792, '860 MB'],
    [9_062_629_376, '8.4 GB'],
  ])('shows %d bytes as %s', (bytes, shown) => {
    expect(sizeShown(bytes)).toBe(shown);
  });
});

describe('idRuns', () => {
  it('gives ids one after another as the ends of their run, the rest one by one', () => {
    expect(idRuns([1, 3])).toBe('#1, #3');
    expect(idRuns([1, 2, 3, 7, 9, 10])).toBe('#1–#3, #7, #9–#10');
    expect(idRuns([42])).toBe('#42');
  });

  it('shows the first runs and says how many ids more', () => {
    const everyOther = Array.from({ length: 30 }, (_, i) => 2 * i + 1);
    expect(idRuns(everyOther, 3)).toBe('#1, #3, #5 … and 27 more');
    expect(idRuns([1, 2, 3, 5, 6, 7, 8], 1)).toBe('#1–#3 … and 4 more');
  });
});
