import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/output/width.js';
import { awkwardText } from '../support/awkward-text.js';

describe('displayWidth', () => {
  it('measures any text as string-width does, colour codes and all', () => {
    fc.assert(
      fc.property(awkwardText(['\x1b', '\x9b', '[', '1', 'm', '\t', '\r', '\n']), (text) => {
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it('measures each unit of the Basic Multilingual Plane as string-width does, beside letters and beside itself', () => {
    const wrong: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      const text = `a${char}${char}汤${char}`;
      if (displayWidth(text) !== stringWidth(text)) wrong.push(unit.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('counts an emoji sequence as the two columns a terminal gives it, and Chinese characters two each', () => {
    expect(displayWidth('👨‍🍳 chef error')).toBe(13);
    expect(displayWidth('🍲️')).toBe(2);
    expect(displayWidth('汤太凉')).toBe(6);
    expect(displayWidth('cafe\u0301')).toBe(4);
  });
});
