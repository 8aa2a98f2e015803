import { format } from 'date-fns/format';
import { localMinute } from '../domain/when.js';
import { spoken } from './messages.js';

const WEEKDAYS_ZH = '日一二三四五六';

/** A day as a person reads it in a heading: "Mon 23 Nov 2026", "2026年11月23日 周一". */
export function dayShown(day: Date): string {
  if (spoken() === 'zh-CN') return `${day.getFullYear()}年${day.getMonth() + 1}月${day.getDate()}日 周${WEEKDAYS_ZH[day.getDay()]}`;
  return format(day, 'EEE d MMM yyyy');
}

/** A day within a year already named, shorter: "Mon 23 Nov", "11月23日 周一". */
export function dayInYearShown(day: Date): string {
  if (spoken() === 'zh-CN') return `${day.getMonth() + 1}月${day.getDate()}日 周${WEEKDAYS_ZH[day.getDay()]}`;
  return format(day, 'EEE d MMM');
}

/** A day and time as a person reads it at the top of a screen: "Mon 23 Nov 2026, 09:30", "2026年11月23日 周一 09:30". */
export function dayAndTimeShown(at: Date): string {
  return spoken() === 'zh-CN' ? `${dayShown(at)} ${format(at, 'HH:mm')}` : format(at, 'EEE d MMM yyyy, HH:mm');
}

/** A stored UTC time in the shop's local time; nothing for none. */
export function localTime(iso: string | null): string {
  return iso === null ? '' : localMinute(iso);
}
