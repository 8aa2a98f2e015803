import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format } from 'date-fns/format';
import { isCanonicalInstant, localClock, localDate, localMinute as shownMinute, parsePast, parseRespondBy, parseSince, parseUntil, parseWhen } from '../../src/domain/when.js';
import { UsageError } from '../../src/errors.js';

// Every expectation is built with Date's local-time constructors, so these tests hold in whatever
// time zone they run (try TZ=Asia/Shanghai or TZ=America/Los_Angeles).
const now = new Date(2026, 10, 23, 15, 45, 30, 250);
const HOUR = 3_600_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const localDay = (d: Date) => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localMinute = (d: Date) => `${localDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** `now` moved by whole calendar days, keeping its local time of day. */
const daysFrom = (from: Date, days: number) =>
  new Date(from.getFullYear(), from.getMonth(), from.getDate() + days, from.getHours(), from.getMinutes(), from.getSeconds(), from.getMilliseconds());

const at = (text: string, when = now) => parseWhen(text, when, '--at').at.getTime();

describe('parseWhen: words', () => {
  it('reads now as the given moment', () => {
    expect(parseWhen('now', now, '--at')).toEqual({ at: now, dateOnly: false });
  });

  it.each(['today', 'TODAY', '  Today '])('reads %j as the start of the local day', (text) => {
    expect(parseWhen(text, now, '--at')).toEqual({ at: new Date(2026, 10, 23), dateOnly: true });
  });

  it('reads yesterday as the start of the previous local day', () => {
    expect(parseWhen('yesterday', now, '--at')).toEqual({ at: new Date(2026, 10, 22), dateOnly: true });
  });

  it('reads yesterday across a month and a year boundary', () => {
    expect(at('yesterday', new Date(2027, 0, 1, 0, 30))).toBe(new Date(2026, 11, 31).getTime());
  });

  it('reads tomorrow as the start of the next local day, across a year boundary', () => {
    expect(parseWhen('Tomorrow', now, '--respond-by')).toEqual({ at: new Date(2026, 10, 24), dateOnly: true });
    expect(at('tomorrow', new Date(2026, 11, 31, 23, 30))).toBe(new Date(2027, 0, 1).getTime());
  });

  it.each([
    ['今天', 0],
    ['昨天', -1],
    ['前天', -2],
    ['明天', 1],
    ['后天', 2],
    [' 明天　', 1],
  ])('reads the Chinese day %j as the start of its local day', (text, days) => {
    expect(parseWhen(text, now, '--at')).toEqual({ at: new Date(2026, 10, 23 + days), dateOnly: true });
  });

  it.each(['现在', '刚才', '刚刚'])('reads %j as the given moment', (text) => {
    expect(parseWhen(text, now, '--at')).toEqual({ at: now, dateOnly: false });
  });
});

describe('parseWhen: dates and times', () => {
  it('reads a bare date as local midnight and marks it as a whole day', () => {
    expect(parseWhen('2026-11-20', now, '--at')).toEqual({ at: new Date(2026, 10, 20), dateOnly: true });
  });

  it.each([
    ['2026-11-20 14:30', new Date(2026, 10, 20, 14, 30)],
    ['2026-11-20T14:30', new Date(2026, 10, 20, 14, 30)],
    ['2026-11-20t14:30', new Date(2026, 10, 20, 14, 30)],
    ['2026-11-20 14:30:15', new Date(2026, 10, 20, 14, 30, 15)],
    ['2026-11-20T14:30:15.123', new Date(2026, 10, 20, 14, 30, 15, 123)],
    ['  2026-11-20 14:30  ', new Date(2026, 10, 20, 14, 30)],
    // Full-width digits, dash and colon, as a Chinese input method types them.
    ['２０２６－１１－２０　１４：３０', new Date(2026, 10, 20, 14, 30)],
  ])('reads %j as local time', (text, expected) => {
    expect(parseWhen(text, now, '--at')).toEqual({ at: expected, dateOnly: false });
  });

  it.each([
    ['2026-11-20T14:30:00Z', Date.UTC(2026, 10, 20, 14, 30)],
    ['2026-11-20t14:30:00.500z', Date.UTC(2026, 10, 20, 14, 30, 0, 500)],
    ['2026-11-20T14:30Z', Date.UTC(2026, 10, 20, 14, 30)],
    ['2026-11-20T14:30:00+05:30', Date.UTC(2026, 10, 20, 9, 0)],
    ['2026-11-20T14:30:00+0530', Date.UTC(2026, 10, 20, 9, 0)],
    ['2026-11-20T14:30:00+05', Date.UTC(2026, 10, 20, 9, 30)],
    ['2026-11-20T14:30:00-08:00', Date.UTC(2026, 10, 20, 22, 30)],
    ['2026-11-20 14:30+01:00', Date.UTC(2026, 10, 20, 13, 30)],
    ['2026-11-20T14:30:00+14:00', Date.UTC(2026, 10, 20, 0, 30)],
    ['2026-11-20T14:30:00-12:00', Date.UTC(2026, 10, 21, 2, 30)],
  ])('reads %j with its own offset, whatever the local zone', (text, expected) => {
    expect(at(text)).toBe(expected);
  });

  it('reads a local time on the day the clocks go forward as Date does', () => {
    // 02:30 does not exist on these days in the US and EU zones; the answer must still agree with Date.
    expect(at('2026-03-08 02:30')).toBe(new Date(2026, 2, 8, 2, 30).getTime());
    expect(at('2026-03-29 01:30')).toBe(new Date(2026, 2, 29, 1, 30).getTime());
  });
});

describe('parseWhen: relative times', () => {
  it.each([
    ['5h', now.getTime() - 5 * HOUR],
    ['5H', now.getTime() - 5 * HOUR],
    ['-5h', now.getTime() - 5 * HOUR],
    ['+3h', now.getTime() + 3 * HOUR],
    ['0h', now.getTime()],
    ['3d', daysFrom(now, -3).getTime()],
    [' 3D ', daysFrom(now, -3).getTime()],
    ['-3d', daysFrom(now, -3).getTime()],
    ['+2d', daysFrom(now, 2).getTime()],
    ['2w', daysFrom(now, -14).getTime()],
    ['+1w', daysFrom(now, 7).getTime()],
    // In words, as an English-speaking owner types them.
    ['2 hours ago', now.getTime() - 2 * HOUR],
    ['1 hour ago', now.getTime() - HOUR],
    ['3 hrs ago', now.getTime() - 3 * HOUR],
    ['30 minutes ago', now.getTime() - HOUR / 2],
    ['20 mins ago', now.getTime() - HOUR / 3],
    ['3 days ago', daysFrom(now, -3).getTime()],
    ['1 Day ago', daysFrom(now, -1).getTime()],
    ['2 weeks ago', daysFrom(now, -14).getTime()],
    ['+2 days', daysFrom(now, 2).getTime()],
    // As a Chinese-speaking owner types them, with the input method's full-width digits too.
    ['5小时前', now.getTime() - 5 * HOUR],
    ['5个小时前', now.getTime() - 5 * HOUR],
    ['３小时后', now.getTime() + 3 * HOUR],
    ['3天前', daysFrom(now, -3).getTime()],
    ['3 天以前', daysFrom(now, -3).getTime()],
    ['2日后', daysFrom(now, 2).getTime()],
    ['2天之后', daysFrom(now, 2).getTime()],
    ['2周前', daysFrom(now, -14).getTime()],
    ['1个星期后', daysFrom(now, 7).getTime()],
    ['1礼拜前', daysFrom(now, -7).getTime()],
    // And in Chinese numerals, as it is said.
    ['三天前', daysFrom(now, -3).getTime()],
    ['两个星期前', daysFrom(now, -14).getTime()],
    ['十小时前', now.getTime() - 10 * HOUR],
    ['十二小时后', now.getTime() + 12 * HOUR],
    ['二十天前', daysFrom(now, -20).getTime()],
    ['三十五天前', daysFrom(now, -35).getTime()],
    // Half an hour, and minutes.
    ['半小时前', now.getTime() - HOUR / 2],
    ['半个小时后', now.getTime() + HOUR / 2],
    ['20分钟前', now.getTime() - HOUR / 3],
    ['十分钟后', now.getTime() + HOUR / 6],
    // A half more, and a deadline within some time.
    ['一个半小时前', now.getTime() - 1.5 * HOUR],
    ['2个半钟头后', now.getTime() + 2.5 * HOUR],
    ['两天半前', now.getTime() - 60 * HOUR],
    ['三天内', daysFrom(now, 3).getTime()],
    ['24小时之内', now.getTime() + 24 * HOUR],
    ['2天以内', daysFrom(now, 2).getTime()],
    ['一个月内', new Date(2026, 11, 23, 15, 45, 30, 250).getTime()],
    ['3个月前', new Date(2026, 7, 23, 15, 45, 30, 250).getTime()],
    ['半个月后', daysFrom(now, 15).getTime()],
    ['一个半月内', now.getTime() + 45 * 24 * HOUR],
    // Counts of any size, as said.
    ['一百天内', daysFrom(now, 100).getTime()],
    ['一百五十分钟前', now.getTime() - 2.5 * HOUR],
  ])('reads %j relative to now', (text, expected) => {
    expect(parseWhen(text, now, '--at')).toEqual({ at: new Date(expected), dateOnly: false });
  });

  it('counts days and weeks as calendar days in local time, across a clock change', () => {
    const spring = new Date(2026, 2, 30, 12, 0);
    expect(at('2w', spring)).toBe(new Date(2026, 2, 16, 12, 0).getTime());
    expect(at('+1w', new Date(2026, 9, 28, 12, 0))).toBe(new Date(2026, 10, 4, 12, 0).getTime());
  });

  it('counts hours as elapsed time, across a clock change', () => {
    const spring = new Date(2026, 2, 30, 12, 0);
    expect(at('336h', spring)).toBe(spring.getTime() - 336 * HOUR);
  });
});

describe('parseWhen: a day and a time of day as written in Chinese, or beside a day word', () => {
  const today = (hours: number, minutes = 0) => new Date(2026, 10, 23, hours, minutes).getTime();
  const dayOf = (day: number, hours = 0, minutes = 0) => new Date(2026, 10, day, hours, minutes).getTime();
  it.each([
    ['下午3点', today(15)],
    ['下午三点半', today(15, 30)],
    ['9点15分', today(9, 15)],
    ['十点二十分', today(10, 20)],
    ['上午10点', today(10)],
    ['中午12点', today(12)],
    ['中午1点', today(13)],
    ['晚上八点', today(20)],
    ['晚上12点', dayOf(24)],
    ['凌晨12点', today(0)],
    ['15:00', today(15)],
    ['１５：００', today(15)],
    ['明天下午3点', dayOf(24, 15)],
    ['明天 15:00', dayOf(24, 15)],
    ['昨天晚上8点', dayOf(22, 20)],
    ['tomorrow 15:00', dayOf(24, 15)],
    ['2026年11月20日 14:30', dayOf(20, 14, 30)],
    ['11月20号下午2点', dayOf(20, 14)],
    ['2026/11/20 14:30', dayOf(20, 14, 30)],
    ['2026.11.20 14:30', dayOf(20, 14, 30)],
  ])('reads %j as that moment, local time', (text, expected) => {
    expect(parseWhen(text, now, '--at')).toEqual({ at: new Date(expected), dateOnly: false });
  });

  it.each([
    ['2026年11月20日', dayOf(20)],
    ['11月20日', dayOf(20)],
    ['11月20号', dayOf(20)],
    ['2026/11/20', dayOf(20)],
    ['2026.11.20', dayOf(20)],
    ['２０２６．１１．２０', dayOf(20)],
    ['2025年2月3日', new Date(2025, 1, 3).getTime()],
  ])('reads %j as a whole day', (text, expected) => {
    expect(parseWhen(text, now, '--at')).toEqual({ at: new Date(expected), dateOnly: true });
    // As a respond-by, by the day's end.
    expect(parseRespondBy(text, now).getTime()).toBe(expected + 24 * HOUR - 1);
  });
});

describe('parseWhen: a day of the month alone', () => {
  // Monday 23 November 2026.
  it.each([
    ['20号', new Date(2026, 10, 20)],
    ['二十三日', new Date(2026, 10, 23)],
    // To come: last month's, as something that happened.
    ['29号', new Date(2026, 9, 29)],
    ['29号下午3点', new Date(2026, 9, 29, 15)],
  ])('reads %j as a day gone by for what happened', (text, expected) => {
    expect(parsePast(text, now, '--at')).toEqual(expected);
  });

  it('reads a day of the month as a range bound as the nearest so numbered', () => {
    expect(parseSince('29号', now)).toEqual(new Date(2026, 10, 29));
    expect(parseSince('29号', new Date(2026, 11, 5))).toEqual(new Date(2026, 10, 29));
    expect(parseUntil('2号', now)).toEqual(new Date(2026, 11, 3));
  });

  it.each([
    ['30号', new Date(2026, 10, 30, 23, 59, 59, 999)],
    // Passed: next month's, as a deadline.
    ['5号', new Date(2026, 11, 5, 23, 59, 59, 999)],
  ])('reads %j as a day to come for a deadline', (text, expected) => {
    expect(parseRespondBy(text, now)).toEqual(expected);
  });

  it.each(['2200-01-01', '2029-01-01', '1000天内'])('refuses %j as a deadline: more than two years away, a year mistyped', (text) => {
    expect(() => parseRespondBy(text, now)).toThrow("--respond-by: '" + text + "' is more than two years away");
  });

  it.each(['明年内', '明年年底', '2028-11-01'])('takes %j as a deadline, within two years', (text) => {
    expect(parseRespondBy(text, now).getTime()).toBeGreaterThan(now.getTime());
  });

  it.each(['0号', '32号'])('refuses %j, a day no month has', (text) => {
    expect(() => parsePast(text, now, '--at')).toThrow(UsageError);
  });

  it('refuses as a deadline a day this month does not have, and takes it as what happened last month', () => {
    expect(() => parseRespondBy('31号', now)).toThrow(UsageError);
    expect(parsePast('31号', now, '--at')).toEqual(new Date(2026, 9, 31));
    // The month just gone lacking it too, the latest 31st gone by.
    expect(parsePast('31号', new Date(2026, 11, 3, 10), '--at')).toEqual(new Date(2026, 9, 31));
    expect(parsePast('30号', new Date(2027, 2, 3, 10), '--at')).toEqual(new Date(2027, 0, 30));
  });
});

describe('parseWhen: an hour said without a part of the day, and a day without its year', () => {
  const on = (hours: number, minutes = 0, day = 24) => new Date(2026, 10, day, hours, minutes);
  it.each([
    // Something that happened: the latest such hour gone by, within the shop's hours where one is.
    ['2点', on(18), on(14)],
    ['三点二十', on(23, 30), on(15, 20)],
    ['8点', on(18), on(8)],
    ['8点', on(22, 30), on(20)],
    // At ten in the morning the 两点 gone by within the shop's hours is yesterday's.
    ['两点', on(10), on(14, 0, 23)],
    // A time of day alone that is still to come today is yesterday's.
    ['15:00', on(10), on(15, 0, 23)],
    ['3点', on(1), on(15, 0, 23)],
  ])('--at %j at %s is %s', (text, now, expected) => {
    expect(parsePast(text, now, '--at')).toEqual(expected);
  });

  it.each([
    // A deadline: the first such hour to come, within the shop's hours where one is.
    ['两点', on(10), on(14)],
    ['5点', on(10), on(17)],
    ['明天两点', on(10), on(14, 0, 25)],
    ['明天8点', on(10), on(8, 0, 25)],
    // A time of day alone that has gone by today is tomorrow's.
    ['8点', on(21), on(8, 0, 25)],
    ['十点', on(23, 30), on(10, 0, 25)],
    ['3点一刻', on(21), on(15, 15, 25)],
    ['凌晨2点', on(21), on(2, 0, 25)],
    ['下午3点', on(21), on(15, 0, 25)],
    ['15:00', on(21), on(15, 0, 25)],
    ['今天15:00', on(21), on(15)],
  ])('--respond-by %j at %s is %s', (text, now, expected) => {
    expect(parseRespondBy(text, now)).toEqual(expected);
  });

  // Tuesday 24 November 2026.
  it.each([
    ['周五', on(23, 59, 27)],
    ['周二', on(23, 59, 24)],
    ['周一', on(23, 59, 30)],
    ['下周一', on(23, 59, 30)],
    ['下周二', on(23, 59, 1 + 30)],
    ['这周日', on(23, 59, 29)],
    ['礼拜天', on(23, 59, 29)],
    ['大后天', on(23, 59, 27)],
  ])('--respond-by %j on a Tuesday is %s', (text, expected) => {
    expect(parseRespondBy(text, on(10)).getTime()).toBe(expected.getTime() + 59_999);
  });

  it('reads a weekday with a time of day as that day at that time, a week on for a deadline gone by, a week back for a time to come', () => {
    expect(parseRespondBy('星期五下午3点', on(10))).toEqual(on(15, 0, 27));
    // Friday 27 November at ten.
    expect(parseRespondBy('星期五上午9点', on(10, 0, 27))).toEqual(on(9, 0, 27 + 7));
    expect(parseRespondBy('周五下午3点', on(10, 0, 27))).toEqual(on(15, 0, 27));
    expect(parsePast('星期五下午3点', on(10, 0, 27), '--at')).toEqual(on(15, 0, 20));
    expect(parsePast('周五上午9点', on(10, 0, 27), '--at')).toEqual(on(9, 0, 27));
    // Monday 30 November at nine in the evening: this Monday's 8 o'clocks are gone.
    expect(parseRespondBy('周一8点', on(21, 0, 30))).toEqual(on(8, 0, 30 + 7));
  });

  // Tuesday 24 November 2026, at ten.
  it.each([
    ['周五前', on(23, 59, 27)],
    ['星期五之前', on(23, 59, 27)],
    ['下周一以前', on(23, 59, 30)],
    ['明天前', on(23, 59, 25)],
    ['今天之内', on(23, 59, 24)],
    ['30号前', on(23, 59, 30)],
    ['本周内', on(23, 59, 29)],
    ['这周之内', on(23, 59, 29)],
    ['本周', on(23, 59, 29)],
    ['下周内', new Date(2026, 11, 6, 23, 59)],
    ['月底', on(23, 59, 30)],
    ['月底前', on(23, 59, 30)],
    ['这个月底', on(23, 59, 30)],
    ['本月内', on(23, 59, 30)],
    ['下个月底', new Date(2026, 11, 31, 23, 59)],
    ['下月内', new Date(2026, 11, 31, 23, 59)],
    ['年底', new Date(2026, 11, 31, 23, 59)],
    ['明年年底', new Date(2027, 11, 31, 23, 59)],
    ['12月底', new Date(2026, 11, 31, 23, 59)],
    ['十二月末', new Date(2026, 11, 31, 23, 59)],
    ['11月底前', on(23, 59, 30)],
    ['12月内', new Date(2026, 11, 31, 23, 59)],
    // A month gone by this year is next year's.
    ['1月底', new Date(2027, 0, 31, 23, 59)],
    ['2027年2月底', new Date(2027, 1, 28, 23, 59)],
    ['月内', on(23, 59, 30)],
    ['今年内', new Date(2026, 11, 31, 23, 59)],
    ['年内', new Date(2026, 11, 31, 23, 59)],
    ['明年之内', new Date(2027, 11, 31, 23, 59)],
  ])('--respond-by %j on a Tuesday is by the end of %s', (text, expected) => {
    expect(parseRespondBy(text, on(10)).getTime()).toBe(expected.getTime() + 59_999);
  });

  it('reads a moment said with before as that moment', () => {
    expect(parseRespondBy('明天下午3点前', on(10))).toEqual(on(15, 0, 25));
    expect(parseRespondBy('周五中午12点之前', on(10))).toEqual(on(12, 0, 27));
  });

  it.each(['今天下班前', '打烊之前'])('asks for the hour of %j, as when the shop closes is not known', (text) => {
    expect(() => parseRespondBy(text, on(10))).toThrow(/when the shop closes is not known|不知道本店几点下班/);
  });

  it.each(['前', '内', '月底后', '上班以内', '13月底', '12月前'])('refuses %j as a deadline, naming the forms a deadline takes', (text) => {
    expect(() => parseRespondBy(text, on(10))).toThrow(/not a time to respond by|不是答复期限/);
  });

  it.each([
    ['今晚前', '今晚7点前'],
    ['明早前', '明早8点前'],
  ])('asks for the hour of %j, a part of the day being no time of its own, as %j', (text, example) => {
    expect(() => parseRespondBy(text, on(10))).toThrow(new RegExp(`${text}.*${example}`));
  });

  it('takes a deadline said at that very minute as the next such time', () => {
    expect(parseRespondBy('8点', on(20))).toEqual(on(8, 0, 25));
  });

  it.each([
    ['周五', on(0, 0, 20)],
    ['周二', on(0, 0, 24)],
    ['上周五晚上8点', on(20, 0, 20)],
    ['星期一上午10点', on(10, 0, 23)],
    ['大前天', on(0, 0, 21)],
  ])('--at %j on a Tuesday is %s', (text, expected) => {
    expect(parsePast(text, on(10), '--at')).toEqual(expected);
  });

  it('reads a week word alone as its Monday, and a weekday alone as this week\'s, for a range bound', () => {
    expect(parseSince('上周', on(10))).toEqual(on(0, 0, 16));
    expect(parseSince('这周', on(10))).toEqual(on(0, 0, 23));
    expect(parseSince('周五', on(10))).toEqual(on(0, 0, 27));
    expect(() => parseSince('五', on(10))).toThrow(/not a date|不是日期/);
  });

  it('reads a week word alone as the shop\'s week, from the day it starts on, and as an end the whole of it', () => {
    // on(10) is Tuesday 2026-11-24; the Sunday-started week holding it began on the 22nd.
    expect(parseSince('上周', on(10), '--since', 'sunday')).toEqual(on(0, 0, 15));
    expect(parseSince('这周', on(10), '--since', 'sunday')).toEqual(on(0, 0, 22));
    expect(parseSince('这周', on(10), '--since', 'saturday')).toEqual(on(0, 0, 21));
    expect(parseSince('上上周', on(10))).toEqual(on(0, 0, 9));
    expect(parseUntil('上周', on(10))).toEqual(on(0, 0, 23));
    expect(parseUntil('上周', on(10), '--until', 'sunday')).toEqual(on(0, 0, 22));
    // A Sunday is the first day of its week when weeks start then, the last when they start on Monday.
    const sunday = new Date(2026, 10, 29, 10);
    expect(parseSince('这周', sunday, '--since', 'sunday')).toEqual(new Date(2026, 10, 29));
    expect(parseSince('这周', sunday)).toEqual(new Date(2026, 10, 23));
    // A day named in a week is the calendar's, whatever the shop's weeks: 下下周一.
    expect(parseSince('下下周一', on(10), '--since', 'sunday')).toEqual(on(0, 0, 7 + 30));
    expect(() => parseSince('上周3点', on(10))).toThrow(/not a date|不是日期/);
  });

  it('reads a range bound as the hour typed unless only the other is within the shop hours', () => {
    expect(parseSince('9点', on(15))).toEqual(on(9));
    expect(parseSince('2点', on(15))).toEqual(on(14));
    expect(parseSince('2:30', on(15))).toEqual(on(2, 30));
  });

  it('takes a day without its year as the nearest of that date, across the new year', () => {
    const january = new Date(2027, 0, 5, 10, 0);
    expect(parseSince('12月28日', january)).toEqual(new Date(2026, 11, 28));
    expect(parsePast('12月28日 18:00', january, '--at')).toEqual(new Date(2026, 11, 28, 18, 0));
    expect(parseRespondBy('1月3日', new Date(2026, 11, 30, 10, 0))).toEqual(new Date(2027, 0, 3, 23, 59, 59, 999));
    expect(parseSince('6月1日', new Date(2026, 10, 24))).toEqual(new Date(2026, 5, 1));
  });

  it.each([
    ['昨晚8点', on(20, 0, 23)],
    ['今晚8点', on(20)],
    ['今早8点', on(8)],
    ['夜里11点', on(23)],
    ['半夜12点', on(0, 0, 25)],
    ['半夜1点', on(1)],
    ['零点', on(0)],
    ['晚上12点半', on(0, 30, 25)],
    ['3点一刻', on(15, 15)],
    ['3点三刻', on(15, 45)],
    ['3点整', on(15)],
    ['9点零5分', on(9, 5)],
    ['上午12点', on(12)],
    ['十一月二十日', on(0, 0, 20)],
  ])('reads %j', (text, expected) => {
    expect(parseWhen(text, on(10), '--at').at).toEqual(expected);
  });
});

describe('parseWhen: refusals', () => {
  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-11-31', '2026-02-30 10:00', '2月30日', '2026年13月1日', '2025年2月29日下午3点', '11月31日'])(
    'refuses %j as no day of the calendar',
    (text) => {
      expect(() => parseWhen(text, now, '--at')).toThrow(new UsageError(`--at: '${text}' is no day of the calendar; check the month and the day`));
    },
  );

  it('reads 中午 alone as noon, the hour it is said of', () => {
    expect(parseRespondBy('明天中午', now)).toEqual(new Date(2026, 10, 24, 12));
    expect(parseRespondBy('周五中午前', now)).toEqual(new Date(2026, 10, 27, 12));
    expect(parsePast('中午', now, '--at')).toEqual(new Date(2026, 10, 23, 12));
    expect(parsePast('昨天中午', now, '--at')).toEqual(new Date(2026, 10, 22, 12));
    expect(() => parsePast('2月30日中午', now, '--at')).toThrow(/no day of the calendar/);
  });

  it.each([
    ['明早', '明早8点'],
    ['今晚', '今晚7点'],
    ['明天上午', '明天上午10点'],
    ['周五下午', '周五下午3点'],
    ['下周一早上', '下周一早上8点'],
    ['11月20日下午', '11月20日下午3点'],
    ['下午', '下午3点'],
    ['凌晨', '凌晨5点'],
  ])('refuses %j as a part of a day, asking for the hour with one that fits it', (text, example) => {
    expect(() => parseWhen(text, now, '--respond-by')).toThrow(
      new UsageError(`--respond-by: '${text}' is a part of a day, not a time; give the hour too, such as '${example}'`),
    );
    expect(() => parseWhen(example, now, '--respond-by')).not.toThrow();
  });

  it.each([
    '2026-11-20 25:00',
    '2026-11-20 14:60',
    '2026-11-20T14:30:00+05:75',
    '2026-11-23T10:00:00+99:00',
    '2026-11-23T10:00:00+24:00',
    '2026-11-23T10:00:00-15',
    '2026-1-5',
    '23/11/2026',
    '2026-W48-1',
    '2026-327',
    'soon',
    '3 days',
    '3天',
    '二二天前',
    '25点',
    '下午3点61分',
    '3',
    '1/2',
    '11/20',
    '2026.11/20',
    '2026.11.20.5',
    '半前',
    '下午13点',
    '中午9点',
    '周二中午5点',
    '凌晨9点',
    '十十天前',
    '百天前',
    '明年',
    '3月前',
    '一月半前',
    '一百零五十天前',
    '+3天后',
    '半个半小时前',
    '1个半小时半前',
    '123456d',
    '',
    '   ',
  ])('refuses %j, naming the accepted formats', (text) => {
    const attempt = () => parseWhen(text, now, '--at');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(`--at: '${text}' is not a date; use YYYY-MM-DD, 'YYYY-MM-DD HH:mm', ISO 8601, today, yesterday, tomorrow`);
  });

  it('accepts 29 February in a leap year', () => {
    expect(at('2028-02-29')).toBe(new Date(2028, 1, 29).getTime());
  });
});

describe('parseWhen: properties', () => {
  it('reads back any moment written as ISO 8601 UTC', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (moment) => {
        expect(parseWhen(moment.toISOString(), now, '--at')).toEqual({ at: moment, dateOnly: false });
      }),
    );
  });

  it("reads back any local moment written as 'YYYY-MM-DD HH:mm'", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }), (moment) => {
        const written = localMinute(moment);
        const read = parseWhen(written, now, '--at');
        expect(read.dateOnly).toBe(false);
        expect(localMinute(read.at)).toBe(written);
        expect(read.at.getTime()).toBe(
          new Date(moment.getFullYear(), moment.getMonth(), moment.getDate(), moment.getHours(), moment.getMinutes()).getTime(),
        );
      }),
    );
  });

  it("reads any 'YYYY-MM-DD HH:mm', even one a clock change skips, as Date's local constructor does", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (year, month, day, hour, minute) => {
          const text = `${year}-${pad(month + 1)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
          expect(at(text)).toBe(new Date(year, month, day, hour, minute).getTime());
        },
      ),
    );
  });

  it('reads any bare local date as the start of that day, and --until as the start of the next', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }), (moment) => {
        const day = localDay(moment);
        const [y, m, d] = [moment.getFullYear(), moment.getMonth(), moment.getDate()];
        expect(parseWhen(day, now, '--at')).toEqual({ at: new Date(y, m, d), dateOnly: true });
        expect(parseUntil(day, now)).toEqual(new Date(y, m, d + 1));
      }),
    );
  });

  it('reads Nh and +Nh as exactly N hours before and after now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (hours) => {
        expect(at(`${hours}h`)).toBe(now.getTime() - hours * HOUR);
        expect(at(`+${hours}h`)).toBe(now.getTime() + hours * HOUR);
      }),
    );
  });

  it('either reads a valid date or refuses with a usage error, whatever is typed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9T:+\-. Zz]{1,30}$/)), (text) => {
        let read: Date | undefined;
        try {
          read = parseWhen(text, now, '--at').at;
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
        if (read) expect(Number.isNaN(read.getTime())).toBe(false);
      }),
    );
  });
});

