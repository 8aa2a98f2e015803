import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VITAL_PERCENT, pareto, type ParetoRow, type Tally } from '../../src/domain/pareto.js';

// Zero counts are included on purpose: a key with no complaints must leave no row.
const tallies = fc.uniqueArray(
  fc.record({ key: fc.string({ unit: 'grapheme', maxLength: 6 }), count: fc.nat({ max: 5_000 }) }),
  { selector: (tally) => tally.key, maxLength: 25 },
);
const top = fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined });

const sum = (rows: readonly Tally[]): number => rows.reduce((total, row) => total + row.count, 0);
const isOther = (row: ParetoRow): boolean => row.folded > 0;

/** Whether `a` belongs above `b`: more complaints first, ties by key in character-code order. */
const comesBefore = (a: Tally, b: Tally): boolean => a.count > b.count || (a.count === b.count && a.key < b.key);

// A share is rounded to two decimals, so it is never further than half a hundredth from the exact one.
const ROUNDING = 0.005 + 1e-9;

describe('Pareto invariants, for any tallies and any --top', () => {
  it('makes the total the sum of the rows and of the tallies, leaving out empty keys', () => {
    fc.assert(
      fc.property(tallies, top, (input, n) => {
        const table = pareto(input, n);
        expect(table.total).toBe(sum(input));
        expect(sum(table.rows)).toBe(table.total);
        expect(table.rows.every((row) => row.count > 0)).toBe(true);
      }),
    );
  });

  it('gives each row its share of the total to within rounding', () => {
    fc.assert(
      fc.property(tallies, top, (input, n) => {
        const table = pareto(input, n);
        for (const row of table.rows) {
          expect(Math.abs(row.percent - (row.count / table.total) * 100)).toBeLessThanOrEqual(ROUNDING);
        }
      }),
    );
  });

  it('raises the cumulative percent row by row, following the running total, to 100 at the last row', () => {
    fc.assert(
      fc.property(tallies, top, (input, n) => {
        const { rows, total } = pareto(input, n);
        let running = 0;
        rows.forEach((row, i) => {
          running += row.count;
          expect(Math.abs(row.cumulativePercent - (running / total) * 100)).toBeLessThanOrEqual(ROUNDING);
          if (i > 0) expect(row.cumulativePercent).toBeGreaterThanOrEqual(rows[i - 1]!.cumulativePercent);
        });
        if (rows.length > 0) expect(rows.at(-1)!.cumulativePercent).toBeCloseTo(100, 2);
      }),
    );
  });

  it('makes the vital rows a prefix that starts at the first row and just reaches 80 % of the total', () => {
    fc.assert(
      fc.property(tallies, top, (input, n) => {
        const { rows, total } = pareto(input, n);
        const vitalCount = rows.filter((row) => row.vital).length;
        expect(rows.map((row) => row.vital)).toEqual(rows.map((_, i) => i < vitalCount));
        if (rows.length === 0) return;
        expect(vitalCount).toBeGreaterThan(0);
        const vital = rows.slice(0, vitalCount);
        // Compared in whole counts, as the table decides it: enough to reach 80 %, and not one row more.
        expect(sum(vital) * 100).toBeGreaterThanOrEqual(VITAL_PERCENT * total);
        expect(sum(vital.slice(0, -1)) * 100).toBeLessThan(VITAL_PERCENT * total);
      }),
    );
  });

  it('names every one of the vital few, and no more keys, with --top set to vitalKeys', () => {
    fc.assert(
      fc.property(tallies, top, (input, n) => {
        const { vitalKeys } = pareto(input, n);
        const unfolded = pareto(input);
        expect(vitalKeys).toBe(unfolded.rows.filter((row) => row.vital).length);
        if (vitalKeys === 0) return;
        const named = pareto(input, vitalKeys).rows;
        expect(named.filter((row) => row.vital)).toEqual(unfolded.rows.slice(0, vitalKeys));
      }),
    );
  });

  it('orders rows by count then key, keeping the first --top of them and folding the rest into Other, last', () => {
    fc.assert(
      fc.property(tallies, top, (input, n) => {
        const { rows } = pareto(input, n);
        const ordered = input.filter((tally) => tally.count > 0).sort((a, b) => (comesBefore(a, b) ? -1 : 1));
        const folds = n !== undefined && ordered.length > n;
        const kept = folds ? ordered.slice(0, n) : ordered;

        expect(rows.filter((row) => !isOther(row)).map(({ key, count }) => ({ key, count }))).toEqual(kept);
        expect(rows.slice(0, kept.length).every((row) => !isOther(row))).toBe(true);
        if (folds) {
          expect(rows).toHaveLength(n + 1);
          const other = rows.at(-1)!;
          expect(isOther(other)).toBe(true);
          expect(other.folded).toBe(ordered.length - n);
          expect(other.count).toBe(sum(ordered.slice(n)));
        } else {
          expect(rows).toHaveLength(ordered.length);
        }
      }),
    );
  });
});
