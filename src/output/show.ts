import type { ChalkInstance } from 'chalk';
import type { Complaint, TimelineEntry } from '../domain/complaint.js';
import { FIELDS, fieldLabel, type Field, type FieldKind } from '../domain/fields.js';
import { isOverdue } from '../domain/lifecycle.js';
import { amountShown } from '../domain/money.js';
import { scoresKept } from '../domain/satisfaction.js';
import { FROM_STANDARD_INPUT } from '../domain/imported-rows.js';
import { remedyShown } from '../language/labels.js';
import { actionShown } from '../domain/steps.js';
import { t, type MessageKey } from '../language/messages.js';
import { complaintRef, inert, oneLine } from './terminal.js';
import { localTime } from '../language/dates.js';
import { displayWidth, padToWidth } from './width.js';

// The fields that hold a time, which the timeline gives in local time as show does (respond_by, missed_respond_by).
const TIMES: ReadonlySet<string> = new Set(FIELDS.filter((field) => field.kind.type === 'time').map((field) => field.name));

// The fields show lists, in its order.
const SHOWN = FIELDS.flatMap((field) => (field.shown === null ? [] : [{ field: field as Field, shown: field.shown }])).sort((a, b) => a.shown.at - b.shown.at);

/** How the timeline names what an event changed: as show names the field where that reads the same, else as here. */
const CHANGE_LABELS: Readonly<Record<string, MessageKey>> = {
  ...Object.fromEntries(SHOWN.map(({ field, shown }) => [field.name, shown.key])),
  occurred_at: 'timeline.keyOccurredAt',
  logged_at: 'timeline.keyLoggedAt',
  resolved_at: 'timeline.keyResolvedAt',
  followed_up_at: 'timeline.keyFollowedUpAt',
  reject_reason: 'timeline.keyRejectReason',
  note: 'timeline.keyNote',
  by: 'timeline.keyBy',
  reason: 'timeline.keyReason',
  undid: 'timeline.keyUndid',
  source: 'timeline.keySource',
  original_id: 'timeline.keyOriginalId',
  previous_cause: 'timeline.keyPreviousCause',
  action_at: 'timeline.keyActionAt',
};

const FOLLOW_UP_FIELDS: ReadonlySet<string> = new Set(['followed_up_at', 'satisfaction']);

/** One complaint for a person: what was said, where it stands, and its timeline; amounts in the shop's currency. */
export function describeComplaint(c: Complaint, events: readonly TimelineEntry[], currency: string, now: Date, paint: ChalkInstance): string {
  const late = isOverdue(c.status, c.respond_by, now);
  // Resolved and followed up already, it was reopened by that follow-up and resolved again: it
  // waits for a new one, and the one shown is the customer's word on the remedy before.
  const followedUpBefore = c.status === 'resolved' && c.followed_up_at !== null;
  const labels = SHOWN.map(({ shown }) => fieldLabel(shown));
  const labelWidth = Math.max(...labels.map(displayWidth));
  const shown = SHOWN.flatMap(({ field }, index) => {
    const value = shownValue(c, field, currency);
    let mark = '';
    if (field.name === 'status' && late) mark = paint.red(t('show.overdue'));
    if (followedUpBefore && FOLLOW_UP_FIELDS.has(field.name)) mark = paint.dim(t('show.beforeResolvedAgain'));
    const label = labels[index]!;
    return value === null ? [] : [`${paint.dim(padToWidth(label, labelWidth))}  ${oneLine(value)}${mark}`];
  });
  const lines = [
    paint.bold(t('show.heading', { ref: complaintRef(c.id) })),
    ...indent(inert(c.description)),
    '',
    ...shown,
    '',
    paint.bold(t('show.timeline')),
    ...events.map((event) => timelineLine(event, currency, paint)),
  ];
  return lines.join('\n');
}

/** A field's value as show gives it; null leaves its line out. */
function shownValue(c: Complaint, field: Field, currency: string): string | null {
  // When it was logged is worth a line only when it was logged after the fact.
  if (field.name === 'logged_at' && c.logged_at === c.occurred_at) return null;
  if (field.name === 'remedy') return remediesText(c);
  const value = c[field.name];
  if (value === null) return null;
  switch (field.kind.type) {
    case 'time':
      return localTime(value as string);
    case 'money':
      return field.name === 'cost_minor' ? costText(c, currency) : amountShown(value as number, currency);
    case 'satisfaction':
      return `${value as number}/5`;
    case 'scores':
      return scoresKept(value as string)
        .map((score) => `${score}/5`)
        .join(t('common.listSeparator'));
    case 'choice':
      return choiceShown(field.name, String(value));
    default:
      return String(value);
  }
}

