import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeSpellings, type Tally } from '../../src/domain/pareto.js';
import { spellingKey } from '../../src/domain/spelling.js';
import { causesInUse } from '../../src/store/sqlite/complaints.js';
import { openDatabase, type Db } from '../../src/store/sqlite/open.js';
import { hourToResolve, inWhole, medianOf, middleOf } from '../../src/store/kept-figures.js';
import { correctiveActions, miscountedDays, miscountedMonths, periodFigures, recountKeptFigures, tallyBy } from '../../src/store/sqlite/report.js';

// The report counts through indexes chosen for speed (a seek per cause spelling, SQLite's median);
// these properties hold them to what the figures mean, computed here the plain way.

const folder = mkdtempSync(join(tmpdir(), 'complaints-report-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let logbooks = 0;

const STATUSES = ['new', 'triaged', 'assigned', 'resolved', 'closed', 'rejected'] as const;
const DAY = 86_400_000;
const FIRST_DAY = Date.parse('2026-01-01T00:00:00.000Z');

interface Row {
  status: (typeof STATUSES)[number];
  cause: string | null;
  category: string | null;
  occurredDay: number;
  hoursToResolve: number | null;
  respondByHours: number | null;
  followedUp: boolean;
  satisfaction: number | null;
  action: string | null;
  /** When the action was recorded, in hours after the complaint happened: by a resolution, which a reopening does not take back. */
  actionHours: number | null;
  /** Remedies given, each some hours after the complaint happened (into other days and periods), with its cost. */
  remedies: Array<{ hoursLater: number; costMinor: number | null }>;
}

const row: fc.Arbitrary<Row> = fc.record({
  status: fc.constantFrom(...STATUSES),
  // Spellings of one thing in other capitals, or with an accent typed as a combining mark, must
  // count as one row once merged, under the first in code order.
  cause: fc.constantFrom(null, 'cold food', 'Cold food', 'COLD FOOD', 'long wait', 'Long Wait', '送餐太慢', 'café', 'CAFÉ', 'cafe\u0301'),
  category: fc.constantFrom(null, 'product', 'Product', 'service', 'pâtisserie', 'PÂTISSERIE'),
  // Mostly one week; sometimes spread over four months, so that a period holds whole months.
  occurredDay: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 120 })),
  hoursToResolve: fc.option(fc.integer({ min: 0, max: 400 }).map((h) => h / 4), { nil: null }),
  respondByHours: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }),
  followedUp: fc.boolean(),
  satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  action: fc.constantFrom(null, 'retrain the new staff', '换了保温灯'),
  actionHours: fc.option(fc.integer({ min: 0, max: 400 }).map((h) => h / 4), { nil: null }),
  remedies: fc.array(
    fc.record({ hoursLater: fc.integer({ min: 0, max: 100 }), costMinor: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }) }),
    { maxLength: 3 },
  ),
});
// Periods begin and end at whole hours, as complaints happen here: at midnight (UTC) or inside a
// day, as a week in summer time does; some hold no whole day, some whole months (from the first
// of one, or from inside one).
const MONTH_STARTS = [0, 31, 59, 90, 120].map((days) => days * 24);
const span = fc
  .oneof(
    fc.tuple(fc.integer({ min: 0, max: 8 * 24 }), fc.integer({ min: 0, max: 8 * 24 })),
    fc.integer({ min: 0, max: 8 * 24 }).chain((since) => fc.tuple(fc.constant(since), fc.integer({ min: since, max: since + 30 }))),
    fc.tuple(fc.oneof(fc.constantFrom(...MONTH_STARTS), fc.integer({ min: 0, max: 125 * 24 })), fc.oneof(fc.constantFrom(...MONTH_STARTS), fc.integer({ min: 0, max: 125 * 24 }))),
  )
  .map(([a, b]) => ({ since: hour(Math.min(a, b)), until: hour(Math.max(a, b)) }));

function hour(n: number): string {
  return new Date(FIRST_DAY + n * 3_600_000).toISOString();
}

function day(n: number): string {
  return new Date(FIRST_DAY + n * DAY).toISOString();
}

