import { UsageError } from '../errors.js';
import { statusShown, typedNames } from '../language/labels.js';
import { t } from '../language/messages.js';
import type { WeekStart } from './config.js';
import { DONE_STATUSES, OPEN_STATUSES, STATUSES, type Status } from './lifecycle.js';
import { personKey } from './person.js';
import { spellingsOf } from './spelling.js';
import { LIST_SEPARATOR, channelFor, oneOf, requiredText, typedList, wholeNumber } from './validate.js';
import { parseSince, parseUntil } from './when.js';

/** The filters given as one typed value and matched to the spellings the logbook uses. */
export const SPELT_FIELDS = ['cause', 'category', 'channel', 'assignee', 'till', 'branch'] as const;
export type SpeltField = (typeof SPELT_FIELDS)[number];

/** Which complaints a listing or export covers; every field given must hold. */
export interface ComplaintFilter {
  statuses?: readonly Status[];
  /** Spellings in use, any of which matches; none matches nothing. */
  cause?: readonly string[];
  category?: readonly string[];
  channel?: readonly string[];
  assignee?: readonly string[];
  till?: readonly string[];
  branch?: readonly string[];
  /** Occurred at or after (ISO UTC). */
  since?: string;
  /** Occurred before (ISO UTC). */
  until?: string;
  /** Open and past its respond-by at this moment (ISO UTC). */
  overdueAt?: string;
  /** Open, and to be answered from `from` (not yet overdue) to before `before` (ISO UTC). */
  dueWithin?: { from: string; before: string };
  /** Resolved before (ISO UTC). */
  resolvedBefore?: string;
  /** With a customer or a contact recorded, someone to call back (true), or with neither (false). */
  someoneToCall?: boolean;
  /** With a remedy proposed that waits for approval. */
  awaitingApproval?: true;
  /** Given to no one yet, and no remedy waiting for approval (the desk lists those apart). */
  toAssign?: true;
  /** By one person: their name's or their contact's person key matching the one typed (personKey). */
  person?: { customer: string; contact: string };
  /** Not withdrawn (its logging undone): what a list shows unless a status is asked for. */
  standing?: true;
  limit?: number;
  /** In any order: whichever SQL finds quickest, for a read that only measures what it reads. */
  order: 'newest first' | 'oldest first' | 'by id' | 'by respond-by' | 'by resolved' | 'any';
}

/**
 * The same complaints as `filter`, in whatever order they are quickest to read: a table's first
 * pass only measures them. With a limit, which complaints come depends on their order.
 */
export function inAnyOrder(filter: ComplaintFilter): ComplaintFilter {
  return filter.limit === undefined ? { ...filter, order: 'any' } : filter;
}

export interface FilterFlags {
  status?: string;
  cause?: string;
  category?: string;
  channel?: string;
  assignee?: string;
  customer?: string;
  till?: string;
  branch?: string;
  since?: string;
  until?: string;
  overdue?: boolean;
  limit?: string;
}

/**
 * Resolved complaints not yet followed up, resolved before the given moment, the longest waiting
 * first; given `someoneToCall`, only those with (true) or without (false) a customer or contact.
 */
export function followUpsDue(resolvedBefore: string, someoneToCall?: boolean): ComplaintFilter {
  return { statuses: ['resolved'], resolvedBefore, ...(someoneToCall === undefined ? {} : { someoneToCall }), order: 'by resolved' };
}

/** A filter as checked, before its spelt fields (SPELT_FIELDS) are matched to the logbook's spellings. */
export type TypedFilter = Omit<ComplaintFilter, SpeltField> & { [field in SpeltField]?: string };

const STATUS_GROUPS = { open: OPEN_STATUSES, done: DONE_STATUSES };
const STATUSES_FILTERED = [...STATUSES, 'open', 'done'] as const;

function statusFilterNames(status: (typeof STATUSES_FILTERED)[number]): readonly string[] {
  if (status === 'open') return [t('report.summaryOpen')];
  if (status === 'done') return [t('filter.statusDone')];
  return typedNames(statusShown)(status);
}

/**
 * The statuses --status names; `open` (未结, as the report calls them) stands for every status
 * still to be answered, as the report counts them, and `done` (已结) for those answered; a
 * withdrawn complaint, logged by mistake, is in neither.
 */
