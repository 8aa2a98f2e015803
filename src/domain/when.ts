import { addDays } from 'date-fns/addDays';
import { addHours } from 'date-fns/addHours';
import { addMinutes } from 'date-fns/addMinutes';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { startOfDay } from 'date-fns/startOfDay';
import { startOfMonth } from 'date-fns/startOfMonth';
import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import type { WeekStart } from './config.js';
import { CHINESE_NUMBER, countIn, halfWidth, largeCountIn } from './validate.js';

/** No shop kept this logbook before then: an earlier date is a typing mistake (0001 for 2001, 1900 for 2000). */
export const EARLIEST = new Date(2000, 0, 1);

// parseISO also takes years, weeks and ordinal dates; the contract promises only these shapes.
// An offset from UTC is one the world uses, −14:00 to +14:00: +99:00 was read as four days off.
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)?)?$/;
// 3d, +2h, 1w ago, and as said in words: 2 hours ago, 30 minutes ago, 3 days ago, +2 days. A
// word without ago or a sign (3 days) is refused: it may as well mean three days ahead.
const RELATIVE = /^([+-]?)(\d{1,5})\s*(h|hours?|hrs?|d|days?|w|weeks?|mins?|minutes?)(\s+ago)?$/;
/** The words for days or weeks written after a number, as a pattern: 3天, 两个星期, 一周, 四个礼拜. */
export const DAYS_OR_WEEKS_IN_CHINESE = '天|日|个?星期|周|个?礼拜';
// The same in Chinese: 3天前 is 3d ago, 2小时后 is +2h, and a deadline 三天内 (within three days)
// +3d; months too (一个月内, 3个月前), as calendar months.
// The number in figures or, as it is said, in Chinese numerals: 三天前, 两个星期前, 十二小时后, 一百天内.
// Half an hour (半小时前), and a half more (一个半小时前, 两天半后, 一个半月内), and minutes (20分钟后)
// too, which a complaint entered just after is often given.
const RELATIVE_IN_CHINESE = new RegExp(
  `^(?<count>\\d{1,5}|${CHINESE_NUMBER}|半)\\s*(?<halfBefore>个半)?(?<unit>个?小时|个?钟头|分钟|${DAYS_OR_WEEKS_IN_CHINESE}|个月|(?<=个半)月)(?<halfAfter>半)?\\s*[以之]?(?<way>[前后内])$`,
);
type Unit = 'min' | 'h' | 'd' | 'w' | 'mo';
/** What each word for a length of time written after a number stands for. */
export const CHINESE_UNIT: Record<string, Unit> = {
  分钟: 'min', 小时: 'h', 个小时: 'h', 钟头: 'h', 个钟头: 'h', 天: 'd', 日: 'd', 星期: 'w', 个星期: 'w', 周: 'w', 礼拜: 'w', 个礼拜: 'w', 个月: 'mo', 月: 'mo',
};
// A month's half (半个月) is 15 days, as it is said.
const MINUTES_IN: Record<Unit, number> = { min: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60, mo: 30 * 24 * 60 };

// A day, a time of day or both, as written in Chinese or beside a day word: 明天下午3点, 昨天 18:00,
// 昨晚8点, 11月29日, 2026年11月29日 14:30, 2026/11/29, 下午三点半, 9点零5分, 3点一刻, tomorrow 15:00.
const NUMBER = '\\d{1,2}|[零一二两三四五六七八九十]{1,3}';
// A day by its month is written with 月 (11月29日, 十一月二十日), or with slashes after the year
// (2026/11/29, or 2026.11.29 as many in China write it): without the year, 1/2 is the 2nd of
// January to some and the 1st of February to others.
const CALENDAR_DAY = `(?:(?<year>\\d{4})\\s*年\\s*)?(?<month>${NUMBER})\\s*月\\s*(?<day>\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[日号]?`;
const SLASHED_DAY = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const PARTS_OF_DAY = ['凌晨', '早上', '早晨', '上午', '中午', '下午', '傍晚', '晚上', '夜里', '半夜', '深夜'];
const CLOCK =
  `(?<part>${PARTS_OF_DAY.join('|')})?\\s*(?<hour>${NUMBER})\\s*` +
  `(?::\\s*(?<minute>\\d{2})|[点时]\\s*(?:(?<half>半)|(?<quarters>[一三])刻|整|零?(?<minutes>${NUMBER})\\s*分?)?)`;
