import { localClock, localMinute, localYear } from '../domain/when.js';
import { spoken } from './messages.js';

// Written out here rather than by date-fns's format, which would bring its every pattern and the
// English locale (~50 KB) to each command that shows a time; a test holds them to its output.
const WEEKDAYS_ZH = '日一二三四五六';
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day as a person reads it in a heading: "Mon 23 Nov 2026", "2026年11月23日 周一". */
export function dayShown(day: Date): string {
  if (spoken() === 'zh-CN') return `${day.getFullYear()}年${dayInYearShown(day)}`;
  return `${dayInYearShown(day)} ${localYear(day)}`;
}

/** A day within a year already named, shorter: "Mon 23 Nov", "11月23日 周一". */
export function dayInYearShown(day: Date): string {
  if (spoken() === 'zh-CN') return `${day.getMonth() + 1}月${day.getDate()}日 周${WEEKDAYS_ZH[day.getDay()]}`;
  return `${WEEKDAYS_EN[day.getDay()]} ${day.getDate()} ${MONTHS_EN[day.getMonth()]}`;
}

/** A day and time as a person reads it at the top of a screen: "Mon 23 Nov 2026, 09:30", "2026年11月23日 周一 09:30". */
export function dayAndTimeShown(at: Date): string {
  return spoken() === 'zh-CN' ? `${dayShown(at)} ${localClock(at)}` : `${dayShown(at)}, ${localClock(at)}`;
}

/** A stored UTC time in the shop's local time; nothing for none. */
export function localTime(iso: string | null): string {
  return iso === null ? '' : localMinute(iso);
}