describe('localMinute', () => {
  it("writes a moment as date-fns's format writes it with yyyy-MM-dd HH:mm, in any year", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(-62198755200000 * 2), max: new Date(253402300799999 * 2), noInvalidDate: true }), (moment) => {
        expect(shownMinute(moment)).toBe(format(moment, 'yyyy-MM-dd HH:mm'));
        expect(shownMinute(moment.toISOString())).toBe(format(new Date(moment.toISOString()), 'yyyy-MM-dd HH:mm'));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes a day and a time of day as format writes them with yyyy-MM-dd and HH:mm, in any year", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(-62198755200000 * 2), max: new Date(253402300799999 * 2), noInvalidDate: true }), (moment) => {
        expect(localDate(moment)).toBe(format(moment, 'yyyy-MM-dd'));
        expect(localClock(moment)).toBe(format(moment, 'HH:mm'));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not a time, as format does', () => {
    expect(() => shownMinute('soon')).toThrow(RangeError);
    expect(() => format(new Date('soon'), 'yyyy-MM-dd HH:mm')).toThrow(RangeError);
  });
});

describe('isCanonicalInstant', () => {
  it('takes any moment toISOString writes, from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (moment) => {
        expect(isCanonicalInstant(moment.toISOString())).toBe(true);
      }),
    );
  });

  it.each(['2028-02-29T10:00:00.000Z', '2000-02-29T23:59:59.999Z', '0000-02-29T00:00:00.000Z'])('takes 29 February of the leap year in %j', (text) => {
    expect(isCanonicalInstant(text)).toBe(true);
  });

  it.each([
    '2026-02-30T10:00:00.000Z',
    '2026-02-29T10:00:00.000Z',
    '1900-02-29T10:00:00.000Z',
    '2026-00-10T10:00:00.000Z',
    '2026-10-00T10:00:00.000Z',
    '2026-13-01T10:00:00.000Z',
    '2026-11-31T10:00:00.000Z',
    '2026-11-20T24:00:00.000Z',
    '2026-11-20T14:60:00.000Z',
    '2026-11-20t14:30:00.000z',
    '2026-11-20T14:30:00Z',
    '2026-11-20T14:30:00.5Z',
    '2026-11-20 14:30:00.000Z',
    '2026-11-20T14:30:00.000+00:00',
    ' 2026-11-20T14:30:00.000Z',
    '+012026-11-20T14:30:00.000Z',
  ])('leaves %j to the general parser', (text) => {
    expect(isCanonicalInstant(text)).toBe(false);
  });

  it('agrees with the general parser on any text of its shape: true exactly where that one reads it and writes the same text back', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => pad(n));
    const text = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((n) => pad(n, 4)),
        fc.oneof(two(13), two(99)),
        fc.oneof(two(32), two(99)),
        fc.oneof(two(24), two(99)),
        fc.oneof(two(60), two(99)),
        fc.oneof(two(60), two(99)),
        fc.integer({ min: 0, max: 999 }).map((n) => pad(n, 3)),
      )
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(text, (written) => {
        let general: Date | undefined;
        try {
          general = parseWhen(written, now, '--at').at;
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
        expect(isCanonicalInstant(written)).toBe(general !== undefined && general.toISOString() === written);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parsePast', () => {
  it('accepts now and any earlier time', () => {
    expect(parsePast('now', now, '--at')).toEqual(now);
    expect(parsePast('2026-11-20 14:30', now, '--at')).toEqual(new Date(2026, 10, 20, 14, 30));
    expect(parsePast('today', now, '--at')).toEqual(new Date(2026, 10, 23));
  });

  it("allows a minute's grace for a till whose clock runs behind", () => {
    const slightlyAhead = new Date(now.getTime() + 59_000);
    expect(parsePast(slightlyAhead.toISOString(), now, '--at')).toEqual(slightlyAhead);
  });

  it.each([
    [new Date(now.getTime() + 61_000).toISOString()],
    ['+1h'],
    ['2026-11-24'],
  ])('refuses %j as being in the future', (text) => {
    const attempt = () => parsePast(text, now, '--at');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(`--at: '${text}' is in the future; give when it happened`);
  });

  it('refuses what is not a date with the accepted formats', () => {
    expect(() => parsePast('last week', now, '--at')).toThrow(/--at: 'last week' is not a date; use YYYY-MM-DD/);
  });
});

describe('parseRespondBy', () => {
  it('takes a bare day as by its end, shown as 23:59 that day', () => {
    for (const day of ['tomorrow', '明天', '2026-11-25']) {
      const by = parseRespondBy(day, now);
      expect(by.getTime()).toBe(parseUntil(day, now).getTime() - 1);
      expect(shownMinute(by)).toMatch(/ 23:59$/);
    }
  });

  it('takes a time, or a time ahead, as it is', () => {
    expect(parseRespondBy('2026-11-25 12:00', now)).toEqual(new Date(2026, 10, 25, 12));
    expect(parseRespondBy('+2d', now)).toEqual(daysFrom(now, 2));
  });
});

describe('parseSince and parseUntil', () => {
  it('starts a range at the beginning of a bare day', () => {
    expect(parseSince('2026-11-20', now)).toEqual(new Date(2026, 10, 20));
  });

  it('ends a range after the whole of a bare day', () => {
    expect(parseUntil('2026-11-20', now)).toEqual(new Date(2026, 10, 21));
    expect(parseUntil('2026-12-31', now)).toEqual(new Date(2027, 0, 1));
  });

  it('ends a bare day at the next local midnight even on a day the clocks change', () => {
    expect(parseUntil('2026-03-08', now)).toEqual(new Date(2026, 2, 9));
    expect(parseUntil('2026-03-29', now)).toEqual(new Date(2026, 2, 30));
    expect(parseUntil('2026-10-25', now)).toEqual(new Date(2026, 9, 26));
  });

  it('ends today and yesterday after their whole day', () => {
    expect(parseUntil('today', now)).toEqual(new Date(2026, 10, 24));
    expect(parseUntil('yesterday', now)).toEqual(new Date(2026, 10, 23));
  });

  it('ends a range exactly at a time of day, a relative time or now', () => {
    expect(parseUntil('2026-11-20 14:30', now)).toEqual(new Date(2026, 10, 20, 14, 30));
    expect(parseUntil('2026-11-20T14:30:00Z', now)).toEqual(new Date(Date.UTC(2026, 10, 20, 14, 30)));
    expect(parseUntil('3d', now)).toEqual(daysFrom(now, -3));
    expect(parseUntil('now', now)).toEqual(now);
  });

  // now is in November 2026.
  it.each([
    ['本月', new Date(2026, 10, 1), new Date(2026, 11, 1)],
    ['这个月', new Date(2026, 10, 1), new Date(2026, 11, 1)],
    ['This Month', new Date(2026, 10, 1), new Date(2026, 11, 1)],
    ['上个月', new Date(2026, 9, 1), new Date(2026, 10, 1)],
    [' 上个月 ', new Date(2026, 9, 1), new Date(2026, 10, 1)],
    ['last month', new Date(2026, 9, 1), new Date(2026, 10, 1)],
    ['上上个月', new Date(2026, 8, 1), new Date(2026, 9, 1)],
    ['下个月', new Date(2026, 11, 1), new Date(2027, 0, 1)],
    ['2026-02', new Date(2026, 1, 1), new Date(2026, 2, 1)],
    ['2024年2月', new Date(2024, 1, 1), new Date(2024, 2, 1)],
    ['10月', new Date(2026, 9, 1), new Date(2026, 10, 1)],
    ['十月份', new Date(2026, 9, 1), new Date(2026, 10, 1)],
    ['１０月', new Date(2026, 9, 1), new Date(2026, 10, 1)],
    ['11月', new Date(2026, 10, 1), new Date(2026, 11, 1)],
    // A month without its year that has not begun this year is last year's.
    ['12月', new Date(2025, 11, 1), new Date(2026, 0, 1)],
  ])('reads %j as a whole month: from its first day to the next month\'s', (text, since, until) => {
    expect(parseSince(text, now)).toEqual(since);
    expect(parseUntil(text, now)).toEqual(until);
  });

  it('takes a month without its year from the January after: 12月 is last year\'s, 1月 this year\'s', () => {
    const january = new Date(2027, 0, 5, 10, 0);
    expect(parseSince('12月', january)).toEqual(new Date(2026, 11, 1));
    expect(parseSince('1月', january)).toEqual(new Date(2027, 0, 1));
    expect(parseSince('上个月', january)).toEqual(new Date(2026, 11, 1));
  });

  it('takes no month where a moment is asked for: none is when something happened, nor a deadline', () => {
    expect(() => parsePast('上个月', now, '--at')).toThrow(/^--at: '上个月' is not a date; use .*\(\+2d ahead\)$/);
    expect(() => parseRespondBy('2026-12', now)).toThrow(/^--respond-by: '2026-12' is not a time to respond by; use /);
  });

  it('gives as its example of a deadline a day ahead of today, not a fixed date soon past', () => {
    expect(() => parseRespondBy('fortnight', new Date(2027, 2, 30, 10))).toThrow(
      "--respond-by: 'fortnight' is not a time to respond by; use a time such as '2027-04-01 12:00', a day such as 2027-04-01 (by its end), tomorrow,",
    );
  });

  it.each(['13月', '0月', '2026-13', '2026-00', '2026年十三月'])('refuses %j, a month the calendar does not have', (text) => {
    expect(() => parseSince(text, now)).toThrow(new UsageError(`--since: '${text}' is no month of the calendar; months run from 1 to 12`));
  });

  it('names its own flag in the error by default', () => {
    expect(() => parseSince('soon', now)).toThrow(/^--since: 'soon' is not a date/);
    expect(() => parseUntil('soon', now)).toThrow(/^--until: 'soon' is not a date/);
    expect(() => parseUntil('soon', now, '--to')).toThrow(/^--to: 'soon' is not a date/);
  });
});