// Parts of the day whose hours are after noon: 下午3点 is 15:00, 中午1点 13:00, 晚上12点 midnight;
// and those of the night, after noon up to midnight (夜里11点) and before it after (半夜1点).
const AFTERNOON: ReadonlySet<string> = new Set(['中午', '下午', '傍晚', '晚上']);
const NIGHT: ReadonlySet<string> = new Set(['夜里', '半夜', '深夜']);
// The hours a part of the day can have, where they are few: 中午9点 is no time, nor 凌晨9点.
const HOURS_OF_PART: ReadonlyMap<string, readonly number[]> = new Map([
  ['中午', [11, 12, 1, 2]],
  ['凌晨', [0, 1, 2, 3, 4, 5, 6, 12]],
]);
// An hour that fits each part of the day, for an example: 周二中午12点, 明晚7点.
const TYPICAL_HOUR: Readonly<Record<string, number>> = {
  凌晨: 5, 早上: 8, 早晨: 8, 上午: 10, 中午: 12, 下午: 3, 傍晚: 6, 晚上: 7, 夜里: 11, 半夜: 1, 深夜: 1,
};
// A day and its part in one word: 昨晚8点 is yesterday evening's 8 o'clock.
const DAY_AND_PART: ReadonlyMap<string, readonly [number, string]> = new Map([
  ['昨晚', [-1, '晚上']], ['今晚', [0, '晚上']], ['明晚', [1, '晚上']], ['今早', [0, '早上']], ['明早', [1, '早上']],
] as const);
// Hours a shop keeps: where 2点 may be 02:00 or 14:00, the one within them is meant.
const OPENING_HOUR = 7;
const CLOSING_HOUR = 22;
// A day given by month and day alone is the one of that date nearest to now, up to half a year
// either way: 12月28日 in the first days of January is last week's, 1月3日 at the end of December next week's.
const HALF_A_YEAR_MS = 183 * 24 * 3_600_000;

/** Which way from now a time is expected to lie: a moment something happened, a deadline, or either (a range's bound). */
export type Leaning = 'past' | 'future' | 'either';

// The words for a moment and for days, in English and as a Chinese-speaking owner types them,
// whatever language the interface speaks: each day as its shift from today.
const NOW_WORDS: ReadonlySet<string> = new Set(['now', '现在', '刚才', '刚刚', '刚']);
const DAY_WORDS: ReadonlyMap<string, number> = new Map([
  ['today', 0], ['yesterday', -1], ['tomorrow', 1],
  ['今天', 0], ['昨天', -1], ['前天', -2], ['大前天', -3], ['明天', 1], ['后天', 2], ['大后天', 3],
]);
// A day of the week, alone (周五, 星期五, 礼拜天) or in this, next or last week (这周五, 下周一,
// 上个星期三); a day is named in weeks that start on Monday, as a Chinese calendar has them.
const WEEK_WORDS: ReadonlyMap<string, number> = new Map([
  ...['这周', '本周', '这个星期', '这星期', '这礼拜', '这个礼拜'].map((word) => [word, 0] as const),
  ...['下周', '下个星期', '下星期', '下礼拜', '下个礼拜'].map((word) => [word, 1] as const),
  ...['上周', '上个星期', '上星期', '上礼拜', '上个礼拜'].map((word) => [word, -1] as const),
  ...['上上周', '上上个星期', '上上星期', '上上礼拜', '上上个礼拜'].map((word) => [word, -2] as const),
  ...['下下周', '下下个星期', '下下星期', '下下礼拜', '下下个礼拜'].map((word) => [word, 2] as const),
]);
const WEEKDAY_NUMERALS = '一二三四五六日';
// A week word alone (上周) is the week itself, as the shop's reports have it (week-start): --since 上周.
const WEEKDAY = `(?<week>${[...WEEK_WORDS.keys()].join('|')})(?<weekday>[${WEEKDAY_NUMERALS}天])?|(?:周|星期|礼拜)(?<weekdayAlone>[${WEEKDAY_NUMERALS}天])`;
// A month, by where it stands from this one (本月, 上个月, last month) or on the calendar (2026-11,
// 2026年11月, 11月, 十一月份): as a range bound, the whole of it, as a shop's accounts take a month.
const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ...['this month', '本月', '这个月', '这月'].map((word) => [word, 0] as const),
  ...['last month', '上个月', '上月'].map((word) => [word, -1] as const),
  ...['上上个月', '上上月'].map((word) => [word, -2] as const),
  ...['next month', '下个月', '下月'].map((word) => [word, 1] as const),
]);
const CALENDAR_MONTH = new RegExp(`^(?:(?<year>\\d{4})\\s*年\\s*)?(?<month>${NUMBER})\\s*月份?$`);
const ISO_MONTH = /^(?<year>\d{4})-(?<month>\d{2})$/;
// A day of the month alone, as said of one near: 30号, 二十九日.
const DAY_OF_MONTH = `(?<dayAlone>\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[日号]`;
const DAY_AND_CLOCK = new RegExp(
  `^(?:(?<word>${[...DAY_WORDS.keys(), ...DAY_AND_PART.keys()].join('|')})|${CALENDAR_DAY}|${WEEKDAY}|${DAY_OF_MONTH})?\\s*(?:${CLOCK})?$`,
);

