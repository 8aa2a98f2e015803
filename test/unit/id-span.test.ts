import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSpan } from '../../src/domain/id-span.js';
import { idRange } from '../../src/output/terminal.js';

describe('IdSpan', () => {
  it('counts the ids it is given and keeps the lowest and highest, as a list of them would tell', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 40 }), { minLength: 1 }), (ids) => {
        const span = IdSpan.of(ids);
        expect({ count: span.count, lowest: span.lowest, highest: span.highest }).toEqual({
          count: ids.length,
          lowest: ids.reduce((a, b) => Math.min(a, b)),
          highest: ids.reduce((a, b) => Math.max(a, b)),
        });
      }),
    );
  });

  it('is the span a store counted, as the ids themselves would give it; none when it counted none', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 40 })), (ids) => {
        const counted = IdSpan.counted(ids.length, ids.length === 0 ? null : Math.min(...ids), ids.length === 0 ? null : Math.max(...ids));
        expect(counted).toEqual(IdSpan.of(ids));
      }),
    );
  });

  it('is named by its lowest and highest id, or its one id', () => {
    expect(idRange(IdSpan.of([9, 4, 7]))).toBe('#4–#9');
    expect(idRange(IdSpan.of([12, 12]))).toBe('#12');
    expect(idRange(IdSpan.of([3]))).toBe('#3');
  });
});
