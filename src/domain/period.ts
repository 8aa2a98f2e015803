import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { startOfDay } from 'date-fns/startOfDay';
import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import type { WeekStart } from './config.js';
import { CHINESE_COUNT, CHINESE_NUMBER, countIn, halfWidth, largeCountIn } from './validate.js';
import { CHINESE_UNIT, DAYS_BEFORE_MONDAY, DAYS_OR_WEEKS_IN_CHINESE, EARLIEST, monthNamedIn, parseSince, parseUntil } from './when.js';

/** A stretch of time: from `since` (inclusive) to `until` (exclusive). */
export interface Span {
  since: Date;
  until: Date;
}

/** The period a report covers, in local time, and the period of equal length just before it. */
export interface Period extends Span {
  kind: 'week' | 'last' | 'range';
  /** `2026-W47` for a week, `7 days` or `4 weeks` for --last (in the language spoken: `4 周`), '' for a range. */
  name: string;
  /** The period the summary is set beside: the one just before, or the one --compare chose. */
  previous: Span & { name: string; chosen?: boolean };
}

export interface PeriodFlags {
  /** `true` when --week is given without a week: this week. */
  week?: string | true;
  last?: string;
  since?: string;
  until?: string;
}

/** A period as asked for, checked, before the shop's week start is known. */
export type PeriodRequest =
  | { kind: 'week'; year: number; week: number }
  /** This week, or the week `back` weeks before it (last week: 1). */
  | { kind: 'this week'; back?: number }
  | { kind: 'last'; count: number; unit: LengthUnit }
  | { kind: 'range'; since: Date; until: Date };

// A week by its number, with its year (2026-W48, 2026W48) or without (W48, 48); the same as a
// Chinese-speaking owner writes it: 第48周, 第四十八周, 2026年第48周.
const WEEK = /^(?:(?<year>\d{4})\s*-?\s*W|W)?\s*(?<week>\d{1,2})$/i;
const WEEK_IN_CHINESE = new RegExp(`^(?:(?<year>\\d{4})\\s*年\\s*)?第\\s*(?<week>\\d{1,2}|${CHINESE_COUNT})\\s*(?:周|个?星期|个?礼拜)$`);

// A week named by where it stands from this one, in either language, as weeks back.
const WEEKS_BACK: ReadonlyMap<string, number> = new Map([
  ...['this', '本周', '这周', '本星期', '这星期', '这个星期'].map((word) => [word, 0] as const),
  ...['last', '上周', '上星期', '上个星期', '上礼拜', '上个礼拜'].map((word) => [word, 1] as const),
  ...['上上周', '上上星期', '上上个星期', '上上礼拜', '上上个礼拜'].map((word) => [word, 2] as const),
]);
/** Days, weeks or calendar months. */
type LengthUnit = 'd' | 'w' | 'm';
// 7d, 4w, or in words, as --at takes them: 7 days, 2 weeks; and months (3 months), not as 3m,
// which reads as minutes as well.
const LAST = /^(\d{1,4})\s*(d|days?|w|weeks?|months?)$/i;
// The same as a Chinese-speaking owner writes it: 7天, 4周, 一周, 两个星期, 三个月, 一百天.
const LAST_IN_CHINESE = new RegExp(`^(\\d{1,4}|${CHINESE_NUMBER})\\s*(${DAYS_OR_WEEKS_IN_CHINESE}|个月)$`);
const MAX_LAST_DAYS = 3660;
const DAYS_IN: Record<LengthUnit, number> = { d: 1, w: 7, m: 30 };

/**
 * Reads the period flags: at most one of --week, --last, --since/--until; none means this week.
 * A week given to --since or --until (上周) is the shop's, starting on `weekStart`.
 */
export function checkPeriod(flags: PeriodFlags, now: Date, weekStart: WeekStart = 'monday'): PeriodRequest {
  const given = [
    flags.week !== undefined ? '--week' : null,
    flags.last !== undefined ? '--last' : null,
    flags.since !== undefined || flags.until !== undefined ? '--since/--until' : null,
  ].filter((flag) => flag !== null);
  if (given.length > 1) {
    throw new UsageError(t('period.oneOnly', { flags: given.reduce((first, second) => t('period.and', { first, second })) }));
  }

  if (typeof flags.week === 'string') return checkWeek(flags.week, now, weekStart);
  if (flags.last !== undefined) return checkLast(flags.last);
  if (flags.since !== undefined) {
    const since = parseSince(flags.since, now, '--since', weekStart);
    const until = flags.until === undefined ? endOfToday(now) : parseUntil(flags.until, now, '--until', weekStart);
    if (until <= since && flags.until === undefined) {
      throw new UsageError(t('period.sinceAfterToday', { since: flags.since }));
    }
    if (until <= since) throw new UsageError(t('period.untilNotAfterSince', { until: flags.until ?? '', since: flags.since }));
    return { kind: 'range', since, until };
  }
  if (flags.until !== undefined) throw new UsageError(t('period.untilNeedsSince'));
  return { kind: 'this week' };
}