// A day (or none) and a part of it, with no hour: 明早, 今晚, 周五下午, 11月20日上午.
const PART_WITHOUT_HOUR = new RegExp(
  `^(?:${[...DAY_WORDS.keys()].join('|')}|${CALENDAR_DAY}|${WEEKDAY})?\\s*(?:${[...PARTS_OF_DAY, ...DAY_AND_PART.keys()].join('|')})$`,
);

// Exactly what toISOString (and so export) writes.
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface When {
  at: Date;
  /** True when only a calendar day was given, so a range bound can cover the whole day. */
  dateOnly: boolean;
  /** True when a week was named (上周): `at` is its first day, and a range bound can cover the whole week. */
  wholeWeek?: boolean;
}

/** How many days a week starting on each day begins before the Monday of its ISO week. */
export const DAYS_BEFORE_MONDAY: Record<WeekStart, number> = { monday: 0, sunday: 1, saturday: 2 };

/** A shift from now, as 3d / +2h / 1w ago or 3天前 / 2小时后 / 半小时前 write it: backwards unless marked ahead. */
function relativeShift(input: string): { amount: number; unit: Unit } | undefined {
  const english = RELATIVE.exec(input);
  if (english) {
    const word = english[3]!;
    if (word.length > 1 && english[1] === '' && english[4] === undefined) return undefined;
    const unit: Unit = word.startsWith('min') ? 'min' : (word[0] as 'h' | 'd' | 'w');
    return { amount: Number(english[2]) * (english[1] === '+' ? 1 : -1), unit };
  }
  const chinese = RELATIVE_IN_CHINESE.exec(input)?.groups;
  if (chinese === undefined) return undefined;
  const unit = CHINESE_UNIT[chinese.unit!]!;
  const sign = chinese.way === '前' ? -1 : 1;
  // 半 is half of the unit: half an hour, half a day; after a number, a half more (一个半小时).
  const andAHalf = chinese.halfBefore !== undefined || chinese.halfAfter !== undefined;
  if (chinese.count === '半') return andAHalf ? undefined : { amount: (sign * MINUTES_IN[unit]) / 2, unit: 'min' };
  const amount = largeCountIn(chinese.count!);
  if (amount === undefined || (chinese.halfBefore !== undefined && chinese.halfAfter !== undefined)) return undefined;
  return andAHalf ? { amount: sign * (amount + 0.5) * MINUTES_IN[unit], unit: 'min' } : { amount: sign * amount, unit };
}

/** What dayAndClock gives for a day written as one that the calendar does not have (2月30日), to be said so rather than as no date at all. */
const NO_SUCH_DAY = 'no such day';

/**
 * A day and a time of day as DAY_AND_CLOCK reads them, in local time: the day today unless given;
 * undefined when `input` is not so written, or names no real moment (25点, 下午13点); NO_SUCH_DAY
 * for a day the calendar does not have (2月30日). An
 * hour from 1 to 11 with no part of the day (2点) is read on whichever clock `leaning` and the
 * shop's hours make likeliest (whenAmbiguous).
 */
