import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WeekStart } from '../../src/domain/config.js';
import { checkComparePeriod, checkPeriod, settlePeriod, weekOf, type Period, type PeriodFlags } from '../../src/domain/period.js';
import { UsageError } from '../../src/errors.js';

// Periods are local time. How these tests choose the zone: Node re-reads process.env.TZ whenever
// it is assigned, so each `inZone` block sets TZ before its tests run and puts it back after (the
// first test of each block proves the switch took effect). Every expectation is written as a UTC
// instant, and every Date is made inside a test, so nothing depends on the zone the suite
// started in. The e2e tests cross-check the same boundaries through the binary run with TZ set.

function inZone(zone: string, januaryOffsetMinutes: number, tests: () => void): void {
  describe(`in ${zone}`, () => {
    let outer: string | undefined;
    beforeAll(() => {
      outer = process.env.TZ;
      process.env.TZ = zone;
    });
    afterAll(() => {
      if (outer === undefined) delete process.env.TZ;
      else process.env.TZ = outer;
    });
    it(`computes local time in ${zone}`, () => {
      expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset()).toBe(januaryOffsetMinutes);
    });
    tests();
  });
}

function period(flags: PeriodFlags, now = '2026-11-26T12:00:00Z', weekStart: WeekStart = 'monday'): Period {
  const moment = new Date(now);
  return settlePeriod(checkPeriod(flags, moment), moment, weekStart);
}

