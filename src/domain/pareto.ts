import { spellingKey } from './spelling.js';

/** What a Pareto table can be drawn by. */
export const DIMENSIONS = ['cause', 'category', 'about', 'channel', 'assignee', 'remedy', 'till', 'branch'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Dimensions whose rows count only triaged complaints; the others count every upheld one. */
export const TRIAGED_DIMENSIONS: readonly Dimension[] = ['cause', 'category'];

/** The row for complaints with no value in the dimension (no channel, nobody assigned, …). */
export const NONE_KEY = '(none)';
/** The row `--top` folds the rest into. */
export const OTHER_KEY = 'Other';
/** The vital few are the rows up to and including the one that crosses this share. */
export const VITAL_PERCENT = 80;

export interface Tally {
  key: string;
  count: number;
}

/** The tally of one thing however it was spelt: `key` is the spelling shown, `spellings` all of them. */
export interface SpeltTally extends Tally {
  spellings: string[];
}

/**
 * One row for the tallies of spellings of one thing (the same spellingKey: "Élodie", "élodie",
 * "ÉLODIE"), counted together under the first spelling in plain character-code order, so a
 * Pareto table is never split by capitals, spaces or how an accent was typed, whatever put the
 * spellings into the logbook (an import, an older version, another till).
 */
export function mergeSpellings(tallies: readonly Tally[]): SpeltTally[] {
  const merged = new Map<string, SpeltTally>();
  for (const { key, count } of tallies) {
    const same = merged.get(spellingKey(key));
    if (same === undefined) {
      merged.set(spellingKey(key), { key, count, spellings: [key] });
    } else {
      same.count += count;
      same.spellings.push(key);
      if (compareKeys(key, same.key) < 0) same.key = key;
    }
  }
  return [...merged.values()];
}

export interface ParetoRow extends Tally {
  /** Share of the total, in percent, two decimals. */
  percent: number;
  /** Share of this row and every row above it, two decimals. */
  cumulativePercent: number;
  /** True while the rows above it make up less than VITAL_PERCENT of the total. */
  vital: boolean;
  /** For `Other`, how many keys it stands for; 0 for a real key. */
  folded: number;
}

export interface Pareto {
  /** The sum of the rows' counts. */
  total: number;
  rows: ParetoRow[];
  /** How many keys the vital few take with none folded: the --top that shows every one of them by name. */
  vitalKeys: number;
}

/**
 * Orders tallies by count (descending, ties by key in plain character-code order, so the result
 * never depends on the machine's locale), folds every row after the `top`th into `Other`, which
 * stays last, and works out each row's share and whether it belongs to the vital few.
 */
export function pareto(tallies: readonly Tally[], top?: number): Pareto {
  const ordered = tallies
    .filter((tally) => tally.count > 0)
    .map((tally) => ({ ...tally, folded: 0 }))
    .sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
  const kept = top === undefined || ordered.length <= top ? ordered : ordered.slice(0, top);
  const rest = ordered.slice(kept.length);
  if (rest.length > 0) {
    kept.push({ key: OTHER_KEY, count: rest.reduce((sum, row) => sum + row.count, 0), folded: rest.length });
  }

  const total = kept.reduce((sum, row) => sum + row.count, 0);
  // Compared in whole counts, so a row that starts exactly at 80 % is reliably not vital.
  const startsVital = (before: number) => before * 100 < VITAL_PERCENT * total;
  let before = 0;
  const rows = kept.map((row) => {
    const vital = startsVital(before);
    before += row.count;
    return { ...row, percent: percentOf(row.count, total), cumulativePercent: percentOf(before, total), vital };
  });
  let vitalKeys = 0;
  for (let unfolded = 0; vitalKeys < ordered.length && startsVital(unfolded); vitalKeys++) unfolded += ordered[vitalKeys]!.count;
  return { total, rows, vitalKeys };
}

/** Whether a row is one of the vital few by name: `Other` may lie within the 80 %, but names no key to act on. */
export function isNamedVital(row: ParetoRow): boolean {
  return row.vital && row.folded === 0;
}

/**
 * What the corrective actions of the vital few are looked up by: the spellings counted in the
 * vital rows of `table` (not those folded into Other), and the key of the row each spelling of
 * `tallies` is counted in, to list an action under.
 */
export function vitalSpellings(table: Pareto, tallies: readonly SpeltTally[]): { spellings: string[]; rowOf: (spelling: string) => string } {
  const vital = new Set(table.rows.filter(isNamedVital).map((row) => row.key));
  const rowKeys = new Map(tallies.flatMap(({ key, spellings }) => spellings.map((spelling) => [spelling, key] as const)));
  return {
    spellings: [...rowKeys].filter(([, key]) => vital.has(key)).map(([spelling]) => spelling),
    rowOf: (spelling) => rowKeys.get(spelling) ?? spelling,
  };
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `part` of `whole` in percent, rounded to two decimals (half away from zero). */
export function percentOf(part: number, whole: number): number {
  return Math.round((part * 10_000) / whole) / 100;
}