function dayAndClock(input: string, now: Date, leaning: Leaning, weekStart: WeekStart): When | typeof NO_SUCH_DAY | undefined {
  const found = DAY_AND_CLOCK.exec(input.replace(SLASHED_DAY, '$1年$3月$4日'))?.groups;
  if (found === undefined) return undefined;
  const weekday = found.weekday ?? found.weekdayAlone;
  if (found.week !== undefined && weekday === undefined) {
    // A week is no moment of the day: 上周3点 names none.
    return found.hour === undefined ? { at: startOfWeek(WEEK_WORDS.get(found.week)!, now, weekStart), dateOnly: true, wholeWeek: true } : undefined;
  }
  const dayGiven = found.word !== undefined || found.month !== undefined || weekday !== undefined || found.dayAlone !== undefined;
  if (!dayGiven && found.hour === undefined) return undefined;
  const [shift, partOfWord] = DAY_AND_PART.get(found.word ?? '') ?? [DAY_WORDS.get(found.word ?? 'today') ?? 0, undefined];
  // 昨晚 and its kind need a time: 明早 alone is no moment.
  if (partOfWord !== undefined && found.hour === undefined) return undefined;
  const day =
    found.month !== undefined ? calendarDay(found.year, found.month, found.day!, now)
    : weekday !== undefined ? dayOfWeek(weekday, found.week, now, leaning)
    : found.dayAlone !== undefined ? dayOfMonth(found.dayAlone, now, leaning)
    : startOfDay(addDays(now, shift));
  if (day === undefined) return NO_SUCH_DAY;
  if (found.hour === undefined) return { at: day, dateOnly: true };

  const part = found.part ?? partOfWord;
  const hour = countIn(found.hour);
  const minute =
    found.half !== undefined ? 30
    : found.quarters !== undefined ? (found.quarters === '一' ? 15 : 45)
    : found.minute !== undefined ? Number(found.minute)
    : found.minutes !== undefined ? countIn(found.minutes)
    : 0;
  if (hour === undefined || minute === undefined || hour > 24 || minute > 59 || (part !== undefined && hour > 12)) return undefined;
  if (part !== undefined && HOURS_OF_PART.get(part)?.includes(hour) === false) return undefined;
  const at = (onDay: Date, onTheClock: number) => {
    const moment = new Date(onDay);
    // 24:00 and after (晚上12点半) run into the next day, as setHours does.
    moment.setHours(onTheClock, minute, 0, 0);
    return moment;
  };
  const twelveHour = part === undefined && found.minute === undefined && hour >= 1 && hour <= 11;
  const hours = part !== undefined ? [hourOfPart(part, hour)] : twelveHour ? [hour, hour + 12] : [hour];
  // A time of day alone is the next to come for a deadline, the last gone by for what happened:
  // 8点 said at nine in the evening is tomorrow's, 3点 said at one in the morning yesterday's;
  // and so is a weekday's, a week on or back: 周五上午9点 said on a Friday at ten is next week's.
  const reach = !dayGiven ? 1 : found.week === undefined && weekday !== undefined ? 7 : 0;
  const days = reach > 0 && leaning !== 'either' ? [day, addDays(day, leaning === 'future' ? reach : -reach)] : [day];
  const moments = days.flatMap((onDay) => hours.map((onTheClock) => at(onDay, onTheClock))).sort((a, b) => a.getTime() - b.getTime());
  return { at: moments.length === 1 ? moments[0]! : whenAmbiguous(moments, now, leaning), dateOnly: false };
}

/**
 * The day `weekday` (一 to 六, 日 or 天) names: in the week `week` says (this, next or last), or,
 * said alone, the next such day for a deadline, the last for what happened, this week's for a
 * range bound; today where today is that day.
 */
function dayOfWeek(weekday: string, week: string | undefined, now: Date, leaning: Leaning): Date {
  const wanted = weekday === '天' ? 7 : WEEKDAY_NUMERALS.indexOf(weekday) + 1;
  const today = ((now.getDay() + 6) % 7) + 1;
  const shift =
    week !== undefined || leaning === 'either' ? wanted - today + 7 * (WEEK_WORDS.get(week ?? '') ?? 0)
    : leaning === 'future' ? (wanted - today + 7) % 7
    : -((today - wanted + 7) % 7);
  return startOfDay(addDays(now, shift));
}

/**
 * The day of the month `dayText` names: this month's, or for a deadline the next month's when this
 * month's has passed (30号 said on the 31st), for what happened the last month's when this month's
 * is to come (29号 said on the 5th), for a range bound the nearest of the three; undefined for a
 * day the month does not have.
 */
function dayOfMonth(dayText: string, now: Date, leaning: Leaning): Date | undefined {
  const wanted = countIn(dayText);
  if (wanted === undefined) return undefined;
  const today = startOfDay(now);
  const inMonth = (monthsOn: number) => {
    const month = addMonths(startOfMonth(now), monthsOn);
    const day = new Date(month.getFullYear(), month.getMonth(), wanted);
    return day.getMonth() === month.getMonth() ? day : undefined;
  };
  if (leaning === 'future') return wanted < now.getDate() ? inMonth(1) : inMonth(0);
  // The latest such day gone by, however many months back: 31号 said on 3 December is 31 October.
  // (A deadline on a day the month lacks is refused rather than put a month further on.)
  if (leaning === 'past') {
    for (let monthsOn = wanted > now.getDate() ? -1 : 0; monthsOn >= -12; monthsOn--) {
      const day = inMonth(monthsOn);
      if (day !== undefined) return day;
    }
    return undefined;
  }
  if (inMonth(0) === undefined) return undefined;
  const distance = (day: Date | undefined) => (day === undefined ? Infinity : Math.abs(day.getTime() - today.getTime()));
  return [inMonth(0), inMonth(-1), inMonth(1)].reduce((nearest, day) => (distance(day) < distance(nearest) ? day : nearest));
}