/** A period as UTC instants, with the previous period beside it. */
function bounds(p: Period) {
  return {
    name: p.name,
    since: p.since.toISOString(),
    until: p.until.toISOString(),
    previous: { name: p.previous.name, since: p.previous.since.toISOString(), until: p.previous.until.toISOString() },
  };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

inZone('Asia/Shanghai', -480, () => {
  it('runs an ISO week from Monday midnight to Monday midnight, Shanghai time', () => {
    expect(bounds(period({ week: '2026-W48' }))).toEqual({
      name: '2026-W48',
      since: '2026-11-22T16:00:00.000Z',
      until: '2026-11-29T16:00:00.000Z',
      previous: { name: '2026-W47', since: '2026-11-15T16:00:00.000Z', until: '2026-11-22T16:00:00.000Z' },
    });
  });

  it('turns this week over at local midnight between Sunday and Monday', () => {
    expect(period({}, '2026-11-22T15:59:59.999Z').name).toBe('2026-W47');
    expect(period({}, '2026-11-22T16:00:00.000Z').name).toBe('2026-W48');
    expect(period({ week: true }, '2026-11-22T16:00:00.000Z').name).toBe('2026-W48');
  });

  it('numbers the weeks around new year as ISO 8601 does', () => {
    expect(bounds(period({ week: '2026-W01' })).since).toBe('2025-12-28T16:00:00.000Z');
    expect(bounds(period({ week: '2026-W53' }, '2027-02-01T00:00:00Z'))).toMatchObject({ since: '2026-12-27T16:00:00.000Z', until: '2027-01-03T16:00:00.000Z' });
    expect(weekOf(new Date('2027-01-03T15:59:00Z'), 'monday')).toEqual({ year: 2026, week: 53 });
    expect(weekOf(new Date('2027-01-03T16:00:00Z'), 'monday')).toEqual({ year: 2027, week: 1 });
    expect(weekOf(new Date('2026-01-01T00:00:00+08:00'), 'monday')).toEqual({ year: 2026, week: 1 });
  });

  it('starts the same numbered week a day or two early when the week starts on Sunday or Saturday', () => {
    expect(bounds(period({ week: '2026-W48' }, undefined, 'sunday'))).toMatchObject({
      since: '2026-11-21T16:00:00.000Z',
      until: '2026-11-28T16:00:00.000Z',
      previous: { name: '2026-W47', since: '2026-11-14T16:00:00.000Z' },
    });
    expect(bounds(period({ week: '2026-W48' }, undefined, 'saturday')).since).toBe('2026-11-20T16:00:00.000Z');
    // Sunday 22 November, 10:00 in Shanghai: already week 48 for a shop whose week starts on Sunday.
    expect(period({}, '2026-11-22T02:00:00Z', 'sunday').name).toBe('2026-W48');
    expect(period({}, '2026-11-22T02:00:00Z', 'monday').name).toBe('2026-W47');
  });

  it('takes --last as whole local days up to the end of today', () => {
    expect(bounds(period({ last: '7d' }, '2026-11-26T12:00:00Z'))).toEqual({
      name: '7 days',
      since: '2026-11-19T16:00:00.000Z',
      until: '2026-11-26T16:00:00.000Z',
      previous: { name: '7 days', since: '2026-11-12T16:00:00.000Z', until: '2026-11-19T16:00:00.000Z' },
    });
  });

  it('takes --last in months from the same day of the month, up to the end of today', () => {
    expect(bounds(period({ last: '一个月' }, '2026-11-26T12:00:00Z'))).toEqual({
      name: '1 month',
      since: '2026-10-26T16:00:00.000Z',
      until: '2026-11-26T16:00:00.000Z',
      previous: { name: '1 month', since: '2026-09-25T16:00:00.000Z', until: '2026-10-26T16:00:00.000Z' },
    });
  });
});

inZone('America/Los_Angeles', 480, () => {
  it('runs an ISO week from Monday midnight to Monday midnight, Los Angeles time', () => {
    expect(bounds(period({ week: '2026-W48' }))).toMatchObject({
      since: '2026-11-23T08:00:00.000Z',
      until: '2026-11-30T08:00:00.000Z',
    });
  });

  it('keeps the week in which the clocks go back whole: seven days and an hour', () => {
    expect(bounds(period({ week: '2026-W44' }))).toMatchObject({
      since: '2026-10-26T07:00:00.000Z',
      until: '2026-11-02T08:00:00.000Z',
    });
    expect(bounds(period({ week: '2026-W45' })).previous).toEqual({
      name: '2026-W44',
      since: '2026-10-26T07:00:00.000Z',
      until: '2026-11-02T08:00:00.000Z',
    });
  });

  it('keeps the week in which the clocks go forward whole: seven days less an hour', () => {
    expect(bounds(period({ week: '2026-W10' }))).toMatchObject({
      since: '2026-03-02T08:00:00.000Z',
      until: '2026-03-09T07:00:00.000Z',
    });
  });

  it('turns this week over at local midnight between Sunday and Monday', () => {
    expect(period({}, '2026-11-23T07:59:59.999Z').name).toBe('2026-W47');
    expect(period({}, '2026-11-23T08:00:00.000Z').name).toBe('2026-W48');
  });

  it('numbers the weeks around new year as ISO 8601 does', () => {
    expect(bounds(period({ week: '2027-W01' }, '2027-02-01T00:00:00Z')).since).toBe('2027-01-04T08:00:00.000Z');
    expect(weekOf(new Date('2027-01-04T07:59:00Z'), 'monday')).toEqual({ year: 2026, week: 53 });
    expect(refusal(() => period({ week: '2027-W53' }, '2028-02-01T00:00:00Z'))).toBe('--week: 2027 has 52 weeks, so there is no 2027-W53');
    // Week 53 alone: 2026's, once begun; before then, 2026's not begun (2025 had 52), not 2025's missing one.
    expect(bounds(period({ week: '53' }, '2027-01-02T00:00:00Z')).since).toBe('2026-12-28T08:00:00.000Z');
    expect(refusal(() => period({ week: '53' }, '2026-11-30T02:00:00Z'))).toBe("--week: week '53' has not begun yet; this week is 2026-W48");
    expect(refusal(() => period({ week: '53' }, '2028-02-01T00:00:00Z'))).toBe('--week: 2027 has 52 weeks, so there is no 2027-W53');
    expect(refusal(() => period({ week: '2027-W53' }, '2026-11-30T02:00:00Z'))).toBe('--week: 2027 has 52 weeks, so there is no 2027-W53');
  });

  it('counts --last in calendar days across a change of the clocks', () => {
    expect(bounds(period({ last: '4w' }, '2026-11-10T20:00:00Z'))).toMatchObject({
      name: '4 weeks',
      since: '2026-10-14T07:00:00.000Z',
      until: '2026-11-11T08:00:00.000Z',
    });
  });

  it('makes the period before a range of whole days the same number of days', () => {
    expect(bounds(period({ since: '2026-11-01', until: '2026-11-14' }))).toEqual({
      name: '',
      since: '2026-11-01T07:00:00.000Z',
      until: '2026-11-15T08:00:00.000Z',
      previous: { name: '', since: '2026-10-18T07:00:00.000Z', until: '2026-11-01T07:00:00.000Z' },
    });
  });

  it('makes the period before whole months as many whole months, however long they are', () => {
    expect(bounds(period({ since: '2026-10', until: '2026-10' })).previous).toEqual({ name: '', since: '2026-09-01T07:00:00.000Z', until: '2026-10-01T07:00:00.000Z' });
    expect(bounds(period({ since: '2026-03-01', until: '2026-04-30' })).previous).toEqual({ name: '', since: '2026-01-01T08:00:00.000Z', until: '2026-03-01T08:00:00.000Z' });
    // This month, on its last day: the whole of it, beside the whole of the month before.
    expect(bounds(period({ since: 'this month' }, '2026-11-30T20:00:00Z')).previous).toEqual({ name: '', since: '2026-10-01T07:00:00.000Z', until: '2026-11-01T07:00:00.000Z' });
  });

  it('makes the period before a range of times the same length of time', () => {
    expect(bounds(period({ since: '2026-11-20 09:00', until: '2026-11-20 17:00' }))).toMatchObject({
      since: '2026-11-20T17:00:00.000Z',
      until: '2026-11-21T01:00:00.000Z',
      previous: { since: '2026-11-20T09:00:00.000Z', until: '2026-11-20T17:00:00.000Z' },
    });
  });

  it('runs --since alone to the end of today', () => {
    expect(bounds(period({ since: '2026-11-20' }, '2026-11-26T20:00:00Z')).until).toBe('2026-11-27T08:00:00.000Z');
  });
});

describe('period flags that cannot be a period', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it.each(['2026-W60', '2026-47', '2026-W00', 'W0', '54', '2026-11', '2026W', '2026-W47x', '26-W47', '4周', '第48', '第二二周', ''])('refuses the week %j', (week) => {
    expect(refusal(() => checkPeriod({ week }, now))).toContain('is not a week; use YYYY-Www such as 2026-W47');
  });

  it.each([
    ['2026-W49', '--week: week \'2026-W49\' has not begun yet; this week is 2026-W48'],
    ['2027年第1周', '--week: week \'2027年第1周\' has not begun yet; this week is 2026-W48'],
    ['1999-W52', "--week: '1999-W52' is before 2000; check the year"],
  ])('refuses the week %j, which has nothing to count', (week, message) => {
    expect(refusal(() => checkPeriod({ week }, now))).toBe(message);
    expect(refusal(() => checkComparePeriod(week, now))).toBe(message.replace('--week', '--compare'));
  });

  it.each(['2026-09-01..', '..2026-09-30', '..'])('refuses the range %j, an end left out, saying so', (range) => {
    expect(refusal(() => checkComparePeriod(range, now))).toBe(`--compare: '${range}' needs both its ends, FROM..TO, such as 2026-11-09..2026-11-15`);
  });

  it('takes this week, which has begun', () => {
    expect(checkPeriod({ week: '2026-W48' }, now)).toEqual({ kind: 'week', year: 2026, week: 48 });
  });

  it('accepts a week written with a small w', () => {
    expect(checkPeriod({ week: '2026-w48' }, now)).toEqual({ kind: 'week', year: 2026, week: 48 });
  });

  it.each([
    ['2026W48', 2026, 48],
    ['2026-W7', 2026, 7],
    ['2025年第52周', 2025, 52],
    // Without a year, the latest week so numbered that has begun: on 26 November 2026, in week 48.
    ['48', 2026, 48],
    ['w1', 2026, 1],
    ['第48周', 2026, 48],
    ['第四十八周', 2026, 48],
    ['第 ４８ 个星期', 2026, 48],
    ['49', 2025, 49],
    ['第五十二周', 2025, 52],
  ] as const)('accepts the week %j as an owner writes it', (week, year, number) => {
    expect(checkPeriod({ week }, now)).toEqual({ kind: 'week', year, week: number });
    expect(checkComparePeriod(week, now)).toEqual({ kind: 'week', year, week: number });
  });

  it('takes a week without its year as the one just past in January', () => {
    expect(checkPeriod({ week: '52' }, new Date('2027-01-06T12:00:00Z'))).toEqual({ kind: 'week', year: 2026, week: 52 });
    expect(checkPeriod({ week: '1' }, new Date('2027-01-06T12:00:00Z'))).toEqual({ kind: 'week', year: 2027, week: 1 });
  });

  it('accepts a week typed full-width, as a Chinese input method types it', () => {
    expect(checkPeriod({ week: '２０２６－Ｗ４８' }, now)).toEqual({ kind: 'week', year: 2026, week: 48 });
    expect(checkPeriod({ week: '２０２６-ｗ４８' }, now)).toEqual({ kind: 'week', year: 2026, week: 48 });
  });

  it.each([
    // In English words.
    ['7 days', 7, 'd'],
    ['1 Day', 1, 'd'],
    ['2 weeks', 2, 'w'],
    ['4W', 4, 'w'],
    // As a Chinese-speaking owner writes it.
    ['7天', 7, 'd'],
    ['３０日', 30, 'd'],
    ['4周', 4, 'w'],
    ['一周', 1, 'w'],
    ['两个星期', 2, 'w'],
    ['十二周', 12, 'w'],
    ['一百天', 100, 'd'],
    ['1礼拜', 1, 'w'],
    // Months, in words or as said.
    ['3 months', 3, 'm'],
    ['1 Month', 1, 'm'],
    ['一个月', 1, 'm'],
    ['6个月', 6, 'm'],
    ['１２０个月', 120, 'm'],
  ] as const)('accepts --last %j as an owner writes it', (last, count, unit) => {
    expect(checkPeriod({ last }, now)).toEqual({ kind: 'last', count, unit });
  });

  it.each(['0d', '0w', '7', '7m', '-7d', 'd', '3661d', '523w', '123 months', '0个月', '个月', '7 days ago', 'weeks', '0天', '周', '7月', '二二天', '523周'])('refuses --last %j', (last) => {
    expect(refusal(() => checkPeriod({ last }, now))).toContain('is not a length of time; use days, weeks or months such as 7d, 4w or 3 months');
  });

  it('accepts --last in days or weeks, either case', () => {
    expect(checkPeriod({ last: '1d' }, now)).toEqual({ kind: 'last', count: 1, unit: 'd' });
    expect(checkPeriod({ last: '4W' }, now)).toEqual({ kind: 'last', count: 4, unit: 'w' });
  });

  it.each<[PeriodFlags, string]>([
    [{ week: true, last: '7d' }, '--week and --last'],
    [{ week: '2026-W48', since: '2026-11-01' }, '--week and --since/--until'],
    [{ last: '7d', until: '2026-11-20' }, '--last and --since/--until'],
  ])('refuses two periods at once: %j', (flags, named) => {
    expect(refusal(() => checkPeriod(flags, now))).toBe(`give one period, not ${named}: --week, --last or --since/--until`);
  });

  it('refuses an --until that is not after --since', () => {
    expect(refusal(() => checkPeriod({ since: '2026-11-20', until: '2026-11-19' }, now))).toBe(
      '--until (2026-11-19) is not after --since (2026-11-20); give a later --until',
    );
    expect(refusal(() => checkPeriod({ since: '2026-11-20 10:00', until: '2026-11-20 10:00' }, now))).toContain('is not after --since');
  });

  it('takes a bare --until as the whole of that day, so one date in both flags is that day', () => {
    expect(checkPeriod({ since: '2026-11-20', until: '2026-11-20' }, now)).toEqual({
      kind: 'range',
      since: new Date(2026, 10, 20),
      until: new Date(2026, 10, 21),
    });
  });

  it('refuses a --since after today when no --until is given', () => {
    expect(refusal(() => checkPeriod({ since: '2099-01-01' }, now))).toBe(
      '--since (2099-01-01) is after today; give an earlier --since, or an --until after it',
    );
  });

  it('refuses --until without --since', () => {
    expect(refusal(() => checkPeriod({ until: '2026-11-20' }, now))).toContain('--until needs --since');
  });

  it('means this week when no period is given, or --week alone', () => {
    expect(checkPeriod({}, now)).toEqual({ kind: 'this week' });
    expect(checkPeriod({ week: true }, now)).toEqual({ kind: 'this week' });
  });

  it.each([
    ['this', 'this', '2026-W48'],
    ['本周', 'this', '2026-W48'],
    ['Last', 'last', '2026-W47'],
    ['上周', 'last', '2026-W47'],
    [' 上个星期 ', 'last', '2026-W47'],
    ['上上周', 'the one before last', '2026-W46'],
  ])('reads --week %j as %s week', (typed, _, name) => {
    expect(period({ week: typed }).name).toBe(name);
  });

  it('takes last week from the shop’s week start: on a Sunday, a Sunday shop’s last week began eight days before', () => {
    expect(bounds(period({ week: '上周' }, '2026-11-29T12:00:00Z', 'sunday'))).toMatchObject({ name: '2026-W48', previous: { name: '2026-W47' } });
    expect(period({ week: '上周' }, '2026-11-29T12:00:00Z', 'monday').name).toBe('2026-W47');
  });

  it('sets last week beside another period with --compare 上周', () => {
    expect(checkComparePeriod('上周', now)).toEqual({ kind: 'this week', back: 1 });
    expect(() => checkComparePeriod('下周', now)).toThrow("--compare: '下周' is not a week or a range; use YYYY-Www such as 2026-W47, a week number such as 47, this or last, a month such as 2026-10 or 'last month', or FROM..TO such as 2026-11-01..2026-11-15");
  });

  it('sets a month beside the period with --compare 上个月 or 2026-10, the whole of it', () => {
    expect(checkComparePeriod('上个月', now)).toEqual({ kind: 'range', since: new Date(2026, 9, 1), until: new Date(2026, 10, 1) });
    expect(checkComparePeriod('2026-09', now)).toEqual({ kind: 'range', since: new Date(2026, 8, 1), until: new Date(2026, 9, 1) });
    expect(checkComparePeriod('9月..10月', now)).toEqual({ kind: 'range', since: new Date(2026, 8, 1), until: new Date(2026, 10, 1) });
  });

  it('reads a month given to --since and --until as the whole of it', () => {
    expect(checkPeriod({ since: '上个月', until: '上个月' }, now)).toEqual({ kind: 'range', since: new Date(2026, 9, 1), until: new Date(2026, 10, 1) });
    expect(checkPeriod({ since: '2026-09', until: '2026-10' }, now)).toEqual({ kind: 'range', since: new Date(2026, 8, 1), until: new Date(2026, 10, 1) });
  });

  it.each(['constructor', '__proto__', 'next', '下周'])('refuses --week %j, naming the words it takes', (typed) => {
    expect(refusal(() => checkPeriod({ week: typed }, now))).toBe(
      `--week: '${typed}' is not a week; use YYYY-Www such as 2026-W47, a week number such as 47 (the latest so numbered), or last for last week; --week alone is this week`,
    );
  });
});