function logbookOf(rows: readonly Row[]): Db {
  const db = openDatabase(join(folder, `${++logbooks}.db`));
  const insert = db.prepare(
    `INSERT INTO complaints (logged_at, occurred_at, status, description, cause, category, resolved_at, respond_by,
                             followed_up_at, satisfaction, action, action_at)
     VALUES (@at, @at, @status, 'd', @cause, @category, @resolvedAt, @respondBy, @followedUpAt, @satisfaction, @action, @actionAt)`,
  );
  const give = db.prepare(`INSERT INTO remedies (complaint_id, given_at, remedy, cost_minor) VALUES (?, ?, 'refund', ?)`);
  rows.forEach((r, i) => {
    insert.run(storedAs(r, i));
    for (const remedy of remediesOf(r, i)) give.run(i + 1, remedy.givenAt, remedy.costMinor);
  });
  return db;
}

/** The remedies of the `i`th complaint given as `r`, when each was given. */
function remediesOf(r: Row, i: number): Array<{ givenAt: string; costMinor: number | null }> {
  return r.remedies.map(({ hoursLater, costMinor }) => ({ givenAt: new Date(Date.parse(occurredAt(r, i)) + hoursLater * 3_600_000).toISOString(), costMinor }));
}

/** The columns of the `i`th complaint given as `r`. */
function storedAs(r: Row, i: number) {
  const at = occurredAt(r, i);
  const hoursLater = (hours: number | null) => (hours === null ? null : new Date(Date.parse(at) + hours * 3_600_000).toISOString());
  return {
    at,
    status: r.status,
    cause: r.cause,
    category: r.category,
    resolvedAt: hoursLater(r.hoursToResolve),
    respondBy: hoursLater(r.respondByHours),
    followedUpAt: r.followedUp ? hoursLater(500) : null,
    satisfaction: r.satisfaction,
    action: r.action,
    actionAt: r.action === null ? null : hoursLater(r.actionHours),
  };
}

// Each complaint happens an hour after the one before on its day, so no two share a moment.
const occurredAt = (r: Row, i: number): string => new Date(FIRST_DAY + r.occurredDay * DAY + i * 3_600_000).toISOString();
/**
 * What the tally by a triaged dimension means: upheld complaints in the period, one row per group
 * of values with the same `fold`, under the group's first value in code order.
 */
function expectedTally(
  rows: readonly Row[],
  dimension: 'cause' | 'category',
  { since, until }: { since: string; until: string },
  fold: (value: string) => string,
): Tally[] {
  const groups = new Map<string, Tally>();
  rows.forEach((r, i) => {
    const value = r[dimension];
    const at = occurredAt(r, i);
    if (value === null || r.status === 'rejected' || at < since || at >= until) return;
    const group = groups.get(fold(value));
    if (group === undefined) groups.set(fold(value), { key: value, count: 1 });
    else groups.set(fold(value), { key: value < group.key ? value : group.key, count: group.count + 1 });
  });
  return sortedByKey([...groups.values()]);
}

const asStored = (value: string) => value;