/** The first day of the shop's week `weeksOn` from the one holding `now`, weeks starting on `weekStart`. */
function startOfWeek(weeksOn: number, now: Date, weekStart: WeekStart): Date {
  const sinceMonday = (now.getDay() + 6) % 7;
  const sinceStart = (sinceMonday + DAYS_BEFORE_MONDAY[weekStart]) % 7;
  return startOfDay(addDays(now, 7 * weeksOn - sinceStart));
}

/** An hour that fits the part of the day `input` ends with (明早, 周五下午). */
function typicalHourOf(input: string): number {
  const part = [...PARTS_OF_DAY, ...DAY_AND_PART.keys()].find((word) => input.endsWith(word))!;
  return TYPICAL_HOUR[DAY_AND_PART.get(part)?.[1] ?? part]!;
}

/** The hour on the 24-hour clock of `hour` said with `part` of the day. */
function hourOfPart(part: string, hour: number): number {
  if (part === '晚上' && hour === 12) return 24;
  if (AFTERNOON.has(part)) return hour < 12 && !(part === '中午' && hour === 11) ? hour + 12 : hour;
  if (NIGHT.has(part)) return hour >= 6 ? (hour === 12 ? 24 : hour + 12) : hour;
  return part === '凌晨' && hour === 12 ? 0 : hour;
}

/**
 * Of the moments a time of day may be (an hour without a part of the day: 02:00 or 14:00; a time
 * without its day: today's or the next), the one on the side of now that `leaning` asks (the
 * later of those past, the earlier of those to come), within the shop's hours where one of them is.
 */
function whenAmbiguous(moments: readonly Date[], now: Date, leaning: Leaning): Date {
  // A deadline of this very minute is none: 8点 said at 20:00 is the next 8 o'clock.
  const side = moments.filter((moment) => (leaning === 'past' ? moment.getTime() <= now.getTime() + CLOCK_GRACE_MS : leaning === 'future' ? moment > now : true));
  const pool = side.length > 0 ? side : [...moments];
  const open = pool.filter((moment) => moment.getHours() >= OPENING_HOUR && moment.getHours() < CLOSING_HOUR);
  const likely = open.length > 0 ? open : pool;
  // Either way, of two within the shop's hours (9点: 09:00 or 21:00) the hour as typed.
  return leaning === 'past' ? likely.at(-1)! : likely[0]!;
}

/** The day of `month` and `day` (in figures or Chinese numerals), in `year` or, without one, the year that puts it nearest to now; undefined for a day that does not exist. */
function calendarDay(year: string | undefined, monthText: string, dayText: string, now: Date): Date | undefined {
  const month = countIn(monthText);
  const dayOfMonth = countIn(dayText);
  if (month === undefined || dayOfMonth === undefined) return undefined;
  const inYear = (y: number) => new Date(y, month - 1, dayOfMonth);
  let chosen = inYear(year === undefined ? now.getFullYear() : Number(year));
  if (year === undefined && chosen.getTime() - now.getTime() > HALF_A_YEAR_MS) chosen = inYear(now.getFullYear() - 1);
  else if (year === undefined && now.getTime() - chosen.getTime() > HALF_A_YEAR_MS) chosen = inYear(now.getFullYear() + 1);
  return chosen.getMonth() === month - 1 && chosen.getDate() === dayOfMonth ? chosen : undefined;
}

/** What monthNamed gives for a month written as one that the calendar does not have (13月). */
const NO_SUCH_MONTH = 'no such month';

/**
 * The first day of the month `input` names, undefined when it names none, NO_SUCH_MONTH for a
 * month the calendar does not have (13月). A month without its year is the latest so named that has
 * begun: 11月 said in December is this year's, 12月 said in January last year's.
 */