/**
 * A week as --week or --compare name it. One given without its year is the latest so numbered
 * that has begun: week 52 asked in January is the one just past, not the one to come.
 */
function checkWeek(text: string, now: Date, weekStart: WeekStart, flag = '--week'): PeriodRequest & { kind: 'week' | 'this week' } {
  const back = WEEKS_BACK.get(text.trim().toLowerCase());
  if (back !== undefined) return back === 0 ? { kind: 'this week' } : { kind: 'this week', back };
  // Full-width, as a Chinese input method types it (２０２６-Ｗ４８), as dates and amounts are read.
  const plain = halfWidth(text);
  const found = (WEEK.exec(plain) ?? WEEK_IN_CHINESE.exec(plain))?.groups;
  const week = found === undefined ? undefined : countIn(found.week!);
  if (found === undefined || week === undefined || week < 1 || week > 53) {
    throw new UsageError(t(flag === '--week' ? 'period.notAWeekOrAlone' : 'period.notAWeekOrRange', { flag, text }));
  }
  const current = weekOf(now, weekStart);
  if (found.year === undefined) {
    if (week <= current.week) return { kind: 'week', year: current.year, week };
    // Week 53 of a year that has one, asked before it begins: last year, with 52, had none to give.
    if (week > weeksInYear(current.year - 1) && week <= weeksInYear(current.year)) throw new UsageError(t('period.weekNotBegun', { flag, text, current: weekName(current.year, current.week) }));
    return { kind: 'week', year: current.year - 1, week };
  }
  // As for a day (parseSince): a week to come has nothing to count yet, and one before 2000 is a slip of the year.
  const year = Number(found.year);
  if (year < EARLIEST.getFullYear()) throw new UsageError(t('when.beforeEarliest', { flag, text, year: EARLIEST.getFullYear() }));
  // A week no year of it has (2027-W53) is said to be none, not to be yet to come.
  if (week > weeksInYear(year)) throw new UsageError(t('period.noSuchWeek', { year, weeks: weeksInYear(year), week: weekName(year, week) }));
  if (year > current.year || (year === current.year && week > current.week)) {
    throw new UsageError(t('period.weekNotBegun', { flag, text, current: weekName(current.year, current.week) }));
  }
  return { kind: 'week', year, week };
}

/** Between the two ends of a range given as one value: 2026-09-01..2026-09-30. */
const RANGE = '..';

/**
 * The period --compare sets beside the report's: a week (2026-W40), a month (上个月, 2026-10) or a
 * range, FROM..TO, each end as --since and --until read them (a bare date as TO includes that day).
 */
export function checkComparePeriod(text: string, now: Date, weekStart: WeekStart = 'monday'): PeriodRequest & { kind: 'week' | 'this week' | 'range' } {
  const at = text.indexOf(RANGE);
  if (at === -1) {
    const month = monthNamedIn(text, now, '--compare');
    return month === undefined ? checkWeek(text, now, weekStart, '--compare') : { kind: 'range', ...month };
  }
  const [from, to] = [text.slice(0, at).trim(), text.slice(at + RANGE.length).trim()];
  // An end left out was refused as the date '', which did not say what was missing.
  if (from === '' || to === '') throw new UsageError(t('period.compareRangeEnds', { text }));
  const since = parseSince(from, now, '--compare', weekStart);
  const until = parseUntil(to, now, '--compare', weekStart);
  if (until <= since) throw new UsageError(t('period.compareEndsBeforeStart', { text }));
  return { kind: 'range', since, until };
}

/**
 * `period` set beside `compared` (a week or range --compare chose) instead of the period just
 * before it.
 */
export function comparedWith(period: Period, compared: Period): Period {
  return { ...period, previous: { since: compared.since, until: compared.until, name: compared.name, chosen: true } };
}

function checkLast(text: string): PeriodRequest {
  const { count, unit } = lengthIn(halfWidth(text)) ?? { count: 0, unit: 'd' };
  if (count < 1 || count * DAYS_IN[unit] > MAX_LAST_DAYS) {
    throw new UsageError(t('period.notALength', { text, most: MAX_LAST_DAYS }));
  }
  return { kind: 'last', count, unit };
}

/** How many days, weeks or months `text` says, as 7d / 4w / 3 months or 7天 / 四周 / 三个月 write it; undefined when it says none. */
function lengthIn(text: string): { count: number; unit: LengthUnit } | undefined {
  const english = LAST.exec(text);
  if (english) return { count: Number(english[1]), unit: english[2]![0]!.toLowerCase() as LengthUnit };
  const chinese = LAST_IN_CHINESE.exec(text);
  const count = chinese ? largeCountIn(chinese[1]!) : undefined;
  return count === undefined ? undefined : { count, unit: chinese![2] === '个月' ? 'm' : (CHINESE_UNIT[chinese![2]!] as 'd' | 'w') };
}

