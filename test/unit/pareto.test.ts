import { describe, expect, it } from 'vitest';
import { NONE_KEY, OTHER_KEY, isNamedVital, mergeSpellings, pareto, percentOf, vitalSpellings, type Tally } from '../../src/domain/pareto.js';

const tallies = (counts: Record<string, number>): Tally[] => Object.entries(counts).map(([key, count]) => ({ key, count }));
const keys = (counts: Record<string, number>, top?: number) => pareto(tallies(counts), top).rows.map((row) => row.key);
const vitality = (counts: Record<string, number>) => pareto(tallies(counts)).rows.map((row) => row.vital);

describe('the order of a Pareto table', () => {
  it('puts the largest count first', () => {
    expect(keys({ 'slow service': 2, 'cold food': 5, 'rude staff': 3 })).toEqual(['cold food', 'rude staff', 'slow service']);
  });

  it('breaks ties by key, in plain character-code order whatever the locale', () => {
    expect(keys({ zebra: 2, apple: 2, Banana: 2, 汤太凉: 2, mango: 3 })).toEqual(['mango', 'Banana', 'apple', 'zebra', '汤太凉']);
  });

  it('leaves out keys with no complaints', () => {
    expect(keys({ 'cold food': 1, 'rude staff': 0 })).toEqual(['cold food']);
  });
});

describe('the shares of a Pareto table', () => {
  it('gives each row its percent of the total and the running total, to two decimals', () => {
    const table = pareto(tallies({ a: 1, b: 1, c: 1 }));
    expect(table.total).toBe(3);
    expect(table.rows.map((row) => [row.percent, row.cumulativePercent])).toEqual([
      [33.33, 33.33],
      [33.33, 66.67],
      [33.33, 100],
    ]);
  });

  it('makes the total the sum of the rows', () => {
    const table = pareto(tallies({ a: 7, b: 5, c: 3, d: 1 }));
    expect(table.total).toBe(16);
    expect(table.rows.map((row) => row.percent)).toEqual([43.75, 31.25, 18.75, 6.25]);
  });

  it('rounds halves away from zero', () => {
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 32)).toBe(3.13);
    expect(percentOf(2, 3)).toBe(66.67);
  });
});

describe('the vital few', () => {
  it('includes the row that reaches 80 %, and none after it', () => {
    expect(vitality({ a: 50, b: 40, c: 10 })).toEqual([true, true, false]);
  });

  it('stops exactly at 80 %: a row that starts at 80 % is not vital', () => {
    expect(vitality({ a: 80, b: 20 })).toEqual([true, false]);
    expect(vitality({ a: 40, b: 40, c: 20 })).toEqual([true, true, false]);
    // 28 of 35 is 80 % exactly, though 28 / 35 * 100 is not exactly 80 in floating point.
    expect(vitality({ a: 28, b: 7 })).toEqual([true, false]);
  });

  it('takes in the next row when those above make up just under 80 %', () => {
    expect(vitality({ a: 79, b: 21 })).toEqual([true, true]);
    expect(vitality({ a: 399, b: 101 })).toEqual([true, true]);
  });

  it('leaves out the next row when those above make up just over 80 %', () => {
    expect(vitality({ a: 81, b: 19 })).toEqual([true, false]);
    expect(vitality({ a: 401, b: 99 })).toEqual([true, false]);
  });

  it('with equal shares, takes rows until the running total reaches 80 %', () => {
    expect(vitality({ a: 1, b: 1, c: 1, d: 1, e: 1 })).toEqual([true, true, true, true, false]);
  });
});