function statusesTyped(text: string): Status[] {
  const named = typedList(text).flatMap((typed) => {
    const status = oneOf(typed, STATUSES_FILTERED, '--status', statusFilterNames);
    return status === 'open' || status === 'done' ? STATUS_GROUPS[status] : [status];
  });
  return [...new Set(named)];
}

/** Reads the filter flags; a week given to --since or --until (上周) is the shop's, starting on `weekStart`. */
export function checkFilter(flags: FilterFlags, now: Date, order: ComplaintFilter['order'], weekStart: WeekStart = 'monday'): TypedFilter {
  const since = flags.since === undefined ? undefined : parseSince(flags.since, now, '--since', weekStart);
  const until = flags.until === undefined ? undefined : parseUntil(flags.until, now, '--until', weekStart);
  if (since && until && until <= since) {
    throw new UsageError(t('period.untilNotAfterSince', { until: flags.until ?? '', since: flags.since ?? '' }));
  }
  return {
    order,
    ...(flags.status === undefined
      ? {}
      : { statuses: statusesTyped(flags.status) }),
    ...(flags.cause === undefined ? {} : { cause: requiredText(flags.cause, '--cause') }),
    ...(flags.category === undefined ? {} : { category: requiredText(flags.category, '--category') }),
    ...(flags.channel === undefined ? {} : { channel: requiredText(flags.channel, '--channel') }),
    ...(flags.assignee === undefined ? {} : { assignee: requiredText(flags.assignee, '--assignee') }),
    ...(flags.till === undefined ? {} : { till: requiredText(flags.till, '--till') }),
    ...(flags.branch === undefined ? {} : { branch: requiredText(flags.branch, '--branch') }),
    ...(flags.customer === undefined ? {} : { person: personTyped(requiredText(flags.customer, '--customer')) }),
    ...(since === undefined ? {} : { since: since.toISOString() }),
    ...(until === undefined ? {} : { until: until.toISOString() }),
    ...(flags.overdue ? { overdueAt: now.toISOString() } : {}),
    ...(flags.limit === undefined ? {} : { limit: wholeNumber(flags.limit, 1, 1_000_000_000, '--limit') }),
  };
}

/** A name or a contact typed to find a person by: either is matched as log matches an earlier complaint's. */
function personTyped(nameOrContact: string): { customer: string; contact: string } {
  return { customer: personKey(nameOrContact, 'customer'), contact: personKey(nameOrContact, 'contact') };
}

/** Told of a spelt field given whose value nothing in use is spelt like, with the spellings in use. */
export type NamedNothing = (field: SpeltField, typed: string, inUse: readonly string[]) => void;

/**
 * The filter matching every spelling in use of each of its spelt fields, in any capitals
 * of any script: "PÂTISSERIE" finds "pâtisserie" and "Pâtisserie", which SQLite's NOCASE (ASCII
 * letters only) would miss. A value spelt like nothing in use that lists several (配送、环境) finds
 * each of them; one that finds nothing is told to `namedNothing`, a typing slip that would read
 * as a quiet week otherwise. `inUse` gives the spellings of one field; it is asked only for the
 * fields given.
 */
export function matchSpellings(typed: TypedFilter, inUse: (field: SpeltField) => readonly string[], namedNothing?: NamedNothing): ComplaintFilter {
  const { cause, category, channel, assignee, till, branch, ...rest } = typed;
  const filter: ComplaintFilter = rest;
  const typedValues = { cause, category, channel, assignee, till, branch };
  for (const field of SPELT_FIELDS) {
    const value = typedValues[field];
    if (value === undefined) continue;
    const spellings = inUse(field);
    // A channel kept as two names (美团/大众点评) is found by either, as log finds it.
    const spelt = (named: string) => spellingsOf(field === 'channel' ? (channelFor(named, spellings) ?? named) : named, spellings);
    const whole = spelt(value);
    // A value holding a comma may be one spelling in use ("cold, late"): only when it is none is it a list.
    const listed = whole.length > 0 || !LIST_SEPARATOR.test(value) ? [] : typedList(value).map((item) => item.trim()).filter((item) => item !== '');
    const items = listed.length === 0 ? [{ item: value, found: whole }] : listed.map((item) => ({ item, found: spelt(item) }));
    // Each item of a list that finds nothing is told, though the others find some (菜品、配送).
    for (const { item, found } of items) if (found.length === 0) namedNothing?.(field, item, spellings);
    filter[field] = [...new Set(items.flatMap(({ found }) => found))];
  }
  return filter;
}
