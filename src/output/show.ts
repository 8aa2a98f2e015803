import type { ChalkInstance } from 'chalk';
import type { Complaint, TimelineEvent } from '../domain/complaint.js';
import { FIELDS, type Field } from '../domain/fields.js';
import { isOverdue } from '../domain/lifecycle.js';
import { formatMoney } from '../domain/money.js';
import { complaintRef, inert, localTime, oneLine } from './terminal.js';

// The fields show lists, in its order, under their labels.
const SHOWN = FIELDS.flatMap((field) => (field.shown === null ? [] : [{ ...field, ...field.shown }])).sort((a, b) => a.at - b.at);
const LABEL_WIDTH = Math.max(...SHOWN.map(({ label }) => label.length));

/** One complaint for a person: what was said, where it stands, and its timeline. */
export function describeComplaint(c: Complaint, events: readonly TimelineEvent[], now: Date, paint: ChalkInstance): string {
  const late = isOverdue(c.status, c.respond_by, now);
  const shown = SHOWN.flatMap((field) => {
    const value = shownValue(c, field);
    const mark = field.name === 'status' && late ? paint.red(' (overdue)') : '';
    return value === null ? [] : [`${paint.dim(field.label.padEnd(LABEL_WIDTH))}  ${oneLine(value)}${mark}`];
  });
  const lines = [
    paint.bold(`Complaint ${complaintRef(c.id)}`),
    ...indent(inert(c.description)),
    '',
    ...shown,
    '',
    paint.bold('Timeline'),
    ...events.map((event) => timelineLine(event, paint)),
  ];
  return lines.join('\n');
}

/** A field's value as show gives it; null leaves its line out. */
function shownValue(c: Complaint, field: Field): string | null {
  // When it was logged is worth a line only when it was logged after the fact.
  if (field.name === 'logged_at' && c.logged_at === c.occurred_at) return null;
  if (field.name === 'remedy') return remediesText(c);
  const value = c[field.name];
  if (value === null) return null;
  switch (field.kind.type) {
    case 'time':
      return localTime(value as string);
    case 'money':
      return field.name === 'cost_minor' ? costText(c) : formatMoney(value as number);
    case 'satisfaction':
      return `${value as number}/5`;
    default:
      return String(value);
  }
}

/** The remedy, or every remedy given in turn when there were several. */
function remediesText(c: Complaint): string | null {
  return c.remedies.length > 1 ? c.remedies.map((given) => given.remedy).join(', then ') : c.remedy;
}

/** What the remedies cost, and when there were several, what each one cost. */
function costText(c: Complaint): string | null {
  if (c.cost_minor === null) return null;
  if (c.remedies.length < 2) return formatMoney(c.cost_minor);
  const each = c.remedies.map((given) => (given.cost_minor === null ? '0.00' : formatMoney(given.cost_minor)));
  return `${formatMoney(c.cost_minor)} (${each.join(' + ')})`;
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => `  ${line}`);
}

function timelineLine(event: TimelineEvent, paint: ChalkInstance): string {
  const entered = event.recorded_at.slice(0, 16) === event.at.slice(0, 16) ? '' : paint.dim(` (entered ${localTime(event.recorded_at)})`);
  const details = Object.entries(event.changes)
    // The status shows in the action, and a step's own time (resolved_at = at) in the line's time.
    .filter(([key, value]) => key !== 'status' && key !== 'description' && value !== event.at)
    .map(([key, value]) => `${key.replace(/cost_minor$/, 'cost').replace(/_/g, ' ')}: ${describeValue(key, value)}`)
    .join(', ');
  return `  ${localTime(event.at)}  ${event.action}${details ? ' — ' + details : ''}${entered}`;
}

function describeValue(key: string, value: unknown): string {
  if (value === null) return '(cleared)';
  if (key.endsWith('cost_minor') && typeof value === 'number') return formatMoney(value);
  if (key.endsWith('_at') || key === 'respond_by') return localTime(String(value));
  return oneLine(String(value), 80);
}
