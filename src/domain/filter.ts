import { UsageError } from '../errors.js';
import { STATUSES, type Status } from './lifecycle.js';
import { oneOf, requiredText, wholeNumber } from './validate.js';
import { parseSince, parseUntil } from './when.js';

/** Which complaints a listing or export covers; every field given must hold. */
export interface ComplaintFilter {
  statuses?: readonly Status[];
  cause?: string;
  category?: string;
  assignee?: string;
  /** Occurred at or after (ISO UTC). */
  since?: string;
  /** Occurred before (ISO UTC). */
  until?: string;
  /** Open and past its respond-by at this moment (ISO UTC). */
  overdueAt?: string;
  limit?: number;
  order: 'newest first' | 'oldest first' | 'by id' | 'by respond-by';
}

export interface FilterFlags {
  status?: string;
  cause?: string;
  category?: string;
  assignee?: string;
  since?: string;
  until?: string;
  overdue?: boolean;
  limit?: string;
}

export function checkFilter(flags: FilterFlags, now: Date, order: ComplaintFilter['order']): ComplaintFilter {
  const since = flags.since === undefined ? undefined : parseSince(flags.since, now);
  const until = flags.until === undefined ? undefined : parseUntil(flags.until, now);
  if (since && until && until <= since) {
    throw new UsageError(`--until (${flags.until}) is not after --since (${flags.since})`);
  }
  return {
    order,
    ...(flags.status === undefined
      ? {}
      : { statuses: flags.status.split(',').map((s) => oneOf(s, STATUSES, '--status')) }),
    ...(flags.cause === undefined ? {} : { cause: requiredText(flags.cause, '--cause') }),
    ...(flags.category === undefined ? {} : { category: requiredText(flags.category, '--category') }),
    ...(flags.assignee === undefined ? {} : { assignee: requiredText(flags.assignee, '--assignee') }),
    ...(since === undefined ? {} : { since: since.toISOString() }),
    ...(until === undefined ? {} : { until: until.toISOString() }),
    ...(flags.overdue ? { overdueAt: now.toISOString() } : {}),
    ...(flags.limit === undefined ? {} : { limit: wholeNumber(flags.limit, 1, 1_000_000_000, '--limit') }),
  };
}