/**
 * The period's bounds in local time. Weeks are ISO 8601 weeks (Monday to Sunday; week 1 holds
 * 4 January); a shop whose week starts on Sunday or Saturday keeps ISO's numbering, each week
 * starting one or two days before its ISO Monday (2026-W48 is Sun 22 – Sat 28 Nov 2026).
 */
export function settlePeriod(request: PeriodRequest, now: Date, weekStart: WeekStart): Period {
  switch (request.kind) {
    case 'this week': {
      const { year, week } = weekOf(addDays(now, -7 * (request.back ?? 0)), weekStart);
      return settlePeriod({ kind: 'week', year, week }, now, weekStart);
    }
    case 'week': {
      const weeks = weeksInYear(request.year);
      if (request.week > weeks) {
        throw new UsageError(t('period.noSuchWeek', { year: request.year, weeks, week: weekName(request.year, request.week) }));
      }
      const since = addDays(isoWeekMonday(request.year, request.week), -DAYS_BEFORE_MONDAY[weekStart]);
      const span = { since, until: addDays(since, 7) };
      const previous = previousSpan(span);
      const before = weekOf(previous.since, weekStart);
      return {
        kind: 'week',
        ...span,
        name: weekName(request.year, request.week),
        previous: { ...previous, name: weekName(before.year, before.week) },
      };
    }
    case 'last': {
      const until = endOfToday(now);
      // A month back is the same day of the month before: the last month on 5 December runs from 6 November.
      const since = request.unit === 'm' ? addMonths(until, -request.count) : addDays(until, -request.count * (request.unit === 'w' ? 7 : 1));
      const span = { since, until };
      const name = t('period.lastLength', { count: request.count, unit: request.unit });
      return { kind: 'last', ...span, name, previous: { ...previousSpan(span), name } };
    }
    case 'range': {
      const span = { since: request.since, until: request.until };
      return { kind: 'range', ...span, name: '', previous: { ...previousSpan(span), name: '' } };
    }
  }
}

/**
 * The span of equal length ending where `span` starts. Whole months are set beside as many whole
 * months (October beside September, not beside the 31 days before it); between two local
 * midnights the length is counted in calendar days, so the week before a clock change is still a
 * whole week.
 */
function previousSpan(span: Span): Span {
  const months = wholeMonthsIn(span);
  if (months !== undefined) return { since: addMonths(span.since, -months), until: span.since };
  if (isLocalMidnight(span.since) && isLocalMidnight(span.until)) {
    return { since: addDays(span.since, -differenceInCalendarDays(span.until, span.since)), until: span.since };
  }
  return { since: new Date(2 * span.since.getTime() - span.until.getTime()), until: span.since };
}

/** How many months `span` is when it runs from the start of one month to the start of another, in local time. */
function wholeMonthsIn({ since, until }: Span): number | undefined {
  const startsAMonth = (moment: Date) => moment.getDate() === 1 && isLocalMidnight(moment);
  if (!startsAMonth(since) || !startsAMonth(until)) return undefined;
  return (until.getFullYear() - since.getFullYear()) * 12 + until.getMonth() - since.getMonth();
}

/** The year and number of the week holding `moment`, weeks starting on `weekStart`. */
export function weekOf(moment: Date, weekStart: WeekStart): { year: number; week: number } {
  // A week starting early is numbered as the ISO week it runs into.
  const day = startOfDay(addDays(moment, DAYS_BEFORE_MONDAY[weekStart]));
  const monday = addDays(day, -((day.getDay() + 6) % 7));
  // An ISO week belongs to the year that holds its Thursday.
  const year = addDays(monday, 3).getFullYear();
  return { year, week: differenceInCalendarDays(monday, isoWeekMonday(year, 1)) / 7 + 1 };
}

/** 52, or 53 for the years whose ISO weeks run to a 53rd. */
function weeksInYear(year: number): number {
  return differenceInCalendarDays(isoWeekMonday(year + 1, 1), isoWeekMonday(year, 1)) / 7;
}


/** Local midnight starting ISO week `week` of `year`: week 1 is the week holding 4 January. */
function isoWeekMonday(year: number, week: number): Date {
  const fourthOfJanuary = new Date(2000, 0, 4);
  fourthOfJanuary.setFullYear(year);
  const firstMonday = addDays(fourthOfJanuary, -((fourthOfJanuary.getDay() + 6) % 7));
  return addDays(firstMonday, 7 * (week - 1));
}

/** A week as reports name it: 2026-W48. */
export function weekName(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function endOfToday(now: Date): Date {
  return addDays(startOfDay(now), 1);
}

function isLocalMidnight(moment: Date): boolean {
  return startOfDay(moment).getTime() === moment.getTime();
}
