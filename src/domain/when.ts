import { addDays } from 'date-fns/addDays';
import { addHours } from 'date-fns/addHours';
import { addWeeks } from 'date-fns/addWeeks';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { startOfDay } from 'date-fns/startOfDay';
import { UsageError } from '../errors.js';
import { halfWidth } from './validate.js';

export const DATE_FORMATS = "YYYY-MM-DD, 'YYYY-MM-DD HH:mm', ISO 8601, today, yesterday, or 3d / 2w / 5h ago (+2d ahead)";

// parseISO also takes years, weeks and ordinal dates; the contract promises only these shapes.
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const RELATIVE = /^([+-]?)(\d{1,5})\s*([hdw])(?:\s+ago)?$/;
// Exactly what toISOString (and so export) writes.
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface When {
  at: Date;
  /** True when only a calendar day was given, so a range bound can cover the whole day. */
  dateOnly: boolean;
}

/** Reads a point in time as the user typed it, in local time; `flag` names it in the error. */
export function parseWhen(text: string, now: Date, flag: string): When {
  const plain = halfWidth(text);
  const input = plain.toLowerCase();
  if (input === 'now') return { at: now, dateOnly: false };
  if (input === 'today') return { at: startOfDay(now), dateOnly: true };
  if (input === 'yesterday') return { at: startOfDay(addDays(now, -1)), dateOnly: true };

  const relative = RELATIVE.exec(input);
  if (relative) {
    const amount = Number(relative[2]) * (relative[1] === '+' ? 1 : -1);
    const shift = { h: addHours, d: addDays, w: addWeeks }[relative[3] as 'h' | 'd' | 'w'];
    return { at: shift(now, amount), dateOnly: false };
  }

  const upper = plain.toUpperCase();
  if (ABSOLUTE.test(upper)) {
    const at = parseISO(upper);
    if (isValid(at)) return { at, dateOnly: upper.length === 10 };
  }
  throw new UsageError(`${flag}: '${text}' is not a date; use ${DATE_FORMATS}`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when `text` is a real moment written exactly as toISOString writes it
 * (`2026-11-23T10:00:00.000Z`): parseWhen reads it, and toISOString gives the same text back. An
 * imported file holds millions of these, and reading each through parseISO took a third of an
 * import's time; checking the fields here is some fifty times faster.
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

/** A moment something happened: never later than now, as a complaint cannot be made in the future. */
export function parsePast(text: string, now: Date, flag: string): Date {
  const { at } = parseWhen(text, now, flag);
  // A minute's grace for clocks of two tills that differ slightly.
  if (at.getTime() > now.getTime() + 60_000) {
    throw new UsageError(`${flag}: '${text}' is in the future; give when it happened`);
  }
  return at;
}

/** The start of a range, inclusive. */
export function parseSince(text: string, now: Date, flag = '--since'): Date {
  return parseWhen(text, now, flag).at;
}

/** The end of a range, exclusive: a bare day includes that whole day. */
export function parseUntil(text: string, now: Date, flag = '--until'): Date {
  const { at, dateOnly } = parseWhen(text, now, flag);
  return dateOnly ? addDays(at, 1) : at;
}
