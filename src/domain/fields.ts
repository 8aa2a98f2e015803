import { natureShown, remedyShown, severityShown, statusShown } from '../language/labels.js';
import { t, type MessageKey } from '../language/messages.js';
import type { Complaint, NewComplaint } from './complaint.js';
import { STATUSES } from './lifecycle.js';
import { NATURES } from './nature.js';
import { REMEDIES, SEVERITIES, WANTS } from './validate.js';

/**
 * What a field holds, which decides how it is read from a file, written as JSON and CSV, and
 * shown: a choice of fixed values; a category (one of the shop's) or a cause (spelt as those in
 * use); an amount in minor units; a satisfaction from 1 to 5, and those of earlier follow-ups; the remedies given; a uid.
 */
export type FieldKind =
  | { type: 'id' }
  | { type: 'time' }
  | { type: 'text' }
  | { type: 'name' }
  | { type: 'choice'; of: readonly string[]; shown: (value: string) => string }
  | { type: 'category' }
  | { type: 'channel' }
  | { type: 'cause' }
  | { type: 'money' }
  | { type: 'satisfaction' }
  | { type: 'scores' }
  | { type: 'remedies' }
  | { type: 'uid' };

/** One field of a complaint, defined once: everything that shows, stores or reads a complaint derives from these. */
export interface Field {
  /** The complaint's property, and its column in the logbook. */
  name: keyof Complaint;
  /** Its key in JSON and its column in CSV, in the order of FIELDS (the contract's order). */
  column: string;
  kind: FieldKind;
  /** Every complaint has one; a file must give it. */
  required: boolean;
  /** A step may change it (the logbook's own bookkeeping may not). */
  writable: boolean;
  /**
   * What `show` calls it, as a message (fieldLabel gives it in the language spoken), and where it
   * stands there (lower first); null when show gives it otherwise (the heading, the text).
   */
  shown: { key: MessageKey; at: number } | null;
}

const text = { type: 'text' } as const;
// Text a command takes as a name (nameChecked): one line, at most NAME_MOST characters.
const named = { type: 'name' } as const;
const time = { type: 'time' } as const;
// A choice's values are stored and given as flags in English, and shown (and may be typed) in the
// language spoken: `shown` gives one as a person reads it.
const choice = <T extends string>(of: readonly T[], shown: (value: T) => string) =>
  ({ type: 'choice', of, shown: (value: string) => shown(value as T) }) as const;

function field<N extends keyof Complaint, C extends string = N>(
  name: N,
  kind: FieldKind,
  shown: Field['shown'],
  { column, required = false, writable = true }: { column?: C; required?: boolean; writable?: boolean } = {},
): Field & { name: N; column: C } {
  return { name, column: column ?? (name as unknown as C), kind, required, writable, shown };
}

const show = (key: MessageKey, at: number) => ({ key, at });

/** Every field of a complaint, in the contract's column order (PRODUCT.md: "more may follow" after satisfaction). */
export const FIELDS = [
  field('id', { type: 'id' }, null, { required: true, writable: false }),
  field('logged_at', time, show('fields.logged', 3), { required: true, writable: false }),
  field('occurred_at', time, show('fields.occurred', 2), { required: true }),
  field('status', choice(STATUSES, statusShown), show('fields.status', 1), { required: true }),
  field('channel', { type: 'channel' }, show('fields.channel', 6)),
  field('customer', named, show('fields.customer', 4)),
  field('contact', named, show('fields.contact', 5)),
  field('about', named, show('fields.about', 7)),
  field('description', text, null, { required: true }),
  field('wants', choice(WANTS, remedyShown), show('fields.wants', 8)),
  field('suggestion', text, show('fields.suggestion', 9)),
  field('category', { type: 'category' }, show('fields.category', 12)),
  field('cause', { type: 'cause' }, show('fields.cause', 13)),
  field('severity', choice(SEVERITIES, severityShown), show('fields.severity', 14)),
  field('assignee', named, show('fields.assignee', 16)),
  field('respond_by', time, show('fields.respondBy', 17)),
  field('resolved_at', time, show('fields.resolved', 18)),
  field('remedy', choice(REMEDIES, remedyShown), show('fields.remedy', 19)),
  field('cost_minor', { type: 'money' }, show('fields.cost', 21), { column: 'cost' }),
  field('root_cause', text, show('fields.rootCause', 22)),
  field('action', text, show('fields.action', 23)),
  field('followed_up_at', time, show('fields.followedUp', 24)),
  field('satisfaction', { type: 'satisfaction' }, show('fields.satisfaction', 25)),
  field('staff', named, show('fields.takenBy', 10)),
  field('reject_reason', text, show('fields.rejectedBecause', 15)),
  field('remedies', { type: 'remedies' }, null, { writable: false }),
  field('uid', { type: 'uid' }, null, { writable: false }),
  field('till', named, show('fields.till', 26), { writable: false }),
  field('branch', named, show('fields.branch', 27), { writable: false }),
  field('nature', choice(NATURES, natureShown), show('fields.nature', 11)),
  field('answer', text, show('fields.answer', 20)),
  field('proposed_remedy', choice(REMEDIES, remedyShown), show('fields.proposedRemedy', 28)),
  field('proposed_cost_minor', { type: 'money' }, show('fields.proposedCost', 29), { column: 'proposed_cost' }),
  field('missed_respond_by', time, show('fields.missedRespondBy', 17.5)),
  // Shown by the timeline, as the resolution that recorded the action.
  field('action_at', time, null),
  field('earlier_satisfaction', { type: 'scores' }, show('fields.earlierSatisfaction', 25.5)),
] as const satisfies readonly Field[];

/** What `show` calls a field, in the language spoken: `fieldLabel(field.shown)`. */
export function fieldLabel(shown: { readonly key: MessageKey }): string {
  return t(shown.key);
}

/** A complaint's column in JSON and CSV. */
export type RecordColumn = (typeof FIELDS)[number]['column'];

/** The properties FIELDS defines (a test holds it to every property of Complaint). */
export type FieldName = (typeof FIELDS)[number]['name'];

/** The fields kept as columns of the complaints table (the remedies are rows of their own). */
export const STORED_FIELDS = FIELDS.filter((f) => f.kind.type !== 'remedies');

/** The names a step may change. */
export const WRITABLE_NAMES: ReadonlySet<string> = new Set(FIELDS.filter((f) => f.writable).map((f) => f.name));

/**
 * Where each field's value is in a bare row of the logbook's `columns`, in the order of FIELDS:
 * worked out once for rows made many times over.
 */
export function placesOfFields(columns: readonly string[]): number[] {
  return FIELDS.map((field) => {
    const place = columns.indexOf(field.name);
    if (place === -1) throw new Error(`the rows have no column for ${field.column}`);
    return place;
  });
}

/**
 * Every field of a complaint not yet numbered, as it stands when nothing was given: none, and no
 * remedies. What a complaint must have is to be given over it.
 */
export function nothingGiven(): NewComplaint {
  const fields = FIELDS.filter((field) => field.name !== 'id');
  return Object.fromEntries(fields.map((field) => [field.name, field.kind.type === 'remedies' ? [] : null])) as unknown as NewComplaint;
}
