import { UsageError } from '../errors.js';
import { spellingKey } from './spelling.js';

export const CHANNELS = ['in-person', 'phone', 'email', 'web', 'social', 'other'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const REMEDIES = [
  'refund',
  'replacement',
  'repair',
  'discount',
  'compensation',
  'apology',
  'explanation',
  'none',
] as const;
/** What the customer asks for is one of the remedies the shop can give. */
export const WANTS = REMEDIES;

/** One of `allowed` (each as spellingKey gives it), matched without case or stray spaces; the error lists the choices. */
export function oneOf<T extends string>(text: string, allowed: readonly T[], flag: string): T {
  // Most values come exactly as allowed, which spellingKey leaves as they are: an import checks
  // five a row, and tidying them was a tenth of its time reading a file.
  const wanted = (allowed as readonly string[]).includes(text) ? text : spellingKey(text);
  const found = allowed.find((choice) => choice === wanted);
  if (found === undefined) {
    throw new UsageError(`${flag}: '${text}' is not one of ${allowed.join(', ')}`);
  }
  return found;
}

/** A complaint id as shown (`#12`) or typed (`12`). */
export function parseId(text: string): number {
  const match = /^#?(\d{1,15})$/.exec(text.trim());
  const id = match ? Number(match[1]) : 0;
  if (id < 1) throw new UsageError(`'${text}' is not a complaint id; use a number such as 12 or #12`);
  return id;
}

/** Text that must say something: trimmed, and refused when empty. */
export function requiredText(text: string, what: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new UsageError(`${what} cannot be empty`);
  return trimmed;
}

/** Optional free text: trimmed, with an empty answer meaning "not given". */
export function optionalText(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A whole number in [min, max]. */
export function wholeNumber(text: string, min: number, max: number, flag: string): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    throw new UsageError(`${flag}: '${text}' is not a whole number from ${min} to ${max}`);
  }
  return value;
}