const sortedByKey = (tallies: Tally[]): Tally[] => [...tallies].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe('the report as the store counts it, for any logbook and period', () => {
  it('tallies causes and categories as a plain count of the period’s upheld complaints, by spelling and merged', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), span, (rows, period) => {
        const db = logbookOf(rows);
        try {
          for (const dimension of ['cause', 'category'] as const) {
            const tally = tallyBy(db, dimension, period, {});
            expect(sortedByKey(tally)).toEqual(expectedTally(rows, dimension, period, asStored));
            const merged = mergeSpellings(tally).map(({ key, count }) => ({ key, count }));
            expect(sortedByKey(merged)).toEqual(expectedTally(rows, dimension, period, spellingKey));
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('takes the median hours to resolve over the period, the mean of the middle two for an even count', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), span, (rows, period) => {
        const db = logbookOf(rows);
        try {
          const hours = rows
            .filter((r, i) => r.hoursToResolve !== null && occurredAt(r, i) >= period.since && occurredAt(r, i) < period.until)
            .map((r) => r.hoursToResolve!);
          const { medianHoursToResolve } = periodFigures(db, period, day(60), {});
          const expected = median(hours);
          if (expected === null) expect(medianHoursToResolve).toBeNull();
          else expect(medianHoursToResolve).toBeCloseTo(expected, 9);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts the period’s complaints by where they stand, and the remedies given in it, as the figures mean, after any changes', () => {
    // Complaints changed or deleted (with their remedies) after they were written, some of them
    // moved to another day or month or given another cause: what each day adds up to
    // (daily_figures) and each month's causes and hours to resolve (monthly_causes, monthly_hours)
    // must follow, as must a recount of them all. A remedy counts on the day it was given,
    // whenever its complaint happened.
    const history = fc.array(fc.record({ first: row, fate: fc.constantFrom('kept', 'changed', 'deleted'), then: row }), { maxLength: 40 });
    // Now is sometimes the very moment a complaint is to be answered by, which is not yet late.
    fc.assert(
      fc.property(history, span, fc.integer({ min: 0, max: 10 }), fc.nat(), (entries, period, today, pick) => {
        const db = logbookOf(entries.map((entry) => entry.first));
        try {
          const change = db.prepare(
            `UPDATE complaints SET occurred_at = @at, status = @status, cause = @cause, resolved_at = @resolvedAt, respond_by = @respondBy,
                    followed_up_at = @followedUpAt, satisfaction = @satisfaction, action = @action, action_at = @actionAt WHERE id = @id`,
          );
          const final = entries.flatMap((entry, i) => {
            if (entry.fate === 'deleted') {
              db.prepare('DELETE FROM remedies WHERE complaint_id = ?').run(i + 1);
              db.prepare('DELETE FROM complaints WHERE id = ?').run(i + 1);
            }
            if (entry.fate === 'changed') change.run({ ...storedAs(entry.then, i), category: undefined, id: i + 1 });
            return entry.fate === 'deleted' ? [] : [storedAs(entry.fate === 'changed' ? entry.then : entry.first, i)];
          });
          const given = entries.flatMap((entry, i) => (entry.fate === 'deleted' ? [] : remediesOf(entry.first, i)));
          const now = (pick % 2 === 0 ? final[pick % (final.length || 1)]?.respondBy : null) ?? day(today);
          const inPeriod = final.filter((c) => c.at >= period.since && c.at < period.until);
          const count = (test: (c: (typeof inPeriod)[number]) => boolean) => inPeriod.filter(test).length;
          const open = (c: (typeof inPeriod)[number]) => ['new', 'triaged', 'assigned'].includes(c.status);
          const late = (c: (typeof inPeriod)[number]) => c.respondBy !== null && c.respondBy < now;
          const upheld = (c: (typeof inPeriod)[number]) => c.status !== 'rejected';
          const ratings = inPeriod.flatMap((c) => (c.satisfaction === null ? [] : [c.satisfaction]));
          const expected = {
            logged: inPeriod.length,
            resolved: count((c) => c.status === 'resolved' || c.status === 'closed'),
            open: count(open),
            overdue: count((c) => open(c) && late(c)),
            rejected: count((c) => !upheld(c)),
            due: count((c) => upheld(c) && (c.resolvedAt !== null || late(c))),
            answeredInTime: count((c) => upheld(c) && c.resolvedAt !== null && c.respondBy !== null && c.resolvedAt <= c.respondBy),
            followedUp: count((c) => c.followedUpAt !== null),
            averageSatisfaction: ratings.length === 0 ? null : ratings.reduce((a, b) => a + b, 0) / ratings.length,
            remedyCostMinor: given
              .filter(({ givenAt }) => givenAt >= period.since && givenAt < period.until)
              .reduce((total, { costMinor }) => total + (costMinor ?? 0), 0),
            medianHoursToResolve: median(inPeriod.flatMap((c) => (c.resolvedAt === null ? [] : [(Date.parse(c.resolvedAt) - Date.parse(c.at)) / 3_600_000]))),
          };
          const causes = new Map<string, number>();
          for (const c of inPeriod) if (c.cause !== null && upheld(c)) causes.set(c.cause, (causes.get(c.cause) ?? 0) + 1);
          const expectedCauses = sortedByKey([...causes].map(([key, count]) => ({ key, count })));
          // Counted as the report lists them: a row shown, and how many there are for these causes.
          const someCauses = expectedCauses.filter((_, i) => i % 2 === 0).map(({ key }) => key);
          const expectedActions = final.filter(
            (c) => c.actionAt !== null && c.actionAt >= period.since && c.actionAt < period.until && someCauses.includes(c.cause!),
          ).length;
          const actions = () => correctiveActions(db, 'cause', someCauses, period, 1, {}).total;
          expect(actions()).toBe(expectedActions);
          expect(miscountedDays(db)).toEqual([]);
          expect(miscountedMonths(db)).toEqual([]);
          expect(periodFigures(db, period, now, {})).toMatchObject(expected);
          expect(tallyBy(db, 'cause', period, {})).toEqual(expectedCauses);
          recountKeptFigures(db);
          expect(periodFigures(db, period, now, {})).toMatchObject(expected);
          expect(tallyBy(db, 'cause', period, {})).toEqual(expectedCauses);
          expect(actions()).toBe(expectedActions);
        } finally {
          db.close();
        }
      }),
      { numRuns: 80 },
    );
  });

  it('counts a complaint at the start of a period in it and one at its end out of it, wherever the period is cut', () => {
    const spans = [
      { since: '2026-01-01T10:00:00.000Z', until: '2026-01-01T15:00:00.000Z' }, // within a day
      { since: '2026-01-01T00:00:00.000Z', until: '2026-01-01T15:00:00.000Z' }, // from midnight, within a day
      { since: '2026-01-01T10:00:00.000Z', until: '2026-01-02T15:00:00.000Z' }, // across one midnight
      { since: '2026-01-01T10:00:00.000Z', until: '2026-01-04T15:00:00.000Z' }, // whole days between
      { since: '2026-01-01T00:00:00.000Z', until: '2026-01-04T00:00:00.000Z' }, // whole days only
    ];
    for (const period of spans) {
      const db = openDatabase(join(folder, `${++logbooks}.db`));
      try {
        const insert = db.prepare(`INSERT INTO complaints (logged_at, occurred_at, status, description) VALUES (@at, @at, 'new', 'd')`);
        for (const at of [period.since, period.until]) insert.run({ at });
        expect(periodFigures(db, period, '2026-02-01T00:00:00.000Z', {}).logged).toBe(1);
        expect(periodFigures(db, { since: period.until, until: '2026-02-01T00:00:00.000Z' }, '2026-02-01T00:00:00.000Z', {}).logged).toBe(1);
      } finally {
        db.close();
      }
    }
  });

  it('cuts a period into the UTC days wholly inside it and the times before and after them', () => {
    expect(inWhole('day', { since: '2026-11-16T00:00:00.000Z', until: '2026-11-23T00:00:00.000Z' })).toEqual({
      wholeFrom: '2026-11-16', wholeUntil: '2026-11-23', headUntil: '2026-11-16', tailFrom: '2026-11-23',
    });
    // A week in British summer time.
    expect(inWhole('day', { since: '2026-07-12T23:00:00.000Z', until: '2026-07-19T23:00:00.000Z' })).toEqual({
      wholeFrom: '2026-07-13', wholeUntil: '2026-07-19', headUntil: '2026-07-13', tailFrom: '2026-07-19',
    });
    // Within one day, and across one midnight: no whole day.
    expect(inWhole('day', { since: '2026-07-12T09:00:00.000Z', until: '2026-07-12T17:00:00.000Z' })).toEqual({
      wholeFrom: '2026-07-13', wholeUntil: '2026-07-13', headUntil: '2026-07-12T17:00:00.000Z', tailFrom: '2026-07-13',
    });
    expect(inWhole('day', { since: '2026-07-12T09:00:00.000Z', until: '2026-07-13T17:00:00.000Z' })).toEqual({
      wholeFrom: '2026-07-13', wholeUntil: '2026-07-13', headUntil: '2026-07-13', tailFrom: '2026-07-13',
    });
  });

  it('cuts a period into the UTC months wholly inside it and the times before and after them', () => {
    expect(inWhole('month', { since: '2021-01-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z' })).toEqual({
      wholeFrom: '2021-01', wholeUntil: '2026-12', headUntil: '2021-01', tailFrom: '2026-12',
    });
    // From inside a month to inside another, across a year's end.
    expect(inWhole('month', { since: '2025-11-16T09:00:00.000Z', until: '2026-02-03T17:00:00.000Z' })).toEqual({
      wholeFrom: '2025-12', wholeUntil: '2026-02', headUntil: '2025-12', tailFrom: '2026-02',
    });
    // A week: no whole month, all of it read one by one.
    expect(inWhole('month', { since: '2026-11-16T00:00:00.000Z', until: '2026-11-23T00:00:00.000Z' })).toEqual({
      wholeFrom: '2026-12', wholeUntil: '2026-12', headUntil: '2026-11-23T00:00:00.000Z', tailFrom: '2026-12',
    });
  });

  it('finds the middle one or two of values counted by the hour, and their median as SQLite and PostgreSQL take it', () => {
    const sqliteMedian = new Database(':memory:').prepare('SELECT median(value) FROM json_each(?)').pluck();
    expect(middleOf([])).toEqual([]);
    expect(middleOf([{ hour: 3, count: 1 }])).toEqual([{ hour: 3, before: 0 }]);
    expect(middleOf([{ hour: 0, count: 2 }, { hour: 5, count: 3 }])).toEqual([{ hour: 5, before: 0 }]);
    expect(middleOf([{ hour: 0, count: 2 }, { hour: 5, count: 2 }])).toEqual([{ hour: 0, before: 1 }, { hour: 5, before: 0 }]);
    expect(middleOf([{ hour: -1, count: 1 }, { hour: 7, count: 5 }])).toEqual([{ hour: 7, before: 1 }, { hour: 7, before: 2 }]);
    expect(medianOf([])).toBeNull();
    expect(medianOf([2.5])).toBe(2.5);
    expect(medianOf([1, 2])).toBe(1.5);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1_000, noNaN: true }), { minLength: 1, maxLength: 60 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const hours = [...new Set(sorted.map(Math.floor))].map((hour) => ({ hour, count: sorted.filter((value) => Math.floor(value) === hour).length }));
        const middle = middleOf(hours).map(({ hour, before }) => sorted.filter((value) => Math.floor(value) === hour)[before]!);
        // SQLite's own median(), which the report took before, is the oracle, to the last bit.
        expect(medianOf(middle)).toBe(sqliteMedian.get(JSON.stringify(values)));
      }),
    );
  });

  it('works out the whole hour to resolve as SQLite works out floor(hours_to_resolve), to the last bit', () => {
    const db = new Database(':memory:');
    const sqliteHour = db.prepare(`SELECT CAST(floor((unixepoch(?, 'subsec') - unixepoch(?, 'subsec')) / 3600.0) AS INTEGER)`).pluck();
    const moment = fc.integer({ min: Date.parse('2000-01-01T00:00:00.000Z'), max: Date.parse('2100-01-01T00:00:00.000Z') });
    // Whole hours apart, and a millisecond either side, are where the two could part.
    const later = fc.tuple(moment, fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((h) => h * 3_600_000), fc.integer({ min: 0, max: 10_000 * 3_600_000 })), fc.constantFrom(-1, 0, 1));
    fc.assert(
      fc.property(later, ([start, gap, nudge]) => {
        const occurredAt = new Date(start).toISOString();
        const resolvedAt = new Date(start + Math.max(0, gap + nudge)).toISOString();
        expect(hourToResolve(occurredAt, resolvedAt)).toBe(sqliteHour.get(resolvedAt, occurredAt));
      }),
      { numRuns: 2_000 },
    );
  });

  it('lists each spelling of a cause once, the one whose earliest complaint happened first leading', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const db = logbookOf(rows);
        try {
          const firstSeen = new Map<string, string>();
          rows.forEach((r, i) => {
            const seen = firstSeen.get(r.cause ?? '');
            if (r.cause !== null && (seen === undefined || occurredAt(r, i) < seen)) firstSeen.set(r.cause, occurredAt(r, i));
          });
          const expected = [...firstSeen].sort(([a, at], [b, bt]) => (at < bt ? -1 : at > bt ? 1 : a < b ? -1 : 1)).map(([cause]) => cause);
          expect(causesInUse(db)).toEqual(expected);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
