import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinesById } from '../../src/domain/csv/lines-by-id.js';

/**
 * Reads `ids` as the import's row reader does, each on the line after the one before unless
 * `linesOf` says how many lines its row takes: the earlier line of each id given again, as a Map
 * of every id finds it.
 */
function readAlongside(ids: readonly number[], linesOf: readonly number[] = []): void {
  const kept = new LinesById();
  const oracle = new Map<number, number>();
  let line = 2;
  ids.forEach((id, index) => {
    line += index === 0 ? 0 : (linesOf[index - 1] ?? 1);
    expect(kept.lineOf(id)).toBe(oracle.get(id));
    if (oracle.has(id)) return;
    kept.keep(id, line);
    oracle.set(id, line);
  });
  for (const [id, line] of oracle) expect(kept.lineOf(id)).toBe(line);
}

describe('LinesById', () => {
  it('finds the line of an id read before, as a Map would, whatever order the ids come in', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 400 }), (ids) => readAlongside(ids)), { numRuns: 500 });
  });

  it('does so for ids mostly rising with gaps, some out of order and some given twice, past where its arrays grow', () => {
    const mostlyRising = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 40 })), { minLength: 1500, maxLength: 3000 })
      .map((steps) => {
        let id = 0;
        return steps.map(([gap, chance]) => (chance === 0 ? Math.max(1, id - 50) : chance === 1 ? id : (id += gap)));
      });
    fc.assert(fc.property(mostlyRising, (ids) => readAlongside(ids)), { numRuns: 50 });
  });

  it('does so for stretches of ids rising by one, on rows of one line or several, broken anywhere', () => {
    const stretches = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 3 })), { minLength: 1500, maxLength: 3000 })
      .map((steps) => {
        let id = 0;
        // Mostly the next id; now and then a gap, an id read before or one given again.
        const ids = steps.map(([chance]) => (chance === 0 ? (id += 5) : chance === 1 ? Math.max(1, id - 7) : chance === 2 ? id : ++id));
        return { ids, linesOf: steps.map(([chance, lines]) => (chance < 3 ? lines : 1 + (lines === 3 ? 1 : 0))) };
      });
    fc.assert(fc.property(stretches, ({ ids, linesOf }) => readAlongside(ids, linesOf)), { numRuns: 50 });
  });

  it('knows no line for an id never read', () => {
    const kept = new LinesById();
    expect(kept.lineOf(1)).toBeUndefined();
    kept.keep(5, 2);
    kept.keep(3, 3);
    expect([kept.lineOf(5), kept.lineOf(3), kept.lineOf(4), kept.lineOf(6)]).toEqual([2, 3, undefined, undefined]);
  });
});