function monthNamed(input: string, now: Date): Date | typeof NO_SUCH_MONTH | undefined {
  const shift = MONTH_WORDS.get(input);
  if (shift !== undefined) return startOfMonth(addMonths(now, shift));
  const found = (ISO_MONTH.exec(input) ?? CALENDAR_MONTH.exec(input))?.groups;
  if (found === undefined) return undefined;
  const month = countIn(found.month!);
  if (month === undefined || month < 1 || month > 12) return NO_SUCH_MONTH;
  const year = found.year !== undefined ? Number(found.year) : now.getFullYear() - (month > now.getMonth() + 1 ? 1 : 0);
  return new Date(year, month - 1, 1);
}

/**
 * Reads a point in time as the user typed it, in local time; `flag` names it in the error, which
 * lists the forms `unread` says (a range bound's include months). Where what was typed may be two
 * moments (2点, 12月28日), `leaning` says which way from now to look; a week (上周) is the shop's,
 * starting on `weekStart`.
 */
export function parseWhen(
  text: string,
  now: Date,
  flag: string,
  leaning: Leaning = 'either',
  weekStart: WeekStart = 'monday',
  unread: 'when.notADate' | 'when.notADateOrMonth' | 'when.notADeadline' = 'when.notADate',
): When {
  const plain = halfWidth(text);
  const input = plain.toLowerCase();
  if (NOW_WORDS.has(input)) return { at: now, dateOnly: false };
  const days = DAY_WORDS.get(input);
  if (days !== undefined) return { at: startOfDay(addDays(now, days)), dateOnly: true };

  const relative = relativeShift(input);
  if (relative) {
    const shift = { min: addMinutes, h: addHours, d: addDays, w: addWeeks, mo: addMonths }[relative.unit];
    return { at: shift(now, relative.amount), dateOnly: false };
  }
  const noSuchDay = () => new UsageError(t('when.noSuchDay', { flag, text }));
  const written = dayAndClock(input, now, leaning, weekStart);
  if (written === NO_SUCH_DAY) throw noSuchDay();
  if (written !== undefined) return written;

  // A part of the day is no time: 明早 is any time of the morning. But 中午 is said of noon itself.
  if (PART_WITHOUT_HOUR.test(input)) {
    const noon = input.endsWith('中午') ? dayAndClock(`${input}12点`, now, leaning, weekStart) : undefined;
    if (noon !== undefined) {
      if (noon === NO_SUCH_DAY) throw noSuchDay();
      return noon;
    }
    throw new UsageError(t('when.partNeedsHour', { flag, text, example: `${text.trim()}${typicalHourOf(input)}点` }));
  }

  const upper = plain.toUpperCase();
  if (ABSOLUTE.test(upper)) {
    const at = parseISO(upper);
    if (isValid(at)) return { at, dateOnly: upper.length === 10 };
    // Written as a date, and none: 2026-02-30.
    if (!isValid(parseISO(upper.slice(0, 10)))) throw noSuchDay();
  }
  // The message lists the shapes read here, in the words of the language spoken.
  // A deadline's example is a day ahead of today, as a fixed date would soon lie in the past.
  throw new UsageError(t(unread, { flag, text, day: localDate(addDays(now, 2)) }));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when `text` is a real moment written exactly as toISOString writes it
 * (`2026-11-23T10:00:00.000Z`): parseWhen reads it, and toISOString gives the same text back. An
 * imported file holds millions of these, and checking the fields here is far faster than
 * parseISO (ed1313c).
 */
export function isCanonicalInstant(text: string): boolean {
  if (!CANONICAL.test(text)) return false;
  const twoDigits = (at: number) => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
  const year = twoDigits(0) * 100 + twoDigits(2);
  const month = twoDigits(5);
  const day = twoDigits(8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && twoDigits(11) < 24 && twoDigits(14) < 60 && twoDigits(17) < 60;
}

/** A minute's grace for the clocks of two tills that differ slightly. */
export const CLOCK_GRACE_MS = 60_000;

/** A moment something happened: never later than now, as a complaint cannot be made in the future, nor before EARLIEST. */
export function parsePast(text: string, now: Date, flag: string): Date {
  const { at } = parseWhen(text, now, flag, 'past');
  if (at.getTime() > now.getTime() + CLOCK_GRACE_MS) {
    throw new UsageError(t('when.inFuture', { flag, text }));
  }
  return notBeforeEarliest(at, text, flag);
}

/**
 * When the customer must hear back: any time from EARLIEST on (whether it is after the complaint
 * is the step's to check). A bare day means by its end, the last moment shown as 23:59: "by
 * tomorrow" set at 00:00 would fall due tonight; a week (本周) by its end too. A deadline may also
 * be said by what it falls within or before (周五前, 本周内, 月底: deadlineSaid).
 */
export function parseRespondBy(text: string, now: Date, flag = '--respond-by'): Date {
  let when: When;
  try {
    when = parseWhen(text, now, flag, 'future', 'monday', 'when.notADeadline');
  } catch (error) {
    const said = deadlineSaid(halfWidth(text).trim(), now, flag);
    // 下班前 is a common deadline, but when the shop closes is not known here: the hour is asked for.
    if (said === undefined && CLOSING_WORDS.test(text)) throw new UsageError(t('when.closingNotKnown', { flag, text }));
    if (said === undefined) throw error;
    return withinReach(said, text, now, flag);
  }
  return withinReach(byTheEndOf(when), text, now, flag);
}

/**
 * The most a deadline may be ahead: 明年内 by the end of next year and no further. A deadline
 * years off is most likely a year mistyped (2200-01-01), which would keep the complaint off
 * every overdue list and count it answered in time.
 */
const DEADLINE_MOST_YEARS = 2;

function withinReach(deadline: Date, text: string, now: Date, flag: string): Date {
  if (deadline > addYears(now, DEADLINE_MOST_YEARS)) throw new UsageError(t('when.deadlineTooFar', { flag, text }));
  return notBeforeEarliest(deadline, text, flag);
}

/** The last moment `when` names: a moment itself, a day or a week (Monday to Sunday, as said in Chinese) to its last millisecond. */
function byTheEndOf({ at, dateOnly, wholeWeek }: When): Date {
  const after = wholeWeek ? addDays(at, 7) : dateOnly ? addDays(at, 1) : undefined;
  return after === undefined ? at : justBefore(after);
}

// A deadline as a Chinese-speaking owner says it, by the end of a month or year (月底, 下个月底,
// 今年年底, each with 前 or not), or by what it falls within or before: 本周内, 今天之内, 下个月内,
// 周五前 (said for "by Friday", so to Friday's end), 明天下午3点以前.
const END_OF_MONTH_OR_YEAR = /^(?<which>本|这个?|今|下个?|明)?(?<unit>月|年)\k<unit>?[底末](?:[之以]?前)?$/;
// A month named by its number, by its end or within it: 12月底, 12月末前, 2027年1月内.
const END_OF_NAMED_MONTH = new RegExp(`^(?:(?<year>\\d{4})\\s*年\\s*)?(?<month>${NUMBER})\\s*月份?(?:[底末](?:[之以]?前)?|[之以]?内)$`);
const WITHIN_OR_BEFORE = /^(?<by>.+?)\s*[之以]?[前内]$/;
// Within a year said alone, from now: 年内, 今年内, 明年之内.
const YEARS_ON: ReadonlyMap<string, number> = new Map([
  ...['年', '今年', '本年', '这一年'].map((word) => [word, 0] as const),
  ...['明年', '下一年'].map((word) => [word, 1] as const),
]);
const CLOSING_WORDS = /下班|打烊|关门|收工|收摊/;

/** The deadline `input` says as END_OF_MONTH_OR_YEAR or WITHIN_OR_BEFORE reads it, undefined when it says none. */
function deadlineSaid(input: string, now: Date, flag: string): Date | undefined {
  const end = END_OF_MONTH_OR_YEAR.exec(input)?.groups;
  if (end !== undefined) {
    const ahead = end.which?.startsWith('下') || end.which === '明' ? 1 : 0;
    return end.unit === '月' ? endOfMonthsOn(now, ahead) : endOfYearsOn(now, ahead);
  }
  const named = END_OF_NAMED_MONTH.exec(input)?.groups;
  if (named !== undefined) return endOfMonthNamed(named.month!, named.year, now);
  const by = WITHIN_OR_BEFORE.exec(input)?.groups?.by;
  if (by === undefined) return undefined;
  // 今晚前: the evening, as 今晚 alone, is no time of its own.
  if (PART_WITHOUT_HOUR.test(by) && !by.endsWith('中午')) {
    throw new UsageError(t('when.partNeedsHour', { flag, text: input, example: `${by}${typicalHourOf(by)}点前` }));
  }
  // 月内 is within this month, as 本月内.
  const monthsOn = by === '月' ? 0 : MONTH_WORDS.get(by);
  if (monthsOn !== undefined) return endOfMonthsOn(now, monthsOn);
  const yearsOn = YEARS_ON.get(by);
  if (yearsOn !== undefined) return endOfYearsOn(now, yearsOn);
  try {
    return byTheEndOf(parseWhen(by, now, flag, 'future'));
  } catch {
    return undefined;
  }
}

/** The last moment of the month `months` on from now's (0: this month's). */
function endOfMonthsOn(now: Date, months: number): Date {
  return justBefore(addMonths(startOfMonth(now), months + 1));
}

/** The last moment of the year `years` on from now's (0: this year's). */
function endOfYearsOn(now: Date, years: number): Date {
  return justBefore(new Date(now.getFullYear() + years + 1, 0, 1));
}

function justBefore(at: Date): Date {
  return new Date(at.getTime() - 1);
}

/**
 * The last moment of the month numbered `month` (in figures or Chinese numerals), of `year` when
 * given, else the next that has not ended: 12月底 said in November is this year's, 1月底 next year's.
 */
function endOfMonthNamed(month: string, year: string | undefined, now: Date): Date | undefined {
  const number = countIn(month);
  if (number === undefined || number < 1 || number > 12) return undefined;
  const inYear = year !== undefined ? Number(year) : now.getFullYear() + (number < now.getMonth() + 1 ? 1 : 0);
  return justBefore(new Date(inYear, number, 1));
}

/** The first moment of tomorrow, local time: what is due "today" is due before it. */
export function endOfToday(now: Date): Date {
  return startOfDay(addDays(now, 1));
}

function notBeforeEarliest(at: Date, text: string, flag: string): Date {
  if (at < EARLIEST) throw new UsageError(t('when.beforeEarliest', { flag, text, year: localYear(EARLIEST) }));
  return at;
}

/**
 * A moment as a person reads it, in local time to the minute: 2026-11-23 13:00. Written here
 * rather than by date-fns's format, which parses its pattern each time: a list of 100,000
 * complaints spent ~2.5 s of its ~8 s there. A test holds the two to the same text.
 */
export function localMinute(at: Date | string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  return `${localDate(date)} ${localClock(date)}`;
}

/** A day in local time as yyyy-MM-dd: 2026-11-23. */
export function localDate(date: Date): string {
  return `${localYear(date)}-${digits(date.getMonth() + 1)}-${digits(date.getDate())}`;
}

/** A time of day in local time as HH:mm: 09:30. */
export function localClock(date: Date): string {
  return `${digits(date.getHours())}:${digits(date.getMinutes())}`;
}

/** A local year in four digits or more, as format's yyyy writes it: a year before year 1 counted back from it (year 0 is 1 BC). */
export function localYear(date: Date): string {
  const year = date.getFullYear();
  return digits(year > 0 ? year : 1 - year, 4);
}

function digits(value: number, least = 2): string {
  return String(value).padStart(least, '0');
}

/**
 * The earliest moment to name, to the minute, when a time must not be before `at`: the minute
 * `at` falls in when it is a whole minute, else the next, so that typing it back is accepted.
 */
export function notBeforeMinute(at: string): string {
  const ms = Date.parse(at);
  return localMinute(new Date(Math.ceil(ms / 60_000) * 60_000));
}

/**
 * The month `text` names as a range bound (上个月, 2026-11), from its first day to the next
 * month's; undefined when it names none. Only a range takes a month: it is no moment (--at) nor
 * deadline (--respond-by).
 */
export function monthNamedIn(text: string, now: Date, flag: string): { since: Date; until: Date } | undefined {
  const first = monthNamed(halfWidth(text).trim().toLowerCase(), now);
  if (first === NO_SUCH_MONTH) throw new UsageError(t('when.noSuchMonth', { flag, text }));
  return first === undefined ? undefined : { since: first, until: addMonths(first, 1) };
}

/** The start of a range, inclusive; a week (上周) starts on the shop's `weekStart`, a month (上个月) on its 1st. */
export function parseSince(text: string, now: Date, flag = '--since', weekStart: WeekStart = 'monday'): Date {
  return monthNamedIn(text, now, flag)?.since ?? parseWhen(text, now, flag, 'either', weekStart, 'when.notADateOrMonth').at;
}

/** The end of a range, exclusive: a bare day includes that whole day, a week (上周) or a month (上个月) the whole of it. */
export function parseUntil(text: string, now: Date, flag = '--until', weekStart: WeekStart = 'monday'): Date {
  const month = monthNamedIn(text, now, flag);
  if (month !== undefined) return month.until;
  const { at, dateOnly, wholeWeek } = parseWhen(text, now, flag, 'either', weekStart, 'when.notADateOrMonth');
  return wholeWeek ? addDays(at, 7) : dateOnly ? addDays(at, 1) : at;
}