/**
 * A value of a fixed choice (a status, nature, severity, remedy, or the action an undo
 * reversed) as a person reads it in the language spoken; any other value as it is.
 */
function choiceShown(name: string, value: string): string {
  if (name === 'undid') return actionShown(value);
  const kind = CHOICES.get(name);
  return kind !== undefined && kind.of.includes(value) ? kind.shown(value) : value;
}

const CHOICES: ReadonlyMap<string, Extract<FieldKind, { type: 'choice' }>> = new Map(
  FIELDS.flatMap((field) => (field.kind.type === 'choice' ? [[field.name, field.kind] as const] : [])),
);

/** The remedy, or every remedy given in turn when there were several. */
function remediesText(c: Complaint): string | null {
  if (c.remedies.length > 1) return c.remedies.map((given) => remedyShown(given.remedy)).reduce((earlier, later) => t('show.remedyThen', { earlier, later }));
  return c.remedy === null ? null : remedyShown(c.remedy);
}

/** What the remedies cost, and when there were several, what each one cost. */
function costText(c: Complaint, currency: string): string | null {
  if (c.cost_minor === null) return null;
  if (c.remedies.length < 2) return amountShown(c.cost_minor, currency);
  const each = c.remedies.map((given) => amountShown(given.cost_minor ?? 0, currency));
  return t('show.costEach', { total: amountShown(c.cost_minor, currency), each: each.join(' + ') });
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => `  ${line}`);
}

// The steps that give, propose or turn down a remedy: a cost of none in them is a remedy without
// one, not a cost cleared.
const REMEDY_ACTIONS: ReadonlySet<string> = new Set(['resolved', 'approved', 'proposed', 'proposal-rejected']);

function timelineLine(event: TimelineEntry, currency: string, paint: ChalkInstance): string {
  const entered = event.recorded_at.slice(0, 16) === event.at.slice(0, 16) ? '' : paint.dim(t('show.entered', { at: localTime(event.recorded_at) }));
  const details = Object.entries(event.changes)
    // The status shows in the action, and a step's own time (resolved_at = at) in the line's time.
    .filter(([key, value]) => key !== 'status' && key !== 'description' && value !== event.at)
    .filter(([key, value]) => !(value === null && key.endsWith('cost_minor') && REMEDY_ACTIONS.has(event.action)))
    .filter(([key]) => key !== 'undid_at')
    // An action cleared takes the time it was recorded with it: saying so too is noise.
    .filter(([key, value]) => !(key === 'action_at' && value === null && event.changes.action === null))
    .map(([key, value]) => t('show.change', { name: changeLabel(key), value: describeValue(key, value, currency, event.changes) }))
    .join(t('show.changeSeparator'));
  const action = event.undone ? t('timeline.undoneMark', { action: actionShown(event.action) }) : actionShown(event.action);
  return `  ${localTime(event.at)}  ${action}${details ? ' — ' + details : ''}${entered}`;
}

/** What the timeline calls a change, in the language spoken; one not known here, by its name in words. */
function changeLabel(key: string): string {
  if (Object.hasOwn(CHANGE_LABELS, key)) return t(CHANGE_LABELS[key]!);
  return key.replace(/cost_minor$/, 'cost').replace(/_/g, ' ');
}

function describeValue(key: string, value: unknown, currency: string, changes: Readonly<Record<string, unknown>>): string {
  if (value === null) return t('show.cleared');
  // An undo says which change it undid by its time too (undos recorded before say only its kind).
  if (key === 'undid' && typeof changes.undid_at === 'string') return t('timeline.undidOf', { action: actionShown(String(value)), at: localTime(changes.undid_at) });
  if (key.endsWith('cost_minor') && typeof value === 'number') return amountShown(value, currency);
  if (key.endsWith('_at') || TIMES.has(key)) return localTime(String(value));
  if (key === 'source' && value === FROM_STANDARD_INPUT) return t('import.standardInput');
  return oneLine(choiceShown(key, String(value)), 80);
}