describe('--top folding the rest into Other', () => {
  it('keeps the first N rows and sums the rest into Other, which says how many keys it holds', () => {
    const table = pareto(tallies({ a: 5, b: 4, c: 3, d: 2, e: 1 }), 2);
    expect(table.rows.map((row) => [row.key, row.count, row.folded])).toEqual([
      ['a', 5, 0],
      ['b', 4, 0],
      [OTHER_KEY, 6, 3],
    ]);
    expect(table.total).toBe(15);
    expect(table.rows.map((row) => row.cumulativePercent)).toEqual([33.33, 60, 100]);
  });

  it('puts Other last even when it outnumbers every row', () => {
    const table = pareto(tallies({ a: 3, b: 2, c: 2, d: 2, e: 2 }), 1);
    expect(table.rows.map((row) => [row.key, row.count])).toEqual([
      ['a', 3],
      [OTHER_KEY, 8],
    ]);
    expect(table.rows.map((row) => row.vital)).toEqual([true, true]);
    expect(table.rows.map(isNamedVital)).toEqual([true, false]);
  });

  it('says how many keys the vital few take unfolded, which is the --top that names them all', () => {
    const folded = pareto(tallies({ a: 3, b: 2, c: 2, d: 2, e: 2 }), 1);
    // 80 % of 11 is 8.8: a, b and c make 7, so d, starting below it, is vital too; e, starting at 9, is not.
    expect(folded.vitalKeys).toBe(4);
    const named = pareto(tallies({ a: 3, b: 2, c: 2, d: 2, e: 2 }), folded.vitalKeys);
    expect(named.rows.map((row) => [row.key, row.vital])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
      ['d', true],
      [OTHER_KEY, false],
    ]);
  });

  it('folds after ordering, so ties at the cut are broken by key', () => {
    expect(keys({ c: 2, b: 2, a: 2 }, 2)).toEqual(['a', 'b', OTHER_KEY]);
  });

  it('adds no Other when there are no more rows than N', () => {
    expect(keys({ a: 2, b: 1 }, 2)).toEqual(['a', 'b']);
    expect(keys({ a: 2, b: 1 }, 5)).toEqual(['a', 'b']);
  });
});

describe('small periods', () => {
  it('draws an empty table for a period with no complaints', () => {
    expect(pareto([])).toEqual({ total: 0, rows: [], vitalKeys: 0 });
    expect(pareto([], 3)).toEqual({ total: 0, rows: [], vitalKeys: 0 });
  });

  it('makes a single cause the whole table and vital', () => {
    expect(pareto(tallies({ 'cold food': 4 })).rows).toEqual([
      { key: 'cold food', count: 4, percent: 100, cumulativePercent: 100, vital: true, folded: 0 },
    ]);
  });
});

describe('mergeSpellings', () => {
  it('counts the spellings of one thing as one row, under the first spelling in code order', () => {
    expect(
      mergeSpellings([
        { key: 'élodie', count: 2 },
        { key: 'Sam', count: 4 },
        { key: 'Élodie', count: 3 },
        { key: 'E\u0301LODIE', count: 1 },
        { key: NONE_KEY, count: 5 },
      ]),
    ).toEqual([
      { key: 'E\u0301LODIE', count: 6, spellings: ['élodie', 'Élodie', 'E\u0301LODIE'] },
      { key: 'Sam', count: 4, spellings: ['Sam'] },
      { key: NONE_KEY, count: 5, spellings: [NONE_KEY] },
    ]);
  });

  it('counts full-width letters, an emoji with or without its variation selector, and ß and SS as one spelling', () => {
    expect(
      mergeSpellings([
        { key: 'cold food', count: 3 },
        { key: 'ｃｏｌｄ ｆｏｏｄ', count: 2 },
        { key: '🍲', count: 1 },
        { key: '🍲\uFE0F', count: 1 },
        { key: 'Straße', count: 1 },
        { key: 'STRASSE', count: 1 },
      ]).map(({ key, count }) => ({ key, count })),
    ).toEqual([
      { key: 'cold food', count: 5 },
      { key: '🍲', count: 2 },
      { key: 'STRASSE', count: 2 },
    ]);
  });

  it('keeps apart what only looks alike without its accents', () => {
    expect(mergeSpellings([{ key: 'Elodie', count: 1 }, { key: 'Élodie', count: 1 }]).map((row) => row.key)).toEqual(['Elodie', 'Élodie']);
  });
});

describe('vitalSpellings', () => {
  it('gives every spelling of the vital rows, not those folded into Other, and the row each spelling is counted in', () => {
    const tallies = mergeSpellings([
      { key: 'élodie', count: 5 },
      { key: 'Élodie', count: 4 },
      { key: 'Sam', count: 2 },
      { key: 'Priya', count: 1 },
      { key: 'priya', count: 1 },
    ]);
    const table = pareto(tallies.map(({ key, count }) => ({ key, count })), 1);
    const vital = vitalSpellings(table, tallies);
    expect(vital.spellings).toEqual(['élodie', 'Élodie']);
    expect(['élodie', 'Élodie', 'Sam', 'priya'].map(vital.rowOf)).toEqual(['Élodie', 'Élodie', 'Sam', 'Priya']);
  });
});
